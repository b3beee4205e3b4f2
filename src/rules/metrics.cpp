#include "skillscore/rules/metrics.hpp"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "references.hpp"
#include "scan_metrics.hpp"
#include "scope_text.hpp"
#include "skillscore/rules/prefilter.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/pystr.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {
namespace {

struct Context {
  const Profile& profile;
  const doc::Document& doc;
  ScopeTexts scopes;
  MetricResults& out;
  // str() of the field value last tested, and its lower-cased form: several
  // field metrics in a row test the description.
  const doc::PyValue* field = nullptr;
  std::string field_text, field_lower;
  bool have_field = false, have_lower = false;
};

const std::string& field_text(Context& ctx, const doc::PyValue* v, bool lower) {
  if (!ctx.have_field || ctx.field != v) {
    ctx.field = v;
    ctx.have_field = true;
    ctx.have_lower = false;
    ctx.field_text = v ? doc::py_str(*v) : std::string();
  }
  if (!lower) return ctx.field_text;
  if (!ctx.have_lower) {
    ctx.field_lower = util::py_lower_for_ascii_match(ctx.field_text);
    ctx.have_lower = true;
  }
  return ctx.field_lower;
}

// First match of any (or, with `all`, of every) pattern, for the location.
std::size_t first_match_line(const SearchSpec& s, Context& ctx) {
  for (const auto& p : ctx.scopes.pieces(s.scope, s.levels)) {
    for (const auto& re : s.patterns) {
      if (auto m = re.search(p.text, p.classes)) return ctx.scopes.line_in(p, m->begin);
    }
  }
  return 0;
}

Value eval_search(int metric, const SearchSpec& s, Context& ctx, std::size_t& line) {
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
      if (value && locate) line = first_match_line(s, ctx);
      return Value::boolean(value);
    }
  }
  const auto& pieces = ctx.scopes.pieces(s.scope, s.levels);
  if (s.all) {
    for (const auto& re : s.patterns) {
      const bool found = std::any_of(pieces.begin(), pieces.end(), [&](const TextPiece& p) { return re.search(p.text, p.classes).has_value(); });
      if (!found) return Value::boolean(false);
    }
    if (locate) line = first_match_line(s, ctx);
    return Value::boolean(true);
  }
  // Many pieces (code blocks): run only the patterns whose literals the body has.
  std::vector<bool> possible;
  constexpr std::size_t k_prefilter_pieces = 16;
  const bool filtered =
      s.prefilter && pieces.size() >= k_prefilter_pieces && s.prefilter->possible(ctx.doc.body(), possible);
  for (const auto& p : pieces) {
    for (std::size_t k = 0; k < s.patterns.size(); ++k) {
      if (filtered && !possible[k]) continue;
      const auto& re = s.patterns[k];
      if (auto m = re.search(p.text, p.classes)) {
        if (locate) line = ctx.scopes.line_in(p, m->begin);
        return Value::boolean(true);
      }
    }
  }
  return Value::boolean(false);
}

Value eval_count(int metric, const CountSpec& s, Context& ctx, std::size_t& line) {
  if (s.scope == Scope::Body) {
    // A shortcut only: while the pass runs on another thread, count anyway.
    const auto* present = ctx.scopes.body_presence(/*wait=*/false);
    const int slot = present ? ctx.profile.presence->slot(metric, 0) : -1;
    if (slot >= 0 && !(*present)[static_cast<std::size_t>(slot)]) {
      return Value::integer(0);
    }
  }
  const bool locate = ctx.profile.needs_location[static_cast<std::size_t>(metric)];
  std::int64_t n = 0;
  for (const auto& p : ctx.scopes.pieces(s.scope, s.levels)) {
    std::optional<Match> first;
    n += static_cast<std::int64_t>(s.pattern->count(p.text, locate && !line ? &first : nullptr, p.classes));
    if (first && !line) line = ctx.scopes.line_in(p, first->begin);
  }
  return Value::integer(n);
}

Value eval_length(const LengthSpec& s, Context& ctx) {
  std::int64_t n = 0;
  for (const auto& p : ctx.scopes.pieces(s.scope, s.levels)) n += static_cast<std::int64_t>(util::count_code_points(p.text));
  return Value::integer(n);
}

// The value at `path` (nullptr when absent) and the entry holding it.
const doc::PyValue* lookup(const FieldSpec& s, const doc::Frontmatter& fm, const doc::PyValue** key) {
  const doc::PyValue* v = &fm.data;
  *key = nullptr;
  for (const auto& k : s.path) {
    const auto* e = v ? v->entry(k) : nullptr;
    v = e ? &e->second : nullptr;
    *key = e ? &e->first : nullptr;
  }
  return v;
}

