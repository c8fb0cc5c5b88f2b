#include "normkit/pipeline.h"

#include <toml++/toml.h>

#include <chrono>
#include <functional>

#include "core/line_breaks.h"
#include "core/rule_paths.h"
#include "normkit/date_finder.h"
#include "normkit/header_cleaner.h"
#include "normkit/normalizer.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"

namespace normkit {
namespace {

// One step of a recipe: changes the document, counts what it did.
class Step {
 public:
  virtual ~Step() = default;
  virtual const char* name() const = 0;
  virtual const char* unit() const = 0;
  // `title`: the document's own title where the caller knows one (a JSON
  // Lines record's title field), or empty.
  virtual std::uint64_t Apply(Document* doc, std::string_view title) const = 0;
  // Whether the step reads an article's lines (and so has nothing to do in
  // a corpus of one document a line).
  virtual bool needs_lines() const { return false; }
};

class NormalizeStep : public Step {
 public:
  explicit NormalizeStep(Normalizer n) : normalizer_(std::move(n)) {}
  const char* name() const override { return "normalize"; }
  const char* unit() const override { return "lines changed"; }
  std::uint64_t Apply(Document* doc, std::string_view title) const override {
    std::string out;
    NormalizeStats stats;
    // The step's normalizer repairs ill-formed UTF-8 rather than refusing it
    // (no strict_utf8), so it has no error to give; were one ever to come,
    // the text stays as it was rather than half normalized.
    if (!normalizer_.Normalize(doc->text, &out, &stats).ok()) return 0;
    doc->text = std::move(out);
    return stats.lines_changed;
  }

 private:
  Normalizer normalizer_;
};

class CleanStep : public Step {
 public:
  explicit CleanStep(HeaderCleaner c) : cleaner_(std::move(c)) {}
  const char* name() const override { return "clean"; }
  const char* unit() const override { return "header lines removed"; }
  bool needs_lines() const override { return true; }
  std::uint64_t Apply(Document* doc, std::string_view title) const override {
    CleanedArticle a = cleaner_.Clean(doc->text, title);
    doc->text = std::move(a.body);
    const std::size_t removed = a.removed.size();
    doc->metadata.header = std::move(static_cast<HeaderMetadata&>(a));
    return removed;
  }

 private:
  HeaderCleaner cleaner_;
};

class DatesStep : public Step {
 public:
  DatesStep(DateFinder f, bool rewrite) : finder_(std::move(f)), rewrite_(rewrite) {}
  const char* name() const override { return "dates"; }
  const char* unit() const override { return "dates found"; }
  std::uint64_t Apply(Document* doc, std::string_view title) const override {
    std::vector<DateMatch> found;
    finder_.Find(doc->text, &found);
    std::vector<FoundDate>& dates = doc->metadata.dates.emplace();
    dates.reserve(found.size());
    for (const DateMatch& m : found) {
      dates.push_back({doc->text.substr(m.begin, m.end - m.begin), m});
    }
    if (rewrite_ && !found.empty()) {
      std::string out;
      std::size_t at = 0;
      for (const DateMatch& m : found) {
        out.append(doc->text, at, m.begin - at);
        out += m.value.ToIso();
        at = m.end;
      }
      out.append(doc->text, at);
      doc->text = std::move(out);
    }
    return found.size();
  }

 private:
  DateFinder finder_;
  bool rewrite_;
};

class VariantsStep : public Step {
 public:
  explicit VariantsStep(VariantIndex index) : index_(std::move(index)) {}
  const char* name() const override { return "variants"; }
  const char* unit() const override { return "variants rewritten"; }
  // The text and the title (one spelling per name in the metadata too).
  std::uint64_t Apply(Document* doc, std::string_view title) const override {
    std::size_t rewritten = Rewrite(&doc->text);
    std::optional<HeaderMetadata>& header = doc->metadata.header;
    if (header && header->title) rewritten += Rewrite(&*header->title);
    return rewritten;
  }

 private:
  std::size_t Rewrite(std::string* text) const {
    std::string out;
    const std::size_t rewritten = index_.Apply(*text, &out);
    if (rewritten > 0) *text = std::move(out);
    return rewritten;
  }

  VariantIndex index_;
};

class TranslitStep : public Step {
 public:
  explicit TranslitStep(Transliterator t) : translit_(std::move(t)) {}
  const char* name() const override { return "translit"; }
  const char* unit() const override { return "documents transliterated"; }
  std::uint64_t Apply(Document* doc, std::string_view title) const override {
    doc->text = translit_.Transliterate(doc->text);
    return 1;
  }

