# ruff: noqa: E501
"""Blind lineage set 2 (lineage_blind2): workshop cards -> formal measures.

Fictional rural district ("Landkreis an der Donau", 2016). After the kick-off
workshop of the Kommunaler Flüchtlingsdialog the working groups wrote short
cards; weeks later the Landratsamt wrote formal measure titles for the rating
sheet of the integration plan. This file is the hand-written ground truth of
which cards each measure clearly comes from.

Written blind: without reading the matcher, its scoring code or the other
test sets. See README.md in this folder.

GROUPS     (field, measure title, [cards the measure clearly comes from])
UNRELATED  (field, measure title)  measures the office added, from no card
LONELY     (field, card)           cards that led to no measure
"""

GROUPS: list[tuple[str, str, list[str]]] = [
    # ------------------------------------------------------------------ wohnen
    (
        "wohnen",
        "Einrichtung einer zentralen Wohnraumbörse beim Landratsamt zur Vermittlung privater Mietwohnungen an anerkannte Geflüchtete",
        [
            "Wohnungsbörse im Internet für Flüchtlinge",
            "Vermieter hätten was leer stehen, wissen aber nicht an wen sie sich wenden sollen",
            "Anerkannte finden nix auf dem freien Markt - bleiben Fehlbeleger in der GU",
        ],
    ),
    (
        "wohnen",
        "Mietpaten: Ehrenamtliche begleiten Wohnungssuche und die ersten Mietmonate",
        [
            "Ehrenamtliche die mit zur Wohnungsbesichtigung gehen",
            "Vermieter trauen sich nicht - brauchen festen Ansprechpartner / Paten für den Mieter",
        ],
    ),
    (
        "wohnen",
        "„Wohnführerschein“ – Kurs zu Mietrecht, Hausordnung, Mülltrennung, Heizen und Lüften",
        [
            "Mülltrennung erklären!! (Gelber Sack??)",
            "Schimmel weil keiner lüftet - Kurs richtig heizen + lüften",
            "Was steht in der Hausordnung? Kehrwoche, Ruhezeiten...",
        ],
    ),
    (
        "wohnen",
        "Generalanmietung von Wohnraum durch die Gemeinden mit Weitervermietung an Geflüchtete",
        [
            "Gemeinde soll selber Wohnungen anmieten und untervermieten",
            "Vermieter haben Angst vor Mietausfall -> Kommune als Mieter wäre sicher",
        ],
    ),
    (
        "wohnen",
        "Umnutzung leerstehender Gebäude (ehem. Gasthöfe, Schulhäuser, Pfarrhäuser) zu Wohnraum",
        [
            "Leerstand in den Dörfern nutzen!",
            "altes Schulhaus steht seit Jahren leer -> Wohnungen draus machen",
            "- Gasthof zur Post leer\n- Pfarrhaus leer",
        ],
    ),
    (
        "wohnen",
        "Bezahlbaren Wohnraum für alle Bedürftigen schaffen – Landesförderprogramm sozialer Wohnungsbau nutzen",
        [
            "Nicht nur für Flüchtlinge bauen, sonst Neid bei Hartz-IV-Empfängern und Rentnern",
            "günstige Mietwohnungen fehlen allgemein, nicht nur für Asylbewerber",
            "Sozialwohnungen bauen!",
        ],
    ),
    (
        "wohnen",
        "Verbindliche Regelung zur Übernahme von Mietkaution und Genossenschaftsanteilen durch das Jobcenter",
        [
            "Kaution - wer zahlt? JC lehnt ab",
            "Wohnungsgenossenschaft will Anteile, Flüchtling hat kein Geld",
        ],
    ),
    (
        "wohnen",
        "Feste Sprechzeiten von Heimleitung und Hausmeister in den Gemeinschaftsunterkünften",
        [
            "Im Heim am Wochenende niemand erreichbar",
            "Heimleitung nie da, Hausmeister nur Dienstag",
        ],
    ),
    (
        "wohnen",
        "Merkblatt Wohnsitzauflage (§ 12a AufenthG) für Geflüchtete, Vermieter und Helferkreise",
        [
            "Was bedeutet Wohnsitzauflage? Darf er zu seinem Bruder nach München ziehen?",
            "wohnsitzauflage - Ehrenamt blickt nicht durch",
        ],
    ),
    (
        "wohnen",
        "WLAN in allen Unterkünften",
        [
            "no internet in camp, cannot learn, cannot call family",
            "Freifunk im Asylbewerberheim einrichten",
            "Internetzugang Unterkunft",
        ],
    ),
    # ----------------------------------------------------------------- sprache
    (
        "sprache",
        "Sprachkurse mit paralleler Kinderbetreuung anbieten",
        [
            "Deutsch lernen schwer mit Baby",
            "Mütter können nicht zum Kurs - wer passt auf die Kinder auf?",
            "Kinderbetreuung während Integrationskurs",
        ],
    ),
    (
        "sprache",
        "Berufsbezogene Deutschsprachförderung (DeuFöV) für Pflege, Handwerk und Gastronomie",
        [
            "Fachsprache für Azubis fehlt - Berufsschule versteht er nicht",
            "Deutsch für den Beruf, z.B. Altenpflege",
            "Handwerkerdeutsch: Werkzeug, Arbeitssicherheit, Messen",
        ],
    ),
    (
        "sprache",
        "Sprachcafés in allen Gemeinden ausbauen",
        [
            "Sprachcafe auch in den kleinen Orten",
            "Treffpunkt zum Deutsch sprechen üben, nicht nur Unterricht",
            "Ich lerne Deutsch aber ich spreche nie mit Deutschen",
        ],
    ),
    (
        "sprache",
        "Sprachkursangebote für Asylsuchende ohne gute Bleibeperspektive und Geduldete sicherstellen (Ehrenamtskurse, Landesprogramm)",
        [
            "Afghanen dürfen nicht in IK!!",
            "no course for me because Afghanistan",
            "Kurse auch für Geduldete!",
        ],
    ),
    (
        "sprache",
        "Koordinierungsstelle Sprache: kreisweite Übersicht aller Kursangebote, freien Plätze und Wartelisten",
        [
            "Wer bietet wo welchen Kurs an? Keiner weiß es",
            "VHS, Caritas, Ehrenamt - keine Übersicht über freie Plätze",
            "zentrale Anmeldung für alle Deutschkurse",
        ],
    ),
    (
        "sprache",
        "Ausweitung der Alphabetisierungskurse (inkl. Zweitschriftlerner)",
        [
            "Viele können nicht lesen und schreiben, auch nicht in ihrer Sprache",
            "Alpha-Kurs fehlt im Nordkreis",
            "lateinische Buchstaben zuerst lernen, dann erst A1",
        ],
    ),
    (
        "sprache",
        "Qualifizierung ehrenamtlicher Sprachbegleiter (Schulung DaF-Methodik, Lehrmaterial)",
        [
            "Ehrenamtliche unterrichten ohne Ausbildung - brauchen Fortbildung",
            "Lehrbücher für Ehrenamtliche Deutschlehrer",
        ],
    ),
    (
        "sprache",
        "Klärung der Fahrtkostenerstattung zu Integrationskursen",
        [
            "Fahrkarte zum Kurs in die Kreisstadt zu teuer",
            "BAMF zahlt Fahrt erst ab 3 km??",
        ],
    ),
    (
        "sprache",
        "Deutschkurse am Abend und am Wochenende für Berufstätige",
        [
            "Ich arbeite, Kurs ist morgens - keine Zeit",
            "Abendkurse!",
            "Samstagskurs für Leute mit Job",
        ],
    ),
    (
        "sprache",
        "Frauenkurse: Deutsch nur für Frauen mit weiblicher Lehrkraft",
        [
            "Viele Frauen gehen nicht in gemischte Kurse",
            "Deutschkurs nur Frauen",
        ],
    ),
    # ------------------------------------------------------------------ arbeit
    (
        "arbeit",
        "Lotsenprojekt Arbeitsmarkt (Ehrenamt + Jobcenter)",
        [
            "Jobpaten, die Bewerbung schreiben helfen",
            "Helfer und JC sollen bei Arbeitssuche zusammenarbeiten statt nebeneinander",
            "Ehrenamtliche brauchen Ansprechpartner beim Jobcenter für ihre Schützlinge",
        ],
    ),
    (
        "arbeit",
        "Beschleunigung der Beschäftigungserlaubnis durch feste Ansprechpartner in Ausländerbehörde und Agentur für Arbeit",
        [
            "I want work, no permission",
            "Arbeitserlaubniss dauert 3 Monate - Chef springt ab",
            "ABH antwortet nicht auf Anfrage zur Beschäftigung",
        ],
    ),
    (
        "arbeit",
        "Anerkennungsberatung für ausländische Berufs- und Studienabschlüsse im Landratsamt (Sprechtag IQ-Netzwerk)",
        [
            "Ich bin Ingenieur in Syrien, hier nichts",
            "Zeugnisse anerkennen lassen - wo? wer zahlt Übersetzung?",
            "Anerkennung Abschlüsse",
        ],
    ),
    (
        "arbeit",
        "Praktische Kompetenzfeststellung (Werkstatterprobung in Handwerksbetrieben)",
        [
            "Viele haben keine Papiere, können aber was - einfach mal schaffen lassen",
            "Praxistest statt Zeugnis",
        ],
    ),
    (
        "arbeit",
        "Infoabende für Arbeitgeber zu rechtlichen Fragen der Beschäftigung Geflüchteter (Referentenpool IHK/HWK/AA)",
        [
            "Betriebe wissen nicht ob sie Flüchtlinge einstellen dürfen",
            "Arbeitgeber: welche Formulare? Vorrangprüfung? Mindestlohn bei Praktikum?",
            "Unternehmerabend mit Kammer",
        ],
    ),
    (
        "arbeit",
        "Einstiegsqualifizierung und Betriebspraktika gezielt bei Betrieben bewerben",
        [
            "EQ als Brücke in die Ausbildung nutzen",
            "mehr Praktikumsplätze in Firmen",
        ],
    ),
    (
        "arbeit",
        "Rechtssicherheit für Ausbildungsbetriebe bei geduldeten Auszubildenden (3+2-Regelung) kommunizieren",
        [
            "Betrieb hat Angst dass der Azubi abgeschoben wird",
            "Duldung während Ausbildung? Gilt das sicher?",
        ],
    ),
    (
        "arbeit",
        "Job-Speeddating / Azubi-Messe für Betriebe und Geflüchtete",
        [
            "Messe wo Firmen und Flüchtlinge sich treffen",
            "Arbeitgeber direkt kennenlernen, ohne Papierkram vorher",
        ],
    ),
    (
        "arbeit",
        "Schaffung von Arbeitsgelegenheiten (FIM) in Gemeinden und bei gemeinnützigen Trägern",
        [
            "Leute sitzen den ganzen Tag im Heim rum, wollen was tun",
            "Flüchtlingsintegrationsmaßnahmen beantragen - Bauhof, Friedhof",
            "80-Cent-Jobs",
        ],
    ),
    (
        "arbeit",
        "Ausbildungsbegleitung für geflüchtete Azubis: Nachhilfe, assistierte Ausbildung, Abbrüche vermeiden",
        [
            "Azubis brechen ab - brauchen Nachhilfe in Mathe",
            "assistierte Ausbildung auch für Flüchtlinge öffnen",
            "Wer begleitet Azubi im 1. Lehrjahr wenn Probleme?",
        ],
    ),
    (
        "arbeit",
        "Existenzgründungsberatung für Geflüchtete",
        [
            "Ich hatte Laden in Aleppo, will wieder eigenes Geschäft",
            "Gründerberatung auch auf Arabisch",
        ],
    ),
    # ----------------------------------------------------------------- bildung
    (
        "bildung",
        "Ausbau der Betreuungsplätze in Kindertageseinrichtungen und Brückenangebote (Spielgruppen) für Flüchtlingskinder",
        [
            "Kita-Plätze!!",
            "Kinder warten ein Jahr auf Kindergarden",
            "Spielgruppe im Heim bis es einen KiTa-Platz gibt",
        ],
    ),
    (
        "bildung",
        "Einrichtung zusätzlicher Vorbereitungsklassen an Grund- und Mittelschulen",
        [
            "VKL voll",
            "Kinder sitzen in der Regelklasse und verstehen nichts",
        ],
    ),
    (
        "bildung",
        "Berufsintegrationsklassen (BIK/VABO) an den Berufsschulen für 16- bis 21-Jährige ausweiten",
        [
            "Was ist mit Jugendlichen über 16? Berufsschulpflicht?",
            "Sprachklasse an der Berufsschule hat zu wenig Plätze",
        ],
    ),
    (
        "bildung",
        "Elternarbeit: Informationsabende zum deutschen Schulsystem mit Dolmetschern",
        [
            "Eltern verstehen Schulsystem nicht (Gymnasium? Realschule? Mittelschule?)",
            "Elternabend mehrsprachig",
            "Eltern kommen nicht zum Elterngespräch - verstehen Einladung nicht",
        ],
    ),
    (
        "bildung",
        "Hausaufgabenhilfe und Lernpaten für Schulkinder aus Flüchtlingsfamilien",
        [
            "Hausaufgaben - niemand zu Hause kann helfen",
            "Lernpaten Grundschule",
        ],
    ),
    (
        "bildung",
        "Leistungen für Bildung und Teilhabe bekannt machen und Antragstellung vereinfachen",
        [
            "BuT kennt keiner",
            "Schulausflug Geld? Mittagessen in der Schule?",
            "Bildungspaket Antrag zu kompliziert",
        ],
    ),
    (
        "bildung",
        "Aufstockung der Jugendsozialarbeit an Schulen mit hohem Anteil geflüchteter Kinder",
        [
            "Lehrer überfordert mit traumatisierten Kindern - Sozialarbeiter an die Schule!",
            "mehr Schulsozialarbeit",
        ],
    ),
    (
        "bildung",
        "Studienorientierung: Beratung zu Hochschulzugang und Studienkolleg",
        [
            "Studieren in Deutschland - wie geht das?",
            "I was student in Damascus university, want continue",
        ],
    ),
    (
        "bildung",
        "Fortbildung für Lehrkräfte in Deutsch als Zweitsprache",
        [
            "Lehrer haben kein DaZ gelernt",
            "Lehrkräfte schulen für Sprachförderung im Unterricht",
        ],
    ),
    # -------------------------------------------------------------- gesundheit
    (
        "gesundheit",
        "Aufbau und Finanzierung eines Dolmetscherpools für Arztbesuche und Klinikaufenthalte",
        [
            "Beim Arzt versteht keiner was",
            "Kinder übersetzen beim Frauenarzt - geht gar nicht!",
            "Wer bezahlt Dolmetcher in der Praxis?",
        ],
    ),
    (
        "gesundheit",
        "Psychosoziale Versorgung traumatisierter Geflüchteter: Therapieplätze und Behandlungszentrum im Landkreis",
        [
            "Trauma - Therapeuten mit Arabisch gibt es nicht",
            "Wartezeit Psychotherapie 6 Monate",
            "PTBS bei vielen jungen Männern, keiner kümmert sich",
        ],
    ),
    (
        "gesundheit",
        "Einführung der elektronischen Gesundheitskarte für Leistungsberechtigte nach dem AsylbLG",
        [
            "Krankenschein jedes Quartal beim Sozialamt holen - umständlich",
            "eGK wie in Bremen",
        ],
    ),
    (
        "gesundheit",
        "Mehrsprachiger Gesundheitswegweiser (Hausarzt, Bereitschaftsdienst, Apotheke, Notaufnahme)",
        [
            "Wo ist Notarzt am Wochenende? Leute gehen mit Schnupfen in die Klinik",
            "Flyer Gesundheitssystem in Farsi / Arabisch / Tigrinya",
        ],
    ),
    (
        "gesundheit",
        "Impfaktionen und Nachholimpfungen in den Unterkünften durch das Gesundheitsamt",
        [
            "Impfstatus der Kinder unbekannt",
            "Impftag direkt im Heim",
        ],
    ),
    (
        "gesundheit",
        "Familienhebammen für schwangere Geflüchtete und junge Mütter",
        [
            "Hebamme finden unmöglich",
            "pregnant, no one explain me nothing",
        ],
    ),
    (
        "gesundheit",
        "Schulung und Supervision für Ehrenamtliche im Umgang mit traumatisierten Menschen",
        [
            "Helfer sind selbst fertig - Supervision!",
            "Wie erkenne ich Trauma? Schulung fürs Ehrenamt",
        ],
    ),
    # ---------------------------------------------------------------- freizeit
    (
        "freizeit",
        "Beitragsfreie Schnuppermitgliedschaft in Sportvereinen",
        [
            "Fussballverein kostet Beitrag - kein Geld",
            "Vereine öffnen! Erstes Jahr umsonst",
        ],
    ),
    (
        "freizeit",
        "Schwimmkurse für geflüchtete Kinder und Erwachsene (inkl. Frauenschwimmzeiten)",
        [
            "Kann nicht schwimmen - Baggersee gefährlich",
            "Frauenschwimmen",
            "Schwimmunterricht für Erwachsene",
        ],
    ),
    (
        "freizeit",
        "Begegnungsfeste und interkulturelle Kochabende in den Gemeinden",
        [
            "Zusammen kochen - syrisch und bayerisch",
            "Fest im Ort damit man sich kennenlernt",
        ],
    ),
    (
        "freizeit",
        "Jugendtreffs aktiv für junge Geflüchtete öffnen",
        [
            "Jungs hängen abends am Bahnhof rum - kein Angebot",
            "Jugendhaus auch für unbegleitete Minderjährige",
        ],
    ),
    (
        "freizeit",
        "Übungsleiterausbildung für Geflüchtete",
        [
            "Ich war Trainer in Syrien, kann Kinder trainieren",
            "Flüchtlinge als Übungsleiter gewinnen",
        ],
    ),
    (
        "freizeit",
        "Freizeitkalender / Übersicht der Vereinsangebote in einfacher Sprache",
        [
            "Was kann man am Wochenende machen?",
            "Vereinsangebote kennt keiner - Liste in leichter Sprache",
        ],
    ),
    (
        "freizeit",
        "Kreis-Familienpass: freier oder ermäßigter Eintritt in Bücherei, Hallenbad und Museum",
        [
            "Bücherei-Ausweis gratis",
            "Eintritt Hallenbad zu teuer für Familie mit 4 Kindern",
        ],
    ),
    # ------------------------------------------------------------ gesellschaft
    (
        "gesellschaft",
        "Verbesserung der ÖPNV-Anbindung von Unterkünften in Randlagen (Rufbus, Abendfahrten)",
        [
            "Busse fahren abends nicht mehr",
            "Heim im Gewerbegebiet - kein Bus!",
            "AST auch für Flüchtlinge",
        ],
    ),
    (
        "gesellschaft",
        "Sozialticket für Leistungsberechtigte nach AsylbLG und SGB II",
        [
            "Monatskarte 60 Euro - zu teuer",
            "Ticket billiger für Arbeitslose und Flüchtlinge",
        ],
    ),
    (
        "gesellschaft",
        "Fahrradwerkstatt und Radfahrkurse für Geflüchtete",
        [
            "Fahrräder spenden + reparieren",
            "Verkehrsregeln Radl - viele fahren auf der falschen Seite",
        ],
    ),
    (
        "gesellschaft",
        "Einrichtung einer Koordinierungsstelle Ehrenamt im Landratsamt zur Vernetzung der Helferkreise",
        [
            "Helferkreise wissen nix voneinander",
            "Ansprechpartner im LRA für Ehrenamtliche",
            "Ehrenamt braucht Hauptamt!",
        ],
    ),
    (
        "gesellschaft",
        "Behördenlotsen: Begleitung bei Anträgen und Behördengängen",
        [
            "Wer hilft beim Ausfüllen der Anträge?",
            "Brief vom Amt - brauche jemand der mir erklärt und mitgeht",
            "Formulare JC - 20 Seiten!!",
        ],
    ),
    (
        "gesellschaft",
        "Mehrsprachige Merkblätter und Bescheide in einfacher Sprache in der Kreisverwaltung",
        [
            "Bescheide nur auf Deutsch - bitte auch englisch",
            "Amtsdeutsch vereinfachen",
        ],
    ),
    (
        "gesellschaft",
        "Personelle Aufstockung der Flüchtlings- und Integrationsberatung (MBE, Asylsozialberatung)",
        [
            "Sozialarbeiter 1:150 - viel zu wenig",
            "Migrationsberatung: Termin erst in 6 Wochen",
        ],
    ),
    (
        "gesellschaft",
        "Runder Tisch Integration in jeder Gemeinde mit Verwaltung, Kirchen, Vereinen und Geflüchteten",
        [
            "Flüchtlinge selbst mit an den Tisch holen!",
            "regelmäßiges Treffen aller Akteure vor Ort",
        ],
    ),
    (
        "gesellschaft",
        "Frauencafé als geschützter Treffpunkt für geflüchtete Frauen",
        [
            "Frauen bleiben immer in der Unterkunft",
            "Raum nur für Frauen zum Reden",
        ],
    ),
    (
        "gesellschaft",
        "Vormundschaften und Übergangsbegleitung für UMA beim Erreichen der Volljährigkeit sichern",
        [
            "Unbegleitete werden 18 -> Jugendhilfe endet abrupt",
            "Vormünder fehlen",
            "Was passiert mit mir mit 18?",
        ],
    ),
    (
        "gesellschaft",
        "Bürgerinformationsabende „Fakten statt Gerüchte“",
        [
            "Gerüchte in der Nachbarschaft - Bürgerinfo machen",
            "Stammtischparolen was entgegensetzen",
        ],
    ),
    (
        "gesellschaft",
        "Führerschein: Theorieprüfung in Herkunftssprachen, Umschreibung ausländischer Fahrerlaubnisse, Zuschuss Fahrschule",
        [
            "Führerschein auf arabisch?",
            "Driving licence from Syria not valid here",
            "Fahrschule viel zu teuer",
        ],
    ),
]

