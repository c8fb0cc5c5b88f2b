#include "mojibake.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <utf8proc.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace normkit {

std::string_view MojibakeFamilyName(MojibakeFamily family) {
  switch (family) {
    case MojibakeFamily::kUtf8AsWindows1251:
      return "utf-8 as windows-1251";
    case MojibakeFamily::kUtf8AsWindows1252:
      return "utf-8 as windows-1252";
    case MojibakeFamily::kUtf8AsLatin1:
      return "utf-8 as latin-1";
    case MojibakeFamily::kUtf8AsKoi8R:
      return "utf-8 as koi8-r";
    case MojibakeFamily::kUtf8AsMacRoman:
      return "utf-8 as mac-roman";
    case MojibakeFamily::kUtf8AsIso88595:
      return "utf-8 as iso-8859-5";
    case MojibakeFamily::kWindows1251AsLatin1:
      return "windows-1251 as latin-1";
    case MojibakeFamily::kWindows1251AsWindows1252:
      return "windows-1251 as windows-1252";
    case MojibakeFamily::kKoi8RAsWindows1251:
      return "koi8-r as windows-1251";
    case MojibakeFamily::kWindows1251AsKoi8R:
      return "windows-1251 as koi8-r";
    case MojibakeFamily::kCp866AsWindows1251:
      return "cp866 as windows-1251";
    case MojibakeFamily::kUtf8TwiceAsWindows1251:
      return "utf-8 twice as windows-1251";
    case MojibakeFamily::kUtf8TwiceAsWindows1252:
      return "utf-8 twice as windows-1252";
  }
  return "?";
}

namespace internal {
namespace {

constexpr char32_t kNone = 0xFFFFFFFF;
using Text = std::vector<char32_t>;

bool IsC1(char32_t c) { return c >= 0x80 && c <= 0x9F; }

// One single-byte code page, read from ICU. Bytes 00..7F are ASCII in every
// page used here (checked when built).
class CodePage {
 public:
  // `c1_for_all`: every C1 control encodes as its own value, not only those
  // of undefined bytes: windows-1252 then stands for latin-1 too.
  static std::unique_ptr<CodePage> FromIcu(const char* name, bool c1_for_all) {
    auto page = std::make_unique<CodePage>();
    UErrorCode ec = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(name, &ec);
    if (U_FAILURE(ec)) return nullptr;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
    page->encode_.fill(-1);
    for (int b = 0; b < 256 && U_SUCCESS(ec); ++b) {
      const char byte = static_cast<char>(b);
      UChar unit[4];
      UErrorCode one = U_ZERO_ERROR;
      ucnv_resetToUnicode(cnv);
      const int32_t n = ucnv_toUChars(cnv, unit, 4, &byte, 1, &one);
      char32_t c = U_SUCCESS(one) && n == 1 && unit[0] != 0xFFFD && unit[0] != 0x1A
                       ? unit[0]
                       : (b == 0x1A ? 0x1A : kNone);
      // Printable ASCII must be ASCII (IBM866 swaps a few controls, which
      // are never read here: characters below 80 pass through as they are).
      if (b >= 0x20 && b < 0x7F && c != static_cast<char32_t>(b)) ec = U_INVALID_TABLE_FORMAT;
      page->decode_[b] = c;
    }
    ucnv_close(cnv);
    if (U_FAILURE(ec)) return nullptr;
    for (int b = 255; b >= 0; --b) {
      const char32_t c = page->decode_[b];
      if (c != kNone) page->Set(c, static_cast<std::uint8_t>(b));
    }
    for (int b = 0x80; b <= 0x9F; ++b) {
      if (c1_for_all || page->decode_[b] == kNone) page->Set(b, static_cast<std::uint8_t>(b));
    }
    return page;
  }

  // The byte for `c`, or -1.
  int Encode(char32_t c) const {
    if (c < kFlat) return encode_[c];
    for (const auto& [code, byte] : far_) {
      if (code == c) return byte;
    }
    return -1;
  }
  // Strict: kNone for a byte the page leaves undefined.
  char32_t Decode(std::uint8_t b) const { return decode_[b]; }
  // As a browser shows it: an undefined byte 80..9F is that C1 control.
  char32_t DecodeShown(std::uint8_t b) const {
    return decode_[b] == kNone && b >= 0x80 && b <= 0x9F ? b : decode_[b];
  }

