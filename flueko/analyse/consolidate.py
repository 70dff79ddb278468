"""From single ideas to candidate measures: near-duplicate clustering with lineage.

Ideas of one round whose normalised texts are similar (``scorer`` ≥ ``threshold``: a rapidfuzz
scorer, or :data:`STEM_OVERLAP` — IDF-weighted overlap of content stems with compound parts and
synonyms, see :func:`stem_overlap_matrix`) form a cluster; every idea gets a ``cluster_id`` (a
lone idea is a cluster of one). The analyst's "Maßnahme" column of the coding overrides the
automatic clusters. :func:`candidate_measures` turns clusters into measures (votes counted once
per card), :func:`link_lineage` traces the measures named in later rounds back to the ideas and
cells they came from.

Scaling: texts are de-duplicated first; candidate pairs are found by blocking (two texts are
only compared when they share one of their ``BLOCK_TOKENS`` rarest tokens) and scored with
``rapidfuzz.process.cdist`` per block in chunks (``dtype=uint8``, ``score_cutoff``), so no
n×n matrix is ever built (``token_sort_ratio`` runs as ``ratio`` on word-sorted texts: same
scores, much faster). :data:`STEM_OVERLAP` blocks on stems and compound parts and scores only
the pairs sharing two counted stems (a ``cdist`` bound). Clusters are the connected components
(union-find).
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from flueko import schema
from flueko.ids import measure_id
from flueko.schema import CODING_MEASURE
from flueko.taxonomy import Taxonomy, fold

N_IDEAS = "n_ideas"
N_GROUPS = "n_groups"
GROUPS = "groups"
LINEAGE_MEASURE_ID = "lineage_measure_id"
LINEAGE_SCORE = "lineage_score"

BLOCK_TOKENS = 3
"""How many of a text's rarest tokens put it into a block (more: better recall, slower)."""
MAX_BLOCK = 5000
"""A token shared by more texts than this is a block key only for texts without a rarer one."""
CHUNK = 2000
"""Most rows per ``cdist`` call inside a block."""
CHUNKS_PER_BLOCK = 8
"""A block is compared in at least this many row chunks (each with itself and the rows after
it), so that little more than the upper triangle of its matrix is computed."""

STOPWORDS = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber auch fuer mit zu zum
    zur von vom im in ins am an auf aus bei beim nach ueber unter vor durch gegen ohne um als
    wie so dass da es sie er wir ihr man sich nicht kein keine keinen mehr sehr noch nur schon
    ist sind war wird werden wurde soll sollen sollte muss muessen kann koennen hat haben gibt
    bitte z b bzw usw etc ggf evtl u a alle allen jede jeder jedes viele mehr weniger
    """.split()  # noqa: SIM905 - a word list is easier to edit as text
)
_SUFFIXES = ("ern", "en", "er", "es", "e", "n", "s")

SCORERS: dict[str, Callable] = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "partial_ratio": fuzz.partial_ratio,
    "WRatio": fuzz.WRatio,
    "QRatio": fuzz.QRatio,
}


def _scorer(name: str | Callable) -> Callable | str:
    """The rapidfuzz scorer of ``name``, or the name :data:`STEM_OVERLAP` itself."""
    if callable(name):
        return name
    if name == STEM_OVERLAP:
        return STEM_OVERLAP
    try:
        return SCORERS[name]
    except KeyError:
        from flueko.errors import ConfigError

        raise ConfigError(
            f"unbekannter Ähnlichkeitsvergleich '{name}'",
            file="params.yaml",
            hint="consolidate.scorer: " + ", ".join([STEM_OVERLAP, *SCORERS]),
        ) from None


def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def normalise_for_matching(text: str) -> str:
    """Folded text without stopwords, each word lightly stemmed ("Die Sprachkurse fehlen" →
    "sprachkurs fehl").
    """
    if isinstance(text, str):
        return _normalise_cached(text)  # clustering and titles normalise the same texts
    if text is None or pd.isna(text):
        return ""
    return _normalise_cached(str(text))


@lru_cache(maxsize=262_144)
def _normalise_cached(text: str) -> str:
    return " ".join(_stem_cached(w) for w in fold(text).split() if w not in STOPWORDS)


@lru_cache(maxsize=262_144)
def _stem_cached(word: str) -> str:
    return _stem(word)


# --- German-aware stem overlap ---------------------------------------------------------------

STEM_OVERLAP = "stem_overlap"
"""Scorer name of the German-aware similarity (see :func:`stem_overlap_matrix`)."""

_FUNCTION_WORDS = """
    ihre ihren ihrem ihrer seine seinen sein waehrend parallel neben zwischen ab bis seit oft
    kaum statt wenn was wer wo dort hier dabei damit darum deshalb dann immer ueberall alles
    etwas viel vielen beim jedem jeden dieser diese dieses zwar denn weil ob je pro einfach
"""
_GENERIC_WORDS = """
    fehlen fehlt fehlende fehlender fehlendes gibt geben bieten bietet anbieten angeboten
    organisieren organisiert einrichten schaffen verbessern verbessert foerdern ausbauen
    staerken benennen bereitstellen entwickeln unterstuetzen aufbauen erleichtern beschleunigen
    nutzen brauchen braucht setzen machen sorgen ermoeglichen lang lange langsam wenig wenige
    zu viel gut gute besser bessere neu neue direkt gezielt speziell gemeinsam gemeinsame
    regelmaessig zusaetzlich zusaetzliche moeglich moeglichst mehr problem probleme
