// normkit dates parse | find: the DateFinder over files or standard input,
// text or the documents of JSON Lines records.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "core/line_breaks.h"
#include "documents.h"
#include "normkit/date_finder.h"
#include "normkit/json_record.h"
#include "stream.h"
#include "summary.h"

namespace normkit::tools {
namespace {

struct DatesArgs {
  FileArgs files;
  DocumentArgs documents;
  std::string languages;  // "ru,uk"
  bool rewrite = false;
};

struct Counts {
  JsonLinesCounts records;
  std::uint64_t dates = 0;

  void Add(const Counts& other) {
    records.Add(other.records);
    dates += other.dates;
  }
};

// The finder, the --stats file opened, and after the stream the summary;
// what parse and find share.
class DatesCommand {
 public:
  DatesCommand(DatesArgs args, const GlobalOptions& global, std::string name)
      : args_(std::move(args)), global_(global), name_(std::move(name)) {}

  int Start() {
    if (const int status = ResolveDocumentArgs(&args_.documents); status != kExitOk) {
      return status;
    }
    RuleFiles rules;
    if (const int status = LoadRules(global_, &rules); status != kExitOk) return status;
    DateFinderOptions options;
    options.languages = SplitCommas(args_.languages);
    Result<DateFinder> finder = DateFinder::Create(options, rules);
    if (!finder.ok()) return Fail(finder.status());
    finder_.emplace(std::move(*finder));
    return stats_file_.Open(args_.files.stats_file);
  }

  int Stream(std::function<void(const Chunk&, ChunkResult*, Counts*)> work,
             std::string_view not_json_became) {
    StreamTotals totals;
    const int status = StreamFiles<Counts>(
        args_.files, global_, std::move(work),
        [this](const Input&, const Counts& counts) { total_.Add(counts); }, {}, &totals);
    WarnNotJson(total_.records, not_json_became, global_.quiet);
    if (status != kExitOk) return status;
    Summary summary;
    summary.command = name_;
    summary.documents = total_.records.records;
    summary.invalid_records = total_.records.not_json;
    summary.counts = {{"dates", total_.dates}};
    return stats_file_.Write(summary, totals);
  }

  const DatesArgs& args() const { return args_; }
  const DateFinder& finder() const { return *finder_; }
  bool count_documents() const { return !args_.files.stats_file.empty(); }

