#!/usr/bin/env python3
"""Blind wild-set cases T01-T08: rating exports in "tall" form, with ground truth.

One row per rater x measure x criterion, as survey tools, databases, pivot sources and
online forms export them (``Maßnahme | Bewerter/in | Kriterium | Wert``). Written from the
data contract only, without reading flueko's parsing code. Same case/truth format and the
same conventions as make_cases.py (see its docstring); this script re-creates only the
``cases/T*`` folders and leaves every other case untouched.

Run:  .venv/bin/python tests/wild_sets/ratings/make_tall_cases.py

Additional conventions for tall exports:

* A row's criterion is read from its criterion cell; "Nutzen" is impact. Dringlichkeit and
  Umsetzbarkeit are known criteria; their medians are given as ``urgency_median`` /
  ``feasibility_median`` (not scored by score.py, recorded for completeness).
* ``n_raters`` = distinct raters with at least one readable value of a known criterion for the
  measure (in these cases nobody rates a measure only on Dringlichkeit/Umsetzbarkeit).
* A criterion flueko cannot know (``Sympathie``) is neither impact nor effort; its value
  cells are listed under ``unparsed`` (they must be logged, not silently dropped).
* Empty value cells are no rating and need not be logged; ``k.A.`` is listed under
  ``unknown_explicit``.
* Columns such as lfd. Nr., Datum, Zeitstempel, Kommentar are no ratings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
import statistics

from make_cases import CASES_DIR, COMMON_NOTES, norm, pick, put, save
from openpyxl import Workbook

KNOWN = ("impact", "effort", "urgency", "feasibility")


class Tall:
    """Values (measure i, rater j, criterion key) -> number | None, deterministic from a seed."""

    def __init__(self, titles, raters, crits, seed, lo=1, hi=5):
        rng = random.Random(seed)
        self.titles, self.raters, self.crits = list(titles), list(raters), list(crits)
        self.lo, self.hi = lo, hi
        self.v: dict[tuple[int, int, str], float | None] = {}
        spread = max(1, (hi - lo) // 4)
        for i in range(len(self.titles)):
            for c in self.crits:
                base = rng.randint(lo, hi)
                for j in range(len(self.raters)):
                    self.v[i, j, c] = min(hi, max(lo, base + rng.randint(-spread, spread)))

    def get(self, i, j, c):
        return self.v[i, j, c]

    def set(self, i, j, c, x):
        self.v[i, j, c] = x

    def rows(self, order):
        """(i, j, crit) for every value, sorted by 'measure', 'rater' or 'criterion'."""
        keys = [
            (i, j, c)
            for i in range(len(self.titles))
            for j in range(len(self.raters))
            for c in self.crits
        ]
        ck = {c: k for k, c in enumerate(self.crits)}
        if order == "rater":
            keys.sort(key=lambda t: (t[1], t[0], ck[t[2]]))
        elif order == "criterion":
            keys.sort(key=lambda t: (ck[t[2]], t[0], t[1]))
        return keys

    def truth(self, files, notes, scale="1-5", unparsed=(), unknown_explicit=(), raters=None):
        measures = []
        for i, t in enumerate(self.titles):
            known = [c for c in self.crits if c in KNOWN]
            n = sum(
                1
                for j in range(len(self.raters))
                if any(self.v[i, j, c] is not None for c in known)
            )
            m = {"title": norm(t), "n_raters": n}
            for c in KNOWN:
                xs = [self.v[i, j, c] for j in range(len(self.raters))] if c in self.crits else []
                xs = [x for x in xs if x is not None]
                if c in ("impact", "effort") or xs:
                    m[f"{c}_median"] = float(statistics.median(xs)) if xs else None
            m["cost_min"] = None
            m["cost_max"] = None
            measures.append(m)
        if raters is None:
            raters = sum(
                1
                for j in range(len(self.raters))
                if any(
                    self.v[i, j, c] is not None
                    for i in range(len(self.titles))
                    for c in self.crits
                    if c in KNOWN
                )
            )
        return {
            "kind": "ratings",
            "files": files,
            "scale": scale,
            "n_measures": len(measures),
            "measures": measures,
            "raters": raters,
            "unparsed": list(unparsed),
            "unknown_explicit": list(unknown_explicit),
            "notes": notes
            + " | tall form, one row per rater x measure x criterion | "
            + COMMON_NOTES,
        }


CASES = []


def case(case_id, what):
    def deco(fn):
        CASES.append((case_id, what, fn))
        return fn

    return deco


def header(ws, row, names):
    for c, h in enumerate(names, 1):
        put(ws, row, c, h)


# --------------------------------------------------------------------------- cases
@case(
    "T01_tall_basic_by_measure",
    "tall form Maßnahme|Bewerter/in|Kriterium|Wert, Wirkung/Aufwand, 6 measures x 4 raters, "
    "sorted by measure",
)
def t01(d):
    T = Tall(pick(0, 6), ["Jobcenter", "Landratsamt", "IHK", "Caritas"], ["impact", "effort"], 301)
    label = {"impact": "Wirkung", "effort": "Aufwand"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    header(ws, 1, ["Maßnahme", "Bewerter/in", "Kriterium", "Wert"])
    for r, (i, j, c) in enumerate(T.rows("measure"), 2):
        put(ws, r, 1, T.titles[i])
        put(ws, r, 2, T.raters[j])
        put(ws, r, 3, label[c])
        put(ws, r, 4, T.get(i, j, c))
    f = save(wb, d, "bewertung_export.xlsx")
    return T.truth([f], "plain tall export; 48 value rows make 6 measures, not 48")


@case(
    "T02_tall_survey_title_row_by_rater",
    "online survey export: title row, lfd. Nr.|Zeitstempel|Teilnehmer/in|Vorschlag|"
    "Bewertungskriterium|Bewertung|Kommentar, sorted by rater, each rater's measures in a "
    "different (randomised) order, criteria 'Wirkung (1-5)' / 'Aufwand (1=gering)'",
)
def t02(d):
    raters = ["Fr. Schneider (Jobcenter)", "Hr. Öztürk (Landratsamt)", "IHK", "Fr. Weber (VHS)"]
    T = Tall(pick(8, 7), raters, ["impact", "effort"], 302)
    label = {"impact": "Wirkung (1-5)", "effort": "Aufwand (1=gering, 5=hoch)"}
    comments = {
        (1, 0): "nur mit zusätzlicher Stelle",
        (4, 2): "gibt es in Teilen schon",
        (6, 3): "Förderprogramm prüfen",
    }
    rng = random.Random(3020)
    wb = Workbook()
    ws = wb.active
    ws.title = "Antworten"
    put(ws, 1, 1, "Online-Umfrage „Bewertung der Maßnahmen“ – Export vom 02.12.2016")
    header(
        ws,
        3,
        [
            "lfd. Nr.",
            "Zeitstempel",
            "Teilnehmer/in",
            "Vorschlag",
            "Bewertungskriterium",
            "Bewertung",
            "Kommentar",
        ],
    )
    r, nr = 4, 1
    t0 = dt.datetime(2016, 11, 28, 9, 12, 5)
    for j, rater in enumerate(T.raters):
        order = list(range(len(T.titles)))
        rng.shuffle(order)
        stamp = t0 + dt.timedelta(hours=7 * j, minutes=rng.randint(0, 50))
        for i in order:
            for c in T.crits:
                put(ws, r, 1, nr)
                put(ws, r, 2, stamp)
                ws.cell(row=r, column=2).number_format = "DD.MM.YYYY HH:MM:SS"
                put(ws, r, 3, rater)
                put(ws, r, 4, T.titles[i])
                put(ws, r, 5, label[c])
                put(ws, r, 6, T.get(i, j, c))
                if c == "effort" and (i, j) in comments:
                    put(ws, r, 7, comments[(i, j)])
                r, nr = r + 1, nr + 1
    f = save(wb, d, "umfrage_export_bewertung.xlsx")
    return T.truth(
        [f],
        "header in row 3 under a title row; lfd. Nr. and Zeitstempel are no ratings; "
        "Kommentar is free text; effort not inverted ('1=gering' is the typed legend)",
    )


@case(
    "T03_tall_four_criteria_by_criterion",
    "Titel|Institution|Dimension|Punktwert with Nutzen/Aufwand/Dringlichkeit/Umsetzbarkeit, "
    "rows sorted by criterion",
)
def t03(d):
    T = Tall(
        pick(14, 6),
        ["Landratsamt", "Jobcenter", "Stadt", "Diakonie", "HWK"],
        ["impact", "effort", "urgency", "feasibility"],
        303,
    )
    label = {
        "impact": "Nutzen",
        "effort": "Aufwand",
        "urgency": "Dringlichkeit",
        "feasibility": "Umsetzbarkeit",
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "Daten"
    header(ws, 1, ["Titel", "Institution", "Dimension", "Punktwert"])
    for r, (i, j, c) in enumerate(T.rows("criterion"), 2):
        put(ws, r, 1, T.titles[i])
        put(ws, r, 2, T.raters[j])
        put(ws, r, 3, label[c])
        put(ws, r, 4, T.get(i, j, c))
    f = save(wb, d, "pivot_quelle_bewertung.xlsx")
    return T.truth(
        [f],
        "Nutzen = impact; Dringlichkeit and Umsetzbarkeit are further known criteria "
        "(urgency_median / feasibility_median, not scored); all Nutzen rows first, then "
        "Aufwand, Dringlichkeit, Umsetzbarkeit",
    )


@case(
    "T04_tall_unknown_criterion_sympathie",
    "Maßnahme|Bewerter|Merkmal|Wert|Datum with Wirkung/Aufwand and an unknown criterion "
    "'Sympathie' (its value cells must be logged), sorted by measure",
)
def t04(d):
    T = Tall(
        pick(22, 5), ["Jobcenter", "Landratsamt", "Caritas"], ["impact", "effort", "sympathy"], 304
    )
    label = {"impact": "Wirkung", "effort": "Aufwand", "sympathy": "Sympathie"}
    dates = [dt.date(2016, 11, 21), dt.date(2016, 11, 23), dt.date(2016, 11, 24)]
    wb = Workbook()
    ws = wb.active
    ws.title = "Bewertung"
    header(ws, 1, ["Maßnahme", "Bewerter", "Merkmal", "Wert", "Datum"])
    unparsed = []
    for r, (i, j, c) in enumerate(T.rows("measure"), 2):
        put(ws, r, 1, T.titles[i])
        put(ws, r, 2, T.raters[j])
        put(ws, r, 3, label[c])
        put(ws, r, 4, T.get(i, j, c))
        put(ws, r, 5, dates[j])
        ws.cell(row=r, column=5).number_format = "DD.MM.YYYY"
        if c == "sympathy":
            unparsed.append(
                {"file": "bewertung_merkmale.xlsx", "sheet": "Bewertung", "cell": f"D{r}"}
            )
    f = save(wb, d, "bewertung_merkmale.xlsx")
    return T.truth(
        [f],
        "'Sympathie' is no known criterion: its 15 value cells (column D) are neither impact "
        "nor effort and are listed as unparsed; Datum is no rating",
        unparsed=unparsed,
    )


@case(
    "T05_tall_1_10_empty_values_xls",
    "Maßnahme|TN|Kriterium|Score, scale 1-10 ('Wirkung (1-10)'/'Aufwand (1-10)'), sorted by "
    "rater, some empty values and one 'k.A.', .xls",
)
def t05(d):
    T = Tall(
        pick(30, 6),
        ["Integrationsbeauftragte", "Kreisjugendamt", "Ehrenamtskreis", "VHS"],
        ["impact", "effort"],
        305,
        lo=1,
        hi=10,
    )
    T.set(1, 2, "impact", None)  # empty
    T.set(3, 0, "effort", None)  # empty
    T.set(4, 3, "impact", None)  # both empty: rater 4 did not rate measure 5
    T.set(4, 3, "effort", None)
    T.set(5, 1, "effort", None)  # 'k.A.'
    label = {"impact": "Wirkung (1-10)", "effort": "Aufwand (1-10)"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Rohdaten"
    header(ws, 1, ["Maßnahme", "TN", "Kriterium", "Score"])
    unknown = []
    for r, (i, j, c) in enumerate(T.rows("rater"), 2):
        put(ws, r, 1, T.titles[i])
        put(ws, r, 2, T.raters[j])
        put(ws, r, 3, label[c])
        x = T.get(i, j, c)
        if (i, j, c) == (5, 1, "effort"):
            put(ws, r, 4, "k.A.")
            unknown.append({"file": "rohdaten_bewertung.xls", "sheet": "Rohdaten", "cell": f"D{r}"})
        elif x is not None:
            put(ws, r, 4, x)
    f = save(wb, d, "rohdaten_bewertung.xls")
    return T.truth(
        [f],
        "1-10 kept as typed; empty Score cells and 'k.A.' are no rating; the VHS gave nothing "
        "for measure 5 (3 raters there); the rows of empty values are still present",
        scale="1-10",
        unknown_explicit=unknown,
    )


@case(
    "T06_tall_csv_semicolon_decimal_comma",
    "form export as .csv (semicolon, decimal comma, Windows-1252 as German Excel saves it): "
    "Zeitstempel;Institution;Maßnahme;Kriterium;Bewertung, some half points like '3,5'",
)
def t06(d):
    T = Tall(
        pick(3, 5), ["Jobcenter", "Landratsamt", "Agentur für Arbeit"], ["impact", "effort"], 306
    )
    T.set(0, 1, "impact", 3.5)
    T.set(2, 0, "effort", 2.5)
    T.set(3, 2, "impact", 4.5)
    T.set(4, 1, "effort", 1.5)
    rows = [["Zeitstempel", "Institution", "Maßnahme", "Kriterium", "Bewertung"]]
    t0 = dt.datetime(2016, 12, 5, 10, 3)
    for j, rater in enumerate(T.raters):
        stamp = (t0 + dt.timedelta(days=j, minutes=17 * j)).strftime("%d.%m.%Y %H:%M")
        for i in range(len(T.titles)):
            for c, lab in (("impact", "Wirkung"), ("effort", "Aufwand")):
                x = T.get(i, j, c)
                val = f"{x:g}".replace(".", ",")
                rows.append([stamp, rater, T.titles[i], lab, val])
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    f = "formular_export.csv"
    (d / f).write_bytes(buf.getvalue().encode("cp1252"))
    return T.truth(
        [f],
        "semicolon-separated, decimal comma ('3,5' = 3.5), Windows-1252 encoded; Zeitstempel is "
        "no rating; sorted by rater",
    )


@case(
    "T07_tall_ods_criterion_spellings",
    "pivot source kept by hand as .ods: Nr.|Datum|Maßnahme|Institution|Kriterium|Wert, "
    "criterion typed inconsistently ('Wirkung', 'wirkung ', 'Wirkung (1-5)', 'Aufwand', "
    "'Aufwand (1=gering)'), some values as text",
)
def t07(d):
    T = Tall(pick(26, 6), ["Landratsamt", "Jobcenter", "Caritas", "IHK"], ["impact", "effort"], 307)
    spell = {
        "impact": ["Wirkung", "wirkung ", "Wirkung (1-5)"],
        "effort": ["Aufwand", "Aufwand (1=gering)", "Aufwand"],
    }
    dates = [dt.date(2017, 1, 16), dt.date(2017, 1, 16), dt.date(2017, 1, 18), dt.date(2017, 1, 19)]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    header(ws, 1, ["Nr.", "Datum", "Maßnahme", "Institution", "Kriterium", "Wert"])
    for r, (i, j, c) in enumerate(T.rows("measure"), 2):
        put(ws, r, 1, i + 1)
        put(ws, r, 2, dates[j])
        ws.cell(row=r, column=2).number_format = "DD.MM.YYYY"
        put(ws, r, 3, T.titles[i])
        put(ws, r, 4, T.raters[j])
        put(ws, r, 5, spell[c][(i + j) % 3])
        x = T.get(i, j, c)
        put(ws, r, 6, str(x) if j == 2 else x)
    f = save(wb, d, "bewertung_pivot.ods")
    return T.truth(
        [f],
        "Nr. is the measure number, Datum the rating day, neither is a rating; criterion "
        "spellings differ only in case/whitespace/legend; Caritas values typed as text",
    )


@case(
    "T08_tall_single_rater_sheet_name",
    "no rater column: sheet 'Jobcenter' with Maßnahme|Kriterium|Wert, all rows from that "
    "one rater, a title row above the header, one empty value",
)
def t08(d):
    T = Tall(pick(34, 7), ["Jobcenter"], ["impact", "effort"], 308)
    T.set(5, 0, "effort", None)
    label = {"impact": "Wirkung", "effort": "Aufwand"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Jobcenter"
    put(ws, 1, 1, "Rückmeldung zur Maßnahmenliste (Skala 1 bis 5)")
    header(ws, 2, ["Maßnahme", "Kriterium", "Wert"])
    for r, (i, j, c) in enumerate(T.rows("measure"), 3):
        put(ws, r, 1, T.titles[i])
        put(ws, r, 2, label[c])
        x = T.get(i, j, c)
        if x is not None:
            put(ws, r, 3, x)
    f = save(wb, d, "rueckmeldung_jobcenter.xlsx")
    return T.truth(
        [f],
        "the sheet name is the single rater (1 rater, every measure n_raters 1); header in "
        "row 2; one empty Aufwand value (measure 6 has no effort median)",
    )


# --------------------------------------------------------------------------- main
def main():
    CASES_DIR.mkdir(parents=True, exist_ok=True)
    for old in CASES_DIR.glob("T[0-9][0-9]_*"):
        shutil.rmtree(old)
    for case_id, what, fn in CASES:
        d = CASES_DIR / case_id
        d.mkdir()
        truth = fn(d)
        truth = {"id": case_id, "what": what, **truth}
        (d / "truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"{case_id:40s} {', '.join(truth['files'])}")
    print(f"{len(CASES)} tall cases in {CASES_DIR}")


if __name__ == "__main__":
    main()
