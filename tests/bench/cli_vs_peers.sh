#!/usr/bin/env bash
# The command line against its peers on the same real text, in one run:
#
#   normalize      `normkit normalize`  vs `uconv -x Any-NFC`
#   translit       `normkit translit -s ru/bgn_pcgn` vs `uconv -x Russian-Latin/BGN`
#   dates          `normkit dates parse --lang ru` vs dateparser (Debian
#                  python3-dateparser; left out when it is not installed)
#   run            `normkit run` (news recipe) on plain JSON Lines, and with
#                  zstd in and zstd out; peak memory
#
# The text is the Russian news corpus (../shared/corpora/ru-news.jsonl.zst):
# its JSON Lines as they are for `normalize` and `run`, the text fields'
# lines for `translit`, and for `dates` the date lines among those: lines of
# at most 80 characters that hold a date (a number before a month name, or
# d.m.y), repeated to 300,000 lines. `dates parse` reads one date
# expression a line, as a page's header or a feed's field gives it; the
# paragraphs that merely mention a date are `dates find`'s work.
# Each command runs with -j 1 and with the default threads (every core);
# the best of RUNS runs (default 3) counts, as wall time. The machine is
# noisy: read the ratios, which are taken side by side.
#
# Usage: tests/bench/cli_vs_peers.sh path/to/normkit
#   NORMKIT_SHARED_DIR  the shared folder (default: ../shared beside the checkout)
#   RUNS                runs per command (default: 3)
set -euo pipefail

