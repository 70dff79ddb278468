"""Tests for flueko.io.codebook: export → edit in Excel → read → validate → categorise."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from flueko import schema
from flueko.analyse.categorise import categorise
from flueko.analyse.clustering import cluster_ideas
from flueko.errors import CodingError
from flueko.io.codebook import (
    COL_COMMENT,
    COL_FIELD_NEW,
    COL_MEASURE,
    COL_QUESTION_NEW,
    HEADERS,
    KEYS_SHEET,
    SHEET,
    coding_from_sheet,
    export_codebook,
    is_codebook_sheet,
    is_own_sheet,
    read_codebook,
    validate_coding,
)
from flueko.schema import CODING_MEASURE
from flueko.sheet import Sheet
from flueko.taxonomy import default_taxonomy

TAX = default_taxonomy()


def contributions() -> pd.DataFrame:
    rows = [
        ("AK Wohnen", "Mietwohnungen für große Familien fehlen"),
        ("AK Wohnen", "Kein WLAN in den Unterkünften"),
        ("AK Arbeit", "berufsbezogene Sprachkurse fehlen"),
        ("AK Arbeit", "=SUMME(A1:A9) ist keine Idee"),
        ("AK Freizeit", "-Sportvereine öffnen"),
    ]
    df = pd.DataFrame(
        {
            schema.ROUND: "2016-10-20_auftakt",
            schema.GROUP: [g for g, _ in rows],
            schema.TEXT: [t for _, t in rows],
            schema.IDEA_ID: [f"id{k}" for k in range(len(rows))],
            schema.CARD_ID: [f"c{k}" for k in range(len(rows))],
            schema.VOTES: [3, 1, 2, 0, 4],
        }
    )
    return categorise(schema.conform(df, "contributions"), taxonomy=TAX)


def col(header: str) -> int:
    return next(i for i, (h, _, _) in enumerate(HEADERS, start=1) if h == header)


def row_of(ws, idea_id: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == idea_id)


def test_export_layout(tmp_path):
    path = tmp_path / "kodierung.xlsx"
    export_codebook(contributions(), path, taxonomy=TAX)
    wb = load_workbook(path)
    ws = wb[SHEET]
    assert [c.value for c in ws[1]] == [h for h, _, _ in HEADERS]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == "A1:L6"
    assert wb[KEYS_SHEET].sheet_state == "hidden"
    assert [wb[KEYS_SHEET].cell(r, 1).value for r in range(2, 10)] == list(schema.FIELDS)
    formulas = sorted(dv.formula1 for dv in ws.data_validations.dataValidation)
    assert formulas == [f"'{KEYS_SHEET}'!$B$2:$B$9", f"'{KEYS_SHEET}'!$D$2:$D$6"]  # labels
    assert [wb[KEYS_SHEET].cell(r, 2).value for r in (2, 3)] == ["Wohnen", "Bildung/Ausbildung"]
    # German headers, German labels in the visible columns, the export copy hidden
    assert {"idea_id", "Cluster"}.isdisjoint(h for h, _, _ in HEADERS)
    shown = {ws.cell(r, 1).value: ws.cell(r, col("Handlungsfeld")).value for r in range(2, 7)}
    assert shown["id0"] == "Wohnen"
    hidden = [h for h, _, w in HEADERS if not w]
    assert hidden == ["Handlungsfeld (wie exportiert)", "Leitfrage (wie exportiert)"]
    assert all(ws.column_dimensions[get_column_letter(col(h))].hidden for h in hidden)
    assert wb.sheetnames == [SHEET, KEYS_SHEET, "Anleitung"]
    assert "data/raw/<runde>/" in " ".join(c.value for c in wb["Anleitung"]["A"])
    # formula-like text is stored as text
    texts = {ws.cell(r, 1).value: ws.cell(r, col("Idee")) for r in range(2, 7)}
    assert texts["id3"].value == "=SUMME(A1:A9) ist keine Idee"
    assert texts["id3"].data_type == "s"
    assert texts["id4"].value == "-Sportvereine öffnen"
    assert ws.cell(2, col("Idee")).alignment.wrap_text is True
    # it prints: header repeated on every page, fit to the page width, page numbers
    assert ws.print_title_rows == "$1:$1" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.page_setup.orientation == "landscape" and "&P" in ws.oddFooter.right.text


def test_export_is_deterministic_and_atomic(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export_codebook(contributions(), a, taxonomy=TAX)
    export_codebook(contributions(), b, taxonomy=TAX)
    assert a.read_bytes() == b.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]


def test_round_trip_changes_fields_keeps_ids(tmp_path):
    df = contributions()
    assert df.set_index(schema.IDEA_ID).loc["id1", schema.FIELD] == "wohnen"
    path = tmp_path / "kodierung.xlsx"
    export_codebook(df, path, taxonomy=TAX)
    # the analyst edits the workbook
    wb = load_workbook(path)
    ws = wb[SHEET]
    ws.cell(row_of(ws, "id1"), col(COL_FIELD_NEW), "sonstiges")
    ws.cell(row_of(ws, "id0"), col(COL_QUESTION_NEW), "probleme")
    ws.cell(row_of(ws, "id2"), col(COL_FIELD_NEW), "Arbeit")  # a label works too
    ws.cell(row_of(ws, "id2"), col(COL_MEASURE), "Berufssprachkurse")
    ws.cell(row_of(ws, "id3"), col(COL_MEASURE), "berufssprachkurse ")
    wb.save(path)

    coding, logs = read_codebook(path)
    assert logs == []
    assert coding[schema.IDEA_ID].tolist() == ["id2", "id3", "id0", "id1"]
    coding, logs = validate_coding(coding, df, taxonomy=TAX)
    assert logs == []
    out = categorise(df, taxonomy=TAX, coding=coding).set_index(schema.IDEA_ID)
    assert out.loc["id1", schema.FIELD] == "sonstiges"
    assert out.loc["id1", schema.FIELD_METHOD] == "manual"
    assert out.loc["id2", schema.FIELD] == "arbeit"
    assert out.loc["id0", schema.QUESTION] == "probleme"
    assert out.loc["id0", schema.FIELD_METHOD] == "rule"
    assert out.index.tolist() == df[schema.IDEA_ID].tolist()
    clustered = cluster_ideas(out.reset_index(), coding=coding).set_index(schema.IDEA_ID)
    assert clustered.loc["id2", schema.CLUSTER_ID] == clustered.loc["id3", schema.CLUSTER_ID]
    assert coding.set_index(schema.IDEA_ID).loc["id3", CODING_MEASURE] == "berufssprachkurse"


def test_bad_codes_rejected_with_all_row_numbers(tmp_path):
    df = contributions()
    path = tmp_path / "kodierung.xlsx"
    export_codebook(df, path, taxonomy=TAX)
    wb = load_workbook(path)
    ws = wb[SHEET]
    r1, r2 = row_of(ws, "id1"), row_of(ws, "id3")
    ws.cell(r1, col(COL_FIELD_NEW), "wohnung")
    ws.cell(r2, col(COL_QUESTION_NEW), "Frage 9")
    wb.save(path)
    coding, _ = read_codebook(path)
    with pytest.raises(CodingError) as err:
        validate_coding(coding, df, taxonomy=TAX)
    msg = str(err.value)
    assert f"Zeile {r1}: 'wohnung' ist kein Handlungsfeld; erlaubt: wohnen, bildung" in msg
    assert f"Zeile {r2}: 'Frage 9' ist keine Leitfrage" in msg
    assert err.value.file == str(path)


def test_unknown_ids_are_warned_not_dropped():
    coding = pd.DataFrame(
        {
            schema.IDEA_ID: ["id0", "gone"],
            schema.FIELD: ["bildung", "arbeit"],
            schema.SOURCE_FILE: "k.xlsx",
            schema.SOURCE_ROW: [2, 14],
        }
    )
    out, logs = validate_coding(coding, contributions(), taxonomy=TAX)
    assert out[schema.IDEA_ID].tolist() == ["id0", "gone"]
    assert [(e.code, e.file, e.cell) for e in logs] == [("coding_unknown_id", "k.xlsx", "A14")]
    assert "Zeile 14" in logs[0].message


def test_recognise_codebook_sheet_and_rows_without_id():
    good = Sheet(
        file="k.xlsx",
        name="Kodierung",
        rows=(
            ("idea_id", "Idee", COL_FIELD_NEW),
            ("a", "x", None),
            (None, "y", "wohnen"),
            ("b", "z", "arbeit"),
        ),
    )
    assert is_codebook_sheet(good)
    assert not is_codebook_sheet(Sheet(file="k.xlsx", name="Tabelle1", rows=good.rows))
    assert not is_codebook_sheet(Sheet(file="k.xlsx", name="Kodierung", rows=(("Idee",),)))
    coding, logs = coding_from_sheet(good)
    assert coding[schema.IDEA_ID].tolist() == ["b"]
    assert coding[schema.SOURCE_ROW].tolist() == [4]
    assert [(e.code, e.cell) for e in logs] == [("coding_missing_id", "A3")]


def test_edits_in_the_visible_columns_are_taken_over_and_logged(tmp_path):
    df = contributions()
    path = tmp_path / "kodierung.xlsx"
    export_codebook(df, path, taxonomy=TAX)
    wb = load_workbook(path)
    ws = wb[SHEET]
    r1, r2, r3 = row_of(ws, "id1"), row_of(ws, "id2"), row_of(ws, "id0")
    ws.cell(r1, col("Handlungsfeld"), "Freizeit")  # only the visible column
    ws.cell(r2, col("Handlungsfeld"), "Gesundheit")  # visible and (neu) disagree
    ws.cell(r2, col(COL_FIELD_NEW), "Sprache")
    ws.cell(r3, col("Leitfrage"), "Warum gelingt Integration (nicht)?")
    ws.cell(r3, col(COL_COMMENT), "mit dem AK klären")
    wb.save(path)
    coding, logs = read_codebook(path)
    coding, _ = validate_coding(coding, df, taxonomy=TAX)
    got = coding.set_index(schema.IDEA_ID)
    assert got.loc["id1", schema.FIELD] == "freizeit"
    assert got.loc["id2", schema.FIELD] == "sprache"
    assert got.loc["id0", schema.QUESTION] == "gelingen"
    assert got.loc["id0", schema.CODING_COMMENT] == "mit dem AK klären"
    assert sorted((e.code, e.severity, e.cell[:1]) for e in logs) == [
        ("coding_conflict", "warning", "E"),
        ("coding_visible_column", "info", "E"),
        ("coding_visible_column", "info", "G"),
    ]
    out = categorise(df, taxonomy=TAX, coding=coding).set_index(schema.IDEA_ID)
    assert out.loc["id1", schema.FIELD] == "freizeit"
    assert out.loc["id1", schema.FIELD_METHOD] == "manual"


def test_re_export_keeps_what_was_entered(tmp_path):
    df = contributions()
    path = tmp_path / "kodierung.xlsx"
    export_codebook(df, path, taxonomy=TAX)
    wb = load_workbook(path)
    ws = wb[SHEET]
    ws.cell(row_of(ws, "id1"), col(COL_FIELD_NEW), "freizeit")  # a key: shown as its label
    ws.cell(row_of(ws, "id2"), col(COL_MEASURE), "Berufssprachkurse")
    ws.cell(row_of(ws, "id2"), col(COL_COMMENT), "doppelt mit AK Sprache")
    ws.cell(row_of(ws, "id3"), col(COL_QUESTION_NEW), "Frage 9")  # kept as typed
    wb.save(path)
    previous, _ = read_codebook(path)
    again = tmp_path / "neu.xlsx"
    export_codebook(df, again, taxonomy=TAX, previous=previous)
    ws = load_workbook(again)[SHEET]
    assert ws.cell(row_of(ws, "id1"), col(COL_FIELD_NEW)).value == "Freizeit"
    assert ws.cell(row_of(ws, "id2"), col(COL_MEASURE)).value == "Berufssprachkurse"
    assert ws.cell(row_of(ws, "id2"), col(COL_COMMENT)).value == "doppelt mit AK Sprache"
    assert ws.cell(row_of(ws, "id3"), col(COL_QUESTION_NEW)).value == "Frage 9"
    assert ws.cell(row_of(ws, "id0"), col(COL_MEASURE)).value is None
    before = previous.drop(columns=schema.SOURCE_FILE)
    after = read_codebook(again)[0].drop(columns=schema.SOURCE_FILE)
    after[schema.FIELD] = after[schema.FIELD].str.lower()  # "Freizeit" → its key again
    assert after.equals(before)


def test_own_instruction_and_key_sheets_are_recognised(tmp_path):
    path = tmp_path / "kodierung.xlsx"
    export_codebook(contributions(), path, taxonomy=TAX)
    wb = load_workbook(path)
    for name in ("Anleitung", KEYS_SHEET):
        rows = tuple(tuple(r) for r in wb[name].iter_rows(values_only=True))
        assert is_own_sheet(Sheet(file="k.xlsx", name=name, rows=rows))
        assert not is_own_sheet(Sheet(file="k.xlsx", name=name, rows=(("Karte",),)))
    assert not is_own_sheet(Sheet(file="k.xlsx", name=SHEET, rows=((None,),)))


def test_the_hidden_dropdown_lists_of_a_returned_plan_are_no_finding():
    rows = (("Status", "Zuständig"), ("offen", "Jobcenter"))
    assert is_own_sheet(Sheet(file="plan.xlsx", name="Listen", rows=rows, hidden=True))
    assert not is_own_sheet(Sheet(file="plan.xlsx", name="Listen", rows=rows))  # visible


def test_disputed_ideas_get_a_sheet_of_their_own(tmp_path):
    path = tmp_path / "kodierung.xlsx"
    disputed = pd.DataFrame({"idea_id": ["id1"], "field_a": ["wohnen"], "field_b": ["arbeit"]})
    coders = pd.DataFrame({"coder_a": ["a.xlsx"], "coder_b": ["b.xlsx"]})
    export_codebook(contributions(), path, taxonomy=TAX, disputed=disputed, coders=coders)
    wb = load_workbook(path)
    rows = tuple(tuple(r) for r in wb["Strittig"].iter_rows(values_only=True))
    assert rows == (
        ("Ideen-ID", "Arbeitskreis", "Idee", "Kodierung a.xlsx", "Kodierung b.xlsx"),
        ("id1", "AK Wohnen", "Kein WLAN in den Unterkünften", "Wohnen", "Arbeit"),
    )
    assert is_own_sheet(Sheet(file="k.xlsx", name="Strittig", rows=rows))
    export_codebook(contributions(), path, taxonomy=TAX)
    assert "Strittig" not in load_workbook(path).sheetnames
