// Normalizer: makes UTF-8 text consistent without changing what it says.
//
// In order, on each line:
//   0. With `fix_mojibake`: text decoded with the wrong code page is
//      restored (normkit/mojibake.h lists the families), where the repair
//      round-trips and reads clearly better; text that is fine is never
//      touched. It runs first, so that the C1 controls that stand for
//      bytes a code page leaves undefined are still there. Then, with
//      `fix_homoglyphs`, Latin letters that look like Cyrillic ones inside a
//      Cyrillic word ("Tокаев" with a Latin T) become Cyrillic, and the
//      reverse, except in tokens mixed on purpose (URLs, e-mail addresses,
//      model numbers: anything with a digit or @ / : . _).
//   1. Invalid UTF-8 becomes U+FFFD, one per maximal ill-formed subpart (the
//      Unicode Standard's recommended practice, as ICU and browsers do), or,
//      with `strict_utf8`, is an error naming the line and byte offset.
//   2. Invisible debris goes: BOM/ZWNBSP (U+FEFF), soft hyphen (U+00AD),
//      zero-width space (U+200B), C0 and C1 controls other than tab and line
//      breaks (NUL included), and ZWJ/ZWNJ (U+200D/U+200C) except between two
//      letters, marks or symbols, where scripts and emoji sequences need them.
//      (The joiner rule holds for the output: a joiner whose neighbour the
//      later steps change, as NFKC turns the symbol U+249C into "(a)",
//      goes too.)
//   3. The Unicode normalization form (NFC by default), through ICU.
//   4. With `punct`: the typography profile (rules/normalize/punct.toml), on
//      prose lines only (see "Code and columns").
//   5. Whitespace, on prose lines: every Unicode space (Zs), line/paragraph
//      separator, VT, FF and NEL becomes an ASCII space, one for one; the
//      indentation (the leading spaces and tabs) stays as it is; after it, a
//      run of two or more spaces becomes one space; spaces at the end of a
//      line go. Tabs are never merged, turned into spaces or removed: they
//      separate columns, and "a\t\tb" has an empty one. A space beside a tab
//      is an ordinary space ("a  \t  b" -> "a \t b"). On every line, code
//      included, CRLF and a lone CR become LF. (Step 5 runs before step 4 as
//      well, so that the profile sees the spacing a second pass will see.)
//
// Code and columns. Whitespace that carries meaning is kept:
//   - Indentation keeps its width in characters: a NBSP or other Unicode
//     space in it becomes one ASCII space, invisible debris in it goes (it
//     has no width), nothing else changes. Nested Markdown lists keep their
//     nesting; a line's count of tabs never changes.
//   - Fenced code blocks: a line whose first characters, after at most 3
//     spaces, are a run of 3 or more backticks or tildes opens a block (an
//     info string, "```python", may follow), as in CommonMark. A tilde
//     block ends at a line holding only a run of at least as many tildes
//     (after at most 3 spaces, with spaces or tabs after it). A backtick
//     block ends at the first line holding a run of at least as many
//     backticks anywhere: Telegram's Markdown writes code right after the
//     opening fence and the closing fence right after the last line
//     ("```def f():" ... "    return x```"), and a backtick opener whose own
//     line holds such a run ("```ls -la```") is a block of one line. Every
//     line of a block, its fences included, is code.
//   - Indented code (CommonMark's): a line indented by 4 columns or more (a
//     tab goes to the next multiple of 4) at the start of the text, after a
//     blank line, after a fenced block or after another such line. Further
//     indented lines that continue a paragraph (a deeply nested list item)
//     are prose, with their indentation kept.
//   On a line of code only steps 1 to 3 apply: invalid UTF-8 is repaired,
//   invisible debris goes (a zero-width space in code is a bug, not
//   content), the form applies; whitespace (NBSP, VT and FF included) and
//   typography are left as they are. Spaces in indentation count as what the
//   whitespace rule makes of them, so a second pass finds the same blocks.
//   Blocks are read within one Normalize() call only: each call starts
//   outside any block. A fence left open runs to the end of the call's text,
//   as in CommonMark: a truncated post keeps its code, at the price that
//   after a stray fence line the rest of that text keeps its spaces (the
//   other steps still apply). The CLI calls Normalize() once per JSON Lines
//   document (`normkit run`) and once per chunk of about 1 MB of whole lines
//   (`normkit normalize` on text), so in a plain text file a block cut by a
//   chunk boundary is read as two pieces.
//
// Lines are never joined or dropped: a text of N lines gives N lines (a lone
// CR counts as a line break, as it does in old Mac files; without the
// whitespace rule it stays a CR, unless removing what stood between it and a
// LF would make the two read as one CRLF, when it becomes a LF). Normalizing
// twice gives the same bytes as normalizing once, for every option set.
//
// Lines that need nothing are found by a quick check (the form's quick-check
// property per code point, read from ICU at creation, and the line's class:
// code keeps its spaces) and copied as they are, so already-clean text goes
// through at close to memory speed. UTF-8 is never converted to UTF-16 on
// that path.
//
// Example:
//   normkit::NormalizerOptions opts;            // NFC, repair, whitespace
//   opts.punct = true;                          // plus typography
//   auto n = normkit::Normalizer::Create(opts);
//   if (!n.ok()) { ...n.status().ToString()... }
//   std::string clean = n->Normalize("20 июня 2022,, 14:01\r\n");
//   // clean == "20 июня 2022, 14:01\n"
//
// A Normalizer is immutable once created: copy it freely (copies share
// state) and call it from any number of threads.
#ifndef NORMKIT_NORMALIZER_H_
#define NORMKIT_NORMALIZER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "normkit/export.h"
#include "normkit/mojibake.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

