// `tokens`: BPE token counts of a scope or a frontmatter field, for budgets.
#include "scan_metrics.hpp"

namespace skillscore::rules {

Value eval_tokens(const TokensSpec& s, ScopeTexts& scopes, const doc::Document& doc) {
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

}  // namespace skillscore::rules