std::string unexpected_keys(const FieldSpec& s, const doc::PyValue* map, const doc::Frontmatter& fm, std::size_t& line,
                            std::size_t& column) {
  if (!map || !map->is_map()) return {};
  std::vector<std::string> keys;
  for (const auto& [k, v] : map->entries) {
    const std::string name = doc::py_str(k);
    if (std::find(s.values.begin(), s.values.end(), name) != s.values.end()) continue;
    if (keys.empty()) std::tie(line, column) = fm.position(k);  // the first in the file
    keys.push_back(name);
  }
  std::sort(keys.begin(), keys.end());
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

Value eval_field(const FieldSpec& s, Context& ctx, std::size_t& line, std::size_t& column) {
  const doc::Frontmatter& fm = ctx.doc.frontmatter();
  const doc::PyValue* key = nullptr;
  const doc::PyValue* v = lookup(s, fm, &key);
  if (key) std::tie(line, column) = fm.position(*key);
  switch (s.test) {
    case FieldTest::Truthy: return Value::boolean(v && doc::py_truthy(*v));
    case FieldTest::MappingOrAbsent: return Value::boolean(!v || v->is_map());
    case FieldTest::Present: return Value::boolean(v != nullptr);
    case FieldTest::IsText: return Value::boolean(v && v->type == doc::PyType::Str);
    case FieldTest::UnexpectedKeys: return Value::string(unexpected_keys(s, v, fm, line, column));
    default: break;
  }
  // The reference reads str(frontmatter.get(key, "")).
  const std::string& text = field_text(ctx, v, s.ignore_case &&
                                                   (s.test == FieldTest::StartsWith || s.test == FieldTest::ContainsAny));
  if (s.test == FieldTest::Text) return Value::string(text);
  if (s.test == FieldTest::NonEmptyText) return Value::boolean(!text.empty());
  if (s.test == FieldTest::WordCount) return Value::integer(static_cast<std::int64_t>(util::py_split_count(text)));
  for (const auto& needle : s.values) {
    const bool hit = s.test == FieldTest::StartsWith ? text.rfind(needle, 0) == 0 : text.find(needle) != std::string::npos;
    if (hit) return Value::boolean(true);
  }
  return Value::boolean(false);
}

std::string_view state_name(doc::FrontmatterState s) {
  switch (s) {
    case doc::FrontmatterState::Absent: return "absent";
    case doc::FrontmatterState::Unclosed: return "unclosed";
    case doc::FrontmatterState::Loaded: return "ok";
    case doc::FrontmatterState::YamlError: return "invalid_yaml";
    case doc::FrontmatterState::Unusable: return "unusable";
    case doc::FrontmatterState::NotMapping: return "not_mapping";
  }
  return "?";
}

Value eval_document(const DocumentPropertySpec& s, Context& ctx, std::size_t& line, std::size_t& column) {
  const auto& fm = ctx.doc.frontmatter();
  switch (s.property) {
    case DocumentProperty::FrontmatterState:
      if (fm.state == doc::FrontmatterState::Absent || fm.state == doc::FrontmatterState::Unclosed) {
        line = 1;
        column = 1;
      }
      return Value::string(std::string(state_name(fm.state)));
    case DocumentProperty::FrontmatterError:
      line = fm.line;
      return Value::string(fm.message);
    case DocumentProperty::ParentDirName: {
      // The resolved directory, so that `.` gives its real name.
      std::error_code ec;
      const auto abs = std::filesystem::absolute(std::filesystem::path(ctx.doc.path()), ec).lexically_normal();
      return Value::string(ec ? std::string() : abs.parent_path().filename().string());
    }
    case DocumentProperty::BodyLines: {
      const auto body = ctx.doc.body();
      const auto n = body.empty() ? 0 : std::count(body.begin(), body.end(), '\n') + 1;
      return Value::integer(static_cast<std::int64_t>(n));
    }
    case DocumentProperty::FileName:
      return Value::string(std::filesystem::path(ctx.doc.path()).filename().string());
  }
  return Value::string("");
}

Value eval_references(const ReferencesSpec& s, Context& ctx, std::size_t& line) {
  const ReferenceReport r = check_references(ctx.doc, s);
  switch (s.test) {
    case ReferenceTest::MissingCount:
      if (!r.missing.empty()) line = r.missing.front().line;
      return Value::integer(static_cast<std::int64_t>(r.missing.size()));
    case ReferenceTest::MissingFirst:
      if (!r.missing.empty()) line = r.missing.front().line;
      return Value::string(r.missing.empty() ? std::string() : r.missing.front().target);
    case ReferenceTest::UnreferencedCount: return Value::integer(static_cast<std::int64_t>(r.unreferenced.size()));
    case ReferenceTest::UnreferencedFirst: return Value::string(r.unreferenced.empty() ? std::string() : r.unreferenced.front());
  }
  return Value::integer(0);
}

Value eval_blocks(const BlocksSpec& s, Context& ctx, std::size_t& line) {
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
    if (!line) line = b.fence_line;
    ++n;
  }
  return Value::integer(n);
}

