"""Dot votes however offices type them: abbreviated and symbol headers, left or right of the
cards, a column without header, tallies, dots and crosses, votes in the card text, count blocks
keyed by card number — and typographic text kept verbatim, formula-like text named as such."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from flueko import schema as s
from flueko.config import Workspace
from flueko.ingest.accounting import understood
from flueko.ingest.cards import read_cards_sheet
from flueko.ingest.clean import is_formula_text, votes_in_text
from flueko.ingest.detect import detect_sheet
from flueko.pipeline import ingest_round
from flueko.sheet import make_sheet
from flueko.taxonomy import default_taxonomy
from flueko.taxonomy_match import field_for_group, question_for_heading

TAX = default_taxonomy()
FIXTURES = Path(__file__).parent / "fixtures" / "cards"
DESCRIBING = ("recognised", "understood_as")
"""Log codes that describe how a sheet was read (no problem, no exclusion)."""


def q_of(text):
    return question_for_heading(text, TAX)


def read(rows, *, name="AK Wohnen", merged=()):
    sheet = make_sheet(rows, name=name, file="karten.xlsx", merged=merged)
    det = detect_sheet(sheet, question_of=q_of, item_of=lambda _h: None)
    assert det.kind == "cards"
    out = read_cards_sheet(
        sheet,
        detection=det,
        round_id="r1",
        question_of=q_of,
        group_of=lambda t: field_for_group(t, TAX),
    )
    return det, out, sheet


def ideas(df):
    return [
        (t, None if pd.isna(v) else int(v)) for t, v in zip(df[s.TEXT], df[s.VOTES], strict=True)
    ]


def codes(log):
    return [(e.code, e.cell, e.severity) for e in log]


# ------------------------------------------------------------------------- vote headers


@pytest.mark.parametrize(
    ("header", "word"),
    [
        ("Pkt.", "pkt"),
        ("Pkt", "pkt"),
        ("Pkte", "pkte"),
        ("Pkte.", "pkte"),
        ("Pte.", "pte"),
        ("P.", "p"),
        ("#", "#"),
        ("Stimmen", "stimmen"),
        ("Votes", "votes"),
        ("Anzahl Punkte", "punkte"),
        ("Klebepunkte", "klebepunkte"),
        ("Gesamtpunkte", "punkte"),
    ],
)
@pytest.mark.parametrize("side", ["right", "left"])
def test_vote_header_left_or_right_with_the_word_that_matched(header, word, side):
    cards = [["Wohnraum fehlt", 3], ["Mietpaten", 1]]
    rows = [["Karte", header], *cards]
    if side == "left":
        rows = [[b, a] for a, b in rows]
    det, out, sheet = read(rows)
    votes_col = 1 if side == "right" else 0
    assert det.columns["votes"] == [votes_col]
    assert det.matched[votes_col] == word
    assert ideas(out.contributions) == [("Wohnraum fehlt", 3), ("Mietpaten", 1)]
    assert "→ Punkte" in understood(sheet, out.use.reading)


@pytest.mark.parametrize("header", ["Nr.", "Nr", "Karte Nr.", "lfd. Nr.", "Nummer"])
def test_numbering_columns_are_never_votes_nor_cards(header):
    det, out, sheet = read([[header, "Beitrag"], [1, "Wohnraum fehlt"], [2, "Mietpaten"]])
    assert det.columns["id"] == [0] and not det.columns["votes"]
    assert ideas(out.contributions) == [("Wohnraum fehlt", None), ("Mietpaten", None)]
    assert f"A „{header}“ → Nummer" in understood(sheet, out.use.reading)


def test_a_column_without_header_of_small_whole_numbers_is_votes_logged_as_inferred():
    det, out, sheet = read([[None, "Beitrag"], [4, "Wohnraum fehlt"], [0, "Mietpaten"]])
    assert det.columns["votes"] == [0] and det.inferred == {"votes"}
    assert ideas(out.contributions) == [("Wohnraum fehlt", 4), ("Mietpaten", 0)]
    assert codes(out.log) == [("votes_inferred", "A1", "info")]
    assert "A (ohne Kopf) → Punkte (erschlossen)" in understood(sheet, out.use.reading)


@pytest.mark.parametrize(
    "values",
    [
        [1, 2, 3],  # a numbering, not votes
        [2016, 2017, 2018],  # not small
        ["VHS", "Kreis", "Stadt"],  # text
        [1.5, 2, 3],  # not whole
    ],
)
def test_other_columns_without_header_are_not_votes_and_are_logged(values):
    rows = [["Karte", None], *[[f"Wohnraum {i}", v] for i, v in enumerate(values)]]
    det, out, sheet = read(rows)
    assert not det.columns["votes"] and not det.inferred
    assert out.contributions[s.VOTES].isna().all()
    from flueko.ingest.accounting import account_sheet

    use = out.use
    count, more = account_sheet(
        sheet, use.reading, out.log, consumed=use.consumed, excluded=use.excluded
    )
    assert count.reconciles and count.excluded == 3
    assert [(e.code, e.cell, e.severity) for e in more] == [("unused_column", "B2", "info")]


# ------------------------------------------------------------------------ vote values


def test_tallies_dots_and_crosses_are_counted():
    rows = [
        ["Karte", "Punkte"],
        ["a Wohnraum", "IIIII II"],
        ["b Mietpaten", "||||"],
        ["c Sprachcafé", "●●●"],
        ["d Kita", "•• •"],
        ["e Bus", "xxx"],
        ["f Bahn", "XX"],
        ["g Rad", "✓"],
    ]
    _, out, _ = read(rows)
    assert [v for _, v in ideas(out.contributions)] == [7, 4, 3, 3, 3, 2, 1]


@pytest.mark.parametrize(
    ("raw", "text", "votes"),
    [
        ("Elterncafé (3 Punkte)", "Elterncafé", 3),
        ("Elterncafé (1 Punkt)", "Elterncafé", 1),
        ("Sprachpaten – 2 Pkt.", "Sprachpaten", 2),
        ("Sprachcafé - 4 Pkt", "Sprachcafé", 4),
        ("Kurse fehlen (5 P.)", "Kurse fehlen", 5),
        ("Dolmetscherpool: 3 Punkte", "Dolmetscherpool", 3),
        ("(2 Pkt.) Mietpaten", "Mietpaten", 2),
        ("Bildungsberatung (auch für über 18-Jährige) (4 Punkte)",
         "Bildungsberatung (auch für über 18-Jährige)", 4),
        ("Begegnungscafé ●●●", "Begegnungscafé", 3),
    ],
)  # fmt: skip
def test_votes_written_into_the_card(raw, text, votes):
    found = votes_in_text(raw)
    assert (found.text, found.votes) == (text, votes)


@pytest.mark.parametrize(
    "raw",
    [
        "Berufsschulpflicht bis 21 Jahre ausweiten",
        "Infoblatt in 6 Sprachen",
        "Kita (2016 eröffnet)",
        "3 Punkte",
        "Teil II der Kurse",
    ],
)
def test_numbers_in_a_card_are_no_votes(raw):
    assert votes_in_text(raw) is None


def test_votes_in_text_leave_the_text_and_are_logged_once_per_sheet():
    rows = [
        ["Beitrag"],
        ["Elterncafé (3 Punkte)"],
        ["• Sprachpaten\n• Lesepaten – 2 Pkt."],
        ["Kita"],
    ]
    _, out, _ = read(rows)
    assert ideas(out.contributions) == [
        ("Elterncafé", 3),
        ("Sprachpaten", 2),
        ("Lesepaten", 2),
        ("Kita", None),
    ]
    assert out.stats.votes == 5  # a split card counts its votes once
    assert codes(out.log) == [("votes_in_text", "A2", "info")]


def test_votes_in_text_and_column_disagreeing_are_a_warning():
    _, out, _ = read([["Karte", "Punkte"], ["Elterncafé (3 Punkte)", 4]])
    assert ideas(out.contributions) == [("Elterncafé", 4)]
    assert ("votes_conflict", "A2", "warning") in codes(out.log)


# ---------------------------------------------------------------------- count blocks


def test_count_block_beside_the_list_keyed_by_number():
    rows = [
        ["AK Wohnen – Karten und Punktauszählung"],
        [],
        ["Nr.", "Karte", None, "Nr.", "Punkte"],
        [1, "Wohnraum fehlt", None, 2, 5],
        [2, "Netzwerk „Wohnungspaten“ gründen", None, 1, 8],
        [3, "Leerstand nutzen", None, 9, 1],
    ]
    _, out, sheet = read(rows)
    assert ideas(out.contributions) == [
        ("Wohnraum fehlt", 8),
        ("Netzwerk „Wohnungspaten“ gründen", 5),
        ("Leerstand nutzen", 0),  # not in the block: no dots
    ]
    assert codes(out.log) == [("votes_unmatched", "E6", "warning")]
    assert "Punkteblock D3:E6 (daneben: Nr. → Punkte)" in understood(sheet, out.use.reading)


def test_count_block_below_the_list_with_title_and_totals_row():
    rows = [
        ["Nr.", "Kartentext"],
        [1, "Arbeitgeber informieren"],
        [2, "Minijobs führen nicht weiter"],
        [3, "Jobbörse organisieren"],
        [],
        ["Auszählung Klebepunkte"],
        ["Karte Nr.", "Punkte"],
        [3, 6],
        [1, 4],
        ["Summe", 10],
    ]
    _, out, _ = read(rows, name="Arbeit")
    assert ideas(out.contributions) == [
        ("Arbeitgeber informieren", 4),
        ("Minijobs führen nicht weiter", 0),
        ("Jobbörse organisieren", 6),
    ]
    assert codes(out.log) == [("totals_row", "A10", "info")]
    assert out.use.consumed[(5, 0)] == "title" and out.use.consumed[(6, 1)] == "header"
    assert out.use.excluded == {(9, 0): "totals_row", (9, 1): "totals_row"}


# ------------------------------------------------------------------ text and formulas


def test_formula_like_cards_are_named_as_such_never_a_totals_row():
    rows = [["Karte", "Punkte"], ["=SUMME(B2:B4)", None], ["- Wohnraum", 2], ["@alle bitte", 1]]
    _, out, _ = read(rows)
    assert ideas(out.contributions) == [("Wohnraum", 2), ("@alle bitte", 1)]
    assert codes(out.log) == [("formula_text", "A2", "warning")]
    assert "Formel-ähnlicher Text" in out.log[0].message


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=SUMME(B2:B9)", True),
        ("=A1&B1", True),
        ("@HYPERLINK(x)", True),
        ("+SUM(A1)", True),
        ("-2+3+cmd|' /C calc'!A0", True),
        ("- Wohnraum", False),
        ("- B1-Kurse fehlen", False),
        ("=> Kita", False),
        ("+49 Ansatz", False),
        ("- Bus | Bahn", False),
    ],
)
def test_formula_like_text(text, formula):
    assert is_formula_text(text) is formula


def _round(tmp_path: Path, files: dict[str, Path | bytes]) -> Workspace:
    folder = tmp_path / "data" / "raw" / "r"
    folder.mkdir(parents=True)
    for name, content in files.items():
        target = folder / name
        if isinstance(content, Path):
            shutil.copy(content, target)
        else:
            target.write_bytes(content)
    return Workspace.at(tmp_path)


def test_a_formula_in_a_csv_card_is_formula_like_text_not_a_totals_row(tmp_path):
    csv = b"Karte;Punkte\r\nWohnraum fehlt;3\r\n=SUMME(B2:B2);\r\n'=B2*2;\r\n"
    result = ingest_round(_round(tmp_path, {"karten.csv": csv}), "r")
    log = result.log[~result.log["code"].isin(DESCRIBING)]
    assert list(zip(log["cell"], log["code"], strict=True)) == [
        ("A3", "formula_text"),
        ("A4", "formula_text"),
    ]
    assert result.tables["contributions"][s.TEXT].tolist() == ["Wohnraum fehlt"]


# -------------------------------------------------------------- fixtures in 3 formats


@pytest.mark.parametrize("name", ["punkte_quelle.xlsx", "punkte.ods", "punkte.xls"])
def test_every_way_of_typing_votes_in_xlsx_ods_and_xls(tmp_path, name):
    from tests.fixtures.cards.make_fixtures import IDEAS

    result = ingest_round(_round(tmp_path, {name: FIXTURES / name}), "r")
    df = result.tables["contributions"]
    got = [
        (sh, t, None if pd.isna(v) else int(v))
        for sh, t, v in zip(df[s.SOURCE_SHEET], df[s.TEXT], df[s.VOTES], strict=True)
    ]
    assert got == IDEAS
    log = result.log[~result.log["code"].isin(DESCRIBING)]
    assert list(zip(log["sheet"], log["cell"], log["code"], log["severity"], strict=True)) == [
        ("AK Sprache", "C2", "unused_column", "info"),
        ("AK Bildung", "A2", "votes_in_text", "info"),
        ("AK Freizeit", "B1", "votes_inferred", "info"),
    ]
    (report,) = result.files
    assert report.cells.line() == "Zellen 52 = Text 17 + Zahlen 20 + Kopf 13 + ausgeschlossen 2"


def test_typography_survives_into_the_tables_and_the_codebook(tmp_path):
    ws = _round(tmp_path, {"punkte_quelle.xlsx": FIXTURES / "punkte_quelle.xlsx"})
    from flueko.pipeline import write_result

    write_result(ws, ingest_round(ws, "r"))
    stored = pd.read_parquet(ws.processed_round("r") / "contributions.parquet")
    assert "Netzwerk „Wohnungspaten“ gründen" in stored[s.TEXT].tolist()
    assert "Leerstand erfassen – und nutzen …" in stored[s.TEXT].tolist()
    from flueko.report.outputs import export_codebook_for

    book = openpyxl.load_workbook(export_codebook_for(ws, "r"))
    texts = {c.value for sheet in book for row in sheet.iter_rows() for c in row}
    assert "Netzwerk „Wohnungspaten“ gründen" in texts


def test_text_starting_like_a_formula_is_kept_and_stays_text_in_the_codebook(tmp_path):
    csv = "Karte;Punkte\r\n@alle bitte melden;1\r\n+49 Ansatz prüfen;2\r\n".encode()
    ws = _round(tmp_path, {"karten.csv": csv})
    from flueko.pipeline import write_result
    from flueko.report.outputs import export_codebook_for

    result = ingest_round(ws, "r")
    assert result.tables["contributions"][s.TEXT].tolist() == [
        "@alle bitte melden",
        "+49 Ansatz prüfen",
    ]
    write_result(ws, result)
    book = openpyxl.load_workbook(export_codebook_for(ws, "r"))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    for text in ("@alle bitte melden", "+49 Ansatz prüfen"):
        (cell,) = [c for c in cells if c.value == text]
        assert cell.data_type == "s" and cell.quotePrefix  # never a formula in Excel
