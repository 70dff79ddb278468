"""Rater names → pseudonyms, for the whole round at once (``ratings.parquet`` holds no person).

A rater label that names an institution is kept as written: a word or phrase of the
vocabulary's ``rater.institutions`` ("Jobcenter", "Agentur für Arbeit", "Kreisjugendamt" — a
word also ends a compound) or an abbreviation in capitals ("LRA", "VHS", "TN01"). Every other
label may name a person and becomes „Bewerter/in 1“ … „Bewerter/in n“, numbered in the order the
raters first appear in the round (files and sheets in reading order, rows top to bottom), so the
numbers are stable from run to run. An institution given beside a person is kept:
„Hr. Becker (Jobcenter)“ → „Bewerter/in 1 (Jobcenter)“. The same label always gets the same
pseudonym, so two raters stay two raters.

``privacy.keep_rater_names: true`` in params.yaml keeps every name as written.
"""

from __future__ import annotations

import re

import pandas as pd

from flueko import schema
from flueko.log import INFO, LogEntry, entry
from flueko.text import fold
from flueko.vocabulary import Vocabulary, or_default

PSEUDONYM = "Bewerter/in {n}"
_FILLERS = frozenset({"fuer", "der", "die", "das", "des", "und", "im", "am", "von", "e", "v", "ev"})
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&.\-]{1,7}$")


def _institution_words(words: list[str], vocab: Vocabulary) -> set[int]:
    """Indices of ``words`` (folded) that belong to an institution name."""
    hits: set[int] = set()
    for entry_ in vocab.institutions:
        parts = entry_.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == parts:
                hits.update(range(i, i + n))
        if n == 1 and len(entry_) >= 3:
            for i, w in enumerate(words):
                if w.endswith(entry_) or (len(entry_) >= 5 and w.startswith(entry_)):
                    hits.add(i)
    return hits


def institution_of(label: str, *, vocabulary: Vocabulary | None = None) -> tuple[str, bool]:
    """The institution a rater label names, and whether the label is *only* that.

    Returns ``(institution, whole)``: ``("Jobcenter", True)`` for "Jobcenter";
    ``("Jobcenter", False)`` for "Hr. Becker (Jobcenter)"; ``("", False)`` for "Anna Schulz".
    """
    vocab = or_default(vocabulary)
    text = " ".join(str(label).split())
    if not text:
        return "", False
    if _is_institution(text, vocab):
        return text, True
    for part in re.split(r"\s*(?:[(),;/|]|\s[-–—]\s|:)\s*", text):
        part = part.strip(" .")
        if part and _is_institution(part, vocab):
            return part, False
    words = fold(text).split()
    hits = _institution_words(words, vocab)
    originals = [t for t in re.split(r"[^\w&]+", text) if t]
    if hits and len(originals) == len(words):  # "Stadt Herrenberg" → the institution word
        return " ".join(originals[i] for i in sorted(hits)), False
    return "", False


def _is_institution(text: str, vocab: Vocabulary) -> bool:
    tokens = [t for t in re.split(r"[\s/]+", text) if t]
    if tokens and all(_ABBREVIATION.match(t) for t in tokens):
        return True
    words = fold(text).split()
    if not words:
        return False
    hits = _institution_words(words, vocab)
    rest = [w for i, w in enumerate(words) if i not in hits and w not in _FILLERS]
    if not hits:
        return False
    # what is left must not look like a name: only abbreviations or numbers ("Jobcenter 2")
    originals = [t for t in re.split(r"[\s/\-]+", text) if t]
    return (
        all(
            w.isdigit()
            or any(fold(o) == w and _ABBREVIATION.match(o) for o in originals)
            or w in vocab.institutions
            for w in rest
        )
        or not rest
    )


def pseudonymise_raters(
    ratings: pd.DataFrame, *, keep_names: bool = False, vocabulary: Vocabulary | None = None
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Replace every rater label that may name a person by „Bewerter/in n“ (see module notes).

    Parameters
    ----------
    ratings
        The round's ratings (``schema.TABLES["ratings"]``), in reading order.
    keep_names
        ``privacy.keep_rater_names``: keep every label as written.
    vocabulary
        The round's vocabulary (its ``rater.institutions``).

    Returns
    -------
    ratings, log
        The ratings with pseudonyms in ``rater``; one info entry saying how many labels were
        replaced and how many kept as institutions.
    """
    if ratings.empty or keep_names:
        return ratings, []
    vocab = or_default(vocabulary)
    mapping: dict[str, str] = {}
    n = 0
    kept = 0
    for label in ratings[schema.RATER].dropna().astype(str):
        if label in mapping:
            continue
        institution, whole = institution_of(label, vocabulary=vocab)
        if whole:
            mapping[label] = label
            kept += 1
            continue
        n += 1
        name = PSEUDONYM.format(n=n)
        mapping[label] = f"{name} ({institution})" if institution else name
    out = ratings.assign(**{schema.RATER: ratings[schema.RATER].map(mapping)})
    out[schema.RATER] = out[schema.RATER].astype(ratings[schema.RATER].dtype)
    log = []
    if n:
        log.append(
            entry(
                "raters_pseudonymised",
                f"{n} Bewerter/innen durch „Bewerter/in 1 … {n}“ ersetzt (in der Reihenfolge "
                f"ihres ersten Auftretens), {kept} Institutionen unverändert — Namen behalten: "
                "privacy.keep_rater_names: true in params.yaml",
                severity=INFO,
            )
        )
    return out, log
