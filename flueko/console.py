"""Terminal-safe output: text from files is printed with its control characters escaped.

A cell, sheet or file name may hold NUL bytes, escape sequences or bidi overrides; printed
as they are they garble or even steer the terminal. :func:`printable` shows them as ``\\x00``,
``\\x1b``, ``\\u202e``; :func:`safe_print` is :func:`print` with every argument passed through it.
"""

from __future__ import annotations

import builtins
import re
from typing import Any

__all__ = ["printable", "safe_print"]

# C0 and C1 control characters except newline and tab, DEL, and Unicode format characters
# that reorder or hide text (bidi overrides and isolates, zero-width characters).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``str(text)`` with control and invisible format characters escaped (``\\x00``)."""
    return _UNSAFE.sub(_escape, str(text))


def safe_print(*values: Any, sep: str | None = " ", end: str | None = "\n", **kwargs: Any) -> None:
    """:func:`print`, with every value passed through :func:`printable`."""
    builtins.print(*(printable(v) for v in values), sep=sep, end=end, **kwargs)
