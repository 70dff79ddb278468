"""Workshop cards: one detected sheet → one row per single idea, plus every exclusion logged.

Layouts handled (see :mod:`flueko.detect` for how they are recognised):

- long table — guiding question | card | votes, the question merged over several rows or
  written once per block (filled forward), optionally a working-group column;
- one sheet per guiding question — the sheet name (or the title block) gives the question;
- blocks — one card column, each block introduced by a sub-heading row naming the question;
- wide table — one column per guiding question, optionally a votes column right of each.

The working group comes from a column, the sheet name, the title block or the file name, in
that order. Every non-empty cell of a card column ends up as a card (split into ideas) or as a
logged exclusion, and :class:`SheetStats` reconciles the counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import pandas as pd

from flueko import ids
from flueko import log as L
from flueko import schema as s
from flueko.clean import normalise_text, parse_votes, split_ideas
from flueko.detect import Detection, fold, is_total_row
from flueko.privacy import mask_personal_data
from flueko.sheet import Sheet, cell_ref, is_empty

QuestionMatcher = Callable[[str], str | None]
GroupMatcher = Callable[[str], str | None]

ERROR_VALUES = re.compile(r"^#(DIV/0!|NV|N/A|REF!|WERT!|VALUE!|NAME\?|NULL!|ZAHL!|NUM!|BEZUG!)$")
INSTRUCTION_RE = re.compile(r"^\(?\s*(bitte|hinweis|anleitung|beispiel|ausfuellhinweis)\b")
GROUP_TITLE_RE = re.compile(
    r"\b(arbeitskreis|arbeitsgruppe|ak|ag|workshop|thementisch)\b\s*[:\-–]?\s*(.+)", re.I
)
GENERIC_SHEET_RE = re.compile(r"^(tabelle|sheet|blatt|table)\s*\d*$|^ergebnis", re.I)


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


def group_from_text(text: str) -> str | None:
    """ "Arbeitskreis Wohnen – 20.10.2016" → "AK Wohnen"; ``None`` if no group is named."""
    m = GROUP_TITLE_RE.search(normalise_text(text))
    if not m:
        return None
    name = re.split(r"\s+[–-]\s+|\s*\(|,\s*\d|\s+\d{1,2}\.\d{1,2}\.", m.group(2))[0].strip(" :–-")
    if not name or len(name) > 60:
        return None
    return f"AK {name}"


def sheet_group(sheet: Sheet, *, header_row: int, group_of: GroupMatcher) -> str:
    """The working group of a sheet without a group column: sheet name, title block, file name."""
    name = normalise_text(sheet.name)
    if name and not GENERIC_SHEET_RE.match(name):
        titled = group_from_text(name)
        if titled:
            return titled
        if group_of(name):
            return name if fold(name).startswith(("ak ", "ag ")) else f"AK {name}"
    for row in range(header_row):
        for value in sheet.row_values(row):
            if isinstance(value, str):
                titled = group_from_text(value)
                if titled:
                    return titled
    stem = PurePosixPath(sheet.file).stem.replace("_", " ").replace("-", " ")
    stem = normalise_text(stem)
    return group_from_text(stem) or stem


def _title_block_question(
    sheet: Sheet, *, header_row: int, question_of: QuestionMatcher
) -> str | None:
    for row in range(header_row):
        for value in sheet.row_values(row):
            if isinstance(value, str) and (q := question_of(value)):
                return q
    return None


def _merged_top(sheet: Sheet) -> dict[tuple[int, int], tuple[int, int]]:
    """Cell → top-left cell of its merged range (for every cell of a merge but the first)."""
    out = {}
    for r0, c0, r1, c1 in sheet.merged:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    out[(r, c)] = (r0, c0)
    return out


def parse_cards_sheet(
    sheet: Sheet,
    *,
    detection: Detection,
    round_id: str,
    question_of: QuestionMatcher,
    group_of: GroupMatcher,
) -> tuple[pd.DataFrame, list[L.LogEntry], SheetStats]:
    """Turn one workshop sheet into contributions (one row per idea).

    Parameters
    ----------
    detection
        Kind ``"cards"`` with header row and column roles from :func:`flueko.detect.detect_sheet`.
    question_of
        Maps a heading text to a canonical Leitfrage key (or ``None``).
    group_of
        Maps a name to a Handlungsfeld key if it names a working group/field (or ``None``).

    Returns
    -------
    contributions, log entries, reconciliation counts
    """
    col = _Collector(sheet, round_id)
    header = detection.header_row
    head_texts = [normalise_text(v) for v in sheet.row_values(header)]
    default_group = None
    if not detection.columns.get("group"):
        default_group = sheet_group(sheet, header_row=header, group_of=group_of)
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
    elif is_total_row(texts):
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
    if INSTRUCTION_RE.match(fold(text)):
        col.exclude("instruction", f"Ausfüllhinweis „{text[:40]}“ nicht gezählt", row, c)
        return False
    return True


def _parse_long(col, detection, head_texts, default_group, question_of) -> None:
    sheet = col.sheet
    header = detection.header_row
    text_c = detection.columns["text"][0]
    q_cols = detection.columns.get("question") or []
    q_c = q_cols[0] if q_cols else None
    g_cols = detection.columns.get("group") or []
    g_c = g_cols[0] if g_cols else None
    votes_cols = [v for v in detection.columns.get("votes") or [] if v != text_c]
    v_c = min(votes_cols, key=lambda v: abs(v - text_c)) if votes_cols else None
    merged = _merged_top(sheet)

    sheet_question = question_of(normalise_text(sheet.name)) if sheet.name else None
    if sheet_question is None and q_c is None:
        sheet_question = _title_block_question(sheet, header_row=header, question_of=question_of)
    current_q: str | None = sheet_question
    current_q_text = ""
    current_group = default_group
    unknown_questions: set[str] = set()
    content_cols = [c for c in (text_c, q_c, g_c) if c is not None]

    for row in range(header + 1, sheet.n_rows):
        values = sheet.row_values(row)
        texts = [normalise_text(v) for v in values]
        if _skip_row(col, row, texts, [text_c], head_texts):
            continue
        # question column: merged ranges and blanks below a question keep the question
        if q_c is not None:
            q_raw = values[q_c] if q_c < len(values) else None
            if is_empty(q_raw) and (row, q_c) in merged:
                q_raw = sheet.value(*merged[(row, q_c)])
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
            g_raw = values[g_c] if g_c < len(values) else None
            if is_empty(g_raw) and (row, g_c) in merged:
                g_raw = sheet.value(*merged[(row, g_c)])
            if not is_empty(g_raw):
                current_group = normalise_text(g_raw)
        raw = values[text_c] if text_c < len(values) else None
        if is_empty(raw):
            continue
        col.stats.cells_seen += 1
        text = texts[text_c]
        others = [t for i, t in enumerate(texts) if t and i not in content_cols and i != v_c]
        no_votes = v_c is None or is_empty(sheet.value(row, v_c))
        if (
            q_c is None
            and no_votes
            and not others
            and (q := question_of(text))
            and _looks_heading(text)
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


def _looks_heading(text: str) -> bool:
    """A sub-heading names a question: ends with "?" or starts with "Frage"/a number, short."""
    folded = fold(text)
    return len(text) <= 140 and (
        text.rstrip().endswith("?") or re.match(r"^(leit)?frage\b|^\d+[.)]?\s", folded) is not None
    )


def _parse_wide(col, detection, head_texts, default_group, question_of) -> None:
    sheet = col.sheet
    header = detection.header_row
    votes_cols = set(detection.columns.get("votes") or [])
    pairs = []
    for c in detection.columns["questions"]:
        v = c + 1 if c + 1 in votes_cols else None
        pairs.append((c, question_of(head_texts[c]), v))
    card_cols = [c for c, _, _ in pairs]
    for row in range(header + 1, sheet.n_rows):
        values = sheet.row_values(row)
        texts = [normalise_text(v) for v in values]
        if _skip_row(col, row, texts, card_cols, head_texts):
            continue
        for c, question, v in pairs:
            raw = values[c] if c < len(values) else None
            if is_empty(raw):
                continue
            col.stats.cells_seen += 1
            if not _cell_is_card(col, raw, row, c):
                continue
            col.card(
                raw=raw,
                row=row,
                col=c,
                group=default_group or "",
                question=question,
                votes_cell=(row, v) if v is not None else None,
            )
