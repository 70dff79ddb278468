"""Header vocabulary: the words that say what kind a sheet is and what each column holds.

The words live in ``flueko/resources/vocabulary.yaml`` (one section per column role); an office
overrides them with ``data/raw/vocabulary.yaml`` or ``data/raw/<round>/vocabulary.yaml``, loaded
through :func:`flueko.config.load_settings`. :func:`load_vocabulary` builds the
:class:`Vocabulary` of a round once; functions called without a round use
:func:`default_vocabulary` (the packaged file). Entries are folded when loaded, so an office may
write "Maßnahme" or "Pkt." as well as "massnahme" or "pkt". How each list is matched is
described in the YAML file and in :mod:`flueko.ingest.detect` / :mod:`flueko.ingest.ratings`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flueko.config import Workspace, load_settings, resource_yaml
from flueko.errors import ConfigError
from flueko.text import fold, fold_chars

VOCABULARY_FILE = "vocabulary.yaml"

HEADER_ROLES: tuple[str, ...] = (
    "measure_id",
    "number",
    "cost_min",
    "cost_max",
    "cost",
    "title",
    "rater",
    "criterion",
    "rating",
    "impact",
    "effort",
    "urgency",
    "feasibility",
    "responsible",
    "partners",
    "timeframe",
    "field",
    "goal",
    "status",
    "progress",
    "indicator",
    "reason",
    "idea_ids",
)
"""Column roles of rating sheets and plans, in the order a header is tried (more specific
first: "Kosten von" is ``cost_min`` before it is ``cost``)."""

PLAN_ROLES: tuple[str, ...] = ("status", "progress", "goal", "number", "responsible", "partners")
"""Roles whose ``words`` count as plan columns when the sheet kind is decided."""

SECTIONS: dict[str, tuple[str, ...]] = {
    "text": ("words", "weak_words"),
    "votes": ("words", "compound_endings", "symbols"),
    "question": ("words",),
    "group": ("words", "name_prefixes", "not_names"),
    **{role: ("headers",) for role in HEADER_ROLES},
    **{role: ("words", "headers") for role in ("title", "impact", "effort")},
    "rater": ("words", "headers", "institutions"),
    "field": ("headers", "section_prefixes"),
    **{role: ("words", "headers") for role in PLAN_ROLES},
    "number": ("words", "headers", "keys"),
    "survey_group": ("words",),
    "survey_metadata": ("headers",),
    "contacts": ("words",),
    "codebook_id": ("words",),
    "sheet_names": ("summary", "generic", "generic_prefixes"),
    "totals": ("words",),
    "notes": ("labels",),
}
"""Section → the lists it may hold (anything else in the file is an error)."""


def header_key(text: str) -> str:
    """A header text folded for matching column headers: no scale hint in brackets, no gender
    ending, no punctuation ("Bewerter/in (Kürzel)" → "bewerter")."""
    text = fold_chars(" ".join(text.split()))
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    text = re.sub(r"[/:*_]\s*(?:in|innen)\b", "", text)
    text = re.sub(r"[^a-z0-9ø]+", " ", text)
    return " ".join(text.split())


def fold_word(text: str) -> str:
    """A word folded for the ``words`` lists (see :func:`flueko.text.fold`; ``_`` is kept)."""
    return fold(text, keep="_")


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The header words in force for a round, folded (see ``resources/vocabulary.yaml``).

    Attributes
    ----------
    text, weak_text, question, votes, group
        Words of the card-sheet columns; ``votes`` are whole words, ``vote_endings`` end vote
        compounds ("Gesamtpunkte"), ``vote_symbols`` are whole headers as written ("#").
    number
        Words of a numbering column ("Nr.", "Karte Nr.", "lfd. Nummer"): never votes, never text.
    group_prefixes, not_group_names
        Words that start a working-group name ("AK Wohnen"), and first words after them that
        name no group (the text words included).
    measure, impact, effort, rater, plan, survey_group, codebook_id
        Words that decide the kind of a sheet (``plan``: the words of :data:`PLAN_ROLES`).
    survey_metadata
        Headers (as :func:`header_key`) of the metadata columns survey tools add to each
        response ("Antwort ID", "Zeitstempel", "CASE"): evidence of a survey export.
    contacts
        Words of the columns of participant and contact lists ("Vorname", "E-Mail",
        "Unterschrift"): two of them make a sheet personal data that is never read.
    headers
        Column role → header texts of rating sheets and plans, in :data:`HEADER_ROLES` order.
    summary_sheets
        Whole (folded) sheet names of summaries and charts.
    totals
        First words of a totals row.
    group_name_re, group_title_re, generic_sheet_re
        Compiled from the prefixes: a header naming one group, a group named inside a title,
        a sheet name that names no group.
    """

    text: tuple[str, ...]
    weak_text: tuple[str, ...]
    question: tuple[str, ...]
    votes: tuple[str, ...]
    vote_endings: tuple[str, ...]
    vote_symbols: tuple[str, ...]
    number: tuple[str, ...]
    group: tuple[str, ...]
    group_prefixes: tuple[str, ...]
    not_group_names: frozenset[str]
    measure: tuple[str, ...]
    impact: tuple[str, ...]
    effort: tuple[str, ...]
    rater: tuple[str, ...]
    plan: tuple[str, ...]
    survey_group: tuple[str, ...]
    survey_metadata: tuple[str, ...]
    contacts: tuple[str, ...]
    codebook_id: tuple[str, ...]
    headers: Mapping[str, tuple[str, ...]]
    summary_sheets: tuple[str, ...]
    totals: frozenset[str]
    group_name_re: re.Pattern
    group_title_re: re.Pattern
    generic_sheet_re: re.Pattern
    institutions: tuple[str, ...] = ()
    """Rater labels that name an institution, not a person (kept; see ``rater.institutions``)."""
    section_prefixes: tuple[str, ...] = ()
    """First words of a section heading row in a plan ("Handlungsfeld Wohnen")."""
    number_keys: tuple[str, ...] = ()
    """Words of a card-code column ("ID", "Kennung": W1, Z2 …) — a numbering column on card
    sheets, but no plan column."""
    notes: frozenset[str] = frozenset()
    """Labels (as :func:`header_key`) that open a notes block under a card table ("Legende",
    "Moderation: …")."""


