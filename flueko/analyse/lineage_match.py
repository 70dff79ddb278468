"""German-aware matching of short workshop cards against formal measure titles (for lineage).

A card ("VKL an jeder Schule") and the measure it led to ("Vorbereitungsklassen an allen
weiterführenden Schulen einrichten") differ in length, register and word forms. Each word
becomes a *key* — folded, abbreviation expanded (:data:`ABBREVIATIONS`), umlauts flattened,
inflection and derivation suffixes stripped ("Wohnungen", "wohnen" → "wohn"), synonyms of the
taxonomy's actors read as one — and a compound is split into the keys of the round it is built
from ("Sprachkursangebote" → sprach · kurs · angebot, "Wohnungsbörse" → wohn · boers).
:func:`containment` scores how much of the card (IDF-weighted) the title contains — not a
symmetric ratio, so a short card inside a long title scores high.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from flueko.abbreviations import ABBREVIATIONS
from flueko.analyse.similarity import MATCH_IGNORE, STOPWORDS
from flueko.text import fold

_INFLECTION = ("innen", "ern", "en", "er", "es", "em", "e", "n", "s")
_DERIVATION = ("ungen", "ung", "heiten", "heit", "keiten", "keit", "lichen", "liche", "lich",
               "ische", "isch", "ieren", "iert", "ierung", "schaften", "schaft",
               "ing")  # fmt: skip
"""Derivation suffixes stripped after the inflection ("ing": the English words of refugees'
cards and of titles — "Coaching" ~ "Jobcoach")."""
_FUGEN = ("", "s", "es", "n", "en", "er", "e")
PART_MIN = 3
"""Shortest compound part (a key of the round: "bus", "amt", "job")."""
PART_SHARE = 0.85
"""Similarity of two words sharing compound parts, relative to two equal words."""
PREFIX_MIN = 6
"""Two keys beginning with the same this many letters are related ("psychosozial" ~
"psychologisch"); such a match counts :data:`PREFIX_SHARE`."""
PREFIX_SHARE = 0.6
HAPAX_WEIGHT = 0.7
"""Weight factor of a key only one text uses (it cannot be matched anyway)."""
OTHER_WEIGHT = 0.8
"""Weight factor of a key never written with a capital inside a text (verbs, adjectives)."""
CONCEPT_SHARE = 0.6
"""Similarity of two words of one concept of the taxonomy ("Kita" ~ "Kindergarten"), relative
to two equal words."""
SELF_WEIGHT = 0.8
"""Share of the card's covered weight in :func:`containment` (the rest: the title's)."""


def _flat(word: str) -> str:
    return word.replace("ae", "a").replace("oe", "o").replace("ue", "u")


@lru_cache(maxsize=65_536)
def key_of(word: str) -> str:
    """The match key of one folded word: umlauts flattened, inflection and derivation stripped.

    "wohnungen", "wohnen", "Wohnung" → "wohn"; "plaetze" → "platz"; "einstufung" → "einstuf".
    """
    w = _flat(word)
    for suf in _INFLECTION:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    for suf in _DERIVATION:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            for infl in _INFLECTION:  # "patenschaft" → "paten" → "pate"
                if w.endswith(infl) and len(w) - len(infl) >= 4:
                    return w[: -len(infl)]
            break
    return w


_WORD = re.compile(r"[a-z0-9]+")


class Matcher:
    """Keys and compound parts of a corpus (cards and titles), and IDF weights over it.

    Parameters
    ----------
    corpus
        Every text that is matched (the earlier round's cards and the later round's titles):
        its words are the lexicon compounds are split into, its documents count for IDF.
    synonyms
        Groups of words read as one (e.g. the synonyms of each actor of the taxonomy).
    abbreviations
        Further abbreviations beside :data:`ABBREVIATIONS` (folded abbreviation → words).
    stems
        Further word stems compounds may be built from (e.g. the taxonomy's keywords: "wohn",
        "miet", "unterbring").
    concepts
        Groups of words meaning the same in a dialogue (the taxonomy's ``concepts``): two words
        of one group — or compounds with such a part — are :data:`CONCEPT_SHARE` alike.
    """

    def __init__(
        self,
        corpus: list[str],
        *,
        synonyms: list[list[str]] | None = None,
        abbreviations: dict[str, str] | None = None,
        stems: list[str] | None = None,
        concepts: list[list[str]] | None = None,
    ) -> None:
        self.abbrev = {**ABBREVIATIONS, **(abbreviations or {})}
        self.canon: dict[str, str] = {}
        for group in synonyms or []:
            keys = [key_of(w) for w in group if " " not in fold(w) and len(fold(w)) >= 3]
            keys = [k for k in keys if k]
            for k in keys[1:]:
                self.canon.setdefault(k, keys[0])
        for abbr, words in self.abbrev.items():
            expanded = _WORD.findall(fold(words))
            if len(expanded) == 1 and len(key_of(abbr)) >= PART_MIN:
                self.canon.setdefault(key_of(abbr), key_of(expanded[0]))
        self.ignore = {key_of(w) for w in MATCH_IGNORE} | {key_of(w) for w in STOPWORDS}
        self.concept_of: dict[str, set[int]] = {}
        concept_words = set()
        for i, group in enumerate(concepts or []):
            for entry in group:
                single = _WORD.findall(_flat(fold(entry)))
                if len(single) != 1 or len(single[0]) < PART_MIN:
                    continue
                k = key_of(single[0])
                self.concept_of.setdefault(self.canon.get(k, k), set()).add(i)
                concept_words.add(k)
        self._concepts: dict[str, frozenset[int]] = {}
        words = [self._keys(t) for t in corpus]
        self.lexicon = {k for ws in words for k in ws if len(k) >= PART_MIN}
        # a compound may be built from an abbreviation ("Jobcoach", "GU-Bewohner")
        self.lexicon |= {key_of(a) for a in self.abbrev if len(key_of(a)) >= PART_MIN}
        for stem in [*(stems or []), *concept_words]:
            folded = _flat(fold(stem))
            if " " not in folded and len(folded) >= PART_MIN + 1:
                self.lexicon.add(key_of(folded))
        self._parts: dict[str, frozenset[str]] = {}
        # the parts compounds split into are words of the round too ("treff" of
        # "Frauentreff" splits "Treffpunkt")
        found = {p for ws in words for k in ws for p in self.parts(k) if len(p) >= 4}
        if found - self.lexicon:
            self.lexicon |= found
            self._parts = {}
        docs = [self.features(t) for t in corpus]
        df = Counter(f for d in docs for f in {p for parts in d.values() for p in parts})
        n = max(len(corpus), 1)
        nouns = self._nouns(corpus)
        self.idf = {
            f: math.log1p(n / c)
            * (HAPAX_WEIGHT if c == 1 else 1.0)
            * (1.0 if f in nouns else OTHER_WEIGHT)
            for f, c in df.items()
        }
        self._top = math.log1p(n)

    def _nouns(self, corpus: list[str]) -> set[str]:
        """Keys written with a capital letter inside a text somewhere (German nouns), with
        their parts."""
        out: set[str] = set()
        for text in corpus:
            words = re.findall(r"[^\W\d_]+", str(text or ""))
            for word in words[1:]:
                if word[:1].isupper() and not word.isupper():
                    for k in self._keys(word):
                        out |= self.parts(k)
        return out

    def _keys(self, text: str) -> list[str]:
        out = []
        for raw in _WORD.findall(fold(str(text or ""))):
            if raw in STOPWORDS:
                continue
            for word in _WORD.findall(fold(self.abbrev.get(raw, raw))):
                k = key_of(word)
                if word in STOPWORDS or k in self.ignore or len(k) < 2:
                    continue
                out.append(self.canon.get(k, k))
        return out

    def parts(self, key: str) -> frozenset[str]:
        """The key and the keys it is built from: "sprachkurs" → sprach, kurs.

        A compound splits where its head (less a linking "s", "n", "en" …) or its tail is a key
        of the lexicon; the other side needs :data:`PART_MIN` letters and is split further.
        """
        if key not in self._parts:
            self._parts[key] = frozenset({key})  # guards the recursion
            found = {key}
            split = self._best_split(key)
            if split:
                for part in split:
                    found |= self.parts(part)
            self._parts[key] = frozenset(self.canon.get(p, p) for p in found)
        return self._parts[key]

    def _best_split(self, key: str) -> tuple[str, str] | None:
        """The split of ``key`` into head and tail with the most known sides, then the
        longest known side."""
        known = self.lexicon
        best: tuple[tuple[int, int], tuple[str, str]] | None = None
        for i in range(PART_MIN, len(key) - PART_MIN + 1):
            head, tail = key[:i], key[i:]
            tail_key = key_of(tail) if key_of(tail) in known else tail
            tail_known = tail_key in known
            for fuge in _FUGEN:
                if fuge and not head.endswith(fuge):
                    continue
                stem = head[: len(head) - len(fuge)]
                if len(stem) < PART_MIN:
                    continue
                stem_key = stem if stem in known else key_of(stem)
                head_known = stem_key in known
                if not (head_known or tail_known) or len(tail) < 4:
                    continue
                if not head_known and len(stem) < 4:
                    continue
                rank = (
                    head_known + tail_known,
                    max(len(stem) if head_known else 0, len(tail) if tail_known else 0),
                )
                if best is None or rank > best[0]:
                    best = (rank, (stem_key, tail_key))
        return best[1] if best else None

    def concepts(self, key: str) -> frozenset[int]:
        """The concepts ``key`` or one of its compound parts belongs to."""
        if key not in self._concepts:
            found: set[int] = set()
            for part in self.parts(key):
                found |= self.concept_of.get(part, set())
            self._concepts[key] = frozenset(found)
        return self._concepts[key]

    def features(self, text: str) -> dict[str, frozenset[str]]:
        """Per key of ``text`` its parts (the key itself included)."""
        return {k: self.parts(k) for k in self._keys(text)}

    def weight(self, feature: str) -> float:
        """IDF weight of a key or part (unseen: the highest)."""
        return self.idf.get(feature, self._top)

    def _word_sim(self, key: str, parts: frozenset[str], other: dict) -> float:
        if key in other:
            return 1.0
        best = 0.0
        own = sum(self.weight(p) for p in parts if p != key) or self.weight(key)
        mine = self.concepts(key)
        for okey, oparts in other.items():
            if best < CONCEPT_SHARE and mine & self.concepts(okey):
                best = CONCEPT_SHARE
            shared = (parts & oparts) - {key, okey} | ({key} & oparts) | ({okey} & parts)
            if shared:
                cover = min(sum(self.weight(p) for p in shared) / own, 1.0)
                best = max(best, PART_SHARE * cover)
            elif len(key) >= PREFIX_MIN and key[:PREFIX_MIN] == okey[:PREFIX_MIN]:
                best = max(best, PREFIX_SHARE)
        return best

    def _cover(self, a: dict, b: dict) -> float:
        total = sum(self.weight(k) for k in a)
        if not total:
            return 0.0
        return sum(self.weight(k) * self._word_sim(k, p, b) for k, p in a.items()) / total

    def containment(self, card: str, title: str) -> float:
        """How much of ``card`` (0–100) ``title`` contains, with a share of the reverse."""
        a, b = self.features(card), self.features(title)
        if not a or not b:
            return 0.0
        return 100 * (SELF_WEIGHT * self._cover(a, b) + (1 - SELF_WEIGHT) * self._cover(b, a))

    def matrix(self, cards: list[str], titles: list[str]) -> np.ndarray:
        """:func:`containment` of every card (rows) in every title (columns)."""
        fa = [self.features(c) for c in cards]
        fb = [self.features(t) for t in titles]
        ca = [frozenset().union(*(self.concepts(k) for k in a)) for a in fa]
        cb = [frozenset().union(*(self.concepts(k) for k in b)) for b in fb]
        out = np.zeros((len(cards), len(titles)))
        for i, a in enumerate(fa):
            if not a:
                continue
            total_a = sum(self.weight(k) for k in a)
            for j, b in enumerate(fb):
                shared = set().union(*a.values()) & set().union(*b.values())
                if not b or (
                    not shared
                    and not ca[i] & cb[j]
                    and not any(k[:PREFIX_MIN] == o[:PREFIX_MIN] for k in a for o in b)
                ):
                    continue
                cover_a = sum(self.weight(k) * self._word_sim(k, p, b) for k, p in a.items())
                out[i, j] = 100 * (
                    SELF_WEIGHT * cover_a / total_a + (1 - SELF_WEIGHT) * self._cover(b, a)
                )
        return out
