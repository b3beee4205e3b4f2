#include "skillscore/rules/presence.hpp"

#include "skillscore/rules/profile.hpp"

#include <algorithm>
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

RE2::Options set_options() {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  opts.set_max_mem(256 << 20);
  return opts;
}

}  // namespace

std::shared_ptr<PresenceIndex> PresenceIndex::build(const Profile& profile, std::string& error, VectorscanUse vectorscan,
                                                    PresenceKind kind) {
  auto index = std::make_shared<PresenceIndex>();
  index->vectorscan_use_ = vectorscan;
  index->kind_ = kind;
  index->metric_slots_.resize(profile.metrics.size());
  // Both variants get the same patterns in the same order, so slots agree;
  // they are parsed and compiled when a text first needs them (match()).
  auto add_both = [&](const std::string& exact, const std::string& ascii) {
    index->exact_.patterns.push_back(exact);
    index->ascii_.patterns.push_back(ascii);
    return static_cast<int>(index->exact_.patterns.size()) - 1;
  };
  // Set patterns get their slots now; gap patterns get slots after theirs.
  std::vector<int*> gap_slots;
  auto add = [&](const Regex& re, int& slot) {
    if (worth_indexing(re)) {
      slot = add_both(re.re2_pattern(), re.ascii_pattern());
      return;
    }
    // A scan-only index has no filter, and Vectorscan misses some gap
    // patterns' matches (see compiled()): no slot, so they are searched.
    if (kind == PresenceKind::ScanOnly) return;
    index->exact_.gaps.push_back(re.re2_pattern());
    index->ascii_.gaps.push_back(re.ascii_pattern());
    gap_slots.push_back(&slot);
  };
  for (std::size_t m = 0; m < profile.metrics.size(); ++m) {
    const MetricDef& def = profile.metrics[m];
    auto& slots = index->metric_slots_[m];
    if (const auto* s = std::get_if<SearchSpec>(&def.spec); s && s->scope == Scope::Body) {
      slots.assign(s->patterns.size(), -1);
      for (std::size_t k = 0; k < s->patterns.size(); ++k) add(s->patterns[k], slots[k]);
    } else if (const auto* c = std::get_if<CountSpec>(&def.spec); c && c->scope == Scope::Body) {
      slots.assign(1, -1);
      add(*c->pattern, slots[0]);
    }
  }
  // A code-block pattern that the sequence matcher runs finds no blocks about
  // as fast as the set would say there are none; filtering it would compile
  // it for RE2 (FilteredRE2 does), Unicode classes and all.
  if (profile.document.code_block_pattern && !profile.document.code_block_pattern->direct()) {
    add(*profile.document.code_block_pattern, index->code_block_slot_);
  }
  index->set_slots_ = static_cast<int>(index->exact_.patterns.size());
  for (std::size_t g = 0; g < gap_slots.size(); ++g) *gap_slots[g] = index->set_slots_ + static_cast<int>(g);
  index->slots_ = index->exact_.patterns.size() + gap_slots.size();
  // The filters are built now, not on first use, so that a pattern
  // FilteredRE2 refuses is an error of the profile's load.
  if (!index->exact_.filter_gaps(error) || !index->ascii_.filter_gaps(error)) return nullptr;
  return index;
}

bool PresenceIndex::Variant::filter_gaps(std::string& error) {
  for (const auto& gap : gaps) {
    int id = -1;
    if (filter.Add(gap, set_options(), &id) != RE2::NoError) {
      error = "cannot filter pattern '" + gap + "'";
      return false;
    }
  }
  if (gaps.empty()) return true;
  // The literals the gap patterns need are looked for with the set's
  // patterns, case-blind (a superset of FilteredRE2's lower-cased atoms:
  // sound for a filter). The ASCII forms have ASCII atoms ('guides', not
  // 'guıdes' too), which Vectorscan can look for.
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  for (const auto& atom : atoms) patterns.push_back("(?i)" + RE2::QuoteMeta(atom));
  return true;
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
    if (bytes < k_min_bytes) {
      std::string error;
      profile.presence = build(profile, error, VectorscanUse::EmbeddedOnly, PresenceKind::ScanOnly);
      return;
    }
  }
  std::string error;
  auto index = build(profile, error);  // on failure, metrics search pattern by pattern
  if (!index) return;
  index->background_ = std::thread([raw = index.get()] { raw->compiled(util::UnicodeClasses::Unneeded); });
  profile.presence = std::move(index);
}

PresenceIndex::~PresenceIndex() {
  if (background_.joinable()) background_.join();
}

