// Clustering counted spellings (VariantIndex::Cluster): by lexicon name,
// else by key; within one key, Cyrillic spellings with other letters split
// apart and each Latin spelling given to the one it spells in English.
#include <algorithm>
#include <map>
#include <mutex>
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

// Each code point through `map` (which returns -1 to drop one).
template <typename Map>
std::string MapCodePoints(std::string_view word, Map map) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len;
    UChar32 c = CodePointAt(word, i, &len);
    i += len;
    if (c < 0) continue;
    c = map(c);
    if (c < 0) continue;
    char bytes[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    out.append(bytes, n);
  }
  return out;
}

std::string LowerCase(std::string_view word) {
  return MapCodePoints(word, [](UChar32 c) { return u_tolower(c); });
}

// What the Cyrillic spellings of one name differ in: case, ё written as
// е, and the Ukrainian and Belarusian letters for their Russian twins (і и,
// ї и, є е, ґ г, ў в). A soft sign or a doubled letter more makes another
// word (Марина, Марьина; Данила, Даниила).
std::string CyrillicSpellingFold(std::string_view word) {
  return MapCodePoints(word, [](UChar32 c) -> UChar32 {
    c = u_tolower(c);
    switch (c) {
      case U'ё':
      case U'є':
        return U'е';
      case U'і':
      case U'ї':
        return U'и';
      case U'ґ':
        return U'г';
      case U'ў':
        return U'в';
      default:
        return c;
    }
  });
}

// A spelling with every run of one letter written once, in lower case:
// Росиии and России, DevOops and DevOps meet.
std::string WithoutRepeats(std::string_view word) {
  UChar32 last = -1;
  return MapCodePoints(word, [&last](UChar32 c) -> UChar32 {
    c = u_tolower(c);
    if (c == last) return -1;
    last = c;
    return c;
  });
}

// A Latin spelling and a scheme's transliteration, compared without what
// English news drops or writes another way: case, the sign marks and
// apostrophes, x for кс and w for в (Yandex is Яндекс, Washington
// Вашингтон). Letters with diacritics stay as they are.
std::string FoldForScripts(std::string_view latin) {
  std::string out;
  for (const char c : MapCodePoints(latin, [](UChar32 c) -> UChar32 {
         if (c == 0x2BC || c == 0x2B9 || c == 0x2BA || c == 0x2019 || c == '\'' || c == 0xB7) {
           return -1;
         }
         return u_tolower(c);
       })) {
    if (c == 'x') {
      out += "ks";
    } else {
      out.push_back(c == 'w' ? 'v' : c);
    }
  }
  return out;
}

}  // namespace
}  // namespace internal

std::vector<std::string> VariantIndex::Data::CrossScriptSpellings(
    const std::string& cyrillic) const {
  const std::string_view scheme = internal::KeySchemeFor(cyrillic);
  const std::string lang(scheme.substr(0, scheme.find('/')));
  std::vector<std::string> out;
  std::lock_guard<std::mutex> lock(spelling_mutex_);
  if (spelling_source_ == nullptr) {
    spelling_source_ = std::make_unique<internal::SpellingSource>(scheme_rules, key_schemes);
  }
  for (const std::string& id : internal::SpellingSchemes(scheme_rules, lang)) {
    if (std::optional<std::string> latin = spelling_source_->Spell(id, cyrillic)) {
      out.push_back(internal::FoldForScripts(*latin));
    }
  }
  return out;
}

