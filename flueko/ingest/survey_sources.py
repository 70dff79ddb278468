"""What a survey file says about itself beyond its data: legends, value labels, export tables.

A paper questionnaire typed into Excel states its scale in a legend row above the header
("Legende: 1 = sehr gut … 5 = schlecht") or on a sheet of its own ("Legende": Wert | Bedeutung);
a SoSci Survey download comes with a variables table (``VAR | LABEL | TYPE | INPUT``) and a
values table (``VAR | RESPONSE | MEANING``) beside the data file. This module reads those into
a :class:`SurveySource` that :func:`flueko.ingest.survey.parse_survey_sheet` uses, and tells
which sheets hold no data of their own (legends, export tables) so that they are skipped
without an error.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flueko.log import INFO, LogEntry, entry
from flueko.sheet import Sheet, is_empty
from flueko.text import fold

LEGEND_SHEET_NAMES = frozenset(
    {"legende", "legend", "skala", "skalen", "antwortskala", "codes", "erlaeuterung",
     "erlaeuterungen", "wertelabels", "kodierung der antworten"}
)  # fmt: skip
"""Sheet names (folded) of a legend sheet."""

SUMMARY_WORDS = frozenset(
    {"mittelwert", "durchschnitt", "anzahl", "summe", "gesamt", "median", "mean", "average",
     "count", "total", "sum", "standardabweichung", "stabw", "minimum", "maximum", "anteil",
     "prozent", "mw", "n", "o", "min", "max", "sd"}
)  # fmt: skip
"""A row of averages or counts under the data starts with one of these: the whole first cell
(short words such as "n", "max"), or its first word (words of five letters or more)."""

_VARIABLES_HEADER = ("var", "label")
_VALUES_HEADER = ("var", "response", "meaning")
_LEGEND_PAIR = re.compile(r"(-?\d+)\s*[=:]\s*[^\d\s]")


@dataclass(frozen=True)
class SurveySource:
    """What a survey file says about its columns, beside the data.

    Attributes
    ----------
    legend
        Code → label pairs of the file's legend (legend sheet), for every numeric column.
    labels
        Column (0-based) → its label (SoSci variables table).
    value_labels
        Column → code → label (SoSci values table).
    system
        Columns that are export metadata (SoSci ``INPUT = SYSTEM``).
    origin
        Where the legend or labels come from, for the log ("Blatt 'Legende'").
    """

    legend: tuple[tuple[int, str], ...] = ()
    labels: Mapping[int, str] = field(default_factory=dict)
    value_labels: Mapping[int, Mapping[int, str]] = field(default_factory=dict)
    system: frozenset[int] = frozenset()
    origin: str = ""


def _row_texts(sheet: Sheet, row: int) -> list[str]:
    return ["" if is_empty(v) else str(v).strip() for v in sheet.row_values(row)]


def _code(value: object) -> int | None:
    if isinstance(value, bool) or is_empty(value):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    text = str(value).strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else None


# --- legends -----------------------------------------------------------------------------------


def legend_in_text(text: str) -> list[tuple[int, str]]:
    """Code → label pairs in one cell ("Legende: 1 = sehr gut, 2 = gut, … 5 = schlecht")."""
    from flueko.ingest.likert import legend_pairs

    if len(_LEGEND_PAIR.findall(text)) < 2:
        return []
    return legend_pairs(text)


def legend_above(sheet: Sheet, header_row: int) -> tuple[list[tuple[int, str]], int | None]:
    """The legend written in the rows above the header, and its row (``None`` if there is none).

    One cell with at least two pairs ("1 = sehr gut, …, 5 = schlecht"), or a row of cells with
    one pair each ("1 = sehr gut" | "2 = gut" | …).
    """
    for row in range(header_row - 1, -1, -1):
        texts = [t for t in _row_texts(sheet, row) if t]
        pairs = [p for t in texts for p in legend_in_text(t)]
        if len(pairs) < 2:
            single = [t for t in texts if _LEGEND_PAIR.match(t)]
            if len(single) >= 2:
                from flueko.ingest.likert import legend_pairs

                pairs = [p for t in single for p in legend_pairs(t)]
        if len(pairs) >= 2:
            return pairs, row
    return [], None


def legend_table(sheet: Sheet) -> list[tuple[int, str]]:
    """Code → label rows of a legend sheet (``Wert | Bedeutung``); ``[]`` if it is none.

    A sheet is a legend when its name says so ("Legende", "Skala") or when all of its rows are
    code | label pairs under an optional header; rows such as "leer | keine Angabe" are kept out.
    """
    pairs = []
    other = 0
    named = fold(sheet.name) in LEGEND_SHEET_NAMES
    for row in range(sheet.n_rows):
        if not named and (other > 2 or len(pairs) > 11):
            return []  # too much else for a legend (see the end): a card or data sheet
        texts = [v for v in sheet.row_values(row) if not is_empty(v)]
        if not texts:
            continue
        if len(texts) >= 2 and _code(texts[0]) is not None and isinstance(texts[1], str):
            pairs.append((_code(texts[0]), texts[1].strip()))
        elif len(texts) == 1 and isinstance(texts[0], str) and legend_in_text(texts[0]):
            pairs.extend(legend_in_text(texts[0]))
        else:
            other += 1
    if len(pairs) < 2 or any(len(label) > 60 or abs(code) > 99 for code, label in pairs):
        return []
    if len({code for code, _ in pairs}) < len(pairs):  # a code twice: a list, not a legend
        return []
    if named:
        return pairs
    from flueko.config import load_settings
    from flueko.ingest.likert import AUTO, read_legend

    scales = load_settings("survey_items.yaml").get("scales") or {}
    if other <= 2 and len(pairs) <= 11 and read_legend(pairs, scales=scales).direction != AUTO:
        return pairs
    return []


def is_summary_row(values: Sequence[object]) -> bool:
    """True for a row of averages or counts under the data ("Mittelwert", "Anzahl:", "Ø")."""
    texts = [v for v in values if not is_empty(v)]
    if not texts or not isinstance(texts[0], str):
        return False
    if texts[0].strip().startswith("Ø"):
        return True
    folded = fold(texts[0])
    first = folded.split(" ", 1)[0] if folded else ""
    return folded in SUMMARY_WORDS or (len(first) >= 5 and first in SUMMARY_WORDS)


# --- SoSci Survey export tables --------------------------------------------------------------


def _header(sheet: Sheet) -> tuple[str, ...]:
    return tuple(fold(t) for t in _row_texts(sheet, 0))


def variables_table(sheet: Sheet) -> dict[str, tuple[str, str]] | None:
    """A SoSci variables table: ``VAR`` → (``LABEL``, ``INPUT``); ``None`` if it is none."""
    head = _header(sheet)
    if not head or head[0] != _VARIABLES_HEADER[0] or _VARIABLES_HEADER[1] not in head[1:4]:
        return None
    at = head.index(_VARIABLES_HEADER[1])
    col = head.index("input") if "input" in head else None
    out = {}
    for row in range(1, sheet.n_rows):
        var, label = sheet.value(row, 0), sheet.value(row, at)
        if is_empty(var):
            continue
        kind = "" if col is None or is_empty(sheet.value(row, col)) else str(sheet.value(row, col))
        out[str(var).strip()] = ("" if is_empty(label) else str(label).strip(), kind.strip())
    return out


def values_table(sheet: Sheet) -> dict[str, dict[int, str]] | None:
    """A SoSci values table: ``VAR`` → code → ``MEANING``; ``None`` if it is none."""
    if _header(sheet)[:3] != _VALUES_HEADER:
        return None
    out: dict[str, dict[int, str]] = {}
    for row in range(1, sheet.n_rows):
        var, code, meaning = (sheet.value(row, c) for c in range(3))
        if is_empty(var) or _code(code) is None or is_empty(meaning):
            continue
        out.setdefault(str(var).strip(), {})[int(_code(code))] = str(meaning).strip()
    return out


def source_for(
    sheet: Sheet,
    *,
    variables: Sequence[tuple[str, Mapping[str, tuple[str, str]]]] = (),
    values: Sequence[tuple[str, Mapping[str, Mapping[int, str]]]] = (),
) -> SurveySource | None:
    """The export tables that describe ``sheet`` (most of its first-row headers are ``VAR``s).

    ``variables`` and ``values`` are (file, table) pairs found in the same round.
    """
    texts = _row_texts(sheet, 0)
    headers = [t for t in texts if t]
    if not headers:
        return None

    def overlap(table: Mapping[str, object]) -> float:
        """Share of the headers the table names; a table of the items only (without the
        system variables) counts when nearly all of its variables are headers."""
        hits = sum(1 for h in headers if h in table)
        if hits >= 2 and hits >= 0.8 * len(table):
            return 1.0
        return hits / len(headers)

    best = max(variables, key=lambda ft: overlap(ft[1]), default=None)
    vbest = max(values, key=lambda ft: overlap(ft[1]), default=None)
    if best is not None and overlap(best[1]) < 0.8:
        best = None
    if vbest is not None and overlap(vbest[1]) < 0.8:
        vbest = None
    if best is None and vbest is None:
        return None
    labels, system, origins = {}, set(), []
    if best is not None:
        file, table = best
        origins.append(f"Variablentabelle '{file}'")
        for col, var in enumerate(texts):
            label, kind = table.get(var, ("", ""))
            if kind.upper() == "SYSTEM":
                system.add(col)
            elif label:
                labels[col] = _clean_label(label) or var
    value_labels: dict[int, Mapping[int, str]] = {}
    if vbest is not None:
        vfile, vtable = vbest
        value_labels = {col: vtable[var] for col, var in enumerate(texts) if var in vtable}
        if value_labels:
            origins.append(f"Wertetabelle '{vfile}'")
    return SurveySource(
        labels=labels,
        value_labels=value_labels,
        system=frozenset(system),
        origin=" und ".join(origins),
    )


def relabel(sheet: Sheet, source: SurveySource, *, header_row: int = 0) -> Sheet:
    """``sheet`` with the header row showing the labels of ``source`` (codes stay where no
    label is known); the data rows are unchanged."""
    if not source.labels or header_row >= sheet.n_rows:
        return sheet
    row = tuple(
        source.labels.get(col, v) if not is_empty(v) else v
        for col, v in enumerate(sheet.rows[header_row])
    )
    rows = (*sheet.rows[:header_row], row, *sheet.rows[header_row + 1 :])
    return dataclasses.replace(sheet, rows=rows)


def _clean_label(label: str) -> str:
    """A SoSci label as a header: without its sub-item placeholder ("Kommentar: [01]" →
    "Kommentar"); a matrix item "Frage: Teilfrage" written as "Frage [Teilfrage]", so that
    the sub-question names the item, as in other survey tools."""
    label = re.sub(r"\s*:?\s*\[\d+\]\s*$", "", label).strip()
    stem, sep, sub = label.rpartition(": ")
    return f"{stem} [{sub.strip()}]" if sep and stem.strip() and sub.strip() else label


# --- a round's files ---------------------------------------------------------------------------


@dataclass
class ExportTables:
    """The variables and values tables of survey exports found in a round (file → table)."""

    variables: list[tuple[str, dict[str, tuple[str, str]]]] = field(default_factory=list)
    values: list[tuple[str, dict[str, dict[int, str]]]] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    legends: list[tuple[str, list[tuple[int, str]]]] = field(default_factory=list)
    """Legend files of the round (code | meaning), for coded answers without a legend."""


def find_export_tables(paths: Sequence[Path], *, root: Path, max_mb: float) -> ExportTables:
    """Variables/values tables among the CSV files ``paths`` (judged from their first line),
    and legend files of answer codes (:func:`flueko.ingest.survey_legend.find_legend_files`)."""
    from flueko.errors import FluekoError
    from flueko.ingest.survey_legend import find_legend_files
    from flueko.io.readers import read_sheets, relative_name
    from flueko.io.sniff import decode_text

    found = ExportTables()
    others = []
    for path in paths:
        try:
            with path.open("rb") as fh:
                head = fh.read(512)
            first = decode_text(head)[1].lstrip("\ufeff").split("\n", 1)[0]
            if not fold(first).startswith("var "):
                others.append(path)
                continue
            sheets = read_sheets(path, root=root, max_mb=max_mb)
        except (OSError, FluekoError):
            continue
        name = relative_name(path, root)
        for sheet in sheets:
            variables, values = variables_table(sheet), values_table(sheet)
            if variables is not None:
                found.variables.append((name, variables))
                found.files.add(name)
            elif values is not None:
                found.values.append((name, values))
                found.files.add(name)
    found.legends = find_legend_files(others, root=root)
    found.files.update(name for name, _ in found.legends)
    return found


def prepare_sheets(
    sheets: Sequence[Sheet], exports: ExportTables
) -> tuple[list[Sheet], dict[str, SurveySource], list[LogEntry]]:
    """The sheets of one file to ingest, what each says about its scale, and notes.

    Legend sheets are taken out (their legend goes to the other sheets); a data sheet of a
    survey export gets the labels of its variables table as headers.
    """
    legends = {s.name: legend_table(s) for s in sheets if not s.hidden} if len(sheets) > 1 else {}
    legends = {name: pairs for name, pairs in legends.items() if pairs}
    out, found, notes = [], {}, []
    legend = next(iter(legends.items()), None)
    origin = "" if legend is None else f"Blatt '{legend[0]}'"
    if legend is None and exports.legends:
        legend, origin = exports.legends[0], f"Legendendatei '{exports.legends[0][0]}'"
    for sheet in sheets:
        if sheet.name in legends:
            notes.append(
                entry(
                    "survey_legend_sheet",
                    "Legende der Antwortcodes; wird für die Auswertung der anderen Blätter "
                    "verwendet, enthält selbst keine Rückmeldungen",
                    file=sheet.file,
                    sheet=sheet.name,
                    severity=INFO,
                )
            )
            continue
        source = source_for(sheet, variables=exports.variables, values=exports.values)
        if source is not None:
            sheet = relabel(sheet, source)
        if legend is not None:
            source = dataclasses.replace(
                source or SurveySource(),
                legend=tuple(legend[1]),
                origin=origin,
            )
        if source is not None:
            found[sheet.name] = source
        out.append(sheet)
    return out, found, notes


def export_table_note(file: str, exports: ExportTables | None = None) -> LogEntry:
    """The note for a variables or values table (or a legend file of ``exports``): read with
    its data file, no data itself."""
    if exports is not None and any(name == file for name, _ in exports.legends):
        from flueko.ingest.survey_legend import legend_file_note

        return legend_file_note(file)
    return entry(
        "survey_export_table",
        "Variablen- bzw. Wertetabelle eines Befragungsexports; ihre Beschriftungen werden für "
        "die Datendatei daneben verwendet, sie enthält selbst keine Rückmeldungen",
        file=file,
        severity=INFO,
    )
