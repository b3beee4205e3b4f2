#include "skillscore/rules/presence.hpp"

#include "skillscore/rules/profile.hpp"

#include <filesystem>

namespace skillscore::rules {
namespace {

// A pattern with an unbounded gap ('❌.*?✅', '\[.*?\]\(') keeps a thread
// alive in the set's DFA from its first part until the end of the line or
// text, so every state is doubled for as long as it waits: the set's DFA
// grows with the product of such patterns and building its states cost more
// than the pass (92 ms cold against 42 ms without them, on the corpus). Such
// patterns are searched on their own, where RE2's DFA stays small.
bool worth_indexing(const Regex& re) {
  const std::string& p = re.re2_pattern();
  return p.find(".*") == std::string::npos && p.find(".+") == std::string::npos;
}

}  // namespace

std::shared_ptr<const PresenceIndex> PresenceIndex::build(const Profile& profile, std::string& error) {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  opts.set_max_mem(256 << 20);
  auto index = std::make_shared<PresenceIndex>();
  index->set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  index->metric_slots_.resize(profile.metrics.size());
  auto add = [&](const Regex& re) -> int {
    if (!worth_indexing(re)) return -1;
    std::string err;
    const int slot = index->set_->Add(re.re2_pattern(), &err);
    if (slot < 0) error = "cannot index pattern '" + re.source() + "': " + err;
    return slot;
  };
  for (std::size_t m = 0; m < profile.metrics.size(); ++m) {
    const MetricDef& def = profile.metrics[m];
    if (const auto* s = std::get_if<SearchSpec>(&def.spec); s && s->scope == Scope::Body) {
      for (const auto& re : s->patterns) index->metric_slots_[m].push_back(add(re));
    } else if (const auto* c = std::get_if<CountSpec>(&def.spec); c && c->scope == Scope::Body) {
      index->metric_slots_[m].push_back(add(*c->pattern));
    }
  }
  if (profile.document.code_block_pattern) index->code_block_slot_ = add(*profile.document.code_block_pattern);
  if (!error.empty()) return nullptr;
  index->slots_ = static_cast<std::size_t>(index->code_block_slot_ + 1);
  for (const auto& v : index->metric_slots_) {
    for (int s : v) index->slots_ = std::max(index->slots_, static_cast<std::size_t>(s + 1));
  }
  if (!index->set_->Compile()) {
    error = "cannot compile the pattern set";
    return nullptr;
  }
  return index;
}

void PresenceIndex::prepare(Profile& profile, const std::vector<std::string>& files) {
  constexpr std::size_t k_min_files = 8;
  constexpr std::uintmax_t k_min_bytes = 256 * 1024;
  if (profile.presence || files.empty()) return;
  if (files.size() < k_min_files) {
    std::uintmax_t bytes = 0;
    for (const auto& f : files) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(f, ec);
      if (!ec) bytes += size;
    }
    if (bytes < k_min_bytes) return;
  }
  std::string error;
  profile.presence = build(profile, error);  // on failure, metrics search pattern by pattern
}

bool PresenceIndex::match(std::string_view text, std::vector<bool>& present) const {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{};
  const bool any = set_->Match(re2::StringPiece(text.data(), text.size()), &hits, &info);
  if (!any && info.kind != RE2::Set::kNoError) return false;
  present.assign(slots_, false);
  for (int h : hits) present[static_cast<std::size_t>(h)] = true;
  return true;
}

int PresenceIndex::slot(int metric, int pattern) const {
  const auto& v = metric_slots_[static_cast<std::size_t>(metric)];
  return pattern < static_cast<int>(v.size()) ? v[static_cast<std::size_t>(pattern)] : -1;
}

}  // namespace skillscore::rules
