#include "normkit/header_cleaner.h"

#include <toml++/toml.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "normkit/date_finder.h"
#include "pattern_set.h"

namespace normkit {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::size_t CountChars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Control characters mean binary data, not a heading.
bool HasControls(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t') return true;
  }
  return false;
}

bool EndsSentence(std::string_view s) {
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' ||
                        s.ends_with("…") || s.ends_with(".\"") || s.ends_with(".»"));
}

// Only spaces and the punctuation that joins header parts.
bool OnlySeparators(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != ',' && c != '|' && c != ';' && c != '.' && c != ':' &&
        c != '-' && c != '(' && c != ')' && c != '/' && c != '\r') {
      return false;
    }
  }
  return true;
}

// Two to four capitalized words (or initials), letters only: "Ivan Zubov",
// "И. И. Иванов", "Anna-Maria O'Neil".
bool IsPersonalName(std::string_view s) {
  if (CountChars(s) > 48) return false;
  std::size_t words = 0;
  bool at_word_start = true;
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c;
    std::size_t next = i;
    U8_NEXT(s.data(), next, s.size(), c);
    if (c == ' ') {
      at_word_start = true;
    } else if (at_word_start) {
      if (!u_isUUppercase(c)) return false;
      ++words;
      at_word_start = false;
    } else if (!(u_isalpha(c) || c == '-' || c == '\'' || c == 0x2019 || c == '.')) {
      return false;
    }
    i = next;
  }
  return words >= 2 && words <= 4;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : Trim(s)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Bytes: 200 characters of Cyrillic, or of Latin with some diacritics.
constexpr std::size_t kLongestHeaderLine = 400;

}  // namespace

struct HeaderCleaner::Impl {
  explicit Impl(std::int64_t regex_memory)
      : dates(RE2::ANCHOR_START, regex_memory),
        credits(RE2::ANCHOR_BOTH, regex_memory),
        bylines(RE2::ANCHOR_BOTH, regex_memory) {}

  // Each kind's patterns, also matched together: one pass says which (if
  // any) can match, so that most lines cost one match a kind, not one a
  // pattern. (Each RE2 match takes a lock on its cache: fewer matches, less
  // waiting between threads.)
  internal::PatternSet dates;        // a label before a date
  std::vector<std::string> date_fields;  // published, modified, updated
  internal::PatternSet credits, bylines;  // one group: the name
  std::optional<DateFinder> finder;
  std::size_t max_lines = 40;

  // The ISO value when `text` is a date and nothing else but separators.
  std::optional<std::string> OnlyDate(std::string_view text) const;
  // A published / modified / updated line (several may share it, split by
  // '|'): the (field, ISO) pairs, or empty.
  std::vector<std::pair<std::string, std::string>> DateLine(std::string_view line) const;
  std::optional<std::string> Name(const internal::PatternSet& rules, std::string_view line) const;
};

std::optional<std::string> HeaderCleaner::Impl::OnlyDate(std::string_view text) const {
  // "Monday, 20 June 2022, 14:01:00 GMT" is the longest kind: a longer
  // line holds more than a date.
  if (text.size() > 120) return std::nullopt;
  std::vector<DateMatch> found;
  finder->Find(text, &found);
  if (found.empty()) return std::nullopt;
  std::size_t at = 0;
  for (const DateMatch& m : found) {
    if (!OnlySeparators(text.substr(at, m.begin - at))) return std::nullopt;
    at = m.end;
  }
  if (!OnlySeparators(text.substr(at))) return std::nullopt;
  return found.front().value.ToIso();
}

