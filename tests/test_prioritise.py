import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko import schema
from flueko.analyse.prioritise import (
    aggregate_ratings,
    build_measures,
    normalise_votes,
    quadrant,
    rank_robustness,
    score_measures,
    validate_weights,
)
from flueko.config import load_params
from flueko.errors import ConfigError

W = {"impact": 0.4, "effort": 0.2, "urgency": 0.1, "feasibility": 0.1, "votes": 0.2}


def ratings(rows):
    df = pd.DataFrame(rows, columns=[schema.MEASURE_ID, schema.RATER, schema.CRITERION, "v"])
    df[schema.VALUE] = df.pop("v")
    df[schema.TITLE] = df[schema.MEASURE_ID].map(lambda m: f"Titel {m}")
    return schema.conform(df, "ratings")


R = ratings(
    [
        ("A", "r1", "impact", 5),
        ("A", "r2", "impact", 4),
        ("A", "r3", "impact", 1),
        ("A", "r1", "effort", 2),
        ("A", "r2", "effort", 2),
        ("B", "r1", "impact", 2),
        ("B", "r1", "effort", 4),
        ("B", "r2", "urgency", 5),
    ]
)


def test_aggregate_ratings():
    agg = aggregate_ratings(R, disagreement_iqr=2.0).set_index(schema.MEASURE_ID)
    assert agg.loc["A", schema.IMPACT] == 4.0
    assert agg.loc["A", schema.IMPACT_IQR] == 2.0  # quantiles 2.5 and 4.5
    assert agg.loc["A", schema.EFFORT_IQR] == 0.0
    assert agg.loc["A", schema.N_RATERS] == 3
    assert agg.loc["A", "n_impact"] == 3 and agg.loc["A", "n_effort"] == 2
    assert bool(agg.loc["A", schema.DISAGREEMENT]) is True
    assert bool(agg.loc["B", schema.DISAGREEMENT]) is False
    assert agg.loc["B", schema.N_RATERS] == 2
    assert pd.isna(agg.loc["B", schema.FEASIBILITY])
    assert agg.loc["B", schema.TITLE] == "Titel B"


def test_aggregate_empty():
    agg = aggregate_ratings(schema.empty("ratings"))
    assert agg.empty and schema.IMPACT in agg.columns


def test_normalise_votes_by_group_size():
    votes = pd.DataFrame(
        {
            schema.MEASURE_ID: ["A", "B", "C"],
            schema.GROUP: ["AK groß", "AK groß", "AK klein"],
            schema.VOTES: [10, 30, 6],
        }
    )
    out = normalise_votes(votes, participants={"AK groß": 20, "AK klein": 4}, dots_per_person=2)
    assert list(out[schema.VOTES]) == [10, 30, 6]
    assert list(out[schema.VOTES_NORM]) == [0.25, 0.75, 0.75]
    fallback = normalise_votes(votes, participants=None, dots_per_person=None)
    assert list(fallback[schema.VOTES_NORM]) == [0.25, 0.75, 1.0]


def test_validate_weights():
    assert validate_weights(W) == W
    assert validate_weights({"impact": 1}) == {"impact": 1.0}
    with pytest.raises(ConfigError, match=r"ergeben zusammen 0\.9"):
        validate_weights({"impact": 0.5, "effort": 0.4})
    with pytest.raises(ConfigError, match="unbekanntes Kriterium in den Gewichten: kosten"):
        validate_weights({"impact": 0.5, "kosten": 0.5})
    with pytest.raises(ConfigError, match="zwischen 0 und 1"):
        validate_weights({"impact": 1.5, "effort": -0.5})
    with pytest.raises(ConfigError, match="keine Zahl"):
        validate_weights({"impact": "1"})
    with pytest.raises(ConfigError) as err:
        validate_weights({})
    assert "params.yaml" in err.value.hint


@pytest.mark.parametrize(
    ("impact", "effort", "expected"),
    [
        (3.0, 2.9, "quick_win"),
        (3.0, 3.0, "grosses_vorhaben"),
        (2.9, 2.9, "kleiner_schritt"),
        (2.9, 3.0, "zeitfresser"),
        (5.0, 1.0, "quick_win"),
        (None, 2.0, None),
    ],
)
def test_quadrant_boundary(impact, effort, expected):
    assert quadrant(impact, effort, threshold=3.0) == expected


def test_score_reweights_missing_criteria_and_ranks_deterministically():
    agg = pd.DataFrame(
        {
            schema.MEASURE_ID: ["a", "b", "c", "d", "e"],
            schema.TITLE: ["Zeta", "Alpha", "Beta", "Gamma", "Leer"],
            schema.IMPACT: [5.0, 3.0, 3.0, 3.0, None],
            schema.EFFORT: [1.0, 3.0, 3.0, 3.0, None],
            schema.URGENCY: [None, 3.0, 3.0, 3.0, None],
            schema.FEASIBILITY: [None, 3.0, 3.0, 3.0, None],
        }
    )
    before = agg.copy()
    weights = {"impact": 0.5, "effort": 0.25, "urgency": 0.25}
    out = score_measures(agg, weights=weights).set_index(schema.MEASURE_ID)
    pd.testing.assert_frame_equal(agg, before)
    assert out.loc["a", schema.SCORE] == 1.0  # urgency missing: 0.5+0.25 re-weighted to 1
    assert out.loc["b", schema.SCORE] == 0.5
    assert pd.isna(out.loc["e", schema.SCORE]) and pd.isna(out.loc["e", schema.RANK])
    # b, c, d tie on score, impact, effort: title decides (Alpha, Beta, Gamma)
    assert [out.loc[m, schema.RANK] for m in "abcd"] == [1, 2, 3, 4]
    assert out.loc["a", schema.QUADRANT] == "quick_win"
    assert out.loc["b", schema.QUADRANT] == "grosses_vorhaben"
    low = score_measures(agg, weights=weights, threshold=4.0).set_index(schema.MEASURE_ID)
    assert low.loc["b", schema.QUADRANT] == "kleiner_schritt"


