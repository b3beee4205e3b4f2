#include "bpe_merge.hpp"

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

// Which bytes start a part: one bit a byte, and the part's neighbours found
// by scanning words (a part is a token, a few words at most).
class PartStarts {
 public:
  explicit PartStarts(std::size_t n) : n_(n), words_((n + 63) / 64, ~std::uint64_t{0}) {
    if (n % 64) words_.back() = (std::uint64_t{1} << (n % 64)) - 1;
  }
  void clear(std::size_t i) { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
  // The next start after i, or n.
  std::size_t next(std::size_t i) const {
    ++i;
    if (i >= n_) return n_;
    std::size_t w = i / 64;
    std::uint64_t bits = words_[w] & (~std::uint64_t{0} << (i % 64));
    while (!bits) {
      if (++w == words_.size()) return n_;
      bits = words_[w];
    }
    return w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
  }
  // The start before i, or n when i is the first.
  std::size_t prev(std::size_t i) const {
    if (i == 0) return n_;
    --i;
    std::size_t w = i / 64;
    std::uint64_t bits = words_[w] & (~std::uint64_t{0} >> (63 - i % 64));
    while (!bits) {
      if (w == 0) return n_;
      bits = words_[--w];
    }
    return w * 64 + 63 - static_cast<std::size_t>(__builtin_clzll(bits));
  }

 private:
  std::size_t n_;
  std::vector<std::uint64_t> words_;
};

// A min-heap of the pairs, (rank << 32 | start): the lowest rank first, then
// the leftmost pair. Indexed by start, so that a pair whose rank changes is
// moved in place rather than pushed again: it never holds more than one entry
// a byte. Twelve bytes a byte in all; the heap of stale entries it replaced
// grew to twice the piece and held 25 (an 8 MB piece, a run of punctuation,
// took 226 MB).
class PairHeap {
 public:
  static constexpr std::uint32_t k_out = 0xFFFFFFFFu;
  explicit PairHeap(std::size_t n) : at_(n, k_out) { heap_.reserve(n); }
  bool empty() const { return heap_.empty(); }
  std::size_t top() const { return static_cast<std::uint32_t>(heap_[0]); }
  // Adds the pair at `start` after all the others, before heapify().
  void add(std::uint32_t rank, std::size_t start) {
    at_[start] = static_cast<std::uint32_t>(heap_.size());
    heap_.push_back(key(rank, start));
  }
  void heapify() {
    for (std::size_t i = heap_.size() / 2; i-- > 0;) down(i);
  }
  // The pair at `start` now has `rank` (k_no_rank: it is not a token).
  void set(std::size_t start, std::uint32_t rank) {
    const std::uint32_t i = at_[start];
    if (rank == k_no_rank) {
      if (i != k_out) erase(i);
      return;
    }
    if (i == k_out) {
      at_[start] = static_cast<std::uint32_t>(heap_.size());
      heap_.push_back(key(rank, start));
      up(heap_.size() - 1);
      return;
    }
    heap_[i] = key(rank, start);
    up(i);
    down(at_[start]);
  }

 private:
  static std::uint64_t key(std::uint32_t rank, std::size_t start) {
    return std::uint64_t{rank} << 32 | static_cast<std::uint32_t>(start);
  }
  void place(std::size_t i, std::uint64_t k) {
    heap_[i] = k;
    at_[static_cast<std::uint32_t>(k)] = static_cast<std::uint32_t>(i);
  }
  void up(std::size_t i) {
    const std::uint64_t k = heap_[i];
    while (i > 0 && k < heap_[(i - 1) / 2]) {
      place(i, heap_[(i - 1) / 2]);
      i = (i - 1) / 2;
    }
    place(i, k);
  }
  void down(std::size_t i) {
    const std::uint64_t k = heap_[i];
    const std::size_t n = heap_.size();
    for (;;) {
      std::size_t c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heap_[c + 1] < heap_[c]) ++c;
      if (!(heap_[c] < k)) break;
      place(i, heap_[c]);
      i = c;
    }
    place(i, k);
  }
  void erase(std::size_t i) {
    at_[static_cast<std::uint32_t>(heap_[i])] = k_out;
    const std::uint64_t last = heap_.back();
    heap_.pop_back();
    if (i == heap_.size()) return;
    heap_[i] = last;
    up(i);
    down(at_[static_cast<std::uint32_t>(last)]);
  }

  std::vector<std::uint64_t> heap_;
  std::vector<std::uint32_t> at_;  // start -> index in heap_, or k_out
};

// The heap merge: parts as a bit a byte, a part running to the next start,
// and the indexed heap of the pairs that are tokens.
std::size_t merge_heap_bits(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  const std::size_t n = piece.size();
  PartStarts starts(n);
  // The rank of the part at i joined with the next one.
  auto pair_rank = [&](std::size_t i) -> std::uint32_t {
    const std::size_t j = starts.next(i);
    if (j >= n) return k_no_rank;
    return r.find(piece.data() + i, starts.next(j) - i);
  };
  PairHeap heap(n);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (const std::uint32_t rk = r.find(piece.data() + i, 2); rk != k_no_rank) heap.add(rk, i);
  }
  heap.heapify();
  while (!heap.empty()) {
    // Merge the part at i with the next one.
    const std::size_t i = heap.top();
    const std::size_t j = starts.next(i);
    heap.set(j, k_no_rank);
    starts.clear(j);
    heap.set(i, pair_rank(i));
    if (const std::size_t p = starts.prev(i); p < n) heap.set(p, pair_rank(p));
  }
  std::size_t count = 0;
  for (std::size_t i = 0; i < n;) {
    const std::size_t next = starts.next(i);
    ++count;
    // Every byte is a token of these encodings, so every part is one.
    if (ids) ids->push_back(r.find(piece.data() + i, next - i));
    i = next;
  }
  return count;
}

}  // namespace

std::size_t merge_heap(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  // Starts are 32 bits (files are read up to 16 MB; the default limit is 10 MB).
  if (piece.size() >= 0xFFFFFFFFu) throw std::length_error("token count: a piece of text of 4 GiB or more");
  return merge_heap_bits(r, piece, ids);
}

}  // namespace skillscore::util::bpe
