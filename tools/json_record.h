// One JSON Lines record whose text field a step rewrites: parsed (and so
// validated) with simdjson, then written back with only that field's value
// replaced and one key added; every other byte of the record stays as it was
// (key order, spacing, number formats).
#ifndef NORMKIT_TOOLS_JSON_RECORD_H_
#define NORMKIT_TOOLS_JSON_RECORD_H_

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace normkit::tools {

// Appends `s` as a JSON string (quoted, escaped; UTF-8 kept as it is).
void AppendJsonString(std::string_view s, std::string* out);

class JsonRecord {
 public:
  // False when `line` is not a valid JSON object.
  bool Parse(std::string_view line);
  // The string value of the top-level key, or nullopt when it is absent or
  // not a string.
  std::optional<std::string_view> StringField(std::string_view key);
  bool HasKey(std::string_view key);
  // Appends the record with the value of `key` (a string field) replaced
  // by `value`, and `added_key` with the raw JSON `added_json` added at the
  // end. False (nothing appended) when the key is written with escapes
  // or `added_key` is already there: then re-serialize the record instead.
  bool Write(std::string_view key, std::string_view value, std::string_view added_key,
             std::string_view added_json, std::string* out) const;

 private:
  simdjson::dom::parser parser_;
  simdjson::dom::object object_;
  std::string_view line_;
};

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_JSON_RECORD_H_