def test_votes_enter_score_relative_to_best():
    agg = pd.DataFrame(
        {
            schema.MEASURE_ID: ["a", "b"],
            schema.TITLE: ["A", "B"],
            schema.IMPACT: [3.0, 3.0],
            schema.VOTES_NORM: [0.2, 0.4],
        }
    )
    out = score_measures(agg, weights={"impact": 0.5, "votes": 0.5})
    assert list(out[schema.SCORE]) == [0.5, 0.75]
    assert list(out[schema.RANK]) == [2, 1]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.floats(1, 5)),
            st.one_of(st.none(), st.floats(1, 5)),
            st.one_of(st.none(), st.floats(1, 5)),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_score_in_unit_interval_and_ranks_are_a_permutation(rows):
    agg = pd.DataFrame(
        {
            schema.MEASURE_ID: [f"m{i}" for i in range(len(rows))],
            schema.TITLE: [f"t{i}" for i in range(len(rows))],
            schema.IMPACT: [r[0] for r in rows],
            schema.EFFORT: [r[1] for r in rows],
            schema.URGENCY: [r[2] for r in rows],
        }
    ).astype({schema.IMPACT: "Float64", schema.EFFORT: "Float64", schema.URGENCY: "Float64"})
    out = score_measures(agg, weights={"impact": 0.6, "effort": 0.3, "urgency": 0.1})
    scores = out[schema.SCORE].dropna()
    assert ((scores >= 0) & (scores <= 1 + 1e-12)).all()
    ranks = out[schema.RANK].dropna()
    assert sorted(ranks) == list(range(1, len(scores) + 1))
    ordered = out.dropna(subset=[schema.SCORE]).sort_values(schema.RANK)[schema.SCORE]
    assert ordered.is_monotonic_decreasing


def test_rank_robustness_is_seeded_and_sensible():
    rows = []
    for r in ("r1", "r2", "r3", "r4"):
        rows += [("A", r, "impact", 5), ("A", r, "effort", 1)]
        rows += [("B", r, "impact", 1), ("B", r, "effort", 5)]
        rows += [("C", r, "impact", 3), ("C", r, "effort", 3)]
    rat = ratings(rows)
    agg = aggregate_ratings(rat)
    kw = {"weights": {"impact": 0.5, "effort": 0.5}, "top_k": 1, "n_samples": 50, "seed": 7}
    one = rank_robustness(rat, agg, **kw)
    two = rank_robustness(rat, agg, **kw)
    pd.testing.assert_frame_equal(one, two)
    got = one.set_index(schema.MEASURE_ID)
    assert got.loc["A", schema.TOP_K_SHARE] == 1.0
    assert got.loc["B", schema.TOP_K_SHARE] == 0.0
    assert (got.loc["A", "rank_min"], got.loc["A", "rank_max"]) == (1, 1)
    assert (got.loc["B", "rank_min"], got.loc["B", "rank_max"]) == (3, 3)
    assert not got["weight_sensitive"].any()


def test_rank_robustness_flags_weight_sensitive_measures():
    rows = [
        ("A", "r1", "impact", 5),
        ("A", "r1", "effort", 4),
        ("B", "r1", "impact", 4),
        ("B", "r1", "effort", 2),
    ]
    rat = ratings(rows)
    agg = aggregate_ratings(rat)
    # A: 0.5*1 + 0.5*0.25 = 0.625, B: 0.5*0.75 + 0.5*0.75 = 0.75 — close: jitter can flip
    weights = {"impact": 0.8, "effort": 0.2}
    out = rank_robustness(rat, agg, weights=weights, top_k=1, n_samples=100, jitter=0.9, seed=1)
    assert out[schema.TOP_K_SHARE].between(0.01, 0.99).all()
    assert out["weight_sensitive"].all()


def test_build_measures_conforms_and_fills():
    attrs = pd.DataFrame(
        {
            schema.MEASURE_ID: ["A", "Z"],
            schema.TITLE: ["Titel A", "Nur im Plan"],
            schema.COST_MIN: [100.0, None],
        }
    )
    votes = pd.DataFrame({schema.MEASURE_ID: ["A", "B"], schema.VOTES: [4, 1]})
    params = load_params()
    out = build_measures(R, attrs, round_id="2016", params=params, votes=votes)
    assert list(out.columns) == list(schema.MEASURES_COLUMNS)
    assert list(out[schema.MEASURE_ID]) == ["A", "B", "Z"]
    assert list(out[schema.RANK].astype("float").fillna(0)) == [1, 2, 0]
    a = out.set_index(schema.MEASURE_ID).loc["A"]
    assert (a[schema.ROUND], a[schema.COST_MIN], a[schema.VOTES], a[schema.VOTES_NORM]) == (
        "2016",
        100.0,
        4,
        0.8,
    )
    assert a[schema.TOP_K_SHARE] == 1.0  # top 5 of 2 rated measures
    z = out.set_index(schema.MEASURE_ID).loc["Z"]
    assert pd.isna(z[schema.SCORE]) and pd.isna(z[schema.VOTES])
    again = build_measures(R, attrs, round_id="2016", params=params, votes=votes)
    pd.testing.assert_frame_equal(out, again)
