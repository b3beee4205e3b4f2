#pragma once
// Safe, deterministic fixes of a SKILL.md text: the closed set of fix kinds,
// with ONE table of ids, docs and the rule ids each resolves.
//
// A fix edits the text surgically (never re-serializes the YAML), then reads
// the result again; when it does not parse to the intended value, the fix is
// skipped with a reason and the text is left as it was.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::fix {

// In the order they are applied (line endings first: every other fix reads LF text).
enum class FixKind {
  LineEndings,         // CRLF and lone CR -> LF
  TrailingWhitespace,  // spaces and tabs at line ends (not hard breaks, code, or values)
  FenceLanguage,       // "``` python" -> "```python"
  AllowedTools,        // allowed-tools as the specification's space-separated string
  UnknownFields,       // top-level fields the specification does not allow -> metadata (strings)
  NameDirectory,       // name = the skill directory's name
};

struct FixInfo {
  FixKind kind;
  std::string_view id;    // stable: "FX001", never reused
  std::string_view slug;  // "line-endings"
  std::string_view title;
  std::string_view doc;   // what it changes, and what it never touches
  // The rules it resolves (ids). A fix with `gated` runs only when the
  // profile has one of them (or when asked for by name).
  std::array<std::string_view, 4> resolves;
  bool gated;
};

std::span<const FixInfo> fixes();
const FixInfo& fix_info(FixKind kind);
// By id or slug.
std::optional<FixKind> fix_from_name(std::string_view name);
// The fixes that resolve rule `rule_id` (for `explain` and the editor).
std::vector<FixKind> fixes_for_rule(std::string_view rule_id);

// What a fix reads besides the text.
struct FixContext {
  // The skill directory's name when the file is a SKILL.md (skill.md), else "".
  std::string dir_name;
  // Top-level frontmatter fields the specification allows (from the profile).
  std::vector<std::string> allowed_fields;
};

struct FixOutcome {
  std::string text;                  // the text after the fix (unchanged when count == 0)
  std::size_t count = 0;             // places changed
  std::vector<std::string> skipped;  // why some places were left as they were
};

// One fix on `text` (valid UTF-8; LF newlines for every fix but LineEndings).
FixOutcome apply_fix(FixKind kind, std::string_view text, const FixContext& context);

struct AppliedFix {
  FixKind kind;
  std::size_t count = 0;
};
struct SkippedFix {
  FixKind kind;
  std::string reason;
};
struct FixResult {
  std::string text;
  std::vector<AppliedFix> applied;
  std::vector<SkippedFix> skipped;
};

// The fixes in `kinds`, in FixKind order, each on the previous one's result.
FixResult fix_text(std::string_view text, const FixContext& context, std::span<const FixKind> kinds);

}  // namespace skillscore::fix
