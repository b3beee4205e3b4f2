// `characters`: the first of a list of code points (invisible, deceptive),
// named as the rule file names them, where its context does not allow it.
#include <cstdio>

#include "scan_metrics.hpp"
#include "skillscore/util/unicode_category.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {
namespace {

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

std::string describe(char32_t c, const CharacterRange& r) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  std::string out = std::string(code) + " " + r.name;
  if (r.decode_tags && c >= 0xE0020 && c <= 0xE007E) out += " '" + std::string(1, static_cast<char>(c - 0xE0000)) + "'";
  return out;
}

}  // namespace

Value eval_characters(const CharactersSpec& s, ScopeTexts& scopes, const doc::Document& doc, Location& at) {
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
    char32_t prev = 0;
    std::size_t line = p.first_line, line_start = 0;
    for (std::size_t pos = 0; pos < t.size();) {
      const std::size_t at_pos = pos;
      const char32_t c = util::decode_utf8(t, pos);
      if (c == '\n') {
        ++line;
        line_start = pos;
      }
      const CharacterRange* r = listed(s, c);
      if (r) {
        std::size_t peek = pos;
        const char32_t next = pos < t.size() ? util::decode_utf8(t, peek) : 0;
        const std::size_t in_file = file_offset == std::string_view::npos ? 1 : file_offset + at_pos;
        if (!allowed(r->allowed, prev, next, in_file)) {
          if (count++ == 0) {
            first = describe(c, *r);
            if (!p.origin.empty()) {
              first = std::string(p.origin) + ":" + std::to_string(line) + ": " + first;
            } else if (s.path.empty()) {
              at = {line, util::count_code_points(t.substr(line_start, at_pos - line_start)) + 1};
            } else {
              at = {field_line, field_column};
            }
          }
          if (r->decode_tags && !tag_run_done && c >= 0xE0020 && c <= 0xE007E) {
            hidden += static_cast<char>(c - 0xE0000);
            in_tag_run = true;
          } else if (in_tag_run) {
            tag_run_done = true;
          }
        }
      } else if (in_tag_run) {
        tag_run_done = true;
      }
      prev = c;
    }
  }
  if (count == 0) return Value::string("");
  std::string out = first;
  if (hidden.size() > 1) out += ", spelling '" + (hidden.size() > 60 ? hidden.substr(0, 60) + "..." : hidden) + "'";
  if (count > 1) out += " (" + std::to_string(count) + " in all)";
  return Value::string(std::move(out));
}

}  // namespace skillscore::rules
