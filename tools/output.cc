#include "output.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "compression.h"

namespace normkit::tools {
namespace {

bool standard_closed[3] = {false, false, false};

// The descriptor a path stands for: /dev/stdout is 1, /dev/stderr 2,
// /dev/fd/N and /proc/self/fd/N are N; -1 for any other path. Writing to the
// descriptor itself keeps its offset and its append mode (`>> log`), which
// opening the path anew would not.
int DescriptorOf(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string number = path.substr(prefix.size());
    if (number.empty() || number.size() > 6 ||
        number.find_first_not_of("0123456789") != std::string::npos) {
      return -1;
    }
    return std::atoi(number.c_str());
  }
  return -1;
}

std::string FolderOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The path a chain of symbolic links ends at, followed even where the
// last one names nothing yet (a link to the output of an earlier run that
// was deleted). `path` itself when it is not a link.
std::string FollowLinks(const std::string& path) {
  std::string at = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    char target[PATH_MAX];
    const ssize_t n = ::readlink(at.c_str(), target, sizeof target - 1);
    if (n <= 0) return at;
    const std::string next(target, static_cast<std::size_t>(n));
    at = next.starts_with('/') ? next : FolderOf(at) + "/" + next;
  }
  return at;
}

}  // namespace

Output::Output() = default;

Output::~Output() {
  if (own_fd_) ::close(fd_);
  if (!temporary_.empty() && !committed_) ::unlink(temporary_.c_str());
}

bool Output::Fail(const std::string& what, std::string* error) {
  *error = "cannot write '" + name_ + "': " + what;
  return false;
}

bool Output::Open(const std::string& path, std::string* error, bool compress) {
  if (path.empty() || path == "-") {
    if (StandardOutputClosed()) return Fail("standard output is closed", error);
    return true;
  }
  name_ = path;
  if (const int fd = DescriptorOf(path); fd >= 0) {
    if ((fd <= 2 && standard_closed[fd]) || ::fcntl(fd, F_GETFD) < 0) {
      return Fail("descriptor " + std::to_string(fd) + " is not open", error);
    }
    fd_ = fd;
  } else {
    const std::string target = FollowLinks(path);
    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) return Fail(std::strerror(errno), error);
    if (exists && S_ISDIR(st.st_mode)) return Fail("it is a folder", error);
    if (exists && !S_ISREG(st.st_mode)) {
      // A device, a FIFO, a socket: written in place.
      fd_ = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd_ < 0) return Fail(std::strerror(errno), error);
      own_fd_ = true;
    } else {
      std::string pattern = target + ".normkit-XXXXXX";
      fd_ = ::mkstemp(pattern.data());
      if (fd_ < 0) return Fail(std::strerror(errno), error);
      own_fd_ = true;
      target_ = target;
      temporary_ = pattern;
      // mkstemp makes the file 0600: give it the mode of the file it
      // replaces, or the usual one under the umask.
      mode_t mode = st.st_mode & 07777;
      if (!exists) {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
      }
      ::fchmod(fd_, mode);
    }
  }
  if (compress) compression_ = CompressionForName(path);
  return true;
}

bool Output::WriteRaw(std::string_view bytes, std::string* error) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail(
          StandardOutputClosed() && fd_ == 1 ? "standard output is closed" : std::strerror(errno),
          error);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool Output::Write(std::string_view bytes, std::string* error) {
  if (bytes.empty()) return true;
  if (compression_ == Compression::kNone) {
    written_ += bytes.size();
    last_byte_ = bytes.back();
    return WriteRaw(bytes, error);
  }
  std::string piece;
  if (!AppendCompressed(compression_, bytes, &piece, error)) return Fail(*error, error);
  return WriteCompressed(piece, bytes.size(), bytes.back(), error);
}

bool Output::WriteCompressed(std::string_view piece, std::uint64_t bytes, char last_byte,
                             std::string* error) {
  if (bytes == 0) return true;
  written_ += bytes;
  last_byte_ = last_byte;
  ++pieces_;
  return WriteRaw(piece, error);
}

bool Output::Commit(std::string* error) {
  // A compressed file with nothing in it is still one member or frame, so
  // that gzip -dc and zstd -dc read it as empty rather than as broken.
  if (compression_ != Compression::kNone && pieces_ == 0) {
    std::string empty;
    if (!AppendCompressed(compression_, {}, &empty, error)) return Fail(*error, error);
    if (!WriteRaw(empty, error)) return false;
  }
  compression_ = Compression::kNone;
  if (!own_fd_) return true;
  // A file that is renamed into place must be on disk first, or a crash
  // could leave an empty file where the old one was.
  if (!temporary_.empty() && ::fsync(fd_) != 0) return Fail(std::strerror(errno), error);
  own_fd_ = false;
  if (::close(fd_) != 0) return Fail(std::strerror(errno), error);
  if (!temporary_.empty()) {
    if (::rename(temporary_.c_str(), target_.c_str()) != 0)
      return Fail(std::strerror(errno), error);
    committed_ = true;
  }
  return true;
}

void ReserveStandardDescriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    standard_closed[fd] = true;
    // The lowest free number is `fd` itself. Reading /dev/null gives
    // nothing; writing /dev/full fails, so output to a closed standard
    // output is an error rather than lost in silence.
    const int opened = ::open(fd == 0 ? "/dev/null" : "/dev/full", fd == 0 ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) ::close(opened);
  }
}

bool StandardInputClosed() { return standard_closed[0]; }
bool StandardOutputClosed() { return standard_closed[1]; }

}  // namespace normkit::tools
