"""Read one round: every file of ``data/raw/<round>/`` → raw tables (:class:`ParsedRound`) and log.

Reading, sheet-kind detection and the per-kind parsers; the analysis after reading is wired in
:mod:`flueko.pipeline`. A bad file gets one log line and the others are still processed;
nothing already read is lost.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from flueko import log as L
from flueko import schema
from flueko.config import (
    Workspace,
    file_hints,
    hint_for,
    load_params,
    load_round_meta,
    load_settings,
)
from flueko.errors import FluekoError, LayoutError
from flueko.ingest import survey_sources
from flueko.ingest.accounting import CellCount, SheetUse, account_sheet, understood_entry
from flueko.ingest.cards import SheetStats, card_table, read_cards_sheet
from flueko.ingest.detect import NOT_RECOGNISED, is_summary_sheet
from flueko.ingest.evidence import (
    CONTACTS,
    contact_labels,
    evidence_line,
    recognise_sheet,
)
from flueko.ingest.readings import ratings_use, survey_use, table_use
from flueko.io.codebook import coding_from_sheet, is_codebook_sheet
from flueko.io.lineage_review import MEASURE as REVIEW_MEASURE
from flueko.io.lineage_review import is_review_sheet, read_review_sheet
from flueko.io.readers import read_sheets
from flueko.labels import KIND_LABELS, RATING_TEMPLATE_CARDS, RATING_TEMPLATE_GUIDE
from flueko.params import Params
from flueko.sheet import Sheet, is_empty
from flueko.vocabulary import VOCABULARY_FILE, load_vocabulary

SETTINGS_FILES = {
    "round.yaml",
    "params.yaml",
    "taxonomy.yaml",
    "survey_items.yaml",
    VOCABULARY_FILE,
}
IGNORED_SUFFIXES = {".md", ".pdf", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".yaml", ".yml"}


@dataclass
class FileReport:
    """What one input file gave: its kinds, counts and whether it could be read.

    ``refused``: why the file was not read although it could be — it does not look like dialogue
    data, or (``personal``) it is a participant or contact list; a warning, not an error.
    """

    file: str
    kinds: list[str] = field(default_factory=list)
    stats: SheetStats = field(default_factory=SheetStats)
    cells: CellCount = field(default_factory=CellCount)
    """Every non-empty cell of the sheets read: text, numbers, header, excluded."""
    ratings: int = 0
    responses: int = 0
    measures: int = 0
    warnings: int = 0
    error: str = ""
    refused: str = ""
    personal: bool = False
    ignored: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


def round_files(folder: Path) -> list[Path]:
    """Input files of a round: all files in all sub-folders, settings and lock files excluded."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or any(p.startswith((".", "~$")) for p in rel.parts):
            continue
        if path.name in SETTINGS_FILES or path.suffix.lower() in IGNORED_SUFFIXES:
            continue
        out.append(path)
    return out


def fingerprint(folder: Path) -> str:
    """SHA-256 over every file of the round folder (paths and bytes), independent of mtimes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class ParsedRound:
    """The raw tables read from a round's files, before any analysis."""

    cards: list[pd.DataFrame] = field(default_factory=list)
    card_rows: list[list[tuple]] = field(default_factory=list)
    """The ideas of each card sheet as records, made into one table at the end of reading
    (one table per round instead of one per sheet: ``cards`` holds it)."""
    ratings: list[pd.DataFrame] = field(default_factory=list)
    attrs: list[pd.DataFrame] = field(default_factory=list)
    plans: list[pd.DataFrame] = field(default_factory=list)
    responses: list[pd.DataFrame] = field(default_factory=list)
    codings: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    reviews: list[pd.DataFrame] = field(default_factory=list)
    """The analyst's „ja“/„nein“ of a returned plan's sheet „Herkunft prüfen“."""


