#include "skillscore/rules/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <deque>
#include <optional>
#include <initializer_list>
#include <set>
#include <stdexcept>

#include "metric_kinds/metric_kind.hpp"
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

// What an `include:` entry takes from the profile it names (metrics always).
enum class Part { Metrics, Checks, Score, Report };
constexpr KindInfo<Part> k_parts[] = {
    {Part::Metrics, "metrics"}, {Part::Checks, "checks"}, {Part::Score, "score"}, {Part::Report, "report"}};

// The rule file as a whole; metric kinds read their own keys (metric_kinds/).
class ProfileReader : public MetricReader {
 public:
  // p_ is only stored by the base here, read once the reading starts.
  explicit ProfileReader(std::string_view source) : MetricReader(std::string(source), p_) {}

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

 private:
  // Where a part of the profile comes from: the file errors name, the profile
  // whose checks it defines ("" for this file) and how its regexes are written.
  struct FileContext {
    std::string source, origin;
    RegexDialect dialect = RegexDialect::Python;
  };
  FileContext context() const { return {source_, origin_, p_.document.dialect}; }
  void enter(const FileContext& c) {
    source_ = c.source;
    origin_ = c.origin;
    p_.document.dialect = c.dialect;
  }
  // Reads in another file's context for as long as it lives.
  class Within {
   public:
    Within(ProfileReader& r, const FileContext& c) : r_(r), saved_(r.context()) { r_.enter(c); }
    ~Within() { r_.enter(saved_); }
    Within(const Within&) = delete;
    Within& operator=(const Within&) = delete;

   private:
    ProfileReader& r_;
    FileContext saved_;
  };
  // A node of an included file, with the context to read it in.
  struct Borrowed {
    const RuleNode* node = nullptr;
    FileContext ctx;
    int include_line = -1;  // the `include:` entry it came through (0-based)
  };

  // A file whose metrics are being placed: this one, then each include while
  // it is read. Its new metrics keep their order; an `override: true` metric
  // takes the place of the included metric it redefines (so that the included
  // metrics after it read the new value), and the new metrics written before
  // it, not placed yet, go just before it (so that it may read them).
  struct Layer {
    FileContext ctx;
    std::vector<const RuleNode*> metrics;
    std::vector<bool> placed;
    std::size_t next = 0;  // new metrics before this one are placed
  };

  void push_layer(const RuleNode& metrics) {
    Layer l;
    l.ctx = context();
    for (const auto& m : metrics.items()) {
      expect_map(m, "a metric");
      if (m["override"].IsDefined() && !boolean(m["override"], "override")) fail(m["override"], "override is true or absent");
      l.metrics.push_back(&m);
    }
    l.placed.assign(l.metrics.size(), false);
    layers_.push_back(std::move(l));
  }

  static bool is_override(const RuleNode& m) { return m["override"].IsDefined(); }

  // Places the new metrics of layer k up to (not including) index `end`.
  void place_new(std::size_t k, std::size_t end) {
    for (std::size_t i = layers_[k].next; i < end; ++i) {
      if (layers_[k].placed[i] || is_override(*layers_[k].metrics[i])) continue;
      layers_[k].placed[i] = true;
      place_metric(*layers_[k].metrics[i], k);
    }
    layers_[k].next = std::max(layers_[k].next, end);
  }

  // The rest of the top layer's new metrics; an override nothing included
  // defines is an error.
  void pop_layer() {
    const std::size_t k = layers_.size() - 1;
    place_new(k, layers_[k].metrics.size());
    for (std::size_t i = 0; i < layers_[k].metrics.size(); ++i) {
      if (layers_[k].placed[i]) continue;
      const RuleNode& m = *layers_[k].metrics[i];
      const Within w(*this, layers_[k].ctx);
      const std::string name = scalar(require(m, "name"), "name");
      fail(m["override"], p_.metric_index(name) >= 0 && metric_origins_[static_cast<std::size_t>(p_.metric_index(name))] == layers_[k].ctx.source
                              ? "metric '" + name + "' is defined in this file: `override` redefines an included metric"
                              : "metric '" + name + "' has `override: true`, but no included profile defines it");
    }
    layers_.pop_back();
  }

