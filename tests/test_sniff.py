"""Tests for flueko.io.sniff: format from content, size limit, CSV dialect."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko.errors import InputFileError
from flueko.io.sniff import (
    CsvDialect,
    check_size,
    decode_text,
    detect_format,
    guess_delimiter,
    sniff_csv,
)

FIXTURES = Path(__file__).parent / "fixtures"


def _xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Karte"
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "expected"),
    [("lo.ods", "ods"), ("lo.xls", "xls"), ("lo.xlsx", "xlsx"), ("source.xlsx", "xlsx")],
)
def test_detect_format_of_office_files(name: str, expected: str) -> None:
    assert detect_format(FIXTURES / name) == expected


def test_detect_format_ignores_the_extension(tmp_path: Path) -> None:
    wrong = tmp_path / "karten.csv"
    wrong.write_bytes(_xlsx(tmp_path / "k.xlsx").read_bytes())
    assert detect_format(wrong) == "xlsx"
    text = tmp_path / "karten.xlsx"
    text.write_text("Gruppe;Karte\nAK;Wohnraum\n", encoding="utf-8")
    assert detect_format(text) == "csv"


def test_detect_xlsm_by_content_type(tmp_path: Path) -> None:
    src = _xlsx(tmp_path / "k.xlsx")
    target = tmp_path / "k.xlsm"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"spreadsheetml.sheet.main+xml",
                    b"ms-excel.sheet.macroEnabled.main+xml",
                )
            zout.writestr(item, data)
    assert detect_format(target) == "xlsm"


def _code(path: Path) -> str:
    with pytest.raises(InputFileError) as info:
        detect_format(path, file="runde/" + path.name)
    assert info.value.file == "runde/" + path.name
    return info.value.code


def test_bad_files_get_their_codes(tmp_path: Path) -> None:
    empty = tmp_path / "leer.xlsx"
    empty.write_bytes(b"")
    assert _code(empty) == "empty_file"

    full = _xlsx(tmp_path / "voll.xlsx").read_bytes()
    cut = tmp_path / "halb.xlsx"
    cut.write_bytes(full[: len(full) // 2])
    assert _code(cut) == "corrupt_file"

    docx = tmp_path / "protokoll.docx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    assert _code(docx) == "unsupported_format"

    noise = tmp_path / "rauschen.xlsx"
    noise.write_bytes(bytes(range(256)) * 8)
    assert _code(noise) == "unsupported_format"

    assert _code(FIXTURES / "encrypted.xlsx") == "encrypted"


def test_encrypted_message_says_what_to_do() -> None:
    with pytest.raises(InputFileError) as info:
        detect_format(FIXTURES / "encrypted.xlsx", file="encrypted.xlsx")
    assert info.value.one_line() == (
        "encrypted.xlsx: ist passwortgeschützt — ohne Passwort speichern und erneut ablegen"
    )


def test_check_size(tmp_path: Path) -> None:
    big = tmp_path / "gross.csv"
    big.write_bytes(b"a;b\n" * 300_000)  # 1.2 MB
    assert check_size(big, max_mb=2) == 1_200_000
    with pytest.raises(InputFileError) as info:
        check_size(big, max_mb=1, file="gross.csv")
    err = info.value
    assert err.code == "too_large"
    assert err.one_line() == (
        "gross.csv: ist 1.1 MB groß, erlaubt sind 1 MB — "
        "Datei aufteilen oder ingest.max_file_mb in params.yaml erhöhen"
    )


# ------------------------------------------------------------------------------------ sniff_csv


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Gruppe;Punkte\nAK Wohnen;3,5\n".encode("utf-8-sig"), CsvDialect("utf-8-sig", ";", ",")),
        ("Gruppe;Punkte\nAK Bäder;3\n".encode(), CsvDialect("utf-8", ";", ".")),
        ("Gruppe\tKosten\nAK Ü\t7.000 €\n".encode("cp1252"), CsvDialect("cp1252", "\t", ".")),
        ("Gruppe\tAnteil\nAK\t0,25\n".encode("cp1252"), CsvDialect("utf-8", "\t", ",")),
        (b"Gruppe,Punkte\nAK,3.5\n", CsvDialect("utf-8", ",", ".")),
        (b"Gruppe|Punkte\nAK|3,5\n", CsvDialect("utf-8", "|", ".")),
        ("a;b\nc;\x81\n".encode("latin-1"), CsvDialect("latin-1", ";", ".")),
        ("Gruppe\tKarte\n".encode("utf-16"), CsvDialect("utf-16", "\t", ".")),
        ('"CASE"\t"IN01_01"\n1\t4\n'.encode("utf-16-le"), CsvDialect("utf-16-le", "\t", ".")),
        ('"CASE"\t"IN01_01"\n1\t4\n'.encode("utf-16-be"), CsvDialect("utf-16-be", "\t", ".")),
    ],
)
def test_sniff_csv_examples(raw: bytes, expected: CsvDialect) -> None:
    assert sniff_csv(raw) == expected


def test_quoted_fields_with_delimiters_and_line_breaks() -> None:
    text = (
        'Gruppe;Karte;Punkte\n"AK Wohnen";"Wohnraum, bezahlbar; schnell";3\n'
        '"AK Arbeit";"Praktika,\nAusbildung, Jobs";2\n'
    )
    assert sniff_csv(text.encode()) == CsvDialect("utf-8", ";", ".")


def test_stdlib_sniffer_is_unreliable_ours_is_not() -> None:
    # quoted cards with line breaks and semicolons inside: csv.Sniffer gives up
    text = 'Gruppe,Karte\r\nAK,"Wohnraum;\nMiete"\r\nBK,"Kita;\nSchule"\r\n'
    with pytest.raises(csv.Error, match="Could not determine delimiter"):
        csv.Sniffer().sniff(text, delimiters=";,\t|")
    assert guess_delimiter(text) == ","


def test_decode_text_prefers_strict_utf8() -> None:
    assert decode_text("Bürger".encode()) == ("utf-8", "Bürger")
    assert decode_text("Bürger".encode("cp1252")) == ("cp1252", "Bürger")


_DELIMS = (";", ",", "\t", "|")
_ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")
_ALPHABET = "abcXYZ019 .-äöüÄÖÜß\"'\n"


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[list[str]], str, str]:
    delimiter = draw(st.sampled_from(_DELIMS))
    encoding = draw(st.sampled_from(_ENCODINGS))
    n_cols = draw(st.integers(2, 5))
    cell = st.text(alphabet=_ALPHABET + delimiter, max_size=12)
    rows = draw(st.lists(st.lists(cell, min_size=n_cols, max_size=n_cols), min_size=1, max_size=8))
    return rows, delimiter, encoding


@settings(max_examples=200, deadline=None)
@given(_tables())
def test_sniff_csv_recovers_what_the_csv_module_wrote(
    table: tuple[list[list[str]], str, str],
) -> None:
    rows, delimiter, encoding = table
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    dialect = sniff_csv(text.encode(encoding))
    assert dialect.delimiter == delimiter
    if encoding == "utf-8-sig" or not text.isascii():
        assert dialect.encoding == encoding
    else:  # pure ASCII is the same in every candidate encoding
        assert dialect.encoding == "utf-8"
    used, decoded = decode_text(text.encode(encoding))
    assert used == dialect.encoding
    back = list(csv.reader(io.StringIO(decoded, newline=""), delimiter=dialect.delimiter))
    assert back == rows
