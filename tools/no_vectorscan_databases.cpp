// The build tool's own copy of the embedded databases: none yet (it writes them).
#include "skillscore/rules/vectorscan_set.hpp"

namespace skillscore::rules {

std::span<const EmbeddedVectorscanDatabase> embedded_vectorscan_databases() { return {}; }

}  // namespace skillscore::rules
