#include "skillscore/rules/scope_scan.hpp"

#include "skillscore/rules/profile.hpp"

namespace skillscore::rules {
namespace {

// Patterns Vectorscan is trusted with: no unbounded gap of any character,
// no lazy repetition (the shapes of the misses of 5.4.9; see presence.cpp).
bool scannable(const Regex& re) {
  for (const std::string* p : {&re.re2_pattern(), &re.ascii_pattern()}) {
    for (std::string_view bad : {".*", ".+", "*?", "+?", "}?"}) {
      if (p->find(bad) != std::string::npos) return false;
    }
  }
  return true;
}

}  // namespace

std::shared_ptr<const ScopeScan> ScopeScan::build(const Profile& profile, bool compile_if_missing) {
  auto scan = std::make_shared<ScopeScan>();
  scan->compile_if_missing_ = compile_if_missing;
  scan->metric_group_.assign(profile.metrics.size(), -1);
  scan->metric_slots_.resize(profile.metrics.size());
  auto group_of = [&](Scope scope, HeadingLevels levels) {
    for (std::size_t g = 0; g < scan->groups_.size(); ++g) {
      if (scan->groups_[g]->scope == scope && scan->groups_[g]->levels == levels) return static_cast<int>(g);
    }
    auto g = std::make_unique<Group>();
    g->scope = scope;
    g->levels = levels;
    scan->groups_.push_back(std::move(g));
    return static_cast<int>(scan->groups_.size()) - 1;
  };
  bool any = false;
  for (std::size_t m = 0; m < profile.metrics.size(); ++m) {
    const auto& spec = profile.metrics[m].spec;
    const std::vector<Regex>* patterns = nullptr;
    Scope scope = Scope::Body;
    HeadingLevels levels = 0;
    if (const auto* f = std::get_if<FindSpec>(&spec)) {
      patterns = &f->patterns;
      scope = f->scope;
      levels = f->levels;
    } else if (const auto* s = std::get_if<SearchSpec>(&spec); s && s->scope != Scope::Body) {
      patterns = &s->patterns;
      scope = s->scope;
      levels = s->levels;
    }
    if (!patterns) continue;
    auto& slots = scan->metric_slots_[m];
    slots.assign(patterns->size(), -1);
    for (std::size_t k = 0; k < patterns->size(); ++k) {
      const Regex& re = (*patterns)[k];
      if (!scannable(re)) continue;
      const int g = group_of(scope, levels);
      Group& group = *scan->groups_[static_cast<std::size_t>(g)];
      scan->metric_group_[m] = g;
      slots[k] = static_cast<int>(group.ascii.size());
      group.exact.push_back(re.re2_pattern());
      group.ascii.push_back(re.ascii_pattern());
      any = true;
    }
  }
  if (!any) return nullptr;
  return scan;
}

int ScopeScan::group(int metric) const { return metric_group_[static_cast<std::size_t>(metric)]; }

int ScopeScan::slot(int metric, int pattern) const {
  const auto& v = metric_slots_[static_cast<std::size_t>(metric)];
  return pattern < static_cast<int>(v.size()) ? v[static_cast<std::size_t>(pattern)] : -1;
}

const VectorscanSet* ScopeScan::vectorscan(int group, util::UnicodeClasses classes) const {
  const Group& g = *groups_[static_cast<std::size_t>(group)];
  if (classes == util::UnicodeClasses::Unneeded) {
    std::call_once(g.once_ascii, [&] { g.vs_ascii = VectorscanSet::build(g.ascii, compile_if_missing_); });
    return g.vs_ascii.get();
  }
  std::call_once(g.once_exact,
                 [&] { g.vs_exact = VectorscanSet::build(g.exact, compile_if_missing_, VectorscanTexts::Any); });
  return g.vs_exact.get();
}

bool ScopeScan::scan(int group, std::string_view text, util::UnicodeClasses classes, std::vector<bool>& may) const {
  classes = util::resolve_unicode_classes(classes, text);
  const VectorscanSet* vs = vectorscan(group, classes);
  if (!vs) return false;
  const std::size_t n = size(group);
  thread_local std::vector<bool> hits;
  hits.assign(n, false);
  if (!vs->scan(text, hits)) return false;
  may.assign(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    if (vs->covers(i)) may[i] = hits[i];
  }
  return true;
}

}  // namespace skillscore::rules
