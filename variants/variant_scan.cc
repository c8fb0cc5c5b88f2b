// Reading text with a VariantIndex: Apply() rewrites the lexicon's
// spellings in place (one StringTable lookup a capitalized Latin word, no
// allocation), CountNames() counts the capitalized words that look like
// names into a NameCounts.
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/string_table.h"
#include "normkit/variant_index.h"
#include "variant_index_data.h"
#include "variant_words.h"

namespace normkit {

void NameCounts::Add(std::string_view spelling, std::uint64_t n, bool sentence_start) {
  SpellingCount& c = spellings_[std::string(spelling)];
  c.count += n;
  if (!sentence_start) c.inside += n;
  total_ += n;
}

namespace {

std::uint64_t LowerHash(std::string_view word) {
  const std::uint64_t h = internal::HashString(word);
  return h == 0 ? 1 : h;
}

}  // namespace

std::uint64_t& NameCounts::LowerSlot(std::uint64_t hash) {
  if ((lower_used_ + 1) * 2 > lower_.size()) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> old = std::move(lower_);
    lower_.assign(std::max<std::size_t>(1024, old.size() * 2), {0, 0});
    lower_used_ = 0;
    for (const auto& [h, n] : old) {
      if (h != 0) LowerSlot(h) = n;
    }
  }
  const std::size_t mask = lower_.size() - 1;
  std::size_t i = hash & mask;
  while (lower_[i].first != 0 && lower_[i].first != hash) i = (i + 1) & mask;
  if (lower_[i].first == 0) {
    lower_[i].first = hash;
    ++lower_used_;
  }
  return lower_[i].second;
}

void NameCounts::AddLower(std::string_view word, std::uint64_t n) {
  LowerSlot(LowerHash(word)) += n;
}

std::uint64_t NameCounts::LowerCount(std::string_view lower_case_word) const {
  if (lower_.empty()) return 0;
  const std::uint64_t hash = LowerHash(lower_case_word);
  const std::size_t mask = lower_.size() - 1;
  for (std::size_t i = hash & mask; lower_[i].first != 0; i = (i + 1) & mask) {
    if (lower_[i].first == hash) return lower_[i].second;
  }
  return 0;
}

void NameCounts::Merge(const NameCounts& other) {
  for (const auto& [spelling, n] : other.spellings_) {
    SpellingCount& c = spellings_[spelling];
    c.count += n.count;
    c.inside += n.inside;
  }
  for (const auto& [hash, n] : other.lower_) {
    if (hash != 0) LowerSlot(hash) += n;
  }
  total_ += other.total_;
}

namespace internal {
namespace {

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

// A word all in small letters (with marks and apostrophes), as the words
// are that a capitalized spelling is checked against.
bool IsLowerCaseWord(std::string_view part) {
  if (part.empty()) return false;
  for (std::size_t i = 0; i < part.size();) {
    const unsigned char b = static_cast<unsigned char>(part[i]);
    if (b < 0x80) {
      if (b < 'a' || b > 'z') {
        if (b != '\'' || i == 0) return false;
      }
      ++i;
      continue;
    }
    // The small Cyrillic letters а..я and ѐ..џ without a property lookup.
    if (i + 1 < part.size()) {
      const unsigned char next = static_cast<unsigned char>(part[i + 1]);
      if ((b == 0xD0 && next >= 0xB0 && next <= 0xBF) ||
          (b == 0xD1 && next >= 0x80 && next <= 0x9F)) {
        i += 2;
        continue;
      }
    }
    std::size_t len;
    const UChar32 c = CodePointAt(part, i, &len);
    if (c < 0 ||
        !(u_islower(c) || (i > 0 && (IsWordApostrophe(c) || u_getCombiningClass(c) != 0)))) {
      return false;
    }
    i += len;
  }
  return true;
}

// True when the word at [begin, end) stands in a run of text without
// spaces that holds '/', '=', '&' or '@': a link, a query, an address,
// whose lower-case words (utm_source=telegram) say nothing of how the
// language writes a name.
bool InAddress(std::string_view text, std::size_t begin, std::size_t end) {
  auto address_char = [](char c) { return c == '/' || c == '=' || c == '&' || c == '@'; };
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  for (std::size_t i = begin; i > 0 && !space(text[i - 1]); --i) {
    if (address_char(text[i - 1])) return true;
  }
  for (std::size_t i = end; i < text.size() && !space(text[i]); ++i) {
    if (address_char(text[i])) return true;
  }
  return false;
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
      case ' ':
      case '\t':
      case 0xA0:
      case 0x202F:
      case 0x2009:
      case '"':
      case '\'':
      case '(':
      case '[':
      case '*':
      case '>':
      case '-':
      case 0xAB:
      case 0x201C:
      case 0x201E:
      case 0x2018:
      case 0x2039:
      case 0x2013:
      case 0x2014:
      case 0x2022:
        i -= len;
        continue;
      case '\n':
      case '\r':
      case '.':
      case '!':
      case '?':
      case ':':
      case 0x2026:
        return true;
      default:
        return false;
    }
  }
  return true;
}

}  // namespace
}  // namespace internal

