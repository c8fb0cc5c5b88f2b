#include "normkit/encoding.h"

#include <array>
#include <boost/locale/encoding.hpp>

namespace normkit {
namespace {

namespace conv = boost::locale::conv;

// One byte sequence in `charset` as UTF-8, or false where the charset does
// not define it. Boost.Locale throws; the API does not.
bool ConvertBytes(std::string_view bytes, const std::string& charset, std::string* utf8) {
  try {
    *utf8 = conv::to_utf<char>(bytes.data(), bytes.data() + bytes.size(), charset, conv::stop);
    return true;
  } catch (const conv::conversion_error&) {
    return false;
  }
}

// How many code points the UTF-8 text holds (bytes that do not continue one).
std::size_t CodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

// What each byte becomes: its UTF-8, or nothing where it is undefined.
struct CharsetDecoder::Table {
  std::string name;
  std::array<std::string, 256> utf8;
  std::array<bool, 256> defined{};
};

CharsetDecoder::CharsetDecoder(std::shared_ptr<const Table> table) : table_(std::move(table)) {}

Result<CharsetDecoder> CharsetDecoder::Create(std::string_view charset) {
  auto table = std::make_shared<Table>();
  table->name = std::string(charset);
  const std::string& name = table->name;
  auto refuse = [&](const std::string& why) {
    return Status(ErrorCode::kInvalidArgument,
                  "charset '" + name + "' " + why +
                      " (single-byte charsets only: windows-1251, koi8-r, koi8-u, cp866, "
                      "iso-8859-5, ...)");
  };
  try {
    conv::to_utf<char>("a", "a" + 1, name, conv::skip);
  } catch (const conv::invalid_charset_error&) {
    return refuse("is unknown");
  } catch (const conv::conversion_error&) {
  }
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    std::string utf8;
    const bool defined = ConvertBytes(std::string_view(&byte, 1), name, &utf8) && !utf8.empty();
    if (b < 0x80 && (!defined || utf8 != std::string_view(&byte, 1))) {
      return refuse("is not ASCII-based");
    }
    if (!defined && b >= 0x80) {
      // A lead byte of a multi-byte charset converts only with what follows.
      for (const char trail : {'\x40', '\xA1'}) {
        const char pair[2] = {byte, trail};
        std::string two;
        if (ConvertBytes(std::string_view(pair, 2), name, &two) && CodePoints(two) == 1) {
          return refuse("is not a single-byte charset");
        }
      }
    }
    table->defined[b] = defined;
    table->utf8[b] = defined ? utf8 : std::string("\xEF\xBF\xBD");  // U+FFFD
  }
  return CharsetDecoder(std::move(table));
}

std::size_t CharsetDecoder::Decode(std::string_view bytes, std::string* out,
                                   std::size_t* first_undefined) const {
  const Table& t = *table_;
  std::size_t undefined = 0;
  std::size_t run = 0;  // ASCII bytes from here on are copied in one go
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) continue;
    out->append(bytes.data() + run, i - run);
    run = i + 1;
    out->append(t.utf8[b]);
    if (!t.defined[b]) {
      if (undefined == 0 && first_undefined != nullptr) *first_undefined = i;
      ++undefined;
    }
  }
  out->append(bytes.data() + run, bytes.size() - run);
  return undefined;
}

const std::string& CharsetDecoder::name() const { return table_->name; }

Result<std::string> DecodeCharset(std::string_view bytes, std::string_view charset) {
  Result<CharsetDecoder> decoder = CharsetDecoder::Create(charset);
  if (!decoder.ok()) return decoder.status();
  std::string utf8;
  std::size_t at = 0;
  if (decoder->Decode(bytes, &utf8, &at) > 0) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto b = static_cast<unsigned char>(bytes[at]);
    return Status(ErrorCode::kInvalidInput,
                  std::string("byte 0x") + kHex[b >> 4] + kHex[b & 0xF] + " is not defined in " +
                      std::string(charset),
                  {"", 0, 0, at});
  }
  return utf8;
}

bool IsSupportedCharset(std::string_view charset) { return CharsetDecoder::Create(charset).ok(); }

}  // namespace normkit
