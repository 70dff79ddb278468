"""Survey-tool exports and typed questionnaires, read end to end (issue 12, items 4–6).

Each fixture is written into a fresh round and ingested with :func:`flueko.pipeline.ingest_round`;
the assertions are exact: the kind of the file, the number of respondents, the share of positive
answers per item, and what the log says about metadata, legends and items of their own.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd

from flueko import schema as s
from flueko.config import Workspace
from flueko.pipeline import ingest_round

ROUND = "2017-03-01_vertiefung"

MATRIX_DE = "Wie zufrieden waren Sie mit dem Ablauf der Dialogveranstaltung? [{}]"
MATRIX_EN = "How satisfied were you with the dialogue event? [{}]"


def _ingest(tmp_path: Path, files: dict[str, bytes]):
    folder = tmp_path / "data" / "raw" / ROUND
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return ingest_round(Workspace.at(tmp_path), ROUND)


def _csv(rows: list[list[object]], *, delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    buf = io.StringIO()
    csv.writer(
        buf, delimiter=delimiter, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n"
    ).writerows(rows)
    return buf.getvalue().encode(encoding)


def _xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _shares(result) -> dict[str, float]:
    items = result.tables["survey_items"]
    total = items[items[s.GROUP].isna()]
    return {
        str(k): round(float(v), 3)
        for k, v in zip(total[s.ITEM], total[s.SHARE_POSITIVE], strict=True)
        if pd.notna(v)
    }


def _n(result) -> int:
    return int(result.tables["survey_responses"][s.RESPONDENT].nunique())


def _kinds(result) -> dict[str, list[str]]:
    return {f.file: sorted(set(f.kinds)) for f in result.files}


def _codes(result) -> list[str]:
    return result.log[s.LOG_CODE].tolist()


def _answers(result) -> set[str]:
    return set(result.tables["survey_responses"][s.ANSWER].dropna().astype(str))


# --- LimeSurvey -----------------------------------------------------------------------------

LIME_DE_HEADER = [
    "Antwort ID", "Datum Abgeschickt", "Letzte Seite", "Start-Sprache", "Zufallsstartwert",
    "IP-Adresse", "Referrer URL", "Welcher Gruppe gehören Sie an?",
    MATRIX_DE.format("Format"), MATRIX_DE.format("Moderation"), MATRIX_DE.format("Transparenz"),
    MATRIX_DE.format("Barrierefreiheit"), "Was möchten Sie uns noch mitteilen?",
]  # fmt: skip
LIME_DE_ANSWERS = [
    # format, moderation, transparenz, Barrierefreiheit (not in the dictionary)
    ("Sehr zufrieden", "Sehr zufrieden", "Zufrieden", "Zufrieden"),
    ("Zufrieden", "Zufrieden", "Unzufrieden", "Sehr zufrieden"),
    ("Teils/teils", "Sehr zufrieden", "Keine Antwort", "Teils/teils"),
    ("Unzufrieden", "Unzufrieden", "Zufrieden", "Zufrieden"),
    ("Sehr zufrieden", "Zufrieden", "Sehr zufrieden", "Unzufrieden"),
    ("Zufrieden", "Teils/teils", "Zufrieden", "Zufrieden"),
]


def _lime_de() -> bytes:
    rows: list[list[object]] = [LIME_DE_HEADER]
    for i, answers in enumerate(LIME_DE_ANSWERS, start=1):
        group = ["Verwaltung", "Ehrenamt", "Geflüchtete"][i % 3]
        comment = "Bitte an anna.muster@example.org schreiben" if i == 2 else ""
        rows.append(
            [str(100 + i), "2016-10-24 23:22:00", "2", "de", "1389703734", f"192.168.7.{i}",
             "https://www.example.org/", group, *answers, comment]
        )  # fmt: skip
    return _csv(rows, delimiter=",")


def test_limesurvey_german_export_is_a_survey_with_its_own_item(tmp_path: Path) -> None:
    result = _ingest(tmp_path, {"results-survey482913.csv": _lime_de()})
    assert _kinds(result) == {"results-survey482913.csv": ["survey"]}
    assert _n(result) == 6
    assert _shares(result) == {
        "format": 0.667,
        "moderation": 0.667,
        "transparenz": 0.8,
        "Barrierefreiheit": 0.667,
    }
    responses = result.tables["survey_responses"]
    assert set(responses[s.ITEM]) == {
        "format", "moderation", "transparenz", "Barrierefreiheit", "kommentar"
    }  # fmt: skip
    # metadata is never an item, never stored; the comment is masked
    assert not any("192.168" in a or "1389703734" in a for a in _answers(result))
    assert "anna.muster@example.org" not in " ".join(_answers(result))
    assert _codes(result).count("survey_ignored_column") == 6
    assert "survey_own_item" in _codes(result)
    assert "survey_unknown_item" not in _codes(result)


def test_limesurvey_english_export_reads_the_same(tmp_path: Path) -> None:
    header = [
        "Response ID", "Date submitted", "Last page", "Start language", "Seed",
        "Which group do you belong to?", MATRIX_EN.format("Format"),
        MATRIX_EN.format("Moderation"), MATRIX_EN.format("Transparency"),
        MATRIX_EN.format("Accessibility"), "Any further comments?",
    ]  # fmt: skip
    english = {
        "Sehr zufrieden": "Very satisfied",
        "Zufrieden": "Satisfied",
        "Teils/teils": "Neutral",
        "Unzufrieden": "Dissatisfied",
        "Keine Antwort": "N/A",
    }
    rows: list[list[object]] = [header]
    for i, answers in enumerate(LIME_DE_ANSWERS, start=1):
        group = ["Administration", "Volunteer", "Refugees"][i % 3]
        rows.append(
            [str(i), "2016-10-27 18:47:00", "2", "en", "1203426880", group,
             *(english[a] for a in answers), ""]
        )  # fmt: skip
    result = _ingest(tmp_path, {"results-survey771204.csv": _csv(rows)})
    assert _kinds(result) == {"results-survey771204.csv": ["survey"]}
    assert _n(result) == 6
    assert _shares(result) == {
        "format": 0.667,
        "moderation": 0.667,
        "transparenz": 0.8,
        "Accessibility": 0.667,
    }
    groups = result.tables["survey_responses"][s.GROUP]
    assert set(groups.dropna()) == {"Kommune", "Ehrenamt", "Geflüchtete"}


def test_limesurvey_answer_codes_are_read_and_the_assumed_direction_is_logged(
    tmp_path: Path,
) -> None:
    header = ["Antwort ID", "Datum Abgeschickt", "Welcher Gruppe gehören Sie an?",
              *(MATRIX_DE.format(k) for k in ("Format", "Struktur", "Moderation"))]  # fmt: skip
    codes = ["A5", "A4", "A4", "A2", "A5", "", "A1"]
    rows = [
        header,
        *([str(i), "2016-10-24", "A1", "A3", "A3", c] for i, c in enumerate(codes, start=1)),
    ]
    result = _ingest(tmp_path, {"results-survey1_codes.csv": _csv(rows, delimiter=";")})
    assert _kinds(result) == {"results-survey1_codes.csv": ["survey"]}
    assert _n(result) == 7
    # A4/A5 of six answers: without value labels higher codes count as better (logged)
    assert _shares(result) == {"format": 0.0, "struktur": 0.0, "moderation": 0.667}
    log = result.log[result.log[s.LOG_CODE] == "survey_scale_assumed"]
    assert len(log) == 1
    assert "höchste Zahl die beste" in log[s.LOG_MESSAGE].iloc[0]
    assert "survey_unknown_answer" not in _codes(result)


# --- SoSci Survey ---------------------------------------------------------------------------

SOSCI_DATA = [
    ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED", "GR01", "ZF01_01", "ZF01_02",
     "ZF01_03", "KO01_01", "TIME001", "TIME_SUM", "LASTDATA", "FINISHED", "LASTPAGE", "MAXPAGE"],
    [300, "", "", "dialog", "interview", "2017-02-19 05:44:00", 2, 5, 4, 2, "Mehr Zeit", 59, 159,
     "2017-02-19 05:46:39", 1, 3, 3],
    [301, "", "", "dialog", "interview", "2017-02-17 04:38:00", 1, 4, 5, 5, "", 58, 147,
     "2017-02-17 04:40:27", 1, 3, 3],
    [302, "", "", "dialog", "interview", "2017-02-21 05:18:00", 1, 4, -9, 4, "", 46, 71,
     "2017-02-21 05:19:11", 1, 3, 3],
    [303, "", "", "dialog", "interview", "2017-02-21 03:46:00", 3, 2, 4, 4, "", 60, 138,
     "2017-02-21 03:48:18", 1, 3, 3],
    [304, "", "", "dialog", "interview", "2017-02-19 10:30:00", 2, 5, 3, 1, "Gut", 58, 143,
     "2017-02-19 10:32:23", 1, 3, 3],
]  # fmt: skip
SOSCI_VARIABLES = [
    ["VAR", "LABEL", "TYPE", "INPUT"],
    ["CASE", "Interview-Nummer (fortlaufend)", "METRIC", "SYSTEM"],
    ["SERIAL", "Seriennummer (sofern verwendet)", "TEXT", "SYSTEM"],
    ["REF", "Referenz (sofern im Link angegeben)", "TEXT", "SYSTEM"],
    ["QUESTNNR", "Fragebogen, der im Interview verwendet wurde", "TEXT", "SYSTEM"],
    ["MODE", "Interview-Modus", "TEXT", "SYSTEM"],
    ["STARTED", "Zeitpunkt zu dem das Interview begonnen hat", "TIME", "SYSTEM"],
    ["GR01", "Gruppe", "NOMINAL", "SELECTION"],
    ["ZF01_01", "Zufriedenheit Ablauf: Format", "ORDINAL", "SCALE"],
    ["ZF01_02", "Zufriedenheit Ablauf: Moderation", "ORDINAL", "SCALE"],
    ["ZF01_03", "Zufriedenheit Ablauf: Kinderbetreuung", "ORDINAL", "SCALE"],
    ["KO01_01", "Kommentar: [01]", "TEXT", "OPEN"],
    ["TIME001", "Verweildauer Seite 1", "METRIC", "SYSTEM"],
    ["TIME_SUM", "Verweildauer gesamt", "METRIC", "SYSTEM"],
    ["LASTDATA", "Zeitpunkt als der Datensatz das letzte mal geändert wurde", "TIME", "SYSTEM"],
    ["FINISHED", "Wurde die Befragung abgeschlossen", "BOOL", "SYSTEM"],
    ["LASTPAGE", "Letzte bearbeitete Seite", "METRIC", "SYSTEM"],
    ["MAXPAGE", "Größte bearbeitete Seite", "METRIC", "SYSTEM"],
]
SOSCI_VALUES = [
    ["VAR", "RESPONSE", "MEANING"],
    ["GR01", 1, "Verwaltung"],
    ["GR01", 2, "Ehrenamt"],
    ["GR01", 3, "Geflüchtete"],
    *(
        row
        for var in ("ZF01_01", "ZF01_02", "ZF01_03")
        for row in ([var, 1, "sehr unzufrieden"], [var, 5, "sehr zufrieden"],
                    [var, -9, "nicht beantwortet"])
    ),
]  # fmt: skip


def _utf16_tab(rows: list[list[object]]) -> bytes:
    return _csv(rows, delimiter="\t", encoding="utf-16")


def test_sosci_export_with_variables_and_values_tables(tmp_path: Path) -> None:
    result = _ingest(
        tmp_path,
        {
            "sosci/data_dialog_2017-03-01_09-12.csv": _utf16_tab(SOSCI_DATA),
            "sosci/variables_dialog_2017-03-01_09-12.csv": _utf16_tab(SOSCI_VARIABLES),
            "sosci/values_dialog_2017-03-01_09-12.csv": _utf16_tab(SOSCI_VALUES),
        },
    )
    kinds = _kinds(result)
    assert kinds["sosci/data_dialog_2017-03-01_09-12.csv"] == ["survey"]
    # the tables themselves contribute nothing and are no error
    assert kinds["sosci/variables_dialog_2017-03-01_09-12.csv"] == []
    assert kinds["sosci/values_dialog_2017-03-01_09-12.csv"] == []
    assert all(f.ok for f in result.files)
    assert _codes(result).count("survey_export_table") == 2
    assert _n(result) == 5
    # labels from the variables table: built-in aspects and one of its own; -9 is no answer
    assert _shares(result) == {"format": 0.8, "Kinderbetreuung": 0.6}
    items = result.tables["survey_items"]
    moderation = items[(items[s.ITEM] == "moderation") & items[s.GROUP].isna()]
    assert moderation[s.SUPPRESSED].tolist() == ["n < 5"]  # four valid answers beside one -9
    responses = result.tables["survey_responses"]
    assert responses.loc[responses[s.ANSWER] == "-9", s.EXCLUDED].tolist() == ["keine_angabe"]
    # group codes read through the values table
    assert set(responses[s.GROUP].dropna()) == {"Kommune", "Ehrenamt", "Geflüchtete"}
    assert "survey_scale_assumed" not in _codes(result)
    assert not any(c.startswith("TIME") for c in responses[s.ITEM])
    assert set(result.log[s.LOG_SEVERITY]) <= {"info"}


# --- Forms ----------------------------------------------------------------------------------


def test_microsoft_forms_export_drops_email_and_name(tmp_path: Path) -> None:
    header = ["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name",
              "Welcher Gruppe gehören Sie an?", "Wie bewerten Sie die Moderation?",
              "Format der Veranstaltung", "Transparenz des Verfahrens",
              "Was möchten Sie uns noch sagen?"]  # fmt: skip
    answers = [
        ("Sehr zufrieden", "Zufrieden", "Zufrieden", "Gerne wieder"),
        ("Zufrieden", "Sehr zufrieden", "Teils/teils", ""),
        ("Unzufrieden", "Zufrieden", "Zufrieden", ""),
        ("Sehr zufrieden", "Teils/teils", "Sehr unzufrieden", "Mehr Pausen"),
        ("Zufrieden", "Zufrieden", "Zufrieden", ""),
    ]
    rows: list[list[object]] = [header]
    for i, (a, b, c, comment) in enumerate(answers, start=1):
        rows.append([i, f"2017-02-18 04:{i:02d}:00", f"2017-02-18 04:{i + 5:02d}:00",
                     f"person{i}@example.org", f"Erika Muster{i}", "Verwaltung", a, b, c,
                     comment])  # fmt: skip
    result = _ingest(tmp_path, {"Rückmeldebogen(1-5).xlsx": _xlsx({"Sheet1": rows})})
    assert _kinds(result) == {"Rückmeldebogen(1-5).xlsx": ["survey"]}
    assert _n(result) == 5
    assert _shares(result) == {"format": 0.8, "moderation": 0.8, "transparenz": 0.6}
    text = " ".join(_answers(result)) + " ".join(result.log[s.LOG_MESSAGE])
    assert "example.org" not in text and "Muster" not in text
    comments = result.tables["survey_responses"]
    assert comments.loc[comments[s.ITEM] == "kommentar", s.ANSWER].tolist() == [
        "Gerne wieder", "Mehr Pausen"
    ]  # fmt: skip


def test_google_forms_export_with_grid_and_free_text(tmp_path: Path) -> None:
    grid = "Bitte bewerten Sie den Ablauf der Veranstaltung [{}]"
    header = ["Zeitstempel", "Ich nehme teil als ...", grid.format("Format"),
              grid.format("Moderation"), grid.format("Struktur"), grid.format("Verpflegung"),
              "Was hat Ihnen besonders gefallen?"]  # fmt: skip
    data = [("5", "4", "4", "3", "Die offene Atmosphäre"), ("4", "5", "5", "5", ""),
            ("2", "4", "3", "4", "Austausch mit anderen Akteuren"), ("5", "3", "4", "5", ""),
            ("4", "4", "5", "2", "Die Moderation")]  # fmt: skip
    rows = [header] + [
        [f"2016/10/23 7:3{i}:00 nachm. OEZ", "Ehrenamt", *d] for i, d in enumerate(data)
    ]
    result = _ingest(tmp_path, {"Rückmeldung (Antworten).csv": _csv(rows)})
    assert _kinds(result) == {"Rückmeldung (Antworten).csv": ["survey"]}
    assert _n(result) == 5
    assert _shares(result) == {
        "format": 0.8, "struktur": 0.8, "moderation": 0.8, "Verpflegung": 0.6
    }  # fmt: skip
    responses = result.tables["survey_responses"]
    assert responses.loc[responses[s.ITEM] == "kommentar", s.ANSWER].tolist() == [
        "Die offene Atmosphäre", "Austausch mit anderen Akteuren", "Die Moderation"
    ]  # fmt: skip
    # a numeric scale without legend: the assumed direction is said
    assert "survey_scale_assumed" in _codes(result)


# --- typed questionnaires -------------------------------------------------------------------


def test_questionnaire_with_items_outside_the_dictionary(tmp_path: Path) -> None:
    header = ["Lfd. Nr.", "Gruppe", "Die Räumlichkeiten waren angemessen",
              "Die Kinderbetreuung vor Ort hat mir die Teilnahme ermöglicht",
              "Moderation", "Format", "Anmerkungen"]  # fmt: skip
    answers = [
        ("trifft voll zu", "trifft eher zu", "trifft voll zu", "trifft eher zu"),
        ("trifft eher zu", "trifft eher nicht zu", "trifft voll zu", "teils/teils"),
        ("teils/teils", "trifft voll zu", "trifft eher zu", "trifft eher zu"),
        ("trifft eher nicht zu", "trifft voll zu", "teils/teils", "trifft voll zu"),
        ("trifft voll zu", "trifft gar nicht zu", "trifft voll zu", "trifft eher nicht zu"),
        ("trifft eher zu", "trifft eher zu", "trifft eher zu", "trifft voll zu"),
    ]
    rows = [header] + [
        [str(i), "Ehrenamt" if i % 2 else "Verwaltung", *a, "Parkplätze fehlten" if i == 3 else ""]
        for i, a in enumerate(answers, start=1)
    ]
    result = _ingest(tmp_path, {"Rueckmeldung_Rahmen.csv": _csv(rows, delimiter=";",
                                                               encoding="cp1252")})  # fmt: skip
    assert _kinds(result) == {"Rueckmeldung_Rahmen.csv": ["survey"]}
    assert _n(result) == 6
    assert _shares(result) == {
        "format": 0.667,
        "moderation": 0.833,
        "Die Räumlichkeiten waren angemessen": 0.667,
        "Die Kinderbetreuung vor Ort hat mir die …": 0.667,
    }
    items = result.tables["survey_items"]
    groups = items[items[s.ITEM] == "Die Räumlichkeiten waren angemessen"]
    # the same small-group protection as the built-in aspects: 3 + 3 answers
    assert groups[s.SUPPRESSED].fillna("").tolist() == ["", "n < 5", "n < 5"]


LEGEND_ROWS = [
    ["Auswertung Rückmeldebögen Auftaktveranstaltung 20.10.2016"],
    ["Legende: 1 = sehr gut, 2 = gut, 3 = mittel, 4 = weniger gut, 5 = schlecht"],
    ["Teilnehmer-Nr.", "Gruppe", "1. Format", "2. Moderation", "3. Transparenz"],
    [1, "Verwaltung", 2, 1, 4],
    [2, "Verwaltung", 1, 1, 2],
    [3, "Ehrenamt", 3, 2, 5],
    [4, "Ehrenamt", 1, 4, 1],
    [5, "Geflüchtete", 2, 1, 3],
    [6, "Geflüchtete", 4, 2, 2],
    ["Mittelwert", None, 2.17, 1.83, 2.83],
    ["Anzahl", None, 6, 6, 6],
]


def test_legend_row_makes_1_the_best_answer_and_summary_rows_are_no_respondents(
    tmp_path: Path,
) -> None:
    result = _ingest(tmp_path, {"Auswertung.xlsx": _xlsx({"Rückmeldebogen": LEGEND_ROWS})})
    assert _kinds(result) == {"Auswertung.xlsx": ["survey"]}
    assert _n(result) == 6
    assert _shares(result) == {"format": 0.667, "moderation": 0.833, "transparenz": 0.5}
    assert _codes(result).count("survey_summary_row") == 2
    assert "survey_scale_assumed" not in _codes(result)
    responses = result.tables["survey_responses"]
    assert set(responses[s.RESPONDENT]) == {"1", "2", "3", "4", "5", "6"}


def test_legend_sheet_with_four_points(tmp_path: Path) -> None:
    data = [
        ["Bogen-Nr.", "Arbeitskreis", "Struktur des Workshops", "Moderation", "Ergebnisse"],
        [1, "AK Freizeit", 1, 2, 2],
        [2, "AK Arbeit", 3, 2, 1],
        [3, "AK Arbeit", 3, 4, 2],
        [4, "AK Wohnen", 4, 2, 1],
        [5, "AK Freizeit", 1, 3, None],
        [6, "AK Wohnen", 2, 1, 3],
        ["Durchschnitt", None, 2.33, 2.33, 1.8],
    ]
    legend = [["Wert", "Bedeutung"], [1, "sehr zufrieden"], [2, "zufrieden"],
              [3, "weniger zufrieden"], [4, "unzufrieden"], ["leer", "keine Angabe"]]  # fmt: skip
    result = _ingest(
        tmp_path, {"Rueckmeldeboegen_Eingabe.xlsx": _xlsx({"Eingabe": data, "Legende": legend})}
    )
    assert _kinds(result) == {"Rueckmeldeboegen_Eingabe.xlsx": ["survey"]}
    assert all(f.ok for f in result.files)
    assert _n(result) == 6
    assert _shares(result) == {"struktur": 0.5, "moderation": 0.667, "ergebnisse": 0.8}
    assert "survey_legend_sheet" in _codes(result)
    responses = result.tables["survey_responses"]
    assert set(responses[s.SCALE_MAX].dropna()) == {4.0}


# --- summaries and charts of items outside the dictionary -----------------------------------


def test_own_item_keeps_the_range_it_was_read_on_and_is_charted_under_its_label() -> None:
    from flueko.analyse.survey_stats import distribution, summarise_items
    from flueko.config import load_settings
    from flueko.report.charts.survey import diverging_bars

    items = load_settings("survey_items.yaml")
    values = [4.0, 3.0, 2.0, 1.0, 4.0, 3.0]
    responses = pd.DataFrame(
        {
            s.ROUND: "r",
            s.RESPONDENT: [str(i) for i in range(6)],
            s.GROUP: None,
            s.ITEM: "Kinderbetreuung",
            s.ANSWER: ["1", "2", "3", "4", "1", "2"],  # a 4-point legend: 1 = sehr zufrieden
            s.VALUE: values,
            s.SCALE_MIN: 1.0,
            s.SCALE_MAX: 4.0,
            s.EXCLUDED: None,
            s.SOURCE_FILE: "f.xlsx",
            s.SOURCE_SHEET: "Eingabe",
            s.SOURCE_CELL: [f"C{i + 2}" for i in range(6)],
        }
    )
    table = summarise_items(responses, items=items)
    total = table[table[s.GROUP].isna()].iloc[0]
    assert (total[s.N_VALID], total[s.N_POSITIVE]) == (6, 4)  # 3 and 4 of 1..4
    dist = distribution(responses, items=items)
    assert dist[CATEGORY_COL].tolist() == [
        "sehr unzufrieden", "eher unzufrieden", "eher zufrieden", "sehr zufrieden"
    ]  # fmt: skip
    fig = diverging_bars(dist, item_labels={})
    assert {y for trace in fig.data for y in trace.y} == {"Kinderbetreuung"}


CATEGORY_COL = "category"


def test_sosci_export_written_as_utf16_without_byte_order_mark(tmp_path: Path) -> None:
    def bomless(rows: list[list[object]]) -> bytes:
        return _csv(rows, delimiter="\t", encoding="utf-16-le")

    result = _ingest(
        tmp_path,
        {
            "data_dialog.csv": bomless(SOSCI_DATA),
            "variables_dialog.csv": bomless(SOSCI_VARIABLES),
            "values_dialog.csv": bomless(SOSCI_VALUES),
        },
    )
    assert _kinds(result)["data_dialog.csv"] == ["survey"]
    assert _n(result) == 5
    assert _shares(result) == {"format": 0.8, "Kinderbetreuung": 0.6}


# --- legends, summary rows and the report's note, one by one -------------------------------


def test_summary_rows_and_respondent_rows_told_apart() -> None:
    from flueko.ingest.survey_sources import is_summary_row

    assert is_summary_row(["Mittelwert", None, 1.83])
    assert is_summary_row(["Anzahl:", None, 18])
    assert is_summary_row(["n", None, 18])
    assert is_summary_row(["Ø", 2.3])
    assert not is_summary_row(["Max Müller", "Verwaltung", 2])  # a name, not "max"
    assert not is_summary_row(["Gesamtschule", 2])
    assert not is_summary_row([17, "Geflüchtete", 2])


def test_only_a_code_label_table_is_a_legend_sheet() -> None:
    from flueko.ingest.survey_sources import legend_table
    from flueko.sheet import make_sheet

    legend = [["Wert", "Bedeutung"], [1, "sehr gut"], [2, "gut"], [3, "mittel"], [5, "schlecht"]]
    assert legend_table(make_sheet(legend, name="Tabelle2")) == [
        (1, "sehr gut"), (2, "gut"), (3, "mittel"), (5, "schlecht")
    ]  # fmt: skip
    # numbered cards are no legend, whatever the sheet is called
    cards = [["Nr.", "Karte"], [1, "Mehr Sprachkurse"], [2, "Wohnungen fehlen"], [3, "Paten"]]
    assert legend_table(make_sheet(cards, name="Tabelle2")) == []
    assert legend_table(make_sheet(cards, name="Werte")) == []


def test_report_names_the_files_read_with_an_assumed_direction() -> None:
    from flueko.report.sections_survey import scale_assumed

    log = pd.DataFrame(
        {
            s.LOG_FILE: ["a.csv", "a.csv", "b.xlsx"],
            s.LOG_SHEET: ["", "", "Eingabe"],
            s.LOG_CELL: ["", "", ""],
            s.LOG_SEVERITY: ["info"] * 3,
            s.LOG_CODE: ["survey_scale_assumed", "survey_scale_assumed", "survey_scale_assumed"],
            s.LOG_MESSAGE: ["…"] * 3,
        }
    )
    assert scale_assumed(log) == ["a.csv", "b.xlsx, Blatt Eingabe"]
    assert scale_assumed(log.iloc[0:0]) == []
