"""Reports fit in an e-mail: one packed plotly.js per report, the partial bundle when it suffices,
and the notebooks do not import the exporter's heavy dependencies."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import nbformat
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs_version

from flueko.report import export

MAX_REPORT_BYTES = 2_500_000
BUNDLE = Path(str(resources.files("flueko") / "resources" / "plotly"))
CHARTS = Path(export.__file__).parent / "charts"
_PACKED = re.compile(r'<script id="plotly-js">.*?var packed = "([A-Za-z0-9+/=]+)";', re.S)


def _reports(root: Path) -> list[Path]:
    return [root / "reports" / "index.html", *sorted((root / "reports").glob("*/bericht.html"))]


def unpack(markup: str) -> str:
    """The plotly.js a report embeds, unpacked as the browser does."""
    match = _PACKED.search(markup)
    assert match, "kein gepacktes plotly.js im Bericht"
    return gzip.decompress(base64.b64decode(match.group(1))).decode("utf-8")


def test_every_demo_report_fits_in_an_email(demo_run):
    assert demo_run.exit_code == 0, demo_run.output
    for path in _reports(demo_run.root):
        size = path.stat().st_size
        assert size <= MAX_REPORT_BYTES, f"{path}: {size / 1e6:.2f} MB > 2,5 MB"


def test_demo_reports_embed_the_partial_bundle_once(demo_run):
    manifest = json.loads((BUNDLE / "bundle.json").read_text(encoding="utf-8"))
    for path in _reports(demo_run.root):
        markup = path.read_text(encoding="utf-8")
        assert markup.count('<script id="plotly-js">') == 1, path
        library = unpack(markup)
        assert f"v{get_plotlyjs_version()}" in library[:200], path
        assert hashlib.sha256(library.encode("utf-8")).hexdigest() == manifest["sha256"], path


def test_vendored_bundle_matches_the_installed_plotly():
    manifest = json.loads((BUNDLE / "bundle.json").read_text(encoding="utf-8"))
    assert manifest["version"] == get_plotlyjs_version(), (
        "plotly wurde aktualisiert: scripts/update_plotly_bundle.py ausführen"
    )
    script = gzip.decompress((BUNDLE / manifest["file"]).read_bytes())
    assert hashlib.sha256(script).hexdigest() == manifest["sha256"]
    assert f"v{manifest['version']}" in script[:200].decode("utf-8")
    assert (BUNDLE / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert export.partial_plotly() is not None


def test_every_trace_type_the_charts_use_is_in_the_bundle():
    used = set()
    for module in CHARTS.glob("*.py"):
        used |= set(re.findall(r"\bgo\.([A-Z][A-Za-z0-9]*)\(", module.read_text("utf-8")))
    types = {name.lower() for name in used} - {"figure"}
    assert {"bar", "heatmap", "scatter"} <= types
    assert types <= export.partial_plotly().traces, types - export.partial_plotly().traces


def _notebook(*figures: go.Figure, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for fig in figures:
        cell = nbformat.v4.new_code_cell("", metadata={"tags": list(tags)})
        cell.outputs = [
            nbformat.v4.new_output(
                "display_data",
                data={
                    export.PLOTLY_MIME: json.loads(fig.to_json()),
                    "text/html": '<div id="a"></div><script>Plotly.newPlot("a", [])</script>',
                },
            )
        ]
        nb.cells.append(cell)
    return nb


def test_a_trace_type_outside_the_bundle_gets_the_full_library():
    bar = go.Figure(go.Bar(x=[1], y=[2]))
    polar = go.Figure(go.Scatterpolar(r=[1, 2], theta=[0, 90]))
    assert export.trace_types(_notebook(bar)) == {"bar"}
    assert export.plotly_library(_notebook(bar)) is export.partial_plotly()
    assert export.plotly_library(_notebook(bar, polar)) is export.full_plotly()
    # a chart in a cell that stays out of the report does not count
    hidden = _notebook(polar, tags=(export.REMOVE_TAG,))
    assert export.plotly_library(hidden) is export.partial_plotly()


def test_a_chart_without_its_data_gets_the_full_library():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    markup = '<div id="x"></div><script>Plotly.newPlot("x", [])</script>'
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": markup})]
    nb.cells.append(cell)
    assert export.trace_types(nb) is None
    assert export.plotly_library(nb) is export.full_plotly()
    full = gzip.decompress(base64.b64decode(export.full_plotly().packed)).decode("utf-8")
    assert full.startswith("/**\n* plotly.js v")


def test_report_notebook_imports_stay_light():
    code = (
        "import sys\n"
        "from flueko.report import api, display, sections, overview\n"
        "heavy = sorted(m for m in ('nbformat', 'nbconvert', 'jsonschema', 'papermill')"
        " if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"die Bericht-Notebooks laden {out.stdout.strip()}"
