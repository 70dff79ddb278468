"""Recognition with evidence: a sheet gets a kind only when its headers (and values) say so.

:func:`recognise_sheet` is what the round reader calls for each sheet. On top of
:func:`flueko.ingest.detect.detect_sheet` (header words → kind, values checked) it decides:

- **participant and contact lists** — two or more columns of the ``contacts`` vocabulary
  ("Vorname", "E-Mail", "Telefon", "Unterschrift") in one header row without survey questions,
  or rows full of e-mail addresses and phone numbers: kind ``contacts``, never read;
- **survey-tool exports** — a ``survey_metadata`` column ("Antwort ID", "Response ID", "CASE",
  "Zeitstempel", "Startzeit") with question columns beside it: a survey, never cards;
- **a kind forced in round.yaml** (``hints: {files: {DATEI: karten}}``, see
  :func:`flueko.config.file_hints`).

Each :class:`~flueko.ingest.detect.Detection` it returns carries its ``evidence``: the header
labels that decided it, shown in the log as „erkannt als … — Belege: …“. Nothing here quotes a
cell value: only header labels, which is what makes the refusal and contact lines safe to print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from flueko.config import FileHint
from flueko.errors import LayoutError
from flueko.ingest.detect import (
    MAX_LABEL,
    MAX_QUESTION,
    Detection,
    ItemMatcher,
    QuestionMatcher,
    _cols,
    _votes_cols,
    detect_sheet,
    fold,
    has_word,
    header_labels,
    is_data_row,
)
from flueko.labels import KIND_LABELS, ROLE_LABELS
from flueko.privacy import find_contact_data
from flueko.sheet import Sheet, is_empty
from flueko.vocabulary import Vocabulary, header_key, or_default

CONTACTS = "contacts"
"""Kind of a participant or contact list: skipped, never read."""

_ROLE_NAMES: dict[str, str] = {
    **ROLE_LABELS,
    "questions": "Leitfrage",
    "group_columns": "Gruppe",
    "metadata": "Metadaten eines Umfrage-Werkzeugs",
    "personal": "personenbezogen",
    "plan": "Plan-Spalte",
}
"""Column roles as the evidence line names them (a few are shorter or only used here)."""
_CODE = re.compile(r"^[A-Z]{1,3}\d{1,3}(?:_\d{1,3})?$")
"""A survey-tool variable code as a header ("IN01_01", "Q3")."""


def _texts(sheet: Sheet, row: int) -> list[str]:
    return ["" if is_empty(v) else " ".join(str(v).split()) for v in sheet.row_values(row)]


def metadata_columns(texts: list[str], vocab: Vocabulary) -> list[int]:
    """Columns whose header is a survey tool's metadata ("Antwort ID", "Zeitstempel", "CASE")."""
    out = []
    for i, t in enumerate(texts):
        key = header_key(t) if t and len(t) <= MAX_LABEL else ""
        if key and any(key == w or key.startswith(w + " ") for w in vocab.survey_metadata):
            out.append(i)
    return out


def _question_like(text: str, item_of: ItemMatcher) -> bool:
    """A survey question header: a known item, a question, a matrix ``Frage [Teilfrage]``, a long
    statement or a variable code."""
    if not text or len(text) > MAX_QUESTION:
        return False
    return bool(
        item_of(text)
        or "?" in text
        or re.search(r"\[[^\]]+\]\s*$", text)
        or len(text) > 30
        or _CODE.match(text)
    )


def survey_tool(texts: list[str], vocab: Vocabulary, item_of: ItemMatcher) -> Detection | None:
    """A survey-tool export's header row: metadata columns and two or more question columns."""
    meta = metadata_columns(texts, vocab)
    if not meta:
        return None
    questions = [
        i for i, t in enumerate(texts) if i not in meta and t and _question_like(t, item_of)
    ]
    if len(questions) < 2:
        return None
    return Detection("survey", -1, {"items": questions, "metadata": meta}, "wide")


def personal_columns(texts: list[str], vocab: Vocabulary) -> list[int]:
    """Columns a participant or contact list has ("Vorname", "E-Mail", "Telefon", "Unterschrift");
    a measure or card column ("Name der Maßnahme") is none of them."""
    return [
        i
        for i, t in enumerate(texts)
        if t
        and len(t) <= MAX_LABEL
        and has_word(t, vocab.contacts)
        and not has_word(t, vocab.measure + vocab.text)
    ]


