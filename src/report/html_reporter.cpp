// --format html / --output html:PATH: one self-contained page (inline CSS,
// JavaScript and SVG, nothing fetched) to open from a CI artifact:
//   - the verdict the exit code gives and every gate; headline numbers:
//     skills, mean, median, min/max, ratings, the share at or above
//     --min-score, baseline regressions;
//   - a score histogram and the most frequent issues, as SVG with text
//     equivalents;
//   - a table with one server-rendered row per skill (works without
//     JavaScript); the script sorts and filters it and renders a skill's
//     issues, recommendations and strengths when its row is opened. With
//     JavaScript, the first 1,000 rows are shown and the rest on request:
//     laying out 10,000 table rows takes a second or more, 1,000 a tenth.
// The parts: html_data (rows and the details' JSON block), html_charts (the
// SVG charts), html_assets (style and script), html_format and html_util
// (formatting, escaping, hashes); this file lays out the page. The page's Content-Security-Policy allows
// only its own style sheet and script (by hash), and no network access.
// Output is deterministic: no timestamps, rows in the order received (path
// order), regressions first when there is a baseline.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html_assets.hpp"
#include "html_charts.hpp"
#include "html_data.hpp"
#include "html_format.hpp"
#include "html_util.hpp"
#include "report_util.hpp"
#include "reporters.hpp"
#include "skillscore/score/rating.hpp"

#ifndef SKILLSCORE_VERSION
#define SKILLSCORE_VERSION "0"
#endif

namespace skillscore::report {
namespace {

using html::append_escaped;
using html::escape;
using html::k_ratings;
using html::percent;
using html::rating_class;
using html::signed_delta;

class HtmlReporter final : public Reporter {
 public:
  explicit HtmlReporter(const RunContext& c)
      : profile_(c.profile ? c.profile->name : ""), min_score_(c.gates.min_score), baseline_(c.baseline) {
    if (c.profile) bands_ = c.profile->score.ratings;
  }

  void add(const Assessment& a) override {
    if (profile_.empty()) profile_ = a.profile;
    data_.add(a);
  }

  void add_error(const FileError& e) override { errors_.push_back(e); }

  std::string finish(const Summary& s) override;

 private:
  void headline(std::string& out, const Summary& s) const;
  static void gates(std::string& out, const Summary& s);
  void skills_table(std::string& out, const Summary& s, const std::vector<std::size_t>& order) const;

  std::optional<double> threshold(const Summary& s) const { return s.min_score ? s.min_score : min_score_; }
  bool has_baseline(const Summary& s) const { return s.has_baseline || baseline_.has_value(); }

  // Per path, with a baseline: the delta and whether it is a regression
  // (known false: a skill that is not in the baseline).
  struct Change {
    bool known = false;
    double delta = 0.0;
    bool regression = false;
  };
  Change change(const Summary& s, const html::Row& r) const;

  std::string profile_;
  std::optional<double> min_score_;
  std::optional<std::map<std::string, double>> baseline_;
  std::vector<rules::RatingBand> bands_;
  html::PageData data_;
  std::vector<FileError> errors_;
  std::map<std::string, const BaselineDelta*> deltas_;  // filled in finish()
};

HtmlReporter::Change HtmlReporter::change(const Summary& s, const html::Row& r) const {
  auto it = deltas_.find(r.path);
  if (it != deltas_.end()) return Change{true, it->second->after - it->second->before, it->second->regression};
  if (!s.has_baseline && baseline_) {
    auto b = baseline_->find(r.path);
    if (b != baseline_->end()) return Change{true, r.score - b->second, r.score < b->second};
  }
  return Change{};
}

// The verdict the exit code gives and every gate, set or not.
void HtmlReporter::gates(std::string& out, const Summary& s) {
  if (s.gates.empty()) return;  // not a run's summary: nothing was decided
  const VerdictInfo& v = verdict_info(s.verdict);
  const bool ok = s.verdict == Verdict::Pass;
  out += "<div class=\"gates\"><p id=\"verdict\" class=\"verdict " + std::string(ok ? "ok" : "bad") + "\" data-verdict=\"" +
         std::string(v.name) + "\" data-exit=\"" + std::to_string(s.exit_code) + "\">Verdict: " + escape(v.text) +
         " (exit " + std::to_string(s.exit_code) + ")</p>\n<ul id=\"gates\">";
  for (const auto& g : s.gates) {
    out += "<li data-gate=\"" + std::string(gate_info(g.gate).name) + "\" data-enabled=\"" + (g.enabled ? "1" : "0") +
           "\" data-failed=\"" + (g.failed ? "1" : "0") + "\"" + (g.failed ? " class=\"bad\"" : "") + ">" +
           escape(gate_sentence(g)) + "</li>";
  }
  out += "</ul></div>\n";
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
  out += "<section aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n";
  gates(out, s);
  out += "<dl class=\"cards\">\n";
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
      for (const auto& r : data_.rows()) below += r.score < *thr;
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
      for (const auto& r : data_.rows()) {
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
  for (auto index : data_.rules_by_id()) {
    const auto& r = data_.rules()[index];
    out += "<option value=\"" + std::to_string(index) + "\">" + escape(r.id) + " " + escape(r.slug) + " (" +
           std::to_string(r.skills) + ")</option>";
  }
  out += "</select></label>\n";
  if (thr) out += "<label><input id=\"f-fail\" type=\"checkbox\"> below min score only</label>\n";
  if (base) out += "<label><input id=\"f-reg\" type=\"checkbox\"> regressions only</label>\n";
  out += "<output id=\"f-count\" aria-live=\"polite\"></output>\n</div>\n";
  out += "<noscript><p>Sorting, filtering and each skill's issues, recommendations and strengths need JavaScript; "
         "the table lists every skill.</p></noscript>\n";

  // The script keeps #cap-n (how many rows match) and #cap-o (the order) true
  // while the table is filtered and sorted.
  const std::string all = detail::count_noun(data_.rows().size(), "skill", "skills");
  out += "<table id=\"skills\"><caption><span id=\"cap-n\" data-all=\"" + all + "\">" + all +
         "</span><span id=\"cap-o\"> in path order" + std::string(base ? ", regressions first" : "") + "</span>." +
         "<span class=\"js-only\"> Select a row (or move with the arrow keys and press Enter) to show the skill's "
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
    const html::Row& r = data_.rows()[i];
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

std::string HtmlReporter::finish(const Summary& s) {
  deltas_.clear();
  for (const auto& d : s.deltas) deltas_[d.path] = &d;

  // Table order: as received (path order); with a baseline, regressions first.
  const auto& rows = data_.rows();
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (has_baseline(s)) {
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
      return change(s, rows[i]).regression;
    });
  }

  std::string out;
  out.reserve(4096 + rows.size() * 200);
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
  html::histogram(out, rows, s, bands_, threshold(s));
  html::issues_chart(out, s, data_);
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
  data_.write_block(out, order);
  out += "<script>";
  out += html::k_script;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(const RunContext& c) { return std::make_unique<HtmlReporter>(c); }

}  // namespace skillscore::report
