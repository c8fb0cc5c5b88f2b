// normkit normalize: the Normalizer over files or standard input.
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cli_support.h"
#include "commands.h"
#include "core/line_breaks.h"
#include "documents.h"
#include "normkit/encoding.h"
#include "normkit/normalizer.h"
#include "stream.h"
#include "summary.h"

namespace normkit::tools {
namespace {

struct NormalizeArgs {
  FileArgs files;
  DocumentArgs documents;  // documents.strict: invalid UTF-8 stops it too
  std::string form = "nfc";
  std::string quotes = "ascii";
  std::string encoding;
  bool punct = false;
  bool fix_mojibake = false;
  bool fix_homoglyphs = false;
  bool keep_invisibles = false;
  bool keep_whitespace = false;
};

// What one chunk, then one input, then the whole run changed.
struct Counts {
  NormalizeStats normalize;
  std::uint64_t undefined_bytes = 0;  // --encoding: bytes the charset leaves undefined
  JsonLinesCounts records;            // documents, and lines that are not JSON

  void Add(const Counts& other) {
    normalize.Add(other.normalize);
    undefined_bytes += other.undefined_bytes;
    records.Add(other.records);
  }
};

int RunNormalize(NormalizeArgs args, const GlobalOptions& global) {
  if (const int status = ResolveDocumentArgs(&args.documents); status != kExitOk) return status;
  const bool strict = args.documents.strict;
  NormalizerOptions options;
  if (!ParseUnicodeForm(args.form, &options.form)) {
    return Fail(kExitUsage, "--form: unknown form '" + args.form +
                                "' (nfc, nfd, nfkc, nfkd, nfkc_casefold, none)");
  }
  options.strict_utf8 = strict;
  options.punct = args.punct;
  options.fix_mojibake = args.fix_mojibake;
  options.fix_homoglyphs = args.fix_homoglyphs;
  options.quote_style = args.quotes;
  options.remove_invisibles = !args.keep_invisibles;
  options.normalize_whitespace = !args.keep_whitespace;

  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  Result<Normalizer> normalizer = Normalizer::Create(options, rules);
  if (!normalizer.ok()) return Fail(normalizer.status());
  std::optional<CharsetDecoder> charset;
  const bool detect = args.encoding == "auto";
  // --encoding auto: each input's charset, read from its head once.
  std::mutex detected_mutex;
  struct Detected {
    std::optional<CharsetDecoder> decoder;  // none for UTF-8
    bool utf16 = false;
  };
  std::map<std::size_t, Detected> detected;              // by input
  std::map<std::string, std::uint64_t> detected_inputs;  // by charset
  if (!detect && !args.encoding.empty() && args.encoding != "utf-8" && args.encoding != "UTF-8") {
    Result<CharsetDecoder> decoder = CharsetDecoder::Create(args.encoding);
    if (!decoder.ok()) return Fail(kExitUsage, "--encoding: " + decoder.status().message());
    charset = std::move(*decoder);
  }
  StatsFile stats_file;
  if (const int status = stats_file.Open(args.files.stats_file); status != kExitOk) return status;
  const bool count_documents = !args.files.stats_file.empty();

  auto work = [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
    std::string_view text = chunk.text;
    std::string converted;
    std::optional<CharsetDecoder> input_charset = charset;
    if (detect) {
      std::lock_guard<std::mutex> lock(detected_mutex);
      auto [it, fresh] = detected.try_emplace(chunk.input);
      if (fresh) {
        const DetectedCharset found = DetectCharset(chunk.head);
        ++detected_inputs[found.name];
        it->second.utf16 = found.name.rfind("UTF-16", 0) == 0;
        if (found.name != "UTF-8" && !it->second.utf16) {
          it->second.decoder = *CharsetDecoder::Create(found.name);
        }
      }
      input_charset = it->second.decoder;
      if (it->second.utf16) {
        // Taken whole (below): a chunk cut at a LF byte would split a
        // UTF-16 character.
        counts->undefined_bytes +=
            DecodeUtf16(text, chunk.head.starts_with("\xFE\xFF"), &converted);
        text = converted;
      }
    }
    if (input_charset) {
      const CharsetDecoder* charset = &*input_charset;
      std::size_t first = 0;
      counts->undefined_bytes = charset->Decode(text, &converted, &first);
      if (counts->undefined_bytes > 0 && strict) {
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
                          kHex[b >> 4] + kHex[b & 0xF] + " is not defined in " + args.encoding +
                          ", at byte offset " + std::to_string(chunk.offset + first) +
                          " (without --strict it becomes U+FFFD)";
        return;
      }
      text = converted;
    }
    if (IsJsonLines(args.documents, chunk)) {
      // Each record's field is one text (its fenced code one block); a
      // decoded JSON string is valid UTF-8, so --strict has nothing to stop
      // there but a line that is not JSON.
      Chunk decoded = chunk;
      decoded.text = text;
      EditDocuments(
          args.documents, decoded,
          [&](std::string_view document, std::string* out) {
            if (!normalizer->Normalize(document, out, &counts->normalize).ok()) {
              out->assign(document);
            }
          },
          result, &counts->records, count_documents);
      return;
    }
    if (count_documents) counts->records.records += CountTextDocuments(text);
    const Status s = normalizer->Normalize(text, &result->out, &counts->normalize);
    if (s.ok()) return;
    result->status = kExitDataError;
    result->message = std::to_string(chunk.first_line + s.where().line - 1) + ":" +
                      std::to_string(s.where().column) + ": " + s.message() + " at byte offset " +
                      std::to_string(chunk.offset + s.where().offset) +
                      " (without --strict it becomes U+FFFD)";
  };

  Counts total, file;
  auto tally = [&](const Input&, const Counts& chunk) { file.Add(chunk); };
  auto input_done = [&](const Input& input) {
    if (!global.quiet && file.normalize.invalid_sequences > 0) {
      std::cerr << "normkit: " << input.name() << ": replaced " << file.normalize.invalid_sequences
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
  StreamTotals totals;
  // --encoding auto: an input that starts with a UTF-16 byte order mark is
  // read whole, so that no chunk splits a character.
  std::function<bool(char)> whole_input;
  if (detect) whole_input = [](char first) { return first == '\xFF' || first == '\xFE'; };
  const int status =
      StreamFiles<Counts>(args.files, global, work, tally, input_done, &totals, whole_input);
  WarnNotJson(total.records, "went through unchanged", global.quiet);
  if (status != kExitOk) return status;
  const NormalizeStats& n = total.normalize;
  Summary summary;
  summary.command = "normalize";
  summary.documents = total.records.records;
  summary.invalid_records = total.records.not_json;
  summary.counts = {{"lines", n.lines},
                    {"lines_changed", n.lines_changed},
                    {"invalid_utf8_replaced", n.invalid_sequences},
                    {"invisibles_removed", n.removed},
                    {"undefined_bytes_replaced", total.undefined_bytes}};
  if (args.fix_homoglyphs) summary.counts.emplace_back("homoglyphs_fixed", n.homoglyphs);
  // --encoding auto: inputs per charset found ("encoding windows-1251").
  for (const auto& [name, inputs] : detected_inputs) {
    if (inputs > 0) summary.counts.emplace_back("encoding " + name, inputs);
  }
  if (args.fix_mojibake) {
    // Lines repaired, then per family where there were any ("mojibake
    // utf-8 as windows-1251").
    summary.counts.emplace_back("mojibake_lines_repaired", n.mojibake_lines);
    for (std::size_t f = 0; f < kMojibakeFamilyCount; ++f) {
      if (n.mojibake_by_family[f] == 0) continue;
      summary.counts.emplace_back(
          "mojibake " + std::string(MojibakeFamilyName(static_cast<MojibakeFamily>(f))),
          n.mojibake_by_family[f]);
    }
  }
  return stats_file.Write(summary, totals);
}

}  // namespace

void AddNormalizeCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd =
      app->add_subcommand("normalize",
                          "Unicode form, invalid UTF-8, invisible characters, whitespace and "
                          "(with --punct) typography. N lines in, N lines out; running it twice "
                          "changes nothing more.");
  AddFileOptions(cmd, &args->files);
  cmd->add_option("--form", args->form,
                  "Unicode normalization form: nfc, nfd, nfkc, nfkd, nfkc_casefold, none")
      ->type_name("FORM")
      ->capture_default_str();
  AddDocumentOptions(cmd, &args->documents, "",
                     "invalid UTF-8 (or a byte --encoding leaves undefined; default: "
                     "U+FFFD), naming its line, column and byte offset,");
  cmd->add_flag("--punct", args->punct,
                "Typography too: quotes to one style, dashes, ellipses, doubled commas, "
                "spaces before punctuation");
  cmd->add_option("--quotes", args->quotes,
                  "Quote style for --punct, from normalize/punct.toml: ascii, curly, angle, "
                  "german")
      ->type_name("STYLE")
      ->capture_default_str();
  cmd->add_flag("--fix-mojibake", args->fix_mojibake,
                "Repair text decoded with the wrong code page (UTF-8 read as windows-1251, "
                "windows-1252, latin-1, KOI8-R, MacRoman or ISO-8859-5, once or twice; "
                "windows-1251 read as latin-1 or KOI8-R and back; cp866 read as "
                "windows-1251), only where the repair round-trips and reads clearly better; "
                "--stats counts the lines repaired per family");
  cmd->add_flag("--fix-homoglyphs", args->fix_homoglyphs,
                "Latin letters that look like Cyrillic ones (a e o p c x y A B E K M H O P C T "
                "X) inside a Cyrillic word become Cyrillic, and the reverse; tokens with a "
                "digit or @ / : . _ (URLs, e-mail, model numbers) stay; --stats counts the "
                "letters changed");
  cmd->add_flag("--keep-invisibles", args->keep_invisibles,
                "Keep BOM, soft hyphens, zero-width characters and control characters");
  cmd->add_flag("--keep-whitespace", args->keep_whitespace,
                "Leave spaces, tabs and line endings as they are");
  cmd->add_option("--encoding", args->encoding,
                  "Charset of the input, converted to UTF-8 first: a single-byte charset "
                  "such as windows-1251, koi8-r, koi8-u, cp866, iso-8859-5 (default: "
                  "UTF-8); a byte it leaves undefined becomes U+FFFD. 'auto': read each "
                  "input's first 64 KB (ICU's charset detection and a score of how each "
                  "Cyrillic charset reads: UTF-8, windows-1251, KOI8-R, cp866, "
                  "ISO-8859-5; UTF-16 with a byte order mark, read whole); --stats counts "
                  "the inputs per charset found")
      ->type_name("CHARSET");
  cmd->callback(
      [run, args, global] { *run = [args, global] { return RunNormalize(*args, *global); }; });
}

}  // namespace normkit::tools
