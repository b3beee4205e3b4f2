// skillscore._skillscore: the library for Python. Assessments cross as the
// JSON the CLI writes (json_report), so Python sees exactly the CLI's output
// and the float repr round-trips bit for bit.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "skillscore/assess/assess.hpp"
#include "skillscore/batch/runner.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/score/weights.hpp"

namespace py = pybind11;
using namespace skillscore;

namespace {

// A profile is loaded once per process (built-in name or rule file path).
const rules::Profile& cached_profile(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, rules::Profile> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::string error;
  const bool is_file = name.find('/') != std::string::npos || name.ends_with(".yaml") || name.ends_with(".yml");
  auto p = is_file ? rules::load_profile_file(name, error) : rules::load_builtin_profile(name, error);
  if (!p) throw py::value_error(error);
  return cache.emplace(name, std::move(*p)).first->second;
}

// The profile with a custom weight table applied, or the cached one.
const rules::Profile& with_weights(const rules::Profile& base, const std::optional<score::WeightTable>& weights,
                                   std::optional<rules::Profile>& storage) {
  if (!weights) return base;
  storage.emplace(base);
  score::apply_weights(*storage, *weights);
  return *storage;
}

std::string assess_text(const std::string& text, const std::string& profile_name,
                        const std::optional<score::WeightTable>& weights, const std::string& path) {
  const rules::Profile& base = cached_profile(profile_name);
  std::optional<rules::Profile> storage;
  const rules::Profile& profile = with_weights(base, weights, storage);
  const doc::Document document(path, text, profile.document.frontmatter, profile.document.yaml);
  return report::assessment_json(assess::assess(profile, document), 0);
}

std::string assess_file(const std::string& path, const std::string& profile_name,
                        const std::optional<score::WeightTable>& weights) {
  const rules::Profile& base = cached_profile(profile_name);
  std::optional<rules::Profile> storage;
  const rules::Profile& profile = with_weights(base, weights, storage);
  batch::FileResult r = batch::score_file(profile, path, batch::RunOptions{});
  if (r.error) throw py::value_error(r.error->path + ": " + r.error->message);
  return report::assessment_json(*r.assessment, 0);
}

// The keys a weight table may set: the score terms' metric names, in order.
std::vector<std::string> score_terms(const std::string& profile_name) {
  const rules::Profile& p = cached_profile(profile_name);
  std::vector<std::string> out;
  for (const auto& t : p.score.terms) out.push_back(p.metrics[static_cast<std::size_t>(t.metric)].name);
  return out;
}

}  // namespace

PYBIND11_MODULE(_skillscore, m) {
  doc::register_markdown_extensions();
  m.doc() = "skillscore's scoring library (use the skillscore package, not this module)";
  m.attr("__version__") = SKILLSCORE_VERSION;
  m.def("assess_text", &assess_text, py::arg("text"), py::arg("profile"), py::arg("weights"), py::arg("path"),
        "Assess a skill's text; the assessment as JSON.");
  m.def("assess_file", &assess_file, py::arg("path"), py::arg("profile"), py::arg("weights"),
        "Read and assess a skill file, as the CLI does; the assessment as JSON.");
  m.def("score_terms", &score_terms, py::arg("profile"), "The metric names a weight table may set.");
}
