"""The analyst's corrections of the lineage: pinned card ids and yes/no decisions per link.

The automatic links (:func:`flueko.analyse.lineage.lineage_links`) are corrected from two places
of a returned plan or rating sheet: „Karten-IDs (Herkunft)“ sets a measure's cards exactly
(:func:`parse_sources`), and the sheet „Herkunft prüfen“ of the Maßnahmenplan confirms or
rejects single links and proposals („ja“/„nein“). :func:`correct_links` applies both and logs
every change.
"""

from __future__ import annotations

import re

import pandas as pd

from flueko import schema
from flueko.log import INFO, LogEntry, entry

LINEAGE_SCORE = "lineage_score"
LINK_COLUMNS = (schema.MEASURE_ID, schema.TITLE, schema.IDEA_ID, LINEAGE_SCORE)
"""Columns of the links (:func:`flueko.analyse.lineage.lineage_links`): one row per measure ×
idea, with ``linked`` (:data:`LINKED`)."""
LINKED = "linked"

NO_SOURCE_WORDS = frozenset({"keine", "keiner", "nichts", "ohne", "-", "–", "—", "0"})
"""What the analyst writes in „Karten-IDs (Herkunft)“ to remove every link of a measure."""
MANUAL = "von Hand"
AUTOMATIC = "automatisch"
UNCERTAIN = "unsicher"
NEAR_MISS = "knapp verfehlt"
AMBIGUOUS = "mehrdeutig"
"""Status of a card's measure that scored at the threshold but too close to another one to be
linked automatically (``lineage_gap``)."""


