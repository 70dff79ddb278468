"""Which kind a sheet is and where its header row is — from the content."""

from __future__ import annotations

import pytest

from flueko.config import load_settings
from flueko.errors import LayoutError
from flueko.ingest.detect import detect_sheet, has_word, is_summary_sheet
from flueko.ingest.survey import match_item
from flueko.sheet import make_sheet
from flueko.taxonomy import default_taxonomy
from flueko.taxonomy_match import question_for_heading
from flueko.vocabulary import default_vocabulary

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
    assert "nicht erkannt: sieht nicht nach Workshop-Karten" in err.value.one_line()
    assert err.value.code == "not_recognised"
    assert is_summary_sheet(make_sheet(rows, name="Übersicht"))


def test_unrecognised_sheet_names_headers_found_and_words_expected():
    with pytest.raises(LayoutError) as err:
        detect([["Datum", "Ort"], ["1.1.", "Waiblingen"]], name="Notizen")
    msg = err.value.one_line()
    assert msg == (
        "test.xlsx, Blatt 'Notizen': nicht erkannt: sieht nicht nach Workshop-Karten, "
        "Bewertungsbogen, Rückmeldebogen oder Maßnahmenplan aus (Spalten: Datum, Ort) — "
        "falls doch: in round.yaml `hints: {files: {test.xlsx: karten}}` eintragen"
    )


def test_short_words_match_whole_tokens_only():
    vocab = default_vocabulary()
    assert has_word("AK", vocab.group) and not has_word("Aktivitäten", vocab.group)
    assert has_word("Klebepunkte", vocab.votes)


def test_vote_columns_are_whole_words_or_plural_compounds():
    det = detect([["Stichpunkte", "Zeitpunkt", "Klebepunkte", "Anzahl Nennungen"], ["a", 1, 2, 3]])
    assert det.layout == "long"
    assert det.columns["text"] == [0] and det.columns["votes"] == [2, 3]


@pytest.mark.parametrize(
    ("rows", "kind", "header"),
    [
        (
            [["Ergebnisse AK Wohnen"], [], ["Leitfrage", "Beitrag", "Punkte"], ["F1", "a", 1]],
            "cards",
            2,
        ),
        (
            [["Ergebnisse der Bewertung"], ["Maßnahme", "Bewerter/in", "Wirkung", "Aufwand"]],
            "ratings",
            1,
        ),
        ([["AK Sprache", None, "AK Arbeit"], ["Idee", None, "Idee"], ["a", None, "b"]], "cards", 1),
        ([["Beitrag"], ["Ergebnisse sichern"]], "cards", 0),
    ],
)
def test_one_cell_or_group_title_above_a_wider_header(rows, kind, header):
    det = detect(rows)
    assert (det.kind, det.header_row) == (kind, header)


def test_layout_columns_of_wild_headers():
    assert detect([["Frage 1", "Punkte", "Frage 2"], ["a", 1, "b"]]).columns == {
        "questions": [0, 2],
        "votes": [1],
        "group": [],
    }
    side = detect([["Leitfrage", "Idee", "Punkte", None, "Leitfrage", "Idee", "Punkte"]])
    assert side.columns == {"text": [1, 5], "question": [0, 4], "votes": [2, 6], "group": []}
    groups = detect([["AK Wohnen", "Punkte", "AK Arbeit"], ["a", 1, "b"]])
    assert (groups.layout, groups.columns["group_columns"]) == ("wide", [0, 2])
    proposal = detect([["Maßnahmenvorschlag", "Punkte"], ["Sprachcafé", 2]])
    assert (proposal.kind, proposal.columns["text"]) == ("cards", [0])  # no question column
    notes = [["Notizen"], ["Nächstes Treffen im Januar"]]
    with pytest.raises(LayoutError):
        detect(notes, name="Fazit")
