// Tests for src/doc/yaml_simple.cpp: the direct reader gives what yaml-cpp's
// path gives (values, types, positions, errors) wherever it answers, and
// leaves the rest to it.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "../../src/doc/yaml_simple.hpp"
#include "skillscore/doc/yaml_loader.hpp"

using namespace skillscore::doc;

namespace {

bool same(const PyValue& a, const PyValue& b, std::string& why, const std::string& path = "$") {
  if (a.type != b.type || a.text != b.text || a.boolean != b.boolean || a.number != b.number ||
      a.repr_text != b.repr_text) {
    why = path + ": value differs ('" + a.text + "' / '" + b.text + "')";
    return false;
  }
  if (a.line != b.line || a.column != b.column) {
    why = path + ": position " + std::to_string(a.line) + ":" + std::to_string(a.column) + " / " +
          std::to_string(b.line) + ":" + std::to_string(b.column);
    return false;
  }
  if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
    why = path + ": size differs";
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i], why, path + "[" + std::to_string(i) + "]")) return false;
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    const auto& [ka, va] = a.entries[i];
    if (!same(ka, b.entries[i].first, why, path + " key " + ka.text)) return false;
    if (!same(va, b.entries[i].second, why, path + "." + ka.text)) return false;
  }
  return true;
}

// Whether the direct reader answers, and then agrees with the full loader.
bool taken_and_same(const std::string& yaml) {
  const auto simple = load_simple_yaml(yaml, {});
  if (!simple) return false;
  const YamlLoadResult full = load_yaml(yaml, {}, YamlDialect::PyYaml, false);
  std::string why;
  CHECK_MESSAGE(full.status == YamlStatus::Ok, yaml, " -> ", full.message);
  CHECK_MESSAGE(same(simple->value, full.value, why), yaml, " -> ", why);
  return true;
}

}  // namespace

