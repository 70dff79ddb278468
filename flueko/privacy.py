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

_EMAIL = re.compile(
    r"(?<![\w.%+-])"
    r"[\w%+-]+(?:\.[\w%+-]+)*"  # local part
    r"(?:@|[ \t]?[(\[]at[)\]][ \t]?)"  # @, (at), [at]
    r"[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*"  # domain labels
    r"(?:\.|[ \t]?[(\[]dot[)\]][ \t]?)[^\W\d_]{2,24}"  # top-level domain
    r"(?![\w-])",
)

_SEP = r"(?:[ \t]?[/-][ \t]?|[ \t])"
_PHONE = re.compile(
    r"(?<![\w+\-.,\]])"
    r"(?:"
    r"(?:\+|00)[1-9][0-9]{0,2}[ \t]?(?:\(0\)[ \t]?)?[1-9][0-9]{0,4}"  # +49 (0)711, 0049 711
    r"|\(0[1-9][0-9]{1,4}\)"  # (07151)
    r"|0[1-9][0-9]{1,4}"  # 07151 — area code with trunk 0
    r")"
    rf"{_SEP}?[0-9]{{2,8}}(?:[ \t-][0-9]{{1,6}}){{0,4}}"  # subscriber number, grouped
    r"(?![0-9]|[.,][0-9]|[^\W\d_])",
)
_PHONE_MIN_DIGITS = 6

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
    return [Finding("email", m.group(), m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _phones(text: str) -> list[Finding]:
    found = []
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= _PHONE_MIN_DIGITS:
            found.append(Finding("phone", m.group(), m.start(), m.end()))
    return found


def _names(text: str) -> list[Finding]:
    found = []
    pos = 0
    while (m := _NAME.search(text, pos)) is not None:
        if not _capitalised(m.group("first")):
            pos = m.start("first")  # "Frau und Mann": not a name; go on after the salutation
            continue
        end = m.end("second") if _capitalised(m.group("second")) else m.end("first")
        found.append(Finding("name", text[m.start() : end], m.start(), end))
        pos = end
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
    if not isinstance(text, str) or not text:
        return []
    out: list[Finding] = []
    taken = bytearray(len(text))  # 1 where an earlier detector already found something
    # E-mails first: their local part may hold digits or "Frau"-like words.
    for detector in (_emails, _phones, _names):
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
    sal = salutation.group("sal") if salutation else "Frau"
    return f"{sal} {NAME_TOKEN}"


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
