"""Recognise what a sheet is (workshop cards, ratings, survey, plan, codebook) and where its
header row is — from the content, so that the analyst configures nothing for the common cases.

The header words come from the round's :class:`~flueko.vocabulary.Vocabulary`
(``resources/vocabulary.yaml``, folded: lower case, umlauts as ae/oe/ue, ß as ss). Words of 3
letters or fewer must match a whole token; longer ones may sit inside a compound ("Klebepunkte").
Every function takes ``vocabulary=``; without one the packaged vocabulary is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from flueko.errors import LayoutError
from flueko.sheet import Sheet, is_empty
from flueko.text import fold as text_fold
from flueko.vocabulary import Vocabulary, or_default

MAX_LABEL = 40
"""Longest header label (other than a guiding question) that is taken as a column name."""
MAX_QUESTION = 160

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
    vocabulary: Vocabulary | None = None,
) -> Detection | None:
    """Decide the kind of a sheet if ``texts`` is its header row, else ``None``.

    A lone long text is a title, not a header; header labels other than question texts are
    short (at most :data:`MAX_LABEL` characters).
    """
    filled = [t for t in texts if t]
    if not filled or (len(filled) == 1 and len(filled[0]) > MAX_LABEL):
        return None
    vocab = or_default(vocabulary)
    texts = [t if len(t) <= MAX_QUESTION else "" for t in texts]
    if _cols(texts, vocab.codebook_id):
        return Detection("codebook", -1, {"id": _cols(texts, vocab.codebook_id)}, "codebook")
    measure = _cols(texts, vocab.measure)
    impact, effort = _cols(texts, vocab.impact), _cols(texts, vocab.effort)
    rater = _cols(texts, vocab.rater)
    plan = _cols(texts, vocab.plan)
    if measure and (impact or effort) and rater:
        return Detection("ratings", -1, {"measure": measure, "rater": rater}, "long")
    if measure and plan and len(plan) >= 2:
        return Detection("plan", -1, {"measure": measure}, "plan")
    if measure and impact and effort:
        return Detection("ratings", -1, {"measure": measure}, "per_rater_sheet")
    items = [i for i, t in enumerate(texts) if t and item_of(t)]
    if len(items) >= 3:
        return Detection("survey", -1, {"items": items}, "wide")
    cards = _cards_columns(texts, question_of=question_of, has_measure=bool(measure), vocab=vocab)
    if cards is not None:
        return cards
    if measure and len(filled) >= 2:
        return Detection("plan", -1, {"measure": measure}, "plan")
    if len(items) >= 2 and _cols(texts, vocab.survey_group):
        return Detection("survey", -1, {"items": items}, "wide")
    return None


def _exact_word(header: str, words: tuple[str, ...]) -> bool:
    """True if one token of the folded ``header`` is one of ``words`` (no compounds)."""
    return any(t in words for t in fold(header).split())


def _votes_cols(texts: list[str], vocab: Vocabulary) -> list[int]:
    """Columns of dot votes: a vote word as a whole token ("Anzahl Punkte", "Priorität") or a
    plural compound ("Klebepunkte", "Gesamtpunkte") that is no card word ("Stichpunkte")."""
    out = []
    for i, t in enumerate(texts):
        if not t or len(t) > MAX_LABEL:
            continue
        tokens = fold(t).split()
        if any(tok in vocab.votes for tok in tokens) or any(
            tok.endswith(vocab.vote_endings) and tok not in vocab.text for tok in tokens
        ):
            out.append(i)
    return out


def _is_group_name(text: str, vocab: Vocabulary) -> bool:
    """A header that names one working group ("AK Wohnen", "Arbeitskreis Arbeit")."""
    return len(text) <= MAX_LABEL and vocab.group_name_re.match(fold(text)) is not None


def _names_question(text: str, question_of: QuestionMatcher) -> bool:
    """A header that stands for one Leitfrage (not a bare number such as "1")."""
    return len(re.findall(r"[^\W\d_]", text)) >= 3 and question_of(text) is not None


def _cards_columns(
    texts: list[str], *, question_of: QuestionMatcher, has_measure: bool, vocab: Vocabulary
) -> Detection | None:
    """The card layouts of a header row (see :mod:`flueko.ingest.cards`), or ``None``.

    - wide: at least two columns named after a Leitfrage ("Probleme", "Frage 1") or after a
      working group ("AK Wohnen"), or one Leitfrage column with a votes column right of it
      (blocks that repeat the header for each question);
    - long: a card column (text words, else weak text words); a card label
      repeated further right starts a second table beside the first (one per working group).
    """
    votes = _votes_cols(texts, vocab)
    strong = [i for i in _cols(texts, vocab.text) if i not in votes]
    weak = [i for i in _cols(texts, vocab.weak_text) if i not in votes and i not in strong]
    question_cols = [
        i for i, t in enumerate(texts) if t and i not in votes and _names_question(t, question_of)
    ]
    role_q = [i for i in _cols(texts, vocab.question) if i not in question_cols and i not in votes]
    named_groups = [i for i, t in enumerate(texts) if t and _is_group_name(t, vocab)]
    # a weak word alone ("Notizen") is a notes sheet, not a card table
    with_roles = bool(votes or role_q or _cols(texts, vocab.group))
    text_cols = strong or ([] if has_measure or not with_roles else weak)
    text_cols = [
        i for i in text_cols if i not in role_q and (i in strong or i not in question_cols)
    ]
    groups = [
        i
        for i in _cols(texts, vocab.group)
        if i not in votes
        and i not in text_cols
        and i not in question_cols
        and i not in named_groups
    ]
    q_votes = [i for i in question_cols if i + 1 in votes and i not in strong]
    if len(question_cols) >= 2 or (len(question_cols) == 1 and q_votes and not text_cols):
        return Detection(
            "cards", -1, {"questions": question_cols, "votes": votes, "group": groups}, "wide"
        )
    if not text_cols and len(named_groups) >= 2 and not question_cols:
        return Detection(
            "cards",
            -1,
            {"questions": [], "group_columns": named_groups, "votes": votes, "group": []},
            "wide",
        )
    if text_cols:
        label = fold(texts[text_cols[0]])
        repeated = [i for i in text_cols if fold(texts[i]) == label]
        return Detection(
            "cards",
            -1,
            {"text": repeated, "question": role_q, "votes": votes, "group": groups},
            "long",
        )
    return None


def detect_sheet(
    sheet: Sheet,
    *,
    question_of: QuestionMatcher,
    item_of: ItemMatcher,
    search_rows: int = 30,
    vocabulary: Vocabulary | None = None,
) -> Detection:
    """Find the header row and kind of ``sheet``.

    The header is the first row within ``search_rows`` that classifies; rows above it form the
    title block. Raises :class:`LayoutError` listing the texts found and the words expected.
    """
    limit = min(sheet.n_rows, search_rows)
    vocab = or_default(vocabulary)

    def classify(row: int) -> Detection | None:
        texts = _row_texts(sheet, row)
        det = classify_row(
            texts,
            sheet_name=sheet.name,
            question_of=question_of,
            item_of=item_of,
            vocabulary=vocab,
        )
        if det is None or det.kind == "plan":
            det = _two_row_ratings(sheet, row, vocab) or det
        if det is None or _numeric_below(sheet, row, det.columns.get("measure", [])):
            return None
        return det

    for row in range(limit):
        det = classify(row)
        if det is None or _is_title_over_header(sheet, row, det, classify, limit):
            continue
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


def _two_row_ratings(sheet: Sheet, row: int, vocab: Vocabulary) -> Detection | None:
    """A rating sheet whose header spans ``row`` and the row below: a rater merged over a
    Wirkung | Aufwand pair with the criteria below, or "Maßnahme" in the second row. The row
    below must hold labels only (no numbers); its criterion words complete the header."""
    if row + 1 >= sheet.n_rows or _filled(sheet, row) < 2:
        return None
    below = sheet.row_values(row + 1)
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in below):
        return None
    texts = []
    for c in range(sheet.n_cols):
        parts = [sheet.merged_value(r, c) for r in (row, row + 1)]
        parts = [" ".join(str(p).split()) for p in parts if not is_empty(p)]
        texts.append(" ".join(dict.fromkeys(parts)))
    if len([t for t in texts if t]) < 3:
        return None
    measure = _cols(texts, vocab.measure)
    impact, effort = _cols(texts, vocab.impact), _cols(texts, vocab.effort)
    below_texts = [" ".join(str(v).split()) if not is_empty(v) else "" for v in below]
    criteria_below = _cols(below_texts, vocab.impact) + _cols(below_texts, vocab.effort)
    if (
        measure
        and impact
        and effort
        and (criteria_below or not _cols(_row_texts(sheet, row), vocab.measure))
    ):
        return Detection("ratings", -1, {"measure": measure}, "matrix")
    return None


def _filled(sheet: Sheet, row: int) -> int:
    return sum(1 for v in sheet.row_values(row) if not is_empty(v))


def _is_title_over_header(
    sheet: Sheet,
    row: int,
    det: Detection,
    classify: Callable[[int], Detection | None],
    limit: int,
) -> bool:
    """True if a cards candidate is a title ("Ergebnisse AK Wohnen", "AK Wohnen | AK Arbeit")
    and the next non-empty row is a header as well: wider than a one-cell title, at least as
    wide as a row of group names (the tables of the groups stand below them)."""
    n = _filled(sheet, row)
    by_group = bool(det.columns.get("group_columns"))
    if det.kind != "cards" or (n > 1 and not by_group):
        return False
    nxt = next((r for r in range(row + 1, limit) if _filled(sheet, r)), None)
    if nxt is None or _filled(sheet, nxt) < n + (0 if by_group else 1):
        return False
    below = classify(nxt)
    return below is not None and not (by_group and below.columns.get("group_columns"))


def _numeric_below(sheet: Sheet, row: int, cols: list[int], *, sample: int = 10) -> bool:
    """True if the values under a "Maßnahme" header are mostly numbers (a count, not titles)."""
    if not cols:
        return False
    values = [sheet.value(r, cols[0]) for r in range(row + 1, min(row + 1 + sample, sheet.n_rows))]
    values = [v for v in values if not is_empty(v)]
    numeric = sum(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    return bool(values) and numeric >= 0.8 * len(values)


def is_summary_sheet(sheet: Sheet, *, vocabulary: Vocabulary | None = None) -> bool:
    """Sheet names like "Übersicht" or "Diagramm": summaries that hold no raw answers."""
    return fold(sheet.name) in or_default(vocabulary).summary_sheets


def is_total_label(text: object, *, vocabulary: Vocabulary | None = None) -> bool:
    """True for a cell that labels a totals row ("Summe", "Gesamt:", "Mittelwert", "Ø")."""
    return fold(text).split(" ", 1)[0] in or_default(vocabulary).totals


def is_total_row(texts: list[str], *, vocabulary: Vocabulary | None = None) -> bool:
    """True for a totals row (any cell is a totals label) — excluded, never a contribution."""
    vocab = or_default(vocabulary)
    return any(is_total_label(t, vocabulary=vocab) for t in texts if t)
