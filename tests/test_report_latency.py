"""Report latency: the executed notebook is saved once and not read back, the export is readied
while the kernel runs, and flueko's processes skip a slow import nothing of theirs needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from flueko.report import export, runner


def test_execute_saves_once_and_returns_the_notebook_from_memory(tmp_path, monkeypatch):
    seen: dict = {}
    nb = nbformat.v4.new_notebook()

    def fake_execute(source, target, **kwargs):
        seen.update(kwargs)
        Path(target).write_text(nbformat.writes(nb), encoding="utf-8")
        return nb

    def no_read(*args, **kwargs):
        raise AssertionError("das ausgeführte Notebook wurde erneut gelesen")

    monkeypatch.setattr(runner.pm, "execute_notebook", fake_execute)
    monkeypatch.setattr(nbformat, "read", no_read)
    out = tmp_path / "bericht.ipynb"
    result = runner.execute(tmp_path / "in.ipynb", out, parameters={}, cwd=tmp_path)
    assert result is nb
    assert seen["request_save_on_cell_execute"] is False
    assert out.is_file()


def test_prepare_readies_the_export():
    export.prepare()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## Abschnitt")]
    markup = export.notebook_to_html(nb, title="Titel")
    assert "<title>Titel</title>" in markup and "Abschnitt" in markup


@pytest.mark.parametrize("module", ["flueko.report.runner", "flueko.report.api"])
def test_flueko_processes_skip_the_iri_grammar(module):
    code = f"import sys, {module}, nbformat; print(sys.modules.get('rfc3987_syntax'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "None"
