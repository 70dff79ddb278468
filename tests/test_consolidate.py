"""Tests for flueko.consolidate."""

from __future__ import annotations

import hashlib
import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from flueko import schema
from flueko.categorise import CODING_MEASURE, categorise
from flueko.consolidate import (
    SCORERS,
    candidate_measures,
    card_votes,
    cluster_ideas,
    link_lineage,
    measure_id_for,
    normalise_for_matching,
    similar_pairs,
    trace,
)
from flueko.taxonomy import default_taxonomy

TAX = default_taxonomy()
THRESHOLD = 80
SCORER = "token_sort_ratio"

PAIRS = [
    # (text a, text b, duplicate?)
    ("Mehr bezahlbarer Wohnraum", "Bezahlbaren Wohnraum schaffen", True),
    (
        "Wohnungsbörse für Geflüchtete einrichten",
        "Eine Wohnungsbörse für Flüchtlinge einrichten",
        True,
    ),
    (
        "Vermieter haben Vorbehalte gegenüber Geflüchteten",
        "Vorbehalte der Vermieter gegenüber Geflüchteten",
        True,
    ),
    (
        "Mietkaution über das Jobcenter absichern",
        "Mietkautionen durch das Jobcenter absichern",
        True,
    ),
    ("Sprachkurse sind zu heterogen", "Sprachkurse zu heterogen", True),
    ("berufsbezogene Sprachkurse fehlen", "Es fehlen berufsbezogene Sprachkurse", True),
    (
        "Kita-Plätze für Kinder von Geflüchteten fehlen",
        "Es fehlen Kitaplätze für Kinder Geflüchteter",
        True,
    ),
    (
        "Anerkennung ausländischer Abschlüsse dauert zu lange",
        "Anerkennung ausländischer Abschlüsse beschleunigen",
        True,
    ),
    (
        "Praktikumsplätze in Handwerksbetrieben vermitteln",
        "Vermittlung von Praktikumsplätzen in Handwerksbetrieben",
        True,
    ),
    ("Arbeitserlaubnis dauert zu lange", "Arbeitserlaubnis dauert viel zu lange", True),
    (
        "Info-Abende für Betriebe zur Beschäftigung von Migranten",
        "Informationsabende für Betriebe zur Beschäftigung von Migranten",
        True,
    ),
    (
        "Sportvereine öffnen ihre Trainings für Geflüchtete",
        "Sportvereine sollen Trainings für Geflüchtete öffnen",
        True,
    ),
    (
        "Ermäßigte Mitgliedsbeiträge in Vereinen",
        "Ermäßigte Vereinsbeiträge / Mitgliedsbeiträge",
        True,
    ),
    (
        "Freizeitangebote der Vereine präsentieren",
        "Präsentation der Freizeitangebote der Vereine",
        True,
    ),
    ("Dolmetscher für Arzttermine fehlen", "Fehlende Dolmetscher bei Arztterminen", True),
    ("Jobmesse für Geflüchtete im Landkreis", "Jobmesse für Geflüchtete im Kreis", True),
    ("Deutschkurse auch für Geduldete öffnen", "Deutschkurse für Geduldete öffnen", True),
    (
        "Hausaufgabenbetreuung durch Ehrenamtliche",
        "Hausaufgabenbetreuung durch ehrenamtliche Helfer",
        True,
    ),
    ("Begegnungscafé einrichten", "Ein Begegnungscafe einrichten", True),
    (
        "Busverbindung zu den Unterkünften verbessern",
        "Busverbindungen zu Unterkünften verbessern",
        True,
    ),
    ("Ansprechpartner in den Behörden benennen", "Ansprechpartner in Behörden benennen", True),
    ("Schwimmkurse für Kinder und Erwachsene", "Schwimmkurse für Erwachsene und Kinder", True),
    ("Fahrradwerkstatt betreiben", "Eine Fahrradwerkstatt betreiben", True),
    ("Lehrstellenbörse mit den Kammern", "Lehrstellenbörse gemeinsam mit den Kammern", True),
    ("Kinderbetreuung während der Sprachkurse", "Kinderbetreuung während des Sprachkurses", True),
    (
        "Wohnungspaten begleiten die Wohnungssuche",
        "Wohnungspaten zur Begleitung der Wohnungssuche",
        True,
    ),
    ("Ehrenamtliche besser vernetzen", "Ehrenamtliche untereinander besser vernetzen", True),
    (
        "Mietobergrenzen des Jobcenters zu niedrig",
        "Mietobergrenzen Jobcenter sind zu niedrig",
        True,
    ),
    (
        "Psychosoziale Beratung für Traumatisierte",
        "Psychosoziale Beratung für traumatisierte Flüchtlinge",
        True,
    ),
    (
        "Kompetenzfeststellung gleich nach der Ankunft",
        "Kompetenzfeststellung direkt nach Ankunft",
        True,
    ),
    # not duplicates: same topic, different idea / subset of words
    ("Sprachkurse", "Sprachkurse für Frauen mit Kinderbetreuung", False),
    ("Wohnraum", "Leerstehenden Wohnraum erfassen und Eigentümer ansprechen", False),
    ("Mehr Sprachkurse", "Mehr Sprachkurse auf B2-Niveau für Akademiker", False),
    ("Vereine", "Vereine wissen nicht wie sie Geflüchtete ansprechen", False),
    ("Sprachkurse sind zu heterogen", "Sprachkurse sind zu teuer", False),
    ("Mietkaution über das Jobcenter absichern", "Mietobergrenzen des Jobcenters anheben", False),
    ("Kita-Plätze fehlen", "Schulplätze fehlen", False),
    (
        "Praktikumsplätze in Handwerksbetrieben vermitteln",
        "Ausbildungsplätze in Handwerksbetrieben vermitteln",
        False,
    ),
    ("Arbeitserlaubnis dauert zu lange", "Asylverfahren dauern zu lange", False),
    (
        "Anerkennung ausländischer Abschlüsse dauert zu lange",
        "Anerkennung ehrenamtlicher Arbeit",
        False,
    ),
    (
        "Sportvereine öffnen ihre Trainings für Geflüchtete",
        "Musikvereine öffnen ihre Proben für Geflüchtete",
        False,
    ),
    ("Dolmetscher für Arzttermine fehlen", "Dolmetscher für Elternabende fehlen", False),
    ("Jobmesse für Geflüchtete im Landkreis", "Wohnungsbörse für Geflüchtete im Landkreis", False),
    ("Deutschkurse für Geduldete öffnen", "Sportvereine für Geduldete öffnen", False),
    ("Hausaufgabenbetreuung durch Ehrenamtliche", "Wohnungssuche durch Ehrenamtliche", False),
    ("Begegnungscafé einrichten", "Sprachcafé einrichten", False),
    (
        "Busverbindung zu den Unterkünften verbessern",
        "Internetzugang in den Unterkünften verbessern",
        False,
    ),
    ("Ehrenamtliche besser vernetzen", "Ehrenamtliche besser schulen", False),
    ("Kinderbetreuung während der Sprachkurse", "Kinderbetreuung während der Arbeitszeit", False),
    (
        "Frauen den Zugang zum Arbeitsmarkt erleichtern",
        "Frauen den Zugang zu Sportvereinen erleichtern",
        False,
    ),
    (
        "Informationen in mehreren Sprachen",
        "Informationen zum Schulsystem in mehreren Sprachen für Eltern",
        False,
    ),
    (
        "Fehlende Kinderbetreuung",
        "Fehlende Kinderbetreuung verhindert Teilnahme am Integrationskurs und Arbeitsaufnahme",
        False,
    ),
    ("Zu wenig Wohnraum", "Zu wenig Plätze in VABO-Klassen", False),
    ("Schwimmkurse für Kinder", "Nachhilfe für Kinder", False),
    ("Arbeitgeber informieren", "Vermieter informieren", False),
    ("Referentenpool aufbauen", "Dolmetscherpool aufbauen", False),
    ("Übungsleiter interkulturell schulen", "Lehrkräfte interkulturell schulen", False),
    (
        "Mitgliedsbeiträge für Sportvereine übernehmen",
        "Fahrtkosten für Berufsschule übernehmen",
        False,
    ),
    (
        "Integrationskurse mit Praktikum verzahnen",
        "Integrationskurse mit Kinderbetreuung anbieten",
        False,
    ),
    ("Lernpaten für Grundschüler", "Lesepaten für Grundschüler", False),
]


