// Where a subcommand writes: standard output, or a file that appears only
// when it is complete (written to a temporary beside it, then renamed), so
// an interrupted run never leaves half a file and `-o` may name an input.
#ifndef NORMKIT_TOOLS_OUTPUT_H_
#define NORMKIT_TOOLS_OUTPUT_H_

#include <string>
#include <string_view>

namespace normkit::tools {

class Output {
 public:
  Output() = default;
  ~Output();  // removes the temporary file unless Commit() succeeded
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // "-" or "" is standard output. False with *error on failure.
  bool Open(const std::string& path, std::string* error);
  bool Write(std::string_view bytes, std::string* error);
  // Flushes; for a file, renames the temporary over `path`.
  bool Commit(std::string* error);

 private:
  int fd_ = 1;
  std::string path_;       // empty for standard output
  std::string temporary_;  // the file being written
  bool committed_ = false;
};

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_OUTPUT_H_
