"""Write the blind survey cases (``cases/sNN_*/``: export file(s) + ``truth.json``).

Written from the problem description and the data contract in ARCHITECTURE.md, without
reading flueko's survey parser or its tests. Deterministic: the same run gives the same files
(except the .ods/.xls, which LibreOffice converts from an xlsx written here).

Each respondent's answer to each item is drawn as an ordinal "good index" g in 0..k-1
(0 = worst, k-1 = best) and then rendered in the case's own coding (1 = best or 1 = worst,
verbal labels, answer codes, 0-10, school grades ...). The truth is computed from g:
mean_good_0_1 = mean of g / (k - 1) over valid answers; missing codes are not answers.

Run: python tests/wild_sets/surveys/make_cases.py
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"

COMMON_SCALE = (
    "mean_good_0_1 = mean over valid answers of the answer rescaled on its own item scale so "
    "that the worst option = 0 and the best option = 1 (k-point scale: option index from worst "
    "0..k-1 divided by k-1); missing codes, 'weiß nicht', 'k.A.', empty cells are not answers "
    "and count neither in the mean nor in n_valid"
)

KEYS = [
    "format",
    "struktur",
    "moderation",
    "transparenz",
    "umgang",
    "informationsmaterial",
    "diskussionsqualitaet",
    "erkenntnisse",
    "ergebnisse",
    "mehrwert",
]

SHORT = {
    "format": "Format der Veranstaltung",
    "struktur": "Struktur und Ablauf",
    "moderation": "Moderation",
    "transparenz": "Transparenz des Verfahrens",
    "umgang": "Fairer und respektvoller Umgang",
    "informationsmaterial": "Informationsmaterial",
    "diskussionsqualitaet": "Qualität der Diskussion",
    "erkenntnisse": "Gewonnene Erkenntnisse",
    "ergebnisse": "Ergebnisse der Veranstaltung",
    "mehrwert": "Mehrwert der Teilnahme",
}

QUESTION = {
    "format": "Wie zufrieden waren Sie mit dem Format der Veranstaltung?",
    "struktur": "Wie zufrieden waren Sie mit der Struktur und dem Ablauf?",
    "moderation": "Wie zufrieden waren Sie mit der Moderation?",
    "transparenz": "Wie zufrieden waren Sie mit der Transparenz des Verfahrens?",
    "umgang": "Wie zufrieden waren Sie mit dem fairen und respektvollen Umgang miteinander?",
    "informationsmaterial": "Wie zufrieden waren Sie mit dem Informationsmaterial?",
    "diskussionsqualitaet": "Wie zufrieden waren Sie mit der Qualität der Diskussion?",
    "erkenntnisse": "Wie zufrieden waren Sie mit den gewonnenen Erkenntnissen?",
    "ergebnisse": "Wie zufrieden waren Sie mit den Ergebnissen?",
    "mehrwert": "Wie zufrieden waren Sie mit dem Mehrwert der Teilnahme?",
}

VERBAL5 = [
    "sehr unzufrieden",
    "eher unzufrieden",
    "teils/teils",
    "eher zufrieden",
    "sehr zufrieden",
]  # worst -> best
VERBAL4 = ["sehr unzufrieden", "eher unzufrieden", "eher zufrieden", "sehr zufrieden"]

COMMENTS = [
    "Gute Veranstaltung, bitte weiter so.",
    "Zu wenig Zeit für die Arbeitskreise.",
    "Die Räume waren zu klein.",
    "Mehr Beteiligung der Geflüchteten selbst wäre gut.",
    "Danke für die Organisation!",
    "Protokoll bitte schneller verschicken.",
    "Dolmetscher haben gefehlt.",
    "Bitte nächstes Mal am Nachmittag.",
    "",
    "",
    "",
]


# ---------------------------------------------------------------- generation


def draw(
    rng: random.Random,
    n: int,
    items: dict[str, int],
    missing: list,
    miss_rate=0.08,
    groups: dict[str, int] | None = None,
):
    """Respondents: list of dicts with 'g' {key: index or None}, 'miss' {key: marker}, 'group'."""
    grp_list: list = []
    if groups:
        for g, c in groups.items():
            grp_list += [g] * c
        rng.shuffle(grp_list)
        n = len(grp_list)
    out = []
    for i in range(n):
        mood = rng.gauss(0.65, 0.18)
        g, miss = {}, {}
        for key, k in items.items():
            if missing and rng.random() < miss_rate:
                g[key] = None
                miss[key] = rng.choice(missing)
                continue
            x = mood + rng.gauss(0, 0.17)
            g[key] = max(0, min(k - 1, round(x * (k - 1))))
        if all(v is None for v in g.values()):  # every respondent answers at least one item
            key = next(iter(items))
            g[key] = items[key] - 1
        out.append(
            {
                "g": g,
                "miss": miss,
                "group": grp_list[i] if groups else None,
                "comment": rng.choice(COMMENTS),
            }
        )
    return out


def truth_items(resp, items: dict[str, int], columns: dict[str, list[str]]):
    res = []
    for key, k in items.items():
        vals = [r["g"][key] / (k - 1) for r in resp if r["g"][key] is not None]
        res.append(
            {
                "key": key,
                "labels": columns[key],
                "points": k,
                "n_valid": len(vals),
                "mean_good_0_1": round(sum(vals) / len(vals), 6) if vals else None,
            }
        )
    return res


def cell(r, key, render):
    g = r["g"][key]
    if g is None:
        return r["miss"].get(key, "")
    return render(g)


def write_truth(
    d: Path,
    *,
    case,
    fmt,
    files,
    scale,
    resp,
    items,
    columns,
    not_items,
    missing,
    min_group=5,
    notes="",
):
    groups = None
    if any(r["group"] for r in resp):
        groups = {}
        for r in resp:
            groups[r["group"]] = groups.get(r["group"], 0) + 1
    truth = {
        "case": case,
        "format": fmt,
        "files": files,
        "scale": scale,
        "common_scale": COMMON_SCALE,
        "n_respondents": len(resp),
        "items": truth_items(resp, items, columns),
        "not_items": not_items,
        "missing_markers": missing,
        "groups": groups,
        "small_groups": sorted(g for g, c in (groups or {}).items() if c < min_group),
        "notes": notes,
    }
    (d / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def write_csv(path: Path, rows, *, delimiter=",", encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        for row in rows:
            w.writerow(row)


def write_xlsx(path: Path, sheets: list[tuple[str, list[list]]]):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([None if v == "" else v for v in row])
    wb.save(path)


def convert(xlsx_rows_sheets, target: Path, fmt: str):
    """Write an xlsx in a scratch dir and convert it with LibreOffice to ``fmt`` at target."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (target.stem + ".xlsx")
        write_xlsx(src, xlsx_rows_sheets)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", fmt, "--outdir", tmp, str(src)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copy(Path(tmp) / (target.stem + "." + fmt), target)


