#include "skillscore/doc/yaml_loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "skillscore/doc/yaml_resolve.hpp"
#include "yaml_pycompat.hpp"
#include "yaml_simple.hpp"
#include "pyyaml/load.hpp"
#include "skillscore/util/line_index.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::doc {
namespace {

struct LoadFailure {
  YamlStatus status;
  std::string message;
  YAML::Mark mark;
};

// PyYAML's Reader refuses these code points anywhere in the stream.
bool pyyaml_printable(char32_t cp) {
  return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
         (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Deepest nesting of flow collections, a bound on recursion in yaml-cpp and PyYAML.
std::size_t flow_depth(std::string_view s) {
  std::size_t depth = 0, max_depth = 0;
  for (char c : s) {
    if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return max_depth;
}

// yaml-cpp 0.7's LoadAll loops forever, allocating an empty document per
// turn, when a document ends before a token its parser does not consume (a
// ',' outside a flow collection after "[a]", "\"x\"", "&x", "!t", "---"...:
// yaml-cpp issue #1040, fixed upstream after 0.7). No textual check names
// every such place (the fuzzers kept finding new ones), so yaml-cpp's own
// parser decides, through the public event API: a stream that yields more
// documents than it has document markers is stalled.
class DocumentCounter final : public YAML::EventHandler {
 public:
  explicit DocumentCounter(std::size_t cap) : cap_(cap) {}
  struct Stalled {};
  void OnDocumentStart(const YAML::Mark&) override {
    if (++documents_ > cap_) throw Stalled{};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  std::size_t cap_;
  std::size_t documents_ = 0;
};

// Lines starting with "---" or "...": the document markers of the stream.
std::size_t document_markers(std::string_view source) {
  std::size_t markers = 0;
  for (std::size_t pos = 0; pos < source.size();) {
    if (source.compare(pos, 3, "---") == 0 || source.compare(pos, 3, "...") == 0) ++markers;
    const std::size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return markers;
}

bool stalls_yaml_cpp(const std::string& source) {
  std::istringstream in(source);
  DocumentCounter counter(document_markers(source) + 2);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(counter)) {
    }
  } catch (const DocumentCounter::Stalled&) {
    return true;
  } catch (const std::exception&) {
    return false;  // a real error: LoadAll reports it
  }
  return false;
}

// Whether the first document, `first`, is the whole stream: a block mapping
// at column 0 ends only at the end of the stream, at a document marker, or
// with an error ("end of map not found"), so without markers nothing can
// follow it. (A block sequence can: "- a\nb" is two documents to yaml-cpp.)
// Frontmatter nearly always is such a mapping: it then costs one parse.
bool whole_stream(std::string_view source, const YAML::Node& first) {
  if (!first.IsMap()) return false;
  if (first.Style() != YAML::EmitterStyle::Block || first.Mark().column != 0) return false;
  return document_markers(source) == 0;
}

class Converter {
 public:
  Converter(const YamlLimits& limits, YamlDialect dialect, std::string_view text)
      : limits_(limits), strict_(dialect == YamlDialect::StrictYaml), text_(text) {}

  PyValue convert(const YAML::Node& node, std::size_t depth) {
    if (++nodes_ > limits_.max_nodes) {
      throw LoadFailure{YamlStatus::Crash, "too many nodes after alias expansion", node.Mark()};
    }
    if (depth > limits_.max_depth) {
      throw LoadFailure{YamlStatus::Crash, "nesting deeper than " + std::to_string(limits_.max_depth), node.Mark()};
    }
    PyValue v = convert_inner(node, depth);
    v.line = static_cast<std::size_t>(node.Mark().line + 1);
    v.column = static_cast<std::size_t>(node.Mark().column + 1);
    return v;
  }

 private:
  PyValue convert_inner(const YAML::Node& node, std::size_t depth) {
    const std::string& tag = node.Tag();
    if (strict_) check_strict(node, tag);
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        if (strict_) return PyValue::str(null_text(node));
        if (tag == "tag:yaml.org,2002:str") return PyValue::str("");
        return PyValue::none();
      case YAML::NodeType::Scalar:
        if (strict_) return PyValue::str(node.Scalar());
        return scalar(node, tag);
      case YAML::NodeType::Sequence: {
        check_collection_tag(node, tag, "tag:yaml.org,2002:seq");
        PyValue v;
        v.type = PyType::List;
        for (const auto& child : node) v.items.push_back(convert(child, depth + 1));
        return v;
      }
      case YAML::NodeType::Map: {
        check_collection_tag(node, tag, "tag:yaml.org,2002:map");
        return mapping(node, depth);
      }
    }
    return PyValue::none();
  }

  // strictyaml refuses what makes YAML surprising; yaml-cpp accepts it all.
  void check_strict(const YAML::Node& node, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!") {
      throw LoadFailure{YamlStatus::Error, "tags are not allowed (found '" + tag + "')", node.Mark()};
    }
    if ((node.IsMap() || node.IsSequence()) && node.Style() == YAML::EmitterStyle::Flow) {
      throw LoadFailure{YamlStatus::Error, "flow collections ({...} and [...]) are not allowed", node.Mark()};
    }
    // A mapping and its first key share a position; a node seen twice is an alias.
    const auto pos = node.Mark().pos;
    if (pos >= 0 && !seen_.insert({pos, static_cast<int>(node.Type())}).second) {
      throw LoadFailure{YamlStatus::Error, "anchors and aliases are not allowed", node.Mark()};
    }
  }

  // The source text of a null scalar: strictyaml keeps "~" or "null" as strings.
  std::string null_text(const YAML::Node& node) const {
    const auto pos = node.Mark().pos;
    if (pos < 0 || static_cast<std::size_t>(pos) >= text_.size()) return {};
    const std::string_view rest = text_.substr(static_cast<std::size_t>(pos));
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
      if (rest.substr(0, word.size()) == word) {
        const std::size_t after = word.size();
        if (after == rest.size() || rest[after] == ' ' || rest[after] == '\n' || rest[after] == '#') return std::string(word);
      }
    }
    return {};
  }

  void check_collection_tag(const YAML::Node& node, const std::string& tag, const char* standard) {
    if (tag.empty() || tag == "?" || tag == "!" || tag == standard) return;
    throw LoadFailure{YamlStatus::Error, "could not determine a constructor for the tag '" + tag + "'", node.Mark()};
  }

  PyValue scalar(const YAML::Node& node, const std::string& tag) {
    ScalarTag st = ScalarTag::Str;
    if (tag == "?") {
      st = resolve_plain_scalar(node.Scalar());
    } else if (tag != "!" && !tag.empty()) {
      auto named = scalar_tag_from_name(tag);
      if (!named) {
        throw LoadFailure{YamlStatus::Error, "could not determine a constructor for the tag '" + tag + "'", node.Mark()};
      }
      st = *named;
    }
    ScalarError err;
    auto v = construct_scalar(st, node.Scalar(), err);
    if (!v) throw LoadFailure{err.crash ? YamlStatus::Crash : YamlStatus::Error, err.message, node.Mark()};
    return *v;
  }

  // A `<<` key merges mappings in as PyYAML's flatten_mapping does: merged keys
  // first, later sources of a list before earlier ones, own keys last (last wins).
  PyValue mapping(const YAML::Node& node, std::size_t depth) {
    // Merge keys recurse here directly: the same limits as convert() apply,
    // or a mapping that merges itself ("<<: *a" inside &a) never ends.
    if (++nodes_ > limits_.max_nodes) {
      throw LoadFailure{YamlStatus::Crash, "too many nodes after alias expansion", node.Mark()};
    }
    if (depth > limits_.max_depth) {
      throw LoadFailure{YamlStatus::Crash, "nesting deeper than " + std::to_string(limits_.max_depth), node.Mark()};
    }
    PyValue v;
    v.type = PyType::Map;
    std::vector<std::pair<PyValue, PyValue>> merged, own;
    for (const auto& kv : node) {
      const YAML::Node& key = kv.first;
      if (!strict_ && key.IsScalar() && key.Tag() == "?" && key.Scalar() == "<<") {
        add_merge(kv.second, depth, merged);
        continue;
      }
      // PyYAML's flatten_mapping turns a '=' key (the "value" tag) into a str.
      PyValue k = key.IsScalar() && key.Tag() == "?" && key.Scalar() == "="
                      ? PyValue::str("=")
                      : convert(key, depth + 1);
      if (k.type == PyType::List || k.type == PyType::Map) {
        throw LoadFailure{YamlStatus::Error, "found unhashable key", key.Mark()};
      }
      if (strict_ && std::any_of(own.begin(), own.end(), [&](const auto& e) { return e.first.text == k.text; })) {
        throw LoadFailure{YamlStatus::Error, "duplicate key '" + k.text + "'", key.Mark()};
      }
      if (strict_ && kv.second.IsMap() && kv.second.Style() == YAML::EmitterStyle::Block) {
        // strictyaml wants every nested mapping indented by the same step.
        const long step = static_cast<long>(kv.second.Mark().column) - static_cast<long>(node.Mark().column);
        if (indent_step_ < 0) indent_step_ = step;
        else if (step != indent_step_) {
          throw LoadFailure{YamlStatus::Error, "mapping indented inconsistently with the previous mapping",
                            kv.second.Mark()};
        }
      }
      own.emplace_back(std::move(k), convert(kv.second, depth + 1));
    }
    for (auto& e : merged) v.set(std::move(e.first), std::move(e.second));
    for (auto& e : own) v.set(std::move(e.first), std::move(e.second));
    return v;
  }

  void add_merge(const YAML::Node& value, std::size_t depth, std::vector<std::pair<PyValue, PyValue>>& out) {
    auto add_map = [&](const YAML::Node& m, std::vector<std::pair<PyValue, PyValue>>& into) {
      if (!m.IsMap()) {
        throw LoadFailure{YamlStatus::Error, "expected a mapping for merging", m.Mark()};
      }
      PyValue mv = mapping(m, depth + 1);
      for (auto& e : mv.entries) into.push_back(std::move(e));
    };
    if (value.IsMap()) {
      add_map(value, out);
    } else if (value.IsSequence()) {
      std::vector<std::vector<std::pair<PyValue, PyValue>>> parts;
      for (const auto& m : value) {
        parts.emplace_back();
        add_map(m, parts.back());
      }
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        for (auto& e : *it) out.push_back(std::move(e));
      }
    } else {
      throw LoadFailure{YamlStatus::Error, "expected a mapping or list of mappings for merging", value.Mark()};
    }
  }

