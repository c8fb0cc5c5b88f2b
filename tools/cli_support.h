// What every subcommand shares: messages, the --rules folder, exit codes.
#ifndef NORMKIT_TOOLS_CLI_SUPPORT_H_
#define NORMKIT_TOOLS_CLI_SUPPORT_H_

#include <string>
#include <string_view>

#include "exit_codes.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit::tools {

// Prints "normkit: <message>" to standard error and returns `exit_code`.
int Fail(int exit_code, std::string_view message);

// The embedded rule files, with every .toml and .txt file under `dir` (if
// not empty) added over them by its path relative to `dir`.
Result<RuleFiles> LoadRules(const std::string& dir);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_CLI_SUPPORT_H_
