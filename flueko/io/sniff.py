"""Recognise what a file is from its content (not its name) and how a CSV file is written.

:func:`detect_format` tells xlsx/xlsm/xlsb/xls/ods/csv apart by their bytes and refuses empty,
corrupt, encrypted and foreign files with an :class:`~flueko.errors.InputFileError`;
:func:`sniff_csv` finds the encoding, delimiter and decimal mark of CSV text.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flueko.errors import InputFileError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# Stream name of an encrypted OOXML package inside its OLE2 container (names are UTF-16LE).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

DELIMITERS = (";", "\t", ",", "|")  # order breaks ties: German exports use ";" most
SNIFF_BYTES = 64 * 1024
SNIFF_RECORDS = 50
SNIFF_CHARS = 64 * 1024

_DECIMAL_COMMA = re.compile(r"(?<![\d.,])-?\d+,\d+(?![\d,])")

HINT_RESAVE = "Datei in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut ablegen"
HINT_FORMATS = "erwartet werden .xlsx, .xlsm, .xls, .ods oder .csv"


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: text encoding, field delimiter, decimal mark."""

    encoding: str
    delimiter: str
    decimal: str


def check_size(path: Path, *, max_mb: float, file: str | None = None) -> int:
    """Return the size of ``path`` in bytes; refuse files larger than ``max_mb`` megabytes.

    Raises
    ------
    InputFileError
        code ``too_large`` with the size, the limit and how to get around it.
    """
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise InputFileError(
            f"ist {size / 1024 / 1024:.1f} MB groß, erlaubt sind {max_mb:g} MB",
            file=file or str(path),
            hint="Datei aufteilen oder ingest.max_file_mb in params.yaml erhöhen",
            code="too_large",
        )
    return size


def detect_format(path: Path, *, file: str | None = None) -> str:
    """The format of ``path`` judged by its content.

    Returns
    -------
    str
        ``"xlsx"``, ``"xlsm"``, ``"xlsb"``, ``"xls"``, ``"ods"`` or ``"csv"``.

    Raises
    ------
    InputFileError
        codes ``empty_file``, ``corrupt_file``, ``encrypted``, ``unsupported_format``.
    """
    fmt, package = open_file(path, file=file)
    if package is not None:
        package.close()
    return fmt


def open_file(path: Path, *, file: str | None = None) -> tuple[str, zipfile.ZipFile | None]:
    """The format of ``path`` and, for zip-based formats, the package opened in memory.

    The file is read once: for xlsx/xlsm/xlsb/ods the returned :class:`zipfile.ZipFile` works on
    the bytes already read, so a reader can take further parts from it without opening the file
    again. Other formats are judged from the first bytes (xls: the whole compound file).

    Raises
    ------
    InputFileError
        as :func:`detect_format`.
    """
    name = file or str(path)
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
        if head.startswith(ZIP_MAGICS):
            data = head + fh.read()
            return _zip_format(data, name)
    if not head:
        raise InputFileError(
            "ist leer (0 Byte)",
            file=name,
            hint="Datei erneut aus dem Original speichern oder entfernen",
            code="empty_file",
        )
    if head.startswith(OLE2_MAGIC):
        return _ole2_format(path, name), None
    if _looks_like_text(head):
        return "csv", None
    raise _unsupported(name)


def _unsupported(name: str) -> InputFileError:
    return InputFileError(
        "ist keine Tabelle in einem bekannten Format",
        file=name,
        hint=HINT_FORMATS,
        code="unsupported_format",
    )


def _corrupt(name: str) -> InputFileError:
    return InputFileError(
        "ist beschädigt oder unvollständig und kann nicht gelesen werden",
        file=name,
        hint=HINT_RESAVE,
        code="corrupt_file",
    )


def encrypted_error(name: str) -> InputFileError:
    """The error for a password-protected workbook."""
    return InputFileError(
        "ist passwortgeschützt",
        file=name,
        hint="ohne Passwort speichern und erneut ablegen",
        code="encrypted",
    )


