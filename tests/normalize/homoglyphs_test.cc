// NormalizerOptions::fix_homoglyphs: Latin look-alikes inside Cyrillic words
// become Cyrillic and the reverse; words mixed on purpose stay. On the
// shared corpora: every change is a word that ends up in one script, and
// a second pass changes nothing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "corpus.h"
#include "normkit/normalizer.h"
#include "skip.h"

namespace normkit {
namespace {

NormalizerOptions HomoglyphsOnly() {
  NormalizerOptions o;
  o.form = UnicodeForm::kNone;
  o.remove_invisibles = false;
  o.normalize_whitespace = false;
  o.fix_homoglyphs = true;
  return o;
}

std::string Fix(std::string_view text) {
  return Normalizer::Create(HomoglyphsOnly())->Normalize(text);
}

TEST(HomoglyphsTest, LatinInsideCyrillicWords) {
  EXPECT_EQ(Fix("Tокаев"), "Токаев");        // Latin T
  EXPECT_EQ(Fix("Прeзидент"), "Президент");  // Latin e
  EXPECT_EQ(Fix("КАЗAХСТАН"), "КАЗАХСТАН");  // one Latin A among capitals
  EXPECT_EQ(Fix("(Москвa), «рынок»"), "(Москва), «рынок»");
}

TEST(HomoglyphsTest, CyrillicInsideLatinWords) {
  EXPECT_EQ(Fix("Micrоsoft"), "Microsoft");  // Cyrillic о
  EXPECT_EQ(Fix("Аpple"), "Apple");          // Cyrillic А
}

TEST(HomoglyphsTest, WordsMixedOnPurposeStay) {
  const char* kept[] = {
      "iPhone 15 и iPad",                 // one script per word
      "https://example.com/Москва",       // a URL
      "ivan.petrov@пример.рф",            // an e-mail address
      "RTX4090 и Т-34",                   // model numbers
      "Wi-Fi-сеть, IT-компания, SMS-ка",  // parts joined by hyphens
  };
  for (const char* text : kept) EXPECT_EQ(Fix(text), text);
  // The Latin part is not only look-alikes: "Pythonист" stays.
  EXPECT_EQ(Fix("Pythonист"), "Pythonист");
  // One letter each: no majority, nothing to go by.
  EXPECT_EQ(Fix("Тa"), "Тa");
}

TEST(HomoglyphsTest, StatsCountLetters) {
  std::string out;
  NormalizeStats stats;
  ASSERT_TRUE(Normalizer::Create(HomoglyphsOnly())
                  ->Normalize("Tокаев и Прeзидент\nok\n", &out, &stats)
                  .ok());
  EXPECT_EQ(out, "Токаев и Президент\nok\n");
  EXPECT_EQ(stats.homoglyphs, 2u);
  EXPECT_EQ(stats.lines_changed, 1u);
}

TEST(HomoglyphsTest, CorporaOneScriptPerWordAndIdempotent) {
  const std::string* ru = testing::RussianNewsJoined();
  std::optional<std::string> kk = testing::KazakhSentences();
  if (ru == nullptr || !kk) NORMKIT_SKIP_WITHOUT_SHARED("corpora");
  const Normalizer n = *Normalizer::Create(HomoglyphsOnly());
  const std::string* texts[] = {ru, &*kk};
  for (const std::string* text : texts) {
    std::string out;
    NormalizeStats stats;
    ASSERT_TRUE(n.Normalize(*text, &out, &stats).ok());
    std::printf("homoglyphs fixed: %llu letters in %llu lines\n",
                static_cast<unsigned long long>(stats.homoglyphs),
                static_cast<unsigned long long>(stats.lines_changed));
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'),
              std::count(text->begin(), text->end(), '\n'));
    EXPECT_EQ(n.Normalize(out), out);
    // Changes are rare in edited news: at most one line in a thousand.
    EXPECT_LE(stats.lines_changed * 1000, stats.lines);
  }
}

}  // namespace
}  // namespace normkit
