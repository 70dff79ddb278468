"""One source of parameters: params.yaml as a typed, validated object; round.yaml and --param
checked the same way (unknown key → file, key and nearest valid key; wrong type → expected type)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from flueko import config
from flueko import params as P
from flueko.analyse.prioritise import WEIGHT_KEYS
from flueko.cli import main, parse_params
from flueko.config import Workspace, check_round_meta, load_params, load_round_meta
from flueko.errors import ConfigError, UsageError
from flueko.report import runner

from .conftest import DEMO_RAW, REPO

R1 = "2016-10-20_auftakt"
R2 = "2016-12-07_vertiefung"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A workspace with two empty rounds (settings only)."""
    for r in (R1, R2):
        (tmp_path / "data" / "raw" / r).mkdir(parents=True)
    return Workspace.at(tmp_path)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- the object -------------------------------------------------------------------------------


def test_shipped_params_yaml_and_the_dataclasses_declare_the_same_keys():
    shipped = yaml.safe_load((REPO / "flueko" / "resources" / "params.yaml").read_text("utf-8"))
    params = load_params()
    assert params.as_dict() == shipped
    assert isinstance(params, P.Params)
    assert tuple(P.field_names(P.Weights)) == WEIGHT_KEYS


def test_typed_access_and_read_only_mapping_access_agree():
    params = load_params()
    assert params.consolidate.threshold == params["consolidate"]["threshold"] == 80
    assert params.prioritise.seed == 20161020
    assert dict(params.prioritise.weights) == {
        "impact": 0.4,
        "effort": 0.2,
        "urgency": 0.1,
        "feasibility": 0.1,
        "votes": 0.2,
    }
    assert params.get("nothing") is None and "survey" in params
    with pytest.raises(KeyError):
        params["nothing"]
    with pytest.raises(AttributeError):
        params.survey.min_group_size = 3  # type: ignore[misc]


def test_overrides_apply_in_order_packaged_workspace_round_param(ws):
    _write(ws.raw / "params.yaml", "survey: {min_group_size: 7, positive_top: 3}\n")
    _write(ws.raw / R1 / "params.yaml", "survey: {min_group_size: 9}\n")
    assert load_params(workspace=ws).survey.min_group_size == 7
    r1 = load_params(workspace=ws, round_id=R1)
    assert (r1.survey.min_group_size, r1.survey.positive_top) == (9, 3)
    assert load_params(workspace=ws, round_id=R2).survey.min_group_size == 7
    cli = load_params(workspace=ws, round_id=R1, overrides={"survey": {"min_group_size": 2}})
    survey = cli.survey
    assert (survey.min_group_size, survey.positive_top, survey.confidence) == (2, 3, 0.95)


# --- unknown keys, each file level ---------------------------------------------------------------


def test_unknown_key_in_the_workspace_copy_names_file_key_and_nearest(ws):
    path = _write(ws.raw / "params.yaml", "consolidate:\n  threshhold: 70\n")
    with pytest.raises(ConfigError) as err:
        load_params(workspace=ws, round_id=R1)
    assert err.value.file == str(path)
    assert err.value.message == "unbekannter Schlüssel 'threshhold' unter 'consolidate'"
    assert err.value.hint == "meinten Sie 'threshold'?"
    assert err.value.one_line() == (
        f"{path}: unbekannter Schlüssel 'threshhold' unter 'consolidate' — meinten Sie 'threshold'?"
    )


def test_unknown_key_in_the_round_copy_names_the_round_copy(ws):
    _write(ws.raw / "params.yaml", "survey: {min_group_size: 7}\n")
    path = _write(ws.raw / R1 / "params.yaml", "prioritise:\n  weights:\n    vote: 0.2\n")
    with pytest.raises(ConfigError) as err:
        load_params(workspace=ws, round_id=R1)
    assert err.value.file == str(path)
    assert "'vote' unter 'prioritise.weights'" in err.value.message
    assert err.value.hint == "meinten Sie 'votes'?"
    load_params(workspace=ws, round_id=R2)  # the other round is not affected