def ts(rng, day="14.03.2024"):
    return f"{day} {rng.randint(17, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def case_dir(name: str) -> Path:
    d = CASES / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


# ---------------------------------------------------------------- cases


def s01():
    """Google Forms CSV, linear scale 1-5, 5 = best, legend in the question text."""
    name = "s01_google_linear_1_5"
    d, rng = case_dir(name), random.Random(1)
    keys = ["format", "struktur", "moderation", "transparenz", "umgang", "ergebnisse"]
    items = {k: 5 for k in keys}
    resp = draw(rng, 23, items, [""])
    head = {k: f"{QUESTION[k]} (1 = sehr unzufrieden, 5 = sehr zufrieden)" for k in keys}
    free = "Was möchten Sie uns sonst noch mitteilen?"
    rows = [["Zeitstempel"] + [head[k] for k in keys] + [free]]
    for r in resp:
        rows.append([ts(rng)] + [cell(r, k, lambda g: g + 1) for k in keys] + [r["comment"]])
    write_csv(d / "Rückmeldebogen Auftakt (Antworten) - Formularantworten 1.csv", rows)
    write_truth(
        d,
        case=name,
        fmt="Google Forms CSV (comma, UTF-8)",
        files=["Rückmeldebogen Auftakt (Antworten) - Formularantworten 1.csv"],
        scale="1 = sehr unzufrieden ... 5 = sehr zufrieden (legend in each question)",
        resp=resp,
        items=items,
        columns={k: [head[k], QUESTION[k]] for k in keys},
        not_items=["Zeitstempel", free],
        missing=["empty cell"],
    )


