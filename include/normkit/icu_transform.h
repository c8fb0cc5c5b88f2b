// IcuTransform: any ICU transform id or compound id, for everything that
// normkit's own schemes do not cover.
//
// Example:
//   auto t = normkit::IcuTransform::Create("Russian-Latin/BGN");
//   if (t.ok()) std::string latin = t->Apply("Жуков");  // "Zhukov"
//
// Immutable once created; safe to call from many threads (each call borrows
// a private clone of the ICU object, which ICU requires).
#ifndef NORMKIT_ICU_TRANSFORM_H_
#define NORMKIT_ICU_TRANSFORM_H_

#include <memory>
#include <string>
#include <string_view>

#include "normkit/export.h"
#include "normkit/status.h"

namespace normkit {

class NORMKIT_EXPORT IcuTransform {
 public:
  // `id` is an ICU transform id ("Any-Latin; Latin-ASCII"). An unknown id
  // or a syntax error comes back as an error naming it.
  static Result<IcuTransform> Create(std::string_view id);

  // Transforms valid UTF-8 (invalid bytes come out as U+FFFD).
  std::string Apply(std::string_view text) const;

  const std::string& id() const;

 private:
  struct Impl;
  explicit IcuTransform(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace normkit

#endif  // NORMKIT_ICU_TRANSFORM_H_
