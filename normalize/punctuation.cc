#include "punctuation.h"

#include <toml++/toml.h>

#include <optional>

#include "utf8.h"

namespace normkit::internal {
namespace {

// Reads rule values and turns every problem into a Status that points into
// the file.
class ProfileReader {
 public:
  explicit ProfileReader(std::string_view path) : path_(path) {}

  Status Error(const toml::source_region& where, std::string message) const {
    return Status(ErrorCode::kRuleSyntax, std::move(message),
                  {path_, where.begin.line, where.begin.column, 0});
  }

  // The one code point in a string value.
  Result<char32_t> CodePoint(const toml::node& node, std::string_view key) {
    Result<std::u32string> s = CodePoints(node, key);
    if (!s.ok()) return s.status();
    if (s->size() != 1) {
      return Error(node.source(), std::string(key) +
                                      ": expected one character, got " +
                                      std::to_string(s->size()));
    }
    return (*s)[0];
  }

  // A string value as code points.
  Result<std::u32string> CodePoints(const toml::node& node,
                                    std::string_view key) {
    const auto* str = node.as_string();
    if (str == nullptr) {
      return Error(node.source(), std::string(key) + ": expected a string");
    }
    std::u32string out;
    const std::string& bytes = str->get();
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
      char32_t cp;
      p += DecodeUtf8(p, end, &cp);
      out.push_back(cp);
    }
    if (out.empty()) {
      return Error(node.source(), std::string(key) + ": must not be empty");
    }
    return out;
  }

  // An array of one-character strings, given to `add` one by one.
  template <typename Add>
  Status EachCodePoint(const toml::table& table, std::string_view key,
                       Add add) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      return Error(table.source(), "missing key '" + std::string(key) + "'");
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      return Error(node->source(),
                   std::string(key) + ": expected an array of characters");
    }
    for (const toml::node& item : *array) {
      Result<char32_t> c = CodePoint(item, key);
      if (!c.ok()) return c.status();
      if (Status s = add(*c, item); !s.ok()) return s;
    }
    return Status();
  }

  // A two-element array: the opening and the closing mark of a style.
  Status Pair(const toml::table& table, std::string_view key, char32_t* open,
              char32_t* close) {
    const toml::node* node = table.get(key);
    const toml::array* array = node ? node->as_array() : nullptr;
    if (array == nullptr || array->size() != 2) {
      return Error(node ? node->source() : table.source(),
                   std::string(key) + ": expected [opening, closing]");
    }
    Result<char32_t> a = CodePoint(*array->get(0), key);
    if (!a.ok()) return a.status();
    Result<char32_t> b = CodePoint(*array->get(1), key);
    if (!b.ok()) return b.status();
    *open = *a;
    *close = *b;
    return Status();
  }

  const toml::table* Table(const toml::table& parent, std::string_view key,
                           Status* status) {
    const toml::node* node = parent.get(key);
    const toml::table* table = node ? node->as_table() : nullptr;
    if (table == nullptr) {
      *status = Error(node ? node->source() : parent.source(),
                      "missing table [" + std::string(key) + "]");
    }
    return table;
  }

 private:
  std::string path_;
};

bool IsSpace(char32_t c) { return c == ' ' || c == '\t'; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

}  // namespace

PunctuationProfile::Role PunctuationProfile::RoleOf(char32_t c) const {
  auto it = roles_.find(c);
  return it == roles_.end() ? Role::kNone : it->second;
}

