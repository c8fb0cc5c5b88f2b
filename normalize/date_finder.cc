#include "normkit/date_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "date_lexicon.h"

namespace normkit {
namespace {

using internal::DateLexicon;
using internal::DateWord;
using internal::DateWordEntry;
using internal::NumericOrder;

constexpr std::uint16_t kAnyLanguage = 0xFFFF;

struct Token {
  enum Kind : std::uint8_t { kNumber, kWord, kPunct };
  Kind kind = kPunct;
  bool glued = false;        // no space between this token and the one before
  bool capitalized = false;  // a word whose first letter is a capital
  std::uint8_t digits = 0;
  char punct = 0;            // ASCII punctuation; 0 for any other symbol
  int value = 0;
  std::size_t begin = 0, end = 0;
  internal::DateWordEntries entries;  // a word's meanings, if it has any
};

bool IsDigit(unsigned char b) { return b >= '0' && b <= '9'; }

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year != 0 && !IsLeap(year)) return 28;
  return kDays[month - 1];
}

// The first ASCII digit at or after i, or n.
std::size_t NextDigit(const unsigned char* s, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  for (; i + 16 <= n; i += 16) {
    const __m128i x =
        _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)), zero);
    const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, nine), x));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !IsDigit(s[i])) ++i;
  return i;
}

// Appends code point c as UTF-8 to out[*n], if it fits in `cap`.
inline bool PutUtf8(UChar32 c, char* out, std::size_t* n, std::size_t cap) {
  char buffer[4];
  std::size_t k = 0;
  U8_APPEND_UNSAFE(buffer, k, c);
  if (*n + k > cap) return false;
  std::memcpy(out + *n, buffer, k);
  *n += k;
  return true;
}

// Splits stretches of one line into numbers, words and punctuation, and
// looks each word up (lower-cased as the lexicon stores them).
class Tokenizer {
 public:
  Tokenizer(std::string_view text, const DateLexicon& lexicon)
      : s_(reinterpret_cast<const unsigned char*>(text.data())),
        lexicon_(lexicon),
        small_(internal::SmallCodePoints()),
        max_word_(std::min<std::size_t>(lexicon.max_word_bytes(), kFoldBytes)) {}

  // Appends the tokens of [from, to), read as if a space came before `from`.
  void Run(std::size_t from, std::size_t to, std::vector<Token>* tokens) const {
    bool space = true;
    std::size_t i = from;
    while (i < to) {
      const unsigned char b = s_[i];
      if (b == ' ' || b == '\t' || b == '\r') {
        space = true;
        ++i;
        continue;
      }
      Token t;
      t.glued = !space;
      t.begin = i;
      space = false;
      if (IsDigit(b)) {
        t.kind = Token::kNumber;
        std::size_t j = i;
        long value = 0;
        while (j < to && IsDigit(s_[j])) {
          if (value < 100000) value = value * 10 + (s_[j] - '0');
          ++j;
        }
        t.value = static_cast<int>(value);
        t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255));
        t.end = j;
        i = j;
        tokens->push_back(t);
        continue;
      }
      // A word: letters and marks, lower-cased into `folded` on the way.
      char folded[kFoldBytes];
      std::size_t folded_size = 0;
      bool fits = true;
      std::size_t j = i;
      while (j < to) {
        UChar32 c;
        std::size_t k = j;
        std::uint8_t flags;
        UChar32 lower;
        const unsigned char c0 = s_[j];
        if (c0 < 0x80 || (c0 >= 0xC2 && c0 <= 0xDF && j + 1 < to && (s_[j + 1] & 0xC0) == 0x80)) {
          if (c0 < 0x80) {
            c = c0;
            k = j + 1;
          } else {
            c = ((c0 & 0x1F) << 6) | (s_[j + 1] & 0x3F);
            k = j + 2;
          }
          const internal::SmallCodePoint& p = small_[c];
          flags = p.flags;
          lower = p.lower == internal::kBigLower ? u_tolower(c) : p.lower;
        } else {
          U8_NEXT(s_, k, to, c);
          if (c < 0) break;
          flags = 0;
          if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) flags |= internal::kLetterOrMark;
          if (u_isUWhiteSpace(c)) flags |= internal::kSpace;
          lower = -1;
        }
        if (!(flags & internal::kLetterOrMark)) {
          if (flags & internal::kSpace) {
            if (j == i) {
              space = true;
              i = k;
            }
          }
          break;
        }
        if (j == i) {
          t.capitalized = c < 0x800 ? (flags & internal::kUpper) != 0 : u_isUUppercase(c);
        }
        if (fits) {
          if (lower < 0) lower = u_tolower(c);
          fits = PutUtf8(lower, folded, &folded_size, max_word_);
        }
        j = k;
      }
      if (j > i) {
        t.kind = Token::kWord;
        t.end = j;
        if (fits) t.entries = lexicon_.Find(std::string_view(folded, folded_size));
        i = j;
        tokens->push_back(t);
        continue;
      }
      if (space && t.begin != i) continue;  // a Unicode space was skipped
      // Anything else is one punctuation token (one code point).
      UChar32 c;
      std::size_t k = i;
      U8_NEXT(s_, k, to, c);
      if (k == i) k = i + 1;
      t.kind = Token::kPunct;
      t.punct = c >= 0 && c < 0x80 ? static_cast<char>(c) : 0;
      t.end = k;
      i = k;
      tokens->push_back(t);
    }
  }

 private:
  static constexpr std::size_t kFoldBytes = 128;

  const unsigned char* s_;
  const DateLexicon& lexicon_;
  const internal::SmallCodePoint* small_;
  std::size_t max_word_;
};

