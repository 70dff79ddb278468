"""Files for people beside the HTML report: the Maßnahmenplan workbook and the coding workbook."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flueko import schema as s
from flueko.config import Workspace, load_round_meta
from flueko.io.tables import read_round
from flueko.report.api import settings
from flueko.report.gate import check_frame, check_markdown

if TYPE_CHECKING:
    from flueko.report.docdraft_sections import RoundData

PLAN_XLSX = "massnahmenplan.xlsx"
CODEBOOK_XLSX = "kodierung.xlsx"


def _taxonomy(ws: Workspace, round_id: str):
    from flueko.taxonomy import taxonomy_from_dict

    return taxonomy_from_dict(settings("taxonomy.yaml", workspace=ws, round_id=round_id))


def write_plan_workbook(ws: Workspace, round_id: str) -> list[Path]:
    """``reports/<round>/massnahmenplan.xlsx`` when the round has measures; else nothing."""
    from flueko.report.plan_workbook import write_plan
    from flueko.taxonomy import field_labels

    tables = read_round(ws.processed_round(round_id))
    measures = tables["measures"]
    rated_or_planned = len(tables["ratings"]) or measures["status"].notna().any()
    if measures.empty or not rated_or_planned:  # candidates only: no plan yet
        return []
    meta = load_round_meta(ws.raw_round(round_id))
    target = ws.reports_round(round_id) / PLAN_XLSX
    check_frame(measures, output=f"{round_id}/{PLAN_XLSX}", key=s.MEASURE_ID)
    lineage, unlinked = tables.get("extra_lineage"), tables.get("extra_unlinked")
    for table in (lineage, unlinked):
        if table is not None:
            check_frame(table, output=f"{round_id}/{PLAN_XLSX}", key=s.IDEA_ID)
    write_plan(
        measures,
        target,
        field_labels=field_labels(_taxonomy(ws, round_id)),
        title=f"Maßnahmenplan – {meta.get('title') or round_id}",
        lineage=lineage,
        unlinked=unlinked,
    )
    return [target]


def export_codebook_for(ws: Workspace, round_id: str) -> Path:
    """``reports/<round>/kodierung.xlsx``: one row per idea for the analyst's coding."""
    from flueko.io.codebook import export_codebook

    tables = read_round(ws.processed_round(round_id))
    contributions = tables["contributions"]
    target = ws.reports_round(round_id) / CODEBOOK_XLSX
    # kodierung.xlsx may go to a second coder (inter-coder agreement): gated like the plan
    check_frame(contributions, output=f"{round_id}/{CODEBOOK_XLSX}", key=s.IDEA_ID)
    previous = previous_coding(ws, round_id, target)
    export_codebook(
        contributions,
        target,
        taxonomy=_taxonomy(ws, round_id),
        previous=previous,
        disputed=tables.get("extra_coder_disagreements"),
        coders=tables.get("extra_coder_agreement"),
    )
    return target


def previous_coding(ws: Workspace, round_id: str, exported: Path):
    """What the analysts already entered: the round's codebooks in ``data/raw/<round>/`` (in
    force; sorted by name, the first entry per idea and column wins), then the earlier export
    ``exported`` (perhaps filled in place) for what they leave empty."""
    import pandas as pd

    from flueko.errors import FluekoError
    from flueko.ingest.read import round_files
    from flueko.io.codebook import read_codebook

    files = round_files(ws.raw_round(round_id))
    paths = [p for p in files if p.suffix.lower() in {".xlsx", ".xlsm"}]
    frames = []
    for path in [*paths, exported]:
        if not path.is_file():
            continue
        try:
            coding, _ = read_codebook(path)
        except FluekoError:  # not a codebook
            continue
        frames.append(coding)
    return pd.concat(frames, ignore_index=True) if frames else None


DOC_MD = "dokumentation.md"
DOC_HTML = "dokumentation.html"


def write_documentation(
    ws: Workspace,
    *,
    overrides: Mapping[str, Any] | None = None,
    rounds: list[RoundData] | None = None,
) -> list[Path]:
    """``reports/dokumentation.md`` and ``.html``: the draft of the documentation form.

    Uses every round with processed tables (``data/processed/<round>/manifest.json``); the
    output is deterministic (no timestamps) and written atomically. ``overrides``: params.yaml
    keys from ``--param`` (see :func:`flueko.config.load_params`); ``rounds``: those rounds if
    already loaded (:func:`flueko.report.followup.load_rounds`).
    """
    from flueko.config import load_params
    from flueko.io.atomic import write_text
    from flueko.report.docdraft import documentation_markdown
    from flueko.report.docdraft_render import documentation_html
    from flueko.report.followup import copy_rounds, load_rounds
    from flueko.taxonomy import field_labels, question_labels, taxonomy_from_dict

    loaded = load_rounds(ws) if rounds is None else copy_rounds(rounds)
    by_id = {r.round_id: r for r in loaded}
    tax = taxonomy_from_dict(settings("taxonomy.yaml", workspace=ws))
    items = settings("survey_items.yaml", workspace=ws).get("items") or {}
    params = load_params(workspace=ws, overrides=overrides)
    markdown = documentation_markdown(
        by_id,
        field_labels=field_labels(tax),
        question_labels=question_labels(tax),
        item_labels={k: str((v or {}).get("label") or k) for k, v in items.items()},
        min_group_size=params.survey.min_group_size,
        district=params.report.district or None,
    )
    md_path = ws.reports / DOC_MD
    html_path = ws.reports / DOC_HTML
    check_markdown(markdown, output=DOC_MD)  # the HTML page is rendered from the same text
    write_text(md_path, markdown)
    write_text(
        html_path,
        documentation_html(markdown, title="Dokumentation Kommunaler Flüchtlingsdialog – Entwurf"),
    )
    return [md_path, html_path]