class RoundContext:
    """Settings and matchers of a round, built once.

    ``overrides``: params.yaml keys from the command line (nested, see
    :func:`flueko.config.load_params`).
    """

    def __init__(
        self, ws: Workspace, round_id: str, *, overrides: Mapping[str, Any] | None = None
    ) -> None:
        from flueko.taxonomy import taxonomy_from_dict
        from flueko.taxonomy_match import field_for_group, question_for_heading

        self.round_id = round_id
        self.meta = load_round_meta(ws.raw_round(round_id))
        self.file_hints = file_hints(self.meta)
        self.params: Params = load_params(workspace=ws, round_id=round_id, overrides=overrides)
        self.taxonomy = taxonomy_from_dict(
            load_settings("taxonomy.yaml", workspace=ws, round_id=round_id)
        )
        self.items = load_settings("survey_items.yaml", workspace=ws, round_id=round_id)
        self.vocabulary = load_vocabulary(workspace=ws, round_id=round_id)
        self._items_seen: dict[str, str | None] = {}
        tax = self.taxonomy
        self.question_of = lru_cache(maxsize=65_536)(lambda text: question_for_heading(text, tax))
        self.group_of = lru_cache(maxsize=4_096)(lambda text: field_for_group(text, tax))

    def item_of(self, header: str) -> str | None:
        """Survey item a header names (cached: detection asks for every header cell)."""
        from flueko.ingest.survey import match_item

        if header not in self._items_seen:
            self._items_seen[header] = match_item(header, items=self.items)[0]
        return self._items_seen[header]


def _non_empty_cells(sheet: Sheet) -> int:
    return sum(1 for row in sheet.rows for v in row if not is_empty(v))


def _ingest_sheet(
    sheet: Sheet, ctx: RoundContext, report: FileReport, out: ParsedRound, source=None
) -> list:
    """Parse one sheet into ``out``; returns its log entries.

    ``source``: what the file says about a survey's scale and columns beside the sheet
    (:class:`flueko.ingest.survey_sources.SurveySource`).
    """
    entries: list[L.LogEntry] = []
    from flueko.io.codebook import is_own_sheet

    if is_own_sheet(sheet) or is_template_sheet(sheet):  # flueko's helper sheets
        return entries
    if sheet.hidden:
        n = _non_empty_cells(sheet)
        if n:
            entries.append(
                L.entry(
                    "hidden_sheet",
                    f"ausgeblendetes Blatt mit {n} gefüllten Zellen nicht ausgewertet",
                    file=sheet.file,
                    sheet=sheet.name,
                    severity=L.INFO,
                )
            )
        return entries
    if sheet.n_rows == 0 or all(is_empty(v) for row in sheet.rows for v in row):
        return entries
    if is_codebook_sheet(sheet):
        coding, log = coding_from_sheet(sheet)
        report.kinds.append("codebook")
        out.codings.append((sheet.file, coding))
        entries.extend(log)
        return entries
    if is_review_sheet(sheet):  # flueko's list of links, with the analyst's answers
        decisions, log = read_review_sheet(sheet)
        report.kinds.append("lineage_review")
        out.reviews.append(decisions)
        entries.extend(log)
        return entries
    hint = hint_for(ctx.file_hints, report.file)
    det = recognise_sheet(
        sheet,
        question_of=ctx.question_of,
        item_of=ctx.item_of,
        search_rows=ctx.params.ingest.header_search_rows,
        vocabulary=ctx.vocabulary,
        hint=hint,
    )
    if det.kind == CONTACTS:
        report.personal = True
        return [_personal_entry(sheet, det)]
    entries.append(
        L.entry(
            "recognised", evidence_line(det), file=sheet.file, sheet=sheet.name, severity=L.INFO
        )
    )
    report.kinds.append(det.kind)
    use = None
    if det.kind == "cards":
        cards = read_cards_sheet(
            sheet,
            detection=det,
            round_id=ctx.round_id,
            question_of=ctx.question_of,
            group_of=ctx.group_of,
            vocabulary=ctx.vocabulary,
        )
        report.stats.add(cards.stats)
        out.card_rows.append(cards.rows)
        entries.extend(cards.log)
        use = cards.use
    elif det.kind == "ratings":
        from flueko.ingest.ratings import parse_ratings_sheet

        ratings, attrs, log, *more = parse_ratings_sheet(
            sheet, header_row=det.header_row, round_id=ctx.round_id, vocabulary=ctx.vocabulary
        )
        report.ratings += len(ratings)
        out.ratings.append(ratings)
        out.attrs.append(attrs)
        entries.extend(log)
        use = _reported_use(more) or ratings_use(sheet, det, ctx.vocabulary)
    elif det.kind == "plan":
        from flueko.ingest.plan import parse_plan_sheet

        measures, log, *more = parse_plan_sheet(
            sheet, header_row=det.header_row, round_id=ctx.round_id, vocabulary=ctx.vocabulary
        )
        report.measures += len(measures)
        out.plans.append(measures)
        entries.extend(log)
        use = _reported_use(more)
    elif det.kind == "survey":
        from flueko.ingest.survey import parse_survey_sheet

        hint = (ctx.meta.get("hints") or {}).get("survey_scale")
        responses, log, *more = parse_survey_sheet(
            sheet,
            header_row=det.header_row,
            round_id=ctx.round_id,
            items=ctx.items,
            scale_hint=hint,
            source=source,
        )
        report.responses += int(responses[schema.RESPONDENT].nunique()) if len(responses) else 0
        out.responses.append(responses)
        entries.extend(log)
        use = _reported_use(more) or survey_use(sheet, det, log, vocab=ctx.vocabulary)
    elif det.kind == "codebook":
        raise LayoutError(
            "sieht aus wie eine Kodierungstabelle, aber das Blatt heißt nicht 'Kodierung'",
            file=sheet.file,
            sheet=sheet.name,
            hint="die mit 'flueko codebook export' erzeugte Datei unverändert lassen",
        )
    if use is None:
        use = table_use(sheet, det, ctx.vocabulary)
    count, unused = account_sheet(
        sheet, use.reading, entries, consumed=use.consumed, excluded=use.excluded
    )
    report.cells += count
    entries.append(understood_entry(sheet, use.reading))
    entries.extend(unused)
    return entries