// A date found at some token, and how far it reaches.
struct Found {
  std::size_t end = 0;  // one past the last token
  DateValue value;
  int language = -1;    // index in the lexicon, -1 for none
};

class Matcher {
 public:
  Matcher(const Token* tokens, std::size_t n, const std::vector<char>& allowed,
          NumericOrder default_order)
      : t_(tokens), n_(n), allowed_(allowed), default_order_(default_order) {}

  // The longest date that starts at token i. When a day, month and year are
  // there but make no date ("31 февраля"), returns false with *impossible
  // set past them, so that no part of them is read as a date either.
  bool At(std::size_t i, Found* best, std::size_t* impossible) const {
    impossible_ = 0;
    bool any = false;
    Found f;
    auto take = [&](const Found& candidate) {
      if (!any || candidate.end > best->end) *best = candidate;
      any = true;
    };
    if (DayMonth(i, &f)) take(f);
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

  // A month name (and a glued abbreviation dot after it).
  bool Month(std::size_t i, int* month, int* language, std::size_t* next) const {
    const DateWordEntry* e = Word(i, DateWord::kMonth);
    if (e == nullptr) return false;
    *month = e->value;
    *language = e->language == kAnyLanguage ? -1 : e->language;
    *next = i + 1;
    if (Punct(*next, '.') && t_[*next].glued) ++*next;
    return true;
  }

  // A day number 1..31, with what may stick to it: "20.", "20th", "1er",
  // "20-го".
  bool Day(std::size_t i, int* day, std::size_t* next) const {
    if (!Is(i, Token::kNumber) || t_[i].digits > 2 || t_[i].value < 1 || t_[i].value > 31) {
      return false;
    }
    *day = t_[i].value;
    std::size_t j = i + 1;
    if (Word(j, DateWord::kOrdinal) && t_[j].glued) {
      ++j;
    } else if (Punct(j, '-') && t_[j].glued && Word(j + 1, DateWord::kOrdinal) && t_[j + 1].glued) {
      j += 2;
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
    // Not a year inside a longer number ("1,700,000", "20-2022", "№ 2022").
    if (i > 0 && t_[i].glued && (t_[i - 1].kind == Token::kNumber || Punct(i - 1, ',') || Punct(i - 1, '-'))) {
      return false;
    }
    if (Is(i + 1, Token::kNumber) && t_[i + 1].glued) return false;
    *year = t_[i].value;
    std::size_t j = i + 1;
    *marked = false;
    if (Word(j, DateWord::kYear)) {
      *marked = true;
      ++j;
      if (Punct(j, '.') && t_[j].glued) ++j;
    }
    *next = j;
    return true;
  }

  // a.m. / p.m. / am / pm after a time.
  int AmPm(std::size_t i, std::size_t* next) const {
    if (Word(i, DateWord::kAm)) { *next = i + 1; return 1; }
    if (Word(i, DateWord::kPm)) { *next = i + 1; return 2; }
    // "a.m." comes as a . m .
    if (Is(i, Token::kWord) && Punct(i + 1, '.') && Is(i + 2, Token::kWord) &&
        t_[i + 1].glued && t_[i + 2].glued && t_[i].end - t_[i].begin == 1 &&
        t_[i + 2].end - t_[i + 2].begin == 1) {
      std::size_t j = i + 3;
      if (Punct(j, '.') && t_[j].glued) ++j;
      *next = j;
      return 0;  // resolved by the caller from the letters
    }
    return -1;
  }

  // H:MM[:SS] [am|pm] [zone], glued around the colons.
  bool Time(std::size_t i, DateValue* v, std::size_t* next, std::string_view text) const {
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
      const char letter = static_cast<char>(text[t_[j].begin] | 0x20);
      ampm = letter == 'a' ? 1 : letter == 'p' ? 2 : -1;
      if (static_cast<char>(text[t_[j + 2].begin] | 0x20) != 'm') ampm = -1;
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
  // time word, a time. Only taken when a time follows.
  void TrailingTime(std::size_t i, DateValue* v, std::size_t* next, std::string_view text) const {
    std::size_t j = i;
    while (Punct(j, ',') || Punct(j, '|') || (Punct(j, '-') && !t_[j].glued)) ++j;
    if (Word(j, DateWord::kTime)) ++j;
    DateValue with_time = *v;
    std::size_t end;
    if (Time(j, &with_time, &end, text)) {
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

 public:
  std::string_view text;

 private:
  // [weekday,] 20 [of] June [2022 [г.]] [, 14:01]
  bool DayMonth(std::size_t i, Found* f) const {
    std::size_t j = SkipWeekday(i);
    DateValue v;
    if (!Day(j, &v.day, &j)) return false;
    j = SkipConnector(j);
    int language;
    if (!Month(j, &v.month, &language, &j)) return false;
    std::size_t k = SkipConnector(j);
    bool marked;
    if (Year(k, &v.year, &k, &marked)) {
      j = k;
      TrailingTime(j, &v, &j, text);
    }
    if (!Valid(v, j)) return false;
    *f = {j, v, language};
    return true;
  }

  // [weekday,] June 20[th][,] [2022] [2:01 PM]
  bool MonthDay(std::size_t i, Found* f) const {
    std::size_t j = SkipWeekday(i);
    DateValue v;
    int language;
    if (!Month(j, &v.month, &language, &j)) return false;
    if (!Day(j, &v.day, &j)) return false;
    // "июня 2022" is not June 20: a day must not be the start of a year.
    std::size_t k = j;
    if (Punct(k, ',')) ++k;
    bool marked;
    if (Year(k, &v.year, &k, &marked)) {
      j = k;
      TrailingTime(j, &v, &j, text);
    }
    if (!Valid(v, j)) return false;
    *f = {j, v, language};
    return true;
  }

  // June 2022, май 2017 г., в июне 2022 года
  bool MonthYear(std::size_t i, Found* f) const {
    DateValue v;
    int language;
    std::size_t j;
    if (!Month(i, &v.month, &language, &j)) return false;
    j = SkipConnector(j);
    bool marked;
    if (!Year(j, &v.year, &j, &marked)) return false;
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
    if (Day(k, &v.day, &k) && Month(k, &v.month, &language, &k)) {
      j = k;
    } else if (Month(j, &v.month, &language, &k)) {
      j = k;
      if (Day(j, &v.day, &k)) j = k;
    } else {
      return false;
    }
    TrailingTime(j, &v, &j, text);
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
    TrailingTime(j, &v, &j, text);
    if (!Valid(v, j)) return false;
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
        (text[t_[j].begin] | 0x20) == 't') {
      DateValue with_time = v;
      std::size_t end;
      if (Time(j + 1, &with_time, &end, text) && t_[j + 1].glued) {
        v = with_time;
        j = end;
      }
    } else {
      TrailingTime(j, &v, &j, text);
    }
    if (!Valid(v, j)) return false;
    *f = {j, v, -1};
    return true;
  }

  const Token* t_;
  std::size_t n_;
  const std::vector<char>& allowed_;
  NumericOrder default_order_;
  mutable std::size_t impossible_ = 0;
};

}  // namespace

std::string DateValue::ToIso() const {
  char buffer[48];
  std::string out;
  if (year != 0 && month != 0 && day != 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    out = buffer;
  } else if (year != 0 && month != 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
  } else if (year != 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
    return buffer;
  } else if (month != 0 && day != 0) {
    std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, day);
    return buffer;
  } else {
    return "";
  }
  if (hour >= 0 && minute >= 0) {
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d", hour, minute);
    out += buffer;
    if (second >= 0) {
      std::snprintf(buffer, sizeof buffer, ":%02d", second);
      out += buffer;
    }
    if (has_zone) {
      if (zone_minutes == 0) {
        out += 'Z';
      } else {
        const int z = zone_minutes < 0 ? -zone_minutes : zone_minutes;
        std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", zone_minutes < 0 ? '-' : '+', z / 60,
                      z % 60);
        out += buffer;
      }
    }
  }
  return out;
}

struct DateFinder::Impl {
  std::shared_ptr<const DateLexicon> lexicon;
  std::vector<char> allowed;  // per lexicon language
  NumericOrder numeric_order = NumericOrder::kDayMonthYear;

