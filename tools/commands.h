// The subcommands of the normkit binary. Each Add*Command registers its
// options on `app` and, when chosen, stores its body in *run.
#ifndef NORMKIT_TOOLS_COMMANDS_H_
#define NORMKIT_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace normkit::tools {

// Options that every subcommand understands.
struct GlobalOptions {
  std::string rules_dir;  // --rules DIR
  bool quiet = false;     // --quiet
};

using CommandBody = std::function<int()>;

void AddNormalizeCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);
void AddTranslitCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);
void AddDatesCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);
void AddCleanCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);
void AddRunCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);
void AddVariantsCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);
void AddDemoCommand(CLI::App* app, const GlobalOptions* global, CommandBody* run);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_COMMANDS_H_
