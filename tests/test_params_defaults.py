"""Keyword defaults of the functions that take parameters agree with the shipped params.yaml.

A notebook cell that calls ``cluster_ideas(contributions)`` must get what ``flueko run`` gets.
Functions are found by name (first under ``flueko.analyse.*``, then elsewhere in the package), so
the check survives modules being split or moved; a function that is not found any more fails
with a message saying to update :data:`EXPECTED`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

import pytest

from flueko.config import load_params
from flueko.params import leaf_paths

EXPECTED: dict[str, dict[str, str]] = {
    "cluster_ideas": {"threshold": "consolidate.threshold", "scorer": "consolidate.scorer"},
    "link_lineage": {
        "threshold": "consolidate.lineage_threshold",
        "margin": "consolidate.lineage_margin",
        "scorer": "consolidate.scorer",
        "gap": "consolidate.lineage_gap",
    },
    "lineage_links": {
        "threshold": "consolidate.lineage_threshold",
        "margin": "consolidate.lineage_margin",
        "scorer": "consolidate.scorer",
        "gap": "consolidate.lineage_gap",
    },
    "pair_scores": {"scorer": "consolidate.scorer"},
    "similar_pairs": {"scorer": "consolidate.scorer"},
    "aggregate_ratings": {"disagreement_iqr": "prioritise.disagreement_iqr"},
    "score_measures": {"threshold": "prioritise.quadrant_threshold"},
    "rank_robustness": {
        "top_k": "prioritise.top_k",
        "n_samples": "prioritise.robustness_samples",
        "jitter": "prioritise.weight_jitter",
        "seed": "prioritise.seed",
    },
    "summarise_items": {
        "min_group_size": "survey.min_group_size",
        "positive_top": "survey.positive_top",
        "confidence": "survey.confidence",
    },
    "distribution": {"min_group_size": "survey.min_group_size"},
    "response_rate": {"min_group_size": "survey.min_group_size"},
    "detect_sheet": {"search_rows": "ingest.header_search_rows"},
    "read_sheets": {"max_mb": "ingest.max_file_mb"},
    "priority_matrix": {"threshold": "prioritise.quadrant_threshold"},
    "documentation_markdown": {"min_group_size": "survey.min_group_size"},
}
"""Function name → {keyword parameter: params.yaml key it takes its value from}."""

ALIASES = {
    "n_samples": "prioritise.robustness_samples",
    "jitter": "prioritise.weight_jitter",
    "search_rows": "ingest.header_search_rows",
    "max_mb": "ingest.max_file_mb",
}
"""Parameter names that differ from their params.yaml key (for the sweep below)."""

SUBPACKAGES = ("analyse", "ingest", "io", "report")
"""Where parameter-taking functions live (``demo`` is left out: it has its own seed)."""


def _modules(subpackage: str) -> list:
    package = importlib.import_module(f"flueko.{subpackage}")
    out = [package]
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if not info.name.endswith("__main__"):
            out.append(importlib.import_module(info.name))
    return out


def _functions() -> dict[str, dict[str, list[Callable]]]:
    """Subpackage → function name → functions of that name defined (not imported) there."""
    found: dict[str, dict[str, list[Callable]]] = {}
    for sub in SUBPACKAGES:
        for module in _modules(sub):
            for name, obj in vars(module).items():
                if inspect.isfunction(obj) and obj.__module__ == module.__name__:
                    found.setdefault(sub, {}).setdefault(name, []).append(obj)
    return found


FUNCTIONS = _functions()
PARAMS = load_params()


def _value(path: str) -> object:
    value: object = PARAMS
    for part in path.split("."):
        value = value[part]  # type: ignore[index]
    return value


def _find(name: str) -> list[Callable]:
    """Definitions of ``name`` under flueko.analyse.*, else elsewhere in SUBPACKAGES."""
    for sub in SUBPACKAGES:
        if name in FUNCTIONS.get(sub, {}):
            return FUNCTIONS[sub][name]
    return []


def _where(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_keyword_defaults_agree_with_params_yaml(name: str) -> None:
    functions = _find(name)
    if not functions:
        pytest.fail(
            f"function {name!r} not found under flueko.{{{','.join(SUBPACKAGES)}}}.* — renamed "
            "or removed? Update EXPECTED in tests/test_params_defaults.py",
            pytrace=False,
        )
    wrong: list[str] = []
    for parameter, path in EXPECTED[name].items():
        assert path in leaf_paths(), f"EXPECTED[{name!r}] names unknown params.yaml key {path}"
        taking = [f for f in functions if parameter in inspect.signature(f).parameters]
        if not taking:
            pytest.fail(
                f"{', '.join(map(_where, functions))} has no parameter {parameter!r} any more — "
                "update EXPECTED in tests/test_params_defaults.py",
                pytrace=False,
            )
        for fn in taking:
            default = inspect.signature(fn).parameters[parameter].default
            if default is inspect.Parameter.empty:
                continue  # required: the caller must pass the value from params.yaml
            if default != _value(path):
                wrong.append(
                    f"{_where(fn)}({parameter}={default!r}) but params.yaml {path}: "
                    f"{_value(path)!r} — make the default equal to params.yaml"
                )
    assert not wrong, "; ".join(wrong)


def test_no_other_analysis_default_disagrees_with_params_yaml() -> None:
    """Sweep: any function under flueko.analyse.* with a keyword named like a params.yaml key
    (``seed``, ``min_group_size``, … or an alias like ``jitter``) defaults to its value."""
    leaves = [p for p in leaf_paths() if not p.startswith("prioritise.weights.")]
    tails = [p.rsplit(".", 1)[-1] for p in leaves]
    by_name = {t: p for t, p in zip(tails, leaves, strict=True) if tails.count(t) == 1}
    by_name.pop("threshold", None)  # three different thresholds: covered by EXPECTED
    by_name.update(ALIASES)
    wrong: list[str] = []
    for functions in FUNCTIONS.get("analyse", {}).values():
        for fn in functions:
            for parameter in inspect.signature(fn).parameters.values():
                path = by_name.get(parameter.name)
                if path is None or parameter.default is inspect.Parameter.empty:
                    continue
                if parameter.default != _value(path):
                    wrong.append(f"{_where(fn)}({parameter.name}={parameter.default!r}) ≠ {path}")
    assert not wrong, "defaults that disagree with params.yaml: " + "; ".join(wrong)


def test_the_analysis_package_is_searched() -> None:
    assert FUNCTIONS.get("analyse"), "nothing found under flueko.analyse"
