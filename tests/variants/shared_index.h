// The built-in VariantIndex, built once per test binary (building it
// compiles every scheme of the lexicon's languages).
#ifndef NORMKIT_TESTS_VARIANTS_SHARED_INDEX_H_
#define NORMKIT_TESTS_VARIANTS_SHARED_INDEX_H_

#include <gtest/gtest.h>

#include <cstdlib>

#include "normkit/variant_index.h"

namespace normkit {

inline const VariantIndex& Index() {
  static const VariantIndex* index = [] {
    auto created = VariantIndex::Create();
    if (!created.ok()) {
      ADD_FAILURE() << created.status().ToString();
      std::abort();
    }
    return new VariantIndex(std::move(*created));
  }();
  return *index;
}

}  // namespace normkit

#endif  // NORMKIT_TESTS_VARIANTS_SHARED_INDEX_H_
