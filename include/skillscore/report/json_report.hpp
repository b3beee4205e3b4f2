#pragma once
// quality_assessment.json (schema_version 1) and the JSON / JSON Lines streams.
#include <string>
#include <vector>

#include "skillscore/report/assessment.hpp"
#include "skillscore/report/json_writer.hpp"

namespace skillscore::report {

inline constexpr int k_schema_version = 1;

// One assessment as a JSON object (pretty with indent > 0, one line with 0).
std::string assessment_json(const Assessment& a, int indent);
void write_assessment(JsonWriter& w, const Assessment& a);
// The same appended to `out`, laid out as it stands `depth` containers deep
// (batch_json's assessments stand at 2: pretty ones can be rendered ahead).
void append_assessment_json(std::string& out, const Assessment& a, int indent, int depth = 0);
inline constexpr int k_batch_assessment_depth = 2;

// `--format json`: every assessment and every file error in one document.
std::string batch_json(const std::vector<const Assessment*>& assessments, const std::vector<const FileError*>& errors,
                       const std::string& profile);
// The same from assessments already rendered with indent 2 at k_batch_assessment_depth.
std::string batch_json_rendered(const std::vector<std::string>& rendered, const std::vector<const FileError*>& errors,
                       const std::string& profile);

// A JSON Lines record for a file that could not be scored.
std::string file_error_json(const FileError& e);
void append_file_error_json(std::string& out, const FileError& e);

}  // namespace skillscore::report
