"""Stable ids: the same input gives the same id on every run and machine."""

from __future__ import annotations

import hashlib
import unicodedata


def digest(*parts: str, length: int = 10) -> str:
    """First ``length`` hex digits of the SHA-1 of the parts joined by a unit separator."""
    key = "\x1f".join(parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:length]


def measure_id(title: str) -> str:
    """Id of a measure: "M-" + 8 hex digits of its folded title.

    Casefolded, Unicode-NFC, whitespace-normalised — the same measure in two files or rounds
    (rating sheet, plan, candidate from the cards) gets the same id, whatever its capitalisation
    or spacing.
    """
    key = " ".join(unicodedata.normalize("NFC", str(title)).casefold().split())
    return "M-" + digest(key, length=8)
