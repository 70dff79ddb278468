"""Wiring between the stages: votes behind measures, group sizes, two coders."""

from __future__ import annotations

import pandas as pd

from flueko import schema as s
from flueko.pipeline import analyst_coding, field_keys, lineage_votes, match_group_sizes
from flueko.taxonomy import default_taxonomy

TAX = default_taxonomy()


def _contributions():
    rows = [
        # one card split into two ideas, 4 votes: both ideas lead to M-1 → counted once
        {"idea_id": "K1-1", "card_id": "K1", "group": "AK Arbeit", "votes": 4},
        {"idea_id": "K1-2", "card_id": "K1", "group": "AK Arbeit", "votes": 4},
        {"idea_id": "K2-1", "card_id": "K2", "group": "AK Wohnen", "votes": 2},
        {"idea_id": "K3-1", "card_id": "K3", "group": "AK Wohnen", "votes": None},
    ]
    return s.conform(pd.DataFrame(rows).assign(text="x", round="r"), "contributions")


def test_lineage_votes_count_each_card_once_per_measure_and_group():
    measures = pd.DataFrame(
        {
            s.MEASURE_ID: ["M-1", "M-2", "M-3"],
            s.IDEA_IDS: ["K1-1; K1-2; K2-1", "K3-1", None],
        }
    )
    got = lineage_votes(measures, _contributions())
    assert got.to_dict("records") == [
        {"measure_id": "M-1", "group": "AK Arbeit", "votes": 4},
        {"measure_id": "M-1", "group": "AK Wohnen", "votes": 2},
    ]


def test_group_sizes_match_names_as_typed_in_round_yaml():
    sizes = {"AK Bildung/Ausbildung": 10, "ak wohnen": 11, "Arbeitskreis Sport": 5}
    groups = ["AK Wohnen", "AK Bildung Ausbildung", "AK Arbeit"]
    assert match_group_sizes(sizes, groups, taxonomy=TAX) == {
        "AK Bildung Ausbildung": 10,
        "AK Wohnen": 11,
    }


def test_two_coders_agreement_and_disputed_ideas_stay_automatic():
    contributions = _contributions()
    a = pd.DataFrame(
        {s.IDEA_ID: ["K1-1", "K2-1", "K3-1"], s.FIELD: ["sprache", "wohnen", "arbeit"]}
    )
    b = pd.DataFrame(
        {s.IDEA_ID: ["K1-1", "K2-1", "K3-1"], s.FIELD: ["sprache", "wohnen", "wohnen"]}
    )
    entries, extras = [], {}
    coding = analyst_coding(
        [("kodierung_b.xlsx", b), ("kodierung_a.xlsx", a)],
        contributions,
        taxonomy=TAX,
        entries=entries,
        extras=extras,
    )
    assert sorted(coding[s.IDEA_ID]) == ["K1-1", "K2-1"]
    overall = extras["coder_agreement"].iloc[0]
    assert overall["coder_a"] == "kodierung_a.xlsx" and overall["n_ideas"] == 3
    assert extras["coder_disagreements"][s.IDEA_ID].tolist() == ["K3-1"]


def test_bad_coding_is_logged_not_applied():
    bad = pd.DataFrame({s.IDEA_ID: ["K1-1"], s.FIELD: ["wohnung"], s.SOURCE_ROW: [2]})
    entries, extras = [], {}
    coding = analyst_coding(
        [("kodierung.xlsx", bad)], _contributions(), taxonomy=TAX, entries=entries, extras=extras
    )
    assert coding is None
    assert [(e.file, e.severity, e.code) for e in entries] == [
        ("kodierung.xlsx", "error", "coding")
    ]
    assert "wohnung" in entries[0].message


def test_field_named_in_sheet_wins_over_keywords():
    measures = pd.DataFrame(
        {
            s.FIELD: ["Bildung/Ausbildung", None, "Unbekanntes Feld"],
            s.TITLE: ["Sprachkurse ausbauen", "Mietpaten gewinnen", "Sportverein öffnen"],
        }
    )
    assert field_keys(measures, taxonomy=TAX)[s.FIELD].tolist() == ["bildung", "wohnen", "freizeit"]
