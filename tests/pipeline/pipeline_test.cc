// The Pipeline: the default recipe on the project's sample article, a
// user's recipe, recipe errors with their positions, one-line documents,
// and the same results from many threads; the metadata writer and the JSON
// Lines editor it uses.
#include "normkit/pipeline.h"

#include <gtest/gtest.h>

#include <thread>

#include "corpus.h"

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
  ASSERT_TRUE(doc.metadata.header.has_value());
  ASSERT_TRUE(doc.metadata.dates.has_value());
  EXPECT_EQ(doc.metadata.header->title, "Caspian ferry line to Baku reopens as Aktau port expands");
  EXPECT_EQ(doc.metadata.header->published, "2023-03-14T09:12");
  EXPECT_EQ(doc.metadata.header->updated, "2023-03-15T18:40");
  EXPECT_EQ(doc.metadata.header->authors, std::vector<std::string>{"Maria Sokolova"});
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
  ASSERT_TRUE(doc.metadata.header.has_value());
  EXPECT_EQ(doc.metadata.header->removed.size(), 13u);
  EXPECT_EQ(stats.steps[1].count, 13u);
  EXPECT_EQ(stats.steps[2].step, "dates");
  EXPECT_EQ(stats.steps[2].count, doc.metadata.dates->size());
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
  ASSERT_TRUE(doc.metadata.header.has_value());
  EXPECT_EQ(doc.metadata.header->title, "Tokayev visits Berlin")
      << "the title gets the canonical form too";
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
  EXPECT_FALSE(doc.metadata.header.has_value()) << "no clean step";
  ASSERT_TRUE(doc.metadata.dates.has_value());
  ASSERT_EQ(doc.metadata.dates->size(), 1u);
  EXPECT_EQ((*doc.metadata.dates)[0].text, "20 июня 2022, 14:01") << "as the dates step saw it";
  EXPECT_EQ((*doc.metadata.dates)[0].match.value.ToIso(), "2022-06-20T14:01");
}

TEST(Pipeline, MetadataJsonWritesThePartsWhoseStepRan) {
  Result<Pipeline> news = Pipeline::Create("news");
  ASSERT_TRUE(news.ok());
  const Document doc =
      news->Process("Posted 20 June 2022\nTokaev visits Berlin\nPresident Tokaev spoke.\n");
  EXPECT_EQ(MetadataJson(doc.metadata),
            R"({"title":"Tokayev visits Berlin","published":"2022-06-20","modified":null,)"
            R"("updated":null,"authors":[],"photo_credits":[],"removed":[{"line":1,)"
            R"("text":"Posted 20 June 2022","rule":"published"},{"line":2,)"
            R"("text":"Tokaev visits Berlin","rule":"title"}],"lines":4,"kept_whole":false,)"
            R"("dates":[]})");
  const std::string json = DocumentJson(doc);
  EXPECT_EQ(json.substr(json.find(R"("dates")")),
            R"("dates":[],"body":"President Tokayev spoke.\n"})");

  Result<Pipeline> names =
      Pipeline::FromRecipe("[[step]]\nuse = \"variants\"\n", "names.toml", RuleFiles::Embedded());
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  const Document plain = names->Process("Tokaev");
  EXPECT_EQ(MetadataJson(plain.metadata), "{}") << "no clean or dates step, nothing found";
  EXPECT_EQ(DocumentJson(plain), R"({"body":"Tokayev"})");
}

TEST(JsonRecord, AnEmptyAddedNameAddsNoMember) {
  // What the text commands write: the field replaced, nothing added.
  JsonLinesOptions options;
  std::string out;
  JsonLinesCounts counts;
  const Status s = EditJsonLines(
      "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2}\n", options, "",
      [](const JsonRecord&, std::string_view text, std::string* new_text, std::string* added) {
        *new_text = std::string(text) + "b";
        *added = "ignored";
      },
      &out, &counts);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(out, "{\"id\": 1, \"text\": \"ab\"}\n{\"id\": 2}\n");
  EXPECT_EQ(counts.edited, 1u);
}

// A variants step with lexicon = "FILE": the recipe names the file, the
// caller reads it, the step rewrites its names too.
TEST(Pipeline, VariantsStepTakesALexiconTheCallerRead) {
  const std::string recipe =
      "[[step]]\nuse = \"variants\"\nlexicon = \"found.toml\"\n\n"
      "[[step]]\nuse = \"variants\"\nlexicon = [\"more.toml\"]\n";
  Result<std::vector<std::string>> names = Pipeline::FilesNamedBy(recipe, "r.toml");
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(*names, (std::vector<std::string>{"found.toml", "more.toml"}));
  const std::vector<RecipeFile> files = {
      {"found.toml", "/data/found.toml",
       "[[name]]\ncanonical = \"Sarsenbayev\"\nvariants = [\"Sarsenbaev\"]\n"},
      {"more.toml", "/data/more.toml", "[[name]]\ncanonical = \"Abenov\"\n"}};
  Result<Pipeline> p = Pipeline::FromRecipe(recipe, "r.toml", RuleFiles::Embedded(), files);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->Process("Sarsenbaev met Tokaev and Sergey Brin.\n").text,
            "Sarsenbayev met Tokayev and Sergey Brin.\n");
  // A file the caller did not read; a lexicon that is not a name; a broken
  // lexicon is named by the path read.
  Result<Pipeline> unread = Pipeline::FromRecipe(recipe, "r.toml", RuleFiles::Embedded());
  ASSERT_FALSE(unread.ok());
  EXPECT_EQ(unread.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(unread.status().ToString().rfind("r.toml:3:11: lexicon: 'found.toml' was not read", 0),
            0u)
      << unread.status().ToString();
  Result<std::vector<std::string>> bad =
      Pipeline::FilesNamedBy("[[step]]\nuse = \"variants\"\nlexicon = 3\n", "r.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString().rfind("r.toml:3:11: lexicon: expected", 0), 0u)
      << bad.status().ToString();
  Result<Pipeline> broken = Pipeline::FromRecipe(
      "[[step]]\nuse = \"variants\"\nlexicon = \"found.toml\"\n", "r.toml", RuleFiles::Embedded(),
      {{"found.toml", "/data/found.toml", "[[name]]\ncanonical = 1\n"}});
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().ToString().rfind("/data/found.toml:2:13:", 0), 0u)
      << broken.status().ToString();
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
      {"[[step]]\nuse = \"translit\"\nscheme = \"ru/nope\"\n", "r.toml:1:1",
       "unknown scheme 'ru/nope'"},
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
  EXPECT_FALSE(doc.metadata.header.has_value());
  EXPECT_EQ(stats.steps[1].count, 0u);
  ASSERT_TRUE(doc.metadata.dates.has_value());
  ASSERT_EQ(doc.metadata.dates->size(), 1u);
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
