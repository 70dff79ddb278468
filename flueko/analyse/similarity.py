"""Similarity of idea texts: normalising, the German-aware stem overlap, near-duplicate pairs.

Texts are compared after :func:`normalise_for_matching` (folded, stopwords dropped, lightly
stemmed) with a rapidfuzz scorer (:data:`SCORERS`) or :data:`STEM_OVERLAP` — IDF-weighted
overlap of content stems with compound parts and synonyms, see :func:`stem_overlap_matrix`.
:func:`similar_pairs` finds the pairs of a round scoring at least a threshold (the input of
:func:`flueko.analyse.clustering.cluster_ideas`); :func:`pair_scores` scores given pairs.

Scaling: texts are de-duplicated first; candidate pairs are found by blocking (two texts are
only compared when they share one of their ``BLOCK_TOKENS`` rarest tokens) and scored with
``rapidfuzz.process.cdist`` per block in chunks (``dtype=uint8``, ``score_cutoff``), so no
n×n matrix is ever built (``token_sort_ratio`` runs as ``ratio`` on word-sorted texts: same
scores, much faster). :data:`STEM_OVERLAP` blocks on stems and compound parts and scores only
the pairs sharing two counted stems (a ``cdist`` bound).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from flueko.text import fold

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


def scorer_for(name: str | Callable) -> Callable | str:
    """The rapidfuzz scorer of ``name``, or the name :data:`STEM_OVERLAP` itself.

    Raises
    ------
    flueko.errors.ConfigError
        For a name that is neither :data:`STEM_OVERLAP` nor in :data:`SCORERS`.
    """
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
    code: dict[tuple[int, bool], tuple[str, str]] = {}
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
            code[i, part] = (ch * reps, ch * once)
            reps_of[i, int(part)] = reps
            once_of[i, int(part)] = once
    all_w, whole_w, all_c, whole_c = [], [], [], []
    length = np.zeros(n)
    start = np.zeros(n + 1, dtype=np.int64)
    ent_key: list[int] = []
    ent_part: list[bool] = []
    for t, ks in enumerate(keys):
        items = sorted((index[k], part) for k, part in ks.items())  # = by key character
        all_codes = [code[item] for item in items]
        whole_codes = [code[item] for item in items if not item[1]]
        all_w.append("".join(c[0] for c in all_codes))
        whole_w.append("".join(c[0] for c in whole_codes))
        all_c.append("".join(c[1] for c in all_codes))
        whole_c.append("".join(c[1] for c in whole_codes))
        length[t] = sum(len(c[0]) for c in whole_codes)
        ent_key.extend(i for i, _ in items)
        ent_part.extend(part for _, part in items)
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


PARALLEL_CELLS = 1_000_000  # smallest cdist (rows × cols) worth starting threads for


def _lcs(rows: list[str], cols: list[str], cutoff: int | None = None) -> np.ndarray:
    workers = -1 if len(rows) * len(cols) >= PARALLEL_CELLS else 1
    kw = {"dtype": np.int32, "score_cutoff": cutoff, "workers": workers}
    return process.cdist(rows, cols, scorer=LCSseq.similarity, **kw)


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
    bound = _lcs(
        [enc.all_c[i] for i in rows.tolist()], [enc.all_c[i] for i in cols.tolist()], cutoff=2
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
    """Score of each pair ``(a[k], b[k])`` of raw texts as the clustering sees it.

    As in :func:`~flueko.analyse.clustering.cluster_ideas`: for :data:`STEM_OVERLAP` the IDF
    weights come from ``corpus`` (raw texts: the round's ideas) plus the pair texts; the score
    is the larger of stem overlap and ``token_sort_ratio``. Other scorers: the rapidfuzz score
    of the normalised texts.
    """
    na = [normalise_for_matching(t) for t in a]
    nb = [normalise_for_matching(t) for t in b]
    fuzzy = scorer_for(scorer)
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


# --- pair finding ----------------------------------------------------------------------------


def similar_pairs(
    texts: list[str], *, threshold: float, scorer: str | Callable = STEM_OVERLAP
) -> list[tuple[int, int, int]]:
    """``(i, j, score)`` with ``i < j`` for all blocked pairs of ``texts`` scoring ≥ threshold.

    ``texts`` are already normalised and unique (for :data:`STEM_OVERLAP` they are also the
    round whose IDF weights count). Blocking: a text joins the block of each of its
    :data:`BLOCK_TOKENS` rarest tokens — for :data:`STEM_OVERLAP` its rarest
    :func:`match_keys`, compound parts included — (a token of more than :data:`MAX_BLOCK`
    texts only when the text has no rarer one); each block is scored with ``process.cdist`` in
    row chunks (:data:`CHUNK`, :data:`CHUNKS_PER_BLOCK`), ``dtype=uint8`` and
    ``score_cutoff``. :data:`STEM_OVERLAP` (the default, ``consolidate.scorer`` of
    ``params.yaml``) scores the larger of ``token_sort_ratio`` and :func:`stem_overlap_matrix`.
    """
    score = scorer_for(scorer)
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
    # a stem of this text only cannot pair it with another one: rarest first, ranked once
    order = sorted(df, key=(lambda t: (df[t] < 2, df[t], t)) if stem else (lambda t: (df[t], t)))
    rank = {t: k for k, t in enumerate(order)}
    for i, toks in enumerate(tokens):
        rarest = sorted(set(toks), key=rank.__getitem__)[:BLOCK_TOKENS]
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
    # ratio ≥ cutoff needs longer × cutoff ≤ shorter × (200 - cutoff): blocks sorted by length
    windowed = score is fuzz.ratio and 0 < cutoff <= 100
    length = np.array([len(t) for t in strings], dtype=np.int64)
    for members in blocks.values():
        if len(members) < 2:
            continue
        idx = np.asarray(members)
        idx = idx[np.argsort(length[idx], kind="stable")] if windowed else idx
        choices = [strings[i] for i in idx.tolist()]
        lens = length[idx]
        step = min(CHUNK, max(64, -(-len(members) // CHUNKS_PER_BLOCK)))
        for start in range(0, len(members), step):
            rows = choices[start : start + step]
            # only the upper triangle: compare a chunk with itself and everything after it
            cols = choices[start:]
            end = len(cols)
            if windowed:
                longest = int(lens[start : start + step].max()) * (200 - cutoff)
                end = int(np.searchsorted(lens[start:] * cutoff, longest, side="right"))
            m = np.zeros((len(rows), len(cols)), dtype=np.uint8)
            workers = -1 if len(rows) * end >= PARALLEL_CELLS else 1
            kw = {"dtype": np.uint8, "score_cutoff": cutoff, "workers": workers}
            m[:, :end] = process.cdist(rows, cols[:end], scorer=score, **kw)
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
