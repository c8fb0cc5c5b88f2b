// normkit normalize: the Normalizer over files or standard input.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "normkit/encoding.h"
#include "normkit/normalizer.h"
#include "stream.h"

namespace normkit::tools {
namespace {

struct NormalizeArgs {
  FileArgs files;
  std::string form = "nfc";
  std::string quotes = "ascii";
  std::string encoding;
  bool strict = false;
  bool punct = false;
  bool keep_invisibles = false;
  bool keep_whitespace = false;
  bool stats = false;
};

int RunNormalize(const NormalizeArgs& args, const GlobalOptions& global) {
  NormalizerOptions options;
  if (!ParseUnicodeForm(args.form, &options.form)) {
    return Fail(kExitUsage, "--form: unknown form '" + args.form +
                                "' (nfc, nfd, nfkc, nfkd, nfkc_casefold, none)");
  }
  options.strict_utf8 = args.strict;
  options.punct = args.punct;
  options.quote_style = args.quotes;
  options.remove_invisibles = !args.keep_invisibles;
  options.normalize_whitespace = !args.keep_whitespace;

  Result<RuleFiles> rules = LoadRules(global.rules_dir);
  if (!rules.ok()) return Fail(kExitNoInput, rules.status().ToString());
  Result<Normalizer> normalizer = Normalizer::Create(options, *rules);
  if (!normalizer.ok()) {
    const Status& s = normalizer.status();
    return Fail(s.code() == ErrorCode::kInvalidArgument ? kExitUsage
                                                        : kExitDataError,
                s.ToString());
  }
  const bool convert = !args.encoding.empty() && args.encoding != "utf-8" &&
                       args.encoding != "UTF-8";
  if (convert && !IsSupportedCharset(args.encoding)) {
    return Fail(kExitUsage, "--encoding: '" + args.encoding +
                                "' is unknown or not ASCII-based");
  }

  NormalizeStats total, file_stats;
  std::string converted;
  auto work = [&](const InputFile& input, const Chunk& chunk, std::string* out) {
    std::string_view text = chunk.text;
    if (convert) {
      Result<std::string> utf8 = DecodeCharset(text, args.encoding);
      if (!utf8.ok()) {
        return Fail(kExitDataError,
                    input.name() + ": byte offset " +
                        std::to_string(chunk.offset + utf8.status().where().offset) +
                        ": " + utf8.status().message());
      }
      converted = std::move(*utf8);
      text = converted;
    }
    Status s = normalizer->Normalize(text, out, &file_stats);
    if (s.ok()) return kExitOk;
    const SourcePosition& at = s.where();
    return Fail(kExitDataError,
                input.name() + ":" + std::to_string(chunk.first_line + at.line - 1) +
                    ":" + std::to_string(at.column) + ": " + s.message() +
                    " at byte offset " + std::to_string(chunk.offset + at.offset) +
                    " (without --strict it becomes U+FFFD)");
  };
  auto done = [&](const InputFile& input) {
    if (file_stats.invalid_sequences > 0 && !global.quiet) {
      std::cerr << "normkit: " << input.name() << ": replaced "
                << file_stats.invalid_sequences
                << " invalid UTF-8 sequence(s) with U+FFFD (--strict stops "
                   "instead)\n";
    }
    total.Add(file_stats);
    file_stats = NormalizeStats();
  };
  if (const int status = StreamFiles(args.files, work, done); status != kExitOk) {
    return status;
  }
  if (args.stats && !global.quiet) {
    std::cerr << "normkit: " << total.lines << " lines, " << total.lines_changed
              << " changed, " << total.invalid_sequences
              << " invalid UTF-8 sequences replaced, " << total.removed
              << " invisible characters removed\n";
  }
  return kExitOk;
}

}  // namespace

void AddNormalizeCommand(CLI::App* app, const GlobalOptions* global,
                         CommandBody* run) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app->add_subcommand(
      "normalize",
      "Unicode form, invalid UTF-8, invisible characters, whitespace and "
      "(with --punct) typography. N lines in, N lines out; running it twice "
      "changes nothing more.");
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--form", args->form,
                  "Unicode normalization form: nfc, nfd, nfkc, nfkd, "
                  "nfkc_casefold, none")
      ->type_name("FORM")
      ->capture_default_str();
  cmd->add_flag("--strict", args->strict,
                "Stop at invalid UTF-8 with exit status 65, naming the line "
                "and byte offset (default: replace it with U+FFFD)");
  cmd->add_flag("--punct", args->punct,
                "Typography too: quotes to one style, dashes, ellipses, "
                "doubled commas, spaces before punctuation");
  cmd->add_option("--quotes", args->quotes,
                  "Quote style for --punct, from normalize/punct.toml: ascii, "
                  "curly, angle, german")
      ->type_name("STYLE")
      ->capture_default_str();
  cmd->add_flag("--keep-invisibles", args->keep_invisibles,
                "Keep BOM, soft hyphens, zero-width characters and control "
                "characters");
  cmd->add_flag("--keep-whitespace", args->keep_whitespace,
                "Leave spaces, tabs and line endings as they are");
  cmd->add_option("--encoding", args->encoding,
                  "Charset of the input, converted to UTF-8 first: "
                  "windows-1251, koi8-r, koi8-u, cp866, iso-8859-5, ... "
                  "(default: UTF-8)")
      ->type_name("CHARSET");
  cmd->add_flag("--stats", args->stats,
                "Print what changed to standard error at the end");
  cmd->callback([run, args, global] {
    *run = [args, global] { return RunNormalize(*args, *global); };
  });
}

}  // namespace normkit::tools
