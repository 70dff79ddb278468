"""Structural tests for flueko.report.charts.survey."""

from __future__ import annotations

import pandas as pd
import pytest

from flueko import schema
from flueko.analyse import survey_stats
from flueko.config import load_settings
from flueko.report.charts import survey as charts

ITEMS = load_settings("survey_items.yaml")
LABELS = {key: spec["label"] for key, spec in ITEMS["items"].items()}
SATISFACTION = ITEMS["scales"]["zufriedenheit"]["points"]


def responses(spec: dict[str, dict[str | None, list[str]]]) -> pd.DataFrame:
    """item → group → answer labels (5-point satisfaction or yes/no)."""
    rows, k = [], 0
    for item, groups in spec.items():
        for group, answers in groups.items():
            for answer in answers:
                k += 1
                if answer in SATISFACTION:
                    value = float(SATISFACTION.index(answer) + 1)
                else:
                    value = {"ja": 1.0, "nein": 0.0}.get(answer)
                rows.append(
                    {
                        schema.ROUND: "r1",
                        schema.RESPONDENT: f"R{k:03d}",
                        schema.GROUP: group,
                        schema.ITEM: item,
                        schema.ANSWER: answer,
                        schema.VALUE: value,
                        schema.EXCLUDED: None if value is not None else "keine_angabe",
                    }
                )
    return schema.conform(pd.DataFrame(rows), "survey_responses")


def bar_totals(fig) -> dict[str, float]:
    totals: dict[str, float] = {}
    for trace in fig.data:
        for y, x in zip(trace.y, trace.x, strict=True):
            totals[y] = totals.get(y, 0.0) + abs(x)
    return totals


DATA = responses(
    {
        "format": {
            "Kommune": ["sehr zufrieden"] * 3 + ["zufrieden"] * 2 + ["teils/teils", "unzufrieden"],
            None: ["sehr unzufrieden", "keine Angabe"],
        },
        # nobody negative, no neutral answer
        "moderation": {"Kommune": ["sehr zufrieden"] * 4 + ["zufrieden"] * 2},
        "transparenz": {"Kommune": ["ja", "ja", "nein", "ja", "ja"]},
    }
)


def test_diverging_bars_structure():
    dist = survey_stats.distribution(DATA, items=ITEMS)
    fig = charts.diverging_bars(dist, item_labels=LABELS)
    # 5 satisfaction categories (neutral split in two) + nein + ja
    assert len(fig.data) == 8
    names = [t.name for t in fig.data]
    assert names.count("teils/teils") == 2
    assert sum(t.showlegend is not False for t in fig.data) == 7
    totals = bar_totals(fig)
    assert list(totals) == ["Format der Veranstaltung", "Moderation", "Transparenz"]
    for label, total in totals.items():
        assert total == pytest.approx(100.0), label
    assert fig.layout.barmode == "relative"


def test_negative_left_positive_right_neutral_split():
    dist = survey_stats.distribution(DATA, items=ITEMS)
    fig = charts.diverging_bars(dist, item_labels=LABELS)
    by_name: dict[str, list] = {}
    for trace in fig.data:
        by_name.setdefault(trace.name, []).append(trace)
    fmt = 0  # first bar: format, 8 valid answers
    assert by_name["sehr unzufrieden"][0].x[fmt] == pytest.approx(-12.5)
    assert by_name["unzufrieden"][0].x[fmt] == pytest.approx(-12.5)
    assert sorted(t.x[fmt] for t in by_name["teils/teils"]) == [
        pytest.approx(-6.25),
        pytest.approx(6.25),
    ]
    assert by_name["zufrieden"][0].x[fmt] == pytest.approx(25.0)
    assert by_name["sehr zufrieden"][0].x[fmt] == pytest.approx(37.5)
    # nobody answered negatively about the moderation: all on the right
    mod = 1
    left = sum(t.x[mod] for t in fig.data if t.x[mod] < 0)
    assert left == 0
    assert by_name["sehr zufrieden"][0].x[mod] == pytest.approx(400 / 6)


