"""The analyst's codebook: an Excel workbook to recode fields, questions and measures.

:func:`export_codebook` writes one row per idea with dropdowns of the German labels; the analyst
fills "Handlungsfeld (neu)", "Leitfrage (neu)", "Maßnahme", "Kommentar" and saves the file under
``data/raw/<round>/``. A re-export carries over what was already entered (``previous``).
:func:`read_codebook` reads it back (a workbook is recognised as a codebook by a sheet
"Kodierung" whose header holds an "Ideen-ID" column; older exports say ``idea_id``); a change
typed into the visible "Handlungsfeld"/"Leitfrage" columns instead of the "(neu)" columns is
taken over and logged. :func:`validate_coding` checks the keys (labels are mapped to keys):
unknown keys raise one :class:`CodingError` listing every bad row, ids that no longer exist are
logged as warnings.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from flueko import schema
from flueko.errors import CodingError, InputFileError
from flueko.io.xlsx import add_validation, printable, write_workbook
from flueko.labels import CODEBOOK_GUIDE as GUIDE
from flueko.log import INFO, LogEntry, entry
from flueko.schema import CODING_COMMENT, CODING_MEASURE
from flueko.sheet import Sheet
from flueko.taxonomy import Taxonomy, resolve_key

SHEET = "Kodierung"
KEYS_SHEET = "Schlüssel"
GUIDE_SHEET = "Anleitung"

COL_ID = "Ideen-ID"
COL_FIELD = "Handlungsfeld"
COL_QUESTION = "Leitfrage"
COL_FIELD_NEW = "Handlungsfeld (neu)"
COL_QUESTION_NEW = "Leitfrage (neu)"
COL_MEASURE = "Maßnahme"
COL_COMMENT = "Kommentar"
COL_FIELD_EXPORTED = "Handlungsfeld (wie exportiert)"
COL_QUESTION_EXPORTED = "Leitfrage (wie exportiert)"

_SHOWN_FIELD, _SHOWN_QUESTION = "_shown_field", "_shown_question"
_EXPORTED_FIELD, _EXPORTED_QUESTION = "_exported_field", "_exported_question"

HEADERS: tuple[tuple[str, str | None, int], ...] = (
    # header, contributions column (None: filled by the analyst), width (0: hidden)
    (COL_ID, schema.IDEA_ID, 16),
    ("Runde", schema.ROUND, 16),
    ("Arbeitskreis", schema.GROUP, 22),
    ("Idee", schema.TEXT, 60),
    (COL_FIELD, schema.FIELD, 18),
    ("Sicherheit", schema.FIELD_CONFIDENCE, 11),
    (COL_QUESTION, schema.QUESTION, 28),
    ("Gruppe ähnlicher Ideen", schema.CLUSTER_ID, 14),
    (COL_FIELD_NEW, None, 22),
    (COL_QUESTION_NEW, None, 28),
    (COL_MEASURE, None, 36),
    (COL_COMMENT, None, 36),
    (COL_FIELD_EXPORTED, schema.FIELD, 0),
    (COL_QUESTION_EXPORTED, schema.QUESTION, 0),
)

_ANALYST = {COL_FIELD_NEW: schema.FIELD, COL_QUESTION_NEW: schema.QUESTION}
_ANALYST.update({COL_MEASURE: CODING_MEASURE, COL_COMMENT: CODING_COMMENT})


_FORMULA_START = ("=", "+", "-", "@")
_HEADER_FILL = PatternFill("solid", fgColor="1B6CA8")
_INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")


# --- export --------------------------------------------------------------------------------


def export_codebook(
    contributions: pd.DataFrame,
    path: str | Path,
    *,
    taxonomy: Taxonomy,
    previous: pd.DataFrame | None = None,
    disputed: pd.DataFrame | None = None,
    coders: pd.DataFrame | None = None,
) -> None:
    """Write the codebook workbook for ``contributions`` to ``path`` (atomically, reproducibly).

    Rows are sorted by round, group and idea_id; Handlungsfeld and Leitfrage are shown with
    their German labels. ``previous``: a coding table (:func:`coding_from_sheet`) whose entries
    are carried into the analyst's columns, so that a re-export loses nothing. ``disputed``:
    the ideas two coders placed differently (``idea_id``, ``field_a``, ``field_b``; the coders'
    files in ``coders``, columns ``coder_a``, ``coder_b``), listed on a sheet "Strittig" to
    settle them. Text that starts
    with ``= + - @`` is stored as text, never as a formula. The same input gives a
    byte-identical file.
    """
    df = schema.conform(contributions, "contributions")
    df = df.sort_values([schema.ROUND, schema.GROUP, schema.IDEA_ID], kind="stable")
    labels = {c.key: c.label for c in (*taxonomy.fields, *taxonomy.questions)}
    entered = _entered(previous, taxonomy)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    for col, (header, _, width) in enumerate(HEADERS, start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        dim = ws.column_dimensions[get_column_letter(col)]
        dim.width = width or 20
        dim.hidden = not width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(df.itertuples(index=False), start=2):
        values = row._asdict()
        mine = entered.get(values.get(schema.IDEA_ID), {})
        for col, (header, source, _) in enumerate(HEADERS, start=1):
            value = values.get(source) if source else mine.get(_ANALYST[header])
            if source in (schema.FIELD, schema.QUESTION) and isinstance(value, str):
                value = labels.get(value, value)
            cell = ws.cell(row=r, column=col)
            _set_value(cell, value)
            cell.alignment = wrap
            if source is None:
                cell.fill = _INPUT_FILL
            elif source == schema.FIELD_CONFIDENCE:
                cell.number_format = "0.00"
    last = max(ws.max_row, 2)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(_col_index(COL_COMMENT))}{last}"
    printable(ws, title="Kodierung der Ideen")
    keys = wb.create_sheet(KEYS_SHEET)
    keys.sheet_state = "hidden"
    keys["A1"], keys["B1"], keys["C1"], keys["D1"] = (
        "Handlungsfeld",
        "Bezeichnung",
        "Leitfrage",
        "Bezeichnung",
    )
    for i, cat in enumerate(taxonomy.fields, start=2):
        keys.cell(row=i, column=1, value=cat.key)
        keys.cell(row=i, column=2, value=cat.label)
    for i, cat in enumerate(taxonomy.questions, start=2):
        keys.cell(row=i, column=3, value=cat.key)
        keys.cell(row=i, column=4, value=cat.label)
    n_f, n_q = len(taxonomy.fields) + 1, len(taxonomy.questions) + 1
    for header, formula, title in (
        (COL_FIELD_NEW, f"'{KEYS_SHEET}'!$B$2:$B${n_f}", "Handlungsfeld"),
        (COL_QUESTION_NEW, f"'{KEYS_SHEET}'!$D$2:$D${n_q}", "Leitfrage"),
    ):
        letter = get_column_letter(_col_index(header))
        add_validation(
            ws,
            f"{letter}2:{letter}{max(last, 1000)}",
            type="list",
            formula1=formula,
            title=f"Unbekannte {title}",
            error="Bitte einen Eintrag aus der Liste wählen (oder das Feld leer lassen).",
        )
    if disputed is not None and len(disputed):
        _disputed_sheet(wb, df, disputed, coders, labels)
    guide = wb.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 110
    for i, line in enumerate(GUIDE, start=1):
        cell = guide.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            cell.font = Font(bold=True, size=13)
    wb.properties.creator = "flueko"
    write_workbook(wb, Path(path))


DISPUTED_SHEET = "Strittig"
_DISPUTED_HEADER = (COL_ID, "Arbeitskreis", "Idee")


def _disputed_sheet(wb, contributions, disputed, coders, labels) -> None:
    """Sheet "Strittig": every idea the two coders placed differently, to settle in 'Kodierung'."""
    names = ("A", "B")
    if coders is not None and len(coders) and {"coder_a", "coder_b"} <= set(coders.columns):
        names = tuple(str(coders[c].iloc[0]) for c in ("coder_a", "coder_b"))
    ws = wb.create_sheet(DISPUTED_SHEET)
    header = (*_DISPUTED_HEADER, f"Kodierung {names[0]}", f"Kodierung {names[1]}")
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), _HEADER_FILL
    for col, width in zip("ABCDE", (16, 22, 60, 24, 24), strict=True):
        ws.column_dimensions[col].width = width
    ideas = contributions.set_index(schema.IDEA_ID)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, rec in enumerate(disputed.to_dict("records"), start=2):
        idea = rec.get(schema.IDEA_ID)
        known = idea in ideas.index
        values = (
            idea,
            ideas.at[idea, schema.GROUP] if known else None,
            ideas.at[idea, schema.TEXT] if known else None,
            labels.get(rec.get("field_a"), rec.get("field_a")),
            labels.get(rec.get("field_b"), rec.get("field_b")),
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            _set_value(cell, value)
            cell.alignment = wrap
    ws.freeze_panes = "A2"


def _entered(previous: pd.DataFrame | None, taxonomy: Taxonomy) -> dict[str, dict[str, str]]:
    """idea_id → what the analyst entered (codes shown as labels where they resolve)."""
    if previous is None or previous.empty:
        return {}
    out: dict[str, dict[str, str]] = {}
    cats = {schema.FIELD: taxonomy.fields, schema.QUESTION: taxonomy.questions}
    for rec in previous.to_dict("records"):
        idea = rec.get(schema.IDEA_ID)
        if not isinstance(idea, str):
            continue
        mine = out.setdefault(idea, {})
        for col in (schema.FIELD, schema.QUESTION, CODING_MEASURE, CODING_COMMENT):
            value = rec.get(col)
            if not isinstance(value, str) or not value or col in mine:
                continue
            if col in cats and (key := resolve_key(value, cats[col])) is not None:
                value = next(c.label for c in cats[col] if c.key == key)
            mine[col] = value
    return out


def _col_index(header: str) -> int:
    return next(i for i, (h, _, _) in enumerate(HEADERS, start=1) if h == header)


def _set_value(cell, value) -> None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return
    if isinstance(value, str):
        cell.value = value
        if value.startswith(_FORMULA_START):
            cell.data_type = "s"  # text, not a formula
            cell.quotePrefix = True
        return
    cell.value = float(value) if isinstance(value, float) else value


# --- reading -------------------------------------------------------------------------------

CODING_COLUMNS = (
    schema.IDEA_ID,
    schema.FIELD,
    schema.QUESTION,
    CODING_MEASURE,
    CODING_COMMENT,
    schema.SOURCE_FILE,
    schema.SOURCE_ROW,
)

_ID_HEADERS = ("idea_id", COL_ID.casefold())

_READ_MAP = {
    **dict.fromkeys(_ID_HEADERS, schema.IDEA_ID),
    COL_FIELD_NEW.casefold(): schema.FIELD,
    COL_QUESTION_NEW.casefold(): schema.QUESTION,
    COL_MEASURE.casefold(): CODING_MEASURE,
    COL_COMMENT.casefold(): CODING_COMMENT,
    COL_FIELD.casefold(): _SHOWN_FIELD,
    COL_QUESTION.casefold(): _SHOWN_QUESTION,
    COL_FIELD_EXPORTED.casefold(): _EXPORTED_FIELD,
    COL_QUESTION_EXPORTED.casefold(): _EXPORTED_QUESTION,
}


def _header_row(rows: tuple, *, search: int = 10) -> int | None:
    for i, row in enumerate(rows[:search]):
        if any(isinstance(v, str) and v.strip().casefold() in _ID_HEADERS for v in row):
            return i
    return None


def is_codebook_sheet(sheet: Sheet) -> bool:
    """True for a sheet named "Kodierung" with an "Ideen-ID" (or ``idea_id``) header column."""
    return sheet.name.strip().casefold() == SHEET.casefold() and _header_row(sheet.rows) is not None


PLAN_LISTS = ("Listen", ("Status", "Zuständig"))
"""Name and header of the hidden sheet feeding the dropdowns of flueko's Maßnahmenplan."""