  void Find(std::string_view text, std::vector<DateMatch>* out) const;
};

DateFinder::DateFinder(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<DateFinder> DateFinder::Create(const DateFinderOptions& options) {
  return Create(options, RuleFiles::Embedded());
}

Result<DateFinder> DateFinder::Create(const DateFinderOptions& options,
                                      const RuleFiles& rules) {
  auto lexicon = DateLexicon::Build(rules, options.languages);
  if (!lexicon.ok()) return lexicon.status();
  auto impl = std::make_shared<Impl>();
  impl->lexicon = *lexicon;
  impl->allowed.assign(impl->lexicon->languages().size(), 1);
  if (!options.languages.empty()) {
    // Numbers alone are read in the order of the first language named.
    for (const internal::DateLanguage& l : impl->lexicon->languages()) {
      if (l.code == options.languages.front()) impl->numeric_order = l.order;
    }
  }
  return DateFinder(std::move(impl));
}

// Every date has a digit: a scan for digits finds the places worth a look,
// and only the stretch of the line around each is read into tokens. The
// stretches of neighbouring digits overlap; their tokens are read once and
// kept while the next stretch starts inside them.
void DateFinder::Impl::Find(std::string_view text, std::vector<DateMatch>* out) const {
  constexpr std::size_t kBefore = 48;  // "Wednesday, " and a month before a day
  constexpr std::size_t kAfter = 96;   // "2022 года, в 14:01:00 GMT" after it
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const Tokenizer tokenizer(text, *lexicon);
  std::vector<Token> tokens;
  // tokens holds [cache_from, cache_to) of one line; cache_to follows a
  // space, so that reading on from there gives the tokens a longer read
  // would have given.
  std::size_t cache_from = 0, cache_to = 0;
  bool cached = false;
  std::size_t first = 0;  // the first token at or after the stretch's start
  std::size_t pos = 0;
  while (pos < n) {
    const std::size_t digit = NextDigit(s, pos, n);
    if (digit >= n) break;
    std::size_t run_end = digit;
    while (run_end < n && IsDigit(s[run_end])) ++run_end;
    // Three digits, or more than four, are no part of any date: no day,
    // month, year, time or zone has that many.
    if (run_end - digit == 3 || run_end - digit > 4) {
      pos = run_end;
      continue;
    }
    // The stretch: back to a space (or the line's start), forward to the
    // line's end or kAfter bytes, ending at a space.
    std::size_t from = digit > pos + kBefore ? digit - kBefore : pos;
    for (std::size_t k = digit; k > from; --k) {
      if (s[k - 1] == '\n') {
        from = k;
        break;
      }
    }
    if (from > pos && from < digit && s[from - 1] != '\n' && s[from - 1] != ' ') {
      while (from < digit && s[from] != ' ') ++from;
    }
    std::size_t to = std::min(n, digit + kAfter);
    if (const void* lf = std::memchr(s + digit, '\n', to - digit)) {
      to = static_cast<std::size_t>(static_cast<const unsigned char*>(lf) - s);
    }
    if (to < n && s[to] != '\n') {
      while (to > digit && s[to - 1] != ' ') --to;
      if (to == digit) to = std::min(n, digit + kAfter);
    }
    // Tokens for [from, to): those kept, and the rest read on.
    const bool clean_end = to == n || s[to] == '\n' || s[to - 1] == ' ';
    if (cached && clean_end && from >= cache_from && from <= cache_to) {
      if (to > cache_to) {
        tokenizer.Run(cache_to, to, &tokens);
        cache_to = to;
      }
    } else {
      tokens.clear();
      first = 0;
      tokenizer.Run(from, to, &tokens);
      cache_from = from;
      cache_to = to;
      cached = clean_end;  // a stretch cut inside a word is not read on
    }
    while (first > 0 && tokens[first - 1].begin >= from) --first;
    while (first < tokens.size() && tokens[first].begin < from) ++first;
    if (first > 4096) {  // a long line full of numbers: forget its start
      tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(first));
      first = 0;
      cache_from = from;
    }
    std::size_t last = first;
    while (last < tokens.size() && tokens[last].begin < to) ++last;
    const Token* view = tokens.data() + first;
    const std::size_t count = last - first;

    Matcher matcher(view, count, allowed, numeric_order);
    matcher.text = text;
    bool matched = false;
    std::size_t skip_to = 0;  // past an impossible date: none of it is a date
    for (std::size_t i = 0; i < count && view[i].begin <= digit; ++i) {
      if (i < skip_to) continue;
      Found found;
      std::size_t impossible = 0;
      if (!matcher.At(i, &found, &impossible)) {
        if (impossible > i && view[impossible - 1].end > digit) {
          pos = view[impossible - 1].end;
          matched = true;
          break;
        }
        skip_to = std::max(skip_to, impossible);
        continue;
      }
      const std::size_t end = view[found.end - 1].end;
      if (end <= digit) continue;  // ends before this number: not ours
      DateMatch m;
      m.begin = view[i].begin;
      m.end = end;
      m.value = found.value;
      if (found.language >= 0) m.language = lexicon->languages()[found.language].code;
      out->push_back(std::move(m));
      pos = end;
      matched = true;
      break;
    }
    if (!matched) pos = run_end;
  }
}

void DateFinder::Find(std::string_view text, std::vector<DateMatch>* out) const {
  impl_->Find(text, out);
}

std::optional<DateMatch> DateFinder::Parse(std::string_view line) const {
  std::vector<DateMatch> matches;
  impl_->Find(line, &matches);
  if (matches.empty()) return std::nullopt;
  return *std::max_element(matches.begin(), matches.end(),
                           [](const DateMatch& a, const DateMatch& b) {
                             return a.end - a.begin < b.end - b.begin;
                           });
}

std::vector<std::string> DateFinder::languages() const {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < impl_->lexicon->languages().size(); ++i) {
    if (impl_->allowed[i]) codes.push_back(impl_->lexicon->languages()[i].code);
  }
  return codes;
}

}  // namespace normkit