  const YamlLimits& limits_;
  bool strict_;
  std::string_view text_;
  std::set<std::pair<long, int>> seen_;  // (position, type) of nodes visited
  long indent_step_ = -1;                 // strictyaml: the indentation of nested mappings
  std::size_t nodes_ = 0;
};

YamlLoadResult failure(YamlStatus status, std::string message, std::size_t line, std::size_t column) {
  YamlLoadResult r;
  r.status = status;
  r.message = std::move(message);
  r.line = line;
  r.column = column;
  return r;
}

}  // namespace

YamlLoadResult load_yaml(std::string_view text, const YamlLimits& limits, YamlDialect dialect, bool simple_reader) {
  if (dialect == YamlDialect::PyYaml) {
    if (simple_reader) {
      if (auto simple = load_simple_yaml(text, limits)) return std::move(*simple);
    }
    return pyyaml::safe_load(text, limits);
  }
  // strictyaml: yaml-cpp parses, with the checks below.
  // The Reader's check comes first in PyYAML, before any parsing.
  {
    std::size_t pos = 0, line = 1, col = 1;
    while (pos < text.size()) {
      const char32_t cp = util::decode_utf8(text, pos);
      if (!pyyaml_printable(cp)) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "unacceptable character #x%04x: special characters are not allowed",
                      static_cast<unsigned>(cp));
        return failure(YamlStatus::Error, buf, line, col);
      }
      if (cp == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
  }
  if (flow_depth(text) > limits.max_depth) {
    return failure(YamlStatus::Crash, "nesting deeper than " + std::to_string(limits.max_depth), 0, 0);
  }
  if (simple_reader && dialect == YamlDialect::PyYaml) {
    if (auto simple = load_simple_yaml(text, limits)) return std::move(*simple);
  }
  std::string source(text);
  std::vector<YAML::Node> docs;
  // Two passes at most: the second after turning PyYAML's extra line breaks
  // (NEL, LS, PS outside scalars) into the '\n' yaml-cpp knows.
  for (int pass = 0; pass < 2; ++pass) {
    try {
      // The first document alone cannot stall; the rest of the stream is
      // looked at only when something may follow it.
      YAML::Node first = YAML::Load(source);
      if (whole_stream(source, first)) {
        docs.assign(1, std::move(first));
      } else if (stalls_yaml_cpp(source)) {
        // PyYAML: a ',' outside a flow collection is an error. yaml-cpp would
        // loop forever on it, so it never gets to see it.
        return failure(YamlStatus::Error, "found ',' outside a flow collection", 0, 0);
      } else {
        docs = YAML::LoadAll(source);
      }
    } catch (const YAML::Exception& e) {
      return failure(YamlStatus::Error, e.msg, static_cast<std::size_t>(e.mark.line + 1),
                     static_cast<std::size_t>(e.mark.column + 1));
    } catch (const std::exception& e) {
      return failure(YamlStatus::Error, e.what(), 0, 0);
    }
    if (docs.size() > 1) {
      return failure(YamlStatus::Error, "expected a single document in the stream", 0, 0);
    }
    const PyYamlScan scan = scan_like_pyyaml(source, docs.empty() ? YAML::Node() : docs[0]);
    if (scan.error) {
      const util::LineIndex lines(source);
      return failure(YamlStatus::Error, scan.error->message, lines.line_of(source, scan.error->pos),
                     lines.column_of(source, scan.error->pos));
    }
    if (scan.line_breaks.empty() || pass == 1) break;
    for (auto it = scan.line_breaks.rbegin(); it != scan.line_breaks.rend(); ++it) {
      const std::size_t len = static_cast<unsigned char>(source[*it]) == 0xC2 ? 2 : 3;
      source.replace(*it, len, "\n");
    }
  }
  YamlLoadResult r;
  if (docs.empty()) return r;  // an empty stream loads as None
  try {
    Converter conv(limits, dialect, source);
    r.value = conv.convert(docs[0], 0);
  } catch (const LoadFailure& f) {
    return failure(f.status, f.message, static_cast<std::size_t>(f.mark.line + 1),
                   static_cast<std::size_t>(f.mark.column + 1));
  } catch (const YAML::Exception& e) {
    return failure(YamlStatus::Error, e.msg, static_cast<std::size_t>(e.mark.line + 1),
                   static_cast<std::size_t>(e.mark.column + 1));
  }
  return r;
}

}  // namespace skillscore::doc
