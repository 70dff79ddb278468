"""Plotly charts with German labels; one module per report section.

Every chart function is pure: tables in, :class:`plotly.graph_objects.Figure` out. User text
that goes into a figure (titles of measures, card texts in hover labels, group names) passes
through :func:`plain` first, because plotly interprets a few HTML tags (``<b>``, ``<a href>``)
in text.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

FONT = "Segoe UI, Helvetica, Arial, sans-serif"

FIELD_COLORS: dict[str, str] = {
    "wohnen": "#1b6ca8",
    "bildung": "#e07b00",
    "sprache": "#7a4fa3",
    "arbeit": "#2e8b57",
    "freizeit": "#d1495b",
    "gesundheit": "#00a6a6",
    "gesellschaft": "#8c6d31",
    "sonstiges": "#7f7f7f",
}
"""One colour per Handlungsfeld, used by every chart (fields the taxonomy adds get grey)."""

FALLBACK_COLOR = "#999999"


def plain(text: object, *, limit: int | None = None) -> str:
    """User text made safe for plotly labels: HTML-escaped, optionally shortened with '…'."""
    value = "" if text is None else str(text)
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 1)].rstrip() + "…"
    return html.escape(value, quote=True)


def field_color(key: str) -> str:
    """Colour of a Handlungsfeld key."""
    return FIELD_COLORS.get(key, FALLBACK_COLOR)


def style(fig: go.Figure, *, title: str | None = None, height: int = 420) -> go.Figure:
    """Apply the house layout (German separators, font, white background) and return ``fig``."""
    fig.update_layout(
        title=title,
        height=height,
        font={"family": FONT, "size": 13},
        separators=",.",
        template="plotly_white",
        margin={"l": 60, "r": 30, "t": 60 if title else 30, "b": 50},
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.3},
    )
    return fig
