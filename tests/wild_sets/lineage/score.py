"""Score flueko's lineage (kick-off cards → later measures) on the labelled set in groups.py.

Builds a workspace with two rounds as an office would have them — the kick-off's cards typed
into one workbook (one sheet per working group) and a deepening round's rating sheet with the
measures — runs flueko's ingest on both and reads which cards each rated measure is linked to
(``measures.parquet`` ``idea_ids`` → ``contributions.parquet``). Truth: the cards listed with
each measure in ``groups.py``; the measures in ``UNRELATED`` come from no card.

    python tests/wild_sets/lineage/score.py [--split tune|holdout|all] [--json OUT]

``--split``: the groups (and the measures from no card) are divided once by a fixed seed
(:data:`SPLIT_SEED`) into a tuning half and a held-out half; the matcher is tuned on ``tune``
only, ``holdout`` says how well that generalises. The ingest always runs on the whole set;
only the measures of the chosen half are counted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import groups as _default  # noqa: E402

SETS = {
    "lineage": HERE,
    "lineage_blind": HERE.parent / "lineage_blind",
    "lineage_blind2": HERE.parent / "lineage_blind2",
}
"""Labelled sets this script scores: this folder's, and two written later by people who never
read the matcher or the sets before theirs (``--set lineage_blind``, ``--set lineage_blind2``;
they also have cards that led to no measure)."""

GROUPS, UNRELATED, LONELY = _default.GROUPS, _default.UNRELATED, []


def use_set(name: str) -> None:
    """Score the labelled set ``name`` (a key of :data:`SETS`) from now on."""
    global GROUPS, UNRELATED, LONELY
    spec = importlib.util.spec_from_file_location(f"groups_{name}", SETS[name] / "groups.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    GROUPS, UNRELATED = module.GROUPS, module.UNRELATED
    LONELY = list(getattr(module, "LONELY", []))


SPLIT_SEED = 20161207
"""Fixed seed of the tune/holdout split (never change it after tuning started)."""

KICKOFF, LATER = "2016-10-20_auftakt", "2016-12-07_vertiefung"
SHEETS = {
    "wohnen": "AK Wohnen",
    "sprache": "AK Sprache",
    "arbeit": "AK Arbeit",
    "bildung": "AK Bildung",
    "gesundheit": "AK Gesundheit",
    "freizeit": "AK Freizeit",
    "gesellschaft": "AK Zusammenleben",
}


def build(root: Path, *, seed: int = 7) -> None:
    """Write the two rounds into the workspace ``root``."""
    rng = random.Random(seed)
    cards = root / "data" / "raw" / KICKOFF
    later = root / "data" / "raw" / LATER
    cards.mkdir(parents=True)
    later.mkdir(parents=True)
    wb = Workbook()
    wb.remove(wb.active)
    by_sheet: dict[str, list[str]] = {}
    for field, _title, texts in GROUPS:
        by_sheet.setdefault(SHEETS[field], []).extend(texts)
    for field, text in LONELY:
        by_sheet.setdefault(SHEETS[field], []).append(text)
    for name, texts in by_sheet.items():
        ws = wb.create_sheet(name)
        ws.append(["Karte", "Punkte"])
        rng.shuffle(texts)
        for text in texts:
            ws.append([text, rng.randint(0, 6)])
    wb.save(cards / "karten_auftakt.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    ws.append(["Maßnahme", "Bewerter/in", "Wirkung", "Aufwand"])
    titles = [t for _f, t, _c in GROUPS] + [t for _f, t in UNRELATED]
    rng.shuffle(titles)
    for rater in ("Jobcenter", "Landratsamt"):
        for title in titles:
            ws.append([title, rater, rng.randint(1, 5), rng.randint(1, 5)])
    wb.save(later / "bewertung.xlsx")


def split_titles(split: str = "all") -> set[str]:
    """Measure titles of the ``split`` half: ``tune``, ``holdout`` or ``all``."""
    if split == "all":
        return {t for _f, t, _c in GROUPS} | {t for _f, t in UNRELATED}
    if split not in ("tune", "holdout"):
        raise ValueError(f"unknown split {split!r}: tune, holdout or all")
    rng = random.Random(SPLIT_SEED)
    halves: dict[str, set[str]] = {"tune": set(), "holdout": set()}
    for titles in ([t for _f, t, _c in GROUPS], [t for _f, t in UNRELATED]):
        order = list(range(len(titles)))
        rng.shuffle(order)
        cut = (len(order) + 1) // 2
        halves["tune"].update(titles[i] for i in order[:cut])
        halves["holdout"].update(titles[i] for i in order[cut:])
    return halves[split]


def _card_of(text: str) -> str:
    """The labelled card an idea's text comes from: itself, or the card with several ideas
    in lines ("- Gasthof zur Post leer\n- Pfarrhaus leer") that flueko reads as one idea each."""
    return _PARTS.get(text, text)


_PARTS: dict[str, str] = {}


def _index_parts() -> None:
    _PARTS.clear()
    cards = [c for _f, _t, cs in GROUPS for c in cs] + [c for _f, c in LONELY]
    for card in cards:
        lines = [ln.strip().lstrip("-•*").strip() for ln in card.splitlines()]
        if len([ln for ln in lines if ln]) > 1:
            _PARTS.update({ln: card for ln in lines if ln})


def score(split: str = "all", *, overrides: dict | None = None) -> dict:
    from flueko.config import Workspace
    from flueko.pipeline import ingest_round, write_result

    _index_parts()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root)
        ws = Workspace.at(root)
        for round_id in (KICKOFF, LATER):
            write_result(ws, ingest_round(ws, round_id, overrides=overrides))
        contributions = pd.read_parquet(ws.processed_round(KICKOFF) / "contributions.parquet")
        measures = pd.read_parquet(ws.processed_round(LATER) / "measures.parquet")
        listed = pd.read_csv(ws.processed_round(LATER) / "extra_lineage.csv", dtype=str)
        unlinked = pd.read_csv(ws.processed_round(LATER) / "extra_unlinked.csv", dtype=str)
    text_of = dict(zip(contributions["idea_id"], contributions["text"], strict=True))
    text_of = {i: _card_of(t) for i, t in text_of.items()}
    chosen = split_titles(split)
    truth = {t: set(c) for _f, t, c in GROUPS if t in chosen}
    truth |= {t: set() for _f, t in UNRELATED if t in chosen}
    measures = measures[measures["title"].isin(chosen)]
    tp = fp = 0
    per_measure = []
    for _, row in measures.iterrows():
        raw = row.get("idea_ids")
        raw = "" if raw is None or pd.isna(raw) else str(raw)
        ids = [i.strip() for i in raw.replace(";", ",").replace(" ", ",").split(",") if i.strip()]
        linked = {text_of.get(i.strip(), f"?{i}") for i in ids}
        expected = truth.get(row["title"], set())
        hit, wrong = linked & expected, linked - expected
        tp += len(hit)
        fp += len(wrong)
        per_measure.append(
            {
                "title": row["title"],
                "expected": sorted(expected),
                "linked": sorted(linked),
                "missed": sorted(expected - linked),
                "wrong": sorted(wrong),
            }
        )
    positives = sum(len(c) for _f, t, c in GROUPS if t in chosen)
    # linked or listed for the analyst (extra_lineage.csv: uncertain links and near misses)
    listed = listed[listed["title"].isin(chosen)]
    shown = {(t, text_of.get(i)) for t, i in zip(listed["title"], listed["idea_id"], strict=True)}
    suggested = sum((t, c) in shown for _f, t, cs in GROUPS if t in chosen for c in cs)
    # ... or the card is in the list of cards without a measure (the analyst assigns it)
    alone = {text_of.get(i) for i in unlinked["idea_id"]}
    seen = sum((t, c) in shown or c in alone for _f, t, cs in GROUPS if t in chosen for c in cs)
    lonely = {text for _f, text in LONELY}
    return {
        "split": split,
        "pairs": positives,
        "unrelated_measures": sum(t in chosen for _f, t in UNRELATED),
        "true_links": tp,
        "wrong_links": fp,
        "recall": tp / positives,
        "recall_with_suggestions": suggested / positives,
        # every true pair the sheet „Herkunft prüfen“ shows: linked, proposed, or the card is
        # listed as one without a measure
        "shown_for_review": seen / positives,
        # the analyst's reading: rows of „Herkunft prüfen“ (links and proposals) per measure
        "listed_per_measure": len(listed) / max(len(measures), 1),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "measures_with_any_link": sum(bool(m["linked"]) for m in per_measure),
        "unrelated_linked": sum(bool(m["linked"]) for m in per_measure if not m["expected"]),
        "lonely_linked": len({c for m in per_measure for c in m["linked"]} & lonely),
        "per_measure": per_measure,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "holdout", "all"), default="all")
    parser.add_argument("--set", choices=sorted(SETS), default="lineage")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    use_set(args.set)
    result = score(args.split)
    print(
        f"[{result['split']}] {result['pairs']} Karte↔Maßnahme-Paare, "
        f"{result['unrelated_measures']} Maßnahmen ohne Karte: "
        f"recall {result['recall']:.2f}, precision {result['precision']:.2f}, "
        f"mit den Vorschlägen für die Analyse {result['recall_with_suggestions']:.2f} "
        f"({result['listed_per_measure']:.1f} Zeilen je Maßnahme; mit den Karten ohne "
        f"Maßnahme {result['shown_for_review']:.2f}) "
        f"({result['true_links']} richtig, {result['wrong_links']} falsch verknüpft; "
        f"{result['unrelated_linked']} Maßnahmen ohne Karte trotzdem verknüpft; "
        f"{result['lonely_linked']} von {len(LONELY)} Karten ohne Maßnahme verknüpft)"
    )
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
