// What every text-in, text-out subcommand shares: FILE... and -o, opening
// every input before writing anything, and feeding the inputs chunk by chunk
// (whole lines) to the subcommand's own work.
#ifndef NORMKIT_TOOLS_STREAM_H_
#define NORMKIT_TOOLS_STREAM_H_

#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input.h"

namespace normkit::tools {

struct FileArgs {
  std::vector<std::string> inputs;  // none or "-": standard input
  std::string output;               // empty or "-": standard output
};

// Registers FILE... and -o,--output on `cmd`.
void AddFileOptions(CLI::App* cmd, FileArgs* args);

// A piece of one input: whole lines, numbered from `first_line`, starting
// at byte `offset` of the input.
struct Chunk {
  std::string_view text;
  std::size_t first_line = 1;
  std::size_t offset = 0;
};

// Appends to *out what the chunk becomes; returns kExitOk, or an exit
// status after printing its message (the output written so far is dropped
// when it is a file).
using ChunkWork = std::function<int(const InputFile& input, const Chunk& chunk,
                                    std::string* out)>;
// Called after each input is done (for per-file summaries); may be empty.
using InputDone = std::function<void(const InputFile& input)>;

// Opens everything, streams every chunk through `work`, commits the output.
int StreamFiles(const FileArgs& args, const ChunkWork& work,
                const InputDone& done = {});

// Reads every chunk of `inputs` (opened up front) into `visit`, which
// returns kExitOk or an exit status after printing its message; for
// subcommands that write only at the end (variants discover).
using ChunkVisit = std::function<int(const InputFile& input, const Chunk& chunk)>;
int ForEachChunk(const std::vector<std::unique_ptr<InputFile>>& inputs,
                 const ChunkVisit& visit, const InputDone& done = {});

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_STREAM_H_
