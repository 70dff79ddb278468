"""Report sections for the follow-up survey (round report and cross-round overview)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from flueko import schema as s
from flueko.report import display as show
from flueko.report import fmt
from flueko.report.charts import survey as survey_charts

if TYPE_CHECKING:
    from flueko.report.api import RoundReport


def show_survey(rep: RoundReport) -> None:
    """Satisfaction per aspect, per participant group (suppressed below the limit), rates."""
    from flueko.analyse.survey_stats import distribution, response_rate

    limit = rep.params.survey.min_group_size
    responses = rep.survey_responses
    items = rep.survey_items
    hint = (rep.meta.get("hints") or {}).get("survey_scale")
    n_resp = responses[s.RESPONDENT].nunique()
    show.section("Rückmeldungen der Teilnehmenden", anchor="rueckmeldungen")
    show.note(
        f"{fmt.number(n_resp)} Teilnehmende haben den Rückmeldebogen ausgefüllt. Die Balken "
        "zeigen je Aspekt den Anteil der Antworten von negativ (links) bis positiv (rechts); "
        "die mittlere Kategorie ist je zur Hälfte links und rechts der Null dargestellt. "
        "„keine Angabe“ und leere Antworten zählen nicht zu den Prozenten, n nennt die "
        "gültigen Antworten."
    )
    assumed = scale_assumed(rep.log)
    if assumed:
        show.hint(
            "Zahlencodes ohne Legende in "
            + ", ".join(f"„{f}“" for f in assumed)
            + ": ausgewertet mit der Annahme, dass die höchste Zahl die beste Antwort ist. "
            "Ist 1 die beste Antwort, bitte in round.yaml den Hinweis survey_scale eintragen."
        )
    dist = distribution(responses, items=rep.survey_settings, min_group_size=limit, scale_hint=hint)
    show.figure(survey_charts.diverging_bars(dist, item_labels=rep.item_labels))
    overall = items[items[s.GROUP].isna()]
    if len(overall):
        view = overall.assign(
            label=overall[s.ITEM].map(lambda k: rep.item_labels.get(k, k)),
        )
        show.table(
            view,
            columns={
                "label": "Aspekt",
                s.N_VALID: "n gültig",
                s.N_EXCLUDED: "keine Angabe",
                s.SHARE_POSITIVE: "Anteil positiv",
                s.MEAN: "Mittelwert",
                s.SUPPRESSED: "Hinweis",
            },
            formats={
                s.N_VALID: fmt.number,
                s.N_EXCLUDED: fmt.number,
                s.SHARE_POSITIVE: fmt.percent,
                s.MEAN: lambda v: fmt.number(v, digits=1),
                s.SUPPRESSED: lambda v: "" if pd.isna(v) else str(v),
            },
            numeric=(s.N_VALID, s.N_EXCLUDED, s.SHARE_POSITIVE, s.MEAN),
        )
    by_group = items[items[s.GROUP].notna()]
    if len(by_group):
        show.subsection("Nach Teilnehmergruppe")
        suppressed = sorted(by_group.loc[by_group[s.SUPPRESSED].notna(), s.GROUP].unique())
        show.note(
            f"Gruppen mit weniger als {limit} gültigen Antworten werden zum Schutz der "
            "Teilnehmenden nicht ausgewiesen („n < "
            f"{limit}“); wo sich ein Wert sonst aus Gesamtzahl und übrigen Gruppen errechnen "
            "ließe, wird zusätzlich die nächstkleinere Gruppe ausgeblendet."
        )
        if suppressed:
            show.hint(
                f"In dieser Runde nicht ausgewiesen: {len(suppressed)} Gruppe(n) "
                "mit zu wenigen Antworten."
            )
        show.figure(survey_charts.group_item_heatmap(items, item_labels=rep.item_labels))
    participants = rep.meta.get("participants") or {}
    if participants:
        rate = response_rate(
            responses, participants, items=rep.survey_settings, min_group_size=limit
        )
        if len(rate):
            show.subsection("Rücklauf")
            show.table(rate, **_rate_columns(rate))
    comments = responses[(responses[s.ITEM] == "kommentar") & responses[s.ANSWER].notna()]
    if len(comments):
        show.subsection("Anmerkungen (personenbezogene Angaben unkenntlich gemacht)")
        show.table(
            comments.sort_values(s.ANSWER).reset_index(drop=True),
            columns={s.ANSWER: "Anmerkung"},
        )


def scale_assumed(log: pd.DataFrame) -> list[str]:
    """Files (and sheets) whose numeric answer codes were read with an assumed direction."""
    if log is None or log.empty or s.LOG_CODE not in log:
        return []
    hits = log[log[s.LOG_CODE] == "survey_scale_assumed"]
    out = []
    for file, sheet in zip(hits[s.LOG_FILE], hits[s.LOG_SHEET], strict=True):
        name = str(file) if pd.isna(sheet) or not str(sheet) else f"{file}, Blatt {sheet}"
        if name not in out:
            out.append(name)
    return out


def _rate_columns(rate: pd.DataFrame) -> dict:
    labels = {
        s.GROUP: "Gruppe",
        "participants": "Teilnehmende",
        "respondents": "Rückmeldungen",
        "rate": "Rücklaufquote",
        s.SUPPRESSED: "Hinweis",
    }
    cols = {c: label for c, label in labels.items() if c in rate.columns}
    formats = {
        s.GROUP: lambda v: "Alle Gruppen" if pd.isna(v) else str(v),
        "participants": fmt.number,
        "respondents": fmt.number,
        "rate": fmt.percent,
        s.SUPPRESSED: lambda v: "" if pd.isna(v) else str(v),
    }
    return {
        "columns": cols,
        "formats": {k: v for k, v in formats.items() if k in cols},
        "numeric": tuple(c for c in ("participants", "respondents", "rate") if c in cols),
    }
