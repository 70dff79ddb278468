"""The in-memory form of one worksheet, as every reader delivers it.

Readers (:mod:`flueko.io.readers`) turn xlsx/xlsm/xls/ods/csv files into :class:`Sheet` objects;
every parser downstream works on these and never touches a file. Values are ``None`` (empty),
``str``, ``int``, ``float``, ``bool`` or ``datetime``/``date``/``time``; integral floats are
delivered as ``int``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

Cell = object
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    """One worksheet (or one CSV file) with where it came from.

    Attributes
    ----------
    file
        Path of the file relative to the round folder, with forward slashes.
    name
        Sheet name as the office suite shows it ("" for CSV).
    rows
        Values row by row, 0-based; rows may differ in length (pad with :meth:`value`).
    hidden
        The sheet is hidden in the workbook.
    merged
        Merged ranges as ``(first_row, first_col, last_row, last_col)``, 0-based, inclusive.
    hidden_rows
        0-based indices of hidden rows.
    """

    file: str
    name: str
    rows: tuple[Row, ...]
    hidden: bool = False
    merged: tuple[tuple[int, int, int, int], ...] = field(default=())
    hidden_rows: frozenset[int] = field(default=frozenset())

    @property
    def n_rows(self) -> int:
        """Number of rows."""
        return len(self.rows)

    @cached_property
    def n_cols(self) -> int:
        """Width of the widest row (computed once; the sheet is immutable)."""
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, col: int) -> Cell:
        """The value at 0-based ``(row, col)``, ``None`` outside the data."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    @cached_property
    def _merge_origin(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Cell → top-left cell of its merged range, for every cell of a merge but the first."""
        origin = {}
        for r0, c0, r1, c1 in self.merged:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        origin[(r, c)] = (r0, c0)
        return origin

    def merged_value(self, row: int, col: int) -> Cell:
        """The value at ``(row, col)``; an empty cell inside a merged range gives the value of
        the range's top-left cell (what the office suite shows)."""
        value = self.value(row, col)
        if is_empty(value) and (row, col) in self._merge_origin:
            return self.value(*self._merge_origin[(row, col)])
        return value

    def row_values(self, row: int) -> list[Cell]:
        """Row ``row`` padded to :attr:`n_cols`."""
        values = list(self.rows[row]) if 0 <= row < len(self.rows) else []
        return values + [None] * (self.n_cols - len(values))


def column_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → "A", 27 → "AB")."""
    if col < 0:
        raise ValueError("column index must be >= 0")
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """0-based ``(row, col)`` → Excel address as the user sees it (``(3, 1)`` → "B4")."""
    return f"{column_letter(col)}{row + 1}"


def is_empty(value: Cell) -> bool:
    """True for ``None`` and strings that hold only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def make_sheet(
    rows: Sequence[Sequence[Cell]],
    *,
    file: str = "test.xlsx",
    name: str = "Tabelle1",
    hidden: bool = False,
    merged: Sequence[tuple[int, int, int, int]] = (),
    hidden_rows: Sequence[int] = (),
) -> Sheet:
    """Build a :class:`Sheet` from plain lists (for tests and generated data)."""
    return Sheet(
        file=file,
        name=name,
        rows=tuple(tuple(r) for r in rows),
        hidden=hidden,
        merged=tuple(merged),
        hidden_rows=frozenset(hidden_rows),
    )
