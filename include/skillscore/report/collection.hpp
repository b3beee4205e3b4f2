#pragma once
// Collection checks: what a host loads of every skill at start-up (names and
// descriptions) against that host's documented limits, and skills whose
// names or descriptions repeat or nearly repeat another's. Deterministic,
// and near O(n log n) for tens of thousands of skills (MinHash buckets for
// descriptions, deletion neighbourhoods for names; no all-pairs comparison).
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::report {

enum class Host { ClaudeCode, AgentSkills };

struct HostInfo {
  Host value;
  std::string_view name;
  std::size_t total_chars;      // 0: no documented limit on the sum
  std::size_t per_skill_chars;  // what one skill's description may use
  std::string_view source;      // where the limits are documented
};
std::span<const HostInfo> hosts();
std::optional<Host> host_from_name(std::string_view name);

struct CollectionSkill {
  std::string path, name, description;
};

struct DuplicateGroup {
  std::string key;                 // the name, or the start of the description
  std::vector<std::string> paths;  // sorted
  double similarity = 1.0;         // 1.0: identical after normalisation
};

struct CollectionReport {
  std::size_t skills = 0;
  std::size_t listing_chars = 0;  // sum over skills of name + description, each capped at the host's per-skill limit
  std::size_t description_tokens = 0;  // o200k_base, all descriptions
  std::size_t over_per_skill = 0;      // descriptions above the per-skill limit
  std::string first_over_per_skill;
  HostInfo host{};
  bool over_total = false;
  std::vector<DuplicateGroup> duplicate_names, near_duplicate_names;
  std::vector<DuplicateGroup> duplicate_descriptions, near_duplicate_descriptions;
  bool failed() const {
    return over_total || over_per_skill > 0 || !duplicate_names.empty() || !near_duplicate_names.empty() ||
           !duplicate_descriptions.empty() || !near_duplicate_descriptions.empty();
  }
};

// `threshold`: the word-trigram Jaccard similarity from which two
// descriptions are near duplicates.
CollectionReport check_collection(std::vector<CollectionSkill> skills, Host host, double threshold = 0.8);

std::string collection_text(const CollectionReport& r);
std::string collection_json(const CollectionReport& r);

}  // namespace skillscore::report
