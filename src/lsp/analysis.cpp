#include "analysis.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "skillscore/assess/assess.hpp"
#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/assess/suppressions.hpp"
#include "skillscore/report/assessment.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/fix/profile_fixes.hpp"
#include "skillscore/rules/kinds.hpp"

namespace skillscore::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

int lsp_severity(rules::Severity s) {
  switch (s) {
    case rules::Severity::Error: return 1;
    case rules::Severity::Warning: return 2;
    case rules::Severity::Info: return 3;
  }
  return 2;
}

json position_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }
json range_json(const Range& r) { return {{"start", position_json(r.start)}, {"end", position_json(r.end)}}; }

// An issue's place: from its column (code points) to the end of its line;
// the whole line without a column; the first line without a line.
Range issue_range(const LineTable& lines, std::size_t line, std::size_t column) {
  const std::size_t l = line == 0 ? 0 : std::min(line - 1, lines.line_count() - 1);
  const std::size_t end = lines.line_length(l);
  const std::size_t start = column > 0 ? std::min(lines.character_of(l, column - 1), end) : 0;
  return {{l, start}, {l, end}};
}

std::string fixes_line(std::string_view rule_id) {
  std::string s;
  for (const auto kind : fix::fixes_for_rule(rule_id)) {
    const auto& f = fix::fix_info(kind);
    s += "\n\n**Automatic fix:** `" + std::string(f.id) + "` " + std::string(f.slug) + ": " + std::string(f.title) +
         " (a code action here, or `skillscore fix`)";
  }
  return s;
}

std::string hover_text(const report::Issue& issue, const rules::Profile& profile) {
  std::string md = "**" + issue.rule + "** `" + issue.slug + "` (" +
                   std::string(rules::kind_name(rules::severities(), issue.severity)) + ")\n\n" + issue.message;
  const auto check = std::find_if(profile.checks.begin(), profile.checks.end(),
                                  [&](const rules::Check& c) { return c.id == issue.rule; });
  if (check != profile.checks.end()) {
    md += "\n\n" + check->title + ".";
    if (!check->doc.empty()) md += "\n\n" + check->doc;
  } else {
    for (const auto& d : assess::diagnostics()) {
      if (d.id == issue.rule) md += "\n\n" + std::string(d.title) + ".";
    }
  }
  if (!issue.recommendation.empty()) md += "\n\n**Fix:** " + issue.recommendation;
  md += fixes_line(issue.rule);
  md += "\n\n[Documentation](" + rule_help_uri(issue.rule) + ") · `skillscore explain " + issue.rule + "`";
  return md;
}

json diagnostic_json(const report::Issue& issue, const Range& range) {
  json fixes = json::array();
  for (const auto kind : fix::fixes_for_rule(issue.rule)) fixes.push_back(std::string(fix::fix_info(kind).id));
  return {{"range", range_json(range)},
          {"severity", lsp_severity(issue.severity)},
          {"code", issue.rule},
          {"codeDescription", {{"href", rule_help_uri(issue.rule)}}},
          {"source", "skillscore"},
          {"message", issue.message},
          {"data", {{"slug", issue.slug}, {"recommendation", issue.recommendation}, {"fixes", fixes}}}};
}

void add_problem(Analysis& out, const std::string& message) {
  const Range r{{0, 0}, {0, 0}};
  json d = {{"range", range_json(r)}, {"severity", 1}, {"source", "skillscore"}, {"message", message}};
  out.diagnostics.push_back(std::move(d));
  out.findings.push_back({r, "**skillscore** could not assess this file\n\n" + message});
}

// The smallest edit from `before` to `after`: one TextEdit, never splitting a
// UTF-8 sequence or a CRLF.
json text_edit(std::string_view before, std::string_view after) {
  std::size_t pre = 0;
  const std::size_t most = std::min(before.size(), after.size());
  while (pre < most && before[pre] == after[pre]) ++pre;
  auto cont = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  while (pre > 0 && ((pre < before.size() && cont(before[pre])) || (pre < after.size() && cont(after[pre])))) --pre;
  if (pre > 0 && before[pre - 1] == '\r') --pre;
  std::size_t suf = 0;
  while (suf < most - pre && before[before.size() - 1 - suf] == after[after.size() - 1 - suf]) ++suf;
  while (suf > 0 && cont(before[before.size() - suf])) --suf;
  if (suf > 0 && before[before.size() - suf] == '\n' && before.size() - suf > pre && before[before.size() - suf - 1] == '\r') --suf;
  const LineTable lines(before);
  const Range r{lines.position_of(pre), lines.position_of(before.size() - suf)};
  return {{"range", range_json(r)}, {"newText", std::string(after.substr(pre, after.size() - suf - pre))}};
}

