// The matching key of a name: what every transliteration of one Cyrillic
// name has in common. Internal to the VariantIndex (normkit/variant_index.h
// says what the key folds and why).
#ifndef NORMKIT_VARIANTS_VARIANT_KEY_H_
#define NORMKIT_VARIANTS_VARIANT_KEY_H_

#include <string>
#include <string_view>

namespace normkit::internal {

enum class KeyMode {
  // Every press convention at once: ж/ш/ч/щ/х share one class ('x'), and
  // з/с/ц another ('s'), because German sch is ш and ж, English ch is ч,
  // French ch is ш, German ch is х, German s is з and German z is ц.
  kCoarse,
  // The English (BGN/PCGN-like) reading only, where those letters stay apart
  // (ж 'Z', ш 'W', ч 'C', щ "WC", х 'H', ц 'Q', з 'z', с 's'). Exact for a
  // Cyrillic word (through ISO 9); for a Latin word, what it spells in
  // English. Used to split Cyrillic spellings that the coarse key merges.
  kStrict,
};

// The key of a Latin word (a Cyrillic word is first transliterated by the
// caller, in the English way: BGN/PCGN, or the national scheme of a language
// whose letters it has). Letters are lower-cased, diacritics and apostrophes
// dropped, multi-letter spellings of one sound folded, and the parts of a
// hyphenated name joined by '-'. Characters that are not Latin letters
// (digits, other scripts) are kept as they are.
// `from_cyrillic`: the word was Cyrillic (and comes transliterated in the
// English way), so French endings (-ine for -ин) cannot be in it (Путине is
// not Poutine).
std::string FoldKey(std::string_view latin, KeyMode mode, bool from_cyrillic = false);

// A Cyrillic word with only what spellings of one name in Cyrillic differ
// in folded away: case, ё as е, the soft and hard signs and apostrophes,
// doubled letters, and the Ukrainian and Belarusian letters that have a
// Russian twin (і и, є е, ґ г, ў в). Зеленський and Зеленский, Горбачёв and
// Горбачев meet; Захаров and Сахаров, Перед and Период stay apart.
std::string FoldCyrillic(std::string_view word);

// The scheme that brings a Cyrillic word to Latin for its key, chosen by the
// letters only some languages have: Kazakh (ә ғ қ ң ө ұ ү һ) kk/bgn_pcgn,
// Belarusian (ў) be/national, Ukrainian (і ї є ґ) uk/national_2010, Serbian
// (ђ ј љ њ ћ џ) sr/latin, Macedonian (ѓ ќ ѕ) mk/national, else ru/bgn_pcgn.
const char* KeySchemeFor(std::string_view cyrillic_word);
inline constexpr const char* kKeySchemes[] = {"ru/bgn_pcgn", "uk/national_2010", "be/national",
                                              "kk/bgn_pcgn", "sr/latin",         "mk/national"};

// True when `word` holds a Cyrillic letter.
bool HasCyrillic(std::string_view word);

}  // namespace normkit::internal

#endif  // NORMKIT_VARIANTS_VARIANT_KEY_H_