 private:
  static constexpr char32_t kFlat = 0x2600;
  void Set(char32_t c, std::uint8_t b) {
    if (c < kFlat) {
      encode_[c] = b;
    } else {
      far_.emplace_back(c, b);
    }
  }
  std::array<char32_t, 256> decode_{};
  std::array<std::int16_t, kFlat> encode_{};
  std::vector<std::pair<char32_t, std::uint8_t>> far_;
};

}  // namespace

struct MojibakeRepair::Tables {
  std::unique_ptr<CodePage> cp1251, cp1252, koi8r, mac_roman, iso88595, cp866;
};

namespace {

// ---------------------------------------------------------------------------
// Plausibility.

enum class Kind : std::uint8_t {
  kAsciiLetter,
  kLatin,     // non-ASCII Latin letter
  kCyrillic,  // a letter of Russian, Ukrainian, Belarusian or Kazakh
  kRareCyrillic,
  kGreek,
  kOtherLetter,
  kC1,
  kBox,     // box drawing, blocks
  kSign,    // a non-ASCII sign or punctuation that does not sit in words
  kNeutral  // ASCII other than letters, digits, marks, emoji, quotes, spaces
};

bool IsCommonCyrillic(char32_t c) {
  if (c >= 0x410 && c <= 0x44F) return true;
  switch (c) {
    case 0x401:
    case 0x451:  // Ё ё
    case 0x404:
    case 0x454:  // Є є
    case 0x406:
    case 0x456:  // І і
    case 0x407:
    case 0x457:  // Ї ї
    case 0x40E:
    case 0x45E:  // Ў ў
    case 0x490:
    case 0x491:  // Ґ ґ
    case 0x4D8:
    case 0x4D9:  // Ә ә
    case 0x492:
    case 0x493:  // Ғ ғ
    case 0x49A:
    case 0x49B:  // Қ қ
    case 0x4A2:
    case 0x4A3:  // Ң ң
    case 0x4E8:
    case 0x4E9:  // Ө ө
    case 0x4B0:
    case 0x4B1:  // Ұ ұ
    case 0x4AE:
    case 0x4AF:  // Ү ү
    case 0x4BA:
    case 0x4BB:  // Һ һ
      return true;
    default:
      return false;
  }
}

// Punctuation that sits beside letters in clean text.
bool IsWordPunctuation(char32_t c) {
  switch (c) {
    case 0xAB:
    case 0xBB:  // « »
    case 0x2018:
    case 0x2019:  // ‘ ’
    case 0x201C:
    case 0x201D:
    case 0x201E:  // “ ” „
    case 0x2026:  // …
    case 0x2116:
    case 0xA0:
    case 0xAD:
    case 0x301:  // № NBSP SHY acute
      return true;
    default:
      return false;
  }
}

Kind KindOf(char32_t c) {
  if (c < 0x80) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? Kind::kAsciiLetter : Kind::kNeutral;
  }
  if (IsC1(c)) return Kind::kC1;
  if (c >= 0x2500 && c <= 0x259F) return Kind::kBox;
  if (IsWordPunctuation(c)) return Kind::kNeutral;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  switch (category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      if (c == 0xB5) return Kind::kSign;  // µ, the micro sign
      if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) return Kind::kLatin;
      if (c >= 0x370 && c <= 0x3FF) return Kind::kGreek;
      if (c >= 0x400 && c <= 0x52F) {
        return IsCommonCyrillic(c) ? Kind::kCyrillic : Kind::kRareCyrillic;
      }
      return Kind::kOtherLetter;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_CO:  // private use: the Apple logo of MacRoman
    case UTF8PROC_CATEGORY_NO:  // ½ ² ...
      return Kind::kSign;
    case UTF8PROC_CATEGORY_SO:
      return c < 0x2600 ? Kind::kSign : Kind::kNeutral;  // emoji are neutral
    default:
      return Kind::kNeutral;
  }
}

bool IsLetter(Kind k) { return k <= Kind::kOtherLetter; }

int ScriptOf(Kind k) {
  switch (k) {
    case Kind::kAsciiLetter:
    case Kind::kLatin:
      return 0;
    case Kind::kCyrillic:
    case Kind::kRareCyrillic:
      return 1;
    case Kind::kGreek:
      return 2;
    default:
      return 3;
  }
}

bool IsUpper(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}
bool IsLower(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

// How implausible a word reads: 0 for a word of one script with sensible
// case; each sign of mojibake adds to it.
int Badness(const Text& word) {
  int bad = 0;
  Kind previous = Kind::kNeutral;
  std::size_t latin_run = 0;     // letters in the current Latin run
  bool latin_run_ascii = false;  // ...of which one is ASCII
  auto end_latin_run = [&] {
    if (latin_run >= 2 && !latin_run_ascii) bad += static_cast<int>(latin_run);
    latin_run = 0;
    latin_run_ascii = false;
  };
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char32_t c = word[i];
    const Kind k = KindOf(c);
    switch (k) {
      case Kind::kC1:
        bad += 4;
        break;
      case Kind::kBox:
        bad += 3;
        break;
      case Kind::kRareCyrillic:
        bad += 1;
        break;
      default:
        break;
    }
    if (k == Kind::kAsciiLetter || k == Kind::kLatin) {
      ++latin_run;
      latin_run_ascii = latin_run_ascii || k == Kind::kAsciiLetter;
    } else {
      end_latin_run();
    }
    if (i > 0) {
      const char32_t p = word[i - 1];
      if (IsLetter(previous) && IsLetter(k)) {
        if (ScriptOf(previous) != ScriptOf(k)) bad += 2;
        const bool both_ascii = previous == Kind::kAsciiLetter && k == Kind::kAsciiLetter;
        if (!both_ascii && IsLower(p) && IsUpper(c)) bad += 1;
      } else if ((IsLetter(previous) && k == Kind::kSign) ||
                 (previous == Kind::kSign && IsLetter(k))) {
        bad += 1;
      }
    }
    previous = k;
  }
  end_latin_run();
  return bad;
}

bool HasLetter(const Text& word) {
  return std::any_of(word.begin(), word.end(), [](char32_t c) { return IsLetter(KindOf(c)); });
}

// The families that read the same bytes the same way where a word shows no
// difference: evidence for one is evidence for the others (latin-1 and
// windows-1252; one round and two).
std::uint32_t EvidenceGroup(int family) {
  using F = MojibakeFamily;
  auto bit = [](F f) { return 1u << static_cast<int>(f); };
  const std::uint32_t groups[] = {
      bit(F::kUtf8AsWindows1252) | bit(F::kUtf8AsLatin1) | bit(F::kUtf8TwiceAsWindows1252),
      bit(F::kUtf8AsWindows1251) | bit(F::kUtf8TwiceAsWindows1251),
      bit(F::kWindows1251AsLatin1) | bit(F::kWindows1251AsWindows1252),
  };
  for (const std::uint32_t g : groups) {
    if (g >> family & 1) return g;
  }
  return 1u << family;
}

// A repair that yields only signs stands alone when it yields an emoji or
// pictograph (nobody writes "â–«ï¸" on purpose) or opens the line (a
// bullet); "â€”" inside a sentence may be quoted on purpose.
bool SignStandsAlone(const Text& repaired, bool first_word) {
  if (first_word) return true;
  return std::any_of(repaired.begin(), repaired.end(), [](char32_t c) {
    return c == 0xFE0F || c >= 0x1F000 ||
           (c >= 0x2190 && c < 0x2C00 &&
            utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_SO);
  });
}

