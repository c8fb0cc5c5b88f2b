// normkit SUBCOMMAND [options] [FILE...]
//
// Exit status: 0 success, 2 bad usage, 65 bad input data (--strict) or a
// broken rule file, 66 an input that cannot be opened, 70 internal error,
// 73 an output that cannot be written.
#include "command_line.h"
#include "output.h"

int main(int argc, char** argv) {
  // Before any file is opened: a descriptor 0-2 the process started without
  // must not be taken by a file of ours (output.h).
  normkit::tools::ReserveStandardDescriptors();
  return normkit::tools::RunCommandLine(argc, argv);
}
