// What a line is, for every part of normkit: a line ends at LF, at CRLF
// (one break), or at a lone CR (old Mac files). This is the normalizer's
// definition (normkit/normalizer.h), the Unicode Standard's mandatory breaks
// among the ASCII controls, and Python's universal newlines, so line numbers
// agree between commands and with what a Python reader counts. Internal.
#ifndef NORMKIT_CORE_LINE_BREAKS_H_
#define NORMKIT_CORE_LINE_BREAKS_H_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace normkit::internal {

struct Line {
  std::string_view text;    // without its ending
  std::string_view ending;  // "\n", "\r\n", "\r", or "" for a last line without one
};

// Takes the first line off *rest.
inline Line NextLine(std::string_view* rest) {
  const std::string_view s = *rest;
  // LF is by far the usual ending: find it with memchr, then look for a CR
  // only in front of it.
  const void* lf = std::memchr(s.data(), '\n', s.size());
  const std::size_t lf_at =
      lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - s.data()) : s.size();
  const void* cr = std::memchr(s.data(), '\r', lf_at);
  std::size_t end, next;
  if (cr != nullptr) {
    end = static_cast<std::size_t>(static_cast<const char*>(cr) - s.data());
    next = end + 1;
    if (next < s.size() && s[next] == '\n') ++next;
  } else {
    end = lf_at;
    next = lf ? lf_at + 1 : s.size();
  }
  rest->remove_prefix(next);
  return {s.substr(0, end), s.substr(end, next - end)};
}

// How many LF bytes `text` holds. With SSE2 (every x86-64), 16 bytes a step
// into byte counters that are summed every 255 steps, before one could
// overflow; compilers widen std::count's counter to 64 bits in every step,
// which makes it several times slower.
inline std::size_t CountLineFeeds(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  std::size_t count = 0;
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8('\n');
  while (end - p >= 16) {
    std::size_t steps = std::min<std::size_t>(static_cast<std::size_t>(end - p) / 16, 255);
    __m128i counters = _mm_setzero_si128();
    for (; steps > 0; --steps, p += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(bytes, lf));  // a match is -1
    }
    // Two sums of eight counters each, in the low bits of each 64-bit half.
    const __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  return count + static_cast<std::size_t>(std::count(p, end, '\n'));
}

// How many line breaks `text` holds. A CR at the very end counts as a lone
// CR: callers pass text that is cut after a complete line ending (or at the
// end of the input), never between the CR and the LF of a CRLF.
inline std::size_t CountLineBreaks(std::string_view text) {
  // LF bytes are counted 16 at a time; lone CRs are rare and found by memchr.
  std::size_t breaks = CountLineFeeds(text);
  const char* p = text.data();
  const char* end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(end - p)))) !=
         nullptr) {
    ++p;
    if (p == end || *p != '\n') ++breaks;
  }
  return breaks;
}

// Whether `text` ends with a line ending (so that what follows starts a new
// line).
inline bool EndsLine(std::string_view text) {
  return !text.empty() && (text.back() == '\n' || text.back() == '\r');
}

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_LINE_BREAKS_H_
