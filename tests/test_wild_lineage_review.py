"""The analyst's answers in „Herkunft prüfen“ and „Karten-IDs (Herkunft)“, as other people type
them: the blind set ``tests/wild_sets/lineage_review`` (28 cases written from the README and the
exported workbook only; first run 20 of 28, see its first_run.txt), scored by its own script
through the ``flueko`` command. Ratchet: raise it, never lower it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCORE = Path(__file__).resolve().parent / "wild_sets" / "lineage_review" / "score.py"
RIGHT = 28


@pytest.mark.slow
def test_blind_review_answers_ratchet():
    done = subprocess.run(
        [sys.executable, str(SCORE)], capture_output=True, text=True, timeout=900, check=True
    )
    found = re.search(r"(\d+) of (\d+) cases right", done.stdout)
    assert found, done.stdout[-2000:] + done.stderr[-2000:]
    assert int(found[2]) == 28
    assert int(found[1]) >= RIGHT, done.stdout
