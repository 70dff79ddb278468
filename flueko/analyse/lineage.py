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
from flueko.analyse.lineage_match import Matcher
from flueko.analyse.similarity import (
    STEM_OVERLAP,
    normalise_for_matching,
    scorer_for,
    stem_overlap_matrix,
)

LINEAGE_MEASURE_ID = "lineage_measure_id"
LINEAGE_SCORE = "lineage_score"
LINK_COLUMNS = (schema.MEASURE_ID, schema.TITLE, schema.IDEA_ID, LINEAGE_SCORE)
"""Columns of :func:`lineage_links`: one row per measure × linked idea."""
FUZZY_SURE = 85
"""The round's similarity scorer counts from this score on: below it, letters alike say
little about a short card and a long title (the containment decides)."""


def _sources(
    candidates: pd.DataFrame, contributions: pd.DataFrame | None
) -> tuple[list[str], list[list[str]], list[str]]:
    """Texts to match, the idea ids each stands for and the candidate each belongs to: every
    idea's own text, and each candidate's title (standing for all ideas of its cluster)."""
    texts: list[str] = []
    owners: list[list[str]] = []
    cand_of: list[str] = []
    cand = candidates.reset_index(drop=True)
    cand_by_idea: dict[str, str] = {}
    with_ideas = contributions is not None and len(contributions) > 0
    for mid, title, ids in zip(
        cand[schema.MEASURE_ID].astype(str), cand[schema.TITLE], cand[schema.IDEA_IDS], strict=True
    ):
        ideas = [i for i in str(ids).split("; ") if i] if isinstance(ids, str) else []
        for i in ideas:
            cand_by_idea.setdefault(i, mid)
        if with_ideas:
            continue
        texts.append(str(title) if isinstance(title, str) else "")
        owners.append(ideas)
        cand_of.append(mid)
    if contributions is not None and len(contributions):
        for idea, text in zip(
            contributions[schema.IDEA_ID].astype(str), contributions[schema.TEXT], strict=True
        ):
            texts.append(str(text) if isinstance(text, str) else "")
            owners.append([idea])
            cand_of.append(cand_by_idea.get(idea, ""))
    return texts, owners, cand_of


def _fuzzy_matrix(titles: list[str], texts: list[str], score) -> np.ndarray:
    queries = [normalise_for_matching(t) for t in titles]
    choices = [normalise_for_matching(t) for t in texts]
    if not queries or not choices:
        return np.zeros((len(queries), len(choices)))
    if score == STEM_OVERLAP:
        fuzzy = process.cdist(queries, choices, scorer=fuzz.token_sort_ratio, dtype=np.uint8)
        stem = stem_overlap_matrix(queries, choices)
        return np.maximum(fuzzy, stem.astype(np.uint8)).astype(float)
    return process.cdist(queries, choices, scorer=score, dtype=np.uint8).astype(float)