def _zip_format(data: bytes, name: str) -> tuple[str, zipfile.ZipFile]:
    """Format of a zip package from its central directory (and the tiny type parts)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        raise _corrupt(name) from err
    try:
        names = set(zf.namelist())
        if "xl/workbook.xml" in names:
            types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            return ("xlsm" if b"macroEnabled" in types else "xlsx"), zf
        if "xl/workbook.bin" in names:
            return "xlsb", zf
        if "mimetype" in names and zf.read("mimetype").strip() == ODS_MIMETYPE:
            return "ods", zf
    except (zipfile.BadZipFile, EOFError, OSError, KeyError, zlib.error) as err:
        zf.close()
        raise _corrupt(name) from err
    zf.close()
    raise _unsupported(name)


def _ole2_format(path: Path, name: str) -> str:
    # The directory of a compound file may sit anywhere; the file is size-checked already.
    data = path.read_bytes()
    if ENCRYPTED_STREAM in data:
        raise encrypted_error(name)
    return "xls"


def _utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for UTF-16 text written without a byte-order mark (as
    some survey tools do): every second byte of mostly-ASCII text is zero."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _looks_like_text(head: bytes) -> bool:
    """Text in one of the CSV encodings, without binary control bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return True
    text = head.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls == 0 or controls / len(text) < 0.001


def decode_text(raw: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 with BOM, UTF-16 (with BOM or, judged by its zero bytes,
    without), UTF-8, Windows-1252, else Latin-1.

    Returns
    -------
    tuple[str, str]
        The encoding used and the text (without BOM).
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", raw.decode("utf-8-sig", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", raw.decode("utf-16", errors="replace")
    bomless = _utf16_without_bom(raw[:4096])
    if bomless:
        return bomless, raw.decode(bomless, errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return encoding, raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return "latin-1", raw.decode("latin-1")


def _records(text: str, delimiter: str, *, complete: bool) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records = []
    try:
        for record in reader:
            if record:
                records.append(record)
            if len(records) > SNIFF_RECORDS:
                break
    except csv.Error:
        pass
    if not complete and len(records) > 1:
        records = records[:-1]  # the last record of a cut sample may be cut, too
    return records[:SNIFF_RECORDS]


def guess_delimiter(text: str, *, complete: bool = True) -> str:
    """The delimiter among ``; tab , |`` that splits the first records most consistently.

    Quoted fields (with delimiters or line breaks inside) are respected because the records
    are read with the :mod:`csv` module for each candidate. The score is the share of records
    whose field count equals the most common count (which must exceed 1); ties go to the
    larger field count, then to the order ``; tab , |``.
    """
    best, best_key = ";", (0.0, 0, 0)
    for rank, delimiter in enumerate(DELIMITERS):
        records = _records(text, delimiter, complete=complete)
        if not records:
            continue
        counts = Counter(len(r) for r in records)
        width, n = counts.most_common(1)[0]
        if width < 2:
            continue
        key = (n / len(records), width, -rank)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def guess_decimal(text: str, delimiter: str) -> str:
    """``","`` when the delimiter is ``;`` or tab and numbers like ``3,5`` occur, else ``"."``."""
    if delimiter in (";", "\t") and _DECIMAL_COMMA.search(text):
        return ","
    return "."


def sniff_csv(raw: bytes) -> CsvDialect:
    """Find encoding, delimiter and decimal mark of CSV bytes.

    The encoding is judged on all bytes (a single Windows-1252 byte at the end decides), the
    delimiter and the decimal mark on the first 64 KB of text.
    """
    encoding, text = decode_text(raw)
    return sniff_text(text, encoding=encoding)


def sniff_text(text: str, *, encoding: str) -> CsvDialect:
    """Delimiter and decimal mark of already decoded CSV text (see :func:`sniff_csv`)."""
    complete = len(text) <= SNIFF_CHARS
    sample = text[:SNIFF_CHARS]
    delimiter = guess_delimiter(sample, complete=complete)
    return CsvDialect(encoding, delimiter, guess_decimal(sample, delimiter))
