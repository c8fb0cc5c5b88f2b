// Unicode's own conformance data: NormalizationTest.txt (Unicode 15.0, the
// version of ICU 72), every line, for NFC, NFD, NFKC and NFKD, through
// normkit's Normalizer with only the form switched on.
//
// The file's header states the invariants checked here:
//   NFC   c2 == toNFC(c1) == toNFC(c2) == toNFC(c3),  c4 == toNFC(c4) ==
//   toNFC(c5) NFD   c3 == toNFD(c1) == toNFD(c2) == toNFD(c3),  c5 == toNFD(c4)
//   == toNFD(c5) NFKC  c4 == toNFKC(c1) == ... == toNFKC(c5) NFKD  c5 ==
//   toNFKD(c1) == ... == toNFKD(c5)
// and, for Part 1, that every code point not listed there is unchanged by
// all four forms.
//
// The build unpacks /usr/share/unicode/NormalizationTest.txt.bz2 (Debian's
// unicode-data) into the build tree; without it the tests skip.

#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "normkit/normalizer.h"
#include "skip.h"

namespace normkit {
namespace {

// One code point as UTF-8 (the normalizer's own encoder).
std::string Utf8(char32_t c) {
  std::string out;
  internal::AppendUtf8(c, &out);
  return out;
}

std::string Hex(const std::string& utf8) {
  std::ostringstream out;
  for (unsigned char b : utf8) {
    out << std::hex << std::uppercase << (b < 16 ? "0" : "") << int{b} << ' ';
  }
  return out.str();
}

struct Case {
  int line = 0;
  int part = 0;
  std::array<std::string, 5> c;  // columns c1..c5, as UTF-8
};

struct TestData {
  std::vector<Case> cases;
  std::vector<bool> in_part1;  // per code point
  std::string error;           // why there is no data
};

const TestData& Data() {
  static const TestData* data = [] {
    auto* d = new TestData;
    d->in_part1.assign(0x110000, false);
    const std::string path = NORMKIT_NORMALIZATION_TEST_TXT;
    if (path.empty()) {
      d->error = std::string("NormalizationTest.txt is not available: ") +
                 NORMKIT_NORMALIZATION_TEST_WHY + "; skipped";
      return d;
    }
    std::ifstream in(path);
    if (!in) {
      d->error = "cannot read " + path + "; skipped";
      return d;
    }
    int part = -1;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (line.starts_with("@Part")) {
        part = std::atoi(line.c_str() + 5);
        continue;
      }
      if (line.empty() || line[0] == '#') continue;
      Case c;
      c.line = number;
      c.part = part;
      std::istringstream fields(line.substr(0, line.find('#')));
      for (int col = 0; col < 5; ++col) {
        std::string field;
        std::getline(fields, field, ';');
        std::istringstream hex(field);
        for (std::string cp; hex >> cp;) {
          const auto value = static_cast<char32_t>(std::stoul(cp, nullptr, 16));
          c.c[col] += Utf8(value);
          if (part == 1 && col == 0) d->in_part1[value] = true;
        }
      }
      d->cases.push_back(std::move(c));
    }
    if (d->cases.size() < 10000) {
      d->error =
          path + " holds only " + std::to_string(d->cases.size()) + " cases; is it complete?";
    }
    return d;
  }();
  return *data;
}

Normalizer FormOnly(UnicodeForm form) {
  NormalizerOptions o;
  o.form = form;
  o.remove_invisibles = false;
  o.normalize_whitespace = false;
  Result<Normalizer> n = Normalizer::Create(o);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return std::move(n).value();
}

// Checks `want == form(c[i])` for the given columns (0-based).
void CheckForm(UnicodeForm form, int want, std::vector<int> inputs) {
  const TestData& data = Data();
  if (!data.error.empty()) {
    // Debian's unicode-data package brings the file; CI must have it.
    if (testing::InContinuousIntegration()) GTEST_FAIL() << data.error << " (CI is set)";
    GTEST_SKIP() << data.error;
  }
  const Normalizer n = FormOnly(form);
  int failures = 0;
  for (const Case& c : data.cases) {
    for (int i : inputs) {
      const std::string got = n.Normalize(c.c[i]);
      if (got != c.c[want]) {
        if (++failures <= 20) {
          ADD_FAILURE() << UnicodeFormName(form) << " of c" << i + 1 << " on line " << c.line
                        << " (part " << c.part << "): got " << Hex(got) << "want c" << want + 1
                        << " = " << Hex(c.c[want]);
        }
      }
      // The fast answer agrees with the full one.
      EXPECT_EQ(n.IsNormalized(c.c[i]), c.c[i] == c.c[want])
          << UnicodeFormName(form) << " line " << c.line << " c" << i + 1;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(NormalizationTest, FileIsComplete) {
  const TestData& data = Data();
  if (!data.error.empty()) {
    // Debian's unicode-data package brings the file; CI must have it.
    if (testing::InContinuousIntegration()) GTEST_FAIL() << data.error << " (CI is set)";
    GTEST_SKIP() << data.error;
  }
  // Unicode 15.0's file: parts 0..3, about 19,000 cases.
  EXPECT_GT(data.cases.size(), 18000u);
  EXPECT_EQ(data.cases.back().part, 3);
}

TEST(NormalizationTest, Nfc) {
  CheckForm(UnicodeForm::kNFC, 1, {0, 1, 2});
  CheckForm(UnicodeForm::kNFC, 3, {3, 4});
}

TEST(NormalizationTest, Nfd) {
  CheckForm(UnicodeForm::kNFD, 2, {0, 1, 2});
  CheckForm(UnicodeForm::kNFD, 4, {3, 4});
}

TEST(NormalizationTest, Nfkc) { CheckForm(UnicodeForm::kNFKC, 3, {0, 1, 2, 3, 4}); }

TEST(NormalizationTest, Nfkd) { CheckForm(UnicodeForm::kNFKD, 4, {0, 1, 2, 3, 4}); }

TEST(NormalizationTest, CodePointsNotInPart1AreUnchanged) {
  const TestData& data = Data();
  if (!data.error.empty()) {
    // Debian's unicode-data package brings the file; CI must have it.
    if (testing::InContinuousIntegration()) GTEST_FAIL() << data.error << " (CI is set)";
    GTEST_SKIP() << data.error;
  }
  const std::array<Normalizer, 4> forms = {FormOnly(UnicodeForm::kNFC), FormOnly(UnicodeForm::kNFD),
                                           FormOnly(UnicodeForm::kNFKC),
                                           FormOnly(UnicodeForm::kNFKD)};
  int checked = 0;
  int failures = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // not encodable in UTF-8
    if (data.in_part1[c]) continue;
    const std::string x = Utf8(c);
    ++checked;
    for (const Normalizer& n : forms) {
      const std::string got = n.Normalize(x);
      if (got != x && ++failures <= 20) {
        ADD_FAILURE() << UnicodeFormName(n.options().form) << " changes U+" << std::hex
                      << std::uppercase << unsigned(c) << " to " << Hex(got);
      }
    }
  }
  EXPECT_EQ(failures, 0);
  // Part 1 lists some 17,000 code points; the rest are far more.
  EXPECT_GT(checked, 1000000);
}

}  // namespace
}  // namespace normkit
