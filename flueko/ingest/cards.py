"""Workshop cards: one detected sheet → one row per single idea, plus every exclusion logged.

Layouts handled (see :mod:`flueko.ingest.detect` for how they are recognised):

- long table — guiding question | card | votes, the question merged over several rows or
  written once per block (filled forward), optionally a working-group column;
- one sheet per guiding question — the sheet name (or the title block) gives the question;
- blocks — one card column, each block introduced by a sub-heading row naming the question;
- wide table — one column per guiding question, optionally a votes column right of each
  (named in the header row, or in a second one: "Karte | Pkt." under each question merged
  over both).

The working group comes from a column, the sheet name, the title block or the file name, in
that order (see :mod:`flueko.ingest.titles`). Votes stand in a column left or right of the
cards (named, or inferred from its values), in the card text ("Elterncafé (3 Punkte)") or in a
separate block keyed by card number (:mod:`flueko.ingest.card_blocks`). Every non-empty cell of
the sheet is used or logged (:mod:`flueko.ingest.card_cells`), and :class:`SheetStats`
reconciles the card cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import pandas as pd
import pyarrow as pa

from flueko import log as L
from flueko import schema as s
from flueko.ingest.accounting import Reading, SheetUse
from flueko.ingest.card_blocks import (
    CardKey,
    CountBlock,
    card_number,
    find_count_blocks,
    header_pairs,
)
from flueko.ingest.card_cells import (
    RECORD_COLUMNS,
    Collector,
    SheetStats,
    account_blocks,
    cell_is_card,
    row_without_card,
    skip_row,
)
from flueko.ingest.card_notes import account_notes, notes_rows
from flueko.ingest.clean import normalise_text
from flueko.ingest.detect import Detection, fold
from flueko.ingest.headers import vote_pairs
from flueko.ingest.titles import (
    group_from_text,
    heading_question,
    sheet_group,
    title_block_question,
)
from flueko.sheet import Sheet, cell_ref, column_letter, is_empty
from flueko.vocabulary import Vocabulary, or_default

QuestionMatcher = Callable[[str], str | None]
GroupMatcher = Callable[[str], str | None]


@dataclass
class CardSheet:
    """What :func:`read_cards_sheet` gives: the ideas, the log, the counts and the cell use.

    ``rows`` are the ideas as records; :attr:`contributions` makes the table of them on first
    use (a round joins the records of all its sheets into one table instead, :func:`card_table`).
    """

    rows: list[tuple]
    log: list[L.LogEntry]
    stats: SheetStats
    use: SheetUse

    @cached_property
    def contributions(self) -> pd.DataFrame:
        return card_table([self.rows])


def card_table(sheets: list[list[tuple]]) -> pd.DataFrame:
    """Idea records, one list per card sheet (in reading order) → a ``contributions`` table.

    The table is built column by column, each text column as one Arrow chunk per sheet: the
    layout (and so the bytes of the written Parquet file) that conforming each sheet's table
    and concatenating them gives, without building a table per sheet.
    """
    sheets = [rows for rows in sheets if rows]
    n = sum(map(len, sheets))
    by_sheet = [dict(zip(RECORD_COLUMNS, zip(*rows, strict=True), strict=True)) for rows in sheets]
    columns: dict[str, pd.Series] = {}
    for col, dtype in s.TABLES["contributions"].items():
        if dtype == s.STR:
            chunks = [
                pa.array(part[col], type=pa.large_string())
                if col in part
                else pa.nulls(len(rows), type=pa.large_string())
                for part, rows in zip(by_sheet, sheets, strict=True)
            ]
            array = pa.chunked_array(chunks, type=pa.large_string())
            columns[col] = pd.Series(pd.arrays.ArrowStringArray(array), copy=False)
        elif col in RECORD_COLUMNS:
            columns[col] = pd.Series([v for part in by_sheet for v in part[col]], dtype=object)
        else:
            columns[col] = pd.Series([pd.NA] * n, dtype=dtype)
    return s.conform(pd.DataFrame(columns, index=pd.RangeIndex(n)), "contributions")


def parse_cards_sheet(
    sheet: Sheet,
    *,
    detection: Detection,
    round_id: str,
    question_of: QuestionMatcher,
    group_of: GroupMatcher,
    vocabulary: Vocabulary | None = None,
) -> tuple[pd.DataFrame, list[L.LogEntry], SheetStats]:
    """Turn one workshop sheet into contributions (one row per idea).

    Parameters
    ----------
    detection
        Kind ``"cards"`` with header row and column roles from
        :func:`flueko.ingest.detect.detect_sheet`.
    question_of
        Maps a heading text to a canonical Leitfrage key (or ``None``).
    group_of
        Maps a name to a Handlungsfeld key if it names a working group/field (or ``None``).
    vocabulary
        The round's header words (default: the packaged ones).

    Returns
    -------
    contributions, log entries, reconciliation counts
        (:func:`read_cards_sheet` also says which cell was used how.)
    """
    out = read_cards_sheet(
        sheet,
        detection=detection,
        round_id=round_id,
        question_of=question_of,
        group_of=group_of,
        vocabulary=vocabulary,
    )
    return out.contributions, out.log, out.stats


def read_cards_sheet(
    sheet: Sheet,
    *,
    detection: Detection,
    round_id: str,
    question_of: QuestionMatcher,
    group_of: GroupMatcher,
    vocabulary: Vocabulary | None = None,
) -> CardSheet:
    """:func:`parse_cards_sheet` plus the use of every cell (:class:`SheetUse`, exhaustive)."""
    col = Collector(sheet, round_id, or_default(vocabulary))
    header = detection.header_row
    head_texts = [normalise_text(v) for v in sheet.row_values(header)]
    default_group = None
    if not detection.columns.get("group"):
        default_group = sheet_group(
            sheet, header_row=header, group_of=group_of, vocabulary=col.vocab
        )
    notes: list[str] = []
    columns = {k: list(v) for k, v in detection.columns.items()}
    if "votes" in detection.inferred and detection.columns.get("votes"):
        c = detection.columns["votes"][0]
        held = "nur kleine ganze Zahlen"
        if label := normalise_text(sheet.value(header, c)):
            held = "Punktzahlen mit Einheit („3 Punkte“, „keine“)"
        col.log.append(
            L.entry(
                "votes_inferred",
                f"Spalte {column_letter(c)} "
                f"{f'„{label[:30]}“' if label else 'ohne Überschrift'} neben den Karten hält "
                f"{held}: als Punkte gelesen — falls falsch, "
                f"{'die Überschrift ändern' if label else 'eine Überschrift eintragen'}",
                file=sheet.file,
                sheet=sheet.name,
                cell=cell_ref(header, c),
                severity=L.INFO,
            )
        )
    header_rows: tuple[int, ...] = (header,)
    if detection.layout == "wide":
        pairs = _parse_wide(col, detection, head_texts, default_group, question_of)
        if pairs:
            header_rows = (header, header + 1)
            columns["votes"] = sorted({*columns.get("votes", []), *pairs})
    else:
        blocks = _parse_long(col, detection, head_texts, default_group, question_of)
        for b in blocks:
            kind = "daneben" if b.header_row == header else "darunter"
            notes.append(f"Punkteblock {b.span()} ({kind}: Nr. → Punkte)")
    if col.text_votes:
        notes.append(f"Punkte im Kartentext ({len(col.text_votes)} Karten)")
        r, c, part = col.text_votes[0]
        col.log.append(
            L.entry(
                "votes_in_text",
                f"Punkte aus dem Kartentext gelesen: {len(col.text_votes)} Karten "
                f"(z. B. „{part}“) — der Punkteteil gehört nicht zur Idee",
                file=sheet.file,
                sheet=sheet.name,
                cell=cell_ref(r, c),
                severity=L.INFO,
            )
        )
    reading = Reading(
        kind="cards",
        header_rows=header_rows,
        columns=columns,
        inferred=detection.inferred,
        matched=detection.matched,
        exhaustive=True,
        notes=tuple(notes),
    )
    use = SheetUse(reading, col.consumed, col.excluded)
    return CardSheet(col.rows, col.log, col.stats, use)


@dataclass(frozen=True)
class _Table:
    """One card table of a long layout: its column span (inclusive) and its columns by role."""

    first: int
    last: int
    text: int
    question: int | None
    group: int | None
    votes: int | None
    number: int | None


def _own_number(numbers: list[int], text_c: int, pair_keys: set[int]) -> int | None:
    """The numbering column of a card list: the one nearest the card column, preferring one
    that does not head a "Nr. | Punkte" pair (that pair is a count block of its own)."""
    free = [c for c in numbers if c not in pair_keys] or numbers
    return min(free, key=lambda c: (abs(c - text_c), c)) if free else None


def _long_tables(
    detection: Detection,
    head_texts: list[str],
    n_cols: int,
    *,
    not_votes: set[int],
    pair_keys: set[int],
) -> list[_Table]:
    """Split a long layout into the tables that stand side by side (one per card column).

    The first table starts in column A; each further table starts as far left of its card
    column as the first labelled header cell is left of the first card column.
    """
    texts = sorted(detection.columns["text"])
    first_filled = next((i for i, t in enumerate(head_texts) if t), texts[0])
    lead = max(texts[0] - first_filled, 0)
    starts = [0]
    for prev, cur in pairwise(texts):
        starts.append(max(cur - lead, prev + 1))
    ends = [s - 1 for s in starts[1:]] + [max(n_cols, texts[-1] + 1) - 1]
    out = []
    for text_c, first, last in zip(texts, starts, ends, strict=True):

        def inside(role: str, lo: int = first, hi: int = last) -> list[int]:
            return [c for c in detection.columns.get(role) or [] if lo <= c <= hi]

        questions, groups = inside("question"), inside("group")
        votes = [v for v in inside("votes") if v != text_c and v not in not_votes]
        out.append(
            _Table(
                first=first,
                last=last,
                text=text_c,
                question=questions[0] if questions else None,
                group=groups[0] if groups else None,
                votes=min(votes, key=lambda v: abs(v - text_c)) if votes else None,
                number=_own_number(inside("id"), text_c, pair_keys),
            )
        )
    return out


def _table_group(col: Collector, table: _Table, *, header_row: int) -> str | None:
    """A group named in the title block above one of several side-by-side tables."""
    for row in range(header_row):
        for c in range(table.first, table.last + 1):
            value = col.sheet.value(row, c)
            if isinstance(value, str) and (titled := group_from_text(value, vocabulary=col.vocab)):
                return titled
    return None


def _parse_long(col, detection, head_texts, default_group, question_of) -> list[CountBlock]:
    """Parse every card table of a long layout; returns the count blocks found."""
    header = detection.header_row
    pair_keys = {k for k, _ in header_pairs(head_texts, col.vocab)}
    n_cols = col.sheet.n_cols
    tables = _long_tables(detection, head_texts, n_cols, not_votes=set(), pair_keys=pair_keys)
    own = [t.number for t in tables if t.number is not None]
    blocks = find_count_blocks(
        col.sheet, header_row=header, head_texts=head_texts, own_ids=own, vocab=col.vocab
    )
    if blocks:
        not_votes = {b.count_col for b in blocks if b.header_row == header}
        tables = _long_tables(
            detection, head_texts, n_cols, not_votes=not_votes, pair_keys=pair_keys
        )
    for table in tables:
        group = default_group
        if len(tables) > 1 and table.group is None:
            group = _table_group(col, table, header_row=header) or group
        mine = [b for b in blocks if table.first <= b.key_col <= table.last]
        _parse_long_table(col, table, header, head_texts, group, question_of, mine)
    return blocks


def _block_rows(blocks: list[CountBlock], header: int) -> tuple[set[int], set[int]]:
    """Rows taken by blocks below the header, and columns taken by blocks beside the cards."""
    rows: set[int] = set()
    cols: set[int] = set()
    for b in blocks:
        if b.header_row == header:
            cols |= {b.key_col, b.count_col}
        else:
            first = b.title_row if b.title_row is not None else b.header_row
            rows |= set(range(first, b.last_row + 1))
    return rows, cols


def _parse_long_table(
    col, table: _Table, header, head_texts, default_group, question_of, blocks
) -> None:
    sheet = col.sheet
    text_c, q_c, g_c, v_c, n_c = table.text, table.question, table.group, table.votes, table.number
    span = range(table.first, table.last + 1)
    block_rows, block_cols = _block_rows(blocks, header)
    head = [t if i in span and i not in block_cols else "" for i, t in enumerate(head_texts)]
    counted: dict[CardKey, tuple[int, tuple[int, int]]] = {}
    for b in blocks:
        for key, item in b.votes.items():
            counted.setdefault(key, item)
    used_keys: set[CardKey] = set()
    position = 0

    sheet_question = question_of(normalise_text(sheet.name)) if sheet.name else None
    if sheet_question is None and q_c is None:
        sheet_question = title_block_question(sheet, header_row=header, question_of=question_of)
    current_q: str | None = sheet_question
    current_q_text = ""
    current_group = default_group
    unknown_questions: set[str] = set()
    content_cols = [c for c in (text_c, q_c, g_c, n_c) if c is not None]
    table_rows = [r for r in range(header + 1, sheet.n_rows) if r not in block_rows]
    notes = notes_rows(sheet, rows=table_rows, card_col=text_c, span=span, vocab=col.vocab)
    account_notes(col, notes, card_col=text_c, span=span)

    for row in table_rows:
        if row in notes:
            continue
        values = sheet.row_values(row)
        texts = [
            normalise_text(v) if i in span and i not in block_cols else ""
            for i, v in enumerate(values)
        ]
        if skip_row(col, row, texts, [text_c], head):
            continue
        # question column: merged ranges and blanks below a question keep the question
        if q_c is not None:
            col.take(row, q_c, "question")
            q_raw = sheet.merged_value(row, q_c)
            if not is_empty(q_raw):
                q_text = normalise_text(q_raw)
                if q_text != current_q_text:
                    current_q_text = q_text
                    current_q = question_of(q_text)
                    if current_q is None and q_text not in unknown_questions:
                        unknown_questions.add(q_text)
                        col.note(
                            "question_unknown",
                            f"Leitfrage „{q_text[:60]}“ keiner der fünf Leitfragen zugeordnet",
                            row,
                            q_c,
                        )
        if g_c is not None:
            col.take(row, g_c, "group")
            g_raw = sheet.merged_value(row, g_c)
            if not is_empty(g_raw):
                current_group = normalise_text(g_raw)
        others = [i for i, t in enumerate(texts) if t and i not in content_cols and i != v_c]
        no_votes = v_c is None or is_empty(sheet.value(row, v_c))
        raw = values[text_c] if text_c < len(values) else None
        if is_empty(raw):
            # a sub-heading beside the card column (or merged over the row from its left)
            if q_c is None and no_votes and len(others) == 1:
                c = others[0]
                if q := heading_question(texts[c], question_of=question_of):
                    current_q = q
                    col.drop(row, c, "subheading")
                    col.note(
                        "subheading",
                        f"Zwischenüberschrift „{texts[c][:40]}“ setzt die Leitfrage",
                        row,
                        c,
                        severity=L.INFO,
                    )
            row_without_card(col, row, v_c, n_c)
            continue
        col.stats.cells_seen += 1
        text = texts[text_c]
        if (
            q_c is None
            and no_votes
            and not others
            and (q := heading_question(text, question_of=question_of))
        ):
            current_q = q
            col.exclude(
                "subheading", f"Zwischenüberschrift „{text[:40]}“ setzt die Leitfrage", row, text_c
            )
            col.drop(row, n_c, "subheading")
            continue
        if not cell_is_card(col, raw, row, text_c):
            code = col.excluded.get((row, text_c), "")
            col.drop(row, v_c, code)
            col.drop(row, n_c, code)
            continue
        position += 1
        votes_from_block = None
        if counted:
            number = card_number(sheet.value(row, n_c)) if n_c is not None else position
            if number is not None:
                used_keys.add(number)
                votes_from_block = counted.get(number, (0, None))[0]
        col.take(row, n_c, "id")
        col.card(
            raw=raw,
            row=row,
            col=text_c,
            group=current_group or "",
            question=current_q,
            votes_cell=(row, v_c) if v_c is not None else None,
            counted=votes_from_block,
        )
    account_blocks(col, blocks, used_keys, numbered=n_c is not None)


def _parse_wide(col, detection, head_texts, default_group, question_of) -> list[int]:
    """One column per Leitfrage or per working group; sub-heading cells (or a repeated header
    naming the next Leitfrage) switch the question of their column. Returns the vote columns of
    a second header row ("Karte | Pkt." under each Leitfrage), if there is one."""
    sheet = col.sheet
    header = detection.header_row
    votes_cols = set(detection.columns.get("votes") or [])
    question_cols = set(detection.columns.get("questions") or [])
    group_cols = set(detection.columns.get("group_columns") or [])
    start_q = question_of(normalise_text(sheet.name)) if sheet.name else None
    if start_q is None:
        start_q = title_block_question(sheet, header_row=header, question_of=question_of)
    columns = []
    for c in sorted(question_cols | group_cols):
        question = question_of(head_texts[c]) if c in question_cols else start_q
        group = default_group or ""
        if c in group_cols:
            group = group_from_text(head_texts[c], vocabulary=col.vocab) or head_texts[c]
        columns.append([c, question, group, c + 1 if c + 1 in votes_cols else None])
    card_cols = [c for c, _, _, _ in columns]
    pairs = [] if votes_cols else vote_pairs(sheet, header + 1, card_cols, col.vocab)
    for entry, v in zip(columns, pairs, strict=False):
        entry[3] = v
    for row in range(header + 1 + bool(pairs), sheet.n_rows):
        values = sheet.row_values(row)
        texts = [normalise_text(v) for v in values]
        if skip_row(col, row, texts, card_cols, head_texts):
            continue
        for entry in columns:
            c, question, group, v = entry
            raw = values[c] if c < len(values) else None
            if is_empty(raw):
                row_without_card(col, row, v, None)
                continue
            col.stats.cells_seen += 1
            votes_text = texts[v] if v is not None and v < len(texts) else ""
            heading = heading_question(texts[c], question_of=question_of)
            if heading and (not votes_text or fold(votes_text) == fold(head_texts[v] or "")):
                entry[1] = heading
                col.exclude(
                    "subheading",
                    f"Zwischenüberschrift „{texts[c][:40]}“ setzt die Leitfrage",
                    row,
                    c,
                )
                col.drop(row, v, "subheading")
                continue
            if not cell_is_card(col, raw, row, c):
                col.drop(row, v, col.excluded.get((row, c), ""))
                continue
            col.card(
                raw=raw,
                row=row,
                col=c,
                group=group,
                question=question,
                votes_cell=(row, v) if v is not None else None,
            )
    return pairs
