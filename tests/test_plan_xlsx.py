import re
import subprocess
import zipfile

import openpyxl
import pandas as pd
import pytest

from flueko import schema
from flueko.ingest.plan import parse_plan_sheet
from flueko.report.plan_workbook import PLAN_SHEET, SUMMARY_SHEET, write_plan
from flueko.sheet import make_sheet

LABELS = {"wohnen": "Wohnen", "arbeit": "Arbeit"}


@pytest.fixture
def measures():
    return schema.conform(
        pd.DataFrame(
            {
                schema.MEASURE_ID: ["M-00000001", "M-00000002", "M-00000003"],
                schema.FIELD: ["wohnen", "arbeit", None],
                schema.TITLE: ['=HYPERLINK("http://x")', "Info-Abende", "-minus"],
                schema.GOAL: ["@ziel", "+plus", "\tTab"],
                schema.RESPONSIBLE: ["LRA", "IHK", None],
                schema.TIMEFRAME: ["kurzfristig", None, "laufend"],
                schema.TARGET_YEAR: [2017, None, None],
                schema.COST_MIN: [1000, None, 0],
                schema.COST_MAX: [2000, None, 0],
                schema.IMPACT: [4.5, 2, None],
                schema.EFFORT: [2, 4, None],
                schema.QUADRANT: ["quick_win", "zeitfresser", None],
                schema.RANK: [2, 1, None],
                schema.STATUS: ["offen", None, "abgeschlossen"],
                schema.PROGRESS: [0.5, None, 1],
                schema.SOURCE_FILE: ["bewertung.xlsx", None, None],
                schema.SOURCE_CELL: ["A3", None, None],
            }
        ),
        "measures",
    )


def test_layout_styles_and_validations(tmp_path, measures):
    before = measures.copy()
    path = tmp_path / "plan.xlsx"
    write_plan(measures, path, field_labels=LABELS, title="Integrationsplan Rems-Murr")
    pd.testing.assert_frame_equal(measures, before)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [PLAN_SHEET, SUMMARY_SHEET, "Listen"]
    assert wb["Listen"].sheet_state == "hidden"
    ws = wb[PLAN_SHEET]
    assert [c.value for c in ws[1]][:4] == ["Nr.", "ID", "Handlungsfeld", "Maßnahme"]
    assert ws["A1"].font.b and ws["D2"].alignment.wrap_text
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:T4"
    assert ws.column_dimensions["D"].width == 45
    # rank order: M-2 first
    assert [ws.cell(row=r, column=2).value for r in (2, 3, 4)] == [
        "M-00000002",
        "M-00000001",
        "M-00000003",
    ]
    assert ws["C3"].value == "Wohnen" and ws["H3"].value == "kurzfristig (2017)"
    assert ws["I3"].value == 1000 and ws["I3"].number_format == "#,##0 €"
    assert ws["K3"].number_format == "0.0" and ws["P3"].number_format == "0 %"
    assert ws["M3"].value == "Quick Wins" and ws["O3"].value == "offen"
    assert ws["Q3"].value == "bewertung.xlsx / A3"
    sqrefs = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert sqrefs == {
        "O2:O200": "=Listen!$A$2:$A$6",
        "F2:F200": "=Listen!$B$2:$B$3",
        "P2:P200": "0",  # progress: a decimal between 0 and 1, shown as %
    }
    assert ws["P150"].number_format == "0 %"
    # printable: header repeated, fit to the width of an A3 landscape page, page numbers
    assert ws.print_title_rows == "$1:$1" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == str(
        ws.PAPERSIZE_A3
    )
    assert "&P" in ws.oddFooter.right.text
    assert [wb["Listen"].cell(row=r, column=1).value for r in range(2, 7)] == [
        "offen",
        "in Vorbereitung",
        "in Umsetzung",
        "abgeschlossen",
        "zurückgestellt",
    ]
    rules = [r.formula[0] for rng in ws.conditional_formatting for r in rng.rules]
    assert '$M2="Quick Wins"' in rules and len(rules) == 4
    summary = wb[SUMMARY_SHEET]
    assert summary["A1"].value == "Integrationsplan Rems-Murr"
    assert [c.value for c in summary[5]] == ["Wohnen", 1, 1000, 2000, 0, 2, 1]
    assert wb.properties.modified.year == 2000


def test_user_text_is_never_a_formula(tmp_path, measures):
    path = tmp_path / "plan.xlsx"
    write_plan(measures, path, field_labels=LABELS, title="=1+1")
    wb = openpyxl.load_workbook(path)
    ws = wb[PLAN_SHEET]
    for ref in ("D3", "E3", "E2", "D4", "E4"):
        assert ws[ref].data_type == "s", ref
    assert ws["D3"].value == '=HYPERLINK("http://x")' and ws["D3"].quotePrefix
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name), name


def test_written_deterministically_and_atomically(tmp_path, measures):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_plan(measures, a, field_labels=LABELS, title="Plan")
    write_plan(measures, b, field_labels=LABELS, title="Plan")
    assert a.read_bytes() == b.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]


def test_round_trip_keeps_ids_and_status(tmp_path, measures):
    path = tmp_path / "plan.xlsx"
    write_plan(measures, path, field_labels=LABELS, title="Plan")
    ws = openpyxl.load_workbook(path)[PLAN_SHEET]
    sheet = make_sheet([list(r) for r in ws.iter_rows(values_only=True)], name=PLAN_SHEET)
    back, log = parse_plan_sheet(sheet, header_row=0, round_id="2016-10-20_a")
    assert list(back[schema.MEASURE_ID]) == ["M-00000002", "M-00000001", "M-00000003"]
    assert list(back[schema.STATUS].fillna("-")) == ["-", "offen", "abgeschlossen"]
    assert list(back[schema.COST_MAX].astype("float").fillna(-1)) == [-1, 2000.0, 0.0]
    assert back[schema.IMPACT].iloc[1] == 4.5
    assert log == []


def test_empty_plan(tmp_path):
    path = tmp_path / "leer.xlsx"
    write_plan(schema.empty("measures"), path, field_labels={}, title="Plan")
    wb = openpyxl.load_workbook(path)
    assert wb[SUMMARY_SHEET]["A4"].value == "keine Maßnahmen"


def test_converts_to_pdf(tmp_path, measures, soffice):
    path = tmp_path / "plan.xlsx"
    write_plan(measures, path, field_labels=LABELS, title="Plan")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "plan.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    # one page for the plan (fit to width), one for the summary; the hidden list sheet not
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert 1 <= pages <= 3, pages
