"""Batch runs: execute the report notebooks per round with papermill and export the HTML.

Rounds run in parallel in a thread pool (the work happens in the kernel processes). A failing
round does not stop the others: its executed notebook with the error is kept, the summary lists
every round's result, and the caller exits non-zero.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat
import papermill as pm

from flueko.config import ROUND_META_FILE, Workspace, deep_merge, load_round_meta
from flueko.errors import ConfigError, FluekoError, ReportError
from flueko.io import atomic
from flueko.params import from_dotted, is_param_key, leaf_paths, unknown_key_error
from flueko.report import gate
from flueko.report.export import notebook_to_html, prepare
from flueko.report.kernels import KERNEL, KERNEL_ARGUMENTS, KernelPool

REPORT_NOTEBOOK = "bericht.ipynb"
OVERVIEW_NOTEBOOK = "uebersicht.ipynb"
REPORT_HTML = "bericht.html"
INDEX_HTML = "index.html"


@dataclass
class RoundResult:
    """Outcome of one round (or of the overview, round ``"index"``)."""

    round_id: str
    ok: bool
    seconds: float
    outputs: list[Path] = field(default_factory=list)
    error: str = ""


def notebooks_dir(workspace: Workspace) -> Path:
    """The workspace's own ``notebooks/`` if it has the report notebook, else flueko's."""
    own = workspace.root / "notebooks"
    if (own / REPORT_NOTEBOOK).is_file():
        return own
    shipped = Path(str(resources.files("flueko") / "resources" / "notebooks"))
    if (shipped / REPORT_NOTEBOOK).is_file():
        return shipped
    raise ReportError(
        f"Bericht-Notebook {REPORT_NOTEBOOK} nicht gefunden (gesucht in {own} und {shipped})",
        hint="flueko neu installieren oder eigene Notebooks nach notebooks/ im Arbeitsordner legen",
    )


SETTINGS_PARAMETER = "params"
"""The report notebook's parameter that takes params.yaml overrides (a nested dict)."""


def notebook_parameters(workspace: Workspace, notebook_name: str = REPORT_NOTEBOOK) -> list[str]:
    """Names declared in the parameters cell of the notebook a report run would execute."""
    path = notebooks_dir(workspace) / notebook_name
    return list(pm.inspect_notebook(str(path)))


