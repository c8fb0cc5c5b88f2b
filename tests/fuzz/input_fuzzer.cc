// The command line's input layer (tools/input.h) on any bytes: plain, gzip
// or zstd as the first bytes say, whole or cut short, corrupt anywhere.
//
// Properties:
//  - it never crashes, and it ends: every call either hands out a chunk or
//    stops;
//  - chunks are whole lines: each but the last ends with a line break (LF
//    or CR), and none splits a CRLF;
//  - line numbers and offsets run on without a gap from chunk to chunk;
//  - plain input comes out byte for byte, with no error;
//  - an error names the input.
#include <sys/mman.h>
#include <unistd.h>

#include <string>

#include "fuzz_support.h"
#include "input.h"

namespace normkit::fuzz {
namespace {

void Check(std::string_view bytes) {
  // The bytes as a file with a name: a memory file, opened by its /proc path
  // as the tool opens any path.
  static const int fd = memfd_create("normkit-fuzz-input", 0);
  FUZZ_CHECK(fd >= 0, std::string("memfd_create failed"));
  FUZZ_CHECK(ftruncate(fd, 0) == 0, std::string("ftruncate failed"));
  FUZZ_CHECK(pwrite(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()),
             std::string("pwrite failed"));
  const std::string path = "/proc/self/fd/" + std::to_string(fd);

  std::string error;
  std::unique_ptr<tools::Input> input = tools::Input::Open(path, &error);
  FUZZ_CHECK(input != nullptr, "cannot open the memory file: " + error);
  const std::string context = "\n  input = " + Escaped(bytes);

  std::string all;
  std::size_t next_line = 1;
  std::uint64_t next_offset = 0;
  bool ended_line = true, ended_with_cr = false;
  tools::Chunk chunk;
  while (input->NextChunk(&chunk, &error)) {
    FUZZ_CHECK(!chunk.text.empty(), "an empty chunk" + context);
    FUZZ_CHECK(ended_line, "a chunk after one that did not end its line" + context);
    FUZZ_CHECK(!(ended_with_cr && chunk.text.front() == '\n'), "a CRLF split" + context);
    FUZZ_CHECK(chunk.first_line == next_line && chunk.offset == next_offset,
               "line " + std::to_string(chunk.first_line) + " at " + std::to_string(chunk.offset) +
                   ", expected " + std::to_string(next_line) + " at " +
                   std::to_string(next_offset) + context);
    const char last = chunk.text.back();
    ended_line = last == '\n' || last == '\r';
    ended_with_cr = last == '\r';
    next_line += CountLineBreaks(chunk.text);
    next_offset += chunk.text.size();
    all.append(chunk.text);
    FUZZ_CHECK(all.size() < (std::size_t{64} << 20), "more than 64 MB out" + context);
  }
  if (!error.empty()) {
    FUZZ_CHECK(error.find(path) != std::string::npos,
               "the error does not name the input: " + error);
  }
  if (input->compression() == tools::Compression::kNone) {
    FUZZ_CHECK(error.empty(), "an error on plain input: " + error + context);
    FUZZ_CHECK_EQ_TEXT(all, std::string(bytes), "plain input changed");
  }
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  normkit::fuzz::Check(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
