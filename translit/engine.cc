// The one-pass engine: walks UTF-8 once, looks each code point up in the
// compiled tables, tries the context rules that start with it, and writes
// the chosen case form straight into the output buffer.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

#include "core/char_class.h"
#include "tables.h"

namespace normkit::internal {
namespace {

using Tables = SchemeTables;

constexpr char32_t kNone = 0xFFFFFFFF;  // no character there

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

class Walker {
 public:
  Walker(const Tables& t, const unsigned char* begin, const unsigned char* end)
      : t_(t), begin_(begin), end_(end) {}

  // The code point that starts at p, and where the next one starts.
  char32_t At(const unsigned char* p, const unsigned char** next) const {
    if (p >= end_) {
      *next = end_;
      return kNone;
    }
    if (*p < 0x80) {
      *next = p + 1;
      return *p;
    }
    if (*p >= 0xC2 && *p <= 0xDF && end_ - p >= 2 && (p[1] & 0xC0) == 0x80) {
      *next = p + 2;  // two bytes: Cyrillic, Latin with diacritics
      return (static_cast<char32_t>(*p & 0x1F) << 6) | (p[1] & 0x3F);
    }
    std::size_t i = 0;
    const std::size_t n = static_cast<std::size_t>(end_ - p);
    UChar32 c;
    U8_NEXT(p, i, n, c);
    *next = p + i;
    return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
  }

  // The code point that ends at p, and where it starts.
  char32_t Before(const unsigned char* p, const unsigned char** start) const {
    if (p <= begin_) {
      *start = begin_;
      return kNone;
    }
    const unsigned char* q = p - 1;
    for (int k = 0; k < 3 && q > begin_ && (*q & 0xC0) == 0x80; ++k) --q;
    const unsigned char* next;
    char32_t c = At(q, &next);
    if (next != p) {  // not a whole character: an invalid byte
      *start = p - 1;
      return 0xFFFD;
    }
    *start = q;
    return c;
  }

  std::uint8_t Flags(char32_t c) const {
    if (c == kNone) return 0;
    if (const Tables::Entry* e = t_.Find(c)) return e->flags;
    const UChar32 u = static_cast<UChar32>(c);
    std::uint8_t f = 0;
    if (IsLetterOrMark(c)) f |= Tables::kLetter;
    if (IsMark(c)) f |= Tables::kMark;
    if (u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
        u_getCombiningClass(u) != 0) {
      f |= Tables::kNotNfcSafe;
    }
    if (u_isUUppercase(u)) f |= Tables::kUpper;
    if (u_isUUppercase(u) || u_isULowercase(u)) f |= Tables::kCased;
    return f;
  }

  // The flags of the nearest character before `start` (after `end`) that is
  // not a combining mark: a capital with a stroke or an accent is still a
  // capital for its neighbours.
  std::uint8_t FlagsBefore(const unsigned char* start) const {
    for (;;) {
      const unsigned char* q;
      const std::uint8_t f = Flags(Before(start, &q));
      if (!(f & Tables::kMark)) return f;
      start = q;
    }
  }
  std::uint8_t FlagsAfter(const unsigned char* end) const {
    for (;;) {
      const unsigned char* q;
      const std::uint8_t f = Flags(At(end, &q));
      if (!(f & Tables::kMark)) return f;
      end = q;
    }
  }

  char32_t Lower(char32_t c) const {
    if (c == kNone) return kNone;
    if (const Tables::Entry* e = t_.Find(c)) return e->lower;
    return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  }

  bool IsWordChar(char32_t c) const { return (Flags(c) & Tables::kLetter) != 0; }

  // Whether a letter of the same word stands right before `start` (the code
  // point there is `c`); an apostrophe between two letters belongs to the
  // word.
  bool LetterBefore(const unsigned char* start, char32_t c) const {
    if (IsWordChar(c)) return true;
    const unsigned char* q;
    Before(start, &q);
    if (!IsApostrophe(c)) return false;
    const unsigned char* r;
    return IsWordChar(Before(q, &r));
  }

