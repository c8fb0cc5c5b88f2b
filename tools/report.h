// The page `normkit run --report FILE.html` writes: one self-contained HTML
// file (inline CSS and SVG, no script, nothing fetched) that shows a person
// what a recipe did to a corpus, from the run's PipelineStats and its audit.
// Every chart has its numbers in a table beside it, so the page reads in a
// text browser too. Values that differ between runs of the same input (the
// time, the threads) are marked class="varies"; everything else is the
// same for the same input and recipe.
#ifndef NORMKIT_TOOLS_REPORT_H_
#define NORMKIT_TOOLS_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "normkit/pipeline.h"

namespace normkit::tools {

struct RunReport {
  std::vector<std::string> inputs;  // names as given ("<stdin>" for standard input)
  std::string recipe_name;
  std::string recipe_text;  // the recipe file as written
  std::uint64_t bytes_in = 0, bytes_out = 0;
  double seconds = 0;
  int threads = 1;
  const PipelineStats* stats = nullptr;  // with its audit
};

// The page, as HTML.
std::string RenderReport(const RunReport& report);

}  // namespace normkit::tools

#endif  // NORMKIT_TOOLS_REPORT_H_
