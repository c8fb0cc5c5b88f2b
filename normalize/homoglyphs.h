// Homoglyphs: Latin letters that look like Cyrillic ones inside a Cyrillic
// word ("Tокаев" with a Latin T), and Cyrillic look-alikes inside a Latin
// word ("Micrоsoft" with a Cyrillic о), made the word's own script. Internal:
// the Normalizer runs it under NormalizerOptions::fix_homoglyphs.
//
// The look-alikes (each pair looks the same in common fonts):
//   Latin     a e o p c x y A B E K M H O P C T X
//   Cyrillic  а е о р с х у А В Е К М Н О Р С Т Х
// A word is a run of letters. It changes only when it mixes the two
// scripts, every letter of the smaller side is a look-alike, and the other
// side has more letters. A token (between spaces) with a digit or any of
// @ / : . _ is never touched: URLs, e-mail addresses and model numbers
// ("RTX4090", "iPhone15") are mixed on purpose.
//
// Stateless; safe to call from any number of threads.
#ifndef NORMKIT_NORMALIZE_HOMOGLYPHS_H_
#define NORMKIT_NORMALIZE_HOMOGLYPHS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace normkit::internal {

// Fixes the homoglyphs of `line` (no line break inside). Returns how many
// letters changed; when it is non-zero the fixed line was appended to *out,
// else *out is untouched.
std::size_t FixHomoglyphs(std::string_view line, std::string* out);

// False when `line` certainly needs nothing: it lacks either ASCII letters
// or Cyrillic (lead bytes D0, D1).
bool MayHoldHomoglyphs(std::string_view line);

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_HOMOGLYPHS_H_