def lineage_links(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    threshold: float = 40,
    margin: float = 1.0,
    scorer: str | Callable = STEM_OVERLAP,
    contributions: pd.DataFrame | None = None,
    taxonomy=None,
) -> pd.DataFrame:
    """Every link of a later measure to an earlier idea, with its score (0–100).

    Each earlier text — every idea's own text (``contributions``) and every candidate's title
    (standing for all ideas of its cluster) — is scored against every later title: the larger
    of the German-aware containment (:class:`~flueko.analyse.lineage_match.Matcher`: how much
    of the short card the long title contains; stems, compound parts, abbreviations, the
    taxonomy's keywords and actor synonyms) and the round's similarity ``scorer``. A text is
    linked to every title scoring at least ``threshold`` and at least ``margin`` × its best
    title, so one measure can come from several cards and clusters, and a card feeding two
    measures links to both only when they fit it about equally well.

    Returns
    -------
    pandas.DataFrame
        :data:`LINK_COLUMNS` (``measure_id`` missing when the later table has none), sorted
        by measure then score (best first); an idea appears once per measure.
    """
    titles = [str(t) if isinstance(t, str) else "" for t in measures_later[schema.TITLE]]
    texts, owners, _cand = _sources(candidates_earlier, contributions)
    if not titles or not texts:
        return pd.DataFrame({c: pd.Series(dtype=schema.STR) for c in LINK_COLUMNS}).astype(
            {LINEAGE_SCORE: schema.INT}
        )
    synonyms, stems = [], []
    if taxonomy is not None:
        synonyms = [[a.label, *a.synonyms] for a in taxonomy.actors]
        stems = [k.strip("^$!") for f in taxonomy.fields for k in f.keywords]
    matcher = Matcher(texts + titles, synonyms=synonyms, stems=stems)
    fuzzy = _fuzzy_matrix(titles, texts, scorer_for(scorer)).T
    scores = np.maximum(matcher.matrix(texts, titles), np.where(fuzzy >= FUZZY_SURE, fuzzy, 0))
    best = scores.max(axis=1, initial=0.0)
    mids = (
        measures_later[schema.MEASURE_ID].tolist()
        if schema.MEASURE_ID in measures_later.columns
        else [pd.NA] * len(titles)
    )
    found: dict[tuple[int, str], float] = {}
    for r, c in zip(*np.nonzero(scores >= threshold), strict=True):
        if scores[r, c] < margin * best[r] or not titles[c].strip():
            continue
        for idea in owners[r]:
            found[c, idea] = max(found.get((c, idea), 0.0), float(scores[r, c]))
    rows = [
        (mids[c], titles[c], idea, round(sc))
        for (c, idea), sc in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
    ]
    out = pd.DataFrame(rows, columns=list(LINK_COLUMNS))
    return out.astype({c: schema.STR for c in LINK_COLUMNS[:3]} | {LINEAGE_SCORE: schema.INT})


def link_lineage(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    threshold: float = 40,
    margin: float = 1.0,
    scorer: str | Callable = STEM_OVERLAP,
    contributions: pd.DataFrame | None = None,
    taxonomy=None,
) -> pd.DataFrame:
    """Link measures of a later round (rating sheet, plan) to the ideas they came from.

    The links of :func:`lineage_links` (same options; defaults: ``consolidate.lineage_*`` and
    ``consolidate.scorer`` of ``params.yaml``).

    Returns
    -------
    pandas.DataFrame
        A copy of ``measures_later`` with ``idea_ids`` (the linked ideas, "; "-joined in the
        order of the earlier round; an existing value is kept), ``lineage_measure_id`` (the
        earlier candidates they belong to, "; "-joined) and ``lineage_score`` (the best link's
        score; missing when nothing matched).
    """
    out = measures_later.copy()
    links = lineage_links(
        out.assign(**{schema.MEASURE_ID: [str(i) for i in range(len(out))]}),
        candidates_earlier,
        threshold=threshold,
        margin=margin,
        scorer=scorer,
        contributions=contributions,
        taxonomy=taxonomy,
    )
    order: dict[str, int] = {}
    cand_of: dict[str, str] = {}
    if contributions is not None and len(contributions):
        order = {i: k for k, i in enumerate(contributions[schema.IDEA_ID].astype(str))}
    for mid, ids in zip(
        candidates_earlier[schema.MEASURE_ID].astype(str),
        candidates_earlier[schema.IDEA_IDS],
        strict=True,
    ):
        for i in str(ids).split("; ") if isinstance(ids, str) else []:
            cand_of.setdefault(i, mid)
            order.setdefault(i, len(order))
    ids_of: list = [pd.NA] * len(out)
    cands: list = [pd.NA] * len(out)
    best: list = [pd.NA] * len(out)
    for pos, group in links.groupby(schema.MEASURE_ID, sort=False):
        k = int(pos)
        ideas = sorted(group[schema.IDEA_ID], key=lambda i: (order.get(i, len(order)), i))
        ids_of[k] = "; ".join(ideas)
        cands[k] = "; ".join(dict.fromkeys(cand_of[i] for i in ideas if i in cand_of)) or pd.NA
        best[k] = int(group[LINEAGE_SCORE].max())
    linked = pd.Series(ids_of, index=out.index, dtype=schema.STR)
    if schema.IDEA_IDS in out.columns:
        existing = out[schema.IDEA_IDS].astype(schema.STR)
        out[schema.IDEA_IDS] = existing.where(existing.notna() & (existing != ""), linked)
    else:
        out[schema.IDEA_IDS] = linked
    out[LINEAGE_MEASURE_ID] = pd.array(cands, dtype=schema.STR)
    out[LINEAGE_SCORE] = pd.array(best, dtype=schema.INT)
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
