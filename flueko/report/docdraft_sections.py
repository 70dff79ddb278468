"""The sections of the documentation draft, each built from the processed rounds.

One function per part of the documentation form (Angaben zur Kommune, Veranstaltungskonzept,
Themenfelder, Beteiligte Akteure, Bewertung, Ergebnisse und nächste Schritte, Kosten, and the
parts only the office can fill in); :func:`flueko.report.docdraft.documentation_markdown` puts
them in order. Each returns its Markdown lines; whatever the data cannot say is left as
"[bitte ergänzen]".

Pure functions: tables and dicts in, text out. Only aggregated tables are used (never survey
answers of single respondents or rater names); every user-provided string goes through
:func:`~flueko.report.docdraft_render.escape_md`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from flueko import schema as s
from flueko.analyse.costs import process_costs
from flueko.labels import QUADRANT_HINTS, QUADRANT_LABELS, STATUS_LABELS
from flueko.report import fmt
from flueko.report.docdraft_render import TODO, escape_md, is_missing, md_label, md_table, plural
from flueko.text import fold

PROCESS_ITEMS: tuple[str, ...] = (
    "format",
    "struktur",
    "moderation",
    "transparenz",
    "umgang",
    "informationsmaterial",
)
"""Survey aspects of the form's question on the course of the event (Ablauf)."""

RESULT_ITEMS: tuple[str, ...] = ("diskussionsqualitaet", "erkenntnisse", "ergebnisse", "mehrwert")
"""Survey aspects of the form's question on the results (Ergebnisse)."""


