// --format html / --output html:PATH: one self-contained page (inline CSS,
// JavaScript and SVG, nothing fetched) to open from a CI artifact:
//   - headline numbers: skills, mean, median, min/max, ratings, the share at or
//     above --min-score, baseline regressions;
//   - a score histogram and the most frequent issues, as SVG with text
//     equivalents;
//   - a table with one server-rendered row per skill (works without
//     JavaScript); the script sorts and filters it and renders a skill's
//     issues, recommendations and strengths when its row is opened. With
//     JavaScript, the first 1,000 rows are shown and the rest on request:
//     laying out 10,000 table rows takes a second or more, 1,000 a tenth.
// The details live in one JSON data block in which every string is stored
// once (a string table) and identical issue and strength lists are shared, so
// 10,000 skills stay at a few MB. The page's Content-Security-Policy allows
// only its own style sheet and script (by hash), and no network access.
// Output is deterministic: no timestamps, rows in the order received (path
// order), regressions first when there is a baseline.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html_assets.hpp"
#include "html_util.hpp"
#include "report_util.hpp"
#include "reporters.hpp"
#include "skillscore/report/json_writer.hpp"
#include "skillscore/score/rating.hpp"

#ifndef SKILLSCORE_VERSION
#define SKILLSCORE_VERSION "0"
#endif

