#include "homoglyphs.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/utf8.h"

namespace normkit::internal {
namespace {

// Latin look-alike -> Cyrillic, in the order of homoglyphs.h.
constexpr std::pair<char32_t, char32_t> kPairs[] = {
    {'a', 0x430}, {'e', 0x435}, {'o', 0x43E}, {'p', 0x440}, {'c', 0x441}, {'x', 0x445},
    {'y', 0x443}, {'A', 0x410}, {'B', 0x412}, {'E', 0x415}, {'K', 0x41A}, {'M', 0x41C},
    {'H', 0x41D}, {'O', 0x41E}, {'P', 0x420}, {'C', 0x421}, {'T', 0x422}, {'X', 0x425},
};

char32_t ToCyrillic(char32_t latin) {
  for (const auto& [l, c] : kPairs) {
    if (l == latin) return c;
  }
  return 0;
}

char32_t ToLatin(char32_t cyrillic) {
  for (const auto& [l, c] : kPairs) {
    if (c == cyrillic) return l;
  }
  return 0;
}

bool IsLatinLetter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsCyrillicLetter(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

// Characters that make a token mixed on purpose.
bool MarksPurpose(char32_t c) {
  return (c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':' || c == '.' || c == '_';
}

// Fixes one run of letters [begin, end) of `text` in place; returns the
// letters changed.
std::size_t FixWord(std::vector<char32_t>* text, std::size_t begin, std::size_t end) {
  std::size_t latin = 0, cyrillic = 0;
  bool latin_all_alike = true, cyrillic_all_alike = true;
  for (std::size_t i = begin; i < end; ++i) {
    const char32_t c = (*text)[i];
    if (IsLatinLetter(c)) {
      ++latin;
      latin_all_alike = latin_all_alike && ToCyrillic(c) != 0;
    } else {
      ++cyrillic;
      cyrillic_all_alike = cyrillic_all_alike && ToLatin(c) != 0;
    }
  }
  if (latin == 0 || cyrillic == 0) return 0;
  std::size_t changed = 0;
  if (cyrillic > latin && latin_all_alike) {
    for (std::size_t i = begin; i < end; ++i) {
      if (IsLatinLetter((*text)[i])) {
        (*text)[i] = ToCyrillic((*text)[i]);
        ++changed;
      }
    }
  } else if (latin > cyrillic && cyrillic_all_alike) {
    for (std::size_t i = begin; i < end; ++i) {
      if (IsCyrillicLetter((*text)[i])) {
        (*text)[i] = ToLatin((*text)[i]);
        ++changed;
      }
    }
  }
  return changed;
}

}  // namespace

bool MayHoldHomoglyphs(std::string_view line) {
  bool ascii_letter = false, cyrillic = false;
  for (const char ch : line) {
    const auto b = static_cast<unsigned char>(ch);
    ascii_letter = ascii_letter || IsLatinLetter(b);
    cyrillic = cyrillic || b == 0xD0 || b == 0xD1;
    if (ascii_letter && cyrillic) return true;
  }
  return false;
}

std::size_t FixHomoglyphs(std::string_view line, std::string* out) {
  std::size_t changed = 0;
  std::vector<char32_t> text;
  std::string fixed;
  std::size_t at = 0;  // bytes of `line` already in `fixed`
  for (std::size_t i = 0; i < line.size();) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    const std::string_view token = line.substr(i, j - i);
    const std::size_t token_begin = i;
    i = j;
    if (token.empty() || !MayHoldHomoglyphs(token)) continue;
    text.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(token.data());
    const auto* end = p + token.size();
    bool purposeful = false;
    while (p < end) {
      char32_t c;
      p += DecodeUtf8(p, end, &c);
      if (c == kIllFormed || MarksPurpose(c)) purposeful = true;
      text.push_back(c);
    }
    if (purposeful) continue;
    std::size_t token_changed = 0;
    for (std::size_t k = 0; k < text.size();) {
      if (!IsLatinLetter(text[k]) && !IsCyrillicLetter(text[k])) {
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < text.size() && (IsLatinLetter(text[e]) || IsCyrillicLetter(text[e]))) ++e;
      token_changed += FixWord(&text, k, e);
      k = e;
    }
    if (token_changed == 0) continue;
    changed += token_changed;
    fixed.append(line.substr(at, token_begin - at));
    for (const char32_t c : text) AppendUtf8(c, &fixed);
    at = token_begin + token.size();
  }
  if (changed == 0) return 0;
  fixed.append(line.substr(at));
  out->append(fixed);
  return changed;
}

}  // namespace normkit::internal
