#include "skillscore/app/baseline.hpp"

#include <nlohmann/json.hpp>

#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace {

void take(const nlohmann::json& rec, std::map<std::string, double>& out) {
  if (!rec.is_object() || !rec.contains("path") || !rec["path"].is_string()) return;
  if (rec.contains("score") && rec["score"].is_number()) {
    out[rec["path"].get<std::string>()] = rec["score"].get<double>();
  } else if (rec.contains("deterministic_metrics") && rec["deterministic_metrics"].contains("deterministic_score")) {
    out[rec["path"].get<std::string>()] = rec["deterministic_metrics"]["deterministic_score"].get<double>();
  }
}

}  // namespace

std::optional<std::map<std::string, double>> load_baseline(const std::filesystem::path& file, std::string& error) {
  auto r = util::read_file(file, 1ull << 32);
  if (!r.ok) {
    error = file.string() + ": " + r.error;
    return std::nullopt;
  }
  std::map<std::string, double> out;
  // A --format json document, or JSON Lines.
  const auto first = r.data.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && r.data[first] == '{' && r.data.find("\"assessments\"") != std::string::npos) {
    try {
      const auto doc = nlohmann::json::parse(r.data);
      if (doc.contains("assessments") && doc["assessments"].is_array()) {
        for (const auto& a : doc["assessments"]) take(a, out);
        return out;
      }
    } catch (const nlohmann::json::exception&) {
      // fall through to JSON Lines
    }
  }
  std::size_t line_no = 0, start = 0;
  while (start < r.data.size()) {
    auto nl = r.data.find('\n', start);
    if (nl == std::string::npos) nl = r.data.size();
    ++line_no;
    const std::string_view line(r.data.data() + start, nl - start);
    start = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      take(nlohmann::json::parse(line), out);
    } catch (const nlohmann::json::exception& e) {
      error = file.string() + ":" + std::to_string(line_no) + ": not JSON (expected skillscore's jsonl output): " + e.what();
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace skillscore::app
