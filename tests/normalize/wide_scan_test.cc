// The quick check's wide steps (normalize/clean_scan.h) against the paths
// that read a character at a time. The wide steps only run on long lines
// (16 bytes at a time, one byte ahead), which the per-code-point tests of
// quick_check_test.cc never make; here:
//
//   - every code point, one to a line amid clean text, at every offset in a
//     16-byte block, under every form (form only): normkit and ICU agree;
//   - every line of a text against the same line sent down the slow path
//     (a ZERO WIDTH SPACE before its line break: the slow path removes it,
//     and it changes nothing else): the same output, on generated text
//     (every BMP code point and a sample above, lines that start with each
//     byte that decides how the next line is read, fences of both kinds
//     opening and closing, blank lines) and on the Russian news corpus as
//     the benchmark joins it, as scraped and normalized;
//   - ill-formed bytes amid long clean text come out as they do alone,
//     where no wide step runs;
//   - the scan 16 bytes at a time and 32 at a time stop at the same bytes
//     (with the module's internals: CleanScan itself).

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "corpus.h"
#include "icu_forms.h"
#include "normalize/clean_scan.h"
#include "normkit/normalizer.h"
#include "skip.h"

namespace normkit {
namespace {

using internal::AppendUtf8;

constexpr char kZeroWidthSpace[] = "\u200B";

Normalizer Make(const NormalizerOptions& options) {
  Result<Normalizer> made = Normalizer::Create(options);
  EXPECT_TRUE(made.ok()) << made.status().ToString();
  return std::move(*made);
}

// The first line where `a` and `b` differ, with its number, for a message.
std::string FirstDifference(std::string_view a, std::string_view b) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i) {
    if (a[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  auto line_of = [start](std::string_view s) {
    const std::size_t end = s.find('\n', start);
    return std::string(s.substr(start, end == std::string_view::npos ? end : end - start));
  };
  return "line " + std::to_string(line) + ":\n  " + line_of(a) + "\n  " + line_of(b);
}

// ---------------------------------------------------------------------------
// Every code point in a long line, against ICU.

// One line per code point (surrogates and the line breaks left out): some
// ASCII to put it at offset cp % 16 of a block, Cyrillic on both sides, and
// enough after it that the wide steps, not the last bytes' scalar loop,
// read it.
std::string EveryCodePointInItsOwnLine() {
  std::string text;
  for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == '\n' || cp == '\r') continue;
    text.append(cp % 16, 'a');
    text += "\u0416\u0436 ";
    AppendUtf8(cp, &text);
    text += " \u0441\u043B\u043E\u0432\u043E, \u0438 \u0435\u0449\u0451\n";
  }
  return text;
}

TEST(WideScan, EveryCodePointInALongLineAgreesWithIcu) {
  const std::string text = EveryCodePointInItsOwnLine();
  for (UnicodeForm form : {UnicodeForm::kNFC, UnicodeForm::kNFD, UnicodeForm::kNFKC,
                           UnicodeForm::kNFKD, UnicodeForm::kNFKCCasefold}) {
    NormalizerOptions options;
    options.form = form;
    options.remove_invisibles = false;
    options.normalize_whitespace = false;
    const Normalizer n = Make(options);
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* icu = testing::IcuNormalizer(form, &ec);
    ASSERT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);

    std::string want;
    icu::StringByteSink<std::string> sink(&want);
    icu->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                       nullptr, ec);
    ASSERT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
    const std::string got = n.Normalize(text);
    EXPECT_TRUE(got == want) << UnicodeFormName(form) << ", " << FirstDifference(got, want);
  }
}

// ---------------------------------------------------------------------------
// The quick check against the slow path, line by line.

