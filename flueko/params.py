"""The analysis parameters (``params.yaml``) as one typed, validated, read-only object.

``flueko/resources/params.yaml`` is the one source of the values: it holds every key with its
default. A copy under ``data/raw/`` (workspace) or ``data/raw/<round>/`` (one round) and
``--param prioritise.weights.votes=0.5`` override single keys, in that order
(:func:`flueko.config.load_params`). The dataclasses below declare only the names and types; each
file is checked on its own, so that an error names the file it is in:

- an unknown key → :class:`~flueko.errors.ConfigError` naming file, key and the nearest valid key
  ("unbekannter Schlüssel 'threshhold' unter 'consolidate' — meinten Sie 'threshold'?");
- a wrong type (``threshold: sechzig``) → a ConfigError naming file, key and the expected type.

Every section is also a read-only mapping (``params["prioritise"]["weights"]`` works as well as
``params.prioritise.weights``); :meth:`Section.as_dict` gives plain nested dicts, e.g. for a
notebook parameter. The generic checks (:func:`unknown_key_error`, :func:`check_mapping`) are used
for ``round.yaml`` too.
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from flueko.errors import ConfigError


class Section(Mapping[str, Any]):
    """Base of the frozen parameter dataclasses: attribute access plus read-only mapping access."""

    def __getitem__(self, key: str) -> Any:
        if key in field_names(type(self)):
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(field_names(type(self)))

    def __len__(self) -> int:
        return len(field_names(type(self)))

    def as_dict(self) -> dict[str, Any]:
        """Plain nested dicts (for YAML, JSON or a notebook parameter)."""
        return {k: v.as_dict() if isinstance(v, Section) else v for k, v in self.items()}


@dataclasses.dataclass(frozen=True)
class IngestParams(Section):
    max_file_mb: float
    """Larger files are refused with a clear message."""
    header_search_rows: int
    """How many rows from the top are searched for the header row."""


@dataclasses.dataclass(frozen=True)
class ConsolidateParams(Section):
    threshold: float
    """Similarity (0–100) above which two ideas count as near-duplicates."""
    scorer: str
    """Similarity measure (``stem_overlap`` or a rapidfuzz scorer name)."""
    lineage_threshold: float
    """Similarity at which a later round's measure is linked to earlier cards."""
    lineage_margin: float
    """A card is linked to every measure scoring at least this share of its best measure."""
    lineage_uncertain: float
    """Width of the band around ``lineage_threshold`` whose links (and near misses) are listed
    for the analyst as uncertain."""
    lineage_gap: float
    """Below ``lineage_threshold + lineage_uncertain`` a card is linked only to a measure at
    least this far ahead of its runner-up; otherwise both are listed as ambiguous."""


@dataclasses.dataclass(frozen=True)
class Weights(Section):
    """Prioritisation weights per criterion (must sum to 1; checked where they are used)."""

    impact: float
    effort: float
    urgency: float
    feasibility: float
    votes: float


@dataclasses.dataclass(frozen=True)
class PrioritiseParams(Section):
    weights: Weights
    top_k: int
    robustness_samples: int
    weight_jitter: float
    seed: int
    disagreement_iqr: float
    quadrant_threshold: float | None
    """``None`` = the scale midpoint."""


@dataclasses.dataclass(frozen=True)
class SurveyParams(Section):
    min_group_size: int
    positive_top: int
    confidence: float


@dataclasses.dataclass(frozen=True)
class ReportParams(Section):
    district: str


@dataclasses.dataclass(frozen=True)
class PrivacyParams(Section):
    keep_rater_names: bool
    """Keep rater names as written in ``ratings.parquet`` (default: persons become
    „Bewerter/in 1 … n“, institutions are kept)."""


@dataclasses.dataclass(frozen=True)
class Params(Section):
    """All parameters in force for a round (see ``flueko/resources/params.yaml``)."""

    ingest: IngestParams
    consolidate: ConsolidateParams
    prioritise: PrioritiseParams
    survey: SurveyParams
    report: ReportParams
    privacy: PrivacyParams


# --- schema introspection ---------------------------------------------------------------------


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_section(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Section)


@cache
def leaf_paths(cls: type = Params) -> tuple[str, ...]:
    """Every settable key as a dotted path (``prioritise.weights.votes``), in file order."""
    out: list[str] = []
    for name, tp in _types(cls).items():
        if _is_section(tp):
            out += [f"{name}.{sub}" for sub in leaf_paths(tp)]
        else:
            out.append(name)
    return tuple(out)


# --- error messages ---------------------------------------------------------------------------


def suggest(key: str, allowed: list[str] | tuple[str, ...], *, paths: tuple[str, ...] = ()) -> str:
    """The hint for an unknown ``key``: the nearest of ``allowed``, else the list of them.

    ``paths`` (dotted paths elsewhere in the file) are offered when ``key`` is one of their last
    parts (``top_k`` at the top → ``prioritise.top_k``) or close to one.
    """
    tails = {p.rsplit(".", 1)[-1]: p for p in paths}
    if key in tails and key not in allowed:
        return f"meinten Sie '{tails[key]}'?"
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    if close:
        return f"meinten Sie '{close[0]}'?"
    close = difflib.get_close_matches(key, list(tails), n=1, cutoff=0.75)
    if close:
        return f"meinten Sie '{tails[close[0]]}'?"
    return "erlaubt: " + ", ".join(allowed) if allowed else "hier sind keine Schlüssel erlaubt"


