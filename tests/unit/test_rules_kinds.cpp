// Tests for src/rules/kinds.cpp: each closed set has one table in which every
// enum value appears exactly once, with a unique name and a description.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/yaml_loader.hpp"
#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/metric_specs.hpp"
#include "skillscore/rules/regex.hpp"

using namespace skillscore::rules;

namespace {
template <typename E>
void check_table(std::span<const KindInfo<E>> table, int enum_count) {
  CHECK(table.size() == static_cast<std::size_t>(enum_count));
  std::set<std::string_view> names;
  std::set<int> values;
  for (const auto& k : table) {
    CAPTURE(k.name);
    CHECK_FALSE(k.name.empty());
    CHECK_FALSE(k.description.empty());
    CHECK(names.insert(k.name).second);
    CHECK(values.insert(static_cast<int>(k.value)).second);
    CHECK(kind_from_name(table, k.name) == std::optional<E>(k.value));
    CHECK(kind_name(table, k.value) == k.name);
  }
  for (int v = 0; v < enum_count; ++v) CHECK(values.count(v) == 1);
  CHECK_FALSE(kind_from_name(table, "no-such-kind").has_value());
}
}  // namespace

TEST_SUITE("rules/kinds") {
  TEST_CASE("every table covers its enum with unique names") {
    check_table(metric_kinds(), static_cast<int>(MetricKind::Param) + 1);
    check_table(scopes(), static_cast<int>(Scope::References) + 1);
    check_table(field_tests(), static_cast<int>(FieldTest::UnexpectedKeys) + 1);
    check_table(document_properties(), static_cast<int>(DocumentProperty::FileName) + 1);
    check_table(reference_tests(), static_cast<int>(ReferenceTest::UnreferencedFirst) + 1);
    check_table(severities(), static_cast<int>(Severity::Info) + 1);
    check_table(code_block_sources(), static_cast<int>(CodeBlockSource::AstFenced) + 1);
    check_table(find_shows(), static_cast<int>(FindShow::Redacted) + 1);
    check_table(char_contexts(), static_cast<int>(CharContext::FileStart) + 1);
    check_table(suppression_modes(), static_cast<int>(SuppressionMode::Ignored) + 1);
    check_table(search_matches(), static_cast<int>(SearchMatch::All) + 1);
    check_table(regex_flags(), static_cast<int>(RegexFlag::DotAll) + 1);
    check_table(tokens_values(), static_cast<int>(TokensValue::LargestFile) + 1);
    check_table(regex_dialects(), static_cast<int>(RegexDialect::Re2) + 1);
    check_table(yaml_dialects(), static_cast<int>(skillscore::doc::YamlDialect::StrictYaml) + 1);
    check_table(frontmatter_modes(), static_cast<int>(skillscore::doc::FrontmatterMode::DelimitedLines) + 1);
  }

  TEST_CASE("kind_choices: the names as \"must be ...\" lists them") {
    CHECK(kind_choices(search_matches(), "'") == "'any' or 'all'");
    CHECK(kind_choices(tokens_values()) == "sum, max or largest_file");
    CHECK(kind_choices(severities()) == "error, warning or info");
  }

  TEST_CASE("the names rule files use") {
    CHECK(kind_from_name(metric_kinds(), "search") == MetricKind::Search);
    CHECK(kind_from_name(metric_kinds(), "points") == MetricKind::Points);
    CHECK(kind_from_name(scopes(), "code_blocks") == Scope::CodeBlocks);
    CHECK(kind_from_name(field_tests(), "mapping_or_absent") == FieldTest::MappingOrAbsent);
    CHECK(kind_from_name(field_tests(), "word_count") == FieldTest::WordCount);
    CHECK(kind_name(severities(), Severity::Warning) == "warning");
    CHECK(kind_name(code_block_sources(), CodeBlockSource::Regex) == "regex");
    CHECK(kind_from_name(code_block_sources(), "ast-fenced") == CodeBlockSource::AstFenced);
    CHECK_FALSE(kind_from_name(metric_kinds(), "Search").has_value());  // names are case-sensitive
  }
}
