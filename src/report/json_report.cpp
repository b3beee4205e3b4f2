#include "skillscore/report/json_report.hpp"

#include "skillscore/rules/kinds.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::report {
namespace {

void write_value(JsonWriter& w, const rules::Value& v) {
  switch (v.type) {
    case rules::ValueType::Bool: w.value(v.b); break;
    case rules::ValueType::Int: w.value(v.i); break;
    case rules::ValueType::Float: w.value(v.f); break;
    case rules::ValueType::String: w.value(v.s); break;
  }
}

void write_outputs(JsonWriter& w, const std::vector<std::pair<std::string, OutputValue>>& fields) {
  w.begin_object();
  for (const auto& [key, v] : fields) {
    w.key(key);
    if (v.is_list) {
      w.begin_array();
      for (const auto& s : v.list) w.value(s);
      w.end_array();
    } else {
      write_value(w, v.value);
    }
  }
  w.end_object();
}

void write_tool(JsonWriter& w) {
  w.begin_object().key("name").value("skillscore").key("version").value(SKILLSCORE_VERSION).end_object();
}

// About what write_assessment writes for `a`, a little over for most: one
// allocation per record instead of the string doubling a dozen times.
std::size_t json_size_hint(const Assessment& a, int indent, int depth) {
  std::size_t bytes = 320 + a.path.size() + a.profile.size();
  std::size_t items = 16 + a.strengths.size() + a.issues.size() * 10;
  for (const auto& s : a.strengths) bytes += s.size() + 4;
  for (const auto& i : a.issues) bytes += i.rule.size() + i.slug.size() + i.message.size() + 2 * i.recommendation.size() + 110;
  for (const auto* fields : {&a.metrics, &a.deterministic_metrics}) {
    for (const auto& [key, v] : *fields) {
      bytes += key.size() + 24 + v.value.s.size();
      for (const auto& s : v.list) bytes += s.size() + 4;
      items += 1 + v.list.size();
    }
  }
  // Pretty: a line per item, indented.
  if (indent) bytes += items * (2 + static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth + 3));
  return bytes;
}

}  // namespace

void write_assessment(JsonWriter& w, const Assessment& a) {
  w.begin_object();
  w.key("schema_version").value(k_schema_version);
  w.key("tool");
  write_tool(w);
  w.key("profile").value(a.profile);
  w.key("path").value(a.path);
  w.key("score").value(a.score.score);
  w.key("rating").value(score::rating_label(a.score.rating));
  w.key("strengths").begin_array();
  for (const auto& s : a.strengths) w.value(s);
  w.end_array();
  w.key("issues").begin_array();
  for (const auto& i : a.issues) {
    w.begin_object();
    w.key("rule").value(i.rule);
    w.key("slug").value(i.slug);
    w.key("severity").value(rules::kind_name(rules::severities(), i.severity));
    w.key("message").value(i.message);
    w.key("line");
    if (i.line) w.value(i.line);
    else w.null();
    w.key("column");
    if (i.line && i.column) w.value(i.column);
    else w.null();
    w.key("recommendation").value(i.recommendation);
    w.end_object();
  }
  w.end_array();
  w.key("recommendations").begin_array();
  for (const auto& i : a.issues) w.value(i.recommendation);
  w.end_array();
  w.key("metrics");
  write_outputs(w, a.metrics);
  w.key("deterministic_metrics");
  write_outputs(w, a.deterministic_metrics);
  w.key("calibrated_score").value(a.score.score);
  w.end_object();
}

std::string assessment_json(const Assessment& a, int indent) {
  std::string out;
  append_assessment_json(out, a, indent);
  return out;
}

void append_assessment_json(std::string& out, const Assessment& a, int indent, int depth) {
  out.reserve(out.size() + json_size_hint(a, indent, depth));
  JsonWriter w(out, indent, depth);
  write_assessment(w, a);
}

std::string batch_json(const std::vector<const Assessment*>& assessments, const std::vector<const FileError*>& errors,
                       const std::string& profile) {
  std::vector<std::string> rendered;
  rendered.reserve(assessments.size());
  for (const auto* a : assessments) append_assessment_json(rendered.emplace_back(), *a, 2, k_batch_assessment_depth);
  return batch_json_rendered(rendered, errors, profile);
}

std::string batch_json_rendered(const std::vector<std::string>& rendered, const std::vector<const FileError*>& errors,
                       const std::string& profile) {
  JsonWriter w(2);
  w.begin_object();
  w.key("schema_version").value(k_schema_version);
  w.key("tool");
  write_tool(w);
  w.key("profile").value(profile);
  w.key("assessments").begin_array();
  for (const auto& a : rendered) w.raw(a);
  w.end_array();
  w.key("errors").begin_array();
  for (const auto* e : errors) w.begin_object().key("path").value(e->path).key("error").value(e->message).end_object();
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

std::string file_error_json(const FileError& e) {
  std::string out;
  append_file_error_json(out, e);
  return out;
}

void append_file_error_json(std::string& out, const FileError& e) {
  JsonWriter w(out, 0);
  w.begin_object().key("path").value(e.path).key("error").value(e.message).end_object();
}

}  // namespace skillscore::report