  bool LetterAfter(const unsigned char* end) const {
    const unsigned char* q;
    const char32_t c = At(end, &q);
    if (IsWordChar(c)) return true;
    if (!IsApostrophe(c)) return false;
    const unsigned char* r;
    return IsWordChar(At(q, &r));
  }

  static bool In(const Tables::LetterSet& set, char32_t c) { return c != kNone && set.Contains(c); }

  // Whether `rule` matches at p, whose first letter (ending at `first_end`)
  // is known to be the rule's first; on success *end is where it ends.
  // `previous` is the code point before p (kNone at the start).
  bool Matches(const Tables::Rule& rule, const unsigned char* p, const unsigned char* first_end,
               char32_t previous, const unsigned char** end) const {
    const unsigned char* q = first_end;
    for (std::size_t k = 1; k < rule.match.size(); ++k) {
      const unsigned char* next;
      if (Lower(At(q, &next)) != rule.match[k]) return false;
      q = next;
    }
    *end = q;
    if (rule.word_start && LetterBefore(p, previous)) return false;
    if (rule.word_end && LetterAfter(q)) return false;
    if (!rule.after.empty || !rule.not_after.empty) {
      const char32_t before = Lower(previous);
      if (!rule.after.empty && !In(rule.after, before)) return false;
      if (In(rule.not_after, before)) return false;
    }
    if (!rule.before.empty || !rule.not_before.empty) {
      const unsigned char* s;
      const char32_t after = Lower(At(q, &s));
      if (!rule.before.empty && !In(rule.before, after)) return false;
      if (In(rule.not_before, after)) return false;
    }
    return true;
  }

  // The case form for a source letter that starts at `start` (flags
  // `flags`) and ends at `end`.
  const Tables::Text& Choose(const Tables::Forms& forms, std::uint8_t flags,
                             const unsigned char* start, const unsigned char* end) const {
    if (!(flags & Tables::kCased)) {
      // A caseless source (ʹ read back to Cyrillic) takes the case of the
      // letters around it: a capital inside a word of capitals. Standing
      // alone it is a capital: the one such word in news is «Ъ» (the paper
      // Kommersant), while a lone lower-case ь is rare outside grammar books.
      const std::uint8_t before = FlagsBefore(start);
      const std::uint8_t after = FlagsAfter(end);
      const bool before_cased = (before & Tables::kCased) != 0;
      const bool after_cased = (after & Tables::kCased) != 0;
      bool upper;
      if (before_cased) {
        upper = (before & Tables::kUpper) && (!after_cased || (after & Tables::kUpper));
      } else {
        upper = !after_cased || (after & Tables::kUpper);
      }
      return upper ? forms.title : forms.lower;
    }
    if (!(flags & Tables::kUpper)) return forms.lower;
    if (!forms.several_cased) return forms.title;
    // "Ж" is "ZH" in "ЖУКОВ" and "Zh" in "Жуков" and "Ж.".
    const std::uint8_t next = FlagsAfter(end);
    if ((next & Tables::kLetter) && (next & Tables::kCased)) {
      return (next & Tables::kUpper) ? forms.upper : forms.title;
    }
    const std::uint8_t previous = FlagsBefore(start);
    if ((previous & Tables::kLetter) && (previous & Tables::kCased)) {
      return (previous & Tables::kUpper) ? forms.upper : forms.title;
    }
    return forms.title;
  }

