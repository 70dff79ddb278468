"""Regenerate ``flueko/resources/first_names.txt``: the first-name lexicon of the privacy masking.

Source: the ``names-dataset`` package (Apache-2.0; first names with their rank per country).
A name is kept when it ranks high enough in a country the people of the dialogues come from
(or in a German-speaking country). German words are marked or dropped with ``wordfreq``'s
German word frequencies: a name that is also a frequent German word (``Ernst``, ``Frank``,
``Rosa``) is marked ``~`` — the masking then needs a surname or a cue beside it.

Usage (developers only; the file is shipped, flueko never runs this)::

    python -m venv /tmp/v && /tmp/v/bin/pip install names-dataset==3.3.1 wordfreq==3.1.1
    /tmp/v/bin/python scripts/build_first_names.py
"""

from __future__ import annotations

import gzip
import pickle
import re
import unicodedata
from pathlib import Path

import names_dataset
from wordfreq import zipf_frequency

TARGET = Path(__file__).resolve().parents[1] / "flueko" / "resources" / "first_names.txt"

# Country → rank limit (names-dataset ranks names per country by frequency).
GERMAN = {"DE": 2000, "AT": 1000, "CH": 1000}
ORIGIN = {
    # Turkish, Kurdish, Arabic, Persian/Dari, Pashto
    **dict.fromkeys(
        [
            "TR",
            "SY",
            "IQ",
            "AF",
            "IR",
            "LB",
            "JO",
            "PS",
            "EG",
            "SA",
            "YE",
            "SD",
            "LY",
            "TN",
            "MA",
            "DZ",
            "AZ",
        ],
        3000,
    ),
    # Horn of Africa (Tigrinya, Amharic, Somali) and their diaspora in Scandinavia
    **dict.fromkeys(["ET", "DJ", "NO", "SE"], 3000),
    # West and Central Africa (Nigeria, Ghana, Cameroon: Chinedu, Ngozi, Chioma) and, for the
    # francophone West Africans (Gambia, Guinea, Senegal are not in the data set), France
    # (Aminata, Fatou, Ousmane)
    **dict.fromkeys(["NG", "GH", "CM"], 3000),
    "FR": 1000,
    # Eastern Europe and the Balkans
    **dict.fromkeys(["RU", "KZ", "MD", "PL", "HR", "RS", "AL", "BG", "GE", "CZ"], 2000),
    # international names (Helen, James) common in every group
    **dict.fromkeys(["GB", "US", "IE"], 500),
}
LIMITS = {**ORIGIN, **GERMAN}
NAME = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]{2,})?")
# A German word this frequent (Zipf scale) that is no more than a rare name in German-speaking
# countries is a word that people typed into the name field: dropped.
WORD_ZIPF = 3.8
# A word seen this often in German text that is no popular name anywhere is marked.
MARK_ZIPF = 3.0
GERMAN_NAME_RANK = 300
# A word this frequent in English or Arabic text that is no popular name is marked as well: cards
# are also written in English ("Doctor appointments …") or Arabic ("لنا" = "for us").
FOREIGN_ZIPF = 4.5
# A name this popular somewhere is a name first, however often the word occurs (Thomas, Ali).
POPULAR_RANK = 500
# First names that are also ordinary German words (adjectives, nouns, idioms, brands): marked.
WORDS = set(
    [
        "ernst",
        "frank",
        "rosa",
        "hans",
        "jung",
        "lang",
        "klein",
        "weiß",
        "weiss",
        "braun",
        "bauer",
        "fischer",
        "koch",
        "schneider",
        "meister",
        "engel",
        "stern",
        "sonne",
        "winter",
        "sommer",
        "mai",
        "august",
        "christ",
        "nur",
        "amen",
        "iman",
        "islam",
        "said",
        "heil",
        "glück",
        "will",
        "love",
        "happy",
        "king",
        "sky",
        "sun",
        "golden",
        "star",
        "best",
        "gift",
        "hope",
        "faith",
        "grace",
        "rose",
        "lila",
        "vita",
        "adler",
        "fuchs",
        "wolf",
        "hahn",
        "vogel",
        "baer",
        "bär",
        "mond",
        "sand",
        "stein",
        "berg",
        "kurz",
        "lange",
        "mark",
        "ehre",
        "mentor",
    ]
)
# Words that are names somewhere but far more often German words or abbreviations in cards.
NEVER = set(
    [
        "aber",
        "alle",
        "alt",
        "amt",
        "antrag",
        "april",
        "arbeit",
        "asyl",
        "auch",
        "august",
        "bad",
        "bei",
        "bitte",
        "christ",
        "dank",
        "das",
        "dem",
        "den",
        "der",
        "deutsch",
        "die",
        "ding",
        "doch",
        "ehe",
        "ende",
        "eine",
        "er",
        "es",
        "fest",
        "firma",
        "frau",
        "frei",
        "fr",
        "gast",
        "gut",
        "gute",
        "haus",
        "herr",
        "hier",
        "ich",
        "ihr",
        "im",
        "in",
        "job",
        "juli",
        "juni",
        "jung",
        "kind",
        "kinder",
        "kita",
        "klasse",
        "klein",
        "kontakt",
        "kurs",
        "kurse",
        "lage",
        "lang",
        "lange",
        "liebe",
        "mai",
        "mann",
        "mehr",
        "meister",
        "mit",
        "nach",
        "name",
        "neu",
        "nur",
        "oder",
        "plan",
        "rat",
        "sa",
        "sehr",
        "seit",
        "sie",
        "so",
        "sonne",
        "sport",
        "stadt",
        "team",
        "tee",
        "und",
        "unter",
        "viel",
        "von",
        "wald",
        "wir",
        "wohnen",
        "zu",
        "bus",
        "bahn",
        "tafel",
        "markt",
        "hof",
        "dorf",
        "berg",
        "see",
        "land",
        "ost",
        "west",
        "nord",
        "sued",
        "süd",
        "mitte",
        "ramadan",
        "bayram",
        "newroz",
        "nouruz",
        "nowruz",
        "silvester",
        "ostern",
        "weihnachten",
        "kurban",
        "aldi",
        "lidl",
        "bosch",
        "daimler",
        "mercedes",
        "benz",
        "samsung",
        "sony",
        "apple",
        "nokia",
        "siemens",
        "porsche",
        "audi",
        "afghanistan",
        "syrien",
        "irak",
        "iran",
        "eritrea",
        "somalia",
        "türkei",
        "ukraine",
        "florida",
        "madrid",
        "stockholm",
        "basel",
        "london",
        "bayern",
        "hessen",
        "berlin",
        "rom",
        "paris",
        "nato",
        "fifa",
    ]
)


