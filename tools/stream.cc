#include "stream.h"

#include <condition_variable>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include "cli_support.h"
#include "compression.h"

namespace normkit::tools {
namespace {

// Runs jobs on worker threads and hands them back in submission order,
// whatever finished first. With fewer than two threads, Submit() runs the
// job at once on the calling thread.
class OrderedPool {
 public:
  OrderedPool() = default;
  ~OrderedPool() { Stop(); }

  // Starts `threads` workers. False, with every started worker stopped and
  // the reason in *error, when the system refuses a thread.
  bool Start(int threads, std::string* error) {
    if (threads < 2) return true;
    try {
      for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Loop(); });
    } catch (const std::system_error& e) {
      Stop();
      *error = "cannot start " + std::to_string(threads) + " threads (" +
               std::to_string(workers_.size()) + " started): " + e.what();
      return false;
    }
    return true;
  }

  // What a worker does with each job after Run(), on the same thread.
  void set_after_run(std::function<void(Job&)> after_run) { after_run_ = std::move(after_run); }

  void Submit(std::unique_ptr<Job> job) {
    if (workers_.empty()) {
      job->Run();
      if (after_run_) after_run_(*job);
      done_.emplace(submitted_++, std::move(job));
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.emplace_back(submitted_++, std::move(job));
    }
    ready_.notify_one();
  }

  std::size_t in_flight() const { return submitted_ - taken_; }

  // The next job in submission order; waits for it.
  std::unique_ptr<Job> Next() {
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [this] { return done_.count(taken_) != 0; });
    auto node = done_.extract(taken_++);
    return std::move(node.mapped());
  }

 private:
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      queue_.clear();  // jobs not started are not wanted any more
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

  void Loop() {
    for (;;) {
      std::pair<std::size_t, std::unique_ptr<Job>> item;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        item = std::move(queue_.front());
        queue_.pop_front();
      }
      item.second->Run();
      if (after_run_) after_run_(*item.second);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        done_.emplace(item.first, std::move(item.second));
      }
      finished_.notify_all();
    }
  }

  std::function<void(Job&)> after_run_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable ready_, finished_;
  std::deque<std::pair<std::size_t, std::unique_ptr<Job>>> queue_;
  std::map<std::size_t, std::unique_ptr<Job>> done_;
  std::size_t submitted_ = 0;  // only the submitting thread changes these two
  std::size_t taken_ = 0;
  bool stopping_ = false;
};

// The buffers of jobs that are written, lent to the jobs that follow: a
// buffer that was filled once has its pages mapped, so the chunks after it
// cost no page faults and no reallocation as they grow (they were a third
// of the time of `normkit normalize -j 1`). At most one set a job in
// flight is kept; a buffer much larger than a chunk (one long line, a
// whole article) is let go.
class SpareBuffers {
 public:
  void Lend(Job* job) {
    Take(&texts_, &job->text);
    Take(&outs_, &job->result.out);
    Take(&compressed_, &job->compressed);
  }
  void GiveBack(Job* job) {
    Keep(&texts_, &job->text);
    Keep(&outs_, &job->result.out);
    Keep(&compressed_, &job->compressed);
  }

 private:
  static constexpr std::size_t kLargest = 4 * Input::kChunkSize;
  static void Take(std::vector<std::string>* spares, std::string* buffer) {
    if (spares->empty()) return;
    *buffer = std::move(spares->back());
    spares->pop_back();
    buffer->clear();
  }
  static void Keep(std::vector<std::string>* spares, std::string* buffer) {
    if (buffer->capacity() > kLargest) return;
    spares->push_back(std::move(*buffer));
  }
  std::vector<std::string> texts_, outs_, compressed_;
};

}  // namespace

void AddFileOptions(CLI::App* cmd, FileArgs* args) {
  cmd->add_option("FILE", args->inputs,
                  "Input files ('-' or none: standard input); plain, gzip or zstd, "
                  "known by their first bytes")
      ->type_name("");
  cmd->add_option("-o,--output", args->output,
                  "Write here instead of standard output, compressed as the name says "
                  "(.gz, .zst); a file appears only when complete")
      ->type_name("FILE");
  cmd->add_option("-j,--jobs", args->jobs,
                  "Threads (default 0: every core; at most four a core); the output is "
                  "the same for every N")
      ->type_name("N")
      ->check(NonNegative());
  cmd->add_option("--stats", args->stats_file,
                  "Write a summary as JSON here: documents, bytes in and out, invalid "
                  "records, what the command changed, the time it took")
      ->type_name("FILE");
}

int ThreadCount(int requested, bool quiet) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (requested <= 0) return cores;
  if (requested > 4 * cores) {
    if (!quiet) {
      std::cerr << "normkit: -j " << requested << ": using " << 4 * cores
                << " threads (four a core; more only wait for each other)\n";
    }
    return 4 * cores;
  }
  return requested;
}

