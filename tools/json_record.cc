#include "json_record.h"

namespace normkit::tools {
namespace {

std::size_t SkipSpace(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return i;
}

// Past the string that starts at s[i] (a quote).
std::size_t SkipString(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// Past the value that starts at s[i]. The text is valid JSON (simdjson said
// so), which keeps this simple.
std::size_t SkipValue(std::string_view s, std::size_t i) {
  if (s[i] == '"') return SkipString(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (; i < s.size(); ++i) {
      if (s[i] == '"') {
        i = SkipString(s, i) - 1;
      } else if (s[i] == '{' || s[i] == '[') {
        ++depth;
      } else if (s[i] == '}' || s[i] == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
         s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
    ++i;
  }
  return i;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

bool JsonRecord::Parse(std::string_view line) {
  line_ = line;
  simdjson::dom::element element;
  if (parser_.parse(line.data(), line.size()).get(element) != simdjson::SUCCESS) return false;
  return element.get_object().get(object_) == simdjson::SUCCESS;
}

std::optional<std::string_view> JsonRecord::StringField(std::string_view key) {
  std::string_view value;
  if (object_.at_key(key).get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

bool JsonRecord::HasKey(std::string_view key) {
  simdjson::dom::element e;
  return object_.at_key(key).get(e) == simdjson::SUCCESS;
}

bool JsonRecord::Write(std::string_view key, std::string_view value, std::string_view added_key,
                       std::string_view added_json, std::string* out) const {
  const std::string_view s = line_;
  // Find the top-level key's value by walking the object's members.
  std::size_t i = SkipSpace(s, 0) + 1;  // past '{'
  std::size_t value_begin = std::string_view::npos, value_end = 0;
  std::string unescaped;
  while (true) {
    i = SkipSpace(s, i);
    if (i >= s.size() || s[i] == '}') break;
    const std::size_t key_begin = i;
    i = SkipString(s, i);
    // Keys are compared as written: a key with escapes makes Write()
    // decline, and the caller re-serializes the record.
    const std::string_view raw_key = s.substr(key_begin + 1, i - key_begin - 2);
    i = SkipSpace(s, i) + 1;  // past ':'
    i = SkipSpace(s, i);
    const std::size_t v = i;
    i = SkipValue(s, i);
    if (raw_key == key && value_begin == std::string_view::npos) {
      value_begin = v;
      value_end = i;
    }
    if (raw_key == added_key) return false;
    i = SkipSpace(s, i);
    if (i < s.size() && s[i] == ',') ++i;
  }
  if (value_begin == std::string_view::npos) return false;
  const std::size_t close = s.rfind('}');
  const std::size_t start = out->size();
  out->append(s.substr(0, value_begin));
  AppendJsonString(value, out);
  out->append(s.substr(value_end, close - value_end));
  // Before the closing brace: the added member.
  while (out->size() > start &&
         (out->back() == ' ' || out->back() == '\t' || out->back() == '\r')) {
    out->pop_back();
  }
  out->push_back(',');  // the object has at least `key`
  AppendJsonString(added_key, out);
  out->push_back(':');
  out->append(added_json);
  out->append(s.substr(close));
  return true;
}

}  // namespace normkit::tools