enum class UnicodeForm {
  kNone,          // leave the form as it is
  kNFC,           // canonical composition (the default)
  kNFD,           // canonical decomposition
  kNFKC,          // compatibility composition
  kNFKD,          // compatibility decomposition
  kNFKCCasefold,  // NFKC plus case folding, for matching keys
};

// "nfc", "nfd", "nfkc", "nfkd", "nfkc_casefold", "none"; nullopt-like false.
NORMKIT_EXPORT bool ParseUnicodeForm(std::string_view name, UnicodeForm* form);
NORMKIT_EXPORT std::string_view UnicodeFormName(UnicodeForm form);

struct NORMKIT_EXPORT NormalizerOptions {
  //  option                default  meaning
  //  form                  kNFC     the Unicode normalization form
  //  strict_utf8           false    invalid UTF-8 is an error, not U+FFFD
  //  remove_invisibles     true     step 2 above
  //  normalize_whitespace  true     step 5 above (false: spaces, tabs
  //                                 and line breaks stay as they are)
  //  punct                 false    step 4: quotes, dashes, ellipsis, ",,"
  //  quote_style           "ascii"  a style named in punct.toml
  //  fix_mojibake          false    step 0: repair wrong decodings
  //  fix_homoglyphs        false    step 0: one script per word
  UnicodeForm form = UnicodeForm::kNFC;
  bool strict_utf8 = false;
  bool remove_invisibles = true;
  bool normalize_whitespace = true;
  bool punct = false;
  std::string quote_style = "ascii";
  bool fix_mojibake = false;
  bool fix_homoglyphs = false;
};

// What a call changed. Counts add up over calls with Add().
struct NORMKIT_EXPORT NormalizeStats {
  std::uint64_t lines = 0;              // lines seen
  std::uint64_t lines_changed = 0;      // lines whose bytes changed
  std::uint64_t invalid_sequences = 0;  // ill-formed UTF-8 replaced
  std::uint64_t removed = 0;            // invisible characters removed
  std::uint64_t mojibake_lines = 0;     // lines with mojibake repaired
  // Lines repaired per MojibakeFamily (a line may count in several).
  std::array<std::uint64_t, kMojibakeFamilyCount> mojibake_by_family{};
  std::uint64_t homoglyphs = 0;  // letters made their word's script

  void Add(const NormalizeStats& other);
};

class NORMKIT_EXPORT Normalizer {
 public:
  // Builds a normalizer. `rules` supplies normalize/punct.toml when
  // options.punct is set; an error in it comes back with its position.
  static Result<Normalizer> Create(const NormalizerOptions& options, const RuleFiles& rules);
  static Result<Normalizer> Create(const NormalizerOptions& options = {});

  // Appends the normalized `text` to `*out`. Fails only with strict_utf8 on
  // invalid UTF-8: the Status's position has the line (from 1; LF, CRLF and
  // a lone CR each end one), the column (a byte in that line, from 1) and
  // the byte offset in `text` (from 0), and `*out` holds the lines before
  // it.
  Status Normalize(std::string_view text, std::string* out, NormalizeStats* stats = nullptr) const;

  // The normalized text; invalid UTF-8 is always repaired here, whatever
  // strict_utf8 says.
  std::string Normalize(std::string_view text) const;

  // True when Normalize() would return `text` unchanged.
  bool IsNormalized(std::string_view text) const;

  const NormalizerOptions& options() const;

 private:
  struct Impl;
  explicit Normalizer(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace normkit

#endif  // NORMKIT_NORMALIZER_H_
