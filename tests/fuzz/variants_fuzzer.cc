// VariantIndex: Apply(), Key(), Canonical(), CountNames() and Cluster() on
// any bytes, with the built-in lexicon and the scheme variants.
//
// Input: the text, all of it.
//
// Properties (include/normkit/variant_index.h):
//  - Apply() appends after what *out held; with no rewrite the text comes
//    out byte for byte; the output is valid UTF-8 when the input is, keeps
//    the line count, and is a fixed point (a canonical form is not itself a
//    variant of some other name, so a second Apply() rewrites nothing);
//  - Key() of the first word, when it is Latin and Cyrillic letters, is
//    lower-case ASCII;
//  - Canonical() of a spelling it knows gives a form that is its own
//    canonical form;
//  - Cluster() of the names counted in the text: each cluster's count is
//    the sum of its spellings', spellings most frequent first, clusters
//    largest first.
#include <memory>

#include "fuzz_support.h"
#include "normkit/variant_index.h"

namespace normkit::fuzz {
namespace {

const VariantIndex& Index() {
  static const VariantIndex* index = [] {
    Result<VariantIndex> i = VariantIndex::Create();
    FUZZ_CHECK(i.ok(), i.status().ToString());
    return new VariantIndex(std::move(*i));
  }();
  return *index;
}

void CheckApply(std::string_view text, const std::string& context) {
  const VariantIndex& index = Index();
  std::string out = "kept";
  const std::size_t rewrites = index.Apply(text, &out);
  FUZZ_CHECK(out.starts_with("kept"), context + "Apply() touched what *out held");
  const std::string_view result = std::string_view(out).substr(4);
  if (rewrites == 0) FUZZ_CHECK_EQ_TEXT(result, text, context + "no rewrite, yet a change");
  if (IsValidUtf8(text)) {
    FUZZ_CHECK(IsValidUtf8(result), context + "output is not UTF-8: " + Escaped(result));
  }
  FUZZ_CHECK(CountLineBreaks(result) == CountLineBreaks(text),
             context + "line count " + std::to_string(CountLineBreaks(text)) + " became " +
                 std::to_string(CountLineBreaks(result)) + ": " + Escaped(result));
  std::string again;
  const std::size_t second = index.Apply(result, &again);
  FUZZ_CHECK(second == 0 && again == result,
             context + "a second Apply() rewrote " + std::to_string(second) +
                 " words: " + Escaped(result) + " -> " + Escaped(again));
}

void CheckWords(std::string_view text, const std::string& context) {
  const VariantIndex& index = Index();
  const std::size_t space = text.find_first_of(" \t\n");
  const std::string_view word = text.substr(0, std::min<std::size_t>(space, 64));
  const std::string key = index.Key(word);
  // Lower-case ASCII for a word of Latin and Cyrillic letters; anything
  // else (digits, other scripts, debris) the key keeps as it is.
  bool letters_only = !word.empty();
  for (std::size_t i = 0; i < word.size() && letters_only;) {
    char32_t c = 0;
    const std::size_t length = WellFormedLength(word, i, &c);
    letters_only = length > 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                                  IsAlphabetLetter(c));
    i += length;
  }
  if (letters_only) {
    for (char c : key) {
      const unsigned char b = static_cast<unsigned char>(c);
      FUZZ_CHECK(b < 0x80 && !(b >= 'A' && b <= 'Z'),
                 context + "Key(" + Escaped(word) + ") = " + Escaped(key));
    }
  }
  if (const std::optional<std::string> canonical = index.Canonical(word)) {
    const std::optional<std::string> again = index.Canonical(*canonical);
    FUZZ_CHECK(again && *again == *canonical,
               context + "Canonical(" + Escaped(word) + ") = " + Escaped(*canonical) +
                   ", whose canonical form is " + (again ? Escaped(*again) : "none"));
  }
}

void CheckClusters(std::string_view text, const std::string& context) {
  const VariantIndex& index = Index();
  NameCounts counts;
  index.CountNames(text, &counts);
  ClusterOptions options;
  options.min_spellings = 1;
  options.sentence_initial = true;
  const std::vector<VariantCluster> clusters = index.Cluster(counts, options);
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    const VariantCluster& c = clusters[i];
    const std::string what = context + "cluster " + Escaped(c.canonical) + ": ";
    FUZZ_CHECK(!c.variants.empty(), what + "no spellings");
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k < c.variants.size(); ++k) {
      sum += c.variants[k].second;
      if (k > 0) {
        FUZZ_CHECK(c.variants[k - 1].second >= c.variants[k].second,
                   what + "spellings not most frequent first");
      }
    }
    FUZZ_CHECK(sum == c.count, what + "count " + std::to_string(c.count) +
                                   ", its spellings add up to " + std::to_string(sum));
    if (i > 0) FUZZ_CHECK(clusters[i - 1].count >= c.count, what + "not largest first");
  }
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string context = "input = " + normkit::fuzz::Escaped(text) + "\n  ";
  normkit::fuzz::CheckApply(text, context);
  normkit::fuzz::CheckWords(text, context);
  normkit::fuzz::CheckClusters(text, context);
  return 0;
}
