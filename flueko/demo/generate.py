"""Deterministic demo data: writes the fictional dialogue of the "Landkreis Remstal".

``python -m flueko.demo [TARGET_DIR]`` (default ``data/raw``) writes three rounds modelled on a
real Kommunaler Flüchtlingsdialog (kick-off with four working groups, deepening workshops with a
rating of candidate measures, an extended workshop with council members and a plan draft). The
files deliberately use different layouts, encodings and spellings so that the readers have real
work to do.

Card texts, measures and the plan are data (:mod:`flueko.demo.content`); only answer patterns of
the surveys, ratings and the way a few votes are written come from ``random.Random`` seeded by
``seed`` and the file name, so the same seed always gives the same contents.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from flueko import schema
from flueko.demo.content import (
    AGREEMENT_LABELS,
    BILDUNG_SHEETS,
    CARDS,
    COSTS,
    DIALOGUE,
    DISPUTED_IMPACT,
    DISPUTED_MEASURE,
    DISTRICT,
    DOTS_PER_PERSON,
    ITEM_BIAS,
    MEASURES,
    NO_ANSWER,
    PARTICIPANTS,
    PLAN,
    PLAN_HEADER,
    QUESTION_TEXTS,
    RATERS,
    RATING_HEADER,
    ROUND_IDS,
    ROUND_META,
    SATISFACTION_LABELS,
    SURVEY_COLUMN_LABELS,
    SURVEY_COMMENTS,
    SURVEY_GROUPS,
    SURVEY_QUESTIONS,
    SURVEY_STATEMENTS,
    WIDE_RATERS,
    WORKING_GROUP_SIZES,
    Card,
)
from flueko.io.xlsx import workbook_bytes

FIXED_TIME = dt.datetime(2017, 2, 20, 9, 0, 0)
"""Creation/modification time written into every workbook (never the current date)."""


# --- public API ---------------------------------------------------------------------------


def generate(target: Path, *, seed: int = 2016) -> list[Path]:
    """Write the demo dialogue (three rounds) below ``target``.

    Parameters
    ----------
    target
        Folder that receives one sub-folder per round (created if missing).
    seed
        Seed of the pseudo-random answer patterns; the same seed gives the same contents.

    Returns
    -------
    list of Path
        The written files, in a stable order.
    """
    target = Path(target)
    r1, r2, r3 = (target / rid for rid in ROUND_IDS)
    files: list[tuple[Path, bytes]] = [
        (r1 / "round.yaml", _round_yaml(ROUND_IDS[0])),
        (r1 / "workshops" / "AK_Wohnen.xlsx", _ak_wohnen(_rng(seed, "AK_Wohnen"))),
        (r1 / "workshops" / "AK_Bildung_Ausbildung.xlsx", _ak_bildung()),
        (r1 / "workshops" / "AK_Arbeit.xlsx", _ak_arbeit()),
        (r1 / "workshops" / "AK_Freizeit.xlsx", _ak_freizeit()),
        (r1 / "umfrage" / "rueckmeldung_auftakt.csv", _survey_kickoff(_rng(seed, "auftakt"))),
        (r2 / "round.yaml", _round_yaml(ROUND_IDS[1])),
        (r2 / "bewertung" / "bewertung_massnahmen.xlsx", _ratings_long(_rng(seed, "long"))),
        (r2 / "bewertung" / "bewertung_wide.xlsx", _ratings_wide(_rng(seed, "wide"))),
        (r2 / "umfrage" / "rueckmeldung_vertiefung.xlsx", _survey_deepening(_rng(seed, "vt"))),
        (r3 / "round.yaml", _round_yaml(ROUND_IDS[2])),
        (r3 / "massnahmenplan_entwurf.xlsx", _plan()),
        (r3 / "umfrage" / "rueckmeldung_erweitert.csv", _survey_extended(_rng(seed, "erw"))),
    ]
    for path, data in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return [path for path, _ in files]


def workbook_contents(path: Path) -> dict[str, list[list[Any]]]:
    """Cell values of an xlsx (every sheet, hidden ones too) or a csv file.

    Parameters
    ----------
    path
        An ``.xlsx`` file (read with openpyxl) or a ``;``-separated ``.csv`` file (UTF-8 with or
        without BOM, else Windows-1252).

    Returns
    -------
    dict
        Sheet name (the file stem for csv) → rows → cell values.
    """
    path = Path(path)
    if path.suffix.lower() == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        return {path.stem: [list(row) for row in rows]}
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        return {
            ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets
        }
    finally:
        wb.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m flueko.demo [TARGET_DIR] [--seed N]``."""
    parser = argparse.ArgumentParser(
        prog="python -m flueko.demo",
        description=f"Schreibt die fiktiven Demo-Daten des {DISTRICT} (drei Runden).",
    )
    parser.add_argument(
        "target", nargs="?", default="data/raw", help="Zielordner (Standard: data/raw)"
    )
    parser.add_argument("--seed", type=int, default=2016, help="Startwert (Standard: 2016)")
    args = parser.parse_args(argv)
    written = generate(Path(args.target), seed=args.seed)
    print(f"{len(written)} Dateien geschrieben nach {args.target}")
    return 0


