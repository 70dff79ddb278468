"""Rating sheets as offices type them: two header rows, combined headers, mean columns, symbols,
words, legends, one sheet per rater — header rows never become measures; raters pseudonymised."""

from __future__ import annotations

import pandas as pd
import pytest

from flueko import schema
from flueko.config import load_settings
from flueko.ingest.detect import detect_sheet
from flueko.ingest.raters import institution_of, pseudonymise_raters
from flueko.ingest.rating_layout import rating_layout
from flueko.ingest.ratings import parse_ratings_sheet
from flueko.ingest.survey import match_item
from flueko.sheet import make_sheet
from flueko.taxonomy import default_taxonomy
from flueko.taxonomy_match import question_for_heading

TAX = default_taxonomy()
ITEMS = load_settings("survey_items.yaml")
RATERS = ["Jobcenter", "LRA", "Caritas"]


def read(rows, *, merged=(), name="Bewertung"):
    """Detect like ``flueko ingest`` does, then parse: (detection, layout, ratings, attrs, log)."""
    sheet = make_sheet(rows, merged=merged, name=name)
    det = detect_sheet(
        sheet,
        question_of=lambda t: question_for_heading(t, TAX),
        item_of=lambda h: match_item(h, items=ITEMS)[0],
    )
    lay = rating_layout(sheet, header_row=det.header_row)
    ratings, attrs, log = parse_ratings_sheet(sheet, header_row=det.header_row, round_id="r")
    return det, lay, ratings, attrs, log


def medians(ratings: pd.DataFrame) -> dict[tuple[str, str], float]:
    grouped = ratings.groupby([schema.TITLE, schema.CRITERION])[schema.VALUE].median()
    return {k: float(v) for k, v in grouped.items()}


# two measures × three raters; impact then effort
IMPACT = [[4, 5, 3], [1, 2, 2]]
EFFORT = [[2, 2, 3], [5, 4, 4]]
TITLES = ["Wohnraumbörse einrichten", "Sprachcafé in jeder Gemeinde"]
WANT = {
    (TITLES[0], "impact"): 4.0,
    (TITLES[0], "effort"): 2.0,
    (TITLES[1], "impact"): 2.0,
    (TITLES[1], "effort"): 4.0,
}


def matrix(mode: str) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """Criterion over three rater columns (merged, repeated or first only), raters below."""
    top: list = ["Maßnahme"]
    merged = [(0, 0, 1, 0)] if mode == "merged" else []
    for k, label in enumerate(["Wirkung (1-5)", "Aufwand (1-5)"]):
        if mode == "merged":
            top += [label, None, None]
            merged.append((0, 1 + 3 * k, 0, 3 + 3 * k))
        elif mode == "repeated":
            top += [label] * 3
        else:
            top += [label, None, None]
    rows = [top, [None, *RATERS, *RATERS]]
    for i, title in enumerate(TITLES):
        rows.append([title, *IMPACT[i], *EFFORT[i]])
    rows.append(["Mittelwert", 2.5, 3.5, 2.5, 3.5, 3, 3.5])
    return rows, merged


@pytest.mark.parametrize("mode", ["merged", "repeated", "first"])
def test_criterion_over_rater_columns_with_raters_in_the_next_row(mode):
    rows, merged = matrix(mode)
    det, lay, ratings, attrs, log = read(rows, merged=merged)
    assert (det.kind, det.header_row) == ("ratings", 0)
    assert (lay.layout, lay.header_rows) == ("matrix", (0, 1))
    assert lay.columns() == {"measure": [0], "impact": [1, 2, 3], "effort": [4, 5, 6]}
    assert lay.reading() == {"kind": "ratings", "header_rows": (0, 1), "columns": lay.columns()}
    assert list(attrs[schema.TITLE]) == TITLES  # neither header row nor Mittelwert
    assert set(ratings[schema.RATER]) == set(RATERS)
    assert medians(ratings) == WANT
    assert ("totals_row", "A5") in [(e.code, e.cell) for e in log]


