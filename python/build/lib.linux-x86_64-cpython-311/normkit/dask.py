"""A recipe over JSON Lines shards on a Dask cluster.

    import normkit.dask
    stats = normkit.dask.run(["in/part-0.jsonl.zst", "in/part-1.jsonl.zst"], "out")

Each shard is one Dask task, which runs `normkit run` on it in the worker's
process (the same code as the command line, so a shard's output is byte for
byte what `normkit run SHARD -o OUT` writes): out/part-0.jsonl.zst,
compressed as the input was named, written whole or not at all. A record
that is not JSON passes through in place and is counted. A task that fails
(a worker lost) is run again by Dask.

From a shell:

    python3 -m normkit.dask in/*.jsonl.zst -o out [--scheduler tcp://host:8786]
"""

import argparse
import json
import os
import sys
import tempfile
import time

from . import _normkit
from ._errors import RunError

__all__ = ["run", "run_shard"]

# The counts of `normkit run --stats` that add up over shards.
_SUMMED = ("documents", "bytes_in", "bytes_out", "invalid_records", "kept_whole")


def _recipe_spec(recipe):
    """A recipe as the workers get it: a name, or (text, path) for a file of
    the user's, read here once, since a worker may not see the same files.
    The recipe is built once here too, so a broken one fails before any task
    starts."""
    if "/" in recipe or recipe.endswith(".toml"):
        with open(recipe, encoding="utf-8") as f:
            text = f.read()
        _normkit.Pipeline(text, recipe)
        return (text, recipe)
    _normkit.Pipeline(recipe)
    return recipe


def run_shard(input_path, output_path, recipe="news", field="text"):
    """Runs `normkit run` over one shard into output_path (compressed as its
    name says: .gz, .zst) on one thread; returns its --stats summary as a
    dict. recipe: a name, or (text, path) as _recipe_spec makes it. Raises
    RunError when the command fails; its message went to standard error."""
    with tempfile.TemporaryDirectory(prefix="normkit-shard-") as tmp:
        if isinstance(recipe, tuple):
            text, origin = recipe
            recipe_arg = os.path.join(tmp, os.path.basename(origin) or "recipe.toml")
            if not recipe_arg.endswith(".toml"):
                recipe_arg += ".toml"
            with open(recipe_arg, "w", encoding="utf-8") as f:
                f.write(text)
        else:
            recipe_arg = recipe
        stats_path = os.path.join(tmp, "stats.json")
        args = ["--quiet", "run", "--recipe", recipe_arg, "--field", field, "-j", "1",
                os.fspath(input_path), "-o", os.fspath(output_path), "--stats", stats_path]
        status = _normkit.run_command_line(args)
        if status != 0:
            raise RunError(f"normkit run on {input_path} stopped with exit status {status}",
                           status)
        with open(stats_path, encoding="utf-8") as f:
            return json.load(f)


def _sum(summaries):
    total = {"command": "run"}
    if summaries:
        total["recipe"] = summaries[0].get("recipe")
    for key in _SUMMED:
        total[key] = sum(s.get(key, 0) for s in summaries)
    steps = []
    for s in summaries:
        for i, step in enumerate(s.get("steps", [])):
            if i == len(steps):
                steps.append({"step": step["step"], "unit": step["unit"], "count": 0,
                              "seconds": 0.0})
            steps[i]["count"] += step["count"]
            steps[i]["seconds"] += step["seconds"]
    total["steps"] = steps
    total["shards"] = len(summaries)
    return total


def run(inputs, output_dir, recipe="news", field="text", client=None, workers=None):
    """Runs `recipe` over each JSON Lines shard in `inputs` (plain, gzip or
    zstd) as a Dask task and writes output_dir/<the shard's file name>.
    Returns the statistics of every shard summed, the keys of `normkit run
    --stats` plus "shards"; "seconds" is the wall time of the whole run.

    client: a distributed.Client (e.g. Client("tcp://host:8786")); None
    starts a LocalCluster of `workers` processes (default: every core) for
    the run and stops it after."""
    import distributed  # Debian: python3-distributed

    inputs = [os.fspath(p) for p in inputs]
    names = [os.path.basename(p) for p in inputs]
    if len(set(names)) != len(names):
        raise ValueError("two shards have the same file name; their outputs would collide")
    spec = _recipe_spec(recipe)
    os.makedirs(output_dir, exist_ok=True)
    outputs = [os.path.join(os.path.abspath(output_dir), n) for n in names]
    started = time.monotonic()
    cluster = None
    own_client = client is None
    if own_client:
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        futures = client.map(run_shard, [os.path.abspath(p) for p in inputs], outputs,
                             recipe=spec, field=field, pure=False, retries=2)
        summaries = client.gather(futures)
        threads = sum(client.nthreads().values())
    finally:
        if own_client:
            client.close()
            cluster.close()
    total = _sum(summaries)
    total["threads"] = threads
    total["seconds"] = time.monotonic() - started
    return total


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m normkit.dask",
        description="Runs a normkit recipe over JSON Lines shards on Dask, one task a shard; "
                    "each output shard takes its input's file name (and compression).")
    parser.add_argument("inputs", nargs="+", metavar="IN", help="JSON Lines shards (.gz, .zst)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="folder for the output shards")
    parser.add_argument("--scheduler", metavar="ADDR",
                        help="a running Dask scheduler (tcp://host:8786); default: a local "
                             "cluster for this run")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="worker processes of the local cluster (default: every core)")
    parser.add_argument("--recipe", default="news",
                        help="a recipe's name or the path of your own (default: news)")
    parser.add_argument("--field", default="text", help="the text field of each record")
    parser.add_argument("--stats", metavar="FILE", help="write the summed statistics here")
    args = parser.parse_args(argv)
    client = None
    if args.scheduler:
        import distributed

        client = distributed.Client(args.scheduler)
    try:
        total = run(args.inputs, args.output, recipe=args.recipe, field=args.field,
                    client=client, workers=args.workers)
    except (OSError, ValueError, KeyError, RunError) as error:
        print(f"normkit.dask: {error}", file=sys.stderr)
        return 1
    finally:
        if client is not None:
            client.close()
    summary = json.dumps(total, indent=2)
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            f.write(summary + "\n")
    print(f"normkit.dask: {total['shards']} shards, {total['documents']} documents, "
          f"{total['seconds']:.1f} s on {total['threads']} worker thread(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
