"""Dot votes counted in a separate block keyed by card number (Nr. → Punkte), beside the card
list or below it.

Offices that count the dots after the workshop often type them as a small table of their own:
``Nr. | Punkte`` right of the list (in any order, often only the cards that got dots), or under
the list with a title ("Auszählung Klebepunkte") and a totals row. The card numbers of such a
block are keys, never ideas; a card missing from the block got no dots.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from flueko.ingest.clean import VoteParse, normalise_text, parse_votes
from flueko.ingest.detect import is_total_label
from flueko.ingest.headers import number_word, votes_word
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.vocabulary import Vocabulary


@dataclass
class CountBlock:
    """One block of dot counts: its header row, key and count columns and what it holds."""

    header_row: int
    key_col: int
    count_col: int
    title_row: int | None = None
    rows: list[int] = field(default_factory=list)
    votes: dict[CardKey, tuple[int, tuple[int, int]]] = field(default_factory=dict)
    """Card number → (votes, cell of the count)."""
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(row, col, code, message) of the block's cells that could not be used."""
    end_row: int | None = None
    """The row that closed the block (a totals row), if any."""

    @property
    def last_row(self) -> int:
        return max([self.header_row, *self.rows, *([self.end_row] if self.end_row else [])])

    def span(self) -> str:
        return (
            f"{cell_ref(self.header_row, self.key_col)}:{cell_ref(self.last_row, self.count_col)}"
        )


CardKey = int | str
"""What a card is numbered with: a whole number, or a code such as "W1" (as :func:`card_number`
writes it)."""
_CODE = re.compile(r"([^\W\d_]{1,4})[-. ]?(\d{1,4})")


def card_number(value: object) -> CardKey | None:
    """A card number: a whole number ≥ 0 (also typed as text "3" or "3."), or a card code of
    up to four letters and a number ("W1", "Z-2", "ak 3" → "W1", "Z2", "AK3")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str):
        text = normalise_text(value).rstrip(".")
        if text.isdigit() and len(text) <= 6:
            return int(text)
        if m := _CODE.fullmatch(text):
            return f"{m.group(1).upper()}{int(m.group(2))}"
    return None


def header_pairs(texts: Sequence[str], vocab: Vocabulary) -> list[tuple[int, int]]:
    """(key column, count column) of every "Nr. | Punkte" pair in a row of labels."""
    return [
        (c, c + 1)
        for c in range(len(texts) - 1)
        if texts[c]
        and texts[c + 1]
        and number_word(texts[c], vocab)
        and votes_word(texts[c + 1], vocab)
        and not number_word(texts[c + 1], vocab)
    ]


def _fill(sheet: Sheet, block: CountBlock, vocab: Vocabulary) -> CountBlock:
    """Read the rows under the block header until an empty row or a totals row."""
    for r in range(block.header_row + 1, sheet.n_rows):
        key_raw, count_raw = sheet.value(r, block.key_col), sheet.value(r, block.count_col)
        if is_empty(key_raw) and is_empty(count_raw):
            break
        if is_total_label(key_raw, vocabulary=vocab) or is_total_label(count_raw, vocabulary=vocab):
            block.end_row = r
            break
        key = card_number(key_raw)
        if key is None:
            if block.rows:
                break
            return block
        block.rows.append(r)
        parsed: VoteParse = parse_votes(count_raw)
        if not parsed.ok:
            block.problems.append(
                (r, block.count_col, "votes_unreadable", f"Punkte nicht lesbar ({parsed.reason})")
            )
        elif key in block.votes:
            block.problems.append(
                (r, block.key_col, "votes_duplicate", f"Karte Nr. {key} steht doppelt im Block")
            )
        else:
            block.votes[key] = (parsed.votes or 0, (r, block.count_col))
    return block


def find_count_blocks(
    sheet: Sheet,
    *,
    header_row: int,
    head_texts: Sequence[str],
    own_ids: Sequence[int],
    vocab: Vocabulary,
) -> list[CountBlock]:
    """The count blocks of a card sheet: a "Nr. | Punkte" pair in the header row whose
    numbering column is not the card list's own (``own_ids``), or a row of such labels below the
    header (with an optional one-cell title right above it)."""
    blocks = [
        CountBlock(header_row, k, v) for k, v in header_pairs(head_texts, vocab) if k not in own_ids
    ]
    for r in range(header_row + 1, sheet.n_rows):
        values = sheet.rows[r]
        filled = [c for c, v in enumerate(values) if v is not None and not is_empty(v)]
        if not 2 <= len(filled) <= 3 or any(type(values[c]) is not str for c in filled):
            continue
        texts = [normalise_text(v) for v in sheet.row_values(r)]
        for k, v in header_pairs(texts, vocab):
            above = r - 1
            title = None
            if above > header_row:
                above_filled = [c for c, x in enumerate(sheet.row_values(above)) if not is_empty(x)]
                if len(above_filled) == 1 and isinstance(sheet.value(above, above_filled[0]), str):
                    title = above
            blocks.append(CountBlock(r, k, v, title_row=title))
    out = [_fill(sheet, b, vocab) for b in blocks]
    return [b for b in out if b.rows]
