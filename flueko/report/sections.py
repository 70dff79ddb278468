"""The sections of a round report: each shows itself only when the round has data for it.

Called from ``notebooks/bericht.ipynb``; each function displays headings, German narrative,
charts and tables for one topic. The numbers come from the pure analysis modules.
"""

from __future__ import annotations

import pandas as pd

from flueko import schema as s
from flueko.analyse import summaries
from flueko.labels import LOG_CODE_LABELS, METHOD_LABELS, SEVERITY_LABELS
from flueko.report import display as show
from flueko.report import fmt
from flueko.report.api import RoundReport, key_figures_html
from flueko.report.charts import cards as card_charts


def key_figures(rep: RoundReport) -> None:
    """Participants, ideas, votes, measures and responses of the round at a glance."""
    figures = []
    participants = rep.meta.get("participants") or {}
    if participants:
        figures.append(("Teilnehmende", fmt.number(sum(participants.values()))))
    if rep.has("contributions"):
        t = summaries.totals(rep.contributions)
        figures += [
            ("Arbeitskreise", fmt.number(t["groups"])),
            ("Karten", fmt.number(t["cards"])),
            ("Einzelideen", fmt.number(t["ideas"])),
            ("Klebepunkte", fmt.number(t["votes"])),
        ]
    if rep.has("measures"):
        if rep.has("ratings") or rep.measures[s.STATUS].notna().any():
            figures.append(("Maßnahmen", fmt.number(len(rep.measures))))
        elif rep.has("contributions"):  # candidates only: bundles of two or more cards
            n_cards = summaries.cards_per_measure(rep.measures, rep.contributions)
            figures.append(("Ideenbündel", fmt.number(int((n_cards >= 2).sum()))))
    if rep.has("ratings"):
        figures.append(("Bewertende", fmt.number(rep.ratings[s.RATER].nunique())))
    if rep.has("survey_responses"):
        figures.append(("Rückmeldungen", fmt.number(rep.survey_responses[s.RESPONDENT].nunique())))
    if figures:
        show.show_html(key_figures_html(figures))


def contributions(rep: RoundReport, *, top_n: int = 10) -> None:
    """Cards per Handlungsfeld and Leitfrage, ideas per working group, the top-voted ideas."""
    if not rep.has("contributions"):
        return
    c = rep.contributions
    t = summaries.totals(c)
    show.section("Beiträge nach Handlungsfeld und Leitfrage", anchor="beitraege")
    show.note(
        f"In {fmt.number(t['groups'])} Arbeitskreisen entstanden {fmt.number(t['cards'])} "
        f"Karten. Karten mit mehreren Spiegelstrichen wurden in Einzelideen zerlegt; so ergeben "
        f"sich {fmt.number(t['ideas'])} Einzelideen. Die Klebepunkte einer Karte zählen dabei "
        f"nur einmal ({fmt.number(t['votes'])} Punkte insgesamt)."
    )
    counts = summaries.counts_by_field_question(
        c, fields=list(rep.field_labels), questions=list(s.QUESTIONS)
    )
    show.figure(
        card_charts.field_question_heatmap(
            counts, field_labels=rep.field_labels, question_labels=rep.question_labels
        )
    )
    show.subsection("Einzelideen je Handlungsfeld und Arbeitskreis")
    show.figure(card_charts.ideas_per_field(c, field_labels=rep.field_labels))
    top = summaries.top_ideas(c, n=top_n)
    if len(top):
        show.subsection(f"Die {len(top)} Karten mit den meisten Klebepunkten")
        top = top.assign(
            **{
                s.FIELD: top[s.FIELD].map(lambda k: rep.field_labels.get(k, k)),
                "herkunft": top[s.SOURCE_FILE]
                + ", "
                + top[s.SOURCE_SHEET]
                + ", "
                + top[s.SOURCE_CELL],
            }
        )
        show.table(
            top,
            columns={
                s.TEXT: "Karte",
                s.GROUP: "Arbeitskreis",
                s.FIELD: "Handlungsfeld",
                s.VOTES: "Punkte",
                "herkunft": "Quelle (Datei, Blatt, Zelle)",
            },
            formats={s.VOTES: fmt.number},
            numeric=(s.VOTES,),
        )


