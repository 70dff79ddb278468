"""Wild set "cards": workshop-card workbooks typed the way real offices type them.

Written blind — from the data contract (DESIGN.md) and issue 11 only, without reading
flueko's parsing code. Each case becomes its own round folder::

    cases/<case_id>/<file>        the workbook(s) / CSV as an office would hand them over
    cases/<case_id>/truth.json    {"ideas": [{"text", "votes"}], "total_votes", "n_ideas", "notes"}

Conventions of the ground truth

* one card = one idea; ``text`` is the card text verbatim, only whitespace collapsed; votes
  written into the card ("(3 Punkte)", "– 2 Pkt.") are removed from the text;
* ``votes`` is the number of dots the card got; ``null`` where the file has no votes at all;
* ``null_equals_zero: true`` marks cases where a card without dots is typed as an empty cell
  (or is missing from a separate count block): the scorer then accepts 0 or null for it;
* ``group`` (where the source names one) is informational only.

Run:  .venv/bin/python tests/wild_sets/cards/make_cases.py   (needs LibreOffice for ods/xls)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
FIXED_TIME = dt.datetime(2016, 10, 24, 9, 30, 0)
LO_PROFILE = Path(tempfile.gettempdir()) / "flueko_wild_cards_lo_profile"

LF = {
    1: "Wo sind die Probleme in der Praxis?",
    2: "Warum gelingt Integration (nicht)?",
    3: "Was können wir tun, was ist im Einflussbereich der anwesenden Akteure?",
    4: "Welche konkreten Aktivitäten können wir starten?",
    5: "Was können wir den Kommunen vorschlagen?",
}
TITLE = "Kommunaler Flüchtlingsdialog – Auftaktworkshop am 20.10.2016"


def ws_text(s: str) -> str:
    """The truth text: whitespace collapsed, nothing else touched."""
    return re.sub(r"\s+", " ", s).strip()


# --------------------------------------------------------------------------- helpers
class Truth:
    def __init__(self, notes: str, *, null_equals_zero: bool = False):
        self.notes = notes
        self.null_equals_zero = null_equals_zero
        self.ideas: list[dict] = []

    def add(self, text: str, votes: int | None, group: str | None = None) -> None:
        idea = {"text": ws_text(text), "votes": votes}
        if group:
            idea["group"] = group
        self.ideas.append(idea)

    def as_dict(self) -> dict:
        d = {
            "ideas": self.ideas,
            "total_votes": sum(i["votes"] or 0 for i in self.ideas),
            "n_ideas": len(self.ideas),
            "notes": self.notes,
        }
        if self.null_equals_zero:
            d["null_equals_zero"] = True
        return d


def new_wb() -> Workbook:
    wb = Workbook()
    wb.properties.creator = "Integrationsbüro"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.lastModifiedBy = "Integrationsbüro"
    return wb


def put_rows(ws, first_row: int, rows: list[list], first_col: int = 1) -> int:
    """Write rows (None = leave empty); returns the next free row."""
    r = first_row
    for row in rows:
        for j, v in enumerate(row):
            if v is not None:
                ws.cell(row=r, column=first_col + j, value=v)
        r += 1
    return r


def header(ws, row: int, names: list, first_col: int = 1) -> None:
    for j, n in enumerate(names):
        if n is not None:
            c = ws.cell(row=row, column=first_col + j, value=n)
            c.font = Font(bold=True)


def title(ws, row: int, text: str, span: int = 2) -> None:
    c = ws.cell(row=row, column=1, value=text)
    c.font = Font(bold=True, size=13)
    if span > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)


def merge_down(ws, col: int, first: int, last: int, value) -> None:
    ws.cell(row=first, column=col, value=value).alignment = Alignment(
        vertical="top", wrap_text=True
    )
    if last > first:
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def widths(ws, **w) -> None:
    for col, width in w.items():
        ws.column_dimensions[col].width = width


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless (own profile, so parallel sessions don't clash)."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{LO_PROFILE}",
        "--headless",
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        str(src),
    ]
    subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180
    )
    out = outdir / (src.stem + "." + fmt)
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def save(wb: Workbook, case_dir: Path, filename: str) -> None:
    """Save as .xlsx directly, or as .ods/.xls/.xlsx-recalculated via LibreOffice."""
    target = case_dir / filename
    ext = target.suffix.lower()
    if ext == ".xlsx" and not getattr(wb, "_recalc", False):
        wb.save(target)
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src" / (target.stem + ".xlsx")
        src.parent.mkdir()
        wb.save(src)
        out = soffice_convert(src, ext.lstrip("."), Path(tmp) / "out")
        shutil.copyfile(out, target)


# --------------------------------------------------------------------------- cases
CASE_FUNCS = []


def case(fn):
    CASE_FUNCS.append(fn)
    return fn


@case
def c01_pkt_punkt_rechts(d: Path) -> Truth:
    t = Truth("Header 'Pkt.' right of 'Karte'; merged title row + subtitle above the header.")
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    title(ws, 1, TITLE)
    ws.cell(row=2, column=1, value="Arbeitskreis Wohnen – Kartenabfrage")
    header(ws, 4, ["Karte", "Pkt."])
    cards = [
        ("Zu wenig bezahlbarer Wohnraum in den Gemeinden", 7),
        ("Vermieter haben Vorbehalte gegenüber Geflüchteten", 4),
        ("Leerstand in den Ortskernen erfassen und nutzen", 3),
        ("Wohnungsbörse im Landratsamt einrichten", 5),
        ("Umzug aus der Gemeinschaftsunterkunft begleiten", 0),
        ("Mietverträge in einfacher Sprache erklären", 2),
        ("Wohnführerschein für Geflüchtete anbieten", 1),
    ]
    put_rows(ws, 5, [list(c) for c in cards])
    for text, v in cards:
        t.add(text, v, "AK Wohnen")
    widths(ws, A=55, B=8)
    save(wb, d, "AK Wohnen Kartenabfrage.xlsx")
    return t


@case
def c02_pkte_links(d: Path) -> Truth:
    t = Truth("Header 'Pkte' LEFT of 'Beitrag'; group column 'Arbeitskreis' right of the text.")
    wb = new_wb()
    ws = wb.active
    ws.title = "Tabelle1"
    header(ws, 1, ["Pkte", "Beitrag", "Arbeitskreis"])
    cards = [
        (6, "Anerkennung ausländischer Abschlüsse dauert zu lange"),
        (2, "Praktika in Handwerksbetrieben vermitteln"),
        (5, "Arbeitgeber kennen die rechtlichen Möglichkeiten nicht"),
        (3, "Jobbörse mit IHK und HWK organisieren"),
        (0, "Kompetenzfeststellung früh im Asylverfahren"),
        (1, "Mentoring durch Ruheständler aus der Wirtschaft"),
        (4, "Fahrdienste zu Arbeitsstellen im ländlichen Raum"),
    ]
    put_rows(ws, 2, [[v, text, "AK Arbeit"] for v, text in cards])
    for v, text in cards:
        t.add(text, v, "AK Arbeit")
    widths(ws, A=6, B=55, C=14)
    save(wb, d, "Karten_AK_Arbeit.xlsx")
    return t


@case
def c03_pkt_ohne_punkt_gruppenspalte(d: Path) -> Truth:
    t = Truth(
        "Header 'Pkt' (no dot); group column; two groups separated by an empty row; title row."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Karten"
    title(ws, 1, "Ergebnisse der Arbeitskreise", span=3)
    header(ws, 3, ["Arbeitskreis", "Kartentext", "Pkt"])
    g1 = [
        ("Zu lange Wartezeiten auf Integrationskurse", 8),
        ("Sprachpaten für den Alltag vermitteln", 3),
        ("Kinderbetreuung während der Sprachkurse", 5),
        ("Kurse für Analphabeten fehlen", 2),
    ]
    g2 = [
        ("Sportvereine öffnen sich für Geflüchtete", 4),
        ("Vereinsbeiträge für Geflüchtete übernehmen", 1),
        ("Fahrradwerkstatt mit Geflüchteten", 6),
        ("Begegnungscafé am Sonntagnachmittag", 0),
    ]
    r = put_rows(ws, 4, [["AK Sprache", a, b] for a, b in g1])
    put_rows(ws, r + 1, [["AK Freizeit", a, b] for a, b in g2])
    for a, b in g1:
        t.add(a, b, "AK Sprache")
    for a, b in g2:
        t.add(a, b, "AK Freizeit")
    widths(ws, A=14, B=50, C=6)
    save(wb, d, "Arbeitskreise_Karten.xlsx")
    return t


@case
def c04_pkte_punkt_leitfrage_ods(d: Path) -> Truth:
    t = Truth("ODS; header 'Pkte.' right of 'Idee'; 'Leitfrage' column merged over rows.")
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Sprache"
    header(ws, 1, ["Leitfrage", "Idee", "Pkte."])
    blocks = [
        (
            1,
            [
                ("Zu lange Wartezeiten auf Integrationskurse", 6),
                ("Fahrtkosten zu den Kursorten übernehmen", 2),
                ("Sprachniveau B1 reicht für die Ausbildung oft nicht", 3),
            ],
        ),
        (
            4,
            [
                ("Sprachcafé in jeder Gemeinde", 5),
                ("Dolmetscherpool für Behördengänge aufbauen", 4),
                ("Ehrenamtliche Deutschlehrer fortbilden", 1),
                ("Lesepaten in Grundschulen", 0),
            ],
        ),
    ]
    r = 2
    for lf, cards in blocks:
        merge_down(ws, 1, r, r + len(cards) - 1, LF[lf])
        for text, v in cards:
            ws.cell(row=r, column=2, value=text)
            ws.cell(row=r, column=3, value=v)
            t.add(text, v, "AK Sprache")
            r += 1
    widths(ws, A=40, B=50, C=7)
    save(wb, d, "Kartenabfrage_AK_Sprache.ods")
    return t


@case
def c05_pte_nr_xls(d: Path) -> Truth:
    t = Truth(
        "XLS; header 'Pte.' right of 'Vorschlag'; sequential 'Nr.' column left "
        "(must not be read as votes); title row."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Bildung"
    title(ws, 1, "AK Bildung / Ausbildung – Vorschläge", span=3)
    header(ws, 3, ["Nr.", "Vorschlag", "Pte."])
    cards = [
        ("Seiteneinsteiger brauchen Vorbereitungsklassen", 4),
        ("Schulsozialarbeit ausbauen", 6),
        ("Hausaufgabenhilfe durch Ehrenamtliche", 2),
        ("Berufsschulpflicht bis 21 Jahre ausweiten", 9),
        ("Lehrkräfte für Deutsch als Zweitsprache fortbilden", 3),
        ("Elternabende mit Dolmetschern", 0),
        ("Ausbildungsmesse für Geflüchtete", 5),
    ]
    put_rows(ws, 4, [[i + 1, text, v] for i, (text, v) in enumerate(cards)])
    for text, v in cards:
        t.add(text, v, "AK Bildung")
    widths(ws, A=5, B=50, C=6)
    save(wb, d, "AK Bildung Vorschlaege.xls")
    return t


@case
def c06_p_punkt_links_bemerkung(d: Path) -> Truth:
    t = Truth(
        "Header 'P.' left of 'Anmerkung/Text'; a 'Bemerkung' text column with moderator "
        "remarks (not ideas)."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Wohnen"
    header(ws, 1, ["P.", "Anmerkung/Text", "Bemerkung"])
    cards = [
        (3, "Kommunale Wohnungsbaugesellschaft stärker einbinden", None),
        (5, "Anerkannte Flüchtlinge finden keine Wohnung (Fehlbeleger)", "sehr oft genannt"),
        (1, "Nachbarschaftsfeste in neuen Wohngebieten", None),
        (4, "Mietobergrenzen des Jobcenters an Markt anpassen", "Zuständigkeit Kreis"),
        (2, "Ansprechpartner für Vermieter bei Problemen", "ähnlich wie Wohnungsbörse"),
        (0, "Hausordnung mehrsprachig aushängen", None),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for v, text, _ in cards:
        t.add(text, v)
    widths(ws, A=5, B=55, C=28)
    save(wb, d, "wohnen.xlsx")
    return t


@case
def c07_klebepunkte_beitrag_karte(d: Path) -> Truth:
    t = Truth(
        "Header 'Klebepunkte' and text header 'Beitrag / Karte'; two title rows; "
        "Leitfrage merged over rows; empty row between Leitfrage blocks."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Arbeit"
    title(ws, 1, TITLE, span=3)
    ws.cell(row=2, column=1, value="Arbeitskreis Arbeit – Ergebnisse der Kartenabfrage")
    header(ws, 4, ["Leitfrage", "Beitrag / Karte", "Klebepunkte"])
    blocks = [
        (
            1,
            [
                ("Arbeitserlaubnis: Verfahren bei der Ausländerbehörde beschleunigen", 8),
                ("Minijobs führen nicht in feste Beschäftigung", 2),
                ("Betriebe brauchen festen Ansprechpartner bei der Arbeitsagentur", 5),
            ],
        ),
        (
            3,
            [
                ("Berufsbezogene Sprachkurse neben der Arbeit", 4),
                ("Ehrenamtliche Jobbegleiter qualifizieren", 1),
            ],
        ),
        (
            4,
            [
                ("Einstiegsqualifizierung stärker bewerben", 3),
                ("Erfolgsbeispiele von Betrieben öffentlich machen", 6),
                ("3+2-Regelung bekannt machen", 2),
            ],
        ),
    ]
    r = 5
    for lf, cards in blocks:
        merge_down(ws, 1, r, r + len(cards) - 1, LF[lf])
        for text, v in cards:
            ws.cell(row=r, column=2, value=text)
            ws.cell(row=r, column=3, value=v)
            t.add(text, v, "AK Arbeit")
            r += 1
        r += 1
    widths(ws, A=40, B=60, C=12)
    save(wb, d, "Auftakt_AK_Arbeit.xlsx")
    return t


@case
def c08_anzahl_punkte_summe(d: Path) -> Truth:
    t = Truth(
        "Text header 'Nennung', vote header 'Anzahl Punkte', 'Bemerkung' column; totals "
        "row 'Summe' under the votes (not an idea, not votes)."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Freizeit"
    header(ws, 1, ["Nennung", "Anzahl Punkte", "Bemerkung"])
    cards = [
        ("Schwimmkurse für Frauen und Mädchen", 5, None),
        ("Ehrenamt braucht Anerkennung und Fortbildung", 7, "auch AK Sprache"),
        ("Gemeinsames Fußballturnier der Gemeinden", 2, None),
        ("Freizeitangebote auf dem Land schlecht erreichbar", 4, "Busverbindungen!"),
        ("Interkulturelles Kochen im Gemeindehaus", 1, None),
        ("Jugendtreffs mehrsprachig bewerben", 0, None),
    ]
    r = put_rows(ws, 2, [list(c) for c in cards])
    ws.cell(row=r, column=1, value="Summe").font = Font(bold=True)
    ws.cell(row=r, column=2, value=sum(c[1] for c in cards)).font = Font(bold=True)
    for text, v, _ in cards:
        t.add(text, v)
    widths(ws, A=50, B=14, C=22)
    save(wb, d, "AK Freizeit - Nennungen.xlsx")
    return t


@case
def c09_stimmen_blatt_je_gruppe(d: Path) -> Truth:
    t = Truth(
        "One sheet per group (sheet name = group); text header 'Ideen der Gruppe', vote "
        "header 'Stimmen'; title row on each sheet."
    )
    wb = new_wb()
    sheets = {
        "AK Wohnen": [
            ("Dezentrale Unterbringung statt Sammelunterkünfte", 6),
            ("Kirchengemeinden als Vermittler für Wohnraum gewinnen", 3),
            ("Sozialen Wohnungsbau im Kreis wieder aufnehmen", 4),
        ],
        "AK Arbeit": [
            ("Praktika in Handwerksbetrieben vermitteln", 5),
            ("Jobbörse mit IHK und HWK organisieren", 2),
            ("Mentoring durch Ruheständler aus der Wirtschaft", 0),
            ("Anerkennung ausländischer Abschlüsse dauert zu lange", 9),
        ],
        "AK Sprache": [
            ("Frauenkurse mit Kinderbetreuung", 7),
            ("Übersetzungs-App in den Ämtern nutzen", 1),
            ("Sprachkurse auch abends und am Wochenende", 4),
        ],
    }
    first = True
    for name, cards in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name
        title(ws, 1, f"{name} – Ergebnisse")
        header(ws, 2, ["Ideen der Gruppe", "Stimmen"])
        put_rows(ws, 3, [list(c) for c in cards])
        for text, v in cards:
            t.add(text, v, name)
        widths(ws, A=55, B=9)
    save(wb, d, "Ergebnisse je Arbeitskreis.xlsx")
    return t


@case
def c10_votes_englisch_ods(d: Path) -> Truth:
    t = Truth("ODS; English vote header 'Votes' right of 'Karte'; group column 'Gruppe' left.")
    wb = new_wb()
    ws = wb.active
    ws.title = "Cards"
    header(ws, 1, ["Gruppe", "Karte", "Votes"])
    cards = [
        ("AK Bildung", "Kita-Plätze für Flüchtlingskinder fehlen", 8),
        ("AK Bildung", "Bildungsberatung für junge Erwachsene über 18", 3),
        ("AK Bildung", "Schulbücher und Material gebraucht sammeln", 1),
        ("AK Freizeit", "Mitfahrbörse für Ausflüge organisieren", 2),
        ("AK Freizeit", "Ehrenamtskoordination im Landratsamt verstetigen", 6),
        ("AK Freizeit", "Gärten: Gemeinschaftsgarten anlegen", 0),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for g, text, v in cards:
        t.add(text, v, g)
    widths(ws, A=12, B=50, C=7)
    save(wb, d, "workshop_cards.ods")
    return t


@case
def c11_bewertung_punkte_links(d: Path) -> Truth:
    t = Truth(
        "Vote header 'Bewertung (Punkte)' LEFT of 'Vorschlag' (must not make it a rating "
        "sheet); Leitfrage repeated in every row."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Vorschläge an Kommunen"
    header(ws, 1, ["Bewertung (Punkte)", "Vorschlag", "Leitfrage"])
    cards = [
        (9, "Mietobergrenzen des Jobcenters an Markt anpassen"),
        (4, "Ehrenamtskoordination im Landratsamt verstetigen"),
        (6, "Leerstand in den Ortskernen erfassen und nutzen"),
        (2, "Vereinsbeiträge für Geflüchtete übernehmen"),
        (0, "Hausordnung mehrsprachig aushängen"),
        (3, "Dolmetscherpool für Behördengänge aufbauen"),
    ]
    put_rows(ws, 2, [[v, text, LF[5]] for v, text in cards])
    for v, text in cards:
        t.add(text, v)
    widths(ws, A=10, B=50, C=40)
    save(wb, d, "Vorschlaege_Kommunen.xlsx")
    return t


@case
def c12_raute_kopf(d: Path) -> Truth:
    t = Truth("Vote header '#' right of 'Idee' (values not sequential); title row.")
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Freizeit"
    title(ws, 1, "AK Freizeit – Ideensammlung")
    header(ws, 2, ["Idee", "#"])
    cards = [
        ("Sportvereine öffnen sich für Geflüchtete", 5),
        ("Musikprojekt „Klänge der Welt“ an der Musikschule", 3),
        ("Fahrradwerkstatt mit Geflüchteten", 0),
        ("Begegnungscafé am Sonntagnachmittag", 7),
        ("Schwimmkurse für Frauen und Mädchen", 2),
        ("Interkulturelles Kochen im Gemeindehaus", 2),
        ("Mitfahrbörse für Ausflüge organisieren", 1),
    ]
    put_rows(ws, 3, [list(c) for c in cards])
    for text, v in cards:
        t.add(text, v, "AK Freizeit")
    widths(ws, A=55, B=5)
    save(wb, d, "Freizeit_Ideen.xlsx")
    return t


@case
def c13_prioritaet_punkte_moderation_xls(d: Path) -> Truth:
    t = Truth(
        "XLS; vote header 'Priorität (Punkte)'; text header 'Kartentext'; a 'Moderator/in' "
        "notes column (not ideas)."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Sprache"
    header(ws, 1, ["Kartentext", "Priorität (Punkte)", "Moderator/in"])
    cards = [
        ("Kinderbetreuung während der Sprachkurse", 6, "wichtigster Punkt der Runde"),
        ("Sprachpaten für den Alltag vermitteln", 4, None),
        ("Online-Lernangebote bekannt machen", 1, "Nachfrage: welche Angebote?"),
        ("Ehrenamtliche Deutschlehrer fortbilden", 3, None),
        ("Kurse für Analphabeten fehlen", 5, "Volkshochschule fragen"),
        ("Lesepaten in Grundschulen", 0, None),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for text, v, _ in cards:
        t.add(text, v)
    widths(ws, A=50, B=12, C=30)
    save(wb, d, "AK Sprache Karten.xls")
    return t


@case
def c14_leerer_kopf_rechts_nr(d: Path) -> Truth:
    t = Truth(
        "Vote column with EMPTY header right next to 'Karte'; sequential 'Nr.' column left "
        "(must not be votes).",
        null_equals_zero=False,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Karten"
    header(ws, 1, ["Nr.", "Karte", None])
    cards = [
        ("Elterncafé an Grundschulen einrichten", 4),
        ("Schulsozialarbeit ausbauen", 7),
        ("Kita-Eingewöhnung mehrsprachig begleiten", 0),
        ("Hausaufgabenhilfe durch Ehrenamtliche", 3),
        ("Ausbildungsmesse für Geflüchtete", 2),
        ("Seiteneinsteiger brauchen Vorbereitungsklassen", 1),
        ("Elternabende mit Dolmetschern", 5),
    ]
    put_rows(ws, 2, [[i + 1, text, v] for i, (text, v) in enumerate(cards)])
    for text, v in cards:
        t.add(text, v)
    widths(ws, A=5, B=50, C=5)
    save(wb, d, "Karten Bildung.xlsx")
    return t


@case
def c15_leerer_kopf_links_leitfrage(d: Path) -> Truth:
    t = Truth(
        "Vote column with EMPTY header LEFT next to 'Beitrag'; Leitfrage column right; title row."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    title(ws, 1, "AK Wohnen", span=3)
    header(ws, 2, [None, "Beitrag", "Leitfrage"])
    rows = [
        (5, "Zu wenig bezahlbarer Wohnraum in den Gemeinden", LF[1]),
        (2, "Vermieter haben Vorbehalte gegenüber Geflüchteten", LF[1]),
        (0, "Mülltrennung erklären – Infoblatt in 6 Sprachen", LF[3]),
        (3, "Ansprechpartner für Vermieter bei Problemen", LF[3]),
        (6, "Wohnungsbörse im Landratsamt einrichten", LF[4]),
        (1, "Nachbarschaftsfeste in neuen Wohngebieten", LF[4]),
    ]
    put_rows(ws, 3, [list(r) for r in rows])
    for v, text, _ in rows:
        t.add(text, v, "AK Wohnen")
    widths(ws, A=4, B=50, C=45)
    save(wb, d, "AK_Wohnen.xlsx")
    return t


@case
def c16_strichliste_xls(d: Path) -> Truth:
    t = Truth(
        "XLS; votes as tallies ('IIII', 'IIIII II', 'IIIII IIIII I') under 'Punkte'; "
        "cards without dots have an empty cell.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Arbeit"
    title(ws, 1, "AK Arbeit – Punktabfrage")
    header(ws, 3, ["Karte", "Punkte"])
    cards = [
        ("Anerkennung ausländischer Abschlüsse dauert zu lange", "IIIII IIIII I", 11),
        ("Praktika in Handwerksbetrieben vermitteln", "IIII", 4),
        ("Fahrdienste zu Arbeitsstellen im ländlichen Raum", "IIIII II", 7),
        ("Unternehmerfrühstück „Ausbildung & Integration“", "II", 2),
        ("Kompetenzfeststellung früh im Asylverfahren", None, 0),
        ("Einstiegsqualifizierung stärker bewerben", "I", 1),
        ("Berufsbezogene Sprachkurse neben der Arbeit", "IIIII", 5),
    ]
    put_rows(ws, 4, [[text, raw] for text, raw, _ in cards])
    for text, _, v in cards:
        t.add(text, v, "AK Arbeit")
    widths(ws, A=55, B=16)
    save(wb, d, "Punktabfrage AK Arbeit.xls")
    return t


@case
def c17_punktsymbole_links(d: Path) -> Truth:
    t = Truth("Votes as dot symbols ('●●●', '•••') under 'Klebepunkte', LEFT of 'Kartentext'.")
    wb = new_wb()
    ws = wb.active
    ws.title = "Sprache"
    header(ws, 1, ["Klebepunkte", "Kartentext"])
    cards = [
        ("●●●", "Sprachcafé in jeder Gemeinde", 3),
        ("●●●●●●", "Zu lange Wartezeiten auf Integrationskurse", 6),
        ("•••", "Dolmetscherpool für Behördengänge aufbauen", 3),
        ("●", "Übersetzungs-App in den Ämtern nutzen", 1),
        ("••••", "Frauenkurse mit Kinderbetreuung", 4),
        ("●●", "Fahrtkosten zu den Kursorten übernehmen", 2),
    ]
    put_rows(ws, 2, [[raw, text] for raw, text, _ in cards])
    for _, text, v in cards:
        t.add(text, v)
    widths(ws, A=14, B=50)
    save(wb, d, "Sprache_Punkte.xlsx")
    return t


@case
def c18_kreuze_ods(d: Path) -> Truth:
    t = Truth("ODS; votes as crosses ('xxx', 'XX', 'x') under 'Pkt.' right of 'Idee'.")
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Bildung"
    header(ws, 1, ["Idee", "Pkt."])
    cards = [
        ("Elterncafé an Grundschulen einrichten", "xxx", 3),
        ("Kita-Plätze für Flüchtlingskinder fehlen", "XX", 2),
        ("Übergang Schule – Ausbildung begleiten", "xxxxx", 5),
        ("Lehrkräfte für Deutsch als Zweitsprache fortbilden", "x", 1),
        ("Bildungsberatung für junge Erwachsene über 18", "XXXX", 4),
    ]
    put_rows(ws, 2, [[text, raw] for text, raw, _ in cards])
    for text, _, v in cards:
        t.add(text, v, "AK Bildung")
    widths(ws, A=50, B=8)
    save(wb, d, "Bildung_Kreuze.ods")
    return t


@case
def c19_punkte_im_text_klammer(d: Path) -> Truth:
    t = Truth(
        "No vote column: votes written into the card text as '(3 Punkte)' / '(1 Punkt)'; "
        "idea text is without the vote part; other numbers and parentheses in the text "
        "stay; a card without a vote part has 0 dots.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Bildung"
    header(ws, 1, ["Arbeitskreis", "Karte"])
    cards = [
        ("Elterncafé einrichten (3 Punkte)", "Elterncafé einrichten", 3),
        (
            "Hausaufgabenhilfe durch Ehrenamtliche (1 Punkt)",
            "Hausaufgabenhilfe durch Ehrenamtliche",
            1,
        ),
        (
            "Kita-Plätze für Flüchtlingskinder fehlen (5 Punkte)",
            "Kita-Plätze für Flüchtlingskinder fehlen",
            5,
        ),
        (
            "Berufsschulpflicht bis 21 Jahre ausweiten (2 Punkte)",
            "Berufsschulpflicht bis 21 Jahre ausweiten",
            2,
        ),
        (
            "Bildungsberatung (auch für über 18-Jährige) (4 Punkte)",
            "Bildungsberatung (auch für über 18-Jährige)",
            4,
        ),
        (
            "Schulbücher und Material gebraucht sammeln",
            "Schulbücher und Material gebraucht sammeln",
            0,
        ),
    ]
    put_rows(ws, 2, [["AK Bildung", raw] for raw, _, _ in cards])
    for _, text, v in cards:
        t.add(text, v, "AK Bildung")
    widths(ws, A=14, B=60)
    save(wb, d, "Bildung_Karten.xlsx")
    return t


@case
def c20_punkte_im_text_strich(d: Path) -> Truth:
    t = Truth(
        "No vote column: votes appended as '– 2 Pkt.', '- 4 Pkt', ': 3 Punkte', '(5 P.)'; "
        "text without the vote part and its separator."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Sprache"
    title(ws, 1, "AK Sprache – Karten mit Punkten")
    header(ws, 2, ["Beitrag"])
    cards = [
        ("Sprachpaten – 2 Pkt.", "Sprachpaten", 2),
        ("Sprachcafé in jeder Gemeinde - 4 Pkt", "Sprachcafé in jeder Gemeinde", 4),
        ("Kurse für Analphabeten fehlen (5 P.)", "Kurse für Analphabeten fehlen", 5),
        (
            "Dolmetscherpool für Behördengänge aufbauen: 3 Punkte",
            "Dolmetscherpool für Behördengänge aufbauen",
            3,
        ),
        (
            "Fahrtkosten zu den Kursorten übernehmen – 1 Punkt",
            "Fahrtkosten zu den Kursorten übernehmen",
            1,
        ),
        (
            "Sprachniveau B1 reicht für die Ausbildung oft nicht – 6 Pkt.",
            "Sprachniveau B1 reicht für die Ausbildung oft nicht",
            6,
        ),
    ]
    put_rows(ws, 3, [[raw] for raw, _, _ in cards])
    for _, text, v in cards:
        t.add(text, v)
    widths(ws, A=65)
    save(wb, d, "AK Sprache.xlsx")
    return t


@case
def c21_punkteblock_daneben(d: Path) -> Truth:
    t = Truth(
        "Card list (Nr. | Karte) with the dots counted in a separate block beside it "
        "(Nr. | Punkte, other order); card numbers must not become ideas."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    title(ws, 1, "AK Wohnen – Karten und Punktauszählung", span=5)
    header(ws, 3, ["Nr.", "Karte", None, "Nr.", "Punkte"])
    cards = [
        "Zu wenig bezahlbarer Wohnraum in den Gemeinden",
        "Netzwerk „Wohnungspaten“ gründen",
        "Leerstand in den Ortskernen erfassen und nutzen",
        "Umzug aus der Gemeinschaftsunterkunft begleiten",
        "Wohnführerschein für Geflüchtete anbieten",
        "Kirchengemeinden als Vermittler für Wohnraum gewinnen",
        "Sozialen Wohnungsbau im Kreis wieder aufnehmen",
    ]
    votes = {1: 8, 2: 5, 3: 2, 4: 0, 5: 3, 6: 1, 7: 4}
    put_rows(ws, 4, [[i + 1, text] for i, text in enumerate(cards)])
    order = [2, 1, 7, 5, 3, 6, 4]
    put_rows(ws, 4, [[n, votes[n]] for n in order], first_col=4)
    for i, text in enumerate(cards):
        t.add(text, votes[i + 1], "AK Wohnen")
    widths(ws, A=5, B=52, C=3, D=5, E=8)
    save(wb, d, "AK Wohnen Auszaehlung.xlsx")
    return t


@case
def c22_punkteblock_darunter(d: Path) -> Truth:
    t = Truth(
        "Card list, then a separate count block BELOW ('Auszählung Klebepunkte': Karte Nr. "
        "| Punkte, only cards with dots, with a 'Summe' row); card numbers are no ideas; "
        "cards missing from the block have 0 dots.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Arbeit"
    header(ws, 1, ["Nr.", "Kartentext", "Leitfrage"])
    cards = [
        ("Arbeitgeber kennen die rechtlichen Möglichkeiten nicht", LF[1]),
        ("Minijobs führen nicht in feste Beschäftigung", LF[1]),
        ("Jobbörse mit IHK und HWK organisieren", LF[4]),
        ("Mentoring durch Ruheständler aus der Wirtschaft", LF[4]),
        ("Erfolgsbeispiele von Betrieben öffentlich machen", LF[4]),
        ("Arbeitserlaubnis: Verfahren bei der Ausländerbehörde beschleunigen", LF[5]),
    ]
    votes = {1: 4, 2: 0, 3: 6, 4: 2, 5: 0, 6: 9}
    r = put_rows(ws, 2, [[i + 1, text, lf] for i, (text, lf) in enumerate(cards)])
    r += 2
    ws.cell(row=r, column=1, value="Auszählung Klebepunkte").font = Font(bold=True)
    header(ws, r + 1, ["Karte Nr.", "Punkte"])
    counted = [(n, v) for n, v in votes.items() if v]
    r = put_rows(ws, r + 2, [[n, v] for n, v in counted])
    ws.cell(row=r, column=1, value="Summe")
    ws.cell(row=r, column=2, value=sum(v for _, v in counted))
    for i, (text, _) in enumerate(cards):
        t.add(text, votes[i + 1])
    widths(ws, A=10, B=60, C=45)
    save(wb, d, "Arbeit Karten + Auszaehlung.xlsx")
    return t


@case
def c23_typografie_leerzeichen(d: Path) -> Truth:
    t = Truth(
        "Typographic characters „…“ ‚…‘ – … — must survive verbatim; leading/trailing and "
        "double spaces are only collapsed."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    header(ws, 1, ["Karte", "Punkte"])
    cards = [
        ("Netzwerk „Wohnungspaten“ gründen", 6),
        ("Projekt ‚Sprachbrücke‘ fortführen", 3),
        ("  Behördenbriefe verstehen … oft unmöglich", 4),
        ("„Willkommen“ heißt auch: Ämter öffnen länger ", 2),
        ("Kita – Schule – Beruf:  Übergänge begleiten", 5),
        ("Patenschaften ‚auf Augenhöhe‘ …", 1),
        ("Mehr Geld fürs Ehrenamt — nicht nur Dank", 0),
        ("Infoabend „Arbeiten in Deutschland“ – mit IHK", 3),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for text, v in cards:
        t.add(text, v, "AK Wohnen")
    widths(ws, A=55, B=8)
    save(wb, d, "Typografie.xlsx")
    return t


@case
def c24_moderationsspalten_fusszeile(d: Path) -> Truth:
    t = Truth(
        "Extra columns Nr., Moderator/in, Bemerkung around 'Karte' | 'Punkte'; empty rows "
        "between blocks; a footnote under the table (not an idea)."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Freizeit"
    header(ws, 1, ["Nr.", "Karte", "Punkte", "Moderator/in", "Bemerkung"])
    block1 = [
        ("Sportvereine öffnen sich für Geflüchtete", 6, "Karte doppelt", None),
        ("Vereinsbeiträge für Geflüchtete übernehmen", 3, None, "Kosten klären"),
        ("Fahrradwerkstatt mit Geflüchteten", 2, None, None),
    ]
    block2 = [
        ("Gemeinsames Fußballturnier der Gemeinden", 1, None, "Termin im Sommer"),
        ("Begegnungscafé am Sonntagnachmittag", 5, "aus Gruppe 2", None),
        ("Ehrenamt braucht Anerkennung und Fortbildung", 4, None, None),
    ]
    r, n = 2, 1
    for block in (block1, block2):
        for text, v, mod, bem in block:
            put_rows(ws, r, [[n, text, v, mod, bem]])
            t.add(text, v, "AK Freizeit")
            r += 1
            n += 1
        r += 1
    ws.cell(row=r + 1, column=1, value="Stand: 24.10.2016, abgetippt vom Integrationsbüro")
    widths(ws, A=5, B=50, C=8, D=18, E=18)
    save(wb, d, "Freizeit Karten getippt.xlsx")
    return t


@case
def c25_formel_gesamt(d: Path) -> Truth:
    t = Truth(
        "Totals row 'Gesamt' (label in the group column) with a real =SUM formula "
        "(recalculated by LibreOffice so the value is cached); not an idea, not votes."
    )
    wb = new_wb()
    wb._recalc = True
    ws = wb.active
    ws.title = "Karten"
    title(ws, 1, TITLE, span=3)
    header(ws, 3, ["AK", "Karte", "Punkte"])
    cards = [
        ("AK Sprache", "Sprachkurse auch abends und am Wochenende", 5),
        ("AK Sprache", "Kinderbetreuung während der Sprachkurse", 8),
        ("AK Sprache", "Lesepaten in Grundschulen", 2),
        ("AK Bildung", "Schulsozialarbeit ausbauen", 6),
        ("AK Bildung", "Elternabende mit Dolmetschern", 1),
        ("AK Bildung", "Übergang Schule – Ausbildung begleiten", 3),
    ]
    r = put_rows(ws, 4, [list(c) for c in cards])
    ws.cell(row=r, column=1, value="Gesamt").font = Font(bold=True)
    ws.cell(row=r, column=3, value=f"=SUM(C4:C{r - 1})").font = Font(bold=True)
    for g, text, v in cards:
        t.add(text, v, g)
    widths(ws, A=12, B=50, C=8)
    save(wb, d, "Karten_gesamt.xlsx")
    return t


@case
def c26_csv_utf8_bom(d: Path) -> Truth:
    t = Truth(
        "CSV, semicolon, UTF-8 with BOM, CRLF; columns Arbeitskreis;Leitfrage;Karte;Punkte; "
        "a quoted text containing a semicolon."
    )
    rows = [
        ("AK Wohnen", LF[1], "Zu wenig bezahlbarer Wohnraum in den Gemeinden", 7),
        ("AK Wohnen", LF[4], "Netzwerk „Wohnungspaten“ gründen", 4),
        ("AK Wohnen", LF[4], "Wohnungsbörse im Landratsamt einrichten; auch online", 3),
        ("AK Arbeit", LF[1], "Anerkennung ausländischer Abschlüsse dauert zu lange", 6),
        ("AK Arbeit", LF[3], "Praktika in Handwerksbetrieben vermitteln", 2),
        ("AK Arbeit", LF[5], "Fahrdienste zu Arbeitsstellen im ländlichen Raum", 0),
    ]

    def q(s):
        s = str(s)
        return '"' + s.replace('"', '""') + '"' if (";" in s or '"' in s) else s

    lines = ["Arbeitskreis;Leitfrage;Karte;Punkte"]
    lines += [";".join(q(x) for x in r) for r in rows]
    (d / "karten_export.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    for g, _, text, v in rows:
        t.add(text, v, g)
    return t


@case
def c27_csv_cp1252(d: Path) -> Truth:
    t = Truth(
        "CSV, semicolon, Windows-1252 (typographic „“ – … encoded in cp1252); columns "
        "Nr.;Beitrag;Pkt."
    )
    rows = [
        ("Sprachpaten für den Alltag vermitteln", 3),
        ("Projekt ‚Sprachbrücke‘ fortführen", 5),
        ("Behördenbriefe verstehen … oft unmöglich", 2),
        ("Infoabend „Arbeiten in Deutschland“ – mit IHK", 4),
        ("Frauenkurse mit Kinderbetreuung", 1),
    ]
    lines = ["Nr.;Beitrag;Pkt."] + [f"{i + 1};{a};{b}" for i, (a, b) in enumerate(rows)]
    (d / "Sprache Beitraege.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    for text, v in rows:
        t.add(text, v)
    return t


@case
def c28_blaetter_gemischt_xls(d: Path) -> Truth:
    t = Truth(
        "XLS; one sheet per group, each typed differently: 'Karte|Punkte', 'Pkt.|Beitrag' "
        "(votes left), 'Idee|Pkte' with tallies.",
        null_equals_zero=False,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    header(ws, 1, ["Karte", "Punkte"])
    c1 = [
        ("Dezentrale Unterbringung statt Sammelunterkünfte", 4),
        ("Mietverträge in einfacher Sprache erklären", 2),
        ("Hausordnung mehrsprachig aushängen", 1),
    ]
    put_rows(ws, 2, [list(c) for c in c1])
    for text, v in c1:
        t.add(text, v, "AK Wohnen")
    ws = wb.create_sheet("AK Arbeit")
    header(ws, 1, ["Pkt.", "Beitrag"])
    c2 = [
        (5, "Jobbörse mit IHK und HWK organisieren"),
        (3, "Ehrenamtliche Jobbegleiter qualifizieren"),
        (0, "Minijobs führen nicht in feste Beschäftigung"),
        (7, "Betriebe brauchen festen Ansprechpartner bei der Arbeitsagentur"),
    ]
    put_rows(ws, 2, [list(c) for c in c2])
    for v, text in c2:
        t.add(text, v, "AK Arbeit")
    ws = wb.create_sheet("AK Freizeit")
    header(ws, 1, ["Idee", "Pkte"])
    c3 = [
        ("Schwimmkurse für Frauen und Mädchen", "IIII", 4),
        ("Musikprojekt „Klänge der Welt“ an der Musikschule", "II", 2),
        ("Jugendtreffs mehrsprachig bewerben", "IIIII I", 6),
    ]
    put_rows(ws, 2, [[a, b] for a, b, _ in c3])
    for text, _, v in c3:
        t.add(text, v, "AK Freizeit")
    save(wb, d, "Workshop Ergebnisse alle AK.xls")
    return t


@case
def c29_leitfrage_zwischenzeilen(d: Path) -> Truth:
    t = Truth(
        "Leitfragen as merged section rows inside the card list ('Leitfrage 1: …'); they "
        "are headings, not ideas."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Sprache"
    header(ws, 1, ["Karte", "Punkte"])
    blocks = [
        (
            1,
            [
                ("Zu lange Wartezeiten auf Integrationskurse", 9),
                ("Kurse für Analphabeten fehlen", 3),
            ],
        ),
        (
            2,
            [
                ("Sprachkurse auch abends und am Wochenende", 2),
                ("Kinderbetreuung während der Sprachkurse", 5),
            ],
        ),
        (
            4,
            [
                ("Sprachcafé in jeder Gemeinde", 4),
                ("Lesepaten in Grundschulen", 1),
                ("Online-Lernangebote bekannt machen", 0),
            ],
        ),
    ]
    r = 2
    for lf, cards in blocks:
        c = ws.cell(row=r, column=1, value=f"Leitfrage {lf}: {LF[lf]}")
        c.font = Font(bold=True, italic=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        r += 1
        for text, v in cards:
            put_rows(ws, r, [[text, v]])
            t.add(text, v, "AK Sprache")
            r += 1
    widths(ws, A=60, B=8)
    save(wb, d, "AK Sprache nach Leitfragen.xlsx")
    return t


@case
def c30_gruppe_und_frage_verbunden(d: Path) -> Truth:
    t = Truth("'Arbeitskreis' AND 'Leitfrage' both merged over several rows; 'Karte' | 'Stimmen'.")
    wb = new_wb()
    ws = wb.active
    ws.title = "Ergebnisse"
    title(ws, 1, TITLE, span=4)
    header(ws, 2, ["Arbeitskreis", "Leitfrage", "Karte", "Stimmen"])
    data = {
        "AK Bildung": [
            (
                1,
                [
                    ("Kita-Plätze für Flüchtlingskinder fehlen", 6),
                    ("Seiteneinsteiger brauchen Vorbereitungsklassen", 3),
                ],
            ),
            (
                5,
                [
                    ("Schulsozialarbeit ausbauen", 4),
                    ("Berufsschulpflicht bis 21 Jahre ausweiten", 2),
                    ("Kita-Eingewöhnung mehrsprachig begleiten", 0),
                ],
            ),
        ],
        "AK Freizeit": [
            (
                3,
                [
                    ("Ehrenamtskoordination im Landratsamt verstetigen", 5),
                    ("Freizeitangebote auf dem Land schlecht erreichbar", 2),
                ],
            ),
            (
                4,
                [
                    ("Gärten: Gemeinschaftsgarten anlegen", 1),
                    ("Interkulturelles Kochen im Gemeindehaus", 3),
                ],
            ),
        ],
    }
    r = 3
    for group, blocks in data.items():
        g_first = r
        for lf, cards in blocks:
            merge_down(ws, 2, r, r + len(cards) - 1, LF[lf])
            for text, v in cards:
                ws.cell(row=r, column=3, value=text)
                ws.cell(row=r, column=4, value=v)
                t.add(text, v, group)
                r += 1
        merge_down(ws, 1, g_first, r - 1, group)
    widths(ws, A=14, B=40, C=50, D=9)
    save(wb, d, "Ergebnisse Workshop.xlsx")
    return t


@case
def c31_leere_punktzellen(d: Path) -> Truth:
    t = Truth(
        "'Karte' | 'Punkte' where cards without dots are left EMPTY (0 or null accepted).",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Arbeit"
    header(ws, 1, ["Karte", "Punkte"])
    cards = [
        ("Anerkennung ausländischer Abschlüsse dauert zu lange", 5),
        ("Kompetenzfeststellung früh im Asylverfahren", None),
        ("Mentoring durch Ruheständler aus der Wirtschaft", 2),
        ("Berufsbezogene Sprachkurse neben der Arbeit", None),
        ("Unternehmerfrühstück „Ausbildung & Integration“", 3),
        ("Einstiegsqualifizierung stärker bewerben", None),
        ("Erfolgsbeispiele von Betrieben öffentlich machen", 1),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for text, v in cards:
        t.add(text, v or 0, "AK Arbeit")
    widths(ws, A=55, B=8)
    save(wb, d, "AK Arbeit Punkte.xlsx")
    return t


@case
def c32_ohne_punkte(d: Path) -> Truth:
    t = Truth("Cards without any vote column (Leitfrage | Karte): votes are null, total 0.")
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    title(ws, 1, "AK Wohnen – Karten (keine Punktabfrage)")
    header(ws, 2, ["Leitfrage", "Karte"])
    rows = [
        (LF[2], "Vermieter haben Vorbehalte gegenüber Geflüchteten"),
        (LF[2], "Anerkannte Flüchtlinge finden keine Wohnung (Fehlbeleger)"),
        (LF[3], "Kirchengemeinden als Vermittler für Wohnraum gewinnen"),
        (LF[3], "Mietverträge in einfacher Sprache erklären"),
        (LF[5], "Sozialen Wohnungsbau im Kreis wieder aufnehmen"),
    ]
    put_rows(ws, 3, [list(r) for r in rows])
    for _, text in rows:
        t.add(text, None, "AK Wohnen")
    widths(ws, A=45, B=55)
    save(wb, d, "Wohnen_ohne_Punkte.xlsx")
    return t


@case
def c33_zahlen_als_text(d: Path) -> Truth:
    t = Truth(
        "Votes typed as TEXT cells ('3', ' 2', '0') under 'Punkte'; 'Summe' totals row "
        "in the text column."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "Bildung"
    header(ws, 1, ["Beitrag", "Punkte"])
    cards = [
        ("Elterncafé an Grundschulen einrichten", "3", 3),
        ("Hausaufgabenhilfe durch Ehrenamtliche", " 2", 2),
        ("Ausbildungsmesse für Geflüchtete", "4", 4),
        ("Schulbücher und Material gebraucht sammeln", "0", 0),
        ("Übergang Schule – Ausbildung begleiten", "6", 6),
    ]
    r = put_rows(ws, 2, [[a, b] for a, b, _ in cards])
    ws.cell(row=r, column=1, value="Summe")
    ws.cell(row=r, column=2, value=15)
    for text, _, v in cards:
        t.add(text, v)
    widths(ws, A=50, B=8)
    save(wb, d, "Bildung Beiträge.xlsx")
    return t


@case
def c34_spalten_je_leitfrage(d: Path) -> Truth:
    t = Truth(
        "Pinboard typed side by side: one text column per Leitfrage (full question as "
        "header) each followed by its own 'Pkt.' column; columns of unequal length."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Wohnen"
    title(ws, 1, "AK Wohnen – Pinnwand", span=4)
    header(ws, 2, [LF[1], "Pkt.", LF[4], "Pkt."])
    left = [
        ("Zu wenig bezahlbarer Wohnraum in den Gemeinden", 6),
        ("Vermieter haben Vorbehalte gegenüber Geflüchteten", 3),
        ("Anerkannte Flüchtlinge finden keine Wohnung (Fehlbeleger)", 2),
    ]
    right = [
        ("Netzwerk „Wohnungspaten“ gründen", 5),
        ("Wohnungsbörse im Landratsamt einrichten", 4),
        ("Wohnführerschein für Geflüchtete anbieten", 1),
        ("Leerstand in den Ortskernen erfassen und nutzen", 0),
    ]
    put_rows(ws, 3, [list(c) for c in left])
    put_rows(ws, 3, [list(c) for c in right], first_col=3)
    for text, v in left + right:
        t.add(text, v, "AK Wohnen")
    widths(ws, A=45, B=6, C=45, D=6)
    save(wb, d, "Pinnwand AK Wohnen.xlsx")
    return t


@case
def c35_punkteblock_ods(d: Path) -> Truth:
    t = Truth(
        "ODS; card list ('Karte Nr.' | 'Idee') and a count block to the right after two "
        "empty columns ('Nr.' | 'Pkt.', only cards with dots); titles above both; "
        "card numbers are no ideas.",
        null_equals_zero=True,
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Freizeit"
    ws.cell(row=1, column=1, value="AK Freizeit – Karten").font = Font(bold=True)
    ws.cell(row=1, column=5, value="Punkte je Karte").font = Font(bold=True)
    header(ws, 2, ["Karte Nr.", "Idee"])
    header(ws, 2, ["Nr.", "Pkt."], first_col=5)
    cards = [
        "Begegnungscafé am Sonntagnachmittag",
        "Fahrradwerkstatt mit Geflüchteten",
        "Vereinsbeiträge für Geflüchtete übernehmen",
        "Mitfahrbörse für Ausflüge organisieren",
        "Musikprojekt „Klänge der Welt“ an der Musikschule",
        "Gemeinsames Fußballturnier der Gemeinden",
    ]
    votes = {1: 4, 2: 0, 3: 7, 4: 1, 5: 0, 6: 3}
    put_rows(ws, 3, [[i + 1, text] for i, text in enumerate(cards)])
    put_rows(ws, 3, [[n, v] for n, v in sorted(votes.items()) if v], first_col=5)
    for i, text in enumerate(cards):
        t.add(text, votes[i + 1], "AK Freizeit")
    widths(ws, A=9, B=50, E=5, F=6)
    save(wb, d, "Freizeit Karten.ods")
    return t


@case
def c36_bemerkung_zwischen_text_und_punkten(d: Path) -> Truth:
    t = Truth(
        "'Bemerkung' text column BETWEEN 'Kartentext' and 'Punkte' (vote column not "
        "adjacent to the text); Bemerkung is no idea."
    )
    wb = new_wb()
    ws = wb.active
    ws.title = "AK Sprache"
    header(ws, 1, ["Kartentext", "Bemerkung", "Punkte"])
    cards = [
        ("Dolmetscherpool für Behördengänge aufbauen", "mit Landratsamt klären", 6),
        ("Sprachpaten für den Alltag vermitteln", None, 4),
        ("Ehrenamtliche Deutschlehrer fortbilden", "Angebot VHS vorhanden", 2),
        ("Übersetzungs-App in den Ämtern nutzen", None, 0),
        ("Frauenkurse mit Kinderbetreuung", "zwei Karten zusammengefasst", 5),
    ]
    put_rows(ws, 2, [list(c) for c in cards])
    for text, _, v in cards:
        t.add(text, v, "AK Sprache")
    widths(ws, A=50, B=28, C=8)
    save(wb, d, "Sprache Karten mit Bemerkung.xlsx")
    return t


# --------------------------------------------------------------------------- main
def write_cases(case_funcs: list, only: set[str]) -> int:
    """Write the cases of ``case_funcs`` (all, or those named in ``only``) with their truth."""
    CASES.mkdir(exist_ok=True)
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    n = 0
    for fn in case_funcs:
        if only and fn.__name__ not in only:
            continue
        d = CASES / fn.__name__
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        truth = fn(d).as_dict()
        (d / "truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        n += 1
        print(f"{fn.__name__}: {truth['n_ideas']} ideas, {truth['total_votes']} votes")
    print(f"{n} cases written to {CASES}")
    return 0


def main(argv: list[str]) -> int:
    only = set(argv[1:])
    if not only and CASES.exists():
        shutil.rmtree(CASES)
    return write_cases(CASE_FUNCS, only)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
