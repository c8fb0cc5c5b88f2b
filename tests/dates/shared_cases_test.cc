// The date cases other projects wrote for their own finders, read at test
// time from ../shared/testdata/dates (see its README; nothing is copied):
//
//   duckling-ru, duckling-uk   Duckling's Time_RU_Corpus.hs, Time_UK_Corpus.hs
//   natasha                    Natasha's natasha_test_date.py
//   dateparser-ru, -uk, -be, -kk
//                              dateparser's dateparser_test_search.py: dates
//                              found in running text
//
// Only what one ISO 8601 value can answer is kept: a phrase that names a
// month or writes a numeric date, with a day or a year (an absolute date).
// Relative phrases ("завтра", "через 2 дня"), intervals ("13 - 15 июля"),
// weeks, quarters and holidays are left out. Comparison is at the precision
// our output has: a phrase with no year gives --MM-DD and matches when the
// month and day agree (Duckling and dateparser fill in the year from a
// reference time); a time is compared when we give one.
//
// Each source prints "name: passed/considered (share)" and its first
// failing cases, and holds a floor at the share reached, so that a
// regression fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "normkit/date_finder.h"
#include "skip.h"

namespace normkit {
namespace {

// ---------------------------------------------------------------------------
// What a case expects.

enum class Grain { kSecond, kMinute, kHour, kDay, kMonth, kOther };

struct ExpectedDate {
  std::string phrase;  // the words that hold the date
  int year = 0;        // 0: not known (filled in from a reference time)
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  Grain grain = Grain::kDay;
};

struct Case {
  std::string text;
  // Found in `text`, in order. Empty with `whole`: the whole text is one
  // date, whose value the source does not give.
  std::vector<ExpectedDate> dates;
  bool whole = false;
  bool exact_iso = false;  // natasha: the ISO value itself, `iso`
  std::string iso;
};

struct Outcome {
  bool passed = false;
  std::string got;  // what we found, for the report
};

// Lower case for the Cyrillic letters of ru, uk, be and kk (two-byte UTF-8)
// and ASCII; everything else is kept.
std::string Lower(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto b = static_cast<unsigned char>(out[i]);
    if (b >= 'A' && b <= 'Z') {
      out[i] = static_cast<char>(b + 32);
      continue;
    }
    if (i + 1 >= out.size() || (b & 0xE0) != 0xC0) continue;
    auto c = static_cast<unsigned char>(out[i + 1]);
    if (b == 0xD0 && c >= 0x90 && c <= 0x9F) {  // А..П
      out[i + 1] = static_cast<char>(c + 0x20);
    } else if (b == 0xD0 && c >= 0xA0 && c <= 0xAF) {  // Р..Я
      out[i] = static_cast<char>(0xD1);
      out[i + 1] = static_cast<char>(c - 0x20);
    } else if (b == 0xD0 && c >= 0x80 && c <= 0x8F) {  // Ѐ..Џ: Ё Є І Ї Ў
      out[i] = static_cast<char>(0xD1);
      out[i + 1] = static_cast<char>(c + 0x10);
    } else if (((b == 0xD2 && c >= 0x8A) || (b == 0xD3 && c >= 0x90)) &&
               c % 2 == 0) {  // Ґ Ғ Қ Ң Ү Ұ Һ Ә Ө
      out[i + 1] = static_cast<char>(c + 1);
    }
    ++i;
  }
  return out;
}

// The words of a phrase, lower-cased: runs of bytes that are not ASCII
// space, punctuation or digits, nor a no-break space.
std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const auto b = static_cast<unsigned char>(phrase[i]);
    const bool nbsp =
        b == 0xC2 && i + 1 < phrase.size() && static_cast<unsigned char>(phrase[i + 1]) == 0xA0;
    const bool letter = b >= 0x80 ? !nbsp : std::isalpha(b) != 0;
    if (letter) {
      word += static_cast<char>(b);
      continue;
    }
    if (nbsp) ++i;
    if (!word.empty()) words.push_back(Lower(word));
    word.clear();
  }
  if (!word.empty()) words.push_back(Lower(word));
  return words;
}

