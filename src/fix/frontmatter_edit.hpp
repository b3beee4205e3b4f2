#pragma once
// What the frontmatter fixes share: finding the frontmatter every profile
// agrees on, its top-level entries as byte ranges, writing a string value,
// and reading the edited text again to check it says what was intended.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/doc/pyvalue.hpp"

namespace skillscore::fix::detail {

struct FrontmatterText {
  bool ok = false;
  std::string reason;          // why no frontmatter fix can run, when !ok
  std::size_t yaml_begin = 0;  // byte offset of the YAML text (after the opening line)
  std::size_t yaml_end = 0;    // byte offset of the closing '---' line
  doc::PyValue py;             // PyYAML's reading: a mapping
  bool strict_ok = false;      // strictyaml read it too
  doc::PyValue strict;         // ... as this mapping
};

// The frontmatter when a '---' line opens the text and the next '---' line
// closes it, and the reference's split("---", 2) ends it at the same place.
FrontmatterText read_frontmatter(std::string_view text);

// A top-level `key: value` entry: bytes [begin, end) of the text, its whole
// lines (trailing blank and comment lines left out).
struct Entry {
  std::string key;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t value_begin = 0;  // where the value starts on the key's line (== line end: none there)
  std::size_t line_end = 0;     // end of the key's line (its '\n')
  const doc::PyValue* value = nullptr;  // PyYAML's value
};

// The entries in text order; nullopt (with `reason`) when the mapping is not
// a plain block mapping at column 1 with one line per key.
std::optional<std::vector<Entry>> top_level_entries(std::string_view text, const FrontmatterText& fm,
                                                    std::string& reason);

// The text of a one-line scalar value that starts at `begin` of its line
// ending at `end`: a trailing comment and spaces left out; "" for a quoted or
// multi-line scalar (whose value is not its text).
std::string plain_scalar_text(std::string_view text, std::size_t begin, std::size_t end);

// `s` as a YAML scalar both readers give back as this string: plain when it
// can be, else double-quoted.
std::string yaml_string(std::string_view s);

// Equal as values (maps compared as key sets, lines and columns ignored).
bool same_value(const doc::PyValue& a, const doc::PyValue& b);

// Whether `text`'s frontmatter reads as `py` with PyYAML and, when
// `strict` is given, as `*strict` with strictyaml. `why` says what differs.
bool reads_as(std::string_view text, const doc::PyValue& py, const doc::PyValue* strict, std::string& why);

// A mapping's entry for a str key (nullptr when absent).
doc::PyValue* find_entry(doc::PyValue& map, std::string_view key);
void erase_entry(doc::PyValue& map, std::string_view key);

}  // namespace skillscore::fix::detail
