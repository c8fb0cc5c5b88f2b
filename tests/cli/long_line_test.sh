#!/usr/bin/env bash
# A 100 MB line (with invalid bytes and NULs in it) between two short lines:
# it comes out whole, repaired, and the line count stays 3.
set -euo pipefail
normkit=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 100 MB of Cyrillic with a NUL and an invalid byte ending each block of
# 65,522 bytes ("привет мир " is 20 bytes, 3,276 of them a block).
(set +o pipefail; yes 'привет мир ' | head -n 3276 | tr -d '\n') > "$work/block"
printf '\000\377' >> "$work/block"
for i in $(seq 40); do cat "$work/block"; done > "$work/block40"
{
  printf 'first\n'
  for i in $(seq 40); do cat "$work/block40"; done
  printf '\nlast\n'
} > "$work/in.txt"
"$normkit" normalize "$work/in.txt" > "$work/out.txt" 2> "$work/err.txt"
lines=$(wc -l < "$work/out.txt")
[ "$lines" = 3 ] || { echo "expected 3 lines, got $lines"; exit 1; }
head -n 1 "$work/out.txt" | grep -qx first
tail -n 1 "$work/out.txt" | grep -qx last
# Each block's NUL is removed and its 0xFF becomes U+FFFD (3 bytes).
replacements=$(grep -a -o $'\xef\xbf\xbd' "$work/out.txt" | wc -l)
[ "$replacements" = 1600 ] || { echo "expected 1600 U+FFFD, got $replacements"; exit 1; }
grep -q "replaced 1600 invalid UTF-8" "$work/err.txt"
# With --strict the same file stops with 65 at line 2.
set +e
"$normkit" normalize --strict "$work/in.txt" > /dev/null 2> "$work/err2.txt"
status=$?
set -e
[ "$status" = 65 ] || { echo "expected 65 under --strict, got $status"; exit 1; }
grep -q "in.txt:2:65522: invalid UTF-8 at byte offset 65527" "$work/err2.txt" || {
  cat "$work/err2.txt"; exit 1; }
# Transliteration takes the same line whole: Latin out, NULs kept (only the
# normalizer removes them), every 0xFF as U+FFFD, 3 lines.
"$normkit" translit -s ru/bgn_pcgn "$work/in.txt" > "$work/tr.txt"
lines=$(wc -l < "$work/tr.txt")
[ "$lines" = 3 ] || { echo "translit: expected 3 lines, got $lines"; exit 1; }
replacements=$(grep -a -o $'\xef\xbf\xbd' "$work/tr.txt" | wc -l)
[ "$replacements" = 1600 ] || { echo "translit: expected 1600 U+FFFD, got $replacements"; exit 1; }
head -c 46 "$work/tr.txt" | tail -c 40 | grep -a -q '^privet mir privet mir' || { echo "translit: line 2 is not Latin"; exit 1; }
# clean gives one valid JSON object holding the whole line in its body.
"$normkit" clean "$work/in.txt" > "$work/clean.json"
[ "$(wc -l < "$work/clean.json")" = 1 ] || { echo "clean: expected one line of JSON"; exit 1; }
head -c 1 "$work/clean.json" | grep -q '{' || { echo "clean: not a JSON object"; exit 1; }
size=$(stat -c %s "$work/clean.json")
[ "$size" -gt 100000000 ] || { echo "clean: the body is missing ($size bytes)"; exit 1; }
echo "long line ok"
