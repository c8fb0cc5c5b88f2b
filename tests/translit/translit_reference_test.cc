// The fast engine against the plain reference implementation, byte for
// byte, on the whole Russian corpus and the Kazakh sentences, and on random
// text around the letters that have rules, for every scheme; plus the
// properties every scheme's output must have on the corpus: no Cyrillic
// letter left, NFC, line count kept. And exact round trips for the
// reversible schemes.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "core/utf8.h"
#include "corpus.h"
#include "normkit/transliterator.h"
#include "reference_transliterator.h"
#include "skip.h"
#include "translit/scheme.h"
#include "translit/tables.h"

namespace normkit {

// Test names and failure messages show a scheme by its id.
void PrintTo(const SchemeInfo& info, std::ostream* os) { *os << info.id; }

namespace {

// Both corpora as one text, loaded once.
const std::string* CorpusText() {
  static const std::string* text = [] {
    auto ru = testing::RussianNewsTexts();
    auto kk = testing::KazakhSentences();
    if (!ru || !kk) return static_cast<std::string*>(nullptr);
    auto* all = new std::string;
    for (const std::string& doc : *ru) {
      *all += doc;
      *all += '\n';
    }
    *all += *kk;
    return all;
  }();
  return text;
}

internal::Scheme Parse(const std::string& id) {
  const RuleFiles rules = RuleFiles::Embedded();
  const std::string path = internal::SchemePath(id);
  Result<internal::Scheme> s = internal::ParseScheme(*rules.Find(path), path, id);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

bool IsMark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

std::string Nfc(std::string_view text) {
  UErrorCode ec = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(ec)
      ->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())), ec)
      .toUTF8String(out);
  return out;
}

bool HasCyrillicLetter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0x400 && c <= 0x52F && u_isalpha(c)) return true;
  }
  return false;
}

class SchemeOnCorpus : public ::testing::TestWithParam<SchemeInfo> {};

TEST_P(SchemeOnCorpus, FastEngineEqualsReference) {
  const std::string* corpus = CorpusText();
  if (corpus == nullptr) NORMKIT_SKIP_WITHOUT_SHARED("corpora");
  const SchemeInfo& info = GetParam();
  const internal::Scheme scheme = Parse(info.id);
  std::optional<internal::Scheme> fallback;
  if (!scheme.fallback.empty()) fallback = Parse(scheme.fallback);
  const testing::ReferenceTransliterator reference(scheme, fallback ? &*fallback : nullptr);
  Result<Transliterator> fast = Transliterator::Create(info.id);
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();

  const std::string got = fast->Transliterate(*corpus);
  const std::string want = reference.Transliterate(*corpus);
  if (got != want) {
    // Name the first line that differs rather than dumping megabytes.
    std::size_t at =
        std::mismatch(got.begin(), got.end(), want.begin(), want.end()).first - got.begin();
    const std::size_t line_start = got.rfind('\n', at) + 1;
    FAIL() << "differs from the reference at output byte " << at << ": fast\n  "
           << got.substr(line_start, 200) << "\nreference\n  "
           << want.substr(want.rfind('\n', at) + 1, 200);
  }
  EXPECT_EQ(std::count(got.begin(), got.end(), '\n'),
            std::count(corpus->begin(), corpus->end(), '\n'));
  EXPECT_FALSE(HasCyrillicLetter(got)) << info.id << " lets a Cyrillic letter through";
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  EXPECT_TRUE(nfc->isNormalized(icu::UnicodeString::fromUTF8(got), ec))
      << info.id << " output is not NFC";
}

std::string SchemeTestName(const ::testing::TestParamInfo<SchemeInfo>& p) {
  std::string name = p.param.id;
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllSchemes, SchemeOnCorpus,
                         ::testing::ValuesIn(ListSchemes(RuleFiles::Embedded())), SchemeTestName);

// Text drawn at random from `alphabet`: `count` pieces of 1 to 48
// characters, each on its own line, and the same pieces as one long text
// (many times the engine's output block) of lines and spaces.
std::vector<std::string> RandomTexts(const std::u32string& alphabet, std::size_t count) {
  std::mt19937 random(20240611);  // the same texts on every run
  std::vector<std::string> texts;
  std::string all;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    const std::size_t length = 1 + random() % 48;
    for (std::size_t k = 0; k < length; ++k) {
      internal::AppendUtf8(alphabet[random() % alphabet.size()], &text);
    }
    all += text;
    all += i % 2 ? '\n' : ' ';
    texts.push_back(std::move(text));
  }
  texts.push_back(std::move(all));
  return texts;
}

