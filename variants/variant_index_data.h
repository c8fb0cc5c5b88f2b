// What a VariantIndex holds: the merged lexicon, Apply's table of
// spellings, the maps that Cluster() joins spellings through, and the
// schemes that make keys of Cyrillic words. Shared by the three parts of
// the VariantIndex: building it (variant_index.cc), reading text with it
// (variant_scan.cc: Apply, CountNames) and clustering (variant_cluster.cc).
// Internal.
#ifndef NORMKIT_VARIANTS_VARIANT_INDEX_DATA_H_
#define NORMKIT_VARIANTS_VARIANT_INDEX_DATA_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/string_table.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"
#include "variant_key.h"

namespace normkit {
namespace internal {

// An entry after the files are merged.
struct Name {
  std::string canonical;
  std::string about;
  std::vector<std::pair<std::string, std::string>> cyrillic;  // lang, form
  std::vector<std::string> variants;                          // listed in a file
  std::vector<std::string> generated;                         // from the schemes
  bool live = true;
};

}  // namespace internal

struct VariantIndex::Data {
  std::vector<internal::Name> names;
  // The schemes that bring Cyrillic words to Latin for their keys.
  std::map<std::string, Transliterator, std::less<>> key_schemes;
  // Apply(): spelling as written -> index into replacements.
  internal::StringTable table;
  std::vector<std::string> replacements;
  std::size_t known_variants = 0;
  // Canonical() and Cluster(): spelling (as listed, or in capitals) -> name.
  std::unordered_map<std::string, int32_t> name_of;
  std::unordered_map<std::string, int32_t> name_of_upper;
  // Cluster(): coarse key of a Latin spelling, FoldCyrillic() of a Cyrillic
  // form -> name; -1 where two names share it.
  std::unordered_map<std::string, int32_t> name_of_key;
  std::unordered_map<std::string, int32_t> name_of_cyrillic_key;

  std::string Fold(std::string_view word, internal::KeyMode mode) const {
    if (!internal::HasCyrillic(word)) return internal::FoldKey(word, mode);
    const Transliterator& t = key_schemes.find(internal::KeySchemeFor(word))->second;
    return internal::FoldKey(t.Transliterate(word), mode, /*from_cyrillic=*/true);
  }
  std::string Key(std::string_view word) const { return Fold(word, internal::KeyMode::kCoarse); }
  std::string StrictKey(std::string_view word) const {
    return Fold(word, internal::KeyMode::kStrict);
  }
};

}  // namespace normkit

#endif  // NORMKIT_VARIANTS_VARIANT_INDEX_DATA_H_
