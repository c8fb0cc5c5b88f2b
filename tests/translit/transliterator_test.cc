// The engine's promises, scheme by scheme where it matters, and the rule
// compiler's errors.
#include "normkit/transliterator.h"

#include <gtest/gtest.h>

#include <thread>

#include "normkit/icu_transform.h"

namespace normkit {
namespace {

std::string Translit(std::string_view id, std::string_view text,
                     Direction direction = Direction::kForward) {
  Result<Transliterator> t = Transliterator::Create(id, direction);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? t->Transliterate(text) : "";
}

TEST(Transliterator, CaseComesFromContext) {
  EXPECT_EQ(Translit("ru/wikipedia", "Жуков"), "Zhukov");
  EXPECT_EQ(Translit("ru/wikipedia", "ЖУКОВ"), "ZHUKOV");
  EXPECT_EQ(Translit("ru/wikipedia", "ЮЛИЯ"), "YULIYA");
  EXPECT_EQ(Translit("ru/wikipedia", "Ж."), "Zh.");
  EXPECT_EQ(Translit("ru/wikipedia", "ЖЖ"), "ZHZH");
  // The last capital of a word of capitals looks back.
  EXPECT_EQ(Translit("ru/wikipedia", "ПЛАЩ"), "PLASHCH");
  EXPECT_EQ(Translit("ru/wikipedia", "Щ-образный"), "Shch-obrazny");
}

TEST(Transliterator, EachPartOfAHyphenatedNameIsAWord) {
  EXPECT_EQ(Translit("ru/wikipedia", "Кара-Ельцин"), "Kara-Yeltsin");
  EXPECT_EQ(Translit("ru/wikipedia", "Ельцин"), "Yeltsin");
  EXPECT_EQ(Translit("ru/wikipedia", "Рыльский-Красный"), "Rylsky-Krasny");
}

TEST(Transliterator, EverythingElsePassesThrough) {
  EXPECT_EQ(Translit("ru/bgn_pcgn", "iPhone 15 Pro 😀 — «ok» 100%"), "iPhone 15 Pro 😀 — «ok» 100%");
  EXPECT_EQ(Translit("ru/bgn_pcgn", "Токаев: 20.06.2022"), "Tokayev: 20.06.2022");
  EXPECT_EQ(Translit("cyrl/iso_9", ""), "");
}

TEST(Transliterator, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(Translit("ru/wikipedia",
                     "а\xFF"
                     "б\xD0"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(Translit("ru/wikipedia", "\xE2\x82 x"), "\xEF\xBF\xBD x");
  // A real U+FFFD stays one.
  EXPECT_EQ(Translit("ru/wikipedia", "\xEF\xBF\xBD"), "\xEF\xBF\xBD");
}

TEST(Transliterator, OutputIsComposed) {
  // ISO 9 gives ŝ for щ: one code point U+015D, not s + U+0302.
  EXPECT_EQ(Translit("cyrl/iso_9", "щ"), "\xC5\x9D");
  EXPECT_EQ(Translit("cyrl/iso_9", "Щ"), "\xC5\x9C");
}

TEST(Transliterator, LettersOutsideTheSchemeFallBackToIso9) {
  // ru/wikipedia has no і or ў: ISO 9 gives ì and ŭ.
  EXPECT_EQ(Translit("ru/wikipedia", "і ў"), "ì ŭ");
}

TEST(Transliterator, ReverseIsExactForIso9) {
  const std::string text =
      "Съешь же ещё этих мягких французских булок, да выпей чаю. ЁЖ Ґанок Їжак";
  EXPECT_EQ(Translit("cyrl/iso_9", Translit("cyrl/iso_9", text), Direction::kReverse), text);
  // A caseless prime takes the case of its word.
  EXPECT_EQ(Translit("cyrl/iso_9", "OBʺÂVLENIE Obʺâvlenie KONʹ", Direction::kReverse),
            "ОБЪЯВЛЕНИЕ Объявление КОНЬ");
}

TEST(Transliterator, ReverseReadsBorrowedLettersBackAsThemselves) {
  // ru/gost_779 writes Ukrainian і and Kazakh қ through its ISO 9 fallback;
  // they come back as themselves, not as и with a grave or к with a cedilla.
  for (const std::string text : {"Суспільне", "Қазақстан", "Ґанок Їжак Ўсё"}) {
    EXPECT_EQ(Translit("ru/gost_779", Translit("ru/gost_779", text), Direction::kReverse), text);
  }
}

TEST(Transliterator, ReverseCasesARunOfSignsByItsWord) {
  // Each of a run of caseless primes takes the case of the letters around
  // the whole run.
  for (const std::string text : {"житттттттьььь", "ЖИТЬЬЬ", "объём ОБЪЁМ", "ЪЪЪ"}) {
    EXPECT_EQ(Translit("ru/gost_779", Translit("ru/gost_779", text), Direction::kReverse), text);
  }
}

TEST(Transliterator, ReverseIsRefusedForOtherSchemes) {
  Result<Transliterator> t = Transliterator::Create("ru/bgn_pcgn", Direction::kReverse);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(t.status().message().find("not reversible"), std::string::npos);
}

TEST(Transliterator, UnknownSchemeNamesTheNearest) {
  Result<Transliterator> t = Transliterator::Create("ru/bgn_pcgm");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(t.status().message().find("ru/bgn_pcgn"), std::string::npos) << t.status().message();
  const std::vector<std::string> nearest = NearestSchemeIds("ru/wikipedai", RuleFiles::Embedded());
  ASSERT_FALSE(nearest.empty());
  EXPECT_EQ(nearest[0], "ru/wikipedia");
}

// A user's own scheme, added without a compiler.
constexpr std::string_view kUserScheme = R"(# A test scheme.
id = "xx/test"
title = "Test"
standard = "none"
year = 2024

[classes]
vowels = "аоуэы"

[letters]
"ж" = "j"
"з" = "z"
"г" = "g"
"у" = "ou"
"о" = "o"

[[rules]]
match = "зг"
output = ["z", "gh"]

[[rules]]
match = "о"
after = ["@vowels"]
word_end = true
output = "ô"

[tests]
pairs = [["жук", "jouk"]]
)";

Result<Transliterator> UserScheme(std::string_view text,
                                  std::string path = "translit/xx/test.toml") {
  RuleFiles rules = RuleFiles::Embedded();
  rules.Add(path, std::string(text), "/home/user/rules/" + path);
  return Transliterator::Create("xx/test", Direction::kForward, rules);
}

TEST(Transliterator, UserSchemeWithRulesAndPieces) {
  Result<Transliterator> t = UserScheme(kUserScheme);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->Transliterate("жук"), "jouk");
  EXPECT_EQ(t->Transliterate("ЖУК"), "JOUK");
  // Each piece of a split output takes its own letter's case.
  EXPECT_EQ(t->Transliterate("ЗГу"), "ZGhou");
  EXPECT_EQ(t->Transliterate("Згу"), "Zghou");
  EXPECT_EQ(t->Transliterate("ЗГУ"), "ZGHOU");
  EXPECT_EQ(t->Transliterate("уо о"), "ouô o");
  ASSERT_EQ(t->test_pairs().size(), 1u);
}

struct BrokenScheme {
  std::string from, to;        // an edit to kUserScheme
  std::string where, message;  // what the error must say
};

TEST(Transliterator, BrokenSchemesAreRefusedWithTheirPosition) {
  const BrokenScheme cases[] = {
      {"year = 2024", "year = 2024x", "xx/test.toml:5:", ""},
      {"\"ж\" = \"j\"", "\"жж\" = \"j\"", "xx/test.toml:11:1:", "must be one character"},
      {"\"з\" = \"z\"", "\"з\" = \"зз\"", "xx/test.toml:12:7:", "Cyrillic"},
      {"after = [\"@vowels\"]", "after = [\"@vowel\"]",
       "xx/test.toml:23:10:", "unknown class '@vowel'"},
      {"word_end = true", "word_ending = true", "xx/test.toml:24:1:", "unknown key 'word_ending'"},
      {"output = [\"z\", \"gh\"]", "output = [\"z\"]",
       "xx/test.toml:19:10:", "one piece per letter"},
      {"id = \"xx/test\"", "id = \"xx/other\"", "xx/test.toml:2:", "does not match"},
      {"title = \"Test\"\n", "", "xx/test.toml:", "missing key 'title'"},
  };
  for (const BrokenScheme& c : cases) {
    std::string text(kUserScheme);
    const std::size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    Result<Transliterator> t = UserScheme(text);
    ASSERT_FALSE(t.ok()) << c.to;
    EXPECT_EQ(t.status().code(), ErrorCode::kRuleSyntax) << c.to;
    const std::string message = t.status().ToString();
    EXPECT_NE(message.find("/home/user/rules/translit/" + c.where), std::string::npos)
        << c.to << " -> " << message;
    EXPECT_NE(message.find(c.message), std::string::npos) << c.to << " -> " << message;
  }
}

TEST(Transliterator, SharedByThreadsWithoutLocks) {
  Result<Transliterator> t = Transliterator::Create("ru/bgn_pcgn");
  ASSERT_TRUE(t.ok());
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Токаев заявил, что ЖУКОВ и Щёлково — это Ельцин. ";
  const std::string expected = t->Transliterate(text);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      const Transliterator copy = *t;  // copies share the tables
      for (int i = 0; i < 50; ++i) mismatches[k] += copy.Transliterate(text) != expected;
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(IcuTransform, RunsIcuIdsAndNamesUnknownOnes) {
  Result<IcuTransform> t = IcuTransform::Create("Any-Latin; Latin-ASCII");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->Apply("Жуков"), "Zukov");
  Result<IcuTransform> bgn = IcuTransform::Create("Russian-Latin/BGN");
  ASSERT_TRUE(bgn.ok());
  EXPECT_EQ(bgn->Apply("Жуков"), "Zhukov");
  Result<IcuTransform> bad = IcuTransform::Create("Russian-Klingon");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Russian-Klingon"), std::string::npos);
}

}  // namespace
}  // namespace normkit
