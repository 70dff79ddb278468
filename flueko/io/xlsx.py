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
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
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