std::size_t VariantIndex::Apply(std::string_view text, std::string* out) const {
  using namespace internal;
  const Data& d = *data_;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t copied = 0;  // text[0, copied) is in *out
  std::size_t rewritten = 0;
  // What the lexicon knows of text[begin, end), or of it without a
  // possessive ending when `possessive` is given (*possessive: its length).
  auto look_up = [&](std::size_t begin, std::size_t end,
                     std::size_t* possessive) -> const Spelled* {
    std::string_view word = text.substr(begin, end - begin);
    std::optional<std::uint32_t> found = d.table.Find(word);
    if (possessive != nullptr) *possessive = 0;
    if (!found && possessive != nullptr) {
      *possessive = PossessiveLength(text, begin, end);
      if (*possessive != 0) found = d.table.Find(word.substr(0, word.size() - *possessive));
    }
    return found ? &d.spelled[*found] : nullptr;
  };
  // Writes text[copied, begin) and the replacement of text[begin, end).
  auto replace = [&](std::size_t begin, std::size_t end, const Spelled& s) {
    if (s.replacement < 0) return;
    out->append(text.data() + copied, begin - copied);
    out->append(d.replacements[s.replacement]);
    copied = end;
    ++rewritten;
  };
  // A surname or a place stands alone; a given name or a patronymic only
  // inside a full name (see MatchFullName below).
  auto replace_alone = [&](std::size_t begin, std::size_t end) -> bool {
    std::size_t possessive;
    const Spelled* s = look_up(begin, end, &possessive);
    if (s == nullptr) return false;
    if (s->alone) replace(begin, end - possessive, *s);
    return true;
  };
  // Whether the words from `first` on spell one of the full names that
  // start with its name, words one space apart (spaces, tabs, no-break
  // spaces; not a line break); if so, rewrites each word and returns where
  // the last one (with a possessive ending) ends, else 0.
  auto replace_full_name = [&](const ScannedWord& first, const Spelled& s) -> std::size_t {
    for (const FullName& full : d.full_names_from[s.name]) {
      std::size_t begin[kMaxFullNameWords] = {first.begin};
      std::size_t end[kMaxFullNameWords] = {first.end};
      const Spelled* words[kMaxFullNameWords] = {&s};
      std::size_t k = 1;
      std::size_t at = first.end;
      for (; k < full.size; ++k) {
        const std::size_t gap = at;
        for (;;) {
          if (at < n && (p[at] == ' ' || p[at] == '\t')) {
            ++at;
          } else if (at + 1 < n && p[at] == 0xC2 && p[at + 1] == 0xA0) {
            at += 2;
          } else {
            break;
          }
        }
        if (at == gap || at >= n || !kLatinStart.start[p[at]]) break;
        ScannedWord w;
        ScanWord(text, at, &w);
        if (IsEmbedded(text, w.begin, w.end)) break;
        std::size_t possessive = 0;
        words[k] = look_up(w.begin, w.end, k + 1 == full.size ? &possessive : nullptr);
        if (words[k] == nullptr || words[k]->name != full.names[k]) break;
        begin[k] = w.begin;
        end[k] = w.end - possessive;
        at = w.end;
      }
      if (k < full.size) continue;
      for (k = 0; k < full.size; ++k) replace(begin[k], end[k], *words[k]);
      return at;
    }
    return 0;
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
    if (upper) {
      std::size_t possessive;
      if (const Spelled* s = look_up(w.begin, w.end, &possessive); s != nullptr) {
        if (s->starts_full_name && possessive == 0) {
          if (const std::size_t full_end = replace_full_name(w, *s); full_end != 0) {
            i = full_end;
            continue;
          }
        }
        if (s->alone) replace(w.begin, w.end - possessive, *s);
        continue;
      }
    }
    if (w.parts > 1 && w.parts <= ScannedWord::kMaxParts) {
      for (std::size_t k = 0; k < w.parts; ++k) {
        if (IsUpperStart(text.substr(w.part_begin[k]))) {
          replace_alone(w.part_begin[k], w.part_end[k]);
        }
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
      if (LooksLikeName(word)) {
        counts->Add(word, 1, first);
      } else if (IsLowerCaseWord(word) && !InAddress(text, w.begin, w.end)) {
        counts->AddLower(word);
      }
      continue;
    }
    if (w.parts > ScannedWord::kMaxParts) continue;
    bool all_names = true;
    for (std::size_t k = 0; k < w.parts; ++k) {
      const std::size_t part_end = k + 1 == w.parts ? end : w.part_end[k];
      all_names =
          all_names && LooksLikeName(text.substr(w.part_begin[k], part_end - w.part_begin[k]));
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

}  // namespace normkit
