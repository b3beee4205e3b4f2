#include "bpe_ranks.hpp"

#include <mutex>
#include <optional>
#include <stdexcept>

#include "bpe_data.hpp"

namespace skillscore::util::bpe {

RankTable::RankTable(std::string_view data) : data_(data.data()) {
  constexpr std::string_view magic = "SKBPE1\n";
  if (data.size() < magic.size() + 4 || data.substr(0, magic.size()) != magic) {
    throw std::runtime_error("embedded BPE ranks are damaged");
  }
  // Offsets are kept in 24 bits (Slot::off_len).
  if (data.size() >= (std::size_t{1} << 24)) throw std::runtime_error("embedded BPE ranks are too large");
  std::size_t pos = magic.size();
  std::uint32_t n = 0;
  for (int b = 3; b >= 0; --b) n = (n << 8) | static_cast<unsigned char>(data[pos + static_cast<std::size_t>(b)]);
  pos += 4;
  // At most half full (both encodings come to 38%): a miss, most of the
  // merge's questions, ends at an empty slot soon. 8 MB for o200k_base.
  std::size_t cap = 1;
  while (cap < std::size_t{n} * 2) cap <<= 1;
  slots_.assign(cap, Slot{0, k_no_rank, 0});
  mask_ = cap - 1;
  for (std::uint32_t r = 0; r < n; ++r) {
    if (pos >= data.size()) throw std::runtime_error("embedded BPE ranks are truncated");
    const std::size_t len = static_cast<unsigned char>(data[pos++]);
    if (pos + len > data.size()) throw std::runtime_error("embedded BPE ranks are truncated");
    if (len == 0) throw std::runtime_error("embedded BPE ranks hold an empty token");
    const char* p = data.data() + pos;
    const std::uint64_t head = head8(p, len);
    std::size_t i = hash_bytes(p, len, head) & mask_;
    bool seen = false;  // a repeated token keeps its first rank, as a map's emplace would
    for (; slots_[i].rank != k_no_rank; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.head == head && (s.off_len & 0xFF) == len && std::memcmp(p, data_ + (s.off_len >> 8), len) == 0) {
        seen = true;
        break;
      }
    }
    if (!seen) {
      slots_[i] = Slot{head, r, static_cast<std::uint32_t>(pos << 8 | len)};
      ++size_;
      if (len > max_len_) max_len_ = len;
    }
    pos += len;
  }
  pairs_.assign(std::size_t{1} << 16, k_no_rank);
  for (const Slot& s : slots_) {
    if (s.rank != k_no_rank && (s.off_len & 0xFF) == 2) pairs_[s.head & 0xFFFF] = s.rank;
  }
}

const RankTable& rank_table(Encoding e) {
  static std::once_flag once[2];
  static std::optional<RankTable> table[2];
  const auto i = static_cast<std::size_t>(e);
  std::call_once(once[i], [&] { table[i].emplace(bpe_rank_data(e)); });
  return *table[i];
}

}  // namespace skillscore::util::bpe
