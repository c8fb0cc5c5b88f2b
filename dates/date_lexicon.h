// The words a DateFinder knows: month and weekday names, year, time and
// connecting words, per language, from rules/dates/*.toml and from ICU's
// CLDR data, in one StringTable. Internal.
//
// date_lexicon.cc holds the table, date_lexicon_words.h what both sources
// share, date_lexicon_rules.cc reads the rule files, date_lexicon_cldr.cc
// takes CLDR's names from the table that the build wrote from ICU
// (cldr_dates.h).
#ifndef NORMKIT_DATES_DATE_LEXICON_H_
#define NORMKIT_DATES_DATE_LEXICON_H_

#include <unicode/umachine.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/string_table.h"
#include "date_lexicon_words.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit::internal {

enum class DateWord : std::uint8_t {
  kMonth,    // value 1..12
  kWeekday,  // value 1..7, Monday first
  kYear,     // "г.", "года", "жылғы": marks the number before as a year
  kTime,     // "в", "at": a time follows
  kOrdinal,  // "th", "го", "er": after a day number
  kAm,
  kPm,
  kConnector,  // "de", "of": between parts
  kZone,       // "gmt": value is unused, offset in `zone_minutes`
  kDay,        // "первое", "двадцатого": a day written as a word, value 1..31
  kDayTens,    // "двадцать" before "первое": value 20 or 30
  kRange,      // "по", "до": between the days of a range ("с 5 по 10 июня")
};

// DateWordEntry::language of a word of every language ("gmt", "th").
inline constexpr std::uint16_t kAnyLanguage = 0xFFFF;

struct DateWordEntry {
  std::uint16_t language;  // index into DateLexicon::languages, or kAnyLanguage
  DateWord kind;
  std::uint8_t value = 0;
  bool capitalized_only = false;  // "may": a month only as "May"
  // A shortened form ("сент", "г", "Jan"): a dot after it belongs to it.
  // A dot after a full word ("октября.") ends the sentence.
  bool abbreviation = false;
  // A month only in CLDR's abbreviated forms ("pro" for Czech prosinec):
  // such a short word is often something else ("iPhone 16 Pro"), so it
  // makes a date only with a year beside it.
  bool weak = false;
  std::int16_t zone_minutes = 0;
};

struct DateLanguage {
  std::string code;  // "ru", "de"
  NumericOrder order = NumericOrder::kDayMonthYear;
  bool from_rule_file = false;
  // Writes the month name before the day ("June 20", "augusztus 11."), as
  // its long date pattern does; others only with an ordinal day
  // ("қыркүйектің 11-і").
  bool month_first = false;
  bool has_day_words = false;  // [days] in its rule file
};

// A hash of a word's first three letters, lower-cased (16 bits): a word
// whose hash a PrefixSet lacks is none of the set's words, found without
// reading the rest of it.
inline std::uint32_t PrefixHash(const UChar32 (&letters)[3]) {
  std::uint32_t h = 0x811C9DC5u;
  for (UChar32 c : letters) h = (h ^ static_cast<std::uint32_t>(c)) * 0x01000193u;
  return (h >> 16) ^ (h & 0xFFFF);
}

// The PrefixHash values of a set of words: a bit for each of the 65,536.
class PrefixSet {
 public:
  // Adds `folded`'s first three code points; a shorter word adds nothing
  // (and must be looked for otherwise).
  void Add(std::string_view folded);
  bool empty() const { return bits_.empty(); }
  bool Has(std::uint32_t h) const { return !bits_.empty() && (bits_[h >> 6] >> (h & 63) & 1) != 0; }

 private:
  std::vector<std::uint64_t> bits_;
};

// The entries of one word: a span into the lexicon, empty for none.
struct DateWordEntries {
  const DateWordEntry* first = nullptr;
  std::uint32_t size = 0;
  const DateWordEntry* begin() const { return first; }
  const DateWordEntry* end() const { return first + size; }
};

