"""Costs: the cost cell of a rating sheet or plan → EUR bounds and a status.

Decisions (tested in ``tests/test_values.py``): an unknown cost ("k. A.", "?", "offen", empty)
is ``None``/``None`` — never 0; "free" words ("kostenlos", "keine", "ehrenamtlich", "0 €") are
0/0. "bis 5.000 €" is the range 0 … 5.000 (costs cannot be negative, so 0 is a true lower bound,
not a guess); "ab 5.000 €" is 5.000 … ``None`` (no upper bound). A dash ("-") counts as unknown,
because it is used both for "none" and for "not filled in". German number format: "." groups
thousands when followed by exactly three digits, "," is the decimal mark; whole euros may be
written "750,-". Ranges with "bis", a dash or "zw. … und …"; products ("3 x 120 €",
"4 Termine à 80 €"); thousands and millions as "T€", "Tsd.", "Mio." before or after the number,
or for a whole column in its header ("Kosten (T€)", see :func:`header_unit`). Amounts per month
are annualised (× 12), per year kept; an amount per session or person ("150 € pro Termin") is
kept as written, because the number of sessions is unknown. A remark in brackets after an
amount ("300 € (Raummiete)") is ignored. What was assumed is in :attr:`CostParse.note`, for the
caller's log.
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
    note: str = ""
    """What was assumed, in German, for the log ("monatlich, × 12 als Jahresbetrag"); "" if
    nothing was."""


_ZERO_WORDS = {
    "keine",
    "ehrenamtlich",
    "ehrenamt",
    "gratis",
    "umsonst",
    "keine mehrkosten",
    "keine zusaetzlichen kosten",
    "keine kosten (ehrenamtlich)",
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
    "noch nicht bekannt",
    "nicht bekannt",
    "keine angabe",
    "noch zu klaeren",
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
    r"|zwischen|zw\.?|von|insgesamt|gesamt|summe:?)"
)
_RANGE_RE = re.compile(
    rf"^(?:{_PREFIX}\s*)*(?P<pu>{_UNIT})?\s*"
    + _amount("a", "ua")
    + r"\s*(?:-|–|—|bis|und|\.\.\.?|…)\s*(?:€|eur)?\s*"
    + _amount("b", "ub")
    + r"\s*\.?$"
)
_SINGLE_RE = re.compile(
    rf"^(?P<kind>bis\s*(?:zu)?|max\.?|maximal|hoechstens|unter|ab|mind\.?|mindestens|ueber"
    rf"|>=?|<=?)?\s*(?:{_PREFIX}\s*)*(?P<pu>{_UNIT})?\s*" + _amount("a", "ua") + r"\s*\.?$"
)
_PRODUCT_RE = re.compile(
    rf"^(?:{_PREFIX}\s*)*(?P<n>\d{{1,4}})\s*(?:[a-z]+\.?\s*)?(?:x|×|\*|a|à|@|zu je|zu|je)\s+"
    r"(?P<rest>.*\d.*)$"
)
_WHOLE_EUROS_RE = re.compile(r"(\d)\s*,\s*(?:-|–|—)+(?=\s|€|$|[a-z)])")
_BRACKETS_RE = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\])")
_HEADER_UNIT_RE = re.compile(
    r"(?<![a-z])(?:t\s*€|teur|t\s*eur|tsd\.?|tausend|k\s*€|mio\.?|million(?:en)?)(?![a-z])"
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
    r"|(?P<m>monatlich)|(?:pro|je|/)\s*(?P<u>[a-z]+\.?))\s*\.?$"
)


def _strip_period(key: str) -> tuple[str, float, str]:
    """ "20.000 € pro Jahr" → ("20.000 €", 1, "…"); "500 € monatlich" → ("500 €", 12, "…");
    "150 € pro Termin" → ("150 €", 1, "je Termin …"). The note says what was assumed."""
    match = _PERIOD_RE.search(key)
    if not match or match.start() == 0:
        return key, 1.0, ""
    head = key[: match.start()].strip()
    if match["u"] is not None:
        unit = match["u"].rstrip(".")
        return head, 1.0, f"Betrag je {unit.capitalize()} — Anzahl unbekannt, einmal gezählt"
    if match["y"] == "monat" or match["m"] is not None:
        return head, 12.0, "Betrag je Monat — × 12 als Jahresbetrag gezählt"
    return head, 1.0, ""


def header_unit(header: object) -> float:
    """The unit a cost header gives its bare numbers: "Kosten (T€)" → 1000, "Kosten in Mio. €"
    → 1 000 000, "Kosten (EUR)" → 1."""
    match = _HEADER_UNIT_RE.search(fold_chars(cell_text(header)))
    return _factor(match.group(0)) if match else 1.0


def parse_cost(value: object, *, unit_factor: float = 1.0) -> CostParse:
    """Parse a cost cell into EUR bounds.

    Parameters
    ----------
    value
        Cell value: number, text such as "ca. 2.500 €", "ca. 750,- €", "2.000 – 4.000 EUR",
        "zw. 500 und 1.000 €", "5-10 T€", "T€ 5", "1,5 Tsd. €", "3 Mio. €", "3 x 120 €",
        "bis 5.000 €", "keine", "ehrenamtlich", "k. A.". Running costs ("20.000 € pro Jahr",
        "p. a.", "jährlich") count as the yearly amount; monthly amounts ("500 € pro Monat")
        are multiplied by 12; an amount per session ("150 € pro Termin") counts once.
    unit_factor
        Factor for numbers without a unit of their own, from the column header
        (:func:`header_unit`: "Kosten (T€)" → 1000).

    Returns
    -------
    CostParse
        ``status`` is "ok", "zero" (0/0), "unknown" (None/None — never 0) or "unreadable"
        (None/None; the caller logs it). ``min <= max`` whenever both are known. ``note``
        says what was assumed (period, per-session amount, unit from the header).
    """
    text = cell_text(value)
    if isinstance(value, bool):
        return CostParse(None, None, COST_UNREADABLE, text)
    header_note = "Einheit laut Kopfzeile" if unit_factor != 1.0 else ""
    if isinstance(value, int | float) and not is_nan(value):
        number = float(value) * unit_factor
        if math.isinf(number) or number < 0 or number != number:
            return CostParse(None, None, COST_UNREADABLE, text)
        if number == 0:
            return CostParse(0.0, 0.0, COST_ZERO, text)
        return CostParse(number, number, COST_OK, text, header_note)
    if isinstance(value, date | datetime):
        return CostParse(None, None, COST_UNREADABLE, text)
    parsed = _parse_key(fold_chars(text).strip(), unit_factor)
    if parsed is None:
        return CostParse(None, None, COST_UNREADABLE, text)
    low, high, status, note = parsed
    return CostParse(low, high, status, text, note)


def _parse_key(key: str, unit_factor: float) -> tuple | None:
    """(min, max, status, note) of folded cost text, ``None`` if not understood."""
    key = " ".join(key.split())
    if key in _UNKNOWN_WORDS:
        return None, None, COST_UNKNOWN, ""
    key = _WHOLE_EUROS_RE.sub(r"\1", key)
    if key in _ZERO_WORDS or re.fullmatch(r"0+(?:[.,]0+)?\s*(?:€|eur|euro)?\.?", key):
        return 0.0, 0.0, COST_ZERO, ""
    got = _parse_amount(key, unit_factor)
    if got is None and _BRACKETS_RE.search(key):
        stripped = _BRACKETS_RE.sub(" ", key).strip()
        if stripped and stripped != key:
            got = _parse_key(stripped, unit_factor)
    return got


def _parse_amount(key: str, unit_factor: float) -> tuple | None:
    stripped, per_year, note = _strip_period(key)
    if stripped != key:
        key = stripped
        inner = _parse_amount(key, unit_factor)
        if inner is None or inner[2] != COST_OK:
            return inner
        low, high = inner[0] * per_year, None if inner[1] is None else inner[1] * per_year
        return low, high, COST_OK, "; ".join(n for n in (inner[3], note) if n)
    match = _PRODUCT_RE.match(key)
    if match:
        inner = _parse_amount(match["rest"].strip(), unit_factor)
        if inner is None or inner[2] not in (COST_OK, COST_ZERO) or inner[1] is None:
            return None
        n = int(match["n"])
        low, high = inner[0] * n, inner[1] * n
        return _bounds(low, high, inner[3])
    match = _RANGE_RE.match(key)
    if match:
        shared = match["ub"] or match["ua"] or match["pu"]
        note = "Einheit laut Kopfzeile" if not shared and unit_factor != 1.0 else ""
        low = _number(match["a"]) * (_factor(match["ua"] or shared) if shared else unit_factor)
        high = _number(match["b"]) * (_factor(match["ub"] or shared) if shared else unit_factor)
        if low > high:
            return None
        return _bounds(low, high, note)
    match = _SINGLE_RE.match(key)
    if match:
        unit = match["ua"] or match["pu"]
        amount = _number(match["a"]) * (_factor(unit) if unit else unit_factor)
        note = "Einheit laut Kopfzeile" if not unit and unit_factor != 1.0 else ""
        kind = (match["kind"] or "").strip()
        if kind.startswith(("bis", "max", "hoechstens", "unter", "<")):
            return _bounds(0.0, amount, note)
        if kind.startswith(("ab", "mind", "ueber", ">")):
            if not math.isfinite(amount):
                return None
            if amount == 0:
                return None, None, COST_UNKNOWN, ""
            return amount, None, COST_OK, note
        return _bounds(amount, amount, note)
    return None


def _bounds(low: float, high: float, note: str) -> tuple | None:
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    if high == 0:
        return 0.0, 0.0, COST_ZERO, ""
    return low, high, COST_OK, note