def main() -> None:
    path = Path(names_dataset.__file__).parent / "v3" / "first_names.pkl.gz"
    with gzip.open(path) as fh:
        table = pickle.load(fh)  # the package's own data file
    names: dict[str, str] = {}
    for name, info in table.items():
        if not NAME.fullmatch(name) or name.isupper() or name.casefold() in NEVER:
            continue
        ranks = info.get("rank") or {}
        if not any(rank <= LIMITS.get(country, 0) for country, rank in ranks.items()):
            continue
        key = name[0].upper() + name[1:].lower()
        zipf = zipf_frequency(key.lower(), "de")
        german_rank = min((ranks.get(c, 10**6) for c in GERMAN), default=10**6)
        origin_rank = min((ranks.get(c, 10**6) for c in ORIGIN), default=10**6)
        if zipf >= WORD_ZIPF + 0.7 and german_rank > GERMAN_NAME_RANK and origin_rank > 300:
            continue
        popular = min(german_rank, origin_rank) <= POPULAR_RANK
        # the masking also matches the name without diacritics ("Dōçtõr" as "Doctor")
        bare = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
        zipf = max(zipf, zipf_frequency(bare.lower(), "de"))
        foreign = max(
            zipf_frequency(key.lower(), "en"),
            zipf_frequency(bare.lower(), "en"),
            zipf_frequency(key, "ar"),
        )
        word_like = zipf >= MARK_ZIPF or foreign >= FOREIGN_ZIPF
        mark = "~" if key.casefold() in WORDS or (word_like and not popular) else ""
        if names.get(key) != "":
            names[key] = mark
    lines = [
        "# First names for the privacy masking — generated by scripts/build_first_names.py;",
        "# do not edit by hand. Source: names-dataset 3.3.1 (Apache-2.0, Philippe Remy).",
        "# '~' marks a name that is also a frequent German word: masked only beside a surname",
        "# or a cue (Frau, Familie, Kontakt, …).",
    ]
    lines += [f"{name}{mark}" for name, mark in sorted(names.items())]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} names ({sum(m == '~' for m in names.values())} marked) → {TARGET}")


if __name__ == "__main__":
    main()
