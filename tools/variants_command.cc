// normkit variants discover | apply | key: the VariantIndex over files or
// standard input.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "input.h"
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

int IndexError(const Status& s) {
  return Fail(s.code() == ErrorCode::kNotFound ? kExitNoInput : kExitDataError,
              s.ToString());
}

// The index from the embedded rules, --rules and --lexicon.
Result<VariantIndex> MakeIndex(const LexiconArgs& args, const GlobalOptions& global) {
  Result<RuleFiles> rules = LoadRules(global.rules_dir);
  if (!rules.ok()) return rules.status();
  VariantIndexOptions options;
  options.builtin_lexicon = !args.no_builtin;
  for (const std::string& path : args.lexicons) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    if (!file) {
      return Status(ErrorCode::kNotFound, "--lexicon: cannot read '" + path + "'");
    }
    options.extra_lexicons.push_back({path, content.str()});
  }
  return VariantIndex::Create(*rules, options);
}

void AddLexiconOptions(CLI::App* cmd, LexiconArgs* args) {
  cmd->add_option("--lexicon", args->lexicons,
                  "A lexicon of your own (TOML, the format of rules/variants/*.toml); "
                  "its names take spellings over from the built-in ones. Repeatable")
      ->type_name("FILE");
  cmd->add_flag("--no-builtin", args->no_builtin,
                "Leave out the built-in lexicon (rules/variants)");
}

// Every line of the chunk: its `field` when it is a JSON object with that
// string field; a line that is not gets a warning and is skipped.
template <typename Text>
void EachRecordText(const InputFile& input, const Chunk& chunk, const std::string& field,
                    std::size_t* bad, Text text) {
  std::string_view rest = chunk.text;
  std::size_t number = chunk.first_line;
  while (!rest.empty()) {
    const std::size_t lf = rest.find('\n');
    const std::string_view line = rest.substr(0, lf);
    if (!line.empty()) {
      nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_object() && record.contains(field) && record[field].is_string()) {
        text(record[field].get_ref<const std::string&>());
      } else if (!record.is_discarded() && record.is_object() && !record.contains(field)) {
        // A record without the field has nothing to count.
      } else {
        if (*bad < 5) {
          std::cerr << "normkit: " << input.name() << ":" << number
                    << ": not a JSON object with a string '" << field
                    << "'; skipped\n";
        }
        ++*bad;
      }
    }
    ++number;
    if (lf == std::string_view::npos) break;
    rest.remove_prefix(lf + 1);
  }
}

int RunDiscover(const DiscoverArgs& args, const GlobalOptions& global) {
  Result<VariantIndex> index = MakeIndex(args.lexicon, global);
  if (!index.ok()) return IndexError(index.status());
  std::string error;
  std::vector<std::unique_ptr<InputFile>> inputs;
  if (!OpenInputs(args.files.inputs, &inputs, &error)) return Fail(kExitNoInput, error);
  Output output;
  if (!output.Open(args.files.output, &error)) return Fail(kExitCantCreate, error);

  NameCounts counts;
  std::size_t bad = 0;
  const int status = ForEachChunk(inputs, [&](const InputFile& input, const Chunk& chunk) {
    if (args.field.empty()) {
      index->CountNames(chunk.text, &counts);
    } else {
      EachRecordText(input, chunk, args.field, &bad, [&](const std::string& text) {
        index->CountNames(text, &counts);
      });
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
    nlohmann::ordered_json variants = nlohmann::ordered_json::object();
    for (const auto& [spelling, n] : c.variants) variants[spelling] = n;
    nlohmann::ordered_json record = {{"canonical", c.canonical},
                                     {"count", c.count},
                                     {"variants", std::move(variants)},
                                     {"key", c.key},
                                     {"lexicon", c.in_lexicon}};
    out += record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
    if (out.size() > (1 << 20)) {
      if (!output.Write(out, &error)) return Fail(kExitCantCreate, error);
      out.clear();
    }
  }
  if (!output.Write(out, &error) || !output.Commit(&error)) {
    return Fail(kExitCantCreate, error);
  }
  if (!global.quiet) {
    std::cerr << "normkit: variants: " << counts.total() << " names, "
              << counts.spellings().size() << " spellings, " << clusters.size()
              << " clusters\n";
  }
  return kExitOk;
}

int RunApply(const ApplyArgs& args, const GlobalOptions& global) {
  Result<VariantIndex> index = MakeIndex(args.lexicon, global);
  if (!index.ok()) return IndexError(index.status());
  std::size_t rewritten = 0;
  const int status = StreamFiles(args.files, [&](const InputFile&, const Chunk& chunk,
                                                 std::string* out) {
    rewritten += index->Apply(chunk.text, out);
    return kExitOk;
  });
  if (status == kExitOk && !global.quiet && rewritten > 0) {
    std::cerr << "normkit: variants: " << rewritten << " word(s) rewritten\n";
  }
  return status;
}

int RunKey(const std::vector<std::string>& words, const LexiconArgs& lexicon,
           const GlobalOptions& global) {
  Result<VariantIndex> index = MakeIndex(lexicon, global);
  if (!index.ok()) return IndexError(index.status());
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
      ->type_name("N");
  discover->add_option("--min-length", discover_args->min_length,
                       "Leave out spellings of fewer letters (default 3)")
      ->type_name("N");
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