const PresenceIndex::Variant& PresenceIndex::compiled(util::UnicodeClasses classes) const {
  // The ASCII forms compile to a far smaller set; most texts need no more.
  const bool ascii = classes == util::UnicodeClasses::Unneeded;
  const Variant& v = ascii ? ascii_ : exact_;
  std::call_once(v.once, [this, &v, ascii] {
    if (kind_ == PresenceKind::ScanOnly) {
      if (ascii && vectorscan_use_ != VectorscanUse::Never) {
        v.vectorscan = VectorscanSet::build(v.patterns, vectorscan_use_ == VectorscanUse::CompileIfMissing);
      }
      v.ok = v.vectorscan != nullptr;  // else the metrics search pattern by pattern
      return;
    }
    // The gap patterns stay out of Vectorscan: 5.4.9 (Debian 12) misses
    // matches of some of them once they start 64 bytes or more into the text
    // ('\[.*?\]\((?:references|guides|templates|scripts|examples)/' finds
    // nothing in 'x' * 64 + '[](guides/', with any flags; the differential
    // fuzzer met it, see docs/robustness.md). Their literals (atoms) are
    // looked for by the set, and a "may match" is confirmed by RE2.
    // The patterns as written go to Vectorscan too, converted for any text
    // (fewer of them: Unicode classes under IGNORECASE stay with RE2).
    if (vectorscan_use_ != VectorscanUse::Never) {
      v.vectorscan = VectorscanSet::build(v.patterns, vectorscan_use_ == VectorscanUse::CompileIfMissing,
                                          ascii ? VectorscanTexts::NoUnicodeClasses : VectorscanTexts::Any);
    }
    v.ok = true;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < v.patterns.size(); ++i) {
      if (v.vectorscan && v.vectorscan->covers(i)) continue;
      rest.push_back(v.patterns[i]);
      v.set_slot.push_back(static_cast<int>(i));
    }
    if (rest.empty()) return;
    v.set = std::make_unique<RE2::Set>(set_options(), RE2::UNANCHORED);
    for (std::size_t i = 0; i < rest.size() && v.ok; ++i) v.ok = v.set->Add(rest[i], nullptr) == static_cast<int>(i);
    v.ok = v.ok && v.set->Compile();
  });
  return v;
}

const VectorscanSet* PresenceIndex::vectorscan(util::UnicodeClasses classes) const {
  return compiled(classes).vectorscan.get();
}

bool PresenceIndex::match(std::string_view text, util::UnicodeClasses classes, std::vector<bool>& present) const {
  classes = util::resolve_unicode_classes(classes, text);
  const Variant& v = compiled(classes);
  if (!v.ok) return false;
  // Hits by the variant's own pattern numbers: the set patterns (slots
  // [0, set_slots_)) and then the variant's atoms.
  thread_local std::vector<bool> hits;
  hits.assign(v.patterns.size(), false);
  if (v.vectorscan && !v.vectorscan->scan(text, hits)) return false;
  present.assign(slots_, false);
  const auto set_slots = static_cast<std::size_t>(set_slots_);
  if (kind_ == PresenceKind::ScanOnly) {
    for (std::size_t i = 0; i < slots_; ++i) {
      // Not covered: may match (exact() says it is no answer).
      present[i] = !v.vectorscan->covers(i) || hits[i];
    }
    return true;
  }
  if (v.set) {
    thread_local std::vector<int> set_hits;
    set_hits.clear();
    RE2::Set::ErrorInfo info{};
    const bool any = v.set->Match(re2::StringPiece(text.data(), text.size()), &set_hits, &info);
    if (!any && info.kind != RE2::Set::kNoError) return false;
    for (int h : set_hits) hits[static_cast<std::size_t>(v.set_slot[static_cast<std::size_t>(h)])] = true;
  }
  for (std::size_t i = 0; i < set_slots; ++i) present[i] = hits[i];
  if (!v.gaps.empty()) {
    thread_local std::vector<int> atoms, maybe;
    atoms.clear();
    maybe.clear();
    for (std::size_t a = set_slots; a < hits.size(); ++a) {
      if (hits[a]) atoms.push_back(static_cast<int>(a - set_slots));
    }
    v.filter.AllPotentials(atoms, &maybe);
    for (int id : maybe) present[set_slots + static_cast<std::size_t>(id)] = true;
  }
  return true;
}

int PresenceIndex::slot(int metric, int pattern) const {
  const auto& v = metric_slots_[static_cast<std::size_t>(metric)];
  return pattern < static_cast<int>(v.size()) ? v[static_cast<std::size_t>(pattern)] : -1;
}

}  // namespace skillscore::rules
