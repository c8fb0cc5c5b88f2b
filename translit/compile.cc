// Turns a parsed Scheme into the tables the engine walks.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "core/char_class.h"
#include "core/utf8.h"
#include "cyrillic_fallback.h"
#include "tables.h"

namespace normkit::internal {
namespace {

using Tables = SchemeTables;

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string Utf8(char32_t c) { return Utf8(icu::UnicodeString(static_cast<UChar32>(c))); }

// Builds the case forms of outputs, in the scheme's locale, composed (NFC).
class FormMaker {
 public:
  FormMaker(Tables* tables, const std::string& locale) : tables_(tables), locale_(locale.c_str()) {
    UErrorCode ec = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(ec);
    // Turkish and Azerbaijani capitalize i as İ; elsewhere ASCII letters
    // take ASCII capitals.
    const std::string language = locale_.getLanguage();
    ascii_case_ = language != "tr" && language != "az";
  }

  // `lower` as written; `title` overrides the capitalized form when given.
  Tables::Forms Make(const std::string& lower, const std::string* title = nullptr) {
    if (title == nullptr && ascii_case_ && IsAscii(lower)) return MakeAscii(lower);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(lower);
    icu::UnicodeString t;
    if (title != nullptr) {
      t = icu::UnicodeString::fromUTF8(*title);
    } else {
      // Capitalize the first cased letter: "·h" -> "·H".
      t = s;
      for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const UChar32 c = s.char32At(i);
        if (u_isULowercase(c) || u_isUUppercase(c)) {
          const int32_t next = s.moveIndex32(i, 1);
          icu::UnicodeString head(s, i, next - i);
          head.toUpper(locale_);
          t = icu::UnicodeString(s, 0, i);
          t.append(head);
          t.append(s, next, s.length() - next);
          break;
        }
      }
    }
    icu::UnicodeString u = (title != nullptr ? t : s);
    u = icu::UnicodeString(u).toUpper(locale_);
    int cased = 0;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
      const UChar32 c = s.char32At(i);
      if (u_isULowercase(c) || u_isUUppercase(c)) ++cased;
    }
    return Store(Composed(s), Composed(t), Composed(u), cased);
  }

 private:
  static bool IsAscii(const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }

  // Make() for ASCII output ("shch", "'"), the most common, without ICU:
  // ASCII is NFC, and its capitals are ASCII's in every locale but tr/az.
  Tables::Forms MakeAscii(const std::string& lower) {
    std::string title = lower, upper = lower;
    int cased = 0;
    bool capitalized = false;
    for (std::size_t i = 0; i < lower.size(); ++i) {
      const bool letter = (lower[i] | 0x20) >= 'a' && (lower[i] | 0x20) <= 'z';
      if (!letter) continue;
      ++cased;
      upper[i] = static_cast<char>(lower[i] & ~0x20);
      if (!capitalized) title[i] = upper[i];
      capitalized = true;
    }
    return Store(lower, title, upper, cased);
  }

  // `s` in NFC, as UTF-8; notes when the engine must check its output.
  std::string Composed(const icu::UnicodeString& s) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::UnicodeString composed = nfc_->normalize(s, ec);
    if (!composed.isEmpty()) {
      if (MaybeChangedByNfc(static_cast<char32_t>(composed.char32At(0)))) {
        tables_->output_needs_nfc_check = true;
      }
    }
    return Utf8(composed);
  }

  Tables::Forms Store(const std::string& lower, const std::string& title, const std::string& upper,
                      int cased) {
    Tables::Forms forms;
    forms.lower = AddBytes(lower);
    forms.title = AddBytes(title);
    forms.upper = AddBytes(upper);
    forms.several_cased = cased > 1;
    return forms;
  }

  // Each distinct piece is stored once in the pool: pieces are short and
  // repeat (every capital of a one-letter output is another's lower case).
  Tables::Text AddBytes(const std::string& bytes) {
    Tables::Text text;
    text.length = static_cast<std::uint32_t>(bytes.size());
    auto [it, inserted] = offsets_.try_emplace(bytes, tables_->pool.size());
    if (inserted) tables_->pool += bytes;
    text.offset = static_cast<std::uint32_t>(it->second);
    return text;
  }

  Tables* tables_;
  icu::Locale locale_;
  bool ascii_case_ = true;
  const icu::Normalizer2* nfc_ = nullptr;
  std::unordered_map<std::string, std::size_t> offsets_;  // piece -> its offset in the pool
};

