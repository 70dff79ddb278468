"""Lineage by hand, as other people do it, scored by each blind set's own script through the
``flueko`` command (ratchets: raise them, never lower them):

- ``tests/wild_sets/lineage_review``: the analyst's answers in „Herkunft prüfen“ and edited
  „Karten-IDs (Herkunft)“ cells (28 cases written from the README and the exported workbook
  only; first run 20 of 28, see its first_run.txt);
- ``tests/wild_sets/template_roundtrip``: the rating-sheet template as offices fill it in (23
  cases: copies per rating body, edited ids, moved and deleted columns, typed ratings, one-sheet
  layout, .ods/.xls; first run 23 of 23)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SETS = Path(__file__).resolve().parent / "wild_sets"
RIGHT = {"lineage_review": (28, 28), "template_roundtrip": (23, 23)}
"""Set: (cases right at least, cases)."""


@pytest.mark.slow
@pytest.mark.parametrize("name", list(RIGHT))
def test_blind_lineage_by_hand_ratchet(name):
    right, cases = RIGHT[name]
    done = subprocess.run(
        [sys.executable, str(SETS / name / "score.py")],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    found = re.search(r"(\d+) of (\d+) cases right", done.stdout)
    assert found, done.stdout[-2000:] + done.stderr[-2000:]
    assert int(found[2]) == cases
    assert int(found[1]) >= right, done.stdout
