#include "normkit/pipeline.h"

#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "common_affix.h"
#include "core/char_class.h"
#include "core/line_breaks.h"
#include "core/rule_paths.h"
#include "core/utf8.h"
#include "normkit/date_finder.h"
#include "normkit/header_cleaner.h"
#include "normkit/normalizer.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"

namespace normkit {
namespace {

// What one document gave the rules of one step: a rule counts the
// document once, however often it applied, and takes the document's first
// change as a sample while it has fewer than kMaxSamples.
class RuleNotes {
 public:
  RuleNotes(const char* step, std::uint64_t line, PipelineAudit* audit)
      : step_(step), line_(line), audit_(audit) {}
  // `whole`: the sample marks all of `before` and `after` (a value read from
  // the text rather than an edit of it).
  void Note(std::string_view rule, std::uint64_t count, std::string_view before,
            std::string_view after, bool whole = false) {
    // A document's rules are few: looked up among them before the map.
    for (const auto& [name, seen] : seen_) {
      if (name == rule) {
        seen->count += count;
        return;
      }
    }
    RuleAudit& r = audit_->rules[{step_, std::string(rule)}];
    seen_.emplace_back(std::string(rule), &r);
    r.count += count;
    ++r.documents;
    if (r.samples.size() >= PipelineAudit::kMaxSamples || before == after) return;
    if (whole) {
      r.samples.push_back(
          {line_, std::string(before), std::string(after), 0, before.size(), 0, after.size()});
    } else {
      r.samples.push_back(MakeAuditSample(before, after, line_));
    }
  }

 private:
  const char* step_;  // a step's name(), a literal
  std::uint64_t line_;
  PipelineAudit* audit_;
  std::vector<std::pair<std::string, RuleAudit*>> seen_;  // the rules of this document
};

// One step of a recipe: changes the document, counts what it did.
class Step {
 public:
  virtual ~Step() = default;
  virtual const char* name() const = 0;
  virtual const char* unit() const = 0;
  // `title`: the document's own title where the caller knows one (a JSON
  // Lines record's title field), or empty. When the step changes the text
  // and `replaced` is given, the text it was given is moved there (an audit
  // wants it, and a step that builds a new text has it to give for free).
  virtual std::uint64_t Apply(Document* doc, std::string_view title,
                              std::optional<std::string>* replaced) const = 0;
  // Whether the step reads an article's lines (and so has nothing to do in
  // a corpus of one document a line).
  virtual bool needs_lines() const { return false; }
  // Adds to *audit what Apply() did to one document: `before` is the text
  // it replaced (null when it left the text as it was), `doc` the document
  // after it, `line` the document's line in the input (0 when not known).
  // By default the step is one rule.
  virtual void Audit(const std::string* before, const Document& doc, std::uint64_t line,
                     PipelineAudit* audit) const {
    if (before != nullptr) RuleNotes(name(), line, audit).Note(name(), 1, *before, doc.text);
  }
};

// The length of the space at text[i] (a tab or a Unicode space separator,
// Zs), or 0.
inline std::size_t SpaceAt(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  // Most bytes start no space at all (Cyrillic letters begin D0 or D1).
  const auto first = static_cast<unsigned char>(text[i]);
  if (first != ' ' && first != '\t' && first != 0xC2 && (first < 0xE1 || first > 0xE3)) return 0;
  const auto b = [&](std::size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  if (b(0) == ' ' || b(0) == '\t') return 1;
  if (b(0) == 0xC2 && b(1) == 0xA0) return 2;                            // U+00A0
  if (b(0) == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return 3;            // U+1680
  if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xAF)) {  // U+2000..200A, 202F
    return b(2) >= 0x80 ? 3 : 0;
  }
  if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;  // U+205F
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;  // U+3000
  return 0;
}

// Whether a space (as SpaceAt reads it) ends just before text[i].
bool SpaceEndsAt(std::string_view text, std::size_t i) {
  for (std::size_t n = 1; n <= 3 && n <= i; ++n) {
    if (SpaceAt(text, i - n) == n) return true;
  }
  return false;
}

// Whether `was` and `is` differ only in their runs of spaces: the same
// words in the same order, whatever spaces (or none, at either end) lie
// between them. The texts are compared eight bytes a step; where they
// differ, both must be at a run of spaces (one that began before, or one
// that begins here on either side), and both go on after their runs.
bool OnlySpacesChanged(std::string_view was, std::string_view is) {
  std::size_t i = 0, j = 0;
  for (;;) {
    const std::size_t same = internal::CommonPrefixLength(was.substr(i), is.substr(j));
    i += same;
    j += same;
    if (i == was.size() && j == is.size()) return true;
    // The bytes before are the same in both (or it is the start).
    const bool boundary = i == 0 || j == 0 || SpaceEndsAt(was, i);
    // A gap: spaces here, or the end (spaces at the end may go).
    const bool was_gap = i == was.size() || SpaceAt(was, i) > 0;
    const bool is_gap = j == is.size() || SpaceAt(is, j) > 0;
    if (!was_gap && !is_gap) return false;             // a word changed
    if (!boundary && was_gap != is_gap) return false;  // a word split or joined
    for (std::size_t n; (n = SpaceAt(was, i)) > 0;) i += n;
    for (std::size_t n; (n = SpaceAt(is, j)) > 0;) j += n;
    if ((i == was.size()) != (j == is.size())) return false;  // a word only one has
  }
}

class NormalizeStep : public Step {
 public:
  // `punct_rules`: the punctuation rules `n` was built with, for the kinds
  // of change an audit tells apart.
  NormalizeStep(Normalizer n, RuleFiles punct_rules)
      : normalizer_(std::move(n)), punct_rules_(std::move(punct_rules)) {}
  const char* name() const override { return "normalize"; }
  const char* unit() const override { return "lines changed"; }
  std::uint64_t Apply(Document* doc, std::string_view title,
                      std::optional<std::string>* replaced) const override {
    std::string out;
    NormalizeStats stats;
    // The step's normalizer repairs ill-formed UTF-8 rather than refusing it
    // (no strict_utf8), so it has no error to give; were one ever to come,
    // the text stays as it was rather than half normalized.
    if (!normalizer_.Normalize(doc->text, &out, &stats).ok()) return 0;
    if (replaced != nullptr && stats.lines_changed > 0) replaced->emplace(std::move(doc->text));
    doc->text = std::move(out);
    return stats.lines_changed;
  }

