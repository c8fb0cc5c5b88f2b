// DetectCharset (normkit/encoding.h).
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/utf8.h"
#include "normkit/encoding.h"

namespace normkit {
namespace {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    char32_t c;
    const std::size_t length = internal::DecodeUtf8(p, end, &c);
    // A sequence cut by the end of the sample is not held against it.
    if (c == internal::kIllFormed && p + length < end) return false;
    p += length;
  }
  return true;
}

// How well `utf8` reads as Cyrillic text: small letters count for it;
// signs, box drawing, C1 controls and non-Russian letters among the
// letters, and a capital right after a small letter, count against it.
double Plausibility(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  double score = 0;
  bool previous_small = false;
  while (p < end) {
    char32_t c;
    p += internal::DecodeUtf8(p, end, &c);
    const bool small = (c >= 0x430 && c <= 0x44F) || c == 0x451;
    const bool capital = (c >= 0x410 && c <= 0x42F) || c == 0x401;
    if (small) {
      score += 1;
    } else if (capital) {
      if (previous_small) score -= 2;
    } else if (c >= 0x80 && c != 0xA0 && c != 0xAB && c != 0xBB && c != 0x2014 && c != 0x2013 &&
               c != 0x2026 && c != 0x2116 && c != 0x201C && c != 0x201D && c != 0x201E) {
      score -= 2;  // box drawing, C1, signs, Ђ Џ ...
    }
    previous_small = small;
  }
  return score;
}

}  // namespace

DetectedCharset DetectCharset(std::string_view head) {
  DetectedCharset result;
  if (head.starts_with("\xEF\xBB\xBF")) return {"UTF-8", true};
  if (head.starts_with("\xFF\xFE")) return {"UTF-16LE", true};
  if (head.starts_with("\xFE\xFF")) return {"UTF-16BE", true};
  if (IsValidUtf8(head)) return {"UTF-8", false};
  // ICU's proposals, by confidence (0..100).
  std::array<std::pair<const char*, int>, 4> candidates = {
      {{"windows-1251", 0}, {"KOI8-R", 0}, {"ISO-8859-5", 0}, {"IBM866", 0}}};
  UErrorCode ec = U_ZERO_ERROR;
  if (UCharsetDetector* detector = ucsdet_open(&ec); U_SUCCESS(ec)) {
    ucsdet_setText(detector, head.data(), static_cast<int32_t>(head.size()), &ec);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &ec);
    for (int32_t i = 0; U_SUCCESS(ec) && i < found; ++i) {
      const char* name = ucsdet_getName(matches[i], &ec);
      const int confidence = ucsdet_getConfidence(matches[i], &ec);
      for (auto& [candidate, score] : candidates) {
        if (U_SUCCESS(ec) && std::string_view(name) == candidate) score = confidence;
      }
    }
    ucsdet_close(detector);
  }
  double best = -1e300;
  result.name = "windows-1251";
  for (const auto& [name, confidence] : candidates) {
    Result<CharsetDecoder> decoder = CharsetDecoder::Create(name);
    if (!decoder.ok()) continue;
    std::string utf8;
    decoder->Decode(head, &utf8);
    // ICU's confidence tips the balance between close readings.
    const double score = Plausibility(utf8) * (1.0 + confidence / 1000.0);
    if (score > best) {
      best = score;
      result.name = name;
    }
  }
  return result;
}

std::size_t DecodeUtf16(std::string_view bytes, bool big_endian, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size(), i = 0, bad = 0;
  auto unit = [&](std::size_t at) -> char32_t {
    return big_endian ? (p[at] << 8 | p[at + 1]) : (p[at + 1] << 8 | p[at]);
  };
  if (n >= 2 && unit(0) == 0xFEFF) i = 2;
  out->reserve(out->size() + n);
  for (; i + 1 < n; i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        internal::AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      internal::AppendUtf8(internal::kReplacementCharacter, out);
      ++bad;
      continue;
    }
    internal::AppendUtf8(u, out);
  }
  if (i < n) {  // an odd last byte
    internal::AppendUtf8(internal::kReplacementCharacter, out);
    ++bad;
  }
  return bad;
}

}  // namespace normkit
