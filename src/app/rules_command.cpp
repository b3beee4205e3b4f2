#include "skillscore/app/rules_command.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/fix/fixes.hpp"
#include "skillscore/report/json_writer.hpp"
#include "skillscore/report/rule_docs.hpp"
#include "skillscore/rules/loader.hpp"

namespace skillscore::app {
namespace {

std::optional<rules::Profile> load(const RulesOptions& o) {
  std::string error;
  auto p = o.rules_file ? rules::load_profile_file(*o.rules_file, error) : rules::load_builtin_profile(o.profile, error);
  if (!p) spdlog::error("{}", error);
  return p;
}

// The weight of the score term a check stands for, if any.
std::optional<double> weight_of(const rules::Profile& p, const rules::Check& c) {
  if (c.scores < 0) return std::nullopt;
  for (const auto& t : p.score.terms) {
    if (t.metric == c.scores) return t.weight;
  }
  return std::nullopt;
}

std::string literal(const rules::Template& t, const rules::Profile& p) {
  std::string out;
  for (const auto& part : t.parts) out += part.metric >= 0 ? "{" + p.metrics[static_cast<std::size_t>(part.metric)].name + "}" : part.literal;
  return out;
}

}  // namespace

int run_rules(const RulesOptions& o, std::ostream& out) {
  const auto p = load(o);
  if (!p) return k_exit_error;
  if (o.format == ListingFormat::Json) {
    report::JsonWriter w(2);
    w.begin_object().key("profile").value(p->name).key("rules").begin_array();
    for (const auto& c : p->checks) {
      w.begin_object().key("id").value(c.id).key("slug").value(c.slug);
      w.key("severity").value(rules::kind_name(rules::severities(), c.severity));
      w.key("weight");
      if (auto wt = weight_of(*p, c)) w.value(*wt);
      else w.null();
      w.key("title").value(c.title).end_object();
    }
    for (const auto& d : assess::diagnostics()) {
      w.begin_object().key("id").value(d.id).key("slug").value(d.slug);
      w.key("severity").value(rules::kind_name(rules::severities(), d.severity)).key("weight").null();
      w.key("title").value(d.title).end_object();
    }
    w.end_array().end_object();
    out << w.take() << "\n";
    return k_exit_ok;
  }
  out << p->name << ": " << p->title << "\n\n";
  char buf[64];
  out << "id     severity  weight  slug                              title\n";
  for (const auto& c : p->checks) {
    const auto wt = weight_of(*p, c);
    std::snprintf(buf, sizeof buf, "%-6s %-9s %-7s ", c.id.c_str(),
                  std::string(rules::kind_name(rules::severities(), c.severity)).c_str(),
                  wt ? std::to_string(*wt).substr(0, 4).c_str() : "-");
    std::string slug = c.slug;
    slug.resize(std::max<std::size_t>(slug.size(), 33), ' ');
    out << buf << slug << " " << c.title << "\n";
  }
  out << "\nskillscore's own diagnostics (every profile):\n";
  for (const auto& d : assess::diagnostics()) {
    std::snprintf(buf, sizeof buf, "%-6s %-9s %-7s ", std::string(d.id).c_str(),
                  std::string(rules::kind_name(rules::severities(), d.severity)).c_str(), "-");
    std::string slug(d.slug);
    slug.resize(std::max<std::size_t>(slug.size(), 33), ' ');
    out << buf << slug << " " << d.title << "\n";
  }
  return k_exit_ok;
}

namespace {

bool explain_in(const rules::Profile& p, const std::string& id, std::ostream& out) {
  for (const auto& c : p.checks) {
    if (c.id != id && c.slug != id) continue;
    out << c.id << " " << c.slug << " (" << p.name << ", " << rules::kind_name(rules::severities(), c.severity)
        << ")\n\n" << c.title << ".\n";
    if (!c.doc.empty()) out << "\n" << c.doc << "\n";
    if (c.origin != p.name) out << "\nFrom the " << c.origin << " profile, which " << p.name << " includes.\n";
    if (auto wt = weight_of(p, c)) out << "\nWeight in the score: " << *wt << " (" << p.metrics[static_cast<std::size_t>(c.scores)].name << ")\n";
    out << "\nOutcomes, the first whose condition holds:\n";
    for (const auto& oc : c.outcomes) {
      out << "  " << (oc.kind == rules::OutcomeKind::Issue ? "issue    " : "strength ")
          << (oc.when ? "when " + oc.when->source() : std::string("otherwise")) << "\n    \"" << literal(oc.message, p) << "\"\n";
      if (oc.kind == rules::OutcomeKind::Issue) out << "    fix: " << literal(oc.recommendation, p) << "\n";
    }
    for (const auto kind : fix::fixes_for_rule(c.id)) {
      const auto& f = fix::fix_info(kind);
      out << "\nAutomatic fix: " << f.id << " " << f.slug << " (" << f.title
          << "): `skillscore fix`, or a code action of `skillscore lsp`\n";
    }
    out << "\nExamples: tests/fixtures/rules/" << c.origin << "/" << c.id << "/pass/ and " << c.id << "/fail/\n";
    out << "Page: " << report::rule_doc_path(c.id) << "\n";
    return true;
  }
  return false;
}

}  // namespace

int run_explain(const RulesOptions& o, const std::string& id, std::ostream& out) {
  const auto p = load(o);
  if (!p) return k_exit_error;
  if (explain_in(*p, id, out)) return k_exit_ok;
  for (const auto& d : assess::diagnostics()) {
    if (d.id != id && d.slug != id) continue;
    out << d.id << " " << d.slug << " (skillscore, " << rules::kind_name(rules::severities(), d.severity) << ")\n\n"
        << d.title << ".\n\nfix: " << d.recommendation << "\n" << "Page: " << report::rule_doc_path(d.id) << "\n";
    return k_exit_ok;
  }
  // No profile named: the rule may be another built-in profile's (ST021 is strict's).
  if (!o.profile_given && !o.rules_file) {
    for (const auto& name : rules::builtin_profile_names()) {
      if (name == p->name) continue;
      std::string error;
      const auto other = rules::load_builtin_profile(name, error);
      if (other && explain_in(*other, id, out)) return k_exit_ok;
    }
    spdlog::error("no rule '{}' in any built-in profile (see `skillscore rules --profile P`)", id);
    return k_exit_error;
  }
  spdlog::error("no rule '{}' in profile {} (see `skillscore rules --profile {}`)", id, p->name, p->name);
  return k_exit_error;
}

}  // namespace skillscore::app
