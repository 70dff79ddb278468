"""What a report notebook needs about one round, loaded in one call, plus its header.

The notebooks stay thin: ``rep = report.load(workspace, round_id)`` gives the processed tables,
round.yaml, the manifest and the German labels; the rest are calls into
:mod:`flueko.report.display`, :mod:`flueko.report.charts` and the analysis modules.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from flueko import __version__, schema
from flueko.config import Workspace, load_params, load_round_meta, load_settings, settings_copies
from flueko.io.tables import read_manifest, read_round
from flueko.params import Params
from flueko.report import fmt
from flueko.report.export import TOC_PLACEHOLDER
from flueko.report.markup import esc

_parsed: dict[tuple, dict[str, Any]] = {}
_parsed_lock = threading.Lock()


def settings(
    name: str, *, workspace: Workspace | None = None, round_id: str | None = None
) -> dict[str, Any]:
    """:func:`flueko.config.load_settings`, parsed once per process for the same files.

    The result depends only on the shipped file and the copies in force, so it is kept under
    the copies' paths, sizes and modification times: rounds without copies of their own share
    one parse (the YAML parser is slow: about 0.1 s for the taxonomy), an edited copy is read
    again. Returns a copy the caller may change.
    """
    copies = settings_copies(name, workspace=workspace, round_id=round_id)
    key = (name, *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in copies))
    with _parsed_lock:
        found = _parsed.get(key)
    if found is None:
        found = load_settings(name, workspace=workspace, round_id=round_id)
        with _parsed_lock:
            _parsed[key] = found
    return copy.deepcopy(found)


@dataclass
class RoundReport:
    """Everything about one round that a report shows."""

    round_id: str
    meta: dict[str, Any]
    manifest: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    params: Params
    taxonomy: dict[str, Any] = field(default_factory=dict)
    survey_settings: dict[str, Any] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)
    """params.yaml keys given to the report (``--param``), beside those in force at ingest."""

    @property
    def contributions(self) -> pd.DataFrame:
        return self.tables["contributions"]

    @property
    def measures(self) -> pd.DataFrame:
        return self.tables["measures"]

    @property
    def ratings(self) -> pd.DataFrame:
        return self.tables["ratings"]

    @property
    def survey_responses(self) -> pd.DataFrame:
        return self.tables["survey_responses"]

    @property
    def survey_items(self) -> pd.DataFrame:
        return self.tables["survey_items"]

    @property
    def log(self) -> pd.DataFrame:
        return self.tables["ingest_log"]

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.round_id)

    @property
    def district(self) -> str:
        return str(self.meta.get("district") or self.params.report.district)

    @property
    def field_labels(self) -> dict[str, str]:
        fields = self.taxonomy.get("fields", {}) or {}
        labels = {k: str(v.get("label", k)) for k, v in fields.items() if isinstance(v, dict)}
        return {k: labels.get(k, k.capitalize()) for k in [*schema.FIELDS, *labels]}

    @property
    def question_labels(self) -> dict[str, str]:
        questions = self.taxonomy.get("questions", {}) or {}
        return {
            k: str((questions.get(k) or {}).get("label", k))
            if isinstance(questions.get(k), dict)
            else k
            for k in schema.QUESTIONS
        }

    @property
    def item_labels(self) -> dict[str, str]:
        items = self.survey_settings.get("items", {}) or {}
        return {
            k: str(items[k].get("label", k)) if isinstance(items.get(k), dict) else k
            for k in schema.SURVEY_ITEMS
        }

    @property
    def kinds(self) -> set[str]:
        """Kinds of input found in the round ("cards", "ratings", "survey", "plan", …)."""
        return {k for f in self.manifest.get("files", []) for k in f.get("kinds", [])}

    def has(self, table: str) -> bool:
        """True when the round has rows in ``table``."""
        return not self.tables[table].empty


def load(
    workspace: str | Path, round_id: str, *, params: Mapping[str, Any] | None = None
) -> RoundReport:
    """Load the processed tables and settings of ``round_id`` (run ``flueko ingest`` first).

    ``params``: params.yaml keys to override (nested, e.g. ``{"survey": {"min_group_size": 3}}``;
    the report notebook's ``params`` parameter, filled by ``flueko report --param``), validated
    like a params.yaml copy.
    """
    ws = Workspace.at(workspace)
    folder = ws.processed_round(round_id)
    return RoundReport(
        round_id=round_id,
        meta=load_round_meta(ws.raw_round(round_id)),
        manifest=read_manifest(folder),
        tables=read_round(folder),
        params=load_params(workspace=ws, round_id=round_id, overrides=params),
        taxonomy=settings("taxonomy.yaml", workspace=ws, round_id=round_id),
        survey_settings=settings("survey_items.yaml", workspace=ws, round_id=round_id),
        overrides=dict(params or {}),
    )


def header_html(*, title: str, subtitle: str, district: str, facts: list[tuple[str, str]]) -> str:
    """The report header: district, title, a definition list of facts, the TOC placeholder."""
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
    return (
        '<header class="flueko-kopf">'
        + (f'<p class="bezirk">{esc(district)}</p>' if district else "")
        + f"<h1>{esc(title)}</h1><p>{esc(subtitle)}</p><dl>{items}</dl></header>"
        + TOC_PLACEHOLDER
    )


def round_header(rep: RoundReport) -> str:
    """Header of a round report with date, flueko version, the inputs' fingerprint (raw files
    and settings copies) and the settings in force beside the shipped ones."""
    facts = [
        ("Runde", rep.round_id),
        ("Datum", fmt.day(rep.meta.get("date"))),
        ("Eingangsdateien", fmt.number(len(rep.manifest.get("files", [])))),
        ("Fingerabdruck der Eingaben", str(rep.manifest.get("fingerprint", "–"))[:16]),
        ("Erstellt mit", f"flueko {__version__}"),
    ]
    if rep.manifest.get("settings"):  # copies of the settings files, --param values
        facts.insert(4, ("Eigene Einstellungen", ", ".join(map(str, rep.manifest["settings"]))))
    return header_html(
        title=rep.title,
        subtitle="Auswertung des Kommunalen Flüchtlingsdialogs",
        district=rep.district,
        facts=facts,
    )


def key_figures_html(figures: list[tuple[str, str]]) -> str:
    """A row of key figures ("41 Teilnehmende", …)."""
    boxes = "".join(
        f'<div class="kennzahl"><b>{esc(value)}</b>{esc(label)}</div>' for label, value in figures
    )
    return f'<div class="kennzahlen">{boxes}</div>'


def footer_html(rep: RoundReport) -> str:
    """A footer naming the data origin."""
    return (
        '<footer class="flueko-fuss">Erstellt mit flueko '
        f"{esc(__version__)} aus den Rohdaten der Runde {esc(rep.round_id)} "
        f"(Fingerabdruck {esc(str(rep.manifest.get('fingerprint', '–'))[:16])}). "
        "Personenbezogene Angaben sind unkenntlich gemacht; Gruppen mit weniger als "
        f"{esc(rep.params.survey.min_group_size)} Antworten werden nicht "
        "ausgewiesen.</footer>"
    )
