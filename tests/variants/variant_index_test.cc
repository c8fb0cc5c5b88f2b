// The VariantIndex's lexicon files, Apply() byte for byte, Canonical(),
// CountNames() and Cluster().
#include "normkit/variant_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "shared_index.h"

namespace normkit {
namespace {

Result<VariantIndex> WithLexicon(const std::string& text, bool builtin = false) {
  VariantIndexOptions options;
  options.builtin_lexicon = builtin;
  options.extra_lexicons.push_back({"my.toml", text});
  return VariantIndex::Create(options);
}

// --- The lexicon files -----------------------------------------------------

TEST(Lexicon, BuiltInLoads) {
  EXPECT_GE(Index().lexicon_names(), 80u);
  // Listed spellings, their capitals, and the schemes' transliterations.
  EXPECT_GE(Index().known_variants(), 800u);
}

void ExpectError(const std::string& text, const std::string& where, const std::string& what) {
  auto index = WithLexicon(text);
  ASSERT_FALSE(index.ok()) << text;
  EXPECT_EQ(index.status().code(), ErrorCode::kRuleSyntax);
  const std::string message = index.status().ToString();
  EXPECT_EQ(message.rfind(where, 0), 0u) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
}

TEST(Lexicon, ErrorsNameFileLineAndColumn) {
  ExpectError("[[name]]\ncanonical = \"Tokayev\nvariants = []\n", "my.toml:2:", "");
  ExpectError("[[name]]\ncanonical = \"Tokayev\"\nvariant = [\"Tokaev\"]\n",
              "my.toml:3:1:", "unknown key 'variant'");
  ExpectError("[[name]]\ncyrillic = \"Токаев\"\n", "my.toml:1:1:", "needs 'canonical'");
  ExpectError("[[name]]\ncanonical = \"Kassym-Jomart Tokayev\"\n", "my.toml:2:13:", "not one word");
  ExpectError("[[name]]\ncanonical = \"Tokayev\"\ncyrillic = \"Tokaev\"\n",
              "my.toml:3:12:", "has no Cyrillic letter");
  ExpectError("[[name]]\ncanonical = \"Tokayev\"\nvariants = [\"Tokaev\", \"Токаев\"]\n",
              "my.toml:3:23:", "has a Cyrillic letter");
  ExpectError("[[name]]\ncanonical = \"Tokayev\"\nvariants = [\"Tokaev\", \"Tokaev\"]\n",
              "my.toml:3:23:", "listed twice");
  ExpectError("[[name]]\ncanonical = \"Tokayev\"\ncyrillic = { xx1 = \"Токаев\" }\n",
              "my.toml:3:14:", "not a language code");
  ExpectError("[[name]]\ncanonical = \"Tokayev\"\nvariants = \"Tokaev\"\n",
              "my.toml:3:12:", "expected a list");
  ExpectError("title = \"x\"\n", "my.toml:1:1:", "unknown key 'title'");
  // One spelling, two names, one file: refused at the second claim.
  ExpectError(
      "[[name]]\ncanonical = \"Tokayev\"\nvariants = [\"Tokaev\"]\n\n"
      "[[name]]\ncanonical = \"Tokarev\"\nvariants = [\"Tokaev\"]\n",
      "my.toml:7:13:", "'Tokaev' is already a spelling of 'Tokayev' (my.toml:3)");
}

TEST(Lexicon, KindsAndFullNamesAreChecked) {
  ExpectError("[[name]]\ncanonical = \"Sergei\"\nkind = \"first\"\n",
              "my.toml:3:8:", "kind: expected");
  ExpectError("[[name]]\ncanonical = \"Lavrov\"\nfull_names = [\"Lavrov\"]\n",
              "my.toml:3:15:", "is not 2 to 4 Latin words");
  ExpectError("[[name]]\ncanonical = \"Lavrov\"\nfull_names = [\"Sergei  Lavrov\"]\n",
              "my.toml:3:15:", "one space apart");
  // Every word must be a name of the lexicon, and one of them the entry.
  ExpectError("[[name]]\ncanonical = \"Lavrov\"\nfull_names = [\"Sergei Lavrov\"]\n",
              "my.toml:3:15:", "'Sergei' is not a spelling of one name in the lexicon");
  ExpectError(
      "[[name]]\ncanonical = \"Sergei\"\nkind = \"given\"\n\n[[name]]\ncanonical = "
      "\"Lavrov\"\n\n[[name]]\ncanonical = \"Shoigu\"\nfull_names = [\"Sergei Lavrov\"]\n",
      "my.toml:10:15:", "no word of it is a spelling of 'Shoigu'");
}

TEST(Lexicon, BrokenBuiltInFileIsNamed) {
  RuleFiles rules = RuleFiles::Embedded();
  rules.Add("variants/extra.toml", "[[name]]\ncanonical = 1\n", "/tmp/rules/variants/extra.toml");
  auto index = VariantIndex::Create({}, rules);
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().ToString().rfind("/tmp/rules/variants/extra.toml:2:13:", 0), 0u)
      << index.status().ToString();
}

TEST(Lexicon, AUsersNameTakesItsSpellingsOver) {
  // The user wants Tokaev: the built-in Tokayev and its spellings join it.
  auto index =
      WithLexicon("[[name]]\ncanonical = \"Tokaev\"\nvariants = [\"Tokayev\"]\n", /*builtin=*/true);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->Apply("Tokayev, Tokajew, Tokaïev, Tokaev"), "Tokaev, Tokaev, Tokaev, Tokaev");
  EXPECT_EQ(index->Canonical("Токаев"), "Tokaev");
  // Other built-in names are still there.
  EXPECT_EQ(index->Apply("Nasarbajew"), "Nazarbayev");
}

