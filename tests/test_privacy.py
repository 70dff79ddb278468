"""Tests for flueko.privacy: masking and finding e-mails, phone numbers and names."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flueko.errors import SchemaError
from flueko.privacy import Finding, find_personal_data, mask_frame, mask_personal_data

# --- masked -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("c.reimling@rems-murr-kreis.de", "[E-Mail]"),
        ("Mail an Max.Muster_1@example.org.", "Mail an [E-Mail]."),
        ("info(at)kreis.de", "[E-Mail]"),
        ("a@b.de, c@d.com", "[E-Mail], [E-Mail]"),
        ("07151 501-1092", "[Telefon]"),
        ("07151501-1092", "[Telefon]"),
        ("+49 (0)711 123456", "[Telefon]"),
        ("+49 711 123456", "[Telefon]"),
        ("0049 711 123456", "[Telefon]"),
        ("0711/123 45 67", "[Telefon]"),
        ("0711 / 123 45 67", "[Telefon]"),
        ("(07151) 501-1092", "[Telefon]"),
        ("0170 1234567", "[Telefon]"),
        ("0170-1234567", "[Telefon]"),
        ("Tel. 0711 12345", "Tel. [Telefon]"),
        ("Tel.: 07151 501-1092, Fax: 07151 501-1099", "Tel.: [Telefon], Fax: [Telefon]"),
        ("Frau Dr. Müller-Lüdenscheidt", "Frau [Name]"),
        ("Herr Stockburger", "Herr [Name]"),
        ("Hr. Meier", "Hr. [Name]"),
        ("Fr. Schulz", "Fr. [Name]"),
        ("mit Herrn Dr. Stockburger besprochen", "mit Herrn [Name] besprochen"),
        ("Herr Prof. Dr. Özdemir kommt", "Herr [Name] kommt"),
        ("Frau Claudia Reimling ist Ansprechpartnerin", "Frau [Name] ist Ansprechpartnerin"),
        ("Herr von Weizsäcker", "Herr [Name]"),
        ("laut Frau Şahin, Jobcenter", "laut Frau [Name], Jobcenter"),
        # lower-case names: a lexicon surname is one even where it ends like a verb
        ("maria schmidt hilft", "[Name] hilft"),
        ("my friend ali helps me", "my friend [Name] helps me"),
        ("i need help from the teacher maria schmidt", "i need help from the teacher [Name]"),
        ("birgit hollenbach jobcenter", "[Name] jobcenter"),
        # English cards: salutations and cues, family plurals, "X family", possessives
        ("call mr. smith from caritas", "call mr. [Name] from caritas"),
        ("Mr Okonkwo from Lagos is an electrician", "Mr [Name] from Lagos is an electrician"),
        ("my caseworker is called mark, he is nice", "my caseworker is called [Name], he is nice"),
        ("my son's name is will, he is 7", "my son's name is [Name], he is 7"),
        ("the hussainis need a bigger flat", "the [Name] need a bigger flat"),
        ("The Nwankwo family needs a cot", "The [Name] family needs a cot"),
        ("mahmoud's kids have no place in kita", "[Name] kids have no place in kita"),
        (
            "ahmad and his brother mohamud walk to school",
            "[Name] and his brother [Name] walk to school",
        ),
        ("halyna + her son bohdan sleep in the gym", "[Name] + her son [Name] sleep in the gym"),
        ("halyna's son sleeps in the gym", "[Name] son sleeps in the gym"),
        ("@ahmad pls bring the list tomorrow", "@[Name] pls bring the list tomorrow"),
        ("moin, hier ist rita von der AWO", "moin, hier ist [Name] von der AWO"),
        ("gruß an tante gül", "gruß an tante [Name]"),
        ("The Rahimi brothers play music", "The [Name] brothers play music"),
        ("thanks to Grace from the choir", "thanks to [Name] from the choir"),
        (
            "Kontakt: Frau Reimling, c.reimling@rems-murr-kreis.de, Tel. 07151501-1092",
            "Kontakt: Frau [Name], [E-Mail], Tel. [Telefon]",
        ),
    ],
)
def test_masks(text, expected):
    assert mask_personal_data(text) == expected
    assert find_personal_data(expected) == []


# --- not masked -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "7.000 €",
        "Kosten: 2.000 – 4.000 EUR",
        "2.000-4.000 EUR",
        "20.10.2016",
        "01.03.2016",
        "Stand 31.12.2015: 419.456 Einwohner",
        "im Jahr 2017",
        "2016-10-20",
        "2016-10-20T09:30:00",
        "45 % zufrieden",
        "0,5 Stellen",
        "n = 41",
        "Rang 3 von 12",
        "M-03",
        "Maßnahme M-0123",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256: 0711234567ab34cd",
        "71332 Waiblingen",
        "01067 Dresden",
        "09:00–12:00 Uhr",
        "Skala 0 1 2 3 4 5",
        "Frauen und Männer",
        "Frau und Mann",
        "für jede Frau",
        "Herr der Lage bleiben",
        "Fr. 20.10.",
        "Version 0.1.0",
        "1.234.567,89 €",
        "Seite 1 von 3",
        # English cards typed in lower case: first names that are English words, and words
        # after them, are no names
        "want to open my own shop",
        "nothing to do in the evening for young people",
        "they call me bad words in the bus",
        "we can cook our food for everyone",
        "april and may are rainy, the course starts in march",
        "Can we get a translator for the Jobcenter?",
        "the electricity bill is too high for us",
        "we come from aleppo, homs and idlib",
        "mr. and mrs. are difficult words for my kids",
        "thx everybody, see you in april!",
        "Ramadan Kareem to all muslim neighbours",
        "the war in Tigray, my family is still there",
        "I am happy here but my heart is in Syria",
        "Rose Monday (Rosenmontag) is a holiday here?",
    ],
)
def test_leaves_ordinary_text(text):
    assert find_personal_data(text) == []
    assert mask_personal_data(text) == text


def test_report_text_has_no_findings():
    report = (
        "Bericht Flüchtlingsdialog 2016-10-20_auftakt. Teilnehmende: n = 41 "
        "(Kommunen 12, Jobcenter 3). Kosten rund 7.000 € (davon 2.500 € Moderation). "
        "Rang 1: Sprachkurse ausbauen (Score 0,82; 15 Punkte). Zufriedenheit 87 %. "
        "Erstellt am 21.10.2016 um 14:05. Prüfsumme "
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08."
    )
    assert find_personal_data(report) == []


def test_find_reports_kind_and_position():
    text = "Frau Dr. Müller, Tel. 0711 123456, mail: a.b@c.de"
    findings = find_personal_data(text)
    assert findings == [
        Finding("name", "Frau Dr. Müller", 0, 15),
        Finding("phone", "0711 123456", 22, 33),
        Finding("email", "a.b@c.de", 41, 49),
    ]
    for f in findings:
        assert text[f.start : f.end] == f.match


def test_email_wins_over_phone_and_name():
    text = "0711123456@kreis.de"
    assert [f.kind for f in find_personal_data(text)] == ["email"]
    assert mask_personal_data(text) == "[E-Mail]"


def test_non_text_passes_through():
    assert mask_personal_data("") == ""
    assert find_personal_data("") == []
    assert find_personal_data(None) == []  # type: ignore[arg-type]


# --- mask_frame -------------------------------------------------------------------------------


def test_mask_frame_copies_and_masks_only_given_columns():
    df = pd.DataFrame(
        {
            "text": pd.array(["Frau Müller anrufen", None, "7.000 €"], dtype="string"),
            "group": pd.array(["Herr Meier", "AK Wohnen", "x"], dtype="string"),
            "votes": pd.array([1, 2, 3], dtype="Int64"),
        }
    )
    before = df.copy()
    out = mask_frame(df, columns=["text"])
    pd.testing.assert_frame_equal(df, before)
    assert out["text"].tolist() == ["Frau [Name] anrufen", pd.NA, "7.000 €"]
    assert out["text"].dtype == "string"
    pd.testing.assert_series_equal(out["group"], df["group"])
    pd.testing.assert_series_equal(out["votes"], df["votes"])


def test_mask_frame_keeps_index_and_default_str_dtype():
    df = pd.DataFrame({"text": ["a@b.de", "ok"]}, index=[5, 9])
    out = mask_frame(df, columns=["text"])
    assert out.index.tolist() == [5, 9]
    assert out["text"].tolist() == ["[E-Mail]", "ok"]


def test_mask_frame_missing_column_names_it():
    df = pd.DataFrame({"text": ["x"]})
    with pytest.raises(SchemaError, match="'kommentar'"):
        mask_frame(df, columns=["kommentar"])


def test_mask_frame_no_columns_is_a_copy():
    df = pd.DataFrame({"text": ["Herr Meier"]})
    out = mask_frame(df, columns=[])
    assert out is not df
    pd.testing.assert_frame_equal(out, df)


# --- properties -------------------------------------------------------------------------------

_pieces = st.one_of(
    st.sampled_from(
        [
            " ",
            "\n",
            "Frau ",
            "Herr ",
            "Herrn ",
            "Hr. ",
            "Fr. ",
            "Dr. ",
            "Prof. ",
            "von ",
            "Müller",
            "Meier-Lüdenscheidt",
            "und",
            "[Name]",
            "[Telefon]",
            "[E-Mail]",
            "@",
            ".",
            "de",
            "(at)",
            "+49",
            "0049",
            "(0)",
            "0711",
            "07151",
            "0170",
            "/",
            "-",
            "(",
            ")",
            "123456",
            "501-1092",
            "45",
            "67",
            "7.000 €",
            "20.10.2016",
            "2017",
            "M-03",
            "]",
        ]
    ),
    st.text(alphabet="0123456789 +-/().@abcXYZäÄ", max_size=6),
    st.text(max_size=6),
)
_texts = st.one_of(st.lists(_pieces, max_size=14).map("".join), st.text())


@settings(max_examples=200)
@given(_texts)
def test_mask_is_idempotent_and_leaves_nothing_to_find(text):
    masked = mask_personal_data(text)
    assert mask_personal_data(masked) == masked
    assert find_personal_data(masked) == []


@settings(max_examples=200)
@given(_texts)
def test_findings_are_ordered_disjoint_and_exact(text):
    findings = find_personal_data(text)
    last_end = 0
    for f in findings:
        assert f.kind in {"email", "phone", "name"}
        assert text[f.start : f.end] == f.match
        assert f.start >= last_end and f.end > f.start
        last_end = f.end
    assert (mask_personal_data(text) == text) == (findings == [])
