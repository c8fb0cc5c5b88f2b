#include "clean_scan.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>
#include <tmmintrin.h>  // SSSE3, used where the processor has it
#define NORMKIT_CLEAN_SCAN_X86 1
#endif

namespace normkit::internal {
namespace {

#if NORMKIT_CLEAN_SCAN_X86
// The bytes of [p, end) that are clean, 16 at a time. In each block a byte
// is trouble when it is a watched ASCII byte (a table lookup by nibbles), a
// space before a space or a line break (where spaces matter), a byte of
// UTF-8 other than a clean two-byte lead and its continuation, or part of
// an ill-formed pair (a continuation without its lead, a lead without its
// continuation, which also stops a lead in a block's last byte).
__attribute__((target("ssse3"))) const unsigned char* SkipSsse3(
    const unsigned char* p, const unsigned char* end, const std::uint8_t* ascii_by_low,
    const std::uint8_t* lead_c, const std::uint8_t* lead_d, bool check_spaces) {
  const __m128i ascii_table = _mm_load_si128(reinterpret_cast<const __m128i*>(ascii_by_low));
  const __m128i lead_c_table = _mm_load_si128(reinterpret_cast<const __m128i*>(lead_c));
  const __m128i lead_d_table = _mm_load_si128(reinterpret_cast<const __m128i*>(lead_d));
  // Bit h for a high nibble h of ASCII (0..7), nothing for 8..F.
  const __m128i bit_of_high = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i zero = _mm_setzero_si128();
  const __m128i top4 = _mm_set1_epi8(static_cast<char>(0xF0));
  const __m128i top2 = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; end - p >= 17; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i low = _mm_and_si128(v, nibble);
    const __m128i high = _mm_and_si128(_mm_srli_epi16(v, 4), nibble);
    const __m128i watched =
        _mm_and_si128(_mm_shuffle_epi8(ascii_table, low), _mm_shuffle_epi8(bit_of_high, high));
    unsigned bad =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(watched, zero))) ^ 0xFFFFu;

    const __m128i hi4 = _mm_and_si128(v, top4);
    const __m128i lead =
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(hi4, _mm_set1_epi8(static_cast<char>(0xC0))),
                                   _mm_shuffle_epi8(lead_c_table, low)),
                     _mm_and_si128(_mm_cmpeq_epi8(hi4, _mm_set1_epi8(static_cast<char>(0xD0))),
                                   _mm_shuffle_epi8(lead_d_table, low)));
    const __m128i cont =
        _mm_cmpeq_epi8(_mm_and_si128(v, top2), _mm_set1_epi8(static_cast<char>(0x80)));
    const unsigned non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
    const unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(lead));
    const unsigned conts = static_cast<unsigned>(_mm_movemask_epi8(cont));
    bad |= non_ascii & ~(leads | conts);
    bad |= conts & ~(leads << 1);
    bad |= leads & ~(conts >> 1);

    if (check_spaces) {
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
      const __m128i ends_run =
          _mm_or_si128(_mm_cmpeq_epi8(next, space),
                       _mm_or_si128(_mm_cmpeq_epi8(next, lf), _mm_cmpeq_epi8(next, cr)));
      bad |= static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v, space), ends_run)));
    }
    if (bad != 0) return p + __builtin_ctz(bad);
  }
  return p;
}
#endif

}  // namespace

CleanScan::CleanScan(const std::array<bool, 128>& watched_ascii,
                     const std::array<bool, 256>& clean_lead2, bool spaces_matter)
    : spaces_matter_(spaces_matter) {
  std::memset(ascii_by_low_, 0, sizeof ascii_by_low_);
  for (unsigned b = 0; b < 128; ++b) {
    if (watched_ascii[b] && b != ' ')
      ascii_by_low_[b & 15] |= static_cast<std::uint8_t>(1u << (b >> 4));
  }
  for (unsigned i = 0; i < 16; ++i) {
    lead_c_[i] = clean_lead2[0xC0 + i] ? 0xFF : 0;
    lead_d_[i] = clean_lead2[0xD0 + i] ? 0xFF : 0;
  }
#if NORMKIT_CLEAN_SCAN_X86
  available_ = __builtin_cpu_supports("ssse3");
#else
  available_ = false;
#endif
}

const unsigned char* CleanScan::Skip(const unsigned char* p, const unsigned char* end,
                                     bool code) const {
#if NORMKIT_CLEAN_SCAN_X86
  if (available_) {
    return SkipSsse3(p, end, ascii_by_low_, lead_c_, lead_d_, spaces_matter_ && !code);
  }
#endif
  return p;
}

}  // namespace normkit::internal
