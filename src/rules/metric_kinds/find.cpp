// `find`: string, the first match of any of a metric's patterns in its scope,
// as a check shows it (shortened, or redacted for secrets), located at its
// line and column; "" when none. In another file of the skill (scripts/),
// the value starts with that file's path, line and column.
#include <algorithm>

#include "metric_kind.hpp"
#include "skillscore/rules/scope_scan.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "scope", "levels", "flags", "patterns", "except", "group", "show",
                   "max_chars"});
  FindSpec s;
  auto p = r.scoped_patterns(n);
  s.scope = p.scope;
  s.levels = p.levels;
  s.patterns = std::move(p.patterns);
  const RegexFlags f = p.flags;
  if (n["except"].IsDefined()) {
    r.expect_seq(n["except"], "except");
    for (const auto& x : n["except"].items()) s.except.push_back(r.regex(x, f));
  }
  if (n["group"].IsDefined()) {
    s.group = static_cast<int>(r.integer(n["group"], "group"));
    for (const auto& re : s.patterns) {
      if (s.group < 0 || s.group > re.group_count()) r.fail(n["group"], "group: a pattern has no such capture group");
    }
  }
  if (n["show"].IsDefined()) s.show = r.enum_value(n["show"], find_shows(), "show");
  if (n["max_chars"].IsDefined()) s.max_chars = static_cast<int>(r.integer(n["max_chars"], "max_chars"));
  if (s.max_chars < 8) r.fail(n["max_chars"], "max_chars must be at least 8");
  m.type = ValueType::String;
  m.spec = std::move(s);
}

// Scopes whose pieces are slices of a file, so that columns are true.
bool sliced(Scope s) { return s != Scope::Headings && s != Scope::Links; }

struct Hit {
  std::size_t begin = 0, end = 0;  // the shown part, in the piece
  bool found = false;
};

// The first match of `re` in `text` whose shown part no `except` pattern finds.
Hit first_hit(const FindSpec& s, const Regex& re, const TextPiece& p) {
  const int ngroups = std::max(re.group_count(), s.group);
  std::vector<std::string_view> groups(static_cast<std::size_t>(ngroups));
  std::size_t pos = 0;
  Match whole;
  while (pos <= p.text.size() && re.find_groups(p.text, pos, whole, groups.data(), ngroups, p.classes)) {
    Hit h{whole.begin, whole.end, true};
    if (s.group > 0) {
      const auto g = groups[static_cast<std::size_t>(s.group - 1)];
      if (g.data()) {
        h.begin = static_cast<std::size_t>(g.data() - p.text.data());
        h.end = h.begin + g.size();
      }
    }
    const std::string_view shown = p.text.substr(h.begin, h.end - h.begin);
    const bool excepted = std::any_of(s.except.begin(), s.except.end(), [&](const Regex& x) { return x.search(shown).has_value(); });
    if (!excepted) return h;
    pos = whole.end > pos ? whole.end : pos + 1;
  }
  return {};
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t pos = 0, n = 0;
  while (pos < text.size()) {
    if (n == max_chars) return out + "...";
    const std::size_t at = pos;
    const char32_t c = util::decode_utf8(text, pos);
    if (c < 0x20 || c == 0x7F) out += ' ';
    else out.append(text.substr(at, pos - at));
    ++n;
  }
  return out;
}

std::string shown(const FindSpec& s, std::string_view text) {
  if (s.show == FindShow::Match) return shorten(text, static_cast<std::size_t>(s.max_chars));
  std::size_t pos = 0;
  for (int k = 0; k < 4 && pos < text.size(); ++k) util::decode_utf8(text, pos);
  return std::string(text.substr(0, pos)) + "... (" + std::to_string(util::count_code_points(text)) + " characters)";
}

Value evaluate(const MetricDef& def, int metric, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<FindSpec>(def.spec);
  ScopeTexts& scopes = ctx.scopes;
  // The scope scan says which patterns cannot match a piece: those are not run.
  const ScopeScan* scan = ctx.profile.scope_scan.get();
  const int group = scan ? scan->group(metric) : -1;
  std::size_t index = 0;
  for (const auto& p : scopes.pieces(s.scope, s.levels)) {
    const std::size_t piece = index++;
    Hit best;
    for (std::size_t k = 0; k < s.patterns.size(); ++k) {
      if (group >= 0 && !scopes.may_match(group, piece, p, scan->slot(metric, static_cast<int>(k)))) continue;
      const Hit h = first_hit(s, s.patterns[k], p);
      if (h.found && (!best.found || h.begin < best.begin)) best = h;
    }
    if (!best.found) continue;
    const std::size_t line = scopes.line_in(p, best.begin);
    const std::size_t line_start = [&] {
      const auto nl = p.text.rfind('\n', best.begin == 0 ? 0 : best.begin - 1);
      return nl == std::string_view::npos || best.begin == 0 ? 0 : nl + 1;
    }();
    const std::size_t column = sliced(s.scope) ? util::count_code_points(p.text.substr(line_start, best.begin - line_start)) + 1 : 0;
    std::string value = shown(s, p.text.substr(best.begin, best.end - best.begin));
    if (!p.origin.empty()) {
      // Another file: its own line and column are in the message; the skill file has none.
      value = std::string(p.origin) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + value;
    } else {
      at.line = line;
      at.column = column;
    }
    return Value::string(std::move(value));
  }
  return Value::string("");
}

}  // namespace

const MetricKindDef k_find_kind = {
    MetricKind::Find, "find",
    "string: the first match of `patterns` in `scope` (`group`, `except`, `show: match|redacted`, `max_chars`), "
    "located at its line and column; \"\" when none",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
