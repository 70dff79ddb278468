"""The data contract: columns, dtypes and a clear message for a missing column."""

from __future__ import annotations

import pandas as pd
import pytest

from flueko import schema
from flueko.errors import SchemaError


def test_conform_orders_and_types_columns():
    df = pd.DataFrame({"votes": ["3", None], "text": ["a", "b"], "extra": [1, 2]})
    out = schema.conform(df, "contributions")
    assert list(out.columns) == list(schema.CONTRIBUTIONS_COLUMNS)
    assert str(out["votes"].dtype) == "Int64" and out["votes"].tolist()[0] == 3
    assert str(out["text"].dtype) == "string"
    assert "extra" not in out


def test_missing_column_names_the_column_and_what_is_there():
    with pytest.raises(SchemaError) as err:
        schema.conform(pd.DataFrame({"text": ["a"]}), "contributions", fill_missing=False)
    assert "'round'" in str(err.value) and "text" in str(err.value)


def test_text_that_looks_like_a_number_stays_text():
    out = schema.conform(pd.DataFrame({"text": ["007", "n/a"]}), "contributions")
    assert out["text"].tolist() == ["007", "n/a"]


def test_contract_columns_of_design_md_are_declared():
    assert {
        "round",
        "group",
        "question",
        "field",
        "text",
        "votes",
        "card_id",
        "idea_id",
        "source_file",
        "source_sheet",
        "source_row",
    } <= set(schema.CONTRIBUTIONS_COLUMNS)
    assert {
        "measure_id",
        "field",
        "title",
        "responsible",
        "timeframe",
        "cost_min",
        "cost_max",
        "impact",
        "effort",
        "n_raters",
        "quadrant",
        "score",
        "rank",
        "idea_ids",
    } <= set(schema.MEASURES_COLUMNS)
    assert {"respondent", "group", "item", "answer", "value", "excluded"} <= set(
        schema.SURVEY_RESPONSES_COLUMNS
    )
    assert {
        "item",
        "group",
        "n_valid",
        "n_positive",
        "share_positive",
        "mean",
        "suppressed",
    } <= set(schema.SURVEY_ITEMS_COLUMNS)
