"""Rating sheets → one row per rater × measure × criterion, plus the attributes of each measure.

The layout — long form, a column per rater under one or two header rows, combined headers
("Wirkung LRA"), a sheet per rater — is recognised by :mod:`flueko.ingest.rating_layout`.
Headers are matched case- and umlaut-insensitively against the ``headers`` lists of the round's
vocabulary (``resources/vocabulary.yaml``). A scale hint in a header ("Wirkung (1-3)") sets the
scale of that criterion, otherwise it is inferred from all its columns together
(:func:`flueko.ingest.scales.detect_scale`); symbols ``++ … --`` and words (hoch/mittel/niedrig)
are read as well. Every value is stored on the common 1–5 scale, and ``scale_min``/``scale_max``
describe the stored value (1, 5); the scale each criterion was read on is logged once per sheet
(``rating_scale``). Rater names are stored as given here; :mod:`flueko.ingest.raters` replaces
them by pseudonyms for the whole round.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from flueko import schema
from flueko.ids import measure_id
from flueko.ingest.cells import cell_text
from flueko.ingest.detect import is_total_label
from flueko.ingest.money import COST_OK, COST_UNREADABLE, COST_ZERO, header_unit, parse_cost
from flueko.ingest.rating_layout import (
    FROM_ROW,
    RatingLayout,
    criterion_in,
    is_legend,
    match_header,
    rating_layout,
    section_name,
)
from flueko.ingest.scales import (
    TARGET_SCALE,
    describe_scale,
    detect_scale,
    has_words,
    is_not_given,
    is_symbol_scale,
    is_verbal_five,
    parse_rating,
    scale_from_header,
)
from flueko.ingest.timeframe import parse_timeframe, reference_year_from_round
from flueko.log import INFO, WARNING, LogEntry, entry
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.vocabulary import Vocabulary, header_key, or_default

__all__ = ["RatingLayout", "criterion_in", "header_map", "match_header", "rating_layout"]

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
    schema.IDEA_IDS,
    schema.SOURCE_FILE,
    schema.SOURCE_SHEET,
    schema.SOURCE_CELL,
)
"""Columns of the measure attributes table (dtypes as in ``schema.TABLES["measures"]``)."""

_TEXT_ATTRS = (schema.FIELD, schema.RESPONSIBLE, schema.PARTNERS, schema.IDEA_IDS)
"""Attributes kept as written; ``idea_ids`` („Karten-IDs (Herkunft)“, e.g. of flueko's rating
sheet template) are the cards the measure came from — the pipeline applies them as pins."""


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
        0-based row of the (first) header row; a second header row below it is recognised
        (:func:`flueko.ingest.rating_layout.rating_layout`).
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
        ``ratings`` follows ``schema.TABLES["ratings"]`` (value on 1–5, ``scale_min``/
        ``scale_max`` 1/5); a missing rating gives no row and is counted in one info entry
        ("rating_missing"). ``attrs`` has one row per measure with :data:`ATTR_COLUMNS` (first
        non-empty value per measure; for costs the first readable one). ``log`` names every
        cell not read (unreadable values, mean columns, legend, section and totals rows) and
        the scale each criterion was read on.
    """
    if reference_year is None:
        reference_year = reference_year_from_round(round_id)
    vocab = or_default(vocabulary)
    lay = rating_layout(sheet, header_row=header_row, vocabulary=vocab)
    cols = lay.roles
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
    for col, why in sorted(lay.ignored.items()):
        log.append(
            entry(
                "mean_column",
                f"Spalte „{lay.headers.get(col, '')}“ ({why}) nicht ausgewertet",
                cell=cell_ref(lay.header_rows[-1], col),
                severity=INFO,
                **where,
            )
        )
    data_rows = range(lay.data_start, sheet.n_rows)
    scales = _scales(sheet, lay, data_rows)
    if lay.targets:
        log.append(
            entry(
                "rating_scale",
                "Skala: "
                + " · ".join(
                    dict.fromkeys(
                        f"{_CRITERION_LABELS.get(t.criterion, t.criterion)} {scales[t.col][3]}"
                        for t in lay.targets
                    )
                )
                + (f" ({_LAYOUT_LABELS[lay.layout]})" if lay.layout in _LAYOUT_LABELS else ""),
                severity=INFO,
                **where,
            )
        )
    title_col = cols[schema.TITLE]
    targets = [(t.rater, t.criterion, t.col) for t in lay.targets]
    ratings: list[dict] = []
    attrs: dict[str, dict] = {}
    seen: set[tuple[str, str, str]] = set()
    n_missing = 0
    section: str | None = None
    for r in data_rows:
        title = cell_text(sheet.merged_value(r, title_col))
        has_values = any(not is_empty(sheet.value(r, c)) for _, _, c in targets)
        skip = _skip_row(sheet, r, title, has_values, title_col, vocab)
        if skip is not None:
            if skip[0] == "section_row":
                section = skip[2]
            if skip[0]:
                log.append(
                    entry(skip[0], skip[1], cell=cell_ref(r, title_col), severity=skip[3], **where)
                )
            continue
        mid = measure_id(title)
        row_rater = None
        if RATER_ROLE in cols:
            row_rater = cell_text(sheet.merged_value(r, cols[RATER_ROLE]))
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
            if criterion == FROM_ROW:
                criterion = _row_criterion(sheet, r, cols["criterion"], col, vocab, log, where)
                if criterion is None:
                    continue
            raw = sheet.value(r, col)
            if is_empty(raw):
                n_missing += 1
                continue
            lo_hi, five, symbols, _ = scales[col]
            value = parse_rating(raw, scale=lo_hi, five_step_words=five, symbols=symbols)
            ref = cell_ref(r, col)
            if value is None:
                given = is_not_given(raw)
                log.append(
                    entry(
                        "rating_not_given" if given else "rating_unreadable",
                        f"Bewertung ‚{cell_text(raw)}‘ in {ref} "
                        + ("heißt: keine Angabe" if given else "nicht lesbar")
                        + " — nicht gezählt",
                        cell=ref,
                        severity=INFO if given else WARNING,
                        **where,
                    )
                )
                continue
            key = (mid, str(who), criterion)
            if key in seen:
                log.append(
                    entry(
                        "rating_duplicate",
                        f"doppelte Bewertung für '{title}' in {ref} — die erste gilt",
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
                    schema.SCALE_MIN: float(TARGET_SCALE[0]),
                    schema.SCALE_MAX: float(TARGET_SCALE[1]),
                    schema.SOURCE_FILE: sheet.file,
                    schema.SOURCE_SHEET: sheet.name,
                    schema.SOURCE_CELL: ref,
                }
            )
        _collect_attrs(attrs, sheet, r, lay, mid, title, round_id, reference_year, log)
        if section and attrs[mid].get(schema.FIELD) is None:
            attrs[mid][schema.FIELD] = section

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


