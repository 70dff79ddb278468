"""The rating-sheet template (``bewertungsbogen_vorlage.xlsx``): written for a card round, and
read back exactly — the card ids it carries are the lineage of the rated measures."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest

from flueko.cli import main
from flueko.config import Workspace
from flueko.labels import RATING_TEMPLATE_CARDS
from flueko.pipeline import ingest_round, write_result
from flueko.privacy import find_personal_data
from flueko.report.plan_workbook import SOURCES_HEADER
from flueko.report.rating_template import (
    CARDS_SHEET,
    COLUMNS,
    GUIDE_SHEET,
    RATING_SHEET,
    TEMPLATE_XLSX,
    write_rating_template,
)

from .conftest import DEMO_RAW

KICKOFF, LATER = "2016-10-20_auftakt", "2016-12-07_vertiefung"


def _rows(sheet) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:] if any(row)]


def _ids(text: object) -> list[str]:
    return sorted(i.strip() for i in str(text or "").split(";") if i.strip())


def test_template_of_the_demo_kickoff(demo_run):
    assert demo_run.exit_code == 0, demo_run.output
    path = demo_run.root / "reports" / KICKOFF / TEMPLATE_XLSX
    assert path.is_file()
    for later in (LATER, "2017-02-15_erweitert"):  # rounds without cards get none
        assert not (demo_run.root / "reports" / later / TEMPLATE_XLSX).exists()
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [GUIDE_SHEET, RATING_SHEET, CARDS_SHEET]
    rating = wb[RATING_SHEET]
    header = [c.value for c in rating[1]]
    assert header == [name for name, _ in COLUMNS]
    assert header[:5] == ["Nr.", "Handlungsfeld", "Maßnahme", SOURCES_HEADER, "Punkte der Karten"]
    assert {"Wirkung (1–5)", "Aufwand (1–5)"} <= set(header)
    contributions = pd.read_parquet(
        demo_run.root / "data" / "processed" / KICKOFF / "contributions.parquet"
    )
    known = set(contributions["idea_id"])
    rows = _rows(rating)
    assert len(rows) >= 15
    votes = [r["Punkte der Karten"] for r in rows]
    assert votes == sorted(votes, reverse=True) and all(v >= 1 for v in votes)
    for r in rows:
        assert r["Maßnahme"]
        assert _ids(r[SOURCES_HEADER]) and set(_ids(r[SOURCES_HEADER])) <= known
        assert r["Wirkung (1–5)"] is None and r["Aufwand (1–5)"] is None
    assert any(len(_ids(r[SOURCES_HEADER])) > 1 for r in rows)  # Ideenbündel
    cards = wb[CARDS_SHEET]
    assert tuple(c.value for c in cards[1]) == RATING_TEMPLATE_CARDS
    listed = _rows(cards)
    assert {r["Karten-ID"] for r in listed} == known
    for r in listed:
        assert find_personal_data(str(r["Karte"])) == []


def test_cli_writes_the_template_and_says_so_for_a_round_without_cards(tmp_path, capsys):
    shutil.copytree(DEMO_RAW / KICKOFF, tmp_path / "data" / "raw" / KICKOFF)
    shutil.copytree(DEMO_RAW / LATER, tmp_path / "data" / "raw" / LATER)
    ws = Workspace.at(tmp_path)
    for round_id in (KICKOFF, LATER):
        write_result(ws, ingest_round(ws, round_id))
    assert main(["--workspace", str(tmp_path), "bewertungsbogen", KICKOFF]) == 0
    out = capsys.readouterr().out
    assert TEMPLATE_XLSX in out
    written = (tmp_path / "reports" / KICKOFF / TEMPLATE_XLSX).read_bytes()
    assert main(["--workspace", str(tmp_path), "bewertungsbogen", LATER]) == 1
    err = capsys.readouterr().err
    assert "keine Workshop-Karten" in err
    assert main(["--workspace", str(tmp_path), "bewertungsbogen", "--all"]) == 0
    out = capsys.readouterr().out
    assert "keine Workshop-Karten" in out and TEMPLATE_XLSX in out
    assert (tmp_path / "reports" / KICKOFF / TEMPLATE_XLSX).read_bytes() == written  # same bytes
    assert main(["--workspace", str(tmp_path), "bewertungsbogen"]) == 1


@pytest.fixture
def kickoff(tmp_path) -> Workspace:
    """A workspace with the demo's kick-off round ingested and its template written."""
    shutil.copytree(DEMO_RAW / KICKOFF, tmp_path / "data" / "raw" / KICKOFF)
    ws = Workspace.at(tmp_path)
    write_result(ws, ingest_round(ws, KICKOFF))
    assert write_rating_template(ws, KICKOFF)
    return ws


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_filled_template_gives_exact_lineage(kickoff, suffix, tmp_path_factory, request):
    """Filled in Excel (openpyxl) or saved by LibreOffice Calc as .ods, the returned template
    gives each measure exactly its card ids."""
    ws = kickoff
    wb = openpyxl.load_workbook(ws.reports_round(KICKOFF) / TEMPLATE_XLSX)
    first = wb[RATING_SHEET]
    first.title = "Jobcenter"
    header = [c.value for c in first[1]]
    title_col = header.index("Maßnahme") + 1
    ids_col = header.index(SOURCES_HEADER) + 1
    n = len(_rows(first))
    # the office rewords one measure and corrects the ids of another
    first.cell(row=2, column=title_col, value="Einstufungstests: gemeinsame Qualitätsstandards")
    moved = first.cell(row=3, column=ids_col).value
    first.cell(row=4, column=ids_col, value=f"{first.cell(row=4, column=ids_col).value}; {moved}")
    second = wb.copy_worksheet(first)
    second.title = "Landratsamt"
    for k, sheet in enumerate((first, second)):
        for r in range(2, n + 2):
            sheet.cell(row=r, column=header.index("Wirkung (1–5)") + 1, value=1 + (r + k) % 5)
            sheet.cell(row=r, column=header.index("Aufwand (1–5)") + 1, value=1 + (2 * r + k) % 5)
    folder = ws.raw / LATER
    folder.mkdir(parents=True)
    if suffix == "ods":  # an office working in LibreOffice saves its own format
        scratch = tmp_path_factory.mktemp("lo")
        wb.save(scratch / "bewertung_auftaktideen.xlsx")
        lo = request.getfixturevalue("soffice")
        subprocess.run(
            [lo, "--headless", "--convert-to", "ods", "--outdir", str(folder),
             str(scratch / "bewertung_auftaktideen.xlsx")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        assert (folder / "bewertung_auftaktideen.ods").is_file()
    else:
        wb.save(folder / "bewertung_auftaktideen.xlsx")
    expected = {
        row["Maßnahme"]: _ids(row[SOURCES_HEADER]) for row in _rows(first) if row["Maßnahme"]
    }

    result = ingest_round(ws, LATER)
    assert result.writable, result.problems
    write_result(ws, result)
    processed = ws.processed_round(LATER)
    contributions = pd.read_parquet(processed / "contributions.parquet")
    assert contributions.empty  # the sheet "Karten" is no workshop card sheet
    measures = pd.read_parquet(processed / "measures.parquet")
    assert len(measures) == n
    got = {t: _ids(i) for t, i in zip(measures["title"], measures["idea_ids"], strict=True)}
    assert got == expected
    assert set(measures["n_raters"]) == {2}
    ratings = pd.read_parquet(processed / "ratings.parquet")
    assert ratings["rater"].nunique() == 2
    assert set(ratings["criterion"]) == {"impact", "effort"}
    assert len(ratings) == 2 * 2 * n


def test_the_card_list_with_a_column_deleted_is_still_no_card_sheet(kickoff):
    """The office deleted „Handlungsfeld“ from the sheet „Karten“ and added a note column: the
    sheet is still the template's list of kick-off cards, never cards of the new round."""
    ws = kickoff
    wb = openpyxl.load_workbook(ws.reports_round(KICKOFF) / TEMPLATE_XLSX)
    cards = wb[CARDS_SHEET]
    header = [c.value for c in cards[1]]
    cards.delete_cols(header.index("Handlungsfeld") + 1)
    cards.cell(row=1, column=cards.max_column + 1, value="Notiz")
    rating = wb[RATING_SHEET]
    rating.title = "Jobcenter"
    head = [c.value for c in rating[1]]
    for r in range(2, 6):
        rating.cell(row=r, column=head.index("Wirkung (1–5)") + 1, value=4)
        rating.cell(row=r, column=head.index("Aufwand (1–5)") + 1, value=2)
    folder = ws.raw / LATER
    folder.mkdir(parents=True)
    wb.save(folder / "bewertung.xlsx")
    result = ingest_round(ws, LATER)
    assert result.tables["contributions"].empty
    assert result.tables["ratings"]["rater"].nunique() == 1