Tables::Entry& EntryFor(Tables* t, char32_t c) {
  if (c < Tables::kDirect) return t->direct[c];
  auto [it, inserted] = t->others.try_emplace(c);
  if (inserted) {
    it->second.flags = CharacterFlags(c);
    it->second.lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  }
  return it->second;
}

// Maps a lower-case source letter and its capital to `forms` (and the
// capital to `upper_forms` when the scheme spells it out).
void MapLetter(Tables* t, char32_t lower, const Tables::Forms& forms,
               const Tables::Forms* upper_forms) {
  Tables::Entry& e = EntryFor(t, lower);
  e.forms = forms;
  e.flags |= Tables::kMapped;
  const auto upper = static_cast<char32_t>(u_toupper(static_cast<UChar32>(lower)));
  if (upper != lower) {
    Tables::Entry& u = EntryFor(t, upper);
    u.forms = upper_forms != nullptr ? *upper_forms : forms;
    u.flags |= Tables::kMapped;
  }
}

std::size_t Utf8Length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

void ComputeExpansion(Tables* t) {
  std::size_t factor = 3;  // one invalid byte becomes U+FFFD
  auto widest = [](const Tables::Forms& f) {
    return std::max({f.lower.length, f.title.length, f.upper.length});
  };
  auto consider = [&](std::size_t out_bytes, std::size_t in_bytes) {
    factor = std::max(factor, (out_bytes + in_bytes - 1) / std::max<std::size_t>(in_bytes, 1));
  };
  for (char32_t c = 0; c < Tables::kDirect; ++c) {
    if (t->direct[c].flags & Tables::kMapped) consider(widest(t->direct[c].forms), Utf8Length(c));
  }
  for (const auto& [c, e] : t->others) {
    if (e.flags & Tables::kMapped) consider(widest(e.forms), Utf8Length(c));
  }
  for (const Tables::Rule& r : t->rules) {
    consider(widest(r.forms), r.match.size());
    for (const Tables::Forms& piece : r.pieces) consider(widest(piece), 1);
  }
  t->max_expansion = factor;
}

// Attaches rules to the entries of their first letters, keeping file order
// among the rules of one letter.
void IndexRules(Tables* t) {
  std::stable_sort(
      t->rules.begin(), t->rules.end(),
      [](const Tables::Rule& a, const Tables::Rule& b) { return a.match[0] < b.match[0]; });
  for (std::size_t i = 0; i < t->rules.size();) {
    const char32_t first = t->rules[i].match[0];
    std::size_t j = i;
    while (j < t->rules.size() && t->rules[j].match[0] == first) ++j;
    for (char32_t c : {first, static_cast<char32_t>(u_toupper(static_cast<UChar32>(first)))}) {
      Tables::Entry& e = EntryFor(t, c);
      if (!(e.flags & Tables::kMapped)) {
        // A letter only rules mention: unmatched, it stays itself.
        Tables::Forms self;
        self.lower.offset = self.title.offset = self.upper.offset =
            static_cast<std::uint32_t>(t->pool.size());
        const std::string bytes = Utf8(c);
        t->pool += bytes;
        self.lower.length = self.title.length = self.upper.length =
            static_cast<std::uint32_t>(bytes.size());
        e.forms = self;
        e.flags |= Tables::kMapped;
      }
      e.rule_begin = static_cast<std::uint32_t>(i);
      e.rule_end = static_cast<std::uint32_t>(j);
    }
    i = j;
  }
}

