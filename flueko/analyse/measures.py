"""From clusters of ideas to candidate measures: title, field, votes once per card, sources.

:func:`candidate_measures` turns the clusters of :func:`flueko.analyse.clustering.cluster_ideas`
into one candidate measure each (votes counted once per card).
"""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from flueko import schema
from flueko.analyse.similarity import normalise_for_matching
from flueko.ids import measure_id
from flueko.schema import CODING_MEASURE
from flueko.taxonomy import Taxonomy

N_IDEAS = "n_ideas"
N_GROUPS = "n_groups"
GROUPS = "groups"

measure_id_for = measure_id
"""Stable measure id from a title (see :func:`flueko.ids.measure_id`)."""


def _join(values) -> str | None:
    seen: list[str] = []
    for v in values:
        if isinstance(v, str) and v and v not in seen:
            seen.append(v)
    return "; ".join(seen) if seen else None


def card_votes(ideas: pd.DataFrame) -> int | None:
    """Votes of a set of ideas counted once per card (a split card's votes are not repeated)."""
    votes = [None if _missing(v) else int(v) for v in ideas[schema.VOTES].tolist()]
    ids = ideas[schema.IDEA_ID].tolist()
    card = [
        i if _missing(c) else c for c, i in zip(ideas[schema.CARD_ID].tolist(), ids, strict=True)
    ]
    return _card_votes(range(len(ids)), card, votes)


