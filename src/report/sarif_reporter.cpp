// --format sarif: SARIF 2.1.0 for code-scanning tools (GitHub code scanning,
// IDE viewers). One run; rules are the profile's checks and skillscore's own
// diagnostics, each with help (text and Markdown) and a helpUri to its page;
// one result per issue, each with a region (line 1 for a finding about the
// whole file) and its URI relative to %SRCROOT% (docs/sarif.md says which
// directory that is); the message says what is wrong, the recommendation
// follows after a blank line; files that could not be scored are tool
// execution notifications; the invocation has the run's exit code and the
// run's properties every gate.
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "report_util.hpp"
#include "reporters.hpp"
#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/report/rule_docs.hpp"
#include "skillscore/report/json_writer.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::report {
namespace {

constexpr std::string_view k_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view k_info_uri = "https://github.com/skillscore/skillscore";
constexpr std::string_view k_fingerprint_key = "skillscore/v1";

std::string_view sarif_level(rules::Severity s) {
  switch (s) {
    case rules::Severity::Error: return "error";
    case rules::Severity::Warning: return "warning";
    case rules::Severity::Info: return "note";
  }
  return "warning";
}

// "section-core-patterns" -> "SectionCorePatterns".
std::string pascal_case(std::string_view slug) {
  std::string out;
  bool upper = true;
  for (char c : slug) {
    if (c == '-' || c == '_' || c == ' ' || c == '.') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// Percent-encodes every byte but the unreserved characters and '/'.
std::string uri_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// An artifact location for a path as given: relative paths are relative to
// %SRCROOT%; absolute ones become file: URIs.
struct ArtifactUri {
  std::string uri;
  bool relative = true;
};

ArtifactUri artifact_uri(std::string_view raw) {
  std::string path = detail::forward_slashes(raw);
  if (path.empty()) return {"", true};
  if (!path.empty() && path[0] == '/') return {"file://" + uri_encode(path), false};
  if (path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':' && path[2] == '/') {
    return {"file:///" + path.substr(0, 2) + uri_encode(path.substr(2)), false};
  }
  std::string_view rest = path;
  while (rest.size() > 2 && rest.substr(0, 2) == "./") rest.remove_prefix(2);
  return {uri_encode(rest), true};
}

// With a source root: the path made absolute from `cwd`, then relative to the
// root; a file outside the root keeps an absolute file: URI.
ArtifactUri artifact_uri(std::string_view raw, const RunContext& c) {
  if (!c.source_root) return artifact_uri(raw);
  namespace fs = std::filesystem;
  fs::path p(raw);
  if (p.is_relative()) p = fs::path(c.cwd) / p;
  const fs::path rel = p.lexically_normal().lexically_relative(fs::path(*c.source_root));
  const std::string r = rel.generic_string();
  if (rel.empty() || r == ".." || r.rfind("../", 0) == 0) return artifact_uri(p.lexically_normal().generic_string());
  return artifact_uri(r);
}

// `line` 0 (unknown): no region (notifications). Results always have one.
void write_location(JsonWriter& w, const ArtifactUri& uri, std::size_t line, std::size_t column = 0) {
  w.begin_object().key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object().key("uri").value(uri.uri);
  if (uri.relative) w.key("uriBaseId").value("%SRCROOT%");
  w.end_object();
  if (line) {
    w.key("region").begin_object().key("startLine").value(line);
    if (column) w.key("startColumn").value(column);
    w.end_object();
  }
  w.end_object().end_object();
}

}  // namespace

namespace {

struct RuleEntry {
  std::string id;
  std::string slug;
  std::string title;
  std::string doc;
  rules::Severity severity = rules::Severity::Warning;
};

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(const RunContext& c) : profile_(c.profile ? c.profile->name : ""), context_(c) {
    if (c.profile) {
      for (const auto& check : c.profile->checks) add_rule({check.id, check.slug, check.title, check.doc, check.severity});
    }
    for (const auto& d : assess::diagnostics()) {
      add_rule({std::string(d.id), std::string(d.slug), std::string(d.title), std::string(d.title), d.severity});
    }
  }

  void add(const Assessment& a) override {
    if (profile_.empty()) profile_ = a.profile;
    for (const auto& i : a.issues) {
      // A rule outside the profile (it should not happen) is still described.
      add_rule({i.rule, i.slug, i.slug.empty() ? i.rule : i.slug, {}, i.severity});
    }
    assessments_.push_back(a);
  }
  void add_error(const FileError& e) override { errors_.push_back(e); }

  std::string finish(const Summary& s) override {
    JsonWriter w(2);
    w.begin_object();
    w.key("$schema").value(k_schema);
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();

    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("skillscore");
    w.key("version").value(SKILLSCORE_VERSION);
    w.key("semanticVersion").value(SKILLSCORE_VERSION);
    w.key("informationUri").value(k_info_uri);
    w.key("rules").begin_array();
    for (const auto& r : rules_) write_rule(w, r);
    w.end_array();
    w.end_object().end_object();

    w.key("invocations").begin_array().begin_object();
    // exitCode and the gates: what the run decided, as its exit code says.
    w.key("executionSuccessful").value(errors_.empty() && !s.problems);
    w.key("exitCode").value(s.exit_code);
    w.key("toolExecutionNotifications").begin_array();
    for (const auto& e : errors_) {
      w.begin_object();
      w.key("level").value("error");
      w.key("message").begin_object().key("text").value(e.path + ": " + e.message).end_object();
      w.key("locations").begin_array();
      write_location(w, artifact_uri(e.path, context_), 0);
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object().end_array();

    w.key("results").begin_array();
    std::set<std::uint64_t> seen;
    for (const auto& a : assessments_) {
      const ArtifactUri uri = artifact_uri(a.path, context_);
      for (const auto& i : a.issues) write_result(w, a, i, uri, seen);
    }
    w.end_array();

    w.key("columnKind").value("unicodeCodePoints");
    w.key("properties").begin_object().key("profile").value(profile_);
    w.key("verdict").value(verdict_info(s.verdict).name).key("exitCode").value(s.exit_code);
    w.key("gates").begin_array();
    for (const auto& g : s.gates) {
      w.begin_object().key("gate").value(gate_info(g.gate).name).key("setting").value(g.setting);
      w.key("enabled").value(g.enabled).key("failed").value(g.failed).key("text").value(gate_sentence(g)).end_object();
    }
    w.end_array().end_object();
    w.end_object().end_array();
    w.end_object();
    return w.take() + "\n";
  }

 private:
  void add_rule(RuleEntry r) {
    if (index_.count(r.id)) return;
    index_.emplace(r.id, rules_.size());
    rules_.push_back(std::move(r));
  }

  static void write_rule(JsonWriter& w, const RuleEntry& r) {
    w.begin_object();
    w.key("id").value(r.id);
    w.key("name").value(pascal_case(r.slug.empty() ? r.id : r.slug));
    w.key("shortDescription").begin_object().key("text").value(r.title).end_object();
    const std::string doc = r.doc.empty() ? r.title : r.doc;
    const std::string uri = rule_doc_url(r.id);
    w.key("fullDescription").begin_object().key("text").value(doc).end_object();
    w.key("helpUri").value(uri);
    w.key("help").begin_object();
    w.key("text").value(doc + "\n\nDocumentation: " + uri);
    w.key("markdown").value("**" + r.id + " " + r.slug + "**: " + r.title + "\n\n" + doc + "\n\n[Documentation of " + r.id + "](" + uri + ")");
    w.end_object();
    w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(r.severity)).end_object();
    w.key("properties").begin_object().key("slug").value(r.slug).end_object();
    w.end_object();
  }

  void write_result(JsonWriter& w, const Assessment& a, const Issue& i, const ArtifactUri& uri,
                    std::set<std::uint64_t>& seen) const {
    w.begin_object();
    w.key("ruleId").value(i.rule);
    w.key("ruleIndex").value(index_.at(i.rule));
    w.key("level").value(sarif_level(i.severity));
    // What is wrong, then what to do, apart (GitHub shows the text as it is).
    const std::string text = i.recommendation.empty() ? i.message : i.message + "\n\nRecommendation: " + i.recommendation;
    w.key("message").begin_object().key("text").value(text).end_object();
    w.key("locations").begin_array();
    write_location(w, uri, i.line ? i.line : 1, i.line ? i.column : 0);  // a finding about the whole file: line 1
    w.end_array();
    // Stable across runs and line moves: the rule, the file and the message.
    // A repeat of the same triple in one file gets the occurrence mixed in.
    std::uint64_t h = detail::fnv1a64(i.rule);
    h = detail::fnv1a64(std::string_view("\0", 1), h);
    h = detail::fnv1a64(uri.uri, h);
    h = detail::fnv1a64(std::string_view("\0", 1), h);
    h = detail::fnv1a64(i.message, h);
    const std::uint64_t base = h;
    for (std::uint64_t n = 2; !seen.insert(h).second; ++n) {
      h = detail::fnv1a64(std::string(1, ':').append(std::to_string(n)), base);
    }
    w.key("partialFingerprints").begin_object().key(k_fingerprint_key).value(detail::hex64(h)).end_object();
    w.key("properties").begin_object();
    w.key("score").value(a.score.score);
    w.key("rating").value(score::rating_label(a.score.rating));
    w.key("slug").value(i.slug);
    if (!i.line) w.key("wholeFile").value(true);
    if (!i.recommendation.empty()) w.key("recommendation").value(i.recommendation);
    w.end_object();
    w.end_object();
  }

  std::string profile_;
  RunContext context_;
  std::vector<RuleEntry> rules_;
  std::map<std::string, std::size_t> index_;
  std::vector<Assessment> assessments_;
  std::vector<FileError> errors_;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const RunContext& c) { return std::make_unique<SarifReporter>(c); }

}  // namespace skillscore::report
