#pragma once
// The closed sets of the rule language, each with ONE table of names and
// descriptions beside it (printed by `skillscore rules`, used by the loader).
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace skillscore::rules {

enum class MetricKind {
  Search,   // bool: does any (or every) pattern match in the scope
  Count,    // int: non-overlapping matches of one pattern in the scope
  Length,   // int: code points in the scope
  Field,    // bool or int: a test of one frontmatter field
  Blocks,   // int: code blocks that pass a filter
  Points,   // float: conditional points summed in order, optionally capped
  Select,   // string: the value of the first case whose condition holds
  Formula,  // any: an expression over earlier metrics
  Document, // a property of the document itself (frontmatter state, directory...)
  References, // files the body points to, checked against the skill directory
};

enum class ReferenceTest {
  MissingCount,       // int: references to files that do not exist (located at the first)
  MissingFirst,       // string: the first such reference
  UnreferencedCount,  // int: files of the skill directory nothing points to
  UnreferencedFirst,  // string: the first of them (in path order)
};

enum class DocumentProperty {
  FrontmatterState,  // string: absent, unclosed, invalid_yaml, not_mapping, unusable, ok
  FrontmatterError,  // string: why the frontmatter could not be read ("" when it could)
  ParentDirName,     // string: the name of the directory holding the skill file
  BodyLines,         // int: lines of the body
  FileName,          // string: the skill file's name (SKILL.md, skill.md)
};

enum class Scope {
  Body,        // the body as raw text (what the reference's regexes read)
  CodeBlocks,  // each code block's content, separately
  Headings,    // each heading's text (AST), separately
  Prose,       // the body's text outside code blocks (AST)
  Links,       // each link or image target of the body (AST), separately
};

enum class FieldTest {
  Truthy,           // bool(frontmatter.get(path))
  MappingOrAbsent,  // absent, or a mapping
  NonEmptyText,     // str(value) != "" (absent counts as "")
  StartsWith,       // str(value) starts with one of `values`
  ContainsAny,      // str(value) contains one of `values`
  WordCount,        // len(str(value).split())
  Present,          // the key is there, whatever its value
  IsText,           // the value is a string (with strictyaml: any scalar)
  Text,             // string: str(value) ("" when absent)
  UnexpectedKeys,   // string: the keys not in `values`, sorted, joined by ", "
};

enum class Severity { Error, Warning, Info };

enum class CodeBlockSource {
  Regex,  // a regex over the body (the reference's reading)
  Ast,    // cmark-gfm's code blocks
  AstFenced,  // cmark-gfm's fenced code blocks (indented blocks are not examples)
};

template <typename E>
struct KindInfo {
  E value;
  std::string_view name;
  std::string_view description;
};

std::span<const KindInfo<MetricKind>> metric_kinds();
std::span<const KindInfo<Scope>> scopes();
std::span<const KindInfo<FieldTest>> field_tests();
std::span<const KindInfo<Severity>> severities();
std::span<const KindInfo<CodeBlockSource>> code_block_sources();
std::span<const KindInfo<DocumentProperty>> document_properties();
std::span<const KindInfo<ReferenceTest>> reference_tests();

template <typename E>
std::optional<E> kind_from_name(std::span<const KindInfo<E>> table, std::string_view name) {
  for (const auto& k : table) {
    if (k.name == name) return k.value;
  }
  return std::nullopt;
}

template <typename E>
std::string_view kind_name(std::span<const KindInfo<E>> table, E value) {
  for (const auto& k : table) {
    if (k.value == value) return k.name;
  }
  return "?";
}

// "a, b, c": the names of a table, for error messages.
template <typename E>
std::string kind_names(std::span<const KindInfo<E>> table) {
  std::string list;
  for (const auto& k : table) list += (list.empty() ? "" : ", ") + std::string(k.name);
  return list;
}

}  // namespace skillscore::rules
