"""The analyst's corrections of the lineage: pinned ids and „ja“/„nein“ per link."""

from __future__ import annotations

import pandas as pd

from flueko import schema as s
from flueko.analyse.lineage_corrections import AUTOMATIC, LINKED, MANUAL, correct_links


def _links() -> pd.DataFrame:
    rows = [
        ("M-1", "Wohnraumbörse", "K1-1", 70, True),
        ("M-1", "Wohnraumbörse", "K2-1", 30, False),  # a proposal
        ("M-2", "Sprachcafé", "K3-1", 60, True),
        ("M-2", "Sprachcafé", "K4-1", 28, False),
    ]
    cols = [s.MEASURE_ID, s.TITLE, s.IDEA_ID, "lineage_score", LINKED]
    return pd.DataFrame(rows, columns=cols).astype({"lineage_score": s.INT})


KNOWN = {"K1-1", "K2-1", "K3-1", "K4-1", "K4-2"}
CARDS = {"K1": ["K1-1"], "K2": ["K2-1"], "K3": ["K3-1"], "K4": ["K4-1", "K4-2"]}


def _decisions(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [(m, "T", i, keep, "plan.xlsx", "Herkunft prüfen", f"H{n + 3}") for n, (m, i, keep) in
         enumerate(rows)],
        columns=[s.MEASURE_ID, s.TITLE, s.IDEA_ID, "keep", s.SOURCE_FILE, s.SOURCE_SHEET,
                 s.SOURCE_CELL],
    )  # fmt: skip


def _linked(out: pd.DataFrame, measure: str) -> dict[str, str]:
    mine = out[(out[s.MEASURE_ID] == measure) & out[LINKED]]
    return dict(zip(mine[s.IDEA_ID], mine["basis"], strict=True))


def test_yes_links_a_proposal_and_confirms_a_link_no_removes():
    decisions = _decisions(("M-1", "K2-1", True), ("M-1", "k1-1", True), ("M-2", "K3-1", False))
    out, log = correct_links(_links(), None, known_ids=KNOWN, cards=CARDS, decisions=decisions)
    assert _linked(out, "M-1") == {"K1-1": MANUAL, "K2-1": MANUAL}
    assert _linked(out, "M-2") == {}
    assert not ((out[s.MEASURE_ID] == "M-2") & (out[s.IDEA_ID] == "K3-1")).any()
    messages = [e.message for e in log]
    assert any("1 Karte(n) hinzugefügt, 1 bestätigt, 0 entfernt" in m for m in messages)
    assert any("0 Karte(n) hinzugefügt, 0 bestätigt, 1 entfernt" in m for m in messages)


def test_no_on_a_proposal_drops_it_and_a_card_id_stands_for_its_ideas():
    decisions = _decisions(("M-2", "K4-1", False), ("M-1", "K4", True), ("M-1", "K9-9", True))
    out, log = correct_links(_links(), None, known_ids=KNOWN, cards=CARDS, decisions=decisions)
    assert not ((out[s.MEASURE_ID] == "M-2") & (out[s.IDEA_ID] == "K4-1")).any()
    assert _linked(out, "M-2") == {"K3-1": AUTOMATIC}
    assert _linked(out, "M-1") == {"K1-1": AUTOMATIC, "K4-1": MANUAL, "K4-2": MANUAL}
    unknown = [e for e in log if e.code == "lineage_id_unknown"]
    assert len(unknown) == 1 and "K9-9" in unknown[0].message and unknown[0].cell == "H5"


def test_a_changed_cell_and_the_answers_both_count_a_contradiction_is_named():
    pins = pd.DataFrame(
        [("M-1", "Wohnraumbörse", "K3-1", "plan.xlsx", "Maßnahmenplan", "R2"),
         ("M-2", "Sprachcafé", "K3-1", "plan.xlsx", "Maßnahmenplan", "R3")],
        columns=[s.MEASURE_ID, s.TITLE, s.IDEA_IDS, s.SOURCE_FILE, s.SOURCE_SHEET, s.SOURCE_CELL],
    )  # fmt: skip
    decisions = _decisions(("M-1", "K2-1", True), ("M-2", "K4-1", True), ("M-1", "K3-1", False))
    out, log = correct_links(_links(), pins, known_ids=KNOWN, cards=CARDS, decisions=decisions)
    # M-1: the cell replaced K1-1 by K3-1; the sheet adds K2-1 and says „nein“ to K3-1, the
    # card the cell added: a contradiction
    assert _linked(out, "M-1") == {"K2-1": MANUAL}
    assert _linked(out, "M-2") == {"K3-1": AUTOMATIC, "K4-1": MANUAL}  # export unchanged
    conflicts = [e for e in log if e.code == "lineage_review_conflict"]
    assert len(conflicts) == 1 and "K3-1" in conflicts[0].message
    assert "R2" in conflicts[0].message and conflicts[0].cell == "H5"
    assert conflicts[0].severity != "info"


def test_measure_ids_typed_in_any_case_unknown_ones_named():
    decisions = _decisions((" m-2 ", "K4-1", True), ("M-99", "K1-1", True))
    out, log = correct_links(
        _links(),
        None,
        known_ids=KNOWN,
        cards=CARDS,
        decisions=decisions,
        measure_ids=["M-1", "M-2", "M-3"],
    )
    assert _linked(out, "M-2") == {"K3-1": AUTOMATIC, "K4-1": MANUAL}
    unknown = [e for e in log if e.code == "lineage_review_measure_unknown"]
    assert len(unknown) == 1 and "M-99" in unknown[0].message and unknown[0].cell == "H4"
    # a measure of the round without any link yet gets the card
    out, _log = correct_links(
        _links(), None, known_ids=KNOWN, cards=CARDS, decisions=_decisions(("m-3", "K1-1", True)),
        measure_ids=["M-1", "M-2", "M-3"],
    )  # fmt: skip
    assert _linked(out, "M-3") == {"K1-1": MANUAL}


def test_rating_bodies_that_edited_the_ids_differently_are_warned_the_first_counts():
    from flueko.analyse.lineage_corrections import first_pins

    cols = [s.MEASURE_ID, s.TITLE, s.IDEA_IDS, s.SOURCE_FILE, s.SOURCE_SHEET, s.SOURCE_CELL]
    pins = pd.DataFrame(
        [("M-1", "Wohnraumbörse", "K1-1; K2-1", "b.xlsx", "Jobcenter", "C2"),
         ("M-1", "Wohnraumbörse", "k2-1,K1-1", "b.xlsx", "Landratsamt", "C2"),  # same cards
         ("M-2", "Sprachcafé", "K3-1", "b.xlsx", "Jobcenter", "C3"),
         ("M-2", "Sprachcafé", "K3-1; K4-1", "b.xlsx", "Landratsamt", "C3"),
         ("M-3", "Kita", None, "b.xlsx", "Jobcenter", "C4")],
        columns=cols,
    )  # fmt: skip
    kept, log = first_pins(pins)
    assert list(kept[s.MEASURE_ID]) == ["M-1", "M-2"]
    assert list(kept[s.SOURCE_SHEET]) == ["Jobcenter", "Jobcenter"]
    assert [e.code for e in log] == ["lineage_pins_differ"]
    assert "Jobcenter!C3" in log[0].message and log[0].sheet == "Landratsamt"
    assert log[0].severity != "info"
