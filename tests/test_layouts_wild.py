"""Workshop workbooks nobody has shown us: header, layout, vote and text variants as other
people type them in other office suites, through detection + card parsing and through the CLI.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from flueko import schema as s
from flueko.cli import main
from flueko.errors import LayoutError
from flueko.ingest.cards import parse_cards_sheet
from flueko.ingest.detect import detect_sheet
from flueko.ingest.titles import heading_question
from flueko.sheet import make_sheet
from flueko.taxonomy import default_taxonomy
from flueko.taxonomy_match import field_for_group, question_for_heading

TAX = default_taxonomy()
WILD = Path(__file__).parent / "fixtures" / "wild"
Q1 = "Wo sind die Probleme in der Praxis?"
Q2 = "Warum gelingt Integration (nicht)?"
Q3 = "Was können wir tun?"


def q_of(text):
    return question_for_heading(text, TAX)


def parse(rows, *, name="Tabelle1", file="AK_Wohnen.xlsx", merged=()):
    sheet = make_sheet(rows, name=name, file=file, merged=merged)
    det = detect_sheet(sheet, question_of=q_of, item_of=lambda _h: None)
    assert det.kind == "cards"
    df, log, stats = parse_cards_sheet(
        sheet,
        detection=det,
        round_id="r1",
        question_of=q_of,
        group_of=lambda t: field_for_group(t, TAX),
    )
    assert stats.reconciles
    return df, log, stats


def ideas(df):
    """(group, question, text, votes, cell) per idea; missing values as None."""
    cols = [s.GROUP, s.QUESTION, s.TEXT, s.VOTES, s.SOURCE_CELL]
    return [
        tuple(None if pd.isna(v) else v for v in row)
        for row in df[cols].itertuples(index=False, name=None)
    ]


def codes(log):
    return [(e.code, e.cell) for e in log]


# ------------------------------------------------------------------------------ header rows


@pytest.mark.parametrize(
    "header",
    [
        ["Leitfrage", "Beitrag", "Anzahl\nPunkte"],  # line break in a header cell
        ["Leitfrage:", "Beitrag:", "Punkte:"],  # trailing colons
        ["Topic", "Idea", "Votes"],  # English
        ["Question", "Comment", "Dots"],
        ["Fragestellung", "Was wurde gesagt?", "Anzahl Punkte"],
        ["Thema/Frage", "Stichworte", "Priorität"],
        ["Leitfrage", "Notizen", "Bewertung (Punkte)"],
        ["Leitfrage", "Ergebnisse AK", "Punkte"],  # "AK" in the card header is no group column
        ["Leitfrage", "Anmerkungen", "Klebepunkte"],
        ["Leitfrage", "Stichpunkte", "Anzahl"],  # "Stichpunkte" is a card column, not votes
    ],
)
def test_header_words_of_other_people(header):
    df, log, _ = parse([header, [Q1, "Zu wenig Wohnraum", 3], [None, "Kita fehlt", "2 P."]])
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "B2"),
        ("AK Wohnen", "probleme", "Kita fehlt", 2, "B3"),
    ]
    assert log == []


def test_header_in_row_5_after_merged_title_block_in_column_b_with_number_column():
    rows = [
        [None, "Kommunaler Flüchtlingsdialog Landkreis Remstal"],
        [None, "Ergebnisse Arbeitskreis Wohnen"],
        [],
        [],
        [None, "Nr.", "Leitfrage", "Beitrag", "Punkte"],
        [None, 1, Q1, "Zu wenig Wohnraum", 3],
        [None, 2, None, "Kita fehlt", None],
    ]
    df, log, _ = parse(rows, name="Tabelle1", merged=[(0, 1, 0, 4), (1, 1, 1, 4), (5, 2, 6, 2)])
    assert log == []
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "D6"),
        ("AK Wohnen", "probleme", "Kita fehlt", None, "D7"),
    ]
    assert df[s.SOURCE_ROW].tolist() == [6, 7]


@pytest.mark.parametrize(
    "title",
    [
        "Ergebnisse Arbeitskreis Wohnen",  # a card word in a one-cell title
        "Notizen aus dem AK Wohnen",
        "Export Workshop-Karten 20.10.2016",
    ],
)
def test_one_cell_title_above_a_wider_header_is_no_header(title):
    rows = [[title], [], ["Leitfrage", "Beitrag", "Punkte"], [Q1, "Zu wenig Wohnraum", 3]]
    df, _, _ = parse(rows)
    assert ideas(df) == [("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "B4")]


def test_single_card_column_header_stays_the_header():
    df, _, _ = parse([["Beitrag"], ["Ergebnisse der Sprachkurse sichern"], ["Kita fehlt"]])
    assert df[s.TEXT].tolist() == ["Ergebnisse der Sprachkurse sichern", "Kita fehlt"]


def test_notes_sheet_is_no_card_table():
    sheet = make_sheet([["Notizen"], ["Nächstes Treffen im Januar"]], name="Fazit")
    with pytest.raises(LayoutError):
        detect_sheet(sheet, question_of=q_of, item_of=lambda _h: None)


# ------------------------------------------------------------------- guiding-question headings


def test_numbered_subheadings_in_the_card_column():
    rows = [
        ["Stichworte", "Punkte"],
        ["1. Wo sind die Probleme?", None],
        ["Zu wenig Wohnraum", 3],
        ["1. Mehr Sprachkurse anbieten", None],  # a numbered card, not a heading
        ["2. Warum gelingt Integration (nicht)?", None],
        ["Nachbarschaftshilfe", 2],
    ]
    df, log, stats = parse(rows, name="AK Wohnen")
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "A3"),
        ("AK Wohnen", "probleme", "Mehr Sprachkurse anbieten", None, "A4"),
        ("AK Wohnen", "gelingen", "Nachbarschaftshilfe", 2, "A6"),
    ]
    assert codes(log) == [("subheading", "A2"), ("subheading", "A5")]
    assert (stats.cells_seen, stats.cards, stats.excluded) == (5, 3, 2)


def test_heading_merged_over_the_row_from_left_of_the_card_column():
    rows = [
        [None, "Beitrag", "Punkte"],
        [Q1, None, None],
        [None, "Zu wenig Wohnraum", 3],
        [Q3, None, None],
        [None, "Mietpaten vermitteln", 2],
    ]
    df, log, stats = parse(rows, name="AK Wohnen", merged=[(1, 0, 1, 2), (3, 0, 3, 2)])
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "B3"),
        ("AK Wohnen", "handlungsspielraum", "Mietpaten vermitteln", 2, "B5"),
    ]
    assert codes(log) == [("subheading", "A2"), ("subheading", "A4")]
    assert (stats.cells_seen, stats.excluded) == (2, 0)  # headings sit outside the card column


def test_blocks_that_repeat_the_header_with_the_question_in_it():
    rows = [
        [Q1, "Punkte"],
        ["Zu wenig Wohnraum", 3],
        [],
        [Q2, "Punkte"],
        ["Nachbarschaftshilfe", 2],
    ]
    df, log, stats = parse(rows, name="AK Wohnen")
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "A2"),
        ("AK Wohnen", "gelingen", "Nachbarschaftshilfe", 2, "A5"),
    ]
    assert codes(log) == [("subheading", "A4")]
    assert (stats.cells_seen, stats.excluded) == (3, 1)


def test_blocks_with_title_rows_and_repeated_headers():
    rows = [
        ["Arbeitskreis Wohnen"],
        ["Frage 1: Wo sind die Probleme?"],
        ["Beitrag", "Punkte"],
        ["Zu wenig Wohnraum", 3],
        [],
        ["Frage 2: Warum gelingt Integration (nicht)?"],
        ["Beitrag", "Punkte"],
        ["Nachbarschaftshilfe", 2],
    ]
    df, log, _ = parse(rows, file="dialog.xlsx")
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "A4"),
        ("AK Wohnen", "gelingen", "Nachbarschaftshilfe", 2, "A8"),
    ]
    assert codes(log) == [("subheading", "A6"), ("duplicate_header", "A7")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Frage 3", "handlungsspielraum"),
        ("Leitfrage 2:", "gelingen"),
        ("1. Wo sind die Probleme?", "probleme"),
        ("Was können wir den Kommunen vorschlagen?", "vorschlaege_kommunen"),
        ("1. Mehr Sprachkurse", None),
        ("3", None),
        ("Probleme", None),  # a card that names a question without asking it
    ],
)
def test_heading_question(text, key):
    assert heading_question(text, question_of=q_of) == key


# ------------------------------------------------------------------------------- wide layouts


def test_wide_with_numbered_question_headers_and_votes():
    rows = [["Frage 1", "Punkte", "Frage 2", "Punkte"], ["Zu wenig Wohnraum", 3, "Ehrenamt", 2]]
    df, _, _ = parse(rows, name="AK Wohnen")
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "A2"),
        ("AK Wohnen", "gelingen", "Ehrenamt", 2, "C2"),
    ]


def test_one_column_per_working_group_with_question_subheadings():
    rows = [
        ["AK Wohnen", "Punkte", "AK Arbeit", "Punkte"],
        ["1. Wo sind die Probleme?", None, "1. Wo sind die Probleme?", None],
        ["Zu wenig Wohnraum", 3, "Anerkennung dauert", 1],
        ["Frage 4", None, None, None],
        ["Wohnungsbörse aufbauen", "•••", None, None],
    ]
    df, log, stats = parse(rows, name="Übersicht Karten", file="dialog.xlsx")
    assert ideas(df) == [
        ("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "A3"),
        ("AK Arbeit", "probleme", "Anerkennung dauert", 1, "C3"),
        ("AK Wohnen", "aktivitaeten", "Wohnungsbörse aufbauen", 3, "A5"),
    ]
    assert codes(log) == [("subheading", "A2"), ("subheading", "C2"), ("subheading", "A4")]
    assert (stats.cells_seen, stats.cards, stats.excluded) == (6, 3, 3)


# ------------------------------------------------------------------ tables side by side


def test_two_working_groups_side_by_side():
    rows = [
        ["AK Sprache", None, None, "AK Freizeit", None],
        ["Idee", "Punkte", None, "Idee", "Punkte"],
        ["Sprachcafé im Rathaus", 4, None, "Vereinsrundgänge", 1],
        ["Kinderbetreuung", None, None, "Summe", 1],
    ]
    df, log, stats = parse(rows, name="Tag 2", file="dialog.xlsx")
    assert ideas(df) == [
        ("AK Sprache", None, "Sprachcafé im Rathaus", 4, "A3"),
        ("AK Sprache", None, "Kinderbetreuung", None, "A4"),
        ("AK Freizeit", None, "Vereinsrundgänge", 1, "D3"),
    ]
    assert codes(log) == [("totals_row", "D4")]  # the totals row of one table only
    assert (stats.cells_seen, stats.cards, stats.votes) == (4, 3, 5)


def test_side_by_side_tables_with_own_question_and_group_columns():
    rows = [
        ["AK", "Leitfrage", "Beitrag", "Punkte", None, "AK", "Leitfrage", "Beitrag", "Punkte"],
        ["Wohnen", Q1, "Zu wenig Wohnraum", 3, None, "Arbeit", Q2, "Betriebe helfen", 2],
        [None, None, "Kita fehlt", 1, None, None, Q3, "Praktika", None],
    ]
    df, _, _ = parse(rows, file="dialog.xlsx")
    assert ideas(df) == [
        ("Wohnen", "probleme", "Zu wenig Wohnraum", 3, "C2"),
        ("Wohnen", "probleme", "Kita fehlt", 1, "C3"),
        ("Arbeit", "gelingen", "Betriebe helfen", 2, "H2"),
        ("Arbeit", "handlungsspielraum", "Praktika", None, "H3"),
    ]


# ----------------------------------------------------------------------------- cell values


@pytest.mark.parametrize(
    ("cell", "votes"),
    [
        ("5 P.", 5),
        ("5P", 5),
        ("3 x", 3),
        ("✓✓", 2),
        ("•• •", 3),
        (3.0, 3),
        ("", None),
        (" ", None),
        ("III", 3),
    ],
)
def test_vote_notations(cell, votes):
    df, log, _ = parse([["Beitrag", "Punkte"], ["Zu wenig Wohnraum", cell]])
    assert ideas(df) == [("AK Wohnen", None, "Zu wenig Wohnraum", votes, "A2")]
    assert log == []


@pytest.mark.parametrize("cell", ["(3)", "3 Punkte.", "3 P.", "(3 Punkte)"])
def test_vote_notations_in_brackets_or_with_full_stop(cell):
    df, log, _ = parse([["Beitrag", "Punkte"], ["Zu wenig Wohnraum", cell]])
    assert df[s.VOTES].tolist() == [3] and log == []


def test_placeholders_and_formulas_as_text_are_no_cards():
    rows = [
        ["Beitrag", "Punkte"],
        ["-", None],
        ["…", None],
        ["?", None],
        ["x", None],
        ["k. A.", None],
        ["=A7&B7", None],
        ["=SUMME(B2:B8)", 7],
        ["Zu wenig Wohnraum", 2],
    ]
    df, log, stats = parse(rows)
    assert ideas(df) == [("AK Wohnen", None, "Zu wenig Wohnraum", 2, "A9")]
    assert codes(log) == [
        ("empty_after_clean", "A2"),
        ("placeholder", "A3"),
        ("placeholder", "A4"),
        ("placeholder", "A5"),
        ("placeholder", "A6"),
        ("formula_text", "A7"),
        ("formula_text", "A8"),  # formula-like text, never taken for a totals row ("Summe")
    ]
    assert [e.severity for e in log].count("warning") == 2  # the formulas: the analyst looks
    assert (stats.cells_seen, stats.cards, stats.excluded) == (8, 1, 7)


def test_long_cells_windows_line_breaks_and_mixed_lists():
    long_text = "Wohnraum " * 600
    rows = [
        ["Beitrag", "Punkte"],
        [long_text, 1],
        ["1. Mehr Wohnraum\r\n- Mietpaten\r\n2. Wohnungsbörse\r\n• Makler einbinden", 4],
        ["Sprachkurse\r\nfür Mütter", None],
    ]
    df, _, stats = parse(rows)
    assert df[s.TEXT].tolist() == [
        long_text.strip(),
        "Mehr Wohnraum",
        "Mietpaten",
        "Wohnungsbörse",
        "Makler einbinden",
        "Sprachkurse für Mütter",
    ]
    assert df[s.VOTES].tolist()[1:5] == [4, 4, 4, 4]
    assert (stats.cards, stats.ideas, stats.votes) == (3, 6, 5)  # votes not multiplied


def test_leading_apostrophe_is_a_text_prefix_removed_when_the_file_is_read(tmp_path):
    """Excel's text prefix and the CSV formula guard go once, in the reader; an apostrophe that
    opens a quotation stays, and cleaning a cell never removes one."""
    folder = _round(tmp_path)
    lines = [
        "Beitrag;Punkte",
        "'Zu wenig Wohnraum;1",
        "'- Mietpaten;2",
        "'@alle: Treffpunkt Rathaus;3",
    ]
    lines.append("'Willkommen' heißt auch: Ämter öffnen;4")
    (folder / "karten.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    code, _, df, _ = _ingest(tmp_path, "r")
    assert code == 0
    assert df[s.TEXT].tolist() == [
        "Zu wenig Wohnraum",
        "Mietpaten",
        "@alle: Treffpunkt Rathaus",
        "'Willkommen' heißt auch: Ämter öffnen",
    ]
    df, _, _ = parse([["Beitrag"], ["'Zu wenig Wohnraum"]])  # an in-memory sheet: as given
    assert df[s.TEXT].tolist() == ["'Zu wenig Wohnraum"]


# ----------------------------------------------------------------------- through the CLI


def _ingest(root: Path, round_id: str) -> tuple[int, str, pd.DataFrame, pd.DataFrame]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--workspace", str(root), "ingest", round_id])
    processed = root / "data" / "processed" / round_id
    df = pd.read_parquet(processed / "contributions.parquet")
    log = pd.read_csv(processed / "ingest_log.csv", keep_default_na=False)
    return code, out.getvalue(), df, log


def _round(root: Path, name: str = "r") -> Path:
    folder = root / "data" / "raw" / name
    folder.mkdir(parents=True)
    return folder


def test_sheet_per_working_group_with_notes_and_empty_sheets(tmp_path):
    folder = _round(tmp_path)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, text in (
        ("AK Wohnen", "Zu wenig Wohnraum"),
        ("Bildung", "Kitaplätze fehlen"),
        ("Arbeit & Beschäftigung", "Anerkennung dauert"),
    ):
        ws = wb.create_sheet(name)
        ws.append(["Leitfrage", "Beitrag", "Punkte"])
        ws.append([Q1, text, 2])
    ws = wb.create_sheet("Fazit")
    ws.append(["Notizen"])
    ws.append(["Nächstes Treffen im Januar"])
    ws = wb.create_sheet("Notizen")
    ws.append(["Datum", "Ort"])
    ws.append(["20.10.", "Waiblingen"])
    wb.create_sheet("Tabelle2")
    wb.save(folder / "dialog.xlsx")
    code, out, df, log = _ingest(tmp_path, "r")
    assert code == 0
    assert df[s.GROUP].tolist() == ["AK Wohnen", "AK Bildung", "AK Arbeit & Beschäftigung"]
    assert df[s.QUESTION].tolist() == ["probleme"] * 3
    log = log[~log["code"].isin(["recognised", "understood_as"])]  # how each sheet was read
    assert list(zip(log["sheet"], log["severity"], log["code"], strict=True)) == [
        ("Fazit", "warning", "not_recognised"),
        ("Notizen", "warning", "not_recognised"),
    ]
    assert "dialog.xlsx: 3 Ideen aus 3 Karten, 6 Punkte, " in out


def _csv_rows() -> list[list[str]]:
    rows = [["Arbeitskreis", "Leitfrage", "Beitrag", "Punkte"]]
    for group in ("AK Wohnen", "AK Arbeit & Beschäftigung"):
        for question in (Q1, Q2):
            for i in range(30):
                rows.append([group, question, f"Idee „{i}“; Ärger\nzweite Zeile", f"{i % 4} P."])
    return rows


def test_csv_exports_cp1252_semicolon_and_utf8_bom_comma_give_the_same_ideas(tmp_path):
    folder = _round(tmp_path)
    for name, delimiter, encoding in (
        ("excel.csv", ";", "cp1252"),
        ("utf8.csv", ",", "utf-8-sig"),
    ):
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(_csv_rows())
        (folder / name).write_bytes(buf.getvalue().encode(encoding))
    code, _, df, log = _ingest(tmp_path, "r")
    assert code == 0
    assert log[~log["code"].isin(["recognised", "understood_as"])].empty  # only how it was read
    a = df[df[s.SOURCE_FILE] == "excel.csv"].reset_index(drop=True)
    b = df[df[s.SOURCE_FILE] == "utf8.csv"].reset_index(drop=True)
    assert len(a) == 120
    cols = [s.GROUP, s.QUESTION, s.TEXT, s.VOTES, s.SOURCE_ROW]
    assert a[cols].equals(b[cols])
    assert a.loc[0, s.TEXT] == "Idee „0“; Ärger zweite Zeile"  # typographic quotes verbatim
    assert a[s.SOURCE_ROW].tolist()[:2] == [2, 3]  # one row per record, line breaks inside
    assert int(a[s.VOTES].sum()) == 4 * 43  # 0+1+2+3 seven times, then 0+1, per block


def test_title_line_and_sep_hint_above_a_csv_header(tmp_path):
    folder = _round(tmp_path)
    text = "sep=;\r\nExport Workshop-Karten 20.10.2016\r\nArbeitskreis;Leitfrage;Beitrag;Punkte\r\n"
    text += f"AK Wohnen;{Q1};Zu wenig Wohnraum;3 P.\r\n"
    (folder / "export.csv").write_bytes(text.encode("cp1252"))
    code, _, df, _ = _ingest(tmp_path, "r")
    assert code == 0
    assert ideas(df) == [("AK Wohnen", "probleme", "Zu wenig Wohnraum", 3, "C4")]


def test_office_suites_give_the_same_ideas(tmp_path):
    folder = _round(tmp_path)
    for name in ("wild_source.xlsx", "wild.ods", "wild.xls"):
        shutil.copyfile(WILD / name, folder / name)
    code, out, df, log = _ingest(tmp_path, "r")
    assert code == 0
    cols = [s.GROUP, s.QUESTION, s.TEXT, s.VOTES, s.SOURCE_SHEET, s.SOURCE_CELL]
    per_file = {
        f: list(df.loc[df[s.SOURCE_FILE] == f, cols].itertuples(index=False, name=None))
        for f in ("wild_source.xlsx", "wild.ods", "wild.xls")
    }
    assert per_file["wild.ods"] == per_file["wild_source.xlsx"] == per_file["wild.xls"]
    got = [
        (g, q if isinstance(q, str) else None, t, None if pd.isna(v) else v, sh, c)
        for g, q, t, v, sh, c in per_file["wild.ods"]
    ]
    assert got == [
        ("AK Wohnen", "probleme", "Zu wenig bezahlbarer Wohnraum", 5, "AK Wohnen", "D6"),
        ("AK Wohnen", "probleme", "Vermieter skeptisch", 3, "AK Wohnen", "D7"),
        ("AK Wohnen", "probleme", "Wohnungen zu klein", 3, "AK Wohnen", "D7"),
        ("AK Wohnen", "gelingen", "Nachbarschaftshilfe funktioniert", 2, "AK Wohnen", "D9"),
        ("AK Arbeit & Beschäftigung", "probleme", "Anerkennung dauert zu lange", 3,
         "Arbeit & Beschäftigung", "A3"),
        ("AK Arbeit & Beschäftigung", "gelingen", "Betriebe stellen Praktika bereit", 2,
         "Arbeit & Beschäftigung", "A5"),
        ("AK Sprache", None, "Sprachcafé im Rathaus", 4, "Tag 2", "A3"),
        ("AK Sprache", None, "Kinderbetreuung während der Kurse", None, "Tag 2", "A4"),
        ("AK Freizeit", None, "Vereinsrundgänge anbieten", 1, "Tag 2", "D3"),
    ]  # fmt: skip
    for name in ("wild_source.xlsx", "wild.ods", "wild.xls"):
        assert f"{name}: 9 Ideen aus 8 Karten, 20 Punkte, " in out
        assert "Zellen 40 = Text 10 + Zahlen 11 + Kopf 14 + ausgeschlossen 5" in out
        rows = log[(log["file"] == name) & ~log["code"].isin(["recognised", "understood_as"])]
        assert list(zip(rows["sheet"], rows["cell"], rows["code"], strict=True)) == [
            ("AK Wohnen", "D8", "placeholder"),
            ("AK Wohnen", "D10", "empty_after_clean"),
            ("Arbeit & Beschäftigung", "A2", "subheading"),
            ("Arbeit & Beschäftigung", "A4", "subheading"),
            ("Fazit", "", "not_recognised"),
        ]
