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


def test_execute_runs_in_a_warm_kernel_and_gives_it_back(tmp_path, monkeypatch):
    seen: dict = {}
    nb = nbformat.v4.new_notebook()

    def fake_execute(source, target, **kwargs):
        seen.update(kwargs)
        Path(target).write_text(nbformat.writes(nb), encoding="utf-8")
        return nb

    class Pool:
        def __init__(self):
            self.released: list = []

        def take(self):
            return "km"

        def release(self, km, *, reuse):
            self.released.append((km, reuse))

    monkeypatch.setattr(runner.pm, "execute_notebook", fake_execute)
    pool = Pool()
    runner.execute(tmp_path / "in.ipynb", tmp_path / "out.ipynb", parameters={}, cwd=tmp_path,
                   kernels=pool)  # fmt: skip
    assert seen["km"] == "km"
    assert pool.released == [("km", True)]


def test_kernel_pool_reuses_its_kernels_and_replaces_one_whose_notebook_failed(monkeypatch):
    from flueko.report import kernels

    started: list[int] = []
    resets: list[int] = []
    stopped: list[int] = []

    def fake_start(cwd):
        started.append(len(started))
        return started[-1]

    monkeypatch.setattr(kernels, "start_kernel", fake_start)
    monkeypatch.setattr(kernels, "reset_kernel", resets.append)
    monkeypatch.setattr(kernels, "stop_kernel", stopped.append)
    with kernels.KernelPool(Path("."), size=1) as pool:
        first = pool.take()
        pool.release(first)
        assert pool.take() == first  # the same kernel, reset
        pool.release(first, reuse=False)  # its notebook failed: a fresh one instead
        second = pool.take()
        assert second != first
    assert started == [first, second]
    assert resets == [first]
    assert sorted(stopped) == [first, second]
    assert pool.take() is None


def test_kernel_pool_gives_nothing_when_a_kernel_cannot_start(monkeypatch):
    from flueko.report import kernels

    def broken(cwd):
        raise RuntimeError("kein Kernel")

    monkeypatch.setattr(kernels, "start_kernel", broken)
    with kernels.KernelPool(Path("."), size=1) as pool:
        assert pool.take() is None
        assert pool.take() is None


def test_a_reused_kernel_runs_the_next_notebook_like_a_fresh_one(tmp_path):
    from flueko.report import kernels

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(sorted(k for k in dir() if not k.startswith('_')))"),
        nbformat.v4.new_code_cell(
            "from flueko.report import display\nimport plotly.graph_objects as go\n"
            "display.figure(go.Figure())\nleft_over = x + 1\nleft_over"
        ),
    ]
    source = tmp_path / "nb.ipynb"
    source.write_text(nbformat.writes(nb), encoding="utf-8")
    with kernels.KernelPool(tmp_path, size=1) as pool:
        runs = [
            runner.execute(
                source, tmp_path / f"out{x}.ipynb", parameters={"x": x}, cwd=tmp_path, kernels=pool
            )
            for x in (2, 5)
        ]
    for x, out in zip((2, 5), runs, strict=True):
        names = out.cells[2].outputs[0]["text"]
        assert "left_over" not in names and "warm_up" not in names and "kernels" not in names
        assert [c.execution_count for c in out.cells] == [1, 2, 3, 4]
        html = "".join(o["data"].get("text/html", "") for o in out.cells[3].outputs)
        assert 'id="abb-1"' in html
        assert out.cells[3].outputs[-1]["data"]["text/plain"] == str(x + 1)


def test_settings_are_parsed_once_per_process_and_an_edited_copy_again(tmp_path, monkeypatch):
    from flueko.config import Workspace
    from flueko.report import api

    calls: list[str] = []
    load = api.load_settings

    def counting(name, **kwargs):
        calls.append(name)
        return load(name, **kwargs)

    monkeypatch.setattr(api, "load_settings", counting)
    monkeypatch.setattr(api, "_parsed", {})
    copy = tmp_path / "data" / "raw" / "survey_items.yaml"
    copy.parent.mkdir(parents=True)
    copy.write_text("items:\n  format:\n    label: Format A\n", encoding="utf-8")
    ws = Workspace.at(tmp_path)
    first = api.settings("survey_items.yaml", workspace=ws)
    first["items"]["format"]["label"] = "geändert"  # the caller's copy, not the kept one
    assert api.settings("survey_items.yaml", workspace=ws)["items"]["format"]["label"] == "Format A"
    assert calls == ["survey_items.yaml"]
    copy.write_text("items:\n  format:\n    label: Format Bee\n", encoding="utf-8")
    assert (
        api.settings("survey_items.yaml", workspace=ws)["items"]["format"]["label"] == "Format Bee"
    )
    assert len(calls) == 2


def test_a_kernel_that_died_is_noticed_at_once(tmp_path):
    import os
    import signal
    import time

    from flueko.report import kernels

    km = kernels.start_kernel(tmp_path)
    try:
        os.kill(km.provisioner.process.pid, signal.SIGKILL)
        start = time.monotonic()
        with pytest.raises(kernels.KernelGone):
            kernels.reset_kernel(km)
        assert time.monotonic() - start < 5
    finally:
        kernels.stop_kernel(km)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_notebooks_in_a_pool_leave_no_clients_open(tmp_path):
    import os

    from flueko.report import kernels

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})]
    source = tmp_path / "nb.ipynb"
    source.write_text(nbformat.writes(nb), encoding="utf-8")

    def open_files(pool) -> int:
        km = pool.take()  # waits until the reset after the last notebook is done
        count = len(os.listdir("/proc/self/fd"))
        pool.release(km)
        return count

    with kernels.KernelPool(tmp_path, size=1) as pool:
        runner.execute(source, tmp_path / "out.ipynb", parameters={}, cwd=tmp_path, kernels=pool)
        before = open_files(pool)
        for x in range(4):
            runner.execute(
                source, tmp_path / "out.ipynb", parameters={"x": x}, cwd=tmp_path, kernels=pool
            )
        assert open_files(pool) <= before + 2  # was 13 more for each notebook
