// MojibakeRepair: finds and undoes text that was decoded with the wrong code
// page (the families of normkit/mojibake.h), one line at a time. Internal:
// the Normalizer runs it under NormalizerOptions::fix_mojibake.
//
// How a line is read:
//   1. A quick check (MayHoldMojibake) looks for byte pairs that clean
//      Russian, Kazakh or English text does not hold and every family leaves
//      behind: C1 controls, non-Russian Cyrillic letters (Ђ Џ ѓ ...), Latin-1
//      letters, box drawing, or Cyrillic capitals outnumbering small letters.
//      A line without any goes through untouched.
//   2. Words (runs between ASCII spaces) are read one by one. For each
//      family "A as B", the characters B can encode are turned back into B's
//      bytes, and the bytes decoded as A, strictly (UTF-8 must be valid; a
//      byte A leaves undefined is refused). A candidate must round-trip
//      (encoding it in A gives back exactly those bytes) and must score
//      clearly better on a plausibility measure (Badness, in the .cc: mixed
//      scripts, C1 controls, box drawing or signs inside a word, case that
//      flips mid-word, words of Latin-1 letters only). Two rounds of UTF-8
//      read as windows-1251 or windows-1252 are tried as well.
//   3. Once a family has clear evidence in a line, its other words there
//      are repaired too when they decode fully and read no worse ("и" is
//      "Рё", which alone proves nothing). A repair that yields only signs
//      ("â€”" for "—") needs such evidence: quoted on purpose amid clean
//      text, it stays.
//   4. KOI8-R and windows-1251 read as each other give Cyrillic either way;
//      the whole line is judged by its case (capitals dominate, or flip mid
//      word) and its share of vowels.
//
// Code page tables come from ICU converters, built at first use; bytes a
// code page leaves undefined are read as the C1 control of the same value,
// as browsers show them. Immutable; safe to share between threads.
#ifndef NORMKIT_NORMALIZE_MOJIBAKE_H_
#define NORMKIT_NORMALIZE_MOJIBAKE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/mojibake.h"

namespace normkit::internal {

class MojibakeRepair {
 public:
  // The one instance; nullptr when ICU lacks one of the converters.
  static const MojibakeRepair* Get();

  // False when `line` certainly holds no mojibake (one pass over its bytes).
  static bool MayHoldMojibake(std::string_view line);

  // The same over a whole text, 32 bytes at a time where the processor has
  // AVX2: appends the offset of the start of every line (lines end at LF)
  // for which MayHoldMojibake would say true, in order.
  static void SuspectLines(std::string_view text, std::vector<std::size_t>* starts);

  // Repairs `line` (no line break inside). Returns a bit per MojibakeFamily
  // repaired; when it is non-zero the repaired line was appended to *out,
  // else *out is untouched.
  std::uint32_t Repair(std::string_view line, std::string* out) const;

  struct Tables;  // in the .cc

 private:
  explicit MojibakeRepair(const Tables* tables) : tables_(tables) {}
  const Tables* tables_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_MOJIBAKE_H_
