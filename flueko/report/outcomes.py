"""What became of the dialogue: the plan as the council reads it, and the fate of every card.

Pure functions over the processed rounds (:class:`~flueko.report.docdraft_sections.RoundData`):

- :func:`plan_table` — the measures of the latest plan (or, before there is a plan, the rated
  measures) with rank and quadrant of the rating, the plan category (Schwerpunkt, Quick Win,
  weitere) and their origin (number of kick-off cards and dots);
- :func:`card_outcomes` — one row per kick-off card with what became of it: in the plan with a
  status, rated (rank N of M), bundled into an Ideenbündel, or (not yet) pursued.

Used by :mod:`flueko.report.council_docx` and :mod:`flueko.report.feedback_html`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from flueko import schema as s
from flueko.labels import STATUS_LABELS
from flueko.report.docdraft_sections import RoundData

N_CARDS = "n_cards"
"""Plan column: kick-off cards behind a measure."""
N_DOTS = "n_dots"
"""Plan column: their dot votes, each card counted once."""
CATEGORY = "category"
"""Plan column: ``schwerpunkt`` (high impact, high effort), ``quick_win`` or ``weitere``."""
N_RATED = "n_rated"
"""Plan column: how many measures were rated in the round that gave the rank."""

CATEGORIES: dict[str, str] = {
    "schwerpunkt": "Schwerpunktmaßnahmen",
    "quick_win": "Quick-Win-Maßnahmen",
    "weitere": "Weitere Maßnahmen",
}
"""Plan category → German heading, in the order the plan shows them."""
CATEGORY_HINTS: dict[str, str] = {
    "schwerpunkt": "große Reichweite und Wirkung, verlangen Mittel und einen längeren Atem",
    "quick_win": "hohe Wirkung bei geringem Aufwand, mit vorhandenen Mitteln bald umsetzbar",
    "weitere": "geringere erwartete Wirkung oder noch nicht bewertet",
}
_QUADRANT_CATEGORY = {"grosses_vorhaben": "schwerpunkt", "quick_win": "quick_win"}

# card outcome keys, best first
IN_PLAN = "im_plan"
DEFERRED = "zurueckgestellt"
RATED = "bewertet"
BUNDLED = "gebuendelt"
SINGLE = "einzelidee"
OUTCOMES: dict[str, str] = {
    IN_PLAN: "im Maßnahmenplan",
    DEFERRED: "zurückgestellt",
    RATED: "bewertet, nicht im Plan",
    BUNDLED: "im Ideenbündel, (noch) nicht weiterverfolgt",
    SINGLE: "Einzelidee, (noch) nicht weiterverfolgt",
}
"""Card outcome key → short German label, best outcome first."""


@dataclass(frozen=True)
class Stages:
    """The rounds that matter for the way from the cards to the plan (each may be missing)."""

    cards: RoundData | None
    rated: RoundData | None
    plan: RoundData | None


def _has_status(r: RoundData) -> bool:
    m = r.table("measures")
    return bool(len(m)) and bool(m[s.STATUS].notna().any())


def stages(rounds: Sequence[RoundData]) -> Stages:
    """The first round with cards, the latest with ratings and the latest with a plan status."""
    cards = next((r for r in rounds if len(r.table("contributions"))), None)
    rated = next((r for r in reversed(rounds) if len(r.table("ratings"))), None)
    plan = next((r for r in reversed(rounds) if _has_status(r)), None)
    return Stages(cards=cards, rated=rated, plan=plan)


def split_ids(value: object) -> list[str]:
    """``"K1-1; K2-1"`` → ``["K1-1", "K2-1"]``; missing → ``[]``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]


def _card_votes(contributions: pd.DataFrame) -> pd.Series:
    """card_id → dot votes of the card (each card once, however many ideas it split into)."""
    if contributions.empty:
        return pd.Series(dtype="Int64")
    votes = pd.to_numeric(contributions[s.VOTES]).astype("Float64")
    return votes.groupby(contributions[s.CARD_ID]).max().fillna(0).astype("Int64")


def origin(idea_ids: object, contributions: pd.DataFrame) -> tuple[int, int]:
    """(cards, dots) behind a measure: distinct kick-off cards of its ideas and their votes."""
    ids = set(split_ids(idea_ids))
    if not ids or contributions.empty:
        return 0, 0
    rows = contributions[contributions[s.IDEA_ID].isin(ids)]
    cards = rows[s.CARD_ID].dropna().unique().tolist()
    votes = _card_votes(rows)
    return len(cards), int(votes.sum()) if len(votes) else 0


def category_of(quadrant: object) -> str:
    """Quadrant → plan category (``grosses_vorhaben`` → ``schwerpunkt``; unrated → ``weitere``)."""
    if quadrant is None or (not isinstance(quadrant, str) and pd.isna(quadrant)):
        return "weitere"
    return _QUADRANT_CATEGORY.get(str(quadrant), "weitere")


