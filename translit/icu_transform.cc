#include "normkit/icu_transform.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

#include "core/line_breaks.h"
#include "core/utf8.h"

namespace normkit {

struct IcuTransform::Impl {
  std::string id;
  std::unique_ptr<icu::Transliterator> prototype;
  // ICU transliterators keep state while they run: every call takes a clone
  // from this pool and gives it back.
  std::mutex mutex;
  std::vector<std::unique_ptr<icu::Transliterator>> idle;

  std::unique_ptr<icu::Transliterator> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty()) {
        auto t = std::move(idle.back());
        idle.pop_back();
        return t;
      }
    }
    return std::unique_ptr<icu::Transliterator>(prototype->clone());
  }
  void Release(std::unique_ptr<icu::Transliterator> t) {
    std::lock_guard<std::mutex> lock(mutex);
    idle.push_back(std::move(t));
  }
};

IcuTransform::IcuTransform(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

namespace {

icu::UnicodeString Utf16(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
}

// Where `byte` (an offset in `text`) is: line and column (in code points)
// from 1, under the one line definition (LF, CRLF, a lone CR).
SourcePosition PositionOf(std::string_view text, std::size_t byte, std::string_view file) {
  SourcePosition at{std::string(file), 1, 1, byte};
  std::size_t line_start = 0;
  for (std::string_view rest = text; !rest.empty();) {
    const internal::Line line = internal::NextLine(&rest);
    const std::size_t next = text.size() - rest.size();
    // In this line, or at the end of a last line that has no line break.
    if (byte < next || line.ending.empty()) break;
    ++at.line;
    line_start = next;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + line_start;
  const auto* end = reinterpret_cast<const unsigned char*>(text.data()) + byte;
  char32_t c;
  while (p < end) {
    p += internal::DecodeUtf8(p, end, &c);
    ++at.column;
  }
  return at;
}

// The byte offset in `text` after `units` UTF-16 code units counted from
// byte `from` (as UnicodeString::fromUTF8 reads it: an ill-formed sequence is
// one U+FFFD, one unit).
std::size_t ByteAfterUnits(std::string_view text, std::size_t from, std::int32_t units) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const unsigned char* p = begin + std::min(from, text.size());
  char32_t c;
  while (units > 0 && p < end) {
    p += internal::DecodeUtf8(p, end, &c);
    units -= c != internal::kIllFormed && c > 0xFFFF ? 2 : 1;
  }
  return static_cast<std::size_t>(p - begin);
}

// ICU's context of a parse error as UTF-8 on one line (line breaks as \n).
std::string Context(const UChar* context) {
  std::string utf8, out;
  icu::UnicodeString(context).toUTF8String(utf8);
  for (char c : utf8) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The elements of a compound id ("[:Cyrillic:]; Any-Latin; Latin-ASCII"):
// byte ranges between the semicolons outside [...] sets, spaces trimmed.
std::vector<std::pair<std::size_t, std::size_t>> IdElements(std::string_view id) {
  std::vector<std::pair<std::size_t, std::size_t>> elements;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= id.size(); ++i) {
    if (i < id.size()) {
      const char c = id[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if (c != ';' || depth > 0) continue;
    }
    std::size_t b = id.find_first_not_of(" \t", start);
    if (b == std::string_view::npos || b > i) b = i;
    std::size_t e = i;
    while (e > b && (id[e - 1] == ' ' || id[e - 1] == '\t')) --e;
    elements.emplace_back(b, e);
    start = i + 1;
  }
  return elements;
}

bool IcuKnows(std::string_view id) {
  UErrorCode ec = U_ZERO_ERROR;
  UParseError parse_error{};
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(Utf16(id), UTRANS_FORWARD, parse_error, ec));
  return U_SUCCESS(ec) && t != nullptr;
}

// ICU gives no place for an id it refuses (its UParseError stays unset for
// ids): the first element of a compound id that ICU refuses alone, leaving
// out a filter alone ("[:Cyrillic:]", "([:Latin:])"), which is no id by
// itself; else the whole id.
std::pair<std::size_t, std::size_t> RefusedElement(std::string_view id) {
  const auto elements = IdElements(id);
  if (elements.size() < 2) return {0, id.size()};
  for (const auto& [b, e] : elements) {
    const std::string_view element = id.substr(b, e - b);
    const bool filter_alone = (element.starts_with('[') && element.ends_with(']')) ||
                              (element.starts_with("([") && element.ends_with("])"));
    if (filter_alone) continue;
    if (element.empty() || !IcuKnows(element)) return {b, e};
  }
  return {0, id.size()};
}

Result<IcuTransform> Refused(std::string_view id, UErrorCode ec) {
  const auto [b, e] = RefusedElement(id);
  std::string message = b == e && !id.empty()
                            ? "an empty element"
                            : "unknown ICU transform '" + std::string(id.substr(b, e - b)) + "'";
  if (e - b != id.size()) message += " in '" + std::string(id) + "'";
  message += std::string(" (") + u_errorName(ec) + ")";
  return Status(ErrorCode::kNotFound, message, PositionOf(id, b, ""));
}

}  // namespace

Result<IcuTransform> IcuTransform::Create(std::string_view id) {
  UErrorCode ec = U_ZERO_ERROR;
  UParseError parse_error{};
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(Utf16(id), UTRANS_FORWARD, parse_error, ec));
  if (U_FAILURE(ec) || t == nullptr) return Refused(id, ec);
  auto impl = std::make_shared<Impl>();
  impl->id = std::string(id);
  impl->prototype = std::move(t);
  return IcuTransform(std::move(impl));
}

Result<IcuTransform> IcuTransform::Create(std::string_view id, std::string_view rules,
                                          std::string_view origin) {
  UErrorCode ec = U_ZERO_ERROR;
  UParseError parse_error{};
  parse_error.line = -1;
  parse_error.offset = -1;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
      Utf16(id), Utf16(rules), UTRANS_FORWARD, parse_error, ec));
  if (U_FAILURE(ec) || t == nullptr) {
    std::string message = std::string("cannot read ICU transform rules: ") + u_errorName(ec);
    if (parse_error.offset < 0) {
      return Status(ErrorCode::kRuleSyntax, message, {std::string(origin), 0, 0, 0});
    }
    // ICU counts UTF-16 units: from the start of the line it names (lines
    // from 1), or from the start of the text where it names none.
    std::size_t line_start = 0;
    for (std::string_view rest = rules; parse_error.line > 1 && !rest.empty(); --parse_error.line) {
      internal::NextLine(&rest);
      line_start = rules.size() - rest.size();
    }
    const std::size_t byte = ByteAfterUnits(rules, line_start, parse_error.offset);
    const std::string before = Context(parse_error.preContext);
    const std::string after = Context(parse_error.postContext);
    if (!after.empty()) message += " at \"" + after + "\"";
    if (!before.empty()) message += " (after \"" + before + "\")";
    return Status(ErrorCode::kRuleSyntax, message, PositionOf(rules, byte, origin));
  }
  auto impl = std::make_shared<Impl>();
  impl->id = std::string(id);
  impl->prototype = std::move(t);
  return IcuTransform(std::move(impl));
}

std::string IcuTransform::Apply(std::string_view text) const {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  std::unique_ptr<icu::Transliterator> t = impl_->Acquire();
  t->transliterate(s);
  impl_->Release(std::move(t));
  std::string out;
  s.toUTF8String(out);
  return out;
}

const std::string& IcuTransform::id() const { return impl_->id; }

}  // namespace normkit
