// normkit dates parse | find: the DateFinder over files or standard input.
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "normkit/date_finder.h"
#include "stream.h"

namespace normkit::tools {
namespace {

struct DatesArgs {
  FileArgs files;
  std::string languages;  // "ru,uk"
  bool rewrite = false;
};

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> parts;
  std::stringstream in(list);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

Result<DateFinder> MakeFinder(const DatesArgs& args, const GlobalOptions& global) {
  Result<RuleFiles> rules = LoadRules(global.rules_dir);
  if (!rules.ok()) return rules.status();
  DateFinderOptions options;
  options.languages = SplitCommas(args.languages);
  return DateFinder::Create(options, *rules);
}

int FinderError(const Status& s) {
  return Fail(s.code() == ErrorCode::kInvalidArgument ? kExitUsage
              : s.code() == ErrorCode::kNotFound      ? kExitNoInput
                                                      : kExitDataError,
              s.ToString());
}

// Calls `line(text, number)` for each line of the chunk (without its LF),
// appending a LF after each line that had one.
template <typename PerLine>
void EachLine(const Chunk& chunk, std::string* out, PerLine line) {
  std::string_view text = chunk.text;
  std::size_t number = chunk.first_line;
  while (!text.empty()) {
    const std::size_t lf = text.find('\n');
    line(text.substr(0, lf), number++);
    if (lf == std::string_view::npos) break;
    out->push_back('\n');
    text.remove_prefix(lf + 1);
  }
}

int RunParse(const DatesArgs& args, const GlobalOptions& global) {
  Result<DateFinder> finder = MakeFinder(args, global);
  if (!finder.ok()) return FinderError(finder.status());
  return StreamFiles(args.files, [&](const InputFile&, const Chunk& chunk, std::string* out) {
    EachLine(chunk, out, [&](std::string_view line, std::size_t) {
      if (std::optional<DateMatch> m = finder->Parse(line)) out->append(m->value.ToIso());
    });
    return kExitOk;
  });
}

int RunFind(const DatesArgs& args, const GlobalOptions& global) {
  Result<DateFinder> finder = MakeFinder(args, global);
  if (!finder.ok()) return FinderError(finder.status());
  std::vector<DateMatch> matches;
  return StreamFiles(args.files, [&](const InputFile&, const Chunk& chunk, std::string* out) {
    if (args.rewrite) {
      // The text with each date replaced by its ISO value.
      matches.clear();
      finder->Find(chunk.text, &matches);
      std::size_t at = 0;
      for (const DateMatch& m : matches) {
        out->append(chunk.text.substr(at, m.begin - at));
        out->append(m.value.ToIso());
        at = m.end;
      }
      out->append(chunk.text.substr(at));
      return kExitOk;
    }
    // One JSON object a date: the line (from 1), byte offsets in the line
    // (start from 0, end exclusive), the text, its ISO value, the language.
    std::string_view text = chunk.text;
    std::size_t number = chunk.first_line;
    while (!text.empty()) {
      const std::size_t lf = text.find('\n');
      const std::string_view line = text.substr(0, lf);
      matches.clear();
      finder->Find(line, &matches);
      for (const DateMatch& m : matches) {
        nlohmann::json record = {
            {"line", number},
            {"start", m.begin},
            {"end", m.end},
            {"text", std::string(line.substr(m.begin, m.end - m.begin))},
            {"iso", m.value.ToIso()},
            {"language", m.language.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.language)}};
        out->append(record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        out->push_back('\n');
      }
      ++number;
      if (lf == std::string_view::npos) break;
      text.remove_prefix(lf + 1);
    }
    return kExitOk;
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
