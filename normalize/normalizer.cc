#include "normkit/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucpmap.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "clean_scan.h"
#include "core/char_class.h"
#include "core/utf8.h"
#include "homoglyphs.h"
#include "mojibake.h"
#include "punctuation.h"

namespace normkit {
namespace {

using internal::AppendUtf8;
using internal::DecodeUtf8;
using internal::IsJoinable;
using internal::kIllFormed;
using internal::kReplacementCharacter;

constexpr char32_t kSoftHyphen = 0x00AD;
constexpr char32_t kNextLine = 0x0085;
constexpr char32_t kZeroWidthSpace = 0x200B;
constexpr char32_t kZeroWidthNonJoiner = 0x200C;
constexpr char32_t kZeroWidthJoiner = 0x200D;
constexpr char32_t kLineSeparator = 0x2028;
constexpr char32_t kParagraphSeparator = 0x2029;
constexpr char32_t kByteOrderMark = 0xFEFF;

// A space for the whitespace rule: Zs, the line and paragraph separators,
// and NEL (which would otherwise add a line).
bool IsUnicodeSpace(char32_t c) {
  return c == kNextLine || c == kLineSeparator || c == kParagraphSeparator ||
         utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

bool IsC1Control(char32_t c) { return c >= 0x80 && c <= 0x9F; }

// Marks every block of 64 code points above the BMP that holds one the form
// may change (Normalizer::Impl::FormMayChange: its quick-check value is not
// Yes, its combining class is not 0, or under NFKC_Casefold it changes when
// casefolded). ICU's property maps give these as ranges, so this reads a
// few hundred ranges, not a million code points. Where a map is missing,
// every block is marked and every such code point asks ICU.
void MarkFormBlocks(UProperty quick_check_property, bool casefold,
                    internal::AttentionTable* table) {
  auto mark = [table](UChar32 first, UChar32 last) {
    for (UChar32 c = std::max<UChar32>(first, 0x10000); c <= last;) {
      const std::size_t block = static_cast<std::size_t>(c - 0x10000) >> table->kBlockBits;
      table->supplementary_blocks.set(block);
      c = static_cast<UChar32>(0x10000 + ((block + 1) << table->kBlockBits));
    }
  };
  UErrorCode ec = U_ZERO_ERROR;
  for (const UProperty property : {quick_check_property, UCHAR_CANONICAL_COMBINING_CLASS}) {
    const UCPMap* map = u_getIntPropertyMap(property, &ec);
    if (U_FAILURE(ec)) {
      table->supplementary_blocks.set();
      return;
    }
    const std::uint32_t needs_nothing =
        property == UCHAR_CANONICAL_COMBINING_CLASS ? 0 : static_cast<std::uint32_t>(UNORM_YES);
    for (UChar32 start = 0x10000; start <= 0x10FFFF;) {
      std::uint32_t value;
      const UChar32 last =
          ucpmap_getRange(map, start, UCPMAP_RANGE_NORMAL, 0, nullptr, nullptr, &value);
      if (value != needs_nothing) mark(start, last);
      start = last + 1;
    }
  }
  if (casefold) {
    const USet* set = u_getBinaryPropertySet(UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED, &ec);
    const std::int32_t items = U_SUCCESS(ec) ? uset_getItemCount(set) : 0;
    for (std::int32_t i = 0; i < items && U_SUCCESS(ec); ++i) {
      UChar32 first, last;
      // 0: the item is a range, not a string (the set holds none).
      if (uset_getItem(set, i, &first, &last, nullptr, 0, &ec) == 0) mark(first, last);
    }
    if (U_FAILURE(ec)) table->supplementary_blocks.set();
  }
}

// What the lines before the current one say about it, within one Run():
// whether it is inside a fenced code block, and whether an indented line
// here would be indented code. (normalizer.h, "Code and columns".)
struct BlockState {
  char fence = 0;                       // '`' or '~' inside a fenced block
  std::size_t fence_length = 0;         // the opening fence's run
  bool indented_code_may_start = true;  // CommonMark: not inside a paragraph
};

// The length of the whitespace character at `p` that the whitespace rule
// maps to one ASCII space, or keeps (space, tab), else 0. With
// `ascii_only`, only ' ' and '\t' count: the quick check sends every line
// with another space character to the slow path, which reads the line again
// with them.
std::size_t SpaceAt(const unsigned char* p, const unsigned char* end, bool ascii_only) {
  const unsigned char b = *p;
  if (b == ' ' || b == '\t') return 1;
  if (ascii_only) return 0;
  if (b == 0x0B || b == 0x0C) return 1;
  if (b < 0x80) return 0;
  char32_t c;
  const std::size_t length = DecodeUtf8(p, end, &c);
  return c != kIllFormed && IsUnicodeSpace(c) ? length : 0;
}

bool EndsLine(unsigned char b) { return b == '\n' || b == '\r'; }

// The length of the run of `c` at `p`.
std::size_t RunOf(const unsigned char* p, const unsigned char* end, char c) {
  const unsigned char* q = p;
  while (q < end && *q == static_cast<unsigned char>(c)) ++q;
  return static_cast<std::size_t>(q - p);
}

// True when [p, end) holds a run of at least `length` backticks.
bool HasBacktickRun(const unsigned char* p, const unsigned char* end, std::size_t length) {
  while (p < end) {
    const void* tick = std::memchr(p, '`', static_cast<std::size_t>(end - p));
    if (tick == nullptr) return false;
    p = static_cast<const unsigned char*>(tick);
    const std::size_t run = RunOf(p, end, '`');
    if (run >= length) return true;
    p += run;
  }
  return false;
}

// Where a line is code, its whitespace is left as it is.
struct LineClass {
  bool code = false;
  // The end of the line's indentation: its leading spaces and tabs.
  const unsigned char* indentation_end = nullptr;
  // What the rest of the line is read for when `state` moves past it.
  enum class Kind { kProse, kBlank, kInFence, kOpensFence, kIndentedCode } kind = Kind::kProse;
  bool fence_indentation = false;  // indented by up to 3 spaces, no tab
};

// Classifies the line that starts at `p` from its start alone: `end` is
// where the line or the text ends (the line ends at the first LF or CR).
// The rules of normalizer.h ("Code and columns"), of which PassLine reads
// the rest:
//   - inside a fenced block every line is code;
//   - an opening fence is a run of 3 or more backticks or tildes indented
//     up to 3 spaces;
//   - a line indented by 4 or more columns (a tab goes to the next multiple
//     of 4) is code at the start of the text, after a blank line, after a
//     fenced block or after another such line;
//   - everything else is prose; a blank line is prose.
// Spaces here are what the whitespace rule keeps or maps to a space one for
// one, so the answer is the same on a line and on its normalized form: a
// second pass sees the same blocks.
LineClass ClassifyLineStart(const unsigned char* p, const unsigned char* end, bool ascii_only,
                            const BlockState& state) {
  LineClass result;
  const unsigned char* q = p;
  std::size_t columns = 0;
  bool tab = false;
  while (q < end) {
    const std::size_t length = SpaceAt(q, end, ascii_only);
    if (length == 0) break;
    if (*q == '\t') {
      columns = columns / 4 * 4 + 4;
      tab = true;
    } else {
      ++columns;
    }
    q += length;
  }
  result.indentation_end = q;
  result.fence_indentation = !tab && columns <= 3;
  if (state.fence != 0) {
    result.code = true;
    result.kind = LineClass::Kind::kInFence;
  } else if (q == end || EndsLine(*q)) {
    result.kind = LineClass::Kind::kBlank;
  } else if (result.fence_indentation && (*q == '`' || *q == '~') &&
             RunOf(q, end, static_cast<char>(*q)) >= 3) {
    result.code = true;
    result.kind = LineClass::Kind::kOpensFence;
  } else if (columns >= 4 && state.indented_code_may_start) {
    result.code = true;
    result.kind = LineClass::Kind::kIndentedCode;
  }
  return result;
}

// Moves `state` past the line that ends at `line_end` (no line break before
// it), which ClassifyLineStart classified as `line`:
//   - a backtick block ends at a line holding a run of at least as many
//     backticks (anywhere: Telegram writes "print(x)```"), a tilde block at
//     a line that is only such a run of tildes, indented up to 3 spaces;
//   - a backtick opener whose line holds a second run at least as long
//     ("```ls -la```") is a block of one line.
void PassLine(const LineClass& line, const unsigned char* line_end, bool ascii_only,
              BlockState* state) {
  const unsigned char* q = line.indentation_end;
  switch (line.kind) {
    case LineClass::Kind::kProse:
      state->indented_code_may_start = false;
      return;
    case LineClass::Kind::kBlank:
      state->indented_code_may_start = true;
      return;
    case LineClass::Kind::kIndentedCode:
      return;
    case LineClass::Kind::kOpensFence: {
      const char fence = static_cast<char>(*q);
      const std::size_t run = RunOf(q, line_end, fence);
      if (fence == '`' && HasBacktickRun(q + run, line_end, run)) {
        state->indented_code_may_start = true;
      } else {
        state->fence = fence;
        state->fence_length = run;
      }
      return;
    }
    case LineClass::Kind::kInFence: {
      bool closes;
      if (state->fence == '`') {
        closes = HasBacktickRun(q, line_end, state->fence_length);
      } else {
        const std::size_t run = RunOf(q, line_end, '~');
        const unsigned char* r = q + run;
        while (r < line_end) {
          const std::size_t length = SpaceAt(r, line_end, ascii_only);
          if (length == 0) break;
          r += length;
        }
        closes = line.fence_indentation && run >= state->fence_length && r == line_end;
      }
      if (closes) {
        state->fence = 0;
        state->indented_code_may_start = true;
      }
      return;
    }
  }
}

using ScanLine = internal::CleanScan::Line;

// What the quick check's wide steps take a line to be that
// ClassifyLineStart classified as `line` in `state` (`end`: where the text
// ends). A line that may end its tilde block is read to its end, where
// PassLine says; in a backtick block, the wide steps stop at every backtick.
ScanLine ScanLineOf(const LineClass& line, const BlockState& state, const unsigned char* end) {
  if (line.kind != LineClass::Kind::kInFence) {
    return line.code ? ScanLine::kCode : ScanLine::kProse;
  }
  if (state.fence == '`') return ScanLine::kInBacktickFence;
  const unsigned char* q = line.indentation_end;
  return line.fence_indentation && q < end && *q == '~' ? ScanLine::kCode : ScanLine::kInTildeFence;
}

// Both, on a line whose end is known: [p, line_end) holds no line break.
LineClass ClassifyLine(const unsigned char* p, const unsigned char* line_end, bool ascii_only,
                       BlockState* state) {
  const LineClass line = ClassifyLineStart(p, line_end, ascii_only, *state);
  PassLine(line, line_end, ascii_only, state);
  return line;
}

}  // namespace

bool ParseUnicodeForm(std::string_view name, UnicodeForm* form) {
  static constexpr std::pair<std::string_view, UnicodeForm> kNames[] = {
      {"none", UnicodeForm::kNone}, {"nfc", UnicodeForm::kNFC},
      {"nfd", UnicodeForm::kNFD},   {"nfkc", UnicodeForm::kNFKC},
      {"nfkd", UnicodeForm::kNFKD}, {"nfkc_casefold", UnicodeForm::kNFKCCasefold},
  };
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      *form = f;
      return true;
    }
  }
  return false;
}

