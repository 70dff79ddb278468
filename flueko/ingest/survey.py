"""Follow-up surveys: match headers and items, parse survey sheets into ``survey_responses``.

The survey dictionary (``resources/survey_items.yaml``, loaded by the caller with
``flueko.config.load_settings("survey_items.yaml", …)``) is passed in as ``items=``; its lookup
tables are built by :mod:`flueko.ingest.survey_dictionary`. Summaries per item, group and round
and the protection of small groups are in :mod:`flueko.analyse.survey_stats`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz, process

from flueko import schema
from flueko.ingest import likert
from flueko.ingest.survey_dictionary import COMMENT_ITEM, compile_dictionary, content_words
from flueko.log import INFO, WARNING, LogEntry, entry
from flueko.privacy import mask_personal_data
from flueko.sheet import Sheet, cell_ref, is_empty

FUZZY_THRESHOLD = 80.0
"""Minimum rapidfuzz score (0-100) for a paraphrased header to count as an item."""

_BRACKET = re.compile(r"\[([^\]]*)\]")
_QUESTION_CODE = re.compile(r"^\s*[A-Za-z]{0,4}\d+[a-z]?(?:[._]\w+)?\s*[.:)]?\s+")
_HINT_IN_HEADER = re.compile(r"\d+\s*=\s*[^\d,;=()]*[A-Za-zÄÖÜäöüß]")


# --- dictionary lookups --------------------------------------------------------------------


def match_item(
    header: object, *, items: Mapping[str, Any], threshold: float = FUZZY_THRESHOLD
) -> tuple[str | None, float]:
    """Match a column header (or a long-layout item text) to an item key.

    The code in brackets (``F1[format] …``) wins, then a header equal to a code, label or
    phrase, then synonyms contained in the header, then a fuzzy match (rapidfuzz
    ``token_sort_ratio`` on the content words) of at least ``threshold``. Free-text columns
    match the comment key ``"kommentar"``.

    Returns
    -------
    key, score
        ``(None, best score)`` when nothing matches.
    """
    text = "" if header is None else str(header).strip()
    if not text:
        return None, 0.0
    book = compile_dictionary(items)
    for code in _BRACKET.findall(text):
        key = book.codes.get(likert.normalise(code))
        if key:
            return key, 100.0
    question = _QUESTION_CODE.sub("", _BRACKET.sub(" ", text))
    norm = likert.normalise(question) or likert.normalise(text)
    if norm in book.codes:
        return book.codes[norm], 100.0
    if norm in book.exact:
        return book.exact[norm], 100.0
    weights: dict[str, int] = {}
    for syn, key in book.synonyms:
        if re.search(r"(?<![a-z0-9])" + re.escape(syn), norm):
            weights[key] = weights.get(key, 0) + len(syn)
    if weights:
        return max(weights, key=lambda k: weights[k]), 95.0
    content = content_words(norm)
    if not content or not book.fuzzy:
        return None, 0.0
    best = process.extractOne(content, list(book.fuzzy), scorer=fuzz.token_sort_ratio)
    if best is None:
        return None, 0.0
    choice, score, _ = best
    if score >= threshold:
        return book.fuzzy[choice], float(score)
    return None, float(score)


def _header_role(header: str, headers: Mapping[str, Any], *, prefix: bool) -> str | None:
    norm = likert.normalise(header)
    for code in _BRACKET.findall(header):
        code_norm = likert.normalise(code)
        for role in ("respondent", "group", "ignore"):
            if code_norm in {likert.normalise(s) for s in headers.get(role) or []}:
                return role
    for role in ("respondent", "group", "item", "answer", "ignore"):
        for syn in headers.get(role) or []:
            syn_norm = likert.normalise(syn)
            if not syn_norm:
                continue
            if norm == syn_norm or (prefix and norm.startswith(syn_norm + " ")):
                return role
    return None


def normalise_group(text: object, *, groups: Mapping[str, Any]) -> str | None:
    """A group cell → canonical group label (longest contained synonym wins); ``None`` if none."""
    if is_empty(text):
        return None
    norm = likert.normalise(text)
    best, best_len = None, 0
    for label, synonyms in groups.items():
        for syn in [label, *(synonyms or [])]:
            syn_norm = likert.normalise(syn)
            if syn_norm and (syn_norm == norm or syn_norm in norm) and len(syn_norm) > best_len:
                best, best_len = str(label), len(syn_norm)
    return best


# --- parsing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    col: int
    header: str
    role: str  # respondent | group | item | answer | ignore | score | comment | unknown | empty
    key: str | None = None


def _classify(headers: list[str], items: Mapping[str, Any]) -> list[_Column]:
    special = items.get("headers") or {}
    comment_key = str((items.get("comment") or {}).get("key", COMMENT_ITEM))
    out = []
    for col, header in enumerate(headers):
        if not header.strip():
            out.append(_Column(col, header, "empty"))
            continue
        role = _header_role(header, special, prefix=False)
        if role:
            out.append(_Column(col, header, role))
            continue
        key, _ = match_item(header, items=items)
        if key:
            out.append(_Column(col, header, "comment" if key == comment_key else "score", key))
            continue
        role = _header_role(header, special, prefix=True)
        out.append(_Column(col, header, role or "unknown"))
    return out


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

    def note(self, code: str, message: str, *, row: int, col: int, severity: str = WARNING):
        self.log.append(
            entry(
                code,
                message,
                file=self.sheet.file,
                sheet=self.sheet.name,
                cell=cell_ref(row, col),
                severity=severity,
            )
        )


def parse_survey_sheet(
    sheet: Sheet,
    *,
    header_row: int,
    round_id: str,
    items: Mapping[str, Any],
    scale_hint: str | None = None,
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
        codes. A header with its own hint ("Moderation (1 = sehr gut, 5 = mangelhaft)") wins.

    Returns
    -------
    responses, log
        A ``survey_responses`` table (one row per respondent × item; comments as item
        ``"kommentar"`` with personal data masked) and the problems found.
    """
    ctx = _Context(sheet, round_id, items, scale_hint, [])
    headers = [_text(v) or "" for v in sheet.row_values(header_row)]
    columns = _classify(headers, items)
    roles = {c.role for c in columns}
    if "answer" in roles and "item" in roles:
        rows = _parse_long(ctx, header_row, columns)
    else:
        rows = _parse_wide(ctx, header_row, columns)
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


