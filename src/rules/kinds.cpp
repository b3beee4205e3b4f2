#include "skillscore/rules/kinds.hpp"

#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/yaml_loader.hpp"
#include "skillscore/rules/metric_specs.hpp"
#include "skillscore/rules/regex.hpp"

// metric_kinds(): metric_kinds/table.cpp, from the kinds' own files.
namespace skillscore::rules {
namespace {

constexpr KindInfo<FindShow> k_find_shows[] = {
    {FindShow::Match, "match", "the matched text, shortened to `max_chars`"},
    {FindShow::Redacted, "redacted", "the first four characters and the length (for secrets)"},
};

constexpr KindInfo<CharContext> k_char_contexts[] = {
    {CharContext::Nowhere, "nowhere", "the character is reported wherever it is"},
    {CharContext::EmojiSequence, "emoji_sequence", "allowed between two emoji (symbols, So)"},
    {CharContext::BetweenLetters, "between_letters", "allowed between two letters or marks"},
    {CharContext::FileStart, "file_start", "allowed as the first character of the file"},
};

constexpr KindInfo<ReferenceTest> k_reference_tests[] = {
    {ReferenceTest::MissingCount, "missing_count", "int: references to files that do not exist"},
    {ReferenceTest::MissingFirst, "missing_first", "string: the first reference to a missing file"},
    {ReferenceTest::UnreferencedCount, "unreferenced_count", "int: files in the skill directory nothing points to"},
    {ReferenceTest::UnreferencedFirst, "unreferenced_first", "string: the first unreferenced file, in path order"},
};

constexpr KindInfo<DocumentProperty> k_document_properties[] = {
    {DocumentProperty::FrontmatterState, "frontmatter_state",
     "string: absent, unclosed, invalid_yaml, not_mapping, unusable or ok"},
    {DocumentProperty::FrontmatterError, "frontmatter_error", "string: why the frontmatter could not be read"},
    {DocumentProperty::ParentDirName, "parent_dir_name", "string: the name of the directory holding the skill file"},
    {DocumentProperty::BodyLines, "body_lines", "int: the number of lines of the body"},
    {DocumentProperty::FileName, "file_name", "string: the skill file's name"},
};

constexpr KindInfo<Scope> k_scopes[] = {
    {Scope::Body, "body", "the body as raw text, code included (what the reference reads)"},
    {Scope::CodeBlocks, "code_blocks", "each code block's content, separately"},
    {Scope::Headings, "headings", "each Markdown heading's text, separately (from the AST)"},
    {Scope::Prose, "prose", "the body outside code blocks (from the AST)"},
    {Scope::Links, "links", "each link or image target of the body, separately (from the AST)"},
    {Scope::File, "file", "the whole file as raw text, frontmatter included"},
    {Scope::Scripts, "scripts", "each text file under the skill's scripts/ directory, separately (lines are the script's)"},
    {Scope::References, "references", "each text file under the skill's references/ directory, separately (lines are the file's)"},
};

constexpr KindInfo<FieldTest> k_field_tests[] = {
    {FieldTest::Truthy, "truthy", "Python truthiness of frontmatter.get(path)"},
    {FieldTest::MappingOrAbsent, "mapping_or_absent", "the value is absent or a mapping"},
    {FieldTest::NonEmptyText, "nonempty_text", "str(value) is not empty (an absent value counts as \"\")"},
    {FieldTest::StartsWith, "starts_with", "str(value) starts with one of `values`"},
    {FieldTest::ContainsAny, "contains_any", "str(value) contains one of `values`"},
    {FieldTest::WordCount, "word_count", "the number of whitespace-separated words of str(value)"},
    {FieldTest::Present, "present", "the key is there, whatever its value"},
    {FieldTest::IsText, "is_text", "the value is a string (with strictyaml, any scalar)"},
    {FieldTest::Text, "text", "string: str(value), \"\" when absent"},
    {FieldTest::UnexpectedKeys, "unexpected_keys", "string: the keys of the mapping at `path` not in `values`, sorted"},
};

constexpr KindInfo<Severity> k_severities[] = {
    {Severity::Error, "error", "the skill is broken or fails a requirement"},
    {Severity::Warning, "warning", "the skill misses something the profile expects"},
    {Severity::Info, "info", "a suggestion"},
};

constexpr KindInfo<CodeBlockSource> k_code_block_sources[] = {
    {CodeBlockSource::Regex, "regex", "code blocks found by a regex over the body"},
    {CodeBlockSource::Ast, "ast", "code blocks from the cmark-gfm AST (any fence, indented blocks)"},
    {CodeBlockSource::AstFenced, "ast-fenced", "fenced code blocks from the cmark-gfm AST (``` or ~~~, any length)"},
};

constexpr KindInfo<SuppressionMode> k_suppression_modes[] = {
    {SuppressionMode::Honored, "honored", "skillscore-disable comments silence the rules they name"},
    {SuppressionMode::Ignored, "ignored", "skillscore-disable comments are ignored (reference parity)"},
};

constexpr KindInfo<SearchMatch> k_search_matches[] = {
    {SearchMatch::Any, "any", "true when any pattern matches"},
    {SearchMatch::All, "all", "true when every pattern matches"},
};

constexpr KindInfo<RegexFlag> k_regex_flags[] = {
    {RegexFlag::IgnoreCase, "ignorecase", "case-insensitive (re.IGNORECASE)"},
    {RegexFlag::Multiline, "multiline", "^ and $ at every line (re.MULTILINE)"},
    {RegexFlag::DotAll, "dotall", ". matches a newline too (re.DOTALL)"},
};

// In the order "value must be ..." names them.
constexpr KindInfo<TokensValue> k_tokens_values[] = {
    {TokensValue::Sum, "sum", "int: the tokens of every piece of the scope, summed"},
    {TokensValue::Max, "max", "int: the tokens of the largest piece"},
    {TokensValue::LargestFile, "largest_file", "string: the name of the file with the most tokens"},
};

constexpr KindInfo<RegexDialect> k_regex_dialects[] = {
    {RegexDialect::Python, "python", "Python 3 `re` (translated to RE2; what the reference writes)"},
    {RegexDialect::Re2, "re2", "RE2 syntax as it is"},
};

constexpr KindInfo<doc::YamlDialect> k_yaml_dialects[] = {
    {doc::YamlDialect::PyYaml, "pyyaml", "yaml.safe_load: YAML 1.1 typing (the skill-fleet reference)"},
    {doc::YamlDialect::StrictYaml, "strictyaml", "strictyaml.load: every scalar a string (the agentskills validator)"},
};

constexpr KindInfo<doc::FrontmatterMode> k_frontmatter_modes[] = {
    {doc::FrontmatterMode::ReferenceSplit, "reference-split", "text.split(\"---\", 2), as the reference reads it"},
    {doc::FrontmatterMode::DelimitedLines, "delimited-lines", "a \"---\" line opens and the next one closes"},
};

}  // namespace

std::span<const KindInfo<Scope>> scopes() { return k_scopes; }
std::span<const KindInfo<FieldTest>> field_tests() { return k_field_tests; }
std::span<const KindInfo<Severity>> severities() { return k_severities; }
std::span<const KindInfo<CodeBlockSource>> code_block_sources() { return k_code_block_sources; }
std::span<const KindInfo<DocumentProperty>> document_properties() { return k_document_properties; }
std::span<const KindInfo<ReferenceTest>> reference_tests() { return k_reference_tests; }
std::span<const KindInfo<FindShow>> find_shows() { return k_find_shows; }
std::span<const KindInfo<CharContext>> char_contexts() { return k_char_contexts; }
std::span<const KindInfo<SuppressionMode>> suppression_modes() { return k_suppression_modes; }
std::span<const KindInfo<SearchMatch>> search_matches() { return k_search_matches; }
std::span<const KindInfo<RegexFlag>> regex_flags() { return k_regex_flags; }
std::span<const KindInfo<TokensValue>> tokens_values() { return k_tokens_values; }
std::span<const KindInfo<RegexDialect>> regex_dialects() { return k_regex_dialects; }
std::span<const KindInfo<doc::YamlDialect>> yaml_dialects() { return k_yaml_dialects; }
std::span<const KindInfo<doc::FrontmatterMode>> frontmatter_modes() { return k_frontmatter_modes; }

}  // namespace skillscore::rules
