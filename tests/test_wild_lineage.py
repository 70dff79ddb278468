"""Lineage on the labelled sets ``tests/wild_sets/lineage`` (130 card↔measure pairs written
without reading the matcher, 15 measures from no card) and ``tests/wild_sets/lineage_blind``
(185 pairs, 28 measures from no card, 31 cards that led to no measure; written later by someone
who read neither the matcher nor the first set) and ``tests/wild_sets/lineage_blind2`` (161
pairs, 25 measures from no card, 31 lonely cards; a third district, written blind in session 4),
scored in-process by the same scorer.

Ratchets: raise them when the matcher gets better, never lower them to make a change pass.
Measured on all pairs (tune half / held-out half: ``score.py --split``). One deliberate trade
(session 4): ``lineage_uncertain`` 10 → 15 makes links scoring 35–50 need a 5-point lead over
the card's runner-up measure (else both are listed as „mehrdeutig“) and lists more proposals;
it cost 1 true link on the first set and 2 on the second blind set, removed 3, 3 and 4 wrong
links, and raised "linked or listed" 0.92 → 0.95, 0.60 → 0.67, 0.53 → 0.62.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "wild_sets" / "lineage"
RECALL = 0.78  # 102 of 130 pairs
PRECISION = 0.93  # 102 of 109 links
SUGGESTED = 0.94  # 123 of 130 pairs linked or listed for the analyst
BLIND_RECALL = 0.45  # 85 of 185 pairs
BLIND_PRECISION = 0.83  # 85 of 102 links
BLIND_SUGGESTED = 0.71  # 133 of 185 pairs linked or listed for the analyst
BLIND2_RECALL = 0.40  # 65 of 161 pairs (first run: 0.36 = 58; first_run.txt)
BLIND2_PRECISION = 0.79  # 65 of 82 links (first run: 0.71)
BLIND2_SUGGESTED = 0.63  # 103 of 161 pairs linked or listed (first run: 0.53)


def _scorer():
    sys.path.insert(0, str(HERE))
    try:
        spec = importlib.util.spec_from_file_location("lineage_score", HERE / "score.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HERE))
    return module


SHOWN = {"lineage": 0.98, "lineage_blind": 0.95, "lineage_blind2": 0.94}
"""Share of true pairs the sheet „Herkunft prüfen“ shows the analyst: linked, proposed, or the
card listed among the cards without a measure (128 of 130, 176 of 185, 151 of 161)."""
RATCHETS = {
    # set: (pairs, measures from no card, recall, precision, linked or listed,
    #       most measures from no card linked, most cards without a measure linked)
    "lineage": (130, 15, RECALL, PRECISION, SUGGESTED, 1, 0),
    "lineage_blind": (185, 28, BLIND_RECALL, BLIND_PRECISION, BLIND_SUGGESTED, 4, 8),
    "lineage_blind2": (161, 25, BLIND2_RECALL, BLIND2_PRECISION, BLIND2_SUGGESTED, 4, 3),
}


@pytest.mark.parametrize("name", list(RATCHETS))
def test_lineage_ratchet(name):
    pairs, unrelated, recall, precision, suggested, unrelated_max, lonely_max = RATCHETS[name]
    module = _scorer()
    module.use_set(name)
    try:
        result = module.score("all")
    finally:
        module.use_set("lineage")
    assert result["pairs"] == pairs and result["unrelated_measures"] == unrelated
    assert result["recall"] >= recall, result["recall"]
    assert result["precision"] >= precision, result["precision"]
    assert result["recall_with_suggestions"] >= suggested, result["recall_with_suggestions"]
    assert result["unrelated_linked"] <= unrelated_max
    assert result["lonely_linked"] <= lonely_max
    assert result["shown_for_review"] >= SHOWN[name], result["shown_for_review"]


def test_split_halves_are_fixed_and_disjoint():
    module = _scorer()
    tune, holdout = module.split_titles("tune"), module.split_titles("holdout")
    assert not tune & holdout
    assert tune | holdout == module.split_titles("all")
    assert len(tune) == 33 + 8 and len(holdout) == 32 + 7
