#include "composer.hpp"

#include "skillscore/doc/yaml_resolve.hpp"

namespace skillscore::doc::pyyaml {
namespace {

constexpr std::uint32_t k_none = 0xFFFFFFFF;

struct Frame {
  std::uint32_t node;
  bool mapping;
  bool flow;
  bool have_key = false;
  std::uint32_t key = 0;
};

}  // namespace

std::string_view node_id(NodeKind k) {
  switch (k) {
    case NodeKind::Scalar: return "scalar";
    case NodeKind::Sequence: return "sequence";
    case NodeKind::Mapping: return "mapping";
  }
  return "?";
}

std::uint32_t Composer::add_node(Node n) {
  g_.nodes.push_back(std::move(n));
  return static_cast<std::uint32_t>(g_.nodes.size() - 1);
}

std::string Composer::resolve_scalar(const Event& e) const {
  if (e.has_tag && e.tag != "!") return e.tag;
  if (!e.implicit_plain) return "tag:yaml.org,2002:str";
  // The resolvers' patterns end in '$', which also matches before a final '\n'.
  std::string_view v = e.value;
  if (v == "\n") return "tag:yaml.org,2002:str";
  if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
  switch (resolve_plain_scalar(v)) {
    case ScalarTag::Str: return "tag:yaml.org,2002:str";
    case ScalarTag::Bool: return "tag:yaml.org,2002:bool";
    case ScalarTag::Int: return "tag:yaml.org,2002:int";
    case ScalarTag::Float: return "tag:yaml.org,2002:float";
    case ScalarTag::Null: return "tag:yaml.org,2002:null";
    case ScalarTag::Timestamp: return "tag:yaml.org,2002:timestamp";
    case ScalarTag::Merge: return "tag:yaml.org,2002:merge";
    case ScalarTag::Value: return "tag:yaml.org,2002:value";
  }
  return "tag:yaml.org,2002:str";
}

Graph Composer::compose() {
  p_.get();  // StreamStart
  if (!p_.check(Ev::StreamEnd)) {
    g_.root = compose_document();
    g_.empty = false;
  }
  if (!p_.check(Ev::StreamEnd)) {
    const Event e = p_.get();
    fail(FailureKind::YamlError, "expected a single document in the stream, but found another document", &e.start);
  }
  p_.get();
  return std::move(g_);
}

std::uint32_t Composer::compose_document() {
  p_.get();  // DocumentStart
  std::vector<Frame> stack;
  std::uint32_t result = k_none;
  while (result == k_none) {
    // compose_node at depth stack.size() + 1
    const std::uint32_t depth = static_cast<std::uint32_t>(stack.size()) + 1;
    const bool in_flow_sequence = !stack.empty() && !stack.back().mapping && stack.back().flow;
    std::uint32_t done = k_none;
    const Event& peeked = p_.peek();
    const bool collection = peeked.type == Ev::SequenceStart || peeked.type == Ev::MappingStart;
    const std::uint32_t limit = collection || in_flow_sequence ? k_python_compose_depth : k_python_compose_depth - 1;
    if (depth > limit) {
      fail(FailureKind::Crash, "RecursionError: nesting deeper than " + std::to_string(limit) +
                                   " levels exceeds Python's recursion limit in PyYAML's composer",
           &peeked.start);
    }
    if (peeked.type == Ev::Alias) {
      const Event e = p_.get();
      const auto it = anchors_.find(e.anchor);
      if (it == anchors_.end()) fail(FailureKind::YamlError, "found undefined alias '" + e.anchor + "'", &e.start);
      done = it->second;
    } else {
      if (peeked.has_anchor && anchors_.count(peeked.anchor)) {
        fail(FailureKind::YamlError, "found duplicate anchor '" + peeked.anchor + "'; second occurrence",
             &peeked.start);
      }
      Event e = p_.get();
      Node n;
      n.start = e.start;
      if (e.type == Ev::Scalar) {
        n.kind = NodeKind::Scalar;
        n.tag = resolve_scalar(e);
        n.value = std::move(e.value);
        n.style = e.style;
      } else {
        n.kind = e.type == Ev::SequenceStart ? NodeKind::Sequence : NodeKind::Mapping;
        if (e.has_tag && e.tag != "!") n.tag = e.tag;
        else n.tag = n.kind == NodeKind::Sequence ? "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map";
      }
      const std::uint32_t id = add_node(std::move(n));
      if (e.has_anchor) anchors_[e.anchor] = id;
      if (e.type == Ev::Scalar) {
        done = id;
      } else {
        stack.push_back(Frame{id, e.type == Ev::MappingStart, e.flow});
      }
    }
    // Deliver finished nodes to their parents; close collections whose end event comes.
    while (true) {
      if (done != k_none) {
        if (stack.empty()) {
          result = done;
          break;
        }
        Frame& f = stack.back();
        Node& parent = g_.nodes[f.node];
        if (!f.mapping) {
          parent.items.push_back(done);
        } else if (!f.have_key) {
          f.have_key = true;
          f.key = done;
        } else {
          parent.pairs.emplace_back(f.key, done);
          f.have_key = false;
        }
        done = k_none;
      }
      if (stack.empty()) break;
      Frame& f = stack.back();
      if (f.mapping && f.have_key) break;  // the value comes next, whatever it is
      if (!p_.check(f.mapping ? Ev::MappingEnd : Ev::SequenceEnd)) break;
      p_.get();
      done = f.node;
      stack.pop_back();
    }
  }
  p_.get();  // DocumentEnd
  anchors_.clear();
  return result;
}

}  // namespace skillscore::doc::pyyaml
