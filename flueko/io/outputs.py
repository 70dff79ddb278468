"""Files for people beside the HTML report: the Maßnahmenplan workbook and the coding workbook."""

from __future__ import annotations

from pathlib import Path

from flueko.config import Workspace, load_round_meta, load_settings
from flueko.io.tables import read_round

PLAN_XLSX = "massnahmenplan.xlsx"
CODEBOOK_XLSX = "kodierung.xlsx"


def _taxonomy(ws: Workspace, round_id: str):
    from flueko.taxonomy import taxonomy_from_dict

    return taxonomy_from_dict(load_settings("taxonomy.yaml", workspace=ws, round_id=round_id))


def write_plan_workbook(ws: Workspace, round_id: str) -> list[Path]:
    """``reports/<round>/massnahmenplan.xlsx`` when the round has measures; else nothing."""
    from flueko.io.plan_xlsx import write_plan
    from flueko.taxonomy import field_labels

    tables = read_round(ws.processed_round(round_id))
    measures = tables["measures"]
    rated_or_planned = len(tables["ratings"]) or measures["status"].notna().any()
    if measures.empty or not rated_or_planned:  # candidates only: no plan yet
        return []
    meta = load_round_meta(ws.raw_round(round_id))
    target = ws.reports_round(round_id) / PLAN_XLSX
    write_plan(
        measures,
        target,
        field_labels=field_labels(_taxonomy(ws, round_id)),
        title=f"Maßnahmenplan – {meta.get('title') or round_id}",
    )
    return [target]


def export_codebook_for(ws: Workspace, round_id: str) -> Path:
    """``reports/<round>/kodierung.xlsx``: one row per idea for the analyst's coding."""
    from flueko.io.codebook import export_codebook

    contributions = read_round(ws.processed_round(round_id))["contributions"]
    target = ws.reports_round(round_id) / CODEBOOK_XLSX
    export_codebook(contributions, target, taxonomy=_taxonomy(ws, round_id))
    return target
