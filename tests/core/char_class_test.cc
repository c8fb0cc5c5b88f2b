// core/char_class.h is the one definition of a letter, a mark and a digit:
// the modules that asked ICU before (translit, dates, headers, variants) now
// ask it. ICU 72 and utf8proc 2.8 both read Unicode 15.0; here every code
// point gets the same answer from both, so moving a module from one to the
// other changes nothing it reads as a letter.
#include "core/char_class.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <utf8proc.h>

namespace normkit::internal {
namespace {

bool IcuMark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

TEST(CharClass, SameUnicodeVersionAsIcu) {
  // The agreement below holds because both read one version of Unicode.
  UVersionInfo icu;
  u_getUnicodeVersion(icu);
  char icu_version[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_version);
  const std::string utf8proc = utf8proc_unicode_version();
  EXPECT_EQ(utf8proc.substr(0, utf8proc.rfind('.')), std::string(icu_version));
}

TEST(CharClass, AgreesWithIcuOnEveryCodePoint) {
  int mismatches = 0;
  for (UChar32 c = 0; c <= 0x10FFFF && mismatches < 10; ++c) {
    const auto cp = static_cast<char32_t>(c);
    const bool letter_or_mark = u_isalpha(c) || IcuMark(c);
    const bool with_digit = u_isalnum(c) || IcuMark(c);
    if (IsLetterOrMark(cp) != letter_or_mark) {
      ADD_FAILURE() << "IsLetterOrMark(U+" << std::hex << c << ")";
      ++mismatches;
    }
    if (IsMark(cp) != IcuMark(c)) {
      ADD_FAILURE() << "IsMark(U+" << std::hex << c << ")";
      ++mismatches;
    }
    if (IsLetterMarkOrDigit(cp) != with_digit) {
      ADD_FAILURE() << "IsLetterMarkOrDigit(U+" << std::hex << c << ")";
      ++mismatches;
    }
  }
}

TEST(CharClass, Examples) {
  EXPECT_TRUE(IsLetterOrMark(U'a'));
  EXPECT_TRUE(IsLetterOrMark(U'Ж'));
  EXPECT_TRUE(IsLetterOrMark(0x0301));  // combining acute
  EXPECT_TRUE(IsLetterOrMark(0x02BC));  // modifier letter apostrophe (Lm)
  EXPECT_FALSE(IsLetterOrMark(U'1'));
  EXPECT_FALSE(IsLetterOrMark(U'\''));
  EXPECT_FALSE(IsLetterOrMark(U'@'));
  EXPECT_FALSE(IsLetterOrMark(U'['));
  EXPECT_TRUE(IsMark(0x0301));
  EXPECT_FALSE(IsMark(U'a'));
  EXPECT_TRUE(IsLetterMarkOrDigit(U'7'));
  EXPECT_TRUE(IsLetterMarkOrDigit(0x0667));   // Arabic-Indic seven
  EXPECT_FALSE(IsLetterMarkOrDigit(0x00B2));  // superscript two: No, not Nd
  EXPECT_FALSE(IsLetterMarkOrDigit(U'-'));
}

}  // namespace
}  // namespace normkit::internal
