"""Build ``cases2.jsonl``: a second blind, hand-labelled set for personal-data detection.

Written without looking at flueko's detector, in the format of ``cases.jsonl`` (see
``make_cases.py``), with one extra key the scorer ignores:

    {"text": ..., "pii": [...], "keep": [...], "kind": name|email|phone|trap|mixed,
     "tags": [origin and feature labels, e.g. "arabic", "translit", "lowercase", "neg_brand"]}

Each line below is ``tags | text`` (blanks around ``|`` optional); in the text ``⟦…⟧`` marks
personal data, ``⦃…⦄`` marks text that must survive (markup and checks are make_cases.py's).
The set holds 120 lines with personal data and 120 hard negatives; no text repeats a line of
``cases.jsonl``.

Truth is what a data-protection officer would ask to mask: names of persons in any spelling
(also lower case, initials with a surname, kunyas such as "Umm Ali", plural family names,
possessives), their e-mail addresses and phone numbers. Salutations, roles and particles stay
outside the mark when they stand before the name ("Frau ⟦S.⟧", "Dolmetscher ⟦Ali⟧"), but a
particle that belongs to the surname is inside ("⟦von Hohenstein⟧"). Names of institutions,
schools, streets, brands, programmes, places and fictional or placeholder persons
("Frau Holle", "Max Mustermann") are not personal data.

    python make_cases2.py                 # rewrite cases2.jsonl
    python score.py --cases cases2.jsonl --json - | python make_cases2.py --tally -
                                          # score.py's report plus misses per tag
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_cases  # noqa: E402  (markup parser and consistency checks of the first set)

NAME = r"""
arabic,translit,particle|⟦Muhammad Al-Rifai⟧ ⦃sucht⦄ einen Ausbildungsplatz als ⦃Anlagenmechaniker⦄
arabic,translit | Herr ⟦Mohamad Khatib⟧ war früher ⦃Apotheker⦄ in ⦃Aleppo⦄
arabic,translit | ⟦Mohammed⟧ und ⟦Mahmud⟧ fahren ⦃mittwochs⦄ zur Tafel
arabic,translit | ⟦Youssef⟧ heißt im ⦃Pass⦄ ⟦Yusuf⟧, beim ⦃Jobcenter⦄ ⟦Jusuf⟧
arabic,particle,family | Familie ⟦el-Sayed⟧ hat ⦃Nachwuchs⦄ bekommen
arabic,particle | ⟦Saeed bin Hamad⟧ ⦃kocht⦄ beim Sommerfest
arabic,role | ⦃Dolmetscher⦄ ⟦Ali⟧ kommt nur ⦃dienstags⦄
arabic,compound | ⟦Yousef⟧s Tochter braucht einen ⦃Kita-Platz⦄
arabic,kunya | ⟦Umm Khaled⟧ ⦃bringt⦄ immer Gebäck mit
arabic | ⟦Fatima⟧ aus ⦃Syrien⦄ möchte ⦃Friseurin⦄ werden
arabic,translit,particle,lowercase | ⟦mohamed el masri⟧ ⦃braucht⦄ einen ⦃Termin⦄ beim Jobcenter
arabic,hyphen | Frau ⟦Haddad-Klein⟧ (⦃Schulsozialarbeit⦄) lädt zum Elternabend ein
arabic,plural | bei ⟦Hassans⟧ ist der ⦃Kühlschrank⦄ kaputt
arabic,particle,title | Frau Dr. ⟦Rasha Al-Zoubi⟧ ⦃berät⦄ auf Arabisch zur Schwangerschaft
arabic,lowercase | ⟦ali⟧ + ⟦mustafa⟧ helfen ⦃samstag⦄ beim Umzug
afghan | ⟦Gul Ahmad Popal⟧ ⦃sucht⦄ Arbeit im ⦃Gartenbau⦄
afghan,german,role | ⦃Sozialarbeiterin⦄ ⟦Petra⟧ betreut ⟦Khalil Ahmadzai⟧ und seine Brüder
afghan,lowercase | ⟦habibullah⟧ kommt nicht mehr zum ⦃kurs⦄
persian,translit | ⟦Hossein Rahmani⟧ hat den ⦃Einbürgerungstest⦄ bestanden
afghan,compound | Die ⟦Wardak⟧-Kinder gehen ab ⦃September⦄ in die ⦃Grundschule⦄
persian | ⦃Sprachcafé⦄ mit ⟦Shiva Nouri⟧ am ⦃Freitag⦄
afghan,initials | ⟦M. Y. Stanekzai⟧ braucht eine Bescheinigung für die ⦃Krankenkasse⦄
kurdish,lowercase | ⟦zozan⟧ hat ⦃angerufen⦄, Kind krank
kurdish | ⟦Baran Xelîl⟧ spielt Saz beim ⦃Newroz⦄-Fest
kurdish,plural | Die ⟦Hajos⟧ ⦃suchen⦄ eine Wohnung in ⦃Aalen⦄
kurdish,role | ⦃Kulturmittlerin⦄ ⟦Nesrin⟧ begleitet zum ⦃Kinderarzt⦄
kurdish | ⟦Ciwan Ehmed⟧ ⦃macht⦄ ein Praktikum bei ⦃Kärcher⦄
eritrean | ⟦Abraham Tesfu⟧ ⦃singt⦄ im ⦃Kirchenchor⦄
eritrean,lowercase | ⟦kibrom⟧ braucht Hilfe beim ⦃Mietvertrag⦄
eritrean,role | ⦃Hebamme⦄ ⟦Tigist⟧ bietet einen Kurs auf ⦃Tigrinya⦄ an
eritrean | ⟦Samuel Ghebreyesus⟧ und ⟦Mussie Haile⟧ ⦃spielen⦄ im Verein Fußball
eritrean,compound | ⟦Selam⟧s Mann ⦃sucht⦄ Arbeit im ⦃Lager⦄
eritrean,initials | ⟦T. G. Mehari⟧ (⦃Eritrea⦄): ⦃Anerkennung⦄ als Krankenpfleger läuft
somali | ⟦Abdikarim Yusuf Ali⟧ ⦃sucht⦄ einen ⦃Sprachkurs⦄ am Abend
somali,german,role | ⦃Ehrenamtliche⦄ ⟦Gisela⟧ hilft ⟦Asha Mohamud⟧ bei den ⦃Formularen⦄
somali,plural | Die ⟦Farahs⟧ ⦃ziehen⦄ nach ⦃Kassel⦄
somali,translit | ⟦Maxamed Cabdi⟧ heißt im ⦃Ausweis⦄ ⟦Mohamed Abdi⟧
ukrainian,translit | ⟦Volodymyr Hrytsenko⟧ ⦃sucht⦄ Arbeit als ⦃LKW-Fahrer⦄
ukrainian,translit | ⦃Schreibweise beachten⦄: ⟦Oleksii Savchuk⟧, nicht ⟦Alexej Sawtschuk⟧
ukrainian,lowercase | ⟦yuliia⟧ ⦃fragt⦄ nach ⦃kita⦄
ukrainian,role | ⦃Erzieherin⦄ ⟦Svitlana⟧ übernimmt die ⦃Spielgruppe⦄
ukrainian,compound | ⟦Dmytro⟧s Mutter braucht einen ⦃Hausarzt⦄
ukrainian,hyphen | ⟦Anastasiia Koval-Schneider⟧ ⦃koordiniert⦄ die Spenden
russian,translit | ⟦Jewgeni Morosow⟧ ⦃hilft⦄ beim ⦃Möbeltransport⦄
russian,lowercase | ⟦ljuba⟧ bringt den ⦃Schlüssel⦄ vorbei
russian,initials | Vertretung: ⟦I. W. Popowa⟧ (⦃Sprachkurs⦄ B1)
russian | ⟦Anatoli Becker⟧ (⦃Spätaussiedler⦄) kennt sich mit Autos aus
turkish,translit | ⟦Muhammet Yıldırım⟧ ⦃trainiert⦄ die ⦃E-Jugend⦄
turkish,lowercase | ⟦hüseyin⟧ sagt, der ⦃bus⦄ ist immer voll
turkish,plural | Die ⟦Özdemirs⟧ haben ⦃Möbel⦄ gespendet
turkish,hyphen | Frau ⟦Şahin-Weber⟧ vom ⦃Elternbeirat⦄ fragt nach Räumen
turkish,initials | Herr ⟦A. Ö.⟧ hat sich ⦃beschwert⦄
turkish,compound | Die ⟦Aksoy⟧-Zwillinge kommen in die ⦃erste Klasse⦄
balkan | ⟦Dženana Hadžić⟧ ⦃leitet⦄ das ⦃Elterncafé⦄
balkan,lowercase | ⟦goran⟧ repariert die ⦃Fahrräder⦄
balkan,family | Familie ⟦Ramadani⟧ wartet auf den ⦃Bescheid⦄
balkan,role | ⦃Roma-Mediatorin⦄ ⟦Sevdija⟧ vermittelt zwischen ⦃Schule⦄ und Eltern
balkan | ⟦Mirsad Ćosić⟧ fährt den ⦃Transporter⦄
polish,lowercase | ⟦grzegorz⟧ hat den Schlüssel für die ⦃Halle⦄
polish,role | ⦃Pflegedienstleiterin⦄ ⟦Ewa Szymańska⟧ sucht Azubis
polish,initials | ⦃Protokoll⦄: ⟦J. Kaczmarek⟧, Entwurf
german,hyphen,title | Frau Dr. ⟦Müller-Lüdenscheidt⟧ ⦃leitet⦄ das ⦃Gesundheitsamt⦄
german,plural | Die ⟦Schmidts⟧ ⦃nehmen⦄ ein ⦃Pflegekind⦄ auf
german,ambiguous | Herr ⟦Ernst⟧ vom ⦃Sozialamt⦄ ruft zurück
german,ambiguous | ⟦Frank⟧ holt die Kisten mit dem ⦃Transporter⦄
german,ambiguous | ⟦Rosa⟧ (⦃8 Jahre⦄) braucht eine Brille
german,ambiguous | ⟦Mark⟧ und ⟦Jana⟧ übernehmen die ⦃Hausaufgabenhilfe⦄
german,particle | Frau ⟦von Hohenstein⟧ ⦃spendet⦄ ⦃Winterjacken⦄
german,particle | Herr ⟦van der Linden⟧ (⦃Vermieter⦄) meldet sich nächste Woche
german,lowercase | ⦃bitte⦄ frau ⟦schneider⟧ ⦃anrufen⦄
german,initials,hyphen | ⟦H.-J. Becker⟧ (⦃Kassenwart⦄)
german,compound | ⟦Maria⟧s Sohn kommt in die ⦃VKL⦄
german,ambiguous | Frau ⟦Sonntag⟧ vom ⦃Jugendamt⦄ ist ab ⦃Montag⦄ zuständig
german,ambiguous | Herr ⟦Winter⟧ kommt erst im ⦃Frühjahr⦄ wieder
german,ambiguous | ⟦Will Thompson⟧ ⦃unterrichtet⦄ Englisch im ⦃Jugendhaus⦄
german,role,ambiguous | ⦃Pfarrer⦄ ⟦Schäfer⟧ stellt den ⦃Gemeindesaal⦄ zur Verfügung
german,ambiguous | Kursleiterin Frau ⟦Braun⟧ ist ⦃krank⦄
german,role,ambiguous | ⦃Klassenlehrer⦄ ⟦Vogel⟧ will ein Gespräch mit ⦃Dolmetscher⦄
german,lowercase,ambiguous | wg. ⦃wohnung⦄ hr. ⟦kaiser⟧ anrufen
initials | ⟦A. K.⟧ hat ⦃angerufen⦄, will Rückruf
initials | Frau ⟦S.⟧ aus der ⦃GU⦄ braucht dringend ⦃Windeln⦄
"""

EMAIL = r"""
german | Mail an ⟦k.mueller@landkreis.de⟧ ⦃bis Montag⦄
arabic | ⟦muhammad.alrifai@gmail.com⟧ (⦃Bewerbung⦄)
german,hyphen | ⦃Kontakt⦄: ⟦anna-lena.schulze-wehninck@caritas-beispiel.de⟧
ukrainian,obfuscated | ⟦o.savchuk(at)ukr.net⟧ – ⦃Ukrainisch⦄
eritrean,obfuscated | ⟦tsega.woldu [at] gmx [punkt] de⟧
turkish | Bitte an ⟦elif_kocaman94@hotmail.com⟧ ⦃schicken⦄
arabic | ⟦R.Al-Zoubi@klinikum-beispiel.de⟧ (⦃Termine⦄ nur per Mail)
polish | ⦃Nachhilfe⦄: ⟦bartek.w@o2.pl⟧
german,obfuscated | Mail: ⟦h.kaiser at stadt-beispiel dot de⟧
somali,spaced | ⟦ubah.abdi@ web.de⟧ ⦃Lebenslauf⦄
ukrainian | ⟦svitlana.koval@ukr.net⟧ oder ⟦koval.s@gmail.com⟧
persian,punct | Unterlagen an ⟦maryam.tavakoli@gmx.de⟧.
"""

PHONE = r"""
mobile | Handy: ⟦0171 / 234 56 78⟧
landline | ⟦07361 52-1234⟧ (⦃Landratsamt⦄)
landline,intl | Tel.: ⟦+49 (0) 7361 / 52 12 34⟧
mobile | Mobil ⟦0160-98765432⟧, ⦃nur abends⦄
landline | Festnetz ⟦07541 203-4567⟧
mobile | ⦃WhatsApp-Gruppe⦄ über ⟦0 152 / 567 890 12⟧
mobile | Ruf mich an: ⟦01512 3456789⟧
mobile,intl | ⟦+49 151 234 567 89⟧ (⦃Signal⦄)
mobile,intl | ⟦0049 160 1234567⟧
foreign | ⟦+93 70 123 4567⟧ (⦃Afghanistan⦄)
foreign | ⟦+291 7 123456⟧ (⦃Eritrea⦄)
landline | Tel. ⟦07361/5 12 34⟧
landline | Rückruf ⟦0711 / 2 16 - 5 43 21⟧
landline | Tel ⟦(0731) 17 35-220⟧ ⦃vormittags⦄
"""

MIXED = r"""
arabic,phone | Tel. ⟦0171 2345678⟧ (⟦Hussein⟧)
afghan,phone | ⟦Aziz Noori⟧ (⟦0176 98765432⟧) begleitet zur Beratungsstelle in der ⦃Goethestraße⦄
german,email | ⦃Caritas⦄ ⦃Aalen⦄: ⟦Lena Hofmeister⟧, ⟦l.hofmeister@caritas-beispiel.de⟧
afghan,time | ⟦Sayed Jan Hotak⟧ kommt ab ⦃Jan. 2017⦄ in den ⦃Integrationskurs⦄
german,ambiguous | ⟦Ernst Kächele⟧ (⦃Helferkreis⦄) nimmt die Sorgen ⦃ernst⦄
german,ambiguous | ⦃Rosa-Luxemburg-Straße⦄: ⟦Rosa Hämmerle⟧ verteilt die ⦃rosa Formulare⦄
ukrainian,brand | ⟦Olha Tkachuk⟧ arbeitet bei ⦃Rossmann⦄ in ⦃Friedrichshafen⦄
german,acronym | ⦃IHK⦄ und ⦃BAMF⦄ waren da, Herr ⟦Lindemann⟧ schickt die Folien
arabic,programme,email | ⟦Hamza⟧ hat über ⦃Integreat⦄ den Kurs gefunden, Mail ⟦hamza.k@web.de⟧
turkish,programme,phone | ⦃KAUSA⦄-Servicestelle: ⟦Derya Kılıç⟧, ⟦0731 / 17 35-221⟧
somali,plural,place | Die ⟦Warsames⟧ aus ⦃Mogadischu⦄ ziehen nach ⦃Essen⦄
arabic,kunya,time | ⟦Lujain⟧ (Tochter von ⟦Umm Ali⟧) geht ab ⦃August⦄ in die ⦃Kita⦄
balkan,institution | Treffen ⦃Marienschule⦄, ⦃Mittwoch⦄ 16 Uhr – ⟦Jasmina Kovač⟧ bringt Kuchen
"""

TRAP = r"""
neg_place | Sprachkurs in ⦃Aalen⦄ ist ausgebucht
neg_place | Viele Familien ziehen nach ⦃Essen⦄ oder ⦃Hagen⦄
neg_place | Praktikum in ⦃Siegen⦄ – wer zahlt die Fahrtkosten?
neg_place | Ausflug nach ⦃Weil am Rhein⦄ und ⦃Lörrach⦄
neg_place | Busverbindung ⦃Schwäbisch Gmünd⦄–⦃Aalen⦄ fehlt abends
neg_place | Unterkunft in ⦃Villingen-Schwenningen⦄ wird geschlossen
neg_place | Regierungspräsidium ⦃Freiburg⦄ entscheidet über den Antrag
neg_place,neg_lowercase | sprachkurs in aalen voll, nach heidenheim ausweichen
neg_place | ⦃Nordrhein-Westfalen⦄ und ⦃Rheinland-Pfalz⦄ haben andere Regeln
neg_origin | Viele kommen aus ⦃Aleppo⦄, ⦃Homs⦄ und ⦃Idlib⦄
neg_origin | Familie aus ⦃Herat⦄ sucht eine Wohnung
neg_origin | Frauen aus ⦃Mazar-e Sharif⦄ wünschen einen Nähkurs
neg_origin | Zeugnisse aus ⦃Asmara⦄ werden nicht anerkannt
neg_origin | Telefonate nach ⦃Mogadischu⦄ sind teuer
neg_origin | Die Gruppe aus ⦃Charkiw⦄ und ⦃Odessa⦄ trifft sich montags
neg_origin,neg_lowercase | frau aus syrien fragt nach kurs
neg_institution | Beratung bei der ⦃Caritas Ost-Württemberg⦄
neg_institution | Die ⦃Marienschule⦄ braucht Lesepaten
neg_institution | Hausaufgabenhilfe in der ⦃Anne-Frank-Schule⦄
neg_institution,neg_particle | Elterncafé an der ⦃Bertha-von-Suttner-Schule⦄
neg_institution | ⦃Bruderhaus Diakonie⦄ bietet Arbeitsplätze
neg_institution | Treffen im ⦃Max-Planck-Gymnasium⦄
neg_institution | ⦃Theodor-Heuss-Realschule⦄: zwei Vorbereitungsklassen
neg_institution | ⦃Evangelische Gesellschaft⦄ und ⦃Diakonie⦄ gemeinsam
neg_institution | ⦃Haus der Familie⦄ bietet Babymassage an
neg_institution | Mehrgenerationenhaus ⦃Villa Emma⦄ sucht Ehrenamtliche
neg_institution,neg_particle | Abschluss der ⦃Al-Azhar-Universität⦄ anerkennen lassen
neg_street | Beratungsstelle in der ⦃Goethestraße 14⦄
neg_street | Neue Unterkunft ⦃Schillerplatz⦄ / ⦃Karlstraße⦄
neg_street | Bushaltestelle ⦃Friedrich-List-Straße⦄ fehlt
neg_street | Wohnungen ⦃Am Lindenhof⦄ werden saniert
neg_street | Treffpunkt ⦃Bismarckplatz⦄, 10 Uhr
neg_street,neg_lowercase | treffen goethestr. ecke schillerstr.
neg_time | Kurs ab ⦃August⦄, nicht schon im ⦃Juli⦄
neg_time | ⦃Ab Jan. 2017⦄ mehr Plätze
neg_time | Sprechstunde ⦃Freitag⦄ und ⦃Sonntag⦄ nach dem Gottesdienst
neg_time | Im ⦃Mai⦄ ist Sommerfest, im ⦃Juni⦄ ist Ramadan
neg_time | Am ⦃Nikolaustag⦄ kommt der ⦃Nikolaus⦄ in die Kita
neg_time,neg_particle | ⦃Eid al-Fitr⦄ (Zuckerfest) im Kalender eintragen
neg_time | ⦃Nouruz⦄ am ⦃21. März⦄ gemeinsam feiern
neg_time | Während des ⦃Ramadan⦄ kein Frühstück anbieten
neg_word | Die Lage ist ⦃ernst⦄, wir brauchen mehr Ehrenamtliche
neg_word | Wir nehmen die Sorgen der Anwohner ⦃ernst⦄
neg_word | Die ⦃rosa Ordner⦄ sind für die Anmeldungen
neg_word | Früher hat der Kurs fünf ⦃Mark⦄ gekostet
neg_word | Märchennachmittag: ⦃Frau Holle⦄ und ⦃Rotkäppchen⦄
neg_word | ⦃Frauen⦄ und ⦃Herren⦄ haben getrennte Schwimmzeiten
neg_word | Ausbildung zum ⦃Müller⦄ in der Kunstmühle
neg_word | Der ⦃Winter⦄ kommt: ⦃Winterjacken⦄ sammeln
neg_word | ⦃Kaiserschmarrn⦄ beim Sommerfest
neg_word | ⦃Klein⦄ anfangen, ⦃groß⦄ denken
neg_word | ⦃Braune Kartons⦄ für Kleidung, weiße für Spielzeug
neg_word | Kinderbuch ⦃Fuchs und Hase⦄ zweisprachig
neg_word | ⦃Max Mustermann⦄ als Beispiel im Formular
neg_word | Für ⦃Otto Normalverbraucher⦄ ist das Amtsdeutsch unverständlich
neg_word | Die ⦃Pfadfinder St. Georg⦄ bieten ein Zeltlager an
neg_word,neg_lowercase | ehrlich gesagt, die lage ist ernst
neg_word | Ich bin seit 2015 in Deutschland
neg_word | Der ⦃Van⦄ vom Helferkreis ist kaputt
neg_word | Schreiben von der Ausländerbehörde nicht verstanden
neg_word | Familie mit 5 Kindern sucht Wohnung
neg_word | Die ⦃Bauern⦄ aus dem Dorf spenden Kartoffeln
neg_word | Wir danken allen Helferinnen und Helfern
neg_word | Filmabend: ⦃Der Herr der Ringe⦄
neg_english | ⦃We will help you⦄ with the forms
neg_english | ⦃Welcome Café⦄ every Tuesday
neg_english | Plakat: ⦃Hope is stronger than fear⦄
neg_english | ⦃Homework Club⦄ for kids age 6–10
neg_english | ⦃Buddy⦄-Programm für Jugendliche
neg_english | ⦃Job-Speed-Dating⦄ mit Betrieben
neg_english | ⦃Amazing Grace⦄ beim Chorkonzert
neg_english | ⦃Mark your calendar⦄: ⦃Open Day⦄ im Jugendhaus
neg_acronym | ⦃IHK⦄, ⦃HWK⦄ und ⦃BAMF⦄ an einen Tisch holen
neg_acronym | ⦃MBE⦄ und ⦃JMD⦄ beraten Erwachsene bzw. Jugendliche
neg_acronym | ⦃BAföG⦄ und ⦃BAB⦄ erklären
neg_acronym | Antrag über ⦃ESF⦄ und ⦃AMIF⦄ stellen
neg_acronym | ⦃DRK⦄, ⦃ASB⦄ und ⦃AWO⦄ koordinieren die Kleiderkammern
neg_acronym | Die ⦃ZAB⦄ bewertet ausländische Abschlüsse
neg_programme | App ⦃Integreat⦄ in ⦃Tigrinya⦄ übersetzen
neg_programme | ⦃KAUSA⦄-Servicestelle berät Unternehmer mit Migrationsgeschichte
neg_programme | ⦃Mama lernt Deutsch⦄ startet wieder
neg_programme | ⦃Stadtteilmütter⦄ und ⦃Rucksack⦄-Programm ausbauen
neg_programme | ⦃Griffbereit⦄ und ⦃Opstapje⦄ für Kleinkinder
neg_programme | ⦃Start with a Friend⦄ vermittelt Tandems
neg_programme | ⦃IQ Netzwerk⦄ hilft bei der Anerkennung
neg_programme | Bundesprogramm ⦃Menschen stärken Menschen⦄
neg_brand | Gutscheine von ⦃Rossmann⦄ und ⦃dm⦄
neg_brand | Spende von ⦃Deichmann⦄: 40 Paar Schuhe
neg_brand | ⦃Müller⦄-Drogerie hat Hygieneartikel gespendet
neg_brand | Pudding von ⦃Dr. Oetker⦄ für das Kinderfest
neg_brand | Praktikum bei ⦃Porsche⦄ in ⦃Zuffenhausen⦄
neg_brand | Praktika bei ⦃Würth⦄, ⦃Kärcher⦄ und ⦃Carl Zeiss⦄
neg_brand | Einkauf bei ⦃Kaufland⦄ und ⦃Penny⦄
neg_brand | Übersetzen mit ⦃Google Translate⦄ oder ⦃DeepL⦄
neg_brand | Ein ⦃Weber⦄-Grill für das Sommerfest
neg_brand | Mit ⦃Flixbus⦄ ist es billiger als mit der ⦃Deutschen Bahn⦄
neg_salutation | ⦃Herr Pfarrer⦄ lädt zum Gemeindefest ein
neg_salutation | ⦃Frau Ministerin⦄ besucht die Erstaufnahme
neg_salutation | Brief an ⦃Herrn Bürgermeister⦄ schreiben
neg_salutation | ⦃Frau Rektorin⦄ hat zugestimmt
neg_number | Keine ⦃0815⦄-Lösung für die Wohnungsnot
neg_number | Kursnummer ⦃171-20345⦄, ⦃Raum 0.17⦄
neg_number | Kursbuch ⦃ISBN 978-3-19-101816-9⦄
neg_number | Buslinie ⦃7686⦄ fährt sonntags nicht
neg_number | Miete ⦃1 250,00 €⦄ für ⦃4 Zimmer⦄, ⦃96 m²⦄
neg_number | Öffnungszeiten ⦃08:00–12:30⦄ und ⦃13:30–16:00⦄
neg_number | ⦃2016/2017⦄: ⦃1.347⦄ Erstanträge
neg_web | Infos auf ⦃www.integreat-app.de⦄
neg_web | ⦃make-it-in-germany.com⦄ auf Arabisch
neg_web | Hashtag ⦃#AalenHilft⦄
neg_web | E-Mail-Adresse mit ⦃@-Zeichen⦄ schreiben üben
neg_greeting | ⦃Salam aleikum⦄ und ⦃Guten Tag⦄ auf die Einladung schreiben
neg_greeting | ⦃Marhaba⦄ – ⦃Willkommen⦄ – ⦃Xêr hatin⦄ auf dem Plakat
neg_greeting | ⦃Inschallah⦄ klappt es nächstes Jahr mit der Ausbildung
neg_greeting | ⦃Selam⦄ heißt Frieden auf Tigrinya
neg_greeting | Das Wort ⦃Amal⦄ heißt Hoffnung, so soll das Café heißen
neg_group | Angebote für ⦃Roma⦄ und ⦃Sinti⦄
neg_group | ⦃Jesiden⦄ und ⦃Hazara⦄ nicht in dieselbe Unterkunft
neg_group | Dolmetscher für ⦃Dari⦄, ⦃Paschtu⦄ und ⦃Sorani⦄
neg_group | Bibel auf ⦃Amharisch⦄ und ⦃Tigrinya⦄
"""


def parse_tagged(block: str, kind: str) -> list[dict]:
    rows = []
    for raw in block.strip("\n").splitlines():
        if not raw.strip():
            continue
        tags, _, body = raw.partition("|")
        body = body.strip()
        assert body, raw
        (row,) = make_cases.parse(body, kind)
        row["tags"] = [t.strip() for t in tags.split(",") if t.strip()]
        rows.append(row)
    return rows


def build() -> list[dict]:
    rows = (
        parse_tagged(NAME, "name")
        + parse_tagged(EMAIL, "email")
        + parse_tagged(PHONE, "phone")
        + parse_tagged(MIXED, "mixed")
        + parse_tagged(TRAP, "trap")
    )
    make_cases.check(rows)
    old = [
        json.loads(line)
        for line in (HERE / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    old_texts = {r["text"] for r in old}
    repeats = [r["text"] for r in rows if r["text"] in old_texts]
    assert not repeats, repeats
    for r in rows:  # negative tags only on traps, so the per-tag tally stays apart
        assert all(t.startswith("neg_") for t in r["tags"]) == (r["kind"] == "trap"), r
    positives = [r for r in rows if r["kind"] != "trap"]
    assert len(positives) == 120, len(positives)
    assert len(rows) - len(positives) == 120, len(rows) - len(positives)
    return rows


def tally(result: dict, cases: list[dict]) -> str:
    """Misses per tag, from score.py's ``--json`` result (lines in the order of cases)."""
    per = defaultdict(Counter)
    missed = defaultdict(list)
    lost = defaultdict(list)
    for ln, case in zip(result["lines"], cases, strict=True):
        assert ln["text"] == case["text"]
        for tag in case["tags"]:
            c = per[tag]
            c["lines"] += 1
            if case["kind"] == "trap":
                c["changed"] += ln["changed"]
                if ln["changed"]:
                    missed[tag].append(ln["masked"])
                continue
            for p in ln["pii"]:
                c["pii"] += 1
                c["caught"] += p["caught"]
                if not p["caught"]:
                    missed[tag].append(p["item"])
            c["keep"] += len(ln["keep"])
            c["kept"] += sum(k["kept"] for k in ln["keep"])
            lost[tag].extend(k["item"] for k in ln["keep"] if not k["kept"])
    out = ["", "per tag (positives: pii caught / items; keep kept / items):"]
    for tag in sorted(t for t in per if not t.startswith("neg_")):
        c = per[tag]
        out.append(
            f"  {tag:<12} lines {c['lines']:>3}  caught {c['caught']:>3}/{c['pii']:<3}"
            f"  kept {c['kept']:>3}/{c['keep']:<3}  missed: {', '.join(missed[tag]) or '-'}"
            + (f"  | keep lost: {', '.join(lost[tag])}" if lost[tag] else "")
        )
    out.append("")
    out.append("per tag (hard negatives: lines changed / lines):")
    for tag in sorted(t for t in per if t.startswith("neg_")):
        c = per[tag]
        out.append(f"  {tag:<15} changed {c['changed']:>2}/{c['lines']:<3}")
        out.extend(f"      -> {m}" for m in missed[tag])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tally", metavar="FILE", help="score.py --json output ('-' for stdin)")
    ap.add_argument("--limit", type=int, default=400, help="misses listed per section")
    args = ap.parse_args(argv)
    rows = build()
    if args.tally:
        import score

        raw = sys.stdin.read() if args.tally == "-" else Path(args.tally).read_text("utf-8")
        result = json.loads(raw)
        print(score.report(result, result["source"], args.limit))
        print(tally(result, rows))
        return 0
    out = HERE / "cases2.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(r["kind"] for r in rows)
    print(
        f"{len(rows)} cases -> {out.name}: "
        + ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
