#include "yaml_simple.hpp"

#include <cstring>
#include <vector>

#include "skillscore/doc/yaml_resolve.hpp"
#include "yaml_simple_multiline.hpp"

namespace skillscore::doc {
namespace {

constexpr std::size_t k_npos = std::string_view::npos;

struct Line {
  std::size_t begin = 0;   // byte offset of the line
  std::size_t end = 0;     // offset of its '\n' (or of the end of the text)
  std::size_t indent = 0;  // leading spaces
  bool blank = false;      // nothing but spaces, or a comment (PyYAML skips both between tokens)
};

// Characters that give a plain scalar another meaning when they start it.
bool indicator(char c) { return c != '\0' && std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr; }

bool key_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-' ||
         c == '.' || c == '/';
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Whether the text has what this reader leaves to the full loader wherever it
// is: tabs, carriage returns, a BOM, the line breaks only PyYAML knows (NEL,
// LS, PS), and every character PyYAML's Reader refuses (C0 and C1 controls,
// DEL, U+FFFE, U+FFFF; valid UTF-8 holds no surrogates).
bool has_unsupported_bytes(std::string_view t) {
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c >= 0x20 && c < 0x7F) continue;
    if (c == '\n') continue;
    if (c < 0x80) return true;  // other C0 controls (tab, CR...) and DEL
    const auto c1 = i + 1 < n ? static_cast<unsigned char>(t[i + 1]) : 0;
    const auto c2 = i + 2 < n ? static_cast<unsigned char>(t[i + 2]) : 0;
    if (c == 0xC2 && c1 >= 0x80 && c1 <= 0x9F) return true;                   // C1 controls, NEL
    if (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9)) return true;   // LS, PS
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return true;                   // BOM
    if (c == 0xEF && c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)) return true;   // U+FFFE, U+FFFF
  }
  return false;
}

class SimpleReader {
 public:
  SimpleReader(std::string_view text, const YamlLimits& limits) : text_(text), limits_(limits) {
    std::size_t begin = 0;
    while (true) {
      const std::size_t nl = text.find('\n', begin);
      const std::size_t end = nl == k_npos ? text.size() : nl;
      Line l{begin, end, 0, false};
      while (l.begin + l.indent < end && text[l.begin + l.indent] == ' ') ++l.indent;
      l.blank = l.begin + l.indent == end || text[l.begin + l.indent] == '#';
      lines_.push_back(l);
      if (nl == k_npos) break;
      begin = nl + 1;
    }
  }

  std::optional<PyValue> read() {
    skip_blank();
    if (at_ >= lines_.size() || lines_[at_].indent != 0) return std::nullopt;
    auto root = mapping(0, 0);
    skip_blank();
    if (!root || at_ != lines_.size()) return std::nullopt;
    return root;
  }

 private:
  std::string_view content(const Line& l) const { return text_.substr(l.begin + l.indent, l.end - l.begin - l.indent); }

  void skip_blank() {
    while (at_ < lines_.size() && lines_[at_].blank) ++at_;
  }

  bool counted() { return ++nodes_ <= limits_.max_nodes; }

  static void place(PyValue& v, std::size_t line_index, std::size_t column0) {
    v.line = line_index + 1;
    v.column = column0 + 1;
  }

  // An empty mapping or list at the current line, `indent`; nullopt past the limits.
  std::optional<PyValue> open_block(PyType type, std::size_t indent, std::size_t depth) {
    if (depth > limits_.max_depth || !counted()) return std::nullopt;
    PyValue block;
    block.type = type;
    place(block, at_, indent);
    return block;
  }

  // After blank lines: whether a line at `indent` or deeper follows (the
  // block at `indent` goes on).
  bool more_at(std::size_t indent) {
    skip_blank();
    return at_ < lines_.size() && lines_[at_].indent >= indent;
  }

  // A block mapping whose keys are at `indent`, starting at the current line.
  std::optional<PyValue> mapping(std::size_t indent, std::size_t depth) {
    auto map = open_block(PyType::Map, indent, depth);
    while (map && more_at(indent)) {
      const Line& l = lines_[at_];
      if (l.indent > indent) return std::nullopt;
      const std::string_view s = content(l);
      std::size_t k = 0;
      while (k < s.size() && key_char(s[k])) ++k;
      // PyYAML allows simple keys of up to 1024 characters.
      if (k == 0 || k > 1024 || s[0] == '-' || s[0] == '.' || s[0] == '/' || k >= s.size() || s[k] != ':' ||
          (k + 1 < s.size() && s[k + 1] != ' ')) {
        return std::nullopt;
      }
      auto key = scalar(s.substr(0, k), true);
      if (!key || !counted()) return std::nullopt;
      place(*key, at_, indent);
      std::size_t v = k + 1;
      while (v < s.size() && s[v] == ' ') ++v;
      const std::size_t key_line = at_;
      ++at_;
      std::optional<PyValue> value;
      if (v == s.size()) {
        value = nested(indent, depth, key_line, indent + k + 1);
      } else if (s[v] == '|' || s[v] == '>') {
        value = block_scalar(l.begin + indent + v, key_line, indent + v, indent);
      } else {
        const std::string_view rest = trim_right(s.substr(v));
        value = inline_value(rest, key_line, indent + v, true);
        if (!value && s[v] == '\'') {
          value = single_quoted(l.begin + indent + v, key_line, indent + v);
        } else if (value && !ends_here(indent)) {
          // Only a plain scalar may go on, on the lines indented deeper.
          if (s[v] == '"' || s[v] == '\'' || s[v] == '[') return std::nullopt;
          value = plain_lines(rest, key_line, indent + v, indent);
        }
        if (value && !ends_here(indent)) return std::nullopt;
      }
      if (!value) return std::nullopt;
      map->set(std::move(*key), std::move(*value));
    }
    return map;
  }

