#pragma once
// The closed sets of the rule language, each with ONE table of names and
// descriptions beside it (printed by `skillscore rules`, used by the loader).
#include <optional>
#include <span>
#include <string>
#include <string_view>

// Enums of other modules whose names in rule files are tabled here.
namespace skillscore::doc {
enum class YamlDialect;
enum class FrontmatterMode;
}  // namespace skillscore::doc

namespace skillscore::rules {

enum class RegexDialect;
enum class TokensValue;

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
  Find,       // string: the first match of some patterns, shown (or redacted), with its line and column
  Characters, // string: the first of some listed code points, named, with its line and column
  Tokens,     // int or string: BPE tokens of a scope (util/bpe)
  Param,      // a number the configuration may change (a budget)
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
  File,        // the whole file as raw text, frontmatter included
  Scripts,     // each text file under the skill's scripts/ directory, separately
  References,  // each text file under the skill's references/ directory, separately
};

// What a `find` metric shows of its match.
enum class FindShow {
  Match,     // the matched text (control characters as spaces, shortened)
  Redacted,  // its first four characters and its length (secrets)
};

// Where a listed character is allowed after all (`characters` metrics).
enum class CharContext {
  Nowhere,         // never
  EmojiSequence,   // between two emoji (a ZWJ sequence: 👨‍👩‍👧)
  BetweenLetters,  // between two letters or marks (ZWNJ in Persian, Indic scripts)
  FileStart,       // as the first character of the file (a byte-order mark)
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

// `document: {suppressions: ...}`: whether skillscore-disable comments count.
enum class SuppressionMode { Honored, Ignored };

// `match:` of a `search` metric.
enum class SearchMatch { Any, All };

// A regex's `flags:` entry.
enum class RegexFlag { IgnoreCase, Multiline, DotAll };

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
std::span<const KindInfo<FindShow>> find_shows();
std::span<const KindInfo<CharContext>> char_contexts();
std::span<const KindInfo<SuppressionMode>> suppression_modes();
std::span<const KindInfo<SearchMatch>> search_matches();
std::span<const KindInfo<RegexFlag>> regex_flags();
std::span<const KindInfo<TokensValue>> tokens_values();
std::span<const KindInfo<RegexDialect>> regex_dialects();
std::span<const KindInfo<doc::YamlDialect>> yaml_dialects();
std::span<const KindInfo<doc::FrontmatterMode>> frontmatter_modes();

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

// "a or b", "a, b or c" (each name in `quote`s): the names of a table, for
// messages that say "must be ...".
template <typename E>
std::string kind_choices(std::span<const KindInfo<E>> table, std::string_view quote = "") {
  std::string list;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (i > 0) list += i + 1 == table.size() ? " or " : ", ";
    list += std::string(quote) + std::string(table[i].name) + std::string(quote);
  }
  return list;
}

}  // namespace skillscore::rules
