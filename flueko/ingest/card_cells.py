"""The cells of one card sheet as they are read: cards and their votes, exclusions with their
log entries, and every cell used or left out (for :mod:`flueko.ingest.accounting`).

:class:`Collector` is filled by the layout parsers of :mod:`flueko.ingest.cards`; the functions
here decide what a single cell or row is (a card, a totals row, an instruction, a formula, votes
without a card) and log everything they leave out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flueko import ids
from flueko import log as L
from flueko import schema as s
from flueko.ingest.card_blocks import CardKey, CountBlock
from flueko.ingest.clean import (
    is_formula_text,
    normalise_cell,
    normalise_text,
    parse_votes,
    split_ideas,
    votes_in_text,
)
from flueko.ingest.detect import fold, is_total_row
from flueko.privacy import mask_personal_data
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.vocabulary import Vocabulary

ERROR_VALUES = re.compile(r"^#(DIV/0!|NV|N/A|REF!|WERT!|VALUE!|NAME\?|NULL!|ZAHL!|NUM!|BEZUG!)$")
INSTRUCTION_RE = re.compile(r"^\(?\s*(bitte|hinweis|anleitung|beispiel|ausfuellhinweis)\b")
PLACEHOLDERS = frozenset({"k a", "ka", "n b", "nb", "n a", "entfaellt", "tbd", "dito", "x", "xx"})
"""Folded cell texts that stand for "nothing given" (k. A., n. b., entfällt …)."""


@dataclass
class SheetStats:
    """Reconciliation of one sheet: every card cell seen is a card or an exclusion."""

    cells_seen: int = 0
    cards: int = 0
    ideas: int = 0
    excluded: int = 0
    votes: int = 0
    warnings: int = 0

    def add(self, other: SheetStats) -> None:
        for name in ("cells_seen", "cards", "ideas", "excluded", "votes", "warnings"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def reconciles(self) -> bool:
        return self.cells_seen == self.cards + self.excluded


RECORD_COLUMNS = (
    s.ROUND,
    s.GROUP,
    s.QUESTION,
    s.TEXT,
    s.VOTES,
    s.CARD_ID,
    s.IDEA_ID,
    s.SOURCE_FILE,
    s.SOURCE_SHEET,
    s.SOURCE_ROW,
    s.SOURCE_CELL,
)
"""The fields of one idea record (:attr:`Collector.rows`), in order."""


@dataclass
class Collector:
    sheet: Sheet
    round_id: str
    vocab: Vocabulary
    rows: list[tuple] = field(default_factory=list)
    log: list[L.LogEntry] = field(default_factory=list)
    stats: SheetStats = field(default_factory=SheetStats)
    seen_keys: dict[str, int] = field(default_factory=dict)
    consumed: dict[tuple[int, int], str] = field(default_factory=dict)
    excluded: dict[tuple[int, int], str] = field(default_factory=dict)
    text_votes: list[tuple[int, int, str]] = field(default_factory=list)

    def note(self, code: str, message: str, row: int, col: int, severity: str = L.WARNING):
        self.log.append(
            L.entry(
                code,
                message,
                file=self.sheet.file,
                sheet=self.sheet.name,
                cell=cell_ref(row, col),
                severity=severity,
            )
        )
        if severity != L.INFO:
            self.stats.warnings += 1

    def exclude(self, code: str, message: str, row: int, col: int) -> None:
        """A card cell left out (info), counted in the reconciliation of the card cells."""
        self.stats.excluded += 1
        self.excluded[(row, col)] = code
        self.note(code, message, row, col, severity=L.INFO)

    def take(self, row: int, col: int | None, role: str) -> None:
        """Mark a non-empty cell as used with ``role``."""
        if col is not None:
            values = self.sheet.rows[row] if row < len(self.sheet.rows) else ()
            value = values[col] if col < len(values) else None
            if value is not None and not (type(value) is str and not value.strip()):
                self.consumed[(row, col)] = role

    def drop(self, row: int, col: int | None, code: str) -> None:
        """Mark a non-empty cell as left out under the log entry ``code`` of its row."""
        if col is not None and not is_empty(self.sheet.value(row, col)):
            self.excluded.setdefault((row, col), code)

    def card(
        self,
        *,
        raw: object,
        row: int,
        col: int,
        group: str,
        question: str | None,
        votes_cell: tuple[int, int] | None,
        counted: int | None = None,
    ) -> None:
        """One card: split into ideas; votes from its vote cell, else from a count block
        (``counted``), else from its text ("Elterncafé (3 Punkte)")."""
        if votes_cell is not None and (lines := cards_by_line(raw, self.sheet.value(*votes_cell))):
            self.take(*votes_cell, "votes")
            self.stats.cells_seen += len(lines) - 1  # the cell holds one card per line
            for text, votes in lines:
                self.card(
                    raw=text,
                    row=row,
                    col=col,
                    group=group,
                    question=question,
                    votes_cell=None,
                    counted=votes,
                )
            return
        in_text = votes_in_text(raw, bare=votes_cell is None and counted is None)
        ideas = [mask_personal_data(i) for i in split_ideas(in_text.text if in_text else raw)]
        if not ideas:
            self.exclude("empty_after_clean", "Zelle enthält nur Aufzählungszeichen", row, col)
            if votes_cell is not None:
                self.drop(*votes_cell, "empty_after_clean")
            return
        votes = None
        if votes_cell is not None and not is_empty(self.sheet.value(*votes_cell)):
            vr, vc = votes_cell
            value = self.sheet.value(vr, vc)
            parsed = parse_votes(value)
            if parsed.ok:
                self.take(vr, vc, "votes")
            else:
                self.excluded[(vr, vc)] = "votes_unreadable"
                self.note(
                    "votes_unreadable",
                    f"Punkte „{normalise_text(value)[:30]}“ nicht lesbar ({parsed.reason}); "
                    "als fehlend gezählt",
                    vr,
                    vc,
                )
            votes = parsed.votes
        if votes is None and counted is not None:
            votes = counted
        if in_text is not None:
            self.text_votes.append((row, col, in_text.part))
            if votes is None:
                votes = in_text.votes
            elif votes != in_text.votes:
                self.note(
                    "votes_conflict",
                    f"Karte nennt „{in_text.part}“, gezählt sind {votes} Punkte — die gezählten "
                    "gelten",
                    row,
                    col,
                )
        self.take(row, col, "text")
        self.stats.cards += 1
        self.stats.ideas += len(ideas)
        self.stats.votes += votes or 0
        card_id = self._card_id(group, question, normalise_text(raw))
        file, sheet, cell = self.sheet.file, self.sheet.name, cell_ref(row, col)
        for number, text in enumerate(ideas, start=1):
            # one record in the order of RECORD_COLUMNS
            self.rows.append(
                (
                    self.round_id,
                    group,
                    question,
                    text,
                    votes,
                    card_id,
                    f"{card_id}-{number}",
                    file,
                    sheet,
                    row + 1,
                    cell,
                )
            )

    def _card_id(self, group: str, question: str | None, text: str) -> str:
        key = "\x1f".join(
            [self.round_id, self.sheet.file, self.sheet.name, group, question or "", text]
        )
        digest = ids.digest(key)
        n = self.seen_keys.get(digest, 0) + 1
        self.seen_keys[digest] = n
        return f"K{digest}" if n == 1 else f"K{digest}.{n}"


def cards_by_line(raw: object, votes: object) -> list[tuple[str, int]] | None:
    """Several cards typed into one cell, one per line, and their votes line by line in the
    vote cell ("3\n5\n2"): the (line, votes) pairs, else ``None`` (the vote cell is not a
    column of counts with as many lines as the card cell)."""
    if type(votes) is not str or "\n" not in votes.strip():
        return None
    counts = [parse_votes(line) for line in normalise_cell(votes).split("\n")]
    lines = normalise_cell(raw).split("\n")
    if len(counts) != len(lines) or any(c.votes is None or not c.ok for c in counts):
        return None
    return [(line, c.votes or 0) for line, c in zip(lines, counts, strict=True)]


def is_header_repeat(texts: list[str], head_texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    head = [t for t in head_texts if t]
    # as many filled cells as the header, each the same folded (folded only when needed)
    return (
        bool(filled)
        and len(filled) == len(head)
        and all(fold(a) == fold(b) for a, b in zip(filled, head, strict=True))
    )


def skip_row(col: Collector, row: int, texts: list[str], cells: list[int], head: list[str]):
    """Exclude a whole row when it is hidden, a totals row or a repeated header: the card cells
    are logged one by one, the other cells of the row go with them."""
    filled = [c for c, t in enumerate(texts) if t]
    reason = None
    if row in col.sheet.hidden_rows:
        reason = ("hidden_row", "ausgeblendete Zeile nicht ausgewertet")
    elif is_header_repeat(texts, head):
        reason = ("duplicate_header", "wiederholte Kopfzeile")
    elif is_total_row(texts, vocabulary=col.vocab):
        reason = ("totals_row", "Summenzeile")
    if reason is None:
        return False
    code, label = reason
    card_cells = [c for c in cells if texts[c]]
    for c in card_cells:
        col.stats.cells_seen += 1
        col.exclude(code, f"{label}: „{texts[c][:40]}“ nicht als Beitrag gezählt", row, c)
    if filled and not card_cells:
        c = filled[0]
        col.note(code, f"{label}: „{texts[c][:40]}“ nicht ausgewertet", row, c, severity=L.INFO)
    for c in filled:
        col.drop(row, c, code)
    return True


def cell_is_card(col: Collector, raw: object, row: int, c: int) -> bool:
    """Log and exclude cells that cannot be cards (error values, instructions, formulas)."""
    text = normalise_text(raw)
    if ERROR_VALUES.match(text):
        col.stats.excluded += 1
        col.excluded[(row, c)] = "error_value"
        col.note("error_value", f"Fehlerwert {text} statt eines Beitrags", row, c)
        return False
    folded = fold(text)
    if INSTRUCTION_RE.match(folded):
        col.exclude("instruction", f"Ausfüllhinweis „{text[:40]}“ nicht gezählt", row, c)
        return False
    if is_formula_text(text):
        col.stats.excluded += 1
        col.excluded[(row, c)] = "formula_text"
        col.note(
            "formula_text",
            f"Formel-ähnlicher Text „{text[:40]}“ nicht als Beitrag gezählt",
            row,
            c,
        )
        return False
    if (not folded or folded in PLACEHOLDERS) and split_ideas(raw):
        col.exclude("placeholder", f"Platzhalter „{text[:20]}“ ist kein Beitrag", row, c)
        return False
    return True


def row_without_card(col: Collector, row: int, v_c: int | None, n_c: int | None) -> None:
    """Votes or a number in a row without a card: logged, never silently dropped."""
    sheet = col.sheet
    if v_c is not None and not is_empty(sheet.value(row, v_c)) and (row, v_c) not in col.excluded:
        shown = normalise_text(sheet.value(row, v_c))[:20]
        col.excluded[(row, v_c)] = "votes_without_card"
        col.note("votes_without_card", f"Punkte „{shown}“ ohne Karte nicht gezählt", row, v_c)
    if n_c is not None and not is_empty(sheet.value(row, n_c)) and (row, n_c) not in col.excluded:
        shown = normalise_text(sheet.value(row, n_c))[:40]
        col.excluded[(row, n_c)] = "row_without_card"
        col.note(
            "row_without_card",
            f"Zeile ohne Karte: „{shown}“ nicht ausgewertet",
            row,
            n_c,
            severity=L.INFO,
        )


def account_blocks(
    col: Collector, blocks: list[CountBlock], used_keys: set[CardKey], *, numbered: bool
) -> None:
    """The cells of the count blocks: headers and titles, keys, counts — and what did not fit."""
    for b in blocks:
        for c in (b.key_col, b.count_col):
            col.take(b.header_row, c, "header")
        if b.title_row is not None:
            for c, v in enumerate(col.sheet.row_values(b.title_row)):
                if not is_empty(v):
                    col.take(b.title_row, c, "title")
        for r, c, code, message in b.problems:
            col.excluded[(r, c)] = code
            col.note(code, message, r, c)
            other = b.count_col if c == b.key_col else b.key_col
            col.drop(r, other, code)
        for key, (_votes, (r, c)) in b.votes.items():
            if key in used_keys:
                col.take(r, b.key_col, "id")
                col.take(r, c, "votes")
            else:
                col.excluded[(r, c)] = "votes_unmatched"
                col.drop(r, b.key_col, "votes_unmatched")
                col.note(
                    "votes_unmatched",
                    f"Punkte für Karte Nr. {key}, die es in der Liste nicht gibt — nicht gezählt",
                    r,
                    c,
                )
        if b.end_row is not None:
            label = normalise_text(col.sheet.value(b.end_row, b.key_col)) or normalise_text(
                col.sheet.value(b.end_row, b.count_col)
            )
            col.note(
                "totals_row",
                f"Summenzeile „{label[:40]}“ des Punkteblocks nicht ausgewertet",
                b.end_row,
                b.key_col,
                severity=L.INFO,
            )
            for c, v in enumerate(col.sheet.row_values(b.end_row)):
                if not is_empty(v):
                    col.drop(b.end_row, c, "totals_row")
        if not numbered:
            col.note(
                "count_block_by_position",
                f"Punkteblock {b.span()}: die Kartenliste hat keine Nummernspalte — Nr. 1 ist "
                "die erste Karte, Nr. 2 die zweite …",
                b.header_row,
                b.key_col,
                severity=L.INFO,
            )
