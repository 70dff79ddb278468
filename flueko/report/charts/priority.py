"""Charts of the prioritisation: priority matrix, cost-effort summary, rank robustness."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from flueko import schema
from flueko.report.charts import field_color, plain, style

IMPACT_AXIS = "Wirkung (Median)"
EFFORT_AXIS = "Aufwand (Median)"


def _floats(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series).astype("float64").to_numpy(na_value=np.nan)


def _bubble_sizes(measures: pd.DataFrame) -> tuple[np.ndarray, str]:
    for col, label in ((schema.VOTES, "Klebepunkte"), (schema.COST_MAX, "Kosten")):
        if col in measures.columns and measures[col].notna().any():
            x = _floats(measures[col])
            top = np.nanmax(x)
            if top > 0:
                sizes = 18 + 26 * np.sqrt(np.nan_to_num(x, nan=0.0) / top)
                return sizes, label
    return np.full(len(measures), 20.0), ""


def _spread(x: np.ndarray, y: np.ndarray, *, radius: float = 0.12) -> tuple[np.ndarray, ...]:
    """Offsets that fan out measures sitting on the same point (medians often coincide).

    The k-th of n measures at one point moves ``radius`` towards angle 2πk/n; a lone point
    stays. Deterministic, so the same table gives the same chart; hover shows true values.
    """
    dx, dy = np.zeros(len(x)), np.zeros(len(x))
    seen: dict[tuple[float, float], list[int]] = {}
    for i, (a, b) in enumerate(zip(x, y, strict=True)):
        if not (np.isnan(a) or np.isnan(b)):
            seen.setdefault((round(float(a), 3), round(float(b), 3)), []).append(i)
    for members in seen.values():
        n = len(members)
        if n > 1:
            for k, i in enumerate(members):
                dx[i] = radius * np.cos(2 * np.pi * k / n)
                dy[i] = radius * np.sin(2 * np.pi * k / n)
    return dx, dy


def priority_matrix(
    measures: pd.DataFrame,
    *,
    field_labels: Mapping[str, str],
    quadrant_labels: Mapping[str, str],
    threshold: float | None = None,
    scale: tuple[float, float] = (1, 5),
) -> go.Figure:
    """Impact × effort scatter with quadrant lines at ``threshold`` and German quadrant labels.

    ``threshold`` is params.yaml's ``prioritise.quadrant_threshold``: ``None`` = scale midpoint,
    as for the ``quadrant`` column (:func:`flueko.analyse.prioritise.score_measures`).

    One trace per Handlungsfeld (colour from :func:`flueko.report.charts.field_color`); bubble size
    by votes, else by upper cost estimate; hover shows the measure title (escaped). Measures
    without impact or effort are left out; the figure title says how many.
    """
    lo, hi = scale
    threshold = (lo + hi) / 2 if threshold is None else threshold
    pad = 0.3
    df = measures.reset_index(drop=True)
    impact, effort = _floats(df[schema.IMPACT]), _floats(df[schema.EFFORT])
    shown = ~(np.isnan(impact) | np.isnan(effort))
    sizes, size_label = _bubble_sizes(df)
    dx, dy = _spread(effort, impact)
    ranks = df[schema.RANK] if schema.RANK in df else pd.Series([pd.NA] * len(df))
    labels = np.array(["" if pd.isna(r) else str(int(r)) for r in ranks], dtype=object)
    fig = go.Figure()
    fields = df[schema.FIELD].astype("string").fillna(schema.DEFAULT_FIELD)
    for key in sorted(set(fields[shown])):
        mask = shown & (fields == key).to_numpy()
        rows = df[mask]
        hover = [
            f"<b>{plain(t, limit=90)}</b><br>Wirkung {i:.1f} · Aufwand {e:.1f}".replace(".", ",")
            + (f"<br>Rang {int(r)}" if not pd.isna(r) else "")
            for t, i, e, r in zip(
                rows[schema.TITLE],
                impact[mask],
                effort[mask],
                rows[schema.RANK] if schema.RANK in rows else [pd.NA] * len(rows),
                strict=True,
            )
        ]
        fig.add_trace(
            go.Scatter(
                x=effort[mask] + dx[mask],
                y=impact[mask] + dy[mask],
                mode="markers+text",
                text=labels[mask].tolist(),
                textposition="middle center",
                textfont={"size": 10, "color": "white"},
                name=plain(field_labels.get(key, key)),
                marker={
                    "size": sizes[mask],
                    "color": field_color(key),
                    "opacity": 0.8,
                    "line": {"width": 1, "color": "white"},
                },
                hovertext=hover,
                hoverinfo="text",
            )
        )
    for pos in ("x", "y"):
        fig.add_shape(
            type="line",
            **{f"{pos}0": threshold, f"{pos}1": threshold},
            **{("y0" if pos == "x" else "x0"): lo - pad, ("y1" if pos == "x" else "x1"): hi + pad},
            line={"color": "#888", "dash": "dash", "width": 1},
        )
    corners = {
        "quick_win": (lo - pad, hi + pad, "left", "top"),
        "grosses_vorhaben": (hi + pad, hi + pad, "right", "top"),
        "kleiner_schritt": (lo - pad, lo - pad, "left", "bottom"),
        "zeitfresser": (hi + pad, lo - pad, "right", "bottom"),
    }
    for key, (x, y, xanchor, yanchor) in corners.items():
        fig.add_annotation(
            x=x,
            y=y,
            text=plain(quadrant_labels.get(key, key)),
            showarrow=False,
            xanchor=xanchor,
            yanchor=yanchor,
            font={"size": 12, "color": "#555"},
        )
    fig.update_xaxes(title_text=EFFORT_AXIS, range=[lo - pad, hi + pad], zeroline=False)
    fig.update_yaxes(title_text=IMPACT_AXIS, range=[lo - pad, hi + pad], zeroline=False)
    n_missing = int((~shown).sum())
    title = "Prioritätenmatrix: Wirkung und Aufwand"
    if size_label:
        title += f" (Kreisgröße: {size_label})"
    if n_missing:
        title += f" — {n_missing} Maßnahme(n) ohne Bewertung nicht dargestellt"
    return style(fig, title=title, height=520)


def cost_effort_chart(
    summary: pd.DataFrame, *, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """Bars of the cost range per group from :func:`flueko.analyse.costs.cost_summary`.

    The bar shows the known minimum ("mindestens"), a lighter bar the additional amount up to
    the upper estimate; hover names how many measures have no cost estimate.
    """
    key = summary.columns[0]
    labels = labels or {}
    names = [plain(labels.get(k, k)) if not pd.isna(k) else "ohne Angabe" for k in summary[key]]
    low = np.nan_to_num(_floats(summary["cost_min_sum"]), nan=0.0)
    high = _floats(summary["cost_max_sum"])
    extra = np.where(np.isnan(high), 0.0, np.maximum(high - low, 0.0))
    unknown = summary["n_cost_unknown"].astype("Int64").fillna(0).to_numpy()
    hover = [
        f"{n}: mindestens {lo_:,.0f} €".replace(",", ".")
        + (f"<br>{u} Maßnahme(n) ohne Kostenangabe" if u else "")
        for n, lo_, u in zip(names, low, unknown, strict=True)
    ]
    fig = go.Figure(
        [
            go.Bar(x=names, y=low, name="Kosten mindestens", hovertext=hover, hoverinfo="text"),
            go.Bar(x=names, y=extra, name="bis Obergrenze", opacity=0.45, hoverinfo="skip"),
        ]
    )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Kosten in €", tickformat=",.0f")
    return style(fig, title="Geschätzte Kosten der Maßnahmen")


def robustness_chart(robust: pd.DataFrame, *, titles: Mapping[str, str] | None = None) -> go.Figure:
    """Horizontal bars: share of perturbed draws in which a measure stays in the top k."""
    titles = titles or {}
    df = robust.sort_values(schema.TOP_K_SHARE, ascending=True, kind="stable", na_position="first")
    names = [plain(titles.get(m, m), limit=60) for m in df[schema.MEASURE_ID]]
    share = _floats(df[schema.TOP_K_SHARE])
    sensitive = df["weight_sensitive"].astype("boolean").fillna(False).to_numpy()
    hover = [
        f"{n}<br>in der Spitzengruppe: {s:.0%}<br>Rang {int(a)}–{int(b)}".replace(".", ",")
        + ("<br>empfindlich für die Gewichtung" if w else "")
        for n, s, a, b, w in zip(
            names, np.nan_to_num(share), df["rank_min"], df["rank_max"], sensitive, strict=True
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=share,
            y=names,
            orientation="h",
            marker={"color": np.where(sensitive, "#e07b00", "#1b6ca8").tolist()},
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_xaxes(title_text="Anteil der Stichproben in der Spitzengruppe", tickformat=".0%")
    return style(fig, title="Wie stabil ist die Rangfolge?", height=max(300, 28 * len(df) + 120))