TEST(Lexicon, WithoutTheBuiltInOnlyTheUsersNames) {
  auto index = WithLexicon("[[name]]\ncanonical = \"Smith\"\nvariants = [\"Smyth\"]\n");
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->Apply("Smyth met Tokaev"), "Smith met Tokaev");
  EXPECT_EQ(index->lexicon_names(), 1u);
}

TEST(Lexicon, SchemesAddTheirTransliterations) {
  // Not listed in the file: ISO 9 and ALA-LC forms of Шойгу and Жуков.
  EXPECT_EQ(Index().Canonical("Šojgu"), "Shoigu");
  EXPECT_EQ(Index().Canonical("Shoĭgu"), "Shoigu");
  EXPECT_EQ(Index().Canonical("Zelens’kyy"), "Zelensky");  // uk/bgn_pcgn
  VariantIndexOptions options;
  options.scheme_variants = false;
  auto bare = VariantIndex::Create(options);
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->Canonical("Shoĭgu"), std::nullopt);
  EXPECT_EQ(bare->Canonical("Šojgu"), "Shoigu");  // listed
}

// --- Canonical ---------------------------------------------------------------

TEST(Canonical, KnownSpellingsOnly) {
  EXPECT_EQ(Index().Canonical("Tokaev"), "Tokayev");
  EXPECT_EQ(Index().Canonical("Tokayev"), "Tokayev");
  EXPECT_EQ(Index().Canonical("TOKAJEW"), "TOKAYEV");
  EXPECT_EQ(Index().Canonical("Токаев"), "Tokayev");
  EXPECT_EQ(Index().Canonical("Тоқаев"), "Tokayev");
  EXPECT_EQ(Index().Canonical("Tokarev"), std::nullopt);
  EXPECT_EQ(Index().Canonical("tokaev"), std::nullopt);
  EXPECT_EQ(Index().Canonical("TOkaev"), std::nullopt);
}

// --- Apply -----------------------------------------------------------------

TEST(Apply, RewritesKnownVariants) {
  EXPECT_EQ(Index().Apply("Tokaev"), "Tokayev");
  EXPECT_EQ(Index().Apply("President Tokajew said"), "President Tokayev said");
  EXPECT_EQ(Index().Apply("Nasarbajew und Selenskyj"), "Nazarbayev und Zelensky");
  EXPECT_EQ(Index().Apply("Łukaszenka i Ławrow"), "Lukashenko i Lavrov");
  EXPECT_EQ(Index().Apply("Poutine, Choïgou"), "Putin, Shoigu");
}

