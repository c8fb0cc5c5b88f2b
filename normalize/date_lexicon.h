// The words a DateFinder knows: month and weekday names, year, time and
// connecting words, per language, from rules/dates/*.toml and from ICU's
// CLDR data. Internal.
#ifndef NORMKIT_NORMALIZE_DATE_LEXICON_H_
#define NORMKIT_NORMALIZE_DATE_LEXICON_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit::internal {

enum class DateWord : std::uint8_t {
  kMonth,      // value 1..12
  kWeekday,    // value 1..7, Monday first
  kYear,       // "г.", "года", "жылғы": marks the number before as a year
  kTime,       // "в", "at": a time follows
  kOrdinal,    // "th", "го", "er": after a day number
  kAm,
  kPm,
  kConnector,  // "de", "of": between parts
  kZone,       // "gmt": value is unused, offset in `zone_minutes`
};

struct DateWordEntry {
  std::uint16_t language;  // index into DateLexicon::languages
  DateWord kind;
  std::uint8_t value = 0;
  bool capitalized_only = false;  // "may": a month only as "May"
  std::int16_t zone_minutes = 0;
};

enum class NumericOrder : std::uint8_t { kDayMonthYear, kMonthDayYear, kYearMonthDay };

struct DateLanguage {
  std::string code;  // "ru", "de"
  NumericOrder order = NumericOrder::kDayMonthYear;
  bool from_rule_file = false;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};

class DateLexicon {
 public:
  // The rule-file languages from `rules` (dates/*.toml) and, when
  // `with_cldr`, every language ICU has month names for. `only` (if not
  // empty) limits both to those codes; an unknown code is an error.
  static Result<std::shared_ptr<const DateLexicon>> Build(
      const RuleFiles& rules, const std::vector<std::string>& only);

  // Entries for a lower-cased word, best language first; nullptr if none.
  const std::vector<DateWordEntry>* Find(std::string_view folded) const {
    auto it = words_.find(folded);
    return it == words_.end() ? nullptr : &it->second;
  }
  const std::vector<DateLanguage>& languages() const { return languages_; }
  // Zone words from common.toml ("gmt" -> 0).

 private:
  void Add(std::string word, DateWordEntry entry);

  std::vector<DateLanguage> languages_;
  std::unordered_map<std::string, std::vector<DateWordEntry>, StringHash, std::equal_to<>>
      words_;
};

// Lower-cases a word for lookup (simple case mapping, code point by code
// point, as the lexicon stores its words), dropping a final '.'.
void FoldWord(std::string_view word, std::string* out);

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_DATE_LEXICON_H_
