"""Analyst edits of the Maßnahmenplan's lineage review, as data, each with its expected outcome.

Every case is a function that receives an :class:`Edit` (a copy of the exported
``massnahmenplan.xlsx`` opened with openpyxl) and types into it what an analyst would type. Each
typed answer states, right where it is typed, what a user expects flueko to make of it:

- ``YES``: the card belongs to the measure (added, or a link confirmed),
- ``NO``: the card does not belong to the measure (link or proposal removed),
- ``UNCLEAR``: not applied, and named in ``ingest_log.csv`` (by its cell or its value),
- ``NOTHING``: a clear answer that changes nothing and must not be reported.

Rows are addressed by content (measure ID, card ID, the column „Vorschlag von flueko“), columns by
their header — never by letter or number — so the cases stay valid if the sheet's layout moves.
The cells that must be reported are looked up only after the whole edit (sorting, deleting rows),
so they point to where the answer finally stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

YES, NO, UNCLEAR, NOTHING = "yes", "no", "unclear", "nothing"

REVIEW_SHEET = "Herkunft prüfen"
PLAN_SHEET = "Maßnahmenplan"
H_MEASURE = "Maßnahmen-ID"
H_TITLE = "Maßnahme"
H_CARD = "Karten-ID"
H_TEXT = "Karte"
H_VOTES = "Punkte"
H_STATUS = "Vorschlag von flueko"
H_ANSWER = "Gehört dazu? (ja/nein)"
H_PLAN_ID = "ID"
H_PLAN_CARDS = "Karten-IDs (Herkunft)"
UNLINKED = "keiner Maßnahme zugeordnet"


def _norm(value) -> str:
    return " ".join(str(value or "").split()).casefold()


@dataclass
class Expect:
    """What one case must produce."""

    answers: list = field(default_factory=list)
    """(measure_id, card_id, effect, key): key locates the answer row after the edit."""
    cells: dict = field(default_factory=dict)
    """measure_id → set of cards set directly in „Karten-IDs (Herkunft)“."""
    alternatives: dict = field(default_factory=dict)
    """measure_id → list of acceptable sets (only where no single outcome is right)."""
    reports: list = field(default_factory=list)
    """Answers that must be named as not understood: one group each, a list of (sheet, key or
    row, value) of which any one named suffices (a contradiction may be named at either side)."""
    clear: list = field(default_factory=list)
    """(sheet, key or row): clear answers that must not be named as not understood."""
    save_as: str = "xlsx"
    review_sheet: str = REVIEW_SHEET


class Edit:
    """A workbook under edit plus the expectations its typed answers carry."""

    def __init__(self, wb):
        self.wb = wb
        self.expect = Expect()
        self.review = wb[REVIEW_SHEET]
        self.plan = wb[PLAN_SHEET]
        self.r_head, self.r_col = _header(self.review, H_ANSWER)
        self.p_head, self.p_col = _header(self.plan, H_PLAN_CARDS)

    # -- locating rows ------------------------------------------------------------------------
    def row_of(self, key) -> int:
        """Row of ``key`` in the review sheet: (measure_id, card_id) for a measure's card,
        (None, card_id) for the card's row in the list of cards without a measure."""
        measure, card = key
        ws, col = self.review, self.r_col
        for row in range(self.r_head + 1, ws.max_row + 1):
            if _norm(ws.cell(row, col[H_CARD]).value) != _norm(card):
                continue
            status = _norm(ws.cell(row, col[H_STATUS]).value)
            if measure is None and status == _norm(UNLINKED):
                return row
            same = _norm(ws.cell(row, col[H_MEASURE]).value) == _norm(measure)
            if measure is not None and status != _norm(UNLINKED) and same:
                return row
        raise KeyError(f"no row for {key} in the sheet „{ws.title}“")

    def plan_row(self, measure: str) -> int:
        for row in range(self.p_head + 1, self.plan.max_row + 1):
            if _norm(self.plan.cell(row, self.p_col[H_PLAN_ID]).value) == _norm(measure):
                return row
        raise KeyError(measure)

    def put(self, key, header: str, value) -> None:
        self.review.cell(self.row_of(key), self.r_col[header]).value = value

    # -- typing answers -----------------------------------------------------------------------
    def answer(self, measure: str, card: str, value, effect: str) -> None:
        """Type ``value`` into the answer cell of ``card`` under ``measure``."""
        key = (measure, card)
        self.put(key, H_ANSWER, value)
        self._note(measure, card, value, effect, key)

    def assign(self, card: str, typed_id, value, effect: str, measure: str | None = None):
        """In the list of cards without a measure: type ``typed_id`` into „Maßnahmen-ID“ and
        ``value`` as the answer. ``measure`` is the measure the user means (for ``YES``)."""
        key = (None, card)
        if typed_id is not None:
            self.put(key, H_MEASURE, typed_id)
        if value is not None:
            self.put(key, H_ANSWER, value)
        # an ID that is not understood is named by the ID, an answer without ID by the answer
        self._note(measure, card, typed_id if typed_id is not None else value, effect, key)

    def _note(self, measure, card, value, effect, key) -> None:
        self.expect.answers.append((measure, card, effect, key))
        if effect == UNCLEAR:
            self.expect.reports.append([(REVIEW_SHEET, key, value)])
        else:
            self.expect.clear.append((REVIEW_SHEET, key))

    def card_ids(self, measure: str, value: str, expected: set[str], *, report=None) -> None:
        """Type ``value`` into „Karten-IDs (Herkunft)“ of ``measure`` in the plan sheet."""
        row = self.plan_row(measure)
        self.plan.cell(row, self.p_col[H_PLAN_CARDS]).value = value
        self.expect.cells[measure] = set(expected)
        if report is None:
            self.expect.clear.append((PLAN_SHEET, row))
        else:
            self.expect.reports.append([(PLAN_SHEET, row, report)])

    # -- reshaping the sheet ------------------------------------------------------------------
    def data_rows(self) -> list[int]:
        ws = self.review
        return [
            r
            for r in range(self.r_head + 1, ws.max_row + 1)
            if ws.cell(r, self.r_col[H_CARD]).value not in (None, "")
        ]

    def sort_review(self, key) -> None:
        """Sort the review sheet's data rows (as a filter's sort does: values move, rows stay)."""
        ws = self.review
        rows = self.data_rows()
        width = ws.max_column
        values = [[ws.cell(r, c).value for c in range(1, width + 1)] for r in rows]
        values.sort(key=key)
        for r, vals in zip(rows, values, strict=True):
            for c, v in enumerate(vals, 1):
                ws.cell(r, c).value = v

    def delete(self, key) -> None:
        self.review.delete_rows(self.row_of(key))

    def rename_review(self, name: str) -> None:
        self.review.title = name
        self.expect.review_sheet = name

    # -- after the edit -----------------------------------------------------------------------
    def resolve(self) -> Expect:
        """Turn the row keys into row numbers (after sorting or deleting rows)."""
        e = self.expect
        sheet_name = {REVIEW_SHEET: e.review_sheet, PLAN_SHEET: PLAN_SHEET}

        def where(sheet, key):
            return sheet_name[sheet], key if isinstance(key, int) else self.row_of(key)

        e.reports = [[(*where(s, k), v) for s, k, v in group] for group in e.reports]
        e.clear = [where(s, k) for s, k in e.clear]
        return e


