#include "normkit/pipeline_audit.h"

#include <algorithm>
#include <bit>

#include "common_affix.h"

namespace normkit {
namespace {

template <typename T>
void AppendUpTo(const std::vector<T>& from, std::size_t limit, std::vector<T>* to) {
  for (const T& item : from) {
    if (to->size() >= limit) return;
    to->push_back(item);
  }
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The part of a text that changed: between the longest common prefix and
// the longest common suffix of the text before and after, widened to whole
// UTF-8 characters. Its `begin` is the same in both texts.
struct ChangedRange {
  std::size_t begin = 0, before_end = 0, after_end = 0;
};

ChangedRange FindChangedRange(std::string_view before, std::string_view after) {
  // The two share the bytes around the changed part, so one test on
  // `before` (or `after` past its end) decides where a character starts.
  std::size_t prefix = internal::CommonPrefixLength(before, after);
  std::size_t suffix =
      internal::CommonSuffixLength(before, after, std::min(before.size(), after.size()) - prefix);
  auto at = [&](std::size_t i) { return i < before.size() ? before[i] : after[i]; };
  while (prefix > 0 && prefix < std::max(before.size(), after.size()) &&
         IsUtf8Continuation(at(prefix))) {
    --prefix;
  }
  while (suffix > 0 && IsUtf8Continuation(before[before.size() - suffix])) --suffix;
  return {prefix, before.size() - suffix, after.size() - suffix};
}

}  // namespace

void PipelineAudit::Add(const PipelineAudit& other) {
  for (const auto& [key, rule] : other.rules) {
    RuleAudit& mine = rules[key];
    mine.documents += rule.documents;
    mine.count += rule.count;
    AppendUpTo(rule.samples, kMaxSamples, &mine.samples);
  }
  for (const auto& [year, n] : other.date_years) date_years[year] += n;
  for (const auto& [month, n] : other.date_months) date_months[month] += n;
  for (std::size_t i = 0; i < kLengthBuckets; ++i) {
    length_before[i] += other.length_before[i];
    length_after[i] += other.length_after[i];
  }
  for (const auto& [canonical, spellings] : other.rewrites) {
    auto& mine = rewrites[canonical];
    for (const auto& [spelling, n] : spellings) mine[spelling] += n;
  }
  AppendUpTo(other.not_json_lines, kMaxLines, &not_json_lines);
  AppendUpTo(other.kept_whole_lines, kMaxLines, &kept_whole_lines);
}

void PipelineAudit::ShiftLines(std::uint64_t lines) {
  for (auto& [key, rule] : rules) {
    for (AuditSample& sample : rule.samples) {
      if (sample.line != 0) sample.line += lines;
    }
  }
  for (std::uint64_t& line : not_json_lines) line += lines;
  for (std::uint64_t& line : kept_whole_lines) line += lines;
}

AuditSample MakeAuditSample(std::string_view before, std::string_view after, std::uint64_t line,
                            std::size_t context) {
  const ChangedRange changed = FindChangedRange(before, after);
  const std::size_t prefix = changed.begin, before_end = changed.before_end,
                    after_end = changed.after_end;

  // The context: up to `context` bytes on either side, within the line.
  std::size_t from = prefix > context ? prefix - context : 0;
  const std::size_t line_start = before.rfind('\n', prefix == 0 ? 0 : prefix - 1);
  if (line_start != std::string_view::npos && prefix > 0 && line_start + 1 > from)
    from = line_start + 1;
  while (from < prefix && IsUtf8Continuation(before[from])) ++from;
  std::size_t to = std::min(before.size(), before_end + context);
  const std::size_t line_end = before.find('\n', before_end);
  if (line_end != std::string_view::npos && line_end < to) to = line_end;
  while (to > before_end && to < before.size() && IsUtf8Continuation(before[to])) --to;

  AuditSample sample;
  sample.line = line;
  sample.before.assign(before.substr(from, to - from));
  sample.after.assign(after.substr(from, after_end + (to - before_end) - from));
  sample.before_changed_begin = sample.after_changed_begin = prefix - from;
  sample.before_changed_end = before_end - from;
  sample.after_changed_end = after_end - from;
  return sample;
}

std::size_t LengthBucket(std::size_t bytes) {
  // floor(log2(bytes)), 0 for 0 and 1, the last bucket holding the rest.
  const std::size_t bucket = bytes < 2 ? 0 : std::bit_width(bytes) - 1;
  return std::min(bucket, PipelineAudit::kLengthBuckets - 1);
}

}  // namespace normkit