def s02():
    """Google Forms grid question, verbal answers, 'weiß nicht'."""
    name = "s02_google_grid_verbal"
    d, rng = case_dir(name), random.Random(2)
    keys = KEYS
    items = {k: 5 for k in keys}
    resp = draw(rng, 31, items, ["weiß nicht", "", "weiß nicht"], miss_rate=0.1)
    stem = "Wie zufrieden waren Sie mit den folgenden Aspekten der Veranstaltung?"
    head = {k: f"{stem} [{SHORT[k]}]" for k in keys}
    rows = [["Zeitstempel"] + [head[k] for k in keys] + ["Anregungen und Kritik"]]
    for r in resp:
        rows.append(
            [ts(rng, "07.12.2016")]
            + [cell(r, k, lambda g: VERBAL5[g]) for k in keys]
            + [r["comment"]]
        )
    fn = "Feedback Vertiefung.csv"
    write_csv(d / fn, rows)
    write_truth(
        d,
        case=name,
        fmt="Google Forms CSV, grid question (header 'Frage [Zeile]')",
        files=[fn],
        scale="verbal 5-point: sehr zufrieden ... sehr unzufrieden",
        resp=resp,
        items=items,
        columns={k: [head[k], SHORT[k]] for k in keys},
        not_items=["Zeitstempel", "Anregungen und Kritik"],
        missing=["weiß nicht", "empty cell"],
    )


def s03():
    """MS Forms xlsx (German headers), Likert 4-point verbal, one 0-10 item."""
    name = "s03_msforms_de_verbal4_nps"
    d, rng = case_dir(name), random.Random(3)
    keys = ["format", "moderation", "umgang", "informationsmaterial", "diskussionsqualitaet"]
    items = {k: 4 for k in keys}
    items["mehrwert"] = 11
    resp = draw(rng, 18, items, [""], miss_rate=0.06)
    head = {k: SHORT[k] for k in keys}
    head["mehrwert"] = (
        "Wie groß war der Mehrwert der Teilnahme für Ihre Arbeit? "
        "(0 = gar kein Mehrwert, 10 = sehr großer Mehrwert)"
    )
    meta = ["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name"]
    free = "Was sollten wir beim nächsten Mal anders machen?"
    rows = [meta + [head[k] for k in items] + [free]]
    for i, r in enumerate(resp, 1):
        row = [i, ts(rng, "20.10.2016"), ts(rng, "20.10.2016"), "anonymous", ""]
        for k in items:
            row.append(cell(r, k, (lambda g: g) if k == "mehrwert" else (lambda g: VERBAL4[g])))
        rows.append([*row, r["comment"]])
    fn = "Rückmeldung Auftakt(1-18).xlsx"
    write_xlsx(d / fn, [("Sheet1", rows)])
    cols = {k: [head[k], QUESTION[k]] for k in items}
    write_truth(
        d,
        case=name,
        fmt="MS Forms xlsx (German UI)",
        files=[fn],
        scale="verbal 4-point (no middle) for five items; 0-10 for mehrwert",
        resp=resp,
        items=items,
        columns=cols,
        not_items=[*meta, free],
        missing=["empty cell"],
    )


