// HeaderCleaner: Clean() on any bytes.
//
// Input: the first byte picks the cleaner (every language; Russian;
// English; every language with a header zone of 3 lines), the rest is the
// article.
//
// Properties (include/normkit/header_cleaner.h):
//  - nothing is lost: the body with the removed lines put back at their
//    numbers is the input, byte for byte (the round trip that
//    tests/headers/header_cleaner_test.cc checks on the corpus);
//  - `lines` is the number of pieces between LFs; removed lines are listed
//    once each, in order, with a rule name;
//  - dates are ISO 8601 in a documented shape; the title, authors and
//    credits each come from one line (no LF in them).
#include <array>
#include <memory>
#include <vector>

#include "fuzz_support.h"
#include "normkit/header_cleaner.h"

namespace normkit::fuzz {
namespace {

struct Variant {
  const char* name;
  std::vector<std::string> languages;
  std::size_t max_header_lines;
};

const std::array<Variant, 4> kVariants = {{
    {"all languages", {}, 40},
    {"ru", {"ru"}, 40},
    {"en", {"en"}, 40},
    {"all languages, 3 header lines", {}, 3},
}};

const HeaderCleaner& Get(std::size_t index) {
  static auto* built = new std::array<std::unique_ptr<HeaderCleaner>, kVariants.size()>;
  std::unique_ptr<HeaderCleaner>& slot = (*built)[index];
  if (!slot) {
    HeaderCleanerOptions options;
    options.languages = kVariants[index].languages;
    options.max_header_lines = kVariants[index].max_header_lines;
    Result<HeaderCleaner> c = HeaderCleaner::Create(options);
    FUZZ_CHECK(c.ok(), c.status().ToString());
    slot = std::make_unique<HeaderCleaner>(std::move(*c));
  }
  return *slot;
}

// The input again, from the body and the removed lines at their numbers:
// the contract as the header states it, written apart from the test's copy.
std::string Reassemble(const CleanedArticle& a, const std::string& context) {
  std::vector<std::string_view> body;
  if (a.removed.size() < a.lines) {  // else the body is empty: every line went
    std::string_view rest = a.body;
    for (std::size_t lf; (lf = rest.find('\n')) != std::string_view::npos;) {
      body.push_back(rest.substr(0, lf));
      rest.remove_prefix(lf + 1);
    }
    body.push_back(rest);
  }
  std::string out;
  std::size_t next_body = 0, next_removed = 0;
  for (std::size_t line = 1; line <= a.lines; ++line) {
    if (line > 1) out += '\n';
    if (next_removed < a.removed.size() && a.removed[next_removed].line == line) {
      out += a.removed[next_removed++].text;
    } else {
      FUZZ_CHECK(next_body < body.size(),
                 context + "line " + std::to_string(line) + " is neither in the body nor removed");
      out += body[next_body++];
    }
  }
  FUZZ_CHECK(
      next_body == body.size(),
      context + "the body has " + std::to_string(body.size() - next_body) + " lines too many");
  return out;
}

void CheckOne(std::size_t index, std::string_view text) {
  const CleanedArticle a = Get(index).Clean(text);
  const std::string context =
      std::string(kVariants[index].name) + "\n  input = " + Escaped(text) + "\n  ";

  std::size_t pieces = 1;
  for (char c : text) pieces += c == '\n';
  FUZZ_CHECK(a.lines == pieces, context + "lines = " + std::to_string(a.lines) +
                                    ", the input has " + std::to_string(pieces));
  std::size_t previous = 0;
  for (const RemovedLine& r : a.removed) {
    FUZZ_CHECK(r.line > previous && r.line <= a.lines,
               context + "removed line " + std::to_string(r.line) + " out of order or range");
    FUZZ_CHECK(!r.rule.empty(),
               context + "removed line " + std::to_string(r.line) + " has no rule");
    previous = r.line;
  }
  FUZZ_CHECK_EQ_TEXT(Reassemble(a, context), text, context + "the round trip lost something");

  for (const std::optional<std::string>* date : {&a.published, &a.modified, &a.updated}) {
    if (*date) FUZZ_CHECK(IsIsoDate(**date), context + "not an ISO date: " + Escaped(**date));
  }
  std::vector<std::string> one_line = a.authors;
  one_line.insert(one_line.end(), a.photo_credits.begin(), a.photo_credits.end());
  if (a.title) one_line.push_back(*a.title);
  for (const std::string& value : one_line) {
    FUZZ_CHECK(value.find('\n') == std::string::npos,
               context + "a metadata value spans lines: " + Escaped(value));
  }
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  normkit::fuzz::CheckOne(data[0] % normkit::fuzz::kVariants.size(), text);
  return 0;
}