_CRITERION_LABELS = {
    schema.IMPACT: "Wirkung",
    schema.EFFORT: "Aufwand",
    schema.URGENCY: "Dringlichkeit",
    schema.FEASIBILITY: "Umsetzbarkeit",
    FROM_ROW: "Bewertung",
}
_LAYOUT_LABELS = {
    "long": "eine Zeile je Bewerter/in und Maßnahme",
    "tall": "eine Zeile je Bewerter/in, Maßnahme und Kriterium",
    "matrix": "Spalte je Bewerter/in unter zwei Kopfzeilen",
    "combined": "Spalte je Bewerter/in und Kriterium",
    "per_rater_sheet": "ein Blatt je Bewerter/in, Blattname = Bewerter/in",
}


def _row_criterion(
    sheet: Sheet, r: int, crit_col: int, col: int, vocab: Vocabulary, log: list, where: dict
) -> str | None:
    """The criterion a row of a ``tall`` sheet names in its criterion column ("Wirkung (1-5)"
    → ``impact``); ``None`` — and a log entry naming the value's cell, which is not counted,
    when the row has one — for any other."""
    named = cell_text(sheet.merged_value(r, crit_col))
    criterion = criterion_in(header_key(named), vocab.headers) if named else None
    if criterion is None and not is_empty(sheet.value(r, col)):
        log.append(
            entry(
                "rating_criterion_unknown",
                f"Kriterium ‚{named}‘ unbekannt (erwartet: Wirkung, Aufwand, Dringlichkeit, "
                "Umsetzbarkeit) — Bewertung nicht gezählt; weitere Kriterien in vocabulary.yaml",
                cell=cell_ref(r, col),
                severity=WARNING,
                **where,
            )
        )
    return criterion


