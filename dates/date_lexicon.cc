// The date lexicon's table and the facts about small code points; Build(),
// which reads the rule files (date_lexicon_rules.cc), then CLDR
// (date_lexicon_cldr.cc), and freezes the words into one StringTable.
#include "date_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <mutex>

#include "core/char_class.h"

namespace normkit::internal {

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

void DateLexicon::Add(std::string_view word, DateWordEntry entry) {
  AddLasting(copies_.emplace_back(word), entry);
}

void DateLexicon::AddLasting(std::string_view word, DateWordEntry entry) {
  added_.emplace_back(word, entry);
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

namespace {

// A word's first eight bytes as a number, the first byte highest, a shorter
// word padded with zeros: of two words, the one with the smaller number is
// the smaller string, and most words of the lexicon differ there, so that
// sorting them mostly compares numbers.
std::uint64_t FirstBytes(std::string_view word) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    n = n << 8 | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0u);
  }
  return n;
}

}  // namespace

void DateLexicon::Freeze(const std::set<std::string>& capitalized) {
  // By word, each word's entries in the order added (best language first);
  // the same entries in the same order give the same table on every run.
  struct Added {
    std::uint64_t first_bytes;
    std::uint32_t index;  // in added_
  };
  std::vector<Added> order(added_.size());
  for (std::size_t i = 0; i < added_.size(); ++i) {
    order[i] = {FirstBytes(added_[i].first), static_cast<std::uint32_t>(i)};
  }
  std::sort(order.begin(), order.end(), [&](const Added& a, const Added& b) {
    if (a.first_bytes != b.first_bytes) return a.first_bytes < b.first_bytes;
    const int c = added_[a.index].first.compare(added_[b.index].first);
    return c != 0 ? c < 0 : a.index < b.index;
  });
  auto word_of = [&](const Added& a) { return added_[a.index].first; };
  for (const std::string& word : capitalized) {
    auto it =
        std::lower_bound(order.begin(), order.end(), word,
                         [&](const Added& a, const std::string& w) { return word_of(a) < w; });
    for (; it != order.end() && word_of(*it) == word; ++it) {
      DateWordEntry& e = added_[it->index].second;
      if (e.kind == DateWord::kMonth) e.capitalized_only = true;
    }
  }
  std::vector<StringTable::Item> items;
  items.reserve(order.size());
  first_entry_.clear();
  entries_.clear();
  entries_.reserve(added_.size());
  for (std::size_t i = 0, end; i < order.size(); i = end) {
    const std::string_view word = word_of(order[i]);
    for (end = i + 1; end < order.size() && word_of(order[end]) == word;) ++end;
    if (word.empty() || word.size() > 0xFFFF) continue;  // no name is that long
    items.emplace_back(word, static_cast<std::uint32_t>(first_entry_.size()));
    prefixes_.Add(word);
    const std::size_t first = entries_.size();
    first_entry_.push_back(static_cast<std::uint32_t>(first));
    for (std::size_t k = i; k < end; ++k) {
      const DateWordEntry& e = added_[order[k].index].second;
      const bool seen = std::any_of(entries_.begin() + first, entries_.end(), [&](const auto& o) {
        return o.language == e.language && o.kind == e.kind && o.value == e.value;
      });
      if (!seen) entries_.push_back(e);
    }
  }
  first_entry_.push_back(static_cast<std::uint32_t>(entries_.size()));
  table_ = StringTable(items);
  added_ = {};
  copies_ = {};
}

namespace {

// The last lexicon built, and from what. A pipeline's clean step and its
// dates step each create a DateFinder of the same languages and rules, and
// a lexicon of every language takes some 4 ms to build; it is kept only
// while a finder holds it.
struct LastLexicon {
  std::mutex mutex;
  std::string key;
  std::weak_ptr<const DateLexicon> lexicon;
};

}  // namespace

Result<std::shared_ptr<const DateLexicon>> DateLexicon::Build(
    const RuleFiles& rules, const std::vector<std::string>& only) {
  // Besides these, a lexicon is built from the CLDR table, the same for all.
  std::string key;
  for (const std::string& code : only) key.append(std::to_string(code.size())).append(":" + code);
  key += '\n';
  AppendRuleFilesKey(rules, &key);
  static auto* last = new LastLexicon;
  {
    std::lock_guard<std::mutex> lock(last->mutex);
    if (last->key == key) {
      if (std::shared_ptr<const DateLexicon> kept = last->lexicon.lock()) return kept;
    }
  }

  auto lexicon = std::make_shared<DateLexicon>();
  std::set<std::string> codes;
  std::set<std::string> capitalized_words;  // in every language
  if (Status s = lexicon->AddRuleFiles(rules, only, &codes, &capitalized_words); !s.ok()) {
    return s;
  }
  // CLDR for the rest.
  lexicon->AddCldr(only, &codes);
  // "may" is an English word before it is a month in any language.
  lexicon->Freeze(capitalized_words);
  for (const std::string& code : only) {
    if (!codes.count(code)) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown language '" + code + "' (no rules/dates file and no CLDR data)");
    }
  }
  std::shared_ptr<const DateLexicon> built(std::move(lexicon));
  std::lock_guard<std::mutex> lock(last->mutex);
  last->key = std::move(key);
  last->lexicon = built;
  return built;
}

}  // namespace normkit::internal
