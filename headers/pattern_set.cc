#include "pattern_set.h"

#include <algorithm>
#include <numeric>

namespace normkit::internal {

PatternSet::PatternSet(RE2::Anchor anchor, std::int64_t max_memory)
    : anchor_(anchor), max_memory_(max_memory) {}

Status PatternSet::Error(const SourcePosition& where, std::string_view pattern,
                         const std::string& what) const {
  return Status(ErrorCode::kRuleSyntax, "pattern '" + std::string(pattern) + "': " + what, where);
}

Status PatternSet::Add(std::string_view pattern, const SourcePosition& where, int groups) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_memory_);
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    std::string what = re->error();
    if (re->error_code() == RE2::ErrorPatternTooLarge) {
      what += " (the regex memory budget is " + std::to_string(max_memory_) + " bytes)";
    }
    return Error(where, pattern, what);
  }
  if (groups >= 0 && re->NumberOfCapturingGroups() != groups) {
    return Error(where, pattern,
                 "needs " + std::to_string(groups) + " group" + (groups == 1 ? "" : "s") +
                     " (has " + std::to_string(re->NumberOfCapturingGroups()) + ")");
  }
  texts_.emplace_back(pattern);
  patterns_.push_back(std::move(re));
  where_.push_back(where);
  return Status();
}

void PatternSet::AddToSetOnly(std::string pattern, const SourcePosition& where) {
  texts_.push_back(std::move(pattern));
  patterns_.push_back(nullptr);
  where_.push_back(where);
}

Status PatternSet::Compile() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_memory_);
  set_ = std::make_unique<RE2::Set>(options, anchor_);
  for (std::size_t i = 0; i < texts_.size(); ++i) {
    std::string error;
    if (set_->Add(texts_[i], &error) < 0) return Error(where_[i], texts_[i], error);
  }
  if (!set_->Compile()) {
    // The set is over the budget as a whole: name its largest pattern
    // (compiled here if it was added to the set only).
    auto program_size = [&](std::size_t i) {
      if (patterns_[i] != nullptr) return patterns_[i]->ProgramSize();
      return RE2(texts_[i], options).ProgramSize();
    };
    std::vector<int> sizes(texts_.size());
    for (std::size_t i = 0; i < texts_.size(); ++i) sizes[i] = program_size(i);
    std::vector<std::size_t> order(texts_.size());
    std::iota(order.begin(), order.end(), 0);
    const auto largest = std::max_element(order.begin(), order.end(),
                                          [&](auto a, auto b) { return sizes[a] < sizes[b]; });
    const std::string what = "these " + std::to_string(texts_.size()) +
                             " patterns together exceed the regex memory budget of " +
                             std::to_string(max_memory_) +
                             " bytes (RE2::Set could not compile); this one is the largest";
    if (largest == order.end()) return Status(ErrorCode::kRuleSyntax, what);
    return Error(where_[*largest], texts_[*largest], what);
  }
  return Status();
}

void PatternSet::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  RE2::Set::ErrorInfo info{};
  if (set_->Match(re2::StringPiece(text.data(), text.size()), out, &info)) {
    std::sort(out->begin(), out->end());
    return;
  }
  if (info.kind == RE2::Set::kNoError) return;  // nothing matches
  // The set's DFA ran out of memory on this text: every pattern may match,
  // and the caller's own match of each one decides.
  out->resize(texts_.size());
  std::iota(out->begin(), out->end(), 0);
}

}  // namespace normkit::internal
