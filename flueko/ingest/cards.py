"""Workshop cards: one detected sheet → one row per single idea, plus every exclusion logged.

Layouts handled (see :mod:`flueko.ingest.detect` for how they are recognised):

- long table — guiding question | card | votes, the question merged over several rows or
  written once per block (filled forward), optionally a working-group column;
- one sheet per guiding question — the sheet name (or the title block) gives the question;
- blocks — one card column, each block introduced by a sub-heading row naming the question;
- wide table — one column per guiding question, optionally a votes column right of each.

The working group comes from a column, the sheet name, the title block or the file name, in
that order (see :mod:`flueko.ingest.titles`). Every non-empty cell of a card column ends up as a
card (split into ideas) or as a logged exclusion, and :class:`SheetStats` reconciles the counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from flueko import ids
from flueko import log as L
from flueko import schema as s
from flueko.ingest.clean import normalise_text, parse_votes, split_ideas
from flueko.ingest.detect import Detection, fold, is_total_row
from flueko.ingest.titles import (
    group_from_text,
    heading_question,
    sheet_group,
    title_block_question,
)
from flueko.privacy import mask_personal_data
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.vocabulary import Vocabulary, or_default

QuestionMatcher = Callable[[str], str | None]
GroupMatcher = Callable[[str], str | None]

ERROR_VALUES = re.compile(r"^#(DIV/0!|NV|N/A|REF!|WERT!|VALUE!|NAME\?|NULL!|ZAHL!|NUM!|BEZUG!)$")
INSTRUCTION_RE = re.compile(r"^\(?\s*(bitte|hinweis|anleitung|beispiel|ausfuellhinweis)\b")
FORMULA_TEXT_RE = re.compile(r"^=\s*(?:[^\W\d_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b)")
"""A formula stored as text ("=SUMME(B2:B9)", "=A1&B1"): no card, the analyst should look."""
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


@dataclass
class _Collector:
    sheet: Sheet
    round_id: str
    vocab: Vocabulary
    rows: list[dict] = field(default_factory=list)
    log: list[L.LogEntry] = field(default_factory=list)
    stats: SheetStats = field(default_factory=SheetStats)
    seen_keys: dict[str, int] = field(default_factory=dict)

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
        self.stats.excluded += 1
        self.note(code, message, row, col, severity=L.INFO)

    def card(
        self,
        *,
        raw: object,
        row: int,
        col: int,
        group: str,
        question: str | None,
        votes_cell: tuple[int, int] | None,
    ) -> None:
        ideas = [mask_personal_data(i) for i in split_ideas(raw)]
        if not ideas:
            self.exclude("empty_after_clean", "Zelle enthält nur Aufzählungszeichen", row, col)
            return
        votes = None
        if votes_cell is not None:
            vr, vc = votes_cell
            value = self.sheet.value(vr, vc)
            parsed = parse_votes(value)
            if not parsed.ok:
                self.note(
                    "votes_unreadable",
                    f"Punkte „{normalise_text(value)[:30]}“ nicht lesbar ({parsed.reason}); "
                    "als fehlend gezählt",
                    vr,
                    vc,
                )
            votes = parsed.votes
        self.stats.cards += 1
        self.stats.ideas += len(ideas)
        self.stats.votes += votes or 0
        card_id = self._card_id(group, question, normalise_text(raw))
        for number, text in enumerate(ideas, start=1):
            self.rows.append(
                {
                    s.ROUND: self.round_id,
                    s.GROUP: group,
                    s.QUESTION: question,
                    s.TEXT: text,
                    s.VOTES: votes,
                    s.CARD_ID: card_id,
                    s.IDEA_ID: f"{card_id}-{number}",
                    s.SOURCE_FILE: self.sheet.file,
                    s.SOURCE_SHEET: self.sheet.name,
                    s.SOURCE_ROW: row + 1,
                    s.SOURCE_CELL: cell_ref(row, col),
                }
            )

    def _card_id(self, group: str, question: str | None, text: str) -> str:
        key = "\x1f".join(
            [self.round_id, self.sheet.file, self.sheet.name, group, question or "", text]
        )
        digest = ids.digest(key)
        n = self.seen_keys.get(digest, 0) + 1
        self.seen_keys[digest] = n
        return f"K{digest}" if n == 1 else f"K{digest}.{n}"


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
    """
    col = _Collector(sheet, round_id, or_default(vocabulary))
    header = detection.header_row
    head_texts = [normalise_text(v) for v in sheet.row_values(header)]
    default_group = None
    if not detection.columns.get("group"):
        default_group = sheet_group(
            sheet, header_row=header, group_of=group_of, vocabulary=col.vocab
        )
    if detection.layout == "wide":
        _parse_wide(col, detection, head_texts, default_group, question_of)
    else:
        _parse_long(col, detection, head_texts, default_group, question_of)
    df = pd.DataFrame(col.rows, columns=[*s.CONTRIBUTIONS_COLUMNS[:11], s.SOURCE_CELL])
    return s.conform(df, "contributions"), col.log, col.stats


def _is_header_repeat(texts: list[str], head_texts: list[str]) -> bool:
    filled = [fold(t) for t in texts if t]
    return bool(filled) and filled == [fold(t) for t in head_texts if t]


