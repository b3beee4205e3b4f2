#pragma once
// The code blocks of a document, as the code blocks scope and the `blocks`
// metric read them. Blocks found by the profile's regex are slices of the
// file, so each is kept as 16 bytes of offsets into it (a body of a million
// blocks held 32 MB of views); a block that does not fit those fields, and
// every block of the AST (its text lives in the Markdown model), is kept
// whole.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>

namespace skillscore::rules {

struct CodeBlockView {
  std::string_view language;
  std::string_view code;
  std::uint32_t code_line = 0;   // file line of the code's first character
  std::uint32_t fence_line = 0;  // file line of the opening fence (of the code, for indented blocks)
};

class CodeBlocks {
 public:
  // Blocks anywhere in memory, kept whole.
  CodeBlocks() = default;
  // Blocks that are mostly slices of `text`, packed.
  explicit CodeBlocks(std::string_view text) : text_(text), packing_(true) {}

  std::size_t size() const { return packing_ ? packed_.size() : whole_.size(); }
  bool empty() const { return size() == 0; }
  // The block, with the same views (pointers and lengths) that were pushed.
  CodeBlockView operator[](std::size_t i) const;
  void push_back(const CodeBlockView& block);

  class const_iterator {
   public:
    using value_type = CodeBlockView;
    using difference_type = std::ptrdiff_t;
    const_iterator(const CodeBlocks* blocks, std::size_t i) : blocks_(blocks), i_(i) {}
    CodeBlockView operator*() const { return (*blocks_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }

   private:
    const CodeBlocks* blocks_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  // code = text_.substr(code_at, code_size), language =
  // text_.substr(code_at - language_back, language_size).
  struct Packed {
    std::uint32_t code_at;       // or, with code_size == k_whole, the index in whole_
    std::uint32_t code_size;
    std::uint32_t code_line;
    std::uint16_t language_back;  // code_at minus the language's start; k_no_language: a null view
    std::uint8_t language_size;
    std::uint8_t fence_back;  // code_line minus fence_line
  };
  static_assert(sizeof(Packed) == 16);
  static constexpr std::uint32_t k_whole = 0xFFFFFFFFu;
  static constexpr std::uint16_t k_no_language = 0xFFFFu;

  std::string_view text_;
  bool packing_ = false;
  // Deques: a body of a million blocks grows them without the copies and
  // the spare capacity of a doubling vector.
  std::deque<Packed> packed_;
  std::deque<CodeBlockView> whole_;
};

}  // namespace skillscore::rules
