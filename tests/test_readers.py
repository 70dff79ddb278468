"""Tests for flueko.io.readers: every format into Sheets, every bad file into one clear error."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from flueko.errors import InputFileError
from flueko.io.readers import read_sheets
from flueko.sheet import Sheet

FIXTURES = Path(__file__).parent / "fixtures"

# Sheet "Karten" of tests/fixtures/source.xlsx as LibreOffice computed it (see make_fixtures.py)
KARTEN = (
    ("Arbeitskreis", "Karte", "Punkte", "Anteil"),
    ("AK Wohnen", "Zu wenig bezahlbarer Wohnraum", 5, 0.5),
    ("AK Wohnen", "Leerstand in Dörfern nutzen", 3, 1.25),
    ("AK Bildung", "Sprachkurse für Mütter", "007", dt.datetime(2016, 10, 20, 14, 30)),
    ("Summe", 3, 8, "#DIV/0!"),
    ("AK Arbeit", "#N/A", None, dt.date(2016, 11, 3)),
    ("Gruppe Ü", "über zwei Zeilen"),
)


def _copy(tmp_path: Path, name: str, target: str) -> Path:
    dest = tmp_path / target
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / name, dest)
    return dest


def _by_name(sheets: list[Sheet]) -> dict[str, Sheet]:
    return {s.name: s for s in sheets}


def test_xlsx_from_libreoffice_with_cached_formulas(tmp_path: Path) -> None:
    path = _copy(tmp_path, "lo.xlsx", "runde/ak/karten.xlsx")
    sheets = read_sheets(path, root=tmp_path / "runde")
    assert [s.name for s in sheets] == ["Karten", "Notizen", "Leer"]
    karten, notizen, leer = sheets
    assert karten.file == "ak/karten.xlsx"
    assert karten.rows == KARTEN
    assert karten.hidden is False
    assert karten.merged == ((6, 0, 8, 0),)
    assert karten.hidden_rows == frozenset({7})
    assert notizen.hidden is True
    assert notizen.rows == ((), (None, "intern"))
    assert leer.rows == ()
    assert type(karten.rows[1][2]) is int


def test_xlsx_from_openpyxl_has_no_cached_formula_values(tmp_path: Path) -> None:
    sheets = _by_name(read_sheets(FIXTURES / "source.xlsx", root=FIXTURES))
    karten = sheets["Karten"]
    assert karten.rows[4] == ("Summe",)
    assert karten.rows[5] == ("AK Arbeit", None, None, dt.date(2016, 11, 3))
    assert karten.merged == ((6, 0, 8, 0),)
    assert karten.hidden_rows == frozenset({7})
    assert sheets["Notizen"].hidden is True


def test_ods_from_libreoffice() -> None:
    sheets = read_sheets(FIXTURES / "lo.ods", root=FIXTURES)
    karten, notizen, _ = sheets
    assert karten.file == "lo.ods"
    assert karten.rows == KARTEN
    assert karten.merged == ()  # calamine does not expose merged ranges of ods
    assert notizen.hidden is True


def test_xls_from_libreoffice() -> None:
    karten, notizen, _ = read_sheets(FIXTURES / "lo.xls", root=FIXTURES)
    # calamine turns xls error cells into empty cells and there is no XML to recover them
    expected = list(KARTEN)
    expected[4] = ("Summe", 3, 8)
    expected[5] = ("AK Arbeit", None, None, dt.date(2016, 11, 3))
    assert karten.rows == tuple(expected)
    assert karten.merged == ((6, 0, 8, 0),)
    assert notizen.hidden is True


def test_content_wins_over_extension(tmp_path: Path) -> None:
    xlsx_as_csv = _copy(tmp_path, "lo.xlsx", "karten.csv")
    assert read_sheets(xlsx_as_csv, root=tmp_path)[0].rows == KARTEN
    csv_as_xlsx = tmp_path / "umfrage.xlsx"
    csv_as_xlsx.write_bytes("Frage;Antwort\nFormat;gut\n".encode("cp1252"))
    (sheet,) = read_sheets(csv_as_xlsx, root=tmp_path)
    assert sheet.name == ""
    assert sheet.rows == (("Frage", "Antwort"), ("Format", "gut"))


def test_csv_values_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "karten.csv"
    text = (
        "Gruppe;Karte;Punkte;Kosten\r\n"
        'AK Wohnen;"Wohnraum; bezahlbar\r\nund nah";007;3,5\r\n'
        "AK Arbeit;n/a;;7.000 €\r\n"
        "\r\n"
        "AK Ü;  ;1;\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    (sheet,) = read_sheets(path, root=tmp_path)
    assert sheet.file == "karten.csv"
    assert sheet.rows == (
        ("Gruppe", "Karte", "Punkte", "Kosten"),
        ("AK Wohnen", "Wohnraum; bezahlbar\r\nund nah", "007", "3,5"),
        ("AK Arbeit", "n/a", None, "7.000 €"),
        (),
        ("AK Ü", "  ", "1"),
    )


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-8", "\t")])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = tmp_path / "u.csv"
    rows = [["Gruppe", "Karte"], ["AK Bäder", f'"Ruhe{delimiter} bitte"']]
    path.write_bytes("\n".join(delimiter.join(r) for r in rows).encode(encoding))
    (sheet,) = read_sheets(path, root=tmp_path)
    assert sheet.rows == (("Gruppe", "Karte"), ("AK Bäder", f"Ruhe{delimiter} bitte"))


def _error(path: Path, root: Path, **kwargs: float) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_sheets(path, root=root, **kwargs)
    err = info.value
    assert err.file == path.relative_to(root).as_posix()
    assert err.one_line().startswith(err.file + ": ")
    assert err.hint
    return err


def test_bad_files_raise_one_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "leer.xlsx"
    empty.write_bytes(b"")
    assert _error(empty, tmp_path).code == "empty_file"

    full = (FIXTURES / "lo.xlsx").read_bytes()
    cut = tmp_path / "sub" / "halb.xlsx"
    cut.parent.mkdir()
    cut.write_bytes(full[: len(full) // 2])
    err = _error(cut, tmp_path)
    assert err.code == "corrupt_file"
    assert err.one_line() == (
        "sub/halb.xlsx: ist beschädigt oder unvollständig und kann nicht gelesen werden — "
        "Datei in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut ablegen"
    )

    docx = tmp_path / "protokoll.docx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert _error(docx, tmp_path).code == "unsupported_format"

    noise = tmp_path / "rauschen.xls"
    noise.write_bytes(bytes(range(256)) * 4)
    assert _error(noise, tmp_path).code == "unsupported_format"

    encrypted = _copy(tmp_path, "encrypted.xlsx", "geheim.xlsx")
    assert _error(encrypted, tmp_path).code == "encrypted"

    big = _copy(tmp_path, "lo.ods", "gross.ods")
    err = _error(big, tmp_path, max_mb=0.01)
    assert err.code == "too_large"
    assert "0.01 MB" in err.message


def test_broken_xml_inside_a_valid_zip_is_corrupt(tmp_path: Path) -> None:
    src = FIXTURES / "lo.xlsx"
    bad = tmp_path / "kaputt.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    assert _error(bad, tmp_path).code == "corrupt_file"


def test_broken_ole2_is_corrupt(tmp_path: Path) -> None:
    data = (FIXTURES / "lo.xls").read_bytes()
    bad = tmp_path / "kaputt.xls"
    bad.write_bytes(data[:1024])
    assert _error(bad, tmp_path).code == "corrupt_file"


def test_workbook_without_values(tmp_path: Path) -> None:
    path = tmp_path / "leer.xlsx"
    wb = openpyxl.Workbook()
    wb.create_sheet("Zwei")
    wb.save(path)
    err = _error(path, tmp_path)
    assert err.code == "empty_workbook"
    assert err.one_line() == (
        "leer.xlsx: enthält kein Blatt mit Werten — "
        "Datei mit Inhalt ablegen oder aus dem Rundenordner entfernen"
    )


def test_empty_csv_text_is_an_empty_workbook(tmp_path: Path) -> None:
    path = tmp_path / "leer.csv"
    path.write_bytes(b"\r\n\r\n")
    assert _error(path, tmp_path).code == "empty_workbook"


def test_workbook_values_from_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "werte.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    ws["B2"] = "Maßnahme"
    ws["C2"] = 4.0
    ws["D2"] = True
    ws["E2"] = dt.time(9, 30)
    ws["B3"] = "Sprachcafé"
    ws["C3"] = -2.5
    ws["D3"] = 12345678901
    ws.merge_cells("B5:D6")
    ws["B5"] = "Block"
    wb.save(path)
    (sheet,) = read_sheets(path, root=tmp_path)
    assert sheet.rows == (
        (),
        (None, "Maßnahme", 4, True, dt.time(9, 30)),
        (None, "Sprachcafé", -2.5, 12345678901),
        (),
        (None, "Block"),
    )
    assert sheet.merged == ((4, 1, 5, 3),)
    assert sheet.hidden_rows == frozenset()
