#include "variant_lexicon.h"

#include <toml++/toml.h>

#include <set>

#include "variant_key.h"
#include "variant_words.h"

namespace normkit::internal {
namespace {

class LexiconReader {
 public:
  explicit LexiconReader(std::string_view origin) : origin_(origin) {}

  Status Error(const toml::source_region& where, std::string message) const {
    return Status(ErrorCode::kRuleSyntax, std::move(message),
                  {origin_, where.begin.line, where.begin.column, 0});
  }

  // A spelling: a string that is one word, Cyrillic or not as asked.
  Result<LexiconSpelling> Spelling(const toml::node& node, std::string_view what,
                                   bool cyrillic) const {
    const auto* s = node.as_string();
    if (s == nullptr) return Error(node.source(), std::string(what) + ": expected a string");
    const std::string& text = s->get();
    if (!IsSingleWord(text)) {
      return Error(node.source(), std::string(what) + ": '" + text +
                                      "' is not one word (letters, joined by hyphens or "
                                      "apostrophes; one [[name]] per word of a full name)");
    }
    if (cyrillic != HasCyrillic(text)) {
      return Error(node.source(), std::string(what) + ": '" + text + "' " +
                                      (cyrillic ? "has no Cyrillic letter"
                                                : "has a Cyrillic letter (put "
                                                  "Cyrillic forms in 'cyrillic')"));
    }
    return LexiconSpelling{text, node.source().begin.line, node.source().begin.column};
  }

  static std::optional<NameKind> ParseKind(std::string_view s) {
    if (s == "surname") return NameKind::kSurname;
    if (s == "place") return NameKind::kPlace;
    if (s == "given") return NameKind::kGiven;
    if (s == "patronymic") return NameKind::kPatronymic;
    return std::nullopt;
  }

  // A full name: two to kMaxFullNameWords Latin words, one space apart.
  Result<LexiconFullName> FullName(const toml::node& node) const {
    const auto* s = node.as_string();
    if (s == nullptr) return Error(node.source(), "full_names: expected a string");
    LexiconFullName full{{}, node.source().begin.line, node.source().begin.column};
    std::string_view rest = s->get();
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      full.words.emplace_back(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      if (space != std::string_view::npos && rest.empty()) full.words.emplace_back();
    }
    bool ok = full.words.size() >= 2 && full.words.size() <= kMaxFullNameWords;
    for (const std::string& w : full.words) ok = ok && IsSingleWord(w) && !HasCyrillic(w);
    if (!ok) {
      return Error(node.source(), "full_names: '" + s->get() + "' is not 2 to " +
                                      std::to_string(kMaxFullNameWords) +
                                      " Latin words one space apart");
    }
    return full;
  }

  Result<LexiconEntry> Entry(const toml::node& node) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) return Error(node.source(), "a [[name]] must be a table");
    LexiconEntry entry;
    entry.origin = origin_;
    bool has_canonical = false;
    for (const auto& [key, value] : *table) {
      const std::string_view k = key.str();
      if (k == "canonical") {
        Result<LexiconSpelling> s = Spelling(value, "canonical", false);
        if (!s.ok()) return s.status();
        entry.canonical = *s;
        has_canonical = true;
      } else if (k == "cyrillic") {
        if (value.is_string()) {
          Result<LexiconSpelling> s = Spelling(value, "cyrillic", true);
          if (!s.ok()) return s.status();
          entry.cyrillic.emplace_back("ru", *s);
        } else if (const toml::table* forms = value.as_table()) {
          for (const auto& [lang, form] : *forms) {
            const std::string_view code = lang.str();
            if (code.size() < 2 || code.size() > 3 ||
                code.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos) {
              return Error(lang.source(), "cyrillic: '" + std::string(code) +
                                              "' is not a language code (ru, uk, be, kk)");
            }
            Result<LexiconSpelling> s = Spelling(form, "cyrillic." + std::string(code), true);
            if (!s.ok()) return s.status();
            entry.cyrillic.emplace_back(std::string(code), *s);
          }
        } else {
          return Error(value.source(), "cyrillic: expected a string or a table of language = form");
        }
      } else if (k == "variants") {
        const toml::array* array = value.as_array();
        if (array == nullptr) return Error(value.source(), "variants: expected a list of strings");
        for (const toml::node& item : *array) {
          Result<LexiconSpelling> s = Spelling(item, "variants", false);
          if (!s.ok()) return s.status();
          entry.variants.push_back(*s);
        }
      } else if (k == "kind") {
        const auto* s = value.as_string();
        const std::optional<NameKind> kind = s ? ParseKind(s->get()) : std::nullopt;
        if (!kind) {
          return Error(value.source(),
                       "kind: expected \"surname\", \"place\", \"given\" or \"patronymic\"");
        }
        entry.kind = kind;
      } else if (k == "full_names") {
        const toml::array* array = value.as_array();
        if (array == nullptr)
          return Error(value.source(), "full_names: expected a list of strings");
        for (const toml::node& item : *array) {
          Result<LexiconFullName> full = FullName(item);
          if (!full.ok()) return full.status();
          entry.full_names.push_back(std::move(*full));
        }
      } else if (k == "about") {
        const auto* s = value.as_string();
        if (s == nullptr) return Error(value.source(), "about: expected a string");
        entry.about = s->get();
      } else {
        return Error(key.source(), "unknown key '" + std::string(k) +
                                       "' in a [[name]] (canonical, cyrillic, "
                                       "variants, kind, full_names, about)");
      }
    }
    if (!has_canonical) return Error(node.source(), "a [[name]] needs 'canonical'");
    // No spelling twice within the entry.
    std::set<std::string> seen = {entry.canonical.text};
    for (const LexiconSpelling& v : entry.variants) {
      if (!seen.insert(v.text).second) {
        return Status(ErrorCode::kRuleSyntax,
                      "variants: '" + v.text + "' is listed twice (or is the canonical form)",
                      {origin_, v.line, v.column, 0});
      }
    }
    return entry;
  }

 private:
  std::string origin_;
};

}  // namespace

bool IsSingleWord(std::string_view word) {
  if (word.empty()) return false;
  std::size_t len;
  const UChar32 first = CodePointAt(word, 0, &len);
  if (first < 0 || !IsLetter(first)) return false;
  ScannedWord w;
  ScanWord(word, 0, &w);
  return w.end == word.size();
}

Result<std::vector<LexiconEntry>> ParseLexicon(std::string_view text, std::string_view origin) {
  LexiconReader reader(origin);
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return reader.Error(e.source(), std::string(e.description()));
  }
  std::vector<LexiconEntry> entries;
  for (const auto& [key, node] : root) {
    if (key.str() != "name") {
      return reader.Error(key.source(), "unknown key '" + std::string(key.str()) +
                                            "' (a lexicon holds [[name]] tables)");
    }
    const toml::array* names = node.as_array();
    if (names == nullptr) return reader.Error(node.source(), "name: write the entries as [[name]]");
    for (const toml::node& item : *names) {
      Result<LexiconEntry> entry = reader.Entry(item);
      if (!entry.ok()) return entry.status();
      entries.push_back(std::move(*entry));
    }
  }
  return entries;
}

}  // namespace normkit::internal
