#include "constructor.hpp"

#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "scalars.hpp"
#include "skillscore/util/float_repr.hpp"

namespace skillscore::doc::pyyaml {
namespace {

constexpr std::string_view k_tag = "tag:yaml.org,2002:";
constexpr std::uint32_t k_none = 0xFFFFFFFF;

enum class ObjKind : std::uint8_t { Scalar, List, Dict, Set, Pairs };
enum class Fill : std::uint8_t { Seq, Map, Set, Omap, Pairs };

struct Obj {
  ObjKind kind = ObjKind::Scalar;
  PyValue scalar;                                              // Scalar
  std::vector<std::uint32_t> items;                            // List, Set; Pairs: key, value, key, value...
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;  // Dict
  Mark mark;
};

struct Generator {
  std::uint32_t obj;
  std::uint32_t node;
  Fill fill;
};

bool is_tag(const std::string& tag, std::string_view name) {
  return tag.size() == k_tag.size() + name.size() && tag.compare(0, k_tag.size(), k_tag) == 0 &&
         tag.compare(k_tag.size(), std::string::npos, name) == 0;
}

// Python's hash/eq identity of a hashable value, as a string: True == 1 == 1.0.
std::string key_identity(const PyValue& v) {
  switch (v.type) {
    case PyType::None: return "N";
    case PyType::Bool: return v.boolean ? "n1" : "n0";
    case PyType::Int: return "n" + v.text;
    case PyType::Float: {
      const double d = v.number;
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e300) {
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);
        return std::string("n") + buf;
      }
      if (std::isnan(d)) return "nan";  // PyYAML's .nan is one shared object: equal to itself
      return "f" + util::py_float_repr(d);
    }
    case PyType::Str: return "s" + v.text;
    case PyType::Bytes: return "b" + v.text;
    case PyType::Date: return "d" + v.text;
    case PyType::DateTime: return "t" + v.text;
    default: return "?";
  }
}

class Constructor {
 public:
  Constructor(Graph& g, const Reader& reader, const ConstructLimits& limits)
      : g_(g), reader_(reader), limits_(limits), memo_(g.nodes.size(), k_none) {}

  PyValue run() {
    const std::uint32_t root = construct_object(g_.root);
    while (!pending_.empty()) {
      std::vector<Generator> round;
      round.swap(pending_);
      for (const auto& gen : round) fill(gen);
    }
    std::vector<std::uint32_t> path;
    return expand(root, path);
  }

 private:
  [[noreturn]] void error(const std::string& problem, const Mark& m) { fail(FailureKind::YamlError, problem, &m); }

  std::uint32_t new_obj(ObjKind kind, const Mark& m) {
    objs_.emplace_back();
    objs_.back().kind = kind;
    objs_.back().mark = m;
    return static_cast<std::uint32_t>(objs_.size() - 1);
  }

  // construct_scalar: a scalar's text, or a mapping's '=' value (SafeConstructor).
  const std::string& scalar_text(std::uint32_t id, std::size_t depth = 0) {
    const Node& n = g_.nodes[id];
    if (n.kind == NodeKind::Mapping) {
      if (depth > 900) fail(FailureKind::Crash, "RecursionError: a '=' value that holds itself", &n.start);
      for (const auto& [k, v] : n.pairs) {
        if (is_tag(g_.nodes[k].tag, "value")) return scalar_text(v, depth + 1);
      }
    }
    if (n.kind != NodeKind::Scalar) error("expected a scalar node, but found " + std::string(node_id(n.kind)), n.start);
    return n.value;
  }

  std::uint32_t construct_object(std::uint32_t id) {
    if (memo_[id] != k_none) return memo_[id];
    const Node& n = g_.nodes[id];
    const std::string& tag = n.tag;
    std::uint32_t obj = k_none;
    auto generator = [&](ObjKind kind, Fill f) {
      obj = new_obj(kind, n.start);
      pending_.push_back({obj, id, f});
    };
    auto scalar = [&](PyValue v) {
      obj = new_obj(ObjKind::Scalar, n.start);
      objs_[obj].scalar = std::move(v);
    };
    if (tag.compare(0, k_tag.size(), k_tag) != 0) {
      error("could not determine a constructor for the tag " + py_repr_string(tag), n.start);
    }
    const std::string_view name = std::string_view(tag).substr(k_tag.size());
    if (name == "str") scalar(PyValue::str(scalar_text(id)));
    else if (name == "null") { scalar_text(id); scalar(PyValue::none()); }
    else if (name == "bool") scalar(construct_bool(scalar_text(id), n.start));
    else if (name == "int") scalar(construct_int(scalar_text(id), n.start));
    else if (name == "float") scalar(construct_float(scalar_text(id), n.start));
    else if (name == "binary") scalar(construct_binary(scalar_text(id), n.start));
    else if (name == "timestamp") scalar(construct_timestamp(scalar_text(id), n.start));
    else if (name == "seq") generator(ObjKind::List, Fill::Seq);
    else if (name == "map") generator(ObjKind::Dict, Fill::Map);
    else if (name == "set") generator(ObjKind::Set, Fill::Set);
    else if (name == "omap") generator(ObjKind::Pairs, Fill::Omap);
    else if (name == "pairs") generator(ObjKind::Pairs, Fill::Pairs);
    else error("could not determine a constructor for the tag " + py_repr_string(tag), n.start);
    memo_[id] = obj;
    return obj;
  }

