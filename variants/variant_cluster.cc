// Clustering counted spellings (VariantIndex::Cluster): by lexicon name,
// else by key; within one key, Cyrillic spellings with other letters split
// apart and each Latin spelling given to the one it spells in English.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "normkit/variant_index.h"
#include "variant_index_data.h"
#include "variant_key.h"
#include "variant_words.h"

namespace normkit {
namespace internal {
namespace {

std::size_t LetterCount(std::string_view word) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len;
    const UChar32 c = CodePointAt(word, i, &len);
    i += len;
    if (c >= 0 && IsLetter(c) && !(c >= 0x300 && c <= 0x36F)) ++n;
  }
  return n;
}

}  // namespace
}  // namespace internal

std::vector<VariantCluster> VariantIndex::Cluster(const NameCounts& counts,
                                                  const ClusterOptions& options) const {
  const Data& d = *data_;
  struct Member {
    const std::string* spelling;
    std::uint64_t count;
    bool cyrillic;
  };
  // "name" groups by lexicon entry; "key" groups by coarse key.
  std::map<int32_t, std::vector<Member>> by_name;
  std::unordered_map<std::string, std::vector<Member>> by_key;
  for (const auto& [spelling, seen] : counts.spellings()) {
    if (seen.inside == 0 && !options.sentence_initial) continue;
    if (internal::LetterCount(spelling) < options.min_length) continue;
    const std::uint64_t count = seen.count;
    const bool cyrillic = internal::HasCyrillic(spelling);
    int32_t name = -1;
    auto it = d.name_of.find(spelling);
    if (it != d.name_of.end()) name = it->second;
    std::string key;
    if (name < 0) {
      // A Cyrillic spelling joins a name only through the letters of its
      // Cyrillic form; a Latin one through the coarse key.
      const auto& map = cyrillic ? d.name_of_cyrillic_key : d.name_of_key;
      key = cyrillic ? internal::FoldCyrillic(spelling) : d.Key(spelling);
      auto k = map.find(key);
      if (k != map.end()) name = k->second;
      if (cyrillic) key = d.Key(spelling);
    }
    const Member m{&spelling, count, cyrillic};
    if (name >= 0) {
      by_name[name].push_back(m);
    } else {
      by_key[key].push_back(m);
    }
  }

  std::vector<VariantCluster> clusters;
  auto emit = [&](std::vector<Member> members, const internal::Name* name) {
    std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
      return a.count != b.count ? a.count > b.count : *a.spelling < *b.spelling;
    });
    VariantCluster c;
    for (const Member& m : members) {
      c.count += m.count;
      c.variants.emplace_back(*m.spelling, m.count);
    }
    if (c.variants.size() < options.min_spellings || c.count < options.min_count) return;
    c.in_lexicon = name != nullptr;
    c.canonical =
        name != nullptr ? name->canonical : *d.ChooseCanonical(c.variants, /*latin_only=*/false);
    c.key = d.Key(c.canonical);
    clusters.push_back(std::move(c));
  };

  for (auto& [name, members] : by_name) emit(std::move(members), &d.names[name]);
  for (auto& [key, members] : by_key) {
    // Cyrillic spellings with other letters (Сахаров, Захаров; Перед,
    // Период) are different words that the key cannot tell apart: split
    // them, and give each Latin spelling to the largest part it spells in
    // English (by the strict key), else to the largest part.
    std::map<std::string, std::vector<Member>> parts;
    std::map<std::string, std::uint64_t> sizes;
    std::vector<Member> latin;
    for (const Member& m : members) {
      if (m.cyrillic) {
        const std::string fold = internal::FoldCyrillic(*m.spelling);
        parts[fold].push_back(m);
        sizes[fold] += m.count;
      } else {
        latin.push_back(m);
      }
    }
    if (parts.size() <= 1) {
      emit(std::move(members), nullptr);
      continue;
    }
    auto largest_of = [&](auto&& accept) {
      std::string best;
      std::uint64_t best_size = 0;
      for (const auto& [fold, size] : sizes) {
        if (size > best_size && accept(fold)) {
          best = fold;
          best_size = size;
        }
      }
      return best;
    };
    const std::string largest = largest_of([](const std::string&) { return true; });
    std::map<std::string, std::string> strict_of_part;
    for (const auto& [fold, part] : parts)
      strict_of_part[fold] = d.StrictKey(*part.front().spelling);
    for (const Member& m : latin) {
      const std::string strict = d.StrictKey(*m.spelling);
      std::string target =
          largest_of([&](const std::string& fold) { return strict_of_part[fold] == strict; });
      parts[target.empty() ? largest : target].push_back(m);
    }
    for (auto& [fold, part] : parts) emit(std::move(part), nullptr);
  }
  std::sort(clusters.begin(), clusters.end(), [](const VariantCluster& a, const VariantCluster& b) {
    return a.count != b.count ? a.count > b.count : a.canonical < b.canonical;
  });
  return clusters;
}

}  // namespace normkit
