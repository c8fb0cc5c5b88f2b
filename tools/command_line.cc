// normkit SUBCOMMAND [options] [FILE...]: the command line, parsed and
// run (command_line.h).
//
// Exit status: 0 success, 2 bad usage, 65 bad input data (--strict) or a
// broken rule file, 66 an input that cannot be opened, 70 internal error,
// 73 an output that cannot be written.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "normkit/version.h"
#include "output.h"

namespace {

// What went to std::cout (help, lists, the demo) must have arrived: a full
// disk or a closed standard output is exit status 73, never a silent 0.
int CheckStandardOutput(int status) {
  std::cout.flush();
  if (std::cout.good()) return status;
  std::cerr << "normkit: cannot write standard output"
            << (normkit::tools::StandardOutputClosed() ? ": it is closed" : "") << "\n";
  return status == normkit::tools::kExitOk ? normkit::tools::kExitCantCreate : status;
}

}  // namespace

namespace normkit::tools {

int RunCommandLine(int argc, char** argv) {
  CLI::App app(
      "normkit cleans scraped multilingual text: Unicode and punctuation "
      "normalization, transliteration, dates, header lines.\n"
      "Reads the named files, or standard input when there are none or the "
      "name is '-'; writes standard output unless -o FILE is given.",
      "normkit");
  app.set_version_flag("--version", NORMKIT_VERSION_STRING);
  app.require_subcommand(1, 1);
  app.fallthrough();
  app.footer(
      "Exit status: 0 success, 2 bad usage, 65 bad input under --strict or a "
      "broken rule file,\n66 an input that cannot be opened, 70 internal "
      "error, 73 an output that cannot be written.\n"
      "Run 'normkit SUBCOMMAND --help' for a subcommand's options; --rules and "
      "--quiet work before or after the subcommand.");

  GlobalOptions global;
  app.add_option("--rules", global.rules_dir,
                 "Folder of rule files that add to or override the embedded "
                 "ones (same layout as rules/)")
      ->type_name("DIR");
  app.add_flag("-q,--quiet", global.quiet, "No warnings or summaries on standard error");

  CommandBody run;
  AddNormalizeCommand(&app, &global, &run);
  AddTranslitCommand(&app, &global, &run);
  AddDatesCommand(&app, &global, &run);
  AddCleanCommand(&app, &global, &run);
  AddRunCommand(&app, &global, &run);
  AddVariantsCommand(&app, &global, &run);
  AddDemoCommand(&app, &global, &run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return CheckStandardOutput(app.exit(e));
  } catch (const CLI::CallForAllHelp& e) {
    return CheckStandardOutput(app.exit(e));
  } catch (const CLI::Success& e) {
    return CheckStandardOutput(app.exit(e));
  } catch (const CLI::ParseError& e) {
    // The message, then the usage of the subcommand that was being read.
    std::cerr << "normkit: " << e.what() << "\n\n";
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    std::cerr << (chosen.empty() ? app.help() : chosen.back()->help("normkit"));
    return kExitUsage;
  }
  try {
    return CheckStandardOutput(run());
  } catch (const std::bad_alloc&) {
    std::cerr << "normkit: out of memory\n";
    return kExitSoftware;
  } catch (const std::exception& e) {
    std::cerr << "normkit: internal error: " << e.what() << "\n";
    return kExitSoftware;
  }
}

}  // namespace normkit::tools
