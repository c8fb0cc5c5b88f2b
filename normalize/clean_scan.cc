#include "clean_scan.h"

#include <cstring>

#include "core/utf8.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>  // SSSE3 and AVX2, each used where the processor has it
#define NORMKIT_CLEAN_SCAN_X86 1
#endif

namespace normkit::internal {
namespace {

#if NORMKIT_CLEAN_SCAN_X86
// Which line breaks the scan goes past (CleanScan::Line): none, every one,
// those before a plain line, those before a line that is not indented and
// does not start with a tilde.
enum class LineBreaks { kStop, kPass, kPassBeforePlainLine, kPassBeforeNoTilde };

// The length of the character at `p` (p < end, *p >= 0x80) when it is
// well-formed and needs nothing by `attention`, else 0.
std::size_t CleanSequence(const AttentionTable& attention, const unsigned char* p,
                          const unsigned char* end) {
  char32_t c;
  const std::size_t length = DecodeUtf8(p, end, &c);
  return c == kIllFormed || attention.MayNeedAttention(c) ? 0 : length;
}

// The bytes from the LF at `p` that the scan may go past, 0 where it must
// stop: the LF, and with kPassBeforePlainLine the LFs after it too, up to
// the plain byte that must follow them (CleanScan::Line). Some byte follows
// the LF (p + 1 < end).
std::size_t PassableLineBreaks(const unsigned char* p, const unsigned char* end,
                               LineBreaks breaks) {
  switch (breaks) {
    case LineBreaks::kStop:
      return 0;
    case LineBreaks::kPass:
      return 1;
    case LineBreaks::kPassBeforeNoTilde:
      return p[1] == ' ' || p[1] == '~' ? 0 : 1;
    case LineBreaks::kPassBeforePlainLine:
      break;
  }
  const unsigned char* q = p + 1;
  while (q < end && *q == '\n') ++q;
  if (q == end) return 0;
  switch (*q) {
    case ' ':
    case '\t':
    case '\r':
    case '`':
    case '~':
      return 0;
    default:
      return static_cast<std::size_t>(q - p);
  }
}

// Tables by nibble for the byte shuffles (per 16-byte lane).
// Bit h for a high nibble h of ASCII (0..7), nothing for 8..F.
alignas(16) constexpr std::uint8_t kBitOfHigh[16] = {1, 2, 4, 8, 16, 32, 64, 128};
// Bit 0 for the high nibble C, bit 1 for D (the two-byte leads).
alignas(16) constexpr std::uint8_t kLeadBitOfHigh[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                                                         0, 0, 0, 0, 1, 2, 0, 0};
// What ends a run of spaces, each at its own low nibble: a byte b is one
// when the entry for its low nibble is b (a byte from 0x80 looks up 0).
alignas(16) constexpr std::uint8_t kEndsRunByLow[16] = {
    ' ', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, '\n', 0xFF, 0xFF, '\r', 0xFF, 0xFF};

// A table of 16 bytes, for one lane or both.
__m128i Table16(const std::uint8_t* table) {
  return _mm_load_si128(reinterpret_cast<const __m128i*>(table));
}
__attribute__((target("avx2"))) __m256i Table32(const std::uint8_t* table) {
  return _mm256_broadcastsi128_si256(Table16(table));
}

// The trouble that a block of kWidth bytes at `*p` flagged (bit i: the byte
// p + i), read character by character: what needs nothing by the
// per-code-point table, or is a line break that may be passed, clears its
// bytes' bits. True when all of it clears, with *p moved to where the next
// block starts: after this one, after the continuation of a clean lead in
// its last byte (bit kWidth - 1 of `leads`; a block that started there
// would see a continuation without its lead), or after the last character
// passed here if that ends beyond it. Otherwise false, with *p at the byte
// where the scan stops.
template <int kWidth>
bool ReadTrouble(std::uint32_t bad, std::uint32_t leads, const unsigned char* end,
                 const AttentionTable& attention, LineBreaks breaks, CleanScan::Lines* lines,
                 const unsigned char** p) {
  const unsigned char* const block = *p;
  const unsigned char* next_block = block + kWidth + ((leads >> (kWidth - 1)) & 1);
  while (bad != 0) {
    const unsigned i = static_cast<unsigned>(__builtin_ctz(bad));
    const unsigned char* s = block + i;
    std::size_t length = 0;
    if (*s >= 0x80) {
      length = CleanSequence(attention, s, end);
    } else if (*s == '\n') {
      length = PassableLineBreaks(s, end, breaks);
      if (length != 0) {
        lines->passed += length;
        lines->start = s + length;
      }
    }
    if (length == 0) {
      *p = s;
      return false;
    }
    // Bits below i are clear already.
    const std::size_t passed = i + length;
    bad = passed < kWidth ? bad & (~std::uint32_t{0} << passed) : 0;
    if (s + length > next_block) next_block = s + length;
  }
  *p = next_block;
  return true;
}

// The bytes of [p, end) that are clean, 16 at a time. In each block a byte
// is trouble when it is a watched ASCII byte (a table lookup by nibbles), a
// space before a space or a line break (where spaces matter), a byte of
// UTF-8 other than a clean two-byte lead and its continuation, or part of
// an ill-formed pair (a continuation without its lead, a lead without its
// continuation, which is looked for in the byte after the block too); then
// ReadTrouble.
__attribute__((target("ssse3"))) const unsigned char* SkipSsse3(
    const unsigned char* p, const unsigned char* end, const std::uint8_t* ascii_by_low,
    const std::uint8_t* lead_by_low, const AttentionTable& attention, bool check_spaces,
    LineBreaks breaks, CleanScan::Lines* lines) {
  const __m128i ascii_table = Table16(ascii_by_low);
  const __m128i lead_table = Table16(lead_by_low);
  const __m128i bit_of_high = Table16(kBitOfHigh);
  const __m128i lead_bit_of_high = Table16(kLeadBitOfHigh);
  const __m128i ends_run_by_low = Table16(kEndsRunByLow);
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i zero = _mm_setzero_si128();
  const __m128i space = _mm_set1_epi8(' ');
  // Continuation bytes, 80..BF, are the signed bytes below -64.
  const __m128i below_continuations = _mm_set1_epi8(-64);
  while (end - p >= 17) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // The 16 bytes after each byte of the block: a lead in the last byte
    // has its continuation there.
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    const __m128i low = _mm_and_si128(v, nibble);
    const __m128i high = _mm_and_si128(_mm_srli_epi16(v, 4), nibble);
    const __m128i watched =
        _mm_and_si128(_mm_shuffle_epi8(ascii_table, low), _mm_shuffle_epi8(bit_of_high, high));
    const __m128i lead =
        _mm_and_si128(_mm_shuffle_epi8(lead_table, low), _mm_shuffle_epi8(lead_bit_of_high, high));
    const std::uint32_t non_ascii = static_cast<std::uint32_t>(_mm_movemask_epi8(v));
    const std::uint32_t leads =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(lead, zero))) ^ 0xFFFFu;
    const std::uint32_t conts =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below_continuations)));
    const std::uint32_t next_conts =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(next, below_continuations)));
    std::uint32_t bad =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(watched, zero))) ^ 0xFFFFu;
    bad |= non_ascii & ~(leads | conts);
    // A continuation in the first byte is trouble too: a block never starts
    // after a clean lead (ReadTrouble). Each flagged byte starts a character
    // or is ill-formed, so the scan never stops inside a character.
    bad |= conts & ~(leads << 1);
    bad |= leads & ~next_conts;
    if (check_spaces) {
      const __m128i ends_run = _mm_cmpeq_epi8(_mm_shuffle_epi8(ends_run_by_low, next), next);
      bad |= static_cast<std::uint32_t>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v, space), ends_run)));
    }
    if (bad == 0) {
      p += 16 + ((leads >> 15) & 1);
    } else if (!ReadTrouble<16>(bad, leads, end, attention, breaks, lines, &p)) {
      return p;
    }
  }
  return p;
}

