"""Assign each idea a Handlungsfeld (and fill missing Leitfragen) — the analyst stays in control.

Precedence, strongest first (``field_method``):

``manual``
    The analyst's coding (a filled codebook) names the field. Confidence 1.0.
``rule``
    Keyword stems of the taxonomy match the idea text. With ``s1``/``s2`` the number of words
    matching the best / second-best field: confidence ``0.3 + 0.6 * (s1 - s2) / s1``, plus 0.1
    when the field is also the working group's field. A unique match in the "right" group gives
    1.0, a tie between two fields 0.3 (0.4 when the group breaks the tie — the group's field
    wins ties).
``group``
    No keyword matches; the working group stands for a field ("AK Wohnen"). Confidence 0.5.
``default``
    Nothing applies: :data:`flueko.schema.DEFAULT_FIELD`. Confidence 0.0.
"""

from __future__ import annotations

import pandas as pd

from flueko import schema
from flueko.taxonomy import Taxonomy
from flueko.taxonomy_match import field_for_group, field_hits, terms_of

MANUAL = "manual"
RULE = "rule"
GROUP = "group"
DEFAULT = "default"

CONF_MANUAL = 1.0
CONF_GROUP = 0.5
CONF_DEFAULT = 0.0


_ORDERS: dict[int, tuple[Taxonomy, dict[str, int]]] = {}


def _order(tax: Taxonomy) -> dict[str, int]:
    """Field key → position in taxonomy order (kept per taxonomy object)."""
    cached = _ORDERS.get(id(tax))
    if cached is None or cached[0] is not tax:
        cached = _ORDERS[id(tax)] = (tax, {k: i for i, k in enumerate(tax.field_keys)})
    return cached[1]


def classify_text(text: str, group_field: str | None, tax: Taxonomy) -> tuple[str, str, float, str]:
    """Field, method, confidence and "; "-joined matched stems for one idea (no coding).

    Parameters
    ----------
    text
        The idea.
    group_field
        Field of the idea's working group (from :func:`flueko.taxonomy_match.field_for_group`).
    tax
        The taxonomy in force.
    """
    found = field_hits(text, tax)
    if found:
        scores = {k: score for k, score, _ in found}
        s1 = max(scores.values())
        best = [k for k, v in scores.items() if v == s1]
        # ties go to the group's own field, else to the first field in taxonomy order
        field = group_field if group_field in best else min(best, key=_order(tax).__getitem__)
        s2 = max((v for k, v in scores.items() if k != field), default=0)
        conf = 0.3 + 0.6 * (s1 - s2) / s1 + (0.1 if field == group_field else 0.0)
        terms = terms_of({k: hits for k, _, hits in found}[field])  # only the field's stems
        return field, RULE, round(min(conf, 1.0), 3), "; ".join(terms)
    if group_field is not None:
        return group_field, GROUP, CONF_GROUP, ""
    return schema.DEFAULT_FIELD, DEFAULT, CONF_DEFAULT, ""


def categorise(
    contributions: pd.DataFrame,
    *,
    taxonomy: Taxonomy,
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Set ``field``, ``field_method``, ``field_terms``, ``field_confidence``; apply the coding.

    Parameters
    ----------
    contributions
        The ``contributions`` table; not modified.
    taxonomy
        The taxonomy in force.
    coding
        Validated analyst coding (see :func:`flueko.io.codebook.validate_coding`): ``idea_id``
        with ``field`` and/or ``question`` (missing = no change). A coded field wins over every
        rule; a coded question replaces the ingest's (``question_method`` = ``manual``).

    Returns
    -------
    pandas.DataFrame
        A copy conforming to the ``contributions`` schema.
    """
    out = schema.conform(contributions, "contributions")
    group_fields = {
        g: field_for_group(g, taxonomy) for g in out[schema.GROUP].dropna().unique().tolist()
    }
    fields, methods, confs, terms = [], [], [], []
    seen: dict[tuple[str, str | None], tuple[str, str, float, str]] = {}
    for text, group in zip(out[schema.TEXT].tolist(), out[schema.GROUP].tolist(), strict=True):
        gf = group_fields.get(group) if isinstance(group, str) else None
        key = (text if isinstance(text, str) else "", gf)
        found = seen.get(key)
        if found is None:  # many ideas repeat: classify each distinct text once
            found = seen[key] = classify_text(key[0], gf, taxonomy)
        f, m, c, t = found
        fields.append(f)
        methods.append(m)
        confs.append(c)
        terms.append(t or pd.NA)
    out[schema.FIELD] = pd.array(fields, dtype=schema.STR)
    out[schema.FIELD_METHOD] = pd.array(methods, dtype=schema.STR)
    out[schema.FIELD_TERMS] = pd.array(terms, dtype=schema.STR)
    out[schema.FIELD_CONFIDENCE] = pd.array(confs, dtype=schema.FLOAT)
    if coding is not None and len(coding):
        out = _apply_coding(out, coding)
    return out


def _apply_coding(out: pd.DataFrame, coding: pd.DataFrame) -> pd.DataFrame:
    coded = coding.drop_duplicates(subset=[schema.IDEA_ID], keep="last").set_index(schema.IDEA_ID)
    ids = out[schema.IDEA_ID]
    if schema.FIELD in coded.columns:
        new_field = ids.map(coded[schema.FIELD].dropna()).astype(schema.STR)
        hit = new_field.notna()
        out.loc[hit, schema.FIELD] = new_field[hit]
        out.loc[hit, schema.FIELD_METHOD] = MANUAL
        out.loc[hit, schema.FIELD_CONFIDENCE] = CONF_MANUAL
        out.loc[hit, schema.FIELD_TERMS] = pd.NA
    if schema.QUESTION in coded.columns:
        new_q = ids.map(coded[schema.QUESTION].dropna()).astype(schema.STR)
        hit = new_q.notna()
        out.loc[hit, schema.QUESTION] = new_q[hit]
        out.loc[hit, schema.QUESTION_METHOD] = MANUAL
    return out


def uncertain(contributions: pd.DataFrame, *, n: int = 20) -> pd.DataFrame:
    """The ``n`` least confidently categorised ideas, least confident first (ties: idea_id)."""
    df = contributions.sort_values(
        [schema.FIELD_CONFIDENCE, schema.IDEA_ID], kind="stable", na_position="first"
    )
    return df.head(n).reset_index(drop=True)
