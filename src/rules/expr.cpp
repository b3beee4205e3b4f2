#include "skillscore/rules/expr.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "skillscore/util/pystr.hpp"
#include "skillscore/util/unicode.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {

class ExprParser {
 public:
  ExprParser(std::string_view src, const SymbolLookup& lookup, Expr& out)
      : src_(src), lookup_(lookup), out_(out) {}

  bool run(std::string& error) {
    const int root = parse_or();
    skip_ws();
    if (root >= 0 && pos_ != src_.size()) fail("unexpected '" + std::string(src_.substr(pos_, 1)) + "'");
    if (!error_.empty()) {
      error = "in expression '" + std::string(src_) + "': " + error_;
      return false;
    }
    out_.root_ = root;
    return true;
  }

 private:
  using Op = Expr::Op;

  void fail(const std::string& msg) {
    if (error_.empty()) error_ = msg + " at column " + std::to_string(pos_ + 1);
  }
  void skip_ws() {
    while (pos_ < src_.size() && std::isspace(static_cast<unsigned char>(src_[pos_]))) ++pos_;
  }
  bool eat(std::string_view tok) {
    skip_ws();
    if (src_.substr(pos_, tok.size()) == tok) {
      pos_ += tok.size();
      return true;
    }
    return false;
  }
  int add(Expr::Node n) {
    out_.nodes_.push_back(std::move(n));
    return static_cast<int>(out_.nodes_.size()) - 1;
  }
  ValueType type_of(int n) const { return out_.nodes_[n].type; }
  bool numeric(int n) const { return type_of(n) == ValueType::Int || type_of(n) == ValueType::Float; }

  int binary(Op op, ValueType type, int l, int r) {
    Expr::Node n{op, type, {}, -1, l, r};
    return add(n);
  }

