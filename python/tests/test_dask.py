"""normkit.dask on a LocalCluster of two worker processes: the shared
Russian corpus split into zstd shards, each output shard byte for byte what
`normkit run` writes for it, the summed statistics what `normkit run` counts
over all of them."""
import json
import subprocess
import sys

import pytest

from conftest import shared_file

pytest.importorskip("distributed", reason="Debian python3-distributed is not installed")
import normkit.dask  # noqa: E402

SHARDS = 4


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    corpus = shared_file("corpora/ru-news.jsonl.zst")
    data = subprocess.run(["zstd", "-dc", str(corpus)], capture_output=True,
                          check=True).stdout
    lines = data.splitlines(keepends=True)
    # A record that is not JSON, to be passed through and counted.
    lines.insert(len(lines) // 2, b"this line is not JSON\n")
    folder = tmp_path_factory.mktemp("in")
    paths = []
    size = -(-len(lines) // SHARDS)
    for i in range(SHARDS):
        path = folder / f"part-{i}.jsonl.zst"
        subprocess.run(["zstd", "-q", "-o", str(path)], input=b"".join(lines[i * size:(i + 1) * size]),
                       check=True)
        paths.append(path)
    return paths


def test_dask_run_equals_the_cli(shards, tmp_path, normkit_bin):
    out = tmp_path / "out"
    total = normkit.dask.run(shards, out, workers=2)
    assert total["shards"] == SHARDS
    for shard in shards:
        expected = tmp_path / ("cli-" + shard.name)
        subprocess.run([normkit_bin, "-q", "run", str(shard), "-o", str(expected)], check=True)
        produced = out / shard.name
        assert produced.read_bytes() == expected.read_bytes(), shard.name
        # It decompresses with the standard tool, line for line.
        plain = subprocess.run(["zstd", "-dc", str(produced)], capture_output=True,
                               check=True).stdout
        source = subprocess.run(["zstd", "-dc", str(shard)], capture_output=True,
                                check=True).stdout
        assert plain.count(b"\n") == source.count(b"\n")

    stats = tmp_path / "stats.json"
    subprocess.run([normkit_bin, "-q", "run", *map(str, shards), "-o", str(tmp_path / "all.jsonl"),
                    "--stats", str(stats)], check=True)
    cli = json.loads(stats.read_text())
    for key in ("documents", "bytes_in", "bytes_out", "invalid_records", "kept_whole"):
        assert total[key] == cli[key], key
    assert total["invalid_records"] == 1
    assert [(s["step"], s["count"]) for s in total["steps"]] == \
        [(s["step"], s["count"]) for s in cli["steps"]]


def test_command_line(shards, tmp_path):
    out = tmp_path / "out"
    stats = tmp_path / "stats.json"
    done = subprocess.run([sys.executable, "-m", "normkit.dask", str(shards[0]), "-o", str(out),
                           "--workers", "1", "--stats", str(stats)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (out / shards[0].name).exists()
    assert json.loads(stats.read_text())["shards"] == 1
    bad = subprocess.run([sys.executable, "-m", "normkit.dask", str(shards[0]), "-o", str(out),
                          "--recipe", "no-such-recipe"], capture_output=True, text=True)
    assert bad.returncode != 0 and "no-such-recipe" in bad.stderr
