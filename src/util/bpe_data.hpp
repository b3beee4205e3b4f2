#pragma once
// The BPE rank files of data/tokenizer/, embedded into the binary (bpe_data.cpp).
#include <string_view>

#include "skillscore/util/bpe.hpp"

namespace skillscore::util {
std::string_view bpe_rank_data(Encoding e);
}
