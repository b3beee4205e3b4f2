// `characters`: string, the first of a list of code points (invisible,
// deceptive) in a scope or a frontmatter field, named as the rule file names
// it ("U+202E RIGHT-TO-LEFT OVERRIDE"), where its context does not allow it;
// tag characters also spell the ASCII they hide. "" when none.
#include <algorithm>
#include <cstdio>
#include <tuple>

#include "field_path.hpp"
#include "metric_kind.hpp"
#include "skillscore/util/unicode_category.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {
namespace {

// "U+202E" (or "0x202E").
char32_t code_point(const MetricReader& r, const RuleNode& n) {
  const std::string t = r.scalar(n, "code point");
  const std::size_t skip = t.rfind("U+", 0) == 0 || t.rfind("0x", 0) == 0 ? 2 : std::string::npos;
  if (skip == std::string::npos || t.size() <= skip || t.size() > skip + 6 ||
      t.find_first_not_of("0123456789abcdefABCDEF", skip) != std::string::npos) {
    r.fail(n, "a code point is written U+XXXX (hexadecimal), got '" + t + "'");
  }
  const auto v = std::stoul(t.substr(skip), nullptr, 16);
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) r.fail(n, "not a Unicode scalar value: " + t);
  return static_cast<char32_t>(v);
}

// The first byte of the UTF-8 encoding of `c`.
unsigned lead_byte(char32_t c) {
  if (c < 0x80) return static_cast<unsigned>(c);
  if (c < 0x800) return 0xC0 | static_cast<unsigned>(c >> 6);
  if (c < 0x10000) return 0xE0 | static_cast<unsigned>(c >> 12);
  return 0xF0 | static_cast<unsigned>(c >> 18);
}

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "scope", "path", "characters"});
  CharactersSpec s;
  if (n["scope"].IsDefined() == n["path"].IsDefined()) r.fail(n, "a characters metric has exactly one of scope or path");
  if (n["scope"].IsDefined()) s.scope = r.scope(n);
  else s.path = field_path(r.scalar(n["path"], "path"));
  const RuleNode& list = r.require(n, "characters");
  r.expect_seq(list, "characters");
  for (const auto& c : list.items()) {
    r.expect_map(c, "a character");
    r.allow_keys(c, {"code", "from", "to", "name", "allowed", "decode_tags"});
    CharacterRange cr;
    if (c["code"].IsDefined()) {
      if (c["from"].IsDefined() || c["to"].IsDefined()) r.fail(c, "a character has code, or from and to");
      cr.first = cr.last = code_point(r, c["code"]);
    } else {
      cr.first = code_point(r, r.require(c, "from"));
      cr.last = code_point(r, r.require(c, "to"));
      if (cr.last < cr.first) r.fail(c["to"], "to is below from");
    }
    cr.name = r.scalar(r.require(c, "name"), "name");
    if (c["allowed"].IsDefined()) cr.allowed = r.enum_value(c["allowed"], char_contexts(), "allowed");
    cr.decode_tags = c["decode_tags"].IsDefined() && r.boolean(c["decode_tags"], "decode_tags");
    s.characters.push_back(std::move(cr));
  }
  if (s.characters.empty()) r.fail(list, "characters must not be empty");
  for (const auto& cr : s.characters) {
    // The lead byte grows with the code point: every byte between the
    // first's and the last's may lead (continuation bytes never do).
    const unsigned lo = lead_byte(cr.first), hi = lead_byte(cr.last);
    for (unsigned b = lo; b <= hi; ++b) {
      if (b < 0x80 || b >= 0xC0) s.lead[b] = true;
    }
    if (lo < 0x80) s.ascii_listed = true;
  }
  m.type = ValueType::String;
  m.spec = std::move(s);
}

using util::GeneralCategory;

const CharacterRange* listed(const CharactersSpec& s, char32_t c) {
  for (const auto& r : s.characters) {
    if (c >= r.first && c <= r.last) return &r;
  }
  return nullptr;
}

// Emoji sequences join pictographs (So) and may carry a variation selector
// (U+FE0F) or a skin-tone modifier (Sk) after each.
bool emoji_like(char32_t c) {
  const auto g = util::general_category(c);
  return g == GeneralCategory::So || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0xFE0F || c == 0x20E3;
}
bool letter_like(char32_t c) {
  const auto g = util::general_category(c);
  return util::is_letter(g) || util::is_mark(g);
}

bool allowed(CharContext ctx, char32_t prev, char32_t next, std::size_t offset_in_file) {
  switch (ctx) {
    case CharContext::Nowhere: return false;
    case CharContext::EmojiSequence: return emoji_like(prev) && emoji_like(next);
    case CharContext::BetweenLetters: return letter_like(prev) && letter_like(next);
    case CharContext::FileStart: return offset_in_file == 0;
  }
  return false;
}

