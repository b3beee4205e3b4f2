#pragma once
// The byte-pair merge of one pre-tokenizer piece, as tiktoken does it: the
// adjacent pair of least rank (the leftmost of equals) first, until no pair is
// a token. Two ways to the same parts: tiktoken's own loop (a vector of the
// parts with the rank of each one joined with the next, a scan for the least
// after each merge, only the merged part's neighbours asked again), quadratic
// but the fastest on the short pieces words are; and a tree of the pairs'
// ranks, O(n log n) in 4.6 bytes a byte, for long pieces (a piece may be a
// run of 100,000 spaces).
#include <cstdint>
#include <string_view>
#include <vector>

#include "bpe_ranks.hpp"

namespace skillscore::util::bpe {

// Pieces up to this many bytes take the vector loop.
constexpr std::size_t k_short_piece = 128;

// The number of tokens of `piece` (not empty); with `ids`, their ranks appended.
std::size_t merge(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids);
// The long-piece merge on any length (merge takes it above k_short_piece; exposed for tests).
std::size_t merge_heap(const RankTable& r, std::string_view piece, std::vector<std::uint32_t>* ids);

}  // namespace skillscore::util::bpe
