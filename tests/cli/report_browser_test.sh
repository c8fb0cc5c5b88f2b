#!/usr/bin/env bash
# The page of `normkit run --report` in a real browser: headless Chromium
# (Debian's chromium) loads it with no console message at all (the page has
# no script; a resource it failed to load would be one), and every chart is
# drawn (each svg.chart has a non-empty bounding box). A screenshot goes to
# OUT_DIR/report-screenshot.png.
#   report_browser_test.sh NORMKIT SHARED_DIR OUT_DIR
set -euo pipefail
normkit=$1
shared=$2
out_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

browser=$(command -v chromium || true)
if [ -z "$browser" ]; then
  [ -z "${CI:-}" ] || fail "chromium not found, and CI is set (make test installs it)"
  echo "SKIP: chromium not found (Debian: chromium; make test installs it)"
  exit 0
fi
corpus="$shared/corpora/ru-news.jsonl.zst"
if [ -f "$corpus" ]; then
  zstd -q -dc "$corpus" > "$work/in.jsonl"
else
  # Without the shared corpus, a small one that still fills every chart.
  printf '%s\n' \
    '{"text": "Опубликовано: 14 марта 2023, 09:12\n\nПаром вышел в рейс\n\nФото: пресс-служба\nПаром вышел\u00a0из Актау 15 марта 2023 года."}' \
    '{"text": "Tokaev met Nazarbaev on 20 June 2022 and on 1 May 2021."}' > "$work/in.jsonl"
fi
"$normkit" run -q "$work/in.jsonl" --report "$work/report.html" > /dev/null

# The page as it is, for the console and the screenshot; a copy with a
# script added at its end that measures each chart, for the DOM dump.
run_browser() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}
run_browser --hide-scrollbars --window-size=1280,2400 \
  --screenshot="$out_dir/report-screenshot.png" "file://$work/report.html" 2> "$work/console" \
  > /dev/null || fail "chromium could not load the page: $(tail -n 5 "$work/console")"
if grep -q 'CONSOLE' "$work/console"; then
  fail "console messages: $(grep 'CONSOLE' "$work/console" | head -n 5)"
fi
[ -s "$out_dir/report-screenshot.png" ] || fail "no screenshot"

sed 's|</body></html>$||' "$work/report.html" > "$work/measured.html"
cat >> "$work/measured.html" <<'HTML'
<script>
const boxes = Array.from(document.querySelectorAll("svg.chart")).map(svg => {
  const box = svg.getBBox();
  return Math.round(box.width) + "x" + Math.round(box.height);
});
document.body.setAttribute("data-charts", boxes.join(" "));
</script></body></html>
HTML
run_browser --virtual-time-budget=5000 --dump-dom "file://$work/measured.html" \
  > "$work/dom.html" 2> /dev/null || fail "chromium could not dump the page"
charts=$(grep -o 'data-charts="[^"]*"' "$work/dom.html" | head -n 1 | sed 's/data-charts="\(.*\)"/\1/')
expected=$(grep -o '<svg class="chart"' "$work/report.html" | wc -l)
[ "$expected" -ge 3 ] || fail "the page has $expected charts; dates, lengths and names make three"
count=0
for box in $charts; do
  count=$((count + 1))
  case "$box" in
    0x*|*x0) fail "chart $count is drawn empty ($box)" ;;
  esac
done
[ "$count" = "$expected" ] || fail "$count of $expected charts measured"
echo "browser: $count charts drawn ($charts), screenshot $out_dir/report-screenshot.png"