def confusion(scorer: str, threshold: int) -> tuple[int, int, int]:
    score = SCORERS[scorer]
    tp = fp = fn = 0
    for a, b, dup in PAIRS:
        hit = score(normalise_for_matching(a), normalise_for_matching(b)) >= threshold
        tp += hit and dup
        fp += hit and not dup
        fn += (not hit) and dup
    return tp, fp, fn


def test_labelled_pairs_choose_the_scorer():
    assert len(PAIRS) == 60
    assert sum(d for _, _, d in PAIRS) == 30
    # chosen: token_sort_ratio at 80 -> 29 of 30 duplicates found, 1 false pair
    assert confusion(SCORER, THRESHOLD) == (29, 1, 1)
    # token_set_ratio scores 100 whenever one card's words are a subset of another's
    _, fp, _ = confusion("token_set_ratio", THRESHOLD)
    assert fp >= 10
    assert fuzz.token_set_ratio("sprachkurs", "sprachkurs frau kinderbetreuung") == 100


def test_normalise_for_matching():
    assert normalise_for_matching("Die Sprachkurse für Frauen fehlen!") == "sprachkurs frau fehl"
    assert (
        normalise_for_matching("Es fehlen berufsbezogene Sprachkurse")
        == "fehl berufsbezogen sprachkurs"
    )
    assert normalise_for_matching(pd.NA) == ""


