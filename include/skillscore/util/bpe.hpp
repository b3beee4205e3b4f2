#pragma once
// Byte-pair-encoding token counts with OpenAI's encodings (the ranks of
// data/tokenizer/, from the npm package js-tiktoken; see data/tokenizer/README.md).
// Text is ordinary text: "<|endoftext|>" in a skill is counted as the
// characters it is, not as a special token.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace skillscore::util {

enum class Encoding {
  O200kBase,   // GPT-4o and later
  Cl100kBase,  // GPT-4, GPT-3.5
};

struct EncodingInfo {
  Encoding value;
  std::string_view name;
  std::string_view description;
};
std::span<const EncodingInfo> encodings();
std::optional<Encoding> encoding_from_name(std::string_view name);
std::string_view encoding_name(Encoding e);

// Tokens of `text` (valid UTF-8). The ranks are read on first use (tens of ms).
std::size_t count_tokens(Encoding e, std::string_view text);
// The token ids, for tests and for anyone who wants them.
std::vector<std::uint32_t> encode(Encoding e, std::string_view text);

// The pre-tokenizer alone: the byte ranges of `text` that BPE merges inside,
// as the encoding's regex splits them (written by hand: the regexes use
// lookahead, which RE2 has not). Exposed for tests.
struct Span {
  std::size_t begin, end;
};
void pretokenize(Encoding e, std::string_view text, std::vector<Span>& out);

}  // namespace skillscore::util
