#include "skillscore/fix/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace skillscore::fix {
namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto nl = s.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    out.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

enum class Op : unsigned char { Equal, Delete, Insert };

// Myers' O(ND) shortest edit script of a[ab..ae) into b[bb..be). Past
// `max_d` edits (a rewritten file: its trace would grow as D squared) it
// answers "delete all, insert all", which is still a correct diff.
void myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t ab,
           std::size_t ae, std::size_t bb, std::size_t be, std::vector<Op>& ops) {
  const auto n = static_cast<std::int64_t>(ae - ab), m = static_cast<std::int64_t>(be - bb);
  const std::int64_t max_d = std::min<std::int64_t>(n + m, 1000);
  const std::int64_t off = max_d + 1;
  std::vector<std::int64_t> v(static_cast<std::size_t>(2 * off + 1), 0);
  std::vector<std::vector<std::int64_t>> trace;
  std::int64_t found = -1;
  for (std::int64_t d = 0; d <= max_d && found < 0; ++d) {
    // Only diagonals -d..d can be read back from this step.
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    for (std::int64_t k = -d; k <= d; k += 2) {
      std::int64_t x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
      std::int64_t y = x - k;
      while (x < n && y < m && a[ab + static_cast<std::size_t>(x)] == b[bb + static_cast<std::size_t>(y)]) ++x, ++y;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    ops.insert(ops.end(), static_cast<std::size_t>(n), Op::Delete);
    ops.insert(ops.end(), static_cast<std::size_t>(m), Op::Insert);
    return;
  }
  // Walk the trace back from (n, m).
  std::vector<Op> rev;
  std::int64_t x = n, y = m;
  for (std::int64_t d = found; d > 0; --d) {
    const auto& pv = trace[static_cast<std::size_t>(d)];
    auto at = [&](std::int64_t k) { return pv[static_cast<std::size_t>(k + d)]; };
    const std::int64_t k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const std::int64_t pk = down ? k + 1 : k - 1;
    const std::int64_t px = at(pk), py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      rev.push_back(Op::Equal);
      --x, --y;
    }
    rev.push_back(down ? Op::Insert : Op::Delete);
    x = px, y = py;
  }
  while (x > 0 && y > 0) {
    rev.push_back(Op::Equal);
    --x, --y;
  }
  ops.insert(ops.end(), rev.rbegin(), rev.rend());
}

void put_line(std::string& out, char sign, std::string_view line) {
  out += sign;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view before_name,
                         std::string_view after_name, std::size_t context) {
  if (before == after) return {};
  const auto a = lines_of(before), b = lines_of(after);
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  std::vector<Op> ops(pre, Op::Equal);
  myers(a, b, pre, a.size() - suf, pre, b.size() - suf, ops);
  ops.insert(ops.end(), suf, Op::Equal);

  std::string out = "--- " + std::string(before_name) + "\n+++ " + std::string(after_name) + "\n";
  // Hunks: changes closer than 2 * context lines share one.
  std::size_t i = 0;
  std::vector<std::size_t> ai(ops.size() + 1), bi(ops.size() + 1);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    ai[k + 1] = ai[k] + (ops[k] != Op::Insert);
    bi[k + 1] = bi[k] + (ops[k] != Op::Delete);
  }
  while (i < ops.size()) {
    if (ops[i] == Op::Equal) {
      ++i;
      continue;
    }
    const std::size_t start = i >= context ? i - context : 0;
    std::size_t end = i;  // one past the last change of the hunk
    std::size_t j = i;
    while (j < ops.size()) {
      if (ops[j] != Op::Equal) {
        end = j + 1;
        ++j;
        continue;
      }
      std::size_t run = j;
      while (run < ops.size() && ops[run] == Op::Equal) ++run;
      if (run == ops.size() || run - j > 2 * context) break;
      j = run;
    }
    const std::size_t stop = std::min(ops.size(), end + context);
    out += "@@ -" + range(ai[start], ai[stop] - ai[start]) + " +" + range(bi[start], bi[stop] - bi[start]) + " @@\n";
    for (std::size_t k = start; k < stop; ++k) {
      if (ops[k] == Op::Equal) put_line(out, ' ', a[ai[k]]);
      else if (ops[k] == Op::Delete) put_line(out, '-', a[ai[k]]);
      else put_line(out, '+', b[bi[k]]);
    }
    i = stop;
  }
  return out;
}

}  // namespace skillscore::fix
