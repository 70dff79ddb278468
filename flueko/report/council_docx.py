"""The draft Integrationsplan as a Word document, shaped for the Kreistag (python-docx).

Part one is a Beschlussvorlage (Betreff, Beschlussvorschlag, Sachdarstellung, finanzielle
Auswirkungen); part two the plan itself: title page, table of contents (a Word field), the
dialogue process, Schwerpunkt- and Quick-Win-Maßnahmen, one chapter per Handlungsfeld with its
measures in a table, a cost overview, how implementation is tracked, and an annex with the
participating groups. Real Word styles throughout (Title, Heading 1–3, a table style), so the
office can restyle and finish the draft; "[bitte ergänzen]" marks what only the office knows.

:func:`build_document` is pure (tables in, :class:`docx.document.Document` out);
:func:`~flueko.report.docx_parts.document_bytes` serialises it reproducibly (fixed dates).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from flueko import schema as s
from flueko.analyse.costs import process_costs
from flueko.analyse.lineage_corrections import MANUAL
from flueko.ingest.plan import STATUSES
from flueko.labels import STATUS_LABELS, TIMEFRAME_LABELS
from flueko.report import fmt
from flueko.report.docdraft_sections import RoundData
from flueko.report.docx_parts import (
    FIXED_TIME,
    TABLE_STYLE,
    add_table,
    add_toc,
    document_bytes,
    document_text,
    landscape,
    page_break,
)
from flueko.report.outcomes import (
    CATEGORIES,
    CATEGORY,
    CATEGORY_HINTS,
    N_CARDS,
    N_DOTS,
    N_RATED,
    split_ids,
    stages,
)

TODO = "[bitte ergänzen]"
MEASURE_HEADERS: tuple[str, ...] = (
    "Maßnahme",
    "Ziel",
    "Zuständig",
    "Partner",
    "Zeitraum",
    "Kosten",
    "Rang",
    "Indikator",
    "Herkunft",
)
"""Columns of the measure table in every Handlungsfeld chapter."""


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def _text(value: object, *, todo: str = TODO) -> str:
    return todo if _missing(value) else str(value)


def _timeframe(row: pd.Series) -> str:
    label = None if _missing(row[s.TIMEFRAME]) else TIMEFRAME_LABELS.get(str(row[s.TIMEFRAME]))
    year = row[s.TARGET_YEAR]
    if not _missing(year):
        return f"{label} (bis {int(year)})" if label else f"bis {int(year)}"
    return label or TODO


def rank_text(row: pd.Series) -> str:
    """ "2 von 14" or "nicht bewertet"."""
    if _missing(row[s.RANK]):
        return "nicht bewertet"
    return f"{fmt.number(row[s.RANK])} von {fmt.number(row[N_RATED])}"


def origin_text(row: pd.Series) -> str:
    """ "3 Karten, 5 Punkte" or "nicht aus den Karten"."""
    cards = 0 if _missing(row[N_CARDS]) else int(row[N_CARDS])
    if not cards:
        return "kein Bezug zu Karten erfasst"
    dots = 0 if _missing(row[N_DOTS]) else int(row[N_DOTS])
    return (
        f"{fmt.number(cards)} {'Karte' if cards == 1 else 'Karten'}, "
        f"{fmt.number(dots)} {'Punkt' if dots == 1 else 'Punkte'}"
    )


def measure_rows(plan: pd.DataFrame) -> list[list[str]]:
    """The cells of the measure table, one list per measure (in :data:`MEASURE_HEADERS`)."""
    return [
        [
            _text(r[s.TITLE]),
            _text(r[s.GOAL]),
            _text(r[s.RESPONSIBLE]),
            _text(r[s.PARTNERS]),
            _timeframe(r),
            fmt.money_range(r[s.COST_MIN], r[s.COST_MAX]),
            rank_text(r),
            _text(r[s.INDICATOR]),
            origin_text(r),
        ]
        for _, r in plan.iterrows()
    ]


# --- content --------------------------------------------------------------------------------


def _participants(rounds: Sequence[RoundData]) -> pd.DataFrame:
    """Group × round participant counts from round.yaml (rows in order of first mention)."""
    data: dict[str, dict[str, int]] = {}
    for r in rounds:
        for group, n in (r.meta.get("participants") or {}).items():
            data.setdefault(str(group), {})[r.round_id] = int(n)
    return pd.DataFrame.from_dict(data, orient="index").reindex(
        columns=[r.round_id for r in rounds]
    )


def _round_label(r: RoundData) -> str:
    return str(r.meta.get("kind") or r.meta.get("title") or r.round_id)


def _figures(rounds: Sequence[RoundData], plan: pd.DataFrame) -> dict[str, int]:
    st = stages(rounds)
    c = st.cards.table("contributions") if st.cards else s.empty("contributions")
    cand = st.cards.table("measures") if st.cards else s.empty("measures")
    card_of = dict(zip(c[s.IDEA_ID], c[s.CARD_ID], strict=False))
    bundles = sum(
        1 for ids in cand[s.IDEA_IDS] if len({card_of.get(i, i) for i in split_ids(ids)}) >= 2
    )
    rated = st.rated.table("measures") if st.rated else s.empty("measures")
    return {
        "cards": int(c[s.CARD_ID].nunique()),
        "ideas": len(c),
        "bundles": bundles,
        "rated": int(rated[s.RANK].notna().sum()),
        "plan": len(plan),
        "fields": int(plan[s.FIELD].nunique()),
    }


def _costs_sentence(plan: pd.DataFrame) -> str:
    known = plan[plan[s.COST_MIN].notna()]
    unknown = len(plan) - len(known)
    low = known[s.COST_MIN].sum() if len(known) else None
    high = known[s.COST_MAX].sum() if len(known) and known[s.COST_MAX].notna().all() else None
    text = (
        f"Die geschätzten Kosten der {fmt.number(len(known))} Maßnahmen mit Kostenangabe "
        f"betragen zusammen {fmt.money_range(low, high)}"
    )
    if unknown:
        text += (
            f"; für {fmt.number(unknown)} Maßnahme(n) liegt noch keine Schätzung vor (nicht als "
            "0 € gezählt)"
        )
    return text + "."


def build_document(
    rounds: Sequence[RoundData],
    plan: pd.DataFrame,
    *,
    field_labels: Mapping[str, str],
    district: str | None = None,
) -> Document:
    """The Beschlussvorlage and the draft Integrationsplan as a python-docx document.

    Parameters
    ----------
    rounds
        Every processed round, in order.
    plan
        :func:`flueko.report.outcomes.plan_table`.
    field_labels
        Handlungsfeld key → German label (taxonomy order; also the chapter order).
    district
        "Landkreis Remstal"; from round.yaml or ``params.report.district``.
    """
    district = district or TODO
    doc = Document()
    _base_styles(doc)
    fig = _figures(rounds, plan)
    dated = [r for r in rounds if r.meta.get("date")]
    stand = fmt.day(str(dated[-1].meta["date"])) if dated else TODO
    fields = [f for f in field_labels if (plan[s.FIELD] == f).any()]
    fields += sorted(set(plan[s.FIELD].dropna()) - set(fields))
    label = {**field_labels}

    # --- Teil A: Beschlussvorlage
    doc.add_paragraph(f"{district} – Beschlussvorlage (Entwurf)", style="Title")
    add_table(
        doc,
        ["Drucksache", "Gremium", "Sitzung", "Behandlung"],
        [[TODO, "Kreistag / Ausschuss " + TODO, TODO, "öffentlich"]],
    )
    doc.add_heading("Betreff", level=2)
    doc.add_paragraph(
        f"Integrationsplan {district}: Ergebnisse des Kommunalen Flüchtlingsdialogs und "
        "Maßnahmenplan"
    )
    doc.add_heading("Beschlussvorschlag", level=2)
    for text in (
        "Der Kreistag nimmt den Bericht über den Kommunalen Flüchtlingsdialog zur Kenntnis.",
        f"Der Kreistag beschließt den Integrationsplan (Anlage) mit {fmt.number(fig['plan'])} "
        f"Maßnahmen in {fmt.number(fig['fields'])} Handlungsfeldern als Grundlage der "
        "Integrationsarbeit der kommenden Jahre.",
        "Die Verwaltung wird beauftragt, die Maßnahmen mit den genannten Partnern umzusetzen "
        "und dem Kreistag jährlich über den Stand der Umsetzung zu berichten.",
    ):
        doc.add_paragraph(text, style="List Number")
    doc.add_heading("Sachdarstellung", level=2)
    doc.add_paragraph(
        f"Der Kommunale Flüchtlingsdialog umfasste {fmt.number(len(rounds))} Dialogrunden "
        f"(zuletzt am {stand}) mit insgesamt {fmt.number(_people(rounds))} Teilnahmen. In den "
        f"Arbeitskreisen der Auftaktveranstaltung entstanden {fmt.number(fig['cards'])} Karten "
        f"mit {fmt.number(fig['ideas'])} Einzelideen; ähnliche Ideen wurden zu "
        f"{fmt.number(fig['bundles'])} Ideenbündeln zusammengefasst. Daraus wurden "
        f"{fmt.number(fig['rated'])} Maßnahmen ausgearbeitet und nach Wirkung und Aufwand "
        f"bewertet; {fmt.number(fig['plan'])} Maßnahmen stehen im Entwurf des Maßnahmenplans."
    )
    doc.add_paragraph(f"Anlass und Ausgangslage im Landkreis: {TODO}")
    doc.add_heading("Finanzielle Auswirkungen", level=2)
    doc.add_paragraph(_costs_sentence(plan))
    doc.add_paragraph(f"Deckung im Haushalt, Fördermittel und Personalbedarf: {TODO}")
    doc.add_heading("Anlage", level=2)
    doc.add_paragraph(f"Integrationsplan {district} (Entwurf, Stand {stand})")
    page_break(doc)

    # --- Teil B: Integrationsplan — Titelseite
    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph("Integrationsplan", style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in (district, "Entwurf", f"Stand: {stand}"):
        p = doc.add_paragraph(text, style="Subtitle")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text == "Entwurf":
            p.runs[0].font.size = Pt(20)
            p.runs[0].bold = True
    page_break(doc)
    headings = [
        (1, "1 Ausgangslage und Beteiligungsprozess"),
        (1, "2 Schwerpunktmaßnahmen und Quick Wins"),
        (1, "3 Maßnahmen nach Handlungsfeldern"),
        *[(2, f"3.{i} {label.get(f, f)}") for i, f in enumerate(fields, start=1)],
        (1, "4 Kostenübersicht"),
        (1, "5 Umsetzung und Fortschreibung"),
        (1, "Anhang: Beteiligte Gruppen"),
    ]
    add_toc(doc, headings)
    page_break(doc)
    _process_chapter(doc, rounds, fig)
    _priority_chapter(doc, plan)
    landscape(doc, True)
    _fields_chapter(doc, plan, fields, label, checked=_checked(rounds, plan))
    landscape(doc, False)
    _costs_chapter(doc, rounds, plan, fields, label)
    _tracking_chapter(doc, plan)
    _annex(doc, rounds)
    props = doc.core_properties
    props.title = f"Integrationsplan {district} – Entwurf"
    props.author = "flueko"
    props.last_modified_by = "flueko"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def _base_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)


def _people(rounds: Sequence[RoundData]) -> int:
    return int(sum(sum((r.meta.get("participants") or {}).values()) for r in rounds))


def _process_chapter(doc, rounds: Sequence[RoundData], fig: Mapping[str, int]) -> None:
    doc.add_heading("1 Ausgangslage und Beteiligungsprozess", level=1)
    doc.add_paragraph(f"Ausgangslage (Zuwanderung, Unterbringung, Strukturen vor Ort): {TODO}")
    doc.add_heading("Dialogrunden", level=2)
    costs = process_costs({r.round_id: dict(r.meta) for r in rounds}).set_index(s.ROUND)
    rows = []
    for r in rounds:
        people = sum((r.meta.get("participants") or {}).values())
        cost = costs["cost_total"].get(r.round_id) if r.round_id in costs.index else None
        rows.append(
            [
                _round_label(r),
                fmt.day(str(r.meta["date"])) if r.meta.get("date") else TODO,
                fmt.number(people) if people else TODO,
                fmt.money(cost),
            ]
        )
    add_table(doc, ["Runde", "Datum", "Teilnehmende", "Kosten"], rows, numeric=(2, 3))
    for r in rounds:
        doc.add_heading(_round_label(r), level=3)
        title = str(r.meta.get("title") or r.round_id)
        note = str(r.meta.get("note") or "").replace("Fiktive Demo-Daten.", "").strip()
        doc.add_paragraph(f"{title}. {note}".strip())
    doc.add_heading("Von der Karte zur Maßnahme", level=2)
    add_table(
        doc,
        ["Schritt", "Anzahl"],
        [
            ["Karten der Auftaktveranstaltung", fmt.number(fig["cards"])],
            ["Einzelideen (Karten mit Spiegelstrichen zerlegt)", fmt.number(fig["ideas"])],
            ["Ideenbündel (zwei oder mehr Karten)", fmt.number(fig["bundles"])],
            ["bewertete Maßnahmen", fmt.number(fig["rated"])],
            ["Maßnahmen im Planentwurf", fmt.number(fig["plan"])],
        ],
        widths=(10.0, 3.0),
        numeric=(1,),
    )


def _priority_chapter(doc, plan: pd.DataFrame) -> None:
    doc.add_heading("2 Schwerpunktmaßnahmen und Quick Wins", level=1)
    doc.add_paragraph(
        "Die Einordnung folgt der Bewertung der Maßnahmen nach Wirkung und Aufwand: "
        "Schwerpunktmaßnahmen haben große Reichweite und Wirkung und brauchen Mittel und Zeit; "
        "Quick-Win-Maßnahmen wirken deutlich bei geringem Aufwand und sind mit vorhandenen "
        "Mitteln bald umsetzbar."
    )
    for key, heading in CATEGORIES.items():
        part = plan[plan[CATEGORY] == key]
        doc.add_heading(heading, level=2)
        doc.add_paragraph(f"{CATEGORY_HINTS[key]}.")
        if part.empty:
            doc.add_paragraph("keine")
            continue
        for _, r in part.iterrows():
            doc.add_paragraph(f"{_text(r[s.TITLE])} (Rang {rank_text(r)})", style="List Bullet")


def _checked(rounds: Sequence[RoundData], plan: pd.DataFrame) -> int:
    """How many measures of ``plan`` have card links the office set or confirmed by hand."""
    manual: set[str] = set()
    for r in rounds:
        links = r.tables.get("extra_lineage")
        if links is not None and "status" in links.columns:
            manual |= set(links.loc[links["status"] == MANUAL, s.MEASURE_ID].astype(str))
    return int(plan[s.MEASURE_ID].astype(str).isin(manual).sum())


def _fields_chapter(doc, plan, fields, label, *, checked: int) -> None:
    doc.add_heading("3 Maßnahmen nach Handlungsfeldern", level=1)
    review = (
        f"Die Zuordnung der Karten hat die Verwaltung für {checked} von {len(plan)} Maßnahmen "
        "geprüft; die übrigen sind nach Wortähnlichkeit zugeordnet."
        if checked
        else "Die Zuordnung der Karten ist nach Wortähnlichkeit vorgeschlagen und noch nicht "
        "geprüft (Blatt „Herkunft prüfen“ im Maßnahmenplan)."
    )
    doc.add_paragraph(
        "Je Handlungsfeld die Maßnahmen in der Reihenfolge ihres Rangs in der Bewertung. "
        "Kosten als Spanne der Schätzung; Herkunft: Zahl der Karten der Auftaktveranstaltung, "
        f"aus denen die Maßnahme hervorging, und ihre Klebepunkte. {review}"
    )
    widths = (4.3, 3.3, 3.6, 2.8, 2.1, 2.4, 1.8, 2.6, 2.1)
    for i, f in enumerate(fields, start=1):
        part = plan[plan[s.FIELD] == f]
        doc.add_heading(f"3.{i} {label.get(f, f)}", level=2)
        add_table(doc, MEASURE_HEADERS, measure_rows(part), widths=widths, size=9)


def _costs_chapter(doc, rounds, plan, fields, label) -> None:
    doc.add_heading("4 Kostenübersicht", level=1)
    doc.add_paragraph(_costs_sentence(plan))
    rows = []
    for f in fields:
        part = plan[plan[s.FIELD] == f]
        known = part[part[s.COST_MIN].notna()]
        high = known[s.COST_MAX].sum() if known[s.COST_MAX].notna().all() else None
        rows.append(
            [
                label.get(f, f),
                fmt.number(len(part)),
                fmt.money_range(known[s.COST_MIN].sum() if len(known) else None, high),
                fmt.number(len(part) - len(known)),
            ]
        )
    add_table(
        doc,
        ["Handlungsfeld", "Maßnahmen", "Kosten (Spanne)", "ohne Schätzung"],
        rows,
        numeric=(1, 2, 3),
    )
    doc.add_heading("Kosten des Beteiligungsprozesses", level=2)
    costs = process_costs({r.round_id: dict(r.meta) for r in rounds})
    total = costs.loc[costs["is_total"].fillna(False), "cost_total"]
    doc.add_paragraph(
        f"Organisation und Durchführung der Dialogrunden (laut Rundenangaben): "
        f"{fmt.money(total.iloc[0] if len(total) else None)}. Nicht enthalten ist die "
        f"Arbeitszeit der Verwaltung: {TODO}"
    )


def _tracking_chapter(doc, plan: pd.DataFrame) -> None:
    doc.add_heading("5 Umsetzung und Fortschreibung", level=1)
    doc.add_paragraph(
        "Die Verwaltung führt den Maßnahmenplan als Arbeitstabelle (massnahmenplan.xlsx) fort: "
        "je Maßnahme Status, Fortschritt und Indikator. Der Stand wird dem Kreistag jährlich "
        f"berichtet und der Integrationsplan fortgeschrieben. Berichtstermin: {TODO}"
    )
    doc.add_heading("Stand der Umsetzung", level=2)
    counts = plan[s.STATUS].value_counts()
    rows = [
        [STATUS_LABELS[k], fmt.number(int(counts.get(k, 0)))] for k in STATUSES if counts.get(k, 0)
    ]
    missing = int(plan[s.STATUS].isna().sum())
    if missing:
        rows.append(["ohne Angabe", fmt.number(missing)])
    add_table(doc, ["Status", "Maßnahmen"], rows, widths=(8.0, 3.0), numeric=(1,))
    n_ind = int(plan[s.INDICATOR].notna().sum())
    doc.add_heading("Indikatoren", level=2)
    doc.add_paragraph(
        f"Für {fmt.number(n_ind)} von {fmt.number(len(plan))} Maßnahmen ist ein Indikator "
        f"festgelegt. Fehlende Indikatoren in der Spalte „Indikator“ des Maßnahmenplans "
        f"ergänzen: {TODO}"
    )


def _annex(doc, rounds: Sequence[RoundData]) -> None:
    doc.add_heading("Anhang: Beteiligte Gruppen", level=1)
    table = _participants(rounds)
    if table.empty:
        doc.add_paragraph(f"Teilnehmende je Gruppe sind in den Rundenangaben nicht genannt: {TODO}")
        return
    shown = [r for r in rounds if r.round_id in table.columns and table[r.round_id].notna().any()]
    headers = ["Gruppe", *(_round_label(r) for r in shown)]
    rows = [
        [str(group), *(fmt.number(row[r.round_id]) for r in shown)]
        for group, row in table.iterrows()
    ]
    rows.append(["Summe", *(fmt.number(table[r.round_id].sum()) for r in shown)])
    add_table(
        doc,
        headers,
        rows,
        widths=(5.6, *([11.0 / len(shown)] * len(shown))),
        numeric=tuple(range(1, len(headers))),
    )
    doc.add_paragraph(
        "Anzahl der Teilnehmenden je Gruppe und Dialogrunde (ohne Namen); „–“: nicht beteiligt."
    )


__all__ = [
    "MEASURE_HEADERS",
    "TABLE_STYLE",
    "TODO",
    "build_document",
    "document_bytes",
    "document_text",
    "measure_rows",
    "origin_text",
    "rank_text",
]
