#pragma once
// LSP positions: 0-based lines (broken at \n, \r\n or \r) and characters in
// UTF-16 code units, the protocol's default encoding, over UTF-8 text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::lsp {

struct Position {
  std::size_t line = 0;
  std::size_t character = 0;
};

class LineTable {
 public:
  explicit LineTable(std::string_view text);  // `text` must outlive the table
  std::size_t line_count() const { return lines_.size(); }
  Position position_of(std::size_t offset) const;
  // The byte offset of a position; past a line's end, its end.
  std::size_t offset_of(Position p) const;
  // UTF-16 length of a line's content (without its line break).
  std::size_t line_length(std::size_t line) const;
  // UTF-16 units in the first `code_points` code points of a line.
  std::size_t character_of(std::size_t line, std::size_t code_points) const;

 private:
  struct Line {
    std::size_t begin, end;  // end: where its line break starts
  };
  std::string_view text_;
  std::vector<Line> lines_;
};

// The file path of a file: URI (percent-decoded); "" for other schemes.
std::string path_of_uri(std::string_view uri);

}  // namespace skillscore::lsp
