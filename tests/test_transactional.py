"""A round's run is all or nothing: a failure keeps the previous outputs and says FEHLER."""

from __future__ import annotations

import hashlib
import json
import shutil

import nbformat
import openpyxl
import pandas as pd
import pytest

from flueko import schema
from flueko.cli import main
from flueko.config import Workspace
from flueko.io import tables
from flueko.io.atomic import all_or_nothing, write_text
from flueko.io.runstate import STATE_FILE, read_state, record
from flueko.pipeline import ingest_round, inputs_fingerprint
from flueko.report.overview import staleness
from flueko.report.runner import REPORT_NOTEBOOK

from .conftest import DEMO_RAW, REPO

R1 = "2016-10-20_auftakt"
SHIPPED = REPO / "flueko" / "resources" / "notebooks"


def _hashes(*folders):
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != STATE_FILE and p.suffix != ".ipynb"
    }


def _one_round(tmp_path, round_id=R1):
    shutil.copytree(DEMO_RAW / round_id, tmp_path / "data" / "raw" / round_id)
    return tmp_path


def _run(capsys, root, *args):
    capsys.readouterr()
    code = main(["--workspace", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- the building blocks ------------------------------------------------------------------------


def test_all_or_nothing_restores_every_file_and_removes_new_ones(tmp_path):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    write_text(old, "alt")
    with pytest.raises(RuntimeError), all_or_nothing([old, new]):
        write_text(old, "neu")
        write_text(new, "neu")
        raise RuntimeError("abgebrochen")
    assert old.read_text() == "alt" and not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    with all_or_nothing([old, new]):
        write_text(new, "neu")
    assert new.read_text() == "neu"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_write_round_failing_midway_keeps_the_previous_tables(tmp_path, monkeypatch):
    df = schema.conform(pd.DataFrame({"text": ["Sprachcafé"], "idea_id": ["K1"]}), "contributions")
    extra = {"coder_agreement": pd.DataFrame({"x": [1]})}
    log = schema.empty("ingest_log")
    tables.write_round(tmp_path, {"contributions": df}, log, {}, extras=extra)
    before = _hashes(tmp_path)
    calls = []
    real = tables.parquet_bytes

    def failing(frame):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("Datenträger voll")
        return real(frame)

    monkeypatch.setattr(tables, "parquet_bytes", failing)
    with pytest.raises(OSError):
        tables.write_round(tmp_path, {}, schema.empty("ingest_log"), {"neu": True})
    assert _hashes(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_staleness_from_the_recorded_run_and_the_raw_files(tmp_path):
    ws = Workspace.at(_one_round(tmp_path))
    folder = ws.reports_round(R1)
    assert staleness(ws, R1) == ""  # never run: not marked
    record(folder, "ingest", ok=False, error="x")
    assert staleness(ws, R1) == "noch kein Bericht: das letzte Einlesen ist gescheitert"
    from flueko.ingest.read import fingerprint

    write_text(folder / "bericht.html", "<html></html>")
    record(folder, "ingest", ok=True, inputs=fingerprint(ws.raw_round(R1)))
    record(folder, "report", ok=True, inputs=fingerprint(ws.raw_round(R1)))
    assert staleness(ws, R1) == ""
    (ws.raw_round(R1) / "neu.csv").write_text("Karte\nMehr Sprachkurse\n", encoding="utf-8")
    assert "seit dem Bericht geändert" in staleness(ws, R1)
    record(folder, "report", ok=True, inputs=inputs_fingerprint(ws, R1)[0])
    assert staleness(ws, R1) == ""
    (ws.raw / "params.yaml").write_text("consolidate: {threshold: 70}\n", encoding="utf-8")
    assert "Einstellungen der Runde sind seit dem Bericht geändert" in staleness(ws, R1)
    record(folder, "report", ok=False, error="x")
    assert "letzte Lauf des Berichts ist gescheitert" in staleness(ws, R1)
    record(folder, "ingest", ok=False, error="keine Eingabedateien")
    assert staleness(ws, R1).startswith("veraltet: die Runde hat keine Eingabedateien")
    assert read_state(folder)["report"] == {"ok": False, "error": "x", "inputs": ""}


# --- the command line ---------------------------------------------------------------------------


def test_weights_not_summing_to_1_fail_before_anything_is_written(tmp_path, capsys):
    root = _one_round(tmp_path)
    params = root / "data" / "raw" / R1 / "params.yaml"
    params.write_text("prioritise: {weights: {votes: 0.9}}\n", encoding="utf-8")
    code, out, _ = _run(capsys, root, "ingest", R1)
    assert code == 1
    assert f"FEHLER {params}: prioritise.weights: die Gewichte ergeben zusammen" in out
    assert "nicht eingelesen — die bisherigen Ausgaben der Runde bleiben unverändert" in out
    assert not (root / "data" / "processed").exists()  # no 0-row measures.parquet
    # with earlier outputs: they stay as they were
    params.unlink()
    assert _run(capsys, root, "ingest", R1)[0] == 0
    before = _hashes(root / "data" / "processed")
    params.write_text("prioritise: {weights: {votes: 0.9}}\n", encoding="utf-8")
    assert _run(capsys, root, "ingest", R1)[0] == 1
    assert _hashes(root / "data" / "processed") == before


def test_empty_round_is_a_warning_and_writes_nothing(tmp_path, capsys):
    root = _one_round(tmp_path)
    (root / "data" / "raw" / "2024-01-01_leer").mkdir()
    code, out, _ = _run(capsys, root, "run", "2024-01-01_leer", "--no-progress")
    assert code == 0
    assert "WARNUNG keine Eingabedateien" in out
    assert "WARNUNG 2024-01-01_leer" in out and "ok     2024-01-01_leer" not in out
    assert "keine Auffälligkeiten" not in out
    assert not (root / "data" / "processed" / "2024-01-01_leer").exists()
    assert not (root / "reports" / "2024-01-01_leer" / "bericht.html").exists()
    index = (root / "reports" / "index.html").read_text("utf-8")
    assert "Runde 2024-01-01_leer: noch kein Bericht: die Runde hat keine Eingabedateien" in index


def _bad_codebook(root):
    wb = openpyxl.load_workbook(root / "reports" / R1 / "kodierung.xlsx")
    sheet = wb["Kodierung"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Handlungsfeld (neu)") + 1).value = "wohnung"
    wb.save(root / "data" / "raw" / R1 / "kodierung.xlsx")


@pytest.mark.slow
def test_failed_ingest_or_report_keeps_outputs_and_the_overview_marks_them(tmp_path, capsys):
    root = _one_round(tmp_path)
    processed, reports = root / "data" / "processed" / R1, root / "reports" / R1
    assert _run(capsys, root, "run", R1, "--no-progress")[0] == 0
    assert _run(capsys, root, "codebook", "export", R1)[0] == 0
    (reports / "kodierung.xlsx").unlink()  # only the round's own outputs are compared
    assert _run(capsys, root, "codebook", "export", R1)[0] == 0
    before = _hashes(processed, reports)
    index = (root / "reports" / "index.html").read_text("utf-8")
    assert "veraltet" not in index

    # an invalid coding workbook: nothing of the round is rewritten, FEHLER and never "ok"
    _bad_codebook(root)
    code, out, _ = _run(capsys, root, "run", R1, "--no-progress")
    assert code == 1
    assert "FEHLER kodierung.xlsx" in out and "wohnung" in out
    assert f"FEHLER {R1}" in out and "bleiben unverändert" in out
    summary = out.split("Ergebnis:")[1].split("index")[0]
    assert f"ok     {R1}" not in summary and "bericht.html" not in summary
    assert _hashes(processed, reports) == before
    assert not json.loads((reports / STATE_FILE).read_text())["ingest"]["ok"]
    index = (root / "reports" / "index.html").read_text("utf-8")
    assert "veraltet: das letzte Einlesen ist gescheitert" in index

    # a failing report notebook: the old bericht.html stays, marked as not current
    (root / "data" / "raw" / R1 / "kodierung.xlsx").unlink()
    assert _run(capsys, root, "ingest", R1)[0] == 0
    shutil.copytree(SHIPPED, root / "notebooks")
    nb = nbformat.read(root / "notebooks" / REPORT_NOTEBOOK, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise RuntimeError("Testfehler")'))
    nbformat.write(nb, root / "notebooks" / REPORT_NOTEBOOK)
    code, out, _ = _run(capsys, root, "report", R1, "--no-progress")
    assert code == 1 and f"FEHLER {R1}" in out and "Testfehler" in out
    assert _hashes(reports) == {k: v for k, v in before.items() if str(reports) in k}
    index = (root / "reports" / "index.html").read_text("utf-8")
    assert "veraltet: der letzte Lauf des Berichts ist gescheitert" in index


@pytest.mark.slow
def test_round_with_an_unreadable_file_is_written_but_never_ok(tmp_path, capsys):
    root = tmp_path
    folder = root / "data" / "raw" / "r"
    folder.mkdir(parents=True)
    shutil.copy(DEMO_RAW / R1 / "workshops" / "AK_Arbeit.xlsx", folder)
    (folder / "kaputt.xlsx").write_bytes(b"PK\x03\x04 kein echtes xlsx")
    code, out, _ = _run(capsys, root, "run", "r", "--no-progress")
    assert code == 1
    assert "FEHLER kaputt.xlsx" in out
    result = out.split("Ergebnis:")[1]
    assert "FEHLER r " in result and "unvollständig eingelesen" in result
    assert "ok     r " not in result
    assert (root / "reports" / "r" / "bericht.html").is_file()


def test_rounds_on_an_empty_workspace_says_what_to_do(tmp_path, capsys):
    code, out, err = _run(capsys, tmp_path, "rounds")
    assert code == 0 and out == ""
    assert "keine Runden unter" in err and "Unterordner anlegen" in err


def test_the_fingerprint_covers_settings_copies_and_names_them(tmp_path):
    ws = Workspace.at(_one_round(tmp_path))
    plain = ingest_round(ws, R1).manifest
    assert "settings" not in plain
    (ws.raw / "params.yaml").write_text("consolidate: {threshold: 70}\n", encoding="utf-8")
    copied = ingest_round(ws, R1, overrides={"survey": {"min_group_size": 3}}).manifest
    assert copied["fingerprint"] != plain["fingerprint"]
    assert copied["counts"]["measures"] != plain["counts"]["measures"]
    assert copied["settings"] == ["params.yaml", "--param survey.min_group_size=3"]
    from flueko.report.api import round_header

    class Rep:
        round_id, meta, title, district = R1, {}, "Auftakt", ""
        manifest = copied

    header = round_header(Rep())
    assert (
        "Eigene Einstellungen" in header
        and "params.yaml, --param survey.min_group_size=3" in header
    )
