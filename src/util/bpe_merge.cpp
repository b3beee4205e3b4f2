#include "bpe_merge.hpp"

#include <algorithm>
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

// The rank of the pair at each start (k_no_rank: none), and a tree of the
// least rank of each block of 16 starts and of each pair of subtrees above
// them: the least pair, the leftmost of equals, is found down the tree and a
// rank changed in O(log n). Four and a half bytes a byte, with no entries
// left stale: the heap it replaced held a stale entry for every rank changed
// and about 25 bytes a byte in all.
class PairRanks {
 public:
  static constexpr std::size_t k_block = 16;
  explicit PairRanks(std::vector<std::uint32_t> ranks) : rank_(std::move(ranks)) {
    const std::size_t blocks = (rank_.size() + k_block - 1) / k_block;
    while (leaves_ < blocks) leaves_ *= 2;
    tree_.assign(2 * leaves_, k_no_rank);
    for (std::size_t b = 0; b < blocks; ++b) tree_[leaves_ + b] = block_min(b);
    for (std::size_t k = leaves_; k-- > 1;) tree_[k] = std::min(tree_[2 * k], tree_[2 * k + 1]);
  }
  bool empty() const { return tree_[1] == k_no_rank; }
  // The start of the least pair, the leftmost of equals (not empty()).
  std::size_t least() const {
    const std::uint32_t m = tree_[1];
    std::size_t k = 1;
    while (k < leaves_) k = tree_[2 * k] == m ? 2 * k : 2 * k + 1;
    std::size_t i = (k - leaves_) * k_block;
    while (rank_[i] != m) ++i;
    return i;
  }
  void set(std::size_t start, std::uint32_t rank) {
    if (rank_[start] == rank) return;
    rank_[start] = rank;
    std::size_t k = leaves_ + start / k_block;
    std::uint32_t m = block_min(start / k_block);
    while (k >= 1 && tree_[k] != m) {
      tree_[k] = m;
      if (k == 1) break;
      m = std::min(m, tree_[k ^ 1]);
      k /= 2;
    }
  }

 private:
  std::uint32_t block_min(std::size_t b) const {
    const std::size_t from = b * k_block, to = std::min(rank_.size(), from + k_block);
    std::uint32_t m = k_no_rank;
    for (std::size_t i = from; i < to; ++i) m = std::min(m, rank_[i]);
    return m;
  }

  std::vector<std::uint32_t> rank_;
  std::vector<std::uint32_t> tree_;  // tree_[leaves_ + b]: block b; tree_[k]: the least of 2k and 2k + 1
  std::size_t leaves_ = 1;
};

// The long-piece merge: parts as a bit a byte, a part running to the next
// start, and the ranks of the pairs in a tree.
std::size_t merge_heap_bits(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids) {
  const std::size_t n = piece.size();
  PartStarts starts(n);
  // The rank of the part at i joined with the next one.
  auto pair_rank = [&](std::size_t i) -> std::uint32_t {
    const std::size_t j = starts.next(i);
    if (j >= n) return k_no_rank;
    return r.find(piece.data() + i, starts.next(j) - i);
  };
  std::vector<std::uint32_t> ranks(n, k_no_rank);
  for (std::size_t i = 0; i + 1 < n; ++i) ranks[i] = r.find(piece.data() + i, 2);
  PairRanks pairs(std::move(ranks));
  while (!pairs.empty()) {
    // Merge the part at i with the next one.
    const std::size_t i = pairs.least();
    const std::size_t j = starts.next(i);
    pairs.set(j, k_no_rank);
    starts.clear(j);
    pairs.set(i, pair_rank(i));
    if (const std::size_t p = starts.prev(i); p < n) pairs.set(p, pair_rank(p));
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