  // A block scalar, its indicator at `offset` (line `line`, `column0`), the
  // value of a key at `indent`; the lines it takes are passed.
  std::optional<PyValue> block_scalar(std::size_t offset, std::size_t line, std::size_t column0, std::size_t indent) {
    if (!counted()) return std::nullopt;
    auto b = read_block_scalar(text_, offset, indent);
    if (!b) return std::nullopt;
    if (b->at_end) {
      at_ = lines_.size();
    } else {
      while (at_ < lines_.size() && lines_[at_].end < b->end) ++at_;
    }
    ScalarError error;
    auto v = construct_scalar(ScalarTag::Str, b->value, error);
    if (v) place(*v, line, column0);
    return v;
  }

  // A single-quoted scalar that goes on past its first line, its quote at
  // `offset`; the rest of the line that closes it must be blank.
  std::optional<PyValue> single_quoted(std::size_t offset, std::size_t line, std::size_t column0) {
    if (!counted()) return std::nullopt;
    auto q = read_single_quoted(text_, offset);
    if (!q) return std::nullopt;
    while (at_ < lines_.size() && lines_[at_].end < q->end) ++at_;
    if (at_ >= lines_.size()) return std::nullopt;
    for (std::size_t i = q->end; i < lines_[at_].end; ++i) {
      if (text_[i] != ' ') return std::nullopt;
    }
    ++at_;
    ScalarError error;
    auto v = construct_scalar(ScalarTag::Str, q->value, error);
    if (v) place(*v, line, column0);
    return v;
  }

  // A plain scalar `first` (a key's value, the key at `indent`) that goes on
  // on the lines after it indented deeper (PyYAML's scan_plain): a line break
  // folds into a space, n breaks into n - 1 newlines. A comment line ends it;
  // ": " or " #" on a later line is left to the full loader.
  std::optional<PyValue> plain_lines(std::string_view first, std::size_t line, std::size_t column0, std::size_t indent) {
    std::string folded(first);
    std::size_t empty = 0;
    for (; at_ < lines_.size(); ++at_) {
      const Line& l = lines_[at_];
      if (l.begin + l.indent == l.end) {
        ++empty;
        continue;
      }
      if (l.indent <= indent) break;
      const std::string_view c = trim_right(content(l));
      if (c[0] == '#') break;
      if (c.back() == ':' || c.find(": ") != k_npos || c.find(" #") != k_npos) return std::nullopt;
      if (empty == 0) folded += ' ';
      else folded.append(empty, '\n');
      folded += c;
      empty = 0;
    }
    auto v = scalar(folded, true);
    if (v) place(*v, line, column0);
    return v;
  }

  // After an inline value: the next line may not continue it.
  bool ends_here(std::size_t indent) {
    const std::size_t save = at_;
    skip_blank();
    const bool ok = at_ >= lines_.size() || lines_[at_].indent <= indent;
    at_ = save;
    return ok;
  }

  // The value of a key with nothing after its ':': a nested mapping, a block
  // list (indented, or at the key's own indentation), or null.
  std::optional<PyValue> nested(std::size_t indent, std::size_t depth, std::size_t key_line, std::size_t colon_end) {
    const std::size_t save = at_;
    skip_blank();
    if (at_ < lines_.size()) {
      const Line& l = lines_[at_];
      const std::string_view s = content(l);
      const bool dash = s == "-" || s.substr(0, 2) == "- ";
      if (l.indent > indent) return dash ? sequence(l.indent, depth + 1) : mapping(l.indent, depth + 1);
      if (l.indent == indent && dash) return sequence(indent, depth + 1);
    }
    // PyYAML places an empty value where its ':' ends.
    if (!counted()) return std::nullopt;
    PyValue none = PyValue::none();
    place(none, key_line, colon_end);
    at_ = save;
    return none;
  }

  // A block list of one-line items, its dashes at `indent`.
  std::optional<PyValue> sequence(std::size_t indent, std::size_t depth) {
    auto list = open_block(PyType::List, indent, depth);
    while (list && more_at(indent)) {
      const Line& l = lines_[at_];
      const std::string_view s = content(l);
      if (l.indent > indent || s == "-") return std::nullopt;
      if (s.substr(0, 2) != "- ") break;  // the parent mapping's next key
      std::size_t v = 2;
      while (v < s.size() && s[v] == ' ') ++v;
      if (v == s.size()) return std::nullopt;
      const std::size_t line = at_;
      ++at_;
      auto item = inline_value(trim_right(s.substr(v)), line, indent + v, true);
      if (!item || !ends_here(indent)) return std::nullopt;
      list->items.push_back(std::move(*item));
    }
    return list;
  }

