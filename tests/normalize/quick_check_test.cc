// The fast path against ICU, code point by code point.
//
// normkit decides per line whether the form could change it from its own
// tables (a quick-check value and a combining class per code point, built
// from ICU at creation) and copies lines it thinks clean without calling
// ICU. A wrong table entry would pass text through un-normalized. Here every
// code point, alone, between two letters, and before a combining acute, goes
// through normkit (form only) and through ICU's Normalizer2 directly; the
// results and the IsNormalized() answers must agree, for all five forms.

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <string>

#include "core/utf8.h"
#include "icu_forms.h"
#include "normkit/normalizer.h"

namespace normkit {
namespace {

using internal::AppendUtf8;  // the normalizer's own encoder

const icu::Normalizer2* IcuInstance(UnicodeForm form) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = testing::IcuNormalizer(form, &ec);
  EXPECT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
  return n;
}

// Compares normkit and ICU on the code points 0, stride, 2*stride, ... up to
// U+10FFFF (surrogates skipped), each in three strings: "a" cp "b", cp
// alone, and cp followed by U+0301 COMBINING ACUTE ACCENT (which composes
// with many letters and reorders after marks of lower class).
void CompareWithIcu(UnicodeForm form, char32_t stride) {
  NormalizerOptions options;
  options.form = form;
  options.remove_invisibles = false;
  options.normalize_whitespace = false;
  Result<Normalizer> made = Normalizer::Create(options);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  const Normalizer& n = *made;
  const icu::Normalizer2* icu = IcuInstance(form);
  ASSERT_NE(icu, nullptr);

  std::string text, got, want;
  int failures = 0;
  long checked = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += stride) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    for (int shape = 0; shape < 3; ++shape) {
      text.clear();
      if (shape == 0) text += 'a';
      AppendUtf8(cp, &text);
      if (shape == 0) text += 'b';
      if (shape == 2) text += "\u0301";

      got.clear();
      ASSERT_TRUE(n.Normalize(text, &got).ok());
      want.clear();
      icu::StringByteSink<std::string> sink(&want);
      UErrorCode ec = U_ZERO_ERROR;
      icu->normalizeUTF8(0, icu::StringPiece(text.data(), text.size()), sink, nullptr, ec);
      ASSERT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
      const UBool icu_normal =
          icu->isNormalizedUTF8(icu::StringPiece(text.data(), text.size()), ec);
      ASSERT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
      ++checked;
      const bool ours_normal = n.IsNormalized(text);
      if ((got != want || ours_normal != static_cast<bool>(icu_normal)) && ++failures <= 20) {
        ADD_FAILURE() << UnicodeFormName(form) << " U+" << std::hex << std::uppercase
                      << unsigned(cp) << " shape " << shape
                      << ": normkit and ICU differ (output equal: " << (got == want)
                      << ", IsNormalized " << ours_normal << " vs ICU " << bool(icu_normal) << ")";
      }
    }
  }
  EXPECT_EQ(failures, 0) << "of " << checked << " strings";
}

TEST(QuickCheck, NfcEveryCodePoint) { CompareWithIcu(UnicodeForm::kNFC, 1); }
TEST(QuickCheck, NfdEveryCodePoint) { CompareWithIcu(UnicodeForm::kNFD, 1); }
TEST(QuickCheck, NfkcEveryCodePoint) { CompareWithIcu(UnicodeForm::kNFKC, 1); }
TEST(QuickCheck, NfkdEveryCodePoint) { CompareWithIcu(UnicodeForm::kNFKD, 1); }
TEST(QuickCheck, NfkcCasefoldEveryCodePoint) { CompareWithIcu(UnicodeForm::kNFKCCasefold, 1); }

// The quick check looks at a whole line before deciding; a character that
// needs the form deep inside a long clean line must still be found.
TEST(QuickCheck, FindsTheOneDirtyCharacterInALongLine) {
  NormalizerOptions options;
  options.remove_invisibles = false;
  options.normalize_whitespace = false;
  Result<Normalizer> n = Normalizer::Create(options);
  ASSERT_TRUE(n.ok());
  std::string clean(10000, 'x');
  clean += "\u00E9\U0001F600";
  // Each of these changes under NFC: a decomposed e-acute, ANGSTROM SIGN
  // (a singleton), MUSICAL SYMBOL HALF NOTE (composition-excluded).
  for (const char* dirty : {"e\u0301", "\u212B", "\U0001D15E"}) {
    const std::string text = clean + "\n" + clean + dirty + clean + "\n";
    const std::string out = n->Normalize(text);
    EXPECT_TRUE(out != text) << dirty;
    EXPECT_FALSE(n->IsNormalized(text)) << dirty;
    EXPECT_TRUE(n->Normalize(out) == out) << dirty;
  }
  // Hangul L + V compose to a syllable even in the middle of a line.
  EXPECT_TRUE(n->Normalize(clean + "\u1100\u1161") == clean + "\uAC00");
  // A V jamo after anything but an L jamo is already NFC.
  EXPECT_TRUE(n->IsNormalized(clean + "\u1161"));
  const std::string all_clean = clean + "\n" + clean;
  EXPECT_TRUE(n->IsNormalized(all_clean));
  EXPECT_TRUE(n->Normalize(all_clean) == all_clean);
}

}  // namespace
}  // namespace normkit
