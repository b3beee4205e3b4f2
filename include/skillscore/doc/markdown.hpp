#pragma once
// The Markdown structure of a body, read from cmark-gfm's AST.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::doc {

struct Heading {
  int level = 0;
  std::string text;  // the heading's plain text
  std::size_t line = 0;
};

struct CodeBlock {
  bool fenced = false;
  std::string info;      // the whole info string
  std::string language;  // its first word
  std::string literal;   // the code
  std::size_t line = 0;      // the opening fence (or first line of an indented block)
  std::size_t end_line = 0;
};

struct Link {
  std::string url;
  bool image = false;
  std::size_t line = 0;
};

struct Markdown {
  std::vector<Heading> headings;
  std::vector<CodeBlock> code_blocks;
  std::vector<Link> links;
};

// Registers cmark-gfm's extensions; call once from main, before any thread starts.
void register_markdown_extensions();

// Parses `body`, whose first line is line `first_line` of the file.
Markdown parse_markdown(std::string_view body, std::size_t first_line);

}  // namespace skillscore::doc
