#include "normkit/encoding.h"

#include <boost/locale/encoding.hpp>

namespace normkit {
namespace {

namespace conv = boost::locale::conv;

// Boost.Locale throws; the API does not.
Result<std::string> Convert(std::string_view bytes, const std::string& charset) {
  try {
    return conv::to_utf<char>(bytes.data(), bytes.data() + bytes.size(),
                              charset, conv::stop);
  } catch (const conv::invalid_charset_error&) {
    return Status(ErrorCode::kInvalidArgument,
                  "unknown charset '" + charset + "'");
  } catch (const conv::conversion_error&) {
    // Find the first byte that does not convert, for the message.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      try {
        conv::to_utf<char>(bytes.data() + i, bytes.data() + i + 1, charset,
                           conv::stop);
      } catch (const conv::conversion_error&) {
        return Status(ErrorCode::kInvalidInput,
                      "byte 0x" +
                          std::string(1, "0123456789abcdef"[(bytes[i] >> 4) & 0xF]) +
                          std::string(1, "0123456789abcdef"[bytes[i] & 0xF]) +
                          " is not defined in " + charset,
                      {"", 0, 0, i});
      }
    }
    return Status(ErrorCode::kInvalidInput,
                  "text does not convert from " + charset);
  }
}

}  // namespace

bool IsSupportedCharset(std::string_view charset) {
  // ASCII-based means: printable ASCII and the line feed map to themselves.
  static constexpr std::string_view kProbe = "Az09 .,\n";
  Result<std::string> probe = Convert(kProbe, std::string(charset));
  return probe.ok() && *probe == kProbe;
}

Result<std::string> DecodeCharset(std::string_view bytes,
                                  std::string_view charset) {
  const std::string name(charset);
  if (!IsSupportedCharset(name)) {
    return Status(ErrorCode::kInvalidArgument,
                  "charset '" + name +
                      "' is unknown or not ASCII-based (use windows-1251, "
                      "koi8-r, koi8-u, cp866, iso-8859-5, ...)");
  }
  return Convert(bytes, name);
}

}  // namespace normkit
