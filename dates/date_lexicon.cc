#include "date_lexicon.h"

#include <toml++/toml.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace normkit::internal {
namespace {

constexpr std::uint16_t kAnyLanguage = 0xFFFF;

// Rule-file languages come first, in this order; then CLDR's, the languages
// of much news first, then the rest by code.
constexpr std::string_view kPreferred[] = {
    "ru", "uk", "be", "kk", "en", "de", "fr", "es", "it", "pt", "pl",
    "tr", "nl", "cs", "sv", "da", "nb", "fi", "hu", "ro", "bg", "sr",
    "hr", "sk", "sl", "lt", "lv", "et", "el", "ka", "hy", "az", "uz",
    "ky", "tg", "mn"};

int Preference(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kPreferred); ++i) {
    if (kPreferred[i] == code) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kPreferred));
}

// One CLDR language's names, folded: read once per process.
struct CldrForm {
  std::string folded;
  bool abbreviated;  // from an ABBREVIATED width
  bool dotted;       // written with a final dot ("janv.")
};

struct CldrLanguage {
  std::string code;
  NumericOrder order;
  bool month_first;
  std::vector<CldrForm> months[12];
  std::vector<CldrForm> weekdays[7];
  std::vector<std::string> time_words;  // folded
};

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

NumericOrder OrderOf(const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return NumericOrder::kDayMonthYear;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  const int32_t d = pattern.indexOf(u'd'), m = pattern.indexOf(u'M'), y = pattern.indexOf(u'y');
  if (y >= 0 && (d < 0 || y < d) && (m < 0 || y < m)) return NumericOrder::kYearMonthDay;
  if (m >= 0 && d >= 0 && m < d) return NumericOrder::kMonthDayYear;
  return NumericOrder::kDayMonthYear;
}

// Whether the long date pattern names the month before the day: "MMMM d,
// y" (en), "y. MMMM d." (hu); not "d MMMM y".
bool MonthFirst(const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return false;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  const int32_t d = pattern.indexOf(u'd'), m = pattern.indexOf(u'M');
  return m >= 0 && d >= 0 && m < d;
}

