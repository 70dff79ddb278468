"""Copies of taxonomy.yaml and survey_items.yaml are checked like params.yaml copies."""

from __future__ import annotations

import pytest

from flueko.config import Workspace, load_settings
from flueko.errors import ConfigError


@pytest.fixture
def ws(tmp_path) -> Workspace:
    (tmp_path / "data" / "raw" / "r").mkdir(parents=True)
    return Workspace.at(tmp_path)


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_misspelt_section_names_the_copy_and_the_nearest_key(ws):
    path = _write(ws.raw / "taxonomy.yaml", "feilds:\n  wohnen: {label: Wohnen}\n")
    with pytest.raises(ConfigError) as err:
        load_settings("taxonomy.yaml", workspace=ws)
    assert err.value.file == str(path)
    assert "unbekannter Schlüssel 'feilds'" in err.value.one_line()
    assert "meinten Sie 'fields'?" in err.value.one_line()


def test_misspelt_attribute_of_an_entry_in_the_round_copy(ws):
    path = _write(ws.raw / "r" / "taxonomy.yaml", "fields:\n  wohnen: {keywrods: [miete]}\n")
    with pytest.raises(ConfigError, match=r"'keywrods' unter 'fields\.wohnen'") as err:
        load_settings("taxonomy.yaml", workspace=ws, round_id="r")
    assert err.value.file == str(path) and "meinten Sie 'keywords'?" in err.value.one_line()
    _write(ws.raw / "survey_items.yaml", "items:\n  format: {lable: Format}\n")
    with pytest.raises(ConfigError, match=r"'lable' unter 'items\.format'"):
        load_settings("survey_items.yaml", workspace=ws)


def test_valid_copies_may_add_entries_and_change_values(ws):
    _write(
        ws.raw / "taxonomy.yaml",
        "fields:\n  digitales: {label: Digitales, keywords: [wlan]}\n"
        "  wohnen: {label: Wohnen und Bauen}\n",
    )
    tax = load_settings("taxonomy.yaml", workspace=ws)
    assert tax["fields"]["digitales"]["label"] == "Digitales"
    assert tax["fields"]["wohnen"]["label"] == "Wohnen und Bauen"
    assert tax["fields"]["wohnen"]["keywords"]  # the packaged keywords stay
