"""Near-duplicate clustering of a round's ideas, overridden by the analyst's coding.

Ideas of one round whose normalised texts are similar (``scorer`` ≥ ``threshold``, see
:mod:`flueko.analyse.similarity`) form a cluster; every idea gets a ``cluster_id`` (a lone idea
is a cluster of one). Clusters are the connected components (union-find) of the pairs
:func:`~flueko.analyse.similarity.similar_pairs` finds. The analyst's "Maßnahme" column of the
coding overrides the automatic clusters.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

import numpy as np
import pandas as pd

from flueko import schema
from flueko.analyse.similarity import STEM_OVERLAP, normalise_for_matching, similar_pairs
from flueko.schema import CODING_MEASURE

# --- union-find ------------------------------------------------------------------------------


def _find(parent: np.ndarray, i: int) -> int:
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:
        parent[i], i = root, parent[i]
    return root


def _union(parent: np.ndarray, a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


# --- clustering ------------------------------------------------------------------------------


def _cluster_id(prefix: str, parts: list[str]) -> str:
    return prefix + hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:10]


def cluster_ideas(
    contributions: pd.DataFrame,
    *,
    threshold: float = 80,
    scorer: str | Callable = STEM_OVERLAP,
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Set ``cluster_id``: near-duplicate ideas (across groups, within a round) share one.

    Parameters
    ----------
    contributions
        The ``contributions`` table; not modified.
    threshold, scorer
        Minimum score 0-100 and scorer on the
        :func:`~flueko.analyse.similarity.normalise_for_matching` texts: a rapidfuzz scorer
        name (see :data:`~flueko.analyse.similarity.SCORERS`) or
        :data:`~flueko.analyse.similarity.STEM_OVERLAP` (the larger of ``token_sort_ratio`` and
        the German-aware :func:`~flueko.analyse.similarity.stem_overlap_matrix`, IDF weights
        from the round's ideas). Defaults: ``consolidate.threshold`` and ``consolidate.scorer``
        of ``params.yaml``.
    coding
        Analyst coding with ``idea_id`` and ``measure``. Ideas with the same measure name (case
        and spacing ignored) form one cluster, whatever the automatic result; an uncoded idea
        whose automatic cluster holds coded ideas of exactly one measure name joins that
        measure, otherwise it stays with the uncoded rest of its automatic cluster.

    Returns
    -------
    pandas.DataFrame
        A copy with ``cluster_id`` filled: ``C-`` + sha1 of the sorted member idea_ids (automatic)
        or of round and measure name (``K-``, manual). Same input → same ids.
    """
    out = contributions.copy()
    ids = out[schema.IDEA_ID].astype(str).tolist()
    rounds = out[schema.ROUND].astype(object).where(out[schema.ROUND].notna(), "").tolist()
    norm = [normalise_for_matching(t) for t in out[schema.TEXT].tolist()]
    n = len(out)
    parent = np.arange(n)
    by_round: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rounds):
        by_round[r].append(i)
    for members in by_round.values():
        uniq: dict[str, list[int]] = defaultdict(list)
        for i in members:
            uniq[norm[i] or f"\x00{ids[i]}"].append(i)  # empty texts never merge
        texts = list(uniq)
        groups = list(uniq.values())
        for g in groups:
            for i in g[1:]:
                _union(parent, g[0], i)
        for a, b, _ in similar_pairs(
            [t if not t.startswith("\x00") else "" for t in texts],
            threshold=threshold,
            scorer=scorer,
        ):
            if texts[a].startswith("\x00") or texts[b].startswith("\x00"):
                continue
            _union(parent, groups[a][0], groups[b][0])
    roots = [_find(parent, i) for i in range(n)]
    manual = _manual_measures(coding, ids)
    if manual:
        roots = _apply_manual(roots, manual, rounds)
    members_of: dict[object, list[str]] = defaultdict(list)
    for i, root in enumerate(roots):
        members_of[root].append(ids[i])
    cid = {}
    for root, member_ids in members_of.items():
        if isinstance(root, tuple):  # manual: (round, folded name)
            cid[root] = _cluster_id("K-", [root[0], root[1]])
        else:
            cid[root] = _cluster_id("C-", sorted(member_ids))
    out[schema.CLUSTER_ID] = pd.array([cid[r] for r in roots], dtype=schema.STR)
    return out


def _manual_measures(coding: pd.DataFrame | None, ids: list[str]) -> dict[int, str]:
    if coding is None or CODING_MEASURE not in coding.columns or not len(coding):
        return {}
    named = coding.dropna(subset=[CODING_MEASURE]).drop_duplicates(schema.IDEA_ID, keep="last")
    by_id = dict(zip(named[schema.IDEA_ID].tolist(), named[CODING_MEASURE].tolist(), strict=True))
    out = {}
    for i, idea in enumerate(ids):
        name = by_id.get(idea)
        if isinstance(name, str) and name.strip():
            out[i] = " ".join(name.split())
    return out


def _apply_manual(roots: list, manual: dict[int, str], rounds: list[str]) -> list:
    out: list = list(roots)
    names_in_auto: dict[object, set[str]] = defaultdict(set)
    for i, name in manual.items():
        names_in_auto[roots[i]].add(name.casefold())
    for i, root in enumerate(roots):
        if i in manual:
            out[i] = (rounds[i], manual[i].casefold())
        elif len(names_in_auto.get(root, ())) == 1:
            out[i] = (rounds[i], next(iter(names_in_auto[root])))
    return out
