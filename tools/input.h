// Reading inputs in chunks that end at a line break, so that no line and no
// character is ever split between two calls into the library.
#ifndef NORMKIT_TOOLS_INPUT_H_
#define NORMKIT_TOOLS_INPUT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace normkit::tools {

// One open input: a file, or standard input for "-".
class InputFile {
 public:
  // Opens `path` ("-" is standard input). On failure returns nullptr and
  // puts the reason (strerror) into *error.
  static std::unique_ptr<InputFile> Open(const std::string& path,
                                         std::string* error);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The name for messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }

  // The next chunk: whole lines (each ending in '\n'), except for the last
  // chunk of the input, which may end without one. A line longer than
  // `chunk_size` makes the chunk grow to hold it. Empty at the end of input.
  // `*first_line` is the number (from 1) of the chunk's first line and
  // `*offset` its byte offset in the input. Returns false on a read error.
  bool NextChunk(std::string_view* chunk, std::size_t* first_line,
                 std::size_t* offset, std::string* error);

  // Reads everything that is left.
  bool ReadAll(std::string* out, std::string* error);

  static constexpr std::size_t kDefaultChunkSize = 1 << 20;

 private:
  InputFile(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  bool Fill(std::string* error);  // reads more into buffer_

  int fd_;
  std::string name_;
  std::string buffer_;
  std::size_t start_ = 0;      // the unread part of buffer_ starts here
  bool eof_ = false;
  std::size_t next_line_ = 1;  // line number of the byte at start_
  std::size_t next_offset_ = 0;
};

// Opens every path up front, so that a missing file stops the run before any
// output is written. No paths means standard input.
bool OpenInputs(const std::vector<std::string>& paths,
                std::vector<std::unique_ptr<InputFile>>* inputs,
                std::string* error);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_INPUT_H_