  // Each changed line under the kinds of change that explain it. A line
  // that differs only in its runs of spaces (a double space, a no-break
  // space, spaces at the end) is whitespace's. Any other: a kind
  // counts it where a normalizer that does only that changes the line on
  // its own (after its invalid UTF-8 is repaired). A change that no kind
  // makes on its own (two kinds that meet in one spot, or one that only the
  // lines around explain) is "together".
  void Audit(const std::string* before, const Document& doc, std::uint64_t line,
             PipelineAudit* audit) const override {
    if (before == nullptr) return;
    const std::vector<Kind>& kinds = Kinds();
    RuleNotes notes(name(), line, audit);
    std::string repaired, out;
    // The lines before the first change and after the last are passed
    // over: the texts share them byte for byte.
    const std::size_t prefix = internal::CommonPrefixLength(*before, doc.text);
    const std::size_t suffix = internal::CommonSuffixLength(
        *before, doc.text, std::min(before->size(), doc.text.size()) - prefix);
    // After a LF (never between the CR and LF of a CRLF): the same line
    // start in both texts.
    std::size_t start = prefix == 0 ? std::string_view::npos : before->rfind('\n', prefix - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    for (std::string_view b = std::string_view(*before).substr(start),
                          a = std::string_view(doc.text).substr(start);
         !b.empty() || !a.empty();) {
      if (b.size() == a.size() && b.size() <= suffix) break;  // the rest is the same
      const internal::Line was = internal::NextLine(&b), is = internal::NextLine(&a);
      if (was.text == is.text && was.ending == is.ending) continue;
      if (whitespace_kind_ >= 0 && OnlySpacesChanged(was.text, is.text)) {
        notes.Note(kinds[static_cast<std::size_t>(whitespace_kind_)].name, 1, was.text, is.text);
        continue;
      }
      // kinds[0] only repairs; the others are tried on its output.
      repaired.clear();
      (void)kinds.front().normalizer.Normalize(was.text, &repaired);
      bool explained = repaired != was.text;
      if (explained) notes.Note(kinds.front().name, 1, was.text, is.text);
      for (std::size_t k = 1; k < kinds.size(); ++k) {
        out.clear();
        (void)kinds[k].normalizer.Normalize(repaired, &out);
        if (out == repaired) continue;
        explained = true;
        notes.Note(kinds[k].name, 1, was.text, is.text);
      }
      if (!explained) notes.Note("together", 1, was.text, is.text);
    }
  }

 private:
  struct Kind {
    std::string name;
    Normalizer normalizer;
  };
  // The kinds of change the step's options make, the repair of invalid
  // UTF-8 (which every normalizer does) first; built on the first audit.
  const std::vector<Kind>& Kinds() const {
    std::call_once(kinds_built_, [this] {
      const NormalizerOptions& step = normalizer_.options();
      auto only = [&](const char* kind, auto&& set) {
        NormalizerOptions o;
        o.form = UnicodeForm::kNone;
        o.remove_invisibles = false;
        o.normalize_whitespace = false;
        o.punct = false;
        set(o);
        Result<Normalizer> n = Normalizer::Create(o, punct_rules_);
        if (n.ok()) kinds_.push_back({kind, std::move(*n)});
      };
      only("invalid UTF-8", [](NormalizerOptions&) {});
      if (step.form != UnicodeForm::kNone) {
        only("Unicode form", [&](NormalizerOptions& o) { o.form = step.form; });
      }
      if (step.remove_invisibles) {
        only("invisible characters", [](NormalizerOptions& o) { o.remove_invisibles = true; });
      }
      if (step.normalize_whitespace) {
        only("whitespace", [](NormalizerOptions& o) { o.normalize_whitespace = true; });
        // Spaces changed into spaces are whitespace's alone, unless the
        // form maps spaces too (NFKC makes a no-break space a space).
        if (step.form != UnicodeForm::kNFKC && step.form != UnicodeForm::kNFKD &&
            step.form != UnicodeForm::kNFKCCasefold) {
          whitespace_kind_ = static_cast<int>(kinds_.size()) - 1;
        }
      }
      if (step.fix_mojibake) {
        only("mojibake", [](NormalizerOptions& o) { o.fix_mojibake = true; });
      }
      if (step.fix_homoglyphs) {
        only("homoglyphs", [](NormalizerOptions& o) { o.fix_homoglyphs = true; });
      }
      if (step.punct) {
        only("punctuation", [&](NormalizerOptions& o) {
          o.punct = true;
          o.quote_style = step.quote_style;
        });
      }
    });
    return kinds_;
  }

  Normalizer normalizer_;
  RuleFiles punct_rules_;
  mutable std::once_flag kinds_built_;
  mutable std::vector<Kind> kinds_;
  mutable int whitespace_kind_ = -1;  // its index in kinds_, where the shortcut holds
};

class CleanStep : public Step {
 public:
  explicit CleanStep(HeaderCleaner c) : cleaner_(std::move(c)) {}
  const char* name() const override { return "clean"; }
  const char* unit() const override { return "header lines removed"; }
  bool needs_lines() const override { return true; }
  std::uint64_t Apply(Document* doc, std::string_view title,
                      std::optional<std::string>* replaced) const override {
    CleanedArticle a = cleaner_.Clean(doc->text, title);
    if (replaced != nullptr && !a.removed.empty()) replaced->emplace(std::move(doc->text));
    doc->text = std::move(a.body);
    const std::size_t removed = a.removed.size();
    doc->metadata.header = std::move(static_cast<HeaderMetadata&>(a));
    return removed;
  }
  // Each removed line under the rule that removed it.
  void Audit(const std::string* before, const Document& doc, std::uint64_t line,
             PipelineAudit* audit) const override {
    if (!doc.metadata.header || doc.metadata.header->removed.empty()) return;
    RuleNotes notes(name(), line, audit);
    for (const RemovedLine& removed : doc.metadata.header->removed) {
      notes.Note(removed.rule, 1, removed.text, "");
    }
  }