TEST(Apply, KeepsTheCasePattern) {
  EXPECT_EQ(Index().Apply("TOKAEV"), "TOKAYEV");
  EXPECT_EQ(Index().Apply("NAZARBAÏEV"), "NAZARBAYEV");
  EXPECT_EQ(Index().Apply("ŁUKASZENKA"), "LUKASHENKO");
  // Neither as listed nor all capitals: left alone.
  EXPECT_EQ(Index().Apply("tokaev TOkaev"), "tokaev TOkaev");
}

TEST(Apply, Possessives) {
  EXPECT_EQ(Index().Apply("Tokaev’s words"), "Tokayev’s words");
  EXPECT_EQ(Index().Apply("Tokaev's words"), "Tokayev's words");
  EXPECT_EQ(Index().Apply("TOKAEV'S WORDS"), "TOKAYEV'S WORDS");
  EXPECT_EQ(Index().Apply("Nawalny’s death"), "Navalny’s death");
}

TEST(Apply, HyphenatedNames) {
  EXPECT_EQ(Index().Apply("Kassym-Zhomart Tokaev"), "Kassym-Jomart Tokayev");
  EXPECT_EQ(Index().Apply("Kasym-Żomart Tokajew"), "Kassym-Jomart Tokayev");
  EXPECT_EQ(Index().Apply("the Tokaev-led government"), "the Tokayev-led government");
  EXPECT_EQ(Index().Apply("anti-Tokaev protests"), "anti-Tokayev protests");
  EXPECT_EQ(Index().Apply("Putin-Tokaev talks"), "Putin-Tokayev talks");
  EXPECT_EQ(Index().Apply("Tokaev–Putin"), "Tokayev–Putin");  // en dash
}

// A given name belongs to many people: rewritten only inside a full name
// the lexicon lists, never alone or beside another surname.
TEST(Apply, GivenNamesOnlyInsideAListedFullName) {
  EXPECT_EQ(Index().Apply("Sergey Brin co-founded Google."), "Sergey Brin co-founded Google.");
  EXPECT_EQ(Index().Apply("Alexey Navalny died"), "Alexei Navalny died");
  EXPECT_EQ(Index().Apply("Alexey Nawalny’s death"), "Alexei Navalny’s death");
  EXPECT_EQ(Index().Apply("ALEXEY NAVALNY"), "ALEXEI NAVALNY");
  EXPECT_EQ(Index().Apply("Sergey Lavrov met Sergey Brin"), "Sergei Lavrov met Sergey Brin");
  EXPECT_EQ(Index().Apply("Dmitri Medwedew, Dmitri Peskow, Dmitri"),
            "Dmitry Medvedev, Dmitry Peskov, Dmitri");
  EXPECT_EQ(Index().Apply("Sergueï\u00a0Lavrov"), "Sergei\u00a0Lavrov");  // no-break space
  // Listed with one surname, not another; a line break ends a name.
  EXPECT_EQ(Index().Apply("Sergey Navalny"), "Sergey Navalny");
  EXPECT_EQ(Index().Apply("Alexey\nNavalny"), "Alexey\nNavalny");
  EXPECT_EQ(Index().Apply("Alexey, Navalny"), "Alexey, Navalny");
  // Given names alone, whatever the text around them.
  EXPECT_EQ(Index().Apply("Dmitri Mendeleev, Sergej, Wladimir Klitschko's brother"),
            "Dmitri Mendeleev, Sergej, Wladimir Klitschko's brother");
  // A hyphenated given name is one word; surnames and places still alone.
  EXPECT_EQ(Index().Apply("Kasym-Zhomart Tokaev"), "Kassym-Jomart Tokayev");
  EXPECT_EQ(Index().Apply("Kasym-Zhomart Smith in Ałmaty"), "Kasym-Zhomart Smith in Almaty");
}

TEST(Apply, PatronymicsOnlyInsideAListedFullName) {
  EXPECT_EQ(Index().Apply("Wladimir Wladimirowitsch Putin"), "Vladimir Vladimirovich Putin");
  EXPECT_EQ(Index().Apply("Vladimir Vladimirovitch Poutine"), "Vladimir Vladimirovich Putin");
  EXPECT_EQ(Index().Apply("Wladimir Wladimirowitsch"), "Wladimir Wladimirowitsch");
  EXPECT_EQ(Index().Apply("Władimirowicz"), "Władimirowicz");
}

