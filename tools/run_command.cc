// normkit run: a recipe over corpora. JSON Lines or plain text (one document
// a line), plain, gzip or zstd (known by content), on N threads with the
// output in input order, in bounded memory, with progress and a summary.
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli_support.h"
#include "commands.h"
#include "corpus_io.h"
#include "json_record.h"
#include "normkit/pipeline.h"

namespace normkit::tools {
namespace {

using Json = nlohmann::ordered_json;

struct RunArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string recipe = "news";
  std::string field = "text";
  std::string format = "auto";
  std::string stats_file;
  int jobs = 0;
  bool strict = false;
};

// A run of whole lines from one input, and what became of it.
struct Batch {
  std::size_t seq = 0;
  std::size_t input = 0;       // index into the inputs
  std::size_t first_line = 1;  // line number of data's first line
  bool jsonl = true;
  std::string data;
  std::string out;
  std::size_t documents = 0;        // every record but blank lines
  std::size_t invalid = 0;          // records that were not JSON objects
  std::size_t failed_line = 0;      // under --strict: the first such record
  PipelineStats stats;
};

Json Metadata(const DocumentMetadata& m) {
  auto optional = [](const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); };
  Json dates = Json::array();
  for (const FoundDate& d : m.dates) {
    dates.push_back({{"text", d.text}, {"iso", d.iso},
                     {"language", d.language.empty() ? Json(nullptr) : Json(d.language)}});
  }
  return {{"title", optional(m.title)},       {"published", optional(m.published)},
          {"modified", optional(m.modified)}, {"updated", optional(m.updated)},
          {"authors", m.authors},             {"photo_credits", m.photo_credits},
          {"header_lines_removed", m.header_lines_removed}, {"dates", dates}};
}

void ProcessBatch(const Pipeline& pipeline, const RunArgs& args, Batch* b) {
  b->stats = pipeline.stats_template();
  JsonRecord record;  // its parser's buffers are reused from line to line
  std::string_view text = b->data;
  std::size_t number = b->first_line;
  while (!text.empty()) {
    const std::size_t lf = text.find('\n');
    const std::string_view line = text.substr(0, lf);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!b->jsonl) {
      if (!blank) ++b->documents;
      // A CRLF line ending is a line ending, not a CR inside the document.
      const std::string_view document = line.ends_with('\r') ? line.substr(0, line.size() - 1) : line;
      b->out += pipeline.ProcessLine(document, &b->stats).text;
    } else if (blank) {
      b->out.append(line);
    } else if (!record.Parse(line)) {
      // Not a JSON object: through unchanged, in its place, counted.
      if (args.strict) {
        b->failed_line = number;
        return;
      }
      ++b->documents;
      ++b->invalid;
      b->out.append(line);
    } else {
      ++b->documents;
      std::optional<std::string_view> text_field = record.StringField(args.field);
      if (!text_field) {
        b->out.append(line);  // no such text field: nothing to do
      } else {
        Document doc = pipeline.Process(*text_field, &b->stats);
        const std::string metadata = Metadata(doc.metadata).dump(
            -1, ' ', false, Json::error_handler_t::replace);
        if (!record.Write(args.field, doc.text, "metadata", metadata, &b->out)) {
          // A key written with escapes, or a "metadata" already there.
          Json full = Json::parse(line);
          full[args.field] = doc.text;
          full["metadata"] = Json::parse(metadata);
          b->out += full.dump(-1, ' ', false, Json::error_handler_t::replace);
        }
      }
    }
    ++number;
    if (lf == std::string_view::npos) break;
    b->out.push_back('\n');
    text.remove_prefix(lf + 1);
  }
  b->data.clear();
  b->data.shrink_to_fit();
}

// Workers take batches in order of submission; results come back in the
// same order, whatever finished first.
class OrderedPool {
 public:
  OrderedPool(int threads, std::function<void(Batch*)> work) : work_(std::move(work)) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Loop(); });
  }
  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  void Submit(Batch batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(batch));
    ++in_flight_;
    ready_.notify_one();
  }
  std::size_t in_flight() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return in_flight_;
  }
  // The next batch in submission order; waits for it.
  Batch Next() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_cv_.wait(lock, [this] { return done_.count(next_) != 0; });
    Batch b = std::move(done_[next_]);
    done_.erase(next_++);
    --in_flight_;
    return b;
  }

 private:
  void Loop() {
    for (;;) {
      Batch b;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        b = std::move(queue_.front());
        queue_.pop_front();
      }
      work_(&b);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        const std::size_t seq = b.seq;
        done_.emplace(seq, std::move(b));
      }
      done_cv_.notify_all();
    }
  }

  std::function<void(Batch*)> work_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::condition_variable ready_, done_cv_;
  std::deque<Batch> queue_;
  std::map<std::size_t, Batch> done_;
  std::size_t next_ = 0, in_flight_ = 0;
  bool stop_ = false;
};

