"""Folding text for matching (never for output): one definition used by every matcher."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold_chars(text: object) -> str:
    """Casefold, spell out umlauts (ä→ae, ß→ss), strip other accents; punctuation is kept.

    ``None`` and NaN give "".
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    s = str(text).casefold()
    if s.isascii():
        return s
    s = unicodedata.normalize("NFC", s).translate(_UMLAUTS)
    if s.isascii():
        return s
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.casefold()


@lru_cache(maxsize=262_144)
def _fold_cached(text: str, keep: str) -> str:
    return _words(fold_chars(text), keep)


def _words(folded: str, keep: str) -> str:
    """Runs of characters that are no letter or digit (nor in ``keep``) → one space."""
    if folded.isascii():  # ASCII: a table does what the pattern does, character by character
        return " ".join(folded.translate(_ascii_blanks(keep)).split())
    return " ".join(_non_word(keep).sub(" ", folded).split())


def fold(text: object, *, keep: str = "") -> str:
    """:func:`fold_chars`, then everything but letters, digits and ``keep`` becomes one space.

    >>> fold("Maßnahme (Wirkung 1–5)")
    'massnahme wirkung 1 5'
    """
    if isinstance(text, str):
        return _fold_cached(text, keep)  # headers and labels repeat on every row
    return _words(fold_chars(text), keep)


_PATTERNS: dict[str, re.Pattern] = {}


def _non_word(keep: str) -> re.Pattern:
    """Runs of characters that are no letter or digit (``_`` counts as one unless kept)."""
    if keep not in _PATTERNS:
        other = "" if "_" in keep else "|_"
        _PATTERNS[keep] = re.compile(rf"(?:[^\w{re.escape(keep)}]{other})+")
    return _PATTERNS[keep]


_TABLES: dict[str, dict[int, str]] = {}


def _ascii_blanks(keep: str) -> dict[int, str]:
    """Translation table: every ASCII character that :func:`_non_word` matches → a space."""
    if keep not in _TABLES:
        pattern = _non_word(keep)
        _TABLES[keep] = {i: " " for i in range(128) if pattern.fullmatch(chr(i))}
    return _TABLES[keep]
