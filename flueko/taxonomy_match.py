"""Matching free text against the taxonomy: keyword stems, group names, headings, actors.

Pure functions that take a :class:`~flueko.taxonomy.Taxonomy` as an argument. Keyword stems
(:func:`~flueko.taxonomy.parse_stem`) are matched on :func:`fold`-ed text (casefolded, umlauts
spelled out, only letters, digits and single spaces). A stem matches at the start of a word and
inside compounds ("wohn" → "Sozialwohnungen"); a stem written as ``^stem`` only at the start of
a word ("^arbeit" → "Arbeitgeber", not "Zusammenarbeit"). Words containing an ``exclude`` stem
of a field do not count for that field.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Any, NamedTuple

import pandas as pd
from rapidfuzz import fuzz

from flueko.taxonomy import Taxonomy, parse_stem
from flueko.text import fold

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"}

QUESTION_MATCH_THRESHOLD = 85
"""Minimum rapidfuzz score (0-100) for a heading to count as a paraphrase of a Leitfrage."""

_GROUP_PREFIXES = (
    "arbeitskreis",
    "arbeitsgruppe",
    "themengruppe",
    "themenfeld",
    "handlungsfeld",
    "workshop",
    "gruppe",
    "tisch",
    "thementisch",
    "ak",
    "ag",
    "wg",
)


# --- text folding --------------------------------------------------------------------------


def _fold_char(ch: str) -> str:
    low = ch.casefold()
    out = []
    for c in low:
        if c in _UMLAUTS:
            out.append(_UMLAUTS[c])
            continue
        base = "".join(b for b in unicodedata.normalize("NFKD", c) if not unicodedata.combining(b))
        out.append("".join(b if b.isalnum() else " " for b in base.casefold()) or " ")
    return "".join(out)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Like :func:`fold` without collapsing spaces, plus for each folded char its source index."""
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(str(text)):
        for f in _fold_char(c):
            chars.append(f)
            index.append(i)
    return "".join(chars), index


def _missing(value: Any) -> bool:
    if value is None:
        return True
    return not isinstance(value, str) and bool(pd.isna(value))


# --- keyword matching ----------------------------------------------------------------------


def _stem_pattern(stem: str) -> str:
    return parse_stem(stem)[1]


_WORD_RE = re.compile(r"[a-z0-9]+")


class _WordHits(NamedTuple):
    """The one-word stems matching one word, per field index."""

    best: dict[int, tuple[int, int, str]]
    """field → (largest weight, start of the first stem's match, first stem in keyword order)"""
    stems: dict[int, tuple[int, ...]]
    """field → indexes of the matching keyword stems"""
    excluded: frozenset[int]
    """fields whose one-word exclude stems match"""