UNRELATED: list[tuple[str, str]] = [
    ("wohnen", "Erstellung eines Wohnraumbedarfskonzepts 2017–2025 für den Landkreis"),
    ("wohnen", "Brandschutzbegehungen in allen Gemeinschaftsunterkünften"),
    ("wohnen", "Rückbau nicht mehr benötigter Notunterkünfte (Turnhallen an Schulen zurückgeben)"),
    ("wohnen", "Evaluierung des Sicherheitsdienstes in großen Unterkünften"),
    ("sprache", "Sprachstandserhebung vor der Einschulung (Sprachscreening)"),
    ("sprache", "Gewinnung von Lehrkräften für Integrationskurse (Werbekampagne DaF)"),
    ("sprache", "Einheitliches Teilnahmezertifikat für ehrenamtliche Deutschkurse"),
    ("arbeit", "Halbjährlicher Bericht zur Arbeitsmarktintegration Geflüchteter im Landkreis"),
    ("arbeit", "Verstetigung des Arbeitskreises Ausbildung der Kammern"),
    ("arbeit", "Aufklärung über ausbeuterische Arbeitsverhältnisse und Schwarzarbeit"),
    ("bildung", "Schulentwicklungsplanung um Zuzugsprognose ergänzen"),
    ("bildung", "Sprachförderung in der Kita für alle Kinder mit Förderbedarf (Vorkurs Deutsch)"),
    ("bildung", "Medienkompetenz-Workshops für Jugendliche"),
    ("gesundheit", "Tuberkulose-Screening: Röntgenkapazitäten des Gesundheitsamts sichern"),
    ("gesundheit", "Suchtprävention in Unterkünften"),
    ("gesundheit", "Hygieneplan bei Infektionsausbrüchen in Gemeinschaftsunterkünften"),
    ("freizeit", "Ferienprogramm der Gemeinden für alle Kinder öffnen und bewerben"),
    ("freizeit", "Fremdsprachige Medienbestände in der Kreisbibliothek aufbauen"),
    ("freizeit", "Sanierung des Kreissportplatzes"),
    ("gesellschaft", "Fortbildung interkulturelle Kompetenz für Mitarbeitende der Kreisverwaltung"),
    ("gesellschaft", "Jährlicher Integrationsbericht an den Kreistag"),
    ("gesellschaft", "Ehrenamtspreis des Landkreises ausloben"),
    ("gesellschaft", "Integrationsportal auf der Homepage des LRA mit allen Ansprechpartnern"),
    ("gesellschaft", "Präventionsprojekt gegen Radikalisierung junger Männer"),
    ("gesellschaft", "Barrierefreier Ausbau der Bushaltestellen im Kreisgebiet"),
]

