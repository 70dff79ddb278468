"""The Maßnahmenplan workbook carries an "Indikator" and a "Begründung" column; what the office
writes there is read back on the next run (round trip by measure id)."""

from __future__ import annotations

import openpyxl
import pandas as pd

from flueko import schema
from flueko.config import Workspace
from flueko.pipeline import ingest_round
from flueko.report.plan_workbook import PLAN_SHEET, write_plan


def _measures() -> pd.DataFrame:
    return schema.conform(
        pd.DataFrame(
            {
                schema.MEASURE_ID: ["M-aaaa0001", "M-aaaa0002"],
                schema.FIELD: ["wohnen", "arbeit"],
                schema.TITLE: ["Mieterführerschein", "Info-Abende für Betriebe"],
                schema.STATUS: ["offen", "offen"],
                schema.INDICATOR: ["Zahl der Teilnehmenden je Jahr", None],
            }
        ),
        "measures",
    )


def test_indicator_and_reason_round_trip(tmp_path):
    plan = tmp_path / "plan.xlsx"
    write_plan(_measures(), plan, field_labels={"wohnen": "Wohnen"}, title="Plan")
    wb = openpyxl.load_workbook(plan)
    sheet = wb[PLAN_SHEET]
    cols = {c.value: c.column for c in sheet[1]}
    assert "Indikator" in cols and "Begründung" in cols
    rows = {sheet.cell(r, cols["ID"]).value: r for r in range(2, sheet.max_row + 1)}
    assert sheet.cell(rows["M-aaaa0001"], cols["Indikator"]).value == (
        "Zahl der Teilnehmenden je Jahr"
    )
    sheet.cell(rows["M-aaaa0002"], cols["Indikator"]).value = "Zahl der Info-Abende"
    sheet.cell(rows["M-aaaa0002"], cols["Status"]).value = "zurückgestellt"
    sheet.cell(rows["M-aaaa0002"], cols["Begründung"]).value = "Haushaltsmittel erst 2018"
    folder = tmp_path / "ws" / "data" / "raw" / "2017-06-01_stand"
    folder.mkdir(parents=True)
    wb.save(folder / "plan.xlsx")

    result = ingest_round(Workspace.at(tmp_path / "ws"), "2017-06-01_stand")
    assert result.ok, result.log.to_string()
    m = result.tables["measures"].set_index(schema.MEASURE_ID)
    assert m.loc["M-aaaa0001", schema.INDICATOR] == "Zahl der Teilnehmenden je Jahr"
    assert m.loc["M-aaaa0002", schema.INDICATOR] == "Zahl der Info-Abende"
    assert m.loc["M-aaaa0002", schema.STATUS] == "zurueckgestellt"
    assert m.loc["M-aaaa0002", schema.REASON] == "Haushaltsmittel erst 2018"
    assert pd.isna(m.loc["M-aaaa0001", schema.REASON])
    unused = result.log[result.log[schema.LOG_CODE] == "unused_column"]
    assert not unused[schema.LOG_MESSAGE].str.contains("Indikator|Begründung").any()
