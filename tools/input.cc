#include "input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

#include "core/line_breaks.h"
#include "output.h"

namespace normkit::tools {
namespace {

constexpr std::size_t kReadBlock = 1 << 16;

// Where the chunk that starts at text[0] may end: after its last line
// ending. A CR at the very end is not one yet (a LF may follow).
std::size_t CutAfterLastLine(std::string_view text) {
  const void* lf = ::memrchr(text.data(), '\n', text.size());
  if (lf != nullptr)
    return static_cast<std::size_t>(static_cast<const char*>(lf) - text.data()) + 1;
  if (text.size() < 2) return 0;
  const void* cr = ::memrchr(text.data(), '\r', text.size() - 1);
  return cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - text.data()) + 1 : 0;
}

}  // namespace

// The decompressor's state. `in_frame` is true from the first byte of a gzip
// member or zstd frame until its end: true at the end of the input means the
// input was cut short.
struct Input::Decoder {
  z_stream gzip{};
  bool gzip_open = false;
  ZSTD_DStream* zstd = nullptr;
  bool in_frame = false;
  ~Decoder() {
    if (gzip_open) inflateEnd(&gzip);
    if (zstd != nullptr) ZSTD_freeDStream(zstd);
  }
};

Input::Input() = default;

Input::~Input() {
  if (fd_ > 0) ::close(fd_);
}

std::unique_ptr<Input> Input::Open(const std::string& path, std::string* error) {
  std::unique_ptr<Input> in(new Input);
  if (path.empty() || path == "-") {
    if (StandardInputClosed()) {
      *error = "cannot read standard input: it is closed";
      return nullptr;
    }
    in->fd_ = 0;
    in->name_ = "<stdin>";
  } else {
    in->name_ = path;
    in->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in->fd_ < 0) {
      *error = "cannot open '" + path + "': " + std::strerror(errno);
      return nullptr;
    }
  }
  struct stat st {};
  if (::fstat(in->fd_, &st) != 0) {
    *error = "cannot read '" + in->name_ + "': " + std::strerror(errno);
    return nullptr;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = "cannot read '" + in->name_ + "': it is a folder";
    return nullptr;
  }
  if (S_ISREG(st.st_mode)) in->size_ = static_cast<std::uint64_t>(st.st_size);

  // Known by content: gzip starts with 1f 8b, zstd with 28 b5 2f fd.
  while (in->raw_.size() < 4 && !in->raw_eof_) {
    if (!in->ReadRaw(error)) return nullptr;
  }
  const auto* b = reinterpret_cast<const unsigned char*>(in->raw_.data());
  in->decoder_ = std::make_unique<Decoder>();
  if (in->raw_.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
    in->compression_ = Compression::kGzip;
    // 16 + MAX_WBITS: a gzip header and trailer; members follow each other.
    if (inflateInit2(&in->decoder_->gzip, 16 + MAX_WBITS) != Z_OK) {
      *error = in->name_ + ": cannot start gzip";
      return nullptr;
    }
    in->decoder_->gzip_open = true;
  } else if (in->raw_.size() >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
    in->compression_ = Compression::kZstd;
    in->decoder_->zstd = ZSTD_createDStream();
    if (in->decoder_->zstd == nullptr || ZSTD_isError(ZSTD_initDStream(in->decoder_->zstd))) {
      *error = in->name_ + ": cannot start zstd";
      return nullptr;
    }
  }
  return in;
}

bool Input::ReadRaw(std::string* error) {
  if (raw_at_ > 0) {
    raw_.erase(0, raw_at_);
    raw_at_ = 0;
  }
  return ReadInto(&raw_, error);
}

bool Input::ReadInto(std::string* buffer, std::string* error) {
  const std::size_t old = buffer->size();
  buffer->resize(old + kReadBlock);
  ssize_t n;
  do {
    n = ::read(fd_, buffer->data() + old, kReadBlock);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    buffer->resize(old);
    *error = "cannot read '" + name_ + "' at byte offset " + std::to_string(consumed_) + ": " +
             std::strerror(errno);
    return false;
  }
  buffer->resize(old + static_cast<std::size_t>(n));
  consumed_ += static_cast<std::uint64_t>(n);
  if (n == 0) raw_eof_ = true;
  return true;
}

