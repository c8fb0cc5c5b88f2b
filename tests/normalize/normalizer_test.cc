// Unit tests for every rule in the header comment of normkit/normalizer.h,
// for the punct.toml typography profile and its error reporting, and for
// DecodeCharset (normkit/encoding.h).
//
// Expected values come from the header's rules and from the standards it
// names (Unicode 15.0 section 3.9 and UAX #15), not from running the code.

#include "normkit/normalizer.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/utf8.h"
#include "normkit/encoding.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {
namespace {

constexpr std::string_view kFFFD = "\uFFFD";

// One code point as UTF-8 (the normalizer's own encoder).
std::string Utf8(char32_t c) {
  std::string out;
  internal::AppendUtf8(c, &out);
  return out;
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

Normalizer Make(const NormalizerOptions& options = {}) {
  Result<Normalizer> n = Normalizer::Create(options);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return std::move(n).value();
}

// Only the form applies: no invisible removal, no whitespace rule.
NormalizerOptions FormOnly(UnicodeForm form) {
  NormalizerOptions o;
  o.form = form;
  o.remove_invisibles = false;
  o.normalize_whitespace = false;
  return o;
}

NormalizerOptions Punct(std::string style = "ascii") {
  NormalizerOptions o;
  o.punct = true;
  o.quote_style = std::move(style);
  return o;
}

std::string Norm(std::string_view text, const NormalizerOptions& options = {}) {
  return Make(options).Normalize(text);
}

// ---------------------------------------------------------------------------
// 1. Invalid UTF-8: one U+FFFD per maximal ill-formed subpart.

TEST(InvalidUtf8, UnicodeTable3_8Example) {
  // Unicode 15.0, section 3.9, Table 3-8: the bytes
  //   61 F1 80 80 E1 80 C2 62 80 63 80 BF 64
  // have the maximal subparts F1 80 80 | E1 80 | C2 | 80 | 80 | BF.
  const std::string in = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  const std::string want = std::string("a") + Repeat(kFFFD, 3) + "b" + std::string(kFFFD) +
                           std::string("c") + Repeat(kFFFD, 2) + "d";
  std::string out;
  NormalizeStats stats;
  ASSERT_TRUE(Make().Normalize(in, &out, &stats).ok());
  EXPECT_EQ(out, want);
  EXPECT_EQ(stats.invalid_sequences, 6u);
  EXPECT_EQ(stats.lines, 1u);
  EXPECT_EQ(stats.lines_changed, 1u);
}

TEST(InvalidUtf8, Overlongs) {
  // C0 and C1 never start a well-formed sequence; E0 needs A0..BF next and
  // F0 needs 90..BF, so each byte of these overlongs is its own subpart.
  EXPECT_EQ(Norm("<\xC0\xAF>"), std::string("<") + Repeat(kFFFD, 2) + ">");
  EXPECT_EQ(Norm("<\xC0\x80>"), std::string("<") + Repeat(kFFFD, 2) + ">");  // not a NUL
  EXPECT_EQ(Norm("<\xC1\xBF>"), std::string("<") + Repeat(kFFFD, 2) + ">");
  EXPECT_EQ(Norm("<\xE0\x80\xAF>"), std::string("<") + Repeat(kFFFD, 3) + ">");
  EXPECT_EQ(Norm("<\xE0\x9F\xBF>"), std::string("<") + Repeat(kFFFD, 3) + ">");
  EXPECT_EQ(Norm("<\xF0\x80\x80\xAF>"), std::string("<") + Repeat(kFFFD, 4) + ">");
  EXPECT_EQ(Norm("<\xF0\x8F\xBF\xBF>"), std::string("<") + Repeat(kFFFD, 4) + ">");
  // The shortest forms next to them are fine.
  EXPECT_EQ(Norm("<\xE0\xA0\x80>"), "<\u0800>");
  EXPECT_EQ(Norm("<\xF0\x90\x80\x80>"), "<\U00010000>");
}

TEST(InvalidUtf8, Surrogates) {
  // ED takes only 80..9F next: ED A0 80 is three subparts.
  EXPECT_EQ(Norm("x\xED\xA0\x80y"), std::string("x") + Repeat(kFFFD, 3) + "y");
  EXPECT_EQ(Norm("x\xED\xBF\xBFy"), std::string("x") + Repeat(kFFFD, 3) + "y");
  // A CESU-8 style pair is six.
  EXPECT_EQ(Norm("\xED\xA0\xBD\xED\xB8\x80"), Repeat(kFFFD, 6));
  EXPECT_EQ(Norm("\xED\x9F\xBF"), "\uD7FF");  // the last one before them
}

TEST(InvalidUtf8, AboveU10FFFF) {
  // F4 takes only 80..8F next; F5..FF never start a sequence.
  EXPECT_EQ(Norm("\xF4\x90\x80\x80"), Repeat(kFFFD, 4));
  EXPECT_EQ(Norm("\xF5\x80\x80\x80"), Repeat(kFFFD, 4));
  EXPECT_EQ(Norm("\xF8\x88\x80\x80\x80"), Repeat(kFFFD, 5));
  EXPECT_EQ(Norm("\xFE\xFF"), Repeat(kFFFD, 2));
  EXPECT_EQ(Norm("\xF4\x8F\xBF\xBF"), "\U0010FFFF");
}

TEST(InvalidUtf8, TruncatedSequences) {
  // A truncated sequence is one maximal subpart, at the end of the text or
  // before a line break.
  EXPECT_EQ(Norm("abc\xE2\x82"), std::string("abc") + std::string(kFFFD));
  EXPECT_EQ(Norm("abc\xF0\x9F\x98"), std::string("abc") + std::string(kFFFD));
  EXPECT_EQ(Norm("abc\xC3"), std::string("abc") + std::string(kFFFD));
  EXPECT_EQ(Norm("a\xE2\x82\nb\xF0\x9F\n"),
            std::string("a") + std::string(kFFFD) + "\nb" + std::string(kFFFD) + "\n");
  // A lone continuation byte after a complete character.
  EXPECT_EQ(Norm("\xC3\xA9\xA9"), std::string("\u00E9") + std::string(kFFFD));
}

TEST(InvalidUtf8, RepairedWithEveryOtherRuleOff) {
  NormalizerOptions o = FormOnly(UnicodeForm::kNone);
  const std::string in = std::string("a\xFF") + "b";
  EXPECT_EQ(Norm(in, o), std::string("a") + std::string(kFFFD) + "b");
}

TEST(InvalidUtf8, StrictModeNamesLineColumnAndOffset) {
  NormalizerOptions o;
  o.strict_utf8 = true;
  Normalizer n = Make(o);

  // Line 2, third byte of that line (C3, followed by a byte that cannot
  // continue it); offset 3 ("ok\n") + 2.
  std::string out;
  Status s = n.Normalize("ok\nab\xC3\xFFz\n", &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(s.where().line, 2u);
  EXPECT_EQ(s.where().column, 3u);  // C3 starts the ill-formed subpart
  EXPECT_EQ(s.where().offset, 5u);
  EXPECT_EQ(out, "ok\n");  // the lines before it
  EXPECT_NE(s.ToString().find("2:3:"), std::string::npos) << s.ToString();

  // Third line, after a dirty first line and a CRLF.
  out.clear();
  s = n.Normalize("a  b\r\nc\nxyz\x80", &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, 3u);
  EXPECT_EQ(s.where().column, 4u);
  EXPECT_EQ(s.where().offset, 11u);
  EXPECT_EQ(out, "a b\nc\n");

  // A lone CR is a line break: "y" starts line 2.
  out.clear();
  s = n.Normalize("x\ry\xFF", &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, 2u);
  EXPECT_EQ(s.where().column, 2u);
  EXPECT_EQ(s.where().offset, 3u);
  EXPECT_EQ(out, "x\n");

  // First byte of the text.
  out.clear();
  s = n.Normalize("\xE0\x80\x80", &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, 1u);
  EXPECT_EQ(s.where().column, 1u);
  EXPECT_EQ(s.where().offset, 0u);

  // Valid text is fine in strict mode, and the one-argument Normalize
  // always repairs.
  out.clear();
  EXPECT_TRUE(n.Normalize("fine\n", &out).ok());
  EXPECT_EQ(out, "fine\n");
  EXPECT_EQ(n.Normalize("a\xFF"), std::string("a") + std::string(kFFFD));
}

// ---------------------------------------------------------------------------
// 2. Invisible debris.

TEST(Invisibles, ByteOrderMarkSoftHyphenZeroWidthSpace) {
  EXPECT_EQ(Norm("\uFEFFtext"), "text");
  EXPECT_EQ(Norm("one\uFEFFtwo\n\uFEFFthree"), "onetwo\nthree");
  EXPECT_EQ(Norm("co\u00ADoper\u00ADate"), "cooperate");
  EXPECT_EQ(Norm("zero\u200Bwidth"), "zerowidth");
  NormalizeStats stats;
  std::string out;
  ASSERT_TRUE(Make().Normalize("\uFEFFa\u00ADb\u200Bc", &out, &stats).ok());
  EXPECT_EQ(out, "abc");
  EXPECT_EQ(stats.removed, 3u);
}

TEST(Invisibles, C0AndC1Controls) {
  EXPECT_EQ(Norm(std::string("a\0b", 3)), "ab");
  std::string c0;
  for (char c = 1; c < 0x20; ++c) {
    if (c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') {
      c0.push_back(c);
    }
  }
  EXPECT_EQ(Norm(std::string("<") + c0 + "\x7F>"), "<>");
  std::string c1;
  for (char32_t c = 0x80; c <= 0x9F; ++c) {
    if (c != 0x85) c1 += Utf8(c);  // NEL is a space under the whitespace rule
  }
  EXPECT_EQ(Norm(std::string("<") + c1 + ">"), "<>");
  // Without the whitespace rule VT, FF and NEL are plain controls and go.
  NormalizerOptions o;
  o.normalize_whitespace = false;
  EXPECT_EQ(Norm("<\v\f\u0085>", o), "<>");
  // The tab and the line breaks stay.
  EXPECT_EQ(Norm("a\tb\nc"), "a\tb\nc");
}

TEST(Invisibles, JoinersKeptBetweenLetters) {
  // Persian: ZWNJ between letters of one word (mi-khaham, "I want").
  const std::string persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
  EXPECT_EQ(Norm(persian), persian);
  // Devanagari: KA, VIRAMA, ZWJ, SSA (the half form of KA).
  const std::string devanagari = "\u0915\u094D\u200D\u0937";
  EXPECT_EQ(Norm(devanagari), devanagari);
  // ZWNJ between two Latin letters.
  EXPECT_EQ(Norm("a\u200Cb"), "a\u200Cb");
}

TEST(Invisibles, JoinersKeptInEmojiSequences) {
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  EXPECT_EQ(Norm(family), family);
  // Heart on fire: the ZWJ follows VARIATION SELECTOR-16 (a mark).
  const std::string heart = "\u2764\uFE0F\u200D\U0001F525";
  EXPECT_EQ(Norm(heart), heart);
  // Technologist with a skin tone modifier (Sk) before the ZWJ.
  const std::string tech = "\U0001F9D1\U0001F3FD\u200D\U0001F4BB";
  EXPECT_EQ(Norm(tech), tech);
  EXPECT_EQ(Norm(std::string("see ") + family + " here"), std::string("see ") + family + " here");
}

TEST(Invisibles, JoinersRemovedAtWordEdges) {
  EXPECT_EQ(Norm("\u200Dword"), "word");
  EXPECT_EQ(Norm("word\u200D"), "word");
  EXPECT_EQ(Norm("word\u200C."), "word.");
  EXPECT_EQ(Norm("a \u200D b"), "a b");
  EXPECT_EQ(Norm("a\u200D b"), "a b");
  EXPECT_EQ(Norm("1\u200D2"), "12");
  EXPECT_EQ(Norm("\U0001F468\u200D"), "\U0001F468");
  EXPECT_EQ(Norm("a\u200D\n"), "a\n");
  // Two joiners in a row: the first has a joiner, not a letter, after it.
  EXPECT_EQ(Norm("a\u200D\u200Cb"), "a\u200Cb");
}

TEST(Invisibles, JoinerRuleHoldsAfterTheFormAndPunct) {
  // U+249C PARENTHESIZED LATIN SMALL LETTER A is a symbol (So), so a ZWJ
  // may stand next to it; NFKC makes it "(a)", and a ZWJ next to a
  // parenthesis must go, else a second pass would remove it.
  NormalizerOptions nfkc;
  nfkc.form = UnicodeForm::kNFKC;
  EXPECT_EQ(Norm("x\u200D\u249C", nfkc), "x(a)");
  EXPECT_EQ(Norm("\u249C\u200Dx", nfkc), "(a)x");
  EXPECT_EQ(Norm("x\u200D\u249C"), "x\u200D\u249C");  // NFC keeps U+249C
  // U+2460 CIRCLED DIGIT ONE is a number (No): no joiner next to it, ever.
  EXPECT_EQ(Norm("x\u200D\u2460"), "x\u2460");
  // U+02BC MODIFIER LETTER APOSTROPHE is a letter (Lm); the profile turns
  // it into "'", punctuation, so the ZWJ after it goes, and then "'" stands
  // between two letters: an apostrophe.
  EXPECT_EQ(Norm("a\u02BC\u200Db", Punct("ascii")), "a'b");
  EXPECT_EQ(Norm("a\u02BC\u200Db"), "a\u02BC\u200Db");  // without punct
}

TEST(Invisibles, KeptWhenSwitchedOff) {
  NormalizerOptions o;
  o.remove_invisibles = false;
  const std::string debris =
      std::string("\uFEFFa\u00ADb\u200Bc\u200D d") + std::string("\0\x01", 2) + "\u0080e";
  EXPECT_EQ(Norm(debris, o), debris);
}

// ---------------------------------------------------------------------------
// 5. Whitespace.

TEST(Whitespace, EveryZsSpaceBecomesAsciiSpace) {
  const Normalizer nfc = Make();
  // With no form too, where nothing but the whitespace rule could map it.
  NormalizerOptions no_form;
  no_form.form = UnicodeForm::kNone;
  const Normalizer none = Make(no_form);
  int count = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (u_charType(c) != U_SPACE_SEPARATOR) continue;
    ++count;
    std::string text = "a";
    text += Utf8(c);
    text += 'b';
    EXPECT_EQ(nfc.Normalize(text), "a b") << std::hex << c;
    EXPECT_EQ(none.Normalize(text), "a b") << std::hex << c;
  }
  // Unicode 15.0 has 17 Zs characters (U+0020, U+00A0, U+1680,
  // U+2000..U+200A, U+202F, U+205F, U+3000).
  EXPECT_EQ(count, 17);
}

TEST(Whitespace, SeparatorsAndFormFeedsBecomeSpaces) {
  EXPECT_EQ(Norm("a\u2028b\u2029c\u0085d\ve\ff"), "a b c d e f");
  // NEL, LS and PS are not line breaks: one line in, one line out.
  EXPECT_EQ(Norm("x\u2028\u2029y"), "x y");
}

TEST(Whitespace, RunsOfSpacesCollapseTabsStayTrailingSpacesGo) {
  EXPECT_EQ(Norm("a  b"), "a b");
  EXPECT_EQ(Norm("a \t b"), "a \t b");  // tabs are columns: never merged
  EXPECT_EQ(Norm("a  \t  b"), "a \t b");
  EXPECT_EQ(Norm("a\t\tb"), "a\t\tb");  // an empty column
  EXPECT_EQ(Norm("a\tb"), "a\tb");
  EXPECT_EQ(Norm("a\u00A0 b"), "a b");
  EXPECT_EQ(Norm("a \u3000\u2003b"), "a b");
  EXPECT_EQ(Norm("end  "), "end");
  EXPECT_EQ(Norm("end\t"), "end\t");  // an empty last column
  EXPECT_EQ(Norm("end \t "), "end \t");
  EXPECT_EQ(Norm("end \u00A0\n"), "end\n");
  EXPECT_EQ(Norm("   \n"), "\n");
  EXPECT_EQ(Norm("  lead"), "  lead");  // indentation is kept
  EXPECT_EQ(Norm("\tlead"), "\tlead");
}

TEST(Whitespace, LineBreaks) {
  EXPECT_EQ(Norm("a\r\nb\r\n"), "a\nb\n");
  EXPECT_EQ(Norm("a\rb\rc"), "a\nb\nc");
  EXPECT_EQ(Norm("a\r\r\nb"), "a\n\nb");
  EXPECT_EQ(Norm("\r"), "\n");
  EXPECT_EQ(Norm("\r\n\r\n"), "\n\n");
  EXPECT_EQ(Norm("a \r\nb"), "a\nb");  // trailing space before CRLF
  EXPECT_EQ(Norm("a \rb"), "a\nb");    // and before a lone CR
  // N lines in, N lines out; empty lines stay.
  EXPECT_EQ(Norm("a\n\n\nb\n"), "a\n\n\nb\n");
  EXPECT_EQ(Norm("\n\n"), "\n\n");
  EXPECT_EQ(Norm(""), "");
  // Without the whitespace rule line breaks are left as they are.
  NormalizerOptions o;
  o.normalize_whitespace = false;
  EXPECT_EQ(Norm("a\r\nb\rc  \t\n", o), "a\r\nb\rc  \t\n");
  EXPECT_EQ(Norm("a\u00A0\u2028b", o), "a\u00A0\u2028b");
}

TEST(Whitespace, LoneCrKeepsItsLineWhenInvisiblesGo) {
  // Without the whitespace rule a lone CR stays a CR; removing a NUL that
  // stood between it and a LF must not fuse them into one CRLF break.
  NormalizerOptions o;
  o.normalize_whitespace = false;
  const std::string out = Norm(std::string("a\r\0\nb", 5), o);
  EXPECT_EQ(out.find("\r\n"), std::string::npos) << out;
  EXPECT_EQ(out, "a\n\nb");
}

// ---------------------------------------------------------------------------
// 3. Unicode forms.

TEST(Forms, ParseAndName) {
  for (UnicodeForm f : {UnicodeForm::kNone, UnicodeForm::kNFC, UnicodeForm::kNFD,
                        UnicodeForm::kNFKC, UnicodeForm::kNFKD, UnicodeForm::kNFKCCasefold}) {
    UnicodeForm parsed = UnicodeForm::kNone;
    ASSERT_TRUE(ParseUnicodeForm(UnicodeFormName(f), &parsed)) << UnicodeFormName(f);
    EXPECT_EQ(parsed, f);
  }
  EXPECT_EQ(UnicodeFormName(UnicodeForm::kNFKCCasefold), "nfkc_casefold");
  UnicodeForm f = UnicodeForm::kNFD;
  EXPECT_FALSE(ParseUnicodeForm("NFC ", &f));
  EXPECT_FALSE(ParseUnicodeForm("nfx", &f));
  EXPECT_EQ(f, UnicodeForm::kNFD);  // untouched on failure
}

TEST(Forms, DefaultIsNfc) {
  EXPECT_EQ(NormalizerOptions().form, UnicodeForm::kNFC);
  EXPECT_EQ(Norm("e\u0301"), "\u00E9");
  EXPECT_EQ(Norm("\u0415\u0308\u0436"), "\u0401\u0436");  // Ё
}

TEST(Forms, UAX15Example) {
  // UAX #15, figure 6: U+1E9B U+0323 (long s with dot above, dot below).
  const std::string in = "\u1E9B\u0323";
  EXPECT_EQ(Norm(in, FormOnly(UnicodeForm::kNFC)), "\u1E9B\u0323");
  EXPECT_EQ(Norm(in, FormOnly(UnicodeForm::kNFD)), "\u017F\u0323\u0307");
  EXPECT_EQ(Norm(in, FormOnly(UnicodeForm::kNFKC)), "\u1E69");
  EXPECT_EQ(Norm(in, FormOnly(UnicodeForm::kNFKD)), "s\u0323\u0307");
  EXPECT_EQ(Norm(in, FormOnly(UnicodeForm::kNone)), in);
}

TEST(Forms, EachForm) {
  auto o = [](UnicodeForm f) {
    NormalizerOptions opts;
    opts.form = f;
    return opts;
  };
  EXPECT_EQ(Norm("\u00E9", o(UnicodeForm::kNFD)), "e\u0301");
  EXPECT_EQ(Norm("\u0419", o(UnicodeForm::kNFD)), "\u0418\u0306");  // Й
  EXPECT_EQ(Norm("\uFB01x\u00B2 \u2460", o(UnicodeForm::kNFC)), "\uFB01x\u00B2 \u2460");
  EXPECT_EQ(Norm("\uFB01x\u00B2 \u2460", o(UnicodeForm::kNFKC)), "fix2 1");
  EXPECT_EQ(Norm("\u00BD \u00E9", o(UnicodeForm::kNFKD)), "1\u20442 e\u0301");
  EXPECT_EQ(Norm("\u00C9COLE Stra\u00DFe \uFB01", o(UnicodeForm::kNFKCCasefold)),
            "\u00E9cole strasse fi");
  EXPECT_EQ(Norm("\u041C\u041E\u0421\u041A\u0412\u0410", o(UnicodeForm::kNFKCCasefold)),
            "\u043C\u043E\u0441\u043A\u0432\u0430");
  // Plain ASCII capitals fold too (they never leave the ASCII fast path
  // unless the form's tables say they change).
  EXPECT_EQ(Norm("HELLO World", o(UnicodeForm::kNFKCCasefold)), "hello world");
  EXPECT_EQ(Norm("ok\nABC\n", o(UnicodeForm::kNFKCCasefold)), "ok\nabc\n");
  EXPECT_EQ(Norm("HELLO", o(UnicodeForm::kNFKC)), "HELLO");
  EXPECT_EQ(Norm("e\u0301", o(UnicodeForm::kNone)), "e\u0301");
  // Canonical reordering: dot below (ccc 220) before dot above (ccc 230).
  EXPECT_EQ(Norm("q\u0307\u0323", o(UnicodeForm::kNFD)), "q\u0323\u0307");
}

TEST(Forms, IsNormalized) {
  Normalizer nfc = Make(FormOnly(UnicodeForm::kNFC));
  EXPECT_TRUE(nfc.IsNormalized("\u00E9t\u00E9"));
  EXPECT_FALSE(nfc.IsNormalized("e\u0301"));
  EXPECT_FALSE(nfc.IsNormalized("a\xFF"));
  Normalizer def = Make();
  EXPECT_TRUE(def.IsNormalized("clean line\nanother\n"));
  EXPECT_FALSE(def.IsNormalized("trailing \n"));
  EXPECT_FALSE(def.IsNormalized("a\r\nb"));
  EXPECT_FALSE(def.IsNormalized("\uFEFFx"));
}

// ---------------------------------------------------------------------------
// 4. Punctuation.

TEST(Punct, DoubledCommaFromTheHeaderExample) {
  EXPECT_EQ(Norm("20 июня 2022,, 14:01\r\n", Punct()), "20 июня 2022, 14:01\n");
  EXPECT_EQ(Norm("20 июня 2022,, 14:01", Punct()), "20 июня 2022, 14:01");
  EXPECT_EQ(Norm("a,,,b", Punct()), "a,b");
  // Without punct the commas stay.
  EXPECT_EQ(Norm("2022,, 14:01"), "2022,, 14:01");
}

TEST(Punct, QuoteStyles) {
  const std::string in = "\"Hello,\" she said, 'hi'.";
  EXPECT_EQ(Norm(in, Punct("ascii")), "\"Hello,\" she said, 'hi'.");
  EXPECT_EQ(Norm(in, Punct("curly")), "\u201CHello,\u201D she said, \u2018hi\u2019.");
  EXPECT_EQ(Norm(in, Punct("angle")), "\u00ABHello,\u00BB she said, \u2039hi\u203A.");
  EXPECT_EQ(Norm(in, Punct("german")), "\u201EHello,\u201C she said, \u201Ahi\u2018.");
  // Russian guillemets and German low-high quotes read back in any style.
  EXPECT_EQ(Norm("компания «Газпром»", Punct("ascii")), "компания \"Газпром\"");
  EXPECT_EQ(Norm("компания «Газпром»", Punct("curly")), "компания \u201CГазпром\u201D");
  EXPECT_EQ(Norm("er sagte \u201Eja\u201C.", Punct("angle")), "er sagte \u00ABja\u00BB.");
  // Curly input to ASCII.
  EXPECT_EQ(Norm("\u201Cquoted\u201D and \u2018single\u2019", Punct("ascii")),
            "\"quoted\" and 'single'");
  // A mark with spaces on both sides is left alone.
  EXPECT_EQ(Norm("a \" b", Punct("curly")), "a \" b");
}

TEST(Punct, Apostrophes) {
  EXPECT_EQ(Norm("Tokaev\u2019s visit", Punct("ascii")), "Tokaev's visit");
  EXPECT_EQ(Norm("Tokaev's visit", Punct("curly")), "Tokaev\u2019s visit");
  EXPECT_EQ(Norm("Tokaev's visit", Punct("angle")), "Tokaev\u2019s visit");
  EXPECT_EQ(Norm("Tokaev's visit", Punct("german")), "Tokaev\u2019s visit");
  // Ukrainian, with MODIFIER LETTER APOSTROPHE.
  EXPECT_EQ(Norm("п\u02BCять", Punct("ascii")), "п'ять");
  EXPECT_EQ(Norm("п'ять", Punct("curly")), "п\u2019ять");
}

TEST(Punct, Dashes) {
  EXPECT_EQ(Norm("Москва - столица", Punct()), "Москва \u2014 столица");
  EXPECT_EQ(Norm("Москва -- столица", Punct()), "Москва \u2014 столица");
  EXPECT_EQ(Norm("Москва \u2013 столица", Punct()), "Москва \u2014 столица");
  EXPECT_EQ(Norm("1990\u20142000", Punct()), "1990\u20132000");
  EXPECT_EQ(Norm("pp. 10\u201212", Punct()), "pp. 10\u201312");
  // A hyphen-minus between digits is a date or a number, not a range.
  EXPECT_EQ(Norm("2022-06-20", Punct()), "2022-06-20");
  EXPECT_EQ(Norm("well-known", Punct()), "well-known");
  EXPECT_EQ(Norm("well\u2010known non\u2011stop", Punct()), "well-known non-stop");
  // A Unicode hyphen standing between spaces is a dash too.
  EXPECT_EQ(Norm("a \u2010 b", Punct()), "a \u2014 b");
  EXPECT_EQ(Norm("a\u2014b", Punct()), "a\u2014b");
}

TEST(Punct, Ellipsis) {
  EXPECT_EQ(Norm("Wait\u2026", Punct()), "Wait...");
  EXPECT_EQ(Norm("Wait...", Punct()), "Wait...");
  EXPECT_EQ(Norm("Wait....", Punct()), "Wait....");  // not exactly three
  EXPECT_EQ(Norm("Wait ...", Punct()), "Wait...");
}

TEST(Punct, SpacesBeforePunctuation) {
  EXPECT_EQ(Norm("слово , слово . Да !", Punct()), "слово, слово. Да!");
  EXPECT_EQ(Norm("( слово ) [ x ]", Punct()), "(слово) [x]");
  EXPECT_EQ(Norm("« текст »", Punct("ascii")), "\"текст\"");
  EXPECT_EQ(Norm("« текст »", Punct("angle")), "«текст»");
  EXPECT_EQ(Norm("a , , b", Punct()), "a, b");
  // A leading space before punctuation stays: there is no word to join.
  EXPECT_EQ(Norm(" , x", Punct()), " , x");
}

TEST(Punct, SeesCollapsedWhitespace) {
  // Two spaces are one once the whitespace rule has run, so the profile
  // must treat them as one: "  -  " is a spaced hyphen.
  EXPECT_EQ(Norm("a  -  b", Punct()), "a \u2014 b");
  EXPECT_EQ(Norm("word  ,", Punct()), "word,");
  // A tab separates columns: a hyphen beside one is a column's value, and
  // the space before a tab is no space before the comma.
  EXPECT_EQ(Norm("a\t-\tb", Punct()), "a\t-\tb");
  EXPECT_EQ(Norm("a \t- b", Punct()), "a \t- b");
  EXPECT_EQ(Norm("word \t,", Punct()), "word \t,");
}

TEST(Punct, FixedMarksAreWrittenAsTheyReadBack) {
  // « opens whatever stands before it, but the curly style's “ is read from
  // context: after a letter it closes. Writing “ would turn into ” on a
  // second pass, so the mark is written as ” straight away.
  EXPECT_EQ(Norm("a\u00ABb\u00BB", Punct("curly")), "a\u201Db\u201D");
  // Where the style's mark is itself fixed, it is kept.
  EXPECT_EQ(Norm("a\u00ABb\u00BB", Punct("angle")), "a\u00ABb\u00BB");
  EXPECT_EQ(Norm("a\u00ABb\u00BB", Punct("german")), "a\u201Eb\u201C");
  // The space before a closing › goes; German's closing single mark ‘ is
  // then between two letters, which reads as an apostrophe.
  EXPECT_EQ(Norm("ab \u203Ac", Punct("german")), "ab\u2019c");
  for (const char* style : {"ascii", "curly", "angle", "german"}) {
    for (const char* in :
         {"a\u00ABb\u00BB", "ab \u203Ac", "a\u2039 b", "\u2014 \u00BBy", "x ( \" y"}) {
      const std::string once = Norm(in, Punct(style));
      EXPECT_EQ(Norm(once, Punct(style)), once) << style << " " << in;
    }
  }
}

TEST(Punct, UnknownQuoteStyle) {
  Result<Normalizer> n = Normalizer::Create(Punct("fancy"));
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(n.status().message().find("fancy"), std::string::npos);
  EXPECT_NE(n.status().message().find("curly"), std::string::npos)
      << "the message should list the known styles: " << n.status().message();
}

TEST(Punct, MissingRuleFile) {
  Result<Normalizer> n = Normalizer::Create(Punct(), RuleFiles());
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), ErrorCode::kNotFound);
  // Without punct the rule file is not needed.
  EXPECT_TRUE(Normalizer::Create(NormalizerOptions(), RuleFiles()).ok());
}

