#pragma once
// One pass over the body answers every "does this pattern occur?" question
// of a profile: all body-scope patterns go into one RE2::Set, compiled when
// a text first needs it. Metrics then run their own regex only where they
// need more than presence (a count, a location).
#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "skillscore/rules/vectorscan_set.hpp"
#include "skillscore/util/unicode.hpp"

namespace skillscore::rules {

struct Profile;

// Where the Vectorscan database of a profile's patterns comes from: built
// with skillscore (the built-in profiles), or else compiled when first
// needed (a few hundred milliseconds: more than a run of a few thousand
// files saves), or not used.
enum class VectorscanUse { EmbeddedOnly, CompileIfMissing, Never };

// What an index holds. Full: RE2::Set and Vectorscan, for runs of many files
// or much text. ScanOnly, for a run of a few small files (a pre-commit hook):
// the Vectorscan scan alone, over the patterns' ASCII forms, and only on texts
// that need no Unicode classes; the patterns it does not cover are answered
// "may match", and the gap patterns get no slot: both are searched on their own. It compiles nothing (its
// database is built with skillscore), where a set costs more to compile than
// a few files' searches.
enum class PresenceKind { Full, ScanOnly };

class PresenceIndex {
 public:
  // Every pattern of body-scope search and count metrics, and the code-block
  // pattern. Those with an unbounded gap ('❌.*?✅') are not in the set: their
  // slot says only whether they may match (the literals they need occur, as
  // RE2's FilteredRE2 reads them), and a "may" must be confirmed by a search.
  // nullptr (and `error`) if FilteredRE2 refuses a gap pattern.
  // On texts that need no Unicode classes, Vectorscan answers for the
  // patterns it can express (not the gap patterns: see presence.cpp) in one scan, and the
  // set holds only the others.
  static std::shared_ptr<PresenceIndex> build(const Profile& profile, std::string& error,
                                              VectorscanUse vectorscan = VectorscanUse::EmbeddedOnly,
                                              PresenceKind kind = PresenceKind::Full);

  // Which slots occur in `text`; false when the set could not be compiled
  // or ran out of memory (the caller then falls back to the patterns one by
  // one). `classes` says which forms of the patterns the text needs.
  bool match(std::string_view text, util::UnicodeClasses classes, std::vector<bool>& present) const;

  // Builds `profile.presence` as a run pays for it: the set costs a few
  // milliseconds to compile and saves a pass per pattern per file, so 8
  // files or more, or 256 KiB of text in all (one pass over a 10 MB file
  // instead of one per pattern), get the full index, and a run of a few
  // small files (a pre-commit hook) the scan-only one (PresenceKind).
  // The ASCII forms' set, the one most texts need, starts compiling on a
  // thread of its own while the first file is read and parsed.
  static void prepare(Profile& profile, const std::vector<std::string>& files);

  PresenceIndex() = default;
  PresenceIndex(const PresenceIndex&) = delete;
  PresenceIndex& operator=(const PresenceIndex&) = delete;
  ~PresenceIndex();  // waits for a compile started by prepare()

  // Slot of pattern `pattern` of metric `metric`, -1 when not indexed.
  int slot(int metric, int pattern) const;
  // Whether a slot's bit is the answer (false: a set bit only means "may
  // match"; a clear bit always means "does not match").
  bool exact(int slot) const {
    if (kind_ == PresenceKind::ScanOnly) return ascii_.vectorscan && ascii_.vectorscan->covers(static_cast<std::size_t>(slot));
    return slot < set_slots_;
  }
  PresenceKind kind() const { return kind_; }
  int code_block_slot() const { return code_block_slot_; }
  std::size_t size() const { return slots_; }
  // The Vectorscan database of the ASCII forms (or, with Needed, of the
  // patterns as written), compiled or found on first use (nullptr: none);
  // for tests and the build tool.
  const VectorscanSet* vectorscan(util::UnicodeClasses classes = util::UnicodeClasses::Unneeded) const;

 private:
  // The patterns as written, and their ASCII forms (Regex::ascii_), each
  // set compiled on first use: a pre-commit run of one large ASCII file
  // compiles only the smaller one.
  struct Variant {
    // Slot order: the set patterns, then the literals (atoms) that the gap
    // patterns need, as FilteredRE2 reads this variant's forms of them.
    std::vector<std::string> patterns;
    std::vector<std::string> gaps;  // gap pattern i has slot set_slots_ + i
    re2::FilteredRE2 filter{3};     // of `gaps`; its atoms follow the set patterns
    mutable std::unique_ptr<RE2::Set> set;  // of the patterns Vectorscan does not cover
    mutable std::vector<int> set_slot;      // set pattern -> pattern number
    mutable std::unique_ptr<VectorscanSet> vectorscan;
    mutable std::once_flag once;
    mutable bool ok = false;
    bool filter_gaps(std::string& error);  // builds `filter`, appends its atoms
  };
  const Variant& compiled(util::UnicodeClasses classes) const;

  Variant exact_, ascii_;
  VectorscanUse vectorscan_use_ = VectorscanUse::EmbeddedOnly;
  PresenceKind kind_ = PresenceKind::Full;
  std::thread background_;  // compiling ascii_ (prepare)
  int set_slots_ = 0;  // slots [0, set_slots_) are set patterns, the rest gap patterns
  std::vector<std::vector<int>> metric_slots_;  // [metric][pattern] -> slot
  int code_block_slot_ = -1;
  std::size_t slots_ = 0;
};

}  // namespace skillscore::rules