bool Input::Decode(std::string* error) {
  if (text_at_ > 0) {
    text_.erase(0, text_at_);
    text_at_ = 0;
  }
  // Plain input is read straight into the text, past raw_: after the bytes
  // read to tell the compression, raw_ stays empty.
  if (compression_ == Compression::kNone) {
    if (raw_at_ < raw_.size()) {
      text_.append(raw_, raw_at_);
      raw_.clear();
      raw_at_ = 0;
      return true;
    }
    if (raw_eof_) {
      text_eof_ = true;
      return true;
    }
    return ReadInto(&text_, error);
  }
  for (;;) {
    if (raw_at_ >= raw_.size()) {
      if (raw_eof_) {
        text_eof_ = true;
        if (decoder_->in_frame) {
          *error = "'" + name_ + "': truncated " +
                   (compression_ == Compression::kGzip ? "gzip" : "zstd") +
                   " data: the input ends at byte offset " + std::to_string(consumed_) +
                   " inside a " + (compression_ == Compression::kGzip ? "member" : "frame");
          return false;
        }
        return true;
      }
      if (!ReadRaw(error)) return false;
      continue;
    }
    const char* in = raw_.data() + raw_at_;
    const std::size_t available = raw_.size() - raw_at_;
    const std::size_t before = text_.size();
    // Where the data went wrong, for messages: the first raw byte not yet
    // consumed.
    auto corrupt = [&](const char* format, const char* why) {
      const std::uint64_t at = consumed_ - (raw_.size() - raw_at_);
      *error = "'" + name_ + "': corrupt " + format + " data at byte offset " + std::to_string(at) +
               " (" + why + ")";
      return false;
    };
    switch (compression_) {
      case Compression::kNone:
        break;  // read above
      case Compression::kGzip: {
        z_stream& z = decoder_->gzip;
        text_.resize(before + kReadBlock);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
        z.avail_in = static_cast<uInt>(available);
        z.next_out = reinterpret_cast<Bytef*>(text_.data() + before);
        z.avail_out = static_cast<uInt>(kReadBlock);
        decoder_->in_frame = true;
        const int rc = inflate(&z, Z_NO_FLUSH);
        text_.resize(before + (kReadBlock - z.avail_out));
        raw_at_ += available - z.avail_in;
        if (rc == Z_STREAM_END) {
          decoder_->in_frame = false;
          inflateReset(&z);  // another member may follow
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
          return corrupt("gzip", z.msg ? z.msg : "zlib error");
        }
        break;
      }
      case Compression::kZstd: {
        text_.resize(before + kReadBlock);
        ZSTD_inBuffer zin{in, available, 0};
        ZSTD_outBuffer zout{text_.data() + before, kReadBlock, 0};
        const std::size_t rc = ZSTD_decompressStream(decoder_->zstd, &zout, &zin);
        text_.resize(before + zout.pos);
        raw_at_ += zin.pos;
        if (ZSTD_isError(rc)) return corrupt("zstd", ZSTD_getErrorName(rc));
        // 0: a frame is complete and flushed; anything else: more to come.
        decoder_->in_frame = rc != 0;
        break;
      }
    }
    if (text_.size() > before) return true;
  }
}

void Input::NoteFirstByte(std::string_view text) {
  if (first_byte_ != 0) return;
  std::size_t i = 0;
  if (next_offset_ == 0 && text.starts_with("\xEF\xBB\xBF")) i = 3;
  i = text.find_first_not_of(" \t\r\n", i);
  if (i != std::string_view::npos) first_byte_ = text[i];
}

bool Input::NextChunk(Chunk* chunk, std::string* error) {
  for (;;) {
    const std::string_view unread(text_.data() + text_at_, text_.size() - text_at_);
    if (unread.size() >= kChunkSize || text_eof_) {
      // Whole lines; at a clean end of input, the rest too.
      const std::size_t length =
          text_eof_ && pending_error_.empty() ? unread.size() : CutAfterLastLine(unread);
      if (length > 0) {
        chunk->text = unread.substr(0, length);
        chunk->first_line = next_line_;
        chunk->offset = next_offset_;
        NoteFirstByte(chunk->text);
        chunk->first_byte = first_byte_;
        if (next_offset_ == 0) head_.assign(chunk->text.substr(0, kHeadSize));
        chunk->head = head_;
        next_line_ += internal::CountLineBreaks(chunk->text);
        next_offset_ += length;
        text_at_ += length;
        return true;
      }
      if (text_eof_) {
        *error = pending_error_;
        if (!error->empty() && !unread.empty()) {
          *error += "; the " + std::to_string(unread.size()) +
                    " bytes of an incomplete last line after line " +
                    std::to_string(next_line_ - 1) + " are left out";
        }
        return false;
      }
      // One line longer than a chunk: read on.
    }
    if (!Decode(&pending_error_)) text_eof_ = true;
  }
}

bool Input::TakeChunk(std::string* owned, Chunk* chunk, std::string* error) {
  if (!NextChunk(chunk, error)) return false;
  const std::size_t length = chunk->text.size();
  if (text_at_ == length) {
    // The chunk starts the buffer: the buffer becomes *owned, and *owned's
    // old buffer takes what follows the chunk (less than a line).
    owned->swap(text_);
    // Room for the chunk that follows, so that reading it never moves it.
    text_.reserve(kChunkSize + kReadBlock);
    text_.assign(*owned, length, std::string::npos);
    owned->resize(length);
    text_at_ = 0;
  } else {
    owned->assign(chunk->text);
  }
  chunk->text = *owned;
  return true;
}

bool Input::ReadAll(std::string* out, std::string* error) {
  while (!text_eof_) {
    if (!Decode(&pending_error_)) text_eof_ = true;
  }
  if (!pending_error_.empty()) {
    *error = pending_error_;
    return false;
  }
  out->append(text_, text_at_, std::string::npos);
  next_offset_ += text_.size() - text_at_;
  text_at_ = text_.size();
  return true;
}

bool OpenInputs(const std::vector<std::string>& paths, std::vector<std::unique_ptr<Input>>* inputs,
                std::string* error) {
  const std::vector<std::string> stdin_only = {"-"};
  for (const std::string& path : paths.empty() ? stdin_only : paths) {
    std::unique_ptr<Input> in = Input::Open(path, error);
    if (!in) return false;
    inputs->push_back(std::move(in));
  }
  return true;
}

}  // namespace normkit::tools
