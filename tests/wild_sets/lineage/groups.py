"""Measure titles (as a plan or rating sheet words them) and kick-off cards that led to them.

Written from how cards and plans are worded in practice, independently of flueko's matcher:
cards are short, informal, often a problem rather than a solution, with abbreviations and
compounds; titles are formal and longer. Each entry: (field, measure title, [cards that the
measure clearly comes from]).
"""

GROUPS: list[tuple[str, str, list[str]]] = [
    (
        "wohnen",
        "Wohnraumbörse für Geflüchtete beim Landratsamt einrichten",
        [
            "Wohnungsbörse! Vermieter und Flüchtlinge zusammenbringen",
            "zentrale Stelle die freie Wohnungen sammelt",
        ],
    ),
    (
        "wohnen",
        "Mietpatenschaften: Ehrenamtliche begleiten Wohnungssuche und Mietvertrag",
        [
            "Paten die bei der Wohnungssuche helfen",
            "Begleitung zum Vermieter, Mietvertrag erklären",
        ],
    ),
    (
        "wohnen",
        "Leerstände in den Gemeinden erfassen und aktivieren",
        [
            "leerstehende Häuser in den Dörfern nutzen",
            "Leerstand erfassen – wer weiß wo was frei ist?",
        ],
    ),
    (
        "wohnen",
        "Informationsabende für private Vermieter zu Mietgarantie und Ansprechpartnern",
        [
            "Vermieter haben Angst – Infoveranstaltung für Vermieter",
            "Mietausfallgarantie bekannter machen",
        ],
    ),
    (
        "wohnen",
        "Wohnführerschein: Kurs zu Mülltrennung, Heizen, Lüften und Hausordnung",
        ["Mülltrennung und Hausordnung erklären", "Kurs richtig heizen und lüften"],
    ),
    (
        "wohnen",
        "Auszug aus Gemeinschaftsunterkünften beschleunigen (Fehlbeleger)",
        [
            "Anerkannte sitzen noch in der GU fest",
            "Fehlbeleger in Gemeinschaftsunterkunft – schneller raus",
        ],
    ),
    (
        "wohnen",
        "Sozialen Wohnungsbau im Landkreis ausweiten",
        ["mehr bezahlbarer Wohnraum bauen", "Sozialwohnungen fehlen überall"],
    ),
    (
        "wohnen",
        "Dezentrale Unterbringung in kleinen Wohneinheiten statt Großunterkünften",
        ["keine Massenunterkünfte, lieber kleine Wohnungen verteilt", "dezentral unterbringen"],
    ),
    (
        "sprache",
        "Sprachkursangebote für Eltern mit paralleler Kinderbetreuung",
        [
            "Deutschkurs mit Kinderbetreuung für Mütter",
            "Frauen können nicht zum Kurs weil Kinder zuhause",
        ],
    ),
    (
        "sprache",
        "Sprachpatenschaften ausbauen und Ehrenamtliche schulen",
        ["mehr Sprachpaten", "Schulung für Ehrenamtliche die Deutsch unterrichten"],
    ),
    (
        "sprache",
        "Wartezeiten auf Integrationskurse verkürzen",
        ["zu lange Wartezeit auf den Integrationskurs", "monatelang warten bis Kurs anfängt"],
    ),
    (
        "sprache",
        "Sprachcafé als offener Treffpunkt in jeder Gemeinde",
        ["Sprachcafé einrichten", "offener Treff zum Deutsch üben"],
    ),
    (
        "sprache",
        "Einstufungstests vereinheitlichen und Kursklassen nach Niveau bilden",
        [
            "Kurse zu gemischt – Analphabeten neben Akademikern",
            "einheitliche Einstufung vor dem Kurs",
        ],
    ),
    (
        "sprache",
        "Alphabetisierungskurse für nicht lateinisch alphabetisierte Erwachsene",
        ["Alphakurse fehlen", "viele können unsere Schrift nicht lesen"],
    ),
    (
        "sprache",
        "Berufsbezogene Sprachkurse (DeuFöV) mit Betrieben koordinieren",
        ["Fachsprache für den Beruf", "Deutsch für den Job – berufsbezogener Kurs"],
    ),
    (
        "sprache",
        "Dolmetscherpool für Behördengänge und Arztbesuche aufbauen",
        ["Dolmetscher fehlen bei Terminen", "Übersetzer-Pool für Arzt und Amt"],
    ),
    (
        "sprache",
        "Fahrtkosten zu Sprachkursen im ländlichen Raum übernehmen",
        ["Busticket zum Kurs ist zu teuer", "Fahrkosten für Deutschkurs erstatten"],
    ),
    (
        "arbeit",
        "Praktikumsbörse mit regionalen Betrieben",
        ["Praktikumsplätze vermitteln", "Betriebe die Praktika anbieten sammeln"],
    ),
    (
        "arbeit",
        "Anerkennung ausländischer Berufsabschlüsse beschleunigen und beraten",
        ["Abschlüsse werden nicht anerkannt", "Beratung zur Anerkennung von Zeugnissen"],
    ),
    (
        "arbeit",
        "Jobpaten begleiten den Einstieg in Ausbildung und Arbeit",
        ["Paten für den Berufseinstieg", "jemand der mit zum Vorstellungsgespräch geht"],
    ),
    (
        "arbeit",
        "Betriebe über Beschäftigungserlaubnis und 3+2-Regelung informieren",
        ["Arbeitgeber wissen nicht ob sie einstellen dürfen", "Infos zur 3+2 Regel für Firmen"],
    ),
    (
        "arbeit",
        "Kompetenzfeststellung früh im Asylverfahren",
        ["früh schauen was die Leute können", "Kompetenzen erfassen schon in der Erstaufnahme"],
    ),
    (
        "arbeit",
        "Runder Tisch Arbeitsmarkt mit Jobcenter, Agentur, Kammern und Betrieben",
        ["alle an einen Tisch: JC, AA, IHK, HWK", "Netzwerk Arbeit gründen"],
    ),
    (
        "arbeit",
        "Einstiegsqualifizierung im Handwerk ausbauen",
        ["EQ im Handwerk nutzen", "Handwerksbetriebe suchen Azubis – Einstiegsqualifizierung"],
    ),
    (
        "arbeit",
        "Mobilität zum Arbeitsplatz sichern: Fahrradwerkstatt und Mitfahrbörse",
        ["kein Bus zur Frühschicht", "Fahrräder für den Weg zur Arbeit"],
    ),
    (
        "arbeit",
        "Teilzeitausbildung für junge Mütter ermöglichen",
        [
            "Ausbildung in Teilzeit für Mütter",
            "Mütter mit Kind können keine Vollzeitausbildung machen",
        ],
    ),
    (
        "bildung",
        "Vorbereitungsklassen an allen weiterführenden Schulen einrichten",
        ["VKL an jeder Schule", "Vorbereitungsklassen fehlen an Gymnasien"],
    ),
    (
        "bildung",
        "Hausaufgabenhilfe durch Ehrenamtliche und Schülerpaten",
        ["Hausaufgabenbetreuung", "Schüler helfen Schülern bei den Hausaufgaben"],
    ),
    (
        "bildung",
        "Elternabende mit Dolmetschern und Elterncafés an Schulen",
        ["Eltern verstehen den Elternabend nicht", "Elterncafé in der Schule"],
    ),
    (
        "bildung",
        "Kitaplätze für Kinder aus geflüchteten Familien sichern",
        ["zu wenige Kita-Plätze", "Flüchtlingskinder bekommen keinen Kindergartenplatz"],
    ),
    (
        "bildung",
        "Berufsschulpflicht bis 25: VABO-Klassen ausweiten",
        ["VABO Klassen sind voll", "über 18 keine Schule mehr – Berufsschule bis 25"],
    ),
    (
        "bildung",
        "Schulsozialarbeit an Schulen mit vielen neu zugewanderten Kindern verstärken",
        ["mehr Schulsozialarbeiter", "Sozialarbeit an Brennpunktschulen"],
    ),
    (
        "bildung",
        "Fortbildung für Lehrkräfte zu Deutsch als Zweitsprache und Traumapädagogik",
        ["Lehrer sind überfordert – Fortbildung DaZ", "Traumapädagogik für Lehrkräfte"],
    ),
    (
        "bildung",
        "Bildungslotsen informieren Familien über das deutsche Schulsystem",
        ["Schulsystem versteht keiner", "Lotsen die Eltern das Schulsystem erklären"],
    ),
    (
        "gesundheit",
        "Psychosoziale Beratung und Traumatherapie für Geflüchtete ausbauen",
        ["Traumatisierte bekommen keine Therapie", "psychologische Hilfe fehlt"],
    ),
    (
        "gesundheit",
        "Gesundheitskarte für Asylbewerber einführen",
        ["Krankenschein ist kompliziert – Gesundheitskarte!", "eGK für Asylsuchende"],
    ),
    (
        "gesundheit",
        "Gesundheitslotsen aus den Communities ausbilden",
        ["Landsleute erklären das Gesundheitssystem", "Gesundheitsmediatoren aus der Community"],
    ),
    (
        "gesundheit",
        "Arztpraxen mit Dolmetsch-Hotline unterstützen",
        ["Ärzte verstehen Patienten nicht", "Telefondolmetscher für Praxen"],
    ),
    (
        "freizeit",
        "Vereine öffnen: Schnupperangebote und Beitragsbefreiung für Geflüchtete",
        ["Sportverein kostenlos für Flüchtlinge", "Vereine sollen sich öffnen"],
    ),
    (
        "freizeit",
        "Begegnungsfeste in den Gemeinden organisieren",
        ["gemeinsames Fest feiern", "Begegnungsfest im Dorf"],
    ),
    (
        "freizeit",
        "Offene Fahrradwerkstatt als Treffpunkt",
        ["Fahrradwerkstatt", "Räder reparieren zusammen"],
    ),
    (
        "freizeit",
        "Frauentreff mit Kinderbetreuung",
        ["Treffpunkt nur für Frauen", "Frauencafé mit Kinderecke"],
    ),
    (
        "freizeit",
        "Jugendtreffs und Jugendarbeit für junge Geflüchtete öffnen",
        ["Jugendliche hängen rum – Jugendhaus öffnen", "Angebote für junge Männer"],
    ),
    (
        "freizeit",
        "Gemeinsames Gärtnern: interkultureller Gemeinschaftsgarten",
        ["Garten zum gemeinsamen Anbauen", "Gemeinschaftsgarten"],
    ),
    (
        "gesellschaft",
        "Ehrenamtskoordination hauptamtlich im Landratsamt verankern",
        ["Ehrenamtliche brauchen Ansprechpartner im Amt", "Koordinator für Helferkreise"],
    ),
    (
        "gesellschaft",
        "Supervision und Fortbildung für ehrenamtliche Helferkreise",
        ["Helfer sind ausgebrannt", "Supervision für Ehrenamtliche"],
    ),
    (
        "gesellschaft",
        "Mehrsprachiger Wegweiser zu Behörden und Beratungsstellen",
        ["wer ist wofür zuständig? Wegweiser", "Infobroschüre in mehreren Sprachen"],
    ),
    (
        "gesellschaft",
        "Integrationsbeauftragte in jeder Gemeinde benennen",
        [
            "jede Gemeinde braucht einen Ansprechpartner Integration",
            "Integrationsbeauftragter vor Ort",
        ],
    ),
    (
        "gesellschaft",
        "Öffentlichkeitsarbeit gegen Vorurteile: Geschichten von Ankommenden zeigen",
        ["Vorurteile abbauen", "positive Beispiele in der Zeitung zeigen"],
    ),
    (
        "gesellschaft",
        "Geflüchtete in Gremien und Beiräte einbinden",
        ["Flüchtlinge selbst mitreden lassen", "Geflüchtete in den Integrationsbeirat"],
    ),
    (
        "gesellschaft",
        "Interkulturelle Schulung für Mitarbeitende der Verwaltung",
        [
            "Behördenmitarbeiter interkulturell schulen",
            "Sachbearbeiter sind unfreundlich – Schulung",
        ],
    ),
    (
        "gesellschaft",
        "Digitale Plattform für Hilfsangebote und Bedarfe",
        ["Online-Plattform wo Helfer und Bedarf zusammenkommen", "App für Hilfsangebote"],
    ),
    (
        "gesellschaft",
        "WLAN in allen Gemeinschaftsunterkünften",
        ["kein Internet in der Unterkunft", "WLAN für die GU"],
    ),
    (
        "gesellschaft",
        "Mobilitätsangebote im ländlichen Raum: Bürgerbus und Fahrdienste",
        ["auf dem Land kommt man nirgends hin", "Bürgerbus für die Dörfer"],
    ),
    (
        "gesellschaft",
        "Rechtsberatung zum Asylverfahren und Familiennachzug",
        ["keiner erklärt das Asylverfahren", "Beratung Familiennachzug"],
    ),
    (
        "gesellschaft",
        "Schuldnerberatung und Finanzbildung für Neuzugewanderte",
        ["Handyverträge – Schuldenfalle", "Umgang mit Geld, Verträge verstehen"],
    ),
    (
        "arbeit",
        "Kinderbetreuung während Maßnahmen des Jobcenters",
        ["Maßnahme vom JC aber keiner passt aufs Kind auf", "Betreuung während Kurs und Maßnahme"],
    ),
    (
        "wohnen",
        "Hausmeister- und Quartiersmanagement in Stadtteilen mit vielen Neuzugezogenen",
        ["Konflikte im Haus – Quartiersmanager", "Hausmeister als Ansprechpartner in der Siedlung"],
    ),
    (
        "bildung",
        "Ausbildungsbegleitung gegen Abbrüche (assistierte Ausbildung)",
        ["viele brechen die Ausbildung ab", "Nachhilfe in der Berufsschule für Azubis"],
    ),
    (
        "sprache",
        "Deutschkurse am Abend und am Wochenende für Berufstätige",
        ["Kurse nur vormittags – wer arbeitet kann nicht", "Abendkurs Deutsch"],
    ),
    (
        "freizeit",
        "Kulturpass: freier Eintritt in Museen, Theater und Bibliothek",
        ["kostenlos ins Museum", "Bibliotheksausweis gratis"],
    ),
    (
        "gesundheit",
        "Präventionskurse zu Ernährung und Zahngesundheit für Familien",
        ["Kinder haben schlechte Zähne", "Kurs gesunde Ernährung"],
    ),
    (
        "arbeit",
        "Selbstständigkeit fördern: Gründungsberatung für Geflüchtete",
        ["eigenen Laden aufmachen – Beratung", "Existenzgründung unterstützen"],
    ),
    (
        "gesellschaft",
        "Patenschaftsprogramm Familien begleiten Familien",
        ["Familienpatenschaften", "eine deutsche Familie begleitet eine neue Familie"],
    ),
    (
        "bildung",
        "Brückenkurse für Studieninteressierte an der Hochschule",
        ["Studium aufnehmen – Vorbereitung fehlt", "Hochschulzugang für Geflüchtete mit Abitur"],
    ),
]