// Month names and their abbreviations as the four languages write them.
// Written here from the grammars, not from rules/dates, so that the test
// does not take its selection from the engine it checks.
const std::regex& MonthWord() {
  static const std::regex* re = new std::regex(
      // Russian
      "январ(ь|я|е|ю|ем|ём)|янв|феврал(ь|я|е|ю|ем|ём)|фев(р)?|март(а|е|у|ом)?|мар|"
      "апрел(ь|я|е|ю|ем)|апр|ма(й|я|е|ю|ем)|июн(ь|я|е|ю|ем)?|июл(ь|я|е|ю|ем)?|"
      "август(а|е|у|ом)?|авг|сентябр(ь|я|е|ю|ем|ём)|сен(т)?|октябр(ь|я|е|ю|ем|ём)|окт|"
      "ноябр(ь|я|е|ю|ем|ём)|ноя(б)?|декабр(ь|я|е|ю|ем|ём)|дек|"
      // Ukrainian
      "січ(ень|ня|ні|нем)?|лют(ий|ого|ому|им)?|берез(ень|ня|ні|нем)|бер|"
      "квіт(ень|ня|ні|нем)?|трав(ень|ня|ні|нем)?|черв(ень|ня|ні|нем)?|"
      "лип(ень|ня|ні|нем)?|серп(ень|ня|ні|нем)?|сер|верес(ень|ня|ні|нем)|вер|"
      "жовт(ень|ня|ні|нем)?|листопад(а|і|ом)?|лис(т)?|груд(ень|ня|ні|нем)?|"
      // Belarusian
      "студзен(ь|я|і)|студ|стд|лют(ы|ага|ым)|сакавік(а|у)?|сак|красавік(а|у)?|крас|"
      "трав(ень|ня|ні)|мая|чэрв(ень|еня|ені)?|ліп(ень|еня|ені)?|жнів(ень|еня|ені)|"
      "жніўня|верас(ень|ня|ні)|кастрычнік(а|у)?|кастр|ліст(апад|апада|ападзе)?|"
      "снеж(ань|ня|ні)|снеж|"
      // Kazakh, with any case ending
      "(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|"
      "желтоқсан).*");
  return *re;
}

bool NamesMonth(std::string_view phrase) {
  for (const std::string& w : Words(phrase)) {
    if (std::regex_match(w, MonthWord())) return true;
  }
  return false;
}

bool WritesNumericDate(std::string_view phrase) {
  static const std::regex re("(^|[^0-9])[0-9]{1,4}[./-][0-9]{1,2}([^0-9:]|$)");
  return std::regex_search(std::string(phrase), re);
}

// A year in the phrase: four digits, or the third part of a numeric date.
bool HasYear(std::string_view phrase) {
  static const std::regex re(
      "(^|[^0-9])[0-9]{4}([^0-9]|$)|[0-9]{1,2}[./][0-9]{1,2}[./] ?[0-9]{2}([^0-9]|$)");
  return std::regex_search(std::string(phrase), re);
}

bool HasDayNumber(std::string_view phrase) {
  static const std::regex re("(^|[^0-9:])[0-9]{1,2}([^0-9:]|$)");
  return std::regex_search(std::string(phrase), re);
}

