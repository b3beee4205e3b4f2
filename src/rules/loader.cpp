#include "skillscore/rules/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <stdexcept>

#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/prefilter.hpp"
#include "skillscore/rules/rule_node.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/file_io.hpp"
#include "skillscore/util/pystr.hpp"

namespace skillscore::rules {
namespace {

struct RuleFileError {
  std::string message;
};

class ProfileReader {
 public:
  explicit ProfileReader(std::string_view source) : source_(source) {}

  Profile read(const RuleNode& root) {
    expect_map(root, "the rule file");
    allow_keys(root, {"schema", "profile", "title", "description", "include", "document", "metrics", "checks", "score",
                      "report"});
    if (scalar(require(root, "schema"), "schema") != "1") fail(root["schema"], "unsupported schema (expected 1)");
    p_.name = scalar(require(root, "profile"), "profile");
    p_.title = optional_scalar(root, "title");
    p_.description = optional_scalar(root, "description");
    p_.source = std::string(source_);
    read_document(require(root, "document"));
    if (root["include"].IsDefined()) read_includes(root["include"]);
    const RuleNode& metrics = require(root, "metrics");
    expect_seq(metrics, "metrics");
    for (const auto& m : metrics.items()) read_metric(m);
    const RuleNode& checks = require(root, "checks");
    expect_seq(checks, "checks");
    for (const auto& c : checks.items()) read_check(c);
    read_score(require(root, "score"));
    read_report(require(root, "report"));
    p_.needs_location.assign(p_.metrics.size(), false);
    for (const auto& c : p_.checks) {
      for (const auto& o : c.outcomes) {
        if (o.locate.kind == LocateKind::FirstMatch) p_.needs_location[static_cast<std::size_t>(o.locate.metric)] = true;
      }
    }
    return std::move(p_);
  }

 private:
  // `include: [PROFILE...]`: the metrics and checks of built-in profiles, read
  // first, under this file's document settings (which must read the YAML and
  // write regexes as the included profile does). Their ids stay theirs: an
  // included check is the same rule, reported under the same id.
  void read_includes(const RuleNode& list) {
    expect_seq(list, "include");
    for (const auto& item : list.items()) {
      const std::string name = scalar(item, "include");
      const EmbeddedRuleFile* file = nullptr;
      for (const auto& f : embedded_rule_files()) {
        if (f.profile == name) file = &f;
      }
      if (!file) fail(item, "include: unknown built-in profile '" + name + "'");
      if (name == p_.name || ++include_depth_ > 4) fail(item, "include: profiles may not include themselves");
      const RuleNode root = RuleNode::parse(file->compiled);
      const std::string outer = source_, outer_origin = origin_;
      source_ = "rules/" + std::string(file->filename);
      origin_ = name;
      const DocumentSpec mine = std::move(p_.document);
      p_.document = DocumentSpec{};
      read_document(require(root, "document"));
      const bool compatible = p_.document.yaml == mine.yaml && p_.document.dialect == mine.dialect;
      p_.document = std::move(mine);
      if (!compatible) {
        source_ = outer;
        fail(item, "include: '" + name + "' reads YAML or writes regexes differently (document: yaml, regex)");
      }
      if (root["include"].IsDefined()) read_includes(root["include"]);
      for (const auto& m : require(root, "metrics").items()) read_metric(m);
      for (const auto& c : require(root, "checks").items()) read_check(c);
      source_ = outer;
      origin_ = outer_origin;
      --include_depth_;
    }
  }

  [[noreturn]] void fail(const RuleNode& node, const std::string& msg) const {
    std::string where = std::string(source_);
    if (node.line() >= 0) where += ":" + std::to_string(node.line() + 1);
    throw RuleFileError{where + ": " + msg};
  }