 private:
  HeaderCleaner cleaner_;
};

class DatesStep : public Step {
 public:
  DatesStep(DateFinder f, bool rewrite) : finder_(std::move(f)), rewrite_(rewrite) {}
  const char* name() const override { return "dates"; }
  const char* unit() const override { return "dates found"; }
  std::uint64_t Apply(Document* doc, std::string_view title,
                      std::optional<std::string>* replaced) const override {
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
        m.value.AppendIso(&out);
        at = m.end;
      }
      out.append(doc->text, at);
      if (replaced != nullptr) replaced->emplace(std::move(doc->text));
      doc->text = std::move(out);
    }
    return found.size();
  }
  // Each date found under its language, as its words and its ISO value, and
  // in the histograms of years and months.
  void Audit(const std::string* before, const Document& doc, std::uint64_t line,
             PipelineAudit* audit) const override {
    if (!doc.metadata.dates || doc.metadata.dates->empty()) return;
    RuleNotes notes(name(), line, audit);
    std::string iso;
    for (const FoundDate& date : *doc.metadata.dates) {
      const DateValue& v = date.match.value;
      iso.clear();
      v.AppendIso(&iso);
      notes.Note(date.match.language.empty() ? "unknown language" : date.match.language, 1,
                 date.text, iso, /*whole=*/true);
      if (v.year == 0) continue;
      ++audit->date_years[v.year];
      if (v.month != 0) ++audit->date_months[iso.substr(0, 7)];
    }
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
  std::uint64_t Apply(Document* doc, std::string_view title,
                      std::optional<std::string>* replaced) const override {
    std::size_t rewritten = Rewrite(&doc->text, replaced);
    std::optional<HeaderMetadata>& header = doc->metadata.header;
    if (header && header->title) rewritten += Rewrite(&*header->title, nullptr);
    return rewritten;
  }
  // Each rewritten word under its new spelling. A rewrite replaces a word
  // and leaves what is around it, so the words of the text before and after
  // pair up one to one, and the pairs that differ are the rewrites.
  void Audit(const std::string* before, const Document& doc, std::uint64_t line,
             PipelineAudit* audit) const override {
    if (before == nullptr) return;
    const std::vector<Word> was = Words(*before), is = Words(doc.text);
    RuleNotes notes(name(), line, audit);
    if (was.size() != is.size()) {  // not a word for a word: the text as a whole
      notes.Note("(several words)", 1, *before, doc.text);
      return;
    }
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < was.size(); ++i) {
      if (Text(*before, was[i]) != Text(doc.text, is[i])) changed.push_back(i);
    }
    for (std::size_t k = 0; k < changed.size(); ++k) {
      const std::size_t i = changed[k];
      const std::string_view from = Text(*before, was[i]), to = Text(doc.text, is[i]);
      ++audit->rewrites[std::string(to)][std::string(from)];
      // The sample's context reaches to the rewrites on either side: what
      // lies between is the same text before and after.
      constexpr std::size_t kContext = 80;
      const std::size_t left =
          std::min(kContext, was[i].begin - (k > 0 ? was[changed[k - 1]].end : 0));
      const std::size_t right =
          std::min(kContext, (k + 1 < changed.size() ? was[changed[k + 1]].begin : before->size()) -
                                 was[i].end);
      notes.Note(to, 1,
                 std::string_view(*before).substr(was[i].begin - left,
                                                  was[i].end - was[i].begin + left + right),
                 std::string_view(doc.text).substr(is[i].begin - left,
                                                   is[i].end - is[i].begin + left + right));
    }
  }

