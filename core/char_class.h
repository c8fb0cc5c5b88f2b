// Classes of code points by general category, from utf8proc (Unicode 15.0):
// the one definition of a letter or a mark for every module. ICU 72 reads
// the same Unicode version, so these agree with u_isalpha, u_isalnum and
// U_GC_M_MASK code point for code point (tests/core checks every one).
// Internal.
#ifndef NORMKIT_CORE_CHAR_CLASS_H_
#define NORMKIT_CORE_CHAR_CLASS_H_

#include <utf8proc.h>

namespace normkit::internal {

// Letters (L*) and marks (M*; a mark stands for the letter it sits on).
inline bool IsLetterOrMark(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

// Marks (Mn, Mc, Me): combining characters that belong to the letter
// before them.
inline bool IsMark(char32_t c) {
  if (c < 0x80) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

// Letters, marks and decimal digits (Nd, in any script): what words and
// keys are made of.
inline bool IsLetterMarkOrDigit(char32_t c) {
  if (c < 0x80) return IsLetterOrMark(c) || (c >= '0' && c <= '9');
  return IsLetterOrMark(c) ||
         utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

// What a ZWJ or ZWNJ may stand between: letters and marks (scripts such as
// Persian or Devanagari need them there) and symbols (So, Sk: emoji and
// their skin-tone modifiers, for emoji sequences).
inline bool IsJoinable(char32_t c) {
  if (IsLetterOrMark(c)) return true;
  const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_SO || category == UTF8PROC_CATEGORY_SK;
}

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_CHAR_CLASS_H_
