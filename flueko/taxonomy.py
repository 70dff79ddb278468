"""The editable taxonomy: Handlungsfelder, Leitfragen and Akteure with their German labels.

The defaults live in ``flueko/resources/taxonomy.yaml``; an office overrides them with
``data/raw/taxonomy.yaml`` (loaded through :func:`flueko.config.load_settings`). Everything here
is pure: a :class:`Taxonomy` is built from a plain dict by :func:`taxonomy_from_dict` and the
matching functions take it as an argument.

Keyword stems are matched on :func:`fold`-ed text (casefolded, umlauts spelled out, only
letters, digits and single spaces). A stem matches at the start of a word and inside compounds
("wohn" → "Sozialwohnungen"); a stem written as ``^stem`` only at the start of a word
("^arbeit" → "Arbeitgeber", not "Zusammenarbeit"). Words containing an ``exclude`` stem of a
field do not count for that field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from flueko import schema
from flueko.errors import ConfigError
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


@dataclass(frozen=True)
class Category:
    """One entry of the taxonomy (a field, a question or an actor)."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """Fields, questions and actors, each an ordered tuple of :class:`Category`."""

    fields: tuple[Category, ...]
    questions: tuple[Category, ...]
    actors: tuple[Category, ...]

    @property
    def field_keys(self) -> tuple[str, ...]:
        """Field keys in taxonomy order."""
        return tuple(c.key for c in self.fields)

    @property
    def question_keys(self) -> tuple[str, ...]:
        """Question keys in taxonomy order (their position is their number 1-5)."""
        return tuple(c.key for c in self.questions)


# --- building ------------------------------------------------------------------------------


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return (str(value),)
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise ConfigError(
            f"'{where}' muss eine Liste von Texten sein",
            file="taxonomy.yaml",
            hint="Schreibweise: [Wort1, Wort2] oder eine Zeile '- Wort' je Eintrag",
        )
    return tuple(str(v).strip() for v in value if str(v).strip())


def _categories(d: Mapping[str, Any], section: str, *, with_keywords: bool) -> tuple:
    raw = d.get(section)
    if not isinstance(raw, Mapping) or not raw:
        raise ConfigError(
            f"Abschnitt '{section}' fehlt oder ist leer",
            file="taxonomy.yaml",
            hint=f"'{section}:' mit je einem Schlüssel und 'label:' darunter anlegen",
        )
    out = []
    for key, spec in raw.items():
        where = f"{section}.{key}"
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise ConfigError(
                f"'{where}': Schlüssel müssen aus Kleinbuchstaben, Ziffern und _ bestehen",
                file="taxonomy.yaml",
            )
        if not isinstance(spec, Mapping):
            raise ConfigError(
                f"'{where}' muss 'label:' und 'synonyms:' enthalten", file="taxonomy.yaml"
            )
        label = spec.get("label")
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(
                f"'{where}.label' fehlt", file="taxonomy.yaml", hint="deutsche Bezeichnung angeben"
            )
        keywords = _str_list(spec.get("keywords"), f"{where}.keywords") if with_keywords else ()
        exclude = _str_list(spec.get("exclude"), f"{where}.exclude") if with_keywords else ()
        for stem in keywords + exclude:
            if not parse_stem(stem)[0]:
                raise ConfigError(f"'{where}': leerer Wortstamm '{stem}'", file="taxonomy.yaml")
        out.append(
            Category(
                key=key,
                label=label.strip(),
                synonyms=_str_list(spec.get("synonyms"), f"{where}.synonyms"),
                keywords=keywords,
                exclude=exclude,
            )
        )
    return tuple(out)


def taxonomy_from_dict(d: Mapping[str, Any]) -> Taxonomy:
    """Build and validate a :class:`Taxonomy` from the parsed ``taxonomy.yaml``.

    Raises
    ------
    ConfigError
        Naming the offending key when a section, label or list is missing or malformed, or a
        default field / Leitfrage of :mod:`flueko.schema` is absent.
    """
    if not isinstance(d, Mapping):
        raise ConfigError("taxonomy.yaml muss Abschnitte 'fields', 'questions', 'actors' haben")
    tax = Taxonomy(
        fields=_categories(d, "fields", with_keywords=True),
        questions=_categories(d, "questions", with_keywords=False),
        actors=_categories(d, "actors", with_keywords=False),
    )
    missing = [k for k in schema.FIELDS if k not in tax.field_keys]
    if missing:
        raise ConfigError(
            f"'fields': Handlungsfeld '{missing[0]}' fehlt",
            file="taxonomy.yaml",
            hint="die Standardfelder dürfen umbenannt (label), aber nicht entfernt werden",
        )
    if tax.question_keys != schema.QUESTIONS:
        raise ConfigError(
            "'questions': genau die fünf Leitfragen in ihrer Reihenfolge erwartet: "
            + ", ".join(schema.QUESTIONS),
            file="taxonomy.yaml",
        )
    return tax


def default_taxonomy() -> Taxonomy:
    """The packaged taxonomy (``flueko/resources/taxonomy.yaml``)."""
    from flueko.config import resource_yaml

    return taxonomy_from_dict(resource_yaml("taxonomy.yaml"))


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


def parse_stem(stem: str) -> tuple[str, str, int]:
    """``(plain stem, regex on folded text, weight)`` for a taxonomy stem like ``^deutsch$!``."""
    s = stem.strip()
    weight = 1
    if s.endswith("!"):
        s, weight = s[:-1], 2
    start = s.startswith("^")
    end = s.endswith("$")
    plain = fold(s.strip("^$"))
    body = r"\s+".join(map(re.escape, plain.split()))
    pattern = (r"(?<![a-z0-9])" if start else "") + body + (r"(?![a-z0-9])" if end else "")
    return plain, pattern, weight


def _stem_pattern(stem: str) -> str:
    return parse_stem(stem)[1]


def _compiled(tax: Taxonomy) -> dict[str, tuple[list[tuple[str, re.Pattern]], re.Pattern | None]]:
    cache = _PATTERN_CACHE.get(id(tax))
    if cache is not None and cache[0] is tax:
        return cache[1]
    out = {}
    for cat in tax.fields:
        kws = []
        for s in cat.keywords:
            plain, pattern, weight = parse_stem(s)
            kws.append((plain, re.compile(pattern), weight))
        excl = re.compile("|".join(_stem_pattern(s) for s in cat.exclude)) if cat.exclude else None
        out[cat.key] = (kws, excl)
    _PATTERN_CACHE[id(tax)] = (tax, out)
    return out


_PATTERN_CACHE: dict[int, tuple[Taxonomy, dict]] = {}


def _word_spans(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", folded)]


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
    words = _word_spans(folded)
    starts = [s for s, _ in words]
    result: dict[str, list[str]] = {}
    for key, (kws, excl) in _compiled(tax).items():
        excluded_words: set[int] = set()
        if excl is not None:
            for m in excl.finditer(folded):
                excluded_words.update(_words_touched(starts, words, m.start(), m.end()))
        hits: dict[int, tuple[int, str]] = {}
        for stem, pat, _ in kws:
            for m in pat.finditer(folded):
                w = _word_index(starts, m.start())
                if w in excluded_words or w in hits:
                    continue
                hits[w] = (m.start(), stem)
        if hits:
            stems: list[str] = []
            for _, stem in sorted(hits.values()):
                if stem not in stems:
                    stems.append(stem)
            result[key] = stems
    return result


def field_scores(text: str, tax: Taxonomy) -> dict[str, int]:
    """Weighted number of words of ``text`` matching each field's stems (0 left out).

    Each word counts once per field, with the largest weight of its matching stems (1, or 2
    for stems marked ``!``).
    """
    folded = fold(text)
    if not folded:
        return {}
    words = _word_spans(folded)
    starts = [s for s, _ in words]
    scores: dict[str, int] = {}
    for key, (kws, excl) in _compiled(tax).items():
        excluded: set[int] = set()
        if excl is not None:
            for m in excl.finditer(folded):
                excluded.update(_words_touched(starts, words, m.start(), m.end()))
        weights: dict[int, int] = {}
        for _, pat, weight in kws:
            for m in pat.finditer(folded):
                w = _word_index(starts, m.start())
                if w not in excluded:
                    weights[w] = max(weight, weights.get(w, 0))
        n = sum(weights.values())
        if n:
            scores[key] = n
    return scores


def _word_index(starts: list[int], pos: int) -> int:
    from bisect import bisect_right

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


def field_labels(tax: Taxonomy) -> dict[str, str]:
    """Field key → German label, in taxonomy order."""
    return {c.key: c.label for c in tax.fields}


def question_labels(tax: Taxonomy) -> dict[str, str]:
    """Question key → full Leitfrage text, in order."""
    return {c.key: c.label for c in tax.questions}


def actor_labels(tax: Taxonomy) -> dict[str, str]:
    """Actor key → German label."""
    return {c.key: c.label for c in tax.actors}


def resolve_key(value: str, categories: tuple[Category, ...]) -> str | None:
    """The key for ``value`` given as key, label or synonym (case/umlaut-insensitive), or None."""
    f = fold(value)
    if not f:
        return None
    for cat in categories:
        if f == fold(cat.key) or f == cat.key.replace("_", " ") or f == fold(cat.label):
            return cat.key
    for cat in categories:
        if any(f == fold(s) for s in cat.synonyms):
            return cat.key
    return None
