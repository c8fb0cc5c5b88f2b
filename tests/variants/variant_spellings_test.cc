// The spellings written at build time (variants/variant_spellings.h) are
// what the schemes give, and an index built from them equals one built by
// compiling the schemes.
#include "variants/variant_spellings.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "normkit/transliterator.h"
#include "normkit/variant_index.h"

namespace normkit {
namespace {

TEST(BuiltinSpellings, WereWrittenFromTheEmbeddedSchemes) {
  EXPECT_EQ(internal::SchemesFingerprint(RuleFiles::Embedded()),
            internal::kBuiltinSpellingsFingerprint);
}

TEST(BuiltinSpellings, EqualWhatEachSchemeGives) {
  ASSERT_GT(internal::kBuiltinSpellingsCount, 0u);
  std::set<std::string> schemes;
  for (std::size_t i = 0; i < internal::kBuiltinSpellingsCount; ++i) {
    const internal::BuiltinSpelling& s = internal::kBuiltinSpellings[i];
    Result<Transliterator> t = Transliterator::Create(s.scheme, Direction::kForward);
    ASSERT_TRUE(t.ok()) << s.scheme;
    EXPECT_EQ(t->Transliterate(s.form), s.latin) << s.scheme << " " << s.form;
    schemes.insert(s.scheme);
  }
  // Every scheme of every language the lexicon writes names in.
  for (const char* lang : {"ru", "uk", "be", "kk"}) {
    for (const std::string& id : internal::SpellingSchemes(RuleFiles::Embedded(), lang)) {
      EXPECT_EQ(schemes.count(id), 1u) << id;
    }
  }
}

TEST(BuiltinSpellings, ChangedSchemesAreCompiledInstead) {
  // One scheme file changed: the table no longer holds, and the index
  // compiles the schemes. Its spellings follow the changed scheme.
  RuleFiles changed = RuleFiles::Embedded();
  std::string iso9 = *changed.Find("translit/cyrl/iso_9.toml");
  iso9 += "\n# changed\n";
  changed.Add("translit/cyrl/iso_9.toml", iso9);
  EXPECT_NE(internal::SchemesFingerprint(changed), internal::kBuiltinSpellingsFingerprint);

  Result<VariantIndex> built = VariantIndex::Create({}, RuleFiles::Embedded());
  Result<VariantIndex> compiled = VariantIndex::Create({}, changed);
  ASSERT_TRUE(built.ok() && compiled.ok());
  const std::string text =
      "Navalnyy, Naval'nyj, Naval'nyy, Tokaev, Tokayev, Tikhanovskaya, Cichanoŭskaja, "
      "Lukašenka, Zelenskyi, Zelens'kyj, Nazarbaev.";
  EXPECT_EQ(built->Apply(text), compiled->Apply(text));
  EXPECT_EQ(built->known_variants(), compiled->known_variants());
}

}  // namespace
}  // namespace normkit
