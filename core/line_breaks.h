// What a line is, for every part of normkit: a line ends at LF, at CRLF
// (one break), or at a lone CR (old Mac files). This is the normalizer's
// definition (normkit/normalizer.h), the Unicode Standard's mandatory breaks
// among the ASCII controls, and Python's universal newlines, so line numbers
// agree between commands and with what a Python reader counts. Internal.
#ifndef NORMKIT_CORE_LINE_BREAKS_H_
#define NORMKIT_CORE_LINE_BREAKS_H_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

namespace normkit::internal {

struct Line {
  std::string_view text;    // without its ending
  std::string_view ending;  // "\n", "\r\n", "\r", or "" for a last line without one
};

// Takes the first line off *rest.
inline Line NextLine(std::string_view* rest) {
  const std::string_view s = *rest;
  // LF is by far the usual ending: find it with memchr, then look for a CR
  // only in front of it.
  const void* lf = std::memchr(s.data(), '\n', s.size());
  const std::size_t lf_at =
      lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - s.data()) : s.size();
  const void* cr = std::memchr(s.data(), '\r', lf_at);
  std::size_t end, next;
  if (cr != nullptr) {
    end = static_cast<std::size_t>(static_cast<const char*>(cr) - s.data());
    next = end + 1;
    if (next < s.size() && s[next] == '\n') ++next;
  } else {
    end = lf_at;
    next = lf ? lf_at + 1 : s.size();
  }
  rest->remove_prefix(next);
  return {s.substr(0, end), s.substr(end, next - end)};
}

// How many line breaks `text` holds. A CR at the very end counts as a lone
// CR: callers pass text that is cut after a complete line ending (or at the
// end of the input), never between the CR and the LF of a CRLF.
inline std::size_t CountLineBreaks(std::string_view text) {
  // Counting LF bytes vectorizes; lone CRs are rare and found by memchr.
  std::size_t breaks = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  const char* p = text.data();
  const char* end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(end - p)))) !=
         nullptr) {
    ++p;
    if (p == end || *p != '\n') ++breaks;
  }
  return breaks;
}

// Whether `text` ends with a line ending (so that what follows starts a new
// line).
inline bool EndsLine(std::string_view text) {
  return !text.empty() && (text.back() == '\n' || text.back() == '\r');
}

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_LINE_BREAKS_H_
