"""Tests for the deterministic demo data: its content (flueko.demo.content) and generator."""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import yaml

from flueko import schema
from flueko.demo import content
from flueko.demo import generate as demo

COMMITTED = Path(__file__).resolve().parents[1] / "data" / "raw"
R1, R2, R3 = content.ROUND_IDS

EXPECTED_FILES = [
    f"{R1}/round.yaml",
    f"{R1}/workshops/AK_Wohnen.xlsx",
    f"{R1}/workshops/AK_Bildung_Ausbildung.xlsx",
    f"{R1}/workshops/AK_Arbeit.xlsx",
    f"{R1}/workshops/AK_Freizeit.xlsx",
    f"{R1}/umfrage/rueckmeldung_auftakt.csv",
    f"{R2}/round.yaml",
    f"{R2}/bewertung/bewertung_massnahmen.xlsx",
    f"{R2}/bewertung/bewertung_wide.xlsx",
    f"{R2}/umfrage/rueckmeldung_vertiefung.xlsx",
    f"{R3}/round.yaml",
    f"{R3}/massnahmenplan_entwurf.xlsx",
    f"{R3}/umfrage/rueckmeldung_erweitert.csv",
]


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("raw")
    demo.generate(target)
    return target


def _contents(path: Path) -> dict:
    return demo.workbook_contents(path)


def _sheet(path: Path, name: str | None = None) -> list[list]:
    contents = _contents(path)
    return contents[name] if name is not None else next(iter(contents.values()))


def _meta(raw: Path, round_id: str) -> dict:
    return yaml.safe_load((raw / round_id / "round.yaml").read_text(encoding="utf-8"))


def _all_files_equal(left: Path, right: Path, relative: list[str]) -> None:
    for rel in relative:
        a, b = left / rel, right / rel
        assert b.is_file(), f"{rel} fehlt in {right}"
        if a.suffix in (".csv", ".yaml"):
            assert a.read_bytes() == b.read_bytes(), rel
        if a.suffix in (".csv", ".xlsx"):
            assert _contents(a) == _contents(b), rel


# --- API and determinism ------------------------------------------------------------------


