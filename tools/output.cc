#include "output.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace normkit::tools {
namespace {

constexpr std::size_t kBlock = 1 << 18;
bool standard_closed[3] = {false, false, false};

bool HasSuffix(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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

struct Output::Encoder {
  Compression compression = Compression::kNone;
  z_stream gzip{};
  bool gzip_open = false;
  ZSTD_CStream* zstd = nullptr;
  std::string buffer;
  ~Encoder() {
    if (gzip_open) deflateEnd(&gzip);
    if (zstd != nullptr) ZSTD_freeCStream(zstd);
  }
};

Output::Output() : encoder_(std::make_unique<Encoder>()) {}

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
  if (!compress) return true;
  Encoder& e = *encoder_;
  if (HasSuffix(path, ".gz")) {
    e.compression = Compression::kGzip;
    if (deflateInit2(&e.gzip, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      return Fail("cannot start gzip", error);
    }
    e.gzip_open = true;
  } else if (HasSuffix(path, ".zst")) {
    e.compression = Compression::kZstd;
    e.zstd = ZSTD_createCStream();
    if (e.zstd == nullptr || ZSTD_isError(ZSTD_initCStream(e.zstd, 3))) {
      return Fail("cannot start zstd", error);
    }
  }
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
  written_ += bytes.size();
  last_byte_ = bytes.back();
  Encoder& e = *encoder_;
  switch (e.compression) {
    case Compression::kNone:
      return WriteRaw(bytes, error);
    case Compression::kGzip: {
      z_stream& z = e.gzip;
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
      z.avail_in = static_cast<uInt>(bytes.size());
      while (z.avail_in > 0) {
        e.buffer.resize(kBlock);
        z.next_out = reinterpret_cast<Bytef*>(e.buffer.data());
        z.avail_out = static_cast<uInt>(e.buffer.size());
        deflate(&z, Z_NO_FLUSH);
        if (!WriteRaw(std::string_view(e.buffer.data(), e.buffer.size() - z.avail_out), error)) {
          return false;
        }
      }
      return true;
    }
    case Compression::kZstd: {
      ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
      while (in.pos < in.size) {
        e.buffer.resize(ZSTD_CStreamOutSize());
        ZSTD_outBuffer out{e.buffer.data(), e.buffer.size(), 0};
        const std::size_t rc = ZSTD_compressStream(e.zstd, &out, &in);
        if (ZSTD_isError(rc)) return Fail(std::string("zstd: ") + ZSTD_getErrorName(rc), error);
        if (!WriteRaw(std::string_view(e.buffer.data(), out.pos), error)) return false;
      }
      return true;
    }
  }
  return true;
}

bool Output::Commit(std::string* error) {
  Encoder& e = *encoder_;
  if (e.compression == Compression::kGzip) {
    z_stream& z = e.gzip;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
      e.buffer.resize(kBlock);
      z.next_in = nullptr;
      z.avail_in = 0;
      z.next_out = reinterpret_cast<Bytef*>(e.buffer.data());
      z.avail_out = static_cast<uInt>(e.buffer.size());
      rc = deflate(&z, Z_FINISH);
      if (rc == Z_STREAM_ERROR) return Fail("gzip failed", error);
      if (!WriteRaw(std::string_view(e.buffer.data(), e.buffer.size() - z.avail_out), error)) {
        return false;
      }
    }
  } else if (e.compression == Compression::kZstd) {
    for (std::size_t left = 1; left != 0;) {
      e.buffer.resize(ZSTD_CStreamOutSize());
      ZSTD_outBuffer out{e.buffer.data(), e.buffer.size(), 0};
      left = ZSTD_endStream(e.zstd, &out);
      if (ZSTD_isError(left)) return Fail(std::string("zstd: ") + ZSTD_getErrorName(left), error);
      if (!WriteRaw(std::string_view(e.buffer.data(), out.pos), error)) return false;
    }
  }
  e.compression = Compression::kNone;
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