def test_unknown_top_level_key_and_a_key_in_the_wrong_section(ws):
    path = _write(ws.raw / "params.yaml", "cluster:\n  threshold: 70\n")
    with pytest.raises(ConfigError, match="unbekannter Schlüssel 'cluster'") as err:
        load_params(workspace=ws)
    assert err.value.file == str(path)
    assert "consolidate" in err.value.hint  # no close name: the allowed sections are listed
    _write(ws.raw / "params.yaml", "consolidate:\n  seed: 1\n")
    with pytest.raises(ConfigError) as err:
        load_params(workspace=ws)
    assert err.value.hint == "meinten Sie 'prioritise.seed'?"


def test_unknown_key_in_the_shipped_file_and_in_overrides(monkeypatch):
    with pytest.raises(ConfigError) as err:
        load_params(overrides={"survey": {"min_groupsize": 3}})
    assert (err.value.file, err.value.hint) == ("--param", "meinten Sie 'min_group_size'?")

    shipped = config.resource_yaml("params.yaml")
    broken = {**shipped, "ingest": {**shipped["ingest"], "max_file_mbb": 5}}
    monkeypatch.setattr(config, "resource_yaml", lambda name: broken)
    with pytest.raises(ConfigError) as err:
        load_params()
    assert err.value.file.endswith(str(Path("flueko", "resources", "params.yaml")))
    assert err.value.hint == "meinten Sie 'max_file_mb'?"


def test_a_key_missing_from_the_shipped_file_is_reported(monkeypatch):
    shipped = config.resource_yaml("params.yaml")
    monkeypatch.setattr(
        config, "resource_yaml", lambda name: {**shipped, "survey": {"min_group_size": 5}}
    )
    with pytest.raises(ConfigError, match="Schlüssel 'positive_top' fehlt unter 'survey'"):
        load_params()


# --- wrong types ---------------------------------------------------------------------------------


def test_wrong_type_names_file_key_and_expected_type_not_a_type_error(ws):
    path = _write(ws.raw / R1 / "params.yaml", "consolidate:\n  threshold: sechzig\n")
    with pytest.raises(ConfigError) as err:
        load_params(workspace=ws, round_id=R1)
    assert err.value.file == str(path)
    assert err.value.message == "'consolidate.threshold' muss eine Zahl sein, nicht 'sechzig'"
    assert "Dezimalpunkt" in err.value.hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("survey: {min_group_size: 2.5}", "'survey.min_group_size' muss eine ganze Zahl sein"),
        ("survey: {min_group_size: true}", "'survey.min_group_size' muss eine ganze Zahl"),
        ("prioritise: {weights: {votes: '0,2'}}", "'prioritise.weights.votes' muss eine Zahl"),
        ("consolidate: {scorer: 80}", "'consolidate.scorer' muss ein Text sein, nicht 80"),
        ("consolidate: {threshold: null}", "'consolidate.threshold' muss eine Zahl sein"),
        ("prioritise: {quadrant_threshold: mitte}", "muss eine Zahl oder null sein"),
        ("survey: 5", "'survey' muss Schlüssel: Wert-Paare enthalten"),
        ("prioritise: {weights: [0.5, 0.5]}", "'prioritise.weights' muss Schlüssel: Wert-Paare"),
        ("- a\n- b", "params.yaml: muss Schlüssel: Wert-Paare enthalten"),
    ],
)
def test_wrong_types_are_config_errors(ws, text, expected):
    _write(ws.raw / "params.yaml", text + "\n")
    with pytest.raises(ConfigError, match=re.escape(expected)):
        load_params(workspace=ws)


def test_valid_values_keep_their_meaning(ws):
    _write(
        ws.raw / "params.yaml",
        "ingest: {header_search_rows: 40.0, max_file_mb: 0.5}\n"
        "prioritise: {quadrant_threshold: 3.5}\nreport: {district: Landkreis X}\n",
    )
    params = load_params(workspace=ws)
    assert params.ingest.header_search_rows == 40 and isinstance(
        params.ingest.header_search_rows, int
    )
    assert params.ingest.max_file_mb == 0.5
    assert params.prioritise.quadrant_threshold == 3.5
    assert params.report.district == "Landkreis X"
    assert params.consolidate.threshold == 80 and isinstance(params.consolidate.threshold, int)


