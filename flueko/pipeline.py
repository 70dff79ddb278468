"""The one wiring module: one round from its files to the processed tables.

:func:`ingest_round` reads the round (:mod:`flueko.ingest`), runs the analysis stages
(:mod:`flueko.analyse`) and returns an :class:`IngestResult`; :func:`write_result` writes it.
Each stage is a pure function in its own module; this module only decides which stage sees
which table and collects their log entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from flueko import __version__
from flueko import log as L
from flueko import schema as s
from flueko.analyse.agreement import coder_agreement
from flueko.analyse.categorise import categorise, classify_text
from flueko.analyse.clustering import cluster_ideas
from flueko.analyse.lineage import apply_links, lineage_links, lineage_table, unlinked_cards
from flueko.analyse.lineage_corrections import correct_links, first_pins
from flueko.analyse.measures import candidate_measures
from flueko.analyse.prioritise import build_measures, measure_robustness, validate_weights
from flueko.analyse.survey_stats import summarise_items
from flueko.config import PARAMS_FILE, Workspace, load_round_meta, settings_copies
from flueko.errors import CodingError, ConfigError, FluekoError
from flueko.ingest.raters import pseudonymise_raters
from flueko.ingest.read import (
    SETTINGS_FILES,
    FileReport,
    ParsedRound,
    RoundContext,
    fingerprint,
    read_inputs,
)
from flueko.io import tables
from flueko.io.codebook import validate_coding
from flueko.io.tables import read_round
from flueko.taxonomy_match import field_for_group
from flueko.text import fold


def _concat(frames, table: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return s.empty(table)
    return s.conform(pd.concat(frames, ignore_index=True), table)


def assemble(
    parsed: ParsedRound, ctx: RoundContext, *, ws: Workspace
) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame], list[L.LogEntry]]:
    """Contributions → categorised and clustered; ratings/plans → measures; survey → items.

    Returns the processed tables, extra tables (coder agreement) and log entries.
    """

    entries: list[L.LogEntry] = []
    extras: dict[str, pd.DataFrame] = {}
    contributions = _concat(parsed.cards, "contributions")
    coding = analyst_coding(
        parsed.codings, contributions, taxonomy=ctx.taxonomy, entries=entries, extras=extras
    )
    contributions = categorise(contributions, taxonomy=ctx.taxonomy, coding=coding)
    cons = ctx.params.consolidate
    contributions = cluster_ideas(
        contributions, threshold=cons.threshold, scorer=cons.scorer, coding=coding
    )
    contributions = s.conform(contributions, "contributions")
    candidates = candidate_measures(contributions, taxonomy=ctx.taxonomy, coding=coding)

    ratings, log = pseudonymise_raters(
        _concat(parsed.ratings, "ratings"),
        keep_names=ctx.params.privacy.keep_rater_names,
        vocabulary=ctx.vocabulary,
    )
    entries.extend(log)
    measures = _measures(parsed, ctx, ratings, candidates, entries, ws, extras=extras)
    measures = s.conform(field_keys(measures, taxonomy=ctx.taxonomy), "measures")

    responses = _concat(parsed.responses, "survey_responses")
    items = _survey_items(responses, ctx)
    return (
        {
            "contributions": contributions,
            "measures": measures,
            "ratings": ratings,
            "survey_responses": responses,
            "survey_items": items,
        },
        extras,
        entries,
    )


def field_keys(measures: pd.DataFrame, *, taxonomy) -> pd.DataFrame:
    """Measures with ``field`` as a taxonomy key: the field named in the sheet ("Arbeit",
    "Bildung/Ausbildung") when it maps to one, else the keyword rules on the title."""

    if measures.empty:
        return measures
    keys = set(taxonomy.field_keys)

    def key(raw: object, title: object) -> str:
        if isinstance(raw, str) and raw.strip():
            if raw in keys:
                return raw
            if mapped := field_for_group(raw, taxonomy):
                return mapped
        return classify_text(str(title or ""), None, taxonomy)[0]

    return measures.assign(
        **{s.FIELD: [key(f, t) for f, t in zip(measures[s.FIELD], measures[s.TITLE], strict=True)]}
    )


def analyst_coding(
    codings: list[tuple[str, pd.DataFrame]],
    contributions: pd.DataFrame,
    *,
    taxonomy,
    entries: list[L.LogEntry],
    extras: dict[str, pd.DataFrame],
) -> pd.DataFrame | None:
    """The analysts' coding workbooks of a round, validated and combined.

    A workbook with unknown keys is reported (every bad row) and not applied. The valid codings
    (with the analysts' comments) go to ``extras["coding"]``. With two or more
    coders, agreement per Handlungsfeld (Cohen's kappa) and the disagreements go to ``extras``;
    an idea the coders placed differently keeps its automatic category until they agree.
    """

    valid: list[tuple[str, pd.DataFrame]] = []
    for file, coding in sorted(codings, key=lambda fc: fc[0]):
        try:
            checked, log = validate_coding(coding, contributions, taxonomy=taxonomy)
        except CodingError as err:
            entries.append(L.from_error(err, file=file))
            continue
        entries.extend(log)
        valid.append((file, checked))
    if not valid:
        return None
    extras["coding"] = pd.concat([c for _, c in valid], ignore_index=True)
    if len(valid) == 1:
        return valid[0][1]
    (file_a, a), (file_b, b) = valid[0], valid[1]
    per_field, disagreements = coder_agreement(a, b)
    extras["coder_agreement"] = per_field.assign(coder_a=file_a, coder_b=file_b)
    extras["coder_disagreements"] = disagreements
    disputed = set(disagreements[s.IDEA_ID])
    combined = pd.concat([c for _, c in valid], ignore_index=True)
    combined = combined[~combined[s.IDEA_ID].isin(disputed)]
    return combined.drop_duplicates(subset=[s.IDEA_ID], keep="last").reset_index(drop=True)


def lineage_votes(measures: pd.DataFrame, contributions: pd.DataFrame) -> pd.DataFrame:
    """Dot votes of the workshop cards behind each measure, per working group.

    Every card counts once per measure even when several of its ideas led to the measure.
    Returns ``measure_id``, ``group``, ``votes`` (only measures with linked ideas).
    """
    cols = [s.MEASURE_ID, s.GROUP, s.VOTES]
    links = measures[[s.MEASURE_ID, s.IDEA_IDS]].dropna()
    if links.empty or contributions.empty:
        return pd.DataFrame(columns=cols)
    exploded = links.assign(**{s.IDEA_ID: links[s.IDEA_IDS].str.split("; ")}).explode(s.IDEA_ID)
    cards = contributions[[s.IDEA_ID, s.CARD_ID, s.GROUP, s.VOTES]]
    joined = exploded.merge(cards, on=s.IDEA_ID, how="inner")
    joined = joined.drop_duplicates(subset=[s.MEASURE_ID, s.CARD_ID])
    return (
        joined.groupby([s.MEASURE_ID, s.GROUP], sort=True)[s.VOTES]
        .sum(min_count=1)
        .dropna()
        .reset_index()[cols]
    )


def match_group_sizes(sizes: dict[str, int], groups: list[str], *, taxonomy) -> dict[str, int]:
    """Working-group sizes from round.yaml keyed by the group names found in the cards.

    "AK Bildung/Ausbildung: 10" in round.yaml matches the group "AK Bildung Ausbildung" of the
    cards: names are compared folded, then by the Handlungsfeld they name.
    """

    out: dict[str, int] = {}
    for name, n in sizes.items():
        match = next((g for g in groups if fold(g) == fold(name)), None)
        if match is None:
            field = field_for_group(name, taxonomy)
            same = [g for g in groups if field and field_for_group(g, taxonomy) == field]
            match = same[0] if len(same) == 1 else None
        if match is not None:
            out[match] = int(n)
    return out


def _earlier(ws: Workspace, round_id: str):
    """Contributions and round.yaml of the latest earlier round that has workshop cards."""

    for other in reversed([r for r in ws.rounds() if r < round_id]):
        folder = ws.processed_round(other)
        if (folder / "manifest.json").is_file():
            contributions = read_round(folder)["contributions"]
            if len(contributions):
                return contributions, load_round_meta(ws.raw / other)
    return s.empty("contributions"), {}


def _measures(parsed, ctx, ratings, candidates, entries, ws, *, extras) -> pd.DataFrame:
    """Rated measures (with the votes of the cards they came from), else the plan, else the
    candidate measures of the round's own cards. The links to the earlier cards (with the
    analyst's corrections from a returned plan) go to ``extras["lineage"]``."""

    plans = [p for p in parsed.plans if len(p)]
    plan = pd.concat(plans, ignore_index=True) if plans else None
    attrs = pd.concat([a for a in parsed.attrs if len(a)] or [pd.DataFrame()], ignore_index=True)
    # „Karten-IDs (Herkunft)“ of a plan or rating sheet: the analyst's pins, not links (a
    # plan's, written later, win over the rating sheet's)
    pin_cols = [s.MEASURE_ID, s.TITLE, s.IDEA_IDS, s.SOURCE_FILE, s.SOURCE_SHEET, s.SOURCE_CELL]
    sources = [t for t in (plan, attrs) if t is not None and s.IDEA_IDS in t.columns]
    pins = None
    if sources:
        pins, log = first_pins(pd.concat([t[pin_cols] for t in sources], ignore_index=True))
        entries.extend(log)
    if plan is not None:
        plan = plan.assign(**{s.IDEA_IDS: pd.NA})
    if s.IDEA_IDS in attrs.columns:
        attrs = attrs.assign(**{s.IDEA_IDS: pd.NA})
    earlier, earlier_meta = (
        _earlier(ws, ctx.round_id) if candidates.empty else (s.empty("contributions"), {})
    )
    earlier_candidates = (
        candidate_measures(earlier, taxonomy=ctx.taxonomy) if len(earlier) else None
    )

    def linked(measures: pd.DataFrame) -> pd.DataFrame:
        if earlier_candidates is None or measures.empty:
            return measures
        cons = ctx.params.consolidate
        links = lineage_links(
            measures,
            earlier_candidates,
            contributions=earlier,
            scorer=cons.scorer,
            threshold=float(cons.lineage_threshold),
            margin=float(cons.lineage_margin),
            taxonomy=ctx.taxonomy,
            near=float(cons.lineage_uncertain),
            gap=float(cons.lineage_gap),
        )
        links, log = correct_links(
            links,
            pins,
            known_ids=set(earlier[s.IDEA_ID].astype(str).tolist()),
            cards=earlier.groupby(s.CARD_ID)[s.IDEA_ID].agg(list).to_dict(),
            decisions=pd.concat(parsed.reviews, ignore_index=True) if parsed.reviews else None,
            measure_ids=measures[s.MEASURE_ID].astype(str).tolist(),
        )
        entries.extend(log)
        extras["lineage"] = lineage_table(
            links,
            earlier,
            threshold=float(cons.lineage_threshold),
            band=float(cons.lineage_uncertain),
        )
        extras["unlinked"] = unlinked_cards(links, earlier)
        return apply_links(measures, links, earlier_candidates, contributions=earlier)

    if len(ratings):
        pr = ctx.params.prioritise
        groups = match_group_sizes(
            earlier_meta.get("working_groups") or ctx.meta.get("working_groups") or {},
            earlier[s.GROUP].dropna().unique().tolist(),
            taxonomy=ctx.taxonomy,
        )
        dots = earlier_meta.get("dots_per_person") or ctx.meta.get("dots_per_person")
        try:  # robustness once, for the final scores (the first pass only links the cards)
            first = build_measures(
                ratings, attrs, round_id=ctx.round_id, params=pr, robustness=False
            )
            measures = linked(first)
            votes = lineage_votes(measures, earlier)
            if len(votes):
                ideas = measures.set_index(s.MEASURE_ID)[s.IDEA_IDS]
                measures = build_measures(
                    ratings,
                    attrs,
                    round_id=ctx.round_id,
                    params=pr,
                    participants=groups,
                    dots_per_person=dots,
                    votes=votes,
                    robustness=False,
                )
                measures[s.IDEA_IDS] = measures[s.MEASURE_ID].map(ideas)
            robust = measure_robustness(ratings, measures, params=pr)
            share = robust.set_index(s.MEASURE_ID)[s.TOP_K_SHARE]
            measures[s.TOP_K_SHARE] = measures[s.MEASURE_ID].map(share).astype("Float64")
            extras["robustness"] = robust
        except FluekoError as err:
            entries.append(L.from_error(err))
            measures = s.empty("measures")
        if plan is not None:
            measures = _merge_plan(measures, plan)
        return measures
    if plan is not None:
        return linked(plan)
    return candidates


def _merge_plan(measures: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """Rated measures with status, goal, partners … from a plan of the same round."""
    plan = s.conform(plan, "measures").set_index(s.MEASURE_ID)
    out = s.conform(measures, "measures").set_index(s.MEASURE_ID)
    for col in (
        s.GOAL,
        s.PARTNERS,
        s.STATUS,
        s.PROGRESS,
        s.RESPONSIBLE,
        s.TIMEFRAME,
        s.INDICATOR,
        s.REASON,
    ):
        known = plan[col].dropna()
        known = known[known.index.isin(out.index)]
        out.loc[known.index, col] = known
    extra = plan[~plan.index.isin(out.index)]
    return pd.concat([out, extra]).reset_index()


def _survey_items(responses: pd.DataFrame, ctx) -> pd.DataFrame:
    if responses.empty:
        return s.empty("survey_items")

    sv = ctx.params.survey
    items = summarise_items(
        responses,
        items=ctx.items,
        scale_hint=(ctx.meta.get("hints") or {}).get("survey_scale"),
        min_group_size=sv.min_group_size,
        positive_top=sv.positive_top,
        confidence=float(sv.confidence),
    )
    return s.conform(items, "survey_items")


@dataclass
class IngestResult:
    """All tables of a round, its log and one report per file."""

    round_id: str
    tables: dict[str, pd.DataFrame]
    log: pd.DataFrame
    files: list[FileReport]
    manifest: dict[str, Any]

    extras: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    """Errors that make the round's results wrong, not only incomplete: an invalid coding
    workbook, a prioritisation that could not run. Such a round must not be written."""

    @property
    def ok(self) -> bool:
        """Every file read and no error logged (e.g. a coding workbook with unknown keys)."""
        errors = (self.log[s.LOG_SEVERITY] == L.ERROR).any() if len(self.log) else False
        return all(f.ok for f in self.files) and not errors and not self.problems

    @property
    def writable(self) -> bool:
        """The round has input files and no error that makes its results wrong.

        A file that cannot be read leaves the round incomplete but writable (the other files
        are processed, the file is named in the log and the report); an empty round or an
        invalid coding keeps the previous outputs.
        """
        return bool(self.files) and not self.problems


def ingest_round(
    ws: Workspace, round_id: str, *, overrides: Mapping[str, Any] | None = None
) -> IngestResult:
    """Read, clean, categorise, consolidate and prioritise one round (nothing is written).

    ``overrides``: params.yaml keys set on the command line (nested dict, validated by
    :func:`flueko.config.load_params`).
    """
    ctx = RoundContext(ws, round_id, overrides=overrides)
    check_weights(ws, round_id, ctx.params.prioritise.weights)
    parsed, entries, reports = read_inputs(ws, round_id, ctx)
    built, extras, more = assemble(parsed, ctx, ws=ws)
    entries.extend(more)
    problems = [_one_line(e) for e in more if e.severity == L.ERROR]
    inputs, in_force = inputs_fingerprint(ws, round_id, overrides=overrides)
    manifest = {
        "round": round_id,
        "flueko_version": __version__,
        "fingerprint": inputs,
        "files": [{"file": r.file, "kinds": sorted(set(r.kinds)), "ok": r.ok} for r in reports],
        "counts": {name: len(df) for name, df in built.items()},
    }
    if in_force:
        manifest["settings"] = in_force
    return IngestResult(
        round_id, built, L.to_frame(entries), reports, manifest, extras, problems=problems
    )


def inputs_fingerprint(
    ws: Workspace, round_id: str, *, overrides: Mapping[str, Any] | None = None
) -> tuple[str, list[str]]:
    """The fingerprint of the files that decide a round's results, and the settings in force.

    Covers the round folder (raw files, coding workbooks, returned plans, the round's settings
    copies) and the workspace-wide settings copies in ``data/raw/``; without workspace copies
    it is the fingerprint of the round folder alone. Returns the fingerprint and the settings
    in force: the copies (paths below ``data/raw/``) and each ``--param`` value.
    """
    folder = ws.raw_round(round_id)
    digest = fingerprint(folder)
    names = sorted(SETTINGS_FILES)
    shared = [ws.raw / n for n in names if (ws.raw / n).is_file()]
    own = [folder / n for n in names if n != "round.yaml" and (folder / n).is_file()]
    in_force = [p.relative_to(ws.raw).as_posix() for p in (*shared, *own)]
    in_force += [f"--param {key}={value}" for key, value in _dotted(overrides or {})]
    if not shared:
        return digest, in_force
    combined = hashlib.sha256(digest.encode("ascii"))
    for path in shared:
        combined.update(path.name.encode("utf-8") + b"\0")
        combined.update(hashlib.sha256(path.read_bytes()).digest())
    return combined.hexdigest(), in_force


def _dotted(tree: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in sorted(tree.items()):
        if isinstance(value, Mapping):
            out.extend(_dotted(value, f"{prefix}{key}."))
        else:
            out.append((f"{prefix}{key}", value))
    return out


def _one_line(e: L.LogEntry) -> str:
    where = ", ".join(x for x in (e.file, f"Blatt '{e.sheet}'" if e.sheet else "", e.cell) if x)
    return f"{where}: {e.message}" if where else e.message


def check_weights(ws: Workspace, round_id: str, weights) -> None:
    """Raise a :class:`ConfigError` naming the params.yaml copies in force when the
    prioritisation weights do not sum to 1 — before anything of the round is read or written."""
    try:
        validate_weights(weights)
    except ConfigError as err:
        copies = settings_copies(PARAMS_FILE, workspace=ws, round_id=round_id)
        raise ConfigError(
            f"prioritise.weights: {err.message}",
            file="; ".join(str(p) for p in copies) or PARAMS_FILE,
            hint=err.hint,
        ) from err


def write_result(ws: Workspace, result: IngestResult) -> list[Path]:
    """Write the processed tables of ``result`` to ``data/processed/<round>/``."""
    return tables.write_round(
        ws.processed_round(result.round_id),
        result.tables,
        result.log,
        result.manifest,
        extras=result.extras,
    )
