"""The blind feedback-survey set (``tests/wild_sets/surveys``), ingested in-process.

Each case is copied alone into a fresh round and read by :func:`flueko.pipeline.ingest_round`;
the set's own scorer (``score.py``, written without reading the parser) compares the survey
tables with ``truth.json`` (every item's valid answers and mean on a 0–1 "good" scale, and the
size of the small group). First run: 4 of 14 strict, 10 of 14 with the groups compared by
their sizes (flueko names groups by the taxonomy's participant groups). The four failures read
satisfaction mirrored or dropped answers: a SoSci values table whose direction was not applied
and a variables table with LABEL in the third column (s05, s06: 7-point scale read on 1–5),
a 0–10 item beside verbal 4-point items read on 1–5 (s03), a legend file of LimeSurvey answer
codes beside the export ignored (s04). After the fix: 14 of 14.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from flueko.config import Workspace
from flueko.pipeline import ingest_round

pytestmark = pytest.mark.slow

SET = Path(__file__).parent / "wild_sets" / "surveys"
CASES = sorted(p for p in (SET / "cases").iterdir() if (p / "truth.json").is_file())

EXACT = {
    "s01_google_linear_1_5",
    "s02_google_grid_verbal",
    "s03_msforms_de_verbal4_nps",
    "s04_limesurvey_codes_legend",
    "s05_sosci_utf16_reversed",
    "s06_sosci_7point",
    "s07_paper_grades_1_6_smallgroup",
    "s08_paper_legend_sheet",
    "s09_paper_ods_4point",
    "s10_paper_xls_1bad_5good",
    "s11_paper_verbal5",
    "s12_google_0_10",
    "s13_msforms_en_1good",
    "s14_paper_mean_row",
}
"""Ratchet: the cases read exactly. A case may join, never leave."""
EXACT_AT_LEAST = 14


def _scorer():
    spec = importlib.util.spec_from_file_location("wild_surveys_score", SET / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[str]]:
    """Case name → the scorer's lines when the case is not exact (``[]`` when it is)."""
    score = _scorer()
    out: dict[str, list[str]] = {}
    for case in CASES:
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        root = tmp_path_factory.mktemp("wild")
        folder = root / "data" / "raw" / "r"
        folder.mkdir(parents=True)
        for f in case.iterdir():
            if f.name != "truth.json":
                shutil.copy(f, folder / f.name)
        result = ingest_round(Workspace.at(root), "r")
        processed = root / "data" / "processed" / "r"
        tables = {}
        for name in ("survey_responses", "survey_items"):
            path = processed / f"{name}.parquet"
            tables[name] = pd.read_parquet(path) if path.exists() else result.tables.get(name)
        log = [" ".join(map(str, row)) for row in result.log.astype(str).itertuples(index=False)]
        lines: list[str] = []
        ok, lines = score.compare(
            truth, tables["survey_responses"], tables["survey_items"], lines, log
        )
        out[case.name] = [] if ok else lines
    return out


def test_the_set_is_complete():
    assert len(CASES) == 14 and {c.name for c in CASES} >= EXACT


def test_every_case_that_was_exact_stays_exact(results):
    broken = {c: results[c] for c in sorted(EXACT) if results[c]}
    assert not broken, broken


def test_exact_count_only_goes_up(results):
    exact = sorted(c.name for c in CASES if not results[c.name])
    assert len(exact) >= EXACT_AT_LEAST, exact
