"""Cell values as text, for the value parsers of rating sheets and plans.

Every parser (:mod:`flueko.ingest.money`, :mod:`flueko.ingest.timeframe`,
:mod:`flueko.ingest.scales`) accepts whatever a cell may hold (``None``, ``str``, ``int``,
``float``, ``bool``, dates), never raises, and says whether it understood the value. Callers log
what was not understood together with the cell.
"""

from __future__ import annotations


def cell_text(value: object) -> str:
    """A cell value as whitespace-normalised text ("" for empty/NaN)."""
    if value is None or is_nan(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def is_nan(value: object) -> bool:
    """True for NaN (a value that is not equal to itself); never raises."""
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False