def test_generate_returns_written_files_in_stable_order(tmp_path: Path) -> None:
    written = demo.generate(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == EXPECTED_FILES
    assert all(p.is_file() for p in written)


def test_generate_is_deterministic(tmp_path: Path) -> None:
    demo.generate(tmp_path / "a")
    demo.generate(tmp_path / "b")
    _all_files_equal(tmp_path / "a", tmp_path / "b", EXPECTED_FILES)


def test_xlsx_bytes_are_reproducible_too(tmp_path: Path) -> None:
    demo.generate(tmp_path / "a")
    demo.generate(tmp_path / "b")
    for rel in EXPECTED_FILES:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_other_seed_changes_answers_but_not_cards(tmp_path: Path) -> None:
    demo.generate(tmp_path / "a", seed=2016)
    demo.generate(tmp_path / "b", seed=7)
    survey = f"{R1}/umfrage/rueckmeldung_auftakt.csv"
    assert _contents(tmp_path / "a" / survey) != _contents(tmp_path / "b" / survey)
    cards = f"{R1}/workshops/AK_Arbeit.xlsx"
    assert _contents(tmp_path / "a" / cards) == _contents(tmp_path / "b" / cards)


def test_committed_demo_data_matches_generator(raw: Path) -> None:
    _all_files_equal(raw, COMMITTED, EXPECTED_FILES)


def test_workbook_properties_use_fixed_time(raw: Path) -> None:
    wb = openpyxl.load_workbook(raw / R3 / "massnahmenplan_entwurf.xlsx")
    assert wb.properties.created == demo.FIXED_TIME
    assert wb.properties.modified == demo.FIXED_TIME


def test_main_writes_into_given_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert demo.main([str(tmp_path / "out"), "--seed", "2016"]) == 0
    assert (tmp_path / "out" / R1 / "round.yaml").is_file()
    assert "13 Dateien" in capsys.readouterr().out


def test_workbook_contents_reads_csv_in_both_encodings(tmp_path: Path) -> None:
    utf = tmp_path / "a.csv"
    utf.write_bytes("\ufeffGruppe;Antwort\nKommune;größer\n".encode())
    ansi = tmp_path / "b.csv"
    ansi.write_bytes("Gruppe;Antwort\r\nKommune;größer\r\n".encode("cp1252"))
    expected = [["Gruppe", "Antwort"], ["Kommune", "größer"]]
    assert demo.workbook_contents(utf) == {"a": expected}
    assert demo.workbook_contents(ansi) == {"b": expected}


# --- exported constants -------------------------------------------------------------------


def test_question_texts_follow_the_schema_and_seed() -> None:
    assert tuple(content.QUESTION_TEXTS) == schema.QUESTIONS
    assert content.QUESTION_TEXTS["gelingen"] == "Warum gelingt Integration (nicht)?"
    assert content.QUESTION_TEXTS["handlungsspielraum"] == (
        "Was können wir tun, was ist im Einflussbereich der anwesenden Akteure?"
    )
    assert tuple(content.SURVEY_QUESTIONS) == schema.SURVEY_ITEMS
    assert tuple(content.SURVEY_STATEMENTS) == schema.SURVEY_ITEMS
    assert tuple(content.CARDS) == content.WORKING_GROUPS


def test_cards_per_group_and_question() -> None:
    for group, cards in content.CARDS.items():
        assert 20 <= len(cards) <= 30, group
        assert {card.question for card in cards} == set(schema.QUESTIONS), group
        assert len({card.text for card in cards}) == len(cards), group


def test_cards_contain_bullet_lists_of_two_or_three_ideas() -> None:
    bullets = [c.text for cards in content.CARDS.values() for c in cards if c.text.startswith("•")]
    assert len(bullets) >= 8
    for text in bullets:
        lines = text.split("\n")
        assert 2 <= len(lines) <= 3, text
        assert all(line.startswith("• ") for line in lines), text


def test_cards_include_the_seed_suggestions_and_cross_field_cards() -> None:
    texts = {group: " ".join(c.text for c in cards) for group, cards in content.CARDS.items()}
    assert "Einstufungstests" in texts["AK Bildung/Ausbildung"]
    assert "homogener" in texts["AK Bildung/Ausbildung"]
    assert "Vereinsrundgänge" in texts["AK Freizeit"]
    assert "Ermäßigte Mitgliedsbeiträge im Gegenzug" in texts["AK Freizeit"]
    assert "Referentenpool" in texts["AK Arbeit"]
    assert "berufsbezogene Sprachkurse fehlen" in texts["AK Arbeit"]
    assert "Sprachkurse direkt in der Unterkunft" in texts["AK Wohnen"]


def test_round1_votes_do_not_exceed_available_dots() -> None:
    total = sum(card.votes or 0 for cards in content.CARDS.values() for card in cards)
    assert total == 122
    assert total <= sum(content.PARTICIPANTS[R1].values()) * content.DOTS_PER_PERSON


# --- round.yaml ---------------------------------------------------------------------------


def test_round1_has_41_participants_from_the_seed_groups(raw: Path) -> None:
    meta = _meta(raw, R1)
    assert sum(meta["participants"].values()) == 41
    assert tuple(meta["participants"]) == content.PARTICIPANT_GROUPS
    assert meta["dots_per_person"] == 3
    assert meta["district"] == "Landkreis Remstal"
    assert str(meta["date"]) == "2016-10-20"


def test_costs_over_all_rounds_are_about_7000_euro(raw: Path) -> None:
    total = sum(sum(_meta(raw, rid)["costs"].values()) for rid in content.ROUND_IDS)
    assert total == 7130
    assert 6500 <= total <= 7500


def test_round_yaml_keys_and_hints(raw: Path) -> None:
    for rid in content.ROUND_IDS:
        meta = _meta(raw, rid)
        assert {"title", "date", "district", "kind", "participants", "costs", "note"} <= set(meta)
        assert str(meta["date"]) == rid[:10]
    assert _meta(raw, R2)["hints"] == {"survey_scale": "1=sehr zufrieden"}
    assert sum(_meta(raw, R2)["participants"].values()) == 24
    r3 = _meta(raw, R3)["participants"]
    assert sum(r3.values()) == 20
    assert r3["Kreisräte"] == 6


# --- workshop layouts ---------------------------------------------------------------------


def test_wohnen_title_block_header_and_merged_questions(raw: Path) -> None:
    path = raw / R1 / "workshops" / "AK_Wohnen.xlsx"
    rows = _sheet(path, "Ergebnisse")
    assert rows[0][0] == "Kommunaler Flüchtlingsdialog Landkreis Remstal"
    assert rows[1][0] == "Arbeitskreis Wohnen – 20.10.2016"
    assert rows[2] == [None, None, None]
    assert rows[3] == ["Leitfrage", "Beitrag", "Punkte"]
    assert len(rows) == 4 + 25
    ws = openpyxl.load_workbook(path)["Ergebnisse"]
    merged = sorted(str(rng) for rng in ws.merged_cells.ranges)
    assert merged == ["A11:A15", "A16:A19", "A20:A24", "A25:A29", "A5:A10"]
    assert ws["A5"].value == content.QUESTION_TEXTS["probleme"]
    assert ws["A25"].value == content.QUESTION_TEXTS["vorschlaege_kommunen"]


def test_wohnen_votes_are_written_in_mixed_ways(raw: Path) -> None:
    votes = [row[2] for row in _sheet(raw / R1 / "workshops" / "AK_Wohnen.xlsx")[4:]]
    assert any(isinstance(v, int) for v in votes)
    assert any(isinstance(v, str) and v.endswith(("Punkte", "Punkt")) for v in votes)
    assert any(isinstance(v, str) and set(v) == {"•"} for v in votes)
    assert votes.count(None) == 3


def test_bildung_one_sheet_per_question_and_hidden_template(raw: Path) -> None:
    path = raw / R1 / "workshops" / "AK_Bildung_Ausbildung.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [*content.BILDUNG_SHEETS.values(), "Vorlage"]
    assert wb["Vorlage"].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in content.BILDUNG_SHEETS.values())
    contents = _contents(path)
    for name in content.BILDUNG_SHEETS.values():
        assert contents[name][0] == ["Idee", "Klebepunkte"]
    n_cards = sum(len(contents[name]) - 1 for name in content.BILDUNG_SHEETS.values())
    assert n_cards == len(content.CARDS["AK Bildung/Ausbildung"])


