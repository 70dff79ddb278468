from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko.ingest.money import header_unit, parse_cost
from flueko.ingest.scales import (
    detect_scale,
    is_not_given,
    is_symbol_scale,
    is_verbal_five,
    normalise_rating,
    parse_rating,
    scale_from_header,
)
from flueko.ingest.timeframe import parse_timeframe, reference_year_from_round

cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.from_regex(r"(ca\. |bis |ab )?\d{1,7}([.,]\d{1,3})?( ?- ?\d{1,7})? ?(€|T€|Tsd\.|Mio\.)?"),
    st.dates(),
)


@pytest.mark.parametrize(
    ("value", "low", "high", "status"),
    [
        ("ca. 2.500 €", 2500, 2500, "ok"),
        ("2.000 – 4.000 EUR", 2000, 4000, "ok"),
        ("5-10 T€", 5000, 10000, "ok"),
        ("1,5 Tsd. €", 1500, 1500, "ok"),
        ("3 Mio. €", 3_000_000, 3_000_000, "ok"),
        (1200, 1200, 1200, "ok"),
        (1200.5, 1200.5, 1200.5, "ok"),
        ("1.200,50 €", 1200.5, 1200.5, "ok"),
        ("zwischen 2.000 und 4.000 €", 2000, 4000, "ok"),
        ("bis 5.000 €", 0, 5000, "ok"),
        ("ab 5.000 €", 5000, None, "ok"),
        ("keine", 0, 0, "zero"),
        ("kostenneutral", 0, 0, "zero"),
        ("0", 0, 0, "zero"),
        ("0 €", 0, 0, "zero"),
        (0, 0, 0, "zero"),
        ("k. A.", None, None, "unknown"),
        ("unbekannt", None, None, "unknown"),
        ("?", None, None, "unknown"),
        ("", None, None, "unknown"),
        (None, None, None, "unknown"),
        ("-", None, None, "unknown"),
        ("viel Geld", None, None, "unreadable"),
        ("-500", None, None, "unreadable"),
        (-500, None, None, "unreadable"),
        ("4.000 - 2.000", None, None, "unreadable"),
        (True, None, None, "unreadable"),
        # what offices type
        ("ca. 750,- €", 750, 750, "ok"),
        ("750,-", 750, 750, "ok"),
        ("ca. 1.000,- €", 1000, 1000, "ok"),
        ("ca. 2.000 bis 2.500,- €", 2000, 2500, "ok"),
        ("zw. 500 und 1.000 €", 500, 1000, "ok"),
        ("500 € – 1.000 €", 500, 1000, "ok"),
        ("10–15 T€", 10_000, 15_000, "ok"),
        ("3 x 120 €", 360, 360, "ok"),
        ("2 × 250 €", 500, 500, "ok"),
        ("3 x 150,- €", 450, 450, "ok"),
        ("4 Termine à 80 €", 320, 320, "ok"),
        ("T€ 5", 5000, 5000, "ok"),
        ("T€ 2,5", 2500, 2500, "ok"),
        ("5 Tsd. €", 5000, 5000, "ok"),
        ("ca. 10 T€", 10_000, 10_000, "ok"),
        ("1,5 Mio. €", 1_500_000, 1_500_000, "ok"),
        ("EUR 1.500", 1500, 1500, "ok"),
        ("ca. 300 € (Raummiete)", 300, 300, "ok"),
        ("ca. 80,- € monatlich", 960, 960, "ok"),
        ("200 € / Monat", 2400, 2400, "ok"),
        ("1.000 € p.a.", 1000, 1000, "ok"),
        ("150 € pro Termin", 150, 150, "ok"),
        ("ehrenamtlich", 0, 0, "zero"),
        ("kostenlos", 0, 0, "zero"),
        ("0,-", 0, 0, "zero"),
        ("offen", None, None, "unknown"),
        ("noch unklar", None, None, "unknown"),
        ("k.A.", None, None, "unknown"),
        ("siehe oben", None, None, "unreadable"),
        ("wie Maßnahme 2", None, None, "unreadable"),
        ("zzgl. Fahrtkosten", None, None, "unreadable"),
        ("Personalkosten LRA", None, None, "unreadable"),
    ],
)
def test_parse_cost_cases(value, low, high, status):
    got = parse_cost(value)
    assert (got.min, got.max, got.status) == (low, high, status)


