// `field`: a test of one frontmatter value (bool, int or string by the test).
#include <algorithm>
#include <tuple>

#include "metric_kind.hpp"
#include "skillscore/util/pystr.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "path", "test", "values", "ignore_case"});
  FieldSpec s;
  const std::string path = r.scalar(r.require(n, "path"), "path");
  // "." is the frontmatter mapping itself; "a.b" walks into mappings.
  for (std::size_t start = 0; path != ".";) {
    const auto dot = path.find('.', start);
    s.path.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  s.test = r.enum_value(r.require(n, "test"), field_tests(), "field test");
  s.ignore_case = n["ignore_case"].IsDefined() && r.boolean(n["ignore_case"], "ignore_case");
  const bool needs_values =
      s.test == FieldTest::StartsWith || s.test == FieldTest::ContainsAny || s.test == FieldTest::UnexpectedKeys;
  if (needs_values) {
    const RuleNode& vals = r.require(n, "values");
    r.expect_seq(vals, "values");
    for (const auto& v : vals.items()) {
      std::string text = r.scalar(v, "value");
      if (s.ignore_case && s.test != FieldTest::UnexpectedKeys && !util::is_ascii(text)) {
        r.fail(v, "with ignore_case, values must be ASCII (Python's lower() is matched exactly for ASCII)");
      }
      s.values.push_back(s.ignore_case ? util::py_lower_for_ascii_match(text) : text);
    }
  } else if (n["values"].IsDefined()) {
    r.fail(n["values"], "values are only for starts_with and contains_any");
  }
  m.type = s.test == FieldTest::WordCount                                             ? ValueType::Int
           : s.test == FieldTest::Text || s.test == FieldTest::UnexpectedKeys ? ValueType::String
                                                                              : ValueType::Bool;
  m.spec = std::move(s);
}

const std::string& field_text(MetricContext& ctx, const doc::PyValue* v, bool lower) {
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
  for (const auto& [k, v] : map->deref().entries) {
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

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<FieldSpec>(def.spec);
  const doc::Frontmatter& fm = ctx.doc.frontmatter();
  const doc::PyValue* key = nullptr;
  const doc::PyValue* v = lookup(s, fm, &key);
  if (key) std::tie(at.line, at.column) = fm.position(*key);
  switch (s.test) {
    case FieldTest::Truthy: return Value::boolean(v && doc::py_truthy(*v));
    case FieldTest::MappingOrAbsent: return Value::boolean(!v || v->is_map());
    case FieldTest::Present: return Value::boolean(v != nullptr);
    case FieldTest::IsText: return Value::boolean(v && v->type == doc::PyType::Str);
    case FieldTest::UnexpectedKeys: return Value::string(unexpected_keys(s, v, fm, at.line, at.column));
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

}  // namespace

const MetricKindDef k_field_kind = {
    MetricKind::Field, "field", "bool or int: `test` applied to the frontmatter value at `path`",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