def _header(ws, needle: str) -> tuple[int, dict[str, int]]:
    for row in range(1, 10):
        names = {_norm(ws.cell(row, c).value): c for c in range(1, ws.max_column + 1)}
        if _norm(needle) in names:
            cols = {}
            for c in range(1, ws.max_column + 1):
                v = ws.cell(row, c).value
                if v is not None:
                    cols[str(v).strip()] = c
            return row, cols
    raise KeyError(f"no header „{needle}“ in the sheet „{ws.title}“")


# =============================================================================================
# The cases. IDs are those of the demo data (data/raw of the project): measures M-…, cards K….
# =============================================================================================

QS = "M-4613e158"  # Qualitätsstandards für Einstufungstests …
INFO = "M-c4f5791a"  # Info-Abende für Betriebe …
VEREIN = "M-02e09ede"  # Vereinsrundgänge
ANSPR = "M-142ff230"  # Feste Ansprechperson für Betriebe im Landratsamt
BEITRAG = "M-273a1d82"  # Ermäßigte Mitgliedsbeiträge …
MIETER = "M-63ee651a"  # Mieterführerschein
VABO = "M-4d362ca7"  # Praktikumsbörse für VABO-Klassen
KITA = "M-669dd6ad"  # Kinderbetreuung parallel zu Sprachkursen
BERUF = "M-1033e92e"  # Berufsbezogene Sprachkurse
EHREN = "M-88d434f4"  # Schulung und Erfahrungsaustausch für Ehrenamtliche
BOERSE = "M-17e7cc3a"  # Wohnraumbörse
LERN = "M-926db994"  # Lernpatenschaften
MIETAUSFALL = "M-c5b2ff56"  # Mietausfallgarantie
OEPNV = "M-48703ec4"  # ÖPNV-Ticket


