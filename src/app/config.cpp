#include "skillscore/app/config.hpp"

#include <cstdlib>

#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/rule_reader.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;
namespace {

// Through the rule files' reader (rules::RuleReader over rules::RuleNode): the
// same file:line errors; only the messages that say "value" rather than "scalar" are its own.
class ConfigReader : public rules::RuleReader {
 public:
  explicit ConfigReader(std::string source) : RuleReader(std::move(source)) {}

  std::string scalar(const rules::RuleNode& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n, what + " must be a single value");
    return n.Scalar();
  }
  double number(const rules::RuleNode& n, const std::string& what, double lo, double hi) const {
    const std::string s = scalar(n, what);
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || *end || d < lo || d > hi) {
      fail(n, what + " must be a number from " + std::to_string(lo).substr(0, 3) + " to " + std::to_string(hi).substr(0, 3));
    }
    return d;
  }
  std::vector<std::string> strings(const rules::RuleNode& n, const std::string& what) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
      for (const auto& x : n.items()) out.push_back(scalar(x, what));
    } else {
      fail(n, what + " must be a pattern or a list of patterns");
    }
    return out;
  }
  rules::Severity severity(const rules::RuleNode& n) const {
    const std::string s = scalar(n, "severity");
    if (auto v = rules::kind_from_name(rules::severities(), s)) return *v;
    fail(n, "unknown severity '" + s + "' (one of: " + rules::kind_names(rules::severities()) + ")");
  }
  // A built-in profile's name, checked here so that the error has this file's line.
  std::string profile(const rules::RuleNode& n) const {
    const std::string name = scalar(n, "profile");
    std::string known;
    for (const auto& f : rules::embedded_rule_files()) {
      if (f.profile == name) return name;
      known += (known.empty() ? "" : ", ") + std::string(f.profile);
    }
    fail(n, "unknown profile '" + name + "' (built-in: " + known + "; a rule file goes in `rules:`)");
  }

  Config read(const rules::RuleNode& root) {
    Config c;
    if (root.IsNull()) return c;
    if (!root.IsMap()) fail(root, "the configuration must be a mapping");
    allow_keys(root, {"profile", "rules", "min-score", "min-mean", "fail-on", "include", "exclude", "overrides", "params"});
    if (root["profile"].IsDefined()) c.profile = profile(root["profile"]);
    if (root["rules"].IsDefined()) c.rules = scalar(root["rules"], "rules");
    if (root["min-score"].IsDefined()) c.min_score = number(root["min-score"], "min-score", 0.0, 1.0);
    if (root["min-mean"].IsDefined()) c.min_mean = number(root["min-mean"], "min-mean", 0.0, 1.0);
    if (root["fail-on"].IsDefined()) {
      // Not enum_value: this reader's scalar() says "a single value".
      const std::string f = scalar(root["fail-on"], "fail-on");
      if (auto v = rules::kind_from_name(fail_on_levels(), f)) c.fail_on = *v;
      else fail(root["fail-on"], "unknown fail-on '" + f + "' (one of: " + rules::kind_names(fail_on_levels()) + ")");
    }
    if (root["include"].IsDefined()) c.include = strings(root["include"], "include");
    if (root["exclude"].IsDefined()) c.exclude = strings(root["exclude"], "exclude");
    if (root["overrides"].IsDefined()) {
      const rules::RuleNode& o = root["overrides"];
      if (!o.IsMap()) fail(o, "overrides must map rule ids (or slugs) to settings");
      for (std::size_t i = 0; i < o.size(); ++i) {
        const std::string rule = o.key(i).Scalar();
        const rules::RuleNode& v = o.value(i);
        if (!v.IsMap()) fail(v, "the override of " + rule + " must be a mapping (enabled, severity, weight)");
        allow_keys(v, {"enabled", "severity", "weight"});
        RuleOverride r;
        r.line = static_cast<std::size_t>(o.key(i).line() + 1);
        if (v["enabled"].IsDefined()) {
          const std::string e = scalar(v["enabled"], "enabled");
          if (e != "true" && e != "false") fail(v["enabled"], "enabled must be true or false");
          r.enabled = e == "true";
        }
        if (v["severity"].IsDefined()) r.severity = severity(v["severity"]);
        if (v["weight"].IsDefined()) r.weight = number(v["weight"], "weight", 0.0, 100.0);
        c.overrides[rule] = r;
      }
    }
    if (root["params"].IsDefined()) {
      const rules::RuleNode& p = root["params"];
      if (!p.IsMap()) fail(p, "params must map names of the profile's param metrics to numbers");
      for (std::size_t i = 0; i < p.size(); ++i) {
        const std::string name = p.key(i).Scalar();
        c.params[name] = {number(p.value(i), name, 0.0, 1e12), static_cast<std::size_t>(p.key(i).line() + 1)};
      }
    }
    return c;
  }

};

}  // namespace

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    const fs::path candidate = dir / k_config_file_name;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::optional<Config> load_config(const fs::path& file, std::string& error) {
  auto r = util::read_file(file, 1 << 20);
  if (!r.ok) {
    error = file.string() + ": " + r.error;
    return std::nullopt;
  }
  const auto root = rules::RuleNode::load(r.data, file.string(), "YAML", error);
  if (!root) return std::nullopt;
  try {
    Config c = ConfigReader(file.string()).read(*root);
    c.file = file;
    return c;
  } catch (const rules::RuleFileError& e) {
    error = e.message;
  }
  return std::nullopt;
}

}  // namespace skillscore::app
