// UTF-8 decoding and encoding for the one-pass engines. Internal.
//
// Ill-formed input is measured in maximal subparts (Unicode 15.0, section 3.9,
// "U+FFFD Substitution of Maximal Subparts", Table 3-7 of well-formed byte
// sequences): each maximal subpart becomes one U+FFFD, as in ICU and the
// WHATWG encoding standard.
#ifndef NORMKIT_CORE_UTF8_H_
#define NORMKIT_CORE_UTF8_H_

#include <cstddef>
#include <string>

namespace normkit::internal {

inline constexpr char32_t kIllFormed = 0xFFFFFFFF;
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at `p` (p < end) into *cp and returns how many
// bytes it took. For ill-formed input *cp is kIllFormed and the return value
// is the length of the maximal subpart (at least 1).
inline std::size_t DecodeUtf8(const unsigned char* p, const unsigned char* end, char32_t* cp) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  // Bounds of the second byte by lead byte (Table 3-7); the remaining
  // continuation bytes are always 80..BF.
  unsigned char lo = 0x80, hi = 0xBF;
  std::size_t need;
  char32_t value;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    value = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    value = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *cp = kIllFormed;
    return 1;
  }
  std::size_t i = 1;
  for (; i <= need; ++i) {
    if (p + i >= end) break;
    const unsigned char b = p[i];
    if (b < lo || b > hi) break;
    lo = 0x80;
    hi = 0xBF;
    value = (value << 6) | (b & 0x3F);
  }
  if (i <= need) {
    *cp = kIllFormed;
    return i;
  }
  *cp = value;
  return need + 1;
}

inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_UTF8_H_
