"""Cell cleaning: normalise text, split workshop cards into single ideas, parse dot votes.

Pure functions on single cell values; they never raise for any cell a reader can deliver
(``None``, NaN, numbers, text). Card texts are what participants wrote: only whitespace and
invisible characters are normalised, typographic characters survive. A cell that looks like a
formula (``=…``) or holds HTML is kept verbatim and never interpreted.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = [
    "MAX_VOTES",
    "VoteParse",
    "VotesInText",
    "is_formula_text",
    "normalise_cell",
    "normalise_text",
    "parse_votes",
    "split_ideas",
    "votes_in_text",
]

MAX_VOTES = 10_000
"""More dot votes than this on one card is not plausible (a typo or a wrong column)."""

# --- character classes ------------------------------------------------------------------------

_REMOVE = dict.fromkeys(
    map(
        ord,
        "\u00ad"  # soft hyphen
        "\u200b\u200c\u200d\u2060\u180e"  # zero-width space / (non-)joiner, word joiner, MVS
        "\ufeff",  # BOM / zero-width no-break space
    )
)
# Excel's XML escapes that survive in cell text (``_x000D_`` is the carriage return).
_EXCEL_ESCAPES = re.compile(r"_x(000[dD]|000[aA]|0009)_")
_EXCEL_ESCAPE_TO = {"000d": "", "000a": "\n", "0009": " "}
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace except the line break (incl. NBSP, U+202F)

# --- cell values ------------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    """True for ``None``, ``pd.NA``, ``NaT`` and float NaN (never raises)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return bool(np.isnan(value))
    return False


def _number_text(value: numbers.Number) -> str:
    """A number as text: integral values without ``.0``."""
    if isinstance(value, numbers.Integral):
        try:
            return str(int(value))
        except ValueError:  # more digits than Python converts (no spreadsheet holds these)
            return ""
    if isinstance(value, numbers.Real):
        real = float(value)
        if math.isfinite(real) and real.is_integer():
            return str(int(real))
        return repr(real) if isinstance(value, float | np.floating) else str(value)
    return str(value)


def _to_text(value: object) -> str:
    """Any cell value as raw text ("" for missing values)."""
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return "ja" if value else "nein"
    if isinstance(value, numbers.Number):
        return _number_text(value)
    if isinstance(value, datetime | pd.Timestamp):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    try:
        return str(value)
    except Exception:  # a foreign object with a broken __str__ must not stop cleaning
        return ""


def normalise_cell(value: object) -> str:
    """Clean a cell value but keep its line structure.

    Line breaks become ``"\\n"``, every line is cleaned as in :func:`normalise_text`, empty
    lines are dropped. Idempotent: a leading apostrophe (Excel's text prefix, a CSV formula
    guard) is removed once, when the file is read (:func:`flueko.io.readers.strip_text_prefix`),
    never here.

    Parameters
    ----------
    value
        Any cell value (text, number, ``None``/NaN, date).

    Returns
    -------
    str
        Cleaned lines joined with ``"\\n"`` ("" for an empty cell).
    """
    if type(value) is str:
        if value.isprintable() and "_x" not in value:
            # no line break, control, invisible or special space and no Excel escape: only
            # NFC and the blanks are left to do (the common card, decided without regexes)
            text = value if value.isascii() else unicodedata.normalize("NFC", value)
            if text.isprintable():
                return " ".join(text.split())
    elif type(value) is int:
        return _number_text(value)  # digits and a sign: nothing to clean
    return _clean_lines(_to_text(value))


def _clean_lines(text: str) -> str:
    """:func:`normalise_cell` of a text, every step (the fast paths above skip the no-ops)."""
    if not text:
        return ""
    text = _EXCEL_ESCAPES.sub(lambda m: _EXCEL_ESCAPE_TO[m.group(1).lower()], text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_REMOVE)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def normalise_text(value: object) -> str:
    """Clean any cell value into one line of plain text.

    ``None``/NaN → ``""``; numbers → their text (integral values without ``.0``); Excel's
    ``_x000D_``, soft hyphens, zero-width characters and the BOM are removed; no-break spaces,
    tabs and line breaks become spaces; whitespace is collapsed and stripped. Everything else
    stays verbatim: typographic quotes and dashes („…“ ‚…‘ – …), formulas and HTML (plain text,
    never interpreted).

    Parameters
    ----------
    value
        Any cell value.

    Returns
    -------
    str
        The cleaned one-line text.
    """
    if isinstance(value, str):
        return _normalise_str(value)
    if value is None:
        return ""
    return normalise_cell(value).replace("\n", " ")