def _scales(sheet: Sheet, lay: RatingLayout, data_rows: range) -> dict[int, tuple]:
    """Column → (numeric scale, five verbal steps, symbols, description). A scale hint in the
    column's header wins; otherwise the scale is inferred from all columns of the criterion
    together (a rater who gave at most 5 on a 1–10 sheet is still on 1–10)."""
    out: dict[int, tuple] = {}
    for criterion in dict.fromkeys(t.criterion for t in lay.targets):
        cols = [t.col for t in lay.targets if t.criterion == criterion]
        values = [sheet.value(r, c) for c in cols for r in data_rows]
        five, symbols, words = is_verbal_five(values), is_symbol_scale(values), has_words(values)
        pooled = detect_scale(values)
        for c in cols:
            hint = next(
                (
                    s
                    for row in lay.header_rows
                    if (s := scale_from_header(cell_text(sheet.merged_value(row, c))))
                ),
                None,
            )
            scale = hint or pooled
            text = describe_scale(scale, five_step_words=five, symbols=symbols, words=words)
            out[c] = (scale, five, symbols, text + (" (laut Kopfzeile)" if hint else ""))
    return out


def _skip_row(
    sheet: Sheet, r: int, title: str, has_values: bool, title_col: int, vocab: Vocabulary
) -> tuple[str, str, str | None, str] | None:
    """Why a data row is no measure: (code, message, section name, severity), code "" for a
    silently skipped empty row; ``None`` for a measure row."""
    if r in sheet.hidden_rows:
        if title or has_values:
            return "hidden_row", "ausgeblendete Zeile nicht ausgewertet", None, INFO
        return "", "", None, INFO
    if not title:
        if has_values:
            return (
                "measure_missing",
                "Bewertung ohne Maßnahme — Zeile nicht ausgewertet",
                None,
                WARNING,
            )
        return "", "", None, INFO
    if is_total_label(title, vocabulary=vocab):
        return "totals_row", f"Summen-/Mittelwertzeile '{title}' nicht ausgewertet", None, INFO
    if not has_values and is_legend(title):
        return "legend_row", f"Legende ‚{title}‘ — keine Maßnahme", None, INFO
    if not has_values and (name := section_name(sheet, r, title_col, vocabulary=vocab)):
        return "section_row", f"Abschnitt ‚{title}‘ — keine Maßnahme", name, INFO
    return None


def cost_entries(parsed, *, sheet: Sheet, cell: str, what: str = "Kosten") -> list[LogEntry]:
    """Log entries for a parsed cost cell: not readable (counted as unknown), or read with an
    assumption (per month annualised, unit from the header)."""
    where = {"file": sheet.file, "sheet": sheet.name}
    if parsed.status == COST_UNREADABLE:
        return [
            entry(
                "cost_unreadable",
                f"{what} ‚{parsed.text}‘ in {cell} nicht lesbar — als unbekannt gezählt",
                cell=cell,
                **where,
            )
        ]
    if parsed.note:
        return [
            entry(
                "cost_assumed",
                f"{what} ‚{parsed.text}‘ in {cell}: {parsed.note}",
                cell=cell,
                severity=INFO,
                **where,
            )
        ]
    return []


def _collect_attrs(
    attrs: dict[str, dict],
    sheet: Sheet,
    r: int,
    lay: RatingLayout,
    mid: str,
    title: str,
    round_id: str,
    reference_year: int | None,
    log: list[LogEntry],
) -> None:
    cols = lay.roles
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
            ref = cell_ref(r, cols[schema.TIMEFRAME])
            if not tf.ok:
                log.append(
                    entry(
                        "timeframe_unreadable",
                        f"Zeitraum ‚{cell_text(raw)}‘ in {ref} nicht erkannt — als unbekannt "
                        "gezählt",
                        cell=ref,
                        **where,
                    )
                )
            elif tf.category is not None or rec.get(schema.TARGET_YEAR) is None:
                rec[schema.TIMEFRAME] = tf.category
                rec[schema.TARGET_YEAR] = tf.target_year
    cost_col = cols.get(COST_ROLE)
    if cost_col is not None and rec.get("_cost_final") is None:
        raw = sheet.value(r, cost_col)  # a cost merged over a measure's rows: its top cell
        if not is_empty(raw):
            unit = header_unit(lay.headers.get(cost_col, ""))
            parsed = parse_cost(raw, unit_factor=unit)
            log.extend(cost_entries(parsed, sheet=sheet, cell=cell_ref(r, cost_col)))
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
