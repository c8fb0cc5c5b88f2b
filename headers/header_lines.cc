#include "header_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/char_class.h"

namespace normkit::internal {
namespace {

// Bytes: 200 characters of Cyrillic, or of Latin with some diacritics. A
// longer line is running text.
constexpr std::size_t kLongestHeaderLine = 400;
// A date line is a date and a little around it.
constexpr std::size_t kLongestDateLine = 160;

bool IsDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Control characters mean binary data, not a heading.
bool HasControls(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t') return true;
  }
  return false;
}

// Markdown and Telegram markup that opens on this line and closes on
// another: such a line is never furniture (half a **...** pair must not go).
bool HasOpenMarkup(std::string_view s) {
  for (std::string_view mark : {"**", "__", "~~", "```"}) {
    std::size_t count = 0;
    for (std::size_t at = s.find(mark); at != std::string_view::npos;
         at = s.find(mark, at + mark.size())) {
      ++count;
    }
    if (count % 2 != 0) return true;
  }
  return false;
}

// The pieces of `text` between separators: spaces and punctuation that
// join header parts. A token keeps ':' and '.' between digits (14:05,
// 02.04) and a leading '+' (+05:00).
std::vector<std::string_view> Tokens(std::string_view text, bool* strong_separator) {
  std::vector<std::string_view> tokens;
  std::size_t start = std::string_view::npos;
  auto close = [&](std::size_t at) {
    if (start != std::string_view::npos) tokens.push_back(text.substr(start, at - start));
    start = std::string_view::npos;
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    const bool digit_around = at > 0 && i < text.size() &&
                              u_isdigit(static_cast<unsigned char>(text[at - 1])) &&
                              u_isdigit(static_cast<unsigned char>(text[i]));
    const bool inner = (c == ':' || c == '.') && start != std::string_view::npos && digit_around;
    const bool sign = c == '+' && start == std::string_view::npos;
    if (c >= 0 && (IsLetterMarkOrDigit(static_cast<char32_t>(c)) || inner || sign ||
                   (c == '.' && start != std::string_view::npos))) {
      if (start == std::string_view::npos) start = at;
      continue;
    }
    close(at);
    // Separators that join parts of a page header rather than words of a
    // sentence: a rubric may stand beside a date through them.
    if (c == '|' || c == 0x2022 || c == 0xB7 || c == '/') {
      *strong_separator = true;
    }
  }
  close(text.size());
  return tokens;
}

// "14:05", "14:05:33", "20h46": hour, minute, second (-1 when absent).
bool ParseTime(std::string_view token, int* hour, int* minute, int* second) {
  const std::size_t sep = token.find_first_of(":h");
  if (sep == std::string_view::npos || sep == 0 || sep > 2) return false;
  const std::string_view h = token.substr(0, sep), rest = token.substr(sep + 1);
  if (!IsDigits(h) || rest.size() < 2 || !IsDigits(rest.substr(0, 2))) return false;
  int s = -1;
  if (rest.size() > 2) {
    if (token[sep] != ':' || rest.size() != 5 || rest[2] != ':' || !IsDigits(rest.substr(3))) {
      return false;
    }
    s = std::atoi(std::string(rest.substr(3)).c_str());
  }
  const int hh = std::atoi(std::string(h).c_str()),
            mm = std::atoi(std::string(rest.substr(0, 2)).c_str());
  if (hh > 23 || mm > 59 || s > 59) return false;
  *hour = hh;
  *minute = mm;
  *second = s;
  return true;
}

// "+05:00", "+5", "+0530": minutes east of UTC.
bool ParseOffset(std::string_view token, int* minutes) {
  if (token.size() < 2 || token[0] != '+') return false;
  std::string digits;
  for (char c : token.substr(1)) {
    if (c == ':') continue;
    if (c < '0' || c > '9') return false;
    digits.push_back(c);
  }
  if (digits.empty() || digits.size() > 4 || digits.size() == 3) return false;
  const int hours = std::atoi(digits.substr(0, digits.size() <= 2 ? digits.size() : 2).c_str());
  const int mins = digits.size() == 4 ? std::atoi(digits.substr(2).c_str()) : 0;
  if (hours > 14 || mins > 59) return false;
  *minutes = hours * 60 + mins;
  return true;
}

}  // namespace

bool IsFurniture(LineKind kind) { return kind >= LineKind::kDate && kind <= LineKind::kCounter; }

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool HasDigit(std::string_view s) {
  // A plain loop: find_first_of("0123456789") calls memchr once a byte.
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
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

bool EndsSentence(std::string_view s) {
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.ends_with("…") ||
                        s.ends_with(".\"") || s.ends_with(".»"));
}

