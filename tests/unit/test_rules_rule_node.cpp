// Tests for src/rules/rule_node.cpp: the compiled form of each built-in rule
// file is the tree yaml-cpp reads from its text, and profiles loaded from
// either are the same.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>

#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/rule_node.hpp"

using namespace skillscore::rules;

namespace {

void check_same(const RuleNode& a, const RuleNode& b, const std::string& path) {
  INFO(path);
  REQUIRE_EQ(a.IsDefined(), b.IsDefined());
  CHECK_EQ(a.IsNull(), b.IsNull());
  CHECK_EQ(a.IsScalar(), b.IsScalar());
  CHECK_EQ(a.IsSequence(), b.IsSequence());
  REQUIRE_EQ(a.IsMap(), b.IsMap());
  CHECK_EQ(a.Scalar(), b.Scalar());
  CHECK_EQ(a.line(), b.line());
  CHECK_EQ(a.column(), b.column());
  REQUIRE_EQ(a.size(), b.size());
  if (a.IsSequence()) {
    for (std::size_t i = 0; i < a.size(); ++i) check_same(a.items()[i], b.items()[i], path + "[" + std::to_string(i) + "]");
  } else if (a.IsMap()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      check_same(a.key(i), b.key(i), path + " key " + a.key(i).Scalar());
      check_same(a.value(i), b.value(i), path + "." + a.key(i).Scalar());
    }
  }
}

}  // namespace

TEST_SUITE("rules/rule_node") {
  TEST_CASE("each built-in file's compiled tree is what yaml-cpp reads from its text") {
    REQUIRE_FALSE(embedded_rule_files().empty());
    for (const auto& f : embedded_rule_files()) {
      const RuleNode compiled = RuleNode::parse(f.compiled);
      const RuleNode from_text = RuleNode::from_yaml(YAML::Load(std::string(f.content)));
      REQUIRE(compiled.IsMap());
      check_same(compiled, from_text, std::string(f.filename));
    }
  }

  TEST_CASE("a built-in profile loads the same from its compiled tree and from its text") {
    for (const auto& f : embedded_rule_files()) {
      std::string e1, e2;
      const auto a = load_builtin_profile(f.profile, e1);
      const auto b = load_profile_text(f.content, "rules/" + std::string(f.filename), e2);
      REQUIRE_MESSAGE(a.has_value(), e1);
      REQUIRE_MESSAGE(b.has_value(), e2);
      REQUIRE_EQ(a->metrics.size(), b->metrics.size());
      for (std::size_t i = 0; i < a->metrics.size(); ++i) {
        CHECK_EQ(a->metrics[i].name, b->metrics[i].name);
        CHECK_EQ(a->metrics[i].source_line, b->metrics[i].source_line);
      }
      REQUIRE_EQ(a->checks.size(), b->checks.size());
      for (std::size_t i = 0; i < a->checks.size(); ++i) {
        CHECK_EQ(a->checks[i].id, b->checks[i].id);
        CHECK_EQ(a->checks[i].source_line, b->checks[i].source_line);
        CHECK_EQ(a->checks[i].outcomes.size(), b->checks[i].outcomes.size());
      }
      CHECK_EQ(a->score.terms.size(), b->score.terms.size());
      CHECK_EQ(a->report.metrics.size(), b->report.metrics.size());
    }
  }

  TEST_CASE("mappings, sequences, scalars, nulls and positions survive the compact form") {
    const std::string yaml = "a: 1\nb: [x, 'y z', ~]\nc:\n  d: null\n  e: \"\xE2\x9C\x85\"\nf:\n";
    const RuleNode tree = RuleNode::from_yaml(YAML::Load(yaml));
    const RuleNode back = RuleNode::parse(tree.serialize());
    check_same(back, tree, "$");
    CHECK_EQ(back["a"].Scalar(), "1");
    CHECK_EQ(back["b"].items()[1].Scalar(), "y z");
    CHECK(back["b"].items()[2].IsNull());
    CHECK(back["c"]["d"].IsNull());
    CHECK_EQ(back["c"]["e"].Scalar(), "\xE2\x9C\x85");
    CHECK_EQ(back["c"]["e"].line(), 4);
    CHECK(back["f"].IsNull());
    CHECK_FALSE(back["missing"].IsDefined());
    CHECK_FALSE(back["a"]["not a map"].IsDefined());
  }

  TEST_CASE("a quoted scalar is marked, in both forms (a quoted \"0.1\" is not a number)") {
    const RuleNode tree = RuleNode::from_yaml(YAML::Load("a: '0.1'\nb: 0.1\nc: \"x\"\nd: !!str 2\n"));
    const RuleNode back = RuleNode::parse(tree.serialize());
    for (const RuleNode* n : {&tree, &back}) {
      CHECK((*n)["a"].Quoted());
      CHECK_FALSE((*n)["b"].Quoted());
      CHECK((*n)["c"].Quoted());
      CHECK_FALSE((*n)["d"].Quoted());
    }
  }

  TEST_CASE("load: YAML text to the tree, or an error with the source and line") {
    std::string error;
    const auto ok = RuleNode::load("a: [1, 2]\n", "f.yaml", "YAML", error);
    REQUIRE(ok.has_value());
    CHECK_EQ((*ok)["a"].items()[1].Scalar(), "2");
    CHECK_FALSE(RuleNode::load("a: [1\n", "w.json", "JSON or YAML", error).has_value());
    CHECK(error.rfind("w.json:2: not valid JSON or YAML: ", 0) == 0);
  }

  TEST_CASE("bytes the serializer did not write are refused, not read past") {
    const std::string good = RuleNode::from_yaml(YAML::Load("a: [1, 2]\n")).serialize();
    CHECK_THROWS_AS(RuleNode::parse(""), std::runtime_error);
    CHECK_THROWS_AS(RuleNode::parse(good.substr(0, good.size() - 1)), std::runtime_error);
    CHECK_THROWS_AS(RuleNode::parse(good + "x"), std::runtime_error);
    CHECK_THROWS_AS(RuleNode::parse(std::string("\x09", 1)), std::runtime_error);
    CHECK_THROWS_AS(RuleNode::parse(std::string("\x02\x01\x01\xff\xff\xff\xff\x0f", 8)), std::runtime_error);
  }
}
