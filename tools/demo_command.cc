// normkit demo: the embedded sample article before and after what normkit
// does so far, with the invisible problems made visible.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "core/embedded_files.h"
#include "normkit/date_finder.h"
#include "normkit/header_cleaner.h"
#include "normkit/normalizer.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"

namespace normkit::internal {
// The demo article (tools/CMakeLists.txt embeds tools/demo/).
extern const EmbeddedFile kEmbeddedDemo[];
}  // namespace normkit::internal

namespace normkit::tools {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t lf = text.find('\n');
    lines.push_back(text.substr(0, lf));
    if (lf == std::string_view::npos) break;
    text.remove_prefix(lf + 1);
  }
  return lines;
}

// Shows a line with what a terminal would hide spelled out: ⟨CR⟩, ⟨TAB⟩,
// ⟨U+00AD⟩ for invisible and space characters, ⟨0xA0⟩ for a byte that is
// not UTF-8, and ␣ for a trailing space.
std::string Reveal(std::string_view line) {
  std::string out;
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == ' ') --end;
  for (std::size_t i = 0; i < end;) {
    const auto b = static_cast<unsigned char>(line[i]);
    char buffer[32];
    if (b == '\r') {
      out += "⟨CR⟩";
      ++i;
    } else if (b == '\t') {
      out += "⟨TAB⟩";
      ++i;
    } else if (b < 0x20 || b == 0x7F) {
      std::snprintf(buffer, sizeof buffer, "⟨U+%04X⟩", b);
      out += buffer;
      ++i;
    } else if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
    } else {
      // Decode just enough to name the characters a reader cannot see.
      const int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
      bool valid = length > 0 && i + length <= end;
      char32_t c = length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
      for (int k = 1; valid && k < length; ++k) {
        const auto t = static_cast<unsigned char>(line[i + k]);
        valid = (t & 0xC0) == 0x80;
        c = (c << 6) | (t & 0x3F);
      }
      if (!valid) {
        std::snprintf(buffer, sizeof buffer, "⟨0x%02X⟩", b);
        out += buffer;
        ++i;
        continue;
      }
      const bool hidden = c == 0xA0 || c == 0xAD || c == 0xFEFF || (c >= 0x2000 && c <= 0x200F) ||
                          c == 0x2028 || c == 0x2029 || c == 0x202F || (c >= 0x300 && c < 0x370);
      if (hidden) {
        std::snprintf(buffer, sizeof buffer, "⟨U+%04X⟩", static_cast<unsigned>(c));
        out += buffer;
      } else {
        out.append(line.substr(i, length));
      }
      i += length;
    }
  }
  for (std::size_t i = end; i < line.size(); ++i) out += "␣";
  return out;
}

void PrintNumbered(std::string_view title, const std::vector<std::string_view>& lines,
                   const std::vector<bool>* changed) {
  std::cout << "== " << title << " ==\n";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    char number[24];
    std::snprintf(number, sizeof number, "%3zu", i + 1);
    const bool mark = changed != nullptr && (*changed)[i];
    std::cout << (mark ? "*" : " ") << number << " | " << Reveal(lines[i]) << "\n";
  }
  std::cout << "\n";
}

