#pragma once
// `--weights FILE`: a custom weight table in JSON or YAML, a mapping from the
// reference's keys (the score terms' metric names) to numbers.
#include <filesystem>
#include <optional>
#include <string>

#include "skillscore/score/weights.hpp"

namespace skillscore::app {

// nullopt with `error` naming the file, the line and the cause when the file
// cannot be read, is not a mapping, or holds a value that is not a finite
// number (quoted numbers, booleans and null included: the reference could not
// multiply by them). A key given twice keeps its last value, as a Python dict does.
std::optional<score::WeightTable> load_weights_file(const std::filesystem::path& path, std::string& error);

}  // namespace skillscore::app
