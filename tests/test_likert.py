"""Tests for flueko.ingest.likert: labels and codes → scale values (higher = better)."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko.config import load_settings
from flueko.ingest import likert

ITEMS = load_settings("survey_items.yaml")
SCALES = ITEMS["scales"]
MISSING = ITEMS["missing"]


def read(answer, **kwargs):
    return likert.map_answer(answer, scales=SCALES, missing=MISSING, **kwargs)


@pytest.mark.parametrize(
    ("answer", "value", "scale"),
    [
        ("sehr zufrieden", 5.0, "zufriedenheit"),
        ("Sehr Zufrieden", 5.0, "zufriedenheit"),
        ("  eher  UNZUFRIEDEN ", 2.0, "zufriedenheit"),
        ("sehr unzufrieden", 1.0, "zufriedenheit"),
        ("teils/teils", 3.0, "zufriedenheit"),
        ("Teils-teils", 3.0, "zufriedenheit"),
        ("trifft voll zu", 5.0, "zustimmung"),
        ("trifft gar nicht zu", 1.0, "zustimmung"),
        ("sehr gut", 5.0, "schulnoten"),
        ("mangelhaft", 1.0, "schulnoten"),
        ("befriedigend", 3.0, "schulnoten"),
        ("Äußerst zufrieden", 5.0, "zufriedenheit"),
        ("aeusserst zufrieden", 5.0, "zufriedenheit"),
        ("ja", 1.0, "ja_nein"),
        ("Nein", 0.0, "ja_nein"),
        (True, 1.0, "ja_nein"),
        ("5 = sehr zufrieden", 5.0, "zufriedenheit"),
        ("sehr gut (1)", 5.0, "schulnoten"),
    ],
)
def test_labels_map_to_values_higher_is_better(answer, value, scale):
    assert read(answer) == likert.AnswerValue(value=value, scale=scale)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("keine Angabe", "keine_angabe"),
        ("k. A.", "keine_angabe"),
        ("k.A.", "keine_angabe"),
        ("KA", "keine_angabe"),
        ("weiß nicht", "keine_angabe"),
        ("Weiss nicht", "keine_angabe"),
        ("kann ich nicht beurteilen", "keine_angabe"),
        ("-", "keine_angabe"),
        ("?", "keine_angabe"),
        ("", "leer"),
        ("   ", "leer"),
        (None, "leer"),
        (float("nan"), "leer"),
    ],
)
def test_missing_labels_and_empty_are_excluded(answer, reason):
    assert read(answer) == likert.AnswerValue(excluded=reason)


@pytest.mark.parametrize("answer", ["blub", "2,5", 2.5, 6, 0, "6", dt.date(2016, 10, 20), math.inf])
def test_other_answers_are_unknown(answer):
    assert read(answer) == likert.AnswerValue(unknown=True)


def test_four_point_scale_gives_its_own_range():
    four = {"zustimmung4": SCALES["zustimmung4"]}
    five = {"zustimmung": SCALES["zustimmung"]}
    assert likert.map_answer("trifft eher zu", scales=four).value == 3.0
    assert likert.map_answer("trifft voll zu", scales=four).value == 4.0
    assert likert.map_answer("trifft eher zu", scales=five).value == 4.0
    assert likert.map_answer("teils/teils", scales=four).unknown


@pytest.mark.parametrize(
    ("code", "direction", "value"),
    [
        (1, "1=best", 5.0),
        (2, "1=best", 4.0),
        ("5", "1=best", 1.0),
        (3, "1=best", 3.0),
        (1, "1=worst", 1.0),
        ("4", "1=worst", 4.0),
        (5, "auto", 5.0),
        ("4,0", "auto", 4.0),
        (4.0, "auto", 4.0),
    ],
)
def test_numeric_codes_follow_the_direction(code, direction, value):
    assert read(code, direction=direction).value == value


def test_numeric_range_is_configurable():
    assert read(6, direction="1=best", numeric_scale=(1, 6)).value == 1.0
    assert read(1, direction="1=best", numeric_scale=(1, 4)).value == 4.0
    assert read(5, numeric_scale=(1, 4)).unknown


def test_bad_direction_is_a_programming_error():
    with pytest.raises(ValueError, match="direction"):
        read(1, direction="1=gut")


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        ("1=sehr zufrieden", ("1=best", (1, 5))),
        ("1 = sehr unzufrieden", ("1=worst", (1, 5))),
        ("1 = sehr gut, 6 = ungenügend", ("1=best", (1, 6))),
        ("1=best", ("1=best", None)),
        ("1-4, 1=best", ("1=best", (1, 4))),
        (None, ("auto", None)),
        ("", ("auto", None)),
    ],
)
def test_parse_scale_hint(hint, expected):
    assert likert.parse_scale_hint(hint, scales=SCALES) == expected


def test_reversed_scale_via_hint_end_to_end():
    direction, numeric = likert.parse_scale_hint("1=sehr zufrieden", scales=SCALES)
    values = [read(c, direction=direction, numeric_scale=numeric).value for c in (1, 2, 3, 4, 5)]
    assert values == [5.0, 4.0, 3.0, 2.0, 1.0]


@pytest.mark.parametrize(
    ("answers", "scale"),
    [
        (["sehr zufrieden", "zufrieden", "teils/teils"], "zufriedenheit"),
        (["trifft eher zu", "trifft voll zu", "teils/teils"], "zustimmung"),
        (["trifft eher zu", "trifft voll zu"], "zustimmung"),
        (["sehr gut", "ungenügend"], "schulnoten6"),
        (["sehr gut", "gut", "mangelhaft"], "schulnoten"),
        (["ja", "nein", None], "ja_nein"),
        (["1", "4", 3, None], None),
    ],
)
def test_detect_scale(answers, scale):
    assert likert.detect_scale(answers, scales=SCALES) == scale


@pytest.mark.parametrize(
    ("lo", "hi", "top", "threshold"),
    [(1, 5, 2, 4), (1, 4, 2, 3), (0, 1, 2, 1), (1, 6, 2, 5), (1, 5, 1, 5), (1, 5, 4, 4)],
)
def test_positive_threshold_never_counts_the_middle(lo, hi, top, threshold):
    assert likert.positive_threshold(lo, hi, positive_top=top) == threshold


def test_polarity_and_labels():
    spec = likert.scale_specs(SCALES)["zufriedenheit"]
    assert [likert.polarity(v, spec) for v in (1, 2, 3, 4, 5)] == [
        "negative",
        "negative",
        "neutral",
        "positive",
        "positive",
    ]
    assert spec.label(4.0) == "zufrieden"
    assert (spec.lo, spec.hi) == (1, 5)


LABELS = [
    point
    for spec in SCALES.values()
    for point in [*spec["points"], *[s for syn in spec["synonyms"].values() for s in syn]]
]
ANSWERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(LABELS),
    st.sampled_from(LABELS).map(lambda s: f"  {s.upper()} "),
    st.dates(),
)


@settings(max_examples=200, deadline=None)
@given(answer=ANSWERS, direction=st.sampled_from(likert.DIRECTIONS))
def test_every_answer_is_exactly_one_of_value_excluded_unknown(answer, direction):
    result = read(answer, direction=direction)
    assert (result.value is not None) + (result.excluded is not None) + result.unknown == 1
    if result.value is not None:
        assert -1 <= result.value <= 6
