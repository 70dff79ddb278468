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
from flueko.analyse.lineage_corrections import (
    AMBIGUOUS,
    AUTOMATIC,
    LINEAGE_SCORE,
    LINK_COLUMNS,
    LINKED,
    MANUAL,
    NEAR_MISS,
    UNCERTAIN,
)
from flueko.analyse.lineage_match import Matcher
from flueko.analyse.similarity import (
    STEM_OVERLAP,
    normalise_for_matching,
    scorer_for,
    stem_overlap_matrix,
)

LINEAGE_MEASURE_ID = "lineage_measure_id"
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


def lineage_scores(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    scorer: str | Callable = STEM_OVERLAP,
    contributions: pd.DataFrame | None = None,
    taxonomy=None,
) -> tuple[list[str], list[list[str]], np.ndarray]:
    """The scores :func:`lineage_links` links by (same options).

    Returns
    -------
    titles, owners, scores
        The later titles, per earlier text the idea ids it stands for, and the scores (0–100)
        of every earlier text (rows) against every title (columns); empty when either side is.
    """
    titles = [str(t) if isinstance(t, str) else "" for t in measures_later[schema.TITLE]]
    texts, owners, _cand = _sources(candidates_earlier, contributions)
    if not titles or not texts:
        return titles, owners, np.zeros((0, 0))
    synonyms, stems, concepts = [], [], []
    if taxonomy is not None:
        synonyms = [[a.label, *a.synonyms] for a in taxonomy.actors]
        stems = [k.strip("^$!") for f in taxonomy.fields for k in f.keywords]
        concepts = [list(c.synonyms) for c in taxonomy.concepts]
    matcher = Matcher(texts + titles, synonyms=synonyms, stems=stems, concepts=concepts)
    fuzzy = _fuzzy_matrix(titles, texts, scorer_for(scorer)).T
    scores = np.maximum(matcher.matrix(texts, titles), np.where(fuzzy >= FUZZY_SURE, fuzzy, 0))
    scores[:, [not t.strip() for t in titles]] = 0
    if taxonomy is not None and contributions is not None and len(contributions):
        scores *= _field_factors(contributions, measures_later, titles, taxonomy)
    return titles, owners, scores


def lineage_links(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    threshold: float = 35,
    margin: float = 1.0,
    scorer: str | Callable = STEM_OVERLAP,
    contributions: pd.DataFrame | None = None,
    taxonomy=None,
    near: float = 0,
    gap: float = 5,
) -> pd.DataFrame:
    """Every link of a later measure to an earlier idea, with its score (0–100).

    Each earlier text — every idea's own text (``contributions``; without them every
    candidate's title, standing for all ideas of its cluster) — is scored against every later
    title: the larger of the German-aware containment
    (:class:`~flueko.analyse.lineage_match.Matcher`: how much of the short card the long title
    contains; stems, compound parts, abbreviations, the taxonomy's keywords and actor synonyms)
    and the round's similarity ``scorer`` where it is sure (:data:`FUZZY_SURE`). A text is
    linked to every title scoring at least ``threshold`` and at least ``margin`` × its best
    title, so one measure can come from several cards and clusters — but below
    ``threshold + near`` only when its best title is at least ``gap`` points ahead of the
    runner-up (else neither is linked: :data:`AMBIGUOUS` for the analyst). With ``near`` > 0 the
    titles a text scores at least ``threshold - near`` and within ``near`` of its best on — its
    best :data:`SUGGESTIONS` — are listed too when not linked (``linked`` false): near misses,
    candidates for the analyst to pin or leave.

    Returns
    -------
    pandas.DataFrame
        :data:`LINK_COLUMNS` (``measure_id`` missing when the later table has none) and
        ``linked``, sorted by measure, then score (best first); an idea appears once per
        measure.
    """
    titles, owners, scores = lineage_scores(
        measures_later,
        candidates_earlier,
        scorer=scorer,
        contributions=contributions,
        taxonomy=taxonomy,
    )
    if not scores.size:
        return _links_frame([])
    best = scores.max(axis=1, initial=0.0)
    mids = (
        measures_later[schema.MEASURE_ID].tolist()
        if schema.MEASURE_ID in measures_later.columns
        else [pd.NA] * len(titles)
    )
    found: dict[tuple[int, str], tuple[float, bool]] = {}
    low = threshold - near if near > 0 else threshold
    # the analyst's candidates: the titles a text scores within ``near`` of its best
    ranked = np.sort(scores, axis=1)
    runner_up = ranked[:, -SUGGESTIONS:][:, 0] if scores.shape[1] else best
    second = ranked[:, -2] if scores.shape[1] > 1 else np.zeros_like(best)
    clear = (best - second >= gap) | (best >= threshold + near)
    for r, c in zip(*np.nonzero(scores >= low), strict=True):
        sc = float(scores[r, c])
        linked = sc >= threshold and sc >= margin * best[r] and bool(clear[r])
        if not linked and (sc < best[r] - near or sc < runner_up[r]):
            continue  # a near miss: a text's best few titles, close to its best
        for idea in owners[r]:
            old = found.get((c, idea))
            if old is None or (linked, sc) > (old[1], old[0]):
                found[c, idea] = (sc, linked)
    rows = [
        (mids[c], titles[c], idea, int(sc), linked)
        for (c, idea), (sc, linked) in sorted(
            found.items(), key=lambda kv: (kv[0][0], -kv[1][0], kv[0][1])
        )
    ]
    return _links_frame(rows)


