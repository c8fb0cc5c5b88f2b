// normkit dates parse | find: the DateFinder over files or standard input.
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "core/line_breaks.h"
#include "normkit/date_finder.h"
#include "normkit/json_record.h"
#include "stream.h"

namespace normkit::tools {
namespace {

struct DatesArgs {
  FileArgs files;
  std::string languages;  // "ru,uk"
  bool rewrite = false;
};

Result<DateFinder> MakeFinder(const DatesArgs& args, const RuleFiles& rules) {
  DateFinderOptions options;
  options.languages = SplitCommas(args.languages);
  return DateFinder::Create(options, rules);
}

struct NoCounts {};

int RunParse(const DatesArgs& args, const GlobalOptions& global) {
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  Result<DateFinder> finder = MakeFinder(args, rules);
  if (!finder.ok()) return Fail(finder.status());
  return StreamFiles<NoCounts>(
      args.files, global, [&](const Chunk& chunk, ChunkResult* result, NoCounts*) {
        // One line out for each line in: the ISO value or nothing.
        for (std::string_view rest = chunk.text; !rest.empty();) {
          const internal::Line line = internal::NextLine(&rest);
          if (std::optional<DateMatch> m = finder->Parse(line.text)) {
            result->out.append(m->value.ToIso());
          }
          if (!line.ending.empty()) result->out.push_back('\n');
        }
      });
}

int RunFind(const DatesArgs& args, const GlobalOptions& global) {
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  Result<DateFinder> finder = MakeFinder(args, rules);
  if (!finder.ok()) return Fail(finder.status());
  return StreamFiles<NoCounts>(
      args.files, global, [&](const Chunk& chunk, ChunkResult* result, NoCounts*) {
        std::vector<DateMatch> matches;
        std::string& out = result->out;
        if (args.rewrite) {
          // The text with each date replaced by its ISO value.
          finder->Find(chunk.text, &matches);
          std::size_t at = 0;
          for (const DateMatch& m : matches) {
            out.append(chunk.text.substr(at, m.begin - at));
            out.append(m.value.ToIso());
            at = m.end;
          }
          out.append(chunk.text.substr(at));
          return;
        }
        // One JSON object a date: the line (from 1), byte offsets in the line
        // (start from 0, end exclusive), the text, its ISO value, the language.
        std::size_t number = chunk.first_line;
        for (std::string_view rest = chunk.text; !rest.empty(); ++number) {
          const std::string_view line = internal::NextLine(&rest).text;
          matches.clear();
          finder->Find(line, &matches);
          for (const DateMatch& m : matches) {
            out += "{\"line\":" + std::to_string(number) + ",\"start\":" +
                   std::to_string(m.begin) + ",\"end\":" + std::to_string(m.end) +
                   ",\"text\":";
            AppendJsonString(line.substr(m.begin, m.end - m.begin), &out);
            out += ",\"iso\":";
            AppendJsonString(m.value.ToIso(), &out);
            out += ",\"language\":";
            if (m.language.empty()) {
              out += "null";
            } else {
              AppendJsonString(m.language, &out);
            }
            out += "}\n";
          }
        }
      });
}

void AddLanguageOption(CLI::App* cmd, DatesArgs* args) {
  cmd->add_option("--lang", args->languages,
                  "Languages to read, comma-separated codes (ru,uk,be,kk,en from "
                  "rules/dates, any other from ICU's CLDR data, e.g. de,fr,pl). "
                  "Default: all, each date's language found from its words")
      ->type_name("L,...");
}

}  // namespace

void AddDatesCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  CLI::App* dates = app->add_subcommand(
      "dates", "Finds dates written with month names or numbers and gives them as ISO 8601");
  dates->require_subcommand(1, 1);

  auto parse_args = std::make_shared<DatesArgs>();
  CLI::App* parse = dates->add_subcommand(
      "parse",
      "One date expression a line in (words around it are fine), one line out: "
      "its ISO 8601 value, or an empty line");
  AddFileOptions(parse, &parse_args->files);
  AddLanguageOption(parse, parse_args.get());
  parse->callback([run, parse_args, global] {
    *run = [parse_args, global] { return RunParse(*parse_args, *global); };
  });

  auto find_args = std::make_shared<DatesArgs>();
  CLI::App* find = dates->add_subcommand(
      "find",
      "Running text in, one JSON object a date out: line, start and end byte "
      "offsets in the line, text, iso, language. --rewrite instead writes the "
      "text with each date replaced by its ISO value");
  AddFileOptions(find, &find_args->files);
  AddLanguageOption(find, find_args.get());
  find->add_flag("--rewrite", find_args->rewrite,
                 "Write the text with each date replaced by its ISO 8601 value");
  find->callback([run, find_args, global] {
    *run = [find_args, global] { return RunFind(*find_args, *global); };
  });
}

}  // namespace normkit::tools
