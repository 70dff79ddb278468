"""The rating-sheet template for the round after the kick-off (``bewertungsbogen_vorlage.xlsx``).

After the kick-off the office writes a rating sheet of candidate measures. Measures worded
anew can be traced back to their cards only by guessing; this template carries the card ids of
every candidate measure in the column „Karten-IDs (Herkunft)“, which the rating reader takes as
the measure's lineage. So lineage is exact as long as the office keeps (or edits) the ids.

Sheets: "Anleitung" (what to do, German), "Bewertung" (one row per candidate measure, the
criteria columns empty for the raters; the office copies it once per rating body and names each
copy after it) and "Karten" (every card of the round with its id, to look up or add ids). The
helper sheets are marked by their first row (:data:`flueko.labels.RATING_TEMPLATE_GUIDE`,
:data:`flueko.labels.RATING_TEMPLATE_CARDS`), so that ingest skips them when the filled template
comes back. Written like the Maßnahmenplan: reproducible bytes, atomically, after the privacy
gate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from flueko import schema as s
from flueko.config import Workspace, load_round_meta
from flueko.io.tables import read_round
from flueko.io.xlsx import add_validation, printable, write_workbook
from flueko.labels import CRITERION_LABELS, RATING_TEMPLATE_CARDS, RATING_TEMPLATE_GUIDE
from flueko.report.gate import check_frame
from flueko.report.outputs import _taxonomy
from flueko.report.plan_workbook import SOURCES_HEADER, _put, _text, header_row

TEMPLATE_XLSX = "bewertungsbogen_vorlage.xlsx"
GUIDE_SHEET = "Anleitung"
RATING_SHEET = "Bewertung"
CARDS_SHEET = "Karten"
VOTES_HEADER = "Punkte der Karten"
SCALE = "(1–5)"
"""The scale hint in each criterion's header; the rating reader takes the scale from it."""

COLUMNS: tuple[tuple[str, float], ...] = (
    ("Nr.", 6),
    ("Handlungsfeld", 18),
    ("Maßnahme", 55),
    (SOURCES_HEADER, 26),
    (VOTES_HEADER, 10),
    *((f"{CRITERION_LABELS[c]} {SCALE}", 13) for c in s.CRITERIA),
)
"""Header and width of the columns of sheet "Bewertung"; the criteria are those the rating
reader knows (``vocabulary.yaml``: Wirkung, Aufwand, Dringlichkeit, Umsetzbarkeit)."""

CARD_WIDTHS = (16, 22, 18, 70, 8)
"""Widths of the columns of sheet "Karten" (:data:`flueko.labels.RATING_TEMPLATE_CARDS`)."""


def candidates(measures: pd.DataFrame, *, min_rows: int = 15) -> pd.DataFrame:
    """The candidate measures to rate: those with at least one dot vote, most votes first.

    When fewer than ``min_rows`` candidates have votes (a round without dot votes), all of them.
    Ties: Ideenbündel (more cards) before Einzelideen, then by Handlungsfeld and title. Only
    candidates that carry card ids (``idea_ids``) are listed.
    """
    df = measures[measures[s.IDEA_IDS].fillna("").astype(str).str.strip() != ""].copy()
    votes = pd.to_numeric(df[s.VOTES], errors="coerce").fillna(0)
    df["_votes"] = votes
    df["_cards"] = df[s.IDEA_IDS].astype(str).str.count(";") + 1
    voted = df[votes > 0]
    chosen = voted if len(voted) >= min_rows else df
    return (
        chosen.sort_values(
            ["_votes", "_cards", s.FIELD, s.TITLE, s.MEASURE_ID],
            ascending=[False, False, True, True, True],
            na_position="last",
            kind="stable",
        )
        .drop(columns=["_votes", "_cards"])
        .reset_index(drop=True)
    )


def card_table(contributions: pd.DataFrame) -> pd.DataFrame:
    """Every card (single idea) of the round in workshop order: working group, then source."""
    order = [s.GROUP, s.SOURCE_FILE, s.SOURCE_SHEET, s.SOURCE_ROW, s.IDEA_ID]
    return contributions.sort_values(order, na_position="last", kind="stable").reset_index(
        drop=True
    )


def _header(ws, columns: list[tuple[str, float]]) -> None:
    header_row(ws, columns)
    ws.row_dimensions[1].height = 30  # two-line headers ("Punkte der Karten")
    ws.freeze_panes = "A2"


