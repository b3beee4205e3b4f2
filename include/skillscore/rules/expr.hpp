#pragma once
// The condition language of rule files: typed, checked when the file is
// loaded, so an unknown metric or a type mismatch is a load error, never a
// silent zero.
//
//   expr    := or
//   or      := and ("||" and)*
//   and     := not ("&&" not)*
//   not     := "!" not | compare
//   compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/") unary)*
//   unary   := "-" unary | atom
//   atom    := number | 'string' | true | false | metric | fn "(" expr ("," expr)* ")" | "(" expr ")"
//   fn      := min(n, n) | max(n, n) | int(n)        numbers; int() truncates
//            | len(s) | nfkc(s) | strip(s)            code points; Unicode NFKC; Python's str.strip()
//            | is_lower(s)                            s == s.lower() in Python
//            | starts_with(s, t) | ends_with(s, t) | contains(s, t)
//            | matches(s, 'regex')                    RE2 search; the regex must be a literal
//
// Int op Int stays Int (but "/" gives Float); mixing Int and Float gives Float,
// and comparisons between them are exact, as in Python.
#include <re2/re2.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/rules/value.hpp"

namespace skillscore::rules {

struct Symbol {
  int index;
  ValueType type;
};
using SymbolLookup = std::function<std::optional<Symbol>(std::string_view name)>;

class Expr {
 public:
  static std::optional<Expr> parse(std::string_view source, const SymbolLookup& lookup, std::string& error);

  ValueType type() const { return nodes_[root_].type; }
  Value eval(const std::vector<Value>& values) const;
  const std::string& source() const { return source_; }
  // Indices of the metrics it reads.
  std::vector<int> symbols() const;

  enum class Op { Const, Var, Not, Neg, And, Or, Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, Min, Max,
                  Len, Nfkc, Strip, IsLower, StartsWith, EndsWith, Contains, Matches, ToInt };
  struct Node {
    Op op;
    ValueType type;
    Value constant;
    int var = -1;
    int lhs = -1;
    int rhs = -1;
  };

 private:
  friend class ExprParser;
  Value eval_node(int n, const std::vector<Value>& values) const;
  std::string source_;
  std::vector<Node> nodes_;
  std::vector<std::shared_ptr<const RE2>> regexes_;  // for matches(), by Node::var
  int root_ = -1;
};

}  // namespace skillscore::rules
