"""Follow-up surveys: match headers and items, parse survey sheets into ``survey_responses``.

Header matching (:func:`match_item`) lives in :mod:`flueko.ingest.survey_dictionary`, the
column roles in :mod:`flueko.ingest.survey_columns`, legends and export tables in
:mod:`flueko.ingest.survey_sources`.

The survey dictionary (``resources/survey_items.yaml``, loaded by the caller with
``flueko.config.load_settings("survey_items.yaml", …)``) is passed in as ``items=``; its lookup
tables are built by :mod:`flueko.ingest.survey_dictionary`. Summaries per item, group and round
and the protection of small groups are in :mod:`flueko.analyse.survey_stats`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from flueko import schema
from flueko.ingest import likert, survey_legend
from flueko.ingest import survey_sources as sources
from flueko.ingest.survey_columns import Column, classify_headers, judge_unknown
from flueko.ingest.survey_dictionary import (
    COMMENT_ITEM,
    FUZZY_THRESHOLD,
    match_item,
    normalise_group,
)
from flueko.log import INFO, WARNING, LogEntry, entry
from flueko.privacy import mask_personal_data
from flueko.sheet import Sheet, cell_ref, column_letter, is_empty

__all__ = ["FUZZY_THRESHOLD", "match_item", "normalise_group", "parse_survey_sheet"]

_HINT_IN_HEADER = re.compile(r"\d+\s*=\s*[^\d,;=()]*[A-Za-zÄÖÜäöüß]")


# --- parsing ---------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


@dataclass
class _Context:
    sheet: Sheet
    round_id: str
    items: Mapping[str, Any]
    scale_hint: str | None
    log: list[LogEntry]
    legend: list[tuple[int, str]] = field(default_factory=list)
    legend_origin: str = ""
    source: sources.SurveySource = field(default_factory=sources.SurveySource)
    assumed: list[str] = field(default_factory=list)
    coded: list[str] = field(default_factory=list)

    def note(self, code: str, message: str, *, row: int | None, col: int, severity: str = WARNING):
        """Log ``message`` at a cell; ``row=None``: about the sheet (a column that is read)."""
        cell = "" if row is None else cell_ref(row, col)
        self.log.append(
            entry(code, message, file=self.sheet.file, sheet=self.sheet.name, cell=cell,
                  severity=severity)
        )  # fmt: skip


def parse_survey_sheet(
    sheet: Sheet,
    *,
    header_row: int,
    round_id: str,
    items: Mapping[str, Any],
    scale_hint: str | None = None,
    source: sources.SurveySource | None = None,
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Read a survey sheet (wide: a column per item; long: respondent | group | item | answer).

    Parameters
    ----------
    sheet
        The worksheet as delivered by a reader.
    header_row
        0-based index of the header row.
    round_id
        Round id written into every row.
    items
        The survey dictionary (``survey_items.yaml``).
    scale_hint
        From round.yaml ``hints: {survey_scale: "1=sehr zufrieden"}``: the meaning of numeric
        codes. The file's own scale wins: a header with its own hint ("Moderation (1 = sehr
        gut, 5 = mangelhaft)"), value labels, a legend row above the header or in ``source``.
    source
        What the file says beside the data (:mod:`flueko.ingest.survey_sources`): a legend
        sheet, the labels and value labels of a survey-tool export.

    Returns
    -------
    responses, log
        A ``survey_responses`` table (one row per respondent × item; comments as item
        ``"kommentar"`` with personal data masked) and the problems found.
    """
    ctx = _Context(sheet, round_id, items, scale_hint, [])
    ctx.source = source or sources.SurveySource()
    legend, legend_row = sources.legend_above(sheet, header_row)
    if legend:
        ctx.legend, ctx.legend_origin = legend, f"Legende in Zeile {legend_row + 1}"
    elif ctx.source.legend:
        ctx.legend, ctx.legend_origin = list(ctx.source.legend), ctx.source.origin
    headers = [_text(v) or "" for v in sheet.row_values(header_row)]
    columns = classify_headers(
        headers, items, match=lambda h: match_item(h, items=items)[0], system=ctx.source.system
    )
    roles = {c.role for c in columns}
    if "answer" in roles and "item" in roles:
        rows = _parse_long(ctx, header_row, columns)
    else:
        rows = _parse_wide(ctx, header_row, columns)
    if ctx.assumed:
        shown = ", ".join(f"'{h}'" for h in ctx.assumed[:3]) + (
            " …" if len(ctx.assumed) > 3 else ""
        )
        ctx.note(
            "survey_scale_assumed",
            f"Zahlencodes ohne Legende ({shown}): angenommen, dass die höchste Zahl die beste "
            "Antwort ist — falls 1 die beste ist: in round.yaml "
            'hints: {survey_scale: "1=sehr zufrieden"} eintragen oder eine Legende '
            "(„1 = sehr gut … 5 = schlecht“) über die Kopfzeile schreiben",
            row=None,
            col=0,
            severity=INFO,
        )
    if ctx.coded:
        ctx.log.append(survey_legend.direction_warning(sheet.file, sheet.name, ctx.coded))
    if not rows:
        return schema.empty("survey_responses"), ctx.log
    df = pd.DataFrame(rows)
    return schema.conform(df, "survey_responses"), ctx.log