TEST(Apply, AUsersFullNames) {
  auto index = WithLexicon(
      "[[name]]\ncanonical = \"Alisher\"\nkind = \"given\"\nvariants = [\"Alicher\"]\n\n"
      "[[name]]\ncanonical = \"Usmanov\"\nvariants = [\"Ousmanov\"]\n"
      "full_names = [\"Alisher Usmanov\"]\n",
      /*builtin=*/true);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->Apply("Alicher Ousmanov; Alicher; Ousmanov"),
            "Alisher Usmanov; Alicher; Usmanov");
}

// A user's name that takes a given name over keeps it a given name, and
// the built-in full names it was part of.
TEST(Apply, ATakenOverGivenNameStaysAGivenName) {
  auto index = WithLexicon("[[name]]\ncanonical = \"Sergey\"\nvariants = [\"Sergei\"]\n",
                           /*builtin=*/true);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->Apply("Sergei Lavrov met Sergei Brin"), "Sergey Lavrov met Sergei Brin");
}

// Against a reference: random runs of a given name, its surname (listed and
// a variant), another surname, spaces and punctuation.
TEST(Apply, FullNamesAgainstAReference) {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"Sergey", "Lavrov", "Lawrow", "Brin", " ",
                                           "  ",     ", ",     "\n",     "x",    ";"};
  const std::regex given("(^|[^A-Za-z0-9])Sergey( +)(?=(Lavrov|Lawrow)([^A-Za-z0-9]|$))");
  const std::regex surname("(^|[^A-Za-z0-9])Lawrow(?=[^A-Za-z0-9]|$)");
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = random() % 10;
    for (int i = 0; i < n; ++i) text += pieces[random() % pieces.size()];
    std::string expected = std::regex_replace(text, given, "$1Sergei$2");
    expected = std::regex_replace(expected, surname, "$1Lavrov");
    EXPECT_EQ(Index().Apply(text), expected) << text;
  }
}

TEST(Apply, LeavesEverythingElseByteForByte) {
  const std::vector<std::string> untouched = {
      "Tokarev, Tokayevich, Tokaevs, Tokaeva, tokaev",  // close, not the same
      "https://akorda.kz/Tokaev and Tokaev.kz and user@Tokaev and #Tokaev",
      "Tokaev_2022 Tokaev2 xTokaev",
      "Токаев Тоқаев Назарбаев",  // Cyrillic is not rewritten
      "",
      "no names here\r\n\ttabs\n",
      "\xff\xfe Tokayev \xc3",  // broken UTF-8 around a canonical form
  };
  for (const std::string& text : untouched) {
    std::string out = "prefix:";
    EXPECT_EQ(Index().Apply(text, &out), 0u) << text;
    EXPECT_EQ(out, "prefix:" + text);
  }
  // Broken UTF-8 around a variant: only the variant changes.
  EXPECT_EQ(Index().Apply("\xff Tokaev \xc3\x28"), "\xff Tokayev \xc3\x28");
  EXPECT_EQ(Index().Apply("«Tokaev»"), "«Tokayev»");
  EXPECT_EQ(Index().Apply("(Tokaev)\n"), "(Tokayev)\n");
}

// Random bytes and random runs of names: whatever is not a known spelling
// comes out as it went in; applying twice changes nothing more.
TEST(Apply, RandomInput) {
  std::mt19937 random(42);
  const std::vector<std::string> pieces = {
      "Tokaev", "Tokayev", "Tokarev", " ",         "-", "’s", "'", "\n",     "Токаев",  "é",
      "\xff",   "\xd0",    "Kassym-", "NAZARBAEV", ".", "/",  "x", "TOKAEV", "\xe2\x80"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = random() % 12;
    for (int i = 0; i < n; ++i) text += pieces[random() % pieces.size()];
    std::string once;
    const std::size_t rewritten = Index().Apply(text, &once);
    EXPECT_EQ(Index().Apply(once), once) << text;
    if (rewritten == 0) {
      EXPECT_EQ(once, text);
    }
    // Each rewrite adds one letter (Tokaev -> Tokayev, NAZARBAEV ->
    // NAZARBAYEV): nothing else changed size.
    EXPECT_EQ(once.size(), text.size() + rewritten) << text;
  }
}