def test_cost_notes_say_what_was_assumed():
    assert "× 12" in parse_cost("50 €/Monat").note
    assert "Termin" in parse_cost("150 € pro Termin").note
    assert parse_cost("1.000 € p.a.").note == "" and parse_cost("500 €").note == ""


@pytest.mark.parametrize(
    ("header", "factor"),
    [
        ("Kosten (T€)", 1000),
        ("Kosten in Tsd. €", 1000),
        ("Kosten (Mio. €)", 1e6),
        ("Kosten (EUR)", 1),
        ("Kosten", 1),
        ("geschätzte Kosten", 1),
    ],
)
def test_header_unit(header, factor):
    assert header_unit(header) == factor


@pytest.mark.parametrize(
    ("value", "low", "status"),
    [
        (5, 5000, "ok"),
        ("2,5", 2500, "ok"),
        ("ca. 3", 3000, "ok"),
        ("5 €", 5, "ok"),
        ("kostenlos", 0, "zero"),
        ("offen", None, "unknown"),
    ],
)
def test_unit_from_the_header_scales_bare_numbers(value, low, status):
    got = parse_cost(value, unit_factor=1000)
    assert (got.min, got.status) == (low, status)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("++", 5.0), ("+", 4.0), ("o", 3.0), ("-", 2.0), ("--", 1.0), (" + + ", 5.0), (4, 4.0)],
)
def test_symbol_ratings(value, expected):
    assert parse_rating(value, symbols=True) == expected


def test_symbol_scale_needs_more_than_a_dash_and_not_given_words():
    assert is_symbol_scale(["+", "-", None]) and not is_symbol_scale(["-", 3, 4])
    assert parse_rating("-") is None and is_not_given("-") and is_not_given("k. A.")
    assert not is_not_given("hoch")


def test_parse_cost_keeps_text():
    assert parse_cost("  ca.   2.500 € ").text == "ca. 2.500 €"


@settings(max_examples=200, deadline=None)
@given(cells)
def test_parse_cost_never_raises_and_is_ordered(value):
    got = parse_cost(value)
    assert got.status in {"ok", "zero", "unknown", "unreadable"}
    for bound in (got.min, got.max):
        assert bound is None or bound >= 0
    if got.min is not None and got.max is not None:
        assert got.min <= got.max
    if got.status in {"unknown", "unreadable"}:
        assert got.min is None and got.max is None


@pytest.mark.parametrize(
    ("value", "category", "year", "ok"),
    [
        ("kurzfristig", "kurzfristig", None, True),
        ("Mittelfristig", "mittelfristig", None, True),
        ("langfristig", "langfristig", None, True),
        ("laufend", "laufend", None, True),
        ("sofort", "kurzfristig", None, True),
        ("dauerhaft", "laufend", None, True),
        ("fortlaufend", "laufend", None, True),
        ("bis Ende 2017", "kurzfristig", 2017, True),
        ("2017", "kurzfristig", 2017, True),
        (2017, "kurzfristig", 2017, True),
        ("Q2/2017", "kurzfristig", 2017, True),
        ("2. Quartal 2017", "kurzfristig", 2017, True),
        ("2017/2018", "mittelfristig", 2018, True),
        ("2017/18", "mittelfristig", 2018, True),
        ("ab 2018", "mittelfristig", 2018, True),
        ("2019", "mittelfristig", 2019, True),
        ("2020", "langfristig", 2020, True),
        ("2015", "kurzfristig", 2015, True),
        (date(2019, 6, 30), "mittelfristig", 2019, True),
        ("kurz- bis mittelfristig", "mittelfristig", None, True),
        ("ab 2018 laufend", "laufend", 2018, True),
        ("", None, None, True),
        (None, None, None, True),
        ("irgendwann", None, None, False),
        (3.5, None, None, False),
    ],
)
def test_parse_timeframe_cases(value, category, year, ok):
    assert tuple(parse_timeframe(value, reference_year=2016).__dict__.values()) == (
        category,
        year,
        ok,
    )


