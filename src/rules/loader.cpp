#include "skillscore/rules/loader.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <stdexcept>

#include "metric_kinds/metric_kind.hpp"
#include "profile_reader.hpp"
#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/prefilter.hpp"
#include "skillscore/rules/rule_node.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/file_io.hpp"
#include "skillscore/util/pystr.hpp"

namespace skillscore::rules {
namespace {

// "search, count, ...": the kinds `locate: {first_match}` may name.
std::string locatable_kinds() {
  std::string out;
  for (const auto* k : metric_kind_defs()) {
    if (k->locatable) out += (out.empty() ? "" : ", ") + std::string(k->name);
  }
  return out;
}

}  // namespace

Profile ProfileReader::read(const RuleNode& root) {
  expect_map(root, "the rule file");
  allow_keys(root, {"schema", "profile", "title", "description", "include", "document", "metrics", "checks", "score",
                    "report"});
  if (scalar(require(root, "schema"), "schema") != "1") fail(root["schema"], "unsupported schema (expected 1)");
  p_.name = scalar(require(root, "profile"), "profile");
  p_.title = optional_scalar(root, "title");
  p_.description = optional_scalar(root, "description");
  p_.source = std::string(source_);
  read_document(require(root, "document"));
  const RuleNode& metrics = require(root, "metrics");
  expect_seq(metrics, "metrics");
  push_layer(metrics);
  if (root["include"].IsDefined()) read_includes(root["include"]);
  pop_layer();
  const RuleNode& checks = require(root, "checks");
  expect_seq(checks, "checks");
  for (const auto& c : checks.items()) read_check(c);
  read_score_part(root);
  read_report_part(root);
  p_.needs_location.assign(p_.metrics.size(), false);
  for (const auto& c : p_.checks) {
    for (const auto& o : c.outcomes) {
      if (o.locate.kind == LocateKind::FirstMatch) p_.needs_location[static_cast<std::size_t>(o.locate.metric)] = true;
    }
  }
  return std::move(p_);
}

void ProfileReader::read_document(const RuleNode& n) {
  expect_map(n, "document");
  allow_keys(n, {"frontmatter", "yaml", "regex", "code_blocks", "suppressions"});
  auto& d = p_.document;
  d.honor_suppressions =
      choice(n, "suppressions", suppression_modes(), SuppressionMode::Honored, "'") == SuppressionMode::Honored;
  d.frontmatter = enum_value(require(n, "frontmatter"), frontmatter_modes(), "frontmatter mode", "frontmatter");
  if (n["yaml"].IsDefined()) d.yaml = enum_value(n["yaml"], yaml_dialects(), "yaml dialect", "yaml");
  d.dialect = enum_value(require(n, "regex"), regex_dialects(), "regex dialect", "regex");
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

MetricDef ProfileReader::read_metric(const RuleNode& n) {
  expect_map(n, "a metric");
  MetricDef m;
  m.name = scalar(require(n, "name"), "name");
  m.source_line = static_cast<std::size_t>(n.line() + 1);
  m.kind = enum_value(require(n, "kind"), metric_kinds(), "metric kind");
  m.description = optional_scalar(n, "description");
  const MetricKindDef& kind = metric_kind_def(m.kind);
  kind.read(*this, n, m);
  if (m.spec.index() != static_cast<std::size_t>(m.kind)) throw std::logic_error("MetricSpec out of MetricKind order");
  return m;
}

Template ProfileReader::message(const RuleNode& n) const {
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

void ProfileReader::read_check(const RuleNode& n) {
  expect_map(n, "a check");
  allow_keys(n, {"id", "from", "slug", "title", "doc", "severity", "scores", "outcomes"});
  const Borrowed* base = n["from"].IsDefined() ? &base_check(n["from"]) : nullptr;
  Check c;
  c.id = scalar(require(n, "id"), "id");
  c.origin = origin_.empty() ? p_.name : origin_;
  c.source_line = static_cast<std::size_t>(n.line() + 1);
  // A key as written here, else as the base check has it (read in its file).
  auto part = [&](const char* key, auto&& read_value) {
    if (!base || n[key].IsDefined()) return read_value(n);
    const Within w(*this, base->ctx);
    read_value(*base->node);
  };
  part("slug", [&](const RuleNode& m) { c.slug = scalar(require(m, "slug"), "slug"); });
  part("title", [&](const RuleNode& m) { c.title = scalar(require(m, "title"), "title"); });
  part("doc", [&](const RuleNode& m) { c.doc = optional_scalar(m, "doc"); });
  part("severity", [&](const RuleNode& m) {
    c.severity = m["severity"].IsDefined() ? enum_value(m["severity"], severities(), "severity") : Severity::Warning;
  });
  part("scores", [&](const RuleNode& m) {
    if (m["scores"].IsDefined()) c.scores = metric_ref(m["scores"], "scores");
  });
  for (const auto& other : p_.checks) {
    if (other.id == c.id) fail(n["id"], "check id '" + c.id + "' is used twice");
    if (other.slug == c.slug) fail(n["slug"].IsDefined() ? n["slug"] : n["id"], "check slug '" + c.slug + "' is used twice");
  }
  // Outcomes taken from the base default to this check's severity.
  part("outcomes", [&](const RuleNode& m) { read_outcomes(require(m, "outcomes"), c); });
  p_.checks.push_back(std::move(c));
}

void ProfileReader::read_outcomes(const RuleNode& outcomes, Check& c) const {
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
}

Locate ProfileReader::locate(const RuleNode& n) const {
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
    if (!metric_kind_def(p_.metrics[static_cast<std::size_t>(l.metric)].kind).locatable) {
      fail(n["first_match"], "first_match needs a metric of a kind that has a position (" + locatable_kinds() + ")");
    }
  } else {
    fail(n, "locate needs frontmatter_key or first_match");
  }
  return l;
}

int ProfileReader::metric_ref(const RuleNode& n, const std::string& what) const {
  const std::string name = scalar(n, what);
  const int i = p_.metric_index(name);
  if (i < 0) fail(n, "unknown metric '" + name + "'");
  return i;
}

void ProfileReader::read_score(const RuleNode& n) {
  expect_map(n, "score");
  allow_keys(n, {"terms", "penalty", "ratings"});
  auto& s = p_.score;
  const RuleNode& terms = require(n, "terms");
  expect_seq(terms, "terms");
  for (const auto& t : terms.items()) {
    expect_map(t, "a score term");
    allow_keys(t, {"metric", "weight", "scale", "fallback"});
    ScoreTerm term;
    term.metric = metric_ref(require(t, "metric"), "metric");
    if (p_.metrics[static_cast<std::size_t>(term.metric)].type == ValueType::String) {
      fail(t["metric"], "a score term needs a bool or number metric");
    }
    term.weight = number(require(t, "weight"), "weight");
    if (t["scale"].IsDefined()) term.scale = number(t["scale"], "scale");
    if (t["fallback"].IsDefined()) term.fallback = number(t["fallback"], "fallback");
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

std::vector<OutputField> ProfileReader::outputs(const RuleNode& n, const char* what) const {
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

void ProfileReader::read_report(const RuleNode& n) {
  expect_map(n, "report");
  allow_keys(n, {"metrics", "deterministic_metrics"});
  p_.report.metrics = outputs(require(n, "metrics"), "metrics");
  p_.report.deterministic_metrics = outputs(require(n, "deterministic_metrics"), "deterministic_metrics");
}

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
  auto root = RuleNode::load(content, source_name, "YAML", error);
  if (!root) return std::nullopt;
  return load_profile_tree(*root, source_name, error);
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
