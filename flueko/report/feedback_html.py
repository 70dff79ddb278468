"""„Was aus Ihren Ideen wurde“: the feedback page for the participants of the kick-off.

One self-contained, printable HTML page: a short explanation, then per Arbeitskreis every card
(personal data already masked at ingest) with what became of it — bundled into an Ideenbündel,
rated (rank N of M), in the Maßnahmenplan with its status, or (not yet) pursued, with the reason
when the plan gives one. No script, no external resource; a participant finds a card with the
browser's search (Strg+F). Every user string is escaped (:func:`flueko.report.markup.esc`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from flueko import schema as s
from flueko.report import fmt
from flueko.report.markup import anchor_id, esc
from flueko.report.outcomes import (
    BUNDLED,
    DEFERRED,
    IN_PLAN,
    OUTCOMES,
    RATED,
    SINGLE,
)

TITLE = "Was aus Ihren Ideen wurde"

_BADGE = {
    IN_PLAN: "Im Maßnahmenplan",
    DEFERRED: "Zurückgestellt",
    RATED: "Bewertet",
    BUNDLED: "Im Ideenbündel",
    SINGLE: "Einzelidee",
}

_CSS = """
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1d;
  max-width: 920px; margin: 0 auto; padding: 16px 24px 48px; line-height: 1.45; }
