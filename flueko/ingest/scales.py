"""Rating scales: a rating cell (number or word) → a value on the common 1–5 scale.

Decisions (tested in ``tests/test_values.py``): verbal values use a three-step vocabulary
(niedrig = 1, mittel = 3, hoch = 5) unless the column also holds "sehr …" words; then five steps
(sehr niedrig = 1, niedrig = 2, mittel = 3, hoch = 4, sehr hoch = 5). Symbols ``++ + o - --``
are five steps (5 … 1) when a column holds one of them besides a lone dash (:func:`is_symbol_scale`;
in any other column "-" means "not given", see :func:`is_not_given`). Numbers are normalised
linearly onto 1–5. :func:`detect_scale` only infers 1–5, 0–10 or 1–10 from the data; 1–3 or
other scales need a header hint such as "Wirkung (1-3)", because a 1–5 column in which nobody
gave more than 3 cannot be told apart from a 1–3 column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from flueko.ingest.cells import cell_text, is_nan
from flueko.text import fold_chars

TARGET_SCALE: tuple[int, int] = (1, 5)
"""Every rating is normalised onto this scale for aggregation."""

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
    for word in fold_chars(text).replace("-", " ").split():
        word = _INFLECTION.get(word, word)
        for stem in ("niedrig", "gering", "klein", "gross", "stark", "maessig"):
            if word.startswith(stem) and len(word) <= len(stem) + 2:
                word = stem
        words.append(word)
    return " ".join(words)


_SYMBOLS: dict[str, float] = {
    "++": 5.0,
    "+": 4.0,
    "o": 3.0,
    "0": 3.0,
    "○": 3.0,
    "+/-": 3.0,
    "+-": 3.0,
    "±": 3.0,
    "-": 2.0,
    "–": 2.0,
    "--": 1.0,
    "––": 1.0,
    "—": 1.0,
    "-–": 1.0,
    "–-": 1.0,
}
_SYMBOL_EVIDENCE = frozenset({"++", "+", "o", "○", "+/-", "+-", "±", "--", "––", "—"})
_NOT_GIVEN = frozenset(
    {
        "k.a.",
        "k. a.",
        "ka",
        "k.a",
        "n.b.",
        "nb",
        "n. b.",
        "-",
        "–",
        "—",
        "?",
        "/",
        "keine angabe",
        "entfaellt",
        "nicht bewertet",
        "enthaltung",
    }
)


def _symbol_key(value: object) -> str:
    return "".join(cell_text(value).lower().split())


def is_symbol_scale(values: Iterable[object]) -> bool:
    """True if a column rates with symbols ``++ + o - --`` (some value is one of them other
    than a lone dash, which also means "not given")."""
    return any(isinstance(v, str) and _symbol_key(v) in _SYMBOL_EVIDENCE for v in values)


def is_not_given(value: object) -> bool:
    """True for a cell that says "no rating" ("k. A.", "-", "?", "keine Angabe")."""
    return isinstance(value, str) and fold_chars(cell_text(value)) in _NOT_GIVEN


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
    if isinstance(value, bool) or value is None or is_nan(value):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) and number >= 0 else None
    match = _RATING_NUM_RE.match(fold_chars(cell_text(value)))
    if not match:
        return None
    return float(match.group(1).replace(",", "."))


def parse_rating(
    value: object,
    *,
    scale: tuple[float, float] = (1, 5),
    five_step_words: bool = False,
    symbols: bool = False,
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
    symbols
        The column rates with ``++ + o - --`` (5 … 1); see :func:`is_symbol_scale`.

    Returns
    -------
    float or None
        The value on 1–5, or ``None`` when empty, unreadable or outside ``scale``.
    """
    if symbols and isinstance(value, str) and _symbol_key(value) in _SYMBOLS:
        return _SYMBOLS[_symbol_key(value)]
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


def describe_scale(
    scale: tuple[float, float], *, five_step_words: bool, symbols: bool, words: bool
) -> str:
    """The scale a column was read on, in German, for the log ("1–10, auf 1–5 umgerechnet")."""
    parts = []
    lo, hi = scale
    if (lo, hi) != TARGET_SCALE:
        parts.append(f"Zahlen {lo:g}–{hi:g}, auf 1–5 umgerechnet")
    else:
        parts.append("Zahlen 1–5")
    if symbols:
        parts.append("Symbole ++ + o - -- = 5 4 3 2 1")
    if words:
        parts.append(
            "Wörter sehr niedrig … sehr hoch = 1 … 5"
            if five_step_words
            else "Wörter niedrig/gering = 1, mittel = 3, hoch = 5"
        )
    return "; ".join(parts)


def has_words(values: Iterable[object]) -> bool:
    """True if some value is a verbal rating ("hoch", "Mittel", "sehr gering")."""
    return any(isinstance(v, str) and _verbal_key(v) in _VERBAL_FIVE for v in values)
