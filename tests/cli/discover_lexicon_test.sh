#!/usr/bin/env bash
# From discovery to a rewrite: `variants discover --lexicon-out` writes the
# clusters no lexicon holds as a lexicon, and `variants apply --lexicon`
# with it rewrites exactly those spellings. On the demo article (Sarsenbaev
# once, Sarsenbayev once: a tie that BGN/PCGN decides), then on the shared
# sample article and corpora where they are present (the written lexicon
# must load and change nothing the discovery did not find).
#   discover_lexicon_test.sh NORMKIT DEMO_ARTICLE SHARED_DIR
set -euo pipefail
normkit=$1
article=$2
shared=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$normkit" -q variants discover --lexicon-out "$work/found.toml" "$article" > "$work/clusters"
grep -qx 'canonical = "Sarsenbayev"' "$work/found.toml" || fail "no Sarsenbayev entry: $(cat "$work/found.toml")"
grep -qx 'variants = \["Sarsenbaev"\]' "$work/found.toml" || fail "Sarsenbaev not its variant"
grep -q '^# 2 seen: Sarsenbaev 1, Sarsenbayev 1$' "$work/found.toml" || fail "counts not in a comment"
# The lexicon's own names (Aktobe) are not written again.
! grep -q 'canonical = "Aktobe"' "$work/found.toml" || fail "a lexicon name written again"
# The JSON and the lexicon agree on the canonical form.
grep -q '"canonical":"Sarsenbayev"' "$work/clusters" || fail "discover's canonical: $(cat "$work/clusters")"

# Apply with it: against apply without it, one word changes, nothing else.
"$normkit" -q variants apply "$article" > "$work/without"
"$normkit" -q variants apply --lexicon "$work/found.toml" "$article" > "$work/with"
diff --text "$work/without" "$work/with" > "$work/diff" && fail "apply with the lexicon changed nothing"
[ "$(grep -c '^[<>]' "$work/diff")" = 2 ] || fail "more than one line changed: $(cat "$work/diff")"
grep -q '^< Speaking at the port on Tuesday, Sarsenbaev said' "$work/diff" || fail "$(cat "$work/diff")"
grep -q '^> Speaking at the port on Tuesday, Sarsenbayev said' "$work/diff" || fail "$(cat "$work/diff")"
cmp -s <(sed 's/Sarsenbaev/Sarsenbayev/' "$work/without") "$work/with" || fail "more than Sarsenbaev changed"
# Only the written lexicon: the same one word against the article itself.
"$normkit" -q variants apply --no-builtin --lexicon "$work/found.toml" "$article" > "$work/only"
cmp -s <(sed 's/Sarsenbaev/Sarsenbayev/' "$article") "$work/only" || fail "--no-builtin: more changed"
# Written atomically: a path in a folder that does not exist fails and leaves nothing.
set +e
"$normkit" -q variants discover --lexicon-out "$work/none/found.toml" "$article" > /dev/null 2> "$work/err"
status=$?
set -e
[ "$status" = 73 ] || fail "--lexicon-out into a missing folder: exit $status"
grep -q -- '--lexicon-out' "$work/err" || fail "message does not name --lexicon-out: $(cat "$work/err")"

# The same in a recipe: a variants step with lexicon = "FILE", the file read
# from the recipe's folder.
mkdir "$work/recipe"
cp "$work/found.toml" "$work/recipe/found.toml"
printf '[[step]]\nuse = "variants"\nlexicon = "found.toml"\n' > "$work/recipe/mine.toml"
"$normkit" -q run --recipe "$work/recipe/mine.toml" "$article" > "$work/run.with"
printf '[[step]]\nuse = "variants"\n' > "$work/recipe/plain.toml"
"$normkit" -q run --recipe "$work/recipe/plain.toml" "$article" > "$work/run.without"
cmp -s <(sed 's/Sarsenbaev/Sarsenbayev/' "$work/run.without") "$work/run.with" \
  || fail "recipe: $(diff --text "$work/run.without" "$work/run.with")"
grep -q 'Sarsenbaev' "$work/run.without" || fail "recipe without the lexicon rewrote Sarsenbaev"
rm "$work/recipe/found.toml"
set +e
"$normkit" -q run --recipe "$work/recipe/mine.toml" "$article" > /dev/null 2> "$work/err"
status=$?
set -e
[ "$status" = 66 ] || fail "recipe naming a missing lexicon: exit $status"
grep -q 'found.toml' "$work/err" || fail "message does not name the lexicon: $(cat "$work/err")"

if [ ! -d "$shared" ]; then
  echo "skipped the shared sample and corpora: $shared is absent"
  exit 0
fi
# The sample article: its only cluster is a lexicon name, so the lexicon
# written is empty and applying it changes nothing more.
sample="$shared/samples/seed-article.txt"
"$normkit" -q variants discover --lexicon-out "$work/sample.toml" "$sample" > /dev/null
"$normkit" -q variants apply "$sample" > "$work/sample.without"
"$normkit" -q variants apply --lexicon "$work/sample.toml" "$sample" > "$work/sample.with"
cmp -s "$work/sample.without" "$work/sample.with" || fail "sample: the empty lexicon changed text"
# The corpora: the lexicon written loads, and applying it keeps N lines.
for corpus in ru-news.jsonl.zst kk-sentences.txt.zst; do
  field=()
  case $corpus in *.jsonl.zst) field=(--field text) ;; esac
  "$normkit" -q variants discover "${field[@]}" --lexicon-out "$work/corpus.toml" \
    "$shared/corpora/$corpus" > /dev/null
  "$normkit" -q variants apply "${field[@]}" --lexicon "$work/corpus.toml" \
    "$shared/corpora/$corpus" > "$work/corpus.out"
  [ "$(zstd -dc "$shared/corpora/$corpus" | wc -l)" = "$(wc -l < "$work/corpus.out")" ] \
    || fail "$corpus: line count changed"
done
echo "ok"