"""
MATCH_IGNORE = frozenset(_stem(w) for w in (_FUNCTION_WORDS + _GENERIC_WORDS).split())
"""Stems the stem overlap ignores: function words and generic actions ("fehlen", "anbieten",
"organisieren", "zu lang") — "Kinderbetreuung fehlt" and "Kinderbetreuung organisieren" are the
same measure seen as problem and as solution."""
SYNONYMS = {
    _stem(fold(a)): _stem(fold(b))
    for a, b in (
        ("ÖPNV", "Nahverkehr"),
        ("Nahverkehrs", "Nahverkehr"),
        ("Info", "Information"),
        ("Infos", "Information"),
        ("Informations", "Information"),
        ("Flüchtlinge", "Geflüchtete"),
        ("Flüchtlings", "Geflüchtete"),
        ("Asylbewerber", "Geflüchtete"),
        ("Kindertagesstätte", "Kita"),
        ("VHS", "Volkshochschule"),
        ("Azubis", "Auszubildende"),
        ("Ansprechpartner", "Ansprechperson"),
        ("Ansprechpartnerin", "Ansprechperson"),
        ("Deutschkurse", "Sprachkurse"),
        ("Deutschkurs", "Sprachkurse"),
    )
}
"""Folded stems (whole words or compound parts) read as another: "ÖPNV-Ticket" ~
"Nahverkehrsticket", "Flüchtlinge" ~ "Geflüchtete"."""
_SHORTEST_SYNONYM = min(len(k) for k in SYNONYMS)
PART_MIN = 5
"""Shortest word part matched inside a compound ("ticket" in "Nahverkehrsticket")."""
PART_WEIGHT = 0.7
"""Weight of a compound part relative to a whole word."""
RARE_DF = 3
"""A stem in at most this many of the round's texts is rare: sharing it alone is enough."""
WEIGHT_STEPS = 8
"""IDF weights are quantised to 1 … WEIGHT_STEPS (the rarest stem of the round)."""
COVER_SMALL = 0.85
"""Share of the smaller text's coverage in the score (the rest: the larger text's)."""

COMMON_SHARE = 0.05
"""A stem in more than this share of the round's texts ("Geflüchtete", "Landkreis") is weighted
but does not count as a shared content stem."""
HAPAX_WEIGHT = 0.4
"""Weight factor of a stem no other text of the round uses (idiosyncratic wording)."""

_PAD = 0x100


def match_keys(texts: list[str]) -> list[dict[str, bool]]:
    """Per normalised text its content stems, each mapped to ``True`` when it is only a part.

    Ignored words (:data:`MATCH_IGNORE`) are dropped; a word also yields every other word of
    ``texts`` (≥ :data:`PART_MIN` letters, leaving ≥ 3 letters) it begins or ends with — so
    "Ehrenamtliche" meets "Ehrenamt" and "Nahverkehrsticket" meets "Ticket" (a part, weighted
    :data:`PART_WEIGHT`).
    """
    split = [t.split() for t in texts]
    seen = {w for ws in split for w in ws} - MATCH_IGNORE
    # the light stemmer leaves "Kurs" as "kur" but "Kurse" as "kurs": one stem for both
    canon = {}
    for w in seen:
        c = w[:-1] if w[-1:] in ("s", "n") and w[:-1] in seen else w
        canon[w] = SYNONYMS.get(c, c)
    vocab = {c for c in canon.values() if len(c) >= PART_MIN}
    parts_of: dict[str, list[str]] = {}
    for c in set(canon.values()):
        found = []
        for k in range(min(PART_MIN, _SHORTEST_SYNONYM), len(c) - 2):
            for part in (c[:k], c[-k:]):
                part = SYNONYMS.get(part, part)
                if part in vocab and part != c and part not in found:
                    found.append(part)
        parts_of[c] = found
    out: list[dict[str, bool]] = []
    for ws in split:
        keys = dict.fromkeys((canon[w] for w in ws if w in canon), False)
        for w in list(keys):
            for part in parts_of[w]:
                keys.setdefault(part, True)
        out.append(keys)
    return out


def _char(i: int) -> str:
    code = _PAD + i
    return chr(code if code < 0xD800 else code + 0x800)  # skip the surrogates


class _Encoded(NamedTuple):
    """Key strings of a round's texts: one character per stem, sorted by stem, so the LCS of
    two strings is what they share. ``*_w``: repeated by IDF weight; ``*_c``: once, twice for a
    rare stem; ``whole_*``: whole words only, ``all_*``: with compound parts."""

    all_w: list[str]
    whole_w: list[str]
    all_c: list[str]
    whole_c: list[str]
    length: np.ndarray  # summed weight of the whole words
    # the same as arrays: per text (CSR ``start``) its keys (``key``, by character) and
    # whether each is a part; per key and role (0 whole, 1 part) its repeats in *_w and *_c
    start: np.ndarray
    key: np.ndarray
    part: np.ndarray
    reps: np.ndarray
    once: np.ndarray
    entry: np.ndarray  # text × number of keys + key: sorted, for lookups


