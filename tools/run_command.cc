// normkit run: a recipe over corpora. JSON Lines or plain text (one document
// a line), plain, gzip or zstd (known by content), on N threads with the
// output in input order, in bounded memory, with progress and a summary.
//
// The pieces live where they belong: the worker pool and the ordered output
// in stream.cc, the JSON Lines flags and the record loop in documents.cc and
// the pipeline (Pipeline::ProcessJsonLines), the progress line in
// progress.cc, the --stats file in summary.cc. Here: the recipe, the job that
// ties them together, the summary on standard error.
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli_support.h"
#include "commands.h"
#include "core/rule_paths.h"
#include "documents.h"
#include "normkit/pipeline.h"
#include "output.h"
#include "progress.h"
#include "report.h"
#include "stream.h"
#include "summary.h"

namespace normkit::tools {
namespace {

struct RunArgs {
  FileArgs files;
  DocumentArgs documents;
  std::string recipe = "news";
  std::string report;  // --report FILE.html
};

std::string Megabytes(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  return buffer;
}

// A recipe by name (rules/recipes/NAME.toml) or, when it looks like a path
// (a '/' or a .toml ending), the user's own file; its text into *text.
int LoadPipeline(const RunArgs& args, const RuleFiles& rules, std::optional<Pipeline>* out,
                 std::string* text) {
  const std::string& recipe = args.recipe;
  const bool is_path = recipe.find('/') != std::string::npos || recipe.ends_with(".toml");
  std::string error;
  if (is_path && !ReadWholeFile(recipe, text, &error)) {
    return Fail(kExitNoInput, "--recipe: " + error);
  }
  if (!is_path) {
    const std::string* named = rules.Find(internal::RuleFilePath("recipes", recipe));
    if (named != nullptr) *text = *named;
  }
  // The files a recipe file names (a variants step's lexicon), relative to
  // its folder.
  std::vector<RecipeFile> files;
  if (is_path) {
    Result<std::vector<std::string>> names = Pipeline::FilesNamedBy(*text, recipe);
    if (!names.ok()) return Fail(names.status());
    const std::filesystem::path folder = std::filesystem::path(recipe).parent_path();
    for (const std::string& name : *names) {
      const std::string path = std::filesystem::path(name).is_absolute() || folder.empty()
                                   ? name
                                   : (folder / name).string();
      RecipeFile file{name, path, {}};
      if (!ReadWholeFile(path, &file.text, &error)) {
        return Fail(kExitNoInput, "--recipe " + recipe + ": lexicon: " + error);
      }
      files.push_back(std::move(file));
    }
  }
  Result<Pipeline> pipeline =
      is_path ? Pipeline::FromRecipe(*text, recipe, rules, files) : Pipeline::Create(recipe, rules);
  if (!pipeline.ok()) return Fail(pipeline.status());
  *out = std::move(*pipeline);
  return kExitOk;
}

// A chunk of documents and what the steps did to it.
struct RunJob : Job {
  const Pipeline* pipeline = nullptr;
  const DocumentArgs* documents = nullptr;
  bool audit = false;  // for --report
  PipelineStats stats;

