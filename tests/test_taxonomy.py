"""Tests for flueko.taxonomy and flueko.taxonomy_match."""

from __future__ import annotations

import copy
import re
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko import schema
from flueko.config import resource_yaml
from flueko.errors import ConfigError
from flueko.taxonomy import (
    default_taxonomy,
    field_labels,
    parse_stem,
    question_labels,
    taxonomy_from_dict,
)
from flueko.taxonomy_match import (
    field_for_group,
    field_matches,
    field_scores,
    match_field_terms,
    normalise_actor,
    question_for_heading,
)
from flueko.text import fold

TAX = default_taxonomy()


def test_default_taxonomy_has_all_schema_keys():
    assert TAX.field_keys[: len(schema.FIELDS)] == schema.FIELDS
    assert TAX.question_keys == schema.QUESTIONS
    assert field_labels(TAX)["bildung"] == "Bildung/Ausbildung"
    assert question_labels(TAX)["probleme"] == "Wo sind die Probleme in der Praxis?"
    for cat in TAX.fields[:-1]:
        assert 15 <= len(cat.keywords) <= 60, cat.key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ärger über Straßenmüll", "aerger ueber strassenmuell"),
        ("  Café — Übergangs-Lösung!! ", "cafe uebergangs loesung"),
        ("B1-Kurs (3+2)", "b1 kurs 3 2"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_fold_only_lowercase_ascii_letters_digits_single_spaces(text):
    out = fold(text)
    assert out == out.strip()
    assert "  " not in out
    assert all(c == " " or c.isalnum() for c in out)
    assert fold(out) == out


@pytest.mark.parametrize(
    ("text", "field", "stems"),
    [
        ("Mietwohnungen fehlen", "wohnen", ["wohn"]),
        ("Vermieter haben Vorbehalte", "wohnen", ["miet"]),
        ("Sozialwohnungen bauen", "wohnen", ["wohn", "bau"]),
        ("Praktikumsplätze in Betrieben", "arbeit", ["praktik", "betrieb"]),
        ("berufsbezogene Sprachkurse", "sprache", ["sprach"]),
        ("Deutschkurse für Frauen", "sprache", ["deutschkurs"]),
        ("Integrationskursen", "sprache", ["integrationskurs"]),
        ("im Sportverein", "freizeit", ["sport"]),
        ("Ehrenamtliche Helferkreise", "gesellschaft", ["ehrenamt", "helferkreis"]),
    ],
)
def test_stems_match_compounds_and_inflections(text, field, stems):
    assert match_field_terms(text, TAX)[field] == stems


def test_anchored_and_excluded_stems_do_not_match():
    # "^arbeit" only at a word start, "Arbeitskreis" and "Zusammenarbeit" are excluded
    assert match_field_terms("Zusammenarbeit im Arbeitskreis verbessern", TAX) == {}
    # "sport" inside "Transport" is excluded for freizeit
    assert "freizeit" not in match_field_terms("Transport der Möbel", TAX)
    # "einfacher Sprache" is not about learning German
    assert "sprache" not in match_field_terms("Prüfungen in einfacher Sprache", TAX)
    # "^deutsch$" matches the language, not the adjective
    assert "sprache" in match_field_terms("Deutsch lernen", TAX)
    assert "sprache" not in match_field_terms("das deutsche Schulsystem", TAX)


@pytest.mark.parametrize(
    ("group", "field"),
    [
        ("AK Wohnen", "wohnen"),
        ("Arbeitskreis Bildung/Ausbildung", "bildung"),
        ("AK Arbeit", "arbeit"),
        ("AK Freizeit", "freizeit"),
        ("Workshop Sprache", "sprache"),
        ("AK 3: Freizeit und Sport", "freizeit"),
        ("Arbeitsmarktintegration", "arbeit"),
        ("Unterbringung", "wohnen"),
        ("Gruppe Schule", "bildung"),
        ("Tisch 4", None),
        ("", None),
    ],
)
def test_field_for_group(group, field):
    assert field_for_group(group, TAX) == field


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Frage 3", "handlungsspielraum"),
        ("3.", "handlungsspielraum"),
        ("3 Was können wir tun", "handlungsspielraum"),
        ("Leitfrage 2: Warum gelingt Integration (nicht)?", "gelingen"),
        ("5", "vorschlaege_kommunen"),
        ("Probleme", "probleme"),
        ("Wo sind die Probleme?", "probleme"),
        ("Wo sind die Probleme in der Praxis?", "probleme"),
        ("Warum gelingt Integration?", "gelingen"),
        ("Gelingen", "gelingen"),
        ("Einflussbereich", "handlungsspielraum"),
        ("Handlungsspielraum", "handlungsspielraum"),
        ("Was können wir tun?", "handlungsspielraum"),
        ("Aktivitäten", "aktivitaeten"),
        ("Welche konkreten Aktivitäten?", "aktivitaeten"),
        ("Vorschläge an die Kommunen", "vorschlaege_kommunen"),
        ("Kommunen vorschlagen", "vorschlaege_kommunen"),
        ("Was können wir z. B. den Kommunen vorschlagen?", "vorschlaege_kommunen"),
        ("Frage 7", None),
        ("Probleme bei der Wohnungssuche für große Familien", None),
        ("Sprachkurse", None),
        ("", None),
    ],
)
def test_question_for_heading(heading, key):
    assert question_for_heading(heading, TAX) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LRA, Kommunen und JC", "Landratsamt; Kommunen; Jobcenter"),
        ("LRA / Firma Müller", "Landratsamt; Firma Müller"),
        ("Arbeitsagentur, IHK, Handwerkskammer", "Agentur für Arbeit; IHK; HWK"),
        ("Industrie- und Handelskammer sowie Helferkreise", "IHK; Ehrenamt"),
        ("Landkreis", "Landratsamt"),
        ("alle Städte und Gemeinden", "Kommunen"),
        ("Jobcenter/AfA/Jobcenter", "Jobcenter; Agentur für Arbeit"),
        ("Stadt Waiblingen", "Stadt Waiblingen"),
        ("", ""),
    ],
)
def test_normalise_actor(text, expected):
    assert normalise_actor(text, TAX) == expected


