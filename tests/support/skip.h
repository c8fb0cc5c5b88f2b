// How a GoogleTest test that reads ../shared behaves without it.
#ifndef NORMKIT_TESTS_SUPPORT_SKIP_H_
#define NORMKIT_TESTS_SUPPORT_SKIP_H_

#include <gtest/gtest.h>

#include "corpus.h"

namespace normkit::testing {

// True when the environment variable CI is set (and not empty): the run is
// continuous integration, which the shared data must be present for.
bool InContinuousIntegration();

}  // namespace normkit::testing

// Skips the test for want of `what` under ../shared, with a message; fails
// it instead under CI, so that CI never passes with the tests that read real
// data skipped.
#define NORMKIT_SKIP_WITHOUT_SHARED(what)                                          \
  do {                                                                             \
    if (::normkit::testing::InContinuousIntegration()) {                           \
      GTEST_FAIL() << ::normkit::testing::MissingSharedMessage(what)               \
                   << " -- but CI is set, and CI must run the tests on real data"; \
    }                                                                              \
    GTEST_SKIP() << ::normkit::testing::MissingSharedMessage(what);                \
  } while (0)

#endif  // NORMKIT_TESTS_SUPPORT_SKIP_H_
