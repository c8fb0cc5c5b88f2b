// The shared sample article and corpora (../shared, read at test time;
// skipped with a message where absent).
#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "corpus.h"
#include "normkit/variant_index.h"
#include "shared_index.h"
#include "skip.h"

namespace normkit {
namespace {

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The article writes Tokayev and, three times, Tokaev (Tokaev’s, Tokaev's):
// after apply every Tokaev is Tokayev and nothing else has changed.
TEST(SeedArticle, EveryTokaevBecomesTokayevAndNothingElse) {
  const std::string path = testing::SharedDir() + "/samples/seed-article.txt";
  const std::optional<std::string> article = testing::ReadFile(path);
  if (!article) NORMKIT_SKIP_WITHOUT_SHARED(path);
  ASSERT_NE(article->find("Tokaev’s"), std::string::npos);
  ASSERT_NE(article->find("Tokaev's"), std::string::npos);
  std::string out;
  const std::size_t rewritten = Index().Apply(*article, &out);
  EXPECT_EQ(out, ReplaceAll(*article, "Tokaev", "Tokayev"));
  EXPECT_EQ(rewritten, 3u);
  EXPECT_EQ(out.find("Tokaev"), std::string::npos);
}

// Every document of the Russian corpus: a document with no rewrite comes out
// byte for byte; with rewrites, applying again changes nothing.
TEST(RussianCorpus, ApplyChangesOnlyKnownSpellings) {
  const auto texts = testing::RussianNewsTexts();
  if (!texts) NORMKIT_SKIP_WITHOUT_SHARED("ru-news.jsonl.zst");
  std::size_t documents = 0, rewritten = 0;
  for (const std::string& text : *texts) {
    std::string out;
    const std::size_t n = Index().Apply(text, &out);
    if (n == 0) {
      ASSERT_EQ(out, text);
    } else {
      ++documents;
      rewritten += n;
      ASSERT_EQ(Index().Apply(out), out);
    }
  }
  std::cout << texts->size() << " documents, " << documents << " with a rewritten name, "
            << rewritten << " names rewritten\n";
}

// Discovery over both corpora finds the names (its time is measured by
// tests/bench/variants_benchmark.cc, not here).
TEST(WholeCorpus, Discover) {
  const auto texts = testing::RussianNewsTexts();
  const auto kazakh = testing::KazakhSentences();
  if (!texts || !kazakh) NORMKIT_SKIP_WITHOUT_SHARED("corpora");
  NameCounts counts;
  std::size_t bytes = kazakh->size();
  for (const std::string& text : *texts) {
    Index().CountNames(text, &counts);
    bytes += text.size();
  }
  Index().CountNames(*kazakh, &counts);
  const std::vector<VariantCluster> clusters = Index().Cluster(counts);
  std::printf("discover: %.1f MB, %llu names, %zu spellings, %zu clusters\n", bytes / 1e6,
              static_cast<unsigned long long>(counts.total()), counts.spellings().size(),
              clusters.size());
  for (std::size_t i = 0; i < clusters.size() && i < 10; ++i) {
    std::cout << "  " << clusters[i].canonical << " " << clusters[i].count << ":";
    for (const auto& [s, n] : clusters[i].variants) std::cout << " " << s << " " << n;
    std::cout << "\n";
  }
  bool putin = false;
  for (const VariantCluster& c : clusters) {
    if (c.canonical != "Putin") continue;
    putin = true;
    EXPECT_TRUE(c.in_lexicon);
    EXPECT_EQ(c.variants.front().first, "Путин");
  }
  EXPECT_TRUE(putin);
}

// Discovery on the Russian corpus finds names, not words (issue 16): the
// look-alikes the issue lists are not joined, the names it lists are, and
// Росиии is a likely typo of России, not a variant. Also the lexicon that
// RenderLexicon writes from it loads and rewrites no word the corpus writes
// in lower case.
TEST(RussianCorpus, DiscoveryJoinsNamesNotWords) {
  const auto texts = testing::RussianNewsTexts();
  if (!texts) NORMKIT_SKIP_WITHOUT_SHARED("ru-news.jsonl.zst");
  NameCounts counts;
  for (const std::string& text : *texts) Index().CountNames(text, &counts);
  const std::vector<VariantCluster> clusters = Index().Cluster(counts);
  auto cluster_of = [&](const std::string& spelling) -> const VariantCluster* {
    for (const VariantCluster& c : clusters) {
      for (const auto& [s, n] : c.variants) {
        if (s == spelling) return &c;
      }
    }
    return nullptr;
  };
  auto together = [&](const std::string& a, const std::string& b) {
    const VariantCluster* c = cluster_of(a);
    return c != nullptr && c == cluster_of(b);
  };
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{{"Все", "Всё"},
                                                                             {"Есть", "Jest"},
                                                                             {"Дом", "Doom"},
                                                                             {"Java", "Авиа"},
                                                                             {"Mash", "Матч"},
                                                                             {"Или", "Ильи"},
                                                                             {"Банк", "Bank"},
                                                                             {"Data", "Дата"},
                                                                             {"Park", "Парк"}}) {
    EXPECT_FALSE(together(a, b)) << a << " / " << b;
  }
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"Yandex", "Яндекс"}, {"Washington", "Вашингтон"}, {"GitHub", "Github"}}) {
    EXPECT_TRUE(together(a, b)) << a << " / " << b;
  }
  EXPECT_EQ(cluster_of("Росиии"), nullptr);
  const VariantCluster* russia = cluster_of("России");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->typos, (std::vector<std::pair<std::string, std::uint64_t>>{{"Росиии", 2}}));

  VariantIndexOptions options;
  options.extra_lexicons.push_back({"found.toml", Index().RenderLexicon(clusters)});
  auto with_found = VariantIndex::Create(options);
  ASSERT_TRUE(with_found.ok()) << with_found.status().ToString();
  std::size_t documents = 0;
  for (const std::string& text : *texts) {
    std::string out;
    if (with_found->Apply(text, &out) == 0) continue;
    ++documents;
    ASSERT_EQ(with_found->Apply(out), out);
  }
  std::cout << "with the lexicon discovery wrote, " << documents << " documents rewritten\n";
}

}  // namespace
}  // namespace normkit