def test_rater_merged_over_a_criterion_pair():
    rows = [["Maßnahme", "Jobcenter", None, "LRA", None, "Caritas", None]]
    rows.append([None, *["Wirkung", "Aufwand"] * 3])
    for i, title in enumerate(TITLES):
        rows.append([title, *[v for j in range(3) for v in (IMPACT[i][j], EFFORT[i][j])]])
    merged = [(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4), (0, 5, 0, 6)]
    det, lay, ratings, attrs, _ = read(rows, merged=merged)
    assert (det.kind, lay.layout, lay.header_rows) == ("ratings", "matrix", (0, 1))
    assert list(attrs[schema.TITLE]) == TITLES
    assert set(ratings[schema.RATER]) == set(RATERS)
    assert medians(ratings) == WANT


def test_combined_headers_rater_first_with_mean_columns():
    rows = [["Maßnahme"]]
    for r in RATERS:
        rows[0] += [f"{r} Wirkung", f"{r} Aufwand"]
    rows[0] += ["Ø Wirkung", "Ø Aufwand"]
    for i, title in enumerate(TITLES):
        vals = [v for j in range(3) for v in (IMPACT[i][j], EFFORT[i][j])]
        rows.append([title, *vals, 4.0, 2.3])
    _det, lay, ratings, _attrs, log = read(rows)
    assert (lay.layout, lay.header_rows) == ("combined", (0,))
    assert set(ratings[schema.RATER]) == set(RATERS)  # "Ø" is no rater
    assert medians(ratings) == WANT
    assert [(e.code, e.cell) for e in log if e.code == "mean_column"] == [
        ("mean_column", "H1"),
        ("mean_column", "I1"),
    ]


def test_combined_headers_criterion_first():
    rows = [["Maßnahme", *[f"Wirkung {r}" for r in RATERS], *[f"Aufwand {r}" for r in RATERS]]]
    for i, title in enumerate(TITLES):
        rows.append([title, *IMPACT[i], *EFFORT[i]])
    _, lay, ratings, _, _ = read(rows)
    assert lay.layout == "combined"
    assert medians(ratings) == WANT


def test_long_form_with_institution_as_rater_header_and_title_rows():
    rows = [["Bewertung der Maßnahmen"], ["Landratsamt, 23.11.2016"], []]
    rows.append(["Nr.", "Maßnahme", "Institution", "Wirkung (1-5)", "Aufwand (1-5)"])
    for j, r in enumerate(RATERS):
        for i, title in enumerate(TITLES):
            rows.append([i + 1, title, r, IMPACT[i][j], EFFORT[i][j]])
    rows.append([None, "Mittelwert", None, 3, 3])
    det, lay, ratings, attrs, _ = read(rows)
    assert (det.header_row, lay.layout) == (3, "long")
    assert set(ratings[schema.RATER]) == set(RATERS)
    assert list(attrs[schema.TITLE]) == TITLES
    assert medians(ratings) == WANT


SYM = {5: "++", 4: "+", 3: "o", 2: "-", 1: "--"}


def test_symbols_with_legend_row_and_not_given():
    rows = [["Maßnahme", "Bewertet von", "Wirkung", "Aufwand"]]
    for i, title in enumerate(TITLES):
        for j, r in enumerate(RATERS):
            rows.append([title, r, SYM[IMPACT[i][j]], SYM[EFFORT[i][j]]])
    rows.append([TITLES[0], "VHS", "k.A.", "-"])  # "-" on a symbol scale is 2
    rows.append([])
    rows.append(["Legende: ++ sehr hoch, + hoch, o mittel, - gering, -- sehr gering"])
    _, lay, ratings, attrs, log = read(rows)
    assert lay.layout == "long"
    assert list(attrs[schema.TITLE]) == TITLES
    got = medians(ratings)
    assert got == {**WANT, (TITLES[0], "effort"): 2.0}
    assert len(ratings[ratings[schema.RATER] == "VHS"]) == 1
    codes = [(e.code, e.cell) for e in log]
    assert ("rating_not_given", "C8") in codes
    assert ("legend_row", "A10") in codes
    scale = next(e.message for e in log if e.code == "rating_scale")
    assert "Symbole ++ + o - -- = 5 4 3 2 1" in scale