int RunDemo(const GlobalOptions& global) {
  RuleFiles loaded;
  if (const int status = LoadRules(global, &loaded); status != kExitOk) return status;
  const RuleFiles* rules = &loaded;
  // The tool's own article (tools/demo/article.txt), not a rule file.
  const std::string article(internal::kEmbeddedDemo[0].content);
  NormalizerOptions options;
  options.punct = true;
  Result<Normalizer> normalizer = Normalizer::Create(options, *rules);
  if (!normalizer.ok()) return Fail(normalizer.status());
  std::string after;
  NormalizeStats stats;
  if (Status s = normalizer->Normalize(article, &after, &stats); !s.ok()) return Fail(s);

  const std::vector<std::string_view> before_lines = SplitLines(article);
  const std::vector<std::string_view> after_lines = SplitLines(after);
  std::vector<bool> changed(after_lines.size(), false);
  for (std::size_t i = 0; i < after_lines.size(); ++i) {
    changed[i] = i >= before_lines.size() || before_lines[i] != after_lines[i];
  }

  std::cout << "normkit demo: a news article as a scraper saved it (written "
               "for this demo in the\nshape of a real one), through every step "
               "normkit has: normalization,\ntransliteration, dates, header "
               "lines to metadata, one spelling per name.\n\n";
  PrintNumbered(
      "Before: invisible characters shown as ⟨U+00AD⟩, bytes that are not "
      "UTF-8 as ⟨0xA0⟩, trailing spaces as ␣",
      before_lines, nullptr);
  PrintNumbered("After: normkit normalize --punct (* marks a changed line)", after_lines, &changed);
  std::cout << "What changed: " << stats.lines_changed << " of " << stats.lines << " lines; "
            << stats.invalid_sequences << " invalid UTF-8 sequence(s) became U+FFFD; "
            << stats.removed
            << " invisible character(s) removed; Unicode NFC; spaces, line "
               "endings, quotes, dashes, ellipses and doubled commas made "
               "consistent. The line count is the same: "
            << before_lines.size() << " in, " << after_lines.size() << " out.\n\n";

  // Transliteration of the lines that hold Cyrillic, under two standards.
  std::cout << "== Transliteration of the Cyrillic lines: ru/bgn_pcgn | "
               "ru/gost_779 (ISO 9) ==\n";
  Result<Transliterator> bgn = Transliterator::Create("ru/bgn_pcgn", Direction::kForward, *rules);
  Result<Transliterator> iso = Transliterator::Create("ru/gost_779", Direction::kForward, *rules);
  if (!bgn.ok() || !iso.ok()) {
    return Fail((bgn.ok() ? iso : bgn).status());
  }
  for (std::string_view line : after_lines) {
    const bool cyrillic = line.find_first_of("\xD0\xD1") != std::string_view::npos;
    if (!cyrillic) continue;
    std::cout << "  " << line << "\n    " << bgn->Transliterate(line) << "\n    "
              << iso->Transliterate(line) << "\n";
  }

  // Dates, found in the normalized text and written as ISO 8601.
  std::cout << "\n== Dates found (normkit dates find) ==\n";
  Result<DateFinder> finder = DateFinder::Create({}, *rules);
  if (!finder.ok()) return Fail(finder.status());
  for (std::size_t i = 0; i < after_lines.size(); ++i) {
    std::vector<DateMatch> dates;
    finder->Find(after_lines[i], &dates);
    for (const DateMatch& d : dates) {
      char number[24];
      std::snprintf(number, sizeof number, "%3zu", i + 1);
      std::cout << " " << number << " | " << after_lines[i].substr(d.begin, d.end - d.begin)
                << "  ->  " << d.value.ToIso()
                << (d.language.empty() ? "" : "  (" + d.language + ")") << "\n";
    }
  }

  // The header lines, off the text and into metadata.
  std::cout << "\n== Header lines to metadata (normkit clean) ==\n";
  Result<HeaderCleaner> cleaner = HeaderCleaner::Create({}, *rules);
  if (!cleaner.ok()) return Fail(cleaner.status());
  const CleanedArticle cleaned = cleaner->Clean(after);
  auto show = [](const char* field, const std::optional<std::string>& value) {
    std::cout << "  " << field << ": " << (value ? *value : "(none)") << "\n";
  };
  auto show_list = [](const char* field, const std::vector<std::string>& values) {
    std::cout << "  " << field << ":";
    for (const std::string& v : values) std::cout << " " << v << ";";
    std::cout << (values.empty() ? " (none)\n" : "\n");
  };
  show("title", cleaned.title);
  show("published", cleaned.published);
  show("modified", cleaned.modified);
  show("updated", cleaned.updated);
  show_list("authors", cleaned.authors);
  show_list("photo_credits", cleaned.photo_credits);
  std::cout << "  removed:";
  for (const RemovedLine& r : cleaned.removed) std::cout << " " << r.line << " (" << r.rule << ")";
  std::cout << "\n  body starts: " << cleaned.body.substr(0, cleaned.body.find('\n')) << "\n";

  // One spelling per name: what discovery groups, what apply rewrites.
  std::cout << "\n== One spelling per name (normkit variants discover, apply) ==\n";
  Result<VariantIndex> index = VariantIndex::Create({}, *rules);
  if (!index.ok()) return Fail(index.status());
  NameCounts counts;
  index->CountNames(after, &counts);
  for (const VariantCluster& cluster : index->Cluster(counts)) {
    std::cout << "  " << cluster.canonical << (cluster.in_lexicon ? " (lexicon)" : "") << ":";
    for (const auto& [spelling, n] : cluster.variants) std::cout << " " << spelling << " x" << n;
    std::cout << "\n";
  }
  std::string applied;
  const std::size_t rewritten = index->Apply(cleaned.body, &applied);
  std::cout << "  apply rewrote " << rewritten << " spelling(s):\n";
  const std::vector<std::string_view> before_body = SplitLines(cleaned.body);
  const std::vector<std::string_view> after_body = SplitLines(applied);
  for (std::size_t i = 0; i < before_body.size() && i < after_body.size(); ++i) {
    if (before_body[i] != after_body[i]) {
      std::cout << "  - " << before_body[i] << "\n  + " << after_body[i] << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

void AddDemoCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run) {
  CLI::App* cmd =
      app->add_subcommand("demo",
                          "Shows an embedded sample article before and after everything normkit "
                          "can do");
  cmd->callback([run, global] { *run = [global] { return RunDemo(*global); }; });
}

}  // namespace normkit::tools