std::string_view UnicodeFormName(UnicodeForm form) {
  switch (form) {
    case UnicodeForm::kNone:
      return "none";
    case UnicodeForm::kNFC:
      return "nfc";
    case UnicodeForm::kNFD:
      return "nfd";
    case UnicodeForm::kNFKC:
      return "nfkc";
    case UnicodeForm::kNFKD:
      return "nfkd";
    case UnicodeForm::kNFKCCasefold:
      return "nfkc_casefold";
  }
  return "?";
}

void NormalizeStats::Add(const NormalizeStats& o) {
  lines += o.lines;
  lines_changed += o.lines_changed;
  invalid_sequences += o.invalid_sequences;
  removed += o.removed;
  mojibake_lines += o.mojibake_lines;
  for (std::size_t i = 0; i < mojibake_by_family.size(); ++i) {
    mojibake_by_family[i] += o.mojibake_by_family[i];
  }
  homoglyphs += o.homoglyphs;
}

struct Normalizer::Impl {
  NormalizerOptions options;
  const icu::Normalizer2* form = nullptr;  // null for UnicodeForm::kNone
  UProperty quick_check_property = UCHAR_NFC_QUICK_CHECK;
  std::optional<internal::PunctuationProfile> punct;
  const internal::MojibakeRepair* mojibake = nullptr;  // with fix_mojibake

