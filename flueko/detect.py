"""Recognise what a sheet is (workshop cards, ratings, survey, plan, codebook) and where its
header row is — from the content, so that the analyst configures nothing for the common cases.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from flueko.errors import LayoutError
from flueko.sheet import Sheet, is_empty
from flueko.text import fold as text_fold

# Header vocabulary (folded: lower case, umlauts as ae/oe/ue, ß as ss). Words of 3 letters or
# fewer must match a whole token; longer ones may sit inside a compound ("Klebepunkte").
TEXT_WORDS = (
    "beitrag", "beitraege", "idee", "ideen", "karte", "karten", "kartentext", "antwort",
    "antworten", "vorschlag", "vorschlaege", "anregung", "anregungen", "nennung", "nennungen",
    "stichpunkt", "stichpunkte", "aussage", "aussagen", "ergebnis", "ergebnisse", "inhalt",
    "text", "notiz", "notizen",
)  # fmt: skip
QUESTION_WORDS = ("leitfrage", "leitfragen", "frage", "fragestellung", "thema", "themen")
VOTES_WORDS = ("punkte", "punkt", "stimmen", "klebepunkte", "votes", "punktzahl", "dots")
GROUP_WORDS = ("arbeitskreis", "ak", "gruppe", "arbeitsgruppe", "ag", "workshop", "tisch")
MEASURE_WORDS = ("massnahme", "massnahmen", "vorhaben", "projekt")
IMPACT_WORDS = ("wirkung", "nutzen", "wirksamkeit")
EFFORT_WORDS = ("aufwand",)
RATER_WORDS = (
    "bewerter", "bewerterin", "bewertende", "teilnehmer", "teilnehmerin", "teilnehmende",
    "tn", "person", "rater", "kuerzel",
)  # fmt: skip
PLAN_WORDS = ("status", "fortschritt", "ziel", "nr", "zustaendig", "zustaendigkeit", "partner")
SURVEY_GROUP_WORDS = ("teilnehmergruppe", "zielgruppe", "institution", "bereich")
CODEBOOK_WORDS = ("idea id", "idea_id", "ideen id", "idee id")

MAX_LABEL = 40
"""Longest header label (other than a guiding question) that is taken as a column name."""
MAX_QUESTION = 160
SUMMARY_SHEETS = ("uebersicht", "zusammenfassung", "summary", "diagramm", "diagramme", "grafik")
"""Sheet names of summaries and charts: skipped with a note when their layout is not a table."""

TOTAL_RE = re.compile(r"^(summe|gesamt|insgesamt|total|gesamtsumme|zwischensumme)\b")

QuestionMatcher = Callable[[str], str | None]
ItemMatcher = Callable[[str], str | None]


def fold(value: object) -> str:
    """Folded for matching (see :func:`flueko.text.fold`); ``_`` is kept ("idea_id")."""
    return text_fold(value, keep="_")


def has_word(header: object, words: tuple[str, ...]) -> bool:
    """True if the folded ``header`` contains one of ``words`` (see module note on short words)."""
    folded = fold(header)
    if not folded:
        return False
    tokens = folded.split()
    for word in words:
        if " " in word or "_" in word:
            if word in folded:
                return True
        elif len(word) <= 3:
            if word in tokens:
                return True
        elif any(t.startswith(word) or t.endswith(word) for t in tokens):
            return True
    return False


@dataclass(frozen=True)
class Detection:
    """What a sheet is: its kind, header row (0-based) and the columns by role."""

    kind: str
    header_row: int
    columns: dict[str, list[int]] = field(default_factory=dict)
    layout: str = ""


def _row_texts(sheet: Sheet, row: int) -> list[str]:
    return ["" if is_empty(v) else str(v).strip() for v in sheet.row_values(row)]


def _cols(texts: list[str], words: tuple[str, ...]) -> list[int]:
    return [i for i, t in enumerate(texts) if t and len(t) <= MAX_LABEL and has_word(t, words)]


def classify_row(
    texts: list[str],
    *,
    sheet_name: str,
    question_of: QuestionMatcher,
    item_of: ItemMatcher,
) -> Detection | None:
    """Decide the kind of a sheet if ``texts`` is its header row, else ``None``.

    A lone long text is a title, not a header; header labels other than question texts are
    short (at most :data:`MAX_LABEL` characters).
    """
    filled = [t for t in texts if t]
    if not filled or (len(filled) == 1 and len(filled[0]) > MAX_LABEL):
        return None
    texts = [t if len(t) <= MAX_QUESTION else "" for t in texts]
    if _cols(texts, CODEBOOK_WORDS):
        return Detection("codebook", -1, {"id": _cols(texts, CODEBOOK_WORDS)}, "codebook")
    measure = _cols(texts, MEASURE_WORDS)
    impact, effort = _cols(texts, IMPACT_WORDS), _cols(texts, EFFORT_WORDS)
    rater = _cols(texts, RATER_WORDS)
    plan = _cols(texts, PLAN_WORDS)
    if measure and (impact or effort) and rater:
        return Detection("ratings", -1, {"measure": measure, "rater": rater}, "long")
    if measure and plan and len(plan) >= 2:
        return Detection("plan", -1, {"measure": measure}, "plan")
    if measure and impact and effort:
        return Detection("ratings", -1, {"measure": measure}, "per_rater_sheet")
    items = [i for i, t in enumerate(texts) if t and item_of(t)]
    if len(items) >= 3:
        return Detection("survey", -1, {"items": items}, "wide")
    question_cols = [
        i for i, t in enumerate(texts) if len(re.findall(r"[^\W\d_]", t)) >= 3 and question_of(t)
    ]
    text_cols = _cols(texts, TEXT_WORDS)
    votes = _cols(texts, VOTES_WORDS)
    q_cols = _cols(texts, QUESTION_WORDS)
    groups = [i for i in _cols(texts, GROUP_WORDS) if i not in votes]
    if len(question_cols) >= 2 and len(set(question_cols) - set(q_cols)) >= 2:
        return Detection(
            "cards", -1, {"questions": question_cols, "votes": votes, "group": groups}, "wide"
        )
    text_cols = [i for i in text_cols if i not in votes and i not in q_cols]
    if text_cols:
        return Detection(
            "cards",
            -1,
            {"text": text_cols[:1], "question": q_cols[:1], "votes": votes, "group": groups},
            "long",
        )
    if measure and len(filled) >= 2:
        return Detection("plan", -1, {"measure": measure}, "plan")
    if len(items) >= 2 and _cols(texts, SURVEY_GROUP_WORDS):
        return Detection("survey", -1, {"items": items}, "wide")
    return None


def detect_sheet(
    sheet: Sheet,
    *,
    question_of: QuestionMatcher,
    item_of: ItemMatcher,
    search_rows: int = 30,
) -> Detection:
    """Find the header row and kind of ``sheet``.

    The header is the first row within ``search_rows`` that classifies; rows above it form the
    title block. Raises :class:`LayoutError` listing the texts found and the words expected.
    """
    limit = min(sheet.n_rows, search_rows)
    for row in range(limit):
        texts = _row_texts(sheet, row)
        det = classify_row(texts, sheet_name=sheet.name, question_of=question_of, item_of=item_of)
        if det is not None and not _numeric_below(sheet, row, det.columns.get("measure", [])):
            return Detection(det.kind, row, det.columns, det.layout)
    seen = []
    for row in range(limit):
        seen.extend(t for t in _row_texts(sheet, row) if t)
        if len(seen) >= 8:
            break
    shown = "; ".join(f"„{t[:40]}“" for t in seen[:8]) or "keine"
    raise LayoutError(
        f"keine Kopfzeile erkannt (gefunden: {shown})",
        file=sheet.file,
        sheet=sheet.name or None,
        hint="eine Kopfzeile mit z. B. Leitfrage | Beitrag | Punkte (Workshop-Karten), "
        "Maßnahme | Bewerter/in | Wirkung | Aufwand (Bewertung) oder Teilnehmergruppe und "
        "Fragen (Rückmeldebogen) einfügen",
    )


def _numeric_below(sheet: Sheet, row: int, cols: list[int], *, sample: int = 10) -> bool:
    """True if the values under a "Maßnahme" header are mostly numbers (a count, not titles)."""
    if not cols:
        return False
    values = [sheet.value(r, cols[0]) for r in range(row + 1, min(row + 1 + sample, sheet.n_rows))]
    values = [v for v in values if not is_empty(v)]
    numeric = sum(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    return bool(values) and numeric >= 0.8 * len(values)


def is_summary_sheet(sheet: Sheet) -> bool:
    """Sheet names like "Übersicht" or "Diagramm": summaries that hold no raw answers."""
    return fold(sheet.name) in SUMMARY_SHEETS


def is_total_row(texts: list[str]) -> bool:
    """True for a totals row ("Summe", "Gesamt", …) — excluded, never a contribution."""
    return any(TOTAL_RE.match(fold(t)) for t in texts if t)
