"""The fast paths of parsing and masking (issue 14) give what the full computation gives.

Each fast path decides the common case without the general machinery; these tests hold it to
the general result, so that a new rule in the general code cannot be skipped silently.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko import privacy_names
from flueko import schema as s
from flueko import text as T
from flueko.ingest import clean
from flueko.ingest.card_cells import RECORD_COLUMNS
from flueko.ingest.cards import card_table
from flueko.ingest.headers import _match, matching_word

PIECES = [
    "Tarek", "Haddad", "Olena", "olena", "K.", "M.", "Ö.", "z.", "B.", "u.", "a.", "Seitz",
    "Rosa", "Frank", "Ahmads", "Klaus-Dieter", "Sankt", "St.", "Heiligen", "Dr.", "Prof.",
    "Herr", "Frau", "Hr.", "Fr.", "Familie", "Kontakt:", "bei", "mit", "und", "oder", "von",
    "al", "Bürgermeisterin", "Robert", "Bosch", "Stiftung", "zum", "Basar", "Jobcenter",
    "Sprachkurs", "Müller", "Zoë", "Mariä", "Sohn", "Tel.", "0711", "info@example.org",
    "Paula-Modersohn-Schule", "ABC", "é", "Pfarrer", "Roma-Mediatorin", "die", "den", "Haddads",
    "Schmidts", "Wardak-Kinder", "kibrom", "braucht", "aus", "Herat", "Jan.", "Mustermann",
    "el-Sayed", "hr.", "kaiser", "+", "Villa", "Emma", "Doctor", "لنا",
]  # fmt: skip
SEPARATORS = [" ", "  ", ", ", "\n", " - ", ": ", "/", " (", ") ", "\t", "\u00a0", "", "."]

name_texts = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=8
).map(lambda parts: "".join(p + sep for p, sep in parts))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(name_texts, st.text(max_size=40)))
def test_a_text_the_pre_check_passes_over_holds_no_name(text):
    if not privacy_names.may_hold_name(text):
        assert privacy_names._find_names(text) == []
    assert privacy_names.find_names(text) == (privacy_names._find_names(text) if text else [])


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(max_size=60), name_texts))
def test_normalise_cell_fast_path_is_the_full_cleaning(text):
    assert clean.normalise_cell(text) == clean._clean_lines(text)


def test_normalise_cell_of_integers():
    for value in (0, 7, -3, 10**12):
        assert clean.normalise_cell(value) == str(value)
    assert clean.normalise_cell(10**5000) == ""  # more digits than Python converts


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
    st.sampled_from(["", "_", "/-", "_.", "&"]),
)
def test_fold_table_is_the_pattern_for_ascii(text, keep):
    assert T._words(text, keep) == " ".join(T._non_word(keep).sub(" ", text).split())


def test_header_match_cache_is_the_match():
    words = ("pkt", "punkte", "stimmen", "anzahl punkte", "nr")
    for header in ("Punkte", "Pkt.", "Anzahl Punkte", "Nr.", "Karte", "", "Stimmen gesamt"):
        assert matching_word(header, words) == _match(header, words)
    assert matching_word(3, words) == _match(3, words)


def _record(sheet: str, row: int, text: str, votes, question) -> tuple:
    return ("r1", "AK Wohnen", question, text, votes, f"K{row}", f"K{row}-1", "a.xlsx", sheet,
            row, f"B{row}")  # fmt: skip


def test_card_table_is_the_per_sheet_tables_concatenated():
    """Same values, dtypes and Arrow chunks (one per sheet) as conforming each sheet's table
    and concatenating them — the layout the Parquet writer's bytes depend on."""
    sheets = [
        [_record("A", 2, "Wohnraum fehlt", 3, "probleme"), _record("A", 3, "Kita", None, None)],
        [],
        [_record("B", 2, "Sprachkurs", None, None)],
        [_record("C", 5, "Paten", 0, "gelingen"), _record("C", 6, "Bus", 12, "gelingen")],
    ]
    per_sheet = [
        s.conform(pd.DataFrame([dict(zip(RECORD_COLUMNS, r, strict=True)) for r in rows],
                               columns=list(RECORD_COLUMNS)), "contributions")
        for rows in sheets
    ]  # fmt: skip
    old = s.conform(pd.concat([f for f in per_sheet if len(f)], ignore_index=True), "contributions")
    new = s.conform(pd.concat([card_table(sheets)], ignore_index=True), "contributions")
    pd.testing.assert_frame_equal(old, new)
    for col in old.columns:
        a, b = old[col].array, new[col].array
        if hasattr(a, "_pa_array"):
            assert [len(c) for c in a._pa_array.chunks] == [len(c) for c in b._pa_array.chunks]
            assert a._pa_array.equals(b._pa_array)
    assert len(card_table([[]])) == 0
