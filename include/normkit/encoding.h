// Legacy charsets to UTF-8, for old Russian and Ukrainian web text that
// still comes as windows-1251, KOI8-R, KOI8-U, cp866 or ISO-8859-5.
//
// Example:
//   auto cp1251 = normkit::CharsetDecoder::Create("windows-1251");
//   std::string utf8;
//   std::size_t undefined = cp1251->Decode(bytes, &utf8);
//
// A CharsetDecoder is immutable once created: share it between threads.
#ifndef NORMKIT_ENCODING_H_
#define NORMKIT_ENCODING_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "normkit/export.h"
#include "normkit/status.h"

namespace normkit {

class NORMKIT_EXPORT CharsetDecoder {
 public:
  // Any single-byte charset Boost.Locale knows whose bytes 00..7F are ASCII
  // (so line breaks stay where they are and text converts chunk by chunk).
  // kInvalidArgument for an unknown charset, a multi-byte one (Shift_JIS)
  // or one that is not ASCII-based (UTF-16).
  static Result<CharsetDecoder> Create(std::string_view charset);

  // Appends `bytes` as UTF-8. A byte the charset leaves undefined (0x98 in
  // windows-1251) becomes U+FFFD. Returns how many bytes did; the offset of
  // the first goes to *first_undefined when given.
  std::size_t Decode(std::string_view bytes, std::string* out,
                     std::size_t* first_undefined = nullptr) const;

  const std::string& name() const;

 private:
  struct Table;
  explicit CharsetDecoder(std::shared_ptr<const Table> table);
  std::shared_ptr<const Table> table_;
};

// The whole of `bytes` in `charset` as UTF-8; a byte the charset leaves
// undefined is an error (kInvalidInput) naming its offset.
NORMKIT_EXPORT Result<std::string> DecodeCharset(std::string_view bytes, std::string_view charset);

// True when CharsetDecoder::Create(charset) succeeds.
NORMKIT_EXPORT bool IsSupportedCharset(std::string_view charset);

// What the start of a file says about its charset (DetectCharset).
struct NORMKIT_EXPORT DetectedCharset {
  // "UTF-8", "UTF-16LE", "UTF-16BE" (from a byte order mark), or one of
  // "windows-1251", "KOI8-R", "IBM866", "ISO-8859-5".
  std::string name;
  bool bom = false;  // the bytes start with a byte order mark
};

// Reads `head` (the first bytes of a file; 64 KB is plenty) for its
// charset: a byte order mark decides; text that is valid UTF-8 is UTF-8;
// otherwise the Cyrillic single-byte charset under which the text reads
// best: ICU's charset detection (ucsdet) proposes windows-1251, KOI8-R
// and ISO-8859-5, and each candidate, cp866 too (which ucsdet lacks), is
// decoded and scored by its letters (small Cyrillic letters count for it;
// box drawing, signs and non-Russian letters among them, and case that
// flips inside words, against it). Only ASCII-based charsets are
// proposed, so the result decodes chunk by chunk.
NORMKIT_EXPORT DetectedCharset DetectCharset(std::string_view head);

// UTF-16 bytes (a byte order mark at the start is dropped) appended to
// *out as UTF-8. An unpaired surrogate, or an odd last byte, becomes
// U+FFFD; returns how many did.
NORMKIT_EXPORT std::size_t DecodeUtf16(std::string_view bytes, bool big_endian, std::string* out);

}  // namespace normkit

#endif  // NORMKIT_ENCODING_H_
