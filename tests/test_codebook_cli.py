"""The analyst's coding round-trip through the command line: export, edit in Excel, re-run."""

from __future__ import annotations

from html import escape as html_escape

import openpyxl
import pandas as pd

from flueko.cli import main

from .conftest import copy_demo

ROUND = "2016-10-20_auftakt"


def _fill(path, target, codes):
    wb = openpyxl.load_workbook(path)
    ws = wb["Kodierung"]
    header = [c.value for c in ws[1]]
    id_col = header.index("Ideen-ID") + 1
    field_col = header.index("Handlungsfeld (neu)") + 1
    rows = {ws.cell(r, id_col).value: r for r in range(2, ws.max_row + 1)}
    for idea_id, field in codes.items():
        ws.cell(rows[idea_id], field_col).value = field
    wb.save(target)
    return rows


def test_codebook_export_edit_reimport(tmp_path, capsys):
    root = copy_demo(tmp_path)
    ws = ["--workspace", str(root)]
    assert main([*ws, "ingest", ROUND]) == 0
    assert main([*ws, "codebook", "export", ROUND]) == 0
    exported = root / "reports" / ROUND / "kodierung.xlsx"
    assert exported.is_file()
    before = pd.read_parquet(root / "data" / "processed" / ROUND / "contributions.parquet")
    sample = before[before["field"] != "freizeit"]["idea_id"].head(2).tolist()
    _fill(
        exported,
        root / "data" / "raw" / ROUND / "kodierung.xlsx",
        dict.fromkeys(sample, "freizeit"),
    )
    capsys.readouterr()
    assert main([*ws, "ingest", ROUND]) == 0
    after = pd.read_parquet(root / "data" / "processed" / ROUND / "contributions.parquet")
    assert after["idea_id"].tolist() == before["idea_id"].tolist()  # ids stable
    coded = after.set_index("idea_id").loc[sample]
    assert coded["field"].tolist() == ["freizeit", "freizeit"]
    assert coded["field_method"].tolist() == ["manual", "manual"]


def test_unknown_code_is_rejected_with_its_row(tmp_path, capsys):
    root = copy_demo(tmp_path)
    ws = ["--workspace", str(root)]
    main([*ws, "ingest", ROUND])
    main([*ws, "codebook", "export", ROUND])
    exported = root / "reports" / ROUND / "kodierung.xlsx"
    before = pd.read_parquet(root / "data" / "processed" / ROUND / "contributions.parquet")
    idea = before["idea_id"].iloc[0]
    rows = _fill(exported, root / "data" / "raw" / ROUND / "kodierung.xlsx", {idea: "wohnung"})
    processed = root / "data" / "processed" / ROUND
    kept = {p.name: p.read_bytes() for p in processed.iterdir()}
    capsys.readouterr()
    assert main([*ws, "ingest", ROUND]) == 1
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if line.startswith("  FEHLER")]
    assert len(errors) == 1 and errors[0].startswith("  FEHLER kodierung.xlsx")
    assert f"Zeile {rows[idea]}: 'wohnung' ist kein Handlungsfeld" in errors[0]
    assert "bisherigen Ausgaben der Runde bleiben unverändert" in out
    # nothing of the bad workbook applied, nothing of the earlier run lost
    assert {p.name: p.read_bytes() for p in processed.iterdir()} == kept


