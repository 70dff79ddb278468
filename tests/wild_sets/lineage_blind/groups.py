# ruff: noqa: E501  (measure titles and cards are data, one per line)
"""Blind lineage set: kick-off workshop cards -> later measure titles.

Written from the problem description only, without reading flueko's matcher,
its vocabularies or the other lineage set.  See README.md in this folder.

GROUPS     (field, measure title, [cards the measure clearly comes from])
UNRELATED  (field, measure title that comes from no card at all)
LONELY     (field, card that leads to no measure)
"""

GROUPS: list[tuple[str, str, list[str]]] = [
    # ------------------------------------------------------------------ wohnen
    (
        "wohnen",
        "Einrichtung einer kommunalen Wohnraumbörse zur Vermittlung von Mietwohnungen an anerkannte Geflüchtete",
        [
            "Wohnungsbörse für Geflüchtete!",
            "kein Überblick über freie Wohnungen im Landkreis",
            "Leerstand in den Dörfern – wer vermittelt den an Flüchtlinge?",
        ],
    ),
    (
        "wohnen",
        "Aufbau eines Netzwerks ehrenamtlicher Wohnungspatinnen und Wohnungspaten zur Begleitung bei Wohnungssuche, Besichtigung und Mietvertragsabschluss",
        [
            "Wohnungspaten gesucht",
            "Begleitung zu Besichtigungen",
            "Ehrenamtliche helfen beim Mietvertrag",
        ],
    ),
    (
        "wohnen",
        "Mieterschulung „Mietführerschein“ zu Hausordnung, Mülltrennung und Zusammenleben im Mehrfamilienhaus",
        [
            "Ärger mit Nachbarn wg. Mülltrennung",
            "Hausordnung wird nicht verstanden",
            "Mietführerschein anbieten!!",
        ],
    ),
    (
        "wohnen",
        "Ansprechstelle für private Vermieterinnen und Vermieter mit Beratung zu Mietausfallgarantien und Bürgschaften des Landkreises",
        [
            "Vermieter haben Angst vor Mietausfall",
            "private Vermieter brauchen festen Ansprechpartner",
            "Mietausfallgarantie durch LK?",
        ],
    ),
    (
        "wohnen",
        "Beschleunigte Bearbeitung von Anträgen auf Aufhebung der Wohnsitzauflage bei Vorliegen eines Arbeits- oder Wohnungsangebots",
        ["Wohnsitzauflage verhindert Umzug zur Arbeit", "Wohnsitzauflage aufheben dauert ewig"],
    ),
    (
        "wohnen",
        "Einheitliche Verfahrensregeln zur darlehensweisen Übernahme von Mietkautionen durch das Jobcenter",
        ["Kaution wird vom JC nicht übernommen", "Wer zahlt die Kaution???"],
    ),
    (
        "wohnen",
        "Auszugsmanagement für anerkannte Geflüchtete aus Gemeinschaftsunterkünften (Fehlbelegung abbauen)",
        [
            "Anerkannte sitzen seit Jahren in der GU fest",
            "Fehlbeleger in Gemeinschaftsunterkunft",
            "we have papers but still live in camp",
        ],
    ),
    (
        "wohnen",
        "Einrichtung von Lern- und Ruheräumen mit WLAN-Zugang in Gemeinschaftsunterkünften",
        ["kein WLAN in der Unterkunft", "Kinder können in der Unterkunft nicht lernen, zu laut"],
    ),
    (
        "wohnen",
        "Möbelbörse und Gebrauchtwarenlager zur Erstausstattung neu bezogener Wohnungen",
        [
            "Erstausstattung Möbel fehlt",
            "Möbelspenden koordinieren – Lagerraum!",
            "no bed no table in new flat",
        ],
    ),
    (
        "wohnen",
        "Energiesparberatung mit mehrsprachigen Hinweisen zu Heizen, Lüften und Nebenkosten in Zusammenarbeit mit der Verbraucherzentrale",
        [
            "Nebenkostenabrechnung – Schock! Niemand erklärt das",
            "Schimmel weil falsch gelüftet",
            "Heizkosten Nachzahlung viel zu hoch",
        ],
    ),
    # ----------------------------------------------------------------- sprache
    (
        "sprache",
        "Ausbau von Integrationskursen mit begleitender Kinderbeaufsichtigung",
        [
            "Mütter können nicht zum Kurs – keine Kinderbetreung",
            "Deutschkurs mit KiBe!",
            "Frauen mit Babys fallen aus dem IK raus",
        ],
    ),
    (
        "sprache",
        "Einrichtung von Sprachcafés und Konversationstreffs zur Anwendung der Deutschkenntnisse im Alltag",
        ["Sprache üben außerhalb vom Kurs", "Sprachcafe", "I learn German but nobody talk with me"],
    ),
    (
        "sprache",
        "Koordinierungsstelle Sprachkurse: zentrale Übersicht und Vermittlung freier Plätze in Integrations- und Berufssprachkursen",
        [
            "keiner weiß wo noch Plätze frei sind in den Kursen",
            "Wartelisten bei den Kursträgern undurchsichtig",
            "zentrale Kursübersicht!",
        ],
    ),
    (
        "sprache",
        "Berufsbegleitende Deutschsprachförderung in Teilzeit und in den Abendstunden in Kooperation mit Arbeitgebern",
        [
            "Berufssprachkurs abends / berufsbegleitend",
            "Wer arbeitet kann keinen Deutschkurs machen",
        ],
    ),
    (
        "sprache",
        "Alphabetisierungskurse für Erwachsene mit erweitertem Stundenkontingent",
        [
            "Alphakurse zu wenig!",
            "viele können nicht lesen und schreiben, auch nicht in der Muttersprache",
            "Zweitschriftlernende brauchen mehr Zeit",
        ],
    ),
    (
        "sprache",
        "Aufbau eines Pools qualifizierter Sprach- und Kulturmittlerinnen und -mittler für Behörden, Schulen und Beratungsstellen",
        [
            "Dolmetscher fehlen bei Elterngespräche",
            "Sprachmittler für Ämter",
            "Übersetzen – immer müssen die Kinder übersetzen!",
        ],
    ),
    (
        "sprache",
        "Online- und Blended-Learning-Angebote zum Deutschlernen für Menschen in ländlichen Gemeinden",
        ["online Deutschkurs für Leute auf dem Land", "Deutsch lernen per App?"],
    ),
    (
        "sprache",
        "Niedrigschwellige Deutschkurse für Personen ohne Zugang zu Integrationskursen (u. a. Geduldete und Asylsuchende ohne Bleibeperspektive)",
        [
            "Geduldete dürfen nicht in den IK",
            "Deutschkurs für alle – egal welcher Aufenthaltsstatus",
            "Asylbewerber aus Afghanistan ohne Kursanspruch",
        ],
    ),
    (
        "sprache",
        "Ehrenamtliche Lernbegleitung zur Vorbereitung auf den Deutsch-Test für Zuwanderer (Niveau B1)",
        [
            "viele fallen durch den DTZ",
            "Prüfungsvorbereitung B1 mit Ehrenamtlichen",
            "B1 pruefung zu schwer, brauche hilfe",
        ],
    ),
    (
        "sprache",
        "Qualifizierung ehrenamtlicher Deutschlehrender durch eine Basisschulung Deutsch als Zweitsprache",
        [
            "Ehrenamtliche unterrichten ohne jede Ausbildung",
            "Fortbildung für ehrenamtl. Deutschlehrer",
        ],
    ),
    # ------------------------------------------------------------------ arbeit
    (
        "arbeit",
        "Einrichtung einer Anerkennungsberatung für ausländische Berufs- und Studienabschlüsse in Zusammenarbeit mit IHK und Handwerkskammer",
        [
            "Abschlüsse werden nicht anerkannt",
            "Anerkenung Berufsabschluss dauert zu lang",
            "IQ-Beratung nur in der Großstadt",
            "I was engineer in Syria, here nothing",
        ],
    ),
    (
        "arbeit",
        "Jobmesse für Geflüchtete und regionale Arbeitgeber im Speed-Dating-Format in Kooperation mit der Agentur für Arbeit",
        [
            "Betriebe und Geflüchtete kennen sich nicht",
            "Job-Speeddating!",
            "Arbeitgeber suchen Leute, Flüchtlinge suchen Arbeit – zusammenbringen",
        ],
    ),
    (
        "arbeit",
        "Arbeitgeberlotse als zentrale Anlaufstelle für Unternehmen zu Beschäftigungserlaubnis und aufenthaltsrechtlichen Fragen",
        [
            "Betriebe blicken beim Aufenthaltsrecht nicht durch",
            "Beschäftigungserlaubnis – wie lange? wer?",
            "Arbeitgeber brauchen EINEN Ansprechpartner",
        ],
    ),
    (
        "arbeit",
        "Ausbau der Assistierten Ausbildung und ehrenamtlicher Ausbildungspatenschaften zur Vermeidung von Ausbildungsabbrüchen",
        [
            "Azubis brechen ab wegen Berufsschule",
            "Berufsschule zu schwer wegen Fachsprache",
            "Ausbildungspaten",
        ],
    ),
    (
        "arbeit",
        "Praktikumsbörse zur Vermittlung von Praktika und Einstiegsqualifizierungen in regionalen Betrieben",
        [
            "Praktikum als Türöffner",
            "EQ-Plätze bekannter machen",
            "want praktikum, dont know where",
        ],
    ),
    (
        "arbeit",
        "Informations- und Beratungsangebot zur Ausbildungs- und Beschäftigungsduldung für Betriebe und Geflüchtete",
        [
            "Angst vor Abschiebung während der Ausbildung",
            "3+2-Regel bekannt machen",
            "Betrieb will ausbilden, aber Azubi nur geduldet",
        ],
    ),
    (
        "arbeit",
        "Teilzeitqualifizierung für geflüchtete Frauen mit paralleler Kinderbetreuung zur Heranführung an den Arbeitsmarkt",
        ["Frauen werden vom JC vergessen", "Frauen wollen arbeiten, aber wer nimmt die Kinder?"],
    ),
    (
        "arbeit",
        "Kompetenzfeststellung mit praktischen Arbeitsproben für Geflüchtete ohne Nachweise über ihre Qualifikation",
        [
            "keine Zeugnisse dabei – was kann die Person?",
            "Kompetenzen sichtbar machen",
            "Fähigkeiten testen statt Papiere",
        ],
    ),
    (
        "arbeit",
        "Gründungsberatung für Geflüchtete mit Unterstützung bei Businessplan, Finanzierung und Gewerbeanmeldung",
        ["Existenzgründung – viele wollen sich selbständig machen", "want to open my own shop"],
    ),
    (
        "arbeit",
        "Förderung des Führerscheinerwerbs mit mehrsprachigem Theorieunterricht und Zuschüssen zu den Fahrschulkosten",
        [
            "Führerschein zu teuer und Theorie nur auf deutsch",
            "ohne Führerschein kein Job auf dem Land",
        ],
    ),
    (
        "arbeit",
        "Beschäftigungsbegleitendes Job-Coaching in den ersten sechs Monaten zur Stabilisierung neuer Arbeitsverhältnisse",
        [
            "nach der Vermittlung steht keiner mehr zur Seite",
            "Kündigung in der Probezeit – Missverständnisse am Arbeitsplatz",
            "Jobcoach!!",
        ],
    ),
    # ----------------------------------------------------------------- bildung
    (
        "bildung",
        "Brückenangebote (Eltern-Kind-Gruppen) für Kinder ohne Kita-Platz",
        [
            "Kinder warten monatelang auf Kitaplatz",
            "keine KiTa-Plätze!!",
            "my son 4 years no kindergarten",
        ],
    ),
    (
        "bildung",
        "Einsatz von Elternbegleiterinnen und Elternbegleitern an Schulen zur Verbesserung der Zusammenarbeit zwischen Schule und zugewanderten Eltern",
        [
            "Eltern verstehen das deutsche Schulsystem nicht",
            "Elternabend – keiner kommt",
            "Eltern wissen nicht was Schule erwartet",
        ],
    ),
    (
        "bildung",
        "Ausbau der Förderung in Deutsch als Zweitsprache an Grund- und Oberschulen durch zusätzliche Lehrerwochenstunden",
        [
            "DaZ-Stunden reichen nicht",
            "zu wenig DaZ Lehrer",
            "Seiteneinsteiger sitzen im Regelunterricht und verstehen nix",
        ],
    ),
    (
        "bildung",
        "Hausaufgabenhilfe und Lernförderung durch Ehrenamtliche und Studierende",
        ["Hausaufgabenhlife", "Kinder brauchen Nachhilfe, Eltern können nicht helfen"],
    ),
    (
        "bildung",
        "Bildungsangebote zum Nachholen des Hauptschulabschlusses für nicht mehr schulpflichtige junge Erwachsene",
        [
            "Mit 19 keine Schulpflicht mehr – und dann?",
            "Schulabschluss nachholen für junge Erwachsene",
            "I am 20, I want go to school",
        ],
    ),
    (
        "bildung",
        "Berufsorientierung für neu zugewanderte Jugendliche mit Betriebserkundungen und Informationen zum dualen Ausbildungssystem",
        [
            "Jugendliche kennen duale Ausbildung nicht",
            "Betriebe besuchen mit Schülern der Sprachklassen",
        ],
    ),
    (
        "bildung",
        "Fortbildungsreihe für Lehrkräfte und pädagogische Fachkräfte zu Traumasensibilität und interkultureller Kompetenz",
        [
            "Lehrer überfordert mit traumatisierten Kindern",
            "Fortbildung interkulturell für Kita-Personal",
        ],
    ),
    (
        "bildung",
        "Unterstützung bei Anträgen auf Leistungen für Bildung und Teilhabe sowie Bereitstellung von Schulmaterial und Leihgeräten",
        [
            "BuT-Anträge zu kompliziert",
            "Kinder ohne Laptop beim Homeschooling",
            "Schulranzen, Hefte – Geld fehlt",
        ],
    ),
    (
        "bildung",
        "Alltagsintegrierte sprachliche Bildung in Kindertageseinrichtungen durch zusätzliche Sprachförderkräfte",
        ["Kita-Kinder sprechen zu Hause nur Arabisch", "Sprachförderkraft für jede Kita"],
    ),
    (
        "bildung",
        "Mehrsprachige Informationsveranstaltungen für Eltern zum Anmeldeverfahren in der Kindertagesbetreuung",
        ["Eltern wissen nicht wie man Kita anmeldet", "Kita-Navigator nur auf Deutsch"],
    ),
    # -------------------------------------------------------------- gesundheit
    (
        "gesundheit",
        "Einsatz von Video-Dolmetschen in Arztpraxen und im Kreiskrankenhaus",
        [
            "Arzt versteht Patient nicht",
            "beim Arzt immer Übersetzer mitbringen??",
            "doctor dont understand me",
        ],
    ),
    (
        "gesundheit",
        "Ausbau der psychosozialen Versorgung traumatisierter Geflüchteter durch eine Außenstelle des Psychosozialen Zentrums",
        ["Trauma – Wartezeit Therapie 1 Jahr", "PTBS wird nicht behandelt", "PSZ fehlt im Kreis"],
    ),
    (
        "gesundheit",
        "Einführung der elektronischen Gesundheitskarte für Leistungsberechtigte nach dem Asylbewerberleistungsgesetz",
        [
            "Behandlungsscheine beim Sozialamt abholen – entwürdigend",
            "eGK für Asylbewerber!",
            "Krankenschein-Bürokratie",
        ],
    ),
    (
        "gesundheit",
        "Schulung von Migrantinnen und Migranten als muttersprachliche Gesundheitslotsinnen und -lotsen",
        [
            "Community selbst zu Gesundheit informieren lassen",
            "Gesundheitslotsen aus der Community",
        ],
    ),
    (
        "gesundheit",
        "Mehrsprachiger Wegweiser durch das Gesundheitssystem (Hausarzt, Facharzt, ärztlicher Bereitschaftsdienst, Notruf)",
        [
            "Notaufnahme überlaufen weil keiner den Hausarzt kennt",
            "Wie funktioniert das mit Überweisung?",
            "nicht wissen wann 112 / 116117",
        ],
    ),
    (
        "gesundheit",
        "Aufsuchende Schwangerenberatung und Hebammensprechstunde in den Gemeinschaftsunterkünften",
        ["Schwangere Frauen ohne Hebamme", "Schwangerenberatung aufsuchend in der Unterkunft"],
    ),
    (
        "gesundheit",
        "Impfberatung und Impfaktionen des Gesundheitsamtes für Kinder und Erwachsene mit unklarem Impfstatus",
        ["Impfstatus unklar, Impfpass fehlt", "Impfaktion in der GU"],
    ),
    (
        "gesundheit",
        "Mehrsprachige Suchtprävention und Suchtberatung für junge Geflüchtete",
        ["junge Männer – Alkohol, Drogen", "Suchtberatung mehrsprachig"],
    ),
    (
        "gesundheit",
        "Erstattung von Fahrtkosten und ehrenamtlicher Fahrdienst zu Facharzt- und Therapieterminen",
        ["Facharzt nur in der Stadt, kein Bus hin", "Fahrtkosten zum Arzt – wer zahlt?"],
    ),
    # ---------------------------------------------------------------- freizeit
    (
        "freizeit",
        "Vereinspatenschaften und Übernahme von Mitgliedsbeiträgen zur Integration in Sportvereine",
        [
            "Vereinsbeitrag zu teuer",
            "Jugendliche wollen Fußball spielen – wie kommen die in den Verein?",
            "Sportverein Paten",
        ],
    ),
    (
        "freizeit",
        "Schwimmkurse für geflüchtete Kinder und Frauen einschließlich eigener Frauenschwimmzeiten",
        [
            "viele Kinder können nicht schwimmen",
            "Frauenschwimmen separat",
            "Schwimkurs für Mädchen",
        ],
    ),
    (
        "freizeit",
        "Ermäßigte Eintritte in Kultur- und Freizeiteinrichtungen über eine Teilhabekarte",
        ["Museum, Kino, Schwimmbad – alles zu teuer", "Ermäßigung mit Sozialpass?"],
    ),
    (
        "freizeit",
        "Öffnung der Ferienfreizeiten und Ferienprogramme der Kommunen für geflüchtete Kinder",
        [
            "Sommerferien: Kinder 6 Wochen nur in der Unterkunft",
            "Ferienprogramm für Flüchtlingskinder öffnen",
        ],
    ),
    (
        "freizeit",
        "Geschützte Sport- und Bewegungsangebote für Frauen und Mädchen mit Kinderbetreuung",
        ["Frauen haben keine Freizeitangebote", "Sport nur für Frauen, ohne Männer"],
    ),
    (
        "freizeit",
        "Interkulturelles Gemeinschaftsgartenprojekt auf kommunalen Flächen",
        ["Garten! Viele waren Bauern zuhause", "Gemeinschaftsgarten mit Nachbarn"],
    ),
    (
        "freizeit",
        "Öffnung der Jugendzentren für junge Geflüchtete und aufsuchende Jugendarbeit",
        [
            "Jugendliche hängen am Bahnhof rum",
            "Jugendclub – Geflüchtete trauen sich nicht hin",
            "nothing to do in the evening for young people",
        ],
    ),
    (
        "freizeit",
        "Interkulturelles Begegnungsfest im Rahmen der Interkulturellen Woche",
        ["gemeinsam feiern!", "Fest der Kulturen jedes Jahr", "we can cook our food for everyone"],
    ),
    # ------------------------------------------------------------ gesellschaft
    (
        "gesellschaft",
        "Hauptamtliche Koordinierungsstelle für das Ehrenamt in der Flüchtlingshilfe",
        [
            "keiner koordiniert die Helferkreise",
            "Helferkreis braucht Hauptamt!",
            "Ehrenamtliche wissen nicht wer zuständig ist",
        ],
    ),
    (
        "gesellschaft",
        "Supervision und Fortbildungsangebote für ehrenamtlich Engagierte in der Flüchtlingshilfe",
        ["Ehrenamtliche ausgebrannt", "Ehrenamt – Burnout, keine Supervision"],
    ),
    (
        "gesellschaft",
        "Einführung eines ermäßigten Sozialtickets im ÖPNV für Leistungsberechtigte",
        ["Bus zu teuer", "ÖPNV-Sozialticket!", "ticket expensive, cannot go to course"],
    ),
    (
        "gesellschaft",
        "Fahrradwerkstatt mit Radfahrkursen und Weitergabe gespendeter Fahrräder",
        ["Fahrräder spenden & reparieren", "Frauen lernen Radfahren", "Radlwerkstatt"],
    ),
    (
        "gesellschaft",
        "Ausweitung des Rufbus-Angebots in den Abendstunden und am Wochenende",
        [
            "Dörfer ohne Busverbindung am Wochenende",
            "Rufbus ausbauen",
            "abends kommt man nicht mehr heim",
        ],
    ),
    (
        "gesellschaft",
        "Einführung einer Online-Terminvergabe und eines mehrsprachigen Leitsystems in der Ausländerbehörde",
        [
            "ABH – keine Termine, monatelang",
            "Ausländerbehörde telefonisch nie erreichbar",
            "Termin ABH online buchen",
        ],
    ),
    (
        "gesellschaft",
        "Integrationswegweiser: zentrale Online-Plattform mit allen Beratungs- und Unterstützungsangeboten im Landkreis",
        [
            "Angebote-Dschungel – wer macht was?",
            "Übersicht aller Beratungsstellen",
            "Integrationsportal/App für den Kreis",
        ],
    ),
    (
        "gesellschaft",
        "Ausbau der Migrationsberatung für Erwachsene durch regelmäßige Sprechstunden in den Gemeinden",
        ["MBE nur 1x pro Woche in der Außenstelle", "Beratung vor Ort in den Dörfern fehlt"],
    ),
    (
        "gesellschaft",
        "Einrichtung von Begegnungsorten (Nachbarschaftscafés) in den Gemeinden zur Förderung des Zusammenlebens",
        [
            "Einheimische und Geflüchtete begegnen sich nicht",
            "Begegnungscafé im Dorf",
            "I want german friends",
        ],
    ),
    (
        "gesellschaft",
        "Aufbau einer Antidiskriminierungsberatung mit Meldestelle für rassistische Vorfälle",
        [
            "Rassismus im Alltag – wohin melden?",
            "Diskriminierung bei Behörden und Vermietern",
            "they call me bad words in the bus",
        ],
    ),
    (
        "gesellschaft",
        "Interkulturelle Schulungen für Mitarbeitende in Jobcenter, Sozialamt und Ausländerbehörde",
        [
            "Sachbearbeiter unfreundlich, kein Verständnis",
            "Interkulturelle Schulung für Behördenmitarbeiter",
        ],
    ),
    (
        "gesellschaft",
        "Überarbeitung von Bescheiden und Anschreiben in Leichter Sprache mit mehrsprachigen Erläuterungen",
        [
            "Briefe vom Amt versteht keiner",
            "Bescheide in einfacher Sprache!!",
            "Jobcenter letters, I dont understand",
        ],
    ),
]

