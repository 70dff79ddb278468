"""Workspace paths and editable settings (params, round.yaml, taxonomy and other resources).

All paths are defined here once. Settings files are YAML; a user's copy under ``data/raw/``
(workspace-wide) or ``data/raw/<round>/`` (one round) overrides the packaged defaults key by key.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flueko.errors import ConfigError, WorkspaceError

ROUND_META_FILE = "round.yaml"
PARAMS_FILE = "params.yaml"


@dataclass(frozen=True)
class Workspace:
    """A folder with ``data/raw/``, ``data/processed/`` and ``reports/``."""

    root: Path

    @classmethod
    def at(cls, root: str | Path | None = None) -> Workspace:
        """The workspace at ``root`` (default: the current directory)."""
        return cls(Path(root or ".").resolve())

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def raw_round(self, round_id: str) -> Path:
        """``data/raw/<round>``; raises if the round does not exist."""
        path = self.raw / round_id
        if not path.is_dir():
            known = ", ".join(self.rounds()) or "keine"
            raise WorkspaceError(
                f"Runde '{round_id}' gibt es nicht unter {self.raw}",
                hint=f"vorhandene Runden: {known}; jede Runde ist ein Unterordner von data/raw/",
            )
        return path

    def processed_round(self, round_id: str) -> Path:
        return self.processed / round_id

    def reports_round(self, round_id: str) -> Path:
        return self.reports / round_id

    def rounds(self) -> list[str]:
        """Round ids: the sub-folders of ``data/raw/`` (hidden ones skipped), sorted."""
        if not self.raw.is_dir():
            return []
        return sorted(
            p.name for p in self.raw.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
        )


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with ``override`` applied key by key (nested dicts merged)."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def read_yaml(path: Path) -> dict[str, Any]:
    """Read a YAML mapping; a syntax error becomes a :class:`ConfigError` naming the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (Zeile {mark.line + 1})" if mark is not None else ""
        raise ConfigError(
            f"ist kein gültiges YAML{where}",
            file=str(path),
            hint="Einrückung und Doppelpunkte prüfen",
        ) from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("muss Schlüssel: Wert-Paare enthalten", file=str(path))
    return data


def resource_yaml(name: str) -> dict[str, Any]:
    """A YAML file shipped in ``flueko/resources``."""
    ref = resources.files("flueko") / "resources" / name
    return yaml.safe_load(ref.read_text(encoding="utf-8")) or {}


def load_settings(
    name: str, *, workspace: Workspace | None = None, round_id: str | None = None
) -> dict[str, Any]:
    """Packaged ``resources/<name>`` overridden by ``data/raw/<name>`` and the round's copy."""
    settings = resource_yaml(name)
    if workspace is not None:
        candidates = [workspace.raw / name]
        if round_id:
            candidates.append(workspace.raw / round_id / name)
        for path in candidates:
            if path.is_file():
                settings = deep_merge(settings, read_yaml(path))
    return settings


def load_params(*, workspace: Workspace | None = None, round_id: str | None = None) -> dict:
    """The parameters (thresholds, weights, limits) in force for a round."""
    return load_settings(PARAMS_FILE, workspace=workspace, round_id=round_id)


def load_round_meta(round_dir: Path) -> dict[str, Any]:
    """``round.yaml`` of a round (empty dict when there is none).

    Known keys: ``title``, ``date``, ``district``, ``kind`` (free text, e.g. "Auftakt"),
    ``participants`` (group → count), ``dots_per_person``, ``costs`` (item → EUR), ``hints``.
    """
    path = round_dir / ROUND_META_FILE
    if not path.is_file():
        return {}
    meta = read_yaml(path)
    participants = meta.get("participants", {}) or {}
    if not isinstance(participants, dict) or not all(
        isinstance(v, int) and v >= 0 for v in participants.values()
    ):
        raise ConfigError(
            "'participants' muss Gruppe: Anzahl (ganze Zahl ≥ 0) enthalten",
            file=str(path),
        )
    costs = meta.get("costs", {}) or {}
    if not isinstance(costs, dict) or not all(
        isinstance(v, int | float) and v >= 0 for v in costs.values()
    ):
        raise ConfigError("'costs' muss Posten: Betrag in EUR (Zahl ≥ 0) enthalten", file=str(path))
    return meta
