// FX006: `name` becomes the skill directory's name, as the specification
// requires (AS017; AS010 when it is missing). Only when the directory's name
// is itself a valid name in the plain form every client accepts
// (lowercase a-z, 0-9 and single inner hyphens, at most 64 characters);
// otherwise the directory is what needs renaming, by hand.
#include "fix_impl.hpp"
#include "frontmatter_edit.hpp"
#include "skillscore/util/pystr.hpp"
#include "skillscore/util/unicode.hpp"

namespace skillscore::fix::detail {
namespace {

constexpr std::string_view k_name = "name";

bool valid_plain_name(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos) {
    return false;
  }
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// End of a one-line scalar starting at `begin` (a quoted one up to its
// closing quote), or npos when it is not one.
std::size_t scalar_end(std::string_view text, std::size_t begin, std::size_t line_end) {
  if (begin >= line_end) return begin;  // `name:` with nothing after it
  const char q = text[begin];
  if (q == '"' || q == '\'') {
    for (std::size_t i = begin + 1; i < line_end; ++i) {
      if (q == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == q) {
        if (q == '\'' && i + 1 < line_end && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i + 1;
      }
    }
    return std::string_view::npos;
  }
  const std::string plain = plain_scalar_text(text, begin, line_end);
  if (plain.empty()) return text[begin] == '#' ? begin : std::string_view::npos;
  return begin + plain.size();
}

}  // namespace

FixOutcome fix_name_directory(std::string_view text, const FixContext& context) {
  FixOutcome out;
  out.text = std::string(text);
  if (context.dir_name.empty()) return out;
  const FrontmatterText fm = read_frontmatter(text);
  if (!fm.ok) return out;
  const doc::PyValue* current = (fm.strict_ok ? fm.strict : fm.py).get(k_name);
  if (current && current->type == doc::PyType::Str &&
      util::nfkc(util::py_strip(current->text)) == util::nfkc(context.dir_name)) {
    return out;
  }
  if (!valid_plain_name(context.dir_name)) {
    out.skipped.push_back("name not set: the directory name '" + context.dir_name +
                          "' is not a valid skill name (lowercase a-z, 0-9, single hyphens); rename it");
    return out;
  }
  std::string reason;
  const auto entries = top_level_entries(text, fm, reason);
  if (!entries) {
    out.skipped.push_back("name not set: " + reason);
    return out;
  }
  const std::string value = yaml_string(context.dir_name);
  std::string fixed;
  const Entry* entry = entry_for(*entries, k_name);
  if (!entry) {
    fixed = std::string(text.substr(0, fm.yaml_begin)) + "name: " + value + "\n" + std::string(text.substr(fm.yaml_begin));
  } else {
    const std::size_t end = entry->end > entry->line_end + 1 ? std::string_view::npos
                                                             : scalar_end(text, entry->value_begin, entry->line_end);
    if (end == std::string_view::npos) {
      out.skipped.push_back("name not set: its value is not a one-line scalar");
      return out;
    }
    const bool space_before_comment = end < entry->line_end && end == entry->value_begin;
    const bool space_after_colon = text[entry->value_begin - 1] == ':';
    fixed = std::string(text.substr(0, entry->value_begin)) + (space_after_colon ? " " : "") + value +
            (space_before_comment ? " " : "") +
            std::string(text.substr(end));
  }
  doc::PyValue py = fm.py;
  doc::PyValue strict = fm.strict;
  for (doc::PyValue* data : {&py, &strict}) {
    if (doc::PyValue* v = find_entry(*data, k_name)) *v = doc::PyValue::str(context.dir_name);
    else data->entries.insert(data->entries.begin(), {doc::PyValue::str(std::string(k_name)), doc::PyValue::str(context.dir_name)});
  }
  return keep_if_reads_back(std::move(out), std::move(fixed), fm, py, strict, 1, "name not set: ");
}

}  // namespace skillscore::fix::detail
