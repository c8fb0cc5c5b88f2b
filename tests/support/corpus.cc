#include "corpus.h"

#include <zstd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "skip.h"

namespace normkit::testing {

std::string SharedDir() { return NORMKIT_SHARED_DIR; }

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream bytes;
  bytes << file.rdbuf();
  std::string data = bytes.str();
  if (!path.ends_with(".zst")) return data;

  std::string out;
  ZSTD_DStream* stream = ZSTD_createDStream();
  ZSTD_initDStream(stream);
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  std::string block(ZSTD_DStreamOutSize(), '\0');
  while (in.pos < in.size) {
    ZSTD_outBuffer o{block.data(), block.size(), 0};
    const std::size_t rc = ZSTD_decompressStream(stream, &o, &in);
    if (ZSTD_isError(rc)) {
      ZSTD_freeDStream(stream);
      return std::nullopt;
    }
    out.append(block.data(), o.pos);
  }
  ZSTD_freeDStream(stream);
  return out;
}

std::optional<std::vector<std::string>> RussianNewsTexts() {
  std::optional<std::string> jsonl = ReadFile(SharedDir() + "/corpora/ru-news.jsonl.zst");
  if (!jsonl) return std::nullopt;
  std::vector<std::string> texts;
  std::istringstream lines(*jsonl);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    nlohmann::json record = nlohmann::json::parse(line);
    texts.push_back(record.value("text", ""));
  }
  return texts;
}

const std::string* RussianNewsJoined() {
  static const std::string* joined = []() -> const std::string* {
    std::optional<std::vector<std::string>> texts = RussianNewsTexts();
    if (!texts) return nullptr;
    auto* all = new std::string;
    for (const std::string& t : *texts) {
      *all += t;
      *all += '\n';
    }
    return all;
  }();
  return joined;
}

std::optional<std::string> KazakhSentences() {
  return ReadFile(SharedDir() + "/corpora/kk-sentences.txt.zst");
}

std::string MissingSharedMessage(const std::string& what) {
  return what + " not found under " + SharedDir() +
         " (the shared corpora sit beside a checkout as ../shared); skipped";
}

bool InContinuousIntegration() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0';
}

std::string DemoArticle() {
  std::optional<std::string> text = ReadFile(NORMKIT_SOURCE_DIR "/tools/demo/article.txt");
  // The file is part of the sources: without it the build itself is broken.
  if (!text) std::abort();
  return *text;
}

}  // namespace normkit::testing