def test_bad_structure_names_the_key():
    raw = resource_yaml("taxonomy.yaml")
    bad = copy.deepcopy(raw)
    del bad["fields"]["wohnen"]["label"]
    with pytest.raises(ConfigError, match=r"fields\.wohnen\.label"):
        taxonomy_from_dict(bad)
    bad = copy.deepcopy(raw)
    bad["fields"]["arbeit"]["keywords"] = {"a": 1}
    with pytest.raises(ConfigError, match=r"fields\.arbeit\.keywords"):
        taxonomy_from_dict(bad)
    bad = copy.deepcopy(raw)
    del bad["fields"]["sprache"]
    with pytest.raises(ConfigError, match="sprache"):
        taxonomy_from_dict(bad)
    bad = copy.deepcopy(raw)
    del bad["questions"]
    with pytest.raises(ConfigError, match="questions"):
        taxonomy_from_dict(bad)


def test_office_override_adds_a_field_and_keywords(tmp_path):
    from flueko.config import Workspace, load_settings

    ws = Workspace.at(tmp_path)
    (ws.raw / "r1").mkdir(parents=True)
    (ws.raw / "taxonomy.yaml").write_text(
        "fields:\n  mobilitaet:\n    label: Mobilität\n    keywords: [^bus, ^oepnv]\n",
        encoding="utf-8",
    )
    tax = taxonomy_from_dict(load_settings("taxonomy.yaml", workspace=ws, round_id="r1"))
    assert tax.field_keys[-1] == "mobilitaet"
    assert match_field_terms("Busse fahren selten", tax)["mobilitaet"] == ["bus"]


# --- the word-cached matcher gives what running every stem's regex over the text gives -------


def reference_matches(text: str, tax) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Scores and terms by the plain rules: every keyword regex over the whole folded text."""
    folded = fold(text)
    words = [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", folded)]
    starts = [s for s, _ in words]
    scores, terms = {}, {}
    for cat in tax.fields:
        excluded = set()
        if cat.exclude:
            excl = re.compile("|".join(parse_stem(s)[1] for s in cat.exclude))
            for m in excl.finditer(folded):
                first = bisect_right(starts, m.start()) - 1
                excluded.update(
                    i for i in range(max(first, 0), len(words)) if words[i][0] < m.end()
                )
                if first < 0:
                    excluded.add(-1)
        weights, hits = {}, {}
        for s in cat.keywords:
            plain, pattern, weight = parse_stem(s)
            for m in re.finditer(pattern, folded):
                w = bisect_right(starts, m.start()) - 1
                if w in excluded:
                    continue
                weights[w] = max(weight, weights.get(w, 0))
                hits.setdefault(w, (m.start(), plain))
        if weights:
            scores[cat.key] = sum(weights.values())
            found = []
            for _, plain in sorted(hits.values()):
                if plain not in found:
                    found.append(plain)
            terms[cat.key] = found
    return scores, terms


STEMS = sorted(
    {parse_stem(s)[0] for c in TAX.fields for s in c.keywords + c.exclude} | {"zusammen", "un"}
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(STEMS), min_size=1, max_size=3).map("".join)
        | st.text(alphabet="aeiknrstłøßÄÖé_1", min_size=1, max_size=6),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([" ", "-", ", ", "ø", " ł"]),
)
def test_matcher_equals_plain_regex_scan(words, sep):
    text = sep.join(words)
    scores, terms = field_matches(text, TAX)
    assert (scores, terms) == reference_matches(text, TAX)
    assert list(scores) == list(terms) == [k for k in TAX.field_keys if k in scores]
    assert field_scores(text, TAX) == scores
    assert match_field_terms(text, TAX) == terms


@pytest.mark.parametrize(
    ("text", "scores", "terms"),
    [
        # multi-word exclude stem ("^einfacher sprache") and a non-ASCII word: regex path
        ("Prüfungen in einfacher Sprache", {"bildung": 1}, {"bildung": ["pruefung"]}),
        (
            "Sprachkurs ø Wohnung",
            {"wohnen": 1, "sprache": 2},
            {"wohnen": ["wohn"], "sprache": ["sprach"]},
        ),
        # multi-word keyword stem "^anerkennung auslaend" (one word counted once)
        (
            "Anerkennung ausländischer Abschlüsse",
            {"bildung": 2},
            {"bildung": ["anerkennung auslaend", "abschluess"]},
        ),
        ("Zusammenarbeit im Arbeitskreis verbessern", {}, {}),
        ("", {}, {}),
    ],
)
def test_field_matches_examples(text, scores, terms):
    assert field_matches(text, TAX) == (scores, terms)
    assert reference_matches(text, TAX) == (scores, terms)


def test_cached_results_are_not_shared_with_the_caller():
    terms = match_field_terms("Mietwohnungen fehlen", TAX)
    terms["wohnen"].append("x")
    scores = field_scores("Mietwohnungen fehlen", TAX)
    scores["wohnen"] = 99
    assert field_matches("Mietwohnungen fehlen", TAX) == ({"wohnen": 1}, {"wohnen": ["wohn"]})
