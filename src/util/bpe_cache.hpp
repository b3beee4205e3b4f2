#pragma once
// Token counts of pieces already merged, per thread and encoding: words
// repeat heavily within a text and across a batch, and a hit costs one probe
// of a table that stays in cache instead of the rank table's probes and a
// merge. Direct-mapped with the piece's bytes inline (its first word as head8), so its memory is fixed
// (k_slots * 32 bytes, allocated on first use); a piece that collides takes
// the slot. Pieces longer than k_max_len are not kept (they seldom repeat).
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "bpe_ranks.hpp"

namespace skillscore::util::bpe {

class PieceCache {
 public:
  static constexpr std::size_t k_max_len = 24;
  static constexpr std::size_t k_slots = std::size_t{1} << 14;

  // The count cached for `piece`, else counts it with `count_of(piece)` and keeps it.
  template <class CountOf>
  std::size_t count(std::string_view piece, CountOf&& count_of) {
    const std::size_t len = piece.size();
    if (len > k_max_len) return count_of(piece);
    if (slots_.empty()) slots_.resize(k_slots);
    const std::uint64_t head = head8(piece.data(), len);
    const std::uint64_t h = hash_bytes(piece.data(), len, head);
    Slot& s = slots_[h & (k_slots - 1)];
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    // Most pieces are 8 bytes or fewer: their whole key is the head word.
    if (s.head == head && s.len == len && s.tag == tag &&
        (len <= 8 || std::memcmp(s.rest, piece.data() + 8, len - 8) == 0)) {
      return s.count;
    }
    const std::size_t n = count_of(piece);
    // Counts above 255 cannot happen (a token has at least one byte), but never store a wrong one.
    if (n <= 0xFF) {
      s.tag = tag;
      s.len = static_cast<std::uint8_t>(len);
      s.count = static_cast<std::uint8_t>(n);
      s.head = head;
      if (len > 8) std::memcpy(s.rest, piece.data() + 8, len - 8);
    }
    return n;
  }

 private:
  struct Slot {
    std::uint64_t head = 0;     // the first 8 bytes (head8)
    char rest[k_max_len - 8];  // the bytes after them
    std::uint32_t tag = 0;
    std::uint8_t len = 0xFF;  // empty: no piece has this length here
    std::uint8_t count = 0;
  };
  std::vector<Slot> slots_;
};

// The calling thread's cache of `e`.
PieceCache& piece_cache(Encoding e);

}  // namespace skillscore::util::bpe