 private:
  const Tables& t_;
  const unsigned char* begin_;
  const unsigned char* end_;
};

// The most bytes a rule can write: its whole output, or its pieces each in
// their widest case form.
std::size_t OutputBound(const Tables::Rule& rule) {
  auto widest = [](const Tables::Forms& f) {
    return std::max({f.lower.length, f.title.length, f.upper.length});
  };
  if (rule.pieces.empty()) return widest(rule.forms);
  std::size_t bound = 0;
  for (const Tables::Forms& piece : rule.pieces) bound += widest(piece);
  return bound;
}

}  // namespace

std::size_t RunTables(const Tables& t, std::string_view text, std::string* out,
                      bool stop_before_unsafe) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const std::size_t start = out->size();
  // Output goes to a block on the stack, appended to *out when nearly full:
  // no zero-filled worst-case buffer, one copy of what is really written.
  constexpr std::size_t kBlock = 1 << 16;
  char block[kBlock + Tables::kCopySlack];
  char* w = block;
  // Room one input character can need: a rule's output, or a run of ASCII
  // copied in 8-byte steps. At most half the block, so that flush_at stays
  // inside it whatever a user's scheme writes; longer outputs take the slow
  // paths of put() and of the rules below.
  const std::size_t room =
      std::min<std::size_t>(std::max<std::size_t>(t.max_expansion * 4 * 4, 64), kBlock / 2);
  char* const flush_at = block + kBlock - room;
  auto flush = [&] {
    out->append(block, static_cast<std::size_t>(w - block));
    w = block;
  };
  const char* pool = t.pool.data();
  Walker walker(t, begin, end);
  const bool ascii_mapped = t.ascii_mapped;
  // Copies a piece of output; pieces are short, and a fixed 8-byte copy (the
  // pool and the block have slack for it) is one instruction.
  auto put = [&](const Tables::Text& piece) {
    if (piece.length <= Tables::kCopySlack) {
      std::memcpy(w, pool + piece.offset, Tables::kCopySlack);
    } else if (piece.length <= room) {
      std::memcpy(w, pool + piece.offset, piece.length);
    } else {
      // Longer than the room kept free (a user's scheme may map a letter to
      // a paragraph): straight to *out, after what the block holds.
      flush();
      out->append(pool + piece.offset, piece.length);
      return;
    }
    w += piece.length;
  };
  const unsigned char* p = begin;
  char32_t previous = kNone;  // the code point before p, for rules
  while (p < end) {
    if (w >= flush_at) flush();
    const unsigned char b = *p;
    if (b < 0x80 && !ascii_mapped) {
      *w++ = static_cast<char>(b);  // ASCII passes through untouched
      previous = b;
      ++p;
      continue;
    }
    const unsigned char* next;
    char32_t c;
    if (b >= 0xC2 && b <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (p[1] & 0x3F);  // Cyrillic
      next = p + 2;
      std::uint32_t plain = t.plain[c];
      if (plain & Tables::kPlainBit) {
        // The common case: small letters with no rules, one after another
        // (the rest of a word) in a tight loop of their own.
        for (;;) {
          std::memcpy(w, pool + ((plain & ~Tables::kPlainBit) >> 8), Tables::kCopySlack);
          w += plain & 0xFF;
          previous = c;
          p = next;
          if (end - p < 2 || w >= flush_at) break;
          const unsigned char lead = p[0];
          if (lead < 0xC2 || lead > 0xDF || (p[1] & 0xC0) != 0x80) break;
          const char32_t following = (static_cast<char32_t>(lead & 0x1F) << 6) | (p[1] & 0x3F);
          plain = t.plain[following];
          if (!(plain & Tables::kPlainBit)) break;
          c = following;
          next = p + 2;
        }
        continue;
      }
    } else {
      c = walker.At(p, &next);
    }
    const Tables::Entry* e = t.Find(c);
    const std::uint8_t flags = e != nullptr ? e->flags : walker.Flags(c);
    if (!(flags & Tables::kMapped)) {
      if ((flags & Tables::kNotNfcSafe) && stop_before_unsafe) {
        // Back to the start of this line, in the input and in the output
        // (the output has a line break for every line break of the input).
        flush();
        const void* lf = memrchr(begin, '\n', static_cast<std::size_t>(p - begin));
        const std::size_t consumed =
            lf ? static_cast<std::size_t>(static_cast<const unsigned char*>(lf) + 1 - begin) : 0;
        const char* const out_begin = out->data() + start;
        const void* out_lf = memrchr(out_begin, '\n', out->size() - start);
        out->resize(
            out_lf ? static_cast<std::size_t>(static_cast<const char*>(out_lf) + 1 - out->data())
                   : start);
        return consumed;
      }
      if (c == 0xFFFD && !(next - p == 3 && p[0] == 0xEF)) {
        std::memcpy(w, "\xEF\xBF\xBD", 3);  // an invalid sequence
        w += 3;
      } else {
        std::memcpy(w, p, static_cast<std::size_t>(next - p));
        w += next - p;
      }
      previous = c;
      p = next;
      continue;
    }
    if (flags & Tables::kPlain) {
      put(e->forms.lower);
      previous = c;
      p = next;
      continue;
    }
    const Tables::Forms* forms = &e->forms;
    const unsigned char* match_end = next;
    const Tables::Rule* rule = nullptr;
    std::uint8_t tabulated = Tables::kAskRules;
    if (!e->by_previous.empty()) {
      tabulated = previous == kNone            ? e->by_previous[Tables::kDirect]
                  : previous < Tables::kDirect ? e->by_previous[previous]
                                               : Tables::kAskRules;
    }
    if (tabulated != Tables::kAskRules) {
      if (tabulated != 0) {
        rule = &t.rules[e->rule_begin + tabulated - 1];
        forms = &rule->forms;
      }
    } else {
      // The letter after this one, when it is a plain two-byte character:
      // a cheap first test for rules of several letters ("тс").
      char32_t following = kNone;
      if (end - next >= 2 && next[0] >= 0xC2 && next[0] <= 0xDF && (next[1] & 0xC0) == 0x80) {
        following = t.direct[(static_cast<char32_t>(next[0] & 0x1F) << 6) | (next[1] & 0x3F)].lower;
      }
      for (std::uint32_t r = e->rule_begin; r < e->rule_end; ++r) {
        const Tables::Rule& candidate = t.rules[r];
        if (following != kNone && candidate.match.size() >= 2 && candidate.match[1] != following) {
          continue;
        }
        const unsigned char* rule_end;
        if (walker.Matches(candidate, p, next, previous, &rule_end)) {
          rule = &candidate;
          forms = &rule->forms;
          match_end = rule_end;
          break;
        }
      }
    }
    // `room` holds the output of a match of up to 16 letters; a user's rule
    // can match more, each piece within `room` and all of them past it. Its
    // output then starts a fresh block, or, longer than a block, goes
    // straight to *out.
    bool direct = false;
    if (rule != nullptr) {
      const std::size_t bound = OutputBound(*rule);
      if (bound > room) {
        flush();
        direct = bound > kBlock;
      }
    }
    auto emit = [&](const Tables::Text& piece) {
      if (direct) {
        out->append(pool + piece.offset, piece.length);
      } else {
        put(piece);
      }
    };
    if (rule != nullptr && !rule->pieces.empty()) {
      // One piece per matched letter, each in the case of its own letter.
      const unsigned char* q = p;
      for (const Tables::Forms& piece : rule->pieces) {
        const unsigned char* letter_end;
        const char32_t letter = walker.At(q, &letter_end);
        emit(walker.Choose(piece, walker.Flags(letter), q, letter_end));
        q = letter_end;
      }
    } else if ((flags & (Tables::kCased | Tables::kUpper)) == Tables::kCased) {
      emit(forms->lower);  // a small letter: no neighbours to ask
    } else {
      // The case follows the letter after the first one: inside the match
      // ("ИЙ" -> "Y" in a word of capitals) or after it.
      emit(walker.Choose(*forms, flags, p, next));
    }
    if (match_end == next) {
      previous = c;
    } else {
      const unsigned char* last;
      previous = walker.Before(match_end, &last);
    }
    p = match_end;
  }
  flush();
  return text.size();
}

}  // namespace normkit::internal
