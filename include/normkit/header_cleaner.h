// HeaderCleaner: takes the site furniture off the top of a scraped article
// and returns it as metadata: published / modified / updated lines (with
// their dates as ISO 8601), the title (also when repeated), a bare date line,
// photo and video credits, bylines (also a name alone on the line after the
// lead).
//
// Only the header zone is touched: the lines before the lead (the first line
// that reads as running text) and the line right after it. A line in the
// body that starts with "Updated figures show" or "Фото:" stays. Nothing is
// lost: every removed line is listed with the rule that removed it, and the
// body with the removed lines put back at their line numbers is the input.
//
// Patterns are RE2 (linear time: no pattern can hang a pipeline), from
// rules/headers/*.toml; dates go through the DateFinder.
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

#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit {

struct RemovedLine {
  std::size_t line = 0;  // from 1
  std::string text;      // as it was
  std::string rule;      // "published", "title", "photo_credit", ...
};

struct CleanedArticle {
  std::optional<std::string> title;
  std::optional<std::string> published;  // ISO 8601
  std::optional<std::string> modified;
  std::optional<std::string> updated;
  std::vector<std::string> authors;
  std::vector<std::string> photo_credits;
  std::string body;  // the remaining lines, line breaks kept
  std::vector<RemovedLine> removed;
  // How many lines the input had (pieces between line breaks, the piece
  // after a final LF included): with it, the body and the removed lines give
  // back the input exactly, also when every line was removed.
  std::size_t lines = 0;
};

struct HeaderCleanerOptions {
  // Languages of the header rules and of the dates in them; empty: all.
  std::vector<std::string> languages;
  // The header zone ends at the lead, and at this many lines at the most.
  std::size_t max_header_lines = 40;
  // RE2's memory budget, in bytes, for each header pattern and for each
  // kind's patterns matched together (RE2's own default, 8 MiB). A rule file
  // whose patterns do not fit is refused with their position.
  std::int64_t max_regex_memory = 8 << 20;
};

class HeaderCleaner {
 public:
  static Result<HeaderCleaner> Create(const HeaderCleanerOptions& options,
                                      const RuleFiles& rules);
  static Result<HeaderCleaner> Create(const HeaderCleanerOptions& options = {});

  CleanedArticle Clean(std::string_view article) const;

  struct Impl;

 private:
  explicit HeaderCleaner(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace normkit

#endif  // NORMKIT_HEADER_CLEANER_H_
