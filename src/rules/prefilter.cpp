#include "skillscore/rules/prefilter.hpp"

#include <algorithm>

#include "skillscore/util/pystr.hpp"

namespace skillscore::rules {
namespace {

// Characters outside ASCII whose case folds reach ASCII letters (K, s, i):
// a case-insensitive pattern matches them, an ASCII-lowered text hides them.
bool has_ascii_folding_char(std::string_view s) {
  for (std::string_view seq : {"\xE2\x84\xAA", "\xC5\xBF", "\xC4\xB0", "\xC4\xB1"}) {
    if (s.find(seq) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::shared_ptr<const LiteralPrefilter> LiteralPrefilter::build(const std::vector<Regex>& patterns) {
  auto p = std::make_shared<LiteralPrefilter>();
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  for (const auto& re : patterns) {
    int id = -1;
    if (p->filter_.Add(re.re2_pattern(), opts, &id) != RE2::NoError) return nullptr;
  }
  p->patterns_ = patterns.size();
  p->filter_.Compile(&p->atoms_);
  for (std::size_t i = 0; i < p->atoms_.size(); ++i) {
    if (!util::is_ascii(p->atoms_[i])) {
      p->non_ascii_atoms_.push_back(static_cast<int>(i));
    } else {
      p->ascii_atoms_.push_back(static_cast<int>(i));
      p->longest_ascii_atom_ = std::max(p->longest_ascii_atom_, p->atoms_[i].size());
    }
  }
  return p;
}

bool LiteralPrefilter::possible(std::string_view text, std::vector<bool>& possible) const {
  if (has_ascii_folding_char(text)) return false;
  // FilteredRE2's atoms are lowercase; lower the text's ASCII letters, a
  // window at a time (windows overlap by the longest atom, less one byte). An
  // atom with non-ASCII bytes is taken as present (its case variants are not ASCII).
  std::vector<int> found = non_ascii_atoms_;
  std::vector<bool> seen(ascii_atoms_.size(), false);
  std::string window;
  constexpr std::size_t k_window = 64 * 1024;
  for (std::size_t start = 0; start < text.size() && !ascii_atoms_.empty(); start += k_window) {
    window.assign(text.substr(start, k_window + longest_ascii_atom_ - 1));
    util::ascii_lower(window);
    for (std::size_t k = 0; k < ascii_atoms_.size(); ++k) {
      if (!seen[k] && window.find(atoms_[static_cast<std::size_t>(ascii_atoms_[k])]) != std::string::npos) seen[k] = true;
    }
  }
  for (std::size_t k = 0; k < ascii_atoms_.size(); ++k) {
    if (seen[k]) found.push_back(ascii_atoms_[k]);
  }
  std::sort(found.begin(), found.end());
  std::vector<int> ids;
  filter_.AllPotentials(found, &ids);
  possible.assign(patterns_, false);
  for (int id : ids) possible[static_cast<std::size_t>(id)] = true;
  return true;
}

}  // namespace skillscore::rules
