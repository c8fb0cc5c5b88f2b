#!/usr/bin/env bash
# Runs every libFuzzer harness of a fuzz build (or those named) for SECONDS
# each, from its seeds, its regressions and what earlier runs found. An
# input that fails (a crash, a failed property, a leak, a timeout, running
# out of memory) is copied to tests/fuzz/regressions/<harness>/, where the
# replay test of every other build runs it; the script names the files to
# commit and fails.
#
#   run_fuzzers.sh BUILD_DIR SECONDS [HARNESS...]
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
# UBSan findings abort (the build has -fno-sanitize-recover) with a stack.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

found=()
for h in "${harnesses[@]}"; do
  binary="$fuzz_dir/fuzz_$h"
  seeds="$fuzz_dir/seeds/$h"
  regressions="$source_dir/tests/fuzz/regressions/$h"
  # What earlier runs found stays in the build tree and grows run by run.
  corpus="$build/fuzz-corpus/$h"
  artifacts="$build/fuzz-artifacts/$h"
  log="$build/fuzz-logs/$h.log"
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts" "$regressions" "$(dirname "$log")"
  inputs=("$corpus" "$regressions")
  [ -d "$seeds" ] && inputs+=("$seeds")
  echo "fuzz: $h for ${seconds}s (log: $log)"
  # -max_len: 64 KB is far more than any header zone or rule file needs and
  # keeps each run short. -timeout: no input may take this long (the
  # slowest, a rule file that builds a pipeline, takes well under a
  # second). -rss_limit_mb: the default; the engines hold a few hundred MB
  # under ASan.
  "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${inputs[@]}" > "$log" 2>&1
  status=$?
  grep -E '^(stat::number_of_executed_units|stat::new_units_added)' "$log" | sed 's/^/  /'
  shopt -s nullglob
  failures=("$artifacts"/*)
  shopt -u nullglob
  if [ $status -ne 0 ] || [ ${#failures[@]} -gt 0 ]; then
    if [ ${#failures[@]} -eq 0 ]; then
      echo "fuzz: fuzz_$h failed (status $status) without saving an input; see $log" >&2
      found+=("$log")
      continue
    fi
    for f in "${failures[@]}"; do
      cp "$f" "$regressions/"
      found+=("tests/fuzz/regressions/$h/${f##*/}")
    done
    # The report: what failed, and where.
    grep -E -m 12 'ERROR|property failed|SUMMARY|^    #[0-9] ' "$log" | sed 's/^/  /' >&2
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