def test_verbal_words_any_case_in_a_merged_matrix():
    rows, merged = matrix("merged")
    rows = [
        *rows[:2],
        [TITLES[0], "hoch", "Hoch", "mittel", "gering", "Gering", "mittel"],
        [TITLES[1], "gering", "mittel", "gering", "hoch", "mittel", "hoch"],
    ]
    _, _, ratings, _, log = read(rows, merged=merged)
    assert medians(ratings) == {
        (TITLES[0], "impact"): 5.0,
        (TITLES[0], "effort"): 1.0,
        (TITLES[1], "impact"): 1.0,
        (TITLES[1], "effort"): 5.0,
    }
    assert "Wörter niedrig/gering = 1, mittel = 3, hoch = 5" in log[0].message


def test_ten_point_scale_is_rescaled_and_scale_columns_describe_the_stored_value():
    rows = [["Maßnahme", "Wirkung", "Aufwand"], ["X", 10, 1], ["Y", 4, 7]]
    _, lay, ratings, _, log = read(rows, name="Jobcenter")
    assert lay.layout == "per_rater_sheet"
    assert list(ratings[schema.VALUE]) == [5.0, 1.0, 1 + 3 * 4 / 9, 1 + 6 * 4 / 9]
    assert set(ratings[schema.SCALE_MIN]) == {1.0} and set(ratings[schema.SCALE_MAX]) == {5.0}
    assert "Zahlen 1–10, auf 1–5 umgerechnet" in log[0].message


def test_one_sheet_per_rater_gives_one_measure_set():
    frames = []
    for j, rater in enumerate(RATERS):
        rows = [["Maßnahme", "Wirkung", "Aufwand"]]
        rows += [[t, IMPACT[i][j], EFFORT[i][j]] for i, t in enumerate(TITLES)]
        frames.append(read(rows, name=rater)[2])
    ratings = pd.concat(frames, ignore_index=True)
    assert ratings[schema.MEASURE_ID].nunique() == 2
    assert medians(ratings) == WANT


def test_section_rows_are_no_measures_in_rating_sheets():
    rows = [["Maßnahme", "Bewerter/in", "Wirkung", "Aufwand"], ["Handlungsfeld Wohnen"]]
    rows += [[TITLES[0], "LRA", 4, 2]]
    _, _, _, attrs, log = read(rows, merged=[(1, 0, 1, 3)])
    assert list(attrs[schema.TITLE]) == [TITLES[0]]
    assert attrs.loc[0, schema.FIELD] == "Wohnen"
    assert ("section_row", "A2") in [(e.code, e.cell) for e in log]


# --- rater pseudonyms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "institution", "whole"),
    [
        ("Jobcenter", "Jobcenter", True),
        ("LRA", "LRA", True),
        ("Agentur für Arbeit", "Agentur für Arbeit", True),
        ("Kreisjugendamt", "Kreisjugendamt", True),
        ("IHK / HWK", "IHK / HWK", True),
        ("Hr. Becker (Jobcenter)", "Jobcenter", False),
        ("Müller, Caritas", "Caritas", False),
        ("Stadt Herrenberg", "Stadt", False),
        ("Anna Schulz", "", False),
        ("Frau Schulz", "", False),
        ("Tarek Haddad", "", False),
    ],
)
def test_institution_or_person(label, institution, whole):
    assert institution_of(label) == (institution, whole)


def test_pseudonyms_stable_in_order_of_first_appearance():
    labels = ["Anna Schulz", "Jobcenter", "Hr. Becker (Caritas)", "Anna Schulz", "Tarek Haddad"]
    ratings = schema.conform(
        pd.DataFrame({schema.RATER: labels, schema.VALUE: [1.0] * 5}), "ratings"
    )
    out, log = pseudonymise_raters(ratings)
    assert list(out[schema.RATER]) == [
        "Bewerter/in 1",
        "Jobcenter",
        "Bewerter/in 2 (Caritas)",
        "Bewerter/in 1",
        "Bewerter/in 3",
    ]
    assert [e.code for e in log] == ["raters_pseudonymised"]
    kept, log = pseudonymise_raters(ratings, keep_names=True)
    assert list(kept[schema.RATER]) == labels and log == []


