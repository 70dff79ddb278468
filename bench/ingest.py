"""Benchmark the ingest: flueko's reading and full ingest against pandas and bare calamine.

Generates the state-wide batch as one round folder (default 500 workbooks × 4 sheets × 100
cards = 200,000 cards) with openpyxl in mixed layouts — long table with the header in row 1,
long table below a title block, long table with merged question cells, one sheet per guiding
question, wide table (one column per question, votes to the right of each) — plus a hidden
sheet and a totals row per sheet, then times, each step in a fresh subprocess so that the peak
memory of one step does not mix with another's:

(a) a bare ``python_calamine`` read of all sheets (the floor),
(b) ``flueko.io.readers.read_sheets`` over all files,
(c) ``flueko.ingest.read.read_inputs``: reading + detection + card parsing (bullet split, votes,
    masking),
(d) ``flueko.ingest.read.ingest_round``: the whole ingest (c + categorise + cluster + measures),
(e) ``pandas.read_excel(engine="openpyxl", sheet_name=None)`` per file,

and prints seconds (with the step's CPU seconds beside them: on a loaded machine the wall time
also holds other processes' turns), cards/second, the ratio to the floor and the peak RSS of the
step's process (``ru_maxrss``). The cheap reading steps (a, b) take the best of ``--repeat``
runs in their process; (c) and (e) run ``--repeat`` times each, alternating, every run in a
fresh process (so no run finds caches warmed by an earlier one), and take the best; (d) runs
once. Then the ratios of issue 14: (c) / (e) ≤ 1, (b) / (a) ≤ 1.5, (d) / (c) ≤ 2.

Run: ``.venv/bin/python bench/ingest.py`` (``--files 50`` or ``FLUEKO_BENCH_FILES=50`` for a
quick run; ``--skip-pandas`` / ``--skip-ingest`` leave out the slow steps; ``--keep DIR``
generates into DIR once and reuses it; ``--profile`` prints the top cProfile entries of (c) and
(d) to stderr). ``bench/ingest_round.py`` times the whole ``flueko ingest`` process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine as pc

from flueko.io.readers import read_sheets

ROUND = "2016-10-20_landesweit"
LAYOUTS = ("long", "long_title", "long_merged", "per_question", "wide")
QUESTIONS = [
    "Wo sind die Probleme in der Praxis?",
    "Warum gelingt Integration (nicht)?",
    "Was können wir tun, was ist im Einflussbereich der anwesenden Akteure?",
    "Welche konkreten Aktivitäten können wir starten?",
    "Was können wir den Kommunen vorschlagen?",
]
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


PREFIXES = [
    "Sprach", "Wohn", "Arbeits", "Ausbildungs", "Kita", "Schul", "Sport", "Bus", "Paten",
    "Beratungs", "Eltern", "Jugend", "Frauen", "Kultur", "Begegnungs", "Gesundheits", "Miet",
    "Praktikums", "Integrations", "Ehrenamts", "Dolmetscher", "Nachbarschafts", "Berufs",
    "Familien", "Fahrrad", "Koch", "Musik", "Lern", "Hausaufgaben", "Behörden",
]  # fmt: skip
SUFFIXES = [
    "kurs", "angebot", "stelle", "platz", "café", "treff", "netz", "projekt", "hilfe",
    "verein", "raum", "gruppe", "fest", "lotse", "börse", "tag", "zentrum", "plan", "karte",
    "abend", "werkstatt", "partnerschaft", "konzept", "förderung", "initiative",
]  # fmt: skip
VERBS = [
    "ausbauen", "fehlt", "verbessern", "schaffen", "vernetzen", "fördern", "anbieten",
    "einrichten", "bekannt machen", "verlängern", "öffnen", "finanzieren", "begleiten",
]  # fmt: skip
VOCAB = [p + s for p in PREFIXES for s in SUFFIXES] + WORDS


def _card(rng: random.Random) -> str:
    """A card text: a few nouns and a verb; now and then a bullet list of two ideas."""
    nouns = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(2, 6)))
    text = f"{nouns} {rng.choice(VERBS)}"
    if rng.random() < 0.05:
        text = f"- {text}\n- {rng.choice(VOCAB)} {rng.choice(VERBS)}"
    return text


def _write_long(ws, rng, *, cards: int, top: int, merged: bool) -> None:
    if top > 1:
        ws.cell(1, 1, "Kommunaler Flüchtlingsdialog – Dokumentation")
        ws.cell(2, 1, "Landkreis Musterstadt, 20.10.2016")
    ws.cell(top, 1, "Leitfrage")
    ws.cell(top, 2, "Karte")
    ws.cell(top, 3, "Punkte")
    block = max(1, cards // 5)
    for i in range(cards):
        row = top + 1 + i
        question = QUESTIONS[min(i // block, 4)] if merged else f"Frage {i % 5 + 1}"
        if merged and i % block == 0 and i // block < 5:
            last = min(row + block - 1, top + cards) if i // block < 4 else top + cards
            ws.merge_cells(start_row=row, start_column=1, end_row=last, end_column=1)
            ws.cell(row, 1, question)
        elif not merged:
            ws.cell(row, 1, question)
        ws.cell(row, 2, _card(rng))
        ws.cell(row, 3, rng.randint(0, 9))
    ws.cell(top + cards + 1, 2, "Summe")
    ws.cell(top + cards + 1, 3, f"=SUM(C{top + 1}:C{top + cards})")


def _write_one_question(ws, rng, *, cards: int) -> None:
    ws.cell(1, 1, "Beitrag")
    ws.cell(1, 2, "Punkte")
    for i in range(cards):
        ws.cell(2 + i, 1, _card(rng))
        ws.cell(2 + i, 2, rng.randint(0, 9))
    ws.cell(cards + 2, 1, "Summe")
    ws.cell(cards + 2, 2, f"=SUM(B2:B{cards + 1})")


def _write_wide(ws, rng, *, cards: int) -> None:
    per_question = -(-cards // 5)
    for q in range(5):
        ws.cell(1, 1 + 2 * q, f"{q + 1}. {QUESTIONS[q]}")
        ws.cell(1, 2 + 2 * q, "Punkte")
    for i in range(cards):
        q, r = divmod(i, per_question)
        ws.cell(2 + r, 1 + 2 * q, _card(rng))
        ws.cell(2 + r, 2 + 2 * q, rng.randint(0, 9))


def write_workbook(path: Path, *, sheets: int, cards: int, seed: int) -> int:
    """One workbook in one of :data:`LAYOUTS`; returns the number of cards on visible sheets."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    layout = LAYOUTS[seed % len(LAYOUTS)]
    written = 0
    for s in range(sheets):
        if layout == "per_question":
            ws = wb.create_sheet(f"Frage {s % 5 + 1}")
            _write_one_question(ws, rng, cards=cards)
        elif layout == "wide":
            ws = wb.create_sheet(f"{GROUPS[s % len(GROUPS)]}")
            _write_wide(ws, rng, cards=cards)
        else:
            ws = wb.create_sheet(f"{GROUPS[s % len(GROUPS)]} {s + 1}")
            top = 1 if layout == "long" else 4
            _write_long(ws, rng, cards=cards, top=top, merged=layout == "long_merged")
        if s == sheets - 1 and sheets > 1:
            ws.sheet_state = "hidden"
        else:
            written += cards
    wb.save(path)
    return written