// `text` with every line sent down the slow path: a ZERO WIDTH SPACE before
// each line break (before the CR of a CRLF) and at the end. The slow path
// removes it where the option is on, and it stands next to nothing that
// reads it (a joiner before it goes either way, as the end of a line
// counts as no letter).
std::string SlowPathForEveryLine(std::string_view text) {
  std::string marked;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    const bool lf = text[i] == '\n' && (i == 0 || text[i - 1] != '\r');
    if (crlf || lf) marked += kZeroWidthSpace;
    marked += text[i];
  }
  if (!text.ends_with('\n')) marked += kZeroWidthSpace;
  return marked;
}

// Option sets with remove_invisibles on (which SlowPathForEveryLine needs):
// the default, others forms, and without the whitespace rule (where the
// wide steps read every line break the same way).
std::vector<NormalizerOptions> InvisiblesOptionSets() {
  std::vector<NormalizerOptions> sets(5);
  sets[1].form = UnicodeForm::kNFD;
  sets[2].form = UnicodeForm::kNFKCCasefold;
  sets[3].form = UnicodeForm::kNone;
  sets[4].normalize_whitespace = false;
  return sets;
}

std::string Describe(const NormalizerOptions& o) {
  return std::string(UnicodeFormName(o.form)) + (o.normalize_whitespace ? "" : "+keep_whitespace");
}

void ExpectSameAsSlowPath(const Normalizer& n, std::string_view text, const std::string& what) {
  const std::string quick = n.Normalize(text);
  const std::string slow = n.Normalize(SlowPathForEveryLine(text));
  EXPECT_TRUE(quick == slow) << Describe(n.options()) << ", " << what << ": "
                             << FirstDifference(quick, slow);
}