Result<PunctuationProfile> PunctuationProfile::Parse(std::string_view text,
                                                     std::string_view path,
                                                     std::string_view style) {
  ProfileReader reader(path);
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return reader.Error(e.source(), std::string(e.description()));
  }

  PunctuationProfile p;
  Status status;
  const toml::table* quotes = reader.Table(root, "quotes", &status);
  if (quotes == nullptr) return status;

  auto assign = [&](Role role) {
    return [&p, &reader, role](char32_t c, const toml::node& item) -> Status {
      if (!p.roles_.emplace(c, role).second) {
        return reader.Error(item.source(), "character listed twice");
      }
      return Status();
    };
  };
  const std::pair<std::string_view, Role> kQuoteRoles[] = {
      {"double_opening", Role::kDoubleOpening},
      {"double_closing", Role::kDoubleClosing},
      {"double_either", Role::kDoubleEither},
      {"single_opening", Role::kSingleOpening},
      {"single_closing", Role::kSingleClosing},
      {"single_either", Role::kSingleEither},
  };
  for (const auto& [key, role] : kQuoteRoles) {
    if (Status s = reader.EachCodePoint(*quotes, key, assign(role)); !s.ok()) {
      return s;
    }
  }

  const toml::table* styles = reader.Table(*quotes, "styles", &status);
  if (styles == nullptr) return status;
  const toml::node* chosen_node = styles->get(style);
  const toml::table* chosen = chosen_node ? chosen_node->as_table() : nullptr;
  if (chosen == nullptr) {
    std::string names;
    for (const auto& [name, node] : *styles) {
      names += names.empty() ? "" : ", ";
      names += std::string(name.str());
    }
    return Status(ErrorCode::kInvalidArgument,
                  "unknown quote style '" + std::string(style) +
                      "' (known: " + names + ")");
  }
  if (Status s = reader.Pair(*chosen, "double", &p.double_open_,
                             &p.double_close_);
      !s.ok()) {
    return s;
  }
  if (Status s = reader.Pair(*chosen, "single", &p.single_open_,
                             &p.single_close_);
      !s.ok()) {
    return s;
  }
  const toml::node* apostrophe = chosen->get("apostrophe");
  if (apostrophe == nullptr) {
    return reader.Error(chosen->source(), "missing key 'apostrophe'");
  }
  Result<char32_t> a = reader.CodePoint(*apostrophe, "apostrophe");
  if (!a.ok()) return a.status();
  p.apostrophe_ = *a;
  // A style must read back as itself on a second pass (idempotence).
  auto check_role = [&](char32_t c, std::initializer_list<Role> allowed,
                        const char* what) -> Status {
    for (Role r : allowed) {
      if (p.RoleOf(c) == r) return Status();
    }
    return reader.Error(chosen->source(),
                        std::string("style '") + std::string(style) + "': " +
                            what + " mark is not listed with that role");
  };
  for (const Status& s :
       {check_role(p.double_open_,
                   {Role::kDoubleOpening, Role::kDoubleEither}, "opening double"),
        check_role(p.double_close_,
                   {Role::kDoubleClosing, Role::kDoubleEither}, "closing double"),
        check_role(p.single_open_,
                   {Role::kSingleOpening, Role::kSingleEither}, "opening single"),
        check_role(p.single_close_,
                   {Role::kSingleClosing, Role::kSingleEither}, "closing single"),
        check_role(p.apostrophe_, {Role::kSingleEither}, "apostrophe")}) {
    if (!s.ok()) return s;
  }

  const toml::table* dashes = reader.Table(root, "dashes", &status);
  if (dashes == nullptr) return status;
  if (Status s = reader.EachCodePoint(*dashes, "hyphens", assign(Role::kHyphen));
      !s.ok()) {
    return s;
  }
  if (Status s = reader.EachCodePoint(*dashes, "dashes", assign(Role::kDash));
      !s.ok()) {
    return s;
  }
  for (auto [key, target] : {std::pair{"dash", &p.dash_},
                             std::pair{"range_dash", &p.range_dash_}}) {
    const toml::node* node = dashes->get(key);
    if (node == nullptr) {
      return reader.Error(dashes->source(),
                          "missing key '" + std::string(key) + "'");
    }
    Result<char32_t> c = reader.CodePoint(*node, key);
    if (!c.ok()) return c.status();
    *target = *c;
  }
  const toml::node* spaced = dashes->get("spaced_hyphen");
  if (spaced == nullptr || !spaced->is_boolean()) {
    return reader.Error(spaced ? spaced->source() : dashes->source(),
                        "spaced_hyphen: expected true or false");
  }
  p.spaced_hyphen_ = spaced->as_boolean()->get();

  const toml::table* ellipsis = reader.Table(root, "ellipsis", &status);
  if (ellipsis == nullptr) return status;
  const toml::node* form = ellipsis->get("ellipsis");
  if (form == nullptr) {
    return reader.Error(ellipsis->source(), "missing key 'ellipsis'");
  }
  Result<std::u32string> e = reader.CodePoints(*form, "ellipsis");
  if (!e.ok()) return e.status();
  if (*e != U"..." && *e != U"\u2026") {
    return reader.Error(form->source(),
                        "ellipsis: expected \"...\" or \"\\u2026\"");
  }
  p.ellipsis_ = *e;

  const toml::table* spacing = reader.Table(root, "spacing", &status);
  if (spacing == nullptr) return status;
  auto insert_into = [](std::unordered_set<char32_t>* set) {
    return [set](char32_t c, const toml::node&) {
      set->insert(c);
      return Status();
    };
  };
  for (auto [key, set] :
       {std::pair{"collapse_repeats", &p.collapse_repeats_},
        std::pair{"no_space_before", &p.no_space_before_},
        std::pair{"no_space_after", &p.no_space_after_}}) {
    if (Status s = reader.EachCodePoint(*spacing, key, insert_into(set));
        !s.ok()) {
      return s;
    }
  }
  return p;
}

