"""Cost-effort summaries of measures and the costs of the dialogue process itself.

Unknown costs are never counted as 0: sums run over the measures with a known amount and are
lower bounds ("mindestens"); how many measures are missing is stated next to every sum.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from flueko import schema
from flueko.errors import SchemaError

SUMMARY_KEYS: tuple[str, ...] = (schema.FIELD, schema.RESPONSIBLE, schema.TIMEFRAME)
"""Columns a cost summary can be grouped by."""

SUMMARY_COLUMNS: tuple[str, ...] = (
    "n_measures",
    "cost_min_sum",
    "cost_max_sum",
    "n_cost_known",
    "n_cost_unknown",
    "n_cost_open",
    "effort_mean",
    "n_effort",
    "basis",
)

_TYPES = {
    "n_measures": "Int64",
    "cost_min_sum": "Float64",
    "cost_max_sum": "Float64",
    "n_cost_known": "Int64",
    "n_cost_unknown": "Int64",
    "n_cost_open": "Int64",
    "effort_mean": "Float64",
    "n_effort": "Int64",
    "basis": "string",
}


def _summarise(group: pd.DataFrame) -> dict:
    low = pd.to_numeric(group[schema.COST_MIN]).astype("Float64")
    high = pd.to_numeric(group[schema.COST_MAX]).astype("Float64")
    effort = pd.to_numeric(group[schema.EFFORT]).astype("Float64").dropna()
    known = low.notna()
    n_unknown = int((~known).sum())
    n_open = int((known & high.isna()).sum())
    basis = "mindestens (Summe der bekannten Kosten)"
    if n_unknown:
        basis += f"; {n_unknown} Maßnahme(n) ohne Kostenangabe nicht enthalten"
    if n_open:
        basis += f"; bei {n_open} Maßnahme(n) ist keine Obergrenze bekannt, daher keine Summe 'bis'"
    return {
        "n_measures": len(group),
        "cost_min_sum": float(low[known].sum()) if known.any() else None,
        "cost_max_sum": float(high[known].sum()) if known.any() and not n_open else None,
        "n_cost_known": int(known.sum()),
        "n_cost_unknown": n_unknown,
        "n_cost_open": n_open,
        "effort_mean": float(effort.mean()) if len(effort) else None,
        "n_effort": len(effort),
        "basis": basis,
    }


def cost_summary(measures: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """Costs and mean effort of the measures per Handlungsfeld, responsible body or timeframe.

    Parameters
    ----------
    measures
        A ``measures`` table; not modified.
    by
        One of :data:`SUMMARY_KEYS`.

    Returns
    -------
    pandas.DataFrame
        ``by`` plus :data:`SUMMARY_COLUMNS`: ``cost_min_sum``/``cost_max_sum`` are sums over
        measures with a known amount (missing when none is known), ``n_cost_unknown`` counts
        measures without, ``n_cost_open`` those without upper bound ("ab 5.000 €"; then
        ``cost_max_sum`` is missing, since the upper total is unbounded),
        ``basis`` says so in German. Rows sorted by key (timeframes in their order), missing
        key last.

    Raises
    ------
    SchemaError
        If ``by`` is not allowed or a needed column is missing.
    """
    if by not in SUMMARY_KEYS:
        raise SchemaError(
            f"Kostenübersicht nach '{by}' ist nicht vorgesehen",
            hint=f"möglich: {', '.join(SUMMARY_KEYS)}",
        )
    needed = [by, schema.COST_MIN, schema.COST_MAX, schema.EFFORT]
    missing = [c for c in needed if c not in measures.columns]
    if missing:
        raise SchemaError(f"Tabelle 'measures': Spalte '{missing[0]}' fehlt")
    df = measures[needed]
    rows = [
        {by: key, **_summarise(group)} for key, group in df.groupby(by, dropna=False, sort=False)
    ]
    out = pd.DataFrame(rows, columns=[by, *SUMMARY_COLUMNS]).astype({by: "string", **_TYPES})
    if by == schema.TIMEFRAME:
        order = {k: i for i, k in enumerate(schema.TIMEFRAMES)}
        sort_key = out[by].map(lambda k: order.get(k, len(order)) if not pd.isna(k) else 99)
        out = out.assign(_k=sort_key.astype("int64")).sort_values(["_k", by], kind="stable")
        out = out.drop(columns="_k")
    else:
        out = out.sort_values(by, na_position="last", kind="stable")
    return out.reset_index(drop=True)


def cost_total(measures: pd.DataFrame) -> pd.DataFrame:
    """One row with :data:`SUMMARY_COLUMNS` over all measures (same rules as the summary)."""
    needed = [schema.COST_MIN, schema.COST_MAX, schema.EFFORT]
    return pd.DataFrame([_summarise(measures[needed])], columns=list(SUMMARY_COLUMNS)).astype(
        _TYPES
    )


def process_costs(meta_by_round: Mapping[str, Mapping]) -> pd.DataFrame:
    """Costs of the dialogue process from ``round.yaml`` (``costs``, ``participants``).

    Parameters
    ----------
    meta_by_round
        Round id → its ``round.yaml`` content (:func:`flueko.config.load_round_meta`).

    Returns
    -------
    pandas.DataFrame
        One row per round (sorted by id) and a last row with ``is_total`` True (``round``
        missing): ``title``, ``n_cost_items``, ``cost_total`` (missing when the round names no
        costs — not 0), ``n_participants`` (missing when not given), ``cost_per_participant``
        (only when both are known and participants > 0). The total sums the rounds that give
        a value; its per-participant cost uses only rounds that give both.
    """
    rows = []
    for round_id in sorted(meta_by_round):
        meta = meta_by_round[round_id] or {}
        costs = meta.get("costs") or {}
        people = meta.get("participants") or {}
        total = float(sum(costs.values())) if costs else None
        n = int(sum(people.values())) if people else None
        rows.append(
            {
                schema.ROUND: round_id,
                "title": meta.get("title"),
                "n_cost_items": len(costs),
                "cost_total": total,
                "n_participants": n,
                "cost_per_participant": total / n if total is not None and n else None,
                "is_total": False,
            }
        )
    both = [r for r in rows if r["cost_total"] is not None and r["n_participants"]]
    sum_cost = [r["cost_total"] for r in rows if r["cost_total"] is not None]
    sum_people = [r["n_participants"] for r in rows if r["n_participants"] is not None]
    both_cost = sum(r["cost_total"] for r in both)
    both_people = sum(r["n_participants"] for r in both)
    rows.append(
        {
            schema.ROUND: None,
            "title": None,
            "n_cost_items": sum(r["n_cost_items"] for r in rows),
            "cost_total": sum(sum_cost) if sum_cost else None,
            "n_participants": sum(sum_people) if sum_people else None,
            "cost_per_participant": both_cost / both_people if both_people else None,
            "is_total": True,
        }
    )
    return pd.DataFrame(rows).astype(
        {
            schema.ROUND: "string",
            "title": "string",
            "n_cost_items": "Int64",
            "cost_total": "Float64",
            "n_participants": "Int64",
            "cost_per_participant": "Float64",
            "is_total": "boolean",
        }
    )