def s04():
    """LimeSurvey CSV with answer codes A1..A6 and a separate legend file (A1 = best)."""
    name = "s04_limesurvey_codes_legend"
    d, rng = case_dir(name), random.Random(4)
    keys = [
        "format",
        "struktur",
        "moderation",
        "transparenz",
        "umgang",
        "diskussionsqualitaet",
        "erkenntnisse",
        "ergebnisse",
    ]
    items = {k: 5 for k in keys}
    resp = draw(rng, 27, items, ["A6", "", "A6"], miss_rate=0.09)
    codes = ["A5", "A4", "A3", "A2", "A1"]  # worst -> best
    labels = [
        "sehr unzufrieden",
        "eher unzufrieden",
        "teils/teils",
        "eher zufrieden",
        "sehr zufrieden",
    ]
    stem = "Wie zufrieden waren Sie mit den folgenden Aspekten?"
    head = {k: f"{stem} [{SHORT[k]}]" for k in keys}
    meta = [
        "Antwort ID",
        "Datum Abgeschickt",
        "Letzte Seite",
        "Start-Sprache",
        "Zufallsstartwert",
        "Datum gestartet",
        "Datum letzte Aktivität",
    ]
    free = "Ihre Anmerkungen"
    rows = [meta + [head[k] for k in keys] + [free]]
    for i, r in enumerate(resp, 1):
        t = f"2017-02-15 {rng.randint(17, 20):02d}:{rng.randint(10, 59):02d}:00"
        row = [i, t, 3, "de", rng.randint(10**8, 10**9), t, t]
        rows.append(row + [cell(r, k, lambda g: codes[g]) for k in keys] + [r["comment"]])
    fn = "results-survey482913.csv"
    write_csv(d / fn, rows, delimiter=";")
    leg = [["Code", "Antwort"]] + [[codes[i], labels[i]] for i in range(4, -1, -1)]
    leg.append(["A6", "weiß nicht"])
    write_csv(d / "Antwortcodes_Legende.csv", leg, delimiter=";")
    write_truth(
        d,
        case=name,
        fmt="LimeSurvey CSV export (semicolon), answer codes, separate answer-code legend file",
        files=[fn, "Antwortcodes_Legende.csv"],
        scale="A1 = sehr zufrieden ... A5 = sehr unzufrieden; A6 = weiß nicht (missing)",
        resp=resp,
        items=items,
        columns={k: [head[k], SHORT[k]] for k in keys},
        not_items=[*meta, free],
        missing=["A6", "empty cell"],
    )


SOSCI_META_HEAD = ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED"]
SOSCI_META_TAIL = [
    "TIME_SUM",
    "MAILSENT",
    "LASTDATA",
    "FINISHED",
    "Q_VIEWER",
    "LASTPAGE",
    "MAXPAGE",
]


def sosci(
    name, seed, keys, k, best_is_one, value_labels, missing_codes, n, *, encoding, delimiter, stamp
):
    d, rng = case_dir(name), random.Random(seed)
    items = {kk: k for kk in keys}
    resp = draw(rng, n, items, missing_codes, miss_rate=0.1)
    var = {kk: f"FB01_{i + 1:02d}" for i, kk in enumerate(keys)}
    render = (lambda g: k - g) if best_is_one else (lambda g: g + 1)
    rows = [SOSCI_META_HEAD + [var[kk] for kk in keys] + ["FB02_01"] + SOSCI_META_TAIL]
    for i, r in enumerate(resp):
        hh, mm, ss = rng.randint(17, 20), rng.randint(10, 59), rng.randint(10, 59)
        t = f"2017-02-15 {hh:02d}:{mm:02d}:{ss:02d}"
        rows.append(
            [40 + i, "", "", "rueckmeldung", "interview", t]
            + [cell(r, kk, render) for kk in keys]
            + [r["comment"]]
            + [rng.randint(90, 600), "", t, 1, 0, 3, 3]
        )
    fdata = f"data_rueckmeldung_{stamp}.csv"
    write_csv(d / fdata, rows, delimiter=delimiter, encoding=encoding)
    vrows = [["VAR", "TYPE", "LABEL", "INPUT", "QUESTION"]]
    for kk in keys:
        vrows.append([var[kk], "ORDINAL", f"Zufriedenheit: {SHORT[kk]}", "SC", QUESTION[kk]])
    vrows.append(["FB02_01", "TEXT", "Anmerkungen: [01]", "OPEN", "Ihre Anmerkungen"])
    fvar = f"variables_rueckmeldung_{stamp}.csv"
    write_csv(d / fvar, vrows, delimiter=delimiter, encoding=encoding)
    lrows = [["VAR", "RESPONSE", "MEANING"]]
    for kk in keys:
        for code, meaning in value_labels:
            lrows.append([var[kk], code, meaning])
    fval = f"values_rueckmeldung_{stamp}.csv"
    write_csv(d / fval, lrows, delimiter=delimiter, encoding=encoding)
    return d, resp, items, var


