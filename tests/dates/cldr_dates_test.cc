// The CLDR table that the build wrote (dates/cldr_dates.h) against what the
// ICU this process runs with gives now, through the generator's own
// functions (dates/cldr_dates_icu.cc, compiled into this test): an ICU
// upgraded under a library that was not rebuilt fails here.
#include "dates/cldr_dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace normkit::internal {
namespace {

// A language as text, one list a line, so that a failure shows the list
// that differs.
std::string Describe(const CldrLanguage& language) {
  std::string out = language.code + " order " + std::to_string(static_cast<int>(language.order)) +
                    " month_first " + std::to_string(language.month_first) + "\n";
  auto forms = [&](std::string_view name, int k, const std::vector<CldrForm>& list) {
    out += std::string(name) + " " + std::to_string(k) + ":";
    for (const CldrForm& f : list) {
      out += " " + f.folded + (f.abbreviated ? "/abbr" : "") + (f.dotted ? "/dot" : "");
    }
    out += "\n";
  };
  for (int k = 0; k < 12; ++k) forms("month", k + 1, language.months[k]);
  for (int k = 0; k < 7; ++k) forms("weekday", k + 1, language.weekdays[k]);
  out += "time:";
  for (const std::string& w : language.time_words) out += " " + w;
  return out + "\n";
}

// The table's language, read back as a CldrLanguage.
CldrLanguage FromTable(const CldrDateLanguage& table) {
  CldrLanguage language{
      std::string(CldrText(table.code)), table.order, table.month_first, {}, {}, {}};
  for (int k = 0; k < kCldrTimeList; ++k) {
    std::vector<CldrForm>& forms =
        k < kCldrWeekdayList ? language.months[k] : language.weekdays[k - kCldrWeekdayList];
    for (const CldrDateWord& w : CldrList(table, k)) {
      forms.push_back({std::string(CldrText(w)), (w.flags & kCldrAbbreviated) != 0,
                       (w.flags & kCldrDotted) != 0});
    }
  }
  for (const CldrDateWord& w : CldrList(table, kCldrTimeList)) {
    language.time_words.emplace_back(CldrText(w));
  }
  return language;
}

const CldrDateLanguage* InTable(std::string_view code) {
  for (const CldrDateLanguage& l : CldrDateLanguages()) {
    if (CldrText(l.code) == code) return &l;
  }
  return nullptr;
}

TEST(CldrDates, TableIsWhatIcuGivesForSomeLanguages) {
  for (const char* code : {"de", "fr", "pl", "tr", "ja"}) {
    SCOPED_TRACE(code);
    const std::optional<CldrLanguage> icu = ReadCldrLanguage(code);
    ASSERT_TRUE(icu.has_value());
    const CldrDateLanguage* table = InTable(code);
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(Describe(FromTable(*table)), Describe(*icu));
  }
  // What the lexicon takes from them, by hand: French writes "janv." and
  // puts "à" before the time; Japanese writes year, month, day.
  const CldrLanguage fr = FromTable(*InTable("fr"));
  EXPECT_TRUE(std::any_of(fr.months[0].begin(), fr.months[0].end(), [](const CldrForm& f) {
    return f.folded == "janv" && f.abbreviated && f.dotted;
  }));
  EXPECT_EQ(fr.time_words, std::vector<std::string>{"à"});
  EXPECT_EQ(FromTable(*InTable("ja")).order, NumericOrder::kYearMonthDay);
}

// Every language, in the order the lexicon numbers them: about 0.2 s of
// ICU.
TEST(CldrDates, TableIsWhatIcuGivesForEveryLanguage) {
  std::vector<std::string> codes;
  for (const std::string& code : ReadCldrCodes()) {
    const std::optional<CldrLanguage> icu = ReadCldrLanguage(code);
    if (!icu) continue;
    codes.push_back(code);
    const CldrDateLanguage* table = InTable(code);
    ASSERT_NE(table, nullptr) << code;
    EXPECT_EQ(Describe(FromTable(*table)), Describe(*icu));
  }
  std::vector<std::string> table_codes;
  for (const CldrDateLanguage& l : CldrDateLanguages()) table_codes.emplace_back(CldrText(l.code));
  EXPECT_EQ(table_codes, codes);
}

}  // namespace
}  // namespace normkit::internal