def _votes(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def build_template(
    measures: pd.DataFrame,
    contributions: pd.DataFrame,
    *,
    field_labels: Mapping[str, str],
    title: str,
    min_rows: int = 15,
) -> Workbook:
    """The template as an openpyxl workbook (see :func:`write_template`)."""
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_SHEET
    guide.column_dimensions["A"].width = 80  # fits a portrait A4 page
    for i, line in enumerate(RATING_TEMPLATE_GUIDE, start=1):
        cell = _put(guide, i, 1, line)
        if i == 1:
            cell.font = Font(bold=True, size=13)
    printable(guide, first_data_row=2, landscape=False)  # rows as high as their wrapped text
    guide.print_options.gridLines = False

    def label(key: object) -> str | None:
        text = _text(key)
        return field_labels.get(text, text) if text else None

    rating = wb.create_sheet(RATING_SHEET)
    _header(rating, list(COLUMNS))
    rows = candidates(measures, min_rows=min_rows)
    for i, row in rows.iterrows():
        values = (i + 1, label(row[s.FIELD]), row[s.TITLE], row[s.IDEA_IDS], _votes(row[s.VOTES]))
        for col, value in enumerate(values, start=1):
            _put(rating, i + 2, col, value)
    last = max(len(rows) + 1, 100)
    first, end = (
        get_column_letter(len(COLUMNS) - len(s.CRITERIA) + 1),
        get_column_letter(len(COLUMNS)),
    )
    add_validation(
        rating,
        f"{first}2:{end}{last}",
        type="whole",
        operator="between",
        formula1="1",
        formula2="5",
        title="Bewertung",
        error="Bitte eine ganze Zahl von 1 (gering) bis 5 (hoch) eintragen.",
        warn=True,
    )
    rating.auto_filter.ref = f"A1:{end}{max(len(rows) + 1, 2)}"
    printable(rating, title=_text(title) or "")

    cards = wb.create_sheet(CARDS_SHEET)
    _header(cards, list(zip(RATING_TEMPLATE_CARDS, CARD_WIDTHS, strict=True)))
    for i, row in card_table(contributions).iterrows():
        values = (
            row[s.IDEA_ID],
            row[s.GROUP],
            label(row[s.FIELD]),
            row[s.TEXT],
            _votes(row[s.VOTES]),
        )
        for col, value in enumerate(values, start=1):
            _put(cards, i + 2, col, value)
    cards.auto_filter.ref = (
        f"A1:{get_column_letter(len(CARD_WIDTHS))}{max(len(contributions) + 1, 2)}"
    )
    printable(cards, landscape=False, title=_text(title) or "")
    wb.active = 0
    wb.properties.title = _text(title)
    wb.properties.creator = "flueko"
    return wb


def write_template(
    measures: pd.DataFrame,
    contributions: pd.DataFrame,
    path: str | Path,
    *,
    field_labels: Mapping[str, str],
    title: str,
    min_rows: int = 15,
) -> None:
    """Write the rating-sheet template of a card round.

    Parameters
    ----------
    measures
        The round's ``measures`` table (its candidate measures, with ``idea_ids``); not modified.
    contributions
        The round's ``contributions`` table (the cards, personal data already masked).
    path
        Target file; written atomically (temporary file + rename), byte-identical for the same
        tables.
    field_labels
        Handlungsfeld key → German label.
    title
        Shown in the page headers and in the document properties.
    min_rows
        Fewer voted candidates than this: every candidate is listed (see :func:`candidates`).
    """
    wb = build_template(
        measures, contributions, field_labels=field_labels, title=title, min_rows=min_rows
    )
    write_workbook(wb, Path(path))


def write_rating_template(ws: Workspace, round_id: str) -> list[Path]:
    """``reports/<round>/bewertungsbogen_vorlage.xlsx`` when the round has workshop cards; else
    nothing. Raises :class:`~flueko.errors.PrivacyError` (nothing written) when personal data
    would leave."""
    from flueko.taxonomy import field_labels

    tables = read_round(ws.processed_round(round_id))
    contributions, measures = tables["contributions"], tables["measures"]
    if contributions.empty:
        return []
    output = f"{round_id}/{TEMPLATE_XLSX}"
    rows = candidates(measures)
    check_frame(rows[[s.MEASURE_ID, s.TITLE, s.IDEA_IDS]], output=output, key=s.MEASURE_ID)
    check_frame(contributions[[s.IDEA_ID, s.GROUP, s.TEXT]], output=output, key=s.IDEA_ID)
    meta = load_round_meta(ws.raw_round(round_id))
    target = ws.reports_round(round_id) / TEMPLATE_XLSX
    write_template(
        measures,
        contributions,
        target,
        field_labels=field_labels(_taxonomy(ws, round_id)),
        title=f"Bewertungsbogen – {meta.get('title') or round_id}",
    )
    return [target]


def write_templates(ws: Workspace, rounds: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The template of every round in ``rounds`` that has workshop cards.

    Returns the files written and one German line for each round without a template (no cards,
    or not ingested yet). Raises :class:`~flueko.errors.FluekoError` when no template was
    written at all.
    """
    from flueko.errors import FluekoError
    from flueko.io.tables import MANIFEST_FILE

    written: list[Path] = []
    notes: list[str] = []
    for round_id in rounds:
        if not (ws.processed_round(round_id) / MANIFEST_FILE).is_file():
            notes.append(f"Runde {round_id}: noch nicht eingelesen ('flueko ingest {round_id}')")
            continue
        paths = write_rating_template(ws, round_id)
        written += paths
        notes += [] if paths else [f"Runde {round_id}: keine Workshop-Karten"]
    if not written:
        raise FluekoError(
            f"keine Vorlage geschrieben — {'; '.join(notes)}",
            hint="die Vorlage entsteht aus den Karten einer eingelesenen Runde (z. B. der "
            "Auftaktrunde)",
        )
    return written, notes
