#include "skillscore/rules/engine.hpp"

namespace skillscore::rules {
namespace {

std::size_t locate(const Locate& l, const MetricResults& metrics, const doc::Document& document) {
  switch (l.kind) {
    case LocateKind::None: return 0;
    case LocateKind::FrontmatterKey: return document.frontmatter().key_line(l.key).value_or(0);
    case LocateKind::FirstMatch: return metrics.first_line[static_cast<std::size_t>(l.metric)];
  }
  return 0;
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
      f.line = locate(o.locate, metrics, document);
      out.push_back(std::move(f));
      break;
    }
  }
  return out;
}

}  // namespace skillscore::rules