if [[ $# -ne 1 || "$1" == -h || "$1" == --help ]]; then
  echo "usage: $0 path/to/normkit" >&2
  exit 2
fi
normkit=$1
[[ -x "$normkit" ]] || { echo "$0: $normkit is not an executable" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${NORMKIT_SHARED_DIR:-$here/../../../shared}
corpus=$shared/corpora/ru-news.jsonl.zst
runs=${RUNS:-3}
if [[ ! -r "$corpus" ]]; then
  echo "cli_vs_peers: $corpus not found (the shared corpora sit beside a checkout" \
       "as ../shared, or set NORMKIT_SHARED_DIR); skipped" >&2
  exit 0
fi
# Debian's Python, where python3-dateparser lands, even when another
# python3 (pyenv, a virtual environment) comes first on the PATH.
python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3
for tool in zstd uconv "$python"; do
  command -v "$tool" >/dev/null || {
    echo "cli_vs_peers: '$tool' not found (Debian: zstd, icu-devtools, python3); skipped" >&2
    exit 0
  }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/normkit-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
zstd -q -d -c "$corpus" > "$tmp/ru.jsonl"
cp "$corpus" "$tmp/ru.jsonl.zst"
$python - "$tmp" <<'EOF'
import json, re, sys
tmp = sys.argv[1]
month = re.compile(r"\d.*(январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
                   r"|\d{1,2}\.\d{1,2}\.\d{2,4}", re.I)
with open(f"{tmp}/ru.jsonl", encoding="utf-8") as src, \
     open(f"{tmp}/ru.txt", "w", encoding="utf-8") as text, \
     open(f"{tmp}/dates.txt", "w", encoding="utf-8") as dates:
    for record in src:
        for line in json.loads(record).get("text", "").splitlines():
            text.write(line + "\n")
            if len(line) <= 80 and month.search(line):
                dates.write(line + "\n")
# The date lines again and again, to 300,000 lines, so that the start-up
# does not count.
found = open(f"{tmp}/dates.txt", encoding="utf-8").read()
if found:
    repeats = -(-300000 // found.count("\n"))
    open(f"{tmp}/dates.txt", "w", encoding="utf-8").write(found * repeats)
EOF
cat "$tmp"/ru.jsonl "$tmp"/ru.txt "$tmp"/dates.txt > /dev/null  # into the page cache

# Seconds (wall clock) of the best of $runs runs of "$@" > /dev/null.
best_of() {
  local best="" start end t
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s.%N)
    "$@" > /dev/null || { echo "cli_vs_peers: '$*' failed" >&2; exit 1; }
    end=$(date +%s.%N)
    t=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
    if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  echo "$best"
}
size() { stat -c %s "$1"; }
lines() { wc -l < "$1"; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", n / 1e6 / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
row() { printf '| %-48s | %9s | %16s | %6s |\n' "$@"; }

jsonl_bytes=$(size "$tmp/ru.jsonl")
text_bytes=$(size "$tmp/ru.txt")
date_lines=$(lines "$tmp/dates.txt")
echo "input: ru-news.jsonl ($jsonl_bytes bytes), its text lines ($text_bytes bytes)," \
     "$date_lines date lines; best of $runs runs; $(nproc) cores"
echo
row "command" "time, s" "throughput" "ratio"
row "---" "---" "---" "---"

t_uconv=$(best_of uconv -f utf-8 -t utf-8 -x Any-NFC "$tmp/ru.jsonl")
t_n1=$(best_of "$normkit" normalize -j 1 "$tmp/ru.jsonl")
t_n=$(best_of "$normkit" normalize "$tmp/ru.jsonl")
row "uconv -x Any-NFC" "$t_uconv" "$(rate "$jsonl_bytes" "$t_uconv") MB/s" "1.0x"
row "normkit normalize -j 1" "$t_n1" "$(rate "$jsonl_bytes" "$t_n1") MB/s" "$(ratio "$t_uconv" "$t_n1")"
row "normkit normalize" "$t_n" "$(rate "$jsonl_bytes" "$t_n") MB/s" "$(ratio "$t_uconv" "$t_n")"

t_uconv_t=$(best_of uconv -f utf-8 -t utf-8 -x Russian-Latin/BGN "$tmp/ru.txt")
t_t1=$(best_of "$normkit" translit -j 1 -s ru/bgn_pcgn "$tmp/ru.txt")
t_t=$(best_of "$normkit" translit -s ru/bgn_pcgn "$tmp/ru.txt")
row "uconv -x Russian-Latin/BGN" "$t_uconv_t" "$(rate "$text_bytes" "$t_uconv_t") MB/s" "1.0x"
row "normkit translit -j 1 -s ru/bgn_pcgn" "$t_t1" "$(rate "$text_bytes" "$t_t1") MB/s" \
    "$(ratio "$t_uconv_t" "$t_t1")"
row "normkit translit -s ru/bgn_pcgn" "$t_t" "$(rate "$text_bytes" "$t_t") MB/s" \
    "$(ratio "$t_uconv_t" "$t_t")"

per_second() {
  awk -v n="$1" -v t="$2" \
    'BEGIN { r = n / t; if (r < 1e5) printf "%.0f lines/s", r; else printf "%.2f M lines/s", r / 1e6 }'
}
t_d1=$(best_of "$normkit" dates parse --lang ru -j 1 "$tmp/dates.txt")
t_d=$(best_of "$normkit" dates parse --lang ru "$tmp/dates.txt")
if "$python" -c 'import dateparser' 2>/dev/null; then
  # dateparser on the first 2,000 lines (it manages about a thousand a second).
  head -n 2000 "$tmp/dates.txt" > "$tmp/dates_2000.txt"
  t_peer=$(best_of "$python" -c '
import sys, dateparser
for line in open(sys.argv[1], encoding="utf-8"):
    dateparser.parse(line, languages=["ru"])' "$tmp/dates_2000.txt")
  peer_rate=$(awk -v t="$t_peer" 'BEGIN { printf "%.6f", t / 2000 }')
  row "dateparser (2,000 lines)" "$t_peer" "$(per_second 2000 "$t_peer")" "1.0x"
  peer_per_line=$peer_rate
else
  row "dateparser" "-" "not installed" "-"
  peer_per_line=""
fi
for pair in "-j 1:$t_d1" "default threads:$t_d"; do
  label=${pair%%:*}
  t=${pair#*:}
  r="-"
  [[ -n "$peer_per_line" ]] && r=$(awk -v p="$peer_per_line" -v n="$date_lines" -v t="$t" \
      'BEGIN { printf "%.0fx", p * n / t }')
  row "normkit dates parse --lang ru ($label)" "$t" "$(per_second "$date_lines" "$t")" "$r"
done

t_r1=$(best_of "$normkit" run -q -j 1 "$tmp/ru.jsonl")
t_r2=$(best_of "$normkit" run -q -j 2 "$tmp/ru.jsonl")
t_z1=$(best_of "$normkit" run -q -j 1 "$tmp/ru.jsonl.zst" -o "$tmp/out1.jsonl.zst")
t_z2=$(best_of "$normkit" run -q -j 2 "$tmp/ru.jsonl.zst" -o "$tmp/out2.jsonl.zst")
row "normkit run -j 1 (JSON Lines)" "$t_r1" "$(rate "$jsonl_bytes" "$t_r1") MB/s" "1.0x"
row "normkit run -j 2 (JSON Lines)" "$t_r2" "$(rate "$jsonl_bytes" "$t_r2") MB/s" \
    "$(ratio "$t_r1" "$t_r2")"
row "normkit run -j 1 (zstd in, zstd out)" "$t_z1" "$(rate "$jsonl_bytes" "$t_z1") MB/s" "1.0x"
row "normkit run -j 2 (zstd in, zstd out)" "$t_z2" "$(rate "$jsonl_bytes" "$t_z2") MB/s" \
    "$(ratio "$t_z1" "$t_z2")"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f '%M' -o "$tmp/rss" "$normkit" run -q "$tmp/ru.jsonl" > /dev/null
  echo
  echo "peak memory of normkit run (default threads): $(( $(tail -n 1 "$tmp/rss") / 1024 )) MB"
fi
