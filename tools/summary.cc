#include "summary.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"

namespace normkit::tools {
namespace {

// Whether `path` is a regular file with something in it other than a JSON
// object (its first byte that is not a space).
bool HoldsSomethingElse(const std::string& path) {
  // /dev/stderr and the like write to a descriptor, whatever it has before.
  if (path.starts_with("/dev/") || path.starts_with("/proc/")) return false;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) return false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;  // opening it to write says why
  char buffer[256];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  for (ssize_t i = 0; i < n; ++i) {
    const char c = buffer[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c != '{';
  }
  return false;
}

}  // namespace

int StatsFile::Open(const std::string& path) {
  path_ = path;
  started_ = std::chrono::steady_clock::now();
  if (path_.empty()) return kExitOk;
  if (HoldsSomethingElse(path_)) {
    return Fail(kExitUsage, "--stats: '" + path_ +
                                "' holds something other than a JSON summary; not replacing it "
                                "(--stats takes the summary's file: --stats FILE)");
  }
  std::string error;
  if (!output_.Open(path_, &error, /*compress=*/false)) return Fail(kExitCantCreate, error);
  return kExitOk;
}

double StatsFile::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

int StatsFile::Write(const Summary& summary, const StreamTotals& totals) {
  if (path_.empty()) return kExitOk;
  using Json = nlohmann::ordered_json;
  Json json = {{"command", summary.command}};
  for (const auto& [key, value] : summary.labels) json[key] = value;
  json["documents"] = summary.documents;
  json["bytes_in"] = totals.bytes_in;
  json["bytes_out"] = totals.bytes_out;
  json["invalid_records"] = summary.invalid_records;
  for (const auto& [key, value] : summary.counts) json[key] = value;
  json["threads"] = totals.threads;
  json["seconds"] = elapsed();
  if (!summary.steps.empty()) {
    Json steps = Json::array();
    for (const StepStats& s : summary.steps) {
      steps.push_back(
          {{"step", s.step}, {"unit", s.unit}, {"count", s.count}, {"seconds", s.seconds}});
    }
    json["steps"] = std::move(steps);
  }
  std::string error;
  if (!output_.Write(json.dump(2) + "\n", &error) || !output_.Commit(&error)) {
    return Fail(kExitCantCreate, error);
  }
  return kExitOk;
}

}  // namespace normkit::tools