def is_own_sheet(sheet: Sheet) -> bool:
    """True for the helper sheets of workbooks flueko wrote: the instructions, the hidden key
    list and the disputed ideas of a codebook, the hidden dropdown lists of a Maßnahmenplan.
    They are skipped
    without a log entry (they are no data and no finding)."""
    first = tuple(sheet.rows[0][:4]) if sheet.rows and sheet.rows[0] else ()
    name = sheet.name.strip()
    if name == GUIDE_SHEET:
        return first[:1] == (GUIDE[0],)
    if name == PLAN_LISTS[0]:
        return sheet.hidden and first[:2] == PLAN_LISTS[1]
    if name == DISPUTED_SHEET:
        return first[:3] == _DISPUTED_HEADER
    keys_header = ("Handlungsfeld", "Bezeichnung", "Leitfrage", "Bezeichnung")
    return name == KEYS_SHEET and first == keys_header


def coding_from_sheet(sheet: Sheet) -> tuple[pd.DataFrame, list[LogEntry]]:
    """The coding table of a codebook sheet (as delivered by the readers).

    Returns one row per idea row with something filled in: ``idea_id``, ``field``,
    ``question``, ``measure``, ``comment`` (missing where empty) plus ``source_file`` and
    ``source_row`` (the Excel row number). A Handlungsfeld or Leitfrage typed over the visible
    column (it differs from the hidden copy made at export) counts like an entry in the "(neu)"
    column and is logged; when the "(neu)" column says otherwise, "(neu)" wins (a warning).
    Rows without an idea_id but with a code are logged.
    """
    logs: list[LogEntry] = []
    h = _header_row(sheet.rows)
    if h is None:
        raise CodingError(
            f"keine Spalte '{COL_ID}' gefunden",
            file=sheet.file,
            sheet=sheet.name,
            hint="die Kopfzeile des exportierten Kodierbogens nicht verändern",
        )
    cols = {}
    for j, v in enumerate(sheet.rows[h]):
        key = _READ_MAP.get(str(v).strip().casefold()) if v is not None else None
        if key and key not in cols:
            cols[key] = j
    records = []
    for i in range(h + 1, sheet.n_rows):
        rec = {k: _text(sheet.value(i, j)) for k, j in cols.items()}
        logs.extend(_visible_edits(rec, sheet=sheet, row=i + 1, cols=cols))
        codes = [
            rec.get(k) for k in (schema.FIELD, schema.QUESTION, CODING_MEASURE, CODING_COMMENT)
        ]
        if not any(codes):
            continue
        if not rec.get(schema.IDEA_ID):
            logs.append(
                entry(
                    "coding_missing_id",
                    f"Zeile {i + 1}: Kodierung ohne Ideen-ID wird ignoriert",
                    file=sheet.file,
                    sheet=sheet.name,
                    cell=f"A{i + 1}",
                )
            )
            continue
        rec[schema.SOURCE_FILE] = sheet.file
        rec[schema.SOURCE_ROW] = i + 1
        records.append({c: rec.get(c) for c in CODING_COLUMNS})
    df = pd.DataFrame.from_records(records, columns=list(CODING_COLUMNS))
    for c in CODING_COLUMNS:
        df[c] = df[c].astype(schema.INT if c == schema.SOURCE_ROW else schema.STR)
    return df, logs


