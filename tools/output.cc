#include "output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace normkit::tools {

Output::~Output() {
  if (!temporary_.empty() && !committed_) {
    ::close(fd_);
    ::unlink(temporary_.c_str());
  }
}

bool Output::Open(const std::string& path, std::string* error) {
  if (path.empty() || path == "-") return true;
  path_ = path;
  std::string pattern = path + ".normkit-XXXXXX";
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0) {
    *error = "cannot create '" + path + "': " + std::strerror(errno);
    fd_ = 1;
    return false;
  }
  temporary_ = pattern;
  // mkstemp makes the file 0600; give it the usual mode under the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
  return true;
}

bool Output::Write(std::string_view bytes, std::string* error) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = "cannot write '" + (path_.empty() ? "<stdout>" : path_) +
               "': " + std::strerror(errno);
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool Output::Commit(std::string* error) {
  if (temporary_.empty()) return true;
  if (::fsync(fd_) != 0 || ::close(fd_) != 0 ||
      ::rename(temporary_.c_str(), path_.c_str()) != 0) {
    *error = "cannot write '" + path_ + "': " + std::strerror(errno);
    ::unlink(temporary_.c_str());
    temporary_.clear();
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace normkit::tools
