// `search`: bool, whether any (or, with `match: all`, every) pattern matches in the scope.
#include <algorithm>

#include "metric_kind.hpp"
#include "skillscore/rules/prefilter.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/rules/scope_scan.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "scope", "levels", "flags", "patterns", "match"});
  SearchSpec s;
  auto p = r.scoped_patterns(n);
  s.scope = p.scope;
  s.levels = p.levels;
  s.patterns = std::move(p.patterns);
  // A pattern with a leading literal rejects a block without it by
  // itself (Regex::search), cheaper than the filter's pass over the
  // lowered body; the filter pays only for patterns without one.
  const bool all_led =
      std::all_of(s.patterns.begin(), s.patterns.end(), [](const Regex& re) { return re.has_leading_literal(); });
  if (s.scope == Scope::CodeBlocks && r.profile().document.code_blocks == CodeBlockSource::Regex && !all_led) {
    s.prefilter = LiteralPrefilter::build(s.patterns);
  }
  s.all = r.choice(n, "match", search_matches(), SearchMatch::Any, "'") == SearchMatch::All;
  m.type = ValueType::Bool;
  m.spec = std::move(s);
}

// Whether pattern `k` of `metric` may match the `index`th piece `p` of its
// scope: false when the scope scan found it cannot.
bool may_match(MetricContext& ctx, int metric, std::size_t k, std::size_t index, const TextPiece& p) {
  const ScopeScan* scan = ctx.profile.scope_scan.get();
  if (!scan) return true;
  const int group = scan->group(metric);
  return group < 0 || ctx.scopes.may_match(group, index, p, scan->slot(metric, static_cast<int>(k)));
}

// First match of any (or, with `all`, of every) pattern, for the location.
std::size_t first_match_line(const SearchSpec& s, int metric, MetricContext& ctx) {
  std::size_t index = 0;
  for (const auto& p : ctx.scopes.pieces(s.scope, s.levels)) {
    const std::size_t piece = index++;
    for (std::size_t k = 0; k < s.patterns.size(); ++k) {
      if (!may_match(ctx, metric, k, piece, p)) continue;
      if (auto m = s.patterns[k].search(p.text, p.classes)) return ctx.scopes.line_in(p, m->begin);
    }
  }
  return 0;
}

Value evaluate(const MetricDef& def, int metric, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<SearchSpec>(def.spec);
  std::size_t& line = at.line;
  const bool locate = ctx.profile.needs_location[static_cast<std::size_t>(metric)];
  // Body patterns: the presence index has already answered in one pass.
  if (s.scope == Scope::Body) {
    if (const auto* present = ctx.scopes.body_presence()) {
      const auto& index = *ctx.profile.presence;
      bool value = s.all;
      for (std::size_t k = 0; k < s.patterns.size() && value == s.all; ++k) {
        const int slot = index.slot(metric, static_cast<int>(k));
        // A pattern the set only filters is searched when it may match.
        bool hit = slot < 0 || (*present)[static_cast<std::size_t>(slot)];
        if (hit && (slot < 0 || !index.exact(slot))) hit = s.patterns[k].search(ctx.doc.body(), ctx.doc.unicode_classes()).has_value();
        value = s.all ? value && hit : value || hit;
      }
      if (value && locate) line = first_match_line(s, metric, ctx);
      return Value::boolean(value);
    }
  }
  const auto& pieces = ctx.scopes.pieces(s.scope, s.levels);
  if (s.all) {
    for (std::size_t k = 0; k < s.patterns.size(); ++k) {
      bool found = false;
      for (std::size_t i = 0; i < pieces.size() && !found; ++i) {
        found = may_match(ctx, metric, k, i, pieces[i]) && s.patterns[k].search(pieces[i].text, pieces[i].classes).has_value();
      }
      if (!found) return Value::boolean(false);
    }
    if (locate) line = first_match_line(s, metric, ctx);
    return Value::boolean(true);
  }
  // Many pieces (code blocks): run only the patterns whose literals the body has.
  std::vector<bool> possible;
  constexpr std::size_t k_prefilter_pieces = 16;
  const bool filtered =
      s.prefilter && pieces.size() >= k_prefilter_pieces && s.prefilter->possible(ctx.doc.body(), possible);
  std::size_t index = 0;
  for (const auto& p : pieces) {
    const std::size_t piece = index++;
    for (std::size_t k = 0; k < s.patterns.size(); ++k) {
      if (filtered && !possible[k]) continue;
      if (!may_match(ctx, metric, k, piece, p)) continue;
      const auto& re = s.patterns[k];
      if (auto m = re.search(p.text, p.classes)) {
        if (locate) line = ctx.scopes.line_in(p, m->begin);
        return Value::boolean(true);
      }
    }
  }
  return Value::boolean(false);
}

// Body searches read the presence pass's answer.
bool waits_for_presence(const MetricSpec& spec) { return std::get<SearchSpec>(spec).scope == Scope::Body; }

}  // namespace

const MetricKindDef k_search_kind = {
    MetricKind::Search, "search", "bool: whether any (or all, with `match: all`) of `patterns` match in `scope`",
    read, evaluate, /*locatable=*/true, waits_for_presence,
};

}  // namespace skillscore::rules
