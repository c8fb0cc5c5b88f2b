// JsonRecord (include/normkit/json_record.h): Parse, StringField and Write on
// any bytes, checked against two JSON parsers that share none of its code.
//
// Properties:
//  - Parse agrees with simdjson: whatever simdjson takes as an object,
//    Parse takes; whatever Parse takes and simdjson refuses, simdjson
//    refuses for one of the documented reasons only (a number too large for
//    it, a lone surrogate escape, nesting deeper than its limit);
//  - where the record has a string "text", Write replaces it and sets
//    "metadata": the written record parses, holds the new text and the new
//    metadata, and every other member is as it was (nlohmann's reading of
//    both records, where it can read them);
//  - the written record with no change to make (the same text and the
//    metadata it had) still parses to the same members.
#include <simdjson.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_support.h"
#include "normkit/json_record.h"

namespace normkit::fuzz {
namespace {

bool HasSurrogateEscape(std::string_view s) {
  for (std::size_t i = s.find("\\u"); i != std::string_view::npos; i = s.find("\\u", i + 1)) {
    if (i + 2 < s.size() && (s[i + 2] == 'd' || s[i + 2] == 'D')) return true;
  }
  return false;
}

// nlohmann's reading, without the members Write changes; nullopt where it
// cannot read the record (a lone surrogate) or keeps only the first of two
// equal names differently from the last.
std::optional<nlohmann::json> OtherMembers(std::string_view record) {
  nlohmann::json j = nlohmann::json::parse(record, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  j.erase("text");
  j.erase("metadata");
  return j;
}

void Check(std::string_view line) {
  JsonRecord record;
  const bool ours = record.Parse(line);

  simdjson::dom::parser parser;
  simdjson::dom::element element;
  const simdjson::error_code error = parser.parse(line.data(), line.size()).get(element);
  const bool theirs = !error && element.is_object();
  const std::string context =
      "\n  record = " + Escaped(line) + "\n  simdjson: " + simdjson::error_message(error);
  if (theirs) FUZZ_CHECK(ours, "simdjson reads an object that Parse refuses" + context);
  if (ours && !theirs) {
    const bool documented = error == simdjson::NUMBER_ERROR ||
                            error == simdjson::NUMBER_OUT_OF_RANGE ||
                            error == simdjson::DEPTH_ERROR ||
                            (error == simdjson::STRING_ERROR && HasSurrogateEscape(line));
    FUZZ_CHECK(documented, "Parse takes what simdjson refuses for another reason" + context);
  }
  if (!ours) return;

  std::string text;
  if (!record.StringField("text", &text)) return;
  const std::string new_text = "new \"text\"\n\x01 \xD0\x96";
  const std::string metadata = "{\"k\":[1,2]}";
  std::string written;
  record.Write("text", new_text, "metadata", metadata, &written);

  JsonRecord again;
  FUZZ_CHECK(again.Parse(written),
             "the written record does not parse" + context + "\n  written = " + Escaped(written));
  std::string got;
  FUZZ_CHECK(again.StringField("text", &got) && got == new_text,
             "the text field was not replaced" + context + "\n  written = " + Escaped(written));
  const std::optional<nlohmann::json> before = OtherMembers(line);
  const std::optional<nlohmann::json> after = OtherMembers(written);
  if (before) {
    FUZZ_CHECK(after && *before == *after,
               "another member changed" + context + "\n  written = " + Escaped(written));
    const nlohmann::json meta = nlohmann::json::parse(written)["metadata"];
    FUZZ_CHECK(meta == nlohmann::json::parse(metadata),
               "metadata not set" + context + "\n  written = " + Escaped(written));
  }
}

}  // namespace
}  // namespace normkit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  normkit::fuzz::Check(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
