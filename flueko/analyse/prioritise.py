"""Ratings and dot votes → scores, ranks, impact/effort quadrants and rank robustness.

All functions are pure; parameters (weights, thresholds, seed) come from the ``prioritise``
section of ``params.yaml`` (:class:`flueko.params.PrioritiseParams`) and are passed in as keyword
arguments. Keyword defaults equal the shipped params.yaml (tests/test_params_defaults.py).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from flueko import schema
from flueko.config import load_params
from flueko.errors import ConfigError
from flueko.params import Params, PrioritiseParams

WEIGHT_KEYS: tuple[str, ...] = (*schema.CRITERIA, "votes")
"""Criteria a weight may be given for."""

_SCORE_INPUT = {
    schema.IMPACT: schema.IMPACT,
    schema.EFFORT: schema.EFFORT,
    schema.URGENCY: schema.URGENCY,
    schema.FEASIBILITY: schema.FEASIBILITY,
    "votes": schema.VOTES_NORM,
}
_HINT = "Gewichte in params.yaml unter 'prioritise: weights' prüfen"


def aggregate_ratings(ratings: pd.DataFrame, *, disagreement_iqr: float = 2.0) -> pd.DataFrame:
    """Per measure: median of each criterion, IQR of impact and effort, raters, disagreement.

    Parameters
    ----------
    ratings
        A ``ratings`` table (values on 1–5).
    disagreement_iqr
        ``disagreement`` is True when the IQR of impact or of effort is at or above this value
        (missing when neither IQR is known).

    Returns
    -------
    pandas.DataFrame
        ``measure_id``, ``title`` (first seen), the four criteria medians, ``impact_iqr``,
        ``effort_iqr``, ``n_raters`` (distinct raters with at least one value), one
        ``n_<criterion>`` count per criterion, ``disagreement``; sorted by ``measure_id``.
    """
    cols = [
        schema.MEASURE_ID,
        schema.TITLE,
        *schema.CRITERIA,
        schema.IMPACT_IQR,
        schema.EFFORT_IQR,
        schema.N_RATERS,
        *(f"n_{c}" for c in schema.CRITERIA),
        schema.DISAGREEMENT,
    ]
    if ratings.empty:
        out = pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
        return _agg_types(out)
    df = ratings[[schema.MEASURE_ID, schema.TITLE, schema.RATER, schema.CRITERION, schema.VALUE]]
    df = df.astype({schema.VALUE: "float64"})
    grouped = df.groupby([schema.MEASURE_ID, schema.CRITERION], sort=True)[schema.VALUE]
    med = grouped.median().unstack()
    q75 = grouped.quantile(0.75).unstack()
    q25 = grouped.quantile(0.25).unstack()
    counts = grouped.count().unstack()
    out = pd.DataFrame(index=med.index)
    titles = df.drop_duplicates(schema.MEASURE_ID).set_index(schema.MEASURE_ID)[schema.TITLE]
    out[schema.TITLE] = titles.reindex(out.index)
    for c in schema.CRITERIA:
        out[c] = med.get(c, np.nan)
        out[f"n_{c}"] = counts[c].fillna(0) if c in counts else 0
    for c, iqr in ((schema.IMPACT, schema.IMPACT_IQR), (schema.EFFORT, schema.EFFORT_IQR)):
        out[iqr] = (q75[c] - q25[c]) if c in med else np.nan
    out[schema.N_RATERS] = df.groupby(schema.MEASURE_ID)[schema.RATER].nunique()
    out = out.reset_index()
    iqr_max = out[[schema.IMPACT_IQR, schema.EFFORT_IQR]].max(axis=1, skipna=True)
    out[schema.DISAGREEMENT] = pd.array(
        [pd.NA if pd.isna(v) else bool(v >= disagreement_iqr) for v in iqr_max], dtype="boolean"
    )
    return _agg_types(out[cols])


def _agg_types(df: pd.DataFrame) -> pd.DataFrame:
    types = {c: "Float64" for c in (*schema.CRITERIA, schema.IMPACT_IQR, schema.EFFORT_IQR)}
    types |= {f"n_{c}": "Int64" for c in schema.CRITERIA}
    types |= {
        schema.MEASURE_ID: "string",
        schema.TITLE: "string",
        schema.N_RATERS: "Int64",
        schema.DISAGREEMENT: "boolean",
    }
    return df.astype(types)


def normalise_votes(
    votes_per_measure: pd.DataFrame,
    *,
    participants: Mapping[str, int] | None = None,
    dots_per_person: int | None = None,
) -> pd.DataFrame:
    """Dot votes made comparable across working groups of different size.

    For every group g the votes of measure m become a share of the group's dot budget::

        share(m, g) = votes(m, g) / (participants[g] × dots_per_person)

    and ``votes_norm(m) = Σ_g share(m, g)`` (a measure voted on in one group only gets that
    group's share). Without ``participants`` for a group, its budget is the number of dots
    actually given in the group; without ``dots_per_person`` it is 1 dot per person. So a
    large group does not win by headcount: 10 of 40 dots weigh as much as 3 of 12.

    Parameters
    ----------
    votes_per_measure
        Columns ``measure_id``, ``votes`` and optionally ``group``.
    participants
        Group name → number of participants (``round.yaml`` ``participants``).
    dots_per_person
        Dots each participant had.

    Returns
    -------
    pandas.DataFrame
        ``measure_id``, ``votes`` (raw sum), ``votes_norm`` (0…number of groups), sorted by id.
    """
    df = votes_per_measure.copy()
    if schema.GROUP not in df.columns:
        df[schema.GROUP] = ""
    df[schema.VOTES] = pd.to_numeric(df[schema.VOTES]).astype("Float64").fillna(0)
    df[schema.GROUP] = df[schema.GROUP].astype("string").fillna("")
    given = df.groupby(schema.GROUP)[schema.VOTES].transform("sum")
    per_person = dots_per_person or 1
    sizes = df[schema.GROUP].map(lambda g: (participants or {}).get(g)).astype("Float64")
    budget = (sizes * per_person).where(sizes > 0, given)
    df["share"] = (df[schema.VOTES] / budget).where(budget > 0, 0.0)
    out = (
        df.groupby(schema.MEASURE_ID, sort=True)
        .agg(**{schema.VOTES: (schema.VOTES, "sum"), schema.VOTES_NORM: ("share", "sum")})
        .reset_index()
    )
    return out.astype(
        {schema.MEASURE_ID: "string", schema.VOTES: "Int64", schema.VOTES_NORM: "Float64"}
    )


def validate_weights(weights: Mapping[str, object]) -> dict[str, float]:
    """Check prioritisation weights and return them as floats.

    Keys must be among impact, effort, urgency, feasibility, votes; values numbers ≥ 0 that
    sum to 1 (± 1e-6).

    Raises
    ------
    ConfigError
        With a German message and hint naming the wrong key or the sum.
    """
    if not isinstance(weights, Mapping) or not weights:
        raise ConfigError(
            "Gewichte fehlen oder sind keine Zuordnung Kriterium: Gewicht", hint=_HINT
        )
    unknown = sorted(set(map(str, weights)) - set(WEIGHT_KEYS))
    if unknown:
        raise ConfigError(
            f"unbekanntes Kriterium in den Gewichten: {', '.join(unknown)}",
            hint=f"erlaubt sind {', '.join(WEIGHT_KEYS)}",
        )
    out: dict[str, float] = {}
    for key, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise ConfigError(f"Gewicht '{key}' ist keine Zahl: {value!r}", hint=_HINT)
        if value < 0 or math.isinf(value):
            raise ConfigError(f"Gewicht '{key}' muss zwischen 0 und 1 liegen: {value}", hint=_HINT)
        out[str(key)] = float(value)
    total = sum(out.values())
    if abs(total - 1.0) > 1e-6:
        raise ConfigError(
            f"die Gewichte ergeben zusammen {total:.4g} statt 1",
            hint=_HINT + " (Summe muss 1 sein)",
        )
    return out


def _criterion_scores(
    agg: pd.DataFrame | dict[str, np.ndarray], *, scale: tuple[float, float]
) -> dict[str, np.ndarray]:
    """Each criterion on 0–1 (effort reversed); ``agg`` may be float arrays by column."""
    lo, hi = scale
    span = hi - lo
    arrays = isinstance(agg, dict)
    n = len(next(iter(agg.values()))) if arrays else len(agg)
    out: dict[str, np.ndarray] = {}
    for key, col in _SCORE_INPUT.items():
        if col not in agg:
            out[key] = np.full(n, np.nan)
            continue
        x = (
            np.asarray(agg[col], dtype="float64")
            if arrays
            else pd.to_numeric(agg[col]).astype("float64").to_numpy(na_value=np.nan)
        )
        if key == "votes":
            top = np.nanmax(x) if np.isfinite(x).any() else np.nan
            out[key] = x / top if top and top > 0 else np.where(np.isnan(x), np.nan, 0.0)
        elif key == schema.EFFORT:
            out[key] = (hi - x) / span
        else:
            out[key] = (x - lo) / span
    return out


def _weighted(scores: dict[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
    num = np.zeros_like(next(iter(scores.values())), dtype="float64")
    den = np.zeros_like(num)
    for key, w in weights.items():
        s = scores[key]
        ok = ~np.isnan(s)
        num = num + np.where(ok, s * w, 0.0)
        den = den + np.where(ok, w, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, np.nan)


def _order(
    score: np.ndarray, impact: np.ndarray, effort: np.ndarray, titles: np.ndarray
) -> np.ndarray:
    """Positions sorted by score desc, impact desc, effort asc, title, original order; NaN last."""
    keys = (
        np.arange(len(score)),
        titles,
        np.nan_to_num(effort, nan=np.inf),
        -np.nan_to_num(impact, nan=-np.inf),
        -np.nan_to_num(score, nan=-np.inf),
    )
    return np.lexsort(keys)


def _ranks(score, impact, effort, titles) -> np.ndarray:
    order = _order(score, impact, effort, titles)
    ranks = np.empty(len(score), dtype="float64")
    ranks[order] = np.arange(1, len(score) + 1)
    return np.where(np.isnan(score), np.nan, ranks)


def quadrant(impact: float, effort: float, *, threshold: float) -> str | None:
    """Quadrant key for one measure; a value equal to the threshold counts as high.

    impact ≥ t and effort < t → quick_win; impact ≥ t and effort ≥ t → grosses_vorhaben;
    impact < t and effort < t → kleiner_schritt; impact < t and effort ≥ t → zeitfresser;
    missing impact or effort → ``None``.
    """
    if impact is None or effort is None or pd.isna(impact) or pd.isna(effort):
        return None
    high_impact, high_effort = impact >= threshold, effort >= threshold
    if high_impact:
        return "grosses_vorhaben" if high_effort else "quick_win"
    return "zeitfresser" if high_effort else "kleiner_schritt"


def score_measures(
    agg: pd.DataFrame,
    *,
    weights: Mapping[str, float],
    scale: tuple[float, float] = (1, 5),
    threshold: float | None = None,
) -> pd.DataFrame:
    """Add ``score``, ``rank`` and ``quadrant`` to aggregated ratings.

    Each criterion is mapped onto 0–1 (``(x − min)/(max − min)``; effort inverted, so low effort
    scores high; votes as ``votes_norm`` divided by the largest ``votes_norm``). The score is
    the weighted mean over the criteria a measure has: missing criteria drop out and the
    remaining weights are re-scaled to sum 1 (score = Σ wᵢsᵢ / Σ wᵢ over available i). A
    measure without any criterion gets no score and no rank.

    Parameters
    ----------
    agg
        Output of :func:`aggregate_ratings` (optionally with ``votes_norm``); not modified.
    weights
        Validated by :func:`validate_weights`.
    scale
        Rating scale of the medians.
    threshold
        Quadrant boundary; ``None`` = scale midpoint. See :func:`quadrant` for the rule.

    Returns
    -------
    pandas.DataFrame
        ``agg`` plus ``score`` (0–1), ``rank`` (1 = best; ties broken by impact desc, effort
        asc, title) and ``quadrant``.
    """
    weights = validate_weights(weights)
    t = (scale[0] + scale[1]) / 2 if threshold is None else threshold
    out = agg.copy().reset_index(drop=True)
    scores = _weighted(_criterion_scores(out, scale=scale), weights)
    impact = _col(out, schema.IMPACT)
    effort = _col(out, schema.EFFORT)
    titles = out[schema.TITLE].astype("string").fillna("").to_numpy(dtype=object)
    out[schema.SCORE] = pd.array(np.where(np.isnan(scores), None, scores), dtype="Float64")
    ranks = _ranks(scores, impact, effort, titles)
    out[schema.RANK] = pd.array(np.where(np.isnan(ranks), None, ranks), dtype="Int64")
    out[schema.QUADRANT] = pd.array(
        [quadrant(i, e, threshold=t) for i, e in zip(impact, effort, strict=True)],
        dtype="string",
    )
    return out


def _col(df: pd.DataFrame, col: str) -> np.ndarray:
    if col not in df.columns:
        return np.full(len(df), np.nan)
    return pd.to_numeric(df[col]).astype("float64").to_numpy(na_value=np.nan)


def rank_robustness(
    ratings: pd.DataFrame,
    agg: pd.DataFrame,
    *,
    weights: Mapping[str, float],
    top_k: int = 5,
    n_samples: int = 200,
    jitter: float = 0.25,
    seed: int = 20161020,
    scale: tuple[float, float] = (1, 5),
    sensitive_share: float = 0.1,
) -> pd.DataFrame:
    """How stable is each measure's rank under other weights and other raters?

    Each of ``n_samples`` draws (numpy ``Generator`` seeded with ``seed``; same seed → same
    result) multiplies every weight by a uniform factor in ``[1 − jitter, 1 + jitter]`` and
    renormalises, and bootstraps the raters (draws as many raters as there are, with
    replacement) before recomputing medians, scores and ranks. Votes stay as in ``agg``; a
    criterion no drawn rater rated keeps its median from ``agg``.

    Returns
    -------
    pandas.DataFrame
        ``measure_id``, ``top_k_share`` (share of draws in the top ``top_k``), ``rank_min``,
        ``rank_max`` and ``weight_sensitive``: with the raters fixed, perturbing only the
        weights changes the measure's top-k membership in at least ``sensitive_share`` of the
        draws.
    """
    weights = validate_weights(weights)
    cols = [schema.MEASURE_ID, schema.TOP_K_SHARE, "rank_min", "rank_max", "weight_sensitive"]
    types = {
        schema.MEASURE_ID: "string",
        schema.TOP_K_SHARE: "Float64",
        "rank_min": "Int64",
        "rank_max": "Int64",
        "weight_sensitive": "boolean",
    }
    if agg.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in types.items()})[cols]
    rng = np.random.default_rng(seed)
    base = agg.reset_index(drop=True)
    ids = base[schema.MEASURE_ID].astype("string").to_numpy(dtype=object)
    titles = base[schema.TITLE].astype("string").fillna("").to_numpy(dtype=object)
    keys = list(weights)
    w0 = np.array([weights[k] for k in keys])

    cube, n_raters = _ratings_cube(ratings, ids)
    base_scores = _criterion_scores(base, scale=scale)
    votes = base_scores["votes"]
    given = {c: _col(base, c) for c in schema.CRITERIA}  # the same in every draw
    impact, effort = given[schema.IMPACT], given[schema.EFFORT]
    base_top = _ranks(_weighted(base_scores, weights), impact, effort, titles) <= top_k

    ranks = np.full((n_samples, len(base)), np.nan)
    flips = np.zeros(len(base))
    for i in range(n_samples):
        w = w0 * rng.uniform(1 - jitter, 1 + jitter, size=len(w0))
        w = dict(zip(keys, w / w.sum() if w.sum() > 0 else w0, strict=True))
        # weights only
        r_w = _ranks(_weighted(base_scores, w), impact, effort, titles)
        flips += (r_w <= top_k) != base_top
        # weights and bootstrapped raters
        if n_raters:
            pick = rng.integers(0, n_raters, size=n_raters)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                med = np.nanmedian(cube[:, pick, :], axis=1)
            sample = {
                c: np.where(np.isnan(med[:, j]), given[c], med[:, j])
                for j, c in enumerate(schema.CRITERIA)
            }
            s = _criterion_scores(sample, scale=scale)
            s["votes"] = votes
            ranks[i] = _ranks(_weighted(s, w), sample[schema.IMPACT], sample[schema.EFFORT], titles)
        else:
            ranks[i] = r_w
    valid = ~np.isnan(ranks)
    in_top = (ranks <= top_k) & valid
    n_valid = valid.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_valid > 0, in_top.sum(axis=0) / np.maximum(n_valid, 1), np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        rmin = np.nanmin(ranks, axis=0)
        rmax = np.nanmax(ranks, axis=0)
    out = pd.DataFrame(
        {
            schema.MEASURE_ID: ids,
            schema.TOP_K_SHARE: np.where(np.isnan(share), None, share),
            "rank_min": np.where(np.isnan(rmin), None, rmin),
            "rank_max": np.where(np.isnan(rmax), None, rmax),
            "weight_sensitive": (flips / max(n_samples, 1)) >= sensitive_share,
        }
    )
    return out.astype(types)[cols]


def _ratings_cube(ratings: pd.DataFrame, ids: np.ndarray) -> tuple[np.ndarray, int]:
    """Array measure × rater × criterion of values (NaN where a rater did not rate)."""
    raters = sorted(ratings[schema.RATER].dropna().astype(str).unique()) if len(ratings) else []
    cube = np.full((len(ids), len(raters), len(schema.CRITERIA)), np.nan)
    if not raters:
        return cube, 0
    m_index = {m: i for i, m in enumerate(ids)}
    r_index = {r: i for i, r in enumerate(raters)}
    c_index = {c: i for i, c in enumerate(schema.CRITERIA)}
    for m, r, c, v in ratings[
        [schema.MEASURE_ID, schema.RATER, schema.CRITERION, schema.VALUE]
    ].itertuples(index=False):
        if m in m_index and c in c_index and not pd.isna(r) and not pd.isna(v):
            cube[m_index[m], r_index[str(r)], c_index[c]] = float(v)
    return cube, len(raters)


def build_measures(
    ratings: pd.DataFrame,
    attrs: pd.DataFrame,
    *,
    round_id: str,
    params: PrioritiseParams | Params | Mapping,
    participants: Mapping[str, int] | None = None,
    dots_per_person: int | None = None,
    votes: pd.DataFrame | None = None,
    robustness: bool = True,
) -> pd.DataFrame:
    """The ``measures`` table of a round: attributes + medians + votes + score/rank/robustness.

    Parameters
    ----------
    ratings, attrs
        From :func:`flueko.ingest.ratings.parse_ratings_sheet` (several sheets
        concatenated; the first attribute row per measure wins).
    round_id
        Written to ``round``.
    params
        The ``prioritise`` parameters (:class:`flueko.params.PrioritiseParams`), or all
        parameters (:class:`flueko.params.Params`); a plain mapping may leave keys out, they
        then come from the shipped params.yaml.
    participants, dots_per_person, votes
        For :func:`normalise_votes`; ``votes`` has ``measure_id``, ``votes`` and optionally
        ``group``. A measure absent from ``votes`` has missing votes (not 0).
    robustness
        ``False`` leaves ``top_k_share`` empty (see :func:`measure_robustness`).

    Returns
    -------
    pandas.DataFrame
        Conforms to ``schema.TABLES["measures"]``, sorted by rank (unranked last), then id.
    """
    p = _prioritise(params)
    weights = validate_weights(p["weights"])
    agg = aggregate_ratings(ratings, disagreement_iqr=float(p["disagreement_iqr"]))
    first_attrs = attrs.drop_duplicates(schema.MEASURE_ID, keep="first")
    ids = pd.Series(
        pd.unique(pd.concat([first_attrs[schema.MEASURE_ID], agg[schema.MEASURE_ID]])),
        dtype="string",
        name=schema.MEASURE_ID,
    )
    df = ids.to_frame()
    df = df.merge(first_attrs.drop(columns=[schema.ROUND], errors="ignore"), how="left")
    df = df.merge(agg.drop(columns=[schema.TITLE]), how="left", on=schema.MEASURE_ID)
    titles = agg.set_index(schema.MEASURE_ID)[schema.TITLE]
    df[schema.TITLE] = df[schema.TITLE].fillna(df[schema.MEASURE_ID].map(titles))
    if votes is not None and len(votes):
        nv = normalise_votes(votes, participants=participants, dots_per_person=dots_per_person)
        df = df.merge(nv, how="left", on=schema.MEASURE_ID)
    scored = score_measures(df, weights=weights, threshold=p["quadrant_threshold"])
    if robustness:
        robust = measure_robustness(ratings, scored, params=p)
        scored = scored.merge(
            robust[[schema.MEASURE_ID, schema.TOP_K_SHARE]], how="left", on=schema.MEASURE_ID
        )
    scored[schema.ROUND] = round_id
    scored = scored.sort_values(
        [schema.RANK, schema.MEASURE_ID], na_position="last", kind="stable"
    ).reset_index(drop=True)
    return schema.conform(scored, "measures")


def _prioritise(params: PrioritiseParams | Params | Mapping) -> Mapping:
    p = params.get("prioritise", params)
    return p if isinstance(p, PrioritiseParams) else {**load_params().prioritise, **p}


def measure_robustness(
    ratings: pd.DataFrame, measures: pd.DataFrame, *, params: PrioritiseParams | Params | Mapping
) -> pd.DataFrame:
    """:func:`rank_robustness` of scored ``measures`` with the ``prioritise`` parameters: for
    the ingest (``top_k_share``, ``extra_robustness.csv``) and the report, so that they agree."""
    p = _prioritise(params)
    return rank_robustness(
        ratings,
        measures,
        weights=validate_weights(p["weights"]),
        top_k=int(p["top_k"]),
        n_samples=int(p["robustness_samples"]),
        jitter=float(p["weight_jitter"]),
        seed=int(p["seed"]),
    )