@lru_cache(maxsize=262_144)
def _normalise_str(value: str) -> str:
    """:func:`normalise_text` of a string, cached: headers and questions repeat on every row."""
    return normalise_cell(value).replace("\n", " ")


# --- splitting workshop cards -------------------------------------------------------------------

_WORD_BULLETS = "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf0a8"
"""Symbol-font bullets (private use area) that survive copying a Word list into Excel."""
_BULLET_CHARS = "•·*▪►✓✔→○◦■□●‣▸▹➢➤➔◆◇▫◼◻⁃∙" + _WORD_BULLETS
"""Symbols that start an idea when they open a line."""
_INLINE_BULLETS = "•▪►✓✔○◦■□●‣▸▹➢➤◆◇▫◼◻⁃" + _WORD_BULLETS
"""Symbols that also separate ideas inside a line (never part of a word)."""

_NUMBERING = (
    r"\d{1,2}(?:\.\)|[.)])(?=\s|$|[^\W\d_])"  # 1.  1)  1.)  1.Text; not 1.000 or 20.10.
    r"|[A-Za-z]\)(?=\s|$)"  # a)
    r"|\((?:\d{1,2}|[A-Za-z])\)(?=\s|$)"  # (1)  (a)
)
_DASH = r"[-–—]+>?(?=\s|$|[^\W\d_])|=>|\+(?=\s)"  # "- x", "-x", "-> x", "+ x"; not "-5"
_LEADING_MARKER = re.compile(
    rf"^(?:[{re.escape(_BULLET_CHARS)}]+|{_DASH}|{_NUMBERING})\s*",
)
_INLINE_SPLIT = re.compile(rf"[{re.escape(_INLINE_BULLETS)}]|(?<=\s)·(?=\s)")


def _strip_markers(line: str) -> tuple[str, bool]:
    """Remove all leading markers of ``line``; return the rest and whether one was found."""
    found = False
    while True:
        match = _LEADING_MARKER.match(line)
        if match is None or match.end() == 0:
            return line, found
        line = line[match.end() :]
        found = True


def split_ideas(value: object) -> list[str]:
    """Split one workshop card cell into its single ideas.

    A line that starts with a bullet (``•``, ``-``, ``–``, ``*``, ``✓``, ``→`` …) or a numbering
    (``1.``, ``1)``, ``a)``, ``(1)``) starts an idea; lines without a marker that follow it
    continue that idea. Bullets inside a line (``"• A • B"``) separate ideas too. A cell with
    line breaks but no markers is one idea. Hyphens inside words (``Deutsch-Kurse``) are text.

    Parameters
    ----------
    value
        Any cell value.

    Returns
    -------
    list[str]
        The ideas, cleaned with :func:`normalise_text`; empty for an empty or marker-only cell.
    """
    ideas: list[list[str]] = []
    for line in normalise_cell(value).split("\n"):
        for i, part in enumerate(_INLINE_SPLIT.split(line)):
            text, marked = _strip_markers(part.strip())
            if marked or i > 0 or not ideas:
                ideas.append([text])  # a marker (or the cell's first text) starts an idea
            else:
                ideas[-1].append(text)  # continuation line
    out = []
    for parts in ideas:
        idea, _ = _strip_markers(normalise_text(" ".join(parts)))
        if idea:
            out.append(idea)
    return out


# --- dot votes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteParse:
    """Result of :func:`parse_votes`.

    Attributes
    ----------
    votes
        Number of dot votes, or ``None`` if empty or not readable.
    ok
        ``False`` if the cell holds something that is not a vote count.
    reason
        ``"empty"`` for an empty cell, a short German reason if not ``ok``, else ``""``.
    """

    votes: int | None
    ok: bool
    reason: str


