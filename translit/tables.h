// The compiled form of a scheme: what the one-pass engine walks. Internal.
#ifndef NORMKIT_TRANSLIT_TABLES_H_
#define NORMKIT_TRANSLIT_TABLES_H_

#include <bitset>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "normkit/rule_files.h"
#include "normkit/transliterator.h"
#include "scheme.h"

namespace normkit {

struct internal::SchemeTables {
  // A piece of output: bytes in `pool`.
  struct Text {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };
  // The three case forms of one output: as written ("zh"), with a capital
  // first letter ("Zh"), all capitals ("ZH").
  struct Forms {
    Text lower, title, upper;
    bool several_cased = false;  // more than one cased letter: title != upper
  };

  enum Flag : std::uint8_t {
    kMapped = 1,       // the engine replaces this code point
    kLetter = 2,       // a letter or mark: part of a word
    kUpper = 4,        // an upper-case letter
    kCased = 8,        // has case (upper or lower)
    kMark = 16,        // a combining mark: looked through for a letter's case
    kNotNfcSafe = 32,  // NFC might change text around it (quick check not
                       // Yes, or a non-zero combining class)
    kPlain = 64,       // mapped, lower case, no rules: the output is forms.lower
  };

  struct Entry {
    Forms forms;                                 // when no rule matches
    std::uint32_t rule_begin = 0, rule_end = 0;  // rules whose match starts here
    // When every rule of this letter is one letter long and looks only at
    // the letter before it (word_start, after, not_after), the rule that
    // applies is a function of that letter: by_previous[c] for a previous
    // code point c below kDirect is 0 for none, k for rule_begin + k - 1, or
    // kAskRules where an apostrophe makes the word start unclear. Index
    // kDirect stands for "no previous character". Empty otherwise.
    std::vector<std::uint8_t> by_previous;
    char32_t lower = 0;  // lower-case form, for rule matching
    std::uint8_t flags = 0;
  };

  // A set of lower-case letters: a bit per code point below kDirect, a list
  // for the rest.
  struct LetterSet {
    std::bitset<0x800> direct;
    std::u32string others;
    bool empty = true;

    LetterSet() = default;
    LetterSet(const std::u32string& letters) {  // NOLINT: from the rule file
      for (char32_t c : letters) {
        if (c < 0x800)
          direct.set(c);
        else
          others.push_back(c);
        empty = false;
      }
    }
    bool Contains(char32_t c) const {
      return c < 0x800 ? direct[c] : others.find(c) != std::u32string::npos;
    }
  };

  static constexpr std::uint8_t kAskRules = 0xFF;

  struct Rule {
    std::u32string match;  // lower case
    bool word_start = false, word_end = false;
    LetterSet after, not_after, before, not_before;
    Forms forms;                // the whole output, cased by the first letter
    std::vector<Forms> pieces;  // or one per matched letter, each cased by it
  };

  SchemeInfo info;
  Direction direction = Direction::kForward;
  std::vector<std::pair<std::string, std::string>> tests;

  std::string pool;
  // Code points below kDirect are looked up by index (ASCII, Latin, Greek,
  // Cyrillic); the rest in a hash map.
  static constexpr char32_t kDirect = 0x800;
  std::vector<Entry> direct;
  // The wide step's tables (engine.cc). What a character below kDirect
  // becomes, where that needs no look at its neighbours but at the
  // character before it, is a fast value: kFastPiece, and a piece of the
  // pool at offset (value & kFastOffsetMask) and of length (value >>
  // kFastLengthShift), at most kCopySlack bytes, so that one 8-byte copy
  // writes any. A character that stays itself has its UTF-8 in the pool
  // too. 0 leaves the character to the general path. A letter whose rules
  // each need a certain letter right after it (the second of "тс", a
  // `before`) adds kFastGated: its value holds unless such a letter
  // follows.
  static constexpr std::uint32_t kFastOffsetMask = (1u << 21) - 1;
  static constexpr std::uint32_t kFastGated = 1u << 21;
  static constexpr std::uint32_t kFastPiece = 1u << 22;
  static constexpr int kFastLengthShift = 28;
  // `fast` is rows of kDirect values, one per class of the character
  // before: characters that every letter whose rules look back (е after a
  // vowel) treats alike share a row, and in the row after a gated letter
  // the letters that may complete its rules are 0. fast_row[c] is where the
  // row after c starts; at kDirect, the row at the start of the text; at
  // kDirect + 1, the row after a character at or past kDirect. Rows start
  // kFastRowStride values apart: 8 KB and a cache line, so that a letter's
  // values in different rows do not all fall in one set of the L1 cache.
  static constexpr std::size_t kFastRowStride = kDirect + 16;
  std::vector<std::uint32_t> fast;
  std::vector<std::uint32_t> fast_row;
  std::unordered_map<char32_t, Entry> others;
  std::vector<Rule> rules;
  bool ascii_mapped = false;      // reverse schemes map ASCII letters
  std::size_t max_expansion = 3;  // output bytes per input byte, at most
  // Output pieces are copied 8 bytes at a time: the pool and the output
  // buffer keep this much slack.
  static constexpr std::size_t kCopySlack = 8;
  // Some output piece starts with a character that could compose with what
  // comes before it: then the output is always checked for NFC.
  bool output_needs_nfc_check = false;

  const Entry* Find(char32_t c) const {
    if (c < kDirect) return &direct[c];
    auto it = others.find(c);
    return it == others.end() ? nullptr : &it->second;
  }
};

namespace internal {

// Compiles `scheme` (with its fallback scheme from `rules`) for `direction`.
Result<std::shared_ptr<const internal::SchemeTables>> CompileScheme(const Scheme& scheme,
                                                                    const RuleFiles& rules,
                                                                    Direction direction);

// Whether NFC might change the text around `c`: its NFC quick check is not
// Yes, or it combines with what comes before it (a non-zero combining
// class).
bool MaybeChangedByNfc(char32_t c);

// The flags (SchemeTables::Flag) that `c` has in any scheme: letter, mark,
// case, and kNotNfcSafe.
std::uint8_t CharacterFlags(char32_t c);

// Runs the compiled tables over `text`, appending to *out, and returns how
// many bytes of `text` it consumed. With `stop_before_unsafe`, it stops at
// the start of the first line holding a character that NFC might change (a
// combining mark, a character whose NFC quick check is not Yes), with *out
// holding the output of the lines before it: the caller composes that line
// and runs it again. With composed input the output is composed too,
// because every output piece is NFC and starts with a character that
// nothing before it composes with (checked when compiling).
std::size_t RunTables(const internal::SchemeTables& tables, std::string_view text, std::string* out,
                      bool stop_before_unsafe);

}  // namespace internal
}  // namespace normkit

#endif  // NORMKIT_TRANSLIT_TABLES_H_
