"""The office fills Status/Fortschritt in flueko's Maßnahmenplan and drops it into the next
round: the next run reads it back by stable measure id and reports progress per field."""

from __future__ import annotations

import shutil

import openpyxl
import pandas as pd

from flueko.cli import main
from flueko.config import Workspace
from flueko.pipeline import ingest_round

ROUND = "2017-06-01_stand"


def _header(ws):
    for row in ws.iter_rows(min_row=1, max_row=10):
        labels = [c.value for c in row]
        if "Status" in labels and "ID" in labels:
            return row[0].row, {v: i + 1 for i, v in enumerate(labels) if v}
    raise AssertionError("no header")


def test_filled_plan_is_read_back_by_measure_id(demo_run, tmp_path):
    plan = demo_run.root / "reports" / "2016-12-07_vertiefung" / "massnahmenplan.xlsx"
    rated = pd.read_parquet(
        demo_run.root / "data" / "processed" / "2016-12-07_vertiefung" / "measures.parquet"
    )
    wb = openpyxl.load_workbook(plan)
    sheet = wb["Maßnahmenplan"]
    head, cols = _header(sheet)
    first, second = head + 1, head + 2
    sheet.cell(first, cols["Status"]).value = "begonnen"
    sheet.cell(first, cols["Fortschritt"]).value = "50 %"
    sheet.cell(second, cols["Status"]).value = "abgeschlossen"
    sheet.cell(second, cols["Fortschritt"]).value = 1
    # the office also retitles a measure: the id keeps it the same measure
    sheet.cell(second, cols["Maßnahme"]).value = "Neu formuliert: " + str(
        sheet.cell(second, cols["Maßnahme"]).value
    )
    ids = [sheet.cell(first, cols["ID"]).value, sheet.cell(second, cols["ID"]).value]

    root = tmp_path
    shutil.copytree(demo_run.root / "data" / "raw", root / "data" / "raw")
    (root / "data" / "raw" / ROUND).mkdir()
    wb.save(root / "data" / "raw" / ROUND / "plan_mit_stand.xlsx")

    result = ingest_round(Workspace.at(root), ROUND)
    assert result.ok, result.log.to_string()
    assert "hidden_sheet" not in result.log["code"].tolist()  # the plan's own dropdown lists
    measures = result.tables["measures"].set_index("measure_id")
    assert set(measures.index) == set(rated["measure_id"])
    assert measures.loc[ids[0], "status"] == "in_umsetzung"
    assert measures.loc[ids[0], "progress"] == 0.5
    assert measures.loc[ids[1], "status"] == "abgeschlossen"
    assert measures.loc[ids[1], "title"].startswith("Neu formuliert: ")


def test_progress_section_in_report_of_the_next_round(demo_run, tmp_path, capsys):
    plan = demo_run.root / "reports" / "2016-12-07_vertiefung" / "massnahmenplan.xlsx"
    root = tmp_path
    (root / "data" / "raw" / ROUND).mkdir(parents=True)
    wb = openpyxl.load_workbook(plan)
    sheet = wb["Maßnahmenplan"]
    head, cols = _header(sheet)
    sheet.cell(head + 1, cols["Status"]).value = "begonnen"
    sheet.cell(head + 1, cols["Fortschritt"]).value = "40 %"
    title = sheet.cell(head + 1, cols["Maßnahme"]).value
    wb.save(root / "data" / "raw" / ROUND / "massnahmenplan.xlsx")
    assert main(["--workspace", str(root), "run", ROUND, "--no-progress"]) == 0
    html = (root / "reports" / ROUND / "bericht.html").read_text("utf-8")
    assert 'id="massnahmenplan"' in html
    assert "Stand der Umsetzung je Handlungsfeld" in html
    # a returned, filled plan is no longer called a draft; progress shows per measure
    assert "Maßnahmenplan: Stand der Umsetzung" in html and "(Entwurf)" not in html
    row = html[html.index(title) :].split("</tr>")[0]
    assert "in Umsetzung" in row and "40\xa0%" in row
    index = (root / "reports" / "index.html").read_text("utf-8")  # and per measure in the overview
    row = index[index.index("Weg der Maßnahmen") :]
    row = row[row.index(title) :].split("</tr>")[0]
    assert "Fortschritt" in index and "40\xa0%" in row


def test_a_plan_is_a_draft_until_something_is_filled_in():
    from flueko.report.sections_priority import plan_is_draft

    def plan(status, progress):
        return pd.DataFrame({"status": status, "progress": progress}, dtype=object)

    assert plan_is_draft(plan(["offen", None], [None, None]))
    assert not plan_is_draft(plan(["offen", "in_umsetzung"], [None, None]))
    assert not plan_is_draft(plan(["offen", None], [0.2, None]))
