"""Abbreviations of the field (GU, VKL, JC, MBE …) and the words they stand for.

The lineage matcher reads an abbreviation as its words (:mod:`flueko.analyse.lineage_match`);
the name search never takes one written in capitals for a name (:mod:`flueko.privacy_names`:
„MBE und JMD beraten“, although Mbe is a first name).
"""

from __future__ import annotations

ABBREVIATIONS: dict[str, str] = {
    "gu": "Gemeinschaftsunterkunft",
    "gus": "Gemeinschaftsunterkünfte",
    "lea": "Erstaufnahme",
    "eae": "Erstaufnahme",
    "vkl": "Vorbereitungsklasse",
    "vk": "Vorbereitungsklasse",
    "jc": "Jobcenter",
    "afa": "Arbeitsagentur",
    "eq": "Einstiegsqualifizierung",
    "daz": "Deutsch als Zweitsprache",
    "daf": "Deutsch als Fremdsprache",
    "ik": "Integrationskurs",
    "bamf": "Bundesamt Migration",
    "abh": "Ausländerbehörde",
    "oepnv": "Nahverkehr",
    "vhs": "Volkshochschule",
    "uma": "unbegleitete minderjährige Geflüchtete",
    "umf": "unbegleitete minderjährige Geflüchtete",
    "jmd": "Jugendmigrationsdienst",
    "mbe": "Migrationsberatung",
    "kindertagesstaette": "Kita",
    "kindertagesstaetten": "Kita",
    "azubi": "Auszubildende",
    "azubis": "Auszubildende",
    "info": "Information",
    "infos": "Information",
    "ehrenamtler": "Ehrenamtliche",
    "fluechtling": "Geflüchtete",
    "fluechtlinge": "Geflüchtete",
    "asylbewerber": "Geflüchtete",
    "wlan": "Internet",
    "wifi": "Internet",
    "job": "Arbeit",
    "jobs": "Arbeit",
    "deutschkurs": "Sprachkurs",
    "deutschkurse": "Sprachkurse",
    "dtz": "Deutsch-Test für Zuwanderer",
    "egk": "elektronische Gesundheitskarte",
    "psz": "Psychosoziales Zentrum",
    "asa": "Assistierte Ausbildung",
    "bab": "Berufsausbildungsbeihilfe",
    "fim": "Flüchtlingsintegrationsmaßnahme",
    "ast": "Anrufsammeltaxi",
    "lra": "Landratsamt",
    "lk": "Landkreis",
    "kibe": "Kinderbetreuung",
    "iq": "Integration durch Qualifizierung Anerkennungsberatung",
    "vabo": "Vorqualifizierungsjahr Arbeit Beruf",
    "deufoev": "berufsbezogene Sprachförderung",
    "zue": "Unterkunft",
    "ehrenamtl": "ehrenamtlich",
}
"""Abbreviations and colloquial words of the field, read as the word they stand for (folded
keys). An office adds its own with ``abbreviations=`` of
:class:`flueko.analyse.lineage_match.Matcher`."""
