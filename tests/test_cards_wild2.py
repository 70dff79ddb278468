"""Card workbooks typed the way the second blind batch (wild set d01–d16) showed: notes under the
table, votes appended to card texts in column-per-question sheets, votes typed as words, count
blocks keyed by card IDs, question blocks merged over their own column pairs, several cards in
one cell. Each workbook is built here with openpyxl (not copied from the wild set)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from flueko import schema as s
from flueko.config import Workspace
from flueko.pipeline import IngestResult, ingest_round

DESCRIBING = ("recognised", "understood_as")


def ingest_book(tmp_path: Path, build: Callable[[Worksheet], None]) -> IngestResult:
    """A one-sheet workbook filled by ``build`` → the ingested round."""
    book = openpyxl.Workbook()
    build(book.active)
    folder = tmp_path / "data" / "raw" / "r"
    folder.mkdir(parents=True)
    book.save(folder / "karten.xlsx")
    return ingest_round(Workspace.at(tmp_path), "r")


def ideas(result: IngestResult) -> list[tuple[str, int | None]]:
    df = result.tables["contributions"]
    return [
        (t, None if pd.isna(v) else int(v)) for t, v in zip(df[s.TEXT], df[s.VOTES], strict=True)
    ]


def log_codes(result: IngestResult) -> list[tuple[str, str, str]]:
    log = result.log[~result.log["code"].isin(DESCRIBING)]
    return list(zip(log["cell"], log["code"], log["severity"], strict=True))


def put(ws: Worksheet, first_row: int, rows: list[list], first_col: int = 1) -> None:
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                ws.cell(row=first_row + i, column=first_col + j, value=value)


# ------------------------------------------------------------------ notes under the table


def test_a_notes_block_under_the_table_is_neither_cards_nor_votes(tmp_path):
    def build(ws):
        ws.title = "AK Arbeit"
        put(ws, 1, [["Nr.", "Karte", "Punkte"], [1, "Jobmesse im Landratsamt", 4]])
        put(ws, 3, [[2, "Praktika im Handwerk vermitteln", 2]])
        # an empty row between blocks of cards keeps the cards below it
        put(ws, 5, [[3, "Ort für Bewerbungstrainings finden", 1]])
        put(
            ws,
            7,
            [
                [None, "Anmerkungen"],
                [None, "Moderator/in: Herr Kaya"],
                [None, "Stand: 12.03.2017"],
                [None, "Teilnehmende", 12],
                [None, "Punkte pro Person", 3],
            ],
        )

    result = ingest_book(tmp_path, build)
    assert ideas(result) == [
        ("Jobmesse im Landratsamt", 4),
        ("Praktika im Handwerk vermitteln", 2),
        ("Ort für Bewerbungstrainings finden", 1),
    ]
    assert log_codes(result) == [("B7", "notes_block", "info")]
    (report,) = result.files
    assert report.cells.line() == "Zellen 19 = Text 3 + Zahlen 6 + Kopf 3 + ausgeschlossen 7"


def test_a_label_with_a_colon_right_under_the_cards_stays_a_card(tmp_path):
    """Without an empty row before it, only a heading alone ("Legende") opens a notes block."""

    def build(ws):
        ws.title = "AK Arbeit"
        put(ws, 1, [["Karte", "Punkte"], ["Jobmesse im Landratsamt", 4]])
        put(ws, 3, [["Ort: Jobcenter und Rathaus", 2], ["Legende"], ["Punkte = Klebepunkte", 9]])

    result = ingest_book(tmp_path, build)
    assert ideas(result) == [("Jobmesse im Landratsamt", 4), ("Ort: Jobcenter und Rathaus", 2)]
    assert log_codes(result) == [("A4", "notes_block", "info")]


# ------------------------------------------------- bare counts appended to the card text


def test_bare_counts_appended_to_cards_without_a_vote_column_are_votes(tmp_path):
    def build(ws):
        ws.title = "AK Bildung"
        put(ws, 1, [["Was können wir den Kommunen vorschlagen?", "Welche Aktivitäten starten?"]])
        put(
            ws,
            2,
            [
                ["Hausaufgabenhilfe im Jugendhaus [3]", "Lernpaten für Azubis 4p"],
                ["Kita-Plätze für Kinder (U3)", "Bibliothek öffnet samstags 1 P"],
                ["Sprachkurse für Menschen über 65", "Elternabend mit Dolmetscher (12)"],
            ],
        )

    result = ingest_book(tmp_path, build)
    assert sorted(ideas(result)) == [
        ("Bibliothek öffnet samstags", 1),
        ("Elternabend mit Dolmetscher", 12),
        ("Hausaufgabenhilfe im Jugendhaus", 3),
        ("Kita-Plätze für Kinder (U3)", None),
        ("Lernpaten für Azubis", 4),
        ("Sprachkurse für Menschen über 65", None),
    ]
    assert log_codes(result) == [("A2", "votes_in_text", "info")]


def test_a_bare_count_in_the_text_of_a_card_with_a_vote_column_stays_text(tmp_path):
    def build(ws):
        ws.title = "AK Bildung"
        put(ws, 1, [["Karte", "Punkte"], ["Elterncafé (2)", 4], ["Lernpaten 3P", None]])

    assert ideas(ingest_book(tmp_path, build)) == [("Elterncafé (2)", 4), ("Lernpaten 3P", None)]


# ------------------------------------------------- votes typed as words under another header


def test_a_column_of_counts_with_units_beside_the_cards_is_votes_whatever_its_header(tmp_path):
    def build(ws):
        ws.title = "AK Sprache"
        put(
            ws,
            1,
            [
                ["Karte", "Votum", "Jahr"],
                ["Sprachcafé im Rathaus", "2 Punkte", 2016],
                ["Lesepaten an Grundschulen", "kein Punkt", 2016],
                ["Kurse am Abend", "4 Pkt.", 2017],
                ["Vorlesen auf Arabisch", "-", 2017],
                ["Deutsch im Sportverein", "drei Punkte", 2016],
            ],
        )

    result = ingest_book(tmp_path, build)
    assert ideas(result) == [
        ("Sprachcafé im Rathaus", 2),
        ("Lesepaten an Grundschulen", 0),
        ("Kurse am Abend", 4),
        ("Vorlesen auf Arabisch", None),
        ("Deutsch im Sportverein", 3),
    ]
    assert log_codes(result) == [
        ("B1", "votes_inferred", "info"),
        ("C2", "unused_column", "info"),
    ]
    assert "„Votum“" in result.log.set_index("code").loc["votes_inferred", "message"]


# ------------------------------------------------------- count block keyed by card codes


def test_a_count_block_keyed_by_card_codes_is_matched_by_code_not_by_row(tmp_path):
    def build(ws):
        ws.title = "AK Bildung"
        put(ws, 1, [["Kennung", "Karte", None, "Kennung", "Klebepunkte"]])
        put(
            ws,
            2,
            [
                ["B-1", "Lernpaten für Schulkinder"],
                ["B-2", "Elternabende mit Dolmetscher"],
                ["S-1", "Sprachkurse am Wochenende"],
                ["S-2", "Bücherei mit mehrsprachigen Büchern"],
            ],
        )
        put(ws, 2, [["S-2", 4], ["b-1", 2], ["X-9", 1]], first_col=4)

    result = ingest_book(tmp_path, build)
    assert ideas(result) == [
        ("Lernpaten für Schulkinder", 2),
        ("Elternabende mit Dolmetscher", 0),
        ("Sprachkurse am Wochenende", 0),
        ("Bücherei mit mehrsprachigen Büchern", 4),
    ]
    assert log_codes(result) == [("E4", "votes_unmatched", "warning")]


# ------------------------------------- question blocks merged over "card | votes" column pairs


def test_questions_merged_over_their_own_card_and_vote_columns(tmp_path):
    def build(ws):
        ws.title = "AK Arbeit"
        ws["A1"] = "Welche konkreten Aktivitäten können wir starten?"
        ws["C1"] = "Was können wir den Kommunen vorschlagen?"
        ws.merge_cells("A1:B1")
        ws.merge_cells("C1:D1")
        put(ws, 2, [["Beitrag", "Punkte", "Beitrag", "Punkte"]])
        put(ws, 3, [["Jobpaten", 3, "Jobcenter-Sprechstunde vor Ort", 5], ["Bewerbungscafé", 0]])

    result = ingest_book(tmp_path, build)
    df = result.tables["contributions"]
    assert ideas(result) == [
        ("Jobpaten", 3),
        ("Jobcenter-Sprechstunde vor Ort", 5),
        ("Bewerbungscafé", 0),
    ]
    assert df[s.QUESTION].tolist() == ["aktivitaeten", "vorschlaege_kommunen", "aktivitaeten"]
    assert log_codes(result) == []
    (report,) = result.files
    assert report.cells.line() == "Zellen 12 = Text 3 + Zahlen 3 + Kopf 6 + ausgeschlossen 0"


# ---------------------------------------- several cards in one cell, their votes line by line


def test_one_line_per_card_in_the_card_cell_and_in_the_vote_cell(tmp_path):
    def build(ws):
        ws.title = "AK Wohnen"
        put(ws, 1, [["Leitfrage", "Karten", "Punkte"]])
        put(
            ws,
            2,
            [
                [
                    "Was können wir den Kommunen vorschlagen?",
                    "Mietpaten\nWohnungsbörse\nTinyhäuser",
                    "2\n0\n4",
                ],
                ["Wo sind die Probleme in der Praxis?", "Zu wenig Wohnraum\nauf dem Land", 5],
                ["Wo sind die Probleme in der Praxis?", "Makler\nVermieter", "1\n2\n3"],
            ],
        )

    result = ingest_book(tmp_path, build)
    df = result.tables["contributions"]
    assert ideas(result) == [
        ("Mietpaten", 2),
        ("Wohnungsbörse", 0),
        ("Tinyhäuser", 4),
        ("Zu wenig Wohnraum auf dem Land", 5),
        ("Makler Vermieter", None),
    ]
    assert df[s.CARD_ID].nunique() == 5  # each line its own card: its votes count once
    assert df[s.SOURCE_CELL].tolist() == ["B2", "B2", "B2", "B3", "B4"]
    assert log_codes(result) == [("C4", "votes_unreadable", "warning")]