// ---------------------------------------------------------------------------
// Candidates.

// A candidate repair of one word.
struct Candidate {
  Text text;
  int family = -1;       // a MojibakeFamily
  bool complete = true;  // every non-ASCII character took part
};

bool IsCp1252Sign(const CodePage& cp1252, char32_t c) {
  const int b = cp1252.Encode(c);
  return b >= 0x80 && b <= 0x9F && !IsC1(c);
}

// Which of latin-1 and windows-1252 `word` was read as: windows-1252 when it
// holds one of its signs (€ ‚ ƒ ...), latin-1 when it holds a C1 control
// instead, windows-1252 (the web's default) when neither says.
bool ReadAsLatin1(const CodePage& cp1252, const Text& word) {
  bool c1 = false;
  for (const char32_t c : word) {
    if (IsCp1252Sign(cp1252, c)) return false;
    c1 = c1 || IsC1(c);
  }
  return c1;
}

// A character this repair expects to restore.
bool Expected(char32_t c) {
  if (c >= 0x300 && c < 0x370) return false;  // combining marks: "Ãè" as MacRoman
  // Braille, the supplemental arrows and math, and of 2B00..2BFF all but
  // its emoji ("зв®" as UTF-8 read as windows-1251 would give ⮡).
  if (c >= 0x2800 && c < 0x2B00) return false;
  if (c >= 0x2B00 && c < 0x2C00) {
    return c == 0x2B05 || c == 0x2B06 || c == 0x2B07 || c == 0x2B1B || c == 0x2B1C || c == 0x2B50 ||
           c == 0x2B55;  // ⬅ ⬆ ⬇ ⬛ ⬜ ⭐ ⭕
  }
  return c < 0x530 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2000 && c < 0x2C00) ||
         (c >= 0x1F000 && c < 0x1FB00) || c == 0xFE0F;  // emoji: 1F000..1FAFF
}

// UTF-8 read as `page`: every run of characters that `page` encodes as bytes
// 80..FF goes back to those bytes, and each well-formed UTF-8 sequence in
// them becomes its character (an ASCII byte is never part of a multi-byte
// sequence, so ASCII ends a run). What is not well-formed stays as it was.
// Round trip: the decoded character, encoded as UTF-8, is exactly the
// bytes it came from (strict decoding guarantees it; checked all the same).
bool RepairUtf8(const CodePage& page, const Text& word, Candidate* out) {
  out->text.clear();
  out->complete = true;
  bool changed = false;
  std::string bytes;
  std::string check;
  std::size_t i = 0;
  while (i < word.size()) {
    const int first = page.Encode(word[i]);
    if (first < 0x80) {
      if (word[i] >= 0x80) out->complete = false;
      out->text.push_back(word[i++]);
      continue;
    }
    std::size_t j = i;
    bytes.clear();
    for (; j < word.size(); ++j) {
      const int b = page.Encode(word[j]);
      if (b < 0x80) break;
      bytes.push_back(static_cast<char>(b));
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    std::size_t k = i;
    while (p < end) {
      char32_t c;
      const std::size_t length = DecodeUtf8(p, end, &c);
      // Only text of the scripts this repair is for (Latin, Greek,
      // Cyrillic, signs, emoji) is restored: bytes that happen to form a
      // sequence of some other script ("Êàê" read as MacRoman is 成) are a
      // coincidence.
      if (c == kIllFormed || length < 2 || !Expected(c)) {
        // Not a sequence: the characters of these bytes stay.
        for (std::size_t n = 0; n < length; ++n) out->text.push_back(word[k++]);
        out->complete = false;
      } else {
        check.clear();
        AppendUtf8(c, &check);
        if (check != std::string_view(reinterpret_cast<const char*>(p), length)) return false;
        out->text.push_back(c);
        k += length;
        changed = true;
      }
      p += length;
    }
    i = j;
  }
  return changed;
}

// Single-byte `from` read as single-byte `shown`: each character `shown`
// encodes goes back to its byte, decoded strictly as `from`.
bool Transcode(const CodePage& from, const CodePage& shown, const Text& word, Candidate* out) {
  out->text.clear();
  out->complete = true;
  bool changed = false;
  for (const char32_t c : word) {
    if (c < 0x80) {
      out->text.push_back(c);
      continue;
    }
    const int b = shown.Encode(c);
    const char32_t repaired = b < 0 ? kNone : from.Decode(static_cast<std::uint8_t>(b));
    // Round trip: the repaired character must come back as `c`. Every
    // letter must change: in these families every letter of a word came
    // through the wrong page ("приобрëл", with a Latin ë, is not
    // mojibake).
    if (repaired == kNone || from.Encode(repaired) != b || (repaired == c && IsLetter(KindOf(c)))) {
      return false;
    }
    out->text.push_back(repaired);
    changed = changed || repaired != c;
  }
  return changed;
}

bool HasCyrillic(const Text& word) {
  return std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= 0x400 && c <= 0x4FF; });
}

Text Decode(std::string_view s, bool* valid) {
  Text text;
  text.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  *valid = true;
  while (p < end) {
    char32_t c;
    p += DecodeUtf8(p, end, &c);
    if (c == kIllFormed) *valid = false;
    text.push_back(c);
  }
  return text;
}

// The fewest Cyrillic letters a line needs for the KOI8-R/windows-1251
// swaps to be judged at all.
constexpr int kSwapLetters = 6;

bool IsRussianVowel(char32_t lower) {
  switch (lower) {
    case 0x430:
    case 0x435:
    case 0x451:
    case 0x438:
    case 0x43E:  // а е ё и о
    case 0x443:
    case 0x44B:
    case 0x44D:
    case 0x44E:
    case 0x44F:  // у ы э ю я
      return true;
    default:
      return false;
  }
}

