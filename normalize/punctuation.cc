#include "punctuation.h"

#include <toml++/toml.h>
#include <utf8proc.h>

#include <optional>

#include "core/char_class.h"
#include "core/utf8.h"

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
      return Error(node.source(),
                   std::string(key) + ": expected one character, got " + std::to_string(s->size()));
    }
    return (*s)[0];
  }

  // A string value as code points.
  Result<std::u32string> CodePoints(const toml::node& node, std::string_view key) {
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
  Status EachCodePoint(const toml::table& table, std::string_view key, Add add) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      return Error(table.source(), "missing key '" + std::string(key) + "'");
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      return Error(node->source(), std::string(key) + ": expected an array of characters");
    }
    for (const toml::node& item : *array) {
      Result<char32_t> c = CodePoint(item, key);
      if (!c.ok()) return c.status();
      if (Status s = add(*c, item); !s.ok()) return s;
    }
    return Status();
  }

  // A two-element array: the opening and the closing mark of a style.
  Status Pair(const toml::table& table, std::string_view key, char32_t* open, char32_t* close) {
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

  const toml::table* Table(const toml::table& parent, std::string_view key, Status* status) {
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

// Spaces for reading quote directions: the ASCII space, the tab and every
// other Zs (they are still there when the whitespace rule is off).
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' ||
         (c >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS);
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// What indentation is made of: spaces, tabs, and what the whitespace rule
// maps to a space (it has not, when that rule is off).
bool IsIndentation(char32_t c) {
  return IsSpace(c) || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

}  // namespace

PunctuationProfile::Role PunctuationProfile::RoleOf(char32_t c) const {
  if (!Listed(c)) return Role::kNone;
  auto it = roles_.find(c);
  return it == roles_.end() ? Role::kNone : it->second;
}

Result<PunctuationProfile> PunctuationProfile::Parse(std::string_view text, std::string_view path,
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
      if (c < 0x10000) p.listed_.set(c);
      return Status();
    };
  };
  const std::pair<std::string_view, Role> kQuoteRoles[] = {
      {"double_opening", Role::kDoubleOpening}, {"double_closing", Role::kDoubleClosing},
      {"double_either", Role::kDoubleEither},   {"single_opening", Role::kSingleOpening},
      {"single_closing", Role::kSingleClosing}, {"single_either", Role::kSingleEither},
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
                  "unknown quote style '" + std::string(style) + "' (known: " + names + ")");
  }
  if (Status s = reader.Pair(*chosen, "double", &p.double_open_, &p.double_close_); !s.ok()) {
    return s;
  }
  if (Status s = reader.Pair(*chosen, "single", &p.single_open_, &p.single_close_); !s.ok()) {
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
    return reader.Error(chosen->source(), std::string("style '") + std::string(style) +
                                              "': " + what + " mark is not listed with that role");
  };
  for (const Status& s :
       {check_role(p.double_open_, {Role::kDoubleOpening, Role::kDoubleEither}, "opening double"),
        check_role(p.double_close_, {Role::kDoubleClosing, Role::kDoubleEither}, "closing double"),
        check_role(p.single_open_, {Role::kSingleOpening, Role::kSingleEither}, "opening single"),
        check_role(p.single_close_, {Role::kSingleClosing, Role::kSingleEither}, "closing single"),
        check_role(p.apostrophe_, {Role::kSingleEither}, "apostrophe")}) {
    if (!s.ok()) return s;
  }

  const toml::table* dashes = reader.Table(root, "dashes", &status);
  if (dashes == nullptr) return status;
  if (Status s = reader.EachCodePoint(*dashes, "hyphens", assign(Role::kHyphen)); !s.ok()) {
    return s;
  }
  if (Status s = reader.EachCodePoint(*dashes, "dashes", assign(Role::kDash)); !s.ok()) {
    return s;
  }
  for (auto [key, target] :
       {std::pair{"dash", &p.dash_}, std::pair{"range_dash", &p.range_dash_}}) {
    const toml::node* node = dashes->get(key);
    if (node == nullptr) {
      return reader.Error(dashes->source(), "missing key '" + std::string(key) + "'");
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
    return reader.Error(form->source(), "ellipsis: expected \"...\" or \"\\u2026\"");
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
  for (auto [key, set] : {std::pair{"collapse_repeats", &p.collapse_repeats_},
                          std::pair{"no_space_before", &p.no_space_before_},
                          std::pair{"no_space_after", &p.no_space_after_}}) {
    if (Status s = reader.EachCodePoint(*spacing, key, insert_into(set)); !s.ok()) {
      return s;
    }
  }
  for (const auto* set : {&p.collapse_repeats_, &p.no_space_before_, &p.no_space_after_}) {
    for (char32_t c : *set) {
      if (c < 0x10000) p.listed_.set(c);
    }
  }
  return p;
}

bool PunctuationProfile::IsQuote(char32_t c) const {
  switch (RoleOf(c)) {
    case Role::kDoubleOpening:
    case Role::kDoubleClosing:
    case Role::kDoubleEither:
    case Role::kSingleOpening:
    case Role::kSingleClosing:
    case Role::kSingleEither:
      return true;
    default:
      return false;
  }
}

// The profile's steps run in an order that makes a second pass a no-op:
// each step only ever sees text that the steps after it leave alone, and
// every quotation mark is written as the mark that a second pass will read
// back in the same place (normalizer.h: normalizing twice gives the same
// bytes as normalizing once).
//
//   1. Spaces go before closing punctuation and fixed closing quotes, and
//      after opening brackets and fixed opening quotes. This comes first so
//      that the later steps see the spacing they will see on a second pass
//      (", ," becomes ",," here and then "," in step 3; ". . ." becomes
//      "..." here and then the profile's ellipsis in step 2).
//   2. Hyphens, dashes and ellipses.
//   3. Repeated marks (",," -> ",").
//   4. Quotation marks, by role and by context.
void PunctuationProfile::Apply(std::string_view line, Scratch* scratch, std::string* out) const {
  // Decode once; the line is valid UTF-8 (the normalizer repaired it).
  std::u32string& s = scratch->decoded;
  std::u32string& u = scratch->spaced;
  std::u32string& t = scratch->dashed;
  s.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const auto* end = p + line.size();
  while (p < end) {
    char32_t cp;
    p += DecodeUtf8(p, end, &cp);
    s.push_back(cp == kIllFormed ? kReplacementCharacter : cp);
  }

  // Step 1: spaces next to punctuation. A quotation mark whose role fixes
  // its direction counts here; one read from context never has a space on
  // the side that would go (it opens before a non-space and closes after
  // one).
  auto fixed_direction = [&](char32_t c) {
    switch (RoleOf(c)) {
      case Role::kDoubleOpening:
      case Role::kSingleOpening:
        return 1;
      case Role::kDoubleClosing:
      case Role::kSingleClosing:
        return -1;
      default:
        return 0;
    }
  };
  // A run of spaces is kept or dropped whole. The indentation (the leading
  // spaces and tabs) is never touched: there is no word to join, and it
  // carries nesting (normalizer.h).
  u.clear();
  bool indentation = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (c == ' ') {
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      const bool before_closer =
          j < s.size() && (In(no_space_before_, s[j]) || fixed_direction(s[j]) < 0);
      const bool after_opener =
          i > 0 && (In(no_space_after_, s[i - 1]) || fixed_direction(s[i - 1]) > 0);
      const bool drop =
          !indentation && ((before_closer && i > 0) || (after_opener && j < s.size()));
      if (!drop) u.append(s, i, j - i);
      i = j - 1;
      continue;
    }
    indentation = indentation && IsIndentation(c);
    u.push_back(c);
  }

  // Step 2: hyphens, dashes and ellipses.
  t.clear();
  const std::size_t n = u.size();
  auto at = [&](std::size_t i) -> char32_t { return i < n ? u[i] : 0; };
  auto is_hyphen = [&](char32_t c) { return c == '-' || RoleOf(c) == Role::kHyphen; };
  // True while `t` holds only the indentation: a hyphen there is a list
  // marker ("  - nested item"), not a dash.
  indentation = true;
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = u[i];
    const Role role = RoleOf(c);
    const char32_t prev = t.empty() ? 0 : t.back();
    const bool list_marker = indentation;
    indentation = indentation && IsIndentation(c);
    if (is_hyphen(c)) {
      // " - " and " -- " between words are dashes, whichever hyphen
      // character they are written with.
      if (spaced_hyphen_ && prev == ' ' && !list_marker &&
          (at(i + 1) == ' ' || (is_hyphen(at(i + 1)) && at(i + 2) == ' '))) {
        t.push_back(dash_);
        if (at(i + 1) != ' ') ++i;
      } else {
        t.push_back('-');
      }
    } else if (role == Role::kDash) {
      t.push_back(IsDigit(prev) && IsDigit(at(i + 1)) ? range_dash_ : dash_);
    } else if (c == U'\u2026' || (c == '.' && at(i + 1) == '.' && at(i + 2) == '.' &&
                                  at(i + 3) != '.' && prev != '.')) {
      t += ellipsis_;
      if (c == '.') i += 2;
    } else {
      t.push_back(c);
    }
  }

  // Step 3: a run of a repeated mark becomes one.
  u.clear();
  for (const char32_t c : t) {
    if (!u.empty() && u.back() == c && In(collapse_repeats_, c)) {
      continue;
    }
    u.push_back(c);
  }

  // Step 4: quotation marks. A mark whose direction comes from the text
  // opens after a space, a line start, a bracket, a dash or another opening
  // mark when a non-space follows; closes after anything else; stays as it
  // is when both hold (between two spaces). A single mark between two
  // letters is an apostrophe. A mark whose role fixes its direction becomes
  // the style's mark for that direction, unless the style's mark is itself
  // one read from context and would read differently here on a second pass
  // ("a«b" in the curly style: “ after a letter reads as a closing mark);
  // then it is written as that reading, so that the text stays as it is.
  enum Direction : unsigned char { kFree, kOpening, kClosing };
  const std::size_t m = u.size();
  std::basic_string<unsigned char> direction(m, kFree);
  // Only text that no quotation mark conversion changes is looked at on the
  // right-hand side, so the reading is the same before and after.
  auto is_letter = [&](char32_t c) { return IsLetterOrMark(c) && !IsQuote(c); };
  auto is_opening_context = [&](std::size_t i) {
    if (i == 0) return true;
    const char32_t c = u[i - 1];
    return IsSpace(c) || c == '(' || c == '[' || c == '{' || c == '-' || RoleOf(c) == Role::kDash ||
           c == dash_ || direction[i - 1] == kOpening;
  };
  auto is_closing_context = [&](std::size_t i) {
    if (i + 1 >= m) return true;
    const char32_t c = u[i + 1];
    return IsSpace(c) || (In(no_space_before_, c) && !IsQuote(c));
  };
  auto is_either = [&](char32_t c) {
    const Role r = RoleOf(c);
    return r == Role::kDoubleEither || r == Role::kSingleEither;
  };
  for (std::size_t i = 0; i < m; ++i) {
    const Role role = RoleOf(u[i]);
    bool is_double;
    Direction fixed;
    switch (role) {
      case Role::kDoubleOpening:
        is_double = true, fixed = kOpening;
        break;
      case Role::kDoubleClosing:
        is_double = true, fixed = kClosing;
        break;
      case Role::kDoubleEither:
        is_double = true, fixed = kFree;
        break;
      case Role::kSingleOpening:
        is_double = false, fixed = kOpening;
        break;
      case Role::kSingleClosing:
        is_double = false, fixed = kClosing;
        break;
      case Role::kSingleEither:
        is_double = false, fixed = kFree;
        break;
      default:
        continue;
    }
    const char32_t open = is_double ? double_open_ : single_open_;
    const char32_t close = is_double ? double_close_ : single_close_;
    if (fixed != kFree) {
      const char32_t mark = fixed == kOpening ? open : close;
      if (!is_either(mark)) {
        u[i] = mark;
        direction[i] = fixed;
        continue;
      }
      // The style's mark is read from context on a second pass: write it
      // as that reading (below), or as itself where it stands free.
      u[i] = mark;
    }
    if (!is_double && i > 0 && i + 1 < m && is_letter(u[i - 1]) && is_letter(u[i + 1])) {
      u[i] = apostrophe_;
      continue;
    }
    const bool open_ctx = is_opening_context(i);
    const bool close_ctx = is_closing_context(i);
    if (open_ctx && close_ctx) continue;  // free-standing: leave it
    direction[i] = open_ctx ? kOpening : kClosing;
    u[i] = open_ctx ? open : close;
  }
  for (char32_t c : u) AppendUtf8(c, out);
}

}  // namespace normkit::internal
