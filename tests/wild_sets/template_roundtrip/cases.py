"""What offices do with flueko's rating-sheet template, as data, each with its expected outcome.

Every case is a function that receives an :class:`Edit` (a copy of the kick-off round's
``bewertungsbogen_vorlage.xlsx`` opened with openpyxl) and does to it what an office would do:
select and reword measures, copy the sheet „Bewertung“ per rating body, edit card IDs, move
columns, type ratings. Each step records, where it is done, what a user expects flueko to make
of it:

- ``ids``: title of a rated measure → the set of kick-off idea IDs it must carry in
  ``measures.parquet`` (``ANY`` where flueko's own guess is acceptable, a list of sets where more
  than one outcome is defensible);
- ``ratings``: every typed rating as (title, criterion, value, mode, cells) — ``MUST`` be read
  with that value, ``EITHER`` read with that value or named in the log, ``NEVER`` read (and
  named in the log by one of ``cells``: (sheet, cell, value));
- ``warn``: groups of (sheet, cell, value) of which one must be named by a warning in
  ``ingest_log.csv`` (by its cell, or quoting its value);
- ``raters``: how many rating bodies ``ratings.parquet`` must show.

Rows are found by their text (the template's „Nr.“ at the start, the title afterwards), columns
by their header — never by letter — so the cases stay valid if the template's layout moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHEET = "Bewertung"
H_NR, H_FIELD, H_TITLE, H_IDS, H_VOTES = (
    "Nr.",
    "Handlungsfeld",
    "Maßnahme",
    "Karten-IDs (Herkunft)",
    "Punkte der Karten",
)
CRITERIA = {"impact": "Wirkung", "effort": "Aufwand", "urgency": "Dringlichkeit"}
CRITERIA["feasibility"] = "Umsetzbarkeit"
MUST, EITHER, NEVER = "must", "either", "never"
ANY = "any"


def norm(value) -> str:
    return " ".join(str(value if value is not None else "").split()).casefold()


def ids_of(text) -> set[str]:
    return {p.strip() for p in str(text or "").replace("\n", ";").split(";") if p.strip()}


@dataclass
class Expect:
    ids: dict = field(default_factory=dict)
    ratings: list = field(default_factory=list)
    warn: list = field(default_factory=list)
    raters: int = 0
    save_as: str = "xlsx"


def header_col(ws, start: str) -> int:
    """Column of the header equal to ``start`` or beginning with it (case-insensitive)."""
    heads = {c: norm(ws.cell(1, c).value) for c in range(1, ws.max_column + 1)}
    for c, h in heads.items():
        if h == norm(start):
            return c
    for c, h in heads.items():
        if h.startswith(norm(start)):
            return c
    raise KeyError(f"no column {start!r} in {ws.title!r}: {list(heads.values())}")


class Edit:
    def __init__(self, wb):
        self.wb = wb
        self.expect = Expect()
        ws = wb[SHEET]
        nr, title, ids = header_col(ws, H_NR), header_col(ws, H_TITLE), header_col(ws, H_IDS)
        self.template = {}
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, nr).value is not None:
                self.template[int(ws.cell(r, nr).value)] = (
                    ws.cell(r, title).value,
                    ws.cell(r, ids).value,
                )

    # -- structure --------------------------------------------------------------------------
    def title(self, nr: int) -> str:
        return self.template[nr][0]

    def card_ids(self, nr: int) -> set[str]:
        return ids_of(self.template[nr][1])

    def keep(self, nrs, ws=None) -> None:
        """Delete every measure row but ``nrs``; each kept measure keeps its template IDs."""
        ws = ws or self.wb[SHEET]
        col = header_col(ws, H_NR)
        for r in range(ws.max_row, 1, -1):
            v = ws.cell(r, col).value
            if v is None or int(v) not in nrs:
                ws.delete_rows(r)
        for nr in nrs:
            self.expect.ids[self.title(nr)] = self.card_ids(nr)

    def row_of(self, ws, title: str) -> int:
        col = header_col(ws, H_TITLE)
        for r in range(2, ws.max_row + 1):
            if norm(ws.cell(r, col).value) == norm(title):
                return r
        raise KeyError(f"no measure {title!r} in {ws.title!r}")

    def retitle(self, old: str, new: str, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        ws.cell(self.row_of(ws, old), header_col(ws, H_TITLE)).value = new
        if old in self.expect.ids:
            self.expect.ids[new] = self.expect.ids.pop(old)

    def set_ids(self, title: str, text, expected, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        ws.cell(self.row_of(ws, title), header_col(ws, H_IDS)).value = text
        self.expect.ids[title] = expected

    def drop(self, title: str, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        ws.delete_rows(self.row_of(ws, title))
        self.expect.ids.pop(title, None)

    def add_row(self, values: dict, expected_ids, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        r = ws.max_row + 1
        for head, v in values.items():
            ws.cell(r, header_col(ws, head)).value = v
        self.expect.ids[values[H_TITLE]] = expected_ids

    def titles(self, ws=None) -> list[str]:
        ws = ws or self.wb[SHEET]
        col = header_col(ws, H_TITLE)
        return [ws.cell(r, col).value for r in range(2, ws.max_row + 1) if ws.cell(r, col).value]

    def copy(self, name: str, ws=None):
        new = self.wb.copy_worksheet(ws or self.wb[SHEET])
        new.title = name
        return new

    def delete_col(self, head: str, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        ws.delete_cols(header_col(ws, head))

    def move_col_to_end(self, head: str, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        c = header_col(ws, head)
        values = [ws.cell(r, c).value for r in range(1, ws.max_row + 1)]
        ws.delete_cols(c)
        end = ws.max_column + 1
        for r, v in enumerate(values, start=1):
            ws.cell(r, end).value = v

    def insert_col_after(self, after: str, head: str, values: dict, ws=None) -> None:
        """A new column ``head`` right of ``after``; ``values``: title → text."""
        ws = ws or self.wb[SHEET]
        c = header_col(ws, after) + 1
        ws.insert_cols(c)
        ws.cell(1, c).value = head
        for title, v in values.items():
            ws.cell(self.row_of(ws, title), c).value = v

    def rename_header(self, start: str, new: str, ws=None) -> None:
        ws = ws or self.wb[SHEET]
        ws.cell(1, header_col(ws, start)).value = new

    # -- ratings ----------------------------------------------------------------------------
    def rate(self, ws, title, crit, raw, value=None, mode=MUST, head=None) -> None:
        """Type ``raw`` into the ``crit`` column; ``value`` is what it must be read as."""
        c = header_col(ws, head or CRITERIA[crit])
        r = self.row_of(ws, title)
        cell = ws.cell(r, c)
        cell.value = raw
        group = [(ws.title, cell.coordinate, raw)] if mode in (EITHER, NEVER) else None
        self.expect.ratings.append((title, crit, value, mode, group))

    def rate_all(self, ws, seed: int, crits=("impact", "effort"), only=None, mode=MUST):
        for i, title in enumerate(self.titles(ws)):
            if only is not None and title not in only:
                continue
            for j, crit in enumerate(crits):
                v = 1 + (i * 3 + j * 2 + seed) % 5
                self.rate(ws, title, crit, v, float(v), mode)


# == the cases ====================================================================================
PICK = [1, 2, 3, 4, 5, 6, 7, 10, 11, 13]  # a typical selection: multi-card and single-card rows


def normal_three_bodies(e: Edit):
    """The way the Anleitung says: select rows, rename „Bewertung“, one copy per body."""
    e.keep(PICK)
    first = e.wb[SHEET]
    first.title = "Jobcenter"
    for i, name in enumerate(["Landratsamt", "IHK"], start=1):
        e.rate_all(e.copy(name, first), seed=i)
    e.rate_all(first, seed=0)
    e.expect.raters = 3


def excel_copies_unnamed(e: Edit):
    """Copies called „Bewertung (2)“, „Bewertung (3)“ as Excel names them, nobody renamed."""
    e.keep(PICK)
    first = e.wb[SHEET]
    for i in (2, 3):
        e.rate_all(e.copy(f"Bewertung ({i})", first), seed=i)
    e.rate_all(first, seed=0)
    e.expect.raters = 3


def original_left_empty(e: Edit):
    """„Bewertung“ kept but nobody filled it in; two named copies filled."""
    e.keep(PICK)
    first = e.wb[SHEET]
    e.rate_all(e.copy("Jobcenter", first), seed=1)
    e.rate_all(e.copy("Caritas", first), seed=2)
    e.expect.raters = 2


def reworded_resorted_deleted(e: Edit):
    """Titles reworded, rows deleted, remaining rows sorted by Handlungsfeld (descending)."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.retitle(e.title(1), "Einheitliche Einstufungstests mit allen Kursträgern")
    e.retitle(e.title(4), "Kinderbetreuung während der Sprachkurse")
    e.retitle(e.title(5), "Wartezeit auf Integrationskurse verkürzen")
    e.retitle(e.title(11), "Azubi-Ticket im ÖPNV")
    e.drop(e.title(13))
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=ws.max_row)]
    f = header_col(ws, H_FIELD) - 1
    rows.sort(key=lambda r: str(r[f]), reverse=True)
    for i, values in enumerate(rows, start=2):
        for j, v in enumerate(values, start=1):
            ws.cell(i, j).value = v
    ws.title = "Landratsamt"
    e.rate_all(e.copy("Jobcenter", ws), seed=3)
    e.rate_all(ws, seed=1)
    e.expect.raters = 2