TEST_SUITE("doc/yaml_simple") {
  TEST_CASE("reads the common frontmatter as the full loader does") {
    CHECK(taken_and_same("\nname: my-skill\ndescription: Use when testing, before a release\n"));
    CHECK(taken_and_same("\nname: x\ndescription: \"Quoted: with colon # and hash\"\nlicense: 'it''s MIT'\n"));
    CHECK(taken_and_same("\nname: x\ntags: [a, \"b, c\", 'd', 1, true, null]\nempty: []\n"));
    CHECK(taken_and_same("\nmetadata:\n  skill_id: x/y\n  version: 1.0.0\n  weight: 0.5\n  when:\nnext: 1\n"));
    CHECK(taken_and_same("\nlist:\n  - a\n  - 'b'\n  - [c]\nsame_indent:\n- d\n- 2024-01-02\nlast:\n"));
    CHECK(taken_and_same("name: x\nversion: 1.0\ncount: 0x1F\nyes: no\nwhen: 2024-01-01 10:00:00\nnull: ~\nlast:"));
    CHECK(taken_and_same("\nurl: http://example.com/a:b\nnote: caf\xC3\xA9 \xE2\x9C\x85 [x] {y} C# a,b\n\n\n"));
    CHECK(taken_and_same("\na:\n  b:\n    c: deep\n  d: [1, 2]\ne: f\n"));
    CHECK(taken_and_same("\ndup: first\nother: x\ndup: second\n"));
    CHECK(taken_and_same("\nd: \"say \\\"hi\\\" \\\\ a\\/b\\nc\\td\\ e # not a comment\"\nname: x\n"));
    CHECK(taken_and_same("# a comment\nname: x\n  # indented\nlist:\n# between\n  - a\n    #deeper\n  - b\nm:\n #\n  k: v\n#end"));
    CHECK(taken_and_same("\nd: |\n  text\n# ends the scalar\n  #  \nname: x\n"));
  }

  TEST_CASE("leaves everything else to the full loader") {
    for (const char* yaml : {
             "\nname: x # trailing comment\n",         // comments after a value
             "\nname: x\n# comment\n  more\n",         // ... or a comment that ends a scalar
             "\ndescription: |0\n  block\n",           // block scalars PyYAML refuses
             "\ndescription: |#c\n  block\n",
             "\ndescription: >-x\n  folded\n",
             "\nlist:\n  - |\n    in a list\n",         // ... or in a list
             "\ndescription: |\n    deep\n  less\n",    // ... or followed by what is no key
             "\ndescription: \"esc\\x41ped\"\n",       // escapes beyond the common ones
             "\ndescription: \"bad \\' escape\"\n",
             "\ndescription: \"ends \\\"\n",
             "\ndescription: \"a\" b\"\n",
             "\ndescription: \"two\n  lines\"\n",     // multi-line double-quoted
             "\ndescription: 'two\n---\n  lines'\n",  // a document marker in a quoted scalar
             "\ndescription: 'two\n  lines' # c\n",   // a comment after a multi-line one
             "\ndescription: two\n  lines: x\n",       // what ends a multi-line plain scalar
             "\ndescription: two\n  lines #c\n",
             "\ndescription: two\n# c\n  lines\n",
             "\nname: &a x\nother: *a\n",              // anchors and aliases
             "\nname: !!str 1\n",                      // tags
             "\n<<: {a: 1}\n",                         // merge keys, flow mappings
             "\nname:\tx\n",                           // tabs
             "\nname: x\r\n",                          // carriage returns
             "\n---\nname: x\n",                       // document markers
             "\n%YAML 1.1\nname: x\n",                 // directives
             "\nname: a: b\n",                         // what PyYAML refuses
             "\nlist:\n  -\n  - a\n",                  // empty or nested items
             "\nlist:\n  - a: 1\n",
             "\ntags: [a, [b]]\n",
             "\ntags: [a, ]\n",
             "\ntags: [a, c?--, b]\n",                 // '?' inside a flow item (found by fuzzing)
             "\ntags: [a,\n  b]\n",
             "\n  name: indented\n",
             "\n",                                     // empty stream
             "\nname: `x`\n",
             "\nk\xC3\xA9y: x\n",
         }) {
      CHECK_MESSAGE(!load_simple_yaml(yaml, {}).has_value(), yaml);
      // And load_yaml still gives the full loader's answer for them.
      const YamlLoadResult a = load_yaml(yaml), b = load_yaml(yaml, {}, YamlDialect::PyYaml, false);
      std::string why;
      CHECK_EQ(a.status, b.status);
      CHECK_EQ(a.message, b.message);
      CHECK_MESSAGE(same(a.value, b.value, why), yaml, " -> ", why);
    }
  }

  TEST_CASE("limits: too many nodes or too deep is left to the full loader, which reports it") {
    YamlLimits limits;
    limits.max_nodes = 5;
    CHECK_FALSE(load_simple_yaml("\na: 1\nb: 2\nc: 3\n", limits).has_value());
    limits = {};
    limits.max_depth = 1;
    CHECK_FALSE(load_simple_yaml("\na:\n  b:\n    c: 1\n", limits).has_value());
  }

  TEST_CASE("random frontmatter: wherever the reader answers, the full loader agrees") {
    const std::vector<std::string> keys = {"name", "description", "a-b", "x.y", "1", "true", "on", "null", "k_2", "dup"};
    const std::vector<std::string> values = {
        "plain words", "yes", "No", "1e3", "1_000", "0o17", "0x1F", "-1", "+2", ".5", "1:30", "2024-01-01",
        "2024-1-1", "~", "null", "'single ''q'''", "\"double: q\"", "\"\"", "''", "[a, b]", "[]", "[ 'x' , \"y\" ]",
        "\"e\\\"s\\\\c\\n\\t\\/\\ \"", "\"\\x41\"", "\"\\'\"", "\"a\\\"",
        "[1, 2.5, true, ~]", "a#b", "a: b", "a #c", "caf\xC3\xA9", "\xE2\x9C\x85 done", "{a: 1}", "*x", "|", "x:",
        "http://a:b", "a, b, c", "[a b, c]", "'unterminated", "\"x\" y", "[a?b]", "[? a]", "a?b", "[x-y, -z]"};
    std::mt19937 rng(1121);
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    int taken = 0;
    for (int t = 0; t < 4000; ++t) {
      std::string yaml = rng() % 2 ? "\n" : "";
      const int entries = 1 + static_cast<int>(rng() % 6);
      for (int e = 0; e < entries; ++e) {
        const std::string key = pick(keys);
        switch (rng() % 6) {
          case 0: {  // nested mapping, indented by 2 or 4
            const std::string pad(rng() % 2 ? 2 : 4, ' ');
            yaml += key + ":\n";
            for (int n = 0, m = 1 + static_cast<int>(rng() % 3); n < m; ++n) {
              yaml += pad + pick(keys) + (rng() % 4 ? ": " + pick(values) : ":") + "\n";
            }
            break;
          }
          case 1: {  // block list, indented or not
            const std::string pad = rng() % 2 ? "  " : "";
            yaml += key + ":\n";
            for (int n = 0, m = 1 + static_cast<int>(rng() % 3); n < m; ++n) yaml += pad + "- " + pick(values) + "\n";
            break;
          }
          case 2: yaml += key + ":\n" + (rng() % 2 ? std::string(rng() % 5, ' ') + "# c: 'x\n" : ""); break;  // null
          case 3: yaml += "\n"; [[fallthrough]];  // a blank line first
          default: yaml += key + ": " + pick(values) + (rng() % 8 ? "" : "  ") + "\n"; break;
        }
      }
      if (rng() % 4 == 0 && !yaml.empty() && yaml.back() == '\n') yaml.pop_back();  // no final newline
      if (taken_and_same(yaml)) ++taken;
    }
    CHECK_GT(taken, 800);
  }

  TEST_CASE("block scalars: PyYAML's chomping, folding and indentation") {
    CHECK(taken_and_same("\ndescription: |\n  line one\n  line two\nname: x\n"));
    CHECK(taken_and_same("\ndescription: >-\n  folded\n  text\n\n  para\n    more\n  back\nname: x\n"));
    CHECK(taken_and_same("\nd: |+\n  keep\n\n\nname: x\n"));
    CHECK(taken_and_same("\nd: >2-\n   three\n  two\nname: x"));
    CHECK(taken_and_same("\nd: |-1 # comment\n  x\n #y\n"));
    CHECK(taken_and_same("\nd: |\nname: x\n"));                      // empty
    CHECK(taken_and_same("\nd: >\n\n  \n   a # not a comment\n   b: c\n"));
    CHECK(taken_and_same("\nm:\n  d: |  \n    x  \n    y\n  e: 1\nf: 2\n"));
    CHECK(taken_and_same("\nd: >\n  last line, no newline"));
    CHECK(taken_and_same("\nd: |\n  a\n\n"));
  }

  TEST_CASE("multi-line plain and single-quoted scalars fold as PyYAML folds them") {
    CHECK(taken_and_same("\ndescription: two\n  lines\nname: x\n"));
    CHECK(taken_and_same("\nd: a  b  \n    c   d  \n\n\n  e\n \n  - f [g] {h} &i *j !k 'l' \"m\" a#b c:d\nname: x"));
    CHECK(taken_and_same("\nm:\n  d: 2024-01-01\n   10:00:00\n  e: true\n   false\n  f: 1\n   \n   2\nn: x\n"));
    CHECK(taken_and_same("\nd: 'two\n  lines'\nname: x\n"));
    CHECK(taken_and_same("\nd: 'it''s\nat column 0 ''\n\n\n   and   more  \n  \n  x''y'  \nname: x"));
    CHECK(taken_and_same("\nd: '\n  # not a comment: x\n---not a marker'\n"));
  }

  TEST_CASE("random multi-line scalars: wherever the reader answers, the full loader agrees") {
    const std::vector<std::string> firsts = {"text", "'quoted", "'it''s", "''", "'a' b", "1", "true", "~", "a#b",
                                             "'x'", "2024-01-01", "x:", "'a:", "[a]"};
    const std::vector<std::string> lines = {"more", "more text  ", "a: b", "a:", "# hash", "a #b", "- item", "x'",
                                            "x''y'", "'", "''", "---", "--- x", "...", "", " ", "10:00:00", "caf\xC3\xA9"};
    std::mt19937 rng(77);
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    int taken = 0;
    for (int t = 0; t < 6000; ++t) {
      std::string yaml = "\nname: x\n";
      const bool nested = rng() % 3 == 0;
      const std::string parent = nested ? "  " : "";
      if (nested) yaml += "meta:\n";
      for (int e = 0, entries = 1 + static_cast<int>(rng() % 2); e < entries; ++e) {
        yaml += parent + "d" + std::to_string(e) + ": " + pick(firsts) + (rng() % 4 ? "" : "  ") + "\n";
        for (int n = 0, m = static_cast<int>(rng() % 4); n < m; ++n) {
          const std::size_t pad = rng() % 4 == 0 ? 0 : parent.size() + rng() % 4;
          yaml += std::string(pad, ' ') + pick(lines) + "\n";
        }
        if (rng() % 2 == 0) yaml += parent + "k" + std::to_string(e) + ": v\n";
      }
      if (rng() % 3 == 0) yaml += "last: 1\n";
      if (rng() % 4 == 0 && yaml.back() == '\n') yaml.pop_back();  // no final newline
      if (taken_and_same(yaml)) ++taken;
    }
    MESSAGE("taken ", taken);
    CHECK_GT(taken, 1000);
  }

  TEST_CASE("random block scalars: wherever the reader answers, the full loader agrees") {
    const std::vector<std::string> headers = {"|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|1-", "-|", ">+3",
                                              "|9", "|0", "|  ", "> # c", "|-#c", "|x", "|++", ">2 #", "|-  # a # b"};
    const std::vector<std::string> bodies = {"text", "more text", "a: b", "# hash", "- item", "x  ", "  deeper",
                                             "    deepest", "", " ", "      ", "caf\xC3\xA9", "[flow]", "'q'", "\"d\""};
    std::mt19937 rng(2024);
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    int taken = 0;
    for (int t = 0; t < 6000; ++t) {
      std::string yaml = "\nname: x\n";
      const bool nested = rng() % 3 == 0;
      const std::string parent = nested ? "  " : "";
      if (nested) yaml += "meta:\n";
      for (int e = 0, entries = 1 + static_cast<int>(rng() % 2); e < entries; ++e) {
        yaml += parent + "d" + std::to_string(e) + ": " + pick(headers) + "\n";
        const std::string pad = parent + std::string(1 + rng() % 3, ' ');
        for (int n = 0, m = static_cast<int>(rng() % 5); n < m; ++n) {
          const std::string body = pick(bodies);
          switch (rng() % 5) {
            case 0: yaml += body + "\n"; break;          // unindented (or empty)
            case 1: yaml += pad + " " + body + "\n"; break;
            default: yaml += pad + body + "\n"; break;
          }
        }
        if (rng() % 3 == 0) yaml += parent + "k" + std::to_string(e) + ": v\n";
      }
      if (rng() % 3 == 0) yaml += "last: 1\n";
      if (rng() % 4 == 0 && yaml.back() == '\n') yaml.pop_back();  // no final newline
      if (taken_and_same(yaml)) ++taken;
    }
    MESSAGE("taken ", taken);
    CHECK_GT(taken, 1500);
  }
}
