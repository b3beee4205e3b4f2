#include "skillscore/app/config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>

#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;
namespace {

struct ConfigError {
  std::string message;
};

class ConfigReader {
 public:
  explicit ConfigReader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const {
    throw ConfigError{source_ + ":" + std::to_string(n.Mark().line + 1) + ": " + msg};
  }
  std::string scalar(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n, what + " must be a single value");
    return n.Scalar();
  }
  double number(const YAML::Node& n, const std::string& what, double lo, double hi) const {
    const std::string s = scalar(n, what);
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || *end || d < lo || d > hi) {
      fail(n, what + " must be a number from " + std::to_string(lo).substr(0, 3) + " to " + std::to_string(hi).substr(0, 3));
    }
    return d;
  }
  std::vector<std::string> strings(const YAML::Node& n, const std::string& what) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
      for (const auto& x : n) out.push_back(scalar(x, what));
    } else {
      fail(n, what + " must be a pattern or a list of patterns");
    }
    return out;
  }
  rules::Severity severity(const YAML::Node& n) const {
    const std::string s = scalar(n, "severity");
    if (auto v = rules::kind_from_name(rules::severities(), s)) return *v;
    fail(n, "unknown severity '" + s + "' (one of: error, warning, info)");
  }
  void allow(const YAML::Node& n, std::initializer_list<std::string_view> keys) const {
    for (const auto& kv : n) {
      const std::string k = kv.first.Scalar();
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        std::string list;
        for (auto key : keys) list += (list.empty() ? "" : ", ") + std::string(key);
        fail(kv.first, "unknown key '" + k + "' (allowed: " + list + ")");
      }
    }
  }

  Config read(const YAML::Node& root) {
    Config c;
    if (root.IsNull()) return c;
    if (!root.IsMap()) fail(root, "the configuration must be a mapping");
    allow(root, {"profile", "rules", "min-score", "min-mean", "fail-on", "include", "exclude", "overrides", "params"});
    if (root["profile"]) c.profile = scalar(root["profile"], "profile");
    if (root["rules"]) c.rules = scalar(root["rules"], "rules");
    if (root["min-score"]) c.min_score = number(root["min-score"], "min-score", 0.0, 1.0);
    if (root["min-mean"]) c.min_mean = number(root["min-mean"], "min-mean", 0.0, 1.0);
    if (root["fail-on"]) {
      if (scalar(root["fail-on"], "fail-on") == "none") c.fail_on_none = true;
      else c.fail_on = severity(root["fail-on"]);
    }
    if (root["include"]) c.include = strings(root["include"], "include");
    if (root["exclude"]) c.exclude = strings(root["exclude"], "exclude");
    if (root["overrides"]) {
      const YAML::Node o = root["overrides"];
      if (!o.IsMap()) fail(o, "overrides must map rule ids (or slugs) to settings");
      for (const auto& kv : o) {
        const std::string rule = kv.first.Scalar();
        const YAML::Node v = kv.second;
        if (!v.IsMap()) fail(v, "the override of " + rule + " must be a mapping (enabled, severity, weight)");
        allow(v, {"enabled", "severity", "weight"});
        RuleOverride r;
        r.line = static_cast<std::size_t>(kv.first.Mark().line + 1);
        if (v["enabled"]) {
          const std::string e = scalar(v["enabled"], "enabled");
          if (e != "true" && e != "false") fail(v["enabled"], "enabled must be true or false");
          r.enabled = e == "true";
        }
        if (v["severity"]) r.severity = severity(v["severity"]);
        if (v["weight"]) r.weight = number(v["weight"], "weight", 0.0, 100.0);
        c.overrides[rule] = r;
      }
    }
    if (root["params"]) {
      const YAML::Node p = root["params"];
      if (!p.IsMap()) fail(p, "params must map names of the profile's param metrics to numbers");
      for (const auto& kv : p) {
        c.params[kv.first.Scalar()] = {number(kv.second, kv.first.Scalar(), 0.0, 1e12),
                                       static_cast<std::size_t>(kv.first.Mark().line + 1)};
      }
    }
    return c;
  }

 private:
  std::string source_;
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
  try {
    Config c = ConfigReader(file.string()).read(YAML::Load(r.data));
    c.file = file;
    return c;
  } catch (const ConfigError& e) {
    error = e.message;
  } catch (const YAML::Exception& e) {
    error = file.string() + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg;
  }
  return std::nullopt;
}

}  // namespace skillscore::app