class _Matcher:
    """The compiled keyword and exclude stems of one taxonomy, matched word by word.

    A stem within one word (plain text of letters and digits only: nearly all of them) can
    only match inside a single word of the folded text, and whether and where it matches
    there depends on that word alone — so these stems are searched once per distinct word
    (cached). A text of plain ASCII words without a stem spanning words is scored from its
    words' cached results; any other text runs the regexes of the stems found in its words
    (and of the multi-word stems occurring in it) over the whole text. Both give exactly what
    running every stem's regex over the text gives.
    """

    def __init__(self, tax: Taxonomy) -> None:
        self.fields: list[tuple[str, list[tuple[str, re.Pattern, int]], re.Pattern | None]] = []
        self.word_kw: list[tuple[str, re.Pattern, int, int, int]] = []  # plain, re, field, k, w
        self.word_ex: list[tuple[str, re.Pattern, int]] = []  # plain, re, field
        self.span_kw: list[tuple[str, int, int]] = []  # plain, field, k
        self.span_ex: list[tuple[str, int]] = []  # plain, field
        for f, cat in enumerate(tax.fields):
            kws = []
            for k, s in enumerate(cat.keywords):
                plain, pattern, weight = parse_stem(s)
                pat = re.compile(pattern)
                kws.append((plain, pat, weight))
                if _WORD_RE.fullmatch(plain):
                    self.word_kw.append((plain, pat, f, k, weight))
                else:
                    self.span_kw.append((plain, f, k))
            excl = None
            if cat.exclude:
                excl = re.compile("|".join(_stem_pattern(s) for s in cat.exclude))
                for s in cat.exclude:
                    plain, pattern, _ = parse_stem(s)
                    if _WORD_RE.fullmatch(plain):
                        self.word_ex.append((plain, re.compile(pattern), f))
                    else:
                        self.span_ex.append((plain, f))
            self.fields.append((cat.key, kws, excl))
        self._words: dict[str, _WordHits] = {}

    def _word(self, word: str) -> _WordHits:
        """What the one-word stems find in ``word`` (see :class:`_WordHits`)."""
        hit = self._words.get(word)
        if hit is None:
            found: dict[int, list[tuple[int, int, int]]] = {}
            for plain, pat, f, k, weight in self.word_kw:
                if plain in word and (m := pat.search(word)) is not None:
                    found.setdefault(f, []).append((k, m.start(), weight))
            hit = _WordHits(
                {
                    f: (max(m[2] for m in ms), ms[0][1], self.fields[f][1][ms[0][0]][0])
                    for f, ms in found.items()
                },
                {f: tuple(m[0] for m in ms) for f, ms in found.items()},
                frozenset(
                    f for plain, pat, f in self.word_ex if plain in word and pat.search(word)
                ),
            )
            if len(self._words) >= _TEXT_CACHE:
                self._words.clear()
            self._words[word] = hit
        return hit

    def scan(self, folded: str) -> list[tuple[str, dict[int, int], dict[int, tuple[int, str]]]]:
        """Per field with a match: key, word → largest weight, word → (start, first stem)."""
        tokens = folded.split(" ")
        words = self._words
        infos = [words.get(t) or self._word(t) for t in tokens]
        span_kw = [(f, k) for plain, f, k in self.span_kw if plain in folded]
        span_ex = {f for plain, f in self.span_ex if plain in folded}
        if folded.isascii() and not span_kw and not span_ex:  # words = tokens
            out = self._from_words(tokens, infos)
        else:
            out = self._from_regex(folded, infos, span_kw, span_ex)
        return out

    def _from_words(self, tokens: list[str], infos: list[_WordHits]) -> list:
        per_field: dict[int, tuple[dict[int, int], dict[int, tuple[int, str]]]] = {}
        start = 0
        for w, (token, info) in enumerate(zip(tokens, infos, strict=True)):
            if info.best:
                excluded = info.excluded
                for f, (weight, offset, stem) in info.best.items():
                    if f in excluded:
                        continue
                    found = per_field.get(f)
                    if found is None:
                        found = per_field[f] = ({}, {})
                    found[0][w] = weight
                    found[1][w] = (start + offset, stem)
            start += len(token) + 1
        return [(self.fields[f][0], *per_field[f]) for f in sorted(per_field)]

    def _from_regex(self, folded: str, infos: list[_WordHits], span_kw: list, span_ex: set) -> list:
        per_field: dict[int, set[int]] = {}
        cand_ex = set(span_ex)
        for info in infos:
            for f, ks in info.stems.items():
                per_field.setdefault(f, set()).update(ks)
            cand_ex.update(info.excluded)
        for f, k in span_kw:
            per_field.setdefault(f, set()).add(k)
        out = []
        if not per_field:
            return out
        words = _word_spans(folded)
        starts = [s for s, _ in words]
        for f in sorted(per_field):
            key, kws, excl = self.fields[f]
            excluded_words: set[int] = set()
            if excl is not None and f in cand_ex:
                for m in excl.finditer(folded):
                    excluded_words.update(_words_touched(starts, words, m.start(), m.end()))
            weights: dict[int, int] = {}
            hits: dict[int, tuple[int, str]] = {}
            for k in sorted(per_field[f]):
                stem, pat, weight = kws[k]
                for m in pat.finditer(folded):
                    w = _word_index(starts, m.start())
                    if w in excluded_words:
                        continue
                    weights[w] = max(weight, weights.get(w, 0))
                    if w not in hits:
                        hits[w] = (m.start(), stem)
            if weights:
                out.append((key, weights, hits))
        return out


_TEXT_CACHE = 200_000
"""Words whose matches a :class:`_Matcher` keeps (emptied when full)."""


def _matcher(tax: Taxonomy) -> _Matcher:
    cache = _PATTERN_CACHE.get(id(tax))
    if cache is not None and cache[0] is tax:
        return cache[1]
    matcher = _Matcher(tax)
    _PATTERN_CACHE[id(tax)] = (tax, matcher)
    return matcher


_PATTERN_CACHE: dict[int, tuple[Taxonomy, _Matcher]] = {}


def _word_spans(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD_RE.finditer(folded)]


def match_field_terms(text: str, tax: Taxonomy) -> dict[str, list[str]]:
    """Keyword stems of each field found in ``text``.

    Returns
    -------
    dict
        field key → matched stems in order of first occurrence (fields without a match are
        left out). A word counts at most once per field: "Mietwohnung" gives ``["miet"]``.
    """
    folded = fold(text)
    if not folded:
        return {}
    return {key: _terms(hits) for key, _, hits in _matcher(tax).scan(folded)}


