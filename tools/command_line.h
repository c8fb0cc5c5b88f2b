// The normkit command line as a function: the binary's main() and the
// Python package (which runs `normkit run` on a Dask worker without starting
// a process) call it.
#ifndef NORMKIT_TOOLS_COMMAND_LINE_H_
#define NORMKIT_TOOLS_COMMAND_LINE_H_

namespace normkit::tools {

// Parses argv (argv[0] the program's name) and runs the subcommand; returns
// the exit status (exit_codes.h). Prints only what the command prints.
int RunCommandLine(int argc, char** argv);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_COMMAND_LINE_H_
