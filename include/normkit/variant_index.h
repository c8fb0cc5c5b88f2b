// VariantIndex: one canonical form for every spelling of a name.
//
// News in English, German, French, Polish and Czech writes one Cyrillic name
// many ways: Токаев is Tokayev, Tokaev, Tokaiev, Tokajew, Tokaïev, Tokajev.
// A VariantIndex knows two things:
//
//  - A lexicon (rules/variants/*.toml, plus files the caller adds): for each
//    name its canonical Latin form, its Cyrillic original(s) and the
//    spellings the press uses, extended by the transliteration of the
//    Cyrillic original under every scheme of its language (rules/translit).
//    Apply() rewrites exactly these spellings, nothing else.
//  - A key: a string that is the same for every transliteration of one
//    Cyrillic name and differs for different names (Tokarev stays apart from
//    Tokayev). It folds the conventions that make spellings differ: й as
//    y/j/i/ï, iotated vowels (ye/je/ie/e, yu/ju/iu/iou), ё as yo/jo/io/ë/e
//    and o after hushing letters, в as v/w, ж/ш/ч/щ/х as
//    zh/ž/ż/j, sh/sch/ch/sz/š, ch/tsch/tch/cz/č, shch/schtsch/chtch/szcz/šč,
//    kh/ch/h, ц as ts/tz/z/c, з/с as z/s, у as u/ou, ы/и as y/i, doubled
//    letters, -ev/-ew/-eff, French -ine for -ин. Cyrillic words are
//    transliterated (BGN/PCGN, or the national scheme where the letters say
//    Ukrainian, Belarusian or Kazakh) and folded the same way, so Токаев
//    meets Tokayev. Discovery groups the words of a corpus by this key.
//
// The key is deliberately coarse where the press is ambiguous: German writes
// з and с both as s (Sacharow is Захаров and Сахаров), English ch is ч and
// French ch is ш, so those letters share a class. Cyrillic spellings keep
// these letters apart when clustering (see Cluster()). What it cannot see:
// French j for ж before a vowel (Soljenitsyne reads as German j, й), a
// Belarusian or Ukrainian form beside a Russian one (Łukaszenka,
// Lukashenko): the lexicon lists those.
//
// Example:
//   auto index = normkit::VariantIndex::Create();
//   if (!index.ok()) { std::cerr << index.status().ToString(); return; }
//   index->Key("Tokajew") == index->Key("Токаев");       // true
//   index->Canonical("Tokaïev");                          // "Tokayev"
//   std::string out;
//   index->Apply("TOKAEV and Tokaev’s words", &out);
//   // out == "TOKAYEV and Tokayev’s words"
//
// Immutable once created: copies share the same tables, and any number of
// threads may call the const methods at once without locks. NameCounts is
// a plain mutable value: one per thread, then Merge().
#ifndef NORMKIT_VARIANT_INDEX_H_
#define NORMKIT_VARIANT_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "normkit/export.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

// One extra lexicon file, in the format of rules/variants/*.toml.
struct NORMKIT_EXPORT LexiconText {
  std::string origin;  // what error messages call it (the path on disk)
  std::string text;
};

struct NORMKIT_EXPORT VariantIndexOptions {
  // Read the lexicon files under variants/ in the RuleFiles.
  bool builtin_lexicon = true;
  // Read these after the built-in files; an entry here takes a spelling
  // over from an earlier file (a user's lexicon wins over the built-in one).
  std::vector<LexiconText> extra_lexicons;
  // Add the transliterations of every Cyrillic form under the schemes of
  // its language (rules/translit/<lang>/*) as variants.
  bool scheme_variants = true;
};

// How often a spelling was seen, and how often not as the first word of a
// sentence (where any word has a capital).
struct NORMKIT_EXPORT SpellingCount {
  std::uint64_t count = 0;
  std::uint64_t inside = 0;
};

// Spellings counted in a text, and how often the text writes words in
// lower case (a capitalized spelling that the text also writes in lower
// case is a word, not a name: Все and все, Park and park).
class NORMKIT_EXPORT NameCounts {
 public:
  void Add(std::string_view spelling, std::uint64_t n = 1, bool sentence_start = false);
  // A word written all in lower case.
  void AddLower(std::string_view word, std::uint64_t n = 1);
  void Merge(const NameCounts& other);
  const std::unordered_map<std::string, SpellingCount>& spellings() const { return spellings_; }
  // How often `lower_case_word` was written so.
  std::uint64_t LowerCount(std::string_view lower_case_word) const;
  std::uint64_t total() const { return total_; }

 private:
  std::unordered_map<std::string, SpellingCount> spellings_;
  // Lower-case words by a 64-bit hash of their bytes (never 0), in an open
  // addressing table at most half full: most words of a corpus are counted
  // here, and a hash needs no copy of the word (two words sharing one are
  // too rare to matter for a count of evidence).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> lower_;
  std::size_t lower_used_ = 0;
  std::uint64_t& LowerSlot(std::uint64_t hash);
  std::uint64_t total_ = 0;
};

// Spellings that share a key (or a lexicon entry).
struct NORMKIT_EXPORT VariantCluster {
  // The lexicon's form, else the most frequent spelling (on a tie the one
  // English BGN/PCGN writes).
  std::string canonical;
  std::string key;  // Key(canonical)
  bool in_lexicon = false;
  std::uint64_t count = 0;  // occurrences of all spellings
  // Spelling and occurrences, most frequent first (ties by spelling).
  std::vector<std::pair<std::string, std::uint64_t>> variants;
  // Likely typos of a variant (seen once or twice beside a frequent
  // spelling that they only repeat a letter of: Росиии, России), not
  // counted in `count` and not variants.
  std::vector<std::pair<std::string, std::uint64_t>> typos;
};

