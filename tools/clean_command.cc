// normkit clean: an article in, one JSON object out (its metadata and the
// cleaned body); with --jsonl, every record of a JSON Lines corpus.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "normkit/header_cleaner.h"
#include "normkit/json_record.h"
#include "normkit/normalizer.h"
#include "normkit/pipeline.h"
#include "output.h"
#include "stream.h"

namespace normkit::tools {
namespace {

struct CleanArgs {
  FileArgs files;
  std::string languages;
  std::string field = "text";
  std::string title_field = "title";
  int regex_memory_mb = 8;
  bool jsonl = false;
  bool strict = false;
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

int RunClean(const CleanArgs& args, const GlobalOptions& global) {
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  HeaderCleanerOptions options;
  options.languages = SplitCommas(args.languages);
  options.max_regex_memory = static_cast<std::int64_t>(args.regex_memory_mb) << 20;
  Result<HeaderCleaner> cleaner = HeaderCleaner::Create(options, rules);
  if (!cleaner.ok()) return Fail(cleaner.status());

  if (!args.jsonl) {
    // Each input is one article and gives one JSON object (one line).
    std::string error;
    std::vector<std::unique_ptr<Input>> inputs;
    if (!OpenInputs(args.files.inputs, &inputs, &error)) return Fail(kExitNoInput, error);
    Output output;
    if (!output.Open(args.files.output, &error)) return Fail(kExitCantCreate, error);
    Result<Normalizer> checker = Utf8Checker();
    for (const auto& input : inputs) {
      std::string article;
      if (!input->ReadAll(&article, &error)) return Fail(kExitNoInput, error);
      if (args.strict) {
        std::string unchanged;
        if (Status s = checker->Normalize(article, &unchanged); !s.ok()) {
          return Fail(kExitDataError, input->name() + ":" + std::to_string(s.where().line) +
                                          ":" + std::to_string(s.where().column) +
                                          ": invalid UTF-8 at byte offset " +
                                          std::to_string(s.where().offset));
        }
      }
      if (!output.Write(DocumentJson(AsDocument(cleaner->Clean(article))) + "\n", &error)) {
        return Fail(kExitCantCreate, error);
      }
    }
    if (!output.Commit(&error)) return Fail(kExitCantCreate, error);
    return kExitOk;
  }

  // JSON Lines: clean one field of each record, keep the rest byte for
  // byte, add the metadata. A record that is not JSON goes through as it
  // is, counted.
  JsonLinesOptions jsonl;
  jsonl.field = args.field;
  jsonl.strict = args.strict;
  struct Counts {
    JsonLinesCounts records;
    std::uint64_t kept_whole = 0;
  };
  Counts total;
  auto work = [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
    std::string title;
    const Status s = EditJsonLines(
        chunk.text, jsonl, "metadata",
        [&](const JsonRecord& record, std::string_view text, std::string* body,
            std::string* metadata) {
          title.clear();
          if (!args.title_field.empty()) record.StringField(args.title_field, &title);
          Document doc = AsDocument(cleaner->Clean(text, title));
          counts->kept_whole += doc.metadata.header->kept_whole;
          *metadata = MetadataJson(doc.metadata);
          *body = std::move(doc.text);
        },
        &result->out, &counts->records);
    if (!s.ok()) {
      result->status = kExitDataError;
      result->message = std::to_string(chunk.first_line + s.where().line - 1) + ": " +
                        s.message() + " (without --strict it goes through unchanged)";
    }
  };
  const int status = StreamFiles<Counts>(
      args.files, global, work, [&](const Input&, const Counts& counts) {
        total.records.Add(counts.records);
        total.kept_whole += counts.kept_whole;
      });
  if (total.kept_whole > 0 && !global.quiet) {
    std::cerr << "normkit: " << total.kept_whole
              << " record(s) looked like nothing but header lines and were kept whole "
                 "(a document is never emptied)\n";
  }
  if (total.records.not_json > 0 && !global.quiet) {
    std::cerr << "normkit: " << total.records.not_json
              << " record(s) were not JSON objects and went through unchanged "
                 "(--strict stops at the first)\n";
  }
  return status;
}

}  // namespace

void AddCleanCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<CleanArgs>();
  CLI::App* cmd = app->add_subcommand(
      "clean",
      "Takes the header lines off an article (Posted/Published/Updated, the "
      "title, a date line, photo credits, bylines) and writes one JSON object: "
      "title, published, modified, updated, authors, photo_credits, body, removed");
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
  cmd->add_flag("--jsonl", args->jsonl,
                "Input is JSON Lines: clean --field of each record, add the "
                "metadata under \"metadata\"");
  cmd->add_option("--field", args->field, "The text field of --jsonl records")
      ->capture_default_str();
  cmd->add_option("--title-field", args->title_field,
                  "The field of --jsonl records that holds their own title: a first line "
                  "equal to it is the title ('' for none)")
      ->capture_default_str();
  cmd->add_flag("--strict", args->strict,
                "Stop with exit status 65 at invalid UTF-8 (articles) or a "
                "record that is not JSON (--jsonl)");
  cmd->callback([run, args, global] {
    *run = [args, global] { return RunClean(*args, *global); };
  });
}

}  // namespace normkit::tools
