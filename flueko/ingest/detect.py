"""Recognise what a sheet is (workshop cards, ratings, survey, plan, codebook) and where its
header row is — from the content, so that the analyst configures nothing for the common cases.

The header words come from the round's :class:`~flueko.vocabulary.Vocabulary`
(``resources/vocabulary.yaml``, folded: lower case, umlauts as ae/oe/ue, ß as ss). Words of 3
letters or fewer must match a whole token; longer ones may sit inside a compound ("Klebepunkte").
Every function takes ``vocabulary=``; without one the packaged vocabulary is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from flueko.errors import LayoutError
from flueko.ingest.clean import is_formula_text
from flueko.ingest.headers import (
    infer_votes_column,
    matching_word,
    number_word,
    votes_word,
    words_of_columns,
)
from flueko.ingest.rating_layout import match_header
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
    """True if the folded ``header`` contains one of ``words`` (see module note on short words;
    :func:`flueko.ingest.headers.matching_word` says which)."""
    return matching_word(header, words) is not None


@dataclass(frozen=True)
class Detection:
    """What a sheet is: its kind, header row (0-based) and the columns by role.

    ``evidence``: why — the header labels (and value checks) that decided the kind, as the
    „verstanden als“ line shows them (see :mod:`flueko.ingest.evidence`).
    """

    kind: str
    header_row: int
    columns: dict[str, list[int]] = field(default_factory=dict)
    layout: str = ""
    evidence: tuple[str, ...] = ()
    matched: Mapping[int, str] = field(default_factory=dict)
    """Column → the vocabulary word that gave it its role (card sheets)."""
    inferred: frozenset[str] = frozenset()
    """Roles read from the values, not from a header (a vote column without header)."""


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
    tall = _tall_rating_cols(texts, vocab)
    if tall:
        return Detection("ratings", -1, tall, "tall")
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


def _tall_rating_cols(texts: list[str], vocab: Vocabulary) -> dict[str, list[int]]:
    """The measure, criterion and rating columns of a rating export with one row per criterion
    ("Maßnahme" | "Kriterium" | "Wert"), all three or none."""
    found: dict[str, list[int]] = {"title": [], "criterion": [], "rating": []}
    for i, t in enumerate(texts):
        role = match_header(t, tuple(found), vocabulary=vocab) if t else None
        if role is not None:
            found[role].append(i)
    if not all(found.values()):
        return {}
    return {"measure": found.pop("title"), **found}


def _votes_cols(texts: list[str], vocab: Vocabulary) -> list[int]:
    """Columns of dot votes (see :func:`flueko.ingest.headers.votes_word`); a numbering column
    ("Nr.", "Karte Nr.") never is one."""
    return [
        i
        for i, t in enumerate(texts)
        if votes_word(t, vocab) is not None and number_word(t, vocab) is None
    ]


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
    numbers = [i for i, t in enumerate(texts) if number_word(t, vocab)]
    votes = _votes_cols(texts, vocab)
    strong = [i for i in _cols(texts, vocab.text) if i not in votes and i not in numbers]
    weak = [
        i
        for i in _cols(texts, vocab.weak_text)
        if i not in votes and i not in strong and i not in numbers
    ]
    question_cols = [
        i
        for i, t in enumerate(texts)
        if t and i not in votes and i not in numbers and _names_question(t, question_of)
    ]
    role_q = [
        i
        for i in _cols(texts, vocab.question)
        if i not in question_cols and i not in votes and i not in numbers
    ]
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
        and i not in numbers
    ]
    q_votes = [i for i in question_cols if i + 1 in votes and i not in strong]
    columns: dict[str, list[int]] | None = None
    layout = "long"
    if len(question_cols) >= 2 or (len(question_cols) == 1 and q_votes and not text_cols):
        columns = {"questions": question_cols, "votes": votes, "group": groups}
        layout = "wide"
    elif not text_cols and len(named_groups) >= 2 and not question_cols:
        columns = {"questions": [], "group_columns": named_groups, "votes": votes, "group": []}
        layout = "wide"
    elif text_cols:
        label = fold(texts[text_cols[0]])
        repeated = [i for i in text_cols if fold(texts[i]) == label]
        columns = {"text": repeated, "question": role_q, "votes": votes, "group": groups}
    if columns is None:
        return None
    if numbers:
        columns["id"] = numbers
    matched = words_of_columns(texts, columns, vocab)
    return Detection("cards", -1, columns, layout, matched=matched)


NOT_RECOGNISED = "not_recognised"
"""Reason code of a sheet (or file) that does not look like dialogue data."""
KINDS_EXPECTED = "Workshop-Karten, Bewertungsbogen, Rückmeldebogen oder Maßnahmenplan"


def header_labels(sheet: Sheet, *, search_rows: int = 30, shown: int = 3) -> list[str]:
    """The column labels of the most header-like row (most short text cells) near the top.

    Only label-like cells are returned — short, with letters, no digits-only values, nothing the
    privacy detectors flag — so a message quoting them never shows a name, phone number or
    e-mail address from the rows below. ``shown`` labels at most, ``…`` appended when cut.
    """
    from flueko.privacy import find_personal_data

    def label(value: object) -> str:
        if is_empty(value) or isinstance(value, int | float):
            return ""
        text = " ".join(str(value).split())
        if len(text) > MAX_LABEL or not re.search(r"[^\W\d_]{2}", text):
            return ""
        return "" if find_personal_data(text) else text

    best: list[str] = []
    for row in range(min(sheet.n_rows, search_rows)):
        labels = [t for t in (label(v) for v in sheet.row_values(row)) if t]
        if len(labels) > len(best):
            best = labels
    return best[:shown] + (["…"] if len(best) > shown else [])


def not_recognised(sheet: Sheet, *, file: str | None = None, search_rows: int = 30) -> LayoutError:
    """The refusal of a sheet that does not look like dialogue data (code ``not_recognised``).

    „nicht erkannt: sieht nicht nach Workshop-Karten, Bewertungsbogen, Rückmeldebogen oder
    Maßnahmenplan aus (Spalten: Produkt, Bezeichnung, Betrag 2017, …) — falls doch: in round.yaml
    `hints: {files: {DATEI: karten}}` eintragen“. Quotes column labels only, never cell values.
    """
    labels = header_labels(sheet, search_rows=search_rows)
    columns = f" (Spalten: {', '.join(labels)})" if labels else " (keine Spaltenköpfe gefunden)"
    name = (file or sheet.file or "DATEI").replace('"', "")
    if not re.fullmatch(r"[\w./-]+", name):
        name = f'"{name}"'  # YAML needs quotes around spaces, brackets, colons
    return LayoutError(
        f"nicht erkannt: sieht nicht nach {KINDS_EXPECTED} aus{columns}",
        file=file or sheet.file,
        sheet=sheet.name or None,
        hint=f"falls doch: in round.yaml `hints: {{files: {{{name}: karten}}}}` eintragen",
        code=NOT_RECOGNISED,
    )


def is_data_row(sheet: Sheet, row: int, *, sample: int = 30) -> bool:
    """True if a label of ``row`` stands again in its column in a row that is no repeated
    header: the row is data ("TEXT" as a type in a variables table) — a header's labels are
    unique in their columns."""
    header = [fold(t) for t in _row_texts(sheet, row)]
    for r in range(max(0, row - sample), min(row + 1 + sample, sheet.n_rows)):
        texts = [fold(t) for t in _row_texts(sheet, r)]
        same = any(h and h == t for h, t in zip(header, texts, strict=False))
        if r != row and texts != header and same:
            return True
    return False


def _cards_supported(sheet: Sheet, row: int, det: Detection, *, sample: int = 30) -> bool:
    """True if the values under a long card header support it: the card column holds mostly
    texts, not numbers (a budget's "Ergebnis 2015" holds amounts) and not the header word
    again; with nothing below, a votes, question or group column must back the card word (a
    data dictionary's last row "BEMERKUNG | TEXT | 2000" is no header)."""
    values = [
        sheet.value(r, c)
        for c in det.columns.get("text", [])
        for r in range(row + 1, min(row + 1 + sample, sheet.n_rows))
        if not is_empty(sheet.value(r, c))
    ]
    if not values:
        return any(det.columns.get(role) for role in ("votes", "question", "group"))
    if is_data_row(sheet, row, sample=sample):
        return False
    numeric = sum(
        (isinstance(v, int | float) and not isinstance(v, bool))
        or bool(re.fullmatch(r"[-+]?[\d.,\s]+(?:€|%|EUR)?", str(v).strip()))
        for v in values
    )
    return numeric < 0.5 * len(values)


def detect_sheet(
    sheet: Sheet,
    *,
    question_of: QuestionMatcher,
    item_of: ItemMatcher,
    search_rows: int = 30,
    vocabulary: Vocabulary | None = None,
    accept: Callable[[int, Detection], bool] | None = None,
) -> Detection:
    """Find the header row and kind of ``sheet``.

    The header is the first row within ``search_rows`` that classifies and whose values support
    it (card columns hold texts, a measure column no counts; ``accept(row, detection)`` may add a
    check); rows above it form the title block. Raises :class:`LayoutError` with code
    ``not_recognised`` (see :func:`not_recognised`) when no row does.
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
        if det.kind == "cards" and det.layout == "long" and not _cards_supported(sheet, row, det):
            return None
        if accept is not None and not accept(row, det):
            return None
        return det

    for row in range(limit):
        det = classify(row)
        if det is None or _is_title_over_header(
            sheet, row, det, classify, limit, title_re=vocab.group_title_re
        ):
            continue
        return _with_inferred_votes(sheet, replace(det, header_row=row))
    raise not_recognised(sheet, search_rows=search_rows)


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


def _with_inferred_votes(sheet: Sheet, det: Detection) -> Detection:
    """A long card table without a vote header: a column without header beside the cards that
    holds only small whole numbers is its vote column (marked inferred)."""
    if det.kind != "cards" or det.layout != "long" or det.columns.get("votes"):
        return det
    taken = {c for cols in det.columns.values() for c in cols}
    col = infer_votes_column(sheet, det.header_row, det.columns["text"], taken)
    if col is None:
        return det
    return replace(det, columns={**det.columns, "votes": [col]}, inferred=det.inferred | {"votes"})


def _filled(sheet: Sheet, row: int) -> int:
    return sum(1 for v in sheet.row_values(row) if not is_empty(v))


def _is_title_over_header(
    sheet: Sheet,
    row: int,
    det: Detection,
    classify: Callable[[int], Detection | None],
    limit: int,
    *,
    title_re: re.Pattern,
) -> bool:
    """True if a cards candidate is a title ("Ergebnisse AK Wohnen", "AK Wohnen | AK Arbeit",
    "AK Freizeit – Karten | Punkte je Karte") and the next non-empty row is a header as well:
    wider than a one-cell title, at least as wide as a row of group names or of titles naming a
    group (the tables stand below them)."""
    n = _filled(sheet, row)
    by_group = bool(det.columns.get("group_columns"))
    titled = any(len(t.split()) > 2 and title_re.search(t) for t in _row_texts(sheet, row) if t)
    if det.kind != "cards" or (n > 1 and not by_group and not titled):
        return False
    nxt = next((r for r in range(row + 1, limit) if _filled(sheet, r)), None)
    if nxt is None or _filled(sheet, nxt) < n + (0 if by_group or titled else 1):
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
    """True for a cell that labels a totals row ("Summe", "Gesamt:", "Mittelwert", "Ø"); a
    formula stored as text ("=SUMME(B2:B9)") is formula-like text, not a label."""
    if is_formula_text(text):
        return False
    return fold(text).split(" ", 1)[0] in or_default(vocabulary).totals


def is_total_row(texts: list[str], *, vocabulary: Vocabulary | None = None) -> bool:
    """True for a totals row (any cell is a totals label) — excluded, never a contribution."""
    vocab = or_default(vocabulary)
    return any(is_total_label(t, vocabulary=vocab) for t in texts if t)