struct NORMKIT_EXPORT ClusterOptions {
  std::uint64_t min_count = 1;    // leave out clusters seen fewer times
  std::size_t min_spellings = 2;  // 1 also lists names with one spelling
  std::size_t min_length = 3;     // leave out spellings of fewer letters
  // Also spellings never seen but at the start of a sentence (there every
  // word has a capital: На, Подписаться, However).
  bool sentence_initial = false;
};

class NORMKIT_EXPORT VariantIndex {
 public:
  // Reads the lexicon files (variants/*.toml in `rules`, then
  // options.extra_lexicons). A broken file gives kRuleSyntax with
  // file:line:column; one spelling claimed by two names within one file
  // gives kRuleSyntax at the second claim.
  static Result<VariantIndex> Create(const VariantIndexOptions& options, const RuleFiles& rules);
  static Result<VariantIndex> Create(const VariantIndexOptions& options = {});

  // The matching key of one word (Latin or Cyrillic; a hyphenated name keeps
  // its parts: "kasim-xomart"). Lower-case ASCII.
  // Example: Key("Tokajew") == Key("Tokaïev") == Key("Токаев") == "tokaev";
  //          Key("Tokarev") == "tokarev".
  std::string Key(std::string_view word) const;

  // The canonical form of a spelling the lexicon knows: a listed variant, a
  // transliteration of the Cyrillic form, the Cyrillic form itself, or the
  // canonical form; in the case it is written (as listed, or all capitals:
  // "TOKAEV" -> "TOKAYEV"). nullopt for anything else.
  std::optional<std::string> Canonical(std::string_view word) const;

  // Appends `text` to *out with every known variant rewritten to its
  // canonical form; returns how many words it rewrote. Only Latin words that
  // match a lexicon spelling exactly (as listed or all capitals) are
  // touched: "Tokaev" -> "Tokayev", "TOKAEV" -> "TOKAYEV",
  // "Tokaev’s" -> "Tokayev’s", "Tokaev-led" -> "Tokayev-led". A given name
  // or a patronymic (kind = "given" / "patronymic") only inside a full name
  // the lexicon lists: "Alexey Navalny" -> "Alexei Navalny", while "Sergey
  // Brin" stays. Every other byte, valid UTF-8 or not, is copied as it is.
  std::size_t Apply(std::string_view text, std::string* out) const;
  std::string Apply(std::string_view text) const;

  // Adds to *counts the names in `text`: words that start with a capital
  // letter and have a small letter after it (Latin or Cyrillic; all-capital
  // acronyms are left out), hyphenated names whole ("Kassym-Jomart"), and
  // the capitalized parts of other hyphenated words ("Tokaev-led" counts
  // "Tokaev"); a possessive 's is not part of the name. A word is marked as
  // a sentence start after the start of `text` or a line, or after . ! ? …
  // or : (with spaces, quotes or a dash between). Words all in small
  // letters are counted too (NameCounts::LowerCount), for Cluster() to tell
  // names from words.
  void CountNames(std::string_view text, NameCounts* counts) const;

  // Groups counted spellings into names: those the lexicon knows go to
  // their entry (with any spelling whose key is the key of one entry's
  // spelling); the rest by key, precisely:
  //  - a spelling the corpus also writes in lower case (at least once for
  //    every 20 times with a capital inside a sentence) is a word, left out
  //    (Все, Park), unless the lexicon lists it;
  //  - Cyrillic spellings join only where they differ in case, ё/е and the
  //    letters of another Cyrillic alphabet (Артем, Артём; not Или, Ильи);
  //  - a Latin spelling joins Cyrillic ones only where it is what a scheme
  //    of their language writes for one of them, compared without case,
  //    sign marks, x for кс and w for в (Yandex, Яндекс; not Java, Авиа);
  //  - Latin spellings that differ in more than case join unless one is
  //    seen 10 times or more and the other under a quarter as often (half,
  //    where they read differently in English): China 23 and Jinja 1 stay
  //    apart, Zhukov and Schukow in a multilingual press corpus join;
  //  - a spelling seen once or twice that only repeats a letter of one seen
  //    10 times or more is a likely typo (VariantCluster::typos), not a
  //    variant (Росиии beside России).
  // A cluster with one spelling and typos is listed too. Largest first.
  std::vector<VariantCluster> Cluster(const NameCounts& counts,
                                      const ClusterOptions& options = {}) const;

  // Renders clusters (from Cluster()) as a lexicon file in the format of
  // rules/variants/*.toml, for a person to review before Apply() takes it
  // (VariantIndexOptions::extra_lexicons): one [[name]] for each cluster
  // with two or more spellings that no lexicon holds, its canonical form
  // the most frequent Latin spelling (on a tie the one English BGN/PCGN
  // writes), its Cyrillic spellings as `cyrillic` (one a language), how
  // often each spelling was seen as a comment. Clusters of Cyrillic
  // spellings only are left out (Apply() rewrites Latin text).
  // Example: clusters {Sarsenbaev 1, Sarsenbayev 1} give
  //   [[name]]
  //   canonical = "Sarsenbayev"
  //   variants = ["Sarsenbaev"]
  std::string RenderLexicon(const std::vector<VariantCluster>& clusters) const;

  // Names in the lexicon, and spellings Apply() rewrites.
  std::size_t lexicon_names() const;
  std::size_t known_variants() const;

 private:
  struct Data;  // defined in variants/
  explicit VariantIndex(std::shared_ptr<const Data> data);
  std::shared_ptr<const Data> data_;
};

}  // namespace normkit

#endif  // NORMKIT_VARIANT_INDEX_H_
