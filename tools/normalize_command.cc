// normkit normalize: the Normalizer over files or standard input.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli_support.h"
#include "commands.h"
#include "core/line_breaks.h"
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

// What one chunk, then one input, then the whole run changed.
struct Counts {
  NormalizeStats normalize;
  std::uint64_t undefined_bytes = 0;  // --encoding: bytes the charset leaves undefined

  void Add(const Counts& other) {
    normalize.Add(other.normalize);
    undefined_bytes += other.undefined_bytes;
  }
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

  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  Result<Normalizer> normalizer = Normalizer::Create(options, rules);
  if (!normalizer.ok()) return Fail(normalizer.status());
  std::optional<CharsetDecoder> charset;
  if (!args.encoding.empty() && args.encoding != "utf-8" && args.encoding != "UTF-8") {
    Result<CharsetDecoder> decoder = CharsetDecoder::Create(args.encoding);
    if (!decoder.ok()) return Fail(kExitUsage, "--encoding: " + decoder.status().message());
    charset = std::move(*decoder);
  }

  auto work = [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
    std::string_view text = chunk.text;
    std::string converted;
    if (charset) {
      std::size_t first = 0;
      counts->undefined_bytes = charset->Decode(text, &converted, &first);
      if (counts->undefined_bytes > 0 && args.strict) {
        // The lines before the one with the bad byte still go out.
        const std::string_view before = text.substr(0, text.find_last_of("\r\n", first) + 1);
        std::string decoded;
        charset->Decode(before, &decoded);
        (void)normalizer->Normalize(decoded, &result->out, &counts->normalize);
        static constexpr char kHex[] = "0123456789abcdef";
        const auto b = static_cast<unsigned char>(text[first]);
        result->status = kExitDataError;
        result->message = std::to_string(chunk.first_line + internal::CountLineBreaks(before)) +
                          ":" + std::to_string(first - before.size() + 1) + ": byte 0x" +
                          kHex[b >> 4] + kHex[b & 0xF] + " is not defined in " +
                          args.encoding + ", at byte offset " +
                          std::to_string(chunk.offset + first) +
                          " (without --strict it becomes U+FFFD)";
        return;
      }
      text = converted;
    }
    const Status s = normalizer->Normalize(text, &result->out, &counts->normalize);
    if (s.ok()) return;
    result->status = kExitDataError;
    result->message = std::to_string(chunk.first_line + s.where().line - 1) + ":" +
                      std::to_string(s.where().column) + ": " + s.message() +
                      " at byte offset " + std::to_string(chunk.offset + s.where().offset) +
                      " (without --strict it becomes U+FFFD)";
  };

  Counts total, file;
  auto tally = [&](const Input&, const Counts& chunk) { file.Add(chunk); };
  auto input_done = [&](const Input& input) {
    if (!global.quiet && file.normalize.invalid_sequences > 0) {
      std::cerr << "normkit: " << input.name() << ": replaced "
                << file.normalize.invalid_sequences
                << " invalid UTF-8 sequence(s) with U+FFFD (--strict stops instead)\n";
    }
    if (!global.quiet && file.undefined_bytes > 0) {
      std::cerr << "normkit: " << input.name() << ": replaced " << file.undefined_bytes
                << " byte(s) that " << args.encoding
                << " leaves undefined with U+FFFD (--strict stops instead)\n";
    }
    total.Add(file);
    file = Counts();
  };
  const int status = StreamFiles<Counts>(args.files, global, work, tally, input_done);
  if (status != kExitOk) return status;
  if (args.stats && !global.quiet) {
    const NormalizeStats& n = total.normalize;
    std::cerr << "normkit: " << n.lines << " lines, " << n.lines_changed << " changed, "
              << n.invalid_sequences << " invalid UTF-8 sequences replaced, " << n.removed
              << " invisible characters removed\n";
  }
  return kExitOk;
}

}  // namespace

void AddNormalizeCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app->add_subcommand(
      "normalize",
      "Unicode form, invalid UTF-8, invisible characters, whitespace and "
      "(with --punct) typography. N lines in, N lines out; running it twice "
      "changes nothing more.");
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--form", args->form,
                  "Unicode normalization form: nfc, nfd, nfkc, nfkd, nfkc_casefold, none")
      ->type_name("FORM")
      ->capture_default_str();
  cmd->add_flag("--strict", args->strict,
                "Stop at invalid UTF-8 (or a byte --encoding leaves undefined) with exit "
                "status 65, naming the line and byte offset (default: U+FFFD)");
  cmd->add_flag("--punct", args->punct,
                "Typography too: quotes to one style, dashes, ellipses, doubled commas, "
                "spaces before punctuation");
  cmd->add_option("--quotes", args->quotes,
                  "Quote style for --punct, from normalize/punct.toml: ascii, curly, angle, "
                  "german")
      ->type_name("STYLE")
      ->capture_default_str();
  cmd->add_flag("--keep-invisibles", args->keep_invisibles,
                "Keep BOM, soft hyphens, zero-width characters and control characters");
  cmd->add_flag("--keep-whitespace", args->keep_whitespace,
                "Leave spaces, tabs and line endings as they are");
  cmd->add_option("--encoding", args->encoding,
                  "Charset of the input, converted to UTF-8 first: a single-byte charset "
                  "such as windows-1251, koi8-r, koi8-u, cp866, iso-8859-5 (default: "
                  "UTF-8); a byte it leaves undefined becomes U+FFFD")
      ->type_name("CHARSET");
  cmd->add_flag("--stats", args->stats, "Print what changed to standard error at the end");
  cmd->callback([run, args, global] {
    *run = [args, global] { return RunNormalize(*args, *global); };
  });
}

}  // namespace normkit::tools
