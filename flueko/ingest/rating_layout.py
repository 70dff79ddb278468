"""Where the header of a rating sheet is and what each of its columns holds.

A rating sheet comes in one of five layouts (:attr:`RatingLayout.layout`):

- ``long``: one row per rater × measure, the rater in a column ("Bewerter/in", "Institution");
- ``tall``: one row per rater × measure × criterion, as survey tools and databases export it
  ("Maßnahme | Bewerter/in | Kriterium | Wert"): the criterion is named in its row (target
  criterion :data:`FROM_ROW`); without a rater column the sheet name is the rater;
- ``matrix``: two header rows — a criterion ("Wirkung (1-5)") merged, repeated or written only
  above the first column of a block of rater columns, the raters' names in the row below; or a
  rater merged over a Wirkung | Aufwand pair with the criteria below;
- ``combined``: one header row with "Wirkung LRA", "LRA Wirkung" … for each rater;
- ``per_rater_sheet``: neither; the rater is the sheet name (one sheet per rater).

Mean columns ("Ø Wirkung", "Mittelwert Aufwand") beside rater columns are derived, not a rater:
they are listed in :attr:`RatingLayout.ignored`. Header rows never become measures; the header
rows and the role of each column are reported (:attr:`RatingLayout.header_rows`,
:meth:`RatingLayout.columns`) for the „verstanden als“ line of the cell accounting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from flueko import schema
from flueko.ingest.cells import cell_text
from flueko.ingest.scales import is_not_given, parse_rating
from flueko.sheet import Sheet, is_empty
from flueko.text import fold
from flueko.vocabulary import Vocabulary, header_key, or_default

RATER_ROLE = "rater"
FROM_ROW = "rating"
"""Criterion of the one target of a ``tall`` sheet: each row's criterion column names it."""

READING_ROLES: dict[str, str] = {schema.TITLE: "measure", "number": "id"}
"""Parser role → role key of the cell accounting (:mod:`flueko.ingest.accounting`); the other
roles keep their names."""


@dataclass(frozen=True)
class Target:
    """One column of rating values: whose (``None`` = from the rater column) and which
    criterion."""

    rater: str | None
    criterion: str
    col: int


@dataclass(frozen=True)
class RatingLayout:
    """How a rating sheet is laid out (see module notes)."""

    layout: str
    header_rows: tuple[int, ...]
    roles: dict[str, int]
    """Role (a key of the vocabulary's ``headers``) → 0-based column of its first header."""
    targets: tuple[Target, ...]
    ignored: dict[int, str] = field(default_factory=dict)
    """Column → why it is not read (a mean column)."""
    headers: dict[int, str] = field(default_factory=dict)
    """Column → its header text as shown (both header rows joined with " / ")."""

    @property
    def data_start(self) -> int:
        """First row below the header."""
        return max(self.header_rows) + 1

    def columns(self) -> dict[str, list[int]]:
        """Columns by role, with the role keys of the cell accounting: ``measure``, ``rater``,
        ``impact``, ``effort``, ``cost`` … (rating columns under their criterion)."""
        out: dict[str, list[int]] = {}
        for role, col in self.roles.items():
            if role in schema.CRITERIA and any(t.col == col for t in self.targets):
                continue
            out.setdefault(READING_ROLES.get(role, role), []).append(col)
        for t in self.targets:
            out.setdefault(t.criterion, []).append(t.col)
        return {k: sorted(set(v)) for k, v in out.items()}

    def reading(self) -> dict:
        """Keyword arguments for the cell accounting's ``Reading`` of this sheet: ``kind``,
        ``header_rows`` (both rows of a two-row header) and ``columns`` (:meth:`columns`)."""
        return {"kind": "ratings", "header_rows": self.header_rows, "columns": self.columns()}


def criterion_in(norm: str, headers: Mapping[str, tuple[str, ...]]) -> str | None:
    """The criterion a folded header names ("wirkung lra" → ``impact``), else ``None``."""
    for criterion in schema.CRITERIA:
        if any(re.search(rf"\b{re.escape(s)}\b", norm) for s in headers[criterion]):
            return criterion
    return None


def match_header(
    value: object, roles: tuple[str, ...] | None = None, *, vocabulary: Vocabulary | None = None
) -> str | None:
    """The role of a header cell (a key of the vocabulary's ``headers``), ``None`` if unknown."""
    norm = header_key(cell_text(value))
    if not norm:
        return None
    headers = or_default(vocabulary).headers
    for role in roles or tuple(headers):
        for syn in headers[role]:
            if norm == syn or norm.startswith(syn + " "):
                if role == RATER_ROLE and criterion_in(norm, headers):
                    return None  # "TN 01 Wirkung" is a rater's column
                return role
    return None