// Whether our value answers `want` at the precision we give.
bool Agrees(const DateValue& got, const ExpectedDate& want) {
  if (HasYear(want.phrase)) {
    if (got.year == 0 || (want.year != 0 && got.year != want.year)) return false;
  } else if (got.year != 0) {
    return false;
  }
  if (got.month != want.month) return false;
  const bool want_day = want.grain <= Grain::kDay;
  if (want_day ? got.day != want.day : got.day != 0) return false;
  if (got.hour >= 0) {
    if (want.grain > Grain::kHour || got.hour != want.hour) return false;
    if (got.minute != (want.grain <= Grain::kMinute ? want.minute : 0)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Duckling: examples (datetime (Y, M, D, h, m, s) Grain) ["phrase", ...]

// A Haskell string literal at s[*i] (which is '"'); *i ends past it.
std::string HaskellString(std::string_view s, std::size_t* i) {
  std::string out;
  std::size_t j = *i + 1;
  while (j < s.size() && s[j] != '"') {
    if (s[j] == '\\' && j + 1 < s.size()) ++j;
    out += s[j++];
  }
  *i = j + 1;
  return out;
}

struct DucklingExample {
  std::string kind;  // datetime, datetimeInterval, datetimeHoliday, ...
  std::vector<int> fields;
  std::string grain;
  std::vector<std::string> phrases;
};

std::vector<DucklingExample> ReadDuckling(std::string_view s) {
  std::vector<DucklingExample> out;
  static constexpr std::string_view kOpen = "examples (";
  for (std::size_t at = s.find(kOpen); at != std::string_view::npos; at = s.find(kOpen, at)) {
    DucklingExample e;
    std::size_t i = at + kOpen.size();
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) e.kind += s[i++];
    // To the ')' that closes "examples (", reading the numbers and the last
    // word (the grain) on the way.
    int depth = 1;
    std::string word;
    while (i < s.size() && depth > 0) {
      const char c = s[i];
      if (c == '"') {
        HaskellString(s, &i);
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (std::isdigit(static_cast<unsigned char>(c))) {
        int n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
          n = n * 10 + (s[i++] - '0');
        }
        e.fields.push_back(n);
        continue;
      }
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word.clear();
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) word += s[i++];
        e.grain = word;
        continue;
      }
      ++i;
    }
    while (i < s.size() && s[i] != '[') ++i;
    for (++i; i < s.size() && s[i] != ']';) {
      if (s[i] == '"') {
        e.phrases.push_back(HaskellString(s, &i));
      } else {
        ++i;
      }
    }
    at = i;
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<Grain> DucklingGrain(std::string_view g) {
  if (g == "Second") return Grain::kSecond;
  if (g == "Minute") return Grain::kMinute;
  if (g == "Hour") return Grain::kHour;
  if (g == "Day") return Grain::kDay;
  if (g == "Month") return Grain::kMonth;
  return std::nullopt;
}

std::vector<Case> DucklingCases(std::string_view corpus) {
  std::vector<Case> cases;
  for (const DucklingExample& e : ReadDuckling(corpus)) {
    const std::optional<Grain> grain = DucklingGrain(e.grain);
    if (e.kind != "datetime" || e.fields.size() != 6 || !grain) continue;
    for (const std::string& phrase : e.phrases) {
      if (!NamesMonth(phrase) && !WritesNumericDate(phrase)) continue;
      // A month alone ("март") is relative to the reference year.
      if (*grain == Grain::kMonth && !HasYear(phrase)) continue;
      ExpectedDate d{phrase,      e.fields[0], e.fields[1], e.fields[2],
                     e.fields[3], e.fields[4], *grain};
      Case c;
      c.text = phrase;
      c.dates.push_back(d);
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------
// Python, as far as test files use it: literals, calls, names, lists.

struct Py {
  enum Kind { kString, kNumber, kNone, kName, kList, kCall, kOther } kind = kOther;
  std::string text;  // a string's value, a name, a call's function
  long number = 0;
  std::vector<Py> items;                             // list or tuple items, call args
  std::vector<std::pair<std::string, Py>> keywords;  // a call's name=value
};

struct PyToken {
  enum Kind { kName, kNumber, kString, kPunct, kEnd } kind;
  std::string text;
};

void AppendUtf8(unsigned long c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::vector<PyToken> PyTokens(std::string_view s) {
  std::vector<PyToken> tokens;
  std::size_t i = 0;
  auto is_name = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c) || c == '\\') {
      ++i;
    } else if (c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '"' || c == '\'' ||
               ((c == 'r' || c == 'b' || c == 'u' || c == 'f') && i + 1 < s.size() &&
                (s[i + 1] == '"' || s[i + 1] == '\''))) {
      const bool raw = c == 'r';
      if (c != '"' && c != '\'') ++i;
      const char quote = s[i];
      const bool triple = s.substr(i, 3) == std::string(3, quote);
      i += triple ? 3 : 1;
      std::string value;
      while (i < s.size()) {
        if (triple ? s.substr(i, 3) == std::string(3, quote) : s[i] == quote) {
          i += triple ? 3 : 1;
          break;
        }
        if (s[i] == '\\' && !raw && i + 1 < s.size()) {
          const char e = s[i + 1];
          i += 2;
          switch (e) {
            case 'n':
              value += '\n';
              break;
            case 'r':
              value += '\r';
              break;
            case 't':
              value += '\t';
              break;
            case '\n':
              break;
            case 'x':
            case 'u':
            case 'U': {
              const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
              AppendUtf8(std::stoul(std::string(s.substr(i, n)), nullptr, 16), &value);
              i += n;
              break;
            }
            default:
              value += e;
          }
          continue;
        }
        value += s[i++];
      }
      tokens.push_back({PyToken::kString, value});
    } else if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < s.size() &&
             (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' || s[j] == '.')) {
        ++j;
      }
      tokens.push_back({PyToken::kNumber, std::string(s.substr(i, j - i))});
      i = j;
    } else if (is_name(c)) {
      std::size_t j = i;
      while (j < s.size() && is_name(static_cast<unsigned char>(s[j]))) ++j;
      tokens.push_back({PyToken::kName, std::string(s.substr(i, j - i))});
      i = j;
    } else {
      tokens.push_back({PyToken::kPunct, std::string(1, static_cast<char>(c))});
      ++i;
    }
  }
  tokens.push_back({PyToken::kEnd, ""});
  return tokens;
}

class PyParser {
 public:
  explicit PyParser(const std::vector<PyToken>& tokens) : t_(tokens) {}

  std::size_t pos = 0;

  bool IsPunct(const char* p) const { return t_[pos].kind == PyToken::kPunct && t_[pos].text == p; }
  bool IsName(const char* n) const { return t_[pos].kind == PyToken::kName && t_[pos].text == n; }

  // One expression; what is beyond the subset comes back as kOther with the
  // tokens it spans skipped.
  Py Expression() {
    Py value = Unary();
    // Binary operators and conditional expressions: not values we read.
    while (t_[pos].kind == PyToken::kPunct &&
           std::string_view("+-*/%<>=!|&").find(t_[pos].text[0]) != std::string_view::npos &&
           !(IsPunct("=") && t_[pos + 1].text != "=")) {
      while (t_[pos].kind == PyToken::kPunct &&
             std::string_view("+-*/%<>=!|&").find(t_[pos].text[0]) != std::string_view::npos) {
        ++pos;
      }
      Unary();
      value = Py{};
    }
    while (IsName("if") || IsName("else") || IsName("and") || IsName("or") || IsName("for") ||
           IsName("in") || IsName("not") || IsName("is")) {
      ++pos;
      Unary();
      value = Py{};
    }
    return value;
  }

  // A bracketed sequence after its opening bracket, to `close`.
  void Sequence(const char* close, Py* into) {
    while (t_[pos].kind != PyToken::kEnd && !IsPunct(close)) {
      if (IsPunct("*")) {
        ++pos;
        if (IsPunct("*")) ++pos;
      }
      if (t_[pos].kind == PyToken::kName && t_[pos + 1].text == "=" && t_[pos + 2].text != "=") {
        std::string key = t_[pos].text;
        pos += 2;
        into->keywords.emplace_back(std::move(key), Expression());
      } else if (IsPunct(":")) {
        ++pos;  // a dict's key: value, or a slice
        if (into->items.empty()) into->items.emplace_back();
        into->items.back() = Expression();
        into->kind = Py::kOther;
      } else {
        into->items.push_back(Expression());
      }
      if (IsPunct(",")) {
        ++pos;
      } else if (!IsPunct(close)) {
        ++pos;  // not in the subset: skip on
      }
    }
    if (IsPunct(close)) ++pos;
  }

 private:
  Py Unary() {
    if (IsPunct("-")) {
      ++pos;
      Py v = Unary();
      v.number = -v.number;
      return v;
    }
    Py v = Primary();
    // Trailers: .name, (args), [index]
    for (;;) {
      if (IsPunct(".") && t_[pos + 1].kind == PyToken::kName) {
        v.text += "." + t_[pos + 1].text;
        if (v.kind != Py::kName) v.kind = Py::kOther;
        pos += 2;
      } else if (IsPunct("(")) {
        ++pos;
        Py call;
        call.kind = v.kind == Py::kName ? Py::kCall : Py::kOther;
        call.text = v.text;
        Sequence(")", &call);
        v = std::move(call);
      } else if (IsPunct("[")) {
        ++pos;
        Py index;
        Sequence("]", &index);
        v = Py{};
      } else {
        return v;
      }
    }
  }

  Py Primary() {
    Py v;
    const PyToken& t = t_[pos];
    if (t.kind == PyToken::kString) {
      v.kind = Py::kString;
      while (t_[pos].kind == PyToken::kString) v.text += t_[pos++].text;
    } else if (t.kind == PyToken::kNumber) {
      v.kind = Py::kNumber;
      v.number = std::strtol(t.text.c_str(), nullptr, 10);
      ++pos;
    } else if (t.kind == PyToken::kName) {
      v.kind = t.text == "None" ? Py::kNone : Py::kName;
      v.text = t.text;
      ++pos;
    } else if (IsPunct("[") || IsPunct("(")) {
      const char* close = IsPunct("[") ? "]" : ")";
      ++pos;
      v.kind = Py::kList;
      Sequence(close, &v);
    } else if (IsPunct("{")) {
      ++pos;
      Sequence("}", &v);
      v = Py{};
    } else if (t.kind != PyToken::kEnd) {
      ++pos;
    }
    return v;
  }

  const std::vector<PyToken>& t_;
};

// One test function's cases: parameterized ones bound to its parameter names,
// and for a plain one, its body's search_dates(text, languages=[...]) call
// and `expected = [...]`.
struct PyTestCase {
  std::string function;
  std::map<std::string, Py> args;
};

std::vector<PyTestCase> ReadPythonTests(std::string_view source) {
  const std::vector<PyToken> t = PyTokens(source);
  PyParser p(t);
  std::vector<PyTestCase> out;
  std::vector<Py> pending;  // from @parameterized.expand, for the next def
  bool decorated = false;
  while (t[p.pos].kind != PyToken::kEnd) {
    if (p.IsPunct("@") && t[p.pos + 1].text == "parameterized" && t[p.pos + 3].text == "expand" &&
        t[p.pos + 4].text == "(") {
      p.pos += 5;
      Py list = p.Expression();
      pending = list.items;
      decorated = true;
      continue;
    }
    if (!p.IsName("def") || t[p.pos + 1].kind != PyToken::kName) {
      ++p.pos;
      continue;
    }
    const std::string name = t[p.pos + 1].text;
    p.pos += 3;  // def name (
    std::vector<std::string> parameters;
    while (!p.IsPunct(")") && t[p.pos].kind != PyToken::kEnd) {
      if (t[p.pos].kind == PyToken::kName && t[p.pos - 1].text != "=" && t[p.pos].text != "self") {
        parameters.push_back(t[p.pos].text);
      }
      ++p.pos;
    }
    if (decorated) {
      // The body may name the languages: search_dates(text, languages=["ru"]).
      std::optional<Py> body_languages;
      for (std::size_t k = p.pos;
           t[k].kind != PyToken::kEnd && t[k].text != "def" && t[k].text != "@"; ++k) {
        if (t[k].text == "languages" && t[k + 1].text == "=" && t[k + 2].text == "[") {
          PyParser list(t);
          list.pos = k + 2;
          body_languages = list.Expression();
          break;
        }
      }
      for (const Py& param : pending) {
        PyTestCase c{name, {}};
        for (std::size_t k = 0; k < param.items.size() && k < parameters.size(); ++k) {
          c.args[parameters[k]] = param.items[k];
        }
        for (const auto& [key, value] : param.keywords) c.args[key] = value;
        if (body_languages && !c.args.count("languages")) c.args["languages"] = *body_languages;
        out.push_back(std::move(c));
      }
      decorated = false;
      pending.clear();
      continue;
    }
    // A plain test: look through its body, to the next def or decorator.
    PyTestCase c{name, {}};
    while (t[p.pos].kind != PyToken::kEnd && !p.IsName("def") && !p.IsPunct("@")) {
      if (p.IsName("search_dates") && t[p.pos + 1].text == "(") {
        p.pos += 2;
        Py call;
        p.Sequence(")", &call);
        if (!call.items.empty()) c.args["text"] = call.items[0];
        for (const auto& [key, value] : call.keywords) c.args[key] = value;
      } else if (p.IsName("expected") && t[p.pos + 1].text == "=") {
        p.pos += 2;
        c.args["expected"] = p.Expression();
      } else {
        ++p.pos;
      }
    }
    if (c.args.count("text") && c.args.count("expected")) out.push_back(std::move(c));
  }
  return out;
}

// datetime.datetime(Y, M, D, ...): a year that is not a number
// (today.year) is unknown.
std::optional<ExpectedDate> PyDate(const Py& v, const std::string& phrase) {
  if (v.kind != Py::kCall || !v.text.ends_with("datetime") || v.items.size() < 3) {
    return std::nullopt;
  }
  ExpectedDate d;
  d.phrase = phrase;
  d.year = v.items[0].kind == Py::kNumber ? static_cast<int>(v.items[0].number) : 0;
  d.month = static_cast<int>(v.items[1].number);
  d.day = static_cast<int>(v.items[2].number);
  if (v.items.size() > 3) d.hour = static_cast<int>(v.items[3].number);
  if (v.items.size() > 4) d.minute = static_cast<int>(v.items[4].number);
  // dateparser fills in what the text leaves out: a day for "октябрь 2014".
  if (!HasDayNumber(phrase) && HasYear(phrase) && NamesMonth(phrase)) d.grain = Grain::kMonth;
  static const std::regex time("[0-9]:[0-9]{2}");
  if (std::regex_search(phrase, time)) d.grain = Grain::kMinute;
  return d;
}

// dateparser's cases, by language.
std::map<std::string, std::vector<Case>> DateparserCases(std::string_view source) {
  static constexpr std::string_view kLanguages[] = {"ru", "uk", "be", "kk"};
  std::map<std::string, std::vector<Case>> out;
  for (std::string_view l : kLanguages) out[std::string(l)];
  for (const PyTestCase& test : ReadPythonTests(source)) {
    const auto& a = test.args;
    auto arg = [&](const char* key) -> const Py* {
      auto it = a.find(key);
      return it == a.end() ? nullptr : &it->second;
    };
    // The language: `shortname`, or the first of ours in `languages`.
    std::string language;
    if (const Py* s = arg("shortname"); s && s->kind == Py::kString) language = s->text;
    if (const Py* l = arg("languages"); l && l->kind == Py::kList) {
      for (const Py& code : l->items) {
        if (out.count(code.text)) {
          language = code.text;
          break;
        }
      }
    }
    if (!out.count(language)) continue;

    Case c;
    if (const Py* s = arg("datetime_string")) {
      c.text = s->text;
      c.whole = true;
      out[language].push_back(std::move(c));
      continue;
    }
    const Py* text = arg("text") ? arg("text") : arg("string");
    if (text == nullptr || text->kind != Py::kString) continue;
    c.text = text->text;
    if (const Py* phrase = arg("expected_text")) {
      ExpectedDate d;
      d.phrase = phrase->text;
      d.month = static_cast<int>(arg("expected_month")->number);
      d.day = static_cast<int>(arg("expected_day")->number);
      c.dates.push_back(d);
    } else if (const Py* expected = arg("expected")) {
      bool relative_only = expected->kind == Py::kList && !expected->items.empty();
      if (expected->kind == Py::kList) {
        for (const Py& pair : expected->items) {
          if (pair.kind != Py::kList || pair.items.size() < 2) continue;
          const std::string& phrase = pair.items[0].text;
          if (!NamesMonth(phrase) && !WritesNumericDate(phrase)) continue;  // "Сегодня"
          relative_only = false;
          if (std::optional<ExpectedDate> d = PyDate(pair.items[1], phrase)) {
            c.dates.push_back(*d);
          }
        }
      }
      if (relative_only) continue;
    } else {
      continue;  // a case about something else (language detection)
    }
    out[language].push_back(std::move(c));
  }
  return out;
}

// natasha: ['24.01.2017', Date(2017, 1, 24)], Date(2015), Date(None, 4, 1).
std::vector<Case> NatashaCases(std::string_view source) {
  const std::vector<PyToken> t = PyTokens(source);
  PyParser p(t);
  std::vector<Case> out;
  while (t[p.pos].kind != PyToken::kEnd) {
    if (!(p.IsName("tests") && t[p.pos + 1].text == "=")) {
      ++p.pos;
      continue;
    }
    p.pos += 2;
    const Py list = p.Expression();
    for (const Py& pair : list.items) {
      if (pair.items.size() != 2 || pair.items[1].kind != Py::kCall) continue;
      int parts[3] = {0, 0, 0};
      for (std::size_t k = 0; k < pair.items[1].items.size() && k < 3; ++k) {
        parts[k] = static_cast<int>(pair.items[1].items[k].number);
      }
      DateValue v;
      v.year = parts[0];
      v.month = parts[1];
      v.day = parts[2];
      Case c;
      c.text = pair.items[0].text;
      c.exact_iso = true;
      c.iso = v.ToIso();
      out.push_back(std::move(c));
    }
    break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Running them.

const DateFinder& Finder() {
  static const DateFinder* finder = [] {
    auto created = DateFinder::Create({});
    if (!created.ok()) std::abort();
    return new DateFinder(std::move(*created));
  }();
  return *finder;
}

// The first `n` bytes of `s`, backed off to a whole character, with "...".
std::string Clip(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "...";
}

std::string Describe(const std::vector<DateMatch>& found) {
  std::string out;
  for (const DateMatch& m : found) {
    if (!out.empty()) out += ", ";
    out += m.value.ToIso();
  }
  return out.empty() ? "nothing" : out;
}

std::string Want(const Case& c) {
  if (c.exact_iso) return c.iso;
  if (c.whole) return "one date spanning the text";
  std::string out;
  for (const ExpectedDate& d : c.dates) {
    if (!out.empty()) out += ", ";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    out += buffer;
    if (d.grain <= Grain::kHour) {
      std::snprintf(buffer, sizeof buffer, "T%02d:%02d", d.hour, d.minute);
      out += buffer;
    }
  }
  return out;
}

Outcome Run(const Case& c, bool running_text) {
  Outcome o;
  if (!running_text) {
    // One expression: the line's date.
    std::optional<DateMatch> m = Finder().Parse(c.text);
    o.got = m ? m->value.ToIso() : "nothing";
    if (c.exact_iso) {
      o.passed = m && m->value.ToIso() == c.iso;
    } else {
      o.passed = m && Agrees(m->value, c.dates.front());
    }
    return o;
  }
  std::vector<DateMatch> found;
  Finder().Find(c.text, &found);
  o.got = Describe(found);
  if (c.whole) {
    std::size_t begin = c.text.find_first_not_of(" \t\n");
    std::size_t end = c.text.find_last_not_of(" \t\n") + 1;
    o.passed = found.size() == 1 && found[0].begin == begin && found[0].end == end;
    return o;
  }
  if (found.size() != c.dates.size()) return o;
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!Agrees(found[k].value, c.dates[k])) return o;
  }
  o.passed = true;
  return o;
}

// Runs a source's cases, prints its share and first failures, and returns
// the share in percent (100 with no cases).
double Report(const std::string& name, const std::vector<Case>& cases, bool running_text) {
  // NORMKIT_SHARED_CASES_ALL=1 lists the cases that pass as well.
  const bool all = std::getenv("NORMKIT_SHARED_CASES_ALL") != nullptr;
  int passed = 0;
  std::vector<std::string> failures;
  for (const Case& c : cases) {
    const Outcome o = Run(c, running_text);
    if (o.passed) {
      ++passed;
      if (all) std::printf("  passes «%s»: %s\n", Clip(c.text, 120).c_str(), o.got.c_str());
    } else {
      failures.push_back("«" + Clip(c.text, 120) + "»: got " + o.got + ", want " + Want(c));
    }
  }
  const double share = cases.empty() ? 100.0 : 100.0 * passed / cases.size();
  if (cases.empty()) {
    std::printf("%s: no cases in the source\n", name.c_str());
  } else {
    std::printf("%s: %d/%zu (%.0f%%)\n", name.c_str(), passed, cases.size(), share);
  }
  for (std::size_t k = 0; k < failures.size() && k < 20; ++k) {
    std::printf("  fails %s\n", failures[k].c_str());
  }
  if (failures.size() > 20) std::printf("  ... and %zu more\n", failures.size() - 20);
  std::fflush(stdout);
  return share;
}

std::string DatesDir() { return testing::SharedDir() + "/testdata/dates/"; }

// The shares reached; a change that lowers one fails here.
constexpr double kDucklingRuFloor = 92;
constexpr double kDucklingUkFloor = 67;
constexpr double kNatashaFloor = 100;
const std::map<std::string, double> kDateparserFloor = {
    {"ru", 100}, {"uk", 100}, {"be", 100}, {"kk", 100}};

TEST(SharedCases, DucklingRussian) {
  const std::optional<std::string> corpus = testing::ReadFile(DatesDir() + "Time_RU_Corpus.hs");
  if (!corpus) NORMKIT_SKIP_WITHOUT_SHARED("testdata/dates/Time_RU_Corpus.hs");
  const std::vector<Case> cases = DucklingCases(*corpus);
  ASSERT_GE(cases.size(), 40u) << "the extractor lost the corpus' examples";
  EXPECT_GE(Report("duckling-ru", cases, false), kDucklingRuFloor);
}

TEST(SharedCases, DucklingUkrainian) {
  const std::optional<std::string> corpus = testing::ReadFile(DatesDir() + "Time_UK_Corpus.hs");
  if (!corpus) NORMKIT_SKIP_WITHOUT_SHARED("testdata/dates/Time_UK_Corpus.hs");
  const std::vector<Case> cases = DucklingCases(*corpus);
  ASSERT_GE(cases.size(), 20u) << "the extractor lost the corpus' examples";
  EXPECT_GE(Report("duckling-uk", cases, false), kDucklingUkFloor);
}

TEST(SharedCases, Natasha) {
  const std::optional<std::string> source = testing::ReadFile(DatesDir() + "natasha_test_date.py");
  if (!source) NORMKIT_SKIP_WITHOUT_SHARED("testdata/dates/natasha_test_date.py");
  const std::vector<Case> cases = NatashaCases(*source);
  ASSERT_GE(cases.size(), 7u) << "the extractor lost natasha's cases";
  EXPECT_GE(Report("natasha", cases, false), kNatashaFloor);
}

TEST(SharedCases, DateparserSearch) {
  const std::optional<std::string> source =
      testing::ReadFile(DatesDir() + "dateparser_test_search.py");
  if (!source) {
    NORMKIT_SKIP_WITHOUT_SHARED("testdata/dates/dateparser_test_search.py");
  }
  const std::map<std::string, std::vector<Case>> cases = DateparserCases(*source);
  ASSERT_GE(cases.at("ru").size(), 10u) << "the extractor lost dateparser's cases";
  for (const auto& [language, floor] : kDateparserFloor) {
    EXPECT_GE(Report("dateparser-" + language, cases.at(language), true), floor) << language;
  }
}

// The extractors themselves, on the shapes the files use.
TEST(SharedCases, PythonReader) {
  const auto tests = ReadPythonTests(R"PY(
    @parameterized.expand(
        [
            param("ru", "a" "b", [("x", datetime.datetime(2001, 3, 19, 0, 0))]),
            param(text="t", languages=["en", "ru"], expected=None),
        ]
    )
    @apply_settings
    def test_x(self, shortname, string, expected, settings=None):
        pass

    def test_plain(self):
        result = search_dates("c 12", add_detected_language=True, languages=["ru"])
        expected = [("12", datetime.datetime(today.year, 1, 12, 0, 0), "ru")]
  )PY");
  ASSERT_EQ(tests.size(), 3u);
  EXPECT_EQ(tests[0].args.at("shortname").text, "ru");
  EXPECT_EQ(tests[0].args.at("string").text, "ab");
  const Py& date = tests[0].args.at("expected").items[0].items[1];
  EXPECT_EQ(date.text, "datetime.datetime");
  EXPECT_EQ(date.items[0].number, 2001);
  EXPECT_EQ(tests[1].args.at("languages").items[1].text, "ru");
  EXPECT_EQ(tests[1].args.at("expected").kind, Py::kNone);
  EXPECT_EQ(tests[2].function, "test_plain");
  EXPECT_EQ(tests[2].args.at("text").text, "c 12");
  EXPECT_NE(tests[2].args.at("expected").items[0].items[1].items[0].kind, Py::kNumber);
}

TEST(SharedCases, Selection) {
  EXPECT_TRUE(NamesMonth("Понедельник, 18 фев"));
  EXPECT_TRUE(NamesMonth("1 бер."));
  EXPECT_FALSE(NamesMonth("Середа, четвер"));
  EXPECT_FALSE(NamesMonth("завтра"));
  EXPECT_TRUE(WritesNumericDate("15.2"));
  EXPECT_TRUE(WritesNumericDate("Пятница, 18.07.14"));
  EXPECT_FALSE(WritesNumericDate("15:15"));
  EXPECT_TRUE(HasYear("31.10.74"));
  EXPECT_TRUE(HasYear("3 марта 2015"));
  EXPECT_FALSE(HasYear("01.04. в 18 часов"));
  EXPECT_EQ(Lower("ПЯТНИЦА Ёж Ґ"), "пятница ёж ґ");
}

}  // namespace
}  // namespace normkit
