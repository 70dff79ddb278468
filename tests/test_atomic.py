"""Atomic writes: a failing or killed writer never leaves a half file under the real name."""

from __future__ import annotations

import pandas as pd
import pytest

from flueko import schema
from flueko.io.atomic import atomic_path, write_text
from flueko.io.tables import parquet_bytes, read_round, write_round


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "bericht.html"
    write_text(target, "alt")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("halb")
        raise RuntimeError("abgebrochen")
    assert target.read_text() == "alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.html"]


def test_parquet_bytes_are_deterministic():
    df = schema.conform(pd.DataFrame({"text": ["ä", None], "votes": [1, None]}), "contributions")
    assert parquet_bytes(df) == parquet_bytes(df.copy())


def test_round_tables_round_trip_with_empty_tables(tmp_path):
    df = schema.conform(
        pd.DataFrame({"text": ["Sprachcafé"], "votes": [3], "idea_id": ["K1-1"]}), "contributions"
    )
    log = schema.empty("ingest_log")
    write_round(tmp_path, {"contributions": df}, log, {"round": "r"}, extras={"x": df.head(0)})
    back = read_round(tmp_path)
    pd.testing.assert_frame_equal(back["contributions"], df)
    assert back["measures"].empty and list(back["measures"].columns) == list(
        schema.MEASURES_COLUMNS
    )
    assert "extra_x" in back
    write_round(tmp_path, {"contributions": df}, log, {"round": "r"})
    assert not (tmp_path / "extra_x.csv").exists()  # stale extras are removed
