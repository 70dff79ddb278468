"""The German-aware matcher of lineage: stems, compounds, abbreviations, containment."""

from __future__ import annotations

from flueko.analyse.lineage_match import Matcher, key_of
from flueko.taxonomy import default_taxonomy

TAX = default_taxonomy()
CORPUS = [
    "Sprachkursangebote für Eltern mit Kinderbetreuung",
    "Frauen können nicht zum Kurs",
    "Sprache lernen im Alltag",
    "Wohnraumbörse für Geflüchtete beim Landratsamt einrichten",
    "Wohnungsbörse! Vermieter und Flüchtlinge zusammenbringen",
    "Vorbereitungsklassen an allen weiterführenden Schulen einrichten",
    "VKL an jeder Schule",
    "WLAN für die GU",
    "Internet in allen Gemeinschaftsunterkünften",
    "Impfkampagne Masern in Erstaufnahmeeinrichtungen",
    "bezahlbarer Wohnraum fehlt",
    "Kurse zu gemischt",
]


def _matcher() -> Matcher:
    return Matcher(
        CORPUS,
        synonyms=[[a.label, *a.synonyms] for a in TAX.actors],
        stems=[k.strip("^$!") for f in TAX.fields for k in f.keywords],
    )


def test_keys_strip_inflection_and_derivation():
    assert key_of("wohnungen") == key_of("wohnen") == "wohn"
    assert key_of("plaetze") == "platz"
    assert key_of("patenschaften") == key_of("paten")


def test_compounds_split_into_the_round_s_words():
    m = _matcher()
    assert {"sprach", "kurs", "angebot"} <= m.parts("sprachkursangebot")
    assert {"wohn", "bors"} <= m.parts("wohnungsbors")
    shared = m.parts("wohnraumbors") & m.parts("wohnungsbors")
    assert {"wohn", "bors"} <= shared


def test_abbreviations_and_containment():
    m = _matcher()
    vkl = m.containment(
        "VKL an jeder Schule", "Vorbereitungsklassen an allen weiterführenden Schulen einrichten"
    )
    assert vkl >= 80
    gu = m.containment("WLAN für die GU", "Internet in allen Gemeinschaftsunterkünften")
    assert gu >= 80
    # a short card inside a long title scores high; the reverse direction does not count alike
    kurs = m.containment("Frauen können nicht zum Kurs", CORPUS[0])
    assert kurs > m.containment("Frauen können nicht zum Kurs", CORPUS[9])
    assert m.containment("Kurse zu gemischt", CORPUS[9]) == 0


def test_matrix_agrees_with_containment():
    m = _matcher()
    cards, titles = CORPUS[4:8], CORPUS[3:6]
    grid = m.matrix(cards, titles)
    for i, card in enumerate(cards):
        for j, title in enumerate(titles):
            assert abs(grid[i, j] - m.containment(card, title)) < 1e-9


def test_concepts_relate_words_that_share_no_letters():
    """A card and a measure naming one thing in other words ("Kindergartenplatz" ~ "Kita",
    "Dolmetscher" ~ "Sprachmittler") are related through the taxonomy's concepts — less than
    the same word, and not at all without the concepts."""
    card, title = "Flüchtlingskinder bekommen keinen Kindergartenplatz", "Kitaplätze sichern"
    corpus = [card, title, "Dolmetscher fehlen", "Sprachmittlerpool aufbauen", "Sportfest"]
    plain = Matcher(corpus)
    with_concepts = Matcher(corpus, concepts=[list(c.synonyms) for c in TAX.concepts])
    assert with_concepts.containment(card, title) > plain.containment(card, title)
    assert with_concepts.containment("Dolmetscher fehlen", "Sprachmittlerpool aufbauen") > 0
    assert plain.containment("Dolmetscher fehlen", "Sprachmittlerpool aufbauen") == 0
    assert with_concepts.containment("Dolmetscher fehlen", "Sportfest") == 0
    same = with_concepts.containment("Kitaplatz fehlt", "Kitaplätze sichern")
    assert same > with_concepts.containment(card, title)


def test_concepts_are_part_of_the_taxonomy_and_can_be_extended():
    from flueko.config import resource_yaml
    from flueko.taxonomy import taxonomy_from_dict

    assert len(TAX.concepts) >= 40
    assert all(c.synonyms for c in TAX.concepts)
    raw = resource_yaml("taxonomy.yaml")
    raw["concepts"] = {"tafel": {"label": "Tafel", "synonyms": ["Tafel", "Lebensmittelausgabe"]}}
    assert [c.key for c in taxonomy_from_dict(raw).concepts] == ["tafel"]
    del raw["concepts"]
    assert taxonomy_from_dict(raw).concepts == ()