TEST(Apply, ManyThreadsOneIndex) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Tokaev met Selenskyj and TOKAJEW; Tokarev stayed.\n";
  const std::string expected = Index().Apply(text);
  std::vector<std::thread> threads;
  std::vector<std::string> outputs(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { outputs[t] = Index().Apply(text); });
  }
  for (auto& t : threads) t.join();
  for (const std::string& out : outputs) EXPECT_EQ(out, expected);
  EXPECT_NE(expected.find("Tokayev met Zelensky and TOKAYEV; Tokarev stayed."), std::string::npos);
}

// --- CountNames and Cluster ------------------------------------------------

TEST(CountNames, NamesNotAcronymsOrSentenceStarts) {
  NameCounts counts;
  Index().CountNames(
      "However, Tokaev met the DPR envoy. Tokayev’s aides and Kassym-Jomart's staff "
      "spoke of the Tokaev-led talks; Токаев и Путин. https://x.kz/Tokajew",
      &counts);
  const auto& s = counts.spellings();
  EXPECT_EQ(s.count("DPR"), 0u);
  EXPECT_EQ(s.count("Tokajew"), 0u);  // in a URL
  EXPECT_EQ(s.at("However").inside, 0u);
  EXPECT_EQ(s.at("Tokaev").count, 2u);
  EXPECT_EQ(s.at("Tokaev").inside, 2u);
  EXPECT_EQ(s.at("Tokayev").inside, 0u);  // opens a sentence
  EXPECT_EQ(s.at("Kassym-Jomart").count, 1u);
  EXPECT_EQ(s.at("Токаев").count, 1u);
  EXPECT_EQ(s.at("Путин").count, 1u);
}

TEST(Cluster, LexiconNamesKeyGroupsAndNearMisses) {
  NameCounts counts;
  counts.Add("Tokayev", 12);
  counts.Add("Tokaev", 3);
  counts.Add("Токаев", 2);
  counts.Add("Tokaiev", 1);  // not listed: joins through the key
  counts.Add("Tokarev", 5);  // another name
  counts.Add("Tokarew", 1);
  counts.Add("Kasjanow", 2);  // not in the lexicon at all
  counts.Add("Kasyanov", 4);
  counts.Add("Kassianov", 1);
  counts.Add("Сахаров", 3);  // the key merges these two;
  counts.Add("Захаров", 2);  // their letters do not
  counts.Add("Sakharov", 1);
  counts.Add("Zakharov", 1);
  counts.Add("Hapax", 1, /*sentence_start=*/true);
  const std::vector<VariantCluster> clusters = Index().Cluster(counts);
  ASSERT_GE(clusters.size(), 5u);
  EXPECT_EQ(clusters[0].canonical, "Tokayev");
  EXPECT_TRUE(clusters[0].in_lexicon);
  EXPECT_EQ(clusters[0].count, 18u);
  ASSERT_EQ(clusters[0].variants.size(), 4u);
  EXPECT_EQ(clusters[0].variants[0], (std::pair<std::string, std::uint64_t>{"Tokayev", 12}));
  EXPECT_EQ(clusters[0].variants[1], (std::pair<std::string, std::uint64_t>{"Tokaev", 3}));
  EXPECT_EQ(clusters[1].canonical, "Kasyanov");  // the most frequent
  EXPECT_FALSE(clusters[1].in_lexicon);
  EXPECT_EQ(clusters[1].count, 7u);
  EXPECT_EQ(clusters[2].canonical, "Tokarev");
  EXPECT_EQ(clusters[2].count, 6u);
  for (const VariantCluster& c : clusters) {
    bool sakharov = false, zakharov = false;
    for (const auto& [spelling, n] : c.variants) {
      sakharov = sakharov || spelling == "Сахаров" || spelling == "Sakharov";
      zakharov = zakharov || spelling == "Захаров" || spelling == "Zakharov";
    }
    EXPECT_FALSE(sakharov && zakharov) << c.canonical;
  }
  ClusterOptions all;
  all.min_spellings = 1;
  all.min_count = 2;
  for (const VariantCluster& c : Index().Cluster(counts, all)) {
    EXPECT_GE(c.count, 2u);
    EXPECT_NE(c.canonical, "Hapax");
  }
}