def _scale_for(ctx: _Context, answers: list[object], header: str = "") -> dict[str, Any]:
    scales = ctx.items.get("scales") or {}
    hint = ctx.scale_hint
    if header and _HINT_IN_HEADER.search(header):
        hint = header
    direction, numeric = likert.parse_scale_hint(hint, scales=scales)
    if numeric is None:
        default = (ctx.items.get("numeric") or {}).get("default_range") or [1, 5]
        numeric = (int(default[0]), int(default[1]))
    name = likert.detect_scale(answers, scales=scales)
    chosen = {name: scales[name]} if name else scales
    return {
        "scales": chosen,
        "missing": ctx.items.get("missing") or {},
        "direction": direction,
        "numeric_scale": numeric,
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


def _answer_row(ctx, *, respondent, group, item, raw, reading, r, c) -> dict[str, Any]:
    excluded = reading.excluded
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


def _first(columns: list[_Column], role: str) -> int | None:
    return next((c.col for c in columns if c.role == role), None)


def _log_columns(ctx: _Context, header_row: int, columns: list[_Column], skip: set[int]):
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


def _parse_wide(ctx: _Context, header_row: int, columns: list[_Column]) -> list[dict]:
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
        c.col: _scale_for(ctx, [ctx.sheet.value(r, c.col) for r in rows], c.header)
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
                    r=r,
                    c=c.col,
                )
            )
    return out


def _parse_long(ctx: _Context, header_row: int, columns: list[_Column]) -> list[dict]:
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
                r=r,
                c=answer_col,
            )
        )
    return out
