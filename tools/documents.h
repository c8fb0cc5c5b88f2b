// How the commands read documents: lines of text, or JSON Lines records whose
// string field holds the document. One set of flags with one meaning on
// every command that reads documents (normalize, translit, dates, clean,
// variants, run):
//
//   --field NAME   JSON Lines: NAME is the field of each record that holds
//                  the document. An input is JSON Lines when its first byte
//                  (after spaces and a BOM) is '{', as run has always told;
//                  any other input is read as text.
//   --format F     auto (the above), jsonl (every input; field "text" unless
//                  --field names one), text (never JSON Lines).
//   --strict       a line that is not a JSON object stops the command with
//                  exit status 65 and its line number; without it the line
//                  goes through unchanged (or is skipped where the output is
//                  not the records) and is counted.
//
// run reads JSON Lines by default (its --field is "text"); on the other
// commands JSON Lines is on once --field or --format jsonl says so. A
// record without the field (or whose field is not a string) goes through
// unchanged; every byte of a record but the field's value is kept.
#ifndef NORMKIT_TOOLS_DOCUMENTS_H_
#define NORMKIT_TOOLS_DOCUMENTS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "input.h"
#include "normkit/json_record.h"
#include "normkit/status.h"
#include "stream.h"

namespace normkit::tools {

struct DocumentArgs {
  std::string field;            // --field NAME
  std::string format = "auto";  // --format auto|jsonl|text
  bool strict = false;          // --strict
};

// Registers --field, --format and --strict on `cmd`. `default_field` is run's
// "text" (JSON Lines by default), "" elsewhere; `strict_too` what else
// --strict stops at on this command ("invalid UTF-8"), or ""; `otherwise`
// what becomes of a line that is not JSON without it.
void AddDocumentOptions(CLI::App* cmd, DocumentArgs* args, std::string_view default_field,
                        std::string_view strict_too,
                        std::string_view otherwise = "it goes through unchanged");

// Checks --format and fills in the field --format jsonl reads by default.
// kExitOk, or kExitUsage after the message.
int ResolveDocumentArgs(DocumentArgs* args);

// Whether the input `chunk` comes from is read as JSON Lines; the same for
// every chunk of one input.
bool IsJsonLines(const DocumentArgs& args, char first_byte);
inline bool IsJsonLines(const DocumentArgs& args, const Chunk& chunk) {
  return IsJsonLines(args, chunk.first_byte);
}

JsonLinesOptions JsonLinesFor(const DocumentArgs& args);

// A chunk's failure under --strict, from EditJsonLines' Status (its line
// counted in the chunk): "12: not a JSON object (without --strict it goes
// through unchanged)".
void RecordFailure(const Chunk& chunk, const Status& status, ChunkResult* result);

// Lines of text that hold something other than spaces and tabs: the
// documents of a text input, one a line.
std::uint64_t CountTextDocuments(std::string_view text);

// The text commands' loop: `edit` writes what a document becomes. A text
// chunk is one call on the chunk's lines; in JSON Lines each record's field
// is one call, its result written in place of the value. Counts records
// (documents) and lines that are not JSON into *counts; text documents only
// when `count_text` (a summary asks for them). A failure goes into *result.
using TextEdit = std::function<void(std::string_view text, std::string* out)>;
void EditDocuments(const DocumentArgs& args, const Chunk& chunk, const TextEdit& edit,
                   ChunkResult* result, JsonLinesCounts* counts, bool count_text);

// One line of a JSON Lines chunk, for commands whose output is not the
// records (dates parse and find, variants discover).
struct RecordLine {
  enum Kind { kBlank, kNotJson, kNoField, kNotString, kDocument };
  Kind kind = kBlank;
  std::size_t number = 0;                 // in the input, from 1
  std::string_view ending;                // the line's ending ("" for a last line without one)
  const std::string* document = nullptr;  // kDocument: the field's value, decoded
};
// Calls `visit` on every line of a JSON Lines chunk, counting records and
// lines that are not JSON into *counts. Under --strict a line that is not a
// JSON object stops it: false, with the failure in *result.
bool ForEachRecord(const DocumentArgs& args, const Chunk& chunk,
                   const std::function<void(const RecordLine&)>& visit, ChunkResult* result,
                   JsonLinesCounts* counts);

// The warning after a run without --strict: how many lines were not JSON
// objects and what became of them ("went through unchanged").
void WarnNotJson(const JsonLinesCounts& counts, std::string_view what_became_of_them, bool quiet);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_DOCUMENTS_H_
