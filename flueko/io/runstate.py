"""The state of a round's last run (``reports/<round>/lauf.json``): did it work, from which inputs.

The overview reads it to mark a report that no longer shows the current state: the last
ingest or report run of the round failed (the previous outputs were kept), or the raw inputs
changed after the report was written. The file holds no timestamps, so the same run gives the
same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flueko.io.atomic import write_text

STATE_FILE = "lauf.json"
STAGES = ("ingest", "report")


def read_state(folder: Path) -> dict[str, Any]:
    """The recorded state of the round whose report folder is ``folder`` (empty if none)."""
    path = Path(folder) / STATE_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record(folder: Path, stage: str, *, ok: bool, error: str = "", inputs: str = "") -> None:
    """Record the outcome of ``stage`` ("ingest" or "report") for the round in ``folder``.

    ``inputs``: the fingerprint of the raw files the stage worked on (``manifest.json``).
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    state = read_state(folder)
    state[stage] = {"ok": bool(ok), "error": error, "inputs": inputs}
    text = json.dumps(state, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_text(Path(folder) / STATE_FILE, text)