// The case and sound shape of the Cyrillic letters of a line, for the
// families that turn Cyrillic into Cyrillic (KOI8-R and windows-1251 read
// as each other permute the letters and swap their case).
struct Shape {
  int letters = 0;
  int upper = 0;
  int flips = 0;  // a small letter followed by a capital
  int vowels = 0;
  int odd = 0;  // sounds Russian does not make: ь ъ ы at a word's
                // start or after a vowel, й after a consonant, runs of
                // four consonants or three vowels

  void Add(const Text& word) {
    char32_t previous = 0;  // the letter before; 0 at a word's start
    bool previous_vowel = false;
    int consonants = 0, vowel_run = 0;
    int run_letters = 0, run_vowels = 0, run_small = 0;  // this run of letters
    // A run of three letters or more without a vowel ("лхп") is odd too,
    // unless all capitals (an abbreviation: "НМГ").
    auto end_run = [&] {
      if (run_letters >= 3 && run_vowels == 0 && run_small > 0) ++odd;
      run_letters = run_vowels = run_small = 0;
    };
    for (const char32_t c : word) {
      if (c < 0x400 || c > 0x4FF) {
        previous = 0;
        consonants = vowel_run = 0;
        end_run();
        continue;
      }
      ++letters;
      ++run_letters;
      const bool upper_case = IsUpper(c);
      upper += upper_case;
      run_small += !upper_case;
      if (upper_case && previous != 0 && !IsUpper(previous)) ++flips;
      char32_t lower = c;
      if (upper_case && c >= 0x410 && c <= 0x42F) lower = c + 0x20;
      if (c == 0x401) lower = 0x451;
      const bool vowel = IsRussianVowel(lower);
      const bool sign = lower == 0x44A || lower == 0x44C;  // ъ ь
      if ((sign || lower == 0x44B) && (previous == 0 || previous_vowel)) ++odd;
      if (lower == 0x439 && previous != 0 && !previous_vowel) ++odd;
      if (vowel) {
        ++vowels;
        ++run_vowels;
        consonants = 0;
        if (++vowel_run >= 3) ++odd;
      } else {
        vowel_run = 0;
        if (!sign && ++consonants >= 4) ++odd;
      }
      previous = c;
      previous_vowel = vowel;
    }
    end_run();
  }
  double VowelShare() const { return letters ? static_cast<double>(vowels) / letters : 0; }
  double OddShare() const { return letters ? static_cast<double>(odd) / letters : 0; }
  // Reads as mojibake of a Cyrillic-to-Cyrillic family: capitals dominate,
  // or case flips inside words.
  bool Suspicious() const {
    return letters >= kSwapLetters && (upper * 2 > letters || flips * 50 >= letters);
  }
  // Reads as ordinary text, and clearly better than `before`.
  bool PlausibleAfter(const Shape& before) const {
    return upper * 2 < letters && flips * 40 <= letters && VowelShare() >= 0.25 &&
           VowelShare() <= 0.6 && OddShare() * 2 < before.OddShare() && OddShare() <= 0.04;
  }
};

}  // namespace

const MojibakeRepair* MojibakeRepair::Get() {
  static const MojibakeRepair* const instance = []() -> const MojibakeRepair* {
    static Tables tables;
    tables.cp1251 = CodePage::FromIcu("windows-1251", false);
    tables.cp1252 = CodePage::FromIcu("windows-1252", true);
    tables.koi8r = CodePage::FromIcu("KOI8-R", false);
    tables.mac_roman = CodePage::FromIcu("macintosh", false);
    tables.iso88595 = CodePage::FromIcu("ISO-8859-5", false);
    tables.cp866 = CodePage::FromIcu("IBM866", false);
    if (!tables.cp1251 || !tables.cp1252 || !tables.koi8r || !tables.mac_roman ||
        !tables.iso88595 || !tables.cp866) {
      return nullptr;
    }
    static const MojibakeRepair repair(&tables);
    return &repair;
  }();
  return instance;
}

namespace {

// What the byte pair `lead`, `next` of a UTF-8 character says.
enum class PairSign { kNothing, kMojibake, kCapital, kSmall };

// Characters that clean Russian, Kazakh and English text does not hold and
// the families leave behind: C1 controls; Latin-1 letters, Latin Extended,
// Greek (C3 C5 C6 CB CE CF); Ѐ..Џ and ѐ..џ but Ё ё І і (which Ukrainian,
// Belarusian and Kazakh use); math signs and box drawing (E2 88, E2 89,
// E2 94, E2 95; not E2 96, where Telegram's bullets ▪ ▶ live).
inline PairSign SignOf(unsigned char lead, unsigned char next) {
  switch (lead) {
    case 0xC2:
      return next >= 0x80 && next <= 0x9F ? PairSign::kMojibake : PairSign::kNothing;
    case 0xC3:
    case 0xC5:
    case 0xC6:
    case 0xCB:
    case 0xCE:
    case 0xCF:
      return next >= 0x80 && next <= 0xBF ? PairSign::kMojibake : PairSign::kNothing;
    case 0xD0:
      if (next >= 0x80 && next <= 0x8F && next != 0x81 && next != 0x86) {
        return PairSign::kMojibake;
      }
      if (next < 0x90) return PairSign::kNothing;  // Ё І
      return next <= 0xAF ? PairSign::kCapital : PairSign::kSmall;
    case 0xD1:
      if (next >= 0x90 && next <= 0x9F && next != 0x91 && next != 0x96) {
        return PairSign::kMojibake;
      }
      return next <= 0x8F ? PairSign::kSmall : PairSign::kNothing;
    case 0xE2:
      return next == 0x88 || next == 0x89 || next == 0x94 || next == 0x95 ? PairSign::kMojibake
                                                                          : PairSign::kNothing;
    default:
      return PairSign::kNothing;
  }
}

// A word that may be mojibake on its own: a character of SignOf, a small
// Cyrillic letter before a capital, or a Latin-1 sign (® ¬ § ...) right
// after a Cyrillic letter (cp866 read as windows-1251 gives "в®" for "то").
bool WordShowsMojibake(std::string_view word) {
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  const auto* end = p + word.size();
  PairSign previous = PairSign::kNothing;
  for (; p + 1 < end; ++p) {
    if (p[0] < 0xC2) {
      if (p[0] < 0x80) previous = PairSign::kNothing;
      continue;
    }
    const PairSign sign = SignOf(p[0], p[1]);
    if (sign == PairSign::kMojibake) return true;
    if (sign == PairSign::kCapital && previous == PairSign::kSmall) return true;
    if (p[0] == 0xC2 && p[1] >= 0xA1 && p[1] != 0xAB && p[1] != 0xBB && p[1] != 0xAD &&
        (previous == PairSign::kSmall || previous == PairSign::kCapital)) {
      return true;
    }
    previous = sign;
    ++p;
  }
  return false;
}

}  // namespace

