"""A notes block under a card table: legend, moderation and protocol lines, counts of
participants and dots per person — never cards, their numbers never votes.

Offices often close the typed card list with such lines in the card column ("Legende",
"Moderation: Frau …", "Anzahl Teilnehmende | 17"). A row opens the block when its card cell is
a notes label of ``vocabulary.yaml`` (``notes.labels``) — alone, or before a colon — and an
empty row lies between it and the cards above; a label alone ("Legende") opens it also right
under the cards. The block runs to the next empty row.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from flueko import log as L
from flueko.ingest.card_cells import Collector
from flueko.ingest.clean import normalise_text
from flueko.sheet import Sheet, is_empty
from flueko.vocabulary import Vocabulary, header_key


def notes_label(text: str, vocab: Vocabulary) -> tuple[str, bool] | None:
    """The notes label a card cell starts with and whether it stands alone, else ``None``.

    ``"Legende"`` → ``("legende", True)``; ``"Moderation: Frau A."`` → ``("moderation",
    False)``; ``"Ort für Begegnung"`` → ``None`` (a label needs a colon when more follows).
    """
    label, colon, rest = text.partition(":")
    key = header_key(label)
    if key not in vocab.notes:
        return None
    return key, not (colon and rest.strip())


def notes_rows(
    sheet: Sheet,
    *,
    rows: Sequence[int],
    card_col: int,
    span: Collection[int],
    vocab: Vocabulary,
) -> list[int]:
    """The rows of the notes blocks among ``rows`` (the table's rows under its header).

    Parameters
    ----------
    card_col
        The card column: only its cell can open a block.
    span
        The table's columns: a row is empty when all of them are.
    """

    def empty(row: int) -> bool:
        return all(is_empty(sheet.value(row, c)) for c in span)

    labelled = [
        r
        for r in rows
        if type(v := sheet.value(r, card_col)) is str and notes_label(normalise_text(v), vocab)
    ]
    if not labelled:
        return []  # the common sheet: no notes label in the card column
    out: list[int] = []
    gap = in_block = seen_card = False
    for row in rows:
        if empty(row):
            gap, in_block = seen_card, False
            continue
        if not in_block:
            text = normalise_text(sheet.value(row, card_col))
            label = notes_label(text, vocab) if text else None
            in_block = label is not None and (gap or label[1])
            seen_card = seen_card or bool(text)
        gap = False
        if in_block:
            out.append(row)
    return out


def account_notes(col: Collector, rows: list[int], *, card_col: int, span: Collection[int]) -> None:
    """Leave out every cell of the notes rows (the card cells counted as excluded), with one
    log entry at the first cell of each block."""
    sheet = col.sheet
    starts = [i for i, r in enumerate(rows) if i == 0 or rows[i - 1] != r - 1]
    for first, end in zip(starts, [*starts[1:], len(rows)], strict=False):
        block = rows[first:end]
        start = block[0]
        label = normalise_text(sheet.value(start, card_col)).partition(":")[0]
        col.note(
            "notes_block",
            f"Notizblock „{label[:40]}“ unter der "
            f"Tabelle ({len(block)} Zeilen): keine Karten, keine Punkte",
            start,
            card_col,
            severity=L.INFO,
        )
        for row in block:
            if not is_empty(sheet.value(row, card_col)):
                col.stats.cells_seen += 1
                col.stats.excluded += 1
            for c in span:
                col.drop(row, c, "notes_block")
