// Legacy charsets to UTF-8, for old Russian and Ukrainian web text that
// still comes as windows-1251, KOI8-R, KOI8-U or cp866.
//
// Example:
//   normkit::Result<std::string> utf8 =
//       normkit::DecodeCharset(bytes, "windows-1251");
//
// Stateless: safe from any number of threads.
#ifndef NORMKIT_ENCODING_H_
#define NORMKIT_ENCODING_H_

#include <string>
#include <string_view>

#include "normkit/status.h"

namespace normkit {

// Converts `bytes` in `charset` to UTF-8. The charset must be ASCII-based
// (the line breaks of the input stay where they are, so text can be
// converted line by line); UTF-16 and UTF-32 are refused. A byte that the
// charset does not define is an error naming its offset.
Result<std::string> DecodeCharset(std::string_view bytes,
                                  std::string_view charset);

// True when `charset` is one DecodeCharset() accepts.
bool IsSupportedCharset(std::string_view charset);

}  // namespace normkit

#endif  // NORMKIT_ENCODING_H_
