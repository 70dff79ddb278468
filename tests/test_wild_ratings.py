"""The blind rating/cost set (``tests/wild_sets/ratings``), ingested in-process.

Each case is copied alone into a fresh round and read by :func:`flueko.pipeline.ingest_round`;
the set's own scorer (``score.py``, written without reading the parsers) compares the tables
with ``truth.json`` under flueko's conventions (ratings rescaled onto 1–5, amounts per month
annualised). First run before the rating/value-parser work: 5 of 29 exact (7 under flueko's
conventions); after it: 29 of 29. Eight exports in "tall" form (one row per rater × measure ×
criterion, T01–T08) were added later by someone who had not read the parser: first run 6 of 8
(an unknown criterion logged at its name instead of its value cell; the sheet name not taken as
the rater without a rater column), then 8 of 8.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from flueko import schema
from flueko.config import Workspace
from flueko.pipeline import ingest_round

pytestmark = pytest.mark.slow

SET = Path(__file__).parent / "wild_sets" / "ratings"
CASES = sorted(p for p in (SET / "cases").iterdir() if (p / "truth.json").is_file())

EXACT = {
    "P01_plan_basic_idioms",
    "P02_plan_multipliers_thousands",
    "P03_plan_free_and_unknown",
    "P04_plan_numeric_cells_titles",
    "P05_plan_periods",
    "P06_plan_mixed_ods",
    "P07_plan_mixed_xls",
    "P08_plan_sections_sum_row",
    "P09_plan_range_variants",
    "P10_plan_freetext_unparsed",
    "P11_plan_unit_in_header",
    "R01_long_basic",
    "R02_long_titles_rater_blocks",
    "R03_long_symbols_ods",
    "R04_wide_merged_issue",
    "R05_wide_merged_titles_cost",
    "R06_wide_repeated_xls",
    "R07_wide_first_only",
    "R08_wide_rater_over_criteria",
    "R09_combined_headers",
    "R10_combined_reversed_mean_cols_ods",
    "R11_sheet_per_rater",
    "R12_sheet_per_rater_1_10_xls",
    "R13_long_verbal_legend_above",
    "R14_wide_verbal_merged",
    "R15_combined_symbols_cost_legend",
    "R16_long_merged_titles_1_10",
    "R17_wide_text_numbers_missing",
    "R18_long_reordered_extra_cols",
    *(
        f"T0{i}_{name}"
        for i, name in enumerate(
            [
                "tall_basic_by_measure",
                "tall_survey_title_row_by_rater",
                "tall_four_criteria_by_criterion",
                "tall_unknown_criterion_sympathie",
                "tall_1_10_empty_values_xls",
                "tall_csv_semicolon_decimal_comma",
                "tall_ods_criterion_spellings",
                "tall_single_rater_sheet_name",
            ],
            start=1,
        )
    ),
}
"""Ratchet: the cases read exactly. A case may join, never leave."""
EXACT_AT_LEAST = 37


def _scorer():
    spec = importlib.util.spec_from_file_location("wild_ratings_score", SET / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[str]]:
    score = _scorer()
    args = SimpleNamespace(rescale=True, annualise=True)
    out: dict[str, list[str]] = {}
    for case in CASES:
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        root = tmp_path_factory.mktemp("wild")
        folder = root / "data" / "raw" / case.name
        folder.mkdir(parents=True)
        for f in case.iterdir():
            if f.name != "truth.json":
                shutil.copy(f, folder / f.name)
        result = ingest_round(Workspace.at(root), case.name)
        log = result.log.astype(str)
        res: dict = {"reasons": [], "details": {}}
        score.compare(truth, result.tables["measures"], result.tables["ratings"], log, res, args)
        out[case.name] = res["reasons"]
        out[f"raters:{case.name}"] = sorted(set(result.tables["ratings"][schema.RATER]))
    return out


def test_the_set_is_complete():
    assert len(CASES) == 37 and {c.name for c in CASES} >= EXACT


def test_every_case_that_was_exact_stays_exact(results):
    broken = {c: results[c] for c in sorted(EXACT) if results[c]}
    assert not broken, broken


def test_exact_count_only_goes_up(results):
    exact = sorted(c.name for c in CASES if not results[c.name])
    assert len(exact) >= EXACT_AT_LEAST, exact


def test_no_person_is_stored_as_rater(results):
    """R02 types two raters with a person's name: pseudonyms that keep their institution."""
    assert results["raters:R02_long_titles_rater_blocks"] == [
        "Agentur für Arbeit",
        "Bewerter/in 1 (Jobcenter)",
        "Bewerter/in 2 (Caritas)",
        "HWK",
        "IHK",
    ]
