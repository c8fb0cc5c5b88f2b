// Normalizer: what include/normkit/normalizer.h promises, for every option
// set, on any bytes.
//
// Input: the first byte picks the options (form x invisibles x whitespace x
// punctuation profile and quote style: 120 sets), the rest is the text.
//
// Properties:
//  - the output is valid UTF-8, has the input's line count (LF, CRLF and a
//    lone CR each end a line) and is a fixed point: Normalize() of it gives
//    it back, and IsNormalized() says so; IsNormalized(text) is true exactly
//    when Normalize(text) == text;
//  - it is in the chosen Unicode form (ICU's own check);
//  - every line keeps its count of tabs, and under the forms that map
//    nothing to a space (none, NFC, NFD) its indentation width in
//    characters, once the debris the options remove is gone;
//  - with the whitespace rule: no CR; where no line can be code (the output
//    holds no backtick or tilde, so no fence, and no line indented by 4
//    columns or more, so no indented code), no run of spaces after a line's
//    indentation and no space at a line's end; with invisibles removed: no
//    BOM, soft hyphen, zero-width space, C0 control other than tab and LF
//    (VT and FF stay in code under the whitespace rule), or C1 control
//    (NEL likewise);
//  - the Status form appends to what *out holds, and gives the same text;
//  - under strict_utf8: valid input gives the same text; invalid input gives
//    kInvalidInput at the first ill-formed byte, with its line and column,
//    and *out holds exactly the normalized lines before that one.
#include <unicode/normalizer2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "fuzz_support.h"
#include "normkit/normalizer.h"
#include "tests/support/icu_forms.h"

namespace normkit::fuzz {
namespace {

constexpr UnicodeForm kForms[] = {UnicodeForm::kNone, UnicodeForm::kNFC,
                                  UnicodeForm::kNFD,  UnicodeForm::kNFKC,
                                  UnicodeForm::kNFKD, UnicodeForm::kNFKCCasefold};
constexpr const char* kQuoteStyles[] = {"ascii", "curly", "angle", "german"};
constexpr std::size_t kOptionSets = 6 * 2 * 2 * 5;  // forms, invisibles, whitespace, punct

NormalizerOptions OptionsFor(std::size_t index, bool strict) {
  NormalizerOptions o;
  o.form = kForms[index % 6];
  index /= 6;
  o.remove_invisibles = (index & 1) != 0;
  o.normalize_whitespace = (index & 2) != 0;
  const std::size_t punct = index >> 2;  // 0: none, 1-4: a quote style
  o.punct = punct != 0;
  if (o.punct) o.quote_style = kQuoteStyles[punct - 1];
  o.strict_utf8 = strict;
  return o;
}

std::string Describe(const NormalizerOptions& o) {
  return "form=" + std::string(UnicodeFormName(o.form)) +
         " invisibles=" + std::to_string(o.remove_invisibles) +
         " whitespace=" + std::to_string(o.normalize_whitespace) +
         " punct=" + (o.punct ? o.quote_style : std::string("off")) +
         " strict=" + std::to_string(o.strict_utf8);
}

// Building a normalizer reads ICU's tables for 64K code points: each option
// set is built once, on first use.
const Normalizer& Get(std::size_t index, bool strict) {
  static auto* built = new std::array<std::unique_ptr<Normalizer>, kOptionSets * 2>;
  std::unique_ptr<Normalizer>& slot = (*built)[index * 2 + strict];
  if (!slot) {
    Result<Normalizer> n = Normalizer::Create(OptionsFor(index, strict));
    FUZZ_CHECK(n.ok(), n.status().ToString());
    slot = std::make_unique<Normalizer>(std::move(*n));
  }
  return *slot;
}

const icu::Normalizer2* IcuForm(UnicodeForm form) {
  if (form == UnicodeForm::kNone) return nullptr;
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = testing::IcuNormalizer(form, &ec);
  FUZZ_CHECK(U_SUCCESS(ec) && n != nullptr, "ICU normalizer unavailable");
  return n;
}

// Where the line that holds byte `offset` starts (LF, CRLF, lone CR).
std::size_t LineStart(std::string_view text, std::size_t offset) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      start = i + 1;
    }
  }
  return start;
}

// The lines of `text`, split where LF, CRLF and a lone CR end them.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  lines.push_back(text.substr(start));
  return lines;
}

