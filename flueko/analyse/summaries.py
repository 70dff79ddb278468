"""Small summaries of the contributions table for the report (pure functions)."""

from __future__ import annotations

import pandas as pd

from flueko import schema as s


def card_votes(contributions: pd.DataFrame) -> pd.DataFrame:
    """One row per card with its votes — a card split into several ideas counts once."""
    cols = [s.CARD_ID, s.GROUP, s.QUESTION, s.FIELD, s.VOTES]
    return contributions[cols].drop_duplicates(subset=[s.CARD_ID]).reset_index(drop=True)


def counts_by_field_question(
    contributions: pd.DataFrame, *, fields: list[str], questions: list[str]
) -> pd.DataFrame:
    """Ideas per Handlungsfeld (rows) × Leitfrage (columns, "ohne" for missing), all keys kept."""
    q = contributions[s.QUESTION].astype("string").fillna("ohne")
    table = pd.crosstab(contributions[s.FIELD].astype("string"), q)
    cols = [*questions, "ohne"]
    table = table.reindex(index=fields, columns=cols, fill_value=0)
    if table["ohne"].sum() == 0:
        table = table.drop(columns="ohne")
    return table.astype("int64")


def totals(contributions: pd.DataFrame) -> dict[str, int]:
    """Key figures: ideas, cards, groups, votes (each card's votes counted once)."""
    cards = card_votes(contributions)
    return {
        "ideas": len(contributions),
        "cards": len(cards),
        "groups": int(contributions[s.GROUP].nunique()),
        "votes": int(cards[s.VOTES].fillna(0).sum()),
    }


def top_ideas(contributions: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` cards with most votes (ties by group and text), one row per card.

    A card split into several ideas appears once with its texts joined by " · ".
    """
    if contributions.empty:
        return contributions.head(0)
    grouped = (
        contributions.groupby(s.CARD_ID, sort=False)
        .agg(
            **{
                s.GROUP: (s.GROUP, "first"),
                s.QUESTION: (s.QUESTION, "first"),
                s.FIELD: (s.FIELD, "first"),
                s.VOTES: (s.VOTES, "first"),
                s.TEXT: (s.TEXT, lambda t: " · ".join(map(str, t))),
                s.SOURCE_FILE: (s.SOURCE_FILE, "first"),
                s.SOURCE_SHEET: (s.SOURCE_SHEET, "first"),
                s.SOURCE_CELL: (s.SOURCE_CELL, "first"),
            }
        )
        .reset_index()
    )
    grouped = grouped[grouped[s.VOTES].fillna(0) > 0]
    return (
        grouped.sort_values([s.VOTES, s.GROUP, s.TEXT], ascending=[False, True, True])
        .head(n)
        .reset_index(drop=True)
    )


def log_overview(log: pd.DataFrame) -> pd.DataFrame:
    """Ingest log entries per severity and code, most frequent first."""
    if log.empty:
        return pd.DataFrame({s.LOG_SEVERITY: [], s.LOG_CODE: [], "n": []})
    return (
        log.groupby([s.LOG_SEVERITY, s.LOG_CODE])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["n", s.LOG_CODE], ascending=[False, True])
        .reset_index(drop=True)
    )


def cards_per_measure(measures: pd.DataFrame, contributions: pd.DataFrame) -> pd.Series:
    """Distinct cards behind each measure (its ``idea_ids``), aligned with ``measures``.

    Two ideas split from the same card count as one card: an Ideenbündel needs two or more.
    """
    card_of = dict(zip(contributions[s.IDEA_ID], contributions[s.CARD_ID], strict=False))
    counts = [
        len({card_of.get(i.strip(), i.strip()) for i in str(ids).split(";") if i.strip()})
        if isinstance(ids, str)
        else 0
        for ids in measures[s.IDEA_IDS].astype(object).where(measures[s.IDEA_IDS].notna(), None)
    ]
    return pd.Series(counts, index=measures.index, dtype="int64")