// The code point that ends just before `pos` in valid UTF-8 (0 at the start).
char32_t previous_code_point(std::string_view t, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
  return util::decode_utf8(t, start);
}

std::string describe(char32_t c, const CharacterRange& r) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  std::string out = std::string(code) + " " + r.name;
  if (r.decode_tags && c >= 0xE0020 && c <= 0xE007E) out += " '" + std::string(1, static_cast<char>(c - 0xE0000)) + "'";
  return out;
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<CharactersSpec>(def.spec);
  ScopeTexts& scopes = ctx.scopes;
  const doc::Document& doc = ctx.doc;
  Pieces local;
  const Pieces* pieces = &local;
  std::string field_text;
  std::size_t field_line = 0, field_column = 0;
  if (!s.path.empty()) {
    const auto& fm = doc.frontmatter();
    const doc::PyValue* v = &fm.data;
    const doc::PyValue* key = nullptr;
    for (const auto& k : s.path) {
      const auto* e = v ? v->entry(k) : nullptr;
      v = e ? &e->second : nullptr;
      key = e ? &e->first : nullptr;
    }
    if (!v) return Value::string("");
    field_text = doc::py_str(*v);
    if (key) std::tie(field_line, field_column) = fm.position(*key);
    local.push_back({field_text, field_line});
  } else {
    pieces = &scopes.pieces(s.scope);
  }
  std::string first;
  std::size_t count = 0;
  std::string hidden;  // the ASCII that a run of tag characters spells
  bool in_tag_run = false, tag_run_done = false;
  for (const auto& p : *pieces) {
    const std::string_view t = p.text;
    const std::size_t file_offset = p.origin.empty() && t.data() >= doc.text().data() &&
                                            t.data() <= doc.text().data() + doc.text().size()
                                        ? static_cast<std::size_t>(t.data() - doc.text().data())
                                        : std::string_view::npos;
    // Only characters whose first byte may lead a listed one are decoded;
    // the others are not listed, so all they do is end a run of tags. The
    // character before a listed one and the line are found when needed.
    for (std::size_t pos = 0; pos < t.size();) {
      const std::size_t from = pos;
      if (!s.ascii_listed) pos = util::skip_ascii(t, pos);
      while (pos < t.size() && !s.lead[static_cast<unsigned char>(t[pos])]) ++pos;
      if (pos > from && in_tag_run) tag_run_done = true;
      if (pos >= t.size()) break;
      const std::size_t at_pos = pos;
      const char32_t c = util::decode_utf8(t, pos);
      const CharacterRange* r = listed(s, c);
      if (!r) {
        if (in_tag_run) tag_run_done = true;
        continue;
      }
      std::size_t peek = pos;
      const char32_t next = pos < t.size() ? util::decode_utf8(t, peek) : 0;
      const char32_t prev = previous_code_point(t, at_pos);
      const std::size_t in_file = file_offset == std::string_view::npos ? 1 : file_offset + at_pos;
      if (allowed(r->allowed, prev, next, in_file)) continue;
      if (count++ == 0) {
        first = describe(c, *r);
        // Up to and with the character: a listed '\n' is on the next line, as it counts itself.
        const std::string_view before = t.substr(0, pos);
        const std::size_t line = p.first_line + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
        if (!p.origin.empty()) {
          first = std::string(p.origin) + ":" + std::to_string(line) + ": " + first;
        } else if (s.path.empty()) {
          const std::size_t nl = before.rfind('\n');
          const std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
          at.line = line;
          at.column = util::count_code_points(t.substr(line_start, at_pos - line_start)) + 1;
        } else {
          at.line = field_line;
          at.column = field_column;
        }
      }
      if (r->decode_tags && !tag_run_done && c >= 0xE0020 && c <= 0xE007E) {
        hidden += static_cast<char>(c - 0xE0000);
        in_tag_run = true;
      } else if (in_tag_run) {
        tag_run_done = true;
      }
    }
  }
  if (count == 0) return Value::string("");
  std::string out = first;
  if (hidden.size() > 1) out += ", spelling '" + (hidden.size() > 60 ? hidden.substr(0, 60) + "..." : hidden) + "'";
  if (count > 1) out += " (" + std::to_string(count) + " in all)";
  return Value::string(std::move(out));
}

}  // namespace

const MetricKindDef k_characters_kind = {
    MetricKind::Characters, "characters",
    "string: the first code point of `characters` ({code|from,to, name, allowed, decode_tags}) in `scope` or the "
    "frontmatter field `path`, named (U+202E RIGHT-TO-LEFT OVERRIDE) and located; \"\" when none",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