// The words that the long date-and-time pattern puts between the date and
// the time: fr "d MMMM y 'à' HH:mm" gives "à", it "'alle' 'ore'" gives
// "alle" and "ore", el "στις". A pattern with the time first gives none.
std::vector<std::string> TimeWords(const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateTimeInstance(
      icu::DateFormat::kLong, icu::DateFormat::kShort, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return {};
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  // Walk the pattern: quoted text is literal, unquoted ASCII letters are
  // fields, anything else is literal.
  icu::UnicodeString between;  // the literal text since the last date field
  bool quoted = false, date_seen = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern[i];
    if (c == u'\'') {
      if (i + 1 < pattern.length() && pattern[i + 1] == u'\'') {
        between += c;
        ++i;
      } else {
        quoted = !quoted;
        between += u' ';
      }
      continue;
    }
    const bool field = !quoted && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'));
    if (!field) {
      between += c;
      continue;
    }
    if (c == u'H' || c == u'h' || c == u'k' || c == u'K') break;
    if (c == u'y' || c == u'M' || c == u'L' || c == u'd') {
      date_seen = true;
      between.remove();
    }
  }
  std::vector<std::string> words;
  if (!date_seen) return words;
  std::string text = Utf8(between), folded;
  std::string word;
  auto flush = [&] {
    FoldWord(word, &folded);
    if (!folded.empty()) words.push_back(folded);
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0 && u_isalpha(c)) {
      char buffer[4];
      std::size_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, c);
      word.append(buffer, n);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

const std::vector<CldrLanguage>& Cldr() {
  static const std::vector<CldrLanguage>* languages = [] {
    auto* out = new std::vector<CldrLanguage>;
    int32_t count = 0;
    const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
    std::set<std::string> seen;
    for (int32_t i = 0; i < count; ++i) {
      const std::string code = locales[i].getLanguage();
      if (code.empty() || !seen.insert(code).second) continue;
      const icu::Locale locale(code.c_str());
      UErrorCode ec = U_ZERO_ERROR;
      icu::DateFormatSymbols symbols(locale, ec);
      if (U_FAILURE(ec)) continue;
      CldrLanguage language{code, OrderOf(locale), MonthFirst(locale), {}, {}, TimeWords(locale)};
      using Symbols = icu::DateFormatSymbols;
      for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
        for (auto width : {Symbols::WIDE, Symbols::ABBREVIATED}) {
          const bool abbreviated = width == Symbols::ABBREVIATED;
          auto add = [&](const icu::UnicodeString& name, std::vector<CldrForm>* forms) {
            const std::string utf8 = Utf8(name);
            std::string folded;
            FoldWord(utf8, &folded);
            if (!folded.empty()) forms->push_back({folded, abbreviated, utf8.ends_with('.')});
          };
          int32_t n = 0;
          const icu::UnicodeString* months = symbols.getMonths(n, context, width);
          for (int32_t m = 0; m < n && m < 12; ++m) add(months[m], &language.months[m]);
          const icu::UnicodeString* days = symbols.getWeekdays(n, context, width);
          // ICU counts from 1, Sunday first.
          for (int32_t d = 1; d < n && d <= 7; ++d) {
            add(days[d], &language.weekdays[d == 1 ? 6 : d - 2]);
          }
        }
      }
      out->push_back(std::move(language));
    }
    std::sort(out->begin(), out->end(), [](const CldrLanguage& a, const CldrLanguage& b) {
      const int pa = Preference(a.code), pb = Preference(b.code);
      return pa != pb ? pa < pb : a.code < b.code;
    });
    return out;
  }();
  return *languages;
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

// Whether a month or weekday form is a shortened one: written with a final
// dot, one or two letters ("пн", "вт"), or up to four letters that begin a
// longer form of the same name ("сент" of "сентября", "Jan" of "January").
// Longer forms that begin others are whole words: Kazakh "маусым" begins
// "маусымда", Russian "август" begins "августа".
bool Shortened(std::string_view form, bool dotted, const std::vector<std::string>& forms) {
  if (dotted) return true;
  const std::size_t n = CodePoints(form);
  if (n <= 2) return true;
  if (n > 4) return false;
  for (const std::string& other : forms) {
    if (other.size() > form.size() && other.starts_with(form)) return true;
  }
  return false;
}

// Reads one rules/dates file; every problem points into it.
class DateRuleReader {
 public:
  DateRuleReader(std::string_view origin) : origin_(origin) {}

  Status Error(const toml::source_region& where, std::string message) const {
    return Status(ErrorCode::kRuleSyntax, std::move(message),
                  {origin_, where.begin.line, where.begin.column, 0});
  }

  // A list of strings under `key` of `table` (absent: empty).
  Result<std::vector<std::string>> Strings(const toml::table& table, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) return Error(node->source(), std::string(key) + ": expected a list of words");
    for (const toml::node& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr || s->get().empty()) {
        return Error(item.source(), std::string(key) + ": expected a word");
      }
      out.push_back(s->get());
    }
    return out;
  }

  // A table of numbered lists: [months] 1 = [...] ... `count` entries.
  // An `optional` table may be absent.
  Status Numbered(const toml::table& root, std::string_view key, int count,
                  std::vector<std::vector<std::string>>* out, bool optional = false) {
    out->assign(static_cast<std::size_t>(count), {});
    const toml::node* node = root.get(key);
    if (node == nullptr && optional) return Status();
    const toml::table* table = node ? node->as_table() : nullptr;
    if (table == nullptr) {
      return Error(node ? node->source() : root.source(), "missing table [" + std::string(key) + "]");
    }
    for (const auto& [name, value] : *table) {
      int n = 0;
      const std::string_view k = name.str();
      for (char c : k) n = (c >= '0' && c <= '9') ? n * 10 + (c - '0') : 1000;
      if (n < 1 || n > count) {
        std::string message = "[";
        message.append(key).append("]: expected a number from 1 to ");
        message.append(std::to_string(count)).append(", got '").append(k).append("'");
        return Error(name.source(), message);
      }
      Result<std::vector<std::string>> words = Strings(*table, k);
      if (!words.ok()) return words.status();
      (*out)[static_cast<std::size_t>(n - 1)] = *words;
    }
    return Status();
  }

 private:
  std::string origin_;
};

}  // namespace

