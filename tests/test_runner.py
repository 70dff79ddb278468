"""Batch runs: a failing round does not stop the others; parameters can be overridden."""

from __future__ import annotations

import json
import shutil

import nbformat

from flueko.cli import main, parse_param
from flueko.report.runner import REPORT_NOTEBOOK, notebooks_dir

from .conftest import REPO, copy_demo

SHIPPED = REPO / "flueko" / "resources" / "notebooks"

FAILING = "2016-12-07_vertiefung"


def _workspace_with_failing_notebook(root):
    copy_demo(root)
    shutil.copytree(SHIPPED, root / "notebooks")
    nb = nbformat.read(root / "notebooks" / REPORT_NOTEBOOK, as_version=4)
    boom = nbformat.v4.new_code_cell(
        f'if round_id == "{FAILING}":\n    raise RuntimeError("absichtlicher Testfehler")'
    )
    nb.cells.insert(3, boom)
    nbformat.write(nb, root / "notebooks" / REPORT_NOTEBOOK)
    return root


def test_failing_round_does_not_stop_the_others(tmp_path, capsys):
    root = _workspace_with_failing_notebook(tmp_path)
    code = main(
        [
            "--workspace",
            str(root),
            "run",
            "--all",
            "--no-progress",
            "--param",
            "top_n=3",
            "--param",
            "survey.min_group_size=3",  # a params.yaml key: reaches ingest and the notebook
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert f"FEHLER {FAILING}" in out and "absichtlicher Testfehler" in out
    assert "ok     2016-10-20_auftakt" in out and "ok     index" in out
    failed = root / "reports" / FAILING
    assert not (failed / "bericht.html").exists()
    kept = nbformat.read(failed / "bericht.ipynb", as_version=4)
    errors = [o for c in kept.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert errors and errors[0]["evalue"] == "absichtlicher Testfehler"
    assert not list((root / "reports").rglob(".*.running.ipynb"))
    kickoff = (root / "reports" / "2016-10-20_auftakt" / "bericht.html").read_text("utf-8")
    assert "Die 3 Karten mit den meisten Klebepunkten" in kickoff
    assert "Gruppen mit weniger als 3 Antworten werden nicht ausgewiesen" in kickoff
    assert (root / "reports" / "2017-02-15_erweitert" / "bericht.html").is_file()


def test_workspace_notebooks_override_the_shipped_ones(tmp_path):
    from flueko.config import Workspace

    assert notebooks_dir(Workspace.at(tmp_path)) == SHIPPED
    (tmp_path / "notebooks").mkdir()
    shutil.copy(SHIPPED / REPORT_NOTEBOOK, tmp_path / "notebooks")
    assert notebooks_dir(Workspace.at(tmp_path)) == tmp_path / "notebooks"


def test_param_values_are_read_as_yaml():
    assert parse_param("top_n=15") == ("top_n", 15)
    assert parse_param("title=Runde 2") == ("title", "Runde 2")
    assert parse_param("flag=true") == ("flag", True)


def test_shipped_notebooks_are_stored_without_outputs_and_have_parameters_cell():
    for path in (SHIPPED).glob("*.ipynb"):
        nb = json.loads(path.read_text("utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), path
        assert any("parameters" in c["metadata"].get("tags", []) for c in code), path
