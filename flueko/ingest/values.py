"""Pure parsers for the free-text values of rating sheets and plans: costs, timeframes, ratings.

Every parser accepts whatever a cell may hold (``None``, ``str``, ``int``, ``float``, ``bool``,
dates), never raises, and says whether it understood the value. Callers log what was not
understood together with the cell.

Decisions (documented once, tested in ``tests/test_values.py``):

- Costs: an unknown cost ("k. A.", "?", empty) is ``None``/``None`` — never 0. "bis 5.000 €" is
  the range 0 … 5.000 (costs cannot be negative, so 0 is a true lower bound, not a guess);
  "ab 5.000 €" is 5.000 … ``None`` (no upper bound). A dash ("-") counts as unknown, because
  it is used both for "none" and for "not filled in". German number format: "." groups
  thousands when followed by exactly three digits, "," is the decimal mark.
- Timeframes: a year becomes a category relative to ``reference_year`` (difference ≤ 1 year:
  kurzfristig, 2–3: mittelfristig, more: langfristig; past years: kurzfristig); "2017/2018"
  targets the later year; a keyword wins over a year ("ab 2018 laufend" → laufend); several
  horizons ("kurz- bis mittelfristig") → the latest one.
- Ratings: verbal values use a three-step vocabulary (niedrig = 1, mittel = 3, hoch = 5) unless
  the column also holds "sehr …" words; then five steps (sehr niedrig = 1, niedrig = 2,
  mittel = 3, hoch = 4, sehr hoch = 5). Numbers are normalised linearly onto 1–5.
  :func:`detect_scale` only infers 1–5, 0–10 or 1–10 from the data; 1–3 or other scales need a
  header hint such as "Wirkung (1-3)", because a 1–5 column in which nobody gave more than 3
  cannot be told apart from a 1–3 column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from flueko import schema
from flueko.text import fold_chars

COST_OK = "ok"
COST_ZERO = "zero"
COST_UNKNOWN = "unknown"
COST_UNREADABLE = "unreadable"
COST_STATUSES = (COST_OK, COST_ZERO, COST_UNKNOWN, COST_UNREADABLE)

TARGET_SCALE: tuple[int, int] = (1, 5)
"""Every rating is normalised onto this scale for aggregation."""


@dataclass(frozen=True)
class CostParse:
    """A parsed cost cell: EUR bounds (``None`` = unknown), a status and the text as given."""

    min: float | None
    max: float | None
    status: str
    text: str


@dataclass(frozen=True)
class TimeframeParse:
    """A parsed timeframe cell: category key of :data:`flueko.schema.TIMEFRAMES`, target year."""

    category: str | None
    target_year: int | None
    ok: bool


def cell_text(value: object) -> str:
    """A cell value as whitespace-normalised text ("" for empty/NaN)."""
    if value is None or _is_nan(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _is_nan(value: object) -> bool:
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


fold = fold_chars
"""Casefold, umlauts/ß spelled out — for matching words, never for output."""


# --- costs -----------------------------------------------------------------------------------

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
    if isinstance(value, int | float) and not _is_nan(value):
        number = float(value)
        if math.isinf(number) or number < 0:
            return CostParse(None, None, COST_UNREADABLE, text)
        if number == 0:
            return CostParse(0.0, 0.0, COST_ZERO, text)
        return CostParse(number, number, COST_OK, text)
    if isinstance(value, date | datetime):
        return CostParse(None, None, COST_UNREADABLE, text)
    key = fold(text).strip()
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


# --- timeframes ------------------------------------------------------------------------------

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
    if isinstance(value, int | float) and not _is_nan(value):
        if float(value).is_integer() and 1900 <= value <= 2099:
            year = int(value)
            cat = None
            if reference_year is not None:
                cat = timeframe_from_year(year, reference_year=reference_year)
            return TimeframeParse(cat, year, True)
        return TimeframeParse(None, None, False)
    key = fold(cell_text(value))
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


# --- ratings ---------------------------------------------------------------------------------

_VERBAL_FIVE: dict[str, float] = {
    "sehr niedrig": 1.0,
    "sehr gering": 1.0,
    "sehr klein": 1.0,
    "sehr wenig": 1.0,
    "niedrig": 2.0,
    "gering": 2.0,
    "klein": 2.0,
    "wenig": 2.0,
    "mittel": 3.0,
    "mittelmaessig": 3.0,
    "maessig": 3.0,
    "hoch": 4.0,
    "gross": 4.0,
    "viel": 4.0,
    "stark": 4.0,
    "sehr hoch": 5.0,
    "sehr gross": 5.0,
    "sehr viel": 5.0,
    "sehr stark": 5.0,
}
_VERBAL_THREE: dict[str, float] = {
    k: {2.0: 1.0, 4.0: 5.0}.get(v, v) for k, v in _VERBAL_FIVE.items()
}
_INFLECTION = {
    "hohe": "hoch",
    "hoher": "hoch",
    "hohes": "hoch",
    "hohen": "hoch",
    "mittlere": "mittel",
    "mittlerer": "mittel",
    "mittleres": "mittel",
    "mittleren": "mittel",
}
_RATING_NUM_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:\(.*\)|-\s*[a-z ]+|[a-z ]+)?$")
_SCALE_RE = re.compile(r"(\d+)\s*(?:-|–|—|bis|\.\.)\s*(\d+)")
_SCALE_EQ_RE = re.compile(r"(\d+)\s*=")


def _verbal_key(text: str) -> str:
    words = []
    for word in fold(text).replace("-", " ").split():
        word = _INFLECTION.get(word, word)
        for stem in ("niedrig", "gering", "klein", "gross", "stark", "maessig"):
            if word.startswith(stem) and len(word) <= len(stem) + 2:
                word = stem
        words.append(word)
    return " ".join(words)


def is_verbal_five(values: Iterable[object]) -> bool:
    """True if a column uses five verbal steps (some value starts with "sehr")."""
    return any(isinstance(v, str) and _verbal_key(v).startswith("sehr ") for v in values)


def normalise_rating(raw: float, *, scale: tuple[float, float]) -> float:
    """Map ``raw`` on ``scale`` linearly onto 1–5 (1–3: 2 → 3; 1–10: 10 → 5)."""
    lo, hi = scale
    t_lo, t_hi = TARGET_SCALE
    if hi == lo:
        return float(t_lo)
    return t_lo + (raw - lo) * (t_hi - t_lo) / (hi - lo)


def parse_raw_rating(value: object) -> float | None:
    """The number in a rating cell as given ("4,5" → 4.5; words and empty → ``None``)."""
    if isinstance(value, bool) or value is None or _is_nan(value):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) and number >= 0 else None
    match = _RATING_NUM_RE.match(fold(cell_text(value)))
    if not match:
        return None
    return float(match.group(1).replace(",", "."))


def parse_rating(
    value: object, *, scale: tuple[float, float] = (1, 5), five_step_words: bool = False
) -> float | None:
    """Parse a rating cell and return it on the 1–5 scale.

    Parameters
    ----------
    value
        Number (4, 4.5), text ("4", "4,5", "hoch", "sehr gering").
    scale
        The raw numeric scale of the column (see :func:`detect_scale`).
    five_step_words
        Verbal values on five steps (hoch = 4) rather than three (hoch = 5); see
        :func:`is_verbal_five`.

    Returns
    -------
    float or None
        The value on 1–5, or ``None`` when empty, unreadable or outside ``scale``.
    """
    raw = parse_raw_rating(value)
    if raw is not None:
        lo, hi = scale
        if not lo <= raw <= hi:
            return None
        return normalise_rating(raw, scale=scale)
    if not isinstance(value, str):
        return None
    vocab = _VERBAL_FIVE if five_step_words else _VERBAL_THREE
    return vocab.get(_verbal_key(value))


def scale_from_header(header: str) -> tuple[int, int] | None:
    """A scale hint in a header: "Wirkung (1-5)" → (1, 5), "(1 = gering, 3 = hoch)" → (1, 3)."""
    text = cell_text(header)
    match = _SCALE_RE.search(text)
    if match:
        lo, hi = int(match.group(1)), int(match.group(2))
    else:
        found = [int(n) for n in _SCALE_EQ_RE.findall(text)]
        if len(found) < 2:
            return None
        lo, hi = min(found), max(found)
    if lo >= hi or hi > 100:
        return None
    return lo, hi


def detect_scale(values: Iterable[object]) -> tuple[int, int]:
    """Infer the numeric scale of rating values.

    All in 1…5 → (1, 5); 0 present → (0, 5) or (0, 10); max ≤ 10 → (1, 10); otherwise the
    default (1, 5), so that larger values show up as unreadable. Words do not count (they are
    mapped onto 1–5). 1–3 is never inferred (see module notes): use a header hint.
    """
    numbers = [n for n in (parse_raw_rating(v) for v in values) if n is not None]
    if not numbers:
        return TARGET_SCALE
    top = max(numbers)
    if top <= 5 and min(numbers) >= 1:
        return TARGET_SCALE
    if min(numbers) == 0:
        return (0, 5) if top <= 5 else (0, 10) if top <= 10 else TARGET_SCALE
    if 5 < top <= 10:
        return (1, 10)
    return TARGET_SCALE
