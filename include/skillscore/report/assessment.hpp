#pragma once
// The result for one skill (assess::Assessment), under the names reporters use.
#include "skillscore/assess/assessment.hpp"

namespace skillscore::report {

using assess::Assessment;
using assess::FileError;
using assess::Issue;
using assess::OutputValue;

}  // namespace skillscore::report
