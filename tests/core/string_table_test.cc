// core/string_table.h: what it finds, what it turns away, and that a table
// is the same whatever else it holds.
#include "core/string_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace normkit::internal {
namespace {

TEST(StringTable, EmptyFindsNothing) {
  const StringTable table;
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.max_key_size(), 0u);
  EXPECT_FALSE(table.Find(""));
  EXPECT_FALSE(table.Find("июня"));
  const StringTable built(std::vector<StringTable::Item>{});
  EXPECT_FALSE(built.Find("июня"));
}

TEST(StringTable, FindsEveryKeyAndNothingElse) {
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("word" + std::to_string(i * 7));
  keys.push_back("июня");
  keys.push_back("Tokaev");
  keys.push_back(std::string(300, 'x'));  // longer than one hash step
  std::vector<StringTable::Item> items;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    items.emplace_back(keys[i], static_cast<std::uint32_t>(i));
  }
  const StringTable table(items);
  EXPECT_EQ(table.size(), keys.size());
  EXPECT_EQ(table.max_key_size(), 300u);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    ASSERT_EQ(table.Find(keys[i]), static_cast<std::uint32_t>(i)) << keys[i];
  }
  for (int i = 0; i < 5000; ++i) {
    const std::string miss = "word" + std::to_string(i * 7 + 1);
    EXPECT_FALSE(table.Find(miss)) << miss;
  }
  EXPECT_FALSE(table.Find("Tokaeva"));
  EXPECT_FALSE(table.Find("Tokae"));
  EXPECT_FALSE(table.Find("июн"));
  EXPECT_FALSE(table.Find(std::string(301, 'x')));
  EXPECT_FALSE(table.Find(""));
}

TEST(StringTable, KeysAreBytesNotCharacters) {
  // A key may hold any byte, NUL included; a prefix of a key is no key.
  const std::string with_nul("a\0b", 3);
  const StringTable table({{with_nul, 1}, {"a", 2}});
  EXPECT_EQ(table.Find(with_nul), 1u);
  EXPECT_EQ(table.Find("a"), 2u);
  EXPECT_FALSE(table.Find(std::string_view("a\0c", 3)));
}

TEST(StringTable, LastValueOfAKeyGivenTwice) {
  const StringTable table({{"may", 5}, {"june", 6}, {"may", 7}});
  EXPECT_EQ(table.size(), 2u);
  EXPECT_EQ(table.Find("may"), 7u);
  EXPECT_EQ(table.Find("june"), 6u);
}

TEST(StringTable, EmptyKeysAreLeftOut) {
  const StringTable table({{"", 1}, {"a", 2}});
  EXPECT_EQ(table.size(), 1u);
  EXPECT_FALSE(table.Find(""));
  EXPECT_EQ(table.Find("a"), 2u);
}

}  // namespace
}  // namespace normkit::internal
