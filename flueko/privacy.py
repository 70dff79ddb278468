"""Privacy masking: e-mail addresses, phone numbers and personal names in free text.

:func:`mask_personal_data` replaces them with placeholders (``[E-Mail]``, ``[Telefon]``,
``Frau [Name]``) before anything reaches a report; :func:`find_personal_data` runs the same
detectors for the report privacy gate. The detectors are tuned to leave ordinary numbers alone:
amounts (``7.000 €``), dates (``20.10.2016``, ``2016-10-20``), years, counts (``n = 41``),
percentages, ids (``M-03``) and hashes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from flueko.errors import SchemaError
from flueko.privacy_names import find_names, is_common_word, is_office

__all__ = [
    "EMAIL_TOKEN",
    "NAME_TOKEN",
    "PHONE_TOKEN",
    "Finding",
    "find_personal_data",
    "mask_frame",
    "mask_personal_data",
]

EMAIL_TOKEN = "[E-Mail]"
PHONE_TOKEN = "[Telefon]"
NAME_TOKEN = "[Name]"

KINDS = ("email", "phone", "name")

# --- detectors ------------------------------------------------------------------------------

_AT = (
    r"(?:[ \t]*@[ \t]*"  # @, also with blanks around it
    r"|[ \t]*[(\[{<][ \t]*(?:at|ät|@)[ \t]*[)\]}>][ \t]*"  # (at) [at] {at} (ät)
    r"|[ \t]+(?:at|AT|At|ät)[ \t]+)"  # " at "
)
_DOT = (
    r"(?:\.|[ \t]+\.[ \t]+"
    r"|[ \t]*[(\[{<][ \t]*(?:dot|punkt|Punkt|DOT)[ \t]*[)\]}>][ \t]*"
    r"|[ \t]+(?:dot|DOT|Dot|punkt|Punkt|PUNKT)[ \t]+)"
)
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_EMAIL = re.compile(
    r"(?<![\w.%+-])"
    rf"[\w%+-]+(?:{_DOT}[\w%+-]+)*"  # local part
    rf"{_AT}"
    rf"{_LABEL}(?:{_DOT}{_LABEL})*"  # domain labels
    rf"{_DOT}[^\W\d_]{{2,24}}"  # top-level domain
    r"(?![\w-])",
)

_AT_HINT = re.compile(r"(?<![^\W\d_])(?:at|ät)(?![^\W\d_])", re.IGNORECASE)

# Phone numbers: digit groups joined by single separators; a leading 0, + or 00 (or a cue such
# as "Tel.") makes them a number rather than an amount, a date or a range.
_GROUPS = r"[0-9]+(?:(?:[ \t]?[/.\-–][ \t]?|[ \t])[0-9]+)*"
_PHONE = re.compile(
    r"(?<![\w+\-.,/\]])"
    r"(?:"
    r"(?:\+|00)[1-9][0-9 ]{0,3}[ \t./-]?(?:\(0\)[ \t./-]?)?"  # +49, 0049, +49 (0)
    r"|\([ \t]?0[0-9 ]{2,8}\)[ \t]?"  # (0 62 21)
    r"|(?=0[ \t]?[1-9])"  # 06221, 0 62 21
    r")"
    rf"{_GROUPS}"
    r"(?![0-9]|[.,][0-9]|[^\W\d_]|[ \t]?(?:€|%|Uhr|h\b))",
)
_PHONE_CUE = re.compile(
    r"(?:\b(?:Tel|Telefon|Fon|Fax|Handy|Mobil|Handynr|Tel\.-Nr|Telefonnr|Rufnummer|WhatsApp)"
    r"\.?[ \t]*:?[ \t]*|\b(?:erreichbar|Rückruf|Anruf)[ \t]+unter[ \t]+)$",
    re.IGNORECASE,
)
_CUED_NUMBER = re.compile(r"\(?[0-9][0-9 ()/.\-–]*[0-9](?![^\W_])")
_DATE = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{2,4})?")
_PHONE_MIN_DIGITS = 6
_ASCII_DIGIT = re.compile(r"[0-9]")

_SALUTATION = r"(?P<sal>Herrn|Herr|Frau|Hr\.|Fr\.)"
_TITLE = r"(?:Prof|Dr|Dipl\.-[^\W\d_]+|Mag|med|phil|rer\.[ \t]?nat|h\.[ \t]?c)\."
_PARTICLE = r"(?:von|van|de|du|zu|vom|zur|ten|ter|al|el)"
_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_NAME = re.compile(
    rf"(?<![\w-]){_SALUTATION}"
    rf"(?P<titles>(?:\s+{_TITLE})*)"
    rf"\s+(?P<name>(?:{_PARTICLE}\s+(?:der\s+|den\s+)?)?(?P<first>{_WORD})"
    rf"(?:[ \t]+(?P<second>{_WORD}))?)"
)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text.

    Attributes
    ----------
    kind
        ``"email"``, ``"phone"`` or ``"name"``.
    match
        The text found (for names: salutation, titles and name).
    start, end
        Its position in the text (``text[start:end] == match``).
    """

    kind: str
    match: str
    start: int
    end: int


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _emails(text: str) -> list[Finding]:
    if "@" not in text and _AT_HINT.search(text) is None:
        return []  # fast path: most texts hold no address
    return [Finding("email", m.group(), m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _phones(text: str) -> list[Finding]:
    if _ASCII_DIGIT.search(text) is None:
        return []  # both patterns need a digit: most texts hold none
    found = []
    for m in _PHONE.finditer(text):
        number = m.group().rstrip(" \t/.-–")
        date = _DATE.match(number)
        if date and date.end() >= len(number.rstrip()):
            continue
        groups = re.findall(r"[0-9]+", number)
        if sum(map(len, groups)) < _PHONE_MIN_DIGITS or sum(len(g) == 1 for g in groups) > 3:
            continue  # "Skala 0 1 2 3 4 5" is no number
        found.append(Finding("phone", number, m.start(), m.start() + len(number)))
    # after a cue ("Tel. 4055-12"): any digit groups
    for m in _CUED_NUMBER.finditer(text):
        if _PHONE_CUE.search(text[max(m.start() - 30, 0) : m.start()]) is None:
            continue
        number = m.group()
        if number.startswith("(") and ")" not in number:
            number = number[1:]
        start = m.end() - len(number)
        if sum(ch.isdigit() for ch in number) >= 4 and not _DATE.fullmatch(number):
            found.append(Finding("phone", number, start, m.end()))
    return found


def _has_salutation(text: str) -> bool:
    """``text`` holds one of the salutations :data:`_NAME` starts with (a fast pre-check)."""
    return "Herr" in text or "Frau" in text or "Hr." in text or "Fr." in text


def _names(text: str) -> list[Finding]:
    found = []
    spans = find_names(text)
    pos = 0 if _has_salutation(text) else len(text)
    while (m := _NAME.search(text, pos)) is not None:
        first = m.group("first")
        if not _capitalised(first) or is_office(first):
            second = m.group("second")
            if is_office(first) and _capitalised(second) and not is_office(second):
                # Frau Bürgermeisterin Weber: the office stays, the name goes
                start = m.start("second")
                end = max([e for s, e in spans if s == start] + [m.end("second")])
                if not is_common_word(second):
                    found.append(Finding("name", text[start:end], start, end))
            pos = m.start("first")  # "Frau und Mann", "Herr Landrat": not a name
            continue
        end = m.end("second") if _capitalised(m.group("second")) else m.end("first")
        end = max([e for s, e in spans if m.start() <= s <= end] + [end])  # Herr A B Hassan
        found.append(Finding("name", text[m.start() : end], m.start(), end))
        pos = end
    found += [Finding("name", text[s:e], s, e) for s, e in spans]
    return found


def find_personal_data(text: str) -> list[Finding]:
    """Find e-mail addresses, phone numbers and names after a salutation in ``text``.

    Parameters
    ----------
    text
        Any text (e.g. the visible text of a finished report).

    Returns
    -------
    list[Finding]
        Non-overlapping findings, ordered by position; empty for masked text.
    """
    return _find(text, (_emails, _phones, _names))


def find_contact_data(text: str) -> list[Finding]:
    """E-mail addresses and phone numbers in ``text`` — what :func:`find_personal_data` finds
    of them (same order, same overlap rule), without the slower name search."""
    return _find(text, (_emails, _phones))


def _find(text: str, detectors) -> list[Finding]:
    if not isinstance(text, str) or not text:
        return []
    out: list[Finding] = []
    taken = bytearray(len(text))  # 1 where an earlier detector already found something
    # E-mails first: their local part may hold digits or "Frau"-like words.
    for detector in detectors:
        for f in detector(text):
            if not any(taken[f.start : f.end]):
                out.append(f)
                taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    return sorted(out, key=lambda f: f.start)


def _replacement(finding: Finding) -> str:
    if finding.kind == "email":
        return EMAIL_TOKEN
    if finding.kind == "phone":
        return PHONE_TOKEN
    salutation = _NAME.match(finding.match)
    return f"{salutation.group('sal')} {NAME_TOKEN}" if salutation else NAME_TOKEN


def mask_personal_data(text: str) -> str:
    """Replace personal data in ``text`` by placeholders; keep everything else unchanged.

    E-mail addresses → ``[E-Mail]``; German phone numbers → ``[Telefon]``; a name after
    Herr/Herrn/Frau/Hr./Fr. (with titles such as Dr./Prof.) → ``Frau [Name]`` (the salutation
    as written, titles dropped). Idempotent: masking masked text changes nothing.

    Parameters
    ----------
    text
        Any text; a missing value is returned as is.

    Returns
    -------
    str
        The masked text.
    """
    if not isinstance(text, str) or not text:
        return text
    findings = find_personal_data(text)
    if not findings:
        return text
    parts = []
    pos = 0
    for f in findings:
        parts.append(text[pos : f.start])
        parts.append(_replacement(f))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def mask_frame(df: pd.DataFrame, *, columns: Sequence[str]) -> pd.DataFrame:
    """Return a copy of ``df`` with personal data masked in ``columns``.

    Parameters
    ----------
    df
        Input table; not modified.
    columns
        Text columns to mask; missing values stay missing, non-text values unchanged.

    Raises
    ------
    SchemaError
        If one of ``columns`` is not in ``df``.
    """
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(
            f"Spalte '{missing[0]}' fehlt, Datenschutz-Maskierung nicht möglich",
            hint=f"vorhanden sind: {', '.join(map(str, df.columns))}",
        )
    out = df.copy()
    for col in columns:
        series = out[col]
        masked = [mask_personal_data(v) if isinstance(v, str) else v for v in series]
        dtype = series.dtype if isinstance(series.dtype, pd.StringDtype) else None
        out[col] = pd.Series(masked, index=series.index, dtype=dtype, name=col)
    return out
