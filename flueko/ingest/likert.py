"""Likert answers (German labels or numeric codes) → scale values where higher is better.

The scales, their labels and the answers that are no rating ("keine Angabe") come from
``resources/survey_items.yaml`` (sections ``scales`` and ``missing``); callers pass those
sections in. Every answer maps to exactly one of: a value, an exclusion reason, or "unknown".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
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

    Returns
    -------
    AnswerValue
        Never raises for any answer.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
    try:
        return _map(answer, scales, missing, direction, numeric_scale or (1, 5))
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


_HINT_PAIR = re.compile(r"(\d+)\s*(?:=|:|\bist\b|\bfür\b|\bfuer\b)\s*([^,;=()\d]+)")
_HINT_RANGE = re.compile(r"(\d+)\s*(?:-|–|bis)\s*(\d+)")


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
    direction, lo, hi = AUTO, None, None
    if key in ("1 best", "1 beste", "1 am besten"):
        direction = BEST_FIRST
    elif key in ("1 worst", "1 schlechteste", "1 am schlechtesten"):
        direction = WORST_FIRST
    specs = scale_specs(scales)
    for code_text, label in _HINT_PAIR.findall(text):
        label_key = normalise(label)
        if label_key in ("best", "beste", "am besten", "worst", "schlechteste"):
            if int(code_text) == 1:
                direction = BEST_FIRST if label_key.startswith(("best", "am")) else WORST_FIRST
            continue
        found = _from_label(label_key, scales)
        if found.unknown or found.scale is None:
            continue
        spec = specs[found.scale]
        code = int(code_text)
        is_best = found.value == spec.hi
        is_worst = found.value == spec.lo
        if code == 1 and (is_best or is_worst):
            direction = BEST_FIRST if is_best else WORST_FIRST
            lo = 1
            hi = max(hi or 0, len(spec.points))
        elif is_best or is_worst:
            hi = max(hi or 0, code)
    match = _HINT_RANGE.search(text)
    if match:
        lo, hi = int(match.group(1)), int(match.group(2))
    numeric = (lo if lo is not None else 1, hi) if hi is not None else None
    return direction, numeric


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