  // ASCII bytes that the quick check must look at: controls, and with the
  // whitespace rule also space and tab (a run or a trailing one).
  std::array<bool, 128> ascii_watch{};
  // Per BMP code point: the form may change it (its quick-check value is not
  // Yes, or it has a non-zero combining class).
  std::bitset<0x10000> bmp_form_may_change;
  // Per BMP code point: a line holding it must take the slow path. Above
  // the BMP, per block of 64: one of them may (the form only: the other
  // rules watch no supplementary code point).
  internal::AttentionTable attention;
  // Per lead byte of a two-byte sequence (C2..DF): none of the 64 code
  // points it starts needs attention. Cyrillic (D0, D1) is read with one
  // table look and no decoding.
  std::array<bool, 256> clean_lead2{};
  // ASCII bytes that steps 1 and 2 change: controls, CR, and capitals under
  // NFKC_Casefold.
  std::array<bool, 128> ascii_special{};
  // The quick check in wide steps, from the tables above; and the same for
  // the slow path's runs of characters that need nothing, which looks at
  // every ASCII byte of ascii_special and at no space.
  std::optional<internal::CleanScan> clean_scan;
  std::optional<internal::CleanScan> run_scan;

  void BuildTables();
  bool FormMayChange(char32_t c) const;
  bool NeedsAttention(char32_t c) const {
    return attention.MayNeedAttention(c) && (c < 0x10000 || FormMayChange(c));
  }

  // Working memory for one Run(), reused from line to line. (Not
  // thread_local: in a shared library every use of one is a call.)
  struct Scratch {
    std::string cleaned;
    std::string buffers[2];
    internal::PunctuationProfile::Scratch punct;
  };

  // What one cleaned line holds that steps 3 to 5 must know.
  struct LineFlags {
    bool form_needed = false;  // the form may change it
    bool has_joiners = false;  // a ZWJ or ZWNJ was kept
    bool odd_spaces = false;   // a space the whitespace rule maps (NBSP, VT)
  };

  // Step 0 where asked for, then Run().
  Status Normalize(std::string_view text, std::string* out, NormalizeStats* stats,
                   bool strict) const;
  // `carried`: the code-block state to start from and leave for the next
  // call, when `text` is one piece of a longer text cut at line breaks.
  Status Run(std::string_view text, std::string* out, NormalizeStats* stats, bool strict,
             BlockState* carried = nullptr) const;
  // Normalize() under fix_mojibake, on one piece of whole lines.
  Status RepairAndRun(std::string_view text, std::string* out, NormalizeStats* stats, bool strict,
                      BlockState* carried) const;
  // Steps 1 and 2; on ill-formed input under `strict`, the error's offset is
  // set and its line and column are left for Run() to fill in.
  Status NormalizeLine(std::string_view line, bool ends_with_newline, std::size_t line_offset,
                       bool strict, Scratch* scratch, BlockState* blocks, std::string* out,
                       NormalizeStats* stats) const;
  // Every space the whitespace rule maps (Zs, LS, PS, NEL, VT, FF) in
  // `text` (valid UTF-8, no line break) becomes an ASCII space, one for
  // one, so that indentation keeps its width. With the whitespace rule on,
  // every such space needs attention: only those characters are read.
  void MapSpaces(std::string_view text, std::string* out) const;
  // Steps 3 to 5, on one cleaned line (valid UTF-8, no line break).
  void FinishLine(std::string_view cleaned, LineFlags flags, Scratch* scratch, BlockState* blocks,
                  std::string* out, NormalizeStats* stats) const;
  // Code blocks matter to the whitespace rule and to the typography profile;
  // with neither on, lines are not classified at all.
  bool TracksBlocks() const { return options.normalize_whitespace || punct; }
};

bool Normalizer::Impl::FormMayChange(char32_t c) const {
  if (form == nullptr) return false;
  if (c < 0x10000) return bmp_form_may_change[c];
  const UChar32 u = static_cast<UChar32>(c);
  if (u_getIntPropertyValue(u, quick_check_property) != UNORM_YES) return true;
  if (u_getCombiningClass(u) != 0) return true;
  return options.form == UnicodeForm::kNFKCCasefold &&
         u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED);
}