def s05():
    """SoSci Survey, UTF-16 tab, 1 = sehr zufrieden (best) ... 5, -9 and -1 missing."""
    name = "s05_sosci_utf16_reversed"
    keys = [
        "format",
        "struktur",
        "moderation",
        "transparenz",
        "umgang",
        "informationsmaterial",
        "ergebnisse",
    ]
    vl = [
        (1, "sehr zufrieden"),
        (2, "eher zufrieden"),
        (3, "teils/teils"),
        (4, "eher unzufrieden"),
        (5, "sehr unzufrieden"),
        (-1, "weiß nicht"),
        (-9, "nicht beantwortet"),
    ]
    stamp = "2017-02-16_09-12"
    d, resp, items, var = sosci(
        name,
        5,
        keys,
        5,
        True,
        vl,
        ["-9", "-1", "-9"],
        24,
        encoding="utf-16",
        delimiter="\t",
        stamp=stamp,
    )
    write_truth(
        d,
        case=name,
        fmt="SoSci Survey export: data/variables/values tables, tab-separated UTF-16 with BOM",
        files=sorted(p.name for p in d.iterdir() if p.suffix == ".csv"),
        scale="values table: 1 = sehr zufrieden ... 5 = sehr unzufrieden; "
        "-1 = weiß nicht, -9 = nicht beantwortet",
        resp=resp,
        items=items,
        columns={k: [var[k], f"Zufriedenheit: {SHORT[k]}", QUESTION[k]] for k in keys},
        not_items=[*SOSCI_META_HEAD, "FB02_01", *SOSCI_META_TAIL],
        missing=["-9", "-1"],
    )


def s06():
    """SoSci Survey, semicolon UTF-8, 7-point 1 = worst, -99 missing."""
    name = "s06_sosci_7point"
    keys = [
        "moderation",
        "umgang",
        "diskussionsqualitaet",
        "erkenntnisse",
        "ergebnisse",
        "mehrwert",
    ]
    vl = [
        (1, "überhaupt nicht zufrieden"),
        (2, "2"),
        (3, "3"),
        (4, "4"),
        (5, "5"),
        (6, "6"),
        (7, "voll und ganz zufrieden"),
        (-99, "keine Angabe"),
        (-9, "nicht beantwortet"),
    ]
    stamp = "2016-12-08_14-03"
    d, resp, items, var = sosci(
        name, 6, keys, 7, False, vl, ["-99", "-9"], 21, encoding="utf-8", delimiter=";", stamp=stamp
    )
    write_truth(
        d,
        case=name,
        fmt="SoSci Survey export: data/variables/values tables, semicolon UTF-8",
        files=sorted(p.name for p in d.iterdir() if p.suffix == ".csv"),
        scale="7-point: 1 = überhaupt nicht zufrieden ... 7 = voll und ganz zufrieden; "
        "-99 = keine Angabe, -9 = nicht beantwortet",
        resp=resp,
        items=items,
        columns={k: [var[k], f"Zufriedenheit: {SHORT[k]}", QUESTION[k]] for k in keys},
        not_items=[*SOSCI_META_HEAD, "FB02_01", *SOSCI_META_TAIL],
        missing=["-99", "-9"],
    )


GROUPS_A = {"Kommune": 7, "Ehrenamt": 8, "Jobcenter": 5, "Geflüchtete": 3}


