// --stats FILE: what a command did, as one JSON object, the same shape for
// every command:
//   {"command": "normalize", ["recipe": "news",] "documents": N,
//    "bytes_in": N, "bytes_out": N, "invalid_records": N, <the command's own
//    counts>, "threads": N, "seconds": S[, "steps": [{"step", "unit",
//    "count", "seconds"}...]]}
// "documents" are JSON Lines records, lines of text with something on them,
// or articles (clean); "invalid_records" the JSON Lines lines that were not
// JSON objects; "steps" only for run, one a recipe step.
#ifndef NORMKIT_TOOLS_SUMMARY_H_
#define NORMKIT_TOOLS_SUMMARY_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "normkit/pipeline.h"
#include "output.h"
#include "stream.h"

namespace normkit::tools {

struct Summary {
  std::string command;
  std::vector<std::pair<std::string, std::string>> labels;  // run: {"recipe", "news"}
  std::uint64_t documents = 0;
  std::uint64_t invalid_records = 0;
  std::vector<std::pair<std::string, std::uint64_t>> counts;  // in the order written
  std::vector<StepStats> steps;
};

class StatsFile {
 public:
  // Opens `path` (nothing when it is empty) before the work, so that a
  // summary that cannot be written stops the command before it starts, and
  // starts the clock. Refuses to replace a file that holds anything but a
  // JSON object: `normalize --stats in.txt`, the flag of old followed by an
  // input, must not overwrite the input. kExitOk, or the exit status after
  // the message.
  int Open(const std::string& path);

  // Seconds since Open().
  double elapsed() const;

  // Writes the summary and puts the file in place (nothing when no path was
  // given). kExitOk, or kExitCantCreate after the message.
  int Write(const Summary& summary, const StreamTotals& totals);

 private:
  std::string path_;
  Output output_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_SUMMARY_H_
