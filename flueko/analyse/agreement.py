"""Inter-coder agreement: do two analysts assign the same Handlungsfeld to the same ideas?"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from flueko import schema

ALL = "alle"
"""Label of the overall row in :func:`coder_agreement`."""

N_IDEAS = "n_ideas"
KAPPA = "kappa"
AGREEMENT = "agreement"
FIELD_A = "field_a"
FIELD_B = "field_b"


def cohens_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two equally long label sequences.

    ``(p_o - p_e) / (1 - p_e)`` with observed agreement ``p_o`` and chance agreement ``p_e``
    from the two coders' label frequencies. NaN when it is undefined (no items, or both coders
    used one and the same label throughout, ``p_e = 1``).
    """
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError(f"both codings need the same length ({len(a)} ≠ {len(b)})")
    n = len(a)
    if n == 0:
        return float("nan")
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if p_e == 1.0:
        return float("nan")
    return (p_o - p_e) / (1.0 - p_e)


def coder_agreement(
    coding_a: pd.DataFrame, coding_b: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Kappa overall and per Handlungsfeld for two codings of the same ideas.

    Parameters
    ----------
    coding_a, coding_b
        Tables with ``idea_id`` and ``field``; only ideas coded by both (inner join on
        ``idea_id``, missing fields dropped) are compared.

    Returns
    -------
    per_field : pandas.DataFrame
        Columns ``field`` ("alle" for the overall row, then each field in order of first use),
        ``n_ideas``, ``agreement`` (share identical), ``kappa`` (per field: one-vs-rest, i.e.
        "this field or not", counted per idea).
    disagreements : pandas.DataFrame
        ``idea_id``, ``field_a``, ``field_b`` for every idea the two coders placed differently,
        sorted by idea_id.
    """
    left = coding_a[[schema.IDEA_ID, schema.FIELD]].dropna()
    right = coding_b[[schema.IDEA_ID, schema.FIELD]].dropna()
    left = left.drop_duplicates(schema.IDEA_ID, keep="last")
    right = right.drop_duplicates(schema.IDEA_ID, keep="last")
    both = left.merge(right, on=schema.IDEA_ID, suffixes=("_a", "_b"), how="inner")
    both = both.rename(columns={f"{schema.FIELD}_a": FIELD_A, f"{schema.FIELD}_b": FIELD_B})
    both = both.sort_values(schema.IDEA_ID, kind="stable").reset_index(drop=True)
    fa, fb = both[FIELD_A].tolist(), both[FIELD_B].tolist()
    n = len(both)
    rows = [
        {
            schema.FIELD: ALL,
            N_IDEAS: n,
            AGREEMENT: (sum(x == y for x, y in zip(fa, fb, strict=True)) / n)
            if n
            else float("nan"),
            KAPPA: cohens_kappa(fa, fb),
        }
    ]
    seen: list[str] = []
    for f in fa + fb:
        if f not in seen:
            seen.append(f)
    for f in seen:
        ya = [x == f for x in fa]
        yb = [y == f for y in fb]
        rows.append(
            {
                schema.FIELD: f,
                N_IDEAS: sum(x or y for x, y in zip(ya, yb, strict=True)),
                AGREEMENT: sum(x == y for x, y in zip(ya, yb, strict=True)) / n,
                KAPPA: cohens_kappa(ya, yb),
            }
        )
    per_field = pd.DataFrame(rows, columns=[schema.FIELD, N_IDEAS, AGREEMENT, KAPPA])
    per_field = per_field.astype(
        {
            schema.FIELD: schema.STR,
            N_IDEAS: schema.INT,
            AGREEMENT: schema.FLOAT,
            KAPPA: schema.FLOAT,
        }
    )
    dis = both.loc[both[FIELD_A] != both[FIELD_B], [schema.IDEA_ID, FIELD_A, FIELD_B]]
    dis = dis.reset_index(drop=True).astype(schema.STR)
    return per_field, dis
