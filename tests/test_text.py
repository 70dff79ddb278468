"""One folding for every matcher."""

from hypothesis import given
from hypothesis import strategies as st

from flueko.text import fold, fold_chars


def test_fold_examples():
    assert fold("Maßnahme (Wirkung 1–5)") == "massnahme wirkung 1 5"
    assert fold("Ärzte-Team") == "aerzte team"
    assert fold("idea_id") == "idea id" and fold("idea_id", keep="_") == "idea_id"
    assert fold_chars("ca. 2.500 €") == "ca. 2.500 €"
    assert fold(None) == "" and fold(float("nan")) == ""


@given(st.text())
def test_fold_is_idempotent_and_normalised(text):
    out = fold(text)
    assert fold(out) == out
    assert out == out.strip() and "  " not in out
