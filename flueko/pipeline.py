"""The stages after reading, wired together for one round.

Each stage is a pure function in its own module; this module only decides which stage sees
which table and collects their log entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from flueko import log as L
from flueko import schema as s
from flueko.errors import FluekoError

if TYPE_CHECKING:
    from flueko.config import Workspace
    from flueko.ingest import _Context, _Parsed


def _concat(frames, table: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return s.empty(table)
    return s.conform(pd.concat(frames, ignore_index=True), table)


def earlier_contributions(ws: Workspace, round_id: str) -> pd.DataFrame:
    """Contributions of all rounds before ``round_id`` that have been ingested already."""
    from flueko.io.tables import read_round

    frames = []
    for other in ws.rounds():
        if other >= round_id:
            break
        folder = ws.processed_round(other)
        if (folder / "manifest.json").is_file():
            frames.append(read_round(folder)["contributions"])
    return _concat(frames, "contributions")


def assemble(
    parsed: _Parsed, ctx: _Context, *, ws: Workspace
) -> tuple[dict[str, pd.DataFrame], list[L.LogEntry]]:
    """Contributions → categorised and clustered; ratings/plans → measures; survey → items."""
    from flueko.categorise import categorise
    from flueko.consolidate import candidate_measures, cluster_ideas, link_lineage

    entries: list[L.LogEntry] = []
    coding = _coding(parsed, ctx, entries)
    contributions = _concat(parsed.cards, "contributions")
    contributions = categorise(contributions, taxonomy=ctx.taxonomy, coding=coding)
    cons = ctx.params["consolidate"]
    contributions = cluster_ideas(
        contributions, threshold=cons["threshold"], scorer=cons["scorer"], coding=coding
    )
    contributions = s.conform(contributions, "contributions")
    candidates = candidate_measures(contributions, taxonomy=ctx.taxonomy)

    ratings = _concat(parsed.ratings, "ratings")
    measures = _measures(parsed, ctx, ratings, candidates, entries)
    if len(measures) and not len(candidates):
        earlier = earlier_contributions(ws, ctx.round_id)
        if len(earlier):
            earlier_candidates = candidate_measures(earlier, taxonomy=ctx.taxonomy)
            measures = link_lineage(measures, earlier_candidates, threshold=cons["threshold"])
    measures = s.conform(field_keys(measures, taxonomy=ctx.taxonomy), "measures")

    responses = _concat(parsed.responses, "survey_responses")
    items = _survey_items(responses, ctx)
    return (
        {
            "contributions": contributions,
            "measures": measures,
            "ratings": ratings,
            "survey_responses": responses,
            "survey_items": items,
        },
        entries,
    )


def field_keys(measures: pd.DataFrame, *, taxonomy) -> pd.DataFrame:
    """Measures with ``field`` as a taxonomy key: the field named in the sheet ("Arbeit",
    "Bildung/Ausbildung") when it maps to one, else the keyword rules on the title."""
    from flueko.categorise import classify_text
    from flueko.taxonomy import field_for_group

    if measures.empty:
        return measures
    keys = set(taxonomy.field_keys)

    def key(raw: object, title: object) -> str:
        if isinstance(raw, str) and raw.strip():
            if raw in keys:
                return raw
            if mapped := field_for_group(raw, taxonomy):
                return mapped
        return classify_text(str(title or ""), None, taxonomy)[0]

    return measures.assign(
        **{s.FIELD: [key(f, t) for f, t in zip(measures[s.FIELD], measures[s.TITLE], strict=True)]}
    )


def _coding(parsed: _Parsed, ctx: _Context, entries: list) -> pd.DataFrame | None:
    if not parsed.codings:
        return None
    frames = [c for _, c in parsed.codings]
    return pd.concat(frames, ignore_index=True) if frames else None


def _measures(parsed, ctx, ratings, candidates, entries) -> pd.DataFrame:
    from flueko.prioritise import build_measures

    plans = [p for p in parsed.plans if len(p)]
    plan = pd.concat(plans, ignore_index=True) if plans else None
    if len(ratings):
        attrs = pd.concat(
            [a for a in parsed.attrs if len(a)] or [pd.DataFrame()], ignore_index=True
        )
        pr = ctx.params["prioritise"]
        try:
            measures = build_measures(
                ratings,
                attrs,
                round_id=ctx.round_id,
                params=pr,
                participants=ctx.meta.get("participants"),
                dots_per_person=ctx.meta.get("dots_per_person"),
            )
        except FluekoError as err:
            entries.append(L.from_error(err))
            measures = s.empty("measures")
        if plan is not None:
            measures = _merge_plan(measures, plan)
        return measures
    if plan is not None:
        return plan
    return candidates


def _merge_plan(measures: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """Rated measures with status, goal, partners … from a plan of the same round."""
    plan = s.conform(plan, "measures").set_index(s.MEASURE_ID)
    out = s.conform(measures, "measures").set_index(s.MEASURE_ID)
    for col in (s.GOAL, s.PARTNERS, s.STATUS, s.PROGRESS, s.RESPONSIBLE, s.TIMEFRAME):
        known = plan[col].dropna()
        known = known[known.index.isin(out.index)]
        out.loc[known.index, col] = known
    extra = plan[~plan.index.isin(out.index)]
    return pd.concat([out, extra]).reset_index()


def _survey_items(responses: pd.DataFrame, ctx) -> pd.DataFrame:
    if responses.empty:
        return s.empty("survey_items")
    from flueko.survey import summarise_items

    sv = ctx.params["survey"]
    items = summarise_items(
        responses,
        items=ctx.items,
        scale_hint=(ctx.meta.get("hints") or {}).get("survey_scale"),
        min_group_size=int(sv["min_group_size"]),
        positive_top=int(sv["positive_top"]),
        confidence=float(sv["confidence"]),
    )
    return s.conform(items, "survey_items")
