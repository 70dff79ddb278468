"""Batch benchmark: report latency as a multiple of the floor, sequential vs parallel, sizes.

Usage: ``python bench/batch.py [--repeat N] [--before REV]``

Copies the demo data into a temporary workspace, runs ``flueko run --all`` once (ingest, OS file
cache), then measures, ``--repeat`` times and interleaved so that all share one machine state:

- the floor: a fresh Jupyter kernel that imports pandas and plotly, then shuts down — the least
  a report notebook costs;
- ``flueko run --all --jobs 2`` as a new process (three ingests, four notebooks: three rounds
  and the overview), as a multiple of four floors;
- ``flueko report ROUND`` as a new process (the round and the overview: two notebooks), as a
  multiple of two floors;
- the report stage alone, ``flueko report --all`` with ``--jobs 1`` and ``--jobs <cores>``.

Printed: the best wall time over the best floor, and the median over the repetitions of each
one's ratio to the floor measured just before it. CPU seconds (the process and its kernels)
are printed beside wall seconds: on a busy machine they say more. ``--before REV`` also
measures the flueko of git revision ``REV`` (or a folder with another checkout), interleaved
with this one.

Targets (issue 14): latency ≤ 2× the floor; each report ≤ 2.5 MB; parallel ≥ 1.6× faster than
sequential on two cores. Recorded before the warm kernels (commit 11c9016, this 2-core machine,
best of three): ``run --all`` 3.3–4.0× four floors, ``report ROUND`` 3.9–5.0× two floors.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import FLOOR, REPO, ROUND, _cpu, checkout, flueko, workspace


def floor_seconds() -> tuple[float, float]:
    """Wall and CPU seconds of a fresh kernel importing pandas and plotly, shut down.

    The kernel runs as a child of a new process, like flueko's kernels, so that its CPU time
    is counted."""
    code = (
        "from jupyter_client.manager import start_new_kernel\n"
        "km, kc = start_new_kernel(kernel_name='python3', "
        "extra_arguments=['--IPKernelApp.log_level=CRITICAL'])\n"
        f"reply = kc.execute_interactive({FLOOR!r}, timeout=120)\n"
        "assert reply['content']['status'] == 'ok', reply['content']\n"
        "kc.stop_channels(); km.shutdown_kernel(now=True)\n"
    )
    # the client's own start-up (python, jupyter_client) is not part of the floor
    prep = "import jupyter_client.manager, sys; sys.stdout.write('ok'); sys.stdout.flush()\n"
    proc = subprocess.Popen(
        [sys.executable, "-c", prep + "sys.stdin.readline()\n" + code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdout.read(2)
    start, cpu = time.perf_counter(), _cpu()
    proc.stdin.write("go\n")
    proc.stdin.flush()
    if proc.wait() != 0:
        raise SystemExit("the floor kernel failed")
    return time.perf_counter() - start, _cpu() - cpu


def _line(label: str, runs: list[tuple[float, float]], floors: list[tuple[float, float]], n: int):
    """Best wall time over ``n`` × the best floor, and the median of each repetition's ratio."""
    best_run, best_floor = min(r[0] for r in runs), min(f[0] for f in floors)
    paired = statistics.median(r[0] / (n * f[0]) for r, f in zip(runs, floors, strict=True))
    cpu, floor_cpu = min(r[1] for r in runs), min(f[1] for f in floors)
    print(
        f"  {label:<34} {best_run:5.2f} s = {best_run / (n * best_floor):4.2f}× {n} floors "
        f"(median of the repetitions {paired:4.2f}×)   CPU {cpu:5.2f} s = "
        f"{cpu / (n * floor_cpu):4.2f}×"
    )


def bench(repeat: int, before: str | None) -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        parent = Path(tmp)
        codes = {"after": REPO}
        if before:
            codes = {"before": checkout(before, parent), **codes}
        roots = {}
        for name, code in codes.items():
            roots[name] = workspace(parent, f"ws-{name}")
            flueko(code, roots[name], "run", "--all", "--jobs", "2")  # warm-up
        floors: list[tuple[float, float]] = []
        runs = {n: {"run": [], "report": [], "seq": [], "par": []} for n in codes}
        for _ in range(repeat):
            floors.append(floor_seconds())
            for name, code in codes.items():
                root, got = roots[name], runs[name]
                got["run"].append(flueko(code, root, "run", "--all", "--jobs", "2"))
                got["report"].append(flueko(code, root, "report", ROUND, "--jobs", "2"))
                got["seq"].append(flueko(code, root, "report", "--all", "--jobs", "1"))
                got["par"].append(flueko(code, root, "report", "--all", "--jobs", str(cores)))
        best = min(f[0] for f in floors)
        print(f"cores: {cores}, repeats: {repeat}, load: {os.getloadavg()[0]:.1f}")
        print(
            f"floor (fresh kernel importing pandas and plotly): best {best:.2f} s, "
            f"median {statistics.median(f[0] for f in floors):.2f} s, "
            f"CPU {min(f[1] for f in floors):.2f} s"
        )
        print("ratio = wall seconds / (notebooks × floor); target ≤ 2")
        for name in codes:
            got = runs[name]
            print(f"{name}:")
            _line("flueko run --all --jobs 2", got["run"], floors, 4)
            _line(f"flueko report {ROUND}", got["report"], floors, 2)
            seq = statistics.median(r[0] for r in got["seq"])
            par = statistics.median(r[0] for r in got["par"])
            print(
                f"  report stage (report --all): sequential {seq:5.2f} s, --jobs {cores} "
                f"{par:5.2f} s, speed-up {seq / par:.2f}×"
            )
        print("report sizes (target ≤ 2.5 MB):")
        for name, root in roots.items():
            for path in sorted((root / "reports").rglob("*.html")):
                size = path.stat().st_size / 1e6
                flag = "" if size <= 2.5 else "  (over the 2.5 MB target)"
                print(f"  {name:>6} {path.relative_to(root / 'reports')}: {size:.2f} MB{flag}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", metavar="REV", help="also measure this git revision")
    args = parser.parse_args()
    bench(args.repeat, args.before)
