#include "frontmatter_edit.hpp"

#include <algorithm>

#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/yaml_loader.hpp"

namespace skillscore::fix::detail {
namespace {

std::size_t line_end_at(std::string_view text, std::size_t pos) {
  const auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

// A line that starts a top-level key (not indented, no comment, no list item).
bool starts_key(std::string_view line) {
  if (line.empty()) return false;
  const char c = line[0];
  if (c == ' ' || c == '\t' || c == '#' || c == '\r') return false;
  if (c == '-' && (line.size() == 1 || line[1] == ' ' || line[1] == '\t')) return false;
  return true;
}

bool blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

// Where the value starts on a key's line: after the key (plain or quoted),
// its ':' and the spaces after it.
std::optional<std::size_t> after_colon(std::string_view line) {
  std::size_t i = 0;
  if (!line.empty() && (line[0] == '"' || line[0] == '\'')) {
    const char q = line[0];
    for (i = 1; i < line.size(); ++i) {
      if (line[i] == '\\' && q == '"') {
        ++i;
        continue;
      }
      if (line[i] == q) {
        if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;
          continue;
        }
        break;
      }
    }
    if (i >= line.size()) return std::nullopt;
    ++i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] != ':') return std::nullopt;
  } else {
    for (; i < line.size(); ++i) {
      if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) break;
    }
    if (i >= line.size()) return std::nullopt;
  }
  ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

bool is_str(const doc::PyValue& v, std::string_view s) { return v.type == doc::PyType::Str && v.text == s; }

}  // namespace

FrontmatterText read_frontmatter(std::string_view text) {
  FrontmatterText fm;
  const auto lines = doc::split_frontmatter(text, doc::FrontmatterMode::DelimitedLines);
  const auto ref = doc::split_frontmatter(text, doc::FrontmatterMode::ReferenceSplit);
  if (!lines.present) {
    fm.reason = lines.opened ? "the frontmatter is not closed" : "the file has no frontmatter";
    return fm;
  }
  const std::size_t end = lines.yaml_offset + lines.yaml.size();
  if (!ref.present || ref.yaml_offset + ref.yaml.size() != end) {
    fm.reason = "a '---' inside the frontmatter makes its end differ between readers";
    return fm;
  }
  fm.yaml_begin = lines.yaml_offset;
  fm.yaml_end = end;
  auto py = doc::load_yaml(lines.yaml, {}, doc::YamlDialect::PyYaml);
  if (py.status != doc::YamlStatus::Ok || !py.value.is_map()) {
    fm.reason = "the frontmatter does not read as a mapping";
    return fm;
  }
  fm.py = std::move(py.value);
  auto strict = doc::load_yaml(lines.yaml, {}, doc::YamlDialect::StrictYaml);
  fm.strict_ok = strict.status == doc::YamlStatus::Ok && strict.value.is_map();
  if (fm.strict_ok) fm.strict = std::move(strict.value);
  fm.ok = true;
  return fm;
}

std::optional<std::vector<Entry>> top_level_entries(std::string_view text, const FrontmatterText& fm,
                                                    std::string& reason) {
  std::vector<std::size_t> key_starts;
  for (std::size_t pos = fm.yaml_begin; pos < fm.yaml_end;) {
    const std::size_t e = line_end_at(text, pos);
    if (starts_key(text.substr(pos, e - pos))) key_starts.push_back(pos);
    pos = e + 1;
  }
  if (key_starts.size() != fm.py.entries.size()) {
    reason = "the frontmatter is not one top-level key per line (a duplicate key, or a key across lines)";
    return std::nullopt;
  }
  std::vector<Entry> out;
  for (std::size_t k = 0; k < key_starts.size(); ++k) {
    const auto& [key, value] = fm.py.entries[k];
    if (key.type != doc::PyType::Str) {
      reason = "a top-level key is not a string";
      return std::nullopt;
    }
    Entry en;
    en.key = key.text;
    en.value = &value;
    en.begin = key_starts[k];
    en.line_end = line_end_at(text, en.begin);
    const auto colon = after_colon(text.substr(en.begin, en.line_end - en.begin));
    if (!colon) {
      reason = "the line of key '" + en.key + "' has no 'key:'";
      return std::nullopt;
    }
    en.value_begin = en.begin + *colon;
    std::size_t end = k + 1 < key_starts.size() ? key_starts[k + 1] : fm.yaml_end;
    // Trailing blank and comment lines stay where they are.
    while (end > en.line_end + 1) {
      const std::size_t prev_start = text.rfind('\n', end - 2) + 1;
      if (!blank_or_comment(text.substr(prev_start, end - 1 - prev_start))) break;
      end = prev_start;
    }
    en.end = std::max(end, std::min(en.line_end + 1, fm.yaml_end));
    out.push_back(std::move(en));
  }
  return out;
}

