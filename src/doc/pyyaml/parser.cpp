#include "parser.hpp"

namespace skillscore::doc::pyyaml {
namespace {

const std::map<std::string, std::string>& default_tags() {
  static const std::map<std::string, std::string> tags = {{"!", "!"}, {"!!", "tag:yaml.org,2002:"}};
  return tags;
}

Event make(Ev type, const Mark& start, const Mark& end) {
  Event e;
  e.type = type;
  e.start = start;
  e.end = end;
  return e;
}

}  // namespace

void Parser::error(const std::string& problem, const Mark& m) { fail(FailureKind::YamlError, problem, &m); }

bool Parser::check(Ev e) { return peek().type == e; }

const Event& Parser::peek() {
  if (!has_current_) {
    current_ = next();
    has_current_ = true;
  }
  return current_;
}

Event Parser::get() {
  peek();
  has_current_ = false;
  return std::move(current_);
}

Parser::State Parser::pop_state() {
  const State st = states_.back();
  states_.pop_back();
  return st;
}

Event Parser::next() { return dispatch(state_); }

Event Parser::dispatch(State st) {
  switch (st) {
    case State::StreamStart: return stream_start();
    case State::ImplicitDocumentStart: return implicit_document_start();
    case State::DocumentStart: return document_start();
    case State::DocumentEnd: return document_end();
    case State::DocumentContent: return document_content();
    case State::BlockNode: return node(true, false);
    case State::BlockSequenceFirstEntry:
      marks_.push_back(s_.get().start);
      return block_sequence_entry();
    case State::BlockSequenceEntry: return block_sequence_entry();
    case State::IndentlessSequenceEntry: return indentless_sequence_entry();
    case State::BlockMappingFirstKey:
      marks_.push_back(s_.get().start);
      return block_mapping_key();
    case State::BlockMappingKey: return block_mapping_key();
    case State::BlockMappingValue: return block_mapping_value();
    case State::FlowSequenceFirstEntry:
      marks_.push_back(s_.get().start);
      return flow_sequence_entry(true);
    case State::FlowSequenceEntry: return flow_sequence_entry(false);
    case State::FlowSequenceEntryMappingKey: return flow_sequence_entry_mapping_key();
    case State::FlowSequenceEntryMappingValue: return flow_sequence_entry_mapping_value();
    case State::FlowSequenceEntryMappingEnd: return flow_sequence_entry_mapping_end();
    case State::FlowMappingFirstKey:
      marks_.push_back(s_.get().start);
      return flow_mapping_key(true);
    case State::FlowMappingKey: return flow_mapping_key(false);
    case State::FlowMappingValue: return flow_mapping_value();
    case State::FlowMappingEmptyValue: return flow_mapping_empty_value();
    case State::None: break;
  }
  // The composer never asks past the stream end.
  return make(Ev::StreamEnd, {}, {});
}

Event Parser::stream_start() {
  const Token t = s_.get();
  state_ = State::ImplicitDocumentStart;
  return make(Ev::StreamStart, t.start, t.end);
}

Event Parser::implicit_document_start() {
  if (!s_.check(Tok::Directive) && !s_.check(Tok::DocumentStart) && !s_.check(Tok::StreamEnd)) {
    tag_handles_ = default_tags();
    const Mark m = s_.peek().start;
    states_.push_back(State::DocumentEnd);
    state_ = State::BlockNode;
    return make(Ev::DocumentStart, m, m);
  }
  return document_start();
}

Event Parser::document_start() {
  while (s_.check(Tok::DocumentEnd)) s_.get();
  if (!s_.check(Tok::StreamEnd)) {
    const Mark start = s_.peek().start;
    process_directives();
    if (!s_.check(Tok::DocumentStart)) {
      error("expected '<document start>', but found " + std::string(token_id_repr(s_.peek().type)), s_.peek().start);
    }
    const Token t = s_.get();
    states_.push_back(State::DocumentEnd);
    state_ = State::DocumentContent;
    return make(Ev::DocumentStart, start, t.end);
  }
  const Token t = s_.get();
  state_ = State::None;
  return make(Ev::StreamEnd, t.start, t.end);
}

Event Parser::document_end() {
  const Mark start = s_.peek().start;
  Mark end = start;
  if (s_.check(Tok::DocumentEnd)) end = s_.get().end;
  state_ = State::DocumentStart;
  return make(Ev::DocumentEnd, start, end);
}

Event Parser::document_content() {
  if (s_.check(Tok::Directive) || s_.check(Tok::DocumentStart) || s_.check(Tok::DocumentEnd) ||
      s_.check(Tok::StreamEnd)) {
    Event e = empty_scalar(s_.peek().start);
    state_ = pop_state();
    return e;
  }
  return node(true, false);
}

void Parser::process_directives() {
  bool have_version = false;
  tag_handles_.clear();
  while (s_.check(Tok::Directive)) {
    const Token t = s_.get();
    if (t.value == "YAML") {
      if (have_version) error("found duplicate YAML directive", t.start);
      if (t.major != 1) error("found incompatible YAML document (version 1.* is required)", t.start);
      have_version = true;
    } else if (t.value == "TAG") {
      if (tag_handles_.count(t.handle)) error("duplicate tag handle '" + t.handle + "'", t.start);
      tag_handles_[t.handle] = t.tag_prefix;
    }
  }
  for (const auto& [handle, prefix] : default_tags()) tag_handles_.emplace(handle, prefix);
}

Event Parser::node(bool block, bool indentless_sequence) {
  if (s_.check(Tok::Alias)) {
    const Token t = s_.get();
    Event e = make(Ev::Alias, t.start, t.end);
    e.anchor = t.value;
    e.has_anchor = true;
    state_ = pop_state();
    return e;
  }
  Event e;
  bool have_start = false;
  Mark tag_mark;
  Token tag_token;
  auto take_anchor = [&] {
    const Token t = s_.get();
    if (!have_start) e.start = t.start;
    have_start = true;
    e.end = t.end;
    e.anchor = t.value;
    e.has_anchor = true;
  };
  auto take_tag = [&] {
    tag_token = s_.get();
    if (!have_start) e.start = tag_token.start;
    have_start = true;
    tag_mark = tag_token.start;
    e.end = tag_token.end;
    e.has_tag = true;
  };
  if (s_.check(Tok::Anchor)) {
    take_anchor();
    if (s_.check(Tok::Tag)) take_tag();
  } else if (s_.check(Tok::Tag)) {
    take_tag();
    if (s_.check(Tok::Anchor)) take_anchor();
  }
  if (e.has_tag) {
    if (tag_token.has_handle) {
      const auto it = tag_handles_.find(tag_token.handle);
      if (it == tag_handles_.end()) error("found undefined tag handle '" + tag_token.handle + "'", tag_mark);
      e.tag = it->second + tag_token.value;
    } else {
      e.tag = tag_token.value;
    }
  }
  if (!have_start) e.start = e.end = s_.peek().start;
  const bool implicit = !e.has_tag || e.tag == "!";
  if (indentless_sequence && s_.check(Tok::BlockEntry)) {
    e.end = s_.peek().end;
    e.type = Ev::SequenceStart;
    e.implicit_plain = implicit;
    state_ = State::IndentlessSequenceEntry;
    return e;
  }
  if (s_.check(Tok::Scalar)) {
    Token t = s_.get();
    e.end = t.end;
    e.type = Ev::Scalar;
    if ((t.plain && !e.has_tag) || (e.has_tag && e.tag == "!")) {
      e.implicit_plain = true;
    } else if (!e.has_tag) {
      e.implicit_quoted = true;
    }
    e.value = std::move(t.value);
    e.style = t.style;
    state_ = pop_state();
    return e;
  }
  e.implicit_plain = implicit;
  if (s_.check(Tok::FlowSequenceStart)) {
    e.end = s_.peek().end;
    e.type = Ev::SequenceStart;
    e.flow = true;
    state_ = State::FlowSequenceFirstEntry;
  } else if (s_.check(Tok::FlowMappingStart)) {
    e.end = s_.peek().end;
    e.type = Ev::MappingStart;
    e.flow = true;
    state_ = State::FlowMappingFirstKey;
  } else if (block && s_.check(Tok::BlockSequenceStart)) {
    e.end = s_.peek().start;
    e.type = Ev::SequenceStart;
    state_ = State::BlockSequenceFirstEntry;
  } else if (block && s_.check(Tok::BlockMappingStart)) {
    e.end = s_.peek().start;
    e.type = Ev::MappingStart;
    state_ = State::BlockMappingFirstKey;
  } else if (e.has_anchor || e.has_tag) {
    // An empty scalar with properties: implicit = (implicit, False).
    e.type = Ev::Scalar;
    state_ = pop_state();
  } else {
    error(std::string("expected the node content, but found ") + std::string(token_id_repr(s_.peek().type)),
          s_.peek().start);
  }
  return e;
}

Event Parser::block_sequence_entry() {
  if (s_.check(Tok::BlockEntry)) {
    const Token t = s_.get();
    if (!s_.check(Tok::BlockEntry) && !s_.check(Tok::BlockEnd)) {
      states_.push_back(State::BlockSequenceEntry);
      return node(true, false);
    }
    state_ = State::BlockSequenceEntry;
    return empty_scalar(t.end);
  }
  if (!s_.check(Tok::BlockEnd)) {
    error("expected <block end>, but found " + std::string(token_id_repr(s_.peek().type)), s_.peek().start);
  }
  const Token t = s_.get();
  state_ = pop_state();
  marks_.pop_back();
  return make(Ev::SequenceEnd, t.start, t.end);
}

Event Parser::indentless_sequence_entry() {
  if (s_.check(Tok::BlockEntry)) {
    const Token t = s_.get();
    if (!s_.check(Tok::BlockEntry) && !s_.check(Tok::Key) && !s_.check(Tok::Value) && !s_.check(Tok::BlockEnd)) {
      states_.push_back(State::IndentlessSequenceEntry);
      return node(true, false);
    }
    state_ = State::IndentlessSequenceEntry;
    return empty_scalar(t.end);
  }
  const Mark m = s_.peek().start;
  state_ = pop_state();
  return make(Ev::SequenceEnd, m, m);
}

Event Parser::block_mapping_key() {
  if (s_.check(Tok::Key)) {
    const Token t = s_.get();
    if (!s_.check(Tok::Key) && !s_.check(Tok::Value) && !s_.check(Tok::BlockEnd)) {
      states_.push_back(State::BlockMappingValue);
      return node(true, true);
    }
    state_ = State::BlockMappingValue;
    return empty_scalar(t.end);
  }
  if (!s_.check(Tok::BlockEnd)) {
    // PyYAML: "while parsing a block mapping ... expected <block end>, but
    // found X". Reports have always said it in these words.
    error("end of map not found", s_.peek().start);
  }
  const Token t = s_.get();
  state_ = pop_state();
  marks_.pop_back();
  return make(Ev::MappingEnd, t.start, t.end);
}

Event Parser::block_mapping_value() {
  if (s_.check(Tok::Value)) {
    const Token t = s_.get();
    if (!s_.check(Tok::Key) && !s_.check(Tok::Value) && !s_.check(Tok::BlockEnd)) {
      states_.push_back(State::BlockMappingKey);
      return node(true, true);
    }
    state_ = State::BlockMappingKey;
    return empty_scalar(t.end);
  }
  state_ = State::BlockMappingKey;
  return empty_scalar(s_.peek().start);
}

Event Parser::flow_sequence_entry(bool first) {
  if (!s_.check(Tok::FlowSequenceEnd)) {
    if (!first) {
      if (s_.check(Tok::FlowEntry)) {
        s_.get();
      } else {
        error("expected ',' or ']', but got " + std::string(token_id_repr(s_.peek().type)), s_.peek().start);
      }
    }
    if (s_.check(Tok::Key)) {
      const Token& t = s_.peek();
      Event e = make(Ev::MappingStart, t.start, t.end);
      e.implicit_plain = true;
      e.flow = true;
      state_ = State::FlowSequenceEntryMappingKey;
      return e;
    }
    if (!s_.check(Tok::FlowSequenceEnd)) {
      states_.push_back(State::FlowSequenceEntry);
      return node(false, false);
    }
  }
  const Token t = s_.get();
  state_ = pop_state();
  marks_.pop_back();
  return make(Ev::SequenceEnd, t.start, t.end);
}

Event Parser::flow_sequence_entry_mapping_key() {
  const Token t = s_.get();
  if (!s_.check(Tok::Value) && !s_.check(Tok::FlowEntry) && !s_.check(Tok::FlowSequenceEnd)) {
    states_.push_back(State::FlowSequenceEntryMappingValue);
    return node(false, false);
  }
  state_ = State::FlowSequenceEntryMappingValue;
  return empty_scalar(t.end);
}

Event Parser::flow_sequence_entry_mapping_value() {
  if (s_.check(Tok::Value)) {
    const Token t = s_.get();
    if (!s_.check(Tok::FlowEntry) && !s_.check(Tok::FlowSequenceEnd)) {
      states_.push_back(State::FlowSequenceEntryMappingEnd);
      return node(false, false);
    }
    state_ = State::FlowSequenceEntryMappingEnd;
    return empty_scalar(t.end);
  }
  state_ = State::FlowSequenceEntryMappingEnd;
  return empty_scalar(s_.peek().start);
}

Event Parser::flow_sequence_entry_mapping_end() {
  state_ = State::FlowSequenceEntry;
  const Mark m = s_.peek().start;
  return make(Ev::MappingEnd, m, m);
}

Event Parser::flow_mapping_key(bool first) {
  if (!s_.check(Tok::FlowMappingEnd)) {
    if (!first) {
      if (s_.check(Tok::FlowEntry)) {
        s_.get();
      } else {
        error("expected ',' or '}', but got " + std::string(token_id_repr(s_.peek().type)), s_.peek().start);
      }
    }
    if (s_.check(Tok::Key)) {
      const Token t = s_.get();
      if (!s_.check(Tok::Value) && !s_.check(Tok::FlowEntry) && !s_.check(Tok::FlowMappingEnd)) {
        states_.push_back(State::FlowMappingValue);
        return node(false, false);
      }
      state_ = State::FlowMappingValue;
      return empty_scalar(t.end);
    }
    if (!s_.check(Tok::FlowMappingEnd)) {
      states_.push_back(State::FlowMappingEmptyValue);
      return node(false, false);
    }
  }
  const Token t = s_.get();
  state_ = pop_state();
  marks_.pop_back();
  return make(Ev::MappingEnd, t.start, t.end);
}

Event Parser::flow_mapping_value() {
  if (s_.check(Tok::Value)) {
    const Token t = s_.get();
    if (!s_.check(Tok::FlowEntry) && !s_.check(Tok::FlowMappingEnd)) {
      states_.push_back(State::FlowMappingKey);
      return node(false, false);
    }
    state_ = State::FlowMappingKey;
    return empty_scalar(t.end);
  }
  state_ = State::FlowMappingKey;
  return empty_scalar(s_.peek().start);
}

Event Parser::flow_mapping_empty_value() {
  state_ = State::FlowMappingKey;
  return empty_scalar(s_.peek().start);
}

Event Parser::empty_scalar(const Mark& m) {
  Event e = make(Ev::Scalar, m, m);
  e.implicit_plain = true;
  return e;
}

}  // namespace skillscore::doc::pyyaml
