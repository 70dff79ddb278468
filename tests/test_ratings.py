import pandas as pd

from flueko import schema
from flueko.ingest.ratings import match_header, measure_id, parse_ratings_sheet
from flueko.sheet import make_sheet

LONG = [
    ["Bewertung der Maßnahmen"],
    [
        "Maßnahme",
        "Bewerter/in",
        "Wirkung (1-5)",
        "Aufwand",
        "Kosten",
        "Zuständig",
        "Zeitraum",
        "Handlungsfeld",
    ],
    ["Sprachcafé", "A", 5, 2, "ca. 2.500 €", "LRA", "2017", "Sprache"],
    [None, "B", "4", "hoch", "?", None, None, None],
    ["Info-Abende", "A", 3, "x", "viel", "IHK", "irgendwann", "Arbeit"],
    ["Info-Abende", "B", None, 4, None, None, None, None],
    ["Summe", None, 8, 2],
]


def test_measure_id_is_stable_across_spelling():
    assert measure_id("Sprachcafé  im  Rathaus") == measure_id(" sprachcafé im rathaus")
    assert measure_id("Sprachcafé") != measure_id("Sprachkurs")
    assert measure_id("X").startswith("M-") and len(measure_id("X")) == 10


def test_match_header():
    assert match_header("Wirkung/Nutzen (1-5)") == schema.IMPACT
    assert match_header("Im eigenen Einflussbereich?") == schema.FEASIBILITY
    assert match_header("Teilnehmer:in") == "rater"
    assert match_header("TN 01 Wirkung") is None
    assert match_header("Maßnahmen-ID") == schema.MEASURE_ID
    assert match_header("Geschätzte Kosten in €") == "cost"
    assert match_header("Bemerkung") is None


def test_long_layout_values_cells_and_log():
    ratings, attrs, log = parse_ratings_sheet(
        make_sheet(LONG, merged=[(2, 0, 3, 0)]), header_row=1, round_id="2016-10-20_auftakt"
    )
    assert list(ratings.columns) == list(schema.RATINGS_COLUMNS)
    got = list(
        ratings[
            [schema.TITLE, schema.RATER, schema.CRITERION, schema.VALUE, schema.SOURCE_CELL]
        ].itertuples(index=False, name=None)
    )
    assert got == [
        ("Sprachcafé", "A", "impact", 5.0, "C3"),
        ("Sprachcafé", "A", "effort", 2.0, "D3"),
        ("Sprachcafé", "B", "impact", 4.0, "C4"),
        ("Sprachcafé", "B", "effort", 5.0, "D4"),  # "hoch" on three verbal steps
        ("Info-Abende", "A", "impact", 3.0, "C5"),
        ("Info-Abende", "B", "effort", 4.0, "D6"),
    ]
    codes = [(e.code, e.cell) for e in log]
    assert ("rating_unreadable", "D5") in codes  # "x"
    assert ("cost_unreadable", "E5") in codes
    assert ("timeframe_unreadable", "G5") in codes
    assert ("totals_row", "A7") in codes
    missing = [e for e in log if e.code == "rating_missing"]
    assert len(missing) == 1 and missing[0].message.startswith("1 ")
    first = attrs.set_index(schema.TITLE).loc["Sprachcafé"]
    assert first[schema.COST_MIN] == 2500.0
    assert first[schema.TIMEFRAME] == "kurzfristig" and first[schema.TARGET_YEAR] == 2017
    assert first[schema.FIELD] == "Sprache" and first[schema.RESPONSIBLE] == "LRA"
    second = attrs.set_index(schema.TITLE).loc["Info-Abende"]
    assert pd.isna(second[schema.COST_MIN]) and second[schema.COST_TEXT] == "viel"


def test_first_readable_cost_wins():
    rows = [
        ["Maßnahme", "TN", "Wirkung", "Kosten"],
        ["A", "x", 3, "k. A."],
        ["A", "y", 4, "2.000 €"],
        ["A", "z", 4, "9.000 €"],
    ]
    _, attrs, _ = parse_ratings_sheet(make_sheet(rows), header_row=0, round_id="r")
    assert (attrs.loc[0, schema.COST_MIN], attrs.loc[0, schema.COST_TEXT]) == (2000.0, "2.000 €")


def test_column_block_per_rater_and_scale_hint():
    rows = [
        [
            "Maßnahme",
            "TN01 Wirkung (1-3)",
            "TN01 Aufwand (1-3)",
            "Wirkung – Müller",
            "Aufwand – Müller",
        ],
        ["X", 3, 1, 5],
    ]
    ratings, _, log = parse_ratings_sheet(make_sheet(rows), header_row=0, round_id="r")
    got = list(
        ratings[[schema.RATER, schema.CRITERION, schema.VALUE, schema.SCALE_MAX]].itertuples(
            index=False, name=None
        )
    )
    # values on 1–5; scale_min/scale_max describe the stored value, the raw scale is logged
    assert got == [
        ("TN01", "impact", 5.0, 5.0),
        ("TN01", "effort", 1.0, 5.0),
        ("Müller", "impact", 5.0, 5.0),
    ]
    assert [(e.code, e.message[:2]) for e in log] == [
        ("rating_scale", "Sk"),
        ("rating_missing", "1 "),
    ]
    assert "Zahlen 1–3, auf 1–5 umgerechnet (laut Kopfzeile)" in log[0].message


def test_sheet_per_rater_uses_sheet_name_and_ten_point_scale():
    rows = [["Maßnahme", "Nutzen", "Machbarkeit"], ["X", 10, 1], ["Y", 7, None]]
    ratings, _, _ = parse_ratings_sheet(
        make_sheet(rows, name="Frau Schulz"), header_row=0, round_id="r"
    )
    assert set(ratings[schema.RATER]) == {"Frau Schulz"}
    assert list(ratings[schema.VALUE]) == [5.0, 1.0, 1 + 6 * 4 / 9]
    assert set(ratings[schema.CRITERION]) == {"impact", "feasibility"}


def test_hidden_row_duplicate_and_missing_title_are_logged():
    rows = [
        ["Maßnahme", "Person", "Wirkung"],
        ["X", "a", 4],
        ["X", "a", 2],
        [None, "b", 3],
        ["Y", "a", 5],
    ]
    ratings, _, log = parse_ratings_sheet(
        make_sheet(rows, hidden_rows=[4]), header_row=0, round_id="r"
    )
    assert list(ratings[schema.VALUE]) == [4.0]
    assert [(e.code, e.cell) for e in log] == [
        ("rating_scale", ""),
        ("rating_duplicate", "C3"),
        ("measure_missing", "A4"),
        ("hidden_row", "A5"),
    ]


def test_no_measure_column_gives_empty_tables_and_a_warning():
    ratings, attrs, log = parse_ratings_sheet(
        make_sheet([["Name", "Wirkung"], ["a", 3]]), header_row=0, round_id="r"
    )
    assert ratings.empty and attrs.empty
    assert [e.code for e in log] == ["measure_column_missing"]