void FoldWord(std::string_view word, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if (c < 0) continue;
    c = IsApostrophe(c) ? kApostrophe : u_tolower(c);
    char buffer[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out->append(buffer, n);
  }
  if (!out->empty() && out->back() == '.') out->pop_back();
}

const SmallCodePoint* SmallCodePoints() {
  static const SmallCodePoint* table = [] {
    auto* t = new SmallCodePoint[0x800];
    for (UChar32 c = 0; c < 0x800; ++c) {
      const UChar32 lower = u_tolower(c);
      std::uint8_t flags = 0;
      if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) flags |= kLetterOrMark;
      if (u_isUUppercase(c)) flags |= kUpper;
      if (u_isUWhiteSpace(c) || c == 0xA0) flags |= kSpace;
      // Ⱥ (U+023A) lowers to U+2C65: kBigLower sends it to ICU.
      t[c] = {static_cast<std::uint16_t>(lower < 0x800 ? lower : kBigLower), flags};
    }
    return t;
  }();
  return table;
}

void DateLexicon::Freeze() {
  std::size_t capacity = 16;
  while (capacity < words_.size() * 2) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  std::size_t bloom_bits = 1024;
  while (bloom_bits < words_.size() * 8) bloom_bits *= 2;
  bloom_.assign(bloom_bits / 64, 0);
  bloom_mask_ = bloom_bits - 1;
  // In a fixed order, so that the table is the same on every run.
  std::vector<const std::pair<const std::string, std::vector<DateWordEntry>>*> sorted;
  for (const auto& word : words_) sorted.push_back(&word);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* word : sorted) {
    if (word->first.size() > 0xFFFF) continue;  // no name is that long
    const std::uint64_t h = Hash(word->first);
    Slot slot;
    slot.key = static_cast<std::uint32_t>(keys_.size());
    slot.key_size = static_cast<std::uint16_t>(word->first.size());
    slot.tag = static_cast<std::uint16_t>(h >> 40);
    slot.first = static_cast<std::uint32_t>(entries_.size());
    slot.count = static_cast<std::uint32_t>(word->second.size());
    if (slot.key_size == 0) continue;
    keys_ += word->first;
    entries_.insert(entries_.end(), word->second.begin(), word->second.end());
    max_word_bytes_ = std::max(max_word_bytes_, word->first.size());
    std::uint64_t i = h & mask_;
    while (slots_[i].key_size != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
    for (std::uint64_t b : {(h >> 32) & bloom_mask_, (h >> 48 ^ h >> 16) & bloom_mask_}) {
      bloom_[b >> 6] |= std::uint64_t{1} << (b & 63);
    }
  }
  words_.clear();
}

void DateLexicon::Add(std::string word, DateWordEntry entry) {
  std::vector<DateWordEntry>& entries = words_[std::move(word)];
  for (const DateWordEntry& e : entries) {
    if (e.language == entry.language && e.kind == entry.kind && e.value == entry.value) return;
  }
  entries.push_back(entry);
}

