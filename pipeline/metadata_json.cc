// The one writer of a document's metadata as JSON: `normkit run` and
// `normkit clean` both write what they found through it, so a corpus cleaned
// either way has one "metadata" schema.
#include <string>
#include <string_view>

#include "normkit/json_record.h"
#include "normkit/pipeline.h"

namespace normkit {
namespace {

// Appends members of a JSON object (no braces), a comma before each but the
// first.
class MemberWriter {
 public:
  explicit MemberWriter(std::string* out) : out_(*out) {}

  void Key(std::string_view name) {
    if (any_) out_.push_back(',');
    any_ = true;
    AppendJsonString(name, &out_);
    out_.push_back(':');
  }
  void String(std::string_view name, std::string_view value) {
    Key(name);
    AppendJsonString(value, &out_);
  }
  void Optional(std::string_view name, const std::optional<std::string>& value) {
    Key(name);
    if (value) {
      AppendJsonString(*value, &out_);
    } else {
      out_ += "null";
    }
  }
  void List(std::string_view name, const std::vector<std::string>& values) {
    Key(name);
    out_.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_.push_back(',');
      AppendJsonString(values[i], &out_);
    }
    out_.push_back(']');
  }
  void Number(std::string_view name, std::size_t value) {
    Key(name);
    out_ += std::to_string(value);
  }
  void Bool(std::string_view name, bool value) {
    Key(name);
    out_ += value ? "true" : "false";
  }

  void Metadata(const DocumentMetadata& m) {
    if (const std::optional<HeaderMetadata>& h = m.header) {
      Optional("title", h->title);
      Optional("published", h->published);
      Optional("modified", h->modified);
      Optional("updated", h->updated);
      List("authors", h->authors);
      List("photo_credits", h->photo_credits);
      Key("removed");
      out_.push_back('[');
      for (std::size_t i = 0; i < h->removed.size(); ++i) {
        const RemovedLine& r = h->removed[i];
        out_ += i > 0 ? ",{\"line\":" : "{\"line\":";
        out_ += std::to_string(r.line);
        out_ += ",\"text\":";
        AppendJsonString(r.text, &out_);
        out_ += ",\"rule\":";
        AppendJsonString(r.rule, &out_);
        out_.push_back('}');
      }
      out_.push_back(']');
      Number("lines", h->lines);
      Bool("kept_whole", h->kept_whole);
    }
    if (m.dates) {
      Key("dates");
      out_.push_back('[');
      for (std::size_t i = 0; i < m.dates->size(); ++i) {
        const FoundDate& d = (*m.dates)[i];
        out_ += i > 0 ? ",{\"text\":" : "{\"text\":";
        AppendJsonString(d.text, &out_);
        out_ += ",\"iso\":";
        AppendJsonString(d.match.value.ToIso(), &out_);
        out_ += ",\"language\":";
        if (d.match.language.empty()) {
          out_ += "null";
        } else {
          AppendJsonString(d.match.language, &out_);
        }
        out_.push_back('}');
      }
      out_.push_back(']');
    }
  }

 private:
  std::string& out_;
  bool any_ = false;
};

}  // namespace

std::string MetadataJson(const DocumentMetadata& metadata) {
  std::string out = "{";
  MemberWriter(&out).Metadata(metadata);
  out.push_back('}');
  return out;
}

std::string DocumentJson(const Document& document) {
  std::string out = "{";
  MemberWriter members(&out);
  members.Metadata(document.metadata);
  members.String("body", document.text);
  out.push_back('}');
  return out;
}

}  // namespace normkit
