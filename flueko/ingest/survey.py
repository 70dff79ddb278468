"""Follow-up surveys: parse sheets, summarise per item, group and round, protect small groups.

The survey dictionary (``resources/survey_items.yaml``, loaded by the caller with
``flueko.config.load_settings("survey_items.yaml", …)``) is passed in as ``items=``. Every
summary hides groups with fewer than ``min_group_size`` valid answers and, where the hidden group
could be recovered as "total minus the shown groups", a further group (complementary
suppression).
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz, process

from flueko import schema
from flueko.ingest import likert
from flueko.log import INFO, WARNING, LogEntry, entry
from flueko.privacy import mask_personal_data
from flueko.sheet import Sheet, cell_ref, is_empty

COMMENT_ITEM = "kommentar"
"""Item key of free-text answers (kept masked, never scored)."""

FUZZY_THRESHOLD = 80.0
"""Minimum rapidfuzz score (0-100) for a paraphrased header to count as an item."""

COMPLEMENTARY = "Schutz kleiner Gruppen (ergänzend)"
"""Suppression reason of a group hidden so that a small group cannot be recovered."""

# columns of the (not persisted) distribution and response-rate tables
CATEGORY = "category"
POLARITY = "polarity"
N = "n"
SHARE = "share"
PARTICIPANTS = "participants"
RESPONDENTS = "respondents"
RATE = "rate"

POLARITIES = ("negative", "neutral", "positive")

_STOPWORDS = frozenset(
    """
    wie was war waren ist sind sie ihr ihre ihnen ich mir mich mit dem den der die das des
    und oder zu zur zum in im an am auf fuer von bei bitte bewerten bewertung beurteilen
    zufrieden zufriedenheit insgesamt veranstaltung dialogveranstaltung dialog workshop
    hat haben hatte hatten es ein eine einen einem einer wurde wurden gab gibt sehr
    als so da dass fand finden fanden
    """.split()  # noqa: SIM905
)
_BRACKET = re.compile(r"\[([^\]]*)\]")
_QUESTION_CODE = re.compile(r"^\s*[A-Za-z]{0,4}\d+[a-z]?(?:[._]\w+)?\s*[.:)]?\s+")
_HINT_IN_HEADER = re.compile(r"\d+\s*=\s*[^\d,;=()]*[A-Za-zÄÖÜäöüß]")


# --- dictionary lookups --------------------------------------------------------------------


@dataclass(frozen=True)
class _Dictionary:
    codes: dict[str, str]
    exact: dict[str, str]
    synonyms: tuple[tuple[str, str], ...]
    fuzzy: dict[str, str]


def _dictionary(items: Mapping[str, Any]) -> _Dictionary:
    codes: dict[str, str] = {}
    exact: dict[str, str] = {}
    synonyms: list[tuple[str, str]] = []
    fuzzy: dict[str, str] = {}
    entries = [(key, spec or {}) for key, spec in (items.get("items") or {}).items()]
    comment = items.get("comment") or {}
    entries.append((str(comment.get("key", COMMENT_ITEM)), comment))
    for key, spec in entries:
        for code in [key, *(spec.get("codes") or [])]:
            codes.setdefault(likert.normalise(code), key)
        label = spec.get("label")
        phrases = [str(p) for p in [*(spec.get("synonyms") or []), *(spec.get("questions") or [])]]
        for text in [label, *phrases]:
            if text:
                norm = likert.normalise(text)
                exact.setdefault(norm, key)
                content = _content(norm)
                if content:
                    fuzzy.setdefault(content, key)
        for text in spec.get("synonyms") or []:
            synonyms.append((likert.normalise(text), key))
    return _Dictionary(codes, exact, tuple(s for s in synonyms if s[0]), fuzzy)


def _content(norm: str) -> str:
    return " ".join(w for w in norm.split() if w not in _STOPWORDS)


def match_item(
    header: object, *, items: Mapping[str, Any], threshold: float = FUZZY_THRESHOLD
) -> tuple[str | None, float]:
    """Match a column header (or a long-layout item text) to an item key.

    The code in brackets (``F1[format] …``) wins, then a header equal to a code, label or
    phrase, then synonyms contained in the header, then a fuzzy match (rapidfuzz
    ``token_sort_ratio`` on the content words) of at least ``threshold``. Free-text columns
    match the comment key ``"kommentar"``.

    Returns
    -------
    key, score
        ``(None, best score)`` when nothing matches.
    """
    text = "" if header is None else str(header).strip()
    if not text:
        return None, 0.0
    book = _dictionary(items)
    for code in _BRACKET.findall(text):
        key = book.codes.get(likert.normalise(code))
        if key:
            return key, 100.0
    question = _QUESTION_CODE.sub("", _BRACKET.sub(" ", text))
    norm = likert.normalise(question) or likert.normalise(text)
    if norm in book.codes:
        return book.codes[norm], 100.0
    if norm in book.exact:
        return book.exact[norm], 100.0
    weights: dict[str, int] = {}
    for syn, key in book.synonyms:
        if re.search(r"(?<![a-z0-9])" + re.escape(syn), norm):
            weights[key] = weights.get(key, 0) + len(syn)
    if weights:
        return max(weights, key=lambda k: weights[k]), 95.0
    content = _content(norm)
    if not content or not book.fuzzy:
        return None, 0.0
    best = process.extractOne(content, list(book.fuzzy), scorer=fuzz.token_sort_ratio)
    if best is None:
        return None, 0.0
    choice, score, _ = best
    if score >= threshold:
        return book.fuzzy[choice], float(score)
    return None, float(score)


def _header_role(header: str, headers: Mapping[str, Any], *, prefix: bool) -> str | None:
    norm = likert.normalise(header)
    for code in _BRACKET.findall(header):
        code_norm = likert.normalise(code)
        for role in ("respondent", "group", "ignore"):
            if code_norm in {likert.normalise(s) for s in headers.get(role) or []}:
                return role
    for role in ("respondent", "group", "item", "answer", "ignore"):
        for syn in headers.get(role) or []:
            syn_norm = likert.normalise(syn)
            if not syn_norm:
                continue
            if norm == syn_norm or (prefix and norm.startswith(syn_norm + " ")):
                return role
    return None


def normalise_group(text: object, *, groups: Mapping[str, Any]) -> str | None:
    """A group cell → canonical group label (longest contained synonym wins); ``None`` if none."""
    if is_empty(text):
        return None
    norm = likert.normalise(text)
    best, best_len = None, 0
    for label, synonyms in groups.items():
        for syn in [label, *(synonyms or [])]:
            syn_norm = likert.normalise(syn)
            if syn_norm and (syn_norm == norm or syn_norm in norm) and len(syn_norm) > best_len:
                best, best_len = str(label), len(syn_norm)
    return best


# --- parsing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    col: int
    header: str
    role: str  # respondent | group | item | answer | ignore | score | comment | unknown | empty
    key: str | None = None


def _classify(headers: list[str], items: Mapping[str, Any]) -> list[_Column]:
    special = items.get("headers") or {}
    comment_key = str((items.get("comment") or {}).get("key", COMMENT_ITEM))
    out = []
    for col, header in enumerate(headers):
        if not header.strip():
            out.append(_Column(col, header, "empty"))
            continue
        role = _header_role(header, special, prefix=False)
        if role:
            out.append(_Column(col, header, role))
            continue
        key, _ = match_item(header, items=items)
        if key:
            out.append(_Column(col, header, "comment" if key == comment_key else "score", key))
            continue
        role = _header_role(header, special, prefix=True)
        out.append(_Column(col, header, role or "unknown"))
    return out


def _text(value: object) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


@dataclass
class _Context:
    sheet: Sheet
    round_id: str
    items: Mapping[str, Any]
    scale_hint: str | None
    log: list[LogEntry]

    def note(self, code: str, message: str, *, row: int, col: int, severity: str = WARNING):
        self.log.append(
            entry(
                code,
                message,
                file=self.sheet.file,
                sheet=self.sheet.name,
                cell=cell_ref(row, col),
                severity=severity,
            )
        )


def parse_survey_sheet(
    sheet: Sheet,
    *,
    header_row: int,
    round_id: str,
    items: Mapping[str, Any],
    scale_hint: str | None = None,
) -> tuple[pd.DataFrame, list[LogEntry]]:
    """Read a survey sheet (wide: a column per item; long: respondent | group | item | answer).

    Parameters
    ----------
    sheet
        The worksheet as delivered by a reader.
    header_row
        0-based index of the header row.
    round_id
        Round id written into every row.
    items
        The survey dictionary (``survey_items.yaml``).
    scale_hint
        From round.yaml ``hints: {survey_scale: "1=sehr zufrieden"}``: the meaning of numeric
        codes. A header with its own hint ("Moderation (1 = sehr gut, 5 = mangelhaft)") wins.

    Returns
    -------
    responses, log
        A ``survey_responses`` table (one row per respondent × item; comments as item
        ``"kommentar"`` with personal data masked) and the problems found.
    """
    ctx = _Context(sheet, round_id, items, scale_hint, [])
    headers = [_text(v) or "" for v in sheet.row_values(header_row)]
    columns = _classify(headers, items)
    roles = {c.role for c in columns}
    if "answer" in roles and "item" in roles:
        rows = _parse_long(ctx, header_row, columns)
    else:
        rows = _parse_wide(ctx, header_row, columns)
    if not rows:
        return schema.empty("survey_responses"), ctx.log
    df = pd.DataFrame(rows)
    return schema.conform(df, "survey_responses"), ctx.log


def _data_rows(ctx: _Context, header_row: int, used: list[int]) -> list[int]:
    out, empty = [], []
    for r in range(header_row + 1, ctx.sheet.n_rows):
        if all(is_empty(ctx.sheet.value(r, c)) for c in used):
            if any(not is_empty(v) for v in ctx.sheet.row_values(r)):
                empty.append(r)
            continue
        if r in ctx.sheet.hidden_rows:
            ctx.note(
                "survey_hidden_row",
                "Ausgeblendete Zeile wird mit ausgewertet",
                row=r,
                col=0,
                severity=INFO,
            )
        out.append(r)
    for r in empty:
        ctx.note(
            "survey_empty_row",
            "Zeile enthält keine Antworten in den erkannten Spalten und wird übersprungen",
            row=r,
            col=0,
            severity=INFO,
        )
    return out


def _scale_for(ctx: _Context, answers: list[object], header: str = "") -> dict[str, Any]:
    scales = ctx.items.get("scales") or {}
    hint = ctx.scale_hint
    if header and _HINT_IN_HEADER.search(header):
        hint = header
    direction, numeric = likert.parse_scale_hint(hint, scales=scales)
    if numeric is None:
        default = (ctx.items.get("numeric") or {}).get("default_range") or [1, 5]
        numeric = (int(default[0]), int(default[1]))
    name = likert.detect_scale(answers, scales=scales)
    chosen = {name: scales[name]} if name else scales
    return {
        "scales": chosen,
        "missing": ctx.items.get("missing") or {},
        "direction": direction,
        "numeric_scale": numeric,
    }


def _respondents(ctx: _Context, rows: list[int], header_row: int, id_col: int | None):
    ids: dict[int, str] = {}
    seen: set[str] = set()
    for r in rows:
        fallback = f"R{r - header_row:03d}"
        value = _text(ctx.sheet.value(r, id_col)) if id_col is not None else None
        if value is not None and value in seen:
            ctx.note(
                "survey_duplicate_respondent",
                f"Kennung '{value}' kommt mehrfach vor; diese Zeile zählt als {fallback}",
                row=r,
                col=id_col or 0,
            )
            value = None
        ids[r] = value or fallback
        seen.add(ids[r])
    return ids


def _group(ctx: _Context, r: int, col: int | None) -> str | None:
    if col is None:
        return None
    raw = ctx.sheet.value(r, col)
    if is_empty(raw):
        return None
    groups = ctx.items.get("groups") or {}
    label = normalise_group(raw, groups=groups)
    if label is None:
        fallback = "Sonstige" if "Sonstige" in groups else None
        ctx.note(
            "survey_unknown_group",
            f"Gruppe '{mask_personal_data(str(raw))}' ist unbekannt und zählt als "
            f"'{fallback or 'ohne Gruppe'}' — in survey_items.yaml unter groups ergänzen",
            row=r,
            col=col,
            severity=INFO,
        )
        return fallback
    return label


def _answer_row(ctx, *, respondent, group, item, raw, reading, r, c) -> dict[str, Any]:
    excluded = reading.excluded
    if reading.unknown:
        excluded = likert.UNKNOWN
        ctx.note(
            "survey_unknown_answer",
            f"Antwort '{mask_personal_data(str(raw))}' zu '{item}' passt zu keiner Antwortskala "
            "und wird nicht gewertet — Skala in survey_items.yaml ergänzen oder Zelle korrigieren",
            row=r,
            col=c,
        )
    return {
        schema.ROUND: ctx.round_id,
        schema.RESPONDENT: respondent,
        schema.GROUP: group,
        schema.ITEM: item,
        schema.ANSWER: _text(raw),
        schema.VALUE: reading.value,
        schema.EXCLUDED: excluded,
        schema.SOURCE_FILE: ctx.sheet.file,
        schema.SOURCE_SHEET: ctx.sheet.name,
        schema.SOURCE_CELL: cell_ref(r, c),
    }


def _comment_row(ctx, *, respondent, group, raw, r, c) -> dict[str, Any]:
    return {
        schema.ROUND: ctx.round_id,
        schema.RESPONDENT: respondent,
        schema.GROUP: group,
        schema.ITEM: COMMENT_ITEM,
        schema.ANSWER: mask_personal_data(str(_text(raw))),
        schema.VALUE: None,
        schema.EXCLUDED: None,
        schema.SOURCE_FILE: ctx.sheet.file,
        schema.SOURCE_SHEET: ctx.sheet.name,
        schema.SOURCE_CELL: cell_ref(r, c),
    }


def _first(columns: list[_Column], role: str) -> int | None:
    return next((c.col for c in columns if c.role == role), None)


def _log_columns(ctx: _Context, header_row: int, columns: list[_Column], skip: set[int]):
    for c in columns:
        if c.col in skip:
            continue
        has_data = any(
            not is_empty(ctx.sheet.value(r, c.col)) for r in range(header_row + 1, ctx.sheet.n_rows)
        )
        if c.role in ("unknown", "item", "answer") or (c.role == "empty" and has_data):
            shown = c.header or "(ohne Überschrift)"
            ctx.note(
                "survey_unknown_item",
                f"Spalte '{shown}' ist keinem Befragungsaspekt zugeordnet und wird nicht "
                "ausgewertet — Formulierung in survey_items.yaml (items → synonyms) ergänzen",
                row=header_row,
                col=c.col,
            )
        elif c.role == "ignore" or (c.role in ("respondent", "group") and c.col not in skip):
            ctx.note(
                "survey_ignored_column",
                f"Spalte '{c.header}' enthält keine Bewertung und wird nicht übernommen",
                row=header_row,
                col=c.col,
                severity=INFO,
            )


def _parse_wide(ctx: _Context, header_row: int, columns: list[_Column]) -> list[dict]:
    id_col = _first(columns, "respondent")
    group_col = _first(columns, "group")
    answer_cols = [c for c in columns if c.role in ("score", "comment")]
    used = {c for c in (id_col, group_col) if c is not None}
    _log_columns(ctx, header_row, columns, used | {c.col for c in answer_cols})
    seen_items: dict[str, int] = {}
    for c in answer_cols:
        if c.role == "score" and c.key in seen_items:
            ctx.note(
                "survey_duplicate_item",
                f"Spalte '{c.header}' ist wie Spalte {cell_ref(header_row, seen_items[c.key])} "
                f"dem Aspekt '{c.key}' zugeordnet; beide werden gezählt",
                row=header_row,
                col=c.col,
            )
        seen_items.setdefault(str(c.key), c.col)
    if not answer_cols:
        return []
    rows = _data_rows(ctx, header_row, [c.col for c in answer_cols])
    ids = _respondents(ctx, rows, header_row, id_col)
    groups = {r: _group(ctx, r, group_col) for r in rows}
    readers = {
        c.col: _scale_for(ctx, [ctx.sheet.value(r, c.col) for r in rows], c.header)
        for c in answer_cols
        if c.role == "score"
    }
    out = []
    for r in rows:
        for c in answer_cols:
            raw = ctx.sheet.value(r, c.col)
            if c.role == "comment":
                if not is_empty(raw):
                    out.append(
                        _comment_row(ctx, respondent=ids[r], group=groups[r], raw=raw, r=r, c=c.col)
                    )
                continue
            reading = likert.map_answer(raw, **readers[c.col])
            out.append(
                _answer_row(
                    ctx,
                    respondent=ids[r],
                    group=groups[r],
                    item=c.key,
                    raw=raw,
                    reading=reading,
                    r=r,
                    c=c.col,
                )
            )
    return out


def _parse_long(ctx: _Context, header_row: int, columns: list[_Column]) -> list[dict]:
    id_col = _first(columns, "respondent")
    group_col = _first(columns, "group")
    item_col = _first(columns, "item")
    answer_col = _first(columns, "answer")
    used = [c for c in (id_col, group_col, item_col, answer_col) if c is not None]
    _log_columns(ctx, header_row, columns, set(used))
    rows = _data_rows(ctx, header_row, [item_col, answer_col])
    comment_key = str((ctx.items.get("comment") or {}).get("key", COMMENT_ITEM))
    keys: dict[str, str | None] = {}
    by_item: dict[str, list[int]] = {}
    for r in rows:
        text = _text(ctx.sheet.value(r, item_col)) or ""
        if text not in keys:
            keys[text] = match_item(text, items=ctx.items)[0]
            if keys[text] is None:
                ctx.note(
                    "survey_unknown_item",
                    f"Frage '{text or '(leer)'}' ist keinem Befragungsaspekt zugeordnet und wird "
                    "nicht ausgewertet — Formulierung in survey_items.yaml ergänzen",
                    row=r,
                    col=item_col,
                )
        key = keys[text]
        if key is not None:
            by_item.setdefault(key, []).append(r)
    readers = {
        key: _scale_for(ctx, [ctx.sheet.value(r, answer_col) for r in rs])
        for key, rs in by_item.items()
        if key != comment_key
    }
    ids: dict[int, str] = {}
    for r in rows:
        value = _text(ctx.sheet.value(r, id_col)) if id_col is not None else None
        ids[r] = value or f"R{r - header_row:03d}"
    out, seen = [], set()
    item_of = {r: key for key, rs in by_item.items() for r in rs}
    for r in rows:
        key = item_of.get(r)
        if key is None:
            continue
        if (ids[r], key) in seen and key != comment_key:
            ctx.note(
                "survey_duplicate_answer",
                f"'{ids[r]}' hat '{key}' mehrfach beantwortet; nur die erste Antwort zählt",
                row=r,
                col=answer_col,
            )
            continue
        seen.add((ids[r], key))
        raw = ctx.sheet.value(r, answer_col)
        group = _group(ctx, r, group_col)
        if key == comment_key:
            if not is_empty(raw):
                out.append(
                    _comment_row(ctx, respondent=ids[r], group=group, raw=raw, r=r, c=answer_col)
                )
            continue
        reading = likert.map_answer(raw, **readers[key])
        out.append(
            _answer_row(
                ctx,
                respondent=ids[r],
                group=group,
                item=key,
                raw=raw,
                reading=reading,
                r=r,
                c=answer_col,
            )
        )
    return out


# --- scales of parsed items ------------------------------------------------------------------


def item_scales(
    responses: pd.DataFrame,
    *,
    items: Mapping[str, Any] | None = None,
    scale_hint: str | None = None,
) -> dict[str, likert.ScaleSpec]:
    """The answer scale of each item in ``responses`` (for ranges, positives and labels).

    With ``items`` the scale is recognised from the answer labels (numeric codes: the hint or
    the default range); without, the range is inferred from the observed values (0/1 → yes/no,
    otherwise 1 … highest value seen).
    """
    scales_cfg = (items or {}).get("scales") or {}
    specs = likert.scale_specs(scales_cfg)
    numeric_cfg = (items or {}).get("numeric") or {}
    label_scales = {int(k): v for k, v in (numeric_cfg.get("label_scales") or {}).items()}
    out: dict[str, likert.ScaleSpec] = {}
    data = _scored(responses)
    for item, sub in data.groupby(schema.ITEM, sort=False):
        values = sub[schema.VALUE].dropna()
        name = likert.detect_scale(sub[schema.ANSWER].dropna().tolist(), scales=scales_cfg)
        if items is not None and name in specs:
            out[str(item)] = specs[name]
            continue
        if items is not None:
            _, numeric = likert.parse_scale_hint(scale_hint, scales=scales_cfg)
            default = numeric_cfg.get("default_range") or [1, 5]
            lo, hi = numeric or (int(default[0]), int(default[1]))
        elif len(values) and set(values.astype(float)) <= {0.0, 1.0}:
            lo, hi = 0, 1
        else:
            lo = 1
            hi = max(int(values.max()) if len(values) else 2, 2)
        points = hi - lo + 1
        template = specs.get(label_scales.get(points, ""))
        if template is not None and len(template.points) == points:
            labels = template.points
        else:
            labels = tuple(str(v) for v in range(lo, hi + 1))
        out[str(item)] = likert.ScaleSpec(template.name if template else "numerisch", labels, lo)
    return out


def _scored(responses: pd.DataFrame) -> pd.DataFrame:
    items = responses[schema.ITEM].astype("string")
    return responses[items.notna() & (items != COMMENT_ITEM)]


# --- suppression -----------------------------------------------------------------------------


def suppression(counts: Mapping[str | None, int], *, min_group_size: int) -> dict[str, str]:
    """Which groups to hide, with the reason.

    Parameters
    ----------
    counts
        Group → number of valid answers; the key ``None`` holds the respondents without a group
        (never shown, so a pseudo-group that is hidden by construction).

    Returns
    -------
    dict
        Group → reason: ``"n < 5"`` below the limit; :data:`COMPLEMENTARY` for groups hidden so
        that the hidden groups together are at least two and hold at least ``min_group_size``
        answers — otherwise "total minus the shown groups" would reveal a small group.
    """
    limit = f"n < {min_group_size}"
    reasons = {g: limit for g, n in counts.items() if g is not None and n < min_group_size}
    unassigned = int(counts.get(None, 0) or 0)

    def protected() -> bool:
        hidden = [counts[g] for g in reasons] + ([unassigned] if unassigned else [])
        sensitive = bool(reasons) or 0 < unassigned < min_group_size
        return not sensitive or (len(hidden) >= 2 and sum(hidden) >= min_group_size)

    while not protected():
        shown = sorted(
            (g for g in counts if g is not None and g not in reasons),
            key=lambda g: (counts[g], str(g)),
        )
        if not shown:
            break
        reasons[shown[0]] = COMPLEMENTARY
    return reasons


# --- summaries -------------------------------------------------------------------------------

_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def t_quantile(p: float, df: int) -> float:
    """Quantile ``p`` of Student's t with ``df`` degrees of freedom (no scipy).

    Exact for df 1 and 2, a table for p = 0.975 up to df 30, otherwise the Cornish-Fisher
    expansion (error < 0.2 % from df 5 on).
    """
    if df < 1:
        raise ValueError("df must be >= 1")
    if p == 0.975 and df <= len(_T975):
        return _T975[df - 1]
    if df == 1:
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    z = statistics.NormalDist().inv_cdf(p)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def _stats(sub: pd.DataFrame, spec: likert.ScaleSpec, *, positive_top: int, confidence: float):
    values = sub[schema.VALUE].dropna().astype(float).tolist()
    n = len(values)
    threshold = likert.positive_threshold(spec.lo, spec.hi, positive_top=positive_top)
    n_pos = sum(1 for v in values if v >= threshold)
    row: dict[str, Any] = {
        schema.N_VALID: n,
        schema.N_EXCLUDED: int(sub[schema.EXCLUDED].notna().sum()),
        schema.N_POSITIVE: n_pos,
        schema.SHARE_POSITIVE: n_pos / n if n else None,
        schema.MEAN: statistics.fmean(values) if n else None,
        schema.CI_LOW: None,
        schema.CI_HIGH: None,
    }
    if n >= 2:
        half = t_quantile(1 - (1 - confidence) / 2, n - 1) * statistics.stdev(values) / math.sqrt(n)
        mean = row[schema.MEAN]
        row[schema.CI_LOW] = max(spec.lo, mean - half)
        row[schema.CI_HIGH] = min(spec.hi, mean + half)
    return row


_HIDDEN_STATS = (
    schema.N_VALID,
    schema.N_EXCLUDED,
    schema.N_POSITIVE,
    schema.SHARE_POSITIVE,
    schema.MEAN,
    schema.CI_LOW,
    schema.CI_HIGH,
)


def _item_rank(key: object) -> tuple[int, str]:
    order = schema.SURVEY_ITEMS
    return (order.index(key) if key in order else len(order), str(key))


def _item_order(keys) -> list:
    return sorted(keys, key=_item_rank)


def _group_key(value: object) -> str | None:
    return (
        None
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
        else str(value)
    )


def summarise_items(
    responses: pd.DataFrame,
    *,
    items: Mapping[str, Any] | None = None,
    scale_hint: str | None = None,
    min_group_size: int = 5,
    positive_top: int = 2,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """One row per item for all respondents (group missing) and one per item × group.

    Parameters
    ----------
    responses
        A ``survey_responses`` table; not modified. Comments are ignored.
    items
        The survey dictionary: recognises each item's scale (recommended; without it the range
        is inferred from the values seen, see :func:`item_scales`).
    min_group_size
        Groups (and totals) with fewer valid answers are suppressed; see :func:`suppression`.
    positive_top
        The top categories counted as positive (never the middle: a yes/no item counts "ja").
    confidence
        Level of the t-based confidence interval of the mean.

    Returns
    -------
    pd.DataFrame
        A ``survey_items`` table; a suppressed row keeps no value, only ``suppressed``.
    """
    data = _scored(responses)
    specs = item_scales(data, items=items, scale_hint=scale_hint)
    limit = f"n < {min_group_size}"
    rows = []
    for (round_id, item), sub in data.groupby(
        [schema.ROUND, schema.ITEM], sort=False, dropna=False
    ):
        spec = specs[str(item)]
        base = {schema.ROUND: round_id, schema.ITEM: item}
        total = _stats(sub, spec, positive_top=positive_top, confidence=confidence)
        group_rows = {}
        counts: dict[str | None, int] = {}
        for group, gsub in sub.groupby(schema.GROUP, sort=True, dropna=False):
            key = _group_key(group)
            stats = _stats(gsub, spec, positive_top=positive_top, confidence=confidence)
            counts[key] = stats[schema.N_VALID]
            if key is not None:
                group_rows[key] = stats
        hidden = suppression(counts, min_group_size=min_group_size)
        if total[schema.N_VALID] < min_group_size:
            hidden = {g: limit for g in group_rows}
            rows.append({**base, schema.GROUP: None, **_blank(total), schema.SUPPRESSED: limit})
        else:
            rows.append({**base, schema.GROUP: None, **total, schema.SUPPRESSED: None})
        for key, stats in group_rows.items():
            if key in hidden:
                rows.append(
                    {**base, schema.GROUP: key, **_blank(stats), schema.SUPPRESSED: hidden[key]}
                )
            else:
                rows.append({**base, schema.GROUP: key, **stats, schema.SUPPRESSED: None})
    if not rows:
        return schema.empty("survey_items")
    out = schema.conform(pd.DataFrame(rows), "survey_items")
    order = {k: i for i, k in enumerate(_item_order(out[schema.ITEM].unique()))}
    rank = out[schema.ITEM].map(order).astype(int)
    return out.iloc[sorted(range(len(out)), key=lambda i: (rank.iloc[i], i))].reset_index(drop=True)


def _blank(stats: Mapping[str, Any]) -> dict[str, Any]:
    return {k: None for k in stats if k in _HIDDEN_STATS}


def distribution(
    responses: pd.DataFrame,
    *,
    items: Mapping[str, Any],
    by_group: bool = False,
    min_group_size: int = 5,
    scale_hint: str | None = None,
) -> pd.DataFrame:
    """Answers per item (× group) × answer category, every category of the scale present.

    Returns
    -------
    pd.DataFrame
        Columns ``round, item, group, category, value, polarity, n, share`` (percent of valid
        answers), ``n_valid``, ``suppressed``; categories from worst to best. A suppressed group
        (or a total below the limit) keeps its category rows with ``n``/``share``/``n_valid``
        missing and the reason in ``suppressed``.
    """
    data = _scored(responses)
    specs = item_scales(data, items=items, scale_hint=scale_hint)
    limit = f"n < {min_group_size}"
    rows = []
    keyed = [
        (item, sub)
        for item, sub in data.groupby([schema.ROUND, schema.ITEM], sort=False, dropna=False)
    ]
    keyed.sort(key=lambda kv: _item_rank(kv[0][1]))
    for (round_id, item), sub in keyed:
        spec = specs[str(item)]
        parts: list[tuple[str | None, pd.DataFrame, str | None]] = []
        n_total = int(sub[schema.VALUE].notna().sum())
        total_reason = limit if n_total < min_group_size else None
        parts.append((None, sub, total_reason))
        if by_group:
            counts: dict[str | None, int] = {}
            groups = {}
            for group, gsub in sub.groupby(schema.GROUP, sort=True, dropna=False):
                key = _group_key(group)
                counts[key] = int(gsub[schema.VALUE].notna().sum())
                if key is not None:
                    groups[key] = gsub
            hidden = suppression(counts, min_group_size=min_group_size)
            for key, gsub in groups.items():
                reason = limit if total_reason else hidden.get(key)
                parts.append((key, gsub, reason))
        for group, part, reason in parts:
            values = part[schema.VALUE].dropna().astype(float)
            n_valid = len(values)
            for pos, label in enumerate(spec.points):
                value = float(spec.start + pos)
                n = int((values == value).sum())
                rows.append(
                    {
                        schema.ROUND: round_id,
                        schema.ITEM: item,
                        schema.GROUP: group,
                        CATEGORY: label,
                        schema.VALUE: value,
                        POLARITY: likert.polarity(value, spec),
                        N: None if reason else n,
                        SHARE: None if reason or not n_valid else 100.0 * n / n_valid,
                        schema.N_VALID: None if reason else n_valid,
                        schema.SUPPRESSED: reason,
                    }
                )
    dtypes = {
        schema.ROUND: "string",
        schema.ITEM: "string",
        schema.GROUP: "string",
        CATEGORY: "string",
        schema.VALUE: "Float64",
        POLARITY: "string",
        N: "Int64",
        SHARE: "Float64",
        schema.N_VALID: "Int64",
        schema.SUPPRESSED: "string",
    }
    df = pd.DataFrame(rows, columns=list(dtypes))
    return df.astype(dtypes)


def response_rate(
    responses: pd.DataFrame,
    participants: Mapping[str, int],
    *,
    items: Mapping[str, Any] | None = None,
    min_group_size: int = 5,
) -> pd.DataFrame:
    """Respondents per group against the participants named in round.yaml.

    Parameters
    ----------
    participants
        Group → number of participants (round.yaml ``participants``); with ``items`` the group
        names are normalised like the survey's group column.

    Returns
    -------
    pd.DataFrame
        ``group`` (missing = all), ``participants``, ``respondents``, ``rate`` (0-1),
        ``suppressed``. Groups with fewer respondents than the limit (and complementary groups,
        see :func:`suppression`) show no respondents and no rate.
    """
    groups_cfg = (items or {}).get("groups") or {}
    invited: dict[str, int] = {}
    for name, count in participants.items():
        label = (normalise_group(name, groups=groups_cfg) if groups_cfg else None) or str(name)
        invited[label] = invited.get(label, 0) + int(count)
    person = [c for c in _PERSON if c in responses.columns]
    people = responses.drop_duplicates(person)
    counts: dict[str | None, int] = {}
    for group in people[schema.GROUP].tolist():
        key = _group_key(group)
        counts[key] = counts.get(key, 0) + 1
    for label in invited:
        counts.setdefault(label, 0)
    hidden = suppression(counts, min_group_size=min_group_size)
    n_total = len(people)
    total_invited = sum(invited.values()) if invited else None
    total_hidden = n_total < min_group_size
    rows = [
        {
            schema.GROUP: None,
            PARTICIPANTS: total_invited,
            RESPONDENTS: None if total_hidden else n_total,
            RATE: None if total_hidden or not total_invited else n_total / total_invited,
            schema.SUPPRESSED: f"n < {min_group_size}" if total_hidden else None,
        }
    ]
    for label in sorted(k for k in counts if k is not None):
        reason = f"n < {min_group_size}" if total_hidden else hidden.get(label)
        n = counts[label]
        inv = invited.get(label)
        rows.append(
            {
                schema.GROUP: label,
                PARTICIPANTS: inv,
                RESPONDENTS: None if reason else n,
                RATE: None if reason or not inv else n / inv,
                schema.SUPPRESSED: reason,
            }
        )
    dtypes = {
        schema.GROUP: "string",
        PARTICIPANTS: "Int64",
        RESPONDENTS: "Int64",
        RATE: "Float64",
        schema.SUPPRESSED: "string",
    }
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


_PERSON = (schema.ROUND, schema.SOURCE_FILE, schema.SOURCE_SHEET, schema.RESPONDENT)
"""A respondent is one row of one sheet: ids of different files never merge."""


def compare_rounds(items_by_round: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Item × round: ``n_valid``, ``share_positive``, ``mean``, ``suppressed`` of all respondents.

    Parameters
    ----------
    items_by_round
        Round id → ``survey_items`` table, in the order the rounds are to be shown.
    """
    cols = [schema.N_VALID, schema.SHARE_POSITIVE, schema.MEAN, schema.SUPPRESSED]
    frames = []
    for round_id, table in items_by_round.items():
        total = table[table[schema.GROUP].isna()]
        part = total[[schema.ITEM, *cols]].copy()
        part.insert(0, schema.ROUND, round_id)
        frames.append(part)
    dtypes = {
        schema.ROUND: "string",
        schema.ITEM: "string",
        schema.N_VALID: "Int64",
        schema.SHARE_POSITIVE: "Float64",
        schema.MEAN: "Float64",
        schema.SUPPRESSED: "string",
    }
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
    out = pd.concat(frames, ignore_index=True).astype(dtypes)
    order = {k: i for i, k in enumerate(_item_order(out[schema.ITEM].unique()))}
    rounds = {r: i for i, r in enumerate(items_by_round)}
    keys = [(order[i], rounds[r]) for i, r in zip(out[schema.ITEM], out[schema.ROUND], strict=True)]
    return out.iloc[sorted(range(len(out)), key=lambda i: keys[i])].reset_index(drop=True)