  int parse_or() {
    int l = parse_and();
    while (error_.empty() && eat("||")) {
      int r = parse_and();
      if (!error_.empty()) break;
      if (type_of(l) != ValueType::Bool || type_of(r) != ValueType::Bool) fail("'||' needs bool operands");
      l = binary(Op::Or, ValueType::Bool, l, r);
    }
    return l;
  }
  int parse_and() {
    int l = parse_not();
    while (error_.empty() && eat("&&")) {
      int r = parse_not();
      if (!error_.empty()) break;
      if (type_of(l) != ValueType::Bool || type_of(r) != ValueType::Bool) fail("'&&' needs bool operands");
      l = binary(Op::And, ValueType::Bool, l, r);
    }
    return l;
  }
  int parse_not() {
    skip_ws();
    if (pos_ < src_.size() && src_[pos_] == '!' && src_.substr(pos_, 2) != "!=") {
      ++pos_;
      int x = parse_not();
      if (!error_.empty()) return -1;
      if (type_of(x) != ValueType::Bool) fail("'!' needs a bool operand");
      return binary(Op::Not, ValueType::Bool, x, -1);
    }
    return parse_compare();
  }
  int parse_compare() {
    int l = parse_sum();
    if (!error_.empty()) return -1;
    static const std::pair<std::string_view, Op> ops[] = {{"<=", Op::Le}, {">=", Op::Ge}, {"==", Op::Eq},
                                                          {"!=", Op::Ne}, {"<", Op::Lt},  {">", Op::Gt}};
    for (const auto& [tok, op] : ops) {
      if (!eat(tok)) continue;
      int r = parse_sum();
      if (!error_.empty()) return -1;
      const bool both_num = numeric(l) && numeric(r);
      const bool same = type_of(l) == type_of(r);
      if (op == Op::Eq || op == Op::Ne) {
        if (!both_num && !same) fail("cannot compare " + std::string(value_type_name(type_of(l))) + " with " +
                                     std::string(value_type_name(type_of(r))));
      } else if (!both_num) {
        fail("'" + std::string(tok) + "' needs numbers");
      }
      return binary(op, ValueType::Bool, l, r);
    }
    return l;
  }
  ValueType arith_type(int l, int r) const {
    return type_of(l) == ValueType::Int && type_of(r) == ValueType::Int ? ValueType::Int : ValueType::Float;
  }
  int parse_sum() {
    int l = parse_product();
    while (error_.empty()) {
      Op op;
      if (eat("+")) op = Op::Add;
      else if (eat("-")) op = Op::Sub;
      else break;
      int r = parse_product();
      if (!error_.empty()) break;
      if (!numeric(l) || !numeric(r)) fail("arithmetic needs numbers");
      l = binary(op, arith_type(l, r), l, r);
    }
    return l;
  }
  int parse_product() {
    int l = parse_unary();
    while (error_.empty()) {
      Op op;
      if (eat("*")) op = Op::Mul;
      else if (eat("/")) op = Op::Div;
      else break;
      int r = parse_unary();
      if (!error_.empty()) break;
      if (!numeric(l) || !numeric(r)) fail("arithmetic needs numbers");
      l = binary(op, op == Op::Div ? ValueType::Float : arith_type(l, r), l, r);
    }
    return l;
  }
  int parse_unary() {
    if (eat("-")) {
      int x = parse_unary();
      if (!error_.empty()) return -1;
      if (!numeric(x)) fail("'-' needs a number");
      return binary(Op::Neg, type_of(x), x, -1);
    }
    return parse_atom();
  }
  int parse_atom() {
    skip_ws();
    if (pos_ >= src_.size()) {
      fail("unexpected end");
      return -1;
    }
    const char c = src_[pos_];
    if (c == '(') {
      ++pos_;
      int x = parse_or();
      if (error_.empty() && !eat(")")) fail("expected ')'");
      return x;
    }
    if (c == '\'') {
      const auto end = src_.find('\'', pos_ + 1);
      if (end == std::string_view::npos) {
        fail("unterminated string");
        return -1;
      }
      Expr::Node n{Op::Const, ValueType::String, Value::string(std::string(src_.substr(pos_ + 1, end - pos_ - 1))), -1, -1, -1};
      pos_ = end + 1;
      return add(n);
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::size_t end = pos_;
      bool real = false;
      while (end < src_.size() && (std::isdigit(static_cast<unsigned char>(src_[end])) || src_[end] == '.')) {
        real |= src_[end] == '.';
        ++end;
      }
      const std::string num(src_.substr(pos_, end - pos_));
      pos_ = end;
      Expr::Node n{Op::Const, real ? ValueType::Float : ValueType::Int,
                   real ? Value::real(std::strtod(num.c_str(), nullptr)) : Value::integer(std::strtoll(num.c_str(), nullptr, 10)),
                   -1, -1, -1};
      return add(n);
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t end = pos_;
      while (end < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[end])) || src_[end] == '_')) ++end;
      const std::string name(src_.substr(pos_, end - pos_));
      pos_ = end;
      if (name == "true" || name == "false") {
        return add(Expr::Node{Op::Const, ValueType::Bool, Value::boolean(name == "true"), -1, -1, -1});
      }
      if (auto call = parse_call(name); call != k_not_a_call) return call;
      auto sym = lookup_(name);
      if (!sym) {
        fail("unknown metric '" + name + "' (metrics must be defined before they are used)");
        return -1;
      }
      return add(Expr::Node{Op::Var, sym->type, {}, sym->index, -1, -1});
    }
    fail("unexpected '" + std::string(1, c) + "'");
    return -1;
  }

  static constexpr int k_not_a_call = -2;

  struct Function {
    std::string_view name;
    Op op;
    int arity;
    ValueType arg;     // every argument's type (Float means any number)
    ValueType result;  // Float for min/max means "the arguments' type"
  };

  // A call of a built-in function, or k_not_a_call when `name` is none (or
  // no '(' follows), or -1 on an error.
  int parse_call(const std::string& name) {
    static const Function functions[] = {
        {"min", Op::Min, 2, ValueType::Float, ValueType::Float},
        {"max", Op::Max, 2, ValueType::Float, ValueType::Float},
        {"int", Op::ToInt, 1, ValueType::Float, ValueType::Int},
        {"len", Op::Len, 1, ValueType::String, ValueType::Int},
        {"nfkc", Op::Nfkc, 1, ValueType::String, ValueType::String},
        {"strip", Op::Strip, 1, ValueType::String, ValueType::String},
        {"is_lower", Op::IsLower, 1, ValueType::String, ValueType::Bool},
        {"starts_with", Op::StartsWith, 2, ValueType::String, ValueType::Bool},
        {"ends_with", Op::EndsWith, 2, ValueType::String, ValueType::Bool},
        {"contains", Op::Contains, 2, ValueType::String, ValueType::Bool},
        {"matches", Op::Matches, 2, ValueType::String, ValueType::Bool},
    };
    const Function* fn = nullptr;
    for (const auto& f : functions) {
      if (f.name == name) fn = &f;
    }
    if (!fn) return k_not_a_call;
    const std::size_t save = pos_;
    if (!eat("(")) {
      pos_ = save;
      return k_not_a_call;
    }
    int args[2] = {-1, -1};
    for (int k = 0; k < fn->arity; ++k) {
      if (k > 0 && !eat(",")) {
        fail("expected ',' in " + name + "()");
        return -1;
      }
      args[k] = parse_or();
      if (!error_.empty()) return -1;
      const bool ok = fn->arg == ValueType::Float ? numeric(args[k]) : type_of(args[k]) == fn->arg;
      if (!ok) {
        fail(name + "() needs " + (fn->arg == ValueType::Float ? std::string("numbers") : std::string(value_type_name(fn->arg))) +
             " arguments");
        return -1;
      }
    }
    if (!eat(")")) {
      fail("expected ')' after the arguments of " + name + "()");
      return -1;
    }
    const ValueType result =
        fn->result == ValueType::Float ? arith_type(args[0], args[1] >= 0 ? args[1] : args[0]) : fn->result;
    Expr::Node n{fn->op, result, {}, -1, args[0], args[1]};
    if (fn->op == Op::Matches) {
      const auto& lit = out_.nodes_[static_cast<std::size_t>(args[1])];
      if (lit.op != Op::Const) {
        fail("the pattern of matches() must be a literal string");
        return -1;
      }
      RE2::Options opts;
      opts.set_encoding(RE2::Options::EncodingUTF8);
      opts.set_log_errors(false);
      auto re = std::make_shared<const RE2>(lit.constant.s, opts);
      if (!re->ok()) {
        fail("bad regex in matches(): " + re->error());
        return -1;
      }
      n.var = static_cast<int>(out_.regexes_.size());
      out_.regexes_.push_back(std::move(re));
    }
    return add(n);
  }

  std::string_view src_;
  const SymbolLookup& lookup_;
  Expr& out_;
  std::size_t pos_ = 0;
  std::string error_;
};

