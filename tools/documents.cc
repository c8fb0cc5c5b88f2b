#include "documents.h"

#include <iostream>

#include "cli_support.h"
#include "core/line_breaks.h"

namespace normkit::tools {

void AddDocumentOptions(CLI::App* cmd, DocumentArgs* args, std::string_view default_field,
                        std::string_view strict_too, std::string_view otherwise) {
  args->field = std::string(default_field);
  CLI::Option* field =
      cmd->add_option("--field", args->field,
                      "JSON Lines input: the string field of each record that holds the document "
                      "(an input is JSON Lines when it starts with '{'; other inputs are text)");
  field->type_name("NAME");
  if (!default_field.empty()) field->capture_default_str();
  cmd->add_option("--format", args->format,
                  "auto (JSON Lines when a field is named and the input starts with "
                  "'{'), jsonl (every input; field text unless --field), or text")
      ->type_name("F")
      ->capture_default_str();
  std::string strict = "Stop with exit status 65 at ";
  if (!strict_too.empty()) strict += std::string(strict_too) + " or at ";
  strict += "a JSON Lines line that is not a JSON object, naming its line (default: " +
            std::string(otherwise) + ", counted)";
  cmd->add_flag("--strict", args->strict, strict);
}

int ResolveDocumentArgs(DocumentArgs* args) {
  if (args->format != "auto" && args->format != "jsonl" && args->format != "text") {
    return Fail(kExitUsage, "--format: expected auto, jsonl or text, not '" + args->format + "'");
  }
  if (args->format == "jsonl" && args->field.empty()) args->field = "text";
  return kExitOk;
}

bool IsJsonLines(const DocumentArgs& args, char first_byte) {
  if (args.format == "jsonl") return true;
  return args.format == "auto" && !args.field.empty() && first_byte == '{';
}

JsonLinesOptions JsonLinesFor(const DocumentArgs& args) {
  JsonLinesOptions options;
  options.field = args.field.empty() ? "text" : args.field;
  options.strict = args.strict;
  return options;
}

void RecordFailure(const Chunk& chunk, const Status& status, ChunkResult* result) {
  result->status = kExitDataError;
  result->message = std::to_string(chunk.first_line + status.where().line - 1) + ": " +
                    status.message() + " (without --strict it goes through unchanged)";
}

std::uint64_t CountTextDocuments(std::string_view text) {
  std::uint64_t documents = 0;
  for (std::string_view rest = text; !rest.empty();) {
    const std::string_view line = internal::NextLine(&rest).text;
    documents += line.find_first_not_of(" \t") != std::string_view::npos;
  }
  return documents;
}

void EditDocuments(const DocumentArgs& args, const Chunk& chunk, const TextEdit& edit,
                   ChunkResult* result, JsonLinesCounts* counts, bool count_text) {
  if (!IsJsonLines(args, chunk)) {
    if (count_text) counts->records += CountTextDocuments(chunk.text);
    edit(chunk.text, &result->out);
    return;
  }
  const Status s = EditJsonLines(
      chunk.text, JsonLinesFor(args), /*added=*/{},
      [&](const JsonRecord&, std::string_view text, std::string* new_text, std::string*) {
        edit(text, new_text);
      },
      &result->out, counts);
  if (!s.ok()) RecordFailure(chunk, s, result);
}

bool ForEachRecord(const DocumentArgs& args, const Chunk& chunk,
                   const std::function<void(const RecordLine&)>& visit, ChunkResult* result,
                   JsonLinesCounts* counts) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const std::string field = JsonLinesFor(args).field;
  JsonRecord record;
  std::string text;
  RecordLine line;
  line.number = chunk.first_line;
  for (std::string_view rest = chunk.text; !rest.empty(); ++line.number) {
    const internal::Line l = internal::NextLine(&rest);
    std::string_view content = l.text;
    if (content.starts_with(kBom)) content.remove_prefix(kBom.size());
    line.ending = l.ending;
    line.document = nullptr;
    if (content.find_first_not_of(" \t") == std::string_view::npos) {
      line.kind = RecordLine::kBlank;
    } else if (!record.Parse(content)) {
      if (args.strict) {
        result->status = kExitDataError;
        result->message = std::to_string(line.number) +
                          ": not a JSON object (without --strict it is skipped, counted)";
        return false;
      }
      ++counts->records;
      ++counts->not_json;
      line.kind = RecordLine::kNotJson;
    } else {
      ++counts->records;
      if (record.StringField(field, &text)) {
        ++counts->edited;
        line.kind = RecordLine::kDocument;
        line.document = &text;
      } else {
        line.kind = record.Has(field) ? RecordLine::kNotString : RecordLine::kNoField;
      }
    }
    visit(line);
  }
  return true;
}

void WarnNotJson(const JsonLinesCounts& counts, std::string_view what_became_of_them, bool quiet) {
  if (counts.not_json == 0 || quiet) return;
  std::cerr << "normkit: " << counts.not_json << " record(s) were not JSON objects and "
            << what_became_of_them << " (--strict stops at the first)\n";
}

}  // namespace normkit::tools
