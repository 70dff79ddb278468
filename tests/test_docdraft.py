"""The draft of the programme documentation: sections, numbers, escaping, privacy, files."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from flueko import schema as s
from flueko.report.docdraft import documentation_markdown
from flueko.report.docdraft_render import TODO, documentation_html, escape_md
from flueko.report.docdraft_sections import RoundData

REPO = Path(__file__).resolve().parent.parent

FIELD_LABELS = {
    "wohnen": "Wohnen",
    "bildung": "Bildung/Ausbildung",
    "sprache": "Sprache",
    "arbeit": "Arbeit",
    "freizeit": "Freizeit",
    "sonstiges": "Sonstiges",
}
QUESTION_LABELS = {
    "probleme": "Wo sind die Probleme in der Praxis?",
    "gelingen": "Warum gelingt Integration (nicht)?",
    "handlungsspielraum": "Was können wir tun?",
    "aktivitaeten": "Welche konkreten Aktivitäten können wir starten?",
    "vorschlaege_kommunen": "Was können wir den Kommunen vorschlagen?",
}
ITEM_LABELS = {"moderation": "Moderation", "ergebnisse": "Ergebnisse", "format": "Format"}

XSS = "<script>alert(1)</script>"


def _contributions() -> pd.DataFrame:
    rows = [
        # group, question, field, votes, card, idea, text
        ("AK Wohnen", "probleme", "wohnen", 4, "K1", "K1-1", "Zu wenig Wohnraum"),
        ("AK Wohnen", "probleme", "wohnen", 4, "K1", "K1-2", "Mieten zu hoch"),
        ("AK Wohnen", "aktivitaeten", "wohnen", 1, "K2", "K2-1", "Wohnraumbörse"),
        ("AK Arbeit", "gelingen", "arbeit", 6, "K3", "K3-1", "Betriebe informieren"),
        ("AK Arbeit", "aktivitaeten", "sprache", 2, "K4", "K4-1", "Berufssprachkurse"),
    ]
    df = pd.DataFrame(
        rows, columns=[s.GROUP, s.QUESTION, s.FIELD, s.VOTES, s.CARD_ID, s.IDEA_ID, s.TEXT]
    )
    return s.conform(df.assign(**{s.ROUND: "r1"}), "contributions")


def _rated_measures() -> pd.DataFrame:
    rows = [
        # id, field, title, quadrant, score, rank, idea_ids
        ("M-c", "arbeit", "Info-Abende für Betriebe", "quick_win", 0.8, 2, "K3-1"),
        ("M-a", "sprache", XSS, "grosses_vorhaben", 0.9, 1, "K4-1; K1-1; K1-2"),
        ("M-d", "wohnen", "Wohnraumbörse & Mieterführerschein", "quick_win", 0.5, 4, "K2-1"),
        ("M-b", "wohnen", "Mieterführerschein", "kleiner_schritt", 0.7, 3, None),
    ]
    df = pd.DataFrame(
        rows, columns=[s.MEASURE_ID, s.FIELD, s.TITLE, s.QUADRANT, s.SCORE, s.RANK, s.IDEA_IDS]
    )
    return s.conform(df.assign(**{s.ROUND: "r2"}), "measures")


def _survey_items() -> pd.DataFrame:
    rows = [
        # item, group, n_valid, n_excluded, n_positive, share, suppressed
        ("moderation", None, 20, 2, 15, 0.75, None),
        ("ergebnisse", None, 20, 1, 9, 0.45, None),
        ("format", None, 4, 0, 3, 0.75, None),  # too few answers overall
        ("moderation", "Kommune", 8, 0, 7, 0.875, None),  # a group: not in the draft
        # a suppressed row that (wrongly) still carries a value: must not be shown
        ("ergebnisse", "Geflüchtete", 3, 0, 2, 0.6666, "n < 5"),
    ]
    df = pd.DataFrame(
        rows,
        columns=[
            s.ITEM,
            s.GROUP,
            s.N_VALID,
            s.N_EXCLUDED,
            s.N_POSITIVE,
            s.SHARE_POSITIVE,
            s.SUPPRESSED,
        ],
    )
    return s.conform(df.assign(**{s.ROUND: "r2"}), "survey_items")


def _plan() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            s.MEASURE_ID: ["M-a", "M-b", "M-c", "M-d"],
            s.TITLE: ["A", "B", "C", "D"],
            s.STATUS: ["offen", "in_umsetzung", "offen", None],
        }
    )
    return s.conform(df.assign(**{s.ROUND: "r3"}), "measures")


def _rounds() -> dict[str, RoundData]:
    return {
        "r3": RoundData(
            "r3",
            {
                "title": "Erweiterter Workshop",
                "date": "2017-02-15",
                "kind": "Erweitert",
                "participants": {"Kreisräte": 6, "Kommunen": 7},
                "costs": {"Moderation": 1200, "Verpflegung": 360},
            },
            {"measures": _plan()},
        ),
        "r1": RoundData(
            "r1",
            {
                "title": "Auftaktveranstaltung",
                "date": "2016-10-20",
                "district": "Landkreis <b>Remstal</b>",
                "kind": "Auftakt",
                "participants": {"Kommunen": 8, "Ehrenamt": 6, "Geflüchtete": 27},
                "costs": {"Moderation": 2500, "Verpflegung": 850},
            },
            {"contributions": _contributions()},
        ),
        "r2": RoundData(
            "r2",
            {
                "title": "Vertiefung",
                "date": "2016-12-07",
                "kind": "Vertiefung",
                "participants": {"Kommunen": 6, "Kammern": 3},
                "costs": {"Moderation": 1800, "Material": 420},
            },
            {"measures": _rated_measures(), "survey_items": _survey_items()},
        ),
    }


def _md(rounds: dict[str, RoundData] | None = None, **kw) -> str:
    return documentation_markdown(
        _rounds() if rounds is None else rounds,
        field_labels=FIELD_LABELS,
        question_labels=QUESTION_LABELS,
        item_labels=ITEM_LABELS,
        **kw,
    )


def _section(md: str, heading: str) -> str:
    """The text of the level-2 section ``heading`` up to the next level-2 heading."""
    start = md.index(f"## {heading}\n")
    end = md.find("\n## ", start + 1)
    return md[start : end if end >= 0 else len(md)]


@pytest.fixture(scope="module")
def md() -> str:
    return _md()


@pytest.fixture(scope="module")
def page(md) -> str:
    return documentation_html(md, title="Dokumentation <Entwurf>")


def test_sections_follow_the_form_in_order(md):
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == [
        "Angaben zur Kommune",
        "Veranstaltungskonzept",
        "Ausgangssituation / Anlass",
        "Beratung und Moderation",
        "Themenfelder",
        "Beteiligte Akteure",
        "Bewertung des Ablaufs und der Ergebnisse",
        "Konkrete Ergebnisse, Maßnahmen und nächste Schritte",
        "Kosten und Effizienz",
        "Empfehlungen und sonstige Rückmeldungen",
    ]
    assert md.startswith("# Dokumentation Kommunaler Flüchtlingsdialog – Entwurf\n")
    assert "### Drei wichtige Ergebnisse bzw. Maßnahmen" in md


def test_municipality_district_escaped_contacts_open(md):
    sec = _section(md, "Angaben zur Kommune")
    assert r"| Landkreis | Landkreis \<b\>Remstal\</b\> |" in sec
    assert f"| E-Mail der Kontaktperson | {TODO} |" in sec
    assert sec.count(TODO) == 6


def test_concept_schedule_questions_and_groups(md):
    sec = _section(md, "Veranstaltungskonzept")
    schedule = [line for line in sec.splitlines() if line.startswith("- **")]
    assert schedule == [
        "- **20. Oktober 2016** – Auftakt: Auftaktveranstaltung (41 Personen)",
        "- **7. Dezember 2016** – Vertiefung (9 Personen)",
        "- **15. Februar 2017** – Erweitert: Erweiterter Workshop (13 Personen)",
    ]
    assert "1. Wo sind die Probleme in der Praxis? – 2 Beiträge" in sec
    assert "2. Warum gelingt Integration (nicht)? – 1 Beitrag" in sec
    assert "3. Was können wir tun? – 0 Beiträge" in sec
    assert "4. Welche konkreten Aktivitäten können wir starten? – 2 Beiträge" in sec
    assert "Auftaktveranstaltung: 2 Arbeitskreise mit zusammen 5 Beiträgen" in sec
    assert "- AK Arbeit – 2 Beiträge\n- AK Wohnen – 3 Beiträge" in sec


def test_fields_counted_most_first(md):
    sec = _section(md, "Themenfelder")
    assert "Diskutierte Handlungsfelder: Wohnen, Sprache, Arbeit." in sec
    assert "| Wohnen | 3 | 60\xa0% |" in sec
    assert "| Arbeit | 1 | 20\xa0% |" in sec
    assert "| Sprache | 1 | 20\xa0% |" in sec
    assert "| **Summe** | **5** | 100\xa0% |" in sec


def test_actors_per_round_and_total(md):
    sec = _section(md, "Beteiligte Akteure")
    assert "| Teilnehmergruppe | Auftakt | Vertiefung | Erweitert | Gesamt |" in sec
    assert "| Kommunen | 8 | 6 | 7 | 21 |" in sec
    assert "| Geflüchtete | 27 | – | – | 27 |" in sec
    assert "| Kreisräte | – | – | 6 | 6 |" in sec
    assert "| **Summe** | **41** | **9** | **13** | **63** |" in sec
    assert "Auftakt: 41; Vertiefung: 9; Erweitert: 13." in sec


def test_evaluation_overall_shares_and_suppression(md):
    sec = _section(md, "Bewertung des Ablaufs und der Ergebnisse")
    assert "| Aspekt | Vertiefung |" in sec
    assert "| Moderation | 75\xa0% (n = 20) |" in sec
    assert "| Ergebnisse | 45\xa0% (n = 20) |" in sec
    assert "| Format | nicht ausgewiesen (n < 5) |" in sec
    assert "Rückmeldebögen je Runde: Vertiefung: 22." in sec
    # group rows are not part of the draft; suppressed and small values never appear
    assert "88\xa0%" not in sec and "67\xa0%" not in sec and "Geflüchtete" not in sec
    assert "(n = 4)" not in sec and "(n = 3)" not in sec
    assert sec.index("### Zufriedenheit mit dem Ablauf") < sec.index("| Moderation |")
    assert sec.index("### Zufriedenheit mit den Ergebnissen") < sec.index("| Ergebnisse |")


def test_min_group_size_is_a_parameter():
    sec = _section(_md(min_group_size=25), "Bewertung des Ablaufs und der Ergebnisse")
    assert "| Moderation | nicht ausgewiesen (n < 25) |" in sec
    assert "75\xa0%" not in sec


def test_suppressed_overall_row_shows_no_value():
    rounds = _rounds()
    items = rounds["r2"].tables["survey_items"].copy()
    items.loc[items[s.ITEM].eq("moderation") & items[s.GROUP].isna(), s.SUPPRESSED] = "n < 5"
    r2 = RoundData("r2", rounds["r2"].meta, {**rounds["r2"].tables, "survey_items": items})
    sec = _section(_md({**rounds, "r2": r2}), "Bewertung des Ablaufs und der Ergebnisse")
    assert "| Moderation | nicht ausgewiesen |" in sec
    assert "75\xa0%" not in sec


def test_top_three_by_rank_with_idea_counts(md):
    sec = _section(md, "Konkrete Ergebnisse, Maßnahmen und nächste Schritte")
    top = re.findall(r"^(\d)\. \*\*(.+?)\*\* – Handlungsfeld: (.+?);.*?Rang (\d+); "
                     r"Ideen aus den Workshops: (\d+)$", sec, flags=re.M)  # fmt: skip
    assert top == [
        ("1", r"\<script\>alert(1)\</script\>", "Sprache", "1", "3"),
        ("2", "Info-Abende für Betriebe", "Arbeit", "2", "1"),
        ("3", "Mieterführerschein", "Wohnen", "3", "0"),
    ]
    assert "Quadrant: Quick Wins (hohe Wirkung, geringer Aufwand)" in sec
    assert "Wohnraumbörse" not in sec.split("### Wirkung")[0]
    assert "Die drei bestplatzierten Maßnahmen der Bewertung (Vertiefung):" in sec


def test_plan_status_counts(md):
    sec = _section(md, "Konkrete Ergebnisse, Maßnahmen und nächste Schritte")
    assert "Stand des Maßnahmenplans (Erweitert): 4 Maßnahmen." in sec
    assert "| offen | 2 |\n| in Umsetzung | 1 |\n| ohne Status | 1 |\n| **Summe** | **4** |" in sec


def test_fallback_most_voted_cards_when_nothing_rated():
    rounds = _rounds()
    del rounds["r2"], rounds["r3"]
    sec = _section(_md(rounds), "Konkrete Ergebnisse, Maßnahmen und nächste Schritte")
    assert "Noch keine Bewertung in den Daten – die drei Karten mit den meisten Klebepunkten:" in (
        sec
    )
    items = re.findall(r"^\d\. \*\*(.+?)\*\* – .*Klebepunkte: (\d+); Ideen.*: (\d+)$", sec, re.M)
    # the split card K1 keeps its 4 votes once (not 8) and counts two ideas
    assert items == [
        ("Betriebe informieren", "6", "1"),
        ("Zu wenig Wohnraum; Mieten zu hoch", "4", "2"),
        ("Berufssprachkurse", "2", "1"),
    ]
    assert "Noch kein Maßnahmenplan mit Umsetzungsstand in den Daten." in sec


def test_fallback_most_voted_candidate_measures():
    cand = s.conform(
        pd.DataFrame(
            {
                s.MEASURE_ID: ["M-1", "M-2", "M-3", "M-4"],
                s.FIELD: ["wohnen", "arbeit", "sprache", "freizeit"],
                s.TITLE: ["Eins", "Zwei", "Drei", "Vier"],
                s.VOTES: [2, 9, 5, 5],
                s.IDEA_IDS: ["a", "b; c", None, "d"],
            }
        ),
        "measures",
    )
    rounds = {"r1": RoundData("r1", {}, {"measures": cand})}
    sec = _section(_md(rounds), "Konkrete Ergebnisse, Maßnahmen und nächste Schritte")
    items = re.findall(r"^\d\. \*\*(.+?)\*\* – .*Klebepunkte: (\d+); Ideen.*: (\d+)$", sec, re.M)
    assert items == [("Zwei", "9", "2"), ("Drei", "5", "0"), ("Vier", "5", "1")]


def test_costs_per_round_total_and_per_participant(md):
    sec = _section(md, "Kosten und Effizienz")
    assert "(laut round.yaml): 7.130\xa0€ insgesamt." in sec
    assert "| Auftakt | 3.350\xa0€ | 41 | 82\xa0€ |" in sec
    assert "| Vertiefung | 2.220\xa0€ | 9 | 247\xa0€ |" in sec
    assert "| Erweitert | 1.560\xa0€ | 13 | 120\xa0€ |" in sec
    assert "| **Summe** | **7.130\xa0€** | 63 | 113\xa0€ |" in sec
    items = "| Moderation | 5.500\xa0€ |\n| Verpflegung | 1.210\xa0€ |\n| Material | 420\xa0€ |"
    assert items in sec


def test_recommendations_left_to_the_office(md):
    assert TODO in _section(md, "Empfehlungen und sonstige Rückmeldungen")


def test_empty_workspace_still_gives_every_section():
    md = _md({})
    assert md.count("\n## ") == 10
    assert "Keine Rückmeldebögen in den Daten." in md
    assert "Keine Maßnahmen oder Karten in den Daten." in md
    assert "In round.yaml sind keine Kosten angegeben." in md


def test_deterministic_and_independent_of_mapping_order(md):
    assert _md(dict(reversed(list(_rounds().items())))) == md


def test_inputs_not_mutated():
    rounds = _rounds()
    before = {k: {n: t.copy() for n, t in r.tables.items()} for k, r in rounds.items()}
    _md(rounds)
    for k, r in rounds.items():
        for n, t in r.tables.items():
            pd.testing.assert_frame_equal(t, before[k][n])


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a <b> & c", r"a \<b\> \& c"),
        ("# Titel", r"\# Titel"),
        ("- Punkt", r"\- Punkt"),
        ("3. Platz", r"3\. Platz"),
        ("*fett* _kursiv_ [x](y) a|b `c`", r"\*fett\* \_kursiv\_ \[x\](y) a\|b 'c'"),
        ("zwei\nZeilen  hier", "zwei Zeilen hier"),
        (None, "–"),
    ],
)
def test_escape_md(raw, escaped):
    assert escape_md(raw) == escaped


def test_html_escapes_user_text_and_raw_html(page):
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "Landkreis &lt;b&gt;Remstal&lt;/b&gt;" in page
    assert "Wohnraumbörse &amp; Mieterführerschein" not in page  # rank 4: not in the top three
    raw = documentation_html("Text <img src=x onerror=alert(1)> ![b](https://x/y.png)", title="t")
    assert "<img" not in raw and "&lt;img src=x onerror=alert(1)&gt;" in raw


def test_html_is_self_contained_german_and_printable(page):
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<title>Dokumentation &lt;Entwurf&gt;</title>" in page
    assert "@media print" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page, flags=re.I)
    assert "https://" not in page and "http://" not in page
    assert "<link" not in page and "<script" not in page
    assert "<h2>Kosten und Effizienz</h2>" in page
    assert "<strong>7.130\xa0€</strong>" in page
    assert "<mark>[bitte ergänzen]</mark>" in page
    assert "<table>" in page and "<th>Teilnehmergruppe</th>" in page


def test_write_documentation_on_the_demo_workspace(tmp_path):
    from flueko.config import Workspace
    from flueko.pipeline import ingest_round, write_result
    from flueko.report.outputs import write_documentation

    shutil.copytree(REPO / "data" / "raw", tmp_path / "data" / "raw")
    ws = Workspace.at(tmp_path)
    for r in sorted(ws.rounds()):
        write_result(ws, ingest_round(ws, r))
    paths = write_documentation(ws)
    assert paths == [ws.reports / "dokumentation.md", ws.reports / "dokumentation.html"]
    md, page = (p.read_text(encoding="utf-8") for p in paths)
    assert "(41 Personen)" in md and "| **Summe** | **41** |" in md
    assert "Auftakt: 41;" in page
    assert "Landkreis Remstal" in md
    assert "7.130\xa0€" in md
    assert "<script" not in page.lower() and "http" not in page
    first = [p.read_bytes() for p in paths]
    assert [p.read_bytes() for p in write_documentation(ws)] == first  # deterministic


@settings(max_examples=200, deadline=None)
@example("<script>alert(1)</script>")
@example("![a](http://x) [b](c) <http://x.de> &amp; &#60; \\*x\\*")
@example("1. x")
@example("[bitte ergänzen]")
@example("# x | y ~~z~~ _a_ **b**")
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_escaped_text_renders_literally(text):
    """Whatever a user types comes out of the renderer as the same text, never as markup."""
    page = documentation_html(f"- {escape_md(text)}\n", title="t")
    body = page.split("<body>\n", 1)[1].rsplit("</body>", 1)[0]
    expected = " ".join(text.split()).replace("`", "'")
    if not expected:
        return
    m = re.fullmatch(r"<ul>\n<li>(.*)</li>\n</ul>\n", body, flags=re.S)
    assert m, body
    assert "<" not in m.group(1)
    assert html.unescape(m.group(1)) == expected


def test_groups_as_round_yaml_spells_them_and_sonstiges_is_no_discussed_field():
    from flueko.report.docdraft_sections import concept_section, fields_section

    rows = [("AK Bildung Ausbildung", "bildung"), ("AK Wohnen", "sonstiges"), (None, "wohnen")]
    df = pd.DataFrame(
        {
            s.GROUP: [g for g, _ in rows],
            s.FIELD: [f for _, f in rows],
            s.TEXT: ["a", "b", "c"],
            s.IDEA_ID: ["1", "2", "3"],
            s.ROUND: "r1",
        }
    )
    meta = {
        "title": "Auftakt",
        "date": "2016-10-20",
        "working_groups": {"AK Bildung/Ausbildung": 3},
    }
    rounds = [RoundData("r1", meta, {"contributions": s.conform(df, "contributions")})]
    concept = "\n".join(concept_section(rounds, question_labels=QUESTION_LABELS))
    assert "- AK Bildung/Ausbildung – 1 Beitrag" in concept
    assert "- AK Wohnen – 1 Beitrag" in concept and "- ohne Arbeitskreis – 1 Beitrag" in concept
    assert "- **20. Oktober 2016** – Auftakt" in concept
    fields = "\n".join(fields_section(rounds, field_labels=FIELD_LABELS))
    assert "Diskutierte Handlungsfelder: Wohnen, Bildung/Ausbildung." in fields
    assert "| Sonstiges | 1 |" in fields  # still counted in the table
