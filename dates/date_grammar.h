// The grammar of dates over the tokens of a stretch of text: a day, a
// month name and a year in the orders languages write them, with weekdays,
// ordinal endings, year and time words, times and zones around them;
// numeric and ISO dates; ranges of days; a year marked by a year word.
// Internal.
#ifndef NORMKIT_DATES_DATE_GRAMMAR_H_
#define NORMKIT_DATES_DATE_GRAMMAR_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "date_lexicon.h"
#include "date_tokenizer.h"
#include "normkit/date_finder.h"

namespace normkit::internal {

// A date found at some token, and how far it reaches.
struct Found {
  std::size_t end = 0;  // one past the last token
  DateValue value;
  int language = -1;  // index in the lexicon, -1 for none
};

// The tokens of a stretch of one line, and what reading them depends on.
struct Stretch {
  const Token* tokens = nullptr;
  std::size_t size = 0;
  std::string_view text;                                 // what the tokens' offsets point into
  const std::vector<char>* allowed = nullptr;            // per lexicon language: whether to read it
  const std::vector<DateLanguage>* languages = nullptr;  // the lexicon's
  // How dates in numbers alone are read (02.11.2021, 11/02/2021).
  NumericOrder numeric_order = NumericOrder::kDayMonthYear;
};

// The longest date that starts at token i of `stretch`, in *best. When a
// day, month and year are there but make no date ("31 февраля"), returns
// false with *impossible set past them (a token index), so that no part of
// them is read as a date either; else *impossible is 0.
bool DateAt(const Stretch& stretch, std::size_t i, Found* best, std::size_t* impossible);

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_DATE_GRAMMAR_H_