def own_measures_added(e: Edit):
    """Two own measures without IDs (matching by flueko accepted: any lineage), both rated."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.add_row({H_FIELD: "Sprache", H_TITLE: "Sprachcafé im Jugendhaus einrichten"}, ANY)
    e.add_row({H_FIELD: "Arbeit", H_TITLE: "Jobmesse für Geflüchtete im Landratsamt"}, ANY)
    ws.title = "Jobcenter"
    e.rate_all(e.copy("Diakonie", ws), seed=2)
    e.rate_all(ws, seed=0)
    e.expect.raters = 2


def merged_two_into_one(e: Edit):
    """Mieterführerschein and Merkblatt Mülltrennung merged; IDs of both in the merged row."""
    e.keep([*PICK, 24])
    ws = e.wb[SHEET]
    union = e.card_ids(7) | e.card_ids(24)
    e.drop(e.title(24))
    new = "Mieterführerschein mit Merkblatt Mülltrennung in mehreren Sprachen"
    e.retitle(e.title(7), new)
    e.set_ids(new, "; ".join(sorted(union)), union)
    ws.title = "Landratsamt"
    e.rate_all(e.copy("Wohnungsbau GmbH", ws), seed=1)
    e.rate_all(ws, seed=4)
    e.expect.raters = 2


def split_one_into_two(e: Edit):
    """One measure split into two rows that both keep the same card IDs."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    ids = e.card_ids(1)
    a = "Einstufungstests: gemeinsame Qualitätsstandards festlegen"
    b = "Einstufungstests: Ergebnisse an alle Kursträger weitergeben"
    e.retitle(e.title(1), a)
    e.add_row({H_FIELD: "Bildung/Ausbildung", H_TITLE: b, H_IDS: "; ".join(sorted(ids))}, ids)
    ws.title = "Jobcenter"
    e.rate_all(e.copy("VHS", ws), seed=2)
    e.rate_all(ws, seed=0)
    e.expect.raters = 2


