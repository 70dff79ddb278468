"""Charts of the workshop cards: ideas per Handlungsfeld and Leitfrage, votes per group."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from flueko.report.charts import plain, style


def field_question_heatmap(
    counts: pd.DataFrame,
    *,
    field_labels: Mapping[str, str],
    question_labels: Mapping[str, str],
) -> go.Figure:
    """Heatmap of ideas per Handlungsfeld × Leitfrage (``summaries.counts_by_field_question``)."""
    counts = counts.loc[counts.sum(axis=1) > 0]
    x = [plain(question_labels.get(q, "ohne Leitfrage"), limit=40) for q in counts.columns]
    y = [plain(field_labels.get(f, f)) for f in counts.index]
    fig = go.Figure(
        go.Heatmap(
            z=counts.to_numpy().tolist(),
            x=x,
            y=y,
            colorscale="Blues",
            text=counts.to_numpy().tolist(),
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}<br>%{z} Beiträge<extra></extra>",
            colorbar={"title": {"text": "Beiträge"}},
        )
    )
    fig.update_xaxes(title_text="Leitfrage", tickangle=-20)
    fig.update_yaxes(title_text="Handlungsfeld", autorange="reversed")
    return style(fig, height=140 + 40 * len(y))


def ideas_per_field(contributions: pd.DataFrame, *, field_labels: Mapping[str, str]) -> go.Figure:
    """Horizontal bars: ideas per Handlungsfeld, stacked by working group."""
    fig = go.Figure()
    data = contributions.groupby(["group", "field"]).size().rename("n").reset_index()
    order = contributions.groupby("field").size().sort_values(ascending=True).index.tolist()
    labels = [plain(field_labels.get(f, f)) for f in order]
    for group in sorted(data["group"].dropna().unique()):
        part = data[data["group"] == group].set_index("field").reindex(order)["n"].fillna(0)
        fig.add_bar(
            y=labels,
            x=part.tolist(),
            name=plain(group, limit=40),
            orientation="h",
            hovertemplate="%{y}: %{x} Beiträge<extra>" + plain(group, limit=40) + "</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="Anzahl Beiträge")
    fig.update_yaxes(title_text="Handlungsfeld")
    return style(fig, height=160 + 36 * len(order))
