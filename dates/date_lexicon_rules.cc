// The date lexicon's rule files, rules/dates/: common.toml (connectors,
// ordinal endings and zone names of every language) and one file a
// language (every form of its month and weekday names, days written as
// words, year, time and range words). Every problem is a kRuleSyntax Status
// that points into its file.
#include <toml++/toml.h>

#include <algorithm>

#include "core/rule_paths.h"
#include "date_lexicon.h"

namespace normkit::internal {
namespace {

constexpr std::string_view kFolder = "dates";
constexpr std::string_view kCommon = "common";  // dates/common.toml: no language

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
    if (array == nullptr)
      return Error(node->source(), std::string(key) + ": expected a list of words");
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
      return Error(node ? node->source() : root.source(),
                   "missing table [" + std::string(key) + "]");
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

void DateLexicon::AppendRuleFilesKey(const RuleFiles& rules, std::string* key) {
  for (const std::string& path : RuleFilesIn(rules, kFolder)) {
    const std::string& text = *rules.Find(path);
    key->append(path).append(1, '\0').append(std::to_string(text.size())).append(1, '\0');
    key->append(text);
  }
}

Status DateLexicon::AddRuleFiles(const RuleFiles& rules, const std::vector<std::string>& only,
                                 std::set<std::string>* codes, std::set<std::string>* capitalized) {
  std::string folded;

  // Words of every language.
  const std::string common_path = RuleFilePath(kFolder, kCommon);
  if (const std::string* common = rules.Find(common_path)) {
    const std::string origin = rules.Origin(common_path);
    DateRuleReader reader(origin);
    toml::table root;
    try {
      root = toml::parse(*common, origin);
    } catch (const toml::parse_error& e) {
      return reader.Error(e.source(), std::string(e.description()));
    }
    for (auto [key, kind] :
         {std::pair{"connector", DateWord::kConnector}, std::pair{"ordinal", DateWord::kOrdinal}}) {
      Result<std::vector<std::string>> words = reader.Strings(root, key);
      if (!words.ok()) return words.status();
      for (const std::string& w : *words) {
        FoldWord(w, &folded);
        Add(folded, {kAnyLanguage, kind});
      }
    }
    if (const toml::table* zones = root.get_as<toml::table>("zones")) {
      for (const auto& [name, value] : *zones) {
        const auto* minutes = value.as_integer();
        if (minutes == nullptr)
          return reader.Error(value.source(), "zones: expected minutes from UTC");
        FoldWord(name.str(), &folded);
        DateWordEntry entry{kAnyLanguage, DateWord::kZone};
        entry.zone_minutes = static_cast<std::int16_t>(minutes->get());
        Add(folded, entry);
      }
    }
  }

  // The rule files, in order of preference.
  std::vector<std::pair<std::string, std::string>> files;  // code (the file's name), path
  for (const std::string& path : RuleFilesIn(rules, kFolder)) {
    const std::string_view code = RuleFileName(path, kFolder);
    if (code != kCommon) files.emplace_back(code, path);
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    const int pa = LanguagePreference(a.first), pb = LanguagePreference(b.first);
    return pa != pb ? pa < pb : a.first < b.first;
  });
  for (const auto& [code, path] : files) {
    if (!LanguageWanted(only, code)) continue;
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
    if (order == "mdy")
      language.order = NumericOrder::kMonthDayYear;
    else if (order == "ymd")
      language.order = NumericOrder::kYearMonthDay;
    else if (order != "dmy") {
      return reader.Error(root.get("order")->source(), "order: expected dmy, mdy or ymd");
    }
    // Month names before the day ("June 20"): where numbers come month
    // first, unless the file says otherwise.
    language.month_first = language.order == NumericOrder::kMonthDayYear;
    if (const toml::node* node = root.get("month_first")) {
      if (!node->is_boolean())
        return reader.Error(node->source(), "month_first: expected true or false");
      language.month_first = node->as_boolean()->get();
    }
    const auto index = static_cast<std::uint16_t>(languages_.size());
    codes->insert(code);

    Result<std::vector<std::string>> capitalized_list = reader.Strings(root, "capitalized_only");
    if (!capitalized_list.ok()) return capitalized_list.status();
    std::set<std::string> capitalized_only;
    for (const std::string& w : *capitalized_list) {
      FoldWord(w, &folded);
      capitalized_only.insert(folded);
      capitalized->insert(folded);
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
        const std::vector<std::string_view> views(forms.begin(), forms.end());
        for (std::size_t f = 0; f < forms.size(); ++f) {
          DateWordEntry entry{index, kind, static_cast<std::uint8_t>(k + 1)};
          entry.capitalized_only =
              kind == DateWord::kMonth && capitalized_only.count(forms[f]) != 0;
          entry.abbreviation = IsShortened(forms[f], names[k][f].ends_with('.'), views);
          Add(forms[f], entry);
          if (kind == DateWord::kDay || kind == DateWord::kDayTens) {
            day_words_.emplace_back(index, forms[f]);
          }
        }
      }
    };
    add_named(months, DateWord::kMonth);
    add_named(weekdays, DateWord::kWeekday);
    add_named(days, DateWord::kDay);
    add_named(tens, DateWord::kDayTens);
    language.has_day_words =
        std::any_of(days.begin(), days.end(), [](const auto& d) { return !d.empty(); });
    languages_.push_back(language);
    if (const toml::table* words = root.get_as<toml::table>("words")) {
      for (auto [key, kind] :
           {std::pair{"year", DateWord::kYear}, std::pair{"time", DateWord::kTime},
            std::pair{"ordinal", DateWord::kOrdinal}, std::pair{"am", DateWord::kAm},
            std::pair{"pm", DateWord::kPm}, std::pair{"connector", DateWord::kConnector},
            std::pair{"range", DateWord::kRange}}) {
        Result<std::vector<std::string>> list = reader.Strings(*words, key);
        if (!list.ok()) return list.status();
        for (const std::string& w : *list) {
          FoldWord(w, &folded);
          DateWordEntry entry{index, kind};
          // "г." and "гг." are shortened; "год" begins "года" but is whole.
          entry.abbreviation = w.ends_with('.') || CodePointCount(folded) <= 2;
          Add(folded, entry);
        }
      }
    }
  }
  return Status();
}

}  // namespace normkit::internal
