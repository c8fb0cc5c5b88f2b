// Header cleaning over every document of the Russian corpus, one document
// at a time as a pipeline calls it. The target: 50 MB/s or more on
// one core.
//
//   ./build/tests/bench/normkit_bench --benchmark_filter=header
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "corpus.h"
#include "normkit/header_cleaner.h"

namespace normkit {
namespace {

void BM_HeaderCleaner(benchmark::State& state) {
  static const auto* texts = [] {
    auto loaded = testing::RussianNewsTexts();
    return loaded ? new std::vector<std::string>(std::move(*loaded)) : nullptr;
  }();
  if (texts == nullptr) {
    state.SkipWithError(testing::MissingSharedMessage("ru-news.jsonl.zst").c_str());
    return;
  }
  Result<HeaderCleaner> cleaner = HeaderCleaner::Create({});
  if (!cleaner.ok()) {
    state.SkipWithError(cleaner.status().ToString().c_str());
    return;
  }
  std::size_t bytes = 0;
  for (const std::string& t : *texts) bytes += t.size();
  for (auto _ : state) {
    for (const std::string& t : *texts) {
      CleanedArticle a = cleaner->Clean(t);
      benchmark::DoNotOptimize(a.body.data());
    }
  }
  const double total = static_cast<double>(bytes) * static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(total));
  state.counters["MB"] = benchmark::Counter(total / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HeaderCleaner)
    ->Name("header_cleaner/ru_news")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

}  // namespace
}  // namespace normkit
