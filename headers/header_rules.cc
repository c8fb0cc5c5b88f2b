#include "header_rules.h"

#include <toml++/toml.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "core/char_class.h"
#include "core/rule_paths.h"

namespace normkit::internal {
namespace {

// The rule files: rules/headers/<language>.toml and common.toml, which
// every language reads.
constexpr std::string_view kFolder = "headers";
constexpr std::string_view kCommon = "common";

// Letters, digits and marks make a key; everything else only separates.
bool IsWordChar(UChar32 c) { return IsLetterMarkOrDigit(static_cast<char32_t>(c)); }

}  // namespace

std::string LookupKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    // ASCII letters and digits, the common case, without ICU.
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z')) {
      if (pending_space) key.push_back(' ');
      pending_space = false;
      key.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      ++i;
      continue;
    }
    if (b == ' ') {
      pending_space = !key.empty();
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c < 0) continue;
    if (!IsWordChar(c)) {
      // Inner punctuation stays ("ТАСС-ДОСЬЕ", "Tengrinews.kz"); spaces
      // collapse; what stands at either end goes.
      if (u_isUWhiteSpace(c) || c == '|' || c == 0x2022 || c == 0xB7) {
        pending_space = !key.empty();
      } else if (!key.empty()) {
        if (pending_space) key.push_back(' ');
        pending_space = false;
        char buffer[4];
        std::size_t n = 0;
        U8_APPEND_UNSAFE(buffer, n, c);
        key.append(buffer, n);
      }
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    char buffer[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, u_tolower(c));
    key.append(buffer, n);
  }
  // Trailing punctuation that was kept as inner: drop it.
  while (!key.empty()) {
    std::size_t start = key.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(key[start]) & 0xC0) == 0x80) --start;
    UChar32 c;
    std::size_t at = start;
    U8_NEXT(key.data(), at, key.size(), c);
    if (IsWordChar(c)) break;
    key.resize(start);
    while (!key.empty() && key.back() == ' ') key.pop_back();
  }
  return key;
}

HeaderRules::HeaderRules(std::int64_t regex_memory)
    : date_labels(RE2::ANCHOR_START, regex_memory),
      credits(RE2::ANCHOR_BOTH, regex_memory),
      bylines(RE2::ANCHOR_BOTH, regex_memory),
      notices(RE2::UNANCHORED, regex_memory),
      every_pattern(RE2::UNANCHORED, regex_memory) {}

namespace {

// The kinds in the order their patterns enter every_pattern.
std::array<const PatternSet*, 4> Kinds(const HeaderRules& rules) {
  return {&rules.date_labels, &rules.credits, &rules.bylines, &rules.notices};
}

}  // namespace

void HeaderRules::Candidates(std::string_view line, LineCandidates* out) const {
  std::array<std::vector<int>*, 4> lists = {&out->date_labels, &out->credits, &out->bylines,
                                            &out->notices};
  for (std::vector<int>* list : lists) list->clear();
  std::vector<int> all;
  every_pattern.Candidates(line, &all);
  // `all` is ascending, so each kind's share is too.
  std::size_t kind = 0, first = 0;
  const auto kinds = Kinds(*this);
  for (int index : all) {
    while (static_cast<std::size_t>(index) >= first + kinds[kind]->size())
      first += kinds[kind++]->size();
    lists[kind]->push_back(index - static_cast<int>(first));
  }
}