  void fill(const Generator& gen) {
    const Node& n = g_.nodes[gen.node];
    switch (gen.fill) {
      case Fill::Seq: {
        if (n.kind != NodeKind::Sequence) {
          error("expected a sequence node, but found " + std::string(node_id(n.kind)), n.start);
        }
        std::vector<std::uint32_t> items;
        for (std::uint32_t child : n.items) items.push_back(construct_object(child));
        objs_[gen.obj].items = std::move(items);
        return;
      }
      case Fill::Map: objs_[gen.obj].entries = construct_mapping(gen.node); return;
      case Fill::Set: {
        auto entries = construct_mapping(gen.node);
        for (const auto& e : entries) objs_[gen.obj].items.push_back(e.first);
        return;
      }
      case Fill::Omap:
      case Fill::Pairs: {
        const char* what = gen.fill == Fill::Omap ? "an ordered map" : "pairs";
        (void)what;
        if (n.kind != NodeKind::Sequence) {
          error("expected a sequence, but found " + std::string(node_id(n.kind)), n.start);
        }
        for (std::uint32_t sub : n.items) {
          const Node& s = g_.nodes[sub];
          if (s.kind != NodeKind::Mapping) {
            error("expected a mapping of length 1, but found " + std::string(node_id(s.kind)), s.start);
          }
          if (s.pairs.size() != 1) {
            error("expected a single mapping item, but found " + std::to_string(s.pairs.size()) + " items", s.start);
          }
          const auto [k, v] = s.pairs[0];
          const std::uint32_t ko = construct_object(k);
          const std::uint32_t vo = construct_object(v);
          objs_[gen.obj].items.push_back(ko);
          objs_[gen.obj].items.push_back(vo);
        }
        return;
      }
    }
  }

  // flatten_mapping, mutating the node as PyYAML does (nodes are shared by aliases).
  void flatten_mapping(std::uint32_t id, std::size_t depth) {
    if (depth > 900) {
      fail(FailureKind::Crash, "RecursionError: merge keys nested too deep", &g_.nodes[id].start);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> merge;
    std::size_t index = 0;
    while (index < g_.nodes[id].pairs.size()) {
      const auto [k, v] = g_.nodes[id].pairs[index];
      Node& key = g_.nodes[k];
      if (is_tag(key.tag, "merge")) {
        auto& pairs = g_.nodes[id].pairs;
        pairs.erase(pairs.begin() + static_cast<std::ptrdiff_t>(index));
        const Node& value = g_.nodes[v];
        if (value.kind == NodeKind::Mapping) {
          flatten_mapping(v, depth + 1);
          const auto& src = g_.nodes[v].pairs;
          merge.insert(merge.end(), src.begin(), src.end());
        } else if (value.kind == NodeKind::Sequence) {
          std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> submerge;
          const std::vector<std::uint32_t> subs = value.items;
          for (std::uint32_t sub : subs) {
            if (g_.nodes[sub].kind != NodeKind::Mapping) {
              error("expected a mapping for merging, but found " + std::string(node_id(g_.nodes[sub].kind)),
                    g_.nodes[sub].start);
            }
            flatten_mapping(sub, depth + 1);
            submerge.push_back(g_.nodes[sub].pairs);
          }
          for (auto it = submerge.rbegin(); it != submerge.rend(); ++it) merge.insert(merge.end(), it->begin(), it->end());
        } else {
          error("expected a mapping or list of mappings for merging, but found " + std::string(node_id(value.kind)),
                value.start);
        }
      } else {
        if (is_tag(key.tag, "value")) key.tag = std::string(k_tag) + "str";
        ++index;
      }
    }
    if (!merge.empty()) {
      auto& pairs = g_.nodes[id].pairs;
      merge.insert(merge.end(), pairs.begin(), pairs.end());
      pairs = std::move(merge);
    }
  }

  // SafeConstructor.construct_mapping: dict semantics (first position, last value).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> construct_mapping(std::uint32_t id) {
    if (g_.nodes[id].kind == NodeKind::Mapping) flatten_mapping(id, 0);
    const Node& n = g_.nodes[id];
    if (n.kind != NodeKind::Mapping) error("expected a mapping node, but found " + std::string(node_id(n.kind)), n.start);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::unordered_map<std::string, std::size_t> position;
    const auto pairs = n.pairs;  // construct_object never changes them, but keep a stable copy
    for (const auto& [k, v] : pairs) {
      const std::uint32_t ko = construct_object(k);
      if (objs_[ko].kind != ObjKind::Scalar) error("found unhashable key", g_.nodes[k].start);
      const std::uint32_t vo = construct_object(v);
      const auto [it, fresh] = position.emplace(key_identity(objs_[ko].scalar), out.size());
      if (fresh) out.emplace_back(ko, vo);
      else out[it->second].second = vo;
    }
    return out;
  }