def contributions() -> pd.DataFrame:
    rows = [
        # round, group, card, votes, text
        ("r1", "AK Wohnen", "c1", 5, "Wohnungsbörse für Geflüchtete einrichten"),
        ("r1", "AK Arbeit", "c2", 2, "Eine Wohnungsbörse für Flüchtlinge einrichten"),
        ("r1", "AK Arbeit", "c3", 4, "berufsbezogene Sprachkurse fehlen"),
        ("r1", "Arbeitskreis Bildung/Ausbildung", "c4", 3, "Es fehlen berufsbezogene Sprachkurse"),
        # one card split into two ideas: its 6 votes must count once
        ("r1", "AK Arbeit", "c5", 6, "Es fehlen berufsbezogene Sprachkurse"),
        ("r1", "AK Arbeit", "c5", 6, "Jobmesse für Geflüchtete im Landkreis"),
        ("r1", "AK Freizeit", "c6", None, "Sportvereine öffnen ihre Trainings für Geflüchtete"),
        ("r1", "AK Freizeit", "c7", 1, "Musikvereine öffnen ihre Proben für Geflüchtete"),
        # same text in another round: a separate cluster
        ("r2", "AK Wohnen", "c8", 1, "Wohnungsbörse für Geflüchtete einrichten"),
    ]
    df = pd.DataFrame(
        rows, columns=[schema.ROUND, schema.GROUP, schema.CARD_ID, schema.VOTES, schema.TEXT]
    )
    df[schema.IDEA_ID] = [f"i{k}" for k in range(len(df))]
    df[schema.SOURCE_FILE] = "karten.xlsx"
    df[schema.SOURCE_SHEET] = df[schema.GROUP]
    df[schema.SOURCE_ROW] = range(2, len(df) + 2)
    df[schema.SOURCE_CELL] = [f"B{r}" for r in df[schema.SOURCE_ROW]]
    return categorise(schema.conform(df, "contributions"), taxonomy=TAX)


def groups_of(df: pd.DataFrame) -> list[list[str]]:
    out = df.groupby(schema.CLUSTER_ID)[schema.IDEA_ID].apply(sorted).tolist()
    return sorted(out)


