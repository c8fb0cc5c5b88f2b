// The typography profile behind NormalizerOptions::punct. Internal.
#ifndef NORMKIT_NORMALIZE_PUNCTUATION_H_
#define NORMKIT_NORMALIZE_PUNCTUATION_H_

#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "normkit/status.h"

namespace normkit::internal {

// Built from punct.toml; immutable afterwards, safe to share between threads.
class PunctuationProfile {
 public:
  // Parses the profile and picks `style` among its quote styles. Errors name
  // `path` and the position in `text`.
  static Result<PunctuationProfile> Parse(std::string_view text, std::string_view path,
                                          std::string_view style);

  // Working memory for Apply(), kept by the caller between lines to save
  // allocations. One per thread.
  struct Scratch {
    std::u32string decoded, spaced, dashed;
  };

  // Applies the profile to one line (valid UTF-8, no line break), appending
  // the result to *out.
  void Apply(std::string_view line, Scratch* scratch, std::string* out) const;

 private:
  enum class Role : unsigned char {
    kNone,
    kDoubleOpening,
    kDoubleClosing,
    kDoubleEither,
    kSingleOpening,
    kSingleClosing,
    kSingleEither,
    kHyphen,
    kDash,
  };
  Role RoleOf(char32_t c) const;
  bool IsQuote(char32_t c) const;  // any of the six quotation mark roles
  // False for a BMP code point that has no role and is in no set below: most
  // text, answered without a hash lookup.
  bool Listed(char32_t c) const { return c >= 0x10000 || listed_[c]; }
  bool In(const std::unordered_set<char32_t>& set, char32_t c) const {
    return Listed(c) && set.count(c) != 0;
  }

  std::bitset<0x10000> listed_;
  std::unordered_map<char32_t, Role> roles_;
  char32_t double_open_ = '"', double_close_ = '"';
  char32_t single_open_ = '\'', single_close_ = '\'';
  char32_t apostrophe_ = '\'';
  char32_t dash_ = U'\u2014', range_dash_ = U'\u2013';
  bool spaced_hyphen_ = true;
  std::u32string ellipsis_ = U"...";
  std::unordered_set<char32_t> collapse_repeats_;
  std::unordered_set<char32_t> no_space_before_;
  std::unordered_set<char32_t> no_space_after_;
};

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_PUNCTUATION_H_
