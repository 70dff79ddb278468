"""Workshop layouts → contributions: idea counts, votes, questions, groups, cells, log."""

from __future__ import annotations

import pytest

from flueko import schema as s
from flueko.ingest.cards import parse_cards_sheet
from flueko.ingest.detect import detect_sheet
from flueko.ingest.titles import group_from_text
from flueko.sheet import make_sheet
from flueko.taxonomy import default_taxonomy
from flueko.taxonomy_match import field_for_group, question_for_heading

TAX = default_taxonomy()


def q_of(text):
    return question_for_heading(text, TAX)


def g_of(text):
    return field_for_group(text, TAX)


def parse(sheet):
    det = detect_sheet(sheet, question_of=q_of, item_of=lambda _h: None)
    assert det.kind == "cards"
    return parse_cards_sheet(sheet, detection=det, round_id="r1", question_of=q_of, group_of=g_of)


def test_long_table_with_title_block_merged_question_and_bullets():
    rows = [
        ["Kommunaler Flüchtlingsdialog Landkreis Remstal", None, None],
        ["Arbeitskreis Wohnen – 20.10.2016", None, None],
        [None, None, None],
        ["Leitfrage", "Beitrag", "Punkte"],
        ["Wo sind die Probleme in der Praxis?", "Zu wenig bezahlbarer Wohnraum", 5],
        [None, "• Vermieter haben Vorbehalte\n• Wohnungen zu klein", "3 Punkte"],
        [None, "Anschlussunterbringung fehlt", "••"],
        ["Was können wir tun?", "Mietpaten vermitteln", None],
        [None, "Summe", 10],
    ]
    sheet = make_sheet(rows, file="ws/AK_Wohnen.xlsx", name="Ergebnisse", merged=[(4, 0, 6, 0)])
    df, log, stats = parse(sheet)
    assert df[s.TEXT].tolist() == [
        "Zu wenig bezahlbarer Wohnraum",
        "Vermieter haben Vorbehalte",
        "Wohnungen zu klein",
        "Anschlussunterbringung fehlt",
        "Mietpaten vermitteln",
    ]
    assert df[s.QUESTION].tolist() == ["probleme"] * 4 + ["handlungsspielraum"]
    assert df[s.GROUP].unique().tolist() == ["AK Wohnen"]
    assert df[s.VOTES].tolist() == [5, 3, 3, 2, None] or df[s.VOTES].isna().tolist()[-1]
    assert df[s.SOURCE_CELL].tolist() == ["B5", "B6", "B6", "B7", "B8"]
    assert df[s.SOURCE_ROW].tolist() == [5, 6, 6, 7, 8]
    # split card keeps one card id, votes not tripled in the card total
    assert df.loc[1, s.CARD_ID] == df.loc[2, s.CARD_ID]
    assert stats.votes == 10 and stats.cards == 4 and stats.ideas == 5
    assert stats.cells_seen == 5 and stats.excluded == 1 and stats.reconciles
    assert [(e.code, e.cell) for e in log] == [("totals_row", "B9")]


def test_ids_are_stable_across_runs():
    rows = [["Idee", "Punkte"], ["Sprachcafé im Rathaus", 2], ["Sprachcafé im Rathaus", 1]]
    a, _, _ = parse(make_sheet(rows, name="1 Probleme", file="AK_Sprache.xlsx"))
    b, _, _ = parse(make_sheet(rows, name="1 Probleme", file="AK_Sprache.xlsx"))
    assert a[s.IDEA_ID].tolist() == b[s.IDEA_ID].tolist()
    assert a[s.CARD_ID].nunique() == 2  # identical text twice → two distinct cards


def test_sheet_per_question_and_group_from_file_name():
    rows = [["Idee", "Klebepunkte"], ["Einstufungstests vereinheitlichen", "III"], ["-", None]]
    df, log, stats = parse(make_sheet(rows, name="4 Aktivitäten", file="w/AK_Bildung.xlsx"))
    assert df[s.QUESTION].tolist() == ["aktivitaeten"]
    assert df[s.GROUP].tolist() == ["AK Bildung"]
    assert df[s.VOTES].tolist() == [3]
    assert stats.cells_seen == 2 and stats.excluded == 1
    assert [e.code for e in log] == ["empty_after_clean"]


