// Test and benchmark access to the shared real text in ../shared/corpora.
// Nothing here is part of the library.
#ifndef NORMKIT_TESTS_SUPPORT_CORPUS_H_
#define NORMKIT_TESTS_SUPPORT_CORPUS_H_

#include <optional>
#include <string>
#include <vector>

namespace normkit::testing {

// The shared folder the build was configured with (NORMKIT_SHARED_DIR).
std::string SharedDir();

// The bytes of a file, unpacked when its name ends in .zst; nullopt when it
// cannot be read.
std::optional<std::string> ReadFile(const std::string& path);

// The `text` field of every record of ../shared/corpora/ru-news.jsonl.zst,
// in order; nullopt when the corpus is absent.
std::optional<std::vector<std::string>> RussianNewsTexts();

// Those texts joined, each followed by '\n', read once per process;
// nullptr when the corpus is absent.
const std::string* RussianNewsJoined();

// ../shared/corpora/kk-sentences.txt.zst, unpacked; nullopt when absent.
std::optional<std::string> KazakhSentences();

// The demo article of `normkit demo` (tools/demo/article.txt in the
// sources): the project's own sample, always present.
std::string DemoArticle();

// What a test prints when it skips for want of ../shared.
std::string MissingSharedMessage(const std::string& what);

}  // namespace normkit::testing

#endif  // NORMKIT_TESTS_SUPPORT_CORPUS_H_
