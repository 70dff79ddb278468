"""Every non-empty cell of a read sheet is accounted for, and each sheet says how it was read.

After a parser has read a sheet, :func:`account_sheet` sorts every non-empty cell into one of
four bins — consumed text, consumed number, header/title, excluded — from the sheet's
:class:`Reading` (its kind, header rows and the role of each column), the cells the parser
reports as used or excluded (:class:`SheetUse`) and its log entries (a logged cell is an
exclusion with its reason). A cell that is none of these is logged here, grouped by column
(``unused_column``: „Spalte D ‚Bemerkung‘ nicht ausgewertet (12 Zellen: D2:D13)“), so the
identity

    Zellen N = Text T + Zahlen Z + Kopf K + ausgeschlossen E

holds for every sheet by construction, and nothing typed disappears without a log line.

:func:`understood` is the sheet's „verstanden als“ line: kind, header row(s) and the role of every
column, with the word that decided a role and inferred roles marked — so a person spots a misread
in seconds.

How a parser reports what it did (the agreement between the parsers and this module): it may
return a :class:`SheetUse` as its last value. ``reading`` says how it understood the sheet;
``consumed`` names cells it used outside the role columns (a vote count in a separate block, a
title row), ``excluded`` cells it left out together with the code of the log entry that says why
(every cell of a totals row, not only the one the entry names). With ``Reading.exhaustive`` the
parser names every cell it used, and a role column no longer consumes a cell by itself. Without
a :class:`SheetUse`, :mod:`flueko.ingest.read` builds the reading from the header
(:mod:`flueko.ingest.readings`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from flueko import log as L
from flueko.labels import KIND_LABELS, ROLE_LABELS
from flueko.sheet import Sheet, cell_ref, column_letter, is_empty
from flueko.text import fold

UNDERSTOOD = "understood_as"
"""Log code of the „verstanden als“ line of a sheet (severity info, no cell)."""
UNUSED_COLUMN = "unused_column"
UNUSED_CELLS = "unused_cells"

HEADER_ROLES = frozenset({"header", "title"})
"""Roles of consumed cells that count as header („Kopf“): block headers, title rows."""
NUMBER_ROLES = frozenset(
    {"votes", "id", "number", "rating", "impact", "effort", "urgency", "feasibility", "cost",
     "cost_min", "cost_max", "progress"}
)  # fmt: skip
"""Roles whose cells count as numbers („Zahlen“) even when typed as text ("IIII", "ca. 500 €")."""

UNUSED = "nicht verwendet"


@dataclass(frozen=True)
class CellCount:
    """The reconciliation of one sheet (or the sum over sheets): ``total`` = the four bins."""

    total: int = 0
    text: int = 0
    numbers: int = 0
    header: int = 0
    excluded: int = 0

    @property
    def reconciles(self) -> bool:
        return self.total == self.text + self.numbers + self.header + self.excluded

    def __add__(self, other: CellCount) -> CellCount:
        return CellCount(
            self.total + other.total,
            self.text + other.text,
            self.numbers + other.numbers,
            self.header + other.header,
            self.excluded + other.excluded,
        )

    def line(self) -> str:
        """``Zellen 20 = Text 12 + Zahlen 6 + Kopf 2 + ausgeschlossen 0``."""
        return (
            f"Zellen {self.total} = Text {self.text} + Zahlen {self.numbers} + "
            f"Kopf {self.header} + ausgeschlossen {self.excluded}"
        )


@dataclass(frozen=True)
class Reading:
    """How a sheet was understood: its kind, header rows (0-based) and columns by role.

    ``columns`` maps a role key (see :data:`ROLE_LABELS`) to its 0-based columns; ``inferred``
    names the roles that were inferred from the values rather than read from a header;
    ``matched`` gives, per column, the vocabulary word that decided its role; ``notes`` are
    further parts of the „verstanden als“ line ("Punkteblock D3:E10 (Nr. → Punkte)").
    """

    kind: str
    header_rows: tuple[int, ...]
    columns: Mapping[str, Sequence[int]] = field(default_factory=dict)
    inferred: frozenset[str] = frozenset()
    matched: Mapping[int, str] = field(default_factory=dict)
    first_row: int | None = None
    """First data row; default: the row after the last header row."""
    exhaustive: bool = False
    """The parser names every cell it used: a role column consumes nothing by itself."""
    notes: tuple[str, ...] = ()

    @property
    def data_start(self) -> int:
        if self.first_row is not None:
            return self.first_row
        return (max(self.header_rows) + 1) if self.header_rows else 0


@dataclass
class SheetUse:
    """What a parser did with the cells of a sheet (see the module note)."""

    reading: Reading
    consumed: dict[tuple[int, int], str] = field(default_factory=dict)
    """0-based ``(row, col)`` → role of a cell the parser used."""
    excluded: dict[tuple[int, int], str] = field(default_factory=dict)
    """0-based ``(row, col)`` → code of the log entry under which the parser left it out."""


def _column_roles(reading: Reading) -> dict[int, str]:
    roles: dict[int, str] = {}
    for role, cols in reading.columns.items():
        for col in cols or []:
            roles.setdefault(int(col), role)
    return roles


def header_text(sheet: Sheet, reading: Reading, col: int) -> str:
    """The header of a column over all header rows ("Wirkung / TN 1"), whitespace collapsed."""
    parts: list[str] = []
    for row in reading.header_rows:
        value = sheet.merged_value(row, col)
        if not is_empty(value):
            text = " ".join(str(value).split())
            if text not in parts:
                parts.append(text)
    return " / ".join(parts)


def parse_cell(ref: str) -> tuple[int, int] | None:
    """``"B4"`` → ``(3, 1)``; ``None`` for anything that is not one cell."""
    letters = ""
    i = 0
    while i < len(ref) and "A" <= ref[i] <= "Z":
        letters += ref[i]
        i += 1
    digits = ref[i:]
    if not letters or len(letters) > 3 or not digits.isdigit() or digits.startswith("0"):
        return None
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - 64)
    return int(digits) - 1, col - 1


def _logged_cells(entries: Iterable[L.LogEntry], sheet: Sheet) -> set[tuple[int, int]]:
    """0-based cells named by log entries of this sheet (single cells like ``B4``)."""
    out = set()
    for e in entries:
        if e.sheet != sheet.name or not e.cell or (e.file and e.file != sheet.file):
            continue
        cell = parse_cell(e.cell)
        if cell is not None:
            out.add(cell)
    return out


def _bin(value: object, role: str) -> str:
    if role in HEADER_ROLES:
        return "header"
    if role in NUMBER_ROLES or (isinstance(value, int | float) and not isinstance(value, bool)):
        return "numbers"
    return "text"


def cell_bins(
    sheet: Sheet,
    reading: Reading,
    entries: Iterable[L.LogEntry],
    *,
    consumed: Mapping[tuple[int, int], str] | None = None,
    excluded: Mapping[tuple[int, int], str] | None = None,
) -> dict[tuple[int, int], str]:
    """Every non-empty cell → ``text``, ``numbers``, ``header``, ``excluded`` (used or left out
    by the parser, see :func:`account_sheet`) or ``unused`` (nobody used or logged it)."""
    roles = _column_roles(reading)
    logged = _logged_cells(entries, sheet)
    used = consumed or {}
    left_out = excluded or {}
    headers = set(reading.header_rows)
    first_header = min(headers, default=0)
    start = reading.data_start
    logged_cols = {c for (r, c) in logged if r in headers}
    out: dict[tuple[int, int], str] = {}
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if value is None or (type(value) is str and not value.strip()):
                continue
            cell = (r, c)
            if cell in used:
                out[cell] = _bin(value, used[cell])
            elif cell in left_out or cell in logged:
                out[cell] = "excluded"
            elif r in headers or r < first_header:
                out[cell] = "header"  # header rows, and the title block above them
            elif r >= start and c in roles and not reading.exhaustive:
                out[cell] = _bin(value, roles[c])
            elif r >= start and c in logged_cols:
                out[cell] = "excluded"  # the parser logged the whole column at its header
            else:
                out[cell] = "unused"
    return out


def account_sheet(
    sheet: Sheet,
    reading: Reading,
    entries: Iterable[L.LogEntry],
    *,
    consumed: Mapping[tuple[int, int], str] | None = None,
    excluded: Mapping[tuple[int, int], str] | None = None,
) -> tuple[CellCount, list[L.LogEntry]]:
    """Sort every non-empty cell of ``sheet`` into the four bins; log what nobody used.

    Parameters
    ----------
    sheet
        The sheet as read.
    reading
        Its kind, header rows and column roles.
    entries
        The parser's log entries for this sheet: a cell they name is an exclusion (unless the
        parser reports it as consumed), and a column whose header cell they name was logged as a
        whole.
    consumed
        Cells the parser used, 0-based ``(row, col)`` → role (see :class:`SheetUse`).
    excluded
        Cells the parser left out under a log entry, ``(row, col)`` → its code.

    Returns
    -------
    CellCount, list of LogEntry
        The reconciliation and one ``unused_column`` entry (info) per column that nobody
        consumed or logged — ``unused_cells`` (warning) for cells of a role column that an
        exhaustive parser neither used nor logged. Unused cells count as excluded.
    """
    bins = cell_bins(sheet, reading, entries, consumed=consumed, excluded=excluded)
    counts = {"text": 0, "numbers": 0, "header": 0, "excluded": 0, "unused": 0}
    unused: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for cell, name in bins.items():
        counts[name] += 1
        if name == "unused":
            unused[cell[1]].append(cell)
    roles = _column_roles(reading)
    more = [
        _unused_entry(sheet, reading, c, sorted(unused[c]), in_role=c in roles)
        for c in sorted(unused)
    ]
    count = CellCount(
        len(bins),
        counts["text"],
        counts["numbers"],
        counts["header"],
        counts["excluded"] + counts["unused"],
    )
    return count, more


def _unused_entry(
    sheet: Sheet, reading: Reading, c: int, cells: list[tuple[int, int]], *, in_role: bool
) -> L.LogEntry:
    name = header_text(sheet, reading, c)
    label = f"Spalte {column_letter(c)}" + (f" ‚{name}‘" if name else "")
    first, last = cell_ref(*cells[0]), cell_ref(*cells[-1])
    where = first if len(cells) == 1 else f"{first}:{last}"
    n = f"{len(cells)} {'Zelle' if len(cells) == 1 else 'Zellen'}: {where}"
    if in_role:
        return L.entry(
            UNUSED_CELLS,
            f"{label}: {n} weder gelesen noch ausgeschlossen — bitte prüfen und melden",
            file=sheet.file,
            sheet=sheet.name,
            cell=first,
            severity=L.WARNING,
        )
    return L.entry(
        UNUSED_COLUMN,
        f"{label} nicht ausgewertet ({n}) — falls sie etwas enthält, das zählt: Spalte "
        "passend überschreiben (Wörter in vocabulary.yaml)",
        file=sheet.file,
        sheet=sheet.name,
        cell=first,
        severity=L.INFO,
    )


def understood(sheet: Sheet, reading: Reading) -> str:
    """The „verstanden als“ line of a sheet.

    ``Workshop-Karten · Kopfzeile 3 · B „Beitrag / Karte“ → Text · A „Pkt.“ → Punkte ·
    D „Bemerkung“ → nicht verwendet``; an inferred role is marked „(erschlossen)“, a role found
    through a word that is not the whole header names it („Klebepunkte“ → Punkte („punkte“)).
    """
    roles = _column_roles(reading)
    rows = sorted(reading.header_rows)
    head = (
        "ohne Kopfzeile"
        if not rows
        else (
            f"Kopfzeile {rows[0] + 1}"
            if len(rows) == 1
            else f"Kopfzeilen {rows[0] + 1}–{rows[-1] + 1}"
        )
    )
    parts = [KIND_LABELS.get(reading.kind, reading.kind), head]
    start = reading.data_start
    with_data = {
        c
        for r in range(start, sheet.n_rows)
        for c, v in enumerate(sheet.rows[r])
        if not is_empty(v)
    }
    for c in range(sheet.n_cols):
        if c not in roles and c not in with_data:
            continue
        name = header_text(sheet, reading, c)
        shown = f"{column_letter(c)} „{name[:40]}“" if name else f"{column_letter(c)} (ohne Kopf)"
        if c in roles:
            role = roles[c]
            label = ROLE_LABELS.get(role, role)
            word = reading.matched.get(c)
            if role in reading.inferred:
                label += " (erschlossen)"
            elif (
                word and name and not fold(name).startswith(word) and "".join(name.split()) != word
            ):
                label += f" („{word}“)"
            parts.append(f"{shown} → {label}")
        else:
            parts.append(f"{shown} → {UNUSED}")
    parts.extend(reading.notes)
    return " · ".join(parts)


def understood_entry(sheet: Sheet, reading: Reading) -> L.LogEntry:
    """The „verstanden als“ line as a sheet-level log entry (code ``understood_as``)."""
    return L.entry(
        UNDERSTOOD,
        understood(sheet, reading),
        file=sheet.file,
        sheet=sheet.name,
        severity=L.INFO,
    )
