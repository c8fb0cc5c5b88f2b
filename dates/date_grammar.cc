// The grammar of dates (date_grammar.h): one method a shape of date, each
// reading tokens from a given one and telling how far the date reaches;
// DateAt() takes the longest.
#include "date_grammar.h"

#include <algorithm>

namespace normkit::internal {
namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year != 0 && !IsLeap(year)) return 28;
  return kDays[month - 1];
}

// A day as a number ("20", "20th", "20-го") or as words ("двадцатое").
struct DayRead {
  int day = 0;
  bool ordinal = false;  // with an ordinal ending or as a word
  int language = -1;     // of a day written as words
};

class Matcher {
 public:
  explicit Matcher(const Stretch& s)
      : t_(s.tokens),
        n_(s.size),
        allowed_(*s.allowed),
        languages_(*s.languages),
        default_order_(s.numeric_order),
        text_(s.text) {}

  bool At(std::size_t i, Found* best, std::size_t* impossible) const {
    impossible_ = 0;
    // Every form below begins with a number or with a word of the lexicon
    // (a weekday, a month, a day as words): nothing else is worth reading.
    if (!Is(i, Token::kNumber) && !(Is(i, Token::kWord) && t_[i].entries.size != 0)) {
      *impossible = 0;
      return false;
    }
    bool any = false;
    Found f;
    auto take = [&](const Found& candidate) {
      if (!any || candidate.end > best->end) *best = candidate;
      any = true;
    };
    if (DayMonth(i, &f)) take(f);
    if (RangeStart(i, &f)) take(f);
    if (MonthDay(i, &f)) take(f);
    if (MonthYear(i, &f)) take(f);
    if (YearFirst(i, &f)) take(f);
    if (Numeric(i, &f)) take(f);
    if (Iso(i, &f)) take(f);
    if (!any && YearWord(i, &f)) take(f);
    *impossible = any ? 0 : impossible_;
    return any;
  }

 private:
  bool Is(std::size_t i, Token::Kind kind) const { return i < n_ && t_[i].kind == kind; }
  bool Punct(std::size_t i, char c) const { return Is(i, Token::kPunct) && t_[i].punct == c; }
  // Token i follows token i - 1 with no space, and that one is of `kind`.
  // (The first token's own `glued` is not to be read: a stretch may begin
  // inside a run of text.)
  bool GluedTo(std::size_t i, Token::Kind kind) const {
    return i > 0 && i < n_ && t_[i].glued && t_[i - 1].kind == kind;
  }

  // The first entry of `kind` that the options allow.
  const DateWordEntry* Word(std::size_t i, DateWord kind) const {
    if (!Is(i, Token::kWord)) return nullptr;
    for (const DateWordEntry& e : t_[i].entries) {
      if (e.kind != kind) continue;
      if (e.language != kAnyLanguage && !allowed_[e.language]) continue;
      if (e.capitalized_only && !t_[i].capitalized) continue;
      return &e;
    }
    return nullptr;
  }

