// The table that the build step (cmake/embed_files.cmake) generates.
#ifndef NORMKIT_NORMALIZE_EMBEDDED_RULES_H_
#define NORMKIT_NORMALIZE_EMBEDDED_RULES_H_

#include <cstddef>
#include <string_view>

namespace normkit::internal {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/
  std::string_view content;  // the file's bytes
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_EMBEDDED_RULES_H_