// What the whitespace rule maps to a space: Zs but U+0020, LS, PS, NEL, VT,
// FF (Unicode 15.0).
bool IsOddSpace(char32_t c) {
  return c == 0x0B || c == 0x0C || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Debris that `o` removes (VT, FF and NEL are spaces under the whitespace
// rule); a joiner in indentation always goes, having no letter before it.
bool IsRemovedDebris(char32_t c, const NormalizerOptions& o) {
  if (!o.remove_invisibles) return false;
  if (o.normalize_whitespace && (c == 0x0B || c == 0x0C || c == 0x85)) return false;
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
         (c >= 0x80 && c <= 0x9F) || c == 0xFEFF || c == 0xAD || c == 0x200B || c == 0x200C ||
         c == 0x200D;
}

// A line's indentation: its width in characters and in columns (a tab to
// the next multiple of 4), skipping the debris `o` removes; `blank` when
// nothing else is on the line.
struct Indentation {
  std::size_t width = 0, columns = 0, end = 0;
  bool blank = false;
};

Indentation IndentationOf(std::string_view line, const NormalizerOptions& o) {
  Indentation in;
  std::size_t i = 0;
  while (i < line.size()) {
    char32_t c = 0;
    const std::size_t length = WellFormedLength(line, i, &c);
    if (length == 0) break;  // becomes U+FFFD
    if (IsRemovedDebris(c, o)) {
      i += length;
      continue;
    }
    if (c != ' ' && c != '\t' && !IsOddSpace(c)) break;
    ++in.width;
    in.columns = c == '\t' ? in.columns / 4 * 4 + 4 : in.columns + 1;
    i += length;
  }
  in.end = i;
  in.blank = i == line.size();
  return in;
}

void CheckLines(std::string_view in, std::string_view out, const NormalizerOptions& o,
                const std::string& context) {
  const std::vector<std::string_view> in_lines = Lines(in);
  const std::vector<std::string_view> out_lines = Lines(out);
  if (in_lines.size() != out_lines.size()) return;  // reported by the line count check
  const bool form_keeps_spaces =
      o.form == UnicodeForm::kNone || o.form == UnicodeForm::kNFC || o.form == UnicodeForm::kNFD;
  for (std::size_t k = 0; k < in_lines.size(); ++k) {
    const std::string where = " on line " + std::to_string(k + 1) + ": " + Escaped(out_lines[k]);
    const auto tabs = [](std::string_view s) { return std::count(s.begin(), s.end(), '\t'); };
    FUZZ_CHECK(tabs(in_lines[k]) == tabs(out_lines[k]),
               context + "the count of tabs changed" + where);
    if (!form_keeps_spaces) continue;
    const Indentation before = IndentationOf(in_lines[k], o);
    if (before.blank) continue;
    FUZZ_CHECK(IndentationOf(out_lines[k], o).width == before.width,
               context + "indentation width " + std::to_string(before.width) + " changed" + where);
  }
}

void CheckWhitespaceRule(std::string_view out, const NormalizerOptions& o,
                         const std::string& context) {
  FUZZ_CHECK(out.find('\r') == std::string_view::npos, context + "a CR is left");
  if (out.find_first_of("`~") != std::string_view::npos) return;  // a fence may open
  const std::vector<std::string_view> lines = Lines(out);
  for (std::string_view line : lines) {
    if (IndentationOf(line, o).columns >= 4) return;  // indented code may start
  }
  for (std::string_view line : lines) {
    const Indentation indentation = IndentationOf(line, o);
    const std::string where = " on line " + Escaped(line);
    if (indentation.blank) {
      FUZZ_CHECK(line.empty() || line.back() != ' ',
                 context + "a blank line keeps a space" + where);
      continue;
    }
    for (std::size_t i = indentation.end; i < line.size(); ++i) {
      if (line[i] != ' ') continue;
      FUZZ_CHECK(i + 1 < line.size(), context + "a space ends a line" + where);
      FUZZ_CHECK(line[i + 1] != ' ', context + "a run of spaces is left" + where);
    }
  }
}

void CheckNoInvisibles(std::string_view out, const NormalizerOptions& o,
                       const std::string& context) {
  for (std::size_t i = 0; i < out.size();) {
    char32_t c = 0;
    const std::size_t length = WellFormedLength(out, i, &c);
    FUZZ_CHECK(length > 0, context + "invalid UTF-8 at byte " + std::to_string(i));
    // VT, FF and NEL are spaces to the whitespace rule, which keeps them in
    // code.
    const bool rule_space = o.normalize_whitespace && (c == 0x0B || c == 0x0C || c == 0x85);
    const bool control = !rule_space && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                                         c == 0x7F || (c >= 0x80 && c <= 0x9F));
    const bool debris = c == 0xFEFF || c == 0x00AD || c == 0x200B;
    FUZZ_CHECK(!control && !debris,
               context + CodePointName(c) + " is left at byte " + std::to_string(i));
    i += length;
  }
}

void CheckOne(std::size_t index, std::string_view text) {
  const Normalizer& n = Get(index, /*strict=*/false);
  const NormalizerOptions& o = n.options();
  const std::string context = Describe(o) + "\n  input = " + Escaped(text) + "\n  ";

  const std::string out = n.Normalize(text);
  FUZZ_CHECK(IsValidUtf8(out), context + "output is not UTF-8: " + Escaped(out));
  FUZZ_CHECK(CountLineBreaks(out) == CountLineBreaks(text),
             context + "line count " + std::to_string(CountLineBreaks(text)) + " became " +
                 std::to_string(CountLineBreaks(out)) + ": " + Escaped(out));
  if (!n.IsNormalized(out)) {
    const std::string twice = n.Normalize(out);
    FUZZ_CHECK_EQ_TEXT(twice, out, context + "not idempotent");
    FUZZ_CHECK(false, context + "IsNormalized(output) is false, yet Normalize() gives it back");
  }
  FUZZ_CHECK(n.IsNormalized(text) == (out == text),
             context + "IsNormalized(input) disagrees with Normalize()");

  if (const icu::Normalizer2* form = IcuForm(o.form)) {
    UErrorCode ec = U_ZERO_ERROR;
    const bool normal = form->isNormalizedUTF8(icu::StringPiece(out.data(), out.size()), ec);
    FUZZ_CHECK(U_SUCCESS(ec) && normal, context + "output is not in the form: " + Escaped(out));
  }
  CheckLines(text, out, o, context);
  if (o.normalize_whitespace) CheckWhitespaceRule(out, o, context);
  if (o.remove_invisibles) CheckNoInvisibles(out, o, context);

  // The Status form appends, and its stats count what it saw.
  std::string appended = "kept\n";
  NormalizeStats stats;
  const Status s = n.Normalize(text, &appended, &stats);
  FUZZ_CHECK(s.ok(), context + "non-strict Normalize failed: " + s.ToString());
  FUZZ_CHECK_EQ_TEXT(appended, "kept\n" + out, context + "the Status form differs");
  FUZZ_CHECK(stats.lines_changed <= stats.lines, context + "more lines changed than seen");

  // strict_utf8: the first ill-formed byte is the error, with its place.
  const Normalizer& strict = Get(index, /*strict=*/true);
  std::string strict_out;
  const Status st = strict.Normalize(text, &strict_out);
  const std::size_t invalid = FirstInvalidUtf8(text);
  if (invalid == text.size()) {
    FUZZ_CHECK(st.ok(), context + "strict mode refused valid UTF-8: " + st.ToString());
    FUZZ_CHECK_EQ_TEXT(strict_out, out, context + "strict mode gave another text");
    return;
  }
  FUZZ_CHECK(!st.ok() && st.code() == ErrorCode::kInvalidInput,
             context + "strict mode accepted invalid UTF-8 at byte " + std::to_string(invalid));
  const SourcePosition& at = st.where();
  const std::size_t line_start = LineStart(text, invalid);
  FUZZ_CHECK(at.offset == invalid, context + "error at byte " + std::to_string(at.offset) +
                                       ", the first invalid byte is " + std::to_string(invalid));
  FUZZ_CHECK(at.line == CountLineBreaks(text.substr(0, line_start)) + 1,
             context + "error on line " + std::to_string(at.line));
  FUZZ_CHECK(at.column == invalid - line_start + 1,
             context + "error in column " + std::to_string(at.column));
  FUZZ_CHECK_EQ_TEXT(strict_out, n.Normalize(text.substr(0, line_start)),
                     context + "strict mode's output is not the lines before the error");
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  normkit::fuzz::CheckOne(data[0] % normkit::fuzz::kOptionSets, text);
  return 0;
}
