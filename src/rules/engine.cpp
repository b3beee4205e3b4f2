#include "skillscore/rules/engine.hpp"

#include <tuple>

namespace skillscore::rules {
namespace {

std::pair<std::size_t, std::size_t> locate(const Locate& l, const MetricResults& metrics, const doc::Document& document) {
  switch (l.kind) {
    case LocateKind::None: return {0, 0};
    case LocateKind::FrontmatterKey: {
      const auto& fm = document.frontmatter();
      const auto* e = fm.data.entry(l.key);
      return e ? fm.position(e->first) : std::pair<std::size_t, std::size_t>{0, 0};
    }
    case LocateKind::FirstMatch: {
      const auto m = static_cast<std::size_t>(l.metric);
      return {metrics.first_line[m], metrics.first_column[m]};
    }
  }
  return {0, 0};
}

}  // namespace

std::string render(const Template& t, const std::vector<Value>& values) {
  std::string out;
  for (const auto& part : t.parts) {
    if (part.metric >= 0) out += value_to_text(values[static_cast<std::size_t>(part.metric)]);
    else out += part.literal;
  }
  return out;
}

std::vector<Finding> evaluate_checks(const Profile& profile, const MetricResults& metrics, const doc::Document& document) {
  std::vector<Finding> out;
  out.reserve(profile.checks.size());  // at most one finding per check
  for (std::size_t c = 0; c < profile.checks.size(); ++c) {
    if (!profile.checks[c].enabled) continue;
    for (const Outcome& o : profile.checks[c].outcomes) {
      if (o.when && !o.when->eval(metrics.values).b) continue;
      Finding f;
      f.check = static_cast<int>(c);
      f.kind = o.kind;
      f.severity = o.severity;
      f.message = render(o.message, metrics.values);
      f.recommendation = render(o.recommendation, metrics.values);
      std::tie(f.line, f.column) = locate(o.locate, metrics, document);
      out.push_back(std::move(f));
      break;
    }
  }
  return out;
}

}  // namespace skillscore::rules
