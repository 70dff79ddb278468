"""End to end: the whole ``flueko ingest`` of a round against merely loading its files.

Generates one round of realistic workshop workbooks with openpyxl (default 160, fixed seed, in a
temporary workspace): a title block merged across the table, an empty row, a styled header;
tens of cards per sheet with the Leitfrage merged down its block, multi-line bullet cards, a few
cards naming a contact person, votes as moderators type them (3, "3 Punkte", "•••", nothing),
totals rows with a formula; layouts: one table per working group, one sheet per Leitfrage, one
column per Leitfrage, a table with group and question columns; now and then a hidden template
sheet.

Then times, alternating, each in a fresh process (``--runs`` times each):

(a) ``pandas``: a fresh interpreter that imports pandas and loads every workbook with
    ``pandas.read_excel(path, engine="openpyxl", sheet_name=None, header=None)`` — nothing
    else (the reference: merely loading the same files);
(b) ``flueko``: ``flueko --workspace W ingest ROUND`` — process start to the processed tables
    (parquet, ingest log, manifest) written.

and prints min and median of each (and the least CPU seconds) and the ratio flueko / pandas
(target: ≤ 1, issue 14).

Run: ``.venv/bin/python bench/ingest_round.py`` (``--files 40 --runs 3`` for a quick run;
``--keep DIR`` generates into DIR once and reuses it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

ROUND = "2016-10-20_landkreis"
SEED = 2016

QUESTIONS = [
    "Wo sind die Probleme in der Praxis?",
    "Warum gelingt Integration (nicht)?",
    "Was können wir tun, was ist im Einflussbereich der anwesenden Akteure?",
    "Welche konkreten Aktivitäten können wir starten?",
    "Was können wir den Kommunen vorschlagen?",
]
SHEET_NAMES = ["1 Probleme", "2 Gelingen", "3 Was können wir tun", "4 Aktivitäten", "5 Vorschläge"]
GROUPS = [
    "AK Wohnen", "AK Bildung/Ausbildung", "AK Arbeit", "AK Sprache", "AK Freizeit",
    "AK Gesundheit", "AK Ehrenamt", "AK Kinder und Familie",
]  # fmt: skip
TOWNS = [
    "Remshalden", "Weinstadt", "Kernen", "Korb", "Waiblingen", "Schorndorf", "Urbach",
    "Plüderhausen", "Winterbach", "Backnang", "Murrhardt", "Welzheim",
]  # fmt: skip

# --- card texts: how participants write on cards ------------------------------------------

SUBJECTS = [
    "bezahlbarer Wohnraum", "Kinderbetreuung während der Sprachkurse",
    "Busverbindung zur Unterkunft", "berufsbezogene Sprachkurse",
    "Anerkennung ausländischer Abschlüsse", "Praktikumsplätze",
    "Lernpaten für Hausaufgaben", "Dolmetscher bei Arztbesuchen", "Ansprechpartner im Rathaus",
    "Informationen in einfacher Sprache", "Sportangebote für Frauen", "Plätze in VABO-Klassen",
    "Begleitung bei Behördengängen", "psychosoziale Beratung", "Räume für Begegnung",
    "Fahrräder und Fahrradkurse", "Ehrenamtskoordination", "Mietverträge und Hausordnung",
    "Ausbildungsbegleitende Hilfen", "Elterncafés an Grundschulen", "Jobcenter-Termine",
    "WLAN in der Gemeinschaftsunterkunft", "Schwimmkurse für Kinder", "Wohnpaten",
    "Integrationskurse am Abend", "Mentoring durch Betriebe", "Vereinsmitgliedschaften",
]  # fmt: skip
PROBLEMS = [
    "fehlt", "fehlen", "reicht nicht aus", "ist zu teuer", "ist kaum bekannt",
    "dauert zu lange", "ist schlecht erreichbar", "wird nicht genutzt", "ist überlastet",
]  # fmt: skip
ACTIONS = [
    "ausbauen", "bekannter machen", "verlässlich finanzieren", "vernetzen", "verbessern",
    "in jeder Kommune anbieten", "mit den Kammern abstimmen", "zweisprachig anbieten",
    "schaffen", "fördern", "verstetigen", "ehrenamtlich begleiten",
]  # fmt: skip
PLACES = [
    "in der Anschlussunterbringung", "im ländlichen Raum", "an der Berufsschule",
    "im Landkreis", "in den Unterkünften", "am Wochenende", "für Frauen", "für Jugendliche",
    "ab B1", "in den Kommunen", "nach der Schule", "vor Ort",
]  # fmt: skip
SURNAMES = ["Haddad", "Weber", "Schäfer", "Yilmaz", "Nowak", "Keller", "Rahimi", "Braun"]
FIRST = ["Tarek", "Sabine", "Olena", "Mehmet", "Julia", "Ahmad", "Petra", "Dieter"]


def _idea(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    draw = rng.random()
    if draw < 0.35:
        text = f"{subject[0].upper()}{subject[1:]} {rng.choice(PROBLEMS)}"
    elif draw < 0.7:
        text = f"{subject[0].upper()}{subject[1:]} {rng.choice(PLACES)} {rng.choice(ACTIONS)}"
    elif draw < 0.85:
        text = f"Mehr {subject} {rng.choice(PLACES)}"
    else:
        other = rng.choice(SUBJECTS)
        text = f"{subject[0].upper()}{subject[1:]} und {other} {rng.choice(ACTIONS)}"
    if rng.random() < 0.2:
        text += f", z. B. in {rng.choice(TOWNS)}"
    return text


def card_text(rng: random.Random) -> str:
    """One card as typed from the wall: mostly one idea, sometimes a bullet list or a contact."""
    draw = rng.random()
    if draw < 0.12:
        bullet = rng.choice(["• ", "- ", "– ", "* "])
        return "\n".join(bullet + _idea(rng) for _ in range(rng.randint(2, 3)))
    if draw < 0.15:
        return f"{_idea(rng)}\n{_idea(rng).lower()}"  # a continuation line
    if draw < 0.17:
        return f"{_idea(rng)} – Frau {rng.choice(SURNAMES)} vom Jobcenter fragen"
    if draw < 0.18:
        name = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
        return f"{_idea(rng)} (Ansprechpartner {name}, Tel. 07151 {rng.randint(10000, 99999)})"
    if draw < 0.19:
        user = f"{rng.choice(FIRST).lower()}.{rng.choice(SURNAMES).lower()}"
        return f"{_idea(rng)}, Kontakt: {user}@rems-beispiel.de"
    return _idea(rng)


def votes_as_written(rng: random.Random) -> int | str | None:
    """Votes as a moderator types them: a number, "3 Punkte", dots "•••" or nothing."""
    draw = rng.random()
    n = rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 7])
    if draw < 0.15 or n == 0:
        return None
    if draw < 0.25:
        return f"{n} Punkt" if n == 1 else f"{n} Punkte"
    if draw < 0.32:
        return "•" * n
    return n


# --- layouts ---------------------------------------------------------------------------------

TITLE = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _title(ws, rng: random.Random, group: str, width: int, sub: str = "") -> int:
    """Title block: dialogue, working group and date merged across the table; returns the
    header row (1-based)."""
    town = rng.choice(TOWNS)
    ws.cell(1, 1, f"Kommunaler Flüchtlingsdialog – Auftaktworkshop {town}").font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(2, 1, f"{group}{sub} – Ergebnissicherung vom 20.10.2016")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    return 4


def _header(ws, row: int, labels: list[str]) -> None:
    for c, label in enumerate(labels, start=1):
        cell = ws.cell(row, c, label)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEAD_FILL, BOX, WRAP


def _card_cell(ws, row: int, col: int, value) -> None:
    cell = ws.cell(row, col, value)
    cell.alignment, cell.border = WRAP, BOX


def _totals(ws, row: int, label_col: int, votes_col: int, first: int) -> None:
    ws.cell(row, label_col, "Summe").font = BOLD
    letter = get_column_letter(votes_col)
    ws.cell(row, votes_col, f"=SUM({letter}{first}:{letter}{row - 1})").font = BOLD


def _widths(ws, widths: Sequence[float]) -> None:
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w


def sheet_protocol(ws, rng: random.Random, group: str) -> int:
    """Nr. | Leitfrage (merged down its block) | Beitrag | Punkte, totals row at the end."""
    top = _title(ws, rng, group, 4)
    _header(ws, top, ["Nr.", "Leitfrage", "Beitrag", "Punkte"])
    row, number = top + 1, 0
    for question in QUESTIONS:
        n = rng.randint(4, 12)
        first = row
        for _ in range(n):
            number += 1
            ws.cell(row, 1, number).border = BOX
            _card_cell(ws, row, 3, card_text(rng))
            ws.cell(row, 4, votes_as_written(rng)).border = BOX
            row += 1
        _card_cell(ws, first, 2, question)
        if n > 1:
            ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    _totals(ws, row, 3, 4, top + 1)
    _widths(ws, [6, 34, 70, 10])
    return number


def sheets_per_question(wb, rng: random.Random, group: str) -> int:
    """One sheet per Leitfrage: title with the question, Karte | Klebepunkte | Bemerkung."""
    cards = 0
    for name, question in zip(SHEET_NAMES, QUESTIONS, strict=True):
        ws = wb.create_sheet(name)
        top = _title(ws, rng, group, 3, sub=f", Leitfrage {question}")
        _header(ws, top, ["Karte", "Klebepunkte", "Bemerkung"])
        n = rng.randint(10, 25)
        for i in range(n):
            _card_cell(ws, top + 1 + i, 1, card_text(rng))
            ws.cell(top + 1 + i, 2, votes_as_written(rng)).border = BOX
            if rng.random() < 0.05:
                ws.cell(top + 1 + i, 3, "nachgereicht")
        _widths(ws, [70, 12, 20])
        cards += n
    return cards


def sheet_wide(ws, rng: random.Random, group: str) -> int:
    """One column per Leitfrage, its votes to the right."""
    top = _title(ws, rng, group, 10)
    labels = []
    for q, question in enumerate(QUESTIONS, start=1):
        labels += [f"{q}. {question}", "Punkte"]
    _header(ws, top, labels)
    cards = 0
    for q in range(5):
        n = rng.randint(6, 14)
        for i in range(n):
            _card_cell(ws, top + 1 + i, 1 + 2 * q, card_text(rng))
            ws.cell(top + 1 + i, 2 + 2 * q, votes_as_written(rng)).border = BOX
        cards += n
    _widths(ws, [36, 8] * 5)
    return cards


def sheet_table(ws, rng: random.Random, groups: list[str]) -> int:
    """Arbeitskreis | Frage | Karte | Stimmen: several groups, both merged down their blocks."""
    top = _title(ws, rng, "Alle Arbeitskreise", 4)
    _header(ws, top, ["Arbeitskreis", "Frage", "Karte", "Stimmen"])
    row, cards = top + 1, 0
    for group in groups:
        group_first = row
        for q in range(5):
            n = rng.randint(2, 6)
            first = row
            for _ in range(n):
                _card_cell(ws, row, 3, card_text(rng))
                ws.cell(row, 4, votes_as_written(rng)).border = BOX
                row += 1
            ws.cell(first, 2, f"Frage {q + 1}")
            if n > 1:
                ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
            cards += n
        ws.cell(group_first, 1, group).font = BOLD
        ws.merge_cells(start_row=group_first, start_column=1, end_row=row - 1, end_column=1)
    _totals(ws, row, 3, 4, top + 1)
    _widths(ws, [18, 10, 70, 10])
    return cards


def write_workbook(path: Path, *, seed: int) -> int:
    """One workbook of a working group (or of all of them); returns its cards on visible sheets."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    group = GROUPS[seed % len(GROUPS)]
    layout = ("protocol", "protocol", "per_question", "wide", "table")[seed % 5]
    if layout == "protocol":
        ws.title = "Ergebnisse"
        cards = sheet_protocol(ws, rng, group)
        if rng.random() < 0.5:  # a second working group on a sheet of its own
            other = GROUPS[(seed + 3) % len(GROUPS)]
            cards += sheet_protocol(wb.create_sheet(other.replace("/", " ")), rng, other)
    elif layout == "per_question":
        wb.remove(ws)
        cards = sheets_per_question(wb, rng, group)
    elif layout == "wide":
        ws.title = group.replace("/", " ")
        cards = sheet_wide(ws, rng, group)
    else:
        ws.title = "Tabelle1"
        cards = sheet_table(ws, rng, rng.sample(GROUPS, 3))
    if rng.random() < 0.3:
        template = wb.create_sheet("Vorlage")
        _header(template, 1, ["Leitfrage", "Beitrag", "Punkte"])
        template.append([None, "Hier bitte je Zeile eine Karte eintragen", None])
        template.sheet_state = "hidden"
    wb.save(path)
    return cards


