"""Lineage: the measures named in later rounds traced back to the ideas and cells they came from.

:func:`link_lineage` links a later round's measures (rating sheet, plan) to an earlier round's
candidate measures; :func:`trace` lists the ideas behind a measure.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from flueko import schema
from flueko.analyse.similarity import (
    STEM_OVERLAP,
    normalise_for_matching,
    scorer_for,
    stem_overlap_matrix,
)

LINEAGE_MEASURE_ID = "lineage_measure_id"
LINEAGE_SCORE = "lineage_score"


def link_lineage(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    threshold: float = 75,
    scorer: str | Callable = STEM_OVERLAP,
    contributions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Link measures of a later round (rating sheet, plan) to the candidates they came from.

    Each later measure's title is compared (normalised, ``scorer``) with every earlier
    candidate's title and — when ``contributions`` is given — with the texts of the candidate's
    ideas; the best candidate at or above ``threshold`` wins (ties: more votes, then
    measure_id). Defaults: ``consolidate.lineage_threshold`` and ``consolidate.scorer`` of
    ``params.yaml``.

    Returns
    -------
    pandas.DataFrame
        A copy of ``measures_later`` with ``idea_ids`` filled from the linked candidate (an
        existing value is kept), ``lineage_measure_id`` and ``lineage_score`` (missing when
        nothing matched).
    """
    out = measures_later.copy()
    score = scorer_for(scorer)
    cand = candidates_earlier.reset_index(drop=True)
    choice_text: list[str] = []
    choice_owner: list[int] = []
    for k, title in enumerate(cand[schema.TITLE].tolist()):
        choice_text.append(normalise_for_matching(title))
        choice_owner.append(k)
    if contributions is not None and len(contributions):
        text_of = dict(
            zip(
                contributions[schema.IDEA_ID].astype(str).tolist(),
                contributions[schema.TEXT].tolist(),
                strict=True,
            )
        )
        for k, idea_ids in enumerate(cand[schema.IDEA_IDS].tolist()):
            for idea in str(idea_ids).split("; ") if isinstance(idea_ids, str) else []:
                if idea in text_of:
                    choice_text.append(normalise_for_matching(text_of[idea]))
                    choice_owner.append(k)
    votes = [
        int(v) if not pd.isna(v) else -1
        for v in cand.get(schema.VOTES, pd.Series([pd.NA] * len(cand))).tolist()
    ]
    linked_ids, linked_mid, linked_score = [], [], []
    queries = [normalise_for_matching(t) for t in out[schema.TITLE].tolist()]
    if queries and choice_text and score == STEM_OVERLAP:
        fuzzy = process.cdist(queries, choice_text, scorer=fuzz.token_sort_ratio, dtype=np.uint8)
        stem = stem_overlap_matrix(queries, choice_text)
        matrix = np.maximum(fuzzy, stem.astype(np.uint8))
    elif queries and choice_text:
        matrix = process.cdist(queries, choice_text, scorer=score, dtype=np.uint8)
    else:
        matrix = np.zeros((len(queries), 0), dtype=np.uint8)
    for q in range(len(queries)):
        best: dict[int, int] = {}
        for c in np.nonzero(matrix[q] >= threshold)[0].tolist():
            k = choice_owner[c]
            best[k] = max(best.get(k, 0), int(matrix[q, c]))
        if not best or not queries[q]:
            linked_ids.append(pd.NA)
            linked_mid.append(pd.NA)
            linked_score.append(pd.NA)
            continue
        k = min(best, key=lambda k: (-best[k], -votes[k], str(cand[schema.MEASURE_ID][k])))
        linked_ids.append(cand[schema.IDEA_IDS][k])
        linked_mid.append(cand[schema.MEASURE_ID][k])
        linked_score.append(best[k])
    linked = pd.Series(linked_ids, index=out.index, dtype=schema.STR)
    if schema.IDEA_IDS in out.columns:
        existing = out[schema.IDEA_IDS].astype(schema.STR)
        out[schema.IDEA_IDS] = existing.where(existing.notna() & (existing != ""), linked)
    else:
        out[schema.IDEA_IDS] = linked
    out[LINEAGE_MEASURE_ID] = pd.array(linked_mid, dtype=schema.STR)
    out[LINEAGE_SCORE] = pd.array(linked_score, dtype=schema.INT)
    return out


def trace(measure_idea_ids: str, contributions: pd.DataFrame) -> pd.DataFrame:
    """The ideas (with file, sheet, row and cell) behind a measure's "; "-joined idea_ids."""
    wanted = [i for i in str(measure_idea_ids).split("; ") if i]
    cols = [
        schema.IDEA_ID,
        schema.CARD_ID,
        schema.TEXT,
        schema.SOURCE_FILE,
        schema.SOURCE_SHEET,
        schema.SOURCE_ROW,
        schema.SOURCE_CELL,
    ]
    hit = contributions[contributions[schema.IDEA_ID].isin(wanted)]
    pos = {k: i for i, k in enumerate(wanted)}
    hit = hit.assign(_o=hit[schema.IDEA_ID].map(pos)).sort_values("_o")
    return hit[[c for c in cols if c in hit.columns]].reset_index(drop=True)
