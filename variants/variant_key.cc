#include "variant_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

#include "core/char_class.h"

namespace normkit::internal {
namespace {

// Stage 1 turns the word into a plain lower-case string over a-z, '-', and
// four letters that name a Cyrillic sound that the source spelled with one
// letter and a diacritic: 'Z' ж (ž ż), 'W' ш (š ş ș), 'C' ч (č ć ç), 'Q' щ
// (ŝ). Anything else (digits, other scripts) is kept as UTF-8.
constexpr char kZhe = 'Z', kSha = 'W', kChe = 'C', kShcha = 'Q';

// The base letter of a lower-case Latin letter with diacritics, or 0.
char LatinBase(char32_t c) {
  switch (c) {
    case U'ž':
    case U'ż':
      return kZhe;
    case U'š':
    case U'ş':
    case U'ș':
      return kSha;
    case U'č':
    case U'ć':
    case U'ç':
    case U'ĉ':
      return kChe;
    case U'ŝ':
      return kShcha;  // ISO 9 щ
    case U'ł':
    case U'ŀ':
      return 'l';
    case U'đ':
      return 'd';
    case U'ħ':
      return 'h';
    case U'ı':
      return 'i';
    case U'ø':
      return 'o';
    case U'ə':
    case U'ǝ':
      return 'a';  // Azerbaijani and Kazakh ә
    case U'œ':
    case U'æ':
      return 'e';
    default:
      break;
  }
  // Everything else by its canonical decomposition: é -> e + U+0301.
  UErrorCode ec = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  if (U_FAILURE(ec) || nfd == nullptr) return 0;
  icu::UnicodeString decomposition;
  if (!nfd->getDecomposition(static_cast<UChar32>(c), decomposition) || decomposition.isEmpty()) {
    return 0;
  }
  const UChar32 base = decomposition.char32At(0);
  if (base >= 'a' && base <= 'z') return static_cast<char>(base);
  return 0;
}

// Apostrophes and the signs that transliterations write for ь and ъ: left
// out of the key (Naval'nyy, Navalʹnyj, Navalny meet).
bool IsSilentSign(UChar32 c) {
  switch (c) {
    case U'\'':
    case U'`':
    case U'\u2019':
    case U'\u2018':
    case U'\u02BC':
    case U'\u02B9':
    case U'\u02BA':
    case U'\u02BB':
    case U'\u00B7':
    case U'\u00B4':
    case U'"':
    case U'\u201D':
      return true;
    default:
      return false;
  }
}

bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

std::string Plain(std::string_view word) {
  std::string plain;
  plain.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if (c < 0) continue;
    if (c == U'ß' || c == U'ẞ') {
      plain += "ss";
      continue;
    }
    if (IsHyphen(c)) {
      plain.push_back('-');
      continue;
    }
    if (IsSilentSign(c) || IsMark(c)) continue;
    c = u_tolower(c);
    if (c < 0x80) {
      plain.push_back(static_cast<char>(c));
      continue;
    }
    if (const char base = LatinBase(static_cast<char32_t>(c))) {
      plain.push_back(base);
      continue;
    }
    char bytes[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    plain.append(bytes, n);
  }
  return plain;
}

// Sounds that the modes write differently.
enum Sound : char {
  kSoundZh = 1,  // ж
  kSoundSh,      // ш
  kSoundCh,      // ч
  kSoundShch,    // щ
  kSoundKh,      // х
  kSoundTs,      // ц
  kSoundZ,       // з
  kSoundS,       // с
};

bool IsVowelLetter(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Stage 2: one part of a hyphenated name, from plain letters to sounds and
// letters. Vowels come out as a e i o u, where 'i' stands for и, ы, й and
// the glide of iotated vowels alike.
void Sounds(std::string_view s, std::vector<char>* out) {
  auto at = [&](std::size_t i) -> char { return i < s.size() ? s[i] : '\0'; };
  auto starts = [&](std::size_t i, std::string_view what) {
    return s.substr(i, what.size()) == what;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const char next = at(i + 1);
    switch (c) {
      case 't':
        if (starts(i, "tsch")) {
          out->push_back(kSoundCh);
          i += 4;
          continue;
        }
        if (starts(i, "tch")) {
          out->push_back(kSoundCh);
          i += 3;
          continue;
        }
        if (next == 's' || next == 'z' || next == 'c') {
          out->push_back(kSoundTs);
          i += 2;
          continue;
        }
        out->push_back('t');
        break;
      case 's':
        if (starts(i, "sch")) {
          out->push_back(kSoundSh);
          i += 3;
          continue;
        }
        if (next == 'h' || next == 'z') {
          out->push_back(kSoundSh);
          i += 2;
          continue;
        }
        out->push_back(kSoundS);
        break;
      case 'z':
        if (next == 'h') {
          out->push_back(kSoundZh);
          i += 2;
          continue;
        }
        out->push_back(kSoundZ);
        break;
      case 'c':
        if (next == 'h' || next == 'z') {
          out->push_back(kSoundCh);
          i += 2;
          continue;
        }
        out->push_back(kSoundTs);  // also before k: Polish Donieck, ISO 9 Donecʹk
        break;
      case 'k':
        if (next == 'h') {
          out->push_back(kSoundKh);
          i += 2;
          continue;
        }
        out->push_back('k');
        break;
      case 'g':
        out->push_back('g');
        // gh (BGN/PCGN for Turkic ғ); French gu before e and i (Sergueï).
        if (next == 'h') {
          i += 2;
          continue;
        }
        if (next == 'u' && (at(i + 2) == 'e' || at(i + 2) == 'i' || at(i + 2) == 'y')) {
          i += 2;
          continue;
        }
        break;
      case 'p':
        if (next == 'h') {
          out->push_back('f');
          i += 2;
          continue;
        }
        out->push_back('p');
        break;
      case 'q':
        out->push_back('k');
        break;
      case 'x':
        out->push_back('k');
        out->push_back(kSoundS);
        break;
      case 'w':
        out->push_back('v');
        break;
      case 'h':
        out->push_back(kSoundKh);
        break;
      case 'j': {
        // German, Polish and Czech j is й (Tokajew, Jelzin, Juschtschenko);
        // French j is ж (Joukov, Prigojine, Jirinovski). French writes й as
        // ï or i and never j, and ж+ou or ж+i are where the two part.
        const char prev = i > 0 ? s[i - 1] : '\0';
        if (starts(i + 1, "ou") || (next == 'i' && prev != 'i' && prev != 'y')) {
          out->push_back(kSoundZh);
        } else if (IsVowelLetter(next) || IsVowelLetter(prev) || prev == 'j') {
          out->push_back('i');
        } else {
          out->push_back(kSoundZh);  // Jdanov
        }
        break;
      }
      case 'o':
        if (next == 'u') {
          out->push_back('u');
          i += 2;
          continue;
        }
        out->push_back('o');
        break;
      case 'y':
        out->push_back('i');
        break;
      case kZhe:
        out->push_back(kSoundZh);
        break;
      case kSha:
        out->push_back(kSoundSh);
        break;
      case kChe:
        out->push_back(kSoundCh);
        break;
      case kShcha:
        out->push_back(kSoundShch);
        break;
      default:
        out->push_back(c);
        break;
    }
    ++i;
  }
}

bool IsVowelSound(char c) { return c == 'a' || c == 'e' || c == 'o' || c == 'u'; }

bool IsHushing(char c) {
  return c == kSoundZh || c == kSoundSh || c == kSoundCh || c == kSoundShch;
}

// Stage 3: fold what transliterations disagree on, then write the symbols.
void FoldPart(std::string_view part, KeyMode mode, bool from_cyrillic, std::string* key) {
  std::string plain(part);
  // French writes -ин as -ine (Poutine, Eltsine, Prigojine).
  if (!from_cyrillic && plain.size() >= 5 && plain.ends_with("ine")) plain.pop_back();
  // -андр is -ander in English, German and Polish, -andre in French.
  if (!from_cyrillic && plain.ends_with("andre")) plain.pop_back();
  if (!from_cyrillic && plain.ends_with("ander")) plain.erase(plain.size() - 2, 1);
  std::vector<char> sounds;
  Sounds(plain, &sounds);

  std::vector<char> folded;
  folded.reserve(sounds.size());
  for (std::size_t i = 0; i < sounds.size(); ++i) {
    char c = sounds[i];
    if (c == 'i') {
      // A glide before a vowel is what iotation looks like in each
      // convention (ye, je, ie, ïe, e; yu, ju, iu, iou; ya, ja, ia): drop
      // it. A glide before o is ё (yo, jo, io, ë, e): it reads as e.
      std::size_t end = i;
      while (end < sounds.size() && sounds[end] == 'i') ++end;
      if (end < sounds.size() && IsVowelSound(sounds[end])) {
        if (sounds[end] == 'o') sounds[end] = 'e';
        i = end - 1;
        continue;
      }
    }
    // ё after a hushing letter (and х in the coarse key) is e in English and
    // French, o in German, Polish and Czech: Gorbachev, Gorbatschow.
    if (c == 'o' && !folded.empty() &&
        (IsHushing(folded.back()) || (mode == KeyMode::kCoarse && folded.back() == kSoundKh))) {
      c = 'e';
    }
    // о+у is ou in English and oou in French (Belousov, Belooussov), where
    // ou alone is у: the o before a u goes.
    if (c == 'u' && !folded.empty() && folded.back() == 'o') folded.pop_back();
    folded.push_back(c);
  }

  std::string symbols;
  for (char c : folded) {
    if (mode == KeyMode::kCoarse) {
      switch (c) {
        case kSoundZh:
        case kSoundSh:
        case kSoundCh:
        case kSoundShch:
        case kSoundKh:
          symbols.push_back('x');
          break;
        case kSoundTs:
        case kSoundZ:
        case kSoundS:
          symbols.push_back('s');
          break;
        default:
          symbols.push_back(c);
      }
    } else {
      switch (c) {
        case kSoundZh:
          symbols.push_back('Z');
          break;
        case kSoundSh:
          symbols.push_back('W');
          break;
        case kSoundCh:
          symbols.push_back('C');
          break;
        case kSoundShch:
          symbols += "WC";
          break;
        case kSoundKh:
          symbols.push_back('H');
          break;
        case kSoundTs:
          symbols.push_back('Q');
          break;
        case kSoundZ:
          symbols.push_back('z');
          break;
        case kSoundS:
          symbols.push_back('s');
          break;
        default:
          symbols.push_back(c);
      }
    }
  }
  // Doubled letters (Massimov, Kassym, Beloussow) and runs of one class
  // (shch, szcz, schtsch) count once.
  std::string out;
  for (char c : symbols) {
    if (out.empty() || out.back() != c || static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    }
  }
  // -off and -eff for -ов and -ев (Smirnoff, Rachmaninoff).
  if (out.size() >= 2 && out.back() == 'f' &&
      (out[out.size() - 2] == 'o' || out[out.size() - 2] == 'e')) {
    out.back() = 'v';
  }
  key->append(out);
}

}  // namespace

std::string FoldKey(std::string_view latin, KeyMode mode, bool from_cyrillic) {
  const std::string plain = Plain(latin);
  std::string key;
  std::size_t start = 0;
  for (;;) {
    const std::size_t hyphen = plain.find('-', start);
    const std::string_view part = std::string_view(plain).substr(
        start, hyphen == std::string::npos ? std::string::npos : hyphen - start);
    FoldPart(part, mode, from_cyrillic, &key);
    if (hyphen == std::string::npos) break;
    key.push_back('-');
    start = hyphen + 1;
  }
  return key;
}

std::string FoldCyrillic(std::string_view word) {
  std::string out;
  UChar32 last = -1;
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if (c < 0 || IsSilentSign(c) || IsMark(c)) continue;
    c = u_tolower(c);
    switch (c) {
      case U'ё':
        c = U'е';
        break;
      case U'ь':
      case U'ъ':
        continue;
      case U'і':
        c = U'и';
        break;
      case U'є':
        c = U'е';
        break;
      case U'ґ':
        c = U'г';
        break;
      case U'ў':
        c = U'в';
        break;
      default:
        break;
    }
    if (IsHyphen(c)) c = '-';
    if (c == last) continue;
    last = c;
    char bytes[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    out.append(bytes, n);
  }
  return out;
}

const char* KeySchemeFor(std::string_view word) {
  bool kazakh = false, belarusian = false, ukrainian = false, serbian = false, macedonian = false;
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    switch (u_tolower(c)) {
      case U'ә':
      case U'ғ':
      case U'қ':
      case U'ң':
      case U'ө':
      case U'ұ':
      case U'ү':
      case U'һ':
        kazakh = true;
        break;
      case U'ў':
        belarusian = true;
        break;
      case U'і':
      case U'ї':
      case U'є':
      case U'ґ':
        ukrainian = true;
        break;
      case U'ђ':
      case U'ј':
      case U'љ':
      case U'њ':
      case U'ћ':
      case U'џ':
        serbian = true;
        break;
      case U'ѓ':
      case U'ќ':
      case U'ѕ':
        macedonian = true;
        break;
      default:
        break;
    }
  }
  if (kazakh) return "kk/bgn_pcgn";
  if (belarusian) return "be/national";
  if (ukrainian) return "uk/national_2010";
  if (macedonian) return "mk/national";
  if (serbian) return "sr/latin";
  return "ru/bgn_pcgn";
}

bool HasCyrillic(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if ((c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F) ||
        (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F)) {
      return true;
    }
  }
  return false;
}

}  // namespace normkit::internal
