// Rule files: any bytes as a scheme, header rules, a dates file, a variants
// lexicon, a recipe or the punctuation profile give a working object or an
// error Status, never a crash, a hang or a leak. Each goes in through
// RuleFiles::Add over the embedded rules (or as an extra lexicon) and the
// public Create functions, as `--rules DIR` and `--lexicon FILE` do.
//
// Input: the first byte picks what the rest is, by its value modulo 12:
//   0 a new scheme, translit/zz/fuzz.toml    6 cyrl/iso_9 replaced (the
//                                               fallback of every scheme)
//   1 new header rules, headers/zz.toml      7 headers/en.toml replaced
//   2 a new dates file, dates/zz.toml        8 dates/common.toml replaced
//   3 a lexicon, without scheme variants     9 a lexicon, with them
//   4 a recipe, Pipeline::FromRecipe        10 recipes/news.toml replaced
//   5 normalize/punct.toml, ascii quotes    11 the same, curly quotes
// (tests/fuzz/make_seeds.sh writes the seeds with these bytes.)
//
// Properties:
//  - an error is a Status with a code and a message; a kRuleSyntax error
//    in the fuzzed file names a line of it;
//  - an object that is built runs on a sample text: transliteration keeps
//    the line count and gives valid UTF-8 (on the sample, and on the
//    scheme's own test inputs repeated past 64 KB), the header cleaner's round trip
//    holds, dates come in order, Apply() keeps the line count;
//  - a scheme that compiles is listed by ListSchemes.
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "normkit/date_finder.h"
#include "normkit/header_cleaner.h"
#include "normkit/normalizer.h"
#include "normkit/pipeline.h"
#include "normkit/rule_files.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"