def generate(folder: Path, *, files: int, seed: int = SEED) -> int:
    """Write the round's workbooks into ``folder``; returns the cards on visible sheets."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(files):
        group = GROUPS[(seed + i) % len(GROUPS)].replace("/", "_").replace(" ", "_")
        total += write_workbook(folder / f"{i + 1:03d}_{group}.xlsx", seed=seed + i)
    return total


# --- timing ----------------------------------------------------------------------------------

PANDAS_LOAD = """
import sys
from pathlib import Path
import pandas as pd
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    pd.read_excel(path, engine="openpyxl", sheet_name=None, header=None)
"""


def flueko_command(workspace: Path) -> list[str]:
    """The ``flueko`` console script beside this Python (as an office runs it)."""
    script = Path(sys.executable).parent / "flueko"
    head = [str(script)] if script.is_file() else [sys.executable, "-m", "flueko.cli"]
    return [*head, "--workspace", str(workspace), "ingest", ROUND]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process, start to exit (on a loaded machine the wall time
    also holds other processes' turns); its output is discarded, failure stops the run."""
    start, start_cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - start_cpu
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} → {done.returncode}\n{done.stdout[-2000:]}")
    return seconds, cpu


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=160)
    parser.add_argument("--runs", type=int, default=5, help="runs of each, alternating")
    parser.add_argument("--keep", type=Path, help="workspace to generate into once and reuse")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        workspace = args.keep or Path(tmp)
        folder = workspace / "data" / "raw" / ROUND
        marker = workspace / ".bench_round.json"
        wanted = {"files": args.files, "seed": SEED}
        start = time.perf_counter()
        if marker.is_file() and json.loads(marker.read_text())["shape"] == wanted:
            cards = json.loads(marker.read_text())["cards"]
        else:
            shutil.rmtree(folder, ignore_errors=True)
            cards = generate(folder, files=args.files)
            marker.write_text(json.dumps({"shape": wanted, "cards": cards}))
        paths = sorted(folder.glob("*.xlsx"))
        size = sum(p.stat().st_size for p in paths) / 1024 / 1024
        print(
            f"{len(paths)} Arbeitsmappen, {cards} Karten auf sichtbaren Blättern, {size:.1f} MB, "
            f"bereit in {time.perf_counter() - start:.1f} s "
            f"(Python {sys.version.split()[0]}, {os.cpu_count()} Kerne)"
        )
        commands = {
            "pandas": [sys.executable, "-c", PANDAS_LOAD, str(folder)],
            "flueko": flueko_command(workspace),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for i in range(args.runs):
            order = list(commands) if i % 2 == 0 else list(reversed(commands))
            for name in order:
                seconds, cpu_seconds = timed(commands[name])
                times[name].append(seconds)
                cpu[name].append(cpu_seconds)
        ideas = _ideas(workspace)
        labels = {
            "pandas": "pandas+openpyxl laden (neuer Prozess)",
            "flueko": "flueko ingest (Start bis Parquet)",
        }
        for name, label in labels.items():
            t = times[name]
            print(
                f"{label:38s} min {min(t):6.2f} s  Median {statistics.median(t):6.2f} s  "
                f"CPU min {min(cpu[name]):6.2f} s  ({', '.join(f'{x:.2f}' for x in t)})"
            )
        if ideas is not None:
            print(f"flueko hat {ideas} Ideen geschrieben")
        ratio_min = min(times["flueko"]) / min(times["pandas"])
        ratio_med = statistics.median(times["flueko"]) / statistics.median(times["pandas"])
        ratio_cpu = min(cpu["flueko"]) / min(cpu["pandas"])
        print(
            f"flueko ingest / pandas+openpyxl: ×{ratio_min:.2f} (min), ×{ratio_med:.2f} (Median) "
            f"(Ziel ≤ 1); CPU-Zeit ×{ratio_cpu:.2f}"
        )
    return 0


def _ideas(workspace: Path) -> int | None:
    path = workspace / "data" / "processed" / ROUND / "contributions.parquet"
    if not path.is_file():
        return None
    import pyarrow.parquet as pq

    return pq.read_metadata(path).num_rows


if __name__ == "__main__":
    raise SystemExit(main())
