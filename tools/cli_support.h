// What every subcommand shares: messages, exit statuses, reading the files
// named on the command line, the --rules folder.
#ifndef NORMKIT_TOOLS_CLI_SUPPORT_H_
#define NORMKIT_TOOLS_CLI_SUPPORT_H_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"

namespace normkit::tools {

// Prints "normkit: <message>" to standard error and returns `exit_code`.
int Fail(int exit_code, std::string_view message);

// The exit status for a library error, the one mapping for every command:
//   kInvalidArgument, kNotFound   2   a bad option value, an unknown id
//   kRuleSyntax, kInvalidInput   65   a broken rule file, bad input (strict)
//   kInternal                    70
int ExitCodeFor(const Status& status);
// Fail(ExitCodeFor(status), status.ToString()).
int Fail(const Status& status);
// The same with what the command line can do about it after the library's
// message ("...; 'normkit schemes' lists them all"): the libraries never
// speak of commands or flags, the tool does.
int Fail(const Status& status, std::string_view hint);

// Reads the whole regular file `path`. False with *error ("cannot read
// 'x': it is a folder") when it cannot.
bool ReadWholeFile(const std::string& path, std::string* content, std::string* error);

// The embedded rule files, with every .toml and .txt file under --rules DIR
// (when given) added over them by its path relative to DIR. Returns kExitOk,
// or kExitNoInput after printing why the folder cannot be read.
int LoadRules(const GlobalOptions& global, RuleFiles* rules);

// A command-line check for counts: a number that is not negative ("-j -1"
// is a usage error, not a huge unsigned number).
CLI::Validator NonNegative();

// "ru,uk" as {"ru", "uk"}; empty parts are left out.
std::vector<std::string> SplitCommas(std::string_view list);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_CLI_SUPPORT_H_