def c01_ja_nein_plain(e: Edit):
    """The documented way: „ja“ on a proposal, „nein“ on a link."""
    e.answer(QS, "K936c6f546d-1", "ja", YES)
    e.answer(QS, "K797593b484-1", "nein", NO)


def c02_ja_capitals(e: Edit):
    """„Ja“ (Excel's auto-capital) and „JA“ (caps lock)."""
    e.answer(INFO, "K02dd8bc25e-1", "Ja", YES)
    e.answer(INFO, "K2144a86ff2-1", "JA", YES)


def c03_j_and_x(e: Edit):
    """„j“ and a cross „x“ in the column „Gehört dazu?“ — both mean yes to a German reader."""
    e.answer(VEREIN, "Kf4e597ce27-1", "j", YES)
    e.answer(VEREIN, "K98e45563d3-1", "x", YES)


def c04_X_yes_check(e: Edit):
    """„X“, English „yes“ and a tick „✓“ (from a symbol menu or a phone keyboard)."""
    e.answer(ANSPR, "K2144a86ff2-1", "X", YES)
    e.answer(ANSPR, "Kb8fbdff7b6-1", "yes", YES)
    e.answer(ANSPR, "K855c334070-1", "✓", YES)


def c05_ja_punctuation_spaces(e: Edit):
    """„ja.“ (sentence habit) and „ ja “ (spaces around)."""
    e.answer(BEITRAG, "Kf8490891d4-1", "ja.", YES)
    e.answer(BEITRAG, "K64af79ce39-1", " ja ", YES)


def c06_nein_variants(e: Edit):
    """„Nein“, „n“, „no“ and a dash „-“ on four links of one measure: all remove."""
    e.answer(VABO, "K92582e65fc-2", "Nein", NO)
    e.answer(VABO, "Kd4191a55e7-1", "n", NO)
    e.answer(VABO, "K37d138e4fd-1", "no", NO)
    e.answer(VABO, "K6871584ccb-1", "-", NO)


def c07_unclear_words(e: Edit):
    """Hedged answers a careful tool must not apply but name: on links (a wrong „nein“
    would remove them) and on proposals (a wrong „ja“ would add them)."""
    e.answer(BERUF, "Kb455ebff24-1", "eher nicht", UNCLEAR)
    e.answer(BERUF, "Kd2d0c38f08-1", "prüfen", UNCLEAR)
    e.answer(BERUF, "K936c6f546d-1", "vielleicht", UNCLEAR)
    e.answer(BERUF, "Kc07d4ff611-1", "?", UNCLEAR)
    e.answer(BERUF, "Kf32df44b69-1", "ja?", UNCLEAR)