namespace skillscore::report {
namespace {

using html::append_escaped;
using html::escape;

constexpr score::Rating k_ratings[] = {score::Rating::Excellent, score::Rating::Good, score::Rating::NeedsImprovement,
                                       score::Rating::Poor};

// One-letter CSS class of a rating, also the value of the rating filter.
const char* rating_class(score::Rating r) {
  switch (r) {
    case score::Rating::Excellent: return "e";
    case score::Rating::Good: return "g";
    case score::Rating::NeedsImprovement: return "n";
    case score::Rating::Poor: return "p";
  }
  return "p";
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// SVG coordinates: one decimal, no "-0.0".
std::string coord(double v) {
  std::string s = fmt("%.1f", v);
  if (s == "-0.0") s = "0.0";
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string percent(std::size_t part, std::size_t whole) {
  if (!whole) return "0%";
  return fmt("%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole)) + "%";
}

std::string signed_delta(double d) {
  if (d == 0.0) return "0.000";
  return fmt("%+.3f", d);
}

// At most `max` bytes of ASCII-ish text, cut on a UTF-8 boundary, with "…".
std::string truncate(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

// 1, 2 or 5 times a power of ten, at least `x`.
double nice_step(double x) {
  if (x <= 1.0) return 1.0;
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= x) return m * p;
  }
  return 10.0 * p;
}

// What the page keeps of a skill.
struct Row {
  std::string path;
  double score = 0.0;
  score::Rating rating = score::Rating::Poor;
  std::uint32_t issue_count = 0;
  std::uint32_t strengths = 0;  // index into the strength lists
  std::uint32_t issues = 0;     // index into the issue lists
};

// Strings stored once, numbered in order of first use.
class StringTable {
 public:
  std::uint32_t intern(const std::string& s) {
    auto [it, inserted] = index_.try_emplace(s, static_cast<std::uint32_t>(order_.size()));
    if (inserted) order_.push_back(&it->first);
    return it->second;
  }
  const std::vector<const std::string*>& strings() const { return order_; }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<const std::string*> order_;
};

// Integer lists stored once (identical strength or issue lists are shared).
class ListTable {
 public:
  std::uint32_t intern(std::vector<std::int64_t> list) {
    auto [it, inserted] = index_.try_emplace(std::move(list), static_cast<std::uint32_t>(order_.size()));
    if (inserted) order_.push_back(&it->first);
    return it->second;
  }
  const std::vector<const std::vector<std::int64_t>*>& lists() const { return order_; }

 private:
  std::map<std::vector<std::int64_t>, std::uint32_t> index_;
  std::vector<const std::vector<std::int64_t>*> order_;
};

struct RuleEntry {
  std::string id;
  std::string slug;
  std::size_t skills = 0;  // skills with at least one issue of the rule
};

class HtmlReporter final : public Reporter {
 public:
  explicit HtmlReporter(const RunContext& c)
      : profile_(c.profile ? c.profile->name : ""), min_score_(c.gates.min_score), baseline_(c.baseline) {
    if (c.profile) bands_ = c.profile->score.ratings;
  }

  void add(const Assessment& a) override {
    if (profile_.empty()) profile_ = a.profile;
    Row row;
    row.path = a.path;
    row.score = a.score.score;
    row.rating = a.score.rating;
    row.issue_count = static_cast<std::uint32_t>(a.issues.size());
    std::vector<std::int64_t> strengths;
    strengths.reserve(a.strengths.size());
    for (const auto& s : a.strengths) strengths.push_back(strings_.intern(s));
    row.strengths = strength_lists_.intern(std::move(strengths));
    std::vector<std::int64_t> issues;
    issues.reserve(a.issues.size() * 5);
    std::set<std::uint32_t> seen_rules;
    for (const auto& i : a.issues) {
      const std::uint32_t r = rule_index(i.rule, i.slug);
      if (seen_rules.insert(r).second) ++rules_[r].skills;
      issues.push_back(r);
      issues.push_back(static_cast<std::int64_t>(i.severity));
      issues.push_back(strings_.intern(i.message));
      issues.push_back(static_cast<std::int64_t>(i.line));
      issues.push_back(i.recommendation.empty() ? -1 : static_cast<std::int64_t>(strings_.intern(i.recommendation)));
    }
    row.issues = issue_lists_.intern(std::move(issues));
    rows_.push_back(std::move(row));
  }

  void add_error(const FileError& e) override { errors_.push_back(e); }

  std::string finish(const Summary& s) override;

 private:
  std::uint32_t rule_index(const std::string& id, const std::string& slug) {
    auto [it, inserted] = rule_ids_.try_emplace(id, static_cast<std::uint32_t>(rules_.size()));
    if (inserted) rules_.push_back({id, slug, 0});
    return it->second;
  }
  std::optional<std::uint32_t> find_rule(const std::string& id) const {
    auto it = rule_ids_.find(id);
    if (it == rule_ids_.end()) return std::nullopt;
    return it->second;
  }

  void headline(std::string& out, const Summary& s) const;
  void histogram(std::string& out, const Summary& s) const;
  void issues_chart(std::string& out, const Summary& s) const;
  void skills_table(std::string& out, const Summary& s, const std::vector<std::size_t>& order) const;
  void data_block(std::string& out, const std::vector<std::size_t>& order) const;

  std::optional<double> threshold(const Summary& s) const { return s.min_score ? s.min_score : min_score_; }
  bool has_baseline(const Summary& s) const { return s.has_baseline || baseline_.has_value(); }

  // Per path, with a baseline: the delta and whether it is a regression
  // (known false: a skill that is not in the baseline).
  struct Change {
    bool known = false;
    double delta = 0.0;
    bool regression = false;
  };
  Change change(const Summary& s, const Row& r) const;

  std::string profile_;
  std::optional<double> min_score_;
  std::optional<std::map<std::string, double>> baseline_;
  std::vector<rules::RatingBand> bands_;
  std::vector<Row> rows_;
  std::vector<FileError> errors_;
  StringTable strings_;
  ListTable strength_lists_, issue_lists_;
  std::vector<RuleEntry> rules_;
  std::map<std::string, std::uint32_t> rule_ids_;
  std::map<std::string, const BaselineDelta*> deltas_;  // filled in finish()
};

HtmlReporter::Change HtmlReporter::change(const Summary& s, const Row& r) const {
  auto it = deltas_.find(r.path);
  if (it != deltas_.end()) return Change{true, it->second->after - it->second->before, it->second->regression};
  if (!s.has_baseline && baseline_) {
    auto b = baseline_->find(r.path);
    if (b != baseline_->end()) return Change{true, r.score - b->second, r.score < b->second};
  }
  return Change{};
}

void HtmlReporter::headline(std::string& out, const Summary& s) const {
  auto card = [&](std::string_view id, std::string_view cls, std::string_view label, const std::string& value,
                  const std::string& note = {}) {
    out += "<div";
    if (!cls.empty()) out += " class=\"" + std::string(cls) + "\"";
    out += "><dt>";
    out += label;
    out += "</dt><dd id=\"";
    out += id;
    out += "\">";
    out += value;
    if (!note.empty()) out += " <small>" + note + "</small>";
    out += "</dd></div>\n";
  };
  out += "<section aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n<dl class=\"cards\">\n";
  card("n-skills", "", "Skills scored", std::to_string(s.scored));
  if (s.errors) card("n-errors", "bad", "Files not scored", std::to_string(s.errors));
  std::string mean_note;
  if (s.min_mean && s.scored) {
    mean_note = std::string(s.mean_below_min ? "below" : "meets") + " min " + escape(detail::fixed3(*s.min_mean));
  }
  card("n-mean", s.mean_below_min ? "bad" : "", "Mean score", s.scored ? detail::fixed3(s.mean) : "-", mean_note);
  card("n-median", "", "Median score", s.scored ? detail::fixed3(s.median) : "-");
  card("n-range", "small", "Min / max", s.scored ? detail::fixed3(s.min) + " / " + detail::fixed3(s.max) : "-");
  if (const auto thr = threshold(s)) {
    std::size_t below = 0;
    if (s.min_score) {
      below = s.below_min_score.size();
    } else {
      for (const auto& r : rows_) below += r.score < *thr;
    }
    const std::size_t passing = s.scored >= below ? s.scored - below : 0;
    out += "<div" + std::string(below ? " class=\"bad\"" : "") + "><dt>Passing (&#8805; " +
           detail::fixed3(*thr) + ")</dt><dd id=\"n-pass\" data-passing=\"" + std::to_string(passing) +
           "\" data-below=\"" + std::to_string(below) + "\" data-threshold=\"" + detail::fixed3(*thr) + "\">" +
           percent(passing, s.scored) + " <small>" + std::to_string(passing) + " of " + std::to_string(s.scored) +
           "</small></dd></div>\n";
  }
  if (has_baseline(s)) {
    std::size_t regressions = s.regressions;
    if (!s.has_baseline) {
      regressions = 0;
      for (const auto& r : rows_) {
        regressions += change(s, r).regression;
      }
    }
    card("n-regressions", regressions ? "bad" : "", "Regressions since baseline", std::to_string(regressions));
    if (s.has_baseline) {
      card("n-added", "", "New / removed", std::to_string(s.added.size()) + " / " + std::to_string(s.removed.size()));
    }
  }
  out += "</dl>\n<h3 class=\"sr-only\">Skills per rating</h3>\n<dl class=\"cards ratings\">\n";
  for (auto r : k_ratings) {
    auto it = s.ratings.find(r);
    const std::size_t n = it == s.ratings.end() ? 0 : it->second;
    std::string label(score::rating_label(r));
    for (const auto& b : bands_) {
      if (b.rating == r && b.min) {
        label += " <small>&#8805; " + detail::fixed3(*b.min) + "</small>";
        break;
      }
    }
    card("n-r-" + std::string(score::rating_id(r)), rating_class(r), label, std::to_string(n), percent(n, s.scored));
  }
  out += "</dl>\n</section>\n";
}

void HtmlReporter::histogram(std::string& out, const Summary& s) const {
  std::size_t bins[10] = {};
  for (const auto& r : rows_) {
    std::size_t k = 0;
    while (k < 9 && r.score >= static_cast<double>(k + 1) / 10.0) ++k;
    ++bins[k];
  }
  std::size_t top = 0;
  for (auto b : bins) top = std::max(top, b);
  const double step = nice_step(static_cast<double>(top) / 4.0);
  const double ymax = std::max(step, std::ceil(static_cast<double>(top) / step) * step);
  constexpr double x0 = 44, x1 = 548, y0 = 18, y1 = 214;
  const double bw = (x1 - x0) / 10.0;
  auto xs = [&](double score) { return x0 + score * (x1 - x0); };
  auto ys = [&](double count) { return y1 - count / ymax * (y1 - y0); };
  auto label = [](std::size_t k) { return fmt("%.1f", static_cast<double>(k) / 10.0) + "&#8211;" + fmt("%.1f", static_cast<double>(k + 1) / 10.0); };

  std::string desc = "Skills per score bin of 0.1: ";
  for (std::size_t k = 0; k < 10; ++k) {
    if (k) desc += "; ";
    desc += label(k) + ": " + std::to_string(bins[k]);
  }
  desc += ".";
  if (s.scored) desc += " Mean " + detail::fixed3(s.mean) + ", median " + detail::fixed3(s.median) + ".";
  const auto thr = threshold(s);
  if (thr) desc += " Minimum score " + detail::fixed3(*thr) + ".";

  out += "<figure id=\"histogram\"><figcaption id=\"hist-c\">Score distribution</figcaption>\n";
  out += "<svg viewBox=\"0 0 560 250\" role=\"img\" aria-labelledby=\"hist-t hist-d\"><title id=\"hist-t\">Histogram of scores</title><desc id=\"hist-d\">" +
         desc + "</desc>\n";
  for (double t = 0; t <= ymax + 1e-9; t += step) {
    const std::string y = coord(ys(t));
    out += "<line class=\"axis\" x1=\"" + coord(x0) + "\" x2=\"" + coord(x1) + "\" y1=\"" + y + "\" y2=\"" + y +
           "\"/><text x=\"" + coord(x0 - 6) + "\" y=\"" + coord(ys(t) + 4) + "\" text-anchor=\"end\">" +
           fmt("%.0f", t) + "</text>\n";
  }
  for (std::size_t k = 0; k < 10; ++k) {
    const double mid = (static_cast<double>(k) + 0.5) / 10.0;
    std::string cls = "b-x";
    if (!bands_.empty()) {
      for (const auto& b : bands_) {
        if (!b.min || mid >= *b.min) {
          cls = std::string("b-") + rating_class(b.rating);
          break;
        }
      }
    }
    const double h = static_cast<double>(bins[k]) / ymax * (y1 - y0);
    const double x = x0 + bw * static_cast<double>(k) + 3;
    out += "<g><title>" + label(k) + ": " + detail::count_noun(bins[k], "skill", "skills") + "</title><rect class=\"" +
           cls + "\" x=\"" + coord(x) + "\" y=\"" + coord(y1 - h) + "\" width=\"" + coord(bw - 6) + "\" height=\"" +
           coord(h) + "\" rx=\"2\"/>";
    if (bins[k]) {
      out += "<text class=\"lbl\" x=\"" + coord(x + (bw - 6) / 2) + "\" y=\"" + coord(y1 - h - 4) +
             "\" text-anchor=\"middle\">" + std::to_string(bins[k]) + "</text>";
    }
    out += "</g>\n";
  }
  for (std::size_t k = 0; k <= 10; ++k) {
    out += "<text x=\"" + coord(x0 + bw * static_cast<double>(k)) + "\" y=\"" + coord(y1 + 16) +
           "\" text-anchor=\"middle\">" + fmt("%.1f", static_cast<double>(k) / 10.0) + "</text>";
  }
  out += "\n<text x=\"" + coord((x0 + x1) / 2) + "\" y=\"248\" text-anchor=\"middle\">score</text>\n";
  if (s.scored) {
    const std::string x = coord(xs(std::clamp(s.mean, 0.0, 1.0)));
    out += "<line class=\"mean\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + coord(y0 - 6) + "\" y2=\"" + coord(y1) +
           "\"/><text x=\"" + x + "\" y=\"" + coord(y0 - 9) + "\" text-anchor=\"middle\">mean " +
           detail::fixed3(s.mean) + "</text>\n";
  }
  if (thr) {
    const std::string x = coord(xs(std::clamp(*thr, 0.0, 1.0)));
    out += "<line class=\"thr\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + coord(y0) + "\" y2=\"" + coord(y1) +
           "\"/><text x=\"" + coord(xs(std::clamp(*thr, 0.0, 1.0)) + 4) + "\" y=\"" + coord(y0 + 10) +
           "\">min " + detail::fixed3(*thr) + "</text>\n";
  }
  out += "</svg>\n<details class=\"data\"><summary>Show the numbers</summary><table><caption>Skills per score bin</caption>"
         "<thead><tr><th scope=\"col\">Score</th><th scope=\"col\" class=\"num\">Skills</th></tr></thead><tbody>\n";
  for (std::size_t k = 0; k < 10; ++k) {
    out += "<tr><th scope=\"row\">" + label(k) + (k == 9 ? " (1.0 included)" : "") + "</th><td class=\"num\">" +
           std::to_string(bins[k]) + "</td></tr>\n";
  }
  out += "</tbody></table></details></figure>\n";
}

void HtmlReporter::issues_chart(std::string& out, const Summary& s) const {
  out += "<figure id=\"issues-chart\"><figcaption>Most frequent issues</figcaption>\n";
  if (s.top_issues.empty()) {
    out += "<p>No issues.</p></figure>\n";
    return;
  }
  const double total = static_cast<double>(std::max<std::size_t>(s.scored, 1));
  constexpr double row_h = 22, lx = 0, bx = 236, bmax = 220;
  const double height = row_h * static_cast<double>(s.top_issues.size()) + 6;
  std::string desc = "Skills affected per rule: ";
  for (std::size_t i = 0; i < s.top_issues.size(); ++i) {
    const auto& t = s.top_issues[i];
    if (i) desc += "; ";
    desc += escape(t.rule) + " " + escape(t.slug) + ": " + std::to_string(t.skills) + " (" + percent(t.skills, s.scored) + ")";
  }
  desc += ".";
  out += "<svg viewBox=\"0 0 560 " + coord(height) +
         "\" role=\"img\" aria-labelledby=\"iss-t iss-d\"><title id=\"iss-t\">Most frequent issues by rule</title><desc id=\"iss-d\">" +
         desc + "</desc>\n";
  for (std::size_t i = 0; i < s.top_issues.size(); ++i) {
    const auto& t = s.top_issues[i];
    const double y = row_h * static_cast<double>(i) + 4;
    const double w = std::max(1.0, static_cast<double>(t.skills) / total * bmax);
    out += "<g class=\"bar\"";
    if (auto r = find_rule(t.rule)) out += " data-r=\"" + std::to_string(*r) + "\"";
    out += "><title>" + escape(t.rule) + " " + escape(t.slug) + ": " + detail::count_noun(t.skills, "skill", "skills") +
           " (" + percent(t.skills, s.scored) + "). " + escape(t.message) + "</title>";
    out += "<text class=\"lbl\" x=\"" + coord(lx) + "\" y=\"" + coord(y + 13) + "\">" + escape(t.rule) + " " +
           escape(truncate(t.slug, 28)) + "</text>";
    out += "<rect class=\"ibar\" x=\"" + coord(bx) + "\" y=\"" + coord(y + 2) + "\" width=\"" + coord(w) +
           "\" height=\"" + coord(row_h - 8) + "\" rx=\"2\"/>";
    out += "<text x=\"" + coord(bx + w + 6) + "\" y=\"" + coord(y + 13) + "\">" + std::to_string(t.skills) + " (" +
           percent(t.skills, s.scored) + ")</text></g>\n";
  }
  out += "</svg>\n<details class=\"data\"><summary>Show the numbers</summary><table><caption>Most frequent issues: "
         "skills with at least one issue of the rule</caption><thead><tr><th scope=\"col\">Rule</th>"
         "<th scope=\"col\" class=\"num\">Skills</th><th scope=\"col\">Message (latest seen)</th></tr></thead><tbody>\n";
  for (const auto& t : s.top_issues) {
    out += "<tr><th scope=\"row\"><code>" + escape(t.rule) + "</code> " + escape(t.slug) + "</th><td class=\"num\">" +
           std::to_string(t.skills) + "</td><td>" + escape(t.message) + "</td></tr>\n";
  }
  out += "</tbody></table></details></figure>\n";
}

void HtmlReporter::skills_table(std::string& out, const Summary& s, const std::vector<std::size_t>& order) const {
  const auto thr = threshold(s);
  const bool base = has_baseline(s);
  out += "<section aria-labelledby=\"skills-h\"><h2 id=\"skills-h\">Skills</h2>\n";
  // Controls: shown by the script (they need it).
  out += "<div id=\"controls\" class=\"controls\" role=\"search\" hidden>\n"
         "<label>Path contains <input id=\"f-text\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\"></label>\n"
         "<label>Rating <select id=\"f-rating\"><option value=\"\">any</option>";
  for (auto r : k_ratings) {
    out += "<option value=\"" + std::string(rating_class(r)) + "\">" + std::string(score::rating_label(r)) + "</option>";
  }
  out += "</select></label>\n<label>Issue <select id=\"f-rule\"><option value=\"\">any</option>";
  std::vector<std::uint32_t> by_id;
  for (const auto& [id, index] : rule_ids_) by_id.push_back(index);
  for (auto index : by_id) {
    const auto& r = rules_[index];
    out += "<option value=\"" + std::to_string(index) + "\">" + escape(r.id) + " " + escape(r.slug) + " (" +
           std::to_string(r.skills) + ")</option>";
  }
  out += "</select></label>\n";
  if (thr) out += "<label><input id=\"f-fail\" type=\"checkbox\"> below min score only</label>\n";
  if (base) out += "<label><input id=\"f-reg\" type=\"checkbox\"> regressions only</label>\n";
  out += "<output id=\"f-count\" aria-live=\"polite\"></output>\n</div>\n";
  out += "<noscript><p>Sorting, filtering and each skill's issues, recommendations and strengths need JavaScript; "
         "the table lists every skill.</p></noscript>\n";

  out += "<table id=\"skills\"><caption>" + detail::count_noun(rows_.size(), "skill", "skills") + " in path order" +
         std::string(base ? ", regressions first" : "") +
         ".<span class=\"js-only\"> Select a row (or move with the arrow keys and press Enter) to show the skill's "
         "issues, recommendations and strengths; select a column header to sort.</span>" +
         std::string(thr ? " Rows marked red on the left are below the minimum score." : "") + "</caption>\n";
  out += "<colgroup><col class=\"c-path\"><col class=\"c-score\"><col class=\"c-rating\"><col class=\"c-issues\">";
  if (base) out += "<col class=\"c-delta\">";
  out += "</colgroup>\n<thead><tr><th scope=\"col\" data-k=\"path\">Path</th><th scope=\"col\" data-k=\"score\">Score</th>"
         "<th scope=\"col\" data-k=\"rating\">Rating</th><th scope=\"col\" data-k=\"issues\">Issues</th>";
  if (base) out += "<th scope=\"col\" data-k=\"delta\">&#916; baseline</th>";
  out += "</tr></thead>\n<tbody>\n";
  // Compact rows: optional end tags (but </tr>) left out, one-letter classes, no form
  // controls (a button per row doubles the parse time of a large table: the
  // script makes the rows focusable and openable instead).
  for (std::size_t i : order) {
    const Row& r = rows_[i];
    const bool below = thr && r.score < *thr;
    const Change c = base ? change(s, r) : Change{};
    const bool regression = c.regression;
    out += "<tr";
    if (below || regression) out += below && regression ? " class=\"f x\"" : below ? " class=f" : " class=x";
    out += "><th scope=row>";
    append_escaped(out, r.path);
    out += "<td>";
    out += detail::fixed3(r.score);
    out += "<td class=";
    out += rating_class(r.rating);
    out += '>';
    out += score::rating_label(r.rating);
    out += "<td>";
    out += std::to_string(r.issue_count);
    if (base) {
      if (!c.known) out += "<td>new";
      else if (c.delta < 0) out += "<td class=dn>" + signed_delta(c.delta);
      else if (c.delta > 0) out += "<td class=dp>" + signed_delta(c.delta);
      else out += "<td>" + signed_delta(c.delta);
    }
    out += "</tr>\n";  // keeps the line break out of the last cell's text
  }
  out += "</tbody></table>\n<p id=\"more\" class=\"more\" hidden><span id=\"more-text\"></span>"
         "<button type=\"button\" id=\"more-btn\">Show more</button><button type=\"button\" id=\"all-btn\">Show all"
         "</button></p>\n</section>\n";
}

// {"sev":[...],"rules":[[id,slug],...],"str":[...],"sl":[[str...]...],
//  "il":[[rule,sev,message,line,recommendation(-1: none),...]...],
//  "sk":[strength list, issue list, ...] in table order}
void HtmlReporter::data_block(std::string& out, const std::vector<std::size_t>& order) const {
  out += "<script type=\"application/json\" id=\"data\">{\"v\":1,\"sev\":[";
  const rules::Severity sevs[] = {rules::Severity::Error, rules::Severity::Warning, rules::Severity::Info};
  for (std::size_t i = 0; i < 3; ++i) {
    if (i) out += ',';
    out += html::script_json_string(detail::severity_name(sevs[i]));
  }
  out += "],\n\"rules\":[";
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (i) out += ',';
    out += '[' + html::script_json_string(rules_[i].id) + ',' + html::script_json_string(rules_[i].slug) + ']';
  }
  out += "],\n\"str\":[";
  const auto& strs = strings_.strings();
  for (std::size_t i = 0; i < strs.size(); ++i) {
    if (i) out += ",\n";
    out += html::script_json_string(*strs[i]);
  }
  auto lists = [&](const ListTable& t) {
    const auto& ls = t.lists();
    for (std::size_t i = 0; i < ls.size(); ++i) {
      if (i) out += ",\n";
      out += '[';
      for (std::size_t j = 0; j < ls[i]->size(); ++j) {
        if (j) out += ',';
        out += std::to_string((*ls[i])[j]);
      }
      out += ']';
    }
  };
  out += "],\n\"sl\":[";
  lists(strength_lists_);
  out += "],\n\"il\":[";
  lists(issue_lists_);
  out += "],\n\"sk\":[";
  std::size_t k = 0;
  for (std::size_t i : order) {
    if (k) out += (k % 16) ? "," : ",\n";
    out += std::to_string(rows_[i].strengths) + ',' + std::to_string(rows_[i].issues);
    ++k;
  }
  out += "]}</script>\n";
}

std::string HtmlReporter::finish(const Summary& s) {
  deltas_.clear();
  for (const auto& d : s.deltas) deltas_[d.path] = &d;

  // Table order: as received (path order); with a baseline, regressions first.
  std::vector<std::size_t> order(rows_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (has_baseline(s)) {
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
      return change(s, rows_[i]).regression;
    });
  }

  std::string out;
  out.reserve(4096 + rows_.size() * 200);
  out += "<!DOCTYPE html>\n<html lang=\"en\" class=\"nojs\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " +
         html::csp_hash(html::k_head_script) + " " + html::csp_hash(html::k_script) + "; style-src " +
         html::csp_hash(html::k_style) +
         "; img-src data:; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"skillscore " SKILLSCORE_VERSION "\">\n";
  out += "<title>skillscore report: " + detail::count_noun(s.scored, "skill", "skills");
  if (s.scored) out += ", mean " + detail::fixed3(s.mean);
  out += "</title>\n<style>";
  out += html::k_style;
  out += "</style>\n<script>";
  out += html::k_head_script;
  out += "</script>\n</head>\n<body>\n<header><h1>skillscore report</h1><p class=\"sub\">";
  if (!profile_.empty()) out += "Profile <code>" + escape(profile_) + "</code> &#183; ";
  out += detail::count_noun(s.scored, "skill", "skills") + " scored";
  if (s.errors) out += ", " + detail::count_noun(s.errors, "file", "files") + " could not be scored";
  out += "</p></header>\n<main>\n";

  headline(out, s);
  out += "<div class=\"charts\">\n";
  histogram(out, s);
  issues_chart(out, s);
  out += "</div>\n";

  if (s.has_baseline && (!s.added.empty() || !s.removed.empty())) {
    out += "<section aria-labelledby=\"baseline-h\"><h2 id=\"baseline-h\">Changes since baseline</h2><p>" +
           detail::count_noun(s.regressions, "regression", "regressions") + ", " + std::to_string(s.added.size()) +
           " new, " + std::to_string(s.removed.size()) + " removed. New skills are marked &#8220;new&#8221; in the table.</p>\n";
    if (!s.removed.empty()) {
      out += "<details><summary>" + detail::count_noun(s.removed.size(), "removed skill", "removed skills") +
             "</summary><ul>\n";
      for (const auto& p : s.removed) out += "<li><code>" + escape(p) + "</code></li>\n";
      out += "</ul></details>\n";
    }
    out += "</section>\n";
  }

  skills_table(out, s, order);

  if (!errors_.empty()) {
    out += "<section aria-labelledby=\"errors-h\"><h2 id=\"errors-h\">Files that could not be scored</h2>\n"
           "<table id=\"errors\"><caption>" + detail::count_noun(errors_.size(), "file", "files") +
           " could not be read or scored</caption><thead><tr><th scope=\"col\">Path</th><th scope=\"col\">Error</th></tr></thead><tbody>\n";
    for (const auto& e : errors_) {
      out += "<tr><th scope=\"row\">" + escape(e.path) + "</th><td>" + escape(e.message) + "</td></tr>\n";
    }
    out += "</tbody></table></section>\n";
  }
  out += "</main>\n<footer>Generated by skillscore " SKILLSCORE_VERSION;
  if (!profile_.empty()) out += " with profile " + escape(profile_);
  out += ". This page is self-contained: it loads nothing from the network.</footer>\n";
  data_block(out, order);
  out += "<script>";
  out += html::k_script;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(const RunContext& c) { return std::make_unique<HtmlReporter>(c); }

}  // namespace skillscore::report
