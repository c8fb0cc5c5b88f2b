// Reading and writing corpora: plain, gzip or zstd, known by content when
// reading (magic bytes) and by name when writing (.gz, .zst). Streams in
// fixed-size blocks: memory does not grow with the file.
#ifndef NORMKIT_TOOLS_CORPUS_IO_H_
#define NORMKIT_TOOLS_CORPUS_IO_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "output.h"

namespace normkit::tools {

enum class Compression { kNone, kGzip, kZstd };

// Reads a file (or standard input for "-"), decompressing as it goes.
class CorpusReader {
 public:
  static std::unique_ptr<CorpusReader> Open(const std::string& path, std::string* error);
  ~CorpusReader();

  // Appends up to about `want` more decompressed bytes to *out; false at the
  // end of input (with nothing appended) or on an error (*error set).
  bool Read(std::size_t want, std::string* out, std::string* error);

  const std::string& name() const { return name_; }
  Compression compression() const { return compression_; }
  std::uint64_t consumed() const { return consumed_; }  // raw bytes read so far
  std::uint64_t size() const { return size_; }          // raw size, 0 if unknown

  struct Decoder;

 private:
  CorpusReader();
  bool Fill(std::string* error);  // more raw bytes into raw_

  int fd_ = -1;
  std::string name_;
  Compression compression_ = Compression::kNone;
  std::uint64_t consumed_ = 0, size_ = 0;
  std::string raw_;
  std::size_t raw_at_ = 0;
  bool eof_ = false;
  std::unique_ptr<Decoder> decoder_;
};

// Writes to an Output, compressing as the output's name says.
class CorpusWriter {
 public:
  CorpusWriter();
  ~CorpusWriter();
  // `path` empty or "-": standard output, uncompressed.
  bool Open(const std::string& path, std::string* error);
  bool Write(std::string_view bytes, std::string* error);
  bool Finish(std::string* error);  // flushes the compressor, commits
  std::uint64_t written() const { return written_; }  // uncompressed bytes

  struct Encoder;

 private:
  Output output_;
  Compression compression_ = Compression::kNone;
  std::unique_ptr<Encoder> encoder_;
  std::uint64_t written_ = 0;
};

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_CORPUS_IO_H_