// Facts about the code points below U+0800 (one- and two-byte UTF-8),
// taken from ICU once, so that the finder's inner loop makes no calls for
// Latin, Cyrillic, Greek and the other small scripts.
struct SmallCodePoint {
  std::uint16_t lower;  // u_tolower; kBigLower when that is U+0800 or above
  std::uint8_t flags;   // kLetterOrMark | kUpper | kSpace
};
inline constexpr std::uint8_t kLetterOrMark = 1;  // IsLetterOrMark (core/char_class.h)
inline constexpr std::uint8_t kUpper = 2;         // u_isUUppercase
inline constexpr std::uint8_t kSpace = 4;         // u_isUWhiteSpace or U+00A0
inline constexpr std::uint16_t kBigLower = 0xFFFF;
const SmallCodePoint* SmallCodePoints();  // 0x800 entries

class DateLexicon {
 public:
  // The rule-file languages from `rules` (dates/*.toml) and every other
  // language ICU has month names for. `only` (if not empty) limits both to
  // those codes; an unknown code is an error. The last lexicon built, while
  // a finder still holds it, is given again for equal rules and `only`.
  static Result<std::shared_ptr<const DateLexicon>> Build(const RuleFiles& rules,
                                                          const std::vector<std::string>& only);

  // Entries for a lower-cased word, best language first; empty if none.
  DateWordEntries Find(std::string_view folded) const {
    const std::optional<std::uint32_t> word = table_.Find(folded);
    if (!word) return {};
    const std::uint32_t first = first_entry_[*word];
    return {entries_.data() + first, first_entry_[*word + 1] - first};
  }
  // The longest folded word, in bytes: a longer word is none of these.
  std::size_t max_word_bytes() const { return table_.max_key_size(); }
  // Whether a word of three letters or more whose first three (folded)
  // give PrefixHash `h` may be one of these: most words of a text are not,
  // and need not be folded and looked up to the end.
  bool MayBegin(std::uint32_t h) const { return prefixes_.Has(h); }
  const std::vector<DateLanguage>& languages() const { return languages_; }
  // The days written as words (kDay, kDayTens), folded, by language.
  const std::vector<std::pair<std::uint16_t, std::string>>& day_words() const { return day_words_; }

 private:
  // Reads rules/dates/ (date_lexicon_rules.cc): common.toml, then each
  // language's file that `only` allows (all when empty), in order of
  // preference. Adds their codes to *codes and the words of their
  // capitalized_only lists, folded, to *capitalized.
  Status AddRuleFiles(const RuleFiles& rules, const std::vector<std::string>& only,
                      std::set<std::string>* codes, std::set<std::string>* capitalized);
  // Appends to *key what AddRuleFiles reads of `rules`: lexicons built from
  // equal keys, with equal `only`, are equal.
  static void AppendRuleFilesKey(const RuleFiles& rules, std::string* key);
  // Adds CLDR's names (date_lexicon_cldr.cc) of every language that `only`
  // allows and *codes does not hold yet, and adds their codes to *codes.
  void AddCldr(const std::vector<std::string>& only, std::set<std::string>* codes);

  // Adds an entry of a word (folded): a copy of it. A word's entry of the
  // same language, kind and value as one before is dropped (by Freeze).
  void Add(std::string_view word, DateWordEntry entry);
  // The same for a word that outlives the lexicon's building (the CLDR
  // table's): no copy.
  void AddLasting(std::string_view word, DateWordEntry entry);
  // Moves the words added into the table that Find reads, marking the month
  // entries of the `capitalized` words capitalized_only.
  void Freeze(const std::set<std::string>& capitalized);

  std::vector<DateLanguage> languages_;
  std::vector<std::pair<std::uint16_t, std::string>> day_words_;
  // While building: each entry with its word, in the order added. A list,
  // not a map from word to entries: a lexicon of every language adds some
  // 8,700 entries, which Freeze groups by word at once (one sort) instead
  // of allocating a word and a vector for each.
  std::vector<std::pair<std::string_view, DateWordEntry>> added_;
  std::deque<std::string> copies_;  // the words of Add, which added_ points into
  // Built: word -> its number w, whose entries are
  // entries_[first_entry_[w], first_entry_[w + 1]).
  StringTable table_;
  PrefixSet prefixes_;  // of every word in table_
  std::vector<std::uint32_t> first_entry_;
  std::vector<DateWordEntry> entries_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_DATE_LEXICON_H_