def split_overrides(
    workspace: Workspace, pairs: Sequence[tuple[str, Any]], *, source: str = "--param"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``--param`` pairs → (notebook parameters, params.yaml overrides as one nested dict).

    A key with a dot or naming a params.yaml section (``prioritise.weights.votes``, ``survey``)
    is a params.yaml key, checked like a params.yaml copy; any other key must be a parameter of
    the report notebook (``top_n``). Raises :class:`ConfigError` naming ``source``, the key and
    the nearest valid key.
    """
    notebook: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    names: list[str] | None = None
    for key, value in pairs:
        if is_param_key(key):
            settings = deep_merge(settings, from_dotted(key, value, file=source))
            continue
        names = notebook_parameters(workspace) if names is None else names
        allowed = [n for n in names if n != SETTINGS_PARAMETER]
        if key not in allowed:
            raise unknown_key_error(key, allowed, file=source, paths=leaf_paths())
        notebook[key] = value
    if settings and SETTINGS_PARAMETER not in notebook_parameters(workspace):
        raise ConfigError(
            f"das Bericht-Notebook hat keinen Parameter '{SETTINGS_PARAMETER}', params.yaml-Werte "
            "aus --param erreichen den Bericht nicht",
            file=str(notebooks_dir(workspace) / REPORT_NOTEBOOK),
            hint=f"in der Parameter-Zelle '{SETTINGS_PARAMETER} = {{}}' ergänzen und an "
            "report.load(workspace, round_id, params=params) übergeben",
        )
    return notebook, settings


def round_parameters(
    workspace: Workspace,
    round_id: str,
    overrides: Mapping[str, Any] | None = None,
    *,
    settings: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Notebook parameters: round and workspace, ``report:`` keys of round.yaml, overrides.

    ``settings`` (params.yaml keys from ``--param``) go to the notebook's ``params`` parameter.
    A ``report:`` key in round.yaml that the notebook does not declare is a :class:`ConfigError`
    naming round.yaml and the nearest parameter.
    """
    params: dict[str, Any] = {"round_id": round_id, "workspace": str(workspace.root)}
    meta = load_round_meta(workspace.raw / round_id)
    own = meta.get("report", {}) or {}
    if own:
        allowed = [n for n in notebook_parameters(workspace) if n != SETTINGS_PARAMETER]
        for key in own:
            if key not in allowed:
                raise unknown_key_error(
                    key,
                    allowed,
                    file=str(workspace.raw / round_id / ROUND_META_FILE),
                    under="report",
                )
    params.update(own)
    params.update(overrides or {})
    if settings:
        params[SETTINGS_PARAMETER] = dict(settings)
    return params


def execute(
    notebook: Path,
    output: Path,
    *,
    parameters: Mapping[str, Any],
    cwd: Path,
    kernels: KernelPool | None = None,
) -> nbformat.NotebookNode:
    """Run ``notebook`` with papermill into ``output`` (kept also when it fails).

    The executed notebook is written once, when it is done or has failed (no save after every
    cell), and returned from memory, not read back. With ``kernels``, it runs in a warm kernel
    from the pool (papermill starts one itself when the pool has none), which goes back to the
    pool afterwards (reset for the next notebook; shut down when this one failed).
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.stem}.running{output.suffix}")
    km = kernels.take() if kernels is not None else None
    engine: dict[str, Any] = {"km": km} if km is not None else {}
    done = False
    try:
        nb = pm.execute_notebook(
            str(notebook),
            str(tmp),
            parameters=dict(parameters),
            kernel_name=KERNEL,
            cwd=str(cwd),
            progress_bar=False,
            log_output=False,
            report_mode=False,
            request_save_on_cell_execute=False,
            extra_arguments=list(KERNEL_ARGUMENTS),
            **engine,
        )
        done = True
    except pm.PapermillExecutionError as err:
        if tmp.exists():
            os.replace(tmp, output)
        raise ReportError(
            f"Notebook {notebook.name} ist in Zelle {err.exec_count} abgebrochen: "
            f"{err.ename}: {err.evalue}",
            file=str(output),
            hint="das ausgeführte Notebook mit der Fehlermeldung liegt unter dieser Datei",
        ) from err
    except Exception as err:
        if tmp.exists():
            os.replace(tmp, output)
        raise ReportError(
            f"Notebook {notebook.name} konnte nicht ausgeführt werden: {type(err).__name__}: {err}",
            file=str(output),
            hint="ist flueko mit 'make install' vollständig installiert (Jupyter-Kernel python3)?",
        ) from err
    finally:
        if km is not None and kernels is not None:
            kernels.release(km, reuse=done)
    os.replace(tmp, output)
    return nb


def _prepare_export() -> None:
    # a problem here shows up again, in its place, when the export runs
    with contextlib.suppress(Exception):
        prepare()


def render(
    workspace: Workspace,
    *,
    notebook_name: str,
    out_dir: Path,
    html_name: str,
    title: str,
    parameters: Mapping[str, Any],
    kernels: KernelPool | None = None,
) -> list[Path]:
    """Execute one report notebook, pass the gate, write notebook and HTML atomically.

    While the kernel runs the notebook, a thread readies the HTML export (imports, template).
    ``kernels``: warm kernels to run it in (see :func:`execute`).
    """
    source = notebooks_dir(workspace) / notebook_name
    executed = out_dir / notebook_name
    threading.Thread(target=_prepare_export, name="flueko-export", daemon=True).start()
    nb = execute(source, executed, parameters=parameters, cwd=workspace.root, kernels=kernels)
    gate.check_notebook(nb)
    markup = notebook_to_html(nb, title=title)
    target = out_dir / html_name
    gate.check_html(markup, where=str(target))
    atomic.write_text(target, markup)
    return [executed, target]


def run_report(
    workspace: Workspace,
    round_id: str,
    *,
    overrides: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
    kernels: KernelPool | None = None,
) -> list[Path]:
    """``reports/<round>/bericht.html`` from the processed tables of the round.

    ``overrides``: notebook parameters; ``settings``: params.yaml keys (nested) for the report;
    ``kernels``: warm kernels to run the notebook in.
    """
    meta = load_round_meta(workspace.raw_round(round_id))
    title = f"{meta.get('title') or round_id} – Bericht"
    return render(
        workspace,
        notebook_name=REPORT_NOTEBOOK,
        out_dir=workspace.reports_round(round_id),
        html_name=REPORT_HTML,
        title=title,
        parameters=round_parameters(workspace, round_id, overrides, settings=settings),
        kernels=kernels,
    )


def report_round(
    workspace: Workspace,
    round_id: str,
    *,
    overrides: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
    kernels: KernelPool | None = None,
) -> list[Path]:
    """A round's report, plan workbook and rating-sheet template (a card round), written
    together or not at all; the outcome is recorded in ``reports/<round>/lauf.json`` (see
    :func:`run_report` for the options)."""
    from flueko.io.atomic import all_or_nothing
    from flueko.io.runstate import record
    from flueko.io.tables import read_manifest
    from flueko.report.outputs import PLAN_XLSX, write_plan_workbook
    from flueko.report.rating_template import TEMPLATE_XLSX, write_rating_template

    folder = workspace.reports_round(round_id)
    inputs = read_manifest(workspace.processed_round(round_id)).get("fingerprint", "")
    try:
        with all_or_nothing([folder / REPORT_HTML, folder / PLAN_XLSX, folder / TEMPLATE_XLSX]):
            outputs = run_report(
                workspace, round_id, overrides=overrides, settings=settings, kernels=kernels
            )
            outputs.extend(write_plan_workbook(workspace, round_id))
            outputs.extend(write_rating_template(workspace, round_id))
    except Exception as err:
        message = err.one_line() if isinstance(err, FluekoError) else type(err).__name__
        record(folder, "report", ok=False, error=message, inputs=inputs)
        raise
    record(folder, "report", ok=True, error="", inputs=inputs)
    return outputs


def run_overview(workspace: Workspace, *, kernels: KernelPool | None = None) -> list[Path]:
    """``reports/index.html``: every round, participation, satisfaction, plan and lineage."""
    return render(
        workspace,
        notebook_name=OVERVIEW_NOTEBOOK,
        out_dir=workspace.reports,
        html_name=INDEX_HTML,
        title="Kommunaler Flüchtlingsdialog – Übersicht",
        parameters={"workspace": str(workspace.root)},
        kernels=kernels,
    )


def run_many(
    round_ids: Iterable[str],
    task: Callable[[str], list[Path]],
    *,
    jobs: int = 1,
    progress: bool = True,
) -> list[RoundResult]:
    """Run ``task(round_id)`` for every round, ``jobs`` at a time; failures are collected.

    ``round_ids`` may arrive one by one (a generator that ingests each round before it yields
    it): each task starts as soon as its round arrives, while the next is being produced.
    """
    from tqdm import tqdm

    def one(round_id: str) -> RoundResult:
        start = time.perf_counter()
        try:
            outputs = task(round_id)
        except FluekoError as err:
            return RoundResult(round_id, False, time.perf_counter() - start, error=err.one_line())
        except Exception as err:  # a bug must not stop the other rounds
            msg = f"unerwarteter Fehler: {type(err).__name__}: {err}"
            return RoundResult(round_id, False, time.perf_counter() - start, error=msg)
        return RoundResult(round_id, True, time.perf_counter() - start, outputs=outputs)

    results: dict[str, RoundResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(one, r): r for r in round_ids}
        bar = tqdm(total=len(futures), desc="Runden", unit="Runde", disable=not progress)
        for future in as_completed(futures):
            result = future.result()
            results[result.round_id] = result
            bar.update(1)
        bar.close()
    return [results[r] for r in futures.values()]
