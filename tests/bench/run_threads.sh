#!/usr/bin/env bash
# normkit run with the news recipe over the Russian corpus, on one and
# on two threads: MB/s a thread and the speed-up. Best of 3 runs each; the
# input is unpacked first so that zstd is not what is measured.
#   tests/bench/run_threads.sh build/tools/normkit [SHARED_DIR]
set -euo pipefail
normkit=$1
shared=${2:-$(dirname "$0")/../../../shared}
corpus="$shared/corpora/ru-news.jsonl.zst"
[ -f "$corpus" ] || { echo "SKIP: $corpus not found"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Four copies (93 MB), so that start-up (under 0.1 s) does not count.
for i in 1 2 3 4; do zstd -q -dc "$corpus"; done > "$work/ru.jsonl"
bytes=$(stat -c %s "$work/ru.jsonl")
best() {
  local best_ns=0
  for run in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$normkit" run -q "$@" "$work/ru.jsonl" > /dev/null
    end=$(date +%s%N)
    local ns=$((end - start))
    if [ "$best_ns" = 0 ] || [ "$ns" -lt "$best_ns" ]; then best_ns=$ns; fi
  done
  echo "$best_ns"
}
one=$(best -j 1)
two=$(best -j 2)
awk -v b="$bytes" -v one="$one" -v two="$two" 'BEGIN {
  printf "input: %.1f MB of JSON Lines, news recipe, best of 3 runs each\n", b / 1e6
  printf "1 thread:  %.3f s  %6.1f MB/s\n", one / 1e9, b / 1e6 / (one / 1e9)
  printf "2 threads: %.3f s  %6.1f MB/s (%.1f MB/s a thread)\n", two / 1e9, b / 1e6 / (two / 1e9), b / 1e6 / (two / 1e9) / 2
  printf "speed-up on 2 threads: %.2fx (target: 1.6x; 50 MB/s a thread)\n", one / two
}'
