import pandas as pd
import pytest

from flueko import schema
from flueko.analyse.costs import cost_summary, cost_total, process_costs
from flueko.errors import SchemaError

M = schema.conform(
    pd.DataFrame(
        {
            schema.FIELD: ["wohnen", "wohnen", "arbeit", None, "arbeit"],
            schema.RESPONSIBLE: ["LRA", "LRA", "IHK", "LRA", None],
            schema.TIMEFRAME: ["laufend", "kurzfristig", None, "kurzfristig", "mittelfristig"],
            schema.COST_MIN: [1000, None, 0, 500, 200],
            schema.COST_MAX: [2000, None, 0, None, 300],
            schema.EFFORT: [2, 4, None, 3, 5],
        }
    ),
    "measures",
)


def test_cost_summary_by_field_never_counts_unknown_as_zero():
    out = cost_summary(M, by=schema.FIELD).set_index(schema.FIELD)
    assert list(out.index.fillna("-")) == ["arbeit", "wohnen", "-"]
    w = out.loc["wohnen"]
    assert (w["n_measures"], w["cost_min_sum"], w["cost_max_sum"], w["n_cost_unknown"]) == (
        2,
        1000.0,
        2000.0,
        1,
    )
    assert w["effort_mean"] == 3.0
    assert w["basis"].startswith("mindestens") and "1 Maßnahme(n) ohne Kostenangabe" in w["basis"]
    a = out.loc["arbeit"]
    assert (a["cost_min_sum"], a["cost_max_sum"], a["n_effort"]) == (200.0, 300.0, 1)


def test_open_upper_bound_and_all_unknown():
    out = cost_summary(M, by=schema.RESPONSIBLE).set_index(schema.RESPONSIBLE)
    lra = out.loc["LRA"]
    assert lra["cost_min_sum"] == 1500.0 and pd.isna(lra["cost_max_sum"])
    assert lra["n_cost_open"] == 1
    unknown = M.iloc[[1]]
    one = cost_summary(unknown, by=schema.FIELD).iloc[0]
    assert pd.isna(one["cost_min_sum"]) and one["n_cost_unknown"] == 1


def test_cost_summary_timeframe_order_and_errors():
    out = cost_summary(M, by=schema.TIMEFRAME)
    assert list(out[schema.TIMEFRAME].fillna("-")) == [
        "kurzfristig",
        "mittelfristig",
        "laufend",
        "-",
    ]
    with pytest.raises(SchemaError, match="'status' ist nicht vorgesehen"):
        cost_summary(M, by=schema.STATUS)
    with pytest.raises(SchemaError, match="'effort' fehlt"):
        cost_summary(M.drop(columns=[schema.EFFORT]), by=schema.FIELD)


def test_cost_total():
    row = cost_total(M).iloc[0]
    assert (row["n_measures"], row["cost_min_sum"], row["n_cost_unknown"]) == (5, 1700.0, 1)
    assert pd.isna(row["cost_max_sum"])


def test_process_costs():
    meta = {
        "2017-02_vertiefung": {"costs": {"Moderation": 1500}},
        "2016-10-20_auftakt": {
            "title": "Auftakt",
            "costs": {"Moderation": 4000, "Verpflegung": 1000},
            "participants": {"AK Wohnen": 10, "AK Arbeit": 15},
        },
        "2017-03_rat": {"participants": {"Kreisrat": 5}},
    }
    out = process_costs(meta)
    assert list(out[schema.ROUND].fillna("gesamt")) == [
        "2016-10-20_auftakt",
        "2017-02_vertiefung",
        "2017-03_rat",
        "gesamt",
    ]
    assert list(out["cost_total"].astype("float").fillna(-1)) == [5000.0, 1500.0, -1, 6500.0]
    assert list(out["n_participants"].astype("float").fillna(-1)) == [25, -1, 5, 30]
    assert out.loc[0, "cost_per_participant"] == 200.0
    assert out.loc[3, "cost_per_participant"] == 200.0  # only rounds that give both
    assert list(out["is_total"]) == [False, False, False, True]
    assert out.loc[3, "n_cost_items"] == 3
