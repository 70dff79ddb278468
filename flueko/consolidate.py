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
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from flueko import schema
from flueko.categorise import CODING_MEASURE
from flueko.ids import measure_id
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
"""Rows per ``cdist`` call inside a block."""

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
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return " ".join(_stem(w) for w in fold(text).split() if w not in STOPWORDS)


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


def _encode(texts: list[str], keys: list[dict[str, bool]] | None = None) -> _Encoded:
    keys = match_keys(texts) if keys is None else keys
    n = len(texts)
    df = Counter(k for ks in keys for k in ks)
    top = float(np.log1p(n)) if n > 1 else 1.0
    common = max(RARE_DF, COMMON_SHARE * n)
    # per key and role (whole word / part): its weighted and its counting characters
    code: dict[tuple[str, bool], tuple[str, str]] = {}
    for i, (k, d) in enumerate(sorted(df.items())):
        w = WEIGHT_STEPS * float(np.log1p(n / d)) / top * (HAPAX_WEIGHT if d == 1 else 1.0)
        ch = _char(i)
        for part in (False, True):
            reps = max(1, round(w * (PART_WEIGHT if part else 1.0)))
            once = 0 if d > common else 2 if d <= RARE_DF and not part else 1
            code[k, part] = (ch * reps, ch * once)
    enc = _Encoded([], [], [], [], np.zeros(n))
    for t, ks in enumerate(keys):
        all_codes = sorted(code[item] for item in ks.items())
        whole_codes = sorted(code[k, False] for k, part in ks.items() if not part)
        enc.all_w.append("".join(c[0] for c in all_codes))
        enc.whole_w.append("".join(c[0] for c in whole_codes))
        enc.all_c.append("".join(c[1] for c in all_codes))
        enc.whole_c.append("".join(c[1] for c in whole_codes))
        enc.length[t] = sum(len(c[0]) for c in whole_codes)
    return enc


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


def _stem_pair(enc: _Encoded, i: int, j: int) -> float:
    """:func:`_stem_block` for one pair (``i`` ≠ ``j``)."""
    sim = LCSseq.similarity
    count = max(sim(enc.all_c[i], enc.whole_c[j]), sim(enc.whole_c[i], enc.all_c[j]))
    small, large = sorted((enc.length[i], enc.length[j]))
    if count < 2 or small <= 0:
        return 0.0
    shared = max(sim(enc.all_w[i], enc.whole_w[j]), sim(enc.whole_w[i], enc.all_w[j]))
    score = 100 * (
        COVER_SMALL * min(shared / small, 1.0) + (1 - COVER_SMALL) * min(shared / large, 1.0)
    )
    return float(np.floor(score + 1e-9))


def _add_stem_scores(
    m: np.ndarray, enc: _Encoded, rows: np.ndarray, cols: np.ndarray, *, cutoff: int
) -> None:
    """Raise ``m`` (a chunk of :func:`similar_pairs`, rows × cols) to the stem overlap where it
    reaches ``cutoff``. Only pairs sharing two counted stems (a cheap ``cdist`` of the counting
    strings, an upper bound) are scored one by one."""
    bound = process.cdist(
        [enc.all_c[i] for i in rows.tolist()],
        [enc.all_c[i] for i in cols.tolist()],
        scorer=LCSseq.similarity,
        dtype=np.int32,
        score_cutoff=2,
        workers=-1,
    )
    r, c = np.nonzero(bound)
    keep = c > r
    for a, b in zip(r[keep].tolist(), c[keep].tolist(), strict=True):
        if m[a, b] >= cutoff:
            continue
        score = _stem_pair(enc, int(rows[a]), int(cols[b]))
        if score >= cutoff:
            m[a, b] = score


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
    chunks of :data:`CHUNK` rows, ``dtype=uint8`` and ``score_cutoff``. :data:`STEM_OVERLAP`
    scores the larger of ``token_sort_ratio`` and :func:`stem_overlap_matrix`.
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
        for start in range(0, len(members), CHUNK):
            rows = choices[start : start + CHUNK]
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
                _add_stem_scores(m, enc, idx[start : start + CHUNK], idx[start:], cutoff=cutoff)
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
    votes = ideas[[schema.CARD_ID, schema.VOTES]].copy()
    votes[schema.CARD_ID] = (
        votes[schema.CARD_ID]
        .astype(object)
        .where(votes[schema.CARD_ID].notna(), ideas[schema.IDEA_ID].astype(object))
    )
    per_card = votes.groupby(schema.CARD_ID, sort=False)[schema.VOTES].max()
    per_card = per_card.dropna()
    return int(per_card.sum()) if len(per_card) else None


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
    rows = []
    keyed = df.assign(_pos=np.arange(len(df)))
    for (round_id, cluster), ideas in keyed.groupby(
        [schema.ROUND, schema.CLUSTER_ID], sort=True, dropna=False
    ):
        ideas = ideas.sort_values("_pos")
        title = _title(ideas, manual_title)
        rows.append(
            {
                schema.ROUND: round_id,
                schema.CLUSTER_ID: cluster,
                schema.FIELD: _majority_field(ideas, order),
                schema.TITLE: title,
                schema.VOTES: card_votes(ideas),
                N_IDEAS: len(ideas),
                N_GROUPS: ideas[schema.GROUP].nunique(dropna=True),
                GROUPS: _join(ideas[schema.GROUP].tolist()),
                schema.IDEA_IDS: "; ".join(ideas[schema.IDEA_ID].astype(str).tolist()),
                schema.SOURCE_FILE: _join(ideas[schema.SOURCE_FILE].tolist()),
                schema.SOURCE_SHEET: _join(ideas[schema.SOURCE_SHEET].tolist()),
                schema.SOURCE_CELL: _join(ideas[schema.SOURCE_CELL].tolist()),
            }
        )
    columns = [
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
    out = pd.DataFrame(rows, columns=[c for c in columns if c != schema.MEASURE_ID])
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


def _title(ideas: pd.DataFrame, manual_title: dict) -> str:
    for idea in ideas[schema.IDEA_ID].tolist():
        name = manual_title.get(idea)
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())
    texts = ideas[schema.TEXT].fillna("").astype(str).tolist()
    votes = [int(v) if not pd.isna(v) else -1 for v in ideas[schema.VOTES].tolist()]
    idea_ids = ideas[schema.IDEA_ID].astype(str).tolist()
    if len(texts) == 1:
        return texts[0]
    norm = [normalise_for_matching(t) for t in texts]
    sim = process.cdist(norm, norm, scorer=fuzz.token_sort_ratio, dtype=np.uint8)
    central = sim.sum(axis=1).tolist()
    best = min(range(len(texts)), key=lambda i: (-votes[i], -central[i], idea_ids[i]))
    return texts[best]


def _majority_field(ideas: pd.DataFrame, order: dict[str, int]) -> str | None:
    fields = ideas[schema.FIELD].dropna().tolist()
    if not fields:
        return None
    counts = Counter(fields)
    votes: Counter = Counter()
    for f, v in zip(ideas[schema.FIELD].tolist(), ideas[schema.VOTES].tolist(), strict=True):
        if isinstance(f, str) and not pd.isna(v):
            votes[f] += int(v)
    return min(counts, key=lambda f: (-counts[f], -votes[f], order.get(f, len(order)), f))


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
