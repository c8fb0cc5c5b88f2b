// The date finder's tokens: numbers, words (with their lexicon entries)
// and punctuation, read from a stretch of one line around a place where a
// date may be. Internal.
#ifndef NORMKIT_DATES_DATE_TOKENIZER_H_
#define NORMKIT_DATES_DATE_TOKENIZER_H_

#include <unicode/umachine.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "date_lexicon.h"

namespace normkit::internal {

struct Token {
  enum Kind : std::uint8_t { kNumber, kWord, kPunct };
  Kind kind = kPunct;
  bool glued = false;        // no space between this token and the one before
  bool capitalized = false;  // a word whose first letter is a capital
  std::uint8_t digits = 0;
  char punct = 0;  // ASCII punctuation; 0 for any other symbol
  int value = 0;
  std::size_t begin = 0, end = 0;
  DateWordEntries entries;  // a word's meanings, if it has any
};

// Splits stretches of one line into numbers, words and punctuation, and
// looks each word up (lower-cased as the lexicon stores them).
class Tokenizer {
 public:
  Tokenizer(std::string_view text, const DateLexicon& lexicon)
      : s_(reinterpret_cast<const unsigned char*>(text.data())),
        lexicon_(lexicon),
        small_(SmallCodePoints()),
        max_word_(std::min<std::size_t>(lexicon.max_word_bytes(), kFoldBytes)) {}

  // Appends the tokens of [from, to), read as if a space came before `from`.
  // (Each token is built in place: a copy of one built on the stack cost
  // more than the reading.)
  void Run(std::size_t from, std::size_t to, std::vector<Token>* tokens) const;

  // The word at i (before `to`): its end (i for none), whether its first
  // letter is a capital, and its lexicon entries in t. When a Unicode space
  // is at i, *skip is past it (else i).
  std::size_t Word(std::size_t i, std::size_t to, Token* t, std::size_t* skip) const;

  // PrefixHash of the word at i, or -1 when fewer than three letters are
  // there.
  int Prefix(std::size_t i, std::size_t to) const;

 private:
  static constexpr std::size_t kFoldBytes = 128;

  struct Letter {
    UChar32 c;
    UChar32 lower;
    std::uint8_t flags;
    std::size_t end;
  };

  // The code point at j: false for an invalid sequence. One- and two-byte
  // code points, nearly every letter the finder reads, inline.
  bool Decode(std::size_t j, std::size_t to, Letter* l) const {
    if (j >= to) return false;
    const unsigned char c0 = s_[j];
    if (c0 < 0x80) {
      l->c = c0;
      l->end = j + 1;
    } else if (c0 >= 0xC2 && c0 <= 0xDF && j + 1 < to && (s_[j + 1] & 0xC0) == 0x80) {
      l->c = ((c0 & 0x1F) << 6) | (s_[j + 1] & 0x3F);
      l->end = j + 2;
    } else {
      return DecodeLong(j, to, l);
    }
    const SmallCodePoint& p = small_[l->c];
    l->flags = p.flags;
    l->lower = p.lower == kBigLower ? BigLower(l->c) : p.lower;
    return true;
  }
  // Decode() for three- and four-byte sequences, through ICU.
  bool DecodeLong(std::size_t j, std::size_t to, Letter* l) const;
  static UChar32 BigLower(UChar32 c);

  const unsigned char* s_;
  const DateLexicon& lexicon_;
  const SmallCodePoint* small_;
  std::size_t max_word_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_DATES_DATE_TOKENIZER_H_
