// The fast paths of util/bpe (the open-addressing rank table, tiktoken's
// vector merge for short pieces, the per-thread piece cache) against the plain
// algorithm they replaced, kept here as the reference: an unordered_map from
// token bytes to rank and the heap merge on every piece, no cache. Same token
// ids, on generated texts and on every file of samples/.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <queue>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "../../src/util/bpe_data.hpp"
#include "../../src/util/bpe_merge.hpp"
#include "../../src/util/bpe_ranks.hpp"
#include "skillscore/util/bpe.hpp"

using skillscore::util::Encoding;
namespace bpe = skillscore::util::bpe;

namespace {

struct OldRanks {
  std::unordered_map<std::string_view, std::uint32_t> rank;
  std::vector<std::string_view> tokens;  // by rank
};

// The loader as it was: token bytes -> rank, the first of repeats kept.
OldRanks load_old(Encoding e) {
  const std::string_view data = skillscore::util::bpe_rank_data(e);
  std::size_t pos = 7;  // "SKBPE1\n"
  std::uint32_t n = 0;
  for (int b = 3; b >= 0; --b) n = (n << 8) | static_cast<unsigned char>(data[pos + static_cast<std::size_t>(b)]);
  pos += 4;
  OldRanks r;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::size_t len = static_cast<unsigned char>(data[pos++]);
    r.rank.emplace(data.substr(pos, len), i);
    r.tokens.push_back(data.substr(pos, len));
    pos += len;
  }
  return r;
}

const OldRanks& old_ranks(Encoding e) {
  static const OldRanks r[2] = {load_old(Encoding::O200kBase), load_old(Encoding::Cl100kBase)};
  return r[static_cast<std::size_t>(e)];
}

std::uint32_t old_find(const OldRanks& r, std::string_view s) {
  auto it = r.rank.find(s);
  return it == r.rank.end() ? bpe::k_no_rank : it->second;
}

// The heap merge as it was, over the map.
void old_merge(const OldRanks& r, std::string_view piece, std::vector<std::uint32_t>& ids) {
  if (auto rk = old_find(r, piece); rk != bpe::k_no_rank) {
    ids.push_back(rk);
    return;
  }
  const std::size_t n = piece.size();
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> next(n), prev(n);
  std::vector<std::uint32_t> version(n, 0);
  std::vector<bool> alive(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i == 0 ? none : i - 1;
  }
  auto pair_rank = [&](std::size_t i) -> std::uint32_t {
    if (i == none || next[i] >= n) return bpe::k_no_rank;
    return old_find(r, piece.substr(i, next[next[i]] - i));
  };
  struct Item {
    std::uint32_t rank;
    std::size_t start;
    std::uint32_t version;
    bool operator>(const Item& o) const { return rank != o.rank ? rank > o.rank : start > o.start; }
  };
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (auto rk = pair_rank(i); rk != bpe::k_no_rank) heap.push({rk, i, 0});
  }
  while (!heap.empty()) {
    const Item top = heap.top();
    heap.pop();
    if (!alive[top.start] || version[top.start] != top.version) continue;
    const std::size_t i = top.start, j = next[i];
    alive[j] = false;
    next[i] = next[j];
    if (next[i] < n) prev[next[i]] = i;
    ++version[i];
    if (auto rk = pair_rank(i); rk != bpe::k_no_rank) heap.push({rk, i, version[i]});
    if (prev[i] != none) {
      const std::size_t p = prev[i];
      ++version[p];
      if (auto rk = pair_rank(p); rk != bpe::k_no_rank) heap.push({rk, p, version[p]});
    }
  }
  for (std::size_t i = 0; i < n; i = next[i]) ids.push_back(old_find(r, piece.substr(i, next[i] - i)));
}

std::vector<std::uint32_t> old_encode(Encoding e, std::string_view text) {
  std::vector<skillscore::util::Span> pieces;
  skillscore::util::pretokenize(e, text, pieces);
  std::vector<std::uint32_t> ids;
  for (const auto& s : pieces) old_merge(old_ranks(e), text.substr(s.begin, s.end - s.begin), ids);
  return ids;
}

// Texts that reach every path: single tokens, short and long pieces on both
// sides of the cache's and the vector merge's length limits, repeats (cache
// hits, and colliding slots), random bytes of any script.
std::vector<std::string> generated_texts() {
  const std::vector<std::string> pool = {
      "the", " the", "The", "THE", "skill", " Skill", "camelCase", "HTTPServer", "iPhone", "'s", "'LL", "'re",
      "0", "42", "123", "2024", "1234567", ".", ",", "!?", "...", "->", "/", "//", "/usr/local/bin", "(", ")",
      "[x]", "{}", "#", "##", "`", "```", "**", "<|endoftext|>", " ", "  ", "   ", "\t", "\n", "\n\n", "\r\n",
      "\xc2\xa0", "\xe3\x80\x80", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
      "a\xcc\x81", "\xf0\x9f\x8e\x89", "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", "antidisestablishmentarianism",
      "supercalifragilisticexpialidocious", "pneumonoultramicroscopicsilicovolcanoconiosis",
      "https://example.com/some/long/path?query=value&other=thing#fragment", "0x7fffffffffffffff", "snake_case_name",
      "ERROR_CODE_NOT_FOUND", "zzzzqqqqxxxx", "aaaaaaaaaaaaaaaaaaaaaaaaa", "==========", "--------------------------",
  };
  std::mt19937 rng(20240611);
  std::vector<std::string> texts;
  for (int t = 0; t < 400; ++t) {
    std::string s;
    const int parts = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < parts; ++k) {
      s += pool[rng() % pool.size()];
      if (rng() % 3 == 0) s += ' ';
    }
    texts.push_back(s);
  }
  // Random ASCII letters in words of every length up to 200 (the vector merge
  // takes up to 128 bytes, the cache keeps up to 24).
  for (std::size_t len = 1; len <= 200; ++len) {
    std::string s = " ";
    for (std::size_t k = 0; k < len; ++k) s += static_cast<char>('a' + rng() % 26);
    texts.push_back(s);
    std::string u;
    for (std::size_t k = 0; k < len; ++k) u += static_cast<char>(k % 2 ? 'A' + rng() % 26 : 'a' + rng() % 5);
    texts.push_back(u);
  }
  // Random code points of every range (valid UTF-8).
  for (int t = 0; t < 200; ++t) {
    std::string s;
    for (int k = 0; k < 80; ++k) {
      char32_t c;
      switch (rng() % 4) {
        case 0: c = 0x20 + rng() % 0x5F; break;
        case 1: c = 0x80 + rng() % 0x780; break;
        case 2: c = 0x800 + rng() % 0xD000; break;
        default: c = 0x10000 + rng() % 0x10000; break;
      }
      if (c >= 0xD800 && c <= 0xDFFF) c = 'x';
      if (c < 0x80) {
        s += static_cast<char>(c);
      } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    texts.push_back(s);
  }
  texts.push_back(std::string(3000, ' '));
  texts.push_back(std::string(1000, 'a'));
  texts.push_back(std::string(129, '-'));
  texts.push_back(std::string(128, '-'));
  return texts;
}