// The embedded punct.toml with the first line that starts with `key =`
// replaced by `replacement`; *line is that line's number (from 1).
std::string PunctTomlWith(std::string_view key, std::string_view replacement, std::size_t* line) {
  static const RuleFiles embedded = RuleFiles::Embedded();
  const std::string* text = embedded.Find("normalize/punct.toml");
  EXPECT_NE(text, nullptr);
  if (text == nullptr) return "";
  std::string out;
  std::size_t number = 0;
  bool done = false;
  std::size_t start = 0;
  while (start < text->size()) {
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    const std::string_view l(text->data() + start, end - start);
    ++number;
    if (!done && l.starts_with(std::string(key) + " =")) {
      out += replacement;
      *line = number;
      done = true;
    } else {
      out += l;
    }
    out += '\n';
    start = end + 1;
  }
  EXPECT_TRUE(done) << key;
  return out;
}

Status CreateWithPunctToml(const std::string& toml) {
  RuleFiles rules = RuleFiles::Embedded();
  rules.Add("normalize/punct.toml", toml, "custom/punct.toml");
  return Normalizer::Create(Punct(), rules).status();
}

TEST(PunctRules, EmbeddedFileLoadsForEveryStyle) {
  for (const char* style : {"ascii", "curly", "angle", "german"}) {
    EXPECT_TRUE(Normalizer::Create(Punct(style)).ok()) << style;
  }
}

