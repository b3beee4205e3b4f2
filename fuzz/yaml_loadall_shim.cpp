// Fuzz builds only: replaces YAML::LoadAll(const std::string&) of Debian's
// yaml-cpp 0.7.0 for the fuzz executables (a definition in the executable
// takes precedence over the shared library's), so that fuzzing goes past a
// known, reported hang instead of finding it again every few seconds.
//
// The bug (yaml-cpp issue #1040, fixed upstream by PR #1319, after 0.7.0):
// a document that starts with a flow entry ',' in block context -- the
// frontmatter ",", "- x\n,", ",- " -- makes LoadAll loop forever, pushing a
// null document per iteration: unbounded time and memory. Reproducer:
// tests/hostile/regressions/yaml-loadall-comma-hang.md.
//
// This is also the fix proposed for src/doc/yaml_loader.cpp (docs/robustness.md):
// count the documents with a do-nothing EventHandler, stopping at two (one
// more than the loader accepts), then build the first with YAML::Load. The
// loader only reads docs[0] and docs.size() > 1, which stay what LoadAll
// would give for every input where LoadAll terminates.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>
#include <vector>

namespace {

class DocumentCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

namespace YAML {

std::vector<Node> LoadAll(const std::string& input) {
  std::size_t documents = 0;
  {
    std::istringstream in(input);
    Parser parser(in);
    DocumentCounter counter;
    while (documents < 2 && parser.HandleNextDocument(counter)) ++documents;
  }
  std::vector<Node> docs;
  if (documents == 0) return docs;
  docs.push_back(Load(input));
  if (documents > 1) docs.emplace_back();  // the caller only needs to know there is more than one
  return docs;
}

}  // namespace YAML
