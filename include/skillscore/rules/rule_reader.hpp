#pragma once
// Reading a YAML tree (RuleNode) with errors that name the file and the line:
// the helpers shared by rule files (loader) and .skillscore.yaml (app/config).
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/rule_node.hpp"

namespace skillscore::rules {

// What RuleReader::fail throws: "FILE:LINE: cause".
struct RuleFileError {
  std::string message;
};

class RuleReader {
 public:
  explicit RuleReader(std::string source) : source_(std::move(source)) {}

  const std::string& source() const { return source_; }

  [[noreturn]] void fail(const RuleNode& node, const std::string& msg) const;
  void expect_map(const RuleNode& n, const std::string& what) const;
  void expect_seq(const RuleNode& n, const std::string& what) const;
  // "unknown key 'k' (allowed: a, b)" at the first key not in `keys`.
  void allow_keys(const RuleNode& n, std::initializer_list<std::string_view> keys) const;
  // The value at `key`; missing or null is an error.
  const RuleNode& require(const RuleNode& n, const char* key) const;
  std::string scalar(const RuleNode& n, const std::string& what) const;
  std::string optional_scalar(const RuleNode& n, const char* key) const;
  double number(const RuleNode& n, const std::string& what) const;
  long integer(const RuleNode& n, const std::string& what) const;
  bool boolean(const RuleNode& n, const std::string& what) const;

  // A name of `table`; else "unknown WHAT 's' (one of: ...)" ("KEY must be
  // a scalar" when it is not one; KEY is WHAT unless given).
  template <typename E>
  E enum_value(const RuleNode& n, std::span<const KindInfo<E>> table, const std::string& what) const {
    return enum_value(n, table, what, what);
  }
  template <typename E>
  E enum_value(const RuleNode& n, std::span<const KindInfo<E>> table, const std::string& what,
               const std::string& key) const {
    const std::string s = scalar(n, key);
    if (auto v = kind_from_name(table, s)) return *v;
    fail(n, "unknown " + what + " '" + s + "' (one of: " + kind_names(table) + ")");
  }

  // The name of `table` at `key` (`fallback` when the key is absent); else
  // "KEY must be a, b or c", each name in `quote`s.
  template <typename E>
  E choice(const RuleNode& parent, const char* key, std::span<const KindInfo<E>> table, E fallback,
           std::string_view quote = "") const {
    const RuleNode& n = parent[key];
    if (!n.IsDefined()) return fallback;
    if (auto v = kind_from_name(table, scalar(n, key))) return *v;
    fail(n, std::string(key) + " must be " + kind_choices(table, quote));
  }

 protected:
  std::string source_;
};

}  // namespace skillscore::rules