# --- round.yaml ---------------------------------------------------------------------------


def _round_yaml(round_id: str) -> bytes:
    base = ROUND_META[round_id]
    meta: dict[str, Any] = {
        "title": base["title"],
        "date": base["date"],
        "district": DISTRICT,
        "kind": base["kind"],
        "participants": dict(PARTICIPANTS[round_id]),
    }
    if round_id == ROUND_IDS[0]:  # dot votes only at the kick-off
        meta["dots_per_person"] = DOTS_PER_PERSON
        meta["working_groups"] = dict(WORKING_GROUP_SIZES)
    meta["costs"] = dict(COSTS[round_id])
    meta["note"] = base["note"]
    if "hints" in base:
        meta["hints"] = dict(base["hints"])
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    header = f"# {DIALOGUE}: Angaben zur Runde (fiktive Demo-Daten)\n"
    return (header + body).encode("utf-8")


# --- kick-off workshop files --------------------------------------------------------------

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def _by_question(cards: Iterable[Card]) -> dict[str, list[Card]]:
    grouped: dict[str, list[Card]] = {q: [] for q in schema.QUESTIONS}
    for card in cards:
        grouped[card.question].append(card)
    return grouped


def _vote_as_written(votes: int | None, rng: random.Random) -> int | str | None:
    """Votes as a moderator types them: a number, "3 Punkte", dots "••" or nothing."""
    if not votes:
        return None
    draw = rng.random()
    if draw < 0.2:
        return f"{votes} Punkt" if votes == 1 else f"{votes} Punkte"
    if draw < 0.4:
        return "•" * votes
    return votes


def _ak_wohnen(rng: random.Random) -> bytes:
    wb = _workbook()
    ws = wb.active
    ws.title = "Ergebnisse"
    ws["A1"] = DIALOGUE
    ws["A1"].font = TITLE_FONT
    ws["A2"] = "Arbeitskreis Wohnen – 20.10.2016"
    ws.append([])
    ws.append(["Leitfrage", "Beitrag", "Punkte"])
    for cell in ws[4]:
        cell.font = BOLD
    row = 5
    for question, cards in _by_question(CARDS["AK Wohnen"]).items():
        first = row
        for card in cards:
            ws.cell(row=row, column=2, value=card.text).alignment = WRAP
            ws.cell(row=row, column=3, value=_vote_as_written(card.votes, rng))
            row += 1
        ws.cell(row=first, column=1, value=QUESTION_TEXTS[question]).alignment = WRAP
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    _widths(ws, {"A": 34, "B": 70, "C": 10})
    return _xlsx_bytes(wb)


def _ak_bildung() -> bytes:
    wb = _workbook()
    wb.remove(wb.active)
    for question, cards in _by_question(CARDS["AK Bildung/Ausbildung"]).items():
        ws = wb.create_sheet(BILDUNG_SHEETS[question])
        ws.append(["Idee", "Klebepunkte"])
        for cell in ws[1]:
            cell.font = BOLD
        for card in cards:
            ws.append([card.text, card.votes])
            ws.cell(row=ws.max_row, column=1).alignment = WRAP
        _widths(ws, {"A": 70, "B": 12})
    template = wb.create_sheet("Vorlage")
    template.append(["Idee", "Klebepunkte"])
    template.append(["Hier bitte je Zeile eine Karte eintragen", None])
    template.append(["Beispiel: Mehr Sprachkurse am Abend", 3])
    template.sheet_state = "hidden"
    return _xlsx_bytes(wb)


