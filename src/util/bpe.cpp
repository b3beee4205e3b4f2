#include "skillscore/util/bpe.hpp"

#include <cstring>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "bpe_data.hpp"

namespace skillscore::util {
namespace {

constexpr EncodingInfo k_encodings[] = {
    {Encoding::O200kBase, "o200k_base", "OpenAI's encoding of GPT-4o and later models (199,998 ranks)"},
    {Encoding::Cl100kBase, "cl100k_base", "OpenAI's encoding of GPT-4 and GPT-3.5 (100,256 ranks)"},
};

// token bytes -> rank, over the embedded data (which lives as long as the program).
struct Ranks {
  std::unordered_map<std::string_view, std::uint32_t> rank;
};

Ranks load(std::string_view data) {
  constexpr std::string_view magic = "SKBPE1\n";
  if (data.size() < magic.size() + 4 || data.substr(0, magic.size()) != magic) {
    throw std::runtime_error("embedded BPE ranks are damaged");
  }
  std::size_t pos = magic.size();
  std::uint32_t n = 0;
  for (int b = 3; b >= 0; --b) n = (n << 8) | static_cast<unsigned char>(data[pos + static_cast<std::size_t>(b)]);
  pos += 4;
  Ranks r;
  r.rank.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (pos >= data.size()) throw std::runtime_error("embedded BPE ranks are truncated");
    const std::size_t len = static_cast<unsigned char>(data[pos++]);
    if (pos + len > data.size()) throw std::runtime_error("embedded BPE ranks are truncated");
    r.rank.emplace(data.substr(pos, len), i);
    pos += len;
  }
  return r;
}

const Ranks& ranks(Encoding e) {
  static std::once_flag once[2];
  static Ranks r[2];
  const auto i = static_cast<std::size_t>(e);
  std::call_once(once[i], [&] { r[i] = load(bpe_rank_data(e)); });
  return r[i];
}

constexpr std::uint32_t k_none = 0xFFFFFFFFu;

// Merges the bytes of one piece as tiktoken does: the adjacent pair of least
// rank (the leftmost of equals) first, until no pair is a token. A heap keeps
// this O(n log n): a piece may be a run of 100,000 spaces.
void merge(const Ranks& r, std::string_view piece, std::vector<std::uint32_t>* ids, std::size_t& count) {
  if (auto it = r.rank.find(piece); it != r.rank.end()) {
    ++count;
    if (ids) ids->push_back(it->second);
    return;
  }
  const std::size_t n = piece.size();
  // Parts as a linked list over byte starts; a part runs to its next one's start.
  std::vector<std::size_t> next(n), prev(n);
  std::vector<std::uint32_t> version(n, 0);
  std::vector<bool> alive(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i == 0 ? k_none : i - 1;
  }
  auto end_of = [&](std::size_t i) { return next[i]; };
  auto pair_rank = [&](std::size_t i) -> std::uint32_t {
    if (i == k_none || end_of(i) >= n) return k_none;
    const std::size_t j = end_of(i);
    auto it = r.rank.find(piece.substr(i, end_of(j) - i));
    return it == r.rank.end() ? k_none : it->second;
  };
  struct Item {
    std::uint32_t rank;
    std::size_t start;
    std::uint32_t version;
    bool operator>(const Item& o) const { return rank != o.rank ? rank > o.rank : start > o.start; }
  };
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto rk = pair_rank(i);
    if (rk != k_none) heap.push({rk, i, 0});
  }
  while (!heap.empty()) {
    const Item top = heap.top();
    heap.pop();
    if (!alive[top.start] || version[top.start] != top.version) continue;
    // Merge the part at top.start with the next one.
    const std::size_t i = top.start, j = next[i];
    alive[j] = false;
    next[i] = next[j];
    if (next[i] < n) prev[next[i]] = i;
    ++version[i];
    if (auto rk = pair_rank(i); rk != k_none) heap.push({rk, i, version[i]});
    if (prev[i] != k_none) {
      const std::size_t p = prev[i];
      ++version[p];
      if (auto rk = pair_rank(p); rk != k_none) heap.push({rk, p, version[p]});
    }
  }
  for (std::size_t i = 0; i < n; i = next[i]) {
    ++count;
    if (ids) {
      auto it = r.rank.find(piece.substr(i, next[i] - i));
      // Every byte is a token of these encodings, so every part is one.
      ids->push_back(it == r.rank.end() ? k_none : it->second);
    }
  }
}

std::size_t run(Encoding e, std::string_view text, std::vector<std::uint32_t>* ids) {
  const Ranks& r = ranks(e);
  std::vector<Span> pieces;
  pretokenize(e, text, pieces);
  std::size_t count = 0;
  for (const auto& s : pieces) merge(r, text.substr(s.begin, s.end - s.begin), ids, count);
  return count;
}

}  // namespace

std::span<const EncodingInfo> encodings() { return k_encodings; }

std::optional<Encoding> encoding_from_name(std::string_view name) {
  for (const auto& e : k_encodings) {
    if (e.name == name) return e.value;
  }
  return std::nullopt;
}

std::string_view encoding_name(Encoding e) { return k_encodings[static_cast<std::size_t>(e)].name; }

std::size_t count_tokens(Encoding e, std::string_view text) { return run(e, text, nullptr); }

std::vector<std::uint32_t> encode(Encoding e, std::string_view text) {
  std::vector<std::uint32_t> ids;
  run(e, text, &ids);
  return ids;
}

}  // namespace skillscore::util