void Normalizer::Impl::BuildTables() {
  const bool invisibles = options.remove_invisibles;
  const bool whitespace = options.normalize_whitespace;
  for (unsigned b = 0; b < 128; ++b) {
    const bool control = b < 0x20 || b == 0x7F;
    bool watch = false;
    if (b == '\n') watch = true;  // ends the line
    if (b == '\r') watch = whitespace;
    // Tabs are never changed; a space only in a run or at a line's end.
    if (b == ' ') watch = whitespace;
    if (control && b != '\t' && b != '\n' && b != '\r') {
      watch = invisibles || (whitespace && (b == 0x0B || b == 0x0C));
    }
    ascii_watch[b] = watch;
  }

  // Fill the BMP bits from ICU's own properties; supplementary code points
  // ask ICU on the fly (they are rare, and ICU's lookup is a trie read).
  std::bitset<0x10000> may_change;
  if (form != nullptr) {
    for (char32_t c = 0; c < 0x10000; ++c) {
      const UChar32 u = static_cast<UChar32>(c);
      may_change[c] = u_getIntPropertyValue(u, quick_check_property) != UNORM_YES ||
                      u_getCombiningClass(u) != 0 ||
                      (options.form == UnicodeForm::kNFKCCasefold &&
                       u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED));
    }
  }
  bmp_form_may_change = may_change;
  // NFKC_Casefold changes ASCII capitals: they need the slow path too.
  for (unsigned b = 0; b < 128; ++b) {
    if (may_change[b]) ascii_watch[b] = true;
  }
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    bool needs = may_change[c];
    if (invisibles) {
      needs = needs || IsC1Control(c) || c == kByteOrderMark || c == kSoftHyphen ||
              c == kZeroWidthSpace || c == kZeroWidthJoiner || c == kZeroWidthNonJoiner;
    }
    if (whitespace) needs = needs || IsUnicodeSpace(c);
    // Surrogates never decode from valid UTF-8; U+FFFD itself needs nothing.
    attention.bmp[c] = needs;
  }
  if (form != nullptr) {
    MarkFormBlocks(quick_check_property, options.form == UnicodeForm::kNFKCCasefold, &attention);
  }
  for (unsigned lead = 0xC2; lead <= 0xDF; ++lead) {
    bool clean = true;
    for (unsigned trail = 0; trail < 64 && clean; ++trail) {
      clean = !attention.bmp[((lead & 0x1F) << 6) | trail];
    }
    clean_lead2[lead] = clean;
  }
  for (unsigned b = 0; b < 128; ++b) {
    ascii_special[b] = ((b < 0x20 && b != '\t') || b == 0x7F || may_change[b]) && b != '\n';
  }
  clean_scan.emplace(ascii_watch, clean_lead2, attention, whitespace);
  run_scan.emplace(ascii_special, clean_lead2, attention, /*spaces_matter=*/false);
}

namespace {

// The whitespace rule on a prose line whose spaces are all ASCII: the
// indentation (leading spaces and tabs) stays as it is, a run of two or
// more spaces after it becomes one, spaces at the end go. Tabs are copied:
// they separate columns, and "a\t\tb" has an empty one.
void TidyProse(std::string_view text, std::string* out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i == n) {
    // A blank line: its trailing spaces go, its tabs stay.
    const std::size_t last_tab = text.find_last_of('\t');
    if (last_tab != std::string_view::npos) out->append(text.substr(0, last_tab + 1));
    return;
  }
  out->append(text.data(), i);
  while (i < n) {
    // Copy up to the next space in one go.
    const void* space = std::memchr(text.data() + i, ' ', n - i);
    const std::size_t j =
        space ? static_cast<std::size_t>(static_cast<const char*>(space) - text.data()) : n;
    out->append(text.data() + i, j - i);
    if (j == n) break;
    std::size_t k = j;
    while (k < n && text[k] == ' ') ++k;
    if (k < n) out->push_back(' ');
    i = k;
  }
}

// The ZWJ/ZWNJ rule of step 2 applied again to `text` (valid UTF-8): a
// joiner stays only between two joinable characters. Returns how many went.
std::size_t FilterJoiners(std::string_view text, std::string* out) {
  std::size_t removed = 0;
  char32_t previous = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    char32_t c;
    const std::size_t length = DecodeUtf8(p, end, &c);
    const unsigned char* next = p + length;
    if (c == kZeroWidthJoiner || c == kZeroWidthNonJoiner) {
      char32_t following = 0;
      if (next < end) DecodeUtf8(next, end, &following);
      if (!IsJoinable(previous) || !IsJoinable(following)) {
        ++removed;
        p = next;
        continue;
      }
    }
    out->append(reinterpret_cast<const char*>(p), length);
    previous = c;
    p = next;
  }
  return removed;
}

}  // namespace

void Normalizer::Impl::MapSpaces(std::string_view text, std::string* out) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const unsigned char* run = p;               // copied as it is up to the next space
  internal::CleanScan::Lines no_line_breaks;  // the line holds none
  while (p < end) {
    p = run_scan->Skip(p, end, internal::CleanScan::Line::kCode, &no_line_breaks);
    if (p == end) break;
    char32_t c;
    const std::size_t length = DecodeUtf8(p, end, &c);
    if (c == 0x0B || c == 0x0C ||
        (c >= 0x80 && attention.MayNeedAttention(c) && IsUnicodeSpace(c))) {
      out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      out->push_back(' ');
      run = p + length;
    }
    p += length;
  }
  out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
}