def _missing(value: object) -> bool:
    """True for None, NaN and ``pd.NA`` (scalars only)."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _card_votes(pos, card: list, votes: list) -> int | None:
    """Summed votes of the distinct cards ``card`` of rows ``pos`` (each card: its largest
    known vote); None when no card has a vote."""
    per_card: dict = {}
    for i in pos:
        v = votes[i]
        c = card[i]
        if v is not None and not _missing(c):  # a row without card and idea id: not counted
            old = per_card.get(c)
            if old is None or v > old:
                per_card[c] = v
    return sum(per_card.values()) if per_card else None


_MEASURE_COLUMNS = [
    schema.ROUND,
    schema.MEASURE_ID,
    schema.CLUSTER_ID,
    schema.FIELD,
    schema.TITLE,
    schema.VOTES,
    N_IDEAS,
    N_GROUPS,
    GROUPS,
    schema.IDEA_IDS,
    schema.SOURCE_FILE,
    schema.SOURCE_SHEET,
    schema.SOURCE_CELL,
]
_CANDIDATE_COLUMNS = [c for c in _MEASURE_COLUMNS if c != schema.MEASURE_ID]


def candidate_measures(
    contributions: pd.DataFrame,
    *,
    taxonomy: Taxonomy,
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One candidate measure per cluster of ``contributions`` (needs ``cluster_id``).

    Returns
    -------
    pandas.DataFrame
        ``round``, ``measure_id`` (:func:`measure_id_for` of the title; a second cluster with
        the same title in a round gets ``-2``, ``-3`` …), ``cluster_id``, ``field`` (most
        frequent among the ideas; ties: more votes, then taxonomy order), ``title`` (the
        analyst's measure name if coded, else the idea with most votes, then the most central
        one, then the smallest idea_id), ``votes`` (summed over distinct cards: a split
        card's votes count once per measure it feeds, never once per idea), ``n_ideas``,
        ``n_groups``, ``groups``, ``idea_ids``, ``source_file``, ``source_sheet``,
        ``source_cell`` ("; "-joined, in idea order). Sorted by round, votes (desc), title.
    """
    df = contributions
    order = {k: i for i, k in enumerate(taxonomy.field_keys)}
    manual_title = {}
    if coding is not None and CODING_MEASURE in coding.columns:
        named = coding.dropna(subset=[CODING_MEASURE])
        manual_title = dict(
            zip(named[schema.IDEA_ID].tolist(), named[CODING_MEASURE].tolist(), strict=True)
        )
    # one grouping pass: group numbers in the sorted order of (round, cluster), members in
    # row order; everything per cluster is then plain Python over these lists
    codes = (
        df.groupby([schema.ROUND, schema.CLUSTER_ID], sort=True, dropna=False).ngroup().to_numpy()
        if len(df)
        else np.zeros(0, dtype=np.int64)
    )
    rows_of = np.argsort(codes, kind="stable")
    bounds = [0, *(np.flatnonzero(np.diff(codes[rows_of])) + 1).tolist(), len(df)]
    rows_list = rows_of.tolist()
    col = {
        c: df[c].tolist()
        for c in (
            schema.ROUND,
            schema.CLUSTER_ID,
            schema.FIELD,
            schema.GROUP,
            schema.IDEA_ID,
            schema.SOURCE_FILE,
            schema.SOURCE_SHEET,
            schema.SOURCE_CELL,
        )
    }
    idea_str = df[schema.IDEA_ID].astype(str).tolist()
    texts = df[schema.TEXT].fillna("").astype(str).tolist()
    votes = [None if _missing(v) else int(v) for v in df[schema.VOTES].tolist()]
    card = [
        i if _missing(c) else c
        for c, i in zip(df[schema.CARD_ID].tolist(), col[schema.IDEA_ID], strict=True)
    ]
    data: dict[str, list] = {c: [] for c in _CANDIDATE_COLUMNS}
    fields, groups_of, ideas = col[schema.FIELD], col[schema.GROUP], col[schema.IDEA_ID]
    sources = [
        (data[c], col[c]) for c in (schema.SOURCE_FILE, schema.SOURCE_SHEET, schema.SOURCE_CELL)
    ]
    out_field, out_title, out_votes = data[schema.FIELD], data[schema.TITLE], data[schema.VOTES]
    out_n, out_ng, out_groups = data[N_IDEAS], data[N_GROUPS], data[GROUPS]
    for lo, hi in itertools.pairwise(bounds):
        if lo == hi:
            continue
        pos = rows_list[lo:hi]
        first = pos[0]
        data[schema.ROUND].append(col[schema.ROUND][first])
        data[schema.CLUSTER_ID].append(col[schema.CLUSTER_ID][first])
        out_title.append(_title(pos, ideas, texts, votes, idea_str, manual_title))
        out_n.append(hi - lo)
        if hi - lo == 1:  # a lone idea (most clusters): its own values, as below
            f, g, v = fields[first], groups_of[first], votes[first]
            out_field.append(None if _missing(f) else f)
            out_votes.append(None if v is None or _missing(card[first]) else v)
            out_ng.append(0 if _missing(g) else 1)
            out_groups.append(g if isinstance(g, str) and g else None)
            data[schema.IDEA_IDS].append(idea_str[first])
            for out_col, values in sources:
                x = values[first]
                out_col.append(x if isinstance(x, str) and x else None)
            continue
        out_field.append(_majority_field(pos, fields, votes, order))
        out_votes.append(_card_votes(pos, card, votes))
        groups = [groups_of[i] for i in pos]
        out_ng.append(len({g for g in groups if not _missing(g)}))
        out_groups.append(_join(groups))
        data[schema.IDEA_IDS].append("; ".join(idea_str[i] for i in pos))
        for out_col, values in sources:
            out_col.append(_join(values[i] for i in pos))
    columns = _MEASURE_COLUMNS
    out = pd.DataFrame(data, columns=_CANDIDATE_COLUMNS)
    out[schema.MEASURE_ID] = _unique_ids(out)
    out = out[columns]
    dtypes = {c: schema.STR for c in columns}
    dtypes.update({schema.VOTES: schema.INT, N_IDEAS: schema.INT, N_GROUPS: schema.INT})
    out = out.astype(dtypes)
    out = out.sort_values(
        [schema.ROUND, schema.VOTES, schema.TITLE],
        ascending=[True, False, True],
        na_position="last",
        kind="stable",
    )
    return out.reset_index(drop=True)


def _unique_ids(measures: pd.DataFrame) -> list[str]:
    ids: list[str] = []
    used: Counter = Counter()
    ordered = measures.sort_values([schema.ROUND, schema.CLUSTER_ID], kind="stable")
    by_pos = {}
    for pos, (r, title) in zip(
        ordered.index, zip(ordered[schema.ROUND], ordered[schema.TITLE], strict=True), strict=True
    ):
        base = measure_id_for(title)
        used[(r, base)] += 1
        k = used[(r, base)]
        by_pos[pos] = base if k == 1 else f"{base}-{k}"
    for pos in measures.index:
        ids.append(by_pos[pos])
    return ids


