"""The sheet „Herkunft prüfen“ of flueko's Maßnahmenplan: its columns, and reading it back.

flueko lists there, per measure, the kick-off cards it linked and the cards it proposes (near
misses, ambiguous links); the analyst answers „ja“ or „nein“ in :data:`DECISION`. Returned in
a later round's folder, :func:`read_review_sheet` reads the answers
(:func:`flueko.analyse.lineage_corrections.correct_links` applies them).
"""

from __future__ import annotations

import re

import pandas as pd

from flueko import schema
from flueko.log import INFO, LogEntry, entry
from flueko.sheet import Sheet, cell_ref, is_empty
from flueko.text import fold

REVIEW_SHEET = "Herkunft prüfen"
MEASURE = "Maßnahmen-ID"
TITLE = "Maßnahme"
CARD = "Karten-ID"
GROUP = "Arbeitskreis"
TEXT = "Karte"
VOTES = "Punkte"
SCORE = "Ähnlichkeit (0–100)"
PROPOSAL = "Vorschlag von flueko"
DECISION = "Gehört dazu? (ja/nein)"
COLUMNS: tuple[tuple[str, float], ...] = (
    (MEASURE, 13),
    (TITLE, 40),
    (CARD, 15),
    (GROUP, 16),
    (TEXT, 50),
    (VOTES, 8),
    (SCORE, 12),
    (PROPOSAL, 24),
    (DECISION, 14),
)
"""Header and width of each column, in order."""
GUIDE = (
    "Stammt die Maßnahme aus dieser Karte? In der letzten Spalte „ja“ oder „nein“ eintragen; "
    "leer lassen übernimmt den Vorschlag von flueko. Unten: Karten ohne Maßnahme (meiste "
    "Punkte zuerst) — gehört eine zu einer Maßnahme, deren Maßnahmen-ID und „ja“ eintragen. "
    "Die Datei beim nächsten Einlesen in den Rohdaten-Ordner einer Runde legen."
)
"""The instruction line above the header."""
UNLINKED = "keiner Maßnahme zugeordnet"
"""What „Vorschlag von flueko“ says of a card that no measure is linked to."""
YES = frozenset({"ja", "j", "x", "yes", "y", "1", "✓", "✔", "stimmt", "richtig"})
NO = frozenset({"nein", "n", "no", "0", "-", "–", "falsch", "stimmt nicht"})
DECISION_COLUMNS = (
    schema.MEASURE_ID,
    schema.TITLE,
    schema.IDEA_ID,
    "keep",
    schema.SOURCE_FILE,
    schema.SOURCE_SHEET,
    schema.SOURCE_CELL,
)
"""Columns of :func:`read_review_sheet`'s decisions."""


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    for r in range(min(sheet.n_rows, 5)):
        texts = ["" if is_empty(v) else str(v).strip() for v in sheet.row_values(r)]
        cols = {t: c for c, t in enumerate(texts) if t}
        if MEASURE in cols and CARD in cols:  # flueko's own pair of headers
            return r, cols
    return None


def is_review_sheet(sheet: Sheet) -> bool:
    """True for a sheet with the header of „Herkunft prüfen“ (its „Maßnahmen-ID“ and „Karten-ID“)
    in its first rows — also when the analyst renamed the sheet or deleted columns: its card
    texts must never be read as cards."""
    return _header(sheet) is not None


def parse_answer(value: object) -> bool | None:
    """„ja“ → ``True``, „nein“ → ``False``, anything else ``None``: a typed answer in any case
    and with punctuation ("Ja.", " x ", "✓"), also followed by a reason after a comma or dash
    ("Ja, passt", "nein – anderes Thema"); a question mark makes it unclear ("ja?")."""
    text = str(value).strip()
    if not text or "?" in text:
        return None
    for candidate in (text, re.split(r"\s*[,;:–—]\s*|\s+-\s+", text, maxsplit=1)[0]):
        word = candidate.strip(" .!").casefold()
        word = word if word in YES or word in NO else fold(word).strip()
        if word in YES or word in NO:
            return word in YES
    return None


