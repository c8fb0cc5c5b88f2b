// DateFinder: Find() and Parse() on any bytes.
//
// Input: the first byte picks the finder (every language; English first,
// which reads 11/02/2021 month first; Russian; German and French), the rest
// is the text.
//
// Properties:
//  - matches are in bounds, in order and do not overlap; Find() appends
//    after what the vector held;
//  - each value is a real date at some precision (month 1-12, a day that
//    its month has, in its year when there is one; a time only with a day,
//    minutes with hours, seconds with minutes; a zone only with a time and
//    within 18 hours), and ToIso() writes it in one of the documented shapes;
//  - the matched text read alone gives the same value over the whole of it,
//    or no date: the API does not promise the second reading in general,
//    since a match can take what it lacks from its neighbours ("с 5 по 10
//    июня": the 5th takes its month from the 10th, and "5" alone is no
//    date), but what the text alone reads as must not contradict it;
//  - Parse() of the text is the longest match of Find(), or none when
//    Find() has none.
#include <array>
#include <memory>
#include <vector>

#include "fuzz_support.h"
#include "normkit/date_finder.h"

namespace normkit::fuzz {
namespace {

const std::array<std::vector<std::string>, 4> kLanguageSets = {{
    {},  // every language
    {"en"},
    {"ru"},
    {"de", "fr"},
}};

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const std::string& p : parts) s += (s.empty() ? "" : ",") + p;
  return s.empty() ? "all" : s;
}

const DateFinder& Get(std::size_t index) {
  static std::array<std::unique_ptr<DateFinder>, kLanguageSets.size()>* built =
      new std::array<std::unique_ptr<DateFinder>, kLanguageSets.size()>;
  std::unique_ptr<DateFinder>& slot = (*built)[index];
  if (!slot) {
    DateFinderOptions options;
    options.languages = kLanguageSets[index];
    Result<DateFinder> f = DateFinder::Create(options);
    FUZZ_CHECK(f.ok(), f.status().ToString());
    slot = std::make_unique<DateFinder>(std::move(*f));
  }
  return *slot;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year != 0 && !IsLeapYear(year)) return 28;
  return kDays[month - 1];
}

std::string Show(const DateValue& v) {
  return "{year " + std::to_string(v.year) + ", month " + std::to_string(v.month) + ", day " +
         std::to_string(v.day) + ", " + std::to_string(v.hour) + ":" + std::to_string(v.minute) +
         ":" + std::to_string(v.second) + ", zone " +
         (v.has_zone ? std::to_string(v.zone_minutes) : std::string("none")) + "}";
}

void CheckValue(const DateValue& v, const std::string& context) {
  const std::string what = context + "value " + Show(v) + ": ";
  FUZZ_CHECK(v.year >= 0 && v.year <= 9999, what + "year out of range");
  FUZZ_CHECK(v.month >= 0 && v.month <= 12, what + "month out of range");
  FUZZ_CHECK(v.year != 0 || v.month != 0, what + "neither a year nor a month");
  if (v.day != 0) {
    FUZZ_CHECK(v.month != 0, what + "a day with no month");
    FUZZ_CHECK(v.day >= 1 && v.day <= DaysIn(v.month, v.year), what + "no such day");
  } else {
    FUZZ_CHECK(v.year != 0, what + "a month alone");
  }
  if (v.hour >= 0) {
    FUZZ_CHECK(v.day != 0 && v.year != 0, what + "a time without a full date");
    FUZZ_CHECK(v.hour <= 24 && v.minute >= 0 && v.minute <= 59, what + "bad hour or minute");
    FUZZ_CHECK(v.second >= -1 && v.second <= 60, what + "bad second");
  } else {
    FUZZ_CHECK(v.hour == -1 && v.minute == -1 && v.second == -1, what + "minutes without hours");
    FUZZ_CHECK(!v.has_zone, what + "a zone without a time");
  }
  if (v.has_zone) {
    FUZZ_CHECK(v.zone_minutes >= -18 * 60 && v.zone_minutes <= 18 * 60, what + "bad zone");
  }
  const std::string iso = v.ToIso();
  FUZZ_CHECK(IsIsoDate(iso), what + "ToIso() gave " + Escaped(iso));
}

void CheckOne(std::size_t index, std::string_view text) {
  const DateFinder& finder = Get(index);
  const std::string context =
      "languages " + Join(kLanguageSets[index]) + "\n  input = " + Escaped(text) + "\n  ";

  std::vector<DateMatch> matches(1);  // Find() appends after it
  matches[0].begin = 12345;
  finder.Find(text, &matches);
  FUZZ_CHECK(matches[0].begin == 12345, context + "Find() touched what the vector held");
  matches.erase(matches.begin());

  std::size_t previous_end = 0;
  const DateMatch* longest = nullptr;
  for (const DateMatch& m : matches) {
    const std::string where =
        context + "match [" + std::to_string(m.begin) + ", " + std::to_string(m.end) + "): ";
    FUZZ_CHECK(m.begin < m.end && m.end <= text.size(), where + "out of bounds");
    FUZZ_CHECK(m.begin >= previous_end, where + "overlaps or precedes the match before it");
    previous_end = m.end;
    CheckValue(m.value, where);
    if (longest == nullptr || m.end - m.begin > longest->end - longest->begin) longest = &m;

    const std::string_view matched = text.substr(m.begin, m.end - m.begin);
    const std::optional<DateMatch> alone = finder.Parse(matched);
    if (alone) {
      FUZZ_CHECK(alone->begin == 0 && alone->end == matched.size() && alone->value == m.value,
                 where + Escaped(matched) + " alone reads as [" + std::to_string(alone->begin) +
                     ", " + std::to_string(alone->end) + ") " + alone->value.ToIso() +
                     ", in its text as " + m.value.ToIso());
    }
  }

  const std::optional<DateMatch> parsed = finder.Parse(text);
  FUZZ_CHECK(parsed.has_value() == (longest != nullptr),
             context + "Parse() and Find() disagree on whether there is a date");
  if (parsed) {
    FUZZ_CHECK(parsed->end - parsed->begin == longest->end - longest->begin &&
                   parsed->value.ToIso() == longest->value.ToIso(),
               context + "Parse() is not the longest match");
  }
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  normkit::fuzz::CheckOne(data[0] % normkit::fuzz::kLanguageSets.size(), text);
  return 0;
}