def c08_confirm_links(e: Edit):
    """„ja“ on every link of a measure, also the uncertain one: nothing changes, no card
    twice, nothing reported."""
    e.answer(MIETAUSFALL, "Kcc906a08d7-1", "ja", YES)
    e.answer(MIETAUSFALL, "K43d48d8989-1", "ja", YES)
    e.answer(MIETAUSFALL, "K5dd9755133-1", "ja", YES)


def c09_several_per_measure(e: Edit):
    """One measure reviewed fully: one link removed, two proposals added, one proposal
    refused, the rest left empty (flueko's proposal stands)."""
    e.answer(ANSPR, "K9c1441917e-1", "nein", NO)
    e.answer(ANSPR, "Kc79acda8d0-1", "ja", YES)
    e.answer(ANSPR, "Kb8fbdff7b6-1", "ja", YES)
    e.answer(ANSPR, "K855c334070-1", "ja", YES)
    e.answer(ANSPR, "K0a0b278645-1", "nein", NO)
    e.answer(ANSPR, "K3527e93fc7-1", "nein", NO)


def c10_unlinked_assign(e: Edit):
    """A card without a measure: the measure's ID and „ja“, as the sheet's note says."""
    e.assign("K193a484a38-1", BOERSE, "ja", YES, measure=BOERSE)


def c11_unlinked_id_lowercase_spaces(e: Edit):
    """Measure IDs typed by hand: lower case, spaces around."""
    e.assign("K3e1eb0237f-1", " m-c4f5791a ", "Ja", YES, measure=INFO)
    e.assign("K11570411d3-1", "m-669dd6ad", "ja", YES, measure=KITA)
    e.assign("Kc43485c2d6-1", "m-17e7cc3a ", "ja", YES, measure=BOERSE)


def c12_unlinked_unknown_id(e: Edit):
    """An ID that no measure has (made up; one digit short): not applied, named."""
    e.assign("K98e45563d3-1", "M-99999999", "ja", UNCLEAR)
    e.assign("K0587524150-1", "M-4613e15", "ja", UNCLEAR)
    e.assign("Kb8fbdff7b6-1", ANSPR, "ja", YES, measure=ANSPR)


def c13_unlinked_id_without_answer(e: Edit):
    """The measure ID typed, the answer cell left empty. The note asks for ID *and* „ja“; a
    half answer is not applied but should be named, or the analyst believes it done."""
    e.assign("Kdbd55969fa-1", INFO, None, UNCLEAR)


def c14_unlinked_answer_without_id(e: Edit):
    """„ja“ on a card without a measure but no ID typed: nothing to link it to — named. „nein“
    there (the card belongs to no measure) is a clear answer that changes nothing."""
    e.assign("Kc07d4ff611-1", None, "ja", UNCLEAR)
    e.assign("K0587524150-2", None, "nein", NOTHING)
    e.assign("K2144a86ff2-1", None, "Nein", NOTHING)


def c15_card_text_edited(e: Edit):
    """The analyst fixed a card's text and shortened a measure title in the same rows as her
    answers: the IDs still say which card and measure are meant."""
    e.put(
        (OEPNV, "Kf8490891d4-1"),
        H_TEXT,
        "Ohne Auto kommt man abends nicht zum Training (Fahrtkosten!)",
    )
    e.answer(OEPNV, "Kf8490891d4-1", "ja", YES)
    e.put((OEPNV, "Ke109ab9905-1"), H_TITLE, "ÖPNV-Ticket")
    e.answer(OEPNV, "Ke109ab9905-1", "nein", NO)
    e.put((None, "K22b016a4c6-1"), H_TEXT, "Keine Busverbindung zu Gewerbegebieten (Schicht)")
    e.assign("K22b016a4c6-1", OEPNV, "ja", YES, measure=OEPNV)


def c16_resorted_by_votes(e: Edit):
    """Answers typed, then the sheet sorted by „Punkte“ (most first) with the filter's sort:
    measures' rows and the cards without a measure are now mixed."""
    e.answer(QS, "K797593b484-1", "nein", NO)
    e.answer(INFO, "K3e1eb0237f-1", "ja", YES)
    e.answer(LERN, "K7730b8f106-1", "ja", YES)
    e.assign("Kc43485c2d6-1", BOERSE, "ja", YES, measure=BOERSE)
    votes = e.r_col[H_VOTES] - 1
    e.sort_review(lambda vals: -(vals[votes] or 0))


