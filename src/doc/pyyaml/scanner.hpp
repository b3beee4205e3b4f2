#pragma once
// PyYAML's Scanner (scanner.py): tokens from the Reader's characters, with
// its simple-key rules, indentation stack and error cases.
#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "reader.hpp"
#include "token.hpp"

namespace skillscore::doc::pyyaml {

class Scanner {
 public:
  explicit Scanner(Reader& reader);
  bool check(Tok t);  // check_token(t)
  const Token& peek();
  Token get();

 private:
  struct SimpleKey {
    std::size_t token_number;
    bool required;
    std::size_t index;
    std::uint32_t line, column;
    Mark mark;
  };

  void ensure();
  bool need_more_tokens();
  void fetch_more_tokens();
  std::size_t next_possible_simple_key() const;
  void stale_possible_simple_keys();
  void save_possible_simple_key();
  void remove_possible_simple_key();
  void unwind_indent(long column);
  bool add_indent(long column);
  void push(Tok t, Mark start, Mark end);

  void fetch_stream_end();
  void fetch_directive();
  void fetch_document_indicator(Tok t);
  void fetch_flow_collection_start(Tok t);
  void fetch_flow_collection_end(Tok t);
  void fetch_flow_entry();
  void fetch_block_entry();
  void fetch_key();
  void fetch_value();
  void fetch_anchor(Tok t);
  void fetch_tag();
  void fetch_block_scalar(char style);
  void fetch_flow_scalar(char style);
  void fetch_plain();

  bool check_document_indicator(char c) const;
  bool check_plain() const;
  void scan_to_next_token();
  Token scan_directive();
  std::string scan_directive_name(const Mark& start);
  long scan_yaml_directive_number(const Mark& start);
  void scan_directive_ignored_line(const Mark& start);
  Token scan_anchor(Tok t);
  Token scan_tag();
  Token scan_block_scalar(char style);
  Token scan_flow_scalar(char style);
  void scan_flow_scalar_non_spaces(bool dbl, const Mark& start, std::string& out);
  void scan_flow_scalar_spaces(bool dbl, const Mark& start, std::string& out);
  void scan_flow_scalar_breaks(bool dbl, const Mark& start, std::string& out);
  Token scan_plain();
  bool scan_plain_spaces(std::string& chunks);
  std::string scan_tag_handle(const char* name, const Mark& start);
  std::string scan_tag_uri(const char* name, const Mark& start);
  std::string scan_uri_escapes(const char* name, const Mark& start);
  // Consumes a line break; returns what it stands for ("\n", LS, PS) or "" when there is none.
  std::string scan_line_break();

  [[noreturn]] void error(const std::string& problem) const;

  Reader& r_;
  bool done_ = false;
  long flow_level_ = 0;
  std::deque<Token> tokens_;
  std::size_t tokens_taken_ = 0;
  long indent_ = -1;
  std::vector<long> indents_;
  bool allow_simple_key_ = true;
  std::map<long, SimpleKey> possible_simple_keys_;  // by flow level
};

}  // namespace skillscore::doc::pyyaml
