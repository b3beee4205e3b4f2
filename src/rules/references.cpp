#include "references.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace skillscore::rules {
namespace fs = std::filesystem;
namespace {

// "a%20b.md#x" -> "a b.md"; nullopt for URLs with a scheme, anchors, absolute paths.
std::optional<std::string> local_target(std::string_view url) {
  if (url.empty() || url[0] == '#' || url[0] == '/' || url[0] == '<') return std::nullopt;
  const auto colon = url.find(':');
  const auto slash = url.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return std::nullopt;
  url = url.substr(0, std::min(url.find('#'), url.find('?')));
  std::string out;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(url.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += url[i];
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// The target relative to the skill directory, or nullopt when it leaves it.
std::optional<fs::path> inside(const std::string& target) {
  fs::path p = fs::path(target).lexically_normal();
  if (p.empty() || p.is_absolute() || *p.begin() == "..") return std::nullopt;
  return p;
}

}  // namespace

ReferenceReport check_references(const doc::Document& document, const ReferencesSpec& spec) {
  ReferenceReport r;
  std::error_code ec;
  const fs::path dir = fs::absolute(fs::path(document.path()), ec).parent_path();
  std::vector<Reference> refs;
  for (const auto& l : document.markdown().links) {
    if (auto t = local_target(l.url)) refs.push_back({*t, l.line});
  }
  if (spec.mention) {
    const std::string_view body = document.body();
    const Regex& re = *spec.mention;
    std::size_t pos = 0;
    Match m;
    std::string_view none[1];
    while (pos <= body.size() && re.find_groups(body, pos, m, none, 0, document.unicode_classes())) {
      refs.push_back({std::string(body.substr(m.begin, m.end - m.begin)), document.line_of(document.body_offset() + m.begin)});
      pos = m.end > pos ? m.end : pos + 1;
    }
  }
  // A link's target is also a mention in the text ('[x](references/a.md)'), and a
  // file may be named twice: each missing file counts once, at its first link
  // (links first, then mentions).
  std::set<fs::path> referenced;
  for (const auto& ref : refs) {
    const auto rel = inside(ref.target);
    if (!rel) continue;
    if (!referenced.insert(*rel).second) continue;
    if (!fs::exists(dir / *rel, ec)) r.missing.push_back(ref);
  }
  // Files nothing points to: the skill file, its assessment and hidden files aside.
  const fs::path self = fs::path(document.path()).filename();
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(dir);
    if (rel.filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) continue;
    if (rel == self || rel == "quality_assessment.json") continue;
    bool covered = false;
    for (fs::path p = rel; !p.empty(); p = p.parent_path()) {
      if (referenced.count(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) r.unreferenced.push_back(rel.generic_string());
  }
  std::sort(r.unreferenced.begin(), r.unreferenced.end());
  return r;
}

}  // namespace skillscore::rules
