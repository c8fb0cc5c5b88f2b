// The normalize module beside ICU and utf8proc, on the same real text: every
// document of ../shared/corpora/ru-news.jsonl.zst joined with '\n' (about
// 23 MB of Russian news, with the emoji, links and markdown of Telegram posts).
//
// Inputs, built once before any benchmark runs:
//   already_nfc  the corpus after normkit's default normalize, so it is NFC
//                and clean: every engine only has to confirm it. The issue's
//                target: 500 MB/s or more on one core for normkit.
//   nfd          the same text in NFD (by ICU): every engine has to compose.
//   raw          the corpus as scraped (normkit's default options only).
//
// Engines:
//   normkit_default    Normalizer, default options: repair, invisibles,
//                      whitespace, NFC (the whole `normkit normalize` step)
//   normkit_form_only  Normalizer, NFC only (remove_invisibles and
//                      normalize_whitespace off)
//   icu_utf16          UnicodeString::fromUTF8 -> Normalizer2::normalize ->
//                      toUTF8String (what most callers of ICU write)
//   icu_utf8           Normalizer2::normalizeUTF8 (no UTF-16 copy)
//   utf8proc           utf8proc_NFC (allocates a result; freed each time)
//   normkit_fix_mojibake  Normalizer, default options plus fix_mojibake: on
//                      already_nfc (clean Russian) it costs only the quick
//                      check; the target is 80% of normkit_default
//                      or more
//
// And the repair itself, BM_MojibakeRepair/<family>: the first 2 MB of
// already_nfc turned wholly into mojibake (UTF-8 read as windows-1251, or
// windows-1251 read as windows-1252) by ICU's converters, repaired by a
// Normalizer with only fix_mojibake on; `restored` is the share of lines
// that came back byte for byte.
//
// Each reports bytes_per_second (Google Benchmark's binary units, MiB/s) and
// MB (decimal megabytes per second, the unit of the targets). Outputs are
// checked against the expected text after timing; a mismatch is an error.
//
//   ./build/tests/bench/normkit_bench
//   ./build/tests/bench/normkit_bench --benchmark_filter=already_nfc
#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "normkit/normalizer.h"

namespace normkit {
namespace {

enum class Input { kAlreadyNfc, kNfd, kRaw };

struct Corpus {
  std::string skip_message;  // non-empty when the corpus could not be used
  std::string raw;
  std::string nfc;
  std::string nfd;

  const std::string& Get(Input input) const {
    switch (input) {
      case Input::kAlreadyNfc:
        return nfc;
      case Input::kNfd:
        return nfd;
      case Input::kRaw:
        return raw;
    }
    return nfc;
  }
};

const icu::Normalizer2& IcuNfc() {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) std::abort();
  return *n;
}

Corpus LoadCorpus() {
  Corpus corpus;
  std::optional<std::vector<std::string>> texts = testing::RussianNewsTexts();
  if (!texts) {
    corpus.skip_message = testing::MissingSharedMessage("ru-news.jsonl.zst");
    return corpus;
  }
  for (const std::string& text : *texts) {
    if (!corpus.raw.empty()) corpus.raw.push_back('\n');
    corpus.raw += text;
  }
  Result<Normalizer> normalizer = Normalizer::Create();
  if (!normalizer.ok()) {
    corpus.skip_message = normalizer.status().ToString();
    return corpus;
  }
  corpus.nfc = normalizer->Normalize(corpus.raw);

  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  if (U_SUCCESS(ec)) {
    icu::StringByteSink<std::string> sink(&corpus.nfd, corpus.nfc.size() * 2);
    nfd->normalizeUTF8(0, corpus.nfc, sink, nullptr, ec);
  }
  if (U_FAILURE(ec)) {
    corpus.skip_message = std::string("ICU NFD failed: ") + u_errorName(ec);
    return corpus;
  }
  ec = U_ZERO_ERROR;
  if (!IcuNfc().isNormalizedUTF8(corpus.nfc, ec) || !normalizer->IsNormalized(corpus.nfc)) {
    corpus.skip_message =
        "normkit's output is not normal by its own or "
        "ICU's check; the benchmark's premise fails";
  }
  return corpus;
}

const Corpus& TheCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus());
  return *corpus;
}

// The text for `input`, or nullptr after reporting why the benchmark skips.
const std::string* TextOrSkip(benchmark::State& state, Input input) {
  const Corpus& corpus = TheCorpus();
  if (!corpus.skip_message.empty()) {
    state.SkipWithError(corpus.skip_message.c_str());
    return nullptr;
  }
  return &corpus.Get(input);
}

