// `tokens`: int, BPE tokens (util/bpe) of a scope or a frontmatter field, for
// budgets; over per-file scopes (references/) the sum, the largest, or the
// largest file's name.
#include <algorithm>

#include "field_path.hpp"
#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "encoding", "scope", "path", "value"});
  TokensSpec s;
  const std::string enc = r.scalar(r.require(n, "encoding"), "encoding");
  const auto e = util::encoding_from_name(enc);
  if (!e) r.fail(n["encoding"], "unknown encoding '" + enc + "' (o200k_base or cl100k_base)");
  s.encoding = *e;
  if (n["scope"].IsDefined() == n["path"].IsDefined()) r.fail(n, "a tokens metric has exactly one of scope or path");
  if (n["scope"].IsDefined()) s.scope = r.scope(n);
  else s.path = field_path(r.scalar(n["path"], "path"));
  s.value = r.choice(n, "value", tokens_values(), TokensValue::Sum);
  m.type = s.value == TokensValue::LargestFile ? ValueType::String : ValueType::Int;
  m.spec = std::move(s);
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition) {
  const auto& s = std::get<TokensSpec>(def.spec);
  ScopeTexts& scopes = ctx.scopes;
  const doc::Document& doc = ctx.doc;
  if (!s.path.empty()) {
    const doc::PyValue* v = &doc.frontmatter().data;
    for (const auto& k : s.path) {
      const auto* e = v ? v->entry(k) : nullptr;
      v = e ? &e->second : nullptr;
    }
    return Value::integer(v ? static_cast<std::int64_t>(util::count_tokens(s.encoding, doc::py_str(*v))) : 0);
  }
  std::int64_t sum = 0, max = 0;
  std::string largest;
  for (const auto& p : scopes.pieces(s.scope)) {
    const auto n = static_cast<std::int64_t>(util::count_tokens(s.encoding, p.text));
    sum += n;
    if (n > max || largest.empty()) {
      max = std::max(max, n);
      largest = std::string(p.origin);
    }
  }
  switch (s.value) {
    case TokensValue::Sum: return Value::integer(sum);
    case TokensValue::Max: return Value::integer(max);
    case TokensValue::LargestFile: return Value::string(largest);
  }
  return Value::integer(0);
}

}  // namespace

const MetricKindDef k_tokens_kind = {
    MetricKind::Tokens, "tokens",
    "int: BPE tokens (`encoding`: o200k_base, cl100k_base) of `scope` or the frontmatter field `path`; over "
    "files (scripts, references) `value: sum|max|largest_file`",
    read, evaluate, /*locatable=*/false, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
