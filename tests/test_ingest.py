"""End-to-end ingest through the CLI: good files in every layout and format, every class of bad
file, reconciliation, immutability of ``data/raw`` and byte-identical reruns."""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from flueko import schema as s
from flueko.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ROUND = "2016-10-20_auftakt"
SMALL = "2016-11-03_vertiefung"  # max_file_mb tiny
GOOD_ONLY = "2016-12-01_kommunen"

Q1 = "Wo sind die Probleme in der Praxis?"
Q2 = "Warum gelingt Integration (nicht)?"
Q4 = "Welche konkreten Aktivitäten können wir starten?"

RECONCILE = re.compile(
    r"^  (?P<file>\S+): (?P<ideas>\d+) Ideen aus (?P<cards>\d+) Karten, (?P<votes>\d+) Punkte, "
    r"\d+ Warnungen\n    Zellen (?P<n>\d+) = Text (?P<t>\d+) \+ Zahlen (?P<z>\d+) \+ "
    r"Kopf (?P<k>\d+) \+ ausgeschlossen (?P<e>\d+)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Expected:
    """What a good file must give: ideas, cards, votes, excluded cells, groups, questions."""

    ideas: int
    cards: int
    votes: int
    excluded: int
    groups: tuple[str, ...]
    questions: tuple[str | None, ...]  # sorted distinct question keys ("" for missing)


# ---------------------------------------------------------------------------------- good files


def _long_merged(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AK Wohnen"
    ws.append(["Leitfrage", "Karte", "Punkte"])
    ws.append([Q1, "Zu wenig bezahlbarer Wohnraum", 5])
    ws.append([None, "Leerstand in Dörfern nutzen", 3])
    ws.append([None, "- Mietkaution übernehmen\n- Makler einbinden", 2])
    ws.append([Q2, "Vermieter haben Vorbehalte", 4])
    ws.append([None, "Wohnungsbörse fehlt", None])
    ws.append([None, "Summe", "=SUM(C2:C6)"])
    ws.merge_cells("A2:A4")
    ws.merge_cells("A5:A7")
    wb.save(path)


def _per_question(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, cards in (
        ("Frage 1", [("Zu wenige Kitaplätze", 7), ("Schulweg ist zu weit", 1)]),
        ("Frage 5", [("Schulsozialarbeit ausbauen", 3)]),
    ):
        ws = wb.create_sheet(name)
        ws.append(["Arbeitskreis Bildung – 20.10.2016"])
        ws.append([])
        ws.append(["Karte", "Punkte"])
        for text, votes in cards:
            ws.append([text, votes])
    wb.save(path)


def _wide(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AK Arbeit"
    ws.append([f"1. {Q1}", "Punkte", f"4. {Q4}", "Punkte"])
    ws.append(["Anerkennung dauert zu lange", 6, "Jobpaten gewinnen", 2])
    ws.append(["Arbeitsverbot in den ersten Monaten", 0, "Praktikumsbörse", 5])
    ws.append([None, None, "Betriebe besuchen", None])
    wb.save(path)


def _blocks(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AK Sprache"
    ws.append(["Beitrag", "Punkte"])
    ws.append(["Frage 1: Wo sind die Probleme in der Praxis?"])
    ws.append(["Wartelisten für Integrationskurse", 8])
    ws.append(["Kinderbetreuung während der Kurse fehlt", 4])
    ws.append(["Frage 3: Was können wir tun?"])
    ws.append(["Sprachcafé im Rathaus", 3])
    wb.save(path)


CSV_1252 = (
    "Arbeitskreis;Leitfrage;Karte;Punkte;Gewicht\r\n"
    "AK Gesundheit;Frage 2;Ärztliche Versorgung ist schwer zu erreichen;3;0,5\r\n"
    "AK Gesundheit;Frage 2;Dolmetscher für Arztbesuche (Kosten 20 €);2;1,25\r\n"
    "AK Gesundheit;Frage 4;Gesundheitslotsen ausbilden;;0,75\r\n"
)

CSV_AS_XLSX = "Leitfrage,Karte,Punkte\nFrage 3,Begegnungsfest im Stadtpark,4\n"

# Four cards in the LibreOffice fixtures (tests/fixtures/ingest/make_fixtures.py): one splits
# into two ideas, one has no votes, the totals row sits outside the card column.
FREIZEIT = Expected(5, 4, 12, 0, ("AK Freizeit",), ("gelingen", "probleme"))
FREIZEIT_Q = Expected(5, 4, 12, 0, ("AK Freizeit",), ("aktivitaeten", "probleme"))

GOOD: dict[str, Expected] = {
    "wohnen/ak_wohnen_lang.xlsx": Expected(6, 5, 14, 1, ("AK Wohnen",), ("gelingen", "probleme")),
    "ak_bildung_fragen.xlsx": Expected(
        3, 3, 11, 0, ("AK Bildung",), ("probleme", "vorschlaege_kommunen")
    ),
    "ak_arbeit_breit.xlsx": Expected(5, 5, 13, 0, ("AK Arbeit",), ("aktivitaeten", "probleme")),
    "ak_sprache_bloecke.xlsx": Expected(
        3, 3, 15, 2, ("AK Sprache",), ("handlungsspielraum", "probleme")
    ),
    "libreoffice/ak_freizeit.ods": FREIZEIT_Q,
    "libreoffice/ak_freizeit.xls": FREIZEIT_Q,
    "export_gesundheit.csv": Expected(3, 3, 5, 0, ("AK Gesundheit",), ("aktivitaeten", "gelingen")),
    "eigentlich_csv.xlsx": Expected(1, 1, 4, 0, ("eigentlich csv",), ("handlungsspielraum",)),
}


def write_good(folder: Path) -> None:
    """All good files of :data:`GOOD` into ``folder`` (sub-folders included)."""
    (folder / "wohnen").mkdir(parents=True, exist_ok=True)
    (folder / "libreoffice").mkdir(exist_ok=True)
    _long_merged(folder / "wohnen" / "ak_wohnen_lang.xlsx")
    _per_question(folder / "ak_bildung_fragen.xlsx")
    _wide(folder / "ak_arbeit_breit.xlsx")
    _blocks(folder / "ak_sprache_bloecke.xlsx")
    for ext in ("ods", "xls"):
        shutil.copy(FIXTURES / "ingest" / f"ak_freizeit.{ext}", folder / "libreoffice")
    (folder / "export_gesundheit.csv").write_bytes(CSV_1252.encode("cp1252"))
    (folder / "eigentlich_csv.xlsx").write_text(CSV_AS_XLSX, encoding="utf-8")


# ----------------------------------------------------------------------------------- bad files

BAD = {
    "kaputt/leer.xlsx": "empty_file",
    "kaputt/abgeschnitten.xlsx": "corrupt_file",
    "kaputt/passwort.xlsx": "encrypted",
    "kaputt/protokoll.xlsx": "unsupported_format",
    "kaputt/zufall.xlsx": "unsupported_format",
    "kaputt/leere_mappe.xlsx": "empty_workbook",
}
REFUSED = {"kaputt/ohne_kopfzeile.xlsx": "not_recognised"}
"""Files that can be read but are no dialogue data: a warning each, no error."""


def write_bad(folder: Path) -> None:
    """One file of each bad class (see :data:`BAD`) into ``folder/kaputt``."""
    bad = folder / "kaputt"
    bad.mkdir(parents=True)
    (bad / "leer.xlsx").write_bytes(b"")
    good = (folder / "ak_arbeit_breit.xlsx").read_bytes()
    (bad / "abgeschnitten.xlsx").write_bytes(good[: len(good) // 2])
    shutil.copy(FIXTURES / "encrypted.xlsx", bad / "passwort.xlsx")
    with zipfile.ZipFile(bad / "protokoll.xlsx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    rng = random.Random(7)
    (bad / "zufall.xlsx").write_bytes(b"\x00\x01" + bytes(rng.randrange(256) for _ in range(4000)))
    wb = openpyxl.Workbook()
    wb.create_sheet("Leer 2")
    wb.save(bad / "leere_mappe.xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Datum"])
    wb.active.append(["Meier", "20.10."])
    wb.save(bad / "ohne_kopfzeile.xlsx")


# ---------------------------------------------------------------------------------- workspace


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """Three rounds: good + bad files, a tiny size limit, only good files."""
    root = tmp_path_factory.mktemp("ws")
    raw = root / "data" / "raw"
    write_good(raw / ROUND)
    write_bad(raw / ROUND)
    small = raw / SMALL
    small.mkdir(parents=True)
    _wide(small / "zu_gross.xlsx")
    (small / "klein.csv").write_text(CSV_AS_XLSX, encoding="utf-8")
    (small / "params.yaml").write_text("ingest: {max_file_mb: 0.001}\n", encoding="utf-8")
    write_good(raw / GOOD_ONLY)
    return root


@dataclass
class Run:
    code: int
    out: str
    err: str


def _ingest(root: Path, round_id: str, capsys) -> Run:
    capsys.readouterr()
    code = main(["--workspace", str(root), "ingest", round_id])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


@pytest.fixture(scope="module")
def first_run(workspace: Path) -> dict:
    """Ingest the mixed round once (capsys is function-scoped: output is captured by hand)."""
    raw = workspace / "data" / "raw"
    before = _tree_hashes(raw)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--workspace", str(workspace), "ingest", ROUND])
    processed = workspace / "data" / "processed" / ROUND
    return {
        "run": Run(code, out.getvalue(), err.getvalue()),
        "raw_before": before,
        "raw_after": _tree_hashes(raw),
        "parquet": {p.name: p.read_bytes() for p in sorted(processed.glob("*.parquet"))},
        "contributions": pd.read_parquet(processed / "contributions.parquet"),
        "log": pd.read_csv(processed / "ingest_log.csv", dtype=str, keep_default_na=False),
    }


# -------------------------------------------------------------------------------------- tests


def test_bad_files_exit_1_with_one_error_line_each(first_run) -> None:
    run = first_run["run"]
    assert run.code == 1
    errors = [line for line in run.out.splitlines() if line.startswith("  FEHLER")]
    assert len(errors) == len(BAD)
    for name in BAD:
        assert sum(name in line for line in errors) == 1, name
    for name in [*GOOD, *REFUSED]:
        assert not any(name in line for line in errors), name
    assert "Traceback" not in run.out + run.err
    assert run.err == ""


def test_log_has_one_error_row_per_bad_file_with_its_code(first_run) -> None:
    log = first_run["log"]
    errors = log[log["severity"] == "error"]
    assert sorted(zip(errors["file"], errors["code"], strict=True)) == sorted(BAD.items())
    refused = log[log["code"] == "not_recognised"]
    assert sorted(zip(refused["file"], refused["severity"], strict=True)) == [
        ("kaputt/ohne_kopfzeile.xlsx", "warning")
    ]


def test_a_file_that_is_no_dialogue_data_is_one_warning_quoting_labels_only(first_run) -> None:
    run, log = first_run["run"], first_run["log"]
    assert (
        "  WARNUNG kaputt/ohne_kopfzeile.xlsx: nicht erkannt: sieht nicht nach Workshop-Karten, "
        "Bewertungsbogen, Rückmeldebogen oder Maßnahmenplan aus (Spalten: Name, Datum) — falls "
        "doch: in round.yaml `hints: {files: {kaputt/ohne_kopfzeile.xlsx: karten}}` eintragen"
    ) in run.out.splitlines()
    assert "Meier" not in run.out and not log["message"].str.contains("Meier").any()


def test_good_files_give_exact_ideas_votes_groups_questions(first_run) -> None:
    df = first_run["contributions"]
    assert sorted(df[s.SOURCE_FILE].unique()) == sorted(GOOD)
    for file, exp in GOOD.items():
        part = df[df[s.SOURCE_FILE] == file]
        assert len(part) == exp.ideas, file
        assert part[s.CARD_ID].nunique() == exp.cards, file
        card_votes = part.drop_duplicates(s.CARD_ID)[s.VOTES]
        assert int(card_votes.sum()) == exp.votes, file
        assert tuple(sorted(part[s.GROUP].unique())) == exp.groups, file
        questions = tuple(sorted(part[s.QUESTION].fillna("").unique()))
        assert questions == exp.questions, file
    assert len(df) == sum(e.ideas for e in GOOD.values())


def _row(df: pd.DataFrame, file: str, text: str) -> dict:
    hit = df[(df[s.SOURCE_FILE] == file) & (df[s.TEXT] == text)]
    assert len(hit) == 1, (file, text)
    return hit.iloc[0].to_dict()


def test_source_cells_and_values_of_single_rows(first_run) -> None:
    df = first_run["contributions"]
    row = _row(df, "wohnen/ak_wohnen_lang.xlsx", "Wohnungsbörse fehlt")
    assert (row[s.SOURCE_SHEET], row[s.SOURCE_ROW], row[s.SOURCE_CELL]) == ("AK Wohnen", 6, "B6")
    assert row[s.QUESTION] == "gelingen"  # merged A5:A7 carries the question down
    assert pd.isna(row[s.VOTES])
    split = df[df[s.SOURCE_FILE] == "wohnen/ak_wohnen_lang.xlsx"]
    split = split[split[s.SOURCE_CELL] == "B4"]
    assert split[s.TEXT].tolist() == ["Mietkaution übernehmen", "Makler einbinden"]
    assert split[s.VOTES].tolist() == [2, 2]  # one card: votes kept on each idea, counted once
    assert split[s.CARD_ID].nunique() == 1

    row = _row(df, "ak_arbeit_breit.xlsx", "Betriebe besuchen")
    assert (row[s.SOURCE_SHEET], row[s.SOURCE_CELL], row[s.QUESTION]) == (
        "AK Arbeit",
        "C4",
        "aktivitaeten",
    )
    row = _row(df, "ak_bildung_fragen.xlsx", "Schulsozialarbeit ausbauen")
    assert (row[s.SOURCE_SHEET], row[s.SOURCE_CELL], row[s.VOTES]) == ("Frage 5", "A4", 3)
    row = _row(df, "ak_sprache_bloecke.xlsx", "Sprachcafé im Rathaus")
    assert (row[s.QUESTION], row[s.SOURCE_CELL], row[s.VOTES]) == ("handlungsspielraum", "A6", 3)
    row = _row(df, "export_gesundheit.csv", "Dolmetscher für Arztbesuche (Kosten 20 €)")
    assert (row[s.SOURCE_SHEET], row[s.SOURCE_CELL], row[s.VOTES]) == ("", "C3", 2)
    assert row[s.GROUP] == "AK Gesundheit"
    row = _row(df, "libreoffice/ak_freizeit.ods", "Kochabend im Jugendhaus")
    assert (row[s.SOURCE_CELL], row[s.QUESTION], row[s.VOTES]) == ("C4", "aktivitaeten", 6)
    row = _row(df, "libreoffice/ak_freizeit.xls", "Fahrradwerkstatt eröffnen")
    assert (row[s.SOURCE_CELL], row[s.SOURCE_ROW]) == ("C5", 5)
    assert pd.isna(row[s.VOTES])
    row = _row(df, "eigentlich_csv.xlsx", "Begegnungsfest im Stadtpark")
    assert (row[s.SOURCE_SHEET], row[s.SOURCE_CELL], row[s.VOTES]) == ("", "B2", 4)


def test_reconciliation_line_per_file_matches_counts_and_log(first_run) -> None:
    lines = list(RECONCILE.finditer(first_run["run"].out))
    assert sorted(m["file"] for m in lines) == sorted(GOOD)
    log = first_run["log"]
    for m in lines:
        exp = GOOD[m["file"]]
        n, t, z, k, e = (int(m[g]) for g in ("n", "t", "z", "k", "e"))
        assert n == t + z + k + e, m.group(0)
        assert (int(m["cards"]), int(m["ideas"]), int(m["votes"])) == (
            exp.cards,
            exp.ideas,
            exp.votes,
        ), m["file"]
        assert t >= exp.cards and e >= exp.excluded, m.group(0)
        own = log[log["file"] == m["file"]]
        assert (own["code"] == "understood_as").sum() >= 1, m["file"]


def test_raw_folder_is_not_modified(first_run) -> None:
    assert first_run["raw_after"] == first_run["raw_before"]
    # mixed round, the size-limit round (2 files + params.yaml), the good-only round
    assert len(first_run["raw_before"]) == len(GOOD) + len(BAD) + len(REFUSED) + 3 + len(GOOD)


def test_second_ingest_writes_identical_parquet(workspace: Path, first_run, capsys) -> None:
    run = _ingest(workspace, ROUND, capsys)
    assert run.code == 1
    processed = workspace / "data" / "processed" / ROUND
    again = {p.name: p.read_bytes() for p in sorted(processed.glob("*.parquet"))}
    assert again.keys() == first_run["parquet"].keys()
    assert len(again) == len(s.PARQUET_TABLES)
    for name, data in again.items():
        assert data == first_run["parquet"][name], name


def test_round_with_only_good_files_exits_0(workspace: Path, capsys) -> None:
    run = _ingest(workspace, GOOD_ONLY, capsys)
    assert run.code == 0, run.out
    assert "FEHLER" not in run.out
    assert "Traceback" not in run.out + run.err
    df = pd.read_parquet(workspace / "data" / "processed" / GOOD_ONLY / "contributions.parquet")
    assert len(df) == sum(e.ideas for e in GOOD.values())


def test_file_over_the_size_limit_is_refused_alone(workspace: Path, capsys) -> None:
    run = _ingest(workspace, SMALL, capsys)
    assert run.code == 1
    errors = [line for line in run.out.splitlines() if line.startswith("  FEHLER")]
    assert len(errors) == 1
    assert "zu_gross.xlsx" in errors[0] and "max_file_mb" in errors[0]
    assert "Traceback" not in run.out + run.err
    log = pd.read_csv(
        workspace / "data" / "processed" / SMALL / "ingest_log.csv",
        dtype=str,
        keep_default_na=False,
    )
    errs = log[log["severity"] == "error"]
    assert list(zip(errs["file"], errs["code"], strict=True)) == [("zu_gross.xlsx", "too_large")]
    df = pd.read_parquet(workspace / "data" / "processed" / SMALL / "contributions.parquet")
    assert df[s.TEXT].tolist() == ["Begegnungsfest im Stadtpark"]


# ------------------------------------------------ header detection (flueko.ingest.detect)


def _single_file_round(root: Path, name: str, rows: list[list]) -> None:
    folder = root / "data" / "raw" / "r"
    folder.mkdir(parents=True)
    wb = openpyxl.Workbook()
    wb.active.title = "AK Wohnen"
    for row in rows:
        wb.active.append(row)
    wb.save(folder / name)


def test_title_block_mentioning_ergebnisse_does_not_hide_the_header(tmp_path, capsys) -> None:
    # regression: a one-cell title row with a card-text word ("Ergebnisse") was taken as the
    # header, and the cells of the real card column were lost without a log entry
    _single_file_round(
        tmp_path,
        "titel.xlsx",
        [
            ["Kommunaler Flüchtlingsdialog — Ergebnisse"],
            [],
            ["Leitfrage", "Karte", "Punkte"],
            ["Frage 1", "Zu wenig Wohnraum", 3],
            ["Frage 2", "Gute Nachbarschaft", 1],
        ],
    )
    run = _ingest(tmp_path, "r", capsys)
    df = pd.read_parquet(tmp_path / "data" / "processed" / "r" / "contributions.parquet")
    assert run.code == 0
    assert df[s.TEXT].tolist() == ["Zu wenig Wohnraum", "Gute Nachbarschaft"]


def test_row_of_numbers_is_not_a_wide_header(tmp_path, capsys) -> None:
    # regression: question_for_heading maps a bare number to the n-th Leitfrage, so a row
    # "1 | 2" was taken as a wide header and the sheet counted as cards with 0 cells
    _single_file_round(tmp_path, "zahlen.xlsx", [["xyz", "qrs"], [1, 2]])
    run = _ingest(tmp_path, "r", capsys)
    assert run.code == 0  # not dialogue data: a warning, not a failure
    assert "  WARNUNG zahlen.xlsx: nicht erkannt: sieht nicht nach" in run.out
