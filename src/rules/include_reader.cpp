// `include:` of the rule-file reader (ProfileReader, profile_reader.hpp):
// what an include takes from a built-in profile, metrics redefined in their
// place (`override: true`), checks built on included ones (`from:`), and the
// score and report an include gives.
#include <algorithm>
#include <span>

#include "profile_reader.hpp"
#include "skillscore/rules/embedded.hpp"

namespace skillscore::rules {
namespace {

// What an `include:` entry takes from the profile it names (metrics always).
enum class Part { Metrics, Checks, Score, Report };
constexpr KindInfo<Part> k_parts[] = {
    {Part::Metrics, "metrics"}, {Part::Checks, "checks"}, {Part::Score, "score"}, {Part::Report, "report"}};

}  // namespace

void ProfileReader::push_layer(const RuleNode& metrics) {
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

void ProfileReader::place_new(std::size_t k, std::size_t end) {
  for (std::size_t i = layers_[k].next; i < end; ++i) {
    if (layers_[k].placed[i] || is_override(*layers_[k].metrics[i])) continue;
    layers_[k].placed[i] = true;
    place_metric(*layers_[k].metrics[i], k);
  }
  layers_[k].next = std::max(layers_[k].next, end);
}

void ProfileReader::pop_layer() {
  const std::size_t k = layers_.size() - 1;
  place_new(k, layers_[k].metrics.size());
  for (std::size_t i = 0; i < layers_[k].metrics.size(); ++i) {
    if (layers_[k].placed[i]) continue;
    const RuleNode& m = *layers_[k].metrics[i];
    const Within w(*this, layers_[k].ctx);
    const std::string name = scalar(require(m, "name"), "name");
    const int here = p_.metric_index(name);
    const bool own = here >= 0 && metric_origins_[static_cast<std::size_t>(here)] == layers_[k].ctx.source;
    fail(m["override"], own ? "metric '" + name + "' is defined in this file: `override` redefines an included metric"
                            : "metric '" + name + "' has `override: true`, but no included profile defines it");
  }
  layers_.pop_back();
}

void ProfileReader::place_metric(const RuleNode& n, std::size_t k) {
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

void ProfileReader::read_includes(const RuleNode& list) {
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

void ProfileReader::read_score_part(const RuleNode& root) {
  if (!taken_score_) return read_score(require(root, "score"));
  if (root["score"].IsDefined()) {
    fail(root["score"], "score: this file has one and takes one from " + taken_score_->ctx.origin +
                            " (include at line " + std::to_string(taken_score_->include_line + 1) + ")");
  }
  const Within w(*this, taken_score_->ctx);
  read_score(*taken_score_->node);
}

const ProfileReader::Borrowed& ProfileReader::base_check(const RuleNode& from) const {
  const std::string id = scalar(from, "from");
  for (const auto& b : bases_) {
    if ((*b.node)["id"].IsScalar() && (*b.node)["id"].Scalar() == id) return b;
  }
  fail(from, "from: no check '" + id + "' in an included profile");
}

void ProfileReader::read_report_part(const RuleNode& root) {
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

void ProfileReader::insert_fields(const RuleNode& own) {
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

}  // namespace skillscore::rules
