// The rule files that normkit's objects are built from: the ones embedded in
// the library at build time (everything under rules/), plus any that the
// caller adds or overrides. Paths are relative to rules/, with '/' between
// parts: "normalize/punct.toml".
//
// The library never reads the file system; a caller that wants files from a
// folder (the CLI's --rules DIR) reads them and hands them over with Add().
//
// Example:
//   normkit::RuleFiles rules = normkit::RuleFiles::Embedded();
//   rules.Add("normalize/punct.toml", my_profile_text);
//
// A RuleFiles is a value; const access is safe from many threads.
#ifndef NORMKIT_RULE_FILES_H_
#define NORMKIT_RULE_FILES_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "normkit/export.h"

namespace normkit {

class NORMKIT_EXPORT RuleFiles {
 public:
  // No files at all.
  RuleFiles() = default;
  // The files embedded from rules/ when the library was built.
  static RuleFiles Embedded();

  // Adds a file, or replaces the one with the same path. `origin` is what
  // error messages call the file (the real path on disk, say); it defaults
  // to "rules/" + path.
  void Add(std::string path, std::string content, std::string origin = "");

  // The content of a file, or nullptr.
  const std::string* Find(std::string_view path) const;
  // The name error messages use for the file at `path`.
  std::string Origin(std::string_view path) const;
  // Paths that start with `prefix` ("translit/"), sorted.
  std::vector<std::string> List(std::string_view prefix = "") const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string origin;
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace normkit

#endif  // NORMKIT_RULE_FILES_H_