def _terms(hits: dict[int, tuple[int, str]]) -> list[str]:
    stems: list[str] = []
    for _, stem in sorted(hits.values()):
        if stem not in stems:
            stems.append(stem)
    return stems


def field_scores(text: str, tax: Taxonomy) -> dict[str, int]:
    """Weighted number of words of ``text`` matching each field's stems (0 left out).

    Each word counts once per field, with the largest weight of its matching stems (1, or 2
    for stems marked ``!``).
    """
    folded = fold(text)
    if not folded:
        return {}
    return {key: sum(weights.values()) for key, weights, _ in _matcher(tax).scan(folded)}


def field_matches(text: str, tax: Taxonomy) -> tuple[dict[str, int], dict[str, list[str]]]:
    """:func:`field_scores` and :func:`match_field_terms` of ``text`` in one pass."""
    folded = fold(text)
    if not folded:
        return {}, {}
    found = _matcher(tax).scan(folded)
    return (
        {key: sum(weights.values()) for key, weights, _ in found},
        {key: _terms(hits) for key, _, hits in found},
    )


def field_hits(text: str, tax: Taxonomy) -> list[tuple[str, int, dict[int, tuple[int, str]]]]:
    """Per field with a match (taxonomy order): key, :func:`field_scores` score and the hits
    that :func:`terms_of` turns into that field's :func:`match_field_terms` stems."""
    folded = fold(text)
    if not folded:
        return []
    return [(key, sum(weights.values()), hits) for key, weights, hits in _matcher(tax).scan(folded)]


terms_of = _terms


