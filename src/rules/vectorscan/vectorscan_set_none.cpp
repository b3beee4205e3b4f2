// skillscore built without Vectorscan (-DSKILLSCORE_VECTORSCAN=OFF): every
// pattern stays with RE2.
#include "skillscore/rules/vectorscan_set.hpp"

namespace skillscore::rules {

struct VectorscanSet::Impl {};

VectorscanSet::~VectorscanSet() = default;

std::unique_ptr<VectorscanSet> VectorscanSet::build(const std::vector<std::string>&, bool, VectorscanTexts) {
  return nullptr;
}

std::size_t VectorscanSet::covered_count() const { return 0; }

bool VectorscanSet::scan(std::string_view, std::vector<bool>&) const { return false; }

std::string VectorscanSet::serialize() const { return {}; }

std::vector<std::uint32_t> VectorscanSet::covered_patterns() const { return {}; }

std::span<const EmbeddedVectorscanDatabase> embedded_vectorscan_databases() { return {}; }

}  // namespace skillscore::rules
