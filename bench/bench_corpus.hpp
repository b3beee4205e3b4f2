#pragma once
// The files the benchmarks run over, read once into memory.
#include <string>
#include <vector>

#include "skillscore/rules/profile.hpp"

namespace skillscore::bench {

struct CorpusFile {
  std::string path;
  std::string text;  // decoded: valid UTF-8, newlines normalized
};

const std::vector<CorpusFile>& corpus();
std::size_t corpus_bytes();
const rules::Profile& profile();

}  // namespace skillscore::bench
