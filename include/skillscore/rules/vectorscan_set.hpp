#pragma once
// One Vectorscan scan answers "does this pattern occur?" for every pattern of
// a set that it can express with RE2's meaning: a SIMD search for the
// patterns' literals with automata behind them, where RE2::Set runs its DFA
// over every byte. It is given the patterns' ASCII forms (Regex::ascii_pattern)
// and is asked only about texts that need no Unicode classes, where those
// forms are the patterns; patterns it cannot express stay with RE2.
//
// Why Vectorscan rather than Hyperscan: the same API and engine, but it is
// maintained, builds for arm64 as well as x86-64, and Debian ships it with a
// static archive (libhs.a) for skillscore's static executable.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::rules {

// A pattern as Vectorscan reads it, meaning what the RE2 pattern it comes
// from means on valid UTF-8 (HS_FLAG_UTF8, no Unicode properties).
struct VectorscanExpression {
  std::string pattern;  // PCRE syntax, without the leading flags
  bool caseless = false, multiline = false, dot_all = false;
};

// The texts an expression is to mean the same on: those without letters,
// digits or spaces beyond ASCII (the patterns' ASCII forms are given, see
// util::needs_unicode_classes), or any valid UTF-8 (the patterns as written).
enum class VectorscanTexts { NoUnicodeClasses, Any };

// The same pattern for Vectorscan, or nullopt when it uses anything beyond a
// plain subset whose meaning is the same in both on `texts`: literals, ASCII
// escapes, classes, groups, quantifiers, '^', '\A', '\z' and, under
// MULTILINE, '$'; under IGNORECASE no character beyond ASCII that might fold
// (a case-free symbol block such as the dingbats is fine, and so are the
// Unicode spaces and the Turkish i's), and on any text no negated class.
std::optional<VectorscanExpression> to_vectorscan(std::string_view re2_pattern,
                                                  VectorscanTexts texts = VectorscanTexts::NoUnicodeClasses);

// A database built at build time (tools/compile_vectorscan.cpp) for a set of
// expressions, found again by their key.
struct EmbeddedVectorscanDatabase {
  std::uint64_t key;
  std::string_view bytes;  // hs_serialize_database
  std::span<const std::uint32_t> covered;  // the patterns in it (database id order)
};
std::span<const EmbeddedVectorscanDatabase> embedded_vectorscan_databases();

class VectorscanSet {
 public:
  // A database of those of `patterns` (RE2 syntax) that to_vectorscan
  // expresses and Vectorscan compiles (some it refuses, such as patterns that
  // match the empty string, or too large ones); nullptr when it takes none
  // or when skillscore is built without Vectorscan. The database comes from
  // the ones built with skillscore when one has the same key, else, with
  // `compile_if_missing`, it is compiled (a few hundred milliseconds for a
  // profile; without it: nullptr).
  static std::unique_ptr<VectorscanSet> build(const std::vector<std::string>& patterns, bool compile_if_missing,
                                              VectorscanTexts texts = VectorscanTexts::NoUnicodeClasses);
  ~VectorscanSet();
  VectorscanSet(const VectorscanSet&) = delete;
  VectorscanSet& operator=(const VectorscanSet&) = delete;

  // Whether pattern `i` is in the database (its answer from scan is exact).
  bool covers(std::size_t i) const { return i < covered_.size() && covered_[i]; }
  std::size_t covered_count() const;
  // Sets present[i] = true for each covered pattern i that matches `text`
  // (valid UTF-8); leaves the others as they are. False when the scan failed
  // (out of memory): the caller then asks RE2.
  bool scan(std::string_view text, std::vector<bool>& present) const;

  // For the build tool: the key of the expressions asked for, the database,
  // and the patterns in it (some expressions Vectorscan may have refused).
  std::uint64_t key() const { return key_; }
  std::string serialize() const;
  std::vector<std::uint32_t> covered_patterns() const;
  // Whether the database came from embedded_vectorscan_databases().
  bool embedded() const { return embedded_; }

 private:
  VectorscanSet() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<bool> covered_;
  std::uint64_t key_ = 0;
  bool embedded_ = false;
};

}  // namespace skillscore::rules