Result<std::shared_ptr<const HeaderRules>> HeaderRules::Load(
    const RuleFiles& rules, const std::vector<std::string>& languages, std::int64_t regex_memory) {
  auto out = std::make_shared<HeaderRules>(regex_memory);
  for (const std::string& path : RuleFilesIn(rules, kFolder)) {
    const std::string_view code = RuleFileName(path, kFolder);
    if (code != kCommon && !languages.empty() &&
        std::find(languages.begin(), languages.end(), code) == languages.end()) {
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
      std::unordered_set<std::string>* words = k == "navigation"   ? &out->navigation
                                               : k == "teasers"    ? &out->teasers
                                               : k == "sources"    ? &out->sources
                                               : k == "job_titles" ? &out->job_titles
                                               : k == "counters"   ? &out->counters
                                               : k == "switches"   ? &out->switches
                                               : k == "zones"      ? &out->zones
                                                                   : nullptr;
      const bool patterns = k == "date" || k == "credit" || k == "byline" || k == "notice";
      if (words == nullptr && !patterns) {
        return error(key.source(), "unknown key '" + std::string(k) +
                                       "' (language, [[date]], [[credit]], [[byline]], "
                                       "[[notice]], navigation, teasers, sources, job_titles, "
                                       "counters, switches, zones)");
      }
      const toml::array* list = node.as_array();
      if (list == nullptr) {
        return error(node.source(), patterns ? "write rules as [[" + std::string(k) + "]]"
                                             : std::string(k) + ": expected a list of strings");
      }
      for (const toml::node& item : *list) {
        if (words != nullptr) {
          const std::string key_text =
              item.is_string() ? LookupKey(*item.value<std::string>()) : "";
          if (key_text.empty()) {
            return error(item.source(), std::string(k) + ": expected words (strings with letters)");
          }
          if (words == &out->teasers)
            out->longest_teaser = std::max(out->longest_teaser, key_text.size());
          words->insert(key_text);
          out->first_words.insert(key_text.substr(0, key_text.find(' ')));
          continue;
        }
        const toml::table* rule = item.as_table();
        if (rule != nullptr) {
          // A list written after a [[rule]] belongs to that rule in TOML: a
          // key no rule has is that mistake, or a typo.
          for (const auto& [rule_key, value] : *rule) {
            if (rule_key.str() != "pattern" && !(k == "date" && rule_key.str() == "field")) {
              return error(rule_key.source(), "unknown key '" + std::string(rule_key.str()) +
                                                  "' in a [[" + std::string(k) +
                                                  "]] rule (lists go before the first [[...]])");
            }
          }
        }
        const toml::node* pattern_node = rule ? rule->get("pattern") : nullptr;
        if (pattern_node == nullptr || !pattern_node->is_string()) {
          return error(item.source(), "a rule needs pattern = '...'");
        }
        const std::string_view pattern = pattern_node->as_string()->get();
        const toml::source_region& at = pattern_node->source();
        const SourcePosition where{origin, at.begin.line, at.begin.column, 0};
        Status added;
        if (k == "date") {
          const toml::node* field_node = rule->get("field");
          const std::string field = field_node ? field_node->value_or(std::string()) : "";
          if (field != "published" && field != "modified" && field != "updated") {
            return error(field_node ? field_node->source() : item.source(),
                         "field: expected published, modified or updated");
          }
          added = out->date_labels.Add(pattern, where);
          out->date_fields.push_back(field);
        } else if (k == "notice") {
          added = out->notices.Add(pattern, where);
        } else {
          added = (k == "credit" ? out->credits : out->bylines).Add(pattern, where, 1);
        }
        if (!added.ok()) return added;
      }
    }
  }
  // Only the date labels are also matched as a set of their own (on part of
  // a line); the other kinds' candidates come from every_pattern, whose
  // patterns were each compiled above.
  if (Status s = out->date_labels.Compile(); !s.ok()) return s;
  for (const PatternSet* set : Kinds(*out)) {
    for (int i = 0; i < static_cast<int>(set->size()); ++i) {
      const std::string& pattern = set->text(i);
      out->every_pattern.AddToSetOnly(set->anchor() == RE2::UNANCHORED    ? pattern
                                      : set->anchor() == RE2::ANCHOR_BOTH ? "^(?:" + pattern + ")$"
                                                                          : "^(?:" + pattern + ")",
                                      set->where(i));
    }
  }
  if (Status s = out->every_pattern.Compile(); !s.ok()) return s;
  return std::shared_ptr<const HeaderRules>(std::move(out));
}

}  // namespace normkit::internal
