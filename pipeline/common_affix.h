// How long a prefix or suffix two texts share, eight bytes a step: the
// audit asks it of every line a step changed. Internal.
#ifndef NORMKIT_PIPELINE_COMMON_AFFIX_H_
#define NORMKIT_PIPELINE_COMMON_AFFIX_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace normkit::internal {

inline std::size_t CommonPrefixLength(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) break;
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// At most `limit` bytes (so that a suffix never overlaps a prefix already
// counted).
inline std::size_t CommonSuffixLength(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = std::min({a.size(), b.size(), limit});
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + a.size() - i - 8, 8);
    std::memcpy(&y, b.data() + b.size() - i - 8, 8);
    if (x != y) break;
  }
  while (i < n && a[a.size() - 1 - i] == b[b.size() - 1 - i]) ++i;
  return i;
}

}  // namespace normkit::internal

#endif  // NORMKIT_PIPELINE_COMMON_AFFIX_H_