  void expect_map(const RuleNode& n, const std::string& what) const {
    if (!n.IsMap()) fail(n, what + " must be a mapping");
  }
  void expect_seq(const RuleNode& n, const std::string& what) const {
    if (!n.IsSequence()) fail(n, what + " must be a list");
  }
  void allow_keys(const RuleNode& n, std::initializer_list<std::string_view> keys) const {
    for (std::size_t i = 0; i < n.size(); ++i) {
      const std::string& k = n.key(i).Scalar();
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        std::string list;
        for (auto key : keys) list += (list.empty() ? "" : ", ") + std::string(key);
        fail(n.key(i), "unknown key '" + k + "' (allowed: " + list + ")");
      }
    }
  }
  const RuleNode& require(const RuleNode& n, const char* key) const {
    const RuleNode& v = n[key];
    if (!v.IsDefined() || v.IsNull()) fail(n, std::string("missing required key '") + key + "'");
    return v;
  }
  std::string scalar(const RuleNode& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n, what + " must be a scalar");
    return n.Scalar();
  }
  std::string optional_scalar(const RuleNode& n, const char* key) const {
    const RuleNode& v = n[key];
    return v.IsDefined() && !v.IsNull() ? scalar(v, key) : std::string();
  }
  double number(const RuleNode& n, const std::string& what) const {
    const std::string s = scalar(n, what);
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0') fail(n, what + " must be a number, not '" + s + "'");
    return d;
  }
  long integer(const RuleNode& n, const std::string& what) const {
    const std::string s = scalar(n, what);
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0') fail(n, what + " must be a whole number, not '" + s + "'");
    return v;
  }
  bool boolean(const RuleNode& n, const std::string& what) const {
    const std::string s = scalar(n, what);
    if (s == "true") return true;
    if (s == "false") return false;
    fail(n, what + " must be true or false");
  }
  template <typename E>
  E enum_value(const RuleNode& n, std::span<const KindInfo<E>> table, const std::string& what) const {
    const std::string s = scalar(n, what);
    if (auto v = kind_from_name(table, s)) return *v;
    std::string list;
    for (const auto& k : table) list += (list.empty() ? "" : ", ") + std::string(k.name);
    fail(n, "unknown " + what + " '" + s + "' (one of: " + list + ")");
  }

  RegexFlags flags(const RuleNode& parent) const {
    RegexFlags f;
    const RuleNode& n = parent["flags"];
    if (!n.IsDefined()) return f;
    expect_seq(n, "flags");
    for (const auto& x : n.items()) {
      const std::string s = scalar(x, "flag");
      if (s == "ignorecase") f.ignore_case = true;
      else if (s == "multiline") f.multiline = true;
      else if (s == "dotall") f.dot_all = true;
      else fail(x, "unknown flag '" + s + "' (one of: ignorecase, multiline, dotall)");
    }
    return f;
  }
  Regex regex(const RuleNode& n, RegexFlags f) const {
    std::string error;
    auto r = Regex::compile(scalar(n, "pattern"), f, p_.document.dialect, error);
    if (!r) fail(n, "bad regex '" + n.Scalar() + "': " + error);
    return std::move(*r);
  }

  Expr expr(const RuleNode& n) const {
    std::string error;
    auto lookup = [this](std::string_view name) -> std::optional<Symbol> {
      const int i = p_.metric_index(name);
      if (i < 0) return std::nullopt;
      return Symbol{i, p_.metrics[static_cast<std::size_t>(i)].type};
    };
    auto e = Expr::parse(scalar(n, "expression"), lookup, error);
    if (!e) fail(n, error);
    return std::move(*e);
  }
  Expr condition(const RuleNode& n) const {
    Expr e = expr(n);
    if (e.type() != ValueType::Bool) fail(n, "a condition must be a bool expression, '" + e.source() + "' is " +
                                                 std::string(value_type_name(e.type())));
    return e;
  }

