// Building a VariantIndex: the lexicon files merged layer by layer, the
// spellings that the transliteration schemes add, Apply's table of
// spellings, the maps that Canonical() and Cluster() read; and Key() and
// Canonical().
#include "normkit/variant_index.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/rule_paths.h"
#include "normkit/transliterator.h"
#include "variant_index_data.h"
#include "variant_key.h"
#include "variant_lexicon.h"
#include "variant_spellings.h"
#include "variant_words.h"

namespace normkit {
namespace {

using internal::LexiconEntry;
using internal::LexiconSpelling;
using internal::Name;

// The folder of rules/ that holds the lexicon files.
constexpr std::string_view kLexicons = "variants";

std::string Upper(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Adds `value` for `key` unless another value holds it; a key two values
// claim maps to -1.
void Claim(std::unordered_map<std::string, int32_t>* map, const std::string& key, int32_t value) {
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
      name.kind = e.kind.value_or(internal::NameKind::kSurname);
      name.kind_stated = e.kind.has_value();
      name.full_names = e.full_names;
      name.origin = e.origin;
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
                            names_[it->second.first].canonical + "' (" + it->second.second + ")",
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
        if (!name.kind_stated) name.kind = o.kind;
        for (const internal::LexiconFullName& f : o.full_names) name.full_names.push_back(f);
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
void GenerateVariants(const RuleFiles& rules,
                      const std::map<std::string, Transliterator, std::less<>>& compiled,
                      std::vector<Name>* names) {
  std::set<std::string> listed;
  for (const Name& n : *names) {
    if (!n.live) continue;
    listed.insert(n.canonical);
    listed.insert(n.variants.begin(), n.variants.end());
  }
  internal::SpellingSource spellings(rules, compiled);
  // spelling -> name, or -1 when two names give it
  std::map<std::string, int32_t> generated;
  for (std::size_t i = 0; i < names->size(); ++i) {
    const Name& n = (*names)[i];
    if (!n.live) continue;
    for (const auto& [lang, form] : n.cyrillic) {
      for (const std::string& id : internal::SpellingSchemes(rules, lang)) {
        const std::optional<std::string> spelled = spellings.Spell(id, form);
        if (!spelled) continue;
        const std::string& latin = *spelled;
        if (latin == n.canonical || listed.count(latin) != 0 || !internal::IsSingleWord(latin) ||
            internal::HasCyrillic(latin)) {
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

// Turns each listed full name into the names of its words: every word must
// be a Latin spelling of exactly one name, and one of them the name that
// lists it.
Status ResolveFullNames(const std::vector<Name>& names,
                        const std::unordered_map<std::string, int32_t>& name_of,
                        std::vector<std::vector<internal::FullName>>* full_names_from) {
  full_names_from->assign(names.size(), {});
  for (std::size_t i = 0; i < names.size(); ++i) {
    const Name& n = names[i];
    if (!n.live) continue;
    for (const internal::LexiconFullName& listed : n.full_names) {
      internal::FullName full;
      bool names_itself = false;
      for (const std::string& word : listed.words) {
        auto it = name_of.find(word);
        if (it == name_of.end() || it->second < 0) {
          return Status(ErrorCode::kRuleSyntax,
                        "full_names: '" + word +
                            "' is not a spelling of one name in the lexicon (give it a [[name]])",
                        {n.origin, listed.line, listed.column, 0});
        }
        full.names[full.size++] = it->second;
        names_itself = names_itself || it->second == static_cast<int32_t>(i);
      }
      if (!names_itself) {
        return Status(ErrorCode::kRuleSyntax,
                      "full_names: no word of it is a spelling of '" + n.canonical + "'",
                      {n.origin, listed.line, listed.column, 0});
      }
      (*full_names_from)[full.names[0]].push_back(full);
    }
  }
  return Status();
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

  for (const std::string& path : rules.List("translit/")) {
    data->scheme_rules.Add(path, *rules.Find(path), rules.Origin(path));
  }

  LexiconMerger merger;
  if (options.builtin_lexicon) {
    std::vector<LexiconEntry> builtin;
    for (const std::string& path : internal::RuleFilesIn(rules, kLexicons)) {
      Result<std::vector<LexiconEntry>> entries =
          internal::ParseLexicon(*rules.Find(path), rules.Origin(path));
      if (!entries.ok()) return entries.status();
      for (LexiconEntry& e : *entries) builtin.push_back(std::move(e));
    }
    if (Status s = merger.AddLayer(builtin); !s.ok()) return s;
  }
  for (const LexiconText& extra : options.extra_lexicons) {
    Result<std::vector<LexiconEntry>> entries = internal::ParseLexicon(extra.text, extra.origin);
    if (!entries.ok()) return entries.status();
    if (Status s = merger.AddLayer(*entries); !s.ok()) return s;
  }
  data->names = merger.Take();
  if (options.scheme_variants) GenerateVariants(rules, data->key_schemes, &data->names);

  // Apply's table: each Latin spelling and its all-capitals form, with its
  // name and its replacement (none for the canonical form itself).
  std::map<std::string, std::pair<int32_t, int32_t>> spelled;  // name -1: two names want it
  auto spell = [&](const std::string& from, int32_t name, const std::string& to) {
    int32_t value = -1;
    if (from != to) {
      auto found = std::find(data->replacements.begin(), data->replacements.end(), to);
      value = static_cast<int32_t>(found - data->replacements.begin());
      if (found == data->replacements.end()) data->replacements.push_back(to);
    }
    auto [it, inserted] = spelled.emplace(from, std::make_pair(name, value));
    if (!inserted && it->second != std::make_pair(name, value)) it->second.first = -1;
  };
  for (std::size_t i = 0; i < data->names.size(); ++i) {
    const Name& n = data->names[i];
    if (!n.live) continue;
    const int32_t id = static_cast<int32_t>(i);
    const std::string upper_canonical = Upper(n.canonical);
    spell(n.canonical, id, n.canonical);
    spell(upper_canonical, id, upper_canonical);
    Claim(&data->name_of, n.canonical, id);
    Claim(&data->name_of_upper, upper_canonical, id);
    Claim(&data->name_of_key, data->Key(n.canonical), id);
    for (const std::vector<std::string>* list : {&n.variants, &n.generated}) {
      for (const std::string& v : *list) {
        spell(v, id, n.canonical);
        spell(Upper(v), id, upper_canonical);
        Claim(&data->name_of, v, id);
        Claim(&data->name_of_upper, Upper(v), id);
        Claim(&data->name_of_key, data->Key(v), id);
      }
    }
    for (const auto& [lang, form] : n.cyrillic) {
      Claim(&data->name_of, form, id);
      Claim(&data->name_of_cyrillic_key, internal::FoldCyrillic(form), id);
    }
  }
  std::vector<internal::StringTable::Item> items;
  for (const auto& [from, value] : spelled) {
    if (value.first < 0) continue;
    items.emplace_back(from, static_cast<std::uint32_t>(data->spelled.size()));
    data->spelled.push_back({value.first, value.second});
    if (value.second >= 0) ++data->known_variants;
  }
  data->table = internal::StringTable(items);
  if (Status s = ResolveFullNames(data->names, data->name_of, &data->full_names_from); !s.ok()) {
    return s;
  }
  // What Apply() asks of each spelling, in the spelling itself.
  for (internal::Spelled& s : data->spelled) {
    s.alone = !internal::OnlyInFullName(data->names[s.name].kind);
    s.starts_full_name = !data->full_names_from[s.name].empty();
  }
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
  if (it != data_->name_of_upper.end() && it->second >= 0 && w == Upper(w)) {
    return Upper(data_->names[it->second].canonical);
  }
  return std::nullopt;
}

std::size_t VariantIndex::lexicon_names() const {
  return static_cast<std::size_t>(std::count_if(data_->names.begin(), data_->names.end(),
                                                [](const Name& n) { return n.live; }));
}

std::size_t VariantIndex::known_variants() const { return data_->known_variants; }

}  // namespace normkit
