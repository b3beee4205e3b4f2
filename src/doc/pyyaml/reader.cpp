#include "reader.hpp"

#include <cstdio>

#include "skillscore/doc/pyvalue.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::doc::pyyaml {
namespace {

// PyYAML's NON_PRINTABLE, complemented.
bool printable(char32_t cp) {
  return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
         (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

constexpr std::size_t k_padding = 16;  // the scanner looks at most a few characters past the end

}  // namespace

Reader::Reader(std::string_view text) : text_(text) {
  chars_.reserve(text.size() + k_padding);
  bytes_.reserve(text.size() + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    bytes_.push_back(static_cast<std::uint32_t>(pos));
    const char32_t cp = util::decode_utf8(text, pos);
    if (!printable(cp)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "unacceptable character #x%04x: special characters are not allowed",
                    static_cast<unsigned>(cp));
      // The line and column of the character, for the report.
      Mark m;
      m.index = static_cast<std::uint32_t>(chars_.size());
      for (char32_t c : chars_) {
        if (c == '\n') {
          ++m.line;
          m.column = 0;
        } else {
          ++m.column;
        }
      }
      chars_.push_back(cp);
      fail(FailureKind::YamlError, buf, &m);
    }
    chars_.push_back(cp);
  }
  bytes_.push_back(static_cast<std::uint32_t>(text.size()));
  chars_.insert(chars_.end(), k_padding, U'\0');
}

void Reader::forward(std::size_t length) {
  while (length--) {
    const char32_t ch = chars_[pointer_++];
    if (ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || (ch == '\r' && chars_[pointer_] != '\n')) {
      ++line_;
      column_ = 0;
    } else if (ch != 0xFEFF) {
      ++column_;
    }
  }
}

bool Reader::prefix_is(std::string_view s) const {
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (chars_[pointer_ + k] != static_cast<unsigned char>(s[k])) return false;
  }
  return true;
}

void Reader::append_prefix(std::string& out, std::size_t length) const {
  const std::size_t end = std::min(pointer_ + length, bytes_.size() - 1);
  const std::size_t from = bytes_[std::min(pointer_, bytes_.size() - 1)];
  out.append(text_.substr(from, bytes_[end] - from));
}

std::size_t Reader::byte_column(const Mark& m) const {
  const std::size_t at = bytes_[std::min<std::size_t>(m.index, bytes_.size() - 1)];
  const std::size_t nl = at == 0 ? std::string_view::npos : text_.rfind('\n', at - 1);
  return at - (nl == std::string_view::npos ? 0 : nl + 1) + 1;
}

std::string char_repr(char32_t c) {
  std::string s;
  util::append_utf8(s, c);
  return py_repr_string(s);
}

}  // namespace skillscore::doc::pyyaml
