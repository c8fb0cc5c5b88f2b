#include "scheme.h"

#include <toml++/toml.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>
#include <optional>
#include <set>

namespace normkit::internal {
namespace {

bool IsCyrillic(char32_t c) {
  // The Cyrillic blocks (Blocks.txt, Unicode 15.0): Cyrillic, Cyrillic
  // Supplement, Extended-C, Extended-A, Extended-B.
  return (c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F) ||
         (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F);
}

std::u32string Lower(std::u32string s) {
  for (char32_t& c : s) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return s;
}

// Reads one scheme file; every error points at the node it is about.
class SchemeReader {
 public:
  explicit SchemeReader(std::string_view origin) : origin_(origin) {}

  Status Error(const toml::source_region& where, std::string message) const {
    return Status(ErrorCode::kRuleSyntax, std::move(message),
                  {origin_, where.begin.line, where.begin.column, 0});
  }

  Result<std::string> String(const toml::node& node, std::string_view what) {
    const auto* s = node.as_string();
    if (s == nullptr) return Error(node.source(), std::string(what) + ": expected a string");
    return s->get();
  }

  // A required top-level value of type T.
  template <typename T>
  Result<T> Required(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      return Error(table.source(), "missing key '" + std::string(key) + "'");
    }
    std::optional<T> value = node->value<T>();
    if (!value) {
      return Error(node->source(), std::string(key) + ": wrong type");
    }
    return *value;
  }

  // A list of letters: single letters and "@class" names.
  Result<std::u32string> LetterList(const toml::node& node, std::string_view what) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      return Error(node.source(), std::string(what) + ": expected a list of letters and @classes");
    }
    std::u32string letters;
    for (const toml::node& item : *array) {
      Result<std::string> s = String(item, what);
      if (!s.ok()) return s.status();
      if (s->starts_with("@")) {
        auto it = classes_.find(s->substr(1));
        if (it == classes_.end()) {
          return Error(item.source(), "unknown class '" + *s + "'");
        }
        letters += it->second;
        continue;
      }
      std::u32string cps = CodePoints(*s);
      if (cps.size() != 1) {
        return Error(item.source(),
                     std::string(what) + ": expected one letter or @class, got '" + *s + "'");
      }
      letters += Lower(cps);
    }
    return letters;
  }

  Status CheckOutput(const toml::node& node, const std::string& output) {
    for (char32_t c : CodePoints(output)) {
      if (IsCyrillic(c)) {
        return Error(node.source(), "output '" + output + "' contains a Cyrillic letter");
      }
    }
    return Status();
  }

  Status ReadClasses(const toml::table& table) {
    for (const auto& [key, node] : table) {
      Result<std::string> s = String(node, "class " + std::string(key.str()));
      if (!s.ok()) return s.status();
      classes_[std::string(key.str())] = Lower(CodePoints(*s));
    }
    return Status();
  }

  Status ReadLetters(const toml::table& table, Scheme* scheme) {
    std::set<char32_t> seen;
    for (const auto& [key, node] : table) {
      std::u32string source = CodePoints(key.str());
      if (source.size() != 1) {
        return Error(key.source(), "letter '" + std::string(key.str()) +
                                       "' must be one character (use [[rules]] "
                                       "for sequences)");
      }
      Result<std::string> output = String(node, "letter " + std::string(key.str()));
      if (!output.ok()) return output.status();
      if (Status s = CheckOutput(node, *output); !s.ok()) return s;
      const char32_t c = source[0];
      if (!seen.insert(c).second) {
        return Error(key.source(), "letter '" + std::string(key.str()) + "' listed twice");
      }
      if (u_isupper(static_cast<UChar32>(c))) {
        scheme->upper_letters.emplace_back(c, *output);
      } else {
        scheme->letters.emplace_back(c, *output);
      }
    }
    return Status();
  }

  Status ReadRule(const toml::node& node, Scheme* scheme) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return Error(node.source(), "a rule must be a table");
    ContextRule rule;
    rule.line = node.source().begin.line;
    bool has_match = false, has_output = false;
    for (const auto& [key, value] : *table) {
      const std::string_view k = key.str();
      if (k == "match") {
        Result<std::string> s = String(value, "match");
        if (!s.ok()) return s.status();
        rule.match = Lower(CodePoints(*s));
        if (rule.match.empty()) return Error(value.source(), "match: must not be empty");
        has_match = true;
      } else if (k == "output") {
        if (const toml::array* pieces = value.as_array()) {
          for (const toml::node& piece : *pieces) {
            Result<std::string> p = String(piece, "output");
            if (!p.ok()) return p.status();
            if (Status st = CheckOutput(piece, *p); !st.ok()) return st;
            rule.pieces.push_back(*p);
            rule.output += *p;
          }
        } else {
          Result<std::string> s = String(value, "output");
          if (!s.ok()) return s.status();
          if (Status st = CheckOutput(value, *s); !st.ok()) return st;
          rule.output = *s;
        }
        has_output = true;
      } else if (k == "word_start" || k == "word_end") {
        const auto* b = value.as_boolean();
        if (b == nullptr) return Error(value.source(), std::string(k) + ": expected true or false");
        (k == "word_start" ? rule.word_start : rule.word_end) = b->get();
      } else if (k == "after" || k == "not_after" || k == "before" || k == "not_before") {
        Result<std::u32string> letters = LetterList(value, k);
        if (!letters.ok()) return letters.status();
        (k == "after"       ? rule.after
         : k == "not_after" ? rule.not_after
         : k == "before"    ? rule.before
                            : rule.not_before) = *letters;
      } else {
        return Error(key.source(), "unknown key '" + std::string(k) +
                                       "' in a rule (match, output, word_start, word_end, "
                                       "after, not_after, before, not_before)");
      }
    }
    if (!has_match || !has_output) {
      return Error(node.source(), "a rule needs 'match' and 'output'");
    }
    if (!rule.pieces.empty() && rule.pieces.size() != rule.match.size()) {
      return Error(table->get("output")->source(),
                   "output: a list needs one piece per letter of 'match' (" +
                       std::to_string(rule.match.size()) + ")");
    }
    scheme->rules.push_back(std::move(rule));
    return Status();
  }

  Status ReadTests(const toml::table& table, Scheme* scheme) {
    for (const auto& [key, value] : table) {
      if (key.str() != "pairs") {
        return Error(key.source(),
                     "unknown key '" + std::string(key.str()) + "' in [tests] (pairs)");
      }
      const toml::array* pairs = value.as_array();
      if (pairs == nullptr) return Error(value.source(), "pairs: expected a list");
      for (const toml::node& pair : *pairs) {
        const toml::array* two = pair.as_array();
        if (two == nullptr || two->size() != 2 || !two->get(0)->is_string() ||
            !two->get(1)->is_string()) {
          return Error(pair.source(), "a test pair is [\"Cyrillic\", \"Latin\"]");
        }
        scheme->tests.emplace_back(two->get(0)->as_string()->get(),
                                   two->get(1)->as_string()->get());
      }
    }
    return Status();
  }

 private:
  std::string origin_;
  std::map<std::string, std::u32string, std::less<>> classes_;
};

}  // namespace

