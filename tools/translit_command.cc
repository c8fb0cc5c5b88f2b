// normkit translit: a scheme (or an ICU transform) over files or standard
// input; normkit schemes: the list of scheme ids.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "documents.h"
#include "normkit/icu_transform.h"
#include "normkit/transliterator.h"
#include "stream.h"
#include "summary.h"

namespace normkit::tools {
namespace {

struct TranslitArgs {
  FileArgs files;
  DocumentArgs documents;
  std::string scheme;
  std::string icu;
  bool reverse = false;
};

// What to do about a scheme that cannot be had: an unknown id, or one that
// does not go backwards.
std::string_view SchemeHint(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kNotFound:
      return "'normkit schemes' lists them all";
    case ErrorCode::kInvalidArgument:
      return "--reverse needs one that 'normkit schemes' marks reversible";
    default:
      return {};
  }
}

int RunTranslit(TranslitArgs args, const GlobalOptions& global) {
  if (const int status = ResolveDocumentArgs(&args.documents); status != kExitOk) return status;
  if (args.scheme.empty() == args.icu.empty()) {
    return Fail(kExitUsage,
                "translit: give exactly one of -s SCHEME or --icu ID "
                "('normkit schemes' lists the schemes)");
  }
  if (!args.icu.empty() && args.reverse) {
    return Fail(kExitUsage,
                "translit: --reverse is for schemes; for ICU, name the "
                "reverse transform (e.g. Latin-Cyrillic)");
  }
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;

  std::optional<Transliterator> scheme;
  std::optional<IcuTransform> icu;
  if (!args.scheme.empty()) {
    Result<Transliterator> t = Transliterator::Create(
        args.scheme, args.reverse ? Direction::kReverse : Direction::kForward, rules);
    if (!t.ok()) return Fail(t.status(), SchemeHint(t.status()));
    scheme = std::move(*t);
  } else {
    Result<IcuTransform> t = IcuTransform::Create(args.icu);
    if (!t.ok()) {
      // The place of the element ICU refused, where the id is a compound.
      const std::size_t column = t.status().where().column;
      return Fail(ExitCodeFor(t.status()),
                  (column > 1 ? "--icu, column " + std::to_string(column) + ": " : "--icu: ") +
                      t.status().message());
    }
    icu = std::move(*t);
  }
  StatsFile stats_file;
  if (const int status = stats_file.Open(args.files.stats_file); status != kExitOk) return status;
  const bool count_documents = !args.files.stats_file.empty();

  JsonLinesCounts total;
  StreamTotals totals;
  const int status = StreamFiles<JsonLinesCounts>(
      args.files, global,
      [&](const Chunk& chunk, ChunkResult* result, JsonLinesCounts* counts) {
        EditDocuments(
            args.documents, chunk,
            [&](std::string_view text, std::string* out) {
              if (scheme) {
                scheme->Transliterate(text, out);
              } else {
                out->append(icu->Apply(text));
              }
            },
            result, counts, count_documents);
      },
      [&](const Input&, const JsonLinesCounts& counts) { total.Add(counts); }, {}, &totals);
  WarnNotJson(total, "went through unchanged", global.quiet);
  if (status != kExitOk) return status;
  Summary summary;
  summary.command = "translit";
  summary.documents = total.records;
  summary.invalid_records = total.not_json;
  return stats_file.Write(summary, totals);
}

// Compiles every scheme (both directions where reversible) and runs its own
// test pairs; prints each failure and a summary line.
int CheckSchemes(const RuleFiles& rules, const std::vector<SchemeInfo>& schemes) {
  std::size_t passed = 0, failed = 0;
  for (const SchemeInfo& info : schemes) {
    std::vector<Direction> directions = {Direction::kForward};
    if (info.reversible) directions.push_back(Direction::kReverse);
    for (Direction direction : directions) {
      Result<Transliterator> t = Transliterator::Create(info.id, direction, rules);
      if (!t.ok()) {
        std::cerr << "normkit: " << t.status().ToString() << "\n";
        ++failed;
        continue;
      }
      for (const auto& [cyrillic, latin] : t->test_pairs()) {
        const bool forward = direction == Direction::kForward;
        const std::string& from = forward ? cyrillic : latin;
        const std::string& want = forward ? latin : cyrillic;
        const std::string got = t->Transliterate(from);
        if (got == want) {
          ++passed;
        } else {
          ++failed;
          std::cout << info.id << (forward ? "" : " --reverse") << ": " << from << " -> " << got
                    << ", expected " << want << "\n";
        }
      }
    }
  }
  std::cout << "schemes: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? kExitOk : kExitDataError;
}

int RunSchemes(bool check, const GlobalOptions& global) {
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  std::vector<Status> errors;
  const std::vector<SchemeInfo> schemes = ListSchemes(rules, &errors);
  for (const Status& e : errors) std::cerr << "normkit: " << e.ToString() << "\n";
  if (check) {
    const int status = CheckSchemes(rules, schemes);
    return errors.empty() ? status : kExitDataError;
  }
  for (const SchemeInfo& info : schemes) {
    std::cout << info.id << "\t" << info.title << (info.reversible ? " (reversible)" : "") << "\n";
  }
  return errors.empty() ? kExitOk : kExitDataError;
}

}  // namespace

void AddTranslitCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  auto args = std::make_shared<TranslitArgs>();
  CLI::App* cmd =
      app->add_subcommand("translit",
                          "Transliterates Cyrillic to Latin under a named standard (-s SCHEME), "
                          "or runs any ICU transform (--icu ID). Everything that is not Cyrillic "
                          "passes through untouched.");
  AddFileOptions(cmd, &args->files);
  cmd->add_option("-s,--scheme", args->scheme,
                  "Scheme id, e.g. ru/bgn_pcgn, uk/national_2010, cyrl/iso_9 "
                  "('normkit schemes' lists them)")
      ->type_name("SCHEME");
  cmd->add_option("--icu", args->icu,
                  "An ICU transform id or compound id, e.g. "
                  "'Russian-Latin/BGN' or 'Any-Latin; Latin-ASCII'")
      ->type_name("ID");
  cmd->add_flag("--reverse", args->reverse,
                "Latin back to Cyrillic, for one-to-one schemes (cyrl/iso_9, "
                "ru/gost_779, sr/latin)");
  AddDocumentOptions(cmd, &args->documents, "", "");
  cmd->callback(
      [run, args, global] { *run = [args, global] { return RunTranslit(*args, *global); }; });

  CLI::App* schemes = app->add_subcommand(
      "schemes", "Lists every transliteration scheme id with its title, one a line");
  auto check = std::make_shared<bool>(false);
  schemes->add_flag("--check", *check,
                    "Instead, run every scheme's own test pairs (both "
                    "directions where reversible); exit 65 if one fails. "
                    "Useful with --rules DIR for a scheme of your own.");
  schemes->callback(
      [run, global, check] { *run = [global, check] { return RunSchemes(*check, *global); }; });
}

}  // namespace normkit::tools
