"""Code legends and per-column scales of survey answers given as numbers or answer codes.

A LimeSurvey code export ("A1", "A2", …) is often handed over with a small legend file of its
own in the round folder (``Code | Antwort``: "A1 | sehr zufrieden" … "A6 | weiß nicht"); this
module finds such files and reads them like a legend sheet. It also decides the range of a
single column when the column says more than the file's legend: a header hint with its own
numbers ("0 = gar kein Mehrwert, 10 = sehr großer Mehrwert"), a values table whose meanings
are partly plain numbers ("1 = überhaupt nicht zufrieden, 2, …, 7 = voll und ganz
zufrieden"), or answers from 0 to 10 beside items on a shorter scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from flueko.ingest import likert
from flueko.log import WARNING, LogEntry, entry
from flueko.sheet import Sheet, is_empty

LEGEND_FILE_MAX_BYTES = 64_000
"""A legend file is small: larger files are never read as one."""

LEGEND_FILE_MAX_ROWS = 20
"""Most rows (header included) of a legend file."""

_LEGEND_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods"})
_CODE = re.compile(r"^(?:[Aa]0*)?(-?\d{1,3})$")


def _legend_code(value: object) -> int | None:
    """The code of a legend row: a whole number or an answer code ("A3" → 3)."""
    if isinstance(value, bool) or is_empty(value):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    match = _CODE.match(str(value).strip())
    return int(match.group(1)) if match else None


def code_legend(sheet: Sheet, *, scales: Mapping[str, Any]) -> list[tuple[int, str]]:
    """Code → meaning rows of a legend file's sheet; ``[]`` if the sheet is none.

    All rows but an optional header are "code | meaning" pairs (codes as numbers or as
    answer codes "A1"), at least three, each code once, and the meanings tell which end of
    the scale is the good one (:func:`flueko.ingest.likert.read_legend`).
    """
    pairs: list[tuple[int, str]] = []
    for row in range(sheet.n_rows):
        texts = [v for v in sheet.row_values(row) if not is_empty(v)]
        if not texts:
            continue
        code = _legend_code(texts[0])
        if len(texts) == 2 and code is not None and isinstance(texts[1], str):
            pairs.append((code, texts[1].strip()))
        elif pairs or row > 0 or len(texts) > 3:
            return []  # only a header may stand before the pairs
    if len(pairs) < 3 or len({c for c, _ in pairs}) < len(pairs):
        return []
    if any(len(label) > 60 or not re.search(r"[^\W\d_]", label) for _, label in pairs):
        return []
    if likert.read_legend(pairs, scales=scales).direction == likert.AUTO:
        return []
    return pairs


def legend_file(path: Path, *, root: Path, scales: Mapping[str, Any]) -> list[tuple[int, str]]:
    """The code legend in the file ``path`` (a small table of its own); ``[]`` if it is none."""
    from flueko.errors import FluekoError
    from flueko.io.readers import read_sheets

    try:
        if path.suffix.lower() not in _LEGEND_SUFFIXES:
            return []
        if path.stat().st_size > LEGEND_FILE_MAX_BYTES:
            return []
        sheets = [s for s in read_sheets(path, root=root, max_mb=1.0) if s.n_rows]
    except (OSError, FluekoError):
        return []
    if len(sheets) != 1 or sheets[0].n_rows > LEGEND_FILE_MAX_ROWS:
        return []
    return code_legend(sheets[0], scales=scales)


def find_legend_files(paths: Sequence[Path], *, root: Path) -> list[tuple[str, list]]:
    """(file, code → meaning pairs) of the legend files among ``paths``."""
    from flueko.config import load_settings
    from flueko.io.readers import relative_name

    scales = load_settings("survey_items.yaml").get("scales") or {}
    out = []
    for path in paths:
        pairs = legend_file(path, root=root, scales=scales)
        if pairs:
            out.append((relative_name(path, root), pairs))
    return out


def legend_file_note(file: str) -> LogEntry:
    """The note for a legend file: read with the coded data beside it, no data itself."""
    from flueko.log import INFO

    return entry(
        "survey_legend_file",
        "Legende der Antwortcodes (Code | Bedeutung); wird für die Befragungsdaten der Runde "
        "verwendet, enthält selbst keine Rückmeldungen",
        file=file,
        severity=INFO,
    )


# --- the range of one column -----------------------------------------------------------------


def hint_range(pairs: Iterable[tuple[int, str]], legend: likert.Legend) -> tuple[int, int] | None:
    """The range a header hint states with its numbers ("0 = gar kein …, 10 = sehr …") when
    its words are no scale labels; ``None`` with fewer than two numbers."""
    codes = [c for c, _ in pairs if c not in legend.missing_codes and c >= 0]
    return (min(codes), max(codes)) if len(set(codes)) >= 2 else None


def value_label_range(
    value_labels: Mapping[int, str], legend: likert.Legend
) -> tuple[int, int] | None:
    """The range of a values table: the labelled ends, widened by codes whose meaning is a
    plain number ("2", …, "6" between "1 = überhaupt nicht" and "7 = voll und ganz");
    negative codes and missing meanings stay out."""
    codes = [
        c
        for c, meaning in value_labels.items()
        if c >= 0 and c not in legend.missing_codes and str(meaning).strip().isdigit()
    ]
    if legend.numeric_scale is not None:
        codes.extend(legend.numeric_scale)
    return (min(codes), max(codes)) if len(set(codes)) >= 2 else legend.numeric_scale


def answers_range(
    codes: Iterable[int | None], numeric: tuple[int, int], missing: Iterable[int]
) -> tuple[int, int] | None:
    """A 0–10 scale for a column whose answers lie beyond ``numeric`` and within 0–10 with a
    0 or an answer above 7 (a 0–10 item beside items on a shorter scale); else ``None``."""
    skip = set(missing)
    found = {c for c in codes if c is not None and c >= 0 and c not in skip}
    if not found or all(numeric[0] <= c <= numeric[1] for c in found):
        return None
    if max(found) <= 10 and (0 in found or max(found) > 7):
        return (0, 10)
    return None


def own_range_message(header: str, numeric: tuple[int, int]) -> str:
    """The note for a column read on a range of its own (answers beyond the file's scale)."""
    return (
        f"Spalte '{header}': Antworten bis {numeric[1]} — eigene Skala {numeric[0]}–{numeric[1]} "
        "angenommen (höchste Zahl = beste Antwort), unabhängig von den anderen Spalten"
    )


def is_answer_code(answer: object) -> bool:
    """True for a LimeSurvey answer code ("A1", "A02"), not a plain number."""
    return isinstance(answer, str) and likert._ANSWER_CODE.match(answer.strip()) is not None


def direction_warning(file: str, sheet: str, headers: Sequence[str]) -> LogEntry:
    """The warning for coded answers ("A1", "A2", …, or codes of a values table) whose
    direction nothing in the round tells."""
    shown = ", ".join(f"'{h}'" for h in headers[:3]) + (" …" if len(headers) > 3 else "")
    return entry(
        "survey_code_direction_assumed",
        f"Antwortcodes ohne erkennbare Richtung in {shown}: angenommen, dass der höchste Code "
        "die beste Antwort ist — bitte prüfen und eine Legende (Code | Bedeutung, z. B. "
        "„A1 | sehr zufrieden“) als eigene Datei in den Rundenordner legen",
        file=file,
        sheet=sheet,
        severity=WARNING,
    )
