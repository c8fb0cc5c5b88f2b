// Where a date may be, found before any token is read: every date holds
// an ASCII digit or a day written as words ("двадцать первое марта"), so
// the finder scans for the next digit and for the next word that may begin
// such a day, many bytes at a time, and reads tokens only around what they
// find. Internal.
#ifndef NORMKIT_DATES_DATE_PREFILTER_H_
#define NORMKIT_DATES_DATE_PREFILTER_H_

#include <unicode/umachine.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "date_lexicon.h"

namespace normkit::internal {

inline bool IsDigit(unsigned char b) { return b >= '0' && b <= '9'; }

// The first ASCII digit at or after i, or n.
std::size_t NextDigit(const unsigned char* s, std::size_t i, std::size_t n);

// A superset of a set of bytes that 16 bytes are tested against at once:
// b is in it when lo[b & 15] & hi[b >> 4] is not 0 (the nibble tables of
// simdjson's character classes). Bytes that share a high nibble share a
// bucket bit; past eight buckets they merge, which only lets more through.
struct ByteSet {
  alignas(16) std::uint8_t lo[16] = {};
  alignas(16) std::uint8_t hi[16] = {};

  explicit ByteSet(const std::vector<unsigned char>& bytes = {});
  bool Has(unsigned char b) const { return (lo[b & 15] & hi[b >> 4]) != 0; }
};

// Where a day written as words may begin: a byte that comes before a word
// (a space, a line break, the last byte of an opening quote), then the
// first four bytes of one of the days' words (in any case).
struct DayWordFilter {
  ByteSet before, byte1, byte2, byte3, byte4;
  // And exactly, those four bytes together: a bit set over PairHash.
  std::vector<std::uint64_t> pairs;

  bool Pair(const unsigned char* p) const;
};

// The days written as words of the languages a finder reads, and where
// such a word may begin.
class DayWordPrefilter {
 public:
  // From the lexicon's day words of the languages that `allowed` (per
  // lexicon language) allows.
  DayWordPrefilter(const DateLexicon& lexicon, const std::vector<char>& allowed);

  // True when no allowed language writes days as words.
  bool empty() const { return prefixes_.empty(); }

  // Whether a word whose first three letters (lower-cased) give `h`
  // (PrefixHash) may be a day word.
  bool MayBegin(std::uint32_t h) const { return prefixes_.Has(h); }

  // The first p after i (i < p <= n) where a day word may begin: the byte
  // before p may stand before a word, and where the filter is there, the
  // bytes at p may begin a day word (tested 16 places at a time). n for
  // none.
  std::size_t NextCandidate(const unsigned char* s, std::size_t i, std::size_t n) const;

 private:
  // PrefixHash values of the day words ("первое", "двадцать"): a word that
  // begins otherwise is none of them. A bit set, empty for none.
  PrefixSet prefixes_;
  // Their first four bytes (small, capital, all capitals); without it (a
  // word shorter than four bytes), every word start is looked at.
  std::optional<DayWordFilter> filter_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_DATE_PREFILTER_H_
