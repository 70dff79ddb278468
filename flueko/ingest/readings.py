"""How a rating sheet, plan or survey sheet was read, from its header — for the cell accounting
(:mod:`flueko.ingest.accounting`) of parsers that do not report their own :class:`SheetUse`.

The roles come from the same vocabulary the parsers use (``headers`` lists of
``resources/vocabulary.yaml``); a column whose header the parser logged (a survey column it does
not evaluate) is left without a role, so its cells count as excluded under that entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from flueko import log as L
from flueko import schema
from flueko.ingest.accounting import Reading, SheetUse, parse_cell
from flueko.ingest.detect import Detection
from flueko.ingest.headers import matching_word
from flueko.ingest.rating_layout import rating_layout
from flueko.sheet import Sheet, is_empty
from flueko.vocabulary import Vocabulary, header_key


def header_rows(det: Detection) -> tuple[int, ...]:
    """The header rows of a detection (a parser may read more than one: ``header_rows``)."""
    rows = getattr(det, "header_rows", None)
    return tuple(rows) if rows else (det.header_row,)


def _criterion(norm: str, vocab: Vocabulary) -> str | None:
    tokens = f" {norm} "
    for criterion in schema.CRITERIA:
        if any(f" {w} " in tokens for w in vocab.headers.get(criterion, ())):
            return criterion
    return None


def ratings_use(sheet: Sheet, det: Detection, vocab: Vocabulary) -> SheetUse:
    """Rating sheets: the layout the rating parser reads (both rows of a two-row header, one
    column per rater and criterion in a matrix), so no rating column counts as unused."""
    lay = rating_layout(sheet, header_row=det.header_row, vocabulary=vocab)
    return SheetUse(Reading(**lay.reading()))


def table_use(sheet: Sheet, det: Detection, vocab: Vocabulary) -> SheetUse:
    """Rating sheets and plans: every header cell whose text starts with a role's header word
    has that role; a header naming a criterion with more words ("Wirkung TN 1") is a rating."""
    rows = header_rows(det)
    columns: dict[str, list[int]] = {}
    matched: dict[int, str] = {}
    for c in range(sheet.n_cols):
        texts = [sheet.merged_value(r, c) for r in rows]
        norm = " ".join(header_key(str(t)) for t in texts if not is_empty(t))
        if not norm:
            continue
        role = None
        for name, words in vocab.headers.items():
            word = next((w for w in words if norm == w or norm.startswith(w + " ")), None)
            if word:
                role, matched[c] = name, word
                break
        if role is None and (crit := _criterion(norm, vocab)):
            role = "rating"
            matched[c] = crit
        if role is not None:
            columns.setdefault(role, []).append(c)
    reading = Reading(kind=det.kind, header_rows=rows, columns=columns, matched=matched)
    return SheetUse(reading)


def survey_use(
    sheet: Sheet,
    det: Detection,
    entries: Iterable[L.LogEntry],
    *,
    vocab: Vocabulary,
) -> SheetUse:
    """Survey sheets: every column with a header that the parser did not log at its header cell
    is read: the respondent's group or number, else answers."""
    rows = header_rows(det)
    logged = {
        cell[1]
        for e in entries
        if e.sheet == sheet.name and e.cell and (cell := parse_cell(e.cell)) and cell[0] in rows
    }
    columns: dict[str, list[int]] = {}
    for c in range(sheet.n_cols):
        texts = [str(sheet.value(r, c)) for r in rows if not is_empty(sheet.value(r, c))]
        if c in logged or not texts:
            continue
        header = " ".join(texts)
        if matching_word(header, (*vocab.survey_group, "gruppe", "group")):
            role = "group"
        elif matching_word(header, (*vocab.number, "id", "respondent", "befragte")):
            role = "respondent"
        else:
            role = "answer"  # a question the dictionary knows, or one judged by its answers
        columns.setdefault(role, []).append(c)
    return SheetUse(Reading(kind="survey", header_rows=rows, columns=columns))
