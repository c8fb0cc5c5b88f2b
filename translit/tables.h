// The compiled form of a scheme: what the one-pass engine walks. Internal.
#ifndef NORMKIT_TRANSLIT_TABLES_H_
#define NORMKIT_TRANSLIT_TABLES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "normkit/rule_files.h"
#include "normkit/transliterator.h"
#include "scheme.h"

namespace normkit {

struct Transliterator::Tables {
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
    kMapped = 1,   // the engine replaces this code point
    kLetter = 2,   // a letter or mark: part of a word
    kUpper = 4,    // an upper-case letter
    kCased = 8,    // has case (upper or lower)
    kMark = 16,    // a combining mark: looked through for a letter's case
    kNotNfcSafe = 32,  // NFC might change text around it (quick check not
                       // Yes, or a non-zero combining class)
  };

  struct Entry {
    Forms forms;                 // when no rule matches
    std::uint32_t rule_begin = 0, rule_end = 0;  // rules whose match starts here
    char32_t lower = 0;          // lower-case form, for rule matching
    std::uint8_t flags = 0;
  };

  struct Rule {
    std::u32string match;  // lower case
    bool word_start = false, word_end = false;
    std::u32string after, not_after, before, not_before;
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
  std::unordered_map<char32_t, Entry> others;
  std::vector<Rule> rules;
  bool ascii_mapped = false;   // reverse schemes map ASCII letters
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
Result<std::shared_ptr<const Transliterator::Tables>> CompileScheme(
    const Scheme& scheme, const RuleFiles& rules, Direction direction);

// Runs the compiled tables over `text`, appending to *out, and returns how
// many bytes of `text` it consumed. With `stop_before_unsafe`, it stops at
// the start of the first line holding a character that NFC might change (a
// combining mark, a character whose NFC quick check is not Yes), with *out
// holding the output of the lines before it: the caller composes that line
// and runs it again. With composed input the output is composed too,
// because every output piece is NFC and starts with a character that
// nothing before it composes with (checked when compiling).
std::size_t RunTables(const Transliterator::Tables& tables, std::string_view text,
                      std::string* out, bool stop_before_unsafe);

}  // namespace internal
}  // namespace normkit

#endif  // NORMKIT_TRANSLIT_TABLES_H_
