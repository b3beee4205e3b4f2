#include "report_util.hpp"

#include <cstdio>

namespace skillscore::report::detail {

std::string fixed3(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  return buf;
}

std::string_view severity_name(rules::Severity s) { return rules::kind_name(rules::severities(), s); }

std::string issue_line(std::string_view path, const Issue& issue) {
  std::string out(path);
  if (issue.line) {
    out += ':';
    out += std::to_string(issue.line);
  }
  out += ": ";
  out += issue.rule;
  out += ' ';
  out += severity_name(issue.severity);
  out += ": ";
  out += issue.message;
  return out;
}

std::string forward_slashes(std::string_view path) {
  std::string out(path);
#ifdef _WIN32
  for (char& c : out) {
    if (c == '\\') c = '/';
  }
#endif
  return out;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string hex64(std::uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

std::string count_noun(std::size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace skillscore::report::detail
