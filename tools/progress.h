// A progress line on standard error while a long command runs: the bytes of
// the files read (as stored, compressed or not) of their total, documents a
// second, and the time left when the total is known. Only on a terminal,
// never under --quiet, at most four times a second; Finish() clears it.
#ifndef NORMKIT_TOOLS_PROGRESS_H_
#define NORMKIT_TOOLS_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "input.h"

namespace normkit::tools {

class Progress {
 public:
  // `command` names the line ("normkit run: ..."); `quiet` turns it off.
  Progress(std::string command, bool quiet);

  // Once every input is open: their sizes on disk.
  void Opened(const std::vector<std::unique_ptr<Input>>& inputs);
  // After a piece of `input` has been written; `documents` so far.
  void Update(const Input& input, std::uint64_t documents);
  // Clears the line (before a summary or a message).
  void Finish();

 private:
  double Elapsed() const;

  std::string command_;
  bool enabled_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  double shown_at_ = 0;
  std::uint64_t total_size_ = 0;
  std::uint64_t consumed_before_ = 0;  // by the inputs before `reading_`
  const Input* reading_ = nullptr;
};

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_PROGRESS_H_