def test_wide_layout_with_votes_beside_each_question():
    rows = [
        ["AK Arbeit", None, None, None],
        [None, None, None, None],
        [
            "Wo sind die Probleme in der Praxis?",
            "Punkte",
            "Welche konkreten Aktivitäten können wir starten?",
            "Punkte",
        ],
        ["Anerkennung dauert zu lange", 4, "Info-Abende für Betriebe", 7],
        ["Berufsbezogene Sprachkurse fehlen", 2, None, None],
    ]
    df, log, stats = parse(make_sheet(rows, name="Tabelle1", file="AK_Arbeit.xlsx"))
    got = list(zip(df[s.TEXT], df[s.QUESTION], df[s.VOTES], df[s.SOURCE_CELL], strict=True))
    assert got == [
        ("Anerkennung dauert zu lange", "probleme", 4, "A4"),
        ("Info-Abende für Betriebe", "aktivitaeten", 7, "C4"),
        ("Berufsbezogene Sprachkurse fehlen", "probleme", 2, "A5"),
    ]
    assert df[s.GROUP].unique().tolist() == ["AK Arbeit"]
    assert log == [] and stats.reconciles


def test_blocks_with_subheadings_and_group_column_filled_forward():
    rows = [
        ["Arbeitskreis", "Karte", "Stimmen"],
        ["AK Freizeit", "Frage 1", None],
        [None, "Vereine kennen die Geflüchteten nicht", 3],
        [None, "Frage 4", None],
        [None, "Vereinsrundgänge anbieten", "x"],
        [None, "Bitte je Karte nur eine Idee notieren", None],
        [None, "#DIV/0!", None],
        [None, "Sportangebote", "viele"],
    ]
    df, log, stats = parse(make_sheet(rows, name="Daten", file="freizeit.xlsx"))
    assert df[s.TEXT].tolist() == [
        "Vereine kennen die Geflüchteten nicht",
        "Vereinsrundgänge anbieten",
        "Sportangebote",
    ]
    assert df[s.QUESTION].tolist() == ["probleme", "aktivitaeten", "aktivitaeten"]
    assert df[s.GROUP].unique().tolist() == ["AK Freizeit"]
    assert df[s.VOTES].tolist()[:2] == [3, 1] and df[s.VOTES].isna().tolist()[2]
    codes = [(e.code, e.cell) for e in log]
    assert codes == [
        ("subheading", "B2"),
        ("subheading", "B4"),
        ("instruction", "B6"),
        ("error_value", "B7"),
        ("votes_unreadable", "C8"),
    ]
    assert stats.cells_seen == 7 and stats.cards == 3 and stats.excluded == 4
    assert stats.reconciles


def test_hidden_rows_and_repeated_header_are_excluded_with_reason():
    rows = [["Beitrag", "Punkte"], ["A", 1], ["Beitrag", "Punkte"], ["B", 2], ["C", 0]]
    sheet = make_sheet(rows, name="Tabelle1", file="AK_Wohnen.csv", hidden_rows=[4])
    df, log, stats = parse(sheet)
    assert df[s.TEXT].tolist() == ["A", "B"]
    assert [(e.code, e.cell) for e in log] == [("duplicate_header", "A3"), ("hidden_row", "A5")]
    assert stats.reconciles


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Arbeitskreis Wohnen – 20.10.2016", "AK Wohnen"),
        ("AK: Bildung/Ausbildung", "AK Bildung/Ausbildung"),
        ("Landkreis Remstal", None),
    ],
)
def test_group_from_title_text(text, group):
    assert group_from_text(text) == group


def test_personal_data_in_cards_is_masked():
    rows = [["Beitrag"], ["Kontakt: Frau Beispiel, info@example.org, Tel. 030 23125 000"]]
    df, _, _ = parse(make_sheet(rows, name="Tabelle1", file="AK_Wohnen.xlsx"))
    text = df[s.TEXT].iloc[0]
    assert "example.org" not in text and "Beispiel" not in text and "23125" not in text
    assert "[E-Mail]" in text and "[Name]" in text and "[Telefon]" in text
