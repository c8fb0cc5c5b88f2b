// Files compiled into a binary by a build step (cmake/embed_files.cmake):
// the rule files in the library, the demo article in the tool. Internal.
#ifndef NORMKIT_CORE_EMBEDDED_FILES_H_
#define NORMKIT_CORE_EMBEDDED_FILES_H_

#include <cstddef>
#include <string_view>

namespace normkit::internal {

struct EmbeddedFile {
  std::string_view path;     // relative to the folder embedded
  std::string_view content;  // the file's bytes
};

// Every file under rules/ (core/CMakeLists.txt), sorted by path.
extern const EmbeddedFile kEmbeddedRules[];
extern const std::size_t kEmbeddedRulesCount;

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_EMBEDDED_FILES_H_
