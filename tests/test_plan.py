import pandas as pd
import pytest

from flueko import schema
from flueko.ingest.plan import parse_plan_sheet, parse_progress, parse_status, progress_by_field
from flueko.ingest.ratings import measure_id
from flueko.sheet import make_sheet

HEADER = [
    "Nr.",
    "ID",
    "Handlungsfeld",
    "Maßnahme",
    "Ziel",
    "Zuständig",
    "Partner",
    "Zeitraum",
    "Kosten von",
    "Kosten bis",
    "Status",
    "Fortschritt",
]
ROWS = [
    HEADER,
    ["Handlungsfeld Wohnen"],
    [
        1,
        None,
        None,
        "Wohnraumbörse",
        "mehr Wohnungen",
        "LRA",
        "Gemeinden",
        "2017",
        "1.000 €",
        "2.000 €",
        "geplant",
        "0 %",
    ],
    [
        2,
        "M-12345678",
        "Sprache",
        "Sprachcafé",
        None,
        "VHS",
        None,
        "laufend",
        "keine",
        None,
        "in Umsetzung",
        0.5,
    ],
    [3, None, "Arbeit", "Info-Abende", None, "IHK", None, "bald", "viel", None, "vielleicht", 150],
    [4, None, "Arbeit", "info-abende", None, None, None, None, None, None, "umgesetzt", 100],
    [None, None, None, "Summe"],
]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("offen", "offen"),
        ("Geplant", "offen"),
        ("in Vorbereitung", "in_vorbereitung"),
        ("begonnen", "in_umsetzung"),
        ("In Umsetzung", "in_umsetzung"),
        ("abgeschlossen", "abgeschlossen"),
        ("umgesetzt", "abgeschlossen"),
        ("zurückgestellt", "zurueckgestellt"),
        ("vielleicht", None),
        (None, None),
    ],
)
def test_parse_status(value, key):
    assert parse_status(value) == key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("50 %", 0.5),
        ("50%", 0.5),
        (0.5, 0.5),
        (50, 0.5),
        ("0,25", 0.25),
        (1, 1.0),
        ("1 %", 0.01),
        (100, 1.0),
        (150, None),
        ("-5 %", None),
        ("halb", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_progress(value, expected):
    assert parse_progress(value) == expected


def test_parse_plan_sheet():
    measures, log = parse_plan_sheet(make_sheet(ROWS), header_row=0, round_id="2016-10-20_a")
    assert list(measures.columns) == list(schema.MEASURES_COLUMNS)
    assert list(measures[schema.TITLE]) == ["Wohnraumbörse", "Sprachcafé", "Info-Abende"]
    first = measures.iloc[0]
    assert first[schema.MEASURE_ID] == measure_id("Wohnraumbörse")
    assert first[schema.FIELD] == "Wohnen"  # from the section heading
    assert (first[schema.COST_MIN], first[schema.COST_MAX]) == (1000.0, 2000.0)
    assert (first[schema.TIMEFRAME], first[schema.TARGET_YEAR]) == ("kurzfristig", 2017)
    assert (first[schema.STATUS], first[schema.PROGRESS]) == ("offen", 0.0)
    assert first[schema.GOAL] == "mehr Wohnungen" and first[schema.PARTNERS] == "Gemeinden"
    assert first[schema.SOURCE_CELL] == "D3"
    second = measures.iloc[1]
    assert second[schema.MEASURE_ID] == "M-12345678"  # the given id wins
    assert (second[schema.COST_MIN], second[schema.COST_MAX]) == (0.0, 0.0)
    third = measures.iloc[2]
    assert pd.isna(third[schema.STATUS]) and pd.isna(third[schema.PROGRESS])
    assert pd.isna(third[schema.COST_MIN]) and third[schema.COST_TEXT] == "viel"
    assert [(e.code, e.cell) for e in log] == [
        ("timeframe_unreadable", "H5"),
        ("cost_unreadable", "I5"),
        ("status_unknown", "K5"),
        ("progress_unreadable", "L5"),
        ("measure_duplicate", "D6"),
        ("totals_row", "D7"),
    ]


def test_plan_without_measure_column():
    measures, log = parse_plan_sheet(make_sheet([["Nr.", "Ziel"]]), header_row=0, round_id="r")
    assert measures.empty and [e.code for e in log] == ["measure_column_missing"]


def test_progress_by_field():
    measures = schema.conform(
        pd.DataFrame(
            {
                schema.FIELD: ["wohnen", "wohnen", "wohnen", None],
                schema.STATUS: ["offen", "abgeschlossen", None, "offen"],
                schema.PROGRESS: [0.0, 1.0, None, 0.2],
            }
        ),
        "measures",
    )
    out = progress_by_field(measures)
    assert list(out[schema.FIELD].fillna("-")) == ["wohnen", "-"]
    row = out.iloc[0]
    assert (row["n"], row["n_offen"], row["n_abgeschlossen"], row["n_status_missing"]) == (
        3,
        1,
        1,
        1,
    )
    assert (row["n_progress"], row["progress_mean"]) == (2, 0.5)  # missing is not 0 %
    assert "nicht als 0" in row["rule"]


def test_section_rows_in_the_measure_column_and_the_unit_in_the_header():
    rows = [
        ["Maßnahme", "Verantwortlich", "Kosten (T€)"],
        ["Handlungsfeld Wohnen"],
        ["Wohnraumbörse", "LRA", 5],
        ["Leerstandskataster", "Kommunen", "ca. 2,5"],
        ["Handlungsfeld Sprache"],
        ["Sprachcafé", "VHS", "kostenlos"],
        ["Sprachpatenschaften", "VHS", "siehe oben"],
        ["Summe", None, 7.5],
    ]
    merged = [(1, 0, 1, 2), (4, 0, 4, 2)]
    measures, log = parse_plan_sheet(
        make_sheet(rows, merged=merged), header_row=0, round_id="2017-02-15_x"
    )
    assert list(measures[schema.TITLE]) == [
        "Wohnraumbörse",
        "Leerstandskataster",
        "Sprachcafé",
        "Sprachpatenschaften",
    ]
    assert list(measures[schema.FIELD]) == ["Wohnen", "Wohnen", "Sprache", "Sprache"]
    assert list(measures[schema.COST_MIN].astype(object).fillna(-1)) == [5000, 2500, 0, -1]
    assert [(e.code, e.cell) for e in log] == [
        ("section_row", "A2"),
        ("cost_assumed", "C3"),
        ("cost_assumed", "C4"),
        ("section_row", "A5"),
        ("cost_unreadable", "C7"),
        ("totals_row", "A8"),
    ]
    unreadable = next(e for e in log if e.code == "cost_unreadable")
    assert unreadable.message == "Kosten ‚siehe oben‘ in C7 nicht lesbar — als unbekannt gezählt"