void Normalizer::Impl::FinishLine(std::string_view cleaned, LineFlags flags, Scratch* scratch,
                                  BlockState* blocks, std::string* out,
                                  NormalizeStats* stats) const {
  const bool whitespace = options.normalize_whitespace;
  const bool joiners = flags.has_joiners && options.remove_invisibles;
  // The common case: only spaces to tidy, straight into the output.
  if (!flags.form_needed && !joiners && !flags.odd_spaces && !punct) {
    const auto* b = reinterpret_cast<const unsigned char*>(cleaned.data());
    if (!whitespace || ClassifyLine(b, b + cleaned.size(), /*ascii_only=*/false, blocks).code) {
      out->append(cleaned);
    } else {
      TidyProse(cleaned, out);
    }
    return;
  }
  // Each stage reads `text` and writes into the buffer that `text` is not
  // in; `holder` says which one that is (-1: neither, `text` is `cleaned`).
  std::string* buffers = scratch->buffers;
  std::string_view text = cleaned;
  int holder = -1;
  auto spare = [&]() -> std::string* {
    std::string* b = &buffers[holder == 0 ? 1 : 0];
    b->clear();
    return b;
  };
  auto take = [&](std::string* b) {
    text = *b;
    holder = b == &buffers[0] ? 0 : 1;
  };
  auto apply_form = [&] {
    if (form == nullptr) return;
    std::string* formed = spare();
    icu::StringByteSink<std::string> sink(formed, text.size());
    UErrorCode ec = U_ZERO_ERROR;
    form->normalizeUTF8(0, icu::StringPiece(text.data(), text.size()), sink, nullptr, ec);
    // ICU fails only on allocation; the text is valid UTF-8 here.
    if (U_SUCCESS(ec)) take(formed);
  };
  // The joiner rule of step 2 is applied again after every step that can
  // change a joiner's neighbour: the form (NFKC turns U+249C PARENTHESIZED
  // LATIN SMALL LETTER A, a symbol, into "(a)") and the punctuation profile
  // (U+02BC, a letter, becomes an apostrophe); a second pass would drop the
  // joiner otherwise. When it drops one, the form runs again (the removal
  // can let it compose across the gap). Each round removes a joiner, so
  // this ends; nearly every line takes one round.
  auto drop_joiners = [&]() -> bool {
    std::string* filtered = spare();
    const std::size_t removed = FilterJoiners(text, filtered);
    if (removed == 0) return false;
    stats->removed += removed;
    take(filtered);
    return true;
  };

  // Step 3 and the joiner rule: all that a line of code gets.
  if (flags.form_needed) apply_form();
  while (joiners && drop_joiners()) apply_form();
  if (TracksBlocks()) {
    const auto* b = reinterpret_cast<const unsigned char*>(text.data());
    if (ClassifyLine(b, b + text.size(), /*ascii_only=*/false, blocks).code) {
      out->append(text);
      return;
    }
  }

  // A prose line: step 5, with step 4 between its two halves.
  if (whitespace && flags.odd_spaces) {
    std::string* mapped = spare();
    MapSpaces(text, mapped);
    take(mapped);
  }
  if (!punct) {
    // The whitespace rule touches no joiner's neighbour: nothing to redo.
    if (whitespace) {
      TidyProse(text, out);
    } else {
      out->append(text);
    }
    return;
  }
  for (int round = 0;; ++round) {
    if (round > 0) apply_form();
    // The whitespace rule runs before the punctuation profile, which reads
    // spaces ("a   - b" must look like "a - b" to it, as it will on a second
    // pass), and again after it.
    if (whitespace) {
      std::string* tidied = spare();
      TidyProse(text, tidied);
      take(tidied);
    }
    std::string* punctuated = spare();
    punct->Apply(text, &scratch->punct, punctuated);
    take(punctuated);
    if (whitespace) {
      std::string* tidied = spare();
      TidyProse(text, tidied);
      take(tidied);
    }
    if (!joiners || !drop_joiners()) break;
  }
  out->append(text);
}