Result<std::shared_ptr<const DateLexicon>> DateLexicon::Build(
    const RuleFiles& rules, const std::vector<std::string>& only) {
  auto lexicon = std::make_shared<DateLexicon>();
  auto wanted = [&](std::string_view code) {
    return only.empty() || std::find(only.begin(), only.end(), code) != only.end();
  };
  std::string folded;

  // Words of every language.
  if (const std::string* common = rules.Find("dates/common.toml")) {
    const std::string origin = rules.Origin("dates/common.toml");
    DateRuleReader reader(origin);
    toml::table root;
    try {
      root = toml::parse(*common, origin);
    } catch (const toml::parse_error& e) {
      return reader.Error(e.source(), std::string(e.description()));
    }
    for (auto [key, kind] : {std::pair{"connector", DateWord::kConnector},
                             std::pair{"ordinal", DateWord::kOrdinal}}) {
      Result<std::vector<std::string>> words = reader.Strings(root, key);
      if (!words.ok()) return words.status();
      for (const std::string& w : *words) {
        FoldWord(w, &folded);
        lexicon->Add(folded, {kAnyLanguage, kind});
      }
    }
    if (const toml::table* zones = root.get_as<toml::table>("zones")) {
      for (const auto& [name, value] : *zones) {
        const auto* minutes = value.as_integer();
        if (minutes == nullptr) return reader.Error(value.source(), "zones: expected minutes from UTC");
        FoldWord(name.str(), &folded);
        DateWordEntry entry{kAnyLanguage, DateWord::kZone};
        entry.zone_minutes = static_cast<std::int16_t>(minutes->get());
        lexicon->Add(folded, entry);
      }
    }
  }

  // The rule files, in order of preference.
  std::vector<std::pair<std::string, std::string>> files;  // code from path, path
  for (const std::string& path : rules.List("dates/")) {
    if (!path.ends_with(".toml") || path == "dates/common.toml") continue;
    files.emplace_back(path.substr(6, path.size() - 6 - 5), path);
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    const int pa = Preference(a.first), pb = Preference(b.first);
    return pa != pb ? pa < pb : a.first < b.first;
  });
  std::set<std::string> from_files;
  std::set<std::string> capitalized_words;  // in every language
  for (const auto& [code, path] : files) {
    if (!wanted(code)) continue;
    const std::string origin = rules.Origin(path);
    DateRuleReader reader(origin);
    toml::table root;
    try {
      root = toml::parse(*rules.Find(path), origin);
    } catch (const toml::parse_error& e) {
      return reader.Error(e.source(), std::string(e.description()));
    }
    const std::optional<std::string> declared = root["language"].value<std::string>();
    if (!declared || *declared != code) {
      return reader.Error(root.source(), "language must be \"" + code + "\" (the file's name)");
    }
    DateLanguage language{code, NumericOrder::kDayMonthYear, true};
    const std::string order = root["order"].value_or(std::string("dmy"));
    if (order == "mdy") language.order = NumericOrder::kMonthDayYear;
    else if (order == "ymd") language.order = NumericOrder::kYearMonthDay;
    else if (order != "dmy") {
      return reader.Error(root.get("order")->source(), "order: expected dmy, mdy or ymd");
    }
    // Month names before the day ("June 20"): where numbers come month
    // first, unless the file says otherwise.
    language.month_first = language.order == NumericOrder::kMonthDayYear;
    if (const toml::node* node = root.get("month_first")) {
      if (!node->is_boolean()) return reader.Error(node->source(), "month_first: expected true or false");
      language.month_first = node->as_boolean()->get();
    }
    const auto index = static_cast<std::uint16_t>(lexicon->languages_.size());
    from_files.insert(code);

    Result<std::vector<std::string>> capitalized = reader.Strings(root, "capitalized_only");
    if (!capitalized.ok()) return capitalized.status();
    std::set<std::string> capitalized_only;
    for (const std::string& w : *capitalized) {
      FoldWord(w, &folded);
      capitalized_only.insert(folded);
      capitalized_words.insert(folded);
    }
    std::vector<std::vector<std::string>> months, weekdays, days, tens;
    if (Status s = reader.Numbered(root, "months", 12, &months); !s.ok()) return s;
    if (Status s = reader.Numbered(root, "weekdays", 7, &weekdays); !s.ok()) return s;
    // Days as ordinal words, and the tens before a unit's ordinal
    // ("двадцать первое"): optional.
    if (Status s = reader.Numbered(root, "days", 31, &days, true); !s.ok()) return s;
    if (Status s = reader.Numbered(root, "day_tens", 30, &tens, true); !s.ok()) return s;
    for (std::size_t k = 0; k < tens.size(); ++k) {
      if (!tens[k].empty() && k + 1 != 20 && k + 1 != 30) {
        return reader.Error(root.get("day_tens")->source(),
                            "[day_tens]: expected 20 or 30, got " + std::to_string(k + 1));
      }
    }
    // Adds each form of each numbered name, marking the shortened ones.
    auto add_named = [&](const std::vector<std::vector<std::string>>& names, DateWord kind) {
      for (std::size_t k = 0; k < names.size(); ++k) {
        std::vector<std::string> forms;
        for (const std::string& w : names[k]) {
          FoldWord(w, &folded);
          forms.push_back(folded);
        }
        for (std::size_t f = 0; f < forms.size(); ++f) {
          DateWordEntry entry{index, kind, static_cast<std::uint8_t>(k + 1)};
          entry.capitalized_only = kind == DateWord::kMonth && capitalized_only.count(forms[f]) != 0;
          entry.abbreviation = Shortened(forms[f], names[k][f].ends_with('.'), forms);
          lexicon->Add(forms[f], entry);
          if (kind == DateWord::kDay || kind == DateWord::kDayTens) {
            lexicon->day_words_.emplace_back(index, forms[f]);
          }
        }
      }
    };
    add_named(months, DateWord::kMonth);
    add_named(weekdays, DateWord::kWeekday);
    add_named(days, DateWord::kDay);
    add_named(tens, DateWord::kDayTens);
    language.has_day_words = std::any_of(days.begin(), days.end(), [](const auto& d) { return !d.empty(); });
    lexicon->languages_.push_back(language);
    if (const toml::table* words = root.get_as<toml::table>("words")) {
      for (auto [key, kind] : {std::pair{"year", DateWord::kYear}, std::pair{"time", DateWord::kTime},
                               std::pair{"ordinal", DateWord::kOrdinal}, std::pair{"am", DateWord::kAm},
                               std::pair{"pm", DateWord::kPm},
                               std::pair{"connector", DateWord::kConnector},
                               std::pair{"range", DateWord::kRange}}) {
        Result<std::vector<std::string>> list = reader.Strings(*words, key);
        if (!list.ok()) return list.status();
        for (const std::string& w : *list) {
          FoldWord(w, &folded);
          DateWordEntry entry{index, kind};
          // "г." and "гг." are shortened; "год" begins "года" but is whole.
          entry.abbreviation = w.ends_with('.') || CodePoints(folded) <= 2;
          lexicon->Add(folded, entry);
        }
      }
    }
  }

  // CLDR for the rest.
  std::set<std::string> found(from_files);
  for (const CldrLanguage& cldr : Cldr()) {
    if (from_files.count(cldr.code) || !wanted(cldr.code)) continue;
    const auto index = static_cast<std::uint16_t>(lexicon->languages_.size());
    lexicon->languages_.push_back({cldr.code, cldr.order, false, cldr.month_first});
    found.insert(cldr.code);
    auto add_named = [&](const std::vector<CldrForm>* names, std::size_t count, DateWord kind) {
      for (std::size_t k = 0; k < count; ++k) {
        std::vector<std::string> forms;
        for (const CldrForm& f : names[k]) forms.push_back(f.folded);
        for (const CldrForm& f : names[k]) {
          DateWordEntry entry{index, kind, static_cast<std::uint8_t>(k + 1)};
          bool dotted = false, wide = false;
          for (const CldrForm& g : names[k]) {
            if (g.folded != f.folded) continue;
            dotted = dotted || g.dotted;
            wide = wide || !g.abbreviated;
          }
          entry.abbreviation = Shortened(f.folded, dotted, forms);
          entry.weak = kind == DateWord::kMonth && !wide;
          lexicon->Add(f.folded, entry);
        }
      }
    };
    add_named(cldr.months, 12, DateWord::kMonth);
    add_named(cldr.weekdays, 7, DateWord::kWeekday);
    for (const std::string& w : cldr.time_words) lexicon->Add(w, {index, DateWord::kTime});
  }
  // "may" is an English word before it is a month in any language.
  for (const std::string& word : capitalized_words) {
    auto it = lexicon->words_.find(word);
    if (it == lexicon->words_.end()) continue;
    for (DateWordEntry& e : it->second) {
      if (e.kind == DateWord::kMonth) e.capitalized_only = true;
    }
  }
  lexicon->Freeze();
  for (const std::string& code : only) {
    if (!found.count(code)) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown language '" + code + "' (no rules/dates file and no CLDR data)");
    }
  }
  return std::shared_ptr<const DateLexicon>(std::move(lexicon));
}

}  // namespace normkit::internal
