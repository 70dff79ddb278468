#!/usr/bin/env python3
"""Blind "wild set" of rating sheets and measure/cost plans, with ground truth.

Written from the data contract (ARCHITECTURE.md) and issue 11 only, without reading
flueko's parsing code. Each case is ``cases/<case_id>/<file>`` plus ``truth.json``.

Run:  .venv/bin/python tests/wild_sets/ratings/make_cases.py      (re-creates cases/)

Conventions of the ground truth (stated once here, repeated in each truth's "notes"):

* Titles are the cell text with whitespace collapsed (contract: only whitespace is
  normalised), typographic characters kept verbatim.
* ``n_raters`` of a measure = distinct raters who gave at least one readable value for it.
  ``raters`` = distinct raters of the whole case.
* Medians are plain medians over the raters who gave a value (even count -> mean of the two
  middle values), on the scale as typed: 1-5 stays 1-5, 1-10 stays 1-10 (no rescaling).
  Symbols ``++ + o - --`` -> 5 4 3 2 1. Verbal ``hoch / mittel / niedrig|gering`` -> 3 2 1
  (a 1-3 scale), case-insensitive. Effort is not inverted.
* Costs in EUR: a single amount -> cost_min = cost_max; a range -> its ends; ``3 x 120`` ->
  product; ``T€``/``Tsd.`` -> x1000, ``Mio.`` -> x1e6; free (kostenlos, keine, 0 €,
  ehrenamtlich) -> 0/0; unknown (empty, offen, k.A., noch unklar, free text) -> null/null.
  Amounts per period (``200 € / Monat``, ``p.a.``, ``jährlich``, ``pro Termin``) are
  reported as written for one period (no annualising); the truth notes say so.
* ``unparsed``: cells that must appear in ingest_log.csv (file, cell) because a value was
  typed that cannot be read as a cost. ``unknown_explicit``: cells that say "unknown" in so
  many words (offen, k.A., noch unklar); logging them is allowed but not required.
* Rows like "Mittelwert", "Durchschnitt", "Ø ...", "Summe", legends, title rows and header
  rows are neither measures nor ratings.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter as colname

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"

TITLES = [
    "Wohnraumbörse einrichten",
    "Sprachpatenschaften ausbauen",
    "Netzwerk „Wohnungspaten“ gründen",
    "Jobbörse für Geflüchtete durchführen",
    "Hausaufgabenhilfe an Grundschulen",
    "Sprachkurse mit Kinderbetreuung anbieten",
    "Dolmetscherpool aufbauen",
    "Praktikumsplätze bei Handwerksbetrieben vermitteln",
    "Anerkennung ausländischer Abschlüsse beschleunigen",
    "Arbeitgeberfrühstück mit IHK und HWK",
    "Mentoring-Programm Ausbildung starten",
    "Elterncafé in Kitas einrichten",
    "Übergang Schule–Beruf begleiten",
    "Bildungslotsen qualifizieren",
    "Sportvereine öffnen – Beitragsfreiheit im ersten Jahr",
    "Interkulturelles Stadtfest veranstalten",
    "Fahrradwerkstatt mit Ehrenamtlichen",
    "Begegnungscafé im Gemeindehaus",
    "Gesundheitslotsen ausbilden",
    "Psychosoziale Beratung ausbauen",
    "Informationsmappe Arztbesuch mehrsprachig",
    "Ehrenamtskoordination im Landkreis stärken",
    "Willkommensmappe für Neuzugewanderte",
    "Integrationsbeirat einrichten",
    "Runder Tisch Integration je Kommune",
    "Fortbildung interkulturelle Kompetenz für die Verwaltung",
    "ÖPNV-Ticket für Sprachkursteilnehmende",
    "Fahrdienst zu Behördenterminen organisieren",
    "Leerstandskataster der Gemeinden erstellen",
    "Mietschuldenberatung anbieten",
    "Ansprechpartner Wohnen im Landratsamt benennen",
    "Umzugshilfe aus Gemeinschaftsunterkünften organisieren",
    "Sprachcafé in jeder Gemeinde",
    "Berufsbezogene Deutschkurse bündeln",
    "Einstiegsqualifizierung bei Betrieben bekannt machen",
    "Ferienprogramm für Kinder aus Unterkünften",
    "Online-Plattform Ehrenamt & Integration",
    "Berufsschulklassen für Zugewanderte erweitern",
    "Kleiderkammer und Möbellager zusammenlegen",
    "Lernwerkstatt für Jugendliche (15–21 J.)",
]

FIELDS = ["Wohnen", "Sprache", "Arbeit", "Bildung", "Freizeit", "Gesundheit", "Gesellschaft"]
RESP = [
    "LRA",
    "Jobcenter",
    "Kommunen",
    "Ehrenamtskreis",
    "VHS",
    "Caritas",
    "IHK / HWK",
    "Integrationsbeauftragte",
    "Kreisjugendamt",
]
TIMES = [
    "ab sofort",
    "Q1/2017",
    "2017",
    "bis Ende 2017",
    "laufend",
    "Frühjahr 2017",
    "2017/2018",
    "nach Förderzusage",
]

SYM = {5: "++", 4: "+", 3: "o", 2: "-", 1: "--"}
VERB3 = {3: "hoch", 2: "mittel", 1: "niedrig"}

COMMON_NOTES = (
    "titles whitespace-collapsed, verbatim otherwise; n_raters = raters with >=1 "
    "readable value; medians over given values on the scale as typed; cost null = "
    "unknown"
)


def norm(text: str) -> str:
    return " ".join(text.split())


def pick(start: int, n: int) -> list[str]:
    return [TITLES[(start + k) % len(TITLES)] for k in range(n)]


# --------------------------------------------------------------------------- rating model
class Ratings:
    """Integer ratings (rater x measure x criterion), deterministic from a seed."""

    def __init__(self, titles, raters, seed, lo=1, hi=5):
        rng = random.Random(seed)
        self.titles, self.raters, self.lo, self.hi = list(titles), list(raters), lo, hi
        self.v: dict[tuple[int, int, str], int | None] = {}
        spread = max(1, (hi - lo) // 4)
        for i in range(len(self.titles)):
            base = {"impact": rng.randint(lo, hi), "effort": rng.randint(lo, hi)}
            for j in range(len(self.raters)):
                for crit in ("impact", "effort"):
                    x = base[crit] + rng.randint(-spread, spread)
                    self.v[i, j, crit] = min(hi, max(lo, x))

    def get(self, i, j, crit):
        return self.v[i, j, crit]

    def drop(self, i, j, crit=None):
        for c in [crit] if crit else ["impact", "effort"]:
            self.v[i, j, c] = None

    def col_mean(self, j, crit):
        xs = [self.v[i, j, crit] for i in range(len(self.titles)) if self.v[i, j, crit] is not None]
        return round(sum(xs) / len(xs), 2)

    def row_mean(self, i, crit):
        xs = [self.v[i, j, crit] for j in range(len(self.raters)) if self.v[i, j, crit] is not None]
        return round(sum(xs) / len(xs), 1)

    def all_mean(self, crit):
        xs = [x for (i, j, c), x in self.v.items() if c == crit and x is not None]
        return round(sum(xs) / len(xs), 2)

    def truth(self, costs=None):
        out = []
        for i, t in enumerate(self.titles):
            imp = [
                self.v[i, j, "impact"]
                for j in range(len(self.raters))
                if self.v[i, j, "impact"] is not None
            ]
            eff = [
                self.v[i, j, "effort"]
                for j in range(len(self.raters))
                if self.v[i, j, "effort"] is not None
            ]
            n = sum(
                1
                for j in range(len(self.raters))
                if self.v[i, j, "impact"] is not None or self.v[i, j, "effort"] is not None
            )
            cmin, cmax = costs[i] if costs else (None, None)
            out.append(
                {
                    "title": norm(t),
                    "n_raters": n,
                    "impact_median": float(statistics.median(imp)) if imp else None,
                    "effort_median": float(statistics.median(eff)) if eff else None,
                    "cost_min": cmin,
                    "cost_max": cmax,
                }
            )
        return out


def rating_truth(R: Ratings, files, notes, costs=None, scale="1-5", **extra):
    measures = R.truth(costs)
    raters = sum(
        1
        for j in range(len(R.raters))
        if any(R.v[i, j, c] is not None for i in range(len(R.titles)) for c in ("impact", "effort"))
    )
    t = {
        "kind": "ratings",
        "files": files,
        "scale": scale,
        "n_measures": len(measures),
        "measures": measures,
        "raters": raters,
        "unparsed": [],
        "unknown_explicit": [],
        "notes": notes + " | " + COMMON_NOTES,
    }
    t.update(extra)
    return t


# --------------------------------------------------------------------------- writing helpers
def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{prof}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    out = outdir / (src.stem + "." + fmt)
    if not out.exists():
        raise RuntimeError(f"soffice did not write {out}")
    return out


def save(wb: Workbook, case_dir: Path, filename: str) -> str:
    """Save as xlsx, or via LibreOffice as .ods/.xls (the file an office would send)."""
    ext = filename.rsplit(".", 1)[1]
    if ext == "xlsx":
        wb.save(case_dir / filename)
        return filename
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (filename.rsplit(".", 1)[0] + ".xlsx")
        wb.save(src)
        out = soffice_convert(src, ext, Path(tmp))
        shutil.move(str(out), case_dir / filename)
    return filename


def put(ws, row, col, value):
    ws.cell(row=row, column=col, value=value)


def wide_header(ws, R: Ratings, row, col, crit_labels, mode):
    """Criterion header in ``row`` over one column per rater, rater names in ``row + 1``.

    mode: merged | repeated | first (criterion only above the block's first column).
    Returns {crit: first column}.
    """
    starts = {}
    n = len(R.raters)
    for k, (crit, label) in enumerate(zip(("impact", "effort"), crit_labels, strict=True)):
        c0 = col + k * n
        starts[crit] = c0
        if mode == "merged":
            put(ws, row, c0, label)
            ws.merge_cells(start_row=row, start_column=c0, end_row=row, end_column=c0 + n - 1)
        elif mode == "repeated":
            for j in range(n):
                put(ws, row, c0 + j, label)
        elif mode == "first":
            put(ws, row, c0, label)
        for j, r in enumerate(R.raters):
            put(ws, row + 1, c0 + j, r)
    return starts


def wide_values(ws, R: Ratings, row0, starts, fmt=lambda x: x, missing=None):
    for i in range(len(R.titles)):
        for crit, c0 in starts.items():
            for j in range(len(R.raters)):
                x = R.get(i, j, crit)
                if x is None:
                    if missing is not None:
                        put(ws, row0 + i, c0 + j, missing)
                else:
                    put(ws, row0 + i, c0 + j, fmt(x))


# --------------------------------------------------------------------------- cases
CASES = []


def case(case_id, what):
    def deco(fn):
        CASES.append((case_id, what, fn))
        return fn

    return deco


# ---------- class A: rating sheets ------------------------------------------------------------
@case("R01_long_basic", "long form Maßnahme|Bewerter/in|Wirkung|Aufwand, 6x4, numeric 1-5")
def r01(d):
    R = Ratings(pick(0, 6), ["Jobcenter", "LRA", "Caritas", "VHS"], seed=101)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    for c, h in enumerate(["Maßnahme", "Bewerter/in", "Wirkung", "Aufwand"], 1):
        put(ws, 1, c, h)
    r = 2
    for i, t in enumerate(R.titles):
        for j, rater in enumerate(R.raters):
            put(ws, r, 1, t)
            put(ws, r, 2, rater)
            put(ws, r, 3, R.get(i, j, "impact"))
            put(ws, r, 4, R.get(i, j, "effort"))
            r += 1
    f = save(wb, d, "bewertung_lang.xlsx")
    return rating_truth(R, [f], "plain long form, one row per rater x measure")


@case(
    "R02_long_titles_rater_blocks",
    "long form under 2 title rows, Nr. column, blocks per "
    "rater separated by empty rows, rater = person (institution), Mittelwert row at bottom",
)
def r02(d):
    raters = ["Hr. Becker (Jobcenter)", "Fr. Yilmaz (Caritas)", "IHK", "HWK", "Agentur für Arbeit"]
    R = Ratings(pick(6, 7), raters, seed=102)
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    put(ws, 1, 1, "Vertiefungsworkshop „Arbeit und Ausbildung“ – Bewertung der Maßnahmen")
    put(ws, 2, 1, "Landratsamt, 23.11.2016")
    for c, h in enumerate(["Nr.", "Maßnahme", "Institution", "Wirkung (1-5)", "Aufwand (1-5)"], 1):
        put(ws, 4, c, h)
    r = 5
    for j, rater in enumerate(R.raters):
        for i, t in enumerate(R.titles):
            put(ws, r, 1, i + 1)
            put(ws, r, 2, t)
            put(ws, r, 3, rater)
            put(ws, r, 4, R.get(i, j, "impact"))
            put(ws, r, 5, R.get(i, j, "effort"))
            r += 1
        r += 1  # empty row between rater blocks
    put(ws, r, 2, "Mittelwert")
    put(ws, r, 4, R.all_mean("impact"))
    put(ws, r, 5, R.all_mean("effort"))
    f = save(wb, d, "AK_Arbeit_Bewertung.xlsx")
    return rating_truth(
        R,
        [f],
        "header in row 4; Nr. is the measure number, not a rating; "
        "the Mittelwert row is no measure; raters typed with person names "
        "(only their count is expected)",
    )


@case(
    "R03_long_symbols_ods",
    "long form with symbol scale ++ + o - --, legend row under the data, .ods via LibreOffice",
)
def r03(d):
    R = Ratings(pick(12, 5), ["Diakonie", "Stadt", "Ehrenamtskreis"], seed=103)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    for c, h in enumerate(["Maßnahme", "Bewertet von", "Wirkung", "Aufwand"], 1):
        put(ws, 1, c, h)
    r = 2
    for i, t in enumerate(R.titles):
        for j, rater in enumerate(R.raters):
            put(ws, r, 1, t)
            put(ws, r, 2, rater)
            put(ws, r, 3, SYM[R.get(i, j, "impact")])
            put(ws, r, 4, SYM[R.get(i, j, "effort")])
            r += 1
    put(ws, r + 1, 1, "Legende: ++ sehr hoch, + hoch, o mittel, - gering, -- sehr gering")
    f = save(wb, d, "bewertung_symbole.ods")
    return rating_truth(
        R,
        [f],
        "symbols ++ + o - -- mapped to 5 4 3 2 1; legend row is no measure",
        scale="symbols->1-5",
    )


@case(
    "R04_wide_merged_issue",
    "issue's matrix form: 'Wirkung (1-5)'/'Aufwand (1-5)' merged over "
    "4 rater columns, raters in 2nd header row, 15 measures, Mittelwert row",
)
def r04(d):
    R = Ratings(pick(0, 15), ["Jobcenter", "LRA", "Caritas", "VHS"], seed=104)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    put(ws, 1, 1, "Maßnahme")
    ws.merge_cells("A1:A2")
    starts = wide_header(ws, R, 1, 2, ("Wirkung (1-5)", "Aufwand (1-5)"), "merged")
    for i, t in enumerate(R.titles):
        put(ws, 3 + i, 1, t)
    wide_values(ws, R, 3, starts)
    r = 3 + len(R.titles)
    put(ws, r, 1, "Mittelwert")
    for crit, c0 in starts.items():
        for j in range(len(R.raters)):
            put(ws, r, c0 + j, R.col_mean(j, crit))
    f = save(wb, d, "Bewertung_Vertiefung.xlsx")
    return rating_truth(
        R,
        [f],
        "criterion merged over rater columns; header rows and Mittelwert row are no measures",
    )


@case(
    "R05_wide_merged_titles_cost",
    "merged matrix below title+scale rows, Nr. and Maßnahme "
    "merged over both header rows, cost column 'Kosten (ca.)' with money idioms",
)
def r05(d):
    R = Ratings(pick(28, 8), ["LRA", "Stadt", "Diakonie"], seed=105)
    cost_cells = [
        "ca. 500,- €",
        "1.200 €",
        None,
        "2.000–3.000 €",
        "kostenlos",
        "750,-",
        "5 T€",
        "k.A.",
    ]
    costs = [
        (500.0, 500.0),
        (1200.0, 1200.0),
        (None, None),
        (2000.0, 3000.0),
        (0.0, 0.0),
        (750.0, 750.0),
        (5000.0, 5000.0),
        (None, None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "AK Wohnen"
    put(ws, 1, 1, "Bewertung der Maßnahmen – AK Wohnen")
    put(ws, 2, 1, "Skala: 1 = sehr gering, 5 = sehr hoch")
    put(ws, 4, 1, "Nr.")
    ws.merge_cells("A4:A5")
    put(ws, 4, 2, "Maßnahme")
    ws.merge_cells("B4:B5")
    starts = wide_header(ws, R, 4, 3, ("Wirkung (1-5)", "Aufwand (1-5)"), "merged")
    cc = 3 + 2 * len(R.raters)
    put(ws, 4, cc, "Kosten (ca.)")
    ws.merge_cells(start_row=4, start_column=cc, end_row=5, end_column=cc)
    for i, t in enumerate(R.titles):
        put(ws, 6 + i, 1, i + 1)
        put(ws, 6 + i, 2, t)
        if cost_cells[i] is not None:
            put(ws, 6 + i, cc, cost_cells[i])
    wide_values(ws, R, 6, starts)
    k_a = f"{colname(cc)}{6 + 7}"
    f = save(wb, d, "bewertung_wohnen.xlsx")
    return rating_truth(
        R,
        [f],
        "cost column per measure; k.A. and empty = unknown",
        costs=costs,
        unknown_explicit=[{"file": f, "sheet": "AK Wohnen", "cell": k_a}],
    )


@case(
    "R06_wide_repeated_xls",
    "criterion label repeated over every rater column, raters in "
    "row 2, Mittelwert row with AVERAGE formulas, .xls via LibreOffice",
)
def r06(d):
    R = Ratings(pick(16, 10), ["Jobcenter", "LRA", "Caritas", "VHS"], seed=106)
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    put(ws, 1, 1, "Maßnahme")
    starts = wide_header(ws, R, 1, 2, ("Wirkung (1-5)", "Aufwand (1-5)"), "repeated")
    for i, t in enumerate(R.titles):
        put(ws, 3 + i, 1, t)
    wide_values(ws, R, 3, starts)
    r = 3 + len(R.titles)
    put(ws, r, 1, "Mittelwert")
    for c0 in starts.values():
        for j in range(len(R.raters)):
            c = colname(c0 + j)
            put(ws, r, c0 + j, f"=AVERAGE({c}3:{c}{r - 1})")
    f = save(wb, d, "bewertung_matrix.xls")
    return rating_truth(
        R,
        [f],
        "criterion repeated per column; Mittelwert row holds formulas "
        "(computed by LibreOffice) and is no measure",
    )


@case(
    "R07_wide_first_only",
    "criterion written only above the first column of its block "
    "(no merge), raters in row 2, Durchschnitt row",
)
def r07(d):
    R = Ratings(
        pick(20, 9), ["Jobcenter", "Ausländerbehörde", "Ehrenamtskreis", "Kreisjugendamt"], seed=107
    )
    wb = Workbook()
    ws = wb.active
    ws.title = "Priorisierung"
    put(ws, 1, 1, "Maßnahme")
    starts = wide_header(ws, R, 1, 2, ("Wirkung", "Aufwand"), "first")
    for i, t in enumerate(R.titles):
        put(ws, 3 + i, 1, t)
    wide_values(ws, R, 3, starts)
    r = 3 + len(R.titles)
    put(ws, r, 1, "Durchschnitt")
    for crit, c0 in starts.items():
        for j in range(len(R.raters)):
            put(ws, r, c0 + j, R.col_mean(j, crit))
    f = save(wb, d, "priorisierung.xlsx")
    return rating_truth(
        R, [f], "criterion only in first column of each block; Durchschnitt row is no measure"
    )


@case(
    "R08_wide_rater_over_criteria",
    "rater merged over a Wirkung|Aufwand pair, criteria in row 2 (interleaved)",
)
def r08(d):
    R = Ratings(pick(4, 8), ["Jobcenter", "LRA", "Caritas"], seed=108)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    put(ws, 1, 1, "Maßnahme")
    ws.merge_cells("A1:A2")
    for j, rater in enumerate(R.raters):
        c = 2 + 2 * j
        put(ws, 1, c, rater)
        ws.merge_cells(start_row=1, start_column=c, end_row=1, end_column=c + 1)
        put(ws, 2, c, "Wirkung")
        put(ws, 2, c + 1, "Aufwand")
    for i, t in enumerate(R.titles):
        put(ws, 3 + i, 1, t)
        for j in range(len(R.raters)):
            put(ws, 3 + i, 2 + 2 * j, R.get(i, j, "impact"))
            put(ws, 3 + i, 3 + 2 * j, R.get(i, j, "effort"))
    f = save(wb, d, "bewertung_je_institution.xlsx")
    return rating_truth(R, [f], "rater in row 1 merged over its two criterion columns")


@case(
    "R09_combined_headers",
    "one header row 'Wirkung LRA', 'Wirkung Jobcenter', …, "
    "'Aufwand LRA', …, title row + empty row above",
)
def r09(d):
    R = Ratings(pick(32, 7), ["LRA", "Jobcenter", "VHS"], seed=109)
    wb = Workbook()
    ws = wb.active
    ws.title = "Sprache"
    put(ws, 1, 1, "Priorisierung – Ergebnis Vertiefungsworkshop Sprache")
    put(ws, 3, 1, "Maßnahme")
    n = len(R.raters)
    for j, rater in enumerate(R.raters):
        put(ws, 3, 2 + j, f"Wirkung {rater}")
        put(ws, 3, 2 + n + j, f"Aufwand {rater}")
    for i, t in enumerate(R.titles):
        put(ws, 4 + i, 1, t)
    wide_values(ws, R, 4, {"impact": 2, "effort": 2 + n})
    f = save(wb, d, "priorisierung_sprache.xlsx")
    return rating_truth(R, [f], "combined criterion+rater headers in one row")


@case(
    "R10_combined_reversed_mean_cols_ods",
    "'LRA Wirkung', 'LRA Aufwand', … interleaved per "
    "rater, plus 'Ø Wirkung'/'Ø Aufwand' mean columns, .ods",
)
def r10(d):
    R = Ratings(pick(22, 6), ["LRA", "Caritas", "Integrationsbeirat", "Jobcenter"], seed=110)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    put(ws, 1, 1, "Maßnahme")
    for j, rater in enumerate(R.raters):
        put(ws, 1, 2 + 2 * j, f"{rater} Wirkung")
        put(ws, 1, 3 + 2 * j, f"{rater} Aufwand")
    mc = 2 + 2 * len(R.raters)
    put(ws, 1, mc, "Ø Wirkung")
    put(ws, 1, mc + 1, "Ø Aufwand")
    for i, t in enumerate(R.titles):
        put(ws, 2 + i, 1, t)
        for j in range(len(R.raters)):
            put(ws, 2 + i, 2 + 2 * j, R.get(i, j, "impact"))
            put(ws, 2 + i, 3 + 2 * j, R.get(i, j, "effort"))
        put(ws, 2 + i, mc, R.row_mean(i, "impact"))
        put(ws, 2 + i, mc + 1, R.row_mean(i, "effort"))
    f = save(wb, d, "bewertung_kombiniert.ods")
    return rating_truth(
        R, [f], "rater-first combined headers; the Ø (mean) columns are derived, not a rater"
    )


@case(
    "R11_sheet_per_rater",
    "one sheet per rater (sheet name = rater), 4 sheets x 12 measures (issue: gave 48 measures)",
)
def r11(d):
    R = Ratings(pick(8, 12), ["Jobcenter", "LRA", "Caritas", "VHS"], seed=111)
    wb = Workbook()
    wb.remove(wb.active)
    for j, rater in enumerate(R.raters):
        ws = wb.create_sheet(rater)
        for c, h in enumerate(["Maßnahme", "Wirkung", "Aufwand"], 1):
            put(ws, 1, c, h)
        for i, t in enumerate(R.titles):
            put(ws, 2 + i, 1, t)
            put(ws, 2 + i, 2, R.get(i, j, "impact"))
            put(ws, 2 + i, 3, R.get(i, j, "effort"))
    f = save(wb, d, "bewertungsboegen.xlsx")
    return rating_truth(R, [f], "sheet name is the rater; same 12 measures on every sheet")


@case(
    "R12_sheet_per_rater_1_10_xls",
    "one sheet per rater with title rows, scale 1-10, plus an "
    "'Anleitung' sheet of instructions, .xls",
)
def r12(d):
    R = Ratings(pick(13, 8), ["Diakonie", "Stadt", "Kreisjugendamt"], seed=112, lo=1, hi=10)
    wb = Workbook()
    ws0 = wb.active
    ws0.title = "Anleitung"
    put(ws0, 1, 1, "Bitte bewerten Sie jede Maßnahme nach Wirkung und Aufwand.")
    put(ws0, 2, 1, "Skala von 1 (sehr gering) bis 10 (sehr hoch).")
    put(ws0, 3, 1, "Rückgabe bis 30.11.2016 an das Integrationsbüro.")
    for j, rater in enumerate(R.raters):
        ws = wb.create_sheet(rater)
        put(ws, 1, 1, "Bewertungsbogen Vertiefungsworkshop Bildung")
        for c, h in enumerate(["Maßnahme", "Wirkung (1-10)", "Aufwand (1-10)"], 1):
            put(ws, 3, c, h)
        for i, t in enumerate(R.titles):
            put(ws, 4 + i, 1, t)
            put(ws, 4 + i, 2, R.get(i, j, "impact"))
            put(ws, 4 + i, 3, R.get(i, j, "effort"))
    f = save(wb, d, "boegen_bildung.xls")
    return rating_truth(
        R,
        [f],
        "1-10 scale kept as typed; the Anleitung sheet is no rater and no measure",
        scale="1-10",
    )


@case(
    "R13_long_verbal_legend_above",
    "long form with hoch/mittel/niedrig, legend row above the header",
)
def r13(d):
    R = Ratings(pick(24, 5), ["VHS", "Jobcenter", "Caritas"], seed=113, lo=1, hi=3)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    put(ws, 1, 1, "Bewertung: hoch = 3, mittel = 2, niedrig = 1")
    for c, h in enumerate(["Maßnahme", "Bewerter/in", "Wirkung", "Aufwand"], 1):
        put(ws, 3, c, h)
    r = 4
    for i, t in enumerate(R.titles):
        for j, rater in enumerate(R.raters):
            put(ws, r, 1, t)
            put(ws, r, 2, rater)
            put(ws, r, 3, VERB3[R.get(i, j, "impact")])
            put(ws, r, 4, VERB3[R.get(i, j, "effort")])
            r += 1
    f = save(wb, d, "bewertung_verbal.xlsx")
    return rating_truth(R, [f], "verbal hoch/mittel/niedrig -> 3/2/1", scale="verbal->1-3")


@case(
    "R14_wide_verbal_merged",
    "merged matrix with verbal values Hoch/mittel/gering in mixed case, no legend",
)
def r14(d):
    R = Ratings(pick(30, 6), ["LRA", "Jobcenter", "Ehrenamtskreis"], seed=114, lo=1, hi=3)
    words = {3: ["hoch", "Hoch"], 2: ["mittel", "Mittel"], 1: ["gering", "Gering"]}
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    put(ws, 1, 1, "Maßnahme")
    ws.merge_cells("A1:A2")
    starts = wide_header(ws, R, 1, 2, ("Wirkung", "Aufwand"), "merged")
    for i, t in enumerate(R.titles):
        put(ws, 3 + i, 1, t)
    k = [0]

    def fmt(x):
        k[0] += 1
        return words[x][k[0] % 2]

    wide_values(ws, R, 3, starts, fmt=fmt)
    f = save(wb, d, "wirkung_aufwand.xlsx")
    return rating_truth(
        R, [f], "verbal hoch/mittel/gering (any case) -> 3/2/1", scale="verbal->1-3"
    )


@case(
    "R15_combined_symbols_cost_legend",
    "combined headers 'Wirkung Jobcenter'… with symbols, cost column, legend row under the data",
)
def r15(d):
    R = Ratings(pick(2, 6), ["Jobcenter", "Caritas", "Stadt"], seed=115)
    cost_cells = ["300", 1500, "ca. 500,- €", None, "2 x 400 €", "siehe oben"]
    costs = [
        (300.0, 300.0),
        (1500.0, 1500.0),
        (500.0, 500.0),
        (None, None),
        (800.0, 800.0),
        (None, None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    put(ws, 1, 1, "Maßnahme")
    put(ws, 1, 2, "Kosten (EUR)")
    n = len(R.raters)
    for j, rater in enumerate(R.raters):
        put(ws, 1, 3 + j, f"Wirkung {rater}")
        put(ws, 1, 3 + n + j, f"Aufwand {rater}")
    for i, t in enumerate(R.titles):
        put(ws, 2 + i, 1, t)
        if cost_cells[i] is not None:
            put(ws, 2 + i, 2, cost_cells[i])
    wide_values(ws, R, 2, {"impact": 3, "effort": 3 + n}, fmt=lambda x: SYM[x])
    r = 2 + len(R.titles) + 1
    put(ws, r, 1, "++ = sehr hoch, + = hoch, o = mittel, - = gering, -- = sehr gering")
    f = save(wb, d, "bewertung_symbole_kosten.xlsx")
    return rating_truth(
        R,
        [f],
        "symbols -> 5..1; legend row is no measure; 'siehe oben' cost "
        "is unreadable (logged, unknown)",
        costs=costs,
        scale="symbols->1-5",
        unparsed=[{"file": f, "sheet": "Bewertung", "cell": "B7"}],
    )


@case(
    "R16_long_merged_titles_1_10",
    "long form, measure title and cost merged vertically over "
    "the rater rows, headers 'Wirkung (1–10)' with en dash",
)
def r16(d):
    R = Ratings(pick(35, 5), ["LRA", "Jobcenter", "Caritas", "VHS"], seed=116, lo=1, hi=10)
    cost_cells = ["ca. 2.500 €", "800,- €", None, "kostenlos", "1.000–1.500 €"]
    costs = [(2500.0, 2500.0), (800.0, 800.0), (None, None), (0.0, 0.0), (1000.0, 1500.0)]
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    for c, h in enumerate(
        ["Maßnahme", "Bewerter/in", "Wirkung (1–10)", "Aufwand (1–10)", "Kosten"], 1
    ):
        put(ws, 1, c, h)
    n = len(R.raters)
    for i, t in enumerate(R.titles):
        r0 = 2 + i * n
        put(ws, r0, 1, t)
        ws.merge_cells(start_row=r0, start_column=1, end_row=r0 + n - 1, end_column=1)
        if cost_cells[i] is not None:
            put(ws, r0, 5, cost_cells[i])
        ws.merge_cells(start_row=r0, start_column=5, end_row=r0 + n - 1, end_column=5)
        for j, rater in enumerate(R.raters):
            put(ws, r0 + j, 2, rater)
            put(ws, r0 + j, 3, R.get(i, j, "impact"))
            put(ws, r0 + j, 4, R.get(i, j, "effort"))
    f = save(wb, d, "bewertung_verbunden.xlsx")
    return rating_truth(
        R, [f], "title/cost only in the merged top cell of each block", costs=costs, scale="1-10"
    )


@case(
    "R17_wide_text_numbers_missing",
    "merged matrix, values typed as text ('4', '3 '), one "
    "empty cell, one rater 'k.A.' for a measure, Mittelwert row",
)
def r17(d):
    R = Ratings(pick(17, 8), ["Jobcenter", "LRA", "Caritas", "VHS"], seed=117)
    R.drop(2, 1, "impact")  # left empty
    R.drop(5, 3)  # 'k.A.' in both criteria
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    put(ws, 1, 1, "Maßnahme")
    ws.merge_cells("A1:A2")
    starts = wide_header(ws, R, 1, 2, ("Wirkung (1-5)", "Aufwand (1-5)"), "merged")
    for i, t in enumerate(R.titles):
        put(ws, 3 + i, 1, t)
        for crit, c0 in starts.items():
            for j in range(len(R.raters)):
                x = R.get(i, j, crit)
                if x is None:
                    if (i, j) == (5, 3):
                        put(ws, 3 + i, c0 + j, "k.A.")
                    continue
                if j in (0, 2):
                    val = str(x)
                elif j == 3 and i % 2 == 0:
                    val = f"{x} "
                else:
                    val = x
                put(ws, 3 + i, c0 + j, val)
    r = 3 + len(R.titles)
    put(ws, r, 1, "Mittelwert")
    for crit, c0 in starts.items():
        for j in range(len(R.raters)):
            put(ws, r, c0 + j, R.col_mean(j, crit))
    f = save(wb, d, "bewertung_text.xlsx")
    return rating_truth(
        R,
        [f],
        "numbers stored as text count; an empty cell and 'k.A.' are "
        "no rating (measure 6 has 3 raters, measure 3 has 3 impact values)",
    )


@case(
    "R18_long_reordered_extra_cols",
    "long form with columns Bewerter/in|Maßnahme|Aufwand|"
    "Wirkung|Bemerkung (effort before impact), titles with line break / double space",
)
def r18(d):
    titles = [
        "Sprachkurse mit\nKinderbetreuung anbieten",
        "Wohnraumbörse  einrichten",
        "Gesundheitslotsen ausbilden ",
        "Begegnungscafé im Gemeindehaus",
        "Dolmetscherpool aufbauen",
        "Ehrenamtskoordination im Landkreis stärken",
    ]
    R = Ratings(titles, ["Stadt", "LRA", "Caritas"], seed=118)
    remarks = {
        (0, 1): "nur mit Förderung realistisch",
        (3, 2): "gibt es teilweise schon",
        (5, 0): "Personalstelle nötig",
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "Rückmeldungen"
    for c, h in enumerate(["Bewerter/in", "Maßnahme", "Aufwand", "Wirkung", "Bemerkung"], 1):
        put(ws, 1, c, h)
    r = 2
    for j, rater in enumerate(R.raters):
        for i, t in enumerate(R.titles):
            put(ws, r, 1, rater)
            put(ws, r, 2, t)
            put(ws, r, 3, R.get(i, j, "effort"))
            put(ws, r, 4, R.get(i, j, "impact"))
            if (i, j) in remarks:
                put(ws, r, 5, remarks[(i, j)])
            r += 1
    f = save(wb, d, "rueckmeldungen_bewertung.xlsx")
    return rating_truth(
        R,
        [f],
        "column order by header, not position; Bemerkung is no "
        "rating; titles whitespace-collapsed (line break, double space, "
        "trailing space)",
    )


# ---------- class B: Maßnahmenplan / cost idioms ---------------------------------------------
def plan(
    d,
    case_id,
    filename,
    rows,
    *,
    sheet="Maßnahmenplan",
    title_rows=(),
    nr=False,
    headers=("Maßnahme", "Handlungsfeld", "Verantwortlich", "Zeitraum", "Kosten (EUR)"),
    seed=0,
    notes="",
    trailer=None,
    numfmt=None,
):
    """rows: (title, cost_cell, cost_min, cost_max, status[, per]) with status in
    {"ok", "unparsed", "unknown"} and per in {"month", "year", "session"}. Returns truth."""
    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    r = 1
    for t in title_rows:
        put(ws, r, 1, t)
        r += 1
    if title_rows:
        r += 1
    hdr = (["Nr."] if nr else []) + list(headers)
    for c, h in enumerate(hdr, 1):
        put(ws, r, c, h)
    cost_col = len(hdr)
    r += 1
    measures, unparsed, unknown = [], [], []
    for k, (title, cell, cmin, cmax, status, *per) in enumerate(rows):
        vals = ([k + 1] if nr else []) + [title]
        for h in headers[1:-1]:
            hl = h.lower()
            if "handlungsfeld" in hl:
                vals.append(rng.choice(FIELDS))
            elif "verantwort" in hl or "zuständig" in hl:
                vals.append(rng.choice(RESP))
            else:
                vals.append(rng.choice(TIMES))
        for c, v in enumerate(vals, 1):
            put(ws, r, c, v)
        if cell is not None:
            put(ws, r, cost_col, cell)
            if numfmt and isinstance(cell, (int, float)):
                ws.cell(row=r, column=cost_col).number_format = numfmt
        ref = f"{colname(cost_col)}{r}"
        if status == "unparsed":
            unparsed.append({"file": filename, "sheet": sheet, "cell": ref})
        elif status == "unknown":
            unknown.append({"file": filename, "sheet": sheet, "cell": ref})
        measures.append(
            {
                "title": norm(title),
                "cost_min": cmin,
                "cost_max": cmax,
                "cell": ref,
                "typed": cell,
                **({"per": per[0]} if per else {}),
            }
        )
        r += 1
    if trailer:
        trailer(ws, r, cost_col)
    f = save(wb, d, filename)
    return {
        "kind": "plan",
        "files": [f],
        "n_measures": len(measures),
        "measures": measures,
        "unparsed": unparsed,
        "unknown_explicit": unknown,
        "notes": notes + " | " + COMMON_NOTES,
    }


@case("P01_plan_basic_idioms", "plan with ',-', '1.200 €', '1.200,50 EUR', dash and 'bis' ranges")
def p01(d):
    rows = [
        ("Wohnraumbörse einrichten", "ca. 500,- €", 500.0, 500.0, "ok"),
        ("Sprachpatenschaften ausbauen", "750,-", 750.0, 750.0, "ok"),
        ("Netzwerk „Wohnungspaten“ gründen", "1.200 €", 1200.0, 1200.0, "ok"),
        ("Jobbörse für Geflüchtete durchführen", "1.200,50 EUR", 1200.5, 1200.5, "ok"),
        ("Hausaufgabenhilfe an Grundschulen", "500–800 €", 500.0, 800.0, "ok"),
        ("Elterncafé in Kitas einrichten", "500 bis 800 Euro", 500.0, 800.0, "ok"),
    ]
    return plan(
        d,
        "P01",
        "massnahmenplan.xlsx",
        rows,
        seed=201,
        notes="German whole-euro ',-', thousands dot, decimal comma, ranges",
    )


@case(
    "P02_plan_multipliers_thousands",
    "'3 x 120 €', '2 × 250 €', '5 T€', '5 Tsd. €', 'T€ 5', '1,5 Mio. €', 'ca. 10 T€'",
)
def p02(d):
    rows = [
        ("Dolmetscherpool aufbauen", "3 x 120 €", 360.0, 360.0, "ok"),
        ("Gesundheitslotsen ausbilden", "2 × 250 €", 500.0, 500.0, "ok"),
        ("Integrationsbeirat einrichten", "5 T€", 5000.0, 5000.0, "ok"),
        ("Psychosoziale Beratung ausbauen", "5 Tsd. €", 5000.0, 5000.0, "ok"),
        ("Bildungslotsen qualifizieren", "T€ 5", 5000.0, 5000.0, "ok"),
        ("Berufsschulklassen für Zugewanderte erweitern", "1,5 Mio. €", 1500000.0, 1500000.0, "ok"),
        ("Ehrenamtskoordination im Landkreis stärken", "ca. 10 T€", 10000.0, 10000.0, "ok"),
    ]
    return plan(
        d,
        "P02",
        "plan_kosten.xlsx",
        rows,
        seed=202,
        notes="products and thousand/million units before or after the number",
    )


@case(
    "P03_plan_free_and_unknown",
    "'kostenlos', 'keine', '0 €', 'ehrenamtlich' (=0) vs "
    "'siehe oben', 'offen', 'k.A.', 'noch unklar', empty (=unknown)",
)
def p03(d):
    rows = [
        ("Sprachcafé in jeder Gemeinde", "kostenlos", 0.0, 0.0, "ok"),
        ("Runder Tisch Integration je Kommune", "keine", 0.0, 0.0, "ok"),
        ("Willkommensmappe für Neuzugewanderte", "0 €", 0.0, 0.0, "ok"),
        ("Fahrradwerkstatt mit Ehrenamtlichen", "ehrenamtlich", 0.0, 0.0, "ok"),
        ("Informationsmappe Arztbesuch mehrsprachig", "siehe oben", None, None, "unparsed"),
        ("Leerstandskataster der Gemeinden erstellen", "offen", None, None, "unknown"),
        ("Mietschuldenberatung anbieten", "k.A.", None, None, "unknown"),
        ("Fahrdienst zu Behördenterminen organisieren", "noch unklar", None, None, "unknown"),
        ("Umzugshilfe aus Gemeinschaftsunterkünften organisieren", None, None, None, "ok"),
    ]
    return plan(
        d,
        "P03",
        "massnahmenplan_entwurf.xlsx",
        rows,
        seed=203,
        notes="free words are 0, not unknown; unknown words and empty are null; "
        "'siehe oben' must be logged as unreadable",
    )


@case(
    "P04_plan_numeric_cells_titles",
    "title rows, Nr. column, 'Kosten in €' with real numbers "
    "(number format €), 'EUR 1.500', '€ 800'",
)
def p04(d):
    rows = [
        ("Arbeitgeberfrühstück mit IHK und HWK", 1200, 1200.0, 1200.0, "ok"),
        ("Mentoring-Programm Ausbildung starten", 350.5, 350.5, 350.5, "ok"),
        ("Interkulturelles Stadtfest veranstalten", "EUR 1.500", 1500.0, 1500.0, "ok"),
        ("Ferienprogramm für Kinder aus Unterkünften", "€ 800", 800.0, 800.0, "ok"),
        ("Online-Plattform Ehrenamt & Integration", 2500, 2500.0, 2500.0, "ok"),
        ("Einstiegsqualifizierung bei Betrieben bekannt machen", 0, 0.0, 0.0, "ok"),
    ]
    return plan(
        d,
        "P04",
        "Integrationsplan_Massnahmen.xlsx",
        rows,
        seed=204,
        nr=True,
        title_rows=("Maßnahmenplan Integration – Landkreis", "Stand: Februar 2017"),
        headers=("Maßnahme", "Handlungsfeld", "Zuständigkeit", "Umsetzung bis", "Kosten in €"),
        numfmt='#,##0.00 "€"',
        notes="numeric cells are amounts in EUR; a numeric 0 is free, not unknown",
    )


@case(
    "P05_plan_periods",
    "amounts per period: '200 € / Monat', '50 €/Monat', '1.000 € p.a.', "
    "'2.400 € jährlich', '150 € pro Termin', 'ca. 80,- € monatlich'",
)
def p05(d):
    rows = [
        (
            "Ansprechpartner Wohnen im Landratsamt benennen",
            "200 € / Monat",
            200.0,
            200.0,
            "ok",
            "month",
        ),
        ("ÖPNV-Ticket für Sprachkursteilnehmende", "50 €/Monat", 50.0, 50.0, "ok", "month"),
        (
            "Sportvereine öffnen – Beitragsfreiheit im ersten Jahr",
            "1.000 € p.a.",
            1000.0,
            1000.0,
            "ok",
            "year",
        ),
        (
            "Kleiderkammer und Möbellager zusammenlegen",
            "2.400 € jährlich",
            2400.0,
            2400.0,
            "ok",
            "year",
        ),
        (
            "Fortbildung interkulturelle Kompetenz für die Verwaltung",
            "150 € pro Termin",
            150.0,
            150.0,
            "ok",
            "session",
        ),
        (
            "Lernwerkstatt für Jugendliche (15–21 J.)",
            "ca. 80,- € monatlich",
            80.0,
            80.0,
            "ok",
            "month",
        ),
    ]
    return plan(
        d,
        "P05",
        "plan_laufende_kosten.xlsx",
        rows,
        seed=205,
        notes="EXPECTATION: per-period amounts reported as written for ONE period "
        "(200 € / Monat -> 200/200), not annualised; a period column/flag, if "
        "any, is not checked",
    )


@case(
    "P06_plan_mixed_ods",
    "mixed idioms incl. '4 Termine à 80 €', 'T€ 2,5', 'wie Maßnahme 2' (unreadable), .ods",
)
def p06(d):
    rows = [
        ("Übergang Schule–Beruf begleiten", "ca. 1.000,- €", 1000.0, 1000.0, "ok"),
        ("Sprachkurse mit Kinderbetreuung anbieten", "300–400 €", 300.0, 400.0, "ok"),
        (
            "Praktikumsplätze bei Handwerksbetrieben vermitteln",
            "4 Termine à 80 €",
            320.0,
            320.0,
            "ok",
        ),
        ("Begegnungscafé im Gemeindehaus", "kostenlos", 0.0, 0.0, "ok"),
        ("Anerkennung ausländischer Abschlüsse beschleunigen", "k.A.", None, None, "unknown"),
        ("Berufsbezogene Deutschkurse bündeln", "T€ 2,5", 2500.0, 2500.0, "ok"),
        ("Willkommensmappe für Neuzugewanderte", "wie Maßnahme 2", None, None, "unparsed"),
    ]
    return plan(
        d,
        "P06",
        "massnahmenplan.ods",
        rows,
        seed=206,
        notes="'4 Termine à 80 €' is a product (320)",
    )


@case(
    "P07_plan_mixed_xls",
    "mixed idioms incl. '3 x 150,- €', '10 Tsd. €', '250 € / Monat', "
    "'zzgl. Fahrtkosten' (unreadable), .xls",
)
def p07(d):
    rows = [
        ("Wohnraumbörse einrichten", "1.500 €", 1500.0, 1500.0, "ok"),
        ("Gesundheitslotsen ausbilden", "3 x 150,- €", 450.0, 450.0, "ok"),
        ("Psychosoziale Beratung ausbauen", "10 Tsd. €", 10000.0, 10000.0, "ok"),
        ("Fahrradwerkstatt mit Ehrenamtlichen", "ehrenamtlich", 0.0, 0.0, "ok"),
        ("Integrationsbeirat einrichten", "offen", None, None, "unknown"),
        ("Dolmetscherpool aufbauen", "250 € / Monat", 250.0, 250.0, "ok", "month"),
        (
            "Fahrdienst zu Behördenterminen organisieren",
            "zzgl. Fahrtkosten",
            None,
            None,
            "unparsed",
        ),
    ]
    return plan(
        d,
        "P07",
        "Massnahmenplan_2017.xls",
        rows,
        seed=207,
        headers=("Maßnahme", "Handlungsfeld", "Verantwortlich", "Zeitraum", "geschätzte Kosten"),
        notes="per-month amount as written for one month",
    )


@case(
    "P08_plan_sections_sum_row",
    "no Handlungsfeld column: merged section rows "
    "'Handlungsfeld Wohnen' between blocks, 'Summe' row at the bottom",
)
def p08(d):
    sections = [
        (
            "Handlungsfeld Wohnen",
            [
                ("Wohnraumbörse einrichten", 1500, 1500.0, 1500.0),
                ("Netzwerk „Wohnungspaten“ gründen", "ca. 300,- €", 300.0, 300.0),
                ("Leerstandskataster der Gemeinden erstellen", None, None, None),
            ],
        ),
        (
            "Handlungsfeld Sprache",
            [
                ("Sprachpatenschaften ausbauen", "kostenlos", 0.0, 0.0),
                ("Sprachcafé in jeder Gemeinde", 600, 600.0, 600.0),
            ],
        ),
        (
            "Handlungsfeld Arbeit",
            [
                ("Jobbörse für Geflüchtete durchführen", "2.000 €", 2000.0, 2000.0),
                ("Arbeitgeberfrühstück mit IHK und HWK", 450, 450.0, 450.0),
            ],
        ),
    ]
    sheet, filename = "Plan", "massnahmenplan_gegliedert.xlsx"
    rng = random.Random(208)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for c, h in enumerate(["Maßnahme", "Verantwortlich", "Zeitraum", "Kosten (EUR)"], 1):
        put(ws, 1, c, h)
    r, measures, total = 2, [], 0
    for sec, items in sections:
        put(ws, r, 1, sec)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        r += 1
        for title, cell, cmin, cmax in items:
            put(ws, r, 1, title)
            put(ws, r, 2, rng.choice(RESP))
            put(ws, r, 3, rng.choice(TIMES))
            if cell is not None:
                put(ws, r, 4, cell)
            measures.append(
                {
                    "title": norm(title),
                    "cost_min": cmin,
                    "cost_max": cmax,
                    "cell": f"D{r}",
                    "typed": cell,
                }
            )
            if isinstance(cell, int):
                total += cell
            r += 1
    put(ws, r, 1, "Summe")
    put(ws, r, 4, total)
    f = save(wb, d, filename)
    return {
        "kind": "plan",
        "files": [f],
        "n_measures": len(measures),
        "measures": measures,
        "unparsed": [],
        "unknown_explicit": [],
        "notes": "section rows and the Summe row are no measures | " + COMMON_NOTES,
    }


@case(
    "P09_plan_range_variants",
    "ranges: '1.000 - 1.500 €', '2.000-3.000 EUR', '500 € – 1.000 €', "
    "'10–15 T€', 'zw. 500 und 1.000 €', 'ca. 2.000 bis 2.500,- €'",
)
def p09(d):
    rows = [
        ("Mentoring-Programm Ausbildung starten", "1.000 - 1.500 €", 1000.0, 1500.0, "ok"),
        ("Interkulturelles Stadtfest veranstalten", "2.000-3.000 EUR", 2000.0, 3000.0, "ok"),
        ("Hausaufgabenhilfe an Grundschulen", "500 € – 1.000 €", 500.0, 1000.0, "ok"),
        ("Bildungslotsen qualifizieren", "10–15 T€", 10000.0, 15000.0, "ok"),
        ("Elterncafé in Kitas einrichten", "zw. 500 und 1.000 €", 500.0, 1000.0, "ok"),
        (
            "Ferienprogramm für Kinder aus Unterkünften",
            "ca. 2.000 bis 2.500,- €",
            2000.0,
            2500.0,
            "ok",
        ),
    ]
    return plan(
        d,
        "P09",
        "plan_spannen.xlsx",
        rows,
        seed=209,
        headers=("Maßnahme", "Handlungsfeld", "Verantwortlich", "Zeitraum", "Kosten (ca.)"),
        notes="a unit after the range applies to both ends ('10–15 T€')",
    )


@case(
    "P10_plan_freetext_unparsed",
    "unreadable cost text 'siehe oben', 'wie AK Wohnen', "
    "'abh. von Förderung', 'Personalkosten LRA' must be logged by cell; 'ca. 300 € (Raummiete)'",
)
def p10(d):
    rows = [
        ("Sprachpatenschaften ausbauen", "600 €", 600.0, 600.0, "ok"),
        ("Dolmetscherpool aufbauen", "siehe oben", None, None, "unparsed"),
        (
            "Umzugshilfe aus Gemeinschaftsunterkünften organisieren",
            "wie AK Wohnen",
            None,
            None,
            "unparsed",
        ),
        ("Psychosoziale Beratung ausbauen", "abh. von Förderung", None, None, "unparsed"),
        ("Runder Tisch Integration je Kommune", "Personalkosten LRA", None, None, "unparsed"),
        ("Begegnungscafé im Gemeindehaus", "ca. 300 € (Raummiete)", 300.0, 300.0, "ok"),
    ]
    return plan(
        d,
        "P10",
        "massnahmen_kosten.xlsx",
        rows,
        seed=210,
        notes="free text without an amount is unknown AND logged with its cell; an "
        "amount with a remark in brackets is read",
    )


@case("P11_plan_unit_in_header", "'Kosten (T€)' header with bare numbers 5, '2,5', 12, 'ca. 3'")
def p11(d):
    rows = [
        ("Ehrenamtskoordination im Landkreis stärken", 5, 5000.0, 5000.0, "ok"),
        ("Gesundheitslotsen ausbilden", "2,5", 2500.0, 2500.0, "ok"),
        ("Berufsschulklassen für Zugewanderte erweitern", 12, 12000.0, 12000.0, "ok"),
        ("Wohnraumbörse einrichten", "ca. 3", 3000.0, 3000.0, "ok"),
        ("Sprachcafé in jeder Gemeinde", "kostenlos", 0.0, 0.0, "ok"),
    ]
    return plan(
        d,
        "P11",
        "plan_tausend.xlsx",
        rows,
        seed=211,
        headers=("Maßnahme", "Handlungsfeld", "Verantwortlich", "Zeitraum", "Kosten (T€)"),
        notes="the unit in the header (T€) scales every bare number in the column",
    )


# --------------------------------------------------------------------------- main
def main():
    if CASES_DIR.exists():
        shutil.rmtree(CASES_DIR)
    CASES_DIR.mkdir(parents=True)
    for case_id, what, fn in CASES:
        d = CASES_DIR / case_id
        d.mkdir()
        truth = fn(d)
        truth = {"id": case_id, "what": what, **truth}
        (d / "truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"{case_id:40s} {', '.join(truth['files'])}")
    print(f"{len(CASES)} cases in {CASES_DIR}")


if __name__ == "__main__":
    main()