@dataclass(frozen=True)
class RoundData:
    """One processed round: its id, its ``round.yaml`` and its processed tables."""

    round_id: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` (an empty conformed table when absent)."""
        df = self.tables.get(name)
        return s.empty(name) if df is None else df


# --- round helpers ----------------------------------------------------------------------------


def _idea_count(value: object) -> int:
    """Number of ``idea_id``s in a "; "-separated cell (0 when missing)."""
    if is_missing(value):
        return 0
    return len([p for p in str(value).split(";") if p.strip()])


def _all(rounds: Sequence[RoundData], name: str) -> pd.DataFrame:
    """Table ``name`` of every round, stacked."""
    frames = [r.table(name) for r in rounds]
    return pd.concat(frames, ignore_index=True) if frames else s.empty(name)


def round_labels(rounds: Sequence[RoundData]) -> dict[str, str]:
    """Short column labels: the round's kind (or title, or id); made unique with the date."""
    base = {
        r.round_id: str(r.meta.get("kind") or r.meta.get("title") or r.round_id) for r in rounds
    }
    counts: dict[str, int] = {}
    for label in base.values():
        counts[label] = counts.get(label, 0) + 1
    out = {}
    for r in rounds:
        label = base[r.round_id]
        if counts[label] > 1:
            when = r.meta.get("date")
            label = f"{label} ({fmt.day(when) if when else r.round_id})"
        out[r.round_id] = escape_md(label)
    return out


# --- sections ------------------------------------------------------------------------------------


def intro_section(rounds: Sequence[RoundData]) -> list[str]:
    return [
        "# Dokumentation Kommunaler Flüchtlingsdialog – Entwurf",
        "",
        "> Entwurf, automatisch aus den aufbereiteten Daten von "
        f"{plural(len(rounds), 'Dialogrunde', 'Dialogrunden')} erstellt. Bitte alle Stellen "
        f"mit „{TODO}“ von Hand ausfüllen und die Zahlen vor der Weitergabe prüfen.",
    ]


def municipality_section(rounds: Sequence[RoundData], *, district: str | None) -> list[str]:
    districts: list[str] = []
    for r in rounds:
        d = r.meta.get("district")
        if d and str(d).strip() and str(d).strip() not in districts:
            districts.append(str(d).strip())
    if not districts and district:
        districts.append(district)
    landkreis = ", ".join(escape_md(d) for d in districts) or TODO
    rows = [
        ["Name der Stadt oder Gemeinde", TODO],
        ["Einwohnerzahl", TODO],
        ["Landkreis", landkreis],
        ["Regierungsbezirk", TODO],
        ["Kontaktperson (Name und Adresse)", TODO],
        ["Telefon der Kontaktperson", TODO],
        ["E-Mail der Kontaktperson", TODO],
    ]
    return ["## Angaben zur Kommune", "", md_table(["Angabe", "Eintrag"], rows, right=2)]


def concept_section(
    rounds: Sequence[RoundData], *, question_labels: Mapping[str, str]
) -> list[str]:
    out = [
        "## Veranstaltungskonzept",
        "",
        f"Zielsetzung, Format und methodische Umsetzung: {TODO}",
        "",
        "### Termine und Formate",
        "",
    ]
    for r in rounds:
        when = r.meta.get("date")
        day = escape_md(fmt.day(when), line_start=False) if when else "ohne Datum"
        parts = [f"**{day}**"]  # after "- **": no line start, "20. Oktober" needs no escape
        kind, title = r.meta.get("kind"), r.meta.get("title")
        names = [str(x) for x in (kind, title) if x]
        head = ": ".join(escape_md(x) for x in dict.fromkeys(names)) or escape_md(r.round_id)
        people = r.meta.get("participants") or {}
        if people:
            head += f" ({plural(int(sum(people.values())), 'Person', 'Personen')})"
        parts.append(head)
        if r.meta.get("note"):
            parts.append(escape_md(r.meta["note"]))
        out.append("- " + " – ".join(parts))

    contributions = _all(rounds, "contributions")
    counts = contributions[s.QUESTION].value_counts(dropna=True)
    out += ["", "### Leitfragen", ""]
    for i, key in enumerate(s.QUESTIONS, start=1):
        line = f"{i}. {md_label(question_labels, key)}"
        if len(contributions):
            line += f" – {plural(int(counts.get(key, 0)), 'Beitrag', 'Beiträge')}"
        out.append(line)

    out += ["", "### Arbeitskreise", ""]
    with_cards = [r for r in rounds if len(r.table("contributions"))]
    if not with_cards:
        return [*out, f"Keine Workshop-Karten in den Daten. {TODO}"]
    for r in with_cards:
        # a working group as round.yaml spells it ("AK Bildung/Ausbildung", not the file's
        # "AK Bildung Ausbildung") when the names agree folded
        named = {fold(str(n)): str(n) for n in (r.meta.get("working_groups") or {})}
        groups = r.table("contributions")[s.GROUP].fillna("ohne Arbeitskreis")
        groups = pd.Series([named.get(fold(g), g) for g in groups], dtype=object)
        per_group = groups.value_counts().sort_index()
        title = escape_md(r.meta.get("title") or r.round_id)
        out.append(
            f"{title}: {plural(len(per_group), 'Arbeitskreis', 'Arbeitskreise')} "
            f"mit zusammen {plural(int(per_group.sum()), 'Beitrag', 'Beiträgen')}"
        )
        out.append("")
        out += [
            f"- {escape_md(g)} – {plural(int(n), 'Beitrag', 'Beiträge')}"
            for g, n in per_group.items()
        ]
        out.append("")
    return out[:-1]


def placeholder_section(heading: str, question: str) -> list[str]:
    return [f"## {heading}", "", f"{question} {TODO}"]


def fields_section(rounds: Sequence[RoundData], *, field_labels: Mapping[str, str]) -> list[str]:
    out = ["## Themenfelder", ""]
    contributions = _all(rounds, "contributions")
    if contributions.empty:
        return [*out, f"Keine Workshop-Beiträge in den Daten. {TODO}"]
    counts = contributions[s.FIELD].fillna("").value_counts()
    order = {k: i for i, k in enumerate(field_labels)}
    keys = sorted(counts.index, key=lambda k: (-int(counts[k]), order.get(k, len(order)), k))
    total = int(counts.sum())
    # "Sonstiges" and ideas without a field are no discussed Handlungsfeld (they stay in the table)
    named = ", ".join(md_label(field_labels, k) for k in keys if k and k != "sonstiges")
    out += [
        f"Diskutierte Handlungsfelder: {named}.",
        "",
        f"Die {plural(total, 'Idee', 'Ideen')} aus den Workshops verteilen sich so:",
        "",
    ]
    rows = [
        [
            md_label(field_labels, k or None),
            fmt.number(int(counts[k])),
            fmt.percent(int(counts[k]) / total),
        ]
        for k in keys
    ]
    rows.append(["**Summe**", f"**{fmt.number(total)}**", fmt.percent(1)])
    return [*out, md_table(["Handlungsfeld", "Ideen", "Anteil"], rows)]


def actors_section(rounds: Sequence[RoundData], labels: Mapping[str, str]) -> list[str]:
    out = ["## Beteiligte Akteure", ""]
    with_people = [r for r in rounds if r.meta.get("participants")]
    if not with_people:
        return [*out, f"In round.yaml sind keine Teilnehmenden angegeben. {TODO}"]
    groups: list[str] = []
    for r in with_people:
        groups += [str(g) for g in r.meta["participants"] if str(g) not in groups]
    rows = []
    for g in groups:
        values = [
            {str(k): v for k, v in r.meta["participants"].items()}.get(g) for r in with_people
        ]
        known = [v for v in values if v is not None]
        rows.append(
            [escape_md(g)]
            + [fmt.number(v) if v is not None else fmt.MISSING for v in values]
            + [fmt.number(sum(known))]
        )
    sums = [int(sum(r.meta["participants"].values())) for r in with_people]
    rows.append(["**Summe**"] + [f"**{fmt.number(n)}**" for n in [*sums, sum(sums)]])
    headers = ["Teilnehmergruppe"] + [labels[r.round_id] for r in with_people] + ["Gesamt"]
    summary = "; ".join(
        f"{labels[r.round_id]}: {fmt.number(n)}" for r, n in zip(with_people, sums, strict=True)
    )
    out += [
        f"Teilnehmende je Runde laut round.yaml – {summary}.",
        "",
        md_table(headers, rows),
        "",
        "„Gesamt“ zählt Teilnahmen: wer an mehreren Runden teilgenommen hat, ist mehrfach "
        "enthalten.",
    ]
    return out


def _survey_cell(row: pd.Series | None, *, min_group_size: int) -> str:
    """ "72 % (n = 29)"; suppressed or too few answers: no value, only the reason."""
    if row is None:
        return fmt.MISSING
    if not is_missing(row[s.SUPPRESSED]):
        return "nicht ausgewiesen"
    n = row[s.N_VALID]
    if is_missing(n):
        return fmt.MISSING
    if int(n) < min_group_size:
        return f"nicht ausgewiesen (n < {min_group_size})"
    share = row[s.SHARE_POSITIVE]
    if is_missing(share):
        return f"– (n = {fmt.number(int(n))})"
    return f"{fmt.percent(share)} (n = {fmt.number(int(n))})"


def evaluation_section(
    rounds: Sequence[RoundData],
    labels: Mapping[str, str],
    *,
    item_labels: Mapping[str, str],
    min_group_size: int,
) -> list[str]:
    out = ["## Bewertung des Ablaufs und der Ergebnisse", ""]
    overall: dict[str, pd.DataFrame] = {}
    for r in rounds:
        items = r.table("survey_items")
        items = items[items[s.GROUP].isna()]
        if len(items):
            overall[r.round_id] = items.drop_duplicates(s.ITEM).set_index(s.ITEM)
    if not overall:
        return [*out, f"Keine Rückmeldebögen in den Daten. Gesamteinschätzung: {TODO}"]
    with_survey = [r for r in rounds if r.round_id in overall]
    sheets = []
    for r in with_survey:
        t = overall[r.round_id]
        answered = (t[s.N_VALID].fillna(0) + t[s.N_EXCLUDED].fillna(0)).max()
        sheets.append(f"{labels[r.round_id]}: {fmt.number(int(answered))}")
    out += [
        "Anteil positiver Antworten (die beiden besten Stufen, z. B. „zufrieden“ und „sehr "
        "zufrieden“) je Aspekt und Runde, über alle Antwortenden; in Klammern die Zahl der "
        f"gültigen Antworten. Werte aus weniger als {fmt.number(min_group_size)} Antworten "
        "werden nicht ausgewiesen.",
        "",
        f"Rückmeldebögen je Runde: {'; '.join(sheets)}.",
    ]
    present = {str(k) for t in overall.values() for k in t.index}
    extra = tuple(sorted(present - set(PROCESS_ITEMS) - set(RESULT_ITEMS)))
    blocks = (
        ("Zufriedenheit mit dem Ablauf", PROCESS_ITEMS),
        ("Zufriedenheit mit den Ergebnissen", RESULT_ITEMS),
        ("Weitere Fragen", extra),
    )
    headers = ["Aspekt"] + [labels[r.round_id] for r in with_survey]
    for title, keys in blocks:
        keys = tuple(k for k in keys if k in present)
        if not keys:
            continue
        rows = []
        for key in keys:
            cells = [
                _survey_cell(
                    overall[r.round_id].loc[key] if key in overall[r.round_id].index else None,
                    min_group_size=min_group_size,
                )
                for r in with_survey
            ]
            rows.append([md_label(item_labels, key), *cells])
        out += ["", f"### {title}", "", md_table(headers, rows)]
    return [*out, "", f"Gesamteinschätzung: {TODO}"]


def _latest(rounds: Sequence[RoundData], column: str) -> RoundData | None:
    for r in reversed(rounds):
        if r.table("measures")[column].notna().any():
            return r
    return None


def _top_rated(r: RoundData, *, field_labels: Mapping[str, str], n: int) -> list[str]:
    m = r.table("measures")
    m = m[m[s.RANK].notna()]
    m = m.assign(_score=-m[s.SCORE].astype("Float64").fillna(-1e9))
    top = m.sort_values([s.RANK, "_score", s.MEASURE_ID], na_position="last").head(n)
    out = []
    for i, (_, row) in enumerate(top.iterrows(), start=1):
        quadrant = row[s.QUADRANT]
        if is_missing(quadrant):
            q = "nicht bestimmt"
        else:
            q = escape_md(QUADRANT_LABELS.get(str(quadrant), str(quadrant)))
            if str(quadrant) in QUADRANT_HINTS:
                q += f" ({QUADRANT_HINTS[str(quadrant)]})"
        out.append(
            f"{i}. **{escape_md(row[s.TITLE])}** – Handlungsfeld: "
            f"{md_label(field_labels, row[s.FIELD])}; Quadrant: {q}; "
            f"Rang {fmt.number(row[s.RANK])}; "
            f"Ideen aus den Workshops: {fmt.number(_idea_count(row[s.IDEA_IDS]))}"
        )
    return out


def _top_voted(
    rounds: Sequence[RoundData], *, field_labels: Mapping[str, str], n: int
) -> tuple[str, list[str]]:
    """The most-voted candidate measures of the latest round that has any, else cards."""
    for r in reversed(rounds):
        m = r.table("measures")
        m = m[m[s.VOTES].notna()]
        if m.empty:
            continue
        top = m.sort_values([s.VOTES, s.MEASURE_ID], ascending=[False, True]).head(n)
        items = [
            f"{i}. **{escape_md(row[s.TITLE])}** – Handlungsfeld: "
            f"{md_label(field_labels, row[s.FIELD])}; Klebepunkte: {fmt.number(row[s.VOTES])}; "
            f"Ideen aus den Workshops: {fmt.number(_idea_count(row[s.IDEA_IDS]))}"
            for i, (_, row) in enumerate(top.iterrows(), start=1)
        ]
        return "Vorschläge mit den meisten Klebepunkten", items
    for r in reversed(rounds):
        c = r.table("contributions")
        c = c[c[s.VOTES].notna() & c[s.CARD_ID].notna()]
        if c.empty:
            continue
        cards = (
            c.groupby(s.CARD_ID, sort=True)
            .agg(
                votes=(s.VOTES, "max"),  # a split card repeats its votes on every idea
                text=(s.TEXT, lambda t: "; ".join(str(x) for x in t.dropna())),
                field=(s.FIELD, "first"),
                ideas=(s.IDEA_ID, "count"),
            )
            .reset_index()
            .sort_values(["votes", s.CARD_ID], ascending=[False, True])
            .head(n)
        )
        items = [
            f"{i}. **{escape_md(row['text'])}** – Handlungsfeld: "
            f"{md_label(field_labels, row['field'])}; Klebepunkte: {fmt.number(row['votes'])}; "
            f"Ideen aus den Workshops: {fmt.number(int(row['ideas']))}"
            for i, (_, row) in enumerate(cards.iterrows(), start=1)
        ]
        return "Karten mit den meisten Klebepunkten", items
    return "", []


def results_section(
    rounds: Sequence[RoundData],
    labels: Mapping[str, str],
    *,
    field_labels: Mapping[str, str],
) -> list[str]:
    out = [
        "## Konkrete Ergebnisse, Maßnahmen und nächste Schritte",
        "",
        "### Drei wichtige Ergebnisse bzw. Maßnahmen",
        "",
    ]
    rated = _latest(rounds, s.RANK)
    if rated is not None:
        out += [
            f"Die drei bestplatzierten Maßnahmen der Bewertung ({labels[rated.round_id]}):",
            "",
            *_top_rated(rated, field_labels=field_labels, n=3),
        ]
    else:
        what, items = _top_voted(rounds, field_labels=field_labels, n=3)
        if items:
            out += [f"Noch keine Bewertung in den Daten – die drei {what}:", "", *items]
        else:
            out.append(f"Keine Maßnahmen oder Karten in den Daten. {TODO}")

    out += ["", "### Wirkung und nächste Schritte", ""]
    plan = _latest(rounds, s.STATUS)
    if plan is None:
        out.append("Noch kein Maßnahmenplan mit Umsetzungsstand in den Daten.")
    else:
        status = plan.table("measures")[s.STATUS]
        rows = [
            [escape_md(label), fmt.number(int((status == key).fillna(False).sum()))]
            for key, label in STATUS_LABELS.items()
            if (status == key).fillna(False).any()
        ]
        others = int((status.notna() & ~status.isin(list(STATUS_LABELS))).sum())
        if others:
            rows.append(["sonstiger Status", fmt.number(others)])
        if status.isna().any():
            rows.append(["ohne Status", fmt.number(int(status.isna().sum()))])
        rows.append(["**Summe**", f"**{fmt.number(len(status))}**"])
        out += [
            f"Stand des Maßnahmenplans ({labels[plan.round_id]}): "
            f"{plural(len(status), 'Maßnahme', 'Maßnahmen')}.",
            "",
            md_table(["Status", "Maßnahmen"], rows),
        ]
    out += [
        "",
        "Werden die Ergebnisse zu weiteren Handlungen bei Akteuren aus Politik, Verwaltung und "
        f"Zivilgesellschaft führen? Welche konkreten Schritte wurden vereinbart? {TODO}",
    ]
    return out


def costs_section(rounds: Sequence[RoundData], labels: Mapping[str, str]) -> list[str]:
    out = ["## Kosten und Effizienz", ""]
    meta = {r.round_id: dict(r.meta) for r in rounds}
    if not any(m.get("costs") for m in meta.values()):
        return [*out, f"In round.yaml sind keine Kosten angegeben. {TODO}"]
    table = process_costs(meta)
    rows = []
    for _, row in table.iterrows():
        if row["is_total"]:
            name = "**Summe**"
            cost = f"**{fmt.money(row['cost_total'])}**"
        else:
            name = labels[str(row[s.ROUND])]
            cost = fmt.money(row["cost_total"])
        people = row["n_participants"]
        rows.append(
            [
                name,
                cost,
                fmt.MISSING if is_missing(people) else fmt.number(people),
                fmt.money(row["cost_per_participant"]),
            ]
        )
    items: dict[str, float] = {}
    for r in rounds:
        for k, v in (r.meta.get("costs") or {}).items():
            items[str(k)] = items.get(str(k), 0.0) + float(v)
    total = table.loc[table["is_total"].fillna(False), "cost_total"].iloc[0]
    out += [
        f"Dokumentierte Kosten für Organisation und Durchführung (laut round.yaml): "
        f"{fmt.money(total)} insgesamt.",
        "",
        md_table(["Runde", "Kosten", "Teilnehmende", "Kosten je Teilnahme"], rows),
        "",
        "Nach Posten, alle Runden zusammen:",
        "",
        md_table(["Posten", "Betrag"], [[escape_md(k), fmt.money(v)] for k, v in items.items()]),
        "",
        f"Nicht enthalten ist die Arbeitszeit der Verwaltung (Vorbereitung, Gewinnung der "
        f"Teilnehmenden, Nachbereitung). {TODO}",
        "",
        f"Stehen Aufwand und Ergebnis in einem guten Verhältnis? {TODO}",
    ]
    return out
