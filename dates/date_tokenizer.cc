// The date finder's tokenizer (date_tokenizer.h): bytes to tokens, code
// points below U+0800 through the lexicon's table of small code points,
// the rest through ICU for case and spaces and core/char_class.h for
// letters and marks.
#include "date_tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

#include "core/char_class.h"
#include "date_prefilter.h"

namespace normkit::internal {
namespace {

// Appends code point c as UTF-8 to out[*n], if it fits in `cap`.
inline bool PutUtf8(UChar32 c, char* out, std::size_t* n, std::size_t cap) {
  if (c < 0x800) {  // most letters: written straight
    if (c < 0x80) {
      if (*n + 1 > cap) return false;
      out[(*n)++] = static_cast<char>(c);
    } else {
      if (*n + 2 > cap) return false;
      out[(*n)++] = static_cast<char>(0xC0 | (c >> 6));
      out[(*n)++] = static_cast<char>(0x80 | (c & 0x3F));
    }
    return true;
  }
  char buffer[4];
  std::size_t k = 0;
  U8_APPEND_UNSAFE(buffer, k, c);
  if (*n + k > cap) return false;
  std::memcpy(out + *n, buffer, k);
  *n += k;
  return true;
}

}  // namespace

void Tokenizer::Run(std::size_t from, std::size_t to, std::vector<Token>* tokens) const {
  bool space = true;
  std::size_t i = from;
  while (i < to) {
    const unsigned char b = s_[i];
    if (b == ' ' || b == '\t' || b == '\r') {
      space = true;
      ++i;
      continue;
    }
    Token& t = tokens->emplace_back();
    t.glued = !space;
    t.begin = i;
    space = false;
    if (IsDigit(b)) {
      t.kind = Token::kNumber;
      std::size_t j = i;
      long value = 0;
      while (j < to && IsDigit(s_[j])) {
        if (value < 100000) value = value * 10 + (s_[j] - '0');
        ++j;
      }
      t.value = static_cast<int>(value);
      t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255));
      t.end = j;
      i = j;
      continue;
    }
    std::size_t skip;
    const std::size_t j = Word(i, to, &t, &skip);
    if (j > i) {
      t.kind = Token::kWord;
      t.end = j;
      i = j;
      continue;
    }
    if (skip > i) {  // a Unicode space
      tokens->pop_back();
      space = true;
      i = skip;
      continue;
    }
    // Anything else is one punctuation token (one code point).
    UChar32 c;
    std::size_t k = i;
    U8_NEXT(s_, k, to, c);
    if (k == i) k = i + 1;
    t.kind = Token::kPunct;
    t.punct = c >= 0 && c < 0x80 ? static_cast<char>(c) : 0;
    t.end = k;
    i = k;
  }
}

std::size_t Tokenizer::Word(std::size_t i, std::size_t to, Token* t, std::size_t* skip) const {
  char folded[kFoldBytes];
  std::size_t folded_size = 0;
  // Whether the word may still be one of the lexicon's: it fits in
  // `folded`, and its first three letters begin one of them.
  bool wanted = true;
  UChar32 first3[3];
  std::size_t letters = 0;
  std::size_t j = i;
  *skip = i;
  while (j < to) {
    Letter l;
    if (!Decode(j, to, &l)) break;
    if (!(l.flags & kLetterOrMark)) {
      // An apostrophe between letters: п'ятниця, пʼятниця.
      Letter next;
      if (j > i && IsApostrophe(l.c) && Decode(l.end, to, &next) && (next.flags & kLetterOrMark)) {
        l.lower = kApostrophe;
      } else {
        if ((l.flags & kSpace) && j == i) *skip = l.end;
        break;
      }
    }
    if (j == i) t->capitalized = (l.flags & kUpper) != 0;
    if (letters < 3) {
      first3[letters++] = l.lower;
      if (letters == 3 && !lexicon_.MayBegin(PrefixHash(first3))) wanted = false;
    }
    if (wanted) wanted = PutUtf8(l.lower, folded, &folded_size, max_word_);
    j = l.end;
    if (!wanted) {
      // Only the word's end matters now: two-byte letters (Cyrillic, Greek,
      // accented Latin) are passed over without decoding them for case.
      while (j + 1 < to && s_[j] >= 0xC2 && s_[j] <= 0xDF && (s_[j + 1] & 0xC0) == 0x80 &&
             (small_[(s_[j] & 0x1F) << 6 | (s_[j + 1] & 0x3F)].flags & kLetterOrMark)) {
        j += 2;
      }
    }
  }
  if (j > i && wanted) t->entries = lexicon_.Find(std::string_view(folded, folded_size));
  return j;
}

int Tokenizer::Prefix(std::size_t i, std::size_t to) const {
  UChar32 letters[3];
  for (int k = 0; k < 3; ++k) {
    Letter l;
    if (!Decode(i, to, &l)) return -1;
    if (!(l.flags & kLetterOrMark)) {
      Letter next;  // an apostrophe between letters, as Word reads it
      if (k == 0 || !IsApostrophe(l.c) || !Decode(l.end, to, &next) ||
          !(next.flags & kLetterOrMark)) {
        return -1;
      }
      l.lower = kApostrophe;
    }
    letters[k] = l.lower;
    i = l.end;
  }
  return static_cast<int>(PrefixHash(letters));
}

UChar32 Tokenizer::BigLower(UChar32 c) { return u_tolower(c); }

bool Tokenizer::DecodeLong(std::size_t j, std::size_t to, Letter* l) const {
  std::size_t k = j;
  UChar32 c;
  U8_NEXT(s_, k, to, c);
  if (c < 0) return false;
  l->c = c;
  l->end = k;
  l->flags = 0;
  if (IsLetterOrMark(static_cast<char32_t>(c))) l->flags |= kLetterOrMark;
  if (u_isUWhiteSpace(c)) l->flags |= kSpace;
  if (u_isUUppercase(c)) l->flags |= kUpper;
  l->lower = u_tolower(c);
  return true;
}

}  // namespace normkit::internal
