#include "bpe_merge.hpp"

#include <queue>

namespace skillscore::util::bpe {
namespace {

// tiktoken's _byte_pair_merge. parts[k] = (start of part k, rank of part k
// joined with part k + 1); two sentinels end it.
std::size_t merge_short(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  struct Part {
    std::uint32_t start, rank;
  };
  const std::size_t n = piece.size();
  Part parts[k_short_piece + 1];
  std::size_t m = 0;  // parts in use, the sentinels included
  const char* p = piece.data();
  for (std::size_t i = 0; i + 1 < n; ++i) parts[m++] = {static_cast<std::uint32_t>(i), r.find(p + i, 2)};
  parts[m++] = {static_cast<std::uint32_t>(n - 1), k_no_rank};
  parts[m++] = {static_cast<std::uint32_t>(n), k_no_rank};
  // The rank of parts k, k + 1 joined, were part k + 1 merged into k first.
  auto joined = [&](std::size_t k) {
    return k + 3 < m ? r.find(p + parts[k].start, parts[k + 3].start - parts[k].start) : k_no_rank;
  };
  for (;;) {
    std::uint32_t best = k_no_rank;
    std::size_t at = 0;
    for (std::size_t k = 0; k + 1 < m; ++k) {
      if (parts[k].rank < best) {
        best = parts[k].rank;
        at = k;
      }
    }
    if (best == k_no_rank) break;
    if (at > 0) parts[at - 1].rank = joined(at - 1);
    parts[at].rank = joined(at);
    for (std::size_t k = at + 1; k + 1 < m; ++k) parts[k] = parts[k + 1];
    --m;
  }
  if (ids) {
    for (std::size_t k = 0; k + 1 < m; ++k) ids->push_back(r.find(p + parts[k].start, parts[k + 1].start - parts[k].start));
  }
  return m - 1;
}

}  // namespace

std::size_t merge(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  if (const auto rk = r.find(piece); rk != k_no_rank) {
    if (ids) ids->push_back(rk);
    return 1;
  }
  return piece.size() <= k_short_piece ? merge_short(r, piece, ids) : merge_heap(r, piece, ids);
}

std::size_t merge_heap(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  const std::size_t n = piece.size();
  // Parts as a linked list over byte starts; a part runs to its next one's start.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> next(n), prev(n);
  std::vector<std::uint32_t> version(n, 0);
  std::vector<bool> alive(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i == 0 ? none : i - 1;
  }
  auto pair_rank = [&](std::size_t i) -> std::uint32_t {
    if (i == none || next[i] >= n) return k_no_rank;
    const std::size_t j = next[i];
    return r.find(piece.data() + i, next[j] - i);
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
    if (rk != k_no_rank) heap.push({rk, i, 0});
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
    if (auto rk = pair_rank(i); rk != k_no_rank) heap.push({rk, i, version[i]});
    if (prev[i] != none) {
      const std::size_t p = prev[i];
      ++version[p];
      if (auto rk = pair_rank(p); rk != k_no_rank) heap.push({rk, p, version[p]});
    }
  }
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; i = next[i]) {
    ++count;
    // Every byte is a token of these encodings, so every part is one.
    if (ids) ids->push_back(r.find(piece.data() + i, next[i] - i));
  }
  return count;
}

}  // namespace skillscore::util::bpe