Value eval_points(const PointsSpec& s, const std::vector<Value>& values) {
  if (s.gate && !s.gate->eval(values).b) return Value::real(0.0);
  double sum = 0.0;
  for (const auto& t : s.terms) {
    if (!t.when || t.when->eval(values).b) sum += t.add;
  }
  if (s.cap && *s.cap < sum) sum = *s.cap;
  return Value::real(sum);
}

Value eval_select(const SelectSpec& s, const std::vector<Value>& values) {
  for (const auto& c : s.cases) {
    if (c.when.eval(values).b) return Value::string(c.value);
  }
  return Value::string(s.otherwise);
}

// Whether a metric may run before the body's presence pass has answered:
// what never asks it, and counts (for which it is only a shortcut). Body
// searches wait for it; derived metrics may read them.
bool runs_without_presence(const MetricDef& m) {
  if (const auto* s = std::get_if<SearchSpec>(&m.spec)) return s->scope != Scope::Body;
  return !std::holds_alternative<PointsSpec>(m.spec) && !std::holds_alternative<SelectSpec>(m.spec) &&
         !std::holds_alternative<FormulaSpec>(m.spec);
}

}  // namespace

MetricResults evaluate_metrics(const Profile& profile, const doc::Document& document, EvalOptions options) {
  MetricResults out;
  const std::size_t n = profile.metrics.size();
  out.values.resize(n);
  out.first_line.assign(n, 0);
  out.first_column.assign(n, 0);
  Context ctx{profile, document, ScopeTexts(profile, document), out};
  auto evaluate = [&](std::size_t i) {
    const MetricDef& m = profile.metrics[i];
    std::size_t& line = out.first_line[i];
    std::size_t& column = out.first_column[i];
    out.values[i] = std::visit(
        [&](const auto& spec) -> Value {
          using T = std::decay_t<decltype(spec)>;
          if constexpr (std::is_same_v<T, SearchSpec>) return eval_search(static_cast<int>(i), spec, ctx, line);
          else if constexpr (std::is_same_v<T, CountSpec>) return eval_count(static_cast<int>(i), spec, ctx, line);
          else if constexpr (std::is_same_v<T, LengthSpec>) return eval_length(spec, ctx);
          else if constexpr (std::is_same_v<T, FieldSpec>) return eval_field(spec, ctx, line, column);
          else if constexpr (std::is_same_v<T, DocumentPropertySpec>) return eval_document(spec, ctx, line, column);
          else if constexpr (std::is_same_v<T, ReferencesSpec>) return eval_references(spec, ctx, line);
          else if constexpr (std::is_same_v<T, BlocksSpec>) return eval_blocks(spec, ctx, line);
          else if constexpr (std::is_same_v<T, PointsSpec>) return eval_points(spec, out.values);
          else if constexpr (std::is_same_v<T, SelectSpec>) return eval_select(spec, out.values);
          else if constexpr (std::is_same_v<T, FindSpec>) {
            Location at;
            Value v = eval_find(spec, ctx.scopes, at);
            std::tie(line, column) = std::pair{at.line, at.column};
            return v;
          } else if constexpr (std::is_same_v<T, CharactersSpec>) {
            Location at;
            Value v = eval_characters(spec, ctx.scopes, ctx.doc, at);
            std::tie(line, column) = std::pair{at.line, at.column};
            return v;
          } else if constexpr (std::is_same_v<T, TokensSpec>) return eval_tokens(spec, ctx.scopes, ctx.doc);
          else if constexpr (std::is_same_v<T, ParamSpec>) return spec.value;
          else return spec.expr->eval(out.values);
        },
        m.spec);
  };
  // Below this the pass takes less than a thread costs to start.
  constexpr std::size_t k_parallel_body_bytes = 64 * 1024;
  if (!options.spare_core || !profile.presence || document.body().size() < k_parallel_body_bytes) {
    for (std::size_t i = 0; i < n; ++i) evaluate(i);
    return out;
  }
  // The pass runs beside the metrics that need no answer from it; then the
  // rest, in order. Metrics read only earlier ones, and every one of those
  // is done by then, so the values are those of the plain order.
  ctx.scopes.start_body_presence();
  for (std::size_t i = 0; i < n; ++i) {
    if (runs_without_presence(profile.metrics[i])) evaluate(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!runs_without_presence(profile.metrics[i])) evaluate(i);
  }
  return out;
}

}  // namespace skillscore::rules
