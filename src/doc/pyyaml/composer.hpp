#pragma once
// PyYAML's Composer (composer.py) with its Resolver: a graph of nodes from
// events. Aliases share nodes (a node may hold its own ancestor), anchors are
// checked as PyYAML does, and the nesting at which the reference's recursive
// compose_node hits Python's recursion limit gives the same failure here.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parser.hpp"

namespace skillscore::doc::pyyaml {

enum class NodeKind : std::uint8_t { Scalar, Sequence, Mapping };

struct Node {
  NodeKind kind = NodeKind::Scalar;
  std::string tag;    // resolved: "tag:yaml.org,2002:str", ... or the explicit tag
  std::string value;  // Scalar
  char style = 0;     // Scalar: 0 plain, '\'', '"', '|', '>'
  Mark start;
  std::vector<std::uint32_t> items;                               // Sequence
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;    // Mapping
};

struct Graph {
  std::vector<Node> nodes;
  std::uint32_t root = 0;
  bool empty = true;  // the stream has no document: safe_load gives None
};

// The deepest node compose_node reaches before Python's recursion limit (1000
// frames, two per level), measured with the reference: a scalar in a flow
// sequence or an empty collection at this depth loads; anything else loads
// one level less deep.
constexpr std::uint32_t k_python_compose_depth = 492;

class Composer {
 public:
  explicit Composer(Parser& parser) : p_(parser) {}
  // get_single_node(): the only document of the stream.
  Graph compose();

 private:
  std::uint32_t compose_document();
  std::uint32_t add_node(Node n);
  std::string resolve_scalar(const Event& e) const;

  Parser& p_;
  Graph g_;
  std::unordered_map<std::string, std::uint32_t> anchors_;
};

std::string_view node_id(NodeKind k);  // "scalar", "sequence", "mapping"

}  // namespace skillscore::doc::pyyaml
