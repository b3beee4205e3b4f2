#include "html_charts.hpp"

#include <algorithm>
#include <cmath>

#include "html_format.hpp"
#include "html_util.hpp"
#include "report_util.hpp"

namespace skillscore::report::html {

void histogram(std::string& out, const std::vector<Row>& rows, const Summary& s,
               const std::vector<rules::RatingBand>& bands, std::optional<double> thr) {
  std::size_t bins[10] = {};
  for (const auto& r : rows) {
    std::size_t k = 0;
    while (k < 9 && r.score >= static_cast<double>(k + 1) / 10.0) ++k;
    ++bins[k];
  }
  std::size_t top = 0;
  for (auto b : bins) top = std::max(top, b);
  const double step = nice_step(static_cast<double>(top) / 4.0);
  const double ymax = std::max(step, std::ceil(static_cast<double>(top) / step) * step);
  // The band above y0 holds the mean and threshold labels; a bar's count sits
  // at most 4 units above y0, below that band.
  constexpr double x0 = 44, x1 = 548, y0 = 36, y1 = 232, label_y = 16;
  const double bw = (x1 - x0) / 10.0;
  auto xs = [&](double score) { return x0 + std::clamp(score, 0.0, 1.0) * (x1 - x0); };
  auto ys = [&](double count) { return y1 - count / ymax * (y1 - y0); };
  auto label = [](std::size_t k) { return fmt("%.1f", static_cast<double>(k) / 10.0) + "&#8211;" + fmt("%.1f", static_cast<double>(k + 1) / 10.0); };

  std::string desc = "Skills per score bin of 0.1: ";
  for (std::size_t k = 0; k < 10; ++k) {
    if (k) desc += "; ";
    desc += label(k) + ": " + std::to_string(bins[k]);
  }
  desc += ".";
  if (s.scored) desc += " Mean " + detail::fixed3(s.mean) + ", median " + detail::fixed3(s.median) + ".";
  if (thr) desc += " Minimum score " + detail::fixed3(*thr) + ".";

  out += "<figure id=\"histogram\"><figcaption id=\"hist-c\">Score distribution</figcaption>\n";
  out += "<svg viewBox=\"0 0 560 268\" role=\"img\" aria-labelledby=\"hist-t hist-d\"><title id=\"hist-t\">Histogram of scores</title><desc id=\"hist-d\">" +
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
    for (const auto& b : bands) {
      if (!b.min || mid >= *b.min) {
        cls = std::string("b-") + rating_class(b.rating);
        break;
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
  out += "\n<text x=\"" + coord((x0 + x1) / 2) + "\" y=\"266\" text-anchor=\"middle\">score</text>\n";
  // Labels beside their lines: with both, each on its outer side (the mean's
  // to the left when it is the lower), so they never cover each other.
  const bool mean = s.scored > 0;
  const bool mean_left = thr && mean && s.mean < *thr;
  auto marker = [&](const char* cls, const char* id, double value, const std::string& text, const char* side) {
    const double x = xs(value);
    std::string anchor = "middle";
    double tx = std::clamp(x, x0 + 36, x1 - 36);
    if (std::string_view(side) == "left") anchor = "end", tx = x - 4;
    if (std::string_view(side) == "right") anchor = "start", tx = x + 4;
    out += "<line class=\"" + std::string(cls) + "\" x1=\"" + coord(x) + "\" x2=\"" + coord(x) + "\" y1=\"" +
           coord(label_y + 6) + "\" y2=\"" + coord(y1) + "\"/><text id=\"" + id + "\" x=\"" + coord(tx) + "\" y=\"" +
           coord(label_y) + "\" text-anchor=\"" + anchor + "\">" + text + "</text>\n";
  };
  if (mean) marker("mean", "hist-mean", s.mean, "mean " + detail::fixed3(s.mean), !thr ? "middle" : mean_left ? "left" : "right");
  if (thr) marker("thr", "hist-thr", *thr, "min " + detail::fixed3(*thr), !mean ? "middle" : mean_left ? "right" : "left");
  out += "</svg>\n<details class=\"data\"><summary>Show the numbers</summary><table><caption>Skills per score bin</caption>"
         "<thead><tr><th scope=\"col\">Score</th><th scope=\"col\" class=\"num\">Skills</th></tr></thead><tbody>\n";
  for (std::size_t k = 0; k < 10; ++k) {
    out += "<tr><th scope=\"row\">" + label(k) + (k == 9 ? " (1.0 included)" : "") + "</th><td class=\"num\">" +
           std::to_string(bins[k]) + "</td></tr>\n";
  }
  out += "</tbody></table></details></figure>\n";
}

void issues_chart(std::string& out, const Summary& s, const PageData& data) {
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
    if (auto r = data.find_rule(t.rule)) out += " data-r=\"" + std::to_string(*r) + "\"";
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

}  // namespace skillscore::report::html
