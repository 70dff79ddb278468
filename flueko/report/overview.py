"""The cross-round overview (``reports/index.html``), called from ``notebooks/uebersicht.ipynb``.

Lists every round with a link to its report, participation, satisfaction per round, the way of
the measures through the rounds (lineage back to the cards) and the cost of the process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from flueko import __version__
from flueko import schema as s
from flueko.analyse.survey_stats import compare_rounds
from flueko.config import Workspace, load_round_meta
from flueko.io.tables import read_manifest, read_round
from flueko.report import display as show
from flueko.report import fmt
from flueko.report.api import header_html, settings
from flueko.report.charts import survey as survey_charts
from flueko.report.markup import esc


@dataclass
class Overview:
    """All processed rounds of a workspace."""

    workspace: Workspace
    rounds: list[str]
    meta: dict[str, dict[str, Any]]
    tables: dict[str, dict[str, pd.DataFrame]]
    manifests: dict[str, dict[str, Any]]
    survey_settings: dict[str, Any]
    stale: dict[str, str] = field(default_factory=dict)
    """Round → why its report does not show the current state (rounds without data too)."""


def load(workspace: str | Path) -> Overview:
    """Every round of the workspace that has processed tables."""
    ws = Workspace.at(workspace)
    rounds = [r for r in ws.rounds() if (ws.processed_round(r) / "manifest.json").is_file()]
    stale = {r: why for r in ws.rounds() if (why := staleness(ws, r))}
    return Overview(
        workspace=ws,
        rounds=rounds,
        meta={r: load_round_meta(ws.raw_round(r)) for r in rounds},
        tables={r: read_round(ws.processed_round(r)) for r in rounds},
        manifests={r: read_manifest(ws.processed_round(r)) for r in rounds},
        survey_settings=settings("survey_items.yaml", workspace=ws),
        stale=stale,
    )


def staleness(ws: Workspace, round_id: str) -> str:
    """Why the round's report no longer shows the current state, or "" when it does.

    From ``reports/<round>/lauf.json``: the last ingest or report run of the round failed
    (the previous outputs were kept), or the raw files or settings copies changed after the
    report was written (:func:`flueko.pipeline.inputs_fingerprint`).
    A round with no recorded run (an older workspace) is not marked.
    """
    from flueko.io.runstate import read_state
    from flueko.pipeline import inputs_fingerprint

    folder = ws.reports_round(round_id)
    state = read_state(folder)
    ingest, report = state.get("ingest") or {}, state.get("report") or {}
    has_report = (folder / "bericht.html").is_file()
    if ingest and not ingest.get("ok"):
        what = (
            "die Runde hat keine Eingabedateien"
            if ingest.get("error") == "keine Eingabedateien"
            else "das letzte Einlesen ist gescheitert"
        )
        if not has_report:
            return f"noch kein Bericht: {what}"
        return f"veraltet: {what}, der Bericht zeigt den Stand davor"
    if not has_report:
        return ""
    if report and not report.get("ok"):
        return "veraltet: der letzte Lauf des Berichts ist gescheitert"
    inputs = report.get("inputs")
    if inputs and inputs != inputs_fingerprint(ws, round_id)[0]:
        return "veraltet: Dateien oder Einstellungen der Runde sind seit dem Bericht geändert"
    return ""


def short_label(ov: Overview, round_id: str) -> str:
    """ "Auftakt (20.10.2016)" — kind and date from round.yaml, for axes and legends."""
    meta = ov.meta.get(round_id, {})
    kind = str(meta.get("kind") or meta.get("title") or round_id)
    date = meta.get("date")
    if date is None:
        return kind
    try:
        from datetime import date as _date

        d = date if isinstance(date, _date) else _date.fromisoformat(str(date))
        return f"{kind} ({d:%d.%m.%Y})"
    except ValueError:
        return f"{kind} ({date})"


def header(ov: Overview) -> str:
    district = next((str(m.get("district")) for m in ov.meta.values() if m.get("district")), "")
    return header_html(
        title="Kommunaler Flüchtlingsdialog – Übersicht",
        subtitle="Alle Dialogrunden, ihre Berichte und der Weg der Maßnahmen",
        district=district,
        facts=[
            ("Runden", fmt.number(len(ov.rounds))),
            ("Erstellt mit", f"flueko {__version__}"),
        ],
    )


def rounds_table(ov: Overview) -> pd.DataFrame:
    """One row per round: date, title, participants, ideas, measures, responses, report link."""
    rows = []
    for r in ov.rounds:
        meta, t = ov.meta[r], ov.tables[r]
        rows.append(
            {
                "round": r,
                "date": meta.get("date"),
                "title": meta.get("title") or r,
                "participants": sum((meta.get("participants") or {}).values()) or None,
                "ideas": len(t["contributions"]),
                "measures": len(t["measures"]) if _rated_or_planned(t) else None,
                "responses": t["survey_responses"][s.RESPONDENT].nunique()
                if len(t["survey_responses"])
                else 0,
                "cost": float(sum((meta.get("costs") or {}).values())) or None,
            }
        )
    return pd.DataFrame(rows)


def rounds_section(ov: Overview) -> None:
    show.section("Dialogrunden und Berichte", anchor="runden")
    unprocessed = [r for r in ov.stale if r not in ov.rounds]
    for r in unprocessed:
        show.hint(f"Runde {r}: {ov.stale[r]} (Einzelheiten: flueko ingest {r}).")
    if not ov.rounds:
        show.hint(
            "Noch keine Runde aufbereitet: Dateien nach data/raw/<runde>/ legen und "
            "'flueko run --all' ausführen."
        )
        return
    from flueko.report.rating_template import TEMPLATE_XLSX

    table = rounds_table(ov)
    items = []
    for _, row in table.iterrows():
        link = f"{esc(row['round'])}/bericht.html"
        mark = ov.stale.get(row["round"], "")
        if mark:
            mark = f" <strong class='veraltet'>({esc(mark)})</strong>"
        day = esc(fmt.day(row["date"]))
        if (ov.workspace.reports_round(row["round"]) / TEMPLATE_XLSX).is_file():
            href = f"{esc(row['round'])}/{TEMPLATE_XLSX}"
            mark += f' · <a href="{href}">Vorlage Bewertungsbogen (Excel)</a>'
        items.append(f'<li><a href="{link}">{esc(row["title"])}</a> – {day}{mark}</li>')
    show.show_html("<ul class='runden'>" + "".join(items) + "</ul>")
    if any(r in ov.rounds for r in ov.stale):
        show.hint(
            "Markierte Berichte zeigen nicht den aktuellen Stand der Runde: 'flueko run RUNDE' "
            "ausführen und die Meldungen beachten."
        )
    show.table(
        table,
        columns={
            "title": "Runde",
            "date": "Datum",
            "participants": "Teilnehmende",
            "ideas": "Einzelideen",
            "measures": "Maßnahmen",
            "responses": "Rückmeldungen",
        },
        formats={
            "date": fmt.day,
            "participants": fmt.number,
            "ideas": fmt.number,
            "measures": fmt.number,
            "responses": fmt.number,
        },
        numeric=("participants", "ideas", "measures", "responses"),
    )


def participation_section(ov: Overview) -> None:
    rows = []
    for r in ov.rounds:
        for group, n in (ov.meta[r].get("participants") or {}).items():
            rows.append({"round": short_label(ov, r), "group": group, "n": n})
    if not rows:
        return
    import plotly.graph_objects as go

    from flueko.report.charts import plain, style

    df = pd.DataFrame(rows)
    show.section("Beteiligung je Runde", anchor="beteiligung")
    show.note("Teilnehmende je Gruppe laut round.yaml der jeweiligen Runde.")
    from plotly.colors import qualitative

    palette = qualitative.Dark24
    fig = go.Figure()
    for i, group in enumerate(sorted(df["group"].unique())):
        part = df[df["group"] == group]
        fig.add_bar(
            x=[plain(x) for x in part["round"]],
            y=part["n"].tolist(),
            name=plain(group),
            marker_color=palette[i % len(palette)],
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Teilnehmende")
    style(fig, height=460)
    fig.update_layout(legend={"orientation": "v", "yanchor": "top", "y": 1, "x": 1.02})
    show.figure(fig)


def satisfaction_section(ov: Overview) -> None:
    frames = {
        r: ov.tables[r]["survey_items"] for r in ov.rounds if len(ov.tables[r]["survey_items"])
    }
    if not frames:
        return
    show_round_comparison(ov, frames)


def lineage_section(ov: Overview) -> None:
    """Measures through the rounds: where they were rated, planned and from which cards."""
    rows = []
    for r in ov.rounds:
        m = ov.tables[r]["measures"]
        kinds = {k for f in ov.manifests[r].get("files", []) for k in f.get("kinds", [])}
        if m.empty or not kinds & {"ratings", "plan"}:
            continue
        for _, row in m.iterrows():
            rows.append(
                {
                    s.MEASURE_ID: row[s.MEASURE_ID],
                    s.TITLE: row[s.TITLE],
                    "round": short_label(ov, r),
                    s.RANK: row[s.RANK],
                    s.STATUS: row[s.STATUS],
                    s.PROGRESS: row[s.PROGRESS],
                    "n_ideas": 0
                    if pd.isna(row[s.IDEA_IDS])
                    else str(row[s.IDEA_IDS]).count(";") + 1,
                }
            )
    if not rows:
        return
    df = pd.DataFrame(rows)
    show.section("Weg der Maßnahmen durch die Runden", anchor="massnahmen")
    show.note(
        "Jede Maßnahme wird über ihre Kennung durch die Runden verfolgt: in welcher Runde sie "
        "bewertet oder in den Plan aufgenommen wurde und auf wie viele Ideen aus den Workshops "
        "sie zurückgeht."
    )
    wide = (
        df.groupby(s.MEASURE_ID, sort=False)
        .agg(
            title=(s.TITLE, "last"),
            rounds=("round", lambda x: " → ".join(dict.fromkeys(x))),
            rank=(s.RANK, "first"),
            status=(s.STATUS, lambda x: _status_label(x.iloc[-1])),
            progress=(s.PROGRESS, lambda x: x.iloc[-1]),
            n_ideas=("n_ideas", "max"),
        )
        .reset_index()
        .sort_values(["rank", "title"], na_position="last")
    )
    show.table(
        wide,
        columns={
            "title": "Maßnahme",
            "rounds": "Runden",
            "rank": "Rang (Bewertung)",
            "status": "Status",
            **({"progress": "Fortschritt"} if wide["progress"].notna().any() else {}),
            "n_ideas": "Ideen aus Workshops",
        },
        formats={"rank": fmt.number, "n_ideas": fmt.number, "progress": fmt.percent},
        numeric=("rank", "progress", "n_ideas"),
    )


def _status_label(key: object) -> object:
    from flueko.labels import STATUS_LABELS

    return key if pd.isna(key) else STATUS_LABELS.get(str(key), key)


def plan_section(ov: Overview) -> None:
    """Status and progress of the latest Maßnahmenplan, per Handlungsfeld."""
    from flueko.ingest.plan import progress_by_field
    from flueko.labels import STATUS_LABELS
    from flueko.taxonomy import field_labels, taxonomy_from_dict

    planned = [
        r
        for r in ov.rounds
        if "plan" in {k for f in ov.manifests[r].get("files", []) for k in f.get("kinds", [])}
    ]
    if not planned:
        return
    latest = planned[-1]
    progress = progress_by_field(ov.tables[latest]["measures"])
    if progress.empty:
        return
    labels = field_labels(taxonomy_from_dict(settings("taxonomy.yaml", workspace=ov.workspace)))
    show.section("Stand des Maßnahmenplans", anchor="planstand")
    show.note(f"Stand laut Maßnahmenplan der Runde „{short_label(ov, latest)}“.")
    progress = progress.assign(
        **{
            s.FIELD: progress[s.FIELD].map(
                lambda k: "ohne Angabe" if pd.isna(k) else labels.get(k, k)
            )
        }
    )
    cols = {s.FIELD: "Handlungsfeld", "n": "Maßnahmen"}
    cols.update({f"n_{k}": v for k, v in STATUS_LABELS.items() if f"n_{k}" in progress})
    if "progress_mean" in progress:
        cols["progress_mean"] = "Fortschritt (Mittel)"
    show.table(
        progress,
        columns=cols,
        formats={"progress_mean": fmt.percent},
        numeric=tuple(c for c in cols if c != s.FIELD),
    )
    rule = progress["rule"].dropna()
    if len(rule):
        show.note(str(rule.iloc[0]))


def costs_section(ov: Overview) -> None:
    table = rounds_table(ov) if ov.rounds else pd.DataFrame()
    if table.empty or table["cost"].isna().all():
        return
    show.section("Kosten des Dialogprozesses", anchor="kosten")
    total = float(table["cost"].fillna(0).sum())
    table = table.assign(
        per_person=table["cost"] / table["participants"].where(table["participants"] > 0)
    )
    show.table(
        table,
        columns={
            "title": "Runde",
            "cost": "Kosten",
            "participants": "Teilnehmende",
            "per_person": "je Person",
        },
        formats={"cost": fmt.money, "participants": fmt.number, "per_person": fmt.money},
        numeric=("cost", "participants", "per_person"),
    )
    show.note(f"Gesamtkosten des Prozesses: {fmt.money(total)}.")


def footer(ov: Overview) -> str:
    return (
        f'<footer class="flueko-fuss">Erstellt mit flueko {esc(__version__)}. '
        "Personenbezogene Angaben sind unkenntlich gemacht.</footer>"
    )


def show_round_comparison(ov: Overview, frames: dict[str, pd.DataFrame]) -> None:
    """Share of positive answers per aspect, one bar per round (overview report)."""
    labels = {
        k: str(v.get("label", k))
        for k, v in (ov.survey_settings.get("items") or {}).items()
        if isinstance(v, dict)
    }
    titled = {short_label(ov, r): t for r, t in frames.items()}
    show.section("Zufriedenheit je Runde", anchor="zufriedenheit")
    show.note(
        "Anteil positiver Antworten (die beiden besten Kategorien) je Aspekt und Runde, über "
        "alle Befragten der Runde."
    )
    show.figure(survey_charts.round_comparison(compare_rounds(titled), item_labels=labels))


def documents_section(ov: Overview) -> None:
    """Links to the outputs after the plan: the council draft and the participants' feedback."""
    from flueko.report.followup import FEEDBACK_HTML, PLAN_DOCX

    items = [
        (PLAN_DOCX, "Integrationsplan – Entwurf mit Beschlussvorlage für den Kreistag (Word)"),
        (FEEDBACK_HTML, "Was aus Ihren Ideen wurde – Rückmeldung an die Teilnehmenden"),
    ]
    present = [(f, text) for f, text in items if (ov.workspace.reports / f).is_file()]
    if not present:
        return
    show.section("Für Kreistag und Teilnehmende", anchor="dokumente")
    show.show_html(
        "<ul class='dokumente'>"
        + "".join(f'<li><a href="{esc(f)}">{esc(text)}</a> ({esc(f)})</li>' for f, text in present)
        + "</ul>"
    )


def _rated_or_planned(tables: dict[str, pd.DataFrame]) -> bool:
    """Measures of a round are Maßnahmen once rated or planned (before: Ideenbündel)."""
    return bool(len(tables["ratings"])) or bool(tables["measures"][s.STATUS].notna().any())