// Steps 1 and 2 on one line (without its LF), then FinishLine. A lone CR
// inside the line is a line break too: what stands before it is finished as
// a line of its own.
Status Normalizer::Impl::NormalizeLine(std::string_view line, bool ends_with_newline,
                                       std::size_t line_offset, bool strict, Scratch* scratch,
                                       BlockState* blocks, std::string* out,
                                       NormalizeStats* stats) const {
  const bool invisibles = options.remove_invisibles;
  const bool whitespace = options.normalize_whitespace;
  std::string& cleaned = scratch->cleaned;
  cleaned.clear();
  LineFlags flags;
  const auto* begin = reinterpret_cast<const unsigned char*>(line.data());
  const auto* end = begin + line.size();
  const std::size_t out_start = out->size();
  // Characters that need nothing are copied in runs; `run` is where the
  // current run starts.
  const unsigned char* run = begin;
  auto flush = [&](const unsigned char* upto) {
    cleaned.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(upto - run));
  };
  // The last code point kept on this output line, for the joiner rule.
  auto previous = [&]() -> char32_t {
    if (cleaned.empty()) return 0;
    std::size_t i = cleaned.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(cleaned[i]) & 0xC0) == 0x80) --i;
    const auto* s = reinterpret_cast<const unsigned char*>(cleaned.data());
    char32_t c;
    DecodeUtf8(s + i, s + cleaned.size(), &c);
    return c;
  };
  // Wide steps over what needs nothing, as in the quick check.
  internal::CleanScan::Lines no_line_breaks;  // the line holds none
  const unsigned char* wide_from = begin;
  for (const unsigned char* p = begin; p < end;) {
    if (p >= wide_from) {
      p = run_scan->Skip(p, end, internal::CleanScan::Line::kCode, &no_line_breaks);
      wide_from = p + 1;
      if (p == end) break;
    }
    const unsigned char b = *p;
    if (b < 0x80) {
      if (!ascii_special[b]) {
        ++p;
        continue;
      }
      flush(p);
      ++p;
      run = p;
      if (b == '\r') {
        // CRLF: the LF ends the line already, and the whitespace rule makes
        // it a LF. A lone CR ends a line here; the whitespace rule makes it
        // a LF too, else it stays a CR.
        const bool crlf = p == end && ends_with_newline;
        if (crlf && whitespace) continue;
        FinishLine(cleaned, flags, scratch, blocks, out, stats);
        out->push_back(whitespace ? '\n' : '\r');
        cleaned.clear();
        flags = LineFlags();
        continue;
      }
      const bool control = (b < 0x20 && b != '\t') || b == 0x7F;
      // VT and FF are spaces to the whitespace rule, which maps them on
      // prose lines only (code keeps its form feeds).
      const bool space = whitespace && (b == 0x0B || b == 0x0C);
      if (control && invisibles && !space) {
        ++stats->removed;
      } else {
        flags.odd_spaces = flags.odd_spaces || space;
        flags.form_needed = flags.form_needed || bmp_form_may_change[b];
        cleaned.push_back(static_cast<char>(b));
      }
      continue;
    }
    if (clean_lead2[b] && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      p += 2;
      continue;
    }
    char32_t c;
    const std::size_t length = DecodeUtf8(p, end, &c);
    if (c != kIllFormed && !NeedsAttention(c)) {
      p += length;
      continue;
    }
    flush(p);
    const unsigned char* next = p + length;
    run = next;
    if (c == kIllFormed) {
      if (strict) {
        // Run() turns the offset into a line and a column.
        return Status(ErrorCode::kInvalidInput, "invalid UTF-8",
                      {"", 0, 0, line_offset + static_cast<std::size_t>(p - begin)});
      }
      ++stats->invalid_sequences;
      AppendUtf8(kReplacementCharacter, &cleaned);
      p = next;
      continue;
    }
    bool keep = true;
    if (whitespace && IsUnicodeSpace(c)) {
      // Mapped to a space by FinishLine on prose lines; kept in code. (NEL
      // is a space here, not a C1 control to remove.)
      flags.odd_spaces = true;
    } else if (invisibles) {
      if (IsC1Control(c) || c == kByteOrderMark || c == kSoftHyphen || c == kZeroWidthSpace) {
        keep = false;
      } else if (c == kZeroWidthJoiner || c == kZeroWidthNonJoiner) {
        char32_t following = 0;
        if (next < end) DecodeUtf8(next, end, &following);
        keep = following != kIllFormed && IsJoinable(previous()) && IsJoinable(following);
        flags.has_joiners = flags.has_joiners || keep;
      }
    }
    if (keep) {
      flags.form_needed = flags.form_needed || FormMayChange(c);
      cleaned.append(reinterpret_cast<const char*>(p), length);
    } else {
      ++stats->removed;
    }
    p = next;
  }
  flush(end);
  FinishLine(cleaned, flags, scratch, blocks, out, stats);
  // Without the whitespace rule a lone CR stays a CR. If what stood between
  // it and the LF is gone ("a\r\0\n"), CR and LF would now read as one
  // CRLF break, and a line would be lost: that CR is written as a LF.
  if (!whitespace && ends_with_newline && !line.ends_with('\r') && out->size() > out_start &&
      out->back() == '\r') {
    out->back() = '\n';
  }
  const std::string_view produced(out->data() + out_start, out->size() - out_start);
  if (produced != line) ++stats->lines_changed;
  return Status();
}

namespace {

// The line (from 1) and the byte column in it (from 1) of `offset`, where
// LF, CRLF and a lone CR each end a line.
SourcePosition PositionOf(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const char c = text[i];
    const bool lone_cr = c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
    if (c == '\n' || lone_cr) {
      ++line;
      line_start = i + 1;
    }
  }
  return {"", line, offset - line_start + 1, offset};
}

}  // namespace

