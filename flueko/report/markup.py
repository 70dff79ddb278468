"""Small builders for report HTML. Every piece of user text is escaped here.

Pure functions: values in, HTML strings out. The notebooks display the strings
(:mod:`flueko.report.display`); nothing here touches files.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from flueko.report import fmt

Formatter = Callable[[object], str]

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d"]}


def esc(value: object) -> str:
    """Escape any value for HTML text and attributes; missing values become "–"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return fmt.MISSING
    return html.escape(str(value), quote=True)


def anchor_id(text: str) -> str:
    """A stable ASCII anchor for a heading ("Beiträge & Punkte" → "beitraege-punkte")."""
    folded = (
        text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    )
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "abschnitt"


def heading(text: str, *, level: int = 2, anchor: str | None = None) -> str:
    """``<h2 id=…>`` for a section (level 2 headings make the table of contents)."""
    return f'<h{level} id="{esc(anchor or anchor_id(text))}">{esc(text)}</h{level}>'


def paragraph(text: str, *, css: str | None = None) -> str:
    """An escaped paragraph."""
    cls = f' class="{esc(css)}"' if css else ""
    return f"<p{cls}>{esc(text)}</p>"


def table(
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str],
    formats: Mapping[str, Formatter] | None = None,
    caption: str | None = None,
    numeric: tuple[str, ...] = (),
) -> str:
    """An HTML table of ``df``'s ``columns`` (column → German header), every cell escaped.

    Parameters
    ----------
    formats
        Column → function turning a value into display text (e.g. :func:`flueko.report.fmt.money`).
    numeric
        Columns aligned right.
    """
    formats = dict(formats or {})
    head = "".join(
        f'<th class="{"num" if c in numeric else ""}">{esc(label)}</th>'
        for c, label in columns.items()
    )
    body = []
    for _, row in df.iterrows():
        cells = []
        for col in columns:
            value = row.get(col)
            text = formats[col](value) if col in formats else value
            cls = ' class="num"' if col in numeric else ""
            cells.append(f"<td{cls}>{esc(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="flueko-table">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def figure(fig: go.Figure | Mapping, *, div_id: str) -> str:
    """A plotly figure as a ``<div>`` + script; plotly.js itself is embedded once per page.

    ``fig`` may be the figure's dict (``fig.to_dict()``, already validated): it is then not
    validated and copied again."""
    import plotly.io as pio

    return pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        div_id=div_id,
        config=PLOTLY_CONFIG,
        validate=isinstance(fig, go.Figure),
    )
