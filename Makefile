# A thin front for the two quick-start commands; CMake does the real work.
#
#   make demo   install missing Debian packages, build, run `normkit demo`
#   make test   install missing Debian packages, build, run the whole suite
#
# Everything the build, the tests and the benchmarks use comes from Debian 12.
# bzip2 unpacks Unicode's NormalizationTest.txt; icu-devtools brings `uconv`
# for the CLI benchmark; zstd and gzip make and unpack compressed corpora in
# the tests; time measures the peak memory of `normkit run`.
DEB_PACKAGES := build-essential cmake pkg-config bzip2 zstd \
  libicu-dev icu-devtools libutf8proc-dev libre2-dev libboost-locale-dev \
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libzstd-dev zlib1g-dev \
  libgtest-dev libgmock-dev libbenchmark-dev unicode-data time gzip

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= 2

.PHONY: demo test build configure deps bench clean

demo: build
	./$(BUILD_DIR)/tools/normkit demo

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target normkit_bench
	./$(BUILD_DIR)/tests/bench/normkit_bench

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

# Installs only what is missing, so a second run costs one dpkg query.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "normkit: installing Debian packages:" $$missing; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

clean:
	rm -rf $(BUILD_DIR)
