// normkit clean: an article in, one JSON object out (its metadata and the
// cleaned body); in JSON Lines (--field, --jsonl), every record of a corpus.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "documents.h"
#include "normkit/header_cleaner.h"
#include "normkit/json_record.h"
#include "normkit/normalizer.h"
#include "normkit/pipeline.h"
#include "stream.h"
#include "summary.h"

namespace normkit::tools {
namespace {

struct CleanArgs {
  FileArgs files;
  DocumentArgs documents;
  std::string languages;
  std::string title_field = "title";
  int regex_memory_mb = 8;
  bool jsonl = false;  // --jsonl: --format jsonl
};

// The cleaner's result as a document: the body its text, the rest its
// metadata (written by the pipeline's one metadata writer, as `run` does).
Document AsDocument(CleanedArticle cleaned) {
  Document doc;
  doc.text = std::move(cleaned.body);
  doc.metadata.header = std::move(static_cast<HeaderMetadata&>(cleaned));
  return doc;
}

// A normalizer that changes nothing and only checks UTF-8, for --strict.
Result<Normalizer> Utf8Checker() {
  return Normalizer::Create({.form = UnicodeForm::kNone,
                             .strict_utf8 = true,
                             .remove_invisibles = false,
                             .normalize_whitespace = false});
}

struct Counts {
  JsonLinesCounts records;  // articles count as records too
  std::uint64_t kept_whole = 0;
  std::uint64_t lines_removed = 0;

  void Add(const Counts& other) {
    records.Add(other.records);
    kept_whole += other.kept_whole;
    lines_removed += other.lines_removed;
  }
};

// One article (a whole input) or a chunk of JSON Lines records.
struct CleanJob : Job {
  const CleanArgs* args = nullptr;
  const HeaderCleaner* cleaner = nullptr;
  const Normalizer* checker = nullptr;
  Counts counts;

  Document Clean(std::string_view text, std::string_view title) {
    Document doc = AsDocument(cleaner->Clean(text, title));
    counts.kept_whole += doc.metadata.header->kept_whole;
    counts.lines_removed += doc.metadata.header->removed.size();
    return doc;
  }

  void Run() override {
    if (IsJsonLines(args->documents, chunk)) {
      // Clean one field of each record, keep the rest byte for byte, add the
      // metadata.
      std::string title;
      const Status s = EditJsonLines(
          chunk.text, JsonLinesFor(args->documents), "metadata",
          [&](const JsonRecord& record, std::string_view text, std::string* body,
              std::string* metadata) {
            title.clear();
            if (!args->title_field.empty()) record.StringField(args->title_field, &title);
            Document doc = Clean(text, title);
            *metadata = MetadataJson(doc.metadata);
            *body = std::move(doc.text);
          },
          &result.out, &counts.records);
      if (!s.ok()) RecordFailure(chunk, s, &result);
      return;
    }
    // The whole input is one article and gives one JSON object (one line).
    if (args->documents.strict) {
      std::string unchanged;
      if (Status s = checker->Normalize(chunk.text, &unchanged); !s.ok()) {
        result.status = kExitDataError;
        result.message = std::to_string(s.where().line) + ":" + std::to_string(s.where().column) +
                         ": invalid UTF-8 at byte offset " + std::to_string(s.where().offset);
        return;
      }
    }
    ++counts.records.records;
    result.out = DocumentJson(Clean(chunk.text, {})) + "\n";
  }
};

int RunClean(CleanArgs args, const GlobalOptions& global) {
  if (args.jsonl) {
    if (args.documents.format == "text") {
      return Fail(kExitUsage, "--jsonl is --format jsonl; it cannot go with --format text");
    }
    args.documents.format = "jsonl";
  }
  if (const int status = ResolveDocumentArgs(&args.documents); status != kExitOk) return status;
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  HeaderCleanerOptions options;
  options.languages = SplitCommas(args.languages);
  options.max_regex_memory = static_cast<std::int64_t>(args.regex_memory_mb) << 20;
  Result<HeaderCleaner> cleaner = HeaderCleaner::Create(options, rules);
  if (!cleaner.ok()) return Fail(cleaner.status());
  Result<Normalizer> checker = Utf8Checker();
  if (!checker.ok()) return Fail(checker.status());
  StatsFile stats_file;
  if (const int status = stats_file.Open(args.files.stats_file); status != kExitOk) return status;

  Counts total;
  StreamHooks hooks;
  hooks.make_job = [&] {
    auto job = std::make_unique<CleanJob>();
    job->args = &args;
    job->cleaner = &*cleaner;
    job->checker = &*checker;
    return job;
  };
  hooks.finished = [&](const Input&, Job& job) { total.Add(static_cast<CleanJob&>(job).counts); };
  // An input that is not JSON Lines is one article.
  hooks.whole_input = [&](char first_byte) { return !IsJsonLines(args.documents, first_byte); };
  StreamTotals totals;
  const int status = StreamFiles(args.files, global, hooks, &totals);
  if (total.kept_whole > 0 && !global.quiet) {
    std::cerr << "normkit: " << total.kept_whole
              << " record(s) looked like nothing but header lines and were kept whole "
                 "(a document is never emptied)\n";
  }
  WarnNotJson(total.records, "went through unchanged", global.quiet);
  if (status != kExitOk) return status;

  Summary summary;
  summary.command = "clean";
  summary.documents = total.records.records;
  summary.invalid_records = total.records.not_json;
  summary.counts = {{"header_lines_removed", total.lines_removed},
                    {"kept_whole", total.kept_whole}};
  return stats_file.Write(summary, totals);
}

}  // namespace

void AddCleanCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<CleanArgs>();
  CLI::App* cmd = app->add_subcommand(
      "clean",
      "Takes the header lines off an article (Posted/Published/Updated, the "
      "title, a date line, photo credits, bylines) and writes one JSON object: "
      "title, published, modified, updated, authors, photo_credits, removed, lines, "
      "kept_whole, body. In JSON Lines, cleans each record's field and adds the rest "
      "under \"metadata\"");
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--lang", args->languages,
                  "Languages of the header rules and dates (comma-separated; "
                  "default: all)")
      ->type_name("L,...");
  cmd->add_option("--regex-memory", args->regex_memory_mb,
                  "RE2's memory budget for each header pattern and each kind's patterns "
                  "together, in MiB; rules that do not fit are refused (exit 65)")
      ->type_name("MB")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  AddDocumentOptions(cmd, &args->documents, "", "invalid UTF-8 in an article");
  cmd->add_flag("--jsonl", args->jsonl,
                "The same as --format jsonl: every input is JSON Lines (field text "
                "unless --field)");
  cmd->add_option("--title-field", args->title_field,
                  "The field of JSON Lines records that holds their own title: a first "
                  "line equal to it is the title ('' for none)")
      ->capture_default_str();
  cmd->callback(
      [run, args, global] { *run = [args, global] { return RunClean(*args, *global); }; });
}

}  // namespace normkit::tools
