// Where a subcommand writes: standard output, or -o FILE, compressed as the
// name says (.gz, .zst).
//
// A regular file (or a new path) is written to a temporary file beside it
// and renamed over it when complete, so an interrupted run never leaves half
// a file and -o may even name an input. Through a symbolic link, the link's
// target is written that way and the link stays. Anything else, a device
// (/dev/null), a FIFO, a terminal, is opened and written in place: renaming
// over it would replace the device with a file. /dev/stdout, /dev/stderr
// and /dev/fd/N write to the descriptor itself.
#ifndef NORMKIT_TOOLS_OUTPUT_H_
#define NORMKIT_TOOLS_OUTPUT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "input.h"

namespace normkit::tools {

class Output {
 public:
  Output();
  ~Output();  // an uncommitted temporary file is removed
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // "-" or "" is standard output (never compressed). `compress` false
  // writes the bytes as they are whatever the name (a JSON summary).
  bool Open(const std::string& path, std::string* error, bool compress = true);
  // `bytes` compressed as the name says: one gzip member or zstd frame a
  // call (compression.h).
  bool Write(std::string_view bytes, std::string* error);
  // A piece compressed already (AppendCompressed with compression()), of
  // `bytes` bytes before compression ending in `last_byte`: the workers
  // compress their own chunks.
  bool WriteCompressed(std::string_view piece, std::uint64_t bytes, char last_byte,
                       std::string* error);
  Compression compression() const { return compression_; }
  // Ends the compressed stream, flushes, and for a renamed file puts it in
  // place. Every write error shows here at the latest.
  bool Commit(std::string* error);

  // The name for messages.
  const std::string& name() const { return name_; }
  std::uint64_t written() const { return written_; }  // before compression
  // The last byte written (before compression), 0 if none.
  char last_byte() const { return last_byte_; }

 private:
  bool WriteRaw(std::string_view bytes, std::string* error);
  bool Fail(const std::string& what, std::string* error);

  int fd_ = 1;
  bool own_fd_ = false;  // fd_ is ours to close
  std::string name_ = "<stdout>";
  std::string target_;     // the path a temporary file is renamed to
  std::string temporary_;  // the temporary file, while it is being written
  bool committed_ = false;
  Compression compression_ = Compression::kNone;
  std::uint64_t pieces_ = 0;  // compressed pieces written
  std::uint64_t written_ = 0;
  char last_byte_ = 0;
};

// Remembers which of the standard descriptors (0, 1, 2) the process was
// started without and opens /dev/null on them, so that no file of ours
// takes their numbers (a temporary output file read back as standard input).
// Call first thing in main().
void ReserveStandardDescriptors();
bool StandardInputClosed();
bool StandardOutputClosed();

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_OUTPUT_H_
