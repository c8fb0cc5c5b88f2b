#include "reference_transliterator.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

namespace normkit::testing {
namespace {

using internal::CodePoints;

std::string Encode(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

bool IsLetter(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  return u_isalpha(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

bool IsMark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

bool IsCased(char32_t c) {
  return u_isUUppercase(static_cast<UChar32>(c)) || u_isULowercase(static_cast<UChar32>(c));
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

char32_t Lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

bool Contains(const std::u32string& set, char32_t c) { return set.find(c) != std::u32string::npos; }

}  // namespace

ReferenceTransliterator::ReferenceTransliterator(const internal::Scheme& scheme,
                                                 const internal::Scheme* fallback)
    : scheme_(scheme) {
  for (const auto& [c, out] : scheme.letters) letters_.emplace(c, out);
  for (const auto& [c, out] : scheme.upper_letters) capitals_.emplace(c, out);
  if (fallback != nullptr) {
    for (const auto& [c, out] : fallback->letters) letters_.emplace(c, out);
    for (const auto& [c, out] : fallback->upper_letters) capitals_.emplace(c, out);
  }
  // Whatever Cyrillic is still unmapped goes through ICU, as the engine does.
  Result<IcuTransform> icu = IcuTransform::Create("Cyrillic-Latin; NFC");
  for (char32_t c = 0x400; c <= 0x52F; ++c) {
    if (!u_isULowercase(static_cast<UChar32>(c)) || letters_.count(c)) continue;
    const std::string latin = icu->Apply(Encode(c));
    bool cyrillic = false;
    for (char32_t o : CodePoints(latin)) cyrillic |= o >= 0x400 && o <= 0x52F;
    if (!latin.empty() && !cyrillic) letters_.emplace(c, latin);
  }
}

const std::string* ReferenceTransliterator::LetterOutput(char32_t lower) const {
  auto it = letters_.find(lower);
  return it == letters_.end() ? nullptr : &it->second;
}

std::string ReferenceTransliterator::Transliterate(std::string_view text) const {
  // Input is read as NFC, and the output is NFC (the scheme maps composed
  // letters; a letter's Latin may compose with a following mark).
  const icu::Locale locale(scheme_.case_locale.c_str());
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  std::string composed;
  nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())), ec)
      .toUTF8String(composed);
  const std::u32string s = CodePoints(composed);
  const std::size_t n = s.size();

  // Is there a letter of the same word just before position i / at i?
  auto letter_before = [&](std::size_t i) {
    if (i == 0) return false;
    if (IsLetter(s[i - 1])) return true;
    return IsApostrophe(s[i - 1]) && i >= 2 && IsLetter(s[i - 2]);
  };
  auto letter_at = [&](std::size_t i) {
    if (i >= n) return false;
    if (IsLetter(s[i])) return true;
    return IsApostrophe(s[i]) && i + 1 < n && IsLetter(s[i + 1]);
  };

  std::string out;
  for (std::size_t i = 0; i < n;) {
    const char32_t c = s[i];
    const char32_t lower = Lower(c);
    std::size_t length = 1;
    const std::string* latin = nullptr;
    bool from_rule = false;
    const internal::ContextRule* matched = nullptr;
    for (const internal::ContextRule& rule : scheme_.rules) {
      const std::size_t m = rule.match.size();
      if (i + m > n) continue;
      bool same = true;
      for (std::size_t k = 0; k < m && same; ++k) same = Lower(s[i + k]) == rule.match[k];
      if (!same) continue;
      if (rule.word_start && letter_before(i)) continue;
      if (rule.word_end && letter_at(i + m)) continue;
      const bool has_before_char = i > 0;
      const char32_t before_char = has_before_char ? Lower(s[i - 1]) : 0;
      if (!rule.after.empty() && !(has_before_char && Contains(rule.after, before_char))) continue;
      if (has_before_char && Contains(rule.not_after, before_char)) continue;
      const bool has_after_char = i + m < n;
      const char32_t after_char = has_after_char ? Lower(s[i + m]) : 0;
      if (!rule.before.empty() && !(has_after_char && Contains(rule.before, after_char))) continue;
      if (has_after_char && Contains(rule.not_before, after_char)) continue;
      latin = &rule.output;
      length = m;
      from_rule = true;
      matched = &rule;
      break;
    }
    if (latin == nullptr) latin = LetterOutput(lower);
    if (latin == nullptr) {
      out += Encode(c);  // not a letter of the scheme: unchanged (U+FFFD for invalid)
      ++i;
      continue;
    }

    // Case: lower stays lower; a capital gives a capitalized output, all in
    // capitals when the next letter (else the previous one) is a capital.
    // `at` is the source letter, `next` the position after it.
    auto cased_output = [&](const std::string& lower_latin, std::size_t at, std::size_t next,
                            const std::string* capital) {
      icu::UnicodeString r = icu::UnicodeString::fromUTF8(lower_latin);
      if (!u_isUUppercase(static_cast<UChar32>(s[at]))) return r;
      icu::UnicodeString title;
      if (capital != nullptr) {
        title = icu::UnicodeString::fromUTF8(*capital);
      } else {
        // The first cased letter becomes a capital.
        title = r;
        for (int32_t k = 0; k < r.length(); k = r.moveIndex32(k, 1)) {
          if (IsCased(static_cast<char32_t>(r.char32At(k)))) {
            const int32_t after_k = r.moveIndex32(k, 1);
            title = icu::UnicodeString(r, 0, k);
            title.append(icu::UnicodeString(r, k, after_k - k).toUpper(locale));
            title.append(r, after_k, r.length() - after_k);
            break;
          }
        }
      }
      int cased = 0;
      for (char32_t o : CodePoints(lower_latin)) cased += IsCased(o) ? 1 : 0;
      // Marks are looked through: a capital with an accent is a capital.
      std::size_t after = next;
      while (after < n && IsMark(s[after])) ++after;
      std::size_t before = at;
      while (before > 0 && IsMark(s[before - 1])) --before;
      bool all_capitals = false;
      if (cased > 1) {
        if (after < n && IsLetter(s[after]) && IsCased(s[after])) {
          all_capitals = u_isUUppercase(static_cast<UChar32>(s[after]));
        } else if (before > 0 && IsLetter(s[before - 1]) && IsCased(s[before - 1])) {
          all_capitals = u_isUUppercase(static_cast<UChar32>(s[before - 1]));
        }
      }
      return all_capitals ? icu::UnicodeString(capital ? title : r).toUpper(locale) : title;
    };
    icu::UnicodeString result;
    if (from_rule && !matched->pieces.empty()) {
      for (std::size_t k = 0; k < length; ++k) {
        result += cased_output(matched->pieces[k], i + k, i + k + 1, nullptr);
      }
    } else {
      auto capital = capitals_.find(c);
      const bool explicit_capital = !from_rule && capital != capitals_.end();
      // A match of several letters takes its case from its first two.
      result = cased_output(*latin, i, i + 1, explicit_capital ? &capital->second : nullptr);
    }
    result.toUTF8String(out);
    i += length;
  }
  std::string normalized;
  nfc->normalize(icu::UnicodeString::fromUTF8(out), ec).toUTF8String(normalized);
  return normalized;
}

}  // namespace normkit::testing