def s07():
    """Paper into Excel: school grades 1-6, legend in a row above the header, small group."""
    name = "s07_paper_grades_1_6_smallgroup"
    d, rng = case_dir(name), random.Random(7)
    keys = KEYS
    items = {k: 6 for k in keys}
    resp = draw(rng, 0, items, ["k.A.", "", ""], groups=GROUPS_A)
    rows = [
        ["Rückmeldebögen Auftaktveranstaltung 20.10.2016"],
        [
            "Bewertung in Schulnoten: 1 = sehr gut, 2 = gut, 3 = befriedigend, "
            "4 = ausreichend, 5 = mangelhaft, 6 = ungenügend"
        ],
        [],
        ["Bogen-Nr.", "Gruppe"] + [SHORT[k] for k in keys] + ["Anmerkungen"],
    ]
    for i, r in enumerate(resp, 1):
        rows.append([i, r["group"]] + [cell(r, k, lambda g: 6 - g) for k in keys] + [r["comment"]])
    fn = "Rueckmeldeboegen_abgetippt.xlsx"
    write_xlsx(d / fn, [("Rückmeldungen", rows)])
    write_truth(
        d,
        case=name,
        fmt="paper forms typed into Excel, title + legend rows above the header",
        files=[fn],
        scale="school grades 1 = sehr gut ... 6 = ungenügend (legend in row 2)",
        resp=resp,
        items=items,
        columns={k: [SHORT[k]] for k in keys},
        not_items=["Bogen-Nr.", "Gruppe", "Anmerkungen"],
        missing=["k.A.", "empty cell"],
        notes="group 'Geflüchtete' has 3 respondents: the data keeps it, the report "
        "(survey_items per group) must suppress it",
    )


def s08():
    """Paper into Excel, legend in a second sheet 'Legende', 1 = sehr zufrieden."""
    name = "s08_paper_legend_sheet"
    d, rng = case_dir(name), random.Random(8)
    keys = [
        "format",
        "struktur",
        "moderation",
        "transparenz",
        "informationsmaterial",
        "ergebnisse",
        "mehrwert",
    ]
    items = {k: 5 for k in keys}
    groups = {"Kommune": 6, "Ehrenamt": 9, "Bildungsträger": 5, "Jobcenter": 6}
    resp = draw(rng, 0, items, ["weiß nicht", ""], groups=groups)
    rows = [["Nr.", "Institution"] + [SHORT[k] for k in keys] + ["Sonstige Anmerkungen"]]
    for i, r in enumerate(resp, 1):
        rows.append([i, r["group"]] + [cell(r, k, lambda g: 5 - g) for k in keys] + [r["comment"]])
    legend = [
        ["Wert", "Bedeutung"],
        [1, "sehr zufrieden"],
        [2, "eher zufrieden"],
        [3, "teils/teils"],
        [4, "eher unzufrieden"],
        [5, "sehr unzufrieden"],
        ["weiß nicht", "keine Bewertung"],
    ]
    fn = "Auswertung Feedbackbögen Vertiefung.xlsx"
    write_xlsx(d / fn, [("Feedback", rows), ("Legende", legend)])
    write_truth(
        d,
        case=name,
        fmt="paper forms typed into Excel, legend in sheet 'Legende'",
        files=[fn],
        scale="1 = sehr zufrieden ... 5 = sehr unzufrieden (sheet Legende)",
        resp=resp,
        items=items,
        columns={k: [SHORT[k]] for k in keys},
        not_items=["Nr.", "Institution", "Sonstige Anmerkungen"],
        missing=["weiß nicht", "empty cell"],
    )


def s09():
    """Paper, .ods, 4-point with legend in each header '(1 = sehr gut, 4 = schlecht)'."""
    name = "s09_paper_ods_4point"
    d, rng = case_dir(name), random.Random(9)
    keys = ["format", "moderation", "umgang", "diskussionsqualitaet", "erkenntnisse"]
    items = {k: 4 for k in keys}
    groups = {"Verwaltung": 6, "Ehrenamt": 7, "Wohlfahrtsverbände": 5, "Schule": 5}
    resp = draw(rng, 0, items, ["", "k.A."], groups=groups)
    head = {k: f"{SHORT[k]} (1 = sehr gut, 4 = schlecht)" for k in keys}
    rows = [["Gruppe"] + [head[k] for k in keys] + ["Bemerkungen"]]
    for r in resp:
        rows.append([r["group"]] + [cell(r, k, lambda g: 4 - g) for k in keys] + [r["comment"]])
    fn = "Rueckmeldung_Workshop.ods"
    convert([("Tabelle1", rows)], d / fn, "ods")
    write_truth(
        d,
        case=name,
        fmt="paper forms typed into a LibreOffice .ods",
        files=[fn],
        scale="4-point, 1 = sehr gut ... 4 = schlecht (legend in every header)",
        resp=resp,
        items=items,
        columns={k: [head[k], SHORT[k]] for k in keys},
        not_items=["Gruppe", "Bemerkungen"],
        missing=["k.A.", "empty cell"],
    )


