// Vectorscan's CPU dispatch, on first use instead of at start-up.
//
// Debian's libhs.a is a "fat runtime": each entry point (hs_scan, ...) is an
// ifunc whose resolver runs cpuid up to seven times to pick the build for
// this CPU (core2, corei7, avx2, avx512). In a static executable every ifunc
// is resolved before main, used or not, and under a hypervisor a cpuid traps
// (15 to 30 microseconds each on this project's machine): the six resolvers
// the executable references cost a few hundred microseconds on every run,
// a pre-commit hook's one-file run included, which never scans. These
// definitions take their place (the linker then leaves the archive's
// dispatcher out) and pick the same build, by the same tests, from glibc's
// own CPU feature table the first time a scan or a database needs one.
//
// Linked into the static executable only, and only when the archive is a fat
// runtime (CMakeLists.txt checks for core2_hs_scan).
#include <hs/hs.h>
#include <sys/platform/x86.h>

#include <cstddef>
#include <cstdint>

namespace {

enum class Build { Avx512, Avx2, Corei7, Core2, None };

// The tests of Vectorscan's resolvers (util/arch/x86/cpuid_inline.h):
// AVX512F and AVX512BW with their registers enabled by the OS; AVX2 with
// its registers enabled; SSE4.2 and POPCNT; SSSE3.
Build build_for_this_cpu() {
  static const Build b = [] {
    if (CPU_FEATURE_ACTIVE(AVX512F) && CPU_FEATURE_ACTIVE(AVX512BW)) return Build::Avx512;
    if (CPU_FEATURE_ACTIVE(AVX2)) return Build::Avx2;
    if (CPU_FEATURE_ACTIVE(SSE4_2) && CPU_FEATURE_ACTIVE(POPCNT)) return Build::Corei7;
    if (CPU_FEATURE_ACTIVE(SSSE3)) return Build::Core2;
    return Build::None;
  }();
  return b;
}

}  // namespace

#define SKILLSCORE_HS_DISPATCH(RET, NAME, PARAMS, ARGS, ERROR)          \
  extern "C" RET avx512_##NAME PARAMS;                                  \
  extern "C" RET avx2_##NAME PARAMS;                                    \
  extern "C" RET corei7_##NAME PARAMS;                                  \
  extern "C" RET core2_##NAME PARAMS;                                   \
  extern "C" RET NAME PARAMS {                                          \
    switch (build_for_this_cpu()) {                                     \
      case Build::Avx512: return avx512_##NAME ARGS;                    \
      case Build::Avx2: return avx2_##NAME ARGS;                        \
      case Build::Corei7: return corei7_##NAME ARGS;                    \
      case Build::Core2: return core2_##NAME ARGS;                      \
      case Build::None: break;                                          \
    }                                                                   \
    return ERROR;                                                       \
  }

// The entry points skillscore calls, and the two internal ones that the
// archive's other objects (scratch, compiler) call through the dispatcher.
SKILLSCORE_HS_DISPATCH(hs_error_t, hs_scan,
                       (const hs_database_t* db, const char* data, unsigned length, unsigned flags,
                        hs_scratch_t* scratch, match_event_handler on_event, void* context),
                       (db, data, length, flags, scratch, on_event, context), HS_ARCH_ERROR)
SKILLSCORE_HS_DISPATCH(hs_error_t, hs_free_database, (hs_database_t * db), (db), HS_ARCH_ERROR)
SKILLSCORE_HS_DISPATCH(hs_error_t, hs_deserialize_database, (const char* bytes, const size_t length, hs_database_t** db),
                       (bytes, length, db), HS_ARCH_ERROR)
SKILLSCORE_HS_DISPATCH(hs_error_t, hs_serialize_database, (const hs_database_t* db, char** bytes, size_t* length),
                       (db, bytes, length), HS_ARCH_ERROR)
SKILLSCORE_HS_DISPATCH(hs_error_t, dbIsValid, (const hs_database_t* db), (db), HS_ARCH_ERROR)
SKILLSCORE_HS_DISPATCH(std::uint32_t, Crc32c_ComputeBuf, (std::uint32_t crc, const void* buf, std::size_t len),
                       (crc, buf, len), static_cast<std::uint32_t>(HS_ARCH_ERROR))