TEST(Cluster, ATieGoesToTheBgnPcgnSpelling) {
  NameCounts counts;
  counts.Add("Sarsenbaev", 2);
  counts.Add("Sarsenbayev", 2);
  counts.Add("Kasjanow", 1);  // with a Cyrillic form: its BGN/PCGN spelling (Kasʹyanov)
  counts.Add("Kasyanov", 1);
  counts.Add("Касьянов", 1);
  const std::vector<VariantCluster> clusters = Index().Cluster(counts);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].canonical, "Sarsenbayev");
  EXPECT_EQ(clusters[1].canonical, "Kasyanov");
}

// Discovery finds names, not words (issue 16): each rule on its own.
std::vector<std::vector<std::string>> SpellingsOf(const std::vector<VariantCluster>& clusters) {
  std::vector<std::vector<std::string>> out;
  for (const VariantCluster& c : clusters) {
    std::vector<std::string> spellings;
    for (const auto& [spelling, n] : c.variants) spellings.push_back(spelling);
    std::sort(spellings.begin(), spellings.end());
    out.push_back(spellings);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Cluster, AWordTheCorpusWritesInLowerCaseIsNoName) {
  NameCounts counts;
  counts.Add("Все", 40);
  counts.Add("Всё", 20);
  counts.AddLower("все", 900);
  counts.Add("Park", 8);
  counts.Add("Парк", 50);
  counts.AddLower("парк", 30);
  counts.AddLower("park", 1);
  counts.Add("Путин", 600);  // a name the corpus once writes in lower case
  counts.Add("Putin", 1);
  counts.AddLower("путин", 1);
  counts.Add("Сарсенбаев", 40);  // and one it never does
  counts.Add("Sarsenbayev", 3);
  counts.Add("GitHub", 230);  // its lower-case form is weighed against
  counts.Add("Github", 2);    // every case of it
  counts.AddLower("github", 3);
  EXPECT_EQ(SpellingsOf(Index().Cluster(counts)),
            (std::vector<std::vector<std::string>>{
                {"GitHub", "Github"}, {"Putin", "Путин"}, {"Sarsenbayev", "Сарсенбаев"}}));
}

TEST(Cluster, TwoScriptsOnlyWhereOneTransliteratesTheOther) {
  NameCounts counts;
  for (const char* s : {"Yandex", "Яндекс", "Washington", "Вашингтон", "Java", "Авиа", "Doom",
                        "Дом", "Mash", "Матч"}) {
    counts.Add(s, 5);
  }
  EXPECT_EQ(
      SpellingsOf(Index().Cluster(counts)),
      (std::vector<std::vector<std::string>>{{"Washington", "Вашингтон"}, {"Yandex", "Яндекс"}}));
}

TEST(Cluster, WordsOfTheirOwnStayApartAndTyposAreReported) {
  NameCounts counts;
  counts.Add("Или", 58);  // the key joins them; their letters do not
  counts.Add("Ильи", 39);
  counts.Add("Даниила", 16);
  counts.Add("Данила", 3);
  counts.Add("Артем", 25);  // ё is optional in Russian: one name
  counts.Add("Артём", 22);
  counts.Add("России", 300);
  counts.Add("Росиии", 2);
  counts.Add("China", 23);  // one Latin spelling seen once beside a frequent one
  counts.Add("Jinja", 1);
  counts.Add("Zhukov", 2);  // the press of two languages: both seen
  counts.Add("Schukow", 1);
  counts.Add("GitHub", 234);  // case only
  counts.Add("Github", 2);
  const std::vector<VariantCluster> clusters = Index().Cluster(counts);
  EXPECT_EQ(SpellingsOf(clusters),
            (std::vector<std::vector<std::string>>{
                {"GitHub", "Github"}, {"Schukow", "Zhukov"}, {"Артем", "Артём"}, {"России"}}));
  for (const VariantCluster& c : clusters) {
    if (c.canonical != "России") continue;
    EXPECT_EQ(c.typos, (std::vector<std::pair<std::string, std::uint64_t>>{{"Росиии", 2}}));
    EXPECT_EQ(c.count, 300u);
  }
}

TEST(CountNames, CountsLowerCaseWordsToo) {
  NameCounts counts;
  Index().CountNames("Парк и парк, park; Все сказали: все.", &counts);
  EXPECT_EQ(counts.LowerCount("парк"), 1u);
  EXPECT_EQ(counts.LowerCount("park"), 1u);
  EXPECT_EQ(counts.LowerCount("все"), 1u);
  EXPECT_EQ(counts.spellings().at("Парк").count, 1u);
  // Not the parts of a slug or the words of a link or a query: they say
  // nothing of how the language writes a name.
  NameCounts slugs;
  Index().CountNames(
      "telegram-bot ?utm_source=telegram&x=1 https://habr.com/ru/companies/yandex/ a@yandex",
      &slugs);
  EXPECT_EQ(slugs.LowerCount("telegram"), 0u);
  EXPECT_EQ(slugs.LowerCount("yandex"), 0u);
  EXPECT_EQ(slugs.LowerCount("bot"), 0u);
}

// --- RenderLexicon -------------------------------------------------------------

TEST(RenderLexicon, WhatDiscoveryFoundBecomesALexiconApplyTakes) {
  NameCounts counts;
  const std::string corpus =
      "The akim Yerlan Sarsenbayev spoke. Later Sarsenbaev said so, and Sarsenbayev left.\n"
      "In Aktau and in Актау, and Aktau again; Kasjanow and Kasyanov met Tokaev.\n";
  Index().CountNames(corpus, &counts);
  const std::vector<VariantCluster> clusters = Index().Cluster(counts);
  const std::string text = Index().RenderLexicon(clusters);
  EXPECT_NE(text.find("# 3 seen: Sarsenbayev 2, Sarsenbaev 1\n[[name]]\ncanonical = "
                      "\"Sarsenbayev\"\nvariants = [\"Sarsenbaev\"]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[[name]]\ncanonical = \"Aktau\"\ncyrillic = { ru = \"Актау\" }\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("Tokayev"), std::string::npos) << text;  // the lexicon has it
  // Apply with it: the spellings found, and nothing else.
  auto index = WithLexicon(text, /*builtin=*/true);
  ASSERT_TRUE(index.ok()) << index.status().ToString() << "\n" << text;
  EXPECT_EQ(index->Apply(corpus),
            "The akim Yerlan Sarsenbayev spoke. Later Sarsenbayev said so, and Sarsenbayev left.\n"
            "In Aktau and in Актау, and Aktau again; Kasyanov and Kasyanov met Tokayev.\n");
}

TEST(RenderLexicon, TyposAreNamedButNotListed) {
  NameCounts counts;
  counts.Add("DevOps", 189);
  counts.Add("Devops", 60);
  counts.Add("DevOops", 1);
  const std::string text = Index().RenderLexicon(Index().Cluster(counts));
  EXPECT_NE(text.find("# likely typos, not listed: DevOops 1\n[[name]]\ncanonical = \"DevOps\"\n"
                      "variants = [\"Devops\"]\n"),
            std::string::npos)
      << text;
}

TEST(RenderLexicon, CyrillicOnlyClustersAndLexiconNamesAreLeftOut) {
  NameCounts counts;
  counts.Add("Сарсенбаев", 3);
  counts.Add("Сарсенбаёв", 1);
  counts.Add("Tokaev", 2);
  counts.Add("Tokayev", 1);
  const std::string text = Index().RenderLexicon(Index().Cluster(counts));
  EXPECT_EQ(text.find("[[name]]"), std::string::npos) << text;
  EXPECT_NE(text.find("# 0 names; 1 clusters of Cyrillic spellings only left out"),
            std::string::npos)
      << text;
  auto index = WithLexicon(text);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->lexicon_names(), 0u);
}

}  // namespace
}  // namespace normkit