def s10():
    """Paper, .xls, 1 = bad ... 5 = good, legend row above the header."""
    name = "s10_paper_xls_1bad_5good"
    d, rng = case_dir(name), random.Random(10)
    keys = ["format", "struktur", "transparenz", "umgang", "informationsmaterial", "ergebnisse"]
    items = {k: 5 for k in keys}
    groups = {"Kommune": 5, "Ehrenamt": 6, "Kirchen": 5, "Betriebe": 5}
    resp = draw(rng, 0, items, ["k.A.", ""], groups=groups)
    rows = [
        [
            "Skala: 1 = sehr unzufrieden, 2 = unzufrieden, 3 = teils/teils, "
            "4 = zufrieden, 5 = sehr zufrieden"
        ],
        ["Lfd. Nr.", "Bereich"] + [SHORT[k] for k in keys] + ["Kommentar"],
    ]
    for i, r in enumerate(resp, 1):
        rows.append([i, r["group"]] + [cell(r, k, lambda g: g + 1) for k in keys] + [r["comment"]])
    fn = "Rueckmeldeboegen_2017.xls"
    convert([("Tabelle1", rows)], d / fn, "xls")
    write_truth(
        d,
        case=name,
        fmt="paper forms typed into Excel 97 .xls, legend row above the header",
        files=[fn],
        scale="1 = sehr unzufrieden ... 5 = sehr zufrieden",
        resp=resp,
        items=items,
        columns={k: [SHORT[k]] for k in keys},
        not_items=["Lfd. Nr.", "Bereich", "Kommentar"],
        missing=["k.A.", "empty cell"],
    )


def s11():
    """Paper, verbal answers only (no numbers), group + comments."""
    name = "s11_paper_verbal5"
    d, rng = case_dir(name), random.Random(11)
    keys = [
        "format",
        "struktur",
        "moderation",
        "umgang",
        "diskussionsqualitaet",
        "ergebnisse",
        "mehrwert",
    ]
    items = {k: 5 for k in keys}
    groups = {"Kommune": 6, "Ehrenamt": 7, "Geflüchtete": 6, "Jobcenter": 5}
    resp = draw(rng, 0, items, ["weiß nicht", "k.A.", ""], groups=groups)
    rows = [["Teilnehmergruppe"] + [SHORT[k] for k in keys] + ["Freitext"]]
    for r in resp:
        rows.append(
            [r["group"]] + [cell(r, k, lambda g: VERBAL5[g]) for k in keys] + [r["comment"]]
        )
    fn = "Feedback_Abschluss.xlsx"
    write_xlsx(d / fn, [("Tabelle1", rows)])
    write_truth(
        d,
        case=name,
        fmt="paper forms typed into Excel, verbal answers",
        files=[fn],
        scale="verbal 5-point: sehr zufrieden ... sehr unzufrieden",
        resp=resp,
        items=items,
        columns={k: [SHORT[k]] for k in keys},
        not_items=["Teilnehmergruppe", "Freitext"],
        missing=["weiß nicht", "k.A.", "empty cell"],
    )


def s12():
    """Google Forms CSV, 0-10 scale with legend in the question text."""
    name = "s12_google_0_10"
    d, rng = case_dir(name), random.Random(12)
    keys = ["format", "moderation", "transparenz", "erkenntnisse", "mehrwert"]
    items = {k: 11 for k in keys}
    resp = draw(rng, 22, items, [""])
    head = {
        k: f"{QUESTION[k]} (0 = überhaupt nicht zufrieden, 10 = äußerst zufrieden)" for k in keys
    }
    rows = [["Zeitstempel"] + [head[k] for k in keys] + ["Ihr Kommentar"]]
    for r in resp:
        rows.append(
            [ts(rng, "15.02.2017")] + [cell(r, k, lambda g: g) for k in keys] + [r["comment"]]
        )
    fn = "Zufriedenheit 0-10 (Antworten).csv"
    write_csv(d / fn, rows)
    write_truth(
        d,
        case=name,
        fmt="Google Forms CSV, linear scale 0-10",
        files=[fn],
        scale="0 = überhaupt nicht zufrieden ... 10 = äußerst zufrieden",
        resp=resp,
        items=items,
        columns={k: [head[k], QUESTION[k]] for k in keys},
        not_items=["Zeitstempel", "Ihr Kommentar"],
        missing=["empty cell"],
    )


