#include "normkit/date_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <tmmintrin.h>  // SSSE3, used where the processor has it
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
  if (c < 0x800) {  // most letters: written straight
    if (c < 0x80) {
      if (*n + 1 > cap) return false;
      out[(*n)++] = static_cast<char>(c);
    } else {
      if (*n + 2 > cap) return false;
      out[(*n)++] = static_cast<char>(0xC0 | (c >> 6));
      out[(*n)++] = static_cast<char>(0x80 | (c & 0x3F));
    }
    return true;
  }
  char buffer[4];
  std::size_t k = 0;
  U8_APPEND_UNSAFE(buffer, k, c);
  if (*n + k > cap) return false;
  std::memcpy(out + *n, buffer, k);
  *n += k;
  return true;
}

// A hash of a word's first four bytes as written (16 bits).
inline std::uint32_t PairHash(std::uint32_t bytes) { return (bytes * 0x9E3779B1u) >> 16; }

// A hash of a word's first three letters, lower-cased (16 bits), for the
// filter that finds days written as words.
std::uint32_t PrefixHash(const UChar32 (&letters)[3]) {
  std::uint32_t h = 0x811C9DC5u;
  for (UChar32 c : letters) h = (h ^ static_cast<std::uint32_t>(c)) * 0x01000193u;
  return (h >> 16) ^ (h & 0xFFFF);
}

// A superset of a set of bytes that 16 bytes are tested against at once:
// b is in it when lo[b & 15] & hi[b >> 4] is not 0 (the nibble tables of
// simdjson's character classes). Bytes that share a high nibble share a
// bucket bit; past eight buckets they merge, which only lets more through.
struct ByteSet {
  alignas(16) std::uint8_t lo[16] = {};
  alignas(16) std::uint8_t hi[16] = {};

  explicit ByteSet(const std::vector<unsigned char>& bytes = {}) {
    std::uint16_t lows[16] = {};  // per high nibble, the low nibbles
    for (unsigned char b : bytes) lows[b >> 4] |= std::uint16_t{1} << (b & 15);
    std::vector<std::uint16_t> buckets;
    for (int h = 0; h < 16; ++h) {
      if (lows[h] == 0) continue;
      std::size_t k = std::find(buckets.begin(), buckets.end(), lows[h]) - buckets.begin();
      if (k == buckets.size()) {
        if (buckets.size() < 8) {
          buckets.push_back(lows[h]);
        } else {
          k = 7;
          buckets[7] |= lows[h];
        }
      }
      hi[h] |= static_cast<std::uint8_t>(1u << k);
    }
    for (std::size_t k = 0; k < buckets.size(); ++k) {
      for (int l = 0; l < 16; ++l) {
        if (buckets[k] >> l & 1) lo[l] |= static_cast<std::uint8_t>(1u << k);
      }
    }
  }
  bool Has(unsigned char b) const { return (lo[b & 15] & hi[b >> 4]) != 0; }
};

// Where a day written as words may begin: a byte that comes before a word
// (a space, a line break, the last byte of an opening quote), then the
// first four bytes of one of the days' words (in any case).
struct DayWordFilter {
  ByteSet before, byte1, byte2, byte3, byte4;
  // And exactly, those four bytes together: a bit set over PairHash.
  std::vector<std::uint64_t> pairs;

  bool Pair(const unsigned char* p) const {
    std::uint32_t raw;
    std::memcpy(&raw, p, 4);
    const std::uint32_t r = PairHash(raw);
    return (pairs[r >> 6] >> (r & 63) & 1) != 0;
  }
};

// The first p in (i, n) where s[p - 1], s[p] ... s[p + 3] pass the filter
// and s[p] ... s[p + 3] are the first bytes of a day word; n for none.
std::size_t NextDayCandidateScalar(const unsigned char* s, std::size_t i, std::size_t n,
                                   const DayWordFilter& f) {
  for (; i + 5 <= n; ++i) {
    if (f.before.Has(s[i]) && f.byte1.Has(s[i + 1]) && f.byte2.Has(s[i + 2]) &&
        f.byte3.Has(s[i + 3]) && f.byte4.Has(s[i + 4]) && f.Pair(s + i + 1)) {
      return i + 1;
    }
  }
  return n;
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("ssse3"))) inline __m128i NotIn(__m128i v, const ByteSet& set) {
  const __m128i low_nibbles = _mm_set1_epi8(0x0F);
  const __m128i lo = _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(set.lo)),
                                      _mm_and_si128(v, low_nibbles));
  const __m128i hi = _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(set.hi)),
                                      _mm_and_si128(_mm_srli_epi16(v, 4), low_nibbles));
  return _mm_cmpeq_epi8(_mm_and_si128(lo, hi), _mm_setzero_si128());
}

