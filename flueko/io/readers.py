"""Read workbooks and CSV files into :class:`~flueko.sheet.Sheet` objects.

One entry point, :func:`read_sheets`: the format is judged from the content
(:mod:`flueko.io.sniff`), workbooks (xlsx/xlsm/xlsb/xls/ods) are read with python-calamine,
CSV with the standard :mod:`csv` module (values stay text). Whatever goes wrong with a bad file
becomes one :class:`~flueko.errors.InputFileError` with a German message and a hint.

calamine delivers formula results (the cached values) but turns error cells (``#DIV/0!``) into
empty cells; for xlsx/xlsm and ods the error codes are put back from the sheet XML, so the
parsers can log them. For xlsx/xlsm the same cheap XML pass finds hidden rows.
"""

from __future__ import annotations

import csv
import html
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import python_calamine as pc

from flueko.errors import InputFileError
from flueko.io import sniff
from flueko.sheet import Cell, Row, Sheet

WORKBOOK_FORMATS = ("xlsx", "xlsm", "xlsb", "xls", "ods")

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_ROW_NUMBER = re.compile(rb"\br=\"(\d+)\"")
_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\bt=\"e\"[^>]*>")
_CELL_REF = re.compile(rb"\br=\"([A-Z]+)(\d+)\"")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")