def s13():
    """MS Forms xlsx (English UI), numeric 1-5 with '(1 = sehr gut, 5 = schlecht)'."""
    name = "s13_msforms_en_1good"
    d, rng = case_dir(name), random.Random(13)
    keys = [
        "struktur",
        "moderation",
        "transparenz",
        "umgang",
        "informationsmaterial",
        "diskussionsqualitaet",
        "erkenntnisse",
        "ergebnisse",
    ]
    items = {k: 5 for k in keys}
    resp = draw(rng, 19, items, [""], miss_rate=0.05)
    head = {k: f"Bitte bewerten Sie: {SHORT[k]} (1 = sehr gut, 5 = schlecht)" for k in keys}
    meta = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    free = "Möchten Sie uns noch etwas mitteilen?"
    rows = [meta + [head[k] for k in keys] + [free]]
    for i, r in enumerate(resp, 1):
        t = f"3/14/24 {rng.randint(17, 20)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
        rows.append(
            [i, t, t, "anonymous", "", ""]
            + [cell(r, k, lambda g: 5 - g) for k in keys]
            + [r["comment"]]
        )
    fn = "Feedback Integrationsdialog(1-19).xlsx"
    write_xlsx(d / fn, [("Sheet1", rows)])
    write_truth(
        d,
        case=name,
        fmt="MS Forms xlsx (English UI)",
        files=[fn],
        scale="1 = sehr gut ... 5 = schlecht (legend in each question)",
        resp=resp,
        items=items,
        columns={k: [head[k], SHORT[k]] for k in keys},
        not_items=[*meta, free],
        missing=["empty cell"],
    )


def s14():
    """Paper, legend row, 1 = sehr zufrieden ... 5, a 'Mittelwert' row under the data."""
    name = "s14_paper_mean_row"
    d, rng = case_dir(name), random.Random(14)
    keys = ["format", "struktur", "moderation", "transparenz", "umgang", "ergebnisse"]
    items = {k: 5 for k in keys}
    groups = {"Kommune": 5, "Ehrenamt": 6, "Migrantenorganisationen": 5, "Jobcenter": 5}
    resp = draw(rng, 0, items, ["k.A.", "", "-"], groups=groups)
    rows = [
        [
            "Rückmeldebogen Arbeitskreis Wohnen — 1 = sehr zufrieden, 2 = zufrieden, "
            "3 = teils/teils, 4 = unzufrieden, 5 = sehr unzufrieden"
        ],
        ["Nr.", "Akteursgruppe"] + [SHORT[k] for k in keys] + ["Bemerkung"],
    ]
    for i, r in enumerate(resp, 1):
        rows.append([i, r["group"]] + [cell(r, k, lambda g: 5 - g) for k in keys] + [r["comment"]])
    means = []
    for k in keys:
        v = [5 - r["g"][k] for r in resp if r["g"][k] is not None]
        means.append(round(sum(v) / len(v), 2))
    rows.append([])
    rows.append(["Mittelwert", "", *means, ""])
    fn = "Rueckmeldung_AK_Wohnen.xlsx"
    write_xlsx(d / fn, [("Auswertung", rows)])
    write_truth(
        d,
        case=name,
        fmt="paper forms typed into Excel, legend row, averages row below the data",
        files=[fn],
        scale="1 = sehr zufrieden ... 5 = sehr unzufrieden (legend in row 1)",
        resp=resp,
        items=items,
        columns={k: [SHORT[k]] for k in keys},
        not_items=["Nr.", "Akteursgruppe", "Bemerkung", "row 'Mittelwert'"],
        missing=["k.A.", "-", "empty cell"],
        notes="the 'Mittelwert' row is not a respondent",
    )


def main():
    CASES.mkdir(exist_ok=True)
    for fn in (s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14):
        fn()
        print("written", fn.__name__)


if __name__ == "__main__":
    main()