UNRELATED: list[tuple[str, str]] = [
    (
        "wohnen",
        "Fortschreibung des Wohnraumversorgungskonzepts mit kreisweiter Wohnungsmarktanalyse",
    ),
    (
        "wohnen",
        "Ausbau der Notunterkünfte für wohnungslose Menschen im Rahmen der Obdachlosenhilfe",
    ),
    ("wohnen", "Brandschutzschulung für das Hausmeisterpersonal der Gemeinschaftsunterkünfte"),
    (
        "wohnen",
        "Ausweisung von Bauflächen für den geförderten Mietwohnungsbau in den kreisangehörigen Gemeinden",
    ),
    (
        "sprache",
        "Prüferschulung für Lehrkräfte der Integrationskursträger zur Erlangung der Prüferlizenz",
    ),
    ("sprache", "Anschaffung von Lernsoftware-Lizenzen für die Kreisvolkshochschule"),
    (
        "sprache",
        "Herkunftssprachlicher Unterricht in Türkisch und Arabisch an weiterführenden Schulen",
    ),
    ("arbeit", "Jobmesse für Schulabgängerinnen und Schulabgänger der Oberschulen des Landkreises"),
    ("arbeit", "Arbeitsmarktanalyse zu Fachkräfteengpässen in Pflege, Handwerk und Logistik"),
    ("arbeit", "Standortmarketing zur Gewinnung von Fachkräften aus anderen Bundesländern"),
    ("arbeit", "Entwicklung des Gewerbegebiets Nord durch die Wirtschaftsförderungsgesellschaft"),
    (
        "bildung",
        "WLAN-Ausstattung aller Schulen in Trägerschaft des Landkreises aus Mitteln des Digitalpakts",
    ),
    ("bildung", "Umstellung der Kita-Gebührenabrechnung auf ein digitales Verfahren"),
    ("bildung", "Fortschreibung der Schulnetzplanung für die Sekundarstufe I"),
    ("bildung", "Ausbau der Ganztagsbetreuung an Grundschulen zur Umsetzung des Rechtsanspruchs"),
    ("gesundheit", "Hitzeschutzplan des Gesundheitsamtes für Pflegeeinrichtungen und Kitas"),
    (
        "gesundheit",
        "Personalaufstockung im Kinder- und Jugendärztlichen Dienst für Schuleingangsuntersuchungen",
    ),
    (
        "gesundheit",
        "Landarztprogramm mit Stipendien für Medizinstudierende, die sich im Landkreis niederlassen",
    ),
    ("freizeit", "Erneuerung des Kunstrasenplatzes am Kreissportzentrum"),
    ("freizeit", "Anpassung der Übungsleiterpauschale in der Vereinsförderrichtlinie"),
    ("freizeit", "Sanierung des Freibads mit barrierefreiem Beckenzugang"),
    ("freizeit", "Digitale Ausleihe (Onleihe) in der Kreisbibliothek"),
    ("gesellschaft", "Einführung der Ehrenamtskarte des Landes im Landkreis"),
    ("gesellschaft", "Fortschreibung des Nahverkehrsplans für den Zeitraum 2027 bis 2031"),
    ("gesellschaft", "Einführung der elektronischen Akte in der Ausländerbehörde"),
    ("gesellschaft", "Online-Terminvergabe in der Kfz-Zulassungsstelle"),
    ("gesellschaft", "Jugendforum im Rahmen der Partnerschaft für Demokratie"),
    ("gesellschaft", "Einrichtung eines Seniorenbeirats beim Kreistag"),
]

