// normkit run: a recipe over corpora. JSON Lines or plain text (one document
// a line), plain, gzip or zstd (known by content), on N threads with the
// output in input order, in bounded memory, with progress and a summary.
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli_support.h"
#include "commands.h"
#include "normkit/pipeline.h"
#include "stream.h"

namespace normkit::tools {
namespace {

struct RunArgs {
  FileArgs files;
  std::string recipe = "news";
  std::string field = "text";
  std::string format = "auto";
  std::string stats_file;
  bool strict = false;
};

std::string Megabytes(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  return buffer;
}

// A recipe by name (rules/recipes/NAME.toml) or, when it looks like a path
// (a '/' or a .toml ending), the user's own file.
int LoadPipeline(const RunArgs& args, const RuleFiles& rules, std::optional<Pipeline>* out) {
  const std::string& recipe = args.recipe;
  const bool is_path = recipe.find('/') != std::string::npos || recipe.ends_with(".toml");
  std::string text, error;
  if (is_path && !ReadWholeFile(recipe, &text, &error)) {
    return Fail(kExitNoInput, "--recipe: " + error);
  }
  Result<Pipeline> pipeline = is_path ? Pipeline::FromRecipe(text, recipe, rules)
                                      : Pipeline::Create(recipe, rules);
  if (!pipeline.ok()) return Fail(pipeline.status());
  *out = std::move(*pipeline);
  return kExitOk;
}

// A chunk of documents and what the steps did to it.
struct RunJob : Job {
  const Pipeline* pipeline = nullptr;
  const RunArgs* args = nullptr;
  PipelineStats stats;

  void Run() override {
    stats = pipeline->stats_template();
    const bool jsonl =
        args->format == "jsonl" || (args->format == "auto" && chunk.first_byte == '{');
    if (!jsonl) {
      pipeline->ProcessTextLines(chunk.text, &result.out, &stats);
      return;
    }
    JsonLinesOptions options;
    options.field = args->field;
    options.strict = args->strict;
    const Status s = pipeline->ProcessJsonLines(chunk.text, options, &result.out, &stats);
    if (!s.ok()) {
      result.status = kExitDataError;
      result.message = std::to_string(chunk.first_line + s.where().line - 1) +
                       ": not a JSON record (without --strict it goes through unchanged)";
    }
  }
};

int RunCorpus(const RunArgs& args, const GlobalOptions& global) {
  if (args.format != "auto" && args.format != "jsonl" && args.format != "text") {
    return Fail(kExitUsage, "--format: expected auto, jsonl or text");
  }
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  std::optional<Pipeline> pipeline;
  if (const int status = LoadPipeline(args, rules, &pipeline); status != kExitOk) return status;
  // The summary file is opened before the run, so that a path that cannot
  // be written stops it before the work is done.
  Output stats_output;
  std::string error;
  if (!args.stats_file.empty() && !stats_output.Open(args.stats_file, &error, false)) {
    return Fail(kExitCantCreate, error);
  }

  const bool progress = !global.quiet && ::isatty(2);
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  PipelineStats stats = pipeline->stats_template();
  std::uint64_t total_size = 0, consumed_before = 0;  // on disk, for progress
  const Input* reading = nullptr;
  double last_progress = 0;

  StreamHooks hooks;
  hooks.opened = [&](const std::vector<std::unique_ptr<Input>>& inputs) {
    for (const auto& input : inputs) total_size += input->size();
  };
  hooks.make_job = [&] {
    auto job = std::make_unique<RunJob>();
    job->pipeline = &*pipeline;
    job->args = &args;
    return job;
  };
  hooks.finished = [&](const Input& input, Job& job) {
    stats.Add(static_cast<RunJob&>(job).stats);
    if (&input != reading) {
      if (reading != nullptr) consumed_before += reading->consumed();
      reading = &input;
    }
    if (!progress || elapsed() - last_progress < 0.25) return;
    // Bytes of the files (compressed as they are), documents a second, and
    // the time left when the total size is known.
    last_progress = elapsed();
    const std::uint64_t consumed = consumed_before + input.consumed();
    std::string line = "\rnormkit run: " + Megabytes(static_cast<double>(consumed));
    if (total_size > 0) line += " of " + Megabytes(static_cast<double>(total_size));
    line += ", " + std::to_string(static_cast<long>(stats.documents / last_progress)) +
            " documents/s";
    if (total_size > consumed && consumed > 0) {
      const long left = static_cast<long>((total_size - consumed) * last_progress / consumed);
      char eta[32];
      std::snprintf(eta, sizeof eta, ", %ld:%02ld left", left / 60, left % 60);
      line += eta;
    }
    std::cerr << line << "    " << std::flush;
  };
  StreamTotals totals;
  const int status = StreamFiles(args.files, global, hooks, &totals);
  if (progress) std::cerr << "\r" << std::string(79, ' ') << "\r";
  if (status != kExitOk) return status;

  const double seconds = elapsed();
  if (!global.quiet) {
    std::cerr << "normkit run: " << stats.documents << " documents, "
              << Megabytes(static_cast<double>(totals.bytes_in)) << " in, "
              << Megabytes(static_cast<double>(totals.bytes_out)) << " out, "
              << static_cast<long>(seconds * 1000) << " ms on " << totals.threads
              << " thread(s)";
    if (stats.not_json > 0) {
      std::cerr << "; " << stats.not_json << " record(s) not JSON, passed through";
    }
    if (stats.kept_whole > 0) {
      std::cerr << "; " << stats.kept_whole << " kept whole (every line looked like a header)";
    }
    std::cerr << "\n";
    for (const StepStats& s : stats.steps) {
      std::cerr << "  " << s.step << ": " << s.count << " " << s.unit << ", "
                << static_cast<long>(s.seconds * 1000) << " ms\n";
    }
  }
  if (!args.stats_file.empty()) {
    using Json = nlohmann::ordered_json;
    Json steps = Json::array();
    for (const StepStats& s : stats.steps) {
      steps.push_back({{"step", s.step}, {"unit", s.unit}, {"count", s.count}, {"seconds", s.seconds}});
    }
    const Json summary = {{"recipe", pipeline->name()},
                          {"documents", stats.documents},
                          {"bytes_in", totals.bytes_in},
                          {"bytes_out", totals.bytes_out},
                          {"invalid_records", stats.not_json},
                          {"kept_whole", stats.kept_whole},
                          {"threads", totals.threads},
                          {"seconds", seconds},
                          {"steps", steps}};
    if (!stats_output.Write(summary.dump(2) + "\n", &error) || !stats_output.Commit(&error)) {
      return Fail(kExitCantCreate, error);
    }
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
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--recipe", args->recipe,
                  "A recipe from rules/recipes (news) or the path of your own (a name "
                  "with a '/' or ending in .toml)")
      ->type_name("R")
      ->capture_default_str();
  cmd->add_option("--field", args->field, "The text field of JSON records")->capture_default_str();
  cmd->add_option("--format", args->format,
                  "auto (JSON Lines when the input starts with '{'), jsonl or text")
      ->capture_default_str();
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
