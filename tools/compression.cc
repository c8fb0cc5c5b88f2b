#include "compression.h"

#include <zlib.h>
#include <zstd.h>

#include <memory>

namespace normkit::tools {
namespace {

// Levels: zstd's default (3) and gzip's (6), as the zstd and gzip tools use.
constexpr int kZstdLevel = 3;
constexpr int kGzipLevel = 6;

bool AppendGzip(std::string_view bytes, std::string* out, std::string* error) {
  z_stream z{};
  if (deflateInit2(&z, kGzipLevel, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    *error = "gzip: cannot start";
    return false;
  }
  const std::size_t at = out->size();
  // deflateBound covers the whole member, header and trailer included, for
  // input given in one call.
  out->resize(at + deflateBound(&z, static_cast<uLong>(bytes.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data() + at);
  z.avail_out = static_cast<uInt>(out->size() - at);
  const int rc = deflate(&z, Z_FINISH);
  out->resize(out->size() - z.avail_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) {
    out->resize(at);
    *error = "gzip: compression failed";
    return false;
  }
  return true;
}

bool AppendZstd(std::string_view bytes, std::string* out, std::string* error) {
  // One context a thread, kept: making one costs more than a small chunk.
  struct FreeContext {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
  };
  thread_local std::unique_ptr<ZSTD_CCtx, FreeContext> context(ZSTD_createCCtx());
  if (context == nullptr) {
    *error = "zstd: cannot start";
    return false;
  }
  const std::size_t at = out->size();
  out->resize(at + ZSTD_compressBound(bytes.size()));
  const std::size_t n = ZSTD_compressCCtx(context.get(), out->data() + at, out->size() - at,
                                          bytes.data(), bytes.size(), kZstdLevel);
  if (ZSTD_isError(n)) {
    out->resize(at);
    *error = std::string("zstd: ") + ZSTD_getErrorName(n);
    return false;
  }
  out->resize(at + n);
  return true;
}

}  // namespace

Compression CompressionForName(std::string_view path) {
  if (path.ends_with(".gz")) return Compression::kGzip;
  if (path.ends_with(".zst")) return Compression::kZstd;
  return Compression::kNone;
}

bool AppendCompressed(Compression compression, std::string_view bytes, std::string* out,
                      std::string* error) {
  switch (compression) {
    case Compression::kGzip:
      return AppendGzip(bytes, out, error);
    case Compression::kZstd:
      return AppendZstd(bytes, out, error);
    case Compression::kNone:
      break;
  }
  out->append(bytes);
  return true;
}

}  // namespace normkit::tools
