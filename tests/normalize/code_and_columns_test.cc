// Unit tests for "Code and columns" in normkit/normalizer.h: whitespace that
// carries meaning (indentation, tabs, code blocks) comes through the default
// normalizer, while runs of spaces in prose are still collapsed.
//
// Expected values come from the header's rules and from CommonMark 0.31
// (fenced code blocks, section 4.5; indented code blocks, section 4.4), not
// from running the code. The cases look like what corpora hold: Python in a
// fence, Telegram's way of writing fences, a TSV row with an empty field, a
// nested Markdown list.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "normkit/normalizer.h"

namespace normkit {
namespace {

Normalizer Make(const NormalizerOptions& options = {}) {
  Result<Normalizer> n = Normalizer::Create(options);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return std::move(n).value();
}

std::string Norm(std::string_view text, const NormalizerOptions& options = {}) {
  const Normalizer n = Make(options);
  const std::string once = n.Normalize(text);
  // Every case here must also be a fixed point.
  EXPECT_EQ(n.Normalize(once), once) << "not idempotent on: " << text;
  return once;
}

NormalizerOptions Punct() {
  NormalizerOptions o;
  o.punct = true;
  return o;
}

// ---------------------------------------------------------------------------
// Tabs.

TEST(Columns, TabSeparatedRowKeepsItsEmptyField) {
  // id, name, (empty) middle name, city: four fields, three tabs.
  EXPECT_EQ(Norm("17\tTokayev\t\tAstana\n"), "17\tTokayev\t\tAstana\n");
  // An empty last field: the trailing tab is a column, not trailing space.
  EXPECT_EQ(Norm("18\tNazarbayev\t\t\n"), "18\tNazarbayev\t\t\n");
  // A row of empty fields.
  EXPECT_EQ(Norm("\t\t\t\n"), "\t\t\t\n");
}

TEST(Columns, SpacesBesideTabsAreOrdinaryRuns) {
  // A run of spaces becomes one space whether a tab stands beside it or
  // not; the tabs are never touched.
  EXPECT_EQ(Norm("a  \t  b"), "a \t b");
  EXPECT_EQ(Norm("a \t b"), "a \t b");
  EXPECT_EQ(Norm("a\t  \tb"), "a\t \tb");
  // Trailing spaces go, also after a tab; the tab stays.
  EXPECT_EQ(Norm("a\t  "), "a\t");
  EXPECT_EQ(Norm("a  \t"), "a \t");
}

TEST(Columns, EveryLineKeepsItsTabCount) {
  // (Prose lines: after a blank line, an indentation of 4 columns or more
  // would be indented code.)
  EXPECT_EQ(Norm("x\t\ty  z\t\n\t  \tv  \n  \t \tq\t\t \n"), "x\t\ty z\t\n\t  \tv\n  \t \tq\t\t\n");
}

// ---------------------------------------------------------------------------
// Indentation.

TEST(Indentation, NestedMarkdownListKeepsItsNesting) {
  EXPECT_EQ(Norm("- fruit\n  - apple  pie\n    - with  cream\n- bread\n"),
            "- fruit\n  - apple pie\n    - with cream\n- bread\n");
  // Numbered, with a tab.
  EXPECT_EQ(Norm("1. one\n\t2. two  words\n"), "1. one\n\t2. two words\n");
}

TEST(Indentation, UnicodeSpacesAreMappedOneForOne) {
  // NBSP, ideographic and em spaces in indentation become ASCII spaces,
  // one each: the width in characters stays.
  EXPECT_EQ(Norm("\u00A0\u00A0- item"), "  - item");
  EXPECT_EQ(Norm("\u3000\u2003x  y"), "  x y");
  EXPECT_EQ(Norm("para\n\u00A0 \u00A0 - a  b"), "para\n    - a b");
  // VT and FF are spaces to the rule too.
  EXPECT_EQ(Norm("x\n\v\fy"), "x\n  y");
}

TEST(Indentation, InvisibleCharactersGoAndTakeNoWidth) {
  EXPECT_EQ(Norm(" \u200B x"), "  x");
  EXPECT_EQ(Norm("\uFEFF  x"), "  x");
}

TEST(Indentation, BlankLinesLoseTheirSpacesButNotTheirTabs) {
  EXPECT_EQ(Norm("a\n    \nb"), "a\n\nb");
  EXPECT_EQ(Norm("a\n \t \nb"), "a\n \t\nb");
}

// ---------------------------------------------------------------------------
// Fenced code blocks.

constexpr std::string_view kPythonPost =
    "Пример  кода:\n"
    "```python\n"
    "def append(number, number_list=None):\n"
    "    if number_list is None:\n"
    "        number_list = []  # a new list each call\n"
    "    number_list.append(number)   \n"
    "\n"
    "    return number_list\n"
    "```\n"
    "Теперь  всё  работает.\n";

TEST(FencedCode, PythonComesOutByteForByte) {
  const std::string out = Norm(kPythonPost);
  const std::string_view code = kPythonPost.substr(
      kPythonPost.find("```"), kPythonPost.rfind("```") + 4 - kPythonPost.find("```"));
  EXPECT_NE(out.find(code), std::string::npos) << out;
  // Prose around the block is still tidied.
  EXPECT_TRUE(out.starts_with("Пример кода:\n")) << out;
  EXPECT_TRUE(out.ends_with("\nТеперь всё работает.\n")) << out;
}

TEST(FencedCode, TelegramWritesTheCodeOnTheFenceLines) {
  // Telegram's Markdown export puts the first line of code right after
  // the opening fence and the closing fence right after the last line.
  const std::string post =
      "Анти-паттерн:\n"
      "```def f(x=[]):\n"
      "    x.append(1)\n"
      "    return  x```\n"
      "Вывод:  [1]\n";
  EXPECT_EQ(Norm(post),
            "Анти-паттерн:\n"
            "```def f(x=[]):\n"
            "    x.append(1)\n"
            "    return  x```\n"
            "Вывод: [1]\n");
  // Text after the closing fence on the same line: the line stays whole.
  EXPECT_EQ(Norm("```print(round(3.5))  # 4```__\n__2  x"),
            "```print(round(3.5))  # 4```__\n__2 x");
  // Code that starts with spaces right after the fence.
  EXPECT_EQ(Norm("```    s = \"cat\"\n    t = \"dog\"```\nx  y"),
            "```    s = \"cat\"\n    t = \"dog\"```\nx y");
}

TEST(FencedCode, OneLineBlock) {
  EXPECT_EQ(Norm("```wget -qO-  https://example.org | bash```\nnext  line"),
            "```wget -qO-  https://example.org | bash```\nnext line");
}

TEST(FencedCode, InfoStringsAndTildes) {
  EXPECT_EQ(Norm("```go  \nfmt.Println(i,  x)\n```\na  b"),
            "```go  \nfmt.Println(i,  x)\n```\na b");
  EXPECT_EQ(Norm("~~~ python\n  x  =  1\n~~~\na  b"), "~~~ python\n  x  =  1\n~~~\na b");
  // A tilde block ends only at a line of tildes (at least as many),
  // indented up to three spaces, with nothing but spaces after.
  EXPECT_EQ(Norm("~~~~\n  a  b\n~~~\n  c  d\n~~~ x\n   ~~~~~  \ne  f"),
            "~~~~\n  a  b\n~~~\n  c  d\n~~~ x\n   ~~~~~  \ne f");
  // Backticks do not close a tilde block, nor tildes a backtick block.
  EXPECT_EQ(Norm("~~~\n```\n  a  b\n~~~\nc  d"), "~~~\n```\n  a  b\n~~~\nc d");
  EXPECT_EQ(Norm("```\n~~~\n  a  b\n```\nc  d"), "```\n~~~\n  a  b\n```\nc d");
}

TEST(FencedCode, FourBackticksHoldThree) {
  // A Markdown example inside a Markdown document.
  const std::string doc =
      "````markdown\n"
      "```python\n"
      "x  =  1\n"
      "```\n"
      "  after  the  inner  fence\n"
      "````\n"
      "back  to  prose\n";
  EXPECT_EQ(Norm(doc),
            "````markdown\n"
            "```python\n"
            "x  =  1\n"
            "```\n"
            "  after  the  inner  fence\n"
            "````\n"
            "back to prose\n");
}

TEST(FencedCode, WhatIsNoFence) {
  // Two backticks; a fence indented 4 columns (after a paragraph line, so
  // no indented code either); a fence after a tab; a fence mid-line.
  EXPECT_EQ(Norm("``\na  b"), "``\na b");
  EXPECT_EQ(Norm("text\n    ```\na  b"), "text\n    ```\na b");
  EXPECT_EQ(Norm("text\n\t```\na  b"), "text\n\t```\na b");
  EXPECT_EQ(Norm("run  ```ls```\na  b"), "run ```ls```\na b");
  // Indented up to three spaces it is one.
  EXPECT_EQ(Norm("   ```\na  b\n   ```\nc  d"), "   ```\na  b\n   ```\nc d");
}

TEST(FencedCode, LineBreaksInsideAreStillNormalized) {
  // CRLF and a lone CR become LF inside a block as well: a line break is
  // not part of a line, and N lines in still gives N lines out.
  EXPECT_EQ(Norm("```\r\n  a  b \r\n```\r\nx  y\r\n"), "```\n  a  b \n```\nx y\n");
  EXPECT_EQ(Norm("```\r  a  b\r```\rx  y"), "```\n  a  b\n```\nx y");
}

TEST(FencedCode, UnclosedFenceRunsToTheEndOfTheText) {
  // As in CommonMark. A truncated post keeps its code; the price is that
  // the prose after a stray fence keeps its spaces too, up to the end of
  // what this call was given (one document, or one chunk of a file).
  EXPECT_EQ(Norm("a  b\n```\n  x  =  1\n\nc  d\n"), "a b\n```\n  x  =  1\n\nc  d\n");
  // Each call starts outside any block.
  const Normalizer n = Make();
  EXPECT_EQ(n.Normalize("```\n"), "```\n");
  EXPECT_EQ(n.Normalize("  x  =  1\n"), "  x = 1\n");
}

TEST(FencedCode, OtherRulesStillApplyInside) {
  // Invalid UTF-8 is repaired, invisible debris goes, the form applies:
  // code with a zero-width space or a decomposed letter in it is broken or
  // unsearchable code. Only the whitespace rule (and punct) stays out.
  EXPECT_EQ(Norm("```\nx\u200B  =  'e\u0301'  \xFF\n```"), "```\nx  =  '\u00E9'  \uFFFD\n```");
  // Spaces the rule would map are kept in code, as they were written.
  EXPECT_EQ(Norm("```\n\u00A0\u00A0x\f= 1\n```"), "```\n\u00A0\u00A0x\f= 1\n```");
  // A fence hidden behind debris is a fence once the debris is gone, on the
  // first pass as on the second.
  EXPECT_EQ(Norm("\u200B```\n  a  b\n```"), "```\n  a  b\n```");
  // A NBSP before a fence counts as the space it becomes elsewhere.
  EXPECT_EQ(Norm("\u00A0```\n  a  b\n```"), "\u00A0```\n  a  b\n```");
}

// ---------------------------------------------------------------------------
// Indented code.

TEST(IndentedCode, AfterABlankLineItIsKept) {
  EXPECT_EQ(Norm("Run  this:\n\n    x  =  1\n    y  =  2\n\n    z  =  3\nand  then"),
            "Run this:\n\n    x  =  1\n    y  =  2\n\n    z  =  3\nand then");
  EXPECT_EQ(Norm("Run:\n\n\tmake  test\n"), "Run:\n\n\tmake  test\n");
  // At the start of the text (a document's first line).
  EXPECT_EQ(Norm("    a  b\n    c  d"), "    a  b\n    c  d");
  // After a fenced block.
  EXPECT_EQ(Norm("```\nx\n```\n    a  b"), "```\nx\n```\n    a  b");
}

TEST(IndentedCode, InsideAParagraphItIsProse) {
  // A deeply nested list item or a wrapped line continues a paragraph
  // (CommonMark: indented code cannot interrupt one); its indentation is
  // kept all the same.
  EXPECT_EQ(Norm("- a\n  - b\n    - c  d"), "- a\n  - b\n    - c d");
  EXPECT_EQ(Norm("para\n      more  text"), "para\n      more text");
  // Three columns are not enough after a blank line.
  EXPECT_EQ(Norm("x\n\n   a  b"), "x\n\n   a b");
}

// ---------------------------------------------------------------------------
// Typography and --keep-whitespace.

TEST(Punct, LeavesCodeAlone) {
  // Quotes, dashes and spacing inside code are syntax, not typography.
  const std::string code = "```\nx = a - b  # \"ratio\" ...\nprint( x , 'done' )\n```\n";
  EXPECT_EQ(Norm(code + "a - b ,,", Punct()), code + "a \u2014 b,");
}

TEST(Punct, KeepsIndentationAndListMarkers) {
  EXPECT_EQ(Norm("  - item\n    - nested , item", Punct()), "  - item\n    - nested, item");
  EXPECT_EQ(Norm("   ... x", Punct()), "   ... x");
  EXPECT_EQ(Norm("\t , x", Punct()), "\t , x");
}

TEST(KeepWhitespace, NothingChangesAndCodeStillStopsPunct) {
  NormalizerOptions o;
  o.normalize_whitespace = false;
  EXPECT_EQ(Norm("a  b\t\t\n  c  \r\n", o), "a  b\t\t\n  c  \r\n");
  o.punct = true;
  EXPECT_EQ(Norm("```\n\"a\" - b\n```\n\"a\" - b", o), "```\n\"a\" - b\n```\n\"a\" \u2014 b");
}

// ---------------------------------------------------------------------------
// The quick path and the slow path agree.

TEST(QuickPath, CleanAndDirtyLinesInOneBlock) {
  // Clean code lines go through the quick check, dirty ones (a CR, a NBSP,
  // a soft hyphen) through the slow path; both must see the same block.
  const std::string in =
      "```\n"
      "clean  line\n"
      "dirty\u00AD  line\n"
      "crlf  line\r\n"
      "```\n"
      "prose  line\n"
      "dirty\u00AD  prose\n";
  EXPECT_EQ(Norm(in),
            "```\n"
            "clean  line\n"
            "dirty  line\n"
            "crlf  line\n"
            "```\n"
            "prose line\n"
            "dirty prose\n");
  const Normalizer n = Make();
  EXPECT_TRUE(n.IsNormalized("```\n  a  b\n```\n"));
  EXPECT_FALSE(n.IsNormalized("  a  b\n"));
  EXPECT_TRUE(n.IsNormalized("  a b\n\t\tc\t\n"));
}

TEST(QuickPath, StatsCountOnlyChangedLines) {
  NormalizeStats stats;
  std::string out;
  ASSERT_TRUE(Make().Normalize("```\n  a  b\n```\n  c  d\n", &out, &stats).ok());
  // Three lines of a block, kept; a prose line indented by two, tidied.
  EXPECT_EQ(out, "```\n  a  b\n```\n  c d\n");
  EXPECT_EQ(stats.lines, 4u);
  EXPECT_EQ(stats.lines_changed, 1u);
}

}  // namespace
}  // namespace normkit