def _ak_arbeit() -> bytes:
    wb = _workbook()
    ws = wb.active
    ws.title = "AK Arbeit"
    ws["A1"] = "AK Arbeit"
    ws["A1"].font = TITLE_FONT
    ws["A2"] = "Moderation: Herr Beispielmann (Landratsamt), Protokoll: Frau Musterfrau"
    for index, (question, cards) in enumerate(_by_question(CARDS["AK Arbeit"]).items()):
        text_col, votes_col = 2 * index + 1, 2 * index + 2
        ws.cell(row=3, column=text_col, value=QUESTION_TEXTS[question]).font = BOLD
        ws.cell(row=3, column=votes_col, value="Punkte").font = BOLD
        ws.cell(row=3, column=text_col).alignment = WRAP
        for offset, card in enumerate(cards):
            ws.cell(row=4 + offset, column=text_col, value=card.text).alignment = WRAP
            ws.cell(row=4 + offset, column=votes_col, value=card.votes)
        _widths(ws, {get_column_letter(text_col): 40, get_column_letter(votes_col): 8})
    return _xlsx_bytes(wb)


def _ak_freizeit() -> bytes:
    wb = _workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    ws.append(["Arbeitskreis", "Frage", "Karte", "Stimmen"])
    for cell in ws[1]:
        cell.font = BOLD
    total = 0
    for number, (_question, cards) in enumerate(_by_question(CARDS["AK Freizeit"]).items(), 1):
        for position, card in enumerate(cards):
            label = f"Frage {number}" if position == 0 else None
            ws.append(["AK Freizeit", label, card.text, card.votes])
            total += card.votes or 0
    ws.append([None, None, "Summe", total])
    ws.cell(row=ws.max_row, column=3).font = BOLD
    _widths(ws, {"A": 14, "B": 10, "C": 70, "D": 10})
    return _xlsx_bytes(wb)


# --- surveys ------------------------------------------------------------------------------


def _respondent_groups(round_id: str) -> list[str]:
    """Group of each respondent, interleaved in a fixed pattern (not sorted by group)."""
    pools = [[name] * count for name, count in SURVEY_GROUPS[round_id]]
    out: list[str] = []
    while any(pools):
        for pool in pools:
            if pool:
                out.append(pool.pop())
    return out


def _answer_index(rng: random.Random, mood: float, item: str) -> int | None:
    """Scale position 0 (best) … 4 (worst), or ``None`` for no answer."""
    if rng.random() < 0.05:
        return None
    latent = 0.9 + mood + ITEM_BIAS[item] + rng.gauss(0.0, 0.6)
    return min(4, max(0, round(latent)))


def _survey_answers(rng: random.Random, n: int) -> list[list[int | None]]:
    rows = []
    for _ in range(n):
        mood = rng.gauss(0.0, 0.7)
        rows.append([_answer_index(rng, mood, item) for item in schema.SURVEY_ITEMS])
    return rows


