#pragma once
// The Markdown model as a flat binary record: how the parser worker answers
// (src/doc/markdown_worker.cpp). Internal to src/doc.
#include <string>
#include <string_view>

#include "skillscore/doc/markdown.hpp"

namespace skillscore::doc::detail {

void serialize(const Markdown& md, std::string& out);
// Throws std::runtime_error on a malformed record.
Markdown deserialize(std::string_view data);

}  // namespace skillscore::doc::detail