void PunctuationProfile::Apply(std::string_view line, std::u32string* scratch,
                               std::string* out) const {
  // Decode once; the line is valid UTF-8 (the normalizer repaired it).
  std::u32string& s = *scratch;
  s.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const auto* end = p + line.size();
  while (p < end) {
    char32_t cp;
    p += DecodeUtf8(p, end, &cp);
    s.push_back(cp == kIllFormed ? kReplacementCharacter : cp);
  }

  // Pass 1: hyphens, dashes, ellipses and repeated marks, into `t`.
  std::u32string t;
  t.reserve(s.size() + 4);
  const std::size_t n = s.size();
  auto at = [&](std::size_t i) -> char32_t { return i < n ? s[i] : 0; };
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = s[i];
    const Role role = RoleOf(c);
    const char32_t prev = t.empty() ? 0 : t.back();
    if (role == Role::kHyphen) {
      t.push_back('-');
    } else if (role == Role::kDash) {
      t.push_back(IsDigit(prev) && IsDigit(at(i + 1)) ? range_dash_ : dash_);
    } else if (c == '-' && spaced_hyphen_ && prev == ' ' &&
               (at(i + 1) == ' ' || (at(i + 1) == '-' && at(i + 2) == ' '))) {
      t.push_back(dash_);
      if (at(i + 1) == '-') ++i;
    } else if (c == U'\u2026' ||
               (c == '.' && at(i + 1) == '.' && at(i + 2) == '.' &&
                at(i + 3) != '.' && prev != '.')) {
      t += ellipsis_;
      if (c == '.') i += 2;
    } else if (collapse_repeats_.count(c) != 0 && prev == c) {
      // the first of the run is already out
    } else {
      t.push_back(c);
    }
  }

  // Pass 2: quotation marks. An ambiguous mark opens after a space, a line
  // start, a bracket, a dash or another opening mark when a non-space
  // follows; closes after anything else; stays as it is between two spaces.
  enum Direction : unsigned char { kFree, kOpening, kClosing };
  std::basic_string<unsigned char> direction(t.size(), kFree);
  auto is_opening_context = [&](std::size_t i) {
    if (i == 0) return true;
    const char32_t c = t[i - 1];
    return IsSpace(c) || c == '(' || c == '[' || c == '{' || c == '-' ||
           RoleOf(c) == Role::kDash || c == dash_ || direction[i - 1] == kOpening;
  };
  auto is_closing_context = [&](std::size_t i) {
    if (i + 1 >= t.size()) return true;
    const char32_t c = t[i + 1];
    return IsSpace(c) || no_space_before_.count(c) != 0;
  };
  auto is_letter = [](char32_t c) {
    return c > 0x7F ? c != 0xA0 : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Role role = RoleOf(t[i]);
    switch (role) {
      case Role::kDoubleOpening:
        t[i] = double_open_;
        direction[i] = kOpening;
        break;
      case Role::kDoubleClosing:
        t[i] = double_close_;
        direction[i] = kClosing;
        break;
      case Role::kSingleOpening:
        t[i] = single_open_;
        direction[i] = kOpening;
        break;
      case Role::kSingleClosing:
        t[i] = single_close_;
        direction[i] = kClosing;
        break;
      case Role::kDoubleEither:
      case Role::kSingleEither: {
        const bool is_double = role == Role::kDoubleEither;
        if (!is_double && i > 0 && i + 1 < t.size() && is_letter(t[i - 1]) &&
            is_letter(t[i + 1])) {
          t[i] = apostrophe_;
          break;
        }
        const bool open_ctx = is_opening_context(i);
        const bool close_ctx = is_closing_context(i);
        if (open_ctx && close_ctx) break;  // free-standing: leave it
        direction[i] = open_ctx ? kOpening : kClosing;
        if (is_double) {
          t[i] = open_ctx ? double_open_ : double_close_;
        } else {
          t[i] = open_ctx ? single_open_ : single_close_;
        }
        break;
      }
      default:
        break;
    }
  }

  // Pass 3: spaces before closing marks and after opening ones go.
  std::u32string u;
  u.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char32_t c = t[i];
    if (c == ' ') {
      // Skip the run if what follows must not have a space before it, or
      // what precedes must not have one after it.
      std::size_t j = i;
      while (j < t.size() && t[j] == ' ') ++j;
      const bool before_closer =
          j < t.size() && (no_space_before_.count(t[j]) != 0 ||
                           direction[j] == kClosing);
      const bool after_opener =
          i > 0 && (no_space_after_.count(t[i - 1]) != 0 ||
                    direction[i - 1] == kOpening);
      if ((before_closer && i > 0) || (after_opener && j < t.size())) {
        i = j - 1;
        continue;
      }
    }
    u.push_back(c);
  }
  for (char32_t c : u) AppendUtf8(c, out);
}

}  // namespace normkit::internal
