// IcuTransform: any ICU transform id or compound id, for everything that
// normkit's own schemes do not cover.
//
// Example:
//   auto t = normkit::IcuTransform::Create("Russian-Latin/BGN");
//   if (t.ok()) std::string latin = t->Apply("Жуков");  // "Zhukov"
//   auto r = normkit::IcuTransform::Create("dots", "'.' > '·';");
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
  // `id` is an ICU transform id or compound id ("Any-Latin; Latin-ASCII").
  // One that ICU does not know or cannot read is kNotFound naming it, with
  // its place: line 1, the column (in characters, from 1) and byte offset of
  // the first element of a compound id that ICU refuses (ICU itself gives
  // no place for an id).
  static Result<IcuTransform> Create(std::string_view id);

  // A transform of ICU's own rule syntax ("$vowel = [aeiou]; x > ks;"),
  // named `id`. Rules ICU cannot read are kRuleSyntax with the place ICU
  // gives (UParseError): the line and column (in characters, from 1) and
  // the byte offset in `rules`, `origin` (a file name, or empty) as the
  // file, and the text before and after it in the message.
  static Result<IcuTransform> Create(std::string_view id, std::string_view rules,
                                     std::string_view origin = {});

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
