"""Write the Maßnahmenplan as a styled Excel workbook (openpyxl).

The workbook is written atomically and deterministically: fixed document timestamps and fixed
zip entry dates, so the same measures give byte-identical files. User text is never written as
a formula: text starting with ``=``, ``+``, ``-``, ``@``, tab or CR becomes a string cell with a
quote prefix. Numbers carry Excel number formats (``#,##0 €``, ``0.0``, ``0 %``), which Excel
and LibreOffice display with the reader's locale, i.e. with German separators in a German office.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from flueko import schema
from flueko.analyse.costs import cost_summary
from flueko.analyse.lineage_corrections import (
    AMBIGUOUS,
    AUTOMATIC,
    LINEAGE_SCORE,
    MANUAL,
    NEAR_MISS,
    UNCERTAIN,
)
from flueko.io import lineage_review as review
from flueko.io.xlsx import add_validation, printable, write_workbook
from flueko.labels import QUADRANT_LABELS, STATUS_LABELS, TIMEFRAME_LABELS

PLAN_SHEET = "Maßnahmenplan"
SUMMARY_SHEET = "Übersicht"
LISTS_SHEET = "Listen"
SOURCES_HEADER = "Karten-IDs (Herkunft)"
"""The kick-off cards a measure came from; the analyst corrects them here (ids separated by
";", "keine" for none, empty for automatic) and the next run applies them."""

COLUMNS: tuple[tuple[str, float], ...] = (
    ("Nr.", 6),
    ("ID", 13),
    ("Handlungsfeld", 18),
    ("Maßnahme", 45),
    ("Ziel", 30),
    ("Zuständig", 20),
    ("Partner", 22),
    ("Zeitraum", 16),
    ("Kosten von", 13),
    ("Kosten bis", 13),
    ("Wirkung", 10),
    ("Aufwand", 10),
    ("Quadrant", 16),
    ("Rang", 7),
    ("Status", 16),
    ("Fortschritt", 12),
    ("Herkunft", 30),
    (SOURCES_HEADER, 24),
    ("Indikator", 30),
    ("Begründung", 30),
)
MONEY = "#,##0 €"
DECIMAL = "0.0"
PERCENT = "0 %"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUADRANT_FILLS = {
    "quick_win": "C6EFCE",
    "grosses_vorhaben": "FFEB9C",
    "kleiner_schritt": "DDEBF7",
    "zeitfresser": "F8CBAD",
}
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _text(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text or None


def _put(ws, row: int, col: int, value: object, *, number_format: str | None = None):
    """Write one cell; text is always a string cell, never a formula."""
    cell = ws.cell(row=row, column=col)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return cell
    if isinstance(value, str):
        text = _text(value)
        cell.value = text
        if text is not None:
            cell.data_type = "s"
            if text.startswith(_FORMULA_START):
                cell.quotePrefix = True
    else:
        cell.value = value.item() if hasattr(value, "item") else value
    if number_format:
        cell.number_format = number_format
    cell.alignment = _WRAP
    return cell


def header_row(ws, columns, *, row: int = 1) -> None:
    """Bold, shaded, wrapped header cells for ``columns`` (name, width) in ``row``, and the
    column widths."""
    for col, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _timeframe(row: pd.Series) -> str | None:
    label = (
        TIMEFRAME_LABELS.get(row.get(schema.TIMEFRAME), None)
        if _text(row.get(schema.TIMEFRAME))
        else None
    )
    year = row.get(schema.TARGET_YEAR)
    if year is not None and not pd.isna(year):
        return f"{label} ({int(year)})" if label else str(int(year))
    return label


def _origin(row: pd.Series) -> str | None:
    parts = [
        _text(row.get(c)) for c in (schema.SOURCE_FILE, schema.SOURCE_SHEET, schema.SOURCE_CELL)
    ]
    origin = " / ".join(p for p in parts if p)
    ideas = _text(row.get(schema.IDEA_IDS))
    if ideas:
        origin = f"{origin}; Ideen: {ideas}" if origin else f"Ideen: {ideas}"
    return origin or None


def _ordered(measures: pd.DataFrame) -> pd.DataFrame:
    df = measures.copy()
    for col in (schema.RANK, schema.FIELD, schema.TITLE, schema.MEASURE_ID):
        if col not in df.columns:
            df[col] = pd.NA
    return df.sort_values(
        [schema.RANK, schema.FIELD, schema.TITLE, schema.MEASURE_ID],
        na_position="last",
        kind="stable",
    ).reset_index(drop=True)


def build_workbook(
    measures: pd.DataFrame,
    *,
    field_labels: Mapping[str, str],
    title: str,
    lineage: pd.DataFrame | None = None,
    unlinked: pd.DataFrame | None = None,
) -> Workbook:
    """The plan as an openpyxl workbook (see :func:`write_plan`)."""
    wb = Workbook()
    ws = wb.active
    ws.title = PLAN_SHEET
    header_row(ws, COLUMNS)
    df = _ordered(measures)
    for i, row in df.iterrows():
        r = i + 2
        field = _text(row.get(schema.FIELD))
        values = [
            (i + 1, None),
            (_text(row.get(schema.MEASURE_ID)), None),
            (field_labels.get(field, field) if field else None, None),
            (_text(row.get(schema.TITLE)), None),
            (_text(row.get(schema.GOAL)), None),
            (_text(row.get(schema.RESPONSIBLE)), None),
            (_text(row.get(schema.PARTNERS)), None),
            (_timeframe(row), None),
            (_num(row.get(schema.COST_MIN)), MONEY),
            (_num(row.get(schema.COST_MAX)), MONEY),
            (_num(row.get(schema.IMPACT)), DECIMAL),
            (_num(row.get(schema.EFFORT)), DECIMAL),
            (QUADRANT_LABELS.get(_text(row.get(schema.QUADRANT)) or "", None), None),
            (None if pd.isna(row.get(schema.RANK, pd.NA)) else int(row[schema.RANK]), None),
            (STATUS_LABELS.get(_text(row.get(schema.STATUS)) or "", None), None),
            (_num(row.get(schema.PROGRESS)), PERCENT),
            (_origin(row), None),
            (_text(row.get(schema.IDEA_IDS)), None),
            (_text(row.get(schema.INDICATOR)), None),
            (_text(row.get(schema.REASON)), None),
        ]
        for col, (value, fmt) in enumerate(values, start=1):
            _put(ws, r, col, value, number_format=fmt)
    last = max(len(df) + 1, 2)
    ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ref
    printable(ws, paper="A3", title=_text(title) or "")
    _validations(wb, ws, df, last)
    _quadrant_colours(ws, last)
    _summary_sheet(wb, df, field_labels=field_labels, title=title)
    if lineage is not None and len(lineage):
        order = df[schema.MEASURE_ID].astype(str).tolist()
        _review_sheet(wb, lineage, order=order, unlinked=unlinked)
    wb.properties.title = _text(title)
    wb.properties.creator = "flueko"
    return wb


def _col(name: str) -> str:
    return get_column_letter([c for c, _ in COLUMNS].index(name) + 1)


def _validations(wb: Workbook, ws, df: pd.DataFrame, last: int) -> None:
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    lists.cell(row=1, column=1, value="Status")
    lists.cell(row=1, column=2, value="Zuständig")
    for i, label in enumerate(STATUS_LABELS.values(), start=2):
        _put(lists, i, 1, label)
    responsible = sorted(
        {t for t in (_text(v) for v in df.get(schema.RESPONSIBLE, pd.Series())) if t}
    )
    for i, name in enumerate(responsible, start=2):
        _put(lists, i, 2, name)
    n_status = len(STATUS_LABELS) + 1
    add_validation(
        ws,
        f"{_col('Status')}2:{_col('Status')}{max(last, 200)}",
        type="list",
        formula1=f"={LISTS_SHEET}!$A$2:$A${n_status}",
        title="Status",
        error="Bitte einen Status aus der Liste wählen.",
    )
    col = _col("Fortschritt")
    add_validation(
        ws,
        f"{col}2:{col}{max(last, 200)}",
        type="decimal",
        operator="between",
        formula1="0",
        formula2="1",
        title="Fortschritt",
        error="Fortschritt in Prozent zwischen 0 % und 100 % eintragen.",
    )
    for r in range(2, max(last, 200) + 1):  # typed "50" in a %-formatted cell is 50 %
        ws[f"{col}{r}"].number_format = PERCENT
    if responsible:
        add_validation(
            ws,
            f"{_col('Zuständig')}2:{_col('Zuständig')}{max(last, 200)}",
            type="list",
            formula1=f"={LISTS_SHEET}!$B$2:$B${len(responsible) + 1}",
            title="Zuständig",
            error="Nicht in der Liste — trotzdem übernehmen?",
            warn=True,
        )


def _quadrant_colours(ws, last: int) -> None:
    col = _col("Quadrant")
    rng = f"A2:{get_column_letter(len(COLUMNS))}{last}"
    for key, colour in QUADRANT_FILLS.items():
        label = QUADRANT_LABELS[key].replace('"', '""')
        ws.conditional_formatting.add(
            rng,
            FormulaRule(
                formula=[f'${col}2="{label}"'],
                fill=PatternFill("solid", fgColor=colour, bgColor=colour),
            ),
        )


def _summary_sheet(
    wb: Workbook, df: pd.DataFrame, *, field_labels: Mapping[str, str], title: str
) -> None:
    ws = wb.create_sheet(SUMMARY_SHEET, 1)
    _put(ws, 1, 1, _text(title))
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)  # the title is wide
    headers = [
        ("Handlungsfeld", 24),
        ("Maßnahmen", 12),
        ("Kosten mindestens", 18),
        ("Kosten bis", 14),
        ("ohne Kostenangabe", 18),
        ("Aufwand (Mittel)", 16),
        ("Quick Wins", 12),
    ]
    header_row(ws, headers, row=3)
    if df.empty:
        _put(ws, 4, 1, "keine Maßnahmen")
        return
    needed = {schema.COST_MIN, schema.COST_MAX, schema.EFFORT, schema.QUADRANT}
    full = df.assign(**{c: pd.NA for c in needed - set(df.columns)})
    summary = cost_summary(full, by=schema.FIELD)
    quick = full[full[schema.QUADRANT] == "quick_win"].groupby(schema.FIELD, dropna=False).size()
    for i, row in summary.iterrows():
        r = i + 4
        key = _text(row[schema.FIELD])
        _put(ws, r, 1, field_labels.get(key, key) if key else "ohne Handlungsfeld")
        _put(ws, r, 2, int(row["n_measures"]))
        _put(ws, r, 3, _num(row["cost_min_sum"]), number_format=MONEY)
        _put(ws, r, 4, _num(row["cost_max_sum"]), number_format=MONEY)
        _put(ws, r, 5, int(row["n_cost_unknown"]))
        _put(ws, r, 6, _num(row["effort_mean"]), number_format=DECIMAL)
        _put(ws, r, 7, int(quick.get(row[schema.FIELD] if key else float("nan"), 0)))
    note = len(summary) + 5
    _put(
        ws,
        note,
        1,
        "Kosten: Summe der bekannten Angaben (mindestens); Maßnahmen ohne Kostenangabe "
        "zählen nicht als 0 €.",
    )
    ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=7)
    ws.freeze_panes = "A4"
    printable(ws, header_rows=3, title=_text(title) or "")


_PROPOSALS = {
    AUTOMATIC: "verknüpft",
    UNCERTAIN: "verknüpft (unsicher)",
    MANUAL: "von Hand verknüpft",
    AMBIGUOUS: "nicht verknüpft: mehrdeutig",
    NEAR_MISS: "nicht verknüpft: knapp verfehlt",
}
"""Status of a link in the lineage table → what the sheet „Herkunft prüfen“ says."""


def _review_sheet(
    wb: Workbook, lineage: pd.DataFrame, *, order: list[str], unlinked: pd.DataFrame | None
) -> None:
    """The sheet „Herkunft prüfen“: per measure (in plan order) its linked cards, then the
    proposed ones, each with a „ja/nein“ cell for the analyst (von Hand: „ja“); below them
    the cards no measure is linked to (most votes first), for a measure id and „ja“."""
    ws = wb.create_sheet(review.REVIEW_SHEET, 2)
    _put(ws, 1, 1, review.GUIDE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(review.COLUMNS))
    ws.row_dimensions[1].height = 32
    ws.row_dimensions[2].height = 30  # two-line headers ("Gehört dazu? (ja/nein)")
    header_row(ws, review.COLUMNS, row=2)
    rank = {mid: i for i, mid in enumerate(order)}
    df = lineage.assign(
        _m=lineage[schema.MEASURE_ID].astype(str).map(rank).fillna(len(rank)),
        _linked=~lineage["status"].isin([AMBIGUOUS, NEAR_MISS]),
        _score=pd.to_numeric(lineage[LINEAGE_SCORE], errors="coerce"),
        _votes=pd.to_numeric(lineage.get(schema.VOTES), errors="coerce"),
    ).sort_values(["_m", schema.MEASURE_ID, "_linked", "_score"], ascending=[1, 1, 0, 0])
    for r, (_, row) in enumerate(df.iterrows(), start=3):
        status = _text(row.get("status")) or ""
        values = (
            _text(row.get(schema.MEASURE_ID)),
            _text(row.get(schema.TITLE)),
            _text(row.get(schema.IDEA_ID)),
            _text(row.get(schema.GROUP)),
            _text(row.get(schema.TEXT)),
            None if pd.isna(row["_votes"]) else int(row["_votes"]),
            None if pd.isna(row["_score"]) else int(row["_score"]),
            _PROPOSALS.get(status, status),
            "ja" if status == MANUAL else None,
        )
        for col, value in enumerate(values, start=1):
            _put(ws, r, col, value)
    r = len(df) + 3
    for _, card in (unlinked if unlinked is not None else pd.DataFrame()).iterrows():
        votes = pd.to_numeric(card.get(schema.VOTES), errors="coerce")
        values = (
            None,
            None,
            _text(card.get(schema.IDEA_ID)),
            _text(card.get(schema.GROUP)),
            _text(card.get(schema.TEXT)),
            None if pd.isna(votes) else int(votes),
            None,
            review.UNLINKED,
        )
        for col, value in enumerate(values, start=1):
            _put(ws, r, col, value)
        r += 1
    last = max(r - 1, 3)
    col = get_column_letter(len(review.COLUMNS))
    add_validation(
        ws,
        f"{col}3:{col}{max(last, 200)}",
        type="list",
        formula1='"ja,nein"',
        title="Gehört dazu?",
        error="Bitte „ja“ oder „nein“ eintragen (leer: Vorschlag von flueko).",
        warn=True,
    )
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{col}{last}"
    printable(ws, header_rows=2, title=review.REVIEW_SHEET)


def write_plan(
    measures: pd.DataFrame,
    path: str | Path,
    *,
    field_labels: Mapping[str, str],
    title: str,
    lineage: pd.DataFrame | None = None,
    unlinked: pd.DataFrame | None = None,
) -> None:
    """Write the Maßnahmenplan workbook.

    Sheet "Maßnahmenplan" (one row per measure in rank order: Nr., ID, Handlungsfeld, Maßnahme,
    Ziel, Zuständig, Partner, Zeitraum, Kosten von/bis, Wirkung, Aufwand, Quadrant, Rang,
    Status, Fortschritt, Herkunft, Karten-IDs (Herkunft) — the analyst's correction of the
    lineage —, Indikator, Begründung) with bold frozen header, filter,
    dropdowns for Status and Zuständig, row colours by quadrant; sheet "Übersicht" per
    Handlungsfeld; a hidden sheet "Listen" feeding the dropdowns.

    Parameters
    ----------
    measures
        A ``measures`` table; not modified.
    path
        Target file; written atomically (temporary file + rename).
    field_labels
        Handlungsfeld key → German label.
    title
        Shown in the page header, on the summary sheet and in the document properties.
    lineage
        The round's links to the kick-off cards (``extra_lineage``): with rows, a sheet
        „Herkunft prüfen“ lists each measure's linked and proposed cards for the analyst's
        „ja“/„nein“ (:mod:`flueko.io.lineage_review` reads it back).
    unlinked
        The kick-off cards no measure is linked to (``extra_unlinked``), listed
        below in „Herkunft prüfen“ for a measure id and „ja“.
    """
    book = build_workbook(
        measures, field_labels=field_labels, title=title, lineage=lineage, unlinked=unlinked
    )
    write_workbook(book, Path(path))
