// What the date lexicon's rule files and CLDR share (date_lexicon_words.h).
#include "date_lexicon_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace normkit::internal {
namespace {

// Rule-file languages come first, in this order; then CLDR's, the languages
// of much news first, then the rest by code.
constexpr std::string_view kPreferred[] = {"ru", "uk", "be", "kk", "en", "de", "fr", "es", "it",
                                           "pt", "pl", "tr", "nl", "cs", "sv", "da", "nb", "fi",
                                           "hu", "ro", "bg", "sr", "hr", "sk", "sl", "lt", "lv",
                                           "et", "el", "ka", "hy", "az", "uz", "ky", "tg", "mn"};

}  // namespace

int LanguagePreference(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kPreferred); ++i) {
    if (kPreferred[i] == code) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kPreferred));
}

bool LanguageWanted(const std::vector<std::string>& only, std::string_view code) {
  return only.empty() || std::find(only.begin(), only.end(), code) != only.end();
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

// Longer forms that begin others are whole words: Kazakh "маусым" begins
// "маусымда", Russian "август" begins "августа"; "сент" of "сентября" and
// "Jan" of "January" are shortened.
bool IsShortened(std::string_view form, bool dotted, std::span<const std::string_view> forms) {
  if (dotted) return true;
  const std::size_t n = CodePointCount(form);
  if (n <= 2) return true;
  if (n > 4) return false;
  for (std::string_view other : forms) {
    if (other.size() > form.size() && other.starts_with(form)) return true;
  }
  return false;
}

void FoldWord(std::string_view word, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if (c < 0) continue;
    c = IsApostrophe(c) ? kApostrophe : u_tolower(c);
    char buffer[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out->append(buffer, n);
  }
  if (!out->empty() && out->back() == '.') out->pop_back();
}

}  // namespace normkit::internal
