"""Show report pieces in a notebook: HTML for the exported report, live plotly in JupyterLab.

The only module with display side effects; the notebooks call it, the HTML comes from
:mod:`flueko.report.markup`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from IPython.display import HTML, display

from flueko.report import markup as html

_figure_ids = itertools.count(1)


def restart_figure_ids() -> None:
    """Count chart ids from 1 again (a kernel reused for the next notebook, see
    :mod:`flueko.report.kernels`)."""
    global _figure_ids
    _figure_ids = itertools.count(1)


def show_html(markup: str) -> None:
    """Display trusted markup (built by :mod:`flueko.report.markup`, user text already escaped)."""
    display(HTML(markup))


def section(title: str, *, anchor: str | None = None) -> None:
    """A level-2 heading; every section heading lands in the report's table of contents."""
    show_html(html.heading(title, anchor=anchor))


def subsection(title: str) -> None:
    """A level-3 heading."""
    show_html(html.heading(title, level=3))


def note(text: str) -> None:
    """A paragraph of narrative (escaped)."""
    show_html(html.paragraph(text))


def hint(text: str) -> None:
    """A highlighted remark (e.g. on suppressed groups or missing data)."""
    show_html(html.paragraph(text, css="hinweis"))


def figure(fig: go.Figure) -> None:
    """Display ``fig``: interactive in JupyterLab, as embedded HTML in the exported report.

    The div ids count up per kernel, so the same notebook gives the same ids on every run.
    """
    div_id = f"abb-{next(_figure_ids)}"
    spec = fig.to_dict()  # validated once, serialised once for each of the two outputs
    bundle = {
        "application/vnd.plotly.v1+json": json.loads(pio.to_json(spec, validate=False)),
        "text/html": html.figure(spec, div_id=div_id),
        "text/plain": f"Abbildung {div_id}",
    }
    display(bundle, raw=True)


def table(
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str],
    formats: Mapping[str, html.Formatter] | None = None,
    caption: str | None = None,
    numeric: tuple[str, ...] = (),
) -> None:
    """Display ``df`` as an escaped German table (see :func:`flueko.report.markup.table`)."""
    show_html(html.table(df, columns=columns, formats=formats, caption=caption, numeric=numeric))
