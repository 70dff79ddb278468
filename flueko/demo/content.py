"""The invented content of the demo dialogue of the "Landkreis Remstal" (pure data).

What the three rounds' files say: the guiding questions, the participants and costs of each
round (``round.yaml``), the kick-off's workshop cards, the candidate measures rated in the
deepening round, the plan draft of the extended workshop and how the surveys are answered
(groups, comments, item biases). :mod:`flueko.demo.generate` writes it into files of varied
layouts; only answer patterns come from a seeded ``random.Random`` there. All names, e-mail
addresses and phone numbers are fictional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from flueko import schema

DISTRICT = "Landkreis Remstal"
DIALOGUE = f"Kommunaler Flüchtlingsdialog {DISTRICT}"

ROUND_IDS: tuple[str, ...] = (
    "2016-10-20_auftakt",
    "2016-12-07_vertiefung",
    "2017-02-15_erweitert",
)

# --- the guiding questions and the groups -------------------------------------------------

QUESTION_TEXTS: dict[str, str] = {
    "probleme": "Wo sind die Probleme in der Praxis?",
    "gelingen": "Warum gelingt Integration (nicht)?",
    "handlungsspielraum": (
        "Was können wir tun, was ist im Einflussbereich der anwesenden Akteure?"
    ),
    "aktivitaeten": "Welche konkreten Aktivitäten können wir starten?",
    "vorschlaege_kommunen": "Was können wir den Kommunen vorschlagen?",
}
"""Canonical Leitfrage key (:data:`flueko.schema.QUESTIONS`) → question text, in order."""

BILDUNG_SHEETS: dict[str, str] = {
    "probleme": "1 Probleme",
    "gelingen": "2 Gelingen",
    "handlungsspielraum": "3 Was können wir tun",
    "aktivitaeten": "4 Aktivitäten",
    "vorschlaege_kommunen": "5 Vorschläge Kommunen",
}
"""Sheet name per Leitfrage in ``AK_Bildung_Ausbildung.xlsx``."""

WORKING_GROUPS: tuple[str, ...] = ("AK Wohnen", "AK Bildung/Ausbildung", "AK Arbeit", "AK Freizeit")

PARTICIPANTS: dict[str, dict[str, int]] = {
    "2016-10-20_auftakt": {
        "Kommunen": 8,
        "Agentur für Arbeit/Jobcenter": 3,
        "Kammern": 4,
        "Unternehmen": 3,
        "Ehrenamt": 6,
        "Kirchen/Vereine/Freie Träger": 5,
        "Schulen/Schulamt": 3,
        "Bildungsträger": 2,
        "Jugendamt": 1,
        "Wohnungswirtschaft": 1,
        "Flüchtlingssozialdienst": 2,
        "Geflüchtete": 3,
    },
    "2016-12-07_vertiefung": {
        "Kommunen": 6,
        "Agentur für Arbeit/Jobcenter": 2,
        "Kammern": 3,
        "Unternehmen": 2,
        "Ehrenamt": 5,
        "Kirchen/Vereine/Freie Träger": 1,
        "Schulen/Schulamt": 2,
        "Bildungsträger": 1,
        "Flüchtlingssozialdienst": 1,
        "Geflüchtete": 1,
    },
    "2017-02-15_erweitert": {
        "Kreisräte": 6,
        "Kommunen": 7,
        "Landratsamt": 3,
        "Ehrenamt": 2,
        "Kammern": 2,
    },
}
"""Participants per group and round (written to each ``round.yaml``)."""

PARTICIPANT_GROUPS: tuple[str, ...] = tuple(PARTICIPANTS["2016-10-20_auftakt"])
"""The participant groups of the kick-off (after the seed document's list)."""

WORKING_GROUP_SIZES: dict[str, int] = {
    "AK Wohnen": 11,
    "AK Bildung/Ausbildung": 10,
    "AK Arbeit": 11,
    "AK Freizeit": 9,
}
"""Members per working group at the kick-off (for normalising dot votes by group size)."""

COSTS: dict[str, dict[str, int]] = {
    "2016-10-20_auftakt": {
        "Moderation und Beratung": 2500,
        "Verpflegung": 600,
        "Material": 250,
        "Räume": 0,
    },
    "2016-12-07_vertiefung": {"Moderation und Beratung": 1800, "Verpflegung": 300, "Material": 120},
    "2017-02-15_erweitert": {"Moderation und Beratung": 1200, "Verpflegung": 280, "Material": 80},
}
"""Costs in EUR per round; together about 7,000 € as in the seed document."""

DOTS_PER_PERSON = 3

SURVEY_QUESTIONS: dict[str, str] = {
    "format": "Wie zufrieden waren Sie mit dem Format?",
    "struktur": "Wie zufrieden waren Sie mit der Struktur des Ablaufs?",
    "moderation": "Wie zufrieden waren Sie mit der Moderation?",
    "transparenz": "Wie zufrieden waren Sie mit der Transparenz des Vorgehens?",
    "umgang": "Wie zufrieden waren Sie mit dem fairen und respektvollen Umgang?",
    "informationsmaterial": "Wie zufrieden waren Sie mit dem Informationsmaterial?",
    "diskussionsqualitaet": "Wie zufrieden waren Sie mit der Qualität der Diskussion?",
    "erkenntnisse": "Wie zufrieden waren Sie mit den gewonnenen Erkenntnissen?",
    "ergebnisse": "Wie zufrieden waren Sie mit den Ergebnissen?",
    "mehrwert": "Wie zufrieden waren Sie mit dem Mehrwert für Ihre Arbeit?",
}
"""Survey item key (:data:`flueko.schema.SURVEY_ITEMS`) → question of the kick-off survey."""

SURVEY_COLUMN_LABELS: dict[str, str] = {
    "format": "Format",
    "struktur": "Struktur",
    "moderation": "Moderation",
    "transparenz": "Transparenz",
    "umgang": "Fairer und respektvoller Umgang",
    "informationsmaterial": "Informationsmaterial",
    "diskussionsqualitaet": "Diskussionsqualität",
    "erkenntnisse": "Erkenntnisse",
    "ergebnisse": "Ergebnisse",
    "mehrwert": "Mehrwert",
}
"""Short column headers of the deepening survey (numeric codes)."""

SURVEY_STATEMENTS: dict[str, str] = {
    "format": "Das Format der Veranstaltung war passend.",
    "struktur": "Der Ablauf war klar strukturiert.",
    "moderation": "Die Moderation war gut.",
    "transparenz": "Das Vorgehen war transparent.",
    "umgang": "Der Umgang miteinander war fair und respektvoll.",
    "informationsmaterial": "Das Informationsmaterial war hilfreich.",
    "diskussionsqualitaet": "Die Diskussion war sachlich und ergiebig.",
    "erkenntnisse": "Ich habe neue Erkenntnisse gewonnen.",
    "ergebnisse": "Mit den Ergebnissen lässt sich weiterarbeiten.",
    "mehrwert": "Die Teilnahme hat sich für mich gelohnt.",
}
"""Agreement statements of the extended-workshop survey."""

SATISFACTION_LABELS: tuple[str, ...] = (
    "sehr zufrieden",
    "zufrieden",
    "teils/teils",
    "unzufrieden",
    "sehr unzufrieden",
)
AGREEMENT_LABELS: tuple[str, ...] = (
    "trifft voll zu",
    "trifft eher zu",
    "teils/teils",
    "trifft eher nicht zu",
    "trifft gar nicht zu",
)
NO_ANSWER = "keine Angabe"

ITEM_BIAS: dict[str, float] = {
    "format": 0.0,
    "struktur": 0.1,
    "moderation": -0.4,
    "transparenz": 0.3,
    "umgang": -0.5,
    "informationsmaterial": 0.8,
    "diskussionsqualitaet": 0.1,
    "erkenntnisse": 0.3,
    "ergebnisse": 0.4,
    "mehrwert": 0.2,
}
"""How much worse (positive) or better than average each aspect is answered."""

SURVEY_GROUPS: dict[str, tuple[tuple[str, int], ...]] = {
    "2016-10-20_auftakt": (
        ("Kommune", 8),
        ("Ehrenamt", 5),
        ("Kirchen/Vereine", 5),
        ("Kammern", 3),
        ("Jobcenter", 2),
        ("Bildungsträger", 3),
        ("Geflüchtete", 3),
        ("Ehrenamt ", 1),
        ("", 1),
    ),
    "2016-12-07_vertiefung": (
        ("Kommune", 6),
        ("Ehrenamt", 5),
        ("Kammern", 3),
        ("Unternehmen", 1),
        ("Jobcenter", 2),
        ("Schule", 2),
    ),
    "2017-02-15_erweitert": (
        ("Kreisrat/Kreisrätin", 5),
        ("Kommune", 6),
        ("Landratsamt", 3),
        ("Ehrenamt", 2),
        ("Kammern", 1),
    ),
}
"""Respondent groups as typed by respondents (free text, one trailing space, one empty)."""

SURVEY_COMMENTS: dict[str, dict[int, str]] = {
    "2016-10-20_auftakt": {
        2: "Sehr gute Moderation, aber zu wenig Zeit in den Arbeitskreisen.",
        7: "Die Gruppen waren zu groß, nicht alle kamen zu Wort.",
        11: (
            "Bitte das Protokoll an Frau Beispiel weiterleiten, mail: info@example.org, "
            "Tel. 030 23125 678"
        ),
        16: "Gut, dass Geflüchtete selbst mitdiskutiert haben!",
        21: "Gut organisiert; der Imbiss war prima.",
        26: "Positiv: Austausch über Gemeindegrenzen hinweg.\nNegativ: zu kurz.",
        29: "Ergebnisse bitte zeitnah an die Kommunen schicken, Unterlagen auch übersetzen.",
    },
    "2016-12-07_vertiefung": {
        3: "Bewertungsbogen war anfangs unklar.",
        9: "Herr Mustermann hat die Kriterien gut erklärt.",
        15: "Mehr Unternehmen einladen.",
    },
    "2017-02-15_erweitert": {
        1: "Gute Vorbereitung für die Beratung im Kreistag.",
        8: "Kostenschätzungen bitte konkretisieren – Tel. Rückfragen unter 030 23125 679.",
        13: "Zu viele Maßnahmen auf einmal.",
    },
}
"""Free-text comments by respondent number (with fictional personal data to be masked)."""


# --- workshop cards of the kick-off -------------------------------------------------------


class Card(NamedTuple):
    """One workshop card: Leitfrage key, text as written, dot votes (``None`` = no dots)."""

    question: str
    text: str
    votes: int | None


P, G, H, A, V = schema.QUESTIONS  # probleme, gelingen, handlungsspielraum, aktivitaeten, ...

CARDS: dict[str, tuple[Card, ...]] = {
    "AK Wohnen": (
        Card(P, "Zu wenig bezahlbarer Wohnraum, die Anschlussunterbringung läuft voll", 3),
        Card(P, "Private Vermieter haben Vorbehalte gegenüber Geflüchteten", 2),
        Card(P, "Anerkannte Flüchtlinge bleiben als Fehlbeleger in der Gemeinschaftsunterkunft", 1),
        Card(P, "Mietobergrenzen des Jobcenters passen nicht zum örtlichen Mietspiegel", 1),
        Card(P, "• Hausordnung und Mülltrennung unbekannt\n• Konflikte mit Nachbarn", 1),
        Card(P, "Unterkünfte liegen weit draußen, kein Bus zu Sprachkurs und Arbeit", 1),
        Card(G, "Wohnpaten aus dem Ehrenamt begleiten Wohnungssuche und Mietvertrag", 2),
        Card(G, "Kleine dezentrale Unterkünfte erleichtern den Kontakt zur Nachbarschaft", 1),
        Card(G, "Vermieter haben keinen festen Ansprechpartner, wenn es Probleme gibt", 1),
        Card(G, "Kinder haben in der Unterkunft keinen ruhigen Platz zum Lernen", 1),
        Card(G, "Ehrenamtliche sind überlastet und springen überall ein", None),
        Card(H, "• Mieterführerschein anbieten\n• Merkblatt Mülltrennung in mehreren Sprachen", 2),
        Card(H, "Wohnungswirtschaft meldet freie Wohnungen direkt an die Integrationsstelle", 1),
        Card(H, "Leerstandsdaten zwischen Kommunen und Landkreis austauschen", 1),
        Card(H, "Sprachkurse direkt in der Unterkunft anbieten", 1),
        Card(A, "Wohnraumbörse für Geflüchtete auf der Homepage des Landkreises", 2),
        Card(A, "Kurs „Mieterführerschein“ mit Zertifikat, das Vermieter überzeugt", 1),
        Card(A, "Infoabend für Vermieter: Ansprechpartner, Mietgarantie, gute Beispiele", 1),
        Card(A, "• Schulung für Wohnpaten\n• Erfahrungsaustausch der Wohnpaten zweimal im Jahr", 1),
        Card(A, "Begegnungsfest in der Nachbarschaft der Unterkünfte", None),
        Card(V, "Mietausfallgarantie der Kommune für private Vermieter", 2),
        Card(V, "Leerstehende kommunale Gebäude umbauen statt neu bauen", 1),
        Card(V, "In jeder Kommune eine feste Ansprechperson Wohnen benennen", 1),
        Card(
            V,
            "• Sozialen Wohnungsbau fördern\n• Belegungsrechte sichern\n"
            "• Bauland für Wohnungen mit Mietbindung",
            1,
        ),
        Card(V, "Hausmeister und Sozialbetreuung in jeder Unterkunft", None),
    ),
    "AK Bildung/Ausbildung": (
        Card(P, "Wartezeiten auf Integrationskurse sind zu lang", 2),
        Card(P, "Sprachkursklassen sehr gemischt: Analphabeten neben Akademikern", 2),
        Card(P, "Einstufungstests der Sprachkursträger sind nicht vergleichbar", 2),
        Card(P, "VABO-Klassen voll, über 18-Jährige fallen aus der Schulpflicht", 2),
        Card(P, "Zeugnisse aus dem Herkunftsland werden nicht oder spät anerkannt", 1),
        Card(
            P,
            "• Kinderbetreuung während der Sprachkurse fehlt\n• Mütter bleiben deshalb zu Hause",
            1,
        ),
        Card(P, "Es fehlen berufsbezogene Sprachkurse ab B1", 1),
        Card(G, "Gelingt, wenn Lehrkräfte und Ehrenamtliche eng zusammenarbeiten", 1),
        Card(G, "Lernpaten helfen bei Hausaufgaben und Prüfungsvorbereitung", 1),
        Card(G, "Unterrichtsmethodik passt nicht zu Lernenden ohne Schulerfahrung", 1),
        Card(G, "Ausbildungsabbrüche wegen Fachsprache in der Berufsschule", 1),
        Card(G, "Eltern kennen das deutsche Schulsystem nicht", None),
        Card(H, "Qualitätsstandards für Einstufungstests mit den Kursträgern festlegen", 4),
        Card(H, "Sprachkursklassen nach Lernniveau homogener zusammensetzen", 2),
        Card(
            H,
            "• Ausbildungsbegleitende Hilfen bekannter machen\n"
            "• Nachhilfe in Fachsprache an der Berufsschule",
            1,
        ),
        Card(H, "Schulsozialarbeit an Schulen mit VABO-Klassen stärken", 1),
        Card(A, "Lernpatenschaften in den Unterkünften ausbauen", 1),
        Card(A, "Praktikumsbörse für VABO-Schülerinnen und -Schüler mit den Kammern", 2),
        Card(A, "Elternabende mit Dolmetschern: So funktioniert die Schule", None),
        Card(
            A,
            "• Fortbildung Deutsch als Zweitsprache für Lehrkräfte\n"
            "• Austausch der VABO-Lehrkräfte im Landkreis",
            1,
        ),
        Card(A, "Betriebsbesichtigungen für Schulklassen mit Geflüchteten", 1),
        Card(V, "Kinderbetreuung parallel zum Sprachkurs organisieren", 2),
        Card(V, "Räume für Sprachkurse und Hausaufgabenhilfe kostenlos bereitstellen", 1),
        Card(V, "Volkshochschulen bei zusätzlichen Alphabetisierungskursen unterstützen", 1),
        Card(V, "Kostenloser Bibliotheksausweis für Geflüchtete", None),
    ),
    "AK Arbeit": (
        Card(P, "berufsbezogene Sprachkurse fehlen", 2),
        Card(P, "Betriebe kennen die Regeln nicht (Arbeitserlaubnis, Duldung, Zustimmung)", 2),
        Card(P, "Unsicherer Aufenthaltsstatus: Betriebe scheuen Ausbildungsverträge", 2),
        Card(P, "Lange Wartezeit auf Integrationskurse verzögert den Einstieg in Arbeit", 1),
        Card(P, "Keine Busverbindung zu den Gewerbegebieten im Schichtbetrieb", 1),
        Card(P, "Qualifikationen lassen sich ohne Papiere kaum nachweisen", 1),
        Card(G, "Gelingt mit festem Ansprechpartner im Betrieb (Mentor)", 1),
        Card(G, "• Praktika öffnen Türen\n• Einstiegsqualifizierung nutzen", 1),
        Card(G, "Behördengänge zu kompliziert, zu viele Stellen zuständig", 2),
        Card(G, "Erfolgreiche Beispiele aus Betrieben sind zu wenig bekannt", 1),
        Card(H, "Kammern beraten Betriebe gezielt zur Ausbildung von Geflüchteten", 1),
        Card(H, "Jobcenter und Agentur bieten eine gemeinsame Sprechstunde für Betriebe an", 1),
        Card(H, "Kompetenzfeststellung früh und praxisnah (Arbeitsprobe im Betrieb)", 1),
        Card(H, "Sprachkurse am Abend für Beschäftigte", 0),
        Card(
            A,
            "Veranstaltungskonzept mit Referentenpool: Info-Abende vor Ort für Betriebe "
            "und Ehrenamtliche zur Beschäftigung von Migranten",
            5,
        ),
        Card(A, "• Jobbörse für Geflüchtete\n• Speed-Dating mit Betrieben", 1),
        Card(A, "Leitfaden für Betriebe: Schritt für Schritt zur Einstellung", 1),
        Card(A, "Ehrenamtliche Jobpaten schulen", 0),
        Card(A, "Betriebsbesichtigungen für VABO-Klassen", 1),
        Card(V, "Angebot des Kreises an die Kommunen: Info-Abende für örtliche Betriebe", 1),
        Card(V, "Kommunen als Arbeitgeber: Praktikumsplätze in Bauhof und Verwaltung", 1),
        Card(V, "Feste Ansprechperson für Betriebe im Landratsamt benennen", 2),
        Card(V, "Kinderbetreuung auch für Eltern in Arbeit und Ausbildung", None),
        Card(V, "Vergünstigtes Nahverkehrsticket für Azubis und Geflüchtete", 1),
        Card(V, "Ehrenamtliche Jobpaten in jeder Gemeinde", 0),
    ),
    "AK Freizeit": (
        Card(P, "Vereine wissen nicht, wie sie Geflüchtete erreichen", 2),
        Card(P, "Mitgliedsbeiträge und Ausrüstung sind für Geflüchtete zu teuer", 2),
        Card(P, "Ehrenamt ist überlastet, zu wenige Aktive tragen alles", 1),
        Card(P, "Geflüchtete kennen die Freizeitangebote vor Ort nicht", 2),
        Card(P, "Ohne Auto kommt man abends nicht zum Training, Fahrtkosten zu hoch", 1),
        Card(P, "Frauen und Mädchen nehmen kaum an Angeboten teil", 1),
        Card(G, "Sport verbindet auch ohne viele Worte", None),
        Card(G, "Gelingt, wenn ein Vereinsmitglied persönlich abholt und begleitet", 1),
        Card(G, "• Versicherungsfragen ungeklärt\n• Unsicherheit bei der Haftung", 1),
        Card(G, "Begegnung findet oft nur unter Geflüchteten statt", 1),
        Card(H, "Vereine stellen ihre Angebote in den Unterkünften vor", 1),
        Card(
            H,
            "Vereinsrundgänge: Vereine öffnen ihre Türen und zeigen ihre Freizeitangebote",
            4,
        ),
        Card(
            H,
            "Ermäßigte Mitgliedsbeiträge im Gegenzug für ehrenamtliche Mitarbeit im Verein",
            3,
        ),
        Card(H, "Sprachcafé im Vereinsheim: Deutsch lernen beim Vereinssport", 1),
        Card(
            A,
            "Format zur Präsentation der Freizeitangebote örtlicher Vereine entwickeln "
            "(z. B. Rundgänge)",
            2,
        ),
        Card(A, "• Mehrsprachiger Freizeitkalender\n• Aushang in den Unterkünften", 1),
        Card(A, "Begegnungsfest mit Vereinen und Nachbarn", 1),
        Card(A, "Schwimmkurse für Kinder und Frauen", 1),
        Card(A, "Fahrradwerkstatt mit Ehrenamtlichen: mobil zu Freizeit und Arbeit", 1),
        Card(V, "Vergünstigter Eintritt in Schwimmbad, Bücherei und Museum mit Familienpass", 1),
        Card(V, "Kommunale Zuschüsse für Vereine, die Geflüchtete aufnehmen", 1),
        Card(V, "Ansprechperson Ehrenamt in jeder Kommune", 1),
        Card(V, "Hallenzeiten für offene Angebote bereitstellen", None),
        Card(V, "Vergünstigtes ÖPNV-Ticket auch für Freizeitfahrten", 1),
    ),
}
"""The kick-off's workshop cards per working group, grouped by Leitfrage in their order."""


# --- measures: rated in round 2, planned in round 3 -----------------------------------------


class Measure(NamedTuple):
    """A candidate measure with the (hidden) typical rating the demo raters scatter around."""

    title: str
    field: str
    impact: float
    effort: float
    urgency: float
    feasibility: float
    cost: str | int | None
    responsible: str
    timeframe: str


MEASURES: tuple[Measure, ...] = (
    Measure(
        "Qualitätsstandards für Einstufungstests und homogenere Sprachkursklassen",
        "Sprache", 4.5, 3.0, 4.0, 3.0, "ca. 2.500 €",
        "Integrationsbeauftragte mit Sprachkursträgern", "mittelfristig",
    ),
    Measure(
        "Vereinsrundgänge: Freizeitangebote örtlicher Vereine vorstellen",
        "Freizeit", 4.0, 2.0, 3.0, 4.5, "2.000 – 4.000 EUR",
        "Sportkreis und Kommunen", "Q2/2017",
    ),
    Measure(
        "Ermäßigte Mitgliedsbeiträge gegen ehrenamtliche Mitarbeit im Verein",
        "Freizeit", 3.0, 1.5, 2.0, 4.0, "kostenneutral",
        "Vereine", "kurzfristig",
    ),
    Measure(
        "Info-Abende für Betriebe mit Referentenpool zur Beschäftigung von Migranten",
        "Arbeit", 4.5, 3.0, 4.0, 4.0, "5-10 T€",
        "Wirtschaftsförderung Landratsamt", "2017",
    ),
    Measure(
        "Berufsbezogene Sprachkurse ausbauen",
        "Sprache", 5.0, 4.5, 5.0, 2.5, "k. A.",
        "Agentur für Arbeit und Jobcenter", "2017",
    ),
    Measure(
        "Wohnraumbörse für Geflüchtete",
        "Wohnen", 3.5, 3.0, 4.0, 3.0, 1200,
        "Landratsamt mit Wohnungswirtschaft", "kurzfristig",
    ),
    Measure(
        "Mietausfallgarantie für private Vermieter",
        "Wohnen", 3.0, 4.0, 3.5, 2.0, "ca. 20.000 € pro Jahr",
        "Kommunen", "mittelfristig",
    ),
    Measure(
        "Mieterführerschein für Geflüchtete",
        "Wohnen", 3.0, 2.0, 3.0, 4.5, "ca. 800 €",
        "Flüchtlingssozialdienst", "laufend",
    ),
    Measure(
        "Feste Ansprechperson für Betriebe im Landratsamt",
        "Arbeit", 4.0, 2.5, 4.0, 4.0, "kostenneutral",
        "Wirtschaftsförderung Landratsamt", "kurzfristig",
    ),
    Measure(
        "Lernpatenschaften und Hausaufgabenhilfe in den Unterkünften",
        "Bildung", 3.5, 2.5, 3.0, 4.0, "500 €",
        "Ehrenamtskoordination", "laufend",
    ),
    Measure(
        "Praktikumsbörse für VABO-Klassen mit den Kammern",
        "Bildung", 4.0, 3.0, 3.5, 3.5, "3.000 - 5.000 €",
        "Schulamt mit IHK und HWK", "2017",
    ),
    Measure(
        "Vergünstigtes ÖPNV-Ticket für Geflüchtete",
        "Gesellschaft", 4.0, 4.5, 3.0, 2.0, "k. A.",
        "Kreistag und Verkehrsverbund", "mittelfristig",
    ),
    Measure(
        "Schulung und Erfahrungsaustausch für Ehrenamtliche",
        "Gesellschaft", 3.0, 2.0, 3.0, 4.5, "ca. 1.500 €",
        "Integrationsbeauftragte", "laufend",
    ),
    Measure(
        "Kinderbetreuung parallel zu Sprachkursen",
        "Sprache", 4.0, 4.0, 4.0, 2.5, "ca. 6.000 €",
        "Jugendamt mit Kursträgern", "Q2/2017",
    ),
)  # fmt: skip
"""The candidate measures rated in the deepening round (derived from the kick-off cards)."""

DISPUTED_MEASURE = "Mietausfallgarantie für private Vermieter"
DISPUTED_IMPACT: tuple[int, ...] = (5, 1, 4, 1, 5, 2, 5, 1)
"""Wirkung given by TN01…TN08 to :data:`DISPUTED_MEASURE`: the raters disagree widely."""

RATERS: tuple[str, ...] = tuple(f"TN{i:02d}" for i in range(1, 9))
WIDE_RATERS: tuple[str, ...] = ("TN09", "TN10")

RATING_HEADER: tuple[str, ...] = (
    "Maßnahme",
    "Handlungsfeld",
    "Bewerter/in",
    "Wirkung (1-5)",
    "Aufwand (1-5)",
    "Dringlichkeit (1-5)",
    "Umsetzbarkeit (1-5)",
    "Geschätzte Kosten",
    "Zuständig",
    "Zeitraum",
)


class PlanRow(NamedTuple):
    """One row of the plan draft (costs in EUR; ``None`` = not yet known)."""

    field: str
    title: str
    goal: str
    responsible: str
    partners: str
    timeframe: str
    cost_from: int | None
    cost_to: int | None
    status: str


PLAN: tuple[PlanRow, ...] = (
    PlanRow(
        "Sprache", MEASURES[0].title,
        "Vergleichbare Einstufung, Klassen mit ähnlichem Lernstand",
        "Integrationsbeauftragte", "Sprachkursträger, VHS", "2017", 2000, 3000, "in Vorbereitung",
    ),
    PlanRow(
        "Sprache", MEASURES[4].title,
        "Mehr Geflüchtete erreichen das für Ausbildung nötige Sprachniveau",
        "Agentur für Arbeit", "Jobcenter, Bildungsträger", "2017/2018", None, None, "geplant",
    ),
    PlanRow(
        "Sprache", MEASURES[13].title,
        "Eltern kleiner Kinder können an Sprachkursen teilnehmen",
        "Jugendamt", "Kursträger, Kommunen", "Q2/2017", 5000, 7000, "geplant",
    ),
    PlanRow(
        "Arbeit", MEASURES[3].title,
        "Betriebe kennen Wege und Regeln der Beschäftigung von Migranten",
        "Wirtschaftsförderung Landratsamt", "IHK, HWK, Agentur für Arbeit", "Q3/2017",
        5000, 10000, "in Vorbereitung",
    ),
    PlanRow(
        "Arbeit", MEASURES[8].title,
        "Ein Ansprechpartner für alle Fragen der Betriebe",
        "Wirtschaftsförderung Landratsamt", "Jobcenter", "kurzfristig", 0, 0, "begonnen",
    ),
    PlanRow(
        "Bildung", MEASURES[10].title,
        "Jede VABO-Klasse erhält Praktikumsangebote",
        "Schulamt", "IHK, HWK", "2017", 3000, 5000, "geplant",
    ),
    PlanRow(
        "Bildung", MEASURES[9].title,
        "Verlässliche Lernunterstützung für Schulkinder in den Unterkünften",
        "Ehrenamtskoordination", "Schulen, Kirchengemeinden", "laufend", 500, 500, "begonnen",
    ),
    PlanRow(
        "Wohnen", MEASURES[5].title,
        "Freie Wohnungen schneller vermitteln",
        "Landratsamt", "Wohnungswirtschaft, Kommunen", "kurzfristig", 1200, 1200,
        "in Vorbereitung",
    ),
    PlanRow(
        "Wohnen", MEASURES[7].title,
        "Mieter kennen Rechte und Pflichten, Vermieter gewinnen Vertrauen",
        "Flüchtlingssozialdienst", "Wohnpaten", "laufend", 800, 800, "begonnen",
    ),
    PlanRow(
        "Freizeit", MEASURES[1].title,
        "Geflüchtete lernen die Vereine ihres Wohnorts kennen",
        "Sportkreis", "Vereine, Kommunen", "Q2/2017", 2000, 4000, "geplant",
    ),
    PlanRow(
        "Freizeit", MEASURES[2].title,
        "Vereinsmitgliedschaft scheitert nicht am Beitrag",
        "Vereine", "Sportkreis", "kurzfristig", 0, 0, "geplant",
    ),
    PlanRow(
        "Gesellschaft", MEASURES[12].title,
        "Ehrenamtliche sind informiert und entlastet",
        "Integrationsbeauftragte", "Freie Träger, Kirchen", "laufend", 1500, 1500, "begonnen",
    ),
    PlanRow(
        "Gesellschaft", "Integrationsplan jährlich fortschreiben und im Kreistag berichten",
        "Fortschritt der Maßnahmen wird sichtbar und verbindlich",
        "Integrationsbeauftragte", "alle Akteure des Dialogs", "mittelfristig", None, None,
        "geplant",
    ),
)  # fmt: skip
"""The plan draft of the extended workshop; titles continue those of :data:`MEASURES`."""

PLAN_HEADER: tuple[str, ...] = (
    "Nr.",
    "Handlungsfeld",
    "Maßnahme",
    "Ziel",
    "Zuständig",
    "Partner",
    "Zeitraum",
    "Kosten von",
    "Kosten bis",
    "Status",
)

# --- round.yaml ----------------------------------------------------------------------------

ROUND_META: dict[str, dict[str, Any]] = {
    "2016-10-20_auftakt": {
        "title": "Kommunaler Flüchtlingsdialog – Auftaktveranstaltung",
        "date": dt.date(2016, 10, 20),
        "kind": "Auftakt",
        "note": (
            "Vier parallele Arbeitskreise (Wohnen, Bildung/Ausbildung, Arbeit, Freizeit) zu "
            "fünf Leitfragen, anschließend Vorstellung im Plenum und Punktabfrage. "
            "Fiktive Demo-Daten."
        ),
    },
    "2016-12-07_vertiefung": {
        "title": "Vertiefungsworkshops – Bewertung der Maßnahmenvorschläge",
        "date": dt.date(2016, 12, 7),
        "kind": "Vertiefung",
        "note": (
            "Die Vorschläge der Auftaktveranstaltung wurden zu Maßnahmen gebündelt und nach "
            "Wirkung, Aufwand, Dringlichkeit und Umsetzbarkeit bewertet. Fiktive Demo-Daten."
        ),
        "hints": {"survey_scale": "1=sehr zufrieden"},
    },
    "2017-02-15_erweitert": {
        "title": "Erweiterter Workshop mit Kreisräten – Entwurf Maßnahmenplan",
        "date": dt.date(2017, 2, 15),
        "kind": "Erweiterter Workshop",
        "note": (
            "Entwurf des Maßnahmenplans für den Integrationsplan, Beratung mit Kreisräten und "
            "weiteren Integrationsbeauftragten der Kommunen. Fiktive Demo-Daten."
        ),
    },
}
"""Title, date, kind, note and reading hints of each round's ``round.yaml``."""
