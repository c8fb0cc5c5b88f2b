// Compressed output in independent pieces: each piece of output (a chunk of
// lines from one worker) becomes one complete gzip member (RFC 1952, 2.2: a
// file is a series of members) or one zstd frame (RFC 8878, 3.1: frames are
// concatenated), so the workers compress in parallel and the output side
// only writes. gzip -dc, zstd -dc and normkit's own reader (input.h) read the
// pieces back as one stream.
#ifndef NORMKIT_TOOLS_COMPRESSION_H_
#define NORMKIT_TOOLS_COMPRESSION_H_

#include <string>
#include <string_view>

#include "input.h"  // Compression

namespace normkit::tools {

// What the name asks for: ".gz" gzip, ".zst" zstd, anything else none.
Compression CompressionForName(std::string_view path);

// Appends `bytes` as one complete member or frame to *out (nothing for
// kNone: the bytes themselves). False, with the library's reason in *error,
// when the compressor fails. Safe on any thread.
bool AppendCompressed(Compression compression, std::string_view bytes, std::string* out,
                      std::string* error);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_COMPRESSION_H_
