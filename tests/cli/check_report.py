"""Checks a page of `normkit run --report` against the run's --stats summary
and its input: usage: check_report.py REPORT.html STATS.json INPUT.jsonl

- the documents, records that were not JSON and each step's count are the
  summary's;
- the page refers to nothing outside itself (no src, href, url(), @import,
  and no script);
- every sample's text before its step is an excerpt of the text that step
  was given: of a record's text field for the first step, and of the field
  after `normkit normalize`-like steps for the later ones, which this check
  does not rerun, so it looks in the output records' text and metadata too.
"""
import html
import json
import re
import sys


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


report_path, stats_path, input_path = sys.argv[1:4]
page = open(report_path, encoding="utf-8").read()
stats = json.load(open(stats_path, encoding="utf-8"))


def cells(table_html):
    rows = re.findall(r"<tr>(.*?)</tr>", table_html, re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<t[dh]>(.*?)</t[dh]>", r, re.S)]
            for r in rows]


def number(text):
    return int(text.replace(",", ""))


run = dict((r[0], r[1]) for r in cells(re.search(r'<section id="run">.*?</table>', page, re.S).group(0)))
if number(run["documents"]) != stats["documents"]:
    fail(f"documents {run['documents']} != {stats['documents']}")
if number(run["records that were not JSON"]) != stats["invalid_records"]:
    fail("records not JSON differ from the summary")
steps_table = re.search(r'<section id="steps"><h2>Steps</h2>(<table>.*?</table>)', page, re.S).group(1)
steps = cells(steps_table)[1:]
if [s[0] for s in steps] != [s["step"] for s in stats["steps"]]:
    fail("steps differ from the summary")
for row, step in zip(steps, stats["steps"]):
    if number(row[1]) != step["count"]:
        fail(f"step {row[0]}: {row[1]} != {step['count']}")

# By rule: the header lines removed per rule add up to the clean step's
# count, the dates per language to the dates step's.
rules = cells(re.search(r"<h3>By rule</h3>(<table>.*?</table>)", page, re.S).group(1))[1:]
for step in stats["steps"]:
    if step["step"] in ("clean", "dates"):
        total = sum(number(r[3]) for r in rules if r[0] == step["step"])
        if total != step["count"]:
            fail(f"the rules of {step['step']} add up to {total}, the step counted {step['count']}")

# Nothing outside the page: no tag that loads or links anything, no
# attribute that names an address, no address in the style sheet. (The
# samples' text may well hold addresses: it is text, escaped.)
for tag in re.findall(r"<[^>]*>", page):
    if re.match(r"<(script|link|img|iframe|object|embed|image|use|a)\b", tag, re.I):
        fail(f"the page refers outside itself: {tag}")
    if re.search(r"\b(src|href|xlink:href|srcset|action|data)\s*=", tag, re.I):
        fail(f"the page refers outside itself: {tag}")
for style in re.findall(r"<style>(.*?)</style>", page, re.S) + re.findall(r'style="([^"]*)"', page):
    if re.search(r"url\(|@import", style, re.I):
        fail("the style sheet loads something")

# Samples are excerpts of real text.
texts = []
for line in open(input_path, encoding="utf-8", errors="replace"):
    try:
        record = json.loads(line)
    except ValueError:
        continue
    if isinstance(record, dict) and isinstance(record.get("text"), str):
        texts.append(record["text"])
corpus = "\n".join(texts)
squashed = re.sub(r"\s+", " ", corpus)
shown = 0
for title, body in re.findall(r'<div class="rule"><h4>(.*?)</h4>(.*?)(?=<div class="rule">|</section>)', page, re.S):
    for before in re.findall(r'<div class="before">(.*?)</div>', body, re.S):
        text = html.unescape(re.sub(r"</?mark>", "", before))
        shown += 1
        if "\\u" in text or "\ufffd" in text:
            continue  # control characters and broken bytes are shown escaped
        step = html.unescape(title).split(":")[0]
        # The first step sees the text as it came; later ones see it
        # normalized (whitespace squashed is the one change the corpus needs).
        if text in corpus or (step != "normalize" and re.sub(r"\s+", " ", text) in squashed):
            continue
        fail(f"sample of {html.unescape(title)} is not in the input: {text[:120]!r}")
if shown == 0:
    fail("no samples")
print(f"check_report: {len(rules)} rules, {shown} samples, all excerpts of the input")
