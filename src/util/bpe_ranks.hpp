#pragma once
// The rank table of one encoding: token bytes -> rank, open addressing over
// the embedded rank data (bpe_data), built on first use. It answers the
// merge's question, "is this byte range a token, and which", which the
// counting asks millions of times: a probe hashes the bytes in 8-byte words
// and compares a token's first 8 bytes inline, reaching the rank data only
// for tokens longer than that.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "skillscore/util/bpe.hpp"

namespace skillscore::util::bpe {

constexpr std::uint32_t k_no_rank = 0xFFFFFFFFu;

// The first min(len, 8) bytes of p as a little-endian word, zero beyond len;
// never reads outside [p, p + len).
inline std::uint64_t head8(const char* p, std::size_t len) {
  std::uint64_t v = 0;
  if (len >= 8) {
    std::memcpy(&v, p, 8);
  } else if (len >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + len - 4, 4);
    v = a | (static_cast<std::uint64_t>(b) << (8 * (len - 4)));  // the overlap ORs equal bytes
  } else if (len > 0) {
    const auto u = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
    v = u(0) | (u(len / 2) << (8 * (len / 2))) | (u(len - 1) << (8 * (len - 1)));
  }
  return v;
}

// A hash of the bytes whose first word is `head` (head8(p, len)).
inline std::uint64_t hash_bytes(const char* p, std::size_t len, std::uint64_t head) {
  constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xBF58476D1CE4E5B9ull;
  std::uint64_t h = (head ^ (len * k1)) * k2;
  for (std::size_t i = 8; i < len; i += 8) {
    // The last word overlaps the one before it rather than reading past the end.
    std::uint64_t w;
    std::memcpy(&w, p + (i + 8 <= len ? i : len - 8), 8);
    h = (h ^ (h >> 29) ^ w) * k1;
  }
  return h ^ (h >> 32);
}

class RankTable {
 public:
  explicit RankTable(std::string_view data);  // the SKBPE1 format of data/tokenizer/README.md

  std::uint32_t find(const char* p, std::size_t len) const {
    if (len == 2) return pair(p);
    if (len > max_len_ || len == 0) return k_no_rank;
    const std::uint64_t head = head8(p, len);
    for (std::size_t i = hash_bytes(p, len, head) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.rank == k_no_rank) return k_no_rank;
      if (s.head == head && (s.off_len & 0xFF) == len &&
          (len <= 8 || std::memcmp(p + 8, data_ + (s.off_len >> 8) + 8, len - 8) == 0)) {
        return s.rank;
      }
    }
  }
  std::uint32_t find(std::string_view s) const { return find(s.data(), s.size()); }
  // The rank of the 2 bytes at p: every merge starts with these, so they have
  // a direct table (256 KB, which stays in cache where the slots would not).
  std::uint32_t pair(const char* p) const {
    return pairs_[static_cast<unsigned char>(p[0]) | static_cast<std::size_t>(static_cast<unsigned char>(p[1])) << 8];
  }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t head;     // the token's first 8 bytes (head8)
    std::uint32_t rank;     // k_no_rank: empty
    std::uint32_t off_len;  // offset of the bytes in data_ << 8 | length
  };
  const char* data_ = nullptr;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> pairs_;  // 65,536: by first byte | second byte << 8
  std::size_t mask_ = 0, max_len_ = 0, size_ = 0;
};

// The table of `e`, built on first use (thread-safe).
const RankTable& rank_table(Encoding e);

}  // namespace skillscore::util::bpe
