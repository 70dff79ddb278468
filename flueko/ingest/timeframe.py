"""Timeframes: a Zeitraum/Zeithorizont cell → category and target year.

Decisions (tested in ``tests/test_values.py``): a year becomes a category relative to
``reference_year`` (difference ≤ 1 year: kurzfristig, 2–3: mittelfristig, more: langfristig; past
years: kurzfristig); "2017/2018" targets the later year; a keyword wins over a year ("ab 2018
laufend" → laufend); several horizons ("kurz- bis mittelfristig") → the latest one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from flueko import schema
from flueko.ingest.cells import cell_text, is_nan
from flueko.text import fold_chars


@dataclass(frozen=True)
class TimeframeParse:
    """A parsed timeframe cell: category key of :data:`flueko.schema.TIMEFRAMES`, target year."""

    category: str | None
    target_year: int | None
    ok: bool


_TF_WORDS: dict[str, str] = {
    "kurzfristig": "kurzfristig",
    "kurz": "kurzfristig",
    "sofort": "kurzfristig",
    "umgehend": "kurzfristig",
    "zeitnah": "kurzfristig",
    "direkt": "kurzfristig",
    "mittelfristig": "mittelfristig",
    "mittel": "mittelfristig",
    "langfristig": "langfristig",
    "lang": "langfristig",
    "laufend": "laufend",
    "dauerhaft": "laufend",
    "fortlaufend": "laufend",
    "kontinuierlich": "laufend",
    "staendig": "laufend",
    "daueraufgabe": "laufend",
    "regelmaessig": "laufend",
    "fortwaehrend": "laufend",
}
_TF_RE = re.compile(
    r"(?<![a-z])(kurzfristig|mittelfristig|langfristig|kurz-|mittel-|lang-|sofort|umgehend"
    r"|zeitnah|laufend|dauerhaft|fortlaufend|kontinuierlich|staendig|daueraufgabe"
    r"|regelmaessig|fortwaehrend)"
)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*/\s*((?:19|20)?\d{2}))?(?!\d)")


def timeframe_from_year(year: int, *, reference_year: int) -> str:
    """Category of a target year: ≤1 year ahead kurzfristig, 2–3 mittelfristig, else langfristig."""
    delta = year - reference_year
    if delta <= 1:
        return "kurzfristig"
    if delta <= 3:
        return "mittelfristig"
    return "langfristig"


def parse_timeframe(value: object, *, reference_year: int | None = None) -> TimeframeParse:
    """Parse a Zeitraum/Zeithorizont cell.

    Parameters
    ----------
    value
        "kurzfristig", "sofort", "dauerhaft", "bis Ende 2017", "Q2/2017", "2017/2018", a date …
    reference_year
        Year of the dialogue round; needed to turn a year into a category (without it the
        category of a bare year stays ``None`` while ``target_year`` is set).

    Returns
    -------
    TimeframeParse
        ``ok`` is False only for non-empty text that holds neither a keyword nor a year.
    """
    if isinstance(value, datetime | date):
        year = value.year
        if not 1900 <= year <= 2099:
            return TimeframeParse(None, None, False)
        cat = None
        if reference_year is not None:
            cat = timeframe_from_year(year, reference_year=reference_year)
        return TimeframeParse(cat, year, True)
    if isinstance(value, bool):
        return TimeframeParse(None, None, False)
    if isinstance(value, int | float) and not is_nan(value):
        if float(value).is_integer() and 1900 <= value <= 2099:
            year = int(value)
            cat = None
            if reference_year is not None:
                cat = timeframe_from_year(year, reference_year=reference_year)
            return TimeframeParse(cat, year, True)
        return TimeframeParse(None, None, False)
    key = fold_chars(cell_text(value))
    if not key:
        return TimeframeParse(None, None, True)
    words = [_TF_WORDS[w.rstrip("-")] for w in _TF_RE.findall(key)]
    category = max(words, key=schema.TIMEFRAMES.index) if words else None
    years: list[int] = []
    for first, second in _YEAR_RE.findall(key):
        years.append(int(first))
        if second:
            years.append(int(second) if len(second) == 4 else int(first[:2] + second))
    target = max(years) if years else None
    if category is None and target is None:
        return TimeframeParse(None, None, False)
    if category is None and reference_year is not None:
        category = timeframe_from_year(target, reference_year=reference_year)
    return TimeframeParse(category, target, True)


def reference_year_from_round(round_id: str) -> int | None:
    """The year a round id starts with ("2016-10-20_auftakt" → 2016), else ``None``."""
    match = re.match(r"^((?:19|20)\d{2})(?!\d)", round_id or "")
    return int(match.group(1)) if match else None