def _unclear(raw: object, ref: str, where: dict[str, str]) -> LogEntry:
    return entry(
        "lineage_review_unclear",
        f"‚{str(raw).strip()}‘ in {ref} ist weder „ja“ noch „nein“ — nicht angewandt; bitte "
        "„ja“ oder „nein“ eintragen",
        cell=ref,
        **where,
    )


def read_review_sheet(sheet: Sheet) -> tuple[pd.DataFrame, list[LogEntry]]:
    """The analyst's answers in a „Herkunft prüfen“ sheet.

    Returns
    -------
    decisions, log
        One row per answered line (:data:`DECISION_COLUMNS`; ``keep`` true for „ja“; the
        measure id as typed), and the log: an answer that is neither yes nor no, a „ja“ without
        a measure id, and a measure id typed beside a card without a measure but without „ja“
        (each named with its cell, not applied), and one line saying how many answers were
        read — the sheet's other cells are flueko's own listing, not data.
    """
    found = _header(sheet)
    where = {"file": sheet.file, "sheet": sheet.name}
    if found is None:
        return pd.DataFrame(columns=list(DECISION_COLUMNS)), []
    head, cols = found
    if DECISION not in cols:  # the answer column deleted: the rest is flueko's list
        return pd.DataFrame(columns=list(DECISION_COLUMNS)), [
            entry(
                "lineage_review_no_column",
                f"Herkunft prüfen: keine Spalte „{DECISION}“ — keine Antworten gelesen; die "
                "übrigen Zellen sind die Liste von flueko",
                **where,
            )
        ]
    log: list[LogEntry] = []
    rows = []
    n_lines = 0
    for r in range(head + 1, sheet.n_rows):
        mid, card = sheet.value(r, cols[MEASURE]), sheet.value(r, cols[CARD])
        raw = sheet.value(r, cols[DECISION])
        ref = cell_ref(r, cols[DECISION])
        if is_empty(card):
            continue
        if is_empty(mid):  # a card without a measure: „ja“ needs the measure id beside it
            if not is_empty(raw) and parse_answer(raw) is not False:
                log.append(
                    entry(
                        "lineage_review_no_measure",
                        f"‚{str(raw).strip()}‘ in {ref} ohne Maßnahmen-ID — nicht angewandt; "
                        f"bitte in {cell_ref(r, cols[MEASURE])} die Maßnahmen-ID eintragen",
                        cell=ref,
                        **where,
                    )
                )
            continue
        n_lines += 1
        if is_empty(raw):
            proposal = sheet.value(r, cols[PROPOSAL]) if PROPOSAL in cols else None
            if str(proposal or "").strip() == UNLINKED:  # an id typed, the answer forgotten
                log.append(
                    entry(
                        "lineage_review_no_answer",
                        f"Maßnahmen-ID ‚{str(mid).strip()}‘ ohne „ja“ in {ref} — nicht "
                        "verknüpft; bitte „ja“ eintragen",
                        cell=ref,
                        **where,
                    )
                )
            continue
        answer = parse_answer(raw)
        if answer is None:
            log.append(_unclear(raw, ref, where))
            continue
        title = sheet.value(r, cols[TITLE]) if TITLE in cols else None
        rows.append(
            (
                str(mid).strip(),
                "" if is_empty(title) else str(title).strip(),
                str(card).strip(),
                answer,
                sheet.file,
                sheet.name,
                ref,
            )
        )
    log.append(
        entry(
            "lineage_review_read",
            f"Herkunft prüfen: {len(rows)} Antworten gelesen "
            f"({sum(r[3] for r in rows)} ja, {sum(not r[3] for r in rows)} nein) von "
            f"{n_lines} Zeilen; die übrigen Zellen sind die Liste von flueko",
            severity=INFO,
            **where,
        )
    )
    return pd.DataFrame(rows, columns=list(DECISION_COLUMNS)), log
