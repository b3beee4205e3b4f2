#include "skillscore/assess/assess.hpp"

#include <algorithm>

#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/rules/engine.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/score/scorer.hpp"

namespace skillscore::assess {
namespace {

void add_frontmatter_diagnostic(const doc::Frontmatter& fm, Assessment& a) {
  if (fm.state != doc::FrontmatterState::YamlError && fm.state != doc::FrontmatterState::Unusable) return;
  const auto& info = diagnostic_info(fm.state == doc::FrontmatterState::YamlError ? Diagnostic::FrontmatterYamlError
                                                                                  : Diagnostic::FrontmatterUnusable);
  Issue issue;
  issue.rule = std::string(info.id);
  issue.slug = std::string(info.slug);
  issue.severity = info.severity;
  const std::string_view title = fm.own_limit && !info.limit_title.empty() ? info.limit_title : info.title;
  issue.message = std::string(title) + " (" + fm.message + ")";
  issue.line = fm.line;
  issue.recommendation = std::string(info.recommendation);
  a.issues.push_back(std::move(issue));
}

std::vector<std::pair<std::string, OutputValue>> outputs(const std::vector<rules::OutputField>& fields,
                                                                 const rules::MetricResults& metrics,
                                                                 const Assessment& a,
                                                                 const std::vector<std::string>& profile_issues) {
  std::vector<std::pair<std::string, OutputValue>> out;
  out.reserve(fields.size());
  for (const auto& f : fields) {
    OutputValue v;
    switch (f.source) {
      case rules::OutputSource::Metric: v.value = metrics.values[static_cast<std::size_t>(f.metric)]; break;
      case rules::OutputSource::Score: v.value = rules::Value::real(a.score.score); break;
      case rules::OutputSource::Issues:
        v.is_list = true;
        v.list = profile_issues;
        break;
      case rules::OutputSource::Strengths:
        v.is_list = true;
        v.list = a.strengths;
        break;
    }
    out.emplace_back(f.key, std::move(v));
  }
  return out;
}

}  // namespace

Assessment assess(const rules::Profile& profile, const doc::Document& document, rules::EvalOptions options) {
  Assessment a;
  a.path = document.path();
  a.profile = profile.name;
  const rules::MetricResults metrics = rules::evaluate_metrics(profile, document, options);
  std::vector<rules::Finding> findings = rules::evaluate_checks(profile, metrics, document);
  a.score = score::compute_score(profile.score, metrics.values);
  // A profile that reads the frontmatter's state reports its errors itself.
  const bool profile_reports_frontmatter =
      std::any_of(profile.metrics.begin(), profile.metrics.end(), [](const rules::MetricDef& m) {
        const auto* d = std::get_if<rules::DocumentPropertySpec>(&m.spec);
        return d && (d->property == rules::DocumentProperty::FrontmatterState ||
                     d->property == rules::DocumentProperty::FrontmatterError);
      });
  if (!profile_reports_frontmatter) add_frontmatter_diagnostic(document.frontmatter(), a);
  // The findings' texts are moved, not copied: they are not read again.
  std::vector<std::string> profile_issues;
  profile_issues.reserve(findings.size());
  a.issues.reserve(a.issues.size() + findings.size());
  for (auto& f : findings) {
    if (f.kind == rules::OutcomeKind::Strength) {
      a.strengths.push_back(std::move(f.message));
      continue;
    }
    const auto& check = profile.checks[static_cast<std::size_t>(f.check)];
    profile_issues.push_back(f.message);
    a.issues.push_back({check.id, check.slug, f.severity, std::move(f.message), f.line, std::move(f.recommendation), f.column});
  }
  a.metrics = outputs(profile.report.metrics, metrics, a, profile_issues);
  a.deterministic_metrics = outputs(profile.report.deterministic_metrics, metrics, a, profile_issues);
  return a;
}

}  // namespace skillscore::assess