// NextDayCandidateScalar, 16 places at a time.
__attribute__((target("ssse3"))) std::size_t NextDayCandidateSsse3(const unsigned char* s,
                                                                    std::size_t i, std::size_t n,
                                                                    const DayWordFilter& f) {
  for (; i + 20 <= n; i += 16) {
    auto at = [&](std::size_t k) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + k));
    };
    __m128i miss = NotIn(at(1), f.byte1);
    miss = _mm_or_si128(miss, NotIn(at(0), f.before));
    miss = _mm_or_si128(miss, NotIn(at(2), f.byte2));
    miss = _mm_or_si128(miss, NotIn(at(3), f.byte3));
    miss = _mm_or_si128(miss, NotIn(at(4), f.byte4));
    for (unsigned hits = ~static_cast<unsigned>(_mm_movemask_epi8(miss)) & 0xFFFF; hits != 0;
         hits &= hits - 1) {
      const std::size_t p = i + static_cast<std::size_t>(__builtin_ctz(hits)) + 1;
      if (f.Pair(s + p)) return p;
    }
  }
  return NextDayCandidateScalar(s, i, n, f);
}
#endif

std::size_t NextDayCandidate(const unsigned char* s, std::size_t i, std::size_t n,
                             const DayWordFilter& f) {
#if defined(__x86_64__) || defined(__i386__)
  static const bool ssse3 = __builtin_cpu_supports("ssse3");
  if (ssse3) return NextDayCandidateSsse3(s, i, n, f);
#endif
  return NextDayCandidateScalar(s, i, n, f);
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
  // (Each token is built in place: a copy of one built on the stack cost
  // more than the reading.)
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
      Token& t = tokens->emplace_back();
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
        continue;
      }
      std::size_t skip;
      const std::size_t j = Word(i, to, &t, &skip);
      if (j > i) {
        t.kind = Token::kWord;
        t.end = j;
        i = j;
        continue;
      }
      if (skip > i) {  // a Unicode space
        tokens->pop_back();
        space = true;
        i = skip;
        continue;
      }
      // Anything else is one punctuation token (one code point).
      UChar32 c;
      std::size_t k = i;
      U8_NEXT(s_, k, to, c);
      if (k == i) k = i + 1;
      t.kind = Token::kPunct;
      t.punct = c >= 0 && c < 0x80 ? static_cast<char>(c) : 0;
      t.end = k;
      i = k;
    }
  }

  // The word at i (before `to`): its end (i for none), whether its first
  // letter is a capital, and its lexicon entries in t. When a Unicode space
  // is at i, *skip is past it (else i).
  std::size_t Word(std::size_t i, std::size_t to, Token* t, std::size_t* skip) const {
    char folded[kFoldBytes];
    std::size_t folded_size = 0;
    bool fits = true;
    std::size_t j = i;
    *skip = i;
    while (j < to) {
      Letter l;
      if (!Decode(j, to, &l)) break;
      if (!(l.flags & internal::kLetterOrMark)) {
        // An apostrophe between letters: п'ятниця, пʼятниця.
        Letter next;
        if (j > i && internal::IsApostrophe(l.c) && Decode(l.end, to, &next) &&
            (next.flags & internal::kLetterOrMark)) {
          l.lower = internal::kApostrophe;
        } else {
          if ((l.flags & internal::kSpace) && j == i) *skip = l.end;
          break;
        }
      }
      if (j == i) t->capitalized = (l.flags & internal::kUpper) != 0;
      if (fits) fits = PutUtf8(l.lower, folded, &folded_size, max_word_);
      j = l.end;
    }
    if (j > i && fits) t->entries = lexicon_.Find(std::string_view(folded, folded_size));
    return j;
  }

  // PrefixHash of the word at i, or -1 when fewer than three letters are
  // there.
  int Prefix(std::size_t i, std::size_t to) const {
    UChar32 letters[3];
    for (int k = 0; k < 3; ++k) {
      Letter l;
      if (!Decode(i, to, &l)) return -1;
      if (!(l.flags & internal::kLetterOrMark)) {
        Letter next;  // an apostrophe between letters, as Word reads it
        if (k == 0 || !internal::IsApostrophe(l.c) || !Decode(l.end, to, &next) ||
            !(next.flags & internal::kLetterOrMark)) {
          return -1;
        }
        l.lower = internal::kApostrophe;
      }
      letters[k] = l.lower;
      i = l.end;
    }
    return static_cast<int>(PrefixHash(letters));
  }

 private:
  static constexpr std::size_t kFoldBytes = 128;

  struct Letter {
    UChar32 c;
    UChar32 lower;
    std::uint8_t flags;
    std::size_t end;
  };

  // The code point at j: false for an invalid sequence.
  bool Decode(std::size_t j, std::size_t to, Letter* l) const {
    if (j >= to) return false;
    const unsigned char c0 = s_[j];
    if (c0 < 0x80 || (c0 >= 0xC2 && c0 <= 0xDF && j + 1 < to && (s_[j + 1] & 0xC0) == 0x80)) {
      if (c0 < 0x80) {
        l->c = c0;
        l->end = j + 1;
      } else {
        l->c = ((c0 & 0x1F) << 6) | (s_[j + 1] & 0x3F);
        l->end = j + 2;
      }
      const internal::SmallCodePoint& p = small_[l->c];
      l->flags = p.flags;
      l->lower = p.lower == internal::kBigLower ? u_tolower(l->c) : p.lower;
      return true;
    }
    std::size_t k = j;
    UChar32 c;
    U8_NEXT(s_, k, to, c);
    if (c < 0) return false;
    l->c = c;
    l->end = k;
    l->flags = 0;
    if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) l->flags |= internal::kLetterOrMark;
    if (u_isUWhiteSpace(c)) l->flags |= internal::kSpace;
    if (u_isUUppercase(c)) l->flags |= internal::kUpper;
    l->lower = u_tolower(c);
    return true;
  }

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

