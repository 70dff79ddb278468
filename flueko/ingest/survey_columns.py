"""The columns of a survey sheet: metadata, respondent, group, items (known or not), comments.

Headers are matched first (``headers`` and ``items`` of ``survey_items.yaml``); a column the
dictionary does not know is then judged by its answers: answers on a scale make it an item of
its own, summarised under its own short label ("[Teilfrage]" or the first words of the
question); free text makes it a comment. Export metadata (ids, dates, language, seed, last
page, IP, referrer, e-mail, name, SoSci system variables) is never an item and never stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flueko.ingest import likert
from flueko.ingest.survey_dictionary import COMMENT_ITEM

MAX_LABEL = 40
"""Longest short label of an item outside the dictionary (longer texts are cut at a word)."""

SCORE_SHARE = 0.7
"""Share of a column's answers that must be on a scale for an unknown column to be an item."""

_BRACKET = re.compile(r"\[([^\]]*)\]")
_QUESTION_CODE = re.compile(r"^\s*[A-Za-z]{0,4}\d+[a-z]?(?:[._]\w+)?\s*[.:)]?\s+")
_SYSTEM = re.compile(r"^time\d+$|^time ?(sum|rsi)$|^deg ?time$")
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")

ItemMatcher = Callable[[str], str | None]


@dataclass(frozen=True)
class Column:
    """One column of a survey sheet and what it holds.

    ``role``: respondent | group | item | answer | ignore | score | comment | unknown | empty;
    ``key``: the item key of a score column (a built-in key or the short label).
    """

    col: int
    header: str
    role: str
    key: str | None = None
    own: bool = False
    """True for an item outside the dictionary (kept under its own label)."""


def header_role(header: str, headers: Mapping[str, Any], *, prefix: bool) -> str | None:
    """The special role of a header (``headers`` section of ``survey_items.yaml``), or ``None``.

    With ``prefix`` a header that starts with a phrase counts too ("Gruppe (bitte ankreuzen)").
    """
    norm = likert.normalise(header)
    if _SYSTEM.match(norm):
        return "ignore"
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


def classify_headers(
    headers: Sequence[str],
    items: Mapping[str, Any],
    *,
    match: ItemMatcher,
    system: frozenset[int] = frozenset(),
) -> list[Column]:
    """Roles of the header cells: special headers, dictionary items, comments, unknown."""
    special = items.get("headers") or {}
    comment_key = str((items.get("comment") or {}).get("key", COMMENT_ITEM))
    out = []
    for col, header in enumerate(headers):
        if not header.strip():
            out.append(Column(col, header, "empty"))
            continue
        if col in system:
            role = header_role(header, special, prefix=False)
            out.append(Column(col, header, role if role == "respondent" else "ignore"))
            continue
        role = header_role(header, special, prefix=False)
        if role:
            out.append(Column(col, header, role))
            continue
        key = match(header)
        if key:
            out.append(Column(col, header, "comment" if key == comment_key else "score", key))
            continue
        role = header_role(header, special, prefix=True)
        out.append(Column(col, header, role or "unknown"))
    return out


def short_label(header: str) -> str:
    """The label of an item outside the dictionary: its ``[Teilfrage]``, else the question
    without its number, cut after the last whole word within :data:`MAX_LABEL` characters."""
    parts = [p.strip() for p in _BRACKET.findall(header) if p.strip()]
    text = parts[-1] if parts else _QUESTION_CODE.sub("", header).strip() or header.strip()
    text = re.sub(r"\s+", " ", text).rstrip(" ?:.")
    if len(text) <= MAX_LABEL:
        return text
    cut = text[:MAX_LABEL].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return f"{cut} …"


def _is_row_number(values: Sequence[object]) -> bool:
    codes = [likert._code_of(v) for v in values]
    return len(codes) >= 3 and codes == list(range(codes[0] or 0, (codes[0] or 0) + len(codes)))


def _is_free_text(values: Sequence[object]) -> bool:
    texts = [v for v in values if isinstance(v, str) and not _DATE.match(v.strip())]
    words = [t for t in texts if re.search(r"[^\W\d_]{2}", t)]
    if len(words) < 0.8 * len(values) or not words:
        return False
    distinct = len({w.strip().lower() for w in words})
    long = sum(1 for w in words if len(w.split()) >= 2)
    return long >= 0.5 * len(words) or distinct >= max(3, 0.5 * len(words))


def judge_unknown(
    column: Column,
    values: Sequence[object],
    *,
    reader: Callable[[object], likert.AnswerValue],
    taken: set[str],
    comment_key: str = COMMENT_ITEM,
) -> Column:
    """An unknown column judged by its answers (``values``: its non-empty data cells).

    Answers on a scale (at least :data:`SCORE_SHARE` of them readable, some of them a value)
    make it an item under its short label (made unique against ``taken``); free text makes it
    a comment; anything else (dates, ids, numbers outside the scale) stays unknown.
    """
    if not values or any(isinstance(v, dt.date | dt.time) for v in values):
        return column
    readings = [reader(v) for v in values]
    scored = sum(1 for r in readings if r.value is not None)
    readable = sum(1 for r in readings if not r.unknown)
    if scored and readable >= SCORE_SHARE * len(values) and not _is_row_number(values):
        label = short_label(column.header)
        key, n = label, 2
        while key in taken:
            key, n = f"{label} ({n})", n + 1
        taken.add(key)
        return Column(column.col, column.header, "score", key, own=True)
    if scored == 0 and _is_free_text(values):
        return Column(column.col, column.header, "comment", comment_key)
    return column
