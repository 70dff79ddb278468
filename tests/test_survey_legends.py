"""Where the direction and range of coded survey answers come from (blind survey set, s03–s06).

Three classes of quiet misreading, each written here from scratch (csv / openpyxl):

* a SoSci values table decides direction and range per variable from its meanings (verbal
  ends tell the good end, plain numbers beyond 5 widen the scale, negative codes are no
  answer), and the variables table names the items by their LABEL whatever its column order;
* the range is decided per column: a 0–10 item beside verbal or 1–4 items keeps its 0–10;
* a legend file of its own in the round folder (code | meaning) is applied to a coded export;
  coded answers whose direction nothing tells are a warning naming file and columns.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from flueko import schema as s
from flueko.config import Workspace
from flueko.pipeline import ingest_round

ROUND = "2017-03-01_vertiefung"


def _ingest(tmp_path: Path, files: dict[str, bytes]):
    folder = tmp_path / "data" / "raw" / ROUND
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return ingest_round(Workspace.at(tmp_path), ROUND)


def _csv(rows: list[list[object]], *, delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _values(result, item: str) -> list[float]:
    """Valid values of ``item`` in file order."""
    df = result.tables["survey_responses"]
    df = df[(df[s.ITEM] == item) & df[s.VALUE].notna()]
    return [float(v) for v in df[s.VALUE]]


def _range(result, item: str) -> set[tuple[float, float]]:
    df = result.tables["survey_responses"]
    df = df[(df[s.ITEM] == item) & df[s.VALUE].notna()]
    return set(zip(df[s.SCALE_MIN], df[s.SCALE_MAX], strict=True))


def _log(result, code: str):
    return result.log[result.log[s.LOG_CODE] == code]


# --- SoSci values and variables tables ------------------------------------------------------

DATA = [
    ["CASE", "STARTED", "ZF01_01", "ZF01_02", "AN01_01", "FINISHED"],
    [1, "2017-02-15 19:13", 1, 2, "Gut organisiert, danke", 1],
    [2, "2017-02-15 19:20", 5, -9, "", 1],
    [3, "2017-02-15 19:25", 2, -1, "Zu wenig Zeit für Fragen", 1],
    [4, "2017-02-15 19:31", 1, 4, "", 1],
]
VARIABLES = [  # LABEL third, only the questionnaire's own variables listed
    ["VAR", "TYPE", "LABEL", "INPUT", "QUESTION"],
    ["ZF01_01", "ORDINAL", "Zufriedenheit: Moderation", "SC", "Wie zufrieden … Moderation?"],
    ["ZF01_02", "ORDINAL", "Zufriedenheit: Transparenz des Verfahrens", "SC", "Wie …?"],
    ["AN01_01", "TEXT", "Anmerkungen: [01]", "OPEN", "Ihre Anmerkungen"],
]
REVERSED = ["sehr zufrieden", "eher zufrieden", "teils/teils", "eher unzufrieden",
            "sehr unzufrieden"]  # fmt: skip
VALUES = [
    ["VAR", "RESPONSE", "MEANING"],
    *(
        row
        for var in ("ZF01_01", "ZF01_02")
        for row in (
            *([var, code, label] for code, label in enumerate(REVERSED, start=1)),
            [var, -1, "weiß nicht"],
            [var, -9, "nicht beantwortet"],
        )
    ),
]


def test_sosci_values_table_decides_direction_and_variables_label_names_items(
    tmp_path: Path,
) -> None:
    result = _ingest(
        tmp_path,
        {
            "data_dialog.csv": _csv(DATA, delimiter="\t", encoding="utf-16"),
            "variables_dialog.csv": _csv(VARIABLES, delimiter="\t", encoding="utf-16"),
            "values_dialog.csv": _csv(VALUES, delimiter="\t", encoding="utf-16"),
        },
    )
    items = set(result.tables["survey_responses"][s.ITEM])
    assert {"moderation", "transparenz"} <= items
    assert not any(i.startswith("ZF01") for i in items)
    # 1 = sehr zufrieden is the best answer: 5 on the 1–5 scale (higher is better)
    assert _values(result, "moderation") == [5.0, 1.0, 4.0, 5.0]
    assert _values(result, "transparenz") == [4.0, 2.0]  # -9 and -1 are no answers
    assert _range(result, "moderation") == {(1.0, 5.0)}
    assert len(_log(result, "survey_export_table")) == 2
    assert "survey_scale_assumed" not in result.log[s.LOG_CODE].tolist()


def test_sosci_seven_point_values_with_numbered_middle_widen_the_scale(tmp_path: Path) -> None:
    data = [
        ["CASE", "ZF01_01", "ZF01_02"],
        [1, 7, 1],
        [2, 6, -99],
        [3, 3, 5],
        [4, -9, 2],
    ]
    meanings = ["überhaupt nicht zufrieden", "2", "3", "4", "5", "6", "voll und ganz zufrieden"]
    values = [
        ["VAR", "RESPONSE", "MEANING"],
        *(
            row
            for var in ("ZF01_01", "ZF01_02")
            for row in (
                *([var, code, label] for code, label in enumerate(meanings, start=1)),
                [var, -99, "keine Angabe"],
                [var, -9, "nicht beantwortet"],
            )
        ),
    ]
    variables = [
        ["VAR", "TYPE", "LABEL", "INPUT"],
        ["ZF01_01", "ORDINAL", "Zufriedenheit: Moderation", "SC"],
        ["ZF01_02", "ORDINAL", "Zufriedenheit: Ergebnisse der Veranstaltung", "SC"],
    ]
    result = _ingest(
        tmp_path,
        {
            "data_x.csv": _csv(data),
            "variables_x.csv": _csv(variables),
            "values_x.csv": _csv(values),
        },
    )
    assert _values(result, "moderation") == [7.0, 6.0, 3.0]  # 6 and 7 are answers, not unknown
    assert _range(result, "moderation") == {(1.0, 7.0)}
    assert _values(result, "ergebnisse") == [1.0, 5.0, 2.0]
    assert "survey_unknown_answer" not in result.log[s.LOG_CODE].tolist()


def test_values_table_without_variables_table_still_decides_direction(tmp_path: Path) -> None:
    data = [["CASE", "Moderation", "Transparenz"], [1, 1, 2], [2, 5, 1], [3, 2, 2]]
    values = [["VAR", "RESPONSE", "MEANING"]] + [
        [var, code, label]
        for var in ("Moderation", "Transparenz")
        for code, label in enumerate(REVERSED, start=1)
    ]
    result = _ingest(tmp_path, {"data_y.csv": _csv(data), "values_y.csv": _csv(values)})
    assert _values(result, "moderation") == [5.0, 1.0, 4.0]
    assert _values(result, "transparenz") == [4.0, 5.0, 4.0]


# --- a scale per column ---------------------------------------------------------------------


def test_zero_to_ten_item_beside_verbal_items_keeps_its_own_range(tmp_path: Path) -> None:
    header = [
        "ID",
        "Moderation",
        "Informationsmaterial",
        "Wie groß war der Mehrwert? (0 = gar kein Mehrwert, 10 = sehr großer Mehrwert)",
    ]
    rows = [
        header,
        [1, "sehr zufrieden", "eher zufrieden", 7],
        [2, "eher zufrieden", "eher unzufrieden", 0],
        [3, "eher unzufrieden", "sehr zufrieden", 10],
        [4, "sehr unzufrieden", "eher zufrieden", 3],
    ]
    result = _ingest(tmp_path, {"Rückmeldung(1-4).xlsx": _xlsx(rows)})
    assert _values(result, "mehrwert") == [7.0, 0.0, 10.0, 3.0]
    assert _range(result, "mehrwert") == {(0.0, 10.0)}
    assert _range(result, "moderation") == {(1.0, 4.0)}


def test_zero_to_ten_answers_beside_a_one_to_four_legend_get_a_range_of_their_own(
    tmp_path: Path,
) -> None:
    rows = [
        ["Legende: 1 = sehr zufrieden, 2 = eher zufrieden, 3 = eher unzufrieden, "
         "4 = sehr unzufrieden"],
        ["Nr", "Gruppe", "Format", "Struktur", "Moderation", "Mehrwert der Teilnahme"],
        [1, "Kommune", 2, 2, 1, 8],
        [2, "Ehrenamt", 3, 1, 2, 0],
        [3, "Kommune", 1, 2, 4, 10],
        [4, "Ehrenamt", 2, 3, 1, 6],
    ]  # fmt: skip
    result = _ingest(tmp_path, {"abgetippt.xlsx": _xlsx(rows)})
    assert _values(result, "moderation") == [4.0, 3.0, 1.0, 4.0]
    assert _values(result, "mehrwert") == [8.0, 0.0, 10.0, 6.0]
    assert _range(result, "mehrwert") == {(0.0, 10.0)}
    note = _log(result, "survey_own_range")
    assert len(note) == 1
    assert "0–10" in note[s.LOG_MESSAGE].iloc[0]


# --- a legend file in the round folder ------------------------------------------------------

LIME = [
    ["Antwort ID", "Datum Abgeschickt",
     "Wie zufrieden waren Sie? [Moderation]", "Wie zufrieden waren Sie? [Transparenz]"],
    [1, "2017-02-15 19:21", "A1", "A2"],
    [2, "2017-02-15 19:40", "A5", "A6"],
    [3, "2017-02-15 19:52", "A2", "A1"],
]  # fmt: skip


def test_legend_file_of_answer_codes_is_applied_to_the_coded_export(tmp_path: Path) -> None:
    legend = [["Code", "Bedeutung"], *([f"A{i}", t] for i, t in enumerate(REVERSED, start=1)),
              ["A6", "weiß nicht"]]  # fmt: skip
    result = _ingest(
        tmp_path,
        {"results-survey1.csv": _csv(LIME), "Codes_Erklaerung.xlsx": _xlsx(legend)},
    )
    assert _values(result, "moderation") == [5.0, 1.0, 4.0]
    assert _values(result, "transparenz") == [4.0, 5.0]  # A6 = weiß nicht: no answer
    kinds = {f.file: sorted(set(f.kinds)) for f in result.files}
    assert kinds == {"Codes_Erklaerung.xlsx": [], "results-survey1.csv": ["survey"]}
    assert _log(result, "survey_legend_file")[s.LOG_FILE].tolist() == ["Codes_Erklaerung.xlsx"]
    assert "survey_code_direction_assumed" not in result.log[s.LOG_CODE].tolist()


def test_answer_codes_without_legend_are_a_warning_naming_file_and_columns(
    tmp_path: Path,
) -> None:
    result = _ingest(tmp_path, {"results-survey2.csv": _csv(LIME)})
    warning = _log(result, "survey_code_direction_assumed")
    assert len(warning) == 1
    row = warning.iloc[0]
    assert row[s.LOG_SEVERITY] == "warning"
    assert row[s.LOG_FILE] == "results-survey2.csv"
    assert "[Moderation]" in row[s.LOG_MESSAGE] and "höchste Code" in row[s.LOG_MESSAGE]
    assert _values(result, "moderation") == [1.0, 5.0, 2.0]  # as assumed, and said so