Status Normalizer::Impl::Run(std::string_view text, std::string* out, NormalizeStats* stats,
                             bool strict, BlockState* carried) const {
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = base + text.size();
  const unsigned char* p = base;
  // Clean lines are not copied one by one: a run of them goes out in one
  // append when a dirty line (or the end) is reached.
  const unsigned char* pending = base;
  out->reserve(out->size() + text.size());
  const bool every_line_is_dirty = punct.has_value();
  const bool tracks_blocks = TracksBlocks();
  Scratch scratch;  // empty strings: nothing is allocated until a dirty line
  // Code blocks seen so far. Only this call's text is known: a fence left
  // open runs to its end (normalizer.h).
  BlockState own_blocks;
  BlockState& blocks = carried != nullptr ? *carried : own_blocks;
  while (p < end) {
    const unsigned char* line_start = p;
    const unsigned char* q = p;
    bool dirty = every_line_is_dirty;
    // Where the line is code, its spaces need nothing. The class is read
    // from the raw bytes here, which are the line's cleaned form if the
    // line turns out clean; a dirty line is classified again by the slow
    // path, from its cleaned form. Its end moves `blocks` once it is found.
    LineClass line_class;
    if (!dirty && tracks_blocks) {
      line_class = ClassifyLineStart(p, end, /*ascii_only=*/true, blocks);
      q = line_class.indentation_end;
      // Indentation is kept; its last space is looked at below only for
      // a blank line, where it is trailing.
      if (!line_class.code && q > p && q[-1] == ' ') --q;
    }
    const bool code = line_class.code;
    const ScanLine first_line = ScanLineOf(line_class, blocks, end);
    ScanLine scan_line = first_line;
    // The quick check: stop at the line's end or at the first character
    // that the slow path could change. Wide steps first; where they stop,
    // one character the slow way, then wide steps again. The wide steps may
    // go on past line breaks (CleanScan::Line says where), into lines that
    // read the same to the slow path whatever came before.
    internal::CleanScan::Lines passed;
    const unsigned char* wide_from = q;
    while (!dirty && q < end) {
      if (q >= wide_from) {
        q = clean_scan->Skip(q, end, scan_line, &passed);
        wide_from = q + 1;
        if (q == end) break;
      }
      const unsigned char b = *q;
      if (b < 0x80) {
        if (!ascii_watch[b]) {
          // A backtick may end the fence: the rest of its line is read up
          // to its end, where PassLine says.
          if (b == '`' && scan_line == ScanLine::kInBacktickFence) scan_line = ScanLine::kCode;
          ++q;
          continue;
        }
        if (b == '\n') break;
        if (b == ' ') {
          // On a prose line a space before another or at the line's end
          // goes; code keeps its spaces.
          if (!code) {
            const unsigned char following = q + 1 < end ? q[1] : '\n';
            dirty = following == ' ' || following == '\n' || following == '\r';
          }
          ++q;
          continue;
        }
        dirty = true;
        break;
      }
      if (clean_lead2[b] && end - q >= 2 && (q[1] & 0xC0) == 0x80) {
        q += 2;
        continue;
      }
      char32_t c;
      const std::size_t length = DecodeUtf8(q, end, &c);
      if (c == kIllFormed || NeedsAttention(c)) {
        dirty = true;
        break;
      }
      q += length;
    }
    if (passed.passed > 0) {
      // The lines gone past were clean, and moved the block state in one
      // way only: past prose, only whether the line before the one reached
      // was blank (the first line, as classified, or an empty one: the
      // others start plainly); inside a fence, not at all.
      stats->lines += passed.passed;
      if (first_line == ScanLine::kProse) {
        blocks.indented_code_may_start = passed.passed == 1
                                             ? line_class.kind == LineClass::Kind::kBlank
                                             : passed.start[-2] == '\n';
      }
      line_start = passed.start;
      if (tracks_blocks) {
        line_class = ClassifyLineStart(line_start, end, /*ascii_only=*/true, blocks);
      }
    }
    if (dirty) {
      const void* lf = std::memchr(q, '\n', static_cast<std::size_t>(end - q));
      q = lf ? static_cast<const unsigned char*>(lf) : end;
    }
    const bool has_newline = q < end;
    const unsigned char* const next = has_newline ? q + 1 : end;
    ++stats->lines;
    if (dirty) {
      out->append(reinterpret_cast<const char*>(pending),
                  static_cast<std::size_t>(line_start - pending));
      const std::string_view line(reinterpret_cast<const char*>(line_start),
                                  static_cast<std::size_t>(q - line_start));
      Status s = NormalizeLine(line, has_newline, static_cast<std::size_t>(line_start - base),
                               strict, &scratch, &blocks, out, stats);
      if (!s.ok()) {
        return Status(s.code(), s.message(), PositionOf(text, s.where().offset));
      }
      if (has_newline) out->push_back('\n');
      pending = next;
    } else if (tracks_blocks) {
      PassLine(line_class, q, /*ascii_only=*/true, &blocks);
    }
    p = next;
  }
  out->append(reinterpret_cast<const char*>(pending), static_cast<std::size_t>(end - pending));
  return Status();
}

Normalizer::Normalizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Normalizer> Normalizer::Create(const NormalizerOptions& options) {
  return Create(options, RuleFiles::Embedded());
}

Result<Normalizer> Normalizer::Create(const NormalizerOptions& options, const RuleFiles& rules) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  UErrorCode ec = U_ZERO_ERROR;
  switch (options.form) {
    case UnicodeForm::kNone:
      break;
    case UnicodeForm::kNFC:
      impl->form = icu::Normalizer2::getNFCInstance(ec);
      impl->quick_check_property = UCHAR_NFC_QUICK_CHECK;
      break;
    case UnicodeForm::kNFD:
      impl->form = icu::Normalizer2::getNFDInstance(ec);
      impl->quick_check_property = UCHAR_NFD_QUICK_CHECK;
      break;
    case UnicodeForm::kNFKC:
      impl->form = icu::Normalizer2::getNFKCInstance(ec);
      impl->quick_check_property = UCHAR_NFKC_QUICK_CHECK;
      break;
    case UnicodeForm::kNFKD:
      impl->form = icu::Normalizer2::getNFKDInstance(ec);
      impl->quick_check_property = UCHAR_NFKD_QUICK_CHECK;
      break;
    case UnicodeForm::kNFKCCasefold:
      impl->form = icu::Normalizer2::getNFKCCasefoldInstance(ec);
      impl->quick_check_property = UCHAR_NFKC_QUICK_CHECK;
      break;
  }
  if (U_FAILURE(ec)) {
    return Status(ErrorCode::kInternal,
                  std::string("ICU normalizer unavailable: ") + u_errorName(ec));
  }
  if (options.punct) {
    constexpr std::string_view kPath = "normalize/punct.toml";
    const std::string* text = rules.Find(kPath);
    if (text == nullptr) {
      return Status(ErrorCode::kNotFound, "rule file " + std::string(kPath) + " not found");
    }
    Result<internal::PunctuationProfile> profile =
        internal::PunctuationProfile::Parse(*text, rules.Origin(kPath), options.quote_style);
    if (!profile.ok()) return profile.status();
    impl->punct = std::move(*profile);
  }
  if (options.fix_mojibake) {
    impl->mojibake = internal::MojibakeRepair::Get();
    if (impl->mojibake == nullptr) {
      return Status(ErrorCode::kInternal, "ICU lacks a code page that mojibake repair needs");
    }
  }
  impl->BuildTables();
  return Normalizer(std::move(impl));
}