SUGGESTIONS = 3
"""Most titles listed per card for the analyst (its links and near misses together)."""
OTHER_FIELD = 0.7
"""Score factor of a card and a measure in different Handlungsfelder (neither "sonstiges"):
a card of the AK Wohnen rarely led to a measure of the Bildung field."""


def _field_factors(
    contributions: pd.DataFrame, measures: pd.DataFrame, titles: list[str], taxonomy
) -> np.ndarray:
    """Ideas × titles: :data:`OTHER_FIELD` where their Handlungsfelder differ, else 1. A
    measure's field is the one named in its sheet, else the keyword rules on its title."""
    from flueko.analyse.categorise import classify_text
    from flueko.taxonomy_match import field_for_group

    raw = measures[schema.FIELD].tolist() if schema.FIELD in measures.columns else []
    raw = raw or [None] * len(titles)
    fields = []
    for given, title in zip(raw, titles, strict=True):
        key = None
        if isinstance(given, str) and given.strip():
            key = given if given in taxonomy.field_keys else field_for_group(given, taxonomy)
        fields.append(key or classify_text(title, None, taxonomy)[0])
    own = contributions[schema.FIELD].astype(object).where(contributions[schema.FIELD].notna())
    a = np.array([f if isinstance(f, str) else "" for f in own], dtype=object)[:, None]
    b = np.array(fields, dtype=object)[None, :]
    known = (a != "") & (a != "sonstiges") & (b != "sonstiges")
    return np.where(known & (a != b), OTHER_FIELD, 1.0)


def _links_frame(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=[*LINK_COLUMNS, LINKED])
    return out.astype(
        {c: schema.STR for c in LINK_COLUMNS[:3]} | {LINEAGE_SCORE: schema.INT, LINKED: bool}
    )


def link_lineage(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    threshold: float = 35,
    margin: float = 1.0,
    scorer: str | Callable = STEM_OVERLAP,
    contributions: pd.DataFrame | None = None,
    taxonomy=None,
    gap: float = 5,
) -> pd.DataFrame:
    """Link measures of a later round (rating sheet, plan) to the ideas they came from.

    The links of :func:`lineage_links` (same options; defaults: ``consolidate.lineage_*`` and
    ``consolidate.scorer`` of ``params.yaml``), applied by :func:`apply_links`.
    """
    positional = measures_later.assign(
        **{schema.MEASURE_ID: [str(i) for i in range(len(measures_later))]}
    )
    links = lineage_links(
        positional,
        candidates_earlier,
        threshold=threshold,
        margin=margin,
        scorer=scorer,
        contributions=contributions,
        taxonomy=taxonomy,
        gap=gap,
    )
    out = apply_links(positional, links, candidates_earlier, contributions=contributions)
    if schema.MEASURE_ID in measures_later.columns:
        out[schema.MEASURE_ID] = measures_later[schema.MEASURE_ID].to_numpy()
    else:
        out = out.drop(columns=[schema.MEASURE_ID])
    return out


