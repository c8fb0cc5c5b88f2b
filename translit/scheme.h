// A transliteration scheme as its rule file states it, before compilation.
// Internal; the reference implementation in tests/ reads it too.
#ifndef NORMKIT_TRANSLIT_SCHEME_H_
#define NORMKIT_TRANSLIT_SCHEME_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/rule_paths.h"
#include "normkit/status.h"
#include "normkit/transliterator.h"

namespace normkit::internal {

// A context rule: `match` (lower-case source letters) becomes `output` when
// every condition holds. Rules are tried in file order before the letter map.
// The output takes its case from the match's first letter, or, when the file
// splits it into one piece per matched letter (output = ["z", "gh"] for
// "зг"), each piece takes the case of its own letter ("ЗГу" -> "ZGhu").
struct ContextRule {
  std::u32string match;
  std::string output;               // lower-case Latin, UTF-8 (all pieces joined)
  std::vector<std::string> pieces;  // one per letter of `match`, or empty
  bool word_start = false;          // no letter before the match in its word
  bool word_end = false;            // no letter after the match in its word
  std::u32string after;             // the letter before is one of these
  std::u32string not_after;         // ... is none of these (or there is none)
  std::u32string before;            // the letter after is one of these
  std::u32string not_before;        // ... is none of these (or there is none)
  std::size_t line = 0;             // where the rule is, for messages
};

struct Scheme {
  SchemeInfo info;
  std::string origin;                                  // the file, for messages
  std::string case_locale;                             // ICU locale for upper-casing outputs ("tr")
  std::string fallback;                                // scheme for letters not mapped here, or ""
  std::size_t fallback_line = 0, fallback_column = 0;  // where the file names it
  // Source letter (lower case) to output (lower case), in file order.
  std::vector<std::pair<char32_t, std::string>> letters;
  // Explicit outputs for upper-case source letters (title case), overriding
  // the case mapping of the lower-case output.
  std::vector<std::pair<char32_t, std::string>> upper_letters;
  std::vector<ContextRule> rules;
  std::vector<std::pair<std::string, std::string>> tests;
};

// Parses a scheme file. `expected_id` (from the file's path) must equal the
// id the file declares, unless empty.
Result<Scheme> ParseScheme(std::string_view text, std::string_view origin,
                           std::string_view expected_id);

// UTF-8 to code points (ill-formed bytes as U+FFFD).
std::u32string CodePoints(std::string_view utf8);

// The folder of rules/ that holds the schemes: a scheme's id is its rule
// file's name there (core/rule_paths.h), "ru/bgn_pcgn" for
// "translit/ru/bgn_pcgn.toml".
inline constexpr std::string_view kSchemeFolder = "translit";
inline std::string SchemePath(std::string_view id) { return RuleFilePath(kSchemeFolder, id); }

}  // namespace normkit::internal

#endif  // NORMKIT_TRANSLIT_SCHEME_H_