namespace {

// Step 0 (mojibake) over every line of `text`: the repaired text goes to
// *repaired and true comes back when a line changed.
bool RepairMojibake(const internal::MojibakeRepair& repair, std::string_view text,
                    std::string* repaired, NormalizeStats* stats) {
  std::size_t copied = 0;  // text before this went to *repaired already
  std::string line_out;
  std::vector<std::size_t> suspects;
  internal::MojibakeRepair::SuspectLines(text, &suspects);
  for (const std::size_t start : suspects) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line_out.clear();
    const std::uint32_t families = repair.Repair(line, &line_out);
    if (families == 0) continue;
    if (copied == 0) repaired->reserve(text.size() + 64);
    repaired->append(text.substr(copied, start - copied));
    repaired->append(line_out);
    copied = start + line.size();
    ++stats->mojibake_lines;
    for (std::size_t f = 0; f < kMojibakeFamilyCount; ++f) {
      if (families >> f & 1) ++stats->mojibake_by_family[f];
    }
  }
  if (stats->mojibake_lines == 0) return false;
  repaired->append(text.substr(copied));
  return true;
}

// Homoglyphs over every line of `text`, like RepairMojibake.
bool FixAllHomoglyphs(std::string_view text, std::string* fixed, NormalizeStats* stats) {
  std::size_t copied = 0;
  std::string line_out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (internal::MayHoldHomoglyphs(line)) {
      line_out.clear();
      if (const std::size_t n = internal::FixHomoglyphs(line, &line_out); n > 0) {
        if (copied == 0) fixed->reserve(text.size() + 64);
        fixed->append(text.substr(copied, start - copied));
        fixed->append(line_out);
        copied = end;
        stats->homoglyphs += n;
      }
    }
    start = end + 1;
  }
  if (copied == 0) return false;
  fixed->append(text.substr(copied));
  return true;
}

}  // namespace

Status Normalizer::Impl::Normalize(std::string_view text, std::string* out, NormalizeStats* stats,
                                   bool strict) const {
  if ((mojibake == nullptr && !options.fix_homoglyphs) || text.empty()) {
    return Run(text, out, stats, strict);
  }
  // Pieces of about 256 KB of whole lines: each is scanned for mojibake and
  // then normalized while it is still in the cache. The code-block state
  // goes from piece to piece, so the result is that of one Run().
  constexpr std::size_t kPiece = std::size_t{1} << 18;
  out->reserve(out->size() + text.size() + text.size() / 8);  // once, not per piece
  BlockState blocks;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.size();
    if (text.size() - start > kPiece) {
      const std::size_t lf = text.find('\n', start + kPiece);
      if (lf != std::string_view::npos) end = lf + 1;
    }
    Status s = RepairAndRun(text.substr(start, end - start), out, stats, strict, &blocks);
    if (!s.ok()) {
      return Status(s.code(), s.message(), PositionOf(text, start + s.where().offset));
    }
    start = end;
  }
  return Status();
}

Status Normalizer::Impl::RepairAndRun(std::string_view text, std::string* out,
                                      NormalizeStats* stats, bool strict,
                                      BlockState* carried) const {
  std::string repaired;
  NormalizeStats run_stats;
  bool changed = mojibake != nullptr && RepairMojibake(*mojibake, text, &repaired, &run_stats);
  if (options.fix_homoglyphs) {
    std::string fixed;
    if (FixAllHomoglyphs(changed ? std::string_view(repaired) : text, &fixed, &run_stats)) {
      repaired = std::move(fixed);
      changed = true;
    }
  }
  if (!changed) {
    Status s = Run(text, out, &run_stats, strict, carried);
    stats->Add(run_stats);
    return s;
  }
  const std::size_t out_start = out->size();
  Status s = Run(repaired, out, &run_stats, strict, carried);
  // Lines changed: counted against the text as it came. Normalizing keeps N
  // lines in N lines out; where a lone CR makes the counts differ, the
  // repaired lines are added to what Run() saw. (Under strict_utf8 an
  // error's position is in the repaired text.)
  const std::string_view produced(out->data() + out_start, out->size() - out_start);
  if (s.ok() && std::count(produced.begin(), produced.end(), '\n') ==
                    std::count(text.begin(), text.end(), '\n')) {
    std::uint64_t changed = 0;
    std::size_t a = 0, b = 0;
    while (a <= text.size() && b <= produced.size()) {
      std::size_t ea = text.find('\n', a), eb = produced.find('\n', b);
      if (ea == std::string_view::npos) ea = text.size();
      if (eb == std::string_view::npos) eb = produced.size();
      if (text.substr(a, ea - a) != produced.substr(b, eb - b)) ++changed;
      a = ea + 1;
      b = eb + 1;
    }
    run_stats.lines_changed = changed;
  } else {
    run_stats.lines_changed = std::min(
        run_stats.lines, run_stats.lines_changed + run_stats.mojibake_lines + run_stats.homoglyphs);
  }
  stats->Add(run_stats);
  return s;
}

Status Normalizer::Normalize(std::string_view text, std::string* out, NormalizeStats* stats) const {
  NormalizeStats local;
  return impl_->Normalize(text, out, stats ? stats : &local, impl_->options.strict_utf8);
}

std::string Normalizer::Normalize(std::string_view text) const {
  std::string out;
  NormalizeStats stats;
  // Not strict: ill-formed UTF-8 is repaired, so Run has no error to give.
  static_cast<void>(impl_->Normalize(text, &out, &stats, /*strict=*/false));
  return out;
}

bool Normalizer::IsNormalized(std::string_view text) const {
  // Clean lines cost a scan; only lines the quick check flags are rebuilt.
  return Normalize(text) == text;
}

const NormalizerOptions& Normalizer::options() const { return impl_->options; }

}  // namespace normkit