def _skip_row(col: _Collector, row: int, texts: list[str], cells: list[int], head: list[str]):
    """Exclude a whole row when it is hidden, a totals row or a repeated header."""
    reason = None
    if row in col.sheet.hidden_rows:
        reason = ("hidden_row", "ausgeblendete Zeile nicht ausgewertet")
    elif _is_header_repeat(texts, head):
        reason = ("duplicate_header", "wiederholte Kopfzeile")
    elif is_total_row(texts, vocabulary=col.vocab):
        reason = ("totals_row", "Summenzeile")
    if reason is None:
        return False
    for c in cells:
        if texts[c]:
            col.stats.cells_seen += 1
            col.exclude(
                reason[0], f"{reason[1]}: „{texts[c][:40]}“ nicht als Beitrag gezählt", row, c
            )
    return True


def _cell_is_card(col: _Collector, raw: object, row: int, c: int) -> bool:
    """Log and exclude cells that cannot be cards (error values, instructions)."""
    text = normalise_text(raw)
    if ERROR_VALUES.match(text):
        col.stats.excluded += 1
        col.note("error_value", f"Fehlerwert {text} statt eines Beitrags", row, c)
        return False
    folded = fold(text)
    if INSTRUCTION_RE.match(folded):
        col.exclude("instruction", f"Ausfüllhinweis „{text[:40]}“ nicht gezählt", row, c)
        return False
    if FORMULA_TEXT_RE.match(text):
        col.stats.excluded += 1
        col.note("formula_text", f"Formel als Text „{text[:40]}“ statt eines Beitrags", row, c)
        return False
    if (not folded or folded in PLACEHOLDERS) and split_ideas(raw):
        col.exclude("placeholder", f"Platzhalter „{text[:20]}“ ist kein Beitrag", row, c)
        return False
    return True


@dataclass(frozen=True)
class _Table:
    """One card table of a long layout: its column span (inclusive) and its columns by role."""

    first: int
    last: int
    text: int
    question: int | None
    group: int | None
    votes: int | None


def _long_tables(detection: Detection, head_texts: list[str], n_cols: int) -> list[_Table]:
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
        votes = [v for v in inside("votes") if v != text_c]
        out.append(
            _Table(
                first=first,
                last=last,
                text=text_c,
                question=questions[0] if questions else None,
                group=groups[0] if groups else None,
                votes=min(votes, key=lambda v: abs(v - text_c)) if votes else None,
            )
        )
    return out


def _table_group(col: _Collector, table: _Table, *, header_row: int) -> str | None:
    """A group named in the title block above one of several side-by-side tables."""
    for row in range(header_row):
        for c in range(table.first, table.last + 1):
            value = col.sheet.value(row, c)
            if isinstance(value, str) and (titled := group_from_text(value, vocabulary=col.vocab)):
                return titled
    return None


def _parse_long(col, detection, head_texts, default_group, question_of) -> None:
    tables = _long_tables(detection, head_texts, col.sheet.n_cols)
    for table in tables:
        group = default_group
        if len(tables) > 1 and table.group is None:
            group = _table_group(col, table, header_row=detection.header_row) or group
        _parse_long_table(col, table, detection.header_row, head_texts, group, question_of)


def _parse_long_table(col, table: _Table, header, head_texts, default_group, question_of) -> None:
    sheet = col.sheet
    text_c, q_c, g_c, v_c = table.text, table.question, table.group, table.votes
    span = range(table.first, table.last + 1)
    head = [t if i in span else "" for i, t in enumerate(head_texts)]

    sheet_question = question_of(normalise_text(sheet.name)) if sheet.name else None
    if sheet_question is None and q_c is None:
        sheet_question = title_block_question(sheet, header_row=header, question_of=question_of)
    current_q: str | None = sheet_question
    current_q_text = ""
    current_group = default_group
    unknown_questions: set[str] = set()
    content_cols = [c for c in (text_c, q_c, g_c) if c is not None]

    for row in range(header + 1, sheet.n_rows):
        values = sheet.row_values(row)
        texts = [normalise_text(v) if i in span else "" for i, v in enumerate(values)]
        if _skip_row(col, row, texts, [text_c], head):
            continue
        # question column: merged ranges and blanks below a question keep the question
        if q_c is not None:
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
                    col.note(
                        "subheading",
                        f"Zwischenüberschrift „{texts[c][:40]}“ setzt die Leitfrage",
                        row,
                        c,
                        severity=L.INFO,
                    )
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
            continue
        if not _cell_is_card(col, raw, row, text_c):
            continue
        col.card(
            raw=raw,
            row=row,
            col=text_c,
            group=current_group or "",
            question=current_q,
            votes_cell=(row, v_c) if v_c is not None else None,
        )


def _parse_wide(col, detection, head_texts, default_group, question_of) -> None:
    """One column per Leitfrage or per working group; sub-heading cells (or a repeated header
    naming the next Leitfrage) switch the question of their column."""
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
    for row in range(header + 1, sheet.n_rows):
        values = sheet.row_values(row)
        texts = [normalise_text(v) for v in values]
        if _skip_row(col, row, texts, card_cols, head_texts):
            continue
        for entry in columns:
            c, question, group, v = entry
            raw = values[c] if c < len(values) else None
            if is_empty(raw):
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
                continue
            if not _cell_is_card(col, raw, row, c):
                continue
            col.card(
                raw=raw,
                row=row,
                col=c,
                group=group,
                question=question,
                votes_cell=(row, v) if v is not None else None,
            )