def _data_rows(ctx: _Context, header_row: int, used: list[int]) -> list[int]:
    out, empty = [], []
    for r in range(header_row + 1, ctx.sheet.n_rows):
        if all(is_empty(ctx.sheet.value(r, c)) for c in used):
            if any(not is_empty(v) for v in ctx.sheet.row_values(r)):
                empty.append(r)
            continue
        if sources.is_summary_row(ctx.sheet.row_values(r)):
            ctx.note(
                "survey_summary_row",
                "Zeile mit Mittelwerten oder Anzahlen unter den Daten zählt nicht als Rückmeldung",
                row=r,
                col=0,
                severity=INFO,
            )
            continue
        if r in ctx.sheet.hidden_rows:
            ctx.note(
                "survey_hidden_row",
                "Ausgeblendete Zeile wird mit ausgewertet",
                row=r,
                col=0,
                severity=INFO,
            )
        out.append(r)
    for r in empty:
        ctx.note(
            "survey_empty_row",
            "Zeile enthält keine Antworten in den erkannten Spalten und wird übersprungen",
            row=r,
            col=0,
            severity=INFO,
        )
    return out


def _scale_for(
    ctx: _Context, answers: list[object], header: str = "", col: int | None = None
) -> dict[str, Any]:
    """How to read a column's answers: its scale, and for codes the file's own direction.

    The header's own hint wins, then the column's value labels (survey-tool export), the
    file's legend (row above the header, legend sheet), the round's hint; without any, higher
    codes count as better and the column is noted as assumed.
    """
    scales = ctx.items.get("scales") or {}
    missing = ctx.items.get("missing") or {}
    value_labels = ctx.source.value_labels.get(col) if col is not None else None
    own = None  # the column's own range, beside the file's legend
    if header and _HINT_IN_HEADER.search(header):
        pairs = likert.legend_pairs(header)
        legend = likert.read_legend(pairs, scales=scales, missing=missing)
        own = legend.numeric_scale or survey_legend.hint_range(pairs, legend)
    elif value_labels:
        legend = likert.read_legend(value_labels.items(), scales=scales, missing=missing)
        own = survey_legend.value_label_range(value_labels, legend)
    elif ctx.legend:
        legend = likert.read_legend(ctx.legend, scales=scales, missing=missing)
    else:
        direction, numeric = likert.parse_scale_hint(ctx.scale_hint, scales=scales)
        legend = likert.Legend(direction, numeric)
    numeric = own or legend.numeric_scale
    if numeric is None:
        default = (ctx.items.get("numeric") or {}).get("default_range") or [1, 5]
        numeric = (int(default[0]), int(default[1]))
    name = likert.detect_scale(answers, scales=scales)
    codes = [likert._code_of(a) for a in answers if likert.is_code(a)]
    negative = {c for c in codes if c is not None and c < 0}
    wide = None if own else survey_legend.answers_range(codes, numeric, legend.missing_codes)
    if wide is not None and name is None and header:
        numeric, legend = wide, likert.Legend(likert.AUTO, wide, legend.missing_codes)
        ctx.note("survey_own_range", survey_legend.own_range_message(header, wide), row=None,
                 col=col or 0, severity=INFO)  # fmt: skip
    if name is None and codes and legend.direction == likert.AUTO and header:
        ctx.assumed.append(header)
        if value_labels or any(survey_legend.is_answer_code(a) for a in answers):
            ctx.coded.append(header)
    return {
        "scales": {name: scales[name]} if name else scales,
        "missing": missing,
        "direction": legend.direction,
        "numeric_scale": numeric,
        "missing_codes": legend.missing_codes | negative,
    }


