// The scans of date_prefilter.h: the next ASCII digit (SSE2), and the
// next place where a day written as words may begin (the byte before a word
// and the word's first four bytes tested against the day words' bytes at
// each place, 16 places at a time with SSSE3 where the processor has it,
// then the four bytes together exactly).
#include "date_prefilter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <tmmintrin.h>  // SSSE3, used where the processor has it
#endif

namespace normkit::internal {
namespace {

// The bytes that may stand right before a day written as words: a space,
// a tab, a line break, an opening bracket or quote, the last byte of « “ „.
constexpr unsigned char kBeforeWord[] = {' ', '\n', '\t', '(', '"', '\'', 0xAB, 0x9C, 0x9E};

// kBeforeWord as a table by byte.
struct BeforeWordTable {
  bool has[256] = {};
  constexpr BeforeWordTable() {
    for (unsigned char b : kBeforeWord) has[b] = true;
  }
};
constexpr BeforeWordTable kBeforeWordTable;

// A hash of a word's first four bytes as written (16 bits).
inline std::uint32_t PairHash(std::uint32_t bytes) { return (bytes * 0x9E3779B1u) >> 16; }

}  // namespace

// The first ASCII digit at or after i, or n.
std::size_t NextDigit(const unsigned char* s, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)), zero);
    const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, nine), x));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !IsDigit(s[i])) ++i;
  return i;
}

ByteSet::ByteSet(const std::vector<unsigned char>& bytes) {
  std::uint16_t lows[16] = {};  // per high nibble, the low nibbles
  for (unsigned char b : bytes) lows[b >> 4] |= std::uint16_t{1} << (b & 15);
  std::vector<std::uint16_t> buckets;
  for (int h = 0; h < 16; ++h) {
    if (lows[h] == 0) continue;
    std::size_t k = std::find(buckets.begin(), buckets.end(), lows[h]) - buckets.begin();
    if (k == buckets.size()) {
      if (buckets.size() < 8) {
        buckets.push_back(lows[h]);
      } else {
        k = 7;
        buckets[7] |= lows[h];
      }
    }
    hi[h] |= static_cast<std::uint8_t>(1u << k);
  }
  for (std::size_t k = 0; k < buckets.size(); ++k) {
    for (int l = 0; l < 16; ++l) {
      if (buckets[k] >> l & 1) lo[l] |= static_cast<std::uint8_t>(1u << k);
    }
  }
}

bool DayWordFilter::Pair(const unsigned char* p) const {
  std::uint32_t raw;
  std::memcpy(&raw, p, 4);
  const std::uint32_t r = PairHash(raw);
  return (pairs[r >> 6] >> (r & 63) & 1) != 0;
}

namespace {

// The first p in (i, n) where s[p - 1], s[p] ... s[p + 3] pass the filter
// and s[p] ... s[p + 3] are the first bytes of a day word; n for none.
std::size_t NextDayCandidateScalar(const unsigned char* s, std::size_t i, std::size_t n,
                                   const DayWordFilter& f) {
  for (; i + 5 <= n; ++i) {
    if (f.before.Has(s[i]) && f.byte1.Has(s[i + 1]) && f.byte2.Has(s[i + 2]) &&
        f.byte3.Has(s[i + 3]) && f.byte4.Has(s[i + 4]) && f.Pair(s + i + 1)) {
      return i + 1;
    }
  }
  return n;
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("ssse3"))) inline __m128i NotIn(__m128i v, const ByteSet& set) {
  const __m128i low_nibbles = _mm_set1_epi8(0x0F);
  const __m128i lo = _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(set.lo)),
                                      _mm_and_si128(v, low_nibbles));
  const __m128i hi = _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(set.hi)),
                                      _mm_and_si128(_mm_srli_epi16(v, 4), low_nibbles));
  return _mm_cmpeq_epi8(_mm_and_si128(lo, hi), _mm_setzero_si128());
}