 private:
  Transliterator translit_;
};

}  // namespace

struct Pipeline::Impl {
  std::string name;
  // The JSON Lines field whose value is each record's own title (the clean
  // step's title_field), or empty.
  std::string title_field = "title";
  std::vector<std::unique_ptr<const Step>> steps;
};

void PipelineStats::Add(const PipelineStats& other) {
  documents += other.documents;
  not_json += other.not_json;
  kept_whole += other.kept_whole;
  if (steps.empty())
    steps = other.steps;
  else {
    for (std::size_t i = 0; i < steps.size() && i < other.steps.size(); ++i) {
      steps[i].count += other.steps[i].count;
      steps[i].seconds += other.steps[i].seconds;
    }
  }
}

Pipeline::Pipeline(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Pipeline> Pipeline::Create(std::string_view name) {
  return Create(name, RuleFiles::Embedded());
}

Result<Pipeline> Pipeline::Create(std::string_view name, const RuleFiles& rules) {
  constexpr std::string_view kRecipes = "recipes";
  const std::string path = internal::RuleFilePath(kRecipes, name);
  const std::string* text = rules.Find(path);
  if (text == nullptr) {
    std::string known;
    for (const std::string& p : internal::RuleFilesIn(rules, kRecipes)) {
      known.append(known.empty() ? "" : ", ").append(internal::RuleFileName(p, kRecipes));
    }
    return Status(ErrorCode::kNotFound, "unknown recipe '" + std::string(name) + "' (known: " +
                                            known + "; or give the path of a recipe file)");
  }
  return FromRecipe(*text, rules.Origin(path), rules);
}

Result<Pipeline> Pipeline::FromRecipe(std::string_view recipe, std::string_view origin,
                                      const RuleFiles& rules) {
  const std::string where(origin);
  auto error = [&](const toml::source_region& at, std::string message) {
    return Status(ErrorCode::kRuleSyntax, std::move(message),
                  {where, at.begin.line, at.begin.column, 0});
  };
  // A step's own error (a bad option value) points at the step.
  auto at_step = [&](const toml::node& step, const Status& s) {
    return error(step.source(), s.message());
  };
  toml::table root;
  try {
    root = toml::parse(recipe, where);
  } catch (const toml::parse_error& e) {
    return error(e.source(), std::string(e.description()));
  }
  auto impl = std::make_shared<Impl>();
  impl->name = root["name"].value_or(std::string("recipe"));
  const toml::array* steps = root.get_as<toml::array>("step");
  if (steps == nullptr || steps->empty()) {
    return error(root.source(), "a recipe needs at least one [[step]]");
  }
  for (const toml::node& node : *steps) {
    const toml::table* step = node.as_table();
    if (step == nullptr) return error(node.source(), "write steps as [[step]]");
    const std::string use = (*step)["use"].value_or(std::string());
    // Every option a step knows; anything else is a typo worth reporting.
    auto check_keys = [&](std::initializer_list<std::string_view> known) -> Status {
      for (const auto& [key, value] : *step) {
        bool ok = key.str() == "use";
        for (std::string_view k : known) ok = ok || key.str() == k;
        if (!ok) {
          return error(key.source(),
                       "step '" + use + "': unknown option '" + std::string(key.str()) + "'");
        }
      }
      return Status();
    };
    if (use == "normalize") {
      // No "strict": a pipeline repairs ill-formed UTF-8 (U+FFFD, counted by
      // the normalizer) and never stops on it; the option was once accepted
      // and ignored, so a recipe that sets it is told.
      if (Status s = check_keys({"form", "punct", "quotes", "fix_mojibake", "fix_homoglyphs"});
          !s.ok()) {
        return s;
      }
      NormalizerOptions options;
      const std::string form = (*step)["form"].value_or(std::string("nfc"));
      if (!ParseUnicodeForm(form, &options.form)) {
        return error(step->get("form")->source(), "form: unknown '" + form + "'");
      }
      options.punct = (*step)["punct"].value_or(false);
      options.quote_style = (*step)["quotes"].value_or(std::string("ascii"));
      options.fix_mojibake = (*step)["fix_mojibake"].value_or(false);
      options.fix_homoglyphs = (*step)["fix_homoglyphs"].value_or(false);
      Result<Normalizer> n = Normalizer::Create(options, rules);
      if (!n.ok())
        return n.status().code() == ErrorCode::kRuleSyntax ? n.status() : at_step(node, n.status());
      impl->steps.push_back(std::make_unique<NormalizeStep>(std::move(*n)));
    } else if (use == "clean") {
      if (Status s = check_keys({"languages", "regex_memory_mb", "title_field"}); !s.ok()) return s;
      impl->title_field = (*step)["title_field"].value_or(std::string("title"));
      HeaderCleanerOptions options;
      if (const toml::node* mb = step->get("regex_memory_mb")) {
        const std::optional<std::int64_t> value = mb->value<std::int64_t>();
        if (!value || *value < 1 || *value > 4096) {
          return error(mb->source(), "regex_memory_mb: expected a whole number of MiB, 1 to 4096");
        }
        options.max_regex_memory = *value << 20;
      }
      if (const toml::array* langs = step->get_as<toml::array>("languages")) {
        for (const toml::node& l : *langs) options.languages.push_back(l.value_or(std::string()));
      }
      Result<HeaderCleaner> c = HeaderCleaner::Create(options, rules);
      if (!c.ok())
        return c.status().code() == ErrorCode::kRuleSyntax ? c.status() : at_step(node, c.status());
      impl->steps.push_back(std::make_unique<CleanStep>(std::move(*c)));
    } else if (use == "dates") {
      if (Status s = check_keys({"rewrite", "languages"}); !s.ok()) return s;
      DateFinderOptions options;
      if (const toml::array* langs = step->get_as<toml::array>("languages")) {
        for (const toml::node& l : *langs) options.languages.push_back(l.value_or(std::string()));
      }
      Result<DateFinder> f = DateFinder::Create(options, rules);
      if (!f.ok())
        return f.status().code() == ErrorCode::kRuleSyntax ? f.status() : at_step(node, f.status());
      impl->steps.push_back(
          std::make_unique<DatesStep>(std::move(*f), (*step)["rewrite"].value_or(false)));
    } else if (use == "variants") {
      // The lexicon is rules/variants/ of `rules` (a caller adds names there).
      if (Status s = check_keys({}); !s.ok()) return s;
      Result<VariantIndex> v = VariantIndex::Create({}, rules);
      if (!v.ok())
        return v.status().code() == ErrorCode::kRuleSyntax ? v.status() : at_step(node, v.status());
      impl->steps.push_back(std::make_unique<VariantsStep>(std::move(*v)));
    } else if (use == "translit") {
      if (Status s = check_keys({"scheme"}); !s.ok()) return s;
      const std::string scheme = (*step)["scheme"].value_or(std::string());
      Result<Transliterator> t = Transliterator::Create(scheme, Direction::kForward, rules);
      if (!t.ok())
        return t.status().code() == ErrorCode::kRuleSyntax ? t.status() : at_step(node, t.status());
      impl->steps.push_back(std::make_unique<TranslitStep>(std::move(*t)));
    } else {
      const toml::node* use_node = step->get("use");
      return error(use_node ? use_node->source() : node.source(),
                   "unknown step '" + use + "' (normalize, clean, dates, variants, translit)");
    }
  }
  return Pipeline(std::move(impl));
}

namespace {

// Runs the steps on *doc, timing each into *stats when given (shaped by
// `shape` when it is still empty).
template <typename Shape>
void RunSteps(const std::vector<std::unique_ptr<const Step>>& steps, bool one_line,
              const Shape& shape, std::string_view title, Document* doc, PipelineStats* stats) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = *steps[i];
    if (one_line && step.needs_lines()) continue;
    if (stats == nullptr) {
      step.Apply(doc, title);
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    const std::uint64_t count = step.Apply(doc, title);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (stats->steps.size() != steps.size()) *stats = shape();
    stats->steps[i].count += count;
    stats->steps[i].seconds += took.count();
  }
}

}  // namespace

Document Pipeline::Process(std::string_view text, PipelineStats* stats,
                           std::string_view title) const {
  Document doc;
  doc.text = std::string(text);
  RunSteps(
      impl_->steps, /*one_line=*/false, [this] { return stats_template(); }, title, &doc, stats);
  if (stats != nullptr && doc.metadata.header && doc.metadata.header->kept_whole) {
    ++stats->kept_whole;
  }
  return doc;
}

Document Pipeline::ProcessLine(std::string_view line, PipelineStats* stats) const {
  Document doc;
  doc.text = std::string(line);
  RunSteps(
      impl_->steps, /*one_line=*/true, [this] { return stats_template(); }, {}, &doc, stats);
  for (char& c : doc.text) {
    if (c == '\n') c = ' ';
  }
  return doc;
}

Status Pipeline::ProcessJsonLines(std::string_view lines, const JsonLinesOptions& options,
                                  std::string* out, PipelineStats* stats) const {
  JsonLinesCounts counts;
  std::string title;
  const Status status = EditJsonLines(
      lines, options, "metadata",
      [&](const JsonRecord& record, std::string_view text, std::string* new_text,
          std::string* metadata) {
        title.clear();
        if (!impl_->title_field.empty()) record.StringField(impl_->title_field, &title);
        Document doc = Process(text, stats, title);
        *new_text = std::move(doc.text);
        *metadata = MetadataJson(doc.metadata);
      },
      out, &counts);
  if (stats != nullptr) {
    stats->documents += counts.records;
    stats->not_json += counts.not_json;
  }
  return status;
}

void Pipeline::ProcessTextLines(std::string_view lines, std::string* out,
                                PipelineStats* stats) const {
  for (std::string_view rest = lines; !rest.empty();) {
    const internal::Line line = internal::NextLine(&rest);
    if (stats != nullptr && line.text.find_first_not_of(" \t") != std::string_view::npos) {
      ++stats->documents;
    }
    out->append(ProcessLine(line.text, stats).text);
    if (!line.ending.empty()) out->push_back('\n');
  }
}

PipelineStats Pipeline::stats_template() const {
  PipelineStats stats;
  for (const auto& step : impl_->steps) stats.steps.push_back({step->name(), step->unit(), 0, 0});
  return stats;
}

const std::string& Pipeline::name() const { return impl_->name; }

}  // namespace normkit
