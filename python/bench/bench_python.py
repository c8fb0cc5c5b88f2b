"""The Python package against the command line and its Python peers, on the
shared Russian corpus (../shared/corpora/ru-news.jsonl.zst), one run:

  process_jsonl      Pipeline.process_jsonl over the corpus in one process,
                     against `normkit run -j 1` on the same bytes
  two threads        two Python threads sharing one Pipeline, against one
  dask               normkit.dask.run over shards of the corpus repeated to
                     SIZE_MB (default 200), LocalCluster of 1 and of 2 workers
  translit / dates   Transliterator and DateFinder against unidecode and
                     dateparser (Debian python3-unidecode, python3-dateparser)
                     where installed

    PYTHONPATH=build/python /usr/bin/python3 python/bench/bench_python.py build/tools/normkit

The machine is noisy: read the ratios, taken side by side.
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

import normkit
import normkit.dask


def best(fn, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def row(name, seconds, amount, unit, ratio):
    print(f"| {name:<52} | {seconds:8.4f} | {amount / seconds:10.1f} {unit:<8} | {ratio:>6} |")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/tools/normkit"
    shared = pathlib.Path(os.environ.get("NORMKIT_SHARED_DIR",
                                         pathlib.Path(__file__).resolve().parents[3] / "shared"))
    corpus = shared / "corpora" / "ru-news.jsonl.zst"
    if not corpus.exists():
        print(f"bench_python: {corpus} not found; skipped", file=sys.stderr)
        return 0
    data = subprocess.run(["zstd", "-dc", str(corpus)], capture_output=True, check=True).stdout
    mb = len(data) / 1e6
    print(f"input: ru-news.jsonl, {len(data)} bytes; best of 3; {os.cpu_count()} cores\n")
    print(f"| {'what':<52} | {'time, s':>8} | {'throughput':>19} | {'ratio':>6} |")
    print(f"| {'---':<52} | {'---':>8} | {'---':>19} | {'---':>6} |")

    with tempfile.TemporaryDirectory() as tmp:
        plain = pathlib.Path(tmp) / "ru.jsonl"
        plain.write_bytes(data)
        t_cli = best(lambda: subprocess.run([binary, "-q", "run", "-j", "1", str(plain)],
                                            stdout=subprocess.DEVNULL, check=True))
        pipeline = normkit.Pipeline("news")
        t_py = best(lambda: pipeline.process_jsonl(data))
        row("normkit run -j 1 (start-up included)", t_cli, mb, "MB/s", "1.00x")
        row("Pipeline.process_jsonl, one thread", t_py, mb, "MB/s", f"{t_cli / t_py:.2f}x")

        lines = data.splitlines(keepends=True)
        halves = [b"".join(lines[0::2]), b"".join(lines[1::2])]

        def two_threads():
            threads = [threading.Thread(target=pipeline.process_jsonl, args=(h,)) for h in halves]
            for th in threads:
                th.start()
            for th in threads:
                th.join()

        t_two = best(two_threads)
        row("Pipeline.process_jsonl, two threads, one Pipeline", t_two, mb, "MB/s",
            f"{t_py / t_two:.2f}x")

        size_mb = float(os.environ.get("SIZE_MB", "200"))
        repeats = max(1, int(size_mb / mb + 0.999))
        shards = []
        for i in range(8):
            shard = pathlib.Path(tmp) / f"part-{i}.jsonl.zst"
            body = b"".join(lines[i::8]) * repeats
            subprocess.run(["zstd", "-q", "-1", "-o", str(shard)], input=body, check=True)
            shards.append(shard)
        total_mb = mb * repeats
        times = {}
        for workers in (1, 2):
            out = pathlib.Path(tmp) / f"out{workers}"
            times[workers] = best(lambda: normkit.dask.run(shards, out, workers=workers), runs=1)
        row(f"normkit.dask.run, 1 worker ({total_mb:.0f} MB, 8 zstd shards)", times[1], total_mb,
            "MB/s", "1.00x")
        row("normkit.dask.run, 2 workers", times[2], total_mb, "MB/s",
            f"{times[1] / times[2]:.2f}x")

    import json

    texts = [json.loads(line).get("text", "") for line in lines[:300]]
    text_mb = sum(len(t.encode()) for t in texts) / 1e6
    translit = normkit.Transliterator("ru/bgn_pcgn")
    t_ours = best(lambda: [translit.transliterate(t) for t in texts])
    try:
        from unidecode import unidecode

        t_peer = best(lambda: [unidecode(t) for t in texts])
        row("unidecode (Russian news text)", t_peer, text_mb, "MB/s", "1.00x")
        row("Transliterator('ru/bgn_pcgn')", t_ours, text_mb, "MB/s", f"{t_peer / t_ours:.1f}x")
    except ImportError:
        row("Transliterator('ru/bgn_pcgn') (unidecode not installed)", t_ours, text_mb, "MB/s",
            "-")

    every_text = (json.loads(line).get("text", "") for line in lines)
    date_lines = [line for t in every_text for line in t.splitlines()
                  if len(line) <= 80 and any(c.isdigit() for c in line)][:1000]
    finder = normkit.DateFinder(["ru"])
    t_ours = best(lambda: [finder.parse(line) for line in date_lines])
    try:
        import dateparser

        sample = date_lines[:200]
        t_peer = best(lambda: [dateparser.parse(line, languages=["ru"]) for line in sample],
                      runs=1)
        per_line_peer = t_peer / len(sample)
        row("dateparser.parse (short lines with a digit)", t_peer, len(sample), "lines/s",
            "1.0x")
        row("DateFinder(['ru']).parse", t_ours, len(date_lines), "lines/s",
            f"{per_line_peer * len(date_lines) / t_ours:.0f}x")
    except ImportError:
        row("DateFinder(['ru']).parse (dateparser not installed)", t_ours, len(date_lines),
            "lines/s", "-")
    return 0


if __name__ == "__main__":
    sys.exit(main())
