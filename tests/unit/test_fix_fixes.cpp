// Tests for src/fix/: each fix on the text it is for, the places it must
// leave alone (with a reason), the table, and the profile gating.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "skillscore/fix/fixes.hpp"
#include "skillscore/fix/profile_fixes.hpp"
#include "skillscore/rules/loader.hpp"

using namespace skillscore::fix;

namespace {

FixContext spec_context(std::string dir = "") {
  FixContext c;
  c.dir_name = std::move(dir);
  c.allowed_fields = {"name", "description", "license", "compatibility", "metadata", "allowed-tools"};
  return c;
}

FixOutcome one(FixKind k, const std::string& text, const FixContext& c = spec_context()) { return apply_fix(k, text, c); }

bool skipped_with(const FixOutcome& o, const std::string& needle) {
  for (const auto& s : o.skipped) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("fix/fixes") {
  TEST_CASE("the table: ids unique, each kind once, lookups by id and slug") {
    std::set<std::string_view> ids, slugs;
    for (const auto& f : fixes()) {
      CHECK(ids.insert(f.id).second);
      CHECK(slugs.insert(f.slug).second);
      CHECK(fix_from_name(f.id) == f.kind);
      CHECK(fix_from_name(f.slug) == f.kind);
      CHECK(&fix_info(f.kind) != nullptr);
      CHECK(!f.doc.empty());
    }
    CHECK(ids.size() == 6);
    CHECK(!fix_from_name("FX000"));
    CHECK(fixes_for_rule("AS017") == std::vector<FixKind>{FixKind::NameDirectory});
    CHECK(fixes_for_rule("SF021").empty());
  }

  TEST_CASE("FX001: CRLF and lone CR become LF") {
    const auto o = one(FixKind::LineEndings, "a\r\nb\rc\n");
    CHECK(o.text == "a\nb\nc\n");
    CHECK(o.count == 2);
    CHECK(one(FixKind::LineEndings, "a\nb\n").count == 0);
  }

  TEST_CASE("FX002: trailing blanks go; hard breaks, code and delimiter lines stay") {
    const std::string text =
        "---\nname: x  \n---  \n# Title  \n\nhard break  \ngoes on\nlast  \n\n```\ncode  \n```\n    indented  \n";
    const auto o = one(FixKind::TrailingWhitespace, text);
    CHECK(o.text == "---\nname: x\n---  \n# Title\n\nhard break  \ngoes on\nlast\n\n```\ncode  \n```\n    indented  \n");
    CHECK(o.count == 3);
    SUBCASE("a tab is no hard break") {
      CHECK(one(FixKind::TrailingWhitespace, "a\t\nb\n").text == "a\nb\n");
    }
    SUBCASE("a | block keeps its blanks: the frontmatter is left as it was") {
      const auto b = one(FixKind::TrailingWhitespace, "---\ndescription: |\n  kept  \nname: y  \n---\nbody  \n");
      CHECK(b.text == "---\ndescription: |\n  kept  \nname: y  \n---\nbody\n");
      CHECK(skipped_with(b, "kept in the frontmatter"));
    }
  }

  TEST_CASE("FX003: the space between a fence and its language") {
    const auto o = one(FixKind::FenceLanguage, "# T\n\n``` python\nx = 1\n```\n\n~~~  bash\nls\n~~~\n\n> ``` js\n> y\n> ```\n");
    CHECK(o.text == "# T\n\n```python\nx = 1\n```\n\n~~~bash\nls\n~~~\n\n> ```js\n> y\n> ```\n");
    CHECK(o.count == 3);
    SUBCASE("closing fences and fences without a language are not touched") {
      CHECK(one(FixKind::FenceLanguage, "```\nx\n```   \n").count == 0);
    }
    SUBCASE("a backtick in the info string is no fence: not touched") {
      CHECK(one(FixKind::FenceLanguage, "``` a`b\n").count == 0);
    }
  }

  TEST_CASE("FX004: allowed-tools as one space-separated string") {
    const std::string head = "---\nname: x\n";
    CHECK(one(FixKind::AllowedTools, head + "allowed-tools: [Read, Grep]\n---\n").text ==
          head + "allowed-tools: Read Grep\n---\n");
    CHECK(one(FixKind::AllowedTools, head + "allowed-tools:\n  - Read\n  - \"Bash(git:*)\"\nlicense: MIT\n---\n").text ==
          head + "allowed-tools: Read Bash(git:*)\nlicense: MIT\n---\n");
    CHECK(one(FixKind::AllowedTools, head + "allowed-tools: Read, Bash(git add, commit)\n---\n").count == 0);  // a space
    CHECK(one(FixKind::AllowedTools, head + "allowed-tools: Read, Bash(jq:*)\n---\n").text ==
          head + "allowed-tools: Read Bash(jq:*)\n---\n");
    CHECK(one(FixKind::AllowedTools, head + "allowed-tools: Read Grep\n---\n").count == 0);  // already so
    const auto c = one(FixKind::AllowedTools, head + "allowed-tools: [Read, Grep]  # tools\n---\n");
    CHECK(c.count == 0);
    CHECK(skipped_with(c, "comment"));
  }

  TEST_CASE("FX005: unknown fields under metadata, as strings") {
    const auto o = one(FixKind::UnknownFields,
                       "---\nname: x\nversion: 1.0\nmetadata:\n    owner: me\nenabled: yes\ntags: [a, b]\n---\nbody\n");
    CHECK(o.text == "---\nname: x\nmetadata:\n    owner: me\n    version: \"1.0\"\n    enabled: \"yes\"\n    tags: a, b\n---\nbody\n");
    CHECK(o.count == 3);
    SUBCASE("no metadata yet: it is added at the end") {
      CHECK(one(FixKind::UnknownFields, "---\nauthor: Jane\nname: x\n---\n").text ==
            "---\nname: x\nmetadata:\n  author: Jane\n---\n");
    }
    SUBCASE("a mapping, a comment, a key metadata has: left, with a reason") {
      const auto m = one(FixKind::UnknownFields,
                         "---\nname: x\nextra:\n  a: 1\nowner: me  # me\nmetadata:\n  skill_id: s\nskill_id: t\n---\n");
      CHECK(m.count == 0);
      CHECK(skipped_with(m, "'extra'"));
      CHECK(skipped_with(m, "'owner'"));
      CHECK(skipped_with(m, "already has 'skill_id'"));
    }
    SUBCASE("no allowed-field list: nothing to do") {
      FixContext c;
      CHECK(apply_fix(FixKind::UnknownFields, "---\nauthor: x\n---\n", c).count == 0);
    }
  }

  TEST_CASE("FX006: name = the directory's name") {
    CHECK(one(FixKind::NameDirectory, "---\nname: Other\ndescription: d\n---\n", spec_context("my-skill")).text ==
          "---\nname: my-skill\ndescription: d\n---\n");
    CHECK(one(FixKind::NameDirectory, "---\nname: 'it''s'  # c\n---\n", spec_context("my-skill")).text ==
          "---\nname: my-skill  # c\n---\n");
    CHECK(one(FixKind::NameDirectory, "---\nname:\n---\n", spec_context("my-skill")).text == "---\nname: my-skill\n---\n");
    CHECK(one(FixKind::NameDirectory, "---\ndescription: d\n---\n", spec_context("my-skill")).text ==
          "---\nname: my-skill\ndescription: d\n---\n");
    // A directory name PyYAML would read as a number is written quoted.
    CHECK(one(FixKind::NameDirectory, "---\nname: x\n---\n", spec_context("123")).text == "---\nname: \"123\"\n---\n");
    CHECK(one(FixKind::NameDirectory, "---\nname: my-skill\n---\n", spec_context("my-skill")).count == 0);
    CHECK(one(FixKind::NameDirectory, "---\nname: x\n---\n", spec_context("")).count == 0);  // not a SKILL.md
    const auto bad = one(FixKind::NameDirectory, "---\nname: x\n---\n", spec_context("My_Skill"));
    CHECK(bad.count == 0);
    CHECK(skipped_with(bad, "not a valid skill name"));
    const auto folded = one(FixKind::NameDirectory, "---\nname: >\n  x\n---\n", spec_context("my-skill"));
    CHECK(folded.count == 0);
    CHECK(skipped_with(folded, "one-line"));
  }

  TEST_CASE("frontmatter fixes leave a frontmatter the readers split differently") {
    // split("---", 2) ends it inside the value; the line reader does not.
    const auto o = one(FixKind::NameDirectory, "---\nname: a---b\n---\n", spec_context("my-skill"));
    CHECK(o.count == 0);
    CHECK(one(FixKind::UnknownFields, "---\nx: a---b\n---\n").count == 0);
  }

  TEST_CASE("fix_text: in order, each on the previous result; CR text only for FX001") {
    const FixKind all[] = {FixKind::NameDirectory, FixKind::LineEndings, FixKind::TrailingWhitespace};
    const auto r = fix_text("---\r\nname: x  \r\n---\r\n", spec_context("good"), all);
    CHECK(r.text == "---\nname: good\n---\n");
    REQUIRE(r.applied.size() == 3);
    CHECK(r.applied[0].kind == FixKind::LineEndings);
    const FixKind no_eol[] = {FixKind::TrailingWhitespace};
    const auto s = fix_text("a  \r\n", spec_context(), no_eol);
    CHECK(s.text == "a  \r\n");
    REQUIRE(s.skipped.size() == 1);
    CHECK(s.skipped[0].reason.find("FX001") != std::string::npos);
  }

  TEST_CASE("fixes_for_profile: the specification's fixes only where their rules are checked") {
    std::string error;
    const auto sf = skillscore::rules::load_builtin_profile("skill-fleet-v2", error);
    const auto strict = skillscore::rules::load_builtin_profile("strict", error);
    REQUIRE(sf);
    REQUIRE(strict);
    const auto a = fixes_for_profile(*sf);
    CHECK(std::find(a.begin(), a.end(), FixKind::UnknownFields) == a.end());
    CHECK(std::find(a.begin(), a.end(), FixKind::NameDirectory) == a.end());
    CHECK(std::find(a.begin(), a.end(), FixKind::FenceLanguage) != a.end());
    CHECK(fixes_for_profile(*strict).size() == fixes().size());
    const FixKind only[] = {FixKind::NameDirectory};
    CHECK(fixes_for_profile(*sf, only) == std::vector<FixKind>{FixKind::NameDirectory});
    auto off = *strict;
    for (auto& c : off.checks) {
      if (c.id == "AS005") c.enabled = false;
    }
    const auto b = fixes_for_profile(off);
    CHECK(std::find(b.begin(), b.end(), FixKind::UnknownFields) == b.end());
    // The allowed fields come from the profile's rule file, whatever the profile.
    CHECK(context_for(*sf, "x/SKILL.md").allowed_fields.size() == 6);
    CHECK(context_for(*sf, "some/dir/SKILL.md").dir_name == "dir");
    CHECK(context_for(*sf, "some/dir/notes.md").dir_name.empty());
  }
}
