// Reading inputs: a file or standard input, plain, gzip or zstd (known by
// the first bytes, not by the name), handed out in chunks of whole lines so
// that no line and no character is ever split between two calls into the
// library. Memory does not grow with the file: a chunk is about 256 KB, more
// only for a line longer than that.
#ifndef NORMKIT_TOOLS_INPUT_H_
#define NORMKIT_TOOLS_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace normkit::tools {

enum class Compression { kNone, kGzip, kZstd };

// One piece of one input: whole lines (a line ends at LF, CRLF or a lone
// CR; see core/line_breaks.h), numbered from `first_line`, starting at
// byte `offset` of the input (decompressed).
struct Chunk {
  std::string_view text;
  std::size_t input = 0;  // which input, counted from 0
  std::size_t first_line = 1;
  std::uint64_t offset = 0;
  // The input's first byte that is not a space, a line break or a BOM (0
  // while none was read): content-sniffing ("JSON Lines start with {")
  // gives the same answer for every chunk of one input.
  char first_byte = 0;
  // The input's first bytes (up to kHeadSize, decompressed), the same for
  // every chunk of one input: `--encoding auto` reads the charset there.
  // Valid as long as the Input is.
  std::string_view head;
};

class Input {
 public:
  // Opens `path` ("-" is standard input) and reads its first bytes to tell
  // the compression. On failure returns nullptr with the reason in *error.
  static std::unique_ptr<Input> Open(const std::string& path, std::string* error);
  ~Input();
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  // The name for messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }
  Compression compression() const { return compression_; }
  std::uint64_t size() const { return size_; }          // on disk; 0 if not known
  std::uint64_t consumed() const { return consumed_; }  // bytes read from disk so far

  // The next chunk of whole lines into *chunk (its text points into this
  // object and is valid until the next call). The last chunk of an input may
  // end without a line ending. False at the end of the input, and on an
  // error, with *error set: a read error, corrupt compressed data, or a
  // compressed input that ends in the middle (truncated). Before such an
  // error every complete line read is handed out; an incomplete last line
  // of a truncated input is not.
  bool NextChunk(Chunk* chunk, std::string* error);

  // NextChunk, with the chunk's bytes moved into *owned (chunk->text points
  // there) instead of left in this object: no copy of the chunk. *owned's
  // old buffer is kept for the bytes that follow, so buffers that are given
  // back this way are used again rather than allocated afresh.
  bool TakeChunk(std::string* owned, Chunk* chunk, std::string* error);

  // Reads everything that is left into *out (for commands that take whole
  // files: one article a file).
  bool ReadAll(std::string* out, std::string* error);

  // A chunk is about this size: small enough to stay in a core's cache from
  // the read to the write, large enough that handing it to a thread costs
  // next to nothing.
  static constexpr std::size_t kChunkSize = 1 << 18;
  // The first bytes of an input, for the charset detection of --encoding auto.
  static constexpr std::size_t kHeadSize = 1 << 16;

  struct Decoder;

 private:
  Input();
  bool ReadRaw(std::string* error);                        // more bytes from the file into raw_
  bool ReadInto(std::string* buffer, std::string* error);  // appends a read's bytes
  bool Decode(std::string* error);                         // more decompressed bytes into text_
  void NoteFirstByte(std::string_view text);

  int fd_ = -1;
  std::string name_;
  Compression compression_ = Compression::kNone;
  std::uint64_t size_ = 0, consumed_ = 0;
  std::string raw_;  // bytes read, not yet decompressed
  std::size_t raw_at_ = 0;
  bool raw_eof_ = false;
  std::unique_ptr<Decoder> decoder_;

  std::string text_;  // decompressed bytes, not yet handed out
  std::size_t text_at_ = 0;
  bool text_eof_ = false;
  std::string pending_error_;  // reported once the complete lines are out
  std::size_t next_line_ = 1;
  std::uint64_t next_offset_ = 0;
  char first_byte_ = 0;
  std::string head_;  // Chunk::head
};

// Opens every path up front, so that a missing file stops the run before any
// output is written. No paths means standard input.
bool OpenInputs(const std::vector<std::string>& paths, std::vector<std::unique_ptr<Input>>* inputs,
                std::string* error);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_INPUT_H_