 private:
  std::size_t Rewrite(std::string* text, std::optional<std::string>* replaced) const {
    std::string out;
    const std::size_t rewritten = index_.Apply(*text, &out);
    if (rewritten == 0) return 0;
    if (replaced != nullptr) replaced->emplace(std::move(*text));
    *text = std::move(out);
    return rewritten;
  }

  struct Word {
    std::size_t begin, end;
  };
  static std::string_view Text(std::string_view text, Word w) {
    return text.substr(w.begin, w.end - w.begin);
  }
  // Runs of letters, marks and digits, joined by a hyphen or an apostrophe.
  static std::vector<Word> Words(std::string_view text) {
    std::vector<Word> words;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    bool in_word = false;
    for (const auto* at = p; at < end;) {
      char32_t c;
      const std::size_t n = internal::DecodeUtf8(at, end, &c);
      const std::size_t offset = static_cast<std::size_t>(at - p);
      const bool letter = c != internal::kIllFormed && internal::IsLetterMarkOrDigit(c);
      const bool joiner = in_word && (c == '-' || c == '\'' || c == 0x2019);
      if (letter && !in_word) words.push_back({offset, offset + n});
      if (letter || joiner) words.back().end = offset + n;
      in_word = letter || joiner;
      at += n;
    }
    for (Word& w : words) {  // a trailing hyphen or apostrophe is no part of it
      while (w.end > w.begin) {
        if (text[w.end - 1] == '-' || text[w.end - 1] == '\'') {
          --w.end;
        } else if (text.substr(w.begin, w.end - w.begin).ends_with("\u2019")) {
          w.end -= 3;
        } else {
          break;
        }
      }
    }
    return words;
  }

