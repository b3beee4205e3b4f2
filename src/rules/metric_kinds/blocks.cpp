// `blocks`: int, the code blocks that pass a filter (language, length).
#include <algorithm>

#include "metric_kind.hpp"
#include "skillscore/util/pystr.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "require_language", "missing_language", "min_lines"});
  BlocksSpec s;
  s.require_language = n["require_language"].IsDefined() && r.boolean(n["require_language"], "require_language");
  s.missing_language = n["missing_language"].IsDefined() && r.boolean(n["missing_language"], "missing_language");
  if (s.require_language && s.missing_language) r.fail(n, "require_language and missing_language exclude each other");
  s.min_lines = n["min_lines"].IsDefined() ? static_cast<int>(r.integer(n["min_lines"], "min_lines")) : 0;
  m.type = ValueType::Int;
  m.spec = s;
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<BlocksSpec>(def.spec);
  std::int64_t n = 0;
  for (const auto& b : ctx.scopes.code_blocks()) {
    if (s.require_language && b.language.empty()) continue;
    if (s.missing_language && !b.language.empty()) continue;
    if (s.min_lines > 0) {
      // len(code.strip().split("\n"))
      const auto stripped = util::py_strip(b.code);
      const auto lines = static_cast<int>(std::count(stripped.begin(), stripped.end(), '\n')) + 1;
      if (lines < s.min_lines) continue;
    }
    if (!at.line) at.line = b.fence_line;
    ++n;
  }
  return Value::integer(n);
}

}  // namespace

const MetricKindDef k_blocks_kind = {
    MetricKind::Blocks, "blocks",
    "int: code blocks passing `require_language` and `min_lines` (or, with `missing_language`, those without one)",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