// The scheme `scheme` falls back to for letters it does not map (nullopt
// for none).
Result<std::optional<Scheme>> ReadFallback(const Scheme& scheme, const RuleFiles& rules) {
  if (scheme.fallback.empty()) return std::optional<Scheme>();
  const std::string path = SchemePath(scheme.fallback);
  const std::string* text = rules.Find(path);
  if (text == nullptr) {
    // A mistake in the scheme file, not in what the caller asked for.
    return Status(ErrorCode::kRuleSyntax,
                  "fallback: no scheme '" + scheme.fallback + "' (" + path + ")",
                  {scheme.origin, scheme.fallback_line, scheme.fallback_column, 0});
  }
  Result<Scheme> fallback = ParseScheme(*text, rules.Origin(path), scheme.fallback);
  if (!fallback.ok()) return fallback.status();
  return std::optional<Scheme>(std::move(*fallback));
}

Status CompileForward(const Scheme& scheme, const RuleFiles& rules, Tables* t) {
  FormMaker maker(t, scheme.case_locale);
  // Letters: the scheme's own, then its fallback's for the rest.
  std::map<char32_t, std::string> letters(scheme.letters.begin(), scheme.letters.end());
  std::map<char32_t, std::string> upper(scheme.upper_letters.begin(), scheme.upper_letters.end());
  Result<std::optional<Scheme>> fallback = ReadFallback(scheme, rules);
  if (!fallback.ok()) return fallback.status();
  if (*fallback) {
    for (const auto& [c, out] : (*fallback)->letters) letters.emplace(c, out);
    for (const auto& [c, out] : (*fallback)->upper_letters) upper.emplace(c, out);
  }
  // Cyrillic letters that no rule file maps go through ICU's own
  // Cyrillic-Latin (a table written at build time), so that no scheme lets
  // a Cyrillic letter through.
  for (std::size_t i = 0; i < kCyrillicFallbackCount; ++i) {
    letters.emplace(kCyrillicFallback[i].letter, kCyrillicFallback[i].latin);
  }
  for (const auto& [c, out] : letters) {
    const auto capital = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
    auto it = upper.find(capital);
    if (it != upper.end()) {
      const Tables::Forms upper_forms = maker.Make(out, &it->second);
      MapLetter(t, c, maker.Make(out), &upper_forms);
    } else {
      MapLetter(t, c, maker.Make(out), nullptr);
    }
  }
  for (const ContextRule& r : scheme.rules) {
    std::vector<Tables::Forms> pieces;
    for (const std::string& piece : r.pieces) pieces.push_back(maker.Make(piece));
    t->rules.push_back(Tables::Rule{r.match, r.word_start, r.word_end, r.after, r.not_after,
                                    r.before, r.not_before, maker.Make(r.output),
                                    std::move(pieces)});
  }
  return Status();
}

// A letter the forward direction writes and its Latin, and whether it is
// the scheme's own (a clash between own letters is an error; a borrowed
// letter that clashes is left out of the reverse).
struct ReverseLetter {
  char32_t cyrillic;
  std::string latin;
  bool own;
};

// The letters the forward direction writes, in the order the reverse
// claims their Latin: the scheme's own, then its fallback's (ISO 9), then
// ICU's for the rest, so that a letter that came through a fallback reads
// back as itself. A borrowed letter whose Latin is a sequence of letters
// ("ng") is left out: reading it back would swallow that sequence.
Result<std::vector<ReverseLetter>> ReverseLetters(const Scheme& scheme, const RuleFiles& rules) {
  std::vector<ReverseLetter> out;
  std::set<char32_t> mapped;
  for (const auto& [c, latin] : scheme.letters) {
    out.push_back({c, latin, true});
    mapped.insert(c);
  }
  auto borrow = [&](char32_t c, const std::string& latin) {
    const std::u32string points = CodePoints(latin);
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (!IsMark(points[i])) return;
    }
    if (mapped.insert(c).second) out.push_back({c, latin, false});
  };
  Result<std::optional<Scheme>> fallback = ReadFallback(scheme, rules);
  if (!fallback.ok()) return fallback.status();
  if (*fallback) {
    for (const auto& [c, latin] : (*fallback)->letters) borrow(c, latin);
  }
  for (std::size_t i = 0; i < kCyrillicFallbackCount; ++i) {
    borrow(kCyrillicFallback[i].letter, kCyrillicFallback[i].latin);
  }
  return out;
}