bool IsPersonalName(std::string_view s) {
  if (CountChars(s) > 48) return false;
  std::size_t words = 0;
  bool at_word_start = true;
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c == ' ') {
      at_word_start = true;
    } else if (at_word_start) {
      if (c < 0 || !u_isUUppercase(c)) return false;
      ++words;
      at_word_start = false;
    } else if (!(u_isalpha(c) || c == '-' || c == '\'' || c == 0x2019 || c == '.')) {
      return false;
    }
  }
  return words >= 2 && words <= 4;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : TrimLine(s)) {
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

HeaderLineReader::HeaderLineReader(std::shared_ptr<const HeaderRules> rules, DateFinder finder)
    : rules_(std::move(rules)), finder_(std::move(finder)) {}

std::optional<std::string> HeaderLineReader::DateLine(std::string_view text, bool labelled) const {
  if (text.size() > kLongestDateLine || !HasDigit(text)) {
    return std::nullopt;
  }
  std::vector<DateMatch> found;
  finder_.Find(text, &found);
  // One date, with a day (or a month and a year): two dates are not a
  // header's date line, and "2024 рік" is a year in a title.
  if (found.size() != 1) return std::nullopt;
  const DateMatch& match = found.front();
  DateValue value = match.value;
  if (value.day == 0 && (value.month == 0 || value.year == 0)) return std::nullopt;

  bool strong_separator = false;
  std::vector<std::string_view> tokens = Tokens(text.substr(0, match.begin), &strong_separator);
  const std::vector<std::string_view> after = Tokens(text.substr(match.end), &strong_separator);
  tokens.insert(tokens.end(), after.begin(), after.end());
  int rubric_words = 0;
  bool lowercase_word = false;  // a word of a sentence ("в 18:00"), not a rubric
  bool pending_zone = false;    // "UTC" or "GMT" seen, its offset may follow
  for (std::string_view token : tokens) {
    int hour, minute, second, offset;
    const std::string key = LookupKey(token);
    if (ParseTime(token, &hour, &minute, &second)) {
      if (value.hour < 0) {
        value.hour = hour;
        value.minute = minute;
        value.second = second;
      }
    } else if ((pending_zone || token.find(':') != std::string_view::npos) &&
               ParseOffset(token, &offset)) {
      // "(UTC +05:00)", "GMT +5", or "+03:00" alone after a time.
      if (value.hour >= 0 && !value.has_zone) {
        value.has_zone = true;
        value.zone_minutes = offset;
      }
      pending_zone = false;
    } else if (key == "utc" || key == "gmt") {
      pending_zone = true;
    } else if (IsDigits(token) && token.size() == 4 && value.year == 0 && token >= "1900" &&
               token <= "2099") {
      value.year = std::atoi(std::string(token).c_str());
    } else if (IsDigits(token) && token.size() <= 7) {
      // A counter of views after the time.
    } else if (rules_->zones.count(key) != 0 || rules_->counters.count(key) != 0) {
      // "Uhr", "МСК", "просмотров"
    } else {
      ++rubric_words;
      UChar32 c;
      std::size_t at = 0;
      U8_NEXT(token.data(), at, token.size(), c);
      lowercase_word = lowercase_word || (c >= 0 && u_isULowercase(c));
    }
  }
  // A rubric is a word or three ("• Экономика", "Politics Materials"); beside
  // a date with no time it must stand apart by a separator of page parts,
  // else "Москва, 20 июня" (a dateline) would read as one.
  if (rubric_words > 3) return std::nullopt;
  if (rubric_words > 0 && (value.hour < 0 || (lowercase_word && !labelled)) && !strong_separator) {
    return std::nullopt;
  }
  // A sentence that holds a date ends with its own full stop; a date line
  // ends with the date, or with what stands beside a date.
  const std::string_view tail = TrimLine(text.substr(match.end));
  if (rubric_words > 0 && EndsSentence(text) && tail != ".") return std::nullopt;
  return value.ToIso();
}

std::optional<HeaderLine> HeaderLineReader::LabelledDates(
    std::string_view line, const std::vector<int>& line_candidates) const {
  std::vector<int> part_candidates;
  // A label and its date, in the whole of `part`.
  auto labelled = [&](std::string_view part) -> std::optional<std::pair<std::string, std::string>> {
    const std::vector<int>* candidates = &line_candidates;
    if (part.size() != line.size()) {
      rules_->date_labels.Candidates(part, &part_candidates);
      candidates = &part_candidates;
    }
    for (int index : *candidates) {
      re2::StringPiece input(part.data(), part.size());
      if (!RE2::Consume(&input, rules_->date_labels.pattern(index))) continue;
      const std::optional<std::string> iso =
          DateLine(std::string_view(input.data(), input.size()), /*labelled=*/true);
      if (iso) return std::make_pair(rules_->date_fields[static_cast<std::size_t>(index)], *iso);
    }
    return std::nullopt;
  };
  HeaderLine out;
  out.kind = LineKind::kDate;
  out.labelled = true;
  // Several labelled dates split by '|', or one.
  if (line.find('|') != std::string_view::npos) {
    std::string_view rest = line;
    while (true) {
      const std::size_t bar = rest.find('|');
      const std::string_view part = TrimLine(rest.substr(0, bar));
      if (!part.empty()) {
        auto date = labelled(part);
        if (!date) {
          out.dates.clear();
          break;
        }
        out.dates.push_back(*date);
      }
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    if (!out.dates.empty()) return out;
  }
  if (auto date = labelled(line)) {
    out.dates.push_back(*date);
    return out;
  }
  return std::nullopt;
}

std::optional<std::string> HeaderLineReader::Name(const PatternSet& rules,
                                                  const std::vector<int>& candidates,
                                                  std::string_view line) const {
  for (int index : candidates) {
    std::string name;
    if (!RE2::FullMatch(re2::StringPiece(line.data(), line.size()), rules.pattern(index), &name)) {
      continue;
    }
    // "Фото - пресс-служба": the separator is not part of the credit.
    std::string_view trimmed = TrimLine(name);
    while (!trimmed.empty() && (trimmed.front() == '-' || trimmed.front() == ':')) {
      trimmed = TrimLine(trimmed.substr(1));
    }
    for (std::string_view dash : {"–", "—"}) {
      if (trimmed.starts_with(dash)) trimmed = TrimLine(trimmed.substr(dash.size()));
    }
    // A credit or a byline is a few words, not a sentence: "Фото: На снимке
    // видно, что ..." in the body is not one.
    bool letter = false;
    for (std::size_t i = 0; i < trimmed.size() && !letter;) {
      UChar32 c;
      U8_NEXT(trimmed.data(), i, trimmed.size(), c);
      letter = c >= 0 && u_isalpha(c);
    }
    if (!letter || CountWords(trimmed) > 6 || CountChars(trimmed) > 60 || EndsSentence(trimmed)) {
      continue;
    }
    return std::string(trimmed);
  }
  return std::nullopt;
}

bool HeaderLineReader::IsCounter(std::string_view key, std::string_view line,
                                 bool after_counter) const {
  if (key.empty() || line.ends_with('+')) return false;  // "18+" is an age mark
  for (std::size_t i = 0; i < line.size();) {
    UChar32 c;
    U8_NEXT(line.data(), i, line.size(), c);
    if (c >= 0 && u_charType(c) == U_CURRENCY_SYMBOL) return false;  // a price
  }
  std::size_t numbers = 0, tokens = 0;
  for (std::string_view rest = key; !rest.empty();) {
    const std::size_t space = rest.find(' ');
    const std::string_view token = rest.substr(0, space);
    ++tokens;
    if (IsDigits(token) && token.size() <= 9) {
      ++numbers;
    } else if (rules_->counters.count(std::string(token)) == 0) {
      return false;
    }
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  if (tokens > 6) return false;
  // "1." and "2)" number the items of a list.
  if (numbers == 1 && tokens == 1 && (line.ends_with('.') || line.ends_with(')'))) return false;
  return numbers > 0 || after_counter;
}

std::optional<std::string> HeaderLineReader::NameWithRole(std::string_view line) const {
  // "Дина Ахметова Корреспондент": a name, then a job title.
  // The name is checked first: it rules out most lines in a few bytes.
  const std::size_t last_space = line.rfind(' ');
  if (last_space != std::string_view::npos) {
    const std::string_view name = TrimLine(line.substr(0, last_space));
    if (IsPersonalName(name) &&
        rules_->job_titles.count(LookupKey(line.substr(last_space + 1))) != 0) {
      return std::string(name);
    }
  }
  // "Aidos Seitkali - Kazinform:": a name, then the agency.
  for (std::string_view dash : {" - ", " – ", " — "}) {
    const std::size_t at = line.find(dash);
    if (at == std::string_view::npos) continue;
    const std::string_view name = TrimLine(line.substr(0, at));
    if (IsPersonalName(name) &&
        rules_->sources.count(LookupKey(line.substr(at + dash.size()))) != 0) {
      return std::string(name);
    }
  }
  return std::nullopt;
}

HeaderLine HeaderLineReader::Classify(std::string_view line, bool after_counter) const {
  HeaderLine out;
  if (line.empty()) {
    out.kind = LineKind::kBlank;
    out.rule = "blank";
    return out;
  }
  if (line.size() > kLongestHeaderLine || HasControls(line) || HasOpenMarkup(line)) return out;
  LineCandidates candidates;
  rules_->Candidates(line, &candidates);
  // A labelled date line holds a date, so a digit (DateLine needs one).
  if (std::optional<HeaderLine> dates =
          HasDigit(line) ? LabelledDates(line, candidates.date_labels) : std::nullopt) {
    dates->rule = dates->dates.front().first == "published"  ? "published"
                  : dates->dates.front().first == "modified" ? "modified"
                                                             : "updated";
    return *dates;
  }
  if (std::optional<std::string> credit = Name(rules_->credits, candidates.credits, line)) {
    out.kind = LineKind::kCredit;
    out.value = *credit;
    out.rule = "photo_credit";
    return out;
  }
  if (std::optional<std::string> author = Name(rules_->bylines, candidates.bylines, line)) {
    out.kind = LineKind::kByline;
    out.value = *author;
    out.rule = "byline";
    return out;
  }
  // Word lists hold short lines (the longest, a reading time, is some 50
  // bytes); a teaser needs only the start of one. A line whose first word
  // starts no entry and is no number skips them all.
  constexpr std::size_t kLongestListed = 96;
  const bool short_line = line.size() <= kLongestListed;
  const std::string_view first_word = line.substr(0, std::min(line.find(' '), kLongestListed));
  const std::string first_key = LookupKey(first_word);
  const bool listed = first_key.empty() || (first_key[0] >= '0' && first_key[0] <= '9') ||
                      rules_->first_words.count(first_key) != 0;
  const std::string key =
      listed ? LookupKey(line.substr(0, std::min(line.size(), kLongestListed))) : std::string();
  auto is = [&](LineKind kind, const char* rule) {
    out.kind = kind;
    out.rule = rule;
    return out;
  };
  if (short_line && rules_->navigation.count(key) != 0)
    return is(LineKind::kNavigation, "navigation");
  if (short_line && rules_->sources.count(key) != 0) return is(LineKind::kSource, "source");
  for (std::size_t end = std::min(key.size(), rules_->longest_teaser); listed && end > 0; --end) {
    // The teaser's words, then the end, a space or punctuation ("Читайте
    // также: ...").
    const bool word_ends = end == key.size() || key[end] == ' ' ||
                           (static_cast<unsigned char>(key[end]) < 0x80 &&
                            std::ispunct(static_cast<unsigned char>(key[end])));
    if (word_ends && rules_->teasers.count(key.substr(0, end)) != 0) {
      return is(LineKind::kTeaser, "teaser");
    }
  }
  if (listed && short_line && !key.empty() && key.size() <= 40) {
    bool all_switches = true;
    for (std::string_view rest = key; !rest.empty() && all_switches;) {
      const std::size_t space = rest.find(' ');
      all_switches = rules_->switches.count(std::string(rest.substr(0, space))) != 0;
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    if (all_switches) return is(LineKind::kSwitch, "language_switch");
  }
  if ((listed || after_counter) && short_line &&
      IsCounter(listed ? key : LookupKey(line), line, after_counter)) {
    return is(LineKind::kCounter, "counter");
  }
  if (line.size() <= 300) {
    // Each candidate is checked: a set out of memory names every pattern.
    for (int index : candidates.notices) {
      if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()),
                            rules_->notices.pattern(index))) {
        return is(LineKind::kNotice, "notice");
      }
    }
  }
  if (std::optional<std::string> iso = DateLine(line)) {
    out.kind = LineKind::kDate;
    out.dates.emplace_back("published", *iso);
    out.rule = "date_line";
    return out;
  }
  if (std::optional<std::string> name = NameWithRole(line)) {
    out.kind = LineKind::kByline;
    out.value = *name;
    out.rule = "byline";
    return out;
  }
  if (IsPersonalName(line)) return is(LineKind::kName, "byline");
  // An item of a list or a ticker ("• Новость часа ..."): furniture next to
  // other furniture, never the title.
  for (std::string_view bullet : {"•", "·", "▪", "►", "→", "- ", "* "}) {
    if (line.starts_with(bullet)) return is(LineKind::kItem, "navigation");
  }
  // A title-like line: short, no sentence end. One that ends in a dash or a
  // colon opens the text ("ALMATY. KAZINFORM –", "Главное за день:").
  const bool opens_text =
      line.ends_with('-') || line.ends_with("–") || line.ends_with("—") || line.ends_with(':');
  if (CountChars(line) <= 200 && !EndsSentence(line) && !opens_text) {
    return is(LineKind::kTitleLike, "title");
  }
  return out;
}

}  // namespace normkit::internal