def test_n_annotations():
    dist = survey_stats.distribution(DATA, items=ITEMS)
    fig = charts.diverging_bars(dist, item_labels=LABELS)
    assert [a.text for a in fig.layout.annotations] == ["n = 8", "n = 6", "n = 5"]


def test_empty_categories_and_small_items_do_not_break():
    data = responses({"format": {None: ["zufrieden"] * 5}, "umgang": {None: ["zufrieden"] * 2}})
    dist = survey_stats.distribution(data, items=ITEMS)
    fig = charts.diverging_bars(dist, item_labels=LABELS)
    assert len(fig.data) == 6
    totals = bar_totals(fig)
    assert totals["Format der Veranstaltung"] == pytest.approx(100.0)
    assert totals["Fairer und respektvoller Umgang"] == 0.0
    assert [a.text for a in fig.layout.annotations] == ["n = 5", "n < 5"]
    fig.to_json()  # serialises


def test_empty_distribution_gives_empty_figure():
    dist = survey_stats.distribution(DATA.iloc[:0], items=ITEMS)
    fig = charts.diverging_bars(dist, item_labels=LABELS)
    assert len(fig.data) == 0


def test_group_item_heatmap_hides_suppressed_cells():
    data = responses(
        {
            "format": {
                "Kommune": ["sehr zufrieden"] * 6,
                "Ehrenamt": ["zufrieden"] * 5 + ["unzufrieden"] * 5,
                "Kammern": ["unzufrieden"] * 2,
            }
        }
    )
    table = survey_stats.summarise_items(data, items=ITEMS)
    fig = charts.group_item_heatmap(table, item_labels=LABELS)
    heat = fig.data[0]
    assert list(heat.y) == ["Alle Befragten", "Ehrenamt", "Kammern", "Kommune"]
    assert list(heat.x) == ["Format der Veranstaltung"]
    z = [row[0] for row in heat.z]
    assert z[0] == pytest.approx(100 * 11 / 18)
    assert z[1:] == [50.0, None, None]
    text = [row[0] for row in heat.text]
    assert text == ["61 %", "50 %", "n < 5", "geschützt"]


def test_heatmap_shows_values_when_nothing_is_suppressed():
    data = responses({"format": {"Kommune": ["sehr zufrieden"] * 5, "IHK": ["unzufrieden"] * 5}})
    table = survey_stats.summarise_items(data, items=ITEMS)
    heat = charts.group_item_heatmap(table, item_labels=LABELS).data[0]
    assert [row[0] for row in heat.z] == [50.0, 0.0, 100.0]


def test_round_comparison():
    first = survey_stats.summarise_items(
        responses({"format": {None: ["zufrieden"] * 5}}), items=ITEMS
    )
    second = survey_stats.summarise_items(
        responses({"format": {None: ["zufrieden"] * 3 + ["unzufrieden"] * 3}}), items=ITEMS
    )
    small = survey_stats.summarise_items(responses({"format": {None: ["zufrieden"]}}), items=ITEMS)
    table = survey_stats.compare_rounds(
        {"Auftakt": first, "Vertiefung": second, "<b>Kreisrat</b>": small}
    )
    fig = charts.round_comparison(table, item_labels=LABELS)
    assert [t.name for t in fig.data] == ["Auftakt", "Vertiefung", "&lt;b&gt;Kreisrat&lt;/b&gt;"]
    assert [t.y[0] for t in fig.data] == [100.0, 50.0, None]
    assert fig.data[2].text[0] == "n < 5"
    assert fig.layout.barmode == "group"


def test_user_text_is_escaped():
    dist = survey_stats.distribution(DATA, items=ITEMS)
    fig = charts.diverging_bars(dist, item_labels={"format": "<script>x</script>"})
    assert "&lt;script&gt;x&lt;/script&gt;" in list(fig.data[0].y)
