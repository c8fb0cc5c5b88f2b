#!/usr/bin/env bash
# Writes the seed corpus of one harness from the project's own inputs: the
# CLI cases' standard inputs and rule files, the rules/ folder, the tests'
# sample texts, and from the shared folder (when it is there) the sample
# article, the first documents of both corpora and the date test corpora.
# Nothing here is kept in the repository: the build (and `make fuzz`) runs
# this into the build tree.
#
#   make_seeds.sh HARNESS OUT_DIR SOURCE_DIR SHARED_DIR
#
# Harnesses that read their first byte as a selector get one in front of
# each seed, so that the seeds spread over the option sets and schemes;
# rule_files gets the byte that names the kind of file (see
# rule_files_fuzzer.cc).
set -euo pipefail
harness=$1
out=$2
source=$3
shared=$4

rm -rf "$out"
mkdir -p "$out"
count=0

# seed NAME SELECTOR FILE: FILE's bytes as a seed, after the selector byte
# (none when SELECTOR is empty).
seed() {
  local name=$1 selector=$2 file=$3
  local target="$out/$(printf '%04d' "$count")-${name//\//_}"
  count=$((count + 1))
  if [ -n "$selector" ]; then
    # shellcheck disable=SC2059
    printf "\\$(printf '%03o' "$((selector % 256))")" > "$target"
    cat "$file" >> "$target"
  else
    cp "$file" "$target"
  fi
}

# Every text input, as files; big ones in pieces of at most 4 KB (split
# at line ends where there are any): short seeds give a fuzzer many more
# runs a second, and libFuzzer lets inputs grow from the longest seed up to
# -max_len as it goes.
text_seeds() {
  local selector_from=$1
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  local files=()
  for f in "$source"/tests/cli/cases/*/stdin "$source"/tests/cli/cases/*/*.txt \
           "$source"/tools/demo/article.txt "$source"/tests/variants/press_names.txt \
           "$source"/tests/fuzz/seeds/*.txt; do
    [ -f "$f" ] && files+=("$f")
  done
  if [ -d "$shared" ]; then
    [ -f "$shared/samples/seed-article.txt" ] && files+=("$shared/samples/seed-article.txt")
    if command -v zstd >/dev/null; then
      # The first documents of each corpus; head closes the pipe early.
      if [ -f "$shared/corpora/ru-news.jsonl.zst" ]; then
        (zstd -dc "$shared/corpora/ru-news.jsonl.zst" 2>/dev/null || true) | head -n 6 |
          split -l 1 - "$tmp/ru-news-"
      fi
      if [ -f "$shared/corpora/kk-sentences.txt.zst" ]; then
        (zstd -dc "$shared/corpora/kk-sentences.txt.zst" 2>/dev/null || true) | head -n 60 \
          > "$tmp/kk-sentences"
      fi
      for f in "$tmp"/*; do
        [ -f "$f" ] && files+=("$f")
      done
    fi
    for f in "$shared"/testdata/dates/Time_*_Corpus.hs "$shared"/testdata/dates/*.py \
             "$shared"/testdata/translit/*.tsv; do
      [ -f "$f" ] && files+=("$f")
    done
  fi
  # Pieces of the big ones, in place of them.
  local pieces=()
  for f in "${files[@]}"; do
    if [ "$(wc -c < "$f")" -gt 4096 ]; then
      local stem
      stem=$(basename "$f")
      split -C 4096 "$f" "$tmp/$stem-"
      for piece in "$tmp/$stem"-*; do pieces+=("$piece"); done
    else
      pieces+=("$f")
    fi
  done
  files=("${pieces[@]}")
  local i=$selector_from
  for f in "${files[@]}"; do
    local name=${f#"$source"/}
    name=${name#"$shared"/}
    name=${name#"$tmp"/}
    if [ -n "$selector_from" ]; then
      seed "$name" "$i" "$f"
      i=$((i + 1))
    else
      seed "$name" "" "$f"
    fi
  done
}

rule_seeds() {
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  # Kind 0 is a scheme at translit/zz/fuzz.toml: its id must say so.
  for f in "$source"/rules/translit/*/*.toml "$source"/tests/cli/cases/*/rules/translit/*/*.toml; do
    local copy="$tmp/$(echo "${f#"$source"/}" | tr / _)"
    sed 's|^id = .*|id = "zz/fuzz"|' "$f" > "$copy"
    seed "${f#"$source"/}" 0 "$copy"
  done
  seed rules/translit/cyrl/iso_9.toml 6 "$source/rules/translit/cyrl/iso_9.toml"
  for f in "$source"/rules/headers/*.toml; do seed "${f#"$source"/}" 1 "$f"; done
  seed rules/headers/en.toml 7 "$source/rules/headers/en.toml"
  for f in "$source"/rules/dates/*.toml; do seed "${f#"$source"/}" 2 "$f"; done
  seed rules/dates/common.toml 8 "$source/rules/dates/common.toml"
  for f in "$source"/rules/variants/*.toml "$source"/tests/cli/cases/*/names.toml; do
    seed "${f#"$source"/}" 3 "$f"
  done
  seed rules/variants/ukraine.toml 9 "$source/rules/variants/ukraine.toml"
  for f in "$source"/rules/recipes/*.toml "$source"/tests/fuzz/seeds/*.recipe.toml; do
    [ -f "$f" ] || continue
    seed "${f#"$source"/}" 4 "$f"
    seed "${f#"$source"/}" 10 "$f"
  done
  for f in "$source"/rules/normalize/punct.toml "$source"/tests/cli/cases/*/rules/normalize/punct.toml; do
    seed "${f#"$source"/}" 5 "$f"
  done
  seed rules/normalize/punct.toml 11 "$source/rules/normalize/punct.toml"
}

case "$harness" in
  normalizer|translit|dates|headers) text_seeds 0 ;;
  variants) text_seeds "" ;;
  rule_files) rule_seeds ;;
  *)
    # A harness with no seeds of its own starts from the text inputs.
    text_seeds "" ;;
esac
echo "$count seeds for $harness in $out"
