import pandas as pd

from flueko import schema
from flueko.analyse.costs import cost_summary
from flueko.labels import QUADRANT_LABELS
from flueko.report.charts import field_color
from flueko.report.charts.priority import cost_effort_chart, priority_matrix, robustness_chart

M = schema.conform(
    pd.DataFrame(
        {
            schema.MEASURE_ID: ["a", "b", "c"],
            schema.FIELD: ["wohnen", "arbeit", "wohnen"],
            schema.TITLE: ["<b>Wohnraum</b>", "Info-Abende", "ohne Bewertung"],
            schema.IMPACT: [4.5, 2.0, None],
            schema.EFFORT: [2.0, 4.0, None],
            schema.VOTES: [8, 2, 1],
            schema.RANK: [1, 2, None],
            schema.COST_MIN: [1000, None, 0],
            schema.COST_MAX: [2000, None, 0],
        }
    ),
    "measures",
)


def test_priority_matrix():
    fig = priority_matrix(
        M, field_labels={"wohnen": "Wohnen", "arbeit": "Arbeit"}, quadrant_labels=QUADRANT_LABELS
    )
    assert fig.layout.xaxis.title.text == "Aufwand (Median)"
    assert fig.layout.yaxis.title.text == "Wirkung (Median)"
    names = [t.name for t in fig.data]
    assert names == ["Arbeit", "Wohnen"]
    wohnen = fig.data[1]
    assert list(wohnen.x) == [2.0] and list(wohnen.y) == [4.5]
    assert wohnen.marker.color == field_color("wohnen")
    assert "&lt;b&gt;Wohnraum&lt;/b&gt;" in wohnen.hovertext[0]
    assert "Wirkung 4,5" in wohnen.hovertext[0]
    assert wohnen.marker.size[0] > fig.data[0].marker.size[0]  # more votes, larger bubble
    texts = {a.text for a in fig.layout.annotations}
    assert texts == set(QUADRANT_LABELS.values())
    assert {(s.x0, s.x1) for s in fig.layout.shapes if s.x0 == s.x1} == {(3.0, 3.0)}
    assert "1 Maßnahme(n) ohne Bewertung" in fig.layout.title.text
    assert fig.layout.separators == ",."


def test_cost_effort_chart():
    fig = cost_effort_chart(cost_summary(M, by=schema.FIELD), labels={"wohnen": "Wohnen"})
    assert list(fig.data[0].x) == ["arbeit", "Wohnen"]
    assert list(fig.data[0].y) == [0.0, 1000.0]
    assert list(fig.data[1].y) == [0.0, 1000.0]
    assert "1 Maßnahme(n) ohne Kostenangabe" in fig.data[0].hovertext[0]
    assert "mindestens 1.000 €" in fig.data[0].hovertext[1]


def test_robustness_chart():
    robust = pd.DataFrame(
        {
            schema.MEASURE_ID: ["a", "b"],
            schema.TOP_K_SHARE: [0.9, 0.3],
            "rank_min": [1, 2],
            "rank_max": [2, 6],
            "weight_sensitive": [False, True],
        }
    )
    fig = robustness_chart(robust, titles={"a": "<i>A</i>"})
    assert list(fig.data[0].x) == [0.3, 0.9]
    assert list(fig.data[0].y) == ["b", "&lt;i&gt;A&lt;/i&gt;"]
    assert "empfindlich" in fig.data[0].hovertext[0]
    assert "Rang 2–6" in fig.data[0].hovertext[0]


def test_coinciding_measures_fan_out_and_show_their_rank():
    import numpy as np

    from flueko.report.charts.priority import _spread

    dx, dy = _spread(np.array([2.0, 2.0, 4.0]), np.array([3.0, 3.0, 1.0]))
    assert (dx[2], dy[2]) == (0.0, 0.0)
    assert np.hypot(dx[0] - dx[1], dy[0] - dy[1]) > 0.2