def generate(folder: Path, *, files: int, sheets: int, cards: int) -> tuple[list[Path], int]:
    """Write ``files`` workbooks into ``folder``; returns the paths and the cards on visible
    sheets (the hidden last sheet of each workbook is logged, not counted)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, total = [], 0
    for i in range(files):
        path = folder / f"runde_{i:04d}.xlsx"
        total += write_workbook(path, sheets=sheets, cards=cards, seed=i)
        paths.append(path)
    return paths, total


def _paths(workspace: Path) -> list[Path]:
    return sorted((workspace / "data" / "raw" / ROUND).glob("*.xlsx"))


def time_calamine(workspace: Path) -> dict:
    for path in _paths(workspace):
        with pc.CalamineWorkbook.from_path(str(path)) as wb:
            for name in wb.sheet_names:
                wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return {}


def time_read_sheets(workspace: Path) -> dict:
    paths = _paths(workspace)
    root = paths[0].parent
    for path in paths:
        read_sheets(path, root=root)
    return {}


def time_pandas(workspace: Path) -> dict:
    for path in _paths(workspace):
        pd.read_excel(path, engine="openpyxl", sheet_name=None, header=None)
    return {}


def time_parse(workspace: Path) -> dict:
    """Reading + detection + card parsing of every file (``flueko.ingest.read.read_inputs``)."""
    from flueko.config import Workspace
    from flueko.ingest.read import RoundContext, read_inputs

    ws = Workspace.at(workspace)
    parsed, _entries, reports = read_inputs(ws, ROUND, RoundContext(ws, ROUND))
    return {
        "cards": sum(r.stats.cards for r in reports),
        "ideas": sum(len(df) for df in parsed.cards),
    }


def time_ingest(workspace: Path) -> dict:
    """The whole ingest of the round (nothing written): ``flueko.ingest.read.ingest_round``."""
    from flueko.config import Workspace
    from flueko.pipeline import ingest_round

    result = ingest_round(Workspace.at(workspace), ROUND)
    return {
        "cards": sum(f.stats.cards for f in result.files),
        "ideas": len(result.tables["contributions"]),
        "measures": len(result.tables["measures"]),
        "failed": sum(1 for f in result.files if not f.ok),
    }


STEPS: dict[str, tuple[str, Callable[[Path], dict], bool]] = {
    # name: (label, function, repeat: cheap enough to take the best of several runs)
    "calamine": ("calamine (Boden)", time_calamine, True),
    "read_sheets": ("read_sheets", time_read_sheets, True),
    "parse": ("lesen+erkennen+Karten", time_parse, False),
    "ingest": ("ingest_round (alles)", time_ingest, False),
    "pandas": ("pandas+openpyxl", time_pandas, False),
}


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_step(name: str, workspace: Path, *, repeat: int, profile: bool = False) -> dict:
    """Run one step in this process; best time of ``repeat`` runs, peak RSS, step's counts."""
    _label, fn, repeatable = STEPS[name]
    times, cpu, info = [], [], {}
    for _ in range(repeat if repeatable else 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        if profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            info = prof.runcall(fn, workspace)
            print(f"--- cProfile: {name} ---", file=sys.stderr)
            stats = pstats.Stats(prof, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(25)
            stats.sort_stats("tottime").print_stats(20)
        else:
            info = fn(workspace)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {"seconds": min(times), "cpu": min(cpu), "peak_mb": peak_rss_mb(), **info}


def step_in_subprocess(name: str, workspace: Path, *, repeat: int, profile: bool) -> dict:
    """:func:`run_step` in a fresh interpreter, so that peak memory is the step's own."""
    cmd = [sys.executable, __file__, "--step", name, "--keep", str(workspace)]
    cmd += ["--repeat", str(repeat)] + (["--profile"] if profile else [])
    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=int(os.environ.get("FLUEKO_BENCH_FILES", 500)))
    parser.add_argument("--sheets", type=int, default=4)
    parser.add_argument("--cards", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the reading steps")
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile of the parse and of the full ingest"
    )
    parser.add_argument("--keep", type=Path, help="workspace to generate into once and reuse")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.step:  # child process: one step, result as JSON on the last line
        result = run_step(args.step, args.keep, repeat=args.repeat, profile=args.profile)
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        workspace = args.keep or Path(tmp)
        folder = workspace / "data" / "raw" / ROUND
        marker = folder / ".bench.json"
        wanted = {"files": args.files, "sheets": args.sheets, "cards": args.cards}
        start = time.perf_counter()
        if marker.is_file() and json.loads(marker.read_text())["shape"] == wanted:
            cards = json.loads(marker.read_text())["cards"]
        else:
            for old in folder.glob("*.xlsx"):
                old.unlink()
            _paths_written, cards = generate(folder, **wanted)
            marker.write_text(json.dumps({"shape": wanted, "cards": cards}))
        size = sum(p.stat().st_size for p in _paths(workspace)) / 1024 / 1024
        print(
            f"{args.files} Dateien × {args.sheets} Blätter, {cards} Karten auf sichtbaren "
            f"Blättern, {size:.1f} MB, bereit in {time.perf_counter() - start:.1f} s "
            f"(Python {sys.version.split()[0]}, {os.cpu_count()} Kerne)"
        )
        names = [n for n in STEPS if not (args.skip_pandas and n == "pandas")]
        names = [n for n in names if not (args.skip_ingest and n in ("parse", "ingest"))]
        fresh = [n for n in ("parse", "pandas") if n in names]  # best of fresh processes
        runs: dict[str, list[dict]] = {n: [] for n in fresh}
        for i in range(args.repeat if fresh else 0):
            for name in fresh if i % 2 == 0 else fresh[::-1]:
                profile = args.profile and name == "parse" and i == 0
                runs[name].append(step_in_subprocess(name, workspace, repeat=1, profile=profile))
        results = {}
        for name in names:
            if name in runs:
                res = min(runs[name], key=lambda r: r["seconds"])
                res = {**res, "cpu": min(r["cpu"] for r in runs[name])}
            else:
                profile = args.profile and name == "ingest"
                res = step_in_subprocess(name, workspace, repeat=args.repeat, profile=profile)
            results[name] = res
            floor = results["calamine"]["seconds"]
            extra = ""
            if "cards" in res:
                extra = f"  ({res['cards']} Karten gelesen, {res['ideas']} Ideen"
                extra += f", {res['measures']} Maßnahmen)" if "measures" in res else ")"
            print(
                f"{STEPS[name][0]:22s} {res['seconds']:8.2f} s (CPU {res['cpu']:6.2f} s) "
                f"{cards / res['seconds']:8.0f} Karten/s  ×{res['seconds'] / floor:6.2f} "
                f"zum Boden  Spitze RSS {res['peak_mb']:6.0f} MB{extra}"
            )
        sec = {name: res["seconds"] for name, res in results.items()}
        cpu = {name: res["cpu"] for name, res in results.items()}

        def cpu_ratio(a: str, b: str) -> str:
            return f" (CPU-Zeit: {cpu[a] / cpu[b]:.2f}×)"

        if "pandas" in sec:
            ratio = sec["pandas"] / sec["read_sheets"]
            print(f"read_sheets ist {ratio:.1f}× schneller als pandas+openpyxl (Ziel ≥ 4×)")
        if "pandas" in sec and "parse" in sec:
            ratio = sec["parse"] / sec["pandas"]
            print(
                f"lesen+erkennen+Karten braucht {ratio:.2f}× die Zeit von pandas+openpyxl "
                f"(Ziel ≤ 1){cpu_ratio('parse', 'pandas')}"
            )
        ratio = sec["read_sheets"] / sec["calamine"]
        print(
            f"read_sheets braucht {ratio:.2f}× die Zeit des reinen calamine (Ziel ≤ 1,5×)"
            f"{cpu_ratio('read_sheets', 'calamine')}"
        )
        if "ingest" in sec and "parse" in sec:
            ratio = sec["ingest"] / sec["parse"]
            print(
                f"ingest_round braucht {ratio:.2f}× die Zeit von lesen+erkennen+Karten (Ziel ≤ 2×)"
                f"{cpu_ratio('ingest', 'parse')}"
            )
        peak = max(r["peak_mb"] for r in results.values())
        print(f"höchste Spitze RSS {peak:.0f} MB (Ziel < 2048 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