// Lines that start with each byte the wide steps decide on at a line break
// (space, tab, backtick, tilde, another line break, a CR, a plain byte, an
// invisible character before indentation), some with a run of spaces, a
// trailing space or a fence in them, and between them lines that open or
// close fences of both kinds or are indented code; with a code point in
// each, every BMP one and every 61st above (a block of 64 holds at least
// one). Which start, end and line between: seeded random picks.
std::string GeneratedLines() {
  static const std::vector<std::string> kStarts = {"",           "",
                                                   "",           " ",
                                                   "    ",       "\t",
                                                   "```",        "```go",
                                                   "~~~",        "~~~~",
                                                   "\n",         "\n\n",
                                                   "- ",         "`",
                                                   "~",          "\r\n",
                                                   "  ```",      "\u00A0",
                                                   "x",          "\n   ",
                                                   "\n\t\n\n",   "``",
                                                   " ~~~",       "\n~~~",
                                                   "\u200B    ", "\n\u200B    ",
                                                   "\u00AD\t",   "\n\n\u00AD\t"};
  static const std::vector<std::string> kMiddles = {" ", " ", " ", "  ", "\u00A0", " `` "};
  static const std::vector<std::string> kEnds = {"", "", "", "```", " ~~~", "  ", " ", "````"};
  static const std::vector<std::string> kLinesBetween = {
      "```",     "~~~", "~~~~",    "   ~~~", "~~~  ",    "````",   "~~~\t",      "",
      "```x```", "  ",  "``` ```", "\t\t",   "    a  b", "\ta  b", "  ```  ```", "  ~~~~~"};
  std::mt19937 rng(20240602);
  auto pick = [&rng](const std::vector<std::string>& from) -> const std::string& {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
  };
  std::string text;
  auto add = [&](char32_t cp) {
    if (rng() % 4 == 0) text += pick(kLinesBetween) + "\n";
    text += pick(kStarts);
    text.append(cp % 16, 'a');
    text += "\u0416\u0436";
    text += pick(kMiddles);
    AppendUtf8(cp, &text);
    text += " \u0441\u043B\u043E\u0432\u043E,";
    text += pick(kMiddles);
    text += "\u0438 \u0435\u0449\u0451";
    text += pick(kEnds);
    text += '\n';
  };
  for (char32_t cp = 0x20; cp < 0x10000; ++cp) {
    if (cp < 0x7F || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
    add(cp);
  }
  for (char32_t cp = 0x10000; cp <= 0x10FFFF; cp += 61) add(cp);
  return text;
}

TEST(WideScan, GeneratedLinesAgreeWithTheSlowPath) {
  const std::string text = GeneratedLines();
  for (const NormalizerOptions& options : InvisiblesOptionSets()) {
    const Normalizer n = Make(options);
    ExpectSameAsSlowPath(n, text, "generated lines");
    // Normalized, most lines are clean: the wide steps read them whole.
    ExpectSameAsSlowPath(n, n.Normalize(text), "generated lines, normalized");
  }
}

TEST(WideScan, RussianNewsAgreesWithTheSlowPath) {
  const std::string* joined = testing::RussianNewsJoined();
  if (joined == nullptr) {
    NORMKIT_SKIP_WITHOUT_SHARED("corpora/ru-news.jsonl.zst");
  }
  // As the benchmark reads it: one text, where an unclosed fence in one
  // post holds the posts after it.
  for (const NormalizerOptions& options : InvisiblesOptionSets()) {
    if (options.form != UnicodeForm::kNFC) continue;  // the default, with and without whitespace
    const Normalizer n = Make(options);
    ExpectSameAsSlowPath(n, *joined, "ru-news");
    ExpectSameAsSlowPath(n, n.Normalize(*joined), "ru-news, normalized");
  }
}

// ---------------------------------------------------------------------------
// Ill-formed bytes amid long lines.

// Without a form and without the whitespace rule, what happens to each byte
// depends on its character alone (ill-formed bytes in maximal subparts,
// controls), so random bytes amid clean text (which ends before them and
// starts after them with whole characters) come out as they do alone,
// where they are too short for a wide step. Joiners are left out (their
// neighbours decide), and line breaks.
TEST(WideScan, IllFormedBytesAmidLongLinesAsAlone) {
  NormalizerOptions options;
  options.form = UnicodeForm::kNone;
  options.normalize_whitespace = false;
  const Normalizer n = Make(options);
  static constexpr unsigned char kBytes[] = {
      0x00, 0x09, 0x1B, ' ',  'a',  0x7F, 0x80, 0x81, 0x85, 0x9F, 0xA0, 0xAD, 0xBF,
      0xC0, 0xC1, 0xC2, 0xCC, 0xD0, 0xD1, 0xDF, 0xE0, 0xE1, 0xE2, 0xED, 0xEF, 0xF0,
      0xF3, 0xF4, 0xF5, 0xF8, 0xFF, 0xB0, 0x90, 0x8F, 0xBB, 0x98, 0x84, 0xA9};
  std::mt19937 rng(20240602);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kBytes - 1);
  std::uniform_int_distribution<std::size_t> length(1, 14);
  const std::string before = "\u0421\u044A\u0435\u0448\u044C \u0436\u0435 ";
  const std::string after =
      "\u0435\u0449\u0451 \u044D\u0442\u0438\u0445 \u043C\u044F\u0433\u043A\u0438\u0445";
  int failures = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes;
    for (std::size_t k = length(rng); k > 0; --k) bytes += static_cast<char>(kBytes[pick(rng)]);
    const std::string pad(static_cast<std::size_t>(i % 17), 'a');
    const std::string text = pad + before + bytes + after + after;
    const std::string want = pad + before + n.Normalize(bytes) + after + after;
    if (n.Normalize(text) != want && ++failures <= 10) {
      std::string hex;
      for (unsigned char b : bytes) hex.append(" ").append(std::to_string(b));
      ADD_FAILURE() << "bytes" << hex << " at offset " << pad.size() + before.size();
    }
  }
  EXPECT_EQ(failures, 0);
}

// ---------------------------------------------------------------------------
// 16 and 32 bytes at a time.

using internal::CleanScan;

