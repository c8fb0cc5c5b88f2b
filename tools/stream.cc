#include "stream.h"

#include <memory>

#include "cli_support.h"
#include "output.h"

namespace normkit::tools {

void AddFileOptions(CLI::App* cmd, FileArgs* args) {
  cmd->add_option("FILE", args->inputs,
                  "Input files ('-' or none: standard input)")
      ->type_name("");
  cmd->add_option("-o,--output", args->output,
                  "Write here instead of standard output (atomically, by "
                  "renaming a finished temporary file)")
      ->type_name("FILE");
}

int ForEachChunk(const std::vector<std::unique_ptr<InputFile>>& inputs,
                 const ChunkVisit& visit, const InputDone& done) {
  std::string error;
  for (const auto& input : inputs) {
    for (;;) {
      Chunk chunk;
      if (!input->NextChunk(&chunk.text, &chunk.first_line, &chunk.offset, &error)) {
        return Fail(kExitNoInput, error);
      }
      if (chunk.text.empty()) break;
      if (const int status = visit(*input, chunk); status != kExitOk) return status;
    }
    if (done) done(*input);
  }
  return kExitOk;
}

int StreamFiles(const FileArgs& args, const ChunkWork& work,
                const InputDone& done) {
  std::string error;
  std::vector<std::unique_ptr<InputFile>> inputs;
  if (!OpenInputs(args.inputs, &inputs, &error)) return Fail(kExitNoInput, error);
  Output output;
  if (!output.Open(args.output, &error)) return Fail(kExitCantCreate, error);
  std::string produced;
  const int status = ForEachChunk(
      inputs,
      [&](const InputFile& input, const Chunk& chunk) {
        produced.clear();
        const int work_status = work(input, chunk, &produced);
        // What came before a bad line still goes out (to standard output; a
        // file is only kept when complete).
        if (!output.Write(produced, &error)) return Fail(kExitCantCreate, error);
        return work_status;
      },
      done);
  if (status != kExitOk) return status;
  if (!output.Commit(&error)) return Fail(kExitCantCreate, error);
  return kExitOk;
}

}  // namespace normkit::tools