  void read_document(const RuleNode& n) {
    expect_map(n, "document");
    allow_keys(n, {"frontmatter", "yaml", "regex", "code_blocks", "suppressions"});
    auto& d = p_.document;
    if (n["suppressions"].IsDefined()) {
      const std::string v = scalar(n["suppressions"], "suppressions");
      if (v != "honored" && v != "ignored") fail(n["suppressions"], "suppressions must be 'honored' or 'ignored'");
      d.honor_suppressions = v == "honored";
    }
    const std::string fm = scalar(require(n, "frontmatter"), "frontmatter");
    if (fm == "reference-split") d.frontmatter = doc::FrontmatterMode::ReferenceSplit;
    else if (fm == "delimited-lines") d.frontmatter = doc::FrontmatterMode::DelimitedLines;
    else fail(n["frontmatter"], "unknown frontmatter mode '" + fm + "' (one of: reference-split, delimited-lines)");
    if (n["yaml"].IsDefined()) {
      const std::string y = scalar(n["yaml"], "yaml");
      if (y == "pyyaml") d.yaml = doc::YamlDialect::PyYaml;
      else if (y == "strictyaml") d.yaml = doc::YamlDialect::StrictYaml;
      else fail(n["yaml"], "unknown yaml dialect '" + y + "' (one of: pyyaml, strictyaml)");
    }
    const std::string dialect = scalar(require(n, "regex"), "regex");
    if (dialect == "python") d.dialect = RegexDialect::Python;
    else if (dialect == "re2") d.dialect = RegexDialect::Re2;
    else fail(n["regex"], "unknown regex dialect '" + dialect + "' (one of: python, re2)");
    const RuleNode& cb = require(n, "code_blocks");
    expect_map(cb, "code_blocks");
    allow_keys(cb, {"source", "pattern", "flags", "language_group", "code_group"});
    d.code_blocks = enum_value(require(cb, "source"), code_block_sources(), "code block source");
    if (d.code_blocks == CodeBlockSource::Regex) {
      d.code_block_pattern = regex(require(cb, "pattern"), flags(cb));
      d.language_group = static_cast<int>(integer(require(cb, "language_group"), "language_group"));
      d.code_group = static_cast<int>(integer(require(cb, "code_group"), "code_group"));
      const int groups = d.code_block_pattern->group_count();
      if (d.language_group < 1 || d.language_group > groups || d.code_group < 1 || d.code_group > groups) {
        fail(cb, "language_group and code_group must name groups of the pattern (it has " + std::to_string(groups) + ")");
      }
    }
  }