// SkipSsse3 32 bytes at a time (a byte shuffle looks up within each
// 16-byte lane, so every table is in both), and the last bytes with it.
__attribute__((target("avx2"))) const unsigned char* SkipAvx2(
    const unsigned char* p, const unsigned char* end, const std::uint8_t* ascii_by_low,
    const std::uint8_t* lead_by_low, const AttentionTable& attention, bool check_spaces,
    LineBreaks breaks, CleanScan::Lines* lines) {
  const __m256i ascii_table = Table32(ascii_by_low);
  const __m256i lead_table = Table32(lead_by_low);
  const __m256i bit_of_high = Table32(kBitOfHigh);
  const __m256i lead_bit_of_high = Table32(kLeadBitOfHigh);
  const __m256i ends_run_by_low = Table32(kEndsRunByLow);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i zero = _mm256_setzero_si256();
  const __m256i space = _mm256_set1_epi8(' ');
  const __m256i below_continuations = _mm256_set1_epi8(-64);
  while (end - p >= 33) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
    const __m256i low = _mm256_and_si256(v, nibble);
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
    const __m256i watched = _mm256_and_si256(_mm256_shuffle_epi8(ascii_table, low),
                                             _mm256_shuffle_epi8(bit_of_high, high));
    const __m256i lead = _mm256_and_si256(_mm256_shuffle_epi8(lead_table, low),
                                          _mm256_shuffle_epi8(lead_bit_of_high, high));
    const std::uint32_t non_ascii = static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
    const std::uint32_t leads =
        ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lead, zero)));
    const std::uint32_t conts =
        static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpgt_epi8(below_continuations, v)));
    const std::uint32_t next_conts = static_cast<std::uint32_t>(
        _mm256_movemask_epi8(_mm256_cmpgt_epi8(below_continuations, next)));
    std::uint32_t bad =
        ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(watched, zero)));
    bad |= non_ascii & ~(leads | conts);
    bad |= conts & ~(leads << 1);
    bad |= leads & ~next_conts;
    if (check_spaces) {
      const __m256i ends_run = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(ends_run_by_low, next), next);
      bad |= static_cast<std::uint32_t>(
          _mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(v, space), ends_run)));
    }
    if (bad == 0) {
      p += 32 + (leads >> 31);
    } else if (!ReadTrouble<32>(bad, leads, end, attention, breaks, lines, &p)) {
      return p;
    }
  }
  return SkipSsse3(p, end, ascii_by_low, lead_by_low, attention, check_spaces, breaks, lines);
}
#endif

}  // namespace