def _lists(data: Mapping[str, Any]) -> dict[tuple[str, str], list[str]]:
    """Validate the parsed file: (section, list) → entries as written."""
    if not isinstance(data, Mapping):
        raise ConfigError(
            "muss Abschnitte wie 'votes:' oder 'text:' enthalten", file=VOCABULARY_FILE
        )
    out: dict[tuple[str, str], list[str]] = {}
    for section, lists in data.items():
        if section not in SECTIONS:
            raise ConfigError(
                f"unbekannter Abschnitt '{section}'",
                file=VOCABULARY_FILE,
                hint="erlaubt: " + ", ".join(SECTIONS),
            )
        if lists is None:
            continue
        if not isinstance(lists, Mapping):
            raise ConfigError(
                f"'{section}' muss Listen wie 'words:' enthalten", file=VOCABULARY_FILE
            )
        for name, entries in lists.items():
            if name not in SECTIONS[section]:
                raise ConfigError(
                    f"unbekannte Liste '{section}.{name}'",
                    file=VOCABULARY_FILE,
                    hint=f"in '{section}' erlaubt: " + ", ".join(SECTIONS[section]),
                )
            entries = entries or []
            if not isinstance(entries, list) or not all(
                isinstance(e, str | int) and not isinstance(e, bool) for e in entries
            ):
                raise ConfigError(
                    f"'{section}.{name}' muss eine Liste von Wörtern sein, z. B. [punkte, stimmen]",
                    file=VOCABULARY_FILE,
                )
            out[(section, name)] = [str(e) for e in entries]
    return out


def vocabulary_from_dict(data: Mapping[str, Any]) -> Vocabulary:
    """Build and validate a :class:`Vocabulary` from the parsed ``vocabulary.yaml``.

    Raises
    ------
    ConfigError
        Naming the section or list that is unknown, not a list, or holds an entry that folds
        to nothing.
    """
    lists = _lists(data)

    def get(section: str, name: str, folder=fold_word) -> tuple[str, ...]:
        out = []
        for entry in lists.get((section, name), []):
            folded = folder(entry)
            if not folded:
                raise ConfigError(
                    f"'{section}.{name}': leerer Eintrag '{entry}'", file=VOCABULARY_FILE
                )
            out.append(folded)
        return tuple(out)

    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in words)

    text = get("text", "words")
    prefixes = get("group", "name_prefixes")
    generic = get("sheet_names", "generic")
    generic_prefixes = get("sheet_names", "generic_prefixes")
    generic_re = rf"^({alternation(generic)})\s*\d*$" if generic else r"(?!)"
    if generic_prefixes:
        generic_re += rf"|^({alternation(generic_prefixes)})"
    return Vocabulary(
        text=text,
        weak_text=get("text", "weak_words"),
        question=get("question", "words"),
        votes=get("votes", "words"),
        vote_endings=get("votes", "compound_endings"),
        vote_symbols=get("votes", "symbols", lambda w: "".join(w.split())),
        number=get("number", "words"),
        group=get("group", "words"),
        group_prefixes=prefixes,
        not_group_names=frozenset({*text, *get("group", "not_names")}),
        measure=get("title", "words"),
        impact=get("impact", "words"),
        effort=get("effort", "words"),
        rater=get("rater", "words"),
        plan=tuple(w for role in PLAN_ROLES for w in get(role, "words")),
        survey_group=get("survey_group", "words"),
        survey_metadata=get("survey_metadata", "headers", header_key),
        contacts=get("contacts", "words"),
        codebook_id=get("codebook_id", "words"),
        headers={role: get(role, "headers", header_key) for role in HEADER_ROLES},
        summary_sheets=get("sheet_names", "summary"),
        totals=frozenset(get("totals", "words")),
        group_name_re=re.compile(rf"^({alternation(prefixes) or '(?!)'})\s+\S"),
        group_title_re=re.compile(
            rf"\b({alternation(prefixes) or '(?!)'})\b\s*[:\-–]?\s*(.+)", re.I
        ),
        generic_sheet_re=re.compile(generic_re, re.I),
        institutions=get("rater", "institutions"),
        section_prefixes=get("field", "section_prefixes"),
        number_keys=get("number", "keys"),
        notes=frozenset(get("notes", "labels", header_key)),
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The packaged vocabulary (``flueko/resources/vocabulary.yaml``)."""
    return vocabulary_from_dict(resource_yaml(VOCABULARY_FILE))


def load_vocabulary(
    *, workspace: Workspace | None = None, round_id: str | None = None
) -> Vocabulary:
    """The vocabulary in force for a round: packaged file, workspace copy, round copy."""
    if workspace is None:
        return default_vocabulary()
    return vocabulary_from_dict(
        load_settings(VOCABULARY_FILE, workspace=workspace, round_id=round_id)
    )


def or_default(vocabulary: Vocabulary | None) -> Vocabulary:
    """``vocabulary``, or the packaged one when ``None`` (for calls without a round)."""
    return default_vocabulary() if vocabulary is None else vocabulary
