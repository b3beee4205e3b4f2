#include "load.hpp"

#include "composer.hpp"
#include "constructor.hpp"

namespace skillscore::doc::pyyaml {
namespace {

// Two of PyYAML's problems keep the words skillscore's reports have used for
// them (both say what PyYAML found: a ':' where no mapping value may start,
// a block mapping that goes on where it must end), so reports stay stable.
std::string report_message(const std::string& problem) {
  if (problem == "mapping values are not allowed here") return "illegal map value";
  return problem;
}

}  // namespace

YamlLoadResult safe_load(std::string_view text, const YamlLimits& limits) {
  YamlLoadResult r;
  try {
    Reader reader(text);
    try {
      Scanner scanner(reader);
      Parser parser(scanner);
      Composer composer(parser);
      Graph g = composer.compose();
      if (g.empty) return r;  // an empty stream loads as None
      ConstructLimits cl;
      cl.max_values = limits.max_nodes;
      r.value = construct(g, reader, cl);
      return r;
    } catch (Failure& f) {
      r.status = f.kind == FailureKind::YamlError ? YamlStatus::Error
                 : f.kind == FailureKind::Limit   ? YamlStatus::Limit
                                                  : YamlStatus::Crash;
      r.message = report_message(f.message);
      if (f.has_mark) {
        r.line = f.mark.line + 1;
        r.column = reader.byte_column(f.mark);
      }
      return r;
    }
  } catch (Failure& f) {  // the Reader's own check
    r.status = YamlStatus::Error;
    r.message = f.message;
    if (f.has_mark) {
      r.line = f.mark.line + 1;
      r.column = f.mark.column + 1;
    }
    return r;
  }
}

}  // namespace skillscore::doc::pyyaml