std::vector<std::string> sample_texts() {
  std::vector<std::string> texts;
  for (const auto& f : std::filesystem::recursive_directory_iterator(SKILLSCORE_SOURCE_DIR "/samples")) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

}  // namespace

TEST_SUITE("util/bpe") {
  TEST_CASE("the rank table finds every token at the rank the map gave it, and nothing else") {
    for (auto e : {Encoding::O200kBase, Encoding::Cl100kBase}) {
      const OldRanks& old = old_ranks(e);
      const bpe::RankTable& t = bpe::rank_table(e);
      CHECK(t.size() == old.rank.size());
      std::size_t wrong = 0;
      for (const auto& tok : old.tokens) {
        if (t.find(tok) != old_find(old, tok)) ++wrong;
        // Every token with its last byte dropped, and with a byte added: tokens or not, as the map says.
        const std::string_view shorter = tok.substr(0, tok.size() - 1);
        if (!shorter.empty() && t.find(shorter) != old_find(old, shorter)) ++wrong;
        const std::string longer = std::string(tok) + "q";
        if (t.find(longer) != old_find(old, longer)) ++wrong;
      }
      CHECK(wrong == 0);
      for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
          const char two[2] = {static_cast<char>(a), static_cast<char>(b)};
          if (t.pair(two) != old_find(old, std::string_view(two, 2))) ++wrong;
        }
      }
      CHECK(wrong == 0);
    }
  }

  TEST_CASE("counts and ids are the old algorithm's on generated and sample texts") {
    auto texts = generated_texts();
    for (auto& s : sample_texts()) texts.push_back(std::move(s));
    for (auto e : {Encoding::O200kBase, Encoding::Cl100kBase}) {
      std::size_t differ = 0;
      // Twice: the second time the counts come from the cache.
      for (int round = 0; round < 2; ++round) {
        for (const auto& s : texts) {
          const auto expected = old_encode(e, s);
          if (skillscore::util::count_tokens(e, s) != expected.size()) ++differ;
          if (skillscore::util::encode(e, s) != expected) ++differ;
        }
      }
      CHECK(differ == 0);
    }
  }

  TEST_CASE("the vector merge and the heap merge agree on every piece length") {
    const bpe::RankTable& t = bpe::rank_table(Encoding::O200kBase);
    std::mt19937 rng(7);
    for (std::size_t len = 2; len <= bpe::k_short_piece; ++len) {
      std::string s;
      for (std::size_t k = 0; k < len; ++k) s += static_cast<char>("aeiounrst -_/"[rng() % 13]);
      std::vector<std::uint32_t> a, b;
      bpe::merge(t, s, &a);
      bpe::merge_heap(t, s, &b);
      CAPTURE(s);
      CHECK(a == b);
    }
  }

  TEST_CASE("the indexed heap merge gives the old heap merge's ids on long pieces") {
    // Runs of punctuation, spaces and letters (one pre-tokenizer piece each
    // in real text), and bytes at random, as long as budgets meets them.
    const std::string alphabets[] = {"[", "[]", "-=", "*#!", " ", "ab", "aeiounrst", "\xe2\x9d\x8c"};
    std::mt19937 rng(11);
    for (auto e : {Encoding::O200kBase, Encoding::Cl100kBase}) {
      const bpe::RankTable& t = bpe::rank_table(e);
      std::size_t differ = 0, pieces = 0;
      for (const auto& alphabet : alphabets) {
        for (std::size_t len : {129u, 200u, 1000u, 4097u, 30000u}) {
          std::string s;
          while (s.size() < len) s += alphabet[rng() % alphabet.size()];
          std::vector<std::uint32_t> a, b;
          old_merge(old_ranks(e), s, a);
          const std::size_t count = bpe::merge_heap(t, s, &b);
          ++pieces;
          if (a != b || count != b.size()) ++differ;
        }
      }
      for (int k = 0; k < 20; ++k) {
        std::string s(200 + rng() % 3000, '\0');
        for (auto& c : s) c = static_cast<char>(rng() % 256);
        std::vector<std::uint32_t> a, b;
        old_merge(old_ranks(e), s, a);
        bpe::merge_heap(t, s, &b);
        ++pieces;
        if (a != b) ++differ;
      }
      CHECK(pieces == 60);
      CHECK(differ == 0);
    }
  }
}