  void Run() override {
    stats = pipeline->stats_template();
    if (audit) stats.audit.emplace();
    if (!IsJsonLines(*documents, chunk)) {
      pipeline->ProcessTextLines(chunk.text, &result.out, &stats);
    } else {
      const Status s =
          pipeline->ProcessJsonLines(chunk.text, JsonLinesFor(*documents), &result.out, &stats);
      if (!s.ok()) RecordFailure(chunk, s, &result);
    }
    // The audit counts lines from the chunk's first one.
    if (stats.audit) stats.audit->ShiftLines(chunk.first_line - 1);
  }
};

void PrintSummary(const PipelineStats& stats, const StreamTotals& totals, double seconds) {
  std::cerr << "normkit run: " << stats.documents << " documents, "
            << Megabytes(static_cast<double>(totals.bytes_in)) << " in, "
            << Megabytes(static_cast<double>(totals.bytes_out)) << " out, "
            << static_cast<long>(seconds * 1000) << " ms on " << totals.threads << " thread(s)";
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

int RunCorpus(RunArgs args, const GlobalOptions& global) {
  if (const int status = ResolveDocumentArgs(&args.documents); status != kExitOk) return status;
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  std::optional<Pipeline> pipeline;
  std::string recipe_text;
  if (const int status = LoadPipeline(args, rules, &pipeline, &recipe_text); status != kExitOk)
    return status;
  StatsFile stats_file;
  if (const int status = stats_file.Open(args.files.stats_file); status != kExitOk) return status;
  // The report's file is made before the work (a folder that is not there
  // stops the run at once) and appears, complete, only at the end.
  Output report_file;
  std::string error;
  if (!args.report.empty() && !report_file.Open(args.report, &error, /*compress=*/false)) {
    return Fail(kExitCantCreate, "--report: " + error);
  }
  std::vector<std::string> input_names;

  Progress progress("run", global.quiet);
  PipelineStats stats = pipeline->stats_template();
  if (!args.report.empty()) stats.audit.emplace();
  StreamHooks hooks;
  hooks.opened = [&](const std::vector<std::unique_ptr<Input>>& inputs) {
    progress.Opened(inputs);
    for (const auto& input : inputs) input_names.push_back(input->name());
  };
  hooks.make_job = [&] {
    auto job = std::make_unique<RunJob>();
    job->pipeline = &*pipeline;
    job->documents = &args.documents;
    job->audit = !args.report.empty();
    return job;
  };
  hooks.finished = [&](const Input& input, Job& job) {
    stats.Add(static_cast<RunJob&>(job).stats);
    progress.Update(input, stats.documents);
  };
  StreamTotals totals;
  const int status = StreamFiles(args.files, global, hooks, &totals);
  progress.Finish();
  if (status != kExitOk) return status;

  if (!global.quiet) PrintSummary(stats, totals, stats_file.elapsed());
  if (!args.report.empty()) {
    RunReport report;
    report.inputs = input_names;
    report.recipe_name = pipeline->name();
    report.recipe_text = recipe_text;
    report.bytes_in = totals.bytes_in;
    report.bytes_out = totals.bytes_out;
    report.seconds = stats_file.elapsed();
    report.threads = totals.threads;
    report.stats = &stats;
    if (!report_file.Write(RenderReport(report), &error) || !report_file.Commit(&error)) {
      return Fail(kExitCantCreate, "--report: " + error);
    }
  }
  Summary summary;
  summary.command = "run";
  summary.labels = {{"recipe", pipeline->name()}};
  summary.documents = stats.documents;
  summary.invalid_records = stats.not_json;
  summary.counts = {{"kept_whole", stats.kept_whole}};
  summary.steps = stats.steps;
  return stats_file.Write(summary, totals);
}

}  // namespace

void AddRunCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd =
      app->add_subcommand("run",
                          "Runs a recipe (normalize, clean headers, dates, ...) over corpora: JSON "
                          "Lines or text (one document a line), plain, .gz or .zst, on every core, "
                          "output in input order");
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--recipe", args->recipe,
                  "A recipe from rules/recipes (news) or the path of your own (a name "
                  "with a '/' or ending in .toml); a file that a recipe of your own names "
                  "(a variants step's lexicon = \"FILE\") is read from the recipe's folder")
      ->type_name("R")
      ->capture_default_str();
  AddDocumentOptions(cmd, &args->documents, "text", "");
  cmd->add_option("--report", args->report,
                  "Write an audit of the run here as one self-contained HTML page: the run, "
                  "each step's and each rule's counts, sample changes from real documents, "
                  "the dates by year and month, document lengths before and after, the "
                  "rewritten names")
      ->type_name("FILE.html");
  cmd->callback(
      [run, args, global] { *run = [args, global] { return RunCorpus(*args, *global); }; });
}

}  // namespace normkit::tools
