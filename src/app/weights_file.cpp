#include "skillscore/app/weights_file.hpp"

#include <cmath>
#include <cstdlib>

#include "skillscore/rules/rule_node.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace {

std::string at(const std::string& source, const rules::RuleNode& n) {
  return source + ":" + std::to_string(n.line() + 1) + ": ";
}

// A plain scalar that reads whole as a finite number (JSON's and YAML's
// spellings; a quoted "0.1" is a string to both).
std::optional<double> plain_number(const rules::RuleNode& n) {
  if (!n.IsScalar() || n.Quoted()) return std::nullopt;
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
  const auto root = rules::RuleNode::load(file.data, source, "JSON or YAML", error);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    error = source + ": the weights must be a mapping from metric names to numbers, e.g. {\"pattern_count\": 0.1}";
    return std::nullopt;
  }
  score::WeightTable table;
  for (std::size_t i = 0; i < root->size(); ++i) {
    const rules::RuleNode& key = root->key(i);
    const rules::RuleNode& value = root->value(i);
    if (!key.IsScalar()) {
      error = at(source, key) + "a key must be a metric name";
      return std::nullopt;
    }
    const auto w = plain_number(value);
    if (!w) {
      error = at(source, value) + "the weight of '" + key.Scalar() + "' must be a finite number";
      return std::nullopt;
    }
    table[key.Scalar()] = *w;
  }
  return table;
}

}  // namespace skillscore::app
