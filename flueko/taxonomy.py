"""The editable taxonomy: Handlungsfelder, Leitfragen and Akteure with their German labels.

The defaults live in ``flueko/resources/taxonomy.yaml``; an office overrides them with
``data/raw/taxonomy.yaml`` (loaded through :func:`flueko.config.load_settings`). Everything here
is pure: a :class:`Taxonomy` is built from a plain dict by :func:`taxonomy_from_dict`; the
labels and key lookups take it as an argument. Matching free text against it (keyword stems,
group names, headings, actors) is :mod:`flueko.taxonomy_match`.

A field's keyword and exclude stems are written as in :func:`parse_stem`: ``^stem`` matches
only at the start of a word, ``stem$`` only at its end, a trailing ``!`` doubles the weight.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flueko import schema
from flueko.errors import ConfigError
from flueko.text import fold


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
    concepts: tuple[Category, ...] = ()
    """Groups of words meaning the same in a dialogue (``synonyms``: the words), for lineage."""

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
        concepts=_categories(d, "concepts", with_keywords=False) if d.get("concepts") else (),
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


# --- stems --------------------------------------------------------------------------------


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


# --- labels and keys -----------------------------------------------------------------------


def field_labels(tax: Taxonomy) -> dict[str, str]:
    """Field key → German label, in taxonomy order."""
    return {c.key: c.label for c in tax.fields}


def question_labels(tax: Taxonomy) -> dict[str, str]:
    """Question key → full Leitfrage text, in order."""
    return {c.key: c.label for c in tax.questions}


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
