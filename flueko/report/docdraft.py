"""Draft of the programme documentation ("Dokumentation Kommunaler Flüchtlingsdialog").

After its dialogue the office fills in a documentation form (see the seed document): Angaben zur
Kommune, Veranstaltungskonzept, Themenfelder, Beteiligte Akteure, Bewertung, Ergebnisse und
nächste Schritte, Kosten, Empfehlungen. :func:`documentation_markdown` drafts it from the
processed tables and ``round.yaml`` of every round (each part built in
:mod:`flueko.report.docdraft_sections`); whatever the data cannot say is left as
"[bitte ergänzen]". :func:`flueko.report.docdraft_render.documentation_html` renders the
Markdown as a self-contained page.
"""

from __future__ import annotations

from collections.abc import Mapping

from flueko.report.docdraft_sections import (
    RoundData,
    actors_section,
    concept_section,
    costs_section,
    evaluation_section,
    fields_section,
    intro_section,
    municipality_section,
    placeholder_section,
    results_section,
    round_labels,
)


def _sorted_rounds(rounds: Mapping[str, RoundData]) -> list[RoundData]:
    return [rounds[k] for k in sorted(rounds)]


def documentation_markdown(
    rounds: Mapping[str, RoundData],
    *,
    field_labels: Mapping[str, str],
    question_labels: Mapping[str, str],
    item_labels: Mapping[str, str],
    min_group_size: int = 5,
    district: str | None = None,
) -> str:
    """The documentation form as Markdown, filled in as far as the data allows.

    Parameters
    ----------
    rounds
        Round id → :class:`RoundData`; the rounds are taken in the order of their ids.
    field_labels, question_labels, item_labels
        Key → German label of the Handlungsfelder, Leitfragen and survey aspects.
    min_group_size
        Survey values from fewer valid answers are not shown (nor are suppressed ones).
    district
        Fallback for "Landkreis" when no ``round.yaml`` names a district.

    Returns
    -------
    str
        Markdown (deterministic for equal input); user text escaped by
        :func:`~flueko.report.docdraft_render.escape_md`.
    """
    ordered = _sorted_rounds(rounds)
    labels = round_labels(ordered)
    parts = [
        intro_section(ordered),
        municipality_section(ordered, district=district),
        concept_section(ordered, question_labels=question_labels),
        placeholder_section(
            "Ausgangssituation / Anlass",
            "Was war der konkrete Anlass für den Flüchtlingsdialog, welche Ausgangssituation "
            "fanden Sie vor?",
        ),
        placeholder_section(
            "Beratung und Moderation",
            "Wer hat Beratung und Moderation übernommen, für welche Aufgaben?",
        ),
        fields_section(ordered, field_labels=field_labels),
        actors_section(ordered, labels),
        evaluation_section(ordered, labels, item_labels=item_labels, min_group_size=min_group_size),
        results_section(ordered, labels, field_labels=field_labels),
        costs_section(ordered, labels),
        placeholder_section(
            "Empfehlungen und sonstige Rückmeldungen",
            "Was würden Sie beim nächsten Mal anders machen, welche Verbesserungsvorschläge "
            "haben Sie?",
        ),
    ]
    return "\n\n".join("\n".join(p) for p in parts) + "\n"
