// Mojibake families: the ways text came to be decoded with the wrong code
// page, which NormalizerOptions::fix_mojibake repairs (normalizer.h) and
// NormalizeStats counts. A family is written "A as B": bytes written in A
// were read as B. Example: "Привет" in UTF-8 read as windows-1251 gives
// "РџСЂРёРІРµС‚" (kUtf8AsWindows1251).
#ifndef NORMKIT_MOJIBAKE_H_
#define NORMKIT_MOJIBAKE_H_

#include <cstddef>
#include <string_view>

#include "normkit/export.h"

namespace normkit {

enum class MojibakeFamily {
  kUtf8AsWindows1251,    // РџСЂРёРІРµС‚
  kUtf8AsWindows1252,    // ÐŸÑ€Ð¸Ð²ÐµÑ‚ (with a windows-1252 sign: € ‚ ƒ ...)
  kUtf8AsLatin1,         // the same with C1 controls where 1252 has signs
  kUtf8AsKoi8R,          // п÷я─п╦п╡п╣я┌
  kUtf8AsMacRoman,       // –ü—Ä–∏–≤–µ—Ç
  kUtf8AsIso88595,       // а\u009Fб\u0080аИаВаЕб\u0082
  kWindows1251AsLatin1,  // Ïðèâåò (only signs latin-1 also has)
  kWindows1251AsWindows1252,  // the same with a windows-1252 sign
  kKoi8RAsWindows1251,        // рТЙЧЕФ
  kWindows1251AsKoi8R,        // оПХБЕР
  kCp866AsWindows1251,        // ЏаЁўҐв
  kUtf8TwiceAsWindows1251,    // UTF-8 read as windows-1251, twice
  kUtf8TwiceAsWindows1252,    // UTF-8 read as windows-1252 (or latin-1), twice
};

inline constexpr std::size_t kMojibakeFamilyCount = 13;

// "utf-8 as windows-1251", ... (as in `--stats`).
NORMKIT_EXPORT std::string_view MojibakeFamilyName(MojibakeFamily family);

}  // namespace normkit

#endif  // NORMKIT_MOJIBAKE_H_
