#include "bpe_merge.hpp"

#include <queue>
#include <stdexcept>

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

namespace {

// The heap merge over parts indexed by `Index` (32 bits for any piece under
// 4 GiB): a linked list over byte starts, a part running to its next one's
// start, and a min-heap of (rank, start) of the pairs. An entry is current
// when the pair at its start still has its rank (rank_at); a part merged away
// has no rank. Twelve bytes a byte and eight per heap entry: an 8 MB piece
// (a run of punctuation) took 433 MB with size_t links, versions and padded
// entries.
template <typename Index>
std::size_t merge_heap_as(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  const std::size_t n = piece.size();
  const auto none = static_cast<Index>(-1);
  std::vector<Index> next(n), prev(n);
  std::vector<std::uint32_t> rank_at(n, k_no_rank);
  for (std::size_t i = 0; i < n; ++i) {
    next[i] = static_cast<Index>(i + 1);
    prev[i] = i == 0 ? none : static_cast<Index>(i - 1);
  }
  auto pair_rank = [&](std::size_t i) -> std::uint32_t {
    if (next[i] >= n) return k_no_rank;
    const std::size_t j = next[i];
    return r.find(piece.data() + i, next[j] - i);
  };
  // (rank << 32 | start): the lowest rank first, then the leftmost pair.
  using Entry = std::uint64_t;
  const auto entry = [](std::uint32_t rank, std::size_t start) { return Entry{rank} << 32 | static_cast<std::uint32_t>(start); };
  std::vector<Entry> entries;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    rank_at[i] = pair_rank(i);
    if (rank_at[i] != k_no_rank) entries.push_back(entry(rank_at[i], i));
  }
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap(std::greater<Entry>(), std::move(entries));
  while (!heap.empty()) {
    const Entry top = heap.top();
    heap.pop();
    const std::size_t i = static_cast<std::uint32_t>(top);
    if (rank_at[i] != static_cast<std::uint32_t>(top >> 32)) continue;
    // Merge the part at i with the next one.
    const std::size_t j = next[i];
    rank_at[j] = k_no_rank;
    next[i] = next[j];
    if (next[i] < n) prev[next[i]] = static_cast<Index>(i);
    if ((rank_at[i] = pair_rank(i)) != k_no_rank) heap.push(entry(rank_at[i], i));
    if (prev[i] != none) {
      const std::size_t p = prev[i];
      if ((rank_at[p] = pair_rank(p)) != k_no_rank) heap.push(entry(rank_at[p], p));
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

}  // namespace

std::size_t merge_heap(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  // Starts are 32 bits (files are read up to 16 MB; the default limit is 10 MB).
  if (piece.size() >= 0xFFFFFFFFu) throw std::length_error("token count: a piece of text of 4 GiB or more");
  return merge_heap_as<std::uint32_t>(r, piece, ids);
}

}  // namespace skillscore::util::bpe