def contact_list(texts: list[str], vocab: Vocabulary, item_of: ItemMatcher) -> Detection | None:
    """A contact list's header row: two or more personal columns and fewer than two survey
    questions (a Forms export has "Name" and "E-Mail" beside its questions)."""
    personal = personal_columns(texts, vocab)
    if len(personal) < 2:
        return None
    items = [i for i, t in enumerate(texts) if t and i not in personal and item_of(t)]
    if len(items) >= 2:
        return None
    return Detection(CONTACTS, -1, {"personal": personal}, "list")


def _contact_value(finding) -> bool:
    """An e-mail address, or a phone number long enough not to be a date ("01/2016")."""
    if finding.kind == "email":
        return True
    return finding.kind == "phone" and sum(ch.isdigit() for ch in finding.match) >= 8


def personal_values(sheet: Sheet, *, rows: int = 100) -> bool:
    """True if at least three rows — and a third of the filled rows — hold an e-mail address
    or a phone number (a list without a header row)."""
    filled = hits = 0
    for r in range(min(sheet.n_rows, rows)):
        values = [str(v) for v in sheet.row_values(r) if not is_empty(v) and isinstance(v, str)]
        if not any(not is_empty(v) for v in sheet.row_values(r)):
            continue
        filled += 1
        if any(_contact_value(f) for v in values for f in find_contact_data(v)):
            hits += 1
    return hits >= 3 and hits * 3 >= filled


def _scan(
    sheet: Sheet, limit: int, vocab: Vocabulary, item_of: ItemMatcher
) -> tuple[int, Detection] | None:
    """The first row (within ``limit``) that is a contact list's or a survey tool's header."""
    for row in range(limit):
        texts = _texts(sheet, row)
        if sum(1 for t in texts if t) < 2:
            continue
        found = survey_tool(texts, vocab, item_of) or contact_list(texts, vocab, item_of)
        if found is not None and not is_data_row(sheet, row):
            return row, found
    return None


def _header_row(sheet: Sheet, limit: int, labels: list[str]) -> int:
    """The row holding all ``labels`` (hinted columns), else the most header-like row."""
    wanted = {fold(x) for x in labels}
    best, best_n = 0, -1
    for row in range(limit):
        texts = _texts(sheet, row)
        folded = {fold(t) for t in texts if t}
        if wanted and wanted <= folded:
            return row
        n = sum(1 for t in texts if t and len(t) <= MAX_LABEL and not re.fullmatch(r"[\d\W]+", t))
        if n > best_n:
            best, best_n = row, n
    return best


def _with_roles(sheet: Sheet, det: Detection, roles: Mapping[str, str]) -> Detection:
    """``det`` with the column roles of a round.yaml hint applied (cards)."""
    texts = _texts(sheet, det.header_row)
    columns = {k: list(v) for k, v in det.columns.items() if k in ("text", "votes", "question")}
    columns.setdefault("group", list(det.columns.get("group", [])))
    for label, role in roles.items():
        col = next((i for i, t in enumerate(texts) if t and fold(t) == fold(label)), None)
        if col is None:
            raise LayoutError(
                f"Spalte „{label}“ aus round.yaml (hints) nicht in Kopfzeile {det.header_row + 1}",
                file=sheet.file,
                sheet=sheet.name or None,
                hint="den Spaltenkopf genau wie im Blatt schreiben",
            )
        for cols in columns.values():
            if col in cols:
                cols.remove(col)
        columns.setdefault(role, [])
        columns[role] = [col] if role == "text" else sorted({*columns[role], col})
    if not columns.get("text"):
        columns["text"] = [_longest_text_column(sheet, det.header_row, exclude=columns)]
    columns.setdefault("votes", [])
    columns.setdefault("question", [])
    return Detection("cards", det.header_row, columns, "long", det.evidence)


def _longest_text_column(sheet: Sheet, row: int, *, exclude: Mapping[str, list[int]]) -> int:
    taken = {c for cols in exclude.values() for c in cols}
    length = {}
    for c in range(sheet.n_cols):
        if c in taken:
            continue
        values = [sheet.value(r, c) for r in range(row + 1, min(row + 31, sheet.n_rows))]
        length[c] = sum(len(str(v)) for v in values if isinstance(v, str))
    return max(length, key=lambda c: (length[c], -c)) if length else 0


def forced(sheet: Sheet, hint: FileHint, *, found: Detection | None, limit: int) -> Detection:
    """The detection of a sheet whose kind round.yaml forces (``found``: what the headers said)."""
    if found is not None and found.kind == hint.kind and not hint.columns:
        return found
    if found is not None and found.kind == hint.kind:
        det = found
    else:
        row = _header_row(sheet, limit, list(hint.columns))
        det = Detection(hint.kind, row, {}, "long" if hint.kind == "cards" else "")
    if hint.kind == "cards":
        if not det.columns:
            texts = _texts(sheet, det.header_row)
            det = replace(det, columns={"votes": _votes_cols(texts, or_default(None))})
        det = _with_roles(sheet, det, hint.columns)
    return replace(det, evidence=(f"Art per Hinweis in round.yaml: {hint.word}",))