std::optional<Expr> Expr::parse(std::string_view source, const SymbolLookup& lookup, std::string& error) {
  Expr e;
  e.source_ = std::string(source);
  ExprParser p(source, lookup, e);
  if (!p.run(error)) return std::nullopt;
  return e;
}

std::vector<int> Expr::symbols() const {
  std::vector<int> out;
  for (const auto& n : nodes_) {
    if (n.op == Op::Var) out.push_back(n.var);
  }
  return out;
}

Value Expr::eval(const std::vector<Value>& values) const { return eval_node(root_, values); }

Value Expr::eval_node(int idx, const std::vector<Value>& values) const {
  const Node& n = nodes_[idx];
  switch (n.op) {
    case Op::Const: return n.constant;
    case Op::Var: return values[n.var];
    case Op::Not: return Value::boolean(!eval_node(n.lhs, values).b);
    case Op::Neg: {
      Value v = eval_node(n.lhs, values);
      return v.type == ValueType::Int ? Value::integer(-v.i) : Value::real(-v.f);
    }
    case Op::And: return Value::boolean(eval_node(n.lhs, values).b && eval_node(n.rhs, values).b);
    case Op::Or: return Value::boolean(eval_node(n.lhs, values).b || eval_node(n.rhs, values).b);
    case Op::ToInt: {
      const Value v = eval_node(n.lhs, values);
      return Value::integer(v.type == ValueType::Int ? v.i : static_cast<std::int64_t>(v.f));
    }
    case Op::Len: return Value::integer(static_cast<std::int64_t>(util::count_code_points(eval_node(n.lhs, values).s)));
    case Op::Nfkc: return Value::string(util::nfkc(eval_node(n.lhs, values).s));
    case Op::Strip: return Value::string(std::string(util::py_strip(eval_node(n.lhs, values).s)));
    case Op::IsLower: return Value::boolean(util::is_lower_stable(eval_node(n.lhs, values).s));
    case Op::Matches: {
      const std::string subject = eval_node(n.lhs, values).s;
      return Value::boolean(RE2::PartialMatch(subject, *regexes_[static_cast<std::size_t>(n.var)]));
    }
    case Op::StartsWith:
    case Op::EndsWith:
    case Op::Contains: {
      const std::string a = eval_node(n.lhs, values).s, b = eval_node(n.rhs, values).s;
      if (n.op == Op::StartsWith) return Value::boolean(a.rfind(b, 0) == 0);
      if (n.op == Op::EndsWith) return Value::boolean(a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0);
      return Value::boolean(a.find(b) != std::string::npos);
    }
    default: break;
  }
  const Value l = eval_node(n.lhs, values);
  const Value r = eval_node(n.rhs, values);
  const bool ints = l.type == ValueType::Int && r.type == ValueType::Int;
  // Python compares an int with a float exactly; long double holds every int64.
  const long double lx = l.type == ValueType::Int ? static_cast<long double>(l.i) : l.f;
  const long double rx = r.type == ValueType::Int ? static_cast<long double>(r.i) : r.f;
  switch (n.op) {
    case Op::Add: return ints ? Value::integer(l.i + r.i) : Value::real(l.as_double() + r.as_double());
    case Op::Sub: return ints ? Value::integer(l.i - r.i) : Value::real(l.as_double() - r.as_double());
    case Op::Mul: return ints ? Value::integer(l.i * r.i) : Value::real(l.as_double() * r.as_double());
    case Op::Div: return Value::real(l.as_double() / r.as_double());
    case Op::Min: return ints ? Value::integer(std::min(l.i, r.i)) : Value::real(std::min(l.as_double(), r.as_double()));
    case Op::Max: return ints ? Value::integer(std::max(l.i, r.i)) : Value::real(std::max(l.as_double(), r.as_double()));
    case Op::Lt: return Value::boolean(ints ? l.i < r.i : lx < rx);
    case Op::Le: return Value::boolean(ints ? l.i <= r.i : lx <= rx);
    case Op::Gt: return Value::boolean(ints ? l.i > r.i : lx > rx);
    case Op::Ge: return Value::boolean(ints ? l.i >= r.i : lx >= rx);
    case Op::Eq:
    case Op::Ne: {
      bool eq;
      if (l.type == ValueType::String) eq = l.s == r.s;
      else if (l.type == ValueType::Bool) eq = l.b == r.b;
      else eq = ints ? l.i == r.i : lx == rx;
      return Value::boolean(n.op == Op::Eq ? eq : !eq);
    }
    default: return {};
  }
}

}  // namespace skillscore::rules
