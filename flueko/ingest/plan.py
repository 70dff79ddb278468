"""A plan draft or a returned Maßnahmenplan → ``measures`` rows with status and progress.

Reads the columns Nr., Handlungsfeld, Maßnahme, Ziel, Zuständig, Partner, Zeitraum, Kosten (or
Kosten von/bis), Status, Fortschritt, Indikator, Begründung and, when the plan was exported by
flueko, ID (which then wins over the id derived from the title), Wirkung, Aufwand and
„Karten-IDs (Herkunft)“ (kept as written in ``idea_ids``: the pipeline applies it as the
analyst's correction of the lineage, see :func:`flueko.analyse.lineage.correct_links`).
"""

from __future__ import annotations

import re

import pandas as pd

from flueko import schema
from flueko.ingest.cells import cell_text
from flueko.ingest.detect import is_total_label
from flueko.ingest.money import COST_UNREADABLE, COST_ZERO, header_unit, parse_cost
from flueko.ingest.rating_layout import section_name
from flueko.ingest.ratings import (
    COST_MAX_ROLE,
    COST_MIN_ROLE,
    COST_ROLE,
    cost_entries,
    header_map,
    measure_id,
)
from flueko.ingest.scales import parse_raw_rating
from flueko.ingest.timeframe import parse_timeframe, reference_year_from_round
from flueko.labels import STATUS_LABELS
from flueko.log import INFO, LogEntry, entry
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.text import fold_chars
from flueko.vocabulary import Vocabulary, or_default

STATUSES: tuple[str, ...] = tuple(STATUS_LABELS)
"""Status keys in process order: offen, in_vorbereitung, in_umsetzung, abgeschlossen,
zurueckgestellt."""

_STATUS_WORDS: dict[str, str] = {
    "offen": "offen",
    "geplant": "offen",
    "neu": "offen",
    "nicht begonnen": "offen",
    "noch nicht begonnen": "offen",
    "in vorbereitung": "in_vorbereitung",
    "vorbereitung": "in_vorbereitung",
    "in planung": "in_vorbereitung",
    "begonnen": "in_umsetzung",
    "in umsetzung": "in_umsetzung",
    "umsetzung": "in_umsetzung",
    "in arbeit": "in_umsetzung",
    "laufend": "in_umsetzung",
    "gestartet": "in_umsetzung",
    "abgeschlossen": "abgeschlossen",
    "umgesetzt": "abgeschlossen",
    "erledigt": "abgeschlossen",
    "fertig": "abgeschlossen",
    "zurueckgestellt": "zurueckgestellt",
    "verschoben": "zurueckgestellt",
    "pausiert": "zurueckgestellt",
    "ruht": "zurueckgestellt",
}
PROGRESS_RULE = (
    "Mittelwert des Fortschritts über die Maßnahmen mit Angabe; "
    "Maßnahmen ohne Angabe zählen nicht als 0 %"
)

_TEXT_ROLES = (
    schema.FIELD,
    schema.GOAL,
    schema.RESPONSIBLE,
    schema.PARTNERS,
    schema.INDICATOR,
    schema.REASON,
    schema.IDEA_IDS,  # „Karten-IDs (Herkunft)“: the analyst's lineage correction, as written
)


def parse_status(value: object) -> str | None:
    """Status key for "geplant", "in Umsetzung", "umgesetzt" …; ``None`` if unknown or empty."""
    key = " ".join(re.sub(r"[^a-z ]", " ", fold_chars(cell_text(value))).split())
    return _STATUS_WORDS.get(key)


def parse_progress(value: object) -> float | None:
    """Progress as a fraction 0–1.

    "50 %" → 0.5; 0.5 → 0.5; 50 → 0.5. A bare number ≤ 1 is a fraction (so 1 is 100 %), above 1
    a percentage; with a "%" sign always a percentage. Outside 0–100 % → ``None``.
    """
    if isinstance(value, bool):
        return None
    text = cell_text(value)
    percent = "%" in text
    number = parse_raw_rating(text.replace("%", "").strip()) if text else None
    if number is None:
        return None
    fraction = number / 100 if percent or number > 1 else number
    return fraction if 0 <= fraction <= 1 else None


