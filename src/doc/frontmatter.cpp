#include "skillscore/doc/frontmatter.hpp"

#include "skillscore/util/pystr.hpp"

namespace skillscore::doc {
namespace {

FrontmatterSplit split_reference(std::string_view text) {
  FrontmatterSplit s;
  s.body = text;
  if (text.substr(0, 3) != "---") return s;
  s.opened = true;
  const auto close = text.find("---", 3);
  if (close == std::string_view::npos) return s;  // fewer than 3 parts: body is the whole text, unstripped
  s.present = true;
  s.yaml = text.substr(3, close - 3);
  s.yaml_offset = 3;
  const std::string_view rest = text.substr(close + 3);
  s.body = util::py_strip(rest);
  s.body_offset = static_cast<std::size_t>(s.body.data() - text.data());
  return s;
}

// Returns the end of the line starting at `pos` (the offset of its '\n' or the size).
std::size_t line_end(std::string_view text, std::size_t pos) {
  const auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

bool is_delimiter_line(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  for (char c : line.substr(3)) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

FrontmatterSplit split_delimited(std::string_view text) {
  FrontmatterSplit s;
  s.body = text;
  std::size_t end = line_end(text, 0);
  if (!is_delimiter_line(text.substr(0, end))) return s;
  s.opened = true;
  std::size_t pos = end + 1;
  while (pos <= text.size()) {
    const std::size_t e = line_end(text, pos);
    if (is_delimiter_line(text.substr(pos, e - pos))) {
      s.present = true;
      s.yaml_offset = end + 1;
      s.yaml = text.substr(s.yaml_offset, pos - s.yaml_offset);
      s.body_offset = std::min(e + 1, text.size());
      s.body = text.substr(s.body_offset);
      return s;
    }
    if (e >= text.size()) break;
    pos = e + 1;
  }
  return s;
}

}  // namespace

FrontmatterSplit split_frontmatter(std::string_view text, FrontmatterMode mode) {
  return mode == FrontmatterMode::ReferenceSplit ? split_reference(text) : split_delimited(text);
}

std::optional<std::size_t> Frontmatter::key_line(std::string_view key) const {
  const auto* e = data.entry(key);
  if (!e || e->first.line == 0) return std::nullopt;
  return first_line + e->first.line - 1;
}

std::pair<std::size_t, std::size_t> Frontmatter::position(const PyValue& node) const {
  if (node.line == 0) return {0, 0};
  return {first_line + node.line - 1, node.column};
}

Frontmatter load_frontmatter(const FrontmatterSplit& split, std::size_t yaml_first_line, YamlDialect dialect) {
  Frontmatter fm;
  fm.data.type = PyType::Map;
  fm.first_line = yaml_first_line;
  if (!split.present) {
    if (split.opened) fm.state = FrontmatterState::Unclosed;
    return fm;
  }
  YamlLoadResult r = load_yaml(split.yaml, {}, dialect);
  auto at_line = [&](std::size_t yaml_line) { return yaml_line ? yaml_first_line + yaml_line - 1 : 0; };
  if (r.status == YamlStatus::Error) {
    fm.state = FrontmatterState::YamlError;
    fm.message = r.message;
    fm.line = at_line(r.line);
    return fm;
  }
  if (r.status == YamlStatus::Crash || r.status == YamlStatus::Limit) {
    fm.state = FrontmatterState::Unusable;
    fm.own_limit = r.status == YamlStatus::Limit;
    fm.message = r.message;
    fm.line = at_line(r.line);
    return fm;
  }
  fm.state = FrontmatterState::Loaded;
  if (dialect == YamlDialect::StrictYaml && !r.value.is_map()) {
    fm.state = FrontmatterState::NotMapping;
    fm.message = "frontmatter is a " + std::string(py_type_name(r.value.type)) + ", not a mapping";
    fm.line = at_line(r.value.line);
    return fm;
  }
  // `yaml.safe_load(...) or {}`: a falsy value of any type becomes {}.
  if (!py_truthy(r.value)) return fm;
  if (!r.value.is_map()) {
    fm.state = FrontmatterState::Unusable;
    fm.message = "frontmatter is a " + std::string(py_type_name(r.value.type)) + ", not a mapping";
    fm.line = at_line(r.value.line);
    return fm;
  }
  fm.data = std::move(r.value);
  return fm;
}

}  // namespace skillscore::doc
