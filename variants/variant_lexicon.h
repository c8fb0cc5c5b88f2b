// The name lexicon as its files state it (rules/variants/*.toml). Internal.
//
//   [[name]]
//   canonical = "Tokayev"                           # required, one word
//   cyrillic = { ru = "Токаев", kk = "Тоқаев" }     # or "Токаев" (Russian)
//   variants = ["Tokaev", "Tokajew", "Tokaïev"]     # Latin spellings
//   about = "Kassym-Jomart Tokayev, President of Kazakhstan"
#ifndef NORMKIT_VARIANTS_VARIANT_LEXICON_H_
#define NORMKIT_VARIANTS_VARIANT_LEXICON_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normkit/status.h"

namespace normkit::internal {

// A spelling as written in a file, with where it is.
struct LexiconSpelling {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

struct LexiconEntry {
  LexiconSpelling canonical;
  // (language code, Cyrillic form): ("ru", "Токаев").
  std::vector<std::pair<std::string, LexiconSpelling>> cyrillic;
  std::vector<LexiconSpelling> variants;
  std::string about;
  std::string origin;  // the file
};

// Parses one lexicon file. Every entry is checked on its own (one word, the
// right script, no spelling twice within the entry); spellings shared
// between entries are the caller's to check.
Result<std::vector<LexiconEntry>> ParseLexicon(std::string_view text, std::string_view origin);

// True when `word` is one word as the VariantIndex reads text: letters,
// marks and digits, joined by apostrophes or hyphens between letters.
bool IsSingleWord(std::string_view word);

}  // namespace normkit::internal

#endif  // NORMKIT_VARIANTS_VARIANT_LEXICON_H_
