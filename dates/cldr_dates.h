// CLDR's month and weekday names, numeric order and time words of every
// language that ICU has locales for, as the date lexicon takes them
// (date_lexicon_cldr.cc). Read from ICU at build time: cldr_dates_gen.cc
// calls ReadCldrLanguage() for every code of ReadCldrCodes() and writes
// what it gives as the constant table below (cldr_dates_table.cc in the
// build tree), so that a process reads no date symbols from ICU: reading
// them for every language took some 120 ms at each start. Internal.
#ifndef NORMKIT_DATES_CLDR_DATES_H_
#define NORMKIT_DATES_CLDR_DATES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "date_lexicon_words.h"

namespace normkit::internal {

// Read from ICU (cldr_dates_icu.cc), by the generator and by the test that
// compares the table with the ICU a process runs with.

// A form of a month or weekday name, folded (FoldWord).
struct CldrForm {
  std::string folded;
  bool abbreviated;  // from an ABBREVIATED width
  bool dotted;       // written with a final dot ("janv.")
};

struct CldrLanguage {
  std::string code;
  NumericOrder order;  // of the short date pattern
  bool month_first;    // the long date pattern names the month before the day
  // Wide and abbreviated, format and stand-alone, in ICU's order.
  std::vector<CldrForm> months[12];
  std::vector<CldrForm> weekdays[7];    // Monday first
  std::vector<std::string> time_words;  // folded
};

// The language codes ICU has locales for, best first (LanguagePreference,
// then by code).
std::vector<std::string> ReadCldrCodes();
// One language's names from ICU's DateFormatSymbols and date patterns;
// nullopt when ICU has no date symbols for it.
std::optional<CldrLanguage> ReadCldrLanguage(const std::string& code);

// The table the build wrote: each language of ReadCldrCodes() that
// ReadCldrLanguage() gives, in that order.

// A word of the table: kCldrDateText[offset, offset + size).
struct CldrDateWord {
  std::uint32_t offset;
  std::uint8_t size;
  std::uint8_t flags;  // kCldrAbbreviated | kCldrDotted
};
inline constexpr std::uint8_t kCldrAbbreviated = 1;  // CldrForm::abbreviated
inline constexpr std::uint8_t kCldrDotted = 2;       // CldrForm::dotted

// A language's lists of words: months 0..11, weekdays 12..18, time words 19.
inline constexpr int kCldrWeekdayList = 12;
inline constexpr int kCldrTimeList = 19;
inline constexpr int kCldrLists = 20;

struct CldrDateLanguage {
  CldrDateWord code;
  NumericOrder order;
  bool month_first;
  // List k is kCldrDateWords[first[k], first[k + 1]).
  std::uint32_t first[kCldrLists + 1];
};

extern const char kCldrDateText[];
extern const CldrDateWord kCldrDateWords[];
extern const std::size_t kCldrDateWordCount;
extern const CldrDateLanguage kCldrDateLanguages[];
extern const std::size_t kCldrDateLanguageCount;

inline std::string_view CldrText(const CldrDateWord& word) {
  return {kCldrDateText + word.offset, word.size};
}
inline std::span<const CldrDateWord> CldrList(const CldrDateLanguage& language, int k) {
  return {kCldrDateWords + language.first[k], kCldrDateWords + language.first[k + 1]};
}
inline std::span<const CldrDateLanguage> CldrDateLanguages() {
  return {kCldrDateLanguages, kCldrDateLanguageCount};
}

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_CLDR_DATES_H_