def is_template_sheet(sheet: Sheet) -> bool:
    """True for the helper sheets of flueko's rating-sheet template (its instructions and its
    list of kick-off cards, whatever their names): never data, skipped without a log entry."""
    first = tuple(sheet.rows[0]) if sheet.rows and sheet.rows[0] else ()
    if first[:1] == RATING_TEMPLATE_GUIDE[:1]:
        return True
    # the card list, also with columns deleted or added after its „Karten-ID“ column (not
    # „Herkunft prüfen“, which has a „Karten-ID“ too, beside its „Maßnahmen-ID“)
    return first[:1] == RATING_TEMPLATE_CARDS[:1] and REVIEW_MEASURE not in first


def _reported_use(more: list) -> SheetUse | None:
    """The :class:`SheetUse` a parser returned after its usual values, if it did."""
    return next((m for m in more if isinstance(m, SheetUse)), None)


def _personal_entry(sheet: Sheet, det) -> L.LogEntry:
    """The one line of a participant or contact list: column labels only, never a value."""
    labels = contact_labels(sheet, det)
    shown = ", ".join(labels[:4]) + (", …" if len(labels) > 4 else "")
    what = f"Spalten {shown}" if labels else "Zeilen mit E-Mail-Adressen oder Telefonnummern"
    return L.entry(
        "personal_data",
        f"enthält personenbezogene Daten ({KIND_LABELS[CONTACTS]}: {what}) — übersprungen, "
        "nichts daraus eingelesen; solche Listen gehören nicht in den Rundenordner",
        file=sheet.file,
        sheet=sheet.name,
    )


