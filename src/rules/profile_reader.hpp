#pragma once
// The rule-file reader (loader.cpp): a profile's file read into a Profile,
// with the files it includes (include_reader.cpp: what an include takes,
// metrics redefined in place, checks built on included ones). Internal to
// src/rules/.
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metric_kinds/metric_kind.hpp"
#include "skillscore/rules/profile.hpp"
#include "skillscore/rules/rule_node.hpp"

namespace skillscore::rules {

// The rule file as a whole; metric kinds read their own keys (metric_kinds/).
class ProfileReader : public MetricReader {
 public:
  // p_ is only stored by the base here, read once the reading starts.
  explicit ProfileReader(std::string_view source) : MetricReader(std::string(source), p_) {}

  Profile read(const RuleNode& root);

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

  void push_layer(const RuleNode& metrics);

  static bool is_override(const RuleNode& m) { return m["override"].IsDefined(); }

  // Places the new metrics of layer k up to (not including) index `end`.
  void place_new(std::size_t k, std::size_t end);

  // The rest of the top layer's new metrics; an override nothing included
  // defines is an error.
  void pop_layer();

  // Metric node n of layer k, or the override of an enclosing file that
  // redefines it (the outermost has the last word), at the next place.
  void place_metric(const RuleNode& n, std::size_t k);

  // `include: [PROFILE | {profile, take}...]`: built-in profiles whose
  // metrics are read first (see Layer for overrides) and, as `take` says,
  // their checks (the same rules under the same ids), score and report. Their
  // regexes are read as their files write them; the document is read as this
  // file says, so an include that takes checks must read YAML as its profile
  // does (the same id must mean the same verdict). Any included check may be
  // the base of a check of this file (`from:`).
  void read_includes(const RuleNode& list);

  // This file's `score:`, or the one an include takes (not both).
  void read_score_part(const RuleNode& root);

  void read_document(const RuleNode& n);

  // One metric as written (its place is place_metric's business).
  MetricDef read_metric(const RuleNode& n);

  Template message(const RuleNode& n) const;

  // `from: ID` names an included check (taken or not) whose keys this check
  // takes where it writes none: a new rule (its own id) built on that one.
  const Borrowed& base_check(const RuleNode& from) const;

  void read_check(const RuleNode& n);

  void read_outcomes(const RuleNode& outcomes, Check& c) const;

  Locate locate(const RuleNode& n) const;

  int metric_ref(const RuleNode& n, const std::string& what) const;

  void read_score(const RuleNode& n);

  std::vector<OutputField> outputs(const RuleNode& n, const char* what) const;

  void read_report(const RuleNode& n);

  // This file's report, or the one an include takes with `insert:`s of this
  // file's fields: `{into: metrics, after: KEY, fields: [...]}` (or `before:`).
  void read_report_part(const RuleNode& root);

  // `insert: [{into, after | before, fields}]` into the report read so far.
  void insert_fields(const RuleNode& own);

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

}  // namespace skillscore::rules
