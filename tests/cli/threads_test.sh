#!/usr/bin/env bash
# Every text subcommand gives the same bytes whatever the number of threads,
# plain and compressed: -j 1 and -j 4 on a slice of the Russian corpus, to
# standard output, to .gz and to .zst (compressed by the workers, a member
# or frame a chunk), each compressed file read back by gzip -dc or zstd -dc
# and by normkit itself; N lines in, N lines out. An empty compressed output
# is a valid empty file.
#   threads_test.sh path/to/normkit SHARED_DIR
set -euo pipefail
normkit=$1
shared=$2
fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for ext in gz zst; do
  "$normkit" normalize -o "$work/empty.$ext" < /dev/null
  [ "$(if [ $ext = gz ]; then gzip -dc "$work/empty.$ext"; else zstd -q -dc "$work/empty.$ext"; fi | wc -c)" = 0 ] ||
    fail "empty .$ext output does not read back as empty"
done

corpus="$shared/corpora/ru-news.jsonl.zst"
if [ ! -f "$corpus" ]; then
  [ -z "${CI:-}" ] || fail "$corpus not found, and CI is set"
  echo "SKIP: $corpus not found (the shared corpora sit beside a checkout as ../shared)"
  exit 0
fi
# 6,000 records (about 6 MB): several 1 MB chunks, so four threads share them.
zstd -q -dc "$corpus" > "$work/all.jsonl"
head -n 6000 "$work/all.jsonl" > "$work/in.jsonl"
# The text commands read the same lines as plain text (without --field a
# line of JSON is a line of text): no other tool needed to unpack them.
cp "$work/in.jsonl" "$work/in.txt"

check() {
  local name=$1 input=$2
  shift 2
  "$normkit" "$@" -j 1 "$input" > "$work/$name.1" || fail "$name -j 1"
  "$normkit" "$@" -j 4 "$input" > "$work/$name.4" || fail "$name -j 4"
  cmp -s "$work/$name.1" "$work/$name.4" || fail "$name: -j 1 and -j 4 differ"
  for ext in gz zst; do
    "$normkit" "$@" -j 4 "$input" -o "$work/$name.$ext" || fail "$name -o .$ext"
    if [ $ext = gz ]; then gzip -dc "$work/$name.$ext"; else zstd -q -dc "$work/$name.$ext"; fi |
      cmp -s - "$work/$name.1" || fail "$name: .$ext output differs once unpacked"
  done
  echo "$name: identical on 1 and 4 threads, plain, gzip and zstd"
}
check normalize "$work/in.jsonl" normalize
check translit "$work/in.txt" translit -s ru/bgn_pcgn
check dates-parse "$work/in.txt" dates parse
check dates-find "$work/in.txt" dates find
check clean "$work/in.jsonl" clean --jsonl
check variants-apply "$work/in.txt" variants apply
check run "$work/in.jsonl" run -q

# Line counts: N lines in, N lines out.
[ "$(wc -l < "$work/normalize.1")" = 6000 ] || fail "normalize line count"
[ "$(wc -l < "$work/run.1")" = 6000 ] || fail "run line count"
[ "$(wc -l < "$work/translit.1")" = "$(wc -l < "$work/in.txt")" ] || fail "translit line count"
# The concatenated members and frames read back through normkit's own reader.
"$normkit" normalize -j 2 "$work/normalize.zst" | cmp -s - <("$normkit" normalize "$work/normalize.1") ||
  fail "normkit does not read its own zstd frames back"
"$normkit" normalize -j 2 "$work/normalize.gz" | cmp -s - <("$normkit" normalize "$work/normalize.1") ||
  fail "normkit does not read its own gzip members back"
echo "threads test ok"