// A day as a number ("20", "20th", "20-го") or as words ("двадцатое").
struct DayRead {
  int day = 0;
  bool ordinal = false;   // with an ordinal ending or as a word
  int language = -1;      // of a day written as words
};

class Matcher {
 public:
  Matcher(const Token* tokens, std::size_t n, const std::vector<char>& allowed,
          const std::vector<internal::DateLanguage>& languages, NumericOrder default_order,
          std::string_view text)
      : t_(tokens), n_(n), allowed_(allowed), languages_(languages),
        default_order_(default_order), text_(text) {}

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
        (t_[i - 1].kind == Token::kNumber || t_[i - 1].kind == Token::kWord ||
         Punct(i - 1, ',') || Punct(i - 1, '-'))) {
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
  const std::vector<internal::DateLanguage>& languages_;
  NumericOrder default_order_;
  std::string_view text_;
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
  // PrefixHash values of the allowed languages' days written as words
  // ("первое", "двадцать"): a word that begins otherwise is none of them.
  std::vector<std::uint64_t> day_prefixes;  // a bit set, empty for none
  // Their first four bytes (small, capital, all capitals), as the scan
  // tests them 16 places at a time; without it (a word shorter than four
  // bytes), every word start is looked at.
  std::optional<DayWordFilter> day_filter;

  void Find(std::string_view text, std::vector<DateMatch>* out) const;
  std::size_t NextDayWord(const Tokenizer& tokenizer, const unsigned char* s, std::size_t from,
                          std::size_t n, std::size_t* end) const;
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
  bool filterable = true;
  std::vector<unsigned char> positions[5];  // the bytes seen before and at each of four places
  positions[0] = {' ', '\n', '\t', '(', '"', '\'', 0xAB, 0x9C, 0x9E};
  std::vector<std::uint64_t> pairs(1024, 0);
  for (const auto& [language, word] : impl->lexicon->day_words()) {
    if (!impl->allowed[language]) continue;
    std::vector<UChar32> letters;
    for (std::size_t at = 0; at < word.size() && letters.size() < 4;) {
      UChar32 c;
      U8_NEXT_UNSAFE(word.data(), at, c);
      letters.push_back(c);
    }
    if (letters.size() < 3) continue;  // too short for the filter: never anchored
    if (impl->day_prefixes.empty()) impl->day_prefixes.assign(1024, 0);
    const UChar32 first3[3] = {letters[0], letters[1], letters[2]};
    const std::uint32_t h = PrefixHash(first3);
    impl->day_prefixes[h >> 6] |= std::uint64_t{1} << (h & 63);
    // The first four bytes as the text may write the word: "первое",
    // "Первое", "ПЕРВОЕ"; an apostrophe as ', ’ or ʼ.
    for (int variant = 0; variant < 3; ++variant) {
      for (UChar32 apostrophe : {UChar32{'\''}, UChar32{0x2019}, internal::kApostrophe}) {
        std::string bytes;
        for (std::size_t k = 0; k < letters.size(); ++k) {
          UChar32 c = internal::IsApostrophe(letters[k]) ? apostrophe : letters[k];
          if (variant == 2 || (variant == 1 && k == 0)) c = u_toupper(c);
          char buffer[4];
          std::size_t size = 0;
          U8_APPEND_UNSAFE(buffer, size, c);
          bytes.append(buffer, size);
        }
        if (bytes.size() < 4) {
          filterable = false;
          continue;
        }
        for (int k = 0; k < 4; ++k) positions[k + 1].push_back(static_cast<unsigned char>(bytes[k]));
        std::uint32_t raw;
        std::memcpy(&raw, bytes.data(), 4);
        const std::uint32_t r = PairHash(raw);
        pairs[r >> 6] |= std::uint64_t{1} << (r & 63);
      }
    }
  }
  if (!impl->day_prefixes.empty() && filterable) {
    impl->day_filter = DayWordFilter{ByteSet(positions[0]), ByteSet(positions[1]),
                                     ByteSet(positions[2]), ByteSet(positions[3]),
                                     ByteSet(positions[4]), std::move(pairs)};
  }
  return DateFinder(std::move(impl));
}