 private:
  DatesArgs args_;
  const GlobalOptions& global_;
  std::string name_;
  std::optional<DateFinder> finder_;
  StatsFile stats_file_;
  Counts total_;
};

int RunParse(const DatesArgs& args, const GlobalOptions& global) {
  DatesCommand command(args, global, "dates parse");
  if (const int status = command.Start(); status != kExitOk) return status;
  const DateFinder& finder = command.finder();
  // One line out for each line in: the ISO value or nothing.
  auto parse = [&](std::string_view text, std::string* out, Counts* counts) {
    if (std::optional<DateMatch> m = finder.Parse(text)) {
      m->value.AppendIso(out);
      ++counts->dates;
    }
  };
  return command.Stream(
      [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
        if (IsJsonLines(command.args().documents, chunk)) {
          ForEachRecord(
              command.args().documents, chunk,
              [&](const RecordLine& line) {
                if (line.document != nullptr) parse(*line.document, &result->out, counts);
                if (!line.ending.empty()) result->out.push_back('\n');
              },
              result, &counts->records);
          return;
        }
        for (std::string_view rest = chunk.text; !rest.empty();) {
          const internal::Line line = internal::NextLine(&rest);
          if (command.count_documents()) {
            counts->records.records += line.text.find_first_not_of(" \t") != std::string::npos;
          }
          parse(line.text, &result->out, counts);
          if (!line.ending.empty()) result->out.push_back('\n');
        }
      },
      "gave empty lines");
}

// {"line":N,"start":B,"end":E,"text":...,"iso":...,"language":...}: a date
// of line N (the record's line in JSON Lines), B and E byte offsets in that
// line (in the record's document).
void AppendDate(std::size_t number, std::string_view text, const DateMatch& m, std::string* out) {
  *out += "{\"line\":" + std::to_string(number) + ",\"start\":" + std::to_string(m.begin) +
          ",\"end\":" + std::to_string(m.end) + ",\"text\":";
  AppendJsonString(text.substr(m.begin, m.end - m.begin), out);
  *out += ",\"iso\":";
  AppendJsonString(m.value.ToIso(), out);
  *out += ",\"language\":";
  if (m.language.empty()) {
    *out += "null";
  } else {
    AppendJsonString(m.language, out);
  }
  *out += "}\n";
}

int RunFind(const DatesArgs& args, const GlobalOptions& global) {
  DatesCommand command(args, global, "dates find");
  if (const int status = command.Start(); status != kExitOk) return status;
  const DateFinder& finder = command.finder();
  const DocumentArgs& documents = command.args().documents;
  if (args.rewrite) {
    // The text (each record's document) with each date replaced by its ISO
    // value.
    return command.Stream(
        [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
          std::vector<DateMatch> matches;
          EditDocuments(
              documents, chunk,
              [&](std::string_view text, std::string* out) {
                matches.clear();
                finder.Find(text, &matches);
                counts->dates += matches.size();
                std::size_t at = 0;
                for (const DateMatch& m : matches) {
                  out->append(text.substr(at, m.begin - at));
                  m.value.AppendIso(out);
                  at = m.end;
                }
                out->append(text.substr(at));
              },
              result, &counts->records, command.count_documents());
        },
        "went through unchanged");
  }
  // One JSON object a date.
  return command.Stream(
      [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
        std::vector<DateMatch> matches;
        auto find = [&](std::size_t number, std::string_view text) {
          matches.clear();
          finder.Find(text, &matches);
          counts->dates += matches.size();
          for (const DateMatch& m : matches) AppendDate(number, text, m, &result->out);
        };
        if (IsJsonLines(documents, chunk)) {
          ForEachRecord(
              documents, chunk,
              [&](const RecordLine& line) {
                if (line.document != nullptr) find(line.number, *line.document);
              },
              result, &counts->records);
          return;
        }
        std::size_t number = chunk.first_line;
        for (std::string_view rest = chunk.text; !rest.empty(); ++number) {
          const std::string_view line = internal::NextLine(&rest).text;
          if (command.count_documents()) {
            counts->records.records += line.find_first_not_of(" \t") != std::string::npos;
          }
          find(number, line);
        }
      },
      "were skipped");
}

void AddDatesOptions(CLI::App* cmd, DatesArgs* args, std::string_view not_json_gives) {
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--lang", args->languages,
                  "Languages to read, comma-separated codes (ru,uk,be,kk,en from "
                  "rules/dates, any other from ICU's CLDR data, e.g. de,fr,pl). "
                  "Default: all, each date's language found from its words")
      ->type_name("L,...");
  AddDocumentOptions(cmd, &args->documents, "", "", not_json_gives);
}

}  // namespace

void AddDatesCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  CLI::App* dates = app->add_subcommand(
      "dates", "Finds dates written with month names or numbers and gives them as ISO 8601");
  dates->require_subcommand(1, 1);

  auto parse_args = std::make_shared<DatesArgs>();
  CLI::App* parse = dates->add_subcommand(
      "parse",
      "One date expression a line (or a JSON Lines record's document) in, one line "
      "out: its ISO 8601 value, or an empty line");
  AddDatesOptions(parse, parse_args.get(), "it gives an empty line");
  parse->callback([run, parse_args, global] {
    *run = [parse_args, global] { return RunParse(*parse_args, *global); };
  });

  auto find_args = std::make_shared<DatesArgs>();
  CLI::App* find = dates->add_subcommand(
      "find",
      "Running text in, one JSON object a date out: line, start and end byte "
      "offsets in the line (in JSON Lines: the record's line, offsets in its "
      "document), text, iso, language. --rewrite instead writes the text with "
      "each date replaced by its ISO value");
  AddDatesOptions(find, find_args.get(),
                  "it is skipped (with --rewrite it goes through unchanged)");
  find->add_flag("--rewrite", find_args->rewrite,
                 "Write the text (each record's document) with each date replaced by its "
                 "ISO 8601 value");
  find->callback([run, find_args, global] {
    *run = [find_args, global] { return RunFind(*find_args, *global); };
  });
}

}  // namespace normkit::tools