def categorisation(rep: RoundReport) -> None:
    """How the ideas were categorised and which candidate measures they form."""
    if not rep.has("contributions"):
        return
    c = rep.contributions
    show.section("Zuordnung und Ideenbündel", anchor="zuordnung")
    show.note(
        "Jede Einzelidee wird genau einem Handlungsfeld zugeordnet: zuerst gilt die Kodierung "
        "durch das Team, sonst eine Schlagwortregel auf dem Text, sonst das Thema des "
        "Arbeitskreises. Ideen, die in einem anderen Arbeitskreis entstanden als ihr Thema, "
        "werden so ihrem eigentlichen Handlungsfeld zugeordnet."
    )
    methods = (
        c[s.FIELD_METHOD].fillna("default").value_counts().reindex(list(METHOD_LABELS)).dropna()
    )
    table = pd.DataFrame(
        {"methode": [METHOD_LABELS[k] for k in methods.index], "n": methods.astype(int).tolist()}
    )
    show.table(
        table,
        columns={"methode": "Zuordnung durch", "n": "Einzelideen"},
        formats={"n": fmt.number},
        numeric=("n",),
    )
    _coder_agreement(rep)
    m = rep.measures
    if len(m) and not rep.has("ratings") and m[s.IDEA_IDS].notna().any():
        multi = m[(summaries.cards_per_measure(m, c) >= 2).to_numpy()]
        show.subsection("Ideenbündel: ähnliche Ideen aus mehreren Karten")
        show.note(
            f"Ähnlich formulierte Einzelideen aus zwei oder mehr Karten wurden zu "
            f"{fmt.number(len(multi))} Ideenbündeln zusammengefasst; die übrigen "
            f"{fmt.number(len(m) - len(multi))} Vorschläge stehen jeweils für eine einzelne Karte. "
            "Maßnahmen entstehen erst daraus, wenn sie ausgearbeitet und bewertet werden. Die "
            "Klebepunkte zählen je Karte einmal."
        )
        view = multi.sort_values([s.VOTES, s.TITLE], ascending=[False, True]).head(15)
        view = view.assign(
            **{
                s.FIELD: view[s.FIELD].map(lambda k: rep.field_labels.get(k, k)),
                "herkunft": [source_cards(ids, c) for ids in view[s.IDEA_IDS]],
            }
        )
        show.table(
            view,
            columns={
                s.TITLE: "Ideenbündel",
                s.FIELD: "Handlungsfeld",
                "herkunft": "Karten (Arbeitskreis: Text – Datei, Zelle)",
                s.VOTES: "Punkte",
            },
            formats={s.VOTES: fmt.number},
            numeric=(s.VOTES,),
        )


def _coder_agreement(rep: RoundReport) -> None:
    """Agreement of two coders per Handlungsfeld (Cohen's kappa), when two coded."""
    agreement = rep.tables.get("extra_coder_agreement")
    if agreement is None or agreement.empty:
        return
    disputed = rep.tables.get("extra_coder_disagreements")
    n_disputed = 0 if disputed is None else len(disputed)
    show.subsection("Übereinstimmung der Kodierungen")
    show.note(
        "Zwei Personen haben die Ideen unabhängig voneinander kodiert. Cohens Kappa misst ihre "
        "Übereinstimmung über den Zufall hinaus (1 = vollständig, 0 = zufällig). "
        f"{fmt.number(n_disputed)} Ideen wurden unterschiedlich zugeordnet; sie behalten bis "
        "zur Klärung ihre automatische Zuordnung."
    )
    view = agreement.assign(
        field=agreement["field"].map(
            lambda k: "alle" if k == "alle" else rep.field_labels.get(k, k)
        )
    )
    show.table(
        view,
        columns={
            "field": "Handlungsfeld",
            "n_ideas": "Ideen",
            "agreement": "gleich",
            "kappa": "Kappa",
        },
        formats={
            "n_ideas": fmt.number,
            "agreement": lambda v: fmt.percent(float(v)),
            "kappa": lambda v: fmt.number(float(v), digits=2) if str(v) not in ("", "nan") else "–",
        },
        numeric=("n_ideas", "agreement", "kappa"),
    )
    if n_disputed:
        _coder_disagreements(rep, disputed, agreement)


