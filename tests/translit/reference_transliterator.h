// A plain, obviously correct transliterator for checking the fast engine:
// it decodes the whole text into code points and, at each one, tries the
// scheme's rules in file order exactly as the rule file states them. No
// tables, no byte tricks. Slow by design.
#ifndef NORMKIT_TESTS_TRANSLIT_REFERENCE_TRANSLITERATOR_H_
#define NORMKIT_TESTS_TRANSLIT_REFERENCE_TRANSLITERATOR_H_

#include <map>
#include <string>
#include <string_view>

#include "normkit/icu_transform.h"
#include "translit/scheme.h"

namespace normkit::testing {

class ReferenceTransliterator {
 public:
  // `fallback` is the parsed fallback scheme (cyrl/iso_9), or nullptr.
  ReferenceTransliterator(const internal::Scheme& scheme, const internal::Scheme* fallback);
  std::string Transliterate(std::string_view text) const;

 private:
  // The Latin for a lower-case letter, or nullptr when it is not mapped.
  const std::string* LetterOutput(char32_t lower) const;

  const internal::Scheme& scheme_;
  std::map<char32_t, std::string> letters_;   // scheme, then fallback, then ICU
  std::map<char32_t, std::string> capitals_;  // explicit capital outputs
};

}  // namespace normkit::testing

#endif  // NORMKIT_TESTS_TRANSLIT_REFERENCE_TRANSLITERATOR_H_
