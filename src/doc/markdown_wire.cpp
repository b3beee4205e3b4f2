#include "markdown_wire.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace skillscore::doc::detail {
namespace {
// --- The worker's answer: a flat binary record -------------------------------

void put_u64(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 8);
}
void put_str(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

// Appends the record to `out`.
}  // namespace

void serialize(const Markdown& md, std::string& out) {
  put_u64(out, md.headings.size());
  for (const auto& h : md.headings) {
    put_u64(out, static_cast<std::uint64_t>(h.level));
    put_str(out, h.text);
    put_u64(out, h.line);
  }
  put_u64(out, md.code_blocks.size());
  for (const auto& b : md.code_blocks) {
    put_u64(out, b.fenced ? 1 : 0);
    put_str(out, b.info);
    put_str(out, b.language);
    put_str(out, b.literal);
    put_u64(out, b.line);
    put_u64(out, b.end_line);
  }
  put_u64(out, md.links.size());
  for (const auto& l : md.links) {
    put_str(out, l.url);
    put_u64(out, l.image ? 1 : 0);
    put_u64(out, l.line);
  }
  put_u64(out, md.html_comments.size());
  for (const auto& c : md.html_comments) {
    put_u64(out, c.first);
    put_u64(out, c.last);
  }
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  std::uint64_t u64() {
    if (data_.size() - pos_ < 8) throw MarkdownLimitError("the Markdown parser process sent a truncated answer");
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    if (n > data_.size() - pos_) throw MarkdownLimitError("the Markdown parser process sent a truncated answer");
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of records of at least `min_size` bytes each: bounded by what is left.
  std::size_t count(std::size_t min_size) {
    const std::uint64_t n = u64();
    if (n > (data_.size() - pos_) / min_size) throw MarkdownLimitError("the Markdown parser process sent a bad answer");
    return static_cast<std::size_t>(n);
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

Markdown deserialize(std::string_view data) {
  Reader r(data);
  Markdown md;
  md.headings.resize(r.count(24));
  for (auto& h : md.headings) {
    h.level = static_cast<int>(r.u64());
    h.text = r.str();
    h.line = r.u64();
  }
  md.code_blocks.resize(r.count(48));
  for (auto& b : md.code_blocks) {
    b.fenced = r.u64() != 0;
    b.info = r.str();
    b.language = r.str();
    b.literal = r.str();
    b.line = r.u64();
    b.end_line = r.u64();
  }
  md.links.resize(r.count(24));
  for (auto& l : md.links) {
    l.url = r.str();
    l.image = r.u64() != 0;
    l.line = r.u64();
  }
  md.html_comments.resize(r.count(16));
  for (auto& c : md.html_comments) {
    c.first = r.u64();
    c.last = r.u64();
  }
  if (!r.done()) throw MarkdownLimitError("the Markdown parser process sent a bad answer");
  return md;
}

}  // namespace skillscore::doc::detail
