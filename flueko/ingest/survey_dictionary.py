"""The survey dictionary (``survey_items.yaml``) as lookup tables for matching headers to items.

Codes, labels, synonyms and question phrasings of every item (and of the comment item) are
normalised into exact, synonym and fuzzy lookups, which
:func:`flueko.ingest.survey.match_item` reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from flueko.ingest import likert
from flueko.sheet import is_empty

COMMENT_ITEM = "kommentar"
"""Item key of free-text answers (kept masked, never scored)."""

FUZZY_THRESHOLD = 80.0
"""Minimum rapidfuzz score (0-100) for a paraphrased header to count as an item."""

_BRACKET = re.compile(r"\[([^\]]*)\]")
_QUESTION_CODE = re.compile(r"^\s*[A-Za-z]{0,4}\d+[a-z]?(?:[._]\w+)?\s*[.:)]?\s+")

STOPWORDS = frozenset(
    """
    wie was war waren ist sind sie ihr ihre ihnen ich mir mich mit dem den der die das des
    und oder zu zur zum in im an am auf fuer von bei bitte bewerten bewertung beurteilen
    zufrieden zufriedenheit insgesamt veranstaltung dialogveranstaltung dialog workshop
    hat haben hatte hatten es ein eine einen einem einer wurde wurden gab gibt sehr
    als so da dass fand finden fanden
    """.split()  # noqa: SIM905
)
"""Words a fuzzy header match ignores (:func:`content_words`)."""


@dataclass(frozen=True)
class SurveyDictionary:
    """Normalised lookups of the survey dictionary, each text → item key (first one wins).

    ``codes``: item keys and their codes; ``exact``: labels, synonyms and questions;
    ``synonyms``: (synonym, key) pairs searched inside a header; ``fuzzy``: the content words
    of labels, synonyms and questions.
    """

    codes: dict[str, str]
    exact: dict[str, str]
    synonyms: tuple[tuple[str, str], ...]
    fuzzy: dict[str, str]


def compile_dictionary(items: Mapping[str, Any]) -> SurveyDictionary:
    """The lookups of the survey dictionary ``items`` (``survey_items.yaml``), comment included."""
    codes: dict[str, str] = {}
    exact: dict[str, str] = {}
    synonyms: list[tuple[str, str]] = []
    fuzzy: dict[str, str] = {}
    entries = [(key, spec or {}) for key, spec in (items.get("items") or {}).items()]
    comment = items.get("comment") or {}
    entries.append((str(comment.get("key", COMMENT_ITEM)), comment))
    for key, spec in entries:
        for code in [key, *(spec.get("codes") or [])]:
            codes.setdefault(likert.normalise(code), key)
        label = spec.get("label")
        phrases = [str(p) for p in [*(spec.get("synonyms") or []), *(spec.get("questions") or [])]]
        for text in [label, *phrases]:
            if text:
                norm = likert.normalise(text)
                exact.setdefault(norm, key)
                content = content_words(norm)
                if content:
                    fuzzy.setdefault(content, key)
        for text in spec.get("synonyms") or []:
            synonyms.append((likert.normalise(text), key))
    return SurveyDictionary(codes, exact, tuple(s for s in synonyms if s[0]), fuzzy)


def content_words(norm: str) -> str:
    """A normalised text without :data:`STOPWORDS`."""
    return " ".join(w for w in norm.split() if w not in STOPWORDS)


def match_item(
    header: object, *, items: Mapping[str, Any], threshold: float = FUZZY_THRESHOLD
) -> tuple[str | None, float]:
    """Match a column header (or a long-layout item text) to an item key.

    The code in brackets (``F1[format] …``) wins, then a header equal to a code, label or
    phrase, then synonyms contained in the header, then a fuzzy match (rapidfuzz
    ``token_sort_ratio`` on the content words) of at least ``threshold``. Free-text columns
    match the comment key ``"kommentar"``.

    Returns
    -------
    key, score
        ``(None, best score)`` when nothing matches.
    """
    text = "" if header is None else str(header).strip()
    if not text:
        return None, 0.0
    book = compile_dictionary(items)
    for code in _BRACKET.findall(text):
        key = book.codes.get(likert.normalise(code))
        if key:
            return key, 100.0
    parts = [p for p in _BRACKET.findall(text) if len(re.findall(r"[^\W\d_]", p)) >= 3]
    for part in parts:
        found = _lookup(likert.normalise(part), book)
        if found[0]:
            return found
    if parts:  # a matrix sub-question ("Frage [Teilfrage]") is the item, not the shared stem
        return None, 0.0
    question = _QUESTION_CODE.sub("", _BRACKET.sub(" ", text))
    norm = likert.normalise(question) or likert.normalise(text)
    found = _lookup(norm, book)
    if found[0]:
        return found
    content = content_words(norm)
    if not content or not book.fuzzy:
        return None, 0.0
    best = process.extractOne(content, list(book.fuzzy), scorer=fuzz.token_sort_ratio)
    if best is None:
        return None, 0.0
    choice, score, _ = best
    if score >= threshold:
        return book.fuzzy[choice], float(score)
    return None, float(score)


def normalise_group(text: object, *, groups: Mapping[str, Any]) -> str | None:
    """A group cell → canonical group label (longest contained synonym wins); ``None`` if none."""
    if is_empty(text):
        return None
    norm = likert.normalise(text)
    best, best_len = None, 0
    for label, synonyms in groups.items():
        for syn in [label, *(synonyms or [])]:
            syn_norm = likert.normalise(syn)
            if syn_norm and (syn_norm == norm or syn_norm in norm) and len(syn_norm) > best_len:
                best, best_len = str(label), len(syn_norm)
    return best


def _lookup(norm: str, book: SurveyDictionary) -> tuple[str | None, float]:
    """Codes, exact phrases, then synonyms contained in ``norm`` (longest total wins)."""
    if norm in book.codes:
        return book.codes[norm], 100.0
    if norm in book.exact:
        return book.exact[norm], 100.0
    weights: dict[str, int] = {}
    for syn, key in book.synonyms:
        if re.search(r"(?<![a-z0-9])" + re.escape(syn), norm):
            weights[key] = weights.get(key, 0) + len(syn)
    if weights:
        return max(weights, key=lambda k: weights[k]), 95.0
    return None, 0.0