std::string Megabytes(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  return buffer;
}

Result<Pipeline> LoadPipeline(const RunArgs& args, const RuleFiles& rules) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(args.recipe, ec)) {
    std::ifstream file(args.recipe, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return Pipeline::FromRecipe(text.str(), args.recipe, rules);
  }
  return Pipeline::Create(args.recipe, rules);
}

int RunCorpus(const RunArgs& args, const GlobalOptions& global) {
  Result<RuleFiles> rules = LoadRules(global.rules_dir);
  if (!rules.ok()) return Fail(kExitNoInput, rules.status().ToString());
  Result<Pipeline> pipeline = LoadPipeline(args, *rules);
  if (!pipeline.ok()) {
    const Status& s = pipeline.status();
    return Fail(s.code() == ErrorCode::kNotFound ? kExitUsage : kExitDataError, s.ToString());
  }
  if (args.format != "auto" && args.format != "jsonl" && args.format != "text") {
    return Fail(kExitUsage, "--format: expected auto, jsonl or text");
  }
  const int jobs = args.jobs > 0 ? args.jobs
                                 : std::max(1u, std::thread::hardware_concurrency());

  // Open everything first: a missing input stops the run before any output.
  std::string error;
  std::vector<std::unique_ptr<CorpusReader>> readers;
  const std::vector<std::string> stdin_only = {"-"};
  std::uint64_t total_size = 0;
  for (const std::string& path : args.inputs.empty() ? stdin_only : args.inputs) {
    auto reader = CorpusReader::Open(path, &error);
    if (!reader) return Fail(kExitNoInput, error);
    total_size += reader->size();
    readers.push_back(std::move(reader));
  }
  CorpusWriter writer;
  if (!writer.Open(args.output, &error)) return Fail(kExitCantCreate, error);

  const bool progress = !global.quiet && ::isatty(2);
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  PipelineStats stats = pipeline->stats_template();
  std::size_t documents = 0, invalid = 0;
  std::uint64_t bytes_in = 0, raw_consumed_done = 0;
  std::size_t seq = 0;
  double last_progress = 0;
  const CorpusReader* current = nullptr;  // the input being read

  OrderedPool pool(jobs, [&](Batch* b) { ProcessBatch(*pipeline, args, b); });
  // Writes the next finished batch; false (with the exit status in *status)
  // when the run must stop.
  int status = kExitOk;
  auto write_next = [&]() -> bool {
    Batch b = pool.Next();
    if (!writer.Write(b.out, &error)) {
      status = Fail(kExitCantCreate, error);
      return false;
    }
    documents += b.documents;
    invalid += b.invalid;
    stats.Add(b.stats);
    if (b.failed_line != 0) {
      status = Fail(kExitDataError, readers[b.input]->name() + ":" +
                                        std::to_string(b.failed_line) +
                                        ": not a JSON record (without --strict it goes "
                                        "through unchanged)");
      return false;
    }
    if (progress && elapsed() - last_progress > 0.25) {
      // Bytes of the files (compressed as they are), documents a second,
      // and the time left when the total size is known.
      last_progress = elapsed();
      const std::uint64_t consumed = raw_consumed_done + (current ? current->consumed() : 0);
      std::string line = "\rnormkit run: " + Megabytes(static_cast<double>(consumed));
      if (total_size > 0) line += " of " + Megabytes(static_cast<double>(total_size));
      line += ", " + std::to_string(static_cast<long>(documents / last_progress)) + " documents/s";
      if (total_size > consumed && consumed > 0) {
        const long left = static_cast<long>((total_size - consumed) * last_progress / consumed);
        char eta[32];
        std::snprintf(eta, sizeof eta, ", %ld:%02ld left", left / 60, left % 60);
        line += eta;
      }
      std::cerr << line << "    " << std::flush;
    }
    return true;
  };

  constexpr std::size_t kBatchBytes = 1 << 20;
  bool stopped = false;
  for (std::size_t input = 0; input < readers.size() && !stopped; ++input) {
    CorpusReader& reader = *readers[input];
    current = &reader;
    std::string pending;
    std::size_t next_line = 1;
    int jsonl = args.format == "jsonl" ? 1 : args.format == "text" ? 0 : -1;
    bool more = true;
    while (more && !stopped) {
      if (!reader.Read(kBatchBytes, &pending, &error)) {
        if (!error.empty()) {
          status = Fail(kExitNoInput, error);
          stopped = true;
          break;
        }
        more = false;
      }
      if (jsonl < 0) {
        // Known by content: a JSON Lines corpus starts with '{'.
        const std::size_t first = pending.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        if (first == std::string::npos && more) continue;
        jsonl = first != std::string::npos && pending[first] == '{' ? 1 : 0;
      }
      // Whole lines only; the rest waits for more input.
      std::size_t cut = pending.size();
      if (more) {
        const std::size_t lf = pending.rfind('\n');
        if (lf == std::string::npos) continue;  // one long line: read on
        cut = lf + 1;
      }
      if (cut == 0) continue;
      Batch b;
      b.seq = seq++;
      b.input = input;
      b.first_line = next_line;
      b.jsonl = jsonl == 1;
      b.data.assign(pending, 0, cut);
      pending.erase(0, cut);
      bytes_in += b.data.size();
      for (char c : b.data) next_line += c == '\n';
      pool.Submit(std::move(b));
      // Bounded memory: at most two batches a thread in flight.
      while (pool.in_flight() >= static_cast<std::size_t>(2 * jobs)) {
        if (!write_next()) {
          stopped = true;
          break;
        }
      }
    }
    raw_consumed_done += reader.consumed();
    current = nullptr;
  }
  while (!stopped && pool.in_flight() > 0) {
    if (!write_next()) stopped = true;
  }
  if (progress) std::cerr << "\r" << std::string(79, ' ') << "\r";
  if (stopped) {
    while (pool.in_flight() > 0) pool.Next();  // let the workers finish
    return status;
  }
  if (!writer.Finish(&error)) return Fail(kExitCantCreate, error);

  const double seconds = elapsed();
  if (!global.quiet) {
    std::cerr << "normkit run: " << documents << " documents, " << Megabytes(static_cast<double>(bytes_in))
              << " in, " << Megabytes(static_cast<double>(writer.written())) << " out, "
              << static_cast<long>(seconds * 1000) << " ms on " << jobs << " thread(s)";
    if (invalid > 0) std::cerr << "; " << invalid << " record(s) not JSON, passed through";
    std::cerr << "\n";
    for (const StepStats& s : stats.steps) {
      std::cerr << "  " << s.step << ": " << s.count << " " << s.unit << ", "
                << static_cast<long>(s.seconds * 1000) << " ms\n";
    }
  }
  if (!args.stats_file.empty()) {
    Json steps = Json::array();
    for (const StepStats& s : stats.steps) {
      steps.push_back({{"step", s.step}, {"unit", s.unit}, {"count", s.count}, {"seconds", s.seconds}});
    }
    const Json summary = {{"recipe", pipeline->name()},
                          {"documents", documents},
                          {"bytes_in", bytes_in},
                          {"bytes_out", writer.written()},
                          {"invalid_records", invalid},
                          {"threads", jobs},
                          {"seconds", seconds},
                          {"steps", steps}};
    std::ofstream file(args.stats_file);
    file << summary.dump(2) << "\n";
    if (!file) return Fail(kExitCantCreate, "cannot write '" + args.stats_file + "'");
  }
  return kExitOk;
}

}  // namespace

void AddRunCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app->add_subcommand(
      "run",
      "Runs a recipe (normalize, clean headers, dates, ...) over corpora: JSON "
      "Lines or text (one document a line), plain, .gz or .zst, on every core, "
      "output in input order");
  cmd->add_option("IN", args->inputs, "Input files ('-' or none: standard input)")->type_name("");
  cmd->add_option("-o,--output", args->output,
                  "Output file, compressed as its name says (.gz, .zst); "
                  "default: standard output")
      ->type_name("OUT");
  cmd->add_option("--recipe", args->recipe,
                  "A recipe from rules/recipes (news) or the path of your own")
      ->type_name("R")
      ->capture_default_str();
  cmd->add_option("--field", args->field, "The text field of JSON records")->capture_default_str();
  cmd->add_option("--format", args->format,
                  "auto (JSON Lines when the input starts with '{'), jsonl or text")
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args->jobs, "Threads (default: every core)")->type_name("N");
  cmd->add_option("--stats", args->stats_file,
                  "Write the summary as JSON here (documents, bytes, invalid "
                  "records, per step what it changed and the time it took)")
      ->type_name("FILE");
  cmd->add_flag("--strict", args->strict,
                "Stop at the first record that is not JSON, with exit status 65 "
                "and its line number (default: pass it through unchanged, counted)");
  cmd->callback([run, args, global] {
    *run = [args, global] { return RunCorpus(*args, *global); };
  });
}

}  // namespace normkit::tools