std::string plain_scalar_text(std::string_view text, std::size_t begin, std::size_t end) {
  std::string_view s = text.substr(begin, end - begin);
  if (s.empty() || std::string_view("'\"|>[{&*!%@`#").find(s[0]) != std::string_view::npos) return {};
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
      s = s.substr(0, i);
      break;
    }
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string yaml_string(std::string_view s) {
  bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ' && s.back() != ':' &&
               std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) == std::string_view::npos &&
               s.find(": ") == std::string_view::npos && s.find(" #") == std::string_view::npos &&
               std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (plain) {
    // The YAML resolvers decide the rest (true, 1.0, null, 2024-01-01...).
    const std::string probe = "k: " + std::string(s) + "\n";
    for (auto dialect : {doc::YamlDialect::PyYaml, doc::YamlDialect::StrictYaml}) {
      const auto r = doc::load_yaml(probe, {}, dialect);
      const auto* v = r.status == doc::YamlStatus::Ok ? r.value.get("k") : nullptr;
      if (!v || !is_str(*v, s)) plain = false;
    }
  }
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

bool same_value(const doc::PyValue& a, const doc::PyValue& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case doc::PyType::None: return true;
    case doc::PyType::Bool: return a.boolean == b.boolean;
    case doc::PyType::Float: return a.number == b.number || a.text == b.text;
    case doc::PyType::Int:
    case doc::PyType::Str:
    case doc::PyType::Date:
    case doc::PyType::DateTime: return a.text == b.text;
    case doc::PyType::List:
      if (a.items.size() != b.items.size()) return false;
      for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (!same_value(a.items[i], b.items[i])) return false;
      }
      return true;
    case doc::PyType::Map:
      if (a.entries.size() != b.entries.size()) return false;
      for (const auto& [k, v] : a.entries) {
        const auto it = std::find_if(b.entries.begin(), b.entries.end(),
                                     [&](const auto& e) { return same_value(e.first, k); });
        if (it == b.entries.end() || !same_value(it->second, v)) return false;
      }
      return true;
  }
  return false;
}

bool reads_as(std::string_view text, const doc::PyValue& py, const doc::PyValue* strict, std::string& why) {
  const FrontmatterText fm = read_frontmatter(text);
  if (!fm.ok) {
    why = "after the edit, " + fm.reason;
    return false;
  }
  if (!same_value(fm.py, py)) {
    why = "after the edit, PyYAML reads a different value";
    return false;
  }
  if (strict && (!fm.strict_ok || !same_value(fm.strict, *strict))) {
    why = "after the edit, strictyaml reads a different value";
    return false;
  }
  return true;
}

const Entry* entry_for(const std::vector<Entry>& entries, std::string_view key) {
  const Entry* entry = nullptr;
  for (const auto& e : entries) {
    if (e.key == key) entry = &e;
  }
  return entry;
}

bool has_comment(std::string_view lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == '#' && (i == 0 || lines[i - 1] == ' ' || lines[i - 1] == '\t' || lines[i - 1] == '\n')) return true;
  }
  return false;
}

FixOutcome keep_if_reads_back(FixOutcome out, std::string fixed, const FrontmatterText& fm, const doc::PyValue& py,
                              const doc::PyValue& strict, std::size_t count, const std::string& skip_prefix) {
  std::string why;
  if (!reads_as(fixed, py, fm.strict_ok ? &strict : nullptr, why)) {
    out.skipped.push_back(skip_prefix + why);
    return out;
  }
  out.text = std::move(fixed);
  out.count = count;
  return out;
}

doc::PyValue* find_entry(doc::PyValue& map, std::string_view key) {
  for (auto& [k, v] : map.entries) {
    if (is_str(k, key)) return &v;
  }
  return nullptr;
}

void erase_entry(doc::PyValue& map, std::string_view key) {
  std::erase_if(map.entries, [&](const auto& e) { return is_str(e.first, key); });
}

}  // namespace skillscore::fix::detail
