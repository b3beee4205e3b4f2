#include "skillscore/app/cli_values.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

namespace skillscore::app {

std::optional<double> parse_unit_interval(std::string_view text) {
  const std::string s(text);
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front()))) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (*end || !(d >= 0.0 && d <= 1.0)) return std::nullopt;  // NaN fails both comparisons
  return d;
}

namespace {

// The units a size may end with (upper-cased), and the power of two each is.
struct SizeUnit {
  std::string_view name;
  unsigned shift;
};
constexpr SizeUnit k_size_units[] = {
    {"", 0},    {"B", 0},    {"K", 10},   {"KB", 10}, {"KIB", 10}, {"M", 20},
    {"MB", 20}, {"MIB", 20}, {"G", 30},   {"GB", 30}, {"GIB", 30},
};

}  // namespace

std::optional<std::uintmax_t> parse_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 19) return std::nullopt;
  std::uintmax_t n = 0;
  for (std::size_t i = 0; i < digits; ++i) n = n * 10 + static_cast<std::uintmax_t>(text[i] - '0');
  std::string unit(text.substr(digits));
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto u = std::find_if(std::begin(k_size_units), std::end(k_size_units),
                              [&](const SizeUnit& s) { return s.name == unit; });
  if (u == std::end(k_size_units)) return std::nullopt;
  const unsigned shift = u->shift;
  if (n > (std::numeric_limits<std::uintmax_t>::max() >> shift)) return std::nullopt;
  return n << shift;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string_view> nearest(std::string_view word, std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_d = 3;
  for (auto c : candidates) {
    const std::size_t d = c.rfind(word, 0) == 0 && !word.empty() ? 1 : edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace skillscore::app
