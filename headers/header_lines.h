// What one line at the top of an article is, for header cleaning: a piece of
// page furniture (a date line, a credit, a byline, navigation, a counter, a
// language switcher, an agency name), a line that could be furniture next to
// other furniture (a short title-like line, a name), or running text.
// Internal.
//
// The kinds split in two. Furniture kinds are evidence by themselves: a
// header zone exists where one of them stands before the lead. Weak kinds
// (a title, a rubric, a standfirst, a name) are furniture only next to
// evidence: a headline alone on the first line of a post is text.
#ifndef NORMKIT_HEADERS_HEADER_LINES_H_
#define NORMKIT_HEADERS_HEADER_LINES_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "header_rules.h"
#include "normkit/date_finder.h"

namespace normkit::internal {

enum class LineKind {
  kBlank,
  // Furniture: evidence of a header zone.
  kDate,    // a date line, bare or labelled; `field` and `iso` say which
  kCredit,  // `value` is the credit
  kByline,  // `value` is the name
  kNavigation,
  kTeaser,
  kNotice,
  kSwitch,   // a language switcher
  kSource,   // an agency or site name alone
  kCounter,  // views, a reading time, a bare number
  // Weak: furniture only inside a header zone.
  kName,       // a personal name alone
  kItem,       // an item of a list or ticker ("• ...")
  kTitleLike,  // short, no sentence end: a title, a rubric, a standfirst
  // Running text: the lead, where the header zone ends.
  kText,
};

bool IsFurniture(LineKind kind);

struct HeaderLine {
  LineKind kind = LineKind::kText;
  // kDate: (field, ISO 8601) pairs, the field "published", "modified" or
  // "updated"; several where a line holds several ("Опубликовано: ... |
  // Обновлено: ...").
  std::vector<std::pair<std::string, std::string>> dates;
  std::string value;  // kCredit, kByline: the credit or the name
  // The rule name for `removed`: "published", "photo_credit", "navigation"...
  const char* rule = "";
  bool labelled = false;  // kDate: a label said which field
};

// Reads lines with the rules and a DateFinder; immutable, safe to share.
class HeaderLineReader {
 public:
  HeaderLineReader(std::shared_ptr<const HeaderRules> rules, DateFinder finder);

  // `line` is trimmed of spaces, tabs and CR. `after_counter`: the line
  // before was a counter (a counter's words may wrap to a line of their
  // own).
  HeaderLine Classify(std::string_view line, bool after_counter) const;

  // The ISO value when `text` is a date line: a date with, at most, a time,
  // a zone, a counter, separators and a short rubric around it
  // ("3 марта 2025, 11:05 • Экономика", "14.11.2025, 09:40 1832",
  // "12 May 2023 19:10 (UTC +05:00)", "15:00, 23 Ноябрь 2025").
  // After a label ("publié le ... à 20h46") small words may stand between
  // the date and the time: `labelled` allows them.
  std::optional<std::string> DateLine(std::string_view text, bool labelled = false) const;

 private:
  // `line_candidates`: the date labels that can match the whole line.
  std::optional<HeaderLine> LabelledDates(std::string_view line,
                                          const std::vector<int>& line_candidates) const;
  // The group of the first of `candidates` in `rules` that matches all of
  // `line` and reads as a name or credit.
  std::optional<std::string> Name(const PatternSet& rules, const std::vector<int>& candidates,
                                  std::string_view line) const;
  bool IsCounter(std::string_view key, std::string_view line, bool after_counter) const;
  std::optional<std::string> NameWithRole(std::string_view line) const;

  std::shared_ptr<const HeaderRules> rules_;
  DateFinder finder_;
};

// Helpers the cleaner shares with the reader.
std::string_view TrimLine(std::string_view s);
bool HasDigit(std::string_view s);  // an ASCII digit
std::size_t CountChars(std::string_view s);
std::size_t CountWords(std::string_view s);
bool EndsSentence(std::string_view s);
// Two to four capitalized words (or initials), letters only: "Ivan Zubov",
// "И. И. Иванов", "Anna-Maria O'Neil".
bool IsPersonalName(std::string_view s);
// The line with runs of spaces as one, for comparing titles.
std::string Collapse(std::string_view s);

}  // namespace normkit::internal

#endif  // NORMKIT_HEADERS_HEADER_LINES_H_