def test_arbeit_wide_layout_is_ragged(raw: Path) -> None:
    rows = _sheet(raw / R1 / "workshops" / "AK_Arbeit.xlsx")
    assert rows[0][0] == "AK Arbeit"
    header = rows[2]
    assert header[0::2] == list(content.QUESTION_TEXTS.values())
    assert header[1::2] == ["Punkte"] * 5
    lengths = [sum(row[col] is not None for row in rows[3:]) for col in range(0, 10, 2)]
    assert lengths == [6, 4, 4, 5, 6]
    assert sum(lengths) == len(content.CARDS["AK Arbeit"])


def test_freizeit_long_table_blank_questions_and_totals_row(raw: Path) -> None:
    rows = _sheet(raw / R1 / "workshops" / "AK_Freizeit.xlsx")
    assert rows[0] == ["Arbeitskreis", "Frage", "Karte", "Stimmen"]
    body, total = rows[1:-1], rows[-1]
    assert [row[1] for row in body if row[1] is not None] == [f"Frage {i}" for i in range(1, 6)]
    assert body[0][1] == "Frage 1" and body[1][1] is None
    assert {row[0] for row in body} == {"AK Freizeit"}
    assert total[2] == "Summe"
    assert total[3] == sum(row[3] or 0 for row in body) == 31


# --- surveys ------------------------------------------------------------------------------