int StreamFiles(const FileArgs& args, const GlobalOptions& global, const StreamHooks& hooks,
                StreamTotals* totals) {
  std::string error;
  std::vector<std::unique_ptr<Input>> inputs;
  if (!OpenInputs(args.inputs, &inputs, &error)) return Fail(kExitNoInput, error);
  Output output;
  if (!output.Open(args.output, &error)) return Fail(kExitCantCreate, error);
  if (hooks.opened) hooks.opened(inputs);
  const int threads = ThreadCount(args.jobs, global.quiet);
  OrderedPool pool;
  // Compressed output is compressed by the workers, a member or frame a
  // chunk, so that it scales with the threads.
  const Compression compression = output.compression();
  if (compression != Compression::kNone) {
    pool.set_after_run([compression](Job& job) {
      if (!job.result.out.empty() &&
          !AppendCompressed(compression, job.result.out, &job.compressed, &job.compress_error)) {
        job.compressed.clear();
      }
    });
  }
  if (!pool.Start(threads, &error)) return Fail(kExitSoftware, error);
  StreamTotals unused;
  StreamTotals& sums = totals ? *totals : unused;
  sums.threads = threads;

  // The output side, on this thread: input `writing` is the one whose
  // output is being written; it began at byte `writing_from`.
  int status = kExitOk;
  SpareBuffers spares;
  std::size_t writing = 0;
  std::uint64_t writing_from = 0;
  auto end_inputs_before = [&](std::size_t input) {
    for (; writing < input; ++writing) {
      const char last = output.last_byte();
      const bool open_line = output.written() > writing_from && last != '\n' && last != '\r';
      if (open_line && writing + 1 < inputs.size() && !output.Write("\n", &error)) {
        status = Fail(kExitCantCreate, error);
        return;
      }
      writing_from = output.written();
      if (hooks.input_done) hooks.input_done(*inputs[writing]);
    }
  };
  // Writes the next finished job; false when the stream must stop.
  auto write_next = [&]() -> bool {
    std::unique_ptr<Job> job = pool.Next();
    end_inputs_before(job->chunk.input);
    if (status != kExitOk) return false;
    // A chunk the worker compressed goes out as its piece; anything else
    // (no compression, or nothing to write) as it is.
    bool written;
    if (!job->compress_error.empty()) {
      error = "cannot write '" + output.name() + "': " + job->compress_error;
      written = false;
    } else if (!job->compressed.empty()) {
      written = output.WriteCompressed(job->compressed, job->result.out.size(),
                                       job->result.out.back(), &error);
    } else {
      written = output.Write(job->result.out, &error);
    }
    if (!written) {
      status = Fail(kExitCantCreate, error);
      return false;
    }
    if (hooks.finished) hooks.finished(*inputs[job->chunk.input], *job);
    if (job->result.status != kExitOk) {
      status =
          Fail(job->result.status, inputs[job->chunk.input]->name() + ":" + job->result.message);
      return false;
    }
    spares.GiveBack(job.get());
    return true;
  };

  const std::size_t max_in_flight = 2 * static_cast<std::size_t>(threads);
  std::string read_error;
  auto submit = [&](std::unique_ptr<Job> job, std::size_t input) {
    job->chunk.text = job->text;
    job->chunk.input = input;
    sums.bytes_in += job->text.size();
    pool.Submit(std::move(job));
    while (pool.in_flight() >= max_in_flight && status == kExitOk) write_next();
  };
  for (std::size_t i = 0; i < inputs.size() && status == kExitOk && read_error.empty(); ++i) {
    bool first = true;
    while (status == kExitOk) {
      std::unique_ptr<Job> job = hooks.make_job();
      spares.Lend(job.get());
      Chunk chunk;
      if (!inputs[i]->TakeChunk(&job->text, &chunk, &read_error)) {
        spares.GiveBack(job.get());
        break;
      }
      job->chunk = chunk;
      // An input taken whole: its first chunk and the rest; nothing of it
      // goes out when it cannot be read to the end.
      if (first && hooks.whole_input && hooks.whole_input(chunk.first_byte)) {
        first = false;
        if (!inputs[i]->ReadAll(&job->text, &read_error)) break;
        submit(std::move(job), i);
        break;
      }
      first = false;
      submit(std::move(job), i);
    }
    if (first && read_error.empty() && status == kExitOk && hooks.whole_input &&
        hooks.whole_input(0)) {
      submit(hooks.make_job(), i);  // an empty input, taken whole
    }
  }
  // What was read before a read error still goes out.
  while (pool.in_flight() > 0 && status == kExitOk) write_next();
  if (status != kExitOk) return status;
  end_inputs_before(read_error.empty() ? inputs.size() : writing);
  if (status != kExitOk) return status;
  if (!output.Commit(&error)) return Fail(kExitCantCreate, error);
  sums.bytes_out = output.written();
  if (!read_error.empty()) return Fail(kExitNoInput, read_error);
  return kExitOk;
}

int ForEachChunk(const std::vector<std::unique_ptr<Input>>& inputs, const ChunkVisit& visit,
                 StreamTotals* totals) {
  std::string error;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Chunk chunk;
    while (inputs[i]->NextChunk(&chunk, &error)) {
      chunk.input = i;
      if (totals != nullptr) totals->bytes_in += chunk.text.size();
      if (const int status = visit(*inputs[i], chunk); status != kExitOk) return status;
    }
    if (!error.empty()) return Fail(kExitNoInput, error);
  }
  return kExitOk;
}

}  // namespace normkit::tools
