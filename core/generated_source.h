// What the build steps that write C++ sources share (the generators in
// translit/, dates/ and variants/). Internal; build tools only.
#ifndef NORMKIT_CORE_GENERATED_SOURCE_H_
#define NORMKIT_CORE_GENERATED_SOURCE_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace normkit::internal {

// `text` (UTF-8) as a C++ string literal, written as UTF-8 the way the
// project's sources write non-ASCII text, so that a generated table reads as
// words. False for a control character, which has no place in a table.
inline bool AppendUtf8Literal(std::string_view text, std::string* out) {
  *out += '"';
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c == '"' || c == '\\') *out += '\\';
    *out += c;
  }
  *out += '"';
  return true;
}

// Writes `body` to `path`; on failure says so on stderr, as `tool`.
inline bool WriteGeneratedSource(const char* tool, const char* path, const std::string& body) {
  std::FILE* out = std::fopen(path, "wb");
  if (out == nullptr || std::fwrite(body.data(), 1, body.size(), out) != body.size() ||
      std::fclose(out) != 0) {
    std::fprintf(stderr, "%s: cannot write %s\n", tool, path);
    return false;
  }
  return true;
}

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_GENERATED_SOURCE_H_