namespace {

// Discovery's thresholds, on occurrences in the corpus.
// A capitalized spelling is a word, not a name, when the corpus writes it
// in lower case at least once for every kLowerCaseShare times it writes it
// with a capital where a sentence does not force one (Все, Park).
constexpr std::uint64_t kLowerCaseShare = 20;
// Two Latin spellings that differ in more than case, one of them seen
// kFrequent times or more, are spellings of one name (Zhukov, Schukow in
// the press of two languages) only when both are common: the rarer is seen
// at least once for every kComparable times of the other. One spelling
// seen once or twice beside a frequent one is a typo or another word
// (China 23, Jinja 1; Cartier 9, Carter 1). Where
// they read differently in English too (their strict keys differ), the
// rarer must be seen once for every kComparableReadDifferently times.
constexpr std::uint64_t kComparable = 4;
constexpr std::uint64_t kComparableReadDifferently = 2;
// A spelling seen this rarely, beside one seen kFrequent times or more
// that it differs from only by a doubled or repeated letter, is a likely
// typo (Росиии beside России).
constexpr std::uint64_t kTypoAtMost = 2;
constexpr std::uint64_t kFrequent = 10;

}  // namespace

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
  // How often each word is written with a capital inside a sentence, over
  // the spellings that differ in case only (GitHub, Github).
  std::unordered_map<std::string, std::uint64_t> inside_of_lower;
  for (const auto& [spelling, seen] : counts.spellings()) {
    inside_of_lower[internal::LowerCase(spelling)] += seen.inside;
  }
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
      // A word the corpus also writes in lower case is not a name (a
      // spelling the lexicon lists is, whatever the corpus does).
      const std::string lower_case = internal::LowerCase(spelling);
      const std::uint64_t lower = counts.LowerCount(lower_case);
      if (lower > 0 && lower * kLowerCaseShare >= inside_of_lower[lower_case]) continue;
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

  auto by_count = [](const Member& a, const Member& b) {
    return a.count != b.count ? a.count > b.count : *a.spelling < *b.spelling;
  };
  std::vector<VariantCluster> clusters;
  auto emit = [&](std::vector<Member> members, const std::vector<Member>& typos,
                  const internal::Name* name) {
    std::sort(members.begin(), members.end(), by_count);
    VariantCluster c;
    for (const Member& m : members) {
      c.count += m.count;
      c.variants.emplace_back(*m.spelling, m.count);
    }
    for (const Member& m : typos) c.typos.emplace_back(*m.spelling, m.count);
    if (c.count < options.min_count) return;
    if (c.variants.size() < options.min_spellings && c.typos.empty()) return;
    c.in_lexicon = name != nullptr;
    c.canonical =
        name != nullptr ? name->canonical : *d.ChooseCanonical(c.variants, /*latin_only=*/false);
    c.key = d.Key(c.canonical);
    clusters.push_back(std::move(c));
  };

  // Spellings of one script that the key joined but that are words of
  // their own go apart: Cyrillic ones that differ in more than case, ё and
  // the letters of another Cyrillic alphabet (Или, Ильи), Latin ones that
  // read differently in English unless both are common; and rare spellings
  // that only repeat a letter of a frequent one are typos. The members in
  // order, largest first; each joins the first group it fits.
  auto emit_apart = [&](std::vector<Member> members) {
    std::sort(members.begin(), members.end(), by_count);
    struct Group {
      std::vector<Member> members;
      std::vector<Member> typos;
    };
    std::vector<Group> groups;
    for (const Member& m : members) {
      bool placed = false;
      for (Group& g : groups) {
        const Member& head = g.members.front();
        if (head.cyrillic != m.cyrillic) continue;
        if (m.count <= kTypoAtMost && head.count >= kFrequent &&
            internal::WithoutRepeats(*m.spelling) == internal::WithoutRepeats(*head.spelling) &&
            internal::LowerCase(*m.spelling) != internal::LowerCase(*head.spelling)) {
          g.typos.push_back(m);
          placed = true;
          break;
        }
      }
      if (placed) continue;
      for (Group& g : groups) {
        // Compared with the group's largest spelling in its own script.
        auto same_script = std::find_if(g.members.begin(), g.members.end(),
                                        [&](const Member& x) { return x.cyrillic == m.cyrillic; });
        bool own_word = false;
        if (same_script != g.members.end() && m.cyrillic) {
          own_word = internal::CyrillicSpellingFold(*m.spelling) !=
                     internal::CyrillicSpellingFold(*same_script->spelling);
        } else if (same_script != g.members.end()) {
          const std::uint64_t head = same_script->count;
          own_word =
              head >= kFrequent &&
              internal::LowerCase(*m.spelling) != internal::LowerCase(*same_script->spelling) &&
              (m.count * kComparable < head ||
               (m.count * kComparableReadDifferently < head &&
                d.StrictKey(*m.spelling) != d.StrictKey(*same_script->spelling)));
        }
        if (!own_word) {
          g.members.push_back(m);
          placed = true;
          break;
        }
      }
      if (!placed) groups.push_back({{m}, {}});
    }
    for (Group& g : groups) emit(std::move(g.members), g.typos, nullptr);
  };

  for (auto& [name, members] : by_name) emit(std::move(members), {}, &d.names[name]);
  for (auto& [key, members] : by_key) {
    // Cyrillic spellings with other letters (Сахаров, Захаров; Перед,
    // Период) are different words that the key cannot tell apart: split
    // them. A Latin spelling joins the largest part it is a transliteration
    // of, under a scheme of the part's language (Yandex, Яндекс; not Java,
    // Авиа or Doom, Дом); the other Latin spellings stay together.
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
    std::map<std::string, std::vector<std::string>> spelled;  // part -> transliterations
    if (!latin.empty()) {
      for (const auto& [fold, part] : parts) {
        std::vector<std::string>& all = spelled[fold];
        for (const Member& m : part) {
          for (std::string& s : d.CrossScriptSpellings(*m.spelling)) all.push_back(std::move(s));
        }
      }
    }
    std::vector<Member> latin_only;
    for (const Member& m : latin) {
      const std::string folded = internal::FoldForScripts(*m.spelling);
      const std::string* target = nullptr;
      for (const auto& [fold, all] : spelled) {
        if (std::find(all.begin(), all.end(), folded) == all.end()) continue;
        if (target == nullptr || sizes[fold] > sizes[*target]) target = &fold;
      }
      if (target != nullptr) {
        parts[*target].push_back(m);
      } else {
        latin_only.push_back(m);
      }
    }
    for (auto& [fold, part] : parts) emit_apart(std::move(part));
    if (!latin_only.empty()) emit_apart(std::move(latin_only));
  }
  std::sort(clusters.begin(), clusters.end(), [](const VariantCluster& a, const VariantCluster& b) {
    return a.count != b.count ? a.count > b.count : a.canonical < b.canonical;
  });
  return clusters;
}

}  // namespace normkit