def parse_plan_sheet(
    sheet: Sheet,
    *,
    header_row: int,
    round_id: str,
    reference_year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Read a Maßnahmenplan sheet.

    Parameters
    ----------
    sheet
        The worksheet.
    header_row
        0-based row of the header.
    round_id
        Round the plan belongs to.
    reference_year
        For timeframes given as years; default: the year the round id starts with.
    vocabulary
        The round's header words (default: the packaged ones).

    Returns
    -------
    measures, log
        ``measures`` conforms to ``schema.TABLES["measures"]`` (field as given, status keys of
        :data:`STATUSES`, progress 0–1); ``log`` names unreadable costs, statuses, progress
        values and duplicate measures with their cells.
    """
    if reference_year is None:
        reference_year = reference_year_from_round(round_id)
    vocab = or_default(vocabulary)
    cols = header_map(sheet, header_row, vocabulary=vocab)
    where = {"file": sheet.file, "sheet": sheet.name}
    log: list[LogEntry] = []
    if schema.TITLE not in cols:
        log.append(
            entry(
                "measure_column_missing",
                "Maßnahmenplan ohne Spalte 'Maßnahme' — Blatt übersprungen",
                cell=cell_ref(header_row, 0),
                **where,
            )
        )
        return schema.empty("measures"), log
    records: list[dict] = []
    seen: set[str] = set()
    section_field: str | None = None
    for r in range(header_row + 1, sheet.n_rows):
        values = sheet.row_values(r)
        filled = [v for v in values if not is_empty(v)]
        if not filled:
            continue
        title_col = cols[schema.TITLE]
        title = cell_text(sheet.merged_value(r, title_col))
        if r in sheet.hidden_rows:
            log.append(
                entry(
                    "hidden_row",
                    "ausgeblendete Zeile nicht ausgewertet",
                    cell=cell_ref(r, title_col),
                    severity=INFO,
                    **where,
                )
            )
            continue
        if not title:
            if len(filled) == 1:  # a section heading such as "Handlungsfeld Wohnen"
                section_field = re.sub(r"(?i)^handlungsfeld\s*:?\s*", "", cell_text(filled[0]))
                continue
            log.append(
                entry(
                    "measure_missing",
                    "Zeile ohne Maßnahme nicht ausgewertet",
                    cell=cell_ref(r, title_col),
                    **where,
                )
            )
            continue
        if is_total_label(title, vocabulary=vocab):
            log.append(
                entry(
                    "totals_row",
                    f"Summenzeile '{title}' nicht ausgewertet",
                    cell=cell_ref(r, title_col),
                    severity=INFO,
                    **where,
                )
            )
            continue
        section = section_name(sheet, r, title_col, vocabulary=vocab)
        if section is not None:  # "Handlungsfeld Wohnen" in the measure column, maybe merged
            section_field = section
            log.append(
                entry(
                    "section_row",
                    f"Abschnitt ‚{title}‘ — keine Maßnahme, Handlungsfeld der Zeilen darunter",
                    cell=cell_ref(r, title_col),
                    severity=INFO,
                    **where,
                )
            )
            continue
        rec = _plan_row(sheet, r, cols, title, round_id, reference_year, log, header_row)
        if rec[schema.FIELD] is None:
            rec[schema.FIELD] = section_field
        if rec[schema.MEASURE_ID] in seen:
            log.append(
                entry(
                    "measure_duplicate",
                    f"Maßnahme '{title}' steht doppelt im Plan — erste Zeile gilt",
                    cell=cell_ref(r, title_col),
                    **where,
                )
            )
            continue
        seen.add(rec[schema.MEASURE_ID])
        records.append(rec)
    return schema.conform(pd.DataFrame(records), "measures"), log


def _plan_row(
    sheet: Sheet,
    r: int,
    cols: dict[str, int],
    title: str,
    round_id: str,
    reference_year: int | None,
    log: list[LogEntry],
    header_row: int,
) -> dict:
    where = {"file": sheet.file, "sheet": sheet.name}

    def raw(role: str) -> object:
        return sheet.merged_value(r, cols[role]) if role in cols else None

    given_id = cell_text(raw(schema.MEASURE_ID))
    rec: dict = {
        schema.ROUND: round_id,
        schema.MEASURE_ID: given_id or measure_id(title),
        schema.TITLE: title,
        schema.SOURCE_FILE: sheet.file,
        schema.SOURCE_SHEET: sheet.name,
        schema.SOURCE_CELL: cell_ref(r, cols[schema.TITLE]),
    }
    for role in _TEXT_ROLES:
        rec[role] = cell_text(raw(role)) or None
    tf_raw = raw(schema.TIMEFRAME)
    tf = parse_timeframe(tf_raw, reference_year=reference_year)
    rec[schema.TIMEFRAME], rec[schema.TARGET_YEAR] = tf.category, tf.target_year
    if not tf.ok:
        log.append(
            entry(
                "timeframe_unreadable",
                f"Zeitraum ‚{cell_text(tf_raw)}‘ in {cell_ref(r, cols[schema.TIMEFRAME])} nicht "
                "erkannt — als unbekannt gezählt",
                cell=cell_ref(r, cols[schema.TIMEFRAME]),
                **where,
            )
        )
    low = high = None
    texts = []
    statuses = []
    for role, pick in ((COST_ROLE, "both"), (COST_MIN_ROLE, "min"), (COST_MAX_ROLE, "max")):
        if role not in cols or is_empty(raw(role)):
            continue
        unit = header_unit(sheet.merged_value(header_row, cols[role]))
        parsed = parse_cost(raw(role), unit_factor=unit)
        texts.append(parsed.text)
        statuses.append(parsed.status)
        log.extend(cost_entries(parsed, sheet=sheet, cell=cell_ref(r, cols[role])))
        if parsed.status == COST_UNREADABLE:
            continue
        if pick in ("both", "min") and parsed.min is not None:
            low = parsed.min
        if pick in ("both", "max") and parsed.max is not None:
            high = parsed.max
    if low is not None and high is not None and low > high:
        log.append(
            entry(
                "cost_unreadable",
                "'Kosten von' ist größer als 'Kosten bis' — als unbekannt gezählt",
                cell=cell_ref(r, cols.get(COST_MIN_ROLE, cols[schema.TITLE])),
                **where,
            )
        )
        low = high = None
    if statuses and set(statuses) == {COST_ZERO}:  # "keine" in one column means 0 … 0
        low = high = 0.0
    rec[schema.COST_MIN], rec[schema.COST_MAX] = low, high
    rec[schema.COST_TEXT] = " – ".join(texts) or None
    for role in (schema.IMPACT, schema.EFFORT):
        number = parse_raw_rating(raw(role))
        rec[role] = number if number is not None and 1 <= number <= 5 else None
    status_raw = raw(schema.STATUS)
    rec[schema.STATUS] = parse_status(status_raw)
    if rec[schema.STATUS] is None and not is_empty(status_raw):
        log.append(
            entry(
                "status_unknown",
                f"Status '{cell_text(status_raw)}' unbekannt — erlaubt: "
                + ", ".join(STATUS_LABELS.values()),
                cell=cell_ref(r, cols[schema.STATUS]),
                **where,
            )
        )
    progress_raw = raw(schema.PROGRESS)
    rec[schema.PROGRESS] = parse_progress(progress_raw)
    if rec[schema.PROGRESS] is None and not is_empty(progress_raw):
        log.append(
            entry(
                "progress_unreadable",
                f"Fortschritt '{cell_text(progress_raw)}' nicht lesbar (0–100 %)",
                cell=cell_ref(r, cols[schema.PROGRESS]),
                **where,
            )
        )
    return rec


def progress_by_field(measures: pd.DataFrame) -> pd.DataFrame:
    """Implementation status per Handlungsfeld.

    Returns
    -------
    pandas.DataFrame
        ``field``, ``n``, one ``n_<status>`` column per key of :data:`STATUSES`,
        ``n_status_missing``, ``n_progress`` (measures with a progress value), ``progress_mean``
        (mean over those only) and ``rule`` (the rule in German); sorted by field, missing
        field last.
    """
    cols = [
        schema.FIELD,
        "n",
        *(f"n_{s}" for s in STATUSES),
        "n_status_missing",
        "n_progress",
        "progress_mean",
        "rule",
    ]
    rows = []
    df = measures[[schema.FIELD, schema.STATUS, schema.PROGRESS]]
    for key, group in df.groupby(schema.FIELD, dropna=False, sort=True):
        status = group[schema.STATUS]
        progress = pd.to_numeric(group[schema.PROGRESS]).astype("Float64").dropna()
        row = {schema.FIELD: key, "n": len(group)}
        row |= {f"n_{s}": int((status == s).fillna(False).sum()) for s in STATUSES}
        row["n_status_missing"] = int(status.isna().sum())
        row["n_progress"] = len(progress)
        row["progress_mean"] = float(progress.mean()) if len(progress) else None
        row["rule"] = PROGRESS_RULE
        rows.append(row)
    out = pd.DataFrame(rows, columns=cols)
    types = {c: "Int64" for c in cols if c.startswith("n")}
    types |= {schema.FIELD: "string", "progress_mean": "Float64", "rule": "string"}
    out = out.astype(types)
    return out.sort_values(schema.FIELD, na_position="last", kind="stable").reset_index(drop=True)