std::u32string CodePoints(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, utf8.size(), c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

Result<Scheme> ParseScheme(std::string_view text, std::string_view origin,
                           std::string_view expected_id) {
  SchemeReader reader(origin);
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return reader.Error(e.source(), std::string(e.description()));
  }
  Scheme scheme;
  scheme.origin = std::string(origin);
  static const std::set<std::string_view> kKnown = {
      "id",       "title",   "standard", "year",  "reversible", "case_locale",
      "fallback", "classes", "letters",  "rules", "tests"};
  for (const auto& [key, node] : root) {
    if (kKnown.count(key.str()) == 0) {
      return reader.Error(key.source(), "unknown key '" + std::string(key.str()) + "'");
    }
  }
  Result<std::string> id = reader.Required<std::string>(root, "id");
  if (!id.ok()) return id.status();
  if (!expected_id.empty() && *id != expected_id) {
    return reader.Error(
        root.get("id")->source(),
        "id '" + *id + "' does not match the file's path (" + std::string(expected_id) + ")");
  }
  scheme.info.id = *id;
  Result<std::string> title = reader.Required<std::string>(root, "title");
  if (!title.ok()) return title.status();
  scheme.info.title = *title;
  Result<std::string> standard = reader.Required<std::string>(root, "standard");
  if (!standard.ok()) return standard.status();
  scheme.info.standard = *standard;
  Result<int64_t> year = reader.Required<int64_t>(root, "year");
  if (!year.ok()) return year.status();
  scheme.info.year = static_cast<int>(*year);
  if (root.get("reversible") != nullptr) {
    Result<bool> reversible = reader.Required<bool>(root, "reversible");
    if (!reversible.ok()) return reversible.status();
    scheme.info.reversible = *reversible;
  }
  if (root.get("case_locale") != nullptr) {
    Result<std::string> locale = reader.Required<std::string>(root, "case_locale");
    if (!locale.ok()) return locale.status();
    scheme.case_locale = *locale;
  }
  scheme.fallback = *id == "cyrl/iso_9" ? "" : "cyrl/iso_9";
  if (root.get("fallback") != nullptr) {
    Result<std::string> fallback = reader.Required<std::string>(root, "fallback");
    if (!fallback.ok()) return fallback.status();
    scheme.fallback = *fallback == "none" ? "" : *fallback;
    const toml::source_region& at = root.get("fallback")->source();
    scheme.fallback_line = at.begin.line;
    scheme.fallback_column = at.begin.column;
  }
  if (const toml::node* classes = root.get("classes")) {
    if (!classes->is_table()) return reader.Error(classes->source(), "[classes] must be a table");
    if (Status s = reader.ReadClasses(*classes->as_table()); !s.ok()) return s;
  }
  const toml::node* letters = root.get("letters");
  if (letters == nullptr || !letters->is_table()) {
    return reader.Error(letters ? letters->source() : root.source(), "missing table [letters]");
  }
  if (Status s = reader.ReadLetters(*letters->as_table(), &scheme); !s.ok()) return s;
  if (const toml::node* rules = root.get("rules")) {
    const toml::array* array = rules->as_array();
    if (array == nullptr) return reader.Error(rules->source(), "rules: write them as [[rules]]");
    for (const toml::node& rule : *array) {
      if (Status s = reader.ReadRule(rule, &scheme); !s.ok()) return s;
    }
  }
  if (const toml::node* tests = root.get("tests")) {
    if (!tests->is_table()) return reader.Error(tests->source(), "[tests] must be a table");
    if (Status s = reader.ReadTests(*tests->as_table(), &scheme); !s.ok()) return s;
  }
  if (scheme.info.reversible && !scheme.rules.empty()) {
    return reader.Error(root.get("reversible")->source(),
                        "a reversible scheme maps letter to letter: it cannot "
                        "have [[rules]]");
  }
  return scheme;
}

}  // namespace normkit::internal
