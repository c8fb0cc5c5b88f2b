// The DateFinder on the two jobs of `normkit dates`:
//
//   dates_parse        Parse() over a few hundred one-line date expressions
//                      as news sites write them, in ru, uk, be, kk, en and
//                      CLDR languages (and some lines with no date), in a
//                      loop; items per second. Target: 1 million a second.
//   dates_find         Find() over every document of
//                      ../shared/corpora/ru-news.jsonl.zst joined with '\n';
//                      bytes per second. Target: 100 MB/s on one core.
//   dates_find_threads one DateFinder shared by 1 and 2 threads, no locks.
//
//   ./build/tests/bench/normkit_bench --benchmark_filter=dates
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "corpus.h"
#include "normkit/date_finder.h"

namespace normkit {
namespace {

const DateFinder& Finder() {
  static const DateFinder* finder = [] {
    auto created = DateFinder::Create({});
    if (!created.ok()) std::abort();
    return new DateFinder(std::move(*created));
  }();
  return *finder;
}

// Line shapes from news pages and feeds; {d} is a day, {D} a two-digit day.
constexpr const char* kShapes[] = {
    // Russian
    "Обновлено: {d} апреля 2019, 17:45",
    "{d} июня 2022,, 14:01",
    "{d} декабря 2022 г. в 22:37",
    "Опубликовано {d} марта 2021 года",
    "среда, {d} окт 2022",
    "{D}.11.2021 18:45",
    "{d}-го сентября 2020 года",
    "в мае 2017 г.",
    "{d} февр. 2023",
    "Дата публикации: {D}.03.2024 | 09:15",
    // Ukrainian
    "{d} червня 2022 р. о 14:01",
    "понеділок, {d} лютого 2023 р.",
    "Оновлено: {D}.04.2019 17:45",
    "у березні 2022 року",
    "{d} черв. 2022 р., 14:01",
    // Belarusian
    "{d} чэрвеня 2022 г. у 14:01",
    "{d} лютага 2023 года а 10:15",
    "у лістападзе 2019",
    // Kazakh
    "2022 жылғы {d} маусым",
    "2022 ж. {d} мау., 14:01",
    "2023 жылы {d} наурызда",
    // English
    "June {d}, 2022 2:01 PM",
    "Mon, {D} Jun 2022 14:01:00 GMT",
    "Posted {d}th of June 2022 at 10:37 pm",
    "Sept. {d}, 2021",
    "Updated {d} March 2020, 08:00 BST",
    "2022-06-{D}T14:01:00+03:00",
    "Published: 2023/01/{D} 09:30",
    // CLDR languages
    "le {d} octobre 1957",
    "Mercredi {d} Novembre 2013",
    "am {d}. April 1941",
    "{d} de dezembro de 2014 às 02:38",
    "{d} stycznia o 13:50",
    "{d} Ocak 2015 Cuma, 16:49",
    "maandag {d} december 2014 om 2:38",
    "{d} Luglio 2013",
    "2016. augusztus {d}. vasárnap 10:21",
    // No date here
    "Мая Плисецкая",
    "1700 вагонов за {d} суток",
    "Закон № 20-2022",
    "в {D}:01 по Москве",
    "рост на {d}%",
};

std::vector<std::string> Expressions() {
  std::vector<std::string> lines;
  for (int day : {1, 9, 14, 20, 28, 30, 31}) {
    for (const char* shape : kShapes) {
      std::string line = shape;
      char d[4], dd[4];
      std::snprintf(d, sizeof d, "%d", day);
      std::snprintf(dd, sizeof dd, "%02d", day);
      for (std::size_t at; (at = line.find("{d}")) != std::string::npos;) line.replace(at, 3, d);
      for (std::size_t at; (at = line.find("{D}")) != std::string::npos;) line.replace(at, 3, dd);
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

void BM_DatesParse(benchmark::State& state) {
  const DateFinder& finder = Finder();
  const std::vector<std::string> lines = Expressions();
  std::size_t found = 0;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      std::optional<DateMatch> m = finder.Parse(line);
      found += m.has_value();
      benchmark::DoNotOptimize(m);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lines.size()));
  state.counters["lines"] = static_cast<double>(lines.size());
  state.counters["dated"] = static_cast<double>(found) / state.iterations();
}
BENCHMARK(BM_DatesParse)->Name("dates_parse/expressions")->MinTime(2.0)->UseRealTime();

// The corpus text, or the message to skip with.
struct DatesCorpus {
  std::string skip_message;
  std::string_view text;
};

DatesCorpus Corpus() {
  const std::string* joined = testing::RussianNewsJoined();
  if (joined == nullptr) return {testing::MissingSharedMessage("ru-news.jsonl.zst"), {}};
  return {"", *joined};
}

void FindOverCorpus(benchmark::State& state) {
  const DatesCorpus corpus = Corpus();
  if (!corpus.skip_message.empty()) {
    state.SkipWithError(corpus.skip_message.c_str());
    return;
  }
  const DateFinder& finder = Finder();  // shared, no locks
  std::vector<DateMatch> matches;
  for (auto _ : state) {
    matches.clear();
    finder.Find(corpus.text, &matches);
    benchmark::DoNotOptimize(matches.data());
  }
  const double bytes = static_cast<double>(corpus.text.size()) * state.iterations();
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["MB"] = benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
  state.counters["dates"] =
      benchmark::Counter(static_cast<double>(matches.size()), benchmark::Counter::kAvgThreads);
}

void BM_DatesFind(benchmark::State& state) { FindOverCorpus(state); }
BENCHMARK(BM_DatesFind)
    ->Name("dates_find/ru_news")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

void BM_DatesFindThreads(benchmark::State& state) { FindOverCorpus(state); }
BENCHMARK(BM_DatesFindThreads)
    ->Name("dates_find_threads/ru_news")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);

}  // namespace
}  // namespace normkit