def apply_links(
    measures: pd.DataFrame,
    links: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    contributions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``measures`` with the ideas of their links (``linked`` rows of :func:`lineage_links`,
    matched by ``measure_id``).

    Returns
    -------
    pandas.DataFrame
        A copy with ``idea_ids`` (the linked ideas, "; "-joined in the order of the earlier
        round; an existing value is kept), ``lineage_measure_id`` (the earlier candidates they
        belong to, "; "-joined) and ``lineage_score`` (the best link's score; missing when
        nothing matched or the links were set by hand).
    """
    out = measures.copy()
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
    used = links[links[LINKED]] if LINKED in links.columns else links
    by_measure = {str(k): g for k, g in used.groupby(schema.MEASURE_ID, sort=False)}
    ids_of: list = []
    cands: list = []
    best: list = []
    for mid in out[schema.MEASURE_ID].astype(str):
        group = by_measure.get(mid)
        if group is None or group.empty:
            ids_of.append(pd.NA)
            cands.append(pd.NA)
            best.append(pd.NA)
            continue
        ideas = sorted(set(group[schema.IDEA_ID]), key=lambda i: (order.get(i, len(order)), i))
        ids_of.append("; ".join(ideas))
        cands.append("; ".join(dict.fromkeys(cand_of[i] for i in ideas if i in cand_of)) or pd.NA)
        score = group[LINEAGE_SCORE].max()
        best.append(pd.NA if pd.isna(score) else int(score))
    linked = pd.Series(ids_of, index=out.index, dtype=schema.STR)
    if schema.IDEA_IDS in out.columns:
        existing = out[schema.IDEA_IDS].astype(schema.STR)
        out[schema.IDEA_IDS] = existing.where(existing.notna() & (existing != ""), linked)
    else:
        out[schema.IDEA_IDS] = linked
    out[LINEAGE_MEASURE_ID] = pd.array(cands, dtype=schema.STR)
    out[LINEAGE_SCORE] = pd.array(best, dtype=schema.INT)
    return out


def lineage_table(
    links: pd.DataFrame, contributions: pd.DataFrame, *, threshold: float, band: float
) -> pd.DataFrame:
    """The links for the analyst (``extra_lineage.csv``): one row per measure × idea with the
    card's working group, text and votes, score, basis and ``status`` — :data:`UNCERTAIN` for an
    automatic link below ``threshold + band``, :data:`AMBIGUOUS` for a measure that reached the
    threshold but was not linked (too close to another), :data:`NEAR_MISS` for a candidate
    below the threshold, else :data:`AUTOMATIC` or :data:`MANUAL`."""
    basis = links["basis"] if "basis" in links.columns else AUTOMATIC
    df = links.assign(basis=basis)
    status = np.where(
        df["basis"] == MANUAL,
        MANUAL,
        np.where(
            ~df[LINKED].astype(bool),
            np.where(
                (df[LINEAGE_SCORE].astype("Float64") >= threshold).fillna(False),
                AMBIGUOUS,
                NEAR_MISS,
            ),
            np.where(
                (df[LINEAGE_SCORE].astype("Float64") < threshold + band).fillna(False),
                UNCERTAIN,
                AUTOMATIC,
            ),
        ),
    )
    df = df.assign(status=status)
    cards = contributions[[schema.IDEA_ID, schema.GROUP, schema.TEXT]].astype(schema.STR)
    cards = cards.assign(**{schema.VOTES: contributions[schema.VOTES].astype(schema.INT)})
    df = df.merge(cards, on=schema.IDEA_ID, how="left")
    cols = [*LINK_COLUMNS, "status", schema.GROUP, schema.TEXT, schema.VOTES]
    return df[cols].reset_index(drop=True)


def unlinked_cards(links: pd.DataFrame, contributions: pd.DataFrame) -> pd.DataFrame:
    """The earlier round's cards that no measure is linked to, most votes first (then in card
    order): ideas the lineage may have missed, the popular ones on top, for the analyst.

    Returns
    -------
    pandas.DataFrame
        ``idea_id``, ``group``, ``text``, ``votes``.
    """
    cols = [schema.IDEA_ID, schema.GROUP, schema.TEXT, schema.VOTES]
    linked = set(links.loc[links[LINKED].astype(bool), schema.IDEA_ID].astype(str))
    cards = contributions[cols].reset_index(drop=True)
    votes = cards[schema.VOTES].astype("Float64").fillna(0)
    keep = ~cards[schema.IDEA_ID].astype(str).isin(linked)
    order = (-votes[keep]).sort_values(kind="stable").index
    return cards.loc[order].reset_index(drop=True)


def uncertain_links(table: pd.DataFrame, *, n: int = 20) -> pd.DataFrame:
    """The rows of :func:`lineage_table` the analyst should look at: uncertain links (lowest
    score first), then ambiguous candidates and near misses (highest score first)."""
    if table is None or table.empty or "status" not in table.columns:
        return pd.DataFrame(columns=list(table.columns) if table is not None else [])
    weak = table[table["status"] == UNCERTAIN].sort_values(
        [LINEAGE_SCORE, schema.MEASURE_ID, schema.IDEA_ID], kind="stable"
    )
    near = table[table["status"].isin([AMBIGUOUS, NEAR_MISS])].sort_values(
        [LINEAGE_SCORE, schema.MEASURE_ID, schema.IDEA_ID],
        ascending=[False, True, True],
        kind="stable",
    )
    return pd.concat([weak, near]).head(n)


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