std::vector<std::pair<std::string, std::string>> HeaderCleaner::Impl::DateLine(
    std::string_view line) const {
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<int> candidates;
  std::string_view rest = line;
  while (true) {
    const std::size_t bar = rest.find('|');
    const std::string_view part = Trim(rest.substr(0, bar));
    if (!part.empty()) {
      bool matched = false;
      dates.Candidates(part, &candidates);
      for (int index : candidates) {
        re2::StringPiece input(part.data(), part.size());
        if (!RE2::Consume(&input, dates.pattern(index))) continue;
        std::optional<std::string> iso = OnlyDate(std::string_view(input.data(), input.size()));
        if (!iso) continue;
        fields.emplace_back(date_fields[static_cast<std::size_t>(index)], *iso);
        matched = true;
        break;
      }
      if (!matched) return {};
    }
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  return fields;
}

std::optional<std::string> HeaderCleaner::Impl::Name(const internal::PatternSet& rules,
                                                     std::string_view line) const {
  std::vector<int> candidates;
  rules.Candidates(line, &candidates);
  for (int index : candidates) {
    const RE2& rule = rules.pattern(index);
    std::string name;
    if (!RE2::FullMatch(re2::StringPiece(line.data(), line.size()), rule, &name)) continue;
    const std::string_view trimmed = Trim(name);
    // A credit or a byline is a few words, not a sentence: "Фото: На снимке
    // видно, что ..." in the body is not one.
    if (trimmed.empty() || CountWords(trimmed) > 6 || CountChars(trimmed) > 60 ||
        EndsSentence(trimmed)) {
      continue;
    }
    return std::string(trimmed);
  }
  return std::nullopt;
}

HeaderCleaner::HeaderCleaner(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<HeaderCleaner> HeaderCleaner::Create(const HeaderCleanerOptions& options) {
  return Create(options, RuleFiles::Embedded());
}

Result<HeaderCleaner> HeaderCleaner::Create(const HeaderCleanerOptions& options,
                                            const RuleFiles& rules) {
  auto impl = std::make_shared<Impl>(options.max_regex_memory);
  impl->max_lines = options.max_header_lines;
  DateFinderOptions date_options;
  date_options.languages = options.languages;
  Result<DateFinder> finder = DateFinder::Create(date_options, rules);
  if (!finder.ok()) return finder.status();
  impl->finder = std::move(*finder);

  for (const std::string& path : rules.List("headers/")) {
    if (!path.ends_with(".toml")) continue;
    const std::string code = path.substr(8, path.size() - 8 - 5);
    if (!options.languages.empty() &&
        std::find(options.languages.begin(), options.languages.end(), code) ==
            options.languages.end()) {
      continue;
    }
    const std::string origin = rules.Origin(path);
    auto error = [&](const toml::source_region& where, std::string message) {
      return Status(ErrorCode::kRuleSyntax, std::move(message),
                    {origin, where.begin.line, where.begin.column, 0});
    };
    toml::table root;
    try {
      root = toml::parse(*rules.Find(path), origin);
    } catch (const toml::parse_error& e) {
      return error(e.source(), std::string(e.description()));
    }
    for (const auto& [key, node] : root) {
      const std::string_view k = key.str();
      if (k == "language") continue;
      if (k != "date" && k != "credit" && k != "byline") {
        return error(key.source(), "unknown key '" + std::string(k) + "' (language, [[date]], [[credit]], [[byline]])");
      }
      const toml::array* list = node.as_array();
      if (list == nullptr) return error(node.source(), "write rules as [[" + std::string(k) + "]]");
      for (const toml::node& item : *list) {
        const toml::table* rule = item.as_table();
        const toml::node* pattern_node = rule ? rule->get("pattern") : nullptr;
        if (pattern_node == nullptr || !pattern_node->is_string()) {
          return error(item.source(), "a rule needs pattern = '...'");
        }
        const std::string_view pattern = pattern_node->as_string()->get();
        const toml::source_region& at = pattern_node->source();
        const SourcePosition where{origin, at.begin.line, at.begin.column, 0};
        if (k == "date") {
          const toml::node* field_node = rule->get("field");
          const std::string field = field_node ? field_node->value_or(std::string()) : "";
          if (field != "published" && field != "modified" && field != "updated") {
            return error(field_node ? field_node->source() : item.source(),
                         "field: expected published, modified or updated");
          }
          if (Status s = impl->dates.Add(pattern, where); !s.ok()) return s;
          impl->date_fields.push_back(field);
        } else {
          internal::PatternSet& kind = k == "credit" ? impl->credits : impl->bylines;
          if (Status s = kind.Add(pattern, where, 1); !s.ok()) return s;
        }
      }
    }
  }
  for (internal::PatternSet* kind : {&impl->dates, &impl->credits, &impl->bylines}) {
    if (Status s = kind->Compile(); !s.ok()) return s;
  }
  return HeaderCleaner(std::move(impl));
}

CleanedArticle HeaderCleaner::Clean(std::string_view article) const {
  const Impl& impl = *impl_;
  CleanedArticle out;
  std::vector<std::string_view> lines;
  for (std::string_view rest = article;;) {
    const std::size_t lf = rest.find('\n');
    lines.push_back(rest.substr(0, lf));
    if (lf == std::string_view::npos) break;
    rest.remove_prefix(lf + 1);
  }
  out.lines = lines.size();
  std::vector<char> removed(lines.size(), 0);
  auto remove = [&](std::size_t i, std::string rule) {
    removed[i] = 1;
    out.removed.push_back({i + 1, std::string(lines[i]), std::move(rule)});
  };
  auto set_field = [&](const std::string& field, const std::string& iso) {
    std::optional<std::string>& slot = field == "published" ? out.published
                                       : field == "modified" ? out.modified
                                                             : out.updated;
    if (!slot) slot = iso;
  };

  std::string title_key;
  std::size_t lead = lines.size();
  const std::size_t zone_end = std::min(lines.size(), impl.max_lines);
  for (std::size_t i = 0; i < zone_end; ++i) {
    const std::string_view line = Trim(lines[i]);
    if (line.empty()) {
      if (i + 1 < lines.size() || !line.empty()) remove(i, "blank");
      continue;
    }
    // A header line is short (a title is 200 characters at the most): a
    // longer one is the lead, and no rule needs to look at it.
    if (line.size() > kLongestHeaderLine) {
      lead = i;
      break;
    }
    if (auto fields = impl.DateLine(line); !fields.empty()) {
      for (const auto& [field, iso] : fields) set_field(field, iso);
      remove(i, fields.front().first);
      continue;
    }
    if (auto credit = impl.Name(impl.credits, line)) {
      out.photo_credits.push_back(*credit);
      remove(i, "photo_credit");
      continue;
    }
    if (auto author = impl.Name(impl.bylines, line)) {
      out.authors.push_back(*author);
      remove(i, "byline");
      continue;
    }
    if (out.title && line.size() + 8 >= title_key.size() && Collapse(line) == title_key) {
      remove(i, "title_repeat");
      continue;
    }
    if (auto iso = impl.OnlyDate(line)) {
      if (!out.published) out.published = *iso;
      remove(i, "date_line");
      continue;
    }
    // A section name over the title ("Экономика", "Business"): a word or
    // two, with a longer title-like line next.
    if (!out.title && CountWords(line) <= 2 && CountChars(line) <= 30 && !EndsSentence(line)) {
      // The next line that is not another header line.
      std::size_t next = i + 1;
      while (next < zone_end) {
        const std::string_view l = Trim(lines[next]);
        if (!l.empty() && impl.DateLine(l).empty() && !impl.OnlyDate(l) &&
            !impl.Name(impl.credits, l) && !impl.Name(impl.bylines, l)) {
          break;
        }
        ++next;
      }
      if (next < zone_end) {
        const std::string_view following = Trim(lines[next]);
        if (CountWords(following) > CountWords(line) && CountChars(following) <= 200 &&
            !EndsSentence(following)) {
          remove(i, "section");
          continue;
        }
      }
    }
    // The title: the first line that looks like one (short, no final full
    // stop). A line of running text first means there is none.
    if (!out.title && CountChars(line) <= 200 && !EndsSentence(line) && !HasControls(line)) {
      out.title = std::string(line);
      title_key = Collapse(line);
      remove(i, "title");
      continue;
    }
    if (out.title && IsPersonalName(line)) {
      out.authors.emplace_back(line);
      remove(i, "byline");
      continue;
    }
    lead = i;
    break;
  }
  // The author's name alone on a line right after the lead.
  for (std::size_t i = lead + 1; i < lines.size() && i <= lead + 2; ++i) {
    const std::string_view line = Trim(lines[i]);
    if (line.empty()) continue;
    if (auto author = impl.Name(impl.bylines, line)) {
      out.authors.push_back(*author);
      remove(i, "byline");
    } else if (IsPersonalName(line)) {
      out.authors.emplace_back(line);
      remove(i, "byline");
    }
    break;
  }
  // The body: every line that stays, with its line break.
  bool first = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (removed[i]) continue;
    if (!first) out.body.push_back('\n');
    out.body.append(lines[i]);
    first = false;
  }
  return out;
}

}  // namespace normkit
