#include "skillscore/app/tokens_command.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/batch/discover.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/report/json_writer.hpp"
#include "skillscore/util/bpe.hpp"
#include "skillscore/util/file_io.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::app {
namespace {

constexpr std::uintmax_t k_max_bytes = 16 * 1024 * 1024;

struct Part {
  std::string name;
  std::size_t line = 0;  // 0: not a section
  std::size_t lines = 0;
  std::size_t estimate = 0;
  std::size_t tokens[2] = {0, 0};  // by util::Encoding
};

Part measure(std::string name, std::string_view text, std::size_t line = 0) {
  Part p{std::move(name), line};
  p.lines = text.empty() ? 0 : static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + (text.back() == '\n' ? 0 : 1);
  p.estimate = (util::count_code_points(text) + 3) / 4;  // as the agentskills profile estimates (AS041)
  for (const auto& e : util::encodings()) p.tokens[static_cast<std::size_t>(e.value)] = util::count_tokens(e.value, text);
  return p;
}

// Byte offset in `text` of the start of 1-based `line`.
std::size_t line_start(std::string_view text, std::size_t line) {
  std::size_t pos = 0;
  for (std::size_t l = 1; l < line && pos < text.size(); ++l) {
    const auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return text.size();
    pos = nl + 1;
  }
  return pos;
}

std::vector<Part> parts_of(const doc::Document& d) {
  std::vector<Part> parts;
  parts.push_back(measure("file", d.text(), 1));
  if (const auto* e = d.frontmatter().data.entry("description")) {
    parts.push_back(measure("description", doc::py_str(e->second)));
  }
  const std::string_view body = d.body();
  parts.push_back(measure("body", body, d.line_of(d.body_offset())));
  // Sections: from a level-1 or level-2 heading to the next one.
  std::vector<std::pair<std::size_t, std::string>> starts;  // (offset in text, name)
  for (const auto& h : d.markdown().headings) {
    if (h.level <= 2) starts.emplace_back(line_start(d.text(), h.line), h.text);
  }
  const std::size_t body_begin = d.body_offset(), body_end = body_begin + body.size();
  if (starts.empty() || starts.front().first > body_begin) starts.insert(starts.begin(), {body_begin, "(before the first heading)"});
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t b = std::max(starts[i].first, body_begin);
    const std::size_t e = i + 1 < starts.size() ? starts[i + 1].first : body_end;
    if (e <= b) continue;
    parts.push_back(measure("section " + starts[i].second, std::string_view(d.text()).substr(b, e - b), d.line_of(b)));
  }
  return parts;
}

void write_json(const std::string& path, const std::vector<Part>& parts, std::ostream& out) {
  report::JsonWriter w;
  w.begin_object().key("path").value(path).key("parts").begin_array();
  for (const auto& p : parts) {
    w.begin_object().key("part").value(p.name);
    if (p.line) w.key("line").value(p.line);
    w.key("lines").value(p.lines).key("estimate").value(p.estimate);
    for (const auto& e : util::encodings()) w.key(e.name).value(p.tokens[static_cast<std::size_t>(e.value)]);
    w.end_object();
  }
  w.end_array().end_object();
  out << w.str() << '\n';
}

void write_text(const std::string& path, const std::vector<Part>& parts, std::ostream& out) {
  out << path << '\n';
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-44s %6s %9s %11s %11s\n", "part", "lines", "estimate", "o200k_base", "cl100k_base");
  out << buf;
  for (const auto& p : parts) {
    std::string name = p.name;
    if (p.line) name += " (line " + std::to_string(p.line) + ")";
    if (util::count_code_points(name) > 44) {
      std::size_t pos = 0, n = 0;
      while (pos < name.size() && n < 41) {
        util::decode_utf8(name, pos);
        ++n;
      }
      name = name.substr(0, pos) + "...";
    }
    std::snprintf(buf, sizeof buf, "  %-44s %6zu %9zu %11zu %11zu\n", name.c_str(), p.lines, p.estimate, p.tokens[0], p.tokens[1]);
    out << buf;
  }
}

}  // namespace

int run_tokens(const TokensOptions& options, std::ostream& out) {
  int rc = k_exit_ok;
  std::vector<std::string> files;
  if (options.raw) {
    files = options.paths;
  } else {
    const auto found = batch::discover(options.paths);
    for (const auto& p : found.problems) {
      spdlog::error("{}: {}", p.path, p.message);
      rc = k_exit_error;
    }
    files = found.files;
  }
  for (const auto& path : files) {
    auto r = util::read_file(path, k_max_bytes);
    std::string error;
    std::optional<std::string> text;
    if (!r.ok) error = r.error;
    else if (!options.raw) text = doc::decode_skill_text(r.data, error);
    else if (auto bad = util::find_invalid_utf8(r.data)) error = "not valid UTF-8 at byte " + std::to_string(*bad);
    else text = std::move(r.data);  // as it is: newlines too
    if (!text) {
      spdlog::error("{}: {}", path, error);
      rc = k_exit_error;
      continue;
    }
    std::vector<Part> parts;
    if (options.raw) {
      parts.push_back(measure("file", *text, 1));
    } else {
      doc::Document d(path, std::move(*text), doc::FrontmatterMode::ReferenceSplit);
      parts = parts_of(d);
    }
    if (options.format == ListingFormat::Json) write_json(path, parts, out);
    else write_text(path, parts, out);
  }
  return rc;
}

}  // namespace skillscore::app
