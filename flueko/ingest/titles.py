"""Working group and Leitfrage of a card sheet from what surrounds the cards: the sheet name, the
title block above the header, the file name and sub-heading rows.

The words that introduce a working group ("AK", "Arbeitskreis", "Workshop" …) and the sheet
names that name none ("Tabelle1") come from the round's :class:`~flueko.vocabulary.Vocabulary`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from flueko.ingest.clean import normalise_text
from flueko.ingest.detect import fold
from flueko.sheet import Sheet
from flueko.vocabulary import Vocabulary, or_default

QuestionMatcher = Callable[[str], str | None]
GroupMatcher = Callable[[str], str | None]

HEADING_NUMBER_RE = re.compile(r"^(?:(?:leit)?frage\s*)?(?:nr\s*)?(\d{1,2})\b\s*(.*)$")


def group_from_text(text: str, *, vocabulary: Vocabulary | None = None) -> str | None:
    """ "Arbeitskreis Wohnen – 20.10.2016" → "AK Wohnen"; ``None`` if no group is named."""
    vocab = or_default(vocabulary)
    m = vocab.group_title_re.search(normalise_text(text))
    if not m:
        return None
    name = re.split(r"\s+[–-]\s+|\s*\(|,\s*\d|\s+\d{1,2}\.\d{1,2}\.", m.group(2))[0].strip(" :–-")
    if not name or len(name) > 60 or fold(name).split()[0] in vocab.not_group_names:
        return None
    return f"AK {name}"


def sheet_group(
    sheet: Sheet,
    *,
    header_row: int,
    group_of: GroupMatcher,
    vocabulary: Vocabulary | None = None,
) -> str:
    """The working group of a sheet without a group column: sheet name, title block, file name."""
    vocab = or_default(vocabulary)
    name = normalise_text(sheet.name)
    if name and not vocab.generic_sheet_re.match(name):
        titled = group_from_text(name, vocabulary=vocab)
        if titled:
            return titled
        if group_of(name):
            return name if fold(name).startswith(("ak ", "ag ")) else f"AK {name}"
    for row in range(header_row):
        for value in sheet.row_values(row):
            if isinstance(value, str):
                titled = group_from_text(value, vocabulary=vocab)
                if titled:
                    return titled
    stem = PurePosixPath(sheet.file).stem.replace("_", " ").replace("-", " ")
    stem = normalise_text(stem)
    return group_from_text(stem, vocabulary=vocab) or stem


def title_block_question(
    sheet: Sheet, *, header_row: int, question_of: QuestionMatcher
) -> str | None:
    """The Leitfrage named in the title block above the header, or ``None``."""
    for row in range(header_row):
        for value in sheet.row_values(row):
            if isinstance(value, str) and (q := question_of(value)):
                return q
    return None


def heading_question(text: str, *, question_of: QuestionMatcher) -> str | None:
    """The Leitfrage a sub-heading row names, or ``None`` if ``text`` is no heading.

    Headings: "Frage 1", "Leitfrage 2: …", "1. Wo sind die Probleme?", "Was können wir tun?".
    A numbered card ("1. Mehr Sprachkurse") is no heading: after a number the rest must name
    a Leitfrage too.
    """
    if not text or len(text) > 140:
        return None
    folded = fold(text)
    m = HEADING_NUMBER_RE.match(folded)
    asks = text.rstrip().endswith("?") or folded.startswith(("frage", "leitfrage"))
    if m is None and not asks:
        return None  # no heading shape: no need to match the Leitfragen
    question = question_of(text)
    if question is None:
        return None
    if m:
        rest = m.group(2)
        if not rest:
            return question if folded.startswith(("frage", "leitfrage")) else None
        return question if question_of(rest) is not None else None
    return question