  // The object `id` walked from itself, as the target of the Refs that name it
  // (built once per object; its own Refs get no target, so no cycle of owners).
  std::shared_ptr<const PyValue> target(std::uint32_t id) {
    auto& t = targets_[id];
    if (!t) {
      std::vector<std::uint32_t> path;
      t = std::make_shared<const PyValue>(expand(id, path, false));
    }
    return t;
  }

  // The object as a PyValue tree; an object met again on its own path is a Ref
  // (with its target when `targets`).
  PyValue expand(std::uint32_t id, std::vector<std::uint32_t>& path, bool targets = true) {
    const Obj& o = objs_[id];
    if (++values_ > limits_.max_values) {
      fail(FailureKind::Limit,
           "skillscore's limit: more than " + std::to_string(limits_.max_values) + " values once aliases are expanded",
           &o.mark);
    }
    PyValue v;
    if (o.kind == ObjKind::Scalar) {
      v = o.scalar;
    } else {
      for (std::uint32_t p : path) {
        if (p == id) {
          v.type = PyType::Ref;
          v.ref_type = o.kind == ObjKind::Dict ? PyType::Map : PyType::List;
          if (targets) v.target = target(id);
          place(v, o.mark);
          return v;
        }
      }
      if (path.size() >= limits_.max_depth) {
        fail(FailureKind::Limit, "skillscore's limit: values nested deeper than " + std::to_string(limits_.max_depth) +
                                     " through aliases",
             &o.mark);
      }
      path.push_back(id);
      switch (o.kind) {
        case ObjKind::List:
          v.type = PyType::List;
          for (std::uint32_t c : o.items) v.items.push_back(expand(c, path, targets));
          break;
        case ObjKind::Set:
          v.type = PyType::Set;
          for (std::uint32_t c : o.items) v.items.push_back(expand(c, path, targets));
          break;
        case ObjKind::Pairs:
          v.type = PyType::List;
          for (std::size_t i = 0; i + 1 < o.items.size(); i += 2) {
            PyValue t;
            t.type = PyType::Tuple;
            t.items.push_back(expand(o.items[i], path, targets));
            t.items.push_back(expand(o.items[i + 1], path, targets));
            v.items.push_back(std::move(t));
          }
          break;
        case ObjKind::Dict:
          v.type = PyType::Map;
          v.entries.reserve(o.entries.size());
          for (const auto& [k, val] : o.entries) {
            PyValue key = expand(k, path, targets);
            v.entries.emplace_back(std::move(key), expand(val, path, targets));
          }
          break;
        case ObjKind::Scalar: break;
      }
      path.pop_back();
    }
    place(v, o.mark);
    return v;
  }

  void place(PyValue& v, const Mark& m) const {
    v.line = m.line + 1;
    v.column = reader_.byte_column(m);
  }

  Graph& g_;
  const Reader& reader_;
  const ConstructLimits& limits_;
  std::vector<std::uint32_t> memo_;  // node -> object
  std::vector<Obj> objs_;
  std::vector<Generator> pending_;
  std::unordered_map<std::uint32_t, std::shared_ptr<const PyValue>> targets_;  // object -> Ref target
  std::size_t values_ = 0;
};

}  // namespace

PyValue construct(Graph& g, const Reader& reader, const ConstructLimits& limits) {
  Constructor c(g, reader, limits);
  return c.run();
}

}  // namespace skillscore::doc::pyyaml