h1, h2, h3 { color: #123a5c; }
h1 { border-bottom: 4px solid #123a5c; padding-bottom: 6px; }
h2 { border-bottom: 2px solid #123a5c; padding-bottom: 4px; margin-top: 2em; }
h3 { font-size: 1.02em; margin: 1.2em 0 0.4em; }
.erklaerung { background: #f3f7fb; border-left: 4px solid #123a5c; padding: 8px 14px; }
.erklaerung dt { font-weight: 600; margin-top: 4px; }
.erklaerung dd { margin: 0 0 2px 0; }
nav.inhalt ul { columns: 2; padding-left: 1.2em; }
ol.karten { list-style: none; padding: 0; margin: 0; }
ol.karten li { border-bottom: 1px solid #ddd; padding: 6px 0; page-break-inside: avoid; }
.karte { font-weight: 600; }
.punkte { color: #555; font-size: 0.9em; white-space: nowrap; }
.status { display: inline-block; font-size: 0.82em; font-weight: 600; padding: 1px 7px;
  border-radius: 3px; margin-right: 6px; border: 1px solid #999; }
.s-im_plan { background: #c6efce; border-color: #4e9a5e; }
.s-zurueckgestellt { background: #fce4d6; border-color: #c07040; }
.s-bewertet { background: #ddebf7; border-color: #5b87b8; }
.s-gebuendelt { background: #fff2cc; border-color: #b89a40; }
.s-einzelidee { background: #eeeeee; }
.was { margin: 2px 0 0 0; }
footer { margin-top: 3em; color: #555; font-size: 0.88em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.inhalt { display: none; }
  h2, h3 { page-break-after: avoid; }
  .status { background: none !important; }
}
"""


def _cards(n: int) -> str:
    return f"{fmt.number(n)} {'Karte' if n == 1 else 'Karten'}"


def _explanation(cards: pd.DataFrame, *, dates: Mapping[str, str]) -> str:
    n = len(cards)
    counts = cards["outcome"].value_counts()
    items = "".join(
        f"<dt>{esc(_BADGE[key])} ({esc(_cards(int(counts[key])))})</dt><dd>{esc(text)}</dd>"
        for key, text in (
            (
                IN_PLAN,
                "Die Idee steckt in einer Maßnahme des Maßnahmenplans; dabei steht, wie "
                "weit die Umsetzung ist.",
            ),
            (DEFERRED, "Die Maßnahme steht im Plan, ist aber vorerst zurückgestellt."),
            (RATED, "Die Idee wurde als Maßnahme bewertet, steht aber nicht im Plan."),
            (
                BUNDLED,
                "Mehrere Karten sagten Ähnliches; sie wurden zu einem Ideenbündel "
                "zusammengefasst, das (noch) nicht als Maßnahme weiterverfolgt wird.",
            ),
            (
                SINGLE,
                "Die Karte steht für sich; sie wurde (noch) nicht als Maßnahme "
                "weiterverfolgt. Sie bleibt in der Sammlung und kann später aufgegriffen werden.",
            ),
        )
        if counts.get(key, 0)
    )
    when = {k: f" ({esc(v)})" for k, v in dates.items()}
    intro = (
        f"Bei der Auftaktveranstaltung{when.get('cards', '')} haben Sie in den "
        f"Arbeitskreisen {esc(fmt.number(n))} Karten geschrieben. Hier steht jede Karte genau "
        "einmal, sortiert nach Arbeitskreis und Leitfrage, und dabei, was aus ihr wurde. "
        "Ähnliche Karten wurden gebündelt, die Bündel zu Maßnahmen ausgearbeitet und "
        f"bewertet{when.get('rated', '')}; die wichtigsten Maßnahmen stehen im Entwurf des "
        f"Maßnahmenplans{when.get('plan', '')}."
    )
    return (
        '<section class="erklaerung" id="erklaerung">'
        f"<p>{intro}</p>"
        "<p><strong>So finden Sie Ihre Karte:</strong> mit der Suche Ihres Browsers "
        "(Strg+F, auf dem Mac Cmd+F) nach einem Wort Ihrer Karte suchen, oder im Inhalt Ihren "
        "Arbeitskreis wählen. Namen, Telefonnummern und E-Mail-Adressen sind unkenntlich "
        "gemacht.</p>"
        f"<dl>{items}</dl></section>"
    )


def _card(row: pd.Series) -> str:
    key = str(row["outcome"])
    votes = row[s.VOTES]
    dots = (
        f' <span class="punkte">({esc(fmt.number(votes))} '
        f"{'Punkt' if votes == 1 else 'Punkte'})</span>"
        if votes is not None and not pd.isna(votes) and votes > 0
        else ""
    )
    return (
        f'<li data-status="{esc(key)}">'
        f'<span class="karte">{esc(row[s.TEXT])}</span>{dots}'
        f'<p class="was"><span class="status s-{esc(key)}">{esc(_BADGE[key])}</span>'
        f"{esc(row['detail'])}</p></li>"
    )


def feedback_html(
    cards: pd.DataFrame,
    *,
    question_labels: Mapping[str, str],
    district: str | None = None,
    dates: Mapping[str, str] | None = None,
) -> str:
    """The feedback page as one HTML string.

    Parameters
    ----------
    cards
        :func:`flueko.report.outcomes.card_outcomes`.
    question_labels
        Leitfrage key → German question.
    district
        Shown in the title line ("Landkreis Remstal").
    dates
        Display dates of the stages (``cards``, ``rated``, ``plan``), already formatted.
    """
    dates = dict(dates or {})
    groups = [g for g in dict.fromkeys(cards[s.GROUP].fillna("ohne Arbeitskreis").tolist())]
    nav = "".join(f'<li><a href="#ak-{esc(anchor_id(g))}">{esc(g)}</a></li>' for g in groups)
    body = []
    for group in groups:
        rows = cards[cards[s.GROUP].fillna("ohne Arbeitskreis") == group]
        body.append(
            f'<section class="arbeitskreis"><h2 id="ak-{esc(anchor_id(group))}">{esc(group)} '
            f'<span class="punkte">({esc(_cards(len(rows)))})</span></h2>'
        )
        for question, part in rows.groupby(rows[s.QUESTION].fillna(""), sort=False, dropna=False):
            label = question_labels.get(question, "") if question else "ohne Leitfrage"
            body.append(f"<h3>{esc(label or question)}</h3>")
            body.append(
                '<ol class="karten">' + "".join(_card(r) for _, r in part.iterrows()) + "</ol>"
            )
        body.append("</section>")
    counts = cards["outcome"].value_counts()
    summary = ", ".join(
        f"{fmt.number(int(counts[k]))} {OUTCOMES[k]}" for k in OUTCOMES if counts.get(k, 0)
    )
    where = f" – {district}" if district else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(TITLE + where)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(TITLE)}</h1>"
        f"<p>Kommunaler Flüchtlingsdialog{esc(where)}: Rückmeldung an die Teilnehmenden</p>"
        "</header>\n"
        f"{_explanation(cards, dates=dates)}\n"
        f'<nav class="inhalt"><strong>Arbeitskreise</strong><ul>{nav}</ul></nav>\n'
        + "\n".join(body)
        + f"\n<footer><p>Insgesamt {esc(fmt.number(len(cards)))} Karten: {esc(summary)}.</p>"
        "<p>Fragen oder Hinweise zu dieser Übersicht nimmt die Geschäftsstelle des "
        "Flüchtlingsdialogs im Landratsamt gern entgegen.</p></footer>\n"
        "</body>\n</html>\n"
    )
