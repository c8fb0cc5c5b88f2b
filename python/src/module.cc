// normkit._normkit: the Python binding of the public C++ API (pybind11).
//
// Every object wraps one immutable C++ object, so one instance may serve
// many Python threads; every call that reads text releases the GIL. The
// objects pickle as the arguments that built them and are built again on
// load (a compiled scheme or pipeline is rebuilt in the worker, not copied).
// Errors come from the library as Status values and leave here as the
// exceptions of normkit/_errors.py, with the rule file's position.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "command_line.h"
#include "normkit/normkit.h"

namespace py = pybind11;

namespace normkit::python {
namespace {

// Raises the exception of normkit._errors that fits `status`.
[[noreturn]] void Raise(const Status& status) {
  py::module_ errors = py::module_::import("normkit._errors");
  const SourcePosition& where = status.where();
  py::object error;
  switch (status.code()) {
    case ErrorCode::kRuleSyntax:
      error = errors.attr("RuleError")(status.ToString(), where.file,
                                       static_cast<std::size_t>(where.line),
                                       static_cast<std::size_t>(where.column));
      break;
    case ErrorCode::kNotFound:
      error = errors.attr("NotFoundError")(status.message());
      break;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kInvalidInput:
      error = py::module_::import("builtins").attr("ValueError")(status.ToString());
      break;
    default:
      error = py::module_::import("builtins").attr("RuntimeError")(status.ToString());
      break;
  }
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
  throw py::error_already_set();
}

template <typename T>
T Take(Result<T> result) {
  if (!result.ok()) Raise(result.status());
  return std::move(*result);
}

// Python strings count code points; the library counts UTF-8 bytes. Walks
// `text` once for offsets given in increasing order.
class CodePointOffsets {
 public:
  explicit CodePointOffsets(std::string_view text) : text_(text) {}
  std::size_t At(std::size_t byte) {
    if (byte < byte_) byte_ = points_ = 0;  // out of order: start again
    for (; byte_ < byte && byte_ < text_.size(); ++byte_) {
      points_ += (static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80;
    }
    return points_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0, points_ = 0;
};

py::bytes Bytes(const std::string& s) { return py::bytes(s.data(), s.size()); }

// ---- Normalizer

struct PyNormalizer {
  NormalizerOptions options;
  Normalizer normalizer;
};

PyNormalizer MakeNormalizer(const std::string& form, bool punct, const std::string& quotes,
                            bool remove_invisibles, bool whitespace, bool fix_mojibake,
                            bool fix_homoglyphs) {
  NormalizerOptions options;
  if (!ParseUnicodeForm(form, &options.form)) {
    Raise(Status(ErrorCode::kInvalidArgument,
                 "unknown form '" + form + "' (nfc, nfd, nfkc, nfkd, nfkc_casefold, none)"));
  }
  options.punct = punct;
  options.quote_style = quotes;
  options.remove_invisibles = remove_invisibles;
  options.normalize_whitespace = whitespace;
  options.fix_mojibake = fix_mojibake;
  options.fix_homoglyphs = fix_homoglyphs;
  return PyNormalizer{options, Take(Normalizer::Create(options))};
}

// ---- DateFinder

py::dict MatchDict(std::string_view text, const DateMatch& m, CodePointOffsets* offsets) {
  py::dict d;
  d["start"] = offsets->At(m.begin);
  d["end"] = offsets->At(m.end);
  d["text"] = py::str(text.data() + m.begin, m.end - m.begin);
  d["iso"] = m.value.ToIso();
  d["language"] = m.language.empty() ? py::object(py::none()) : py::object(py::str(m.language));
  return d;
}

// A language list as Python gives it: None for every language.
using Languages = std::optional<std::vector<std::string>>;

// The pickled state of an object built from a language list.
py::tuple LanguagesState(const std::vector<std::string>& languages) {
  return py::make_tuple(languages.empty() ? py::object(py::none()) : py::cast(languages));
}

struct PyDateFinder {
  std::vector<std::string> languages;
  DateFinder finder;
};

PyDateFinder MakeDateFinder(const Languages& languages) {
  DateFinderOptions options;
  if (languages) options.languages = *languages;
  return PyDateFinder{options.languages, Take(DateFinder::Create(options))};
}

// ---- HeaderCleaner

py::dict CleanedDict(const CleanedArticle& a) {
  auto optional = [](const std::optional<std::string>& s) -> py::object {
    return s ? py::object(py::str(*s)) : py::object(py::none());
  };
  py::list removed;
  for (const RemovedLine& r : a.removed) {
    py::dict line;
    line["line"] = r.line;
    line["text"] = r.text;
    line["rule"] = r.rule;
    removed.append(line);
  }
  py::dict d;
  d["title"] = optional(a.title);
  d["published"] = optional(a.published);
  d["modified"] = optional(a.modified);
  d["updated"] = optional(a.updated);
  d["authors"] = a.authors;
  d["photo_credits"] = a.photo_credits;
  d["removed"] = removed;
  d["kept_whole"] = a.kept_whole;
  d["lines"] = a.lines;
  d["body"] = a.body;
  return d;
}

struct PyHeaderCleaner {
  std::vector<std::string> languages;
  HeaderCleaner cleaner;
};

PyHeaderCleaner MakeHeaderCleaner(const Languages& languages) {
  HeaderCleanerOptions options;
  if (languages) options.languages = *languages;
  return PyHeaderCleaner{options.languages, Take(HeaderCleaner::Create(options))};
}

// ---- VariantIndex

struct PyVariantIndex {
  std::vector<std::pair<std::string, std::string>> lexicons;  // (origin, text)
  bool builtin;
  VariantIndex index;
};

PyVariantIndex MakeVariantIndex(std::vector<std::pair<std::string, std::string>> lexicons,
                                bool builtin) {
  VariantIndexOptions options;
  options.builtin_lexicon = builtin;
  for (const auto& [origin, text] : lexicons) options.extra_lexicons.push_back({origin, text});
  VariantIndex index = Take(VariantIndex::Create(options));
  return PyVariantIndex{std::move(lexicons), builtin, std::move(index)};
}

// ---- Pipeline

struct PyPipeline {
  std::string recipe;  // a name, or the recipe's text when `origin` is set
  std::string origin;  // the recipe file's path; empty for a named recipe
  Pipeline pipeline;
};

PyPipeline MakePipeline(std::string recipe, std::string origin) {
  Pipeline pipeline =
      Take(origin.empty() ? Pipeline::Create(recipe)
                          : Pipeline::FromRecipe(recipe, origin, RuleFiles::Embedded()));
  return PyPipeline{std::move(recipe), std::move(origin), std::move(pipeline)};
}

// Adds `stats` to the dict *into (empty, or filled by earlier calls): the
// counts of `normkit run --stats`, summed.
void AddStats(const PipelineStats& stats, py::dict* into) {
  auto add = [](py::dict& d, const char* key, py::object value) {
    d[key] = d.contains(key) ? py::object(d[key]).attr("__add__")(value) : value;
  };
  py::dict& d = *into;
  add(d, "documents", py::int_(stats.documents));
  add(d, "invalid_records", py::int_(stats.not_json));
  add(d, "kept_whole", py::int_(stats.kept_whole));
  if (!d.contains("steps")) d["steps"] = py::list();
  py::list steps = d["steps"];
  for (std::size_t i = 0; i < stats.steps.size(); ++i) {
    const StepStats& s = stats.steps[i];
    if (i == steps.size()) {
      py::dict step;
      step["step"] = s.step;
      step["unit"] = s.unit;
      steps.append(step);
    }
    py::dict step = steps[i];
    add(step, "count", py::int_(s.count));
    add(step, "seconds", py::float_(s.seconds));
  }
}

// The audit behind `normkit run --report`, summed over calls (add() in input
// order keeps the samples the first ones, as the command line does).
struct PyAudit {
  PipelineAudit audit;
};

py::dict SampleDict(const AuditSample& s) {
  py::dict d;
  d["line"] = s.line;
  d["before"] = py::bytes(s.before).attr("decode")("utf-8", "replace");
  d["after"] = py::bytes(s.after).attr("decode")("utf-8", "replace");
  d["before_changed"] = py::make_tuple(s.before_changed_begin, s.before_changed_end);
  d["after_changed"] = py::make_tuple(s.after_changed_begin, s.after_changed_end);
  return d;
}

py::dict RulesDict(const PipelineAudit& a) {
  py::dict rules;
  for (const auto& [key, rule] : a.rules) {
    py::dict r;
    r["documents"] = rule.documents;
    r["count"] = rule.count;
    py::list samples;
    for (const AuditSample& s : rule.samples) samples.append(SampleDict(s));
    r["samples"] = samples;
    rules[py::make_tuple(key.first, key.second)] = r;
  }
  return rules;
}

py::dict MetadataDict(const DocumentMetadata& metadata) {
  // The same JSON object `normkit run` adds to a record, as Python values.
  return py::module_::import("json").attr("loads")(MetadataJson(metadata));
}

}  // namespace
}  // namespace normkit::python

PYBIND11_MODULE(_normkit, m) {
  using namespace normkit;
  using namespace normkit::python;
  m.doc() = "The C++ engines of normkit; use the `normkit` package, which re-exports them.";
  m.attr("__version__") = NORMKIT_VERSION_STRING;
  const auto release = py::call_guard<py::gil_scoped_release>();

  py::class_<PyNormalizer>(m, "Normalizer",
                           "Unicode normalization with the cleanup of scraped text: invisible "
                           "characters, whitespace, and (punct=True) quotes, dashes, ellipses.")
      .def(py::init(&MakeNormalizer), py::arg("form") = "nfc", py::arg("punct") = false,
           py::arg("quotes") = "ascii", py::arg("remove_invisibles") = true,
           py::arg("whitespace") = true, py::arg("fix_mojibake") = false,
           py::arg("fix_homoglyphs") = false,
           "form: nfc, nfd, nfkc, nfkd, nfkc_casefold or none; quotes (with punct): ascii, "
           "curly, angle or german; fix_mojibake: repair text decoded with the wrong code page "
           "(normkit normalize --fix-mojibake); fix_homoglyphs: Latin look-alikes in Cyrillic "
           "words and the reverse.")
      .def(
          "normalize",
          [](const PyNormalizer& self, std::string_view text) {
            return self.normalizer.Normalize(text);
          },
          py::arg("text"), release,
          "The text normalized; text that needs nothing comes back "
          "as it was.")
      .def(
          "is_normalized",
          [](const PyNormalizer& self, std::string_view text) {
            return self.normalizer.IsNormalized(text);
          },
          py::arg("text"), release)
      .def(py::pickle(
          [](const PyNormalizer& self) {
            const NormalizerOptions& o = self.options;
            return py::make_tuple(std::string(UnicodeFormName(o.form)), o.punct, o.quote_style,
                                  o.remove_invisibles, o.normalize_whitespace, o.fix_mojibake,
                                  o.fix_homoglyphs);
          },
          [](const py::tuple& t) {
            return MakeNormalizer(t[0].cast<std::string>(), t[1].cast<bool>(),
                                  t[2].cast<std::string>(), t[3].cast<bool>(), t[4].cast<bool>(),
                                  t[5].cast<bool>(), t[6].cast<bool>());
          }));

  py::class_<Transliterator>(m, "Transliterator",
                             "Transliteration under a named standard (see schemes()).")
      .def(py::init([](std::string_view scheme, bool reverse) {
             return Take(Transliterator::Create(
                 scheme, reverse ? Direction::kReverse : Direction::kForward));
           }),
           py::arg("scheme"), py::arg("reverse") = false,
           "scheme: an id such as 'ru/bgn_pcgn'; reverse: Latin back to Cyrillic (reversible "
           "schemes only).")
      .def(
          "transliterate",
          [](const Transliterator& self, std::string_view text) {
            return self.Transliterate(text);
          },
          py::arg("text"), release)
      .def_property_readonly("scheme", [](const Transliterator& t) { return t.info().id; })
      .def_property_readonly(
          "reverse", [](const Transliterator& t) { return t.direction() == Direction::kReverse; })
      .def(py::pickle(
          [](const Transliterator& self) {
            return py::make_tuple(self.info().id, self.direction() == Direction::kReverse);
          },
          [](const py::tuple& t) {
            return Take(Transliterator::Create(
                t[0].cast<std::string>(),
                t[1].cast<bool>() ? Direction::kReverse : Direction::kForward));
          }));

  m.def(
      "schemes",
      [] {
        py::list out;
        for (const SchemeInfo& s : ListSchemes(RuleFiles::Embedded())) {
          py::dict d;
          d["id"] = s.id;
          d["title"] = s.title;
          d["standard"] = s.standard;
          d["reversible"] = s.reversible;
          out.append(d);
        }
        return out;
      },
      "The transliteration schemes: dicts with id, title, standard, reversible.");
  m.def(
      "nearest_schemes",
      [](std::string_view id) { return NearestSchemeIds(id, RuleFiles::Embedded()); },
      py::arg("id"));
  m.def(
      "icu_transform",
      [](std::string_view id, std::string_view text) {
        const IcuTransform transform = Take(IcuTransform::Create(id));
        py::gil_scoped_release nogil;
        return transform.Apply(text);
      },
      py::arg("id"), py::arg("text"),
      "Applies an ICU transform by id ('Any-Latin', 'Russian-Latin/BGN') to text.");

  py::class_<PyDateFinder>(m, "DateFinder", "Dates in running text, as ISO 8601.")
      .def(py::init(&MakeDateFinder), py::arg("languages") = py::none(),
           "languages: codes to read (ru, uk, be, kk, en, or any CLDR language); None: all.")
      .def(
          "parse",
          [](const PyDateFinder& self, std::string_view line) -> std::optional<std::string> {
            std::optional<DateMatch> m;
            {
              py::gil_scoped_release nogil;
              m = self.finder.Parse(line);
            }
            if (!m) return std::nullopt;
            return m->value.ToIso();
          },
          py::arg("line"), "The ISO 8601 value of the longest date in line, or None.")
      .def(
          "find",
          [](const PyDateFinder& self, std::string_view text) {
            std::vector<DateMatch> found;
            {
              py::gil_scoped_release nogil;
              self.finder.Find(text, &found);
            }
            py::list out;
            CodePointOffsets offsets(text);
            for (const DateMatch& m : found) out.append(MatchDict(text, m, &offsets));
            return out;
          },
          py::arg("text"),
          "Every date: dicts with start and end (string indices), text, iso, language.")
      .def_property_readonly("languages",
                             [](const PyDateFinder& self) { return self.finder.languages(); })
      .def(py::pickle([](const PyDateFinder& self) { return LanguagesState(self.languages); },
                      [](const py::tuple& t) { return MakeDateFinder(t[0].cast<Languages>()); }));

  py::class_<PyHeaderCleaner>(m, "HeaderCleaner",
                              "Takes a page's header lines (dates, bylines, credits, a repeated "
                              "title) off an article into metadata.")
      .def(py::init(&MakeHeaderCleaner), py::arg("languages") = py::none())
      .def(
          "clean",
          [](const PyHeaderCleaner& self, std::string_view article, std::string_view title) {
            CleanedArticle cleaned;
            {
              py::gil_scoped_release nogil;
              cleaned = self.cleaner.Clean(article, title);
            }
            return CleanedDict(cleaned);
          },
          py::arg("article"), py::arg("title") = "",
          "A dict with the fields of `normkit clean`: title, published, modified, updated, "
          "authors, photo_credits, removed, kept_whole, lines, and body.")
      .def(
          py::pickle([](const PyHeaderCleaner& self) { return LanguagesState(self.languages); },
                     [](const py::tuple& t) { return MakeHeaderCleaner(t[0].cast<Languages>()); }));

  py::class_<PyVariantIndex>(m, "VariantIndex", "One canonical spelling per name.")
      .def(py::init(&MakeVariantIndex),
           py::arg("lexicons") = std::vector<std::pair<std::string, std::string>>{},
           py::arg("builtin") = true,
           "lexicons: (origin, text) pairs of lexicon files in the rules/variants format; "
           "builtin: also the built-in lexicon.")
      .def(
          "key",
          [](const PyVariantIndex& self, std::string_view word) { return self.index.Key(word); },
          py::arg("word"), release)
      .def(
          "canonical",
          [](const PyVariantIndex& self, std::string_view word) {
            return self.index.Canonical(word);
          },
          py::arg("word"), release)
      .def(
          "apply",
          [](const PyVariantIndex& self, std::string_view text) { return self.index.Apply(text); },
          py::arg("text"), release)
      .def(
          "discover",
          [](const PyVariantIndex& self, const py::iterable& texts, std::uint64_t min_count,
             std::size_t min_spellings) {
            NameCounts counts;
            for (const py::handle& item : texts) {
              const std::string text = item.cast<std::string>();
              py::gil_scoped_release nogil;
              self.index.CountNames(text, &counts);
            }
            ClusterOptions options;
            options.min_count = min_count;
            options.min_spellings = min_spellings;
            std::vector<VariantCluster> clusters;
            {
              py::gil_scoped_release nogil;
              clusters = self.index.Cluster(counts, options);
            }
            py::list out;
            for (const VariantCluster& c : clusters) {
              py::dict d;
              d["canonical"] = c.canonical;
              d["key"] = c.key;
              d["in_lexicon"] = c.in_lexicon;
              d["count"] = c.count;
              d["variants"] = c.variants;
              d["typos"] = c.typos;
              out.append(d);
            }
            return out;
          },
          py::arg("texts"), py::arg("min_count") = 1, py::arg("min_spellings") = 2,
          "Names written several ways across texts: dicts with canonical, key, in_lexicon, "
          "count, variants and typos (likely typos: [spelling, count] pairs, like variants).")
      .def(py::pickle(
          [](const PyVariantIndex& self) { return py::make_tuple(self.lexicons, self.builtin); },
          [](const py::tuple& t) {
            return MakeVariantIndex(t[0].cast<std::vector<std::pair<std::string, std::string>>>(),
                                    t[1].cast<bool>());
          }));

  py::class_<PyAudit>(m, "PipelineAudit",
                      "What a recipe did to a corpus in detail, as `normkit run --report` "
                      "shows it: per (step, rule) the documents and count with the first "
                      "samples, dates by year and month, document lengths, rewritten names.")
      .def(py::init<>())
      .def(
          "add", [](PyAudit& self, const PyAudit& other) { self.audit.Add(other.audit); },
          py::arg("other"), "Adds an audit of input that comes after this one's.")
      .def_property_readonly(
          "rules", [](const PyAudit& self) { return RulesDict(self.audit); },
          "{(step, rule): {'documents', 'count', 'samples': [{'line', 'before', 'after', "
          "'before_changed': (begin, end), 'after_changed': (begin, end)}]}}; offsets in bytes "
          "of the UTF-8 excerpts.")
      .def_property_readonly("date_years",
                             [](const PyAudit& self) { return self.audit.date_years; })
      .def_property_readonly("date_months",
                             [](const PyAudit& self) { return self.audit.date_months; })
      .def_property_readonly(
          "length_before",
          [](const PyAudit& self) {
            return std::vector<std::uint64_t>(self.audit.length_before.begin(),
                                              self.audit.length_before.end());
          },
          "Documents by length in bytes: item k counts lengths in [2**k, 2**(k+1)).")
      .def_property_readonly("length_after",
                             [](const PyAudit& self) {
                               return std::vector<std::uint64_t>(self.audit.length_after.begin(),
                                                                 self.audit.length_after.end());
                             })
      .def_property_readonly(
          "rewrites", [](const PyAudit& self) { return self.audit.rewrites; },
          "{canonical spelling: {spelling replaced: count}}")
      .def_property_readonly("not_json_lines",
                             [](const PyAudit& self) { return self.audit.not_json_lines; })
      .def_property_readonly("kept_whole_lines",
                             [](const PyAudit& self) { return self.audit.kept_whole_lines; });

  py::class_<PyPipeline>(m, "Pipeline",
                         "A recipe (normalize, clean headers, dates, variants, ...) over "
                         "documents, as `normkit run` runs it.")
      .def(py::init(&MakePipeline), py::arg("recipe") = "news", py::arg("origin") = "",
           "recipe: a recipe's name (news), or with origin set, a recipe's TOML text and "
           "origin the file it came from (for error positions).")
      .def(
          "process",
          [](const PyPipeline& self, std::string_view text, std::string_view title) {
            Document document;
            {
              py::gil_scoped_release nogil;
              document = self.pipeline.Process(text, nullptr, title);
            }
            return py::make_tuple(document.text, MetadataDict(document.metadata));
          },
          py::arg("text"), py::arg("title") = "",
          "(text, metadata): the document after every step, and the metadata `normkit run` "
          "adds to its record.")
      .def(
          "process_jsonl",
          [](const PyPipeline& self, const py::bytes& data, const std::string& field,
             std::optional<py::dict> stats, bool audit, std::uint64_t first_line) {
            std::string_view lines = data;  // a view into the bytes object, held by the caller
            JsonLinesOptions options;
            options.field = field;
            std::string out;
            PipelineStats counted = self.pipeline.stats_template();
            if (audit && stats) counted.audit.emplace();
            Status status;
            {
              py::gil_scoped_release nogil;
              status = self.pipeline.ProcessJsonLines(lines, options, &out, &counted);
            }
            if (!status.ok()) Raise(status);
            if (stats) AddStats(counted, &*stats);
            if (counted.audit) {
              counted.audit->ShiftLines(first_line - 1);
              if (!stats->contains("audit")) (*stats)["audit"] = PyAudit{};
              (*stats)["audit"].cast<PyAudit&>().audit.Add(*counted.audit);
            }
            return Bytes(out);
          },
          py::arg("data"), py::arg("field") = "text", py::arg("stats") = py::none(),
          py::arg("audit") = false, py::arg("first_line") = 1,
          "Whole lines of JSON Lines in, the same lines out, as `normkit run` writes them. "
          "stats: a dict that the counts are added to; with audit=True also the detail of "
          "`normkit run --report` as stats['audit'] (a PipelineAudit), its line numbers "
          "counted from first_line (call in input order: samples are the first ones).")
      .def_property_readonly("name", [](const PyPipeline& self) { return self.pipeline.name(); })
      .def(py::pickle(
          [](const PyPipeline& self) { return py::make_tuple(self.recipe, self.origin); },
          [](const py::tuple& t) {
            return MakePipeline(t[0].cast<std::string>(), t[1].cast<std::string>());
          }));

  m.def(
      "run_command_line",
      [](std::vector<std::string> args) {
        std::vector<char*> argv;
        static char program[] = "normkit";
        argv.push_back(program);
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        py::gil_scoped_release nogil;
        return tools::RunCommandLine(static_cast<int>(args.size() + 1), argv.data());
      },
      py::arg("args"),
      "Runs the normkit command line in this process (argv without the program name) and "
      "returns its exit status; messages go to standard error.");
}
