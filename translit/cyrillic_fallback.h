// The Latin that ICU's Cyrillic-Latin transform gives each lowercase
// Cyrillic letter (U+0400..U+052F), for the letters a scheme file does not
// map: no scheme lets a Cyrillic letter through. The table is written at
// build time by cyrillic_fallback_gen.cc from the ICU the build links, so
// that compiling a scheme never starts ICU's transliterator registry (some
// 15 ms of every start-up). Internal.
#ifndef NORMKIT_TRANSLIT_CYRILLIC_FALLBACK_H_
#define NORMKIT_TRANSLIT_CYRILLIC_FALLBACK_H_

#include <cstddef>

namespace normkit::internal {

struct CyrillicFallback {
  char32_t letter;    // lowercase
  const char* latin;  // UTF-8, NFC, no Cyrillic in it
};

extern const CyrillicFallback kCyrillicFallback[];
extern const std::size_t kCyrillicFallbackCount;

}  // namespace normkit::internal

#endif  // NORMKIT_TRANSLIT_CYRILLIC_FALLBACK_H_
