"""Report benchmark: size of every demo report and report latency as a multiple of the floor.

Usage: ``python bench/report.py [--repeat N] [--before REV]``

In a temporary copy of the demo data it measures, best of ``--repeat`` runs each:

- the floor: a fresh Jupyter kernel that imports pandas and plotly, then shuts down;
- ``flueko report ROUND`` (one round report plus the overview, so two notebooks) as a new
  process, reported as a multiple of two floors;
- ``flueko run --all --jobs 2`` (three ingests, four notebooks), as a multiple of four floors;
- the size of every HTML report, and what each way of embedding plotly.js would weigh.

``--before REV`` also measures the flueko of git revision ``REV`` (e.g. ``HEAD~3``, or a folder
with another checkout), interleaved with this one, so that before and after share one machine
state.
Targets (issue 14): every report ≤ 2.5 MB (stretch 1 MB); latency ≤ 2× the floor.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROUND = "2016-10-20_auftakt"
CLI = "import sys; from flueko.cli import main; sys.exit(main(sys.argv[1:]))"
FLOOR = "import pandas, plotly.graph_objects"


def _cpu() -> float:
    """CPU seconds of the finished child processes (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def floor_seconds() -> tuple[float, float]:
    """A fresh kernel, importing pandas and plotly, shut down: the least any report costs.

    Wall and CPU seconds (CPU time says more than wall time on a busy machine)."""
    from jupyter_client.manager import start_new_kernel

    start, cpu = time.perf_counter(), _cpu()
    km, kc = start_new_kernel(
        kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=CRITICAL"]
    )
    try:
        reply = kc.execute_interactive(FLOOR, timeout=120)
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return time.perf_counter() - start, _cpu() - cpu


def flueko(code: Path, root: Path, *args: str) -> tuple[float, float]:
    """Wall and CPU seconds of ``flueko --workspace root ARGS``, a new process running
    ``code``'s flueko."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(
        [sys.executable, "-c", CLI, "--workspace", str(root), *args, "--no-progress"],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
    )
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"flueko {' '.join(args)} failed ({code}):\n{done.stdout}{done.stderr}")
    return seconds, cpu


def workspace(parent: Path, name: str) -> Path:
    root = parent / name
    shutil.copytree(REPO / "data" / "raw", root / "data" / "raw")
    return root


def checkout(rev: str, parent: Path) -> Path:
    """``git archive REV`` of this repository, unpacked into a temporary folder (or REV itself
    when it is a folder with a flueko checkout)."""
    if (Path(rev) / "flueko" / "__init__.py").is_file():
        return Path(rev).resolve()
    target = parent / "before"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], capture_output=True)
    if archive.returncode != 0:
        raise SystemExit(archive.stderr.decode())
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def library_options() -> list[tuple[str, int]]:
    """Bytes each way of embedding plotly.js adds to a report."""
    from plotly.offline import get_plotlyjs

    folder = REPO / "flueko" / "resources" / "plotly"
    manifest = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    packed = (folder / manifest["file"]).read_bytes()
    full = get_plotlyjs().encode("utf-8")
    full_packed = gzip.compress(full, compresslevel=9, mtime=0)
    return [
        ("full plotly.min.js as text", len(full)),
        ("full, gzip + base64", len(base64.b64encode(full_packed))),
        (f"{manifest['package']} as text", len(gzip.decompress(packed))),
        (f"{manifest['package']}, gzip + base64 (used)", len(base64.b64encode(packed))),
    ]


def bench(repeat: int, before: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parent = Path(tmp)
        codes = {"after": REPO}
        if before:
            codes = {"before": checkout(before, parent), **codes}
        roots = {name: workspace(parent, name) for name in codes}
        for name, code in codes.items():  # warm-up: ingest once, fill the OS file cache
            flueko(code, roots[name], "run", "--all", "--jobs", "2")
        floors, report, run_all = [], {n: [] for n in codes}, {n: [] for n in codes}
        for _ in range(repeat):
            floors.append(floor_seconds())
            for name, code in codes.items():
                report[name].append(flueko(code, roots[name], "report", ROUND))
                run_all[name].append(flueko(code, roots[name], "run", "--all", "--jobs", "2"))
        floor = tuple(min(f[i] for f in floors) for i in (0, 1))
        cores = os.cpu_count() or 1
        print(f"cores: {cores}, repeats: {repeat} (best of each), load: {os.getloadavg()[0]:.1f}")
        print(
            f"floor (fresh kernel importing pandas and plotly): {floor[0]:5.2f} s, "
            f"CPU {floor[1]:5.2f} s"
        )
        for name in codes:
            for label, runs, n in (
                (f"report {ROUND}", report[name], 2),
                ("run --all --jobs 2", run_all[name], 4),
            ):
                wall, cpu = (min(r[i] for r in runs) for i in (0, 1))
                print(
                    f"{name:>6}: flueko {label:<28} {wall:5.2f} s = {wall / (n * floor[0]):4.2f}× "
                    f"{n} floors; CPU {cpu:5.2f} s = {cpu / (n * floor[1]):4.2f}×"
                )
        print("report sizes (target ≤ 2.5 MB, stretch ≤ 1 MB):")
        for name, root in roots.items():
            for path in sorted((root / "reports").rglob("*.html")):
                size = path.stat().st_size / 1e6
                print(f"  {name:>6} {path.relative_to(root / 'reports')}: {size:5.2f} MB")
        print("plotly.js embedded as:")
        for label, size in library_options():
            print(f"  {label:<55} {size / 1e6:5.2f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", metavar="REV", help="also measure this git revision")
    args = parser.parse_args()
    bench(args.repeat, args.before)
