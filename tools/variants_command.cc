// normkit variants discover | apply | key: the VariantIndex over files or
// standard input.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "documents.h"
#include "input.h"
#include "normkit/json_record.h"
#include "normkit/variant_index.h"
#include "output.h"
#include "stream.h"
#include "summary.h"

namespace normkit::tools {
namespace {

struct LexiconArgs {
  std::vector<std::string> lexicons;  // --lexicon FILE, in order
  bool no_builtin = false;
};

struct DiscoverArgs {
  FileArgs files;
  DocumentArgs documents;
  LexiconArgs lexicon;
  std::uint64_t min_count = 1;
  std::size_t min_length = 3;
  bool all = false;
  bool sentence_starts = false;
  std::string lexicon_out;  // --lexicon-out FILE
};

struct ApplyArgs {
  FileArgs files;
  DocumentArgs documents;
  LexiconArgs lexicon;
};

// The index from the embedded rules, --rules and --lexicon; kExitOk or
// the exit status after the message.
int MakeIndex(const LexiconArgs& args, const GlobalOptions& global,
              std::optional<VariantIndex>* index) {
  RuleFiles rules;
  if (const int status = LoadRules(global, &rules); status != kExitOk) return status;
  VariantIndexOptions options;
  options.builtin_lexicon = !args.no_builtin;
  std::string content, error;
  for (const std::string& path : args.lexicons) {
    if (!ReadWholeFile(path, &content, &error)) return Fail(kExitNoInput, "--lexicon: " + error);
    options.extra_lexicons.push_back({path, content});
  }
  Result<VariantIndex> built = VariantIndex::Create(options, rules);
  if (!built.ok()) return Fail(built.status());
  *index = std::move(*built);
  return kExitOk;
}

void AddLexiconOptions(CLI::App* cmd, LexiconArgs* args) {
  cmd->add_option("--lexicon", args->lexicons,
                  "A lexicon of your own (TOML, the format of rules/variants/*.toml); "
                  "its names take spellings over from the built-in ones. One file a "
                  "--lexicon; repeat it for more")
      ->type_name("FILE")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--no-builtin", args->no_builtin,
                "Leave out the built-in lexicon (rules/variants)");
}

int RunDiscover(DiscoverArgs args, const GlobalOptions& global) {
  if (const int status = ResolveDocumentArgs(&args.documents); status != kExitOk) return status;
  std::optional<VariantIndex> index;
  if (const int status = MakeIndex(args.lexicon, global, &index); status != kExitOk) {
    return status;
  }
  StatsFile stats_file;
  if (const int status = stats_file.Open(args.files.stats_file); status != kExitOk) return status;
  std::string error;
  std::vector<std::unique_ptr<Input>> inputs;
  if (!OpenInputs(args.files.inputs, &inputs, &error)) return Fail(kExitNoInput, error);
  Output output;
  if (!output.Open(args.files.output, &error)) return Fail(kExitCantCreate, error);

  NameCounts counts;
  JsonLinesCounts records;
  std::size_t bad = 0;
  const std::string& field = args.documents.field;
  StreamTotals totals;
  const int status = ForEachChunk(
      inputs,
      [&](const Input& input, const Chunk& chunk) {
        if (!IsJsonLines(args.documents, chunk)) {
          if (!args.files.stats_file.empty()) records.records += CountTextDocuments(chunk.text);
          index->CountNames(chunk.text, &counts);
          return kExitOk;
        }
        // JSON Lines: the names in each record's field; a line that is not a
        // JSON object, or whose field is not a string, gets a warning and is
        // skipped.
        ChunkResult failure;
        const bool read = ForEachRecord(
            args.documents, chunk,
            [&](const RecordLine& line) {
              if (line.document != nullptr) index->CountNames(*line.document, &counts);
              if (line.kind != RecordLine::kNotJson && line.kind != RecordLine::kNotString) {
                return;
              }
              if (bad < 5 && !global.quiet) {
                std::cerr << "normkit: " << input.name() << ":" << line.number
                          << ": not a JSON object with a string '" << field << "'; skipped\n";
              }
              ++bad;
            },
            &failure, &records);
        return read ? kExitOk : Fail(failure.status, input.name() + ":" + failure.message);
      },
      &totals);
  if (status != kExitOk) return status;
  if (bad > 0 && !global.quiet) {
    std::cerr << "normkit: variants: " << bad << " line(s) without a string '" << field
              << "' skipped\n";
  }

  ClusterOptions options;
  options.min_count = args.min_count;
  options.min_spellings = args.all ? 1 : 2;
  options.min_length = args.min_length;
  options.sentence_initial = args.sentence_starts;
  const std::vector<VariantCluster> clusters = index->Cluster(counts, options);
  std::string out;
  for (const VariantCluster& c : clusters) {
    out += "{\"canonical\":";
    AppendJsonString(c.canonical, &out);
    out += ",\"count\":" + std::to_string(c.count) + ",\"variants\":{";
    bool first = true;
    for (const auto& [spelling, n] : c.variants) {
      if (!first) out.push_back(',');
      first = false;
      AppendJsonString(spelling, &out);
      out += ":" + std::to_string(n);
    }
    out += "}";
    if (!c.typos.empty()) {
      out += ",\"typos\":{";
      for (std::size_t i = 0; i < c.typos.size(); ++i) {
        if (i > 0) out.push_back(',');
        AppendJsonString(c.typos[i].first, &out);
        out += ":" + std::to_string(c.typos[i].second);
      }
      out += "}";
    }
    out += ",\"key\":";
    AppendJsonString(c.key, &out);
    out += c.in_lexicon ? ",\"lexicon\":true}\n" : ",\"lexicon\":false}\n";
    if (out.size() > (1 << 20)) {
      if (!output.Write(out, &error)) return Fail(kExitCantCreate, error);
      out.clear();
    }
  }
  if (!output.Write(out, &error) || !output.Commit(&error)) return Fail(kExitCantCreate, error);
  if (!args.lexicon_out.empty()) {
    // Written whole to a temporary file and renamed into place.
    Output lexicon;
    if (!lexicon.Open(args.lexicon_out, &error, /*compress=*/false) ||
        !lexicon.Write(index->RenderLexicon(clusters), &error) || !lexicon.Commit(&error)) {
      return Fail(kExitCantCreate, "--lexicon-out: " + error);
    }
  }
  if (!global.quiet) {
    std::cerr << "normkit: variants: " << counts.total() << " names, " << counts.spellings().size()
              << " spellings, " << clusters.size() << " clusters\n";
  }
  totals.bytes_out = output.written();
  Summary summary;
  summary.command = "variants discover";
  summary.documents = records.records;
  summary.invalid_records = records.not_json;
  summary.counts = {{"names", counts.total()},
                    {"spellings", counts.spellings().size()},
                    {"clusters", clusters.size()}};
  return stats_file.Write(summary, totals);
}

int RunApply(ApplyArgs args, const GlobalOptions& global) {
  if (const int status = ResolveDocumentArgs(&args.documents); status != kExitOk) return status;
  std::optional<VariantIndex> index;
  if (const int status = MakeIndex(args.lexicon, global, &index); status != kExitOk) {
    return status;
  }
  StatsFile stats_file;
  if (const int status = stats_file.Open(args.files.stats_file); status != kExitOk) return status;
  const bool count_documents = !args.files.stats_file.empty();
  struct Counts {
    JsonLinesCounts records;
    std::uint64_t rewritten = 0;
  };
  Counts total;
  StreamTotals totals;
  const int status = StreamFiles<Counts>(
      args.files, global,
      [&](const Chunk& chunk, ChunkResult* result, Counts* counts) {
        EditDocuments(
            args.documents, chunk,
            [&](std::string_view text, std::string* out) {
              counts->rewritten += index->Apply(text, out);
            },
            result, &counts->records, count_documents);
      },
      [&](const Input&, const Counts& counts) {
        total.records.Add(counts.records);
        total.rewritten += counts.rewritten;
      },
      {}, &totals);
  WarnNotJson(total.records, "went through unchanged", global.quiet);
  if (status != kExitOk) return status;
  if (!global.quiet && total.rewritten > 0) {
    std::cerr << "normkit: variants: " << total.rewritten << " word(s) rewritten\n";
  }
  Summary summary;
  summary.command = "variants apply";
  summary.documents = total.records.records;
  summary.invalid_records = total.records.not_json;
  summary.counts = {{"variants_rewritten", total.rewritten}};
  return stats_file.Write(summary, totals);
}

int RunKey(const std::vector<std::string>& words, const LexiconArgs& lexicon,
           const GlobalOptions& global) {
  std::optional<VariantIndex> index;
  if (const int status = MakeIndex(lexicon, global, &index); status != kExitOk) return status;
  for (const std::string& word : words) {
    const std::optional<std::string> canonical = index->Canonical(word);
    std::cout << word << "\t" << index->Key(word) << "\t" << canonical.value_or("") << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddVariantsCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  CLI::App* variants = app->add_subcommand(
      "variants",
      "Variant spellings of names (Tokayev, Tokaev, Tokajew, Токаев): groups them in a "
      "corpus, or rewrites known ones to one canonical form");
  variants->require_subcommand(1, 1);

  auto discover_args = std::make_shared<DiscoverArgs>();
  CLI::App* discover = variants->add_subcommand(
      "discover",
      "Reads a corpus and writes one JSON object per cluster of spellings of one name "
      "(sharing a key or a lexicon name), largest first: {\"canonical\", \"count\", "
      "\"variants\": {spelling: count}, \"typos\" (where there are likely typos: "
      "{spelling: count}), \"key\", \"lexicon\"}. Words are left out: a spelling the "
      "corpus also writes in lower case, Cyrillic spellings with other letters, a Latin "
      "spelling no scheme writes for the Cyrillic one, a rare Latin look-alike of a "
      "frequent spelling. The canonical form is the lexicon's, "
      "else the most frequent spelling, on a tie the one English BGN/PCGN writes");
  AddFileOptions(discover, &discover_args->files);
  AddLexiconOptions(discover, &discover_args->lexicon);
  discover
      ->add_option("--min-count", discover_args->min_count,
                   "Leave out clusters seen fewer than N times (default 1)")
      ->type_name("N")
      ->check(NonNegative());
  discover
      ->add_option("--min-length", discover_args->min_length,
                   "Leave out spellings of fewer letters (default 3)")
      ->type_name("N")
      ->check(NonNegative());
  discover->add_flag("--all", discover_args->all, "Also list names seen with one spelling only");
  discover
      ->add_option("--lexicon-out", discover_args->lexicon_out,
                   "Also write the clusters with two or more spellings that no lexicon "
                   "holds as a lexicon (the format of rules/variants/*.toml) for you to "
                   "review and pass to 'variants apply --lexicon FILE': the canonical form "
                   "is the most frequent Latin spelling, on a tie the one English BGN/PCGN "
                   "writes; counts as comments")
      ->type_name("FILE");
  discover->add_flag("--sentence-starts", discover_args->sentence_starts,
                     "Also count words never seen but as the first word of a sentence "
                     "(left out by default: there every word has a capital)");
  AddDocumentOptions(discover, &discover_args->documents, "", "", "it is skipped");
  discover->callback([run, discover_args, global] {
    *run = [discover_args, global] { return RunDiscover(*discover_args, *global); };
  });

  auto apply_args = std::make_shared<ApplyArgs>();
  CLI::App* apply = variants->add_subcommand(
      "apply",
      "Rewrites known variant spellings to the canonical form (Tokaev -> Tokayev, "
      "TOKAEV -> TOKAYEV, Tokaev’s -> Tokayev’s, Tokaev-led -> Tokayev-led); every "
      "other byte is left as it was. A given name or a patronymic (kind = \"given\" in "
      "the lexicon) is rewritten only inside a full name the lexicon lists (Alexey "
      "Navalny -> Alexei Navalny), never alone (Sergey Brin stays)");
  AddFileOptions(apply, &apply_args->files);
  AddLexiconOptions(apply, &apply_args->lexicon);
  AddDocumentOptions(apply, &apply_args->documents, "", "");
  apply->callback([run, apply_args, global] {
    *run = [apply_args, global] { return RunApply(*apply_args, *global); };
  });

  auto key_words = std::make_shared<std::vector<std::string>>();
  auto key_lexicon = std::make_shared<LexiconArgs>();
  CLI::App* key = variants->add_subcommand(
      "key",
      "Prints each WORD, its matching key and its canonical form (if the lexicon "
      "knows it), tab-separated");
  key->add_option("WORD", *key_words, "Words to look up")->required()->type_name("");
  AddLexiconOptions(key, key_lexicon.get());
  key->callback([run, key_words, key_lexicon, global] {
    *run = [key_words, key_lexicon, global] { return RunKey(*key_words, *key_lexicon, *global); };
  });
}

}  // namespace normkit::tools
