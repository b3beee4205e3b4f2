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
#include "skillscore/fix/fixes.hpp"

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

// The last entry written for `key` (the one both readers keep); nullptr when none.
const Entry* entry_for(const std::vector<Entry>& entries, std::string_view key);

// Whether `lines` hold a YAML comment (a '#' at a line start or after a blank).
bool has_comment(std::string_view lines);

// The end of every frontmatter edit: `fixed` is kept (as `out.text`, with
// `count` places changed) when it reads back as `py` and, where strictyaml
// read the original, as `strict`; else `skip_prefix` + what differs is
// added to `out.skipped` and the text stays as it was.
FixOutcome keep_if_reads_back(FixOutcome out, std::string fixed, const FrontmatterText& fm, const doc::PyValue& py,
                              const doc::PyValue& strict, std::size_t count, const std::string& skip_prefix);

// A mapping's entry for a str key (nullptr when absent).
doc::PyValue* find_entry(doc::PyValue& map, std::string_view key);
void erase_entry(doc::PyValue& map, std::string_view key);

}  // namespace skillscore::fix::detail