def test_parse_timeframe_without_reference_year_keeps_year_only():
    got = parse_timeframe("2018")
    assert (got.category, got.target_year, got.ok) == (None, 2018, True)


@settings(max_examples=200, deadline=None)
@given(cells, st.one_of(st.none(), st.integers(min_value=1990, max_value=2040)))
def test_parse_timeframe_never_raises(value, ref):
    got = parse_timeframe(value, reference_year=ref)
    assert got.category is None or got.category in {
        "kurzfristig",
        "mittelfristig",
        "langfristig",
        "laufend",
    }
    assert got.target_year is None or got.target_year >= 1900


def test_reference_year_from_round():
    assert reference_year_from_round("2016-10-20_auftakt") == 2016
    assert reference_year_from_round("auftakt") is None


@pytest.mark.parametrize(
    ("value", "scale", "five", "expected"),
    [
        (4, (1, 5), False, 4.0),
        ("4", (1, 5), False, 4.0),
        ("4,5", (1, 5), False, 4.5),
        ("3 (mittel)", (1, 5), False, 3.0),
        (2, (1, 3), False, 3.0),
        (3, (1, 3), False, 5.0),
        (10, (1, 10), False, 5.0),
        (1, (1, 10), False, 1.0),
        (0, (0, 10), False, 1.0),
        ("hoch", (1, 5), False, 5.0),
        ("Mittel", (1, 5), False, 3.0),
        ("niedrig", (1, 5), False, 1.0),
        ("gering", (1, 5), False, 1.0),
        ("sehr hoch", (1, 5), False, 5.0),
        ("hoch", (1, 5), True, 4.0),
        ("hohe", (1, 5), True, 4.0),
        ("sehr gering", (1, 5), True, 1.0),
        ("gering", (1, 5), True, 2.0),
        (6, (1, 5), False, None),
        (0, (1, 5), False, None),
        ("x", (1, 5), False, None),
        ("", (1, 5), False, None),
        (None, (1, 5), False, None),
        (True, (1, 5), False, None),
    ],
)
def test_parse_rating_cases(value, scale, five, expected):
    assert parse_rating(value, scale=scale, five_step_words=five) == expected


@settings(max_examples=200, deadline=None)
@given(cells, st.sampled_from([(1, 5), (1, 3), (1, 10), (0, 10)]), st.booleans())
def test_parse_rating_never_raises_and_stays_on_target_scale(value, scale, five):
    got = parse_rating(value, scale=scale, five_step_words=five)
    assert got is None or 1.0 <= got <= 5.0


def test_normalise_rating():
    assert normalise_rating(5.5, scale=(1, 10)) == 3.0


def test_detect_scale():
    assert detect_scale([1, 2, "3", None, "hoch"]) == (1, 5)
    assert detect_scale([1, 7, "10"]) == (1, 10)
    assert detect_scale([0, 3, 8]) == (0, 10)
    assert detect_scale([0, 3]) == (0, 5)
    assert detect_scale(["hoch", "mittel"]) == (1, 5)
    assert detect_scale([1, 50]) == (1, 5)


def test_scale_from_header_and_verbal_steps():
    assert scale_from_header("Wirkung (1-5)") == (1, 5)
    assert scale_from_header("Aufwand [1–10]") == (1, 10)
    assert scale_from_header("Nutzen (1 = gering, 3 = hoch)") == (1, 3)
    assert scale_from_header("Wirkung") is None
    assert is_verbal_five(["hoch", "sehr hoch"]) is True
    assert is_verbal_five(["hoch", "niedrig", 3]) is False


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("ca. 20.000 € pro Jahr", 20000.0, 20000.0),
        ("2.000 - 4.000 EUR p.a.", 2000.0, 4000.0),
        ("5 T€ jährlich", 5000.0, 5000.0),
        ("500 € monatlich", 6000.0, 6000.0),
        ("300 € / Monat", 3600.0, 3600.0),
    ],
)
def test_running_costs_count_per_year(text, low, high):
    parsed = parse_cost(text)
    assert (parsed.min, parsed.max, parsed.status) == (low, high, "ok")


def test_period_alone_is_unreadable():
    assert parse_cost("pro Jahr").status == "unreadable"
