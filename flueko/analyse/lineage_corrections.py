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
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Apply the analyst's corrections to the automatic ``links``.

    ``pins``: the measures of a returned plan or rating sheet (``measure_id``, ``title``,
    ``idea_ids`` as written in „Karten-IDs (Herkunft)“, source cell). A measure whose cell is
    filled gets exactly the ids written there ("keine": none) — idea ids (``known_ids``) or card
    ids (``cards``: card id → its idea ids), in any case; an id that is neither is left out
    with a warning naming the cell.

    ``decisions``: the analyst's „ja“/„nein“ per measure and card (``measure_id``, ``title``,
    ``idea_id`` as written, ``keep``, source cell; :func:`flueko.ingest.lineage_review.
    read_review_sheet`). „ja“ links the card (or confirms the link), „nein“ removes the link or
    the proposal; a measure whose pinned ids differ from the automatic links keeps exactly
    those. Every change against the
    automatic links is logged.

    Returns
    -------
    links, log
        ``links`` with a ``basis`` column (:data:`AUTOMATIC`, or :data:`MANUAL` for the links
        the analyst set or confirmed); removed links and rejected proposals are left out.
    """
    out = links.assign(basis=AUTOMATIC)
    log: list[LogEntry] = []
    resolve = _resolver(known_ids, cards)
    pinned: set[str] = set()
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
        pinned.add(mid)
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
        out = _decide(out, decisions, resolve=resolve, pinned=pinned, log=log)
    return out.reset_index(drop=True), log


def _with_rows(out: pd.DataFrame, rows: list[tuple]) -> pd.DataFrame:
    manual = pd.DataFrame(rows, columns=[*LINK_COLUMNS, LINKED, "basis"])
    if manual.empty:
        return out
    return pd.concat([out, manual.astype(out.dtypes.to_dict())], ignore_index=True)


def _decide(
    out: pd.DataFrame, decisions: pd.DataFrame, *, resolve, pinned: set[str], log: list
) -> pd.DataFrame:
    """``out`` with the „ja“/„nein“ of :func:`correct_links` applied (logged into ``log``)."""
    out = out.copy()
    for mid, group in decisions.groupby(schema.MEASURE_ID, sort=False):
        mid, first = str(mid), group.iloc[0]
        title = str(first.get(schema.TITLE) or "")
        if mid in pinned:
            log.append(
                entry(
                    "lineage_review_overruled",
                    f"Maßnahme ‚{title}‘: ja/nein in „Herkunft prüfen“ nicht angewandt — "
                    "„Karten-IDs (Herkunft)“ ist ausgefüllt und gilt",
                    severity=INFO,
                    **_where(first),
                )
            )
            continue
        yes: list[str] = []
        no: list[str] = []
        for _, d in group.iterrows():
            ids = resolve(str(d[schema.IDEA_ID]))
            if not ids:
                log.append(_unknown(title, str(d[schema.IDEA_ID]), _where(d)))
            (yes if bool(d["keep"]) else no).extend(ids)
        mine = out[schema.MEASURE_ID].astype(str) == mid
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
