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
  // Both sets get the same patterns in the same order, so slots agree; they
  // are parsed and compiled when a text first needs them (match()).
  auto add_both = [&](const std::string& exact, const std::string& ascii) {
    index->exact_.patterns.push_back(exact);
    index->ascii_.patterns.push_back(ascii);
    return static_cast<int>(index->exact_.patterns.size()) - 1;
  };
  // Set patterns get their slots now; gap patterns get filter ids, turned
  // into slots after the set's own.
  struct Ref {
    int* slot;
    int filter_id;
  };
  std::vector<Ref> gaps;
  auto add = [&](const Regex& re, int& slot) {
    if (worth_indexing(re)) {
      slot = add_both(re.re2_pattern(), re.ascii_pattern());
      return;
    }
    // A scan-only index has no filter, and Vectorscan misses some gap
    // patterns' matches (see compiled()): no slot, so they are searched.
    if (kind == PresenceKind::ScanOnly) return;
    int id = -1;
    if (index->gap_filter_.Add(re.re2_pattern(), set_options(), &id) != RE2::NoError) {
      error = "cannot filter pattern '" + re.source() + "'";
      return;
    }
    gaps.push_back({&slot, id});
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
  if (!error.empty()) return nullptr;
  // The literals the gap patterns need are looked for by the set, case-blind
  // (a superset of FilteredRE2's lower-cased atoms: sound for a filter).
  std::vector<std::string> atoms;
  if (!gaps.empty()) index->gap_filter_.Compile(&atoms);
  index->atoms_begin_ = static_cast<int>(index->exact_.patterns.size());
  for (const auto& atom : atoms) {
    const std::string literal = "(?i)" + RE2::QuoteMeta(atom);
    index->atom_slots_.push_back(add_both(literal, literal));
  }
  index->set_slots_ = static_cast<int>(index->exact_.patterns.size());
  for (auto& g : gaps) *g.slot = index->set_slots_ + g.filter_id;
  index->slots_ = index->exact_.patterns.size() + gaps.size();
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
    if (ascii && vectorscan_use_ != VectorscanUse::Never) {
      v.vectorscan = VectorscanSet::build(v.patterns, vectorscan_use_ == VectorscanUse::CompileIfMissing);
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

const VectorscanSet* PresenceIndex::vectorscan() const { return compiled(util::UnicodeClasses::Unneeded).vectorscan.get(); }

bool PresenceIndex::match(std::string_view text, util::UnicodeClasses classes, std::vector<bool>& present) const {
  classes = util::resolve_unicode_classes(classes, text);
  const Variant& v = compiled(classes);
  if (!v.ok) return false;
  present.assign(slots_, false);
  if (v.vectorscan && !v.vectorscan->scan(text, present)) return false;
  if (kind_ == PresenceKind::ScanOnly) {
    for (std::size_t i = 0; i < slots_; ++i) {
      if (!v.vectorscan->covers(i)) present[i] = true;  // may match: exact() says it is no answer
    }
    return true;
  }
  if (v.set) {
    std::vector<int> hits;
    RE2::Set::ErrorInfo info{};
    const bool any = v.set->Match(re2::StringPiece(text.data(), text.size()), &hits, &info);
    if (!any && info.kind != RE2::Set::kNoError) return false;
    for (int h : hits) present[static_cast<std::size_t>(v.set_slot[static_cast<std::size_t>(h)])] = true;
  }
  if (slots_ > static_cast<std::size_t>(set_slots_)) {  // gap patterns to filter
    std::vector<int> atoms, maybe;
    for (std::size_t a = 0; a < atom_slots_.size(); ++a) {
      if (present[static_cast<std::size_t>(atom_slots_[a])]) atoms.push_back(static_cast<int>(a));
    }
    gap_filter_.AllPotentials(atoms, &maybe);
    for (int id : maybe) {
      present[static_cast<std::size_t>(set_slots_ + id)] = true;
    }
  }
  return true;
}

int PresenceIndex::slot(int metric, int pattern) const {
  const auto& v = metric_slots_[static_cast<std::size_t>(metric)];
  return pattern < static_cast<int>(v.size()) ? v[static_cast<std::size_t>(pattern)] : -1;
}

}  // namespace skillscore::rules
