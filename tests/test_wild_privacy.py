"""The blind privacy set (tests/wild_sets/privacy): recall and trap keep-rate as a ratchet.

The thresholds are the values reached when the set was tuned (a random third held out,
seed 13); lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from flueko.console import printable
from flueko.errors import PrivacyError
from flueko.privacy import mask_personal_data
from flueko.report.gate import check_frame, check_html, check_markdown

HERE = Path(__file__).parent / "wild_sets" / "privacy"


def _score_module():
    spec = importlib.util.spec_from_file_location("wild_privacy_score", HERE / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases() -> list[dict]:
    lines = (HERE / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def summary() -> dict:
    return _score_module().score(_cases(), mask_personal_data)["summary"]


def test_recall_per_kind(summary):
    kinds = summary["per_pii_type"]
    assert kinds["name"]["recall"] >= 0.99
    assert kinds["email"]["recall"] == 1.0
    assert kinds["phone"]["recall"] == 1.0
    assert all(k["partial_leaks"] == 0 for k in kinds.values())
    assert summary["errors"] == 0


def test_traps_survive(summary):
    assert summary["trap_false_positive_rate"] <= 0.01
    assert summary["trap_keep_rate"] >= 0.99


def test_held_out_third():
    cases = _cases()
    order = list(range(len(cases)))
    random.Random(13).shuffle(order)
    held = [cases[i] for i in sorted(order[: len(order) // 3])]
    result = _score_module().score(held, mask_personal_data)["summary"]
    assert result["recall_overall"] >= 0.98
    assert result["trap_false_positive_rate"] <= 0.02


BLIND_SETS = {
    # cases2.jsonl: 240 lines written later by someone who read neither the masking nor the
    # first set (first run: names 0.752, 16 of 120 traps changed — first_run2.txt). The three
    # names still counted as missed are the set's own artefacts (a name word that also stands
    # elsewhere in the line: "Rosa-Luxemburg-Straße", "Jan." 2017, "bin") plus Frank and a
    # German transliteration (Jewgeni) the lexicon lacks.
    "cases2.jsonl": (0.95, 0.042),
    # cases3.jsonl: 210 lines of refugees' cards in English, simple German and a mix, mostly in
    # lower case, written blind (first run: names 0.779, 20 of 105 traps changed —
    # first_run3.txt). Still missed: English words that are also names without a cue ("joy
    # from lagos", "june and her husband", "maria" — also an English word — after "ask"),
    # "faith"/"blessing", "hevin" after "bei"; the trap still changed is "jan" (Persian: dear).
    "cases3.jsonl": (0.94, 0.01),
    # cases4.jsonl: 166 lines by another author (English, French, German, mixed; @mentions,
    # greetings, signatures), written blind after the English-card rules were built on cases3 —
    # its first run is the check of those rules: names 0.833, 6 of 80 traps changed
    # (first_run4.txt). Fixed since by class (@mentions, „hier ist“, French function words,
    # „Ramadan Kareem“, kinship words, peoples and regions, first names of Nigeria, Ghana,
    # Cameroon and francophone West Africa in the lexicon); still missed: „Selam“ (also a
    # greeting), „Hevin“ before „und“, „wardah“ after „sister of“.
    "cases4.jsonl": (0.96, 0.0125),
}
"""Later blind sets: (least name recall, most trap lines changed) — ratchets."""


@pytest.mark.parametrize("name", list(BLIND_SETS))
def test_later_blind_sets(name):
    recall, false_positive = BLIND_SETS[name]
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    result = _score_module().score(cases, mask_personal_data)["summary"]
    kinds = result["per_pii_type"]
    assert kinds["name"]["recall"] >= recall, kinds["name"]
    assert kinds["email"]["recall"] == kinds["phone"]["recall"] == 1.0
    assert all(k["partial_leaks"] == 0 for k in kinds.values())
    assert result["trap_false_positive_rate"] <= false_positive


ISSUE_LINES = [
    "Kontakt: Birgit Hollenbach, 0 62 21 / 40 55 12",
    "Tarek Haddad dolmetscht",
    "bei Monika Seitz melden: m.seitz at beispiel dot de",
    "Familie Demir sucht eine Wohnung",
    "kontakt(at)tafel-beispiel.de",
]


@pytest.mark.parametrize("line", ISSUE_LINES)
def test_gate_stops_html_without_showing_the_data(line):
    with pytest.raises(PrivacyError) as err:
        check_html(f"<html><body><p>{line}</p></body></html>", where="2016-10-20/bericht.html")
    message = str(err.value)
    assert "bericht.html" in message
    for secret in ("Hollenbach", "Haddad", "Seitz", "Demir", "40 55 12", "tafel-beispiel"):
        assert secret not in message


def test_gate_names_cell_and_section():
    import pandas as pd

    df = pd.DataFrame(
        {"measure_id": ["M-01", "M-02"], "title": ["Sprachcafé", "Kontakt: Birgit Hollenbach"]}
    )
    with pytest.raises(PrivacyError, match=r"massnahmenplan.xlsx, Maßnahme M-02, Spalte title"):
        check_frame(df, output="massnahmenplan.xlsx", key="measure_id")
    md = "# Dokumentation\n\n## Runde 1\n\nTarek Haddad dolmetscht\n"
    with pytest.raises(PrivacyError, match="Abschnitt „Runde 1“"):
        check_markdown(md, output="dokumentation.md")


def test_masked_text_passes_the_gate():
    for line in ISSUE_LINES:
        check_html(f"<p>{mask_personal_data(line)}</p>", where="x")


def test_terminal_output_escapes_control_characters():
    assert printable("Karten\x00\x00\x1b[31m\u202e") == "Karten\\x00\\x00\\x1b[31m\\u202e"
    assert printable("Blatt 1\tok") == "Blatt 1\tok"


# --- end to end ----------------------------------------------------------------------------

CARD_NAMES = [
    ("Kontakt: Birgit Hollenbach, 0 62 21 / 40 55 12", ["Hollenbach", "40 55 12", "Birgit"]),
    ("Tarek Haddad dolmetscht beim Wohnungsamt", ["Tarek", "Haddad"]),
    ("Wohnungssuche: bei Monika Seitz melden, m.seitz at beispiel dot de", ["Seitz", "Monika"]),
    ("Familie Demir sucht eine größere Wohnung", ["Demir"]),
    ("Yonas Tesfay und Oksana Shevchenko suchen eine WG", ["Yonas", "Tesfay", "Shevchenko"]),
]
SURVEY_COMMENT = "Danke an Hodan Farah, Rückfragen an kontakt(at)tafel-beispiel.de"
SECRETS = [s for _, found in CARD_NAMES for s in found] + ["Hodan", "Farah", "tafel-beispiel"]


def _visible_texts(root: Path) -> dict[str, str]:
    """Every file meant for others, as the text a reader can see."""
    import openpyxl

    from flueko.report.gate import visible_text

    out = {}
    for path in sorted((root / "reports").rglob("*")):
        if path.suffix in {".html", ".md"}:
            out[str(path)] = visible_text(path.read_text(encoding="utf-8"))
        elif path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path, read_only=True)
            cells = (str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row)
            out[str(path)] = "\n".join(c for c in cells if c != "None")
    return out


@pytest.mark.slow
def test_round_with_names_reaches_no_output_and_prints_no_control_characters(tmp_path):
    import contextlib
    import io
    import shutil

    import openpyxl

    from flueko.cli import main
    from flueko.config import Workspace
    from flueko.io.tables import read_round
    from flueko.report.outputs import export_codebook_for

    from .conftest import DEMO_RAW

    round_id = "2016-10-20_auftakt"
    raw = tmp_path / "data" / "raw" / round_id
    shutil.copytree(DEMO_RAW / round_id, raw)
    cards = raw / "workshops" / "AK_Wohnen.xlsx"
    wb = openpyxl.load_workbook(cards)
    ws = wb.active
    for text, _ in CARD_NAMES:
        ws.append([None, text, 1])
    wb.save(cards)
    survey = raw / "umfrage" / "rueckmeldung_auftakt.csv"
    lines = survey.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1] + SURVEY_COMMENT if lines[1].endswith(";") else lines[1]
    survey.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    shutil.copyfile(cards, raw / "workshops" / "AK_Wohnen\x1b[31mrot.xlsx")

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--workspace", str(tmp_path), "run", round_id, "--no-progress"])
    printed = out.getvalue()
    assert code == 0, printed
    export_codebook_for(Workspace.at(tmp_path), round_id)
    assert "\x1b" not in printed and "\\x1b[31mrot.xlsx" in printed

    tables = read_round(tmp_path / "data" / "processed" / round_id)
    stored = " ".join(map(str, (v for df in tables.values() for c in df.columns for v in df[c])))
    texts = _visible_texts(tmp_path)
    assert any(p.endswith("bericht.html") for p in texts)
    assert any(p.endswith("kodierung.xlsx") for p in texts)
    for secret in SECRETS:
        assert secret not in stored, secret
        for path, text in texts.items():
            assert secret not in text, (secret, path)
    assert "[Name]" in stored and "[Telefon]" in stored and "[E-Mail]" in stored


def test_no_demo_participant_reaches_a_report(demo_run):
    texts = _visible_texts(demo_run.root)
    assert texts
    for secret in ("Frau Beispiel", "Mustermann", "info@example.org", "23125"):
        for path, text in texts.items():
            assert secret not in text, (secret, path)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Frau Bürgermeisterin hat zugesagt", "Frau Bürgermeisterin hat zugesagt"),
        ("Frau Bürgermeisterin Weber kommt", "Frau Bürgermeisterin [Name] kommt"),
        ("Herr Landrat Klaus Müller eröffnet", "Herr Landrat [Name] eröffnet"),
        ("Laternenumzug an Sankt Martin", "Laternenumzug an Sankt Martin"),
        ("Antrag bei der Robert Bosch Stiftung", "Antrag bei der Robert Bosch Stiftung"),
        (
            "Die Paula-Modersohn-Schule bietet eine VKL an",
            "Die Paula-Modersohn-Schule bietet eine VKL an",
        ),
        ("Seitz, Monika – Warteliste", "[Name] – Warteliste"),
        ("Sozialberatung M. Seitz", "Sozialberatung [Name]"),
        ("Tel. (0 62 21) 40 55 12", "Tel. [Telefon]"),
        ("info [at] verein.de", "[E-Mail]"),
    ],
)
def test_classes_from_the_issue(text, masked):
    assert mask_personal_data(text) == masked
