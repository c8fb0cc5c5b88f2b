// Properties that normalizer.h promises for every option set:
//   - normalizing twice gives the same bytes as normalizing once;
//   - N lines in, N lines out (CRLF is one break, a lone CR is one);
// and, where the option is on, what the output may no longer hold (runs of
// spaces, trailing spaces, Unicode spaces, invisible debris, ill-formed
// UTF-8). Checked on seeded random text built to hit the rules' corners, and
// on the real shared corpora (Russian news, Kazakh sentences).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "normkit/normalizer.h"

namespace normkit {
namespace {

// ---------------------------------------------------------------------------
// Option sets.

struct OptionSet {
  NormalizerOptions options;
  std::string name;
};

std::string Describe(const NormalizerOptions& o) {
  std::string s(UnicodeFormName(o.form));
  s += o.punct ? "+punct:" + o.quote_style : "";
  s += o.remove_invisibles ? "" : "+keep_invisibles";
  s += o.normalize_whitespace ? "" : "+keep_whitespace";
  return s;
}

constexpr UnicodeForm kForms[] = {
    UnicodeForm::kNone, UnicodeForm::kNFC,  UnicodeForm::kNFD,
    UnicodeForm::kNFKC, UnicodeForm::kNFKD, UnicodeForm::kNFKCCasefold};
constexpr const char* kStyles[] = {"ascii", "curly", "angle", "german"};

// Every form x (punct off, or on with each quote style) x each switch on and
// off: 6 x 5 x 2 x 2 = 120 option sets. strict_utf8 is off (it only turns
// repair into an error).
std::vector<OptionSet> AllOptionSets() {
  std::vector<OptionSet> sets;
  for (UnicodeForm form : kForms) {
    for (int p = -1; p < 4; ++p) {
      for (bool invisibles : {true, false}) {
        for (bool whitespace : {true, false}) {
          NormalizerOptions o;
          o.form = form;
          o.punct = p >= 0;
          if (p >= 0) o.quote_style = kStyles[p];
          o.remove_invisibles = invisibles;
          o.normalize_whitespace = whitespace;
          sets.push_back({o, Describe(o)});
        }
      }
    }
  }
  return sets;
}

// The real corpora are 23 MB; all 120 sets would take minutes. These 21
// cover every form with and without punct, every quote style, and each
// switch off:
//   every form, default switches, punct off and punct "ascii"      12
//   NFC with punct in the other three styles                        3
//   NFC with invisibles kept, whitespace kept, or both,
//     punct off and punct "curly"                                    6
std::vector<OptionSet> CorpusOptionSets() {
  std::vector<OptionSet> sets;
  auto add = [&](UnicodeForm form, const char* style, bool invisibles,
                 bool whitespace) {
    NormalizerOptions o;
    o.form = form;
    o.punct = style != nullptr;
    if (style != nullptr) o.quote_style = style;
    o.remove_invisibles = invisibles;
    o.normalize_whitespace = whitespace;
    sets.push_back({o, Describe(o)});
  };
  for (UnicodeForm form : kForms) {
    add(form, nullptr, true, true);
    add(form, "ascii", true, true);
  }
  for (const char* style : {"curly", "angle", "german"}) {
    add(UnicodeForm::kNFC, style, true, true);
  }
  for (auto [invisibles, whitespace] :
       {std::pair{false, true}, std::pair{true, false},
        std::pair{false, false}}) {
    add(UnicodeForm::kNFC, nullptr, invisibles, whitespace);
    add(UnicodeForm::kNFC, "curly", invisibles, whitespace);
  }
  return sets;
}

// ---------------------------------------------------------------------------
// What must hold.

// Line breaks as normalizer.h counts them: LF, CRLF (one), lone CR.
std::size_t CountLineBreaks(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++n;
    } else if (s[i] == '\r' && !(i + 1 < s.size() && s[i + 1] == '\n')) {
      ++n;
    }
  }
  return n;
}