def rest_of(text: str, criterion: str, headers: Mapping[str, tuple[str, ...]]) -> str:
    """A combined header without its criterion words and scale hint: "Wirkung LRA (1-5)" →
    "LRA"."""
    rest = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    for syn in headers[criterion]:
        pattern = re.escape(syn).replace("ae", "(?:ae|ä)").replace("ue", "(?:ue|ü)")
        pattern = pattern.replace("oe", "(?:oe|ö)")
        rest = re.sub(rf"(?i)\b{pattern}\b", " ", rest)
    return " ".join(re.sub(r"^[\s:\-–—_/|.,]+|[\s:\-–—_/|.,]+$", "", rest).split())


def _is_mean(rest: str, vocab: Vocabulary) -> bool:
    words = fold(rest).split()
    return bool(words) and (words[0] in vocab.totals or rest.strip().startswith("Ø"))


def _is_subheader(sheet: Sheet, row: int, title_col: int | None) -> bool:
    """True if ``row`` (below the first header row) is a second header row: the measure cell
    is empty (or merged from above) and every other cell is a label, no rating."""
    if row >= sheet.n_rows:
        return False
    if title_col is not None and not is_empty(sheet.value(row, title_col)):
        return False
    labels = 0
    for c, value in enumerate(sheet.row_values(row)):
        if c == title_col or is_empty(value):
            continue
        if not isinstance(value, str) or is_not_given(value):
            return False
        if parse_rating(value, scale=(0, 10), symbols=True) is not None:
            return False
        labels += 1
    return labels >= 1


def rating_layout(
    sheet: Sheet, *, header_row: int, vocabulary: Vocabulary | None = None
) -> RatingLayout:
    """Recognise the layout of a rating sheet whose (first) header row is ``header_row``."""
    vocab = or_default(vocabulary)
    headers = vocab.headers
    h = header_row
    first = [cell_text(sheet.merged_value(h, c)) for c in range(sheet.n_cols)]
    title_col = next(
        (c for c, t in enumerate(first) if match_header(t, vocabulary=vocab) == "title"), None
    )
    second: list[str] | None = None
    if h + 1 < sheet.n_rows:
        below = [cell_text(sheet.merged_value(h + 1, c)) for c in range(sheet.n_cols)]
        title_below = False
        if title_col is None:
            title_col = next(
                (c for c, t in enumerate(below) if match_header(t, vocabulary=vocab) == "title"),
                None,
            )
            title_below = title_col is not None  # raters above, "Maßnahme" with the criteria
        crit_somewhere = any(criterion_in(header_key(t), headers) for t in first + below if t)
        if crit_somewhere and _is_subheader(sheet, h + 1, None if title_below else title_col):
            second = below
    if second is not None:
        return _two_rows(sheet, h, first, second, vocab)
    return _one_row(sheet, h, first, vocab)


def _roles(texts: Mapping[int, str], vocab: Vocabulary) -> dict[str, int]:
    found: dict[str, int] = {}
    for col in sorted(texts):
        role = match_header(texts[col], vocabulary=vocab)
        if role is not None and role not in found:
            found[role] = col
    return found


def _one_row(sheet: Sheet, h: int, texts: list[str], vocab: Vocabulary) -> RatingLayout:
    headers = vocab.headers
    shown = {c: t for c, t in enumerate(texts) if t}
    roles = _roles(shown, vocab)
    combined: list[tuple[int, str, str]] = []
    plain: dict[str, int] = {}
    for col, text in shown.items():
        criterion = criterion_in(header_key(text), headers)
        if criterion is None or col == roles.get("title"):
            continue
        rest = rest_of(text, criterion, headers)
        if rest:
            combined.append((col, criterion, rest))
        else:
            plain.setdefault(criterion, col)
    per_criterion = Counter(c for _, c, rest in combined if not _is_mean(rest, vocab))
    if "criterion" in roles and "rating" in roles:
        rater = None if RATER_ROLE in roles else (sheet.name or sheet.file)
        targets = [Target(rater, FROM_ROW, roles["rating"])]
        layout = "tall"
        ignored = {col: "Kriterium als Spalte neben „Kriterium | Wert“" for col in plain.values()}
    elif RATER_ROLE in roles:
        targets = [Target(None, c, col) for c, col in plain.items()]
        layout = "long"
        ignored: dict[int, str] = {}
    elif per_criterion and per_criterion.most_common(1)[0][1] >= 2:
        targets, ignored = [], {}
        for col, criterion, rest in combined:
            if _is_mean(rest, vocab):
                ignored[col] = "Mittelwert der Bewertungen, kein/e Bewerter/in"
            else:
                targets.append(Target(rest, criterion, col))
        for col in plain.values():
            ignored[col] = "Kriterium ohne Bewerter/in neben den Spalten je Bewerter/in"
        layout = "combined"
    else:
        rater = sheet.name or sheet.file
        targets = [Target(rater, c, col) for c, col in plain.items()]
        for col, criterion, _rest in combined:
            if criterion not in plain:
                targets.append(Target(rater, criterion, col))
                plain[criterion] = col
        layout = "per_rater_sheet"
        ignored = {}
    for t in targets:
        roles.setdefault(t.criterion, t.col)
    return RatingLayout(layout, (h,), roles, tuple(targets), ignored, shown)