  // Metric node n of layer k, or the override of an enclosing file that
  // redefines it (the outermost has the last word), at the next place.
  void place_metric(const RuleNode& n, std::size_t k) {
    std::optional<MetricDef> m;
    {
      const Within w(*this, layers_[k].ctx);
      m = read_metric(n);
    }
    std::string where = layers_[k].ctx.source + ":" + std::to_string(m->source_line);
    for (std::size_t j = k; j-- > 0;) {
      Layer& outer = layers_[j];
      for (std::size_t i = 0; i < outer.metrics.size(); ++i) {
        const RuleNode& o = *outer.metrics[i];
        if (outer.placed[i] || !is_override(o) || o["name"].Scalar() != m->name) continue;
        place_new(j, i);
        outer.placed[i] = true;
        const Within w(*this, outer.ctx);
        MetricDef def = read_metric(o.without("override"));
        if (def.type != m->type) {
          fail(o["kind"], "an override of '" + m->name + "' must have its type, " +
                              std::string(value_type_name(m->type)) + " (" + where + "), not " +
                              std::string(value_type_name(def.type)));
        }
        m = std::move(def);
        where = outer.ctx.source + ":" + std::to_string(m->source_line);
      }
    }
    const int existing = p_.metric_index(m->name);
    if (existing >= 0) {
      const Within w(*this, layers_[k].ctx);
      const std::string& first = metric_origins_[static_cast<std::size_t>(existing)];
      fail(n["name"], first == layers_[k].ctx.source
                          ? "metric '" + m->name + "' is defined twice"
                          : "metric '" + m->name + "' is defined twice: " + first +
                                " has it; write `override: true` to redefine an included metric");
    }
    metric_origins_.push_back(layers_[k].ctx.source);
    p_.metrics.push_back(std::move(*m));
  }

  // `include: [PROFILE | {profile, take}...]`: built-in profiles whose
  // metrics are read first (see Layer for overrides) and, as `take` says,
  // their checks (the same rules under the same ids), score and report. Their
  // regexes are read as their files write them; the document is read as this
  // file says, so an include that takes checks must read YAML as its profile
  // does (the same id must mean the same verdict). Any included check may be
  // the base of a check of this file (`from:`).
  void read_includes(const RuleNode& list) {
    expect_seq(list, "include");
    for (const auto& item : list.items()) {
      const bool entry = item.IsMap();
      if (entry) allow_keys(item, {"profile", "take"});
      const RuleNode& name_node = entry ? require(item, "profile") : item;
      const std::string name = scalar(name_node, "include");
      std::vector<Part> take = {Part::Metrics, Part::Checks};
      if (entry && item["take"].IsDefined()) {
        take.clear();
        expect_seq(item["take"], "take");
        for (const auto& t : item["take"].items()) take.push_back(enum_value(t, std::span<const KindInfo<Part>>(k_parts), "part"));
        if (std::find(take.begin(), take.end(), Part::Metrics) == take.end()) {
          fail(item["take"], "take: an include always takes the metrics (its checks, score and report read them)");
        }
      }
      auto takes = [&](Part part) { return std::find(take.begin(), take.end(), part) != take.end(); };
      const EmbeddedRuleFile* file = nullptr;
      for (const auto& f : embedded_rule_files()) {
        if (f.profile == name) file = &f;
      }
      if (!file) fail(name_node, "include: unknown built-in profile '" + name + "'");
      if (name == p_.name || ++include_depth_ > 4) fail(name_node, "include: profiles may not include themselves");
      const RuleNode& root = roots_.emplace_back(RuleNode::parse(file->compiled));
      const FileContext mine = context();
      FileContext theirs{"rules/" + std::string(file->filename), name, mine.dialect};
      DocumentSpec document = std::move(p_.document);
      p_.document = DocumentSpec{};
      source_ = theirs.source;
      read_document(require(root, "document"));
      theirs.dialect = p_.document.dialect;
      const doc::YamlDialect their_yaml = p_.document.yaml;
      p_.document = std::move(document);
      enter(mine);
      // Checks are taken through every enclosing include, or not at all.
      const bool checks = taking_checks_ && takes(Part::Checks);
      if (checks && their_yaml != p_.document.yaml) {
        fail(name_node, "include: '" + name + "' reads YAML otherwise (document: yaml) and its checks keep their "
                        "ids; take its metrics without its checks (take: [metrics, ...]) and base checks on them (from:)");
      }
      const int line = name_node.line();
      std::optional<Borrowed> their_score;
      std::vector<Borrowed> their_report;
      {
        const Within w(*this, theirs);
        const bool outer_checks = taking_checks_;
        taking_checks_ = checks;
        push_layer(require(root, "metrics"));
        // Its own includes may give it a score or a report: its own, as it takes them.
        auto outer_score = std::move(taken_score_);
        auto outer_report = std::move(taken_report_);
        taken_score_.reset();
        taken_report_.clear();
        if (root["include"].IsDefined()) read_includes(root["include"]);
        pop_layer();
        their_score = root["score"].IsDefined() ? Borrowed{&root["score"], theirs, line} : taken_score_;
        their_report = std::move(taken_report_);
        if (root["report"].IsDefined()) {
          if (!root["report"]["insert"].IsDefined()) their_report.clear();
          their_report.push_back({&root["report"], theirs, line});
        }
        taken_score_ = std::move(outer_score);
        taken_report_ = std::move(outer_report);
        for (const auto& c : require(root, "checks").items()) {
          bases_.push_back({&c, theirs, line});
          if (checks) read_check(c);
        }
        taking_checks_ = outer_checks;
      }
      if (takes(Part::Score)) {
        if (taken_score_) fail(name_node, "include: two included profiles give the score (take: score)");
        if (!their_score) fail(name_node, "include: '" + name + "' has no score to take");
        taken_score_ = their_score;
        taken_score_->include_line = line;
      }
      if (takes(Part::Report)) {
        if (!taken_report_.empty()) fail(name_node, "include: two included profiles give the report (take: report)");
        if (their_report.empty()) fail(name_node, "include: '" + name + "' has no report to take");
        taken_report_ = std::move(their_report);
        for (auto& b : taken_report_) b.include_line = line;
      }
      --include_depth_;
    }
  }

