"""Writers of the two outputs after the plan: the Integrationsplan draft for the council
(``reports/integrationsplan_entwurf.docx``) and the feedback page for the participants
(``reports/rueckmeldung_teilnehmende.html``).

Both use every round with processed tables, pass the privacy gate before anything is written,
and are written atomically; the same processed tables give the same bytes.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flueko.config import Workspace, load_params, load_round_meta
from flueko.io.atomic import write_bytes, write_text
from flueko.io.tables import MANIFEST_FILE, read_round
from flueko.report import fmt
from flueko.report.api import settings
from flueko.report.docdraft_sections import RoundData

PLAN_DOCX = "integrationsplan_entwurf.docx"
FEEDBACK_HTML = "rueckmeldung_teilnehmende.html"


def load_rounds(ws: Workspace) -> list[RoundData]:
    """Every round of ``ws`` with processed tables, in order."""
    return [
        RoundData(r, load_round_meta(ws.raw_round(r)), read_round(ws.processed_round(r)))
        for r in ws.rounds()
        if (ws.processed_round(r) / MANIFEST_FILE).is_file()
    ]


def copy_rounds(rounds: list[RoundData]) -> list[RoundData]:
    """Copies of loaded rounds, for one more writer (reading the tables again costs more)."""
    return [
        RoundData(
            r.round_id, copy.deepcopy(dict(r.meta)), {k: v.copy() for k, v in r.tables.items()}
        )
        for r in rounds
    ]


def _taxonomy(ws: Workspace):
    from flueko.taxonomy import taxonomy_from_dict

    return taxonomy_from_dict(settings("taxonomy.yaml", workspace=ws))


def _district(ws: Workspace, rounds: list[RoundData], overrides: Mapping[str, Any] | None) -> str:
    params = load_params(workspace=ws, overrides=overrides)
    given = next((str(r.meta["district"]) for r in rounds if r.meta.get("district")), "")
    return params.report.district or given


def write_plan_document(
    ws: Workspace,
    *,
    overrides: Mapping[str, Any] | None = None,
    rounds: list[RoundData] | None = None,
) -> list[Path]:
    """``reports/integrationsplan_entwurf.docx`` when the dialogue has a plan or ratings.

    ``overrides``: params.yaml keys from ``--param``; ``rounds``: the rounds if already loaded
    (:func:`load_rounds`). Raises :class:`~flueko.errors.PrivacyError` (nothing written) when
    personal data would leave.
    """
    from flueko.report.council_docx import build_document
    from flueko.report.docx_parts import document_bytes, text_by_heading
    from flueko.report.gate import check_text
    from flueko.report.outcomes import plan_table
    from flueko.taxonomy import field_labels

    rounds = load_rounds(ws) if rounds is None else rounds
    plan = plan_table(rounds)
    if plan.empty:
        return []
    doc = build_document(
        rounds,
        plan,
        field_labels=field_labels(_taxonomy(ws)),
        district=_district(ws, rounds, overrides) or None,
    )
    target = ws.reports / PLAN_DOCX
    for heading, text in text_by_heading(doc):
        check_text(text, where=f"{PLAN_DOCX}, Abschnitt „{heading}“")
    write_bytes(target, document_bytes(doc))
    return [target]


def write_feedback(
    ws: Workspace,
    *,
    overrides: Mapping[str, Any] | None = None,
    rounds: list[RoundData] | None = None,
) -> list[Path]:
    """``reports/rueckmeldung_teilnehmende.html`` when a round has workshop cards.

    ``overrides``: params.yaml keys from ``--param``; ``rounds``: the rounds if already loaded
    (:func:`load_rounds`). Raises :class:`~flueko.errors.PrivacyError` (nothing written) when
    personal data would leave.
    """
    from flueko.report.feedback_html import feedback_html
    from flueko.report.gate import check_html
    from flueko.report.outcomes import card_outcomes, stages
    from flueko.taxonomy import question_labels

    rounds = load_rounds(ws) if rounds is None else rounds
    cards = card_outcomes(rounds)
    if cards.empty:
        return []
    st = stages(rounds)
    dates = {
        key: fmt.day(str(r.meta["date"]))
        for key, r in (("cards", st.cards), ("rated", st.rated), ("plan", st.plan))
        if r is not None and r.meta.get("date")
    }
    markup = feedback_html(
        cards,
        question_labels=question_labels(_taxonomy(ws)),
        district=_district(ws, rounds, overrides) or None,
        dates=dates,
    )
    check_html(markup, where=FEEDBACK_HTML)
    target = ws.reports / FEEDBACK_HTML
    write_text(target, markup)
    return [target]


def write_followups(
    ws: Workspace,
    *,
    overrides: Mapping[str, Any] | None = None,
    rounds: list[RoundData] | None = None,
) -> list[Path]:
    """Both outputs after the plan (each only when the dialogue has data for it); the rounds
    are read once for both (``rounds``: already loaded, see :func:`load_rounds`)."""
    rounds = load_rounds(ws) if rounds is None else rounds
    return write_plan_document(
        ws, overrides=overrides, rounds=copy_rounds(rounds)
    ) + write_feedback(ws, overrides=overrides, rounds=copy_rounds(rounds))