def test_kickoff_survey_is_limesurvey_style(raw: Path) -> None:
    data = (raw / R1 / "umfrage" / "rueckmeldung_auftakt.csv").read_bytes()
    assert data.startswith("\ufeffid;Teilnehmergruppe;F1[format] Wie zufrieden".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header = rows[0]
    assert header[:3] == [
        "id",
        "Teilnehmergruppe",
        "F1[format] Wie zufrieden waren Sie mit dem Format?",
    ]
    assert [h.split("]")[0].split("[")[1] for h in header[2:12]] == list(schema.SURVEY_ITEMS)
    assert header[-1] == "Anmerkungen"
    answers = Counter(v for row in rows[1:] for v in row[2:12])
    assert set(answers) <= {*content.SATISFACTION_LABELS, "keine Angabe", ""}
    assert answers["keine Angabe"] > 0 and answers[""] > 0
    assert 28 <= len(rows) - 1 <= 35


def test_kickoff_survey_group_sizes_exercise_suppression(raw: Path) -> None:
    rows = _sheet(raw / R1 / "umfrage" / "rueckmeldung_auftakt.csv")[1:]
    sizes = Counter(row[1].strip() for row in rows)
    assert sizes["Geflüchtete"] == 3
    assert sum(n >= 5 for n in sizes.values()) >= 3
    assert sizes["Ehrenamt"] == 6  # one typed with a trailing space


def test_no_survey_group_has_more_respondents_than_participants(raw: Path) -> None:
    from flueko.config import load_settings
    from flueko.ingest.survey import normalise_group

    groups = load_settings("survey_items.yaml")["groups"]
    for round_id in content.ROUND_IDS:
        survey = next((raw / round_id / "umfrage").iterdir())
        rows = next(iter(demo.workbook_contents(survey).values()))[1:]
        answered = Counter(normalise_group(row[1], groups=groups) for row in rows)
        invited = Counter()
        for name, n in content.PARTICIPANTS[round_id].items():
            invited[normalise_group(name, groups=groups)] += n
        for group, n in answered.items():
            if group is not None and group in invited:
                assert n <= invited[group], (round_id, group, n, invited[group])


def test_kickoff_survey_has_fictional_personal_data_to_mask(raw: Path) -> None:
    comments = [row[-1] for row in _sheet(raw / R1 / "umfrage" / "rueckmeldung_auftakt.csv")]
    joined = "\n".join(comments)
    assert "info@example.org" in joined
    assert "030 23125 678" in joined
    assert any("\n" in c for c in comments)  # a multi-line comment
    assert any(";" in c for c in comments)  # a comment that needs quoting


def test_deepening_survey_uses_numeric_codes(raw: Path) -> None:
    rows = _sheet(raw / R2 / "umfrage" / "rueckmeldung_vertiefung.xlsx", "Rückmeldung")
    assert rows[0][:3] == ["Nr.", "Gruppe", "Format"]
    values = [v for row in rows[1:] for v in row[2:12]]
    assert {v for v in values if v is not None} <= {1, 2, 3, 4, 5}
    assert None in values
    assert len(rows) - 1 == 19


def test_extended_survey_is_cp1252_with_agreement_labels(raw: Path) -> None:
    data = (raw / R3 / "umfrage" / "rueckmeldung_erweitert.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";"))
    assert rows[0][2] == content.SURVEY_STATEMENTS["format"]
    answers = {v for row in rows[1:] for v in row[2:12]}
    assert answers <= {*content.AGREEMENT_LABELS, ""}
    assert "trifft voll zu" in answers
    assert Counter(row[1] for row in rows[1:])["Kreisrat/Kreisrätin"] == 5


# --- ratings and plan ---------------------------------------------------------------------


def test_long_rating_table_shape_and_once_per_measure_fields(raw: Path) -> None:
    rows = _sheet(raw / R2 / "bewertung" / "bewertung_massnahmen.xlsx", "Bewertung")
    assert rows[0] == list(content.RATING_HEADER)
    body = rows[1:]
    assert len(body) == 14 * 8
    assert {row[2] for row in body} == {f"TN{i:02d}" for i in range(1, 9)}
    for start in range(0, len(body), 8):
        block = body[start : start + 8]
        assert len({row[0] for row in block}) == 1
        assert block[0][8] is not None and block[0][9] is not None
        assert all(row[7] is None and row[8] is None and row[9] is None for row in block[1:])
    costs = [row[7] for row in body if row[7] is not None]
    assert {"ca. 2.500 €", "2.000 – 4.000 EUR", "5-10 T€", "kostenneutral", "k. A.", 1200} <= set(
        costs
    )
    timeframes = {row[9] for row in body if row[9] is not None}
    assert timeframes == {"kurzfristig", "mittelfristig", "2017", "Q2/2017", "laufend"}
    ratings = [v for row in body for v in row[3:7]]
    assert None in ratings
    assert {v for v in ratings if v is not None} <= {1, 2, 3, 4, 5}


def test_one_measure_has_widely_disagreeing_raters(raw: Path) -> None:
    rows = _sheet(raw / R2 / "bewertung" / "bewertung_massnahmen.xlsx")[1:]
    impact = [row[3] for row in rows if row[0] == content.DISPUTED_MEASURE]
    q1, _, q3 = statistics.quantiles(impact, n=4, method="inclusive")
    assert q3 - q1 >= 2.0
    assert impact == list(content.DISPUTED_IMPACT)


def test_wide_rating_sheets_per_rater(raw: Path) -> None:
    contents = _contents(raw / R2 / "bewertung" / "bewertung_wide.xlsx")
    assert list(contents) == ["TN09", "TN10"]
    for rows in contents.values():
        assert rows[0] == ["Maßnahme", "Wirkung", "Aufwand"]
        assert {v for row in rows[1:] for v in row[1:] if v is not None} <= {
            "hoch",
            "mittel",
            "niedrig",
        }
    assert len(contents["TN09"]) - 1 == 14 and len(contents["TN10"]) - 1 == 12


def test_plan_draft_continues_round2_titles(raw: Path) -> None:
    rows = _sheet(raw / R3 / "massnahmenplan_entwurf.xlsx", "Maßnahmenplan")
    assert rows[2] == list(content.PLAN_HEADER)
    body = rows[3:]
    assert len(body) == 13
    assert [row[0] for row in body] == list(range(1, 14))
    rated = {m.title for m in content.MEASURES}
    assert sum(row[2] in rated for row in body) == 12
    assert {row[9] for row in body} == {"geplant", "in Vorbereitung", "begonnen"}
    assert all(
        (lo is None and hi is None) or (0 <= lo <= hi) for lo, hi in ((r[7], r[8]) for r in body)
    )


def test_no_real_names_or_contacts_from_the_seed(raw: Path) -> None:
    forbidden = ("Reimling", "Stockburger", "Sigel", "rems-murr", "Waiblingen", "07151")
    for rel in EXPECTED_FILES:
        path = raw / rel
        is_yaml = path.suffix == ".yaml"
        text = path.read_text(encoding="utf-8") if is_yaml else repr(_contents(path))
        for word in forbidden:
            assert word.lower() not in text.lower(), (rel, word)