namespace {

// The quick check of one line ([p, p + size), no LF inside), a character at
// a time: a character of SignOf, a run of seven Cyrillic capitals (KOI8-R
// and windows-1251 read as each other turn small letters into capitals),
// or a word that starts with a small Cyrillic letter and a capital (they
// turn "Привет" into "рТЙЧЕФ"; "АвтоВАЗ" has its capital later).
constexpr int kCapitalRun = 7;

bool LineShowsMojibake(const unsigned char* p, std::size_t size) {
  int capitals = 0;                // Cyrillic capitals in a row
  bool after_first_small = false;  // a word's first letter, small, before
  for (std::size_t i = 0; i < size;) {
    if (p[i] < 0xC2 || i + 1 == size) {
      capitals = 0;
      after_first_small = false;
      ++i;
      continue;
    }
    const PairSign sign = SignOf(p[i], p[i + 1]);
    switch (sign) {
      case PairSign::kMojibake:
        return true;
      case PairSign::kCapital:
        if (after_first_small || ++capitals >= kCapitalRun) return true;
        break;
      case PairSign::kSmall:
        capitals = 0;
        break;
      case PairSign::kNothing:
        capitals = 0;
        break;
    }
    after_first_small = sign == PairSign::kSmall && (i == 0 || p[i - 1] < 0x80);
    i += 2;
  }
  return false;
}

// The offset of the start of the line holding offset `at`.
std::size_t LineStart(const unsigned char* p, std::size_t at) {
  const void* lf = memrchr(p, '\n', at);
  return lf == nullptr ? 0
                       : static_cast<std::size_t>(static_cast<const unsigned char*>(lf) - p) + 1;
}

// The offset of the LF that ends the line holding `at`, or `size`.
std::size_t LineEnd(const unsigned char* p, std::size_t at, std::size_t size) {
  const void* lf = std::memchr(p + at, '\n', size - at);
  return lf == nullptr ? size : static_cast<std::size_t>(static_cast<const unsigned char*>(lf) - p);
}

#if defined(__x86_64__)
// SuspectLines 64 bytes at a time with AVX-512BW, giving what
// LineShowsMojibake gives on valid UTF-8: bit j of each mask stands for the
// pair of bytes (i + j - 1, i + j), which ends a two-byte character when
// the first is a lead. A line is given up once it shows something; clean
// text needs no per-line bookkeeping at all. Returns where it stopped.
// The pair kinds of SignOf as bits, for the wide steps: a byte pair is of a
// kind when its lead's class and its continuation's class share the bit.
constexpr char kSignBits = 0x1F;  // C1, Ѐ..Џ, ѐ..џ, math and box, Latin-1
constexpr char kCapitalBit = 0x20;
constexpr char kSmallBits = static_cast<char>(0xC0);

struct PairClasses {
  std::array<std::uint8_t, 64> lead{};          // by byte - C0
  std::array<std::uint8_t, 64> continuation{};  // by byte - 80
};

// Built from SignOf itself, so the two cannot disagree: for each lead and
// kind, the continuations that make a pair of that kind.
const PairClasses& Classes() {
  static const PairClasses classes = [] {
    PairClasses c;
    struct Kind {
      unsigned char lead;
      std::uint8_t bit;
      PairSign sign;
    };
    const Kind kinds[] = {
        {0xC2, 0x01, PairSign::kMojibake}, {0xD0, 0x02, PairSign::kMojibake},
        {0xD1, 0x04, PairSign::kMojibake}, {0xE2, 0x08, PairSign::kMojibake},
        {0xD0, 0x20, PairSign::kCapital},  {0xD0, 0x40, PairSign::kSmall},
        {0xD1, 0x80, PairSign::kSmall},
    };
    for (const Kind& k : kinds) {
      c.lead[k.lead - 0xC0] |= k.bit;
      for (int b = 0x80; b < 0xC0; ++b) {
        if (SignOf(k.lead, static_cast<unsigned char>(b)) == k.sign)
          c.continuation[b - 0x80] |= k.bit;
      }
    }
    // Leads that are a sign with any continuation (Latin-1 letters, ...).
    for (int lead = 0xC0; lead <= 0xFF; ++lead) {
      if (lead != 0xC2 && lead != 0xD0 && lead != 0xD1 && lead != 0xE2 &&
          SignOf(static_cast<unsigned char>(lead), 0x80) == PairSign::kMojibake) {
        c.lead[lead - 0xC0] |= 0x10;
      }
    }
    for (int b = 0x80; b < 0xC0; ++b) c.continuation[b - 0x80] |= 0x10;
    return c;
  }();
  return classes;
}

// The kinds of the 64 byte pairs (prev[j], cur[j]) as bits (kSignBits,
// kCapitalBit, kSmallBits): each byte's class by table (VBMI's 64-entry byte
// lookup), a lead by its low 6 bits (C0..FF), a continuation likewise
// (80..BF); a pair is of a kind when both bytes carry the kind's bit.
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) inline __m512i PairKinds(
    __m512i prev, __m512i cur, __m512i lead_classes, __m512i continuation_classes) {
  const __m512i prev_class = _mm512_maskz_permutexvar_epi8(
      _mm512_cmpge_epu8_mask(prev, _mm512_set1_epi8(static_cast<char>(0xC0))), prev, lead_classes);
  const __m512i cur_class = _mm512_maskz_permutexvar_epi8(
      _mm512_cmpge_epu8_mask(cur, _mm512_set1_epi8(static_cast<char>(0x80))) &
          _mm512_cmplt_epu8_mask(cur, _mm512_set1_epi8(static_cast<char>(0xC0))),
      cur, continuation_classes);
  return _mm512_and_si512(prev_class, cur_class);
}

