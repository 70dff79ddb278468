"""Score flueko's survey reading against the blind cases in ``cases/``.

For each case: copy its files into a fresh workspace ``W/data/raw/r/``, run
``<repo>/.venv/bin/flueko --workspace W ingest r``, read
``W/data/processed/r/survey_responses.parquet`` (and ``survey_items.parquet``), convert every
value to the common 0-1 "good" scale and compare with ``truth.json``.

Conversion (the data contract, ARCHITECTURE.md): ``value`` is the scale value, higher is better
(ingest/likert.py: "scale values where higher is better"), read on the range
``scale_min``..``scale_max``; so good = (value - scale_min) / (scale_max - scale_min).
A row counts as a valid answer when ``value`` is present and ``excluded`` is empty.

A case passes when: the respondent count is exact; every truth item is matched by exactly one
flueko item with exact n_valid and |mean difference| <= 0.02; no other flueko item is present
(a metadata or free-text column read as an item with values is a failure; one kept
without any valid value, e.g. comments as text, is only noted); respondents per group are exact
where the case has groups; and a group below 5 respondents is suppressed in survey_items
(when that table has rows per group).

Run: python tests/wild_sets/surveys/score.py [case-name-substring ...]
Never crashes on a case: any exception is reported as that case's FAIL.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
VENV_PY = REPO / ".venv" / "bin" / "python"
FLUEKO = REPO / ".venv" / "bin" / "flueko"
TOL = 0.02

try:
    import pandas as pd
except ImportError:  # run with the project's interpreter, which has pandas and pyarrow
    if VENV_PY.exists() and not os.environ.get("FLUEKO_SCORE_REEXEC"):
        os.environ["FLUEKO_SCORE_REEXEC"] = "1"
        os.execv(str(VENV_PY), [str(VENV_PY), __file__, *sys.argv[1:]])
    raise

KEYS = {
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
}


def fold(s) -> str:
    s = unicodedata.normalize("NFKD", str(s).lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def words(s) -> set[str]:
    return {w for w in fold(s).split() if len(w) >= 4}


def similarity(item: str, label: str) -> float:
    a, b = fold(item), fold(label)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return 0.5 + 0.4 * min(len(a), len(b)) / max(len(a), len(b))
    wa, wb = words(item), words(label)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb) * 0.8


def match_items(flueko_items: list[str], truth_items: list[dict], not_items: list[str]):
    """Return {truth key: flueko item}, unmatched flueko items, {flueko item: not_item}."""
    mapping: dict[str, str] = {}
    free = list(flueko_items)
    for t in truth_items:  # 1) built-in key
        if t["key"] in free:
            mapping[t["key"]] = t["key"]
            free.remove(t["key"])
    pairs = []  # 2) label similarity for the rest
    for t in truth_items:
        if t["key"] in mapping:
            continue
        for it in free:
            if it in KEYS:  # another built-in key is not this item
                continue
            s = max(similarity(it, lab) for lab in t["labels"] + [t["key"]])
            if s >= 0.3:
                pairs.append((s, t["key"], it))
    for _s, key, it in sorted(pairs, reverse=True):
        if key not in mapping and it in free:
            mapping[key] = it
            free.remove(it)
    as_non_item = {}
    for it in free:
        best = max(((similarity(it, n), n) for n in not_items), default=(0, None))
        if best[0] >= 0.3:
            as_non_item[it] = best[1]
    return mapping, free, as_non_item


def run_case(case: Path) -> tuple[bool, list[str]]:
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        w = Path(tmp) / "W"
        raw = w / "data" / "raw" / "r"
        raw.mkdir(parents=True)
        for f in case.iterdir():
            if f.name != "truth.json":
                shutil.copy(f, raw / f.name)
        try:
            proc = subprocess.run(
                [str(FLUEKO), "--workspace", str(w), "ingest", "r"],
                capture_output=True,
                text=True,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            return False, ["flueko ingest timed out"]
        out = (proc.stdout + proc.stderr).replace(str(w), "W")
        if proc.returncode != 0:
            lines.append(f"flueko ingest exit code {proc.returncode}")
        proc_dir = w / "data" / "processed" / "r"
        resp_path = proc_dir / "survey_responses.parquet"
        if not resp_path.exists():
            lines.append("no survey_responses.parquet; flueko said:")
            lines += ["    " + ln for ln in out.strip().splitlines()[-12:]]
            return False, lines
        df = pd.read_parquet(resp_path)
        items_df = None
        if (proc_dir / "survey_items.parquet").exists():
            items_df = pd.read_parquet(proc_dir / "survey_items.parquet")
        log_lines = [ln for ln in out.strip().splitlines()]
        return compare(truth, df, items_df, lines, log_lines)


def compare(truth, df, items_df, lines, log_lines):
    ok = True
    need = {"respondent", "item", "value", "scale_min", "scale_max"}
    missing_cols = need - set(df.columns)
    if missing_cols:
        lines.append(
            f"survey_responses lacks columns {sorted(missing_cols)}; has {list(df.columns)}"
        )
        return False, lines
    if df.empty:
        lines.append("survey_responses is empty; flueko said:")
        lines += ["    " + ln for ln in log_lines[-12:]]
        return False, lines
    n_resp = df["respondent"].dropna().nunique()
    if n_resp != truth["n_respondents"]:
        ok = False
        lines.append(f"respondents: flueko {n_resp}, truth {truth['n_respondents']}")

    excl = df["excluded"] if "excluded" in df.columns else pd.Series([None] * len(df))
    excl_empty = excl.isna() | (excl.astype(str).str.strip() == "")
    valid = df[df["value"].notna() & excl_empty].copy()
    span = valid["scale_max"].astype(float) - valid["scale_min"].astype(float)
    valid["good"] = (valid["value"].astype(float) - valid["scale_min"].astype(float)) / span
    bad_span = valid[~(span > 0)]
    if len(bad_span):
        ok = False
        lines.append(f"{len(bad_span)} valid rows without a usable scale_min/scale_max")
    out_of_range = valid[(valid["good"] < -1e-9) | (valid["good"] > 1 + 1e-9)]
    if len(out_of_range):
        ok = False
        lines.append(
            f"{len(out_of_range)} values outside scale_min..scale_max, e.g. "
            + str(
                out_of_range[["item", "answer", "value", "scale_min", "scale_max"]]
                .head(3)
                .to_dict("records")
            )
        )

    f_items = sorted(str(i) for i in df["item"].dropna().unique())
    mapping, extra, as_non_item = match_items(f_items, truth["items"], truth["not_items"])
    for t in truth["items"]:
        key = t["key"]
        it = mapping.get(key)
        if it is None:
            ok = False
            lines.append(f"  {key}: not found among flueko items")
            continue
        sub = valid[valid["item"].astype(str) == it]
        n = len(sub)
        mean = float(sub["good"].mean()) if n else float("nan")
        ranges = sorted(
            {(float(a), float(b)) for a, b in zip(sub["scale_min"], sub["scale_max"], strict=False)}
        )
        tag = "" if it == key else f" (as '{it}')"
        diff_n = n != t["n_valid"]
        tm = t["mean_good_0_1"]
        diff_m = tm is None or not (abs(mean - tm) <= TOL)
        if diff_n or diff_m:
            ok = False
            answers = (
                sorted({str(a) for a in df.loc[df["item"].astype(str) == it, "answer"].dropna()})[
                    :8
                ]
                if "answer" in df.columns
                else []
            )
            lines.append(
                f"  {key}{tag}: n_valid {n} vs {t['n_valid']}, mean_good "
                f"{mean:.3f} vs {tm:.3f} (diff {mean - tm:+.3f}); "
                f"range read {ranges}; answers {answers}"
            )
        else:
            lines.append(f"  {key}{tag}: ok (n {n}, mean_good {mean:.3f})")
    for it in extra:
        why = f" = non-item column '{as_non_item[it]}'" if it in as_non_item else ""
        n = int((df["item"].astype(str) == it).sum())
        n_val = int((valid["item"].astype(str) == it).sum())
        if n_val:  # a rating read where there is none (metadata, free text, ...)
            ok = False
            lines.append(f"  extra flueko item '{it}'{why}: {n_val} valid values ({n} rows)")
        else:  # kept as text without values (e.g. comments): allowed, noted
            lines.append(f"  note: flueko item '{it}'{why} kept without values ({n} rows)")

    if truth.get("groups"):
        if "group" not in df.columns:
            ok = False
            lines.append("  no group column")
        else:
            g = (
                df.dropna(subset=["respondent"])
                .groupby("respondent")["group"]
                .first()
                .fillna("<missing>")
                .astype(str)
                .value_counts()
                .to_dict()
            )
            # flueko names groups by the taxonomy's participant groups ("Jobcenter" ->
            # "Arbeitsagentur/Jobcenter") on purpose; what must hold is that no group is merged
            # or split: the same group sizes. Different names are noted, not counted.
            if sorted(g.values()) != sorted(truth["groups"].values()):
                ok = False
                lines.append(f"  groups: flueko {g}, truth {truth['groups']}")
            elif g != truth["groups"]:
                lines.append(f"  note: group names flueko {g}, as written {truth['groups']}")
    for small in truth.get("small_groups") or []:
        if items_df is None or "group" not in items_df.columns:
            lines.append(f"  (no survey_items per group to check suppression of '{small}')")
            continue
        rows = items_df[items_df["group"].astype(str) == small]
        if rows.empty:
            lines.append(f"  small group '{small}': no rows in survey_items (not shown)")
            continue
        sup = rows["suppressed"].astype(bool) if "suppressed" in rows.columns else None
        if sup is None or not sup.all():
            ok = False
            lines.append(
                f"  small group '{small}': {int((~sup).sum()) if sup is not None else len(rows)} "
                f"survey_items rows not suppressed"
            )
        else:
            lines.append(f"  small group '{small}': suppressed in survey_items (ok)")
    return ok, lines


def main(argv: list[str]) -> int:
    cases = sorted(p for p in (HERE / "cases").iterdir() if (p / "truth.json").exists())
    if argv:
        cases = [c for c in cases if any(a in c.name for a in argv)]
    n_pass = 0
    for case in cases:
        try:
            ok, lines = run_case(case)
        except Exception as exc:  # the scorer never stops on a case
            ok, lines = (
                False,
                [f"scorer error: {exc!r}"]
                + ["    " + ln for ln in traceback.format_exc().splitlines()[-4:]],
            )
        n_pass += ok
        print(f"{'PASS' if ok else 'FAIL'} {case.name}")
        for ln in lines:
            print("   " + ln)
        sys.stdout.flush()
    print(f"{n_pass}/{len(cases)} cases exact")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