CleanScan::CleanScan(const std::array<bool, 128>& watched_ascii,
                     const std::array<bool, 256>& clean_lead2, const AttentionTable& attention,
                     bool spaces_matter, Steps widest)
    : attention_(&attention), spaces_matter_(spaces_matter) {
  std::memset(ascii_by_low_, 0, sizeof ascii_by_low_);
  for (unsigned b = 0; b < 128; ++b) {
    // The line break always: Skip() decides on it itself.
    if ((watched_ascii[b] && b != ' ') || b == '\n') {
      ascii_by_low_[b & 15] |= static_cast<std::uint8_t>(1u << (b >> 4));
    }
  }
  std::memcpy(ascii_in_backtick_fence_by_low_, ascii_by_low_, sizeof ascii_by_low_);
  ascii_in_backtick_fence_by_low_['`' & 15] |= static_cast<std::uint8_t>(1u << ('`' >> 4));
  for (unsigned i = 0; i < 16; ++i) {
    lead_by_low_[i] = static_cast<std::uint8_t>((clean_lead2[0xC0 + i] ? 1 : 0) |
                                                (clean_lead2[0xD0 + i] ? 2 : 0));
  }
#if NORMKIT_CLEAN_SCAN_X86
  if (widest == Steps::k32 && __builtin_cpu_supports("avx2")) {
    steps_ = Steps::k32;
  } else if (widest != Steps::kNone && __builtin_cpu_supports("ssse3")) {
    steps_ = Steps::k16;
  }
#else
  static_cast<void>(widest);
#endif
}

const unsigned char* CleanScan::Skip(const unsigned char* p, const unsigned char* end, Line line,
                                     Lines* lines) const {
#if NORMKIT_CLEAN_SCAN_X86
  if (steps_ != Steps::kNone) {
    LineBreaks breaks = LineBreaks::kStop;
    switch (line) {
      case Line::kProse:
        breaks = spaces_matter_ ? LineBreaks::kPassBeforePlainLine : LineBreaks::kPass;
        break;
      case Line::kCode:
        break;
      case Line::kInBacktickFence:
        breaks = LineBreaks::kPass;
        break;
      case Line::kInTildeFence:
        breaks = LineBreaks::kPassBeforeNoTilde;
        break;
    }
    const std::uint8_t* ascii =
        line == Line::kInBacktickFence ? ascii_in_backtick_fence_by_low_ : ascii_by_low_;
    const bool check_spaces = spaces_matter_ && line == Line::kProse;
    return (steps_ == Steps::k32 ? SkipAvx2 : SkipSsse3)(p, end, ascii, lead_by_low_, *attention_,
                                                         check_spaces, breaks, lines);
  }
#endif
  return p;
}

}  // namespace normkit::internal