LONELY: list[tuple[str, str]] = [
    ("wohnen", "6 Männer in einem Zimmer - kein Platz zum Lernen"),
    ("wohnen", "Containerdorf am Ortsrand - Stigma"),
    ("wohnen", "Küche für 40 Leute, nur 2 Herde"),
    ("wohnen", "Essen in der Unterkunft ungesund, Diabetes"),
    ("sprache", "Deutsch lernen mit App? Welche ist gut?"),
    ("sprache", "Dialekt! Im Dorf redet jeder boarisch, versteh ich nicht"),
    ("sprache", "DTZ nicht bestanden - und jetzt?"),
    ("sprache", "Kursniveau zu unterschiedlich in einer Klasse"),
    ("arbeit", "Mindestlohn für Flüchtlinge aussetzen?"),
    ("arbeit", "Arbeitskleidung / Sicherheitsschuhe fehlen"),
    ("arbeit", "Zeitarbeit nimmt alle - ist das gut?"),
    ("arbeit", "Rente: werden Arbeitsjahre in Syrien anerkannt?"),
    ("bildung", "Schulweg gefährlich - Kinder laufen an der Bundesstraße"),
    ("bildung", "Schwimmunterricht in der Schule - Mädchen dürfen nicht mit?"),
    ("bildung", "Islamischer Religionsunterricht?"),
    ("bildung", "Zu viele Schulwechsel wegen Umverteilung"),
    ("gesundheit", "Zahnarzt - nur Schmerzbehandlung erlaubt??"),
    ("gesundheit", "Brille wird nicht bezahlt"),
    ("gesundheit", "Physiotherapie nach Kriegsverletzung abgelehnt"),
    ("freizeit", "Gartenprojekt: jede Familie ein Beet"),
    ("freizeit", "Musik machen - Instrumente fehlen"),
    ("freizeit", "Fußballturnier im Sommer"),
    ("freizeit", "Kino auf Arabisch"),
    ("gesellschaft", "Gebetsraum / Moschee zu weit weg"),
    ("gesellschaft", "Familiennachzug dauert ewig - was können wir tun?"),
    ("gesellschaft", "Ehrenamtliche bekommen Fahrtkosten nicht erstattet"),
    ("gesellschaft", "Handyverträge - Flüchtlinge werden abgezockt"),
    ("gesellschaft", "Pass fehlt, Botschaft verlangt viel Geld"),
    ("gesellschaft", "Bus fährt, aber Fahrplan nur auf Deutsch"),
    ("gesellschaft", "Kirchenasyl - wie geht die Gemeinde damit um?"),
    ("gesellschaft", "Wahlrecht / Mitbestimmung für Flüchtlinge im Gemeinderat?"),
]