// NextDayCandidateScalar, 16 places at a time.
__attribute__((target("ssse3"))) std::size_t NextDayCandidateSsse3(const unsigned char* s,
                                                                   std::size_t i, std::size_t n,
                                                                   const DayWordFilter& f) {
  for (; i + 20 <= n; i += 16) {
    auto at = [&](std::size_t k) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + k));
    };
    __m128i miss = NotIn(at(1), f.byte1);
    miss = _mm_or_si128(miss, NotIn(at(0), f.before));
    miss = _mm_or_si128(miss, NotIn(at(2), f.byte2));
    miss = _mm_or_si128(miss, NotIn(at(3), f.byte3));
    miss = _mm_or_si128(miss, NotIn(at(4), f.byte4));
    for (unsigned hits = ~static_cast<unsigned>(_mm_movemask_epi8(miss)) & 0xFFFF; hits != 0;
         hits &= hits - 1) {
      const std::size_t p = i + static_cast<std::size_t>(__builtin_ctz(hits)) + 1;
      if (f.Pair(s + p)) return p;
    }
  }
  return NextDayCandidateScalar(s, i, n, f);
}
#endif

std::size_t NextDayCandidate(const unsigned char* s, std::size_t i, std::size_t n,
                             const DayWordFilter& f) {
#if defined(__x86_64__) || defined(__i386__)
  static const bool ssse3 = __builtin_cpu_supports("ssse3");
  if (ssse3) return NextDayCandidateSsse3(s, i, n, f);
#endif
  return NextDayCandidateScalar(s, i, n, f);
}

}  // namespace

DayWordPrefilter::DayWordPrefilter(const DateLexicon& lexicon, const std::vector<char>& allowed) {
  bool filterable = true;
  std::vector<unsigned char> positions[5];  // the bytes seen before and at each of four places
  positions[0].assign(std::begin(kBeforeWord), std::end(kBeforeWord));
  std::vector<std::uint64_t> pairs(1024, 0);
  for (const auto& [language, word] : lexicon.day_words()) {
    if (!allowed[language]) continue;
    std::vector<UChar32> letters;
    for (std::size_t at = 0; at < word.size() && letters.size() < 4;) {
      UChar32 c;
      U8_NEXT_UNSAFE(word.data(), at, c);
      letters.push_back(c);
    }
    if (letters.size() < 3) continue;  // too short for the filter: never anchored
    prefixes_.Add(word);
    // The first four bytes as the text may write the word: "первое",
    // "Первое", "ПЕРВОЕ"; an apostrophe as ', ’ or ʼ.
    for (int variant = 0; variant < 3; ++variant) {
      for (UChar32 apostrophe : {UChar32{'\''}, UChar32{0x2019}, kApostrophe}) {
        std::string bytes;
        for (std::size_t k = 0; k < letters.size(); ++k) {
          UChar32 c = IsApostrophe(letters[k]) ? apostrophe : letters[k];
          if (variant == 2 || (variant == 1 && k == 0)) c = u_toupper(c);
          char buffer[4];
          std::size_t size = 0;
          U8_APPEND_UNSAFE(buffer, size, c);
          bytes.append(buffer, size);
        }
        if (bytes.size() < 4) {
          filterable = false;
          continue;
        }
        for (int k = 0; k < 4; ++k)
          positions[k + 1].push_back(static_cast<unsigned char>(bytes[k]));
        std::uint32_t raw;
        std::memcpy(&raw, bytes.data(), 4);
        const std::uint32_t r = PairHash(raw);
        pairs[r >> 6] |= std::uint64_t{1} << (r & 63);
      }
    }
  }
  if (!prefixes_.empty() && filterable) {
    filter_ = DayWordFilter{ByteSet(positions[0]), ByteSet(positions[1]), ByteSet(positions[2]),
                            ByteSet(positions[3]), ByteSet(positions[4]), std::move(pairs)};
  }
}

std::size_t DayWordPrefilter::NextCandidate(const unsigned char* s, std::size_t i,
                                            std::size_t n) const {
  if (filter_) return NextDayCandidate(s, i, n, *filter_);
  for (; i < n; ++i) {
    if (kBeforeWordTable.has[s[i]]) return i + 1;
  }
  return n;
}

}  // namespace normkit::internal