def _hint_entries(ctx: RoundContext, rels: list[str]) -> list[L.LogEntry]:
    """Info lines for the kinds forced in round.yaml; a warning for a hint without its file."""
    out = []
    for name, hint in ctx.file_hints.items():
        match = [r for r in rels if hint_for({name: hint}, r)]
        if not match:
            out.append(
                L.entry(
                    "hint_unused",
                    f"Hinweis in round.yaml für „{name}“: keine solche Datei in der Runde — "
                    "Dateinamen in hints: files: prüfen",
                    file="round.yaml",
                )
            )
        for rel in match:
            kind = "ignorieren" if hint.kind == "ignore" else KIND_LABELS.get(hint.kind, hint.kind)
            out.append(
                L.entry(
                    "kind_hint",
                    f"Art per Hinweis in round.yaml: {kind} ({hint.word})",
                    file=rel,
                    severity=L.INFO,
                )
            )
    return out


def read_inputs(ws: Workspace, round_id: str, ctx: RoundContext) -> tuple[ParsedRound, list, list]:
    """Read and parse every file of the round; a failing file is logged, never fatal."""
    folder = ws.raw_round(round_id)
    out = ParsedRound()
    entries: list[L.LogEntry] = []
    reports: list[FileReport] = []
    max_mb = float(ctx.params.ingest.max_file_mb)
    rels = [p.relative_to(folder).as_posix() for p in round_files(folder)]
    entries.extend(_hint_entries(ctx, rels))
    files = round_files(folder)
    exports = survey_sources.find_export_tables(files, root=folder, max_mb=max_mb)
    for path in files:
        rel = path.relative_to(folder).as_posix()
        report = FileReport(rel)
        reports.append(report)
        file_entries: list[L.LogEntry] = []
        hint = hint_for(ctx.file_hints, rel)
        if hint is not None and hint.kind == "ignore":
            report.ignored = True
            continue
        if rel in exports.files:
            entries.append(survey_sources.export_table_note(rel, exports))
            continue
        try:
            sheets = read_sheets(path, root=folder, max_mb=max_mb)
            sheets, sources, notes = survey_sources.prepare_sheets(sheets, exports)
            file_entries.extend(notes)
        except FluekoError as err:
            err.file = rel
            report.error = err.one_line()
            file_entries.append(L.from_error(err, file=rel))
            entries.extend(file_entries)
            continue
        layout_errors = []
        for sheet in sheets:
            try:
                file_entries.extend(
                    _ingest_sheet(sheet, ctx, report, out, source=sources.get(sheet.name))
                )
            except LayoutError as err:
                if is_summary_sheet(sheet, vocabulary=ctx.vocabulary):
                    file_entries.append(
                        L.entry(
                            "summary_sheet",
                            "Zusammenfassung ohne Einzelwerte nicht ausgewertet",
                            file=rel,
                            sheet=sheet.name,
                            severity=L.INFO,
                        )
                    )
                else:
                    layout_errors.append(err)
            except FluekoError as err:
                file_entries.append(L.from_error(err, file=rel))
                report.error = report.error or err.one_line()
        refused = [e for e in layout_errors if e.code == NOT_RECOGNISED]
        if report.personal and not report.kinds:
            report.refused = (
                "enthält personenbezogene Daten (Teilnehmer-/Kontaktliste) — übersprungen"
            )
        elif refused and len(refused) == len(layout_errors) and not report.kinds:
            # the whole file does not look like dialogue data: one warning, not an error
            err = refused[0]
            err.sheet = None
            report.refused = err.one_line().removeprefix(f"{rel}: ")
            file_entries.append(L.from_error(err, file=rel, severity=L.WARNING))
        elif layout_errors and not report.kinds:
            report.error = layout_errors[0].one_line()
            file_entries.extend(L.from_error(e, file=rel) for e in layout_errors)
        else:
            file_entries.extend(
                L.from_error(e, file=rel, severity=L.WARNING) for e in layout_errors
            )
        report.warnings = sum(1 for e in file_entries if e.severity != L.INFO)
        entries.extend(file_entries)
    if any(out.card_rows):
        out.cards.append(card_table(out.card_rows))
    out.card_rows = []
    return out, entries, reports