// Each text through the engine and the reference; the first that differs
// is the failure.
void ExpectSameAsReference(const Transliterator& fast,
                           const testing::ReferenceTransliterator& reference,
                           const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    const std::string got = fast.Transliterate(text);
    const std::string want = reference.Transliterate(text);
    if (got != want) {
      ADD_FAILURE() << "on " << text.substr(0, 300) << "\nfast\n  " << got.substr(0, 300)
                    << "\nreference\n  " << want.substr(0, 300);
      return;
    }
  }
}

// The corpus seldom puts a rule's letters where the engine's wide step
// hands over to its general path: at the end of a text or of an output
// block, before a character the wide step does not read (a dash, an
// emoji, a combining accent), after an apostrophe. Random text of a
// scheme's letters in both cases, the letters its rules name, and those
// neighbours puts every rule letter there.
class SchemeOnRandomText : public ::testing::TestWithParam<SchemeInfo> {};

TEST_P(SchemeOnRandomText, FastEngineEqualsReference) {
  const internal::Scheme scheme = Parse(GetParam().id);
  std::optional<internal::Scheme> fallback;
  if (!scheme.fallback.empty()) fallback = Parse(scheme.fallback);
  const testing::ReferenceTransliterator reference(scheme, fallback ? &*fallback : nullptr);
  Result<Transliterator> fast = Transliterator::Create(GetParam().id);
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();

  std::set<char32_t> letters;
  auto add = [&](const std::u32string& some) {
    for (char32_t c : some) {
      letters.insert(c);
      letters.insert(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    }
  };
  for (const auto& [c, latin] : scheme.letters) add(std::u32string(1, c));
  for (const internal::ContextRule& rule : scheme.rules) {
    add(rule.match + rule.after + rule.not_after + rule.before + rule.not_before);
  }
  std::u32string alphabet(letters.begin(), letters.end());
  alphabet += U" .aZ'\u2019\u02BC\u00AB\u00A0\u2014\U0001F600\u0301";
  ExpectSameAsReference(*fast, reference, RandomTexts(alphabet, 1000));
}

INSTANTIATE_TEST_SUITE_P(AllSchemes, SchemeOnRandomText,
                         ::testing::ValuesIn(ListSchemes(RuleFiles::Embedded())), SchemeTestName);

// A user's scheme parsed for the reference and compiled for the engine
// from the same text, as "xx/test".
struct UserScheme {
  internal::Scheme scheme;
  internal::Scheme fallback = Parse("cyrl/iso_9");
  RuleFiles rules = RuleFiles::Embedded();

  explicit UserScheme(const std::string& text) {
    const std::string path = internal::SchemePath("xx/test");
    Result<internal::Scheme> parsed = internal::ParseScheme(text, path, "xx/test");
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    if (parsed.ok()) scheme = *parsed;
    rules.Add(path, text);
  }
};

// Letters that look back at many different sets of letters would need a
// fast row for each mix of them (here one per letter before, 83 of them):
// past the tables' limit they, and the gated letters, take the general
// path, with the same output.
TEST(UserSchemeOnRandomText, ManyLettersLookingBack) {
  std::u32string before;  // Latin, Greek and Cyrillic small letters
  for (char32_t c = U'a'; c <= U'z'; ++c) before += c;
  for (char32_t c = 0x3B1; c <= 0x3C9; ++c) before += c;
  for (char32_t c = 0x430; c <= 0x44F; ++c) before += c;
  const std::u32string looking_back = U"\u0452\u0453\u0454\u0455\u0456\u0457\u0458";  // ђ ... ј
  std::string text =
      "id = \"xx/test\"\ntitle = \"Test\"\nstandard = \"none\"\nyear = 2024\n\n[classes]\n";
  for (std::size_t bit = 0; bit < looking_back.size(); ++bit) {
    text += "set" + std::to_string(bit) + " = \"";
    for (std::size_t i = 0; i < before.size(); ++i) {
      if ((i + 1) >> bit & 1) internal::AppendUtf8(before[i], &text);
    }
    text += "\"\n";
  }
  text += "\n[letters]\n\"т\" = \"t\"\n";
  for (char32_t c : looking_back) {
    text += '"';
    internal::AppendUtf8(c, &text);
    text += "\" = \"x\"\n";
  }
  for (std::size_t bit = 0; bit < looking_back.size(); ++bit) {
    text += "\n[[rules]]\nmatch = \"";
    internal::AppendUtf8(looking_back[bit], &text);
    text += "\"\nafter = [\"@set" + std::to_string(bit) + "\"]\noutput = \"x" +
            std::to_string(bit) + "\"\n";
  }
  text += "\n[[rules]]\nmatch = \"т\"\nbefore = [\"а\"]\noutput = \"t-\"\n";
  const UserScheme user(text);
  Result<std::shared_ptr<const internal::SchemeTables>> tables =
      internal::CompileScheme(user.scheme, user.rules, Direction::kForward);
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  EXPECT_EQ((*tables)->fast.size(), internal::SchemeTables::kFastRowStride)
      << "one fast row: the letters with rules left to the general path";

  const testing::ReferenceTransliterator reference(user.scheme, &user.fallback);
  Result<Transliterator> fast = Transliterator::Create("xx/test", Direction::kForward, user.rules);
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();
  ExpectSameAsReference(*fast, reference,
                        RandomTexts(before + looking_back + U"тТ ТЂ'\u2019", 1000));
}

// Outputs longer than the engine's 8-byte copies, than the room it keeps
// in its output block, and than the block itself, for a letter and for a
// rule, whole or in pieces.
TEST(UserSchemeOnRandomText, LongOutputs) {
  const std::string a(100, 'a'), d(5000, 'd'), x(3000, 'x'), y(6000, 'y'), z(9000, 'z');
  const UserScheme user(R"(id = "xx/test"
title = "Test"
standard = "none"
year = 2024

[letters]
"а" = ")" + a + R"("
"б" = "b"
"в" = "v"
"д" = ")" + d + R"("
"е" = "e"

[[rules]]
match = "бв"
output = [")" + x + R"(", ")" +
                        y + R"("]

[[rules]]
match = "г"
after = ["е"]
output = ")" + z + R"("
)");
  const testing::ReferenceTransliterator reference(user.scheme, &user.fallback);
  Result<Transliterator> fast = Transliterator::Create("xx/test", Direction::kForward, user.rules);
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();
  ExpectSameAsReference(*fast, reference, RandomTexts(U"абвгдеАБВГДЕ .", 300));
}

// A rule may wait for an ASCII letter after its own: the wide step must not
// copy that letter in a run of ASCII past the rule.
TEST(UserSchemeOnRandomText, RuleWaitingForAsciiLetter) {
  const UserScheme user(R"(id = "xx/test"
title = "Test"
standard = "none"
year = 2024

[letters]
"т" = "t"
"с" = "s"

[[rules]]
match = "т"
before = ["s", "x"]
output = "t-"
)");
  const testing::ReferenceTransliterator reference(user.scheme, &user.fallback);
  Result<Transliterator> fast = Transliterator::Create("xx/test", Direction::kForward, user.rules);
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();
  EXPECT_EQ(fast->Transliterate("тsт xТXт sт"), "t-st xT-Xt st");
  ExpectSameAsReference(*fast, reference, RandomTexts(U"тТсСsSxX .", 1000));
}

// Latin back to Cyrillic gives the original (in NFC) exactly, for every
// corpus line that has no Latin letters of its own and only letters the
// scheme maps, itself or through its fallback (ISO 9) where the Latin is
// not one of its own: the Ukrainian, Belarusian and Kazakh letters of the
// corpora that ru/gost_779 borrows come back as themselves. Lines where a letter whose Latin has no
// case (ISO 9 writes both Ъ and ъ as ʺ) stands alone, with no letter on either side, are left out:
// there its case cannot come back (the engine reads it as a capital, the «Ъ» of Kommersant). So are
// lines holding two letters whose Latin spells a third letter's (Gaj's alphabet writes д+ж and џ
// both as dž): the alphabet itself cannot tell them apart.
class RoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTrip, CorpusLinesComeBackExactly) {
  const std::string* corpus = CorpusText();
  if (corpus == nullptr) NORMKIT_SKIP_WITHOUT_SHARED("corpora");
  const std::string id = GetParam();
  const internal::Scheme scheme = Parse(id);
  std::vector<std::pair<char32_t, std::string>> letters = scheme.letters;
  if (!scheme.fallback.empty()) {
    // A borrowed letter whose Latin is one of the scheme's own (Russian й
    // and Serbian ј are both j in sr/latin) cannot come back: left out.
    std::set<char32_t> mapped;
    std::set<std::string> written;
    for (const auto& [c, out] : letters) {
      mapped.insert(c);
      written.insert(out);
    }
    for (const auto& [c, out] : Parse(scheme.fallback).letters) {
      if (written.count(out) == 0 && mapped.insert(c).second) letters.emplace_back(c, out);
    }
  }
  std::set<char32_t> own, caseless;
  for (const auto& [c, out] : letters) {
    own.insert(c);
    own.insert(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    bool has_case = false;
    for (std::size_t i = 0; i < out.size();) {
      UChar32 o;
      U8_NEXT(out.data(), i, out.size(), o);
      has_case |= u_isULowercase(o) || u_isUUppercase(o);
    }
    if (!has_case) {
      caseless.insert(c);
      caseless.insert(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    }
  }
  std::map<std::string, char32_t> by_latin;
  for (const auto& [c, out] : letters) by_latin.emplace(out, c);
  std::set<std::pair<char32_t, char32_t>> ambiguous;
  for (const auto& [a, out_a] : letters) {
    for (const auto& [b, out_b] : letters) {
      if (by_latin.count(out_a + out_b)) ambiguous.emplace(a, b);
    }
  }
  Result<Transliterator> forward = Transliterator::Create(id);
  Result<Transliterator> reverse = Transliterator::Create(id, Direction::kReverse);
  ASSERT_TRUE(forward.ok() && reverse.ok());
  std::size_t checked = 0, failed = 0;
  std::size_t start = 0;
  while (start < corpus->size()) {
    std::size_t end = corpus->find('\n', start);
    if (end == std::string::npos) end = corpus->size();
    const std::string_view line(corpus->data() + start, end - start);
    start = end + 1;
    // The letters as the engine reads them: composed (и + U+0306 is й).
    const std::string composed = Nfc(line);
    bool eligible = true;
    std::u32string cps;
    for (std::size_t i = 0; i < composed.size() && eligible;) {
      UChar32 c;
      U8_NEXT(composed.data(), i, composed.size(), c);
      if (c < 0)
        eligible = false;
      else if (u_isalpha(c))
        eligible = own.count(static_cast<char32_t>(c)) != 0;
      cps.push_back(static_cast<char32_t>(c));
    }
    for (std::size_t i = 0; i < cps.size() && eligible; ++i) {
      if (caseless.count(cps[i]) == 0) continue;
      std::size_t before = i, after = i + 1;
      while (before > 0 && IsMark(cps[before - 1])) --before;
      while (after < cps.size() && IsMark(cps[after])) ++after;
      const bool alone = (before == 0 || !u_isalpha(static_cast<UChar32>(cps[before - 1]))) &&
                         (after == cps.size() || !u_isalpha(static_cast<UChar32>(cps[after])));
      if (alone) eligible = false;
    }
    for (std::size_t i = 0; i + 1 < cps.size() && eligible; ++i) {
      const auto lower = [](char32_t c) {
        return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      };
      eligible = ambiguous.count({lower(cps[i]), lower(cps[i + 1])}) == 0;
    }
    if (!eligible) continue;
    ++checked;
    const std::string& original = composed;
    const std::string back = reverse->Transliterate(forward->Transliterate(line));
    if (back != original && ++failed <= 5) {
      ADD_FAILURE() << id << " round trip:\n  " << line << "\n  " << forward->Transliterate(line)
                    << "\n  " << back;
    }
  }
  EXPECT_EQ(failed, 0u);
  EXPECT_GT(checked, 0u) << "no corpus line was eligible";
  std::cout << "[ INFO     ] " << id << ": " << checked << " lines round-tripped\n";
}

INSTANTIATE_TEST_SUITE_P(Reversible, RoundTrip,
                         ::testing::Values("cyrl/iso_9", "ru/gost_779", "sr/latin"),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string name = p.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace normkit
