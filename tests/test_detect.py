"""Which kind a sheet is and where its header row is — from the content."""

from __future__ import annotations

import pytest

from flueko.config import load_settings
from flueko.detect import GROUP_WORDS, VOTES_WORDS, detect_sheet, has_word, is_summary_sheet
from flueko.errors import LayoutError
from flueko.sheet import make_sheet
from flueko.survey import match_item
from flueko.taxonomy import default_taxonomy, question_for_heading

TAX = default_taxonomy()
ITEMS = load_settings("survey_items.yaml")


def detect(rows, name="Tabelle1"):
    return detect_sheet(
        make_sheet(rows, name=name),
        question_of=lambda t: question_for_heading(t, TAX),
        item_of=lambda h: match_item(h, items=ITEMS)[0],
    )


@pytest.mark.parametrize(
    ("rows", "kind", "header", "layout"),
    [
        ([["Titel"], [], ["Leitfrage", "Beitrag", "Punkte"], ["a", "b", 1]], "cards", 2, "long"),
        (
            [["Wo sind die Probleme in der Praxis?", "Was können wir tun?"], ["a", "b"]],
            "cards",
            0,
            "wide",
        ),
        (
            [["Maßnahme", "Bewerter/in", "Wirkung (1-5)", "Aufwand (1-5)"], ["M", "TN1", 4, 2]],
            "ratings",
            0,
            "long",
        ),
        ([["Nr.", "Maßnahme", "Zuständig", "Status"], [1, "M", "LRA", "offen"]], "plan", 0, "plan"),
        (
            [["id", "Teilnehmergruppe", "Format", "Moderation", "Transparenz"], [1, "K", 1, 2, 3]],
            "survey",
            0,
            "wide",
        ),
    ],
)
def test_kinds_and_header_rows(rows, kind, header, layout):
    det = detect(rows)
    assert (det.kind, det.header_row, det.layout) == (kind, header, layout)


def test_long_title_is_not_taken_for_a_header():
    rows = [
        ["Maßnahmenplan – Bewertung der Maßnahmenvorschläge aus den Workshops"],
        [],
        ["Beitrag", "Punkte"],
        ["Sprachcafé", 2],
    ]
    assert detect(rows).header_row == 2


def test_counts_under_a_measure_header_are_no_plan():
    rows = [["Handlungsfeld", "Maßnahmen", "Kosten bis"], ["Arbeit", 2, 5000], ["Wohnen", 3, 100]]
    with pytest.raises(LayoutError) as err:
        detect(rows, name="Übersicht")
    assert "keine Kopfzeile erkannt" in err.value.one_line()
    assert is_summary_sheet(make_sheet(rows, name="Übersicht"))


def test_unrecognised_sheet_names_headers_found_and_words_expected():
    with pytest.raises(LayoutError) as err:
        detect([["Datum", "Ort"], ["1.1.", "Waiblingen"]], name="Notizen")
    msg = err.value.one_line()
    assert "„Datum“" in msg and "Leitfrage | Beitrag | Punkte" in msg and "Notizen" in msg


def test_short_words_match_whole_tokens_only():
    assert has_word("AK", GROUP_WORDS) and not has_word("Aktivitäten", GROUP_WORDS)
    assert has_word("Klebepunkte", VOTES_WORDS)