_FROM_RATING = (
    s.RANK,
    s.SCORE,
    s.QUADRANT,
    s.IMPACT,
    s.EFFORT,
    s.N_RATERS,
    s.COST_MIN,
    s.COST_MAX,
    s.RESPONSIBLE,
    s.TIMEFRAME,
    s.TARGET_YEAR,
    s.IDEA_IDS,
)


def plan_table(rounds: Sequence[RoundData]) -> pd.DataFrame:
    """The measures of the plan, ready for a document.

    The latest round with a plan status gives the measures; the latest round with ratings
    adds rank, score, quadrant, impact and effort (matched by ``measure_id``) and fills
    anything the plan leaves empty. Without a plan round the rated measures are the plan.

    Returns
    -------
    pandas.DataFrame
        A ``measures`` table plus :data:`N_CARDS`, :data:`N_DOTS`, :data:`CATEGORY` and
        :data:`N_RATED`, sorted by rank (unrated last), then title. Empty when the dialogue
        has neither a plan nor ratings.
    """
    st = stages(rounds)
    base_round = st.plan or st.rated
    if base_round is None:
        return _with_extras(s.empty("measures"), pd.DataFrame(), 0)
    plan = s.conform(base_round.table("measures"), "measures")
    n_rated = 0
    if st.rated is not None:
        rated = s.conform(st.rated.table("measures"), "measures")
        n_rated = int(rated[s.RANK].notna().sum())
        if st.rated is not base_round:
            by_id = rated.set_index(s.MEASURE_ID)
            for col in _FROM_RATING:
                from_rating = plan[s.MEASURE_ID].map(by_id[col])
                if col in (s.RANK, s.SCORE, s.QUADRANT, s.IMPACT, s.EFFORT, s.N_RATERS):
                    plan[col] = from_rating.astype(plan[col].dtype)
                else:
                    plan[col] = plan[col].fillna(from_rating.astype(plan[col].dtype))
    contributions = st.cards.table("contributions") if st.cards else pd.DataFrame()
    return _with_extras(plan, contributions, n_rated)


