// Exit statuses of the normkit binary (sysexits.h values).
#ifndef NORMKIT_TOOLS_EXIT_CODES_H_
#define NORMKIT_TOOLS_EXIT_CODES_H_

namespace normkit::tools {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitDataError = 65;   // bad input under --strict
inline constexpr int kExitNoInput = 66;     // an input cannot be opened
inline constexpr int kExitSoftware = 70;    // an internal error
inline constexpr int kExitCantCreate = 73;  // the output cannot be written

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_EXIT_CODES_H_
