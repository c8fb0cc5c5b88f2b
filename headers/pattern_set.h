// PatternSet: the RE2 patterns of one kind of rule (header date labels,
// credits, bylines), compiled one by one and together as an RE2::Set, so
// that one pass over a line says which patterns can match it. Internal.
//
// Every RE2 failure is a rule error that names the file, the line and
// column of the pattern, the pattern and RE2's message: a pattern that does
// not parse, one whose program exceeds the memory budget, a set that does
// not compile. At match time a set that runs out of memory on a line says
// "every pattern is a candidate", never "none".
//
// Immutable once compiled; Candidates() may run on many threads at once.
#ifndef NORMKIT_HEADERS_PATTERN_SET_H_
#define NORMKIT_HEADERS_PATTERN_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/status.h"

namespace normkit::internal {

class PatternSet {
 public:
  // `anchor`: how the set matches (a prefix or the whole line);
  // `max_memory`: the budget in bytes of each pattern and of the set.
  PatternSet(RE2::Anchor anchor, std::int64_t max_memory);

  // Compiles `pattern`, written at `where` in a rule file. With `groups` >=
  // 0 the pattern must have exactly that many capturing groups.
  Status Add(std::string_view pattern, const SourcePosition& where, int groups = -1);
  // Adds `pattern` for the set alone, not compiled on its own: for a set
  // whose patterns were each compiled already in another set, as they are
  // written there (pattern(index) must not be asked for such a pattern).
  // RE2 compiles a pattern in about the time it takes to compile it into a
  // set, and start-up is what a short run waits for.
  void AddToSetOnly(std::string pattern, const SourcePosition& where);
  // Builds the set from every pattern added, for Candidates(); a set that
  // is only matched one pattern at a time needs no Compile(). Call once,
  // after the last Add.
  Status Compile();

  // The patterns that can match `text`, as indices in the order of Add(),
  // ascending, into *out (cleared first). Only after Compile().
  void Candidates(std::string_view text, std::vector<int>* out) const;

  const RE2& pattern(int index) const { return *patterns_[static_cast<std::size_t>(index)]; }
  const std::string& text(int index) const { return texts_[static_cast<std::size_t>(index)]; }
  const SourcePosition& where(int index) const { return where_[static_cast<std::size_t>(index)]; }
  RE2::Anchor anchor() const { return anchor_; }
  std::size_t size() const { return texts_.size(); }

 private:
  Status Error(const SourcePosition& where, std::string_view pattern,
               const std::string& what) const;

  RE2::Anchor anchor_;
  std::int64_t max_memory_;
  std::vector<std::unique_ptr<RE2>> patterns_;  // null where added to the set only
  std::vector<std::string> texts_;
  std::vector<SourcePosition> where_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_HEADERS_PATTERN_SET_H_
