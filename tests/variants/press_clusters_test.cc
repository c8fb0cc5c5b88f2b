// Discovery on press_names.txt: 57 names as English, German, French and
// Polish news spell them, with near misses (Tokarev, Zelenska, Sakharov,
// Medvedchuk, Pushkin). The golden clusters are press_names.golden; the test
// prints pairwise precision and recall over its spellings, with the pairs it
// got wrong, and holds them above a floor.
//
// Two runs: the key alone (no lexicon: what discovery does for names nobody
// listed), and with the built-in lexicon.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "normkit/variant_index.h"

namespace normkit {
namespace {

std::string ReadTestFile(const std::string& name) {
  std::ifstream file(std::string(NORMKIT_VARIANTS_TEST_DIR) + "/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// press_names.golden: one name a line, spellings separated by " | ".
std::vector<std::vector<std::string>> Golden() {
  std::vector<std::vector<std::string>> names;
  std::istringstream lines(ReadTestFile("press_names.golden"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> spellings;
    std::size_t start = 0;
    for (;;) {
      const std::size_t bar = line.find(" | ", start);
      spellings.push_back(line.substr(start, bar == std::string::npos ? bar : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    names.push_back(std::move(spellings));
  }
  return names;
}

struct Scores {
  std::size_t true_pairs = 0, false_pairs = 0, missed_pairs = 0;
  double precision() const {
    return true_pairs + false_pairs == 0 ? 1.0 : double(true_pairs) / (true_pairs + false_pairs);
  }
  double recall() const {
    return true_pairs + missed_pairs == 0 ? 1.0 : double(true_pairs) / (true_pairs + missed_pairs);
  }
};

Scores Evaluate(const VariantIndex& index, const std::string& label) {
  NameCounts counts;
  index.CountNames(ReadTestFile("press_names.txt"), &counts);
  ClusterOptions options;
  options.min_spellings = 1;
  options.sentence_initial = true;
  const std::vector<VariantCluster> clusters = index.Cluster(counts, options);
  std::map<std::string, std::size_t> cluster_of;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    for (const auto& [spelling, n] : clusters[i].variants) cluster_of[spelling] = i;
  }
  // Every golden spelling, with its name; a spelling discovery did not
  // report is a cluster of its own.
  std::vector<std::pair<std::string, std::size_t>> spellings;
  const auto golden = Golden();
  for (std::size_t name = 0; name < golden.size(); ++name) {
    for (const std::string& s : golden[name]) {
      EXPECT_TRUE(cluster_of.count(s)) << s << " was not counted";
      spellings.emplace_back(s, name);
    }
  }
  auto predicted = [&](const std::string& s) -> std::size_t {
    auto it = cluster_of.find(s);
    return it == cluster_of.end() ? SIZE_MAX - (&s - &spellings[0].first) : it->second;
  };
  Scores scores;
  std::ostringstream wrong;
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    for (std::size_t j = i + 1; j < spellings.size(); ++j) {
      const bool same = spellings[i].second == spellings[j].second;
      const bool together = predicted(spellings[i].first) == predicted(spellings[j].first);
      if (same && together) ++scores.true_pairs;
      if (!same && together) {
        ++scores.false_pairs;
        wrong << "  merged " << spellings[i].first << " + " << spellings[j].first << "\n";
      }
      if (same && !together) {
        ++scores.missed_pairs;
        wrong << "  apart  " << spellings[i].first << " / " << spellings[j].first << "\n";
      }
    }
  }
  std::printf(
      "%s: %zu names, %zu spellings; pairwise precision %.3f (%zu of %zu), "
      "recall %.3f (%zu of %zu)\n",
      label.c_str(), golden.size(), spellings.size(), scores.precision(), scores.true_pairs,
      scores.true_pairs + scores.false_pairs, scores.recall(), scores.true_pairs,
      scores.true_pairs + scores.missed_pairs);
  std::cout << wrong.str();
  return scores;
}

TEST(PressClusters, KeyAlone) {
  VariantIndexOptions options;
  options.builtin_lexicon = false;
  auto index = VariantIndex::Create(options);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  const Scores s = Evaluate(*index, "key alone");
  EXPECT_GE(s.precision(), 0.99);
  EXPECT_GE(s.recall(), 0.90);
}

TEST(PressClusters, WithTheLexicon) {
  auto index = VariantIndex::Create();
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  const Scores s = Evaluate(*index, "key and lexicon");
  EXPECT_GE(s.precision(), 0.99);
  EXPECT_GE(s.recall(), 0.99);
}

}  // namespace
}  // namespace normkit