def _encode(texts: list[str], keys: list[dict[str, bool]] | None = None) -> _Encoded:
    keys = match_keys(texts) if keys is None else keys
    n = len(texts)
    df = Counter(k for ks in keys for k in ks)
    top = float(np.log1p(n)) if n > 1 else 1.0
    common = max(RARE_DF, COMMON_SHARE * n)
    # per key and role (whole word / part): its weighted and its counting characters
    code: dict[tuple[str, bool], tuple[str, str]] = {}
    index: dict[str, int] = {}
    reps_of = np.zeros((len(df), 2), dtype=np.int64)
    once_of = np.zeros((len(df), 2), dtype=np.int64)
    for i, (k, d) in enumerate(sorted(df.items())):
        w = WEIGHT_STEPS * float(np.log1p(n / d)) / top * (HAPAX_WEIGHT if d == 1 else 1.0)
        ch = _char(i)
        index[k] = i
        for part in (False, True):
            reps = max(1, round(w * (PART_WEIGHT if part else 1.0)))
            once = 0 if d > common else 2 if d <= RARE_DF and not part else 1
            code[k, part] = (ch * reps, ch * once)
            reps_of[i, int(part)] = reps
            once_of[i, int(part)] = once
    all_w, whole_w, all_c, whole_c = [], [], [], []
    length = np.zeros(n)
    start = np.zeros(n + 1, dtype=np.int64)
    ent_key: list[int] = []
    ent_part: list[bool] = []
    for t, ks in enumerate(keys):
        all_codes = sorted(code[item] for item in ks.items())
        whole_codes = sorted(code[k, False] for k, part in ks.items() if not part)
        all_w.append("".join(c[0] for c in all_codes))
        whole_w.append("".join(c[0] for c in whole_codes))
        all_c.append("".join(c[1] for c in all_codes))
        whole_c.append("".join(c[1] for c in whole_codes))
        length[t] = sum(len(c[0]) for c in whole_codes)
        for i, part in sorted((index[k], part) for k, part in ks.items()):
            ent_key.append(i)
            ent_part.append(part)
        start[t + 1] = len(ent_key)
    return _Encoded(
        all_w,
        whole_w,
        all_c,
        whole_c,
        length,
        start,
        np.array(ent_key, dtype=np.int64),
        np.array(ent_part, dtype=bool),
        reps_of,
        once_of,
        np.repeat(np.arange(n, dtype=np.int64), np.diff(start)) * len(df)
        + np.array(ent_key, dtype=np.int64),
    )


def _lcs(rows: list[str], cols: list[str]) -> np.ndarray:
    return process.cdist(rows, cols, scorer=LCSseq.similarity, dtype=np.int32, workers=-1)


