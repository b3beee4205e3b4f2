#include "html_format.hpp"

#include <cmath>
#include <cstdio>

namespace skillscore::report::html {

const char* rating_class(score::Rating r) {
  switch (r) {
    case score::Rating::Excellent: return "e";
    case score::Rating::Good: return "g";
    case score::Rating::NeedsImprovement: return "n";
    case score::Rating::Poor: return "p";
  }
  return "p";
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string coord(double v) {
  std::string s = fmt("%.1f", v);
  if (s == "-0.0") s = "0.0";
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string percent(std::size_t part, std::size_t whole) {
  if (!whole) return "0%";
  return fmt("%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole)) + "%";
}

std::string signed_delta(double d) {
  if (d == 0.0) return "0.000";
  return fmt("%+.3f", d);
}

std::string truncate(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

double nice_step(double x) {
  if (x <= 1.0) return 1.0;
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= x) return m * p;
  }
  return 10.0 * p;
}

}  // namespace skillscore::report::html