_ODS_ERROR_MARK = b'calcext:value-type="error"'
_ODS_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def relative_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (the file name if outside ``root``)."""
    if ".." not in path.parts and path.is_absolute() == root.is_absolute():
        try:  # the common case without a file-system look-up
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def strip_text_prefix(value: str) -> str | None:
    """A raw cell text without the apostrophe that is no part of it; ``None`` if nothing is left.

    A leading ``'`` is Excel's text prefix ("'0049 …") or the guard exports put before text
    that would start a formula ("'=…", "'-…", "'+…", "'@…"): it is removed once, here, when a
    file is read. An apostrophe that opens a quotation ("'Willkommen' heißt …") stays.
    """
    if not value.startswith("'"):
        return value
    rest = value[1:]
    if rest[:1] in ("=", "+", "-", "@") or rest[:1].isdigit() or "'" not in rest:
        return rest if rest.strip() else None
    return value


def read_sheets(path: Path, *, root: Path, max_mb: float = 50) -> list[Sheet]:
    """Read every worksheet of a workbook, or a CSV file as one sheet named ``""``.

    Parameters
    ----------
    path
        The file; its format is judged from its content, not its extension.
    root
        The round folder; ``Sheet.file`` is ``path`` relative to it.
    max_mb
        Larger files are refused (``ingest.max_file_mb`` in params.yaml).

    Returns
    -------
    list[Sheet]
        Sheets in workbook order, hidden ones included (``Sheet.hidden``).

    Raises
    ------
    InputFileError
        codes ``empty_file``, ``too_large``, ``corrupt_file``, ``encrypted``,
        ``unsupported_format``, ``empty_workbook``.
    """
    path = Path(path)
    file = relative_name(path, Path(root))
    try:
        sniff.check_size(path, max_mb=max_mb, file=file)
        fmt, package = sniff.open_file(path, file=file)
        if fmt == "csv":
            sheets = [read_csv(path.read_bytes(), file=file)]
        else:
            try:
                sheets = _read_workbook(path, fmt=fmt, file=file, package=package)
            finally:
                if package is not None:
                    package.close()
    except InputFileError:
        raise
    except OSError as err:
        raise InputFileError(
            f"kann nicht geöffnet werden ({err.strerror or type(err).__name__})",
            file=file,
            hint="prüfen, ob die Datei in einem anderen Programm geöffnet oder gesperrt ist",
            code="unreadable_file",
        ) from err
    if not any(_has_value(s) for s in sheets):
        raise InputFileError(
            "enthält kein Blatt mit Werten",
            file=file,
            hint="Datei mit Inhalt ablegen oder aus dem Rundenordner entfernen",
            code="empty_workbook",
        )
    return sheets


def _has_value(sheet: Sheet) -> bool:
    return any(v is not None for row in sheet.rows for v in row)


# ---------------------------------------------------------------------------------------- CSV


def read_csv(raw: bytes, *, file: str) -> Sheet:
    """CSV bytes as one :class:`Sheet` named ``""``; values stay text, empty fields → ``None``.

    One row per CSV record (a quoted field may span lines), so row numbers are those Excel
    shows when it opens the file.
    """
    encoding, text = sniff.decode_text(raw)
    dialect = sniff.sniff_text(text, encoding=encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter, strict=False)
    try:
        rows = tuple(
            _trim(tuple(strip_text_prefix(v) if v[:1] == "'" else v or None for v in record))
            for record in reader
        )
    except csv.Error as err:  # e.g. a NUL byte in the text
        raise InputFileError(
            f"ist keine lesbare CSV-Datei ({err})",
            file=file,
            hint=sniff.HINT_RESAVE,
            code="corrupt_file",
        ) from err
    return Sheet(file=file, name="", rows=rows)


# ----------------------------------------------------------------------------------- workbooks


def _read_workbook(
    path: Path, *, fmt: str, file: str, package: zipfile.ZipFile | None = None
) -> list[Sheet]:
    try:
        return _calamine_sheets(path, fmt=fmt, file=file, package=package)
    except InputFileError:
        raise
    except pc.PasswordError as err:
        raise sniff.encrypted_error(file) from err
    except BaseException as err:
        # calamine reports broken files as CalamineError, ZipError, XmlError, ValueError or as
        # a Rust panic (pyo3 PanicException derives from BaseException): all are "corrupt".
        if isinstance(err, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
            raise
        raise InputFileError(
            f"ist beschädigt und kann nicht gelesen werden ({type(err).__name__})",
            file=file,
            hint=sniff.HINT_RESAVE,
            code="corrupt_file",
        ) from err


def _calamine_sheets(
    path: Path, *, fmt: str, file: str, package: zipfile.ZipFile | None = None
) -> list[Sheet]:
    extras: dict[str, tuple[frozenset[int], dict[tuple[int, int], str]]] = {}
    if fmt in ("xlsx", "xlsm", "ods"):
        owned = package is None
        zf = zipfile.ZipFile(path) if owned else package
        try:
            extras = _xlsx_extras(zf) if fmt != "ods" else _ods_extras(zf)
        finally:
            if owned:
                zf.close()
    sheets = []
    with pc.CalamineWorkbook.from_path(str(path)) as wb:
        for meta in wb.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue  # chart and dialog sheets hold no cells
            ws = wb.get_sheet_by_name(meta.name)
            rows = _convert_rows(ws.to_python(skip_empty_area=False))
            hidden_rows, errors = extras.get(meta.name, (frozenset(), {}))
            if errors:
                rows = tuple(tuple(r) for r in _trim_rows(_put_errors(rows, errors)))
            merged = tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in (ws.merged_cell_ranges or ()))
            sheets.append(
                Sheet(
                    file=file,
                    name=meta.name,
                    rows=rows,
                    hidden=meta.visible != pc.SheetVisibleEnum.Visible,
                    merged=merged,
                    hidden_rows=hidden_rows,
                )
            )
    return sheets


def _convert_rows(rows: list[list[Cell]]) -> tuple[Row, ...]:
    """calamine rows → Sheet rows: "" → None, integral floats → int, a text prefix removed
    (:func:`strip_text_prefix`), trailing blanks cut.

    One pass over the cells; a row is converted cell by cell only when it holds an empty string
    or a float (calamine gives str, bool, int, date and time values as they are wanted).
    """
    out: list[Row] = []
    append = out.append
    for row in rows:
        while row and row[-1] == "":
            row.pop()
        append(
            tuple(
                [
                    v
                    if type(v) is str and v and v[0] != "'"
                    else (
                        None
                        if v == ""
                        else int(v)
                        if type(v) is float and v.is_integer()
                        else strip_text_prefix(v)
                        if type(v) is str
                        else v
                    )
                    for v in row
                ]
            )
        )
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def _trim(row: Row) -> Row:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _trim_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    end = len(rows)
    while end and not rows[end - 1]:
        end -= 1
    return rows[:end]


def _put_errors(rows: Iterable[Row], errors: dict[tuple[int, int], str]) -> list[list[Cell]]:
    rows = [list(r) for r in rows]
    for (r, c), code in errors.items():
        while len(rows) <= r:
            rows.append([])
        row = rows[r]
        if len(row) <= c:
            row.extend([None] * (c + 1 - len(row)))
        if row[c] is None:
            row[c] = code
    return rows


def _column_index(letters: bytes) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + (ch - 64)
    return col - 1


def _xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member of its XML, via ``xl/workbook.xml`` and its relationships."""
    workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[rel.get("Id")] = member
    parts = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        rid = sheet.get(f"{_NS_REL}id")
        if rid in targets:
            parts[sheet.get("name", "")] = targets[rid]
    return parts


