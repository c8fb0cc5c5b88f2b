// DetectCharset (normkit/encoding.h) on real text: samples of the Russian
// news corpus encoded by ICU in each Cyrillic single-byte charset come back
// as that charset, from 64 KB down to a single sentence; UTF-8 (both
// corpora) is UTF-8; byte order marks decide.

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "corpus.h"
#include "normkit/encoding.h"
#include "skip.h"

namespace normkit {
namespace {

// `utf8` in `charset`, or nullopt when a character has no byte there.
std::optional<std::string> Encode(const char* charset, const std::string& utf8) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode ec = U_ZERO_ERROR;
  UConverter* to = ucnv_open(charset, &ec);
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
  UConverter* from = ucnv_open("UTF-8", &ec);
  const char* source = utf8.data();
  char* target = out.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &ec);
  ucnv_close(to);
  ucnv_close(from);
  if (U_FAILURE(ec)) return std::nullopt;
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

TEST(CharsetDetectionTest, ByteOrderMarksAndUtf8) {
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBFtext").name, "UTF-8");
  EXPECT_EQ(DetectCharset("\xFF\xFEt\0e\0").name, "UTF-16LE");
  EXPECT_EQ(DetectCharset("\xFE\xFF\0t\0e").name, "UTF-16BE");
  EXPECT_EQ(DetectCharset("Привет, мир").name, "UTF-8");
  EXPECT_EQ(DetectCharset("plain ASCII").name, "UTF-8");
  // A sequence cut by the end of the sample is not held against UTF-8.
  EXPECT_EQ(DetectCharset(std::string("Привет") + "\xD0").name, "UTF-8");
}

TEST(CharsetDetectionTest, Utf16BothWays) {
  // "Пр😀\n" in UTF-16LE with its byte order mark, and in UTF-16BE.
  const std::string le("\xFF\xFE\x1F\x04\x40\x04\x3D\xD8\x00\xDE\x0A\x00", 12);
  const std::string be("\xFE\xFF\x04\x1F\x04\x40\xD8\x3D\xDE\x00\x00\x0A", 12);
  std::string out;
  EXPECT_EQ(DecodeUtf16(le, false, &out), 0u);
  EXPECT_EQ(out, "Пр😀\n");
  out.clear();
  EXPECT_EQ(DecodeUtf16(be, true, &out), 0u);
  EXPECT_EQ(out, "Пр😀\n");
  // A lone surrogate and an odd last byte each become U+FFFD.
  out.clear();
  EXPECT_EQ(DecodeUtf16(std::string("\x00\xD8\x41\x00\x42", 5), false, &out), 2u);
  EXPECT_EQ(out, "\uFFFDA\uFFFD");
}

TEST(CharsetDetectionTest, RussianNewsInEveryCharset) {
  const std::string* ru = testing::RussianNewsJoined();
  std::optional<std::string> kk = testing::KazakhSentences();
  if (ru == nullptr || !kk) NORMKIT_SKIP_WITHOUT_SHARED("corpora");
  EXPECT_EQ(DetectCharset(std::string_view(*kk).substr(0, 1 << 16)).name, "UTF-8");
  // Lines with Cyrillic that every charset encodes.
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < ru->size() && lines.size() < 4000;) {
    std::size_t end = ru->find('\n', start);
    if (end == std::string::npos) end = ru->size();
    std::string line = ru->substr(start, end - start);
    start = end + 1;
    if (line.size() < 40 || line.find("\xD0") == std::string::npos) continue;
    if (Encode("IBM866", line) && Encode("KOI8-R", line) && Encode("ISO-8859-5", line) &&
        Encode("windows-1251", line)) {
      lines.push_back(line);
    }
  }
  ASSERT_GT(lines.size(), 1000u);
  const char* charsets[] = {"windows-1251", "KOI8-R", "IBM866", "ISO-8859-5"};
  for (const char* charset : charsets) {
    // Samples of one line, of about 1 KB and of about 64 KB.
    for (const std::size_t size : {std::size_t{0}, std::size_t{1024}, std::size_t{65536}}) {
      std::size_t right = 0, samples = 0;
      for (std::size_t i = 0; i < lines.size() && samples < 300;) {
        std::string sample;
        while (i < lines.size() && (sample.empty() || sample.size() < size)) {
          sample += lines[i++] + "\n";
        }
        ++samples;
        right += DetectCharset(*Encode(charset, sample)).name == charset;
      }
      std::printf("%-13s samples of %5zu+ bytes: %zu of %zu right\n", charset, size, right,
                  samples);
      // Whole lines and more: every one; a single sentence: 95% or more.
      EXPECT_GE(right * 100, samples * (size == 0 ? 95 : 100)) << charset << " " << size;
    }
  }
}

}  // namespace
}  // namespace normkit