def id_typo(e: Edit):
    """One of two IDs mistyped (a character lost): the other one counts, the typo is named."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    good, bad = "K7be9fe659c-1", "K0fdec0b3f-1"
    t = e.title(4)
    # a corrected typo is acceptable as long as it is named; silently dropping it is not
    e.set_ids(t, f"{good}; {bad}", [{good}, {good, "K0fdec0b3f7-1"}])
    e.expect.warn.append([(ws.title, None, bad)])
    ws.title = "Jobcenter"
    e.rate_all(ws, seed=0)
    e.expect.raters = 1


def id_lower_case(e: Edit):
    """IDs retyped in lower case: the same cards."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    for nr in (1, 2, 11):
        e.set_ids(e.title(nr), "; ".join(i.lower() for i in sorted(e.card_ids(nr))), e.card_ids(nr))
    ws.title = "Jobcenter"
    e.rate_all(ws, seed=1)
    e.expect.raters = 1


def id_separators(e: Edit):
    """IDs separated by „, “, by a line break, and by „;“ without a space (README allows all)."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    for nr, sep in ((4, ", "), (5, "\n"), (6, ";"), (10, " ,")):
        e.set_ids(e.title(nr), sep.join(sorted(e.card_ids(nr))), e.card_ids(nr))
    ws.title = "Jobcenter"
    e.rate_all(ws, seed=2)
    e.expect.raters = 1


def id_from_karten_and_keine(e: Edit):
    """An own measure with an ID copied from „Karten“; a measure marked „keine“ (no card)."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    t = "Praktika in Betrieben vermitteln"
    e.add_row({H_FIELD: "Arbeit", H_TITLE: t, H_IDS: "K0587524150-1"}, {"K0587524150-1"})
    e.set_ids(e.title(13), "keine", set())
    ws.title = "Jobcenter"
    e.rate_all(e.copy("Landratsamt", ws), seed=3)
    e.rate_all(ws, seed=1)
    e.expect.raters = 2


