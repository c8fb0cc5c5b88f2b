// The one streaming engine of the text-in, text-out subcommands (normalize,
// translit, dates, clean, variants apply, run): FILE... and -o,
// every input opened before anything is written, chunks of whole lines
// processed on -j threads and written in input order, so the output is the
// same whatever the number of threads, in bounded memory (at most two
// chunks a thread in flight).
//
// Each input ends its own line: when one input's output does not end with a
// line break and another input follows, a LF is written between them.
#ifndef NORMKIT_TOOLS_STREAM_H_
#define NORMKIT_TOOLS_STREAM_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "input.h"
#include "output.h"

namespace normkit::tools {

struct FileArgs {
  std::vector<std::string> inputs;  // none or "-": standard input
  std::string output;               // empty or "-": standard output
  int jobs = 0;                     // 0: every core
  std::string stats_file;           // --stats FILE: the summary as JSON (summary.h)
};

// Registers FILE..., -o,--output, -j,--jobs and --stats on `cmd`.
void AddFileOptions(CLI::App* cmd, FileArgs* args);

// What a chunk became: its output and, when it stopped the stream, the exit
// status and the message, which starts with where in the input ("12:5: ...";
// the input's name is put in front of it). The output then holds the lines
// before the failure.
struct ChunkResult {
  std::string out;
  int status = kExitOk;
  std::string message;
};

// A chunk on its way through the engine. Commands derive from it to carry
// their own counts from the worker back to the main thread.
class Job {
 public:
  virtual ~Job() = default;
  // On a worker thread; jobs of one stream run concurrently.
  virtual void Run() = 0;

  Chunk chunk;       // chunk.text points into `text`
  std::string text;  // the chunk's bytes
  ChunkResult result;
  // result.out compressed as the output's name asks, by the worker that ran
  // the job (compression.h); empty when the output is not compressed.
  std::string compressed;
  std::string compress_error;  // why compressing failed, if it did
};

struct StreamHooks {
  // On the main thread, once every input is open (their sizes for progress).
  std::function<void(const std::vector<std::unique_ptr<Input>>& inputs)> opened;
  // A new, empty job of the command's type.
  std::function<std::unique_ptr<Job>()> make_job;
  // On the main thread, in input order, after the job's output is written.
  std::function<void(const Input& input, Job& job)> finished;
  // On the main thread, after the output of each input is complete.
  std::function<void(const Input& input)> input_done;
  // Whether an input is one job as a whole rather than chunks of lines (an
  // article for clean), from its first byte that is not a space, a line
  // break or a BOM (0 for an input that has none). An empty input asked so
  // gets one job with no text.
  std::function<bool(char first_byte)> whole_input;
};

// What a stream moved, for summaries.
struct StreamTotals {
  std::uint64_t bytes_in = 0;   // decompressed
  std::uint64_t bytes_out = 0;  // before compression
  int threads = 1;
};

// Opens everything, streams every chunk through the jobs, commits the
// output. Returns the exit status (messages already printed).
int StreamFiles(const FileArgs& args, const GlobalOptions& global, const StreamHooks& hooks,
                StreamTotals* totals = nullptr);

// The same with a function as the work and a per-chunk tally of type T that
// the main thread receives in input order.
template <typename T>
int StreamFiles(const FileArgs& args, const GlobalOptions& global,
                std::function<void(const Chunk&, ChunkResult*, T*)> work,
                std::function<void(const Input&, const T&)> tally = {},
                std::function<void(const Input&)> input_done = {}, StreamTotals* totals = nullptr,
                std::function<bool(char first_byte)> whole_input = {}) {
  struct TallyJob : Job {
    const std::function<void(const Chunk&, ChunkResult*, T*)>* work = nullptr;
    T counts{};
    void Run() override { (*work)(chunk, &result, &counts); }
  };
  StreamHooks hooks;
  hooks.make_job = [&work] {
    auto job = std::make_unique<TallyJob>();
    job->work = &work;
    return job;
  };
  if (tally) {
    hooks.finished = [&tally](const Input& input, Job& job) {
      tally(input, static_cast<TallyJob&>(job).counts);
    };
  }
  hooks.input_done = std::move(input_done);
  hooks.whole_input = std::move(whole_input);
  return StreamFiles(args, global, hooks, totals);
}

// The threads -j asks for: 0 means every core; more than four a core is
// clamped, with a warning unless quiet.
int ThreadCount(int requested, bool quiet);

// Reads every chunk of `inputs` (opened up front) into `visit`, which
// returns kExitOk or an exit status after printing its message; for
// subcommands that write only at the end (variants discover). Adds the
// bytes read to totals->bytes_in when given.
using ChunkVisit = std::function<int(const Input& input, const Chunk& chunk)>;
int ForEachChunk(const std::vector<std::unique_ptr<Input>>& inputs, const ChunkVisit& visit,
                 StreamTotals* totals = nullptr);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_STREAM_H_