Status CompileReverse(const Scheme& scheme, const RuleFiles& rules, Tables* t) {
  if (!scheme.info.reversible) {
    return Status(ErrorCode::kInvalidArgument,
                  "scheme '" + scheme.info.id +
                      "' is not reversible (only schemes that map one letter to "
                      "one letter are, such as cyrl/iso_9, ru/gost_779 and "
                      "sr/latin)");
  }
  Result<std::vector<ReverseLetter>> letters = ReverseLetters(scheme, rules);
  if (!letters.ok()) return letters.status();
  FormMaker maker(t, scheme.case_locale);
  std::map<std::u32string, char32_t> seen;
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  for (const auto& [cyrillic, latin, own] : *letters) {
    const std::u32string key =
        CodePoints(Utf8(nfc->normalize(icu::UnicodeString::fromUTF8(latin), ec)));
    if (key.empty()) {
      if (!own) continue;
      return Status(ErrorCode::kRuleSyntax,
                    "not reversible: '" + Utf8(cyrillic) + "' maps to nothing",
                    {scheme.origin, 0, 0, 0});
    }
    auto [it, inserted] = seen.emplace(key, cyrillic);
    if (!inserted) {
      if (!own) continue;
      return Status(ErrorCode::kRuleSyntax,
                    "not reversible: '" + Utf8(cyrillic) + "' and '" + Utf8(it->second) +
                        "' both map to '" + latin + "'",
                    {scheme.origin, 0, 0, 0});
    }
    const Tables::Forms forms = maker.Make(Utf8(cyrillic));
    if (key.size() == 1) {
      // The Latin capital, as the forward direction writes it, maps back to
      // the Cyrillic capital.
      MapLetter(t, key[0], forms, &forms);
      const Tables::Forms forward = maker.Make(latin);
      const std::u32string capital =
          CodePoints(std::string_view(t->pool).substr(forward.title.offset, forward.title.length));
      if (capital.size() == 1 && capital[0] != key[0]) {
        Tables::Entry& e = EntryFor(t, capital[0]);
        e.forms = forms;
        e.flags |= Tables::kMapped;
      } else if (capital.size() > 1) {
        // A capital with no precomposed letter (J̌ for ǰ) is read as its
        // sequence.
        Tables::Rule rule;
        for (char32_t c : capital) {
          rule.match.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
        }
        rule.forms = forms;
        t->rules.push_back(std::move(rule));
      }
    } else {
      Tables::Rule rule;
      std::u32string lower_key;
      for (char32_t c : key)
        lower_key.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
      rule.match = lower_key;
      rule.forms = forms;
      t->rules.push_back(std::move(rule));
    }
  }
  // A precomposed Latin letter that is no key reads as its base letter plus
  // its marks: the ó of "nahódite" (from нахо́дите, о with a stress mark)
  // comes back as о + U+0301.
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  for (UChar32 c = 0x00C0; c <= 0x1EFF; ++c) {
    if (c == 0x0250) c = 0x1E00;  // Latin-1 to Extended-B, then Additional
    if (!u_isULowercase(c) || (EntryFor(t, static_cast<char32_t>(c)).flags & Tables::kMapped)) {
      continue;
    }
    icu::UnicodeString parts;
    if (!nfd->getDecomposition(c, parts)) continue;
    const UChar32 base = parts.char32At(0);
    const Tables::Entry& base_entry = EntryFor(t, static_cast<char32_t>(base));
    if (!(base_entry.flags & Tables::kMapped)) continue;
    const std::string_view cyrillic = std::string_view(t->pool).substr(
        base_entry.forms.lower.offset, base_entry.forms.lower.length);
    std::string marks;
    icu::UnicodeString(parts, U16_LENGTH(base)).toUTF8String(marks);
    MapLetter(t, static_cast<char32_t>(c), maker.Make(std::string(cyrillic) + marks), nullptr);
  }
  return Status();
}