def _respondents(ctx: _Context, rows: list[int], header_row: int, id_col: int | None):
    ids: dict[int, str] = {}
    seen: set[str] = set()
    for r in rows:
        fallback = f"R{r - header_row:03d}"
        value = _text(ctx.sheet.value(r, id_col)) if id_col is not None else None
        if value is not None and value in seen:
            ctx.note(
                "survey_duplicate_respondent",
                f"Kennung '{value}' kommt mehrfach vor; diese Zeile zählt als {fallback}",
                row=r,
                col=id_col or 0,
            )
            value = None
        ids[r] = value or fallback
        seen.add(ids[r])
    return ids


def _group(ctx: _Context, r: int, col: int | None) -> str | None:
    if col is None:
        return None
    raw = ctx.sheet.value(r, col)
    if is_empty(raw):
        return None
    meaning = (ctx.source.value_labels.get(col) or {}).get(likert._code_of(raw))  # type: ignore[arg-type]
    if meaning is not None:
        raw = meaning
    groups = ctx.items.get("groups") or {}
    label = normalise_group(raw, groups=groups)
    if label is None:
        fallback = "Sonstige" if "Sonstige" in groups else None
        ctx.note(
            "survey_unknown_group",
            f"Gruppe '{mask_personal_data(str(raw))}' ist unbekannt und zählt als "
            f"'{fallback or 'ohne Gruppe'}' — in survey_items.yaml unter groups ergänzen",
            row=r,
            col=col,
            severity=INFO,
        )
        return fallback
    return label


def _answer_row(ctx, *, respondent, group, item, raw, reading, reader, r, c) -> dict[str, Any]:
    excluded = reading.excluded
    bounds = likert.scale_bounds(reading, scales=reader["scales"], numeric=reader["numeric_scale"])
    if reading.unknown:
        excluded = likert.UNKNOWN
        ctx.note(
            "survey_unknown_answer",
            f"Antwort '{mask_personal_data(str(raw))}' zu '{item}' passt zu keiner Antwortskala "
            "und wird nicht gewertet — Skala in survey_items.yaml ergänzen oder Zelle korrigieren",
            row=r,
            col=c,
        )
    return {
        schema.ROUND: ctx.round_id,
        schema.RESPONDENT: respondent,
        schema.GROUP: group,
        schema.ITEM: item,
        schema.ANSWER: _text(raw),
        schema.VALUE: reading.value,
        schema.SCALE_MIN: bounds[0],
        schema.SCALE_MAX: bounds[1],
        schema.EXCLUDED: excluded,
        schema.SOURCE_FILE: ctx.sheet.file,
        schema.SOURCE_SHEET: ctx.sheet.name,
        schema.SOURCE_CELL: cell_ref(r, c),
    }


