#include "skillscore/rules/kinds.hpp"

// metric_kinds(): metric_kinds/table.cpp, from the kinds' own files.
namespace skillscore::rules {
namespace {

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

}  // namespace

std::span<const KindInfo<Scope>> scopes() { return k_scopes; }
std::span<const KindInfo<FieldTest>> field_tests() { return k_field_tests; }
std::span<const KindInfo<Severity>> severities() { return k_severities; }
std::span<const KindInfo<CodeBlockSource>> code_block_sources() { return k_code_block_sources; }
std::span<const KindInfo<DocumentProperty>> document_properties() { return k_document_properties; }
std::span<const KindInfo<ReferenceTest>> reference_tests() { return k_reference_tests; }

}  // namespace skillscore::rules
