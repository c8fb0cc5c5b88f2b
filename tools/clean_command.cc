// normkit clean: an article in, one JSON object out (its metadata and the
// cleaned body); with --jsonl, every record of a JSON Lines corpus.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "normkit/header_cleaner.h"
#include "normkit/normalizer.h"
#include "json_record.h"
#include "output.h"
#include "stream.h"

namespace normkit::tools {
namespace {

// ordered_json keeps the keys of a record in the order they came.
using Json = nlohmann::ordered_json;

struct CleanArgs {
  FileArgs files;
  std::string languages;
  std::string field = "text";
  bool jsonl = false;
  bool strict = false;
};

Json OptionalString(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json(nullptr);
}

Json Metadata(const CleanedArticle& a) {
  Json removed = Json::array();
  for (const RemovedLine& r : a.removed) {
    removed.push_back({{"line", r.line}, {"text", r.text}, {"rule", r.rule}});
  }
  return {{"title", OptionalString(a.title)},
          {"published", OptionalString(a.published)},
          {"modified", OptionalString(a.modified)},
          {"updated", OptionalString(a.updated)},
          {"authors", a.authors},
          {"photo_credits", a.photo_credits},
          {"removed", removed},
          {"lines", a.lines}};
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A normalizer that changes nothing and only checks UTF-8, for --strict.
Result<Normalizer> Utf8Checker() {
  return Normalizer::Create({.form = UnicodeForm::kNone,
                             .strict_utf8 = true,
                             .remove_invisibles = false,
                             .normalize_whitespace = false});
}

int RunClean(const CleanArgs& args, const GlobalOptions& global) {
  Result<RuleFiles> rules = LoadRules(global.rules_dir);
  if (!rules.ok()) return Fail(kExitNoInput, rules.status().ToString());
  HeaderCleanerOptions options;
  std::stringstream langs(args.languages);
  for (std::string code; std::getline(langs, code, ',');) {
    if (!code.empty()) options.languages.push_back(code);
  }
  Result<HeaderCleaner> cleaner = HeaderCleaner::Create(options, *rules);
  if (!cleaner.ok()) {
    const Status& s = cleaner.status();
    return Fail(s.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitDataError,
                s.ToString());
  }

  if (!args.jsonl) {
    // Each input is one article and gives one JSON object (one line).
    std::string error;
    std::vector<std::unique_ptr<InputFile>> inputs;
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
      const CleanedArticle cleaned = cleaner->Clean(article);
      Json record = Metadata(cleaned);
      record["body"] = cleaned.body;
      if (!output.Write(Dump(record) + "\n", &error)) return Fail(kExitCantCreate, error);
    }
    if (!output.Commit(&error)) return Fail(kExitCantCreate, error);
    return kExitOk;
  }

  // JSON Lines: clean one field of each record, keep the rest byte for
  // byte, add the metadata. A record that is not JSON goes through as it
  // is, counted.
  std::size_t passed_through = 0;
  JsonRecord record;
  const int status = StreamFiles(args.files, [&](const InputFile& input, const Chunk& chunk,
                                                 std::string* out) {
    std::string_view text = chunk.text;
    std::size_t number = chunk.first_line;
    while (!text.empty()) {
      const std::size_t lf = text.find('\n');
      const std::string_view line = text.substr(0, lf);
      const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
      if (blank) {
        out->append(line);
      } else if (!record.Parse(line)) {
        if (args.strict) {
          return Fail(kExitDataError,
                      input.name() + ":" + std::to_string(number) + ": not a JSON object");
        }
        ++passed_through;
        out->append(line);
      } else if (std::optional<std::string_view> text_field = record.StringField(args.field)) {
        const CleanedArticle cleaned = cleaner->Clean(*text_field);
        const std::string metadata = Dump(Metadata(cleaned));
        if (!record.Write(args.field, cleaned.body, "metadata", metadata, out)) {
          // A key written with escapes, or a "metadata" already there.
          Json full = Json::parse(line);
          full[args.field] = cleaned.body;
          full["metadata"] = Json::parse(metadata);
          out->append(Dump(full));
        }
      } else {
        out->append(line);  // no such field: unchanged
      }
      ++number;
      if (lf == std::string_view::npos) break;
      out->push_back('\n');
      text.remove_prefix(lf + 1);
    }
    return kExitOk;
  });
  if (passed_through > 0 && !global.quiet) {
    std::cerr << "normkit: " << passed_through
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
  cmd->add_flag("--jsonl", args->jsonl,
                "Input is JSON Lines: clean --field of each record, add the "
                "metadata under \"metadata\"");
  cmd->add_option("--field", args->field, "The text field of --jsonl records")
      ->capture_default_str();
  cmd->add_flag("--strict", args->strict,
                "Stop with exit status 65 at invalid UTF-8 (articles) or a "
                "record that is not JSON (--jsonl)");
  cmd->callback([run, args, global] {
    *run = [args, global] { return RunClean(*args, *global); };
  });
}

}  // namespace normkit::tools