UNRELATED: list[tuple[str, str]] = [
    ("gesellschaft", "Städtepartnerschaft mit einer Gemeinde in Jordanien anbahnen"),
    ("arbeit", "Arbeitsmarktmonitoring: jährlicher Bericht zur Beschäftigung Geflüchteter"),
    ("wohnen", "Brandschutzbegehung in allen Unterkünften zweimal im Jahr"),
    ("bildung", "Schulbuchausleihe auf digitale Lehrmittel umstellen"),
    ("gesundheit", "Impfkampagne Masern in Erstaufnahmeeinrichtungen"),
    ("freizeit", "Schwimmkurse für Kinder im Sommerferienprogramm"),
    ("gesellschaft", "Kreistagsbeschluss zum Integrationskonzept vorbereiten"),
    ("arbeit", "Pflegehelferausbildung mit Sprachförderung in Kooperation mit Kliniken"),
    ("wohnen", "Modulbauten auf kreiseigenen Grundstücken prüfen"),
    ("gesellschaft", "Ehrenamtspreis des Landkreises ausloben"),
    ("bildung", "Medienkompetenz-Workshops für Jugendliche"),
    ("gesundheit", "Hebammenversorgung für schwangere geflüchtete Frauen"),
    ("freizeit", "Theaterprojekt mit der Volksbühne"),
    ("gesellschaft", "Kommunale Antidiskriminierungsstelle einrichten"),
    ("arbeit", "Führerscheinausbildung mit mehrsprachigem Theorieunterricht"),
]
