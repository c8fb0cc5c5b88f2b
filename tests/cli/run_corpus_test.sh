#!/usr/bin/env bash
# normkit run end to end: JSON Lines and text, plain/gzip/zstd known by
# content, output compressed by name, records that are not JSON passed
# through in place (or --strict), identical output on 1 and 2 threads, the
# --stats summary, and bounded memory on a large input.
#   run_corpus_test.sh NORMKIT SHARED_DIR
set -euo pipefail
normkit=$1
shared=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A small corpus written here: two articles, a broken record, a record
# without a text field, an empty line.
cat > "$work/small.jsonl" <<'JSONL'
{"id": 1, "source": "site", "text": "Опубликовано: 14 марта 2023, 09:12\n\nПаром вышел в рейс\n\nФото: пресс-служба\nПаром «Бейнеу» вышел из Актау в первый рейс после\u00a0перерыва.\n\nМария Соколова\n\nПервые пассажиры прибудут 15 марта."}
{"id": 2, "text": broken
{"id": 3, "title": "no text"}

{"id": 4, "score": 1.50, "text": "Posted June 20, 2022 2:01 PM\nHeadline here\nThe lead sentence of the story is here."}
JSONL
"$normkit" run "$work/small.jsonl" -o "$work/small.out.jsonl" 2> "$work/err"
[ "$(wc -l < "$work/small.out.jsonl")" = "$(wc -l < "$work/small.jsonl")" ] || fail "line count changed"
sed -n 2p "$work/small.out.jsonl" | grep -qx '{"id": 2, "text": broken' || fail "broken record not kept in place"
sed -n 3p "$work/small.out.jsonl" | grep -qxF '{"id": 3, "title": "no text"}' || fail "record without text changed"
grep -q '1 record(s) not JSON' "$work/err" || fail "invalid record not counted: $(cat "$work/err")"
# Every other field is kept as written (spacing, 1.50); the text is cleaned
# and the metadata added.
sed -n 5p "$work/small.out.jsonl" | grep -q '^{"id": 4, "score": 1.50, "text": "The lead sentence of the story is here.","metadata":{"title":"Headline here","published":"2022-06-20T14:01"' \
  || fail "record 4: $(sed -n 5p "$work/small.out.jsonl")"
sed -n 1p "$work/small.out.jsonl" | grep -q '"authors":\["Мария Соколова"\]' || fail "record 1 metadata"
sed -n 1p "$work/small.out.jsonl" | grep -q 'после перерыва' || fail "record 1 not normalized"

# --strict stops at the broken record with its line number.
set +e
"$normkit" run --strict "$work/small.jsonl" > /dev/null 2> "$work/err"
status=$?
set -e
[ "$status" = 65 ] || fail "--strict exit $status"
grep -q 'small.jsonl:2: not a JSON object' "$work/err" || fail "--strict message: $(cat "$work/err")"

# Plain text: one document a line, N lines in, N out.
printf 'первая  строка 20 июня 2022\n\nвторая\xc2\xa0строка\r\nтретья\n' > "$work/lines.txt"
"$normkit" run -q "$work/lines.txt" > "$work/lines.out"
[ "$(wc -l < "$work/lines.out")" = 4 ] || fail "text mode line count"
sed -n 1p "$work/lines.out" | grep -qx 'первая строка 20 июня 2022' || fail "text mode line 1"
sed -n 3p "$work/lines.out" | grep -qx 'вторая строка' || fail "text mode line 3"

# Compressed input known by content (no telling extension), compressed
# output by name; all give the same records.
gzip -c "$work/small.jsonl" > "$work/small.gzdata"
zstd -q -c "$work/small.jsonl" > "$work/small.zstdata"
"$normkit" run -q "$work/small.gzdata" -o "$work/a.jsonl.gz"
"$normkit" run -q "$work/small.zstdata" -o "$work/b.jsonl.zst"
cmp <(gzip -dc "$work/a.jsonl.gz") "$work/small.out.jsonl" || fail "gzip round trip"
cmp <(zstd -q -dc "$work/b.jsonl.zst") "$work/small.out.jsonl" || fail "zstd round trip"

# The --stats summary.
"$normkit" run -q "$work/small.jsonl" -o "$work/stats-run.jsonl" --stats "$work/stats.json"
for key in '"documents": 4' '"invalid_records": 1' '"step": "normalize"' '"step": "clean"' '"step": "dates"' '"bytes_in"' '"bytes_out"' '"seconds"'; do
  grep -q "$key" "$work/stats.json" || fail "stats lack $key: $(cat "$work/stats.json")"
done

corpus="$shared/corpora/ru-news.jsonl.zst"
if [ ! -f "$corpus" ]; then
  # CI must run the corpus checks: without the shared data it fails.
  [ -z "${CI:-}" ] || fail "$corpus not found, and CI is set"
  echo "SKIP: $corpus not found (the shared corpora sit beside a checkout as ../shared); the corpus checks are skipped"
  echo "run corpus test ok (small inputs only)"
  exit 0
fi
# The same output whatever the number of threads.
"$normkit" run -q -j 1 "$corpus" -o "$work/j1.jsonl"
"$normkit" run -q -j 2 "$corpus" -o "$work/j2.jsonl"
cmp "$work/j1.jsonl" "$work/j2.jsonl" || fail "-j 1 and -j 2 differ"
[ "$(wc -l < "$work/j1.jsonl")" = 22455 ] || fail "corpus record count"

# Bounded memory: eight copies of the corpus (186 MB) stay far under 300 MB.
if [ -n "${NORMKIT_SANITIZED:-}" ]; then
  echo "SKIP: peak memory under a sanitizer measures the sanitizer (NORMKIT_SANITIZED is set)"
elif [ -x /usr/bin/time ]; then
  for i in 1 2 3 4 5 6 7 8; do zstd -q -dc "$corpus"; done > "$work/big.jsonl"
  /usr/bin/time -f '%M' -o "$work/rss" "$normkit" run -q "$work/big.jsonl" > /dev/null
  rss_kb=$(tail -n 1 "$work/rss")
  echo "peak memory on 186 MB: $((rss_kb / 1024)) MB"
  [ "$rss_kb" -lt 300000 ] || fail "peak memory $rss_kb KB"
else
  echo "SKIP: /usr/bin/time (Debian package time) not installed; memory not measured"
fi
echo "run corpus test ok"