  VariantIndex index_;
};

class TranslitStep : public Step {
 public:
  explicit TranslitStep(Transliterator t) : translit_(std::move(t)) {}
  const char* name() const override { return "translit"; }
  const char* unit() const override { return "documents transliterated"; }
  std::uint64_t Apply(Document* doc, std::string_view title,
                      std::optional<std::string>* replaced) const override {
    std::string out = translit_.Transliterate(doc->text);
    if (replaced != nullptr && out != doc->text) replaced->emplace(std::move(doc->text));
    doc->text = std::move(out);
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
  if (other.audit) {
    if (audit)
      audit->Add(*other.audit);
    else
      audit = other.audit;
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

namespace {

// The recipe's variants steps' `lexicon` option: one file name or a list;
// nullopt (and *error) when it is neither.
std::optional<std::vector<std::string>> LexiconNames(const toml::node& lexicon,
                                                     toml::source_region* error) {
  std::vector<std::string> names;
  if (const auto* one = lexicon.as_string()) {
    names.push_back(one->get());
  } else if (const toml::array* many = lexicon.as_array()) {
    for (const toml::node& item : *many) {
      const auto* name = item.as_string();
      if (name == nullptr) {
        *error = item.source();
        return std::nullopt;
      }
      names.push_back(name->get());
    }
  } else {
    *error = lexicon.source();
    return std::nullopt;
  }
  for (const std::string& name : names) {
    if (name.empty()) {
      *error = lexicon.source();
      return std::nullopt;
    }
  }
  return names;
}

constexpr std::string_view kLexiconExpected =
    "lexicon: expected the name of a lexicon file, or a list of them";

}  // namespace

Result<std::vector<std::string>> Pipeline::FilesNamedBy(std::string_view recipe,
                                                        std::string_view origin) {
  const std::string where(origin);
  toml::table root;
  try {
    root = toml::parse(recipe, where);
  } catch (const toml::parse_error& e) {
    return Status(ErrorCode::kRuleSyntax, std::string(e.description()),
                  {where, e.source().begin.line, e.source().begin.column, 0});
  }
  std::vector<std::string> files;
  const toml::array* steps = root.get_as<toml::array>("step");
  if (steps == nullptr) return files;
  for (const toml::node& node : *steps) {
    const toml::table* step = node.as_table();
    if (step == nullptr || (*step)["use"].value_or(std::string()) != "variants") continue;
    const toml::node* lexicon = step->get("lexicon");
    if (lexicon == nullptr) continue;
    toml::source_region at;
    std::optional<std::vector<std::string>> names = LexiconNames(*lexicon, &at);
    if (!names) {
      return Status(ErrorCode::kRuleSyntax, std::string(kLexiconExpected),
                    {where, at.begin.line, at.begin.column, 0});
    }
    files.insert(files.end(), names->begin(), names->end());
  }
  return files;
}

Result<Pipeline> Pipeline::FromRecipe(std::string_view recipe, std::string_view origin,
                                      const RuleFiles& rules,
                                      const std::vector<RecipeFile>& files) {
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
      RuleFiles punct_rules;
      if (options.punct) {
        constexpr std::string_view kPunct = "normalize/punct.toml";
        if (const std::string* file = rules.Find(kPunct)) {
          punct_rules.Add(std::string(kPunct), *file, rules.Origin(kPunct));
        }
      }
      impl->steps.push_back(std::make_unique<NormalizeStep>(std::move(*n), std::move(punct_rules)));
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
      // The lexicon is rules/variants/ of `rules`, then the files the step
      // names (lexicon = "FILE"), which the caller has read.
      if (Status s = check_keys({"lexicon"}); !s.ok()) return s;
      VariantIndexOptions options;
      if (const toml::node* lexicon = step->get("lexicon")) {
        toml::source_region at;
        std::optional<std::vector<std::string>> names = LexiconNames(*lexicon, &at);
        if (!names) return error(at, std::string(kLexiconExpected));
        for (const std::string& name : *names) {
          auto file = std::find_if(files.begin(), files.end(),
                                   [&](const RecipeFile& f) { return f.name == name; });
          if (file == files.end()) {
            return Status(ErrorCode::kNotFound,
                          "lexicon: '" + name +
                              "' was not read (the caller reads the files a recipe names: "
                              "Pipeline::FilesNamedBy)",
                          {where, lexicon->source().begin.line, lexicon->source().begin.column, 0});
          }
          options.extra_lexicons.push_back({file->origin, file->text});
        }
      }
      Result<VariantIndex> v = VariantIndex::Create(options, rules);
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
// With an audit in *stats, each step's change is added to it (`line`: the
// document's line in the input, 0 when not known), and the document's
// length before and after.
template <typename Shape>
void RunSteps(const std::vector<std::unique_ptr<const Step>>& steps, bool one_line,
              const Shape& shape, std::string_view title, std::uint64_t line, Document* doc,
              PipelineStats* stats) {
  PipelineAudit* audit = stats != nullptr && stats->audit ? &*stats->audit : nullptr;
  std::optional<std::string> replaced;
  if (audit != nullptr) ++audit->length_before[LengthBucket(doc->text.size())];
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = *steps[i];
    if (one_line && step.needs_lines()) continue;
    if (stats == nullptr) {
      step.Apply(doc, title, nullptr);
      continue;
    }
    replaced.reset();
    const auto start = std::chrono::steady_clock::now();
    const std::uint64_t count = step.Apply(doc, title, audit ? &replaced : nullptr);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (stats->steps.size() != steps.size()) stats->steps = shape().steps;
    stats->steps[i].count += count;
    stats->steps[i].seconds += took.count();
    if (audit != nullptr) step.Audit(replaced ? &*replaced : nullptr, *doc, line, audit);
  }
  if (audit != nullptr) {
    ++audit->length_after[LengthBucket(doc->text.size())];
    if (doc->metadata.header && doc->metadata.header->kept_whole &&
        audit->kept_whole_lines.size() < PipelineAudit::kMaxLines) {
      audit->kept_whole_lines.push_back(line);
    }
  }
}

}  // namespace

Document Pipeline::Process(std::string_view text, PipelineStats* stats,
                           std::string_view title) const {
  return ProcessAt(text, stats, title, 0);
}

Document Pipeline::ProcessAt(std::string_view text, PipelineStats* stats, std::string_view title,
                             std::uint64_t line) const {
  Document doc;
  doc.text = std::string(text);
  RunSteps(
      impl_->steps, /*one_line=*/false, [this] { return stats_template(); }, title, line, &doc,
      stats);
  if (stats != nullptr && doc.metadata.header && doc.metadata.header->kept_whole) {
    ++stats->kept_whole;
  }
  return doc;
}

Document Pipeline::ProcessLine(std::string_view line, PipelineStats* stats) const {
  return ProcessLineAt(line, stats, 0);
}

Document Pipeline::ProcessLineAt(std::string_view line, PipelineStats* stats,
                                 std::uint64_t number) const {
  Document doc;
  doc.text = std::string(line);
  RunSteps(
      impl_->steps, /*one_line=*/true, [this] { return stats_template(); }, {}, number, &doc,
      stats);
  for (char& c : doc.text) {
    if (c == '\n') c = ' ';
  }
  return doc;
}

Status Pipeline::ProcessJsonLines(std::string_view lines, const JsonLinesOptions& options,
                                  std::string* out, PipelineStats* stats) const {
  JsonLinesCounts counts;
  std::string title;
  // The record's line (from 1), for an audit: counted from the last record
  // to this one, whose line is a view into `lines`.
  const bool audit = stats != nullptr && stats->audit;
  std::uint64_t line = 1;
  std::size_t counted_to = 0;
  const Status status = EditJsonLines(
      lines, options, "metadata",
      [&](const JsonRecord& record, std::string_view text, std::string* new_text,
          std::string* metadata) {
        title.clear();
        if (!impl_->title_field.empty()) record.StringField(impl_->title_field, &title);
        if (audit) {
          const auto at = static_cast<std::size_t>(record.line().data() - lines.data());
          line += internal::CountLineBreaks(lines.substr(counted_to, at - counted_to));
          counted_to = at;
        }
        Document doc = ProcessAt(text, stats, title, audit ? line : 0);
        *new_text = std::move(doc.text);
        *metadata = MetadataJson(doc.metadata);
      },
      out, &counts);
  if (stats != nullptr) {
    stats->documents += counts.records;
    stats->not_json += counts.not_json;
    if (stats->audit) {
      for (std::uint64_t not_json : counts.not_json_lines) {
        if (stats->audit->not_json_lines.size() == PipelineAudit::kMaxLines) break;
        stats->audit->not_json_lines.push_back(not_json);
      }
    }
  }
  return status;
}

void Pipeline::ProcessTextLines(std::string_view lines, std::string* out,
                                PipelineStats* stats) const {
  std::uint64_t number = 0;
  for (std::string_view rest = lines; !rest.empty();) {
    const internal::Line line = internal::NextLine(&rest);
    ++number;
    if (stats != nullptr && line.text.find_first_not_of(" \t") != std::string_view::npos) {
      ++stats->documents;
    }
    out->append(ProcessLineAt(line.text, stats, number).text);
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
