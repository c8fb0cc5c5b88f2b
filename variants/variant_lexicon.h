// The name lexicon as its files state it (rules/variants/*.toml). Internal.
//
//   [[name]]
//   canonical = "Tokayev"                           # required, one word
//   cyrillic = { ru = "Токаев", kk = "Тоқаев" }     # or "Токаев" (Russian)
//   variants = ["Tokaev", "Tokajew", "Tokaïev"]     # Latin spellings
//   about = "Kassym-Jomart Tokayev, President of Kazakhstan"
//   kind = "surname"                                # or given, patronymic, place
//   full_names = ["Kassym-Jomart Tokayev"]          # full names it is part of
#ifndef NORMKIT_VARIANTS_VARIANT_LEXICON_H_
#define NORMKIT_VARIANTS_VARIANT_LEXICON_H_

#include <optional>
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

// What a name is. Apply() rewrites a surname or a place wherever it
// stands, a given name or a patronymic only inside a full name that the
// lexicon lists (a given name alone belongs to many people).
enum class NameKind { kSurname, kPlace, kGiven, kPatronymic };

// True for the kinds that Apply() rewrites only inside a listed full name.
inline bool OnlyInFullName(NameKind kind) {
  return kind == NameKind::kGiven || kind == NameKind::kPatronymic;
}

// A full name as a file lists it: its words in order ("Alexei", "Navalny"),
// each a spelling of some name in the lexicon.
struct LexiconFullName {
  std::vector<std::string> words;
  std::size_t line = 0;
  std::size_t column = 0;
};

struct LexiconEntry {
  LexiconSpelling canonical;
  // (language code, Cyrillic form): ("ru", "Токаев").
  std::vector<std::pair<std::string, LexiconSpelling>> cyrillic;
  std::vector<LexiconSpelling> variants;
  std::string about;
  std::optional<NameKind> kind;  // nullopt: not stated (a surname or a place)
  std::vector<LexiconFullName> full_names;
  std::string origin;  // the file
};

// The most words a full name may have (given name, patronymic, surname and
// one more: a second surname or given name).
constexpr std::size_t kMaxFullNameWords = 4;

// Parses one lexicon file. Every entry is checked on its own (one word, the
// right script, no spelling twice within the entry); spellings shared
// between entries are the caller's to check.
Result<std::vector<LexiconEntry>> ParseLexicon(std::string_view text, std::string_view origin);

// True when `word` is one word as the VariantIndex reads text: letters,
// marks and digits, joined by apostrophes or hyphens between letters.
bool IsSingleWord(std::string_view word);

}  // namespace normkit::internal

#endif  // NORMKIT_VARIANTS_VARIANT_LEXICON_H_
