// The names of rule files. Each module keeps its rule files in one folder
// of rules/ (a RuleFiles path, "translit/ru/bgn_pcgn.toml") and calls each
// by its name in that folder, without ".toml": a scheme id ("ru/bgn_pcgn"),
// a language code ("ru", "common"), a recipe ("news"). A name may hold '/'
// (a file in a folder below). Internal.
#ifndef NORMKIT_CORE_RULE_PATHS_H_
#define NORMKIT_CORE_RULE_PATHS_H_

#include <string>
#include <string_view>
#include <vector>

#include "normkit/rule_files.h"

namespace normkit::internal {

inline constexpr std::string_view kRuleFileExtension = ".toml";

// The path of the rule file `name` in `folder`: ("translit", "ru/bgn_pcgn")
// gives "translit/ru/bgn_pcgn.toml".
inline std::string RuleFilePath(std::string_view folder, std::string_view name) {
  std::string path;
  path.reserve(folder.size() + 1 + name.size() + kRuleFileExtension.size());
  path.append(folder).append("/").append(name).append(kRuleFileExtension);
  return path;
}

// The name of the rule file at `path` in `folder` (in it or below it):
// ("translit/ru/bgn_pcgn.toml", "translit") gives "ru/bgn_pcgn". Empty when
// `path` is not a rule file there (another folder, not .toml, no name).
inline std::string_view RuleFileName(std::string_view path, std::string_view folder) {
  if (path.size() <= folder.size() + 1 + kRuleFileExtension.size() || !path.starts_with(folder) ||
      path[folder.size()] != '/' || !path.ends_with(kRuleFileExtension)) {
    return {};
  }
  path.remove_prefix(folder.size() + 1);
  path.remove_suffix(kRuleFileExtension.size());
  return path;
}

// The paths of the rule files in `folder` and the folders below it, sorted:
// "dates" gives "dates/be.toml", "dates/common.toml", ... Other files there
// (a .txt list, a file named only ".toml") are left out.
inline std::vector<std::string> RuleFilesIn(const RuleFiles& rules, std::string_view folder) {
  std::string prefix(folder);
  prefix += '/';
  std::vector<std::string> paths = rules.List(prefix);
  std::erase_if(paths, [&](const std::string& path) { return RuleFileName(path, folder).empty(); });
  return paths;
}

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_RULE_PATHS_H_
