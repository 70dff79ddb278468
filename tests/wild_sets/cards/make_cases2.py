"""Wild set "cards", second batch (d01–d16): more ways offices type the workshop cards.

Written blind, like make_cases.py (same truth format, same helpers), without reading flueko's
parsing code. Each case adds its own round folder next to the c* cases::

    cases/<case_id>/<file>        the workbook(s) / CSV as an office would hand them over
    cases/<case_id>/truth.json    {"ideas": [{"text", "votes"}], "total_votes", "n_ideas", "notes"}

Truth conventions are those of make_cases.py; in addition:

* several cards typed into one cell (line breaks, bullets "•" / "-") are several ideas; the
  bullet and its space are not part of the text;
* rows and columns the office has hidden hold drafts: they are not ideas;
* title rows, legends, moderation/protocol notes, export summaries, year numbers, card
  numbers and "Summe" rows are not ideas, and their numbers are not votes;
* text in English or Arabic script is kept verbatim (only whitespace collapsed).

This script never touches the c* cases: it only (re)writes the d* folders it makes.

Run:  .venv/bin/python tests/wild_sets/cards/make_cases2.py [CASE_ID ...]
      (needs LibreOffice for the .ods and .xls cases)
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_cases import (
    LF,
    Truth,
    header,
    new_wb,
    put_rows,
    save,
    title,
    widths,
    write_cases,
)

CASE_FUNCS = []


def case(fn):
    CASE_FUNCS.append(fn)
    return fn


def wrap(cell) -> None:
    cell.alignment = Alignment(vertical="top", wrap_text=True)


# --------------------------------------------------------------------------- cases
@case
def d01_blatt_je_leitfrage(d: Path) -> Truth:
    t = Truth(
        "One sheet per Leitfrage (not per group): sheet names '1 Probleme' … '5 Vorschläge', "
        "the full question as a title row, columns Arbeitskreis | Karte | Punkte; sheet "
        "'2 Warum' has the title and header but no cards."
    )
    wb = new_wb()
    sheets = {
        "1 Probleme": (
            1,
            [
                ("AK Gesundheit", "Lange Wartezeiten beim Facharzt", 6),
                ("AK Gesundheit", "Krankenscheine müssen jedes Quartal neu beantragt werden", 4),
                ("AK Zusammenleben", "Wenig Kontakt zwischen Alteingesessenen und Neuen", 3),
                ("AK Zusammenleben", "Gerüchte über Geflüchtete in sozialen Netzwerken", 2),
            ],
        ),
        "2 Warum": (2, []),
        "3 Einflussbereich": (
            3,
            [
                ("AK Gesundheit", "Ärzte mit Fremdsprachenkenntnissen in einer Liste sammeln", 5),
                ("AK Zusammenleben", "Vereine laden gezielt in ihre Feste ein", 1),
            ],
        ),
        "4 Aktivitäten": (
            4,
            [
                ("AK Gesundheit", "Gesundheitslotsen ausbilden", 7),
                ("AK Zusammenleben", "Interkultureller Stammtisch einmal im Monat", 0),
                ("AK Zusammenleben", "Patenschaften zwischen Familien vermitteln", 4),
            ],
        ),
        "5 Vorschläge": (
            5,
            [
                ("AK Gesundheit", "Elektronische Gesundheitskarte für Asylbewerber einführen", 8),
                ("AK Zusammenleben", "Integrationsbeauftragte in jeder Gemeinde benennen", 3),
            ],
        ),
    }
    first = True
    for name, (lf, cards) in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name
        title(ws, 1, f"Leitfrage {lf}: {LF[lf]}", span=3)
        header(ws, 3, ["Arbeitskreis", "Karte", "Punkte"])
        put_rows(ws, 4, [list(c) for c in cards])
        for g, text, v in cards:
            t.add(text, v, g)
        widths(ws, A=18, B=60, C=8)
    save(wb, d, "Flüchtlingsdialog nach Leitfragen.xlsx")
    return t


@case
def d02_gruppe_nur_im_titel(d: Path) -> Truth:
    t = Truth(
        "Group named only in a title row above the table ('Arbeitskreis 3 – Arbeit und "
        "Ausbildung, 20.10.2016'), sheet 'Tabelle1'; Leitfrage column with short labels; "
        "Karte | Punkte."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Tabelle1"
    ws.cell(
        row=1, column=1, value="Arbeitskreis 3 – Arbeit und Ausbildung, 20.10.2016"
    ).font = Font(bold=True, size=13)
    header(ws, 3, ["Leitfrage", "Karte", "Punkte"])
    rows = [
        ("Probleme", "Jobcenter und Ausländerbehörde sprechen sich nicht ab", 5),
        ("Probleme", "Ausbildungsvergütung reicht nicht für eigene Wohnung", 2),
        ("Was tun?", "Betriebe über Ausbildungsduldung informieren", 4),
        ("Aktivitäten", "Bewerbungstraining in der Gemeinschaftsunterkunft", 3),
        ("Aktivitäten", "Tag der offenen Werkstatt für Geflüchtete", 0),
        ("Vorschläge", "Eine Stelle für Arbeitsmarktintegration im Landkreis schaffen", 6),
    ]
    put_rows(ws, 4, [list(r) for r in rows])
    for _, text, v in rows:
        t.add(text, v, "AK Arbeit und Ausbildung")
    widths(ws, A=14, B=60, C=8)
    save(wb, d, "AK3.xlsx")
    return t


@case
def d03_spalten_je_leitfrage_punkte_angehaengt(d: Path) -> Truth:
    t = Truth(
        "Cards as columns: one column per Leitfrage (short question as header), cards "
        "below, votes appended to the text as '(3)' or '3P' / '2 P'; a card without an "
        "appended number has 0 dots; numbers inside the text stay.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Gesundheit"
    title(ws, 1, "AK Gesundheit – Pinnwand (abgetippt)", span=5)
    heads = [
        "Wo sind die Probleme in der Praxis?",
        "Warum gelingt Integration (nicht)?",
        "Was können wir tun?",
        "Welche Aktivitäten starten?",
        "Vorschläge an die Kommunen",
    ]
    header(ws, 2, heads)
    cols = [
        [
            ("Dolmetscher beim Arzt fehlen (5)", "Dolmetscher beim Arzt fehlen", 5),
            (
                "Psychische Belastung wird nicht erkannt 3P",
                "Psychische Belastung wird nicht erkannt",
                3,
            ),
            ("Impfstatus der Kinder unklar", "Impfstatus der Kinder unklar", 0),
        ],
        [
            (
                "Gesundheitssystem ist schwer zu durchschauen (2)",
                "Gesundheitssystem ist schwer zu durchschauen",
                2,
            ),
        ],
        [
            ("Infoblätter in 5 Sprachen auslegen (4)", "Infoblätter in 5 Sprachen auslegen", 4),
            (
                "Hebammen-Sprechstunde in der Unterkunft 1P",
                "Hebammen-Sprechstunde in der Unterkunft",
                1,
            ),
        ],
        [
            ("Gesundheitstag für Frauen 2 P", "Gesundheitstag für Frauen", 2),
            (
                "Erste-Hilfe-Kurs auf Arabisch und Farsi (6)",
                "Erste-Hilfe-Kurs auf Arabisch und Farsi",
                6,
            ),
            ("Sportangebote für Ältere über 50", "Sportangebote für Ältere über 50", 0),
        ],
        [
            (
                "Traumatherapie-Plätze im Kreis schaffen (7)",
                "Traumatherapie-Plätze im Kreis schaffen",
                7,
            ),
        ],
    ]
    for j, col in enumerate(cols):
        for i, (raw, text, v) in enumerate(col):
            wrap(ws.cell(row=3 + i, column=1 + j, value=raw))
            t.add(text, v, "AK Gesundheit")
    widths(ws, A=34, B=34, C=34, D=34, E=34)
    save(wb, d, "Pinnwand Gesundheit.xlsx")
    return t


@case
def d04_mehrere_karten_je_zelle_umbruch(d: Path) -> Truth:
    t = Truth(
        "Several cards in ONE cell separated by line breaks (Alt+Enter), one row per "
        "Leitfrage; the dots in the neighbouring cell, one line per card, in the same order."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Zusammenleben"
    title(ws, 1, "AK Zusammenleben", span=3)
    header(ws, 2, ["Leitfrage", "Karten", "Punkte"])
    blocks = [
        (
            1,
            [
                ("Nachbarn beschweren sich über Lärm", 3),
                ("Angst vor dem Fremden", 5),
                ("Keine Treffpunkte im Dorf", 2),
            ],
        ),
        (
            3,
            [
                ("Hausversammlungen mit Dolmetscher", 1),
                ("Feste gemeinsam planen, nicht nur einladen", 4),
            ],
        ),
        (
            4,
            [
                ("Kochabend „Essen verbindet“", 6),
                ("Willkommensbroschüre für Neuzugezogene", 0),
                ("Spaziergänge durch den Ort mit Ortskundigen", 2),
            ],
        ),
    ]
    r = 3
    for lf, cards in blocks:
        ws.cell(row=r, column=1, value=LF[lf])
        wrap(ws.cell(row=r, column=2, value="\n".join(c[0] for c in cards)))
        wrap(ws.cell(row=r, column=3, value="\n".join(str(c[1]) for c in cards)))
        ws.row_dimensions[r].height = 15 * len(cards)
        for text, v in cards:
            t.add(text, v, "AK Zusammenleben")
        r += 1
    widths(ws, A=40, B=55, C=8)
    save(wb, d, "Zusammenleben Karten.xlsx")
    return t


@case
def d05_aufzaehlung_in_zellen(d: Path) -> Truth:
    t = Truth(
        "Protocol without dot voting: per group and Leitfrage one cell holding several cards "
        "as a bullet list ('• …' in one group, '- …' in the other); each bullet is one card, "
        "hyphens inside words stay; votes null."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Protokoll"
    header(ws, 1, ["Arbeitskreis", "Leitfrage", "Karten"])
    rows = [
        (
            "AK Gesundheit",
            LF[1],
            "• ",
            ["Kinderarzt-Termine erst nach Monaten", "Befunde werden nicht übersetzt"],
        ),
        (
            "AK Gesundheit",
            LF[4],
            "• ",
            [
                "Liste mehrsprachiger Praxen",
                "Begleitdienst zu Arztterminen",
                "Zahnprophylaxe in Kitas",
            ],
        ),
        (
            "AK Wohnen",
            LF[2],
            "- ",
            ["Wohnungen zu klein für große Familien", "Schufa-Auskunft fehlt"],
        ),
        (
            "AK Wohnen",
            LF[5],
            "- ",
            ["Kreis mietet Wohnungen an und vermietet weiter", "Möbelbörse mit Lieferdienst"],
        ),
    ]
    for i, (g, q, bullet, cards) in enumerate(rows):
        r = 2 + i
        ws.cell(row=r, column=1, value=g)
        wrap(ws.cell(row=r, column=2, value=q))
        wrap(ws.cell(row=r, column=3, value="\n".join(bullet + c for c in cards)))
        for c in cards:
            t.add(c, None, g)
    widths(ws, A=16, B=40, C=55)
    save(wb, d, "Protokoll Arbeitskreise.xlsx")
    return t


@case
def d06_punkte_als_wort(d: Path) -> Truth:
    t = Truth(
        "Vote column 'Bewertung' typed as words: '3 Punkte', '1 Punkt', '5 Pkt', '2 P.', "
        "'keine', '–' (the last two mean 0).",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Sprache"
    header(ws, 1, ["Karte", "Bewertung"])
    cards = [
        ("Sprachkurse mit Praxisbezug zum Beruf", "3 Punkte", 3),
        ("Mehr Plätze in Alphabetisierungskursen", "5 Pkt", 5),
        ("Deutsch lernen im Sportverein", "1 Punkt", 1),
        ("Wartelisten der Kursträger abgleichen", "keine", 0),
        ("Sprachmittler für Elterngespräche", "2 P.", 2),
        ("Vorlesestunde in der Bücherei auf Deutsch und Arabisch", "–", 0),
        ("Kurse für Frauen am Vormittag", "4 Punkte", 4),
    ]
    put_rows(ws, 2, [[a, b] for a, b, _ in cards])
    for text, _, v in cards:
        t.add(text, v, "AK Sprache")
    widths(ws, A=58, B=12)
    save(wb, d, "Sprache Bewertung.xlsx")
    return t


@case
def d07_punkteblock_nach_kennung(d: Path) -> Truth:
    t = Truth(
        "Cards with card IDs ('W1', 'W2', 'Z1' …) and a separate count block at the right "
        "keyed by those IDs (other order, only cards with dots); IDs are no ideas.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Karten"
    title(ws, 1, "Kartenabfrage mit Punktauszählung", span=6)
    header(ws, 3, ["ID", "Arbeitskreis", "Karte", None, "ID", "Punkte"])
    cards = [
        ("W1", "AK Wohnen", "Wohnberechtigungsschein schneller ausstellen"),
        ("W2", "AK Wohnen", "Makler verlangen zu hohe Provision"),
        ("W3", "AK Wohnen", "Leerstehende Pfarrhäuser umbauen"),
        ("Z1", "AK Zusammenleben", "Begrüßungspaket für neue Nachbarn"),
        ("Z2", "AK Zusammenleben", "Konflikte in der Unterkunft früh schlichten"),
        ("Z3", "AK Zusammenleben", "Gemeinsamer Putztag im Quartier"),
    ]
    votes = {"W1": 6, "W2": 0, "W3": 3, "Z1": 2, "Z2": 5, "Z3": 0}
    put_rows(ws, 4, [list(c) for c in cards])
    block = [("Z2", 5), ("W1", 6), ("Z1", 2), ("W3", 3)]
    put_rows(ws, 4, [list(b) for b in block], first_col=5)
    for cid, g, text in cards:
        t.add(text, votes[cid], g)
    widths(ws, A=5, B=18, C=52, D=3, E=5, F=8)
    save(wb, d, "Karten mit IDs.xlsx")
    return t


@case
def d08_frageblock_verbunden_ueber_spalten(d: Path) -> Truth:
    t = Truth(
        "Two-level header: each Leitfrage merged across its two columns (Karte | Pkt.) in "
        "the row above; three question blocks side by side, of unequal length."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Zusammenleben"
    title(ws, 1, "AK Zusammenleben – Ergebnisse", span=6)
    blocks = [
        (
            1,
            [
                ("Sprachbarriere bei Elternabenden", 4),
                ("Frauen kommen kaum aus der Unterkunft heraus", 3),
                ("Vorurteile auf beiden Seiten", 6),
            ],
        ),
        (
            3,
            [
                ("Ehrenamtliche besser vernetzen", 2),
                ("Kirchen und Moscheegemeinde an einen Tisch holen", 5),
            ],
        ),
        (
            5,
            [
                ("Zuschuss für Begegnungsprojekte der Vereine", 7),
                ("Räume im Rathaus abends öffnen", 1),
                ("Integrationsrat im Kreistag einrichten", 0),
                ("Ehrenamtskarte auch für Geflüchtete", 2),
            ],
        ),
    ]
    for k, (lf, cards) in enumerate(blocks):
        c0 = 1 + 2 * k
        cell = ws.cell(row=2, column=c0, value=LF[lf])
        cell.font = Font(bold=True)
        wrap(cell)
        ws.merge_cells(start_row=2, start_column=c0, end_row=2, end_column=c0 + 1)
        header(ws, 3, ["Karte", "Pkt."], first_col=c0)
        put_rows(ws, 4, [list(c) for c in cards], first_col=c0)
        for text, v in cards:
            t.add(text, v, "AK Zusammenleben")
    widths(ws, A=40, B=6, C=40, D=6, E=40, F=6)
    ws.row_dimensions[2].height = 45
    save(wb, d, "Zusammenleben Ergebnisse.xlsx")
    return t


@case
def d09_legende_unter_tabelle(d: Path) -> Truth:
    t = Truth(
        "Karte | Punkte | Leitfrage, then after an empty row a notes block in the card "
        "column: 'Legende', 'Moderation: …', 'Protokoll: …', 'Anzahl Teilnehmende' with 17 "
        "and 'Klebepunkte pro Person' with 5 in the vote column — none of it cards or votes."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Gesundheit"
    header(ws, 1, ["Karte", "Punkte", "Leitfrage"])
    cards = [
        ("Keine Hausärzte in kleinen Gemeinden", 5, LF[1]),
        ("Fahrten zum Facharzt in die Stadt sind teuer", 3, LF[1]),
        ("Sprechstunde mit Dolmetscher per Video", 4, LF[4]),
        ("Infoabend zum deutschen Gesundheitssystem", 2, LF[4]),
        ("Zuständigkeit für Kosten von Dolmetschern klären", 6, LF[5]),
    ]
    r = put_rows(ws, 2, [list(c) for c in cards])
    r += 1
    ws.cell(row=r, column=1, value="Legende").font = Font(bold=True)
    notes = [
        ["Moderation: Frau Yilmaz (Integrationsbüro), Herr Brandt (Caritas)"],
        ["Protokoll: S. Neumann"],
        ["Anzahl Teilnehmende", 17],
        ["Klebepunkte pro Person", 5],
        ["Punkte = Klebepunkte der Teilnehmenden am Ende der Runde"],
    ]
    put_rows(ws, r + 1, notes)
    for text, v, _ in cards:
        t.add(text, v, "AK Gesundheit")
    widths(ws, A=60, B=8, C=45)
    save(wb, d, "AK Gesundheit Ergebnis.xlsx")
    return t


@case
def d10_kopfzeilen_wiederholt(d: Path) -> Truth:
    t = Truth(
        "Question blocks one below the other: a 'Leitfrage n: …' line, then the header "
        "'Karte | Punkte' REPEATED for every block, empty rows between blocks; the "
        "repeated headers are no ideas."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Bildung"
    title(ws, 1, "AK Bildung – Kartenabfrage 20.10.2016", span=2)
    blocks = [
        (
            1,
            [
                ("Schulplätze werden zu spät zugewiesen", 5),
                ("Zeugnisse aus dem Herkunftsland fehlen", 2),
            ],
        ),
        (2, [("Engagierte Lehrkräfte machen den Unterschied", 4)]),
        (
            4,
            [
                ("Lernwerkstatt in den Ferien", 3),
                ("Elternlotsen für die Schulanmeldung", 6),
                ("Bücherkisten für die Unterkünfte", 0),
            ],
        ),
    ]
    r = 3
    for lf, cards in blocks:
        ws.cell(row=r, column=1, value=f"Leitfrage {lf}: {LF[lf]}").font = Font(italic=True)
        header(ws, r + 1, ["Karte", "Punkte"])
        r = put_rows(ws, r + 2, [list(c) for c in cards])
        for text, v in cards:
            t.add(text, v, "AK Bildung")
        r += 2
    widths(ws, A=60, B=8)
    save(wb, d, "Bildung Kartenabfrage.xlsx")
    return t


@case
def d11_englisch_arabisch(d: Path) -> Truth:
    t = Truth(
        "Cards written by refugees in English and in Arabic script next to German cards; "
        "bilingual headers 'Karte / Card' | 'Punkte / Points'; texts verbatim."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Offene Runde"
    header(ws, 1, ["Karte / Card", "Punkte / Points"])
    cards = [
        ("We need German courses in the evening", 4),
        ("Doctor appointments take too long", 3),
        ("دورات لغة للنساء مع رعاية الأطفال", 5),
        ("نحتاج إلى مترجم عند الطبيب", 2),
        ("Hausarzt nimmt keine neuen Patienten", 0),
        ("Finding a flat is very hard – landlords say no", 6),
        ("العمل أهم شيء بالنسبة لنا", 1),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for text, v in cards:
        t.add(text, v)
    widths(ws, A=55, B=14)
    save(wb, d, "Offene Runde Karten.xlsx")
    return t


@case
def d12_google_csv_komma_bom(d: Path) -> Truth:
    t = Truth(
        "Google-Sheets-style CSV export: comma separator, UTF-8 with BOM, LF line ends; "
        "quoted texts with commas, doubled quotes and a line break inside a card; empty "
        "vote cells for cards without dots; a trailing row of empty fields.",
        null_equals_zero=True,
    )
    rows = [
        ("AK Freizeit", LF[1], "Keine Angebote am Wochenende, vor allem im Winter", "4"),
        ("AK Freizeit", LF[3], 'Sportvereine: "Schnuppertraining" für alle', "3"),
        ("AK Freizeit", LF[4], "Radtour mit Picknick", ""),
        ("AK Gesundheit", LF[1], "Zahnarzt zahlt nur Schmerzbehandlung,\nnicht Vorsorge", "5"),
        ("AK Gesundheit", LF[4], "Bewegungskurse für Frauen", "2"),
        (
            "AK Gesundheit",
            LF[5],
            "Gesundheitskarte, Dolmetscher, Fahrtkosten: alles aus einer Hand",
            "7",
        ),
    ]

    def q(s: str) -> str:
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s

    lines = ["Arbeitskreis,Leitfrage,Karte,Punkte"]
    lines += [",".join(q(x) for x in r) for r in rows]
    lines.append(",,,")
    (d / "Flüchtlingsdialog Karten - Tabellenblatt1.csv").write_bytes(
        ("\n".join(lines) + "\n").encode("utf-8-sig")
    )
    for g, _, text, v in rows:
        t.add(text, int(v) if v else 0, g)
    return t


@case
def d13_ausgeblendete_entwuerfe(d: Path) -> Truth:
    t = Truth(
        "Hidden column 'Entwurf' (earlier wordings) between 'Karte' and 'Punkte', and two "
        "hidden rows with discarded draft cards; hidden content is not ideas."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Arbeit"
    header(ws, 1, ["Karte", "Entwurf", "Punkte"])
    rows = [
        ("Sprachkurs und Praktikum kombinieren", "Sprache + Praktikum?", 5, False),
        ("Arbeitsagentur berät in der Unterkunft", "AA vor Ort", 3, False),
        ("Führerschein als Hürde für Jobs auf dem Land", None, 4, False),
        ("Jobs über Zeitarbeit?? (doppelt, raus)", None, None, True),
        ("Handwerkskammer stellt Ausbildungsbotschafter", "HWK Botschafter", 2, False),
        ("Ehrenamtliche begleiten zu Vorstellungsgesprächen", None, 0, False),
        ("Ausbildung trotz Duldung – ENTWURF, zusammengefasst mit Zeile 4", None, None, True),
        ("Anerkennungsberatung bekannter machen", "Anerkennung", 6, False),
    ]
    for i, (text, draft, v, hidden) in enumerate(rows):
        r = 2 + i
        put_rows(ws, r, [[text, draft, v]])
        if hidden:
            ws.row_dimensions[r].hidden = True
        else:
            t.add(text, v, "AK Arbeit")
    ws.column_dimensions["B"].hidden = True
    widths(ws, A=58, C=8)
    save(wb, d, "AK Arbeit bereinigt.xlsx")
    return t


@case
def d14_numbers_export_uebersicht(d: Path) -> Truth:
    t = Truth(
        "Export from Apple Numbers: a first sheet 'Exportübersicht' (explanatory sentence and "
        "a table of sheet/table names — no cards), then one sheet per Numbers table "
        "('Gesundheit - Tabelle 1', 'Gesundheit - Tabelle 2') with Karte | Punkte."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Exportübersicht"
    ws.cell(row=1, column=1, value="Exportübersicht").font = Font(bold=True, size=14)
    ws.cell(
        row=3,
        column=1,
        value=(
            "Dieses Dokument wurde aus Numbers exportiert. Jede Tabelle wurde in ein "
            "Excel-Arbeitsblatt konvertiert. Alle anderen Objekte auf jedem Numbers-Blatt "
            "wurden auf separate Arbeitsblätter gesetzt. Beachte, dass Formelberechnungen in "
            "Excel abweichen können."
        ),
    )
    header(ws, 5, ["Numbers-Blattname", "Numbers-Tabellenname", "Excel-Arbeitsblattname"])
    put_rows(
        ws,
        6,
        [
            ["Gesundheit", "Tabelle 1", "Gesundheit - Tabelle 1"],
            [None, "Tabelle 2", "Gesundheit - Tabelle 2"],
        ],
    )
    widths(ws, A=22, B=22, C=28)
    tables = {
        "Gesundheit - Tabelle 1": [
            ("Psychosoziale Beratung nur in der Stadt", 4),
            ("Rezepte und Beipackzettel nicht verständlich", 2),
            ("Kinder übersetzen beim Arzt für ihre Eltern", 5),
        ],
        "Gesundheit - Tabelle 2": [
            ("Mehrsprachige Notfallkarte verteilen", 3),
            ("Selbsthilfegruppe für traumatisierte Männer", 1),
            ("Apotheken als Anlaufstelle nutzen", 0),
        ],
    }
    for name, cards in tables.items():
        ws = wb.create_sheet(name)
        header(ws, 1, ["Karte", "Punkte"])
        put_rows(ws, 2, [list(c) for c in cards])
        for text, v in cards:
            t.add(text, v, "AK Gesundheit")
        widths(ws, A=55, B=8)
    save(wb, d, "Gesundheit.xlsx")
    return t


@case
def d15_punkte_gemischt_ods(d: Path) -> Truth:
    t = Truth(
        "ODS; title row, a cell holding only the year 2016 (no card), Karte | Punkte where "
        "the vote column mixes '●●●', 'xxxx', 'III', '2' and an empty cell; a 'Summe' row "
        "with the total.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Freizeit"
    ws.cell(row=1, column=1, value="Flüchtlingsdialog – AK Freizeit und Sport").font = Font(
        bold=True
    )
    ws.cell(row=2, column=1, value=2016)
    header(ws, 4, ["Karte", "Punkte"])
    cards = [
        ("Tanzgruppe für Jugendliche aus aller Welt", "●●●", 3),
        ("Kostenlose Nutzung der Sporthalle am Abend", "xxxx", 4),
        ("Ausflug in den Nationalpark", "III", 3),
        ("Schach-Treff in der Bibliothek", "2", 2),
        ("Theaterprojekt mit der Volkshochschule", None, 0),
        ("Fußballtrainer mit Migrationsgeschichte gewinnen", "●●●●●", 5),
        ("Bolzplatz an der Unterkunft herrichten", "I", 1),
    ]
    r = put_rows(ws, 5, [[a, b] for a, b, _ in cards])
    ws.cell(row=r, column=1, value="Summe").font = Font(bold=True)
    ws.cell(row=r, column=2, value=sum(v for _, _, v in cards)).font = Font(bold=True)
    for text, _, v in cards:
        t.add(text, v, "AK Freizeit und Sport")
    widths(ws, A=55, B=10)
    save(wb, d, "Freizeit Punkte gemischt.ods")
    return t


@case
def d16_xls_kartennummern_notizblatt(d: Path) -> Truth:
    t = Truth(
        "XLS; 'Nr.' holds the pinboard numbers of the cards (3, 7, 8, 12, 15, 21 — not "
        "sequential, not votes) left of 'Karte' | 'Pkt.'; group only in the title; a second "
        "sheet 'Notizen' with moderation notes only (no cards)."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Karten"
    title(ws, 1, "Arbeitskreis Wohnen und Nachbarschaft", span=3)
    header(ws, 3, ["Nr.", "Karte", "Pkt."])
    cards = [
        (3, "Genossenschaften für Geflüchtete öffnen", 4),
        (7, "Sanierungsbedürftige Wohnungen werden teuer vermietet", 6),
        (8, "Wohnungsbesichtigung mit Begleitung", 1),
        (12, "Bürgschaften der Gemeinde für die Kaution", 5),
        (15, "Mülltonnen und Hausordnung in Bildern erklären", 0),
        (21, "Gemeinsame Gärten in der Siedlung anlegen", 2),
    ]
    put_rows(ws, 4, [list(c) for c in cards])
    for _, text, v in cards:
        t.add(text, v, "AK Wohnen und Nachbarschaft")
    widths(ws, A=5, B=55, C=6)
    ws = wb.create_sheet("Notizen")
    put_rows(
        ws,
        1,
        [
            ["Moderation: Herr Okafor, Frau Lindner"],
            ["Protokoll: Integrationsbüro"],
            ["Karten 1, 2, 4–6, 9–11, 13, 14, 16–20 waren doppelt und wurden zusammengelegt"],
            ["Nächstes Treffen", "16.02.2017"],
        ],
    )
    widths(ws, A=70, B=12)
    save(wb, d, "AK Wohnen Nachbarschaft.xls")
    return t


# --------------------------------------------------------------------------- main
def main(argv: list[str]) -> int:
    only = set(argv[1:])
    assert all(fn.__name__.startswith("d") for fn in CASE_FUNCS)  # never touch the c* cases
    return write_cases(CASE_FUNCS, only)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