def _comment_row(ctx, *, respondent, group, raw, r, c) -> dict[str, Any]:
    return {
        schema.ROUND: ctx.round_id,
        schema.RESPONDENT: respondent,
        schema.GROUP: group,
        schema.ITEM: COMMENT_ITEM,
        schema.ANSWER: mask_personal_data(str(_text(raw))),
        schema.VALUE: None,
        schema.EXCLUDED: None,
        schema.SOURCE_FILE: ctx.sheet.file,
        schema.SOURCE_SHEET: ctx.sheet.name,
        schema.SOURCE_CELL: cell_ref(r, c),
    }


def _first(columns: list[Column], role: str) -> int | None:
    return next((c.col for c in columns if c.role == role), None)


def _log_columns(ctx: _Context, header_row: int, columns: list[Column], skip: set[int]):
    for c in columns:
        if c.col in skip:
            continue
        has_data = any(
            not is_empty(ctx.sheet.value(r, c.col)) for r in range(header_row + 1, ctx.sheet.n_rows)
        )
        if c.role in ("unknown", "item", "answer") or (c.role == "empty" and has_data):
            shown = c.header or "(ohne Überschrift)"
            ctx.note(
                "survey_unknown_item",
                f"Spalte '{shown}' ist keinem Befragungsaspekt zugeordnet und wird nicht "
                "ausgewertet — Formulierung in survey_items.yaml (items → synonyms) ergänzen",
                row=header_row,
                col=c.col,
            )
        elif c.role == "ignore" or (c.role in ("respondent", "group") and c.col not in skip):
            ctx.note(
                "survey_ignored_column",
                f"Spalte '{c.header}' enthält keine Bewertung und wird nicht übernommen",
                row=header_row,
                col=c.col,
                severity=INFO,
            )


def _judge_columns(ctx: _Context, header_row: int, columns: list[Column]) -> list[Column]:
    """Unknown columns judged by their answers (items of their own, comments, or unknown)."""
    if not any(c.role == "unknown" for c in columns):
        return columns
    rows = [
        r
        for r in range(header_row + 1, ctx.sheet.n_rows)
        if not sources.is_summary_row(ctx.sheet.row_values(r))
    ]
    taken = {str(c.key) for c in columns if c.key}
    comment_key = str((ctx.items.get("comment") or {}).get("key", COMMENT_ITEM))
    out = []
    for c in columns:
        if c.role != "unknown":
            out.append(c)
            continue
        values = [v for v in (ctx.sheet.value(r, c.col) for r in rows) if not is_empty(v)]
        reader = _scale_for(ctx, values, col=c.col)
        out.append(
            judge_unknown(
                c,
                values,
                reader=lambda v, reader=reader: likert.map_answer(v, **reader),
                taken=taken,
                comment_key=comment_key,
            )
        )
    for c in out:
        if c.own:
            ctx.note(
                "survey_own_item",
                f"Spalte {column_letter(c.col)} '{c.header}' steht nicht im Fragenkatalog und "
                f"wird als eigene Frage '{c.key}' ausgewertet — zum Zusammenführen mit einem "
                "bekannten Aspekt die Formulierung in survey_items.yaml (items → synonyms) "
                "ergänzen",
                row=None,
                col=c.col,
                severity=INFO,
            )
    return out