LONELY: list[tuple[str, str]] = [
    ("wohnen", "Bürgermeister soll mal in die Unterkunft kommen"),
    ("wohnen", "Duschen in der GU kaputt seit Wochen"),
    ("wohnen", "Security in der Unterkunft unfreundlich"),
    ("wohnen", "Haustiere in Wohnung erlaubt?"),
    ("sprache", "Dialekt versteht keiner, im Kurs lernt man Hochdeutsch"),
    ("sprache", "Kursträger zahlen Lehrkräfte schlecht"),
    ("sprache", "Lehrbücher zu teuer"),
    ("sprache", "Deutsch ist schwer!!"),
    ("arbeit", "Mindestlohn wird nicht gezahlt – Schwarzarbeit"),
    ("arbeit", "Zeitarbeitsfirmen nutzen Leute aus"),
    ("arbeit", "Arbeitskleidung/Sicherheitsschuhe selbst kaufen?"),
    ("arbeit", "Schichtarbeit und Familie"),
    ("arbeit", "Urlaub für Heimatbesuch wird nicht genehmigt"),
    ("bildung", "Schulmensa – Halal-Essen?"),
    ("bildung", "Klassenfahrten: Eltern lassen Mädchen nicht mitfahren"),
    ("bildung", "Schulbus überfüllt"),
    ("bildung", "Mobbing auf dem Schulhof"),
    ("gesundheit", "Zahnarzt zahlt nur Notbehandlung"),
    ("gesundheit", "Brillen werden nicht bezahlt"),
    ("gesundheit", "Diabetes häufig, Ernährung?"),
    ("gesundheit", "Pflege von alten Eltern – wer hilft?"),
    ("freizeit", "Gebetsraum fehlt"),
    ("freizeit", "Bolzplatz wird abends abgesperrt"),
    ("freizeit", "Musik machen! Instrumente?"),
    ("freizeit", "WLAN in der Bibliothek zu langsam"),
    ("gesellschaft", "Handyverträge – Abzocke!"),
    ("gesellschaft", "Medien berichten nur negativ"),
    ("gesellschaft", "mehr Geld vom Land für Integration!!"),
    ("gesellschaft", "Familiennachzug dauert Jahre"),
    ("gesellschaft", "Schulden bei Inkasso – Schuldnerberatung überlastet"),
    ("gesellschaft", "Politik hört nicht zu"),
]
