// The one-pass engine: walks UTF-8 once, looks each code point up in the
// compiled tables, tries the context rules that start with it, and writes
// the chosen case form straight into the output buffer. Nearly all of a
// text goes through the wide step, which needs neither entries nor rules:
// its fast rows give each character's output from the character before it.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

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
    return CharacterFlags(c);
  }

  // The flags of the nearest character before `start` (after `end`) that is
  // not a combining mark: a capital with a stroke or an accent is still a
  // capital for its neighbours. With `caseless` caseless letters are passed
  // over too: a run of soft signs read back ("ʹʹʹ") takes the case of the
  // letters around the whole run.
  std::uint8_t FlagsBefore(const unsigned char* start, bool caseless = false) const {
    for (;;) {
      const unsigned char* q;
      const std::uint8_t f = Flags(Before(start, &q));
      if (!PassOver(f, caseless)) return f;
      start = q;
    }
  }
  std::uint8_t FlagsAfter(const unsigned char* end, bool caseless = false) const {
    for (;;) {
      const unsigned char* q;
      const std::uint8_t f = Flags(At(end, &q));
      if (!PassOver(f, caseless)) return f;
      end = q;
    }
  }
  static bool PassOver(std::uint8_t f, bool caseless) {
    return (f & Tables::kMark) || (caseless && (f & Tables::kLetter) && !(f & Tables::kCased));
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
      const std::uint8_t before = FlagsBefore(start, /*caseless=*/true);
      const std::uint8_t after = FlagsAfter(end, /*caseless=*/true);
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

// How many of the 8 bytes at p are ASCII before the first that is not (8
// when all are): an ASCII run, measured with one load.
std::size_t AsciiPrefix(const unsigned char* p) {
  std::uint64_t bytes;
  std::memcpy(&bytes, p, sizeof bytes);
  const std::uint64_t high = bytes & 0x8080808080808080u;
  // A set bit past the last byte's stands for "all 8": no branch.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return (static_cast<std::size_t>(__builtin_ctzll(high >> 7 | 1ull << 63)) + 1) / 8;
#else
  return (static_cast<std::size_t>(__builtin_clzll(high | 1)) + 1) / 8;
#endif
}

// Where the fast row after `previous` starts (SchemeTables::fast_row).
std::uint32_t FastRow(const Tables& t, char32_t previous) {
  if (previous < Tables::kDirect) return t.fast_row[previous];
  return t.fast_row[previous == kNone ? Tables::kDirect : Tables::kDirect + 1];
}

// Where the wide step stands: the next byte of input and of output, and
// the code point before `in` (kNone at the start).
struct Cursor {
  const unsigned char* in;
  char* out;
  char32_t previous;
};

// The wide step, for nearly all of a text: from `at`, writes each character
// whose output the fast tables give for the character before it, while
// kCopySlack bytes of input remain before `in_end` and the output stays
// short of `out_end`; with kAsciiRuns (ASCII stays itself), runs of ASCII 8
// bytes at a time. Stops before a character the general path must take, or
// before a gated letter whose next letter it has not seen.
template <bool kAsciiRuns>
Cursor WideStep(const Tables& t, Cursor at, const unsigned char* in_end, const char* out_end) {
  static_assert(Tables::kCopySlack == sizeof(std::uint64_t), "AsciiPrefix reads 8 bytes");
  if (at.in >= in_end) return at;
  // Locals, so that no store to the output makes the compiler read them again.
  const std::uint32_t* const fast = t.fast.data();
  const std::uint32_t* const fast_row = t.fast_row.data();
  const char* const pool = t.pool.data();
  const unsigned char* p = at.in;
  char* w = at.out;
  char32_t previous = at.previous;
  // No input byte writes more than max_expansion bytes: stopping this far
  // into the input keeps the output short of out_end without a test.
  const std::size_t most = static_cast<std::size_t>(out_end - w) / t.max_expansion;
  const unsigned char* const stop = static_cast<std::size_t>(in_end - p) > most ? p + most : in_end;
  const std::uint32_t* row = fast + FastRow(t, previous);
  char32_t before_previous = kNone;  // kept after letters: ASCII runs have no gate
  while (p < stop) {
    if (kAsciiRuns && *p < 0x80) {
      if (row[*p] == 0) break;  // completes a rule of the letter before
      const std::size_t run = AsciiPrefix(p);
      std::memcpy(w, p, Tables::kCopySlack);
      w += run;
      p += run;
      previous = p[-1];
    } else {
      char32_t c;
      std::size_t length;  // a constant on each branch: p does not wait for the load
      if (*p < 0x80) {
        c = *p;
        length = 1;
      } else if (*p >= 0xC2 && *p <= 0xDF && (p[1] & 0xC0) == 0x80) {
        c = (static_cast<char32_t>(*p & 0x1F) << 6) | (p[1] & 0x3F);
        length = 2;
      } else {
        break;
      }
      const std::uint32_t value = row[c];
      if (!(value & Tables::kFastPiece)) break;
      std::memcpy(w, pool + (value & Tables::kFastOffsetMask), Tables::kCopySlack);
      w += value >> Tables::kFastLengthShift;
      p += length;
      before_previous = previous;
      previous = c;
    }
    row = fast + fast_row[previous];
  }
  if (p > at.in) {
    // A gated letter last: what follows it decides, and was not seen.
    const std::uint32_t value = fast[FastRow(t, before_previous) + previous];
    if (value & Tables::kFastGated) {
      return {p - (previous < 0x80 ? 1 : 2), w - (value >> Tables::kFastLengthShift),
              before_previous};
    }
  }
  return {p, w, previous};
}

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
  // 8 KB stays in the L1 cache beside the fast rows; a larger block spills
  // to L2 at every line written (measured: 12% slower at 64 KB).
  constexpr std::size_t kBlock = 1 << 13;
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
  // The wide step reads kCopySlack bytes at a time: it stops that far from
  // the end, and the general path below does the rest.
  const unsigned char* const wide_end = end - std::min(text.size(), Tables::kCopySlack);
  while (p < end) {
    if (w >= flush_at) flush();
    const Cursor stop = ascii_mapped ? WideStep<false>(t, {p, w, previous}, wide_end, flush_at)
                                     : WideStep<true>(t, {p, w, previous}, wide_end, flush_at);
    p = stop.in;
    w = stop.out;
    previous = stop.previous;
    if (w >= flush_at) continue;
    // The general path: one character, at the end of the text or where the
    // wide step cannot tell its output.
    const unsigned char b = *p;
    if (b < 0x80 && !ascii_mapped) {
      *w++ = static_cast<char>(b);  // ASCII passes through untouched
      previous = b;
      ++p;
      continue;
    }
    const unsigned char* next;
    const char32_t c = walker.At(p, &next);
    const Tables::Entry* e = t.Find(c);
    // No entry: not the scheme's, so it stays itself unless NFC might change
    // it; its other flags (a dash's, an emoji's) would cost ICU calls for
    // nothing.
    const std::uint8_t flags = e != nullptr           ? e->flags
                               : MaybeChangedByNfc(c) ? Tables::kNotNfcSafe
                                                      : 0;
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
