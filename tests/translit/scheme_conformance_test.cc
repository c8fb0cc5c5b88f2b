// Every scheme in rules/translit is built (both directions where it is
// reversible) and passes its own test pairs; every scheme the project
// promises exists; the official Ukrainian pairs pass.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "corpus.h"
#include "normkit/transliterator.h"
#include "skip.h"

namespace normkit {

// Test names and failure messages show a scheme by its id.
void PrintTo(const SchemeInfo& info, std::ostream* os) { *os << info.id; }

namespace {

TEST(SchemeConformance, EveryPromisedSchemeExists) {
  const std::set<std::string> promised = {
      "ru/ala_lc",         "ru/ala_lc_alt",    "ru/bgn_pcgn",     "ru/bgn_pcgn_alt",
      "ru/bs_2979",        "ru/bs_2979_alt",   "ru/gost_16876",   "ru/gost_16876_alt",
      "ru/gost_52290",     "ru/gost_52535",    "ru/gost_7034",    "ru/gost_779",
      "ru/gost_779_alt",   "ru/icao_doc_9303", "ru/iso_9_1954",   "ru/iso_9_1968",
      "ru/iso_9_1968_alt", "ru/mosmetro",      "ru/mvd_310",      "ru/mvd_310_fr",
      "ru/mvd_782",        "ru/scientific",    "ru/telegram",     "ru/ungegn_1987",
      "ru/wikipedia",      "ru/yandex_maps",   "ru/yandex_money", "uk/national_2010",
      "uk/bgn_pcgn",       "kk/latin_2021",    "kk/bgn_pcgn",     "be/national",
      "be/bgn_pcgn",       "bg/streamlined",   "sr/latin",        "mk/national",
      "cyrl/iso_9"};
  std::vector<Status> errors;
  std::set<std::string> present;
  for (const SchemeInfo& info : ListSchemes(RuleFiles::Embedded(), &errors)) {
    present.insert(info.id);
    EXPECT_FALSE(info.title.empty()) << info.id;
    EXPECT_FALSE(info.standard.empty()) << info.id;
    EXPECT_GT(info.year, 1800) << info.id;
  }
  for (const Status& e : errors) ADD_FAILURE() << e.ToString();
  for (const std::string& id : promised) EXPECT_TRUE(present.count(id)) << id << " missing";
  for (const char* id : {"cyrl/iso_9", "ru/gost_779", "sr/latin"}) {
    if (!present.count(id)) continue;
    EXPECT_TRUE(Transliterator::Create(id)->info().reversible) << id;
  }
}

// Each scheme's own pairs, one test per scheme so a failure names it.
class SchemePairs : public ::testing::TestWithParam<SchemeInfo> {};

TEST_P(SchemePairs, ForwardAndReverse) {
  const SchemeInfo& info = GetParam();
  Result<Transliterator> forward = Transliterator::Create(info.id);
  ASSERT_TRUE(forward.ok()) << forward.status().ToString();
  EXPECT_GE(forward->test_pairs().size(), 3u) << "a scheme needs test pairs";
  for (const auto& [cyrillic, latin] : forward->test_pairs()) {
    EXPECT_EQ(forward->Transliterate(cyrillic), latin) << cyrillic;
  }
  Result<Transliterator> reverse = Transliterator::Create(info.id, Direction::kReverse);
  if (!info.reversible) {
    ASSERT_FALSE(reverse.ok());
    EXPECT_EQ(reverse.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(reverse.status().message().find("not reversible"), std::string::npos);
    return;
  }
  ASSERT_TRUE(reverse.ok()) << reverse.status().ToString();
  for (const auto& [cyrillic, latin] : forward->test_pairs()) {
    EXPECT_EQ(reverse->Transliterate(latin), cyrillic) << latin;
  }
}

INSTANTIATE_TEST_SUITE_P(AllSchemes, SchemePairs,
                         ::testing::ValuesIn(ListSchemes(RuleFiles::Embedded())),
                         [](const ::testing::TestParamInfo<SchemeInfo>& p) {
                           std::string name = p.param.id;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// The file also holds pairs of other systems (from the same test suite);
// the rows of table UkrainianKMU are the 2010 Cabinet of Ministers system.
TEST(SchemeConformance, OfficialUkrainianPairs) {
  const std::string path = testing::SharedDir() + "/testdata/translit/uk-national-2010-pairs.tsv";
  std::ifstream file(path);
  if (!file) NORMKIT_SKIP_WITHOUT_SHARED(path);
  Result<Transliterator> t = Transliterator::Create("uk/national_2010");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::size_t pairs = 0;
  for (std::string line; std::getline(file, line);) {
    std::istringstream fields(line);
    std::string table, cyrillic, latin;
    if (!std::getline(fields, table, '\t') || !std::getline(fields, cyrillic, '\t') ||
        !std::getline(fields, latin)) {
      continue;
    }
    if (table != "UkrainianKMU") continue;
    ++pairs;
    EXPECT_EQ(t->Transliterate(cyrillic), latin) << "table " << table << ": " << cyrillic;
  }
  EXPECT_EQ(pairs, 20u);
}

}  // namespace
}  // namespace normkit
