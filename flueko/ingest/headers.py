"""Explainable header matching for card sheets: which vocabulary word matched which header, the
votes and numbering columns of a header row, and a vote column without a header inferred from
its values.

Matching is by words of ``resources/vocabulary.yaml`` only (folded: lower case, umlauts as
ae/oe/ue, ß as ss, punctuation as a space — "Pkt." is ``pkt``); every match names the word that
decided it, so the „verstanden als“ line can say why a column was read as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from flueko.ingest.clean import normalise_text, parse_votes
from flueko.sheet import Sheet, is_empty
from flueko.text import fold as text_fold
from flueko.vocabulary import Vocabulary

MAX_LABEL = 40
"""Longest header label (other than a guiding question) that is taken as a column name."""
MAX_INFERRED_VOTES = 100
"""Largest value of a column without header that may still be read as dot votes."""


def fold(value: object) -> str:
    """Folded for matching (see :func:`flueko.text.fold`); ``_`` is kept ("idea_id")."""
    return text_fold(value, keep="_")


def matching_word(header: object, words: Sequence[str]) -> str | None:
    """The first of ``words`` the folded ``header`` contains, else ``None``.

    A word with a space is a phrase found anywhere; a word of up to 3 letters must be a whole
    token ("AK", not "Aktivitäten"); a longer one may also begin or end a compound token.
    """
    if type(header) is str and type(words) is tuple:
        return _matching_word(header, words)  # the same headers recur in every file
    return _match(header, words)


@lru_cache(maxsize=65_536)
def _matching_word(header: str, words: tuple[str, ...]) -> str | None:
    return _match(header, words)


def _match(header: object, words: Sequence[str]) -> str | None:
    folded = fold(header)
    if not folded:
        return None
    tokens = folded.split()
    for word in words:
        if " " in word or "_" in word:
            if word in folded:
                return word
        elif len(word) <= 3:
            if word in tokens:
                return word
        elif any(t.startswith(word) or t.endswith(word) for t in tokens):
            return word
    return None


def number_word(header: str, vocab: Vocabulary) -> str | None:
    """The numbering word of a header ("Nr.", "Karte Nr.", "lfd. Nummer", "ID"), else ``None``.

    A numbering column is never votes and never card text.
    """
    if not header or len(header) > MAX_LABEL or len(fold(header).split()) > 3:
        return None
    return matching_word(header, vocab.number) or matching_word(header, vocab.number_keys)


def votes_word(header: str, vocab: Vocabulary) -> str | None:
    """The vote word of a header, else ``None``: a symbol header as written ("#"), a vote word
    as a whole token ("Pkt.", "Anzahl Punkte", "Priorität"), or a compound ending in a vote
    word that is no card word ("Klebepunkte", "Gesamtpunkte"; not "Stichpunkte")."""
    if not header or len(header) > MAX_LABEL:
        return None
    compact = "".join(header.split())
    if compact in vocab.vote_symbols:
        return compact
    tokens = fold(header).split()
    for word in vocab.votes:
        if word in tokens:
            return word
    for tok in tokens:
        if tok not in vocab.text:
            for ending in vocab.vote_endings:
                if tok.endswith(ending):
                    return ending
    return None


def words_of_columns(
    texts: Sequence[str], columns: dict[str, list[int]], vocab: Vocabulary
) -> dict[int, str]:
    """Column → the vocabulary word that gave it its role (for the explanation)."""
    lists = {
        "text": vocab.text + vocab.weak_text,
        "question": vocab.question,
        "group": vocab.group,
        "id": vocab.number + vocab.number_keys,
    }
    out: dict[int, str] = {}
    for role, cols in columns.items():
        for c in cols or []:
            if c >= len(texts) or not texts[c]:
                continue
            word = (
                votes_word(texts[c], vocab)
                if role == "votes"
                else matching_word(texts[c], lists[role])
                if role in lists
                else None
            )
            if word:
                out.setdefault(c, word)
    return out


def _small_counts(values: list[object]) -> bool:
    """True if every value is a small non-negative whole number (or a tally / dot run) and
    the values are no numbering 1, 2, 3, …"""
    counts = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float | str):
            return False
        parsed = parse_votes(v)
        if not parsed.ok or parsed.votes is None or parsed.votes > MAX_INFERRED_VOTES:
            return False
        counts.append(parsed.votes)
    if len(counts) < 2:
        return False
    return not (len(counts) >= 3 and counts == list(range(1, len(counts) + 1)))


def infer_votes_column(
    sheet: Sheet, header_row: int, text_cols: Sequence[int], taken: set[int]
) -> int | None:
    """A column without header right or left next to a card column whose values are all small
    non-negative whole numbers (or tallies, dots, crosses): read as votes, logged as inferred.

    The column right of the cards is tried first. ``taken``: columns that have a role already.
    Failing that, a column beside the cards whose header names no role is votes when its
    values say so: counts with a vote unit ("3 Punkte", "1 Punkt", "5 Pkt", "keine").
    """
    for labelled in (False, True):
        for text_c in text_cols:
            for c in (text_c + 1, text_c - 1):
                if c < 0 or c in taken or (not is_empty(sheet.value(header_row, c))) != labelled:
                    continue
                rows = range(header_row + 1, sheet.n_rows)
                values = [sheet.value(r, c) for r in rows if not is_empty(sheet.value(r, c))]
                with_text = sum(1 for r in rows if not is_empty(sheet.value(r, text_c)))
                counts = _counts_with_units if labelled else _small_counts
                if values and len(values) <= with_text and counts(values):
                    return c
    return None


_UNIT_WORDS = re.compile(r"\d\s*[^\W\d_]|[^\W\d_]{3,}")
_TALLY = re.compile(r"[IiXx|\s]+")


def _counts_with_units(values: list[object]) -> bool:
    """True if every value reads as dot votes (or is a dash) and at least half of them, two at
    least, are written with a vote unit or as a number word ("3 Punkte", "2 P.", "keine")."""
    with_unit = 0
    for v in values:
        parsed = parse_votes(v)
        if isinstance(v, bool) or not parsed.ok or (parsed.votes or 0) > MAX_INFERRED_VOTES:
            return False
        if (
            type(v) is str
            and parsed.votes is not None
            and _UNIT_WORDS.search(v)
            and not _TALLY.fullmatch(v)
        ):
            with_unit += 1
    return with_unit >= max(2, len(values) / 2)


def vote_pairs(sheet: Sheet, row: int, card_cols: Sequence[int], vocab: Vocabulary) -> list[int]:
    """The vote columns of a second header row that names a "card | votes" pair under each card
    column ("Karte | Pkt." under a Leitfrage merged over both), else ``[]``."""
    if row >= sheet.n_rows:
        return []
    texts = [normalise_text(v) for v in sheet.row_values(row)]
    pairs = []
    for c in card_cols:
        label = texts[c] if c < len(texts) else ""
        votes = texts[c + 1] if c + 1 < len(texts) else ""
        if not (
            label
            and matching_word(label, vocab.text)
            and c + 1 not in card_cols
            and votes_word(votes, vocab)
        ):
            return []
        pairs.append(c + 1)
    filled = {c for c, t in enumerate(texts) if t}
    return pairs if filled <= {*card_cols, *pairs} else []
