// The VariantIndex: the lexicon merged from its files and extended by the
// transliteration schemes, a flat hash table of the spellings that Apply()
// rewrites, and the maps that Cluster() joins spellings through.
#include "normkit/variant_index.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "normkit/transliterator.h"
#include "variant_key.h"
#include "variant_lexicon.h"
#include "variant_words.h"

namespace normkit {

void NameCounts::Add(std::string_view spelling, std::uint64_t n, bool sentence_start) {
  SpellingCount& c = spellings_[std::string(spelling)];
  c.count += n;
  if (!sentence_start) c.inside += n;
  total_ += n;
}

void NameCounts::Merge(const NameCounts& other) {
  for (const auto& [spelling, n] : other.spellings_) {
    SpellingCount& c = spellings_[spelling];
    c.count += n.count;
    c.inside += n.inside;
  }
  total_ += other.total_;
}

namespace internal {
namespace {

std::string Upper(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// A string -> int map for short keys that looks up without allocating:
// open addressing over a power-of-two table, keys in one arena.
class SpellingTable {
 public:
  void Build(const std::vector<std::pair<std::string, int32_t>>& items) {
    std::size_t capacity = 16;
    while (capacity < items.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    arena_.clear();
    for (const auto& [key, value] : items) {
      min_length_ = std::min(min_length_, key.size());
      max_length_ = std::max(max_length_, key.size());
      const std::uint64_t h = Hash(key);
      std::size_t i = h & mask_;
      while (slots_[i].value >= 0) i = (i + 1) & mask_;
      slots_[i] = Slot{h, static_cast<std::uint32_t>(arena_.size()),
                       static_cast<std::uint32_t>(key.size()), value};
      arena_ += key;
    }
  }

  int32_t Find(std::string_view key) const {
    if (key.size() < min_length_ || key.size() > max_length_) return -1;
    const std::uint64_t h = Hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value < 0) return -1;
      if (s.hash == h && s.length == key.size() &&
          std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
        return s.value;
      }
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    int32_t value = -1;
  };

  static std::uint64_t Hash(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
    while (n >= 8) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      h = (h ^ v) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
    std::uint64_t v = 0;
    std::memcpy(&v, p, n);
    h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
    return h;
  }

  std::vector<Slot> slots_ = std::vector<Slot>(1);
  std::uint64_t mask_ = 0;
  std::string arena_;
  std::size_t min_length_ = SIZE_MAX;
  std::size_t max_length_ = 0;
};

// An entry after the files are merged.
struct Name {
  std::string canonical;
  std::string about;
  std::vector<std::pair<std::string, std::string>> cyrillic;  // lang, form
  std::vector<std::string> variants;   // listed in a file
  std::vector<std::string> generated;  // from the schemes
  bool live = true;
};

// A byte that may start a Latin letter: ASCII letters, the lead bytes of
// U+00C0..U+024F (Latin-1 Supplement, Extended-A and -B) and of U+1E00..
// U+1EFF (Latin Extended Additional).
struct LatinStartTable {
  bool start[256] = {};
  constexpr LatinStartTable() {
    for (int c = 'A'; c <= 'Z'; ++c) start[c] = start[c + 32] = true;
    for (int b = 0xC3; b <= 0xC9; ++b) start[b] = true;
    start[0xE1] = true;
  }
};
constexpr LatinStartTable kLatinStart;

bool IsUpperStart(std::string_view word) {
  const unsigned char b = static_cast<unsigned char>(word[0]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  std::size_t len;
  const UChar32 c = CodePointAt(word, 0, &len);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// A name as CountNames() counts it: a capital, then at least one small
// letter, and nothing but letters, marks and apostrophes.
bool LooksLikeName(std::string_view part) {
  if (part.empty() || !IsUpperStart(part)) return false;
  bool lower = false;
  for (std::size_t i = 0; i < part.size();) {
    std::size_t len;
    const UChar32 c = CodePointAt(part, i, &len);
    i += len;
    if (c < 0) return false;
    if (IsWordApostrophe(c)) continue;
    if (!IsLetter(c)) return false;
    if (u_islower(c)) lower = true;
  }
  return lower;
}

// True when the word at `begin` opens a sentence: nothing but spaces,
// opening quotes, brackets and dashes between it and the start of the text,
// a line break, or . ! ? … :
bool IsSentenceStart(std::string_view text, std::size_t begin) {
  std::size_t i = begin;
  while (i > 0) {
    const UChar32 c = CodePointBefore(text, i);
    std::size_t len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c < 0) len = 1;
    switch (c) {
      case ' ': case '\t': case 0xA0: case 0x202F: case 0x2009:
      case '"': case '\'': case '(': case '[': case '*': case '>': case '-':
      case 0xAB: case 0x201C: case 0x201E: case 0x2018: case 0x2039:
      case 0x2013: case 0x2014: case 0x2022:
        i -= len;
        continue;
      case '\n': case '\r': case '.': case '!': case '?': case ':': case 0x2026:
        return true;
      default:
        return false;
    }
  }
  return true;
}

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

struct VariantIndex::Data {
  std::vector<internal::Name> names;
  // The schemes that bring Cyrillic words to Latin for their keys.
  std::map<std::string, Transliterator, std::less<>> key_schemes;
  // Apply(): spelling as written -> index into replacements.
  internal::SpellingTable table;
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
  std::string Key(std::string_view word) const {
    return Fold(word, internal::KeyMode::kCoarse);
  }
  std::string StrictKey(std::string_view word) const {
    return Fold(word, internal::KeyMode::kStrict);
  }
};

namespace {

using internal::LexiconEntry;
using internal::LexiconSpelling;
using internal::Name;

// Adds `value` for `key` unless another value holds it; a key two values
// claim maps to -1.
void Claim(std::unordered_map<std::string, int32_t>* map, const std::string& key,
           int32_t value) {
  auto [it, inserted] = map->emplace(key, value);
  if (!inserted && it->second != value) it->second = -1;
}

// One layer of lexicon files (the built-in ones, or one extra file): within
// a layer a spelling belongs to one name; a layer's name takes over the
// names of earlier layers that share a spelling with it.
class LexiconMerger {
 public:
  Status AddLayer(const std::vector<LexiconEntry>& entries) {
    // spelling -> (name index, where it was claimed) within this layer
    std::map<std::string, std::pair<std::size_t, std::string>, std::less<>> layer;
    for (const LexiconEntry& e : entries) {
      const std::size_t index = names_.size();
      Name name;
      name.canonical = e.canonical.text;
      name.about = e.about;
      std::vector<const LexiconSpelling*> spellings = {&e.canonical};
      for (const LexiconSpelling& v : e.variants) {
        spellings.push_back(&v);
        name.variants.push_back(v.text);
      }
      for (const auto& [lang, form] : e.cyrillic) {
        spellings.push_back(&form);
        name.cyrillic.emplace_back(lang, form.text);
      }
      std::set<std::size_t> taken_over;
      for (const LexiconSpelling* s : spellings) {
        const std::string where = e.origin + ":" + std::to_string(s->line);
        auto [it, inserted] = layer.emplace(s->text, std::make_pair(index, where));
        if (!inserted && it->second.first != index) {
          return Status(ErrorCode::kRuleSyntax,
                        "'" + s->text + "' is already a spelling of '" +
                            names_[it->second.first].canonical + "' (" +
                            it->second.second + ")",
                        {e.origin, s->line, s->column, 0});
        }
        auto earlier = owner_.find(s->text);
        if (earlier != owner_.end() && names_[earlier->second].live) {
          taken_over.insert(earlier->second);
        }
      }
      // The earlier names' spellings join this one, under its canonical.
      for (std::size_t old : taken_over) {
        Name& o = names_[old];
        o.live = false;
        AddVariant(&name, o.canonical);
        for (const std::string& v : o.variants) AddVariant(&name, v);
        for (const auto& c : o.cyrillic) {
          if (std::find(name.cyrillic.begin(), name.cyrillic.end(), c) == name.cyrillic.end()) {
            name.cyrillic.push_back(c);
          }
        }
      }
      names_.push_back(std::move(name));
      const Name& added = names_.back();
      owner_[added.canonical] = index;
      for (const std::string& v : added.variants) owner_[v] = index;
      for (const auto& c : added.cyrillic) owner_[c.second] = index;
    }
    return Status();
  }

  std::vector<Name> Take() { return std::move(names_); }

 private:
  static void AddVariant(Name* name, const std::string& s) {
    if (s == name->canonical) return;
    if (std::find(name->variants.begin(), name->variants.end(), s) != name->variants.end()) return;
    name->variants.push_back(s);
  }

  std::vector<Name> names_;
  std::unordered_map<std::string, std::size_t> owner_;
};

// The transliterations of each name's Cyrillic forms under every scheme of
// the form's language (translit/<lang>/*) and ISO 9, where they are one
// word, not the canonical form and no spelling a file lists.
void GenerateVariants(const RuleFiles& rules, std::vector<Name>* names) {
  std::set<std::string> listed;
  for (const Name& n : *names) {
    if (!n.live) continue;
    listed.insert(n.canonical);
    listed.insert(n.variants.begin(), n.variants.end());
  }
  std::map<std::string, std::optional<Transliterator>> schemes;
  auto scheme = [&](const std::string& id) -> const Transliterator* {
    auto it = schemes.find(id);
    if (it == schemes.end()) {
      Result<Transliterator> t = Transliterator::Create(id, Direction::kForward, rules);
      it = schemes.emplace(id, t.ok() ? std::optional<Transliterator>(std::move(*t))
                                      : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  };
  // spelling -> name, or -1 when two names give it
  std::map<std::string, int32_t> generated;
  for (std::size_t i = 0; i < names->size(); ++i) {
    const Name& n = (*names)[i];
    if (!n.live) continue;
    for (const auto& [lang, form] : n.cyrillic) {
      std::vector<std::string> ids = {"cyrl/iso_9"};
      for (const std::string& path : rules.List("translit/" + lang + "/")) {
        if (path.ends_with(".toml")) {
          ids.push_back(path.substr(9, path.size() - 9 - 5));
        }
      }
      for (const std::string& id : ids) {
        const Transliterator* t = scheme(id);
        if (t == nullptr) continue;
        const std::string latin = t->Transliterate(form);
        if (latin == n.canonical || listed.count(latin) != 0 ||
            !internal::IsSingleWord(latin) || internal::HasCyrillic(latin)) {
          continue;
        }
        auto [it, inserted] = generated.emplace(latin, static_cast<int32_t>(i));
        if (!inserted && it->second != static_cast<int32_t>(i)) it->second = -1;
      }
    }
  }
  for (const auto& [spelling, index] : generated) {
    if (index >= 0) (*names)[index].generated.push_back(spelling);
  }
}

}  // namespace

VariantIndex::VariantIndex(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

Result<VariantIndex> VariantIndex::Create(const VariantIndexOptions& options) {
  return Create(options, RuleFiles::Embedded());
}

Result<VariantIndex> VariantIndex::Create(const VariantIndexOptions& options,
                                          const RuleFiles& rules) {
  auto data = std::make_shared<Data>();
  for (const char* id : internal::kKeySchemes) {
    Result<Transliterator> t = Transliterator::Create(id, Direction::kForward, rules);
    if (!t.ok()) return t.status();
    data->key_schemes.emplace(id, std::move(*t));
  }

  LexiconMerger merger;
  if (options.builtin_lexicon) {
    std::vector<LexiconEntry> builtin;
    for (const std::string& path : rules.List("variants/")) {
      if (!path.ends_with(".toml")) continue;
      Result<std::vector<LexiconEntry>> entries =
          internal::ParseLexicon(*rules.Find(path), rules.Origin(path));
      if (!entries.ok()) return entries.status();
      for (LexiconEntry& e : *entries) builtin.push_back(std::move(e));
    }
    if (Status s = merger.AddLayer(builtin); !s.ok()) return s;
  }
  for (const LexiconText& extra : options.extra_lexicons) {
    Result<std::vector<LexiconEntry>> entries =
        internal::ParseLexicon(extra.text, extra.origin);
    if (!entries.ok()) return entries.status();
    if (Status s = merger.AddLayer(*entries); !s.ok()) return s;
  }
  data->names = merger.Take();
  if (options.scheme_variants) GenerateVariants(rules, &data->names);

  // Apply's table: each Latin spelling and its all-capitals form.
  std::map<std::string, int32_t> rewrites;  // -1: two names want it
  auto rewrite = [&](const std::string& from, const std::string& to) {
    if (from == to) return;
    auto found = std::find(data->replacements.begin(), data->replacements.end(), to);
    const int32_t value = static_cast<int32_t>(found - data->replacements.begin());
    if (found == data->replacements.end()) data->replacements.push_back(to);
    auto [it, inserted] = rewrites.emplace(from, value);
    if (!inserted && it->second != value) it->second = -1;
  };
  for (std::size_t i = 0; i < data->names.size(); ++i) {
    const Name& n = data->names[i];
    if (!n.live) continue;
    const int32_t id = static_cast<int32_t>(i);
    const std::string upper_canonical = internal::Upper(n.canonical);
    Claim(&data->name_of, n.canonical, id);
    Claim(&data->name_of_upper, upper_canonical, id);
    Claim(&data->name_of_key, data->Key(n.canonical), id);
    for (const std::vector<std::string>* list : {&n.variants, &n.generated}) {
      for (const std::string& v : *list) {
        rewrite(v, n.canonical);
        rewrite(internal::Upper(v), upper_canonical);
        Claim(&data->name_of, v, id);
        Claim(&data->name_of_upper, internal::Upper(v), id);
        Claim(&data->name_of_key, data->Key(v), id);
      }
    }
    for (const auto& [lang, form] : n.cyrillic) {
      Claim(&data->name_of, form, id);
      Claim(&data->name_of_cyrillic_key, internal::FoldCyrillic(form), id);
    }
  }
  std::vector<std::pair<std::string, int32_t>> items;
  for (const auto& [from, value] : rewrites) {
    if (value >= 0) items.emplace_back(from, value);
  }
  data->known_variants = items.size();
  data->table.Build(items);
  return VariantIndex(std::move(data));
}

std::string VariantIndex::Key(std::string_view word) const { return data_->Key(word); }

std::optional<std::string> VariantIndex::Canonical(std::string_view word) const {
  const std::string w(word);
  auto it = data_->name_of.find(w);
  if (it != data_->name_of.end() && it->second >= 0) {
    return data_->names[it->second].canonical;
  }
  it = data_->name_of_upper.find(w);
  if (it != data_->name_of_upper.end() && it->second >= 0 && w == internal::Upper(w)) {
    return internal::Upper(data_->names[it->second].canonical);
  }
  return std::nullopt;
}

std::size_t VariantIndex::lexicon_names() const {
  return static_cast<std::size_t>(std::count_if(
      data_->names.begin(), data_->names.end(), [](const Name& n) { return n.live; }));
}

std::size_t VariantIndex::known_variants() const { return data_->known_variants; }

std::size_t VariantIndex::Apply(std::string_view text, std::string* out) const {
  using namespace internal;
  const Data& d = *data_;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t copied = 0;  // text[0, copied) is in *out
  std::size_t rewritten = 0;
  // Writes text[copied, begin) and the replacement of text[begin, end)
  // when that is a known spelling (with a possessive ending kept).
  auto replace = [&](std::size_t begin, std::size_t end) -> bool {
    std::string_view word = text.substr(begin, end - begin);
    int32_t found = d.table.Find(word);
    std::size_t possessive = 0;
    if (found < 0) {
      possessive = PossessiveLength(text, begin, end);
      if (possessive == 0) return false;
      found = d.table.Find(word.substr(0, word.size() - possessive));
      if (found < 0) return false;
    }
    out->append(text.data() + copied, begin - copied);
    out->append(d.replacements[found]);
    copied = end - possessive;
    ++rewritten;
    return true;
  };
  ScannedWord w;
  std::size_t i = 0;
  while (i < n) {
    while (i < n && !kLatinStart.start[p[i]]) ++i;
    if (i >= n) break;
    std::size_t len = 1;
    if (p[i] >= 0x80) {
      const UChar32 c = CodePointAt(text, i, &len);
      if (c < 0 || !IsLetter(c)) {
        i += len;
        continue;
      }
    }
    ScanWord(text, i, &w);
    i = w.end;
    // Only capitalized words and hyphenated ones can hold a known spelling.
    const bool upper = IsUpperStart(text.substr(w.begin));
    if ((!upper && w.parts == 1) || IsEmbedded(text, w.begin, w.end)) continue;
    if (upper && replace(w.begin, w.end)) continue;
    if (w.parts > 1 && w.parts <= ScannedWord::kMaxParts) {
      for (std::size_t k = 0; k < w.parts; ++k) {
        if (IsUpperStart(text.substr(w.part_begin[k]))) replace(w.part_begin[k], w.part_end[k]);
      }
    }
  }
  out->append(text.data() + copied, n - copied);
  return rewritten;
}

std::string VariantIndex::Apply(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  Apply(text, &out);
  return out;
}

void VariantIndex::CountNames(std::string_view text, NameCounts* counts) const {
  using namespace internal;
  ScannedWord w;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    const UChar32 c = CodePointAt(text, i, &len);
    if (c < 0 || !IsWordChar(c)) {
      i += len;
      continue;
    }
    ScanWord(text, i, &w);
    i = w.end;
    if (IsEmbedded(text, w.begin, w.end)) continue;
    const std::size_t possessive = PossessiveLength(text, w.begin, w.end);
    const std::size_t end = w.end - possessive;
    const bool first = IsSentenceStart(text, w.begin);
    if (w.parts == 1) {
      const std::string_view word = text.substr(w.begin, end - w.begin);
      if (LooksLikeName(word)) counts->Add(word, 1, first);
      continue;
    }
    if (w.parts > ScannedWord::kMaxParts) continue;
    bool all_names = true;
    for (std::size_t k = 0; k < w.parts; ++k) {
      const std::size_t part_end = k + 1 == w.parts ? end : w.part_end[k];
      all_names = all_names && LooksLikeName(text.substr(w.part_begin[k], part_end - w.part_begin[k]));
    }
    if (all_names) {
      counts->Add(text.substr(w.begin, end - w.begin), 1, first);
      continue;
    }
    for (std::size_t k = 0; k < w.parts; ++k) {
      const std::size_t part_end = k + 1 == w.parts ? end : w.part_end[k];
      const std::string_view part = text.substr(w.part_begin[k], part_end - w.part_begin[k]);
      if (LooksLikeName(part)) counts->Add(part, 1, first && k == 0);
    }
  }
}

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
  auto emit = [&](std::vector<Member> members, const Name* name) {
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
    c.canonical = name != nullptr ? name->canonical : c.variants.front().first;
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
    for (const auto& [fold, part] : parts) strict_of_part[fold] = d.StrictKey(*part.front().spelling);
    for (const Member& m : latin) {
      const std::string strict = d.StrictKey(*m.spelling);
      std::string target = largest_of([&](const std::string& fold) {
        return strict_of_part[fold] == strict;
      });
      parts[target.empty() ? largest : target].push_back(m);
    }
    for (auto& [fold, part] : parts) emit(std::move(part), nullptr);
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const VariantCluster& a, const VariantCluster& b) {
              return a.count != b.count ? a.count > b.count : a.canonical < b.canonical;
            });
  return clusters;
}

}  // namespace normkit