  // A value that is all of `s` (trailing spaces removed): plain, quoted, or a
  // flow list of those. `column0` is where `s` starts on line `line`.
  std::optional<PyValue> inline_value(std::string_view s, std::size_t line, std::size_t column0, bool block) {
    if (s.empty() || !counted()) return std::nullopt;
    std::optional<PyValue> v;
    if (s[0] == '"' || s[0] == '\'') {
      v = quoted(s);
    } else if (s[0] == '[' && block) {
      v = flow_list(s, line, column0);
    } else {
      v = scalar(s, true);
    }
    if (v) place(*v, line, column0);
    return v;
  }

  // "..." with the escapes below, or '...' with '' for a quote, closing at the end.
  std::optional<PyValue> quoted(std::string_view s) {
    const char q = s[0];
    if (s.size() < 2 || s.back() != q) return std::nullopt;
    const std::string_view body = s.substr(1, s.size() - 2);
    std::string out;
    if (q == '"') {
      // The text between escapes is copied whole (descriptions are long).
      for (std::size_t i = 0; i < body.size(); i += 2) {
        std::size_t special = i;
        while (special < body.size() && body[special] != '"' && body[special] != '\\') ++special;
        out.append(body, i, special - i);
        i = special;
        if (i == body.size()) break;
        if (body[i] == '"') return std::nullopt;  // it closes before the end
        // PyYAML's one-character escapes for a printable character, a tab or
        // a line break; the rest (\x, \u, \0, \N... and PyYAML's errors) are left to it.
        const char e = i + 1 < body.size() ? body[i + 1] : '\0';
        switch (e) {
          case '"': case '\\': case '/': case ' ': out += e; break;
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          default: return std::nullopt;
        }
      }
    } else {
      for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\'') {
          out += body[i];
          continue;
        }
        if (i + 1 >= body.size() || body[i + 1] != '\'') return std::nullopt;
        out += '\'';
        ++i;
      }
    }
    return scalar(out, false);
  }

  // [a, "b", 'c'] on one line; items may not nest, be empty or hold ':', '#' or '?'.
  std::optional<PyValue> flow_list(std::string_view s, std::size_t line, std::size_t column0) {
    if (s.back() != ']') return std::nullopt;
    PyValue list;
    list.type = PyType::List;
    const std::string_view inner = s.substr(1, s.size() - 2);
    if (inner.find_first_not_of(' ') == k_npos) return list;
    std::size_t start = 0;
    while (start <= inner.size()) {
      std::size_t comma = inner.find(',', start);
      // A comma inside a quoted item is part of it.
      std::size_t lead = start;
      while (lead < inner.size() && inner[lead] == ' ') ++lead;
      if (lead < inner.size() && (inner[lead] == '"' || inner[lead] == '\'')) {
        const std::size_t close = inner.find(inner[lead], lead + 1);
        if (close == k_npos) return std::nullopt;
        comma = inner.find(',', close);
      }
      const std::size_t end = comma == k_npos ? inner.size() : comma;
      const std::string_view item = trim_right(inner.substr(lead, end - lead));
      if (item.empty()) return std::nullopt;
      // In a flow collection these end or nest a plain scalar ('?' starts a key).
      if (item[0] != '"' && item[0] != '\'' && item.find_first_of("[]{}:#?") != k_npos) return std::nullopt;
      auto v = inline_value(item, line, column0 + 1 + lead, false);
      if (!v) return std::nullopt;
      list.items.push_back(std::move(*v));
      if (comma == k_npos) break;
      start = comma + 1;
    }
    return list;
  }

  // A scalar's Python value: plain scalars are typed as PyYAML types them.
  std::optional<PyValue> scalar(std::string_view s, bool plain) {
    ScalarTag tag = ScalarTag::Str;
    if (plain) {
      if (s.empty() || indicator(s[0]) || s.back() == ':' || s.find(": ") != k_npos || s.find(" #") != k_npos) {
        return std::nullopt;
      }
      tag = resolve_plain_scalar(s);
      if (tag == ScalarTag::Merge || tag == ScalarTag::Value) return std::nullopt;
    }
    ScalarError error;
    return construct_scalar(tag, s, error);  // on an error, the full loader reports it
  }

  std::string_view text_;
  const YamlLimits& limits_;
  std::vector<Line> lines_;
  std::size_t at_ = 0;
  std::size_t nodes_ = 0;
};

}  // namespace

std::optional<YamlLoadResult> load_simple_yaml(std::string_view text, const YamlLimits& limits) {
  if (has_unsupported_bytes(text)) return std::nullopt;
  SimpleReader reader(text, limits);
  auto value = reader.read();
  if (!value) return std::nullopt;
  YamlLoadResult r;
  r.value = std::move(*value);
  return r;
}

}  // namespace skillscore::doc
