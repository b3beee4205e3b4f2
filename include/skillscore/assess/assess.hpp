#pragma once
// Scoring one document with one profile: metrics, checks, score, report fields.
#include "skillscore/doc/document.hpp"
#include "skillscore/assess/assessment.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::assess {

Assessment assess(const rules::Profile& profile, const doc::Document& document,
                          rules::EvalOptions options = {});

}  // namespace skillscore::assess
