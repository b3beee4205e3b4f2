#include "skillscore/rules/prefilter.hpp"

#include <algorithm>

namespace skillscore::rules {
namespace {

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

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
  return p;
}

bool LiteralPrefilter::possible(std::string_view text, std::vector<bool>& possible) const {
  if (has_ascii_folding_char(text)) return false;
  // FilteredRE2's atoms are lowercase; lower the text's ASCII letters, a
  // window at a time (windows overlap by the longest atom, less one byte). An
  // atom with non-ASCII bytes is taken as present (its case variants are not ASCII).
  std::vector<int> found;
  std::vector<const std::string*> wanted;
  std::size_t longest = 1;
  for (std::size_t i = 0; i < atoms_.size(); ++i) {
    if (has_non_ascii(atoms_[i])) {
      found.push_back(static_cast<int>(i));
    } else {
      wanted.push_back(&atoms_[i]);
      longest = std::max(longest, atoms_[i].size());
    }
  }
  std::vector<bool> seen(wanted.size(), false);
  std::string window;
  constexpr std::size_t k_window = 64 * 1024;
  for (std::size_t start = 0; start < text.size() && !wanted.empty(); start += k_window) {
    window.assign(text.substr(start, k_window + longest - 1));
    for (char& c : window) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (std::size_t k = 0; k < wanted.size(); ++k) {
      if (!seen[k] && window.find(*wanted[k]) != std::string::npos) seen[k] = true;
    }
  }
  for (std::size_t i = 0, k = 0; i < atoms_.size(); ++i) {
    if (has_non_ascii(atoms_[i])) continue;
    if (seen[k++]) found.push_back(static_cast<int>(i));
  }
  std::sort(found.begin(), found.end());
  std::vector<int> ids;
  filter_.AllPotentials(found, &ids);
  possible.assign(patterns_, false);
  for (int id : ids) possible[static_cast<std::size_t>(id)] = true;
  return true;
}

}  // namespace skillscore::rules
