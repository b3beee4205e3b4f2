// FX004: `allowed-tools` in the specification's form, one space-separated
// string ("Read Grep Bash(git:*)"). A flow list ([Read, Grep]) is refused by
// strictyaml, so skills-ref rejects the whole frontmatter; a block list or a
// comma-separated string is not the specification's form. An item with a
// space in it cannot be written space-separated: the field is left alone.
#include "fix_impl.hpp"
#include "frontmatter_edit.hpp"

namespace skillscore::fix::detail {
namespace {

constexpr std::string_view k_key = "allowed-tools";

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}

// Splits at commas outside parentheses: "Bash(git add, commit), Read".
std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> items;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] == '(') ++depth;
    if (i < s.size() && s[i] == ')' && depth > 0) --depth;
    if (i == s.size() || (s[i] == ',' && depth == 0)) {
      const auto item = trim(s.substr(start, i - start));
      if (!item.empty()) items.emplace_back(item);
      start = i + 1;
    }
  }
  return items;
}

bool has_top_level_comma(std::string_view s) {
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == ',' && depth == 0) return true;
  }
  return false;
}

}  // namespace

FixOutcome fix_allowed_tools(std::string_view text, const FixContext&) {
  FixOutcome out;
  out.text = std::string(text);
  const FrontmatterText fm = read_frontmatter(text);
  if (!fm.ok) return out;  // nothing to read the field from; the other fixes say why
  const doc::PyValue* value = fm.py.get(k_key);
  if (!value) return out;
  std::vector<std::string> items;
  if (value->type == doc::PyType::Str) {
    if (!has_top_level_comma(value->text)) return out;  // already space-separated
    items = split_commas(value->text);
  } else if (value->type == doc::PyType::List) {
    for (const auto& item : value->items) {
      if (item.type != doc::PyType::Str) {
        out.skipped.push_back("allowed-tools has an item that is not text; left as it is");
        return out;
      }
      const auto t = trim(item.text);
      if (!t.empty()) items.emplace_back(t);
    }
  } else {
    out.skipped.push_back("allowed-tools is neither a list nor a string; left as it is");
    return out;
  }
  for (const auto& item : items) {
    if (item.find_first_of(" \t\n") != std::string::npos) {
      out.skipped.push_back("allowed-tools item '" + item + "' has a space: the space-separated form cannot hold it");
      return out;
    }
  }
  std::string reason;
  const auto entries = top_level_entries(text, fm, reason);
  if (!entries) {
    out.skipped.push_back("allowed-tools left as it is: " + reason);
    return out;
  }
  const Entry* entry = entry_for(*entries, k_key);
  if (!entry) return out;
  if (has_comment(text.substr(entry->begin, entry->end - entry->begin))) {
    out.skipped.push_back("allowed-tools has a comment in it; left as it is");
    return out;
  }
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : " ") + item;
  std::string fixed(text.substr(0, entry->begin));
  fixed += std::string(k_key) + ": " + yaml_string(joined) + "\n";
  fixed.append(text.substr(entry->end));

  doc::PyValue py = fm.py;
  *find_entry(py, k_key) = doc::PyValue::str(joined);
  doc::PyValue strict = fm.strict;
  if (fm.strict_ok) *find_entry(strict, k_key) = doc::PyValue::str(joined);
  return keep_if_reads_back(std::move(out), std::move(fixed), fm, py, strict, 1, "allowed-tools left as it is: ");
}

}  // namespace skillscore::fix::detail
