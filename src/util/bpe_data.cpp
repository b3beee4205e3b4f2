// The rank files are included as they are (.incbin): 2.3 MB as a C++ array
// literal would cost the compiler more than the rest of the library.
#include "bpe_data.hpp"

#ifndef SKILLSCORE_TOKENIZER_DATA_DIR
#error "SKILLSCORE_TOKENIZER_DATA_DIR must name data/tokenizer (CMakeLists.txt)"
#endif

#define SKILLSCORE_INCBIN(sym, file)                                   \
  asm(".section .rodata\n"                                             \
      ".balign 16\n"                                                   \
      ".global " #sym "_begin\n" #sym "_begin:\n"                      \
      ".incbin \"" SKILLSCORE_TOKENIZER_DATA_DIR "/" file "\"\n"       \
      ".global " #sym "_end\n" #sym "_end:\n"                          \
      ".previous\n")

SKILLSCORE_INCBIN(skillscore_o200k, "o200k_base.bpe");
SKILLSCORE_INCBIN(skillscore_cl100k, "cl100k_base.bpe");

extern "C" const char skillscore_o200k_begin[], skillscore_o200k_end[];
extern "C" const char skillscore_cl100k_begin[], skillscore_cl100k_end[];

namespace skillscore::util {

std::string_view bpe_rank_data(Encoding e) {
  if (e == Encoding::O200kBase) {
    return {skillscore_o200k_begin, static_cast<std::size_t>(skillscore_o200k_end - skillscore_o200k_begin)};
  }
  return {skillscore_cl100k_begin, static_cast<std::size_t>(skillscore_cl100k_end - skillscore_cl100k_begin)};
}

}  // namespace skillscore::util
