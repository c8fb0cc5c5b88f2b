// The date lexicon's table and what its two sources share: the order of
// languages, folding a word, which forms are shortened, the facts about
// small code points; Build(), which reads the rule files
// (date_lexicon_rules.cc), then CLDR (date_lexicon_cldr.cc), and freezes
// the words into one StringTable.
#include "date_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/char_class.h"

namespace normkit::internal {
namespace {

// Rule-file languages come first, in this order; then CLDR's, the languages
// of much news first, then the rest by code.
constexpr std::string_view kPreferred[] = {"ru", "uk", "be", "kk", "en", "de", "fr", "es", "it",
                                           "pt", "pl", "tr", "nl", "cs", "sv", "da", "nb", "fi",
                                           "hu", "ro", "bg", "sr", "hr", "sk", "sl", "lt", "lv",
                                           "et", "el", "ka", "hy", "az", "uz", "ky", "tg", "mn"};

}  // namespace

int LanguagePreference(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kPreferred); ++i) {
    if (kPreferred[i] == code) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kPreferred));
}

bool LanguageWanted(const std::vector<std::string>& only, std::string_view code) {
  return only.empty() || std::find(only.begin(), only.end(), code) != only.end();
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

// Longer forms that begin others are whole words: Kazakh "маусым" begins
// "маусымда", Russian "август" begins "августа"; "сент" of "сентября" and
// "Jan" of "January" are shortened.
bool IsShortened(std::string_view form, bool dotted, const std::vector<std::string>& forms) {
  if (dotted) return true;
  const std::size_t n = CodePointCount(form);
  if (n <= 2) return true;
  if (n > 4) return false;
  for (const std::string& other : forms) {
    if (other.size() > form.size() && other.starts_with(form)) return true;
  }
  return false;
}

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
      if (IsLetterOrMark(static_cast<char32_t>(c))) flags |= kLetterOrMark;
      if (u_isUUppercase(c)) flags |= kUpper;
      if (u_isUWhiteSpace(c) || c == 0xA0) flags |= kSpace;
      // Ⱥ (U+023A) lowers to U+2C65: kBigLower sends it to ICU.
      t[c] = {static_cast<std::uint16_t>(lower < 0x800 ? lower : kBigLower), flags};
    }
    return t;
  }();
  return table;
}

void DateLexicon::Add(std::string word, DateWordEntry entry) {
  std::vector<DateWordEntry>& entries = words_[std::move(word)];
  for (const DateWordEntry& e : entries) {
    if (e.language == entry.language && e.kind == entry.kind && e.value == entry.value) return;
  }
  entries.push_back(entry);
}

void PrefixSet::Add(std::string_view folded) {
  UChar32 letters[3];
  std::size_t count = 0;
  for (std::size_t at = 0; at < folded.size() && count < 3;) {
    U8_NEXT_UNSAFE(folded.data(), at, letters[count]);
    ++count;
  }
  if (count < 3) return;
  if (bits_.empty()) bits_.assign(1024, 0);
  const std::uint32_t h = PrefixHash(letters);
  bits_[h >> 6] |= std::uint64_t{1} << (h & 63);
}

void DateLexicon::Freeze() {
  // In a fixed order, so that the table is the same on every run.
  std::vector<const std::pair<const std::string, std::vector<DateWordEntry>>*> sorted;
  for (const auto& word : words_) sorted.push_back(&word);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::vector<StringTable::Item> items;
  items.reserve(sorted.size());
  first_entry_.clear();
  entries_.clear();
  for (const auto* word : sorted) {
    if (word->first.empty() || word->first.size() > 0xFFFF) continue;  // no name is that long
    items.emplace_back(word->first, static_cast<std::uint32_t>(first_entry_.size()));
    prefixes_.Add(word->first);
    first_entry_.push_back(static_cast<std::uint32_t>(entries_.size()));
    entries_.insert(entries_.end(), word->second.begin(), word->second.end());
  }
  first_entry_.push_back(static_cast<std::uint32_t>(entries_.size()));
  table_ = StringTable(items);
  words_.clear();
}

Result<std::shared_ptr<const DateLexicon>> DateLexicon::Build(
    const RuleFiles& rules, const std::vector<std::string>& only) {
  auto lexicon = std::make_shared<DateLexicon>();
  std::set<std::string> codes;
  std::set<std::string> capitalized_words;  // in every language
  if (Status s = lexicon->AddRuleFiles(rules, only, &codes, &capitalized_words); !s.ok()) {
    return s;
  }
  // CLDR for the rest.
  lexicon->AddCldr(only, &codes);
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
    if (!codes.count(code)) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown language '" + code + "' (no rules/dates file and no CLDR data)");
    }
  }
  return std::shared_ptr<const DateLexicon>(std::move(lexicon));
}

}  // namespace normkit::internal
