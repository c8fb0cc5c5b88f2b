# A thin front for the quick-start commands; CMake does the real work.
#
#   make demo            install missing Debian packages, build, run `normkit demo`
#   make test            install missing Debian packages, build, run the whole suite
#   make test-sanitize   the whole suite built with ASan and UBSan (build-sanitize/)
#   make fuzz            each fuzz harness for FUZZ_SECONDS (clang, build-fuzz/)
#   make python          the Python package installed in a virtual environment
#                        (VENV, default .venv) that also sees Debian's packages
#
# Everything the build, the tests and the benchmarks use comes from Debian 12.
# bzip2 unpacks Unicode's NormalizationTest.txt; icu-devtools brings `uconv`
# for the CLI benchmark; zstd and gzip make and unpack compressed corpora in
# the tests; time measures the peak memory of `normkit run`. The Python
# package (python/) is built with pybind11 against Debian's python3-dev and
# tested with pytest; its Dask runner needs python3-dask and
# python3-distributed; `make python` makes a virtual environment (python3-venv).
# chromium (headless) loads the page of `normkit run --report` in the
# browser test.
DEB_PACKAGES := build-essential cmake pkg-config bzip2 zstd \
  libicu-dev icu-devtools libutf8proc-dev libre2-dev libboost-locale-dev \
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libzstd-dev zlib1g-dev \
  libgtest-dev libgmock-dev libbenchmark-dev unicode-data time gzip \
  python3-dev pybind11-dev python3-pytest python3-dask python3-distributed python3-venv \
  chromium
# Only `make fuzz` needs these: clang and libFuzzer (Debian keeps libFuzzer
# and clang's sanitizer runtimes in libclang-rt-14-dev), and llvm-14 for
# llvm-symbolizer, which puts source lines in the reports. `make
# test-sanitize` builds with g++, whose ASan and UBSan runtimes come with
# build-essential.
FUZZ_DEB_PACKAGES := clang-14 libclang-rt-14-dev llvm-14

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= 2
SANITIZE_BUILD_DIR ?= build-sanitize
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

VENV ?= .venv

.PHONY: demo test build configure deps bench clean test-sanitize fuzz deps-fuzz python

demo: build
	./$(BUILD_DIR)/tools/normkit demo

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Debian's python3 (where Debian's dask and pytest are), whatever python3
# comes first on the PATH; --system-site-packages lets the environment see
# them, --no-index and --no-build-isolation build with what is installed.
python: deps
	/usr/bin/python3 -m venv --system-site-packages $(VENV)
	JOBS=$(JOBS) $(VENV)/bin/pip install --no-index --no-build-isolation ./python
	$(VENV)/bin/python -c 'import normkit; print("normkit", normkit.__version__, "installed in $(VENV)")'

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target normkit_bench
	./$(BUILD_DIR)/tests/bench/normkit_bench

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, at
# -O1 with debug lines, in its own folder. Left out on purpose:
#  - the benchmarks: timing sanitized code measures nothing;
#  - the install check (NORMKIT_INSTALL=OFF): it builds a consumer with a
#    plain compiler against the installed libraries, which cannot link
#    without the sanitizer runtimes;
#  - the Python package (NORMKIT_BUILD_PYTHON=OFF): a sanitized extension
#    cannot load into an interpreter that was built without the runtimes.
# NORMKIT_SANITIZED=1 tells tests that measure memory or time (the peak
# memory of `normkit run`) to skip that check: ASan's shadow memory and
# quarantine multiply both. Stack use after return is looked for by `make
# fuzz` only: here it would make the suite 60% slower (the corpus tests),
# and CI has 45 minutes for all three stages.
test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  -DNORMKIT_SANITIZE=address,undefined \
	  -DNORMKIT_BUILD_BENCHMARKS=OFF -DNORMKIT_INSTALL=OFF -DNORMKIT_BUILD_PYTHON=OFF
	cmake --build $(SANITIZE_BUILD_DIR) -j $(JOBS)
	cd $(SANITIZE_BUILD_DIR) && NORMKIT_SANITIZED=1 \
	  ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# libFuzzer, ASan and UBSan with clang; static libraries, so that coverage
# and the sanitizers see every library the harnesses call. Only the
# harnesses are built. A failing input lands in tests/fuzz/regressions/ and
# the target fails naming it (tests/fuzz/run_fuzzers.sh).
fuzz: deps deps-fuzz
	cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  -DBUILD_SHARED_LIBS=OFF -DNORMKIT_FUZZ=ON -DNORMKIT_SANITIZE=address,undefined \
	  -DNORMKIT_BUILD_BENCHMARKS=OFF -DNORMKIT_INSTALL=OFF -DNORMKIT_BUILD_PYTHON=OFF
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target normkit_fuzzers
	FUZZ_JOBS=$(JOBS) tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

# Installs only what is missing, so a second run costs one dpkg query.
define install-missing
	@missing=$$(for p in $(1); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "normkit: installing Debian packages:" $$missing; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install-missing,$(DEB_PACKAGES))

deps-fuzz:
	$(call install-missing,$(FUZZ_DEB_PACKAGES))

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_BUILD_DIR) $(FUZZ_BUILD_DIR)
