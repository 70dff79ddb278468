"""Benchmark near-duplicate clustering (flueko.analyse.clustering.cluster_ideas).

Prints precision/recall of each scorer on the labelled pairs (tests/data/labelled_pairs.csv,
IDF background: tests/data/labelled_ideas.csv); clusters 10k, 30k and 100k synthetic German
workshop ideas (deterministic, built from a vocabulary with paraphrased near-duplicates) per
scorer and prints wall time, clusters, largest cluster and peak RSS; then compares a plain
pairwise Python loop with the blocked ``cdist`` path on a 2k subsample and the blocking's
recall against exhaustive scoring (token_sort_ratio on 10k/30k, stem_overlap on 5k).

Run: ``.venv/bin/python bench/consolidate.py`` (optionally ``--sizes 10000 30000``,
``--scorers stem_overlap``, ``--skip-recall``).
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from flueko import schema
from flueko.analyse.clustering import cluster_ideas
from flueko.analyse.similarity import (
    STEM_OVERLAP,
    normalise_for_matching,
    pair_scores,
    similar_pairs,
    stem_overlap_matrix,
)

THRESHOLD = 80
SCORER = "token_sort_ratio"
SCORERS = ["token_sort_ratio", STEM_OVERLAP]
TESTDATA = Path(__file__).resolve().parent.parent / "tests" / "data"

PREFIXES = [
    "Wohn",
    "Miet",
    "Sprach",
    "Deutsch",
    "Integrations",
    "Schul",
    "Ausbildungs",
    "Praktikums",
    "Berufs",
    "Arbeits",
    "Job",
    "Sport",
    "Musik",
    "Schwimm",
    "Fahrrad",
    "Begegnungs",
    "Ferien",
    "Gesundheits",
    "Therapie",
    "Trauma",
    "Ehrenamts",
    "Helfer",
    "Paten",
    "Bus",
    "Kita",
    "Nachhilfe",
    "Lern",
    "Frauen",
    "Jugend",
    "Eltern",
    "Kultur",
    "Beratungs",
    "Koch",
    "Garten",
]
HEADS = [
    "kurse",
    "plätze",
    "börse",
    "angebote",
    "beratung",
    "stellen",
    "gruppen",
    "projekte",
    "treffs",
    "netzwerke",
    "lotsen",
    "paten",
    "programme",
    "werkstatt",
    "café",
    "messe",
    "zentren",
    "sprechstunden",
    "tage",
    "räume",
    "begleiter",
    "portale",
    "mittel",
    "konzepte",
]
TOPICS = [p + h for p in PREFIXES for h in HEADS]  # 816 compounds
TARGETS = [
    "Geflüchtete",
    "Flüchtlinge",
    "Frauen",
    "Kinder",
    "Jugendliche",
    "Familien",
    "Männer",
    "Eltern",
    "Azubis",
    "Senioren",
]
PLACES = [
    "im Landkreis",
    "in den Gemeinden",
    "vor Ort",
    "in der Stadt",
    "im Quartier",
    "in den Unterkünften",
]
VERBS = [
    "fehlen",
    "ausbauen",
    "einrichten",
    "verbessern",
    "fördern",
    "vernetzen",
    "organisieren",
    "anbieten",
    "beschleunigen",
    "vermitteln",
    "öffnen",
    "finanzieren",
]
FILL = [
    "mehr",
    "bessere",
    "zusätzliche",
    "kostenlose",
    "gemeinsame",
    "dezentrale",
    "regelmäßige",
    "",
]


def synthetic_ideas(n: int, *, seed: int = 20161020) -> pd.DataFrame:
    """``n`` ideas in one round; about a third are paraphrases of an earlier idea."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(n):
        if texts and rng.random() < 0.35:
            words = rng.choice(texts).split()
            op = rng.random()
            if op < 0.3 and len(words) > 3:
                words.pop(rng.randrange(len(words)))
            elif op < 0.6:
                i, j = rng.randrange(len(words)), rng.randrange(len(words))
                words[i], words[j] = words[j], words[i]
            else:
                k = rng.randrange(len(words))
                w = words[k]
                if len(w) > 4:
                    p = rng.randrange(1, len(w) - 1)
                    words[k] = w[:p] + w[p + 1 :]  # a typo
            texts.append(" ".join(words))
        else:
            parts = [
                rng.choice(FILL),
                rng.choice(TOPICS),
                "für",
                rng.choice(TARGETS),
                rng.choice(PLACES),
                rng.choice(VERBS),
            ]
            if rng.random() < 0.7:
                parts.insert(2, rng.choice(TOPICS))
            texts.append(" ".join(p for p in parts if p))
    df = pd.DataFrame(
        {
            schema.ROUND: "bench",
            schema.GROUP: [f"AK {k % 4}" for k in range(n)],
            schema.TEXT: texts,
            schema.IDEA_ID: [f"i{k:06d}" for k in range(n)],
            schema.CARD_ID: [f"c{k:06d}" for k in range(n)],
        }
    )
    return schema.conform(df, "contributions")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def labelled_pairs() -> None:
    """Precision and recall per scorer and threshold on the labelled pairs."""
    pairs = pd.read_csv(TESTDATA / "labelled_pairs.csv")
    background = pd.read_csv(TESTDATA / "labelled_ideas.csv")["text"].tolist()
    dup = pairs["duplicate"].astype(bool).to_numpy()
    print(f"labelled pairs: {len(pairs)} ({dup.sum()} duplicates)")
    print(f"{'scorer':>18} {'thr':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for scorer in ["token_sort_ratio", "token_set_ratio", "WRatio", STEM_OVERLAP]:
        scores = pair_scores(
            pairs["text_a"].tolist(), pairs["text_b"].tolist(), scorer=scorer, corpus=background
        )
        for thr in (70, 75, 80, 85, 90):
            hit = scores >= thr
            tp, fp, fn = int((hit & dup).sum()), int((hit & ~dup).sum()), int((~hit & dup).sum())
            prec = tp / (tp + fp) if tp + fp else 1.0
            print(
                f"{scorer:>18} {thr:>4} {tp:>4} {fp:>4} {fn:>4} {prec:>9.3f} {tp / (tp + fn):>7.3f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    parser.add_argument("--scorers", nargs="*", default=SCORERS)
    parser.add_argument("--skip-recall", action="store_true")
    args = parser.parse_args()
    labelled_pairs()
    print(f"threshold={THRESHOLD}")
    print(
        f"{'scorer':>18} {'ideas':>8} {'seconds':>8} {'clusters':>9} {'largest':>8} {'RSS MB':>7}"
    )
    for n in args.sizes:
        df = synthetic_ideas(n)
        for scorer in args.scorers:
            t0 = time.perf_counter()
            out = cluster_ideas(df, threshold=THRESHOLD, scorer=scorer)
            dt = time.perf_counter() - t0
            sizes = out[schema.CLUSTER_ID].value_counts()
            print(
                f"{scorer:>18} {n:>8} {dt:>8.2f} {len(sizes):>9} {sizes.max():>8} "
                f"{peak_rss_mb():>7.0f}"
            )
    if args.skip_recall:
        return

    sub = synthetic_ideas(2_000)
    texts = sorted({normalise_for_matching(t) for t in sub[schema.TEXT]})
    t0 = time.perf_counter()
    brute = {
        (i, j)
        for i, j in itertools.combinations(range(len(texts)), 2)
        if fuzz.token_sort_ratio(texts[i], texts[j]) >= THRESHOLD
    }
    t_loop = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = {(i, j) for i, j, _ in similar_pairs(texts, threshold=THRESHOLD, scorer=SCORER)}
    t_fast = time.perf_counter() - t0
    recall = len(found & brute) / len(brute) if brute else 1.0
    print(
        f"2k subsample ({len(texts)} distinct texts): pairwise loop {t_loop:.2f} s, "
        f"blocked cdist {t_fast:.3f} s, ratio {t_loop / t_fast:.0f}x, "
        f"pairs {len(brute)} / found {len(found)}, recall {recall:.3f}"
    )
    stem_blocking_recall(5_000)
    blocking_recall(10_000)
    blocking_recall(30_000)


def stem_blocking_recall(n: int) -> None:
    """stem_overlap pairs found by blocking vs. exhaustive scoring of all pairs."""
    texts = sorted({normalise_for_matching(t) for t in synthetic_ideas(n)[schema.TEXT]})
    t0 = time.perf_counter()
    brute: set[tuple[int, int]] = set()
    step = 500
    for start in range(0, len(texts), step):
        rows = texts[start : start + step]
        stem = stem_overlap_matrix(rows, texts, corpus=texts)
        r, c = np.nonzero(stem >= THRESHOLD)
        brute.update((start + a, b) for a, b in zip(r.tolist(), c.tolist(), strict=True))
        m = process.cdist(rows, texts, scorer=fuzz.token_sort_ratio, score_cutoff=THRESHOLD)
        r, c = np.nonzero(m)
        brute.update((start + a, b) for a, b in zip(r.tolist(), c.tolist(), strict=True))
    brute = {(i, j) for i, j in brute if j > i}
    t_full = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = {(i, j) for i, j, _ in similar_pairs(texts, threshold=THRESHOLD, scorer=STEM_OVERLAP)}
    t_block = time.perf_counter() - t0
    print(
        f"{n // 1000}k stem_overlap exhaustive {t_full:.2f} s vs blocked {t_block:.2f} s: "
        f"pairs {len(brute)} / found {len(found & brute)}, "
        f"recall {len(found & brute) / len(brute):.3f}"
    )


def blocking_recall(n: int) -> None:
    """Pairs found by blocking vs. an exhaustive chunked ``cdist`` on ``n`` ideas."""
    texts = sorted({normalise_for_matching(t) for t in synthetic_ideas(n)[schema.TEXT]})
    t0 = time.perf_counter()
    brute: set[tuple[int, int]] = set()
    for start in range(0, len(texts), 1000):
        m = process.cdist(
            texts[start : start + 1000],
            texts,
            scorer=fuzz.token_sort_ratio,
            dtype=np.uint8,
            score_cutoff=THRESHOLD,
            workers=-1,
        )
        r, c = np.nonzero(m)
        brute.update(
            (start + a, b) for a, b in zip(r.tolist(), c.tolist(), strict=True) if b > start + a
        )
    t_full = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = {(i, j) for i, j, _ in similar_pairs(texts, threshold=THRESHOLD, scorer=SCORER)}
    t_block = time.perf_counter() - t0
    print(
        f"{n // 1000}k exhaustive cdist {t_full:.2f} s vs blocked {t_block:.2f} s: "
        f"pairs {len(brute)} / found {len(found & brute)}, "
        f"recall {len(found & brute) / len(brute):.3f}"
    )


if __name__ == "__main__":
    main()
