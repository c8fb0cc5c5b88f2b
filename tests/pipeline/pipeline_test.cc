// The Pipeline: the default recipe on the project's sample article, a
// user's recipe, recipe errors with their positions, one-line documents,
// and the same results from many threads.
#include <gtest/gtest.h>

#include <thread>

#include "corpus.h"
#include "normkit/pipeline.h"

namespace normkit {
namespace {

std::string SampleArticle() { return testing::DemoArticle(); }

TEST(Pipeline, NewsRecipeOnTheSampleArticle) {
  Result<Pipeline> p = Pipeline::Create("news");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name(), "news");
  PipelineStats stats;
  const Document doc = p->Process(SampleArticle(), &stats);
  // normalize, then the header lines to metadata, then the dates.
  EXPECT_EQ(doc.metadata.title, "Caspian ferry line to Baku reopens as Aktau port expands");
  EXPECT_EQ(doc.metadata.published, "2023-03-14T09:12");
  EXPECT_EQ(doc.metadata.updated, "2023-03-15T18:40");
  EXPECT_EQ(doc.metadata.authors, std::vector<std::string>{"Maria Sokolova"});
  EXPECT_TRUE(doc.text.starts_with("The regional akim Yerlan Sarsenbayev said the ferry link"))
      << doc.text.substr(0, 80);
  EXPECT_EQ(doc.text.find('\r'), std::string::npos) << "normalize ran first";
  EXPECT_EQ(doc.text.find("\xC2\xAD"), std::string::npos) << "soft hyphens are gone";
  ASSERT_EQ(stats.steps.size(), 4u);
  EXPECT_EQ(stats.steps[0].step, "normalize");
  EXPECT_GT(stats.steps[0].count, 0u);
  EXPECT_EQ(stats.steps[1].step, "clean");
  // The sample's header: a bare date line, Published and Updated lines, the
  // title, its repeat, a second date line, a photo credit, the byline after
  // the lead, and the five blank lines between them.
  EXPECT_EQ(doc.metadata.header_lines_removed, 13u);
  EXPECT_EQ(stats.steps[1].count, 13u);
  EXPECT_EQ(stats.steps[2].step, "dates");
  EXPECT_EQ(stats.steps[2].count, doc.metadata.dates.size());
  EXPECT_EQ(stats.steps[3].step, "variants");
}

TEST(Pipeline, VariantsStepGivesOneSpellingPerName) {
  Result<Pipeline> p = Pipeline::Create("news");
  ASSERT_TRUE(p.ok());
  PipelineStats stats;
  const Document doc = p->Process(
      "Posted 20 June 2022\nTokaev visits Berlin\nPresident Tokaev met the chancellor; "
      "Tokayev’s words were clear.\n",
      &stats);
  EXPECT_EQ(doc.text, "President Tokayev met the chancellor; Tokayev’s words were clear.\n");
  EXPECT_EQ(doc.metadata.title, "Tokayev visits Berlin") << "the title gets the canonical form too";
  EXPECT_EQ(stats.steps[3].count, 2u);
}

TEST(Pipeline, UserRecipeWithTransliterationAndRewrittenDates) {
  const char* recipe = R"(name = "mine"
[[step]]
use = "normalize"
punct = true
[[step]]
use = "dates"
rewrite = true
[[step]]
use = "translit"
scheme = "ru/wikipedia"
)";
  Result<Pipeline> p = Pipeline::FromRecipe(recipe, "mine.toml", RuleFiles::Embedded());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  const Document doc = p->Process("Ельцин приехал 20 июня 2022,, 14:01 в Кара-Балту.");
  EXPECT_EQ(doc.text, "Yeltsin priyekhal 2022-06-20T14:01 v Kara-Baltu.");
  ASSERT_EQ(doc.metadata.dates.size(), 1u);
  EXPECT_EQ(doc.metadata.dates[0].iso, "2022-06-20T14:01");
}

TEST(Pipeline, RecipeErrorsNameTheirPlace) {
  const struct {
    const char* recipe;
    const char* where;
    const char* message;
  } cases[] = {
      {"[[step]]\nuse = \"normalise\"\n", "r.toml:2:7", "unknown step 'normalise'"},
      {"[[step]]\nuse = \"normalize\"\nfrom = \"nfc\"\n", "r.toml:3:1", "unknown option 'from'"},
      {"[[step]]\nuse = \"normalize\"\nform = \"nfx\"\n", "r.toml:3:8", "form: unknown 'nfx'"},
      {"[[step]]\nuse = \"translit\"\nscheme = \"ru/nope\"\n", "r.toml:1:1", "unknown scheme 'ru/nope'"},
      {"name = \"empty\"\n", "r.toml", "at least one [[step]]"},
      {"[[step]\n", "r.toml:1:", ""},
  };
  for (const auto& c : cases) {
    Result<Pipeline> p = Pipeline::FromRecipe(c.recipe, "r.toml", RuleFiles::Embedded());
    ASSERT_FALSE(p.ok()) << c.recipe;
    const std::string message = p.status().ToString();
    EXPECT_NE(message.find(c.where), std::string::npos) << message;
    EXPECT_NE(message.find(c.message), std::string::npos) << message;
  }
  Result<Pipeline> unknown = Pipeline::Create("nothing");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("news"), std::string::npos);
}

TEST(Pipeline, OneLineDocumentsStayOneLine) {
  Result<Pipeline> p = Pipeline::Create("news");
  ASSERT_TRUE(p.ok());
  PipelineStats stats;
  // A lone CR is a line break to the normalizer: on a one-line document it
  // becomes a space. Header cleaning does not apply to single lines.
  const Document doc = p->ProcessLine("Title  line\rsecond part 20 июня 2022", &stats);
  EXPECT_EQ(doc.text, "Title line second part 20 июня 2022");
  EXPECT_EQ(doc.metadata.title, std::nullopt);
  EXPECT_EQ(stats.steps[1].count, 0u);
  ASSERT_EQ(doc.metadata.dates.size(), 1u);
}

TEST(Pipeline, SharedByThreads) {
  Result<Pipeline> p = Pipeline::Create("news");
  ASSERT_TRUE(p.ok());
  const std::string article = SampleArticle();
  const Document expected = p->Process(article);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      PipelineStats stats;
      for (int i = 0; i < 50; ++i) {
        mismatches[k] += p->Process(article, &stats).text != expected.text;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace normkit