def id_whole_card(e: Edit):
    """A card's number without the idea suffix („K0587524150“): both ideas of that card."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    t = "Praktika und Einstiegsqualifizierung für Geflüchtete"
    both = {"K0587524150-1", "K0587524150-2"}
    e.add_row({H_FIELD: "Arbeit", H_TITLE: t, H_IDS: "K0587524150"}, both)
    ws.title = "Jobcenter"
    e.rate_all(ws, seed=4)
    e.expect.raters = 1


def columns_deleted(e: Edit):
    """„Nr.“ and „Punkte der Karten“ deleted (not needed for rating)."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.delete_col(H_NR)
    e.delete_col(H_VOTES)
    ws.title = "Jobcenter"
    e.rate_all(e.copy("IHK", ws), seed=1)
    e.rate_all(ws, seed=2)
    e.expect.raters = 2


def columns_moved_with_comment(e: Edit):
    """IDs moved to the far right; a „Bemerkung“ column (with numbers in the text) added."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.move_col_to_end(H_IDS)
    notes = {
        e.title(2): "nur mit Landesmitteln, 2 Termine 2017",
        e.title(3): "3 Vereine haben zugesagt",
        e.title(7): "läuft schon in 4 Gemeinden",
    }
    e.insert_col_after("Aufwand", "Bemerkung", notes)
    ws.title = "Jobcenter"
    e.rate_all(e.copy("Kreishandwerkerschaft", ws), seed=0)
    e.rate_all(ws, seed=3)
    e.expect.raters = 2


def rating_column_renamed(e: Edit):
    """„Wirkung (1–5)“ renamed „Nutzen (1–5)“: read as Wirkung, or named — never lost silently."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.rename_header("Wirkung", "Nutzen (1–5)")
    ws.title = "Jobcenter"
    for i, title in enumerate(e.titles(ws)):
        v = 1 + (i * 2) % 5
        e.rate(ws, title, "impact", v, float(v), EITHER, head="Nutzen")
        e.expect.ratings[-1][4].append((ws.title, None, "Nutzen"))
        e.rate(ws, title, "effort", 1 + i % 5, float(1 + i % 5))
    e.expect.raters = 1


def rating_headers_simplified(e: Edit):
    """Headers shortened to „Wirkung“, „Aufwand (1-5)“ (ASCII hyphen), „Dringlichkeit“."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.rename_header("Wirkung", "Wirkung")
    e.rename_header("Aufwand", "Aufwand (1-5)")
    e.rename_header("Dringlichkeit", "Dringlichkeit")
    ws.title = "Jobcenter"
    e.rate_all(ws, seed=2, crits=("impact", "effort", "urgency"))
    e.expect.raters = 1


def rating_values_typed(e: Edit):
    """„4“ as text, „4,5“, „2.5“, „ 3 “; „sehr hoch“ (5 or named); „x“, 7, 0 (named, not read)."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    ws.title = "Jobcenter"
    t = e.titles(ws)
    e.rate(ws, t[0], "impact", "4", 4.0)
    e.rate(ws, t[0], "effort", "4,5", 4.5)
    e.rate(ws, t[1], "impact", "2.5", 2.5)
    e.rate(ws, t[1], "effort", " 3 ", 3.0)
    e.rate(ws, t[2], "impact", "sehr hoch", 5.0, EITHER)
    e.rate(ws, t[2], "effort", 2, 2.0)
    e.rate(ws, t[3], "impact", "x", None, NEVER)
    e.rate(ws, t[3], "effort", 3, 3.0)
    e.rate(ws, t[4], "impact", 7, None, NEVER)
    e.rate(ws, t[4], "effort", 0, None, NEVER)
    e.rate(ws, t[5], "impact", 5, 5.0)  # effort left empty: no rating, no warning needed
    # only measures with at least one usable rating are checked for their cards
    for title in (t[4], *t[6:]):
        e.expect.ids.pop(title, None)
    e.expect.raters = 1


