"""Costs: the cost cell of a rating sheet or plan → EUR bounds and a status.

Decisions (tested in ``tests/test_values.py``): an unknown cost ("k. A.", "?", empty) is
``None``/``None`` — never 0. "bis 5.000 €" is the range 0 … 5.000 (costs cannot be negative, so 0
is a true lower bound, not a guess); "ab 5.000 €" is 5.000 … ``None`` (no upper bound). A dash
("-") counts as unknown, because it is used both for "none" and for "not filled in". German
number format: "." groups thousands when followed by exactly three digits, "," is the decimal
mark.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime

from flueko.ingest.cells import cell_text, is_nan
from flueko.text import fold_chars

COST_OK = "ok"
COST_ZERO = "zero"
COST_UNKNOWN = "unknown"
COST_UNREADABLE = "unreadable"
COST_STATUSES = (COST_OK, COST_ZERO, COST_UNKNOWN, COST_UNREADABLE)


@dataclass(frozen=True)
class CostParse:
    """A parsed cost cell: EUR bounds (``None`` = unknown), a status and the text as given."""

    min: float | None
    max: float | None
    status: str
    text: str


_ZERO_WORDS = {
    "keine",
    "keine kosten",
    "kostenneutral",
    "kostenfrei",
    "kostenlos",
    "ohne",
    "ohne kosten",
    "nichts",
    "0",
}
_UNKNOWN_WORDS = {
    "",
    "k. a.",
    "k.a.",
    "k. a",
    "ka",
    "k.a",
    "n. b.",
    "n.b.",
    "nb",
    "unbekannt",
    "unklar",
    "offen",
    "noch offen",
    "noch unklar",
    "tbd",
    "?",
    "??",
    "???",
    "-",
    "–",
    "—",
    "x",
    "/",
}
_NUM = r"\d{1,3}(?:[.\s'’]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_UNIT = (
    r"t\s*€|teur|t\s*eur|tsd\.?\s*(?:€|eur|euro)?|tausend\s*(?:€|eur|euro)?|k\s*€|k"
    r"|mio\.?\s*(?:€|eur|euro)?|million(?:en)?\s*(?:€|eur|euro)?"
    r"|mrd\.?\s*(?:€|eur|euro)?|€|eur|euro"
)


def _amount(name: str, unit: str) -> str:
    return rf"(?P<{name}>{_NUM})\s*(?P<{unit}>{_UNIT})?"


_PREFIX = (
    r"(?:ca\.?|circa|zirka|etwa|rund|ungefaehr|ungef\.|geschaetzt|~|≈|je|jeweils"
    r"|zwischen|von|insgesamt|gesamt|summe:?)"
)
_RANGE_RE = re.compile(
    rf"^(?:{_PREFIX}\s*)*(?:€|eur)?\s*"
    + _amount("a", "ua")
    + r"\s*(?:-|–|—|bis|und|\.\.\.?|…)\s*(?:€|eur)?\s*"
    + _amount("b", "ub")
    + r"\s*\.?$"
)
_SINGLE_RE = re.compile(
    rf"^(?P<kind>bis\s*(?:zu)?|max\.?|maximal|hoechstens|unter|ab|mind\.?|mindestens|ueber"
    rf"|>=?|<=?)?\s*(?:{_PREFIX}\s*)*(?:€|eur)?\s*" + _amount("a", "ua") + r"\s*\.?$"
)


def _number(token: str) -> float:
    token = re.sub(r"[\s'’]", "", token)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        token = token.replace(".", "").replace(",", ".")
    elif "," in token:
        token = token.replace(",", ".")
    return float(token)


def _factor(unit: str | None) -> float:
    if not unit:
        return 1.0
    unit = unit.replace(" ", "")
    if unit.startswith(("mio", "million")):
        return 1e6
    if unit.startswith("mrd"):
        return 1e9
    if unit.startswith(("t", "k")):
        return 1e3
    return 1.0


_PERIOD_RE = re.compile(
    r"\s*(?:(?:pro|je|im|/)\s*(?P<y>jahr|monat)|(?P<pa>p\.?\s*a\.?)|(?P<j>jaehrlich)"
    r"|(?P<m>monatlich))\s*\.?$"
)


def _strip_period(key: str) -> tuple[str, float]:
    """ "20.000 € pro Jahr" → ("20.000 €", 1); "500 € monatlich" → ("500 €", 12) (per year)."""
    match = _PERIOD_RE.search(key)
    if not match or match.start() == 0:
        return key, 1.0
    monthly = match["y"] == "monat" or match["m"] is not None
    return key[: match.start()].strip(), 12.0 if monthly else 1.0


def parse_cost(value: object) -> CostParse:
    """Parse a cost cell into EUR bounds.

    Parameters
    ----------
    value
        Cell value: number, text such as "ca. 2.500 €", "2.000 – 4.000 EUR", "5-10 T€",
        "1,5 Tsd. €", "3 Mio. €", "bis 5.000 €", "keine", "k. A.". Running costs ("20.000 €
        pro Jahr", "p. a.", "jährlich") count as the yearly amount; monthly amounts ("500 €
        pro Monat") are multiplied by 12.

    Returns
    -------
    CostParse
        ``status`` is "ok", "zero" (0/0), "unknown" (None/None — never 0) or "unreadable"
        (None/None; the caller logs it). ``min <= max`` whenever both are known.
    """
    text = cell_text(value)
    if isinstance(value, bool):
        return CostParse(None, None, COST_UNREADABLE, text)
    if isinstance(value, int | float) and not is_nan(value):
        number = float(value)
        if math.isinf(number) or number < 0:
            return CostParse(None, None, COST_UNREADABLE, text)
        if number == 0:
            return CostParse(0.0, 0.0, COST_ZERO, text)
        return CostParse(number, number, COST_OK, text)
    if isinstance(value, date | datetime):
        return CostParse(None, None, COST_UNREADABLE, text)
    key = fold_chars(text).strip()
    if key in _UNKNOWN_WORDS:
        return CostParse(None, None, COST_UNKNOWN, text)
    if key in _ZERO_WORDS or re.fullmatch(r"0+(?:[.,]0+)?\s*(?:€|eur|euro)?\.?", key):
        return CostParse(0.0, 0.0, COST_ZERO, text)
    key, per_year = _strip_period(key)
    if per_year != 1.0:
        parsed = parse_cost(key)
        if parsed.status != COST_OK:
            return CostParse(parsed.min, parsed.max, parsed.status, text)
        high = None if parsed.max is None else parsed.max * per_year
        return CostParse(parsed.min * per_year, high, COST_OK, text)
    match = _RANGE_RE.match(key)
    if match:
        shared = match["ub"] or match["ua"]
        low = _number(match["a"]) * _factor(match["ua"] or shared)
        high = _number(match["b"]) * _factor(match["ub"] or shared)
        if low > high:
            return CostParse(None, None, COST_UNREADABLE, text)
        return _cost(low, high, text)
    match = _SINGLE_RE.match(key)
    if match:
        amount = _number(match["a"]) * _factor(match["ua"])
        kind = (match["kind"] or "").strip()
        if kind.startswith(("bis", "max", "hoechstens", "unter", "<")):
            return _cost(0.0, amount, text)
        if kind.startswith(("ab", "mind", "ueber", ">")):
            if not math.isfinite(amount):
                return CostParse(None, None, COST_UNREADABLE, text)
            if amount == 0:
                return CostParse(None, None, COST_UNKNOWN, text)
            return CostParse(amount, None, COST_OK, text)
        return _cost(amount, amount, text)
    return CostParse(None, None, COST_UNREADABLE, text)


def _cost(low: float, high: float, text: str) -> CostParse:
    if not (math.isfinite(low) and math.isfinite(high)):
        return CostParse(None, None, COST_UNREADABLE, text)
    if high == 0:
        return CostParse(0.0, 0.0, COST_ZERO, text)
    return CostParse(low, high, COST_OK, text)
