#include "yaml_pycompat.hpp"

#include <algorithm>

#include "skillscore/util/utf8.hpp"

namespace skillscore::doc {
namespace {

struct Range {
  std::size_t begin;
  std::size_t end;  // exclusive
};

class RangeCollector {
 public:
  explicit RangeCollector(std::string_view text) : text_(text) {}

  void walk(const YAML::Node& node, long parent_indent, std::size_t depth) {
    if (depth > 1000 || ++visited_ > 1000000) return;
    switch (node.Type()) {
      case YAML::NodeType::Scalar: scalar(node, parent_indent); break;
      case YAML::NodeType::Sequence:
        for (const auto& c : node) walk(c, node.Mark().column, depth + 1);
        break;
      case YAML::NodeType::Map:
        for (const auto& kv : node) {
          if (node.Style() == YAML::EmitterStyle::Block) check_colon(kv.first, kv.second);
          walk(kv.first, node.Mark().column, depth + 1);
          walk(kv.second, node.Mark().column, depth + 1);
        }
        break;
      default: break;
    }
  }

  std::vector<Range> ranges;
  std::optional<PyYamlScanIssue> error;

 private:
  // yaml-cpp takes a last line without ':' in a block mapping as a key with a
  // null value; PyYAML says "could not find expected ':'".
  void check_colon(const YAML::Node& key, const YAML::Node& value) {
    if (error || !value.IsNull() || !key.IsScalar() || key.Tag() != "?") return;
    const auto mark = key.Mark();
    if (mark.pos < 0) return;
    const auto pos = static_cast<std::size_t>(mark.pos);
    const std::string& k = key.Scalar();
    if (text_.substr(pos, k.size()) != k) return;
    std::size_t after = pos + k.size();
    while (after < text_.size() && text_[after] == ' ') ++after;
    if (after < text_.size() && text_[after] == ':') return;
    error = PyYamlScanIssue{"could not find expected ':'", pos};
  }

  void scalar(const YAML::Node& node, long parent_indent) {
    const auto mark = node.Mark();
    if (mark.pos < 0) return;
    std::size_t pos = static_cast<std::size_t>(mark.pos);
    // Skip node properties: a tag ("!!str") or an anchor ("&a"), then spaces.
    while (pos < text_.size() && (text_[pos] == '!' || text_[pos] == '&')) {
      while (pos < text_.size() && text_[pos] != ' ' && text_[pos] != '\n') ++pos;
      while (pos < text_.size() && text_[pos] == ' ') ++pos;
    }
    if (pos >= text_.size()) return;
    const char c = text_[pos];
    if (c == '\'' || c == '"') quoted(pos, c);
    else if (c == '|' || c == '>') block(pos, parent_indent);
  }

  void quoted(std::size_t start, char quote) {
    std::size_t i = start + 1;
    while (i < text_.size()) {
      if (quote == '\'' && text_[i] == '\'') {
        if (i + 1 < text_.size() && text_[i + 1] == '\'') {
          i += 2;
          continue;
        }
        ranges.push_back({start, i + 1});
        return;
      }
      if (quote == '"' && text_[i] == '\\') {
        i += 2;
        continue;
      }
      if (quote == '"' && text_[i] == '"') {
        ranges.push_back({start, i + 1});
        return;
      }
      ++i;
    }
    if (!error) error = PyYamlScanIssue{"found unexpected end of stream while scanning a quoted scalar", start};
  }

  void block(std::size_t indicator, long parent_indent) {
    std::size_t line = text_.find('\n', indicator);
    if (line == std::string_view::npos) return;
    ++line;
    const std::size_t begin = line;
    std::size_t end = line;
    while (line < text_.size()) {
      std::size_t eol = text_.find('\n', line);
      if (eol == std::string_view::npos) eol = text_.size();
      const std::string_view l = text_.substr(line, eol - line);
      const std::size_t spaces = std::min(l.find_first_not_of(' '), l.size());
      const bool blank = spaces == l.size();
      if (!blank && static_cast<long>(spaces) <= parent_indent) break;
      end = eol;
      line = eol + 1;
    }
    if (end > begin) ranges.push_back({begin, end});
  }

  std::string_view text_;
  std::size_t visited_ = 0;
};

}  // namespace

PyYamlScan scan_like_pyyaml(std::string_view text, const YAML::Node& root) {
  PyYamlScan out;
  RangeCollector rc(text);
  rc.walk(root, -1, 0);
  if (rc.error) {
    out.error = rc.error;
    return out;
  }
  auto& ranges = rc.ranges;
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::size_t next = 0;
  std::size_t i = 0;
  bool line_start = true;
  while (i < text.size()) {
    while (next < ranges.size() && ranges[next].end <= i) ++next;
    if (next < ranges.size() && ranges[next].begin <= i) {
      i = ranges[next].end;
      line_start = false;
      continue;
    }
    const char c = text[i];
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      const auto eol = text.find('\n', i);
      i = eol == std::string_view::npos ? text.size() : eol;
      continue;
    }
    if (c == '\t') {
      out.error = PyYamlScanIssue{"found character '\\t' that cannot start any token", i};
      return out;
    }
    if (c == '%' && line_start) {
      out.error = PyYamlScanIssue{"expected '<document start>', but found a directive", i};
      return out;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (uc == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      out.line_breaks.push_back(i);
    } else if (uc == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      out.line_breaks.push_back(i);
    }
    line_start = c == '\n';
    ++i;
  }
  return out;
}

}  // namespace skillscore::doc
