// DateFinder: the scan over a text (date_prefilter.h finds the places
// where a date may be, date_tokenizer.h reads the stretch of the line around
// each into tokens, date_grammar.h reads dates from them) and the public
// class around it.
#include "normkit/date_finder.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

#include "date_grammar.h"
#include "date_lexicon.h"
#include "date_prefilter.h"
#include "date_tokenizer.h"

namespace normkit {
namespace {

using internal::DateLexicon;
using internal::DateWord;
using internal::DateWordEntry;
using internal::Found;
using internal::IsDigit;
using internal::NextDigit;
using internal::NumericOrder;
using internal::Token;
using internal::Tokenizer;

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

// Appends `value` in decimal with at least `width` digits, zeros in front
// (printf's %0*d for the non-negative values a date holds): the ISO value
// is written for every date found, and printf's format parsing cost more
// than finding the date.
void AppendPadded(int value, int width, std::string* out) {
  char digits[12];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  const int size = static_cast<int>(end - digits);
  if (size < width) out->append(static_cast<std::size_t>(width - size), '0');
  out->append(digits, end);
}

}  // namespace

void DateValue::AppendIso(std::string* out) const {
  if (year != 0 && month != 0 && day != 0) {
    AppendPadded(year, 4, out);
    *out += '-';
    AppendPadded(month, 2, out);
    *out += '-';
    AppendPadded(day, 2, out);
  } else if (year != 0 && month != 0) {
    AppendPadded(year, 4, out);
    *out += '-';
    AppendPadded(month, 2, out);
    return;
  } else if (year != 0) {
    AppendPadded(year, 4, out);
    return;
  } else if (month != 0 && day != 0) {
    *out += "--";
    AppendPadded(month, 2, out);
    *out += '-';
    AppendPadded(day, 2, out);
    return;
  } else {
    return;
  }
  if (hour >= 0 && minute >= 0) {
    *out += 'T';
    AppendPadded(hour, 2, out);
    *out += ':';
    AppendPadded(minute, 2, out);
    if (second >= 0) {
      *out += ':';
      AppendPadded(second, 2, out);
    }
    if (has_zone) {
      if (zone_minutes == 0) {
        *out += 'Z';
      } else {
        const int z = zone_minutes < 0 ? -zone_minutes : zone_minutes;
        *out += zone_minutes < 0 ? '-' : '+';
        AppendPadded(z / 60, 2, out);
        *out += ':';
        AppendPadded(z % 60, 2, out);
      }
    }
  }
}

std::string DateValue::ToIso() const {
  std::string out;
  AppendIso(&out);
  return out;
}

struct DateFinder::Impl {
  std::shared_ptr<const DateLexicon> lexicon;
  std::vector<char> allowed;  // per lexicon language
  NumericOrder numeric_order = NumericOrder::kDayMonthYear;
  // Where a day written as words ("первое", "двадцать") may begin.
  std::optional<internal::DayWordPrefilter> day_words;

  void Find(std::string_view text, std::vector<DateMatch>* out) const;
  std::size_t NextDayWord(const Tokenizer& tokenizer, const unsigned char* s, std::size_t from,
                          std::size_t n, std::size_t* end) const;
};

DateFinder::DateFinder(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<DateFinder> DateFinder::Create(const DateFinderOptions& options) {
  return Create(options, RuleFiles::Embedded());
}

Result<DateFinder> DateFinder::Create(const DateFinderOptions& options, const RuleFiles& rules) {
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
  impl->day_words.emplace(*impl->lexicon, impl->allowed);
  return DateFinder(std::move(impl));
}

// The next word at or after `from` that may begin a day written as words
// ("двадцать первое марта"): one where a word may begin, whose first
// letter, first three letters and then the lexicon say it is a day.
// Returns its start (n for none) and its end in *end.
std::size_t DateFinder::Impl::NextDayWord(const Tokenizer& tokenizer, const unsigned char* s,
                                          std::size_t from, std::size_t n, std::size_t* end) const {
  if (day_words->empty()) return n;
  // Whether the word at p is one.
  auto check = [&](std::size_t p) {
    if (!WordStart(s, p)) return false;
    const int h = tokenizer.Prefix(p, n);
    if (h < 0 || !day_words->MayBegin(static_cast<std::uint32_t>(h))) return false;
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
  for (std::size_t p = from; (p = day_words->NextCandidate(s, p, n)) < n;) {
    if (check(p)) return p;
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
  // Kept from call to call on each thread: for a short line, allocating
  // the vector cost more than reading the line. A long line's buffer goes
  // at the end.
  thread_local std::vector<Token> tokens;
  tokens.clear();
  // tokens holds [cache_from, cache_to) of one line; cache_to follows a
  // space, so that reading on from there gives the tokens a longer read
  // would have given.
  std::size_t cache_from = 0, cache_to = 0;
  bool cached = false;
  std::size_t first = 0;                         // the first token at or after the stretch's start
  std::size_t next_word = 0, next_word_end = 0;  // the next day as words
  bool word_known = day_words->empty();
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

    const internal::Stretch stretch{view,         count, text, &allowed, &lexicon->languages(),
                                    numeric_order};
    bool matched = false;
    std::size_t skip_to = 0;  // past an impossible date: none of it is a date
    for (std::size_t i = 0; i < count && view[i].begin <= anchor; ++i) {
      if (i < skip_to) continue;
      Found found;
      std::size_t impossible = 0;
      if (!internal::DateAt(stretch, i, &found, &impossible)) {
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
  constexpr std::size_t kKeptTokens = 4096;
  if (tokens.capacity() > kKeptTokens) std::vector<Token>().swap(tokens);
}

void DateFinder::Find(std::string_view text, std::vector<DateMatch>* out) const {
  impl_->Find(text, out);
}

std::optional<DateMatch> DateFinder::Parse(std::string_view line) const {
  thread_local std::vector<DateMatch> matches;  // as the tokens in Impl::Find
  matches.clear();
  impl_->Find(line, &matches);
  if (matches.empty()) return std::nullopt;
  return *std::max_element(
      matches.begin(), matches.end(),
      [](const DateMatch& a, const DateMatch& b) { return a.end - a.begin < b.end - b.begin; });
}

std::vector<std::string> DateFinder::languages() const {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < impl_->lexicon->languages().size(); ++i) {
    if (impl_->allowed[i]) codes.push_back(impl_->lexicon->languages()[i].code);
  }
  return codes;
}

}  // namespace normkit
