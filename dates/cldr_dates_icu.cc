// Reads CLDR's date names from ICU (cldr_dates.h): compiled into the build
// step that writes the table (cldr_dates_gen.cc) and into the test that
// compares the table with ICU, not into the library.
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <set>

#include "cldr_dates.h"

namespace normkit::internal {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

NumericOrder OrderOf(const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return NumericOrder::kDayMonthYear;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  const int32_t d = pattern.indexOf(u'd'), m = pattern.indexOf(u'M'), y = pattern.indexOf(u'y');
  if (y >= 0 && (d < 0 || y < d) && (m < 0 || y < m)) return NumericOrder::kYearMonthDay;
  if (m >= 0 && d >= 0 && m < d) return NumericOrder::kMonthDayYear;
  return NumericOrder::kDayMonthYear;
}

// Whether the long date pattern names the month before the day: "MMMM d,
// y" (en), "y. MMMM d." (hu); not "d MMMM y".
bool MonthFirst(const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return false;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  const int32_t d = pattern.indexOf(u'd'), m = pattern.indexOf(u'M');
  return m >= 0 && d >= 0 && m < d;
}

// The words that the long date-and-time pattern puts between the date and
// the time: fr "d MMMM y 'à' HH:mm" gives "à", it "'alle' 'ore'" gives
// "alle" and "ore", el "στις". A pattern with the time first gives none.
std::vector<std::string> TimeWords(const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateTimeInstance(
      icu::DateFormat::kLong, icu::DateFormat::kShort, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return {};
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  // Walk the pattern: quoted text is literal, unquoted ASCII letters are
  // fields, anything else is literal.
  icu::UnicodeString between;  // the literal text since the last date field
  bool quoted = false, date_seen = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern[i];
    if (c == u'\'') {
      if (i + 1 < pattern.length() && pattern[i + 1] == u'\'') {
        between += c;
        ++i;
      } else {
        quoted = !quoted;
        between += u' ';
      }
      continue;
    }
    const bool field = !quoted && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'));
    if (!field) {
      between += c;
      continue;
    }
    if (c == u'H' || c == u'h' || c == u'k' || c == u'K') break;
    if (c == u'y' || c == u'M' || c == u'L' || c == u'd') {
      date_seen = true;
      between.remove();
    }
  }
  std::vector<std::string> words;
  if (!date_seen) return words;
  std::string text = Utf8(between), folded;
  std::string word;
  auto flush = [&] {
    FoldWord(word, &folded);
    if (!folded.empty()) words.push_back(folded);
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0 && u_isalpha(c)) {
      char buffer[4];
      std::size_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, c);
      word.append(buffer, n);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

std::vector<std::string> ReadCldrCodes() {
  // Cheap: no locale data is read.
  std::vector<std::string> out;
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  std::set<std::string> seen;
  for (int32_t i = 0; i < count; ++i) {
    const std::string code = locales[i].getLanguage();
    if (!code.empty() && seen.insert(code).second) out.push_back(code);
  }
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    const int pa = LanguagePreference(a), pb = LanguagePreference(b);
    return pa != pb ? pa < pb : a < b;
  });
  return out;
}

std::optional<CldrLanguage> ReadCldrLanguage(const std::string& code) {
  const icu::Locale locale(code.c_str());
  UErrorCode ec = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(locale, ec);
  if (U_FAILURE(ec)) return std::nullopt;
  CldrLanguage language{code, OrderOf(locale), MonthFirst(locale), {}, {}, TimeWords(locale)};
  using Symbols = icu::DateFormatSymbols;
  for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
    for (auto width : {Symbols::WIDE, Symbols::ABBREVIATED}) {
      const bool abbreviated = width == Symbols::ABBREVIATED;
      auto add = [&](const icu::UnicodeString& name, std::vector<CldrForm>* forms) {
        const std::string utf8 = Utf8(name);
        std::string folded;
        FoldWord(utf8, &folded);
        if (!folded.empty()) forms->push_back({folded, abbreviated, utf8.ends_with('.')});
      };
      int32_t n = 0;
      const icu::UnicodeString* months = symbols.getMonths(n, context, width);
      for (int32_t m = 0; m < n && m < 12; ++m) add(months[m], &language.months[m]);
      const icu::UnicodeString* days = symbols.getWeekdays(n, context, width);
      // ICU counts from 1, Sunday first.
      for (int32_t d = 1; d < n && d <= 7; ++d) {
        add(days[d], &language.weekdays[d == 1 ? 6 : d - 2]);
      }
    }
  }
  return language;
}

}  // namespace normkit::internal
