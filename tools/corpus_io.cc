#include "corpus_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

namespace normkit::tools {
namespace {

constexpr std::size_t kRawBlock = 1 << 18;

bool HasSuffix(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

struct CorpusReader::Decoder {
  z_stream gzip{};
  bool gzip_open = false;
  ZSTD_DStream* zstd = nullptr;
  ~Decoder() {
    if (gzip_open) inflateEnd(&gzip);
    if (zstd != nullptr) ZSTD_freeDStream(zstd);
  }
};

std::unique_ptr<CorpusReader> CorpusReader::Open(const std::string& path, std::string* error) {
  std::unique_ptr<CorpusReader> r(new CorpusReader);
  if (path.empty() || path == "-") {
    r->fd_ = 0;
    r->name_ = "<stdin>";
  } else {
    r->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (r->fd_ < 0) {
      *error = "cannot open '" + path + "': " + std::strerror(errno);
      return nullptr;
    }
    r->name_ = path;
    struct stat st {};
    if (::fstat(r->fd_, &st) == 0 && S_ISREG(st.st_mode)) r->size_ = static_cast<std::uint64_t>(st.st_size);
  }
  // Known by content: the first bytes say gzip (1f 8b) or zstd (28 b5 2f fd).
  while (r->raw_.size() < 4 && !r->eof_) {
    if (!r->Fill(error)) return nullptr;
  }
  const auto* b = reinterpret_cast<const unsigned char*>(r->raw_.data());
  r->decoder_ = std::make_unique<Decoder>();
  if (r->raw_.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
    r->compression_ = Compression::kGzip;
    // 16 + MAX_WBITS: a gzip header; concatenated members are read in turn.
    if (inflateInit2(&r->decoder_->gzip, 16 + MAX_WBITS) != Z_OK) {
      *error = r->name_ + ": cannot start gzip";
      return nullptr;
    }
    r->decoder_->gzip_open = true;
  } else if (r->raw_.size() >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
    r->compression_ = Compression::kZstd;
    r->decoder_->zstd = ZSTD_createDStream();
    ZSTD_initDStream(r->decoder_->zstd);
  }
  return r;
}

CorpusReader::CorpusReader() = default;

CorpusReader::~CorpusReader() {
  if (fd_ > 0) ::close(fd_);
}

bool CorpusReader::Fill(std::string* error) {
  if (raw_at_ > 0) {
    raw_.erase(0, raw_at_);
    raw_at_ = 0;
  }
  const std::size_t old = raw_.size();
  raw_.resize(old + kRawBlock);
  ssize_t n;
  do {
    n = ::read(fd_, raw_.data() + old, kRawBlock);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    raw_.resize(old);
    *error = "cannot read '" + name_ + "': " + std::strerror(errno);
    return false;
  }
  raw_.resize(old + static_cast<std::size_t>(n));
  consumed_ += static_cast<std::uint64_t>(n);
  if (n == 0) eof_ = true;
  return true;
}

bool CorpusReader::Read(std::size_t want, std::string* out, std::string* error) {
  const std::size_t start = out->size();
  while (out->size() - start < want) {
    if (raw_at_ >= raw_.size()) {
      if (eof_) break;
      if (!Fill(error)) return false;
      if (raw_at_ >= raw_.size() && eof_) break;
    }
    const char* in = raw_.data() + raw_at_;
    const std::size_t available = raw_.size() - raw_at_;
    const std::size_t produced_before = out->size(), consumed_before = raw_at_;
    switch (compression_) {
      case Compression::kNone: {
        const std::size_t take = std::min(available, want - (out->size() - start));
        out->append(in, take);
        raw_at_ += take;
        break;
      }
      case Compression::kGzip: {
        z_stream& z = decoder_->gzip;
        const std::size_t before = out->size();
        out->resize(before + kRawBlock);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
        z.avail_in = static_cast<uInt>(available);
        z.next_out = reinterpret_cast<Bytef*>(out->data() + before);
        z.avail_out = static_cast<uInt>(kRawBlock);
        const int rc = inflate(&z, Z_NO_FLUSH);
        out->resize(before + (kRawBlock - z.avail_out));
        raw_at_ += available - z.avail_in;
        if (rc == Z_STREAM_END) {
          inflateReset(&z);  // another member may follow
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
          *error = name_ + ": corrupt gzip data (" + (z.msg ? z.msg : "zlib error") + ")";
          return false;
        }
        break;
      }
      case Compression::kZstd: {
        const std::size_t before = out->size();
        out->resize(before + kRawBlock);
        ZSTD_inBuffer zin{in, available, 0};
        ZSTD_outBuffer zout{out->data() + before, kRawBlock, 0};
        const std::size_t rc = ZSTD_decompressStream(decoder_->zstd, &zout, &zin);
        out->resize(before + zout.pos);
        raw_at_ += zin.pos;
        if (ZSTD_isError(rc)) {
          *error = name_ + ": corrupt zstd data (" + ZSTD_getErrorName(rc) + ")";
          return false;
        }
        break;
      }
    }
    // The decoder needs more than the buffered bytes to go on.
    if (out->size() == produced_before && raw_at_ == consumed_before) {
      if (eof_) {
        *error = name_ + ": the compressed data ends in the middle";
        return false;
      }
      const std::size_t keep = raw_at_;
      raw_at_ = 0;
      raw_.erase(0, keep);
      if (!Fill(error)) return false;
    }
  }
  return out->size() > start;
}

struct CorpusWriter::Encoder {
  z_stream gzip{};
  bool gzip_open = false;
  ZSTD_CStream* zstd = nullptr;
  std::string buffer;
  ~Encoder() {
    if (gzip_open) deflateEnd(&gzip);
    if (zstd != nullptr) ZSTD_freeCStream(zstd);
  }
};

bool CorpusWriter::Open(const std::string& path, std::string* error) {
  if (!output_.Open(path, error)) return false;
  encoder_ = std::make_unique<Encoder>();
  if (HasSuffix(path, ".gz")) {
    compression_ = Compression::kGzip;
    if (deflateInit2(&encoder_->gzip, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      *error = "cannot start gzip for '" + path + "'";
      return false;
    }
    encoder_->gzip_open = true;
  } else if (HasSuffix(path, ".zst")) {
    compression_ = Compression::kZstd;
    encoder_->zstd = ZSTD_createCStream();
    ZSTD_initCStream(encoder_->zstd, 3);
  }
  return true;
}

CorpusWriter::CorpusWriter() = default;
CorpusWriter::~CorpusWriter() = default;

bool CorpusWriter::Write(std::string_view bytes, std::string* error) {
  written_ += bytes.size();
  std::string& buffer = encoder_->buffer;
  switch (compression_) {
    case Compression::kNone:
      return output_.Write(bytes, error);
    case Compression::kGzip: {
      z_stream& z = encoder_->gzip;
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
      z.avail_in = static_cast<uInt>(bytes.size());
      while (z.avail_in > 0) {
        buffer.resize(kRawBlock);
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        deflate(&z, Z_NO_FLUSH);
        if (!output_.Write(std::string_view(buffer.data(), buffer.size() - z.avail_out), error)) return false;
      }
      return true;
    }
    case Compression::kZstd: {
      ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
      while (in.pos < in.size) {
        buffer.resize(ZSTD_CStreamOutSize());
        ZSTD_outBuffer out{buffer.data(), buffer.size(), 0};
        const std::size_t rc = ZSTD_compressStream(encoder_->zstd, &out, &in);
        if (ZSTD_isError(rc)) {
          *error = std::string("zstd: ") + ZSTD_getErrorName(rc);
          return false;
        }
        if (!output_.Write(std::string_view(buffer.data(), out.pos), error)) return false;
      }
      return true;
    }
  }
  return true;
}

bool CorpusWriter::Finish(std::string* error) {
  std::string& buffer = encoder_->buffer;
  if (compression_ == Compression::kGzip) {
    z_stream& z = encoder_->gzip;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
      buffer.resize(kRawBlock);
      z.next_in = nullptr;
      z.avail_in = 0;
      z.next_out = reinterpret_cast<Bytef*>(buffer.data());
      z.avail_out = static_cast<uInt>(buffer.size());
      rc = deflate(&z, Z_FINISH);
      if (!output_.Write(std::string_view(buffer.data(), buffer.size() - z.avail_out), error)) return false;
    }
  } else if (compression_ == Compression::kZstd) {
    std::size_t left = 1;
    while (left != 0) {
      buffer.resize(ZSTD_CStreamOutSize());
      ZSTD_outBuffer out{buffer.data(), buffer.size(), 0};
      left = ZSTD_endStream(encoder_->zstd, &out);
      if (ZSTD_isError(left)) {
        *error = std::string("zstd: ") + ZSTD_getErrorName(left);
        return false;
      }
      if (!output_.Write(std::string_view(buffer.data(), out.pos), error)) return false;
    }
  }
  return output_.Commit(error);
}

}  // namespace normkit::tools
