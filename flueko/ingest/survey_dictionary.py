"""The survey dictionary (``survey_items.yaml``) as lookup tables for matching headers to items.

Codes, labels, synonyms and question phrasings of every item (and of the comment item) are
normalised into exact, synonym and fuzzy lookups, which
:func:`flueko.ingest.survey.match_item` reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flueko.ingest import likert

COMMENT_ITEM = "kommentar"
"""Item key of free-text answers (kept masked, never scored)."""

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
