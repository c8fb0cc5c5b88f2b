// The data of header cleaning, read from rules/headers/*.toml: per language,
// labelled-date, credit and byline patterns (RE2) and word lists of page
// furniture; common.toml holds what every language shares (language
// switchers, agency names, time zones). Internal.
//
// A file may hold:
//   language = "ru"
//   [[date]]    field = "published" | "modified" | "updated", pattern = a
//               label at the start of a line, the date after it
//   [[credit]]  pattern = a whole line, one group: the credit
//   [[byline]]  pattern = a whole line, one group: the name
//   [[notice]]  pattern = a notice anywhere in a short line (cookies,
//               JavaScript, an outdated browser)
//   navigation = [...]  whole lines: menus, share buttons, widgets
//   teasers = [...]     a line that starts with one: "Читайте также: ..."
//   sources = [...]     an agency or site name alone on a line
//   job_titles = [...]  a word after a name: "Дина Ахметова Корреспондент"
//   counters = [...]    words of a counter: "1832 просмотра", "5 мин"
//   switches = [...]    language switcher tokens: "РУ", "ҚАЗ", "EN"
//   zones = [...]       time zone words after a time: "Uhr", "МСК", "GMT"
// Words are compared as lookup keys (LookupKey): lower case, spaces
// collapsed, punctuation at both ends dropped.
#ifndef NORMKIT_HEADERS_HEADER_RULES_H_
#define NORMKIT_HEADERS_HEADER_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "normkit/rule_files.h"
#include "normkit/status.h"
#include "pattern_set.h"

namespace normkit::internal {

// `text` as a word-list key: lower case (simple case mapping), runs of
// spaces as one space, and no punctuation, symbols or spaces at either end.
std::string LookupKey(std::string_view text);

// The patterns of each kind that can match one line, as indices into that
// kind's PatternSet, ascending.
struct LineCandidates {
  std::vector<int> date_labels, credits, bylines, notices;
};

struct HeaderRules {
  explicit HeaderRules(std::int64_t regex_memory);

  PatternSet date_labels;                // a label before a date
  std::vector<std::string> date_fields;  // the field each label fills
  PatternSet credits, bylines;           // one group each
  PatternSet notices;
  // The four sets above as one unanchored set, each pattern anchored as its
  // own set matches it: a line is read once, not once per kind (credits and
  // notices must read the whole line).
  PatternSet every_pattern;
  std::unordered_set<std::string> navigation, teasers, sources, job_titles, counters, switches,
      zones;
  std::size_t longest_teaser = 0;  // in bytes, of the keys
  // The first word of every entry of the lists above: a line whose first
  // word is not among them (nor a number) is in none of them, which most
  // lines learn without a full key.
  std::unordered_set<std::string> first_words;

  // Reads every headers/*.toml of `languages` (all when empty) and
  // headers/common.toml. A mistake is a kRuleSyntax Status with its place.
  // The candidates of every kind for `line`, from one pass of every_pattern.
  void Candidates(std::string_view line, LineCandidates* out) const;

  static Result<std::shared_ptr<const HeaderRules>> Load(const RuleFiles& rules,
                                                         const std::vector<std::string>& languages,
                                                         std::int64_t regex_memory);
};

}  // namespace normkit::internal

#endif  // NORMKIT_HEADERS_HEADER_RULES_H_
