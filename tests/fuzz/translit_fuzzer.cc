// Transliterator: every scheme that normkit::ListSchemes lists, forward, and
// reverse for the reversible ones, on any bytes.
//
// Input: the first byte picks the scheme and direction (its value modulo the
// number of them, in ListSchemes order, forward before reverse), the rest is
// the text.
//
// Properties:
//  - the output is valid UTF-8 and NFC, and has the input's line count;
//  - the output of the appending form is the text after what *out held;
//  - lines are independent: the text split at its first LF gives the two
//    transliterations joined by a LF (a word never spans a line break);
//  - forward: no letter of the Russian, Ukrainian, Belarusian, Kazakh,
//    Bulgarian, Serbian or Macedonian alphabets is left (README), and, on
//    valid UTF-8, the output is the reference implementation's
//    (tests/translit/reference_transliterator.h: the rule file read plainly,
//    code point by code point), as translit_reference_test checks on the
//    corpora.
#include <unicode/normalizer2.h>

#include <memory>
#include <vector>

#include "fuzz_support.h"
#include "normkit/rule_files.h"
#include "normkit/transliterator.h"
#include "reference_transliterator.h"
#include "translit/scheme.h"

namespace normkit::fuzz {
namespace {

struct SchemeRun {
  std::string id;
  Direction direction;
};

// One entry per scheme forward, then per reversible scheme reverse.
const std::vector<SchemeRun>& Directions() {
  static const std::vector<SchemeRun>* all = [] {
    auto* list = new std::vector<SchemeRun>;
    std::vector<Status> errors;
    const std::vector<SchemeInfo> schemes = ListSchemes(RuleFiles::Embedded(), &errors);
    FUZZ_CHECK(errors.empty(), errors.empty() ? "" : errors[0].ToString());
    FUZZ_CHECK(!schemes.empty(), "no schemes are embedded");
    for (const SchemeInfo& s : schemes) list->push_back({s.id, Direction::kForward});
    for (const SchemeInfo& s : schemes) {
      if (s.reversible) list->push_back({s.id, Direction::kReverse});
    }
    return list;
  }();
  return *all;
}

// A compiled scheme and, forward, the reference for it; built on first use.
struct Built {
  std::unique_ptr<Transliterator> fast;
  std::unique_ptr<internal::Scheme> scheme, fallback;
  std::unique_ptr<testing::ReferenceTransliterator> reference;
};

const Built& Get(std::size_t index) {
  static std::vector<Built>* built = new std::vector<Built>(Directions().size());
  Built& b = (*built)[index];
  if (b.fast) return b;
  const SchemeRun& d = Directions()[index];
  const RuleFiles rules = RuleFiles::Embedded();
  Result<Transliterator> t = Transliterator::Create(d.id, d.direction, rules);
  FUZZ_CHECK(t.ok(), d.id + ": " + t.status().ToString());
  b.fast = std::make_unique<Transliterator>(std::move(*t));
  if (d.direction == Direction::kForward) {
    auto parse = [&](const std::string& id) {
      const std::string path = internal::SchemePath(id);
      Result<internal::Scheme> s = internal::ParseScheme(*rules.Find(path), rules.Origin(path), id);
      FUZZ_CHECK(s.ok(), s.status().ToString());
      return std::make_unique<internal::Scheme>(std::move(*s));
    };
    b.scheme = parse(d.id);
    if (!b.scheme->fallback.empty()) b.fallback = parse(b.scheme->fallback);
    b.reference = std::make_unique<testing::ReferenceTransliterator>(*b.scheme, b.fallback.get());
  }
  return b;
}

bool IsNfc(std::string_view text) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  const bool yes = nfc->isNormalizedUTF8(icu::StringPiece(text.data(), text.size()), ec);
  return U_SUCCESS(ec) && yes;
}

void CheckOne(std::size_t index, std::string_view text) {
  const SchemeRun& d = Directions()[index];
  const Built& b = Get(index);
  const std::string context = d.id +
                              (d.direction == Direction::kForward ? " forward" : " reverse") +
                              "\n  input = " + Escaped(text) + "\n  ";

  const std::string out = b.fast->Transliterate(text);
  FUZZ_CHECK(IsValidUtf8(out), context + "output is not UTF-8: " + Escaped(out));
  FUZZ_CHECK(IsNfc(out), context + "output is not NFC: " + Escaped(out));
  FUZZ_CHECK(CountLineBreaks(out) == CountLineBreaks(text),
             context + "line count " + std::to_string(CountLineBreaks(text)) + " became " +
                 std::to_string(CountLineBreaks(out)) + ": " + Escaped(out));

  std::string appended = "kept";
  b.fast->Transliterate(text, &appended);
  FUZZ_CHECK_EQ_TEXT(appended, "kept" + out, context + "the appending form differs");

  const std::size_t lf = text.find('\n');
  if (lf != std::string_view::npos) {
    const std::string joined = b.fast->Transliterate(text.substr(0, lf)) + "\n" +
                               b.fast->Transliterate(text.substr(lf + 1));
    FUZZ_CHECK_EQ_TEXT(out, joined, context + "lines are not transliterated alone");
  }

  if (d.direction != Direction::kForward) return;
  for (std::size_t i = 0; i < out.size();) {
    char32_t c = 0;
    const std::size_t length = WellFormedLength(out, i, &c);
    FUZZ_CHECK(!IsAlphabetLetter(c), context + "a Cyrillic letter is left at byte " +
                                         std::to_string(i) + ": " + Escaped(out));
    i += length;
  }
  if (IsValidUtf8(text)) {
    const std::string reference = b.reference->Transliterate(text);
    FUZZ_CHECK_EQ_TEXT(out, reference, context + "the engine differs from the reference");
  }
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  normkit::fuzz::CheckOne(data[0] % normkit::fuzz::Directions().size(), text);
  return 0;
}
