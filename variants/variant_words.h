// How the VariantIndex reads words out of text; shared by Apply(),
// CountNames() and the lexicon's check that a spelling is one word.
// Internal.
//
// A word is a run of letters, marks, digits and '_' in any script, where an
// apostrophe (' ’ ʼ) or a hyphen (- ‐ ‑) between two letters stays inside.
// Parts are what the hyphens separate. A word touching '/', '@', '#' or a
// '.' that joins it to more letters is part of a URL, an address or a tag,
// and is never rewritten.
#ifndef NORMKIT_VARIANTS_VARIANT_WORDS_H_
#define NORMKIT_VARIANTS_VARIANT_WORDS_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <string_view>

#include "core/char_class.h"

namespace normkit::internal {

inline bool IsAsciiLetter(unsigned char b) {
  return static_cast<unsigned char>((b | 0x20) - 'a') < 26;
}

inline bool IsAsciiWordChar(unsigned char b) {
  return IsAsciiLetter(b) || (b >= '0' && b <= '9') || b == '_';
}

// Letters and marks (a mark belongs to the letter before it): core's
// IsLetterOrMark, the Cyrillic letters without a table lookup.
inline bool IsLetter(UChar32 c) {
  if (c >= 0x0400 && c <= 0x0481) return true;  // the Cyrillic letters
  return IsLetterOrMark(static_cast<char32_t>(c));
}

inline bool IsWordChar(UChar32 c) {
  if (c < 0x80) return IsAsciiWordChar(static_cast<unsigned char>(c));
  return IsLetter(c) || u_isdigit(c);
}

inline bool IsWordApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

inline bool IsWordHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// The code point at byte i (negative when ill-formed) and its length.
inline UChar32 CodePointAt(std::string_view text, std::size_t i, std::size_t* length) {
  std::size_t j = i;
  UChar32 c;
  U8_NEXT(text.data(), j, text.size(), c);
  *length = j - i;
  return c;
}

// The code point that ends just before byte i (i > 0), negative when
// ill-formed.
inline UChar32 CodePointBefore(std::string_view text, std::size_t i) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(text.data(), 0, j, c);
  return c;
}

struct ScannedWord {
  static constexpr std::size_t kMaxParts = 8;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t parts = 0;  // > kMaxParts: too many to look at one by one
  std::size_t part_begin[kMaxParts];
  std::size_t part_end[kMaxParts];
};

// Reads the word that starts at byte `begin` (a word character).
inline void ScanWord(std::string_view text, std::size_t begin, ScannedWord* w) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  w->begin = begin;
  w->parts = 0;
  std::size_t part_start = begin;
  std::size_t i = begin;
  for (;;) {
    // A run of word characters; ASCII first, as most of it is.
    while (i < n) {
      if (p[i] < 0x80) {
        if (!IsAsciiWordChar(p[i])) break;
        ++i;
        continue;
      }
      std::size_t len;
      const UChar32 c = CodePointAt(text, i, &len);
      if (c < 0 || !IsWordChar(c)) break;
      i += len;
    }
    if (i >= n) break;
    // A joiner with a letter after it continues the word.
    std::size_t len;
    const UChar32 joiner = CodePointAt(text, i, &len);
    const bool hyphen = IsWordHyphen(joiner);
    if (!hyphen && !IsWordApostrophe(joiner)) break;
    if (i + len >= n) break;
    std::size_t next_len;
    const UChar32 next = CodePointAt(text, i + len, &next_len);
    if (next < 0 || !IsLetter(next)) break;
    if (hyphen) {
      if (w->parts < ScannedWord::kMaxParts) {
        w->part_begin[w->parts] = part_start;
        w->part_end[w->parts] = i;
      }
      ++w->parts;
      part_start = i + len;
    }
    i += len;
  }
  if (w->parts < ScannedWord::kMaxParts) {
    w->part_begin[w->parts] = part_start;
    w->part_end[w->parts] = i;
  }
  ++w->parts;
  w->end = i;
}

// True when the word at [begin, end) is glued to a URL, an address, a tag
// or another word: '/', '@', '#', '_' or a word character before it; '/',
// '@' after it; a '.' with a word character on its far side, before or
// after (example.Tokaev, Tokaev.kz).
inline bool IsEmbedded(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0) {
    const UChar32 before = CodePointBefore(text, begin);
    if (before == '/' || before == '@' || before == '#' || before == '\\') return true;
    if (before >= 0 && IsWordChar(before)) return true;
    if (before == '.' && begin >= 2) {
      const UChar32 far = CodePointBefore(text, begin - 1);
      if (far >= 0 && IsWordChar(far)) return true;
    }
  }
  if (end < text.size()) {
    const unsigned char after = static_cast<unsigned char>(text[end]);
    if (after == '/' || after == '@' || after == '\\') return true;
    if (after == '.' && end + 1 < text.size()) {
      std::size_t len;
      const UChar32 far = CodePointAt(text, end + 1, &len);
      if (far >= 0 && IsWordChar(far)) return true;
    }
  }
  return false;
}

// The length of a possessive ending ('s, ’s, 'S, ’S) at the end of
// [begin, end) with at least one letter before it, else 0.
inline std::size_t PossessiveLength(std::string_view text, std::size_t begin, std::size_t end) {
  if (end - begin < 3) return 0;
  const char last = text[end - 1];
  if (last != 's' && last != 'S') return 0;
  if (text[end - 2] == '\'') return end - begin > 2 ? 2 : 0;
  if (end - begin >= 5 && text.substr(end - 4, 3) == "\xE2\x80\x99") return 4;
  return 0;
}

}  // namespace normkit::internal

#endif  // NORMKIT_VARIANTS_VARIANT_WORDS_H_