def _two_rows(
    sheet: Sheet, h: int, first: list[str], second: list[str], vocab: Vocabulary
) -> RatingLayout:
    headers = vocab.headers
    # a label written only above the first column of its block holds for the block
    carried = list(first)
    for c in range(1, len(carried)):
        if not carried[c] and second[c] and carried[c - 1]:
            left = carried[c - 1]
            if match_header(left, vocabulary=vocab) in (None, *schema.CRITERIA):
                carried[c] = left
    shown: dict[int, str] = {}
    roles_text: dict[int, str] = {}
    targets: list[Target] = []
    ignored: dict[int, str] = {}
    for c in range(len(carried)):
        top, low = carried[c], second[c]
        parts = [t for t in (top, low) if t]
        if top and low and top == low:
            parts = [top]
        if not parts:
            continue
        shown[c] = " / ".join(parts)
        if len(parts) == 1:
            text = parts[0]
            criterion = criterion_in(header_key(text), headers)
            rest = rest_of(text, criterion, headers) if criterion else ""
            if criterion and rest and not _is_mean(rest, vocab):
                targets.append(Target(rest, criterion, c))
            elif criterion and rest:
                ignored[c] = "Mittelwert der Bewertungen, kein/e Bewerter/in"
            else:
                roles_text[c] = text
            continue
        c_top = criterion_in(header_key(top), headers)
        c_low = criterion_in(header_key(low), headers)
        if c_top and not c_low:
            criterion, rater = c_top, low
        elif c_low and not c_top:
            criterion, rater = c_low, top
        else:
            roles_text[c] = top if match_header(top, vocabulary=vocab) else low
            continue
        if _is_mean(rater, vocab):
            ignored[c] = "Mittelwert der Bewertungen, kein/e Bewerter/in"
        else:
            targets.append(Target(rater, criterion, c))
    roles = _roles(roles_text, vocab)
    if RATER_ROLE in roles:  # long form under a two-row header
        long_targets = []
        for t in targets:
            if t.criterion not in {x.criterion for x in long_targets}:
                long_targets.append(Target(None, t.criterion, t.col))
        targets = long_targets
    for t in targets:
        roles.setdefault(t.criterion, t.col)
    layout = "long" if RATER_ROLE in roles else "matrix"
    return RatingLayout(layout, (h, h + 1), roles, tuple(targets), ignored, shown)


def is_legend(text: str) -> bool:
    """True for a legend or scale note in the measure column ("Legende: ++ sehr hoch, …",
    "++ = sehr hoch, + = hoch", "Skala: 1 = gering …")."""
    folded = fold(text)
    if folded.startswith(("legende", "skala", "erlaeuterung", "bewertungsskala")):
        return True
    return text.count("=") >= 2 or ("++" in text and "--" in text)


def section_name(
    sheet: Sheet, row: int, title_col: int, *, vocabulary: Vocabulary | None = None
) -> str | None:
    """The field a section heading row names ("Handlungsfeld Wohnen" → "Wohnen"), else ``None``.

    A section row holds one text only (it may be merged across the row) that starts with a word
    of ``field.section_prefixes``.
    """
    vocab = or_default(vocabulary)
    filled = [(c, v) for c, v in enumerate(sheet.row_values(row)) if not is_empty(v)]
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    text = cell_text(filled[0][1])
    words = fold(text).split()
    if not words or words[0] not in vocab.section_prefixes:
        return None
    if filled[0][0] != title_col and not any(
        r0 <= row <= r1 and c0 <= title_col <= c1 for r0, c0, r1, c1 in sheet.merged
    ):
        return None
    rest = re.sub(r"^\S+\s*:?\s*", "", text).strip()
    return rest or None