// The fast value (SchemeTables::fast) that writes `text`, or 0 when the
// wide step cannot: longer than its one 8-byte copy, or past its offsets.
std::uint32_t FastPiece(const Tables::Text& text) {
  if (text.length > Tables::kCopySlack || text.offset > Tables::kFastOffsetMask) return 0;
  return Tables::kFastPiece | text.offset | text.length << Tables::kFastLengthShift;
}

// The fast value of a letter (flags `flags`) written as `forms`, its own or
// a rule's: the case form that the engine's Choose picks without asking the
// neighbours, or 0 where it would ask them.
std::uint32_t FastForms(const Tables::Forms& forms, std::uint8_t flags) {
  if (!(flags & Tables::kCased)) return 0;  // takes the case of the letters around
  if (!(flags & Tables::kUpper)) return FastPiece(forms.lower);
  if (!forms.several_cased) return FastPiece(forms.title);
  return 0;  // "Ж": "ZH" or "Zh" by the letter after it
}

// The letters that may complete one of rules[begin, end) when they come
// right after its first letter, when each rule needs one there (its second
// letter, or one of its `before`): code points below kDirect whose lower
// case is such a letter are set.
std::optional<std::bitset<Tables::kDirect>> GateOf(const Tables& t, std::uint32_t begin,
                                                   std::uint32_t end) {
  for (std::uint32_t r = begin; r < end; ++r) {
    if (t.rules[r].match.size() < 2 && t.rules[r].before.empty) return std::nullopt;
  }
  std::bitset<Tables::kDirect> gate;
  for (char32_t next = 0; next < Tables::kDirect; ++next) {
    const char32_t lower = t.direct[next].lower;
    for (std::uint32_t r = begin; r < end && !gate[next]; ++r) {
      const Tables::Rule& rule = t.rules[r];
      gate[next] = rule.match.size() >= 2 ? rule.match[1] == lower : rule.before.Contains(lower);
    }
  }
  return gate;
}