void Report(benchmark::State& state, const std::string& text, const std::string& output,
            const char* engine) {
  const auto bytes = static_cast<std::int64_t>(text.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  // Like bytes_per_second: this thread's bytes, summed over the threads and
  // divided by the time.
  state.counters["MB"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(bytes) / 1e6,
                         benchmark::Counter::kIsRate);
  // Every engine must produce the clean NFC text from every input.
  if (output != TheCorpus().nfc) {
    static thread_local std::string message;
    message = std::string(engine) + ": output differs from the expected NFC";
    state.SkipWithError(message.c_str());
  }
}

NormalizerOptions FormOnlyOptions() {
  NormalizerOptions options;
  options.remove_invisibles = false;
  options.normalize_whitespace = false;
  return options;
}

// One Normalizer shared by every thread of a multi-threaded run: this is
// what the threads case measures.
const Normalizer& SharedNormalizer(bool form_only) {
  static const Normalizer* normalizers[2] = {
      new Normalizer(*Normalizer::Create()),
      new Normalizer(*Normalizer::Create(FormOnlyOptions())),
  };
  return *normalizers[form_only ? 1 : 0];
}

void RunNormkit(benchmark::State& state, Input input, bool form_only) {
  const std::string* text = TextOrSkip(state, input);
  if (text == nullptr) return;
  const Normalizer& normalizer = SharedNormalizer(form_only);
  std::string out;
  out.reserve(text->size());
  for (auto _ : state) {
    out.clear();
    Status s = normalizer.Normalize(*text, &out);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  Report(state, *text, out, form_only ? "normkit_form_only" : "normkit_default");
}

void BM_NormkitDefault(benchmark::State& state, Input input) {
  RunNormkit(state, input, /*form_only=*/false);
}

void BM_NormkitFormOnly(benchmark::State& state, Input input) {
  RunNormkit(state, input, /*form_only=*/true);
}

void BM_IcuUtf16(benchmark::State& state, Input input) {
  const std::string* text = TextOrSkip(state, input);
  if (text == nullptr) return;
  const icu::Normalizer2& nfc = IcuNfc();
  std::string out;
  out.reserve(text->size());
  for (auto _ : state) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(*text);
    const icu::UnicodeString normalized = nfc.normalize(utf16, ec);
    out.clear();
    normalized.toUTF8String(out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  Report(state, *text, out, "icu_utf16");
}

void BM_IcuUtf8(benchmark::State& state, Input input) {
  const std::string* text = TextOrSkip(state, input);
  if (text == nullptr) return;
  const icu::Normalizer2& nfc = IcuNfc();
  std::string out;
  out.reserve(text->size());
  for (auto _ : state) {
    out.clear();
    UErrorCode ec = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out);
    nfc.normalizeUTF8(0, *text, sink, nullptr, ec);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  Report(state, *text, out, "icu_utf8");
}

void BM_Utf8proc(benchmark::State& state, Input input) {
  const std::string* text = TextOrSkip(state, input);
  if (text == nullptr) return;
  // utf8proc_NFC reads up to a NUL; std::string's data() has one.
  const auto* in = reinterpret_cast<const utf8proc_uint8_t*>(text->c_str());
  for (auto _ : state) {
    utf8proc_uint8_t* normalized = utf8proc_NFC(in);
    benchmark::DoNotOptimize(normalized);
    std::free(normalized);
  }
  // Once more, untimed, for the check.
  std::string out;
  if (utf8proc_uint8_t* normalized = utf8proc_NFC(in)) {
    out = reinterpret_cast<const char*>(normalized);
    std::free(normalized);
  }
  Report(state, *text, out, "utf8proc");
}

// Benchmark names read engine/input, e.g. BM_IcuUtf8/already_nfc.
#define NORMKIT_BENCH_INPUTS(fn)                                                         \
  BENCHMARK_CAPTURE(fn, already_nfc, Input::kAlreadyNfc)->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(fn, nfd, Input::kNfd)->Unit(benchmark::kMillisecond)

NORMKIT_BENCH_INPUTS(BM_NormkitDefault);
NORMKIT_BENCH_INPUTS(BM_NormkitFormOnly);
NORMKIT_BENCH_INPUTS(BM_IcuUtf16);
NORMKIT_BENCH_INPUTS(BM_IcuUtf8);
NORMKIT_BENCH_INPUTS(BM_Utf8proc);

// The corpus as scraped: what `normkit normalize` meets in practice.
BENCHMARK_CAPTURE(BM_NormkitDefault, raw, Input::kRaw)->Unit(benchmark::kMillisecond);

// Clean Russian text with and without fix_mojibake (the ratio of the two is
// the cost of its quick check).
void BM_NormkitFixMojibake(benchmark::State& state, Input input) {
  const std::string* text = TextOrSkip(state, input);
  if (text == nullptr) return;
  NormalizerOptions options;
  options.fix_mojibake = true;
  static const Normalizer* normalizer = new Normalizer(*Normalizer::Create(options));
  std::string out;
  out.reserve(text->size());
  for (auto _ : state) {
    out.clear();
    Status s = normalizer->Normalize(*text, &out);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  Report(state, *text, out, "normkit_fix_mojibake");
}
BENCHMARK_CAPTURE(BM_NormkitFixMojibake, already_nfc, Input::kAlreadyNfc)
    ->Unit(benchmark::kMillisecond);

// `utf8` in code page `written` ("UTF-8": as it is), read back as code page
// `read` byte by byte (a byte `read` leaves undefined becomes U+FFFD).
std::string MakeMojibake(const std::string& utf8, const char* written, const char* read) {
  std::string bytes = utf8;
  UErrorCode ec = U_ZERO_ERROR;
  if (std::string_view(written) != "UTF-8") {
    bytes.assign(utf8.size() * 2 + 16, '\0');
    const int32_t n =
        ucnv_convert(written, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                     utf8.data(), static_cast<int32_t>(utf8.size()), &ec);
    bytes.resize(U_SUCCESS(ec) ? static_cast<std::size_t>(n) : 0);
  }
  std::string table[256];
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    char out[8];
    UErrorCode one = U_ZERO_ERROR;
    const int32_t n = ucnv_convert("UTF-8", read, out, sizeof out, &byte, 1, &one);
    table[b] = U_SUCCESS(one) ? std::string(out, static_cast<std::size_t>(n)) : "\xEF\xBF\xBD";
  }
  std::string shown;
  for (const char b : bytes) shown += table[static_cast<unsigned char>(b)];
  return shown;
}

void BM_MojibakeRepair(benchmark::State& state, const char* written, const char* read) {
  const std::string* text = TextOrSkip(state, Input::kAlreadyNfc);
  if (text == nullptr) return;
  // Whole lines of the first 2 MB; for windows-1251 only lines it encodes
  // in full (ucnv_convert substitutes the others' characters).
  std::string clean;
  for (std::size_t start = 0; start < text->size() && clean.size() < 2'000'000;) {
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    const std::string line = text->substr(start, end - start);
    start = end + 1;
    if (std::string_view(written) != "UTF-8" && MakeMojibake(line, written, written) != line) {
      continue;
    }
    clean += line;
    clean += '\n';
  }
  const std::string bad = MakeMojibake(clean, written, read);
  NormalizerOptions options;
  options.form = UnicodeForm::kNone;
  options.remove_invisibles = false;
  options.normalize_whitespace = false;
  options.fix_mojibake = true;
  const Normalizer normalizer = *Normalizer::Create(options);
  std::string out;
  for (auto _ : state) {
    out.clear();
    Status s = normalizer.Normalize(bad, &out);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bad.size()));
  state.counters["MB"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(bad.size()) / 1e6,
      benchmark::Counter::kIsRate);
  std::size_t lines = 0, restored = 0;
  for (std::size_t a = 0, b = 0; a < clean.size() && b < out.size(); ++lines) {
    const std::size_t ea = clean.find('\n', a), eb = out.find('\n', b);
    restored += clean.compare(a, ea - a, out, b, eb - b) == 0;
    a = ea + 1;
    b = eb + 1;
  }
  state.counters["restored"] = lines ? static_cast<double>(restored) / lines : 0;
}
BENCHMARK_CAPTURE(BM_MojibakeRepair, utf8_as_windows1251, "UTF-8", "windows-1251")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_MojibakeRepair, windows1251_as_windows1252, "windows-1251", "windows-1252")
    ->Unit(benchmark::kMillisecond);

// One shared Normalizer, each thread normalizing the whole text: with real
// time, bytes_per_second is the total over the threads, so 2 threads on two
// free cores should come near twice the 1-thread figure.
void BM_NormkitDefaultShared(benchmark::State& state, Input input) {
  RunNormkit(state, input, /*form_only=*/false);
}
BENCHMARK_CAPTURE(BM_NormkitDefaultShared, already_nfc, Input::kAlreadyNfc)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);
BENCHMARK_CAPTURE(BM_NormkitDefaultShared, nfd, Input::kNfd)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);

}  // namespace
}  // namespace normkit

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // Load and prepare the text before the first benchmark, so that no
  // benchmark's timing or memory picture includes it.
  const normkit::Corpus& corpus = normkit::TheCorpus();
  if (corpus.skip_message.empty()) {
    benchmark::AddCustomContext("corpus", "ru-news.jsonl.zst, texts joined");
    benchmark::AddCustomContext("already_nfc_bytes", std::to_string(corpus.nfc.size()));
    benchmark::AddCustomContext("nfd_bytes", std::to_string(corpus.nfd.size()));
    benchmark::AddCustomContext("raw_bytes", std::to_string(corpus.raw.size()));
  } else {
    benchmark::AddCustomContext("corpus", corpus.skip_message);
  }
  benchmark::AddCustomContext("icu", U_ICU_VERSION);
  benchmark::AddCustomContext("utf8proc", utf8proc_version());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