def _stem_block(enc: _Encoded, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Stem overlap scores (0-100, floored) of texts ``rows`` × ``cols`` of ``enc``.

    Shared weight: whole words matching whole words or a compound part on the other side (the
    better direction); score ``COVER_SMALL`` × shared / smaller text + the rest × shared /
    larger text, 0 unless two stems (or one rare one) are shared.
    """

    def pick(strings: list[str], idx: np.ndarray) -> list[str]:
        return [strings[i] for i in idx.tolist()]

    shared = np.maximum(
        _lcs(pick(enc.all_w, rows), pick(enc.whole_w, cols)),
        _lcs(pick(enc.whole_w, rows), pick(enc.all_w, cols)),
    )
    count = np.maximum(
        _lcs(pick(enc.all_c, rows), pick(enc.whole_c, cols)),
        _lcs(pick(enc.whole_c, rows), pick(enc.all_c, cols)),
    )
    len_a, len_b = enc.length[rows][:, None], enc.length[cols][None, :]
    small, large = np.minimum(len_a, len_b), np.maximum(len_a, len_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        cover_small = np.minimum(shared / small, 1.0)
        cover_large = np.minimum(shared / large, 1.0)
    score = 100 * (COVER_SMALL * cover_small + (1 - COVER_SMALL) * cover_large)
    score = np.where((count >= 2) & (small > 0), score, 0.0)
    return np.floor(score + 1e-9)


def _add_stem_scores(
    m: np.ndarray, enc: _Encoded, rows: np.ndarray, cols: np.ndarray, *, cutoff: int
) -> None:
    """Raise ``m`` (a chunk of :func:`similar_pairs`, rows × cols) to the stem overlap where it
    reaches ``cutoff``. Only pairs sharing two counted stems (a cheap ``cdist`` of the counting
    strings, an upper bound) are scored."""
    bound = process.cdist(
        [enc.all_c[i] for i in rows.tolist()],
        [enc.all_c[i] for i in cols.tolist()],
        scorer=LCSseq.similarity,
        dtype=np.int32,
        score_cutoff=2,
        workers=-1,
    )
    r, c = np.nonzero(bound)
    keep = (c > r) & (m[r, c] < cutoff)
    r, c = r[keep], c[keep]
    if not len(r):
        return
    score = _stem_pairs(enc, rows[r], cols[c])
    hit = score >= cutoff
    m[r[hit], c[hit]] = score[hit]


def _stem_pairs(enc: _Encoded, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Stem overlap of each pair ``(i[k], j[k])`` (``i[k]`` ≠ ``j[k]``), as :func:`_stem_block`
    scores it, without building the strings' LCS one pair at a time.

    The key strings list each key's character in one (sorted) order, so the LCS of two of
    them is the size of their multiset intersection: per shared key the smaller repeat count.
    """
    n_keys = len(enc.reps)
    ent_code = enc.entry
    if not len(ent_code):
        return np.zeros(len(i))
    # every key of text i[k], looked up among the keys of text j[k]
    per_pair = enc.start[i + 1] - enc.start[i]
    pair = np.repeat(np.arange(len(i)), per_pair)
    first = np.repeat(enc.start[i] - np.cumsum(per_pair) + per_pair, per_pair)
    ent_i = first + np.arange(len(pair))
    key = enc.key[ent_i]
    want = j[pair] * n_keys + key
    pos = np.minimum(np.searchsorted(ent_code, want), len(ent_code) - 1)
    found = ent_code[pos] == want
    pair, key, ent_i, ent_j = pair[found], key[found], ent_i[found], pos[found]
    part_i, part_j = enc.part[ent_i].astype(np.intp), enc.part[ent_j].astype(np.intp)
    once = np.minimum(enc.once[key, part_i], enc.once[key, part_j])
    reps = np.minimum(enc.reps[key, part_i], enc.reps[key, part_j])
    whole_i, whole_j = part_i == 0, part_j == 0

    def total(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return np.bincount(pair[mask], weights=values[mask], minlength=len(i))

    # all keys of i against the whole words of j, and the whole words of i against all of j
    count = np.maximum(total(once, whole_j), total(once, whole_i))
    shared = np.maximum(total(reps, whole_j), total(reps, whole_i))
    len_i, len_j = enc.length[i], enc.length[j]
    small, large = np.minimum(len_i, len_j), np.maximum(len_i, len_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = 100 * (
            COVER_SMALL * np.minimum(shared / small, 1.0)
            + (1 - COVER_SMALL) * np.minimum(shared / large, 1.0)
        )
    score = np.where((count >= 2) & (small > 0), score, 0.0)
    return np.floor(score + 1e-9)


def stem_overlap_matrix(
    rows: list[str], cols: list[str], *, corpus: list[str] | None = None
) -> np.ndarray:
    """Stem overlap (0-100) of normalised ``rows`` × ``cols``; IDF from ``corpus`` plus both.

    Score: IDF-weighted overlap of content stems (compound parts count
    :data:`PART_WEIGHT`), ``COVER_SMALL`` × the share of the smaller text covered plus the
    rest × the share of the larger one; 0 unless the texts share two stems or one rare stem
    (:data:`RARE_DF`). :func:`similar_pairs` takes the larger of this and ``token_sort_ratio``.
    """
    texts = list(dict.fromkeys([*(corpus or []), *rows, *cols]))
    pos = {t: i for i, t in enumerate(texts)}
    enc = _encode(texts)
    r = np.array([pos[t] for t in rows], dtype=np.intp)
    c = np.array([pos[t] for t in cols], dtype=np.intp)
    return _stem_block(enc, r, c)


def pair_scores(
    a: list[str],
    b: list[str],
    *,
    scorer: str | Callable = STEM_OVERLAP,
    corpus: list[str] | None = None,
) -> np.ndarray:
    """Score of each pair ``(a[k], b[k])`` of raw texts as :func:`cluster_ideas` sees it.

    For :data:`STEM_OVERLAP` the IDF weights come from ``corpus`` (raw texts: the round's
    ideas) plus the pair texts; the score is the larger of stem overlap and
    ``token_sort_ratio``. Other scorers: the rapidfuzz score of the normalised texts.
    """
    na = [normalise_for_matching(t) for t in a]
    nb = [normalise_for_matching(t) for t in b]
    fuzzy = _scorer(scorer)
    if fuzzy != STEM_OVERLAP:
        return np.array([fuzzy(x, y) for x, y in zip(na, nb, strict=True)], dtype=np.float64)
    texts = list(dict.fromkeys([normalise_for_matching(t) for t in corpus or []] + na + nb))
    pos = {t: i for i, t in enumerate(texts)}
    enc = _encode(texts)
    r = np.array([pos[t] for t in na], dtype=np.intp)
    c = np.array([pos[t] for t in nb], dtype=np.intp)
    out = np.empty(len(na))
    for k in range(len(na)):
        stem = _stem_block(enc, r[k : k + 1], c[k : k + 1])[0, 0]
        x, y = na[k], nb[k]
        out[k] = max(stem, fuzz.token_sort_ratio(x, y)) if x and y else 0.0
    return out


# --- union-find ------------------------------------------------------------------------------


def _find(parent: np.ndarray, i: int) -> int:
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:
        parent[i], i = root, parent[i]
    return root


def _union(parent: np.ndarray, a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


# --- pair finding ----------------------------------------------------------------------------


def similar_pairs(
    texts: list[str], *, threshold: float, scorer: str | Callable = "token_sort_ratio"
) -> list[tuple[int, int, int]]:
    """``(i, j, score)`` with ``i < j`` for all blocked pairs of ``texts`` scoring ≥ threshold.

    ``texts`` are already normalised and unique (for :data:`STEM_OVERLAP` they are also the
    round whose IDF weights count). Blocking: a text joins the block of each of its
    :data:`BLOCK_TOKENS` rarest tokens — for :data:`STEM_OVERLAP` its rarest
    :func:`match_keys`, compound parts included — (a token of more than :data:`MAX_BLOCK`
    texts only when the text has no rarer one); each block is scored with ``process.cdist`` in
    row chunks (:data:`CHUNK`, :data:`CHUNKS_PER_BLOCK`), ``dtype=uint8`` and
    ``score_cutoff``. :data:`STEM_OVERLAP` scores the larger of ``token_sort_ratio`` and
    :func:`stem_overlap_matrix`.
    """
    score = _scorer(scorer)
    stem = score == STEM_OVERLAP
    if stem:
        keys = match_keys(texts)
        enc = _encode(texts, keys)
        tokens = [list(k) or t.split() for k, t in zip(keys, texts, strict=True)]
        score = fuzz.token_sort_ratio
    else:
        tokens = [t.split() for t in texts]
    df = Counter(tok for toks in tokens for tok in set(toks))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, toks in enumerate(tokens):
        if stem:  # a stem of this text only cannot pair it with another one
            rarest = sorted(set(toks), key=lambda t: (df[t] < 2, df[t], t))[:BLOCK_TOKENS]
        else:
            rarest = sorted(set(toks), key=lambda t: (df[t], t))[:BLOCK_TOKENS]
        keys_ = [t for t in rarest if df[t] <= MAX_BLOCK] or rarest[:1]
        for tok in keys_:
            blocks[tok].append(i)
    cutoff = int(np.ceil(threshold))
    strings = texts
    if score is fuzz.token_sort_ratio:  # same scores, ~6× faster: sort the words once
        strings = [" ".join(sorted(t.split())) for t in texts]
        score = fuzz.ratio
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int, int]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        idx = np.asarray(members)
        choices = [strings[i] for i in members]
        step = min(CHUNK, max(64, -(-len(members) // CHUNKS_PER_BLOCK)))
        for start in range(0, len(members), step):
            rows = choices[start : start + step]
            # only the upper triangle: compare a chunk with itself and everything after it
            cols = choices[start:]
            m = process.cdist(
                rows,
                cols,
                scorer=score,
                dtype=np.uint8,
                score_cutoff=cutoff,
                workers=-1,
            )
            if stem:
                _add_stem_scores(m, enc, idx[start : start + step], idx[start:], cutoff=cutoff)
            r, c = np.nonzero(m)
            keep = c > r
            for a, b in zip(r[keep].tolist(), c[keep].tolist(), strict=True):
                i, j = int(idx[start + a]), int(idx[start + b])
                key = (i, j) if i < j else (j, i)
                if key not in seen:
                    seen.add(key)
                    pairs.append((key[0], key[1], int(m[a, b])))
    pairs.sort()
    return pairs


# --- clustering ------------------------------------------------------------------------------


def _cluster_id(prefix: str, parts: list[str]) -> str:
    return prefix + hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:10]


def cluster_ideas(
    contributions: pd.DataFrame,
    *,
    threshold: float = 82,
    scorer: str | Callable = "token_sort_ratio",
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Set ``cluster_id``: near-duplicate ideas (across groups, within a round) share one.

    Parameters
    ----------
    contributions
        The ``contributions`` table; not modified.
    threshold, scorer
        Minimum score 0-100 and scorer on the :func:`normalise_for_matching` texts: a
        rapidfuzz scorer name (see :data:`SCORERS`) or :data:`STEM_OVERLAP` (the larger of
        ``token_sort_ratio`` and the German-aware :func:`stem_overlap_matrix`, IDF weights
        from the round's ideas).
    coding
        Analyst coding with ``idea_id`` and ``measure``. Ideas with the same measure name (case
        and spacing ignored) form one cluster, whatever the automatic result; an uncoded idea
        whose automatic cluster holds coded ideas of exactly one measure name joins that
        measure, otherwise it stays with the uncoded rest of its automatic cluster.

    Returns
    -------
    pandas.DataFrame
        A copy with ``cluster_id`` filled: ``C-`` + sha1 of the sorted member idea_ids (automatic)
        or of round and measure name (``K-``, manual). Same input → same ids.
    """
    out = contributions.copy()
    ids = out[schema.IDEA_ID].astype(str).tolist()
    rounds = out[schema.ROUND].astype(object).where(out[schema.ROUND].notna(), "").tolist()
    norm = [normalise_for_matching(t) for t in out[schema.TEXT].tolist()]
    n = len(out)
    parent = np.arange(n)
    by_round: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rounds):
        by_round[r].append(i)
    for members in by_round.values():
        uniq: dict[str, list[int]] = defaultdict(list)
        for i in members:
            uniq[norm[i] or f"\x00{ids[i]}"].append(i)  # empty texts never merge
        texts = list(uniq)
        groups = list(uniq.values())
        for g in groups:
            for i in g[1:]:
                _union(parent, g[0], i)
        for a, b, _ in similar_pairs(
            [t if not t.startswith("\x00") else "" for t in texts],
            threshold=threshold,
            scorer=scorer,
        ):
            if texts[a].startswith("\x00") or texts[b].startswith("\x00"):
                continue
            _union(parent, groups[a][0], groups[b][0])
    roots = [_find(parent, i) for i in range(n)]
    manual = _manual_measures(coding, ids)
    if manual:
        roots = _apply_manual(roots, manual, rounds)
    members_of: dict[object, list[str]] = defaultdict(list)
    for i, root in enumerate(roots):
        members_of[root].append(ids[i])
    cid = {}
    for root, member_ids in members_of.items():
        if isinstance(root, tuple):  # manual: (round, folded name)
            cid[root] = _cluster_id("K-", [root[0], root[1]])
        else:
            cid[root] = _cluster_id("C-", sorted(member_ids))
    out[schema.CLUSTER_ID] = pd.array([cid[r] for r in roots], dtype=schema.STR)
    return out


def _manual_measures(coding: pd.DataFrame | None, ids: list[str]) -> dict[int, str]:
    if coding is None or CODING_MEASURE not in coding.columns or not len(coding):
        return {}
    named = coding.dropna(subset=[CODING_MEASURE]).drop_duplicates(schema.IDEA_ID, keep="last")
    by_id = dict(zip(named[schema.IDEA_ID].tolist(), named[CODING_MEASURE].tolist(), strict=True))
    out = {}
    for i, idea in enumerate(ids):
        name = by_id.get(idea)
        if isinstance(name, str) and name.strip():
            out[i] = " ".join(name.split())
    return out


def _apply_manual(roots: list, manual: dict[int, str], rounds: list[str]) -> list:
    out: list = list(roots)
    names_in_auto: dict[object, set[str]] = defaultdict(set)
    for i, name in manual.items():
        names_in_auto[roots[i]].add(name.casefold())
    for i, root in enumerate(roots):
        if i in manual:
            out[i] = (rounds[i], manual[i].casefold())
        elif len(names_in_auto.get(root, ())) == 1:
            out[i] = (rounds[i], next(iter(names_in_auto[root])))
    return out


# --- measures --------------------------------------------------------------------------------


measure_id_for = measure_id
"""Stable measure id from a title (see :func:`flueko.ids.measure_id`)."""


def _join(values) -> str | None:
    seen: list[str] = []
    for v in values:
        if isinstance(v, str) and v and v not in seen:
            seen.append(v)
    return "; ".join(seen) if seen else None


def card_votes(ideas: pd.DataFrame) -> int | None:
    """Votes of a set of ideas counted once per card (a split card's votes are not repeated)."""
    votes = [None if _missing(v) else int(v) for v in ideas[schema.VOTES].tolist()]
    ids = ideas[schema.IDEA_ID].tolist()
    card = [
        i if _missing(c) else c for c, i in zip(ideas[schema.CARD_ID].tolist(), ids, strict=True)
    ]
    return _card_votes(range(len(ids)), card, votes)


def _missing(value: object) -> bool:
    """True for None, NaN and ``pd.NA`` (scalars only)."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _card_votes(pos, card: list, votes: list) -> int | None:
    """Summed votes of the distinct cards ``card`` of rows ``pos`` (each card: its largest
    known vote); None when no card has a vote."""
    per_card: dict = {}
    for i in pos:
        v = votes[i]
        c = card[i]
        if v is not None and not _missing(c):  # a row without card and idea id: not counted
            old = per_card.get(c)
            if old is None or v > old:
                per_card[c] = v
    return sum(per_card.values()) if per_card else None


_MEASURE_COLUMNS = [
    schema.ROUND,
    schema.MEASURE_ID,
    schema.CLUSTER_ID,
    schema.FIELD,
    schema.TITLE,
    schema.VOTES,
    N_IDEAS,
    N_GROUPS,
    GROUPS,
    schema.IDEA_IDS,
    schema.SOURCE_FILE,
    schema.SOURCE_SHEET,
    schema.SOURCE_CELL,
]
_CANDIDATE_COLUMNS = [c for c in _MEASURE_COLUMNS if c != schema.MEASURE_ID]


def candidate_measures(
    contributions: pd.DataFrame,
    *,
    taxonomy: Taxonomy,
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One candidate measure per cluster of ``contributions`` (needs ``cluster_id``).

    Returns
    -------
    pandas.DataFrame
        ``round``, ``measure_id`` (:func:`measure_id_for` of the title; a second cluster with
        the same title in a round gets ``-2``, ``-3`` …), ``cluster_id``, ``field`` (most
        frequent among the ideas; ties: more votes, then taxonomy order), ``title`` (the
        analyst's measure name if coded, else the idea with most votes, then the most central
        one, then the smallest idea_id), ``votes`` (summed over distinct cards: a split
        card's votes count once per measure it feeds, never once per idea), ``n_ideas``,
        ``n_groups``, ``groups``, ``idea_ids``, ``source_file``, ``source_sheet``,
        ``source_cell`` ("; "-joined, in idea order). Sorted by round, votes (desc), title.
    """
    df = contributions
    order = {k: i for i, k in enumerate(taxonomy.field_keys)}
    manual_title = {}
    if coding is not None and CODING_MEASURE in coding.columns:
        named = coding.dropna(subset=[CODING_MEASURE])
        manual_title = dict(
            zip(named[schema.IDEA_ID].tolist(), named[CODING_MEASURE].tolist(), strict=True)
        )
    # one grouping pass: group numbers in the sorted order of (round, cluster), members in
    # row order; everything per cluster is then plain Python over these lists
    codes = (
        df.groupby([schema.ROUND, schema.CLUSTER_ID], sort=True, dropna=False).ngroup().to_numpy()
        if len(df)
        else np.zeros(0, dtype=np.int64)
    )
    rows_of = np.argsort(codes, kind="stable")
    bounds = [0, *(np.flatnonzero(np.diff(codes[rows_of])) + 1).tolist(), len(df)]
    rows_list = rows_of.tolist()
    col = {
        c: df[c].tolist()
        for c in (
            schema.ROUND,
            schema.CLUSTER_ID,
            schema.FIELD,
            schema.GROUP,
            schema.IDEA_ID,
            schema.SOURCE_FILE,
            schema.SOURCE_SHEET,
            schema.SOURCE_CELL,
        )
    }
    idea_str = df[schema.IDEA_ID].astype(str).tolist()
    texts = df[schema.TEXT].fillna("").astype(str).tolist()
    votes = [None if _missing(v) else int(v) for v in df[schema.VOTES].tolist()]
    card = [
        i if _missing(c) else c
        for c, i in zip(df[schema.CARD_ID].tolist(), col[schema.IDEA_ID], strict=True)
    ]
    data: dict[str, list] = {c: [] for c in _CANDIDATE_COLUMNS}
    for lo, hi in itertools.pairwise(bounds):
        if lo == hi:
            continue
        pos = rows_list[lo:hi]
        first = pos[0]
        data[schema.ROUND].append(col[schema.ROUND][first])
        data[schema.CLUSTER_ID].append(col[schema.CLUSTER_ID][first])
        data[schema.FIELD].append(_majority_field(pos, col[schema.FIELD], votes, order))
        data[schema.TITLE].append(
            _title(pos, col[schema.IDEA_ID], texts, votes, idea_str, manual_title)
        )
        data[schema.VOTES].append(_card_votes(pos, card, votes))
        groups = [col[schema.GROUP][i] for i in pos]
        data[N_IDEAS].append(len(pos))
        data[N_GROUPS].append(len({g for g in groups if not _missing(g)}))
        data[GROUPS].append(_join(groups))
        data[schema.IDEA_IDS].append("; ".join(idea_str[i] for i in pos))
        for c in (schema.SOURCE_FILE, schema.SOURCE_SHEET, schema.SOURCE_CELL):
            data[c].append(_join(col[c][i] for i in pos))
    columns = _MEASURE_COLUMNS
    out = pd.DataFrame(data, columns=_CANDIDATE_COLUMNS)
    out[schema.MEASURE_ID] = _unique_ids(out)
    out = out[columns]
    dtypes = {c: schema.STR for c in columns}
    dtypes.update({schema.VOTES: schema.INT, N_IDEAS: schema.INT, N_GROUPS: schema.INT})
    out = out.astype(dtypes)
    out = out.sort_values(
        [schema.ROUND, schema.VOTES, schema.TITLE],
        ascending=[True, False, True],
        na_position="last",
        kind="stable",
    )
    return out.reset_index(drop=True)


def _unique_ids(measures: pd.DataFrame) -> list[str]:
    ids: list[str] = []
    used: Counter = Counter()
    ordered = measures.sort_values([schema.ROUND, schema.CLUSTER_ID], kind="stable")
    by_pos = {}
    for pos, (r, title) in zip(
        ordered.index, zip(ordered[schema.ROUND], ordered[schema.TITLE], strict=True), strict=True
    ):
        base = measure_id_for(title)
        used[(r, base)] += 1
        k = used[(r, base)]
        by_pos[pos] = base if k == 1 else f"{base}-{k}"
    for pos in measures.index:
        ids.append(by_pos[pos])
    return ids


def _title(
    pos: list[int],
    ideas: list,
    texts: list[str],
    votes: list[int | None],
    idea_str: list[str],
    manual_title: dict,
) -> str:
    """The analyst's name of the first coded idea of rows ``pos``, else the text with most
    votes, then the most central one (summed ``token_sort_ratio`` with all ideas of the
    cluster), then the smallest idea_id."""
    if manual_title:
        for i in pos:
            name = manual_title.get(ideas[i])
            if isinstance(name, str) and name.strip():
                return " ".join(name.split())
    if len(pos) == 1:
        return texts[pos[0]]
    rank = [-1 if votes[i] is None else votes[i] for i in pos]
    top = max(rank)
    tied = [k for k, r in enumerate(rank) if r == top]
    if len(tied) == 1:  # most votes decides; centrality only breaks ties
        return texts[pos[tied[0]]]
    # token_sort_ratio of normalised texts = ratio of their word-sorted forms
    words = [" ".join(sorted(normalise_for_matching(texts[i]).split())) for i in pos]
    central = _centrality([words[k] for k in tied], words)
    best = min(range(len(tied)), key=lambda t: (-central[t], idea_str[pos[tied[t]]]))
    return texts[pos[tied[best]]]


SIMD_MAX_LEN = 64
"""rapidfuzz compares many strings of at most this length at once (SIMD): ~5× faster."""
CENTRALITY_CELLS = 16_000_000
"""Largest score matrix :func:`_centrality` builds at once (bytes)."""


def _centrality(rows: list[str], cols: list[str]) -> list[int]:
    """Per row string the sum of its ``ratio`` scores (0-100, as ``cdist`` with ``uint8``
    gives them) with every one of ``cols`` — without an n×n matrix.

    Equal strings are scored once and weighted by their count; each block of the matrix is
    computed with its short strings (≤ :data:`SIMD_MAX_LEN`) as the queries.
    """
    uniq_rows = list(dict.fromkeys(rows))
    count = Counter(cols)
    uniq_cols = list(count)
    weight = np.array([count[c] for c in uniq_cols], dtype=np.int64)
    total = np.zeros(len(uniq_rows), dtype=np.int64)

    def split(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
        short = np.array([len(x) <= SIMD_MAX_LEN for x in strings], dtype=bool)
        return np.flatnonzero(short), np.flatnonzero(~short)

    row_parts, col_parts = split(uniq_rows), split(uniq_cols)
    for r_short, r_idx in zip((True, False), row_parts, strict=True):
        for c_short, c_idx in zip((True, False), col_parts, strict=True):
            if not len(r_idx) or not len(c_idx):
                continue
            r_str = [uniq_rows[i] for i in r_idx.tolist()]
            c_str = [uniq_cols[i] for i in c_idx.tolist()]
            w = weight[c_idx]
            transpose = c_short and not r_short  # queries: the side SIMD can take
            queries = c_str if transpose else r_str
            choices = r_str if transpose else c_str
            step = max(1, CENTRALITY_CELLS // len(choices))
            for lo in range(0, len(queries), step):
                m = process.cdist(
                    queries[lo : lo + step],
                    choices,
                    scorer=fuzz.ratio,
                    dtype=np.uint8,
                    workers=-1,
                )
                if transpose:  # m: cols × rows
                    total[r_idx] += _weighted_sum(m, w[lo : lo + step], axis=0)
                else:
                    total[r_idx[lo : lo + step]] += _weighted_sum(m, w, axis=1)
    by_row = dict(zip(uniq_rows, total.tolist(), strict=True))
    return [by_row[x] for x in rows]


def _weighted_sum(m: np.ndarray, weight: np.ndarray, *, axis: int) -> np.ndarray:
    """Sum of ``m`` along ``axis``, each entry times the ``weight`` of its position there."""
    if (weight == 1).all():
        return m.sum(axis=axis, dtype=np.int64)
    shape = (-1, 1) if axis == 0 else (1, -1)
    return (m * weight.reshape(shape)).sum(axis=axis, dtype=np.int64)


def _majority_field(
    pos: list[int], fields: list, votes: list[int | None], order: dict[str, int]
) -> str | None:
    """Most frequent field of rows ``pos``; ties: more votes, taxonomy order, key."""
    counts: Counter = Counter()
    per_field: Counter = Counter()
    for i in pos:
        f = fields[i]
        if _missing(f):
            continue
        counts[f] += 1
        if isinstance(f, str) and votes[i] is not None:
            per_field[f] += votes[i]
    if not counts:
        return None
    return min(counts, key=lambda f: (-counts[f], -per_field[f], order.get(f, len(order)), f))


# --- lineage ---------------------------------------------------------------------------------


def link_lineage(
    measures_later: pd.DataFrame,
    candidates_earlier: pd.DataFrame,
    *,
    threshold: float = 75,
    scorer: str | Callable = "token_sort_ratio",
    contributions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Link measures of a later round (rating sheet, plan) to the candidates they came from.

    Each later measure's title is compared (normalised, ``scorer``) with every earlier
    candidate's title and — when ``contributions`` is given — with the texts of the candidate's
    ideas; the best candidate at or above ``threshold`` wins (ties: more votes, then
    measure_id).

    Returns
    -------
    pandas.DataFrame
        A copy of ``measures_later`` with ``idea_ids`` filled from the linked candidate (an
        existing value is kept), ``lineage_measure_id`` and ``lineage_score`` (missing when
        nothing matched).
    """
    out = measures_later.copy()
    score = _scorer(scorer)
    cand = candidates_earlier.reset_index(drop=True)
    choice_text: list[str] = []
    choice_owner: list[int] = []
    for k, title in enumerate(cand[schema.TITLE].tolist()):
        choice_text.append(normalise_for_matching(title))
        choice_owner.append(k)
    if contributions is not None and len(contributions):
        text_of = dict(
            zip(
                contributions[schema.IDEA_ID].astype(str).tolist(),
                contributions[schema.TEXT].tolist(),
                strict=True,
            )
        )
        for k, idea_ids in enumerate(cand[schema.IDEA_IDS].tolist()):
            for idea in str(idea_ids).split("; ") if isinstance(idea_ids, str) else []:
                if idea in text_of:
                    choice_text.append(normalise_for_matching(text_of[idea]))
                    choice_owner.append(k)
    votes = [
        int(v) if not pd.isna(v) else -1
        for v in cand.get(schema.VOTES, pd.Series([pd.NA] * len(cand))).tolist()
    ]
    linked_ids, linked_mid, linked_score = [], [], []
    queries = [normalise_for_matching(t) for t in out[schema.TITLE].tolist()]
    if queries and choice_text and score == STEM_OVERLAP:
        fuzzy = process.cdist(queries, choice_text, scorer=fuzz.token_sort_ratio, dtype=np.uint8)
        stem = stem_overlap_matrix(queries, choice_text)
        matrix = np.maximum(fuzzy, stem.astype(np.uint8))
    elif queries and choice_text:
        matrix = process.cdist(queries, choice_text, scorer=score, dtype=np.uint8)
    else:
        matrix = np.zeros((len(queries), 0), dtype=np.uint8)
    for q in range(len(queries)):
        best: dict[int, int] = {}
        for c in np.nonzero(matrix[q] >= threshold)[0].tolist():
            k = choice_owner[c]
            best[k] = max(best.get(k, 0), int(matrix[q, c]))
        if not best or not queries[q]:
            linked_ids.append(pd.NA)
            linked_mid.append(pd.NA)
            linked_score.append(pd.NA)
            continue
        k = min(best, key=lambda k: (-best[k], -votes[k], str(cand[schema.MEASURE_ID][k])))
        linked_ids.append(cand[schema.IDEA_IDS][k])
        linked_mid.append(cand[schema.MEASURE_ID][k])
        linked_score.append(best[k])
    linked = pd.Series(linked_ids, index=out.index, dtype=schema.STR)
    if schema.IDEA_IDS in out.columns:
        existing = out[schema.IDEA_IDS].astype(schema.STR)
        out[schema.IDEA_IDS] = existing.where(existing.notna() & (existing != ""), linked)
    else:
        out[schema.IDEA_IDS] = linked
    out[LINEAGE_MEASURE_ID] = pd.array(linked_mid, dtype=schema.STR)
    out[LINEAGE_SCORE] = pd.array(linked_score, dtype=schema.INT)
    return out


def trace(measure_idea_ids: str, contributions: pd.DataFrame) -> pd.DataFrame:
    """The ideas (with file, sheet, row and cell) behind a measure's "; "-joined idea_ids."""
    wanted = [i for i in str(measure_idea_ids).split("; ") if i]
    cols = [
        schema.IDEA_ID,
        schema.CARD_ID,
        schema.TEXT,
        schema.SOURCE_FILE,
        schema.SOURCE_SHEET,
        schema.SOURCE_ROW,
        schema.SOURCE_CELL,
    ]
    hit = contributions[contributions[schema.IDEA_ID].isin(wanted)]
    pos = {k: i for i, k in enumerate(wanted)}
    hit = hit.assign(_o=hit[schema.IDEA_ID].map(pos)).sort_values("_o")
    return hit[[c for c in cols if c in hit.columns]].reset_index(drop=True)
