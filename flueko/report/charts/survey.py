"""Survey charts: answer distributions, share positive per group, comparison of rounds."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from flueko import schema
from flueko.analyse.survey_stats import CATEGORY, COMPLEMENTARY, POLARITY, SHARE, N
from flueko.report.charts import plain, style

ALL_LABEL = "Alle Befragten"
NO_ANSWERS = "keine Antworten"
PROTECTED = "geschützt"

NEGATIVE_COLORS = ("#f4a582", "#d6604d", "#b2182b", "#67001f")
"""Mildest first."""
POSITIVE_COLORS = ("#92c5de", "#4393c3", "#2166ac", "#053061")
NEUTRAL_COLOR = "#d9d9d9"
ROUND_COLORS = ("#9ecae1", "#4292c6", "#08519c", "#08306b", "#6baed6", "#2171b5")


def _pct(value: float) -> str:
    return f"{value:.0f} %".replace(".", ",")


def _reason(reason: object) -> str:
    """Suppression reason as shown in a chart ("n < 5"; complementary ones as "geschützt")."""
    if reason is None or pd.isna(reason):
        return ""
    return PROTECTED if str(reason) == COMPLEMENTARY else str(reason)


def _label(item: object, item_labels: Mapping[str, str]) -> str:
    return plain(item_labels.get(str(item), str(item)))


def diverging_bars(
    dist: pd.DataFrame, *, item_labels: Mapping[str, str], title: str | None = None
) -> go.Figure:
    """Diverging stacked bars: one bar per item, negative answers left of zero, positive right.

    Parameters
    ----------
    dist
        Output of :func:`flueko.analyse.survey_stats.distribution` (rows of all respondents are
        used).
    item_labels
        Item key → German label.

    Notes
    -----
    The neutral category is split half left, half right of zero. Every bar ends with
    "n = …"; an item below the suppression limit shows its reason instead of a bar.
    """
    data = dist[dist[schema.GROUP].isna()] if schema.GROUP in dist else dist
    items = list(dict.fromkeys(data[schema.ITEM].tolist()))
    y = [_label(i, item_labels) for i in items]
    shown = {
        i: not data.loc[data[schema.ITEM] == i, SHARE].isna().all()
        and data.loc[data[schema.ITEM] == i, schema.N_VALID].fillna(0).max() > 0
        for i in items
    }
    fig = go.Figure()
    # categories: ordered worst → best per item; traces by polarity and distance from zero
    slots: dict[tuple[str, int, str], dict[str, float]] = {}
    counts: dict[tuple[str, int, str], dict[str, int]] = {}
    for item in items:
        rows = data[data[schema.ITEM] == item].sort_values(schema.VALUE)
        neg = rows[rows[POLARITY] == "negative"]
        pos = rows[rows[POLARITY] == "positive"]
        neu = rows[rows[POLARITY] == "neutral"]
        ranked = [
            *[("negative", k, r) for k, (_, r) in enumerate(neg.iloc[::-1].iterrows())],
            *[("positive", k, r) for k, (_, r) in enumerate(pos.iterrows())],
            *[("neutral", 0, r) for _, r in neu.iterrows()],
        ]
        for polarity, rank, row in ranked:
            key = (polarity, rank, str(row[CATEGORY]))
            share = row[SHARE]
            slots.setdefault(key, {})[item] = 0.0 if pd.isna(share) else float(share)
            counts.setdefault(key, {})[item] = 0 if pd.isna(row[N]) else int(row[N])
    legend_rank = _legend_ranks(slots)

    def add(key, sign: float, half: bool, show: bool):
        polarity, rank, category = key
        x, text, custom = [], [], []
        for item in items:
            share = slots[key].get(item, 0.0) if shown[item] else 0.0
            value = share / 2 if half else share
            x.append(sign * value)
            text.append(_pct(share) if share >= 5 and not (half and sign < 0) else "")
            custom.append([_pct(share), counts[key].get(item, 0)])
        color = _color(polarity, rank)
        fig.add_trace(
            go.Bar(
                name=plain(category),
                y=y,
                x=x,
                orientation="h",
                marker={"color": color},
                text=text,
                textposition="inside",
                insidetextanchor="middle",
                customdata=custom,
                hovertemplate="%{y}<br>" + plain(category) + ": %{customdata[0]}"
                " (%{customdata[1]})<extra></extra>",
                legendgroup=category,
                showlegend=show,
                legendrank=legend_rank[key],
            )
        )

    neutral = [k for k in slots if k[0] == "neutral"]
    negative = sorted((k for k in slots if k[0] == "negative"), key=lambda k: k[1])
    positive = sorted((k for k in slots if k[0] == "positive"), key=lambda k: k[1])
    for key in neutral:
        add(key, -1.0, True, True)
    for key in negative:
        add(key, -1.0, False, True)
    for key in neutral:
        add(key, 1.0, True, False)
    for key in positive:
        add(key, 1.0, False, True)
    for item, label in zip(items, y, strict=True):
        n_valid = data.loc[data[schema.ITEM] == item, schema.N_VALID].dropna()
        reason = data.loc[data[schema.ITEM] == item, schema.SUPPRESSED].dropna()
        if len(reason):
            note = _reason(reason.iloc[0])
        elif len(n_valid) and int(n_valid.max()) > 0:
            note = f"n = {int(n_valid.max())}"
        else:
            note = NO_ANSWERS
        fig.add_annotation(
            x=1.0,
            xref="paper",
            xanchor="left",
            y=label,
            yref="y",
            text=note,
            showarrow=False,
            font={"size": 11},
        )
    style(fig, title=title, height=max(260, 60 + 42 * len(items)))
    fig.update_layout(
        barmode="relative",
        xaxis={
            "title": "Anteil der gültigen Antworten (%)",
            "range": [-100, 100],
            "tickvals": [-100, -50, 0, 50, 100],
            "ticktext": ["100 %", "50 %", "0", "50 %", "100 %"],
            "zeroline": True,
        },
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": y},
        legend={"traceorder": "normal"},
        margin={"r": 90},
    )
    return fig


def _legend_ranks(slots) -> dict:
    def order(key):
        polarity, rank, _ = key
        if polarity == "negative":
            return (0, -rank)
        if polarity == "neutral":
            return (1, 0)
        return (2, rank)

    return {key: 100 + i for i, key in enumerate(sorted(slots, key=order))}


def _color(polarity: str, rank: int) -> str:
    if polarity == "neutral":
        return NEUTRAL_COLOR
    palette = NEGATIVE_COLORS if polarity == "negative" else POSITIVE_COLORS
    return palette[min(rank, len(palette) - 1)]


def group_item_heatmap(
    items_table: pd.DataFrame, *, item_labels: Mapping[str, str], title: str | None = None
) -> go.Figure:
    """Group × item heatmap of the share of positive answers; suppressed cells show the reason.

    Parameters
    ----------
    items_table
        A ``survey_items`` table; the row of all respondents is shown as "Alle Befragten".
    """
    items = list(dict.fromkeys(items_table[schema.ITEM].tolist()))
    groups = [None, *sorted({g for g in items_table[schema.GROUP].dropna().tolist()})]
    z, text = [], []
    for group in groups:
        mask = (
            items_table[schema.GROUP].isna()
            if group is None
            else items_table[schema.GROUP] == group
        )
        rows = items_table[mask.fillna(False)]
        z_row, text_row = [], []
        for item in items:
            hit = rows[rows[schema.ITEM] == item]
            if hit.empty:
                z_row.append(None)
                text_row.append("")
                continue
            row = hit.iloc[0]
            share = row[schema.SHARE_POSITIVE]
            if pd.notna(row[schema.SUPPRESSED]) or pd.isna(share):
                z_row.append(None)
                text_row.append(_reason(row[schema.SUPPRESSED]))
            else:
                z_row.append(100.0 * float(share))
                text_row.append(_pct(100.0 * float(share)))
        z.append(z_row)
        text.append(text_row)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_label(i, item_labels) for i in items],
            y=[ALL_LABEL if g is None else plain(g) for g in groups],
            text=text,
            texttemplate="%{text}",
            zmin=0,
            zmax=100,
            colorscale="Blues",
            colorbar={"title": "positiv (%)"},
            hoverongaps=False,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        )
    )
    style(fig, title=title, height=max(300, 80 + 40 * len(groups)))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis={"tickangle": -30})
    return fig


def round_comparison(
    compare_table: pd.DataFrame, *, item_labels: Mapping[str, str], title: str | None = None
) -> go.Figure:
    """Grouped bars: share of positive answers per item, one bar per round.

    Parameters
    ----------
    compare_table
        Output of :func:`flueko.analyse.survey_stats.compare_rounds`; suppressed values show their
        reason.
    """
    items = list(dict.fromkeys(compare_table[schema.ITEM].tolist()))
    rounds = list(dict.fromkeys(compare_table[schema.ROUND].tolist()))
    x = [_label(i, item_labels) for i in items]
    fig = go.Figure()
    for k, round_id in enumerate(rounds):
        part = compare_table[compare_table[schema.ROUND] == round_id]
        y, text = [], []
        for item in items:
            hit = part[part[schema.ITEM] == item]
            if hit.empty:
                y.append(None)
                text.append("")
                continue
            row = hit.iloc[0]
            share = row[schema.SHARE_POSITIVE]
            if pd.isna(share):
                y.append(None)
                text.append(_reason(row[schema.SUPPRESSED]))
            else:
                y.append(100.0 * float(share))
                text.append(_pct(100.0 * float(share)))
        fig.add_trace(
            go.Bar(
                name=plain(round_id),
                x=x,
                y=y,
                text=text,
                textposition="outside",
                marker={"color": ROUND_COLORS[k % len(ROUND_COLORS)]},
                hovertemplate="%{x}<br>" + plain(round_id) + ": %{text}<extra></extra>",
            )
        )
    style(fig, title=title, height=520)
    fig.update_layout(
        barmode="group",
        yaxis={"title": "positive Antworten (%)", "range": [0, 110]},
        xaxis={"tickangle": -30, "automargin": True},
        legend={"y": -0.45},
        margin={"b": 160, "l": 110},
    )
    return fig