def _coder_disagreements(rep: RoundReport, disputed: pd.DataFrame, agreement: pd.DataFrame) -> None:
    """The ideas two coders placed differently: text, working group, coder A, coder B."""
    ideas = rep.contributions[[s.IDEA_ID, s.GROUP, s.TEXT]]
    view = disputed.merge(ideas, on=s.IDEA_ID, how="left")
    view = view.sort_values([s.GROUP, s.TEXT], na_position="last", kind="stable")
    for col in ("field_a", "field_b"):
        view[col] = view[col].map(lambda k: rep.field_labels.get(k, k))
    coder_a, coder_b = (str(agreement[c].iloc[0]) for c in ("coder_a", "coder_b"))
    show.note("Unterschiedlich zugeordnete Ideen (bis zur Klärung automatisch zugeordnet):")
    show.table(
        view,
        columns={
            s.TEXT: "Idee",
            s.GROUP: "Arbeitskreis",
            "field_a": f"Kodierung A ({coder_a})",
            "field_b": f"Kodierung B ({coder_b})",
        },
    )


def source_cards(idea_ids: str, contributions: pd.DataFrame) -> str:
    """ "AK Arbeit: „text“ – AK_Arbeit.xlsx, B5 · …" for the ideas behind a measure."""
    from flueko.analyse.lineage import trace

    ideas = trace(idea_ids, contributions).merge(
        contributions[[s.IDEA_ID, s.GROUP]], on=s.IDEA_ID, how="left"
    )
    return " · ".join(
        f"{g}: „{t}“ – {f}, {c}"
        for g, t, f, c in zip(
            ideas[s.GROUP],
            ideas[s.TEXT],
            ideas[s.SOURCE_FILE],
            ideas[s.SOURCE_CELL],
            strict=True,
        )
    )


def uncertain_ideas(rep: RoundReport, *, n: int = 20) -> None:
    """For the analyst (not in the report): the least confidently categorised ideas first."""
    from flueko.analyse.categorise import uncertain

    if not rep.has("contributions"):
        return
    view = uncertain(rep.contributions, n=n)
    show.table(
        view,
        columns={
            s.IDEA_ID: "ID",
            s.GROUP: "Arbeitskreis",
            s.TEXT: "Idee",
            s.FIELD: "Handlungsfeld",
            s.FIELD_METHOD: "Zuordnung",
            s.FIELD_CONFIDENCE: "Sicherheit",
            s.FIELD_TERMS: "Schlagworte",
        },
        formats={s.FIELD_CONFIDENCE: lambda v: fmt.number(v, digits=2)},
    )


def uncertain_links(rep: RoundReport, *, n: int = 20) -> None:
    """For the analyst (not in the report): links to kick-off cards scored just above the
    threshold, and cards that just missed a measure — lowest score first."""
    table = _uncertain_links(rep, n=n)
    if table is None:
        return
    _links_table(table, with_ids=True)


def _uncertain_links(rep: RoundReport, *, n: int) -> pd.DataFrame | None:
    from flueko.analyse.lineage import uncertain_links

    table = rep.tables.get("extra_lineage")
    if table is None or table.empty:
        return None
    view = uncertain_links(table, n=n)
    return None if view.empty else view


def _links_table(view: pd.DataFrame, *, with_ids: bool) -> None:
    columns = {
        s.TITLE: "Maßnahme",
        s.TEXT: "Karte der Auftaktrunde",
        s.GROUP: "Arbeitskreis",
        "lineage_score": "Übereinstimmung",
        "status": "Verknüpfung",
    }
    if with_ids:
        columns[s.IDEA_ID] = "Karten-ID"
    show.table(
        view,
        columns=columns,
        formats={"lineage_score": lambda v: "–" if pd.isna(v) else fmt.number(int(v))},
        numeric=("lineage_score",),
    )


def priorities(rep: RoundReport) -> None:
    """Priority matrix, ranking with robustness, cost-effort summary (rated rounds)."""
    if not rep.has("ratings"):
        return
    from flueko.report.sections_priority import show_priorities

    show_priorities(rep)


def plan(rep: RoundReport) -> None:
    """The plan draft: measures with responsible actor, timeframe, cost and status."""
    if rep.measures.empty or rep.has("ratings") or "plan" not in rep.kinds:
        return
    from flueko.report.sections_priority import show_plan

    show_plan(rep)


