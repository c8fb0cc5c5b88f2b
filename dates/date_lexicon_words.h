// What the date lexicon's two sources, the rule files and CLDR, share: the
// order of languages, folding a word, which forms are shortened, the order
// of numeric dates. Needs ICU's common library alone, so that the build
// step that reads CLDR (cldr_dates_gen.cc) folds as the library does.
// Internal.
#ifndef NORMKIT_DATES_DATE_LEXICON_WORDS_H_
#define NORMKIT_DATES_DATE_LEXICON_WORDS_H_

#include <unicode/umachine.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace normkit::internal {

enum class NumericOrder : std::uint8_t { kDayMonthYear, kMonthDayYear, kYearMonthDay };

// Where a language stands among the others: rule-file languages in this
// order, then CLDR's with the languages of much news first; lower is
// earlier. A language of neither list gets the same, last, value.
int LanguagePreference(std::string_view code);
// Whether `only` (a DateFinderOptions::languages) allows `code`.
bool LanguageWanted(const std::vector<std::string>& only, std::string_view code);
std::size_t CodePointCount(std::string_view utf8);
// Whether a month or weekday form (folded) is a shortened one: written with
// a final dot (`dotted`), one or two letters, or up to four letters that
// begin a longer one of `forms`, the folded forms of the same name.
bool IsShortened(std::string_view form, bool dotted, std::span<const std::string_view> forms);

// Lower-cases a word for lookup (simple case mapping, code point by code
// point, as the lexicon stores its words), dropping a final '.'. The
// apostrophes ' and ’ become ʼ (U+02BC), the letter that Ukrainian and
// Belarusian words hold ("пʼятниця" is also written "п'ятниця").
void FoldWord(std::string_view word, std::string* out);

inline constexpr UChar32 kApostrophe = 0x02BC;
inline bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == kApostrophe; }

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_DATE_LEXICON_WORDS_H_