// Fills SchemeTables::fast and ::fast_row, once the entries, their rules
// and by_previous are final.
void BuildFastTables(Tables* t) {
  std::vector<std::uint32_t> own(Tables::kDirect, 0);  // where no neighbour matters
  // A letter whose rules look at the letter before it: by_previous's answer
  // for each previous character (its index in fast_row), and its value for
  // each answer (0: no rule; k: rule_begin + k - 1).
  struct LooksBack {
    char32_t letter;
    const std::vector<std::uint8_t>* by_previous;
    std::vector<std::uint32_t> by_answer;
    std::uint8_t Answer(std::size_t previous) const {
      return previous <= Tables::kDirect ? (*by_previous)[previous] : Tables::kAskRules;
    }
    std::uint32_t Value(std::size_t previous) const {
      const std::uint8_t k = Answer(previous);
      return k == Tables::kAskRules ? 0 : by_answer[k];
    }
  };
  std::vector<LooksBack> looks_back;
  // The gates of gated letters, and which each letter has (1 + index; 0
  // for none). A letter and its capital share their rules, and so a gate.
  std::vector<std::bitset<Tables::kDirect>> gates;
  std::map<std::uint32_t, std::uint32_t> gate_of_rules;  // by rule_begin
  std::vector<std::uint32_t> gate_of(Tables::kDirect, 0);
  // The UTF-8 of every code point below kDirect, for those that stay
  // themselves: the wide step copies them like any piece.
  const std::size_t itself = t->pool.size();
  for (char32_t c = 0; c < Tables::kDirect; ++c) AppendUtf8(c, &t->pool);
  for (char32_t c = 0; c < Tables::kDirect; ++c) {
    const Tables::Entry& e = t->direct[c];
    if (!(e.flags & Tables::kMapped)) {
      // Unless NFC might change the text around it: the engine stops
      // before such a line.
      if (!(e.flags & Tables::kNotNfcSafe)) {
        Tables::Text text;
        text.offset = static_cast<std::uint32_t>(itself + (c < 0x80 ? c : 2 * c - 0x80));
        text.length = static_cast<std::uint32_t>(Utf8Length(c));
        own[c] = FastPiece(text);
      }
    } else if (e.rule_begin == e.rule_end) {
      own[c] = FastForms(e.forms, e.flags);
    } else if (!e.by_previous.empty()) {
      LooksBack letter{c, &e.by_previous, {FastForms(e.forms, e.flags)}};
      for (std::uint32_t r = e.rule_begin; r < e.rule_end; ++r) {
        letter.by_answer.push_back(FastForms(t->rules[r].forms, e.flags));
      }
      looks_back.push_back(std::move(letter));
    } else if (const std::uint32_t value = FastForms(e.forms, e.flags); value != 0) {
      auto [it, added] = gate_of_rules.try_emplace(e.rule_begin, 0);
      if (added) {
        if (std::optional<std::bitset<Tables::kDirect>> gate =
                GateOf(*t, e.rule_begin, e.rule_end)) {
          gates.push_back(*gate);
          it->second = static_cast<std::uint32_t>(gates.size());
        }
      }
      if (it->second != 0) {
        own[c] = value | Tables::kFastGated;
        gate_of[c] = it->second;
      }
    }
  }
  // One row per class of previous characters: those that every letter
  // looking back answers alike, and that gate alike. Classes are numbered
  // in the order they first appear.
  std::vector<std::size_t> class_of(Tables::kDirect + 2);
  std::map<std::vector<std::uint32_t>, std::size_t> classes;
  auto classify = [&] {
    classes.clear();
    std::vector<std::uint32_t> key, last_key;
    for (std::size_t previous = 0; previous < class_of.size(); ++previous) {
      key.clear();
      for (const LooksBack& letter : looks_back) key.push_back(letter.Answer(previous));
      key.push_back(previous < Tables::kDirect ? gate_of[previous] : 0);
      // Neighbouring code points are mostly alike (a block of symbols, of
      // letters no rule names): the map only where the class changes.
      if (previous > 0 && key == last_key) {
        class_of[previous] = class_of[previous - 1];
        continue;
      }
      class_of[previous] = classes.try_emplace(key, classes.size()).first->second;
      last_key.swap(key);
    }
  };
  classify();
  // A user's scheme whose letters look back at many different sets would
  // need a row for each mix of them: those letters, and the gated ones, take
  // the general path instead.
  constexpr std::size_t kMostRows = 64;
  if (classes.size() > kMostRows) {
    looks_back.clear();
    for (char32_t c = 0; c < Tables::kDirect; ++c) {
      if (gate_of[c] != 0) own[c] = 0;
    }
    gate_of.assign(Tables::kDirect, 0);
    classify();
  }
  t->fast.reserve(classes.size() * Tables::kFastRowStride);
  t->fast_row.resize(class_of.size());
  for (std::size_t previous = 0; previous < class_of.size(); ++previous) {
    const std::size_t k = class_of[previous];
    t->fast_row[previous] = static_cast<std::uint32_t>(k * Tables::kFastRowStride);
    if (k * Tables::kFastRowStride < t->fast.size()) continue;  // written
    t->fast.insert(t->fast.end(), own.begin(), own.end());
    t->fast.resize(t->fast.size() + Tables::kFastRowStride - Tables::kDirect);
    std::uint32_t* row = t->fast.data() + k * Tables::kFastRowStride;
    for (const LooksBack& letter : looks_back) row[letter.letter] = letter.Value(previous);
    if (previous < Tables::kDirect && gate_of[previous] != 0) {
      const std::bitset<Tables::kDirect>& gate = gates[gate_of[previous] - 1];
      for (char32_t next = 0; next < Tables::kDirect; ++next) {
        if (gate[next]) row[next] = 0;
      }
    }
  }
}

}  // namespace

bool MaybeChangedByNfc(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  return u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
         u_getCombiningClass(u) != 0;
}

