#pragma once
// PyYAML's Parser (parser.py): events from tokens, by its state machine
// (an explicit stack of states: no recursion, whatever the nesting).
#include <map>
#include <string>
#include <vector>

#include "scanner.hpp"

namespace skillscore::doc::pyyaml {

enum class Ev : std::uint8_t {
  StreamStart, StreamEnd, DocumentStart, DocumentEnd, Alias, Scalar, SequenceStart, SequenceEnd, MappingStart,
  MappingEnd,
};

struct Event {
  Ev type = Ev::StreamEnd;
  Mark start, end;
  std::string anchor;
  bool has_anchor = false;
  std::string tag;
  bool has_tag = false;
  bool implicit_plain = false;   // implicit[0]: resolve as a plain scalar
  bool implicit_quoted = false;  // implicit[1]
  std::string value;             // Scalar
  char style = 0;
  bool flow = false;              // SequenceStart, MappingStart: flow style
};

class Parser {
 public:
  explicit Parser(Scanner& scanner) : s_(scanner) {}
  bool check(Ev e);
  const Event& peek();
  Event get();

 private:
  enum class State : std::uint8_t {
    StreamStart, ImplicitDocumentStart, DocumentStart, DocumentEnd, DocumentContent, BlockNode,
    BlockSequenceFirstEntry, BlockSequenceEntry, IndentlessSequenceEntry, BlockMappingFirstKey, BlockMappingKey,
    BlockMappingValue, FlowSequenceFirstEntry, FlowSequenceEntry, FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue, FlowSequenceEntryMappingEnd, FlowMappingFirstKey, FlowMappingKey,
    FlowMappingValue, FlowMappingEmptyValue, None,
  };

  Event next();
  Event dispatch(State st);
  Event stream_start();
  Event implicit_document_start();
  Event document_start();
  Event document_end();
  Event document_content();
  void process_directives();
  Event node(bool block, bool indentless_sequence);
  Event block_sequence_entry();
  Event indentless_sequence_entry();
  Event block_mapping_key();
  Event block_mapping_value();
  Event flow_sequence_entry(bool first);
  Event flow_sequence_entry_mapping_key();
  Event flow_sequence_entry_mapping_value();
  Event flow_sequence_entry_mapping_end();
  Event flow_mapping_key(bool first);
  Event flow_mapping_value();
  Event flow_mapping_empty_value();
  static Event empty_scalar(const Mark& m);
  State pop_state();
  [[noreturn]] static void error(const std::string& problem, const Mark& m);

  Scanner& s_;
  bool has_current_ = false;
  Event current_;
  State state_ = State::StreamStart;
  std::vector<State> states_;
  std::vector<Mark> marks_;
  std::map<std::string, std::string> tag_handles_;
};

}  // namespace skillscore::doc::pyyaml
