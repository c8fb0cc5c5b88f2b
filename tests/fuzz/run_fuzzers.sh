#!/usr/bin/env bash
# Runs every libFuzzer harness of a fuzz build (or those named) for SECONDS
# each, from its seeds, its regressions and what earlier runs found. An
# input that fails (a crash, a failed property, a leak, a timeout, running
# out of memory) is copied to tests/fuzz/regressions/<harness>/, where the
# replay test of every other build runs it; the script names the files to
# commit and fails.
#
#   [FUZZ_JOBS=2] run_fuzzers.sh BUILD_DIR SECONDS [HARNESS...]
#
# FUZZ_JOBS harnesses run at once (libFuzzer keeps to one core).
set -uo pipefail
build=$1
seconds=$2
shift 2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
fuzz_dir="$build/tests/fuzz"

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in "$fuzz_dir"/fuzz_*; do
    [ -x "$f" ] && [ -f "$f" ] && harnesses+=("${f##*/fuzz_}")
  done
fi
if [ ${#harnesses[@]} -eq 0 ]; then
  echo "fuzz: no harnesses in $fuzz_dir (build the target normkit_fuzzers)" >&2
  exit 2
fi

# Reports name source lines when a symbolizer is there (Debian: llvm-14).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for s in llvm-symbolizer llvm-symbolizer-14; do
    if command -v "$s" >/dev/null; then
      export ASAN_SYMBOLIZER_PATH
      ASAN_SYMBOLIZER_PATH=$(command -v "$s")
      break
    fi
  done
fi
# A view into a returned function's locals (string_view is everywhere here)
# is what stack-use-after-return finds; its cost is runs a second, not time.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=1}
# UBSan findings abort (the build has -fno-sanitize-recover) with a stack.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Fuzzes one harness; writes the failing inputs it saved (as paths to
# commit) to $build/fuzz-logs/<harness>.found and its report to the log.
fuzz_one() {
  local h=$1
  local binary="$fuzz_dir/fuzz_$h"
  local seeds="$fuzz_dir/seeds/$h"
  local regressions="$source_dir/tests/fuzz/regressions/$h"
  # What earlier runs found stays in the build tree and grows run by run.
  local corpus="$build/fuzz-corpus/$h"
  local artifacts="$build/fuzz-artifacts/$h"
  local log="$build/fuzz-logs/$h.log"
  local found_list="$build/fuzz-logs/$h.found"
  rm -rf "$artifacts" "$found_list"
  mkdir -p "$corpus" "$artifacts" "$regressions"
  local inputs=("$corpus" "$regressions")
  [ -d "$seeds" ] && inputs+=("$seeds")
  # -max_len: 64 KB is far more than any header zone or rule file needs and
  # keeps each run short. -timeout: no input may take this long (the
  # slowest, a rule file that builds a pipeline, takes well under a
  # second). -rss_limit_mb: the default; the engines hold a few hundred MB
  # under ASan.
  "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${inputs[@]}" > "$log" 2>&1
  local status=$?
  shopt -s nullglob
  local failures=("$artifacts"/*)
  shopt -u nullglob
  : > "$found_list"
  for f in "${failures[@]}"; do
    cp "$f" "$regressions/"
    echo "tests/fuzz/regressions/$h/${f##*/}" >> "$found_list"
  done
  if [ $status -ne 0 ] && [ ${#failures[@]} -eq 0 ]; then
    echo "$log (fuzz_$h failed with status $status without saving an input)" >> "$found_list"
  fi
}

# As many harnesses at once as there are jobs (libFuzzer uses one core).
jobs=${FUZZ_JOBS:-2}
mkdir -p "$build/fuzz-logs"
running=0
for h in "${harnesses[@]}"; do
  echo "fuzz: $h for ${seconds}s (log: $build/fuzz-logs/$h.log)"
  fuzz_one "$h" &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

found=()
for h in "${harnesses[@]}"; do
  log="$build/fuzz-logs/$h.log"
  echo "fuzz: $h: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs," \
       "$(grep -E '^stat::new_units_added' "$log" | awk '{print $2}') new inputs"
  if [ -s "$build/fuzz-logs/$h.found" ]; then
    mapfile -t new < "$build/fuzz-logs/$h.found"
    found+=("${new[@]}")
    # The report: what failed, and where (the whole of it is in the log).
    grep -E -m 1 -A 6 'property failed|ERROR: (Address|Leak)Sanitizer|runtime error:|ERROR: libFuzzer' \
      "$log" | sed 's/^/  /' >&2
    grep -E -m 1 '^SUMMARY' "$log" | sed 's/^/  /' >&2
  fi
done

if [ ${#found[@]} -gt 0 ]; then
  echo >&2
  echo "fuzz: FAILED. Inputs that fail, now under tests/fuzz/regressions/ (commit each" >&2
  echo "with its fix; 'make test' replays them):" >&2
  for f in "${found[@]}"; do echo "  $f" >&2; done
  echo "Replay one: $fuzz_dir/fuzz_<harness> FILE" >&2
  exit 1
fi
echo "fuzz: no failures"
