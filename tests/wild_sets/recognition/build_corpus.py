# ruff: noqa: E501 — table rows and notes are data literals, kept one per line
"""Build the blind recognition corpus and its ground truth (truth.json).

Written from the problem description only (DESIGN.md, issue 12) without reading flueko's
detection code. Re-run to regenerate: ``.venv/bin/python tests/wild_sets/recognition/build_corpus.py``.
xls/ods files are produced with ``soffice --headless --convert-to``.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
RNG = random.Random(20170301)
TRUTH: dict[str, dict] = {}


# --------------------------------------------------------------------------- helpers
def truth(name, kind, notes, **extra):
    TRUTH[name] = {"kind": kind, "notes": notes, **extra}


def write_csv(name, rows, *, sep=",", encoding="utf-8", newline="\r\n", quote_all=False):
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=sep,
        lineterminator=newline,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    (HERE / name).parent.mkdir(parents=True, exist_ok=True)
    (HERE / name).write_bytes(buf.getvalue().encode(encoding))


def sosci_csv(name, rows):
    """SoSci Survey style: UTF-16LE with BOM, tab separated, CRLF, text quoted, numbers bare."""
    lines = []
    for r in rows:
        cells = []
        for v in r:
            if v is None or v == "":
                cells.append("")
            elif isinstance(v, (int, float)):
                cells.append(str(v))
            elif isinstance(v, datetime):
                cells.append(v.strftime("%Y-%m-%d %H:%M:%S"))
            else:
                cells.append('"' + str(v).replace('"', '""') + '"')
        lines.append("\t".join(cells))
    (HERE / name).parent.mkdir(parents=True, exist_ok=True)
    (HERE / name).write_bytes("\r\n".join(lines).encode("utf-16") + "\r\n".encode("utf-16-le"))


def new_wb():
    wb = Workbook()
    return wb, wb.active


def put_rows(ws, rows, start_row=1, bold_first=False):
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None and v != "":
                c = ws.cell(row=start_row + i, column=j + 1, value=v)
                if bold_first and i == 0:
                    c.font = Font(bold=True)


def save_via_soffice(wb, name, fmt):
    """Save an openpyxl workbook as xlsx in a temp dir and convert it to ``fmt`` (xls/ods)."""
    with tempfile.TemporaryDirectory() as td:
        stem = Path(name).stem
        src = Path(td) / f"{stem}.xlsx"
        wb.save(src)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{td}/lo_profile",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                td,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copy(Path(td) / f"{stem}.{fmt}", HERE / name)


def de_num(x, dec=2):
    s = f"{x:,.{dec}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


# --------------------------------------------------------------------------- vocab
LEITFRAGEN = [
    "Wo sind die Probleme in der Praxis?",
    "Warum gelingt Integration (nicht)?",
    "Was können wir tun, was ist im Einflussbereich der anwesenden Akteure?",
    "Welche konkreten Aktivitäten können wir starten?",
    "Was können wir den Kommunen vorschlagen?",
]
CARDS = {
    "AK Wohnen": [
        "Zu wenig bezahlbarer Wohnraum im Kreis",
        "Vermieter haben Vorbehalte gegenüber Geflüchteten",
        "Anschlussunterbringung überfordert kleine Gemeinden",
        "Wohnungsbörse für Geflüchtete einrichten",
        "Ehrenamtliche Wohnpaten vermitteln",
        "Mietschuldenberatung ausbauen",
        "Leerstände erfassen und gezielt aktivieren",
        "Fehlbeleger in Gemeinschaftsunterkünften",
        "Mieterführerschein in einfacher Sprache",
        "Kommunen sollten eigene Wohnungen anmieten",
    ],
    "AK Bildung/Ausbildung": [
        "Lange Wartezeiten auf VABO-Plätze",
        "Keine Schulpflicht über 18 Jahre",
        "Mehr Sprachförderung an den Berufsschulen",
        "Ausbildungspaten für Azubis gewinnen",
        "Anerkennung ausländischer Abschlüsse beschleunigen",
        "Hausaufgabenhilfe in den Unterkünften",
        "Lehrkräfte für Deutsch als Zweitsprache fortbilden",
        "Elternarbeit mit Dolmetschern",
    ],
    "AK Arbeit": [
        "Arbeitserlaubnis dauert zu lange",
        "Betriebe kennen die Förderinstrumente nicht",
        "Praktikumsbörse gemeinsam mit IHK und HWK",
        "Jobcenter und Arbeitsagentur besser vernetzen",
        "Berufsbezogene Deutschkurse am Nachmittag",
        "3+2-Regelung bei Betrieben bekannter machen",
        "Mobilität: Fahrt zum Arbeitsplatz im ländlichen Raum",
        "Kompetenzfeststellung frühzeitig",
    ],
    "AK Freizeit": [
        "Vereine öffnen: Schnuppertraining anbieten",
        "Fahrtkosten zu Freizeitangeboten übernehmen",
        "Begegnungscafé in jeder Gemeinde",
        "Frauen erreichen: Angebote mit Kinderbetreuung",
        "Ehrenamtliche brauchen Supervision und Anerkennung",
        "Gemeinsame Feste mit Nachbarn",
        "Übungsleiter-Lizenz für Geflüchtete fördern",
    ],
    "AK Sprache": [
        "Zu wenige Plätze in Integrationskursen",
        "Sprachkurse mit Kinderbetreuung",
        "Dolmetscherpool für Behördengänge",
        "Sprachcafés ausbauen",
        "Alphabetisierungskurse fehlen",
        "Lernmaterial in einfacher Sprache",
    ],
}
GROUPS_SURVEY = ["Verwaltung", "Ehrenamt", "Geflüchtete", "Wirtschaft", "Sonstige"]
ASPECTS_ABLAUF = [
    "Format",
    "Struktur",
    "Moderation",
    "Transparenz",
    "Fairer und respektvoller Umgang",
    "Informationsmaterial",
]
ASPECTS_ERG = ["Diskussionsqualität", "Erkenntnisse", "Ergebnisse", "Anderer Mehrwert"]
SAT_DE = ["Sehr zufrieden", "Zufrieden", "Teils/teils", "Unzufrieden", "Sehr unzufrieden"]
SAT_EN = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]
MEASURES = [
    ("wohnen", "Wohnungsbörse für Geflüchtete im Landratsamt"),
    ("wohnen", "Wohnpaten-Programm mit Ehrenamtlichen"),
    ("bildung", "Ausbildungspaten für Azubis mit Fluchthintergrund"),
    ("bildung", "Zusätzliche VABO-Klassen an zwei Berufsschulen"),
    ("arbeit", "Praktikumsbörse mit IHK und Handwerkskammer"),
    ("arbeit", "Arbeitgeberfrühstück zur 3+2-Regelung"),
    ("sprache", "Sprachkurse mit Kinderbetreuung"),
    ("sprache", "Dolmetscherpool für Behördengänge"),
    ("freizeit", "Fahrtkostenzuschuss für Vereinsangebote"),
    ("freizeit", "Begegnungscafés in den Gemeinden"),
]
FIRST = [
    "Anna",
    "Thomas",
    "Sabine",
    "Michael",
    "Petra",
    "Jürgen",
    "Claudia",
    "Stefan",
    "Monika",
    "Andreas",
    "Birgit",
    "Frank",
    "Heike",
    "Markus",
    "Ulrike",
    "Ahmad",
    "Fatima",
    "Yusuf",
    "Mariam",
    "Dieter",
    "Gabriele",
    "Wolfgang",
    "Susanne",
    "Karin",
    "Rainer",
    "Elif",
]
LAST = [
    "Schäfer",
    "Hofmann",
    "Krüger",
    "Wagner",
    "Becker",
    "Schulze",
    "Zimmermann",
    "Braun",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Haddad",
    "Al-Hassan",
    "Yilmaz",
    "Kaya",
    "Vogel",
    "Friedrich",
    "Keller",
    "Günther",
    "Frank",
    "Berger",
    "Winkler",
]
ORGS = [
    "Landratsamt Rems-Murr-Kreis",
    "Stadt Waiblingen",
    "Gemeinde Kernen",
    "Agentur für Arbeit Waiblingen",
    "Jobcenter Rems-Murr",
    "IHK Region Stuttgart",
    "Handwerkskammer Region Stuttgart",
    "Freundeskreis Asyl Fellbach",
    "Ev. Kirchengemeinde Schorndorf",
    "Caritas Ludwigsburg-Waiblingen-Enz",
    "VHS Unteres Remstal",
    "Staatliches Schulamt Backnang",
    "Kreisjugendring Rems-Murr",
    "Arbeiterwohlfahrt Rems-Murr",
]
AKS = ["Wohnen", "Bildung/Ausbildung", "Arbeit", "Freizeit", "Sprache"]


def person(i):
    f = FIRST[(i * 7) % len(FIRST)]
    last = LAST[(i * 11 + 3) % len(LAST)]
    return f, last


def email(f, last, org):
    dom = {
        "Landratsamt Rems-Murr-Kreis": "rems-murr-kreis.de",
        "Stadt Waiblingen": "waiblingen.de",
        "Agentur für Arbeit Waiblingen": "arbeitsagentur.de",
    }.get(org, "example-org.de")
    t = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "-": ""})
    return f"{f[0].lower()}.{last.lower().translate(t)}@{dom}"


def phone(i):
    return (
        RNG.choice(["07151 501-", "0711 / 2005-", "+49 7191 895 ", "07181-9380"])
        + f"{1000 + i * 37}"
    )


def lik(p_good, k=5):
    """1 = best .. k = worst, skewed to good answers with prob p_good for top-2."""
    if RNG.random() < p_good:
        return RNG.choice([1, 2])
    return RNG.randint(3, k)


# =========================================================================== REFUSE
def build_refuse():
    # 1 municipal budget CSV (cp1252, ;, German numbers)
    rows = [
        ["Produkt", "Bezeichnung", "Ansatz 2017", "Ansatz 2016", "Ergebnis 2015", "Veränderung"]
    ]
    prods = [
        ("31.10.01", "Grundsicherung im Alter und bei Erwerbsminderung"),
        ("31.30.01", "Hilfen für Asylbewerber"),
        ("31.30.02", "Unterbringung von Flüchtlingen (vorläufig)"),
        ("31.30.03", "Anschlussunterbringung – Erstattungen an Gemeinden"),
        ("31.40.01", "Soziale Einrichtungen für Ältere"),
        ("31.50.01", "Integration und Migration"),
        ("36.10.01", "Förderung von Kindern in Tageseinrichtungen"),
        ("36.30.01", "Hilfe zur Erziehung"),
        ("36.30.05", "Unbegleitete minderjährige Ausländer"),
        ("36.60.01", "Jugendarbeit"),
        ("21.10.01", "Berufliche Schulen"),
        ("54.10.01", "Kreisstraßen"),
        ("55.10.01", "Öffentliches Grün"),
        ("57.10.01", "Wirtschaftsförderung"),
        ("11.10.01", "Verwaltungssteuerung und -service"),
    ]
    for p, b in prods:
        a17 = RNG.uniform(-9e6, 5e5)
        a16 = a17 * RNG.uniform(0.8, 1.2)
        e15 = a16 * RNG.uniform(0.7, 1.1)
        rows.append([p, b, de_num(a17), de_num(a16), de_num(e15), de_num(a17 - a16)])
    rows.append(
        ["", "Summe Teilhaushalt 3", de_num(-4.2e7), de_num(-3.9e7), de_num(-3.1e7), de_num(-3e6)]
    )
    write_csv("Haushalt_2017_Teilhaushalt3_Soziales.csv", rows, sep=";", encoding="cp1252")
    truth(
        "Haushalt_2017_Teilhaushalt3_Soziales.csv",
        "refuse",
        "municipal budget csv (cp1252, ;), Produkt/Bezeichnung/Ansatz/Ergebnis; refugee-related product names",
    )

    # 2 budget xlsx with title rows and Produktgruppen
    wb, ws = new_wb()
    ws.title = "Teilhaushalt 5"
    put_rows(
        ws,
        [
            ["Haushaltsplan 2017 – Produktübersicht"],
            ["Teilhaushalt 5: Jugend, Schule, Soziales"],
            [],
            [
                "Produktbereich",
                "Produktgruppe",
                "Bezeichnung",
                "Kostenart",
                "Ergebnis 2016",
                "Ansatz 2017",
                "Plan 2018",
                "Erläuterung",
            ],
        ],
    )
    r = 5
    for pb, pg, bez in [
        ("31", "31.30", "Leistungen nach dem AsylbLG"),
        ("31", "31.50", "Integrationsmanagement"),
        ("36", "36.30", "Hilfen für junge Menschen"),
        ("21", "21.10", "Berufliche Schulen"),
        ("31", "31.10", "Grundsicherung"),
    ]:
        for ka in [
            "Personalaufwendungen",
            "Sach- und Dienstleistungen",
            "Transferaufwendungen",
            "Erträge",
        ]:
            vals = [round(RNG.uniform(1e4, 3e6), 2) for _ in range(3)]
            put_rows(
                ws,
                [
                    [
                        pb,
                        pg,
                        bez,
                        ka,
                        *vals,
                        RNG.choice(
                            ["", "Mehrbedarf wegen gestiegener Fallzahlen", "Tarifsteigerung", ""]
                        ),
                    ]
                ],
                r,
            )
            r += 1
    save_path = "Haushaltsplan_2017_Produktuebersicht.xlsx"
    wb.save(HERE / save_path)
    truth(
        save_path,
        "refuse",
        "budget workbook, 2 title rows, Produktbereich/Kostenart/Ansatz; Erläuterung text column",
    )

    # 3 open data statistics, comma, utf-8-sig
    rows = [
        [
            "Stadtteil",
            "Einwohner",
            "davon weiblich",
            "Ausländeranteil",
            "Anteil unter 18",
            "Fläche km²",
            "Einwohner je km²",
        ]
    ]
    for st in [
        "Innenstadt",
        "Neustadt",
        "Beinstein",
        "Bittenfeld",
        "Hegnach",
        "Hohenacker",
        "Neustadt-Süd",
        "Korber Höhe",
        "Rinnenäcker",
        "Hohenacker-Ost",
        "Waiblingen-Süd",
    ]:
        ew = RNG.randint(2500, 14000)
        fl = round(RNG.uniform(1.5, 9), 2)
        rows.append(
            [
                st,
                ew,
                int(ew * 0.51),
                f"{RNG.uniform(6, 28):.1f}",
                f"{RNG.uniform(12, 22):.1f}",
                fl,
                int(ew / fl),
            ]
        )
    write_csv("opendata_stadtteile_2016.csv", rows, encoding="utf-8-sig", newline="\n")
    truth(
        "opendata_stadtteile_2016.csv",
        "refuse",
        "open-data statistics (Stadtteil, Einwohner, Ausländeranteil)",
    )

    # 4 open data long format xlsx
    wb, ws = new_wb()
    ws.title = "Daten"
    rows = [["Jahr", "Stadtbezirk", "Staatsangehörigkeit", "Geschlecht", "Anzahl"]]
    for y in [2014, 2015, 2016]:
        for sb in ["Mitte", "Nord", "Süd", "Ost"]:
            for sa in ["Syrien", "Afghanistan", "Irak", "Eritrea", "Türkei", "Italien"]:
                for g in ["männlich", "weiblich"]:
                    rows.append([y, sb, sa, g, RNG.randint(3, 400)])
    put_rows(ws, rows, bold_first=True)
    ws2 = wb.create_sheet("Metadaten")
    put_rows(
        ws2,
        [
            ["Quelle", "Melderegister, Stichtag 31.12."],
            ["Lizenz", "Datenlizenz Deutschland – Namensnennung 2.0"],
            ["Stand", "2017-02-01"],
        ],
    )
    wb.save(HERE / "Auslaender_nach_Staatsangehoerigkeit_2014-2016.xlsx")
    truth(
        "Auslaender_nach_Staatsangehoerigkeit_2014-2016.xlsx",
        "refuse",
        "open-data long table + Metadaten sheet (Quelle/Lizenz)",
    )

    # 5 inventory / holdings report
    wb, ws = new_wb()
    ws.title = "Bestand"
    put_rows(
        ws,
        [
            ["Bestandsverzeichnis Liegenschaften und Gemeinschaftsunterkünfte – Stand 31.12.2016"],
            [],
            [
                "Inventar-Nr.",
                "Bezeichnung",
                "Standort",
                "Nutzung",
                "Anschaffungsdatum",
                "Anschaffungswert €",
                "Restbuchwert €",
                "Bemerkung",
            ],
        ],
    )
    objs = [
        "Gemeinschaftsunterkunft Container 12 Plätze",
        "Wohnhaus Schorndorfer Str. 14",
        "Leichtbauhalle",
        "Küchenzeile Edelstahl",
        "Waschmaschine gewerblich",
        "Bürocontainer Hausmeister",
        "Spielplatzgeräte",
        "Mobilheim 4 Plätze",
        "Stockbetten (Satz 20 Stück)",
        "Brandmeldeanlage",
    ]
    r = 4
    for i in range(40):
        o = RNG.choice(objs)
        aw = round(RNG.uniform(800, 450000), 2)
        put_rows(
            ws,
            [
                [
                    f"INV-{2015 + i % 2}-{1000 + i}",
                    o,
                    RNG.choice(["Waiblingen", "Backnang", "Schorndorf", "Fellbach", "Welzheim"]),
                    RNG.choice(["GU", "AU", "Verwaltung", "Lager"]),
                    datetime(2015, 1, 1) + timedelta(days=RNG.randint(0, 700)),
                    aw,
                    round(aw * RNG.uniform(0.3, 0.9), 2),
                    RNG.choice(["", "", "Mängel gemeldet", "Rückbau geplant 2018", "in Nutzung"]),
                ]
            ],
            r,
        )
        r += 1
    wb.save(HERE / "Bestandsverzeichnis_Liegenschaften_2016.xlsx")
    truth(
        "Bestandsverzeichnis_Liegenschaften_2016.xlsx",
        "refuse",
        "inventory/holdings report, title row, text columns",
    )

    # 6 room booking
    wb, ws = new_wb()
    ws.title = "KW 43"
    rows = [
        [
            "Datum",
            "von",
            "bis",
            "Raum",
            "Veranstaltung",
            "Organisationseinheit",
            "Teilnehmerzahl",
            "Bestuhlung",
            "Technik",
        ]
    ]
    evs = [
        "Kommunaler Flüchtlingsdialog – AK Wohnen",
        "Kommunaler Flüchtlingsdialog – AK Arbeit",
        "Jour fixe Integrationsmanagement",
        "Ausschuss für Umwelt und Verkehr",
        "Personalratssitzung",
        "Schulung SAP",
        "Vorbesprechung Kreistag",
    ]
    for d in range(5):
        for _ in range(4):
            h = RNG.randint(8, 16)
            rows.append(
                [
                    datetime(2016, 10, 24 + d).date(),
                    f"{h}:00",
                    f"{h + 2}:00",
                    RNG.choice(["Sitzungssaal", "Raum 101", "Raum 214", "Kantine"]),
                    RNG.choice(evs),
                    RNG.choice(["Stabsstelle WiFö", "Amt 31", "Amt 36", "Hauptamt"]),
                    RNG.randint(5, 60),
                    RNG.choice(["Parlament", "U-Form", "Stuhlkreis", "Tische in Gruppen"]),
                    RNG.choice(["Beamer", "Beamer, Flipchart", "Moderationskoffer, Pinnwände", ""]),
                ]
            )
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Raumbelegung_Landratsamt_KW43.xlsx")
    truth(
        "Raumbelegung_Landratsamt_KW43.xlsx",
        "refuse",
        "room booking list; event names mention 'Flüchtlingsdialog – AK Wohnen', 'Moderationskoffer, Pinnwände'",
    )

    # 7 school timetable (ods)
    wb, ws = new_wb()
    ws.title = "Klasse VABO 1"
    subj = [
        "Deutsch",
        "Mathematik",
        "Berufsorientierung",
        "Gemeinschaftskunde",
        "Sport",
        "Deutsch (Förder)",
        "Praktische Fachkunde",
        "Religion/Ethik",
    ]
    rows = [
        ["Stundenplan VABO 1 – Schuljahr 2016/17"],
        ["Stunde", "Zeit", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    ]
    times = [
        "07:45–08:30",
        "08:30–09:15",
        "09:35–10:20",
        "10:20–11:05",
        "11:20–12:05",
        "12:05–12:50",
        "13:30–14:15",
        "14:15–15:00",
    ]
    for i, t in enumerate(times, 1):
        rows.append(
            [i, t] + [RNG.choice(subj) if not (i > 6 and d in (2, 4)) else "" for d in range(5)]
        )
    rows.append(["", "Mittagspause 12:50–13:30"])
    put_rows(ws, rows)
    save_via_soffice(wb, "Stundenplan_VABO_Klasse1.ods", "ods")
    truth("Stundenplan_VABO_Klasse1.ods", "refuse", "school timetable (ods via soffice)")

    # 8 price list
    rows = [
        ["Art.-Nr.", "Artikel", "Beschreibung", "Einheit", "Preis netto", "MwSt.", "Preis brutto"]
    ]
    items = [
        ("Kaffee & Tee Pauschale", "Kaffee, Tee, Milch, Zucker", "pro Person"),
        ("Kaltgetränke", "Wasser, Apfelschorle, Säfte", "pro Person"),
        ("Imbiss klein", "belegte Brötchen, Obst", "pro Person"),
        ("Imbiss vegetarisch", "Falafel, Hummus, Fladenbrot", "pro Person"),
        ("Mittagessen", "Tagesgericht mit Salat und Dessert", "pro Person"),
        ("Kuchenplatte", "12 Stück, gemischt", "Platte"),
        ("Servicekraft", "je angefangene Stunde", "Stunde"),
        ("Geschirrmiete", "Porzellan, Besteck, Gläser", "pro Person"),
        ("Anlieferung", "im Stadtgebiet", "pauschal"),
    ]
    for i, (a, b, e) in enumerate(items):
        n = round(RNG.uniform(1.5, 35), 2)
        rows.append([f"C-{100 + i}", a, b, e, de_num(n), "19 %", de_num(n * 1.19)])
    write_csv("Preisliste_Catering_2017.csv", rows, sep=";", encoding="cp1252")
    truth(
        "Preisliste_Catering_2017.csv", "refuse", "caterer price list (cp1252, ;) with descriptions"
    )

    # 9 sports club member statistics (xls)
    wb, ws = new_wb()
    ws.title = "Bestandserhebung 2016"
    rows = [
        ["TSV Schmiden 1902 e.V. – Mitgliederstatistik zum 01.01.2017"],
        [],
        [
            "Abteilung",
            "bis 6 m",
            "bis 6 w",
            "7–14 m",
            "7–14 w",
            "15–18 m",
            "15–18 w",
            "19–40 m",
            "19–40 w",
            "41–60 m",
            "41–60 w",
            "über 60 m",
            "über 60 w",
            "Gesamt",
        ],
    ]
    for ab in [
        "Fußball",
        "Handball",
        "Turnen",
        "Leichtathletik",
        "Tischtennis",
        "Schwimmen",
        "Tanzsport",
        "Fitness & Gesundheit",
        "Ringen",
    ]:
        v = [RNG.randint(0, 60) for _ in range(12)]
        rows.append([ab, *v, sum(v)])
    rows.append(["Summe"] + [None] * 13)
    put_rows(ws, rows)
    save_via_soffice(wb, "Mitgliederstatistik_TSV_2016.xls", "xls")
    truth(
        "Mitgliederstatistik_TSV_2016.xls",
        "refuse",
        "sports club member statistics (xls via soffice)",
    )

    # 10 bus timetable
    stops = [
        "Waiblingen Bahnhof",
        "Waiblingen Rathaus",
        "Korber Höhe",
        "Hegnach Ort",
        "Neustadt Bahnhof",
        "Hohenacker Kirche",
        "Bittenfeld Schule",
        "Bittenfeld Erdmannhäuser Str.",
    ]
    rows = [
        [
            "Haltestelle",
            "Fahrt 1",
            "Fahrt 2",
            "Fahrt 3",
            "Fahrt 4",
            "Fahrt 5",
            "Fahrt 6",
            "Fahrt 7",
            "Hinweis",
        ]
    ]
    for k, s in enumerate(stops):
        rows.append(
            [s]
            + [
                (datetime(2017, 1, 2, 5, 40) + timedelta(minutes=60 * j + 3 * k)).strftime("%H:%M")
                for j in range(7)
            ]
            + ["" if k else "Mo–Fr außer Feiertag"]
        )
    write_csv("Fahrplan_Linie_241_ab_Dez2016.csv", rows, sep=";", encoding="utf-8", newline="\n")
    truth("Fahrplan_Linie_241_ab_Dez2016.csv", "refuse", "bus timetable (utf-8, ;)")

    # 11 data dictionary
    wb, ws = new_wb()
    ws.title = "Datenkatalog"
    rows = [
        ["Feldname", "Datentyp", "Länge", "Pflichtfeld", "Beschreibung", "Beispielwert", "Quelle"]
    ]
    for fn, dt, ln, pf, bes, bsp in [
        ("AZR_NR", "VARCHAR", 12, "ja", "Nummer im Ausländerzentralregister", "123456789012"),
        ("STAATSANG", "VARCHAR", 3, "ja", "Staatsangehörigkeit nach ISO 3166-1 alpha-3", "SYR"),
        ("GEB_JAHR", "INTEGER", 4, "nein", "Geburtsjahr", "1989"),
        (
            "AUFENTHALTSSTATUS",
            "VARCHAR",
            40,
            "ja",
            "Aufenthaltsstatus (Gestattung, Duldung, Erlaubnis)",
            "Gestattung",
        ),
        (
            "UNTERBRINGUNG",
            "VARCHAR",
            10,
            "ja",
            "Art der Unterbringung: VU = vorläufig, AU = Anschluss",
            "VU",
        ),
        ("GEMEINDE_SCHL", "CHAR", 8, "ja", "Amtlicher Gemeindeschlüssel", "08119079"),
        ("ZUZUG_DAT", "DATE", None, "ja", "Datum des Zuzugs in den Kreis", "2016-03-14"),
        ("SPRACHKURS", "BOOLEAN", None, "nein", "Teilnahme an einem Integrationskurs", "true"),
        (
            "ERWERBSTAETIG",
            "BOOLEAN",
            None,
            "nein",
            "sozialversicherungspflichtig beschäftigt",
            "false",
        ),
        ("BEMERKUNG", "TEXT", 2000, "nein", "Freitext der Sachbearbeitung", ""),
    ]:
        rows.append([fn, dt, ln, pf, bes, bsp, "Fachverfahren Ausländerwesen"])
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Datenkatalog_Fluechtlingsstatistik.xlsx")
    truth(
        "Datenkatalog_Fluechtlingsstatistik.xlsx",
        "refuse",
        "data dictionary (Feldname/Datentyp/Beschreibung)",
    )

    # 12 climate monitoring indicators (not plan-like)
    wb, ws = new_wb()
    ws.title = "Indikatoren"
    rows = [
        ["Klimaschutz-Monitoring 2016"],
        ["Indikator", "Einheit", "2013", "2014", "2015", "2016", "Zielwert 2020", "Trend"],
    ]
    for ind, unit in [
        ("CO2-Emissionen gesamt", "t/a"),
        ("Stromverbrauch kreiseigene Gebäude", "MWh"),
        ("Anteil erneuerbarer Strom", "%"),
        ("PV-Leistung installiert", "kWp"),
        ("Fahrgastzahlen ÖPNV", "Mio."),
        ("E-Fahrzeuge im Fuhrpark", "Anzahl"),
    ]:
        v = [round(RNG.uniform(10, 5000), 1) for _ in range(5)]
        rows.append(
            [ind, unit, *v[:4], v[4], RNG.choice(["steigend", "fallend", "gleichbleibend"])]
        )
    put_rows(ws, rows)
    wb.save(HERE / "Klimaschutz_Indikatoren_Monitoring_2016.xlsx")
    truth(
        "Klimaschutz_Indikatoren_Monitoring_2016.xlsx",
        "refuse",
        "climate monitoring indicators (no plan columns)",
    )

    # 13 day-care places (ods)
    wb, ws = new_wb()
    ws.title = "Kita 2017"
    rows = [
        [
            "Einrichtung",
            "Träger",
            "Gemeinde",
            "Plätze U3",
            "Plätze Ü3",
            "belegt",
            "frei",
            "Öffnungszeiten",
            "Besonderheiten",
        ]
    ]
    for i in range(16):
        u3, u3b = RNG.randint(0, 30), RNG.randint(20, 90)
        rows.append(
            [
                f"Kita {RNG.choice(['Sonnenschein', 'Regenbogen', 'Arche', 'Pusteblume', 'Kunterbunt'])} {i + 1}",
                RNG.choice(
                    ["Stadt", "ev. Kirchengemeinde", "kath. Kirchengemeinde", "Waldorf e.V."]
                ),
                RNG.choice(["Waiblingen", "Fellbach", "Kernen", "Remshalden"]),
                u3,
                u3b,
                u3 + u3b - RNG.randint(0, 6),
                RNG.randint(0, 6),
                RNG.choice(["7–14 Uhr", "7–17 Uhr", "7:30–13:30 Uhr"]),
                RNG.choice(["", "Sprachförderung SPATZ", "Ganztagsgruppe", "Inklusion", ""]),
            ]
        )
    put_rows(ws, rows, bold_first=True)
    save_via_soffice(wb, "Kita_Platzangebot_2017.ods", "ods")
    truth("Kita_Platzangebot_2017.ods", "refuse", "day-care places table (ods)")

    # 14 press review (text heavy)
    wb, ws = new_wb()
    ws.title = "Pressespiegel"
    heads = [
        "Landkreis startet Flüchtlingsdialog",
        "Integration braucht Wohnungen",
        "Ehrenamtliche am Limit",
        "Sprachkurse: Wartelisten werden länger",
        "Handwerk sucht Azubis – auch unter Geflüchteten",
        "Begegnungscafé feiert ersten Geburtstag",
        "Kreistag berät Integrationsplan",
        "Neue Anschlussunterbringung in Welzheim eröffnet",
        "Jobcenter zieht Bilanz",
    ]
    rows = [["Datum", "Medium", "Überschrift", "Ressort", "Seite", "Tenor", "Kurzfassung"]]
    for _i in range(24):
        h = RNG.choice(heads)
        rows.append(
            [
                (datetime(2016, 9, 1) + timedelta(days=RNG.randint(0, 120))).date(),
                RNG.choice(
                    [
                        "Waiblinger Kreiszeitung",
                        "Stuttgarter Zeitung",
                        "Backnanger Kreiszeitung",
                        "Schorndorfer Nachrichten",
                    ]
                ),
                h,
                RNG.choice(["Lokales", "Region", "Wirtschaft"]),
                RNG.randint(1, 24),
                RNG.choice(["positiv", "neutral", "kritisch"]),
                f"Bericht: {h.lower()}; Stimmen aus Verwaltung und Ehrenamt.",
            ]
        )
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Pressespiegel_Integration_2016.xlsx")
    truth(
        "Pressespiegel_Integration_2016.xlsx",
        "refuse",
        "press review, text-heavy headlines on refugee topics (classic card false-positive risk)",
    )

    # 15 funding programmes overview (text heavy, csv)
    rows = [
        [
            "Programm",
            "Fördergeber",
            "Zielgruppe",
            "Gefördert wird",
            "Förderquote",
            "Antragsfrist",
            "Link",
        ]
    ]
    for p, g, z, w in [
        (
            "Integrationsmanagement",
            "Land Baden-Württemberg",
            "Kommunen",
            "Personalstellen für Integrationsmanager",
        ),
        (
            "Kommunaler Flüchtlingsdialog",
            "Staatsministerium BW",
            "Städte und Landkreise",
            "Beratung, Moderation, Dialogveranstaltungen",
        ),
        (
            "Willkommen im Sport",
            "DOSB / Landessportbund",
            "Sportvereine",
            "Sportangebote für Geflüchtete",
        ),
        ("KAUSA Servicestelle", "BMBF", "Betriebe, Jugendliche", "Ausbildungsberatung"),
        ("Menschen stärken Menschen", "BMFSFJ", "Ehrenamtliche", "Patenschaften"),
        (
            "Gemeinsam in Vielfalt",
            "Ministerium für Soziales",
            "Vereine, Initiativen",
            "Integrationsprojekte vor Ort",
        ),
        (
            "Sprachkurse Ehrenamt",
            "Land BW",
            "Ehrenamtliche Initiativen",
            "Sachkosten für Sprachkurse",
        ),
    ]:
        rows.append(
            [
                p,
                g,
                z,
                w,
                RNG.choice(["bis 80 %", "bis 100 %", "Festbetrag 5.000 €", "90 %"]),
                RNG.choice(["31.03.2017", "laufend", "30.06.2017", "15.09.2017"]),
                "https://www.example.org/foerderung",
            ]
        )
    write_csv("Foerderprogramme_Uebersicht_2017.csv", rows, sep=";", encoding="utf-8-sig")
    truth(
        "Foerderprogramme_Uebersicht_2017.csv",
        "refuse",
        "funding programme overview, refugee vocabulary (Integrationsmanagement, Flüchtlingsdialog), text heavy",
    )

    # 16 benefit statistics (csv, latin-1 style)
    rows = [
        [
            "Monat",
            "Leistungsberechtigte AsylbLG",
            "davon in GU",
            "davon in AU",
            "Ausgaben Grundleistungen (EUR)",
            "Ausgaben Krankenhilfe (EUR)",
        ]
    ]
    for m in range(1, 13):
        n = RNG.randint(2500, 5200)
        rows.append(
            [
                f"{m:02d}/2016",
                n,
                int(n * 0.6),
                n - int(n * 0.6),
                de_num(n * 354.0),
                de_num(n * 81.3),
            ]
        )
    write_csv("Leistungsstatistik_AsylbLG_2016.csv", rows, sep=";", encoding="cp1252")
    truth("Leistungsstatistik_AsylbLG_2016.csv", "refuse", "monthly benefit statistics (cp1252, ;)")

    # ambiguous: climate plan status table with plan-like columns
    wb, ws = new_wb()
    ws.title = "Maßnahmen"
    rows = [
        ["Klimaschutzkonzept – Umsetzungsstand der Maßnahmen (Stand 12/2016)"],
        ["Nr.", "Handlungsfeld", "Maßnahme", "Verantwortlich", "Zeitraum", "Kosten", "Status"],
    ]
    for i, (hf, m) in enumerate(
        [
            ("Energie", "Energiemanagement für kreiseigene Gebäude"),
            ("Energie", "PV-Anlagen auf Schuldächern"),
            ("Mobilität", "Jobticket für Kreisbedienstete"),
            ("Mobilität", "Radschnellweg Remstal planen"),
            ("Beschaffung", "Ökostrom für alle Liegenschaften"),
            ("Öffentlichkeit", "Klimaschutzwoche an Schulen"),
            ("Energie", "LED-Umrüstung der Straßenbeleuchtung"),
            ("Mobilität", "E-Fahrzeuge im Fuhrpark"),
        ],
        1,
    ):
        rows.append(
            [
                i,
                hf,
                m,
                RNG.choice(
                    [
                        "Klimaschutzmanagerin",
                        "Amt für Gebäudemanagement",
                        "Straßenbauamt",
                        "Nahverkehrsamt",
                    ]
                ),
                RNG.choice(["2016–2018", "ab 2017", "laufend"]),
                RNG.choice(["25.000 €", "ca. 120.000 €", "keine", "offen"]),
                RNG.choice(["umgesetzt", "in Umsetzung", "geplant", "zurückgestellt"]),
            ]
        )
    put_rows(ws, rows)
    wb.save(HERE / "Klimaschutzkonzept_Massnahmen_Umsetzungsstand.xlsx")
    truth(
        "Klimaschutzkonzept_Massnahmen_Umsetzungsstand.xlsx",
        "plan",
        "AMBIGUOUS: climate-plan status table with Maßnahme/Verantwortlich/Zeitraum/Kosten/Status columns; "
        "structurally a Maßnahmenplan, not dialogue data; excluded from main precision/recall",
        ambiguous=True,
    )


# =========================================================================== CONTACTS
def build_contacts():
    # 1 Teilnehmerliste with title
    wb, ws = new_wb()
    ws.title = "Teilnehmer"
    rows = [
        ["Teilnehmerliste Kommunaler Flüchtlingsdialog – Auftaktveranstaltung 20.10.2016"],
        [],
        ["Nr.", "Name", "Vorname", "Institution", "E-Mail", "Telefon", "AK"],
    ]
    pii = []
    for i in range(41):
        f, last = person(i)
        org = ORGS[i % len(ORGS)]
        e = email(f, last, org)
        rows.append([i + 1, last, f, org, e, phone(i), AKS[i % 4]])
        pii += [last, e]
    put_rows(ws, rows)
    wb.save(HERE / "Teilnehmerliste_Auftakt_20161020.xlsx")
    truth(
        "Teilnehmerliste_Auftakt_20161020.xlsx",
        "contacts",
        "title 'Teilnehmerliste', Name/Vorname/Institution/E-Mail/Telefon/AK",
        pii=sorted(set(pii)),
    )

    # 2 English participants csv
    rows = [
        [
            "First name",
            "Last name",
            "Email",
            "Organisation",
            "Working group",
            "Dietary requirements",
        ]
    ]
    pii = []
    for i in range(20, 38):
        f, last = person(i)
        org = ORGS[i % len(ORGS)]
        e = email(f, last, org)
        rows.append(
            [f, last, e, org, AKS[i % 5], RNG.choice(["", "vegetarian", "halal", "vegan", ""])]
        )
        pii += [last, e]
    write_csv("participants_workshop_2017-02.csv", rows, encoding="utf-8", newline="\n")
    truth(
        "participants_workshop_2017-02.csv",
        "contacts",
        "English First name/Last name/Email/Organisation",
        pii=sorted(set(pii)),
    )

    # 3 signature list: only Name + Institution + Unterschrift
    wb, ws = new_wb()
    ws.title = "Tabelle1"
    rows = [["Anwesenheitsliste AK Arbeit – 07.12.2016"], ["Name", "Institution", "Unterschrift"]]
    pii = []
    for i in range(40, 55):
        f, last = person(i)
        nm = f"{RNG.choice(['Frau', 'Herr'])} {f} {last}" if i % 3 else f"{last}, {f}"
        rows.append([nm, ORGS[i % len(ORGS)], ""])
        pii += [last]
    put_rows(ws, rows)
    wb.save(HERE / "Anwesenheitsliste_AK_Arbeit_20161207.xlsx")
    truth(
        "Anwesenheitsliste_AK_Arbeit_20161207.xlsx",
        "contacts",
        "only Name (with salutation / 'Last, First') + Institution + empty Unterschrift",
        pii=sorted(set(pii)),
    )

    # 4 mailing list csv cp1252 ; with address
    rows = [
        [
            "Anrede",
            "Titel",
            "Vorname",
            "Nachname",
            "Organisation",
            "Straße",
            "PLZ",
            "Ort",
            "Telefon",
            "E-Mail",
        ]
    ]
    pii = []
    for i in range(60, 82):
        f, last = person(i)
        org = ORGS[i % len(ORGS)]
        e = email(f, last, org)
        rows.append(
            [
                RNG.choice(["Frau", "Herr"]),
                RNG.choice(["", "", "Dr."]),
                f,
                last,
                org,
                f"{RNG.choice(['Alter Postplatz', 'Bahnhofstraße', 'Kirchplatz'])} {RNG.randint(1, 40)}",
                RNG.choice(["71332", "71364", "73614"]),
                RNG.choice(["Waiblingen", "Winnenden", "Schorndorf"]),
                phone(i),
                e,
            ]
        )
        pii += [last, e]
    write_csv("Verteiler_AK_Wohnen.csv", rows, sep=";", encoding="cp1252")
    truth(
        "Verteiler_AK_Wohnen.csv",
        "contacts",
        "mailing list, cp1252 ;, Anrede/Vorname/Nachname/Adresse/Telefon/E-Mail",
        pii=sorted(set(pii)),
    )

    # 5 volunteers contact list ods (with text columns)
    wb, ws = new_wb()
    ws.title = "Ehrenamtliche"
    rows = [["Name", "Telefon", "E-Mail", "Sprachen", "Einsatzbereich", "Verfügbarkeit"]]
    pii = []
    for i in range(90, 106):
        f, last = person(i)
        e = f"{f.lower()}.{last.lower().replace('ä', 'ae').replace('ö', 'oe').replace('ü', 'ue')}@web.de"
        rows.append(
            [
                f"{f} {last}",
                phone(i),
                e,
                RNG.choice(
                    ["Arabisch, Englisch", "Farsi", "Englisch, Französisch", "Tigrinya", "Deutsch"]
                ),
                RNG.choice(
                    [
                        "Begleitung zu Ämtern",
                        "Hausaufgabenhilfe",
                        "Sprachcafé",
                        "Fahrdienst",
                        "Wohnungssuche",
                    ]
                ),
                RNG.choice(["abends", "Wochenende", "vormittags", "nach Absprache"]),
            ]
        )
        pii += [f"{f} {last}", e]
    put_rows(ws, rows, bold_first=True)
    save_via_soffice(wb, "Kontaktliste_Ehrenamtliche.ods", "ods")
    truth(
        "Kontaktliste_Ehrenamtliche.ods",
        "contacts",
        "volunteer contact list (ods): full Name, Telefon, E-Mail plus text columns Einsatzbereich/Sprachen",
        pii=sorted(set(pii)),
    )

    # 6 registrations export
    wb, ws = new_wb()
    ws.title = "Anmeldungen"
    rows = [
        [
            "Anmeldedatum",
            "Vorname",
            "Nachname",
            "Organisation / Institution",
            "E-Mail-Adresse",
            "Gewünschter Arbeitskreis",
            "Anmerkung",
        ]
    ]
    pii = []
    for i in range(110, 130):
        f, last = person(i)
        org = ORGS[i % len(ORGS)]
        e = email(f, last, org)
        rows.append(
            [
                datetime(2016, 10, 1)
                + timedelta(days=RNG.randint(0, 15), hours=RNG.randint(8, 18)),
                f,
                last,
                org,
                e,
                "AK " + AKS[i % 5],
                RNG.choice(
                    ["", "", "komme etwas später", "vegetarisch", "bringe eine Kollegin mit"]
                ),
            ]
        )
        pii += [last, e]
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Anmeldungen_Dialogveranstaltung.xlsx")
    truth(
        "Anmeldungen_Dialogveranstaltung.xlsx",
        "contacts",
        "registration list Vorname/Nachname/Organisation/E-Mail-Adresse/Gewünschter Arbeitskreis/Anmerkung",
        pii=sorted(set(pii)),
    )


# =========================================================================== SURVEYS
def limesurvey_rows(n, *, lang="de", codes=False, start_id=1):
    if lang == "de":
        meta = [
            "Antwort ID",
            "Datum Abgeschickt",
            "Letzte Seite",
            "Start-Sprache",
            "Zufallsstartwert",
            "Datum gestartet",
            "Datum letzte Aktivität",
            "IP-Adresse",
            "Referrer URL",
        ]
        qg = "Welcher Gruppe gehören Sie an?"
        q1 = "Wie zufrieden waren Sie mit dem Ablauf der Dialogveranstaltung? [{}]"
        q2 = "Wie zufrieden sind Sie mit den Ergebnissen der Dialogveranstaltung? [{}]"
        qc = "Was möchten Sie uns noch mitteilen?"
        labels, na = SAT_DE, "Keine Antwort"
        groups = GROUPS_SURVEY
        asp1, asp2 = ASPECTS_ABLAUF, ASPECTS_ERG
        comments = [
            "Sehr gute Moderation, weiter so!",
            "Zu wenig Zeit für die Arbeitskreise.",
            "Bitte Protokoll an alle schicken.",
            "",
            "",
            "Mehr Geflüchtete einbinden.",
        ]
    else:
        meta = [
            "Response ID",
            "Date submitted",
            "Last page",
            "Start language",
            "Seed",
            "Date started",
            "Date last action",
        ]
        qg = "Which group do you belong to?"
        q1 = "How satisfied were you with the dialogue event? [{}]"
        q2 = "How satisfied are you with the results? [{}]"
        qc = "Any further comments?"
        labels, na = SAT_EN, "N/A"
        groups = ["Administration", "Volunteers", "Refugees", "Business", "Other"]
        asp1 = [
            "Format",
            "Structure",
            "Moderation",
            "Transparency",
            "Fair and respectful interaction",
            "Information material",
        ]
        asp2 = ["Quality of discussion", "Insights", "Results", "Added value"]
        comments = ["Great facilitation.", "", "Too little time for the working groups.", ""]
    header = meta + [qg] + [q1.format(a) for a in asp1] + [q2.format(a) for a in asp2] + [qc]
    rows = [header]
    mod_pos = 0
    mod_valid = 0
    for i in range(n):
        st = datetime(2016, 10, 21, 9) + timedelta(
            hours=RNG.randint(0, 300), minutes=RNG.randint(0, 59)
        )
        sub = st + timedelta(minutes=RNG.randint(3, 14))
        m = [
            start_id + i,
            sub.strftime("%Y-%m-%d %H:%M:%S"),
            2,
            lang,
            RNG.randint(10**8, 2 * 10**9),
            st.strftime("%Y-%m-%d %H:%M:%S"),
            sub.strftime("%Y-%m-%d %H:%M:%S"),
        ]
        if lang == "de":
            m += [
                f"192.168.{RNG.randint(0, 9)}.{RNG.randint(2, 250)}",
                RNG.choice(["", "https://www.rems-murr-kreis.de/"]),
            ]
        g = RNG.randrange(len(groups))
        row = [*m, f"A{g + 1}" if codes else groups[g]]
        for k, _a in enumerate(asp1 + asp2):
            v = lik(0.8)
            if RNG.random() < 0.07:
                cell = "" if codes else na
            else:
                cell = f"A{v}" if codes else labels[v - 1]
                if k == 2:
                    mod_valid += 1
                    mod_pos += v <= 2
            row.append(cell)
        row.append(RNG.choice(comments))
        rows.append(row)
    return rows, round(mod_pos / mod_valid, 3)


def build_surveys():
    # 1 LimeSurvey German, full text
    rows, sp = limesurvey_rows(23)
    write_csv(
        "results-survey482913.csv", rows, encoding="utf-8-sig", newline="\r\n", quote_all=True
    )
    truth(
        "results-survey482913.csv",
        "survey",
        "LimeSurvey German response export, full-text answers, 'Keine Antwort', IP/referrer metadata",
        n_respondents=23,
        expect_share_positive={"moderation": sp},
    )

    # 2 LimeSurvey German, answer codes, ;-separated
    rows, sp = limesurvey_rows(17, codes=True, start_id=101)
    write_csv("results-survey482913_codes.csv", rows, sep=";", encoding="utf-8-sig", quote_all=True)
    truth(
        "results-survey482913_codes.csv",
        "survey",
        "LimeSurvey German export, answer codes A1..A5 (A1 = Sehr zufrieden), ;-separated, blanks = no answer",
        n_respondents=17,
        expect_share_positive={"moderation": sp},
    )

    # 3 LimeSurvey English
    rows, sp = limesurvey_rows(12, lang="en")
    write_csv("results-survey771204_en.csv", rows, encoding="utf-8-sig", quote_all=True)
    truth(
        "results-survey771204_en.csv",
        "survey",
        "LimeSurvey English export (Response ID, Date submitted, ... [Moderation], N/A), English answers",
        n_respondents=12,
        expect_share_positive={"moderation": sp},
    )

    # 4 LimeSurvey German, Excel export
    rows, sp = limesurvey_rows(9, start_id=201)
    wb, ws = new_wb()
    ws.title = "results"
    put_rows(ws, rows)
    wb.save(HERE / "results-survey593311.xlsx")
    truth(
        "results-survey593311.xlsx",
        "survey",
        "LimeSurvey German response export as xlsx, full-text answers",
        n_respondents=9,
        expect_share_positive={"moderation": sp},
    )

    # 5 SoSci bundle (data + variables + values)
    d = "sosci_dialog"
    items1 = [
        ("ZF01_01", "Format"),
        ("ZF01_02", "Struktur"),
        ("ZF01_03", "Moderation"),
        ("ZF01_04", "Transparenz"),
        ("ZF01_05", "fairer und respektvoller Umgang"),
        ("ZF01_06", "Informationsmaterial"),
    ]
    items2 = [
        ("ZF02_01", "Diskussionsqualität"),
        ("ZF02_02", "Erkenntnisse"),
        ("ZF02_03", "Ergebnisse"),
        ("ZF02_04", "anderer Mehrwert"),
    ]
    header = (
        ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED", "GR01"]
        + [c for c, _ in items1 + items2]
        + [
            "KO01_01",
            "TIME001",
            "TIME002",
            "TIME003",
            "TIME_SUM",
            "MAILSENT",
            "LASTDATA",
            "FINISHED",
            "Q_VIEWER",
            "LASTPAGE",
            "MAXPAGE",
            "MISSING",
            "MISSREL",
            "TIME_RSI",
            "DEG_TIME",
        ]
    )
    rows = [header]
    n, mp, mv = 17, 0, 0
    for i in range(n):
        st = datetime(2017, 2, 16, 8) + timedelta(
            hours=RNG.randint(0, 200), minutes=RNG.randint(0, 59)
        )
        r = [300 + i, "", "", "fluechtlingsdialog", "interview", st, RNG.randint(1, 4)]
        for k, _ in enumerate(items1 + items2):
            if RNG.random() < 0.06:
                r.append(-9)
            else:
                v = 6 - lik(0.8)  # 5 = sehr zufrieden
                r.append(v)
                if k == 2:
                    mv += 1
                    mp += v >= 4
        r.append(RNG.choice(["", "", "Gute Veranstaltung", "Mehr Zeit für Diskussion"]))
        t = [RNG.randint(5, 60) for _ in range(3)]
        r += [
            *t,
            sum(t),
            "",
            st + timedelta(seconds=sum(t)),
            1,
            0,
            3,
            3,
            RNG.randint(0, 10),
            RNG.randint(0, 30),
            round(RNG.uniform(0.5, 1.5), 2),
            RNG.randint(0, 40),
        ]
        rows.append(r)
    sosci_csv(f"{d}/data_fluechtlingsdialog_2017-03-01_09-12.csv", rows)
    var = [
        ["VAR", "LABEL", "TYPE", "INPUT"],
        ["CASE", "Interview-Nummer (fortlaufend)", "METRIC", "SYSTEM"],
        ["SERIAL", "Seriennummer (sofern verwendet)", "TEXT", "SYSTEM"],
        ["REF", "Referenz (sofern im Link angegeben)", "TEXT", "SYSTEM"],
        ["QUESTNNR", "Fragebogen, der im Interview verwendet wurde", "TEXT", "SYSTEM"],
        ["MODE", "Interview-Modus", "TEXT", "SYSTEM"],
        ["STARTED", "Zeitpunkt zu dem das Interview begonnen hat", "TIME", "SYSTEM"],
        ["GR01", "Gruppe", "NOMINAL", "SELECTION"],
    ]
    var += [[c, f"Zufriedenheit Ablauf: {lab}", "ORDINAL", "SCALE"] for c, lab in items1]
    var += [[c, f"Zufriedenheit Ergebnisse: {lab}", "ORDINAL", "SCALE"] for c, lab in items2]
    var += [["KO01_01", "Kommentar: [01]", "TEXT", "OPEN"]]
    var += [[f"TIME00{k}", f"Verweildauer Seite {k}", "METRIC", "SYSTEM"] for k in (1, 2, 3)]
    var += [
        ["TIME_SUM", "Verweildauer gesamt (ohne Ausreißer)", "METRIC", "SYSTEM"],
        ["MAILSENT", "Versandzeitpunkt der Einladungsmail", "TIME", "SYSTEM"],
        ["LASTDATA", "Zeitpunkt als der Datensatz das letzte mal geändert wurde", "TIME", "SYSTEM"],
        [
            "FINISHED",
            "Wurde die Befragung abgeschlossen (letzte Seite erreicht)?",
            "BOOL",
            "SYSTEM",
        ],
        [
            "Q_VIEWER",
            "Hat der Teilnehmer den Fragebogen nur angesehen, ohne die Pflichtfragen zu beantworten?",
            "BOOL",
            "SYSTEM",
        ],
        ["LASTPAGE", "Seite, die der Teilnehmer zuletzt bearbeitet hat", "METRIC", "SYSTEM"],
        ["MAXPAGE", "Letzte Seite, die im Fragebogen bearbeitet wurde", "METRIC", "SYSTEM"],
        ["MISSING", "Anteil fehlender Antworten in Prozent", "METRIC", "SYSTEM"],
        ["MISSREL", "Anteil fehlender Antworten (gewichtet nach Relevanz)", "METRIC", "SYSTEM"],
        ["TIME_RSI", "Maluspunkte für schnelles Ausfüllen", "METRIC", "SYSTEM"],
        ["DEG_TIME", "Maluspunkte für schnelles Ausfüllen", "METRIC", "SYSTEM"],
    ]
    sosci_csv(f"{d}/variables_fluechtlingsdialog_2017-03-01_09-12.csv", var)
    val = [["VAR", "RESPONSE", "MEANING"]]
    for k, g in enumerate(["Verwaltung", "Ehrenamt", "Geflüchtete", "Sonstige"], 1):
        val.append(["GR01", k, g])
    val.append(["GR01", -9, "nicht beantwortet"])
    for c, _ in items1 + items2:
        val += [[c, 1, "sehr unzufrieden"], [c, 5, "sehr zufrieden"], [c, -9, "nicht beantwortet"]]
    sosci_csv(f"{d}/values_fluechtlingsdialog_2017-03-01_09-12.csv", val)
    truth(
        f"{d}/data_fluechtlingsdialog_2017-03-01_09-12.csv",
        "survey",
        "SoSci Survey data (UTF-16LE tab) with variables/values tables beside it; 5 = sehr zufrieden, -9 missing",
        n_respondents=n,
        companions=[
            f"{d}/variables_fluechtlingsdialog_2017-03-01_09-12.csv",
            f"{d}/values_fluechtlingsdialog_2017-03-01_09-12.csv",
        ],
        expect_share_positive={"moderation": round(mp / mv, 3)},
    )

    # 6 SoSci data file alone (IN01_.. items, no companions)
    header = (
        ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED"]
        + [f"IN01_{k:02d}" for k in range(1, 7)]
        + [
            "IN02",
            "TIME001",
            "TIME002",
            "TIME_SUM",
            "MAILSENT",
            "LASTDATA",
            "FINISHED",
            "Q_VIEWER",
            "LASTPAGE",
            "MAXPAGE",
        ]
    )
    rows = [header]
    for i in range(12):
        st = datetime(2017, 3, 20, 9) + timedelta(hours=RNG.randint(0, 100))
        r = [51 + i, "", RNG.choice(["", "mail"]), "vertiefung", "interview", st]
        r += [6 - lik(0.75) if RNG.random() > 0.05 else -9 for _ in range(6)]
        r += [RNG.randint(1, 3)]
        t = [RNG.randint(10, 90) for _ in range(2)]
        r += [*t, sum(t), "", st + timedelta(seconds=sum(t)), 1, 0, 2, 2]
        rows.append(r)
    sosci_csv("data_vertiefung_2017-03-27_14-02.csv", rows)
    truth(
        "data_vertiefung_2017-03-27_14-02.csv",
        "survey",
        "SoSci Survey data file alone (UTF-16 tab, IN01_01..IN01_06, no variables/values beside it)",
        n_respondents=12,
    )

    # 7 Google Forms csv (linear scales 1..5, grid)
    grid = "Bitte bewerten Sie den Ablauf der Veranstaltung"
    header = (
        ["Zeitstempel", "Ich nehme teil als ..."]
        + [f"{grid} [{a}]" for a in ASPECTS_ABLAUF]
        + [
            "Wie zufrieden sind Sie insgesamt mit den Ergebnissen?",
            "Was hat Ihnen besonders gefallen?",
            "Was sollten wir beim nächsten Mal besser machen?",
        ]
    )
    rows = [header]
    mp = mv = 0
    for _i in range(19):
        ts = datetime(2016, 10, 21, 8) + timedelta(minutes=RNG.randint(0, 6000))
        h = ts.hour
        tstr = f"{ts:%Y/%m/%d} {h % 12 or 12}:{ts:%M:%S} {'vorm.' if h < 12 else 'nachm.'} OEZ"
        r = [
            tstr,
            RNG.choice(["Verwaltung", "Ehrenamt", "Geflüchtete/r", "Arbeitgeber", "Sonstiges"]),
        ]
        for k, _ in enumerate(ASPECTS_ABLAUF):
            v = 6 - lik(0.8)  # 5 = sehr gut (Google linear scale)
            r.append(str(v) if RNG.random() > 0.05 else "")
            if k == 2 and r[-1]:
                mv += 1
                mp += v >= 4
        r += [
            str(6 - lik(0.7)),
            RNG.choice(["Die offene Atmosphäre", "", "Austausch mit anderen Akteuren", ""]),
            RNG.choice(["", "Mehr Zeit", "Pausen", ""]),
        ]
        rows.append(r)
    write_csv(
        "Rückmeldung Flüchtlingsdialog (Antworten) - Formularantworten 1.csv",
        rows,
        encoding="utf-8",
        newline="\n",
        quote_all=True,
    )
    truth(
        "Rückmeldung Flüchtlingsdialog (Antworten) - Formularantworten 1.csv",
        "survey",
        "Google Forms csv (Zeitstempel 'vorm./nachm. OEZ', grid [Aspekt], numeric 1..5 without legend — 5 = best "
        "per form design, not stated in file)",
        n_respondents=19,
        expect_share_positive={"moderation": round(mp / mv, 3)},
    )

    # 8 Google Forms via Sheets as xlsx with text answers
    wb, ws = new_wb()
    ws.title = "Formularantworten 1"
    header = [
        "Zeitstempel",
        "Arbeitskreis",
        "Wie zufrieden waren Sie mit der Moderation?",
        "Wie zufrieden waren Sie mit der Struktur des Workshops?",
        "Wie zufrieden waren Sie mit den Ergebnissen?",
        "Würden Sie wieder teilnehmen?",
        "Anmerkungen",
    ]
    rows = [header]
    mp = 0
    for _i in range(14):
        v = lik(0.8)
        mp += v <= 2
        rows.append(
            [
                datetime(2016, 12, 8) + timedelta(minutes=RNG.randint(0, 5000)),
                "AK " + RNG.choice(AKS),
                SAT_DE[v - 1].lower(),
                SAT_DE[lik(0.7) - 1].lower(),
                SAT_DE[lik(0.6) - 1].lower(),
                RNG.choice(["Ja", "Ja", "Vielleicht", "Nein"]),
                RNG.choice(["", "", "Danke!", "Raum zu klein"]),
            ]
        )
    put_rows(ws, rows)
    wb.save(HERE / "Feedback Vertiefungsworkshop (Antworten).xlsx")
    truth(
        "Feedback Vertiefungsworkshop (Antworten).xlsx",
        "survey",
        "Google Forms responses saved as xlsx (sheet 'Formularantworten 1'), Zeitstempel as datetime, text answers",
        n_respondents=14,
        expect_share_positive={"moderation": round(mp / 14, 3)},
    )

    # 9 Microsoft Forms German xlsx
    wb, ws = new_wb()
    ws.title = "Sheet1"
    header = [
        "ID",
        "Startzeit",
        "Fertigstellungszeit",
        "E-Mail",
        "Name",
        "Welcher Gruppe gehören Sie an?",
        "Wie bewerten Sie die Moderation?",
        "Format der Veranstaltung",
        "Transparenz des Verfahrens",
        "Informationsmaterial",
        "Erkenntnisse für die eigene Arbeit",
        "Was möchten Sie uns noch sagen?",
    ]
    rows = [header]
    mp = 0
    for i in range(1, 16):
        st = datetime(2017, 2, 16, 14) + timedelta(minutes=RNG.randint(0, 3000))
        v = 6 - lik(0.8)  # MS Forms rating: stars, 5 best
        mp += v >= 4
        rows.append(
            [
                i,
                st,
                st + timedelta(minutes=RNG.randint(2, 9)),
                "anonymous",
                "",
                RNG.choice(GROUPS_SURVEY),
                v,
            ]
            + [SAT_DE[lik(0.75) - 1] for _ in range(4)]
            + [RNG.choice(["", "", "Gerne wieder", "Ergebnisse bitte veröffentlichen"])]
        )
    put_rows(ws, rows)
    wb.save(HERE / "Rückmeldebogen Erweiterter Dialog(1-15).xlsx")
    truth(
        "Rückmeldebogen Erweiterter Dialog(1-15).xlsx",
        "survey",
        "Microsoft Forms German export (ID, Startzeit, Fertigstellungszeit, E-Mail=anonymous, Name empty), star "
        "rating 1..5 (5 best) + Likert text",
        n_respondents=15,
        expect_share_positive={"moderation": round(mp / 15, 3)},
    )

    # 10 Microsoft Forms English xlsx
    wb, ws = new_wb()
    ws.title = "Sheet1"
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Which group do you belong to?",
        "How satisfied were you with the facilitation?",
        "How satisfied were you with the results?",
        "Comments",
    ]
    rows = [header]
    for i in range(1, 9):
        st = datetime(2017, 2, 16, 14) + timedelta(minutes=RNG.randint(0, 3000))
        rows.append(
            [
                i,
                st,
                st + timedelta(minutes=3),
                "anonymous",
                "",
                RNG.choice(["Administration", "Volunteer", "Refugee", "Other"]),
                SAT_EN[lik(0.8) - 1],
                SAT_EN[lik(0.7) - 1],
                RNG.choice(["", "Thanks", ""]),
            ]
        )
    put_rows(ws, rows)
    wb.save(HERE / "Feedback dialogue event(1-8).xlsx")
    truth(
        "Feedback dialogue event(1-8).xlsx",
        "survey",
        "Microsoft Forms English export (Start time, Completion time)",
        n_respondents=8,
    )

    # 11 paper questionnaire typed into Excel, legend 1 = best, summary rows
    wb, ws = new_wb()
    ws.title = "Rückmeldebogen"
    items = ["1. Format", "2. Struktur", "3. Moderation", "4. Transparenz", "5. Umgang"]
    rows = [
        ["Auswertung Rückmeldebögen Auftaktveranstaltung 20.10.2016"],
        ["Legende: 1 = sehr gut, 2 = gut, 3 = mittel, 4 = weniger gut, 5 = schlecht"],
        ["Teilnehmer-Nr.", "Gruppe", *items],
    ]
    data = []
    groups = ["Verwaltung"] * 7 + ["Ehrenamt"] * 6 + ["Geflüchtete"] * 5
    mod = [1, 2, 1, 1, 2, 3, 1, 2, 2, 1, 4, 1, 2, 1, 3, 2, 1, 2]  # 15/18 = 0.833 top-2
    for i in range(18):
        vals = [lik(0.8) for _ in items]
        vals[2] = mod[i]
        data.append([i + 1, groups[i], *vals])
    rows += data
    means = ["Mittelwert", ""] + [round(sum(r[2 + k] for r in data) / 18, 2) for k in range(5)]
    counts = ["Anzahl", ""] + [18] * 5
    rows += [means, counts]
    put_rows(ws, rows)
    wb.save(HERE / "Auswertung_Rueckmeldeboegen_Auftakt.xlsx")
    truth(
        "Auswertung_Rueckmeldeboegen_Auftakt.xlsx",
        "survey",
        "paper questionnaire typed in Excel: legend row 1 = sehr gut .. 5 = schlecht above header, groups "
        "Verwaltung/Ehrenamt/Geflüchtete, Mittelwert + Anzahl rows under data (not respondents); moderation 15/18 top-2",
        n_respondents=18,
        expect_share_positive={"moderation": round(15 / 18, 3)},
    )

    # 12 paper questionnaire ods with legend on a separate sheet, 4-point scale, Durchschnitt row
    wb, ws = new_wb()
    ws.title = "Eingabe"
    items = [
        "Struktur des Workshops",
        "Moderation",
        "Fairer und respektvoller Umgang",
        "Diskussionsqualität",
        "Ergebnisse",
    ]
    rows = [["Bogen-Nr.", "Arbeitskreis", *items]]
    data = []
    mp = 0
    for i in range(11):
        vals = [RNG.choice([1, 1, 2, 2, 2, 3, 4]) for _ in items]
        mp += vals[1] <= 2
        data.append([i + 1, "AK " + RNG.choice(AKS[:4]), *vals])
    rows += [
        *data,
        ["Durchschnitt", ""] + [round(sum(r[2 + k] for r in data) / 11, 2) for k in range(5)],
    ]
    put_rows(ws, rows)
    ws2 = wb.create_sheet("Legende")
    put_rows(
        ws2,
        [
            ["Wert", "Bedeutung"],
            [1, "sehr zufrieden"],
            [2, "zufrieden"],
            [3, "weniger zufrieden"],
            [4, "unzufrieden"],
            ["leer", "keine Angabe"],
        ],
    )
    save_via_soffice(wb, "Rueckmeldeboegen_Vertiefung_Eingabe.ods", "ods")
    truth(
        "Rueckmeldeboegen_Vertiefung_Eingabe.ods",
        "survey",
        "paper questionnaire (ods): data sheet 'Eingabe' + legend sheet 'Legende' (1 = sehr zufrieden .. 4 = "
        "unzufrieden), Durchschnitt row under data",
        n_respondents=11,
        expect_share_positive={"moderation": round(mp / 11, 3)},
    )

    # 13 questionnaire with items outside the built-in dictionary, agreement scale, cp1252 csv
    items = [
        "Die Räumlichkeiten waren angemessen",
        "Die Verpflegung war gut",
        "Ich habe neue Kontakte geknüpft",
        "Ich würde wieder teilnehmen",
        "Die Einladung kam rechtzeitig",
    ]
    agree = [
        "trifft voll zu",
        "trifft eher zu",
        "teils/teils",
        "trifft eher nicht zu",
        "trifft nicht zu",
    ]
    rows = [["Lfd. Nr.", "Gruppe", *items, "Anmerkungen"]]
    for i in range(14):
        rows.append(
            [i + 1, RNG.choice(["Verwaltung", "Ehrenamt", "Geflüchtete", "Wirtschaft"])]
            + [agree[lik(0.7) - 1] for _ in items]
            + [RNG.choice(["", "", "Parkplätze fehlten", "gut organisiert"])]
        )
    write_csv("Rueckmeldung_Rahmenbedingungen.csv", rows, sep=";", encoding="cp1252")
    truth(
        "Rueckmeldung_Rahmenbedingungen.csv",
        "survey",
        "typed questionnaire (cp1252 ;) with items outside the built-in aspects, agreement scale 'trifft voll zu'..",
        n_respondents=14,
    )


# =========================================================================== CARDS
def build_cards():
    # A: long table Arbeitskreis / Leitfrage / Karte / Punkte
    wb, ws = new_wb()
    ws.title = "Karten"
    rows = [["Arbeitskreis", "Leitfrage", "Karte", "Punkte"]]
    n = 0
    for ak, cards in CARDS.items():
        for c in cards:
            rows.append([ak, RNG.choice(LEITFRAGEN), c, RNG.choice([None, 0, 1, 2, 3, 5, 7])])
            n += 1
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Karten_Auftakt_alle_AK.xlsx")
    truth(
        "Karten_Auftakt_alle_AK.xlsx",
        "cards",
        f"long layout Arbeitskreis/Leitfrage/Karte/Punkte, {n} cards",
    )

    # B: one sheet per AK, one column per Leitfrage, votes in brackets
    wb = Workbook()
    wb.remove(wb.active)
    for ak, cards in CARDS.items():
        ws = wb.create_sheet(ak.replace("/", "-"))
        put_rows(ws, [[ak], LEITFRAGEN])
        for j, c in enumerate(cards):
            col = j % 5
            row = 3 + j // 5
            txt = c + (f" ({RNG.randint(1, 6)})" if RNG.random() < 0.5 else "")
            ws.cell(row=row, column=col + 1, value=txt)
    wb.save(HERE / "Workshop_Ergebnisse_Leitfragen.xlsx")
    truth(
        "Workshop_Ergebnisse_Leitfragen.xlsx",
        "cards",
        "one sheet per AK, AK title row, one column per Leitfrage (full question text), votes as '(3)' suffix",
    )

    # C: csv cp1252 ; Gruppe/Frage/Idee/Klebepunkte
    rows = [["Gruppe", "Frage", "Idee", "Klebepunkte"]]
    for ak in ["AK Arbeit", "AK Sprache"]:
        for c in CARDS[ak]:
            rows.append(
                [
                    ak,
                    RNG.choice(
                        ["Probleme", "Was können wir tun?", "Aktivitäten", "Vorschläge an Kommunen"]
                    ),
                    c,
                    RNG.randint(0, 8),
                ]
            )
    write_csv("karten_export_ak_arbeit_sprache.csv", rows, sep=";", encoding="cp1252")
    truth(
        "karten_export_ak_arbeit_sprache.csv", "cards", "csv cp1252 ; Gruppe/Frage/Idee/Klebepunkte"
    )

    # D: photo-protocol transcript with title rows and bullet lists in cells
    wb, ws = new_wb()
    ws.title = "AK Arbeit"
    rows = [
        ["Fotoprotokoll AK Arbeit – Abschrift der Moderationskarten"],
        ["Moderation: Landratsamt, 20.10.2016"],
        [],
        ["Nr.", "Leitfrage", "Kartentext", "Punkte"],
    ]
    c = CARDS["AK Arbeit"]
    bl = [
        ("Wo sind die Probleme?", f"- {c[0]}\n- {c[1]}\n- {c[6]}", 6),
        ("Warum gelingt Integration (nicht)?", f"• {c[7]}\n• Sprache ist der Schlüssel", 2),
        ("Was können wir tun?", c[2], 9),
        ("Was können wir tun?", c[3], 4),
        ("Konkrete Aktivitäten", f"{c[4]}; {c[5]}", 5),
        ("Vorschläge an die Kommunen", "Ansprechpartner Integration in jedem Rathaus", 3),
    ]
    for i, (q, t, p) in enumerate(bl, 1):
        rows.append([i, q, t, p])
    put_rows(ws, rows)
    wb.save(HERE / "Fotoprotokoll_AK_Arbeit_Abschrift.xlsx")
    truth(
        "Fotoprotokoll_AK_Arbeit_Abschrift.xlsx",
        "cards",
        "photo-protocol transcript: 2 title rows, Nr./Leitfrage/Kartentext/Punkte, bullet lists in cells",
    )

    # E: block layout (Leitfrage section rows followed by cards), ods
    wb, ws = new_wb()
    ws.title = "AK Bildung"
    rows = [["AK Bildung/Ausbildung"], []]
    cards = CARDS["AK Bildung/Ausbildung"]
    for k, q in enumerate(LEITFRAGEN[:4]):
        rows.append([q])
        rows.append(["Karte", "Punkte"])
        for cc in cards[k * 2 : (k + 1) * 2]:
            rows.append([cc, RNG.randint(0, 5)])
        rows.append([])
    put_rows(ws, rows)
    save_via_soffice(wb, "AK_Bildung_Karten.ods", "ods")
    truth(
        "AK_Bildung_Karten.ods",
        "cards",
        "block layout: Leitfrage section rows, each followed by Karte/Punkte rows (ods)",
    )

    # F: Handlungsfeld / Problem-Idee / Stimmen, xls
    wb, ws = new_wb()
    ws.title = "Ergebnisse"
    rows = [
        ["Ergebnissicherung Arbeitskreise Wohnen und Freizeit"],
        ["Arbeitskreis", "Handlungsfeld", "Beitrag (Problem / Idee)", "Stimmen"],
    ]
    for ak in ["AK Wohnen", "AK Freizeit"]:
        for cc in CARDS[ak]:
            rows.append(
                [
                    ak,
                    ak[3:],
                    cc,
                    RNG.choice(["", "I", "II", "III", "IIII"])
                    if RNG.random() < 0.3
                    else RNG.randint(0, 6),
                ]
            )
    put_rows(ws, rows)
    save_via_soffice(wb, "Ergebnissicherung_Wohnen_Freizeit.xls", "xls")
    truth(
        "Ergebnissicherung_Wohnen_Freizeit.xls",
        "cards",
        "xls: title row, Arbeitskreis/Handlungsfeld/Beitrag (Problem / Idee)/Stimmen (some tally marks 'III')",
    )


# =========================================================================== RATINGS
def build_ratings():
    raters = ["Bewerter 1", "Bewerter 2", "Bewerter 3", "Bewerter 4", "Bewerter 5", "Bewerter 6"]
    # 1 long format
    wb, ws = new_wb()
    ws.title = "Bewertung"
    rows = [["Maßnahme", "Bewerter/in", "Wirkung", "Aufwand"]]
    for _, m in MEASURES:
        for r in raters:
            rows.append([m, r, RNG.randint(1, 5), RNG.randint(1, 5)])
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Bewertung_Massnahmen_lang.xlsx")
    truth(
        "Bewertung_Massnahmen_lang.xlsx",
        "ratings",
        "long layout Maßnahme/Bewerter-in/Wirkung/Aufwand, 10 × 6",
    )

    # 2 wide, two header rows (rater merged over Wirkung/Aufwand)
    wb, ws = new_wb()
    ws.title = "Bewertungsbogen"
    ws.cell(row=1, column=1, value="Bewertung der Maßnahmenvorschläge (1 = gering, 5 = hoch)")
    ws.cell(row=3, column=1, value="Nr.")
    ws.cell(row=3, column=2, value="Maßnahme")
    for k, _r in enumerate(raters[:5]):
        col = 3 + 2 * k
        ws.cell(row=2, column=col, value=f"Person {chr(65 + k)}")
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + 1)
        ws.cell(row=3, column=col, value="Wirkung")
        ws.cell(row=3, column=col + 1, value="Aufwand")
    for i, (_, m) in enumerate(MEASURES, 1):
        ws.cell(row=3 + i, column=1, value=i)
        ws.cell(row=3 + i, column=2, value=m)
        for k in range(5):
            ws.cell(row=3 + i, column=3 + 2 * k, value=RNG.randint(1, 5))
            ws.cell(row=3 + i, column=4 + 2 * k, value=RNG.randint(1, 5))
    wb.save(HERE / "Bewertungsbogen_Massnahmen_breit.xlsx")
    truth(
        "Bewertungsbogen_Massnahmen_breit.xlsx",
        "ratings",
        "wide: merged rater header row over Wirkung/Aufwand pairs, 10 measures × 5 raters",
    )

    # 3 one sheet per rater, ods
    wb = Workbook()
    wb.remove(wb.active)
    for r in raters[:4]:
        ws = wb.create_sheet(r)
        rows = [["Maßnahme", "Handlungsfeld", "Wirkung (1-5)", "Aufwand (1-5)"]]
        for f, m in MEASURES:
            rows.append([m, f.capitalize(), RNG.randint(1, 5), RNG.randint(1, 5)])
        put_rows(ws, rows)
    save_via_soffice(wb, "Bewertung_je_Bewerter.ods", "ods")
    truth(
        "Bewertung_je_Bewerter.ods",
        "ratings",
        "ods, one sheet per rater: Maßnahme/Handlungsfeld/Wirkung (1-5)/Aufwand (1-5)",
    )

    # 4 csv long with criterion column
    rows = [["Massnahme", "Kriterium", "Bewerter", "Wert"]]
    for _, m in MEASURES[:8]:
        for r in ["R1", "R2", "R3", "R4"]:
            rows.append([m, "Wirkung", r, RNG.randint(1, 5)])
            rows.append([m, "Aufwand", r, RNG.randint(1, 5)])
    write_csv("bewertung_export.csv", rows, sep=";", encoding="cp1252")
    truth(
        "bewertung_export.csv",
        "ratings",
        "csv cp1252 ; tidy long: Massnahme/Kriterium/Bewerter/Wert",
    )


# =========================================================================== PLANS
def build_plans():
    resp = [
        "Landratsamt, Integrationsbeauftragte",
        "Jobcenter Rems-Murr",
        "Agentur für Arbeit",
        "IHK / HWK",
        "Kreisjugendring",
        "Städte und Gemeinden",
        "Staatliches Schulamt",
    ]
    # 1 xlsx
    wb, ws = new_wb()
    ws.title = "Maßnahmenplan"
    rows = [["Nr.", "Handlungsfeld", "Maßnahme", "Verantwortlich", "Zeitraum", "Kosten", "Status"]]
    for i, (f, m) in enumerate(MEASURES, 1):
        rows.append(
            [
                i,
                f.capitalize(),
                m,
                RNG.choice(resp),
                RNG.choice(["ab Q2/2017", "2017–2018", "laufend", "bis Ende 2017"]),
                RNG.choice(["5.000 €", "ca. 2.000–3.000 €", "keine", "offen", 12000]),
                RNG.choice(["geplant", "in Umsetzung", "abgeschlossen"]),
            ]
        )
    put_rows(ws, rows, bold_first=True)
    wb.save(HERE / "Massnahmenplan_Entwurf_2017.xlsx")
    truth(
        "Massnahmenplan_Entwurf_2017.xlsx",
        "plan",
        "Nr./Handlungsfeld/Maßnahme/Verantwortlich/Zeitraum/Kosten/Status",
    )

    # 2 csv cp1252 ;
    rows = [["Maßnahme", "Zuständigkeit", "Zeitrahmen", "Kosten (€)", "Stand"]]
    for _f, m in MEASURES[:7]:
        rows.append(
            [
                m,
                RNG.choice(resp),
                RNG.choice(["2017", "2017/2018", "kurzfristig", "mittelfristig"]),
                RNG.choice(["1.500", "10.000", "0", "", "3.000–5.000"]),
                RNG.choice(["offen", "begonnen", "erledigt"]),
            ]
        )
    write_csv("massnahmenplan_stand_maerz.csv", rows, sep=";", encoding="cp1252")
    truth(
        "massnahmenplan_stand_maerz.csv",
        "plan",
        "csv cp1252 ; Maßnahme/Zuständigkeit/Zeitrahmen/Kosten (€)/Stand",
    )

    # 3 ods with title rows and Handlungsfeld section rows
    wb, ws = new_wb()
    ws.title = "Integrationsplan"
    rows = [
        ["Integrationsplan Rems-Murr-Kreis – Maßnahmen"],
        ["Entwurf für den Kreistag, Stand 15.02.2017"],
        [],
        ["Maßnahme", "Federführung", "Umsetzung bis", "geschätzte Kosten", "Status"],
    ]
    cur = None
    for f, m in MEASURES:
        if f != cur:
            rows.append([f"Handlungsfeld {f.capitalize()}"])
            cur = f
        rows.append(
            [
                m,
                RNG.choice(resp),
                RNG.choice(["12/2017", "06/2018", "fortlaufend"]),
                RNG.choice(["4.000 €", "keine Mehrkosten", "20.000 € p.a.", "noch offen"]),
                RNG.choice(["geplant", "in Vorbereitung", "läuft"]),
            ]
        )
    put_rows(ws, rows)
    save_via_soffice(wb, "Integrationsplan_Massnahmen_Entwurf.ods", "ods")
    truth(
        "Integrationsplan_Massnahmen_Entwurf.ods",
        "plan",
        "ods: 2 title rows, Handlungsfeld section rows, Maßnahme/Federführung/Umsetzung bis/geschätzte Kosten/Status",
    )


def main():
    for p in HERE.iterdir():
        if p.name in {"build_corpus.py", "score.py", "README.md"} or p.name.startswith(
            ("score_results", "score_report")
        ):
            continue
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()
    build_refuse()
    build_contacts()
    build_surveys()
    build_cards()
    build_ratings()
    build_plans()
    (HERE / "truth.json").write_text(
        json.dumps(dict(sorted(TRUTH.items())), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    kinds = {}
    for v in TRUTH.values():
        kinds[v["kind"]] = kinds.get(v["kind"], 0) + 1
    print(len(TRUTH), "entries", kinds)


if __name__ == "__main__":
    main()