std::uint8_t CharacterFlags(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  std::uint8_t flags = 0;
  if (IsLetterOrMark(c)) flags |= Tables::kLetter;
  if (IsMark(c)) flags |= Tables::kMark;
  if (MaybeChangedByNfc(c)) flags |= Tables::kNotNfcSafe;
  if (u_isUUppercase(u)) flags |= Tables::kUpper;
  if (u_isUUppercase(u) || u_isULowercase(u)) flags |= Tables::kCased;
  return flags;
}

Result<std::shared_ptr<const internal::SchemeTables>> CompileScheme(const Scheme& scheme,
                                                                    const RuleFiles& rules,
                                                                    Direction direction) {
  auto t = std::make_shared<Tables>();
  t->info = scheme.info;
  t->direction = direction;
  t->tests = scheme.tests;
  // The part of the direct table that is the same for every scheme (each
  // character's flags and lower case) is computed once a process: a
  // program that compiles twenty schemes (variant keys) asks ICU once.
  static const std::vector<Tables::Entry>* const kBlank = [] {
    auto* blank = new std::vector<Tables::Entry>(Tables::kDirect);
    for (char32_t c = 0; c < Tables::kDirect; ++c) {
      (*blank)[c].flags = CharacterFlags(c);
      (*blank)[c].lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    }
    return blank;
  }();
  t->direct = *kBlank;
  Status s = direction == Direction::kForward ? CompileForward(scheme, rules, t.get())
                                              : CompileReverse(scheme, rules, t.get());
  if (!s.ok()) return s;
  IndexRules(t.get());
  for (char32_t c = 0; c < 0x80; ++c) {
    if (t->direct[c].flags & Tables::kMapped) t->ascii_mapped = true;
  }
  // Letters whose rules depend only on the letter before them get a table
  // from that letter to the rule (see Entry::by_previous).
  auto tabulate = [&](Tables::Entry& e) {
    if (e.rule_begin == e.rule_end || e.rule_end - e.rule_begin >= Tables::kAskRules) return;
    for (std::uint32_t r = e.rule_begin; r < e.rule_end; ++r) {
      const Tables::Rule& rule = t->rules[r];
      if (rule.match.size() != 1 || rule.word_end || !rule.before.empty || !rule.not_before.empty ||
          !rule.pieces.empty()) {
        return;
      }
    }
    e.by_previous.assign(Tables::kDirect + 1, 0);
    for (char32_t prev = 0; prev <= Tables::kDirect; ++prev) {
      const bool none = prev == Tables::kDirect;
      if (!none && (prev == '\'' || prev == 0x2019 || prev == 0x02BC)) {
        e.by_previous[prev] = Tables::kAskRules;  // inside a word or not?
        continue;
      }
      const bool letter = !none && ((*kBlank)[prev].flags & Tables::kLetter);
      const char32_t lower = none ? 0 : (*kBlank)[prev].lower;
      for (std::uint32_t r = e.rule_begin; r < e.rule_end; ++r) {
        const Tables::Rule& rule = t->rules[r];
        if (rule.word_start && letter) continue;
        if (!rule.after.empty && (none || !rule.after.Contains(lower))) continue;
        if (!none && rule.not_after.Contains(lower)) continue;
        e.by_previous[prev] = static_cast<std::uint8_t>(r - e.rule_begin + 1);
        break;
      }
    }
  };
  for (Tables::Entry& e : t->direct) tabulate(e);
  for (auto& [c, e] : t->others) tabulate(e);
  auto mark_plain = [](Tables::Entry& e) {
    const std::uint8_t f = e.flags;
    if ((f & Tables::kMapped) && (f & Tables::kCased) && !(f & Tables::kUpper) &&
        e.rule_begin == e.rule_end) {
      e.flags |= Tables::kPlain;
    }
  };
  for (Tables::Entry& e : t->direct) mark_plain(e);
  for (auto& [c, e] : t->others) mark_plain(e);
  BuildFastTables(t.get());
  ComputeExpansion(t.get());
  t->pool.append(Tables::kCopySlack, '\0');
  return std::shared_ptr<const Tables>(std::move(t));
}

}  // namespace normkit::internal
