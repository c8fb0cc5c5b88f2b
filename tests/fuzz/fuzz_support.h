// What every harness under tests/fuzz/ shares: a check that aborts with a
// message (assert() is compiled out under NDEBUG, and a property that fails
// silently in the replay test would prove nothing), the line and UTF-8
// definitions the properties are stated in, and a reader of ISO values.
//
// A harness is one .cc file that defines LLVMFuzzerTestOneInput. It links
// with libFuzzer in the fuzz build and with replay_main.cc otherwise.
#ifndef NORMKIT_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define NORMKIT_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace normkit::fuzz {

// `text` for a message: printable ASCII as it is, everything else as \xNN,
// cut after `limit` bytes.
inline std::string Escaped(std::string_view text, std::size_t limit = 240) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    }
  }
  out += '"';
  if (text.size() > limit) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

// "U+00AD".
inline std::string CodePointName(char32_t c) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
  return name;
}

[[noreturn]] inline void CheckFailed(const char* file, int line, const char* condition,
                                     const std::string& detail) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n%s\n", file, line, condition, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace normkit::fuzz

// Aborts (in every build type) with the condition, its place and `detail`
// (a std::string) when `condition` is false. libFuzzer treats the abort as a
// crash and saves the input; the replay test fails on it.
#define FUZZ_CHECK(condition, detail)                                         \
  do {                                                                        \
    if (!(condition)) {                                                       \
      ::normkit::fuzz::CheckFailed(__FILE__, __LINE__, #condition, (detail)); \
    }                                                                         \
  } while (false)

// The two strings, escaped, for a failed comparison.
#define FUZZ_CHECK_EQ_TEXT(a, b, what)                                                       \
  FUZZ_CHECK((a) == (b), std::string(what) + "\n  " #a " = " + ::normkit::fuzz::Escaped(a) + \
                             "\n  " #b " = " + ::normkit::fuzz::Escaped(b))

namespace normkit::fuzz {

// Line breaks as normkit counts them (include/normkit/normalizer.h): LF,
// CRLF and a lone CR each end a line.
inline std::size_t CountLineBreaks(std::string_view text) {
  std::size_t breaks = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++breaks;
    } else if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      ++breaks;
    }
  }
  return breaks;
}

// The length of the well-formed UTF-8 sequence at text[i], or 0 when it is
// ill-formed (overlong forms, surrogates and code points past U+10FFFF are;
// Unicode's Table 3-7). Written out here rather than taken from the library
// so that the check does not share the code it checks.
inline std::size_t WellFormedLength(std::string_view text, std::size_t i,
                                    char32_t* code_point = nullptr) {
  auto byte = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0x100;
  };
  const unsigned b0 = byte(0);
  auto trail = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return byte(k) >= lo && byte(k) <= hi;
  };
  std::size_t length = 0;
  char32_t c = 0;
  if (b0 < 0x80) {
    length = 1;
    c = b0;
  } else if (b0 >= 0xC2 && b0 <= 0xDF && trail(1)) {
    length = 2;
    c = ((b0 & 0x1F) << 6) | (byte(1) & 0x3F);
  } else if (b0 >= 0xE0 && b0 <= 0xEF &&
             trail(1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF) && trail(2)) {
    length = 3;
    c = ((b0 & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  } else if (b0 >= 0xF0 && b0 <= 0xF4 &&
             trail(1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF) && trail(2) && trail(3)) {
    length = 4;
    c = ((b0 & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
  }
  if (code_point != nullptr) *code_point = c;
  return length;
}

// Where the first ill-formed sequence starts, or text.size().
inline std::size_t FirstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = WellFormedLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return i;
}

inline bool IsValidUtf8(std::string_view text) { return FirstInvalidUtf8(text) == text.size(); }

// Letters of the seven alphabets the README names. (Cyrillic letters outside
// them, such as archaic ѧ or Bashkir ҡ, may pass through.)
inline bool IsAlphabetLetter(char32_t c) {
  const char32_t lower = c >= 0x400 && c <= 0x40F                   ? c + 0x50
                         : c >= 0x410 && c <= 0x42F                 ? c + 0x20
                         : (c >= 0x490 && c <= 0x4FF && c % 2 == 0) ? c + 1
                                                                    : c;
  if (lower >= 0x430 && lower <= 0x44F) return true;  // а-я
  switch (lower) {
    case 0x451:  // ё
    case 0x452:  // ђ
    case 0x453:  // ѓ
    case 0x454:  // є
    case 0x455:  // ѕ
    case 0x456:  // і
    case 0x457:  // ї
    case 0x458:  // ј
    case 0x459:  // љ
    case 0x45A:  // њ
    case 0x45B:  // ћ
    case 0x45C:  // ќ
    case 0x45E:  // ў
    case 0x45F:  // џ
    case 0x491:  // ґ
    case 0x493:  // ғ
    case 0x49B:  // қ
    case 0x4A3:  // ң
    case 0x4AF:  // ү
    case 0x4B1:  // ұ
    case 0x4BB:  // һ
    case 0x4D9:  // ә
    case 0x4E9:  // ө
      return true;
    default:
      return false;
  }
}

inline bool IsAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Whether `iso` has one of the shapes of DateValue::ToIso()
// (include/normkit/date_finder.h): YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD, each
// full date optionally followed by Thh:mm[:ss] and a zone (Z or +hh:mm /
// -hh:mm); a zone only after a time. Field ranges are checked too.
inline bool IsIsoDate(std::string_view iso) {
  auto number = [&](std::size_t at, std::size_t digits, int lo, int hi) {
    if (at + digits > iso.size() || !IsAsciiDigits(iso.substr(at, digits))) return false;
    const int v = std::stoi(std::string(iso.substr(at, digits)));
    return v >= lo && v <= hi;
  };
  if (iso.starts_with("--")) {
    // A day and month with no year: never with a time.
    return iso.size() == 7 && number(2, 2, 1, 12) && iso[4] == '-' && number(5, 2, 1, 31);
  }
  if (!number(0, 4, 1, 9999)) return false;
  std::size_t i = 4;
  bool has_day = false;
  if (i < iso.size() && iso[i] == '-') {
    if (!number(i + 1, 2, 1, 12)) return false;
    i += 3;
    if (i < iso.size() && iso[i] == '-') {
      if (!number(i + 1, 2, 1, 31)) return false;
      i += 3;
      has_day = true;
    }
  }
  if (i == iso.size()) return true;
  if (!has_day || iso[i] != 'T' || !number(i + 1, 2, 0, 24) || i + 3 >= iso.size() ||
      iso[i + 3] != ':' || !number(i + 4, 2, 0, 59)) {
    return false;
  }
  i += 6;
  if (i < iso.size() && iso[i] == ':') {
    if (!number(i + 1, 2, 0, 60)) return false;
    i += 3;
  }
  if (i == iso.size()) return true;
  if (iso.substr(i) == "Z") return true;
  return iso.size() == i + 6 && (iso[i] == '+' || iso[i] == '-') && number(i + 1, 2, 0, 18) &&
         iso[i + 3] == ':' && number(i + 4, 2, 0, 59);
}

}  // namespace normkit::fuzz

#endif  // NORMKIT_TESTS_FUZZ_FUZZ_SUPPORT_H_
