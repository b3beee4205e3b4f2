#include "skillscore/fix/fixes.hpp"

#include <algorithm>

#include "fix_impl.hpp"

namespace skillscore::fix {
namespace {

using Fn = FixOutcome (*)(std::string_view, const FixContext&);

struct Entry {
  FixInfo info;
  Fn fn;
};

// The one table of fixes. Ids are stable and never reused.
constexpr Entry k_fixes[] = {
    {{FixKind::LineEndings, "FX001", "line-endings", "Line endings are LF",
      "CRLF and lone CR become LF. Every reader of a skill already reads them as LF, so nothing changes "
      "but the bytes.",
      {}, false},
     detail::fix_line_endings},
    {{FixKind::TrailingWhitespace, "FX002", "trailing-whitespace", "No trailing spaces or tabs",
      "Spaces and tabs at line ends are removed, except two or more spaces before a line that continues the "
      "paragraph (a Markdown hard line break), lines of code blocks, the `---` lines, and frontmatter values "
      "that keep them (a `|` block): the frontmatter must read the same afterwards.",
      {}, false},
     detail::fix_trailing_whitespace},
    {{FixKind::FenceLanguage, "FX003", "fence-language", "A fence's language follows it directly",
      "\"``` python\" becomes \"```python\": CommonMark reads both the same, the reference's code-block "
      "pattern only the second (so the block counts, with its language). The code blocks must parse the same "
      "afterwards.",
      {"SF030", "SF033"}, false},
     detail::fix_fence_language},
    {{FixKind::AllowedTools, "FX004", "allowed-tools", "allowed-tools is one space-separated string",
      "A list (`[Read, Grep]`, which strictyaml refuses, or `- Read` lines) or a comma-separated string becomes "
      "the specification's form `Read Grep`. An item with a space in it cannot be written so: left alone.",
      {"AS003"}, false},
     detail::fix_allowed_tools},
    {{FixKind::UnknownFields, "FX005", "fields-to-metadata", "Unknown top-level fields move under metadata",
      "Top-level fields the specification does not allow move under `metadata` as strings (`version: 1.0` -> "
      "`version: \"1.0\"`; a list of strings is joined by \", \"). A mapping, a field with a comment, or a key "
      "metadata already has stays, with a reason. Only for profiles that check AS005: skill-fleet-v2 scores "
      "those fields at the top level.",
      {"AS005"}, true},
     detail::fix_unknown_fields},
    {{FixKind::NameDirectory, "FX006", "name-directory", "name is the skill directory's name",
      "`name` is set to (or added as) the directory's name when the directory's name is a valid skill name "
      "(lowercase a-z, 0-9, single hyphens, 64 at most); otherwise rename the directory. Only for profiles "
      "that check AS017.",
      {"AS017", "AS010"}, true},
     detail::fix_name_directory},
};

const Entry& entry(FixKind kind) {
  for (const auto& e : k_fixes) {
    if (e.info.kind == kind) return e;
  }
  return k_fixes[0];
}

}  // namespace

std::span<const FixInfo> fixes() {
  static const auto infos = [] {
    std::vector<FixInfo> v;
    for (const auto& e : k_fixes) v.push_back(e.info);
    return v;
  }();
  return infos;
}

const FixInfo& fix_info(FixKind kind) { return entry(kind).info; }

std::optional<FixKind> fix_from_name(std::string_view name) {
  for (const auto& e : k_fixes) {
    if (e.info.id == name || e.info.slug == name) return e.info.kind;
  }
  return std::nullopt;
}

std::vector<FixKind> fixes_for_rule(std::string_view rule_id) {
  std::vector<FixKind> out;
  for (const auto& e : k_fixes) {
    if (std::find(e.info.resolves.begin(), e.info.resolves.end(), rule_id) != e.info.resolves.end()) {
      out.push_back(e.info.kind);
    }
  }
  return out;
}

FixOutcome apply_fix(FixKind kind, std::string_view text, const FixContext& context) {
  return entry(kind).fn(text, context);
}

FixResult fix_text(std::string_view text, const FixContext& context, std::span<const FixKind> kinds) {
  FixResult r;
  r.text = std::string(text);
  for (const auto& e : k_fixes) {
    if (std::find(kinds.begin(), kinds.end(), e.info.kind) == kinds.end()) continue;
    // Every fix but FX001 reads lines ending in LF.
    if (e.info.kind != FixKind::LineEndings && r.text.find('\r') != std::string::npos) {
      r.skipped.push_back({e.info.kind, "the file has CR line endings (fix them first: FX001)"});
      continue;
    }
    FixOutcome o = e.fn(r.text, context);
    for (auto& why : o.skipped) r.skipped.push_back({e.info.kind, std::move(why)});
    if (o.count == 0) continue;
    r.applied.push_back({e.info.kind, o.count});
    r.text = std::move(o.text);
  }
  return r;
}

}  // namespace skillscore::fix
