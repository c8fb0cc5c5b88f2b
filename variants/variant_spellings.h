// The transliterations of the lexicon's Cyrillic names that become their
// variants ("Навальный" under every Russian scheme: Navalnyy, Naval'nyj,
// ...). Computing them means compiling every scheme of a language, some 30
// for Russian and most of a VariantIndex's start-up; for the built-in
// lexicon and schemes they are computed at build time instead
// (variant_spellings_gen.cc), and used while the rule files a caller
// passes hold the same schemes. Internal.
#ifndef NORMKIT_VARIANTS_VARIANT_SPELLINGS_H_
#define NORMKIT_VARIANTS_VARIANT_SPELLINGS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "normkit/rule_files.h"
#include "normkit/transliterator.h"

namespace normkit::internal {

// The schemes whose output is a variant of a name written in `lang`:
// cyrl/iso_9 and every scheme in translit/<lang>/.
std::vector<std::string> SpellingSchemes(const RuleFiles& rules, std::string_view lang);

// A hash of every scheme file in `rules` (paths and contents): equal
// fingerprints, equal transliterations.
std::uint64_t SchemesFingerprint(const RuleFiles& rules);

// One transliteration written at build time.
struct BuiltinSpelling {
  const char* scheme;
  const char* form;   // the Cyrillic form, as the lexicon writes it
  const char* latin;  // the scheme's output
};
extern const BuiltinSpelling kBuiltinSpellings[];
extern const std::size_t kBuiltinSpellingsCount;
extern const std::uint64_t kBuiltinSpellingsFingerprint;  // SchemesFingerprint at build time

// Transliterations of Cyrillic forms under named schemes: from the build
// time table when `rules` holds the schemes it was written from, otherwise
// (and for forms it does not hold) from the scheme, compiled on first use.
class SpellingSource {
 public:
  // `compiled`: schemes built already from the same rules.
  SpellingSource(const RuleFiles& rules,
                 const std::map<std::string, Transliterator, std::less<>>& compiled);

  // `form` under scheme `id`; nullopt when the scheme does not compile.
  std::optional<std::string> Spell(const std::string& id, const std::string& form);

 private:
  const RuleFiles& rules_;
  std::unordered_map<std::string, std::string> table_;  // id + '\0' + form -> latin
  std::map<std::string, std::optional<Transliterator>, std::less<>> schemes_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_VARIANTS_VARIANT_SPELLINGS_H_
