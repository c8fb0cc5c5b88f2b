#include "normkit/header_cleaner.h"

#include <algorithm>
#include <cstdint>

#include "header_lines.h"
#include "header_rules.h"
#include "normkit/date_finder.h"

namespace normkit {

using internal::Collapse;
using internal::CountWords;
using internal::HeaderLine;
using internal::IsFurniture;
using internal::LineKind;
using internal::TrimLine;

struct HeaderCleaner::Impl {
  Impl(internal::HeaderLineReader r, std::size_t lines) : reader(std::move(r)), max_lines(lines) {}
  internal::HeaderLineReader reader;
  std::size_t max_lines;
};

HeaderCleaner::HeaderCleaner(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<HeaderCleaner> HeaderCleaner::Create(const HeaderCleanerOptions& options) {
  return Create(options, RuleFiles::Embedded());
}

Result<HeaderCleaner> HeaderCleaner::Create(const HeaderCleanerOptions& options,
                                            const RuleFiles& rules) {
  DateFinderOptions date_options;
  date_options.languages = options.languages;
  Result<DateFinder> finder = DateFinder::Create(date_options, rules);
  if (!finder.ok()) return finder.status();
  auto header_rules =
      internal::HeaderRules::Load(rules, options.languages, options.max_regex_memory);
  if (!header_rules.ok()) return header_rules.status();
  return HeaderCleaner(std::make_shared<Impl>(
      internal::HeaderLineReader(std::move(*header_rules), std::move(*finder)),
      options.max_header_lines));
}

CleanedArticle HeaderCleaner::Clean(std::string_view article, std::string_view title) const {
  const Impl& impl = *impl_;
  CleanedArticle out;
  // Only the top is split into lines: the lines scanned and the two after
  // the lead that may hold a byline. `rest`, the lines after them, is kept
  // whole and copied as it is.
  const std::size_t wanted = std::min(impl.max_lines, SIZE_MAX - 3) + 3;
  std::vector<std::string_view> lines;
  std::string_view rest = article;
  bool has_rest = true;
  while (has_rest && lines.size() < wanted) {
    const std::size_t lf = rest.find('\n');
    lines.push_back(rest.substr(0, lf));
    has_rest = lf != std::string_view::npos;
    rest.remove_prefix(has_rest ? lf + 1 : rest.size());
  }
  out.lines =
      lines.size() +
      (has_rest ? static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n')) + 1 : 0);
  auto unchanged = [&] {
    out.body = std::string(article);
    return out;
  };

  // What each line at the top is, down to the lead.
  std::vector<HeaderLine> info;
  const std::size_t scan_end = std::min(lines.size(), impl.max_lines);
  std::size_t lead = scan_end;
  for (std::size_t i = 0; i < scan_end; ++i) {
    const bool after_counter = !info.empty() && info.back().kind == LineKind::kCounter;
    info.push_back(impl.reader.Classify(TrimLine(lines[i]), after_counter));
    if (info.back().kind == LineKind::kText) {
      lead = i;
      break;
    }
  }
  // The lines down to the lead with runs of spaces as one, for comparing
  // titles; made when first asked for.
  std::vector<std::string> collapsed(info.size());
  std::vector<char> collapsed_made(info.size(), 0);
  auto key_of = [&](std::size_t i) -> const std::string& {
    if (!collapsed_made[i]) {
      collapsed[i] = Collapse(lines[i]);
      collapsed_made[i] = 1;
    }
    return collapsed[i];
  };
  auto same = [&](std::size_t i, const std::string& key) {
    // Equal lines need no collapsing; lines whose lengths are far apart
    // cannot be equal once collapsed either.
    const std::string_view line = TrimLine(lines[i]);
    if (line.size() < key.size()) return false;
    return line == key || key_of(i) == key;
  };
  std::size_t first = 0;  // the first line that is not blank
  while (first < info.size() && info[first].kind == LineKind::kBlank) ++first;
  if (first == info.size()) return unchanged();

  // The evidence: the last piece of furniture before the lead, a first line
  // equal to the record's title, or a first line that repeats.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t zone_end = kNone, title_at = kNone;
  for (std::size_t i = first; i < lead; ++i) {
    if (IsFurniture(info[i].kind)) zone_end = i;
  }
  const std::string known_title = Collapse(title);
  if (!known_title.empty() && Collapse(lines[first]) == known_title) {
    title_at = first;
    if (zone_end == kNone || zone_end < first) zone_end = first;
  }
  // A title printed twice is evidence too, and it is the title: the first
  // line of the text again before the lead, or a line right above its own
  // copy (a page's heading, then the article's). Repeats further apart are
  // not: a list repeats its lines ("Опыт: от 3 лет" under two vacancies).
  if (title_at == kNone) {
    for (std::size_t i = first; i < lead && title_at == kNone; ++i) {
      if (info[i].kind != LineKind::kTitleLike || CountWords(TrimLine(lines[i])) < 3) continue;
      const std::string key = key_of(i);
      for (std::size_t j = i + 1; j < lead; ++j) {
        if (same(j, key)) {
          title_at = i;
          if (zone_end == kNone || zone_end < j) zone_end = j;
          break;
        }
        if (i != first && info[j].kind != LineKind::kBlank) break;
      }
    }
  }
  if (zone_end == kNone) return unchanged();

  // The title: the first title-like line of the zone that reads as one (three
  // words or more; a word or two is a rubric), else the first title-like
  // line, else the one right after the zone.
  if (title_at == kNone) {
    for (std::size_t i = first; i <= zone_end && title_at == kNone; ++i) {
      if (info[i].kind == LineKind::kTitleLike && CountWords(TrimLine(lines[i])) >= 3) title_at = i;
    }
    for (std::size_t i = first; i <= zone_end && title_at == kNone; ++i) {
      if (info[i].kind == LineKind::kTitleLike && CountWords(TrimLine(lines[i])) >= 2) title_at = i;
    }
    if (title_at == kNone) {
      std::size_t next = zone_end + 1;
      while (next < lead && info[next].kind == LineKind::kBlank) ++next;
      if (next < lead && info[next].kind == LineKind::kTitleLike &&
          CountWords(TrimLine(lines[next])) >= 2) {
        title_at = next;
        zone_end = next;
      }
    }
  }
  const std::string title_key = title_at == kNone ? "" : Collapse(lines[title_at]);
  // The title printed again right after the zone goes too.
  if (!title_key.empty()) {
    std::size_t next = zone_end + 1;
    while (next < lead && info[next].kind == LineKind::kBlank) ++next;
    if (next < lead && same(next, title_key)) zone_end = next;
  }
  // Blank lines between the zone and the first line that stays.
  std::size_t removed_to = zone_end;
  while (removed_to + 1 < info.size() && info[removed_to + 1].kind == LineKind::kBlank)
    ++removed_to;

  std::vector<char> removed(lines.size(), 0);
  auto remove = [&](std::size_t i, const char* rule) {
    removed[i] = 1;
    out.removed.push_back({i + 1, std::string(lines[i]), rule});
  };
  auto set_date = [&](const std::string& field, const std::string& iso) {
    std::optional<std::string>& slot = field == "published"  ? out.published
                                       : field == "modified" ? out.modified
                                                             : out.updated;
    if (!slot) slot = iso;
  };
  for (std::size_t i = 0; i <= removed_to; ++i) {
    const HeaderLine& h = info[i];
    const std::string_view line = TrimLine(lines[i]);
    if (i == title_at) {
      out.title = std::string(line);
      remove(i, "title");
    } else if (h.kind == LineKind::kTitleLike) {
      remove(i, Collapse(line) == title_key ? "title_repeat"
                : CountWords(line) <= 2     ? "section"
                                            : "standfirst");
    } else if (h.kind == LineKind::kName) {
      out.authors.emplace_back(line);
      remove(i, "byline");
    } else {
      if (h.labelled) {
        for (const auto& [field, iso] : h.dates) set_date(field, iso);
      }
      if (h.kind == LineKind::kCredit) out.photo_credits.push_back(h.value);
      if (h.kind == LineKind::kByline) out.authors.push_back(h.value);
      remove(i, h.rule);
    }
  }
  // A bare date line fills `published` where no labelled line did.
  for (std::size_t i = 0; i <= removed_to; ++i) {
    if (info[i].kind == LineKind::kDate && !info[i].labelled && i != title_at) {
      for (const auto& [field, iso] : info[i].dates) set_date(field, iso);
    }
  }
  // The author's name alone on a line right after the lead.
  if (lead < lines.size() && info.size() > lead) {
    for (std::size_t i = lead + 1; i < lines.size() && i <= lead + 2; ++i) {
      const std::string_view line = TrimLine(lines[i]);
      if (line.empty()) continue;
      const HeaderLine h = impl.reader.Classify(line, false);
      if (h.kind == LineKind::kByline || h.kind == LineKind::kName) {
        out.authors.push_back(h.kind == LineKind::kByline ? h.value : std::string(line));
        remove(i, "byline");
      }
      break;
    }
  }

  // The body: every line that stays, with its line break. A document is
  // never emptied: if nothing would stay, nothing goes.
  bool first_kept = true;
  bool any_text = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (removed[i]) continue;
    if (!first_kept) out.body.push_back('\n');
    out.body.append(lines[i]);
    first_kept = false;
    any_text = any_text || !TrimLine(lines[i]).empty();
  }
  if (has_rest) {
    if (!first_kept) out.body.push_back('\n');
    out.body.append(rest);
    any_text = any_text || rest.find_first_not_of(" \t\r\n") != std::string_view::npos;
  }
  if (!any_text) {
    CleanedArticle whole;
    whole.lines = out.lines;
    whole.body = std::string(article);
    whole.kept_whole = true;
    return whole;
  }
  return out;
}

}  // namespace normkit