def _xlsx_extras(
    zf: zipfile.ZipFile,
) -> dict[str, tuple[frozenset[int], dict[tuple[int, int], str]]]:
    """Hidden rows and error cells of every sheet, from the sheet XML (regex, no DOM).

    Most workbooks have neither: the sheet parts are scanned for the two markers first and the
    workbook XML (sheet names) is only parsed when one of them occurs.
    """
    found = {}
    for info in zf.infolist():
        member = info.filename
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            data = _member(zf, info)
            if b'hidden="' in data or b't="e"' in data:
                found[member] = data
    if not found:
        return {}
    extras = {}
    for name, member in _xlsx_sheet_parts(zf).items():
        data = found.get(member)
        if data is not None:
            extras[name] = (_hidden_rows(data), _error_cells(data))
    return extras


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A zip member's bytes; deflated members of an in-memory package are inflated directly.

    ``ZipFile.read`` spends more time in Python (file object, CRC) than zlib in inflating;
    the CRC is not needed here because calamine reads and checks the same part.
    """
    buf = zf.fp
    if info.compress_type == zipfile.ZIP_DEFLATED and isinstance(buf, io.BytesIO):
        with buf.getbuffer() as view:
            offset = info.header_offset
            if view[offset : offset + 4] == b"PK\x03\x04":
                name_len, extra_len = struct.unpack_from("<HH", view, offset + 26)
                start = offset + 30 + name_len + extra_len
                return zlib.decompress(view[start : start + info.compress_size], -15)
    return zf.read(info)


def _hidden_rows(data: bytes) -> frozenset[int]:
    if b'hidden="1"' not in data and b'hidden="true"' not in data:
        return frozenset()
    hidden = set()
    for match in _HIDDEN_ROW.finditer(data):
        number = _ROW_NUMBER.search(match.group(0))
        if number:
            hidden.add(int(number.group(1)) - 1)
    return frozenset(hidden)


def _error_cells(data: bytes) -> dict[tuple[int, int], str]:
    if b't="e"' not in data:
        return {}
    errors = {}
    for match in _ERROR_CELL.finditer(data):
        tag = match.group(0)
        ref = _CELL_REF.search(tag)
        if not ref or tag.endswith(b"/>"):
            continue
        close = _CELL_END.search(data, match.end())
        value = _VALUE.search(data, match.end(), close.start() if close else len(data))
        if value and value.group(1):
            cell = (int(ref.group(2)) - 1, _column_index(ref.group(1)))
            errors[cell] = html.unescape(value.group(1).decode("utf-8", errors="replace"))
    return errors


def _ods_extras(
    zf: zipfile.ZipFile,
) -> dict[str, tuple[frozenset[int], dict[tuple[int, int], str]]]:
    """Error cells of an ods file (only parsed when the content holds any)."""
    data = zf.read("content.xml")
    if _ODS_ERROR_MARK not in data:
        return {}
    return {name: (frozenset(), errors) for name, errors in _ods_error_cells(data)}


def _q(prefix: str, local: str) -> str:
    return f"{{{_ODS_NS[prefix]}}}{local}"


def _ods_error_cells(data: bytes) -> Iterable[tuple[str, dict[tuple[int, int], str]]]:
    table_tag, row_tag = _q("table", "table"), _q("table", "table-row")
    cell_tags = {_q("table", "table-cell"), _q("table", "covered-table-cell")}
    value_type = _q("calcext", "value-type")
    rows_rep, cols_rep = _q("table", "number-rows-repeated"), _q("table", "number-columns-repeated")
    root = ElementTree.fromstring(data)
    for table in root.iter(table_tag):
        errors: dict[tuple[int, int], str] = {}
        r = 0
        for row in table.iter(row_tag):
            c = 0
            for cell in row:
                if cell.tag not in cell_tags:
                    continue
                if cell.get(value_type) == "error":
                    text = "".join(cell.itertext()).strip()
                    if text:
                        errors[(r, c)] = text
                c += int(cell.get(cols_rep, "1"))
            r += int(row.get(rows_rep, "1"))
        if errors:
            yield table.get(_q("table", "name"), ""), errors