  // `levels: [2, 3]` keeps those heading levels of the `headings` scope.
  // "a.b" walks into mappings.
  static std::vector<std::string> field_path(const std::string& path) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
      const auto dot = path.find('.', start);
      out.push_back(path.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return out;
  }
  // "U+202E" (or "0x202E").
  char32_t code_point(const RuleNode& n) const {
    const std::string t = scalar(n, "code point");
    std::size_t skip = t.rfind("U+", 0) == 0 || t.rfind("0x", 0) == 0 ? 2 : std::string::npos;
    if (skip == std::string::npos || t.size() <= skip || t.size() > skip + 6 ||
        t.find_first_not_of("0123456789abcdefABCDEF", skip) != std::string::npos) {
      fail(n, "a code point is written U+XXXX (hexadecimal), got '" + t + "'");
    }
    const auto v = std::stoul(t.substr(skip), nullptr, 16);
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) fail(n, "not a Unicode scalar value: " + t);
    return static_cast<char32_t>(v);
  }

  HeadingLevels heading_levels(const RuleNode& n, Scope scope) const {
    const RuleNode& levels = n["levels"];
    if (!levels.IsDefined()) return 0;
    if (scope != Scope::Headings) fail(levels, "levels are only for the headings scope");
    expect_seq(levels, "levels");
    HeadingLevels mask = 0;
    for (const auto& l : levels.items()) {
      const auto level = integer(l, "a heading level");
      if (level < 1 || level > 6) fail(l, "a heading level is 1 to 6");
      mask = static_cast<HeadingLevels>(mask | (1u << level));
    }
    if (mask == 0) fail(levels, "levels must not be empty");
    return mask;
  }

  void read_metric(const RuleNode& n) {
    expect_map(n, "a metric");
    MetricDef m;
    m.name = scalar(require(n, "name"), "name");
    m.source_line = static_cast<std::size_t>(n.line() + 1);
    if (p_.metric_index(m.name) >= 0) fail(n["name"], "metric '" + m.name + "' is defined twice");
    m.kind = enum_value(require(n, "kind"), metric_kinds(), "metric kind");
    m.description = optional_scalar(n, "description");
    switch (m.kind) {
      case MetricKind::Search: {
        allow_keys(n, {"name", "kind", "description", "scope", "levels", "flags", "patterns", "match"});
        SearchSpec s;
        s.scope = enum_value(require(n, "scope"), scopes(), "scope");
        s.levels = heading_levels(n, s.scope);
        const RegexFlags f = flags(n);
        const RuleNode& pats = require(n, "patterns");
        expect_seq(pats, "patterns");
        for (const auto& x : pats.items()) s.patterns.push_back(regex(x, f));
        if (s.patterns.empty()) fail(pats, "patterns must not be empty");
        // A pattern with a leading literal rejects a block without it by
        // itself (Regex::search), cheaper than the filter's pass over the
        // lowered body; the filter pays only for patterns without one.
        const bool all_led = std::all_of(s.patterns.begin(), s.patterns.end(),
                                         [](const Regex& re) { return re.has_leading_literal(); });
        if (s.scope == Scope::CodeBlocks && p_.document.code_blocks == CodeBlockSource::Regex && !all_led) {
          s.prefilter = LiteralPrefilter::build(s.patterns);
        }
        const std::string match = n["match"].IsDefined() ? scalar(n["match"], "match") : "any";
        if (match != "any" && match != "all") fail(n["match"], "match must be 'any' or 'all'");
        s.all = match == "all";
        m.type = ValueType::Bool;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Count: {
        allow_keys(n, {"name", "kind", "description", "scope", "levels", "flags", "pattern"});
        CountSpec s;
        s.scope = enum_value(require(n, "scope"), scopes(), "scope");
        s.levels = heading_levels(n, s.scope);
        s.pattern = regex(require(n, "pattern"), flags(n));
        if (s.pattern->matches_empty()) {
          fail(n["pattern"], "a count pattern must not match the empty string (Python's findall counts empty "
                             "matches in a way RE2 cannot reproduce in linear time)");
        }
        m.type = ValueType::Int;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Length: {
        allow_keys(n, {"name", "kind", "description", "scope", "levels"});
        LengthSpec s;
        s.scope = enum_value(require(n, "scope"), scopes(), "scope");
        s.levels = heading_levels(n, s.scope);
        m.type = ValueType::Int;
        m.spec = s;
        break;
      }
      case MetricKind::Field: {
        allow_keys(n, {"name", "kind", "description", "path", "test", "values", "ignore_case"});
        FieldSpec s;
        const std::string path = scalar(require(n, "path"), "path");
        // "." is the frontmatter mapping itself; "a.b" walks into mappings.
        for (std::size_t start = 0; path != ".";) {
          const auto dot = path.find('.', start);
          s.path.push_back(path.substr(start, dot - start));
          if (dot == std::string::npos) break;
          start = dot + 1;
        }
        s.test = enum_value(require(n, "test"), field_tests(), "field test");
        s.ignore_case = n["ignore_case"].IsDefined() && boolean(n["ignore_case"], "ignore_case");
        const bool needs_values =
            s.test == FieldTest::StartsWith || s.test == FieldTest::ContainsAny || s.test == FieldTest::UnexpectedKeys;
        if (needs_values) {
          const RuleNode& vals = require(n, "values");
          expect_seq(vals, "values");
          for (const auto& v : vals.items()) {
            std::string text = scalar(v, "value");
            if (s.ignore_case && s.test != FieldTest::UnexpectedKeys && !util::is_ascii(text)) {
              fail(v, "with ignore_case, values must be ASCII (Python's lower() is matched exactly for ASCII)");
            }
            s.values.push_back(s.ignore_case ? util::py_lower_for_ascii_match(text) : text);
          }
        } else if (n["values"].IsDefined()) {
          fail(n["values"], "values are only for starts_with and contains_any");
        }
        m.type = s.test == FieldTest::WordCount                                             ? ValueType::Int
                 : s.test == FieldTest::Text || s.test == FieldTest::UnexpectedKeys ? ValueType::String
                                                                                    : ValueType::Bool;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Blocks: {
        allow_keys(n, {"name", "kind", "description", "require_language", "missing_language", "min_lines"});
        BlocksSpec s;
        s.require_language = n["require_language"].IsDefined() && boolean(n["require_language"], "require_language");
        s.missing_language = n["missing_language"].IsDefined() && boolean(n["missing_language"], "missing_language");
        if (s.require_language && s.missing_language) fail(n, "require_language and missing_language exclude each other");
        s.min_lines = n["min_lines"].IsDefined() ? static_cast<int>(integer(n["min_lines"], "min_lines")) : 0;
        m.type = ValueType::Int;
        m.spec = s;
        break;
      }
      case MetricKind::Points: {
        allow_keys(n, {"name", "kind", "description", "if", "terms", "cap"});
        PointsSpec s;
        if (n["if"].IsDefined()) s.gate = condition(n["if"]);
        const RuleNode& terms = require(n, "terms");
        expect_seq(terms, "terms");
        for (const auto& t : terms.items()) {
          expect_map(t, "a term");
          allow_keys(t, {"when", "add"});
          PointsTerm term;
          if (t["when"].IsDefined()) term.when = condition(t["when"]);
          term.add = number(require(t, "add"), "add");
          s.terms.push_back(std::move(term));
        }
        if (n["cap"].IsDefined()) s.cap = number(n["cap"], "cap");
        m.type = ValueType::Float;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Select: {
        allow_keys(n, {"name", "kind", "description", "cases", "otherwise"});
        SelectSpec s;
        const RuleNode& cases = require(n, "cases");
        expect_seq(cases, "cases");
        for (const auto& c : cases.items()) {
          expect_map(c, "a case");
          allow_keys(c, {"when", "value"});
          s.cases.push_back({condition(require(c, "when")), scalar(require(c, "value"), "value")});
        }
        s.otherwise = scalar(require(n, "otherwise"), "otherwise");
        m.type = ValueType::String;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Document: {
        allow_keys(n, {"name", "kind", "description", "property"});
        DocumentPropertySpec s;
        s.property = enum_value(require(n, "property"), document_properties(), "document property");
        m.type = s.property == DocumentProperty::BodyLines ? ValueType::Int : ValueType::String;
        m.spec = s;
        break;
      }
      case MetricKind::References: {
        allow_keys(n, {"name", "kind", "description", "test", "mention", "flags"});
        ReferencesSpec s;
        s.test = enum_value(require(n, "test"), reference_tests(), "reference test");
        if (n["mention"].IsDefined()) s.mention = regex(n["mention"], flags(n));
        m.type = s.test == ReferenceTest::MissingCount || s.test == ReferenceTest::UnreferencedCount ? ValueType::Int
                                                                                                     : ValueType::String;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Find: {
        allow_keys(n, {"name", "kind", "description", "scope", "levels", "flags", "patterns", "except", "group", "show",
                       "max_chars"});
        FindSpec s;
        s.scope = enum_value(require(n, "scope"), scopes(), "scope");
        s.levels = heading_levels(n, s.scope);
        const RegexFlags f = flags(n);
        const RuleNode& pats = require(n, "patterns");
        expect_seq(pats, "patterns");
        for (const auto& x : pats.items()) s.patterns.push_back(regex(x, f));
        if (s.patterns.empty()) fail(pats, "patterns must not be empty");
        if (n["except"].IsDefined()) {
          expect_seq(n["except"], "except");
          for (const auto& x : n["except"].items()) s.except.push_back(regex(x, f));
        }
        if (n["group"].IsDefined()) {
          s.group = static_cast<int>(integer(n["group"], "group"));
          for (const auto& re : s.patterns) {
            if (s.group < 0 || s.group > re.group_count()) fail(n["group"], "group: a pattern has no such capture group");
          }
        }
        if (n["show"].IsDefined()) s.show = enum_value(n["show"], find_shows(), "show");
        if (n["max_chars"].IsDefined()) s.max_chars = static_cast<int>(integer(n["max_chars"], "max_chars"));
        if (s.max_chars < 8) fail(n["max_chars"], "max_chars must be at least 8");
        m.type = ValueType::String;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Characters: {
        allow_keys(n, {"name", "kind", "description", "scope", "path", "characters"});
        CharactersSpec s;
        if (n["scope"].IsDefined() == n["path"].IsDefined()) fail(n, "a characters metric has exactly one of scope or path");
        if (n["scope"].IsDefined()) s.scope = enum_value(n["scope"], scopes(), "scope");
        else s.path = field_path(scalar(n["path"], "path"));
        const RuleNode& list = require(n, "characters");
        expect_seq(list, "characters");
        for (const auto& c : list.items()) {
          expect_map(c, "a character");
          allow_keys(c, {"code", "from", "to", "name", "allowed", "decode_tags"});
          CharacterRange r;
          if (c["code"].IsDefined()) {
            if (c["from"].IsDefined() || c["to"].IsDefined()) fail(c, "a character has code, or from and to");
            r.first = r.last = code_point(c["code"]);
          } else {
            r.first = code_point(require(c, "from"));
            r.last = code_point(require(c, "to"));
            if (r.last < r.first) fail(c["to"], "to is below from");
          }
          r.name = scalar(require(c, "name"), "name");
          if (c["allowed"].IsDefined()) r.allowed = enum_value(c["allowed"], char_contexts(), "allowed");
          r.decode_tags = c["decode_tags"].IsDefined() && boolean(c["decode_tags"], "decode_tags");
          s.characters.push_back(std::move(r));
        }
        if (s.characters.empty()) fail(list, "characters must not be empty");
        m.type = ValueType::String;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Tokens: {
        allow_keys(n, {"name", "kind", "description", "encoding", "scope", "path", "value"});
        TokensSpec s;
        const std::string enc = scalar(require(n, "encoding"), "encoding");
        const auto e = util::encoding_from_name(enc);
        if (!e) fail(n["encoding"], "unknown encoding '" + enc + "' (o200k_base or cl100k_base)");
        s.encoding = *e;
        if (n["scope"].IsDefined() == n["path"].IsDefined()) fail(n, "a tokens metric has exactly one of scope or path");
        if (n["scope"].IsDefined()) s.scope = enum_value(n["scope"], scopes(), "scope");
        else s.path = field_path(scalar(n["path"], "path"));
        const std::string v = n["value"].IsDefined() ? scalar(n["value"], "value") : "sum";
        if (v == "sum") s.value = TokensValue::Sum;
        else if (v == "max") s.value = TokensValue::Max;
        else if (v == "largest_file") s.value = TokensValue::LargestFile;
        else fail(n["value"], "value must be sum, max or largest_file");
        m.type = s.value == TokensValue::LargestFile ? ValueType::String : ValueType::Int;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Param: {
        allow_keys(n, {"name", "kind", "description", "value"});
        ParamSpec s;
        const RuleNode& v = require(n, "value");
        const std::string text = scalar(v, "value");
        if (text.find_first_of(".eE") == std::string::npos) s.value = Value::integer(integer(v, "value"));
        else s.value = Value::real(number(v, "value"));
        m.type = s.value.type;
        m.spec = std::move(s);
        break;
      }
      case MetricKind::Formula: {
        allow_keys(n, {"name", "kind", "description", "expr"});
        FormulaSpec s;
        s.expr = expr(require(n, "expr"));
        m.type = s.expr->type();
        m.spec = std::move(s);
        break;
      }
    }
    p_.metrics.push_back(std::move(m));
  }

  Template message(const RuleNode& n) const {
    Template t;
    const std::string s = scalar(n, "message");
    std::size_t pos = 0;
    while (pos < s.size()) {
      const auto open = s.find('{', pos);
      if (open == std::string::npos) {
        t.parts.push_back({s.substr(pos), -1});
        break;
      }
      const auto close = s.find('}', open);
      if (close == std::string::npos) fail(n, "unclosed '{' in message");
      if (open > pos) t.parts.push_back({s.substr(pos, open - pos), -1});
      const std::string name = s.substr(open + 1, close - open - 1);
      const int idx = p_.metric_index(name);
      if (idx < 0) fail(n, "message names unknown metric '{" + name + "}'");
      t.parts.push_back({"", idx});
      pos = close + 1;
    }
    return t;
  }

  void read_check(const RuleNode& n) {
    expect_map(n, "a check");
    allow_keys(n, {"id", "slug", "title", "doc", "severity", "scores", "outcomes"});
    Check c;
    c.id = scalar(require(n, "id"), "id");
    c.slug = scalar(require(n, "slug"), "slug");
    c.title = scalar(require(n, "title"), "title");
    c.doc = optional_scalar(n, "doc");
    c.origin = origin_.empty() ? p_.name : origin_;
    c.source_line = static_cast<std::size_t>(n.line() + 1);
    c.severity = n["severity"].IsDefined() ? enum_value(n["severity"], severities(), "severity") : Severity::Warning;
    if (n["scores"].IsDefined()) c.scores = metric_ref(n["scores"], "scores");
    for (const auto& other : p_.checks) {
      if (other.id == c.id) fail(n["id"], "check id '" + c.id + "' is used twice");
      if (other.slug == c.slug) fail(n["slug"], "check slug '" + c.slug + "' is used twice");
    }
    const RuleNode& outcomes = require(n, "outcomes");
    expect_seq(outcomes, "outcomes");
    for (const auto& o : outcomes.items()) {
      expect_map(o, "an outcome");
      allow_keys(o, {"when", "strength", "issue", "recommendation", "severity", "locate"});
      Outcome out;
      if (o["when"].IsDefined()) out.when = condition(o["when"]);
      const bool is_strength = o["strength"].IsDefined();
      const bool is_issue = o["issue"].IsDefined();
      if (is_strength == is_issue) fail(o, "an outcome has exactly one of 'strength' or 'issue'");
      out.kind = is_issue ? OutcomeKind::Issue : OutcomeKind::Strength;
      out.message = message(is_issue ? o["issue"] : o["strength"]);
      if (is_issue) {
        out.recommendation = message(require(o, "recommendation"));
      } else if (o["recommendation"].IsDefined()) {
        fail(o["recommendation"], "a strength has no recommendation");
      }
      out.severity = o["severity"].IsDefined() ? enum_value(o["severity"], severities(), "severity") : c.severity;
      if (o["locate"].IsDefined()) out.locate = locate(o["locate"]);
      c.outcomes.push_back(std::move(out));
    }
    if (c.outcomes.empty()) fail(outcomes, "a check needs at least one outcome");
    p_.checks.push_back(std::move(c));
  }

  Locate locate(const RuleNode& n) const {
    expect_map(n, "locate");
    allow_keys(n, {"frontmatter_key", "first_match"});
    Locate l;
    if (n["frontmatter_key"].IsDefined()) {
      l.kind = LocateKind::FrontmatterKey;
      l.key = scalar(n["frontmatter_key"], "frontmatter_key");
    } else if (n["first_match"].IsDefined()) {
      l.kind = LocateKind::FirstMatch;
      const std::string name = scalar(n["first_match"], "first_match");
      l.metric = p_.metric_index(name);
      if (l.metric < 0) fail(n["first_match"], "unknown metric '" + name + "'");
      const MetricKind k = p_.metrics[static_cast<std::size_t>(l.metric)].kind;
      if (k != MetricKind::Search && k != MetricKind::Count && k != MetricKind::Field && k != MetricKind::Document &&
          k != MetricKind::References && k != MetricKind::Blocks && k != MetricKind::Find && k != MetricKind::Characters) {
        fail(n["first_match"], "first_match needs a search, count, blocks, field, document, references, find or characters metric");
      }
    } else {
      fail(n, "locate needs frontmatter_key or first_match");
    }
    return l;
  }

  int metric_ref(const RuleNode& n, const std::string& what) const {
    const std::string name = scalar(n, what);
    const int i = p_.metric_index(name);
    if (i < 0) fail(n, "unknown metric '" + name + "'");
    return i;
  }

  void read_score(const RuleNode& n) {
    expect_map(n, "score");
    allow_keys(n, {"terms", "penalty", "ratings"});
    auto& s = p_.score;
    const RuleNode& terms = require(n, "terms");
    expect_seq(terms, "terms");
    for (const auto& t : terms.items()) {
      expect_map(t, "a score term");
      allow_keys(t, {"metric", "weight", "scale"});
      ScoreTerm term;
      term.metric = metric_ref(require(t, "metric"), "metric");
      if (p_.metrics[static_cast<std::size_t>(term.metric)].type == ValueType::String) {
        fail(t["metric"], "a score term needs a bool or number metric");
      }
      term.weight = number(require(t, "weight"), "weight");
      if (t["scale"].IsDefined()) term.scale = number(t["scale"], "scale");
      s.terms.push_back(term);
    }
    if (n["penalty"].IsDefined()) {
      const RuleNode& pn = n["penalty"];
      expect_map(pn, "penalty");
      allow_keys(pn, {"critical", "required_any", "multipliers"});
      PenaltySpec pen;
      auto bool_list = [&](const RuleNode& list, std::vector<int>& out) {
        expect_seq(list, "a metric list");
        for (const auto& x : list.items()) {
          const int i = metric_ref(x, "metric");
          if (p_.metrics[static_cast<std::size_t>(i)].type != ValueType::Bool) fail(x, "needs a bool metric");
          out.push_back(i);
        }
      };
      bool_list(require(pn, "critical"), pen.critical);
      if (pn["required_any"].IsDefined()) bool_list(pn["required_any"], pen.required_any);
      const RuleNode& mult = require(pn, "multipliers");
      expect_seq(mult, "multipliers");
      for (const auto& x : mult.items()) pen.multipliers.push_back(number(x, "multiplier"));
      if (pen.multipliers.size() != pen.critical.size() + 1) {
        fail(mult, "multipliers needs one value per count of critical elements (" +
                       std::to_string(pen.critical.size() + 1) + ")");
      }
      s.penalty = std::move(pen);
    }
    const RuleNode& ratings = require(n, "ratings");
    expect_seq(ratings, "ratings");
    for (const auto& r : ratings.items()) {
      expect_map(r, "a rating");
      allow_keys(r, {"min", "rating"});
      RatingBand band;
      if (r["min"].IsDefined()) band.min = number(r["min"], "min");
      const std::string id = scalar(require(r, "rating"), "rating");
      auto rating = score::rating_from_id(id);
      if (!rating) fail(r["rating"], "unknown rating '" + id + "' (one of: excellent, good, needs-improvement, poor)");
      band.rating = *rating;
      s.ratings.push_back(band);
    }
    if (s.ratings.empty() || s.ratings.back().min) fail(ratings, "the last rating must have no 'min' (it catches the rest)");
    for (const auto& c : p_.checks) {
      if (c.scores < 0) continue;
      const bool found = std::any_of(s.terms.begin(), s.terms.end(), [&](const ScoreTerm& t) { return t.metric == c.scores; });
      if (!found) fail(n, "check " + c.id + " `scores` " + p_.metrics[static_cast<std::size_t>(c.scores)].name + ", which is no score term");
    }
  }

  std::vector<OutputField> outputs(const RuleNode& n, const char* what) const {
    expect_seq(n, what);
    std::vector<OutputField> out;
    for (const auto& x : n.items()) {
      OutputField f;
      std::string source;
      if (x.IsScalar()) {
        f.key = source = x.Scalar();
      } else {
        expect_map(x, "an output field");
        if (x.size() != 1) fail(x, "an output field maps one key to its source");
        f.key = x.key(0).Scalar();
        source = scalar(x.value(0), "source");
      }
      if (source == "$score") f.source = OutputSource::Score;
      else if (source == "$issues") f.source = OutputSource::Issues;
      else if (source == "$strengths") f.source = OutputSource::Strengths;
      else {
        f.source = OutputSource::Metric;
        f.metric = p_.metric_index(source);
        if (f.metric < 0) fail(x, "unknown metric '" + source + "' (or one of $score, $issues, $strengths)");
      }
      out.push_back(std::move(f));
    }
    return out;
  }

  void read_report(const RuleNode& n) {
    expect_map(n, "report");
    allow_keys(n, {"metrics", "deterministic_metrics"});
    p_.report.metrics = outputs(require(n, "metrics"), "metrics");
    p_.report.deterministic_metrics = outputs(require(n, "deterministic_metrics"), "deterministic_metrics");
  }

  std::string source_;
  std::string origin_;  // while reading an included profile: its name
  int include_depth_ = 0;
  Profile p_;
};

}  // namespace

int Profile::metric_index(std::string_view metric) const {
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    if (metrics[i].name == metric) return static_cast<int>(i);
  }
  return -1;
}

namespace {

std::optional<Profile> load_profile_tree(const RuleNode& root, std::string_view source_name, std::string& error) {
  try {
    return ProfileReader(source_name).read(root);
  } catch (const RuleFileError& e) {
    error = e.message;
  } catch (const std::runtime_error& e) {  // a built-in profile's compiled form is damaged
    error = std::string(source_name) + ": " + e.what();
  }
  return std::nullopt;
}

}  // namespace

std::optional<Profile> load_profile_text(std::string_view content, std::string_view source_name, std::string& error) {
  RuleNode root;
  try {
    root = RuleNode::from_yaml(YAML::Load(std::string(content)));
  } catch (const YAML::Exception& e) {
    error = std::string(source_name) + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg;
    return std::nullopt;
  }
  return load_profile_tree(root, source_name, error);
}

std::optional<Profile> load_profile_file(const std::filesystem::path& path, std::string& error) {
  auto r = util::read_file(path, 16 << 20);
  if (!r.ok) {
    error = path.string() + ": " + r.error;
    return std::nullopt;
  }
  return load_profile_text(r.data, path.string(), error);
}

std::optional<Profile> load_builtin_profile(std::string_view name, std::string& error) {
  for (const auto& f : embedded_rule_files()) {
    if (f.profile != name) continue;
    // The tree yaml-cpp read from the file at build time: no YAML to parse.
    const std::string source = "rules/" + std::string(f.filename);
    try {
      return load_profile_tree(RuleNode::parse(f.compiled), source, error);
    } catch (const std::runtime_error& e) {
      error = source + ": " + e.what();
      return std::nullopt;
    }
  }
  std::string names;
  for (const auto& n : builtin_profile_names()) names += (names.empty() ? "" : ", ") + n;
  error = "unknown profile '" + std::string(name) + "' (built in: " + names + ")";
  return std::nullopt;
}

std::vector<std::string> builtin_profile_names() {
  std::vector<std::string> out;
  for (const auto& f : embedded_rule_files()) out.emplace_back(f.profile);
  return out;
}

}  // namespace skillscore::rules
