"""Executed notebook → self-contained German HTML report.

nbconvert's lab template, minus everything that loads from a network (require.js, MathJax,
mermaid, widget managers), minus code and prompts, minus the JupyterLab stylesheets the report
does not use, with plotly.js embedded once and a table of contents built from the section
headings. The privacy gate (:mod:`flueko.report.gate`) runs on the result before anything is
written.

plotly.js travels packed (gzip, then base64) and the browser unpacks it with its built-in
``DecompressionStream``: the partial ``plotly.js-cartesian-dist-min`` bundle vendored in
``flueko/resources/plotly/`` (see ``scripts/update_plotly_bundle.py``) when every chart of the
report uses one of its trace types and its version is the one the Python ``plotly`` package was
built for; otherwise the full library that package ships.

nbformat and nbconvert are imported where they are used: the report notebooks import this
module (for :data:`TOC_PLACEHOLDER`) and should not pay for them.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flueko import __version__

if TYPE_CHECKING:
    import nbformat

TEMPLATE = "flueko_report"
TOC_PLACEHOLDER = "<!--INHALT-->"
REMOVE_TAG = "nicht-im-bericht"
"""Cells with this tag (e.g. notes for analysts) stay in the notebook but not in the report."""
PLOTLY_MIME = "application/vnd.plotly.v1+json"
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PlotlyLibrary:
    """plotly.js as a report embeds it: what it is and its gzip bytes as base64."""

    label: str
    traces: frozenset[str] | None
    """Trace types the bundle draws; ``None`` for the full library (all of them)."""
    packed: str


def _resources_dir() -> Path:
    return Path(str(resources.files("flueko") / "resources"))


def _templates_dir() -> Path:
    return _resources_dir() / "templates"


def _pack(script: bytes) -> str:
    return base64.b64encode(gzip.compress(script, compresslevel=9, mtime=0)).decode("ascii")


@lru_cache(maxsize=1)
def full_plotly() -> PlotlyLibrary:
    """The full plotly.js of the installed Python ``plotly`` package, packed."""
    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    script = get_plotlyjs().encode("utf-8")
    return PlotlyLibrary(f"plotly.js v{get_plotlyjs_version()}", None, _pack(script))


@lru_cache(maxsize=1)
def partial_plotly() -> PlotlyLibrary | None:
    """The vendored partial bundle, packed; ``None`` if its version is not the installed one."""
    from plotly.offline import get_plotlyjs_version

    folder = _resources_dir() / "plotly"
    manifest = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    if manifest["version"] != get_plotlyjs_version():
        return None
    packed = base64.b64encode((folder / manifest["file"]).read_bytes()).decode("ascii")
    label = f"plotly.js v{manifest['version']} ({manifest['package']})"
    return PlotlyLibrary(label, frozenset(manifest["traces"]), packed)


def trace_types(nb: nbformat.NotebookNode) -> set[str] | None:
    """Trace types of every chart in ``nb``'s outputs; ``None`` if a chart cannot be inspected.

    A chart is an output whose HTML calls ``Plotly.newPlot``; its types come from the plotly
    JSON beside it (:func:`flueko.report.display.figure` puts it there).
    """
    found: set[str] = set()
    for cell in nb.cells:
        if REMOVE_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            markup = data.get("text/html", "")
            markup = "".join(markup) if isinstance(markup, list) else markup
            figure = data.get(PLOTLY_MIME)
            if figure is None:
                if "Plotly.newPlot" in markup:
                    return None
                continue
            found.update(str(t.get("type", "scatter")) for t in figure.get("data", []))
    return found


def plotly_library(nb: nbformat.NotebookNode) -> PlotlyLibrary:
    """The smallest plotly.js that draws every chart of ``nb``."""
    partial = partial_plotly()
    types = trace_types(nb)
    if partial is not None and types is not None and types <= partial.traces:
        return partial
    return full_plotly()


@lru_cache(maxsize=1)
def _report_css() -> str:
    return (_resources_dir() / "report.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _page_css() -> str:
    return (_templates_dir() / TEMPLATE / "page.css").read_text(encoding="utf-8")


def strip_for_report(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` for the HTML export: no stderr streams, no error outputs, no plotly JSON.

    The charts reach the report as their HTML; their JSON (beside it for JupyterLab) is the bulk
    of the notebook, and nbconvert deep-copies what it gets. Only what changes is copied: ``nb``
    itself stays as it is.
    """
    from nbformat import NotebookNode

    cells = []
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            outputs = []
            for o in cell.get("outputs", []):
                if o.get("output_type") == "error" or (
                    o.get("output_type") == "stream" and o.get("name") == "stderr"
                ):
                    continue
                if PLOTLY_MIME in o.get("data", {}):
                    data = {k: v for k, v in o["data"].items() if k != PLOTLY_MIME}
                    o = NotebookNode({**o, "data": NotebookNode(data)})
                outputs.append(o)
            cell = NotebookNode({**cell, "outputs": outputs})
        cells.append(cell)
    return NotebookNode({**nb, "cells": cells, "metadata": NotebookNode(dict(nb.metadata))})


_exporter_lock = threading.Lock()


@lru_cache(maxsize=1)
def _exporter() -> Any:
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(_templates_dir())])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    exporter.language_code = "de"
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={REMOVE_TAG}, enabled=True), enabled=True
    )
    exporter.template  # noqa: B018 — compiles the templates now
    return exporter


def prepare() -> None:
    """Ready the HTML export: import nbconvert, compile the templates, export a tiny notebook.

    The runner calls it in a thread while the kernel runs the notebook, so that this second of
    one-time work overlaps the wait instead of adding to it. Safe to call from any thread, any
    number of times.
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## Probe"), nbformat.v4.new_code_cell("")]
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<p>-</p>"})]
    notebook_to_html(nb, title="Probe")


def table_of_contents(body: str) -> str:
    """Replace the placeholder with a linked list of the level-2 headings."""
    entries = []
    for anchor, inner in _H2.findall(body):
        text = _TAGS.sub("", inner).replace("¶", "").strip()
        if text:
            entries.append(f'<li><a href="#{anchor}">{text}</a></li>')
    nav = (
        '<nav class="inhalt" aria-label="Inhalt"><strong>Inhalt</strong><ol>'
        + "".join(entries)
        + "</ol></nav>"
        if entries
        else ""
    )
    return body.replace(TOC_PLACEHOLDER, nav, 1)


def notebook_to_html(nb: nbformat.NotebookNode, *, title: str) -> str:
    """Render an executed notebook as the report HTML (no code, no prompts, no CDN)."""
    library = plotly_library(nb)
    nb = strip_for_report(nb)
    nb.metadata["title"] = title
    extra = {
        "plotly_label": library.label,
        "plotly_packed": library.packed,
        "page_css": _page_css(),
        "report_css": _report_css(),
        "flueko_version": __version__,
    }
    with _exporter_lock:  # one exporter for the process, one export at a time (it holds the GIL)
        body, _ = _exporter().from_notebook_node(nb, resources=extra)
    return table_of_contents(body)
