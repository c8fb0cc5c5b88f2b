// PipelineAudit: what a pipeline did to a corpus, in enough detail for a
// person to judge it (the page `normkit run --report` draws): per step and
// per rule, how many documents and lines it changed, a few real excerpts
// before and after, where the dates fall, how long the documents are, and
// which names were rewritten to which spelling.
//
// An audit is collected when PipelineStats::audit holds one
// (stats.audit.emplace()); without it a pipeline does none of this work.
// Its size is bounded whatever the corpus: samples and line lists have
// fixed lengths, histograms fixed buckets, names and rules are bounded by
// the rule files. Samples are the first ones in input order, so Add() in
// input order gives the same audit whatever the number of threads.
#ifndef NORMKIT_PIPELINE_AUDIT_H_
#define NORMKIT_PIPELINE_AUDIT_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normkit/export.h"

namespace normkit {

// One change, as an excerpt of the text before the step and the same place
// after it: `before` and `after` share everything but the part in
// [changed_begin, changed_end) of each (byte offsets into the excerpt).
// An excerpt is cut at UTF-8 character boundaries.
struct NORMKIT_EXPORT AuditSample {
  std::uint64_t line = 0;  // the record's line in the input (from 1), 0 when not known
  std::string before, after;
  std::size_t before_changed_begin = 0, before_changed_end = 0;
  std::size_t after_changed_begin = 0, after_changed_end = 0;
};

// One rule of one step: a normalization kind ("whitespace"), a header rule
// ("published"), a date language ("ru"), a name's canonical spelling.
struct NORMKIT_EXPORT RuleAudit {
  std::uint64_t documents = 0;       // documents it changed (or, for dates, found in)
  std::uint64_t count = 0;           // lines changed, lines removed, dates found, words rewritten
  std::vector<AuditSample> samples;  // the first kMaxSamples, in input order
};

struct NORMKIT_EXPORT PipelineAudit {
  static constexpr std::size_t kMaxSamples = 5;
  static constexpr std::size_t kMaxLines = 100;
  // Documents by length in bytes: bucket k holds lengths in [2^k, 2^(k+1)),
  // bucket 0 also the empty ones.
  static constexpr std::size_t kLengthBuckets = 32;

  // (step, rule) -> what the rule did. Steps by their names ("normalize").
  std::map<std::pair<std::string, std::string>, RuleAudit> rules;
  // Dates found, by year and by year-month ("2022-06"); a date without a
  // year is in neither.
  std::map<int, std::uint64_t> date_years;
  std::map<std::string, std::uint64_t> date_months;
  std::array<std::uint64_t, kLengthBuckets> length_before{}, length_after{};
  // Rewritten names: the canonical spelling -> each spelling it replaced
  // -> how many times.
  std::map<std::string, std::map<std::string, std::uint64_t>> rewrites;
  // Input lines (from 1) of records that were not JSON objects and of
  // documents the cleaner kept whole; the first kMaxLines of each.
  std::vector<std::uint64_t> not_json_lines, kept_whole_lines;

  // Adds `other`, which comes after this one in the input.
  void Add(const PipelineAudit& other);
  // Adds `lines` to every line number (a chunk's audit counted from its
  // own first line, moved to where the chunk is in the input).
  void ShiftLines(std::uint64_t lines);
};

// The sample of a change from `before` to `after` (which differ): the first
// and last differing bytes, widened to whole characters, with up to
// `context` bytes on either side.
NORMKIT_EXPORT AuditSample MakeAuditSample(std::string_view before, std::string_view after,
                                           std::uint64_t line, std::size_t context = 80);

// The bucket of PipelineAudit::length_before for a document of `bytes`.
NORMKIT_EXPORT std::size_t LengthBucket(std::size_t bytes);

}  // namespace normkit

#endif  // NORMKIT_PIPELINE_AUDIT_H_
