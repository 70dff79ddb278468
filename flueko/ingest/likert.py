"""Likert answers (German labels or numeric codes) → scale values where higher is better.

The scales, their labels and the answers that are no rating ("keine Angabe") come from
``resources/survey_items.yaml`` (sections ``scales`` and ``missing``); callers pass those
sections in. Every answer maps to exactly one of: a value, an exclusion reason, or "unknown".
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from flueko.text import fold

EMPTY = "leer"
"""Exclusion reason of an empty cell."""

UNKNOWN = "unbekannt"
"""Exclusion reason the parser records for an answer that fits no scale."""

BEST_FIRST = "1=best"
WORST_FIRST = "1=worst"
AUTO = "auto"
DIRECTIONS = (AUTO, BEST_FIRST, WORST_FIRST)

_CODE_PREFIX = re.compile(r"^\s*(\d+)\s*(?:[=:.)\-–]|\s)\s*(.*\D.*)$")
_CODE_SUFFIX = re.compile(r"^(.*\D.*?)\s*[(\[]\s*(\d+)\s*[)\]]\s*$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_ANSWER_CODE = re.compile(r"^[Aa]0*(\d{1,2})$")
"""LimeSurvey answer codes ("A1", "A2", …) in a code export: read like the numbers 1, 2, …"""


@dataclass(frozen=True)
class AnswerValue:
    """The reading of one answer: exactly one of ``value``, ``excluded`` or ``unknown`` is set.

    Attributes
    ----------
    value
        Scale value (higher = better, on the scale's own range), or ``None``.
    excluded
        Reason the answer is no rating (``"leer"``, ``"keine_angabe"``), or ``None``.
    unknown
        The answer fits no scale (the caller logs it).
    scale
        Name of the scale the value belongs to (``None`` unless ``value`` is set).
    """

    value: float | None = None
    excluded: str | None = None
    unknown: bool = False
    scale: str | None = None


@dataclass(frozen=True)
class ScaleSpec:
    """One answer scale: its labels worst → best and the value of the worst label."""

    name: str
    points: tuple[str, ...]
    start: int = 1

    @property
    def lo(self) -> int:
        """Value of the worst answer."""
        return self.start

    @property
    def hi(self) -> int:
        """Value of the best answer."""
        return self.start + len(self.points) - 1

    def label(self, value: float) -> str:
        """The label of a scale value (``str(value)`` outside the scale)."""
        idx = round(value) - self.start
        if 0 <= idx < len(self.points) and float(value).is_integer():
            return self.points[idx]
        return _fmt_number(value)


def normalise(text: object) -> str:
    """Lower case, umlauts spelled out (ä → ae, ß → ss), punctuation → single spaces."""
    return fold(text)


def scale_specs(scales: Mapping[str, Any]) -> dict[str, ScaleSpec]:
    """The ``scales`` section of the survey dictionary as :class:`ScaleSpec` objects."""
    out = {}
    for name, spec in scales.items():
        points = tuple(str(p) for p in (spec or {}).get("points", []))
        if points:
            out[name] = ScaleSpec(name, points, int((spec or {}).get("start", 1)))
    return out


def _label_index(scales: Mapping[str, Any]) -> dict[str, list[tuple[str, float]]]:
    """Normalised label/synonym → [(scale, value), …] in scale order."""
    index: dict[str, list[tuple[str, float]]] = {}
    for name, spec in scales.items():
        spec = spec or {}
        points = [str(p) for p in spec.get("points", [])]
        start = int(spec.get("start", 1))
        synonyms = spec.get("synonyms", {}) or {}
        for pos, point in enumerate(points):
            for text in [point, *(synonyms.get(point) or [])]:
                key = normalise(text)
                if key and all(s != name for s, _ in index.get(key, [])):
                    index.setdefault(key, []).append((name, float(start + pos)))
    return index


def _missing_index(missing: Mapping[str, Iterable[str]] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for reason, labels in (missing or {}).items():
        for text in labels or []:
            key = normalise(text)
            if key:
                out.setdefault(key, str(reason))
    return out


def _first_missing_reason(missing: Mapping[str, Iterable[str]] | None) -> str:
    return str(next(iter(missing))) if missing else "keine_angabe"


def map_answer(
    answer: object,
    *,
    scales: Mapping[str, Any],
    missing: Mapping[str, Iterable[str]] | None = None,
    direction: str = AUTO,
    numeric_scale: tuple[int, int] | None = None,
    missing_codes: Collection[int] = (),
) -> AnswerValue:
    """Read one survey answer.

    Parameters
    ----------
    answer
        The cell as delivered by a reader (``str``, ``int``, ``float``, ``bool``, ``None`` …).
    scales
        The ``scales`` section of the survey dictionary (name → points, start, synonyms). When a
        label belongs to several scales, the first scale wins; pass a single scale to decide.
    missing
        The ``missing`` section (reason → labels). Empty cells are always ``"leer"``; a cell of
        punctuation only ("-", "?") gets the first reason of this mapping.
    direction
        For numeric codes: ``"1=best"`` (school grades, "1 = sehr zufrieden"), ``"1=worst"``, or
        ``"auto"`` (= ``"1=worst"``: higher numbers are better). Labels ignore the direction.
    numeric_scale
        ``(lowest code, highest code)``; default ``(1, 5)``. Codes outside are unknown.
    missing_codes
        Codes that mean "no answer" in the file's own legend or value labels (SoSci ``-9``):
        excluded with the first reason of ``missing``.

    Returns
    -------
    AnswerValue
        Never raises for any answer.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
    try:
        reading = _map(answer, scales, missing, direction, numeric_scale or (1, 5))
        if missing_codes and reading.excluded is None and _code_of(answer) in missing_codes:
            return AnswerValue(excluded=_first_missing_reason(missing))
        return reading
    except (TypeError, ValueError, OverflowError, AttributeError):
        return AnswerValue(unknown=True)


def _map(
    answer: object,
    scales: Mapping[str, Any],
    missing: Mapping[str, Iterable[str]] | None,
    direction: str,
    numeric_scale: tuple[int, int],
) -> AnswerValue:
    if answer is None:
        return AnswerValue(excluded=EMPTY)
    if isinstance(answer, bool):
        return _from_label("ja" if answer else "nein", scales)
    if isinstance(answer, int | float):
        if isinstance(answer, float) and math.isnan(answer):
            return AnswerValue(excluded=EMPTY)
        return _from_code(float(answer), direction, numeric_scale)
    if not isinstance(answer, str):
        return AnswerValue(unknown=True)
    raw = answer.strip()
    if not raw:
        return AnswerValue(excluded=EMPTY)
    key = normalise(raw)
    if not key:
        return AnswerValue(excluded=_first_missing_reason(missing))
    reason = _missing_index(missing).get(key)
    if reason is not None:
        return AnswerValue(excluded=reason)
    if _NUMBER.match(raw):
        return _from_code(float(raw.replace(",", ".")), direction, numeric_scale)
    code = _ANSWER_CODE.match(raw)
    if code:
        return _from_code(float(code.group(1)), direction, numeric_scale)
    found = _from_label(key, scales)
    if not found.unknown:
        return found
    # "5 = sehr zufrieden", "sehr zufrieden (5)": the label decides
    for pattern, group in ((_CODE_PREFIX, 2), (_CODE_SUFFIX, 1)):
        match = pattern.match(raw)
        if match:
            found = _from_label(normalise(match.group(group)), scales)
            if not found.unknown:
                return found
    return AnswerValue(unknown=True)


def _code_of(answer: object) -> int | None:
    """The integer code of a numeric answer ("-9", 5.0, "A3"), else ``None``."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        return int(answer) if math.isfinite(answer) and float(answer).is_integer() else None
    if isinstance(answer, str):
        raw = answer.strip()
        code = _ANSWER_CODE.match(raw)
        if code:
            return int(code.group(1))
        if re.fullmatch(r"[+-]?\d+", raw):
            return int(raw)
    return None


def is_code(answer: object) -> bool:
    """True for a numeric answer code ("3", 3, "A3") — one whose direction needs a legend."""
    return _code_of(answer) is not None


def _from_label(key: str, scales: Mapping[str, Any]) -> AnswerValue:
    hits = _label_index(scales).get(normalise(key))
    if not hits:
        return AnswerValue(unknown=True)
    name, value = hits[0]
    return AnswerValue(value=value, scale=name)


def _from_code(code: float, direction: str, numeric_scale: tuple[int, int]) -> AnswerValue:
    lo, hi = numeric_scale
    if not math.isfinite(code) or not code.is_integer() or not lo <= code <= hi:
        return AnswerValue(unknown=True)
    value = lo + hi - code if direction == BEST_FIRST else code
    return AnswerValue(value=float(value))


def detect_scale(answers: Iterable[object], *, scales: Mapping[str, Any]) -> str | None:
    """The scale whose labels cover most of ``answers``.

    On a tie the scale with more answers among its own points (not synonyms) wins, then the
    first in order.

    Returns ``None`` when no answer is a label of any scale (e.g. numeric codes only).
    """
    index = _label_index(scales)
    keys = []
    for answer in answers:
        if isinstance(answer, str) and answer.strip():
            key = normalise(answer)
            if key not in index:
                for pattern, group in ((_CODE_PREFIX, 2), (_CODE_SUFFIX, 1)):
                    match = pattern.match(answer.strip())
                    if match and normalise(match.group(group)) in index:
                        key = normalise(match.group(group))
                        break
            keys.append(key)
    best, best_cover = None, (0, 0)
    for name, spec in scales.items():
        points = {normalise(p) for p in (spec or {}).get("points", [])}
        hits = sum(1 for k in keys if any(s == name for s, _ in index.get(k, [])))
        exact = sum(1 for k in keys if k in points)
        if hits and (hits, exact) > best_cover:
            best, best_cover = name, (hits, exact)
    return best


_HINT_PAIR = re.compile(r"(-?\d+)\s*(?:=|:|\bist\b|\bfür\b|\bfuer\b)\s*([^,;=()\d]+)")
_HINT_RANGE = re.compile(r"(\d+)\s*(?:-|–|bis)\s*(\d+)")


@dataclass(frozen=True)
class Legend:
    """What a file says about its numeric codes (a legend row, a legend sheet, value labels).

    Attributes
    ----------
    direction
        ``"1=best"``, ``"1=worst"`` or ``"auto"`` (the legend did not say).
    numeric_scale
        ``(lowest code, highest code)`` of the answers, or ``None``.
    missing_codes
        Codes whose label means "no answer" ("-9 = nicht beantwortet").
    """

    direction: str = AUTO
    numeric_scale: tuple[int, int] | None = None
    missing_codes: frozenset[int] = frozenset()


def read_legend(
    pairs: Iterable[tuple[int, str]],
    *,
    scales: Mapping[str, Any],
    missing: Mapping[str, Iterable[str]] | None = None,
) -> Legend:
    """Code → label pairs of a legend ("1 = sehr gut", "5 = schlecht") → direction and range.

    The direction follows the labels: when the codes rise while the labels get worse, the
    lowest code is the best answer. The range is that of the codes with a scale label; a
    single pair ("1 = sehr zufrieden") stands for the whole scale of its label.
    """
    specs = scale_specs(scales)
    missing_index = _missing_index(missing)
    points: list[tuple[int, float, int]] = []  # code, position 0 (worst) … 1 (best), scale size
    missing_codes = set()
    for code, label in pairs:
        key = normalise(label)
        if key in missing_index or key in ("nicht beantwortet", "keine angabe", "leer"):
            missing_codes.add(int(code))
            continue
        if key in ("best", "beste", "am besten"):
            points.append((int(code), 1.0, 0))
            continue
        if key in ("worst", "schlechteste", "am schlechtesten"):
            points.append((int(code), 0.0, 0))
            continue
        found = _from_label(key, scales)
        if found.unknown or found.scale is None or found.value is None:
            continue
        spec = specs[found.scale]
        position = (found.value - spec.lo) / max(spec.hi - spec.lo, 1)
        points.append((int(code), position, len(spec.points)))
    direction, numeric = AUTO, None
    if len(points) == 1:
        code, position, size = points[0]
        if position in (0.0, 1.0):
            lowest_best = (position == 1.0) == (code == 1)
            direction = BEST_FIRST if lowest_best else WORST_FIRST
        if size and code == 1 and position in (0.0, 1.0):
            numeric = (1, size)
        elif size and position in (0.0, 1.0):
            numeric = (1, code)
    elif points:
        trend = sum(
            (c1 - c2) * (p1 - p2)
            for i, (c1, p1, _) in enumerate(points)
            for c2, p2, _ in points[i:]
        )
        if trend:
            direction = WORST_FIRST if trend > 0 else BEST_FIRST
        codes = [c for c, _, _ in points]
        numeric = (min(codes), max(codes))
    return Legend(direction, numeric, frozenset(missing_codes))


def legend_pairs(text: str | None) -> list[tuple[int, str]]:
    """The code → label pairs written in a text ("1 = sehr gut, 2 = gut, … 5 = schlecht")."""
    return [(int(code), label.strip()) for code, label in _HINT_PAIR.findall(str(text or ""))]


def parse_scale_hint(
    hint: str | None, *, scales: Mapping[str, Any]
) -> tuple[str, tuple[int, int] | None]:
    """Read a scale hint such as ``"1=sehr zufrieden"`` or ``"1 = sehr gut … 6 = ungenügend"``.

    Returns
    -------
    direction, numeric_scale
        ``("1=best" | "1=worst" | "auto", (lo, hi) or None)``.
    """
    if not hint:
        return AUTO, None
    text = str(hint)
    key = normalise(text)
    legend = read_legend(legend_pairs(text), scales=scales)
    direction, numeric = legend.direction, legend.numeric_scale
    if key in ("1 best", "1 beste", "1 am besten"):
        direction = BEST_FIRST
    elif key in ("1 worst", "1 schlechteste", "1 am schlechtesten"):
        direction = WORST_FIRST
    match = _HINT_RANGE.search(text)
    if match:
        numeric = (int(match.group(1)), int(match.group(2)))
    return direction, numeric


def scale_bounds(
    reading: AnswerValue, *, scales: Mapping[str, Any], numeric: tuple[int, int]
) -> tuple[float | None, float | None]:
    """The range of the scale an answer was read on (a label: its scale; a code: ``numeric``);
    ``(None, None)`` for an answer without a value."""
    if reading.value is None:
        return None, None
    spec = scale_specs(scales).get(reading.scale) if reading.scale is not None else None
    if spec is not None:
        return float(spec.lo), float(spec.hi)
    return float(numeric[0]), float(numeric[1])


def polarity(value: float, spec: ScaleSpec) -> str:
    """``"negative"``, ``"neutral"`` (middle of an odd scale) or ``"positive"``."""
    mid = (spec.lo + spec.hi) / 2
    if value < mid:
        return "negative"
    if value > mid:
        return "positive"
    return "neutral"


def positive_threshold(spec_lo: float, spec_hi: float, *, positive_top: int) -> float:
    """Smallest value counted as positive: the top ``positive_top`` categories, but never the
    middle or the lower half of the scale (on a yes/no scale only "ja")."""
    points = int(spec_hi - spec_lo) + 1
    top = max(1, min(positive_top, points // 2))
    return spec_hi - top + 1


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
