#include "skillscore/rules/rule_reader.hpp"

#include <algorithm>
#include <cstdlib>

namespace skillscore::rules {

void RuleReader::fail(const RuleNode& node, const std::string& msg) const {
  std::string where = source_;
  if (node.line() >= 0) where += ":" + std::to_string(node.line() + 1);
  throw RuleFileError{where + ": " + msg};
}

void RuleReader::expect_map(const RuleNode& n, const std::string& what) const {
  if (!n.IsMap()) fail(n, what + " must be a mapping");
}

void RuleReader::expect_seq(const RuleNode& n, const std::string& what) const {
  if (!n.IsSequence()) fail(n, what + " must be a list");
}

void RuleReader::allow_keys(const RuleNode& n, std::initializer_list<std::string_view> keys) const {
  for (std::size_t i = 0; i < n.size(); ++i) {
    const std::string& k = n.key(i).Scalar();
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      std::string list;
      for (auto key : keys) list += (list.empty() ? "" : ", ") + std::string(key);
      fail(n.key(i), "unknown key '" + k + "' (allowed: " + list + ")");
    }
  }
}

const RuleNode& RuleReader::require(const RuleNode& n, const char* key) const {
  const RuleNode& v = n[key];
  if (!v.IsDefined() || v.IsNull()) fail(n, std::string("missing required key '") + key + "'");
  return v;
}

std::string RuleReader::scalar(const RuleNode& n, const std::string& what) const {
  if (!n.IsScalar()) fail(n, what + " must be a scalar");
  return n.Scalar();
}

std::string RuleReader::optional_scalar(const RuleNode& n, const char* key) const {
  const RuleNode& v = n[key];
  return v.IsDefined() && !v.IsNull() ? scalar(v, key) : std::string();
}

double RuleReader::number(const RuleNode& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') fail(n, what + " must be a number, not '" + s + "'");
  return d;
}

long RuleReader::integer(const RuleNode& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0') fail(n, what + " must be a whole number, not '" + s + "'");
  return v;
}

bool RuleReader::boolean(const RuleNode& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  if (s == "true") return true;
  if (s == "false") return false;
  fail(n, what + " must be true or false");
}

}  // namespace skillscore::rules