def _parse_wide(ctx: _Context, header_row: int, columns: list[Column]) -> list[dict]:
    columns = _judge_columns(ctx, header_row, columns)
    id_col = _first(columns, "respondent")
    group_col = _first(columns, "group")
    answer_cols = [c for c in columns if c.role in ("score", "comment")]
    used = {c for c in (id_col, group_col) if c is not None}
    _log_columns(ctx, header_row, columns, used | {c.col for c in answer_cols})
    seen_items: dict[str, int] = {}
    for c in answer_cols:
        if c.role == "score" and c.key in seen_items:
            ctx.note(
                "survey_duplicate_item",
                f"Spalte '{c.header}' ist wie Spalte {cell_ref(header_row, seen_items[c.key])} "
                f"dem Aspekt '{c.key}' zugeordnet; beide werden gezählt",
                row=header_row,
                col=c.col,
            )
        seen_items.setdefault(str(c.key), c.col)
    if not answer_cols:
        return []
    rows = _data_rows(ctx, header_row, [c.col for c in answer_cols])
    ids = _respondents(ctx, rows, header_row, id_col)
    groups = {r: _group(ctx, r, group_col) for r in rows}
    readers = {
        c.col: _scale_for(ctx, [ctx.sheet.value(r, c.col) for r in rows], c.header, c.col)
        for c in answer_cols
        if c.role == "score"
    }
    out = []
    for r in rows:
        for c in answer_cols:
            raw = ctx.sheet.value(r, c.col)
            if c.role == "comment":
                if not is_empty(raw):
                    out.append(
                        _comment_row(ctx, respondent=ids[r], group=groups[r], raw=raw, r=r, c=c.col)
                    )
                continue
            reading = likert.map_answer(raw, **readers[c.col])
            out.append(
                _answer_row(
                    ctx,
                    respondent=ids[r],
                    group=groups[r],
                    item=c.key,
                    raw=raw,
                    reading=reading,
                    reader=readers[c.col],
                    r=r,
                    c=c.col,
                )
            )
    return out


def _parse_long(ctx: _Context, header_row: int, columns: list[Column]) -> list[dict]:
    id_col = _first(columns, "respondent")
    group_col = _first(columns, "group")
    item_col = _first(columns, "item")
    answer_col = _first(columns, "answer")
    used = [c for c in (id_col, group_col, item_col, answer_col) if c is not None]
    _log_columns(ctx, header_row, columns, set(used))
    rows = _data_rows(ctx, header_row, [item_col, answer_col])
    comment_key = str((ctx.items.get("comment") or {}).get("key", COMMENT_ITEM))
    keys: dict[str, str | None] = {}
    by_item: dict[str, list[int]] = {}
    for r in rows:
        text = _text(ctx.sheet.value(r, item_col)) or ""
        if text not in keys:
            keys[text] = match_item(text, items=ctx.items)[0]
            if keys[text] is None:
                ctx.note(
                    "survey_unknown_item",
                    f"Frage '{text or '(leer)'}' ist keinem Befragungsaspekt zugeordnet und wird "
                    "nicht ausgewertet — Formulierung in survey_items.yaml ergänzen",
                    row=r,
                    col=item_col,
                )
        key = keys[text]
        if key is not None:
            by_item.setdefault(key, []).append(r)
    readers = {
        key: _scale_for(ctx, [ctx.sheet.value(r, answer_col) for r in rs])
        for key, rs in by_item.items()
        if key != comment_key
    }
    ids: dict[int, str] = {}
    for r in rows:
        value = _text(ctx.sheet.value(r, id_col)) if id_col is not None else None
        ids[r] = value or f"R{r - header_row:03d}"
    out, seen = [], set()
    item_of = {r: key for key, rs in by_item.items() for r in rs}
    for r in rows:
        key = item_of.get(r)
        if key is None:
            continue
        if (ids[r], key) in seen and key != comment_key:
            ctx.note(
                "survey_duplicate_answer",
                f"'{ids[r]}' hat '{key}' mehrfach beantwortet; nur die erste Antwort zählt",
                row=r,
                col=answer_col,
            )
            continue
        seen.add((ids[r], key))
        raw = ctx.sheet.value(r, answer_col)
        group = _group(ctx, r, group_col)
        if key == comment_key:
            if not is_empty(raw):
                out.append(
                    _comment_row(ctx, respondent=ids[r], group=group, raw=raw, r=r, c=answer_col)
                )
            continue
        reading = likert.map_answer(raw, **readers[key])
        out.append(
            _answer_row(
                ctx,
                respondent=ids[r],
                group=group,
                item=key,
                raw=raw,
                reading=reading,
                reader=readers[key],
                r=r,
                c=answer_col,
            )
        )
    return out
