// The VariantIndex on the two jobs of `normkit variants`:
//
//   variants_apply/ru_news      Apply() over every document of
//                               ../shared/corpora/ru-news.jsonl.zst joined
//                               with '\n' (Cyrillic, with Latin words, URLs
//                               and names); bytes per second. Target: 100
//                               MB/s on one core.
//   variants_apply/en_article   the same over the English demo article
//                               article and a paragraph of variants, repeated
//                               to 8 MB: every word is Latin and one in six is
//                               capitalized, the worst case.
//   variants_apply_threads      one VariantIndex shared by 1 and 2 threads.
//   variants_discover/corpora   CountNames() over both shared corpora
//                               (ru-news and kk-sentences, 26 MB) and
//                               Cluster(): the whole of `variants discover`.
//                               Target: seconds, not minutes.
//
//   ./build/tests/bench/normkit_bench --benchmark_filter=variants
#include <benchmark/benchmark.h>

#include <string>

#include "corpus.h"
#include "normkit/rule_files.h"
#include "normkit/variant_index.h"

namespace normkit {
namespace {

const VariantIndex& Index() {
  static const VariantIndex* index = [] {
    auto created = VariantIndex::Create();
    if (!created.ok()) std::abort();
    return new VariantIndex(std::move(*created));
  }();
  return *index;
}

struct Texts {
  std::string skip_message;
  std::string russian;  // ru-news joined with '\n'
  std::string kazakh;
  std::string english;  // the demo article, repeated
};

const Texts& Corpus() {
  static const Texts* texts = [] {
    auto* t = new Texts;
    const std::string demo = testing::DemoArticle();
    const std::string* article = &demo;
    // ... with a paragraph of variants to rewrite after each copy.
    constexpr const char* kVariants =
        "Tokaev met Nasarbajew and Selenskyj; TOKAEV’s aides spoke of the Tokajew-led "
        "talks with Lukaschenko, Choïgou and Kasym-Żomart Tokaïev, not Tokarev.\n";
    while (article != nullptr && t->english.size() < (8u << 20)) {
      t->english += *article;
      t->english += kVariants;
    }
    auto russian = testing::RussianNewsTexts();
    auto kazakh = testing::KazakhSentences();
    if (!russian || !kazakh) {
      t->skip_message = testing::MissingSharedMessage("ru-news.jsonl.zst, kk-sentences.txt.zst");
      return t;
    }
    for (const std::string& s : *russian) {
      t->russian += s;
      t->russian += '\n';
    }
    t->kazakh = std::move(*kazakh);
    return t;
  }();
  return *texts;
}

void SetThroughput(benchmark::State& state, std::size_t bytes_per_iteration) {
  const double bytes = static_cast<double>(bytes_per_iteration) * state.iterations();
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["MB"] = benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
}

void ApplyOver(benchmark::State& state, const std::string& text) {
  const VariantIndex& index = Index();
  std::string out;
  out.reserve(text.size() + (1 << 16));
  std::size_t rewritten = 0;
  for (auto _ : state) {
    out.clear();
    rewritten = index.Apply(text, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["rewritten"] = static_cast<double>(rewritten);
  SetThroughput(state, text.size());
}

void BM_ApplyRussian(benchmark::State& state) {
  const Texts& t = Corpus();
  if (!t.skip_message.empty()) {
    state.SkipWithError(t.skip_message.c_str());
    return;
  }
  ApplyOver(state, t.russian);
}
BENCHMARK(BM_ApplyRussian)
    ->Name("variants_apply/ru_news")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

void BM_ApplyEnglish(benchmark::State& state) {
  const Texts& t = Corpus();
  if (t.english.empty()) {
    state.SkipWithError("no embedded demo article");
    return;
  }
  ApplyOver(state, t.english);
}
BENCHMARK(BM_ApplyEnglish)
    ->Name("variants_apply/en_article")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

void BM_ApplyThreads(benchmark::State& state) {
  const Texts& t = Corpus();
  if (!t.skip_message.empty()) {
    state.SkipWithError(t.skip_message.c_str());
    return;
  }
  ApplyOver(state, t.russian);  // one index, no locks
}
BENCHMARK(BM_ApplyThreads)
    ->Name("variants_apply_threads/ru_news")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);

void BM_Discover(benchmark::State& state) {
  const Texts& t = Corpus();
  if (!t.skip_message.empty()) {
    state.SkipWithError(t.skip_message.c_str());
    return;
  }
  const VariantIndex& index = Index();
  std::size_t clusters = 0;
  for (auto _ : state) {
    NameCounts counts;
    index.CountNames(t.russian, &counts);
    index.CountNames(t.kazakh, &counts);
    clusters = index.Cluster(counts).size();
    benchmark::DoNotOptimize(clusters);
  }
  state.counters["clusters"] = static_cast<double>(clusters);
  SetThroughput(state, t.russian.size() + t.kazakh.size());
}
BENCHMARK(BM_Discover)
    ->Name("variants_discover/corpora")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

}  // namespace
}  // namespace normkit