def _visible_edits(rec: dict, *, sheet: Sheet, row: int, cols: dict) -> list[LogEntry]:
    """Take over a code typed into the visible Handlungsfeld/Leitfrage column of ``rec``."""
    logs = []
    for target, shown, exported, header, new in (
        (schema.FIELD, _SHOWN_FIELD, _EXPORTED_FIELD, COL_FIELD, COL_FIELD_NEW),
        (schema.QUESTION, _SHOWN_QUESTION, _EXPORTED_QUESTION, COL_QUESTION, COL_QUESTION_NEW),
    ):
        value = rec.pop(shown, None)
        if exported not in cols:
            rec.pop(exported, None)
            continue
        if value == rec.pop(exported, None) or value is None:
            continue
        cell = f"{get_column_letter(cols[shown] + 1)}{row}"
        if rec.get(target) is None:
            rec[target] = value
            logs.append(
                entry(
                    "coding_visible_column",
                    f"Zeile {row}: '{value}' in der Spalte '{header}' eingetragen statt in "
                    f"'{new}' — übernommen",
                    file=sheet.file,
                    sheet=sheet.name,
                    cell=cell,
                    severity=INFO,
                )
            )
        elif rec[target].casefold() != value.casefold():
            logs.append(
                entry(
                    "coding_conflict",
                    f"Zeile {row}: Spalte '{header}' sagt '{value}', Spalte '{new}' sagt "
                    f"'{rec[target]}' — es gilt '{new}'",
                    file=sheet.file,
                    sheet=sheet.name,
                    cell=cell,
                )
            )
    return logs