# --- dotted keys (--param) -----------------------------------------------------------------------


def test_dotted_keys_reach_nested_params():
    assert P.from_dotted("prioritise.weights.votes", 0.5) == {
        "prioritise": {"weights": {"votes": 0.5}}
    }
    assert P.from_dotted("survey", {"min_group_size": 3}) == {"survey": {"min_group_size": 3}}
    with pytest.raises(ConfigError) as err:
        P.from_dotted("prioritise.weights.vots", 0.5)
    assert err.value.one_line() == (
        "--param: unbekannter Schlüssel 'vots' unter 'prioritise.weights' — meinten Sie 'votes'?"
    )
    with pytest.raises(ConfigError, match=r"'consolidate\.threshold' muss eine Zahl"):
        P.from_dotted("consolidate.threshold", "sechzig")


def test_split_overrides_separates_notebook_parameters_from_params_yaml_keys(ws):
    notebook, settings = runner.split_overrides(
        ws,
        [
            ("top_n", 3),
            ("prioritise.weights.votes", 0.3),
            ("prioritise.weights.impact", 0.3),
            ("survey.min_group_size", 3),
        ],
    )
    assert notebook == {"top_n": 3}
    assert settings == {
        "prioritise": {"weights": {"votes": 0.3, "impact": 0.3}},
        "survey": {"min_group_size": 3},
    }
    parameters = runner.round_parameters(ws, R1, notebook, settings=settings)
    assert parameters["params"] == settings and parameters["top_n"] == 3
    assert "params" not in runner.round_parameters(ws, R1, notebook)


@pytest.mark.parametrize(
    ("param", "message"),
    [
        ("top_m=5", "--param: unbekannter Schlüssel 'top_m' — meinten Sie 'top_n'?"),
        ("top_k=5", "meinten Sie 'prioritise.top_k'?"),
        ("prioritise.weights.vots=0.5", "'vots' unter 'prioritise.weights' — meinten Sie 'votes'?"),
        ("consolidate.threshold=sechzig", "'consolidate.threshold' muss eine Zahl sein"),
        ("params={}", "unbekannter Schlüssel 'params'"),
        ("top_n", "hat kein '='"),
        ("prioritise.weights.votes=0.5", "ergeben zusammen 1.3 statt 1 (Runde 2016-10-20_auftakt)"),
    ],
)
def test_bad_param_is_a_usage_error_before_anything_is_read(tmp_path, capsys, param, message):
    shutil.copytree(DEMO_RAW / R1, tmp_path / "data" / "raw" / R1)
    code = main(["--workspace", str(tmp_path), "run", "--all", "--no-progress", "-p", param])
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err
    assert not (tmp_path / "data" / "processed").exists()
    assert not (tmp_path / "reports").exists()


def test_ingest_takes_params_yaml_values_but_no_notebook_parameters(tmp_path, capsys):
    shutil.copytree(DEMO_RAW / R1, tmp_path / "data" / "raw" / R1)
    args = ["--workspace", str(tmp_path), "ingest", R1]
    assert main([*args, "-p", "top_n=5"]) == 2
    assert "Notebook-Parameter gelten für report und run" in capsys.readouterr().err
    assert not (tmp_path / "data" / "processed").exists()
    assert main([*args, "-p", "consolidate.treshold=85"]) == 2
    assert "meinten Sie 'threshold'?" in capsys.readouterr().err
    assert main([*args, "-p", "consolidate.threshold=95"]) == 0
    strict = pd.read_parquet(tmp_path / "data" / "processed" / R1 / "measures.parquet")
    assert main(args) == 0
    default = pd.read_parquet(tmp_path / "data" / "processed" / R1 / "measures.parquet")
    assert len(strict) > len(default)  # a higher threshold bundles fewer cards


def test_parse_params_checks_weights_per_round(ws):
    _write(ws.raw / R2 / "params.yaml", "prioritise: {weights: {impact: 0.5}}\n")
    texts = ["prioritise.weights.votes=0.1", "prioritise.weights.feasibility=0.2"]
    overrides, settings = parse_params(ws, texts, [R1])
    assert overrides == {} and settings["prioritise"]["weights"]["votes"] == 0.1
    with pytest.raises(UsageError, match=r"Runde 2016-12-07_vertiefung"):
        parse_params(ws, texts, [R1, R2])