def test_cluster_known_set():
    df = contributions()
    before = df.copy()
    out = cluster_ideas(df, threshold=THRESHOLD, scorer=SCORER)
    pd.testing.assert_frame_equal(df, before)
    assert groups_of(out) == [["i0", "i1"], ["i2", "i3", "i4"], ["i5"], ["i6"], ["i7"], ["i8"]]
    ids = "\n".join(["i0", "i1"])
    assert out.loc[0, schema.CLUSTER_ID] == "C-" + hashlib.sha1(ids.encode()).hexdigest()[:10]
    again = cluster_ideas(df, threshold=THRESHOLD, scorer=SCORER)
    assert again[schema.CLUSTER_ID].tolist() == out[schema.CLUSTER_ID].tolist()


def test_votes_counted_once_per_card():
    df = contributions()
    assert card_votes(df[df[schema.CARD_ID] == "c5"]) == 6
    out = cluster_ideas(df, threshold=THRESHOLD, scorer=SCORER)
    measures = candidate_measures(out, taxonomy=TAX)
    lang = measures[measures[schema.IDEA_IDS] == "i2; i3; i4"].iloc[0]
    assert lang[schema.VOTES] == 4 + 3 + 6
    assert lang["n_ideas"] == 3
    assert lang["n_groups"] == 2
    assert lang[schema.FIELD] == "sprache"
    # card c5 (6 votes) was split into two ideas in two measures: each measure gets the card's
    # votes once (the dots were given to the card, so both parts carry them)
    jobs = measures[measures[schema.IDEA_IDS] == "i5"].iloc[0]
    assert jobs[schema.VOTES] == 6
    assert measures.loc[measures[schema.ROUND] == "r1", schema.VOTES].sum() == 5 + 2 + 13 + 6 + 1
    sport = measures[measures[schema.IDEA_IDS] == "i6"].iloc[0]
    assert pd.isna(sport[schema.VOTES])


def test_candidate_measures_title_id_and_sources():
    out = cluster_ideas(contributions(), threshold=THRESHOLD, scorer=SCORER)
    measures = candidate_measures(out, taxonomy=TAX)
    assert len(measures) == 6
    first = measures.iloc[0]
    # most voted first; title: the most voted idea of the cluster (card c5, 6 votes)
    assert first[schema.TITLE] == "Es fehlen berufsbezogene Sprachkurse"
    assert first[schema.MEASURE_ID] == measure_id_for("es fehlen  berufsbezogene SPRACHKURSE")
    assert (
        first[schema.MEASURE_ID]
        == "M-" + hashlib.sha1(b"es fehlen berufsbezogene sprachkurse").hexdigest()[:8]
    )
    assert first[schema.SOURCE_CELL] == "B4; B5; B6"
    assert first[schema.SOURCE_SHEET] == "AK Arbeit; Arbeitskreis Bildung/Ausbildung"
    boerse = measures[(measures[schema.ROUND] == "r1") & (measures["n_ideas"] == 2)].iloc[0]
    assert boerse[schema.TITLE] == "Wohnungsbörse für Geflüchtete einrichten"
    # unique within a round; the same title in another round keeps its id
    assert not measures.duplicated([schema.ROUND, schema.MEASURE_ID]).any()
    r2 = measures[measures[schema.ROUND] == "r2"].iloc[0]
    assert r2[schema.MEASURE_ID] == boerse[schema.MEASURE_ID]