def survey(rep: RoundReport) -> None:
    """Satisfaction with the round per aspect and per group (small groups suppressed)."""
    if not rep.has("survey_responses"):
        return
    from flueko.report.sections_survey import show_survey

    show_survey(rep)


def process_costs(rep: RoundReport) -> None:
    """Cost of the dialogue round from round.yaml, in total and per participant."""
    costs = rep.meta.get("costs") or {}
    if not costs:
        return
    participants = sum((rep.meta.get("participants") or {}).values())
    total = float(sum(costs.values()))
    show.section("Kosten der Runde", anchor="kosten")
    rows = pd.DataFrame({"posten": list(costs), "betrag": [float(v) for v in costs.values()]})
    rows = pd.concat([rows, pd.DataFrame({"posten": ["Summe"], "betrag": [total]})])
    show.table(
        rows,
        columns={"posten": "Posten", "betrag": "Betrag"},
        formats={"betrag": fmt.money},
        numeric=("betrag",),
    )
    if participants:
        show.note(
            f"Bei {fmt.number(participants)} Teilnehmenden sind das "
            f"{fmt.money(total / participants)} je Person."
        )


def data_quality(rep: RoundReport) -> None:
    """What the ingest excluded or could not read, summarised (details in ingest_log.csv)."""
    log = rep.log
    show.section("Datengrundlage und Hinweise", anchor="datengrundlage")
    files = rep.manifest.get("files", [])
    show.note(
        f"Ausgewertet wurden {fmt.number(len(files))} Dateien der Runde. Jede gefüllte Zelle ist "
        "gelesen (als Text, Zahl oder Kopfzeile) oder mit Grund im Protokoll (ingest_log.csv) "
        "vermerkt."
    )
    understood = log[log[s.LOG_CODE] == "understood_as"] if len(log) else log
    log = log[log[s.LOG_CODE] != "understood_as"] if len(log) else log
    if len(understood):
        _show_understood(understood)
    if len(log):  # how each sheet was recognised is no finding (details in ingest_log.csv)
        log = log[log[s.LOG_CODE] != "recognised"]
    links = _uncertain_links(rep, n=5)
    if links is not None:
        show.note(
            "Unsichere Verknüpfungen von Maßnahmen mit Karten der Auftaktrunde (knapp über oder "
            "unter der Schwelle; alle in extra_lineage.csv). Prüfen im Blatt „Herkunft prüfen“ "
            "des Maßnahmenplans: je Karte „ja“ oder „nein“ — oder in der Spalte „Karten-IDs "
            "(Herkunft)“: IDs mit „;“ getrennt, „keine“ für keine. Das nächste Einlesen "
            "übernimmt es."
        )
        _links_table(links, with_ids=False)
    if log.empty:
        show.note("Beim Einlesen gab es keine Auffälligkeiten.")
        return
    overview = summaries.log_overview(log)
    overview = overview.assign(
        **{
            s.LOG_SEVERITY: overview[s.LOG_SEVERITY].map(lambda k: SEVERITY_LABELS.get(k, k)),
            s.LOG_CODE: overview[s.LOG_CODE].map(lambda k: LOG_CODE_LABELS.get(k, k)),
        }
    )
    show.table(
        overview,
        columns={s.LOG_SEVERITY: "Art", s.LOG_CODE: "Grund", "n": "Anzahl"},
        formats={"n": fmt.number},
        numeric=("n",),
    )


def _show_understood(understood: pd.DataFrame) -> None:
    """One line per sheet: how flueko read it („verstanden als“), to spot a misread quickly."""
    from flueko.privacy import mask_personal_data

    show.note(
        "So wurden die Blätter verstanden (Art, Kopfzeile, Spalten → Rolle; „erschlossen“: aus "
        "den Werten abgeleitet, nicht aus einer Überschrift):"
    )
    rows = pd.DataFrame(
        {
            "wo": [
                f"{f} [{sh}]" if sh else str(f)
                for f, sh in zip(understood[s.LOG_FILE], understood[s.LOG_SHEET], strict=True)
            ],
            "wie": [mask_personal_data(str(m)) for m in understood[s.LOG_MESSAGE]],
        }
    )
    show.table(rows, columns={"wo": "Datei [Blatt]", "wie": "Verstanden als"})
