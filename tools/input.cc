#include "input.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace normkit::tools {
namespace {

// LF, CRLF and a lone CR each end a line, as the normalizer counts them.
// (A chunk ends after a LF or at the end of input, so no CRLF is split.)
std::size_t CountLineBreaks(std::string_view text) {
  std::size_t breaks = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++breaks;
    } else if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      ++breaks;
    }
  }
  return breaks;
}

}  // namespace

std::unique_ptr<InputFile> InputFile::Open(const std::string& path,
                                           std::string* error) {
  if (path == "-") return std::unique_ptr<InputFile>(new InputFile(0, "<stdin>"));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open '" + path + "': " + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<InputFile>(new InputFile(fd, path));
}

InputFile::~InputFile() {
  if (fd_ > 0) ::close(fd_);
}

bool InputFile::Fill(std::string* error) {
  // Move the unread tail to the front, then read behind it.
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  const std::size_t old_size = buffer_.size();
  const std::size_t want = std::max(kDefaultChunkSize, old_size);
  buffer_.resize(old_size + want);
  ssize_t n;
  do {
    n = ::read(fd_, buffer_.data() + old_size, want);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    buffer_.resize(old_size);
    *error = "cannot read '" + name_ + "': " + std::strerror(errno);
    return false;
  }
  buffer_.resize(old_size + static_cast<std::size_t>(n));
  if (n == 0) eof_ = true;
  return true;
}

bool InputFile::NextChunk(std::string_view* chunk, std::size_t* first_line,
                          std::size_t* offset, std::string* error) {
  *first_line = next_line_;
  *offset = next_offset_;
  for (;;) {
    const std::size_t unread = buffer_.size() - start_;
    if (unread >= kDefaultChunkSize || eof_) {
      // Cut after the last line break; at the end of input, take the rest.
      const char* base = buffer_.data() + start_;
      const void* lf = ::memrchr(base, '\n', unread);
      std::size_t length = 0;
      if (lf != nullptr) {
        length = static_cast<std::size_t>(static_cast<const char*>(lf) - base) + 1;
      } else if (eof_) {
        length = unread;
      }
      if (length > 0 || eof_) {
        *chunk = std::string_view(base, length);
        next_line_ += CountLineBreaks(*chunk);
        next_offset_ += length;
        start_ += length;
        return true;
      }
      // One line longer than the buffer: read more of it.
    }
    if (!Fill(error)) return false;
  }
}

bool InputFile::ReadAll(std::string* out, std::string* error) {
  while (!eof_) {
    if (!Fill(error)) return false;
  }
  out->append(buffer_, start_, std::string::npos);
  next_offset_ += buffer_.size() - start_;
  start_ = buffer_.size();
  return true;
}

bool OpenInputs(const std::vector<std::string>& paths,
                std::vector<std::unique_ptr<InputFile>>* inputs,
                std::string* error) {
  const std::vector<std::string> stdin_only = {"-"};
  for (const std::string& path : paths.empty() ? stdin_only : paths) {
    std::unique_ptr<InputFile> in = InputFile::Open(path, error);
    if (!in) return false;
    inputs->push_back(std::move(in));
  }
  return true;
}

}  // namespace normkit::tools