_EMPTY = VoteParse(None, True, "empty")
_EMPTY_TEXTS = frozenset({"", "-", "–", "—", "--", "---"})
_DOT_SYMBOLS = frozenset("•●⬤∙·xX×✓✔✗✘☑☒*")
_TALLY_SYMBOLS = frozenset("I|")
_NUMBER_WORDS = {
    "null": 0, "kein": 0, "keine": 0, "ein": 1, "eine": 1, "eins": 1, "einen": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12,
}  # fmt: skip
_VOTE_UNIT = r"(?:klebepunkte?|punkte?|pkte?\.?|pte?\.?|p\.|stimmen?|votes?|dots?)"
"""Units that say a number is a count of dot votes ("3 Punkte", "2 Pkt.", "5 P.", "4 Stimmen")."""
_UNIT = rf"(?:{_VOTE_UNIT}|p|x|mal)"
_WORD_NUMBER = re.compile(rf"({'|'.join(_NUMBER_WORDS)})(?:\s*{_UNIT})?", re.IGNORECASE)
_INTEGER = re.compile(r"(\d{1,7})(?:[.,]0)?")
_WITH_UNIT = re.compile(rf"(\d{{1,7}})\s*{_UNIT}", re.IGNORECASE)
_HUGE = re.compile(r"\d{8,}(?:[.,]0+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_NEGATIVE = re.compile(r"-\s*\d+(?:[.,]\d+)?")
_DECIMAL = re.compile(r"\d+[.,]\d+")
_RANGE = re.compile(r"\d+\s*(?:[-–—/]|bis)\s*\d+", re.IGNORECASE)


def _bad(reason: str) -> VoteParse:
    return VoteParse(None, False, reason)


def _count(n: int) -> VoteParse:
    if n < 0:
        return _bad("negative Punktzahl")
    if n > MAX_VOTES:
        return _bad(f"unplausibel viele Punkte (mehr als {MAX_VOTES:,})".replace(",", "."))
    return VoteParse(n, True, "")


def _parse_number(value: numbers.Number) -> VoteParse:
    if isinstance(value, numbers.Integral):
        return _count(int(value))
    if not isinstance(value, numbers.Real):
        return _bad("keine Zahl")
    real = float(value)
    if not math.isfinite(real):
        return _bad("keine endliche Zahl")
    if not real.is_integer():
        return _bad("keine ganze Zahl")
    return _count(int(real))


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> VoteParse:
    """Votes written as text; cached (the same few spellings recur: "3 Punkte", "••")."""
    if text.startswith("(") and text.endswith(")"):  # "(3)"
        text = text[1:-1].strip()
    text = text.removesuffix(".") if not text[:-1].endswith(".") else text  # "3 Punkte."
    if text in _EMPTY_TEXTS:
        return _EMPTY
    if (m := _INTEGER.fullmatch(text)) or (m := _WITH_UNIT.fullmatch(text)):
        return _count(int(m.group(1)))
    if (m := _WORD_NUMBER.fullmatch(text)) is not None:
        return _count(_NUMBER_WORDS[m.group(1).lower()])
    compact = "".join(text.split())
    if compact and set(compact) <= _TALLY_SYMBOLS:
        return _count(len(compact))
    if compact and set(compact) <= _DOT_SYMBOLS:
        return _count(len(compact))
    if _HUGE.fullmatch(text):
        return _bad(f"unplausibel viele Punkte (mehr als {MAX_VOTES:,})".replace(",", "."))
    if _THOUSANDS.fullmatch(text):
        return _bad("mehrdeutige Zahl (Tausenderpunkt oder Komma?)")
    if _NEGATIVE.fullmatch(text):
        return _bad("negative Punktzahl")
    if _RANGE.fullmatch(text):
        return _bad("Spanne statt einer Punktzahl")
    if _DECIMAL.fullmatch(text):
        return _bad("keine ganze Zahl")
    return _bad("keine Punktzahl erkennbar")


def parse_votes(value: object) -> VoteParse:
    """Read the dot votes of a card from a cell.

    Accepts numbers (``3``, ``3.0``, ``"3"``), units (``"3 Punkte"``, ``"3 Stimmen"``,
    ``"3 P."``), tallies (``"III"``, ``"||||"``, ``"IIII I"``) and dot symbols (``"•••"``,
    ``"●●"``, ``"xxx"``, ``"✓"``). Empty cells and dashes are empty (``ok=True``); anything
    else — words, ranges, negative or fractional numbers, more than :data:`MAX_VOTES`,
    booleans — is not ``ok`` and carries a German reason.

    Parameters
    ----------
    value
        Any cell value.

    Returns
    -------
    VoteParse
        ``votes`` is ``None`` or an int ``>= 0``.
    """
    if type(value) is int:
        return _count(value)  # the common vote cell
    if _is_missing(value):
        return _EMPTY
    if isinstance(value, bool | np.bool_):
        return _bad("Wahrheitswert statt Punktzahl")
    if isinstance(value, numbers.Number):
        return _parse_number(value)
    if isinstance(value, str):
        return _parse_text(normalise_text(value))
    return _bad("keine Punktzahl erkennbar")


# --- votes written into the card ---------------------------------------------------------------


@dataclass(frozen=True)
class VotesInText:
    """Result of :func:`votes_in_text`: the card without its vote part, the votes, the part."""

    text: str
    votes: int
    part: str


_SEP = r"(?:\s*[–—:,/-]\s*|\s+)"
_TRAILING_VOTES = re.compile(
    rf"(?:\s*[(\[]\s*(\d{{1,4}})\s*{_VOTE_UNIT}\s*[)\]]"  # "(3 Punkte)", "[2 P.]"
    rf"|{_SEP}(\d{{1,4}})\s*{_VOTE_UNIT}"  # "– 2 Pkt.", ": 3 Punkte", " 4 Stimmen"
    r"|\s+([●⬤]+|••+))"  # "Elterncafé ●●●"
    r"\s*$",
    re.IGNORECASE,
)
_LEADING_VOTES = re.compile(
    rf"^\s*(?:[(\[]\s*(\d{{1,4}})\s*{_VOTE_UNIT}\s*[)\]]\s*[–—:-]?"  # "(3 Punkte) …"
    rf"|(\d{{1,4}})\s*{_VOTE_UNIT}\s*[–—:-])\s*",  # "3 Punkte: …"
    re.IGNORECASE,
)


_VOTES_HINT = re.compile(r"\d\s*[pPsSkKvVdD]|[●⬤]|••")
"""What every vote part holds: a number before a unit's first letter, or dots."""
_BARE_VOTES = re.compile(r"(?:\s*[(\[]\s*(\d{1,3})\s*[)\]]|\s+(\d{1,3})\s*[pP]\.?)\s*$")
"""A bare count at the end of a card: "(3)", "[3]", "3P", "3 P" (read only when asked)."""
_BARE_HINT = re.compile(r"\d\s*[pP)\]]")
_PATTERNS = (_TRAILING_VOTES, _LEADING_VOTES)


def votes_in_text(value: object, *, bare: bool = False) -> VotesInText | None:
    """Dot votes written into a card ("Elterncafé (3 Punkte)", "Sprachpaten – 2 Pkt.",
    "(5 P.) Kurse", "Sprachcafé ●●●") → the card without the vote part and the votes.

    Only a number with a vote unit (Punkte, Pkt., P., Stimmen …) in brackets, after a separator
    at the end or before one at the start, or a run of dot symbols at the end counts; other
    numbers and brackets stay text ("bis 21 Jahre", "(auch für über 18-Jährige)").

    Parameters
    ----------
    bare
        Also read a bare count at the end: "(3)", "[3]", "3P", "2 P" — for a card that has no
        vote cell, where such a count can mean nothing else (never a number without brackets
        or unit: "über 50").

    Returns
    -------
    VotesInText or None
        ``None`` if the cell holds no vote part or nothing but one.
    """
    if (
        isinstance(value, str)
        and _VOTES_HINT.search(value) is None
        and not (bare and _BARE_HINT.search(value))
    ):
        return None  # no digit before a unit letter and no dots: the common card, decided fast
    text = normalise_cell(value)
    if not text:
        return None
    patterns = (_TRAILING_VOTES, _LEADING_VOTES, _BARE_VOTES) if bare else _PATTERNS
    for pattern in patterns:
        m = pattern.search(text)
        if m is None:
            continue
        rest = (text[: m.start()] + text[m.end() :]).strip()
        if not re.search(r"[^\W\d_]", rest):
            continue  # nothing left but the votes: a vote cell, not a card
        number = next(g for g in m.groups() if g)
        votes = len(number) if not number.isdigit() else int(number)
        if votes > MAX_VOTES:
            continue
        return VotesInText(rest, votes, " ".join(m.group(0).split()))
    return None


# --- formula-like text -------------------------------------------------------------------------

_FORMULA_LIKE = re.compile(
    r"^(?:=\s*(?:[^\W\d_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b|-?\d[\d.,]*\s*[-+*/^&])"
    r"|[+@-]\s*[^\W\d_][\w.]*\s*\("
    r"|[=+@-][^\s|]*\|)",  # DDE: "=cmd|…", "-2+3+cmd|…"
)


def is_formula_text(value: object) -> bool:
    """True for text that is a spreadsheet formula stored as text (``=SUMME(B2:B9)``,
    ``=A1&B1``, ``@HYPERLINK(…)``, ``-cmd|…``): formula-like text is no card and no value.

    Text that merely starts with ``-``, ``+``, ``@`` or ``=`` (a bullet "- Wohnraum", "=> Kita",
    "+49 …", "@alle") is ordinary text; outputs keep it as text (see
    :mod:`flueko.report.plan_workbook`).
    """
    if not isinstance(value, str):
        return False
    text = value.strip()
    return bool(text) and text[0] in "=+-@" and _FORMULA_LIKE.match(text) is not None
