"""Rank robustness is computed once, in the ingest, and the report shows that one: the chart
and the "in den Top k" column agree, and the report computes it again only when the round has
none stored or runs with other prioritisation parameters."""

from __future__ import annotations

import pandas as pd
import pytest

from flueko import schema as s
from flueko.analyse import prioritise
from flueko.report import api
from flueko.report.sections_priority import robustness

ROUND = "2016-12-07_vertiefung"


@pytest.fixture(scope="module")
def rep(demo_run):
    assert demo_run.exit_code == 0
    return api.load(demo_run.root, ROUND)


def test_the_ingest_stores_robustness_that_agrees_with_the_measures(rep):
    stored = rep.tables["extra_robustness"]
    assert list(stored.columns) == [s.MEASURE_ID, s.TOP_K_SHARE, "rank_min", "rank_max",
                                    "weight_sensitive"]  # fmt: skip
    robust = robustness(rep)
    shares = rep.measures.set_index(s.MEASURE_ID)[s.TOP_K_SHARE]
    assert len(robust) == rep.measures[s.RANK].notna().sum()
    for mid, share in zip(robust[s.MEASURE_ID], robust[s.TOP_K_SHARE], strict=True):
        assert share == pytest.approx(shares[mid])


def test_the_report_does_not_compute_it_again(rep, monkeypatch):
    def no(*args, **kwargs):
        raise AssertionError("rank_robustness im Bericht erneut berechnet")

    monkeypatch.setattr(prioritise, "rank_robustness", no)
    assert len(robustness(rep)) > 0


def test_without_stored_robustness_the_report_computes_the_same(rep):
    stored = robustness(rep)
    tables = {k: v for k, v in rep.tables.items() if k != "extra_robustness"}
    again = robustness(api.RoundReport(**{**rep.__dict__, "tables": tables}))
    pd.testing.assert_frame_equal(
        stored.sort_values(s.MEASURE_ID).reset_index(drop=True),
        again.sort_values(s.MEASURE_ID).reset_index(drop=True),
        check_dtype=False,
    )


def test_other_prioritisation_parameters_at_report_time_are_computed_anew(demo_run):
    other = api.load(demo_run.root, ROUND, params={"prioritise": {"robustness_samples": 20}})
    assert other.overrides == {"prioritise": {"robustness_samples": 20}}
    assert len(robustness(other)) == len(robustness(api.load(demo_run.root, ROUND)))
