"""Executed notebook → self-contained German HTML report.

nbconvert's lab template, minus everything that loads from a network (require.js, MathJax,
mermaid, widget managers), minus code and prompts, with plotly.js embedded once and a table of
contents built from the section headings. The privacy gate (:mod:`flueko.report.gate`) runs on the
result before anything is written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from flueko import __version__

TEMPLATE = "flueko_report"
TOC_PLACEHOLDER = "<!--INHALT-->"
REMOVE_TAG = "nicht-im-bericht"
"""Cells with this tag (e.g. notes for analysts) stay in the notebook but not in the report."""
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAGS = re.compile(r"<[^>]+>")


def _templates_dir() -> Path:
    return Path(str(resources.files("flueko") / "resources" / "templates"))


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


@lru_cache(maxsize=1)
def _report_css() -> str:
    return (resources.files("flueko") / "resources" / "report.css").read_text(encoding="utf-8")


def strip_for_report(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without stderr streams, error outputs and empty code cells."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        cell["outputs"] = [
            o
            for o in cell.get("outputs", [])
            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            and o.get("output_type") != "error"
        ]
    return nb


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
    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(_templates_dir())])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    exporter.language_code = "de"
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={REMOVE_TAG}, enabled=True), enabled=True
    )
    nb = strip_for_report(nb)
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(
        nb,
        resources={
            "plotly_js": _plotly_js(),
            "report_css": _report_css(),
            "flueko_version": __version__,
        },
    )
    return table_of_contents(body)