// When the text at `at` is inside a web address (its run of non-space
// bytes holds "://" or begins with "www." before `at`), the end of that
// run; else 0.
std::size_t InUrl(const unsigned char* s, std::size_t n, std::size_t at) {
  constexpr std::size_t kLongest = 4096;  // further back is not looked at
  std::size_t start = at;
  while (start > 0 && at - start < kLongest && s[start - 1] != ' ' && s[start - 1] != '\n' &&
         s[start - 1] != '\t') {
    --start;
  }
  const std::string_view run(reinterpret_cast<const char*>(s) + start, at - start);
  if (run.find("://") == std::string_view::npos && run.find("www.") == std::string_view::npos) {
    return 0;
  }
  std::size_t end = at;
  while (end < n && s[end] != ' ' && s[end] != '\n' && s[end] != '\t') ++end;
  return end;
}

// Whether a word may begin at p: at the start, after a space, a tab, a line
// break, or an opening bracket or quote ( " ' « “ „.
bool WordStart(const unsigned char* s, std::size_t p) {
  if (p == 0) return true;
  const unsigned char b = s[p - 1];
  if (b == ' ' || b == '\n' || b == '\t' || b == '(' || b == '"' || b == '\'') return true;
  if (p >= 2 && s[p - 2] == 0xC2 && b == 0xAB) return true;
  return p >= 3 && s[p - 3] == 0xE2 && s[p - 2] == 0x80 && (b == 0x9C || b == 0x9E);
}