def _text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def read_codebook(path: str | Path) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Read a filled codebook workbook (see :func:`coding_from_sheet` for the columns).

    Raises
    ------
    InputFileError
        The file cannot be opened.
    CodingError
        It has no sheet "Kodierung" with an ``idea_id`` column.
    """
    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds
        raise InputFileError(
            f"Kodierbogen lässt sich nicht öffnen ({type(err).__name__})",
            file=str(path),
            hint="als .xlsx speichern und erneut versuchen",
        ) from err
    try:
        name = next((n for n in wb.sheetnames if n.strip().casefold() == SHEET.casefold()), None)
        if name is None:
            raise CodingError(
                f"kein Blatt '{SHEET}' gefunden",
                file=str(path),
                hint="den von flueko exportierten Kodierbogen verwenden",
            )
        rows = tuple(tuple(r) for r in wb[name].iter_rows(values_only=True))
    finally:
        wb.close()
    return coding_from_sheet(Sheet(file=str(path), name=name, rows=rows))


# --- validation ----------------------------------------------------------------------------


def validate_coding(
    coding: pd.DataFrame, contributions: pd.DataFrame, *, taxonomy: Taxonomy
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Check and canonicalise a coding table against the taxonomy and the current ideas.

    Keys may be given as key, label or synonym ("Bildung/Ausbildung" → ``bildung``).

    Returns
    -------
    (pandas.DataFrame, list of LogEntry)
        The coding with canonical keys; rows whose idea_id is unknown stay in the table and are
        reported as ``coding_unknown_id`` warnings.

    Raises
    ------
    CodingError
        Listing every row with an unknown Handlungsfeld or Leitfrage.
    """
    out = coding.copy()
    problems: list[str] = []
    logs: list[LogEntry] = []
    allowed_f = ", ".join(taxonomy.field_keys)
    allowed_q = ", ".join(taxonomy.question_keys)
    files = set()
    for col, cats, what, allowed in (
        (schema.FIELD, taxonomy.fields, "ist kein Handlungsfeld", allowed_f),
        (schema.QUESTION, taxonomy.questions, "ist keine Leitfrage", allowed_q),
    ):
        if col not in out.columns:
            continue
        values = []
        for value, row, file in zip(out[col].tolist(), _rows(out), _files(out), strict=True):
            if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
                values.append(pd.NA)
                continue
            key = resolve_key(str(value), cats)
            if key is None:
                problems.append(f"Zeile {row}: '{value}' {what}; erlaubt: {allowed}")
                if file:
                    files.add(file)
            values.append(key if key is not None else pd.NA)
        out[col] = pd.array(values, dtype=schema.STR)
    if problems:
        raise CodingError(
            "ungültige Kodierung — " + " · ".join(problems),
            file="; ".join(sorted(files)) or None,
            sheet=SHEET,
            hint="Schlüssel aus der Auswahlliste verwenden oder die Zelle leeren",
        )
    known = set(contributions[schema.IDEA_ID].dropna().tolist())
    for idea, row, file in zip(out[schema.IDEA_ID].tolist(), _rows(out), _files(out), strict=True):
        if idea not in known:
            logs.append(
                entry(
                    "coding_unknown_id",
                    f"Zeile {row}: idea_id '{idea}' gibt es in dieser Runde nicht (mehr); "
                    "die Kodierung wird nicht angewendet",
                    file=file or "",
                    sheet=SHEET,
                    cell=f"A{row}" if row != "?" else "",
                )
            )
    return out, logs


def _rows(df: pd.DataFrame) -> list:
    if schema.SOURCE_ROW in df.columns:
        return [int(r) if not pd.isna(r) else "?" for r in df[schema.SOURCE_ROW].tolist()]
    return [i + 2 for i in range(len(df))]


def _files(df: pd.DataFrame) -> list[str]:
    if schema.SOURCE_FILE in df.columns:
        return [f if isinstance(f, str) else "" for f in df[schema.SOURCE_FILE].tolist()]
    return [""] * len(df)
