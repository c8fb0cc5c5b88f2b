// ICU's own normalizer for each of normkit's Unicode forms: the reference
// the quick-check test and the normalizer fuzz harness compare against.
#ifndef NORMKIT_TESTS_SUPPORT_ICU_FORMS_H_
#define NORMKIT_TESTS_SUPPORT_ICU_FORMS_H_

#include <unicode/normalizer2.h>

#include "normkit/normalizer.h"

namespace normkit::testing {

// Null for UnicodeForm::kNone; *ec says whether ICU could load the form.
inline const icu::Normalizer2* IcuNormalizer(UnicodeForm form, UErrorCode* ec) {
  switch (form) {
    case UnicodeForm::kNFC:
      return icu::Normalizer2::getNFCInstance(*ec);
    case UnicodeForm::kNFD:
      return icu::Normalizer2::getNFDInstance(*ec);
    case UnicodeForm::kNFKC:
      return icu::Normalizer2::getNFKCInstance(*ec);
    case UnicodeForm::kNFKD:
      return icu::Normalizer2::getNFKDInstance(*ec);
    case UnicodeForm::kNFKCCasefold:
      return icu::Normalizer2::getNFKCCasefoldInstance(*ec);
    case UnicodeForm::kNone:
      break;
  }
  return nullptr;
}

}  // namespace normkit::testing

#endif  // NORMKIT_TESTS_SUPPORT_ICU_FORMS_H_
