"""Tests for flueko.analyse.agreement."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from flueko import schema
from flueko.analyse.agreement import coder_agreement, cohens_kappa


def test_kappa_by_hand():
    # 10 ideas. coder A: wohnen x5, arbeit x5; coder B: wohnen x4, arbeit x6.
    a = ["wohnen"] * 5 + ["arbeit"] * 5
    b = ["wohnen"] * 4 + ["arbeit"] * 6
    # p_o = 9/10; p_e = (5*4 + 5*6) / 100 = 0.5; kappa = (0.9 - 0.5) / 0.5 = 0.8
    assert cohens_kappa(a, b) == pytest.approx(0.8)


def test_kappa_edge_cases():
    assert cohens_kappa(["x", "y"], ["x", "y"]) == pytest.approx(1.0)
    assert cohens_kappa(["x", "y"], ["y", "x"]) == pytest.approx(-1.0)
    assert math.isnan(cohens_kappa([], []))
    assert math.isnan(cohens_kappa(["x", "x"], ["x", "x"]))
    with pytest.raises(ValueError):
        cohens_kappa(["x"], [])


def test_coder_agreement_overall_per_field_and_disagreements():
    ids = [f"i{k}" for k in range(6)]
    a = pd.DataFrame(
        {
            schema.IDEA_ID: ids,
            schema.FIELD: ["wohnen", "wohnen", "arbeit", "arbeit", "sprache", "sprache"],
        }
    )
    b = pd.DataFrame(
        {
            schema.IDEA_ID: [*ids[::-1], "extra"],
            schema.FIELD: ["sprache", "arbeit", "arbeit", "arbeit", "wohnen", "wohnen", "bildung"],
        }
    )
    # b per idea: i5 sprache, i4 arbeit, i3 arbeit, i2 arbeit, i1 wohnen, i0 wohnen
    per_field, dis = coder_agreement(a, b)
    overall = per_field.iloc[0]
    assert overall[schema.FIELD] == "alle"
    assert overall["n_ideas"] == 6
    assert overall["agreement"] == pytest.approx(5 / 6)
    # p_o = 5/6; A: w2 a2 s2, B: w2 a3 s1 -> p_e = (4 + 6 + 2) / 36 = 1/3
    assert overall["kappa"] == pytest.approx((5 / 6 - 1 / 3) / (2 / 3))
    rows = per_field.set_index(schema.FIELD)
    assert list(rows.index) == ["alle", "wohnen", "arbeit", "sprache"]
    # sprache one-vs-rest: A yes on i4,i5; B yes on i5 -> table: yy=1, yn=1, nn=4
    # p_o = 5/6; p_e = (2/6)(1/6) + (4/6)(5/6) = 22/36
    assert rows.loc["sprache", "kappa"] == pytest.approx((5 / 6 - 22 / 36) / (1 - 22 / 36))
    assert rows.loc["wohnen", "kappa"] == pytest.approx(1.0)
    assert rows.loc["sprache", "n_ideas"] == 2
    assert dis.to_dict("records") == [
        {schema.IDEA_ID: "i4", "field_a": "sprache", "field_b": "arbeit"}
    ]
