"""Reading and writing the processed tables of a round (``data/processed/<round>/``).

Parquet files are written deterministically (same table → same bytes) and atomically; the
ingest log goes to ``ingest_log.csv``; ``manifest.json`` records the inputs' fingerprint.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from flueko import schema
from flueko.errors import WorkspaceError
from flueko.io.atomic import all_or_nothing, write_bytes, write_text

LOG_FILE = "ingest_log.csv"
MANIFEST_FILE = "manifest.json"


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as parquet bytes, deterministic for equal input (no index, fixed options)."""
    table = pa.Table.from_pandas(df, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", write_statistics=True)
    return buf.getvalue()


def write_round(
    folder: Path,
    tables: dict[str, pd.DataFrame],
    log: pd.DataFrame,
    manifest: dict[str, Any],
    *,
    extras: dict[str, pd.DataFrame] | None = None,
) -> list[Path]:
    """Write every processed table of a round (empty ones too) plus log and manifest.

    ``extras`` are further tables (e.g. coder agreement) written as ``<name>.csv``; a stale
    extra of an earlier run is removed so that every file reflects the current inputs. All or
    nothing: when one write fails, every file of the folder keeps its previous bytes.
    """
    extras = extras or {}
    stale = [p for p in folder.glob("extra_*.csv")] if folder.is_dir() else []
    targets = [
        *stale,
        *(folder / f"extra_{name}.csv" for name in extras),
        *(folder / f"{name}.parquet" for name in schema.PARQUET_TABLES),
        folder / LOG_FILE,
        folder / MANIFEST_FILE,
    ]
    written = []
    with all_or_nothing(targets):
        for path in stale:
            if path.stem.removeprefix("extra_") not in extras:
                path.unlink()
        for name, df in extras.items():
            path = folder / f"extra_{name}.csv"
            write_text(path, df.to_csv(index=False, lineterminator="\n"))
            written.append(path)
        for name in schema.PARQUET_TABLES:
            df = schema.conform(tables.get(name, schema.empty(name)), name)
            path = folder / f"{name}.parquet"
            write_bytes(path, parquet_bytes(df))
            written.append(path)
        log = schema.conform(log, "ingest_log")
        path = folder / LOG_FILE
        write_text(path, log.to_csv(index=False, lineterminator="\n"))
        written.append(path)
        path = folder / MANIFEST_FILE
        text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_text(path, text)
        written.append(path)
    return written


def read_round(folder: Path) -> dict[str, pd.DataFrame]:
    """The processed tables of a round (``ingest_log`` included) as conformed DataFrames."""
    if not (folder / MANIFEST_FILE).is_file():
        raise WorkspaceError(
            f"keine aufbereiteten Daten in {folder}",
            hint="zuerst 'flueko ingest RUNDE' (oder 'flueko run RUNDE') ausführen",
        )
    out: dict[str, pd.DataFrame] = {}
    for name in schema.PARQUET_TABLES:
        path = folder / f"{name}.parquet"
        df = pd.read_parquet(path) if path.is_file() else schema.empty(name)
        out[name] = schema.conform(df, name)
    log_path = folder / LOG_FILE
    if log_path.is_file():
        log = pd.read_csv(log_path, dtype=str, keep_default_na=False, na_values=[])
    else:
        log = schema.empty("ingest_log")
    out["ingest_log"] = schema.conform(log, "ingest_log")
    for path in sorted(folder.glob("extra_*.csv")):
        out[path.stem] = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return out


def read_manifest(folder: Path) -> dict[str, Any]:
    """``manifest.json`` of a processed round (empty dict when missing)."""
    path = folder / MANIFEST_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
