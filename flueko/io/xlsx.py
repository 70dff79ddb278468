"""Writing xlsx workbooks reproducibly: the same workbook gives the same bytes on every run.

openpyxl's ``save`` stamps the current time into ``docProps/core.xml`` and every zip entry;
:func:`workbook_bytes` serialises without ``save`` and re-packs the archive with fixed dates.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from flueko.io.atomic import write_bytes

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
"""Created/modified stamp of every workbook flueko writes (a date, not a time of writing)."""


def workbook_bytes(wb: Workbook, *, stamp: datetime = FIXED_TIME) -> bytes:
    """The xlsx bytes of ``wb`` with fixed document properties and zip entry dates."""
    wb.properties.created = stamp
    wb.properties.modified = stamp
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return repack_zip(raw.getvalue(), stamp=stamp)


def repack_zip(data: bytes, *, stamp: datetime = FIXED_TIME) -> bytes:
    """An Office file (a zip) re-packed with fixed entry dates and modes: the same content
    gives the same bytes (used for xlsx and docx)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def write_workbook(wb: Workbook, path: Path, *, stamp: datetime = FIXED_TIME) -> None:
    """Write ``wb`` to ``path`` reproducibly and atomically."""
    write_bytes(Path(path), workbook_bytes(wb, stamp=stamp))


def printable(
    ws,
    *,
    header_rows: int = 1,
    first_data_row: int | None = None,
    landscape: bool = True,
    paper: str = "A4",
    title: str | None = None,
) -> None:
    """Page setup for a table sheet people print: header rows repeated on every page, fit to
    the page width over as many pages as needed, A4/A3, page numbers in the footer, and row
    heights that fit the wrapped text (LibreOffice does not grow rows of a written file).

    Parameters
    ----------
    ws
        An openpyxl worksheet whose column widths are set.
    header_rows
        Rows repeated at the top of every printed page.
    first_data_row
        First row whose height is fitted to its wrapped text (default: after the header).
    landscape, paper
        Orientation and paper (``"A4"`` or ``"A3"``).
    title
        Page header text (centre), e.g. the district and the plan's title.
    """
    ws.print_title_rows = f"1:{header_rows}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if paper == "A3" else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.8  # room for page header and footer
    if title:
        ws.oddHeader.center.text = title
    ws.oddFooter.right.text = "Seite &P von &N"
    widths = {
        col: (dim.width or 10)
        for col in range(1, ws.max_column + 1)
        if not (dim := ws.column_dimensions[get_column_letter(col)]).hidden
    }
    merged_width = {
        (rng.min_row, rng.min_col): sum(
            widths.get(c, 0) for c in range(rng.min_col, rng.max_col + 1)
        )
        for rng in ws.merged_cells.ranges
    }
    start = first_data_row or header_rows + 1
    for row in ws.iter_rows(min_row=start):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.value and cell.column in widths:
                width = merged_width.get((cell.row, cell.column), widths.get(cell.column, 10))
                width = max(width - 1, 4)
                wrapped = sum(
                    max(1, -(-len(part) // int(width * 1.1))) for part in cell.value.split("\n")
                )
                lines = max(lines, wrapped)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 15 * min(lines, 30)


def add_validation(
    ws, cells: str, *, title: str, error: str, warn: bool = False, **rule: str
) -> None:
    """A data validation on ``cells`` (e.g. ``"H3:H200"``); blank cells are allowed.

    ``rule``: openpyxl's :class:`~openpyxl.worksheet.datavalidation.DataValidation` rule
    (``type``, ``operator``, ``formula1``, ``formula2``). A wrong entry is refused with
    ``title`` and ``error``; with ``warn`` it may be kept after the warning.
    """
    style = {"errorStyle": "warning"} if warn else {}
    dv = DataValidation(
        allow_blank=True, showErrorMessage=True, errorTitle=title, error=error, **style, **rule
    )
    dv.add(cells)
    ws.add_data_validation(dv)
