"""Tests for flueko.ingest.survey (header matching, parsing) and flueko.analyse.survey_stats
(summaries, small-group protection)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from flueko import schema
from flueko.analyse import survey_stats
from flueko.config import load_settings
from flueko.ingest import survey
from flueko.sheet import make_sheet

ITEMS = load_settings("survey_items.yaml")
LIMIT = "n < 5"


# --- match_item ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("F1[format] Wie zufrieden waren Sie mit dem Format?", "format"),
        ("F3[moderation] Wie zufrieden waren Sie mit dem Format?", "moderation"),
        ("format", "format"),
        ("Moderation", "moderation"),
        ("Fairer und respektvoller Umgang", "umgang"),
        ("Wie fair und respektvoll war der Umgang miteinander?", "umgang"),
        ("Fühlten Sie sich wertschätzend behandelt?", "umgang"),
        ("Wie zufrieden waren Sie mit der Modaration?", "moderation"),
        ("Qualität der Diskussion", "diskussionsqualitaet"),
        ("Haben Sie etwas Neues gelernt?", "erkenntnisse"),
        ("Hat sich die Teilnahme für Sie gelohnt?", "mehrwert"),
        ("Wie informativ waren die Unterlagen?", "informationsmaterial"),
        ("Wie gut war die Veranstaltung strukturiert?", "struktur"),
        ("War das Vorgehen nachvollziehbar?", "transparenz"),
        ("Sind Sie mit den Ergebnissen zufrieden?", "ergebnisse"),
        ("Anmerkungen", "kommentar"),
        ("Sonstiges / Kommentar", "kommentar"),
    ],
)
def test_match_item(header, key):
    assert survey.match_item(header, items=ITEMS)[0] == key


def test_bracket_code_scores_100_and_unknown_header_scores_below_threshold():
    assert survey.match_item("F1[format] egal", items=ITEMS) == ("format", 100.0)
    key, score = survey.match_item("Wie zufrieden waren Sie mit dem Essen?", items=ITEMS)
    assert key is None
    assert score < survey.FUZZY_THRESHOLD
    assert survey.match_item("", items=ITEMS) == (None, 0.0)
    assert survey.match_item(None, items=ITEMS) == (None, 0.0)


def test_typo_matches_fuzzily_with_its_score():
    key, score = survey.match_item("Modaration", items=ITEMS)
    assert key == "moderation"
    assert score == pytest.approx(90.0)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Stadt Böblingen", "Kommune"),
        ("Gemeindeverwaltung", "Kommune"),
        ("Kirchengemeinde St. Martin", "Kirchen/Vereine/Freie Träger"),
        ("Gemeinderat", "Kreisräte/Politik"),
        ("Helferkreis Asyl", "Ehrenamt"),
        ("Flüchtlingshilfe e.V.", "Ehrenamt"),
        ("Jobcenter", "Arbeitsagentur/Jobcenter"),
        ("IHK", "Kammern"),
        ("VABO-Klasse", "Bildungsträger/Schulen"),
        ("Geflüchtete", "Geflüchtete"),
        ("Marsmensch", None),
        (None, None),
    ],
)
def test_normalise_group(text, label):
    assert survey.normalise_group(text, groups=ITEMS["groups"]) == label


# --- parse_survey_sheet ----------------------------------------------------------------------

WIDE = [
    ["Umfrage zum Flüchtlingsdialog"],
    [
        "Antwort ID",
        "Welcher Gruppe gehören Sie an?",
        "F1[format] Wie zufrieden waren Sie mit dem Format?",
        "Wie fair und respektvoll war der Umgang miteinander?",
        "Essen",
        "Anmerkungen",
    ],
    [17, "Stadt Böblingen", "sehr zufrieden", "trifft eher zu", "gut", "Bitte an max@example.org"],
    [18, "Helferkreis", "k. A.", "blub", None, None],
    [None, None, None, "trifft voll zu", None, "Danke"],
]


def parse(rows, **kwargs):
    return survey.parse_survey_sheet(
        make_sheet(rows, file="umfrage.xlsx", name="Ergebnisse"),
        header_row=kwargs.pop("header_row", 1),
        round_id="2016-10-20_auftakt",
        items=ITEMS,
        **kwargs,
    )


def test_parse_wide_layout():
    df, _ = parse(WIDE)
    assert list(df.columns) == list(schema.SURVEY_RESPONSES_COLUMNS)
    assert df[schema.ROUND].unique().tolist() == ["2016-10-20_auftakt"]
    got = df[[schema.RESPONDENT, schema.GROUP, schema.ITEM, schema.ANSWER, schema.VALUE]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["17", "Kommune", "format", "sehr zufrieden", 5.0],
        ["17", "Kommune", "umgang", "trifft eher zu", 4.0],
        ["17", "Kommune", "Essen", "gut", 4.0],
        ["17", "Kommune", "kommentar", "Bitte an [E-Mail]", None],
        ["18", "Ehrenamt", "format", "k. A.", None],
        ["18", "Ehrenamt", "umgang", "blub", None],
        ["18", "Ehrenamt", "Essen", None, None],
        ["R003", None, "format", None, None],
        ["R003", None, "umgang", "trifft voll zu", 5.0],
        ["R003", None, "Essen", None, None],
        ["R003", None, "kommentar", "Danke", None],
    ]
    assert df[schema.EXCLUDED].tolist() == [
        pd.NA,
        pd.NA,
        pd.NA,
        pd.NA,
        "keine_angabe",
        "unbekannt",
        "leer",
        "leer",
        pd.NA,
        "leer",
        pd.NA,
    ]
    assert df[schema.SOURCE_CELL].tolist() == [
        "C3", "D3", "E3", "F3", "C4", "D4", "E4", "C5", "D5", "E5", "F5"
    ]  # fmt: skip
    # the scale each answer was read on: labels their scale's range, "Essen" school grades
    assert df[schema.SCALE_MAX].tolist()[:3] == [5.0, 5.0, 5.0]
    assert set(df[schema.SOURCE_FILE]) == {"umfrage.xlsx"}
    assert set(df[schema.SOURCE_SHEET]) == {"Ergebnisse"}
    assert str(df[schema.VALUE].dtype) == "Float64"


def test_comment_with_email_is_masked():
    df, _ = parse(WIDE)
    comments = df.loc[df[schema.ITEM] == "kommentar", schema.ANSWER].tolist()
    assert comments == ["Bitte an [E-Mail]", "Danke"]
    assert not df[schema.ANSWER].str.contains("max@example.org", regex=False).any()


def test_unknown_answer_and_column_outside_the_dictionary_are_logged():
    _, log = parse(WIDE)
    by_code = {e.code: e for e in log}
    assert set(by_code) == {"survey_unknown_answer", "survey_own_item"}
    assert by_code["survey_unknown_answer"].cell == "D4"
    assert "blub" in by_code["survey_unknown_answer"].message
    # about the sheet, not at the header cell: the column is read, not left out
    assert by_code["survey_own_item"].cell == ""
    assert "Spalte E 'Essen'" in by_code["survey_own_item"].message
    assert by_code["survey_own_item"].severity == "info"
    assert "'Essen'" in by_code["survey_own_item"].message
    assert {e.file for e in log} == {"umfrage.xlsx"}
    assert {e.sheet for e in log} == {"Ergebnisse"}


def test_numeric_codes_with_reversed_scale_hint():
    rows = [["Nr", "Moderation"], [1, 1], [2, 5], [3, "2"]]
    df, log = parse(rows, header_row=0, scale_hint="1=sehr zufrieden")
    assert df[schema.VALUE].tolist() == [5.0, 1.0, 4.0]
    assert df[schema.ANSWER].tolist() == ["1", "5", "2"]
    assert log == []
    df, _ = parse(rows, header_row=0)
    assert df[schema.VALUE].tolist() == [1.0, 5.0, 2.0]


def test_hint_in_header_wins_over_round_hint():
    rows = [["Nr", "Moderation (1 = sehr gut, 5 = mangelhaft)"], [1, 1], [2, 4]]
    df, _ = parse(rows, header_row=0, scale_hint="1=sehr unzufrieden")
    assert df[schema.VALUE].tolist() == [5.0, 2.0]


def test_four_point_column_keeps_its_own_range():
    rows = [
        ["Nr", "Format"],
        [1, "trifft eher zu"],
        [2, "trifft voll zu"],
        [3, "trifft gar nicht zu"],
    ]
    df, _ = parse(rows, header_row=0)
    # 5-point agreement scale is first and covers all answers equally
    assert df[schema.VALUE].tolist() == [4.0, 5.0, 1.0]
    items = {**ITEMS, "scales": {"zustimmung4": ITEMS["scales"]["zustimmung4"]}}
    df4, _ = survey.parse_survey_sheet(make_sheet(rows), header_row=0, round_id="r", items=items)
    assert df4[schema.VALUE].tolist() == [3.0, 4.0, 1.0]


def test_unknown_group_counts_as_sonstige_and_is_logged():
    rows = [["Gruppe", "Format"], ["Marsmensch", "gut"]]
    df, log = parse(rows, header_row=0)
    assert df[schema.GROUP].tolist() == ["Sonstige"]
    assert [(e.code, e.cell, e.severity) for e in log] == [("survey_unknown_group", "A2", "info")]


def test_duplicate_respondent_id_gets_row_id():
    rows = [["ID", "Format"], [7, "gut"], [7, "sehr gut"]]
    df, log = parse(rows, header_row=0)
    assert df[schema.RESPONDENT].tolist() == ["7", "R002"]
    assert [e.code for e in log] == ["survey_duplicate_respondent"]


def test_metadata_columns_are_skipped_with_info():
    rows = [["Antwort ID", "Datum Abgeschickt", "Format"], [1, "2016-10-21", "gut"]]
    df, log = parse(rows, header_row=0)
    assert df[schema.ITEM].tolist() == ["format"]
    assert [(e.code, e.cell, e.severity) for e in log] == [("survey_ignored_column", "B1", "info")]


def test_parse_long_layout():
    rows = [
        ["Teilnehmer-Nr", "Gruppe", "Frage", "Antwort"],
        ["A", "Jobcenter", "Moderation", "sehr zufrieden"],
        ["A", "Jobcenter", "Wie fair und respektvoll war der Umgang miteinander?", "zufrieden"],
        ["B", "IHK", "Moderation", "keine Angabe"],
        ["B", "IHK", "Catering", "gut"],
        ["B", "IHK", "Anmerkungen", "Tel. 0711 1234567"],
        ["B", "IHK", "Moderation", "gut"],
    ]
    df, log = parse(rows, header_row=0)
    got = df[[schema.RESPONDENT, schema.GROUP, schema.ITEM, schema.VALUE, schema.EXCLUDED]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["A", "Arbeitsagentur/Jobcenter", "moderation", 5.0, None],
        ["A", "Arbeitsagentur/Jobcenter", "umgang", 4.0, None],
        ["B", "Kammern", "moderation", None, "keine_angabe"],
        ["B", "Kammern", "kommentar", None, None],
    ]
    assert "1234567" not in df[schema.ANSWER].iloc[3]
    assert [(e.code, e.cell) for e in log] == [
        ("survey_unknown_item", "C5"),
        ("survey_duplicate_answer", "D7"),
    ]


def test_sheet_without_items_gives_empty_table():
    df, log = parse([["Name", "Datum"], ["x", "y"]], header_row=0)
    assert df.empty
    assert list(df.columns) == list(schema.SURVEY_RESPONSES_COLUMNS)
    assert [e.code for e in log] == ["survey_ignored_column", "survey_unknown_item"]


# --- summaries -------------------------------------------------------------------------------


def responses(spec: dict[str | None, list[object]], *, item: str = "format") -> pd.DataFrame:
    """Build a survey_responses table: group → answers (numbers = values, str = exclusions)."""
    rows, k = [], 0
    for group, answers in spec.items():
        for answer in answers:
            k += 1
            is_value = isinstance(answer, int | float)
            rows.append(
                {
                    schema.ROUND: "r1",
                    schema.RESPONDENT: f"R{k:03d}",
                    schema.GROUP: group,
                    schema.ITEM: item,
                    schema.ANSWER: str(answer),
                    schema.VALUE: float(answer) if is_value else None,
                    schema.EXCLUDED: None if is_value else answer,
                }
            )
    return schema.conform(pd.DataFrame(rows), "survey_responses")


def row(table: pd.DataFrame, group: str | None, item: str = "format") -> dict:
    mask = table[schema.GROUP].isna() if group is None else table[schema.GROUP] == group
    hit = table[mask.fillna(False) & (table[schema.ITEM] == item)]
    assert len(hit) == 1
    return {k: (None if pd.isna(v) else v) for k, v in hit.iloc[0].items()}


def test_summarise_items_counts_mean_and_ci():
    data = responses({"Kommune": [5, 4, 4, 3, 2, "keine_angabe"], "Ehrenamt": [5, 5, 4, 4, 1]})
    table = survey_stats.summarise_items(data, items=ITEMS)
    assert list(table.columns) == list(schema.SURVEY_ITEMS_COLUMNS)
    total = row(table, None)
    assert total[schema.N_VALID] == 10
    assert total[schema.N_EXCLUDED] == 1
    assert total[schema.N_POSITIVE] == 7
    assert total[schema.SHARE_POSITIVE] == pytest.approx(0.7)
    assert total[schema.MEAN] == pytest.approx(3.7)
    sd = pd.Series([5, 4, 4, 3, 2, 5, 5, 4, 4, 1]).std()
    half = 2.262 * sd / math.sqrt(10)
    assert total[schema.CI_LOW] == pytest.approx(3.7 - half)
    assert total[schema.CI_HIGH] == pytest.approx(3.7 + half)
    assert total[schema.SUPPRESSED] is None
    kommune = row(table, "Kommune")
    assert (kommune[schema.N_VALID], kommune[schema.N_POSITIVE], kommune[schema.MEAN]) == (
        5,
        3,
        pytest.approx(3.6),
    )
    assert table[schema.GROUP].isna().tolist() == [True, False, False]
    assert table[schema.GROUP].iloc[1:].tolist() == ["Ehrenamt", "Kommune"]


def test_ci_is_clipped_to_the_scale():
    data = responses({None: [5, 5, 5, 5, 1]})
    total = row(survey_stats.summarise_items(data, items=ITEMS), None)
    assert total[schema.CI_HIGH] == 5.0


def test_yes_no_item_counts_only_yes_as_positive():
    data = responses({None: ["leer", 1, 1, 0, 0, 0]}, item="transparenz")
    data[schema.ANSWER] = ["", "ja", "ja", "nein", "nein", "nein"]
    total = row(survey_stats.summarise_items(data, items=ITEMS), None, item="transparenz")
    assert (total[schema.N_VALID], total[schema.N_POSITIVE]) == (5, 2)
    assert total[schema.MEAN] == pytest.approx(0.4)


def test_small_group_is_suppressed_with_all_values_missing():
    data = responses({"Kommune": [5, 4, 4, 3, 2], "Ehrenamt": [5, 5, 4, 4, 1], "Geflüchtete": [5]})
    table = survey_stats.summarise_items(data, items=ITEMS)
    small = row(table, "Geflüchtete")
    assert small[schema.SUPPRESSED] == LIMIT
    for col in (
        schema.N_VALID,
        schema.N_EXCLUDED,
        schema.N_POSITIVE,
        schema.SHARE_POSITIVE,
        schema.MEAN,
        schema.CI_LOW,
        schema.CI_HIGH,
    ):
        assert small[col] is None, col


def test_limit_text_follows_min_group_size():
    data = responses({"Kommune": [5, 4, 4, 3, 2], "Ehrenamt": [5, 5, 4, 4, 1, 3, 3]})
    table = survey_stats.summarise_items(data, items=ITEMS, min_group_size=6)
    assert row(table, "Kommune")[schema.SUPPRESSED] == "n < 6"


def test_complementary_suppression_hides_the_next_smallest_group():
    data = responses({"Kommune": [5] * 10, "Ehrenamt": [4] * 8, "Politik": [4] * 6, "IHK": [1, 2]})
    table = survey_stats.summarise_items(data, items=ITEMS)
    assert row(table, "IHK")[schema.SUPPRESSED] == LIMIT
    assert row(table, "Politik")[schema.SUPPRESSED] == survey_stats.COMPLEMENTARY
    assert row(table, "Ehrenamt")[schema.SUPPRESSED] is None
    assert row(table, "Kommune")[schema.SUPPRESSED] is None
    assert row(table, None)[schema.N_VALID] == 26


def test_suppressed_group_cannot_be_recovered_from_the_shown_table():
    truth = {"Kommune": [5] * 10, "Ehrenamt": [4, 4, 4, 5, 5, 5, 2, 2], "IHK": [1, 2, 5]}
    table = survey_stats.summarise_items(responses(truth), items=ITEMS)
    total = row(table, None)
    shown = table[table[schema.GROUP].notna() & table[schema.SUPPRESSED].isna()]
    hidden = table[table[schema.SUPPRESSED].notna()]
    # the attacker: total minus every group that is shown
    left_n = total[schema.N_VALID] - int(shown[schema.N_VALID].sum())
    left_pos = total[schema.N_POSITIVE] - int(shown[schema.N_POSITIVE].sum())
    true_n, true_pos = 3, 1
    assert len(hidden) >= 2
    assert (left_n, left_pos) != (true_n, true_pos)
    assert (left_n, left_pos) == (11, 7)  # IHK + Ehrenamt together, not IHK alone
    # without complementary suppression the attack would succeed
    naive = total[schema.N_VALID] - 10 - 8
    assert naive == true_n


def test_ungrouped_respondents_count_as_a_pseudo_group():
    # Kommune shown, IHK small, 6 respondents without group: IHK is hidden together with them
    data = responses({"Kommune": [5] * 10, "IHK": [1, 2], None: [3] * 6})
    table = survey_stats.summarise_items(data, items=ITEMS)
    assert row(table, "IHK")[schema.SUPPRESSED] == LIMIT
    assert row(table, "Kommune")[schema.SUPPRESSED] is None
    # only 2 ungrouped: the only other hidden cell is too small → Kommune hidden too
    data = responses({"Kommune": [5] * 10, "Ehrenamt": [4] * 7, "IHK": [1, 2], None: [3, 3]})
    table = survey_stats.summarise_items(data, items=ITEMS)
    assert row(table, "Ehrenamt")[schema.SUPPRESSED] == survey_stats.COMPLEMENTARY
    assert row(table, "Kommune")[schema.SUPPRESSED] is None
    # small ungrouped remainder alone would be revealed by total − groups
    data = responses({"Kommune": [5] * 10, "Ehrenamt": [4] * 7, None: [3, 3]})
    table = survey_stats.summarise_items(data, items=ITEMS)
    assert row(table, "Ehrenamt")[schema.SUPPRESSED] == survey_stats.COMPLEMENTARY
    assert table[schema.GROUP].notna().sum() == 2


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"a": 10, "b": 8}, {}),
        ({"a": 10, "b": 8, "c": 3}, {"c": LIMIT, "b": survey_stats.COMPLEMENTARY}),
        ({"a": 10, "b": 2, "c": 3}, {"b": LIMIT, "c": LIMIT}),
        ({"a": 10, "b": 1, "c": 2}, {"b": LIMIT, "c": LIMIT, "a": survey_stats.COMPLEMENTARY}),
        ({"a": 10, "b": 1, None: 9}, {"b": LIMIT}),
        ({"a": 10, None: 2}, {"a": survey_stats.COMPLEMENTARY}),
        ({"a": 10, None: 0}, {}),
        ({"a": 3}, {"a": LIMIT}),
    ],
)
def test_suppression_rule(counts, expected):
    assert survey_stats.suppression(counts, min_group_size=5) == expected


def test_small_total_suppresses_everything():
    table = survey_stats.summarise_items(responses({"Kommune": [5, 4, 3]}), items=ITEMS)
    assert table[schema.SUPPRESSED].tolist() == [LIMIT, LIMIT]
    assert table[schema.N_VALID].isna().all()


def test_summarise_does_not_mutate_and_ignores_comments():
    data = responses({"Kommune": [5, 4, 4, 3, 2]})
    comment = data.iloc[:1].copy()
    comment[schema.ITEM] = "kommentar"
    comment[schema.VALUE] = pd.NA
    data = pd.concat([data, comment], ignore_index=True)
    before = data.copy()
    table = survey_stats.summarise_items(data, items=ITEMS)
    pd.testing.assert_frame_equal(data, before)
    assert set(table[schema.ITEM]) == {"format"}


def test_range_inferred_without_items():
    data = responses({None: [4, 4, 3, 2, 1]})
    table = survey_stats.summarise_items(data)
    assert row(table, None)[schema.N_POSITIVE] == 3  # inferred range 1..4: positive are 3, 4


def test_t_quantile():
    assert survey_stats.t_quantile(0.975, 4) == pytest.approx(2.776, abs=1e-3)
    assert survey_stats.t_quantile(0.975, 1) == pytest.approx(12.706, abs=1e-3)
    assert survey_stats.t_quantile(0.995, 10) == pytest.approx(3.169, abs=5e-3)
    assert survey_stats.t_quantile(0.95, 2) == pytest.approx(2.920, abs=1e-3)
    assert survey_stats.t_quantile(0.975, 120) == pytest.approx(1.980, abs=1e-3)


# --- distribution, response rate, rounds ------------------------------------------------------


def test_distribution_has_every_category_even_when_zero():
    data = responses({"Kommune": [5, 5, 4, 4, 4, "keine_angabe"]})
    data[schema.ANSWER] = ["sehr zufrieden"] * 2 + ["zufrieden"] * 3 + ["keine Angabe"]
    dist = survey_stats.distribution(data, items=ITEMS)
    assert dist[survey_stats.CATEGORY].tolist() == [
        "sehr unzufrieden",
        "unzufrieden",
        "teils/teils",
        "zufrieden",
        "sehr zufrieden",
    ]
    assert dist[survey_stats.N].tolist() == [0, 0, 0, 3, 2]
    assert dist[survey_stats.SHARE].tolist() == [0.0, 0.0, 0.0, 60.0, 40.0]
    assert dist[survey_stats.POLARITY].tolist() == [
        "negative",
        "negative",
        "neutral",
        "positive",
        "positive",
    ]
    assert dist[schema.N_VALID].unique().tolist() == [5]
    assert dist[schema.GROUP].isna().all()


def test_distribution_by_group_marks_suppressed_groups():
    data = responses({"Kommune": [5] * 10, "Ehrenamt": [4] * 8, "IHK": [1, 2]})
    dist = survey_stats.distribution(data, items=ITEMS, by_group=True)
    assert dist.groupby(schema.GROUP, dropna=False).size().tolist() == [5, 5, 5, 5]
    ihk = dist[dist[schema.GROUP] == "IHK"]
    assert ihk[survey_stats.N].isna().all()
    assert set(ihk[schema.SUPPRESSED]) == {LIMIT}
    ehrenamt = dist[dist[schema.GROUP] == "Ehrenamt"]
    assert set(ehrenamt[schema.SUPPRESSED]) == {survey_stats.COMPLEMENTARY}
    kommune = dist[dist[schema.GROUP] == "Kommune"]
    assert kommune[survey_stats.N].tolist() == [0, 0, 0, 0, 10]


def test_response_rate_with_small_groups_suppressed():
    data = responses({"Kommune": [5] * 6, "Ehrenamt": [4] * 8, "Geflüchtete": [3, 3], None: [2]})
    participants = {"Kommunen": 10, "Ehrenamtliche": 16, "Geflüchtete": 6, "IHK": 2}
    rate = survey_stats.response_rate(data, participants, items=ITEMS)
    got = rate.astype(object).where(rate.notna(), None).values.tolist()
    assert got == [
        [None, 34, 17, 0.5, None],
        ["Ehrenamt", 16, 8, 0.5, None],
        ["Geflüchtete", 6, None, None, LIMIT],
        ["Kammern", 2, None, None, LIMIT],
        ["Kommune", 10, None, None, survey_stats.COMPLEMENTARY],
    ]


def test_compare_rounds():
    first = survey_stats.summarise_items(responses({None: [5, 5, 4, 2, 1]}), items=ITEMS)
    second = survey_stats.summarise_items(responses({None: [5, 5, 4, 4, 4, 1]}), items=ITEMS)
    small = survey_stats.summarise_items(responses({None: [5]}), items=ITEMS)
    table = survey_stats.compare_rounds({"2016-10": first, "2017-03": second, "2017-09": small})
    assert table[schema.ROUND].tolist() == ["2016-10", "2017-03", "2017-09"]
    assert table[schema.SHARE_POSITIVE].tolist()[:2] == [pytest.approx(0.6), pytest.approx(5 / 6)]
    assert table[schema.SHARE_POSITIVE].isna().tolist() == [False, False, True]
    assert table[schema.SUPPRESSED].tolist()[2] == LIMIT


def test_end_to_end_from_sheet():
    rows = [["ID", "Gruppe", "Moderation"]]
    rows += [[i, "Kommune", "sehr zufrieden"] for i in range(1, 7)]
    rows += [[i, "IHK", "unzufrieden"] for i in range(7, 9)]
    df, _ = parse(rows, header_row=0)
    table = survey_stats.summarise_items(df, items=ITEMS)
    assert table[schema.GROUP].isna().tolist() == [True, False, False]
    assert table[schema.GROUP].iloc[1:].tolist() == ["Kammern", "Kommune"]
    assert table[schema.SUPPRESSED].fillna("-").tolist() == ["-", LIMIT, survey_stats.COMPLEMENTARY]
    assert row(table, None, item="moderation")[schema.SHARE_POSITIVE] == pytest.approx(0.75)


def test_response_rate_counts_equal_ids_of_different_files_separately():
    one = responses({"Kommune": [5, 4, 3]})
    two = responses({"Kommune": [5, 4, 3]})
    one[schema.SOURCE_FILE] = "a.xlsx"
    two[schema.SOURCE_FILE] = "b.xlsx"
    rate = survey_stats.response_rate(pd.concat([one, two], ignore_index=True), {"Kommune": 12})
    assert rate[survey_stats.RESPONDENTS].tolist() == [6, 6]
    assert rate[survey_stats.RATE].tolist() == [0.5, 0.5]


def test_summaries_of_an_empty_table_are_empty():
    empty = schema.empty("survey_responses")
    assert survey_stats.summarise_items(empty, items=ITEMS).empty
    assert list(survey_stats.summarise_items(empty).columns) == list(schema.SURVEY_ITEMS_COLUMNS)
    assert survey_stats.distribution(empty, items=ITEMS, by_group=True).empty


def test_wide_sheet_with_answer_like_header_logs_it():
    rows = [["Nr", "Bewertung", "Format"], [1, "gut", "gut"]]
    df, log = parse(rows, header_row=0)
    assert df[schema.ITEM].tolist() == ["format"]
    assert [(e.code, e.cell) for e in log] == [("survey_unknown_item", "B1")]
