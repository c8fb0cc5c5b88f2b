// The words a DateFinder knows: month and weekday names, year, time and
// connecting words, per language, from rules/dates/*.toml and from ICU's
// CLDR data. Internal.
#ifndef NORMKIT_DATES_DATE_LEXICON_H_
#define NORMKIT_DATES_DATE_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/umachine.h>

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
  kDay,        // "первое", "двадцатого": a day written as a word, value 1..31
  kDayTens,    // "двадцать" before "первое": value 20 or 30
  kRange,      // "по", "до": between the days of a range ("с 5 по 10 июня")
};

struct DateWordEntry {
  std::uint16_t language;  // index into DateLexicon::languages
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

enum class NumericOrder : std::uint8_t { kDayMonthYear, kMonthDayYear, kYearMonthDay };

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

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
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
inline constexpr std::uint8_t kLetterOrMark = 1;  // u_isalpha or a mark (M*)
inline constexpr std::uint8_t kUpper = 2;         // u_isUUppercase
inline constexpr std::uint8_t kSpace = 4;         // u_isUWhiteSpace or U+00A0
inline constexpr std::uint16_t kBigLower = 0xFFFF;
const SmallCodePoint* SmallCodePoints();  // 0x800 entries

class DateLexicon {
 public:
  // The rule-file languages from `rules` (dates/*.toml) and, when
  // `with_cldr`, every language ICU has month names for. `only` (if not
  // empty) limits both to those codes; an unknown code is an error.
  static Result<std::shared_ptr<const DateLexicon>> Build(
      const RuleFiles& rules, const std::vector<std::string>& only);

  // Entries for a lower-cased word, best language first; empty if none.
  DateWordEntries Find(std::string_view folded) const {
    if (folded.size() > max_word_bytes_ || folded.empty()) return {};
    const std::uint64_t h = Hash(folded);
    // Most words are none of these: two bits of a small filter say so
    // before the larger table is touched.
    const std::uint64_t b1 = (h >> 32) & bloom_mask_, b2 = (h >> 48 ^ h >> 16) & bloom_mask_;
    if (!(bloom_[b1 >> 6] >> (b1 & 63) & 1) || !(bloom_[b2 >> 6] >> (b2 & 63) & 1)) return {};
    const auto tag = static_cast<std::uint16_t>(h >> 40);
    for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key_size == 0) return {};
      if (slot.tag == tag && slot.key_size == folded.size() &&
          std::string_view(keys_).substr(slot.key, slot.key_size) == folded) {
        return {entries_.data() + slot.first, slot.count};
      }
    }
  }
  // The longest folded word, in bytes: a longer word is none of these.
  std::size_t max_word_bytes() const { return max_word_bytes_; }
  const std::vector<DateLanguage>& languages() const { return languages_; }
  // The days written as words (kDay, kDayTens), folded, by language.
  const std::vector<std::pair<std::uint16_t, std::string>>& day_words() const {
    return day_words_;
  }

 private:
  struct Slot {
    std::uint32_t key = 0;       // offset in keys_
    std::uint16_t key_size = 0;  // 0: empty
    std::uint16_t tag = 0;       // bits 40..55 of the key's hash
    std::uint32_t first = 0;  // in entries_
    std::uint32_t count = 0;
  };

  static std::uint64_t Hash(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    if (n > 0) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, n);
      h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    }
    h ^= h >> 29;
    return h;
  }

  void Add(std::string word, DateWordEntry entry);
  // Moves words_ into the open-addressing table that Find reads.
  void Freeze();

  std::vector<DateLanguage> languages_;
  std::vector<std::pair<std::uint16_t, std::string>> day_words_;
  // While building.
  std::unordered_map<std::string, std::vector<DateWordEntry>, StringHash, std::equal_to<>>
      words_;
  // Built: linear probing over a power-of-two table.
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
  std::vector<std::uint64_t> bloom_;  // two bits a word, about eight bits a word
  std::uint64_t bloom_mask_ = 0;
  std::string keys_;
  std::vector<DateWordEntry> entries_;
  std::size_t max_word_bytes_ = 0;
};

// Lower-cases a word for lookup (simple case mapping, code point by code
// point, as the lexicon stores its words), dropping a final '.'. The
// apostrophes ' and ’ become ʼ (U+02BC), the letter that Ukrainian and
// Belarusian words hold ("пʼятниця" is also written "п'ятниця").
void FoldWord(std::string_view word, std::string* out);

inline constexpr UChar32 kApostrophe = 0x02BC;
inline bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == kApostrophe; }

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_DATE_LEXICON_H_