// The next word at or after `from` that may begin a day written as words
// ("двадцать первое марта"): one where a word may begin, whose first
// letter, first three letters and then the lexicon say it is a day.
// Returns its start (n for none) and its end in *end.
std::size_t DateFinder::Impl::NextDayWord(const Tokenizer& tokenizer, const unsigned char* s,
                                          std::size_t from, std::size_t n,
                                          std::size_t* end) const {
  if (day_prefixes.empty()) return n;
  // Whether the word at p is one.
  auto check = [&](std::size_t p) {
    if (!WordStart(s, p)) return false;
    const int h = tokenizer.Prefix(p, n);
    if (h < 0 || !(day_prefixes[static_cast<std::uint32_t>(h) >> 6] >> (h & 63) & 1)) return false;
    Token t;
    std::size_t skip;
    const std::size_t j = tokenizer.Word(p, n, &t, &skip);
    for (const DateWordEntry& e : t.entries) {
      if ((e.kind == DateWord::kDay || e.kind == DateWord::kDayTens) && allowed[e.language]) {
        *end = j;
        return true;
      }
    }
    return false;
  };
  if (from < n && check(from)) return from;
  if (day_filter) {
    for (std::size_t p = from; (p = NextDayCandidate(s, p, n, *day_filter)) < n;) {
      if (check(p)) return p;
    }
    return n;
  }
  for (std::size_t i = from; i < n; ++i) {
    const unsigned char b = s[i];
    if ((b == ' ' || b == '\n' || b == '\t' || b == '(' || b == '"' || b == '\'' || b == 0xAB ||
         b == 0x9C || b == 0x9E) &&
        check(i + 1)) {
      return i + 1;
    }
  }
  return n;
}

// Every date has a digit or a day written as words: a scan for those finds
// the places worth a look, and only the stretch of the line around each is
// read into tokens. The stretches of neighbouring places overlap; their
// tokens are read once and kept while the next stretch starts inside them.
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
  std::size_t next_word = 0, next_word_end = 0;  // the next day as words
  bool word_known = day_prefixes.empty();
  if (word_known) next_word = n;
  std::size_t pos = 0;
  while (pos < n) {
    if (!word_known || next_word < pos) {
      next_word = NextDayWord(tokenizer, s, pos, n, &next_word_end);
      word_known = true;
    }
    const std::size_t digit = NextDigit(s, pos, std::min(n, next_word));
    std::size_t anchor, anchor_end;
    const bool word = digit >= next_word;
    if (!word) {
      anchor = digit;
      anchor_end = digit;
      while (anchor_end < n && IsDigit(s[anchor_end])) ++anchor_end;
      // Three digits, or more than four, are no part of any date: no day,
      // month, year, time or zone has that many.
      if (anchor_end - digit == 3 || anchor_end - digit > 4) {
        pos = anchor_end;
        continue;
      }
    } else if (next_word < n) {
      anchor = next_word;
      anchor_end = next_word_end;
    } else {
      break;
    }
    // The stretch: back to a space (or the line's start), forward to the
    // line's end or kAfter bytes, ending at a space.
    std::size_t from = anchor > pos + kBefore ? anchor - kBefore : pos;
    for (std::size_t k = anchor; k > from; --k) {
      if (s[k - 1] == '\n') {
        from = k;
        break;
      }
    }
    if (from > pos && from < anchor && s[from - 1] != '\n' && s[from - 1] != ' ') {
      while (from < anchor && s[from] != ' ') ++from;
    }
    const std::size_t reach = word ? anchor_end : anchor;
    std::size_t to = std::min(n, reach + kAfter);
    if (const void* lf = std::memchr(s + anchor, '\n', to - anchor)) {
      to = static_cast<std::size_t>(static_cast<const unsigned char*>(lf) - s);
    }
    if (to < n && s[to] != '\n') {
      while (to > anchor && s[to - 1] != ' ') --to;
      if (to == anchor) to = std::min(n, reach + kAfter);
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

    const Matcher matcher(view, count, allowed, lexicon->languages(), numeric_order, text);
    bool matched = false;
    std::size_t skip_to = 0;  // past an impossible date: none of it is a date
    for (std::size_t i = 0; i < count && view[i].begin <= anchor; ++i) {
      if (i < skip_to) continue;
      Found found;
      std::size_t impossible = 0;
      if (!matcher.At(i, &found, &impossible)) {
        if (impossible > i && view[impossible - 1].end > anchor) {
          pos = view[impossible - 1].end;
          matched = true;
          break;
        }
        skip_to = std::max(skip_to, impossible);
        continue;
      }
      const std::size_t end = view[found.end - 1].end;
      if (end <= anchor) continue;  // ends before this place: not ours
      if (const std::size_t url_end = InUrl(s, n, view[i].begin)) {
        // news/2024/10/02/, ...-2024-04-04: part of an address, which a
        // rewrite must not break. Nothing in the address is a date.
        pos = url_end;
        matched = true;
        break;
      }
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
    if (!matched) pos = anchor_end;
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