struct Stop {
  std::size_t at;
  std::size_t lines_passed;
  std::size_t line_start;
  bool operator==(const Stop&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Stop& s) {
  return os << "{at " << s.at << ", " << s.lines_passed << " lines to " << s.line_start << "}";
}

// Where `scan` stops in `text`, read from its start in lines of kind `line`
// and going on one character after each stop, as the normalizer does, with
// the line breaks passed on the way; up to the last 16 bytes, which the
// widths read in different steps.
std::vector<Stop> Stops(const CleanScan& scan, std::string_view text, CleanScan::Line line) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  std::vector<Stop> stops;
  for (const unsigned char* p = begin; end - p >= 17;) {
    CleanScan::Lines lines;
    const unsigned char* q = scan.Skip(p, end, line, &lines);
    if (end - q < 17) break;
    const auto offset = [begin](const unsigned char* x) {
      return static_cast<std::size_t>(x - begin);
    };
    stops.push_back({offset(q), lines.passed, lines.passed > 0 ? offset(lines.start) : 0});
    char32_t c;
    p = q + internal::DecodeUtf8(q, end, &c);
  }
  return stops;
}

TEST(WideScan, SixteenAndThirtyTwoBytesAtATimeStopAtTheSameBytes) {
  // A table of its own: every 7th code point needs attention outside
  // Cyrillic (whose leads D0 and D1 stay clean), every 5th block above the
  // BMP; controls, a capital and the space watched.
  internal::AttentionTable attention;
  for (char32_t c = 0x80; c < 0x10000; c += 7) attention.bmp[c] = c < 0x400 || c >= 0x480;
  for (std::size_t b = 0; b < attention.kBlocks; b += 5) attention.supplementary_blocks.set(b);
  std::array<bool, 256> clean_lead2{};
  for (unsigned lead = 0xC2; lead <= 0xDF; ++lead) {
    clean_lead2[lead] = true;
    for (unsigned trail = 0; trail < 64; ++trail) {
      if (attention.bmp[((lead & 0x1F) << 6) | trail]) clean_lead2[lead] = false;
    }
  }
  std::array<bool, 128> watched{};
  for (unsigned b = 0; b < 0x20; ++b) watched[b] = b != '\t';
  watched[0x7F] = watched['Q'] = watched[' '] = true;

  // Generated lines, and pieces of them, line breaks, spaces and random
  // bytes mixed (ill-formed UTF-8 among them).
  std::vector<std::string> texts = {GeneratedLines(), ""};
  std::mt19937 rng(20240603);
  const std::string& lines = texts[0];
  while (texts[1].size() < 400000) {
    const std::size_t from = rng() % (lines.size() - 40);
    texts[1] += lines.substr(from, rng() % 40);
    texts[1] += "\n \n\n~`\t"[rng() % 7];
    for (unsigned k = rng() % 3; k > 0; --k) texts[1] += static_cast<char>(0x80 + rng() % 0x80);
  }
  if (const std::string* joined = testing::RussianNewsJoined()) texts.push_back(*joined);
  for (bool spaces_matter : {true, false}) {
    const CleanScan narrow(watched, clean_lead2, attention, spaces_matter, CleanScan::Steps::k16);
    const CleanScan wide(watched, clean_lead2, attention, spaces_matter, CleanScan::Steps::k32);
    if (wide.steps() != CleanScan::Steps::k32) GTEST_SKIP() << "the processor has no AVX2";
    ASSERT_EQ(narrow.steps(), CleanScan::Steps::k16);
    for (const std::string& text : texts) {
      for (CleanScan::Line line :
           {CleanScan::Line::kProse, CleanScan::Line::kCode, CleanScan::Line::kInBacktickFence,
            CleanScan::Line::kInTildeFence}) {
        const std::vector<Stop> stops = Stops(narrow, text, line);
        EXPECT_GT(stops.size(), 1000u);
        EXPECT_EQ(stops, Stops(wide, text, line))
            << "line kind " << static_cast<int>(line) << ", spaces_matter " << spaces_matter;
      }
    }
  }
}

}  // namespace
}  // namespace normkit
