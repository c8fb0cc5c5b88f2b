// normkit normalize: the Normalizer over files or standard input.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "input.h"
#include "normkit/encoding.h"
#include "normkit/normalizer.h"
#include "output.h"

namespace normkit::tools {
namespace {

struct NormalizeArgs {
  std::vector<std::string> inputs;
  std::string output;
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

  std::string error;
  std::vector<std::unique_ptr<InputFile>> inputs;
  if (!OpenInputs(args.inputs, &inputs, &error)) {
    return Fail(kExitNoInput, error);
  }
  Output output;
  if (!output.Open(args.output, &error)) return Fail(kExitCantCreate, error);

  NormalizeStats total;
  std::string normalized;
  std::string converted;
  for (const auto& input : inputs) {
    NormalizeStats file_stats;
    for (;;) {
      std::string_view chunk;
      std::size_t first_line = 0, offset = 0;
      if (!input->NextChunk(&chunk, &first_line, &offset, &error)) {
        return Fail(kExitNoInput, error);
      }
      if (chunk.empty()) break;
      if (convert) {
        Result<std::string> utf8 = DecodeCharset(chunk, args.encoding);
        if (!utf8.ok()) {
          return Fail(kExitDataError,
                      input->name() + ": byte offset " +
                          std::to_string(offset + utf8.status().where().offset) +
                          ": " + utf8.status().message());
        }
        converted = std::move(*utf8);
        chunk = converted;
      }
      normalized.clear();
      Status s = normalizer->Normalize(chunk, &normalized, &file_stats);
      if (!output.Write(normalized, &error)) return Fail(kExitCantCreate, error);
      if (!s.ok()) {
        const SourcePosition& at = s.where();
        return Fail(kExitDataError,
                    input->name() + ":" + std::to_string(first_line + at.line - 1) +
                        ":" + std::to_string(at.column) + ": " + s.message() +
                        " at byte offset " + std::to_string(offset + at.offset) +
                        " (without --strict it becomes U+FFFD)");
      }
    }
    if (file_stats.invalid_sequences > 0 && !global.quiet) {
      std::cerr << "normkit: " << input->name() << ": replaced "
                << file_stats.invalid_sequences
                << " invalid UTF-8 sequence(s) with U+FFFD (--strict stops "
                   "instead)\n";
    }
    total.Add(file_stats);
  }
  if (!output.Commit(&error)) return Fail(kExitCantCreate, error);
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
  cmd->add_option("FILE", args->inputs,
                  "Input files ('-' or none: standard input)")
      ->type_name("");
  cmd->add_option("-o,--output", args->output,
                  "Write here instead of standard output (atomically, by "
                  "renaming a finished temporary file)")
      ->type_name("FILE");
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
