// Transliterator: Cyrillic to Latin (and back, for one-to-one schemes) under
// a named standard, from a rule file compiled into lookup tables and walked
// in one pass over UTF-8.
//
// A scheme lives in rules/translit/<id>.toml ("ru/bgn_pcgn" is
// rules/translit/ru/bgn_pcgn.toml): its title and standard, a letter map,
// context rules (at a word's start or end, after or before given letters)
// and its own test pairs. Letters the scheme does not map fall back to
// cyrl/iso_9 (ISO 9:1995), so no scheme outputs a Cyrillic letter.
//
// What the engine guarantees:
//  - Case comes from context: "Жуков" -> "Zhukov", "ЖУКОВ" -> "ZHUKOV",
//    "Ж." -> "Zh." (an upper-case letter whose Latin is several letters is
//    written all in capitals when the letter next to it in the word is a
//    capital, else with one capital).
//  - A word is a run of letters and marks; an apostrophe between two letters
//    stays inside the word. Each part of a hyphenated name is its own word.
//  - Everything else (Latin, digits, punctuation, emoji) passes through
//    untouched; invalid UTF-8 comes out as U+FFFD.
//  - Output letters with diacritics are precomposed (NFC) where Unicode has
//    a precomposed letter.
//
// Example:
//   auto t = normkit::Transliterator::Create("ru/wikipedia");
//   if (t.ok()) std::string s = t->Transliterate("Кара-Ельцин");
//   // s == "Kara-Yeltsin"
//
// Immutable once created: copies share the compiled tables, and any number
// of threads may call Transliterate() at once without locks.
#ifndef NORMKIT_TRANSLITERATOR_H_
#define NORMKIT_TRANSLITERATOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normkit/export.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

namespace internal {
struct SchemeTables;  // the compiled scheme (translit/tables.h)
}  // namespace internal

enum class Direction {
  kForward,  // Cyrillic to Latin
  kReverse,  // Latin to Cyrillic; only for schemes marked reversible
};

// What a scheme file says about itself.
struct NORMKIT_EXPORT SchemeInfo {
  std::string id;        // "ru/bgn_pcgn"
  std::string title;     // one line
  std::string standard;  // the standard it follows, with its year
  int year = 0;
  bool reversible = false;
};

class NORMKIT_EXPORT Transliterator {
 public:
  // Compiles the scheme `id` from rules/translit/<id>.toml. Unknown ids give
  // kNotFound with the nearest known ids in the message; a broken file gives
  // kRuleSyntax with file:line:column; kReverse on a scheme that is not
  // reversible gives kInvalidArgument.
  // Like every Create: what to build (the id and direction), then the rules.
  static Result<Transliterator> Create(std::string_view id, Direction direction,
                                       const RuleFiles& rules);
  static Result<Transliterator> Create(std::string_view id,
                                       Direction direction = Direction::kForward);

  // Appends the transliteration of `text` (UTF-8) to *out.
  void Transliterate(std::string_view text, std::string* out) const;
  std::string Transliterate(std::string_view text) const;

  const SchemeInfo& info() const;
  Direction direction() const;
  // The pairs (Cyrillic, Latin) that the scheme's file lists as its tests.
  const std::vector<std::pair<std::string, std::string>>& test_pairs() const;

 private:
  explicit Transliterator(std::shared_ptr<const internal::SchemeTables> tables);
  std::shared_ptr<const internal::SchemeTables> tables_;
};

// Every scheme in `rules` (files under translit/), sorted by id. A file that
// cannot be read is left out and its error added to *errors (if given).
NORMKIT_EXPORT std::vector<SchemeInfo> ListSchemes(const RuleFiles& rules,
                                                   std::vector<Status>* errors = nullptr);

// The ids of `rules` closest to `id` (edit distance), best first, for
// "did you mean" messages.
NORMKIT_EXPORT std::vector<std::string> NearestSchemeIds(std::string_view id,
                                                         const RuleFiles& rules,
                                                         std::size_t count = 3);

}  // namespace normkit

#endif  // NORMKIT_TRANSLITERATOR_H_
