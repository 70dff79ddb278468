"""Batch benchmark: `flueko run --all` over the demo rounds, sequential vs parallel.

Usage: ``python bench/batch.py [--repeat N]``. Copies the demo data into a temporary workspace,
ingests once, then times the report stage with ``--jobs 1`` and ``--jobs <cores>`` and prints
the size of every report. Targets: each report ≤ 2.5 MB (issue 14), parallel ≥ 1.6× faster
than sequential on two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from flueko.cli import main  # noqa: E402


def _run(root: Path, *args: str) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--workspace", str(root), *args, "--no-progress"])
    if code != 0:
        raise SystemExit(f"flueko {' '.join(args)} failed with exit code {code}")
    return time.perf_counter() - start


def bench(repeat: int) -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "data" / "raw", root / "data" / "raw")
        with contextlib.redirect_stdout(io.StringIO()):
            main(["--workspace", str(root), "ingest", "--all"])
        rounds = sorted(p.name for p in (root / "data" / "raw").iterdir() if p.is_dir())
        _run(root, "report", "--all", "--jobs", str(cores))  # warm-up (imports, caches)
        seq = [_run(root, "report", "--all", "--jobs", "1") for _ in range(repeat)]
        par = [_run(root, "report", "--all", "--jobs", str(cores)) for _ in range(repeat)]
        full = _run(root, "run", "--all", "--jobs", str(cores))
        s, p = statistics.median(seq), statistics.median(par)
        print(f"rounds: {len(rounds)} (+ overview), cores: {cores}, repeats: {repeat}")
        print(f"report stage sequential (--jobs 1): {s:6.1f} s")
        print(f"report stage parallel   (--jobs {cores}): {p:6.1f} s   speed-up {s / p:.2f}x")
        print(f"full run --all (ingest + reports):  {full:6.1f} s")
        print("report sizes:")
        for path in sorted((root / "reports").rglob("*.html")):
            size = path.stat().st_size / 1e6
            flag = "" if size <= 2.5 else "  (over the 2.5 MB target)"
            print(f"  {path.relative_to(root / 'reports')}: {size:.2f} MB{flag}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    bench(parser.parse_args().repeat)
