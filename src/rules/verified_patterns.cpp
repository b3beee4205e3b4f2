#include "skillscore/rules/verified_patterns.hpp"

#include <algorithm>

namespace skillscore::rules {

std::string verified_pattern_key(std::string_view source, RegexFlags flags, RegexDialect dialect) {
  std::string key;
  key.reserve(source.size() + 3);
  key += dialect == RegexDialect::Python ? 'p' : 'r';
  key += static_cast<char>('0' + (flags.ignore_case ? 1 : 0) + (flags.multiline ? 2 : 0) + (flags.dot_all ? 4 : 0));
  key += ':';
  key += source;
  return key;
}

const VerifiedPattern* find_verified_pattern(std::string_view source, RegexFlags flags, RegexDialect dialect) {
  const auto table = verified_patterns();
  if (table.empty()) return nullptr;
  const std::string key = verified_pattern_key(source, flags, dialect);
  const auto it = std::lower_bound(table.begin(), table.end(), key,
                                   [](const VerifiedPattern& p, const std::string& k) { return p.key < k; });
  return it != table.end() && it->key == key ? &*it : nullptr;
}

}  // namespace skillscore::rules
