// FX005: top-level fields the specification does not allow (AS005) move
// under `metadata`, which maps strings to strings: a scalar keeps its text
// as written (`version: 1.0` -> `version: "1.0"`), a list of strings becomes
// its items joined by ", ". A mapping, a field with a comment, or a key that
// `metadata` already has stays where it is, with a reason.
#include <algorithm>

#include "fix_impl.hpp"
#include "frontmatter_edit.hpp"

namespace skillscore::fix::detail {
namespace {

constexpr std::string_view k_metadata = "metadata";

// The field's value as one string, or nullopt with `why`.
std::optional<std::string> as_string(std::string_view text, const Entry& e, std::string& why) {
  const doc::PyValue& v = *e.value;
  if (v.type == doc::PyType::Str) return v.text;
  if (v.type == doc::PyType::List) {
    std::string joined;
    for (const auto& item : v.items) {
      if (item.type != doc::PyType::Str) {
        why = "a list with an item that is not text";
        return std::nullopt;
      }
      joined += (joined.empty() ? "" : ", ") + item.text;
    }
    return joined;
  }
  if (v.type == doc::PyType::Map) {
    why = "a mapping (metadata values are strings)";
    return std::nullopt;
  }
  // A number, a boolean, a date, null: its text as written.
  if (e.end > e.line_end + 1) {
    why = "a value across lines";
    return std::nullopt;
  }
  std::string s = plain_scalar_text(text, e.value_begin, e.line_end);
  if (s.empty() && e.value_begin != e.line_end) {
    why = "a value that is not plain text";
    return std::nullopt;
  }
  return s;
}

struct Move {
  const Entry* entry;
  std::string value;
};

}  // namespace

FixOutcome fix_unknown_fields(std::string_view text, const FixContext& context) {
  FixOutcome out;
  out.text = std::string(text);
  if (context.allowed_fields.empty()) return out;
  const FrontmatterText fm = read_frontmatter(text);
  if (!fm.ok) {
    if (fm.reason != "the file has no frontmatter") out.skipped.push_back("fields not moved: " + fm.reason);
    return out;
  }
  auto allowed = [&](const std::string& k) {
    return std::find(context.allowed_fields.begin(), context.allowed_fields.end(), k) != context.allowed_fields.end();
  };
  if (std::all_of(fm.py.entries.begin(), fm.py.entries.end(),
                  [&](const auto& e) { return e.first.type != doc::PyType::Str || allowed(e.first.text); })) {
    return out;
  }
  std::string reason;
  const auto entries = top_level_entries(text, fm, reason);
  if (!entries) {
    out.skipped.push_back("fields not moved: " + reason);
    return out;
  }
  const Entry* meta = entry_for(*entries, k_metadata);
  // Where the new metadata lines go, and how they are indented.
  std::size_t insert_at = fm.yaml_end;
  std::string indent = "  ";
  std::string header;
  if (!meta) {
    header = "metadata:\n";
  } else {
    const bool nothing_after_key = plain_scalar_text(text, meta->value_begin, meta->line_end).empty() &&
                                   (meta->value_begin == meta->line_end || text[meta->value_begin] == '#');
    if (!(meta->value->type == doc::PyType::Map || meta->value->type == doc::PyType::None) || !nothing_after_key) {
      out.skipped.push_back("fields not moved: metadata is not a block mapping");
      return out;
    }
    insert_at = meta->end;
    // The indentation of metadata's first entry.
    for (std::size_t p = meta->line_end + 1; p < meta->end;) {
      const auto nl = text.find('\n', p);
      const std::string_view line = text.substr(p, nl - p);
      const auto first = line.find_first_not_of(" ");
      if (first != std::string_view::npos && line[first] != '#' && line[first] != '\t') {
        indent = std::string(first, ' ');
        break;
      }
      p = nl + 1;
    }
  }
  std::vector<Move> moves;
  for (const auto& e : *entries) {
    if (allowed(e.key)) continue;
    std::string why;
    if (has_comment(text.substr(e.begin, e.end - e.begin))) {
      why = "a comment in it";
    } else if (meta && meta->value->get(e.key)) {
      why = "metadata already has '" + e.key + "'";
    }
    std::optional<std::string> value;
    if (why.empty()) value = as_string(text, e, why);
    if (!value) {
      out.skipped.push_back("field '" + e.key + "' not moved under metadata: " + why);
      continue;
    }
    moves.push_back({&e, std::move(*value)});
  }
  if (moves.empty()) return out;

  std::string lines = header;
  for (const auto& m : moves) lines += indent + yaml_string(m.entry->key) + ": " + yaml_string(m.value) + "\n";
  std::string fixed;
  std::size_t pos = 0;
  bool inserted = false;
  for (const auto& m : moves) {
    if (!inserted && insert_at <= m.entry->begin) {
      fixed.append(text.substr(pos, insert_at - pos));
      fixed += lines;
      pos = insert_at;
      inserted = true;
    }
    fixed.append(text.substr(pos, m.entry->begin - pos));
    pos = m.entry->end;
  }
  if (!inserted) {
    fixed.append(text.substr(pos, insert_at - pos));
    fixed += lines;
    pos = insert_at;
  }
  fixed.append(text.substr(pos));

  // What it must read as: the fields gone from the top, strings under metadata.
  auto expect = [&](doc::PyValue data) {
    doc::PyValue* md = find_entry(data, k_metadata);
    if (!md) {
      data.entries.emplace_back(doc::PyValue::str(std::string(k_metadata)), doc::PyValue{});
      md = &data.entries.back().second;
    }
    if (md->type != doc::PyType::Map) {
      *md = doc::PyValue{};
      md->type = doc::PyType::Map;
    }
    for (const auto& m : moves) {
      erase_entry(data, m.entry->key);
      md = find_entry(data, k_metadata);
      md->entries.emplace_back(doc::PyValue::str(m.entry->key), doc::PyValue::str(m.value));
    }
    return data;
  };
  const doc::PyValue py = expect(fm.py);
  const doc::PyValue strict = fm.strict_ok ? expect(fm.strict) : doc::PyValue{};
  return keep_if_reads_back(std::move(out), std::move(fixed), fm, py, strict, moves.size(),
                            "fields not moved under metadata: ");
}

}  // namespace skillscore::fix::detail