def _word_index(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1


def _words_touched(starts, words, start: int, end: int) -> set[int]:
    first = _word_index(starts, start)
    out = set()
    for i in range(first, len(words)):
        if words[i][0] >= end:
            break
        out.add(i)
    return out


# --- groups, headings, actors --------------------------------------------------------------


def _strip_group_prefix(folded: str) -> str:
    words = folded.split()
    while words and words[0] in _GROUP_PREFIXES:
        words = words[1:]
    # "AK 1 Wohnen" / "Gruppe A: Wohnen"
    while words and (words[0].isdigit() or len(words[0]) == 1):
        words = words[1:]
    return " ".join(words)


def field_for_group(group_name: str, tax: Taxonomy) -> str | None:
    """The field a working group or heading stands for ("AK Wohnen" → ``"wohnen"``), or None.

    Tries, in order: the name (without "AK"/"Arbeitskreis"/"Workshop" …) equals a label or
    synonym; a label or synonym occurs in it as whole words (the earliest one wins); the
    field whose keyword stems match first.
    """
    if _missing(group_name):
        return None
    folded = fold(group_name)
    core = _strip_group_prefix(folded)
    if not core:
        return None
    names: list[tuple[str, str]] = []
    for cat in tax.fields:
        for name in (cat.label, cat.key, *cat.synonyms):
            f = fold(name)
            if f:
                names.append((f, cat.key))
    for f, key in names:
        if core == f or core == _strip_group_prefix(f):
            return key
    best: tuple[int, int, str] | None = None
    for f, key in names:
        f = _strip_group_prefix(f) or f
        m = re.search(r"(?<![a-z0-9])" + re.escape(f) + r"(?![a-z0-9])", core)
        if m:
            cand = (m.start(), -len(f), key)
            if best is None or cand < best:
                best = cand
    if best is not None:
        return best[2]
    terms = match_field_terms(core, tax)
    if not terms:
        return None
    first: tuple[int, str] | None = None
    for key, stems in terms.items():
        pos = min(core.find(fold(s)) for s in stems if core.find(fold(s)) >= 0)
        if first is None or (pos, key) < first:
            first = (pos, key)
    return first[1] if first else None


_NUMBER_RE = re.compile(r"^(?:leit\s*)?(?:frage|f|nr|nummer)?\s*([1-9])(?:\s+|$)(.*)$")


def question_for_heading(text: str, tax: Taxonomy) -> str | None:
    """The Leitfrage key a column heading or card heading stands for, or None.

    Understands numbers ("Frage 3", "3.", "Leitfrage 2:", "3 Was können wir tun" — the number
    wins), the full or shortened Leitfrage text and the taxonomy's synonyms ("Probleme",
    "Einflussbereich", "Kommunen vorschlagen"), matched with rapidfuzz at
    :data:`QUESTION_MATCH_THRESHOLD`. A long text that merely mentions a synonym is not a
    heading.
    """
    if _missing(text):
        return None
    folded = fold(text)
    if not folded:
        return None
    keys = tax.question_keys
    m = _NUMBER_RE.match(folded)
    if m:
        n = int(m.group(1))
        if 1 <= n <= len(keys):
            return keys[n - 1]
    best_key, best_score, second = None, 0.0, 0.0
    for cat in tax.questions:
        score = 0.0
        for i, name in enumerate((cat.label, *cat.synonyms)):
            cand = fold(name)
            if not cand:
                continue
            s = fuzz.ratio(folded, cand)
            if len(folded) <= len(cand):
                # a shortened form: all of the heading found in the candidate
                if len(folded) >= 6:
                    s = max(s, fuzz.partial_ratio(folded, cand) * (0.97 if i else 1.0))
            elif len(folded) <= 1.6 * len(cand) + 8:
                # heading = candidate plus a few words ("Frage: Wo sind die Probleme …?")
                s = max(s, fuzz.partial_ratio(cand, folded) * 0.98)
            score = max(score, s)
        if score > best_score:
            best_key, second, best_score = cat.key, best_score, score
        elif score > second:
            second = score
    if best_score >= QUESTION_MATCH_THRESHOLD and best_score - second >= 3:
        return best_key
    return None


_ACTOR_STOP = {
    "und",
    "sowie",
    "die",
    "der",
    "das",
    "den",
    "alle",
    "mit",
    "ggf",
    "evtl",
    "u",
    "a",
    "oder",
    "bzw",
}


def normalise_actor(text: str, tax: Taxonomy) -> str:
    """Canonical actor labels found in a "verantwortlich"/"Partner" cell, joined with "; ".

    The cell is split at commas, semicolons, slashes, "+", "&", line breaks, "und", "sowie",
    "oder". A part that consists only of known actors (labels or synonyms, e.g. "LRA",
    "Arbeitsagentur", "Helferkreise") becomes their labels; any other part is kept as written
    ("LRA / Firma Müller" → "Landratsamt; Firma Müller"). Order follows the text, duplicates
    are dropped.
    """
    if _missing(text):
        return ""
    raw = " ".join(str(text).split())
    folded, index = fold_with_map(raw)
    names: list[tuple[str, str]] = []
    for cat in tax.actors:
        for name in (cat.label, *cat.synonyms):
            f = fold(name)
            if f:
                names.append((f, cat.label))
    names.sort(key=lambda p: -len(p[0]))
    owner: list[int] = [-1] * len(raw)  # raw char -> index into matches
    matches: list[tuple[int, int, str]] = []
    taken = [False] * len(folded)
    for f, label in names:
        body = r"\s+".join(map(re.escape, f.split()))
        pat = re.compile(r"(?<![a-z0-9])" + body + r"(?![a-z0-9])")
        for m in pat.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            lo, hi = index[m.start()], index[m.end() - 1] + 1
            matches.append((lo, hi, label))
            owner[lo:hi] = [len(matches) - 1] * (hi - lo)
    out: list[str] = []
    for piece in _split_actor_parts(raw, owner):
        covered = {owner[i] for i in range(piece[0], piece[1]) if owner[i] >= 0}
        leftover = "".join(
            c if owner[piece[0] + k] < 0 else " " for k, c in enumerate(raw[piece[0] : piece[1]])
        )
        rest = [w for w in fold(leftover).split() if w not in _ACTOR_STOP]
        if covered and not rest:
            labels = [matches[i][2] for i in sorted(covered, key=lambda i: matches[i][0])]
        else:
            words = raw[piece[0] : piece[1]].split()
            while words and fold(words[0]) in _ACTOR_STOP:
                words = words[1:]
            cleaned = " ".join(words).strip(" .-–:")
            labels = [cleaned] if fold(cleaned) else []
        for label in labels:
            if label not in out:
                out.append(label)
    return "; ".join(out)


_ACTOR_SPLIT = re.compile(r"[,;/+&\n]|(?<!\w)(?:und|sowie|oder|bzw\.?)(?!\w)", re.IGNORECASE)


def _split_actor_parts(raw: str, owner: list[int]) -> list[tuple[int, int]]:
    parts, start = [], 0
    for m in _ACTOR_SPLIT.finditer(raw):
        if owner[m.start()] >= 0:  # inside a known name ("Industrie- und Handelskammer")
            continue
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(raw)))
    return [(a, b) for a, b in parts if raw[a:b].strip()]