def test_manual_measure_merges_and_splits():
    df = cluster_ideas(contributions(), threshold=THRESHOLD, scorer=SCORER)
    coding = pd.DataFrame(
        {
            schema.IDEA_ID: ["i6", "i7", "i3", "i2"],
            CODING_MEASURE: [
                "Vereine öffnen",
                "vereine  öffnen",
                "Sprachkurse im Betrieb",
                "Berufssprachkurse",
            ],
        }
    ).astype("string")
    out = cluster_ideas(df, threshold=THRESHOLD, scorer=SCORER, coding=coding)
    # i6 + i7 merged by name; i2/i3 split; i4 (uncoded) stays where no single name claims it
    assert groups_of(out) == [["i0", "i1"], ["i2"], ["i3"], ["i4"], ["i5"], ["i6", "i7"], ["i8"]]
    measures = candidate_measures(out, taxonomy=TAX, coding=coding)
    titles = set(measures[schema.TITLE])
    assert {"Vereine öffnen", "Berufssprachkurse", "Sprachkurse im Betrieb"} <= titles
    # one coded idea names the whole automatic cluster: the others follow
    coding = pd.DataFrame({schema.IDEA_ID: ["i0"], CODING_MEASURE: ["Wohnungsbörse"]}).astype(
        "string"
    )
    out = cluster_ideas(df, threshold=THRESHOLD, scorer=SCORER, coding=coding)
    assert out.loc[0, schema.CLUSTER_ID] == out.loc[1, schema.CLUSTER_ID]
    assert out.loc[0, schema.CLUSTER_ID].startswith("K-")


def test_lineage_from_plan_measure_back_to_cards():
    ideas = cluster_ideas(contributions(), threshold=THRESHOLD, scorer=SCORER)
    candidates = candidate_measures(ideas, taxonomy=TAX)
    later = pd.DataFrame(
        {
            schema.MEASURE_ID: ["M-plan1", "M-plan2", "M-plan3"],
            schema.TITLE: [
                "Berufsbezogene Sprachkurse einrichten",
                "Wohnungsbörse für Geflüchtete",
                "Kreisweites Integrationsmonitoring",
            ],
        }
    )
    out = link_lineage(later, candidates[candidates[schema.ROUND] == "r1"], threshold=75)
    assert out[schema.IDEA_IDS].tolist()[:2] == ["i2; i3; i4", "i0; i1"]
    assert pd.isna(out[schema.IDEA_IDS].iloc[2])
    assert pd.isna(out["lineage_measure_id"].iloc[2])
    cells = trace(out[schema.IDEA_IDS].iloc[0], ideas)
    assert cells[[schema.SOURCE_FILE, schema.SOURCE_SHEET, schema.SOURCE_CELL]].values.tolist() == [
        ["karten.xlsx", "AK Arbeit", "B4"],
        ["karten.xlsx", "Arbeitskreis Bildung/Ausbildung", "B5"],
        ["karten.xlsx", "AK Arbeit", "B6"],
    ]
    # matching against the ideas' own texts finds a measure named after a single card
    later2 = pd.DataFrame({schema.TITLE: ["Jobmesse für Geflüchtete im Kreis"]})
    linked = link_lineage(later2, candidates, threshold=75, contributions=ideas)
    assert linked[schema.IDEA_IDS].tolist() == ["i5"]


words = st.sampled_from(
    [
        "wohnung",
        "sprachkurs",
        "arbeit",
        "verein",
        "schule",
        "kita",
        "praktikum",
        "betrieb",
        "sport",
        "helfer",
        "bus",
    ]
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=2, max_size=25, unique=True
    )
)
def test_blocking_is_exact_for_short_texts(texts):
    # a text with at most BLOCK_TOKENS distinct tokens is in the block of each of them, so every
    # pair sharing a token is compared; pairs without a shared token cannot reach 80 here
    found = {(i, j): s for i, j, s in similar_pairs(texts, threshold=THRESHOLD, scorer=SCORER)}
    brute = {
        (i, j): round(fuzz.token_sort_ratio(texts[i], texts[j]))
        for i, j in itertools.combinations(range(len(texts)), 2)
        if fuzz.token_sort_ratio(texts[i], texts[j]) >= THRESHOLD
    }
    assert set(found) == set(brute)


def test_unknown_scorer_is_a_config_error():
    from flueko.errors import ConfigError

    with pytest.raises(ConfigError, match=r"consolidate\.scorer"):
        cluster_ideas(contributions(), scorer="nope")
