// normkit variants discover | apply | key: the VariantIndex over files or
// standard input.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "input.h"
#include "core/line_breaks.h"
#include "normkit/json_record.h"
#include "normkit/variant_index.h"
#include "output.h"
#include "stream.h"

namespace normkit::tools {
namespace {

struct LexiconArgs {
  std::vector<std::string> lexicons;  // --lexicon FILE, in order
  bool no_builtin = false;
};

struct DiscoverArgs {
  FileArgs files;
  LexiconArgs lexicon;
  std::uint64_t min_count = 1;
  std::size_t min_length = 3;
  bool all = false;
  bool sentence_starts = false;
  std::string field;  // --field NAME: JSON Lines input
};

struct ApplyArgs {
  FileArgs files;
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

int RunDiscover(const DiscoverArgs& args, const GlobalOptions& global) {
  std::optional<VariantIndex> index;
  if (const int status = MakeIndex(args.lexicon, global, &index); status != kExitOk) {
    return status;
  }
  std::string error;
  std::vector<std::unique_ptr<Input>> inputs;
  if (!OpenInputs(args.files.inputs, &inputs, &error)) return Fail(kExitNoInput, error);
  Output output;
  if (!output.Open(args.files.output, &error)) return Fail(kExitCantCreate, error);

  NameCounts counts;
  std::size_t bad = 0;
  JsonRecord record;
  std::string text;
  const int status = ForEachChunk(inputs, [&](const Input& input, const Chunk& chunk) {
    if (args.field.empty()) {
      index->CountNames(chunk.text, &counts);
      return kExitOk;
    }
    // JSON Lines: the names in each record's field; a line that is not a
    // JSON object gets a warning and is skipped.
    std::size_t number = chunk.first_line;
    for (std::string_view rest = chunk.text; !rest.empty(); ++number) {
      const std::string_view line = internal::NextLine(&rest).text;
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      const bool is_record = record.Parse(line);
      if (is_record && record.StringField(args.field, &text)) {
        index->CountNames(text, &counts);
        continue;
      }
      if (is_record && !record.Has(args.field)) continue;  // nothing to count
      if (bad < 5 && !global.quiet) {
        std::cerr << "normkit: " << input.name() << ":" << number
                  << ": not a JSON object with a string '" << args.field << "'; skipped\n";
      }
      ++bad;
    }
    return kExitOk;
  });
  if (status != kExitOk) return status;
  if (bad > 0 && !global.quiet) {
    std::cerr << "normkit: variants: " << bad << " line(s) without a string '"
              << args.field << "' skipped\n";
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
    out += "},\"key\":";
    AppendJsonString(c.key, &out);
    out += c.in_lexicon ? ",\"lexicon\":true}\n" : ",\"lexicon\":false}\n";
    if (out.size() > (1 << 20)) {
      if (!output.Write(out, &error)) return Fail(kExitCantCreate, error);
      out.clear();
    }
  }
  if (!output.Write(out, &error) || !output.Commit(&error)) return Fail(kExitCantCreate, error);
  if (!global.quiet) {
    std::cerr << "normkit: variants: " << counts.total() << " names, "
              << counts.spellings().size() << " spellings, " << clusters.size()
              << " clusters\n";
  }
  return kExitOk;
}

int RunApply(const ApplyArgs& args, const GlobalOptions& global) {
  std::optional<VariantIndex> index;
  if (const int status = MakeIndex(args.lexicon, global, &index); status != kExitOk) {
    return status;
  }
  std::uint64_t rewritten = 0;
  const int status = StreamFiles<std::uint64_t>(
      args.files, global,
      [&](const Chunk& chunk, ChunkResult* result, std::uint64_t* count) {
        *count = index->Apply(chunk.text, &result->out);
      },
      [&](const Input&, const std::uint64_t& count) { rewritten += count; });
  if (status == kExitOk && !global.quiet && rewritten > 0) {
    std::cerr << "normkit: variants: " << rewritten << " word(s) rewritten\n";
  }
  return status;
}

int RunKey(const std::vector<std::string>& words, const LexiconArgs& lexicon,
           const GlobalOptions& global) {
  std::optional<VariantIndex> index;
  if (const int status = MakeIndex(lexicon, global, &index); status != kExitOk) return status;
  for (const std::string& word : words) {
    const std::optional<std::string> canonical = index->Canonical(word);
    std::cout << word << "\t" << index->Key(word) << "\t" << canonical.value_or("")
              << "\n";
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
      "Reads a corpus and writes one JSON object per cluster of spellings that share a "
      "key or a lexicon name, largest first: {\"canonical\", \"count\", \"variants\": "
      "{spelling: count}, \"key\", \"lexicon\"}. The canonical form is the lexicon's, "
      "else the most frequent spelling");
  AddFileOptions(discover, &discover_args->files);
  AddLexiconOptions(discover, &discover_args->lexicon);
  discover->add_option("--min-count", discover_args->min_count,
                       "Leave out clusters seen fewer than N times (default 1)")
      ->type_name("N")
      ->check(NonNegative());
  discover->add_option("--min-length", discover_args->min_length,
                       "Leave out spellings of fewer letters (default 3)")
      ->type_name("N")
      ->check(NonNegative());
  discover->add_flag("--all", discover_args->all,
                     "Also list names seen with one spelling only");
  discover->add_flag("--sentence-starts", discover_args->sentence_starts,
                     "Also count words never seen but as the first word of a sentence "
                     "(left out by default: there every word has a capital)");
  discover->add_option("--field", discover_args->field,
                       "Read JSON Lines and count the names in this string field of "
                       "each record (e.g. text)")
      ->type_name("NAME");
  discover->callback([run, discover_args, global] {
    *run = [discover_args, global] { return RunDiscover(*discover_args, *global); };
  });

  auto apply_args = std::make_shared<ApplyArgs>();
  CLI::App* apply = variants->add_subcommand(
      "apply",
      "Rewrites known variant spellings to the canonical form (Tokaev -> Tokayev, "
      "TOKAEV -> TOKAYEV, Tokaev’s -> Tokayev’s, Tokaev-led -> Tokayev-led); every "
      "other byte is left as it was");
  AddFileOptions(apply, &apply_args->files);
  AddLexiconOptions(apply, &apply_args->lexicon);
  apply->callback([run, apply_args, global] {
    *run = [apply_args, global] { return RunApply(*apply_args, *global); };
  });

  auto key_words = std::make_shared<std::vector<std::string>>();
  auto key_lexicon = std::make_shared<LexiconArgs>();
  CLI::App* key = variants->add_subcommand(
      "key", "Prints each WORD, its matching key and its canonical form (if the lexicon "
             "knows it), tab-separated");
  key->add_option("WORD", *key_words, "Words to look up")->required()->type_name("");
  AddLexiconOptions(key, key_lexicon.get());
  key->callback([run, key_words, key_lexicon, global] {
    *run = [key_words, key_lexicon, global] {
      return RunKey(*key_words, *key_lexicon, *global);
    };
  });
}

}  // namespace normkit::tools
