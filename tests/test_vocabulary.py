"""The header vocabulary: packaged file, validation, and overrides per workspace and round."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml

from flueko.config import Workspace, resource_yaml
from flueko.errors import ConfigError
from flueko.ingest.ratings import match_header
from flueko.ingest.read import RoundContext, read_inputs
from flueko.vocabulary import (
    HEADER_ROLES,
    SECTIONS,
    VOCABULARY_FILE,
    default_vocabulary,
    fold_word,
    header_key,
    load_vocabulary,
    vocabulary_from_dict,
)

ROUND = "2016-10-20_auftakt"
PACKAGED = resource_yaml(VOCABULARY_FILE)


def test_packaged_file_has_every_list_and_is_written_folded():
    for section, names in SECTIONS.items():
        for name in names:
            entries = PACKAGED[section][name]
            assert entries, f"{section}.{name} is empty"
            folder = header_key if name == "headers" else fold_word
            if name == "symbols":  # compared as written ("#")
                folder = str.strip
            assert [folder(e) for e in entries] == entries, f"{section}.{name}"
    assert set(PACKAGED) == set(SECTIONS)


def test_header_roles_keep_their_order():
    assert tuple(default_vocabulary().headers) == HEADER_ROLES


def test_entries_are_folded_when_loaded():
    vocab = vocabulary_from_dict(
        {"votes": {"words": ["Pkt."]}, "title": {"headers": ["Maßnahme (Titel)"]}}
    )
    assert vocab.votes == ("pkt",)
    assert vocab.headers["title"] == ("massnahme",)


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"vote": {"words": ["punkte"]}}, "'vote'"),
        ({"votes": {"headers": ["punkte"]}}, "'votes.headers'"),
        ({"votes": {"words": "punkte"}}, "'votes.words'"),
        ({"votes": ["punkte"]}, "'votes'"),
        ({"votes": {"words": ["?"]}}, "'votes.words'"),
    ],
)
def test_bad_file_names_section_and_list(data, named):
    with pytest.raises(ConfigError) as err:
        vocabulary_from_dict(data)
    assert named in err.value.one_line() and "vocabulary.yaml" in err.value.one_line()


def _workspace(tmp_path: Path) -> Workspace:
    folder = tmp_path / "data" / "raw" / ROUND
    folder.mkdir(parents=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AK Wohnen"
    ws.append(["Beitrag", "Stricherl"])
    ws.append(["Leerstand nutzen", 3])
    ws.append(["Wohnungsbörse gründen", 2])
    wb.save(folder / "karten.xlsx")
    return Workspace.at(tmp_path)


def _votes(ws: Workspace) -> list:
    parsed, _entries, _reports = read_inputs(ws, ROUND, RoundContext(ws, ROUND))
    (cards,) = parsed.cards
    return [None if pd.isna(v) else int(v) for v in cards["votes"]]


def _write_votes_override(path: Path, *extra: str) -> None:
    words = [*PACKAGED["votes"]["words"], *extra]
    path.write_text(yaml.safe_dump({"votes": {"words": words}}), encoding="utf-8")


def test_workspace_vocabulary_adds_a_vote_header(tmp_path):
    ws = _workspace(tmp_path)
    assert _votes(ws) == [None, None]  # "Stricherl" is no vote column yet
    _write_votes_override(ws.raw / VOCABULARY_FILE, "Stricherl")
    assert _votes(ws) == [3, 2]
    vocab = load_vocabulary(workspace=ws, round_id=ROUND)
    assert "stricherl" in vocab.votes and "punkte" in vocab.votes
    assert default_vocabulary().votes == tuple(PACKAGED["votes"]["words"])


def test_round_vocabulary_applies_to_that_round_only(tmp_path):
    ws = _workspace(tmp_path)
    _write_votes_override(ws.raw / ROUND / VOCABULARY_FILE, "stricherl")
    assert _votes(ws) == [3, 2]
    assert "stricherl" not in load_vocabulary(workspace=ws, round_id="2017-01-01_andere").votes


def test_header_override_reaches_rating_columns():
    vocab = vocabulary_from_dict({"rater": {"headers": [*PACKAGED["rater"]["headers"], "Jury"]}})
    assert match_header("Jury (Kürzel)", vocabulary=vocab) == "rater"
    assert match_header("Jury (Kürzel)") is None