__attribute__((target("avx512f,avx512bw,avx512vbmi"))) std::size_t SuspectLines64(
    const unsigned char* p, std::size_t size, std::vector<std::size_t>* starts) {
  const __m512i lead_classes = _mm512_loadu_si512(Classes().lead.data());
  const __m512i continuation_classes = _mm512_loadu_si512(Classes().continuation.data());
  // The previous block's capitals and small letters, for runs across blocks.
  std::uint64_t last_capitals = 0, last_small = 0;
  auto shifted = [](std::uint64_t now, std::uint64_t last, int k) {
    return (now << k) | (last >> (64 - k));
  };
  // Bit j of each mask stands for position i + j. The first block reads 4
  // bytes back with those before the text masked off (as zero: ASCII, like
  // a line's start); the last reads only up to the text's end (zero beyond:
  // nothing to find). Masked lanes are never touched.
  std::size_t i = 1;
  while (i < size) {
    std::uint64_t valid = ~std::uint64_t{0};
    __m512i prev, cur, before;
    if (i >= 4 && size - i >= 64) {
      prev = _mm512_loadu_si512(p + i - 1);
      cur = _mm512_loadu_si512(p + i);
      before = _mm512_loadu_si512(p + i - 4);
    } else {
      if (size - i < 64) valid = (std::uint64_t{1} << (size - i)) - 1;
      prev = _mm512_maskz_loadu_epi8(valid, p + i - 1);
      cur = _mm512_maskz_loadu_epi8(valid, p + i);
      const std::uint64_t in_text = i >= 4 ? valid : valid & (~std::uint64_t{0} << (4 - i));
      before = _mm512_maskz_loadu_epi8(in_text, p + i - 4);
    }
    const __m512i both = PairKinds(prev, cur, lead_classes, continuation_classes);
    const std::uint64_t signs = _mm512_test_epi8_mask(both, _mm512_set1_epi8(kSignBits));
    const std::uint64_t capitals = _mm512_test_epi8_mask(both, _mm512_set1_epi8(kCapitalBit));
    const std::uint64_t small = _mm512_test_epi8_mask(both, _mm512_set1_epi8(kSmallBits));
    if ((signs | capitals | small) == 0) {
      last_capitals = last_small = 0;
      i += 64;
      continue;
    }
    std::uint64_t runs = 0;  // kCapitalRun capitals in a row, two bytes each
    if (__builtin_popcountll(capitals) + __builtin_popcountll(last_capitals) >= kCapitalRun) {
      runs = capitals;
      for (int k = 1; k < kCapitalRun; ++k) runs &= shifted(capitals, last_capitals, 2 * k);
    }
    // A small letter that starts a word (an ASCII byte before its lead)
    // right before a capital.
    const std::uint64_t ascii_before = ~_mm512_movepi8_mask(before);
    const std::uint64_t flips = capitals & shifted(small, last_small, 2) & ascii_before;
    const std::uint64_t found = signs | runs | flips;
    if (found == 0) {
      last_capitals = capitals;
      last_small = small;
      i += 64;
      continue;
    }
    const std::size_t at = i + static_cast<std::size_t>(__builtin_ctzll(found));
    starts->push_back(LineStart(p, at));
    i = LineEnd(p, at, size) + 1;
    last_capitals = last_small = 0;
  }
  return i;
}

bool HasAvx512() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                          __builtin_cpu_supports("avx512vbmi");
  return has;
}
#endif

}  // namespace

// Shape::Suspicious's case test on the bytes, before any decoding: at
// least 12 basic Cyrillic letters, and capitals outnumber small ones or
// follow one at least once in 50 letters ("АльЯнс" once in a long line is
// a spelling, not mojibake).
namespace {

struct CaseCounts {
  int capitals = 0, small = 0, flips = 0;  // flips: a small letter, then a capital
};

CaseCounts CountCase(const unsigned char* p, std::size_t size) {
  CaseCounts counts;
  PairSign previous = PairSign::kNothing;
  for (std::size_t i = 0; i + 1 < size; ++i) {
    if (p[i] < 0xC2) {
      previous = PairSign::kNothing;
      continue;
    }
    const PairSign sign = SignOf(p[i], p[i + 1]);
    counts.capitals += sign == PairSign::kCapital;
    counts.small += sign == PairSign::kSmall;
    counts.flips += sign == PairSign::kCapital && previous == PairSign::kSmall;
    previous = sign;
    ++i;
  }
  return counts;
}

#if defined(__x86_64__)
// CountCase 64 bytes at a time (the classes of SuspectLines64).
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) CaseCounts CountCase64(
    const unsigned char* p, std::size_t size) {
  const __m512i lead_classes = _mm512_loadu_si512(Classes().lead.data());
  const __m512i continuation_classes = _mm512_loadu_si512(Classes().continuation.data());
  CaseCounts counts;
  std::uint64_t last_small = 0;
  for (std::size_t i = 1; i < size; i += 64) {
    const std::uint64_t valid =
        size - i >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << (size - i)) - 1;
    const __m512i prev = _mm512_maskz_loadu_epi8(valid, p + i - 1);
    const __m512i cur = _mm512_maskz_loadu_epi8(valid, p + i);
    const __m512i both = PairKinds(prev, cur, lead_classes, continuation_classes);
    const std::uint64_t capitals = _mm512_test_epi8_mask(both, _mm512_set1_epi8(kCapitalBit));
    const std::uint64_t small = _mm512_test_epi8_mask(both, _mm512_set1_epi8(kSmallBits));
    counts.capitals += __builtin_popcountll(capitals);
    counts.small += __builtin_popcountll(small);
    counts.flips += __builtin_popcountll(capitals & ((small << 2) | (last_small >> 62)));
    last_small = small;
  }
  return counts;
}
#endif

}  // namespace