def c17_proposal_rows_deleted(e: Edit):
    """The analyst deleted proposal rows she found irrelevant (rows below move up) and
    answered rows further down."""
    for card in ("K936c6f546d-1", "Ka2063feff4-1", "K92582e65fc-1", "Kc07d4ff611-1"):
        e.delete((QS, card))
    e.answer(QS, "K8704636cab-1", "nein", NO)
    e.answer(INFO, "K8c97ed923f-1", "nein", NO)
    e.answer(INFO, "Kdd635fea1c-2", "ja", YES)
    e.assign("Kf7d8d56d3a-1", QS, "ja", YES, measure=QS)


def c18_linked_row_deleted(e: Edit):
    """A link's row deleted instead of answered „nein“. Deleting is no answer (rows also go
    when tidying up); the sheet says empty keeps flueko's proposal — so the link stays."""
    e.delete((MIETER, "K8040194915-1"))
    e.answer(MIETER, "K9870f3b8a7-1", "ja", YES)


def c19_sheet_renamed(e: Edit):
    """The sheet renamed („Herkunft geprüft 12.05.“) after answering."""
    e.answer(KITA, "K0fdec0b3f7-1", "nein", NO)
    e.answer(KITA, "K11570411d3-1", "ja", YES)
    e.assign("K7be9fe659c-2", KITA, "ja", YES, measure=KITA)
    e.rename_review("Herkunft geprüft 12.05.")


def c20_saved_as_ods(e: Edit):
    """Answered, then saved by LibreOffice as .ods (only the .ods goes into the raw folder)."""
    e.answer(LERN, "K38b180f2d4-1", "nein", NO)
    e.answer(LERN, "K7730b8f106-2", "Ja", YES)
    e.answer(LERN, "K41f5f7f311-1", "eher nicht", UNCLEAR)
    e.assign("Kb0cb6b878a-1", LERN, "ja", YES, measure=LERN)
    e.expect.save_as = "ods"


def c21_cell_and_answers_agree(e: Edit):
    """„Karten-IDs (Herkunft)“ edited (one card dropped, one typed in) and, for the same
    measure, answers in the review sheet on other cards. Nothing contradicts: the user
    expects every one of her edits — the union of the changes."""
    e.card_ids(
        MIETAUSFALL,
        "K43d48d8989-1; Kcc906a08d7-1; Kf9f2068d50-1",
        {"K43d48d8989-1", "Kcc906a08d7-1", "Kf9f2068d50-1"},
    )
    e.answer(MIETAUSFALL, "K855c334070-1", "ja", YES)
    e.answer(MIETAUSFALL, "Kcc906a08d7-1", "nein", NO)


def c22_cell_and_answer_contradict(e: Edit):
    """The cell names a card (typed in) that the review sheet refuses („nein“) for the same
    measure. Neither is more reliable — the user cannot tell from the file which came last.
    Expected: either outcome, but the contradiction must be named (at either cell)."""
    e.plan.cell(e.plan_row(EHREN), e.p_col[H_PLAN_CARDS]).value = "K786e8d4d3b-1; Kfb74e507a1-1"
    e.review.cell(e.row_of((EHREN, "Kfb74e507a1-1")), e.r_col[H_ANSWER]).value = "nein"
    e.expect.alternatives[EHREN] = [{"K786e8d4d3b-1", "Kfb74e507a1-1"}, {"K786e8d4d3b-1"}]
    e.expect.reports.append(
        [
            (PLAN_SHEET, e.plan_row(EHREN), "Kfb74e507a1-1"),
            (REVIEW_SHEET, (EHREN, "Kfb74e507a1-1"), "nein"),
        ]
    )