def _with_extras(plan: pd.DataFrame, contributions: pd.DataFrame, n_rated: int) -> pd.DataFrame:
    out = plan.copy()
    pairs = [origin(v, contributions) for v in out[s.IDEA_IDS]]
    out[N_CARDS] = pd.array([p[0] for p in pairs], dtype="Int64")
    out[N_DOTS] = pd.array([p[1] for p in pairs], dtype="Int64")
    out[CATEGORY] = pd.array([category_of(q) for q in out[s.QUADRANT]], dtype="string")
    out[N_RATED] = pd.array([n_rated] * len(out), dtype="Int64")
    return out.sort_values(
        [s.RANK, s.TITLE, s.MEASURE_ID], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _index_by_idea(measures: pd.DataFrame) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, ids in enumerate(measures[s.IDEA_IDS].tolist() if len(measures) else []):
        for idea in split_ids(ids):
            out.setdefault(idea, []).append(i)
    return out


CARD_COLUMNS: tuple[str, ...] = (
    s.ROUND,
    s.GROUP,
    s.QUESTION,
    s.CARD_ID,
    s.TEXT,
    s.VOTES,
    s.SOURCE_FILE,
    s.SOURCE_CELL,
    "outcome",
    "bundle",
    "bundle_cards",
    "rated_title",
    s.RANK,
    N_RATED,
    "plan_title",
    s.STATUS,
    s.REASON,
    "detail",
)
"""Columns of :func:`card_outcomes`."""


def card_outcomes(rounds: Sequence[RoundData]) -> pd.DataFrame:
    """One row per kick-off card with what became of it.

    A card split into several ideas counts once; its outcome is the best of its ideas (in the
    plan > deferred in the plan > rated > in an Ideenbündel of two or more cards > single idea).
    A measure counts as the card's when one of the card's ideas is among its ``idea_ids``
    (lineage), or — for the plan — when it carries the id of a rated measure linked to the card.

    Returns
    -------
    pandas.DataFrame
        :data:`CARD_COLUMNS`, in the order of the source (group, file, cell): ``text`` is the
        card (its ideas joined with " / "), ``outcome`` a key of :data:`OUTCOMES`, ``detail``
        one plain German sentence saying what became of the card.
    """
    st = stages(rounds)
    if st.cards is None:
        return pd.DataFrame(columns=list(CARD_COLUMNS))
    contributions = st.cards.table("contributions")
    candidates = st.cards.table("measures")
    rated = s.conform(st.rated.table("measures"), "measures") if st.rated else s.empty("measures")
    plan = s.conform(st.plan.table("measures"), "measures") if st.plan else s.empty("measures")
    rated = rated[rated[s.RANK].notna()].reset_index(drop=True)
    n_rated = len(rated)
    cand_by_idea = _index_by_idea(candidates)
    rated_by_idea = _index_by_idea(rated)
    plan_by_idea = _index_by_idea(plan)
    plan_by_id = {m: i for i, m in enumerate(plan[s.MEASURE_ID].tolist())}
    card_of_idea = dict(zip(contributions[s.IDEA_ID], contributions[s.CARD_ID], strict=False))
    rows = []
    order = contributions.reset_index(drop=True)
    for card_id, ideas in order.groupby(s.CARD_ID, sort=False):
        idea_ids = ideas[s.IDEA_ID].tolist()
        row = {
            s.ROUND: st.cards.round_id,
            s.GROUP: ideas[s.GROUP].iloc[0],
            s.QUESTION: ideas[s.QUESTION].iloc[0],
            s.CARD_ID: card_id,
            s.TEXT: " / ".join(str(t) for t in ideas[s.TEXT].tolist()),
            s.VOTES: int(pd.to_numeric(ideas[s.VOTES]).fillna(0).max()),
            s.SOURCE_FILE: ideas[s.SOURCE_FILE].iloc[0],
            s.SOURCE_CELL: ideas[s.SOURCE_CELL].iloc[0],
            "_row": ideas[s.SOURCE_ROW].iloc[0],
            N_RATED: n_rated,
        }
        # Ideenbündel: the candidate cluster with the most cards among the card's ideas
        best_bundle, best_cards = None, 0
        for idea in idea_ids:
            for i in cand_by_idea.get(idea, []):
                ids = split_ids(candidates[s.IDEA_IDS].iloc[i])
                n = len({card_of_idea.get(x, x) for x in ids})
                if n > best_cards:
                    best_bundle, best_cards = candidates[s.TITLE].iloc[i], n
        row["bundle"], row["bundle_cards"] = best_bundle, best_cards
        rated_hits = sorted({i for idea in idea_ids for i in rated_by_idea.get(idea, [])})
        plan_hits = {i for idea in idea_ids for i in plan_by_idea.get(idea, [])}
        for i in rated_hits:
            j = plan_by_id.get(rated[s.MEASURE_ID].iloc[i])
            if j is not None:
                plan_hits.add(j)
        best_rated = min(rated_hits, key=lambda i: int(rated[s.RANK].iloc[i]), default=None)
        if best_rated is not None:
            row["rated_title"] = rated[s.TITLE].iloc[best_rated]
            row[s.RANK] = int(rated[s.RANK].iloc[best_rated])
        active = [j for j in plan_hits if plan[s.STATUS].iloc[j] != "zurueckgestellt"]
        chosen = sorted(active or plan_hits)
        if chosen:
            j = chosen[0]
            row["plan_title"] = plan[s.TITLE].iloc[j]
            row[s.STATUS] = plan[s.STATUS].iloc[j]
            row[s.REASON] = plan[s.REASON].iloc[j]
            row["outcome"] = IN_PLAN if active else DEFERRED
        elif best_rated is not None:
            row["outcome"] = RATED
        elif best_cards >= 2:
            row["outcome"] = BUNDLED
        else:
            row["outcome"] = SINGLE
        row["detail"] = _detail(row, has_rating=st.rated is not None, has_plan=st.plan is not None)
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*CARD_COLUMNS, "_row"])
    out["_q"] = out[s.QUESTION].map({q: i for i, q in enumerate(s.QUESTIONS)}).fillna(99)
    out["_col"] = out[s.SOURCE_CELL].astype("string").str.extract(r"^([A-Z]*)")[0].str.len()
    out = out.sort_values(
        [s.GROUP, "_q", s.SOURCE_FILE, "_row", "_col", s.SOURCE_CELL, s.CARD_ID],
        kind="stable",
        na_position="last",
    )
    return out[list(CARD_COLUMNS)].reset_index(drop=True)


def _present(value: object) -> bool:
    return value is not None and not (not isinstance(value, str) and pd.isna(value)) and value != ""


def _detail(row: dict, *, has_rating: bool, has_plan: bool) -> str:
    """One plain German sentence (or two) on what became of a card."""
    parts: list[str] = []
    if row["bundle_cards"] >= 2:
        others = row["bundle_cards"] - 1
        karte = "Karte" if others == 1 else "Karten"
        parts.append(
            f"Mit {others} weiteren {karte} zum Ideenbündel „{row['bundle']}“ zusammengefasst."
        )
    if _present(row.get("rated_title")):
        parts.append(
            f"Als Maßnahme „{row['rated_title']}“ bewertet: Rang {row[s.RANK]} von {row[N_RATED]}."
        )
    outcome = row["outcome"]
    if outcome in (IN_PLAN, DEFERRED):
        status = STATUS_LABELS.get(str(row[s.STATUS]), "ohne Angabe")
        parts.append(f"Im Maßnahmenplan als „{row['plan_title']}“, Stand: {status}.")
    elif outcome == RATED:
        parts.append(
            "Nicht in den Entwurf des Maßnahmenplans übernommen."
            if has_plan
            else "Über die Aufnahme in den Maßnahmenplan ist noch nicht entschieden."
        )
    elif has_rating:
        parts.append("Wurde (noch) nicht als Maßnahme weiterverfolgt.")
    else:
        parts.append("Die Bewertung der Vorschläge steht noch aus.")
    if _present(row.get(s.REASON)):
        parts.append(f"Begründung: {row[s.REASON]}")
    return " ".join(parts)