bool wanted(const json& only, std::string_view kind) {
  if (!only.is_array() || only.empty()) return true;
  for (const auto& o : only) {
    if (!o.is_string()) continue;
    const std::string s = o.get<std::string>();
    if (kind == s || (kind.size() > s.size() && kind.substr(0, s.size()) == s && kind[s.size()] == '.')) return true;
  }
  return false;
}

}  // namespace

std::string rule_help_uri(std::string_view rule_id) {
  std::string id(rule_id);
  for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "https://github.com/skillscore/skillscore/blob/main/rules/README.md#" + id;
}

bool is_skill_document(std::string_view path) {
  const auto name = fs::path(std::string(path)).filename().string();
  return name == "SKILL.md" || name == "skill.md";
}

Analysis analyze(const std::string& path, std::string_view text, const app::ProfileChoice& choice) {
  Analysis out;
  std::string error;
  const auto chosen = app::choose_profile(choice, fs::path(path).parent_path(), error);
  if (!chosen) {
    add_problem(out, "configuration: " + error);
    return out;
  }
  const rules::Profile& profile = chosen->profile;
  auto decoded = doc::decode_skill_text(text, error);
  if (!decoded) {
    add_problem(out, error);
    return out;
  }
  try {
    const doc::Document document(path, std::move(*decoded), profile.document.frontmatter, profile.document.yaml);
    report::Assessment a = assess::assess(profile, document);
    if (profile.document.honor_suppressions) {
      std::set<std::string> known;
      for (const auto& c : profile.checks) known.insert({c.id, c.slug});
      for (const auto& d : assess::diagnostics()) known.insert({std::string(d.id), std::string(d.slug)});
      assess::apply_suppressions(document.text(), known, a);
    }
    const LineTable lines(text);
    for (const auto& issue : a.issues) {
      const Range r = issue_range(lines, issue.line, issue.column);
      out.diagnostics.push_back(diagnostic_json(issue, r));
      out.findings.push_back({r, hover_text(issue, profile)});
    }
  } catch (const std::exception& e) {
    add_problem(out, e.what());
  }
  return out;
}

json code_actions(const std::string& uri, const std::string& path, std::string_view text,
                  const app::ProfileChoice& choice, const json& diagnostics, const json& only) {
  json actions = json::array();
  std::string error;
  const auto chosen = app::choose_profile(choice, fs::path(path).parent_path(), error);
  if (!chosen) return actions;
  const auto kinds = fix::fixes_for_profile(chosen->profile);
  const fix::FixContext context = fix::context_for(chosen->profile, path);
  auto edit = [&](const std::string& fixed) {
    return json{{"changes", {{uri, json::array({text_edit(text, fixed)})}}}};
  };
  if (wanted(only, "quickfix")) {
    for (const auto kind : kinds) {
      const fix::FixKind one[] = {kind};
      const auto r = fix::fix_text(text, context, one);
      if (r.applied.empty()) continue;
      const auto& info = fix::fix_info(kind);
      json resolved = json::array();
      if (diagnostics.is_array()) {
        for (const auto& d : diagnostics) {
          if (d.is_object() && d.contains("code") && d["code"].is_string() &&
              std::find(info.resolves.begin(), info.resolves.end(), d["code"].get<std::string>()) != info.resolves.end()) {
            resolved.push_back(d);
          }
        }
      }
      json action = {{"title", "skillscore: " + std::string(info.title) + " (" + std::string(info.id) + ")"},
                     {"kind", "quickfix"},
                     {"edit", edit(r.text)}};
      if (!resolved.empty()) {
        action["diagnostics"] = resolved;
        action["isPreferred"] = true;
      }
      actions.push_back(std::move(action));
    }
  }
  if (wanted(only, "source.fixAll.skillscore")) {
    const auto all = fix::fix_text(text, context, kinds);
    if (!all.applied.empty()) {
      actions.push_back({{"title", "skillscore: apply every safe fix"}, {"kind", "source.fixAll.skillscore"}, {"edit", edit(all.text)}});
    }
  }
  return actions;
}

}  // namespace skillscore::lsp