  // Whether token i is a word of `kind` in `language` (or in every one).
  bool WordIn(std::size_t i, DateWord kind, int language) const {
    if (!Is(i, Token::kWord)) return false;
    for (const DateWordEntry& e : t_[i].entries) {
      if (e.kind == kind && (e.language == kAnyLanguage || e.language == language)) return true;
    }
    return false;
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // A month name, and the dot after a shortened one ("сент."); a dot after
  // a whole name belongs to the date only when a year follows it ("октября.
  // 2022", "08.Haziran.2014": see YearAfterMonth), else it ends a sentence
  // ("встреча 9 октября."). After a weekday
  // (token `weekday`), the month must be in one of the weekday's languages,
  // which also tells the language: "fredag, 3 september" is Danish.
  const DateWordEntry* Month(std::size_t i, int* month, int* language, std::size_t* next,
                             std::size_t weekday = kNone) const {
    if (!Is(i, Token::kWord)) return nullptr;
    const DateWordEntry* e = nullptr;
    for (const DateWordEntry& candidate : t_[i].entries) {
      if (candidate.kind != DateWord::kMonth || !allowed_[candidate.language]) continue;
      if (candidate.capitalized_only && !t_[i].capitalized) continue;
      if (weekday != kNone && !WordIn(weekday, DateWord::kWeekday, candidate.language)) continue;
      e = &candidate;
      break;
    }
    if (e == nullptr) return nullptr;
    *month = e->value;
    *language = e->language;
    *next = i + 1;
    if (e->abbreviation && Punct(*next, '.') && t_[*next].glued) ++*next;
    return e;
  }

  // A day number 1..31, with what may stick to it: "20.", "20th", "1er",
  // "20-го"; not a share ("20%"). With `words`, also a day written as an
  // ordinal word, after a tens word or not: "первое", "двадцать первого".
  bool Day(std::size_t i, DayRead* d, std::size_t* next, bool words = false) const {
    if (words && Is(i, Token::kWord)) {
      if (const DateWordEntry* tens = Word(i, DateWord::kDayTens)) {
        const DateWordEntry* unit = Word(i + 1, DateWord::kDay);
        if (unit == nullptr || unit->value > 9 || unit->language != tens->language) return false;
        *d = {tens->value + unit->value, true, unit->language};
        *next = i + 2;
        return true;
      }
      const DateWordEntry* e = Word(i, DateWord::kDay);
      if (e == nullptr) return false;
      *d = {e->value, true, e->language};
      *next = i + 1;
      return true;
    }
    if (!Is(i, Token::kNumber) || t_[i].digits > 2 || t_[i].value < 1 || t_[i].value > 31) {
      return false;
    }
    if (Punct(i + 1, '%')) return false;
    *d = {t_[i].value, false, -1};
    std::size_t j = i + 1;
    if (Word(j, DateWord::kOrdinal) && t_[j].glued) {
      ++j;
      d->ordinal = true;
    } else if (Punct(j, '-') && t_[j].glued && Word(j + 1, DateWord::kOrdinal) && t_[j + 1].glued) {
      j += 2;
      d->ordinal = true;
    } else if (Punct(j, '.') && t_[j].glued && !Is(j + 1, Token::kNumber)) {
      ++j;
    }
    *next = j;
    return true;
  }

  bool Year(std::size_t i, int* year, std::size_t* next, bool* marked) const {
    if (!Is(i, Token::kNumber) || t_[i].digits != 4 || t_[i].value < 1000 || t_[i].value > 2999) {
      return false;
    }
    // Not a year inside a longer number ("1,700,000", "20-2022", "№ 2022"),
    // nor glued to letters ("Windows2000").
    if (i > 0 && t_[i].glued &&
        (t_[i - 1].kind == Token::kNumber || t_[i - 1].kind == Token::kWord || Punct(i - 1, ',') ||
         Punct(i - 1, '-'))) {
      return false;
    }
    if (Is(i + 1, Token::kNumber) && t_[i + 1].glued) return false;
    *year = t_[i].value;
    std::size_t j = i + 1;
    *marked = false;
    // An ordinal ending: "2015-го", Kazakh "1961-інші жылы". It does not
    // make a year by itself ("1000-го клиента").
    if (Punct(j, '-') && t_[j].glued && Word(j + 1, DateWord::kOrdinal) && t_[j + 1].glued) {
      j += 2;
    }
    const DateWordEntry* e = Word(j, DateWord::kYear);
    const bool dot = e != nullptr && e->abbreviation && Punct(j + 1, '.') && t_[j + 1].glued;
    // Glued to the number, a shortened year word needs its dot: "2022г."
    // is a year, "1500р" a price.
    if (e != nullptr && (!e->abbreviation || !t_[j].glued || dot)) {
      *marked = true;
      j += dot ? 2 : 1;
    }
    *next = j;
    return true;
  }

  // a.m. / p.m. / am / pm after a time.
  int AmPm(std::size_t i, std::size_t* next) const {
    if (Word(i, DateWord::kAm)) {
      *next = i + 1;
      return 1;
    }
    if (Word(i, DateWord::kPm)) {
      *next = i + 1;
      return 2;
    }
    // "a.m." comes as a . m .
    if (Is(i, Token::kWord) && Punct(i + 1, '.') && Is(i + 2, Token::kWord) && t_[i + 1].glued &&
        t_[i + 2].glued && t_[i].end - t_[i].begin == 1 && t_[i + 2].end - t_[i + 2].begin == 1) {
      std::size_t j = i + 3;
      if (Punct(j, '.') && t_[j].glued) ++j;
      *next = j;
      return 0;  // resolved by the caller from the letters
    }
    return -1;
  }

  // H:MM[:SS] [am|pm] [zone], glued around the colons.
  bool Time(std::size_t i, DateValue* v, std::size_t* next) const {
    if (!Is(i, Token::kNumber) || t_[i].digits > 2 || !Punct(i + 1, ':') || !t_[i + 1].glued ||
        !Is(i + 2, Token::kNumber) || !t_[i + 2].glued || t_[i + 2].digits != 2) {
      return false;
    }
    int hour = t_[i].value, minute = t_[i + 2].value, second = -1;
    std::size_t j = i + 3;
    if (Punct(j, ':') && t_[j].glued && Is(j + 1, Token::kNumber) && t_[j + 1].glued &&
        t_[j + 1].digits == 2) {
      second = t_[j + 1].value;
      j += 2;
    }
    std::size_t after_ampm;
    int ampm = AmPm(j, &after_ampm);
    if (ampm == 0) {
      const char letter = static_cast<char>(text_[t_[j].begin] | 0x20);
      ampm = letter == 'a' ? 1 : letter == 'p' ? 2 : -1;
      if (static_cast<char>(text_[t_[j + 2].begin] | 0x20) != 'm') ampm = -1;
    }
    if (ampm > 0) {
      if (hour < 1 || hour > 12) return false;
      hour = hour % 12 + (ampm == 2 ? 12 : 0);
      j = after_ampm;
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    v->hour = hour;
    v->minute = minute;
    v->second = second;
    Zone(j, v, &j);
    *next = j;
    return true;
  }

  // Z, GMT, UTC, +0300, +03:00, -05:00.
  void Zone(std::size_t i, DateValue* v, std::size_t* next) const {
    *next = i;
    if (const DateWordEntry* e = Word(i, DateWord::kZone)) {
      v->has_zone = true;
      v->zone_minutes = e->zone_minutes;
      *next = i + 1;
      return;
    }
    if ((Punct(i, '+') || Punct(i, '-')) && Is(i + 1, Token::kNumber) && t_[i + 1].glued) {
      const int sign = Punct(i, '+') ? 1 : -1;
      int hours = -1, minutes = 0;
      std::size_t j = i + 2;
      if (t_[i + 1].digits == 4) {
        hours = t_[i + 1].value / 100;
        minutes = t_[i + 1].value % 100;
      } else if (t_[i + 1].digits == 2 && Punct(j, ':') && t_[j].glued &&
                 Is(j + 1, Token::kNumber) && t_[j + 1].digits == 2) {
        hours = t_[i + 1].value;
        minutes = t_[j + 1].value;
        j += 2;
      }
      if (hours >= 0 && hours <= 14 && minutes < 60) {
        v->has_zone = true;
        v->zone_minutes = sign * (hours * 60 + minutes);
        *next = j;
      }
    }
  }

  // After a full date: separators (",", ",,", "|", "-" between spaces), a
  // time word or two ("в", "alle ore"), a time. Only taken when a time
  // follows.
  void TrailingTime(std::size_t i, DateValue* v, std::size_t* next) const {
    std::size_t j = i;
    while (Punct(j, ',') || Punct(j, '|') || (Punct(j, '-') && !t_[j].glued)) ++j;
    for (int words = 0; words < 2 && Word(j, DateWord::kTime); ++words) ++j;
    DateValue with_time = *v;
    std::size_t end;
    if (Time(j, &with_time, &end)) {
      *v = with_time;
      *next = end;
    } else {
      *next = i;
    }
  }

  // Whether the date exists; if not, remembers how far the pattern reached.
  bool Valid(const DateValue& v, std::size_t end) const {
    const bool valid = v.month >= 1 && v.month <= 12 &&
                       (v.day == 0 || (v.day >= 1 && v.day <= DaysIn(v.month, v.year)));
    if (!valid) impossible_ = std::max(impossible_, end);
    return valid;
  }

  // Valid() for a date whose text writes the day as a number of its own
  // (02.11.2021, 2022-06-20): there a day of 0 is an impossible date, not a
  // month and year ("07/00/2015 | 22:34" is no date, not July 2015 with a
  // time).
  bool ValidWrittenDay(const DateValue& v, std::size_t end) const {
    if (v.day == 0) {
      impossible_ = std::max(impossible_, end);
      return false;
    }
    return Valid(v, end);
  }

  std::size_t SkipWeekday(std::size_t i) const {
    if (!Word(i, DateWord::kWeekday)) return i;
    std::size_t j = i + 1;
    if (Punct(j, '.') && t_[j].glued) ++j;
    if (Punct(j, ',')) ++j;
    return j;
  }

  std::size_t SkipConnector(std::size_t i) const {
    return Word(i, DateWord::kConnector) ? i + 1 : i;
  }

  // A year after a day and month: "2022", "2022 г.", and "в 1989 году" (a
  // time word, then a year that a year word marks).
  bool YearAfter(std::size_t i, int* year, std::size_t* next) const {
    bool marked;
    if (Year(i, year, next, &marked)) return true;
    int y;
    std::size_t j;
    if (Word(i, DateWord::kTime) && Year(i + 1, &y, &j, &marked) && marked) {
      *year = y;
      *next = j;
      return true;
    }
    return false;
  }

  // A year after a month name that ended at i: YearAfter, also past a dot
  // that the name left ("октября. 2022").
  bool YearAfterMonth(std::size_t i, int* year, std::size_t* next) const {
    if (YearAfter(SkipConnector(i), year, next)) return true;
    return Punct(i, '.') && t_[i].glued && YearAfter(i + 1, year, next);
  }

  // [weekday,] 20 [of] June [2022 [г.]] [, 14:01]; первое мая
  bool DayMonth(std::size_t i, Found* f) const {
    std::size_t j = SkipWeekday(i);
    const bool weekday = j != i;
    const std::size_t day_at = j;
    DateValue v;
    DayRead d;
    if (!Day(j, &d, &j, /*words=*/true)) return false;
    v.day = d.day;
    if (GluedTo(day_at, Token::kWord)) return false;  // "PS5 мая"
    j = SkipConnector(j);
    int language;
    const std::size_t month_at = j;
    const DateWordEntry* month = Month(j, &v.month, &language, &j, weekday ? i : kNone);
    if (month == nullptr) return false;
    if (GluedTo(month_at, Token::kNumber)) return false;  // "5pro"
    if (d.language >= 0 && d.language != language) return false;
    std::size_t k;
    if (YearAfterMonth(j, &v.year, &k)) {
      j = k;
      TrailingTime(j, &v, &j);
    }
    if (month->weak && v.year == 0) return false;
    if (!Valid(v, j)) return false;
    *f = {j, v, language};
    return true;
  }

  // A hyphen or a dash (– —).
  bool Dash(std::size_t i) const {
    if (Punct(i, '-')) return true;
    if (!Is(i, Token::kPunct) || t_[i].end - t_[i].begin != 3) return false;
    const std::string_view d = text_.substr(t_[i].begin, 3);
    return d == "\u2013" || d == "\u2014";
  }

  // The first day of a range whose month comes with the last one: "с 5 по
  // 10 июня", "5–10 июня 2022": the 5th, of the month (and year) of the
  // 10th. The range itself is two dates, each found on its own.
  bool RangeStart(std::size_t i, Found* f) const {
    DayRead d;
    std::size_t j;
    if (!Day(i, &d, &j) || GluedTo(i, Token::kWord)) return false;
    std::size_t k = j;
    if (Word(k, DateWord::kRange) || Dash(k)) {
      ++k;
    } else {
      return false;
    }
    Found last;
    if (!DayMonth(k, &last) || last.value.day <= d.day) return false;
    DateValue v;
    v.day = d.day;
    v.month = last.value.month;
    v.year = last.value.year;
    *f = {j, v, last.language};
    return true;
  }

  // [weekday,] June 20[th][,] [2022] [2:01 PM]: where the language puts the
  // month first, or with an ordinal day (қыркүйектің 11-і), or with a year
  // after the day ("Авг 26, 2015", as sites write in any language). Not
  // "в конце июня 10 млн".
  bool MonthDay(std::size_t i, Found* f) const {
    std::size_t j = SkipWeekday(i);
    const bool weekday = j != i;
    DateValue v;
    int language;
    const DateWordEntry* month = Month(j, &v.month, &language, &j, weekday ? i : kNone);
    if (month == nullptr) return false;
    const std::size_t day_at = j;
    DayRead d;
    if (!Day(j, &d, &j)) return false;
    v.day = d.day;
    if (GluedTo(day_at, Token::kWord)) return false;  // "May23"
    // "июня 2022" is not June 20: a day must not be the start of a year.
    std::size_t k = j;
    if (Punct(k, ',')) ++k;
    bool marked;
    const bool year = Year(k, &v.year, &k, &marked);
    if (!year && !d.ordinal && !languages_[language].month_first) return false;
    if (year) {
      j = k;
      TrailingTime(j, &v, &j);
    }
    if (month->weak && v.year == 0) return false;
    if (!Valid(v, j)) return false;
    *f = {j, v, language};
    return true;
  }

  // June 2022, май 2017 г., в июне 2022 года
  bool MonthYear(std::size_t i, Found* f) const {
    DateValue v;
    int language;
    std::size_t j;
    const DateWordEntry* month = Month(i, &v.month, &language, &j);
    if (month == nullptr || month->weak) return false;
    bool marked;
    std::size_t k = SkipConnector(j);
    if (!Year(k, &v.year, &k, &marked) &&
        !(Punct(j, '.') && t_[j].glued && Year(j + 1, &v.year, &k, &marked))) {
      return false;
    }
    j = k;
    *f = {j, v, language};
    return true;
  }

  // 2022 жылғы 20 маусым, 2022. június 20.
  bool YearFirst(std::size_t i, Found* f) const {
    DateValue v;
    std::size_t j;
    bool marked;
    if (!Year(i, &v.year, &j, &marked)) return false;
    if (Punct(j, '.') && t_[j].glued) ++j;
    if (Punct(j, ',')) ++j;
    int language;
    std::size_t k = j;
    DayRead d;
    const DateWordEntry* month = nullptr;
    if (Day(k, &d, &k) && (month = Month(k, &v.month, &language, &k))) {
      v.day = d.day;
      j = k;
    } else if ((month = Month(j, &v.month, &language, &k))) {
      j = k;
      if (Day(j, &d, &k)) {
        v.day = d.day;
        j = k;
      }
    } else {
      return false;
    }
    if (month->weak && v.day == 0) return false;
    TrailingTime(j, &v, &j);
    if (!Valid(v, j)) return false;
    *f = {j, v, language};
    return true;
  }

  // 2022 год, 2014 г
  bool YearWord(std::size_t i, Found* f) const {
    DateValue v;
    std::size_t j;
    bool marked;
    if (!Year(i, &v.year, &j, &marked) || !marked) return false;
    *f = {j, v, -1};
    return true;
  }

  // A number that is part of a longer numeric run: "1.2.3.4", "10:20".
  bool GluedToNumber(std::size_t before, std::size_t after) const {
    if (before < n_ && t_[before + 1].glued &&
        (t_[before].kind == Token::kNumber || t_[before].punct == '.' || t_[before].punct == '/' ||
         t_[before].punct == '-' || t_[before].punct == ':')) {
      return true;
    }
    if (after < n_ && t_[after].glued &&
        (t_[after].kind == Token::kNumber ||
         ((t_[after].punct == '.' || t_[after].punct == '/' || t_[after].punct == '-') &&
          after + 1 < n_ && t_[after + 1].kind == Token::kNumber && t_[after + 1].glued))) {
      return true;
    }
    return false;
  }

  // 02.11.2021 [18:45], 27. 05.99, 11/02/2021, 20-06-2022
  bool Numeric(std::size_t i, Found* f) const {
    if (!Is(i, Token::kNumber) || t_[i].digits > 2) return false;
    if (!(Punct(i + 1, '.') || Punct(i + 1, '/') || Punct(i + 1, '-')) || !t_[i + 1].glued) {
      return false;
    }
    const char separator = t_[i + 1].punct;
    // "27. 05.99": a space may follow a dot.
    if (!Is(i + 2, Token::kNumber) || t_[i + 2].digits > 2 ||
        (!t_[i + 2].glued && separator != '.')) {
      return false;
    }
    if (!Punct(i + 3, separator) || !t_[i + 3].glued || !Is(i + 4, Token::kNumber) ||
        !t_[i + 4].glued || (t_[i + 4].digits != 2 && t_[i + 4].digits != 4)) {
      return false;
    }
    if (GluedToNumber(i == 0 ? n_ : i - 1, i + 5)) return false;
    DateValue v;
    int first = t_[i].value, second = t_[i + 2].value;
    const bool month_first = separator == '/' && default_order_ == NumericOrder::kMonthDayYear;
    v.day = month_first ? second : first;
    v.month = month_first ? first : second;
    v.year = t_[i + 4].value;
    if (t_[i + 4].digits == 2) v.year += v.year < 50 ? 2000 : 1900;
    std::size_t j = i + 5;
    TrailingTime(j, &v, &j);
    if (!ValidWrittenDay(v, j)) return false;
    *f = {j, v, -1};
    return true;
  }

  // 2022-06-20, 2022-06-20T14:01:00+03:00, 2022/06/20 14:01
  bool Iso(std::size_t i, Found* f) const {
    if (!Is(i, Token::kNumber) || t_[i].digits != 4) return false;
    if (!(Punct(i + 1, '-') || Punct(i + 1, '/')) || !t_[i + 1].glued) return false;
    const char separator = t_[i + 1].punct;
    if (!Is(i + 2, Token::kNumber) || !t_[i + 2].glued || t_[i + 2].digits > 2 ||
        !Punct(i + 3, separator) || !t_[i + 3].glued || !Is(i + 4, Token::kNumber) ||
        !t_[i + 4].glued || t_[i + 4].digits > 2) {
      return false;
    }
    if (GluedToNumber(i == 0 ? n_ : i - 1, n_)) return false;
    DateValue v;
    v.year = t_[i].value;
    v.month = t_[i + 2].value;
    v.day = t_[i + 4].value;
    if (v.year < 1000) return false;
    std::size_t j = i + 5;
    // The day may carry the "T" of a time: "20T14" reads as 20, T, 14.
    if (Is(j, Token::kWord) && t_[j].glued && t_[j].end - t_[j].begin == 1 &&
        (text_[t_[j].begin] | 0x20) == 't') {
      DateValue with_time = v;
      std::size_t end;
      if (Time(j + 1, &with_time, &end) && t_[j + 1].glued) {
        v = with_time;
        j = end;
      }
    } else {
      TrailingTime(j, &v, &j);
    }
    if (!ValidWrittenDay(v, j)) return false;
    *f = {j, v, -1};
    return true;
  }

  const Token* t_;
  std::size_t n_;
  const std::vector<char>& allowed_;
  const std::vector<DateLanguage>& languages_;
  NumericOrder default_order_;
  std::string_view text_;
  mutable std::size_t impossible_ = 0;
};

}  // namespace

bool DateAt(const Stretch& stretch, std::size_t i, Found* best, std::size_t* impossible) {
  return Matcher(stretch).At(i, best, impossible);
}

}  // namespace normkit::internal
