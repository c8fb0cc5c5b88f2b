// HeaderCleaner: takes the site furniture off the top of a scraped article
// and returns it as metadata: published / modified / updated lines (with
// their dates as ISO 8601), the title, photo and video credits, bylines,
// and the page's navigation, counters and notices.
//
// It acts only on evidence. A header zone exists where furniture stands
// before the lead (the first line of running text): a date line, labelled
// ("Опубликовано: ...", "Posted ...") or bare ("14.11.2025, 09:40 1832",
// "3 марта 2025, 11:05 • Экономика"), a credit, a byline, a navigation or
// teaser line, a language switcher, an agency name alone, a counter, a
// notice; or a title that repeats; or a first line equal to the record's own
// title (`title` of Clean). Inside the zone, the title is the first
// title-like line (or the one right after the last piece of furniture),
// other short lines are rubrics or standfirsts, a name alone is a byline.
// A text with none of it comes out unchanged, byte for byte: a post whose
// first line is its headline keeps it. A line of running text ends the
// zone, so "Updated figures show ..." or "Фото: на снимке ..." in the body
// stays. A document is never emptied: if every line would go, none goes
// (`kept_whole`). A line whose Markdown markup (**, __, ~~, ```) opens or
// closes on another line is never removed.
//
// Nothing is lost: every removed line is listed with the rule that removed
// it, and the body with the removed lines put back at their line numbers is
// the input. Lines here are the pieces between LFs (a CR before the LF
// stays in the line's text).
//
// Patterns are RE2 (linear time: no pattern can hang a pipeline) and word
// lists, from rules/headers/*.toml (see headers/header_rules.h); dates go
// through the DateFinder.
//
// Example:
//   auto cleaner = normkit::HeaderCleaner::Create({});
//   normkit::CleanedArticle a = cleaner->Clean(text);
//   // a.published == "2022-06-20T14:01", a.body starts with the lead
//
// Immutable once created; safe to share between threads.
#ifndef NORMKIT_HEADER_CLEANER_H_
#define NORMKIT_HEADER_CLEANER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/export.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

struct NORMKIT_EXPORT RemovedLine {
  std::size_t line = 0;  // from 1
  std::string text;      // as it was
  std::string rule;      // "published", "title", "photo_credit", ...
};

// What the header lines of an article said, and which lines they were: the
// metadata a pipeline keeps for a document (DocumentMetadata::header).
struct NORMKIT_EXPORT HeaderMetadata {
  std::optional<std::string> title;
  std::optional<std::string> published;  // ISO 8601
  std::optional<std::string> modified;
  std::optional<std::string> updated;
  std::vector<std::string> authors;
  std::vector<std::string> photo_credits;
  std::vector<RemovedLine> removed;
  // Every line looked like furniture, so none was removed (a document is
  // never emptied): worth a look, counted as suspicious by pipelines.
  bool kept_whole = false;
  // How many lines the input had (pieces between line breaks, the piece
  // after a final LF included): with it, the body and the removed lines give
  // back the input exactly, also when every line was removed.
  std::size_t lines = 0;
};

// The cleaner's result: the header's metadata and the body.
struct NORMKIT_EXPORT CleanedArticle : HeaderMetadata {
  std::string body;  // the remaining lines, line breaks kept
};

struct NORMKIT_EXPORT HeaderCleanerOptions {
  // Languages of the header rules and of the dates in them; empty: all.
  std::vector<std::string> languages;
  // The header zone ends at the lead, and at this many lines at the most.
  std::size_t max_header_lines = 40;
  // RE2's memory budget, in bytes, for each header pattern and for each
  // kind's patterns matched together (RE2's own default, 8 MiB). A rule file
  // whose patterns do not fit is refused with their position.
  std::int64_t max_regex_memory = 8 << 20;
};

class NORMKIT_EXPORT HeaderCleaner {
 public:
  static Result<HeaderCleaner> Create(const HeaderCleanerOptions& options, const RuleFiles& rules);
  static Result<HeaderCleaner> Create(const HeaderCleanerOptions& options = {});

  // `title`: the document's own title where it has one (a JSON Lines
  // record's title field): a first line equal to it is the title, evidence
  // of a header by itself.
  CleanedArticle Clean(std::string_view article, std::string_view title = {}) const;

 private:
  struct Impl;
  explicit HeaderCleaner(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace normkit

#endif  // NORMKIT_HEADER_CLEANER_H_
