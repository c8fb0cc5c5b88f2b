// core/rule_paths.h: a rule file's path from its folder and name, and back.
#include "core/rule_paths.h"

#include <gtest/gtest.h>

namespace normkit::internal {
namespace {

TEST(RulePaths, PathOfAName) {
  EXPECT_EQ(RuleFilePath("translit", "ru/bgn_pcgn"), "translit/ru/bgn_pcgn.toml");
  EXPECT_EQ(RuleFilePath("dates", "common"), "dates/common.toml");
}

TEST(RulePaths, NameOfAPath) {
  EXPECT_EQ(RuleFileName("translit/ru/bgn_pcgn.toml", "translit"), "ru/bgn_pcgn");
  EXPECT_EQ(RuleFileName("headers/kk.toml", "headers"), "kk");
  EXPECT_EQ(RuleFileName("headers/kk.txt", "headers"), "");
  EXPECT_EQ(RuleFileName("headers/.toml", "headers"), "");
  EXPECT_EQ(RuleFileName("headers.toml", "headers"), "");
  EXPECT_EQ(RuleFileName("headersx/kk.toml", "headers"), "");
  EXPECT_EQ(RuleFileName("dates/kk.toml", "headers"), "");
  for (const char* name : {"ru/bgn_pcgn", "kk", "common"}) {
    EXPECT_EQ(RuleFileName(RuleFilePath("dates", name), "dates"), name);
  }
}

TEST(RulePaths, FilesOfAFolder) {
  RuleFiles rules;
  rules.Add("dates/ru.toml", "");
  rules.Add("dates/common.toml", "");
  rules.Add("dates/notes.txt", "");
  rules.Add("dates/sub/kk.toml", "");
  rules.Add("datesx/en.toml", "");
  rules.Add("headers/en.toml", "");
  EXPECT_EQ(RuleFilesIn(rules, "dates"),
            (std::vector<std::string>{"dates/common.toml", "dates/ru.toml", "dates/sub/kk.toml"}));
  EXPECT_TRUE(RuleFilesIn(rules, "recipes").empty());
  // The embedded rules hold every folder the modules read.
  const RuleFiles embedded = RuleFiles::Embedded();
  for (const char* folder : {"translit", "dates", "headers", "variants", "recipes"}) {
    EXPECT_FALSE(RuleFilesIn(embedded, folder).empty()) << folder;
  }
}

}  // namespace
}  // namespace normkit::internal
