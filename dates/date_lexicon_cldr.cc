// The date lexicon's words from ICU's CLDR data, for every language without
// a rule file: month and weekday names (wide and abbreviated, format and
// stand-alone), the order of numeric dates, whether the month comes before
// the day, and the words between a date and its time, from the table that
// the build wrote from ICU (cldr_dates.h).
#include <algorithm>
#include <vector>

#include "cldr_dates.h"
#include "date_lexicon.h"

namespace normkit::internal {

void DateLexicon::AddCldr(const std::vector<std::string>& only, std::set<std::string>* codes) {
  // Room for every language's words at once when all are read (more than
  // enough: a form given again is added once).
  if (only.empty()) added_.reserve(added_.size() + kCldrDateWordCount);
  std::vector<std::string_view> forms;
  for (const CldrDateLanguage& cldr : CldrDateLanguages()) {
    const std::string code(CldrText(cldr.code));
    if (codes->count(code) || !LanguageWanted(only, code)) continue;
    const auto index = static_cast<std::uint16_t>(languages_.size());
    languages_.push_back({code, cldr.order, false, cldr.month_first});
    codes->insert(code);
    for (int k = 0; k < kCldrTimeList; ++k) {
      const std::span<const CldrDateWord> names = CldrList(cldr, k);
      const bool month = k < kCldrWeekdayList;
      forms.clear();
      for (const CldrDateWord& f : names) forms.push_back(CldrText(f));
      for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string_view folded = forms[i];
        // A form given again (the stand-alone name is often the format one)
        // would add the same entry again: the first stands for both.
        if (std::find(forms.begin(), forms.begin() + i, folded) != forms.begin() + i) continue;
        DateWordEntry entry{index, month ? DateWord::kMonth : DateWord::kWeekday,
                            static_cast<std::uint8_t>(month ? k + 1 : k - kCldrWeekdayList + 1)};
        // A form that ICU gives both dotted and not, or both wide and
        // abbreviated, is dotted, and wide.
        bool dotted = false, wide = false;
        for (const CldrDateWord& g : names) {
          if (CldrText(g) != folded) continue;
          dotted = dotted || (g.flags & kCldrDotted);
          wide = wide || !(g.flags & kCldrAbbreviated);
        }
        entry.abbreviation = IsShortened(folded, dotted, forms);
        entry.weak = month && !wide;
        AddLasting(folded, entry);
      }
    }
    for (const CldrDateWord& w : CldrList(cldr, kCldrTimeList)) {
      AddLasting(CldrText(w), {index, DateWord::kTime});
    }
  }
}

}  // namespace normkit::internal
