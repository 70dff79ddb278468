"""Benchmark reading workbooks: flueko.io.readers.read_sheets against pandas and bare calamine.

Generates N workbooks (default 500 × 4 sheets × ~100 cards) with openpyxl in a few simple
layouts (header in row 1 or lower, merged group cells, a hidden sheet, a totals row) into a
temporary folder, then times

(a) ``read_sheets`` over all files,
(b) ``pandas.read_excel(engine="openpyxl", sheet_name=None)`` per file,
(c) a bare ``python_calamine`` read of all sheets (the floor),

and prints cards/second, ratios to the floor and the peak RSS after each step.

Run: ``.venv/bin/python bench/ingest.py`` (``--files 50`` or ``FLUEKO_BENCH_FILES=50`` for a
quick run; ``--skip-pandas`` to leave out the slow openpyxl step). The full ingest hooks in via
:func:`time_ingest` (add a step to ``STEPS``).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine as pc

from flueko.io.readers import read_sheets

GROUPS = ["AK Wohnen", "AK Bildung", "AK Arbeit", "AK Sprache", "AK Freizeit", "AK Gesundheit"]
WORDS = [
    "Wohnraum",
    "Sprachkurs",
    "Kita",
    "Praktikum",
    "Ausbildung",
    "Ehrenamt",
    "Patenschaft",
    "Busverbindung",
    "Anerkennung",
    "Beratung",
    "Sportverein",
    "Elterncafé",
    "Jobcenter",
    "Dolmetscher",
    "Schule",
    "Mietvertrag",
]


def _card(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))


def write_workbook(path: Path, *, sheets: int, cards: int, seed: int) -> int:
    """One workbook in one of three layouts; returns the number of cards written."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    written = 0
    for s in range(sheets):
        ws = wb.create_sheet(f"{GROUPS[s % len(GROUPS)]} {s + 1}")
        layout = (seed + s) % 3
        top = 1 if layout == 0 else 4
        if layout:
            ws.cell(1, 1, "Kommunaler Flüchtlingsdialog — Ergebnisse")
        ws.cell(top, 1, "Leitfrage")
        ws.cell(top, 2, "Karte")
        ws.cell(top, 3, "Punkte")
        block = 5
        for i in range(cards):
            row = top + 1 + i
            if layout == 2 and i % block == 0:
                last = min(row + block - 1, top + cards)
                ws.merge_cells(start_row=row, start_column=1, end_row=last, end_column=1)
                ws.cell(row, 1, f"Frage {i // block + 1}")
            elif layout != 2:
                ws.cell(row, 1, f"Frage {i % 5 + 1}")
            ws.cell(row, 2, _card(rng))
            ws.cell(row, 3, rng.randint(0, 9))
        ws.cell(top + cards + 1, 2, "Summe")
        ws.cell(top + cards + 1, 3, f"=SUM(C{top + 1}:C{top + cards})")
        if s == sheets - 1 and sheets > 1:
            ws.sheet_state = "hidden"
        written += cards
    wb.save(path)
    return written


def generate(folder: Path, *, files: int, sheets: int, cards: int) -> tuple[list[Path], int]:
    """Write ``files`` workbooks into ``folder``; returns the paths and the number of cards."""
    paths, total = [], 0
    for i in range(files):
        path = folder / f"runde_{i:04d}.xlsx"
        total += write_workbook(path, sheets=sheets, cards=cards, seed=i)
        paths.append(path)
    return paths, total


def time_read_sheets(paths: Sequence[Path]) -> None:
    root = paths[0].parent
    for path in paths:
        read_sheets(path, root=root)


def time_pandas(paths: Sequence[Path]) -> None:
    for path in paths:
        pd.read_excel(path, engine="openpyxl", sheet_name=None, header=None)


def time_calamine(paths: Sequence[Path]) -> None:
    for path in paths:
        with pc.CalamineWorkbook.from_path(str(path)) as wb:
            for name in wb.sheet_names:
                wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def time_ingest(paths: Sequence[Path]) -> None:
    """Hook for the full ingest (load → clean → categorise …); not wired yet."""
    raise NotImplementedError


STEPS: list[tuple[str, Callable[[Sequence[Path]], None]]] = [
    ("calamine (Boden)", time_calamine),
    ("read_sheets", time_read_sheets),
    ("pandas+openpyxl", time_pandas),
]


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=int(os.environ.get("FLUEKO_BENCH_FILES", 500)))
    parser.add_argument("--sheets", type=int, default=4)
    parser.add_argument("--cards", type=int, default=100)
    parser.add_argument("--skip-pandas", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        paths, cards = generate(Path(tmp), files=args.files, sheets=args.sheets, cards=args.cards)
        size = sum(p.stat().st_size for p in paths) / 1024 / 1024
        print(
            f"{len(paths)} Dateien, {cards} Karten, {size:.1f} MB erzeugt "
            f"in {time.perf_counter() - start:.1f} s"
        )
        floor = None
        for label, step in STEPS:
            if args.skip_pandas and step is time_pandas:
                continue
            start = time.perf_counter()
            step(paths)
            seconds = time.perf_counter() - start
            floor = floor or seconds
            print(
                f"{label:18s} {seconds:7.2f} s  {cards / seconds:10.0f} Karten/s  "
                f"×{seconds / floor:5.2f} zum Boden  Spitze RSS {peak_rss_mb():6.0f} MB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
