#include "skillscore/rules/vectorscan_set.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <vector>

namespace skillscore::rules {
namespace {

unsigned hs_flags(const VectorscanExpression& e) {
  // One report per pattern: presence is all that is asked, and a scan then
  // costs no more on a text with a million matches than on one with one.
  unsigned f = HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH;
  if (e.caseless) f |= HS_FLAG_CASELESS;
  if (e.multiline) f |= HS_FLAG_MULTILINE;
  if (e.dot_all) f |= HS_FLAG_DOTALL;
  return f;
}

// FNV-1a over the library's version and the expressions: a database built
// with skillscore is used only for exactly the expressions it was built from.
std::uint64_t key_of(const std::vector<VectorscanExpression>& exprs, const std::vector<std::size_t>& ids,
                     VectorscanTexts texts) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view s) {
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  };
  mix(hs_version());
  if (texts == VectorscanTexts::Any) mix("any text");  // the same patterns, another conversion
  for (std::size_t k = 0; k < exprs.size(); ++k) {
    mix(std::to_string(ids[k]) + ":" + std::to_string(hs_flags(exprs[k])));
    mix(exprs[k].pattern);
  }
  return h;
}

// Whether Vectorscan takes the expression alone (it refuses some, such as
// those matching the empty string, and some larger than its limits).
bool accepted(const VectorscanExpression& e) {
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_expression_info(e.pattern.c_str(), hs_flags(e), &info, &err) != HS_SUCCESS) {
    hs_free_compile_error(err);
    return false;
  }
  const bool ok = info->min_width > 0;
  std::free(info);
  return ok;
}

std::atomic<std::uint64_t> next_generation{1};

// One scratch per thread, grown for each database it meets. A grown scratch
// still serves every database it was grown for, so each is fitted once:
// hs_alloc_scratch checks the database's CRC over all its bytes, and scans
// that alternate between a profile's databases paid it at every scan.
struct Scratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> fitted;  // generations of the databases it was grown for, sorted
  ~Scratch() { hs_free_scratch(scratch); }
  bool fit(hs_database_t* db, std::uint64_t generation) {
    auto at = std::lower_bound(fitted.begin(), fitted.end(), generation);
    if (at != fitted.end() && *at == generation) return true;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return false;
    fitted.insert(at, generation);
    return true;
  }
};

struct ScanContext {
  const std::vector<std::size_t>* ids;
  std::vector<bool>* present;
};

int on_match(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  auto* c = static_cast<ScanContext*>(ctx);
  (*c->present)[(*c->ids)[id]] = true;
  return 0;
}

}  // namespace

struct VectorscanSet::Impl {
  hs_database_t* db = nullptr;
  std::vector<std::size_t> ids;  // database id -> pattern index
  std::uint64_t generation = next_generation++;
  ~Impl() { hs_free_database(db); }
};

VectorscanSet::~VectorscanSet() = default;

std::unique_ptr<VectorscanSet> VectorscanSet::build(const std::vector<std::string>& patterns, bool compile_if_missing,
                                                    VectorscanTexts texts) {
  std::unique_ptr<VectorscanSet> set(new VectorscanSet);
  set->impl_ = std::make_unique<Impl>();
  set->covered_.assign(patterns.size(), false);
  std::vector<VectorscanExpression> exprs;
  std::vector<std::size_t> ids;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (auto e = to_vectorscan(patterns[i], texts)) {
      exprs.push_back(std::move(*e));
      ids.push_back(i);
    }
  }
  set->key_ = key_of(exprs, ids, texts);
  for (const auto& db : embedded_vectorscan_databases()) {
    if (db.key != set->key_) continue;
    // Another CPU than the build's, or another library: compiled below.
    if (hs_deserialize_database(db.bytes.data(), db.bytes.size(), &set->impl_->db) != HS_SUCCESS) break;
    for (const auto i : db.covered) {
      if (i >= patterns.size()) return nullptr;  // cannot happen: the key is of these patterns
      set->impl_->ids.push_back(i);
      set->covered_[i] = true;
    }
    set->embedded_ = true;
    return set;
  }
  if (!compile_if_missing || exprs.empty()) return nullptr;
  std::vector<VectorscanExpression> kept;
  for (std::size_t k = 0; k < exprs.size(); ++k) {
    if (!accepted(exprs[k])) continue;
    kept.push_back(exprs[k]);
    set->impl_->ids.push_back(ids[k]);
  }
  // The set as a whole may still be refused (too large): without the
  // expression named, and then without any database.
  while (!kept.empty()) {
    std::vector<const char*> texts;
    std::vector<unsigned> flags, hs_ids;
    for (std::size_t k = 0; k < kept.size(); ++k) {
      texts.push_back(kept[k].pattern.c_str());
      flags.push_back(hs_flags(kept[k]));
      hs_ids.push_back(static_cast<unsigned>(k));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(texts.data(), flags.data(), hs_ids.data(), static_cast<unsigned>(kept.size()), HS_MODE_BLOCK,
                         nullptr, &set->impl_->db, &err) == HS_SUCCESS) {
      break;
    }
    const int bad = err ? err->expression : -1;
    hs_free_compile_error(err);
    if (bad < 0 || static_cast<std::size_t>(bad) >= kept.size()) return nullptr;
    kept.erase(kept.begin() + bad);
    set->impl_->ids.erase(set->impl_->ids.begin() + bad);
  }
  if (kept.empty()) return nullptr;
  for (const auto i : set->impl_->ids) set->covered_[i] = true;
  return set;
}

std::vector<std::uint32_t> VectorscanSet::covered_patterns() const {
  return std::vector<std::uint32_t>(impl_->ids.begin(), impl_->ids.end());
}

std::size_t VectorscanSet::covered_count() const { return impl_ ? impl_->ids.size() : 0; }

bool VectorscanSet::scan(std::string_view text, std::vector<bool>& present) const {
  if (text.size() > 0xFFFFFFFFu) return false;  // hs_scan takes 32-bit lengths
  thread_local Scratch scratch;
  if (!scratch.fit(impl_->db, impl_->generation)) return false;
  ScanContext ctx{&impl_->ids, &present};
  return hs_scan(impl_->db, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch, on_match, &ctx) ==
         HS_SUCCESS;
}

std::string VectorscanSet::serialize() const {
  char* bytes = nullptr;
  std::size_t size = 0;
  if (hs_serialize_database(impl_->db, &bytes, &size) != HS_SUCCESS) return {};
  std::string out(bytes, size);
  std::free(bytes);
  return out;
}

}  // namespace skillscore::rules
