"""Workspace paths and editable settings (params, round.yaml, taxonomy and other resources).

All paths are defined here once. Settings files are YAML; a user's copy under ``data/raw/``
(workspace-wide) or ``data/raw/<round>/`` (one round) overrides the packaged defaults key by key.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flueko import params as P
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


def resource_path(name: str) -> Path:
    """Where ``flueko/resources/<name>`` is (for messages; read it with :func:`resource_yaml`)."""
    return Path(str(resources.files("flueko") / "resources" / name))


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it (the pure-Python one takes 0.18 s for the
taxonomy); the same documents either way."""


@cache
def _resource_document(name: str) -> Any:
    ref = resources.files("flueko") / "resources" / name
    return yaml.load(ref.read_text(encoding="utf-8"), Loader=_FAST_LOADER)


def resource_yaml(name: str) -> dict[str, Any]:
    """A YAML file shipped in ``flueko/resources`` (parsed once per process; a fresh copy each
    call, so callers may change it)."""
    return copy.deepcopy(_resource_document(name)) or {}


def settings_copies(
    name: str, *, workspace: Workspace | None = None, round_id: str | None = None
) -> list[Path]:
    """The user's copies of ``name`` that exist, in override order: workspace, then round."""
    if workspace is None:
        return []
    candidates = [workspace.raw / name]
    if round_id:
        candidates.append(workspace.raw / round_id / name)
    return [path for path in candidates if path.is_file()]


def load_settings(
    name: str, *, workspace: Workspace | None = None, round_id: str | None = None
) -> dict[str, Any]:
    """Packaged ``resources/<name>`` overridden by ``data/raw/<name>`` and the round's copy.

    Each copy is checked against the packaged file (:func:`check_copy`): a misspelt key is a
    :class:`ConfigError` naming the copy, the key and the nearest valid key.
    """
    settings = resource_yaml(name)
    packaged = settings
    for path in settings_copies(name, workspace=workspace, round_id=round_id):
        copy = read_yaml(path)
        check_copy(copy, packaged, file=str(path))
        settings = deep_merge(settings, copy)
    return settings


def check_copy(copy: Mapping[str, Any], packaged: Mapping[str, Any], *, file: str) -> None:
    """Keys of a settings copy must be keys of the packaged file: its sections, and inside
    sections of named entries (Handlungsfelder, Leitfragen, …) the attributes the packaged
    entries use (``label``, ``keywords`` …). The entries themselves may be new."""
    for key, value in copy.items():
        if key not in packaged:
            raise P.unknown_key_error(key, list(packaged), file=file)
        ours = packaged[key]
        if not (isinstance(value, Mapping) and isinstance(ours, Mapping)):
            continue
        entries = [v for v in ours.values() if isinstance(v, Mapping)]
        if not entries or len(entries) != len(ours):
            continue
        attributes = sorted({a for e in entries for a in e})
        for entry_key, entry in value.items():
            for attr in entry if isinstance(entry, Mapping) else ():
                if attr not in attributes:
                    under = f"{key}.{entry_key}"
                    raise P.unknown_key_error(attr, attributes, file=file, under=under)


