#!/usr/bin/env bash
# `normkit normalize` against `uconv -x Any-NFC` (ICU's own command-line tool,
# Debian's icu-devtools) on the whole Russian news corpus, unpacked to a
# temporary file: best of 3 runs each, MB/s (decimal) and the ratio. The
# issue's target: the default `normkit normalize` at least 10 times faster.
#
# Both write to standard output, redirected to /dev/null (`-o` would add a
# temporary file and a rename). An extra line times normkit with NFC only
# (--keep-invisibles --keep-whitespace), the same job uconv does.
#
# Usage: tests/bench/cli_vs_uconv.sh path/to/normkit
#   NORMKIT_SHARED_DIR  the shared folder (default: ../shared beside the checkout)
#   RUNS                runs per command, the best counts (default: 3)
set -euo pipefail

if [[ $# -ne 1 || "$1" == -h || "$1" == --help ]]; then
  echo "usage: $0 path/to/normkit" >&2
  exit 2
fi
normkit=$1
if [[ ! -x "$normkit" ]]; then
  echo "$0: $normkit is not an executable" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${NORMKIT_SHARED_DIR:-$here/../../../shared}
corpus=$shared/corpora/ru-news.jsonl.zst
runs=${RUNS:-3}

if [[ ! -r "$corpus" ]]; then
  echo "cli_vs_uconv: $corpus not found (the shared corpora sit beside a" \
       "checkout as ../shared, or set NORMKIT_SHARED_DIR); skipped" >&2
  exit 0
fi
for tool in zstd uconv; do
  if ! command -v "$tool" >/dev/null; then
    echo "cli_vs_uconv: '$tool' not found (Debian: zstd, icu-devtools); skipped" >&2
    exit 0
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/normkit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
input=$tmp/ru-news.jsonl
zstd -q -d -c "$corpus" > "$input"
bytes=$(wc -c < "$input")

# Seconds (wall clock) of the best of $runs runs of "$@" > /dev/null.
best_of() {
  local best="" start end t
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s.%N)
    if ! "$@" > /dev/null; then
      echo "cli_vs_uconv: '$*' failed" >&2
      exit 1
    fi
    end=$(date +%s.%N)
    t=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
    if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then
      best=$t
    fi
  done
  echo "$best"
}

mb_per_s() {
  awk -v n="$bytes" -v t="$1" 'BEGIN { printf "%.1f", n / 1e6 / t }'
}

cat "$input" > /dev/null  # into the page cache before the first timing
echo "input: ru-news.jsonl, $bytes bytes, best of $runs runs each"

t_normkit=$(best_of "$normkit" normalize "$input") || exit 1
t_nfc_only=$(best_of "$normkit" normalize --keep-invisibles --keep-whitespace "$input") || exit 1
t_uconv=$(best_of uconv -f utf-8 -t utf-8 -x Any-NFC "$input") || exit 1

printf '%-48s %8.3f s %9s MB/s\n' \
  "normkit normalize FILE" "$t_normkit" "$(mb_per_s "$t_normkit")" \
  "normkit normalize --keep-invisibles --keep-ws" "$t_nfc_only" "$(mb_per_s "$t_nfc_only")" \
  "uconv -f utf-8 -t utf-8 -x Any-NFC FILE" "$t_uconv" "$(mb_per_s "$t_uconv")"
ratio=$(awk -v a="$t_uconv" -v b="$t_normkit" 'BEGIN { printf "%.1f", a / b }')
ratio_nfc=$(awk -v a="$t_uconv" -v b="$t_nfc_only" 'BEGIN { printf "%.1f", a / b }')
echo "ratio (uconv time / normkit time): default ${ratio}x, NFC only ${ratio_nfc}x (target: default >= 10x)"