def parse_sources(value: object) -> list[str] | None:
    """The cell „Karten-IDs (Herkunft)“ of a plan: ``None`` when empty (automatic), ``[]`` for
    "keine", else the idea ids (separated by ";", "," or spaces)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    if not text:
        return None
    if text.lower() in NO_SOURCE_WORDS:
        return []
    return list(dict.fromkeys(t for t in re.split(r"[;,\s]+", text) if t))


def first_pins(pins: pd.DataFrame) -> tuple[pd.DataFrame, list[LogEntry]]:
    """One filled „Karten-IDs (Herkunft)“ row per measure — the first (a plan's before a rating
    sheet's, the first sheet's before the next one's) — and a warning for each measure whose
    filled cells name different cards (two rating bodies edited the template differently)."""
    filled = pins[pins[schema.IDEA_IDS].astype(schema.STR).str.strip().fillna("") != ""]
    log: list[LogEntry] = []
    for _mid, rows in filled.groupby(schema.MEASURE_ID, sort=False):
        sets = [
            frozenset(i.casefold() for i in parse_sources(v) or []) for v in rows[schema.IDEA_IDS]
        ]
        if len(set(sets)) > 1:
            first, other = (
                rows.iloc[0],
                rows.iloc[next(k for k, x in enumerate(sets) if x != sets[0])],
            )
            log.append(
                entry(
                    "lineage_pins_differ",
                    f"Maßnahme ‚{first[schema.TITLE]}‘: „Karten-IDs (Herkunft)“ nennt in "
                    f"{first[schema.SOURCE_SHEET]}!{first[schema.SOURCE_CELL]} andere Karten als "
                    f"in {other[schema.SOURCE_SHEET]}!{other[schema.SOURCE_CELL]} — die erste "
                    "gilt; bitte angleichen",
                    **_where(other),
                )
            )
    return filled.drop_duplicates(schema.MEASURE_ID, keep="first"), log


def _resolver(known_ids: set[str], cards: dict[str, list[str]] | None):
    """Written id → idea ids: an idea id, or a card id standing for all ideas of its card, in
    any case ("kb455ebff24-1")."""
    table: dict[str, list[str]] = {}
    for card, ideas in (cards or {}).items():
        table.setdefault(str(card).casefold(), [i for i in ideas if i in known_ids])
    for i in known_ids:
        table[i.casefold()] = [i]
    return lambda written: table.get(written.casefold(), [])


def _where(row: pd.Series) -> dict[str, str]:
    return {
        "file": str(row.get(schema.SOURCE_FILE) or ""),
        "sheet": str(row.get(schema.SOURCE_SHEET) or ""),
        "cell": str(row.get(schema.SOURCE_CELL) or ""),
    }


def _unknown(title: str, written: str, where: dict[str, str]) -> LogEntry:
    return entry(
        "lineage_id_unknown",
        f"Maßnahme ‚{title}‘: Karten-ID ‚{written}‘ gibt es in der Auftaktrunde nicht — "
        "nicht verknüpft; bitte die ID aus der Liste der Quellkarten übernehmen",
        **where,
    )


def correct_links(
    links: pd.DataFrame,
    pins: pd.DataFrame | None,
    *,
    known_ids: set[str],
    cards: dict[str, list[str]] | None = None,
    decisions: pd.DataFrame | None = None,
    measure_ids: list[str] | None = None,
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Apply the analyst's corrections to the automatic ``links``.

    ``pins``: the measures of a returned plan or rating sheet (``measure_id``, ``title``,
    ``idea_ids`` as written in „Karten-IDs (Herkunft)“, source cell). A measure whose cell is
    filled gets exactly the ids written there ("keine": none) — idea ids (``known_ids``) or card
    ids (``cards``: card id → its idea ids), in any case; an id that is neither is left out
    with a warning naming the cell.

    ``decisions``: the analyst's „ja“/„nein“ per measure and card (``measure_id``, ``title``,
    ``idea_id`` as written, ``keep``, source cell; :func:`flueko.io.lineage_review.
    read_review_sheet`). „ja“ links the card (or confirms the link), „nein“ removes the link or
    the proposal — also on top of a measure's changed „Karten-IDs (Herkunft)“; where the two
    say the opposite of one card, the answer wins and a warning names both cells. A measure id
    is matched in any case and without blanks against ``measure_ids`` (the round's measures);
    an unknown one is named and not applied. Every change against the automatic links is
    logged.

    Returns
    -------
    links, log
        ``links`` with a ``basis`` column (:data:`AUTOMATIC`, or :data:`MANUAL` for the links
        the analyst set or confirmed); removed links and rejected proposals are left out.
    """
    out = links.assign(basis=AUTOMATIC)
    log: list[LogEntry] = []
    resolve = _resolver(known_ids, cards)
    pinned: dict[str, tuple[set[str], set[str], dict[str, str]]] = {}
    rows = []
    has_pins = pins is not None and not pins.empty and schema.IDEA_IDS in pins.columns
    for _, pin in pins.iterrows() if has_pins else ():
        written = parse_sources(pin.get(schema.IDEA_IDS))
        if written is None:
            continue
        mid, title = str(pin[schema.MEASURE_ID]), str(pin.get(schema.TITLE) or "")
        where = _where(pin)
        log.extend(_unknown(title, i, where) for i in written if not resolve(i))
        ids = list(dict.fromkeys(x for i in written for x in resolve(i)))
        mine = out[schema.MEASURE_ID].astype(str) == mid
        before = set(out.loc[mine & out[LINKED], schema.IDEA_ID])
        if set(ids) == before:
            continue  # the written ids are the automatic links (an exported plan, unchanged)
        pinned[mid] = (set(ids), before, where)
        out = out[~mine]
        rows.extend((mid, title, i, pd.NA, True, MANUAL) for i in ids)
        added, removed = sorted(set(ids) - before), sorted(before - set(ids))
        what = "keine Karten" if not ids else f"{len(ids)} Karte(n): {'; '.join(ids)}"
        log.append(
            entry(
                "lineage_corrected",
                f"Maßnahme ‚{title}‘: Herkunft von Hand gesetzt — {what} "
                f"({len(added)} hinzugefügt, {len(removed)} entfernt gegenüber automatisch)",
                severity=INFO,
                **where,
            )
        )
    out = _with_rows(out, rows)
    if decisions is not None and len(decisions):
        known = {_mid_key(m): m for m in [*(measure_ids or []), *out[schema.MEASURE_ID]]}
        out = _decide(out, decisions, resolve=resolve, pinned=pinned, measures=known, log=log)
    return out.reset_index(drop=True), log


def _with_rows(out: pd.DataFrame, rows: list[tuple]) -> pd.DataFrame:
    manual = pd.DataFrame(rows, columns=[*LINK_COLUMNS, LINKED, "basis"])
    if manual.empty:
        return out
    return pd.concat([out, manual.astype(out.dtypes.to_dict())], ignore_index=True)


def _mid_key(value: object) -> str:
    return "".join(str(value).split()).casefold()


def _decide(
    out: pd.DataFrame,
    decisions: pd.DataFrame,
    *,
    resolve,
    pinned: dict,
    measures: dict[str, str],
    log: list,
) -> pd.DataFrame:
    """``out`` with the „ja“/„nein“ of :func:`correct_links` applied (logged into ``log``)."""
    out = out.copy()
    typed = decisions[schema.MEASURE_ID].map(_mid_key)
    for key, group in decisions.groupby(typed, sort=False):
        first = group.iloc[0]
        mid = measures.get(key)
        if mid is None:
            log.append(
                entry(
                    "lineage_review_measure_unknown",
                    f"Maßnahmen-ID ‚{first[schema.MEASURE_ID]}‘ gibt es in dieser Runde nicht — "
                    "nicht angewandt; bitte die ID aus dem Blatt „Maßnahmenplan“ übernehmen",
                    **_where(first),
                )
            )
            continue
        mine = out[schema.MEASURE_ID].astype(str) == mid
        title = str(first.get(schema.TITLE) or "") or next(
            iter(out.loc[mine, schema.TITLE].astype(str)), mid
        )
        yes: list[str] = []
        no: list[str] = []
        answer_at: dict[str, dict[str, str]] = {}
        for _, d in group.iterrows():
            ids = resolve(str(d[schema.IDEA_ID]))
            if not ids:
                log.append(_unknown(title, str(d[schema.IDEA_ID]), _where(d)))
            (yes if bool(d["keep"]) else no).extend(ids)
            answer_at.update(dict.fromkeys(ids, _where(d)))
        if mid in pinned:  # the changed cell and the answers both count; the answer wins
            log.extend(_conflicts(title, pinned[mid], yes=yes, no=no, answer_at=answer_at))
        current = set(out.loc[mine & out[LINKED], schema.IDEA_ID])
        yes = [i for i in dict.fromkeys(yes) if i not in no]
        removed = [i for i in dict.fromkeys(no) if i in current]
        confirm = mine & out[schema.IDEA_ID].isin(yes)
        out.loc[confirm, LINKED] = True
        out.loc[confirm, "basis"] = MANUAL
        have = set(out.loc[confirm, schema.IDEA_ID])
        out = out[~(mine & out[schema.IDEA_ID].isin(no))]
        out = _with_rows(out, [(mid, title, i, pd.NA, True, MANUAL) for i in yes if i not in have])
        added = [i for i in yes if i not in current]
        log.append(
            entry(
                "lineage_reviewed",
                f"Maßnahme ‚{title}‘: Herkunft geprüft — {len(added)} Karte(n) hinzugefügt, "
                f"{len(yes) - len(added)} bestätigt, {len(removed)} entfernt",
                severity=INFO,
                **_where(first),
            )
        )
    return out


def _conflicts(title: str, pin, *, yes: list, no: list, answer_at: dict) -> list[LogEntry]:
    """Warnings for the cards a changed „Karten-IDs (Herkunft)“ cell and the answers in
    „Herkunft prüfen“ disagree on: the cell added a card answered „nein“, or dropped one
    answered „ja“ (a card the cell kept as it was takes the answer without a warning)."""
    cell_ids, before, where = pin
    clash = [
        *(i for i in no if i in cell_ids - before),
        *(i for i in yes if i in before - cell_ids),
    ]
    return [
        entry(
            "lineage_review_conflict",
            f"Maßnahme ‚{title}‘: Karte {i} — „Karten-IDs (Herkunft)“ ({where['cell']}) und "
            f"„Herkunft prüfen“ ({answer_at[i]['cell']}) sagen Gegenteiliges; die Antwort in "
            "„Herkunft prüfen“ gilt — bitte eines von beiden ändern",
            **answer_at[i],
        )
        for i in dict.fromkeys(clash)
    ]
