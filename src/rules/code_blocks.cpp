#include "code_blocks.hpp"

#include <limits>

namespace skillscore::rules {

CodeBlockView CodeBlocks::operator[](std::size_t i) const {
  if (!packing_) return whole_[i];
  const Packed& p = packed_[i];
  if (p.code_size == k_whole) return whole_[p.code_at];
  CodeBlockView b;
  b.code = text_.substr(p.code_at, p.code_size);
  if (p.language_back != k_no_language) b.language = text_.substr(p.code_at - p.language_back, p.language_size);
  b.code_line = p.code_line;
  b.fence_line = p.code_line - p.fence_back;
  return b;
}

void CodeBlocks::push_back(const CodeBlockView& b) {
  if (!packing_) {
    whole_.push_back(b);
    return;
  }
  // Packed only when every field reads back exactly: both views inside the
  // text (the code not a null view), the language before the code and near.
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  const auto inside = [&](std::string_view v) { return v.data() && v.data() >= begin && v.data() + v.size() <= end; };
  bool fits = inside(b.code) && b.code.size() < k_whole && b.fence_line <= b.code_line &&
              b.code_line - b.fence_line <= std::numeric_limits<std::uint8_t>::max();
  Packed p{};
  if (fits) {
    p.code_at = static_cast<std::uint32_t>(b.code.data() - begin);
    p.code_size = static_cast<std::uint32_t>(b.code.size());
    p.code_line = b.code_line;
    p.fence_back = static_cast<std::uint8_t>(b.code_line - b.fence_line);
    fits = static_cast<std::size_t>(b.code.data() - begin) < k_whole;
    if (!b.language.data()) {
      fits = fits && b.language.empty();
      p.language_back = k_no_language;
    } else {
      fits = fits && inside(b.language) && b.language.data() <= b.code.data() &&
             static_cast<std::size_t>(b.code.data() - b.language.data()) < k_no_language &&
             b.language.size() <= std::numeric_limits<std::uint8_t>::max();
      if (fits) {
        p.language_back = static_cast<std::uint16_t>(b.code.data() - b.language.data());
        p.language_size = static_cast<std::uint8_t>(b.language.size());
      }
    }
  }
  if (!fits) {
    p = Packed{static_cast<std::uint32_t>(whole_.size()), k_whole, 0, 0, 0, 0};
    whole_.push_back(b);
  }
  packed_.push_back(p);
}

}  // namespace skillscore::rules
