#!/usr/bin/env bash
# normkit run --report on the shared Russian corpus: the page's counts are
# the --stats summary's, it is the same on 1 and 2 threads but for the
# values marked class="varies", it refers to nothing outside itself, every
# sample is an excerpt of the text its step was given, and a bad --report
# path stops the run before any work with nothing written.
#   report_test.sh NORMKIT SHARED_DIR
set -euo pipefail
normkit=$1
shared=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A report where nothing is left to chance: a small corpus written here.
printf '%s\n' '{"text": "Опубликовано: 14 марта 2023, 09:12\n\nПаром вышел в рейс\n\nФото: пресс-служба\nПаром «Бейнеу» вышел\u00a0из Актау.\n\nПервые пассажиры прибудут 15 марта 2023 года."}' \
  'not json' '{"text": "Tokaev and  Tokayev met on 20 June 2022."}' > "$work/small.jsonl"
"$normkit" run -q "$work/small.jsonl" --report "$work/small.html" --stats "$work/small.json" \
  > "$work/small.out"
/usr/bin/python3 "$here/check_report.py" "$work/small.html" "$work/small.json" \
  "$work/small.jsonl" || fail "small report"
grep -q '<p class="lines">Lines: 2</p>' "$work/small.html" || fail "the record not JSON is not listed"

# A --report that cannot be written stops the run at once.
set +e
"$normkit" run -q "$work/small.jsonl" --report "$work/no/such/folder/r.html" > "$work/out" 2> "$work/err"
status=$?
set -e
[ "$status" = 73 ] || fail "--report into a missing folder: exit $status"
[ ! -s "$work/out" ] || fail "output written before the report failed"

corpus="$shared/corpora/ru-news.jsonl.zst"
if [ ! -f "$corpus" ]; then
  [ -z "${CI:-}" ] || fail "$corpus not found, and CI is set"
  echo "SKIP: $corpus not found (the shared corpora sit beside a checkout as ../shared)"
  exit 0
fi
zstd -q -dc "$corpus" > "$work/ru.jsonl"
for j in 1 2; do
  "$normkit" run -q -j "$j" "$work/ru.jsonl" --report "$work/r$j.html" --stats "$work/s$j.json" \
    > "$work/out$j.jsonl"
done
/usr/bin/python3 "$here/check_report.py" "$work/r1.html" "$work/s1.json" "$work/ru.jsonl" \
  || fail "corpus report"
strip() { sed 's|<span class="varies">[^<]*</span>||g' "$1"; }
cmp -s <(strip "$work/r1.html") <(strip "$work/r2.html") || fail "-j 1 and -j 2 reports differ"
echo "report: ok ($(stat -c %s "$work/r1.html") bytes)"
