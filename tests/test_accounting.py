"""Nothing typed is lost: on every fixture and on the demo, every non-empty cell of every sheet
read is used (text, number, header) or excluded under a log line — N = T + Z + K + E."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flueko.config import Workspace
from flueko.ingest import read as read_module
from flueko.ingest.accounting import (
    CellCount,
    Reading,
    account_sheet,
    cell_bins,
    parse_cell,
    understood,
)
from flueko.pipeline import ingest_round
from flueko.sheet import make_sheet

TESTS = Path(__file__).parent
REPO = TESTS.parent
SUFFIXES = {".xlsx", ".xls", ".ods", ".csv"}


def _fixture_folders() -> list[Path]:
    """Every folder under tests/fixtures and the cards wild set holding input files."""
    folders = set()
    for root in (TESTS / "fixtures", TESTS / "wild_sets" / "cards"):
        for path in root.rglob("*"):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                folders.add(path.parent)
    return sorted(folders)


FOLDERS = _fixture_folders()


class Recorder:
    """Wraps :func:`account_sheet` in :mod:`flueko.ingest.read` and keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, sheet, reading, entries, *, consumed=None, excluded=None):
        entries = list(entries)
        count, more = account_sheet(sheet, reading, entries, consumed=consumed, excluded=excluded)
        self.calls.append((sheet, reading, entries, consumed or {}, excluded or {}, count, more))
        return count, more


def _check_every_cell(calls) -> int:
    """Each sheet reconciles, and each excluded cell is covered by a log line of its sheet."""
    cells = 0
    for sheet, reading, entries, consumed, excluded, count, more in calls:
        assert count.reconciles, (sheet.file, sheet.name, count)
        bins = cell_bins(sheet, reading, entries, consumed=consumed, excluded=excluded)
        assert count.total == len(bins)
        named = {parse_cell(e.cell) for e in entries if e.cell}
        codes = {e.code for e in entries}
        header_logged = {c for (r, c) in named - {None} if r in reading.header_rows}
        unused_cols = {parse_cell(e.cell)[1] for e in more}
        for cell, name in bins.items():
            if name == "excluded":
                covered = (
                    cell in named
                    or (cell in excluded and excluded[cell] in codes)
                    or cell[1] in header_logged
                )
                assert covered, (sheet.file, sheet.name, cell, excluded.get(cell))
            elif name == "unused":
                assert cell[1] in unused_cols, (sheet.file, sheet.name, cell)
        cells += count.total
    return cells


def _ingest_folder(tmp_path: Path, folder: Path, monkeypatch) -> tuple[Recorder, object]:
    raw = tmp_path / "data" / "raw" / "r"
    shutil.copytree(folder, raw, ignore=shutil.ignore_patterns("*.py", "*.json", "__pycache__"))
    recorder = Recorder()
    monkeypatch.setattr(read_module, "account_sheet", recorder)
    result = ingest_round(Workspace.at(tmp_path), "r")
    return recorder, result


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: str(p.relative_to(TESTS)))
def test_every_cell_of_every_fixture_is_accounted_for(tmp_path, folder, monkeypatch):
    recorder, result = _ingest_folder(tmp_path, folder, monkeypatch)
    cells = _check_every_cell(recorder.calls)
    total = sum((f.cells for f in result.files), CellCount())
    assert total.reconciles and total.total == cells
    understood_lines = result.log[result.log["code"] == "understood_as"]
    assert len(understood_lines) == len(recorder.calls)


def test_every_cell_of_the_demo_is_accounted_for_and_the_demo_has_no_warning(tmp_path, monkeypatch):
    rounds = sorted(p.name for p in (REPO / "data" / "raw").iterdir() if p.is_dir())
    shutil.copytree(REPO / "data" / "raw", tmp_path / "data" / "raw")
    recorder = Recorder()
    monkeypatch.setattr(read_module, "account_sheet", recorder)
    for round_id in rounds:
        result = ingest_round(Workspace.at(tmp_path), round_id)
        assert (result.log["severity"] != "info").sum() == 0, round_id
        assert all(f.cells.reconciles and f.cells.total for f in result.files), round_id
    assert _check_every_cell(recorder.calls) > 1000


def test_unused_column_is_logged_once_with_its_header_and_cells():
    sheet = make_sheet(
        [["Karte", "Punkte", "Bemerkung"], ["a", 1, "x"], ["b", 2, None], ["c", 3, "y"]]
    )
    reading = Reading("cards", (0,), {"text": [0], "votes": [1]})
    count, more = account_sheet(sheet, reading, [])
    assert count == CellCount(total=11, text=3, numbers=3, header=3, excluded=2)
    assert count.line() == "Zellen 11 = Text 3 + Zahlen 3 + Kopf 3 + ausgeschlossen 2"
    (entry,) = more
    assert (entry.code, entry.cell, entry.severity) == ("unused_column", "C2", "info")
    assert entry.message.startswith("Spalte C ‚Bemerkung‘ nicht ausgewertet (2 Zellen: C2:C4)")
    assert understood(sheet, reading) == (
        "Workshop-Karten · Kopfzeile 1 · A „Karte“ → Text · B „Punkte“ → Punkte · "
        "C „Bemerkung“ → nicht verwendet"
    )


def test_exhaustive_reading_logs_cells_of_role_columns_nobody_used():
    sheet = make_sheet([["Karte", "Punkte"], ["a", 1], [None, 7]])
    reading = Reading("cards", (0,), {"text": [0], "votes": [1]}, exhaustive=True)
    consumed = {(1, 0): "text", (1, 1): "votes"}
    count, more = account_sheet(sheet, reading, [], consumed=consumed)
    assert count == CellCount(total=5, text=1, numbers=1, header=2, excluded=1)
    assert [(e.code, e.cell, e.severity) for e in more] == [("unused_cells", "B3", "warning")]
