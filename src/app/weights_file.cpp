#include "skillscore/app/weights_file.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdlib>

#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace {

std::string at(const std::string& source, const YAML::Node& n) {
  return source + ":" + std::to_string(n.Mark().line + 1) + ": ";
}

// A plain scalar that reads whole as a finite number (JSON's and YAML's
// spellings; a quoted "0.1" is a string to both).
std::optional<double> plain_number(const YAML::Node& n) {
  if (!n.IsScalar() || n.Tag() == "!") return std::nullopt;
  const std::string& s = n.Scalar();
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (*end || !std::isfinite(d)) return std::nullopt;
  return d;
}

}  // namespace

std::optional<score::WeightTable> load_weights_file(const std::filesystem::path& path, std::string& error) {
  const std::string source = path.string();
  auto file = util::read_file(path, 1 << 20);
  if (!file.ok) {
    error = source + ": " + file.error;
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(file.data);
  } catch (const YAML::Exception& e) {
    error = source + ":" + std::to_string(e.mark.line + 1) + ": not valid JSON or YAML: " + e.msg;
    return std::nullopt;
  }
  if (!root.IsMap()) {
    error = source + ": the weights must be a mapping from metric names to numbers, e.g. {\"pattern_count\": 0.1}";
    return std::nullopt;
  }
  score::WeightTable table;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) {
      error = at(source, kv.first) + "a key must be a metric name";
      return std::nullopt;
    }
    const auto w = plain_number(kv.second);
    if (!w) {
      error = at(source, kv.second) + "the weight of '" + kv.first.Scalar() + "' must be a finite number";
      return std::nullopt;
    }
    table[kv.first.Scalar()] = *w;
  }
  return table;
}

}  // namespace skillscore::app
