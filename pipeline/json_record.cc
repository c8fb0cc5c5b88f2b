#include "normkit/json_record.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/line_breaks.h"
#include "core/utf8.h"

namespace normkit {
namespace {

constexpr std::size_t kInvalid = std::string_view::npos;

// Whether one of the 8 bytes of `v` is '"', '\\' or a control character
// (below 0x20): the bytes a JSON string cannot hold as they are. Text
// between them is skipped 8 bytes at a time.
bool HasStringSpecial(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t below_space = (v - kOnes * 0x20) & ~v & kHigh;
  return (has_zero(v ^ (kOnes * '"')) | has_zero(v ^ (kOnes * '\\')) | below_space) != 0;
}

// Index of the first byte from `i` on that may be special (see above), or
// within 8 bytes of the end.
std::size_t SkipPlain(const char* data, std::size_t i, std::size_t size) {
  for (; i + 8 <= size; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, data + i, 8);
    if (HasStringSpecial(v)) break;
  }
  return i;
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t SkipSpace(std::string_view s, std::size_t i) {
  while (i < s.size() && IsJsonSpace(s[i])) ++i;
  return i;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at s[i..i+4) as a number, or -1.
int Hex4(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) return -1;
  int value = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const int digit = HexValue(s[k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// Past the string that starts with the quote at s[i], or kInvalid. Escapes
// must be JSON's and there must be no control characters; UTF-8 is checked
// for the whole line before (JsonRecord::Parse). *escaped tells whether the
// string holds a backslash.
std::size_t ScanString(std::string_view s, std::size_t i, bool* escaped) {
  for (++i; i < s.size();) {
    i = SkipPlain(s.data(), i, s.size());
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"') return i + 1;
    if (c == '\\') {
      *escaped = true;
      if (i + 1 >= s.size()) return kInvalid;
      const char e = s[i + 1];
      if (e == 'u') {
        // Any four hex digits: a lone surrogate is accepted (see the header).
        if (Hex4(s, i + 2) < 0) return kInvalid;
        i += 6;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                 e == 'r' || e == 't') {
        i += 2;
      } else {
        return kInvalid;
      }
    } else if (c < 0x20) {
      return kInvalid;
    } else {
      ++i;
    }
  }
  return kInvalid;
}

std::size_t ScanDigits(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i;
}

// Past the number at s[i] (RFC 8259's grammar, any magnitude), or kInvalid.
std::size_t ScanNumber(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size()) return kInvalid;
  if (s[i] == '0') {
    ++i;
  } else if (s[i] >= '1' && s[i] <= '9') {
    i = ScanDigits(s, i);
  } else {
    return kInvalid;
  }
  if (i < s.size() && s[i] == '.') {
    const std::size_t digits = i + 1;
    i = ScanDigits(s, digits);
    if (i == digits) return kInvalid;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t digits = i;
    i = ScanDigits(s, digits);
    if (i == digits) return kInvalid;
  }
  return i;
}

// Past a name and its colon, from the quote at s[i]; kInvalid if not one.
std::size_t ScanName(std::string_view s, std::size_t i, bool* escaped) {
  if (i >= s.size() || s[i] != '"') return kInvalid;
  i = ScanString(s, i, escaped);
  if (i == kInvalid) return kInvalid;
  i = SkipSpace(s, i);
  if (i >= s.size() || s[i] != ':') return kInvalid;
  return SkipSpace(s, i + 1);
}

// Past the value that starts at s[i], or kInvalid. Containers are walked
// with an explicit stack, so deep nesting costs memory, never the call
// stack.
std::size_t ScanValue(std::string_view s, std::size_t i, std::string* stack) {
  stack->clear();
  bool escaped = false;
  for (;;) {
    // A value starts at i.
    if (i >= s.size()) return kInvalid;
    const char c = s[i];
    bool opened = false;
    if (c == '{' || c == '[') {
      stack->push_back(c);
      i = SkipSpace(s, i + 1);
      if (i < s.size() && s[i] == (c == '{' ? '}' : ']')) {
        stack->pop_back();
        ++i;
      } else {
        opened = true;
        if (c == '{') i = ScanName(s, i, &escaped);
      }
    } else if (c == '"') {
      i = ScanString(s, i, &escaped);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      i = ScanNumber(s, i);
    } else {
      std::string_view literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
      i = s.substr(i, literal.size()) == literal ? i + literal.size() : kInvalid;
    }
    if (i == kInvalid) return kInvalid;
    if (opened) continue;  // the container's first value starts at i
    // After a value: close containers, or go on to the next element.
    for (;;) {
      if (stack->empty()) return i;
      i = SkipSpace(s, i);
      if (i >= s.size()) return kInvalid;
      const char open = stack->back();
      if (s[i] == (open == '{' ? '}' : ']')) {
        stack->pop_back();
        ++i;
        continue;
      }
      if (s[i] != ',') return kInvalid;
      i = SkipSpace(s, i + 1);
      if (open == '{') i = ScanName(s, i, &escaped);
      if (i == kInvalid) return kInvalid;
      break;
    }
  }
}

// The JSON string body `raw` (between the quotes, valid) decoded to UTF-8;
// an escaped lone surrogate becomes U+FFFD.
void DecodeString(std::string_view raw, std::string* out) {
  out->clear();
  std::size_t run = 0;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] != '\\') {
      ++i;
      continue;
    }
    out->append(raw, run, i - run);
    const char e = raw[i + 1];
    i += 2;
    switch (e) {
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        char32_t cp = static_cast<char32_t>(Hex4(raw, i));
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= raw.size() && raw[i] == '\\' &&
            raw[i + 1] == 'u') {
          const int low = Hex4(raw, i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
            i += 6;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = internal::kReplacementCharacter;
        internal::AppendUtf8(cp, out);
        break;
      }
      default:
        out->push_back(e);
        break;  // " \ /
    }
    run = i;
  }
  out->append(raw, run, std::string_view::npos);
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  // Text that is valid UTF-8 (nearly all) needs no decoding here.
  const bool valid = simdjson::validate_utf8(s.data(), s.size());
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  std::size_t run = 0;  // the bytes from here on go out as they are
  for (std::size_t i = 0; i < s.size();) {
    if (valid) {
      i = SkipPlain(s.data(), i, s.size());
      if (i >= s.size()) break;
    }
    const unsigned char c = bytes[i];
    if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x80 || valid)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      char32_t cp;
      const std::size_t length = internal::DecodeUtf8(bytes + i, bytes + s.size(), &cp);
      if (cp != internal::kIllFormed) {
        i += length;
        continue;
      }
      out->append(s.data() + run, i - run);
      internal::AppendUtf8(internal::kReplacementCharacter, out);
      i += length;
      run = i;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
    run = ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

bool JsonRecord::Parse(std::string_view line) {
  line_ = line;
  members_.clear();
  if (!simdjson::validate_utf8(line.data(), line.size())) return false;
  std::size_t i = SkipSpace(line, 0);
  if (i >= line.size() || line[i] != '{') return false;
  i = SkipSpace(line, i + 1);
  if (i < line.size() && line[i] == '}') {
    ++i;
  } else {
    for (;;) {
      Member m;
      m.name_escaped = false;
      m.name_begin = i + 1;
      i = ScanName(line, i, &m.name_escaped);
      if (i == kInvalid) return false;
      m.name_end = line.rfind('"', i - 1);
      m.value_begin = i;
      i = ScanValue(line, i, &stack_);
      if (i == kInvalid) return false;
      m.value_end = i;
      members_.push_back(m);
      i = SkipSpace(line, i);
      if (i >= line.size()) return false;
      if (line[i] == '}') {
        ++i;
        break;
      }
      if (line[i] != ',') return false;
      i = SkipSpace(line, i + 1);
    }
  }
  return SkipSpace(line, i) == line.size();
}

const JsonRecord::Member* JsonRecord::Find(std::string_view name) const {
  for (auto m = members_.rbegin(); m != members_.rend(); ++m) {
    const std::string_view raw = line_.substr(m->name_begin, m->name_end - m->name_begin);
    if (!m->name_escaped) {
      if (raw == name) return &*m;
      continue;
    }
    DecodeString(raw, &name_scratch_);
    if (name_scratch_ == name) return &*m;
  }
  return nullptr;
}

bool JsonRecord::Has(std::string_view name) const { return Find(name) != nullptr; }

bool JsonRecord::StringField(std::string_view name, std::string* value) const {
  const Member* m = Find(name);
  if (m == nullptr || line_[m->value_begin] != '"') return false;
  DecodeString(line_.substr(m->value_begin + 1, m->value_end - m->value_begin - 2), value);
  return true;
}

void JsonRecord::Write(std::string_view name, std::string_view value, std::string_view added,
                       std::string_view added_json, std::string* out) const {
  // The edits in the order of their place in the line.
  struct Edit {
    std::size_t begin, end;  // the bytes replaced; begin == end inserts
    bool json_string;        // `text` is written as a JSON string
    std::string_view text;
    std::string_view new_name;  // for an inserted member
  };
  const std::size_t insert_at = members_.empty() ? line_.find('{') + 1 : members_.back().value_end;
  Edit edits[2];
  std::size_t count = 0;
  for (const auto& [member_name, json_string, text] :
       {std::tuple{name, true, value}, std::tuple{added, false, added_json}}) {
    if (!json_string && member_name.empty()) continue;  // nothing to add
    if (const Member* m = Find(member_name)) {
      edits[count++] = {m->value_begin, m->value_end, json_string, text, {}};
    } else {
      edits[count++] = {insert_at, insert_at, json_string, text, member_name};
    }
  }
  if (count == 2 && edits[1].begin < edits[0].begin) std::swap(edits[0], edits[1]);
  bool any_member = !members_.empty();
  std::size_t at = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Edit& e = edits[i];
    out->append(line_, at, e.begin - at);
    if (e.begin == e.end) {  // a new member
      if (any_member) out->push_back(',');
      any_member = true;
      AppendJsonString(e.new_name, out);
      out->push_back(':');
    }
    if (e.json_string) {
      AppendJsonString(e.text, out);
    } else {
      out->append(e.text);
    }
    at = e.end;
  }
  out->append(line_, at, std::string_view::npos);
}

void JsonLinesCounts::Add(const JsonLinesCounts& other) {
  records += other.records;
  edited += other.edited;
  not_json += other.not_json;
  for (std::uint64_t line : other.not_json_lines) {
    if (not_json_lines.size() == kMaxLinesNoted) break;
    not_json_lines.push_back(line);
  }
}

Status EditJsonLines(std::string_view lines, const JsonLinesOptions& options,
                     std::string_view added, const RecordEditor& edit, std::string* out,
                     JsonLinesCounts* counts) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  JsonRecord record;
  std::string text, new_text, added_json;
  std::size_t number = 0;
  for (std::string_view rest = lines; !rest.empty();) {
    const std::size_t offset = lines.size() - rest.size();
    const internal::Line line = internal::NextLine(&rest);
    ++number;
    std::string_view content = line.text;
    if (content.starts_with(kBom)) content.remove_prefix(kBom.size());
    if (content.find_first_not_of(" \t") == std::string_view::npos) {
      out->append(line.text);
    } else if (!record.Parse(content)) {
      if (options.strict) {
        return Status(ErrorCode::kInvalidInput, "not a JSON object", {"", number, 1, offset});
      }
      ++counts->records;
      ++counts->not_json;
      if (counts->not_json_lines.size() < JsonLinesCounts::kMaxLinesNoted) {
        counts->not_json_lines.push_back(number);
      }
      out->append(line.text);
    } else {
      ++counts->records;
      if (record.StringField(options.field, &text)) {
        ++counts->edited;
        new_text.clear();
        added_json.clear();
        edit(record, text, &new_text, &added_json);
        record.Write(options.field, new_text, added, added_json, out);
      } else {
        out->append(content);
      }
    }
    out->append(line.ending);
  }
  return Status();
}

}  // namespace normkit
