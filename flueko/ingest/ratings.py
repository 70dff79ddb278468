"""Rating sheets → one row per rater × measure × criterion, plus the attributes of each measure.

Three layouts are recognised from the header row:

- long: one row per rater × measure (a column Bewerter/in, Teilnehmer, TN or Person);
- column block per rater: headers such as "TN01 Wirkung", "Aufwand – Müller";
- sheet per rater: neither of the above; the rater is the sheet name.

Headers are matched case- and umlaut-insensitively against the ``headers`` lists of the round's
vocabulary (``resources/vocabulary.yaml``); a scale hint in a header ("Wirkung (1-3)") sets the
scale of that column, otherwise it is inferred (:func:`flueko.ingest.scales.detect_scale`).
Values are normalised onto 1–5; ``scale_min``/``scale_max`` keep the raw scale, so the raw value
can be recovered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from flueko import schema
from flueko.ids import measure_id
from flueko.ingest.cells import cell_text
from flueko.ingest.detect import is_total_label
from flueko.ingest.money import COST_OK, COST_UNREADABLE, COST_ZERO, parse_cost
from flueko.ingest.scales import detect_scale, is_verbal_five, parse_rating, scale_from_header
from flueko.ingest.timeframe import parse_timeframe, reference_year_from_round
from flueko.log import INFO, WARNING, LogEntry, entry
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.vocabulary import Vocabulary, header_key, or_default

# roles of header cells besides schema columns (checked in flueko.vocabulary.HEADER_ROLES order)
COST_MIN_ROLE = "cost_min"
COST_MAX_ROLE = "cost_max"
COST_ROLE = "cost"
NUMBER_ROLE = "number"
RATER_ROLE = "rater"
ATTR_COLUMNS: tuple[str, ...] = (
    schema.ROUND,
    schema.MEASURE_ID,
    schema.TITLE,
    schema.FIELD,
    schema.RESPONSIBLE,
    schema.PARTNERS,
    schema.TIMEFRAME,
    schema.TARGET_YEAR,
    schema.COST_MIN,
    schema.COST_MAX,
    schema.COST_TEXT,
    schema.SOURCE_FILE,
    schema.SOURCE_SHEET,
    schema.SOURCE_CELL,
)
"""Columns of the measure attributes table (dtypes as in ``schema.TABLES["measures"]``)."""

_TEXT_ATTRS = (schema.FIELD, schema.RESPONSIBLE, schema.PARTNERS)


def normalise_header(value: object) -> str:
    """Header text folded for matching: no scale hint, no gender suffix, no punctuation."""
    return header_key(cell_text(value))


def match_header(
    value: object, roles: Iterable[str] | None = None, *, vocabulary: Vocabulary | None = None
) -> str | None:
    """The role of a header cell (a key of the vocabulary's ``headers``), ``None`` if unknown."""
    norm = normalise_header(value)
    if not norm:
        return None
    headers = or_default(vocabulary).headers
    for role in roles or headers:
        for syn in headers[role]:
            if norm == syn or norm.startswith(syn + " "):
                if role == RATER_ROLE and _criterion_in(norm, headers):
                    return None  # "TN 01 Wirkung" is a rater's column block
                return role
    return None


def _criterion_in(norm: str, headers: Mapping[str, tuple[str, ...]]) -> str | None:
    for criterion in schema.CRITERIA:
        if any(re.search(rf"\b{s}\b", norm) for s in headers[criterion]):
            return criterion
    return None


def header_map(
    sheet: Sheet, header_row: int, *, vocabulary: Vocabulary | None = None
) -> dict[str, int]:
    """Role → 0-based column of the first header cell with that role."""
    vocab = or_default(vocabulary)
    found: dict[str, int] = {}
    for col, value in enumerate(sheet.row_values(header_row)):
        role = match_header(value, vocabulary=vocab)
        if role is not None and role not in found:
            found[role] = col
    return found


@dataclass(frozen=True)
class _Block:
    rater: str
    criterion: str
    col: int


def _rater_blocks(
    sheet: Sheet, header_row: int, headers: Mapping[str, tuple[str, ...]]
) -> list[_Block]:
    """Column blocks per rater: used when a criterion heads two or more columns."""
    found: list[tuple[int, str, str]] = []
    for col, value in enumerate(sheet.row_values(header_row)):
        if is_empty(value):
            continue
        criterion = _criterion_in(normalise_header(value), headers)
        if criterion is not None:
            found.append((col, criterion, cell_text(value)))
    counts = pd.Series([c for _, c, _ in found], dtype="string").value_counts()
    if counts.empty or counts.max() < 2:
        return []
    blocks = []
    for col, criterion, text in found:
        rest = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
        for syn in headers[criterion]:
            pattern = re.escape(syn).replace("ae", "(?:ae|ä)").replace("ue", "(?:ue|ü)")
            rest = re.sub(rf"(?i)\b{pattern}\b", " ", rest)
        rest = " ".join(re.sub(r"^[\s:\-–—_/|.,]+|[\s:\-–—_/|.,]+$", "", rest).split())
        if rest:
            blocks.append(_Block(rest, criterion, col))
    return blocks


def parse_ratings_sheet(
    sheet: Sheet,
    *,
    header_row: int,
    round_id: str,
    reference_year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, list[LogEntry]]:
    """Read a rating sheet.

    Parameters
    ----------
    sheet
        The worksheet.
    header_row
        0-based row of the header.
    round_id
        Round the sheet belongs to.
    reference_year
        Year for turning "2018" into a timeframe category; default: the year the round id
        starts with.
    vocabulary
        The round's header words (default: the packaged ones).

    Returns
    -------
    ratings, attrs, log
        ``ratings`` follows ``schema.TABLES["ratings"]`` (value on 1–5, raw scale kept); a
        missing rating gives no row and is counted in one info entry ("rating_missing").
        ``attrs`` has one row per measure with :data:`ATTR_COLUMNS` (first non-empty value per
        measure; for costs the first readable one). ``log`` names every unreadable cell.
    """
    if reference_year is None:
        reference_year = reference_year_from_round(round_id)
    vocab = or_default(vocabulary)
    cols = header_map(sheet, header_row, vocabulary=vocab)
    log: list[LogEntry] = []
    where = {"file": sheet.file, "sheet": sheet.name}
    if schema.TITLE not in cols:
        log.append(
            entry(
                "measure_column_missing",
                "Bewertungsbogen ohne Spalte 'Maßnahme' — Blatt übersprungen",
                cell=cell_ref(header_row, 0),
                severity=WARNING,
                **where,
            )
        )
        return schema.empty("ratings"), _attrs_frame([]), log

    # (rater or None, criterion, col); None = the rater comes from the rater column
    targets: list[tuple[str | None, str, int]]
    if RATER_ROLE in cols:
        targets = [(None, c, cols[c]) for c in schema.CRITERIA if c in cols]
    else:
        blocks = _rater_blocks(sheet, header_row, vocab.headers)
        if blocks:
            targets = [(b.rater, b.criterion, b.col) for b in blocks]
        else:
            rater = sheet.name or sheet.file
            targets = [(rater, c, cols[c]) for c in schema.CRITERIA if c in cols]
    data_rows = range(header_row + 1, sheet.n_rows)
    scales = {}
    for _, _, col in targets:
        values = [sheet.value(r, col) for r in data_rows]
        hint = scale_from_header(cell_text(sheet.value(header_row, col)))
        scales[col] = (hint or detect_scale(values), is_verbal_five(values))

    ratings: list[dict] = []
    attrs: dict[str, dict] = {}
    seen: set[tuple[str, str, str]] = set()
    n_missing = 0
    for r in data_rows:
        title = cell_text(sheet.merged_value(r, cols[schema.TITLE]))
        has_values = any(not is_empty(sheet.value(r, c)) for _, _, c in targets)
        if r in sheet.hidden_rows:
            if title or has_values:
                log.append(
                    entry(
                        "hidden_row",
                        "ausgeblendete Zeile nicht ausgewertet",
                        cell=cell_ref(r, cols[schema.TITLE]),
                        severity=INFO,
                        **where,
                    )
                )
            continue
        if not title:
            if has_values:
                log.append(
                    entry(
                        "measure_missing",
                        "Bewertung ohne Maßnahme — Zeile nicht ausgewertet",
                        cell=cell_ref(r, cols[schema.TITLE]),
                        **where,
                    )
                )
            continue
        if is_total_label(title, vocabulary=vocab):
            log.append(
                entry(
                    "totals_row",
                    f"Summen-/Mittelwertzeile '{title}' nicht ausgewertet",
                    cell=cell_ref(r, cols[schema.TITLE]),
                    severity=INFO,
                    **where,
                )
            )
            continue
        mid = measure_id(title)
        row_rater = None
        if RATER_ROLE in cols:
            row_rater = cell_text(sheet.value(r, cols[RATER_ROLE]))
            if not row_rater and has_values:
                row_rater = f"Zeile {r + 1}"
                log.append(
                    entry(
                        "rater_missing",
                        f"Bewertung ohne Namen — als '{row_rater}' gezählt",
                        cell=cell_ref(r, cols[RATER_ROLE]),
                        **where,
                    )
                )
        for rater, criterion, col in targets:
            who = rater if rater is not None else row_rater
            raw = sheet.value(r, col)
            if is_empty(raw):
                n_missing += 1
                continue
            (lo, hi), five = scales[col]
            value = parse_rating(raw, scale=(lo, hi), five_step_words=five)
            ref = cell_ref(r, col)
            if value is None:
                log.append(
                    entry(
                        "rating_unreadable",
                        f"Bewertung '{cell_text(raw)}' nicht lesbar (Skala {lo}–{hi})",
                        cell=ref,
                        **where,
                    )
                )
                continue
            key = (mid, str(who), criterion)
            if key in seen:
                log.append(
                    entry(
                        "rating_duplicate",
                        f"doppelte Bewertung von '{who}' für '{title}' — erste gilt",
                        cell=ref,
                        **where,
                    )
                )
                continue
            seen.add(key)
            ratings.append(
                {
                    schema.ROUND: round_id,
                    schema.MEASURE_ID: mid,
                    schema.TITLE: title,
                    schema.RATER: who,
                    schema.CRITERION: criterion,
                    schema.VALUE: value,
                    schema.SCALE_MIN: float(lo),
                    schema.SCALE_MAX: float(hi),
                    schema.SOURCE_FILE: sheet.file,
                    schema.SOURCE_SHEET: sheet.name,
                    schema.SOURCE_CELL: ref,
                }
            )
        _collect_attrs(attrs, sheet, r, cols, mid, title, round_id, reference_year, log)

    if n_missing:
        log.append(
            entry(
                "rating_missing",
                f"{n_missing} Bewertungsfelder leer (nicht als Bewertung gezählt)",
                severity=INFO,
                **where,
            )
        )
    ratings_df = schema.conform(pd.DataFrame(ratings), "ratings")
    return ratings_df, _attrs_frame(list(attrs.values())), log


def _collect_attrs(
    attrs: dict[str, dict],
    sheet: Sheet,
    r: int,
    cols: dict[str, int],
    mid: str,
    title: str,
    round_id: str,
    reference_year: int | None,
    log: list[LogEntry],
) -> None:
    where = {"file": sheet.file, "sheet": sheet.name}
    rec = attrs.setdefault(
        mid,
        {
            schema.ROUND: round_id,
            schema.MEASURE_ID: mid,
            schema.TITLE: title,
            schema.SOURCE_FILE: sheet.file,
            schema.SOURCE_SHEET: sheet.name,
            schema.SOURCE_CELL: cell_ref(r, cols[schema.TITLE]),
        },
    )
    for role in _TEXT_ATTRS:
        if role in cols and rec.get(role) is None:
            text = cell_text(sheet.merged_value(r, cols[role]))
            rec[role] = text or None
    if schema.TIMEFRAME in cols and rec.get(schema.TIMEFRAME) is None:
        raw = sheet.merged_value(r, cols[schema.TIMEFRAME])
        if not is_empty(raw):
            tf = parse_timeframe(raw, reference_year=reference_year)
            if not tf.ok:
                log.append(
                    entry(
                        "timeframe_unreadable",
                        f"Zeitraum '{cell_text(raw)}' nicht erkannt",
                        cell=cell_ref(r, cols[schema.TIMEFRAME]),
                        **where,
                    )
                )
            elif tf.category is not None or rec.get(schema.TARGET_YEAR) is None:
                rec[schema.TIMEFRAME] = tf.category
                rec[schema.TARGET_YEAR] = tf.target_year
    cost_col = cols.get(COST_ROLE)
    if cost_col is not None and rec.get("_cost_final") is None:
        raw = sheet.merged_value(r, cost_col)
        if not is_empty(raw):
            parsed = parse_cost(raw)
            if parsed.status == COST_UNREADABLE:
                log.append(
                    entry(
                        "cost_unreadable",
                        f"Kostenangabe '{parsed.text}' nicht lesbar — als unbekannt gezählt",
                        cell=cell_ref(r, cost_col),
                        **where,
                    )
                )
            if rec.get(schema.COST_TEXT) is None or parsed.status in (COST_OK, COST_ZERO):
                rec[schema.COST_TEXT] = parsed.text
                rec[schema.COST_MIN] = parsed.min
                rec[schema.COST_MAX] = parsed.max
            if parsed.status in (COST_OK, COST_ZERO):
                rec["_cost_final"] = True


def _attrs_frame(records: Sequence[dict]) -> pd.DataFrame:
    spec = schema.TABLES["measures"]
    df = pd.DataFrame([{k: rec.get(k) for k in ATTR_COLUMNS} for rec in records])
    if df.empty:
        df = pd.DataFrame(columns=list(ATTR_COLUMNS))
    full = schema.conform(df, "measures")
    return full[list(ATTR_COLUMNS)].astype({c: spec[c] for c in ATTR_COLUMNS})
