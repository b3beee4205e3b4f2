#include "skillscore/assess/suppressions.hpp"

#include <algorithm>
#include <map>
#include <span>
#include <vector>

#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/rules/kinds.hpp"

namespace skillscore::assess {
namespace {

enum class Directive { Disable, Enable, DisableNextLine };

// The comments' first words (`<!-- skillscore-disable SF012 -->`).
constexpr rules::KindInfo<Directive> k_directives[] = {
    {Directive::Disable, "skillscore-disable", "the rules named (else all) are off until enabled"},
    {Directive::Enable, "skillscore-enable", "the rules named (else all) are on again"},
    {Directive::DisableNextLine, "skillscore-disable-next-line", "the rules named (else all) are off on the next line"},
};

struct Found {
  Directive kind;
  std::size_t line;
  std::vector<std::string> rules;  // empty: all
};

std::vector<Found> find_directives(std::string_view text) {
  std::vector<Found> out;
  std::size_t line = 1, pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("<!--", pos);
    if (open == std::string_view::npos) break;
    line += static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(pos), text.begin() + static_cast<long>(open), '\n'));
    const auto close = text.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    std::string_view body = text.substr(open + 4, close - open - 4);
    auto words = [](std::string_view s) {
      std::vector<std::string> w;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ',')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != ',') ++j;
        if (j > i) w.emplace_back(s.substr(i, j - i));
        i = j;
      }
      return w;
    };
    auto w = words(body);
    if (!w.empty()) {
      const auto kind = rules::kind_from_name(std::span<const rules::KindInfo<Directive>>(k_directives), w[0]);
      if (kind) out.push_back({*kind, line, std::vector<std::string>(w.begin() + 1, w.end())});
    }
    line += static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(open), text.begin() + static_cast<long>(close), '\n'));
    pos = close + 3;
  }
  return out;
}

bool names(const std::vector<std::string>& rules, const Issue& i) {
  return rules.empty() || std::find(rules.begin(), rules.end(), i.rule) != rules.end() ||
         std::find(rules.begin(), rules.end(), i.slug) != rules.end();
}

// Whether `issue` is suppressed, replaying the directives in order.
bool suppressed(const std::vector<Found>& directives, const Issue& issue) {
  bool disabled = false;
  for (const auto& d : directives) {
    if (!names(d.rules, issue)) continue;
    if (issue.line && d.line > issue.line) break;
    if (d.kind == Directive::DisableNextLine) {
      if (issue.line && d.line + 1 == issue.line) return true;
      continue;
    }
    disabled = d.kind == Directive::Disable;
  }
  return disabled;
}

}  // namespace

void apply_suppressions(std::string_view text, const std::set<std::string>& known, Assessment& a) {
  const auto directives = find_directives(text);
  if (directives.empty()) return;
  std::erase_if(a.issues, [&](const Issue& i) { return suppressed(directives, i); });
  const auto& info = diagnostic_info(Diagnostic::UnknownSuppression);
  for (const auto& d : directives) {
    for (const auto& r : d.rules) {
      if (known.count(r)) continue;
      a.issues.push_back({std::string(info.id), std::string(info.slug), info.severity,
                          std::string(info.title) + ": '" + r + "'", d.line, std::string(info.recommendation), 0});
    }
  }
}

}  // namespace skillscore::assess
