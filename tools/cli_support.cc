#include "cli_support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace normkit::tools {

int Fail(int exit_code, std::string_view message) {
  std::cerr << "normkit: " << message << "\n";
  return exit_code;
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kOk:
      return kExitOk;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
      return kExitUsage;
    case ErrorCode::kRuleSyntax:
    case ErrorCode::kInvalidInput:
      return kExitDataError;
    case ErrorCode::kInternal:
      return kExitSoftware;
  }
  return kExitSoftware;
}

int Fail(const Status& status) { return Fail(ExitCodeFor(status), status.ToString()); }

int Fail(const Status& status, std::string_view hint) {
  if (hint.empty()) return Fail(status);
  return Fail(ExitCodeFor(status), status.ToString() + "; " + std::string(hint));
}

bool ReadWholeFile(const std::string& path, std::string* content, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    *error = "cannot read '" + path + "': it is a folder";
    return false;
  }
  content->clear();
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = "cannot read '" + path + "': " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    content->append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return true;
}

int LoadRules(const GlobalOptions& global, RuleFiles* rules) {
  *rules = RuleFiles::Embedded();
  const std::string& dir = global.rules_dir;
  if (dir.empty()) return kExitOk;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Fail(kExitNoInput, "--rules: '" + dir + "' is not a folder");
  std::string content, error;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& path = it->path();
    if (path.extension() != ".toml" && path.extension() != ".txt") continue;
    if (!ReadWholeFile(path.string(), &content, &error)) return Fail(kExitNoInput, error);
    rules->Add(fs::relative(path, dir).generic_string(), content, path.string());
  }
  if (ec) return Fail(kExitNoInput, "--rules: cannot list '" + dir + "': " + ec.message());
  return kExitOk;
}

CLI::Validator NonNegative() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const std::size_t digits = value.find_first_not_of(" ");
        if (digits == std::string::npos ||
            value.find_first_not_of("0123456789", digits) != std::string::npos) {
          return "expected a whole number, 0 or more, not '" + value + "'";
        }
        return "";
      },
      "N >= 0");
}

std::vector<std::string> SplitCommas(std::string_view list) {
  std::vector<std::string> parts;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view part = list.substr(0, comma);
    if (!part.empty()) parts.emplace_back(part);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return parts;
}

}  // namespace normkit::tools
