// core/line_breaks.h: the vector count of line feeds against the obvious
// loop, at every length and alignment the 16-byte steps and the 255-step
// counter flush can meet, and the line breaks against NextLine's lines.
#include "core/line_breaks.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace normkit::internal {
namespace {

std::size_t CountSlowly(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

std::size_t LinesByNextLine(std::string_view text) {
  std::size_t breaks = 0;
  while (!text.empty()) breaks += !NextLine(&text).ending.empty();
  return breaks;
}

TEST(LineBreaks, CountLineFeedsAgreesWithALoop) {
  std::mt19937 random(7);
  // Long enough for several counter flushes (255 steps of 16 bytes each).
  std::string text(3 * 255 * 16 + 100, 'a');
  for (char& c : text) {
    const unsigned r = random() % 8;
    c = r == 0 ? '\n' : r == 1 ? '\r' : r == 2 ? '\xD0' : static_cast<char>('a' + r);
  }
  for (std::size_t start = 0; start < 17; ++start) {
    for (std::size_t length : {0ul, 1ul, 15ul, 16ul, 17ul, 255ul * 16, 255ul * 16 + 1, 9000ul}) {
      const std::string_view piece = std::string_view(text).substr(start, length);
      ASSERT_EQ(CountLineFeeds(piece), CountSlowly(piece)) << start << " " << length;
    }
  }
  // Every byte a line feed: each counter reaches 255 before it is summed.
  const std::string feeds(255 * 16 * 2 + 3, '\n');
  EXPECT_EQ(CountLineFeeds(feeds), feeds.size());
}

TEST(LineBreaks, CountLineBreaksCountsNextLinesEndings) {
  for (std::string_view text : {"", "a", "a\n", "a\r\nb", "a\rb\r", "\r\r\n\n", "x\r\n\r\n"}) {
    EXPECT_EQ(CountLineBreaks(text), LinesByNextLine(text)) << text;
  }
  std::mt19937 random(11);
  std::string text(5000, 'a');
  for (char& c : text) {
    const unsigned r = random() % 6;
    c = r == 0 ? '\n' : r == 1 ? '\r' : 'b';
  }
  EXPECT_EQ(CountLineBreaks(text), LinesByNextLine(text));
}

}  // namespace
}  // namespace normkit::internal