  // This file's `score:`, or the one an include takes (not both).
  void read_score_part(const RuleNode& root) {
    if (!taken_score_) return read_score(require(root, "score"));
    if (root["score"].IsDefined()) {
      fail(root["score"], "score: this file has one and takes one from " + taken_score_->ctx.origin +
                              " (include at line " + std::to_string(taken_score_->include_line + 1) + ")");
    }
    const Within w(*this, taken_score_->ctx);
    read_score(*taken_score_->node);
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

  // One metric as written (its place is place_metric's business).
  MetricDef read_metric(const RuleNode& n) {
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

  // `from: ID` names an included check (taken or not) whose keys this check
  // takes where it writes none: a new rule (its own id) built on that one.
  const Borrowed& base_check(const RuleNode& from) const {
    const std::string id = scalar(from, "from");
    for (const auto& b : bases_) {
      if ((*b.node)["id"].IsScalar() && (*b.node)["id"].Scalar() == id) return b;
    }
    fail(from, "from: no check '" + id + "' in an included profile");
  }

  void read_check(const RuleNode& n) {
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

  void read_outcomes(const RuleNode& outcomes, Check& c) const {
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
      if (!metric_kind_def(p_.metrics[static_cast<std::size_t>(l.metric)].kind).locatable) {
        fail(n["first_match"], "first_match needs a metric of a kind that has a position (" + locatable_kinds() + ")");
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

  // This file's report, or the one an include takes with `insert:`s of this
  // file's fields: `{into: metrics, after: KEY, fields: [...]}` (or `before:`).
  void read_report_part(const RuleNode& root) {
    const RuleNode& own = root["report"];
    if (taken_report_.empty()) {
      if (own.IsDefined() && own.IsMap() && own["insert"].IsDefined()) {
        fail(own["insert"], "report: insert adds to a report taken from an include (take: [metrics, report])");
      }
      read_report(require(root, "report"));
      return;
    }
    // The taken report, then the insertions of the files between (an
    // included profile may add to the report it takes), then this file's.
    for (const auto& layer : taken_report_) {
      const Within w(*this, layer.ctx);
      if (&layer == &taken_report_.front()) read_report(*layer.node);
      else insert_fields(*layer.node);
    }
    if (!own.IsDefined()) return;
    expect_map(own, "report");
    if (!own["insert"].IsDefined()) {
      fail(own, "report: this file has one and takes one from " + taken_report_.front().ctx.origin +
                    " (include at line " + std::to_string(taken_report_.front().include_line + 1) +
                    "); write its additions under insert:");
    }
    insert_fields(own);
  }

  // `insert: [{into, after | before, fields}]` into the report read so far.
  void insert_fields(const RuleNode& own) {
    allow_keys(own, {"insert"});
    expect_seq(own["insert"], "insert");
    for (const auto& ins : own["insert"].items()) {
      expect_map(ins, "an insert");
      allow_keys(ins, {"into", "after", "before", "fields"});
      const std::string into = scalar(require(ins, "into"), "into");
      if (into != "metrics" && into != "deterministic_metrics") fail(ins["into"], "into is metrics or deterministic_metrics");
      auto& list = into == "metrics" ? p_.report.metrics : p_.report.deterministic_metrics;
      const bool after = ins["after"].IsDefined();
      if (after == ins["before"].IsDefined()) fail(ins, "an insert has exactly one of 'after' or 'before'");
      const RuleNode& anchor = after ? ins["after"] : ins["before"];
      const std::string key = scalar(anchor, "key");
      auto at = std::find_if(list.begin(), list.end(), [&](const OutputField& f) { return f.key == key; });
      if (at == list.end()) fail(anchor, "report " + into + " has no field '" + key + "'");
      std::vector<OutputField> fields = outputs(require(ins, "fields"), "fields");
      for (const auto& f : fields) {
        if (std::any_of(list.begin(), list.end(), [&](const OutputField& g) { return g.key == f.key; })) {
          fail(ins["fields"], "report " + into + " already has a field '" + f.key + "'");
        }
      }
      list.insert(after ? at + 1 : at, fields.begin(), fields.end());
    }
  }

  std::string origin_;  // while reading an included profile: its name
  int include_depth_ = 0;
  std::vector<Layer> layers_;
  std::vector<std::string> metric_origins_;  // the file that defines each metric
  std::deque<RuleNode> roots_;               // the included files, alive while read
  std::vector<Borrowed> bases_;              // every included check, for `from:`
  std::optional<Borrowed> taken_score_;
  std::vector<Borrowed> taken_report_;  // a report, then the insertions into it
  bool taking_checks_ = true;           // false inside an include whose checks are not taken
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
