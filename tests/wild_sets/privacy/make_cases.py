"""Build ``cases.jsonl``: a blind, hand-labelled set for personal-data detection in free text.

Written without looking at flueko's detector. Each line of ``cases.jsonl`` is

    {"text": ..., "pii": [exact substrings that must disappear],
     "keep": [exact substrings that must survive unchanged], "kind": name|email|phone|trap|mixed}

Lines are hand-written below in a small markup: ``⟦…⟧`` marks personal data, ``⦃…⦄`` marks
text that must survive. A small templated block (deterministic, no randomness) widens the
coverage of name origins and cue words. Run ``python make_cases.py`` to rewrite ``cases.jsonl``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# names: as cards and comments write them (mostly without salutation)
# ---------------------------------------------------------------------------------------------
NAME = r"""
Kontakt: ⟦Birgit Hollenbach⟧, ⦃Quartiersmanagement⦄ Nordstadt
⟦Tarek Haddad⟧ ⦃dolmetscht⦄ beim Elternabend (Arabisch)
Bei Fragen zur Wohnungssuche bei ⟦Monika Seitz⟧ ⦃melden⦄
Familie ⟦Demir⟧ sucht seit 8 Monaten eine ⦃4-Zimmer-Wohnung⦄
Ansprechpartnerin: Frau Dr. ⟦Öztürk⟧ (⦃Gesundheitsamt⦄)
Fahrdienst zum ⦃Deutschkurs⦄ organisieren (⟦Ahmad⟧)
Sprachpatin ⟦Olena Kovalenko⟧ ⦃begleitet⦄ zwei Familien zum Amt
Rückmeldung an ⟦M. Seitz⟧ bis ⦃Ende Oktober⦄
bei ⟦Leyla⟧ ⦃nachfragen⦄, ob der Raum im ⦃Jugendhaus⦄ frei ist
Protokoll: ⟦Jürgen Kleinschmidt⟧
⟦Ayşe Yılmaz⟧ ⦃bietet⦄ einen Nähkurs für Frauen an
Herr ⟦Mehmet Demir⟧ hat eine Ausbildungsstelle als ⦃Kfz-Mechatroniker⦄ gefunden
⟦Fatma Kaya⟧ und ⟦Hatice Çelik⟧ ⦃organisieren⦄ das ⦃Frauenfrühstück⦄
Wie ⟦Emre⟧ sagte: ohne ⦃Führerschein⦄ keine Arbeit auf dem Land
Mentorin gesucht für ⟦Zeynep Arslan⟧ (⦃Abitur 2017⦄)
Ansprechpartner ⦃IHK⦄: ⟦Murat Aydın⟧
⟦Rania Haddad⟧ braucht Kinderbetreuung während des ⦃Integrationskurses⦄
Dolmetschen Arabisch: ⟦Omar Kassem⟧ oder ⟦Nour Alhamwi⟧
⟦Khaled Mansour⟧ (Syrien, Elektriker) ⦃sucht⦄ Anerkennung seines Abschlusses
Termin mit ⟦Hiba Suleiman⟧ wegen ⦃Kita-Platz⦄ vereinbaren
⟦Yasmin Darwish⟧ möchte ⦃Erzieherin⦄ werden, braucht dafür ⦃B2⦄
Familie ⟦Al-Khatib⟧ wohnt noch in der ⦃Gemeinschaftsunterkunft⦄
⟦Abdulrahman Saleh⟧ hilft ⦃ehrenamtlich⦄ in der Fahrradwerkstatt
⟦Farid Ahmadi⟧ ⦃übersetzt⦄ Dari/Paschtu
laut ⟦Zahra Hosseini⟧ fehlen Kurse mit ⦃Kinderbetreuung⦄
⟦Mariam Rahimi⟧: ⦃Schulbegleitung⦄ ab Januar
Gespräch ⟦Hamid Karimi⟧ / ⦃Jobcenter⦄ am Dienstag
Sprachpatin ⟦Shabnam Sultani⟧ ⦃übernimmt⦄ die Gruppe am Donnerstag
⟦Ali Reza Mohammadi⟧ ⦃sucht⦄ ein Praktikum im ⦃Malerhandwerk⦄
Bei ⟦Parwin⟧ nachfragen wegen ⦃Frauenschwimmen⦄
⟦Jawad Haidari⟧ hat den ⦃Führerschein⦄ bestanden!
⟦Sediqa Amiri⟧ (Afghanistan), ⦃Hebamme⦄ – Anerkennung läuft
⟦Rojda Baran⟧ ⦃moderiert⦄ die Kurdisch-Gruppe
Kontakt Kurdischer Kulturverein: ⟦Azad Sido⟧
⟦Dilan Aslan⟧ ⦃möchte⦄ eine Ausbildung zur ⦃Pflegefachfrau⦄ machen
⟦Shirin Mahmoud⟧ und ihre Tochter ⟦Jiyan⟧ suchen eine ⦃Wohnung⦄
⟦Berivan⟧ fragen, ob sie beim ⦃Newroz-Fest⦄ hilft
⟦Yonas Tesfay⟧ ⦃sucht⦄ eine Ausbildung als Elektroniker
⟦Senait Gebremariam⟧ ⦃kocht⦄ beim ⦃Begegnungsfest⦄
Tigrinya-Dolmetscher: ⟦Filmon Tesfamariam⟧
⟦Helen Kidane⟧ hat Probleme mit der ⦃Krankenkasse⦄
⟦Merhawi⟧ braucht Hilfe beim ⦃Bewerbungsschreiben⦄
Bei ⟦Luwam Berhane⟧ ⦃nachhaken⦄ (Schulanmeldung)
⟦Biniam Ghebremedhin⟧ spielt im ⦃Fußballverein⦄ mit
⟦Abdi Warsame⟧ ⦃dolmetscht⦄ Somali
⟦Hodan Farah⟧: ⦃Kinderbetreuung⦄ Mo + Mi
⟦Faadumo Jama⟧ möchte in der ⦃Altenpflege⦄ arbeiten
Herr ⟦Mohamed Abdullahi Hassan⟧: 6 Kinder, ⦃Wohnung⦄ zu klein
⟦Sahra Nur⟧ ⦃besucht⦄ den Alphakurs
⟦Khadra Osman⟧: ⦃Frauenkurs⦄ Somali/Deutsch
⟦Oksana Shevchenko⟧ sucht Arbeit als ⦃Buchhalterin⦄
⟦Iryna Bondarenko⟧ ⦃unterrichtet⦄ Kinder auf Ukrainisch (Samstagsschule)
Kontakt: ⟦Andrij Melnyk⟧, ⦃Ukrainischer Verein⦄
⟦Mykola Tkachenko⟧ und ⟦Halyna Moroz⟧ ⦃helfen⦄ beim Umzug
Sprachpatin ⟦Tetjana Kravtschenko⟧
⟦Bohdan⟧ (12) braucht ⦃Nachhilfe⦄ in Mathe
Bei ⟦Natalija Petrenko⟧ anrufen wegen ⦃Wohnungsbesichtigung⦄
⟦Swetlana Iwanowa⟧ ⦃leitet⦄ den Russisch-Stammtisch
⟦Dmitri Sokolow⟧ hat Erfahrung als ⦃Schweißer⦄
⟦Natalja Smirnowa⟧ (⦃Spätaussiedlerin⦄) unterstützt neue Familien
Rückfrage an ⟦Sergej Kusnezow⟧ wegen ⦃Fahrgemeinschaft⦄
⟦Tatjana⟧ ⦃fragen⦄, ob sie Russisch dolmetschen kann
⟦Agnieszka Nowak⟧ (⦃Pflegedienst⦄) sucht Mitarbeiterinnen
⟦Krzysztof Wiśniewski⟧ ⦃bietet⦄ Praktikumsplätze im Trockenbau
⟦Małgorzata Kowalczyk⟧ kennt sich mit ⦃Kindergeld⦄ aus
Ansprechpartner Handwerk: ⟦Paweł Zieliński⟧ (⦃HWK⦄)
⟦Katarzyna Wójcik⟧, ⦃Elternbegleiterin⦄ Grundschule
⟦Edin Hodžić⟧ ⦃trainiert⦄ die Jugendmannschaft
⟦Amra Begović⟧ hat selbst ⦃1993⦄ als Flüchtling hier angefangen
⟦Dragan Jovanović⟧, ⦃Bauunternehmen⦄, sucht Helfer
⟦Milica Petrović⟧ übersetzt ⦃Serbisch/Kroatisch/Bosnisch⦄
⟦Arben Krasniqi⟧ und ⟦Drita Gashi⟧ ⦃organisieren⦄ das Fußballturnier
⟦Besim Berisha⟧ braucht Hilfe mit dem ⦃Aufenthaltstitel⦄
⟦Jelena Marković⟧ (⦃Schulsozialarbeit⦄)
⟦Emina⟧ fragt, ob es einen ⦃Schwimmkurs⦄ für Frauen gibt
⟦Sabine Wörner⟧ vom ⦃Helferkreis⦄ koordiniert die Fahrdienste
Kontakt über ⟦Klaus-Dieter Brenner⟧ (⦃Kirchengemeinde⦄)
⟦Ute Feldmann⟧ hat ⦃20 Fahrräder⦄ gespendet
Hr. ⟦Maurer⟧ vom ⦃Bauhof⦄ kümmert sich um die Möbel
Fr. ⟦Lämmle⟧, ⦃Sekretariat⦄ Grundschule
Leitung ⦃AK Wohnen⦄: ⟦Gerhard Maurer⟧
gez. ⟦Annegret Strobel⟧
⟦Wolfgang Bühler⟧ (Bürgermeister a.D.) ⦃moderiert⦄
Dank an ⟦Renate⟧ für den ⦃Kuchen⦄!
⟦Heike⟧ und ⟦Dieter⟧ ⦃übernehmen⦄ die Hausaufgabenhilfe
Herrn ⟦Haug⟧ informieren (⦃Ordnungsamt⦄)
Prof. ⟦Schreiber⟧ (Hochschule) bietet ein ⦃Sprachtandem⦄ an
Ansprechpartnerin: Frau ⟦Koch⟧, ⦃Ausländerbehörde⦄
kontakt: ⟦birgit hollenbach⟧
bei ⟦leyla⟧ nachfragen wegen ⦃raum⦄
⟦tarek⟧ dolmetscht am ⦃mittwoch⦄
sprachpatin ⟦olena k.⟧ hat ⦃zeit⦄
familie ⟦yilmaz⟧ braucht hilfe beim ⦃umzug⦄
termin mit ⟦mehmet⟧ ausmachen wegen ⦃praktikum⦄
⟦Ahmad⟧s Bruder sucht auch ⦃Arbeit⦄
⟦Mustafa⟧: „Wir wollen ⦃arbeiten⦄, nicht warten.“
Zitat ⟦Nilofar⟧ (17): „Ich will ⦃Ärztin⦄ werden.“
Die ⟦Haddads⟧ haben endlich eine ⦃Wohnung⦄ gefunden.
Frau ⟦Gschwind⟧ ⦃fragen⦄
Sozialberatung ⟦S. Woerner⟧ ⦃Di nachmittags⦄
⟦Mohammad Nazari⟧ sucht einen ⦃Minijob⦄, hat aber noch keine Arbeitserlaubnis
Familie ⟦Rezaei⟧ (5 Personen) – ⦃Wohnberechtigungsschein⦄ beantragt
⟦Aman Habte⟧ und ⟦Semhar Tekle⟧ heiraten im Mai, suchen eine gemeinsame ⦃Wohnung⦄
Patenschaft: ⟦Liban Egal⟧ ↔ ⟦Thomas Reiter⟧
⟦Ayaan Mohamud⟧ (Somalia), ⦃Kinderpflegerin⦄
Mit ⟦Wladimir Orlow⟧ den ⦃Fahrdienst⦄ absprechen
⟦Ljudmila⟧ ⦃bringt⦄ Pelmeni zum Fest mit
⟦Joanna Lewandowska⟧, ⦃Diakonie⦄, Migrationsberatung
⟦Tomasz Kamiński⟧, ⦃Dachdeckerei⦄ – nimmt 2 Azubis
⟦Nikola Ilić⟧, ⦃Hausmeister⦄ GU
⟦Emina Mehmedović⟧: ⦃Mutter-Kind-Gruppe⦄
Ansprechpartnerin: Frau Dr. ⟦Hosseini-Brandt⟧ (⦃Kinderarztpraxis⦄)
Schulleiterin ⟦Petra Lang⟧ unterstützt die ⦃Vorbereitungsklasse⦄
⟦Peter Klein⟧ vom ⦃Sportverein⦄ stellt die Halle
⟦Anna Weiß⟧ (⦃Caritas⦄) macht die Schuldnerberatung
Praxis Dr. ⟦Ahmadi⟧ nimmt neue Patientinnen auf (⦃Farsi⦄)
⟦Hussein⟧ meint, die Busverbindung nach ⦃Rottenburg⦄ ist zu schlecht
Unterschrift: ⟦R. Amiri⟧
⟦Gül Yıldız⟧ (⦃Elternbeirat⦄)
⟦Mahmoud⟧ will ⦃Lkw-Fahrer⦄ werden
⟦Oleksandr⟧ und ⟦Maksym⟧ gehen in die ⦃Vorbereitungsklasse⦄
⟦Rahel⟧ (⦃Eritrea⦄) sucht eine Tagesmutter
Wir danken Frau ⟦Kaya⟧ und Herrn ⟦Şahin⟧ für die ⦃Unterstützung⦄
⟦Kerstin⟧ aus dem ⦃Frauencafé⦄ hat Kontakte zur ⦃Tafel⦄
⟦Ibrahim⟧ ist ⦃Herr der Lage⦄, kann aber nicht alles allein machen
Rückruf Frau ⟦Nguyen⟧ wegen ⦃Praktikum⦄
⟦Hassan⟧ und ⟦Hussein⟧ (Zwillinge, 16) suchen einen ⦃Sportverein⦄
Familie ⟦Tesfamariam⟧ braucht einen ⦃Kita-Platz⦄
Sprachpatin ⟦Gabi⟧ ⦃fällt⦄ im November aus
⟦Marwa⟧ hat die ⦃B1-Prüfung⦄ bestanden
⟦Ahmed⟧ aus der ⦃GU⦄ will Fußballtrainer werden
Ansprechpartner: ⟦Dr. Stefan Reuter⟧, ⦃Landratsamt⦄
Moderation: ⟦Claudia Brenner-Yılmaz⟧
⟦Reza⟧ fährt ⦃samstags⦄ mit zur Tafel
⟦Fatima⟧ und ihr Mann suchen ⦃Deutschkurs⦄ am Abend
"""

# ---------------------------------------------------------------------------------------------
# e-mail addresses, plain and obfuscated
# ---------------------------------------------------------------------------------------------
EMAIL = r"""
Anmeldung per Mail: ⟦m.seitz at beispiel dot de⟧
Rückfragen an ⟦kontakt(at)tafel-beispiel.de⟧ (⦃Tafel⦄ Mo + Do)
Infos: ⟦info [at] verein.de⟧
Mail an ⟦b.hollenbach@ landkreis-beispiel.de⟧
⟦birgit.hollenbach@lra-beispiel.de⟧ schickt die ⦃Einladung⦄
Unterlagen bitte an ⟦tarek.haddad (at) gmx.de⟧
⟦olena.kovalenko@ukr.net⟧ (⦃Ukrainisch/Russisch⦄)
Anmeldung Nähkurs: ⟦ayse.yilmaz[at]web.de⟧
⟦info{at}asylkreis-beispiel.de⟧ für ⦃Spenden⦄
⟦m_seitz AT beispiel DOT de⟧
⟦m.seitz @ beispiel . de⟧ – bitte ⦃bis Freitag⦄
Anmeldung ⦃DaZ-Kurs⦄: ⟦anmeldung-daz@vhs-beispiel.de⟧
⟦k.nowak(ät)t-online.de⟧
⟦yonas.t@gmail.com⟧ wegen ⦃Praktikum⦄
Lebenslauf an ⟦h.farah@outlook.de⟧
⟦f.ahmadi@posteo.de⟧ (⦃Dari⦄)
Ehrenamtskoordination: ⟦ehrenamt@stadt-beispiel.de⟧
Mail: ⟦birgit punkt hollenbach at lra punkt de⟧
Bitte ⦃Fotos⦄ an ⟦s.woerner@ caritas-beispiel.de⟧
Email:⟦mehmet.demir@gmx.net⟧
⟦INFO@VEREIN-BEISPIEL.DE⟧
⟦kontakt@bürgerverein-beispiel.de⟧
Antwort an <⟦j.lewandowska@wp.pl⟧>
Bitte bis Freitag an ⟦info@vhs-beispiel.de⟧ ⦃melden⦄.
⟦helferkreis+wohnen@posteo.de⟧
⟦Jelena [dot] Markovic [at] gmail [dot] com⟧
⟦a.krasniqi@ gmx.de⟧ (⦃Fußballturnier⦄)
Liste geht an ⟦wohnen.ak (at) landkreis-beispiel (dot) de⟧
⟦rojda.baran@hotmail.de⟧, ⟦dilan-aslan@web.de⟧
Mail ⟦sokolow.d@mail.ru⟧
⟦p.zielinski@ hwk-beispiel.de⟧ (⦃HWK⦄)
⟦jobs (at) baeckerei-beispiel.de⟧ – ⦃Bäckerei⦄ sucht Azubis
Kontaktmail ⟦elternbeirat.gs-nord@ gmail.com⟧
⟦integration@lra-beispiel.de⟧ (⦃Integrationsbeauftragte⦄)
Rückmeldung bitte an ⟦info at helferkreis-beispiel punkt de⟧
⟦mariam.rahimi @gmail.com⟧
Zeugnisse an ⟦t.kidane@gmx.de⟧.
Emailadresse: ⟦hosseini_z (at) yahoo.de⟧
⟦Omar.Kassem@Praxis-Beispiel.de⟧ für ⦃Termine⦄
Anmeldung ⦃Frauencafé⦄: ⟦frauencafe@ tafel-beispiel.de⟧
"""

# ---------------------------------------------------------------------------------------------
# phone numbers in any spacing
# ---------------------------------------------------------------------------------------------
PHONE = r"""
Tel. ⟦0 62 21 / 40 55 12⟧
⟦06221-405512⟧ (⦃Mo–Fr 8–12 Uhr⦄)
⟦+49 (0)6221 405512⟧
Handy ⟦0176 123 45 678⟧
Tel. ⟦4055-12⟧ (⦃Sekretariat⦄)
⟦07071/204-1234⟧
⟦0049 7071 2041234⟧
WhatsApp ⟦+49 176 12345678⟧
⟦0157-34567890⟧ ⦃ab 17 Uhr⦄
⟦(07071) 20 41 23⟧
⟦0711 / 123 456 - 78⟧
Tel.: ⟦0 70 71 - 20 41 23⟧
Handy ⟦0152 2345 6789⟧
⟦+90 532 123 45 67⟧ (⦃Türkei⦄)
⟦+380 67 123 4567⟧ (⦃Ukraine⦄)
Hotline ⟦0800 1234567⟧ (⦃kostenlos⦄)
⟦07071.204.1234⟧
Fax ⟦07071 204-1299⟧
⟦01 76 / 23 45 67 89⟧
⟦+49-6221-405512⟧
⟦+49 6221 40 55 12⟧
Zentrale ⟦0621-12345-0⟧
erreichbar unter ⟦0176 12345678⟧ (auch ⦃WhatsApp⦄)
⟦0 15 73 / 8 76 54 32⟧
Tel ⟦20 41 23⟧ (⦃Rathaus⦄)
⟦0162/1234567⟧ ⦃ab 17 Uhr⦄
⟦0 71 22 - 8 23 45⟧
Notfall: ⟦0171 - 234 56 78⟧
⟦+43 664 1234567⟧ (⦃Österreich⦄)
⟦+963 944 123 456⟧ (⦃Syrien⦄)
⟦0049(0)176-23456789⟧
⟦07071 - 75 36 18⟧
Telefonnummer ⟦0151 / 27 38 49 50⟧
Tel. ⟦06221 / 4 05 51 2⟧
Tel. ⟦(0 62 21) 40 55 12⟧
Handynr. ⟦0176-123 45 678⟧
⟦+49 1522 3456789⟧
⟦0176 / 1234 5678⟧ (⦃nur SMS⦄)
Rückruf unter ⟦0 17 6 - 12 34 56 78⟧
Anrufen: ⟦07071 20 41 23⟧ ⦃Di + Do⦄
Tel. ⟦0 70 71/20 41 23⟧, Fax ⟦0 70 71/20 41 99⟧
"""

# ---------------------------------------------------------------------------------------------
# traps: no personal data, must stay untouched
# ---------------------------------------------------------------------------------------------
TRAP = r"""
Das ⦃Frauencafé⦄ trifft sich jeden Dienstag im Gemeindehaus.
Ausflug nach ⦃Herrenberg⦄ mit den Familien aus der GU
Viele pendeln nach ⦃Rosenheim⦄, die Busverbindung ist schlecht
Stand auf dem ⦃Christkindlmarkt⦄ mit Gebäck aus Eritrea und Syrien
Die ⦃Paula-Modersohn-Schule⦄ bietet eine ⦃VKL⦄ an
Treffpunkt vor der ⦃Marienkirche⦄
Laternenumzug an ⦃Sankt Martin⦄ gemeinsam mit der Kita
Kontakt zur Pfarrei ⦃Mariahilf⦄ aufnehmen
Ausbildungsmesse in der ⦃Hansestadt Rostock⦄
Die Anerkennungsstelle sitzt in ⦃Karlsruhe⦄
Ausbildungsmesse ⦃Friedrichshafen⦄ am ⦃20.10.2016⦄
Die ⦃Elisabeth-Selbert-Schule⦄ hat noch Plätze in der Berufsfachschule
Beratung bei der ⦃Caritas⦄ oder der ⦃Diakonie⦄
Termine beim ⦃Jobcenter⦄ dauern zu lange
Die ⦃Agentur für Arbeit⦄ sollte Sprechstunden in der GU anbieten
⦃IHK⦄ und ⦃HWK⦄ sollen eine Ausbildungsbörse machen
⦃VHS⦄-Kurse sind voll, Wartezeit ⦃3 Monate⦄
Im ⦃Ramadan⦄ die Kurszeiten anpassen
Mehr Stunden ⦃Deutsch als Zweitsprache⦄ in der Grundschule
Beratung ⦃Mo–Fr 8–12 Uhr⦄ reicht nicht für Berufstätige
Stichtag war der ⦃20.10.2016⦄
Zuschuss von ⦃1.200 €⦄ für Fahrtkosten zum Sprachkurs
Arbeitsgelegenheiten nach ⦃§ 5 AsylbLG⦄ ausweiten
Beratungsstelle: ⦃Hauptstraße 12⦄, ⦃72072 Tübingen⦄
⦃Raum 2.14⦄ im Landratsamt ist zu klein
Seit ⦃2015⦄ kamen über ⦃1.800⦄ Geflüchtete in den Landkreis
Wohnung für ⦃Frau und Kind⦄ gesucht (Notfall)
Die Ehrenamtlichen sind nicht mehr ⦃Herr der Lage⦄
⦃Wohnungen⦄ sind knapp, ⦃Vermieter⦄ haben Vorbehalte.
⦃Sprachkurse⦄ müssen näher an die Dörfer.
Das Praktikum bei ⦃Bosch⦄ war ein Erfolg
Ausbildung bei ⦃Daimler⦄ nur mit B2
Viele arbeiten bei ⦃Aldi⦄ oder ⦃Lidl⦄ im Lager
Kontakt: ⦃Jobcenter⦄, ⦃Zimmer 12⦄
Ansprechpartner: ⦃Ausländerbehörde⦄
Ansprechpartnerin: ⦃Schulsozialarbeit⦄ der Realschule
Bei Fragen bitte im ⦃Sekretariat⦄ melden.
⦃Familie und Beruf⦄ vereinbaren: Kinderbetreuung fehlt
⦃Familienzentrum⦄ als Anlaufstelle ausbauen
⦃Frau Bürgermeisterin⦄ hat Unterstützung zugesagt
⦃Herr Landrat⦄ eröffnet die Veranstaltung
Anmeldung über die ⦃Ehrenamtsbörse⦄ (⦃Sprachpatinnen gesucht⦄)
⦃Sprachpatin gesucht⦄ für zwei Frauen aus Somalia
Dolmetscher für ⦃Tigrinya⦄ fehlen
⦃Mariä Himmelfahrt⦄ ist Feiertag, kein Kurs
⦃Silvester⦄ gemeinsam feiern im Jugendhaus
⦃Nikolausfeier⦄ im Kindergarten ⦃St. Elisabeth⦄
⦃Newroz⦄-Fest im März mit Musik und Tanz
⦃Zuckerfest⦄ und ⦃Opferfest⦄ im Schulkalender berücksichtigen
⦃Nur wenige Plätze⦄ im Integrationskurs sind frei.
⦃Ernst gemeinte⦄ Angebote statt Symbolpolitik
⦃Rosa Zettel⦄ = Anmeldung, grüne Zettel = Warteliste
⦃Frank und frei⦄ gesagt: ohne Auto geht hier nichts
Ausbildung zum ⦃Koch⦄ oder zur Köchin
⦃Bauer⦄ sucht Erntehelfer, Sprachkenntnisse egal
⦃Meister-BAföG⦄ besser erklären
⦃Fischer⦄ und Bäcker suchen Azubis
⦃Schneiderei⦄ als Werkstattprojekt
⦃Albert-Schweitzer-Schule⦄: Elterncafé mit Dolmetschern
Wohnheim an der ⦃Konrad-Adenauer-Straße⦄
Das ⦃Sophie-Scholl-Gymnasium⦄ nimmt Seiteneinsteiger auf
Hausaufgabenhilfe an der ⦃Geschwister-Scholl-Schule⦄
Infoabend im ⦃Katharinenhospital⦄ für Schwangere
⦃Luisenpark⦄-Ausflug für Familien
Aushang am ⦃Wilhelmsplatz⦄
Zugverbindung ⦃Ludwigsburg⦄–Stuttgart verbessern
Umzug nach ⦃Wilhelmshaven⦄ geplant
Das ⦃Kolping-Bildungswerk⦄ bietet Berufsorientierung
⦃Johanniter⦄ und ⦃Malteser⦄ betreiben die Unterkünfte
Die ⦃Arbeiterwohlfahrt⦄ macht Schuldnerberatung
⦃Deutsches Rotes Kreuz⦄: Kleiderkammer
Die ⦃Markuskirche⦄ stellt Räume zur Verfügung
Jugendfeuerwehr übt am ⦃Florianstag⦄ mit den Jugendlichen aus der VKL
Freizeit im Schullandheim ⦃Annaberg⦄
Theaterstück ⦃Hans im Glück⦄ mit Kindern aus der VKL
Öffnungszeiten ⦃9.00 - 12.00⦄ und ⦃14.00 - 16.30⦄ Uhr
Förderzeitraum ⦃2016 - 2018⦄
PLZ ⦃72072⦄ und ⦃72074⦄ zusammen betrachten
Betrag ⦃1 200 €⦄ pro Jahr
⦃n = 41⦄ Teilnehmende, davon ⦃35 %⦄ Frauen
Kosten ca. ⦃7.000 €⦄ (Raummiete, Verpflegung, Moderation)
Teilnahmepflicht nach ⦃§ 44a AufenthG⦄
Kurs ⦃14:00–15:30⦄ passt nicht zu Schichtarbeit
Zeitraum ⦃01.09.–31.12.2017⦄
Miete bis ⦃480 €⦄ kalt, ⦃45 m²⦄
Bus ⦃Linie 17⦄ fährt nur alle ⦃60 Minuten⦄
⦃B1⦄-Kurs mit ⦃600 UE⦄
⦃Jahrgang 1998⦄ und älter
Klasse ⦃1–4⦄: Sprachförderung
⦃Bahnhofstraße 23-25⦄, ⦃2. OG⦄
Stundenlohn mindestens ⦃12,50 €⦄
⦃KW 42⦄: Auswertung der Karten
Gruppe ⦃3 von 5⦄ hat nicht abgestimmt
Infos unter ⦃www.vhs-tuebingen.de⦄
⦃SGB II⦄ und ⦃SGB XII⦄ Leistungen erklären
⦃Frauenkurs⦄ mit Kinderbetreuung
Sehr geehrte ⦃Damen und Herren⦄, hier unsere Anregungen:
Männer und ⦃Frauen⦄ getrennt unterrichten?
⦃Herrenfriseur⦄ bietet ein Praktikum an
⦃Frau aus Eritrea⦄, 3 Kinder, sucht Wohnung
Die ⦃Integrationsbeauftragte⦄ lädt zum Runden Tisch ein
⦃Tafel-Ausweis⦄ auch für Geflüchtete
Termin am ⦃Mo, 14.11.⦄ um ⦃18 Uhr⦄
Aktion ⦃Weihnachten im Schuhkarton⦄
Patenschaften für ⦃Jung und Alt⦄
⦃Christliche⦄ und muslimische Gemeinden gemeinsam einladen
⦃Wohnen⦄: Leerstand in ⦃Mössingen⦄ erfassen
Kontakt zur ⦃Moschee⦄ aufnehmen
Bei ⦃Regen⦄ fällt das Fußballtraining aus
Bei ⦃Bedarf⦄ Dolmetscher über die ⦃Caritas⦄ anfragen
Hausaufgabenhilfe (⦃Anmeldung⦄ erforderlich)
Elternabend (⦃Mittwoch⦄)
Sprachcafé (⦃Stadtbibliothek⦄)
Das Thema ⦃Familiennachzug⦄ beschäftigt viele
Die ⦃Friedrich-Ebert-Stiftung⦄ fördert das Projekt
Antrag bei der ⦃Robert Bosch Stiftung⦄ stellen
Unterkunft in der ⦃Heinrich-Heine-Straße 5⦄
Die ⦃Marie-Curie-Realschule⦄ sucht Lesepaten
Treffen im Gasthaus ⦃Adler⦄
Tel.-Sprechstunde ⦃Di 9–11 Uhr⦄
Termin: ⦃06.12.2016⦄, ⦃18:30 Uhr⦄, Rathaus
Kosten: ⦃2.450,00 €⦄
⦃0,5⦄ Stellen für Integrationsmanagement
⦃Version 2.1⦄ des Maßnahmenplans
Telefonkette unter den Ehrenamtlichen aufbauen
⦃Handy-Kurs⦄ für Seniorinnen und Neuzugewanderte
⦃E-Mail-Verteiler⦄ für Ehrenamtliche einrichten
Ansprechpartner: noch offen
Ausländerbehörde Öffnungszeiten ⦃Di + Do 8.30–12.00⦄
Zimmer ⦃3.014⦄, ⦃2. OG⦄
Fahrt zum Basar der ⦃Georgskirche⦄
Sprachkurs in ⦃Friedrichshafen⦄, Anmeldung bis ⦃15.08.2017⦄
⦃Kaution⦄ bis ⦃3 Monatsmieten⦄
Familien mit Kindern unter ⦃3 Jahren⦄
Das Jugendhaus ist ⦃Mo–Do 14–20 Uhr⦄ offen
Ausflug in den ⦃Schwarzwald⦄ am ⦃Pfingstmontag⦄
Gruppe ⦃Wohnen⦄: ⦃12 Karten⦄, ⦃5 Punkte⦄
Sprachkurs in der ⦃Katharinenschule⦄, ⦃Raum 104⦄
Flohmarkt an der ⦃Stiftskirche⦄
Ehrenamtliche ⦃Lotsen⦄ für Behördengänge
Bewerbungstraining bei der ⦃Handwerkskammer⦄
Mehr ⦃Kita-Plätze⦄ in ⦃Ofterdingen⦄ und ⦃Dußlingen⦄
"""

# ---------------------------------------------------------------------------------------------
# mixed: personal data next to things that must survive
# ---------------------------------------------------------------------------------------------
MIXED = r"""
Kontakt: ⟦Birgit Hollenbach⟧, ⟦0 62 21 / 40 55 12⟧, ⦃Mo–Fr 8–12 Uhr⦄
⟦Tarek Haddad⟧ ⦃dolmetscht⦄, erreichbar unter ⟦0176 123 45 678⟧
Bei ⟦Monika Seitz⟧ melden: ⟦m.seitz at beispiel dot de⟧ (bis ⦃20.10.2016⦄)
Familie ⟦Demir⟧ braucht ⦃1.200 €⦄ Kaution – bei der ⦃Caritas⦄ fragen
Ansprechpartnerin: Frau Dr. ⟦Öztürk⟧, ⟦06221-405512⟧, ⦃Raum 2.14⦄
⦃Frauencafé⦄: ⟦Ahmad⟧ holt die Frauen mit dem Bus ab
Sprachpatin ⟦Olena Kovalenko⟧, ⟦olena.kovalenko@ukr.net⟧, Kurs in ⦃72072 Tübingen⦄
⟦M. Seitz⟧, Tel. ⟦4055-12⟧, ⦃Jobcenter⦄ Zimmer 3
bei ⟦Leyla⟧ nachfragen, ob das ⦃Frauencafé⦄ im ⦃Ramadan⦄ stattfindet
⟦Yonas Tesfay⟧ hat bei ⦃Bosch⦄ ein Praktikum gemacht
Arbeitsgelegenheiten nach ⦃§ 5 AsylbLG⦄ – Rückfragen an ⟦Abdi Warsame⟧ (⟦+49 176 12345678⟧)
Sprachpatin ⟦Shabnam Sultani⟧ begleitet Familie ⟦Rahimi⟧ zur ⦃Agentur für Arbeit⦄
Treffen an der ⦃Marienkirche⦄, Ansprechpartner ⟦Edin Hodžić⟧
⟦Iryna Bondarenko⟧ sucht eine Wohnung in ⦃Herrenberg⦄, max. ⦃480 €⦄ warm
⦃Elisabeth-Selbert-Schule⦄: Kontakt ⟦Jelena Marković⟧, ⟦j.markovic@ schule-beispiel.de⟧
⟦Senait⟧ (⦃Eritrea⦄) möchte am ⦃Christkindlmarkt⦄ Kaffee ausschenken
⦃Sankt Martin⦄: ⟦Ute Feldmann⟧ organisiert Laternen, Anmeldung ⟦kontakt(at)tafel-beispiel.de⟧
⟦Agnieszka Nowak⟧ (⦃Diakonie⦄) ⟦0157-34567890⟧
⟦Farid Ahmadi⟧ übersetzt für ⦃Frau und Kind⦄ aus Afghanistan
Elternabend ⦃Paula-Modersohn-Schule⦄, Dolmetscherin ⟦Zahra Hosseini⟧
Ausflug nach ⦃Friedrichshafen⦄ am ⦃03.06.2017⦄, Leitung ⟦Sabine Wörner⟧ (⟦07071/204-1234⟧)
⟦Khaled Mansour⟧: Anerkennung über ⦃IHK FOSA⦄, Gebühr ⦃600 €⦄
⦃VHS⦄, ⦃Deutsch als Zweitsprache⦄ – Lehrkraft ⟦Dmitri Sokolow⟧
⟦Rojda Baran⟧ und ⟦Berivan Amed⟧ laden zum ⦃Newroz⦄-Fest ein, ⟦info [at] verein.de⟧
Familie ⟦Gebremariam⟧, ⦃Hauptstraße 12⦄, ⦃2. OG⦄
⟦Hodan Farah⟧ arbeitet bei der ⦃Caritas⦄ in ⦃Rosenheim⦄
⦃Mo–Fr 8–12 Uhr⦄ erreichbar: ⟦Krzysztof Wiśniewski⟧, ⟦0 15 73 / 8 76 54 32⟧
⟦birgit hollenbach⟧ ⦃jobcenter⦄ ⟦06221 405512⟧
⟦Mehmet⟧ fragen wg. ⦃Karlsruhe⦄ (Anerkennungsstelle)
Danke an ⟦Natalja Smirnowa⟧ und das ⦃Frauencafé⦄-Team!
⟦Arben Krasniqi⟧ hat ⦃2016⦄ den Meister gemacht, jetzt eigene Firma
Dr. ⟦Omar Kassem⟧ (⦃Marienhospital⦄) bietet Gesundheitsinfos auf Arabisch
Städtepartnerschaft mit der ⦃Hansestadt⦄ Wismar: Kontakt ⟦Paweł Zieliński⟧
⟦Halyna Moroz⟧ sucht einen Kita-Platz ab ⦃01.09.2017⦄, ⟦+380 67 123 4567⟧
Patenschaft ⟦Liban Egal⟧ / ⟦Wolfgang Bühler⟧ läuft seit ⦃2016⦄
⟦Ayşe Yılmaz⟧ (⦃Elisabeth-Selbert-Schule⦄), ⟦ayse.yilmaz[at]web.de⟧, ⟦0152 2345 6789⟧
⦃Sprachpatin gesucht⦄ – bisher macht das ⟦Hiba Suleiman⟧ allein
⟦Mariam⟧ aus dem ⦃Frauencafé⦄ kennt eine Wohnung in ⦃Rosenheim⦄
Kostenübernahme ⦃1.200 €⦄ über ⦃Jobcenter⦄ klären, zuständig ⟦Sergej Kusnezow⟧
"""

# ---------------------------------------------------------------------------------------------
# templated names: widen the origins and cue words (deterministic pairing, no randomness)
# ---------------------------------------------------------------------------------------------
PEOPLE = [  # (first, last)
    ("Matthias", "Kern"),
    ("Gabriele", "Hummel"),
    ("Serkan", "Güler"),
    ("Esra", "Koç"),
    ("Lina", "Khalil"),
    ("Bilal", "Hamdan"),
    ("Reza", "Jafari"),
    ("Fereshteh", "Moradi"),
    ("Roza", "Hasan"),
    ("Hêvî", "Cemal"),
    ("Tesfalem", "Asfaha"),
    ("Mebrat", "Yohannes"),
    ("Abdirahman", "Guled"),
    ("Hawa", "Dirie"),
    ("Viktoriia", "Hnatiuk"),
    ("Serhii", "Boiko"),
    ("Alexej", "Fedorow"),
    ("Olga", "Wassiljewa"),
    ("Zofia", "Mazur"),
    ("Marek", "Dąbrowski"),
    ("Senad", "Muratović"),
    ("Vesna", "Kovačević"),
    ("Ardian", "Hoxha"),
    ("Gulalai", "Stanikzai"),
    ("Najibullah", "Safi"),
    ("Ghaith", "Alsayed"),
    ("Freweyni", "Haile"),
    ("Amina", "Yusuf"),
    ("Bashir", "Noorzai"),
    ("Dalia", "Al-Masri"),
    ("Kübra", "Doğan"),
    ("Stefanie", "Roth"),
]
TEMPLATES = [
    ("Kontakt: {F} {L}", ["Kontakt:"]),
    ("{F} {L} dolmetscht beim Elternabend", ["dolmetscht beim Elternabend"]),
    ("Bei {F} {L} melden, wer beim Umzug hilft", ["melden, wer beim Umzug hilft"]),
    ("Familie {L} sucht eine größere Wohnung", ["sucht eine größere Wohnung"]),
    ("Sprachpatin: {F} {L}", ["Sprachpatin"]),
    ("Ansprechpartner*in im Verein: {F} {L}", ["Ansprechpartner*in im Verein"]),
    ("Termin mit {F} wegen Bewerbung vereinbaren", ["wegen Bewerbung vereinbaren"]),
    ("bei {F} nachfragen, ob der Kurs stattfindet", ["nachfragen, ob der Kurs stattfindet"]),
    ("Rückmeldung an {I}. {L} bis Freitag", ["bis Freitag"]),
    ("{F} {L} (Jobcenter) hat Hilfe zugesagt", ["(Jobcenter) hat Hilfe zugesagt"]),
    ("Mit {F} {L} sprechen: Praktikum im Kindergarten", ["Praktikum im Kindergarten"]),
    ("{L}, {F} – Warteliste Integrationskurs", ["Warteliste Integrationskurs"]),
]


def templated() -> list[dict]:
    rows = []
    for i, (first, last) in enumerate(PEOPLE):
        tmpl, keep = TEMPLATES[i % len(TEMPLATES)]
        text = tmpl.format(F=first, L=last, I=first[0])
        if "{F} {L}" in tmpl:
            pii = [f"{first} {last}"]
        elif "{L}, {F}" in tmpl:
            pii = [f"{last}, {first}"]
        elif "{I}. {L}" in tmpl:
            pii = [f"{first[0]}. {last}"]
        elif "{L}" in tmpl:
            pii = [last]
        else:
            pii = [first]
        rows.append({"text": text, "pii": pii, "keep": keep, "kind": "name"})
    return rows


MARK = re.compile(r"⟦(.+?)⟧|⦃(.+?)⦄")


def parse(block: str, kind: str) -> list[dict]:
    rows = []
    for raw in block.strip("\n").splitlines():
        if not raw.strip():
            continue
        pii = [m.group(1) for m in MARK.finditer(raw) if m.group(1) is not None]
        keep = [m.group(2) for m in MARK.finditer(raw) if m.group(1) is None]
        text = MARK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), raw)
        if kind == "trap" and not keep:
            keep = [text]  # a trap line without marks must survive as a whole
        rows.append({"text": text, "pii": pii, "keep": keep, "kind": kind})
    return rows


def check(rows: list[dict]) -> None:
    seen = set()
    for r in rows:
        t = r["text"]
        assert "⟦" not in t and "⦃" not in t and "⟧" not in t and "⦄" not in t, t
        assert t not in seen, f"duplicate: {t}"
        seen.add(t)
        for s in r["pii"] + r["keep"]:
            assert s in t, (s, t)
        if r["kind"] == "trap":
            assert not r["pii"] and r["keep"], t
        else:
            assert r["pii"], t
        # a keep string must not contain any personal data
        for k in r["keep"]:
            for p in r["pii"]:
                assert p not in k and k not in p, (k, p, t)


def build() -> list[dict]:
    rows = (
        parse(NAME, "name")
        + templated()
        + parse(EMAIL, "email")
        + parse(PHONE, "phone")
        + parse(TRAP, "trap")
        + parse(MIXED, "mixed")
    )
    check(rows)
    return rows


def main() -> None:
    rows = build()
    out = HERE / "cases.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(r["kind"] for r in rows)
    print(
        f"{len(rows)} cases -> {out.name}: "
        + ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    )


if __name__ == "__main__":
    main()
