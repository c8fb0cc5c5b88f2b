// DateFinder: finds dates written with month names or numbers in running
// text, in many languages, and gives them as ISO 8601.
//
//   "20 июня 2022,, 14:01"            -> 2022-06-20T14:01
//   "2022 жылғы 20 маусым"            -> 2022-06-20
//   "5 лютого 2023 р."                -> 2023-02-05
//   "June 20, 2022 2:01 PM"           -> 2022-06-20T14:01
//   "Mon, 20 Jun 2022 14:01:00 GMT"   -> 2022-06-20T14:01:00Z
//   "02.11.2021 18:45"                -> 2021-11-02T18:45
//   "май 2017 г."                     -> 2017-05
//   "1 апреля"                        -> --04-01
//   "двадцать первое марта"           -> --03-21
//   "2022 год"                        -> 2022
//   "с 5 по 10 июня 2022 г."          -> 2022-06-05 and 2022-06-10, two dates
//
// Month and weekday names come from hand-checked rule files in rules/dates/
// (Russian, Ukrainian, Belarusian, Kazakh, English: every inflected form
// news uses, abbreviations, year and time words) and, for every other
// language, from ICU's CLDR data (wide and abbreviated, format and
// stand-alone forms).
//
// What is not a date: a month name with no number beside it ("Мая
// Плисецкая", English "may"), a bare time ("14:01"), numbers alone ("1700
// вагонов", "500-600", "№ 20-2022", "15.02"), a year alone unless a year
// word marks it ("2022 год"), impossible dates ("31 февраля", "29 February
// 2023"), and anything inside a web address (".../news/2024/10/02/...").
// A month that CLDR gives only in short form makes a date only with a day
// and a year ("iPhone 16 Pro" is none).
//
// Example:
//   auto finder = normkit::DateFinder::Create({});
//   std::vector<normkit::DateMatch> dates;
//   finder->Find("Обновлено: 3 апреля 2019, 17:45", &dates);
//   // dates[0].value.ToIso() == "2019-04-03T17:45", dates[0].language == "ru"
//
// Immutable once created; safe to share between threads.
#ifndef NORMKIT_DATE_FINDER_H_
#define NORMKIT_DATE_FINDER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/export.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

// A date (and time) at the precision the text gives. 0 (or -1 for the time
// fields) means "not given".
struct NORMKIT_EXPORT DateValue {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = -1;
  int minute = -1;
  int second = -1;
  bool has_zone = false;
  int zone_minutes = 0;  // offset from UTC; 0 with has_zone is "Z"

  // ISO 8601: 2022-06-20, 2022-06-20T14:01, 2022-06-20T14:01:00Z, 2022-06,
  // 2022, --06-20 (a day and month with no year).
  std::string ToIso() const;
  // The same appended to *out: no string of its own (a value longer than a
  // short string, 2022-06-20T14:01, would cost an allocation a date).
  void AppendIso(std::string* out) const;
  // Written out (not "= default"), so that the header builds as C++17 too.
  bool operator==(const DateValue& o) const {
    return year == o.year && month == o.month && day == o.day && hour == o.hour &&
           minute == o.minute && second == o.second && has_zone == o.has_zone &&
           zone_minutes == o.zone_minutes;
  }
  bool operator!=(const DateValue& o) const { return !(*this == o); }
};

struct NORMKIT_EXPORT DateMatch {
  std::size_t begin = 0;  // byte offsets of the matched text
  std::size_t end = 0;
  DateValue value;
  std::string language;  // of the words that made it a date ("ru", "de")
};

struct NORMKIT_EXPORT DateFinderOptions {
  // Languages to read, by code ("ru", "uk", "de"). Empty: the rule-file
  // languages and every CLDR language, the language found from the words.
  std::vector<std::string> languages;
};

class NORMKIT_EXPORT DateFinder {
 public:
  static Result<DateFinder> Create(const DateFinderOptions& options, const RuleFiles& rules);
  static Result<DateFinder> Create(const DateFinderOptions& options = {});

  // Every date in `text`, in order, appended to *out.
  void Find(std::string_view text, std::vector<DateMatch>* out) const;

  // The date of a line that holds one ("Обновлено: 3 апреля 2019, 17:45"):
  // the longest match, or nullopt.
  std::optional<DateMatch> Parse(std::string_view line) const;

  // The language codes this finder reads.
  std::vector<std::string> languages() const;

 private:
  struct Impl;
  explicit DateFinder(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace normkit

#endif  // NORMKIT_DATE_FINDER_H_