def test_two_coders_agreement_in_the_report(tmp_path, capsys):
    root = copy_demo(tmp_path)
    ws = ["--workspace", str(root)]
    main([*ws, "ingest", ROUND])
    main([*ws, "codebook", "export", ROUND])
    exported = root / "reports" / ROUND / "kodierung.xlsx"
    ideas = pd.read_parquet(root / "data" / "processed" / ROUND / "contributions.parquet")
    ids = ideas["idea_id"].head(4).tolist()
    raw = root / "data" / "raw" / ROUND
    _fill(exported, raw / "kodierung_anna.xlsx", dict.fromkeys(ids, "sprache"))
    _fill(
        exported,
        raw / "kodierung_ben.xlsx",
        {**dict.fromkeys(ids[:3], "sprache"), ids[3]: "arbeit"},
    )
    capsys.readouterr()
    assert main([*ws, "run", ROUND, "--no-progress"]) == 0
    agreement = pd.read_csv(root / "data" / "processed" / ROUND / "extra_coder_agreement.csv")
    assert agreement.loc[0, "field"] == "alle" and agreement.loc[0, "n_ideas"] == 4
    disputed = pd.read_csv(root / "data" / "processed" / ROUND / "extra_coder_disagreements.csv")
    assert disputed["idea_id"].tolist() == [ids[3]]
    after = pd.read_parquet(root / "data" / "processed" / ROUND / "contributions.parquet")
    assert after.set_index("idea_id").loc[ids[3], "field_method"] != "manual"
    html = (root / "reports" / ROUND / "bericht.html").read_text("utf-8")
    assert "Übereinstimmung der Kodierungen" in html
    # the disputed idea as a table: idea text, coder A, coder B (German labels)
    assert "Kodierung A (kodierung_anna.xlsx)" in html
    assert "Kodierung B (kodierung_ben.xlsx)" in html
    text = ideas.set_index("idea_id").loc[ids[3], "text"]
    table = html[html.index("Kodierung A (kodierung_anna.xlsx)") :]
    row = table[table.index(html_escape(text)) :].split("</tr>")[0]
    assert "Sprache" in row and "Arbeit" in row
    # and in the next export, on a sheet of its own (skipped when the codebook comes back)
    assert main([*ws, "codebook", "export", ROUND]) == 0
    sheet = openpyxl.load_workbook(exported)["Strittig"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][3:] == ["Kodierung kodierung_anna.xlsx", "Kodierung kodierung_ben.xlsx"]
    assert rows[1:] == [
        [ids[3], ideas.set_index("idea_id").loc[ids[3], "group"], text, "Sprache", "Arbeit"]
    ]


def test_coding_loop_both_columns_comments_and_a_re_export_that_keeps_entries(tmp_path, capsys):
    root = copy_demo(tmp_path)
    ws = ["--workspace", str(root)]
    assert main([*ws, "ingest", ROUND]) == 0
    capsys.readouterr()
    assert main([*ws, "codebook", "export", ROUND]) == 0
    out = capsys.readouterr().out
    target = root / "data" / "raw" / ROUND / "kodierung.xlsx"
    assert f"als {target} speichern" in out and f"flueko run {ROUND}" in out
    exported = root / "reports" / ROUND / "kodierung.xlsx"
    before = pd.read_parquet(root / "data" / "processed" / ROUND / "contributions.parquet")
    a, b = before[before["field"] != "freizeit"]["idea_id"].head(2).tolist()
    wb = openpyxl.load_workbook(exported)
    sheet = wb["Kodierung"]
    header = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows[a], header.index("Handlungsfeld") + 1).value = "Freizeit"  # visible column
    sheet.cell(rows[b], header.index("Handlungsfeld (neu)") + 1).value = "Freizeit"
    sheet.cell(rows[b], header.index("Maßnahme") + 1).value = "Sommerfest"
    sheet.cell(rows[b], header.index("Kommentar") + 1).value = "mit AK Freizeit geklärt"
    wb.save(target)
    assert main([*ws, "ingest", ROUND]) == 0
    processed = root / "data" / "processed" / ROUND
    after = pd.read_parquet(processed / "contributions.parquet").set_index("idea_id")
    assert after.loc[[a, b], "field"].tolist() == ["freizeit", "freizeit"]
    assert after.loc[[a, b], "field_method"].tolist() == ["manual", "manual"]
    log = pd.read_csv(processed / "ingest_log.csv", dtype=str, keep_default_na=False)
    assert log[log["code"] == "coding_visible_column"]["cell"].tolist() == [f"E{rows[a]}"]
    assert (log["severity"] == "warning").sum() == 0  # the codebook's own sheets are no issue
    coding = pd.read_csv(processed / "extra_coding.csv", dtype=str).set_index("idea_id")
    assert coding.loc[b, "comment"] == "mit AK Freizeit geklärt"
    # a re-export keeps what was entered
    assert main([*ws, "codebook", "export", ROUND]) == 0
    sheet = openpyxl.load_workbook(exported)["Kodierung"]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    values = [sheet.cell(rows[b], header.index(h) + 1).value for h in header[8:12]]
    assert values == ["Freizeit", None, "Sommerfest", "mit AK Freizeit geklärt"]
    assert sheet.cell(rows[a], header.index("Handlungsfeld") + 1).value == "Freizeit"