def test_params_from_the_command_line_reach_ingest(ws):
    from flueko.ingest.read import RoundContext

    ctx = RoundContext(ws, R1, overrides={"ingest": {"header_search_rows": 12}})
    assert ctx.params.ingest.header_search_rows == 12
    assert RoundContext(ws, R1).params.ingest.header_search_rows == 30


def test_report_notebook_takes_params_yaml_overrides():
    import papermill as pm

    notebook = REPO / "flueko" / "resources" / "notebooks" / runner.REPORT_NOTEBOOK
    assert runner.SETTINGS_PARAMETER in pm.inspect_notebook(str(notebook))
    assert "report.load(workspace, round_id, params=params)" in notebook.read_text("utf-8")


def test_own_notebook_without_params_parameter_is_told(ws):
    own = ws.root / "notebooks"
    own.mkdir()
    source = REPO / "flueko" / "resources" / "notebooks" / runner.REPORT_NOTEBOOK
    text = source.read_text("utf-8").replace(
        "params = {}", "extra = {}"
    )  # an older copy of the notebook
    _write(own / runner.REPORT_NOTEBOOK, text)
    with pytest.raises(ConfigError, match="keinen Parameter 'params'"):
        runner.split_overrides(ws, [("survey.min_group_size", 3)])
    assert runner.split_overrides(ws, [("top_n", 3)]) == ({"top_n": 3}, {})


# --- round.yaml ----------------------------------------------------------------------------------


def test_round_yaml_typo_names_file_key_and_nearest(ws):
    path = _write(ws.raw / R1 / "round.yaml", "title: Auftakt\ndots_per_persn: 3\n")
    with pytest.raises(ConfigError) as err:
        load_round_meta(ws.raw / R1)
    assert err.value.one_line() == (
        f"{path}: unbekannter Schlüssel 'dots_per_persn' — meinten Sie 'dots_per_person'?"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hints: {survey_scal: '1=gut'}",
            "'survey_scal' unter 'hints' — meinten Sie 'survey_scale'",
        ),
        ("dots_per_person: drei", "'dots_per_person' muss eine ganze Zahl ≥ 0"),
        ("date: 20161020", "'date' muss ein Datum"),
        ("title: [a, b]", "'title' muss ein Text sein"),
        ("participants: {Kommunen: acht}", "'participants' muss Gruppe: Anzahl"),
        ("working_groups: {AK Wohnen: -1}", "'working_groups' muss Arbeitskreis: Anzahl"),
        ("costs: {Verpflegung: viel}", "'costs' muss Posten: Betrag"),
        ("report: 15", "'report' muss eine Zuordnung Notebook-Parameter"),
    ],
)
def test_round_yaml_wrong_values(ws, text, expected):
    _write(ws.raw / R1 / "round.yaml", text + "\n")
    with pytest.raises(ConfigError, match=re.escape(expected)):
        load_round_meta(ws.raw / R1)


def test_round_yaml_empty_values_count_as_not_given():
    meta = check_round_meta({"title": None, "participants": None, "hints": None}, file="x")
    assert meta["title"] is None


def test_demo_round_yaml_files_are_valid():
    for folder in sorted(p for p in DEMO_RAW.iterdir() if p.is_dir()):
        assert load_round_meta(folder)["title"]


def test_round_yaml_report_keys_are_notebook_parameters(ws):
    path = _write(ws.raw / R1 / "round.yaml", "report:\n  top_m: 5\n")
    with pytest.raises(ConfigError) as err:
        runner.round_parameters(ws, R1)
    assert err.value.file == str(path)
    assert "'top_m' unter 'report'" in err.value.message
    assert err.value.hint == "meinten Sie 'top_n'?"
    _write(ws.raw / R1 / "round.yaml", "report:\n  top_n: 5\n")
    assert runner.round_parameters(ws, R1)["top_n"] == 5