def _short(label: str, *, width: int = 32) -> str:
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def evidence_of(
    sheet: Sheet, det: Detection, *, vocabulary: Vocabulary | None = None
) -> tuple[str, ...]:
    """The header labels behind ``det``, as „Label“ → role (at most four per role)."""
    if det.evidence or det.header_row < 0:
        return det.evidence
    texts = _texts(sheet, det.header_row)
    columns = dict(det.columns)
    if det.kind in ("ratings", "plan"):  # the words that decided it, beside the measure
        vocab = or_default(vocabulary)
        for role, words in (("impact", vocab.impact), ("effort", vocab.effort)):
            columns.setdefault(role, _cols(texts, words))
        if det.kind == "plan":
            columns.setdefault("plan", _cols(texts, vocab.plan))
    out = []
    for role, cols in columns.items():
        labels = list(dict.fromkeys(texts[c] for c in cols if c < len(texts) and texts[c]))
        if not labels:
            continue
        shown = ", ".join(f"„{_short(x)}“" for x in labels[:4])
        more = f" (+{len(labels) - 4})" if len(labels) > 4 else ""
        out.append(f"{shown}{more} → {_ROLE_NAMES.get(role, role)}")
    if det.kind == "cards" and det.layout == "long":
        out.append("darunter Texte, keine Zahlen")
    return tuple(out)


def evidence_line(det: Detection) -> str:
    """„erkannt als Workshop-Karten (Kopfzeile 2) — Belege: „Karte“ → Text, …“."""
    head = f" (Kopfzeile {det.header_row + 1})" if det.header_row >= 0 else ""
    why = "; ".join(det.evidence) or "Spaltenköpfe"
    return f"erkannt als {KIND_LABELS.get(det.kind, det.kind)}{head} — Belege: {why}"


def recognise_sheet(
    sheet: Sheet,
    *,
    question_of: QuestionMatcher,
    item_of: ItemMatcher,
    search_rows: int = 30,
    vocabulary: Vocabulary | None = None,
    hint: FileHint | None = None,
) -> Detection:
    """The kind, header row and columns of ``sheet``, with the evidence behind them.

    A contact list's header (or rows of e-mail addresses and phone numbers) gives kind
    ``contacts`` whatever else the sheet holds — also when ``hint`` forces another kind. A
    survey tool's header at or above the detected header makes the sheet a survey instead of
    cards. Raises :class:`LayoutError` with code ``not_recognised`` when nothing is enough
    evidence and no hint forces a kind.
    """
    vocab = or_default(vocabulary)
    limit = min(sheet.n_rows, search_rows)
    try:
        det: Detection | None = detect_sheet(
            sheet,
            question_of=question_of,
            item_of=item_of,
            search_rows=search_rows,
            vocabulary=vocab,
        )
    except LayoutError as err:
        if err.code != "not_recognised":
            raise
        det, refusal = None, err
    stop = limit if det is None else det.header_row + 1
    scanned = _scan(sheet, stop, vocab, item_of)
    if scanned is not None:
        row, found = scanned
        found = replace(found, header_row=row)
        if found.kind == CONTACTS or det is None or det.kind == "cards":
            det = found
        elif det.kind == "survey" and det.header_row == row:
            det = replace(det, columns={**det.columns, "metadata": found.columns["metadata"]})
    if (det is None or det.kind == "cards") and personal_values(sheet):
        det = Detection(CONTACTS, -1, {}, "values", ("Zeilen mit E-Mail-Adressen/Telefonnummern",))
    if det is not None and det.kind == CONTACTS:
        return replace(det, evidence=evidence_of(sheet, det, vocabulary=vocab))
    if hint is not None and hint.kind != "ignore":
        return forced(sheet, hint, found=det, limit=limit)
    if det is None:
        raise refusal
    return replace(det, evidence=evidence_of(sheet, det, vocabulary=vocab))


def contact_labels(sheet: Sheet, det: Detection) -> list[str]:
    """The header labels of a contact list's personal columns (labels only, never values)."""
    if det.header_row < 0:
        return []
    texts = _texts(sheet, det.header_row)
    return [texts[c] for c in det.columns.get("personal", []) if c < len(texts)]


__all__ = [
    "CONTACTS",
    "contact_labels",
    "evidence_line",
    "header_labels",
    "recognise_sheet",
]
