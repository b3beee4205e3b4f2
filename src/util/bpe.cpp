#include "skillscore/util/bpe.hpp"

#include "bpe_cache.hpp"
#include "bpe_merge.hpp"
#include "bpe_ranks.hpp"

namespace skillscore::util {
namespace {

constexpr EncodingInfo k_encodings[] = {
    {Encoding::O200kBase, "o200k_base", "OpenAI's encoding of GPT-4o and later models (199,998 ranks)"},
    {Encoding::Cl100kBase, "cl100k_base", "OpenAI's encoding of GPT-4 and GPT-3.5 (100,256 ranks)"},
};

std::size_t run(Encoding e, std::string_view text, std::vector<std::uint32_t>* ids) {
  const bpe::RankTable& r = bpe::rank_table(e);
  std::vector<Span> pieces;
  pretokenize(e, text, pieces);
  std::size_t count = 0;
  if (ids) {
    for (const auto& s : pieces) count += bpe::merge(r, text.substr(s.begin, s.end - s.begin), ids);
    return count;
  }
  bpe::PieceCache& cache = bpe::piece_cache(e);
  const auto merged = [&](std::string_view piece) { return bpe::merge(r, piece, nullptr); };
  for (const auto& s : pieces) count += cache.count(text.substr(s.begin, s.end - s.begin), merged);
  return count;
}

}  // namespace

namespace bpe {
PieceCache& piece_cache(Encoding e) {
  thread_local PieceCache cache[2];
  return cache[static_cast<std::size_t>(e)];
}
}  // namespace bpe

std::span<const EncodingInfo> encodings() { return k_encodings; }

std::optional<Encoding> encoding_from_name(std::string_view name) {
  for (const auto& e : k_encodings) {
    if (e.name == name) return e.value;
  }
  return std::nullopt;
}

std::string_view encoding_name(Encoding e) { return k_encodings[static_cast<std::size_t>(e)].name; }

std::size_t count_tokens(Encoding e, std::string_view text) { return run(e, text, nullptr); }

std::vector<std::uint32_t> encode(Encoding e, std::string_view text) {
  std::vector<std::uint32_t> ids;
  run(e, text, &ids);
  return ids;
}

}  // namespace skillscore::util
