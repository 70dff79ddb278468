"""The walking skeleton end to end: demo Excel files → processed tables → German HTML reports."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from plotly.offline import get_plotlyjs

from flueko import schema
from flueko.cli import main
from flueko.config import Workspace
from flueko.ingest.read import fingerprint
from flueko.pipeline import ingest_round, write_result

from .conftest import DEMO_RAW, copy_demo

ROUNDS = ["2016-10-20_auftakt", "2016-12-07_vertiefung", "2017-02-15_erweitert"]


def test_demo_run_succeeds_and_writes_every_report(demo_run):
    assert demo_run.exit_code == 0, demo_run.output
    assert (demo_run.root / "reports" / "index.html").is_file()
    assert (demo_run.root / "reports" / "dokumentation.html").is_file()
    assert (demo_run.root / "reports" / "2016-12-07_vertiefung" / "massnahmenplan.xlsx").is_file()
    assert not (demo_run.root / "reports" / "2016-10-20_auftakt" / "massnahmenplan.xlsx").exists()
    for r in ROUNDS:
        assert (demo_run.root / "reports" / r / "bericht.html").is_file()
        assert (demo_run.root / "reports" / r / "bericht.ipynb").is_file()
        for table in schema.PARQUET_TABLES:
            assert (demo_run.root / "data" / "processed" / r / f"{table}.parquet").is_file()


def test_ingest_prints_reconciliation_per_file(demo_run):
    lines = demo_run.output.splitlines()
    at = next(i for i, line in enumerate(lines) if "AK_Wohnen.xlsx" in line)
    pattern = r"Zellen (\d+) = Text (\d+) \+ Zahlen (\d+) \+ Kopf (\d+) \+ ausgeschlossen (\d+)"
    m = re.search(pattern, lines[at + 1])
    assert m and int(m[1]) == sum(int(m[i]) for i in range(2, 6))
    sums = [line for line in lines if "Summe:" in line]
    assert len(sums) == 3
    # a card round's candidates are no measures yet; the rated and planned rounds' are
    assert "111 Ideen, 104 Ideenbündel/Einzelideen," in sums[0], sums[0]
    assert " 14 Maßnahmen, " in sums[1] and " 13 Maßnahmen, " in sums[2], sums[1:]


def test_demo_data_ingests_without_warnings(demo_run):
    for r in ROUNDS:
        log = pd.read_csv(demo_run.root / "data" / "processed" / r / "ingest_log.csv", dtype=str)
        problems = log[log["severity"] != "info"]
        assert problems.empty, problems.to_string()


def _html(demo_run, r):
    return (demo_run.root / "reports" / r / "bericht.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("round_id", "present", "absent"),
    [
        ("2016-10-20_auftakt", ["beitraege", "rueckmeldungen", "kosten"], ["prioritaeten"]),
        ("2016-12-07_vertiefung", ["prioritaeten", "kosten-aufwand"], ["beitraege"]),
        ("2017-02-15_erweitert", ["massnahmenplan"], ["beitraege", "prioritaeten"]),
    ],
)
def test_reports_show_the_sections_their_round_has_data_for(demo_run, round_id, present, absent):
    markup = _html(demo_run, round_id)
    ids = set(re.findall(r'<h2 id="([^"]+)"', markup))
    assert set(present) <= ids, ids
    assert not (set(absent) & ids), ids
    assert 'lang="de"' in markup


def test_reports_have_no_code_and_no_network(demo_run):
    signature = get_plotlyjs()[:300]
    for r in [*ROUNDS, None]:
        path = demo_run.root / "reports" / (f"{r}/bericht.html" if r else "index.html")
        markup = path.read_text(encoding="utf-8")
        # plotly.js embedded exactly once, packed (tests/test_report_size.py unpacks it)
        assert markup.count('<script id="plotly-js">') == 1, path
        assert signature not in markup, path
        assert not re.search(r"<script[^>]+src=", markup), path
        rest = re.sub(r'<script id="plotly-js">.*?</script>', "", markup, flags=re.S)
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", rest), path
        assert not re.search(r"""url\(["']?(https?:)?//""", rest), path
        assert "mathjax" not in rest.lower() and "require.js" not in rest.lower(), path
        assert not re.search(r'class="[^"]*(jp-CodeMirrorEditor|highlight|jp-InputPrompt)', rest)
        assert "import flueko" not in markup and "from flueko" not in markup
        assert markup.count("Plotly.newPlot") >= 1


def test_raw_data_is_untouched(demo_run):
    assert fingerprint(demo_run.root / "data" / "raw" / ROUNDS[0]) == fingerprint(
        DEMO_RAW / ROUNDS[0]
    )
    for r in ROUNDS:
        assert fingerprint(demo_run.root / "data" / "raw" / r) == fingerprint(DEMO_RAW / r)


def test_second_ingest_gives_byte_identical_tables(demo_run, tmp_path):
    ws = Workspace.at(copy_demo(tmp_path))
    for r in ROUNDS:
        write_result(ws, ingest_round(ws, r))
    for r in ROUNDS:
        for name in [*schema.PARQUET_TABLES, "ingest_log"]:
            suffix = "csv" if name == "ingest_log" else "parquet"
            a = (ws.processed_round(r) / f"{name}.{suffix}").read_bytes()
            b = (demo_run.root / "data" / "processed" / r / f"{name}.{suffix}").read_bytes()
            assert a == b, (r, name)


def test_unknown_round_is_one_line_error(tmp_path, capsys):
    copy_demo(tmp_path)
    assert main(["--workspace", str(tmp_path), "ingest", "gibt-es-nicht"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gibt-es-nicht" in err[0] and "Traceback" not in err[0]


def test_overview_follows_rounds_participation_satisfaction_plan(demo_run):
    markup = (demo_run.root / "reports" / "index.html").read_text("utf-8")
    ids = set(re.findall(r'<h2 id="([^"]+)"', markup))
    assert {"runden", "beteiligung", "zufriedenheit", "massnahmen", "planstand", "kosten"} <= ids
    for r in ROUNDS:
        assert f'href="{r}/bericht.html"' in markup
    assert "7.130\xa0€" in markup  # process cost of all rounds


def test_small_survey_group_is_suppressed_and_the_report_says_so(demo_run):
    markup = _html(demo_run, ROUNDS[0])
    assert "nicht ausgewiesen" in markup and "n &lt; 5" in markup
    items = pd.read_parquet(
        demo_run.root / "data" / "processed" / ROUNDS[0] / "survey_items.parquet"
    )
    refugees = items[items["group"] == "Geflüchtete"]
    assert len(refugees) and refugees["suppressed"].notna().all()
    assert refugees[["n_valid", "n_positive", "share_positive", "mean"]].isna().all().all()
