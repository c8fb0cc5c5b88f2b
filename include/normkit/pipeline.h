// Pipeline: a recipe's steps run on one document at a time: the same code
// behind `normkit run` over gigabytes and a scraper that calls it per page.
//
// A recipe (rules/recipes/<name>.toml, or a user's own file) names the steps
// in order with their options: normalize, clean (header lines to metadata),
// dates (found, or rewritten as ISO 8601), variants (one spelling per name;
// with lexicon = "FILE", a lexicon of the caller's too),
// translit (a scheme). "news" is the default: normalize, clean, dates,
// variants.
//
// Example:
//   auto pipeline = normkit::Pipeline::Create("news");
//   normkit::Document doc = pipeline->Process(raw_article);
//   // doc.text is the cleaned body, doc.metadata.header->published its date...
//
// Immutable once created; Process() may run on any number of threads at
// once (each call takes its own PipelineStats).
#ifndef NORMKIT_PIPELINE_H_
#define NORMKIT_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/date_finder.h"
#include "normkit/export.h"
#include "normkit/header_cleaner.h"
#include "normkit/json_record.h"
#include "normkit/pipeline_audit.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

// A date the dates step found: the finder's match and the words it read.
// The match's offsets point into the text as that step saw it (a later step
// may change the text); `text` keeps what was there.
struct NORMKIT_EXPORT FoundDate {
  std::string text;
  DateMatch match;
};

// What the steps found out about a document. Each part is there when its
// step ran: `header` after a clean step (the cleaner's findings, its body
// being the document's text), `dates` after a dates step.
struct NORMKIT_EXPORT DocumentMetadata {
  std::optional<HeaderMetadata> header;
  std::optional<std::vector<FoundDate>> dates;
};

struct NORMKIT_EXPORT Document {
  std::string text;
  DocumentMetadata metadata;
};

// Per step: how many things it changed or found (its `unit`) and the time
// it took. Steps are in recipe order; Add() sums stats of the same recipe.
struct NORMKIT_EXPORT StepStats {
  std::string step;  // "normalize"
  std::string unit;  // "lines changed", "header lines removed", ...
  std::uint64_t count = 0;
  double seconds = 0;
};

struct NORMKIT_EXPORT PipelineStats {
  std::vector<StepStats> steps;
  std::uint64_t documents = 0;   // documents processed (records in JSON Lines)
  std::uint64_t not_json = 0;    // JSON Lines records that were not JSON objects
  std::uint64_t kept_whole = 0;  // documents the cleaner refused to empty
  // The detail of a report, collected only when there is one to fill
  // (stats.audit.emplace() before the first call); see pipeline_audit.h.
  std::optional<PipelineAudit> audit;
  // Adds `other`, which comes after these stats in the input.
  void Add(const PipelineStats& other);
};

// The metadata as one JSON object, no spaces, keys in a fixed order, with the
// parts whose step ran (so `{}` when none did):
//   header: "title", "published", "modified", "updated" (null when absent),
//           "authors": [...], "photo_credits": [...],
//           "removed": [{"line", "text", "rule"}...], "lines", "kept_whole"
//   dates:  "dates": [{"text", "iso", "language"}...] (language null when
//           not known)
// The one writer of metadata: JSON Lines records get it as their "metadata"
// member (ProcessJsonLines, and `normkit clean` on JSON Lines).
NORMKIT_EXPORT std::string MetadataJson(const DocumentMetadata& metadata);

// A document as one JSON object: the members of MetadataJson, then "body",
// the text.
NORMKIT_EXPORT std::string DocumentJson(const Document& document);

// A file that a recipe names for a step to read (a variants step's
// `lexicon = "names.toml"`), read by the caller: the library reads no
// files. See Pipeline::FilesNamedBy.
struct NORMKIT_EXPORT RecipeFile {
  std::string name;    // as the recipe writes it
  std::string origin;  // what error messages call it (the path read)
  std::string text;
};

class NORMKIT_EXPORT Pipeline {
 public:
  // The recipe rules/recipes/<name>.toml from `rules`.
  static Result<Pipeline> Create(std::string_view name, const RuleFiles& rules);
  static Result<Pipeline> Create(std::string_view name = "news");
  // A recipe given as text (a user's file); `origin` names it in errors.
  // `files`: the texts of the files it names (FilesNamedBy); a file it
  // names and `files` lacks is kNotFound at the step.
  static Result<Pipeline> FromRecipe(std::string_view recipe, std::string_view origin,
                                     const RuleFiles& rules,
                                     const std::vector<RecipeFile>& files = {});

  // The files a recipe names, in order, as it writes them (a variants
  // step's lexicon = "FILE" or ["FILE", ...]); the caller reads them (a
  // relative name from the recipe's folder, as `normkit run` does) and
  // passes them to FromRecipe. A recipe that is not TOML is kRuleSyntax.
  // Example:
  //   [[step]]
  //   use = "variants"
  //   lexicon = "found.toml"   # from `normkit variants discover --lexicon-out`
  static Result<std::vector<std::string>> FilesNamedBy(std::string_view recipe,
                                                       std::string_view origin);

  // Runs every step on `text`. Adds to *stats when given (start from
  // stats_template() for the right shape).
  // `title`: the document's own title, where the caller has one: a first
  // line equal to it is the title (see HeaderCleaner::Clean).
  Document Process(std::string_view text, PipelineStats* stats = nullptr,
                   std::string_view title = {}) const;

  // The same for a corpus of one document a line: steps that read an
  // article's lines (clean) are left out, and the result stays one line
  // (a line break that a step makes becomes a space).
  Document ProcessLine(std::string_view line, PipelineStats* stats = nullptr) const;

  // Whole lines of JSON Lines in, the same lines out (the code path of
  // `normkit run`): each record's `options.field` is processed and replaced
  // by the result, its metadata added as "metadata" (MetadataJson), every
  // other byte kept; see EditJsonLines for blank lines, records that are
  // not JSON and the strict mode. A record's own title (the field the
  // recipe's clean step names with title_field, "title" by default) goes
  // to the cleaner.
  Status ProcessJsonLines(std::string_view lines, const JsonLinesOptions& options, std::string* out,
                          PipelineStats* stats = nullptr) const;

  // Whole lines of text in, one document a line (ProcessLine), each ending
  // in LF.
  void ProcessTextLines(std::string_view lines, std::string* out,
                        PipelineStats* stats = nullptr) const;

  // Empty stats with one entry per step.
  PipelineStats stats_template() const;
  const std::string& name() const;

 private:
  struct Impl;
  explicit Pipeline(std::shared_ptr<const Impl> impl);
  // Process and ProcessLine for a document at input line `line` (from 1;
  // 0 when not known), which an audit's samples name.
  Document ProcessAt(std::string_view text, PipelineStats* stats, std::string_view title,
                     std::uint64_t line) const;
  Document ProcessLineAt(std::string_view line, PipelineStats* stats, std::uint64_t number) const;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace normkit

#endif  // NORMKIT_PIPELINE_H_