def c23_cell_comma_separated(e: Edit):
    """IDs separated by „, “ (how people write lists), one in lower case."""
    e.card_ids(
        EHREN,
        "K786e8d4d3b-1, kfb74e507a1-1, Kfb74e507a1-2",
        {"K786e8d4d3b-1", "Kfb74e507a1-1", "Kfb74e507a1-2"},
    )


def c24_cell_line_breaks_spaces(e: Edit):
    """IDs on lines of their own (Alt+Enter) in one cell, and extra spaces with a trailing „;“
    in another."""
    e.card_ids(
        BOERSE,
        "Kdd635fea1c-1\nK4cd47f4405-1\nKa59ef64b56-1\n",
        {"Kdd635fea1c-1", "K4cd47f4405-1", "Ka59ef64b56-1"},
    )
    e.card_ids(
        MIETAUSFALL, "  Kcc906a08d7-1 ;K43d48d8989-1 ;  ", {"Kcc906a08d7-1", "K43d48d8989-1"}
    )


def c25_cell_keine(e: Edit):
    """„Keine“ (capital, as Excel corrects it) — the measure comes from no card."""
    e.card_ids(EHREN, "Keine", set())


def c26_cell_unknown_card(e: Edit):
    """A typo in one ID of the cell: the known IDs are taken, the unknown one is named."""
    e.card_ids(
        MIETER,
        "K8040194915-1; K9870f3b8a7-1; K987Of3b8a7-2",
        {"K8040194915-1", "K9870f3b8a7-1"},
        report="K987Of3b8a7-2",
    )


def c27_card_under_two_measures(e: Edit):
    """A card proposed for three measures („mehrdeutig“): „ja“ under two of them, „nein“ under
    the third — a card may feed more than one measure."""
    e.answer(QS, "K936c6f546d-1", "ja", YES)
    e.answer(KITA, "K936c6f546d-1", "ja", YES)
    e.answer(BERUF, "K936c6f546d-1", "nein", NO)


def c28_answer_with_comment(e: Edit):
    """Answers with a short reason after a comma or dash. To a reader „Ja, passt“ is an
    unambiguous yes and „nein – anderes Thema“ an unambiguous no (unlike „ja?“)."""
    e.answer(OEPNV, "Ke4314a9461-1", "Ja, passt", YES)
    e.answer(OEPNV, "K5d86ef0ac9-1", "nein – anderes Thema", NO)


CASES = [
    c01_ja_nein_plain,
    c02_ja_capitals,
    c03_j_and_x,
    c04_X_yes_check,
    c05_ja_punctuation_spaces,
    c06_nein_variants,
    c07_unclear_words,
    c08_confirm_links,
    c09_several_per_measure,
    c10_unlinked_assign,
    c11_unlinked_id_lowercase_spaces,
    c12_unlinked_unknown_id,
    c13_unlinked_id_without_answer,
    c14_unlinked_answer_without_id,
    c15_card_text_edited,
    c16_resorted_by_votes,
    c17_proposal_rows_deleted,
    c18_linked_row_deleted,
    c19_sheet_renamed,
    c20_saved_as_ods,
    c21_cell_and_answers_agree,
    c22_cell_and_answer_contradict,
    c23_cell_comma_separated,
    c24_cell_line_breaks_spaces,
    c25_cell_keine,
    c26_cell_unknown_card,
    c27_card_under_two_measures,
    c28_answer_with_comment,
]


def expected_ids(base: dict[str, set[str]], expect: Expect) -> dict[str, list[set[str]]]:
    """Each measure's acceptable card sets: the export's, the cell's where edited, then the
    answers applied (yes adds, no removes)."""
    out = {m: set(ids) for m, ids in base.items()}
    out.update({m: set(ids) for m, ids in expect.cells.items()})
    for measure, card, effect, _key in expect.answers:
        if measure is None or measure not in out:
            continue
        if effect == YES:
            out[measure].add(card)
        elif effect == NO:
            out[measure].discard(card)
    result = {m: [ids] for m, ids in out.items()}
    result.update({m: list(alts) for m, alts in expect.alternatives.items()})
    return result
