"""Nothing foreign is swallowed: budgets, statistics and contact lists are refused or skipped,
survey-tool exports are surveys, and round.yaml can force a file's kind."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from flueko import schema as s
from flueko.cli import main
from flueko.config import Workspace
from flueko.errors import ConfigError
from flueko.ingest.evidence import recognise_sheet
from flueko.ingest.read import RoundContext
from flueko.sheet import make_sheet

CORPUS = Path(__file__).parent / "wild_sets" / "recognition"
REFUSAL = (
    "nicht erkannt: sieht nicht nach Workshop-Karten, Bewertungsbogen, Rückmeldebogen oder "
    "Maßnahmenplan aus"
)

BUDGET = [
    ["Produkt", "Bezeichnung", "Betrag 2017", "Betrag 2016", "Ergebnis 2015"],
    ["31.10.01", "Leistungen nach dem Asylbewerberleistungsgesetz", 4120000, 3980000, 2650000],
    ["31.10.02", "Unterbringung von Flüchtlingen (vorläufig)", 2310500, 2200000, 1100250],
    ["31.50.01", "Integrationsmanagement", 420000, 0, 0],
    ["36.30.01", "Sprachförderung in Kindertageseinrichtungen", 185000, 160000, 150300],
]
OPEN_DATA = [
    ["Stadtteil", "Jahr", "Einwohner", "davon weiblich", "Ausländeranteil", "Anteil unter 18"],
    ["Altstadt", 2016, 8123, 4100, "14,2 %", "15,1 %"],
    ["Nord", 2016, 12004, 6050, "21,7 %", "18,4 %"],
    ["Süd", 2016, 6540, 3300, "9,8 %", "17,0 %"],
]
PEOPLE = [
    ["Name", "Vorname", "Organisation", "E-Mail", "Telefon", "Unterschrift"],
    ["Hofmann", "Klaus", "Caritas", "k.hofmann@example.org", "07151 501-2331", ""],
    ["Yilmaz", "Ayse", "Jobcenter", "a.yilmaz@example.org", "07151 501-4410", ""],
    ["Krause", "Petra", "Landratsamt", "p.krause@example.org", "07151 501-1203", ""],
]
PERSONAL_VALUES = ["Hofmann", "Klaus", "Yilmaz", "Ayse", "Krause", "Petra", "example.org", "501"]


def _xlsx(path: Path, rows: list[list], *, title: str | None = None) -> None:
    wb = openpyxl.Workbook()
    if title:
        wb.active.append([title])
        wb.active.append([])
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def _csv(path: Path, rows: list[list], *, encoding: str = "cp1252") -> None:
    text = "\r\n".join(";".join(str(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))


def _ingest(root: Path) -> tuple[int, str, dict[str, pd.DataFrame], pd.DataFrame, dict]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--workspace", str(root), "ingest", "r"])
    processed = root / "data" / "processed" / "r"
    tables = {t: pd.read_parquet(processed / f"{t}.parquet") for t in s.PARQUET_TABLES}
    log = pd.read_csv(processed / "ingest_log.csv", dtype=str, keep_default_na=False)
    manifest = json.loads((processed / "manifest.json").read_text(encoding="utf-8"))
    return code, out.getvalue() + err.getvalue(), tables, log, manifest


def _round(root: Path) -> Path:
    folder = root / "data" / "raw" / "r"
    folder.mkdir(parents=True)
    return folder


def _refusal_line(name: str, columns: str) -> str:
    return (
        f"  WARNUNG {name}: {REFUSAL} (Spalten: {columns}) — falls doch: in round.yaml "
        f"`hints: {{files: {{{name}: karten}}}}` eintragen"
    )


@pytest.mark.parametrize(
    ("name", "write", "columns"),
    [
        (
            "Haushalt_2017.csv",
            lambda p: _csv(p, BUDGET),
            "Produkt, Bezeichnung, Betrag 2017, …",
        ),
        (
            "Haushaltsplan_2017.xlsx",
            lambda p: _xlsx(p, [[*r, "Erläuterung"] for r in BUDGET], title="Teilhaushalt 3"),
            "Produkt, Bezeichnung, Betrag 2017, …",
        ),
        (
            "opendata_stadtteile_2016.csv",
            lambda p: _csv(p, OPEN_DATA, encoding="utf-8"),
            "Stadtteil, Jahr, Einwohner, …",
        ),
    ],
)
def test_budget_and_statistics_are_refused_once_with_exit_0(tmp_path, name, write, columns):
    write(_round(tmp_path) / name)
    code, out, tables, log, manifest = _ingest(tmp_path)
    assert code == 0  # a warning, not a failure
    assert _refusal_line(name, columns) in out.splitlines()
    assert all(len(df) == 0 for df in tables.values())
    assert list(zip(log["file"], log["severity"], log["code"], strict=True)) == [
        (name, "warning", "not_recognised")
    ]
    assert manifest["files"] == [{"file": name, "kinds": [], "ok": True}]


def _people_csv_en(path: Path) -> None:
    rows = [["First name", "Last name", "Email", "Phone", "Organisation"]]
    rows += [[r[1], r[0], r[3], r[4], r[2]] for r in PEOPLE[1:]]
    _csv(path, rows, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "write", "shown"),
    [
        (
            "Teilnehmerliste_Auftakt.xlsx",
            lambda p: _xlsx(p, PEOPLE, title="Teilnehmerliste Auftakt 20.10.2016"),
            "Spalten Name, Vorname, E-Mail, Telefon, …",
        ),
        ("participants.csv", _people_csv_en, "Spalten First name, Last name, Email, Phone"),
        (
            "Adressen.xlsx",  # no header row at all: the e-mail addresses and phones say it
            lambda p: _xlsx(p, [r[:5] for r in PEOPLE[1:]]),
            "Zeilen mit E-Mail-Adressen oder Telefonnummern",
        ),
    ],
)
def test_contact_lists_are_skipped_and_nothing_of_them_is_written(tmp_path, name, write, shown):
    write(_round(tmp_path) / name)
    code, out, tables, log, manifest = _ingest(tmp_path)
    assert code == 0
    line = (
        f"enthält personenbezogene Daten (Teilnehmer-/Kontaktliste: {shown}) — übersprungen, "
        "nichts daraus eingelesen; solche Listen gehören nicht in den Rundenordner"
    )
    assert list(zip(log["file"], log["code"], log["message"], strict=True)) == [
        (name, "personal_data", line)
    ]
    assert f"  WARNUNG {name}: enthält personenbezogene Daten" in out
    assert all(len(df) == 0 for df in tables.values())
    assert manifest["files"] == [{"file": name, "kinds": [], "ok": True}]
    written = out + log.to_csv()
    for value in PERSONAL_VALUES:
        assert value not in written, value


def test_an_ods_contact_list_is_skipped(tmp_path):
    shutil.copy(CORPUS / "Kontaktliste_Ehrenamtliche.ods", _round(tmp_path) / "liste.ods")
    code, out, tables, log, _ = _ingest(tmp_path)
    assert code == 0
    assert log["code"].tolist() == ["personal_data"]
    assert "(Teilnehmer-/Kontaktliste: Spalten Name, Telefon, E-Mail)" in log["message"][0]
    assert all(len(df) == 0 for df in tables.values())
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    for value in truth["Kontaktliste_Ehrenamtliche.ods"]["pii"]:
        assert value not in out and value not in log.to_csv(), value


def test_a_card_sheet_beside_a_refused_file_is_read_and_shows_its_evidence(tmp_path):
    folder = _round(tmp_path)
    _csv(folder / "Haushalt.csv", BUDGET)
    _xlsx(folder / "karten.xlsx", [["Karte", "Punkte"], ["Mehr Sprachkurse am Abend", 3]])
    code, out, tables, log, _ = _ingest(tmp_path)
    assert code == 0
    assert tables["contributions"][s.TEXT].tolist() == ["Mehr Sprachkurse am Abend"]
    evidence = log[log["code"] == "recognised"]["message"].tolist()
    assert evidence == [
        "erkannt als Workshop-Karten (Kopfzeile 1) — Belege: „Karte“ → Text; „Punkte“ → Punkte; "
        "darunter Texte, keine Zahlen"
    ]
    assert "WARNUNG Haushalt.csv: nicht erkannt" in out


def test_round_yaml_hint_forces_a_kind_and_columns_and_says_so(tmp_path):
    folder = _round(tmp_path)
    _csv(folder / "Haushalt.csv", BUDGET)
    _csv(folder / "Statistik.csv", OPEN_DATA, encoding="utf-8")
    (folder / "round.yaml").write_text(
        "hints:\n  files:\n    Haushalt.csv: {kind: karten, columns: {Bezeichnung: text}}\n"
        "    statistik.csv: ignorieren\n",
        encoding="utf-8",
    )
    code, out, tables, log, _ = _ingest(tmp_path)
    assert code == 0
    assert tables["contributions"][s.TEXT].tolist()[:2] == [
        "Leistungen nach dem Asylbewerberleistungsgesetz",
        "Unterbringung von Flüchtlingen (vorläufig)",
    ]
    hints = log[log["code"] == "kind_hint"]
    assert list(zip(hints["file"], hints["message"], strict=True)) == [
        ("Haushalt.csv", "Art per Hinweis in round.yaml: Workshop-Karten (karten)"),
        ("Statistik.csv", "Art per Hinweis in round.yaml: ignorieren (ignorieren)"),
    ]
    assert "not_recognised" not in set(log["code"])
    assert "  Statistik.csv: per Hinweis in round.yaml ignoriert" in out.splitlines()


def test_round_yaml_hint_with_an_unknown_kind_names_the_nearest_word(tmp_path):
    folder = _round(tmp_path)
    _csv(folder / "Haushalt.csv", BUDGET)
    (folder / "round.yaml").write_text("hints: {files: {Haushalt.csv: kartn}}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--workspace", str(tmp_path), "ingest", "r"])
    assert code == 1
    assert "'hints.files.Haushalt.csv': unbekannte Art 'kartn' — meinten Sie 'karten'?" in (
        out.getvalue() + err.getvalue()
    )


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"hints": {"files": {"a.csv": "survey"}}}, None),
        ({"hints": {"files": {"a.csv": "Rückmeldung"}}}, None),
        ({"hints": {"files": {"a.csv": "bewertungg"}}}, "meinten Sie 'bewertung'?"),
        ({"hints": {"files": {"a.csv": {"kind": "plan", "columns": {"X": "text"}}}}}, "karten"),
        ({"hints": {"files": {"a.csv": {"kind": "karten", "columns": {"X": "txt"}}}}}, "'text'"),
        ({"hints": {"files": {"a.csv": {"knd": "karten"}}}}, "meinten Sie 'kind'?"),
        ({"hints": {"file": {"a.csv": "karten"}}}, "meinten Sie 'files'?"),
        ({"hints": {"a.csv": "karten"}}, "so schreiben: hints: {files: {a.csv: karten}}"),
    ],
)
def test_round_yaml_hints_are_validated(meta, message):
    from flueko.config import check_round_meta

    if message is None:
        check_round_meta(meta, file="round.yaml")
        return
    with pytest.raises(ConfigError) as err:
        check_round_meta(meta, file="round.yaml")
    assert message in err.value.one_line()


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> RoundContext:
    root = tmp_path_factory.mktemp("ws")
    (root / "data" / "raw" / "r").mkdir(parents=True)
    return RoundContext(Workspace.at(root), "r")


def _kind(ctx: RoundContext, rows: list[list]) -> tuple[str, dict]:
    det = recognise_sheet(make_sheet(rows), question_of=ctx.question_of, item_of=ctx.item_of)
    return det.kind, det.columns


@pytest.mark.parametrize(
    ("header", "metadata"),
    [
        (  # LimeSurvey, English labels
            ["Response ID", "Date submitted", "Last page", "Start language", "Seed",
             "Which group do you belong to?", "How satisfied were you? [Moderation]",
             "How satisfied were you? [Format]"],
            [0, 1, 2, 3, 4],
        ),
        (  # SoSci Survey variable codes
            ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED", "IN01_01", "IN01_02"],
            [0, 1, 3, 5],
        ),
        (  # Microsoft Forms, English, with the (empty) Name and Email columns
            ["ID", "Start time", "Completion time", "Email", "Name",
             "Which group do you belong to?", "How satisfied were you with the results?"],
            [1, 2],
        ),
        (  # Google Forms
            ["Zeitstempel", "Ich nehme teil als ...", "Bitte bewerten Sie [Moderation]",
             "Bitte bewerten Sie [Struktur]", "Was hat Ihnen gefallen?"],
            [0],
        ),
    ],
)  # fmt: skip
def test_survey_tool_exports_are_surveys_by_their_metadata_columns(ctx, header, metadata):
    kind, columns = _kind(ctx, [header, ["1"] * len(header)])
    assert kind == "survey"
    assert columns["metadata"] == metadata


@pytest.mark.parametrize(
    "header",
    [
        ["Maßnahme", "Name", "Wirkung", "Aufwand"],  # a rater's name is no contact list
        ["Name der Maßnahme", "Verantwortlich", "Zeitraum", "Status"],
    ],
)
def test_one_name_column_is_no_contact_list(ctx, header):
    assert _kind(ctx, [header, ["Sprachcafé", "TN1", 4, 2]])[0] in ("ratings", "plan")
