// The part of a text that a step changed, for the audit: between the
// longest common prefix and the longest common suffix of the text before
// and after, widened to whole UTF-8 characters. Internal.
#ifndef NORMKIT_PIPELINE_CHANGED_RANGE_H_
#define NORMKIT_PIPELINE_CHANGED_RANGE_H_

#include <cstddef>
#include <string_view>

namespace normkit::internal {

struct ChangedRange {
  std::size_t begin = 0;       // the same in both texts
  std::size_t before_end = 0;  // the changed part of `before` is [begin, before_end)
  std::size_t after_end = 0;   // and of `after` [begin, after_end)
};

ChangedRange FindChangedRange(std::string_view before, std::string_view after);

inline bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace normkit::internal

#endif  // NORMKIT_PIPELINE_CHANGED_RANGE_H_
