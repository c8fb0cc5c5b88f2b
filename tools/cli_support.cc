#include "cli_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace normkit::tools {

int Fail(int exit_code, std::string_view message) {
  std::cerr << "normkit: " << message << "\n";
  return exit_code;
}

Result<RuleFiles> LoadRules(const std::string& dir) {
  RuleFiles rules = RuleFiles::Embedded();
  if (dir.empty()) return rules;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(ErrorCode::kNotFound,
                  "--rules: '" + dir + "' is not a folder");
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& path = it->path();
    if (path.extension() != ".toml" && path.extension() != ".txt") continue;
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    if (!file) {
      return Status(ErrorCode::kNotFound,
                    "cannot read rule file '" + path.string() + "'");
    }
    rules.Add(fs::relative(path, dir).generic_string(), content.str(),
              path.string());
  }
  if (ec) {
    return Status(ErrorCode::kNotFound,
                  "--rules: cannot list '" + dir + "': " + ec.message());
  }
  return rules;
}

}  // namespace normkit::tools
