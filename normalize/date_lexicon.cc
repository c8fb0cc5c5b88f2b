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
struct CldrLanguage {
  std::string code;
  NumericOrder order;
  std::vector<std::string> months[12];
  std::vector<std::string> weekdays[7];
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
      CldrLanguage language{code, OrderOf(locale), {}, {}};
      using Symbols = icu::DateFormatSymbols;
      for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
        for (auto width : {Symbols::WIDE, Symbols::ABBREVIATED}) {
          int32_t n = 0;
          const icu::UnicodeString* months = symbols.getMonths(n, context, width);
          for (int32_t m = 0; m < n && m < 12; ++m) {
            std::string folded;
            FoldWord(Utf8(months[m]), &folded);
            if (!folded.empty()) language.months[m].push_back(folded);
          }
          const icu::UnicodeString* days = symbols.getWeekdays(n, context, width);
          // ICU counts from 1, Sunday first.
          for (int32_t d = 1; d < n && d <= 7; ++d) {
            std::string folded;
            FoldWord(Utf8(days[d]), &folded);
            if (!folded.empty()) language.weekdays[d == 1 ? 6 : d - 2].push_back(folded);
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
  Status Numbered(const toml::table& root, std::string_view key, int count,
                  std::vector<std::vector<std::string>>* out) {
    out->assign(static_cast<std::size_t>(count), {});
    const toml::node* node = root.get(key);
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
    c = u_tolower(c);
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
  // In a fixed order, so that the table is the same on every run.
  std::vector<const std::pair<const std::string, std::vector<DateWordEntry>>*> sorted;
  for (const auto& word : words_) sorted.push_back(&word);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* word : sorted) {
    Slot slot;
    slot.key = static_cast<std::uint32_t>(keys_.size());
    slot.key_size = static_cast<std::uint32_t>(word->first.size());
    slot.first = static_cast<std::uint32_t>(entries_.size());
    slot.count = static_cast<std::uint32_t>(word->second.size());
    if (slot.key_size == 0) continue;
    keys_ += word->first;
    entries_.insert(entries_.end(), word->second.begin(), word->second.end());
    max_word_bytes_ = std::max(max_word_bytes_, word->first.size());
    std::uint64_t i = Hash(word->first) & mask_;
    while (slots_[i].key_size != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
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
    const auto index = static_cast<std::uint16_t>(lexicon->languages_.size());
    lexicon->languages_.push_back(language);
    from_files.insert(code);

    Result<std::vector<std::string>> capitalized = reader.Strings(root, "capitalized_only");
    if (!capitalized.ok()) return capitalized.status();
    std::set<std::string> capitalized_only;
    for (const std::string& w : *capitalized) {
      FoldWord(w, &folded);
      capitalized_only.insert(folded);
      capitalized_words.insert(folded);
    }
    std::vector<std::vector<std::string>> months, weekdays;
    if (Status s = reader.Numbered(root, "months", 12, &months); !s.ok()) return s;
    if (Status s = reader.Numbered(root, "weekdays", 7, &weekdays); !s.ok()) return s;
    for (std::size_t m = 0; m < 12; ++m) {
      for (const std::string& w : months[m]) {
        FoldWord(w, &folded);
        DateWordEntry entry{index, DateWord::kMonth, static_cast<std::uint8_t>(m + 1)};
        entry.capitalized_only = capitalized_only.count(folded) != 0;
        lexicon->Add(folded, entry);
      }
    }
    for (std::size_t d = 0; d < 7; ++d) {
      for (const std::string& w : weekdays[d]) {
        FoldWord(w, &folded);
        lexicon->Add(folded, {index, DateWord::kWeekday, static_cast<std::uint8_t>(d + 1)});
      }
    }
    if (const toml::table* words = root.get_as<toml::table>("words")) {
      for (auto [key, kind] : {std::pair{"year", DateWord::kYear}, std::pair{"time", DateWord::kTime},
                               std::pair{"ordinal", DateWord::kOrdinal}, std::pair{"am", DateWord::kAm},
                               std::pair{"pm", DateWord::kPm},
                               std::pair{"connector", DateWord::kConnector}}) {
        Result<std::vector<std::string>> list = reader.Strings(*words, key);
        if (!list.ok()) return list.status();
        for (const std::string& w : *list) {
          FoldWord(w, &folded);
          lexicon->Add(folded, {index, kind});
        }
      }
    }
  }

  // CLDR for the rest.
  std::set<std::string> found(from_files);
  for (const CldrLanguage& cldr : Cldr()) {
    if (from_files.count(cldr.code) || !wanted(cldr.code)) continue;
    const auto index = static_cast<std::uint16_t>(lexicon->languages_.size());
    lexicon->languages_.push_back({cldr.code, cldr.order, false});
    found.insert(cldr.code);
    for (std::size_t m = 0; m < 12; ++m) {
      for (const std::string& w : cldr.months[m]) {
        lexicon->Add(w, {index, DateWord::kMonth, static_cast<std::uint8_t>(m + 1)});
      }
    }
    for (std::size_t d = 0; d < 7; ++d) {
      for (const std::string& w : cldr.weekdays[d]) {
        lexicon->Add(w, {index, DateWord::kWeekday, static_cast<std::uint8_t>(d + 1)});
      }
    }
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
