#include "normkit/transliterator.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>

#include "core/rule_paths.h"
#include "scheme.h"
#include "tables.h"

namespace normkit {

Transliterator::Transliterator(std::shared_ptr<const internal::SchemeTables> tables)
    : tables_(std::move(tables)) {}

Result<Transliterator> Transliterator::Create(std::string_view id, Direction direction) {
  return Create(id, direction, RuleFiles::Embedded());
}

Result<Transliterator> Transliterator::Create(std::string_view id, Direction direction,
                                              const RuleFiles& rules) {
  const std::string path = internal::SchemePath(id);
  const std::string* text = rules.Find(path);
  if (text == nullptr) {
    std::string message = "unknown scheme '" + std::string(id) + "'";
    const std::vector<std::string> nearest = NearestSchemeIds(id, rules);
    if (!nearest.empty()) {
      message += "; nearest:";
      for (const std::string& n : nearest) message += " " + n;
    }
    return Status(ErrorCode::kNotFound, message);
  }
  Result<internal::Scheme> scheme = internal::ParseScheme(*text, rules.Origin(path), id);
  if (!scheme.ok()) return scheme.status();
  auto tables = internal::CompileScheme(*scheme, rules, direction);
  if (!tables.ok()) return tables.status();
  return Transliterator(std::move(*tables));
}

namespace {

const icu::Normalizer2& Nfc() {
  UErrorCode ec = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  return *nfc;
}

bool IsNfc(std::string_view text) {
  UErrorCode ec = U_ZERO_ERROR;
  const bool yes = Nfc().isNormalizedUTF8(icu::StringPiece(text.data(), text.size()), ec);
  return U_SUCCESS(ec) && yes;
}

void AppendNfc(std::string_view text, std::string* out) {
  icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(text.size()));
  UErrorCode ec = U_ZERO_ERROR;
  Nfc().normalizeUTF8(0, icu::StringPiece(text.data(), text.size()), sink, nullptr, ec);
}

}  // namespace

// The tables map composed letters (й, not и + U+0306), and a letter's Latin
// can compose with a mark after it. The engine stops before any line that
// holds something NFC might touch; that line alone is composed, run again
// and its output composed. Lines that are already composed (nearly all)
// cost one pass.
void Transliterator::Transliterate(std::string_view text, std::string* out) const {
  const std::size_t start = out->size();
  // Latin for Cyrillic takes no more bytes than its source but for a few
  // letters (щ), and ASCII as many: room for the whole output at once,
  // rather than a copy of it at each doubling.
  out->reserve(start + text.size());
  std::string composed, normalized;
  std::size_t done = 0;
  for (;;) {
    done += internal::RunTables(*tables_, text.substr(done), out,
                                /*stop_before_unsafe=*/true);
    if (done >= text.size()) break;
    const std::size_t lf = text.find('\n', done);
    const std::size_t line_end = lf == std::string_view::npos ? text.size() : lf;
    composed.clear();
    AppendNfc(text.substr(done, line_end - done), &composed);
    const std::size_t line_start = out->size();
    internal::RunTables(*tables_, composed, out, /*stop_before_unsafe=*/false);
    const std::string_view produced(out->data() + line_start, out->size() - line_start);
    if (!IsNfc(produced)) {
      normalized.clear();
      AppendNfc(produced, &normalized);
      out->resize(line_start);
      out->append(normalized);
    }
    if (lf == std::string_view::npos) break;
    out->push_back('\n');
    done = lf + 1;
  }
  if (tables_->output_needs_nfc_check) {
    const std::string_view produced(out->data() + start, out->size() - start);
    if (!IsNfc(produced)) {
      normalized.clear();
      AppendNfc(produced, &normalized);
      out->resize(start);
      out->append(normalized);
    }
  }
}

std::string Transliterator::Transliterate(std::string_view text) const {
  std::string out;
  Transliterate(text, &out);
  return out;
}

const SchemeInfo& Transliterator::info() const { return tables_->info; }
Direction Transliterator::direction() const { return tables_->direction; }
const std::vector<std::pair<std::string, std::string>>& Transliterator::test_pairs() const {
  return tables_->tests;
}

std::vector<SchemeInfo> ListSchemes(const RuleFiles& rules, std::vector<Status>* errors) {
  std::vector<SchemeInfo> schemes;
  for (const std::string& path : internal::RuleFilesIn(rules, internal::kSchemeFolder)) {
    const std::string_view id = internal::RuleFileName(path, internal::kSchemeFolder);
    Result<internal::Scheme> scheme =
        internal::ParseScheme(*rules.Find(path), rules.Origin(path), id);
    if (!scheme.ok()) {
      if (errors != nullptr) errors->push_back(scheme.status());
      continue;
    }
    schemes.push_back(scheme->info);
  }
  std::sort(schemes.begin(), schemes.end(),
            [](const SchemeInfo& a, const SchemeInfo& b) { return a.id < b.id; });
  return schemes;
}

namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> NearestSchemeIds(std::string_view id, const RuleFiles& rules,
                                          std::size_t count) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const std::string& path : internal::RuleFilesIn(rules, internal::kSchemeFolder)) {
    const std::string_view known = internal::RuleFileName(path, internal::kSchemeFolder);
    scored.emplace_back(EditDistance(id, known), known);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> nearest;
  for (std::size_t i = 0; i < scored.size() && i < count; ++i) {
    nearest.push_back(scored[i].second);
  }
  return nearest;
}

}  // namespace normkit
