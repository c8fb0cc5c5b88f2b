// JsonRecord: one JSON Lines record whose text field a step rewrites, edited
// in place: the field's value is replaced and one member set, and every
// other byte of the record stays as it was (key order, spacing, escapes,
// number formats), so a corpus keeps what normkit had no reason to touch.
//
// What counts as a record: a JSON object (RFC 8259) on one line, spaces
// around it allowed. Two things that strict parsers refuse are accepted,
// because the bytes go through untouched anyway: numbers of any size
// (1e400, integers beyond 64 bits), and a \ud800-style escape of a lone
// surrogate (decoded as U+FFFD where the text field holds one). Member names
// are compared after unescaping ("t\u0065xt" is "text"), and where a name
// repeats the last member counts, as in JavaScript and Python.
//
// Example:
//   normkit::JsonRecord record;
//   if (record.Parse(R"({"id": 7, "text": "Tokaev said"})")) {
//     std::string text;
//     record.StringField("text", &text);      // "Tokaev said"
//     std::string out;
//     record.Write("text", "Tokayev said", "metadata", "{}", &out);
//     // {"id": 7, "text": "Tokayev said","metadata":{}}
//   }
//
// A JsonRecord holds views into the line it parsed and scratch space it
// reuses from line to line: one per thread.
#ifndef NORMKIT_JSON_RECORD_H_
#define NORMKIT_JSON_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/export.h"
#include "normkit/status.h"

namespace normkit {

// Appends `s` as a JSON string: quoted, with ", \ and control characters
// escaped, other UTF-8 as it is, and ill-formed UTF-8 as U+FFFD (one per
// maximal subpart), so that what is written is always valid JSON.
NORMKIT_EXPORT void AppendJsonString(std::string_view s, std::string* out);

class NORMKIT_EXPORT JsonRecord {
 public:
  // False when `line` (without its line ending) is not a JSON object. The
  // record keeps a view of `line`: it must outlive the calls below.
  bool Parse(std::string_view line);

  // The decoded string value of member `name`. False (and *value untouched)
  // when there is no such member or its value is not a string.
  bool StringField(std::string_view name, std::string* value) const;
  bool Has(std::string_view name) const;
  // The line the record was parsed from.
  std::string_view line() const { return line_; }

  // Appends the record with member `name` holding the string `value` and
  // member `added` holding the raw JSON `added_json`; a member that exists
  // has its value replaced in place, one that does not is added before the
  // closing brace. An empty `added` adds nothing (a step with nothing to
  // report). Every other byte is kept.
  void Write(std::string_view name, std::string_view value, std::string_view added,
             std::string_view added_json, std::string* out) const;

 private:
  struct Member {
    std::size_t name_begin, name_end;    // the raw name, inside its quotes
    std::size_t value_begin, value_end;  // the raw value
    bool name_escaped;
  };
  // The last member called `name`, or nullptr.
  const Member* Find(std::string_view name) const;

  std::string_view line_;
  std::vector<Member> members_;
  std::string stack_;                 // open containers while parsing
  mutable std::string name_scratch_;  // an escaped name, decoded
};

struct NORMKIT_EXPORT JsonLinesOptions {
  std::string field = "text";  // the text field of each record
  bool strict = false;         // a line that is not a JSON object is an error
};

struct NORMKIT_EXPORT JsonLinesCounts {
  std::uint64_t records = 0;   // lines that are not blank
  std::uint64_t edited = 0;    // records whose field was a string
  std::uint64_t not_json = 0;  // lines that are not JSON objects
  // Where the first kMaxLinesNoted of them are: lines of the text edited
  // (from 1).
  static constexpr std::size_t kMaxLinesNoted = 100;
  std::vector<std::uint64_t> not_json_lines;
  void Add(const JsonLinesCounts& other);
};

// What a step makes of one record's text: the new text, and the raw JSON
// of the member it adds. `record` is there to read other fields from.
using RecordEditor = std::function<void(const JsonRecord& record, std::string_view text,
                                        std::string* new_text, std::string* added_json)>;

// Edits every record of `lines` (whole lines; a line ends at LF, CRLF or a
// lone CR, and keeps its ending): a record with a string `options.field`
// gets the editor's text there and the member `added` with its JSON (none
// when `added` is empty: *added_json is then ignored). Blank
// lines, records without the field, and (unless strict) lines that are not
// JSON objects go through unchanged, in their place. A UTF-8 BOM before a
// record is dropped. Under `options.strict` a line that is not a JSON object
// stops the edit: the Status (kInvalidInput) gives its line (from 1) and
// byte offset in `lines`, and *out holds the records before it.
NORMKIT_EXPORT Status EditJsonLines(std::string_view lines, const JsonLinesOptions& options,
                                    std::string_view added, const RecordEditor& edit,
                                    std::string* out, JsonLinesCounts* counts);

}  // namespace normkit

#endif  // NORMKIT_JSON_RECORD_H_
