#include "bench_corpus.hpp"

#include <cstdlib>
#include <stdexcept>

#include "skillscore/batch/discover.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::bench {

const std::vector<CorpusFile>& corpus() {
  static const std::vector<CorpusFile> files = [] {
    const char* dir = std::getenv("SKILLSCORE_BENCH_CORPUS");
    const std::string root = dir ? dir : SKILLSCORE_SOURCE_DIR "/samples";
    std::vector<CorpusFile> out;
    for (const auto& path : batch::discover({root}).files) {
      auto r = util::read_file(path, 10u << 20);
      std::string error;
      if (!r.ok) continue;
      if (auto text = doc::decode_skill_text(r.data, error)) out.push_back({path, std::move(*text)});
    }
    if (out.empty()) throw std::runtime_error("no skills under " + root);
    return out;
  }();
  return files;
}

std::size_t corpus_bytes() {
  std::size_t n = 0;
  for (const auto& f : corpus()) n += f.text.size();
  return n;
}

const rules::Profile& profile() {
  static const rules::Profile p = [] {
    std::string error;
    auto loaded = rules::load_builtin_profile("skill-fleet-v2", error);
    if (!loaded) throw std::runtime_error(error);
    std::string set_error;
    loaded->presence = rules::PresenceIndex::build(*loaded, set_error);  // as a batch run has it
    return std::move(*loaded);
  }();
  return p;
}

}  // namespace skillscore::bench