namespace normkit::fuzz {
namespace {

// What the built objects run on: every letter of the seven alphabets the
// schemes cover, header lines, dates, names with variants, a lone CR.
constexpr std::string_view kSample =
    "Опубликовано: 20 июня 2022,, 14:01\n"
    "Updated: June 21, 2022 9:30 AM\n"
    "Фото: Соцсети\n"
    "Съешь же ещё этих мягких французских булок, да выпей чаю.\r"
    "Ґанок Їжак Єва і ў; Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ; Ђђ Јј Љљ Њњ Ћћ Џџ Ѓѓ Ѕѕ Ќќ\n"
    "Tokaev met Zelenskiy in Astana on 2 March 2023 «Ъ» OBʺÂVLENIE\r\n"
    "By Ivan Zubov\n"
    "\n"
    "Text of the article, a sentence that reads as running text and goes on.\n";

const RuleFiles& Embedded() {
  static const RuleFiles* rules = new RuleFiles(RuleFiles::Embedded());
  return *rules;
}

// The status of a failed Create: a real error, placed in the fuzzed file
// when it is a syntax error there.
void CheckError(const Status& s, std::string_view file, const std::string& origin,
                const std::string& context) {
  FUZZ_CHECK(!s.ok() && !s.message().empty(), context + "an error without a message");
  const std::string text = s.ToString();
  if (s.code() == ErrorCode::kRuleSyntax && s.where().file == origin) {
    FUZZ_CHECK(s.where().line <= CountLineBreaks(file) + 1,
               context + "the error is past the file's last line: " + text);
  }
}

void CheckLines(std::string_view in, std::string_view out, const std::string& context) {
  FUZZ_CHECK(CountLineBreaks(out) == CountLineBreaks(in),
             context + "line count changed: " + Escaped(out));
}

void Scheme(std::string_view file, bool replace_fallback, const std::string& context) {
  RuleFiles rules = Embedded();
  const std::string id = replace_fallback ? "cyrl/iso_9" : "zz/fuzz";
  const std::string origin = "fuzz/translit/" + id + ".toml";
  rules.Add("translit/" + id + ".toml", std::string(file), origin);
  std::vector<std::string> ids = {id};
  if (replace_fallback) ids.push_back("ru/bgn_pcgn");  // falls back to cyrl/iso_9
  bool built = false;
  for (const std::string& scheme : ids) {
    for (Direction d : {Direction::kForward, Direction::kReverse}) {
      Result<Transliterator> t = Transliterator::Create(scheme, d, rules);
      if (!t.ok()) {
        CheckError(t.status(), file, origin, context);
        continue;
      }
      built = built || scheme == id;
      const std::string out = t->Transliterate(kSample);
      FUZZ_CHECK(IsValidUtf8(out), context + scheme + ": output is not UTF-8: " + Escaped(out));
      CheckLines(kSample, out, context + scheme + ": ");
      // The scheme's own test inputs, over and over with gaps of every
      // width, past the engine's 64 KB output block: a long output piece
      // then meets the block's end at every offset.
      std::string pieces;
      for (const auto& [cyrillic, latin] : t->test_pairs()) {
        pieces += d == Direction::kForward ? cyrillic : latin;
        pieces += ' ';
      }
      if (!pieces.empty()) {
        std::string long_text;
        for (std::size_t k = 0; long_text.size() < 100000; ++k) {
          long_text += pieces;
          long_text.append(k % 37, ' ');
        }
        const std::string long_out = t->Transliterate(long_text);
        FUZZ_CHECK(IsValidUtf8(long_out), context + scheme + ": output is not UTF-8");
        CheckLines(long_text, long_out, context + scheme + ": ");
      }
    }
  }
  std::vector<Status> errors;
  bool listed = false;
  for (const SchemeInfo& info : ListSchemes(rules, &errors)) listed = listed || info.id == id;
  if (built) FUZZ_CHECK(listed, context + "a scheme that compiles is not listed");
}

void Headers(std::string_view file, bool replace, const std::string& context) {
  RuleFiles rules = Embedded();
  const std::string path = replace ? "headers/en.toml" : "headers/zz.toml";
  const std::string origin = "fuzz/" + path;
  rules.Add(path, std::string(file), origin);
  Result<HeaderCleaner> cleaner = HeaderCleaner::Create({}, rules);
  if (!cleaner.ok()) return CheckError(cleaner.status(), file, origin, context);
  const CleanedArticle a = cleaner->Clean(kSample);
  // The round trip, in short: every line is in the body or removed.
  std::size_t pieces = 1, body_lines = 1;
  for (char c : kSample) pieces += c == '\n';
  for (char c : a.body) body_lines += c == '\n';
  if (a.removed.size() == a.lines) body_lines = 0;
  FUZZ_CHECK(a.lines == pieces && body_lines + a.removed.size() == a.lines,
             context + std::to_string(a.lines) + " lines, " + std::to_string(body_lines) +
                 " in the body and " + std::to_string(a.removed.size()) + " removed");
}

void Dates(std::string_view file, bool replace, const std::string& context) {
  RuleFiles rules = Embedded();
  const std::string path = replace ? "dates/common.toml" : "dates/zz.toml";
  const std::string origin = "fuzz/" + path;
  rules.Add(path, std::string(file), origin);
  Result<DateFinder> finder = DateFinder::Create({}, rules);
  if (!finder.ok()) return CheckError(finder.status(), file, origin, context);
  std::vector<DateMatch> matches;
  finder->Find(kSample, &matches);
  std::size_t previous_end = 0;
  for (const DateMatch& m : matches) {
    FUZZ_CHECK(m.begin >= previous_end && m.begin < m.end && m.end <= kSample.size(),
               context + "match [" + std::to_string(m.begin) + ", " + std::to_string(m.end) +
                   ") out of order or bounds");
    previous_end = m.end;
  }
}

void Lexicon(std::string_view file, bool scheme_variants, const std::string& context) {
  VariantIndexOptions options;
  // The built-in lexicon is left out: most of the time of Create() would go
  // to it, and a name of the fuzzed file may take over its spellings anyway.
  options.builtin_lexicon = false;
  options.scheme_variants = scheme_variants;
  const std::string origin = "fuzz/lexicon.toml";
  options.extra_lexicons.push_back({origin, std::string(file)});
  Result<VariantIndex> index = VariantIndex::Create(options, Embedded());
  if (!index.ok()) return CheckError(index.status(), file, origin, context);
  std::string out;
  index->Apply(kSample, &out);
  CheckLines(kSample, out, context);
  index->Key("Tokaev");
  index->Canonical("Tokaev");
}

void Recipe(std::string_view file, bool replace, const std::string& context) {
  const std::string origin = replace ? "fuzz/recipes/news.toml" : "fuzz/recipe.toml";
  Result<Pipeline> pipeline = [&] {
    if (!replace) return Pipeline::FromRecipe(file, origin, Embedded());
    RuleFiles rules = Embedded();
    rules.Add("recipes/news.toml", std::string(file), origin);
    return Pipeline::Create("news", rules);
  }();
  if (!pipeline.ok()) return CheckError(pipeline.status(), file, origin, context);
  pipeline->Process(kSample);
  const Document line = pipeline->ProcessLine(kSample.substr(0, kSample.find('\n')));
  FUZZ_CHECK(line.text.find('\n') == std::string::npos,
             context + "ProcessLine() made several lines: " + Escaped(line.text));
}

void Punct(std::string_view file, bool curly, const std::string& context) {
  RuleFiles rules = Embedded();
  const std::string origin = "fuzz/normalize/punct.toml";
  rules.Add("normalize/punct.toml", std::string(file), origin);
  NormalizerOptions options;
  options.punct = true;
  options.quote_style = curly ? "curly" : "ascii";
  Result<Normalizer> n = Normalizer::Create(options, rules);
  if (!n.ok()) return CheckError(n.status(), file, origin, context);
  const std::string out = n->Normalize(kSample);
  FUZZ_CHECK(IsValidUtf8(out), context + "output is not UTF-8: " + Escaped(out));
  CheckLines(kSample, out, context);
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace normkit::fuzz;  // NOLINT: the kinds read better unqualified
  if (size == 0) return 0;
  const std::string_view file(reinterpret_cast<const char*>(data) + 1, size - 1);
  const int kind = data[0] % 12;
  const bool second = kind >= 6;
  const std::string context =
      "kind " + std::to_string(kind) + "\n  file = " + Escaped(file) + "\n  ";
  switch (kind % 6) {
    case 0:
      Scheme(file, second, context);
      break;
    case 1:
      Headers(file, second, context);
      break;
    case 2:
      Dates(file, second, context);
      break;
    case 3:
      Lexicon(file, second, context);
      break;
    case 4:
      Recipe(file, second, context);
      break;
    case 5:
      Punct(file, second, context);
      break;
  }
  return 0;
}
