#include "normkit/icu_transform.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <mutex>
#include <vector>

namespace normkit {

struct IcuTransform::Impl {
  std::string id;
  std::unique_ptr<icu::Transliterator> prototype;
  // ICU transliterators keep state while they run: every call takes a clone
  // from this pool and gives it back.
  std::mutex mutex;
  std::vector<std::unique_ptr<icu::Transliterator>> idle;

  std::unique_ptr<icu::Transliterator> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty()) {
        auto t = std::move(idle.back());
        idle.pop_back();
        return t;
      }
    }
    return std::unique_ptr<icu::Transliterator>(prototype->clone());
  }
  void Release(std::unique_ptr<icu::Transliterator> t) {
    std::lock_guard<std::mutex> lock(mutex);
    idle.push_back(std::move(t));
  }
};

IcuTransform::IcuTransform(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

Result<IcuTransform> IcuTransform::Create(std::string_view id) {
  UErrorCode ec = U_ZERO_ERROR;
  UParseError parse_error{};
  const icu::UnicodeString uid =
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), id.size()));
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      uid, UTRANS_FORWARD, parse_error, ec));
  if (U_FAILURE(ec) || t == nullptr) {
    return Status(ErrorCode::kNotFound,
                  "unknown ICU transform '" + std::string(id) + "' (" +
                      u_errorName(ec) + ")");
  }
  auto impl = std::make_shared<Impl>();
  impl->id = std::string(id);
  impl->prototype = std::move(t);
  return IcuTransform(std::move(impl));
}

std::string IcuTransform::Apply(std::string_view text) const {
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  std::unique_ptr<icu::Transliterator> t = impl_->Acquire();
  t->transliterate(s);
  impl_->Release(std::move(t));
  std::string out;
  s.toUTF8String(out);
  return out;
}

const std::string& IcuTransform::id() const { return impl_->id; }

}  // namespace normkit