def long_format_one_sheet(e: Edit):
    """All bodies in one sheet, a column „Bewerter/in“ in front, one row per body × measure."""
    e.keep(PICK[:6])
    ws = e.wb[SHEET]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=ws.max_row)]
    ws.delete_rows(2, ws.max_row)
    ws.insert_cols(1)
    ws.cell(1, 1).value = "Bewerter/in"
    r = 2
    for body in ("Jobcenter", "Landratsamt", "Caritas"):
        for values in rows:
            ws.cell(r, 1).value = body
            for j, v in enumerate(values, start=2):
                ws.cell(r, j).value = v
            r += 1
    t_col = header_col(ws, H_TITLE)
    for i, row in enumerate(range(2, ws.max_row + 1)):
        title = ws.cell(row, t_col).value
        for crit in ("impact", "effort"):
            v = 1 + (i * 2 + len(crit)) % 5
            ws.cell(row, header_col(ws, CRITERIA[crit])).value = v
            e.expect.ratings.append((title, crit, float(v), MUST, None))
    e.expect.raters = 3


def ods_all_sheets_kept(e: Edit):
    """Saved as .ods by LibreOffice; „Anleitung“ and „Karten“ still in the file."""
    normal_three_bodies(e)
    e.expect.save_as = "ods"


def xls_extra_sheets_deleted(e: Edit):
    """Saved as .xls by LibreOffice; „Anleitung“ and „Karten“ deleted."""
    normal_three_bodies(e)
    del e.wb["Anleitung"]
    del e.wb["Karten"]
    e.expect.save_as = "xls"


def all_rows_kept_some_rated(e: Edit):
    """All ~90 template rows left in; the bodies rate only the first eight."""
    ws = e.wb[SHEET]
    ws.title = "Jobcenter"
    chosen = [e.title(nr) for nr in range(1, 9)]
    for nr in range(1, 9):
        e.expect.ids[e.title(nr)] = e.card_ids(nr)
    e.rate_all(e.copy("Landratsamt", ws), seed=1, only=chosen)
    e.rate_all(ws, seed=0, only=chosen)
    e.expect.raters = 2


def bodies_disagree_on_ids(e: Edit):
    """One body adds a card to a measure's IDs in its copy, the other keeps the template's.
    Any of the two sets (or their union) is acceptable, but the difference must be named."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    ws.title = "Landratsamt"
    other = e.copy("Jobcenter", ws)
    t = e.title(3)
    orig = e.card_ids(3)
    edited = orig | {"K71f5eb3bd2-1"}
    e.set_ids(t, "; ".join(sorted(edited)), [orig, edited], ws=other)
    e.expect.warn.append([("Jobcenter", None, "Jobcenter"), ("Landratsamt", None, "Jobcenter")])
    e.rate_all(other, seed=2)
    e.rate_all(ws, seed=1)
    e.expect.raters = 2


def id_column_deleted(e: Edit):
    """The office deleted „Karten-IDs (Herkunft)“: flueko must guess (any lineage accepted)."""
    e.keep(PICK)
    ws = e.wb[SHEET]
    e.delete_col(H_IDS)
    for t in list(e.expect.ids):
        e.expect.ids[t] = ANY
    ws.title = "Jobcenter"
    e.rate_all(e.copy("Landratsamt", ws), seed=4)
    e.rate_all(ws, seed=2)
    e.expect.raters = 2


CASES = [
    normal_three_bodies,
    excel_copies_unnamed,
    original_left_empty,
    reworded_resorted_deleted,
    own_measures_added,
    merged_two_into_one,
    split_one_into_two,
    id_typo,
    id_lower_case,
    id_separators,
    id_from_karten_and_keine,
    id_whole_card,
    columns_deleted,
    columns_moved_with_comment,
    rating_column_renamed,
    rating_headers_simplified,
    rating_values_typed,
    long_format_one_sheet,
    ods_all_sheets_kept,
    xls_extra_sheets_deleted,
    all_rows_kept_some_rated,
    bodies_disagree_on_ids,
    id_column_deleted,
]