bool CaseLooksSwapped(std::string_view line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  CaseCounts c;
#if defined(__x86_64__)
  if (HasAvx512()) {
    c = CountCase64(p, line.size());
  } else {
    c = CountCase(p, line.size());
  }
#else
  c = CountCase(p, line.size());
#endif
  const int letters = c.capitals + c.small;
  return letters >= kSwapLetters && (c.capitals > c.small || c.flips * 50 >= letters);
}

bool MojibakeRepair::MayHoldMojibake(std::string_view line) {
  return LineShowsMojibake(reinterpret_cast<const unsigned char*>(line.data()), line.size());
}

void MojibakeRepair::SuspectLines(std::string_view text, std::vector<std::size_t>* starts) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;  // the start of a line not yet read
#if defined(__x86_64__)
  if (HasAvx512()) {
    SuspectLines64(p, size, starts);
    return;
  }
#endif
  while (i < size) {
    const std::size_t end = LineEnd(p, i, size);
    if (LineShowsMojibake(p + i, end - i)) starts->push_back(i);
    i = end + 1;
  }
}

std::uint32_t MojibakeRepair::Repair(std::string_view line, std::string* out) const {
  const Tables& t = *tables_;
  struct Word {
    std::size_t begin, end;  // bytes in `line`
    Text text;               // decoded when first needed (Decoded below)
    bool decoded = false;
    int badness = 0;
    std::vector<Candidate> candidates;
    const Candidate* chosen = nullptr;
  };
  // Most lines the quick check names are clean: with no word that shows
  // mojibake and a case that does not look swapped, nothing is decoded and
  // no word is even noted.
  const bool case_swapped = CaseLooksSwapped(line);
  auto for_each_word = [&line](auto&& f) {
    for (std::size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      std::size_t j = i;
      bool ascii = true;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') {
        ascii = ascii && static_cast<unsigned char>(line[j]) < 0x80;
        ++j;
      }
      if (j > i && !ascii && f(i, j)) return;
      i = j;
    }
  };
  bool any_shows = false;
  if (!case_swapped) {
    for_each_word([&](std::size_t i, std::size_t j) {
      any_shows = WordShowsMojibake(line.substr(i, j - i));
      return any_shows;
    });
    if (!any_shows) return 0;
  }
  std::vector<Word> words;
  for_each_word([&](std::size_t i, std::size_t j) {
    Word& w = words.emplace_back();
    w.begin = i;
    w.end = j;
    return false;
  });
  if (words.empty()) return 0;
  // A word's characters; false for ill-formed UTF-8, which is left alone.
  auto decoded = [&line](Word& w) {
    if (!w.decoded) {
      bool valid;
      w.text = Decode(line.substr(w.begin, w.end - w.begin), &valid);
      w.decoded = true;
      if (!valid) w.end = w.begin;  // an empty word: nothing to do
      if (!valid) w.text.clear();
    }
    return !w.text.empty();
  };

  using F = MojibakeFamily;
  struct Utf8Family {
    const CodePage* page;
    F once, twice;
  };
  const Utf8Family utf8_families[] = {
      {t.cp1251.get(), F::kUtf8AsWindows1251, F::kUtf8TwiceAsWindows1251},
      {t.cp1252.get(), F::kUtf8AsWindows1252, F::kUtf8TwiceAsWindows1252},
      {t.koi8r.get(), F::kUtf8AsKoi8R, F::kUtf8AsKoi8R},
      {t.mac_roman.get(), F::kUtf8AsMacRoman, F::kUtf8AsMacRoman},
      {t.iso88595.get(), F::kUtf8AsIso88595, F::kUtf8AsIso88595},
  };
  // Every candidate of a word, under every family but the two that turn
  // Cyrillic into Cyrillic (below).
  auto collect = [&](Word& w) {
    auto add = [&](Candidate&& c, int family) {
      c.family = family;
      w.candidates.push_back(std::move(c));
    };
    for (const Utf8Family& f : utf8_families) {
      Candidate once;
      if (!RepairUtf8(*f.page, w.text, &once)) continue;
      int family = static_cast<int>(f.once);
      if (f.page == t.cp1252.get() && ReadAsLatin1(*t.cp1252, w.text)) {
        family = static_cast<int>(F::kUtf8AsLatin1);
      }
      // One round first: on a tie, fewer rounds win.
      Candidate twice;
      const bool two_rounds = f.twice != f.once && RepairUtf8(*f.page, once.text, &twice);
      twice.complete = twice.complete && once.complete;
      add(std::move(once), family);
      if (two_rounds) add(std::move(twice), static_cast<int>(f.twice));
    }
    Candidate c;
    if (Transcode(*t.cp1251, *t.cp1252, w.text, &c)) {
      const bool latin1 = ReadAsLatin1(*t.cp1252, w.text);
      add(std::move(c),
          static_cast<int>(latin1 ? F::kWindows1251AsLatin1 : F::kWindows1251AsWindows1252));
    }
    if (Transcode(*t.cp866, *t.cp1251, w.text, &c)) {
      add(std::move(c), static_cast<int>(F::kCp866AsWindows1251));
    }
  };
  // Phase 1: a family has evidence in the line when a word that shows signs
  // of mojibake reads clearly better under it and holds letters.
  std::uint32_t evidence = 0;
  int sign_repairs = 0;
  for (Word& w : words) {
    if (!WordShowsMojibake(line.substr(w.begin, w.end - w.begin)) || !decoded(w)) continue;
    w.badness = Badness(w.text);
    if (w.badness == 0) continue;
    collect(w);
    int best = w.badness;
    for (const Candidate& cand : w.candidates) {
      const int b = Badness(cand.text);
      // Four bytes that decode as one character above the BMP (an emoji)
      // are rarely a coincidence: there a smaller gain will do.
      const bool astral = cand.complete && std::any_of(cand.text.begin(), cand.text.end(),
                                                       [](char32_t c) { return c >= 0x10000; });
      if (b + (astral ? 1 : 2) > w.badness) continue;
      // On a tie, a reading of every character over a partial one ("еще"
      // from MacRoman over "–µ—▵" from windows-1252).
      if (b < best || (b == best && w.chosen != nullptr && !w.chosen->complete && cand.complete)) {
        best = b;
        w.chosen = &cand;
      }
    }
    if (w.chosen != nullptr) {
      if (HasLetter(w.chosen->text)) {
        evidence |= EvidenceGroup(w.chosen->family);
      } else {
        ++sign_repairs;
      }
    }
  }
  // Phase 2: with evidence for a family, a word that decodes fully under
  // it and reads no worse is repaired too; repairs that yield only signs
  // stand only beside letters repaired (or three of them together).
  std::uint32_t repaired = 0;
  const bool signs_stand = evidence != 0 || sign_repairs >= 3;
  for (Word& w : words) {
    if (w.chosen != nullptr) {
      if (!HasLetter(w.chosen->text) && !signs_stand &&
          !SignStandsAlone(w.chosen->text, &w == &words.front() && w.begin == 0)) {
        w.chosen = nullptr;
      }
      continue;
    }
    if (evidence == 0) continue;
    if (!w.decoded) {
      if (!decoded(w)) continue;
      w.badness = Badness(w.text);
    }
    if (w.candidates.empty()) collect(w);
    for (const Candidate& cand : w.candidates) {
      if ((evidence & EvidenceGroup(cand.family)) != 0 && cand.complete &&
          Badness(cand.text) <= w.badness) {
        w.chosen = &cand;
        break;
      }
    }
  }
  // Where a line shows two rounds, a word that one round leaves reading as
  // well as two (" В«" for " «") takes two.
  std::uint32_t chosen = 0;
  for (const Word& w : words) {
    if (w.chosen != nullptr) chosen |= 1u << w.chosen->family;
  }
  for (Word& w : words) {
    if (w.chosen == nullptr) continue;
    const int once = w.chosen->family;
    const int twice =
        once == static_cast<int>(F::kUtf8AsWindows1251)
            ? static_cast<int>(F::kUtf8TwiceAsWindows1251)
            : (EvidenceGroup(once) == EvidenceGroup(static_cast<int>(F::kUtf8TwiceAsWindows1252)) &&
                       once != static_cast<int>(F::kUtf8TwiceAsWindows1252)
                   ? static_cast<int>(F::kUtf8TwiceAsWindows1252)
                   : -1);
    if (twice < 0 || !(chosen >> twice & 1)) continue;
    const int chosen_badness = Badness(w.chosen->text);
    for (const Candidate& cand : w.candidates) {
      if (cand.family == twice && cand.complete && Badness(cand.text) <= chosen_badness) {
        w.chosen = &cand;
        break;
      }
    }
  }
  for (const Word& w : words) {
    if (w.chosen != nullptr) repaired |= 1u << w.chosen->family;
  }

  // KOI8-R and windows-1251 read as each other: the whole line at once.
  std::vector<Candidate> swapped;
  int swap_family = -1;
  if (repaired == 0 && case_swapped) {
    Shape shape;
    for (Word& w : words) {
      if (decoded(w)) shape.Add(w.text);
    }
    if (shape.Suspicious()) {
      struct Swap {
        const CodePage* from;
        const CodePage* shown;
        F family;
      };
      const Swap swaps[] = {{t.koi8r.get(), t.cp1251.get(), F::kKoi8RAsWindows1251},
                            {t.cp1251.get(), t.koi8r.get(), F::kWindows1251AsKoi8R}};
      double best_share = 0;
      for (const Swap& s : swaps) {
        std::vector<Candidate> candidates(words.size());
        Shape after;
        bool complete = true;
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (!HasCyrillic(words[i].text)) {
            // Signs came through the swap too ("—" in windows-1251 read
            // as KOI8-R is "≈"); a word the swap cannot read (an emoji)
            // stays as it is.
            if (!Transcode(*s.from, *s.shown, words[i].text, &candidates[i])) {
              candidates[i].text = words[i].text;
            }
            continue;
          }
          complete = complete && Transcode(*s.from, *s.shown, words[i].text, &candidates[i]);
          after.Add(candidates[i].text);
        }
        const double share = 4 * after.OddShare() + std::abs(after.VowelShare() - 0.43);
        if (complete && after.PlausibleAfter(shape) && (swap_family < 0 || share < best_share)) {
          swapped = std::move(candidates);
          swap_family = static_cast<int>(s.family);
          best_share = share;
        }
      }
      if (swap_family >= 0) repaired |= 1u << swap_family;
    }
  }
  if (repaired == 0) return 0;

  std::size_t at = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const Text* text =
        swap_family >= 0 ? &swapped[i].text : (w.chosen != nullptr ? &w.chosen->text : nullptr);
    if (text == nullptr) continue;
    out->append(line.substr(at, w.begin - at));
    for (const char32_t c : *text) AppendUtf8(c, out);
    at = w.end;
  }
  out->append(line.substr(at));
  return repaired;
}

}  // namespace internal
}  // namespace normkit
