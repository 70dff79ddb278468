"""Problems and exclusions found while reading input, collected instead of raised.

A :class:`LogEntry` is one row of ``ingest_log.csv``. Parsers return their entries next to their
results (lazy validation: all problems at once), the ingest writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, dataclass

import pandas as pd

from flueko import schema

INFO = "info"
WARNING = "warning"
ERROR = "error"
SEVERITIES = (INFO, WARNING, ERROR)


@dataclass(frozen=True)
class LogEntry:
    """One problem or exclusion: where it is, how bad, a reason code and a German message."""

    file: str
    sheet: str
    cell: str
    severity: str
    code: str
    message: str


def entry(
    code: str,
    message: str,
    *,
    file: str = "",
    sheet: str = "",
    cell: str = "",
    severity: str = WARNING,
) -> LogEntry:
    """Build a :class:`LogEntry` with keyword arguments (empty strings for unknown places)."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")
    return LogEntry(file or "", sheet or "", cell or "", severity, code, message)


def from_error(err: Exception, *, file: str = "", severity: str = ERROR) -> LogEntry:
    """Turn a :class:`flueko.errors.FluekoError` (or any exception) into a log entry."""
    from flueko.errors import FluekoError

    if isinstance(err, FluekoError):
        msg = err.message + (f" — {err.hint}" if err.hint else "")
        return entry(
            err.code,
            msg,
            file=err.file or file,
            sheet=err.sheet or "",
            cell=err.cell or "",
            severity=severity,
        )
    return entry("internal", f"{type(err).__name__}: {err}", file=file, severity=severity)


def to_frame(entries: Iterable[LogEntry]) -> pd.DataFrame:
    """The entries as an ``ingest_log`` table (columns from :mod:`flueko.schema`)."""
    rows = [astuple(e) for e in entries]
    df = pd.DataFrame(rows, columns=list(schema.LOG_COLUMNS))
    return schema.conform(df, "ingest_log")
