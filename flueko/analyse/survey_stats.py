"""Follow-up survey statistics: summaries per item, group and round, protection of small groups.

Works on the ``survey_responses`` table that :func:`flueko.ingest.survey.parse_survey_sheet`
builds. The survey dictionary (``resources/survey_items.yaml``) is passed in as ``items=``.
Every summary hides groups with fewer than ``min_group_size`` valid answers and, where the
hidden group could be recovered as "total minus the shown groups", a further group
(complementary suppression).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from typing import Any

import pandas as pd

from flueko import schema
from flueko.ingest import likert
from flueko.ingest.survey import normalise_group
from flueko.ingest.survey_dictionary import COMMENT_ITEM

COMPLEMENTARY = "Schutz kleiner Gruppen (ergänzend)"
"""Suppression reason of a group hidden so that a small group cannot be recovered."""

# columns of the (not persisted) distribution and response-rate tables
CATEGORY = "category"
POLARITY = "polarity"
N = "n"
SHARE = "share"
PARTICIPANTS = "participants"
RESPONDENTS = "respondents"
RATE = "rate"

POLARITIES = ("negative", "neutral", "positive")

# --- scales of parsed items ------------------------------------------------------------------


def item_scales(
    responses: pd.DataFrame,
    *,
    items: Mapping[str, Any] | None = None,
    scale_hint: str | None = None,
) -> dict[str, likert.ScaleSpec]:
    """The answer scale of each item in ``responses`` (for ranges, positives and labels).

    The range the parser recorded (``scale_min``/``scale_max``: the file's own legend or value
    labels) comes first. Otherwise, with ``items`` the scale is recognised from the answer labels
    (numeric codes: the hint or the default range); without, the range is inferred from the
    observed values (0/1 → yes/no, otherwise 1 … highest value seen).
    """
    scales_cfg = (items or {}).get("scales") or {}
    specs = likert.scale_specs(scales_cfg)
    numeric_cfg = (items or {}).get("numeric") or {}
    label_scales = {int(k): v for k, v in (numeric_cfg.get("label_scales") or {}).items()}
    out: dict[str, likert.ScaleSpec] = {}
    data = _scored(responses)
    for item, sub in data.groupby(schema.ITEM, sort=False):
        values = sub[schema.VALUE].dropna()
        name = likert.detect_scale(sub[schema.ANSWER].dropna().tolist(), scales=scales_cfg)
        own = _own_range(sub)
        if items is not None and name in specs and own in (None, (specs[name].lo, specs[name].hi)):
            out[str(item)] = specs[name]
            continue
        if own is not None:
            lo, hi = own
        elif items is not None:
            _, numeric = likert.parse_scale_hint(scale_hint, scales=scales_cfg)
            default = numeric_cfg.get("default_range") or [1, 5]
            lo, hi = numeric or (int(default[0]), int(default[1]))
        elif len(values) and set(values.astype(float)) <= {0.0, 1.0}:
            lo, hi = 0, 1
        else:
            lo = 1
            hi = max(int(values.max()) if len(values) else 2, 2)
        points = hi - lo + 1
        template = specs.get(label_scales.get(points, ""))
        if template is not None and len(template.points) == points:
            labels = template.points
        else:
            labels = tuple(str(v) for v in range(lo, hi + 1))
        out[str(item)] = likert.ScaleSpec(template.name if template else "numerisch", labels, lo)
    return out


def _own_range(sub: pd.DataFrame) -> tuple[int, int] | None:
    """The range the parser read an item's answers on (the file's own scale), if recorded."""
    if schema.SCALE_MIN not in sub or schema.SCALE_MAX not in sub:
        return None
    lo, hi = sub[schema.SCALE_MIN].dropna(), sub[schema.SCALE_MAX].dropna()
    if lo.empty or hi.empty:
        return None
    return int(lo.min()), int(hi.max())


def _scored(responses: pd.DataFrame) -> pd.DataFrame:
    items = responses[schema.ITEM].astype("string")
    return responses[items.notna() & (items != COMMENT_ITEM)]


# --- suppression -----------------------------------------------------------------------------


def suppression(counts: Mapping[str | None, int], *, min_group_size: int) -> dict[str, str]:
    """Which groups to hide, with the reason.

    Parameters
    ----------
    counts
        Group → number of valid answers; the key ``None`` holds the respondents without a group
        (never shown, so a pseudo-group that is hidden by construction).

    Returns
    -------
    dict
        Group → reason: ``"n < 5"`` below the limit; :data:`COMPLEMENTARY` for groups hidden so
        that the hidden groups together are at least two and hold at least ``min_group_size``
        answers — otherwise "total minus the shown groups" would reveal a small group.
    """
    limit = f"n < {min_group_size}"
    reasons = {g: limit for g, n in counts.items() if g is not None and n < min_group_size}
    unassigned = int(counts.get(None, 0) or 0)

    def protected() -> bool:
        hidden = [counts[g] for g in reasons] + ([unassigned] if unassigned else [])
        sensitive = bool(reasons) or 0 < unassigned < min_group_size
        return not sensitive or (len(hidden) >= 2 and sum(hidden) >= min_group_size)

    while not protected():
        shown = sorted(
            (g for g in counts if g is not None and g not in reasons),
            key=lambda g: (counts[g], str(g)),
        )
        if not shown:
            break
        reasons[shown[0]] = COMPLEMENTARY
    return reasons


# --- summaries -------------------------------------------------------------------------------

_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def t_quantile(p: float, df: int) -> float:
    """Quantile ``p`` of Student's t with ``df`` degrees of freedom (no scipy).

    Exact for df 1 and 2, a table for p = 0.975 up to df 30, otherwise the Cornish-Fisher
    expansion (error < 0.2 % from df 5 on).
    """
    if df < 1:
        raise ValueError("df must be >= 1")
    if p == 0.975 and df <= len(_T975):
        return _T975[df - 1]
    if df == 1:
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    z = statistics.NormalDist().inv_cdf(p)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def _stats(sub: pd.DataFrame, spec: likert.ScaleSpec, *, positive_top: int, confidence: float):
    values = sub[schema.VALUE].dropna().astype(float).tolist()
    n = len(values)
    threshold = likert.positive_threshold(spec.lo, spec.hi, positive_top=positive_top)
    n_pos = sum(1 for v in values if v >= threshold)
    row: dict[str, Any] = {
        schema.N_VALID: n,
        schema.N_EXCLUDED: int(sub[schema.EXCLUDED].notna().sum()),
        schema.N_POSITIVE: n_pos,
        schema.SHARE_POSITIVE: n_pos / n if n else None,
        schema.MEAN: statistics.fmean(values) if n else None,
        schema.CI_LOW: None,
        schema.CI_HIGH: None,
    }
    if n >= 2:
        half = t_quantile(1 - (1 - confidence) / 2, n - 1) * statistics.stdev(values) / math.sqrt(n)
        mean = row[schema.MEAN]
        row[schema.CI_LOW] = max(spec.lo, mean - half)
        row[schema.CI_HIGH] = min(spec.hi, mean + half)
    return row


_HIDDEN_STATS = (
    schema.N_VALID,
    schema.N_EXCLUDED,
    schema.N_POSITIVE,
    schema.SHARE_POSITIVE,
    schema.MEAN,
    schema.CI_LOW,
    schema.CI_HIGH,
)


def _item_rank(key: object) -> tuple[int, str]:
    order = schema.SURVEY_ITEMS
    return (order.index(key) if key in order else len(order), str(key))


def _item_order(keys) -> list:
    return sorted(keys, key=_item_rank)


def _group_key(value: object) -> str | None:
    return (
        None
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
        else str(value)
    )


def summarise_items(
    responses: pd.DataFrame,
    *,
    items: Mapping[str, Any] | None = None,
    scale_hint: str | None = None,
    min_group_size: int = 5,
    positive_top: int = 2,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """One row per item for all respondents (group missing) and one per item × group.

    Parameters
    ----------
    responses
        A ``survey_responses`` table; not modified. Comments are ignored.
    items
        The survey dictionary: recognises each item's scale (recommended; without it the range
        is inferred from the values seen, see :func:`item_scales`).
    min_group_size
        Groups (and totals) with fewer valid answers are suppressed; see :func:`suppression`.
    positive_top
        The top categories counted as positive (never the middle: a yes/no item counts "ja").
    confidence
        Level of the t-based confidence interval of the mean.

    Returns
    -------
    pd.DataFrame
        A ``survey_items`` table; a suppressed row keeps no value, only ``suppressed``.
    """
    data = _scored(responses)
    specs = item_scales(data, items=items, scale_hint=scale_hint)
    limit = f"n < {min_group_size}"
    rows = []
    for (round_id, item), sub in data.groupby(
        [schema.ROUND, schema.ITEM], sort=False, dropna=False
    ):
        spec = specs[str(item)]
        base = {schema.ROUND: round_id, schema.ITEM: item}
        total = _stats(sub, spec, positive_top=positive_top, confidence=confidence)
        group_rows = {}
        counts: dict[str | None, int] = {}
        for group, gsub in sub.groupby(schema.GROUP, sort=True, dropna=False):
            key = _group_key(group)
            stats = _stats(gsub, spec, positive_top=positive_top, confidence=confidence)
            counts[key] = stats[schema.N_VALID]
            if key is not None:
                group_rows[key] = stats
        hidden = suppression(counts, min_group_size=min_group_size)
        if total[schema.N_VALID] < min_group_size:
            hidden = {g: limit for g in group_rows}
            rows.append({**base, schema.GROUP: None, **_blank(total), schema.SUPPRESSED: limit})
        else:
            rows.append({**base, schema.GROUP: None, **total, schema.SUPPRESSED: None})
        for key, stats in group_rows.items():
            if key in hidden:
                rows.append(
                    {**base, schema.GROUP: key, **_blank(stats), schema.SUPPRESSED: hidden[key]}
                )
            else:
                rows.append({**base, schema.GROUP: key, **stats, schema.SUPPRESSED: None})
    if not rows:
        return schema.empty("survey_items")
    out = schema.conform(pd.DataFrame(rows), "survey_items")
    order = {k: i for i, k in enumerate(_item_order(out[schema.ITEM].unique()))}
    rank = out[schema.ITEM].map(order).astype(int)
    return out.iloc[sorted(range(len(out)), key=lambda i: (rank.iloc[i], i))].reset_index(drop=True)


def _blank(stats: Mapping[str, Any]) -> dict[str, Any]:
    return {k: None for k in stats if k in _HIDDEN_STATS}


def distribution(
    responses: pd.DataFrame,
    *,
    items: Mapping[str, Any],
    by_group: bool = False,
    min_group_size: int = 5,
    scale_hint: str | None = None,
) -> pd.DataFrame:
    """Answers per item (× group) × answer category, every category of the scale present.

    Returns
    -------
    pd.DataFrame
        Columns ``round, item, group, category, value, polarity, n, share`` (percent of valid
        answers), ``n_valid``, ``suppressed``; categories from worst to best. A suppressed group
        (or a total below the limit) keeps its category rows with ``n``/``share``/``n_valid``
        missing and the reason in ``suppressed``.
    """
    data = _scored(responses)
    specs = item_scales(data, items=items, scale_hint=scale_hint)
    limit = f"n < {min_group_size}"
    rows = []
    keyed = [
        (item, sub)
        for item, sub in data.groupby([schema.ROUND, schema.ITEM], sort=False, dropna=False)
    ]
    keyed.sort(key=lambda kv: _item_rank(kv[0][1]))
    for (round_id, item), sub in keyed:
        spec = specs[str(item)]
        parts: list[tuple[str | None, pd.DataFrame, str | None]] = []
        n_total = int(sub[schema.VALUE].notna().sum())
        total_reason = limit if n_total < min_group_size else None
        parts.append((None, sub, total_reason))
        if by_group:
            counts: dict[str | None, int] = {}
            groups = {}
            for group, gsub in sub.groupby(schema.GROUP, sort=True, dropna=False):
                key = _group_key(group)
                counts[key] = int(gsub[schema.VALUE].notna().sum())
                if key is not None:
                    groups[key] = gsub
            hidden = suppression(counts, min_group_size=min_group_size)
            for key, gsub in groups.items():
                reason = limit if total_reason else hidden.get(key)
                parts.append((key, gsub, reason))
        for group, part, reason in parts:
            values = part[schema.VALUE].dropna().astype(float)
            n_valid = len(values)
            for pos, label in enumerate(spec.points):
                value = float(spec.start + pos)
                n = int((values == value).sum())
                rows.append(
                    {
                        schema.ROUND: round_id,
                        schema.ITEM: item,
                        schema.GROUP: group,
                        CATEGORY: label,
                        schema.VALUE: value,
                        POLARITY: likert.polarity(value, spec),
                        N: None if reason else n,
                        SHARE: None if reason or not n_valid else 100.0 * n / n_valid,
                        schema.N_VALID: None if reason else n_valid,
                        schema.SUPPRESSED: reason,
                    }
                )
    dtypes = {
        schema.ROUND: "string",
        schema.ITEM: "string",
        schema.GROUP: "string",
        CATEGORY: "string",
        schema.VALUE: "Float64",
        POLARITY: "string",
        N: "Int64",
        SHARE: "Float64",
        schema.N_VALID: "Int64",
        schema.SUPPRESSED: "string",
    }
    df = pd.DataFrame(rows, columns=list(dtypes))
    return df.astype(dtypes)


def response_rate(
    responses: pd.DataFrame,
    participants: Mapping[str, int],
    *,
    items: Mapping[str, Any] | None = None,
    min_group_size: int = 5,
) -> pd.DataFrame:
    """Respondents per group against the participants named in round.yaml.

    Parameters
    ----------
    participants
        Group → number of participants (round.yaml ``participants``); with ``items`` the group
        names are normalised like the survey's group column.

    Returns
    -------
    pd.DataFrame
        ``group`` (missing = all), ``participants``, ``respondents``, ``rate`` (0-1),
        ``suppressed``. Groups with fewer respondents than the limit (and complementary groups,
        see :func:`suppression`) show no respondents and no rate.
    """
    groups_cfg = (items or {}).get("groups") or {}
    invited: dict[str, int] = {}
    for name, count in participants.items():
        label = (normalise_group(name, groups=groups_cfg) if groups_cfg else None) or str(name)
        invited[label] = invited.get(label, 0) + int(count)
    person = [c for c in _PERSON if c in responses.columns]
    people = responses.drop_duplicates(person)
    counts: dict[str | None, int] = {}
    for group in people[schema.GROUP].tolist():
        key = _group_key(group)
        counts[key] = counts.get(key, 0) + 1
    for label in invited:
        counts.setdefault(label, 0)
    hidden = suppression(counts, min_group_size=min_group_size)
    n_total = len(people)
    total_invited = sum(invited.values()) if invited else None
    total_hidden = n_total < min_group_size
    rows = [
        {
            schema.GROUP: None,
            PARTICIPANTS: total_invited,
            RESPONDENTS: None if total_hidden else n_total,
            RATE: None if total_hidden or not total_invited else n_total / total_invited,
            schema.SUPPRESSED: f"n < {min_group_size}" if total_hidden else None,
        }
    ]
    for label in sorted(k for k in counts if k is not None):
        reason = f"n < {min_group_size}" if total_hidden else hidden.get(label)
        n = counts[label]
        inv = invited.get(label)
        rows.append(
            {
                schema.GROUP: label,
                PARTICIPANTS: inv,
                RESPONDENTS: None if reason else n,
                RATE: None if reason or not inv else n / inv,
                schema.SUPPRESSED: reason,
            }
        )
    dtypes = {
        schema.GROUP: "string",
        PARTICIPANTS: "Int64",
        RESPONDENTS: "Int64",
        RATE: "Float64",
        schema.SUPPRESSED: "string",
    }
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


_PERSON = (schema.ROUND, schema.SOURCE_FILE, schema.SOURCE_SHEET, schema.RESPONDENT)
"""A respondent is one row of one sheet: ids of different files never merge."""


def compare_rounds(items_by_round: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Item × round: ``n_valid``, ``share_positive``, ``mean``, ``suppressed`` of all respondents.

    Parameters
    ----------
    items_by_round
        Round id → ``survey_items`` table, in the order the rounds are to be shown.
    """
    cols = [schema.N_VALID, schema.SHARE_POSITIVE, schema.MEAN, schema.SUPPRESSED]
    frames = []
    for round_id, table in items_by_round.items():
        total = table[table[schema.GROUP].isna()]
        part = total[[schema.ITEM, *cols]].copy()
        part.insert(0, schema.ROUND, round_id)
        frames.append(part)
    dtypes = {
        schema.ROUND: "string",
        schema.ITEM: "string",
        schema.N_VALID: "Int64",
        schema.SHARE_POSITIVE: "Float64",
        schema.MEAN: "Float64",
        schema.SUPPRESSED: "string",
    }
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
    out = pd.concat(frames, ignore_index=True).astype(dtypes)
    order = {k: i for i, k in enumerate(_item_order(out[schema.ITEM].unique()))}
    rounds = {r: i for i, r in enumerate(items_by_round)}
    keys = [(order[i], rounds[r]) for i, r in zip(out[schema.ITEM], out[schema.ROUND], strict=True)]
    return out.iloc[sorted(range(len(out)), key=lambda i: keys[i])].reset_index(drop=True)