def load_params(
    *,
    workspace: Workspace | None = None,
    round_id: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> P.Params:
    """The parameters (thresholds, weights, limits) in force for a round, validated.

    The packaged ``params.yaml``, overridden key by key by ``data/raw/params.yaml``, then
    ``data/raw/<round>/params.yaml``, then ``overrides`` (nested, from ``--param``). Each is
    checked on its own: an unknown key or a wrong type is a :class:`ConfigError` naming that
    file, the key and the nearest valid key or the expected type.
    """
    packaged = str(resource_path(PARAMS_FILE))
    merged = P.check(resource_yaml(PARAMS_FILE), file=packaged)
    for path in settings_copies(PARAMS_FILE, workspace=workspace, round_id=round_id):
        merged = deep_merge(merged, P.check(read_yaml(path), file=str(path)))
    if overrides:
        merged = deep_merge(merged, P.check(overrides, file="--param"))
    return P.build(merged, file=packaged)


ROUND_KEYS: tuple[str, ...] = (
    "title",
    "date",
    "district",
    "kind",
    "participants",
    "dots_per_person",
    "working_groups",
    "costs",
    "note",
    "hints",
    "report",
)
"""The keys of ``round.yaml`` (any other key is a typo and an error)."""
ROUND_HINTS: tuple[str, ...] = ("survey_scale", "files")
"""The keys under ``hints:`` in ``round.yaml``."""
_TEXT_KEYS = ("title", "district", "kind", "note")

HINT_KINDS: dict[str, str] = {
    "karten": "cards",
    "workshop-karten": "cards",
    "cards": "cards",
    "bewertung": "ratings",
    "bewertungsbogen": "ratings",
    "ratings": "ratings",
    "rueckmeldung": "survey",
    "rückmeldung": "survey",
    "rueckmeldebogen": "survey",
    "rückmeldebogen": "survey",
    "umfrage": "survey",
    "survey": "survey",
    "plan": "plan",
    "massnahmenplan": "plan",
    "maßnahmenplan": "plan",
    "ignorieren": "ignore",
    "ignore": "ignore",
}
"""Kind words of ``hints: {files: {DATEI: ART}}`` (German and English) → sheet kind."""
HINT_ROLES: dict[str, str] = {
    "text": "text",
    "karte": "text",
    "beitrag": "text",
    "card": "text",
    "punkte": "votes",
    "votes": "votes",
    "leitfrage": "question",
    "frage": "question",
    "question": "question",
    "gruppe": "group",
    "arbeitskreis": "group",
    "group": "group",
}
"""Column roles of ``hints: {files: {DATEI: {kind: karten, columns: {SPALTE: ROLLE}}}}``."""


def _hint_word(
    value: object, allowed: Mapping[str, str], *, key: str, file: str, what: str = "Art"
) -> str:
    word = str(value).strip().lower() if isinstance(value, str) else ""
    if word in allowed:
        return allowed[word]
    raise ConfigError(
        f"'{key}': unbekannte {what} '{value}'",
        file=file,
        hint=P.suggest(word, sorted(set(allowed))),
    )


def file_hints(meta: Mapping[str, Any], *, file: str = ROUND_META_FILE) -> dict[str, FileHint]:
    """``hints: files:`` of a round.yaml, checked: file name → :class:`FileHint`.

    A value is a kind word (``karten``, ``bewertung``, ``rueckmeldung``, ``plan``,
    ``ignorieren`` or English ``cards``, ``ratings``, ``survey``, ``ignore``) or a mapping
    ``{kind: karten, columns: {Bemerkung: text, Pkt.: punkte}}`` (column roles for cards only).
    An unknown word is a :class:`ConfigError` naming the nearest valid one.
    """
    files = (meta.get("hints") or {}).get("files") or {}
    if not isinstance(files, Mapping):
        raise P.type_error(
            "hints.files", files, "Datei: Art (z. B. Haushalt.csv: ignorieren)", file=file
        )
    out: dict[str, FileHint] = {}
    for name, value in files.items():
        key = f"hints.files.{name}"
        columns: Mapping[str, Any] = {}
        if isinstance(value, Mapping):
            P.check_mapping(value, ("kind", "columns"), file=file, under=key)
            columns = value.get("columns") or {}
            if not isinstance(columns, Mapping):
                raise P.type_error(
                    f"{key}.columns", columns, "Spalte: Rolle (z. B. Bemerkung: text)", file=file
                )
            value = value.get("kind")
        kind = _hint_word(value, HINT_KINDS, key=key, file=file)
        if columns and kind != "cards":
            raise ConfigError(
                f"'{key}.columns': Spaltenrollen gibt es nur für karten",
                file=file,
                hint="die Spaltenköpfe im Blatt umbenennen (siehe vocabulary.yaml)",
            )
        roles = {
            str(col): _hint_word(
                role, HINT_ROLES, key=f"{key}.columns.{col}", file=file, what="Spaltenrolle"
            )
            for col, role in columns.items()
        }
        out[str(name)] = FileHint(kind=kind, word=str(value).strip().lower(), columns=roles)
    return out


@dataclass(frozen=True)
class FileHint:
    """A file's kind forced in round.yaml: ``kind`` (cards, ratings, survey, plan, ignore), the
    word written there, and column label → role (cards: text, votes, question, group)."""

    kind: str
    word: str
    columns: Mapping[str, str]


def hint_for(hints: Mapping[str, FileHint], rel: str) -> FileHint | None:
    """The hint of the round file ``rel`` (path inside the round or bare file name, any case)."""
    wanted = {rel.casefold(), rel.rsplit("/", 1)[-1].casefold()}
    return next((h for name, h in hints.items() if name.casefold() in wanted), None)


def _counts(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value.values()
    )


def check_round_meta(meta: Mapping[str, Any], *, file: str) -> dict[str, Any]:
    """Validate the keys and value types of a ``round.yaml`` mapping; returned unchanged.

    An empty value (``title:``) counts as not given. Raises :class:`ConfigError` naming the file,
    the key and the nearest valid key (typo) or what the value must be.
    """
    P.check_mapping(meta, ROUND_KEYS, file=file)
    for key in _TEXT_KEYS:
        value = meta.get(key)
        if isinstance(value, dict | list):
            raise P.type_error(key, value, "ein Text", file=file)
    when = meta.get("date")
    if when is not None and not isinstance(when, dt.date | str):
        raise P.type_error("date", when, "ein Datum (z. B. 2016-10-20)", file=file)
    if not _counts(meta.get("participants") or {}):
        raise ConfigError(
            "'participants' muss Gruppe: Anzahl (ganze Zahl ≥ 0) enthalten",
            file=file,
        )
    if not _counts(meta.get("working_groups") or {}):
        raise ConfigError(
            "'working_groups' muss Arbeitskreis: Anzahl (ganze Zahl ≥ 0) enthalten", file=file
        )
    dots = meta.get("dots_per_person")
    if dots is not None and (not isinstance(dots, int) or isinstance(dots, bool) or dots < 0):
        raise P.type_error("dots_per_person", dots, "eine ganze Zahl ≥ 0 (z. B. 3)", file=file)
    costs = meta.get("costs", {}) or {}
    if not isinstance(costs, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in costs.values()
    ):
        raise ConfigError("'costs' muss Posten: Betrag in EUR (Zahl ≥ 0) enthalten", file=file)
    hints = meta.get("hints") or {}
    for key in hints if isinstance(hints, Mapping) else ():
        if key not in ROUND_HINTS and "." in str(key):  # a file name right under hints:
            raise ConfigError(
                f"'hints.{key}': Dateien stehen unter 'hints: files:'",
                file=file,
                hint=f"so schreiben: hints: {{files: {{{key}: {hints[key]}}}}}",
            )
    P.check_mapping(hints, ROUND_HINTS, file=file, under="hints")
    if isinstance(hints.get("survey_scale"), dict | list):
        raise P.type_error("hints.survey_scale", hints["survey_scale"], "ein Text", file=file)
    file_hints(meta, file=file)
    report = meta.get("report") or {}
    if not isinstance(report, dict):
        raise P.type_error(
            "report", report, "eine Zuordnung Notebook-Parameter: Wert (z. B. top_n: 15)", file=file
        )
    return dict(meta)


def load_round_meta(round_dir: Path) -> dict[str, Any]:
    """``round.yaml`` of a round (empty dict when there is none), validated.

    Known keys (:data:`ROUND_KEYS`): ``title``, ``date``, ``district``, ``kind`` (free text, e.g.
    "Auftakt"), ``participants`` (group → count), ``dots_per_person``, ``working_groups`` (working
    group → count), ``costs`` (item → EUR), ``note``, ``hints`` (``survey_scale``; ``files``:
    file → kind, see :func:`file_hints`) and ``report``
    (notebook parameters of the round's report). A typo is an error with the nearest key.
    """
    path = round_dir / ROUND_META_FILE
    if not path.is_file():
        return {}
    return check_round_meta(read_yaml(path), file=str(path))
