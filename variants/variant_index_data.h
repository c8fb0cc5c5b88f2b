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
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/string_table.h"
#include "normkit/icu_transform.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"
#include "variant_key.h"
#include "variant_lexicon.h"
#include "variant_spellings.h"

namespace normkit {
namespace internal {

// An entry after the files are merged.
struct Name {
  std::string canonical;
  std::string about;
  std::vector<std::pair<std::string, std::string>> cyrillic;  // lang, form
  std::vector<std::string> variants;                          // listed in a file
  std::vector<std::string> generated;                         // from the schemes
  NameKind kind = NameKind::kSurname;
  bool kind_stated = false;  // a file said which kind; else a taken-over name's kind stays
  std::vector<LexiconFullName> full_names;  // as listed, resolved once all files are merged
  std::string origin;                       // the file that listed it, for errors
  bool live = true;
};

// A full name the lexicon lists, as the names of its words in order.
struct FullName {
  int32_t names[kMaxFullNameWords];
  std::size_t size = 0;
};

// What Apply() knows of a Latin spelling (as listed, or in capitals).
struct Spelled {
  int32_t name;                   // index into Data::names
  int32_t replacement;            // index into Data::replacements; -1: already canonical
  bool alone = true;              // rewritten where it stands (not a given name or a patronymic)
  bool starts_full_name = false;  // the first word of a full name the lexicon lists
};

}  // namespace internal

struct VariantIndex::Data {
  std::vector<internal::Name> names;
  // The schemes that bring Cyrillic words to Latin for their keys.
  std::map<std::string, Transliterator, std::less<>> key_schemes;
  // Apply(): Latin spelling as written -> index into spelled.
  internal::StringTable table;
  std::vector<internal::Spelled> spelled;
  std::vector<std::string> replacements;
  // Apply(): for each name, the full names whose first word it is.
  std::vector<std::vector<internal::FullName>> full_names_from;
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

  // Whether `latin` is what English BGN/PCGN writes: the transliteration of
  // one of `cyrillic` (under its language's key scheme), or, where a
  // cluster has no Cyrillic spelling, what ICU's Russian BGN/PCGN transform
  // writes for what its inverse reads in `latin` (Sarsenbayev, not
  // Sarsenbaev). In variant_lexicon_writer.cc.
  bool FollowsBgnPcgn(std::string_view latin, const std::vector<std::string_view>& cyrillic) const;
  // The schemes' rule files (translit/ of the rules the index was made
  // from), for CrossScriptSpellings().
  RuleFiles scheme_rules;
  // The transliterations of a Cyrillic spelling under every scheme of its
  // language (SpellingSchemes), folded by FoldForScripts: what a Latin
  // spelling must be to join it. In variant_cluster.cc; schemes compiled on
  // first use, under a lock.
  std::vector<std::string> CrossScriptSpellings(const std::string& cyrillic) const;

  // The canonical form of a cluster with no lexicon name: the most frequent
  // of `spellings` (most frequent first), on a tie the one that follows
  // BGN/PCGN, else the first; only Latin ones when `latin_only` (nullptr
  // when there is none).
  const std::string* ChooseCanonical(
      const std::vector<std::pair<std::string, std::uint64_t>>& spellings, bool latin_only) const;

 private:
  // ICU's Latin-Russian/BGN and Russian-Latin/BGN, made on first use (most
  // indexes never need them); empty where ICU lacks them.
  mutable std::once_flag bgn_once_;
  mutable std::optional<IcuTransform> bgn_reverse_, bgn_forward_;
  mutable std::mutex spelling_mutex_;
  mutable std::unique_ptr<internal::SpellingSource> spelling_source_;
};

}  // namespace normkit

#endif  // NORMKIT_VARIANTS_VARIANT_INDEX_DATA_H_