def unknown_key_error(
    key: object,
    allowed: list[str] | tuple[str, ...],
    *,
    file: str,
    under: str = "",
    paths: tuple[str, ...] = (),
) -> ConfigError:
    """„unbekannter Schlüssel 'threshhold' unter 'consolidate' — meinten Sie 'threshold'?“"""
    where = f" unter '{under}'" if under else ""
    return ConfigError(
        f"unbekannter Schlüssel '{key}'{where}",
        file=file,
        hint=suggest(str(key), allowed, paths=paths),
    )


def type_error(
    path: str, value: object, expected: str, *, file: str, hint: str | None = None
) -> ConfigError:
    """„'consolidate.threshold' muss eine Zahl sein, nicht 'sechzig'“"""
    return ConfigError(
        f"'{path}' muss {expected} sein, nicht {type_name(value)}", file=file, hint=hint
    )


def type_name(value: object) -> str:
    if isinstance(value, Mapping):
        return "eine Zuordnung"
    if isinstance(value, list):
        return "eine Liste"
    return repr(value)


_EXPECTED: dict[type, tuple[str, str]] = {
    int: ("eine ganze Zahl", "z. B. 5"),
    float: ("eine Zahl", "z. B. 0.5 (Dezimalpunkt, kein Komma; ohne Anführungszeichen)"),
    str: ("ein Text", "Text in Anführungszeichen setzen, wenn er wie eine Zahl aussieht"),
    bool: ("true oder false", "true oder false schreiben, ohne Anführungszeichen"),
}


def _expected(tp: Any) -> tuple[str, str]:
    args = typing.get_args(tp)
    if args and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        name, hint = _EXPECTED[inner]
        return f"{name} oder null", hint
    return _EXPECTED[tp]


def _scalar(tp: Any, value: object, *, path: str, file: str) -> object:
    """``value`` checked against ``tp`` (int, float, str, bool or Optional of one); ints stay
    ints."""
    optional = type(None) in typing.get_args(tp)
    base = next((a for a in typing.get_args(tp) if a is not type(None)), tp)
    if value is None and optional:
        return None
    if base is str and isinstance(value, str):
        return value
    if base is bool and isinstance(value, bool):
        return value
    if base in (int, float) and isinstance(value, int | float) and not isinstance(value, bool):
        if base is int:
            if isinstance(value, float) and value.is_integer():
                return int(value)
            if isinstance(value, int):
                return value
        elif value == value:  # not NaN
            return value
    expected, hint = _expected(tp)
    raise type_error(path, value, expected, file=file, hint=hint)


def check_mapping(
    data: object,
    allowed: tuple[str, ...] | list[str],
    *,
    file: str,
    under: str = "",
    paths: tuple[str, ...] = (),
) -> Mapping[str, Any]:
    """``data`` as a mapping whose keys are all in ``allowed`` (else a ConfigError; ``paths``
    see :func:`suggest`)."""
    if not isinstance(data, Mapping):
        what = f"'{under}'" if under else "die Datei"
        raise ConfigError(
            f"{what} muss Schlüssel: Wert-Paare enthalten, nicht {type_name(data)}",
            file=file,
            hint="erlaubt: " + ", ".join(allowed),
        )
    for key in data:
        if key not in allowed:
            raise unknown_key_error(key, allowed, file=file, under=under, paths=paths)
    return data


# --- validation and construction -----------------------------------------------------------------


def check(data: object, *, file: str, cls: type[Section] = Params, under: str = "") -> dict:
    """Validate a whole or partial params.yaml mapping; return it normalised (plain dicts).

    Raises :class:`~flueko.errors.ConfigError` for the first unknown key or wrong type, naming
    ``file``, the key and the nearest valid key or the expected type.
    """
    types_ = _types(cls)
    mapping = check_mapping(data, tuple(types_), file=file, under=under, paths=leaf_paths())
    out: dict[str, Any] = {}
    for key, value in mapping.items():
        path = f"{under}.{key}" if under else str(key)
        tp = types_[key]
        if _is_section(tp):
            out[key] = check(value, file=file, cls=tp, under=path)
        else:
            out[key] = _scalar(tp, value, path=path, file=file)
    return out


def build(data: Mapping[str, Any], *, file: str, cls: type[Section] = Params, under: str = ""):
    """A complete, checked mapping (every key present) → the frozen ``cls`` object."""
    types_ = _types(cls)
    missing = [k for k in types_ if k not in data]
    if missing:
        where = f" unter '{under}'" if under else ""
        raise ConfigError(
            f"Schlüssel '{missing[0]}' fehlt{where}",
            file=file,
            hint="die mitgelieferte params.yaml enthält jeden Schlüssel; flueko neu installieren",
        )
    values = {}
    for key, tp in types_.items():
        path = f"{under}.{key}" if under else key
        values[key] = (
            build(data[key], file=file, cls=tp, under=path) if _is_section(tp) else data[key]
        )
    return cls(**values)


def from_dotted(key: str, value: object, *, file: str = "--param") -> dict:
    """``("prioritise.weights.votes", 0.5)`` → ``{"prioritise": {"weights": {"votes": 0.5}}}``,
    checked like a params.yaml file (unknown key or wrong type → ConfigError naming ``file``)."""
    nested: object = value
    for part in reversed(key.split(".")):
        nested = {part: nested}
    return check(nested, file=file)


def is_param_key(key: str) -> bool:
    """True for a params.yaml path (``prioritise.weights.votes``) or section (``survey``)."""
    return key.split(".", 1)[0] in field_names(Params)