def _title(
    pos: list[int],
    ideas: list,
    texts: list[str],
    votes: list[int | None],
    idea_str: list[str],
    manual_title: dict,
) -> str:
    """The analyst's name of the first coded idea of rows ``pos``, else the text with most
    votes, then the most central one (summed ``token_sort_ratio`` with all ideas of the
    cluster), then the smallest idea_id."""
    if manual_title:
        for i in pos:
            name = manual_title.get(ideas[i])
            if isinstance(name, str) and name.strip():
                return " ".join(name.split())
    if len(pos) == 1:
        return texts[pos[0]]
    rank = [-1 if votes[i] is None else votes[i] for i in pos]
    top = max(rank)
    tied = [k for k, r in enumerate(rank) if r == top]
    if len(tied) == 1:  # most votes decides; centrality only breaks ties
        return texts[pos[tied[0]]]
    # token_sort_ratio of normalised texts = ratio of their word-sorted forms
    words = [" ".join(sorted(normalise_for_matching(texts[i]).split())) for i in pos]
    central = _centrality([words[k] for k in tied], words)
    best = min(range(len(tied)), key=lambda t: (-central[t], idea_str[pos[tied[t]]]))
    return texts[pos[tied[best]]]


SIMD_MAX_LEN = 64
"""rapidfuzz compares many strings of at most this length at once (SIMD): ~5× faster."""
CENTRALITY_CELLS = 16_000_000
"""Largest score matrix :func:`_centrality` builds at once (bytes)."""
PARALLEL_CELLS = 1_000_000
"""Smallest ``cdist`` run on all cores: for fewer cells starting the threads costs more."""


def _centrality(rows: list[str], cols: list[str]) -> list[int]:
    """Per row string the sum of its ``ratio`` scores (0-100, as ``cdist`` with ``uint8``
    gives them) with every one of ``cols`` — without an n×n matrix.

    Equal strings are scored once and weighted by their count; each block of the matrix is
    computed with its short strings (≤ :data:`SIMD_MAX_LEN`) as the queries.
    """
    uniq_rows = list(dict.fromkeys(rows))
    count = Counter(cols)
    uniq_cols = list(count)
    weight = np.array([count[c] for c in uniq_cols], dtype=np.int64)
    total = np.zeros(len(uniq_rows), dtype=np.int64)

    def split(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
        short = np.array([len(x) <= SIMD_MAX_LEN for x in strings], dtype=bool)
        return np.flatnonzero(short), np.flatnonzero(~short)

    row_parts, col_parts = split(uniq_rows), split(uniq_cols)
    for r_short, r_idx in zip((True, False), row_parts, strict=True):
        for c_short, c_idx in zip((True, False), col_parts, strict=True):
            if not len(r_idx) or not len(c_idx):
                continue
            r_str = [uniq_rows[i] for i in r_idx.tolist()]
            c_str = [uniq_cols[i] for i in c_idx.tolist()]
            w = weight[c_idx]
            transpose = c_short and not r_short  # queries: the side SIMD can take
            queries = c_str if transpose else r_str
            choices = r_str if transpose else c_str
            step = max(1, CENTRALITY_CELLS // len(choices))
            for lo in range(0, len(queries), step):
                block = queries[lo : lo + step]
                workers = -1 if len(block) * len(choices) >= PARALLEL_CELLS else 1
                m = process.cdist(
                    block, choices, scorer=fuzz.ratio, dtype=np.uint8, workers=workers
                )
                if transpose:  # m: cols × rows
                    total[r_idx] += _weighted_sum(m, w[lo : lo + step], axis=0)
                else:
                    total[r_idx[lo : lo + step]] += _weighted_sum(m, w, axis=1)
    by_row = dict(zip(uniq_rows, total.tolist(), strict=True))
    return [by_row[x] for x in rows]


def _weighted_sum(m: np.ndarray, weight: np.ndarray, *, axis: int) -> np.ndarray:
    """Sum of ``m`` along ``axis``, each entry times the ``weight`` of its position there."""
    if (weight == 1).all():
        return m.sum(axis=axis, dtype=np.int64)
    shape = (-1, 1) if axis == 0 else (1, -1)
    return (m * weight.reshape(shape)).sum(axis=axis, dtype=np.int64)


def _majority_field(
    pos: list[int], fields: list, votes: list[int | None], order: dict[str, int]
) -> str | None:
    """Most frequent field of rows ``pos``; ties: more votes, taxonomy order, key."""
    counts: Counter = Counter()
    per_field: Counter = Counter()
    for i in pos:
        f = fields[i]
        if _missing(f):
            continue
        counts[f] += 1
        if isinstance(f, str) and votes[i] is not None:
            per_field[f] += votes[i]
    if not counts:
        return None
    return min(counts, key=lambda f: (-counts[f], -per_field[f], order.get(f, len(order)), f))