def _survey_kickoff(rng: random.Random) -> bytes:
    round_id = ROUND_IDS[0]
    groups = _respondent_groups(round_id)
    header = ["id", "Teilnehmergruppe"]
    header += [
        f"F{i}[{item}] {SURVEY_QUESTIONS[item]}"
        for i, item in enumerate(schema.SURVEY_ITEMS, start=1)
    ]
    header.append("Anmerkungen")
    rows: list[list[Any]] = [header]
    for number, (group, answers) in enumerate(
        zip(groups, _survey_answers(rng, len(groups)), strict=True), start=1
    ):
        cells: list[Any] = [number, group]
        for index in answers:
            if index is None:
                cells.append("" if rng.random() < 0.5 else NO_ANSWER)
            else:
                cells.append(SATISFACTION_LABELS[index])
        cells.append(SURVEY_COMMENTS[round_id].get(number, ""))
        rows.append(cells)
    return _csv_bytes(rows, encoding="utf-8-sig", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


def _survey_deepening(rng: random.Random) -> bytes:
    round_id = ROUND_IDS[1]
    groups = _respondent_groups(round_id)
    wb = _workbook()
    ws = wb.active
    ws.title = "Rückmeldung"
    ws.append(
        ["Nr.", "Gruppe"]
        + [SURVEY_COLUMN_LABELS[item] for item in schema.SURVEY_ITEMS]
        + ["Bemerkung"]
    )
    for cell in ws[1]:
        cell.font = BOLD
    for number, (group, answers) in enumerate(
        zip(groups, _survey_answers(rng, len(groups)), strict=True), start=1
    ):
        codes = [None if index is None else index + 1 for index in answers]
        ws.append([number, group, *codes, SURVEY_COMMENTS[round_id].get(number)])
    return _xlsx_bytes(wb)


def _survey_extended(rng: random.Random) -> bytes:
    round_id = ROUND_IDS[2]
    groups = _respondent_groups(round_id)
    header = ["Lfd. Nr.", "Gruppe"]
    header += [SURVEY_STATEMENTS[item] for item in schema.SURVEY_ITEMS]
    header.append("Bemerkungen")
    rows: list[list[Any]] = [header]
    for number, (group, answers) in enumerate(
        zip(groups, _survey_answers(rng, len(groups)), strict=True), start=1
    ):
        cells: list[Any] = [number, group]
        cells += ["" if index is None else AGREEMENT_LABELS[index] for index in answers]
        cells.append(SURVEY_COMMENTS[round_id].get(number, ""))
        rows.append(cells)
    return _csv_bytes(rows, encoding="cp1252", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


# --- ratings and plan ---------------------------------------------------------------------


def _rating(rng: random.Random, base: float) -> int | None:
    if rng.random() < 0.05:
        return None
    return min(5, max(1, round(base + rng.gauss(0.0, 0.7))))


def _ratings_long(rng: random.Random) -> bytes:
    wb = _workbook()
    ws = wb.active
    ws.title = "Bewertung"
    ws.append(list(RATING_HEADER))
    for cell in ws[1]:
        cell.font = BOLD
    for measure in MEASURES:
        for position, rater in enumerate(RATERS):
            impact = _rating(rng, measure.impact)
            if measure.title == DISPUTED_MEASURE:
                impact = DISPUTED_IMPACT[position]
            first = position == 0
            ws.append(
                [
                    measure.title,
                    measure.field,
                    rater,
                    impact,
                    _rating(rng, measure.effort),
                    _rating(rng, measure.urgency),
                    _rating(rng, measure.feasibility),
                    measure.cost if first else None,
                    measure.responsible if first else None,
                    measure.timeframe if first else None,
                ]
            )
    _widths(ws, {"A": 60, "B": 14, "C": 12, "H": 22, "I": 36, "J": 14})
    return _xlsx_bytes(wb)


def _level(rng: random.Random, base: float) -> str | None:
    if rng.random() < 0.05:
        return None
    value = base + rng.gauss(0.0, 0.6)
    if value >= 3.67:
        return "hoch"
    return "mittel" if value >= 2.33 else "niedrig"


def _ratings_wide(rng: random.Random) -> bytes:
    wb = _workbook()
    wb.remove(wb.active)
    for number, rater in enumerate(WIDE_RATERS):
        ws = wb.create_sheet(rater)
        ws.append(["Maßnahme", "Wirkung", "Aufwand"])
        for cell in ws[1]:
            cell.font = BOLD
        # the second rater skipped the last two measures
        measures = MEASURES if number == 0 else MEASURES[:-2]
        for measure in measures:
            ws.append([measure.title, _level(rng, measure.impact), _level(rng, measure.effort)])
        _widths(ws, {"A": 60, "B": 10, "C": 10})
    return _xlsx_bytes(wb)


def _plan() -> bytes:
    wb = _workbook()
    ws = wb.active
    ws.title = "Maßnahmenplan"
    ws["A1"] = f"Integrationsplan {DISTRICT} – Entwurf Maßnahmenplan (Stand 15.02.2017)"
    ws["A1"].font = TITLE_FONT
    ws.append([])
    ws.append(list(PLAN_HEADER))
    for cell in ws[3]:
        cell.font = BOLD
    for number, row in enumerate(PLAN, start=1):
        ws.append(
            [
                number,
                row.field,
                row.title,
                row.goal,
                row.responsible,
                row.partners,
                row.timeframe,
                row.cost_from,
                row.cost_to,
                row.status,
            ]
        )
        for column in ("H", "I"):
            ws[f"{column}{ws.max_row}"].number_format = "#,##0 €"
    _widths(ws, {"A": 5, "B": 14, "C": 60, "D": 50, "E": 30, "F": 30, "G": 14, "J": 16})
    return _xlsx_bytes(wb)


# --- writing helpers ----------------------------------------------------------------------


def _rng(seed: int, name: str) -> random.Random:
    """An independent generator per file, so that files do not shift each other."""
    return random.Random(f"{seed}:{name}")


def _workbook() -> Workbook:
    wb = Workbook()
    wb.properties.creator = "Landratsamt Remstal (Demo)"
    return wb


def _widths(ws: Any, widths: dict[str, float]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[column].width = width


def _xlsx_bytes(wb: Workbook) -> bytes:
    """Serialise ``wb`` reproducibly (openpyxl's ``save`` would stamp "now")."""
    return workbook_bytes(wb, stamp=FIXED_TIME)


def _csv_bytes(rows: list[list[Any]], *, encoding: str, quoting: int, lineterminator: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quoting=quoting, lineterminator=lineterminator)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


if __name__ == "__main__":
    raise SystemExit(main())
