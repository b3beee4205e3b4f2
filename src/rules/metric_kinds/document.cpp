// `document`: a property of the document itself (frontmatter state, directory, lines).
#include <algorithm>
#include <filesystem>

#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "property"});
  DocumentPropertySpec s;
  s.property = r.enum_value(r.require(n, "property"), document_properties(), "document property");
  m.type = s.property == DocumentProperty::BodyLines ? ValueType::Int : ValueType::String;
  m.spec = s;
}

std::string_view state_name(doc::FrontmatterState s) {
  switch (s) {
    case doc::FrontmatterState::Absent: return "absent";
    case doc::FrontmatterState::Unclosed: return "unclosed";
    case doc::FrontmatterState::Loaded: return "ok";
    case doc::FrontmatterState::YamlError: return "invalid_yaml";
    case doc::FrontmatterState::Unusable: return "unusable";
    case doc::FrontmatterState::NotMapping: return "not_mapping";
  }
  return "?";
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<DocumentPropertySpec>(def.spec);
  const auto& fm = ctx.doc.frontmatter();
  switch (s.property) {
    case DocumentProperty::FrontmatterState:
      if (fm.state == doc::FrontmatterState::Absent || fm.state == doc::FrontmatterState::Unclosed) {
        at.line = 1;
        at.column = 1;
      }
      return Value::string(std::string(state_name(fm.state)));
    case DocumentProperty::FrontmatterError:
      at.line = fm.line;
      return Value::string(fm.message);
    case DocumentProperty::ParentDirName: {
      // The resolved directory, so that `.` gives its real name.
      std::error_code ec;
      const auto abs = std::filesystem::absolute(std::filesystem::path(ctx.doc.path()), ec).lexically_normal();
      return Value::string(ec ? std::string() : abs.parent_path().filename().string());
    }
    case DocumentProperty::BodyLines: {
      const auto body = ctx.doc.body();
      const auto n = body.empty() ? 0 : std::count(body.begin(), body.end(), '\n') + 1;
      return Value::integer(static_cast<std::int64_t>(n));
    }
    case DocumentProperty::FileName:
      return Value::string(std::filesystem::path(ctx.doc.path()).filename().string());
  }
  return Value::string("");
}

}  // namespace

const MetricKindDef k_document_kind = {
    MetricKind::Document, "document",
    "a `property` of the document: frontmatter state or error, directory, body lines",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