def test_a_round_stores_pseudonyms_unless_the_analyst_opts_in(tmp_path):
    """End to end: one sheet per rater, sheet names are persons and an institution."""
    from openpyxl import Workbook

    from flueko.config import Workspace
    from flueko.pipeline import ingest_round

    wb = Workbook()
    wb.remove(wb.active)
    for j, rater in enumerate(["Birgit Hollenbach", "Jobcenter", "Tarek Haddad"]):
        ws = wb.create_sheet(rater)
        ws.append(["Maßnahme", "Wirkung", "Aufwand"])
        for i, title in enumerate(TITLES):
            ws.append([title, IMPACT[i][j], EFFORT[i][j]])
    folder = tmp_path / "data" / "raw" / "2016-12-07_v"
    folder.mkdir(parents=True)
    wb.save(folder / "boegen.xlsx")
    result = ingest_round(Workspace.at(tmp_path), "2016-12-07_v")
    ratings = result.tables["ratings"]
    assert list(dict.fromkeys(ratings[schema.RATER])) == [
        "Bewerter/in 1",
        "Jobcenter",
        "Bewerter/in 2",
    ]
    assert medians(ratings) == WANT
    assert (result.log[schema.LOG_CODE] == "raters_pseudonymised").sum() == 1
    kept = ingest_round(
        Workspace.at(tmp_path), "2016-12-07_v", overrides={"privacy": {"keep_rater_names": True}}
    )
    assert set(kept.tables["ratings"][schema.RATER]) == {
        "Birgit Hollenbach",
        "Jobcenter",
        "Tarek Haddad",
    }


def test_raters_above_and_the_measure_label_beside_the_criteria():
    """Rater names merged over a Wirkung|Aufwand pair in the row above, "Nr." and "Maßnahme"
    written in the criteria row (a title row above both): both rows are the header."""
    rows = [
        ["Bewertung der Maßnahmenvorschläge (1 = gering, 5 = hoch)", None, None, None, None, None],
        [None, None, "Person A", None, "Person B", None],
        ["Nr.", "Maßnahme", "Wirkung", "Aufwand", "Wirkung", "Aufwand"],
        [1, "Wohnungsbörse einrichten", 2, 4, 4, 2],
        [2, "Sprachcafé gründen", 5, 1, 3, 3],
    ]
    det, lay, ratings, _attrs, log = read(rows, merged=[(1, 2, 1, 3), (1, 4, 1, 5)])
    assert lay.header_rows == (det.header_row, det.header_row + 1)
    assert sorted(ratings[schema.TITLE].unique()) == [
        "Sprachcafé gründen",
        "Wohnungsbörse einrichten",
    ]
    assert ratings[schema.RATER].nunique() == 2
    assert medians(ratings)[("Sprachcafé gründen", "impact")] == 4.0
    assert not [e for e in log if e.code == "measure_column_missing"]


@pytest.mark.parametrize("order", ["by_measure", "by_criterion"])
def test_tall_export_one_row_per_rater_measure_and_criterion(order):
    """A survey tool's or database's export ("Maßnahme | Bewerter/in | Kriterium | Wert"): the
    criterion is named in each row; an unknown criterion is logged with its cell, not guessed."""
    rows = [
        (title, rater, label, values[m][r])
        for m, title in enumerate(TITLES)
        for r, rater in enumerate(RATERS)
        for label, values in (("Wirkung (1-5)", IMPACT), ("Aufwand", EFFORT))
    ]
    if order == "by_criterion":
        rows.sort(key=lambda row: row[2])
    rows.append((TITLES[0], "Caritas", "Sympathie", 5))
    rows.append((TITLES[1], "LRA", "Aufwand", None))
    det, lay, ratings, _attrs, log = read(
        [["Bewertungsexport Dezember"], ["Vorschlag", "Institution", "Kriterium", "Wert"], *rows]
    )
    assert (det.kind, det.layout, det.header_row) == ("ratings", "tall", 1)
    assert lay.layout == "tall"
    assert medians(ratings) == WANT
    assert len(ratings) == 12 and set(ratings[schema.RATER]) == set(RATERS)
    unknown = [e for e in log if e.code == "rating_criterion_unknown"]
    assert [e.cell for e in unknown] == [f"D{len(rows) + 1}"]
    assert "Sympathie" in unknown[0].message
    assert ratings[schema.SOURCE_CELL].str.startswith("D").all()
