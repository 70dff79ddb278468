"""Report sections for rated measures (priority matrix, ranking, costs) and the plan draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from flueko import schema as s
from flueko.labels import CRITERION_LABELS, QUADRANT_LABELS, STATUS_LABELS, TIMEFRAME_LABELS
from flueko.report import display as show
from flueko.report import fmt

if TYPE_CHECKING:
    from flueko.report.api import RoundReport


def _weights_text(weights: Mapping[str, float]) -> str:
    parts = [f"{CRITERION_LABELS.get(k, k)} {fmt.percent(v)}" for k, v in weights.items() if v > 0]
    return ", ".join(parts)


def robustness(rep: RoundReport) -> pd.DataFrame:
    """How stable each rated measure's rank is: as the ingest computed it with the ranks the
    report shows (``extra_robustness.csv``), or computed now the same way when the round has
    none stored or the report runs with other prioritisation parameters (``--param``)."""
    stored = rep.tables.get("extra_robustness")
    if stored is not None and "prioritise" not in rep.overrides:
        robust = pd.DataFrame(
            {
                s.MEASURE_ID: stored[s.MEASURE_ID].astype("string"),
                s.TOP_K_SHARE: pd.to_numeric(stored[s.TOP_K_SHARE]).astype("Float64"),
                "rank_min": pd.to_numeric(stored["rank_min"]).astype("Int64"),
                "rank_max": pd.to_numeric(stored["rank_max"]).astype("Int64"),
                "weight_sensitive": stored["weight_sensitive"].eq("True").astype("boolean"),
            }
        )
    else:
        from flueko.analyse.prioritise import measure_robustness

        rated = rep.measures[rep.measures[s.MEASURE_ID].isin(rep.ratings[s.MEASURE_ID])]
        robust = measure_robustness(rep.ratings, rated, params=rep.params)
    return robust[robust["rank_min"].notna()].reset_index(drop=True)


def show_priorities(rep: RoundReport) -> None:
    """Priority matrix, how the score is computed, ranking, robustness, cost-effort summary."""
    from flueko.analyse.costs import cost_summary, cost_total
    from flueko.report.charts import priority as charts

    m = rep.measures
    pr = rep.params.prioritise
    robust = robustness(rep)
    sensitive_ids = set(robust.loc[robust["weight_sensitive"].fillna(False), s.MEASURE_ID])
    n_raters = rep.ratings[s.RATER].nunique()
    show.section("Prioritätenmatrix: Wirkung und Aufwand", anchor="prioritaeten")
    show.note(
        f"{fmt.number(n_raters)} Teilnehmende haben {fmt.number(len(m))} Maßnahmen nach Wirkung "
        "und Aufwand bewertet (Skala 1 bis 5; andere Skalen wie hoch/mittel/niedrig werden auf "
        "1 bis 5 umgerechnet). Jeder Punkt ist eine Maßnahme am Median ihrer Bewertungen. Die "
        "Linien teilen die Matrix in der Skalenmitte: oben links die Quick Wins (große Wirkung, "
        "wenig Aufwand), oben rechts die großen Vorhaben, unten links die kleinen Schritte, "
        "unten rechts die Zeitfresser."
    )
    show.figure(
        charts.priority_matrix(
            m,
            field_labels=rep.field_labels,
            quadrant_labels=QUADRANT_LABELS,
            threshold=pr.quadrant_threshold,
        )
    )
    show.subsection("Rangfolge")
    show.note(
        "Der Punktwert (0 bis 1) gewichtet die Medianbewertungen: "
        f"{_weights_text(pr.weights)}. Geringer Aufwand zählt dabei positiv; Klebepunkte "
        "werden durch Gruppengröße und Punkte je Person geteilt, damit ein großer Arbeitskreis "
        "nicht allein durch seine Größe gewinnt. Fehlt für eine Maßnahme ein Kriterium, werden "
        "die übrigen Gewichte anteilig hochgerechnet. Bei gleichem Punktwert entscheidet die "
        "höhere Wirkung, dann der geringere Aufwand."
    )
    view = m.sort_values([s.RANK, s.TITLE], na_position="last").assign(
        **{
            s.FIELD: m[s.FIELD].map(lambda k: rep.field_labels.get(k, k) if pd.notna(k) else k),
            s.QUADRANT: m[s.QUADRANT].map(lambda k: QUADRANT_LABELS.get(k, k)),
            "kosten": [
                fmt.money_range(a, b) for a, b in zip(m[s.COST_MIN], m[s.COST_MAX], strict=True)
            ],
            "stabil": [
                _stability(v, mid in sensitive_ids)
                for v, mid in zip(m[s.TOP_K_SHARE], m[s.MEASURE_ID], strict=True)
            ],
            "streuung": m[s.DISAGREEMENT].map(lambda d: "uneinig" if d is True else ""),
        }
    )
    show.table(
        view,
        columns={
            s.RANK: "Rang",
            s.TITLE: "Maßnahme",
            s.FIELD: "Handlungsfeld",
            s.IMPACT: "Wirkung",
            s.EFFORT: "Aufwand",
            s.N_RATERS: "Bewertungen",
            s.SCORE: "Punktwert",
            s.QUADRANT: "Quadrant",
            "kosten": "Kosten (geschätzt)",
            "stabil": f"in den Top {pr['top_k']}",
            "streuung": "Einigkeit",
        },
        formats={
            s.RANK: fmt.number,
            s.IMPACT: lambda v: fmt.number(v, digits=1),
            s.EFFORT: lambda v: fmt.number(v, digits=1),
            s.SCORE: lambda v: fmt.number(v, digits=2),
            s.N_RATERS: fmt.number,
        },
        numeric=(s.RANK, s.IMPACT, s.EFFORT, s.SCORE, s.N_RATERS),
    )
    sensitive = sensitive_ids
    show.note(
        f"Robustheit: In {fmt.number(pr['robustness_samples'])} Durchläufen wurden die Gewichte "
        f"um bis zu {fmt.percent(pr['weight_jitter'])} verändert und die Bewertenden neu "
        f"gezogen. „in den Top {pr['top_k']}“ nennt, wie oft eine Maßnahme dabei unter den "
        f"ersten {pr['top_k']} blieb. "
        + (
            f"Bei {fmt.number(len(sensitive))} Maßnahmen hängt der Platz von der Gewichtung ab."
            if len(sensitive)
            else "Keine Platzierung hängt wesentlich von der Gewichtung ab."
        )
    )
    if len(robust):
        titles = dict(zip(m[s.MEASURE_ID], m[s.TITLE], strict=True))
        show.figure(charts.robustness_chart(robust, titles=titles))

    show.section("Kosten und Aufwand", anchor="kosten-aufwand")
    show.note(
        "Geschätzte Kosten der Maßnahmen als Spanne (Summe der Untergrenzen bis Summe der "
        "Obergrenzen). Maßnahmen ohne Kostenangabe zählen nicht als 0 €; ihre Zahl steht in "
        "der Spalte „ohne Angabe“, die Summen sind dann Mindestwerte."
    )
    total = cost_total(m)
    show.note(
        "Alle Maßnahmen zusammen: "
        f"{fmt.money_range(total['cost_min_sum'].iloc[0], total['cost_max_sum'].iloc[0])}, "
        f"davon {fmt.number(total['n_cost_unknown'].iloc[0])} ohne Kostenangabe."
    )
    for key, label, labels in (
        (s.FIELD, "Handlungsfeld", rep.field_labels),
        (s.RESPONSIBLE, "Zuständig", {}),
        (s.TIMEFRAME, "Zeitraum", TIMEFRAME_LABELS),
    ):
        summary = cost_summary(m, by=key)
        if summary.empty:
            continue
        summary = summary.assign(
            **{
                key: summary[key].map(
                    lambda k, labels=labels: "ohne Angabe" if pd.isna(k) else labels.get(k, k)
                ),
                "spanne": [
                    fmt.money_range(a, b)
                    for a, b in zip(summary["cost_min_sum"], summary["cost_max_sum"], strict=True)
                ],
            }
        )
        show.table(
            summary,
            columns={
                key: label,
                "n_measures": "Maßnahmen",
                "spanne": "Kosten",
                "n_cost_unknown": "ohne Angabe",
                "effort_mean": "Aufwand (Mittel)",
            },
            formats={
                "n_measures": fmt.number,
                "n_cost_unknown": fmt.number,
                "effort_mean": lambda v: fmt.number(v, digits=1),
            },
            numeric=("n_measures", "n_cost_unknown", "effort_mean"),
            caption=f"nach {label}",
        )
    if key_fig := _cost_chart(m, rep):
        show.figure(key_fig)


def _cost_chart(m, rep):
    from flueko.analyse.costs import cost_summary
    from flueko.report.charts import priority as charts

    summary = cost_summary(m, by=s.FIELD)
    if summary.empty:
        return None
    return charts.cost_effort_chart(summary, labels=rep.field_labels)


def _stability(share: object, sensitive: bool) -> str:
    if pd.isna(share):
        return "–"
    text = fmt.percent(float(share))
    return f"{text} – hängt von der Gewichtung ab" if sensitive else text


def plan_is_draft(measures: pd.DataFrame) -> bool:
    """True while nothing of the plan has been filled in: no progress and no status beyond
    "offen" — then it is called a draft ("Entwurf"), afterwards a state of implementation."""
    status = measures[s.STATUS].dropna()
    return bool(measures[s.PROGRESS].isna().all() and (status == "offen").all())


def show_plan(rep: RoundReport) -> None:
    """The plan draft with responsibilities, timeframes, costs, status; progress per field."""
    from flueko.ingest.plan import progress_by_field

    m = rep.measures
    if plan_is_draft(m):
        show.section("Maßnahmenplan (Entwurf)", anchor="massnahmenplan")
        show.note(
            f"Der Entwurf des Maßnahmenplans umfasst {fmt.number(len(m))} Maßnahmen. Die Tabelle "
            "steht auch als Excel-Datei massnahmenplan.xlsx neben diesem Bericht; dort können "
            "Status und Fortschritt gepflegt werden."
        )
    else:
        show.section("Maßnahmenplan: Stand der Umsetzung", anchor="massnahmenplan")
        show.note(
            f"Der Maßnahmenplan umfasst {fmt.number(len(m))} Maßnahmen; Status und Fortschritt "
            "stehen so, wie sie im zurückgegebenen Plan eingetragen sind. Die Tabelle steht auch "
            "als Excel-Datei massnahmenplan.xlsx neben diesem Bericht."
        )
    view = m.assign(
        **{
            s.FIELD: m[s.FIELD].map(lambda k: rep.field_labels.get(k, k) if pd.notna(k) else k),
            s.STATUS: m[s.STATUS].map(lambda k: STATUS_LABELS.get(k, k) if pd.notna(k) else k),
            s.TIMEFRAME: m[s.TIMEFRAME].map(
                lambda k: TIMEFRAME_LABELS.get(k, k) if pd.notna(k) else k
            ),
            "kosten": [
                fmt.money_range(a, b) for a, b in zip(m[s.COST_MIN], m[s.COST_MAX], strict=True)
            ],
        }
    )
    show.table(
        view,
        columns={
            s.FIELD: "Handlungsfeld",
            s.TITLE: "Maßnahme",
            s.GOAL: "Ziel",
            s.RESPONSIBLE: "Zuständig",
            s.PARTNERS: "Partner",
            s.TIMEFRAME: "Zeitraum",
            "kosten": "Kosten",
            s.STATUS: "Status",
            **({s.PROGRESS: "Fortschritt"} if m[s.PROGRESS].notna().any() else {}),
        },
        formats={s.PROGRESS: fmt.percent},
        numeric=(s.PROGRESS,),
    )
    progress = progress_by_field(m)
    if len(progress):
        show.subsection("Stand der Umsetzung je Handlungsfeld")
        progress = progress.assign(
            **{
                s.FIELD: progress[s.FIELD].map(
                    lambda k: rep.field_labels.get(k, k) if pd.notna(k) else "ohne Angabe"
                )
            }
        )
        cols = {s.FIELD: "Handlungsfeld", "n": "Maßnahmen"}
        for key, label in STATUS_LABELS.items():
            if f"n_{key}" in progress:
                cols[f"n_{key}"] = label
        show.table(progress, columns=cols, numeric=tuple(c for c in cols if c != s.FIELD))
        rule = progress["rule"].dropna()
        if len(rule):
            show.note(str(rule.iloc[0]))
