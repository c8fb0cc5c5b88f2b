// SpellingSource (variant_spellings.h): the build time table, else the
// schemes. Apart from variant_spellings.cc, which the generator of the
// table links.
#include "variant_spellings.h"

namespace normkit::internal {
namespace {

std::string TableKey(std::string_view id, std::string_view form) {
  std::string key(id);
  key += '\0';
  key += form;
  return key;
}

}  // namespace

SpellingSource::SpellingSource(const RuleFiles& rules,
                               const std::map<std::string, Transliterator, std::less<>>& compiled)
    : rules_(rules) {
  for (const auto& [id, t] : compiled) schemes_.emplace(id, t);
  if (SchemesFingerprint(rules) != kBuiltinSpellingsFingerprint) return;
  table_.reserve(kBuiltinSpellingsCount);
  for (std::size_t i = 0; i < kBuiltinSpellingsCount; ++i) {
    const BuiltinSpelling& s = kBuiltinSpellings[i];
    table_.emplace(TableKey(s.scheme, s.form), s.latin);
  }
}

std::optional<std::string> SpellingSource::Spell(const std::string& id, const std::string& form) {
  if (!table_.empty()) {
    auto found = table_.find(TableKey(id, form));
    if (found != table_.end()) return found->second;
  }
  auto it = schemes_.find(id);
  if (it == schemes_.end()) {
    Result<Transliterator> t = Transliterator::Create(id, Direction::kForward, rules_);
    it = schemes_.emplace(id, t.ok() ? std::optional<Transliterator>(std::move(*t)) : std::nullopt)
             .first;
  }
  if (!it->second) return std::nullopt;
  return it->second->Transliterate(form);
}

}  // namespace normkit::internal