// Columns in rule files count characters (code points), as toml++ does and
// as editors show them.
TEST(PunctRules, TomlSyntaxErrorHasLineAndColumn) {
  // An unterminated string: `dash = "—` then the line break, which TOML
  // forbids inside a string: d1 a2 s3 h4 _5 =6 _7 "8 —9, the break is 10.
  std::size_t line = 0;
  Status s = CreateWithPunctToml(PunctTomlWith("dash", "dash = \"\u2014", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(s.where().file, "custom/punct.toml");
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 10u);
  EXPECT_EQ(
      s.ToString().rfind(std::string("custom/punct.toml:") + std::to_string(line) + ":10: ", 0), 0u)
      << s.ToString();

  // An unknown escape: the `q` of `"\q"` is the tenth character.
  s = CreateWithPunctToml(PunctTomlWith("dash", "dash = \"\\q\"", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 10u) << s.ToString();

  // A key with no value: the line break after `range_dash = ` (column 14).
  s = CreateWithPunctToml(PunctTomlWith("range_dash", "range_dash = ", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 14u);

  // Junk after a value that holds a three-byte character: in
  // `dash = "—" x` the x is the 12th character (and the 14th byte).
  s = CreateWithPunctToml(PunctTomlWith("dash", "dash = \"\u2014\" x", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 12u);

  // An error on the first line, column 1.
  s = CreateWithPunctToml("= 1\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(s.where().line, 1u);
  EXPECT_EQ(s.where().column, 1u);
}

TEST(PunctRules, TwoCharacterEntryPointsAtTheEntry) {
  std::size_t line = 0;
  const std::string bad = "double_closing = [\"\u00BB\", \"ab\"]";
  const std::string toml = PunctTomlWith("double_closing", bad, &line);
  Status s = CreateWithPunctToml(toml);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(s.where().file, "custom/punct.toml");
  EXPECT_EQ(s.where().line, line);
  // The entry "ab" starts after `double_closing = ["»", `: 23 characters,
  // so at column 24.
  EXPECT_EQ(s.where().column, 24u) << s.ToString();
  EXPECT_NE(s.message().find("one character"), std::string::npos) << s.message();
}

TEST(PunctRules, SemanticErrors) {
  std::size_t line = 0;
  // The same character in two roles.
  Status s =
      CreateWithPunctToml(PunctTomlWith("hyphens", "hyphens = [\"\u2010\", \"\u2014\"]", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  // The hyphens line comes before the dashes line, so the second listing of
  // U+2014 (in `dashes`) is the one reported.
  std::size_t dashes_line = 0;
  PunctTomlWith("dashes", "dashes = []", &dashes_line);
  EXPECT_EQ(s.where().line, dashes_line) << s.ToString();

  // A wrong type.
  s = CreateWithPunctToml(PunctTomlWith("spaced_hyphen", "spaced_hyphen = \"yes\"", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 17u);  // the value, after `spaced_hyphen = `

  // An ellipsis that is neither "..." nor U+2026.
  s = CreateWithPunctToml(PunctTomlWith("ellipsis", "ellipsis = \"..\"", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 12u);

  // An empty entry.
  s = CreateWithPunctToml(PunctTomlWith("range_dash", "range_dash = \"\"", &line));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, line);
  EXPECT_EQ(s.where().column, 14u);
}

// ---------------------------------------------------------------------------
// Options and sharing.

TEST(Options, KeptByTheNormalizer) {
  NormalizerOptions o = Punct("curly");
  o.form = UnicodeForm::kNFKD;
  Normalizer n = Make(o);
  EXPECT_EQ(n.options().form, UnicodeForm::kNFKD);
  EXPECT_EQ(n.options().quote_style, "curly");
  EXPECT_TRUE(n.options().punct);
}

TEST(Options, StatsAddUp) {
  NormalizeStats a{1, 2, 3, 4};
  a.Add(NormalizeStats{10, 20, 30, 40});
  EXPECT_EQ(a.lines, 11u);
  EXPECT_EQ(a.lines_changed, 22u);
  EXPECT_EQ(a.invalid_sequences, 33u);
  EXPECT_EQ(a.removed, 44u);

  NormalizeStats s;
  std::string out;
  ASSERT_TRUE(Make().Normalize("clean\ndirty  \nclean", &out, &s).ok());
  EXPECT_EQ(s.lines, 3u);
  EXPECT_EQ(s.lines_changed, 1u);
}

TEST(Threads, CopiesGiveTheSameResultsConcurrently) {
  std::vector<std::string> inputs;
  for (int i = 0; i < 300; ++i) {
    inputs.push_back(std::string("\"Line\" ") + std::to_string(i) +
                     " - e\u0301t\u00E9 ,, \u00A0 x\u200B\xFF\r\n" +
                     std::string(static_cast<std::size_t>(i % 7), ' ') +
                     "\u2026 'it's' \u00AB\u041C\u0438\u0440\u00BB\t");
  }
  NormalizerOptions o = Punct("curly");
  o.form = UnicodeForm::kNFKC;
  const Normalizer shared = Make(o);
  std::vector<std::string> want;
  for (const std::string& in : inputs) want.push_back(shared.Normalize(in));

  constexpr int kThreads = 4;
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t, copy = shared] {
      for (int round = 0; round < 20; ++round) {
        got[t].clear();
        for (const std::string& in : inputs) {
          // Half the threads use their copy, half the shared original.
          got[t].push_back(t % 2 ? copy.Normalize(in) : shared.Normalize(in));
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(got[t], want) << t;
  EXPECT_EQ(want[3],
            "\u201CLine\u201D 3 \u2014 \u00E9t\u00E9, x\uFFFD\n"
            "   ... \u2018it\u2019s\u2019 \u201C\u041C\u0438\u0440\u201D\t");
}

// ---------------------------------------------------------------------------
// Encoding.

TEST(Encoding, Windows1251) {
  // "Привет, ёж" in windows-1251: А..Я = C0..DF, а..я = E0..FF, ё = B8.
  const std::string bytes = "\xCF\xF0\xE8\xE2\xE5\xF2, \xB8\xE6";
  Result<std::string> utf8 = DecodeCharset(bytes, "windows-1251");
  ASSERT_TRUE(utf8.ok()) << utf8.status().ToString();
  EXPECT_EQ(*utf8, "Привет, ёж");
  EXPECT_EQ(*DecodeCharset(bytes, "cp1251"), "Привет, ёж");
}

TEST(Encoding, Koi8R) {
  // KOI8-R: П F0, р D2, и C9, в D7, е C5, т D4, ё A3, ж D6.
  const std::string bytes = "\xF0\xD2\xC9\xD7\xC5\xD4, \xA3\xD6\n";
  Result<std::string> utf8 = DecodeCharset(bytes, "koi8-r");
  ASSERT_TRUE(utf8.ok()) << utf8.status().ToString();
  EXPECT_EQ(*utf8, "Привет, ёж\n");
}

TEST(Encoding, RefusesUnknownAndNonAsciiCharsets) {
  for (const char* name : {"no-such-charset", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32"}) {
    Result<std::string> r = DecodeCharset("abc", name);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument) << name;
    EXPECT_FALSE(IsSupportedCharset(name)) << name;
  }
  EXPECT_TRUE(IsSupportedCharset("windows-1251"));
  EXPECT_TRUE(IsSupportedCharset("koi8-r"));
}

TEST(Encoding, UndefinedByteNamesItsOffset) {
  // 0x98 is the one byte windows-1251 leaves undefined.
  Result<std::string> r = DecodeCharset("ab\x98", "windows-1251");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(r.status().where().offset, 2u);
  EXPECT_NE(r.status().message().find("0x98"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace normkit