// Decodes well-formed UTF-8; false at the first ill-formed byte.
bool ForEachCodePoint(std::string_view s, const auto& f) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char b = *p;
    char32_t c;
    int n;
    if (b < 0x80) {
      c = b, n = 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
      c = b & 0x1F, n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      c = b & 0x0F, n = 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      c = b & 0x07, n = 4;
    } else {
      return false;
    }
    if (end - p < n) return false;
    for (int i = 1; i < n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      c = (c << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
        (n == 4 && (c < 0x10000 || c > 0x10FFFF))) {
      return false;
    }
    f(c);
    p += n;
  }
  return true;
}

bool IsUnicodeSpace(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x2028 ||
         c == 0x2029 || c == 0x0085 || c == '\v' || c == '\f';
}

bool IsDebris(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
         (c >= 0x80 && c <= 0x9F) || c == 0xFEFF || c == 0xAD || c == 0x200B;
}

// Returns "" when `out` (normalized from `in`) keeps every promise, else
// what is wrong.
std::string Escape(std::string_view s);

// `thorough` adds IsNormalized(), which costs one more pass.
std::string CheckOutput(const Normalizer& n, std::string_view in,
                        std::string_view out, bool thorough) {
  const NormalizerOptions& o = n.options();
  const std::string again = n.Normalize(out);
  if (again != out) {
    return "not idempotent: second pass gives\n  2nd: " + Escape(again);
  }
  if (thorough && !n.IsNormalized(out)) return "IsNormalized(output) is false";
  const std::size_t breaks = CountLineBreaks(in);
  if (o.normalize_whitespace) {
    if (out.find('\r') != std::string_view::npos) return "CR left in output";
    const std::size_t lf =
        static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
    if (lf != breaks) {
      return "line breaks: " + std::to_string(breaks) + " in, " +
             std::to_string(lf) + " LF out";
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
      const char c = out[i];
      if (c != ' ' && c != '\t') continue;
      const char next = i + 1 < out.size() ? out[i + 1] : '\n';
      if (next == ' ' || next == '\t') return "a run of spaces is left";
      if (next == '\n') return "a trailing space is left";
    }
  } else if (CountLineBreaks(out) != breaks) {
    return "line breaks: " + std::to_string(breaks) + " in, " +
           std::to_string(CountLineBreaks(out)) + " out";
  }
  std::string problem;
  const bool valid = ForEachCodePoint(out, [&](char32_t c) {
    if (!problem.empty()) return;
    if (o.normalize_whitespace && IsUnicodeSpace(c)) {
      problem = "a Unicode space is left";
    } else if (o.remove_invisibles &&
               !(o.normalize_whitespace &&
                 (c == '\v' || c == '\f' || c == 0x85)) &&
               IsDebris(c)) {
      problem = "an invisible character is left";
    }
  });
  if (!valid) return "output is not valid UTF-8";
  return problem;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (unsigned char b : s) {
    if (b >= 0x20 && b < 0x7F && b != '\\') {
      out.push_back(static_cast<char>(b));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", b);
      out += buf;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Random text: short pieces drawn from everything the rules look at.

const std::vector<std::string>& Pieces() {
  // clang-format off
  static const std::vector<std::string> pieces = {
      // ASCII words, digits, Cyrillic, Kazakh, Greek
      "a", "b", "word", "Tokaev", "s", "x", "1", "20", "2022", "14:01", "90",
      "Москва", "июня", "п", "ять", "Ё", "ё", "Й", "й", "қазақ", "Ұлт", "ΐ",
      // precomposed and compatibility characters
      "\u00E9", "\u00C5", "\u212B", "\u1E9B", "\uFB01", "\u00B2", "\u00BD",
      "\u2460", "\u3220", "\u2168", "\u00B4", "\u00A8", "\u2011", "\u2024",
      "\u3300", "\uFF21", "\u2126", "\u0130", "\u00DF", "\u1E9E",
      "\u249C", "\u322A", "\u33C2", "\u2122",  // symbols NFKC spells out
      // combining marks, alone and stacked
      "\u0301", "\u0308", "\u0327", "\u0323", "\u0307", "\u0338", "\u031B",
      "\u0306", "\u034F", "\u05B0", "\u0F71", "\u0345",
      // Hangul: conjoining jamo and a syllable
      "\u1100", "\u1161", "\u11A8", "\uAC00",
      // scripts that need joiners
      "\u0645\u06CC", "\u062E", "\u0915\u094D", "\u0937",
      // spaces of all kinds, tabs, separators
      " ", " ", " ", "  ", "\t", "\u00A0", "\u1680", "\u2000", "\u2002",
      "\u2009", "\u200A", "\u202F", "\u205F", "\u3000", "\u2028", "\u2029",
      "\u0085", "\v", "\f",
      // quotes, apostrophes, dashes, dots, commas, brackets
      "\"", "\"", "'", "'", "\u00AB", "\u00BB", "\u201E", "\u201C", "\u201D",
      "\u201F", "\uFF02", "\u2039", "\u203A", "\u201A", "\u2018", "\u2019",
      "\u201B", "\u02BC", "-", "-", "--", " - ", "\u2010", "\u2012", "\u2013",
      "\u2014", "\u2015", ".", "..", "...", "....", "\u2026", ",", ",,", ",",
      ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "=", "<",
      // controls and line breaks
      std::string(1, '\0'), "\x01", "\x1B", "\x7F", "\u0080", "\u009F",
      "\r", "\n", "\r\n", "\n", "\r\r\n",
      // invisible debris
      "\uFEFF", "\u00AD", "\u200B", "\u200D", "\u200D", "\u200C",
      // ill-formed UTF-8
      "\xFF", "\x80", "\xC0\x80", "\xE0\x80\xAF", "\xED\xA0\x80",
      "\xF4\x90\x80\x80", "\xE2\x82", "\xF0\x9F\x98", "\xC3",
      // emoji, modifiers, selectors
      "\U0001F468", "\U0001F469", "\U0001F467", "\u2764", "\uFE0F",
      "\U0001F3FD", "\U0001F525", "\U0001F1F0\U0001F1FF", "\U0001D15E",
      "\U0001F600", "\uFFFD",
  };
  // clang-format on
  return pieces;
}

std::string RandomText(std::mt19937& rng) {
  const std::vector<std::string>& pieces = Pieces();
  std::uniform_int_distribution<int> length(0, 30);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string s;
  const int n = length(rng);
  for (int i = 0; i < n; ++i) s += pieces[pick(rng)];
  return s;
}

// ---------------------------------------------------------------------------
// The tests.

class Properties : public ::testing::Test {
 protected:
  static std::vector<std::pair<OptionSet, Normalizer>> MakeAll(
      const std::vector<OptionSet>& sets) {
    std::vector<std::pair<OptionSet, Normalizer>> all;
    for (const OptionSet& s : sets) {
      Result<Normalizer> n = Normalizer::Create(s.options);
      EXPECT_TRUE(n.ok()) << s.name << ": " << n.status().ToString();
      if (n.ok()) all.emplace_back(s, std::move(n).value());
    }
    return all;
  }

  // Runs every text through every normalizer; reports at most a few
  // failures per option set.
  static void CheckAll(
      const std::vector<std::pair<OptionSet, Normalizer>>& normalizers,
      const std::vector<std::string>& texts, const std::string& what,
      bool thorough) {
    for (const auto& [set, n] : normalizers) {
      int failures = 0;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string out = n.Normalize(texts[i]);
        const std::string problem = CheckOutput(n, texts[i], out, thorough);
        if (!problem.empty() && ++failures <= 3) {
          ADD_FAILURE() << set.name << ", " << what << " #" << i << ": "
                        << problem << "\n  in:  " << Escape(texts[i])
                        << "\n  out: " << Escape(out);
        }
      }
      EXPECT_EQ(failures, 0) << set.name << " on " << what;
    }
  }
};

// A number from the environment, for longer runs by hand:
//   NORMKIT_RANDOM_TEXTS=200000 NORMKIT_RANDOM_SEED=7
//   ./normalizer_property_test
unsigned long FromEnvironment(const char* name, unsigned long fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtoul(value, nullptr, 10)
                                            : fallback;
}

TEST_F(Properties, RandomTextEveryOptionSet) {
  const unsigned long seed = FromEnvironment("NORMKIT_RANDOM_SEED", 20220620);
  const unsigned long count = FromEnvironment("NORMKIT_RANDOM_TEXTS", 3000);
  RecordProperty("seed", std::to_string(seed));
  std::mt19937 rng(static_cast<std::mt19937::result_type>(seed));
  std::vector<std::string> texts;
  for (unsigned long i = 0; i < count; ++i) texts.push_back(RandomText(rng));
  // Longer texts too: several lines, where clean and dirty lines alternate.
  for (unsigned long i = 0; i < count / 10; ++i) {
    std::string doc;
    for (int line = 0; line < 8; ++line) {
      doc += (line % 2 ? RandomText(rng) : "a clean line, as most are") + "\n";
    }
    texts.push_back(doc);
  }
  CheckAll(MakeAll(AllOptionSets()), texts,
           "random text (seed " + std::to_string(seed) + ")", true);
}

// Text the rules were written for, in short hand-made lines.
TEST_F(Properties, HandPickedCorners) {
  const std::vector<std::string> texts = {
      "a \u2010 b",
      "a \t- b",
      "a\t\t- b",
      "word \t,",
      "a , , b",
      "a\u00AB b\u00BB",
      "a\u00ABb",
      "ab \u203Ac",
      "a\u2039 b",
      "\u2014\u00BBy",
      "a\u02BC\u200Db",
      "a\u200D\u249C",
      "\u249C\u200Da",
      "\u00B4\u200D\u00B4",
      "\u322A\u200D\u33C2",
      "\u2122\u200D\u0301",
      "x\r\x01\ny",
      "x\r\u00AD\n",
      "\"'hello'\"",
      "'\"'",
      "(\"a\")",
      "\u00AB \u00BB",
      "( \u00BB y",
      "\u2014 \u00BBy",
      "a'\u201Cb",
      "90's",
      "\"x\"-\"y\"",
      "\u00AB\"\u00BB",
      "\"\u00AB\"",
      "'\u2019'",
      "\u2026.",
      "..\u2026",
      ".\u2026",
      "\u2026\u2026",
      "a ... , b",
      "1\u2014-2",
      "1 \u2014 2",
      "- a",
      "a -",
      "a - - b",
      "a -- -- b",
      "\u201E\u201C\u201D",
      "\u201A\u2018\u2019",
      "a\u00A0\"b\"",
      "\t\"x\"\t",
  };
  CheckAll(MakeAll(AllOptionSets()), texts, "hand-picked text", true);
}

TEST_F(Properties, RussianNewsCorpus) {
  std::optional<std::vector<std::string>> docs = testing::RussianNewsTexts();
  if (!docs) {
    GTEST_SKIP() << testing::MissingSharedMessage("corpora/ru-news.jsonl.zst");
  }
  ASSERT_FALSE(docs->empty());
  CheckAll(MakeAll(CorpusOptionSets()), *docs, "ru-news document", false);
}

TEST_F(Properties, KazakhSentencesCorpus) {
  std::optional<std::string> text = testing::KazakhSentences();
  if (!text) {
    GTEST_SKIP() << testing::MissingSharedMessage(
        "corpora/kk-sentences.txt.zst");
  }
  ASSERT_FALSE(text->empty());
  // In chunks of 1,000 lines, so that a failure shows a small piece.
  std::vector<std::string> chunks;
  std::size_t start = 0;
  while (start < text->size()) {
    std::size_t end = start;
    for (int i = 0; i < 1000 && end < text->size(); ++i) {
      end = text->find('\n', end);
      end = end == std::string::npos ? text->size() : end + 1;
    }
    chunks.push_back(text->substr(start, end - start));
    start = end;
  }
  CheckAll(MakeAll(CorpusOptionSets()), chunks, "kk-sentences chunk", false);
}

}  // namespace
}  // namespace normkit
